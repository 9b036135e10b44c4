//! The JSON the page's Vitest tests read as the core's answers, written by
//! the commands themselves into `ui/tests/fixtures/*.json`.
//!
//! Each file is what one command returns, called as the window calls it: on
//! a store in a temporary folder with the demo branch loaded (`demo_load`),
//! on a fixed day, so the files do not change from one run to the next. The
//! files are committed; the test below regenerates them and fails on any
//! difference, so a changed answer cannot leave the UI tests testing a shape
//! the core no longer gives. After changing one:
//! `ZHIBU_BLESS=1 cargo test -p zhibu --lib fixtures` rewrites them, then
//! `npx vitest run` in ui/ shows every test that must follow.

use std::path::Path;

use serde::Serialize;
use tauri::test::{mock_builder, mock_context, noop_assets, MockRuntime};
use tauri::Manager;

use crate::commands::{branch, dues, meetings, recruits, reminders};
use crate::state::AppState;

/// Relative to the app crate (`src-tauri/`).
const DIR: &str = "../ui/tests/fixtures";

/// The day the demo is loaded and every answer computed: the "today" of
/// the UI tests' fake core (`appInfo()` in ui/tests/helpers.ts).
const TODAY: (i32, u32, u32) = (2026, 11, 27);

/// The demo's year.
const YEAR: i32 = 2026;

/// Every fixture, by file name, as pretty-printed JSON.
fn fixtures() -> Vec<(&'static str, String)> {
    let dir = tempfile::tempdir().unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2);
    let state = AppState::open(dir.path().to_path_buf(), today);
    let app = crate::setup_builder(mock_builder(), state).build(mock_context(noop_assets())).unwrap();
    let app: &tauri::App<MockRuntime> = &app;
    branch::demo_load(app.state()).unwrap();

    let out = vec![
        ("choices.json", json(&branch::choices())),
        ("meeting_choices.json", json(&meetings::meeting_choices())),
        ("dues_choices.json", json(&dues::dues_choices())),
        ("dues_grid.json", json(&dues::dues_grid(app.state(), YEAR, None).unwrap())),
        ("meeting_calendar.json", json(&meetings::meeting_calendar(app.state(), YEAR).unwrap())),
        ("reminders.json", json(&reminders::reminders(app.state()).unwrap())),
        ("recruit_choices.json", json(&recruits::recruit_choices())),
    ];
    drop(dir);
    out
}

fn json(value: &impl Serialize) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap();
    s.push('\n');
    s
}

/// No full ID number (18 characters, digits and a final digit or X) and no
/// full mobile number (11 digits from 1) anywhere in a fixture: what the
/// commands above return is masked.
fn holds_no_full_number(name: &str, text: &str) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let run = i - start;
            let id = run == 18 || (run == 17 && matches!(b.get(i), Some(b'X' | b'x')));
            let phone = run == 11 && b[start] == b'1';
            assert!(!id && !phone, "{name} holds a full number: {}", &text[start..i]);
        } else {
            i += 1;
        }
    }
}

#[test]
fn fixtures_are_the_committed_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR);
    let bless = std::env::var_os("ZHIBU_BLESS").is_some();
    if bless {
        std::fs::create_dir_all(&dir).unwrap();
    }
    let mut stale = Vec::new();
    for (name, now) in fixtures() {
        holds_no_full_number(name, &now);
        let path = dir.join(name);
        if bless {
            std::fs::write(&path, &now).unwrap();
        } else if std::fs::read_to_string(&path).unwrap_or_default() != now {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "{stale:?} in {} are not what the commands give: run `ZHIBU_BLESS=1 cargo test -p zhibu --lib fixtures`, then `npx vitest run` in ui/",
        dir.display()
    );
}

#[test]
fn the_number_check_finds_numbers() {
    let caught = |t: &str| std::panic::catch_unwind(|| holds_no_full_number("t", t)).is_err();
    assert!(caught("\"13812345678\""));
    assert!(caught("110105194912310133"));
    assert!(caught("11010519491231013X"));
    assert!(!caught("\"138****5678\" 110105********0133 2026-11-27 1500"));
}
