// Every call into the Rust core goes through this module.
// Command names and argument names follow the contract with src-tauri exactly.
import { invoke } from '@tauri-apps/api/core'

import type { ErrorCode } from './generated/codes'

/** The one error shape of every command; `code` is generated from the core's `Code` ('internal': Tauri itself failed). */
export type ApiError = { code: ErrorCode | 'internal'; message: string; fields?: Record<string, string> }
export type Choice = { value: string; label: string }

export interface Branch {
  name: string
  higher_committee: string
  secretary: string
  term_start: string | null
  /** 建账日期: the core checks nothing before it (shown as 建账前); null when not set. */
  records_from: string | null
}

/** What `branch_save` takes: as `Branch`, with 建账日期 as typed ('' = not set). */
export interface BranchForm {
  name: string
  higher_committee: string
  secretary: string
  term_start: string | null
  records_from: string
}

export interface AppInfo {
  version: string
  data_dir: string
  today: string
  member_count: number
  branch: Branch
  /** The data folder cannot be written: records can be looked at, not changed. */
  read_only: boolean
  /** Where the log is (日志/ in the data folder). */
  log_dir: string
}

export interface Choices {
  sexes: Choice[]
  kinds: Choice[]
  statuses: Choice[]
  committee_roles: Choice[]
  lost_contact_reasons: Choice[]
  transfer_directions: Choice[]
  ethnicities: string[]
  educations: string[]
}

export interface Group {
  id: number
  name: string
  member_count: number
}

export interface MemberQuery {
  search?: string
  kind?: string | null
  group_id?: number | null
  status?: string | null
  include_left?: boolean
  deleted?: boolean
}

export interface MemberRow {
  id: number
  name: string
  sex: string
  sex_label: string
  age: number | null
  kind: string
  kind_label: string
  group_name: string | null
  committee_role_label: string | null
  admitted_on: string | null
  standing_years: number | null
  id_number_masked: string
  phone_masked: string | null
  status: string
  status_label: string
  mobile: boolean
  lost_contact: boolean
  left_branch: boolean
}

export interface MemberInput {
  name: string
  sex: string
  ethnicity: string
  birth_date: string
  id_number: string
  education: string
  kind: string
  admitted_on: string
  full_member_on: string
  /** 转正日期说明: why 转正 is not the day probation ended (正式党员 only). */
  full_member_reason: string
  group_id: number | null
  group_name: string
  committee_role: string | null
  job: string
  phone: string
  address: string
  mobile: boolean
  mobile_destination: string
  lost_contact: boolean
  lost_contact_reason: string | null
  /** 失联起始日期, YYYY-MM-DD; '' = today. */
  lost_contact_since: string
  notes: string
}

export interface PoliticalBirthday {
  date: string
  years: number
  day_known: boolean
}

export interface HistoryEntry {
  at: string
  action: string
  action_label: string
  summary: string
}

export interface StatusChange {
  status: string
  status_label: string
  date: string
  reason: string
  recorded_at: string
}

export interface Transfer {
  id: number
  direction: string
  direction_label: string
  date: string
  other_branch: string
  letter_number: string
  dues_paid_to: string | null
  notes: string
}

/** A 预备党员's probation extended by the 支部大会. */
export interface ProbationExtension {
  months: number
  decided_on: string
  approval: string
}

export interface MemberDetail extends Omit<MemberInput, 'lost_contact_since'> {
  id: number
  group_name: string
  sex_label: string
  kind_label: string
  committee_role_label: string | null
  lost_contact_reason_label: string | null
  id_number_masked: string
  phone_masked: string | null
  status: string
  status_label: string
  status_date: string | null
  status_reason: string
  age: number | null
  standing_years: number | null
  next_political_birthday: PoliticalBirthday | null
  left_branch: boolean
  deleted: boolean
  history: HistoryEntry[]
  status_history: StatusChange[]
  transfers: Transfer[]
  /** e.g. 九大/十大党章期间入党，无预备期; null when there is nothing to say. */
  era_note: string | null
  /** ISO date, or YYYY-MM when only the month is known; null when not a 预备党员 or not known. */
  probation_end: string | null
  /** probation_end in Chinese, ready to show. */
  probation_end_text: string | null
  probation_extension: ProbationExtension | null
  /** Whether to offer 延长预备期 (a 预备党员 whose probation has not been extended). */
  can_extend_probation: boolean
  lost_contact_since: string | null
}

