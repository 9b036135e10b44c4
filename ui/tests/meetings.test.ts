import { describe, expect, it } from 'vitest'
import { mountApp, pickOption, settle } from './helpers'
import { core, draft, gradingOf, meetingChoices, meetingDetail, report } from './meetingFixtures'
import type { MeetingCalendar, Grading, MeetingDetail, MeetingForm, MeetingRow } from '../src/api'
import calendarJson from './fixtures/meeting_calendar.json'

/** The demo branch's 2026 calendar as `meeting_calendar` gives it on 2026-11-27 (fixtures/, from src-tauri/src/fixtures.rs). */
const calendar = calendarJson as MeetingCalendar
const rowOf = (kind: string) => calendar.rows.find((r) => r.kind === kind)!

describe('年度日历', () => {
  it('draws each cell with its kind, period and state, the gaps, the monthly rates and who missed three times', async () => {
    const calls = core((cmd) => (cmd === 'meeting_calendar' ? calendar : undefined))
    const { wrapper } = await mountApp('/meetings/calendar')

    expect(calls.find((c) => c.cmd === 'meeting_calendar')!.args).toEqual({ year: 2026 })
    const cells = wrapper.findAll('[data-testid=cal-cell]')
    // 支部党员大会 and 党课 by quarter, 支委会, 党小组会 and 主题党日 by month, 组织生活会 and 民主评议 by year
    expect(cells).toHaveLength(4 + 12 + 12 + 4 + 12 + 1 + 1)
    const committee = wrapper.findAll('[data-testid=cal-cell][data-kind=committee]')
    expect(committee).toHaveLength(12)

    const may = wrapper.get('[data-testid=cal-cell][data-kind=committee][data-period="2026-05"]')
    expect(may.classes()).toContain('state-missed')
    expect(may.text()).toContain('5月')
    expect(may.text()).toContain('0/1')
    expect(may.text()).toContain('未召开')
    // one 党小组会 a month in each of the three groups
    const groups = wrapper.get('[data-testid=cal-cell][data-kind=group_meeting][data-period="2026-11"]')
    expect(groups.classes()).toContain('state-held')
    expect(groups.text()).toContain('3/3')
    const q4 = wrapper.get('[data-testid=cal-cell][data-kind=assembly][data-period="2026-Q4"]')
    expect(q4.classes()).toContain('state-held')
    expect(q4.text()).toContain('第四季度')
    expect(q4.attributes('style')).toContain('span 3')
    const year = wrapper.get('[data-testid=cal-cell][data-kind=life_meeting][data-period="2026"]')
    expect(year.classes()).toContain('state-due')
    expect(year.text()).toContain('2026年度')
    expect(year.text()).toContain('待召开')
    expect(year.attributes('style')).toContain('span 12')
    expect(wrapper.get('[data-testid=cal-cell][data-kind=committee][data-period="2026-12"]').classes()).toContain(
      'state-upcoming',
    )

    expect(wrapper.get('[data-testid=calendar-gaps]').text()).toContain('5月未召开支委会')
    expect(wrapper.get('[data-testid=calendar-gaps]').text()).toContain('第二季度未召开党课')
    expect(wrapper.findAll('[data-testid=calendar-gaps] li')).toHaveLength(4)

    const rates = wrapper.findAll('[data-testid=month-rate]')
    expect(rates.map((r) => r.attributes('data-month'))).toEqual(calendar.monthly_attendance.map((m) => m.month))
    expect(rates).toHaveLength(12)
    expect(rates.map((r) => r.text())).toEqual([
      '79.0%', '79.5%', '80.2%', '80.7%', '77.6%', '80.5%', '82.8%', '81.4%', '78.2%', '77.0%', '81.2%', '—',
    ])
    expect(wrapper.get('[data-testid=month-rate][data-month="2026-01"] .bar-fill').attributes('style')).toContain(
      'height: 79%',
    )

    const missed = wrapper.get('[data-testid=missed-three]')
    expect(missed.text()).toContain('孙丽娟')
    expect(missed.text()).toContain('25')
    expect(missed.text()).toContain('朱慧')
  })

  it('draws a 建账前 cell grey with its label, apart from 未召开 and 未到期, in the legend too, and not clickable; and a 不作要求 row', async () => {
    // The demo's books start on 1 January and it has enough members for every
    // kind, so neither state is in its calendar: the real 支委会 row with its
    // first cell before the books, and the real 党小组会 row as the core gives
    // it for a branch without groups.
    const committee = rowOf('committee')
    const groups = rowOf('group_meeting')
    const before: MeetingCalendar = {
      ...calendar,
      rows: [
        {
          ...committee,
          cells: committee.cells.map((c, i) =>
            i === 0 ? { ...c, held: 0, state: 'before_records', state_label: '建账前' } : i === 1 ? { ...c, held: 0, state: 'missed', state_label: '未召开' } : c,
          ),
        },
        {
          ...groups,
          frequency_label: '未划分党小组',
          cells: groups.cells.map((c) => ({ ...c, expected: 0, held: 0, state: 'not_required', state_label: '不作要求' })),
        },
      ],
    }
    core((cmd) => (cmd === 'meeting_calendar' ? before : undefined))
    const { wrapper, router } = await mountApp('/meetings/calendar')
    const cell = wrapper.get('[data-testid=cal-cell][data-kind=committee][data-period="2026-01"]')
    expect(cell.text()).toContain('建账前')
    expect(cell.classes()).toContain('state-before_records')
    expect(cell.classes()).not.toContain('state-missed')
    expect(cell.classes()).not.toContain('actionable')
    expect(wrapper.get('[data-testid=cal-cell][data-kind=committee][data-period="2026-02"]').classes()).toContain('state-missed')
    const legend = wrapper.findAll('.cal-legend-item')
    const item = legend.find((l) => l.text() === '建账前')
    expect(item).toBeTruthy()
    expect(item!.get('.cal-swatch').classes()).toContain('state-before_records')

    const none = wrapper.findAll('[data-testid=cal-cell][data-kind=group_meeting]')
    expect(none).toHaveLength(12)
    expect(none.every((c) => c.classes().includes('state-not_required') && !c.classes().includes('actionable'))).toBe(true)
    expect(legend.find((l) => l.text() === '不作要求')!.get('.cal-swatch').classes()).toContain('state-not_required')

    await cell.trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/meetings/calendar')
  })

  it('asks again for another year, and a due or missed cell leads to the form for that kind', async () => {
    const calls = core((cmd, args) => (cmd === 'meeting_calendar' ? { ...calendar, year: args.year } : undefined))
    const { wrapper, router } = await mountApp('/meetings/calendar')
    await wrapper.get('[data-testid=calendar-year] .el-select__wrapper').trigger('click')
    await settle()
    const option = [...document.querySelectorAll('.el-select-dropdown__item')].find((o) => o.textContent?.trim() === '2025年')
    expect(option).toBeTruthy()
    ;(option as HTMLElement).click()
    await settle()
    expect(calls.filter((c) => c.cmd === 'meeting_calendar').map((c) => c.args.year)).toEqual([2026, 2025])

    // a held cell leads nowhere
    await wrapper.get('[data-testid=cal-cell][data-kind=assembly][data-period="2026-Q4"]').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/meetings/calendar')
    await wrapper.get('[data-testid=cal-cell][data-kind=life_meeting][data-period="2026"]').trigger('click')
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/meetings/new?kind=life_meeting')
    await router.push('/meetings/calendar')
    await settle()
    await wrapper.get('[data-testid=cal-cell][data-kind=lecture][data-period="2026-Q2"]').trigger('click')
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/meetings/new?kind=lecture')
  })
})

