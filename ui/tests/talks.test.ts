import { describe, expect, it } from 'vitest'
import { mountApp, settle } from './helpers'
import { core } from './meetingFixtures'
import type { MeetingCalendar, MemberAttendance, TalkCoverage } from '../src/api'

const coverage: TalkCoverage = {
  year: 2026,
  committee: [
    { id: 1, name: '张三', committee_role_label: '书记' },
    { id: 2, name: '李四', committee_role_label: '组织委员' },
  ],
  members: [
    { id: 1, name: '张三', committee_role_label: '书记' },
    { id: 2, name: '李四', committee_role_label: '组织委员' },
    { id: 3, name: '王五', committee_role_label: null },
    { id: 4, name: '欧阳晓明', committee_role_label: null },
  ],
  talked: [
    [1, 2],
    [2, 1],
    [1, 4],
  ],
  summary: ['张三（书记）：已与 2 人谈心谈话，还差 1 人', '李四（组织委员）：已与 1 人谈心谈话，还差 2 人'],
}

const emptyCalendar: MeetingCalendar = { year: 2026, rows: [], gaps: [], monthly_attendance: [], missed_three_in_a_row: [] }

describe('谈心谈话', () => {
  it('marks the column under the pointer, header and cells, and only that column', async () => {
    core((cmd) => (cmd === 'talk_coverage' ? coverage : undefined))
    const { wrapper } = await mountApp('/meetings/talks')
    const page = wrapper.get('[data-testid=talk-grid]')
    const marked = () =>
      page.findAll('.hover').map((e) => `${e.attributes('data-testid')}:${e.attributes('data-row') ?? ''}-${e.attributes('data-col')}`)
    expect(marked()).toEqual([])
    await page.get('[data-testid=talk-cell][data-row="2"][data-col="3"]').trigger('mouseover')
    expect(marked()).toEqual(['talk-col:-3', 'talk-cell:1-3', 'talk-cell:2-3'])
    await page.get('[data-testid=talk-col][data-col="4"]').trigger('mouseover')
    expect(marked()).toEqual(['talk-col:-4', 'talk-cell:1-4', 'talk-cell:2-4'])
    await page.get('.talk-scroll').trigger('mouseleave')
    expect(marked()).toEqual([])
  })

  it('draws one row per committee member and one cell per member, marked from talk_coverage', async () => {
    const calls = core((cmd) => (cmd === 'talk_coverage' ? coverage : undefined))
    const { wrapper } = await mountApp('/meetings/talks')

    expect(calls.find((c) => c.cmd === 'talk_coverage')!.args).toEqual({ year: 2026 })
    const page = wrapper.get('[data-testid=talk-grid]')
    expect(page.findAll('[data-testid=talk-row]').map((r) => r.get('th').text())).toEqual(['张三书记', '李四组织委员'])
    expect(page.findAll('[data-testid=talk-col]').map((c) => c.text())).toEqual(['张三', '李四', '王五', '欧阳晓明'])

    const cells = page.findAll('[data-testid=talk-cell]')
    expect(cells).toHaveLength(8)
    const marks = Object.fromEntries(cells.map((c) => [`${c.attributes('data-row')}-${c.attributes('data-col')}`, c.attributes('data-talked')]))
    expect(marks).toEqual({
      '1-1': '0',
      '1-2': '1',
      '1-3': '0',
      '1-4': '1',
      '2-1': '1',
      '2-2': '0',
      '2-3': '0',
      '2-4': '0',
    })
    const done = page.get('[data-testid=talk-cell][data-row="1"][data-col="4"]')
    expect(done.classes()).toContain('talked')
    expect(done.text()).toBe('✓')
    expect(done.attributes('title')).toBe('张三 与 欧阳晓明：今年已谈过')
    const open = page.get('[data-testid=talk-cell][data-row="2"][data-col="3"]')
    expect(open.classes()).not.toContain('talked')
    expect(open.text()).toBe('')
    // a person and themself: greyed
    expect(page.get('[data-testid=talk-cell][data-row="2"][data-col="2"]').classes()).toContain('self')
    expect(page.get('[data-testid=talk-cell][data-row="1"][data-col="2"]').classes()).not.toContain('self')

    expect(page.findAll('[data-testid=talk-summary] li').map((l) => l.text())).toEqual(coverage.summary)
  })

  it('asks again for another year and leads to the form for a talk', async () => {
    const calls = core((cmd, args) => (cmd === 'talk_coverage' ? { ...coverage, year: args.year, talked: [] } : undefined))
    const { wrapper, router } = await mountApp('/meetings/talks')
    await wrapper.get('[data-testid=talk-year] .el-select__wrapper').trigger('click')
    await settle()
    const option = [...document.querySelectorAll('.el-select-dropdown__item')].find((o) => o.textContent?.trim() === '2025年')
    ;(option as HTMLElement).click()
    await settle()
    expect(calls.filter((c) => c.cmd === 'talk_coverage').map((c) => c.args.year)).toEqual([2026, 2025])
    expect(wrapper.findAll('[data-testid=talk-cell][data-talked="1"]')).toHaveLength(0)

    await wrapper.get('[data-testid=new-talk]').trigger('click')
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/meetings/new?kind=talk')
  })

  it('shows a big branch 50 members a page, each page with its own marks', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ id: i + 1, name: `党员${i + 1}`, committee_role_label: null }))
    core((cmd) => (cmd === 'talk_coverage' ? { ...coverage, members: many, talked: [[1, 55]] } : undefined))
    const { wrapper } = await mountApp('/meetings/talks')
    const cols = () => wrapper.findAll('[data-testid=talk-col]').map((c) => c.attributes('data-col'))
    expect(cols()).toEqual(many.slice(0, 50).map((m) => String(m.id)))
    expect(wrapper.findAll('[data-testid=talk-cell]')).toHaveLength(2 * 50)
    expect(wrapper.findAll('[data-testid=talk-cell][data-talked="1"]')).toHaveLength(0)

    await wrapper.get('[data-testid=talk-pages] .btn-next').trigger('click')
    await settle()
    expect(cols()).toEqual(many.slice(50).map((m) => String(m.id)))
    const talked = wrapper.findAll('[data-testid=talk-cell][data-talked="1"]')
    expect(talked.map((c) => `${c.attributes('data-row')}-${c.attributes('data-col')}`)).toEqual(['1-55'])
  })

  it('says what to do when there is no committee yet', async () => {
    core((cmd) => (cmd === 'talk_coverage' ? { ...coverage, committee: [], talked: [], summary: [] } : undefined))
    const { wrapper } = await mountApp('/meetings/talks')
    expect(wrapper.get('[data-testid=talk-empty]').text()).toContain('还没有支委')
    expect(wrapper.find('[data-testid=talk-cell]').exists()).toBe(false)
  })

  it('is reached from the meeting list and from the calendar', async () => {
    core((cmd) => (cmd === 'meeting_list' ? [] : cmd === 'meeting_calendar' ? emptyCalendar : cmd === 'talk_coverage' ? coverage : undefined))
    const list = await mountApp('/meetings')
    await list.wrapper.get('[data-testid=open-talks]').trigger('click')
    await settle()
    expect(list.router.currentRoute.value.path).toBe('/meetings/talks')

    const cal = await mountApp('/meetings/calendar')
    await cal.wrapper.get('[data-testid=open-talks]').trigger('click')
    await settle()
    expect(cal.router.currentRoute.value.path).toBe('/meetings/talks')
  })
})

