//! Tauri commands: each converts its arguments, calls one core function and
//! converts the result. No SQL and no rule here.

use crate::dto::{AppInfo, Choices, MemberDetail, MemberRow};
use crate::error::ApiResult;
use crate::state::AppState;
use tauri::State;
use zhibu_core::branch::{Branch, BranchForm};
use zhibu_core::demo::DemoLoaded;
use zhibu_core::members::{Group, MemberForm, MemberQuery, StatusForm, TransferForm};

#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> ApiResult<AppInfo> {
    let store = state.store()?;
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION"),
        data_dir: state.data_dir().display().to_string(),
        today: state.today().to_string(),
        member_count: store.member_count()?,
        branch: store.branch()?,
        read_only: state.read_only,
        log_dir: crate::logging::log_dir(state.data_dir()).display().to_string(),
    })
}

#[tauri::command(async)]
pub fn choices() -> Choices {
    Choices::get()
}

#[tauri::command(async)]
pub fn branch_get(state: State<'_, AppState>) -> ApiResult<Branch> {
    Ok(state.store()?.branch()?)
}

#[tauri::command(async)]
pub fn branch_save(state: State<'_, AppState>, branch: BranchForm) -> ApiResult<Branch> {
    Ok(state.store()?.save_branch(&branch, state.today())?)
}

#[tauri::command(async)]
pub fn demo_load(state: State<'_, AppState>) -> ApiResult<DemoLoaded> {
    Ok(state.store()?.load_demo(state.today())?)
}

#[tauri::command(async)]
pub fn group_list(state: State<'_, AppState>) -> ApiResult<Vec<Group>> {
    Ok(state.store()?.groups()?)
}

#[tauri::command(async)]
pub fn member_list(state: State<'_, AppState>, query: MemberQuery) -> ApiResult<Vec<MemberRow>> {
    let today = state.today();
    Ok(state.store()?.members(&query)?.iter().map(|m| MemberRow::new(m, today)).collect())
}

#[tauri::command(async)]
pub fn member_get(state: State<'_, AppState>, id: i64) -> ApiResult<MemberDetail> {
    Ok(MemberDetail::new(state.store()?.member_file(id)?, state.today()))
}

#[tauri::command(async)]
pub fn member_create(state: State<'_, AppState>, input: MemberForm) -> ApiResult<MemberDetail> {
    let mut store = state.store()?;
    let id = store.create_member(&input, state.today())?.id;
    Ok(MemberDetail::new(store.member_file(id)?, state.today()))
}

#[tauri::command(async)]
pub fn member_update(state: State<'_, AppState>, id: i64, input: MemberForm) -> ApiResult<MemberDetail> {
    let mut store = state.store()?;
    store.update_member(id, &input, state.today())?;
    Ok(MemberDetail::new(store.member_file(id)?, state.today()))
}

#[tauri::command(async)]
pub fn member_delete(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    Ok(state.store()?.delete_member(id)?)
}

#[tauri::command(async)]
pub fn member_restore(state: State<'_, AppState>, id: i64) -> ApiResult<MemberDetail> {
    let mut store = state.store()?;
    store.restore_member(id)?;
    Ok(MemberDetail::new(store.member_file(id)?, state.today()))
}

#[tauri::command(async)]
pub fn member_change_status(state: State<'_, AppState>, id: i64, change: StatusForm) -> ApiResult<MemberDetail> {
    let mut store = state.store()?;
    store.change_status(id, &change, state.today())?;
    Ok(MemberDetail::new(store.member_file(id)?, state.today()))
}

#[tauri::command(async)]
pub fn member_add_transfer(state: State<'_, AppState>, id: i64, transfer: TransferForm) -> ApiResult<MemberDetail> {
    let mut store = state.store()?;
    store.add_transfer(id, &transfer, state.today())?;
    Ok(MemberDetail::new(store.member_file(id)?, state.today()))
}

#[tauri::command(async)]
pub fn member_extend_probation(
    state: State<'_, AppState>,
    id: i64,
    extension: zhibu_core::members::ExtensionForm,
) -> ApiResult<MemberDetail> {
    let mut store = state.store()?;
    store.extend_probation(id, &extension, state.today())?;
    Ok(MemberDetail::new(store.member_file(id)?, state.today()))
}

#[tauri::command(async)]
pub fn committee_warnings(state: State<'_, AppState>) -> ApiResult<Vec<String>> {
    Ok(state.store()?.committee_warnings()?)
}

// ---- 组织生活 ----