export interface StatusChangeInput {
  status: string
  date: string
  reason: string
}

export interface ProbationExtensionInput {
  /** 6–12; null when not typed (the core refuses it). */
  months: number | null
  decided_on: string
  approval: string
}

export interface TransferInput {
  direction: string
  date: string
  other_branch: string
  letter_number: string
  dues_paid_to: string | null
  notes: string
}

/** Turn whatever `invoke` rejected with into the one error shape the screens show. */
export function toApiError(e: unknown): ApiError {
  if (e && typeof e === 'object') {
    const o = e as Record<string, unknown>
    if (typeof o.message === 'string' && typeof o.code === 'string') {
      const fields =
        o.fields && typeof o.fields === 'object' ? (o.fields as Record<string, string>) : undefined
      return { code: o.code as ErrorCode, message: o.message, fields }
    }
  }
  if (typeof e === 'string' && e.trim() !== '') {
    // Tauri itself rejects with a plain string (e.g. a command that does not exist).
    return { code: 'internal', message: `程序内部出错：${e}。请重新打开程序再试。` }
  }
  return {
    code: 'internal',
    message: '程序内部出错，操作没有完成。请重新打开程序再试；如果仍然不行，请联系技术人员。',
  }
}

export async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args)
  } catch (e) {
    throw toApiError(e)
  }
}

export const appInfo = () => call<AppInfo>('app_info')
export const choices = () => call<Choices>('choices')
export const branchGet = () => call<Branch>('branch_get')
export const branchSave = (branch: BranchForm) => call<Branch>('branch_save', { branch })
/** What looks wrong about the 支委会 (too few members, no 书记 …); [] when nothing. */
export const committeeWarnings = () => call<string[]>('committee_warnings')
export const demoLoad = () => call<{ members: number }>('demo_load')
export const groupList = () => call<Group[]>('group_list')
export const memberList = (query: MemberQuery) => call<MemberRow[]>('member_list', { query })
export const memberGet = (id: number) => call<MemberDetail>('member_get', { id })
export const memberCreate = (input: MemberInput) => call<MemberDetail>('member_create', { input })
export const memberUpdate = (id: number, input: MemberInput) =>
  call<MemberDetail>('member_update', { id, input })
export const memberDelete = (id: number) => call<null>('member_delete', { id })
export const memberRestore = (id: number) => call<MemberDetail>('member_restore', { id })
export const memberChangeStatus = (id: number, change: StatusChangeInput) =>
  call<MemberDetail>('member_change_status', { id, change })
export const memberAddTransfer = (id: number, transfer: TransferInput) =>
  call<MemberDetail>('member_add_transfer', { id, transfer })
export const memberExtendProbation = (id: number, extension: ProbationExtensionInput) =>
  call<MemberDetail>('member_extend_probation', { id, extension })

// ---- 组织生活 (meetings) ----

/** A meeting kind, with what the form needs to know of it. */
export interface MeetingKindChoice extends Choice {
  /** Who attends comes from the roster (everyone, the committee, one group): the list is not picked by hand. */
  attendees_from_roster: boolean
}

export interface MeetingChoices {
  kinds: MeetingKindChoice[]
  attendance_statuses: Choice[]
  /** 民主评议 grades: excellent, qualified, basically_qualified, unqualified. */
  grades: Choice[]
  /** How often a kind is due: monthly, quarterly, yearly, none. */
  frequencies: Choice[]
}

export interface AttendeeInput {
  member_id: number
  status: string
  reason: string
  /** 民主评议 only: '' or excellent | qualified | basically_qualified | unqualified. */
  grade: string
}

export interface AgendaItem {
  text: string
  prescribed: boolean
}

export interface ResolutionInput {
  text: string
  vote: boolean
  election: boolean
  votes_for: number | null
  votes_against: number | null
  votes_abstain: number | null
  /** 被表决人 of a vote on admitting or on 转正 (one resolution per candidate); '' when none. */
  candidate: string
  /** 书面意见 of absent voting members: counted in the tally, kept as their own numbers. */
  written_for: number | null
  written_against: number | null
  written_abstain: number | null
}

