import { afterEach, describe, expect, it } from 'vitest'
import { appInfo, detail, fakeCore, mountApp, row, settle, testChoices, unmountAll } from './helpers'
import { noReminders, reminderCore } from './reminderFixtures'
import { core, meetingDetail, report } from './meetingFixtures'
import type { AwayRow, ContactForm, MobileList, Period, PeriodForm } from '../src/api'

afterEach(unmountAll)

const choices = {
  relations: [
    { value: 'kept', label: '保留在本支部' },
    { value: 'should_transfer', label: '应转移' },
    { value: 'transferred', label: '已转移' },
  ],
  ways: [
    { value: 'phone', label: '电话' },
    { value: 'wechat', label: '微信' },
    { value: 'visit', label: '上门' },
    { value: 'homecoming', label: '返乡座谈' },
    { value: 'letter', label: '书信' },
  ],
}

function period(over: Partial<Period> = {}): Period {
  return {
    id: 1,
    member_id: 3,
    name: '王五',
    left_on: '2026-03-01',
    back_on: null,
    province: '',
    city: '',
    county: '',
    place: '广东省深圳市宝安区',
    where_label: '广东省深圳市宝安区',
    work: '电子厂务工',
    host_org: '宝安区流动党员党支部',
    host_contact: '',
    card_number: '',
    contact_person: '张三',
    contact_member_id: 1,
    relation: 'kept',
    relation_label: '保留在本支部',
    transfer_id: null,
    notes: '',
    ...over,
  }
}

function away(over: Partial<AwayRow> = {}): AwayRow {
  return {
    member_id: 3,
    name: '王五',
    period: period(),
    last_contact: null,
    days_since: 271,
    no_contact: true,
    should_transfer: true,
    reminder: '超过 90 天未联系；外出满 6 个月，应转移组织关系',
    ...over,
  }
}

function list(rows: AwayRow[]): MobileList {
  return { today: '2026-11-27', no_contact_days: 90, rows, homecoming: false }
}

const dialog = (id: string) => document.querySelector(`[data-testid=${id}]`) as HTMLElement

async function type(id: string, sel: string, value: string) {
  const input = dialog(id).querySelector(`${sel} input, ${sel} textarea`) as HTMLInputElement
  input.value = value
  input.dispatchEvent(new Event('input'))
  await settle()
}