describe('会议记录', () => {
  const rows: MeetingRow[] = [
    {
      id: 12,
      kind: 'assembly',
      kind_label: '支部党员大会',
      date: '2026-11-27',
      start_time: '19:30',
      place: '村部',
      topic: '发展党员',
      host_name: '张三',
      should_attend: 30,
      present: 14,
      on_leave: 10,
      absent: 6,
      attendance_rate: '46.7%',
      quorum_ok: false,
      counts_attendance: true,
    },
    {
      id: 13,
      kind: 'lecture',
      kind_label: '党课',
      date: '2026-10-08',
      start_time: '',
      place: '',
      topic: '党史学习',
      host_name: null,
      should_attend: 20,
      present: 19,
      on_leave: 1,
      absent: 0,
      attendance_rate: '95.0%',
      quorum_ok: null,
      counts_attendance: true,
    },
  ]

  it('lists the year of today, filters by kind and opens a record', async () => {
    const calls = core((cmd, args) => {
      if (cmd !== 'meeting_list') return undefined
      const q = args.query as { kind: string | null }
      return q.kind === 'lecture' ? [rows[1]] : rows
    })
    const { wrapper, router } = await mountApp('/meetings')

    expect(calls.find((c) => c.cmd === 'meeting_list')!.args).toEqual({ query: { year: 2026, kind: null } })
    expect(document.querySelectorAll('[data-testid=meeting-row]')).toHaveLength(2)
    expect(wrapper.findAll('[data-testid=cell-date]').map((c) => c.text())).toEqual(['2026年11月27日', '2026年10月8日'])
    const quorum = wrapper.findAll('[data-testid=cell-quorum]').map((c) => c.text())
    expect(quorum).toEqual(['不足法定人数', ''])
    expect(wrapper.findAll('[data-testid=cell-attendance_rate]').map((c) => c.text())).toEqual(['46.7%', '95.0%'])

    await wrapper.get('[data-testid=filter-meeting-kind] .el-select__wrapper').trigger('click')
    await settle()
    const lecture = [...document.querySelectorAll('.el-select-dropdown__item')].find((o) => o.textContent?.trim() === '党课')
    ;(lecture as HTMLElement).click()
    await settle()
    expect(calls.filter((c) => c.cmd === 'meeting_list').pop()!.args).toEqual({ query: { year: 2026, kind: 'lecture' } })
    expect(document.querySelectorAll('[data-testid=meeting-row]')).toHaveLength(1)

    ;(document.querySelector('[data-testid=meeting-row] td') as HTMLElement).click()
    await settle()
    expect(router.currentRoute.value.path).toBe('/meetings/13')
  })

  it('has the two buttons on top', async () => {
    core((cmd) => (cmd === 'meeting_list' ? [] : undefined))
    const { wrapper, router } = await mountApp('/meetings')
    expect(wrapper.text()).toContain('2026年还没有会议记录')
    await wrapper.get('[data-testid=new-meeting]').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/meetings/new')
  })
})

function attendeeRow(wrapper: Awaited<ReturnType<typeof mountApp>>['wrapper'], id: number) {
  return wrapper.get(`[data-testid=attendee-row][data-member-id="${id}"]`)
}

async function setStatus(wrapper: Awaited<ReturnType<typeof mountApp>>['wrapper'], id: number, status: string) {
  const input = attendeeRow(wrapper, id)
    .findAll('.att-status input')
    .find((i) => (i.element as HTMLInputElement).value === status)!
  await input.setValue(true)
}

