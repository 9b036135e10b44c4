//! 打印 in the real window opens the system's print dialog. Not through
//! WebDriver (its automation session answers print requests itself, and no
//! dialog appears there): the app is started as the secretary starts it,
//! opened at the 党费收缴情况公示 page (the hidden `--open-page` flag: the
//! pages above it change their layout, its header does not), and xdotool
//! clicks 打印 — the header's rightmost button — as she would, then looks
//! for the GTK print dialog's window. Needs the X display that
//! tests/run-e2e.sh starts (Xvfb, 1366×768, no window manager: the window
//! opens at 0,0).

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use zhibu_e2e::app_binary;
use zhibu_e2e::paper::run;

/// The app, ended with the test whatever happens.
struct App(Child);

impl Drop for App {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn xdotool(args: &[&str]) -> Option<String> {
    let out = Command::new("xdotool").args(args).stderr(Stdio::null()).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (out.status.success() && !text.is_empty()).then_some(text)
}

/// The first window whose name matches `pattern`, waiting up to `secs`.
fn window(pattern: &str, secs: u64) -> Option<String> {
    let until = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < until {
        if let Some(ids) = xdotool(&["search", "--onlyvisible", "--name", pattern]) {
            return ids.lines().next().map(str::to_string);
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    None
}

fn click(window: &str, x: u32, y: u32) {
    let (x, y) = (x.to_string(), y.to_string());
    xdotool(&["mousemove", "--window", window, &x, &y, "click", "1"]);
}

#[test]
fn pressing_print_in_the_real_window_opens_the_print_dialog() {
    assert!(std::env::var_os("DISPLAY").is_some(), "run through tests/run-e2e.sh (it starts Xvfb)");
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let global = ["--data-dir", data.to_str().unwrap(), "--today", "2026-11-27"];
    run(Command::new(app_binary()).args(global).args(["demo", "load"]));
    let _app = App(Command::new(app_binary())
        .args(global)
        .args(["--open-page", "/dues/notice"])
        .env_remove("TAURI_WEBVIEW_AUTOMATION")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap());
    let main = window("^支部台账$", 30).expect("the app's window opens");
    // The page may still be loading at the first clicks: try the path again
    // until the dialog shows (three times at most).
    let mut dialog = None;
    for _ in 0..3 {
        std::thread::sleep(Duration::from_secs(3));
        // The demo's banner (44 px, 现在显示的是示例支部) sits above every page.
        click(&main, 1310, 36 + 44); // 打印, the page's rightmost button
        dialog = window("^(Print|打印)$", 10);
        if dialog.is_some() {
            break;
        }
    }
    let dialog = dialog.expect("打印 opened the system print dialog");
    let name = xdotool(&["getwindowname", &dialog]).unwrap_or_default();
    assert!(name == "Print" || name == "打印", "{name}");
    if let Some(shots) = std::env::var_os("ZHIBU_SHOTS") {
        std::thread::sleep(Duration::from_millis(1500));
        let _ = Command::new("import")
            .args(["-window", "root"])
            .arg(std::path::Path::new(&shots).join("print-dialog.png"))
            .status();
    }
}