describe('流动党员', () => {
  it('lists who is away with the last contact, the days since and what the core reminds', async () => {
    fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo({ member_count: 3 })
      if (cmd === 'mobile_list')
        return list([
          away(),
          away({
            member_id: 4,
            name: '赵六',
            period: period({ member_id: 4, name: '赵六', where_label: '浙江省义乌市', left_on: '2026-10-01' }),
            last_contact: '2026-11-20',
            days_since: 7,
            no_contact: false,
            should_transfer: false,
            reminder: '',
          }),
        ])
      if (cmd === 'member_list') return [row({ id: 1, name: '张三' }), row({ id: 3, name: '王五' }), row({ id: 4, name: '赵六' })]
      if (cmd === 'mobile_choices') return choices
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/mobile')
    expect(wrapper.get('[data-testid=nav-mobile]').text()).toBe('流动党员')
    expect(wrapper.get('[data-testid=mobile-summary]').text()).toContain('现有外出党员 2 名')
    expect(wrapper.findAll('[data-testid=mobile-name]').map((n) => n.text())).toEqual(['王五', '赵六'])
    const last = wrapper.findAll('[data-testid=mobile-last-contact]').map((n) => n.text())
    expect(last).toEqual(['还没有联系', '2026年11月20日'])
    const days = wrapper.findAll('[data-testid=mobile-days]')
    expect(days[0].text()).toBe('271 天')
    expect(days[0].classes()).toContain('late')
    expect(days[1].classes()).not.toContain('late')
    const reminders = wrapper.findAll('[data-testid=mobile-reminder]')
    expect(reminders).toHaveLength(1)
    expect(reminders[0].text()).toContain('应转移组织关系')
    expect(wrapper.text()).toContain('广东省深圳市宝安区')
  })

  it('登记外出 shows the core’s words beside each field and saves nothing until they are fixed', async () => {
    let refuse = true
    const calls = fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo({ member_count: 3 })
      if (cmd === 'mobile_list') return list(refuse ? [] : [away()])
      if (cmd === 'member_list') return [row({ id: 1, name: '张三' }), row({ id: 3, name: '王五' })]
      if (cmd === 'mobile_choices') return choices
      if (cmd === 'mobile_period_create') {
        if (refuse) {
          refuse = false
          throw {
            code: 'validation',
            message: '有 2 处填写需要修改',
            fields: { place: '请填写外出地点（省、市、县，或直接写如 广东省深圳市宝安区）', contact_person: '请填写负责联系的支委姓名' },
          }
        }
        return period()
      }
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/mobile')
    await wrapper.get('[data-testid=add-away]').trigger('click')
    await settle()
    expect((dialog('away-dialog').querySelector('[data-testid=field-date] input') as HTMLInputElement).value).toBe('2026-11-27')
    const save = () => (dialog('away-dialog').querySelector('[data-testid=away-save]') as HTMLButtonElement).click()
    save()
    await settle(150)
    expect(dialog('away-dialog').querySelector('[data-testid=item-place]')!.textContent).toContain('请填写外出地点')
    expect(dialog('away-dialog').querySelector('[data-testid=item-contact_person]')!.textContent).toContain('负责联系的支委')
    await type('away-dialog', '[data-testid=field-place]', '广东省深圳市宝安区')
    await type('away-dialog', '[data-testid=field-contact_person]', '张三')
    await type('away-dialog', '[data-testid=field-date]', '2026-03-01')
    save()
    await settle()
    const sent = calls.filter((c) => c.cmd === 'mobile_period_create')
    expect(sent).toHaveLength(2)
    expect(sent[1].args.form as PeriodForm).toMatchObject({
      left_on: '2026-03-01',
      place: '广东省深圳市宝安区',
      contact_person: '张三',
      relation: 'kept',
      back_on: '',
    })
    // The list is asked again and shows the member away.
    expect(wrapper.findAll('[data-testid=mobile-name]').map((n) => n.text())).toEqual(['王五'])
  })

  it('记录联系 and 返回 send the member and what was typed', async () => {
    const calls = fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo({ member_count: 3 })
      if (cmd === 'mobile_list') return list([away()])
      if (cmd === 'member_list') return [row({ id: 3, name: '王五' })]
      if (cmd === 'mobile_choices') return choices
      if (cmd === 'mobile_contact_create')
        return { id: 9, member_id: 3, name: '王五', contacted_on: '2026-11-27', contacted_by: '张三', how: 'wechat', how_label: '微信', content: '发送学习资料', suggestions: '' }
      if (cmd === 'mobile_back') return period({ back_on: '2026-11-26' })
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/mobile')
    await wrapper.get('[data-testid=mobile-contact]').trigger('click')
    await settle()
    expect(dialog('contact-dialog').textContent).toContain('记录联系：王五')
    const wechat = [...dialog('contact-dialog').querySelectorAll('[data-testid=field-how] label')].find((l) =>
      l.textContent?.includes('微信'),
    ) as HTMLElement
    wechat.click()
    await type('contact-dialog', '[data-testid=field-contacted_by]', '张三')
    await type('contact-dialog', '[data-testid=field-content]', '发送学习资料')
    ;(dialog('contact-dialog').querySelector('[data-testid=contact-save]') as HTMLButtonElement).click()
    await settle()
    const contact = calls.find((c) => c.cmd === 'mobile_contact_create')!
    expect(contact.args.form as ContactForm).toEqual({
      member_id: 3,
      contacted_on: '2026-11-27',
      contacted_by: '张三',
      how: 'wechat',
      content: '发送学习资料',
      suggestions: '',
    })

    await wrapper.get('[data-testid=mobile-back]').trigger('click')
    await settle()
    await type('back-dialog', '[data-testid=field-date]', '2026-11-26')
    ;(dialog('back-dialog').querySelector('[data-testid=back-save]') as HTMLButtonElement).click()
    await settle()
    const back = calls.find((c) => c.cmd === 'mobile_back')!
    expect(back.args).toEqual({ memberId: 3, backOn: '2026-11-26' })
  })
})

describe('流动党员 on the home page', () => {
  it('shows the three 流动党员 reminders in plain Chinese with their counts', async () => {
    reminderCore(
      noReminders({
        mobile_no_contact: [
          { member_id: 3, name: '王五', place: '广东省深圳市宝安区', since: '2026-08-01', days: 118, note: '王五（在广东省深圳市宝安区）自外出（2026年8月1日）已有 118 天没有联系，请尽快联系' },
        ],
        mobile_should_transfer: [
          { member_id: 3, name: '王五', place: '广东省深圳市宝安区', left_on: '2026-03-01', note: '王五自2026年3月1日外出（在广东省深圳市宝安区）已满 6 个月，组织关系仍在本支部，应转移组织关系' },
        ],
        mobile_homecoming: [{ names: ['王五', '赵六'], note: '春节前后请组织返乡流动党员座谈，外出的党员有：王五、赵六' }],
      }),
    )
    const { wrapper } = await mountApp('/')
    const group = (kind: string) => wrapper.get(`[data-testid=reminder-group][data-kind=${kind}]`)
    expect(group('mobile_no_contact').text()).toContain('流动党员长期未联系')
    expect(group('mobile_no_contact').text()).toContain('118 天未联系')
    expect(group('mobile_should_transfer').text()).toContain('应转移组织关系')
    expect(group('mobile_homecoming').text()).toContain('外出的党员有：王五、赵六')
    const cards = wrapper.findAll('[data-testid=reminder-card]').map((c) => c.attributes('data-card'))
    expect(cards).toEqual(expect.arrayContaining(['mobile-no-contact', 'mobile-transfer', 'mobile-homecoming']))
  })
})