describe('记录会议', () => {
  it('starts from the core draft for the kind in the address and today', async () => {
    const calls = core()
    const { wrapper } = await mountApp('/meetings/new?kind=committee')
    await settle(350)

    const d = calls.find((c) => c.cmd === 'meeting_draft')!
    expect(d.args).toEqual({ kind: 'committee', date: '2026-11-27', group_id: null })
    expect(calls.filter((c) => c.cmd === 'meeting_draft')).toHaveLength(1)
    expect((wrapper.get('[data-testid=field-date] input').element as HTMLInputElement).value).toBe('2026-11-27')
    expect((wrapper.get('[data-testid=field-topic] input').element as HTMLInputElement).value).toBe(
      '学习党的二十届四中全会精神',
    )
    const names = wrapper.findAll('[data-testid=attendee-name]').map((n) => n.text())
    expect(names).toEqual(['张三', '李四', '王五'])
    expect(attendeeRow(wrapper, 3).text()).toContain('预备党员')
    // everyone present by default: no reason boxes
    expect(wrapper.findAll('[data-testid=attendee-reason]')).toHaveLength(0)
    // the agenda from the draft, with 规定动作 marked
    expect(wrapper.findAll('[data-testid=agenda-row]')).toHaveLength(2)
    expect(wrapper.findAll('[data-testid=agenda-prescribed]')).toHaveLength(1)
    // a fixed list: nothing to add or remove by hand
    expect(wrapper.find('[data-testid=add-attendee]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=attendee-remove]').exists()).toBe(false)
    // counts come from meeting_check
    expect(wrapper.get('[data-testid=count-should_attend]').text()).toBe('3')
  })

  it('shows the counts from the check that came with the draft, without asking for it again', async () => {
    const calls = core((cmd, args) =>
      cmd === 'meeting_draft'
        ? { ...draft({ kind: args.kind as string, date: args.date as string }), quorum: report({ should_attend: 7, present: 6, absent: 1 }) }
        : undefined,
    )
    const { wrapper } = await mountApp('/meetings/new')
    await settle()
    expect(wrapper.get('[data-testid=count-should_attend]').text()).toBe('7')
    expect(wrapper.get('[data-testid=count-present]').text()).toBe('6')
    expect(calls.filter((c) => c.cmd === 'meeting_check')).toHaveLength(0)
    // a change is checked as before
    await setStatus(wrapper, 2, 'leave')
    await settle(400)
    expect(calls.filter((c) => c.cmd === 'meeting_check')).toHaveLength(1)
    expect(wrapper.get('[data-testid=count-should_attend]').text()).toBe('3')
  })

  it('asks for the kept draft beside its own loading, not after it', async () => {
    const calls = core((cmd) => (cmd === 'draft_get' ? null : undefined))
    await mountApp('/meetings/new')
    await settle()
    const order = calls.map((c) => c.cmd)
    expect(order).toContain('draft_get')
    expect(order.indexOf('draft_get')).toBeLessThan(order.indexOf('meeting_draft'))
  })

  it('asks for a new draft when the kind changes, keeping the marks already made', async () => {
    const calls = core()
    const { wrapper } = await mountApp('/meetings/new')
    await setStatus(wrapper, 2, 'leave')
    await wrapper.get('[data-testid=attendee-reason] input').setValue('外出务工')
    const lecture = wrapper.findAll('[data-testid=field-kind] input').find((i) => (i.element as HTMLInputElement).value === 'lecture')!
    await lecture.setValue(true)
    await settle()

    const drafts = calls.filter((c) => c.cmd === 'meeting_draft')
    expect(drafts.map((c) => c.args.kind)).toEqual(['assembly', 'lecture'])
    expect((wrapper.get('[data-testid=attendee-reason] input').element as HTMLInputElement).value).toBe('外出务工')
    // a chosen list: members can be added and removed
    expect(wrapper.find('[data-testid=add-attendee]').exists()).toBe(true)
    await attendeeRow(wrapper, 1).get('[data-testid=attendee-remove]').trigger('click')
    expect(wrapper.findAll('[data-testid=attendee-row]')).toHaveLength(2)
  })

  it('keeps a hand-picked list of attendees when only the date changes', async () => {
    const calls = core((cmd, args) =>
      cmd === 'meeting_draft' && args.kind === 'talk'
        ? draft({ kind: 'talk', attendees: [], agenda: [], topic: '', host_id: null })
        : undefined,
    )
    const { wrapper } = await mountApp('/meetings/new?kind=talk')
    expect(wrapper.findAll('[data-testid=attendee-row]')).toHaveLength(0)
    await wrapper.get('[data-testid=add-attendee] .el-select__wrapper').trigger('click')
    await settle()
    // the host and recorder lists are in the page too: pick from the one that notes each member's kind
    const li = [...document.querySelectorAll('.el-select-dropdown__item')].find(
      (o) => o.querySelector('.option-note') && o.textContent?.includes('赵六'),
    )
    ;(li as HTMLElement).click()
    await settle()
    expect(wrapper.findAll('[data-testid=attendee-name]').map((n) => n.text())).toEqual(['赵六'])

    await wrapper.get('[data-testid=field-date] input').setValue('2026-11-20')
    await settle(450)
    expect(calls.filter((c) => c.cmd === 'meeting_draft').map((c) => c.args.date)).toEqual(['2026-11-27', '2026-11-20'])
    expect(wrapper.findAll('[data-testid=attendee-name]').map((n) => n.text())).toEqual(['赵六'])
  })

  it('sends the meeting\'s own 学时 as typed and says what it gave after saving', async () => {
    const calls = core((cmd, args) => {
      if (cmd === 'meeting_create')
        return meetingDetail({
          id: 32,
          ...(args.input as object),
          study_credit: '1.5',
          study_note: '出席的3名党员各计入1.5学时',
        } as Partial<MeetingDetail>)
      return undefined
    })
    const { wrapper } = await mountApp('/meetings/new')
    await settle()
    await wrapper.get('[data-testid=field-study-hours] input').setValue(' 1.5 ')
    await wrapper.get('[data-testid=save-meeting]').trigger('click')
    await settle()
    const create = calls.find((c) => c.cmd === 'meeting_create')
    expect((create!.args.input as MeetingForm).study_hours).toBe('1.5')
    expect(document.body.textContent).toContain('出席的3名党员各计入1.5学时')
  })

  it('sends meeting_create with an attendee on leave and the reason, then opens the record', async () => {
    const calls = core((cmd, args) => {
      if (cmd === 'meeting_create') return meetingDetail({ id: 31, ...(args.input as object) } as Partial<MeetingDetail>)
      return undefined
    })
    const { wrapper, router } = await mountApp('/meetings/new')
    await settle()

    await setStatus(wrapper, 2, 'leave')
    const reasons = wrapper.findAll('[data-testid=attendee-reason]')
    expect(reasons).toHaveLength(1)
    expect(reasons[0].get('input').attributes('placeholder')).toBe('请假或缺席原因')
    await reasons[0].get('input').setValue('外出务工')
    await wrapper.get('[data-testid=field-minutes] textarea').setValue('传达学习全会精神。')
    await wrapper.get('[data-testid=save-meeting]').trigger('click')
    await settle()

    const create = calls.find((c) => c.cmd === 'meeting_create')
    expect(create).toBeTruthy()
    const input = create!.args.input as MeetingForm
    expect(input.attendees).toEqual([
      { member_id: 1, status: 'present', reason: '', grade: '' },
      { member_id: 2, status: 'leave', reason: '外出务工', grade: '' },
      { member_id: 3, status: 'present', reason: '', grade: '' },
    ])
    expect(input).toMatchObject({
      kind: 'assembly',
      date: '2026-11-27',
      start_time: '19:30',
      host_id: 1,
      recorder_id: 2,
      group_id: null,
      minutes: '传达学习全会精神。',
      agenda: [
        { text: '学习文件', prescribed: true },
        { text: '讨论', prescribed: false },
      ],
    })
    expect(router.currentRoute.value.path).toBe('/meetings/31')
    expect(document.querySelector('.el-message')?.textContent).toContain('已保存')
  })

  it('shows a validation answer next to the field, and a resolution error on that resolution', async () => {
    const calls = core((cmd) => {
      if (cmd === 'meeting_create')
        throw {
          code: 'validation',
          message: '有 2 项需要改正',
          fields: { start_time: '时间请写成 19:30 这样', 'resolutions.0': '请填写赞成票数' },
        }
      return undefined
    })
    const { wrapper, router } = await mountApp('/meetings/new')
    await settle()
    await wrapper.get('[data-testid=field-start_time] input').setValue('晚上')
    await wrapper.get('[data-testid=add-resolution]').trigger('click')
    await wrapper.get('[data-testid=resolution-text] textarea').setValue('同意接收赵六为预备党员')
    await wrapper.get('[data-testid=save-meeting]').trigger('click')
    await settle(150)

    expect(calls.filter((c) => c.cmd === 'meeting_create')).toHaveLength(1)
    const input = calls.find((c) => c.cmd === 'meeting_create')!.args.input as MeetingForm
    expect(input.resolutions).toEqual([
      {
        text: '同意接收赵六为预备党员',
        vote: true,
        election: false,
        votes_for: null,
        votes_against: null,
        votes_abstain: null,
        candidate: '',
        written_for: null,
        written_against: null,
        written_abstain: null,
      },
    ])
    expect(wrapper.get('[data-testid=item-start_time] .el-form-item__error').text()).toBe('时间请写成 19:30 这样')
    expect(wrapper.find('[data-testid=item-date] .el-form-item__error').exists()).toBe(false)
    expect(wrapper.get('[data-testid=resolution-item][data-index="0"] .el-form-item__error').text()).toBe('请填写赞成票数')
    expect(wrapper.get('[data-testid=form-error]').text()).toContain('有 2 项需要改正')
    expect(router.currentRoute.value.path).toBe('/meetings/new')
  })

  it('shows the quorum lines from meeting_check, red when not met, and hides them when they do not apply', async () => {
    let answer = report()
    const calls = core((cmd) => (cmd === 'meeting_check' ? answer : undefined))
    const { wrapper } = await mountApp('/meetings/new')
    await settle(350)

    let panel = wrapper.get('[data-testid=quorum-panel]')
    expect(panel.text()).toContain('有表决权的党员 2 人，到会 2 人，超过半数，可以表决')
    expect(panel.classes()).toContain('ok')

    answer = report({
      ok: false,
      lines: ['有表决权的党员 2 人，到会 1 人，未超过半数，不能表决'],
      resolutions: [{ passed: null, verdict: '到会有表决权党员未超过半数，不能表决，请核对参会人员。', invalid: true }],
      warnings: ['还有 1 名正式党员没有评定等次。'],
      present: 2,
      absent: 1,
    })
    const before = calls.filter((c) => c.cmd === 'meeting_check').length
    await setStatus(wrapper, 2, 'absent')
    await wrapper.get('[data-testid=add-resolution]').trigger('click')
    await settle(350)
    const checks = calls.filter((c) => c.cmd === 'meeting_check')
    expect(checks.length).toBe(before + 1) // debounced: one check for both changes
    const sent = checks[checks.length - 1].args.input as MeetingForm
    expect(sent.attendees.find((a) => a.member_id === 2)!.status).toBe('absent')
    expect(sent.resolutions).toHaveLength(1)

    panel = wrapper.get('[data-testid=quorum-panel]')
    expect(panel.classes()).toContain('bad')
    expect(panel.findAll('[data-testid=quorum-line]').map((l) => l.text())).toEqual([
      '有表决权的党员 2 人，到会 1 人，未超过半数，不能表决',
    ])
    expect(panel.get('[data-testid=quorum-resolution]').text()).toContain('未超过半数，不能表决')
    expect(panel.get('[data-testid=quorum-resolution]').classes()).toEqual(['invalid'])
    expect(wrapper.get('[data-testid=count-absent]').text()).toBe('1')
    expect(wrapper.get('[data-testid=quorum-warnings]').text()).toContain('没有评定等次')

    answer = report({ applies: false, lines: [] })
    await wrapper.get('[data-testid=field-place] input').setValue('村部')
    await settle(350)
    expect(wrapper.find('[data-testid=quorum-panel]').exists()).toBe(false)
  })

  it('shows the core’s verdict on a resolution as she types: nothing until votes, a warning for too many, green only for 通过', async () => {
    // The core's words for the three states (meetings/rules.rs): no votes yet,
    // more votes than the 2 voting members present, a real 通过.
    const verdictOf = (r: MeetingForm['resolutions'][number]) => {
      const typed = [r.votes_for, r.votes_against, r.votes_abstain]
      if (!typed.some((v) => v != null)) return { passed: null, verdict: '', invalid: false }
      const total = typed.reduce<number>((a, v) => a + (v ?? 0), 0)
      if (total > 2) return { passed: null, verdict: `票数合计 ${total} 票，超过到会有表决权党员 2 人，请核对票数`, invalid: true }
      return { passed: true, verdict: `赞成 ${r.votes_for} 票，超过应到会有表决权党员（2 人）的半数，通过。`, invalid: false }
    }
    const refusal = '第 1 条决议：票数合计 3 票，超过到会有表决权党员 2 人，请核对票数'
    const calls = core((cmd, args) => {
      if (cmd === 'meeting_check') return report({ resolutions: (args.input as MeetingForm).resolutions.map(verdictOf) })
      if (cmd === 'meeting_create') throw { code: 'validation', message: '有 1 项需要改正', fields: { 'resolutions.0': refusal } }
      return undefined
    })
    const { wrapper } = await mountApp('/meetings/new?kind=assembly')
    await settle(350)
    await wrapper.get('[data-testid=add-resolution]').trigger('click')
    await wrapper.get('[data-testid=resolution-text] textarea').setValue('同意')
    await settle(350)
    // A new resolution: the core was asked, and nothing is said yet (no red 未通过).
    const last = () => calls.filter((c) => c.cmd === 'meeting_check').pop()!.args.input as MeetingForm
    expect(last().resolutions).toHaveLength(1)
    expect(wrapper.find('[data-testid=resolution-verdict]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=quorum-resolution]').exists()).toBe(false)

    const number = async (key: string, value: string) => {
      const input = wrapper.get(`[data-testid=resolution-${key}] input`)
      await input.setValue(value)
      await input.trigger('blur')
      await settle(350)
    }
    await number('votes_for', '2')
    await number('votes_against', '1')
    expect(last().resolutions[0]).toMatchObject({ votes_for: 2, votes_against: 1 })
    let verdict = wrapper.get('[data-testid=resolution-verdict]')
    expect(verdict.text()).toBe('票数合计 3 票，超过到会有表决权党员 2 人，请核对票数')
    expect(verdict.classes()).toContain('invalid')
    expect(verdict.classes()).not.toContain('passed')
    expect(verdict.attributes('data-passed')).toBe('null')
    expect(wrapper.get('[data-testid=quorum-resolution]').classes()).toEqual(['invalid'])
    expect(wrapper.text()).not.toContain('通过')
    // Saving is refused by the core, beside the resolution.
    await wrapper.get('[data-testid=save-meeting]').trigger('click')
    await settle(150)
    const rowError = () => wrapper.find('[data-testid=resolution-item][data-index="0"] .el-form-item__error')
    expect(rowError().text()).toBe(refusal)
    expect(wrapper.find('[data-testid=form-error]').exists()).toBe(true)

    await number('votes_against', '0')
    // The refusal was about the old votes: it goes once they change.
    expect(rowError().exists()).toBe(false)
    expect(wrapper.find('[data-testid=form-error]').exists()).toBe(false)
    verdict = wrapper.get('[data-testid=resolution-verdict]')
    expect(verdict.text()).toContain('通过。')
    expect(verdict.classes()).toContain('passed')
    expect(verdict.classes()).not.toContain('invalid')
    expect(wrapper.get('[data-testid=quorum-resolution]').classes()).toEqual(['passed'])
  })

  it('fills the edit form from meeting_get and sends meeting_update', async () => {
    const calls = core((cmd, args) => {
      if (cmd === 'meeting_update') return meetingDetail({ id: Number(args.id) })
      return undefined
    })
    const { wrapper, router } = await mountApp('/meetings/12/edit')
    await settle()
    expect(calls.some((c) => c.cmd === 'meeting_draft')).toBe(false)
    expect((wrapper.get('[data-testid=field-topic] input').element as HTMLInputElement).value).toBe(
      '学习党的二十届四中全会精神',
    )
    expect((attendeeRow(wrapper, 2).get('[data-testid=attendee-reason] input').element as HTMLInputElement).value).toBe(
      '外出务工',
    )
    await setStatus(wrapper, 3, 'leave')
    await attendeeRow(wrapper, 3).get('[data-testid=attendee-reason] input').setValue('生病')
    await wrapper.get('[data-testid=save-meeting]').trigger('click')
    await settle()

    const upd = calls.find((c) => c.cmd === 'meeting_update')!
    expect(upd.args.id).toBe(12)
    const input = upd.args.input as MeetingForm
    expect(input.attendees).toEqual([
      { member_id: 1, status: 'present', reason: '', grade: '' },
      { member_id: 2, status: 'leave', reason: '外出务工', grade: '' },
      { member_id: 3, status: 'leave', reason: '生病', grade: '' },
    ])
    expect(input.resolutions).toEqual([
      {
        text: '同意接收赵六为预备党员',
        vote: true,
        election: false,
        votes_for: 2,
        votes_against: 0,
        votes_abstain: 0,
        candidate: '赵六',
        written_for: null,
        written_against: null,
        written_abstain: null,
      },
    ])
    expect(input).not.toHaveProperty('passed')
    expect(router.currentRoute.value.path).toBe('/meetings/12')
  })
})

