import { afterEach, describe, expect, it } from 'vitest'
import { appInfo, fakeCore, mountApp, row, settle, testChoices, unmountAll } from './helpers'
import { noReminders } from './reminderFixtures'
import type { Finding, RecruitFile, RecruitSummary, RuleSet, StepForm } from '../src/api'
import rulesJson from '../../assets/rules/recruitment.json'
import recruitChoicesJson from './fixtures/recruit_choices.json'

afterEach(unmountAll)

const rules = { ...(rulesJson as unknown as { sets: RuleSet[] }).sets[0] } as RuleSet
rules.steps = rules.steps.map((s) => ({ ...s, repeat: !!s.repeat }))

function summary(over: Partial<RecruitSummary>): RecruitSummary {
  return {
    id: 1,
    name: '赵小明',
    sex_label: '男',
    birth_date: '1998-05-06',
    stage: 'activist',
    stage_label: '入党积极分子',
    applied_on: '2024-03-01',
    activist_on: '2024-05-10',
    candidate_on: null,
    admitted_on: null,
    next: { step: 7, name: '确定发展对象', earliest: '2025-05-10', due: null },
    member_id: null,
    ...over,
  }
}

function file(over: Partial<RecruitFile> = {}): RecruitFile {
  return {
    recruit: {
      id: 1,
      name: '赵小明',
      sex_code: 'male',
      sex_label: '男',
      birth_date: '1998-05-06',
      id_number_masked: '330424********1234',
      ethnicity: '汉族',
      education: '高中',
      job: '务农',
      phone: '13800001111',
      address: '示例村',
      league_member: true,
      source: 'young_farmer',
      source_label: '青年农民',
      came_from: '',
      came_on: null,
      notes: '',
      stopped_on: null,
      stop_reason: null,
      stop_note: '',
      member_id: null,
      stage: 'applicant',
      stage_label: '入党申请人',
    },
    steps: [
      {
        id: 11,
        step: 1,
        name: '递交入党申请书',
        stage: 1,
        date: '2024-03-01',
        actors: '',
        meeting_id: null,
        doc_number: '',
        outcome: null,
        outcome_label: '',
        days: null,
        hours: null,
        months: null,
        group_name: null,
        note: '',
        override_reason: '',
      },
    ],
    people: [],
    docs: [],
    notices: [],
    next: { step: 2, name: '党组织派人谈话', earliest: null, due: '2024-04-01' },
    recordable: [2],
    probation_end: null,
    rule_set: rules.id,
    ...over,
  }
}

// The core's own answer (src-tauri/src/fixtures.rs).
const recruitChoices = recruitChoicesJson

