import { describe, expect, it, vi } from 'vitest'
import type { Router } from 'vue-router'
import { goBack, useFormSave } from '../src/formSave'

describe('useFormSave', () => {
  it('marks field errors, puts the message on top and ignores a second submit', async () => {
    const { errors, topError, saving, run } = useFormSave()
    let finish!: (v: string) => void
    let calls = 0
    const first = run(() => {
      calls++
      return new Promise<string>((resolve) => (finish = resolve))
    })
    expect(saving.value).toBe(true)
    expect(await run(async () => (calls++, 'again'))).toBeUndefined()
    expect(calls).toBe(1)
    finish('done')
    expect(await first).toBe('done')
    expect(saving.value).toBe(false)

    const failed = await run(() =>
      Promise.reject({ code: 'validation', message: '有 1 处填写需要修改', fields: { date: '日期不对' } }),
    )
    expect(failed).toBeUndefined()
    expect({ ...errors }).toEqual({ date: '日期不对' })
    expect(topError.value).toBe('有 1 处填写需要修改')
    expect(saving.value).toBe(false)

    await run(async () => 1)
    expect({ ...errors }).toEqual({})
    expect(topError.value).toBe('')
  })
})

describe('goBack', () => {
  it('goes back where the user came from, or to the fallback when the page was opened directly', () => {
    const router = { back: vi.fn(), push: vi.fn() }
    window.history.replaceState({ back: '/members/7' }, '')
    goBack(router as unknown as Router, '/members')
    expect(router.back).toHaveBeenCalledTimes(1)
    expect(router.push).not.toHaveBeenCalled()

    window.history.replaceState({}, '')
    goBack(router as unknown as Router, '/members')
    expect(router.push).toHaveBeenCalledWith('/members')
    expect(router.back).toHaveBeenCalledTimes(1)
  })
})
