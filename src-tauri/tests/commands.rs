//! The command layer without a window: tauri's mock runtime, the real
//! config and capabilities (`generate_context!`), requests as the page
//! sends them.

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{WebviewUrl, WebviewWindow, WebviewWindowBuilder};
use zhibu_app::state::AppState;

struct App {
    _app: tauri::App<tauri::test::MockRuntime>,
    main: WebviewWindow<tauri::test::MockRuntime>,
    other: WebviewWindow<tauri::test::MockRuntime>,
    _dir: tempfile::TempDir,
}

fn app() -> App {
    let dir = tempfile::tempdir().unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27);
    let state = AppState::open(dir.path().to_path_buf(), today);
    let app = zhibu_app::setup_builder(mock_builder(), state).build(tauri::generate_context!()).unwrap();
    let main = WebviewWindowBuilder::new(&app, "main", WebviewUrl::default()).build().unwrap();
    let other = WebviewWindowBuilder::new(&app, "stranger", WebviewUrl::default()).build().unwrap();
    App { _app: app, main, other, _dir: dir }
}

fn invoke(window: &WebviewWindow<tauri::test::MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

fn good_member() -> Value {
    json!({
        "name": "张三", "sex": "male", "ethnicity": "汉族", "birth_date": "1949-12-31",
        // The worked example of GB 11643 belongs to a woman; this one is built for a man.
        "id_number": id_for("19491231", "013"), "education": "高中", "kind": "full",
        "admitted_on": "1975-07-01", "full_member_on": "1976-07-01", "group_id": null,
        "group_name": "第一党小组", "committee_role": null, "job": "", "phone": "13812345678",
        "address": "", "mobile": false, "mobile_destination": "", "lost_contact": false,
        "lost_contact_reason": null, "notes": ""
    })
}

fn id_for(birth: &str, seq: &str) -> String {
    let first17 = format!("110105{birth}{seq}");
    format!("{first17}{}", zhibu_core::idcard::check_char(first17.as_bytes()))
}

#[test]
fn the_main_window_creates_and_lists_members_masked() {
    let a = app();
    let created = invoke(&a.main, "member_create", json!({ "input": good_member() })).unwrap();
    assert_eq!(created["name"], "张三");
    assert_eq!(created["age"], 76);
    assert_eq!(created["group_name"], "第一党小组");
    let rows = invoke(&a.main, "member_list", json!({ "query": { "search": "zs" } })).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 1);
    let masked = rows[0]["id_number_masked"].as_str().unwrap();
    assert_eq!(masked, format!("110105********{}", &id_for("19491231", "013")[14..]));
    assert_eq!(rows[0]["phone_masked"], "138****5678");
    assert!(rows[0].get("id_number").is_none(), "the roster never carries full ID numbers");
}

#[test]
fn errors_reach_the_page_as_code_and_chinese_message() {
    let a = app();
    let mut bad = good_member();
    let good_id = id_for("19491231", "013");
    let wrong_check = if good_id.ends_with('1') { '2' } else { '1' };
    bad["id_number"] = json!(format!("{}{wrong_check}", &good_id[..17]));
    let err = invoke(&a.main, "member_create", json!({ "input": bad })).unwrap_err();
    assert_eq!(err["code"], "validation");
    assert!(err["message"].as_str().unwrap().contains("没有保存"));
    assert!(err["fields"]["id_number"].as_str().unwrap().contains("校验位"));
    let keys: Vec<&String> = err.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["code", "fields", "message"]);
    let empty = invoke(&a.main, "member_list", json!({ "query": {} })).unwrap();
    assert_eq!(empty.as_array().unwrap().len(), 0, "nothing was saved");

    let missing = invoke(&a.main, "member_get", json!({ "id": 999 })).unwrap_err();
    assert_eq!(missing["code"], "not_found");
    assert!(missing.get("fields").is_none());
    assert!(missing["message"].as_str().unwrap().contains("找不到"));
}

#[test]
fn demo_load_then_refuses_a_second_time() {
    let a = app();
    let loaded = invoke(&a.main, "demo_load", json!({})).unwrap();
    // 42 people of branch.json, and the member file its 发展党员 step 17 made.
    assert_eq!(loaded["members"], 43);
    let info = invoke(&a.main, "app_info", json!({})).unwrap();
    assert_eq!(info["member_count"], 42, "one of the 43 was transferred out");
    assert_eq!(info["today"], "2026-11-27");
    let again = invoke(&a.main, "demo_load", json!({})).unwrap_err();
    assert_eq!(again["code"], "not_empty");
}

#[test]
fn demo_clear_swaps_in_an_empty_branch_and_the_window_keeps_working() {
    let a = app();
    let refused = invoke(&a.main, "demo_clear", json!({})).unwrap_err();
    assert_eq!(refused["code"], "demo_not_clearable");
    assert_eq!(invoke(&a.main, "app_info", json!({})).unwrap()["demo"], json!({ "loaded": false, "clearable": false }));
    invoke(&a.main, "demo_load", json!({})).unwrap();
    assert_eq!(invoke(&a.main, "app_info", json!({})).unwrap()["demo"], json!({ "loaded": true, "clearable": true }));
    let cleared = invoke(&a.main, "demo_clear", json!({})).unwrap();
    assert!(cleared["backup"].as_str().unwrap().contains("清除示例前_"), "{cleared}");
    let info = invoke(&a.main, "app_info", json!({})).unwrap();
    assert_eq!(info["member_count"], 0);
    assert_eq!(info["demo"], json!({ "loaded": false, "clearable": false }));
    let backups = invoke(&a.main, "backup_list", json!({})).unwrap();
    assert!(backups.to_string().contains("清除示例前_"), "{backups}");
    invoke(&a.main, "demo_load", json!({})).unwrap();
}

#[test]
fn a_window_no_capability_names_is_refused() {
    let a = app();
    assert!(invoke(&a.main, "app_info", json!({})).is_ok());
    let refused = invoke(&a.other, "app_info", json!({})).unwrap_err();
    let text = refused.to_string();
    assert!(text.contains("not allowed") || text.contains("denied"), "{text}");
    assert!(invoke(&a.other, "member_list", json!({ "query": {} })).is_err());
}

