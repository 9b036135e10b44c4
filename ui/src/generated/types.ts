// Generated from the Rust types by `ZHIBU_BLESS=1 cargo test -p zhibu --lib bindings`: do not edit.
// Each type is the one a command takes or returns, by its Rust name (src-tauri/src/bindings.rs).

export type AgeRule = {
  years: number,
  basis: string,
};

/**
 * One line of the agenda; 主题党日 uses the "x+X" shape: prescribed items
 * (规定动作) plus chosen ones (自选动作).
 */
export type AgendaItem = {
  text: string,
  prescribed: boolean,
};

/**
 * How a cell's text sits on the paper.
 */
export type Align = "left" | "center" | "right";

export type Amount = {
  /**
   * The monthly amount in 分.
   */
  monthly_fen: number,
  /**
   * The rate in 千分之 (5 = 0.5%), where a rate applies.
   */
  rate_per_mille: number | null,
  /**
   * e.g. "0.5%", "固定金额"
   */
  rate_label: string,
  /**
   * Things to check again (a base near a bracket edge …).
   */
  warnings: Array<string>,
};

export type ApiError = {
  code: Code,
  message: string,
  fields?: { [key in string]: string },
};

export type AppInfo = {
  version: string,
  data_dir: string,
  today: string,
  member_count: number,
  branch: Branch,
  /**
   * The data folder cannot be written: records can be looked at, not changed.
   */
  read_only: boolean,
  /**
   * Where the log is (设置 shows it, so it can be handed to whoever helps).
   */
  log_dir: string,
  /**
   * The demo branch is here (the banner on every page), and whether
   * 清除示例数据 is allowed (the core's judgement).
   */
  demo: DemoState,
};

/**
 * What the secretary is told when the archive is done (and verified).
 */
export type ArchiveDone = {
  path: string,
  size: number,
  files: number,
};

export type ArchiveStatus = {
  running: boolean,
  written: number,
  total: number,
  done: ArchiveDone | null,
  error: ApiError | null,
};

/**
 * What an archive holds, shown before the secretary confirms.
 */
export type ArchiveSummary = {
  branch: string,
  year: number,
  created_at: string,
  app_version: string,
  schema_version: number,
  members: number,
  meetings: number,
  payments: number,
};

export type Arrears = {
  member_id: number,
  name: string,
  months: number,
  from: Month,
  to: Month,
  owed_fen: number,
  /**
   * `warn` at 3 months, `flag` at 6 (党章第九条).
   */
  level: string,
  message: string,
};

export type AssessResult = {
  assessment: Assessment,
  warnings: Array<string>,
};

export type Assessment = {
  id: number,
  member_id: number,
  from_month: Month,
  category: DuesCategory,
  category_label: string,
  base_fen: number | null,
  fixed_fen: number | null,
  monthly_fen: number,
  decision: string,
  note: string,
  created_at: string,
};

export type AssessmentForm = {
  member_id: number,
  /**
   * `YYYY-MM`: the month the amount applies from.
   */
  from_month: string,
  category: string,
  /**
   * Monthly base in yuan, for in-service, declared and retired members.
   */
  base: string,
  /**
   * Hardship: the approved monthly amount in yuan (0 = exempt).
   */
  fixed: string,
  /**
   * Hardship: the decision (date, 党委 approval reference).
   */
  decision: string,
  note: string,
};

export type Attachment = {
  id: number,
  original_name: string,
  size: number,
  sha256: string,
  is_image: boolean,
  added_at: string,
};

/**
 * One attendee as the form sends it.
 */
export type AttendeeForm = {
  member_id: number,
  status: string,
  reason: string,
  /**
   * 民主评议 only: `excellent` … `unqualified`, or empty.
   */
  grade: string,
};

export type AttendeeView = {
  member_id: number,
  name: string,
  member_kind_label: string,
  voting: boolean,
  status: string,
  status_label: string,
  reason: string,
  grade: string | null,
  grade_label: string | null,
};

/**
 * One member away, for the 流动党员 page.
 */
export type AwayRow = {
  member_id: number,
  name: string,
  period: Period,
  last_contact: string | null,
  /**
   * Days since the last contact, or since leaving when none.
   */
  days_since: number,
  /**
   * More than the setting's days without contact.
   */
  no_contact: boolean,
  /**
   * Away six months or more with the relation still kept.
   */
  should_transfer: boolean,
  /**
   * What the reminders say of this member, in plain Chinese (may be empty).
   */
  reminder: string,
};

/**
 * One snapshot in `备份/`, for the list in 设置 → 备份.
 */
export type BackupFile = {
  path: string,
  name: string,
  /**
   * 每日 / 升级前 / 恢复前 / 手动 / 损坏前
   */
  kind: string,
  size: number,
  /**
   * `YYYY-MM-DD HH:MM:SS` as the file says.
   */
  made_at: string,
};

export type BackupList = {
  backups: Array<BackupFile>,
  /**
   * Set when the database was found damaged at start and moved aside.
   */
  start_check: StartCheck | null,
};

/**
 * What 批量核定 would do: the members it would assess first, then the
 * skipped with their reasons.
 */
export type BatchAssessPreview = {
  category: DuesCategory,
  category_label: string,
  /**
   * The month the amounts apply from (the default when none was given).
   */
  from_month: Month,
  /**
   * The amount every assessed member gets, where the category fixes one.
   */
  monthly_fen: number | null,
  rows: Array<BatchAssessRow>,
  /**
   * How many rows would be assessed.
   */
  assessable: number,
  /**
   * How many need 逐个核定.
   */
  one_by_one: number,
};

/**
 * 批量核定, one member's line: the amount the batch would set, or why it
 * leaves the member alone.
 */
export type BatchAssessRow = {
  member_id: number,
  name: string,
  /**
   * The monthly amount the batch would set; `None` when skipped.
   */
  monthly_fen: number | null,
  /**
   * Why the batch skips this member, in words; `None`: would be assessed.
   */
  skipped: string | null,
  /**
   * Skipped because only the member's own figures can decide (a 基数, a
   * hardship decision, a later first month): 需要逐个核定.
   */
  one_by_one: boolean,
};

export type BirthdayItem = {
  member_id: number,
  name: string,
  /**
   * The anniversary: a day, or only a month (`day_known` false).
   */
  date: PartialDate,
  day_known: boolean,
  admitted_on: PartialDate,
  /**
   * Years since admission on that day (入党 N 周年).
   */
  years: number,
  /**
   * Days from today; None when only the month is known.
   */
  days_until: number | null,
  note: string,
};

export type Branch = {
  /**
   * e.g. 中共XX村支部委员会
   */
  name: string,
  /**
   * 上级党组织, e.g. 中共XX镇委员会
   */
  higher_committee: string,
  /**
   * 书记's name as it is signed on printouts.
   */
  secretary: string,
  /**
   * Start of the committee's current term (换届).
   */
  term_start: PartialDate | null,
  /**
   * 建账日期: records in the app start on this day; nothing before it is
   * judged held or missed (docs/DOMAIN.md §3.4).
   */
  records_from: PartialDate | null,
};

/**
 * The settings form as typed.
 */
export type BranchForm = {
  name: string,
  higher_committee: string,
  secretary: string,
  term_start: string | null,
  /**
   * `2026-09-15`; empty clears it (the next record or import sets it again).
   */
  records_from: string | null,
};

/**
 * Something done every `every` from step `start` until step `until`.
 */
export type Cadence = {
  key: string,
  kind: RuleKind,
  step: number,
  start: number,
  until: number,
  every: Span,
  basis: string,
};

export type CalendarCell = {
  period: string,
  first_day: string,
  last_day: string,
  /**
   * The last day it can still be held: the period's end, or for the
   * yearly 组织生活会 and 民主评议 the end of March after (所属年度).
   */
  deadline: string,
  label: string,
  expected: number,
  held: number,
  state: CellState,
  state_label: string,
};

/**
 * A day that is not what its weekday says.
 */
export type CalendarDay = {
  date: string,
  /**
   * `holiday` (a weekday off) or `workday` (a weekend worked).
   */
  kind: string,
  name: string,
};

export type CalendarRow = {
  kind: MeetingKind,
  kind_label: string,
  frequency: Frequency,
  frequency_label: string,
  cells: Array<CalendarCell>,
};

/**
 * 困难党员: one case of hardship, open until closed.
 */
export type CareCase = {
  id: number,
  member_id: number,
  name: string,
  category: HardshipCategory,
  category_label: string,
  since: string,
  description: string,
  reviewed_on: string | null,
  closed_on: string | null,
  close_reason: string,
  /**
   * The day the next review is due (open cases only).
   */
  review_due: string | null,
};

/**
 * A new case as typed.
 */
export type CareCaseForm = {
  member_id: number,
  /**
   * Code or label.
   */
  category: string,
  since: string,
  description: string,
};

/**
 * The 关怀帮扶 page's choices, as the core names them.
 */
