//! zhibu: the app. Thin Tauri commands over `zhibu-core`, the window, and a
//! headless CLI in the same binary. No rule and no SQL lives here.

#[cfg(test)]
mod bindings;
pub mod cli;
pub mod commands;
pub mod dto;
pub mod error;
#[cfg(test)]
mod fixtures;
pub mod logging;
mod pdf;
pub mod print_job;
pub mod state;
pub mod window;

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
/// graphics drivers and virtual machines), and JavaScriptCore sizing its
/// heap as if the machine had 256 MB (`JSC_forceRAMSize`): it then collects
/// garbage sooner instead of growing towards a share of the whole memory —
/// after every screen of a 500-member branch the web process held 199 MB of
/// anonymous memory instead of 322 (docs/PERFORMANCE.md). Called first thing
/// in `main`, before any thread exists.
pub fn webkit_defaults() {
    if cfg!(target_os = "linux") {
        for (key, value) in WEBKIT_DEFAULTS {
            if std::env::var_os(key).is_none() {
                std::env::set_var(key, value);
            }
        }
    }
}

/// What [`webkit_defaults`] sets when the user has not.
pub const WEBKIT_DEFAULTS: [(&str, &str); 3] = [
    ("WEBKIT_DISABLE_COMPOSITING_MODE", "1"),
    ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
    ("JSC_forceRAMSize", "268435456"),
];

/// Milliseconds since [`mark_start`].
pub fn since_start_ms() -> f64 {
    STARTED.get().map(|t| t.elapsed().as_secs_f64() * 1e3).unwrap_or(0.0)
}

use state::AppState;
use tauri::{Runtime, WebviewUrl, WebviewWindowBuilder};

/// `tauri::generate_handler!` over the list in `command_names.rs`.
macro_rules! invoke_handler {
    ($($module:ident :: $name:ident,)*) => {
        tauri::generate_handler![$(commands::$module::$name),*]
    };
}

/// Registers the state and every command on a builder (the real one, or
/// tauri's mock builder in tests).
pub fn setup_builder<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    // The opener and dialog plugins serve our own commands (commands/files.rs)
    // from Rust; the capability grants the page none of their permissions.
    builder
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .manage(print_job::PrintJob::default())
        .invoke_handler(for_each_command!(invoke_handler))
}

/// The hidden window of a command-line PDF (`print_job.rs`): the same
/// commands, only the job's state (its page asks for nothing else).
pub(crate) fn print_job_app(
    job: print_job::PrintJob,
    setup: impl FnOnce(&mut tauri::App) -> Result<(), Box<dyn std::error::Error>> + Send + 'static,
) -> Result<tauri::App, tauri::Error> {
    tauri::Builder::default()
        .manage(job)
        .invoke_handler(for_each_command!(invoke_handler))
        .setup(setup)
        .build(context())
}

/// The app's configuration and its embedded page, once for both windows.
fn context() -> tauri::Context {
    tauri::generate_context!()
}

/// Opens the window and runs until it is closed.
pub fn run_window(state: AppState, page: Option<String>) -> Result<(), tauri::Error> {
    let watched = state.holds_lock().then(|| state.data_dir().to_path_buf());
    let data_dir = state.data_dir().to_path_buf();
    setup_builder(tauri::Builder::default(), state)
        .setup(move |app| {
            // Fitted to the screen it opens on, or as she left it (window.rs).
            let screen = app.primary_monitor().ok().flatten().map(|m| {
                let size = m.size().to_logical::<f64>(m.scale_factor());
                (size.width, size.height)
            });
            let place = window::placement(window::load(&data_dir), screen);
            let url = page.map_or_else(|| "index.html".to_string(), |p| format!("index.html#{p}"));
            let main = WebviewWindowBuilder::new(app, "main", WebviewUrl::App(url.into()))
                .title("支部台账")
                .inner_size(place.width, place.height)
                .min_inner_size(window::MIN.0, window::MIN.1)
                .maximized(place.maximized)
                .build()?;
            let remembered = data_dir.clone();
            let handle = main.clone();
            // Closing asks the page first (unsaved typing: "离开这一页？"); the
            // page closes the window itself (`window_close`). A page that does
            // not answer cannot keep the window open: a second close within
            // a few seconds closes it.
            let asked: std::sync::Mutex<Option<std::time::Instant>> = std::sync::Mutex::new(None);
            main.on_window_event(move |event| {
                if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                    let maximized = handle.is_maximized().unwrap_or(false);
                    let scale = handle.scale_factor().unwrap_or(1.0);
                    if let Ok(size) = handle.inner_size() {
                        let size = size.to_logical::<f64>(scale);
                        window::save(&remembered, window::Saved { width: size.width, height: size.height, maximized });
                    }
                    let mut last = asked.lock().unwrap_or_else(|p| p.into_inner());
                    let again = last.is_some_and(|t| t.elapsed() < std::time::Duration::from_secs(5));
                    if !again {
                        *last = Some(std::time::Instant::now());
                        api.prevent_close();
                        // A page event, not an IPC one: the capability stays as it is.
                        let _ = handle.eval("window.dispatchEvent(new Event('zhibu-close-requested'))");
                    }
                }
            });
            if let Some(dir) = watched {
                come_forward_when_started_again(app.handle().clone(), &dir);
            }
            Ok(())
        })
        .run(context())
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
