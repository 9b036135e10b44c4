//! 草稿 of long forms (core `drafts.rs`), and closing the window once the
//! page has asked about unsaved typing (`lib.rs` holds the first close).

use crate::error::ApiResult;
use crate::state::AppState;
use tauri::{Runtime, State, WebviewWindow};
use zhibu_core::drafts::{clear_draft, load_draft, save_draft, Draft};

#[tauri::command(async)]
pub fn draft_get(state: State<'_, AppState>, key: String) -> ApiResult<Option<Draft>> {
    Ok(load_draft(state.data_dir(), &key)?)
}

#[tauri::command(async)]
pub fn draft_save(state: State<'_, AppState>, key: String, body: String) -> ApiResult<()> {
    Ok(save_draft(state.data_dir(), &key, &body)?)
}

#[tauri::command(async)]
pub fn draft_clear(state: State<'_, AppState>, key: String) -> ApiResult<()> {
    Ok(clear_draft(state.data_dir(), &key)?)
}

/// The page has nothing unsaved, or she chose to leave it: the window closes.
#[tauri::command]
pub fn window_close<R: Runtime>(window: WebviewWindow<R>) {
    if let Err(e) = window.destroy() {
        tracing::warn!("close: {e}");
    }
}