export interface MeetingInput {
  kind: string
  date: string
  /** 所属年度 of a 组织生活会 or 民主评议; null for other kinds. */
  for_year: number | null
  start_time: string
  place: string
  topic: string
  host_id: number | null
  recorder_id: number | null
  group_id: number | null
  attendees: AttendeeInput[]
  observers: string
  minutes: string
  agenda: AgendaItem[]
  resolutions: ResolutionInput[]
}

export interface ResolutionVerdict {
  passed: boolean | null
  verdict: string
}

/** Whether one attendee of a 民主评议 may be graded (a full member with a vote on the day). */
export interface Grading {
  member_id: number
  gradable: boolean
}

export interface QuorumReport {
  applies: boolean
  ok: boolean
  lines: string[]
  /** Things to look at again that do not make the record invalid (e.g. more than a third 优秀). */
  warnings: string[]
  resolutions: ResolutionVerdict[]
  should_attend: number
  present: number
  on_leave: number
  absent: number
  attendance_rate: string
  /** 民主评议 only: each attendee checked, in order, and whether they may be graded; [] for other kinds. */
  grading: Grading[]
}

export interface MeetingQuery {
  year: number
  kind: string | null
}

export interface MeetingRow {
  id: number
  kind: string
  kind_label: string
  date: string
  start_time: string
  place: string
  topic: string
  host_name: string | null
  should_attend: number
  present: number
  on_leave: number
  absent: number
  attendance_rate: string
  quorum_ok: boolean | null
}

export interface AttendeeView {
  member_id: number
  name: string
  member_kind_label: string
  voting: boolean
  status: string
  status_label: string
  reason: string
  /** 民主评议 only. */
  grade: string | null
  grade_label: string | null
}

export interface ResolutionView extends ResolutionInput {
  passed: boolean | null
  verdict: string
}

export interface MeetingDetail {
  id: number
  kind: string
  kind_label: string
  date: string
  /** 所属年度 of a 组织生活会 or 民主评议; null for other kinds. */
  for_year: number | null
  start_time: string
  place: string
  topic: string
  host_id: number | null
  host_name: string | null
  recorder_id: number | null
  recorder_name: string | null
  group_id: number | null
  group_name: string | null
  attendees: AttendeeView[]
  observers: string
  minutes: string
  agenda: AgendaItem[]
  resolutions: ResolutionView[]
  quorum: QuorumReport
  attachments: Attachment[]
  history: HistoryEntry[]
}

/** A photo or scan kept with a meeting record (签到表, 会议照片). */
export interface Attachment {
  id: number
  original_name: string
  /** Bytes. */
  size: number
  sha256: string
  is_image: boolean
  added_at: string
}

/** before_records: before the branch's 建账日期, not checked. */
export type CalendarState = 'held' | 'missed' | 'due' | 'upcoming' | 'not_required' | 'before_records'

export interface CalendarCell {
  period: string
  label: string
  expected: number
  held: number
  state: CalendarState
  state_label: string
}

export interface CalendarRow {
  kind: string
  kind_label: string
  frequency_label: string
  cells: CalendarCell[]
}

export interface MonthRate {
  month: string
  label: string
  rate: number | null
}

export interface MissedMember {
  member_id: number
  name: string
  missed: number
}

export interface Calendar {
  year: number
  rows: CalendarRow[]
  gaps: string[]
  monthly_attendance: MonthRate[]
  missed_three_in_a_row: MissedMember[]
}

/** One member's attendance over a year's meetings. */
export interface MemberAttendance {
  member_id: number
  name: string
  should_attend: number
  present: number
  on_leave: number
  absent: number
  attendance_rate: string
}

export interface Person {
  id: number
  name: string
  committee_role_label: string | null
}

/** Who on the committee has talked with whom this year (谈心谈话). */
export interface TalkCoverage {
  year: number
  /** Rows. */
  committee: Person[]
  /** Columns. */
  members: Person[]
  /** [row id, column id]: the committee member of the row has talked with the member of the column. */
  talked: [number, number][]
  summary: string[]
}

export interface FrequencySetting {
  kind: string
  kind_label: string
  frequency: string
}

