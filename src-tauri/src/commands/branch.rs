//! The app and the branch: 关于, the form choices, 支部信息, the demo branch.

use crate::dto::{AppInfo, Choices};
use crate::error::ApiResult;
use crate::state::AppState;
use tauri::State;
use zhibu_core::branch::{Branch, BranchForm};
use zhibu_core::demo::{clear_demo, DemoCleared, DemoLoaded};

#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> ApiResult<AppInfo> {
    let store = state.store()?;
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION"),
        data_dir: state.data_dir().display().to_string(),
        today: state.today().to_string(),
        member_count: store.member_count()?,
        branch: store.branch()?,
        read_only: state.read_only,
        log_dir: crate::logging::log_dir(state.data_dir()).display().to_string(),
        demo: store.demo_state()?,
    })
}

#[tauri::command(async)]
pub fn choices() -> Choices {
    Choices::get()
}

#[tauri::command(async)]
pub fn branch_get(state: State<'_, AppState>) -> ApiResult<Branch> {
    Ok(state.store()?.branch()?)
}

#[tauri::command(async)]
pub fn branch_save(state: State<'_, AppState>, branch: BranchForm) -> ApiResult<Branch> {
    Ok(state.store()?.save_branch(&branch, state.today())?)
}

#[tauri::command(async)]
pub fn demo_load(state: State<'_, AppState>) -> ApiResult<DemoLoaded> {
    Ok(state.store()?.load_demo(state.today())?)
}

/// 清除示例数据: refused unless only the demo is here; a backup, then a
/// fresh empty database in its place (the store closed around the swap).
#[tauri::command(async)]
pub fn demo_clear(state: State<'_, AppState>) -> ApiResult<DemoCleared> {
    if state.read_only {
        // Swapping would fail and leave the window without its store.
        return Err(zhibu_core::Error::ReadOnly("这个数据文件夹不能写入，示例数据没有清除。".into()).into());
    }
    state.swap_database(|| clear_demo(state.data_dir()))
}

/// The page has painted its first screen. With `ZHIBU_TIMING=<file>` the
/// milliseconds since the process started are written there once (the
/// cold-start figure in docs/PERFORMANCE.md); otherwise nothing happens.
#[tauri::command(async)]
pub fn ui_ready() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        if let Some(path) = std::env::var_os("ZHIBU_TIMING") {
            let _ = std::fs::write(path, format!("{:.0}", crate::since_start_ms()));
        }
    });
}