export type CareChoices = {
  categories: Array<Choice>,
  occasions: Array<Choice>,
  sources: Array<Choice>,
};

/**
 * The branch's practice (care_settings; docs/DOMAIN.md §9).
 */
export type CareSettings = {
  /**
   * Months after which an open case is due for 复核 (12).
   */
  review_months: number,
  /**
   * On the 慰问名单 from this age (80).
   */
  visit_age: number,
  /**
   * On the 慰问名单 from this 党龄 (50).
   */
  visit_party_years: number,
  /**
   * 流动党员: a reminder after this many days without contact (90);
   * stored under `mobile_no_contact_days`.
   */
  mobile_no_contact_days: number,
};

/**
 * 设置 → 流动党员和关怀: the branch's values and the defaults beside them.
 */
export type CareSetup = {
  settings: CareSettings,
  defaults: CareSettings,
};

/**
 * 走访慰问: one visit.
 */
export type CareVisit = {
  id: number,
  visited_on: string,
  member_id: number,
  name: string,
  /**
   * After a death: the family member visited.
   */
  family_name: string,
  occasion: Occasion,
  occasion_label: string,
  visitors: string,
  amount_fen: number,
  /**
   * Yuan, two decimals (`200.00`).
   */
  amount: string,
  source: FundSource | null,
  source_label: string,
  goods: string,
  follow_up: string,
  /**
   * 送学上门: the 主题党日 it stands for.
   */
  meeting_id: number | null,
};

/**
 * 复核 or 结束 of a case, as typed.
 */
export type CaseActionForm = {
  date: string,
  /**
   * For 结束: why (脱困, 去世, 转出 …).
   */
  reason: string,
  /**
   * For 复核: the situation as found (replaces the description when given).
   */
  description: string,
};

export type CellState = "held" | "missed" | "due" | "upcoming" | "not_required" | "before_records";

export type Choice = {
  value: string,
  label: string,
};

export type Choices = {
  sexes: Array<Choice>,
  kinds: Array<Choice>,
  statuses: Array<Choice>,
  committee_roles: Array<Choice>,
  lost_contact_reasons: Array<Choice>,
  transfer_directions: Array<Choice>,
  ethnicities: Array<string>,
  educations: Array<string>,
};

/**
 * The stable machine word of every error the page, the command line and the
 * log are given (`code` in `{ code, message, fields? }`), one per thing the
 * page may act on. Serialised in snake_case; the page's TypeScript union
 * `Code` is generated from it into `ui/src/generated/types.ts`.
 */
export type Code = "validation" | "not_found" | "not_empty" | "schema_too_new" | "data_dir" | "io" | "database" | "database_damaged" | "demo_broken" | "file_corrupt" | "invalid_file" | "workbook_failed" | "archive_failed" | "stick_full" | "wrong_passphrase" | "not_an_archive" | "archive_running" | "cancelled" | "import_failed" | "data_in_use" | "read_only" | "not_allowed" | "demo_not_clearable";

export type ColumnMap = {
  index: number,
  letter: string,
  header: string,
  /**
   * The field code, or empty when the column is not imported.
   */
  field: string,
  field_label: string,
};

export type Contact = {
  id: number,
  member_id: number,
  name: string,
  contacted_on: string,
  contacted_by: string,
  how: ContactWay,
  how_label: string,
  content: string,
  suggestions: string,
};

/**
 * A contact as typed (记录联系).
 */
export type ContactForm = {
  member_id: number,
  contacted_on: string,
  /**
   * Who made contact (a committee member's name).
   */
  contacted_by: string,
  /**
   * phone | wechat | visit | homecoming | letter, or 电话/微信/上门/返乡座谈/书信.
   */
  how: string,
  /**
   * What was said or sent.
   */
  content: string,
  /**
   * 意见建议 received.
   */
  suggestions: string,
};

/**
 * How contact was kept.
 */
export type ContactWay = "phone" | "wechat" | "visit" | "homecoming" | "letter";

/**
 * What the secretary is told after 复制到U盘.
 */
export type CopyReport = {
  /**
   * Files now on the stick (those already there with the same content too).
   */
  files: number,
  /**
   * The folder on the stick they are in.
   */
  folder: string,
  bytes: number,
  /**
   * 「已复制 3 个文件到 U盘（E:）」.
   */
  message: string,
};

/**
 * What 清除示例数据 did.
 */
export type DemoCleared = {
  /**
   * The backup made first (归档备份 lists it).
   */
  backup: string | null,
};

/**
 * What was loaded.
 */
export type DemoLoaded = {
  members: number,
  meetings: number,
};

/**
 * What the page shows about the demo (the banner on every page).
 */
export type DemoState = {
  /**
   * The roster holds the demo's fictional people.
   */
  loaded: boolean,
  /**
   * Only the demo is here: 清除示例数据 loses nothing she wrote.
   */
  clearable: boolean,
};

/**
 * A document of the 材料清单 and its stage (1–5).
 */
export type DocChoice = {
  value: string,
  label: string,
  stage: number,
};

/**
 * The documents of a file, by stage.
 */
export type DocKind = "application" | "talk_record" | "recommendation" | "activist_register" | "thought_reports" | "opinions" | "review_materials" | "training_certificate" | "autobiography" | "volunteer_form" | "probation_register" | "full_application";

/**
 * A document of the checklist, received or not.
 */
export type DocLine = {
  doc: DocKind,
  label: string,
  stage: number,
  received_on: string | null,
  number: string,
};

/**
 * A kept draft: the form as the page holds it, and when it was kept.
 */
export type Draft = {
  body: string,
  /**
   * e.g. 2026-12-02 14:05
   */
  saved_at: string,
};

export type DuesBalance = {
  /**
   * Everything received (dues and extra, reversals subtracted).
   */
  collected_fen: number,
  remitted_fen: number,
  /**
   * Held by the branch, not yet handed up.
   */
  balance_fen: number,
  /**
   * 下拨: received back from above (docs/DOMAIN.md §9).
   */
  received_fen: number,
  /**
   * 使用: spent, the 慰问金 paid from 上级下拨党费 included.
   */
  spent_fen: number,
  /**
   * 可用结余 = `balance_fen` + `received_fen` − `spent_fen`; below zero
   * only warns (money from above often arrives late).
   */
  available_fen: number,
};

/**
 * 党费类别
 */
export type DuesCategory = "in_service" | "declared" | "retired" | "farmer" | "student" | "unemployed" | "relief" | "hardship";

export type DuesCategoryChoice = {
  value: string,
  label: string,
  /**
   * The form asks for a monthly base (wage or pension).
   */
  needs_base: boolean,
  /**
   * The form asks for an approved amount (hardship).
   */
  needs_fixed: boolean,
};

export type DuesChoices = {
  categories: Array<DuesCategoryChoice>,
  roundings: Array<RoundingChoice>,
};

export type DuesElsewhere = {
  id: number,
  member_id: number,
  month: Month,
  org: string,
  paid_on: string | null,
  note: string,
};

export type DuesGrid = {
  year: number,
  rows: Array<GridRow>,
  /**
   * Per month: what was paid for that month, all members.
   */
  month_totals: Array<number>,
  total_fen: number,
  /**
   * 自愿多交 received this year.
   */
  extra_fen: number,
};

export type DuesSettings = {
  farmer_fen: number,
  rounding_fen: number,
  max_back_months: number,
  max_advance_months: number,
};

export type DuesSettingsForm = {
  /**
   * Yuan, 0.20–1.00.
   */
  farmer_amount: string,
  /**
   * 1, 10 or 100 分.
   */
  rounding_fen: number,
  max_back_months: number,
  max_advance_months: number,
};

/**
 * Dues of one month paid where the member lives, as typed.
 */
export type ElsewhereForm = {
  member_id: number,
  /**
   * YYYY-MM
   */
  month: string,
  /**
   * The 流入地 organisation it was paid to.
   */
  org: string,
  /**
   * The day paid (may be empty).
   */
  paid_on: string,
  note: string,
};

/**
 * One file in `导出/`, for the list the page offers to copy.
 */
export type ExportFile = {
  name: string,
  /**
   * The path to send back (打开, 另存为…, 复制到U盘).
   */
  path: string,
  size: number,
  /**
   * When it was written, local time: 「2026-12-02 09:30」.
   */
  modified: string,
};

/**
 * A file written for the secretary.
 */
export type Exported = {
  path: string,
  size: number,
  sheets: Array<string>,
};

/**
 * 延长预备期 as the secretary records it.
 */
export type ExtensionForm = {
  /**
   * 6 to 12.
   */
  months: number | null,
  /**
   * The 支部大会 that decided it, `2025-03-10`.
   */
  decided_on: string,
  /**
   * The higher committee's reply: 批复文号 or its words.
   */
  approval: string,
};

export type Finding = {
  severity: Severity,
  /**
   * The rule's key (`talk`, `candidate_year`, `order` …).
   */
  rule: string,
  message: string,
  /**
   * The rule's source, when it has one.
   */
  basis: string,
};