describe('所属年度', () => {
  it('is set from meeting_for_year’s answer, offered as the year before the date’s and the date’s', async () => {
    // The core's answer, not the year of the date: the page must show what it says.
    const calls = core((cmd, args) => {
      if (cmd === 'meeting_for_year')
        return args.date === '2026-11-27'
          ? { default_year: 2025, choices: [2025, 2026] }
          : args.date === '2027-02-10'
            ? { default_year: 2026, choices: [2026, 2027] }
            : { default_year: 2027, choices: [2026, 2027] }
      if (cmd === 'meeting_create') return meetingDetail({ id: 40, kind: 'life_meeting', kind_label: '组织生活会' })
      return undefined
    })
    const { wrapper } = await mountApp('/meetings/new?kind=life_meeting')
    await settle()
    expect(calls.filter((c) => c.cmd === 'meeting_for_year').map((c) => c.args)).toEqual([
      { kind: 'life_meeting', date: '2026-11-27' },
    ])
    const select = wrapper.get('[data-testid=field-for_year]')
    expect(select.text()).toContain('2025年度')
    expect(wrapper.get('[data-testid=hint-for_year]').text()).toBe('1—3月召开的组织生活会、民主评议，默认属于上一年度')

    await wrapper.get('[data-testid=field-date] input').setValue('2027-02-10')
    await settle(450)
    expect(calls.filter((c) => c.cmd === 'meeting_for_year').pop()!.args).toEqual({ kind: 'life_meeting', date: '2027-02-10' })
    expect(wrapper.get('[data-testid=field-for_year]').text()).toContain('2026年度')

    await wrapper.get('[data-testid=field-for_year] .el-select__wrapper').trigger('click')
    await settle()
    const listId = wrapper.get('[data-testid=field-for_year] input').attributes('aria-controls')!
    const options = [...document.getElementById(listId)!.querySelectorAll('.el-select-dropdown__item')].map((o) => o.textContent?.trim())
    expect(options).toEqual(['2026年度', '2027年度'])

    await wrapper.get('[data-testid=save-meeting]').trigger('click')
    await settle()
    const input = calls.find((c) => c.cmd === 'meeting_create')!.args.input as MeetingForm
    expect(input.kind).toBe('life_meeting')
    expect(input.for_year).toBe(2026)
  })

  it('keeps a year picked by hand when the date changes', async () => {
    const calls = core((cmd) => (cmd === 'meeting_create' ? meetingDetail({ id: 41 }) : undefined))
    const { wrapper } = await mountApp('/meetings/new?kind=review')
    await settle()
    expect(wrapper.get('[data-testid=field-for_year]').text()).toContain('2026年度')
    await pickOption(wrapper, '[data-testid=field-for_year]', '2025年度')
    const asked = calls.filter((c) => c.cmd === 'meeting_for_year').length

    await wrapper.get('[data-testid=field-date] input').setValue('2026-12-20')
    await settle(450)
    expect(calls.filter((c) => c.cmd === 'meeting_for_year')).toHaveLength(asked)
    expect(wrapper.get('[data-testid=field-for_year]').text()).toContain('2025年度')
    await wrapper.get('[data-testid=save-meeting]').trigger('click')
    await settle()
    expect((calls.find((c) => c.cmd === 'meeting_create')!.args.input as MeetingForm).for_year).toBe(2025)
  })

  it('is not offered for other kinds, and sent as null', async () => {
    const calls = core((cmd) => (cmd === 'meeting_create' ? meetingDetail({ id: 42 }) : undefined))
    const { wrapper } = await mountApp('/meetings/new?kind=lecture')
    await settle()
    expect(wrapper.find('[data-testid=item-for_year]').exists()).toBe(false)
    await wrapper.get('[data-testid=save-meeting]').trigger('click')
    await settle()
    expect((calls.find((c) => c.cmd === 'meeting_create')!.args.input as MeetingForm).for_year).toBeNull()
  })

  it('shows a saved record’s year in the edit form and on the record', async () => {
    const life = meetingDetail({ kind: 'life_meeting', kind_label: '组织生活会', date: '2026-01-20', for_year: 2025, resolutions: [] })
    core((cmd) => (cmd === 'meeting_get' ? life : undefined))
    const { wrapper, router } = await mountApp('/meetings/12')
    expect(wrapper.get('[data-testid=detail-for_year]').text()).toBe('所属年度：2025年度')
    await router.push('/meetings/12/edit')
    await settle()
    expect(wrapper.get('[data-testid=field-for_year]').text()).toContain('2025年度')
  })

  it('is not shown on the record of another kind', async () => {
    core()
    const { wrapper } = await mountApp('/meetings/12')
    expect(wrapper.find('[data-testid=detail-for_year]').exists()).toBe(false)
  })
})

