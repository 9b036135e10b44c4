//! 台账与公示: the year's workbook, one sheet, the notices.

use super::export_dir;
use crate::dto::NoticeDrafts;
use crate::error::ApiResult;
use crate::state::AppState;
use tauri::State;
use zhibu_core::notices::{Notice, NoticeRequest, NoticeTerms};
use zhibu_core::workbook::Exported;

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

/// What the notice forms start from.
#[tauri::command(async)]
pub fn notice_drafts(state: State<'_, AppState>) -> ApiResult<NoticeDrafts> {
    let store = state.store()?;
    Ok(NoticeDrafts {
        terms: store.notice_terms_draft(state.today())?,
        party_day: store.party_day_draft(state.today())?,
        party_day_terms: store.party_day_terms_draft(state.today())?,
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

/// One person's 发展党员全程纪实表 (.xlsx, A4 portrait, ID number masked) into 导出.
#[tauri::command(async)]
pub fn recruit_record_export(state: State<'_, AppState>, id: i64) -> ApiResult<Exported> {
    Ok(state.store()?.export_recruit_record(id, state.today(), &export_dir(&state))?)
}
