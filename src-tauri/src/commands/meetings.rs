//! 组织生活: meeting records, the year's calendar, attendance, talks,
//! attachments.

use super::decode_file;
use crate::dto::{Calendar, ForYear, MeetingChoices, MeetingDetail, MeetingDraft, MeetingQuery, MeetingRow};
use crate::error::ApiResult;
use crate::state::AppState;
use tauri::State;
use zhibu_core::meetings::attachments::Attachment;
use zhibu_core::meetings::{
    MeetingForm, MeetingKind, MeetingRecord, MeetingSettings, MeetingSettingsForm, MemberAttendance, QuorumReport,
    TalkCoverage,
};
use zhibu_core::Store;

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
) -> ApiResult<MeetingDraft> {
    let store = state.store()?;
    let form = store.meeting_draft(&kind, date.as_deref().unwrap_or(""), group_id, state.today())?;
    let quorum = store.check_meeting(&form, state.today())?;
    Ok(MeetingDraft { form, quorum })
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

/// A record with its attachments and history, as the detail page (and
/// `zhibu meeting show --json`) shows it.
pub(crate) fn meeting_detail(store: &Store, m: MeetingRecord) -> zhibu_core::Result<MeetingDetail> {
    let (attachments, history) = (store.attachments(m.id)?, store.meeting_history(m.id)?);
    Ok(MeetingDetail::new(m, attachments, history))
}

#[tauri::command(async)]
pub fn meeting_get(state: State<'_, AppState>, id: i64) -> ApiResult<MeetingDetail> {
    let store = state.store()?;
    Ok(meeting_detail(&store, store.meeting(id)?)?)
}

#[tauri::command(async)]
pub fn meeting_create(state: State<'_, AppState>, input: MeetingForm) -> ApiResult<MeetingDetail> {
    let mut store = state.store()?;
    let m = store.create_meeting(&input, state.today())?;
    Ok(meeting_detail(&store, m)?)
}

#[tauri::command(async)]
pub fn meeting_update(state: State<'_, AppState>, id: i64, input: MeetingForm) -> ApiResult<MeetingDetail> {
    let mut store = state.store()?;
    let m = store.update_meeting(id, &input, state.today())?;
    Ok(meeting_detail(&store, m)?)
}

#[tauri::command(async)]
pub fn meeting_delete(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    Ok(state.store()?.delete_meeting(id)?)
}

#[tauri::command(async)]
pub fn meeting_calendar(state: State<'_, AppState>, year: i32) -> ApiResult<Calendar> {
    Ok(state.store()?.meeting_calendar(year, state.today())?)
}

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

/// Adds a photo or scan the page read from a file the user picked (sent as
/// base64, decoded and written here, in Rust).
#[tauri::command(async)]
pub fn meeting_attach(state: State<'_, AppState>, id: i64, name: String, data: String) -> ApiResult<Attachment> {
    let bytes = decode_file(&data)?;
    Ok(state.store()?.add_attachment(id, &name, &bytes)?)
}

#[tauri::command(async)]
pub fn meeting_detach(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    Ok(state.store()?.remove_attachment(id)?)
}

/// An attachment as a `data:` URL the page can show (CSP allows `img-src data:`).
#[tauri::command(async)]
pub fn attachment_data(state: State<'_, AppState>, id: i64) -> ApiResult<String> {
    let (a, bytes) = state.store()?.attachment_bytes(id)?;
    Ok(super::data_url(&a.original_name, &bytes))
}