export type ForYear = {
  default_year: number | null,
  choices: Array<number>,
};

/**
 * How often a kind of meeting is due (a branch setting).
 */
export type Frequency = "monthly" | "quarterly" | "yearly" | "none";

export type FrequencyForm = {
  kind: string,
  frequency: string,
};

export type FrequencySetting = {
  kind: MeetingKind,
  kind_label: string,
  frequency: Frequency,
};

/**
 * 慰问金来源
 */
export type FundSource = "dues_returned" | "township" | "village" | "other";

/**
 * Whether one attendee of a 民主评议 may be graded, for the form.
 */
export type Grading = {
  member_id: number,
  gradable: boolean,
};

export type GridCell = {
  month: Month,
  state: MonthState,
  state_label: string,
  /**
   * What the month owes, where assessed.
   */
  owed_fen: number | null,
  /**
   * Net paid for the month (reversals subtracted).
   */
  paid_fen: number,
  /**
   * What paying this month now would cost (owed less already paid).
   */
  due_fen: number,
  /**
   * A payment may list this month now ([`MonthState::payable`]).
   */
  payable: boolean,
  /**
   * The month before is still owed too: the member is behind, and a
   * 收缴日 does not tick this month for him (issue 17, item 5) — the
   * older months first, on his own page.
   */
  behind: boolean,
};

export type GridRow = {
  member_id: number,
  name: string,
  category_label: string | null,
  base_fen: number | null,
  rate_label: string | null,
  monthly_fen: number | null,
  cells: Array<GridCell>,
  /**
   * Paid for this year's months.
   */
  total_fen: number,
  /**
   * Consecutive unpaid months up to last month.
   */
  arrears_months: number,
};

export type Group = {
  id: number,
  name: string,
  member_count: number,
};

/**
 * 困难类别
 */
export type HardshipCategory = "subsistence" | "illness" | "disaster" | "disabled" | "elderly_alone" | "other";

/**
 * One line of a record's history, ready to read (numbers masked by the
 * feature's [`Wording`]).
 */
export type HistoryEntry = {
  /**
   * `2026-11-27 10:31`
   */
  at: string,
  action: string,
  action_label: string,
  summary: string,
};

/**
 * A valid 公民身份号码's 出生日期 and 性别 (a `Sex` code), for the member form.
 */
export type IdReading = {
  birth_date: string,
  sex: string,
};

export type ImportPreview = {
  sheets: Array<string>,
  sheet: string,
  /**
   * 1-based, as the spreadsheet shows it.
   */
  header_row: number,
  columns: Array<ColumnMap>,
  rows: Array<ImportRow>,
  new: number,
  update: number,
  error: number,
  /**
   * After a write: how many rows were written.
   */
  written: number,
  /**
   * The committee as it would stand after the import (3–5 支委, full
   * members only …): shown, never refused (docs/DOMAIN.md §8).
   */
  warnings: Array<string>,
  /**
   * After a write: the 建账日期 (set to the import day if none was set).
   */
  records_from: string | null,
  /**
   * After a write: this import started the books (no 建账日期 before), so
   * the page asks the secretary to check the date.
   */
  records_started: boolean,
};

/**
 * What the page or the CLI asks for: the file, and optionally the sheet and
 * a corrected mapping (one field code or "" per column).
 */
export type ImportRequest = {
  file_name: string,
  sheet: string | null,
  mapping: Array<string> | null,
};

export type ImportRow = {
  /**
   * The row number as the spreadsheet shows it (1-based).
   */
  row: number,
  /**
   * `new`, `update` or `error`.
   */
  outcome: string,
  name: string,
  /**
   * For errors: `id_as_number`, `invalid`, `duplicate_in_file`, `in_recycle_bin`.
   */
  code: string,
  message: string,
};

export type Interval = {
  key: string,
  kind: RuleKind,
  from: number,
  to: number,
  min: Span | null,
  max: Span | null,
  /**
   * Beyond `max` only with a reason, never beyond this.
   */
  hard_max: Span | null,
  basis: string,
};

/**
 * The 学时 one attended meeting of a kind gives (docs/DOMAIN.md §10).
 */
export type KindCredit = {
  kind: MeetingKind,
  kind_label: string,
  tenths: number,
};

export type LostContactItem = {
  member_id: number,
  name: string,
  last_attended: string | null,
  last_paid: string | null,
  note: string,
};

export type MedalItem = {
  member_id: number,
  name: string,
  full_member_on: PartialDate,
  /**
   * 党龄 on the cut-off day.
   */
  standing_years: number,
  cutoff: string,
  note: string,
};

export type MeetingCalendar = {
  year: number,
  rows: Array<CalendarRow>,
  gaps: Array<string>,
  monthly_attendance: Array<MonthRate>,
  missed_three_in_a_row: Array<MissedMember>,
};

export type MeetingChoices = {
  kinds: Array<MeetingKindChoice>,
  attendance_statuses: Array<Choice>,
  grades: Array<Choice>,
  frequencies: Array<Choice>,
};

export type MeetingDetail = {
  id: number,
  kind: string,
  kind_label: string,
  /**
   * 主持人, or 谈话人 at a 谈心谈话.
   */
  host_label: string,
  /**
   * 出席人员 on the record, or 谈话对象 at a 谈心谈话.
   */
  attendees_label: string,
  /**
   * 应到/实到/请假/缺席 are shown (not for a 谈心谈话).
   */
  counts_attendance: boolean,
  date: string,
  /**
   * 所属年度 of a 组织生活会 or 民主评议.
   */
  for_year: number | null,
  start_time: string,
  place: string,
  topic: string,
  host_id: number | null,
  host_name: string | null,
  recorder_id: number | null,
  recorder_name: string | null,
  group_id: number | null,
  group_name: string | null,
  attendees: Array<AttendeeView>,
  observers: string,
  minutes: string,
  agenda: Array<AgendaItem>,
  resolutions: Array<ResolutionRecord>,
  quorum: QuorumReport,
  attachments: Array<Attachment>,
  history: Array<HistoryEntry>,
  /**
   * The meeting's own 学时 as typed ("1.5"); empty: its kind's (docs/DOMAIN.md §9.5).
   */
  study_hours: string,
  /**
   * The 学时 each member marked 出席 gets ("2.0").
   */
  study_credit: string,
  /**
   * "出席的12名党员各计入2.0学时", or empty.
   */
  study_note: string,
};

/**
 * A new meeting's draft with the check of it as drafted, so the form shows
 * its counts without asking again; any change is checked as it is made.
 */
export type MeetingDraft = {
  quorum: QuorumReport,
  kind: string,
  date: string,
  /**
   * 所属年度 of a 组织生活会 or 民主评议; None takes the default.
   */
  for_year: number | null,
  start_time: string,
  place: string,
  topic: string,
  host_id: number | null,
  recorder_id: number | null,
  group_id: number | null,
  /**
   * `attendance` in the CLI's JSON.
   */
  attendees: Array<AttendeeForm>,
  observers: string,
  minutes: string,
  agenda: Array<AgendaItem>,
  resolutions: Array<ResolutionForm>,
  /**
   * The meeting's own 学时 ("1.5"); empty: the kind's (docs/DOMAIN.md §9.5).
   */
  study_hours: string,
};

export type MeetingDueItem = {
  kind: MeetingKind,
  kind_label: string,
  period: string,
  label: string,
  state: CellState,
  note: string,
};

/**
 * The minutes form exactly as filled in.
 */
export type MeetingForm = {
  kind: string,
  date: string,
  /**
   * 所属年度 of a 组织生活会 or 民主评议; None takes the default.
   */
  for_year: number | null,
  start_time: string,
  place: string,
  topic: string,
  host_id: number | null,
  recorder_id: number | null,
  group_id: number | null,
  /**
   * `attendance` in the CLI's JSON.
   */
  attendees: Array<AttendeeForm>,
  observers: string,
  minutes: string,
  agenda: Array<AgendaItem>,
  resolutions: Array<ResolutionForm>,
  /**
   * The meeting's own 学时 ("1.5"); empty: the kind's (docs/DOMAIN.md §9.5).
   */
  study_hours: string,
};

/**
 * 会议类型 (docs/DOMAIN.md §1, §3).
 */
export type MeetingKind = "assembly" | "committee" | "group_meeting" | "lecture" | "theme_day" | "life_meeting" | "review" | "talk" | "other";

/**
 * A meeting kind with what the form needs to know of it.
 */
export type MeetingKindChoice = {
  value: string,
  label: string,
  /**
   * Who attends comes from the roster (everyone, the committee, one
   * group); the list is not picked by hand ([`MeetingKind::attendees_from_roster`]).
   */
  attendees_from_roster: boolean,
  /**
   * The record names the year it belongs to (所属年度: 组织生活会,
   * 民主评议), asked for on the form ([`MeetingKind::has_for_year`]).
   */
  has_for_year: boolean,
  /**
   * 主持人, or 谈话人 at a 谈心谈话 ([`MeetingKind::host_label`]).
   */
  host_label: string,
  /**
   * 参会人员, or 谈话对象 at a 谈心谈话 ([`MeetingKind::attendees_label`]).
   */
  attendees_label: string,
  /**
   * 应到/实到/出席率 and each one's 出席情况 are asked and shown
   * ([`MeetingKind::counts_attendance`]); not at a 谈心谈话.
   */
  counts_attendance: boolean,
};

