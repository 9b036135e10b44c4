import { describe, expect, it } from 'vitest'
import { appInfo, fakeCore, mountApp, settle } from './helpers'
import type { CareSettings } from '../src/api'

const defaults: CareSettings = { mobile_no_contact_days: 90, review_months: 12, visit_age: 80, visit_party_years: 50 }
const saved: CareSettings = { mobile_no_contact_days: 45, review_months: 6, visit_age: 75, visit_party_years: 40 }

function core(refuse: () => boolean) {
  return fakeCore((cmd, args) => {
    if (cmd === 'app_info') return appInfo()
    if (cmd === 'branch_get') return { name: '', higher_committee: '', secretary: '', term_start: null, records_from: null }
    if (cmd === 'reminder_settings_get') return { birthday_days: 30, term_years: 5 }
    if (cmd === 'committee_warnings') return []
    if (cmd === 'care_settings_get') return { settings: saved, defaults }
    if (cmd === 'care_settings_save') {
      if (refuse())
        throw {
          code: 'validation',
          message: '有 2 项需要改正',
          fields: { mobile_no_contact_days: '流动党员多久未联系提醒：请填 30 到 365 天', visit_age: '慰问年龄：请填 60 到 100 岁' },
        }
      return { settings: args.settings, defaults }
    }
    throw { code: 'unexpected', message: cmd }
  })
}

const value = (w: { get: (s: string) => { element: Element } }, key: string) =>
  (w.get(`[data-testid=item-${key}] input`).element as HTMLInputElement).value

describe('设置 → 流动党员和关怀', () => {
  it('opens from ?tab=care with the four values, their units and defaults', async () => {
    core(() => false)
    const { wrapper } = await mountApp('/settings?tab=care')
    await settle()
    const panel = wrapper.get('[data-testid=care-settings]')
    expect(wrapper.get('.el-tabs__item.is-active').text()).toBe('流动党员和关怀')
    expect(value(panel, 'mobile_no_contact_days')).toBe('45')
    expect(value(panel, 'review_months')).toBe('6')
    expect(panel.get('[data-testid=default-mobile_no_contact_days]').text()).toBe('默认：90天')
    expect(panel.get('[data-testid=default-review_months]').text()).toBe('默认：12个月')
    expect(panel.get('[data-testid=default-visit_age]').text()).toBe('默认：80岁')
    expect(panel.get('[data-testid=default-visit_party_years]').text()).toBe('默认：50年')
  })

  it('恢复默认 fills the defaults and 保存 sends all four', async () => {
    const calls = core(() => false)
    const { wrapper } = await mountApp('/settings?tab=care')
    await settle()
    const panel = wrapper.get('[data-testid=care-settings]')
    await panel.get('[data-testid=care-settings-defaults]').trigger('click')
    await settle()
    expect(calls.some((c) => c.cmd === 'care_settings_save')).toBe(false)
    expect(value(panel, 'visit_party_years')).toBe('50')
    await panel.get('[data-testid=care-settings-save]').trigger('click')
    await settle()
    expect(calls.find((c) => c.cmd === 'care_settings_save')!.args.settings).toEqual(defaults)
  })

  it('shows the core’s message under each field it refused', async () => {
    const calls = core(() => true)
    const { wrapper } = await mountApp('/settings?tab=care')
    await settle()
    const panel = wrapper.get('[data-testid=care-settings]')
    await panel.get('[data-testid=care-settings-save]').trigger('click')
    await settle(150)
    expect(calls.find((c) => c.cmd === 'care_settings_save')!.args.settings).toEqual(saved)
    expect(panel.get('[data-testid=item-mobile_no_contact_days] .el-form-item__error').text()).toBe(
      '流动党员多久未联系提醒：请填 30 到 365 天',
    )
    expect(panel.get('[data-testid=item-visit_age] .el-form-item__error').text()).toBe('慰问年龄：请填 60 到 100 岁')
    expect(panel.find('[data-testid=item-review_months] .el-form-item__error').exists()).toBe(false)
  })
})
