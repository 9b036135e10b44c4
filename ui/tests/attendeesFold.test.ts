// The attendee list of a large 党员大会, folded by 党小组 (AttendeesEditor, FOLD_AT).
import { afterEach, describe, expect, it } from 'vitest'
import { reactive } from 'vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import { installElements } from '../src/elements'
import AttendeesEditor from '../src/components/meeting/AttendeesEditor.vue'
import { FOLD_AT, type KnownMember } from '../src/components/meeting/shared'
import type { AttendeeForm, MeetingForm, MemberRow, QuorumReport } from '../src/api'
import { mountApp, row, settle } from './helpers'
import { core, draft, meetingChoices, meetingDetail, report } from './meetingFixtures'

const GROUPS = ['第二党小组', '第一党小组', '第三党小组']

interface Person {
  id: number
  name: string
  group: string | null
}

/**
 * Two members in no group first, then 120 spread over three groups in turn
 * (第二, 第一, 第三, …): 40 each, the groups in that order of first appearance.
 */
function people(grouped = 120, ungrouped = 2): Person[] {
  const none = Array.from({ length: ungrouped }, (_, k) => ({ id: 1001 + k, name: `无组${k + 1}`, group: null }))
  const some = Array.from({ length: grouped }, (_, k) => ({ id: k + 1, name: `党员${k + 1}`, group: GROUPS[k % 3] }))
  return [...none, ...some]
}

const knownOf = (ps: Person[]) =>
  new Map<number, KnownMember>(ps.map((p) => [p.id, { name: p.name, kind_label: '正式党员', group_name: p.group }]))

const attendeesOf = (ps: Person[]): AttendeeForm[] =>
  reactive(ps.map((p) => ({ member_id: p.id, status: 'present', reason: '', grade: '' })))

const mounted: VueWrapper[] = []
afterEach(() => {
  while (mounted.length) mounted.pop()!.unmount()
})

async function mountEditor(
  ps: Person[],
  over: {
    attendees?: AttendeeForm[]
    errors?: Record<string, string>
    countsAttendance?: boolean
    attendeesChosen?: boolean
    members?: MemberRow[]
    known?: Map<number, KnownMember>
    isReview?: boolean
    report?: QuorumReport
  } = {},
) {
  const attendees = over.attendees ?? attendeesOf(ps)
  const wrapper = mount(AttendeesEditor, {
    props: {
      modelValue: attendees,
      report: over.report ?? null,
      isReview: over.isReview ?? false,
      attendeesChosen: over.attendeesChosen ?? false,
      attendeesLabel: '参会人员',
      countsAttendance: over.countsAttendance ?? true,
      statuses: meetingChoices.attendance_statuses,
      grades: meetingChoices.grades,
      members: over.members ?? [],
      known: over.known ?? knownOf(ps),
      errors: over.errors ?? {},
    },
    global: { plugins: [{ install: installElements }] },
    attachTo: document.body,
  })
  mounted.push(wrapper)
  await settle()
  return { wrapper, attendees }
}

const rows = (w: VueWrapper) => w.findAll('[data-testid=attendee-row]')
const sections = (w: VueWrapper) => w.findAll('[data-testid=attendee-group]')
const section = (w: VueWrapper, name: string) => w.get(`[data-testid=attendee-group][data-group="${name}"]`)
const rowIds = (w: VueWrapper) => rows(w).map((r) => Number(r.attributes('data-member-id')))

