// What the parts of the meeting form (views/MeetingFormView.vue) share: the
// status every attendee starts with, when the attendee list folds by 党小组,
// how a list entry's error is found, the numbering of resolutions, who the
// core's last check left ungraded, and the form of a saved record.
import type { MeetingDetail, MeetingForm, QuorumReport, ResolutionForm } from '../../api'

/** The attendance status every attendee starts with (出席). */
export const PRESENT = 'present'

/**
 * Above this many attendees a list that counts attendance is shown folded by
 * 党小组: drawing 500 rows at once made the form slow to open, and the few
 * who were away are easier to find group by group.
 */
export const FOLD_AT = 60

/** What the attendee list shows of a member it holds by id only. */
export interface KnownMember {
  name: string
  kind_label: string
  /** 党小组, null when in none. */
  group_name: string | null
}

/** An error for one entry of a list: "resolutions.2" or "resolutions.2.votes_for". */
export function errAt(errors: Record<string, string>, list: string, i: number): string {
  const head = `${list}.${i}`
  if (errors[head]) return errors[head]
  for (const [k, v] of Object.entries(errors)) if (k.startsWith(head + '.')) return v
  return ''
}

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
/** 第一项决议, 第二项…: the number of the i-th resolution in words. */
export function ordinal(i: number): string {
  return i < CN_NUM.length ? CN_NUM[i] : String(i + 1)
}

/**
 * A probationary member takes part in 民主评议 without a grade, as the core's
 * last check said (standing on the meeting's day). Someone just added is open
 * until the check has answered.
 */
export function ungradableIds(report: QuorumReport | null): Set<number> {
  return new Set((report?.grading ?? []).filter((g) => !g.gradable).map((g) => g.member_id))
}

/** 书面意见 go with a vote on someone (被表决人) at a 支部党员大会. */
export function takesWritten(r: ResolutionForm, isAssembly: boolean): boolean {
  return isAssembly && r.vote && r.candidate.trim() !== ''
}

/**
 * The colour of the core's verdict on a resolution: green only for a real 通过,
 * red for 未通过, a warning when the tally or the attendance allows no verdict
 * (请核对), nothing while no votes are typed.
 */
export function verdictClass(v: { passed: boolean | null; invalid: boolean }): string {
  if (v.invalid) return 'invalid'
  return v.passed === true ? 'passed' : v.passed === false ? 'failed' : ''
}

/** The form of a saved record (meeting_get), to edit it. */
export function formOf(m: MeetingDetail): MeetingForm {
  return {
    kind: m.kind,
    date: m.date ?? '',
    for_year: m.for_year ?? null,
    start_time: m.start_time ?? '',
    place: m.place ?? '',
    topic: m.topic ?? '',
    host_id: m.host_id,
    recorder_id: m.recorder_id,
    group_id: m.group_id,
    attendees: m.attendees.map((a) => ({
      member_id: a.member_id,
      status: a.status,
      reason: a.reason ?? '',
      grade: a.grade ?? '',
    })),
    observers: m.observers ?? '',
    minutes: m.minutes ?? '',
    study_hours: m.study_hours ?? '',
    agenda: m.agenda.map((a) => ({ text: a.text, prescribed: !!a.prescribed })),
    resolutions: m.resolutions.map((r) => ({
      text: r.text,
      vote: !!r.vote,
      election: !!r.election,
      votes_for: r.votes_for,
      votes_against: r.votes_against,
      votes_abstain: r.votes_abstain,
      candidate: r.candidate ?? '',
      written_for: r.written_for ?? null,
      written_against: r.written_against ?? null,
      written_abstain: r.written_abstain ?? null,
    })),
  }
}
