import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { fakeCore } from './helpers'
import { STICK_POLL_MS, useSticks } from '../src/composables/useSticks'
import type { Target } from '../src/api'

const KINGSTON: Target = { path: '/media/zhang/KINGSTON', label: 'KINGSTON', free_bytes: 1024 }
const CHINESE: Target = { path: '/media/zhang/党建资料', label: '党建资料', free_bytes: null }

/** A component that shows what useSticks gives. */
const Shows = defineComponent({
  setup() {
    const s = useSticks()
    return () => h('div', [h('span', { class: 'labels' }, s.sticks.value.map((t) => t.label).join(',')), h('i', s.failed.value)])
  },
})

afterEach(() => {
  vi.useRealTimers()
})

describe('useSticks', () => {
  it('asks at once, then every 3 seconds, shows a stick plugged in, and stops when the page closes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let plugged: Target[] = []
    const calls = fakeCore((cmd) => {
      if (cmd === 'archive_targets') return plugged
      throw { code: 'unexpected', message: cmd }
    })
    const count = () => calls.filter((c) => c.cmd === 'archive_targets').length
    const wrapper = mount(Shows)
    await flushPromises()
    expect(count()).toBe(1)
    expect(wrapper.get('.labels').text()).toBe('')

    await vi.advanceTimersByTimeAsync(STICK_POLL_MS - 100)
    expect(count()).toBe(1)
    plugged = [KINGSTON, CHINESE]
    await vi.advanceTimersByTimeAsync(100)
    await flushPromises()
    expect(count()).toBe(2)
    expect(wrapper.get('.labels').text()).toBe('KINGSTON,党建资料')

    await vi.advanceTimersByTimeAsync(STICK_POLL_MS)
    await flushPromises()
    expect(count()).toBe(3)

    wrapper.unmount()
    await vi.advanceTimersByTimeAsync(STICK_POLL_MS * 5)
    await flushPromises()
    expect(count()).toBe(3)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('says why when the sticks cannot be listed, and keeps asking', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let fail = true
    fakeCore((cmd) => {
      if (cmd !== 'archive_targets') throw { code: 'unexpected', message: cmd }
      if (fail) throw { code: 'io', message: '读不到U盘列表' }
      return [KINGSTON]
    })
    const wrapper = mount(Shows)
    await flushPromises()
    expect(wrapper.get('i').text()).toBe('读不到U盘列表')
    fail = false
    await vi.advanceTimersByTimeAsync(STICK_POLL_MS)
    await flushPromises()
    expect(wrapper.get('i').text()).toBe('')
    expect(wrapper.get('.labels').text()).toBe('KINGSTON')
    wrapper.unmount()
  })
})