export type MeetingQuery = {
  year: number,
  kind: string | null,
};

export type MeetingRow = {
  id: number,
  kind: string,
  kind_label: string,
  date: string,
  start_time: string,
  place: string,
  topic: string,
  host_name: string | null,
  should_attend: number,
  present: number,
  on_leave: number,
  absent: number,
  attendance_rate: string,
  quorum_ok: boolean | null,
  /**
   * False for a 谈心谈话: its 应到/实到/出席率 mean nothing and show as —.
   */
  counts_attendance: boolean,
};

/**
 * How often each kind is due, and the 主题党日's fixed day (branch settings).
 */
export type MeetingSettings = {
  frequencies: Array<FrequencySetting>,
  /**
   * e.g. 每月5日, or a lunar day such as 每月农历初一 (local practice).
   */
  theme_day: string,
};

export type MeetingSettingsForm = {
  frequencies: Array<FrequencyForm>,
  theme_day: string,
};

export type MemberAttendance = {
  member_id: number,
  name: string,
  should_attend: number,
  present: number,
  on_leave: number,
  absent: number,
  /**
   * 在流入地参加 and 送学上门: took part, not in the room (docs/DOMAIN.md §9).
   */
  elsewhere: number,
  taught: number,
  attendance_rate: string,
};

/**
 * The detail page and the edit form: full numbers (the secretary's own
 * file), the masked ones beside them for the default view.
 */
export type MemberDetail = {
  id: number,
  name: string,
  sex: string,
  sex_label: string,
  ethnicity: string,
  birth_date: string,
  id_number: string,
  id_number_masked: string,
  education: string,
  kind: string,
  kind_label: string,
  admitted_on: string,
  full_member_on: string,
  group_id: number | null,
  group_name: string,
  committee_role: string | null,
  committee_role_label: string | null,
  job: string,
  phone: string,
  phone_masked: string | null,
  address: string,
  mobile: boolean,
  mobile_destination: string,
  lost_contact: boolean,
  lost_contact_reason: string | null,
  lost_contact_reason_label: string | null,
  notes: string,
  status: string,
  status_label: string,
  status_date: string | null,
  status_reason: string,
  age: number | null,
  standing_years: number | null,
  next_political_birthday: PoliticalBirthday | null,
  left_branch: boolean,
  deleted: boolean,
  history: Array<HistoryEntry>,
  status_history: Array<StatusChangeView>,
  transfers: Array<TransferView>,
  /**
   * 九大/十大党章期间入党，无预备期 and the like.
   */
  era_note: string | null,
  full_member_reason: string,
  probation_end: string | null,
  probation_end_text: string | null,
  probation_extension: ProbationExtensionView | null,
  can_extend_probation: boolean,
  lost_contact_since: string | null,
};

/**
 * The add/edit form exactly as the secretary filled it in. Dates are text
 * (`1985-07-01`, or `1985-07` when only the month is known); empty means
 * not filled in.
 */
export type MemberForm = {
  name: string,
  sex: string,
  ethnicity: string,
  birth_date: string,
  id_number: string,
  education: string,
  kind: string,
  admitted_on: string,
  full_member_on: string,
  group_id: number | null,
  /**
   * A group typed in that does not exist yet; it is created on save.
   */
  group_name: string,
  committee_role: string | null,
  job: string,
  phone: string,
  address: string,
  mobile: boolean,
  mobile_destination: string,
  lost_contact: boolean,
  lost_contact_reason: string | null,
  /**
   * Since when (`2026-03-01`); empty means from today.
   */
  lost_contact_since: string,
  notes: string,
  /**
   * Why the 转正 date is not the day the probation ended.
   */
  full_member_reason: string,
};

/**
 * 正式党员 / 预备党员
 */
export type MemberKind = "full" | "probationary";

/**
 * One member's periods, contacts and dues paid elsewhere (newest first).
 */
export type MemberMobile = {
  member_id: number,
  periods: Array<Period>,
  contacts: Array<Contact>,
  elsewhere: Array<DuesElsewhere>,
};

/**
 * A member's year.
 */
export type MemberPoints = {
  member_id: number,
  name: string,
  /**
   * Signed tenths, January to December.
   */
  months: Array<number>,
  base_tenths: number,
  pioneer_tenths: number,
  /**
   * Positive: what was subtracted.
   */
  deduct_tenths: number,
  total_tenths: number,
  total: string,
  stars: number,
  items: Array<PointsLine>,
};

/**
 * Filters of the roster. Empty means everything on the roster.
 */
export type MemberQuery = {
  search: string,
  kind: string | null,
  group_id: number | null,
  status: string | null,
  /**
   * Include members whose latest transfer took them out of the branch.
   */
  include_left: boolean,
  /**
   * The recycle bin instead of the roster.
   */
  deleted: boolean,
};

/**
 * A roster line: numbers masked.
 */
export type MemberRow = {
  id: number,
  name: string,
  sex: string,
  sex_label: string,
  age: number | null,
  kind: string,
  kind_label: string,
  group_name: string | null,
  committee_role_label: string | null,
  admitted_on: string | null,
  standing_years: number | null,
  id_number_masked: string,
  phone_masked: string | null,
  status: string,
  status_label: string,
  mobile: boolean,
  lost_contact: boolean,
  left_branch: boolean,
};

export type MilestoneItem = {
  member_id: number,
  name: string,
  /**
   * 党龄 reached this year: 10, 20, 30 …
   */
  years: number,
  date: PartialDate,
  note: string,
};

export type MissedMember = {
  member_id: number,
  name: string,
  /**
   * Meetings missed in a row, up to the latest one they should have attended.
   */
  missed: number,
};

/**
 * The 流动党员 dialogs' choices: the relation and the ways of contact.
 */
export type MobileChoices = {
  relations: Array<Choice>,
  ways: Array<Choice>,
};

/**
 * 组织返乡流动党员座谈: one item listing who is away.
 */
export type MobileHomecomingItem = {
  names: Array<string>,
  note: string,
};

/**
 * The 流动党员 page: who is away today, and the setting it was judged by.
 */
export type MobileList = {
  today: string,
  no_contact_days: number,
  rows: Array<AwayRow>,
  /**
   * In the 腊月十五–正月十五 window (返乡座谈).
   */
  homecoming: boolean,
};

/**
 * A member away without contact for too long.
 */
export type MobileNoContactItem = {
  member_id: number,
  name: string,
  place: string,
  /**
   * The last contact, or the day of leaving when none.
   */
  since: string,
  days: number,
  note: string,
};

/**
 * Away six months or more with the relation kept: 应转移组织关系.
 */
export type MobileTransferItem = {
  member_id: number,
  name: string,
  place: string,
  left_on: string,
  note: string,
};

/**
 * A calendar month as YYYY-MM.
 */
export type Month = string;

export type MonthRate = {
  month: string,
  label: string,
  /**
   * Percent with one decimal, for drawing; None when no one was expected.
   */
  rate: number | null,
};

export type MonthState = "not_member" | "unassessed" | "owed" | "paid" | "waived" | "future" | "elsewhere";

/**
 * What comes next for a person, and by when.
 */
export type NextStep = {
  step: number,
  name: string,
  /**
   * Not before this day (one year as activist, probation's end).
   */
  earliest: string | null,
  /**
   * Due by this day.
   */
  due: string | null,
};

/**
 * A notice ready to print or write as .xlsx.
 */
export type Notice = {
  kind: string,
  title: string,
  /**
   * Under the title, e.g. （2026年第三季度）; may be empty.
   */
  subtitle: string,
  lead: string,
  table: NoticeTable | null,
  paragraphs: Array<string>,
  terms: TermLine,
  branch_name: string,
  issued_on: string,
  /**
   * The 落款 date as printed.
   */
  issued_label: string,
  /**
   * A file name for the .xlsx, without the extension.
   */
  file_stem: string,
};

export type NoticeDrafts = {
  terms: NoticeTerms,
  party_day: PartyDayForm,
  /**
   * The 主题党日活动预告's 张贴期: from today until the activity day.
   */
  party_day_terms: NoticeTerms,
};

/**
 * A 公示 posted for the person.
 */
export type NoticePeriod = {
  point: NoticePointCode,
  title: string,
  from: string,
  to: string,
  working_days: number,
};

export type NoticePoint = {
  point: NoticePointCode,
  title: string,
  before: number,
};

/**
 * The three 公示 of 发展党员.
 */
export type NoticePointCode = "candidate" | "admit" | "full";

/**
 * What notice to build, as the page or the CLI asks for it.
 */
