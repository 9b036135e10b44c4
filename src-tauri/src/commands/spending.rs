//! 党费使用 (docs/DOMAIN.md §9): spending, money received back from above,
//! the year's 使用明细 with the balance.

use crate::error::ApiResult;
use crate::state::AppState;
use tauri::State;
use zhibu_core::dues::{Received, ReceivedForm, SpendingForm, SpendingSaved, SpendingYear};
use zhibu_core::meetings::attachments::Attachment;

#[tauri::command(async)]
pub fn dues_spending_year(state: State<'_, AppState>, year: i32) -> ApiResult<SpendingYear> {
    Ok(state.store()?.spending_year(year)?)
}

/// Saved even when the 可用结余 goes below zero; then with a warning.
#[tauri::command(async)]
pub fn dues_spend(state: State<'_, AppState>, input: SpendingForm) -> ApiResult<SpendingSaved> {
    Ok(state.store()?.record_spending(&input, state.today())?)
}

#[tauri::command(async)]
pub fn dues_spend_update(state: State<'_, AppState>, id: i64, input: SpendingForm) -> ApiResult<SpendingSaved> {
    Ok(state.store()?.update_spending(id, &input, state.today())?)
}

#[tauri::command(async)]
pub fn dues_spend_delete(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    Ok(state.store()?.delete_spending(id)?)
}

#[tauri::command(async)]
pub fn dues_receive(state: State<'_, AppState>, input: ReceivedForm) -> ApiResult<Received> {
    Ok(state.store()?.record_received(&input, state.today())?)
}

#[tauri::command(async)]
pub fn dues_receive_update(state: State<'_, AppState>, id: i64, input: ReceivedForm) -> ApiResult<Received> {
    Ok(state.store()?.update_received(id, &input, state.today())?)
}

#[tauri::command(async)]
pub fn dues_receive_delete(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    Ok(state.store()?.delete_received(id)?)
}

/// A spending's receipt scans.
#[tauri::command(async)]
pub fn dues_spend_attachments(state: State<'_, AppState>, id: i64) -> ApiResult<Vec<Attachment>> {
    Ok(state.store()?.spending_attachments(id)?)
}

/// Keeps a receipt scan (base64 `data`) with the spending.
#[tauri::command(async)]
pub fn dues_spend_attach(state: State<'_, AppState>, id: i64, name: String, data: String) -> ApiResult<Attachment> {
    let bytes = super::decode_file(&data)?;
    Ok(state.store()?.add_spending_attachment(id, &name, &bytes)?)
}

#[tauri::command(async)]
pub fn dues_spend_detach(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    Ok(state.store()?.remove_spending_attachment(id)?)
}

/// A receipt scan as a `data:` URL the page can show.
#[tauri::command(async)]
pub fn dues_spend_attachment_data(state: State<'_, AppState>, id: i64) -> ApiResult<String> {
    let (a, bytes) = state.store()?.spending_attachment_bytes(id)?;
    Ok(super::data_url(&a.original_name, &bytes))
}