use crate::dto::{Calendar, MeetingChoices, MeetingDetail, MeetingRow};
use serde::Deserialize;
use zhibu_core::meetings::{MeetingForm, MeetingKind, QuorumReport};

#[derive(Deserialize, ts_rs::TS)]
pub struct MeetingQuery {
    pub year: i32,
    #[serde(default)]
    pub kind: Option<String>,
}

#[tauri::command(async)]
pub fn meeting_choices() -> MeetingChoices {
    MeetingChoices::get()
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn meeting_draft(
    state: State<'_, AppState>,
    kind: String,
    date: Option<String>,
    group_id: Option<i64>,
) -> ApiResult<MeetingForm> {
    Ok(state.store()?.meeting_draft(&kind, date.as_deref().unwrap_or(""), group_id, state.today())?)
}

#[derive(serde::Serialize, Default, ts_rs::TS)]
pub struct ForYear {
    pub default_year: Option<i32>,
    pub choices: Vec<i32>,
}

/// The default 所属年度 of a meeting of `kind` held on `date`, and the years it may be given.
#[tauri::command(async)]
pub fn meeting_for_year(kind: String, date: String) -> ForYear {
    let (Some(kind), Ok(day)) =
        (MeetingKind::from_code(&kind), chrono::NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d"))
    else {
        return ForYear::default();
    };
    ForYear {
        default_year: zhibu_core::meetings::default_for_year(kind, day),
        choices: zhibu_core::meetings::for_year_choices(kind, day),
    }
}

#[tauri::command(async)]
pub fn meeting_check(state: State<'_, AppState>, input: MeetingForm) -> ApiResult<QuorumReport> {
    Ok(state.store()?.check_meeting(&input, state.today())?)
}

#[tauri::command(async)]
pub fn meeting_list(state: State<'_, AppState>, query: MeetingQuery) -> ApiResult<Vec<MeetingRow>> {
    let kind = query.kind.as_deref().and_then(MeetingKind::from_code);
    Ok(state.store()?.meeting_summaries(query.year, kind)?.into_iter().map(MeetingRow::from).collect())
}

fn meeting_detail(store: &zhibu_core::Store, m: zhibu_core::meetings::MeetingRecord) -> ApiResult<MeetingDetail> {
    let (attachments, history) = (store.attachments(m.id)?, store.meeting_history(m.id)?);
    Ok(MeetingDetail::new(m, attachments, history))
}

#[tauri::command(async)]
pub fn meeting_get(state: State<'_, AppState>, id: i64) -> ApiResult<MeetingDetail> {
    let store = state.store()?;
    meeting_detail(&store, store.meeting(id)?)
}

#[tauri::command(async)]
pub fn meeting_create(state: State<'_, AppState>, input: MeetingForm) -> ApiResult<MeetingDetail> {
    let mut store = state.store()?;
    let m = store.create_meeting(&input, state.today())?;
    meeting_detail(&store, m)
}

#[tauri::command(async)]
pub fn meeting_update(state: State<'_, AppState>, id: i64, input: MeetingForm) -> ApiResult<MeetingDetail> {
    let mut store = state.store()?;
    let m = store.update_meeting(id, &input, state.today())?;
    meeting_detail(&store, m)
}

#[tauri::command(async)]
pub fn meeting_delete(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    Ok(state.store()?.delete_meeting(id)?)
}

#[tauri::command(async)]
pub fn meeting_calendar(state: State<'_, AppState>, year: i32) -> ApiResult<Calendar> {
    Ok(state.store()?.meeting_calendar(year, state.today())?)
}

use zhibu_core::meetings::{MeetingSettings, MeetingSettingsForm, MemberAttendance, TalkCoverage};

#[tauri::command(async)]
pub fn meeting_attendance(state: State<'_, AppState>, year: i32) -> ApiResult<Vec<MemberAttendance>> {
    Ok(state.store()?.member_attendance(year)?)
}

#[tauri::command(async)]
pub fn talk_coverage(state: State<'_, AppState>, year: i32) -> ApiResult<TalkCoverage> {
    Ok(state.store()?.talk_coverage(year)?)
}

#[tauri::command(async)]
pub fn meeting_settings_get(state: State<'_, AppState>) -> ApiResult<MeetingSettings> {
    Ok(state.store()?.meeting_settings()?)
}

#[tauri::command(async)]
pub fn meeting_settings_save(state: State<'_, AppState>, settings: MeetingSettingsForm) -> ApiResult<MeetingSettings> {
    Ok(state.store()?.save_meeting_settings(&settings)?)
}

use zhibu_core::meetings::attachments::{mime_of, Attachment};

/// Adds a photo or scan the page read from a file the user picked (sent as
/// base64, decoded and written here, in Rust).
#[tauri::command(async)]
pub fn meeting_attach(state: State<'_, AppState>, id: i64, name: String, data: String) -> ApiResult<Attachment> {
    let bytes = decode_file(&data)?;
    Ok(state.store()?.add_attachment(id, &name, &bytes)?)
}

/// A file the page read and sent as base64.
fn decode_file(data: &str) -> ApiResult<Vec<u8>> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(data.as_bytes()).map_err(|_| crate::error::ApiError {
        code: zhibu_core::Code::InvalidFile,
        message: "文件没有读完整，请重新选择文件".into(),
        fields: None,
    })
}

#[tauri::command(async)]
pub fn meeting_detach(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    Ok(state.store()?.remove_attachment(id)?)
}

/// An attachment as a `data:` URL the page can show (CSP allows `img-src data:`).
#[tauri::command(async)]
pub fn attachment_data(state: State<'_, AppState>, id: i64) -> ApiResult<String> {
    use base64::Engine;
    let (a, bytes) = state.store()?.attachment_bytes(id)?;
    Ok(format!("data:{};base64,{}", mime_of(&a.original_name), base64::engine::general_purpose::STANDARD.encode(bytes)))
}

// ---- 党费 ----

use zhibu_core::dues::{
    amount_from_text, Amount, Arrears, Assessment, AssessmentForm, DuesBalance, DuesCategory, DuesGrid, DuesSettings,
    DuesSettingsForm, Payment, PaymentForm, Remittance, RemittanceForm, ROUNDINGS,
};

#[derive(serde::Serialize, ts_rs::TS)]
pub struct DuesCategoryChoice {
    pub value: &'static str,
    pub label: &'static str,
    /// The form asks for a monthly base (wage or pension).
    pub needs_base: bool,
    /// The form asks for an approved amount (hardship).
    pub needs_fixed: bool,
}

#[derive(serde::Serialize, ts_rs::TS)]
pub struct DuesChoices {
    pub categories: Vec<DuesCategoryChoice>,
    pub roundings: Vec<RoundingChoice>,
}

#[derive(serde::Serialize, ts_rs::TS)]
pub struct RoundingChoice {
    pub value: String,
    pub label: &'static str,
}

#[tauri::command(async)]
pub fn dues_choices() -> DuesChoices {
    DuesChoices {
        categories: DuesCategory::ALL
            .iter()
            .map(|c| DuesCategoryChoice {
                value: c.code(),
                label: c.label(),
                needs_base: c.uses_base(),
                needs_fixed: *c == DuesCategory::Hardship,
            })
            .collect(),
        roundings: ROUNDINGS.iter().map(|(fen, label)| RoundingChoice { value: fen.to_string(), label }).collect(),
    }
}

#[tauri::command(async)]
pub fn dues_settings_get(state: State<'_, AppState>) -> ApiResult<DuesSettings> {
    Ok(state.store()?.dues_settings()?)
}

#[tauri::command(async)]
pub fn dues_settings_save(state: State<'_, AppState>, settings: DuesSettingsForm) -> ApiResult<DuesSettings> {
    Ok(state.store()?.save_dues_settings(&settings)?)
}

/// The amount a category and base would give, for the form as it is typed.
#[tauri::command(async)]
pub fn dues_amount_preview(
    state: State<'_, AppState>,
    category: String,
    base: String,
    fixed: Option<String>,
) -> ApiResult<Amount> {
    let settings = state.store()?.dues_settings()?;
    let fixed = fixed.unwrap_or_default();
    amount_from_text(&category, &base, &fixed, settings.farmer_fen, settings.rounding_fen)
        .map_err(|message| crate::error::ApiError { code: zhibu_core::Code::Validation, message, fields: None })
}

#[derive(serde::Serialize, ts_rs::TS)]
pub struct AssessResult {
    pub assessment: Assessment,
    pub warnings: Vec<String>,
}

#[tauri::command(async)]
pub fn dues_assess(state: State<'_, AppState>, input: AssessmentForm) -> ApiResult<AssessResult> {
    let (assessment, warnings) = state.store()?.assess_dues(&input)?;
    Ok(AssessResult { assessment, warnings })
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn dues_assessments(state: State<'_, AppState>, member_id: i64) -> ApiResult<Vec<Assessment>> {
    Ok(state.store()?.dues_assessments(member_id)?)
}

#[tauri::command(async)]
pub fn dues_grid(state: State<'_, AppState>, year: i32) -> ApiResult<DuesGrid> {
    Ok(state.store()?.dues_grid(year, state.today())?)
}

#[tauri::command(async)]
pub fn dues_pay(state: State<'_, AppState>, input: PaymentForm) -> ApiResult<Payment> {
    Ok(state.store()?.record_payment(&input, state.today())?)
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn dues_collect(
    state: State<'_, AppState>,
    member_ids: Vec<i64>,
    month: String,
    paid_on: String,
    collector: String,
) -> ApiResult<Vec<Payment>> {
    Ok(state.store()?.collect_month(&member_ids, &month, &paid_on, &collector, state.today())?)
}

#[tauri::command(async)]
pub fn dues_reverse(state: State<'_, AppState>, id: i64, reason: String) -> ApiResult<Payment> {
    Ok(state.store()?.reverse_payment(id, &reason, state.today())?)
}

#[tauri::command(async)]
pub fn dues_payments(state: State<'_, AppState>, year: i32) -> ApiResult<Vec<Payment>> {
    Ok(state.store()?.dues_payments(year)?)
}

#[tauri::command(async)]
pub fn dues_arrears(state: State<'_, AppState>) -> ApiResult<Vec<Arrears>> {
    Ok(state.store()?.dues_arrears(state.today())?)
}

#[tauri::command(async)]
pub fn dues_remit(state: State<'_, AppState>, input: RemittanceForm) -> ApiResult<Remittance> {
    Ok(state.store()?.record_remittance(&input, state.today())?)
}

#[tauri::command(async)]
pub fn dues_remittances(state: State<'_, AppState>, year: Option<i32>) -> ApiResult<Vec<Remittance>> {
    Ok(state.store()?.remittances(year)?)
}

#[tauri::command(async)]
pub fn dues_balance(state: State<'_, AppState>) -> ApiResult<DuesBalance> {
    Ok(state.store()?.dues_balance()?)
}

// ---- 今日提醒 ----

use zhibu_core::reminders::{ReminderSettings, Reminders};

#[tauri::command(async)]
pub fn reminders(state: State<'_, AppState>) -> ApiResult<Reminders> {
    Ok(state.store()?.reminders(state.today())?)
}

#[tauri::command(async)]
pub fn reminder_settings_get(state: State<'_, AppState>) -> ApiResult<ReminderSettings> {
    Ok(state.store()?.reminder_settings()?)
}

#[derive(serde::Deserialize, ts_rs::TS)]
pub struct ReminderSettingsForm {
    pub birthday_days: i64,
    pub term_years: i32,
}

#[tauri::command(async)]
pub fn reminder_settings_save(
    state: State<'_, AppState>,
    settings: ReminderSettingsForm,
) -> ApiResult<ReminderSettings> {
    let s = ReminderSettings { birthday_days: settings.birthday_days, term_years: settings.term_years };
    Ok(state.store()?.save_reminder_settings(s)?)
}

// ---- 台账与公示 ----

use zhibu_core::notices::{Notice, NoticeRequest, NoticeTerms, PartyDayForm};
use zhibu_core::workbook::Exported;

/// The folder exports go to: `导出` inside the data folder.
fn export_dir(state: &AppState) -> std::path::PathBuf {
    state.data_dir().join("导出")
}

/// The 台账 sheets in the workbook's order, by their exact names: each can
/// also be exported alone (`sheet_export`).
#[tauri::command(async)]
pub fn ledger_sheets() -> &'static [&'static str] {
    &zhibu_core::workbook::SHEETS
}

#[tauri::command(async)]
pub fn workbook_export(state: State<'_, AppState>, year: i32) -> ApiResult<Exported> {
    Ok(state.store()?.export_year_workbook(year, state.today(), &export_dir(&state))?)
}

/// Builds a 公示 for the print page (already masked by the core).
#[tauri::command(async)]
pub fn notice_preview(state: State<'_, AppState>, request: NoticeRequest, terms: NoticeTerms) -> ApiResult<Notice> {
    Ok(state.store()?.notice(&request, &terms, state.today())?)
}

#[derive(serde::Serialize, ts_rs::TS)]
pub struct NoticeDrafts {
    pub terms: NoticeTerms,
    pub party_day: PartyDayForm,
}

/// What the notice forms start from.
#[tauri::command(async)]
pub fn notice_drafts(state: State<'_, AppState>) -> ApiResult<NoticeDrafts> {
    let store = state.store()?;
    Ok(NoticeDrafts {
        terms: store.notice_terms_draft(state.today())?,
        party_day: store.party_day_draft(state.today())?,
    })
}

#[tauri::command(async)]
pub fn notice_export(state: State<'_, AppState>, request: NoticeRequest, terms: NoticeTerms) -> ApiResult<Exported> {
    Ok(state.store()?.export_notice(&request, &terms, state.today(), &export_dir(&state))?)
}

/// One 台账 sheet on its own, from the view that shows it.
#[tauri::command(async)]
pub fn sheet_export(state: State<'_, AppState>, sheet: String, year: i32) -> ApiResult<Exported> {
    Ok(state.store()?.export_sheet(&sheet, year, state.today(), &export_dir(&state))?)
}

// ---- 归档备份 ----

use crate::error::ApiError;
use crate::state::ArchiveJob;
use zhibu_core::archive::{
    finish_restore, open_archive, prepare_backup_restore, prepare_restore, removable_targets, ArchiveDone,
    ArchiveSummary, RestoreDone, Target, VerifyReport,
};
use zhibu_core::store::backups::{backup_database, list_backups, BackupFile, StartCheck};

/// USB sticks and drives plugged in now.
#[tauri::command(async)]
pub fn archive_targets() -> Vec<Target> {
    removable_targets()
}

/// Starts writing the year's archive in the background; `archive_status` reports.
#[tauri::command(async)]
pub fn archive_start(state: State<'_, AppState>, year: i32, dest: String, passphrase: Option<String>) -> ApiResult<()> {
    let passphrase = passphrase.filter(|p| !p.is_empty());
    // A missing stick or a short passphrase is said beside its field at once.
    zhibu_core::archive::check_target(std::path::Path::new(&dest), passphrase.as_deref())?;
    let mut job = state.archive.lock().unwrap_or_else(|p| p.into_inner());
    if job.running {
        return Err(ApiError::from(zhibu_core::Error::ArchiveRunning));
    }
    *job = ArchiveJob { running: true, ..Default::default() };
    let progress = job.progress.clone();
    drop(job);
    let state = state.inner().clone();
    std::thread::spawn(move || {
        // The store only for the short step; the long write to the stick runs
        // without it, so every page keeps working meanwhile (issue 15).
        let prepared = state
            .store()
            .and_then(|store| Ok(store.prepare_archive(year, state.today(), env!("CARGO_PKG_VERSION"))?));
        let dest = std::path::Path::new(&dest);
        let result = prepared.and_then(|archive| {
            let done = match passphrase {
                Some(p) => archive.write_sealed(dest, &p, &progress),
                None => archive.write(dest, &progress),
            };
            done.map_err(ApiError::from)
        });
        let mut job = state.archive.lock().unwrap_or_else(|p| p.into_inner());
        job.running = false;
        match result {
            Ok(done) => job.done = Some(done),
            Err(e) => job.error = Some(e),
        }
    });
    Ok(())
}

#[derive(serde::Serialize, ts_rs::TS)]
pub struct ArchiveStatus {
    pub running: bool,
    pub written: u64,
    pub total: u64,
    pub done: Option<ArchiveDone>,
    pub error: Option<ApiError>,
}

#[tauri::command(async)]
pub fn archive_status(state: State<'_, AppState>) -> ArchiveStatus {
    use std::sync::atomic::Ordering::Relaxed;
    let job = state.archive.lock().unwrap_or_else(|p| p.into_inner());
    ArchiveStatus {
        running: job.running,
        written: job.progress.written.load(Relaxed),
        total: job.progress.total.load(Relaxed),
        done: job.done.clone(),
        error: job.error.clone(),
    }
}

#[tauri::command(async)]
pub fn archive_cancel(state: State<'_, AppState>) {
    let job = state.archive.lock().unwrap_or_else(|p| p.into_inner());
    job.progress.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// 校验归档: a folder, or an encrypted file with its passphrase.
#[tauri::command(async)]
pub fn archive_verify(path: String, passphrase: Option<String>) -> ApiResult<VerifyReport> {
    let opened = open_archive(std::path::Path::new(&path), passphrase.as_deref())?;
    Ok(zhibu_core::archive::verify_archive(&opened.dir)?)
}

/// What an archive holds, shown before restoring (verifies it first).
#[tauri::command(async)]
pub fn archive_inspect(
    state: State<'_, AppState>,
    path: String,
    passphrase: Option<String>,
) -> ApiResult<ArchiveSummary> {
    // Kept opened for the restore that follows: decrypted once (issue 14, item 8).
    let path = std::path::Path::new(&path);
    Ok(state.checked_archive.check(path, passphrase.as_deref(), zhibu_core::archive::inspect_archive)?)
}

/// 从归档恢复: verify, stage and check, back up the current data, swap.
#[tauri::command(async)]
pub fn archive_restore(state: State<'_, AppState>, path: String, passphrase: Option<String>) -> ApiResult<RestoreDone> {
    let opened = state.checked_archive.take(std::path::Path::new(&path), passphrase.as_deref())?;
    let prepared = prepare_restore(&opened.dir, state.data_dir())?;
    state.swap_database(|| finish_restore(prepared, state.data_dir()))
}

#[derive(serde::Serialize, ts_rs::TS)]
pub struct BackupList {
    pub backups: Vec<BackupFile>,
    /// Set when the database was found damaged at start and moved aside.
    pub start_check: Option<StartCheck>,
}

#[tauri::command(async)]
pub fn backup_list(state: State<'_, AppState>) -> BackupList {
    BackupList { backups: list_backups(state.data_dir()), start_check: state.start_check.clone() }
}

#[tauri::command(async)]
pub fn backup_now(state: State<'_, AppState>) -> ApiResult<Option<String>> {
    let _store = state.store()?;
    Ok(backup_database(state.data_dir(), "手动")?.map(|p| p.display().to_string()))
}

/// Restores a snapshot from `备份/` (the current data is backed up first).
#[tauri::command(async)]
pub fn backup_restore(state: State<'_, AppState>, path: String) -> ApiResult<RestoreDone> {
    let file = zhibu_core::store::backups::backup_file(state.data_dir(), std::path::Path::new(&path))?;
    let prepared = prepare_backup_restore(&file, state.data_dir())?;
    state.swap_database(|| finish_restore(prepared, state.data_dir()))
}

// ---- 导入花名册 ----

use zhibu_core::import::{import_template, ImportPreview, ImportRequest};

/// Every row of the chosen file with its outcome; nothing is written.
#[tauri::command(async)]
pub fn import_preview(state: State<'_, AppState>, data: String, request: ImportRequest) -> ApiResult<ImportPreview> {
    let bytes = decode_file(&data)?;
    Ok(state.store()?.import_preview(&bytes, &request, state.today())?)
}

/// Writes the rows in one transaction (refused while a row has an error, unless `skip_errors`).
#[tauri::command(async, rename_all = "snake_case")]
pub fn import_apply(
    state: State<'_, AppState>,
    data: String,
    request: ImportRequest,
    skip_errors: bool,
) -> ApiResult<ImportPreview> {
    let bytes = decode_file(&data)?;
    Ok(state.store()?.import_members(&bytes, &request, skip_errors, state.today())?)
}

/// The empty template, into the 导出 folder.
#[tauri::command(async)]
pub fn import_template_export(state: State<'_, AppState>) -> ApiResult<Exported> {
    let bytes = import_template()?;
    let path = zhibu_core::workbook::write_export(&export_dir(&state), "党员花名册导入模板.xlsx", &bytes)?;
    Ok(Exported { path: path.display().to_string(), size: bytes.len() as u64, sheets: vec!["党员花名册".into()] })
}

/// The roster in the import layout (every field), into the 导出 folder.
#[tauri::command(async)]
pub fn roster_export(state: State<'_, AppState>) -> ApiResult<Exported> {
    let store = state.store()?;
    let bytes = store.roster_export()?;
    let name = zhibu_core::import::roster_export_name(&store.branch()?.name, state.today());
    let path = zhibu_core::workbook::write_export(&export_dir(&state), &name, &bytes)?;
    Ok(Exported { path: path.display().to_string(), size: bytes.len() as u64, sheets: vec!["党员花名册".into()] })
}

/// The page has painted its first screen. With `ZHIBU_TIMING=<file>` the
/// milliseconds since the process started are written there once (the
/// cold-start figure in docs/PERFORMANCE.md); otherwise nothing happens.
#[tauri::command(async)]
pub fn ui_ready() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        if let Some(path) = std::env::var_os("ZHIBU_TIMING") {
            let _ = std::fs::write(path, format!("{:.0}", crate::since_start_ms()));
        }
    });
}
