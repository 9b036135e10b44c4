import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { installElements } from '../src/elements'
import MemberSelect from '../src/components/MemberSelect.vue'
import { settle } from './helpers'

const members = Array.from({ length: 500 }, (_, i) => ({ id: i + 1, name: `党员${i + 1}`, kind_label: i % 9 ? '正式党员' : '预备党员' }))

const mounted: VueWrapper[] = []
afterEach(() => {
  while (mounted.length) mounted.pop()!.unmount()
})

async function mountSelect(modelValue: number | number[] | null) {
  const wrapper = mount(MemberSelect, {
    props: { members, modelValue, withKind: true, ...(Array.isArray(modelValue) ? { multiple: true } : {}), 'onUpdate:modelValue': (v: unknown) => wrapper.setProps({ modelValue: v as number }) },
    global: { plugins: [{ install: installElements }] },
    attachTo: document.body,
  })
  mounted.push(wrapper)
  await settle()
  return wrapper
}

const options = () => [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')]

describe('MemberSelect', () => {
  it('draws no options while closed, and names the chosen member', async () => {
    const wrapper = await mountSelect(42)
    expect(options()).toHaveLength(0)
    expect(wrapper.text()).toContain('党员42')
  })

  it('lists every member once opened, and a pick sets the model', async () => {
    const wrapper = await mountSelect(null)
    expect(options()).toHaveLength(0)
    await wrapper.get('.el-select__wrapper').trigger('click')
    await settle()
    expect(options()).toHaveLength(500)
    options()
      .find((o) => o.textContent?.startsWith('党员10预备'))!
      .click()
    await settle()
    expect(wrapper.props('modelValue')).toBe(10)
  })

  it('names every chosen member of a multiple choice', async () => {
    const wrapper = await mountSelect([3, 250])
    expect(wrapper.findAll('.el-select__tags-text').map((t) => t.text())).toEqual(['党员3', '党员250'])
  })
})