export interface MeetingSettings {
  frequencies: FrequencySetting[]
  theme_day: string
}

export interface MeetingSettingsInput {
  frequencies: { kind: string; frequency: string }[]
  theme_day: string
}

export const meetingChoices = () => call<MeetingChoices>('meeting_choices')
export const meetingDraft = (kind: string, date: string, group_id: number | null) =>
  call<MeetingInput>('meeting_draft', { kind, date, group_id })
/** The default 所属年度 for a meeting of `kind` on `date`; null for kinds that have none. */
/** The default 所属年度 of a meeting of this kind on this date, and the years it may be given. */
export interface ForYear {
  default_year: number | null
  choices: number[]
}
export const meetingForYear = (kind: string, date: string) => call<ForYear>('meeting_for_year', { kind, date })
export const meetingCheck = (input: MeetingInput) => call<QuorumReport>('meeting_check', { input })
export const meetingList = (query: MeetingQuery) => call<MeetingRow[]>('meeting_list', { query })
export const meetingGet = (id: number) => call<MeetingDetail>('meeting_get', { id })
export const meetingCreate = (input: MeetingInput) => call<MeetingDetail>('meeting_create', { input })
export const meetingUpdate = (id: number, input: MeetingInput) =>
  call<MeetingDetail>('meeting_update', { id, input })
export const meetingDelete = (id: number) => call<null>('meeting_delete', { id })
export const meetingCalendar = (year: number) => call<Calendar>('meeting_calendar', { year })
export const meetingAttendance = (year: number) => call<MemberAttendance[]>('meeting_attendance', { year })
export const talkCoverage = (year: number) => call<TalkCoverage>('talk_coverage', { year })
export const meetingSettingsGet = () => call<MeetingSettings>('meeting_settings_get')
export const meetingSettingsSave = (settings: MeetingSettingsInput) =>
  call<MeetingSettings>('meeting_settings_save', { settings })
/** `data`: the file's bytes as base64, without a `data:` prefix. */
export const meetingAttach = (id: number, name: string, data: string) =>
  call<Attachment>('meeting_attach', { id, name, data })
/** `id`: the attachment's id. */
export const meetingDetach = (id: number) => call<null>('meeting_detach', { id })
/** The attachment as a `data:` URL. */
export const attachmentData = (id: number) => call<string>('attachment_data', { id })

// ---- 党费 (dues) ----
// Money from the core is integer 分 (`*_fen`); yuan amounts go back as the text the user typed.

export type MonthState = 'not_member' | 'unassessed' | 'owed' | 'paid' | 'waived' | 'future'

export interface GridCell {
  /** YYYY-MM */
  month: string
  state: MonthState
  state_label: string
  /** What the month owes, where assessed. */
  owed_fen: number | null
  /** Net paid for the month (reversals subtracted). */
  paid_fen: number
  /** What paying the month now costs: owed less already paid; 0 for paid, waived, not_member. */
  due_fen: number
  /** A payment may list this month now (未交 or 预交), by the rule the core refuses a payment with. */
  payable: boolean
}

export interface GridRow {
  member_id: number
  name: string
  category_label: string | null
  base_fen: number | null
  rate_label: string | null
  monthly_fen: number | null
  cells: GridCell[]
  /** Paid for this year's months. */
  total_fen: number
  /** Consecutive unpaid months up to last month. */
  arrears_months: number
}

export interface DuesGrid {
  year: number
  rows: GridRow[]
  /** Per month of the year: paid for that month, all members. */
  month_totals: number[]
  total_fen: number
  /** 自愿多交 received this year. */
  extra_fen: number
}

export interface DuesCategoryChoice {
  value: string
  label: string
  /** Paid as a rate of a monthly income: the form asks for the base. */
  needs_base: boolean
  /** An approved fixed amount (生活困难减免): the form asks for it and the approval. */
  needs_fixed: boolean
}

export interface DuesChoices {
  categories: DuesCategoryChoice[]
  /** How the monthly amount is rounded; values "1", "10", "100" (分 per step). */
  roundings: Choice[]
}

export interface DuesSettings {
  farmer_fen: number
  rounding_fen: number
  max_back_months: number
  max_advance_months: number
}

