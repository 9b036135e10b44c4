//! 发展党员 through the screens, on the real app binary (tests/run-e2e.sh):
//! an applicant added through the form, every step 2–25 recorded through
//! the dialog, the three 公示 recorded, one refusal shown; the roster and
//! the member file follow.

use std::time::Duration;
use zhibu_e2e::{id_with_check, Session};

fn start(dir: &std::path::Path) -> Session {
    zhibu_e2e::start_in(dir)
}

fn cli(dir: &std::path::Path, args: &[&str]) -> String {
    zhibu_e2e::cli_in(dir, args)
}

fn row_css(step: u8) -> String {
    format!("[data-testid=step-row][data-step=\"{step}\"]")
}

/// The findings the dialog shows now, as `severity: message`.
fn findings(s: &Session) -> Vec<String> {
    let v = s.script(
        "return Array.from(document.querySelectorAll('[data-testid=step-dialog] [data-testid=finding]'))
           .map(f => f.dataset.severity + ': ' + f.querySelector('[data-testid=finding-message]').innerText.trim())",
        serde_json::json!([]),
    );
    v.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect()).unwrap_or_default()
}

/// Whether 记录 in the step dialog may be pressed (read from the page).
fn save_enabled(s: &Session) -> bool {
    s.script(
        "const b = document.querySelector('[data-testid=step-save]'); return !!b && !b.disabled",
        serde_json::json!([]),
    )
    .as_bool()
    .unwrap_or(false)
}

/// Waits until the core has answered for what was typed and 记录 may be pressed.
fn wait_savable(s: &Session, step: u8) {
    s.wait_until(&format!("step {step} may be saved"), 10, |s| {
        let checking = !s.find_all("[data-testid=step-checking]").is_empty();
        let save = s.find_all("[data-testid=step-save]");
        !checking && !save.is_empty() && save_enabled(s)
    });
    let f = findings(s);
    assert!(f.iter().all(|x| x.starts_with("warn")), "step {step}: only reminders expected, the dialog shows {f:?}");
}

/// Records one step through its dialog: the date, then what `fill` types.
fn record(s: &Session, step: u8, date: &str, fill: impl FnOnce(&Session)) {
    let before = s.find_all(&format!("{} [data-testid=step-record]", row_css(step))).len();
    s.click_css(&format!("{} [data-testid=record-step]", row_css(step)));
    s.wait_for(&format!("[data-testid=step-dialog][data-step=\"{step}\"]"), 10);
    s.type_into("[data-testid=step-date]", date);
    fill(s);
    wait_savable(s, step);
    s.click_css("[data-testid=step-save]");
    s.wait_until(&format!("step {step} recorded"), 10, |s| {
        s.texts("[data-testid=step-dialog]").iter().all(|t| t.is_empty())
            && s.find_all(&format!("{} [data-testid=step-record]", row_css(step))).len() == before + 1
    });
}

fn people(s: &Session, names: &[&str]) {
    for name in names {
        // Typed and taken with Enter: a click into the opening drop-down may land on another name.
        s.click_css("[data-testid=step-people]");
        s.type_into("[data-testid=step-people]", name);
        std::thread::sleep(Duration::from_millis(300));
        s.press_enter("[data-testid=step-people]");
        s.wait_until(&format!("{name} chosen"), 5, |s| s.text_of("[data-testid=step-people]").contains(name));
    }
    s.script("document.activeElement && document.activeElement.blur()", serde_json::json!([]));
    let chosen = s.texts("[data-testid=step-people] .el-tag");
    assert_eq!(chosen.len(), names.len(), "chosen: {chosen:?}");
}

fn outcome(s: &Session, label: &str) {
    s.click_text("[data-testid=step-outcome] .el-radio-button", label);
}

fn notice(s: &Session, point: &str, from: &str) {
    let css = format!("[data-testid=notice-point][data-point={point}]");
    s.type_into(&format!("[data-testid=notice-from-{point}]"), from);
    s.wait_for(&format!("{css} [data-testid=notice-end]"), 10);
    s.click_css(&format!("{css} [data-testid=notice-record]"));
    s.wait_for(&format!("{css} [data-testid=notice-recorded]"), 10);
}

/// The roster line of `name`.
fn roster_line(s: &Session, name: &str) -> String {
    s.go("#/members");
    s.wait_for("[data-testid=roster-count]", 10);
    let mut line = String::new();
    s.wait_until(&format!("{name} in the roster"), 10, |s| {
        line = s.texts("[data-testid=roster-row]").into_iter().find(|r| r.contains(name)).unwrap_or_default();
        !line.is_empty()
    });
    line
}

