//! 导入花名册: preview and import a roster file, the empty template, and the
//! roster exported in the import layout.

use super::{decode_file, export_dir};
use crate::error::ApiResult;
use crate::state::AppState;
use tauri::State;
use zhibu_core::import::{import_template, ImportPreview, ImportRequest};
use zhibu_core::workbook::Exported;

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
