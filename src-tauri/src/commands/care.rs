//! 关怀帮扶: hardship cases, visits and their receipts, the 慰问名单 of a
//! season and the settings (docs/DOMAIN.md §9).

use super::decode_file;
use crate::dto::Choice;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use serde::Serialize;
use tauri::State;
use zhibu_core::care::{
    CareCase, CareCaseForm, CareSettings, CareSetup, CaseActionForm, FundSource, HardshipCategory, Occasion,
    SeasonKind, VisitForm, VisitList, VisitSaved, VisitYear,
};
use zhibu_core::meetings::attachments::Attachment;

/// The 关怀帮扶 page's choices, as the core names them.
#[derive(Serialize, ts_rs::TS)]
pub struct CareChoices {
    pub categories: Vec<Choice>,
    pub occasions: Vec<Choice>,
    pub sources: Vec<Choice>,
}

fn choices<T: Copy>(all: &[T], code: fn(T) -> &'static str, label: fn(T) -> &'static str) -> Vec<Choice> {
    all.iter().map(|v| Choice { value: code(*v), label: label(*v) }).collect()
}

#[tauri::command(async)]
pub fn care_choices() -> CareChoices {
    CareChoices {
        categories: choices(HardshipCategory::ALL, HardshipCategory::code, HardshipCategory::label),
        occasions: choices(Occasion::ALL, Occasion::code, Occasion::label),
        sources: choices(FundSource::ALL, FundSource::code, FundSource::label),
    }
}

#[tauri::command(async)]
pub fn care_cases(state: State<'_, AppState>) -> ApiResult<Vec<CareCase>> {
    Ok(state.store()?.care_cases()?)
}

#[tauri::command(async)]
pub fn care_case_create(state: State<'_, AppState>, form: CareCaseForm) -> ApiResult<CareCase> {
    Ok(state.store()?.create_care_case(&form, state.today())?)
}

#[tauri::command(async)]
pub fn care_case_review(state: State<'_, AppState>, id: i64, form: CaseActionForm) -> ApiResult<CareCase> {
    Ok(state.store()?.review_care_case(id, &form, state.today())?)
}

#[tauri::command(async)]
pub fn care_case_close(state: State<'_, AppState>, id: i64, form: CaseActionForm) -> ApiResult<CareCase> {
    Ok(state.store()?.close_care_case(id, &form, state.today())?)
}

#[tauri::command(async)]
pub fn care_visits(state: State<'_, AppState>, year: i32) -> ApiResult<VisitYear> {
    Ok(state.store()?.care_visit_year(year)?)
}

#[tauri::command(async)]
pub fn care_visit_create(state: State<'_, AppState>, form: VisitForm) -> ApiResult<VisitSaved> {
    Ok(state.store()?.create_care_visit(&form, state.today())?)
}

#[tauri::command(async)]
pub fn care_visit_delete(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    Ok(state.store()?.delete_care_visit(id)?)
}

/// The 慰问名单 of a season (`spring` or `july1`): the one holding today, or the next.
#[tauri::command(async)]
pub fn care_visit_list(state: State<'_, AppState>, season: String) -> ApiResult<VisitList> {
    let kind = SeasonKind::parse(&season).ok_or_else(|| ApiError {
        code: zhibu_core::Code::Validation,
        message: "慰问名单只有元旦春节（spring）和七一（july1）两种".into(),
        fields: None,
    })?;
    Ok(state.store()?.visit_list(kind, state.today())?)
}

#[tauri::command(async)]
pub fn care_settings_get(state: State<'_, AppState>) -> ApiResult<CareSetup> {
    Ok(state.store()?.care_setup()?)
}

#[tauri::command(async)]
pub fn care_settings_save(state: State<'_, AppState>, settings: CareSettings) -> ApiResult<CareSetup> {
    let mut store = state.store()?;
    store.save_care_settings(&settings)?;
    Ok(store.care_setup()?)
}

/// A visit's receipts.
#[tauri::command(async)]
pub fn care_attachments(state: State<'_, AppState>, id: i64) -> ApiResult<Vec<Attachment>> {
    Ok(state.store()?.care_attachments(id)?)
}

/// Keeps a receipt (base64 `data`) with the visit.
#[tauri::command(async)]
pub fn care_attach(state: State<'_, AppState>, id: i64, name: String, data: String) -> ApiResult<Attachment> {
    let bytes = decode_file(&data)?;
    Ok(state.store()?.add_care_attachment(id, &name, &bytes)?)
}

#[tauri::command(async)]
pub fn care_detach(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    Ok(state.store()?.remove_care_attachment(id)?)
}

/// A receipt as a `data:` URL the page can show.
#[tauri::command(async)]
pub fn care_attachment_data(state: State<'_, AppState>, id: i64) -> ApiResult<String> {
    let (a, bytes) = state.store()?.care_attachment_bytes(id)?;
    Ok(super::data_url(&a.original_name, &bytes))
}