export interface DuesSettingsInput {
  /** Yuan as typed, 0.20–1.00. */
  farmer_amount: string
  /** 1, 10 or 100. */
  rounding_fen: number
  max_back_months: number
  max_advance_months: number
}

export interface Amount {
  monthly_fen: number
  rate_per_mille: number | null
  rate_label: string
  warnings: string[]
}

export interface AssessmentInput {
  member_id: number
  /** YYYY-MM */
  from_month: string
  category: string
  /** Yuan as typed (in_service, declared, retired). */
  base: string
  /** Yuan as typed (hardship). */
  fixed: string
  decision: string
  note: string
}

export interface Assessment {
  id: number
  member_id: number
  from_month: string
  category: string
  category_label: string
  base_fen: number | null
  fixed_fen: number | null
  monthly_fen: number
  decision: string
  note: string
  created_at: string
}

export interface AssessResult {
  assessment: Assessment
  warnings: string[]
}

export type PaymentKind = 'dues' | 'extra'

export interface PaymentInput {
  member_id: number
  paid_on: string
  kind: PaymentKind
  /** YYYY-MM, for `dues`. */
  months: string[]
  /** Yuan as typed, for `extra`. */
  amount: string
  receipt_no: string
  collector: string
  note: string
}

export interface Payment {
  id: number
  member_id: number
  name: string
  paid_on: string
  kind: PaymentKind
  amount_fen: number
  months: { month: string; amount_fen: number }[]
  receipt_no: string
  collector: string
  note: string
  /** Set on a reversal entry: the payment it reverses. */
  reverses_id: number | null
  /** Set on a reversed payment: the reversal entry. */
  reversed_by: number | null
  /** ≥ 1000 元 in one payment: goes entirely to the Centre. */
  large: boolean
  back_months: number
  advance_months: number
}

export interface Arrears {
  member_id: number
  name: string
  months: number
  from: string
  to: string
  owed_fen: number
  /** `warn` at 3 months, `flag` at 6. */
  level: 'warn' | 'flag'
  message: string
}

export interface RemittanceInput {
  remitted_on: string
  from_month: string
  to_month: string
  /** Yuan as typed. */
  amount: string
  handler: string
  voucher: string
  note: string
}

export interface Remittance {
  id: number
  remitted_on: string
  from_month: string
  to_month: string
  amount_fen: number
  handler: string
  voucher: string
  note: string
}

export interface DuesBalance {
  collected_fen: number
  remitted_fen: number
  balance_fen: number
}

export const duesChoices = () => call<DuesChoices>('dues_choices')
export const duesSettingsGet = () => call<DuesSettings>('dues_settings_get')
export const duesSettingsSave = (settings: DuesSettingsInput) => call<DuesSettings>('dues_settings_save', { settings })
/** `base`: yuan as typed, '' where the category has none; `fixed`: yuan as typed, null where the category has none. */
export const duesAmountPreview = (category: string, base: string, fixed: string | null) =>
  call<Amount>('dues_amount_preview', { category, base, fixed })
export const duesAssess = (input: AssessmentInput) => call<AssessResult>('dues_assess', { input })
export const duesAssessments = (member_id: number) => call<Assessment[]>('dues_assessments', { member_id })
export const duesGrid = (year: number) => call<DuesGrid>('dues_grid', { year })
export const duesPay = (input: PaymentInput) => call<Payment>('dues_pay', { input })
/** 收缴日: `month` paid for each member who owes it. */
export const duesCollect = (member_ids: number[], month: string, paid_on: string, collector: string) =>
  call<Payment[]>('dues_collect', { member_ids, month, paid_on, collector })
export const duesReverse = (id: number, reason: string) => call<Payment>('dues_reverse', { id, reason })
/** Payments made in `year` (by date paid), newest first. */
export const duesPayments = (year: number) => call<Payment[]>('dues_payments', { year })
export const duesArrears = () => call<Arrears[]>('dues_arrears')
export const duesRemit = (input: RemittanceInput) => call<Remittance>('dues_remit', { input })
export const duesRemittances = (year: number | null) => call<Remittance[]>('dues_remittances', { year })
export const duesBalance = () => call<DuesBalance>('dues_balance')