describe('发展党员', () => {
  it('lists people by group with the next step and its dates, and the year against the plan', async () => {
    fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo({ member_count: 5 })
      if (cmd === 'recruit_list')
        return [
          summary({}),
          summary({ id: 2, name: '钱芳', stage: 'full', stage_label: '正式党员', next: null }),
          summary({ id: 3, name: '孙亮', stage: 'candidate', stage_label: '发展对象', next: { step: 9, name: '确定入党介绍人', earliest: null, due: '2025-08-01' } }),
        ]
      if (cmd === 'recruit_plan_get') return { year: 2026, planned: 3, admitted: 1 }
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/recruits')
    expect(wrapper.get('[data-testid=nav-recruits]').text()).toBe('发展党员')
    expect(wrapper.get('[data-testid=plan-text]').text()).toMatch(/2026年已发展\s*1\s*名，指导性计划\s*3\s*名/)
    const names = wrapper.findAll('[data-testid=recruit-name]').map((n) => n.text())
    expect(names).toEqual(['赵小明', '孙亮'])
    const next = wrapper.findAll('[data-testid=recruit-next]').map((n) => n.text())
    expect(next[0]).toContain('确定发展对象')
    expect(next[0]).toContain('不早于 2025年5月10日')
    expect(next[1]).toContain('最迟 2025年8月1日')
    await wrapper.get('[data-testid=group-joined]').trigger('click')
    await settle()
    expect(wrapper.findAll('[data-testid=recruit-name]').map((n) => n.text())).toEqual(['钱芳'])
    // No full number on a list.
    expect(wrapper.text()).not.toContain('13800001111')
  })

  it('shows each finding of the core in the dialog, asks for the reason, and saves the step as typed', async () => {
    let findings: Finding[] = []
    const calls = fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo({ member_count: 5 })
      if (cmd === 'recruit_get') return file()
      if (cmd === 'recruit_rules') return rules
      if (cmd === 'recruit_choices') return recruitChoices
      if (cmd === 'member_list') return [row({ name: '张三' }), row({ id: 2, name: '李四' })]
      if (cmd === 'recruit_step_check') return findings
      if (cmd === 'recruit_step_record') return { file: file(), warnings: [], member_id: null }
      if (cmd === 'choices') return testChoices
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/recruits/1')
    const step2 = wrapper.get('[data-testid=step-row][data-step="2"]')
    expect(step2.text()).toContain('未记录')
    await step2.get('[data-testid=record-step]').trigger('click')
    await settle()
    const dialog = () => document.querySelector('[data-testid=step-dialog]') as HTMLElement
    expect(dialog().textContent).toContain('记录第2步：党组织派人谈话')
    const save = () => dialog().querySelector('[data-testid=step-save]') as HTMLButtonElement
    const type = async (sel: string, value: string) => {
      const input = dialog().querySelector(`${sel} input, ${sel} textarea, input${sel}, textarea${sel}`) as HTMLInputElement
      input.value = value
      input.dispatchEvent(new Event('input'))
      await settle(450)
    }

    // refuse: red, save disabled
    findings = [{ severity: 'refuse', rule: 'order', message: '第2步的日期不能早于第1步', basis: '细则（2014）' }]
    await type('[data-testid=step-date]', '2024-02-01')
    let shown = dialog().querySelectorAll('[data-testid=finding]')
    expect(shown).toHaveLength(1)
    expect(shown[0].getAttribute('data-severity')).toBe('refuse')
    expect(shown[0].textContent).toContain('第2步的日期不能早于第1步')
    expect(shown[0].querySelector('[data-testid=finding-basis]')!.textContent).toContain('细则（2014）')
    expect(save().disabled).toBe(true)

    // needs_reason: the reason box appears and is required
    findings = [{ severity: 'needs_reason', rule: 'talk', message: '谈话超过一个月', basis: '细则（2014）第七条' }]
    await type('[data-testid=step-date]', '2024-05-01')
    shown = dialog().querySelectorAll('[data-testid=finding]')
    expect(shown[0].getAttribute('data-severity')).toBe('needs_reason')
    expect(dialog().querySelector('[data-testid=item-override_reason]')).not.toBeNull()
    expect(save().disabled).toBe(true)
    await type('[data-testid=step-override-reason]', '本人外出务工，回村后谈话')
    expect(save().disabled).toBe(false)

    // warn: shown, saving allowed
    findings = [
      { severity: 'needs_reason', rule: 'talk', message: '谈话超过一个月', basis: '' },
      { severity: 'warn', rule: 'people', message: '谈话人不在党员名单中', basis: '' },
    ]
    await type('[data-testid=step-note]', '在村部谈话')
    const sev = [...dialog().querySelectorAll('[data-testid=finding]')].map((f) => f.getAttribute('data-severity'))
    expect(sev).toEqual(['needs_reason', 'warn'])
    expect(save().disabled).toBe(false)

    save().click()
    await settle()
    const saved = calls.filter((c) => c.cmd === 'recruit_step_record')
    expect(saved).toHaveLength(1)
    const form = saved[0].args.form as StepForm
    expect(saved[0].args.id).toBe(1)
    expect(form).toMatchObject({
      step: 2,
      date: '2024-05-01',
      people: [],
      meeting_id: null,
      outcome: '',
      days: null,
      hours: null,
      months: null,
      note: '在村部谈话',
      override_reason: '本人外出务工，回村后谈话',
    })
  })

  it('puts the 发展党员 reminders and the plan line on the home page', async () => {
    fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo({ member_count: 5 })
      if (cmd === 'reminders')
        return noReminders({
          recruits: [
            { recruit_id: 4, name: '赵小明', kind: 'talk', message: '收到入党申请书已超过一个月，还未谈话', date: '2026-10-01', urgent: true },
            { recruit_id: 5, name: '钱芳', kind: 'assessment', message: '该进行半年一次的考察了', date: '2026-12-10', urgent: false },
          ],
          recruit_plan: { year: 2026, planned: 2, admitted: 1 },
        })
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper, router } = await mountApp('/')
    const card = wrapper.get('[data-testid=recruit-card]')
    expect(card.get('[data-testid=recruit-plan]').text()).toMatch(/2026年已发展 1 名，指导性计划\s*2 名/)
    const items = card.findAll('[data-testid=recruit-reminder]')
    expect(items).toHaveLength(2)
    expect(items[0].attributes('data-urgent')).toBe('true')
    expect(items[0].classes()).toContain('tone-red')
    expect(items[0].text()).toContain('还未谈话')
    await items[1].get('[data-testid=recruit-reminder-link]').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/recruits/5')
  })

  it('records a 公示 from its start day with the end the core counts, and links to its print page', async () => {
    const calls = fakeCore((cmd, args) => {
      if (cmd === 'app_info') return appInfo({ member_count: 5 })
      if (cmd === 'recruit_get') return file()
      if (cmd === 'recruit_rules') return rules
      if (cmd === 'recruit_choices') return recruitChoices
      if (cmd === 'member_list') return []
      if (cmd === 'recruit_notice_end') return args.from === '2025-05-15' ? '2025-05-21' : '2025-01-01'
      if (cmd === 'recruit_notice_record')
        return file({ notices: [{ point: 'candidate', title: '拟确定发展对象公示', from: '2025-05-15', to: '2025-05-21', working_days: 5 }] })
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/recruits/1')
    const point = wrapper.get('[data-testid=notice-point][data-point=candidate]')
    await point.get('[data-testid=notice-from-candidate] input').setValue('2025-05-15')
    await settle()
    expect(point.get('[data-testid=notice-end]').text()).toBe('至 2025年5月21日')
    await point.get('[data-testid=notice-record]').trigger('click')
    await settle()
    expect(calls.find((c) => c.cmd === 'recruit_notice_record')!.args).toEqual({
      id: 1,
      point: 'candidate',
      from: '2025-05-15',
      to: '2025-05-21',
    })
    expect(wrapper.get('[data-testid=notice-point][data-point=candidate] [data-testid=notice-recorded]').text()).toContain(
      '5个工作日',
    )
    expect(point.get('[data-testid=notice-print]').attributes('href')).toContain('/recruits/1/notice/candidate')
  })

  it('keeps the end of the start day last typed when an earlier answer comes late', async () => {
    fakeCore((cmd, args) => {
      if (cmd === 'app_info') return appInfo({ member_count: 5 })
      if (cmd === 'recruit_get') return file()
      if (cmd === 'recruit_rules') return rules
      if (cmd === 'recruit_choices') return recruitChoices
      if (cmd === 'member_list') return []
      // Half typed, "2025-05-1" is 1 May, whose answer is the slower one.
      if (cmd === 'recruit_notice_end')
        return args.from === '2025-05-15' ? '2025-05-21' : new Promise((done) => setTimeout(() => done('2025-05-12'), 100))
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/recruits/1')
    const point = wrapper.get('[data-testid=notice-point][data-point=candidate]')
    const input = point.get('[data-testid=notice-from-candidate] input')
    await input.setValue('2025-05-1')
    await input.setValue('2025-05-15')
    await settle(250)
    expect(point.get('[data-testid=notice-end]').text()).toBe('至 2025年5月21日')
  })

  it('shows each local setting with its default', async () => {
    const settings = {
      activist_gap_months: 6,
      review_valid_months: 12,
      archive_days: 7,
      probation_assessment_months: 3,
      thought_report_months: 3,
      notice_working_days: 5,
      notice_candidate: true,
      notice_admit: true,
      notice_full: false,
    }
    const calls = fakeCore((cmd, args) => {
      if (cmd === 'app_info') return appInfo({ member_count: 5 })
      if (cmd === 'branch_get') return appInfo().branch
      if (cmd === 'committee_warnings') return []
      if (cmd === 'reminder_settings_get') return { birthday_days: 30 }
      if (cmd === 'recruit_settings_get') return { settings, defaults: { ...settings, activist_gap_months: 0, notice_full: true } }
      if (cmd === 'recruit_settings_save') return { settings: args.settings, defaults: settings }
      if (cmd === 'calendar_days_get') return [{ date: '2026-10-01', kind: 'holiday', name: '国庆节' }]
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/settings?tab=recruits')
    await settle()
    const panel = wrapper.get('[data-testid=recruit-settings]')
    expect(panel.get('[data-testid=default-activist_gap_months]').text()).toBe('默认：不限')
    expect(panel.get('[data-testid=default-review_valid_months]').text()).toBe('默认：12个月')
    expect(panel.get('[data-testid=default-notice_working_days]').text()).toBe('默认：5个工作日')
    expect(panel.get('[data-testid=item-notice_full]').text()).toContain('默认：张贴')
    expect(panel.get('[data-testid=days-table]').find('input').element.value).toBe('2026-10-01')
    await panel.get('[data-testid=recruit-settings-save]').trigger('click')
    await settle()
    expect(calls.find((c) => c.cmd === 'recruit_settings_save')!.args.settings).toEqual(settings)
  })

  it('keeps a scan with the person through the recruit calls and reads its picture from them', async () => {
    const scan = { id: 9, original_name: '入党申请书.jpg', size: 1200, sha256: 'a'.repeat(64), is_image: true, added_at: '2026-11-20 10:00:00' }
    const calls = fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo({ member_count: 5 })
      if (cmd === 'recruit_get') return file()
      if (cmd === 'recruit_rules') return rules
      if (cmd === 'recruit_choices') return recruitChoices
      if (cmd === 'member_list') return []
      if (cmd === 'recruit_attachments') return [{ attachment: scan, step_id: 11 }]
      if (cmd === 'recruit_attachment_data') return 'data:image/png;base64,iVBORw0KGgo='
      if (cmd === 'recruit_attach') return { ...scan, id: 10, original_name: '志愿书.jpg' }
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/recruits/1')
    await settle(50)
    const section = wrapper.get('[data-testid=recruit-scans]')
    expect(section.text()).toContain('材料扫描件')
    expect(section.findAll('[data-testid=attachment-name]').map((n) => n.text())).toEqual(['入党申请书.jpg'])
    expect(calls.find((c) => c.cmd === 'recruit_attachment_data')!.args).toEqual({ id: 9 })
    expect(calls.some((c) => c.cmd === 'attachment_data')).toBe(false)
    const input = section.get('[data-testid=attachment-input]')
    Object.defineProperty(input.element, 'files', { value: [new File(['x'], '志愿书.jpg', { type: 'image/jpeg' })], configurable: true })
    await input.trigger('change')
    for (let i = 0; i < 5; i++) await settle(20)
    const attach = calls.find((c) => c.cmd === 'recruit_attach')!.args as { id: number; stepId: number | null; name: string }
    expect([attach.id, attach.stepId, attach.name]).toEqual([1, null, '志愿书.jpg'])
    expect(calls.some((c) => c.cmd === 'meeting_attach')).toBe(false)
    expect(section.findAll('[data-testid=attachment-name]').map((n) => n.text())).toEqual(['入党申请书.jpg', '志愿书.jpg'])
  })
})