describe('被表决人和书面意见', () => {
  it('takes a 被表决人 on a 支部党员大会 resolution and, with one, the 书面意见 beside the votes', async () => {
    const calls = core((cmd) => (cmd === 'meeting_create' ? meetingDetail({ id: 50 }) : undefined))
    const { wrapper } = await mountApp('/meetings/new?kind=assembly')
    await settle()
    await wrapper.get('[data-testid=add-resolution]').trigger('click')
    await wrapper.get('[data-testid=resolution-text] textarea').setValue('同意接收赵六为预备党员')
    expect(wrapper.find('[data-testid=resolution-written]').exists()).toBe(false)
    await wrapper.get('[data-testid=resolution-candidate] input').setValue('赵六')
    await settle()
    const written = wrapper.get('[data-testid=resolution-written]')
    expect(written.text()).toContain('书面意见')
    const number = async (key: string, value: string) => {
      const input = wrapper.get(`[data-testid=resolution-${key}] input`)
      await input.setValue(value)
      await input.trigger('blur')
    }
    await number('votes_for', '12')
    await number('votes_against', '1')
    await number('votes_abstain', '0')
    await number('written_for', '2')
    await number('written_against', '0')
    await wrapper.get('[data-testid=save-meeting]').trigger('click')
    await settle()

    const input = calls.find((c) => c.cmd === 'meeting_create')!.args.input as MeetingForm
    expect(input.resolutions).toEqual([
      {
        text: '同意接收赵六为预备党员',
        vote: true,
        election: false,
        votes_for: 12,
        votes_against: 1,
        votes_abstain: 0,
        candidate: '赵六',
        written_for: 2,
        written_against: 0,
        written_abstain: null,
      },
    ])
  })

  it('has no 被表决人 on other kinds', async () => {
    core()
    const { wrapper } = await mountApp('/meetings/new?kind=committee')
    await settle()
    await wrapper.get('[data-testid=add-resolution]').trigger('click')
    expect(wrapper.find('[data-testid=resolution-candidate]').exists()).toBe(false)
  })

  it('shows the 被表决人 and the 书面意见 on the record', async () => {
    const d = meetingDetail()
    d.resolutions[0] = { ...d.resolutions[0], written_for: 3, written_against: 1, written_abstain: 0 }
    core((cmd) => (cmd === 'meeting_get' ? d : undefined))
    const { wrapper } = await mountApp('/meetings/12')
    expect(wrapper.get('[data-testid=detail-candidate]').text()).toBe('被表决人：赵六')
    expect(wrapper.get('[data-testid=detail-written]').text()).toBe('书面意见：赞成 3，反对 1，弃权 0')
  })

  it('shows no 书面意见 line when none was handed in', async () => {
    core()
    const { wrapper } = await mountApp('/meetings/12')
    expect(wrapper.find('[data-testid=detail-written]').exists()).toBe(false)
  })
})