export type NoticeRequest = { "kind": "dues", year: number, quarter: number | null, month: number | null, } | { "kind": "review", year: number, } | { "kind": "party_day" } & PartyDayForm | { "kind": "general", title: string, body: string, } | { "kind": "recruit", point: string, ids: Array<number>, } | { "kind": "care", year: number, season: string | null, } | { "kind": "points", year: number, };

export type NoticeRule = {
  working_days: number,
  kind: RuleKind,
  points: Array<NoticePoint>,
  basis: string,
};

/**
 * A table on a notice. `amount_column`, when set, holds money (yuan text)
 * and is totalled in `total`.
 */
export type NoticeTable = {
  headers: Array<string>,
  /**
   * Relative column widths (Excel units), one per header.
   */
  widths: Array<number>,
  rows: Array<Array<string>>,
  amount_column: number | null,
  total: string | null,
  /**
   * Shown in place of the rows when there are none.
   */
  empty_text: string,
};

/**
 * 公示期 and whom to ask, as typed. Dates as `2026-11-28`.
 */
export type NoticeTerms = {
  from: string,
  to: string,
  contact: string,
  phone: string,
};

/**
 * 走访事由
 */
export type Occasion = "spring" | "july1" | "hospital" | "disaster" | "death" | "routine" | "teaching";

/**
 * Online hours of one member in one month, as typed.
 */
export type OnlineForm = {
  member_id: number,
  month: string,
  hours: string,
  platform: string,
};

/**
 * 举办单位
 */
export type Organiser = "county" | "township" | "school" | "remote" | "other";

/**
 * What a decision step decided.
 */
export type Outcome = "passed" | "failed" | "on_time" | "extend" | "cancel";

/**
 * One cell on the paper: its text, where it sits, how many columns it spans.
 */
export type PaperCell = {
  text: string,
  align: Align,
  span: number,
};

/**
 * A date as YYYY-MM-DD, or YYYY-MM when only the month is known.
 */
export type PartialDate = string;

export type Participant = {
  member_id: number,
  name: string,
  /**
   * The hours this member got.
   */
  tenths: number,
  hours: string,
  /**
   * Fewer than the training's.
   */
  partial: boolean,
};

/**
 * One participant of a training as typed.
 */
export type ParticipantForm = {
  member_id: number,
  /**
   * Fewer hours for this member (left early); empty: the training's.
   */
  hours: string,
};

/**
 * The 主题党日 preview as typed (prefilled by [`Store::party_day_draft`]).
 */
export type PartyDayForm = {
  date: string,
  time: string,
  place: string,
  topic: string,
  items: Array<string>,
};

export type Payment = {
  id: number,
  member_id: number,
  name: string,
  paid_on: string,
  kind: string,
  amount_fen: number,
  months: Array<PaymentMonth>,
  receipt_no: string,
  collector: string,
  note: string,
  reverses_id: number | null,
  reversed_by: number | null,
  /**
   * ≥ 1000 元 in one payment: goes entirely to the Centre.
   */
  large: boolean,
  /**
   * Back payment (补交) and advance (预交) months in this payment.
   */
  back_months: number,
  advance_months: number,
};

export type PaymentForm = {
  member_id: number,
  paid_on: string,
  /**
   * `dues` (months listed) or `extra` (自愿多交, amount given).
   */
  kind: string,
  /**
   * The months this payment covers, `YYYY-MM`.
   */
  months: Array<string>,
  /**
   * Yuan, for `extra` only; dues are what the months owe.
   */
  amount: string,
  receipt_no: string,
  collector: string,
  note: string,
};

export type PaymentMonth = {
  month: Month,
  amount_fen: number,
};

export type PeopleRule = {
  min: number | null,
  max: number | null,
  exact: number | null,
  basis: string,
};

/**
 * A period away as stored.
 */
export type Period = {
  id: number,
  member_id: number,
  name: string,
  left_on: string,
  back_on: string | null,
  province: string,
  city: string,
  county: string,
  place: string,
  /**
   * Where, as printed: province, city and county, else the typed place.
   */
  where_label: string,
  work: string,
  host_org: string,
  host_contact: string,
  card_number: string,
  contact_person: string,
  contact_member_id: number | null,
  relation: Relation,
  relation_label: string,
  transfer_id: number | null,
  notes: string,
};

/**
 * A period away as typed (登记外出 or its correction).
 */
export type PeriodForm = {
  member_id: number,
  left_on: string,
  /**
   * Empty while still away.
   */
  back_on: string,
  province: string,
  city: string,
  county: string,
  /**
   * Where, in one text, when the parts are not known separately.
   */
  place: string,
  work: string,
  /**
   * 流入地党组织.
   */
  host_org: string,
  /**
   * Its contact (person, telephone).
   */
  host_contact: string,
  /**
   * 流动党员活动证 number.
   */
  card_number: string,
  /**
   * The committee member responsible for keeping contact.
   */
  contact_person: string,
  /**
   * kept | should_transfer | transferred (empty: kept).
   */
  relation: string,
  /**
   * For `transferred`: the 转出 record (empty: the member's latest 转出).
   */
  transfer_id: number | null,
  notes: string,
};

/**
 * Money in and out over a period (by the day of each record): 收缴 by the
 * day paid (reversals subtracted, 自愿多交 included), 上缴 by the day
 * handed up, 下拨 by the day received, 使用 by the day spent or visited.
 */
export type PeriodTotals = {
  collected_fen: number,
  remitted_fen: number,
  received_fen: number,
  spent_fen: number,
  /**
   * 收缴 − 上缴 + 下拨 − 使用 of the period.
   */
  balance_fen: number,
};

export type Person = {
  id: number,
  name: string,
  committee_role_label: string | null,
};

/**
 * A 培养联系人 or 入党介绍人, from and to.
 */
export type PersonLink = {
  role: string,
  role_label: string,
  member_id: number | null,
  name: string,
  from: string,
  to: string | null,
};

/**
 * The year's count against the 指导性计划.
 */
export type PlanCount = {
  year: number,
  planned: number | null,
  /**
   * Admitted as 预备党员 (17 approved) this year.
   */
  admitted: number,
};

/**
 * An entered line as stored.
 */
export type PointsEntry = {
  id: number,
  member_id: number,
  name: string,
  entered_on: string,
  rule_key: string,
  tenths: number,
  points: string,
  reason: string,
  evidence: string,
};

/**
 * 录入积分 as typed; a blank `points` takes the item's.
 */
export type PointsEntryForm = {
  member_id: number,
  entered_on: string,
  rule_key: string,
  points: string,
  reason: string,
  evidence: string,
};

/**
 * 积分类别: 倒扣分 is stored positive and subtracted.
 */
export type PointsGroup = "base" | "pioneer" | "deduct";

/**
 * One item of a rule set, points in tenths.
 */
export type PointsItem = {
  key: string,
  group: PointsGroup,
  group_label: string,
  label: string,
  /**
   * Points per occurrence, tenths (always positive; 倒扣分 subtracts).
   */
  tenths: number,
  /**
   * The same as a decimal (`2.5`).
   */
  points: string,
  cap_month_tenths: number | null,
  cap_year_tenths: number | null,
  source: PointsSource,
  source_label: string,
};

/**
 * One line of a member's points: which rule, how many, the record behind it.
 */
export type PointsLine = {
  rule: string,
  label: string,
  group: PointsGroup,
  /**
   * Signed tenths as counted (negative for 倒扣分; 0 when over a cap).
   */
  tenths: number,
  points: string,
  month: number,
  /**
   * The record that produced it, e.g. `2026-03-05 主题党日`, `录入：…`.
   */
  source: string,
  /**
   * The `points_entries` row of an entered line.
   */
  entry_id: number | null,
};

/**
 * A checked rule set.
 */
export type PointsRuleSet = {
  name: string,
  /**
   * 示例: shipped with the app, not any county's scheme.
   */
  example: boolean,
  /**
   * Who published it (e.g. 某某县委组织部).
   */
  publisher: string,
  year: number | null,
  items: Array<PointsItem>,
  stars: Array<StarBand>,
};

/**
 * The rule set in use: the highest version, or the shipped example (not
 * yet saved, version 0) when the branch never saved one.
 */
export type PointsRules = {
  version: number,
  enabled: boolean,
  saved_at: string,
  note: string,
  rules: PointsRuleSet,
};

/**
 * Where an item's occurrences come from: a record the app already
 * keeps (derived) or a line typed by hand with a reason (`entered`).
 */
export type PointsSource = "theme_day" | "dues_on_time" | "absent" | "study_target" | "training" | "service" | "care_visit" | "entered";

/**
 * 积分 of a year; `members` is empty when no rule set is on.
 */
export type PointsYear = {
  year: number,
  enabled: boolean,
  version: number,
  rules_name: string,
  example: boolean,
  members: Array<MemberPoints>,
};

/**
 * The next anniversary of `admitted_on` (政治生日).
 */