describe('参会人员按党小组折叠', () => {
  it('draws no row of a long list at first, one folded section per 党小组 in order of appearance, 未编入党小组 last', async () => {
    const ps = people()
    const { wrapper } = await mountEditor(ps)

    expect(rows(wrapper)).toHaveLength(0)
    expect(sections(wrapper).map((s) => s.get('[data-testid=attendee-group-name]').text())).toEqual([
      ...GROUPS,
      '未编入党小组',
    ])
    expect(sections(wrapper).map((s) => s.get('[data-testid=attendee-group-size]').text())).toEqual([
      '40 人',
      '40 人',
      '40 人',
      '2 人',
    ])
    expect(sections(wrapper).map((s) => s.get('[data-testid=attendee-group-tally]').text())).toEqual([
      '出席 40',
      '出席 40',
      '出席 40',
      '出席 2',
    ])
    for (const s of sections(wrapper)) {
      expect(s.element.tagName).toBe('BUTTON')
      expect(s.attributes('aria-expanded')).toBe('false')
      expect(s.text()).toContain('展开')
    }
    expect(wrapper.get('[data-testid=attendee-hint]').text()).toContain('人数较多，已按党小组折叠')
    expect(wrapper.get('[data-testid=attendee-expand-all]').text()).toBe('全部展开')
  })

  it('shows the statuses other than 出席 that occur in a section’s header', async () => {
    const ps = people()
    const attendees = attendeesOf(ps)
    // 党员1 and 党员4 are in 第二党小组, 党员2 in 第一党小组
    attendees.find((a) => a.member_id === 1)!.status = 'leave'
    attendees.find((a) => a.member_id === 4)!.status = 'absent'
    attendees.find((a) => a.member_id === 2)!.status = 'elsewhere'
    const { wrapper } = await mountEditor(ps, { attendees })

    expect(section(wrapper, '第二党小组').get('[data-testid=attendee-group-tally]').text()).toBe('出席 38　请假 1　缺席 1')
    expect(section(wrapper, '第二党小组').text()).toContain('40 人')
    expect(section(wrapper, '第一党小组').get('[data-testid=attendee-group-tally]').text()).toBe('出席 39　在流入地参加 1')
    expect(section(wrapper, '第三党小组').get('[data-testid=attendee-group-tally]').text()).toBe('出席 40')
  })

  it('at a 民主评议 says in each header how many with a vote are still to be graded', async () => {
    const ps = people()
    const attendees = attendeesOf(ps)
    // 第二党小组 holds 党员1, 4, 7 …: 党员1 graded, 党员4 without a vote (预备党员).
    attendees.find((a) => a.member_id === 1)!.grade = 'excellent'
    const grading = ps.map((p) => ({ member_id: p.id, gradable: p.id !== 4 }))
    const { wrapper, attendees: list } = await mountEditor(ps, { attendees, isReview: true, report: report({ grading }) })

    expect(section(wrapper, '第二党小组').get('[data-testid=attendee-group-tally]').text()).toBe('出席 40　未评定等次 38')
    expect(section(wrapper, '第一党小组').get('[data-testid=attendee-group-tally]').text()).toBe('出席 40　未评定等次 40')
    for (const a of list) if (GROUPS.indexOf(ps.find((p) => p.id === a.member_id)!.group ?? '') === 1) a.grade = 'qualified'
    await settle()
    expect(section(wrapper, '第一党小组').get('[data-testid=attendee-group-tally]').text()).toBe('出席 40')
  })

  it('draws exactly a section’s rows when it is opened, as in the flat list, and folds them again', async () => {
    const ps = people()
    const attendees = attendeesOf(ps)
    attendees.find((a) => a.member_id === 2)!.status = 'leave'
    const { wrapper } = await mountEditor(ps, { attendees })

    await section(wrapper, '第一党小组').trigger('click')
    const expected = ps.filter((p) => p.group === '第一党小组').map((p) => p.id)
    expect(rowIds(wrapper)).toEqual(expected)
    expect(section(wrapper, '第一党小组').attributes('aria-expanded')).toBe('true')
    expect(section(wrapper, '第一党小组').text()).toContain('收起')
    expect(section(wrapper, '第二党小组').attributes('aria-expanded')).toBe('false')
    // the same row as today: name, five statuses, a reason where not present
    const leave = wrapper.get('[data-testid=attendee-row][data-member-id="2"]')
    expect(leave.get('[data-testid=attendee-name]').text()).toBe('党员2')
    expect(leave.findAll('.att-status input')).toHaveLength(5)
    expect(leave.classes()).toContain('not-present')
    expect(leave.find('[data-testid=attendee-reason]').exists()).toBe(true)
    expect(wrapper.findAll('[data-testid=attendee-reason]')).toHaveLength(1)
    // no content-visibility trick needed when folded
    expect(wrapper.findAll('.att-row.far')).toHaveLength(0)

    await section(wrapper, '未编入党小组').trigger('click')
    expect(rowIds(wrapper)).toEqual([...expected, 1001, 1002])

    await section(wrapper, '第一党小组').trigger('click')
    expect(rowIds(wrapper)).toEqual([1001, 1002])
  })

  it('全部展开 draws every row and 全部收起 folds them all', async () => {
    const { wrapper } = await mountEditor(people())
    await wrapper.get('[data-testid=attendee-expand-all]').trigger('click')
    expect(rows(wrapper)).toHaveLength(122)
    expect(sections(wrapper).every((s) => s.attributes('aria-expanded') === 'true')).toBe(true)
    expect(wrapper.get('[data-testid=attendee-expand-all]').text()).toBe('全部收起')

    await wrapper.get('[data-testid=attendee-expand-all]').trigger('click')
    expect(rows(wrapper)).toHaveLength(0)
    expect(wrapper.get('[data-testid=attendee-expand-all]').text()).toBe('全部展开')
  })

  it('counts a status clicked in an opened section in its header', async () => {
    const { wrapper, attendees } = await mountEditor(people())
    await section(wrapper, '第三党小组').trigger('click')
    const leave = wrapper
      .get('[data-testid=attendee-row][data-member-id="3"]')
      .findAll('.att-status input')
      .find((i) => (i.element as HTMLInputElement).value === 'leave')!
    await leave.setValue(true)

    expect(attendees.find((a) => a.member_id === 3)!.status).toBe('leave')
    expect(section(wrapper, '第三党小组').get('[data-testid=attendee-group-tally]').text()).toBe('出席 39　请假 1')
    expect(wrapper.get('[data-testid=attendee-row][data-member-id="3"]').find('[data-testid=attendee-reason]').exists()).toBe(true)
  })

  it('opens the section of a row the core refused, by its index in the whole list, and shows the error', async () => {
    const ps = people()
    // index 6 of the whole list: the two without a group, then 党员1…党员5, so 党员5 of 第一党小组
    expect(ps[6]).toMatchObject({ id: 5, group: '第一党小组' })
    const { wrapper } = await mountEditor(ps, { errors: { 'attendees.6.reason': '请写明请假或缺席原因' } })

    expect(section(wrapper, '第一党小组').attributes('aria-expanded')).toBe('true')
    expect(section(wrapper, '第二党小组').attributes('aria-expanded')).toBe('false')
    expect(rows(wrapper)).toHaveLength(40)
    const refused = wrapper.get('[data-testid=attendee-row][data-member-id="5"]')
    expect(refused.classes()).toContain('row-error')
    expect(refused.get('[data-testid=attendee-error]').text()).toBe('请写明请假或缺席原因')
    expect(wrapper.findAll('[data-testid=attendee-error]')).toHaveLength(1)
  })

  it('opens a section when the core refuses a row in it after the list is drawn', async () => {
    const ps = people()
    const { wrapper } = await mountEditor(ps)
    expect(rows(wrapper)).toHaveLength(0)
    await wrapper.setProps({ errors: { 'attendees.0': '不是本支部党员' } })
    expect(section(wrapper, '未编入党小组').attributes('aria-expanded')).toBe('true')
    expect(wrapper.get('[data-testid=attendee-row][data-member-id="1001"] [data-testid=attendee-error]').text()).toBe(
      '不是本支部党员',
    )
  })

  it('opens the section of someone added by hand', async () => {
    const ps = people()
    const known = knownOf(ps)
    known.set(500, { name: '新来的', kind_label: '正式党员', group_name: '第三党小组' })
    const { wrapper, attendees } = await mountEditor(ps, {
      attendeesChosen: true,
      members: [row({ id: 500, name: '新来的', group_name: '第三党小组' })],
      known,
    })
    await wrapper.get('[data-testid=add-attendee] .el-select__wrapper').trigger('click')
    await settle()
    const option = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find((o) =>
      o.textContent?.includes('新来的'),
    )!
    option.click()
    await settle()

    expect(attendees.map((a) => a.member_id)).toContain(500)
    expect(section(wrapper, '第三党小组').attributes('aria-expanded')).toBe('true')
    expect(section(wrapper, '第三党小组').text()).toContain('41 人')
    expect(rowIds(wrapper)).toContain(500)
    expect(section(wrapper, '第一党小组').attributes('aria-expanded')).toBe('false')
  })

  it('draws a list of 41 flat, every row and no sections, as before', async () => {
    const ps = people(39, 2)
    const { wrapper } = await mountEditor(ps)
    expect(rowIds(wrapper)).toEqual(ps.map((p) => p.id))
    expect(sections(wrapper)).toHaveLength(0)
    expect(wrapper.find('[data-testid=attendee-expand-all]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=attendee-hint]').text()).toContain('默认都是“出席”，只需点出请假和缺席的人')
    expect(wrapper.get('[data-testid=attendee-hint]').text()).not.toContain('折叠')
    // rows far down keep being laid out only when scrolled to
    expect(wrapper.findAll('.att-row.far')).toHaveLength(1)
  })

  it('folds only above FOLD_AT attendees, and never a list that does not count attendance', async () => {
    const at = await mountEditor(people(FOLD_AT, 0))
    expect(rows(at.wrapper)).toHaveLength(FOLD_AT)
    expect(sections(at.wrapper)).toHaveLength(0)

    const above = await mountEditor(people(FOLD_AT + 1, 0))
    expect(rows(above.wrapper)).toHaveLength(0)
    expect(sections(above.wrapper)).toHaveLength(3)

    const talk = await mountEditor(people(), { countsAttendance: false })
    expect(rows(talk.wrapper)).toHaveLength(122)
    expect(sections(talk.wrapper)).toHaveLength(0)
  })
})

