//! After an export or a backup: 打开 (the system's program: WPS, Excel),
//! 打开所在文件夹 and 另存为…. The page names the file by the path the core
//! returned for it; `openable_file` in the core refuses anything but an
//! export or a backup before the opener or dialog plugin is used, from
//! Rust only (the page is granted none of their permissions).

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use std::path::Path;
use tauri::{Runtime, State, WebviewWindow};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;
use zhibu_core::export::{list_exports, openable_file, save_export_as, ExportFile};
use zhibu_core::stick::{copy_to_stick, removable_targets, CopyReport};
use zhibu_core::Code;

/// Opens an export with the program the system opens such files with.
#[tauri::command(async)]
pub fn export_open<R: Runtime>(window: WebviewWindow<R>, state: State<'_, AppState>, path: String) -> ApiResult<()> {
    let file = openable_file(state.data_dir(), Path::new(&path))?;
    window.opener().open_path(file.to_string_lossy(), None::<&str>).map_err(|e| {
        tracing::warn!("open: {e}");
        not_opened(
            "没能用本机的程序打开这个文件。请确认本机装有 WPS（表格和 PDF 都能打开）；也可以点“打开所在文件夹”，再双击这个文件。",
        )
    })
}

/// Shows the export in its folder, the file selected where the system can
/// (Explorer; a file manager that answers FileManager1 on D-Bus); else the
/// folder is opened as it is (a UOS or Kylin file manager that does not).
#[tauri::command(async)]
pub fn export_reveal<R: Runtime>(window: WebviewWindow<R>, state: State<'_, AppState>, path: String) -> ApiResult<()> {
    let file = openable_file(state.data_dir(), Path::new(&path))?;
    let opener = window.opener();
    opener
        .reveal_item_in_dir(&file)
        .or_else(|e| {
            tracing::warn!("reveal: {e}");
            let folder = file.parent().unwrap_or(&file);
            opener.open_path(folder.to_string_lossy(), None::<&str>)
        })
        .map_err(|e| {
            tracing::warn!("open folder: {e}");
            not_opened("没能打开文件所在的文件夹。请重试；如果一直不行，请联系技术支持。")
        })
}

/// 另存为…: the native save dialog, starting on a plugged-in stick when
/// there is one, with the file's name filled in; the chosen place is
/// written by the core (refused inside the data folder). `None` when the
/// secretary closed the dialog.
#[tauri::command(async)]
pub fn export_save_as<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    path: String,
) -> ApiResult<Option<String>> {
    let file = openable_file(state.data_dir(), Path::new(&path))?;
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut dialog = window.dialog().file().set_title("另存为").set_file_name(&name).set_parent(&window);
    if let Some(ext) = file.extension().and_then(|e| e.to_str()) {
        dialog = dialog.add_filter(if ext == "xlsx" { "Excel 表格" } else { "备份文件" }, &[ext]);
    }
    if let Some(stick) = removable_targets().into_iter().next() {
        dialog = dialog.set_directory(stick.path);
    }
    // Blocks this worker thread, not the window's (an async command).
    let Some(chosen) = dialog.blocking_save_file() else { return Ok(None) };
    let dest = chosen.into_path().map_err(|_| not_opened("选择的位置不是本机上的文件夹，请另选一个位置。"))?;
    Ok(Some(save_export_as(state.data_dir(), &file, &dest)?.display().to_string()))
}

/// A native folder picker (选择保存位置), starting on the first stick when
/// one is plugged in. `None` when the secretary closed it.
#[tauri::command(async)]
pub fn pick_folder<R: Runtime>(window: WebviewWindow<R>) -> ApiResult<Option<String>> {
    let mut dialog = window.dialog().file().set_title("选择保存位置").set_parent(&window);
    if let Some(stick) = removable_targets().into_iter().next() {
        dialog = dialog.set_directory(stick.path);
    }
    // Blocks this worker thread, not the window's (an async command).
    let Some(chosen) = dialog.blocking_pick_folder() else { return Ok(None) };
    let dir = chosen.into_path().map_err(|_| not_opened("选择的位置不是本机上的文件夹，请另选一个位置。"))?;
    Ok(Some(dir.display().to_string()))
}

/// The exports in 导出/, newest first (what 复制到U盘 offers).
#[tauri::command(async)]
pub fn export_list(state: State<'_, AppState>) -> ApiResult<Vec<ExportFile>> {
    Ok(list_exports(state.data_dir())?)
}

/// 复制到U盘: the chosen exports into 「<支部名><年>年台账」 on `dest`,
/// checked by SHA-256, all or nothing (the core's `copy_to_stick`).
#[tauri::command(async)]
pub fn export_copy_to_stick(state: State<'_, AppState>, paths: Vec<String>, dest: String) -> ApiResult<CopyReport> {
    use chrono::Datelike;
    let branch = state.store()?.branch()?.name;
    let files: Vec<std::path::PathBuf> = paths.iter().map(Into::into).collect();
    Ok(copy_to_stick(state.data_dir(), &files, Path::new(&dest), &branch, state.today().year())?)
}

fn not_opened(message: &str) -> ApiError {
    ApiError { code: Code::Io, message: message.into(), fields: None }
}