export type PoliticalBirthday = {
  /**
   * The day, or only the month when the admission day is unknown.
   */
  date: PartialDate,
  /**
   * Years since admission on that day.
   */
  years: number,
  day_known: boolean,
};

/**
 * What the hidden window prints: the page, with what it shows.
 */
export type PrintPage = { "kind": "notice", notice: Notice, } | { "kind": "sheet", sheet: SheetPaper, };

export type ProbationExtensionView = {
  months: number,
  decided_on: string,
  approval: string,
};

export type ProbationItem = {
  member_id: number,
  name: string,
  admitted_on: PartialDate,
  /**
   * admitted_on + 1 year.
   */
  due: PartialDate,
  overdue: boolean,
  days_until: number | null,
  note: string,
};

export type ProbationRule = {
  years: number,
  basis: string,
};

/**
 * Whether a meeting could decide, and why, in Chinese.
 */
export type QuorumReport = {
  /**
   * False for kinds without a quorum rule (党课, 主题党日 …).
   */
  applies: boolean,
  ok: boolean,
  lines: Array<string>,
  /**
   * Things to look at again that do not make the record invalid.
   */
  warnings: Array<string>,
  resolutions: Array<Verdict>,
  should_attend: number,
  present: number,
  on_leave: number,
  absent: number,
  /**
   * 在流入地参加: took part where they live (not absent, not in the room).
   */
  elsewhere: number,
  /**
   * 送学上门: reached at home (not absent, not in the room).
   */
  taught: number,
  attendance_rate: string,
  /**
   * 民主评议 only: each attendee, in order, and whether they may be
   * graded ([`Seat::gradable`]); empty for other kinds.
   */
  grading: Array<Grading>,
};

export type Received = {
  id: number,
  received_on: string,
  amount_fen: number,
  from_org: string,
  note: string,
};

/**
 * Money received back from above, as typed.
 */
export type ReceivedForm = {
  received_on: string,
  /**
   * Yuan.
   */
  amount: string,
  /**
   * From which organisation, e.g. 镇党委.
   */
  from_org: string,
  note: string,
};

/**
 * The person as stored.
 */
export type Recruit = {
  id: number,
  name: string,
  /**
   * `male` / `female`
   */
  sex_code: string,
  sex_label: string,
  birth_date: string,
  /**
   * Masked for display: `330424********1234`.
   */
  id_number_masked: string,
  ethnicity: string,
  education: string,
  job: string,
  phone: string,
  address: string,
  league_member: boolean,
  source: Source,
  source_label: string,
  came_from: string,
  came_on: string | null,
  notes: string,
  stopped_on: string | null,
  stop_reason: StopReason | null,
  stop_note: string,
  member_id: number | null,
  stage: Stage,
  stage_label: string,
};

/**
 * A scan kept with the person, and the step it belongs to.
 */
export type RecruitAttachment = {
  attachment: Attachment,
  step_id: number | null,
};

/**
 * The 发展党员 pages' choices, as the core names them: 来源, 终止原因 and
 * the documents of the checklist (with the stage each belongs to).
 */
export type RecruitChoices = {
  sources: Array<Choice>,
  stop_reasons: Array<Choice>,
  doc_kinds: Array<DocChoice>,
  /**
   * The five stages' names, stage 1 first.
   */
  stages: Array<string>,
  /**
   * The steps that decide something, with what each may decide in its words.
   */
  outcomes: Array<StepOutcomes>,
};

/**
 * Everything about one person, for the detail page and `recruit show`.
 */
export type RecruitFile = {
  recruit: Recruit,
  steps: Array<StepRecord>,
  people: Array<PersonLink>,
  docs: Array<DocLine>,
  notices: Array<NoticePeriod>,
  next: NextStep | null,
  /**
   * The steps that may be recorded now (`rules::recordable`).
   */
  recordable: Array<number>,
  /**
   * 预备期满 once admitted.
   */
  probation_end: string | null,
  rule_set: string,
};

/**
 * The person form as typed. `applied_on`, when given, records step 1 too.
 */
export type RecruitForm = {
  name: string,
  sex: string,
  id_number: string,
  ethnicity: string,
  education: string,
  job: string,
  phone: string,
  address: string,
  league_member: boolean,
  source: string,
  applied_on: string,
  /**
   * An activist transferred in: the branch and the day.
   */
  came_from: string,
  came_on: string,
  notes: string,
};

/**
 * One 发展党员 reminder on the home screen.
 */
export type RecruitReminder = {
  recruit_id: number,
  name: string,
  /**
   * `talk`, `assessment`, `one_year`, `thought_report`, `notice_ends`, `review_expires`,
   * `approval_pending`, `approval_overdue`, `full_application`, `probation_assessment`.
   */
  kind: string,
  message: string,
  date: string,
  /**
   * Past due (or past the longest allowed).
   */
  urgent: boolean,
};

/**
 * Local practice the branch may change (设置 → 发展党员); each default is
 * the rule set's value.
 */
export type RecruitSettings = {
  /**
   * Months from 申请 before an applicant may be made an activist (0: none).
   */
  activist_gap_months: number,
  /**
   * How long a 政治审查 conclusion holds, in months.
   */
  review_valid_months: number,
  /**
   * Days after 转正 approval within which the file is archived.
   */
  archive_days: number,
  /**
   * Months between 预备党员 考察 entries.
   */
  probation_assessment_months: number,
  /**
   * Months between an activist's 思想汇报 (a reminder only).
   */
  thought_report_months: number,
  /**
   * Working days of each 公示.
   */
  notice_working_days: number,
  /**
   * Which 公示 the branch posts.
   */
  notice_candidate: boolean,
  notice_admit: boolean,
  notice_full: boolean,
};

/**
 * The branch's 发展党员 settings page: local practice, the 指导性计划,
 * the holiday table.
 */
export type RecruitSetup = {
  settings: RecruitSettings,
  defaults: RecruitSettings,
};

/**
 * A list line.
 */
export type RecruitSummary = {
  id: number,
  name: string,
  sex_label: string,
  birth_date: string,
  stage: Stage,
  stage_label: string,
  applied_on: string | null,
  activist_on: string | null,
  candidate_on: string | null,
  admitted_on: string | null,
  next: NextStep | null,
  member_id: number | null,
};

/**
 * Where the member's 组织关系 stands while away.
 */
export type Relation = "kept" | "should_transfer" | "transferred";

/**
 * Branch settings for reminders (local practice).
 */
export type ReminderSettings = {
  /**
   * 政治生日 this many days ahead (default 30).
   */
  birthday_days: number,
  /**
   * The committee's term in years (a village branch: 5).
   */
  term_years: number,
};

export type ReminderSettingsForm = {
  birthday_days: number,
  term_years: number,
};

export type Reminders = {
  today: string,
  settings: ReminderSettings,
  arrears: Array<Arrears>,
  meetings_due: Array<MeetingDueItem>,
  /**
   * 发展党员: talks, 考察, approvals, 转正申请 due (recruits/mod.rs).
   */
  recruits: Array<RecruitReminder>,
  /**
   * This year's 发展党员 count against the 指导性计划.
   */
  recruit_plan: PlanCount,
  /**
   * 流动党员 (mobile/rules.rs): away with no contact for more than the
   * setting's days (default 90).
   */
  mobile_no_contact: Array<MobileNoContactItem>,
  /**
   * 流动党员 away six months or more with the relation kept: 应转移组织关系.
   */
  mobile_should_transfer: Array<MobileTransferItem>,
  /**
   * 腊月十五–正月十五: 组织返乡流动党员座谈 (one item listing who is away).
   */
  mobile_homecoming: Array<MobileHomecomingItem>,
  /**
   * 关怀帮扶: open hardship cases not reviewed for the set months.
   */
  care_review_due: Array<CareCase>,
  /**
   * 关怀帮扶: in a 元旦春节 or 七一 season, who on its 慰问名单 is not
   * visited yet (with the list's counts); none outside the seasons.
   */
  visit_list: VisitList | null,
  /**
   * 学时 (study/): from the reminder day (1 October) to 31 December,
   * members behind the pace or without the 集中培训 they need.
   */
  study: Array<StudyReminder>,
  political_birthdays: Array<BirthdayItem>,
  quarter_political_birthdays: Array<BirthdayItem>,
  milestones: Array<MilestoneItem>,
  fifty_year_medal: Array<MedalItem>,
  probation_ending: Array<ProbationItem>,
  term_ending: Array<TermItem>,
  lost_contact: Array<LostContactItem>,
  /**
   * Six months without any 组织生活 (党章 第九条), on its own.
   */
  no_meetings: Array<LostContactItem>,
  /**
   * 失联 for six months: 停止党籍 may be decided.
   */
  may_suspend: Array<LostContactItem>,
  /**
   * 停止党籍 for two years and still unreachable: 除名 may be decided.
   */
  may_strike_off: Array<LostContactItem>,
};

export type Remittance = {
  id: number,
  remitted_on: string,
  from_month: Month,
  to_month: Month,
  amount_fen: number,
  handler: string,
  voucher: string,
  note: string,
};

