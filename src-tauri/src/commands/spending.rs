//! 党费使用 (docs/DOMAIN.md §9): spending, money received back from above,
//! the year's 使用明细 with the balance.

use crate::error::ApiResult;
use crate::state::AppState;
use tauri::State;
use zhibu_core::dues::{Received, ReceivedForm, SpendingForm, SpendingSaved, SpendingYear};

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