#[test]
fn the_capability_grants_exactly_the_commands_of_the_manifest() {
    let cap: Value =
        serde_json::from_str(include_str!("../capabilities/main-window.json")).expect("capability is JSON");
    assert_eq!(cap["windows"], json!(["main"]));
    let granted: Vec<String> =
        cap["permissions"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_string()).collect();
    let expected: Vec<String> = zhibu_app::COMMANDS.iter().map(|c| format!("allow-{}", c.replace('_', "-"))).collect();
    assert_eq!(granted, expected);
    // And each listed command answers the main window (none forgotten in the handler).
    let a = app();
    for cmd in zhibu_app::COMMANDS {
        if *cmd == "pick_folder" {
            // It takes no argument, so it opens the folder picker, which no
            // one answers here: waiting in it shows it was found and allowed.
            let main = a.main.clone();
            let (tx, rx) = std::sync::mpsc::channel();
            std::thread::spawn(move || tx.send(invoke(&main, "pick_folder", json!({})).map_err(|e| e.to_string())));
            match rx.recv_timeout(std::time::Duration::from_secs(2)) {
                Err(_) => {}
                Ok(Err(text)) => assert!(!text.contains("not found") && !text.contains("not allowed"), "{text}"),
                Ok(Ok(_)) => {}
            }
            continue;
        }
        let r = invoke(&a.main, cmd, json!({}));
        if let Err(e) = &r {
            let text = e.to_string();
            assert!(!text.contains("not found") && !text.contains("not allowed"), "{cmd}: {text}");
        }
    }
}