export type RemittanceForm = {
  remitted_on: string,
  from_month: string,
  to_month: string,
  /**
   * Yuan.
   */
  amount: string,
  handler: string,
  voucher: string,
  note: string,
};

/**
 * One resolution as the form sends it.
 */
export type ResolutionForm = {
  text: string,
  /**
   * A vote was taken.
   */
  vote: boolean,
  /**
   * The vote was an election.
   */
  election: boolean,
  votes_for: number | null,
  votes_against: number | null,
  votes_abstain: number | null,
  /**
   * The person voted on, for a vote on admission or on 转正: one
   * resolution per candidate (docs/DOMAIN.md §3.3).
   */
  candidate: string,
  /**
   * 书面意见 of absent voting members, counted in the tally.
   */
  written_for: number | null,
  written_against: number | null,
  written_abstain: number | null,
};

export type ResolutionRecord = {
  text: string,
  vote: boolean,
  election: boolean,
  votes_for: number | null,
  votes_against: number | null,
  votes_abstain: number | null,
  candidate: string,
  written_for: number | null,
  written_against: number | null,
  written_abstain: number | null,
  passed: boolean | null,
  verdict: string,
  /**
   * The tally or the attendance allows no verdict (rules::Verdict::invalid).
   */
  invalid: boolean,
};

export type RestoreDone = {
  /**
   * Where the data that was replaced was backed up, if there was any.
   */
  backup: string | null,
  summary: ArchiveSummary,
};

export type RoundingChoice = {
  value: string,
  label: string,
};

/**
 * National (全国统一规定) or local practice (本地做法).
 */
export type RuleKind = "national" | "local";

/**
 * One version of the rules.
 */
export type RuleSet = {
  id: string,
  title: string,
  effective_from: string,
  min_age: AgeRule,
  steps: Array<StepDef>,
  intervals: Array<Interval>,
  cadences: Array<Cadence>,
  contacts: PeopleRule,
  introducers: PeopleRule,
  training: TrainingRule,
  probation: ProbationRule,
  notices: NoticeRule,
};

/**
 * One 志愿服务 or 为民办实事.
 */
export type Service = {
  id: number,
  served_on: string,
  kind: ServiceKind,
  kind_label: string,
  /**
   * 服务内容
   */
  what: string,
  /**
   * 服务对象
   */
  for_whom: string,
  /**
   * 户数
   */
  households: number,
  /**
   * 人数 (people served)
   */
  people: number,
  /**
   * 时长 in tenths of an hour (15 = 1.5 小时).
   */
  tenths: number,
  /**
   * 时长 as shown: `1.5`, `2`; empty when none.
   */
  hours: string,
  notes: string,
  /**
   * 参加党员, by roster order.
   */
  members: Array<ServiceMember>,
};

/**
 * A record as typed. Members by id (the page) or by name (a CLI file).
 */
export type ServiceForm = {
  served_on: string,
  /**
   * Code or label.
   */
  kind: string,
  what: string,
  for_whom: string,
  /**
   * Whole numbers as typed; empty is 0.
   */
  households: string,
  people: string,
  /**
   * Hours with at most one decimal place, e.g. `2` or `1.5`; empty is 0.
   */
  hours: string,
  notes: string,
  member_ids: Array<number>,
  /**
   * Names of members, each matching exactly one member on the roster.
   */
  member_names: Array<string>,
};

/**
 * 类别
 */
export type ServiceKind = "volunteer" | "deed";

/**
 * A member who served, as listed with a record.
 */
export type ServiceMember = {
  member_id: number,
  name: string,
};

/**
 * One member's count for the year.
 */
export type ServiceMemberCount = {
  member_id: number,
  name: string,
  /**
   * Records taken part in.
   */
  records: number,
  /**
   * Their records' 时长 summed, tenths.
   */
  tenths: number,
  hours: string,
};

/**
 * The branch's figures for a year (docs/DOMAIN.md §9.5).
 */
export type ServiceTotals = {
  /**
   * 次数: records.
   */
  records: number,
  /**
   * 人次: members summed over records.
   */
  member_times: number,
  /**
   * 户: households summed.
   */
  households: number,
  /**
   * 人数 served, summed.
   */
  people: number,
  /**
   * 时长 summed, tenths.
   */
  tenths: number,
};

/**
 * A year of services: the records by day, the totals, and each member's count.
 */
export type ServiceYear = {
  year: number,
  services: Array<Service>,
  totals: ServiceTotals,
  /**
   * Members with at least one record, most first.
   */
  by_member: Array<ServiceMemberCount>,
};

/**
 * How much a finding weighs.
 */
export type Severity = "warn" | "needs_reason" | "refuse";

/**
 * A 台账 sheet as its print page shows it (`zhibu workbook --sheet … --out
 * X.pdf`): the workbook's title, 填报单位 and date, headers with their
 * relative widths, the rows, the 合计 row and the signature line.
 */
export type SheetPaper = {
  title: string,
  unit_line: string,
  date_line: string,
  headers: Array<string>,
  widths: Array<number>,
  rows: Array<Array<PaperCell>>,
  empty_text: string | null,
  total: Array<PaperCell> | null,
  signature: string,
  /**
   * A4 on its side (the roster, the dues ledger: many columns).
   */
  landscape: boolean,
};

/**
 * Where the applicant comes from (the county's 结构 figures).
 */
export type Source = "young_farmer" | "migrant_worker" | "veteran" | "entrepreneur" | "graduate" | "other";

/**
 * A length of time as the rules say it: years, months and days.
 */
export type Span = {
  years: number,
  months: number,
  days: number,
};

export type Spending = {
  id: number,
  spent_on: string,
  purpose: string,
  amount_fen: number,
  approval: string,
  receipt_no: string,
  note: string,
};

/**
 * A spending as typed. Amount in yuan text.
 */
export type SpendingForm = {
  spent_on: string,
  purpose: string,
  /**
   * Yuan, e.g. `300.00`.
   */
  amount: string,
  /**
   * 审批: who approved it, e.g. 支委会研究同意.
   */
  approval: string,
  receipt_no: string,
  note: string,
};

/**
 * One line of the 使用明细: a recorded spending, or a 慰问金 paid from
 * 上级下拨党费 (a visit; edited on the visit's own page).
 */
export type SpendingLine = {
  date: string,
  purpose: string,
  amount_fen: number,
  approval: string,
  receipt_no: string,
  note: string,
  /**
   * The `dues_spending` row; `None` for a visit.
   */
  spending_id: number | null,
  /**
   * The `care_visits` row of a 慰问金.
   */
  visit_id: number | null,
};

/**
 * A saved spending, with a warning when the 可用结余 is now below zero
 * (saved all the same).
 */
export type SpendingSaved = {
  spending: Spending,
  balance: DuesBalance,
  warning: string | null,
};

/**
 * The 党费使用 page of a year: the 使用明细 (spending and 慰问金, by day),
 * the money received, the year's totals and the balance of all time.
 */
export type SpendingYear = {
  year: number,
  lines: Array<SpendingLine>,
  received: Array<Received>,
  totals: PeriodTotals,
  balance: DuesBalance,
};

/**
 * 申请人 → 入党积极分子 → 发展对象 → 预备党员 → 正式党员.
 */
export type Stage = "applicant" | "activist" | "candidate" | "probationary" | "full" | "stopped";

/**
 * 星级: at least `min_tenths` points in the year gives `stars`.
 */
export type StarBand = {
  stars: number,
  min_tenths: number,
  min: string,
};

/**
 * What the start-up check found.
 */
export type StartCheck = {
  /**
   * The damaged database was moved here (never deleted).
   */
  moved_to: string | null,
  /**
   * The newest backup that passes its own check, to offer.
   */
  newest_good_backup: string | null,
};

export type StatusChangeView = {
  status: string,
  status_label: string,
  date: string,
  reason: string,
  recorded_at: string,
};

export type StatusForm = {
  status: string,
  date: string,
  reason: string,
};

export type StepDef = {
  step: number,
  stage: number,
  name: string,
  after: Array<number>,
  repeat: boolean,
  /**
   * A repeatable step is recorded again until this step is.
   */
  open_until: number | null,
};

/**
 * A step as typed. People are names from the roster (or, for steps
 * another branch took before a transfer, as written).
 */
export type StepForm = {
  step: number,
  date: string,
  people: Array<string>,
  meeting_id: number | null,
  doc_number: string,
  outcome: string,
  days: number | null,
  hours: number | null,
  /**
   * 延长预备期 months at 23.
   */
  months: number | null,
  /**
   * 党小组 at 19 (a name; made if new).
   */
  group_name: string,
  note: string,
  /**
   * Why a national rule not met is recorded anyway.
   */
  override_reason: string,
};

/**
 * What step `step` may decide (合格/不合格 at 13, 按期转正 … at 23).
 */
export type StepOutcomes = {
  step: number,
  choices: Array<Choice>,
};

