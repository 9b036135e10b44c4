import { afterEach, describe, expect, it } from 'vitest'
import { call } from '../src/api'
import { fakeCore } from './helpers'

afterEach(() => {
  window.__zhibuPending = 0
})

describe('commands in flight (what the release figures wait for)', () => {
  it('counts a command while it is answered and after it failed', async () => {
    let release: (v: unknown) => void = () => {}
    fakeCore((cmd) => {
      if (cmd === 'slow') return new Promise((r) => (release = r))
      throw { code: 'not_found', message: '找不到这位党员' }
    })
    const slow = call('slow')
    const failing = call('broken').catch((e: { message: string }) => e.message)
    expect(window.__zhibuPending).toBe(2)
    expect(await failing).toBe('找不到这位党员')
    expect(window.__zhibuPending).toBe(1)
    release(7)
    expect(await slow).toBe(7)
    expect(window.__zhibuPending).toBe(0)
  })
})