describe('流动党员 on the member page', () => {
  it('shows the periods, the contacts and the months paid elsewhere, and registers leaving from there', async () => {
    let periods: Period[] = [period({ back_on: '2025-12-20', left_on: '2025-03-01', where_label: '江苏省苏州市' })]
    const calls = fakeCore((cmd) => {
      if (cmd === 'app_info') return appInfo({ member_count: 3 })
      if (cmd === 'member_get') return detail({ id: 3, name: '王五' })
      if (cmd === 'choices') return testChoices
      if (cmd === 'recruit_of_member') return null
      if (cmd === 'mobile_choices') return choices
      if (cmd === 'mobile_member')
        return {
          member_id: 3,
          periods,
          contacts: [
            { id: 1, member_id: 3, name: '王五', contacted_on: '2025-06-01', contacted_by: '张三', how: 'phone', how_label: '电话', content: '了解务工情况', suggestions: '' },
          ],
          elsewhere: [{ id: 1, member_id: 3, month: '2025-10', org: '苏州工业园区流动党员党支部', paid_on: null, note: '' }],
        }
      if (cmd === 'mobile_period_create') {
        periods = [period(), ...periods]
        return periods[0]
      }
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/members/3')
    const section = wrapper.get('[data-testid=member-mobile]')
    expect(section.get('[data-testid=mobile-periods]').text()).toContain('江苏省苏州市')
    expect(section.get('[data-testid=mobile-periods]').text()).toContain('2025年12月20日')
    expect(section.get('[data-testid=mobile-contacts]').text()).toContain('了解务工情况')
    expect(section.get('[data-testid=mobile-elsewhere]').text()).toContain('2025年10月（苏州工业园区流动党员党支部）')
    // Back home: 登记外出 is offered, not 返回.
    expect(section.find('[data-testid=member-back]').exists()).toBe(false)
    await section.get('[data-testid=member-away]').trigger('click')
    await settle()
    await type('away-dialog', '[data-testid=field-place]', '广东省深圳市宝安区')
    await type('away-dialog', '[data-testid=field-contact_person]', '张三')
    ;(dialog('away-dialog').querySelector('[data-testid=away-save]') as HTMLButtonElement).click()
    await settle()
    const sent = calls.find((c) => c.cmd === 'mobile_period_create')!
    expect((sent.args.form as PeriodForm).member_id).toBe(3)
    expect((sent.args.form as PeriodForm).left_on).toBe('2026-11-27')
    // Away now: 记录联系 and 返回 instead.
    expect(wrapper.find('[data-testid=member-back]').exists()).toBe(true)
    expect(wrapper.find('[data-testid=member-away]').exists()).toBe(false)
  })
})

describe('在流入地参加 at meetings', () => {
  it('is offered in the attendance picker, asks for the organisation and proof, and counts apart from the absent', async () => {
    core((cmd) => (cmd === 'meeting_check' ? report({ elsewhere: 1, absent: 0 }) : undefined))
    const { wrapper } = await mountApp('/meetings/new?kind=theme_day')
    await settle(450)
    const row = wrapper.findAll('[data-testid=attendee-row]')[0]
    const option = row.findAll('.att-status label').find((l) => l.text() === '在流入地参加')
    expect(option, 'the picker offers 在流入地参加').toBeTruthy()
    await option!.trigger('click')
    await settle(450)
    expect(row.get('[data-testid=attendee-reason] input').attributes('placeholder')).toBe('流入地党组织和证明材料')
    expect(wrapper.get('[data-testid=count-elsewhere]').text()).toBe('1')
  })

  it('the record names who took part where they live, with the organisation', async () => {
    const base = meetingDetail()
    core((cmd) =>
      cmd === 'meeting_get'
        ? meetingDetail({
            attendees: [
              ...base.attendees.slice(0, 2),
              { member_id: 3, name: '王五', member_kind_label: '正式党员', voting: true, status: 'elsewhere', status_label: '在流入地参加', reason: '宝安区流动党员党支部主题党日，有签到表', grade: null, grade_label: null },
            ],
            quorum: report({ should_attend: 3, present: 1, on_leave: 1, absent: 0, elsewhere: 1 }),
          })
        : undefined,
    )
    const { wrapper } = await mountApp('/meetings/12')
    expect(wrapper.get('[data-testid=detail-elsewhere]').text()).toBe('1 人：王五（宝安区流动党员党支部主题党日，有签到表）')
    expect(wrapper.get('[data-testid=detail-absent]').text()).toBe('0 人')
  })
})
