//! zhibu: the app. Thin Tauri commands over `zhibu-core`, the window, and a
//! headless CLI in the same binary. No rule and no SQL lives here.

pub mod cli;
pub mod commands;
pub mod dto;
pub mod error;
pub mod logging;
pub mod state;

include!("command_names.rs");

static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Notes when the process started, for the first-paint figure.
pub fn mark_start() {
    let _ = STARTED.set(std::time::Instant::now());
}

/// WebKitGTK defaults for office PCs, unless the user set them: no
/// accelerated compositing (on machines without a usable GPU it only costs
/// memory — about 100 MB less for the web process, measured in
/// docs/PERFORMANCE.md) and no DMA-BUF renderer (blank windows on some
/// graphics drivers and virtual machines). Called first thing in `main`,
/// before any thread exists.
pub fn webkit_defaults() {
    if cfg!(target_os = "linux") {
        for key in ["WEBKIT_DISABLE_COMPOSITING_MODE", "WEBKIT_DISABLE_DMABUF_RENDERER"] {
            if std::env::var_os(key).is_none() {
                std::env::set_var(key, "1");
            }
        }
    }
}

/// Milliseconds since [`mark_start`].
pub fn since_start_ms() -> f64 {
    STARTED.get().map(|t| t.elapsed().as_secs_f64() * 1e3).unwrap_or(0.0)
}

use state::AppState;
use tauri::{Runtime, WebviewUrl, WebviewWindowBuilder};

/// Registers the state and every command on a builder (the real one, or
/// tauri's mock builder in tests).
pub fn setup_builder<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    builder.manage(state).invoke_handler(tauri::generate_handler![
        commands::branch::app_info,
        commands::branch::choices,
        commands::branch::branch_get,
        commands::branch::branch_save,
        commands::branch::demo_load,
        commands::members::group_list,
        commands::members::member_list,
        commands::members::member_get,
        commands::members::member_create,
        commands::members::member_update,
        commands::members::member_delete,
        commands::members::member_restore,
        commands::members::member_change_status,
        commands::members::member_add_transfer,
        commands::members::member_extend_probation,
        commands::members::committee_warnings,
        commands::meetings::meeting_choices,
        commands::meetings::meeting_draft,
        commands::meetings::meeting_check,
        commands::meetings::meeting_for_year,
        commands::meetings::meeting_list,
        commands::meetings::meeting_get,
        commands::meetings::meeting_create,
        commands::meetings::meeting_update,
        commands::meetings::meeting_delete,
        commands::meetings::meeting_calendar,
        commands::meetings::meeting_attendance,
        commands::meetings::talk_coverage,
        commands::meetings::meeting_settings_get,
        commands::meetings::meeting_settings_save,
        commands::meetings::meeting_attach,
        commands::meetings::meeting_detach,
        commands::meetings::attachment_data,
        commands::dues::dues_choices,
        commands::dues::dues_settings_get,
        commands::dues::dues_settings_save,
        commands::dues::dues_amount_preview,
        commands::dues::dues_assess,
        commands::dues::dues_assessments,
        commands::dues::dues_grid,
        commands::dues::dues_pay,
        commands::dues::dues_collect,
        commands::dues::dues_reverse,
        commands::dues::dues_payments,
        commands::dues::dues_arrears,
        commands::dues::dues_remit,
        commands::dues::dues_remittances,
        commands::dues::dues_balance,
        commands::reminders::reminders,
        commands::reminders::reminder_settings_get,
        commands::reminders::reminder_settings_save,
        commands::outputs::ledger_sheets,
        commands::outputs::workbook_export,
        commands::outputs::notice_export,
        commands::outputs::notice_preview,
        commands::outputs::notice_drafts,
        commands::outputs::sheet_export,
        commands::archive::archive_targets,
        commands::archive::archive_start,
        commands::archive::archive_status,
        commands::archive::archive_cancel,
        commands::archive::archive_verify,
        commands::archive::archive_inspect,
        commands::archive::archive_restore,
        commands::archive::backup_list,
        commands::archive::backup_now,
        commands::archive::backup_restore,
        commands::import::import_preview,
        commands::import::import_apply,
        commands::import::import_template_export,
        commands::import::roster_export,
        commands::branch::ui_ready,
    ])
}

/// Opens the window and runs until it is closed.
pub fn run_window(state: AppState) -> Result<(), tauri::Error> {
    let watched = state.holds_lock().then(|| state.data_dir().to_path_buf());
    setup_builder(tauri::Builder::default(), state)
        .setup(move |app| {
            WebviewWindowBuilder::new(app, "main", WebviewUrl::App("index.html".into()))
                .title("支部台账")
                .inner_size(1366.0, 768.0)
                .min_inner_size(1024.0, 640.0)
                .build()?;
            if let Some(dir) = watched {
                come_forward_when_started_again(app.handle().clone(), &dir);
            }
            Ok(())
        })
        .run(tauri::generate_context!())
}

/// The secretary starts the app again while its window is open (hidden
/// behind WPS, or minimised): the open window comes forward and says so,
/// and the second start ends (issue 14, item 5; `DataLock` in the core).
fn come_forward_when_started_again<R: Runtime>(app: tauri::AppHandle<R>, data_dir: &std::path::Path) {
    use tauri::Manager;
    let requests = zhibu_core::store::lock::ShowRequests::watch(data_dir);
    std::thread::spawn(move || loop {
        std::thread::sleep(std::time::Duration::from_millis(300));
        if requests.take() {
            if let Some(w) = app.get_webview_window("main") {
                let _ = w.unminimize();
                let _ = w.show();
                let _ = w.set_focus();
                // A page event, not an IPC one: the capability stays as it is.
                let _ = w.eval("window.dispatchEvent(new Event('zhibu-shown-again'))");
            }
        }
    });
}