describe('参会人员的校验', () => {
  it('shows a refusal naming someone who was not a member on the day under the attendee list', async () => {
    core((cmd) => {
      if (cmd === 'meeting_create')
        throw {
          code: 'validation',
          message: '有 1 项需要改正',
          fields: { attendees: '王五 在 2026年11月27日 还不是本支部党员，不能列为参会人员' },
        }
      return undefined
    })
    const { wrapper } = await mountApp('/meetings/new')
    await settle()
    await wrapper.get('[data-testid=save-meeting]').trigger('click')
    await settle(150)
    expect(wrapper.get('[data-testid=item-attendees] .el-form-item__error').text()).toBe(
      '王五 在 2026年11月27日 还不是本支部党员，不能列为参会人员',
    )
  })
})

describe('民主评议', () => {
  const review = (): MeetingDetail => {
    const d = meetingDetail({ kind: 'review', kind_label: '民主评议党员', resolutions: [] })
    d.attendees = d.attendees.map((a) => ({ ...a, status: 'present', status_label: '出席', reason: '' }))
    d.attendees[0] = { ...d.attendees[0], grade: 'excellent', grade_label: '优秀' }
    // the saved record's report says who may be graded (王五 was probationary on the day)
    d.quorum = report({ grading: gradingOf(d) })
    return d
  }

  it('offers a grade per attendee, shut for a 预备党员, and sends a grade in every attendee', async () => {
    const calls = core((cmd) => {
      if (cmd === 'meeting_get') return review()
      if (cmd === 'meeting_update') return review()
      return undefined
    })
    const { wrapper } = await mountApp('/meetings/12/edit')

    expect(wrapper.findAll('[data-testid=attendee-grade]')).toHaveLength(3)
    // 王五 is a 预备党员: takes part, is not graded
    const probationary = attendeeRow(wrapper, 3).get('[data-testid=attendee-grade]')
    expect((probationary.get('input').element as HTMLInputElement).disabled).toBe(true)
    expect(probationary.text()).toContain('无表决权，不评定等次')
    const full = attendeeRow(wrapper, 2).get('[data-testid=attendee-grade]')
    expect((full.get('input').element as HTMLInputElement).disabled).toBe(false)
    expect(attendeeRow(wrapper, 1).get('[data-testid=attendee-grade]').text()).toContain('优秀')

    await pickOption(attendeeRow(wrapper, 2), '[data-testid=attendee-grade]', '基本合格')
    await wrapper.get('[data-testid=save-meeting]').trigger('click')
    await settle()

    const input = calls.find((c) => c.cmd === 'meeting_update')!.args.input as MeetingForm
    expect(input.attendees).toEqual([
      { member_id: 1, status: 'present', reason: '', grade: 'excellent' },
      { member_id: 2, status: 'present', reason: '', grade: 'basically_qualified' },
      { member_id: 3, status: 'present', reason: '', grade: '' },
    ])
    expect(wrapper.get('[data-testid=detail-grades]').text()).toBe('张三（优秀）')
  })

  it('sends the grade to meeting_check and shows the core’s lines and warnings in the panel', async () => {
    const calls = core((cmd, args) => {
      if (cmd === 'meeting_get') return review()
      if (cmd === 'meeting_check')
        return report({
          grading: gradingOf(args.input as MeetingForm),
          lines: ['参加评议的正式党员 2 人，已评定 2 人：优秀 2 人、合格 0 人、基本合格 0 人、不合格 0 人。'],
          warnings: ['评为优秀的有 2 人，超过参评正式党员（2 人）的三分之一，请核对。'],
        })
      return undefined
    })
    const { wrapper } = await mountApp('/meetings/12/edit')
    await pickOption(attendeeRow(wrapper, 2), '[data-testid=attendee-grade]', '优秀')
    await settle(350)

    const sent = calls.filter((c) => c.cmd === 'meeting_check').pop()!.args.input as MeetingForm
    expect(sent.attendees.map((a) => a.grade)).toEqual(['excellent', 'excellent', ''])
    const panel = wrapper.get('[data-testid=quorum-panel]')
    expect(panel.text()).toContain('评议情况')
    expect(panel.get('[data-testid=quorum-line]').text()).toContain('已评定 2 人')
    expect(panel.get('[data-testid=quorum-warnings]').text()).toContain('超过参评正式党员（2 人）的三分之一')
  })

  it('grades only on a 民主评议 record: another kind shows no select and sends empty grades', async () => {
    const calls = core()
    const { wrapper } = await mountApp('/meetings/new?kind=review')
    await settle(350)
    await pickOption(attendeeRow(wrapper, 1), '[data-testid=attendee-grade]', '优秀')
    await settle(350)
    let sent = calls.filter((c) => c.cmd === 'meeting_check').pop()!.args.input as MeetingForm
    expect(sent.attendees.map((a) => a.grade)).toEqual(['excellent', '', ''])

    const assembly = wrapper.findAll('[data-testid=field-kind] input').find((i) => (i.element as HTMLInputElement).value === 'assembly')!
    await assembly.setValue(true)
    await settle(350)
    expect(wrapper.find('[data-testid=attendee-grade]').exists()).toBe(false)
    sent = calls.filter((c) => c.cmd === 'meeting_check').pop()!.args.input as MeetingForm
    expect(sent.kind).toBe('assembly')
    expect(sent.attendees.map((a) => a.grade)).toEqual(['', '', ''])
  })
})

