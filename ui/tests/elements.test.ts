import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, ref } from 'vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import { installElements } from '../src/elements'
import { settle } from './helpers'

// A select whose values are ids and whose labels are names, as the 党小组 select.
const groups = [
  { id: 1, name: '第一党小组' },
  { id: 2, name: '第二党小组' },
  { id: 3, name: '第三党小组' },
]
const GroupSelect = defineComponent({
  setup() {
    const picked = ref<number | null>(2)
    return { picked, groups }
  },
  template: `<div>
    <el-select v-model="picked" data-testid="group">
      <el-option v-for="g in groups" :key="g.id" :label="g.name" :value="g.id" />
    </el-select>
    <span data-testid="picked">{{ picked }}</span>
  </div>`,
})

const mounted: VueWrapper[] = []
afterEach(() => {
  while (mounted.length) mounted.pop()!.unmount()
})

const options = () => [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')]

describe('el-select as the app registers it', () => {
  it('draws no drop-down while closed, yet names the chosen option', async () => {
    const w = mount(GroupSelect, { global: { plugins: [{ install: installElements }] }, attachTo: document.body })
    mounted.push(w)
    await settle()
    expect(options()).toHaveLength(0)
    expect(document.querySelector('.el-select-dropdown')).toBeNull()
    expect(w.get('[data-testid=group]').text()).toContain('第二党小组')
  })

  it('lists the options once opened, and a pick sets the value and the name', async () => {
    const w = mount(GroupSelect, { global: { plugins: [{ install: installElements }] }, attachTo: document.body })
    mounted.push(w)
    await settle()
    await w.get('.el-select__wrapper').trigger('click')
    await settle()
    expect(options().map((o) => o.textContent?.trim())).toEqual(['第一党小组', '第二党小组', '第三党小组'])
    options()[2].click()
    await settle()
    expect(w.get('[data-testid=picked]').text()).toBe('3')
    expect(w.get('[data-testid=group]').text()).toContain('第三党小组')
  })
})