#[test]
fn an_applicant_goes_through_all_25_steps_on_the_screens() {
    let dir = tempfile::tempdir().unwrap();
    cli(dir.path(), &["demo", "load"]);
    let s = start(dir.path());

    // 添加入党申请人 through the form (step 1 with it).
    s.click_css("[data-testid=nav-recruits]");
    s.wait_for("[data-testid=recruit-list]", 10);
    s.click_css("[data-testid=add-recruit]");
    s.wait_for("[data-testid=recruit-form-page]", 10);
    s.type_into("[data-testid=field-name]", "林晓东");
    s.type_into("[data-testid=field-id_number]", &id_with_check("41052319980506101"));
    s.wait_for("[data-testid=id-filled]", 10);
    s.click_text("[data-testid=field-source] .el-radio-button", "青年农民");
    s.type_into("[data-testid=field-job]", "务农");
    s.type_into("[data-testid=field-applied_on]", "2024-03-01");
    s.screenshot("recruit-form");
    s.click_css("[data-testid=save-recruit]");
    s.wait_for("[data-testid=recruit-detail]", 10);
    assert!(s.text_of(&row_css(1)).contains("2024年3月1日"));

    record(&s, 2, "2024-03-20", |s| people(s, &["孙德胜"]));

    // A refusal: step 3 before step 2 names both steps, and saves nothing.
    s.click_css(&format!("{} [data-testid=record-step]", row_css(3)));
    s.wait_for("[data-testid=step-dialog][data-step=\"3\"]", 10);
    s.type_into("[data-testid=step-date]", "2024-03-10");
    s.wait_until("the refusal", 10, |s| findings(s).iter().any(|f| f.starts_with("refuse")));
    let refusal = findings(&s).into_iter().find(|f| f.starts_with("refuse")).unwrap();
    assert!(refusal.contains("推荐和确定入党积极分子") && refusal.contains("党组织派人谈话"), "{refusal}");
    assert!(!save_enabled(&s));
    s.screenshot("recruit-step-refused");
    s.click_css("[data-testid=step-cancel]");
    s.wait_until("the dialog closed", 10, |s| s.texts("[data-testid=step-dialog]").iter().all(|t| t.is_empty()));
    assert!(s.find_all(&format!("{} [data-testid=step-record]", row_css(3))).is_empty());

    record(&s, 3, "2024-04-10", |s| people(s, &["孙德胜"]));
    record(&s, 4, "2024-04-15", |_| {});
    record(&s, 5, "2024-04-15", |s| people(s, &["孙德胜"]));
    record(&s, 6, "2024-10-01", |_| {});
    record(&s, 6, "2025-04-01", |_| {});
    record(&s, 7, "2025-04-15", |_| {});
    record(&s, 8, "2025-04-20", |_| {});
    record(&s, 9, "2025-04-20", |s| people(s, &["孙德胜", "马俊杰"]));
    record(&s, 10, "2025-05-10", |_| {});
    record(&s, 11, "2025-05-12", |s| {
        s.type_into("[data-testid=step-days]", "3");
        s.click_css("textarea[data-testid=step-note]");
    });
    notice(&s, "candidate", "2025-05-15");
    record(&s, 12, "2025-05-26", |_| {});
    record(&s, 13, "2025-06-05", |s| outcome(s, "合格"));
    record(&s, 14, "2025-06-10", |s| s.type_into("[data-testid=step-doc-number]", "0012345"));
    record(&s, 15, "2025-06-20", |s| outcome(s, "通过"));
    notice(&s, "admit", "2025-06-23");
    record(&s, 16, "2025-07-01", |s| people(s, &["马俊杰"]));
    record(&s, 17, "2025-07-10", |s| outcome(s, "批准"));
    s.wait_for("[data-testid=member-made]", 10);

    let line = roster_line(&s, "林晓东");
    assert!(line.contains("预备党员"), "{line}");
    assert!(line.contains("2025-06-20") || line.contains("2025年6月20日"), "{line}");

    s.go("#/recruits");
    s.wait_for("[data-testid=recruit-list]", 10);
    s.click_text("[data-testid=recruit-name]", "林晓东");
    s.wait_for(&row_css(18), 10);
    record(&s, 18, "2025-07-15", |_| {});
    record(&s, 19, "2025-07-15", |s| s.type_into("[data-testid=step-group]", "第一党小组"));
    record(&s, 20, "2025-07-20", |_| {});
    record(&s, 21, "2025-10-01", |_| {});
    record(&s, 21, "2026-01-01", |_| {});
    record(&s, 21, "2026-04-01", |_| {});
    record(&s, 22, "2026-05-20", |_| {});
    record(&s, 23, "2026-06-22", |s| outcome(s, "按期转正"));
    notice(&s, "full", "2026-06-23");
    record(&s, 24, "2026-07-06", |s| outcome(s, "批准"));
    record(&s, 25, "2026-07-08", |_| {});
    s.screenshot("recruit-detail-done");
    assert!(s.text_of("[data-testid=recruit-stage-tag]").contains("正式党员"));

    s.click_css("[data-testid=member-file-link]");
    s.wait_for("[data-testid=detail-kind]", 10);
    s.wait_until("the member file says 正式党员", 10, |s| s.text_of("[data-testid=detail-kind]") == "正式党员");
    assert_eq!(s.text_of("[data-testid=detail-name]"), "林晓东");
    assert!(s.text_of("[data-testid=detail-admitted_on]").contains("2025年6月20日"));
    // The member file links back to the 发展党员 record.
    s.click_css("[data-testid=recruit-record-link]");
    s.wait_for("[data-testid=recruit-detail]", 10);
    assert!(s.text_of("[data-testid=recruit-stage-tag]").contains("正式党员"));
}