describe('what the form reads from the core', () => {
  it('takes the attendees from the roster for the kinds meeting_choices marks so, and no others', async () => {
    // A core that marks 党课 from the roster and 支部党员大会 picked by hand: the page follows it.
    core((cmd) =>
      cmd === 'meeting_choices'
        ? {
            ...meetingChoices,
            kinds: meetingChoices.kinds.map((k) =>
              k.value === 'assembly' || k.value === 'lecture'
                ? { ...k, attendees_from_roster: k.value === 'lecture' }
                : k,
            ),
          }
        : undefined,
    )
    const { wrapper } = await mountApp('/meetings/new')
    await settle()
    expect(wrapper.find('[data-testid=add-attendee]').exists()).toBe(true)
    expect(wrapper.findAll('[data-testid=attendee-remove]')).toHaveLength(3)

    const lecture = wrapper.findAll('[data-testid=field-kind] input').find((i) => (i.element as HTMLInputElement).value === 'lecture')!
    await lecture.setValue(true)
    await settle()
    expect(wrapper.find('[data-testid=add-attendee]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=attendee-remove]').exists()).toBe(false)
  })

  it('asks for 所属年度 for the kinds meeting_choices marks so, and no others', async () => {
    // A core that gives 党课 a 所属年度 and takes it from 组织生活会: the page follows it.
    core((cmd) =>
      cmd === 'meeting_choices'
        ? {
            ...meetingChoices,
            kinds: meetingChoices.kinds.map((k) =>
              k.value === 'lecture' || k.value === 'life_meeting' ? { ...k, has_for_year: k.value === 'lecture' } : k,
            ),
          }
        : undefined,
    )
    const { wrapper } = await mountApp('/meetings/new')
    await settle()
    const pick = async (kind: string) => {
      const input = wrapper.findAll('[data-testid=field-kind] input').find((i) => (i.element as HTMLInputElement).value === kind)!
      await input.setValue(true)
      await settle()
    }
    await pick('lecture')
    expect(wrapper.find('[data-testid=field-for_year]').exists()).toBe(true)
    await pick('life_meeting')
    expect(wrapper.find('[data-testid=field-for_year]').exists()).toBe(false)
  })

  it('shuts the grade select where the core says the attendee may not be graded, whatever the kind label', async () => {
    // 李四 is 正式党员 today but (so the core says) was not on the day; 王五 the other way round.
    const grading: Grading[] = [
      { member_id: 1, gradable: true },
      { member_id: 2, gradable: false },
      { member_id: 3, gradable: true },
    ]
    const record = (): MeetingDetail => {
      const d = meetingDetail({ kind: 'review', kind_label: '民主评议党员', resolutions: [] })
      d.attendees = d.attendees.map((a) => ({ ...a, status: 'present', status_label: '出席', reason: '' }))
      d.quorum = report({ grading })
      return d
    }
    const calls = core((cmd) => {
      if (cmd === 'meeting_get' || cmd === 'meeting_update') return record()
      if (cmd === 'meeting_check') return report({ grading })
      return undefined
    })
    const { wrapper } = await mountApp('/meetings/12/edit')
    const select = (id: number) => attendeeRow(wrapper, id).get('[data-testid=attendee-grade]')
    const shut = (id: number) => (select(id).get('input').element as HTMLInputElement).disabled
    expect([shut(1), shut(2), shut(3)]).toEqual([false, true, false])
    expect(select(2).text()).toContain('无表决权，不评定等次')

    await pickOption(attendeeRow(wrapper, 3), '[data-testid=attendee-grade]', '合格')
    await settle(350)
    expect([shut(1), shut(2), shut(3)]).toEqual([false, true, false])
    await wrapper.get('[data-testid=save-meeting]').trigger('click')
    await settle()
    const input = calls.find((c) => c.cmd === 'meeting_update')!.args.input as MeetingForm
    expect(input.attendees.map((a) => a.grade)).toEqual(['', '', 'qualified'])
  })

  it('shuts the grade select of a member added by hand once the check says so', async () => {
    core()
    const { wrapper } = await mountApp('/meetings/new?kind=review')
    await settle(350)
    const shut = (id: number) =>
      (attendeeRow(wrapper, id).get('[data-testid=attendee-grade] input').element as HTMLInputElement).disabled
    expect([shut(1), shut(2), shut(3)]).toEqual([false, false, true])

    await attendeeRow(wrapper, 3).get('[data-testid=attendee-remove]').trigger('click')
    await settle(350)
    await wrapper.get('[data-testid=add-attendee] .el-select__wrapper').trigger('click')
    await settle()
    const li = [...document.querySelectorAll('.el-select-dropdown__item')].find(
      (o) => o.querySelector('.option-note') && o.textContent?.includes('王五'),
    )
    ;(li as HTMLElement).click()
    await settle(350)
    expect(wrapper.findAll('[data-testid=attendee-name]').map((n) => n.text())).toEqual(['张三', '李四', '王五'])
    expect(shut(3)).toBe(true)
  })
})

describe('党小组会', () => {
  it('asks for the 党小组 first and lists that group’s members on the day, as the core’s draft says', async () => {
    // The core's draft for a 党小组会: nobody until a group is named, then that
    // group's members on the meeting's day (meetings/repo.rs meeting_draft).
    const byGroup: Record<number, number[]> = { 1: [1, 2], 2: [4] }
    const calls = core((cmd, args) => {
      if (cmd !== 'meeting_draft') return undefined
      const g = args.group_id as number | null
      return draft({
        kind: 'group_meeting',
        date: args.date as string,
        group_id: g,
        host_id: null,
        attendees: (g == null ? [] : byGroup[g]).map((member_id) => ({ member_id, status: 'present', reason: '', grade: '' })),
      })
    })
    const { wrapper } = await mountApp('/meetings/new?kind=group_meeting')
    await settle(350)
    // The 党小组 comes before the date and the attendees.
    const order = [...wrapper.element.querySelectorAll('[data-testid=item-group_id], [data-testid=item-date], [data-testid=attendees-heading]')].map(
      (e) => e.getAttribute('data-testid'),
    )
    expect(order).toEqual(['item-group_id', 'item-date', 'attendees-heading'])
    expect(wrapper.get('[data-testid=hint-group_id]').text()).toContain('会议当天这个党小组的党员')
    expect(wrapper.findAll('[data-testid=attendee-row]')).toHaveLength(0)
    expect(wrapper.get('[data-testid=attendee-empty]').text()).toContain('请先在上面选择党小组')

    await pickOption(wrapper, '[data-testid=field-group_id]', '第一党小组')
    await settle(350)
    const asked = calls.filter((c) => c.cmd === 'meeting_draft').pop()!.args
    expect(asked).toEqual({ kind: 'group_meeting', date: '2026-11-27', group_id: 1 })
    expect(wrapper.findAll('[data-testid=attendee-name]').map((n) => n.text())).toEqual(['张三', '李四'])

    await pickOption(wrapper, '[data-testid=field-group_id]', '第二党小组')
    await settle(350)
    expect(wrapper.findAll('[data-testid=attendee-name]').map((n) => n.text())).toEqual(['赵六'])
  })
})