/**
 * One recorded step.
 */
export type StepRecord = {
  id: number,
  step: number,
  name: string,
  stage: number,
  date: string,
  actors: string,
  meeting_id: number | null,
  doc_number: string,
  outcome: Outcome | null,
  outcome_label: string,
  days: number | null,
  hours: number | null,
  months: number | null,
  group_name: string | null,
  note: string,
  override_reason: string,
};

/**
 * A step saved: the file as it is now, and what was only a warning.
 */
export type StepSaved = {
  file: RecruitFile,
  warnings: Array<Finding>,
  /**
   * Set when this step made the member file (17).
   */
  member_id: number | null,
};

/**
 * Why the way to membership stopped.
 */
export type StopReason = "withdrew" | "moved_away" | "not_continued" | "not_admitted" | "cancelled";

/**
 * The 学时 page's choices, as the core names them.
 */
export type StudyChoices = {
  organisers: Array<Choice>,
  levels: Array<Choice>,
};

export type StudyElsewhere = {
  id: number,
  member_id: number,
  name: string,
  month: string,
  tenths: number,
  hours: string,
  org: string,
  what: string,
  central: boolean,
};

/**
 * 学时 a 流动党员 took where they live, as typed.
 */
export type StudyElsewhereForm = {
  member_id: number,
  /**
   * `YYYY-MM`.
   */
  month: string,
  hours: string,
  /**
   * The host organisation that certified them.
   */
  org: string,
  what: string,
  /**
   * An 集中培训 organised from above where they live.
   */
  central: boolean,
};

/**
 * A 学时 reminder (docs/DOMAIN.md §9.5).
 */
export type StudyReminder = {
  member_id: number,
  name: string,
  /**
   * `short` (below the pace), `committee_central` (committee member, no
   * 集中培训), `new_member_central` (probationary or first-year, no
   * 上级集中培训).
   */
  kind: string,
  note: string,
};

/**
 * One member's year (党员教育培训学时登记表 row).
 */
export type StudyRow = {
  member_id: number,
  name: string,
  kind: MemberKind,
  kind_label: string,
  /**
   * 书记, 组织委员 … or empty.
   */
  post: string,
  committee: boolean,
  /**
   * January … December.
   */
  months: Array<number>,
  /**
   * The months as text ("2.0"; empty for none).
   */
  month_hours: Array<string>,
  central_count: number,
  central_tenths: number,
  total_tenths: number,
  total: string,
  target_tenths: number,
  target: string,
  short_by_tenths: number,
  short_by: string,
  /**
   * Months of the year in the branch (1–12).
   */
  months_in_branch: number,
  /**
   * Hours reach the target (and a committee member had an 集中培训).
   */
  met: boolean,
  /**
   * Admitted or transferred in during the year.
   */
  joined_on: string | null,
  /**
   * Took part in at least one 上级集中培训.
   */
  central_training: boolean,
};

/**
 * The branch's 学时 settings (study_settings; docs/DOMAIN.md §10).
 */
export type StudySettings = {
  /**
   * 32 学时 → 320.
   */
  target_tenths: number,
  /**
   * The secretary and committee members: 56 学时 → 560.
   */
  committee_target_tenths: number,
  /**
   * One entry per meeting kind, in `MeetingKind::ALL` order.
   */
  credits: Array<KindCredit>,
  /**
   * 送学上门: 1 学时 → 10.
   */
  taught_tenths: number,
  /**
   * Target × months in the branch ÷ 12 for members who came in the year.
   */
  prorate: boolean,
  /**
   * The reminders start on this day of the year, `MM-DD` (`10-01`).
   */
  remind_from: string,
  /**
   * Online hours count.
   */
  online: boolean,
};

/**
 * The settings page: the branch's values and the defaults.
 */
export type StudySetup = {
  settings: StudySettings,
  defaults: StudySettings,
};

/**
 * The year's hours of every member on the roster at any time in it.
 */
export type StudyYear = {
  year: number,
  rows: Array<StudyRow>,
  met: number,
  settings: StudySettings,
};

/**
 * Who has talked with whom this year. Each committee member should talk
 * at least once a year with every other committee member and with every
 * member (docs/DOMAIN.md §3).
 */
export type TalkCoverage = {
  year: number,
  /**
   * The rows: committee members.
   */
  committee: Array<Person>,
  /**
   * The columns: everyone on the roster in normal standing.
   */
  members: Array<Person>,
  /**
   * Pairs (row id, column id) that talked this year, either way round.
   */
  talked: Array<[number, number]>,
  /**
   * Per committee member: how many of the pairs they owe are done.
   */
  summary: Array<string>,
};

/**
 * A folder the secretary may archive or copy to.
 */
export type Target = {
  path: string,
  label: string,
  free_bytes: number | null,
};

export type TermItem = {
  term_start: PartialDate,
  term_end: string,
  days_until: number,
  note: string,
};

/**
 * The 公示期 / contact line, each part already in print form; an empty
 * part is printed as a blank to fill in by hand.
 */
export type TermLine = {
  from: string,
  to: string,
  contact: string,
  phone: string,
  /**
   * An announcement (主题党日活动预告), not a 公示: posted until the day,
   * in its own words — no 公示期, no "如有意见" (issue 17, item 5).
   */
  announcement: boolean,
};

/**
 * 培训活动: one training record.
 */
export type Training = {
  id: number,
  started_on: string,
  ended_on: string | null,
  tenths: number,
  hours: string,
  organiser: Organiser,
  organiser_label: string,
  organiser_name: string,
  level: TrainingLevel,
  level_label: string,
  place: string,
  topic: string,
  proof: string,
  notes: string,
  participants: Array<Participant>,
};

/**
 * A training as typed.
 */
export type TrainingForm = {
  started_on: string,
  /**
   * Empty: one day.
   */
  ended_on: string,
  /**
   * 学时, at most one decimal place ("4", "1.5").
   */
  hours: string,
  /**
   * Code or label (县委组织部 …).
   */
  organiser: string,
  organiser_name: string,
  /**
   * Code or label (上级集中培训 / 支部集体学习).
   */
  level: string,
  place: string,
  topic: string,
  proof: string,
  notes: string,
  participants: Array<ParticipantForm>,
};

/**
 * 培训层级: 上级集中培训 or 支部集体学习 (docs/DOMAIN.md §9.5).
 */
export type TrainingLevel = "central" | "branch";

export type TrainingRule = {
  min_days: number,
  min_hours: number,
  before: number,
  basis: string,
};

export type TransferForm = {
  direction: string,
  date: string,
  other_branch: string,
  letter_number: string,
  /**
   * 党费交至月份, `YYYY-MM`.
   */
  dues_paid_to: string,
  notes: string,
};

export type TransferView = {
  id: number,
  direction: string,
  direction_label: string,
  date: string,
  other_branch: string,
  letter_number: string,
  dues_paid_to: string | null,
  notes: string,
};

/**
 * The core's word on one resolution. The form shows `verdict` green only
 * when `passed` is `Some(true)`, red when `Some(false)`, as a warning when
 * `invalid` (the votes or the attendance allow no verdict: 请核对), and
 * nothing when the text is empty (no vote, or no votes typed yet).
 */
export type Verdict = {
  /**
   * None when no vote was taken, no votes were entered yet, or the tally
   * or the quorum is invalid.
   */
  passed: boolean | null,
  verdict: string,
  /**
   * The tally or the quorum is wrong: `verdict` says what to check.
   */
  invalid: boolean,
};

export type VerifyReport = {
  ok: boolean,
  /**
   * Files whose size or SHA-256 differ from the manifest, or that are missing.
   */
  bad_files: Array<string>,
  checked: number,
  /**
   * In Chinese, for the page.
   */
  message: string,
};

/**
 * A visit as typed. Money in yuan text, parsed by `dues::money`.
 */
export type VisitForm = {
  member_id: number,
  visited_on: string,
  occasion: string,
  visitors: string,
  amount: string,
  source: string,
  goods: string,
  family_name: string,
  follow_up: string,
};

/**
 * A season's 慰问名单.
 */
export type VisitList = {
  /**
   * `spring` or `july1`.
   */
  season: string,
  /**
   * 元旦春节慰问名单 / 七一慰问名单
   */
  title: string,
  start: string,
  end: string,
  entries: Array<VisitListEntry>,
  total: number,
  visited: number,
};

/**
 * One member on a 慰问名单.
 */
export type VisitListEntry = {
  member_id: number,
  name: string,
  reasons: Array<string>,
  visited: boolean,
};

/**
 * What saving a visit did.
 */
export type VisitSaved = {
  visit: CareVisit,
  /**
   * Said when 送学上门 marked (or could not mark) a 主题党日.
   */
  note: string | null,
};

/**
 * A year's visits and the 慰问金 paid in it (the 走访记录 tab).
 */
export type VisitYear = {
  year: number,
  visits: Array<CareVisit>,
  total_fen: number,
  /**
   * Yuan, two decimals.
   */
  total: string,
};
