import { describe, expect, it } from 'vitest'
import { appInfo, detail, fakeCore, mountApp, settle, testChoices } from './helpers'

function core(over = {}) {
  return fakeCore((cmd, args) => {
    if (cmd === 'member_get') return detail({ id: Number(args.id), ...over })
    if (cmd === 'choices') return testChoices
    if (cmd === 'app_info') return appInfo({ member_count: 1 })
    if (cmd === 'member_change_status')
      throw { code: 'validation', message: '请改正标红的地方', fields: { reason: '请写明原因' } }
    throw { code: 'unexpected', message: cmd }
  })
}

describe('党员详情', () => {
  it('shows masked numbers until asked, and formats dates as text', async () => {
    core()
    const { wrapper } = await mountApp('/members/7')
    expect(wrapper.get('[data-testid=detail-name]').text()).toBe('李四')
    expect(wrapper.get('[data-testid=detail-id_number]').text()).toBe('110101********1234')
    expect(wrapper.get('[data-testid=detail-phone]').text()).toBe('138****1111')
    expect(wrapper.get('[data-testid=detail-birth_date]').text()).toBe('1962年1月')
    expect(wrapper.get('[data-testid=detail-admitted_on]').text()).toBe('1985年7月1日')
    expect(wrapper.get('[data-testid=detail-age]').text()).toBe('64岁')
    expect(wrapper.get('[data-testid=detail-next_political_birthday]').text()).toContain('2027年7月1日')
    expect(wrapper.get('[data-testid=detail-next_political_birthday]').text()).toContain('42')

    await wrapper.get('[data-testid=toggle-full-numbers]').trigger('click')
    expect(wrapper.get('[data-testid=detail-id_number]').text()).toBe('110101196201011234')
    expect(wrapper.get('[data-testid=detail-phone]').text()).toBe('13800001111')
  })

  it('says when the day of the political birthday is not known', async () => {
    core({ next_political_birthday: { date: '2027-07', years: 42, day_known: false } })
    const { wrapper } = await mountApp('/members/7')
    expect(wrapper.get('[data-testid=detail-next_political_birthday]').text()).toContain('（具体日期不详）')
  })

  it('keeps the status dialog open with the field error on a validation answer', async () => {
    const calls = core()
    const { wrapper } = await mountApp('/members/7')
    await wrapper.get('[data-testid=change-status]').trigger('click')
    await settle()
    const dialog = document.querySelector('[data-testid=status-dialog]') as HTMLElement
    expect(dialog).toBeTruthy()
    ;(document.querySelector('[data-testid=status-save]') as HTMLElement).click()
    await settle(150)
    const sent = calls.find((c) => c.cmd === 'member_change_status')!
    expect(sent.args).toMatchObject({ id: 7, change: { date: '2026-11-27' } })
    const err = document.querySelector('[data-testid=status-dialog] [data-testid=item-reason] .el-form-item__error')
    expect(err?.textContent?.trim()).toBe('请写明原因')
  })
})

describe('删除党员', () => {
  it('asks first, says it can be restored, then deletes and returns to the roster', async () => {
    const calls = fakeCore((cmd, args) => {
      if (cmd === 'member_get') return detail({ id: Number(args.id) })
      if (cmd === 'choices') return testChoices
      if (cmd === 'app_info') return appInfo({ member_count: 1 })
      if (cmd === 'member_delete') return null
      if (cmd === 'group_list') return []
      if (cmd === 'member_list') return []
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper, router } = await mountApp('/members/7')
    await wrapper.get('[data-testid=delete-member]').trigger('click')
    await settle(50)
    const box = document.querySelector('.el-message-box') as HTMLElement
    expect(box.textContent).toContain('删除后可在回收站恢复')
    expect(calls.some((c) => c.cmd === 'member_delete')).toBe(false)
    const confirm = Array.from(box.querySelectorAll('button')).find((b) => b.textContent?.trim() === '删除')!
    confirm.click()
    await settle(50)
    expect(calls.find((c) => c.cmd === 'member_delete')?.args).toEqual({ id: 7 })
    expect(router.currentRoute.value.path).toBe('/members')
  })
})
