import { describe, expect, it } from 'vitest'
import { appInfo, fakeCore, mountApp, pickOption, settle } from './helpers'
import { meetingChoices } from './meetingFixtures'
import { categories, roundings } from './duesFixtures'
import type { Branch, DuesSettingsForm, MeetingSettings, MeetingSettingsForm } from '../src/api'

describe('设置', () => {
  it('loads and saves the branch, sending an empty date as null', async () => {
    const calls = fakeCore((cmd, args) => {
      if (cmd === 'branch_get') return { name: '', higher_committee: '中共示例镇委员会', secretary: '', term_start: null }
      if (cmd === 'reminder_settings_get') return { birthday_days: 30, term_years: 5 }
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
      records_from: '',
    })
  })

  it('reads and saves 建账日期 with its hint, and shows a refusal beside it', async () => {
    let refuse = true
    const calls = fakeCore((cmd, args) => {
      if (cmd === 'branch_get')
        return { name: '中共东山村支部委员会', higher_committee: '', secretary: '', term_start: null, records_from: '2026-03-01' }
      if (cmd === 'reminder_settings_get') return { birthday_days: 30, term_years: 5 }
      if (cmd === 'committee_warnings') return []
      if (cmd === 'app_info') return appInfo()
      if (cmd === 'branch_save') {
        if (refuse) throw { code: 'validation', message: '有 1 项需要改正', fields: { records_from: '建账日期不能晚于今天' } }
        const b = args.branch as Record<string, unknown>
        return { ...b, records_from: b.records_from === '' ? null : b.records_from }
      }
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/settings')
    const field = wrapper.get('[data-testid=field-branch-records_from] input')
    expect((field.element as HTMLInputElement).value).toBe('2026-03-01')
    expect(wrapper.get('[data-testid=item-branch-records_from]').text()).toContain('建账日期')
    expect(wrapper.get('[data-testid=hint-branch-records_from]').text()).toBe(
      '本软件从这一天开始记账；这一天以前的会议和组织生活不作检查（显示为“建账前”）',
    )

    await field.setValue('2027-01-01')
    await wrapper.get('[data-testid=branch-save]').trigger('click')
    await settle(150)
    expect(wrapper.get('[data-testid=item-branch-records_from] .el-form-item__error').text()).toBe('建账日期不能晚于今天')

    refuse = false
    await field.setValue('2025-09-01')
    await wrapper.get('[data-testid=branch-save]').trigger('click')
    await settle()
    expect(calls.filter((c) => c.cmd === 'branch_save').pop()!.args.branch).toEqual({
      name: '中共东山村支部委员会',
      higher_committee: '',
      secretary: '',
      term_start: null,
      records_from: '2025-09-01',
    })
  })

  it('shows the core’s committee warnings on 支部信息, and none when there are none', async () => {
    let warnings = ['支委会现有 2 人，应为 3 至 7 人', '还没有书记']
    const calls = fakeCore((cmd, args) => {
      if (cmd === 'branch_get') return { name: '', higher_committee: '', secretary: '', term_start: null, records_from: null }
      if (cmd === 'reminder_settings_get') return { birthday_days: 30, term_years: 5 }
      if (cmd === 'committee_warnings') return warnings
      if (cmd === 'app_info') return appInfo()
      if (cmd === 'branch_save') return { ...(args.branch as object), records_from: null }
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/settings')
    expect(calls.filter((c) => c.cmd === 'committee_warnings').map((c) => c.args)).toEqual([{}])
    const shown = wrapper.findAll('[data-testid=committee-warning]')
    expect(shown.map((w) => w.text())).toEqual(warnings)
    expect(wrapper.findAll('[data-testid=committee-warnings] .el-alert--warning')).toHaveLength(2)

    // asked again after saving
    warnings = []
    await wrapper.get('[data-testid=field-branch-name] input').setValue('中共东山村支部委员会')
    await wrapper.get('[data-testid=branch-save]').trigger('click')
    await settle()
    expect(calls.filter((c) => c.cmd === 'committee_warnings')).toHaveLength(2)
    expect(wrapper.find('[data-testid=committee-warnings]').exists()).toBe(false)
  })

  it('switches the 字号 on <html> and remembers it', async () => {
    fakeCore((cmd) => {
      if (cmd === 'branch_get') return { name: '', higher_committee: '', secretary: '', term_start: null }
      if (cmd === 'reminder_settings_get') return { birthday_days: 30, term_years: 5 }
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

  describe('会议频次', () => {
    const settings: MeetingSettings = {
      frequencies: [
        { kind: 'assembly', kind_label: '支部党员大会', frequency: 'quarterly' },
        { kind: 'committee', kind_label: '支委会', frequency: 'monthly' },
        { kind: 'talk', kind_label: '谈心谈话', frequency: 'none' },
      ],
      theme_day: '每月5日',
    }
    function settingsCore(save: (s: MeetingSettingsForm) => unknown) {
      return fakeCore((cmd, args) => {
        if (cmd === 'branch_get') return { name: '', higher_committee: '', secretary: '', term_start: null }
        if (cmd === 'reminder_settings_get') return { birthday_days: 30, term_years: 5 }
        if (cmd === 'app_info') return appInfo()
        if (cmd === 'meeting_choices') return meetingChoices
        if (cmd === 'meeting_settings_get') return settings
        if (cmd === 'meeting_settings_save') return save(args.settings as MeetingSettingsForm)
        throw { code: 'unexpected', message: cmd }
      })
    }

    it('reads the settings when the tab is opened and saves the frequencies and the 主题党日 day', async () => {
      const calls = settingsCore((s) => ({
        frequencies: settings.frequencies.map((f) => ({ ...f, ...s.frequencies.find((x) => x.kind === f.kind) })),
        theme_day: s.theme_day,
      }))
      const { wrapper } = await mountApp('/settings')
      expect(calls.some((c) => c.cmd === 'meeting_settings_get')).toBe(false)
      await wrapper.get('#tab-meetings').trigger('click')
      await settle()

      const box = wrapper.get('[data-testid=meeting-settings]')
      expect(box.get('[data-testid=item-frequency-assembly]').text()).toContain('支部党员大会')
      expect(box.get('[data-testid=frequency-assembly]').text()).toContain('每季度一次')
      expect(box.get('[data-testid=frequency-talk]').text()).toContain('不作要求')
      const day = box.get('[data-testid=theme-day] input')
      expect((day.element as HTMLInputElement).value).toBe('每月5日')
      expect(day.attributes('placeholder')).toBe('如：每月5日，或 每月农历初一')
      expect(box.text()).toContain('默认值按《中国共产党支部工作条例（试行）》')

      await pickOption(box, '[data-testid=frequency-assembly]', '每月一次')
      await day.setValue('每月农历初一')
      await box.get('[data-testid=meeting-settings-save]').trigger('click')
      await settle()

      const saved = calls.filter((c) => c.cmd === 'meeting_settings_save')
      expect(saved).toHaveLength(1)
      expect(saved[0].args).toEqual({
        settings: {
          frequencies: [
            { kind: 'assembly', frequency: 'monthly' },
            { kind: 'committee', frequency: 'monthly' },
            { kind: 'talk', frequency: 'none' },
          ],
          theme_day: '每月农历初一',
        },
      })
      expect(document.querySelector('.el-message')?.textContent).toContain('已保存')
    })

    it('opens on the tab from the address and shows a refusal next to the field', async () => {
      settingsCore(() => {
        throw {
          code: 'validation',
          message: '有 1 处填写需要修改，请看标红的地方。没有保存任何内容。',
          fields: { theme_day: '主题党日的固定日期写得太长了（最多 30 字），如：每月5日' },
        }
      })
      const { wrapper } = await mountApp('/settings?tab=meetings')
      await wrapper.get('[data-testid=meeting-settings-save]').trigger('click')
      await settle(150)
      expect(wrapper.get('[data-testid=item-theme-day] .el-form-item__error').text()).toContain('最多 30 字')
      expect(wrapper.get('[data-testid=meeting-settings-error]').text()).toContain('有 1 处填写需要修改')
    })
  })

  describe('党费规则', () => {
    it('reads the rules when the tab is opened and saves them, the farmer amount as typed', async () => {
      const calls = fakeCore((cmd, args) => {
        if (cmd === 'branch_get') return { name: '', higher_committee: '', secretary: '', term_start: null }
        if (cmd === 'reminder_settings_get') return { birthday_days: 30, term_years: 5 }
        if (cmd === 'app_info') return appInfo()
        if (cmd === 'dues_settings_get') return { farmer_fen: 50, rounding_fen: 1, max_back_months: 6, max_advance_months: 6 }
        if (cmd === 'dues_choices') return { categories, roundings }
        if (cmd === 'dues_settings_save') {
          const s = args.settings as DuesSettingsForm
          return { farmer_fen: 80, rounding_fen: s.rounding_fen, max_back_months: s.max_back_months, max_advance_months: s.max_advance_months }
        }
        throw { code: 'unexpected', message: cmd }
      })
      const { wrapper } = await mountApp('/settings?tab=dues')
      const box = wrapper.get('[data-testid=dues-settings]')
      const farmer = box.get('[data-testid=field-farmer_amount] input')
      expect((farmer.element as HTMLInputElement).value).toBe('0.50')
      expect(box.get('[data-testid=field-rounding_fen]').text()).toContain('到分')

      await farmer.setValue('0.8')
      await pickOption(box, '[data-testid=field-rounding_fen]', '到角')
      const back = box.get('[data-testid=field-max_back_months] input')
      await back.setValue('3')
      await back.trigger('blur')
      await box.get('[data-testid=dues-settings-save]').trigger('click')
      await settle()

      expect(calls.filter((c) => c.cmd === 'dues_settings_save').map((c) => c.args)).toEqual([
        { settings: { farmer_amount: '0.8', rounding_fen: 10, max_back_months: 3, max_advance_months: 6 } },
      ])
      expect((farmer.element as HTMLInputElement).value).toBe('0.80')
      expect(calls.some((c) => c.cmd === 'dues_choices')).toBe(true)
    })

    it('offers the roundings the core lists, and shows the saved one', async () => {
      fakeCore((cmd) => {
        if (cmd === 'branch_get') return { name: '', higher_committee: '', secretary: '', term_start: null }
        if (cmd === 'reminder_settings_get') return { birthday_days: 30, term_years: 5 }
        if (cmd === 'app_info') return appInfo()
        if (cmd === 'dues_settings_get') return { farmer_fen: 50, rounding_fen: 100, max_back_months: 6, max_advance_months: 6 }
        if (cmd === 'dues_choices') return { categories, roundings: [...roundings.slice(0, 2), { value: '100', label: '到元（四舍五入）' }] }
        throw { code: 'unexpected', message: cmd }
      })
      const { wrapper } = await mountApp('/settings?tab=dues')
      expect(wrapper.get('[data-testid=field-rounding_fen]').text()).toContain('到元（四舍五入）')
    })
  })

  describe('首页提醒', () => {
    it('reads the reminder settings on the 支部信息 tab and saves them as numbers', async () => {
      const calls = fakeCore((cmd, args) => {
        if (cmd === 'branch_get') return { name: '', higher_committee: '', secretary: '', term_start: null }
        if (cmd === 'app_info') return appInfo()
        if (cmd === 'reminder_settings_get') return { birthday_days: 30, term_years: 5 }
        if (cmd === 'reminder_settings_save') return args.settings
        throw { code: 'unexpected', message: cmd }
      })
      const { wrapper } = await mountApp('/settings')
      const box = wrapper.get('[data-testid=reminder-settings]')
      const days = box.get('[data-testid=field-birthday_days] input')
      const term = box.get('[data-testid=field-term_years] input')
      expect((days.element as HTMLInputElement).value).toBe('30')
      expect((term.element as HTMLInputElement).value).toBe('5')

      await days.setValue('45')
      await days.trigger('blur')
      await term.setValue('3')
      await term.trigger('blur')
      await box.get('[data-testid=reminder-settings-save]').trigger('click')
      await settle()
      expect(calls.filter((c) => c.cmd === 'reminder_settings_save').map((c) => c.args)).toEqual([
        { settings: { birthday_days: 45, term_years: 3 } },
      ])
      expect(calls.some((c) => c.cmd === 'branch_save')).toBe(false)
      expect(document.querySelector('.el-message')?.textContent).toContain('已保存')
    })

    it('shows a refusal next to the field', async () => {
      fakeCore((cmd) => {
        if (cmd === 'branch_get') return { name: '', higher_committee: '', secretary: '', term_start: null }
        if (cmd === 'app_info') return appInfo()
        if (cmd === 'reminder_settings_get') return { birthday_days: 30, term_years: 5 }
        if (cmd === 'reminder_settings_save')
          throw {
            code: 'validation',
            message: '有 1 处填写需要修改，请看标红的地方。没有保存任何内容。',
            fields: { term_years: '任期年数请填 1 到 10 之间的数（村党支部每届 5 年）' },
          }
        throw { code: 'unexpected', message: cmd }
      })
      const { wrapper } = await mountApp('/settings')
      await wrapper.get('[data-testid=reminder-settings-save]').trigger('click')
      await settle(150)
      expect(wrapper.get('[data-testid=item-term_years] .el-form-item__error').text()).toContain('1 到 10')
      expect(wrapper.get('[data-testid=reminder-settings-error]').text()).toContain('有 1 处填写需要修改')
    })
  })

  it('tells where the log is, under 关于, so it can be handed over', async () => {
    fakeCore((cmd) => {
      if (cmd === 'branch_get') return { name: '', higher_committee: '', secretary: '', term_start: null, records_from: null }
      if (cmd === 'reminder_settings_get') return { birthday_days: 30, term_years: 5 }
      if (cmd === 'committee_warnings') return []
      if (cmd === 'app_info') return appInfo({ log_dir: 'D:\\支部台账\\日志' })
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/settings')
    await settle()
    expect(wrapper.get('[data-testid=about-log-dir]').text()).toBe('D:\\支部台账\\日志')
    expect(wrapper.text()).toContain('不含身份证号和手机号')
  })
})

