// Every call into the Rust core goes through this module.
// Command names and argument names follow the contract with src-tauri exactly.
import { invoke } from '@tauri-apps/api/core'

import type * as T from './generated/types'
import type {
  Amount,
  AppInfo,
  ArchiveStatus,
  ArchiveSummary,
  Arrears,
  AssessResult,
  Assessment,
  AssessmentForm,
  Attachment,
  BackupList,
  BatchAssessPreview,
  Branch,
  BranchForm,
  CalendarDay,
  Choices,
  CopyReport,
  DuesBalance,
  DuesChoices,
  DuesGrid,
  DuesSettings,
  DuesSettingsForm,
  ExportFile,
  Exported,
  ExtensionForm,
  Finding,
  ForYear,
  Group,
  MeetingCalendar,
  MeetingChoices,
  MeetingDetail,
  MeetingForm,
  MeetingQuery,
  MeetingRow,
  MeetingSettings,
  MeetingSettingsForm,
  MemberAttendance,
  MemberDetail,
  MemberForm,
  MemberQuery,
  MemberRow,
  Notice,
  NoticeDrafts,
  NoticeRequest,
  NoticeTerms,
  Payment,
  PaymentForm,
  PlanCount,
  QuorumReport,
  RecruitAttachment,
  RecruitFile,
  RecruitForm,
  RecruitReminder,
  RecruitSettings,
  RecruitSetup,
  RecruitSummary,
  ReminderSettings,
  Reminders,
  Remittance,
  RemittanceForm,
  RestoreDone,
  RuleSet,
  StatusForm,
  StepForm,
  StepSaved,
  TalkCoverage,
  Target,
  TransferForm,
  VerifyReport,
} from './generated/types'

// The types every command takes and returns are generated from the Rust
// types (src-tauri/src/bindings.rs → generated/types.ts), by their Rust names.
// Only what Rust does not describe is written here.
export type * from './generated/types'

/** The one error shape of every command, as the core's `ApiError`; code 'internal': Tauri itself failed. */
export type ApiError = Omit<T.ApiError, 'code'> & { code: T.Code | 'internal' }


