/// The page calls commands by name (`call('member_list', …)` in ui/src/api.ts
/// and importApi.ts, `invoke('ui_ready')` in main.ts): every name it uses is
/// in `COMMANDS`, and every command is used by the page.
#[test]
fn the_page_calls_exactly_the_commands_of_the_list() {
    let ui = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src");
    let mut used = std::collections::BTreeSet::new();
    let mut dirs = vec![ui];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "ts" || e == "vue") {
                used.extend(called_names(&std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let listed: std::collections::BTreeSet<String> = zhibu_app::COMMANDS.iter().map(|c| c.to_string()).collect();
    let unknown: Vec<_> = used.difference(&listed).collect();
    assert!(unknown.is_empty(), "ui/src calls commands that are not in command_names.rs: {unknown:?}");
    let unused: Vec<_> = listed.difference(&used).collect();
    assert!(unused.is_empty(), "commands no page calls (or called in a way this test does not read): {unused:?}");
}

/// The names in `call<T>('name'`, `call('name'` and `invoke('name'` of one source file.
fn called_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (at, _) in text.match_indices("('") {
        let mut before = &text[..at];
        // Skip a type argument, nested ones included: call<Record<string, X>>('…
        if before.ends_with('>') {
            let mut depth = 0;
            for (i, c) in before.char_indices().rev() {
                match c {
                    '>' => depth += 1,
                    '<' => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    before = &before[..i];
                    break;
                }
            }
        }
        let word_start =
            before.rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$')).map_or(0, |i| i + 1);
        if matches!(&before[word_start..], "call" | "invoke") {
            let rest = &text[at + 2..];
            names.push(rest[..rest.find('\'').unwrap()].to_string());
        }
    }
    names
}

#[test]
fn the_page_is_locked_down_by_the_config() {
    let conf: Value = serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
    let security = &conf["app"]["security"];
    let csp = security["csp"].as_str().unwrap();
    assert!(csp.starts_with("default-src 'self'"), "{csp}");
    // No remote host: the only URL is Tauri's own IPC endpoint.
    let urls: Vec<&str> = csp.split_whitespace().filter(|w| w.contains("://")).collect();
    assert_eq!(urls, ["http://ipc.localhost"]);
    assert_eq!(security["freezePrototype"], true);
    assert_eq!(conf["app"]["withGlobalTauri"], false);
    assert!(conf.get("plugins").is_none_or(|p| p.as_object().is_none_or(|o| o.is_empty())));
}

#[test]
fn the_core_does_not_depend_on_tauri() {
    let manifest = include_str!("../core/Cargo.toml");
    assert!(!manifest.lines().any(|l| l.trim_start().starts_with("tauri")), "zhibu-core must not name tauri");
}

#[test]
fn a_meeting_is_drafted_checked_saved_and_shown() {
    let a = app();
    invoke(&a.main, "demo_load", json!({})).unwrap();
    let draft = invoke(&a.main, "meeting_draft", json!({ "kind": "assembly", "date": "2026-11-26", "group_id": null }))
        .unwrap();
    let mut input = draft.clone();
    input["topic"] = json!("讨论年度工作总结");
    let n = input["attendees"].as_array().unwrap().len();
    assert_eq!(n, 41, "everyone who takes part on the day (the demo's newest member too)");
    input["attendees"][0]["status"] = json!("leave");
    input["attendees"][0]["reason"] = json!("住院");
    let check = invoke(&a.main, "meeting_check", json!({ "input": input })).unwrap();
    assert_eq!(check["applies"], true);
    assert_eq!(check["on_leave"], 1);
    assert!(check["lines"][0].as_str().unwrap().contains("可以进行表决"));
    let saved = invoke(&a.main, "meeting_create", json!({ "input": input })).unwrap();
    assert_eq!(saved["kind_label"], "支部党员大会");
    assert_eq!(saved["attendees"][0]["status_label"], "请假");
    assert_eq!(saved["history"][0]["action_label"], "记录");
    let list = invoke(&a.main, "meeting_list", json!({ "query": { "year": 2026, "kind": "assembly" } })).unwrap();
    assert!(list.as_array().unwrap().iter().any(|m| m["id"] == saved["id"]));
    let cal = invoke(&a.main, "meeting_calendar", json!({ "year": 2026 })).unwrap();
    assert_eq!(cal["rows"][0]["kind"], "assembly");
    assert_eq!(cal["rows"][0]["cells"][3]["held"], 2);

    // At a 民主评议 the check says, per attendee, who may be graded.
    let mut review = input.clone();
    review["kind"] = json!("review");
    let check = invoke(&a.main, "meeting_check", json!({ "input": review })).unwrap();
    let grading = check["grading"].as_array().unwrap();
    assert_eq!(grading.len(), n);
    assert_eq!(grading[0]["member_id"], input["attendees"][0]["member_id"]);
    assert!(grading.iter().any(|g| g["gradable"] == json!(true)));
    assert!(grading.iter().any(|g| g["gradable"] == json!(false)), "the demo's probationary members");
    assert_eq!(saved["quorum"]["grading"], json!([]), "not a 民主评议");

    let mut bad = input.clone();
    bad["attendees"][0]["reason"] = json!("");
    let err = invoke(&a.main, "meeting_create", json!({ "input": bad })).unwrap_err();
    assert_eq!(err["code"], "validation");
    assert!(err["fields"]["attendees"].as_str().unwrap().contains("请假原因"));
}

#[test]
fn meeting_choices_carry_every_list_the_forms_need() {
    let a = app();
    let c = invoke(&a.main, "meeting_choices", json!({})).unwrap();
    for key in ["kinds", "attendance_statuses", "grades", "frequencies"] {
        assert!(!c[key].as_array().unwrap().is_empty(), "{key}");
    }
    assert_eq!(c["grades"][0]["label"], "优秀");
    // The form reads from the core which kinds take their attendees from the roster.
    let from_roster: Vec<&str> = c["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| k["attendees_from_roster"] == json!(true))
        .map(|k| k["value"].as_str().unwrap())
        .collect();
    assert_eq!(from_roster, ["assembly", "committee", "group_meeting"]);
    assert!(c["kinds"].as_array().unwrap().iter().all(|k| k["attendees_from_roster"].is_boolean()));
}

#[test]
fn exports_land_in_the_data_folder_under_a_chinese_name() {
    let a = app();
    invoke(&a.main, "demo_load", json!({})).unwrap();
    let out = invoke(&a.main, "workbook_export", json!({ "year": 2026 })).unwrap();
    let path = std::path::PathBuf::from(out["path"].as_str().unwrap());
    assert!(path.exists());
    assert_eq!(path.file_name().unwrap().to_str().unwrap(), "中共青石镇东山村支部委员会2026年度党建台账.xlsx");
    assert!(path.starts_with(a._dir.path().join("导出")));
    assert_eq!(std::fs::metadata(&path).unwrap().len(), out["size"].as_u64().unwrap());
    // The cover and the contents, then every table sheet.
    assert_eq!(out["sheets"].as_array().unwrap().len(), 2 + zhibu_core::workbook::SHEETS.len());
    let request = json!({ "kind": "dues", "year": 2026, "quarter": 3, "month": null });
    let notice = invoke(&a.main, "notice_export", json!({ "request": request, "terms": {} })).unwrap();
    assert!(notice["path"].as_str().unwrap().ends_with("2026年第三季度党费收缴情况公示.xlsx"));
    let sheet = invoke(&a.main, "sheet_export", json!({ "sheet": "党费上缴记录", "year": 2026 })).unwrap();
    assert!(sheet["path"].as_str().unwrap().ends_with("2026年度党费上缴记录.xlsx"));
    assert_eq!(sheet["sheets"], json!(["党费上缴记录"]));
}

/// 发展党员全程纪实表 through the page's command: into 导出, named by the
/// person and the day, the ID number masked; an unknown person is not found.
#[test]
fn recruit_record_export_writes_the_persons_record_into_the_export_folder() {
    let a = app();
    invoke(&a.main, "demo_load", json!({})).unwrap();
    let form =
        json!({ "name": "陈晓明", "sex": "male", "id_number": "410102199503121134", "applied_on": "2026-03-02" });
    let file = invoke(&a.main, "recruit_create", json!({ "form": form })).unwrap();
    let id = file["recruit"]["id"].as_i64().unwrap();
    let out = invoke(&a.main, "recruit_record_export", json!({ "id": id })).unwrap();
    let path = std::path::PathBuf::from(out["path"].as_str().unwrap());
    assert!(path.starts_with(a._dir.path().join("导出")), "{path:?}");
    assert!(path.file_name().unwrap().to_str().unwrap().contains("发展党员全程纪实表（陈晓明）"), "{path:?}");
    assert_eq!(std::fs::metadata(&path).unwrap().len(), out["size"].as_u64().unwrap());
    assert_eq!(out["sheets"], json!(["发展党员全程纪实表"]));
    let bytes = std::fs::read(&path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut strings = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/sharedStrings.xml").unwrap(), &mut strings).unwrap();
    assert!(strings.contains("410102********1134") && !strings.contains("410102199503121134"));
    let e = invoke(&a.main, "recruit_record_export", json!({ "id": 9999 })).unwrap_err();
    assert_eq!(e["code"], "not_found", "{e}");
}

#[test]
fn the_ledger_page_is_given_the_workbooks_sheets_and_each_exports_alone() {
    let a = app();
    invoke(&a.main, "demo_load", json!({})).unwrap();
    let sheets = invoke(&a.main, "ledger_sheets", json!({})).unwrap();
    assert_eq!(sheets, json!(zhibu_core::workbook::SHEETS));
    // The same names, in the same order, as the year workbook after its cover and contents.
    let year = invoke(&a.main, "workbook_export", json!({ "year": 2026 })).unwrap();
    assert_eq!(year["sheets"].as_array().unwrap()[2..], sheets.as_array().unwrap()[..]);
    for sheet in sheets.as_array().unwrap() {
        let one = invoke(&a.main, "sheet_export", json!({ "sheet": sheet, "year": 2026 })).unwrap();
        assert_eq!(one["sheets"], json!([sheet]));
    }
}

#[test]
fn notices_come_back_masked_and_bad_forms_name_their_fields() {
    let a = app();
    invoke(&a.main, "demo_load", json!({})).unwrap();
    let drafts = invoke(&a.main, "notice_drafts", json!({})).unwrap();
    assert_eq!(drafts["terms"]["contact"], "马俊杰", "the demo branch's secretary");
    // The demo's 主题党日 is 每月5日: after 27 November, the next is 5 December, posted until then.
    assert_eq!(drafts["party_day"]["date"], "2026-12-05");
    assert_eq!(drafts["party_day"]["topic"], "12月主题党日");
    assert_eq!(drafts["party_day_terms"]["to"], "2026-12-05");
    let terms = json!({ "from": "2026-11-27", "to": "", "contact": "张国强", "phone": "13912345678" });
    let general = json!({ "kind": "general", "title": "公示", "body": "身份证 11010519491231002X" });
    let n = invoke(&a.main, "notice_preview", json!({ "request": general, "terms": terms })).unwrap();
    assert_eq!(n["terms"]["phone"], "13912345678", "the contact phone of its own field is printed as typed");
    assert_eq!(n["paragraphs"][0], "身份证 110105********002X");
    assert_eq!(n["terms"]["from"], "2026年11月27日");
    let party = json!({ "kind": "party_day", "date": "", "time": "", "place": "", "topic": "", "items": [] });
    let err = invoke(&a.main, "notice_preview", json!({ "request": party, "terms": {} })).unwrap_err();
    assert_eq!(err["code"], "validation");
    for field in ["date", "place", "topic"] {
        assert!(err["fields"][field].is_string(), "{field}: {err}");
    }
    let review = json!({ "kind": "review", "year": 2020 });
    let err = invoke(&a.main, "notice_preview", json!({ "request": review, "terms": {} })).unwrap_err();
    assert_eq!(err["code"], "not_found");
}

/// 归档备份 through the commands: archive in the background with progress,
/// verify, then restore into another app's data (its old data backed up),
/// which then serves the restored roster.
#[test]
fn an_archive_made_in_one_app_restores_into_another() {
    let a = app();
    invoke(&a.main, "demo_load", json!({})).unwrap();
    let usb = tempfile::tempdir().unwrap();
    let dest = usb.path().to_str().unwrap();
    // Checked before the background job starts, beside the fields.
    let short =
        invoke(&a.main, "archive_start", json!({ "year": 2026, "dest": dest, "passphrase": "12345" })).unwrap_err();
    assert_eq!(short["code"], "validation");
    assert!(short["fields"]["passphrase"].as_str().unwrap().contains("6 位"), "{short}");
    let gone = invoke(&a.main, "archive_start", json!({ "year": 2026, "dest": "/no/such/stick", "passphrase": null }))
        .unwrap_err();
    assert!(gone["fields"]["dest"].as_str().unwrap().contains("U盘"), "{gone}");
    assert_eq!(invoke(&a.main, "archive_status", json!({})).unwrap()["running"], false, "nothing started");
    invoke(&a.main, "archive_start", json!({ "year": 2026, "dest": dest, "passphrase": null })).unwrap();
    let mut status = json!(null);
    for _ in 0..200 {
        status = invoke(&a.main, "archive_status", json!({})).unwrap();
        if status["running"] == false {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(status["error"], json!(null), "{status}");
    let path = status["done"]["path"].as_str().unwrap().to_string();
    assert!(status["written"].as_u64().unwrap() > 10_000, "{status}");
    assert!(status["written"].as_u64().unwrap() <= status["total"].as_u64().unwrap());
    let report = invoke(&a.main, "archive_verify", json!({ "path": path, "passphrase": null })).unwrap();
    assert_eq!(report["ok"], true);
    let bad = invoke(&a.main, "archive_verify", json!({ "path": dest, "passphrase": null })).unwrap_err();
    assert_eq!(bad["code"], "archive_failed", "a folder that is not an archive: {bad}");

    let b = app();
    invoke(&b.main, "member_create", json!({ "input": good_member() })).unwrap();
    let summary = invoke(&b.main, "archive_inspect", json!({ "path": path, "passphrase": null })).unwrap();
    assert_eq!(summary["year"], 2026);
    let done = invoke(&b.main, "archive_restore", json!({ "path": path, "passphrase": null })).unwrap();
    assert!(done["backup"].as_str().unwrap().contains("恢复前_"));
    let roster_a = invoke(&a.main, "member_list", json!({ "query": {} })).unwrap();
    let roster_b = invoke(&b.main, "member_list", json!({ "query": {} })).unwrap();
    assert_eq!(roster_a, roster_b, "the restored app serves the archive's roster at once");
    let backups = invoke(&b.main, "backup_list", json!({})).unwrap();
    let kinds: Vec<&str> = backups["backups"].as_array().unwrap().iter().map(|b| b["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"恢复前"), "{kinds:?}");
    // The replaced data can be brought back from its backup.
    let backup = done["backup"].as_str().unwrap();
    invoke(&b.main, "backup_restore", json!({ "path": backup })).unwrap();
    let back = invoke(&b.main, "member_list", json!({ "query": {} })).unwrap();
    assert_eq!(back.as_array().unwrap().len(), 1);
    let outside = invoke(&b.main, "backup_restore", json!({ "path": path })).unwrap_err();
    assert_eq!(outside["code"], "not_found", "only files in 备份/ are restored this way");
    // `备份/../…` starts with 备份/ as a path but is not in it.
    let climbing = std::path::Path::new(backup).parent().unwrap().join("..").join("zhibu.sqlite3");
    let refused = invoke(&b.main, "backup_restore", json!({ "path": climbing })).unwrap_err();
    assert_eq!(refused["code"], "not_found", "{refused}");
}

/// 导入花名册 through the commands: the page sends the file as base64.
#[test]
fn a_roster_is_previewed_then_imported_in_one_go() {
    use base64::Engine;
    let a = app();
    let good = id_for("19600101", "011");
    let csv = format!("党员花名册\n姓名,性别,身份证号,入党时间,转正时间\n张三,男,{good},1985.07,1986.07\n李四,女,4301,1985.07,1986.07\n");
    let data = base64::engine::general_purpose::STANDARD.encode(csv.as_bytes());
    let request = json!({ "file_name": "名册.csv" });
    let p = invoke(&a.main, "import_preview", json!({ "data": data, "request": request })).unwrap();
    assert_eq!((p["new"].as_u64(), p["error"].as_u64(), p["header_row"].as_u64()), (Some(1), Some(1), Some(2)));
    assert_eq!(p["rows"][1]["row"], 4);
    let refused =
        invoke(&a.main, "import_apply", json!({ "data": data, "request": request, "skip_errors": false })).unwrap_err();
    assert_eq!(refused["code"], "import_failed");
    assert_eq!(invoke(&a.main, "member_list", json!({ "query": {} })).unwrap().as_array().unwrap().len(), 0);
    let done =
        invoke(&a.main, "import_apply", json!({ "data": data, "request": request, "skip_errors": true })).unwrap();
    assert_eq!(done["written"], 1);
    let roster = invoke(&a.main, "member_list", json!({ "query": {} })).unwrap();
    assert_eq!(roster[0]["name"], "张三");
    let template = invoke(&a.main, "import_template_export", json!({})).unwrap();
    assert!(template["path"].as_str().unwrap().ends_with("党员花名册导入模板.xlsx"));
    let export = invoke(&a.main, "roster_export", json!({})).unwrap();
    assert!(std::path::Path::new(export["path"].as_str().unwrap()).exists());
}

/// The window reads an imported file in a child of the app's own binary: a
/// file that aborts the parser leaves the window and its data working
/// (issue 14, item 3).
#[test]
fn a_file_that_aborts_the_parser_leaves_the_window_working() {
    use base64::Engine;
    zhibu_core::import::isolate::use_child_process(env!("CARGO_BIN_EXE_zhibu").into());
    let a = app();
    invoke(&a.main, "member_create", json!({ "input": good_member() })).unwrap();
    let bad = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/损坏的花名册.xls")).unwrap();
    let data = base64::engine::general_purpose::STANDARD.encode(bad);
    let request = json!({ "file_name": "损坏的花名册.xls" });
    let refused = invoke(&a.main, "import_preview", json!({ "data": data, "request": request })).unwrap_err();
    assert_eq!(refused["code"], "import_failed");
    assert!(refused["message"].as_str().unwrap().starts_with("无法读取“损坏的花名册.xls”"), "{refused}");
    let roster = invoke(&a.main, "member_list", json!({ "query": {} })).unwrap();
    assert_eq!(roster.as_array().unwrap().len(), 1, "the window and its data are untouched");
}

/// `dir` mounted read-only somewhere else (a write-protected stick, as the
/// system sees it); unmounted when dropped. None where this test run may not
/// mount (not root): the test then says so and checks nothing.
struct ReadOnlyMount(tempfile::TempDir);
impl ReadOnlyMount {
    fn of(dir: &std::path::Path) -> Option<ReadOnlyMount> {
        let at = tempfile::tempdir().ok()?;
        let mount = |args: &[&str]| std::process::Command::new("mount").args(args).status().is_ok_and(|s| s.success());
        let target = at.path().to_str()?;
        if !mount(&["--bind", dir.to_str()?, target]) {
            return None;
        }
        if !mount(&["-o", "remount,bind,ro", target]) || std::fs::write(at.path().join("probe"), b"x").is_ok() {
            let _ = std::process::Command::new("umount").arg(target).status();
            return None;
        }
        Some(ReadOnlyMount(at))
    }
}
impl Drop for ReadOnlyMount {
    fn drop(&mut self) {
        // Lazily: the window state of the test may still hold the database open.
        let _ = std::process::Command::new("umount").arg("-l").arg(self.0.path()).status();
    }
}

/// A data folder that cannot be written (issue 14, item 10): the window and
/// the command line read it, say it is read-only, and refuse a change in
/// words instead of "请重试" or the system's English.
#[test]
fn a_read_only_data_folder_is_read_and_a_change_is_refused_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let zhibu = |d: &std::path::Path, args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_zhibu"))
            .args(["--data-dir", d.to_str().unwrap(), "--today", "2026-11-27"])
            .args(args)
            .output()
            .unwrap()
    };
    assert!(zhibu(dir.path(), &["demo", "load"]).status.success());
    let Some(ro) = ReadOnlyMount::of(dir.path()) else {
        eprintln!("SKIPPED: cannot mount read-only here (needs root)");
        return;
    };
    let listed = zhibu(ro.0.path(), &["--json", "member", "list"]);
    assert!(listed.status.success(), "{}", String::from_utf8_lossy(&listed.stderr));
    assert_eq!(serde_json::from_slice::<Value>(&listed.stdout).unwrap().as_array().unwrap().len(), 42);
    let refused = zhibu(ro.0.path(), &["demo", "load"]);
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("不能写入") && err.contains("复制到本机"), "{err}");
    assert!(!err.contains("请重试") && !err.contains("os error"), "{err}");

    let state = AppState::open(ro.0.path().to_path_buf(), chrono::NaiveDate::from_ymd_opt(2026, 11, 27));
    let app = zhibu_app::setup_builder(mock_builder(), state).build(tauri::generate_context!()).unwrap();
    let main = WebviewWindowBuilder::new(&app, "main", WebviewUrl::default()).build().unwrap();
    let info = invoke(&main, "app_info", json!({})).unwrap();
    assert_eq!((info["read_only"].as_bool(), info["member_count"].as_i64()), (Some(true), Some(42)));
    assert_eq!(invoke(&main, "member_list", json!({ "query": {} })).unwrap().as_array().unwrap().len(), 42);
    let refused = invoke(&main, "member_create", json!({ "input": good_member() })).unwrap_err();
    let message = refused["message"].as_str().unwrap();
    assert!(message.contains("不能写入") && !message.contains("请重试"), "{refused}");
}

/// Two windows on one data folder lost commits (issue 14, item 5): the
/// second touches nothing and every command says why; the first works on.
#[test]
fn a_second_window_on_the_same_data_folder_is_refused() {
    let a = app();
    invoke(&a.main, "member_create", json!({ "input": good_member() })).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 27);
    let started = std::time::Instant::now();
    let second = AppState::open(a._dir.path().to_path_buf(), today);
    assert!(started.elapsed() >= std::time::Duration::from_secs(4), "it waited for a closing window first");
    let err = second.store().err().expect("refused");
    assert_eq!(err.code, zhibu_core::Code::DataInUse);
    assert!(err.message.contains("另一个支部台账窗口"), "{}", err.message);
    assert!(second.start_check.is_none(), "the second did not check or move the database");
    let list = invoke(&a.main, "member_list", json!({ "query": {} })).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1, "the first window works on");
    drop(second);
}

/// 打开 / 打开所在文件夹 / 另存为… take only a file the core wrote in 导出 or
/// 备份: anything else is refused before the opener or the dialog is used.
#[test]
fn export_files_outside_the_exports_are_refused() {
    let a = app();
    let template = invoke(&a.main, "import_template_export", json!({})).unwrap();
    let exported = std::path::PathBuf::from(template["path"].as_str().unwrap());
    assert!(exported.exists() && exported.parent().unwrap().ends_with("导出"));
    let data = a._dir.path();
    let outside = tempfile::NamedTempFile::new().unwrap();
    let refused = [
        outside.path().to_path_buf(),
        data.join("zhibu.sqlite3"),
        data.join("导出").join("..").join("zhibu.sqlite3"),
        data.join("导出").join("..").join("导出").join(exported.file_name().unwrap()),
        data.join("导出"),
        "/etc/passwd".into(),
    ];
    for cmd in ["export_open", "export_reveal", "export_save_as"] {
        for path in &refused {
            let err = invoke(&a.main, cmd, json!({ "path": path })).unwrap_err();
            assert_eq!(err["code"], "not_allowed", "{cmd} {path:?}: {err}");
            assert!(err["message"].as_str().unwrap().contains("只能打开"), "{err}");
        }
        // And the other window may not call them at all.
        assert!(invoke(&a.other, cmd, json!({ "path": exported })).is_err());
    }
}

/// 复制到U盘: the page lists the exports, then names some of them and a
/// folder; the copy lands in 「<支部名><年>年台账」 with the same bytes.
#[test]
fn exports_are_listed_and_copied_to_a_stick() {
    let a = app();
    assert_eq!(invoke(&a.main, "export_list", json!({})).unwrap(), json!([]));
    invoke(&a.main, "demo_load", json!({})).unwrap();
    let out = invoke(&a.main, "workbook_export", json!({ "year": 2026 })).unwrap();
    let list = invoke(&a.main, "export_list", json!({})).unwrap();
    assert_eq!(list[0]["path"], out["path"]);
    assert_eq!(list[0]["size"], out["size"]);
    let stick = tempfile::tempdir().unwrap();
    let done =
        invoke(&a.main, "export_copy_to_stick", json!({ "paths": [out["path"]], "dest": stick.path() })).unwrap();
    let folder = stick.path().join("中共青石镇东山村支部委员会2026年台账");
    assert_eq!(done["folder"], folder.display().to_string());
    assert_eq!(done["files"], 1);
    assert!(done["message"].as_str().unwrap().starts_with("已复制 1 个文件到 "), "{done}");
    let name = std::path::Path::new(out["path"].as_str().unwrap()).file_name().unwrap();
    assert_eq!(std::fs::read(folder.join(name)).unwrap(), std::fs::read(out["path"].as_str().unwrap()).unwrap());
    // Not the database, not into the data folder, not from another window.
    let db = a._dir.path().join("zhibu.sqlite3");
    let err = invoke(&a.main, "export_copy_to_stick", json!({ "paths": [db], "dest": stick.path() })).unwrap_err();
    assert_eq!(err["code"], "not_allowed", "{err}");
    let err =
        invoke(&a.main, "export_copy_to_stick", json!({ "paths": [out["path"]], "dest": a._dir.path() })).unwrap_err();
    assert!(err["message"].as_str().unwrap().contains("数据文件夹"), "{err}");
    assert!(invoke(&a.other, "export_copy_to_stick", json!({ "paths": [out["path"]], "dest": stick.path() })).is_err());
}

/// The opener and dialog plugins are there for our commands only: the page
/// cannot call their own commands (no `opener:`/`dialog:` permission).
#[test]
fn the_page_cannot_use_the_opener_or_dialog_plugins_itself() {
    let a = app();
    let cap: Value = serde_json::from_str(include_str!("../capabilities/main-window.json")).unwrap();
    let permissions = cap["permissions"].as_array().unwrap();
    assert!(permissions.iter().all(|p| p.as_str().is_some_and(|p| p.starts_with("allow-") && !p.contains(':'))));
    for (cmd, args) in [
        ("plugin:opener|open_path", json!({ "path": "/etc/passwd" })),
        ("plugin:opener|open_url", json!({ "url": "https://example.com" })),
        ("plugin:opener|reveal_item_in_dir", json!({ "paths": ["/etc/passwd"] })),
        ("plugin:dialog|save", json!({ "options": {} })),
        ("plugin:dialog|open", json!({ "options": {} })),
        ("plugin:dialog|message", json!({ "message": "x" })),
        ("plugin:fs|read_file", json!({ "path": "/etc/passwd" })),
    ] {
        let err = invoke(&a.main, cmd, args).unwrap_err().to_string();
        // The two plugins are there, and deny the page; fs is not even there.
        let denied = err.contains("not allowed") || err.contains("denied");
        assert!(denied || (cmd.starts_with("plugin:fs") && err.contains("not found")), "{cmd}: {err}");
    }
}

#[test]
fn a_batch_assessment_is_previewed_then_written_for_all_or_refused() {
    let a = app();
    let id = invoke(&a.main, "member_create", json!({ "input": good_member() })).unwrap()["id"].as_i64().unwrap();
    let preview =
        invoke(&a.main, "dues_assess_batch_preview", json!({ "category": "farmer", "from_month": "" })).unwrap();
    assert_eq!(preview["from_month"], "2026-11", "no 建账日期: the current month");
    assert_eq!(preview["assessable"], 1);
    assert_eq!(preview["rows"][0]["monthly_fen"], 50);
    let refused = invoke(
        &a.main,
        "dues_assess_batch",
        json!({ "category": "farmer", "from_month": "2026-11", "member_ids": [id, 999] }),
    )
    .unwrap_err();
    assert_eq!(refused["code"], "validation");
    assert!(refused["fields"]["members"].as_str().unwrap().contains("这次没有核定任何人"), "{refused}");
    assert_eq!(invoke(&a.main, "dues_assessments", json!({ "member_id": id })).unwrap(), json!([]));
    let n = invoke(
        &a.main,
        "dues_assess_batch",
        json!({ "category": "farmer", "from_month": "2026-11", "member_ids": [id] }),
    )
    .unwrap();
    assert_eq!(n, 1);
    assert_eq!(invoke(&a.main, "dues_assessments", json!({ "member_id": id })).unwrap()[0]["monthly_fen"], 50);
}

#[test]
fn recruit_choices_come_from_the_core_and_a_member_not_recruited_has_no_record() {
    let a = app();
    let c = invoke(&a.main, "recruit_choices", json!({})).unwrap();
    assert_eq!(c["sources"].as_array().unwrap().len(), 6);
    assert_eq!(c["sources"][0], json!({ "value": "young_farmer", "label": "青年农民" }));
    assert_eq!(c["stop_reasons"].as_array().unwrap().len(), 5);
    let docs = c["doc_kinds"].as_array().unwrap();
    assert_eq!(docs.len(), 12);
    assert_eq!(docs[0], json!({ "value": "application", "label": "入党申请书", "stage": 1 }));
    assert!(docs.iter().any(|d| d["value"] == "volunteer_form" && d["stage"] == 4));

    let m = invoke(&a.main, "member_create", json!({ "input": good_member() })).unwrap();
    let none = invoke(&a.main, "recruit_of_member", json!({ "memberId": m["id"] })).unwrap();
    assert_eq!(none, Value::Null);
}

/// 党费使用 (docs/DOMAIN.md §9) through the window's commands: a spending
/// beyond the balance comes back saved with the core's warning, a refused
/// form names its fields, money received lifts the balance, and an edit and
/// a delete reach the year's lines.
#[test]
fn spending_and_money_received_go_through_the_commands() {
    let a = app();
    let spend = |input: Value| invoke(&a.main, "dues_spend", json!({ "input": input }));
    let saved = spend(json!({ "spent_on": "2026-03-05", "purpose": "购买学习资料", "amount": "300.05" })).unwrap();
    let id = saved["spending"]["id"].as_i64().unwrap();
    assert_eq!(saved["spending"]["amount_fen"], 30005);
    assert_eq!(saved["balance"]["available_fen"], -30005);
    assert!(saved["warning"].as_str().unwrap().contains("-300.05 元"));

    let err = spend(json!({ "spent_on": "2026-03-05", "purpose": "", "amount": "abc" })).unwrap_err();
    assert_eq!(err["code"], "validation");
    assert!(err["fields"]["purpose"].as_str().unwrap().contains("用途"));
    assert!(err["fields"]["amount"].is_string());

    let r =
        invoke(&a.main, "dues_receive", json!({ "input": { "received_on": "2026-03-01", "amount": "500" } })).unwrap();
    let year = invoke(&a.main, "dues_spending_year", json!({ "year": 2026 })).unwrap();
    assert_eq!(year["balance"]["available_fen"], 50000 - 30005);
    assert_eq!(year["lines"].as_array().unwrap().len(), 1);

    let edited = invoke(
        &a.main,
        "dues_spend_update",
        json!({ "id": id, "input": { "spent_on": "2026-03-05", "purpose": "购买学习资料", "amount": "300" } }),
    )
    .unwrap();
    assert_eq!(edited["warning"], Value::Null);
    invoke(
        &a.main,
        "dues_receive_update",
        json!({ "id": r["id"], "input": { "received_on": "2026-03-01", "amount": "400" } }),
    )
    .unwrap();
    // A receipt scan, as the page sends it (base64), read back as a data: URL.
    let scan =
        invoke(&a.main, "dues_spend_attach", json!({ "id": id, "name": "发票.png", "data": "cmVjZWlwdA==" })).unwrap();
    assert_eq!(scan["original_name"], "发票.png");
    let list = invoke(&a.main, "dues_spend_attachments", json!({ "id": id })).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    let url = invoke(&a.main, "dues_spend_attachment_data", json!({ "id": scan["id"] })).unwrap();
    assert!(url.as_str().unwrap().starts_with("data:image/png;base64,"), "{url}");
    invoke(&a.main, "dues_spend_detach", json!({ "id": scan["id"] })).unwrap();
    assert_eq!(invoke(&a.main, "dues_spend_attachments", json!({ "id": id })).unwrap(), json!([]));
    invoke(&a.main, "dues_spend_delete", json!({ "id": id })).unwrap();
    invoke(&a.main, "dues_receive_delete", json!({ "id": r["id"] })).unwrap();
    let year = invoke(&a.main, "dues_spending_year", json!({ "year": 2026 })).unwrap();
    assert_eq!(year["lines"], json!([]));
    assert_eq!(year["balance"]["available_fen"], 0);
    let gone = invoke(&a.main, "dues_spend_delete", json!({ "id": id })).unwrap_err();
    assert_eq!(gone["code"], "not_found");
}

/// 流动党员 through the page's commands: a refused form names its fields and
/// saves nothing; a saved one makes the member 流动党员 and lists them.
#[test]
fn mobile_commands_check_save_and_list() {
    let a = app();
    let m = invoke(&a.main, "member_create", json!({ "input": good_member() })).unwrap();
    let c = invoke(&a.main, "mobile_choices", json!({})).unwrap();
    assert_eq!(c["ways"][0], json!({ "value": "phone", "label": "电话" }));
    assert_eq!(c["relations"].as_array().unwrap().len(), 3);
    let form = json!({ "member_id": m["id"], "left_on": "2026-03-01", "place": "", "contact_person": "" });
    let e = invoke(&a.main, "mobile_period_create", json!({ "form": form })).unwrap_err();
    assert_eq!(e["code"], "validation");
    assert!(e["fields"]["place"].as_str().unwrap().contains("请填写外出地点"));
    assert_eq!(e["fields"]["contact_person"], "请填写负责联系的支委姓名");
    let none = invoke(&a.main, "mobile_member", json!({ "memberId": m["id"] })).unwrap();
    assert!(none["periods"].as_array().unwrap().is_empty());
    let form =
        json!({ "member_id": m["id"], "left_on": "2026-03-01", "place": "广东省深圳市", "contact_person": "张三" });
    let p = invoke(&a.main, "mobile_period_create", json!({ "form": form })).unwrap();
    assert_eq!(p["where_label"], "广东省深圳市");
    let detail = invoke(&a.main, "member_get", json!({ "id": m["id"] })).unwrap();
    assert_eq!(detail["mobile"], true);
    let list = invoke(&a.main, "mobile_list", json!({})).unwrap();
    assert_eq!(list["rows"][0]["member_id"], m["id"]);
    // 2026-03-01 to 2026-11-27 without contact: 271 days, and six months away.
    assert_eq!(list["rows"][0]["days_since"], 271);
    assert_eq!(list["rows"][0]["should_transfer"], true);
    let back = invoke(&a.main, "mobile_back", json!({ "memberId": m["id"], "backOn": "2026-11-20" })).unwrap();
    assert_eq!(back["back_on"], "2026-11-20");
    assert!(invoke(&a.main, "mobile_list", json!({})).unwrap()["rows"].as_array().unwrap().is_empty());
}

#[test]
fn service_commands_check_save_change_list_and_delete() {
    let a = app();
    let m = invoke(&a.main, "member_create", json!({ "input": good_member() })).unwrap();
    let kinds = invoke(&a.main, "service_kinds", json!({})).unwrap();
    assert_eq!(kinds[1], json!({ "value": "deed", "label": "为民办实事" }));
    let bad = json!({ "served_on": "2026-11-20", "kind": "volunteer", "what": "", "hours": "1.25", "member_ids": [] });
    let e = invoke(&a.main, "service_create", json!({ "form": bad })).unwrap_err();
    assert_eq!(e["code"], "validation");
    assert_eq!(e["fields"]["member_ids"], "请至少选择一名参加服务的党员");
    assert!(e["fields"]["hours"].as_str().unwrap().contains("最多一位小数"));
    let form = json!({ "served_on": "2026-11-20", "kind": "volunteer", "what": "打扫村道", "households": "4",
                       "hours": "2", "member_ids": [m["id"]] });
    let s = invoke(&a.main, "service_create", json!({ "form": form })).unwrap();
    assert_eq!(s["members"][0]["name"], "张三");
    let mut changed = form.clone();
    changed["households"] = json!("6");
    let s2 = invoke(&a.main, "service_update", json!({ "id": s["id"], "form": changed })).unwrap();
    assert_eq!(s2["households"], 6);
    let y = invoke(&a.main, "service_year", json!({ "year": 2026 })).unwrap();
    assert_eq!(y["totals"], json!({ "records": 1, "member_times": 1, "households": 6, "people": 0, "tenths": 20 }));
    let mine = invoke(&a.main, "service_member_list", json!({ "member_id": m["id"], "year": 2026 })).unwrap();
    assert_eq!(mine.as_array().unwrap().len(), 1);
    invoke(&a.main, "service_delete", json!({ "id": s["id"] })).unwrap();
    let y = invoke(&a.main, "service_year", json!({ "year": 2026 })).unwrap();
    assert_eq!(y["totals"]["records"], 0);
    assert!(invoke(&a.main, "service_attachments", json!({ "id": s["id"] })).unwrap().as_array().unwrap().is_empty());
}

#[test]
fn points_commands_import_enable_compute_enter_and_export() {
    use base64::Engine;
    let a = app();
    let m = invoke(&a.main, "member_create", json!({ "input": good_member() })).unwrap();
    let cur = invoke(&a.main, "points_rules", json!({})).unwrap();
    assert_eq!((cur["version"].as_i64(), cur["enabled"].as_bool()), (Some(0), Some(false)));
    assert_eq!(cur["rules"]["example"], true);
    let y = invoke(&a.main, "points_year", json!({ "year": 2026 })).unwrap();
    assert_eq!((y["enabled"].as_bool(), y["members"].as_array().unwrap().len()), (Some(false), 0));

    let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s.as_bytes());
    let bad = r#"{ "name": "坏", "items": [ { "key": "x", "group": "base", "label": "甲", "points": 1, "source": "moon" } ] }"#;
    let e = invoke(&a.main, "points_rules_import", json!({ "data": b64(bad) })).unwrap_err();
    assert_eq!(e["code"], "import_failed");
    assert!(e["message"].as_str().unwrap().contains("“甲”的来源“moon”不认识"));
    let good = r#"{ "name": "某县办法", "items": [
        { "key": "good", "group": "pioneer", "label": "先锋表现", "points": 2.5, "cap_year": 4, "source": "entered" } ],
      "stars": [ { "stars": 2, "min": 4 }, { "stars": 1, "min": 0 } ] }"#;
    let r = invoke(&a.main, "points_rules_import", json!({ "data": b64(good) })).unwrap();
    assert_eq!((r["version"].as_i64(), r["enabled"].as_bool()), (Some(1), Some(true)));

    let form = |reason: &str| {
        json!({ "form": { "member_id": m["id"], "entered_on": "2026-05-01", "rule_key": "good", "points": "",
                          "reason": reason, "evidence": "" } })
    };
    let e = invoke(&a.main, "points_entry_create", form("")).unwrap_err();
    assert!(e["fields"]["reason"].as_str().unwrap().contains("原因"));
    let first = invoke(&a.main, "points_entry_create", form("修路")).unwrap();
    invoke(&a.main, "points_entry_create", form("救灾")).unwrap();
    let y = invoke(&a.main, "points_year", json!({ "year": 2026 })).unwrap();
    let row = &y["members"][0];
    // 2.5 + 2.5 capped at 4 a year.
    assert_eq!((row["total"].as_str(), row["stars"].as_u64()), (Some("4"), Some(2)));
    assert_eq!(row["items"][0]["source"], "录入：修路");
    invoke(&a.main, "points_entry_delete", json!({ "id": first["id"] })).unwrap();
    let entries = invoke(&a.main, "points_entries", json!({ "year": 2026 })).unwrap();
    assert_eq!(entries.as_array().unwrap().len(), 1);

    let off = invoke(&a.main, "points_rules_enable", json!({ "enabled": false })).unwrap();
    assert_eq!((off["version"].as_i64(), off["enabled"].as_bool()), (Some(2), Some(false)));
    let out = invoke(&a.main, "points_rules_export", json!({})).unwrap();
    let path = out["path"].as_str().unwrap();
    assert!(path.ends_with(".json") && path.contains("积分规则"), "{path}");
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains("某县办法") && text.contains("2.5"));
    // The exported file may be opened like the other exports (and only it).
    assert!(invoke(&a.main, "export_reveal", json!({ "path": "/etc/passwd" })).is_err());
}

