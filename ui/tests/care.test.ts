import { afterEach, describe, expect, it } from 'vitest'
import { appInfo, fakeCore, mountApp, row, settle, unmountAll } from './helpers'
import type { CareChoices, CareVisit, VisitList, VisitYear } from '../src/api'
import { reminderCards, reminderGroups } from '../src/reminders'
import { noReminders } from './reminderFixtures'
import { core, meetingDetail, report } from './meetingFixtures'

afterEach(unmountAll)

const choices: CareChoices = {
  categories: [
    { value: 'subsistence', label: '低保/特困' },
    { value: 'illness', label: '因病' },
  ],
  occasions: [
    { value: 'spring', label: '元旦春节' },
    { value: 'july1', label: '七一' },
    { value: 'teaching', label: '送学上门' },
  ],
  sources: [
    { value: 'dues_returned', label: '上级下拨党费' },
    { value: 'village', label: '村级' },
  ],
}

function list(season: string, visited: boolean): VisitList {
  const spring = season === 'spring'
  return {
    season,
    title: spring ? '元旦春节慰问名单' : '七一慰问名单',
    start: spring ? '2026-12-01' : '2027-06-01',
    end: spring ? '2027-03-31' : '2027-07-31',
    entries: [
      { member_id: 7, name: '赵老', reasons: ['1949年10月1日前入党'], visited },
      { member_id: 8, name: '钱病', reasons: ['因病'], visited: false },
    ],
    total: 2,
    visited: visited ? 1 : 0,
  }
}

function visit(over: Partial<CareVisit> = {}): CareVisit {
  return {
    id: 31,
    visited_on: '2026-12-10',
    member_id: 7,
    name: '赵老',
    family_name: '',
    occasion: 'spring',
    occasion_label: '元旦春节',
    visitors: '支部书记',
    amount_fen: 20000,
    amount: '200.00',
    source: 'dues_returned',
    source_label: '上级下拨党费',
    goods: '',
    follow_up: '',
    meeting_id: null,
    ...over,
  }
}