/// The 发展党员 screens at 1366×768 and 1024×768, 标准 and 大 字号, for
/// looking at (`ZHIBU_SHOTS=DIR bash tests/run-e2e.sh recruit_screens --ignored`).
/// 大 is put on the page alone (the class), not kept in the webview's storage.
#[test]
#[ignore = "screenshots for looking at, not a check"]
fn recruit_screens() {
    let dir = tempfile::tempdir().unwrap();
    cli(dir.path(), &["demo", "load"]);
    let person = dir.path().join("p.json");
    std::fs::write(
        &person,
        serde_json::json!({
            "name": "林晓东", "sex": "male", "id_number": id_with_check("41052319980506101"),
            "applied_on": "2025-09-01", "source": "young_farmer", "job": "务农"
        })
        .to_string(),
    )
    .unwrap();
    cli(dir.path(), &["recruit", "add", person.to_str().unwrap()]);
    let s = start(dir.path());
    for (w, size) in [(1366, "standard"), (1024, "standard"), (1366, "large"), (1024, "large")] {
        s.set_window_size(w, 768);
        s.script(
            "document.documentElement.classList.remove('font-standard', 'font-large'); \
             document.documentElement.classList.add(arguments[0])",
            serde_json::json!([format!("font-{size}")]),
        );
        s.go("#/recruits");
        s.wait_for("[data-testid=recruit-table]", 10);
        s.screenshot(&format!("list-{w}-{size}"));
        s.click_text("[data-testid=recruit-name]", "林晓东");
        s.wait_for(&row_css(2), 10);
        s.screenshot(&format!("detail-{w}-{size}"));
        s.script("document.querySelector('[data-testid=notices]').scrollIntoView()", serde_json::json!([]));
        s.screenshot(&format!("detail-lower-{w}-{size}"));
        s.click_css(&format!("{} [data-testid=record-step]", row_css(2)));
        s.wait_for("[data-testid=step-dialog]", 10);
        s.type_into("[data-testid=step-date]", "2025-11-20");
        s.wait_until("the findings", 10, |s| !findings(s).is_empty());
        s.screenshot(&format!("dialog-{w}-{size}"));
        s.click_css("[data-testid=step-cancel]");
        std::thread::sleep(Duration::from_millis(500));
    }
    s.set_window_size(1366, 768);
    s.script(
        "document.documentElement.classList.remove('font-large'); document.documentElement.classList.add('font-standard')",
        serde_json::json!([]),
    );
    s.go("#/");
    s.wait_for("[data-testid=recruit-card]", 10);
    s.script("document.querySelector('[data-testid=recruit-card]').scrollIntoView()", serde_json::json!([]));
    s.screenshot("home-card");
    s.go("#/settings?tab=recruits");
    s.click_text(".el-tabs__item", "发展党员");
    s.wait_for("[data-testid=recruit-settings]", 10);
    s.screenshot("settings");
    s.go("#/recruits/1/notice/candidate");
    s.wait_for("[data-testid=recruit-notice]", 10);
    std::thread::sleep(Duration::from_millis(1500));
    s.screenshot("notice");
}