/// 学时 through the commands: a refused training saves nothing, a saved one
/// adds its hours to the year, the settings come back with their defaults,
/// and a deleted training no longer counts.
#[test]
fn study_commands_check_save_and_count() {
    let a = app();
    let m = invoke(&a.main, "member_create", json!({ "input": good_member() })).unwrap();
    let c = invoke(&a.main, "study_choices", json!({})).unwrap();
    assert_eq!(c["organisers"][0], json!({ "value": "county", "label": "县委组织部" }));
    assert_eq!(c["levels"][1], json!({ "value": "branch", "label": "支部集体学习" }));
    let setup = invoke(&a.main, "study_settings_get", json!({})).unwrap();
    assert_eq!(setup["defaults"]["target_tenths"], 320);
    assert_eq!(setup["settings"]["remind_from"], "10-01");
    let form = json!({ "started_on": "2026-06-10", "hours": "1.55", "organiser": "county", "level": "central",
        "topic": "学习党章", "participants": [{ "member_id": m["id"] }] });
    let e = invoke(&a.main, "study_training_create", json!({ "form": form })).unwrap_err();
    assert_eq!(e["code"], "validation");
    assert!(e["fields"]["hours"].as_str().unwrap().contains("一位小数"));
    assert!(invoke(&a.main, "study_trainings", json!({ "year": 2026 })).unwrap().as_array().unwrap().is_empty());
    let form = json!({ "started_on": "2026-06-10", "hours": "4", "organiser": "county", "level": "central",
        "topic": "学习党章", "participants": [{ "member_id": m["id"] }] });
    let t = invoke(&a.main, "study_training_create", json!({ "form": form })).unwrap();
    assert_eq!(t["hours"], "4.0");
    let year = invoke(&a.main, "study_year", json!({ "year": 2026 })).unwrap();
    assert_eq!(year["rows"][0]["total"], "4.0");
    assert_eq!(year["rows"][0]["central_training"], true);
    invoke(&a.main, "study_training_delete", json!({ "id": t["id"] })).unwrap();
    let year = invoke(&a.main, "study_year", json!({ "year": 2026 })).unwrap();
    assert_eq!(year["rows"][0]["total"], "0.0");
    let mut settings = setup["settings"].clone();
    settings["target_tenths"] = json!(0);
    let e = invoke(&a.main, "study_settings_save", json!({ "settings": settings })).unwrap_err();
    assert!(e["fields"]["target_tenths"].as_str().unwrap().contains("1 到 200"));
}
