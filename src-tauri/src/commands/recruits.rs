//! 发展党员: the people on the way to membership, their steps, documents
//! and 公示; the local settings, the 指导性计划 and the holiday table.

use super::decode_file;
use crate::error::ApiResult;
use crate::state::AppState;
use chrono::NaiveDate;
use tauri::State;
use zhibu_core::meetings::attachments::Attachment;
use zhibu_core::recruits::{
    rules, CalendarDay, Finding, PlanCount, RecruitAttachment, RecruitFile, RecruitForm, RecruitReminder,
    RecruitSettings, RecruitSetup, RecruitSummary, RuleSet, StepForm, StepSaved,
};

/// The rule set in force today: steps, stages, intervals and their basis.
#[tauri::command(async)]
pub fn recruit_rules(state: State<'_, AppState>) -> RuleSet {
    rules::rule_set_for(state.today()).clone()
}

#[tauri::command(async)]
pub fn recruit_list(state: State<'_, AppState>) -> ApiResult<Vec<RecruitSummary>> {
    Ok(state.store()?.recruits()?)
}

#[tauri::command(async)]
pub fn recruit_get(state: State<'_, AppState>, id: i64) -> ApiResult<RecruitFile> {
    Ok(state.store()?.recruit(id)?)
}

#[tauri::command(async)]
pub fn recruit_create(state: State<'_, AppState>, form: RecruitForm) -> ApiResult<RecruitFile> {
    Ok(state.store()?.create_recruit(&form, state.today())?)
}

#[tauri::command(async)]
pub fn recruit_update(state: State<'_, AppState>, id: i64, form: RecruitForm) -> ApiResult<RecruitFile> {
    Ok(state.store()?.update_recruit(id, &form, state.today())?)
}

/// What the rules say of a step as typed, before it is saved.
#[tauri::command(async)]
pub fn recruit_step_check(state: State<'_, AppState>, id: i64, form: StepForm) -> ApiResult<Vec<Finding>> {
    Ok(state.store()?.check_recruit_step(id, &form, state.today())?)
}

#[tauri::command(async)]
pub fn recruit_step_record(state: State<'_, AppState>, id: i64, form: StepForm) -> ApiResult<StepSaved> {
    Ok(state.store()?.record_recruit_step(id, &form, state.today())?)
}

#[tauri::command(async)]
pub fn recruit_step_delete(state: State<'_, AppState>, id: i64, step_id: i64) -> ApiResult<RecruitFile> {
    Ok(state.store()?.delete_recruit_step(id, step_id)?)
}

#[tauri::command(async)]
pub fn recruit_stop(
    state: State<'_, AppState>,
    id: i64,
    reason: String,
    date: String,
    note: String,
) -> ApiResult<RecruitFile> {
    Ok(state.store()?.stop_recruit(id, &reason, &date, &note, state.today())?)
}

#[tauri::command(async)]
pub fn recruit_doc_set(
    state: State<'_, AppState>,
    id: i64,
    doc: String,
    received_on: String,
    number: String,
) -> ApiResult<RecruitFile> {
    Ok(state.store()?.set_recruit_doc(id, &doc, &received_on, &number, state.today())?)
}

/// Records the 公示 period of one point for one person.
#[tauri::command(async)]
pub fn recruit_notice_record(
    state: State<'_, AppState>,
    id: i64,
    point: String,
    from: String,
    to: String,
) -> ApiResult<RecruitFile> {
    Ok(state.store()?.record_recruit_notice(id, &point, &from, &to, state.today())?)
}

/// The last day of a 公示 starting on `from`, by the branch's working days.
#[tauri::command(async)]
pub fn recruit_notice_end(state: State<'_, AppState>, from: NaiveDate) -> ApiResult<NaiveDate> {
    Ok(state.store()?.recruit_notice_end(from, state.today())?)
}

#[tauri::command(async)]
pub fn recruit_reminders(state: State<'_, AppState>) -> ApiResult<Vec<RecruitReminder>> {
    Ok(state.store()?.recruit_reminders(state.today())?)
}

#[tauri::command(async)]
pub fn recruit_settings_get(state: State<'_, AppState>) -> ApiResult<RecruitSetup> {
    Ok(state.store()?.recruit_settings(state.today())?)
}

#[tauri::command(async)]
pub fn recruit_settings_save(state: State<'_, AppState>, settings: RecruitSettings) -> ApiResult<RecruitSetup> {
    Ok(state.store()?.save_recruit_settings(&settings, state.today())?)
}

#[tauri::command(async)]
pub fn recruit_plan_get(state: State<'_, AppState>, year: i32) -> ApiResult<PlanCount> {
    Ok(state.store()?.recruit_plan(year)?)
}

#[tauri::command(async)]
pub fn recruit_plan_set(state: State<'_, AppState>, year: i32, count: Option<u32>) -> ApiResult<PlanCount> {
    Ok(state.store()?.set_recruit_plan(year, count)?)
}

#[tauri::command(async)]
pub fn calendar_days_get(state: State<'_, AppState>, year: i32) -> ApiResult<Vec<CalendarDay>> {
    Ok(state.store()?.calendar_days(year)?)
}

#[tauri::command(async)]
pub fn calendar_days_save(
    state: State<'_, AppState>,
    year: i32,
    days: Vec<CalendarDay>,
) -> ApiResult<Vec<CalendarDay>> {
    Ok(state.store()?.save_calendar_days(year, &days)?)
}

/// The person's scans, each with its step.
#[tauri::command(async)]
pub fn recruit_attachments(state: State<'_, AppState>, id: i64) -> ApiResult<Vec<RecruitAttachment>> {
    Ok(state.store()?.recruit_attachments(id)?)
}

/// Keeps a scan (base64 `data`) with the person and the step.
#[tauri::command(async)]
pub fn recruit_attach(
    state: State<'_, AppState>,
    id: i64,
    step_id: Option<i64>,
    name: String,
    data: String,
) -> ApiResult<Attachment> {
    let bytes = decode_file(&data)?;
    Ok(state.store()?.add_recruit_attachment(id, step_id, &name, &bytes)?)
}

#[tauri::command(async)]
pub fn recruit_detach(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    Ok(state.store()?.remove_recruit_attachment(id)?)
}

/// A scan as a `data:` URL the page can show.
#[tauri::command(async)]
pub fn recruit_attachment_data(state: State<'_, AppState>, id: i64) -> ApiResult<String> {
    let (a, bytes) = state.store()?.recruit_attachment_bytes(id)?;
    Ok(super::data_url(&a.original_name, &bytes))
}

/// 来源, 终止原因 and the documents, with their codes and labels.
#[tauri::command(async)]
pub fn recruit_choices() -> crate::dto::RecruitChoices {
    crate::dto::RecruitChoices::get()
}

/// The 发展党员 record that made this member file, if any.
#[tauri::command(async)]
pub fn recruit_of_member(state: State<'_, AppState>, member_id: i64) -> ApiResult<Option<i64>> {
    Ok(state.store()?.recruit_of_member(member_id)?)
}