describe('关怀帮扶', () => {
  it('lists the season the core dates hold, records a visit and shows the row visited', async () => {
    let saved = false
    let refuseFirst = true
    const calls = fakeCore((cmd, args) => {
      if (cmd === 'app_info') return appInfo({ today: '2026-12-10' })
      if (cmd === 'care_choices') return choices
      if (cmd === 'member_list') return [row({ id: 7, name: '赵老' }), row({ id: 8, name: '钱病' })]
      if (cmd === 'care_visit_list') return list(String(args.season), saved)
      if (cmd === 'care_visits') {
        const y: VisitYear = { year: 2026, visits: saved ? [visit()] : [], total_fen: saved ? 20000 : 0, total: saved ? '200.00' : '0.00' }
        return y
      }
      if (cmd === 'care_cases') return []
      if (cmd === 'care_visit_create') {
        if (refuseFirst) {
          refuseFirst = false
          throw { code: 'validation', message: '有 1 处填写需要修改', fields: { source: '发了慰问金，请选择资金来源' } }
        }
        saved = true
        return { visit: visit(), note: null }
      }
      throw { code: 'unexpected', message: cmd }
    })
    const { wrapper } = await mountApp('/care')
    expect(wrapper.get('[data-testid=nav-care]').text()).toBe('关怀帮扶')
    await settle()
    // The year's visits are read once on opening, not again when the page first sets the year.
    expect(calls.filter((c) => c.cmd === 'care_visits')).toHaveLength(1)
    expect(wrapper.get('[data-testid=list-summary]').text()).toContain('元旦春节慰问名单')
    expect(wrapper.findAll('[data-testid=list-state]').map((t) => t.text())).toEqual(['未走访', '未走访'])
    expect(wrapper.text()).toContain('1949年10月1日前入党')

    await wrapper.findAll('[data-testid=visit-btn]')[0].trigger('click')
    await settle()
    const dialog = () => document.querySelector('[data-testid=visit-dialog]') as HTMLElement
    const amount = dialog().querySelector('[data-testid=field-amount] input, input[data-testid=field-amount]') as HTMLInputElement
    amount.value = '200.00'
    amount.dispatchEvent(new Event('input'))
    await settle()
    ;(dialog().querySelector('[data-testid=visit-save]') as HTMLElement).click()
    await settle()
    await settle(50)
    // The core's refusal is shown; the dialog stays on the form, nothing marked visited.
    expect(dialog().textContent).toContain('有 1 处填写需要修改')
    expect(dialog().querySelector('[data-testid=visit-saved]')).toBeNull()
    expect(wrapper.findAll('[data-testid=list-state]').map((t) => t.text())).toEqual(['未走访', '未走访'])
    const sent = calls.filter((c) => c.cmd === 'care_visit_create')[0].args.form as Record<string, unknown>
    expect(sent).toMatchObject({ member_id: 7, visited_on: '2026-12-10', occasion: 'spring', amount: '200.00' })
    ;(dialog().querySelector('[data-testid=visit-save]') as HTMLElement).click()
    await settle()
    expect(dialog().querySelector('[data-testid=visit-saved]')?.textContent).toContain('赵老')
    expect(dialog().querySelector('[data-testid=visit-receipts]')).not.toBeNull()
    expect(wrapper.findAll('[data-testid=list-state]').map((t) => t.text())).toEqual(['已走访', '未走访'])
    // The year's visits with the total the core gave (the tab drawn when first opened).
    expect(wrapper.find('[data-testid=visits-total]').exists()).toBe(false)
    await wrapper.findAll('.el-tabs__item').find((t) => t.text() === '走访记录')!.trigger('click')
    await settle()
    expect(wrapper.get('[data-testid=visits-total]').text()).toContain('慰问金合计 200.00 元')
  })

  it('puts the cases due and the season not yet visited on the home screen', () => {
    const r = {
      ...noReminders(),
      care_review_due: [
        {
          id: 3,
          member_id: 8,
          name: '钱病',
          category: 'illness' as const,
          category_label: '因病',
          since: '2025-11-01',
          description: '',
          reviewed_on: null,
          closed_on: null,
          close_reason: '',
          review_due: '2026-11-01',
        },
      ],
      visit_list: { ...list('spring', false), entries: [list('spring', false).entries[1]] },
    }
    const groups = reminderGroups(r)
    const review = groups.find((g) => g.kind === 'care_review_due')!
    expect(review.rows.map((x) => [x.name, x.date, x.note])).toEqual([['钱病', '2026年11月1日', '因病，最近复核：未复核']])
    const visits = groups.find((g) => g.kind === 'visit_list')!
    expect(visits.title).toBe('元旦春节慰问名单（已走访 0 / 2 人）')
    expect(visits.rows.map((x) => x.name)).toEqual(['钱病'])
    const other = reminderCards(r).other.map((c) => [c.key, c.count])
    expect(other).toContainEqual(['care-review', 1])
    expect(other).toContainEqual(['visit-list', 1])
    // Outside the seasons: no list, no card.
    const none = reminderCards({ ...r, visit_list: null, care_review_due: [] }).other.map((c) => c.key)
    expect(none).not.toContain('visit-list')
    expect(none).not.toContain('care-review')
  })

  it('shows 送学上门 on its own line of the meeting record, not among the absent', async () => {
    const base = meetingDetail()
    core((cmd, args) =>
      cmd === 'meeting_get'
        ? meetingDetail({
            id: Number(args.id),
            kind: 'theme_day',
            kind_label: '主题党日',
            attendees: base.attendees.map((a) =>
              a.member_id === 3 ? { ...a, status: 'taught', status_label: '送学上门' } : a,
            ),
            quorum: report({ should_attend: 3, present: 1, on_leave: 1, absent: 0, taught: 1 }),
          })
        : undefined,
    )
    const { wrapper } = await mountApp('/meetings/12')
    expect(wrapper.get('[data-testid=detail-taught]').text()).toBe('1 人：王五')
    expect(wrapper.get('[data-testid=detail-absent]').text()).toBe('0 人')
    expect(wrapper.text()).not.toContain('其他')
  })
})
