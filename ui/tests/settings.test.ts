import { describe, expect, it } from 'vitest'
import { appInfo, fakeCore, mountApp, settle } from './helpers'
import type { Branch } from '../src/api'

describe('设置', () => {
  it('loads and saves the branch, sending an empty date as null', async () => {
    const calls = fakeCore((cmd, args) => {
      if (cmd === 'branch_get') return { name: '', higher_committee: '中共示例镇委员会', secretary: '', term_start: null }
      if (cmd === 'app_info') return appInfo()
      if (cmd === 'branch_save') return args.branch
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/settings')
    const higher = wrapper.get('[data-testid=field-branch-higher_committee] input').element as HTMLInputElement
    expect(higher.value).toBe('中共示例镇委员会')
    expect(wrapper.get('[data-testid=field-branch-name] input').attributes('placeholder')).toBe('中共XX村支部委员会')
    await wrapper.get('[data-testid=field-branch-name] input').setValue('中共东山村支部委员会')
    await wrapper.get('[data-testid=branch-save]').trigger('click')
    await settle()
    const saved = calls.find((c) => c.cmd === 'branch_save')!.args.branch as Branch
    expect(saved).toEqual({
      name: '中共东山村支部委员会',
      higher_committee: '中共示例镇委员会',
      secretary: '',
      term_start: null,
    })
  })

  it('switches the 字号 on <html> and remembers it', async () => {
    fakeCore((cmd) => {
      if (cmd === 'branch_get') return { name: '', higher_committee: '', secretary: '', term_start: null }
      if (cmd === 'app_info') return appInfo()
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/settings')
    const large = wrapper.findAll('[data-testid=font-size] input').find((i) => (i.element as HTMLInputElement).value === 'large')!
    await large.setValue(true)
    await settle()
    expect(document.documentElement.classList.contains('font-large')).toBe(true)
    expect(localStorage.getItem('zhibu.fontSize')).toBe('large')
    const standard = wrapper.findAll('[data-testid=font-size] input').find((i) => (i.element as HTMLInputElement).value === 'standard')!
    await standard.setValue(true)
    await settle()
    expect(document.documentElement.classList.contains('font-standard')).toBe(true)
    expect(localStorage.getItem('zhibu.fontSize')).toBe('standard')
  })
})