describe('会议表单里的党小组', () => {
  /** 90 members: 第一/第二党小组 in turn, the last ten in none. */
  const roster = Array.from({ length: 90 }, (_, k) =>
    row({ id: k + 1, name: `党员${k + 1}`, group_name: k >= 80 ? null : k % 2 ? '第二党小组' : '第一党小组' }),
  )
  const everyone = (): MeetingForm['attendees'] =>
    roster.map((m) => ({ member_id: m.id, status: 'present', reason: '', grade: '' }))

  it('groups a new meeting’s attendees by the roster’s 党小组', async () => {
    core((cmd, args) =>
      cmd === 'member_list'
        ? roster
        : cmd === 'meeting_draft'
          ? draft({ kind: args.kind as string, date: args.date as string, attendees: everyone() })
          : undefined,
    )
    const { wrapper } = await mountApp('/meetings/new')
    await settle(350)

    expect(wrapper.findAll('[data-testid=attendee-row]')).toHaveLength(0)
    expect(
      wrapper.findAll('[data-testid=attendee-group]').map((s) => [s.attributes('data-group'), s.get('[data-testid=attendee-group-size]').text()]),
    ).toEqual([
      ['第一党小组', '40 人'],
      ['第二党小组', '40 人'],
      ['未编入党小组', '10 人'],
    ])
  })

  it('groups a saved meeting’s attendees by the roster, and one no longer on it under 未编入党小组', async () => {
    const base = meetingDetail()
    const attendees = [...roster.slice(0, 70), row({ id: 900, name: '已转出' })].map((m) => ({
      ...base.attendees[0],
      member_id: m.id,
      name: m.name,
    }))
    attendees[1] = { ...attendees[1], status: 'leave', status_label: '请假', reason: '外出务工' }
    core((cmd) =>
      cmd === 'member_list' ? roster : cmd === 'meeting_get' ? meetingDetail({ attendees }) : undefined,
    )
    const { wrapper } = await mountApp('/meetings/12/edit')
    await settle(350)

    const groups = wrapper.findAll('[data-testid=attendee-group]')
    expect(groups.map((s) => [s.attributes('data-group'), s.get('[data-testid=attendee-group-size]').text()])).toEqual([
      ['第一党小组', '35 人'],
      ['第二党小组', '35 人'],
      ['未编入党小组', '1 人'],
    ])
    expect(groups[1].get('[data-testid=attendee-group-tally]').text()).toBe('出席 34　请假 1')
    await groups[2].trigger('click')
    expect(wrapper.get('[data-testid=attendee-row] [data-testid=attendee-name]').text()).toBe('已转出')
  })
})