// ---- 今日提醒 (reminders) ----
// Dates are "YYYY-MM-DD", or "YYYY-MM" where only the month is known.

export interface BirthdayItem {
  member_id: number
  name: string
  /** The anniversary. */
  date: string
  day_known: boolean
  admitted_on: string
  /** 入党 N 周年 on that day. */
  years: number
  /** Days from today; null when only the month is known. */
  days_until: number | null
  note: string
}

export interface MilestoneItem {
  member_id: number
  name: string
  /** 党龄 reached this year: 10, 20, 30 … */
  years: number
  date: string
  note: string
}

export interface MedalItem {
  member_id: number
  name: string
  full_member_on: string
  standing_years: number
  /** The 1 July that decides 光荣在党50年. */
  cutoff: string
  note: string
}

export interface ProbationItem {
  member_id: number
  name: string
  admitted_on: string
  /** admitted_on + 1 year. */
  due: string
  overdue: boolean
  days_until: number | null
  note: string
}

export interface TermItem {
  term_start: string
  term_end: string
  /** Negative once the term has ended. */
  days_until: number
  note: string
}

export interface LostContactItem {
  member_id: number
  name: string
  last_attended: string | null
  last_paid: string | null
  note: string
}

export type ArrearsItem = Arrears

export interface MeetingDueItem {
  kind: string
  kind_label: string
  /** `2026-03`, `2026-Q1` or `2026`. */
  period: string
  /** `3月`, `第一季度`, `2026年`. */
  label: string
  state: 'due' | 'missed'
  note: string
}

export interface ReminderSettings {
  /** 政治生日 this many days ahead (1–366). */
  birthday_days: number
  /** The committee's term in years (1–10). */
  term_years: number
}

export interface Reminders {
  today: string
  settings: ReminderSettings
  political_birthdays: BirthdayItem[]
  quarter_political_birthdays: BirthdayItem[]
  milestones: MilestoneItem[]
  fifty_year_medal: MedalItem[]
  probation_ending: ProbationItem[]
  term_ending: TermItem[]
  lost_contact: LostContactItem[]
  /** 6 个月以上未参加组织生活. */
  no_meetings: LostContactItem[]
  /** 失联满 6 个月，可停止党籍. */
  may_suspend: LostContactItem[]
  /** 停止党籍满 2 年，可除名. */
  may_strike_off: LostContactItem[]
  arrears: ArrearsItem[]
  meetings_due: MeetingDueItem[]
}

export const reminders = () => call<Reminders>('reminders')
export const reminderSettingsGet = () => call<ReminderSettings>('reminder_settings_get')
export const reminderSettingsSave = (settings: ReminderSettings) =>
  call<ReminderSettings>('reminder_settings_save', { settings })

// ---- 台账与公示 (exports) ----

export interface WorkbookExport {
  /** Where the file was written (the 导出 folder of the data directory). */
  path: string
  /** Bytes. */
  size: number
  /** Sheet names, in order. */
  sheets: string[]
}

/** 公示期 and whom to ask, as typed. Dates as 2026-11-28. */
export interface NoticeTerms {
  from: string
  to: string
  contact: string
  phone: string
}

/** The 主题党日 preview as typed. */
export interface PartyDayForm {
  date: string
  time: string
  place: string
  topic: string
  items: string[]
}

/** Which 公示 to build. The whole year, one quarter (1–4) or one month (1–12) for dues: the unused ones null. */
export type NoticeRequest =
  | { kind: 'dues'; year: number; quarter: number | null; month: number | null }
  | { kind: 'review'; year: number }
  | ({ kind: 'party_day' } & PartyDayForm)
  | { kind: 'general'; title: string; body: string }

export interface NoticeTable {
  headers: string[]
  /** Relative column widths, one per header. */
  widths: number[]
  rows: string[][]
  /** The column holding money (yuan text), totalled in `total`. */
  amount_column: number | null
  total: string | null
  /** Shown in place of the rows when there are none. */
  empty_text: string
}