describe('谈心谈话', () => {
  it('asks for the 谈话人 and the 谈话对象, with no attendance counts and no quorum panel', async () => {
    const calls = core((cmd) =>
      cmd === 'meeting_draft'
        ? draft({ kind: 'talk', attendees: [], host_id: null, agenda: [] })
        : cmd === 'meeting_check'
          ? report({ applies: false, lines: [], should_attend: 1, present: 1 })
          : undefined,
    )
    const { wrapper } = await mountApp('/meetings/new?kind=talk')
    await settle(350)
    // The words come from meeting_choices (the core's MeetingKind::host_label …).
    const talk = meetingChoices.kinds.find((k) => k.value === 'talk')!
    expect([talk.host_label, talk.attendees_label, talk.counts_attendance]).toEqual(['谈话人', '谈话对象', false])
    expect(wrapper.get('[data-testid=item-host_id] .el-form-item__label').text()).toBe('谈话人')
    expect(wrapper.get('[data-testid=attendees-heading]').text()).toBe('谈话对象')
    expect(wrapper.get('[data-testid=attendee-empty]').text()).toBe('还没有谈话对象，在下面选择添加。')
    expect(wrapper.text()).not.toContain('主持人')
    expect(wrapper.text()).not.toContain('参会人员')

    await wrapper.get('[data-testid=add-attendee] .el-select__wrapper').trigger('click')
    await settle()
    const li = [...document.querySelectorAll('.el-select-dropdown__item')].find(
      (o) => o.querySelector('.option-note') && o.textContent?.includes('李四'),
    )
    ;(li as HTMLElement).click()
    await settle(350)
    expect(wrapper.findAll('[data-testid=attendee-name]').map((n) => n.text())).toEqual(['李四'])
    expect(calls.filter((c) => c.cmd === 'meeting_check').length).toBeGreaterThan(0)
    // No 应到/实到/出席率, no 出席/请假/缺席 to click, no 表决有效性.
    expect(wrapper.find('[data-testid=attendance-counts]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=attendee-row] .att-status').exists()).toBe(false)
    expect(wrapper.find('[data-testid=quorum-panel]').exists()).toBe(false)
    expect(wrapper.text()).not.toMatch(/应到|实到|出席率/)

    // A 支部党员大会 keeps its words and its counts.
    await wrapper.get('[data-testid=field-kind]').findAll('label').find((l) => l.text() === '支部党员大会')!.trigger('click')
    await settle(350)
    expect(wrapper.get('[data-testid=item-host_id] .el-form-item__label').text()).toBe('主持人')
    expect(wrapper.get('[data-testid=attendees-heading]').text()).toBe('参会人员')
    expect(wrapper.find('[data-testid=attendance-counts]').exists()).toBe(true)
  })

  it('shows a talk’s record with 谈话人 and 谈话对象 and no attendance, and — in the list', async () => {
    const talkDetail = meetingDetail({
      kind: 'talk',
      kind_label: '谈心谈话',
      host_label: '谈话人',
      attendees_label: '谈话对象',
      counts_attendance: false,
      attendees: [
        { member_id: 2, name: '李四', member_kind_label: '正式党员', voting: true, status: 'present', status_label: '出席', reason: '', grade: null, grade_label: null },
      ],
      resolutions: [],
      quorum: report({ applies: false, lines: [], should_attend: 1, present: 1, attendance_rate: '100.0%' }),
    })
    core((cmd) => (cmd === 'meeting_get' ? talkDetail : undefined))
    const { wrapper } = await mountApp('/meetings/12')
    expect(wrapper.get('[data-testid=detail-host-label]').text()).toBe('谈话人')
    expect(wrapper.get('[data-testid=detail-present-label]').text()).toBe('谈话对象')
    expect(wrapper.get('[data-testid=detail-present_names]').text()).toBe('李四')
    expect(wrapper.find('[data-testid=detail-counts]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=detail-leave]').exists()).toBe(false)
    const paper = wrapper.get('[data-testid=meeting-detail]').text()
    expect(paper).not.toMatch(/主持人|应到|实到|出席率|出席人员/)
    expect(paper).toContain('谈话人签字')
    wrapper.unmount()

    const row = (over: Partial<MeetingRow>): MeetingRow => ({
      id: 20,
      kind: 'talk',
      kind_label: '谈心谈话',
      date: '2026-11-20',
      start_time: '',
      place: '',
      topic: '谈心',
      host_name: '张三',
      should_attend: 1,
      present: 1,
      on_leave: 0,
      absent: 0,
      attendance_rate: '100.0%',
      quorum_ok: null,
      counts_attendance: false,
      ...over,
    })
    core((cmd) => (cmd === 'meeting_list' ? [row({}), row({ id: 21, kind: 'lecture', kind_label: '党课', counts_attendance: true })] : undefined))
    const list = await mountApp('/meetings')
    expect(list.wrapper.findAll('[data-testid=cell-attendance_rate]').map((c) => c.text())).toEqual(['—', '100.0%'])
    expect(list.wrapper.findAll('[data-testid=cell-should_attend]').map((c) => c.text())).toEqual(['—', '1'])
  })
})

describe('会议记录详情', () => {
  it('lays the record out like the paper minutes', async () => {
    core()
    const { wrapper } = await mountApp('/meetings/12')
    expect(wrapper.get('[data-testid=meeting-title]').text()).toBe('支部党员大会记录')
    expect(wrapper.get('[data-testid=detail-time]').text()).toBe('2026年11月27日 19:30')
    expect(wrapper.get('[data-testid=detail-host]').text()).toBe('张三')
    expect(wrapper.get('[data-testid=detail-should_attend]').text()).toBe('3 人')
    expect(wrapper.get('[data-testid=detail-leave]').text()).toContain('李四（外出务工）')
    expect(wrapper.get('[data-testid=detail-absent]').text()).toContain('王五')
    expect(wrapper.get('[data-testid=detail-observers]').text()).toBe('驻村第一书记 孙某')
    expect(wrapper.get('[data-testid=detail-resolution]').text()).toContain('赞成 2 票，反对 0 票，弃权 0 票')
    expect(wrapper.get('[data-testid=detail-verdict]').text()).toContain('未通过')
    expect(wrapper.get('[data-testid=detail-quorum]').text()).toContain('未超过半数')
  })

  it('prints with window.print and deletes after asking', async () => {
    const calls = core((cmd) => (cmd === 'meeting_delete' ? null : cmd === 'meeting_list' ? [] : undefined))
    let printed = 0
    const original = window.print
    window.print = () => {
      printed++
    }
    try {
      const { wrapper, router } = await mountApp('/meetings/12')
      await wrapper.get('[data-testid=print-meeting]').trigger('click')
      expect(printed).toBe(1)

      await wrapper.get('[data-testid=delete-meeting]').trigger('click')
      await settle()
      const box = document.querySelector('.el-message-box')
      expect(box?.textContent).toContain('删除后不再计入日历；数据不会丢失')
      expect(calls.some((c) => c.cmd === 'meeting_delete')).toBe(false)
      ;[...document.querySelectorAll('.el-message-box button')]
        .find((b) => b.textContent?.trim() === '删除')!
        .dispatchEvent(new MouseEvent('click', { bubbles: true }))
      await settle(50)
      expect(calls.find((c) => c.cmd === 'meeting_delete')!.args).toEqual({ id: 12 })
      expect(router.currentRoute.value.path).toBe('/meetings')
    } finally {
      window.print = original
    }
  })
})