describe('党员出席情况', () => {
  const rows: MemberAttendance[] = [
    { member_id: 3, name: '王五', should_attend: 12, present: 5, on_leave: 2, absent: 5, elsewhere: 0, taught: 0, attendance_rate: '41.7%' },
    { member_id: 1, name: '张三', should_attend: 12, present: 12, on_leave: 0, absent: 0, elsewhere: 0, taught: 0, attendance_rate: '100.0%' },
  ]

  it('lists each member in the order the core gave, with a link to the member', async () => {
    const calls = core((cmd) => (cmd === 'meeting_calendar' ? emptyCalendar : cmd === 'meeting_attendance' ? rows : undefined))
    const { wrapper, router } = await mountApp('/meetings/calendar')

    expect(calls.find((c) => c.cmd === 'meeting_attendance')!.args).toEqual({ year: 2026 })
    const table = wrapper.get('[data-testid=member-attendance]')
    expect(table.findAll('[data-testid=attendance-name]').map((n) => n.text())).toEqual(['王五', '张三'])
    expect(table.findAll('[data-testid=attendance-should_attend]').map((n) => n.text())).toEqual(['12', '12'])
    expect(table.findAll('[data-testid=attendance-present]').map((n) => n.text())).toEqual(['5', '12'])
    expect(table.findAll('[data-testid=attendance-on_leave]').map((n) => n.text())).toEqual(['2', '0'])
    expect(table.findAll('[data-testid=attendance-absent]').map((n) => n.text())).toEqual(['5', '0'])
    expect(table.findAll('[data-testid=attendance-rate]').map((n) => n.text())).toEqual(['41.7%', '100.0%'])
    const headers = table.findAll('th').map((h) => h.text())
    expect(headers).toEqual(['姓名', '应参加', '出席', '请假', '缺席', '在流入地参加', '出席率'])

    await table.get('[data-testid=attendance-name][data-member-id="3"]').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/members/3')
  })
})