export interface Notice {
  kind: 'dues' | 'review' | 'party_day' | 'general'
  title: string
  /** Under the title, e.g. （2026年第三季度）; may be ''. */
  subtitle: string
  lead: string
  table: NoticeTable | null
  paragraphs: string[]
  /** Already in print form (2026年11月28日, 138****5678); '' is printed as a blank to fill in by hand. */
  terms: NoticeTerms
  branch_name: string
  issued_on: string
  /** The 落款 date as printed. */
  issued_label: string
  file_stem: string
}

/** What the notice forms start from. */
export interface NoticeDrafts {
  terms: NoticeTerms
  party_day: PartyDayForm
}

/** The sheets of the year's 台账 in the workbook's order, exact names: each can also be written on its own (`sheet_export`). */
export const ledgerSheets = () => call<string[]>('ledger_sheets')
export const workbookExport = (year: number) => call<WorkbookExport>('workbook_export', { year })
/** The notice as the print page shows it, built and masked by the core. */
export const noticePreview = (request: NoticeRequest, terms: NoticeTerms) =>
  call<Notice>('notice_preview', { request, terms })
/** The notice as .xlsx in the 导出 folder. */
export const noticeExport = (request: NoticeRequest, terms: NoticeTerms) =>
  call<WorkbookExport>('notice_export', { request, terms })
export const noticeDrafts = () => call<NoticeDrafts>('notice_drafts')
/** One 台账 sheet (a name ledger_sheets gives) of `year` as its own .xlsx. */
export const sheetExport = (sheet: string, year: number) => call<WorkbookExport>('sheet_export', { sheet, year })

// ---- 归档备份 (archive and backups) ----
// Sizes are bytes. Paths are typed or picked from the USB sticks the core lists.

/** A USB stick or drive plugged in now. */
export interface ArchiveTarget {
  path: string
  label: string
  free_bytes: number | null
}

/** Set only once the archive was written, checked file by file and given its final name. */
export interface ArchiveDone {
  path: string
  size: number
  files: number
}

export interface ArchiveStatus {
  running: boolean
  written: number
  total: number
  done: ArchiveDone | null
  /** code `cancelled`: the user cancelled. */
  error: ApiError | null
}

export interface VerifyReport {
  ok: boolean
  bad_files: string[]
  checked: number
  /** In Chinese, for the page. */
  message: string
}

export interface ArchiveSummary {
  branch: string
  year: number
  created_at: string
  app_version: string
  schema_version: number
  members: number
  meetings: number
  payments: number
}

export interface RestoreDone {
  /** Where the data that was replaced was backed up; null when there was none. */
  backup: string | null
  summary: ArchiveSummary
}

export interface BackupFile {
  path: string
  name: string
  /** 每日 / 升级前 / 恢复前 / 手动 (/ 损坏前). */
  kind: string
  size: number
  /** "YYYY-MM-DD HH:MM:SS". */
  made_at: string
}

/** The database was found damaged at start and moved aside. */
export interface StartCheck {
  moved_to: string | null
  newest_good_backup: string | null
}

export interface BackupList {
  /** Newest first. */
  backups: BackupFile[]
  start_check: StartCheck | null
}

export const archiveTargets = () => call<ArchiveTarget[]>('archive_targets')
/** Starts writing in the background; follow it with `archiveStatus`. */
export const archiveStart = (year: number, dest: string, passphrase: string | null) =>
  call<null>('archive_start', { year, dest, passphrase })
export const archiveStatus = () => call<ArchiveStatus>('archive_status')
export const archiveCancel = () => call<null>('archive_cancel')
export const archiveVerify = (path: string, passphrase: string | null) =>
  call<VerifyReport>('archive_verify', { path, passphrase })
/** What an archive holds (verified first). */
export const archiveInspect = (path: string, passphrase: string | null) =>
  call<ArchiveSummary>('archive_inspect', { path, passphrase })
/** Replaces ALL current data with the archive's (the current data is backed up first). */
export const archiveRestore = (path: string, passphrase: string | null) =>
  call<RestoreDone>('archive_restore', { path, passphrase })
export const backupList = () => call<BackupList>('backup_list')
/** Path of the new 手动 backup; null when there was nothing to back up. */
export const backupNow = () => call<string | null>('backup_now')
/** Replaces ALL current data with the backup's (the current data is backed up first). */
export const backupRestore = (path: string) => call<RestoreDone>('backup_restore', { path })
