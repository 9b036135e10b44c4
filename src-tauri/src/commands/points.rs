//! 积分: the rule set in use (import, export, on/off), a year's points and
//! entered points (docs/DOMAIN.md §9.5).

use super::{decode_file, export_dir};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use tauri::State;
use zhibu_core::points::{PointsEntry, PointsEntryForm, PointsRules, PointsYear};
use zhibu_core::workbook::Exported;

#[tauri::command(async)]
pub fn points_rules(state: State<'_, AppState>) -> ApiResult<PointsRules> {
    Ok(state.store()?.points_rules()?)
}

/// A chosen rule file (base64, as the page read it); a new version.
#[tauri::command(async)]
pub fn points_rules_import(state: State<'_, AppState>, data: String) -> ApiResult<PointsRules> {
    let bytes = decode_file(&data)?;
    let text = String::from_utf8(bytes).map_err(|_| ApiError {
        code: zhibu_core::Code::ImportFailed,
        message: "积分规则文件不是 UTF-8 文本的 JSON 文件，请检查文件后重新导入。".into(),
        fields: None,
    })?;
    Ok(state.store()?.import_points_rules(&text, state.today())?)
}

/// The rule set in use, into the 导出 folder as JSON.
#[tauri::command(async)]
pub fn points_rules_export(state: State<'_, AppState>) -> ApiResult<Exported> {
    let store = state.store()?;
    let json = store.export_points_rules()?;
    let name = zhibu_core::export::safe_file_name(&format!(
        "{}积分规则{}.json",
        store.branch()?.name,
        state.today().format("%Y%m%d")
    ));
    let path = zhibu_core::workbook::write_export(&export_dir(&state), &name, json.as_bytes())?;
    Ok(Exported { path: path.display().to_string(), size: json.len() as u64, sheets: vec![] })
}

#[tauri::command(async)]
pub fn points_rules_enable(state: State<'_, AppState>, enabled: bool) -> ApiResult<PointsRules> {
    Ok(state.store()?.set_points_enabled(enabled, state.today())?)
}

#[tauri::command(async)]
pub fn points_year(state: State<'_, AppState>, year: i32) -> ApiResult<PointsYear> {
    Ok(state.store()?.points_year(year)?)
}

#[tauri::command(async)]
pub fn points_entries(state: State<'_, AppState>, year: i32) -> ApiResult<Vec<PointsEntry>> {
    Ok(state.store()?.points_entries(year)?)
}

#[tauri::command(async)]
pub fn points_entry_create(state: State<'_, AppState>, form: PointsEntryForm) -> ApiResult<PointsEntry> {
    Ok(state.store()?.add_points_entry(&form, state.today())?)
}

#[tauri::command(async)]
pub fn points_entry_delete(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    Ok(state.store()?.delete_points_entry(id)?)
}
