// Answers of a fake core for the 组织生活 screens, shared by the meeting tests.
import { appInfo, fakeCore, row, testGroups } from './helpers'
import type { Grading, MeetingChoices, MeetingDetail, MeetingForm, QuorumReport } from '../src/api'
import meetingChoicesJson from './fixtures/meeting_choices.json'

/** As the `meeting_choices` command gives them (fixtures/meeting_choices.json). */
export const meetingChoices: MeetingChoices = meetingChoicesJson as MeetingChoices

export const members = [
  row({ id: 1, name: '张三' }),
  row({ id: 2, name: '李四' }),
  row({ id: 3, name: '王五', kind: 'probationary', kind_label: '预备党员' }),
  row({ id: 4, name: '赵六' }),
]

export function draft(over: Partial<MeetingForm> = {}): MeetingForm {
  return {
    kind: 'assembly',
    date: '2026-11-27',
    for_year: null,
    start_time: '19:30',
    place: '村党群服务中心',
    topic: '学习党的二十届四中全会精神',
    host_id: 1,
    recorder_id: 2,
    group_id: null,
    attendees: [
      { member_id: 1, status: 'present', reason: '', grade: '' },
      { member_id: 2, status: 'present', reason: '', grade: '' },
      { member_id: 3, status: 'present', reason: '', grade: '' },
    ],
    observers: '',
    study_hours: '',
    minutes: '',
    agenda: [
      { text: '学习文件', prescribed: true },
      { text: '讨论', prescribed: false },
    ],
    resolutions: [],
    ...over,
  }
}

export function report(over: Partial<QuorumReport> = {}): QuorumReport {
  return {
    applies: true,
    ok: true,
    lines: ['有表决权的党员 2 人，到会 2 人，超过半数，可以表决'],
    warnings: [],
    resolutions: [],
    should_attend: 3,
    present: 3,
    on_leave: 0,
    absent: 0,
    elsewhere: 0,
    taught: 0,
    attendance_rate: '100.0%',
    grading: [],
    ...over,
  }
}

/** The member the core holds for probationary on the meeting's day: takes part in 民主评议 without a grade. */
export const PROBATIONARY_ID = 3

/**
 * As the core answers in a check of `input`: at a 民主评议, each attendee and
 * whether they may be graded (all but the probationary 王五); nothing for other kinds.
 */
export function gradingOf(input: { kind: string; attendees: { member_id: number }[] }): Grading[] {
  if (input.kind !== 'review') return []
  return input.attendees.map((a) => ({ member_id: a.member_id, gradable: a.member_id !== PROBATIONARY_ID }))
}

export function meetingDetail(over: Partial<MeetingDetail> = {}): MeetingDetail {
  return {
    id: 12,
    kind: 'assembly',
    kind_label: '支部党员大会',
    host_label: '主持人',
    attendees_label: '出席人员',
    counts_attendance: true,
    date: '2026-11-27',
    for_year: null,
    start_time: '19:30',
    place: '村党群服务中心',
    topic: '学习党的二十届四中全会精神',
    host_id: 1,
    host_name: '张三',
    recorder_id: 2,
    recorder_name: '李四',
    group_id: null,
    group_name: null,
    attendees: [
      { member_id: 1, name: '张三', member_kind_label: '正式党员', voting: true, status: 'present', status_label: '出席', reason: '', grade: null, grade_label: null },
      { member_id: 2, name: '李四', member_kind_label: '正式党员', voting: true, status: 'leave', status_label: '请假', reason: '外出务工', grade: null, grade_label: null },
      { member_id: 3, name: '王五', member_kind_label: '预备党员', voting: false, status: 'absent', status_label: '缺席', reason: '', grade: null, grade_label: null },
    ],
    observers: '驻村第一书记 孙某',
    study_hours: '',
    study_credit: '1.0',
    study_note: '',
    minutes: '张三传达了全会精神。\n大家讨论。',
    agenda: [{ text: '学习文件', prescribed: true }],
    resolutions: [
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
        passed: false,
        verdict: '赞成票未超过应到会有表决权党员的半数，未通过',
        invalid: false,
      },
    ],
    quorum: report({
      ok: false,
      lines: ['有表决权的党员 2 人，到会 1 人，未超过半数，不能表决'],
      should_attend: 3,
      present: 1,
      on_leave: 1,
      absent: 1,
      attendance_rate: '33.3%',
    }),
    attachments: [],
    history: [{ at: '2026-11-27 21:00', action: 'create', action_label: '添加', summary: '记录会议' }],
    ...over,
  }
}

/**
 * As the core answers meeting_for_year: a 组织生活会 or 民主评议 held in January–March
 * belongs to the year before; other kinds have no 所属年度.
 */
export function forYear(kind: string, date: string): { default_year: number | null; choices: number[] } {
  if (kind !== 'life_meeting' && kind !== 'review') return { default_year: null, choices: [] }
  const m = /^(\d{4})-(\d{2})/.exec(date)
  if (!m) throw { code: 'validation', message: '日期不完整', fields: { date: '日期不完整' } }
  const year = Number(m[1])
  return { default_year: year - (Number(m[2]) <= 3 ? 1 : 0), choices: [year - 1, year] }
}

export type Handler = (cmd: string, args: Record<string, unknown>) => unknown

/** A fake core answering the meeting commands; `over` answers first. */
export function core(over: Handler = () => undefined) {
  return fakeCore((cmd, args) => {
    const answer = over(cmd, args)
    if (answer !== undefined) return answer
    switch (cmd) {
      case 'app_info':
        return appInfo({ member_count: 4 })
      case 'meeting_choices':
        return meetingChoices
      case 'member_list':
        return members
      case 'group_list':
        return testGroups
      case 'meeting_draft':
        return draft({ kind: args.kind as string, date: args.date as string })
      case 'meeting_check':
        return report({ grading: gradingOf(args.input as MeetingForm) })
      case 'meeting_for_year':
        return forYear(args.kind as string, args.date as string)
      case 'meeting_get':
        return meetingDetail({ id: Number(args.id) })
      case 'meeting_attendance':
        return []
    }
    throw { code: 'unexpected', message: `unexpected ${cmd}` }
  })
}