/** Turn whatever `invoke` rejected with into the one error shape the screens show. */
export function toApiError(e: unknown): ApiError {
  if (e && typeof e === 'object') {
    const o = e as Record<string, unknown>
    if (typeof o.message === 'string' && typeof o.code === 'string') {
      const fields =
        o.fields && typeof o.fields === 'object' ? (o.fields as Record<string, string>) : undefined
      return { code: o.code as T.Code, message: o.message, fields }
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

declare global {
  interface Window {
    /** Commands sent and not yet answered: the release figures call a screen
     * ready when this is 0 for two frames after opening it (tests/figures.rs). */
    __zhibuPending?: number
    /** When the release figures set it to an array, each command's name, start
     * and end (performance.now()) are pushed here, to see where a screen waits. */
    __zhibuTrace?: [string, number, number][]
  }
}

export async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  window.__zhibuPending = (window.__zhibuPending ?? 0) + 1
  const start = performance.now()
  try {
    return await invoke<T>(cmd, args)
  } catch (e) {
    throw toApiError(e)
  } finally {
    window.__zhibuPending = (window.__zhibuPending ?? 1) - 1
    window.__zhibuTrace?.push([cmd, start, performance.now()])
  }
}

export const appInfo = () => call<AppInfo>('app_info')
export const choices = () => call<Choices>('choices')
export const branchGet = () => call<Branch>('branch_get')
export const branchSave = (branch: BranchForm) => call<Branch>('branch_save', { branch })
/** What looks wrong about the 支委会 (too few members, no 书记 …); [] when nothing. */
export const committeeWarnings = () => call<string[]>('committee_warnings')
/** A valid ID number's 出生日期 and 性别; null while the number is not (yet) valid. */
export const idReading = (number: string) => call<T.IdReading | null>('id_reading', { number })
export const demoLoad = () => call<{ members: number }>('demo_load')
/** 清除示例数据: refused unless only the demo is here; backs up first. */
export const demoClear = () => call<T.DemoCleared>('demo_clear')
export const groupList = () => call<Group[]>('group_list')
/** Fields left out take the core's defaults (serde default). */
export const memberList = (query: Partial<MemberQuery>) => call<MemberRow[]>('member_list', { query })
export const memberGet = (id: number) => call<MemberDetail>('member_get', { id })
export const memberCreate = (input: MemberForm) => call<MemberDetail>('member_create', { input })
export const memberUpdate = (id: number, input: MemberForm) =>
  call<MemberDetail>('member_update', { id, input })
export const memberDelete = (id: number) => call<null>('member_delete', { id })
export const memberRestore = (id: number) => call<MemberDetail>('member_restore', { id })
export const memberChangeStatus = (id: number, change: StatusForm) =>
  call<MemberDetail>('member_change_status', { id, change })
export const memberAddTransfer = (id: number, transfer: TransferForm) =>
  call<MemberDetail>('member_add_transfer', { id, transfer })
export const memberExtendProbation = (id: number, extension: ExtensionForm) =>
  call<MemberDetail>('member_extend_probation', { id, extension })

// ---- 组织生活 (meetings) ----




























export const meetingChoices = () => call<MeetingChoices>('meeting_choices')
/** The core's draft of a new record, with the check of it as drafted (`quorum`). */
export const meetingDraft = (kind: string, date: string, group_id: number | null) =>
  call<T.MeetingDraft>('meeting_draft', { kind, date, group_id })
export const meetingForYear = (kind: string, date: string) => call<ForYear>('meeting_for_year', { kind, date })
export const meetingCheck = (input: MeetingForm) => call<QuorumReport>('meeting_check', { input })
export const meetingList = (query: MeetingQuery) => call<MeetingRow[]>('meeting_list', { query })
export const meetingGet = (id: number) => call<MeetingDetail>('meeting_get', { id })
export const meetingCreate = (input: MeetingForm) => call<MeetingDetail>('meeting_create', { input })
export const meetingUpdate = (id: number, input: MeetingForm) =>
  call<MeetingDetail>('meeting_update', { id, input })
export const meetingDelete = (id: number) => call<null>('meeting_delete', { id })
export const meetingCalendar = (year: number) => call<MeetingCalendar>('meeting_calendar', { year })
export const meetingAttendance = (year: number) => call<MemberAttendance[]>('meeting_attendance', { year })
export const talkCoverage = (year: number) => call<TalkCoverage>('talk_coverage', { year })
export const meetingSettingsGet = () => call<MeetingSettings>('meeting_settings_get')
export const meetingSettingsSave = (settings: MeetingSettingsForm) =>
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




















export const duesChoices = () => call<DuesChoices>('dues_choices')
export const duesSettingsGet = () => call<DuesSettings>('dues_settings_get')
export const duesSettingsSave = (settings: DuesSettingsForm) => call<DuesSettings>('dues_settings_save', { settings })
/** `base`: yuan as typed, '' where the category has none; `fixed`: yuan as typed, null where the category has none. */
export const duesAmountPreview = (category: string, base: string, fixed: string | null) =>
  call<Amount>('dues_amount_preview', { category, base, fixed })
export const duesAssess = (input: AssessmentForm) => call<AssessResult>('dues_assess', { input })
/** 批量核定: what it would do; `from_month` '' asks the core for its default month. */
export const duesAssessBatchPreview = (category: string, from_month: string) =>
  call<BatchAssessPreview>('dues_assess_batch_preview', { category, from_month })
/** 批量核定: all the members or none; answers how many were assessed. */
export const duesAssessBatch = (category: string, from_month: string, member_ids: number[]) =>
  call<number>('dues_assess_batch', { category, from_month, member_ids })
export const duesAssessments = (member_id: number) => call<Assessment[]>('dues_assessments', { member_id })
/** The year's 收缴表; with `memberId`, only that member's row (their dues page). */
export const duesGrid = (year: number, memberId?: number) =>
  call<DuesGrid>('dues_grid', memberId == null ? { year } : { year, member_id: memberId })
export const duesPay = (input: PaymentForm) => call<Payment>('dues_pay', { input })
/** 收缴日: `month` paid for each member who owes it. */
export const duesCollect = (member_ids: number[], month: string, paid_on: string, collector: string) =>
  call<Payment[]>('dues_collect', { member_ids, month, paid_on, collector })
export const duesReverse = (id: number, reason: string) => call<Payment>('dues_reverse', { id, reason })
/** Payments made in `year` (by date paid), newest first. */
/** The year's payments; with `memberId`, only that member's. */
export const duesPayments = (year: number, memberId?: number) =>
  call<Payment[]>('dues_payments', memberId == null ? { year } : { year, member_id: memberId })
export const duesArrears = () => call<Arrears[]>('dues_arrears')
export const duesRemit = (input: RemittanceForm) => call<Remittance>('dues_remit', { input })
export const duesRemittances = (year: number | null) => call<Remittance[]>('dues_remittances', { year })
export const duesBalance = () => call<DuesBalance>('dues_balance')

// ---- 今日提醒 (reminders) ----
// Dates are "YYYY-MM-DD", or "YYYY-MM" where only the month is known.











export const reminders = () => call<Reminders>('reminders')
export const reminderSettingsGet = () => call<ReminderSettings>('reminder_settings_get')
export const reminderSettingsSave = (settings: ReminderSettings) =>
  call<ReminderSettings>('reminder_settings_save', { settings })

// ---- 发展党员 ----

export const recruitRules = () => call<RuleSet>('recruit_rules')
export const recruitList = () => call<RecruitSummary[]>('recruit_list')
export const recruitGet = (id: number) => call<RecruitFile>('recruit_get', { id })
export const recruitCreate = (form: RecruitForm) => call<RecruitFile>('recruit_create', { form })
export const recruitUpdate = (id: number, form: RecruitForm) => call<RecruitFile>('recruit_update', { id, form })
export const recruitStepCheck = (id: number, form: StepForm) => call<Finding[]>('recruit_step_check', { id, form })
export const recruitStepRecord = (id: number, form: StepForm) => call<StepSaved>('recruit_step_record', { id, form })
export const recruitStepDelete = (id: number, stepId: number) =>
  call<RecruitFile>('recruit_step_delete', { id, stepId })
export const recruitStop = (id: number, reason: string, date: string, note: string) =>
  call<RecruitFile>('recruit_stop', { id, reason, date, note })
export const recruitDocSet = (id: number, doc: string, receivedOn: string, number: string) =>
  call<RecruitFile>('recruit_doc_set', { id, doc, receivedOn, number })
export const recruitNoticeRecord = (id: number, point: string, from: string, to: string) =>
  call<RecruitFile>('recruit_notice_record', { id, point, from, to })
export const recruitNoticeEnd = (from: string) => call<string>('recruit_notice_end', { from })
export const recruitReminders = () => call<RecruitReminder[]>('recruit_reminders')
export const recruitSettingsGet = () => call<RecruitSetup>('recruit_settings_get')
export const recruitSettingsSave = (settings: RecruitSettings) =>
  call<RecruitSetup>('recruit_settings_save', { settings })
export const recruitPlanGet = (year: number) => call<PlanCount>('recruit_plan_get', { year })
export const recruitPlanSet = (year: number, count: number | null) =>
  call<PlanCount>('recruit_plan_set', { year, count })
export const recruitRecordExport = (id: number) => call<Exported>('recruit_record_export', { id })
export const calendarDaysGet = (year: number) => call<CalendarDay[]>('calendar_days_get', { year })
export const calendarDaysSave = (year: number, days: CalendarDay[]) =>
  call<CalendarDay[]>('calendar_days_save', { year, days })
export const recruitAttachments = (id: number) => call<RecruitAttachment[]>('recruit_attachments', { id })
export const recruitAttach = (id: number, stepId: number | null, name: string, data: string) =>
  call<Attachment>('recruit_attach', { id, stepId, name, data })
export const recruitDetach = (id: number) => call<void>('recruit_detach', { id })
export const recruitAttachmentData = (id: number) => call<string>('recruit_attachment_data', { id })
/** 来源, 终止原因 and the documents of the checklist, as the core names them. */
export const recruitChoices = () => call<T.RecruitChoices>('recruit_choices')
/** The 发展党员 record that made this member file, if any. */
export const recruitOfMember = (memberId: number) => call<number | null>('recruit_of_member', { memberId })

// ---- 台账与公示 (exports) ----








/** The sheets of the year's 台账 in the workbook's order, exact names: each can also be written on its own (`sheet_export`). */
export const ledgerSheets = () => call<string[]>('ledger_sheets')
export const workbookExport = (year: number) => call<Exported>('workbook_export', { year })
/** The notice as the print page shows it, built and masked by the core. */
export const noticePreview = (request: NoticeRequest, terms: NoticeTerms) =>
  call<Notice>('notice_preview', { request, terms })
/** The notice as .xlsx in the 导出 folder. */
export const noticeExport = (request: NoticeRequest, terms: NoticeTerms) =>
  call<Exported>('notice_export', { request, terms })
export const noticeDrafts = () => call<NoticeDrafts>('notice_drafts')
/** One 台账 sheet (a name ledger_sheets gives) of `year` as its own .xlsx. */
export const sheetExport = (sheet: string, year: number) => call<Exported>('sheet_export', { sheet, year })

// ---- 草稿 and closing (nothing typed is lost) ----
/** The kept draft of a form, if any. */
export const draftGet = (key: string) => call<T.Draft | null>('draft_get', { key })
/** Keeps what the form holds as its draft. */
export const draftSave = (key: string, body: string) => call<null>('draft_save', { key, body })
/** Forgets a form's draft (saved, or left on purpose). */
export const draftClear = (key: string) => call<null>('draft_clear', { key })
/** Closes the window (after the page asked about unsaved typing). */
export const windowClose = () => call<null>('window_close')

// ---- 保存为PDF (the print pages) ----
/** Prints the page as it shows now (its print layout, A4) into a PDF in 导出/, named by `title` and the day. */
export const exportPdf = (title: string) => call<Exported>('export_pdf', { title })
/** The page a hidden print window shows (the command line's PDFs); null in the secretary's window. */
export const printJob = () => call<T.PrintPage | null>('print_job')
/** The hidden print window has laid its page out: the program prints it and ends. */
export const printJobReady = () => call<null>('print_job_ready')

// ---- 导出的文件 (after an export or a backup) ----
// `path` is the path the core returned for the file (Exported.path, a backup's
// path); the core refuses any other (code 'not_allowed').

/** Opens the file with the system's program (WPS, Excel). */
export const exportOpen = (path: string) => call<null>('export_open', { path })
/** Opens the folder the file is in. */
export const exportReveal = (path: string) => call<null>('export_reveal', { path })
/** 另存为…: the system's save dialog, then a copy; the chosen place, or null when the dialog was closed. */
export const exportSaveAs = (path: string) => call<string | null>('export_save_as', { path })
/** The files in 导出/, newest first. */
export const exportList = () => call<ExportFile[]>('export_list')
/** 复制到U盘: the chosen exports (paths exportList gave) into 「<支部名><年>年台账」 on `dest`, checked, all or nothing. */
export const exportCopyToStick = (paths: string[], dest: string) =>
  call<CopyReport>('export_copy_to_stick', { paths, dest })
/** The system's folder picker (选择保存位置), starting on a stick; null when it was closed. */
export const pickFolder = () => call<string | null>('pick_folder')

// ---- 归档备份 (archive and backups) ----
// Sizes are bytes. Paths are typed or picked from the USB sticks the core lists.










export const archiveTargets = () => call<Target[]>('archive_targets')
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

// ---- 党费使用 (spending, money received back from above) ----
// Amounts typed as yuan text; answers in 分. A spending beyond the 可用结余
// is saved with `warning` set.

export const duesSpendingYear = (year: number) => call<T.SpendingYear>('dues_spending_year', { year })
export const duesSpend = (input: T.SpendingForm) => call<T.SpendingSaved>('dues_spend', { input })
export const duesSpendUpdate = (id: number, input: T.SpendingForm) =>
  call<T.SpendingSaved>('dues_spend_update', { id, input })
export const duesSpendDelete = (id: number) => call<null>('dues_spend_delete', { id })
export const duesReceive = (input: T.ReceivedForm) => call<T.Received>('dues_receive', { input })
export const duesReceiveUpdate = (id: number, input: T.ReceivedForm) =>
  call<T.Received>('dues_receive_update', { id, input })
export const duesReceiveDelete = (id: number) => call<null>('dues_receive_delete', { id })
/** A spending's receipt scans (凭证扫描件). */
export const duesSpendAttachments = (id: number) => call<T.Attachment[]>('dues_spend_attachments', { id })
/** `data`: the file's bytes as base64, without a `data:` prefix. */
export const duesSpendAttach = (id: number, name: string, data: string) =>
  call<T.Attachment>('dues_spend_attach', { id, name, data })
export const duesSpendDetach = (id: number) => call<null>('dues_spend_detach', { id })
export const duesSpendAttachmentData = (id: number) => call<string>('dues_spend_attachment_data', { id })
// ---------- 流动党员 (src-tauri/src/commands/mobile.rs) ----------
export const mobileChoices = () => call<T.MobileChoices>('mobile_choices')
/** Who is away today, with the last contact and the reminders' state. */
export const mobileList = () => call<T.MobileList>('mobile_list')
export const mobileMember = (memberId: number) => call<T.MemberMobile>('mobile_member', { memberId })
export const mobilePeriodCreate = (form: T.PeriodForm) => call<T.Period>('mobile_period_create', { form })
export const mobilePeriodUpdate = (id: number, form: T.PeriodForm) =>
  call<T.Period>('mobile_period_update', { id, form })
export const mobilePeriodDelete = (id: number) => call<null>('mobile_period_delete', { id })
export const mobileBack = (memberId: number, backOn: string) =>
  call<T.Period>('mobile_back', { memberId, backOn })
export const mobileContactCreate = (form: T.ContactForm) => call<T.Contact>('mobile_contact_create', { form })
export const mobileDuesElsewhere = (form: T.ElsewhereForm) =>
  call<T.DuesElsewhere>('mobile_dues_elsewhere', { form })
// 关怀帮扶 (docs/DOMAIN.md §9): hardship cases, visits and receipts, the 慰问名单.
export const careChoices = () => call<T.CareChoices>('care_choices')
export const careCases = () => call<T.CareCase[]>('care_cases')
export const careCaseCreate = (form: T.CareCaseForm) => call<T.CareCase>('care_case_create', { form })
export const careCaseReview = (id: number, form: T.CaseActionForm) =>
  call<T.CareCase>('care_case_review', { id, form })
export const careCaseClose = (id: number, form: T.CaseActionForm) => call<T.CareCase>('care_case_close', { id, form })
export const careVisits = (year: number) => call<T.VisitYear>('care_visits', { year })
export const careVisitCreate = (form: T.VisitForm) => call<T.VisitSaved>('care_visit_create', { form })
export const careVisitDelete = (id: number) => call<void>('care_visit_delete', { id })
/** `spring` (元旦春节) or `july1` (七一): the season holding today, or the next. */
export const careVisitList = (season: string) => call<T.VisitList>('care_visit_list', { season })
export const careSettingsGet = () => call<T.CareSetup>('care_settings_get')
export const careSettingsSave = (settings: T.CareSettings) => call<T.CareSetup>('care_settings_save', { settings })
export const careAttachments = (id: number) => call<Attachment[]>('care_attachments', { id })
export const careAttach = (id: number, name: string, data: string) =>
  call<Attachment>('care_attach', { id, name, data })
export const careDetach = (id: number) => call<void>('care_detach', { id })
export const careAttachmentData = (id: number) => call<string>('care_attachment_data', { id })
// 志愿服务和为民办实事 (docs/DOMAIN.md §9.5): records, the year's 次数/人次/户, photos.
export const serviceKinds = () => call<T.Choice[]>('service_kinds')
export const serviceYear = (year: number) => call<T.ServiceYear>('service_year', { year })
export const serviceMemberList = (member_id: number, year: number) =>
  call<T.Service[]>('service_member_list', { member_id, year })
export const serviceCreate = (form: T.ServiceForm) => call<T.Service>('service_create', { form })
export const serviceUpdate = (id: number, form: T.ServiceForm) => call<T.Service>('service_update', { id, form })
export const serviceDelete = (id: number) => call<void>('service_delete', { id })
export const serviceAttachments = (id: number) => call<Attachment[]>('service_attachments', { id })
export const serviceAttach = (id: number, name: string, data: string) =>
  call<Attachment>('service_attach', { id, name, data })
export const serviceDetach = (id: number) => call<void>('service_detach', { id })
export const serviceAttachmentData = (id: number) => call<string>('service_attachment_data', { id })

// 积分 (docs/DOMAIN.md §9.5)
export const pointsRules = () => call<T.PointsRules>('points_rules')
/** `data`: the rule file's bytes as base64, without a `data:` prefix. */
export const pointsRulesImport = (data: string) => call<T.PointsRules>('points_rules_import', { data })
export const pointsRulesExport = () => call<T.Exported>('points_rules_export')
export const pointsRulesEnable = (enabled: boolean) => call<T.PointsRules>('points_rules_enable', { enabled })
export const pointsYear = (year: number) => call<T.PointsYear>('points_year', { year })
export const pointsEntries = (year: number) => call<T.PointsEntry[]>('points_entries', { year })
export const pointsEntryCreate = (form: T.PointsEntryForm) => call<T.PointsEntry>('points_entry_create', { form })
export const pointsEntryDelete = (id: number) => call<void>('points_entry_delete', { id })
// 学时 (docs/DOMAIN.md §9.5): each member's hours, trainings, hours elsewhere and online, settings.
export const studyChoices = () => call<T.StudyChoices>('study_choices')
export const studySettingsGet = () => call<T.StudySetup>('study_settings_get')
export const studySettingsSave = (settings: T.StudySettings) => call<T.StudySetup>('study_settings_save', { settings })
export const studyYear = (year: number) => call<T.StudyYear>('study_year', { year })
export const studyTrainings = (year: number) => call<T.Training[]>('study_trainings', { year })
export const studyTrainingCreate = (form: T.TrainingForm) => call<T.Training>('study_training_create', { form })
export const studyTrainingUpdate = (id: number, form: T.TrainingForm) =>
  call<T.Training>('study_training_update', { id, form })
export const studyTrainingDelete = (id: number) => call<void>('study_training_delete', { id })
export const studyElsewhereList = (year: number) => call<T.StudyElsewhere[]>('study_elsewhere_list', { year })
export const studyElsewhereCreate = (form: T.StudyElsewhereForm) =>
  call<T.StudyElsewhere>('study_elsewhere_create', { form })
export const studyElsewhereDelete = (id: number) => call<void>('study_elsewhere_delete', { id })
export const studyOnlineSave = (form: T.OnlineForm) => call<void>('study_online_save', { form })
