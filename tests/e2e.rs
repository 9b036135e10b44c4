//! The flows a secretary does, on the real app binary (tests/run-e2e.sh).

use std::process::Command;
use zhibu_e2e::{app_binary, id_with_check, Session, TODAY};

/// A fictional man born 1962-03-15, with a valid check digit.
fn valid_id() -> String {
    id_with_check("41052319620315101")
}

fn start(dir: &std::path::Path) -> Session {
    zhibu_e2e::start_in(dir)
}

fn cli(dir: &std::path::Path, args: &[&str]) -> String {
    zhibu_e2e::cli_in(dir, args)
}

fn open_roster(s: &Session) {
    s.click_css("[data-testid=nav-members]");
    s.wait_for("[data-testid=roster-count]", 10);
}

/// The text fields of the add form, with what is typed into each.
fn typed_fields() -> Vec<(&'static str, String)> {
    vec![
        ("name", "王建华".into()),
        ("id_number", valid_id()),
        ("birth_date", "1962-03-15".into()),
        ("admitted_on", "1988-07".into()),
        ("full_member_on", "1989-07".into()),
        ("job", "东山村村民委员会 会计".into()),
        ("phone", "13900001234".into()),
        ("address", "东山村三组18号".into()),
    ]
}

#[test]
fn a_member_added_through_the_form_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let s = start(dir.path());
    s.wait_for("[data-testid=load-demo]", 10);
    open_roster(&s);
    assert_eq!(s.text_of("[data-testid=roster-count]"), "共 0 人");
    s.click_css("[data-testid=add-member]");
    s.wait_for("[data-testid=member-form-page]", 10);
    for (field, value) in typed_fields() {
        s.type_into(&format!("[data-testid=field-{field}]"), &value);
    }
    s.click_text("[data-testid=field-sex] .el-radio-button", "男");
    s.click_text("[data-testid=field-kind] .el-radio-button", "正式党员");
    // A new party group typed into the select is created on save.
    s.click_css("[data-testid=field-group_id]");
    s.type_into("[data-testid=field-group_id]", "第二党小组");
    s.press_enter("[data-testid=field-group_id]");
    s.screenshot("member-form");
    s.click_css("[data-testid=save-member]");
    s.wait_for("[data-testid=member-detail]", 10);
    assert_eq!(s.text_of("[data-testid=detail-name]").trim(), "王建华");
    open_roster(&s);
    s.wait_until("the new member in the roster", 10, |s| s.roster_names() == ["王建华"]);
    assert_eq!(s.text_of("[data-testid=roster-count]"), "共 1 人");
    s.quit();

    // Start again on the same data folder: still there, every field intact.
    let s = start(dir.path());
    open_roster(&s);
    s.wait_until("the member after restart", 10, |s| s.roster_names() == ["王建华"]);
    s.click_css("[data-testid=cell-name]");
    s.wait_for("[data-testid=member-detail]", 10);
    assert!(s.text_of("[data-testid=detail-group_name]").contains("第二党小组"));
    s.click_text("[data-testid=member-detail] button", "编辑");
    s.wait_for("[data-testid=member-form-page]", 10);
    s.wait_until("the form filled from the database", 10, |s| s.value_of("[data-testid=field-name]") == "王建华");
    for (field, value) in typed_fields() {
        assert_eq!(s.value_of(&format!("[data-testid=field-{field}]")), value, "field {field}");
    }
    let checked = |group: &str| s.text_of(&format!("[data-testid=field-{group}] .el-radio-button.is-active"));
    assert_eq!(checked("sex").trim(), "男");
    assert_eq!(checked("kind").trim(), "正式党员");
    s.quit();

    // The CLI reads the same record: month-precision dates kept as months.
    let json: serde_json::Value = serde_json::from_str(&cli(dir.path(), &["member", "list", "--json"])).unwrap();
    assert_eq!(json[0]["admitted_on"], "1988-07");
    assert_eq!(json[0]["group_name"], "第二党小组");
    assert_eq!(json[0]["id_number"], valid_id());
}

#[test]
fn a_bad_checksum_is_shown_beside_the_field_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let s = start(dir.path());
    s.go("#/members/new");
    s.wait_for("[data-testid=member-form-page]", 10);
    let good = valid_id();
    let wrong_last = if good.ends_with('1') { '2' } else { '1' };
    let bad = format!("{}{wrong_last}", &good[..17]);
    let mut fields = typed_fields();
    fields[1].1 = bad;
    for (field, value) in fields {
        s.type_into(&format!("[data-testid=field-{field}]"), &value);
    }
    s.click_text("[data-testid=field-sex] .el-radio-button", "男");
    s.click_text("[data-testid=field-kind] .el-radio-button", "正式党员");
    s.click_css("[data-testid=save-member]");
    // Element Plus shows a field error a moment after it is set.
    let err_css = "[data-testid=item-id_number] .el-form-item__error";
    s.wait_until("the error beside the ID field", 10, |s| {
        !s.find_all(err_css).is_empty() && !s.text_of(err_css).is_empty()
    });
    let err = s.text_of(err_css);
    assert!(err.contains("校验位"), "{err}");
    s.screenshot("member-form-error");
    assert!(s.find_all("[data-testid=member-detail]").is_empty(), "stayed on the form");
    s.quit();
    let json: serde_json::Value = serde_json::from_str(&cli(dir.path(), &["member", "list", "--json"])).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 0, "nothing saved");
}

#[test]
fn pinyin_initials_in_the_search_box_find_the_member() {
    let dir = tempfile::tempdir().unwrap();
    cli(dir.path(), &["demo", "load"]);
    let s = start(dir.path());
    open_roster(&s);
    s.wait_until("the demo roster", 10, |s| s.roster_names().len() > 30);
    s.type_into("[data-testid=roster-search]", "mjj");
    s.wait_until("search by initials", 10, |s| s.roster_names() == ["马俊杰"]);
    assert_eq!(s.text_of("[data-testid=roster-count]"), "共 1 人");
    s.type_into("[data-testid=roster-search]", "zcy");
    s.wait_until("another search", 10, |s| s.roster_names() == ["赵春燕"]);
    s.quit();
}

#[test]
fn loading_the_demo_branch_shows_about_forty_members_with_masked_ids() {
    let dir = tempfile::tempdir().unwrap();
    let s = start(dir.path());
    s.click_css("[data-testid=load-demo]");
    s.click_text(".el-message-box button", "载入");
    s.wait_until("the demo roster", 15, |s| s.roster_names().len() >= 35);
    let count = s.text_of("[data-testid=roster-count]");
    assert_eq!(count, format!("共 {} 人", s.roster_names().len()));
    let n = s.roster_names().len();
    assert!((35..=45).contains(&n), "{n} members");
    let ids = s.texts("[data-testid=cell-id]");
    assert_eq!(ids.len(), n);
    for id in &ids {
        let b = id.as_bytes();
        assert_eq!(b.len(), 18, "{id}");
        assert!(b[..6].iter().all(u8::is_ascii_digit) && &id[6..14] == "********", "not masked: {id}");
    }
    // No full ID number anywhere on the page.
    let body = s.body_text();
    assert!(!body
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|w| w.len() == 18 && w.bytes().all(|b| b.is_ascii_digit() || b == b'X')));
    s.screenshot("roster");
    s.quit();
}

/// First real use: an empty branch offers her own roster first; the demo is
/// loaded only after she agrees, every page says it is fictional, and
/// 清除示例数据 (after asking) leaves an empty branch and a backup listed.
#[test]
fn the_demo_is_asked_for_marked_on_every_page_and_cleared_back_to_an_empty_branch() {
    let dir = tempfile::tempdir().unwrap();
    let s = start(dir.path());
    s.wait_for("[data-testid=empty-card]", 10);
    let primary = |s: &Session| {
        s.script(
            "return [...document.querySelectorAll('[data-testid=empty-card] .el-button--primary')].map(b => b.textContent.trim())",
            serde_json::json!([]),
        )
    };
    assert_eq!(primary(&s), serde_json::json!(["导入花名册", "添加党员"]));
    assert!(s.text_of("[data-testid=demo-offer]").contains("虚构的人员，只用来熟悉程序"));
    assert!(s.find_all("[data-testid=demo-banner]").is_empty());
    s.screenshot("demo-home-empty");

    s.click_css("[data-testid=load-demo]");
    s.wait_until("the question", 10, |s| s.body_text().contains("姓名、身份证号均为虚构"));
    s.screenshot("demo-confirm-load");
    s.click_text(".el-message-box button", "载入");
    s.wait_until("the demo roster", 20, |s| s.roster_names().len() >= 35);
    s.wait_for("[data-testid=demo-banner]", 10);
    assert!(s.text_of("[data-testid=demo-banner]").contains("现在显示的是示例支部（虚构的人员）"));
    s.screenshot("demo-banner-roster");

    s.click_css("[data-testid=demo-clear]");
    s.wait_until("the question", 10, |s| s.body_text().contains("清除前会自动备份"));
    s.click_text(".el-message-box button", "清除");
    s.wait_for("[data-testid=empty-card]", 20);
    s.wait_until("the banner gone", 10, |s| s.find_all("[data-testid=demo-banner]").is_empty());
    assert!(s.text_of("[data-testid=member-count]").contains('0'));
    assert_eq!(primary(&s), serde_json::json!(["导入花名册", "添加党员"]));
    s.screenshot("demo-cleared-home");

    s.click_css("[data-testid=nav-archive]");
    s.wait_until("the backup list", 15, |s| s.texts("[data-testid=backup-kind]").iter().any(|k| k == "清除示例前"));
    s.script(
        "document.querySelector('[data-testid=backup-table]').scrollIntoView({ block: 'center' })",
        serde_json::json!([]),
    );
    s.screenshot("demo-cleared-backup");
    s.quit();
    let listed = cli(dir.path(), &["member", "list", "--json"]);
    assert_eq!(serde_json::from_str::<serde_json::Value>(&listed).unwrap(), serde_json::json!([]));
}

/// 支部党员大会 with two members on leave: recorded through the form, the
/// calendar marks the quarter held, the rates are right, and all of it is
/// still there after a restart.
#[test]
fn an_assembly_with_two_on_leave_is_recorded_and_the_quarter_is_held() {
    const OCT: &str = "2026-10-15";
    let dir = tempfile::tempdir().unwrap();
    let args = ["--data-dir", dir.path().to_str().unwrap(), "--today", OCT];
    let out = Command::new(app_binary()).args(args).args(["demo", "load"]).output().unwrap();
    assert!(out.status.success());
    let s = Session::start(&args);
    s.click_css("[data-testid=nav-meetings]");
    s.click_css("[data-testid=open-calendar]");
    let q4 = "[data-testid=cal-cell][data-kind=assembly][data-period='2026-Q4']";
    s.wait_until("the calendar", 10, |s| s.text_of(q4).contains("待召开"));
    s.go("#/meetings/new?kind=assembly");
    s.wait_for("[data-testid=meeting-form-page]", 10);
    s.wait_until("the roster as attendees", 10, |s| s.find_all("[data-testid=attendee-row]").len() == 41);
    s.type_into("[data-testid=field-topic]", "讨论第四季度重点工作");
    s.type_into("[data-testid=field-place]", "村党群服务中心");
    let rows = s.texts("[data-testid=attendee-row]");
    let names: Vec<String> = rows.iter().map(|r| r.split_whitespace().next().unwrap_or("").to_string()).collect();
    let ids = s.script(
        "return Array.from(document.querySelectorAll('[data-testid=attendee-row]')).map(e => e.getAttribute('data-member-id'))",
        serde_json::json!([]),
    );
    for (i, reason) in [(3usize, "外出务工"), (4, "生病住院")] {
        let sel = format!("[data-testid=attendee-row][data-member-id='{}']", ids[i].as_str().unwrap());
        s.click_text(&format!("{sel} .att-status .el-radio-button"), "请假");
        s.type_into(&format!("{sel} [data-testid=attendee-reason]"), reason);
    }
    s.wait_until("the quorum panel", 10, |s| s.text_of("[data-testid=quorum-panel]").contains("可以进行表决"));
    s.screenshot("meeting-form");
    s.click_css("[data-testid=save-meeting]");
    s.wait_for("[data-testid=meeting-detail]", 10);
    let detail = s.text_of("[data-testid=meeting-detail]");
    assert!(detail.contains("外出务工") && detail.contains("生病住院"), "{detail}");
    assert!(detail.contains(&names[3]) && detail.contains(&names[4]));

    let check_everything = |s: &Session| {
        s.go("#/meetings");
        s.wait_until("the meeting in the list", 10, |s| {
            s.texts("[data-testid=meeting-row]").iter().any(|r| r.contains("讨论第四季度重点工作"))
        });
        let row =
            s.texts("[data-testid=meeting-row]").into_iter().find(|r| r.contains("讨论第四季度重点工作")).unwrap();
        // 41 should attend, 39 present, 2 on leave: 95.1%.
        assert!(row.contains("95.1%"), "{row}");
        s.go("#/meetings/calendar");
        s.wait_until("Q4 held", 10, |s| s.text_of(q4).contains("已召开"));
        assert!(s.text_of(q4).contains("1/1"), "{}", s.text_of(q4));
        // October's bar: every October meeting's present over should, as the core counts it.
        let list: serde_json::Value =
            serde_json::from_str(&cli_at(&args, &["meeting", "list", "--year", "2026", "--json"])).unwrap();
        let (mut present, mut should) = (0u64, 0u64);
        for m in list.as_array().unwrap().iter().filter(|m| m["date"].as_str().unwrap().starts_with("2026-10")) {
            present += m["present"].as_u64().unwrap();
            should += m["should_attend"].as_u64().unwrap();
        }
        let tenths = (present * 2000 + should) / (2 * should);
        let want = format!("{}.{}%", tenths / 10, tenths % 10);
        let bar = s.text_of("[data-testid=month-rate][data-month='2026-10']");
        assert!(bar.contains(&want), "October bar {bar:?}, want {want}");
    };
    check_everything(&s);
    s.screenshot("meeting-calendar");
    s.quit();

    let s = Session::start(&args);
    check_everything(&s);
    s.quit();
}

/// A 党员大会 of a branch of 100: the attendees come folded by 党小组, the
/// groups' sizes add up to the core's 应到, a group opens to its own rows,
/// one marked 请假 shows in its header and is saved with its reason.
#[test]
fn a_large_assemblys_attendees_are_folded_by_group_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["--data-dir", dir.path().to_str().unwrap(), "--today", TODAY];
    cli_at(&args, &["demo", "synthetic", "--members", "100", "--years", "1"]);
    let s = Session::start(&args);
    s.go("#/meetings/new?kind=assembly");
    s.wait_for("[data-testid=meeting-form-page]", 20);
    s.wait_until("the groups", 20, |s| s.find_all("[data-testid=attendee-group]").len() > 1);
    s.wait_until("the counts", 10, |s| s.text_of("[data-testid=count-should_attend]").parse::<usize>().is_ok());
    assert!(s.find_all("[data-testid=attendee-row]").is_empty(), "folded groups draw no rows");
    let sizes: Vec<usize> = s
        .texts("[data-testid=attendee-group-size]")
        .iter()
        .map(|t| t.trim_end_matches(" 人").trim().parse().unwrap())
        .collect();
    let should: usize = s.text_of("[data-testid=count-should_attend]").parse().unwrap();
    assert!(should > 60, "a list long enough to fold: {should}");
    assert_eq!(sizes.iter().sum::<usize>(), should, "{sizes:?}");

    let first = "[data-testid=attendee-group]:first-of-type";
    s.click_css(first);
    s.wait_until("the first group's rows", 10, |s| s.find_all("[data-testid=attendee-row]").len() == sizes[0]);
    let id = s.script(
        "return document.querySelector('[data-testid=attendee-row]').getAttribute('data-member-id')",
        serde_json::json!([]),
    );
    let row = format!("[data-testid=attendee-row][data-member-id='{}']", id.as_str().unwrap());
    let name = s.text_of(&format!("{row} [data-testid=attendee-name]"));
    s.click_text(&format!("{row} .att-status .el-radio-button"), "请假");
    s.type_into(&format!("{row} [data-testid=attendee-reason]"), "外出务工");
    s.wait_until("请假 in the group's header", 10, |s| {
        s.texts("[data-testid=attendee-group-tally]")[0].contains("请假 1")
    });
    s.type_into("[data-testid=field-topic]", "讨论年度重点工作");
    s.type_into("[data-testid=field-place]", "村党群服务中心");
    s.wait_until("the check counted the leave", 10, |s| s.text_of("[data-testid=count-on_leave]") == "1");
    s.screenshot("meeting-folded");
    s.set_window_size(1024, 768);
    s.script(
        "document.documentElement.classList.remove('font-standard'); document.documentElement.classList.add('font-large');
         document.querySelector('[data-testid=attendee-group]').scrollIntoView()",
        serde_json::json!([]),
    );
    s.screenshot("meeting-folded-1024-large");
    s.click_css("[data-testid=save-meeting]");
    s.wait_for("[data-testid=meeting-detail]", 10);
    let detail = s.text_of("[data-testid=meeting-detail]");
    assert!(detail.contains(&name) && detail.contains("外出务工"), "{detail}");
    s.quit();
}

/// A 党员大会 resolution: no verdict before votes are typed, a request to
/// check (and no 通过) when the votes outnumber the voting members present,
/// refused on save beside the resolution, and 通过 once the votes add up.
#[test]
fn a_resolution_has_no_verdict_until_its_votes_add_up() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["--data-dir", dir.path().to_str().unwrap(), "--today", TODAY];
    cli_at(&args, &["demo", "load"]);
    let s = Session::start(&args);
    s.go("#/meetings/new?kind=assembly");
    s.wait_for("[data-testid=meeting-form-page]", 10);
    s.wait_until("the roster as attendees", 10, |s| !s.find_all("[data-testid=attendee-row]").is_empty());
    s.wait_until("the quorum panel", 10, |s| s.text_of("[data-testid=quorum-panel]").contains("可以进行表决"));
    s.type_into("[data-testid=field-topic]", "讨论村集体经济项目");
    s.click_css("[data-testid=add-resolution]");
    s.type_into("[data-testid=resolution-text]", "同意实施村集体经济项目");
    let verdict = "[data-testid=resolution-verdict]";
    let show = |s: &Session, css: &str| {
        s.script("document.querySelector(arguments[0])?.scrollIntoView({ block: 'center' })", serde_json::json!([css]));
    };
    // A new resolution, checked by the core: nothing said, neither 通过 nor 未通过.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(s.find_all(verdict).is_empty(), "{}", s.text_of(verdict));
    assert!(s.find_all("[data-testid=quorum-resolution]").is_empty());
    show(&s, "[data-testid=resolution]");
    s.screenshot("resolution-empty");

    let type_votes = |s: &Session, key: &str, n: &str| {
        s.type_into(&format!("[data-testid=resolution-{key}]"), n);
        s.script("document.activeElement && document.activeElement.blur()", serde_json::json!([]));
    };
    type_votes(&s, "votes_for", "90");
    type_votes(&s, "votes_against", "9");
    s.wait_until("the tally warning", 10, |s| s.text_of(verdict).contains("票数合计 99 票"));
    let warning = s.text_of(verdict);
    assert!(warning.contains("超过到会有表决权党员") && warning.ends_with("请核对票数"), "{warning}");
    assert!(!warning.contains("通过"), "{warning}");
    let e = s.wait_for(verdict, 1);
    assert_eq!(s.data(&e, "invalid"), "true");
    assert_eq!(s.data(&e, "passed"), "null");
    let panel_line = s.text_of("[data-testid=quorum-resolution]");
    assert!(panel_line.contains("票数合计 99 票") && !panel_line.contains("通过"), "{panel_line}");
    show(&s, verdict);
    s.screenshot("resolution-too-many-votes");

    // Saving is refused, with the same words beside the resolution.
    s.click_css("[data-testid=save-meeting]");
    let error = "[data-testid=resolution-item][data-index='0'] .el-form-item__error";
    s.wait_until("the refusal beside the resolution", 10, |s| s.text_of(error).contains("票数合计 99 票"));
    assert!(s.find_all("[data-testid=meeting-detail]").is_empty());
    let present: u32 = {
        let t = s.text_of(error);
        let after = t.split("超过到会有表决权党员 ").nth(1).unwrap_or_else(|| panic!("{t}"));
        after.split(' ').next().unwrap().parse().unwrap_or_else(|_| panic!("{t}"))
    };
    assert!(present > 0);

    // Everyone present votes in favour: 通过, green.
    type_votes(&s, "votes_against", "0");
    type_votes(&s, "votes_for", &present.to_string());
    s.wait_until("通过", 10, |s| s.text_of(verdict).ends_with("通过。"));
    let e = s.wait_for(verdict, 1);
    assert_eq!(s.data(&e, "passed"), "true");
    assert_eq!(s.data(&e, "invalid"), "false");
    assert!(s.text_of(verdict).contains(&format!("赞成 {present} 票")), "{}", s.text_of(verdict));
    // The refusal was about the old votes: it goes (Element Plus fades a
    // form item's error out), nothing red beside 通过.
    s.wait_until("the old refusal gone", 10, |s| s.find_all(error).is_empty());
    show(&s, verdict);
    s.screenshot("resolution-passed");
    s.click_css("[data-testid=save-meeting]");
    s.wait_for("[data-testid=meeting-detail]", 10);
    assert!(s.text_of("[data-testid=detail-verdict]").ends_with("通过。"));
    s.quit();
}

/// Whether the element `a` comes before `b` on the page.
fn comes_before(s: &Session, a: &str, b: &str) -> bool {
    s.script(
        "const [a, b] = [document.querySelector(arguments[0]), document.querySelector(arguments[1])];\
         return !!(a && b && (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING));",
        serde_json::json!([a, b]),
    )
    .as_bool()
    .unwrap_or(false)
}

/// A 党小组会 asks for the group first; the list is then that group's members
/// on the day, as the roster says (a member who has died is not on it).
#[test]
fn a_group_meeting_asks_for_the_group_first_and_lists_its_members() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["--data-dir", dir.path().to_str().unwrap(), "--today", TODAY];
    cli_at(&args, &["demo", "load"]);
    let roster: serde_json::Value = serde_json::from_str(&cli_at(&args, &["--json", "member", "list"])).unwrap();
    let mut in_group: Vec<String> = roster
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["group_name"] == "第二党小组" && m["status"] == "normal" && m["left_branch"] != true)
        .map(|m| m["name"].as_str().unwrap().to_string())
        .collect();
    in_group.sort();
    assert!(in_group.len() > 5, "{in_group:?}");

    let s = Session::start(&args);
    s.go("#/meetings/new?kind=group_meeting");
    s.wait_for("[data-testid=item-group_id]", 10);
    assert!(comes_before(&s, "[data-testid=item-group_id]", "[data-testid=item-date]"));
    assert!(comes_before(&s, "[data-testid=item-group_id]", "[data-testid=attendees-heading]"));
    s.wait_until("the list waiting for the group", 10, |s| {
        s.text_of("[data-testid=attendee-empty]").contains("请先在上面选择党小组")
    });
    assert!(s.find_all("[data-testid=attendee-row]").is_empty());
    s.screenshot("group-meeting-before-group");
    s.choose("[data-testid=field-group_id]", "第二党小组");
    s.wait_until("the group's members", 10, |s| s.find_all("[data-testid=attendee-row]").len() == in_group.len());
    let mut names = s.texts("[data-testid=attendee-name]");
    names.sort();
    assert_eq!(names, in_group);
    s.screenshot("group-meeting-second-group");
    s.quit();
}

/// A 谈心谈话 is recorded with a 谈话人 and a 谈话对象, and neither the form,
/// the record nor the list counts attendance for it.
#[test]
fn a_talk_has_a_talker_and_a_person_talked_with_and_no_attendance() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["--data-dir", dir.path().to_str().unwrap(), "--today", TODAY];
    cli_at(&args, &["demo", "load"]);
    let s = Session::start(&args);
    s.go("#/meetings/new?kind=talk");
    s.wait_for("[data-testid=meeting-form-page]", 10);
    s.wait_until("the talk's words", 10, |s| s.text_of("[data-testid=item-host_id]").contains("谈话人"));
    assert_eq!(s.text_of("[data-testid=attendees-heading]"), "谈话对象");
    s.type_into("[data-testid=field-topic]", "了解家庭困难");
    // The first member offered becomes the person talked with.
    s.click_css("[data-testid=add-attendee]");
    s.wait_for(".el-select-dropdown__item .option-note", 10);
    let name = s.script(
        "const li = [...document.querySelectorAll('.el-select-dropdown__item')].find(o => o.querySelector('.option-note'));\
         li.click(); return li.querySelector('span').textContent.trim();",
        serde_json::json!([]),
    );
    let name = name.as_str().unwrap().to_string();
    s.wait_until("the person talked with", 10, |s| s.texts("[data-testid=attendee-name]") == [name.clone()]);
    std::thread::sleep(std::time::Duration::from_millis(800));
    let page = s.text_of("[data-testid=meeting-form-page]");
    for word in ["主持人", "参会人员", "应到", "实到", "出席率", "表决有效性", "请假"] {
        assert!(!page.contains(word), "{word} on a talk's form: {page}");
    }
    s.screenshot("talk-form");
    s.click_css("[data-testid=save-meeting]");
    s.wait_for("[data-testid=detail-host-label]", 10);
    assert_eq!(s.text_of("[data-testid=detail-host-label]"), "谈话人");
    assert_eq!(s.text_of("[data-testid=detail-present-label]"), "谈话对象");
    assert!(s.text_of("[data-testid=detail-present_names]").contains(&name));
    assert!(s.find_all("[data-testid=detail-counts]").is_empty());
    let paper = s.text_of("[data-testid=meeting-detail]");
    for word in ["主持人", "应到", "实到", "出席率", "出席人员"] {
        assert!(!paper.contains(word), "{word} on a talk's record: {paper}");
    }
    s.screenshot("talk-record");
    s.go("#/meetings");
    s.wait_until("the talk in the list", 10, |s| {
        s.texts("[data-testid=meeting-row]").iter().any(|r| r.contains("了解家庭困难"))
    });
    let row = s.texts("[data-testid=meeting-row]").into_iter().find(|r| r.contains("了解家庭困难")).unwrap();
    assert!(!row.contains('%'), "{row}");
    s.quit();
}

fn cli_at(global: &[&str], args: &[&str]) -> String {
    let out = Command::new(app_binary()).args(global).args(args).output().expect("run the CLI");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// First real use (issue 17): the sample roster imported into an empty
/// branch has no amounts; 收缴日 says so and leads to 批量核定, which sets all
/// of them as 农民党员 from this month in one go; back on 收缴日 they are all
/// ticked, and the month is recorded for each.
#[test]
fn an_imported_roster_is_assessed_in_one_go_and_collected() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["--data-dir", dir.path().to_str().unwrap(), "--today", TODAY];
    let roster = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/花名册示例.xlsx");
    cli_at(&args, &["import", "roster", roster]);
    let members: serde_json::Value = serde_json::from_str(&cli_at(&args, &["member", "list", "--json"])).unwrap();
    let n = members.as_array().unwrap().len();
    assert_eq!(n, 10, "the sample roster");

    let s = Session::start(&args);
    s.click_css("[data-testid=nav-dues]");
    s.wait_until("the grid", 15, |s| s.find_all("[data-testid=dues-row]").len() == n);
    s.click_css("[data-testid=collect-day]");
    let unassessed = format!("这个月还没有核定党费金额的有 {n} 人，请先核定金额");
    s.wait_until("the words for the missing amounts", 10, |s| {
        s.find_all("[data-testid=collect-unassessed]").first().is_some_and(|e| s.text(e).contains(&unassessed))
    });
    assert!(s.find_all("[data-testid=collect-count]").is_empty(), "not a bare 已选 0 人");
    s.screenshot("collect-unassessed");

    s.click_css("[data-testid=collect-open-batch]");
    s.wait_until("the preview", 15, |s| s.find_all("[data-testid=batch-row]").len() == n);
    let from = s.script("return document.querySelector('[data-testid=batch-from] input').value", serde_json::json!([]));
    assert_eq!(from, "2026-11", "the books start this month (the import)");
    let summary = s.text_of("[data-testid=batch-summary]");
    assert!(
        summary.contains("农民党员") && summary.contains("0.50") && summary.contains(&format!("{n} 人")),
        "{summary}"
    );
    assert!(s.find_all("[data-testid=batch-skipped]").is_empty());
    s.screenshot("batch-assess");
    s.click_css("[data-testid=batch-confirm]");

    // Back on 收缴日, everyone ticked for November.
    s.wait_until("收缴日 again, everyone ticked", 15, |s| {
        s.find_all("[data-testid=collect-count]").first().is_some_and(|e| s.text(e) == n.to_string())
    });
    assert!(s.text_of("[data-testid=collect-result]").contains(&format!("已核定 {n} 人")));
    assert!(s.text_of("[data-testid=collect-total]").contains("5.00"));
    s.screenshot("collect-after-batch");
    s.click_css("[data-testid=collect-confirm]");
    s.wait_until("the month recorded", 15, |s| {
        s.find_all("[data-testid=collect-result]")
            .first()
            .is_some_and(|e| s.text(e).contains(&format!("已登记 {n} 人")))
    });
    s.screenshot("dues-grid-collected");

    // A second 批量核定 overwrites nothing: everyone is listed as already assessed.
    s.click_css("[data-testid=batch-assess]");
    s.wait_until("everyone skipped", 15, |s| s.find_all("[data-testid=batch-skipped]").len() == n);
    assert!(s.find_all("[data-testid=batch-row]").is_empty());
    assert!(s.text_of("[data-testid=batch-skipped]").contains("已核定：农民党员，从2026年11月起每月 0.50 元"));
    assert!(s.find_all("[data-testid=batch-confirm]").iter().all(|b| !s.enabled(b)));
    s.screenshot("batch-all-skipped");
    s.quit();

    let grid: serde_json::Value =
        serde_json::from_str(&cli_at(&args, &["dues", "grid", "--year", "2026", "--json"])).unwrap();
    let rows = grid["rows"].as_array().unwrap();
    assert_eq!(rows.len(), n);
    for r in rows {
        assert_eq!(r["monthly_fen"], 50, "{}", r["name"]);
        assert_eq!(r["cells"][10]["state"], "paid", "{}", r["name"]);
        assert_eq!(r["cells"][9]["state"], "unassessed", "October stays before the batch: {}", r["name"]);
    }
}

/// A late payer: set their base, record a three-month back payment, and see
/// the grid and the arrears warning change.
#[test]
fn a_three_month_back_payment_clears_the_arrears_warning() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["--data-dir", dir.path().to_str().unwrap(), "--today", TODAY];
    cli_at(&args, &["demo", "load"]);
    let arrears: serde_json::Value = serde_json::from_str(&cli_at(&args, &["dues", "arrears", "--json"])).unwrap();
    let late = arrears
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["level"] == "warn" && a["months"] == 3)
        .expect("the demo has a member three months behind")
        .clone();
    let id = late["member_id"].as_i64().unwrap();
    let name = late["name"].as_str().unwrap().to_string();
    let months = ["2026-08", "2026-09", "2026-10"];
    let cell = |m: &str| format!("[data-testid=dues-cell][data-member-id='{id}'][data-month='{m}']");
    let state_of = |s: &Session, m: &str| {
        s.script(
            "return document.querySelector(arguments[0])?.getAttribute('data-state')",
            serde_json::json!([cell(m)]),
        )
        .as_str()
        .unwrap_or("")
        .to_string()
    };

    let s = Session::start(&args);
    s.click_css("[data-testid=nav-dues]");
    s.wait_for(&cell("2026-08"), 15);
    for m in months {
        assert_eq!(state_of(&s, m), "owed", "{m} before");
    }
    s.go("#/dues/arrears");
    s.wait_until("the arrears list", 10, |s| s.texts("[data-testid=arrears-row]").iter().any(|r| r.contains(&name)));

    // Their income is known now: in service, 3000.01 yuan from August.
    s.go(&format!("#/dues/member/{id}"));
    s.wait_for("[data-testid=assess-form]", 10);
    s.type_into("[data-testid=field-from_month]", "2026-08");
    s.choose("[data-testid=field-category]", "在职（按工资收入）");
    s.type_into("[data-testid=field-base]", "3000.01");
    s.wait_until("the preview", 10, |s| s.text_of("[data-testid=amount-preview]").contains("30.00"));
    s.click_css("[data-testid=assess-save]");
    s.wait_until("the new assessment", 10, |s| s.text_of("[data-testid=assessments]").contains("3000.01"));

    // Three months back, paid today.
    for m in months {
        s.wait_until("the month enabled", 10, |s| {
            s.script(
                "return !document.querySelector(arguments[0] + ' .el-checkbox').classList.contains('is-disabled')",
                serde_json::json!([format!("[data-testid=pay-month][data-month='{m}']")]),
            ) == serde_json::json!(true)
        });
        s.click_css(&format!("[data-testid=pay-month][data-month='{m}'] .el-checkbox"));
    }
    s.wait_until("the total", 10, |s| s.text_of("[data-testid=pay-total]").contains("90.00"));
    s.screenshot("dues-member");
    s.click_css("[data-testid=pay-save]");
    s.wait_until("the payment listed", 10, |s| s.text_of("[data-testid=payments]").contains("90.00"));

    s.go("#/dues");
    s.wait_for(&cell("2026-08"), 15);
    s.wait_until("the grid updated", 10, |s| months.iter().all(|m| state_of(s, m) == "paid"));
    s.screenshot("dues-grid");
    s.go("#/dues/arrears");
    s.wait_for("[data-testid=dues-arrears]", 10);
    s.wait_until("the warning gone", 10, |s| !s.text_of("[data-testid=dues-arrears]").contains(&name));
    s.quit();
    let after: serde_json::Value = serde_json::from_str(&cli_at(&args, &["dues", "arrears", "--json"])).unwrap();
    assert!(after.as_array().unwrap().iter().all(|a| a["member_id"] != id));
}

/// 今日提醒 on the first screen: the demo branch with a fixed today shows
/// each kind of reminder with the count the core computes.
#[test]
fn the_home_screen_shows_todays_reminders_with_their_counts() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["--data-dir", dir.path().to_str().unwrap(), "--today", TODAY];
    cli_at(&args, &["demo", "load"]);
    let r: serde_json::Value = serde_json::from_str(&cli_at(&args, &["reminders", "--json"])).unwrap();
    let s = Session::start(&args);
    s.wait_for("[data-testid=reminders]", 15);
    let kinds = [
        "political_birthdays",
        "probation_ending",
        "arrears",
        "meetings_due",
        "term_ending",
        "lost_contact",
        "milestones",
        "fifty_year_medal",
        "quarter_political_birthdays",
    ];
    let mut shown = 0;
    for kind in kinds {
        let want = r[kind].as_array().unwrap().len();
        let group = format!("[data-testid=reminder-group][data-kind={kind}]");
        if want == 0 {
            continue;
        }
        shown += 1;
        s.wait_for(&group, 10);
        assert_eq!(s.text_of(&format!("{group} [data-testid=reminder-count]")), want.to_string(), "{kind}");
        assert_eq!(s.find_all(&format!("{group} [data-testid=reminder-item]")).len(), want, "{kind} items");
    }
    assert!(shown >= 5, "the demo has at least five kinds to show, found {shown}");
    s.screenshot("home-reminders");
    s.quit();
}

/// 台账与公示: export the year workbook from the screen and read the file back.
/// The file an export result shows (ExportResult.vue): its folder and its name.
fn exported_path(s: &Session, result: &str) -> std::path::PathBuf {
    let folder = s.text_of(&format!("{result} [data-testid=export-folder]"));
    std::path::Path::new(folder.trim()).join(s.text_of(&format!("{result} [data-testid=export-file-name]")).trim())
}

#[test]
fn the_year_workbook_is_exported_from_the_screen_and_reads_back() {
    use calamine::Reader;
    let dir = tempfile::tempdir().unwrap();
    let args = ["--data-dir", dir.path().to_str().unwrap(), "--today", TODAY];
    cli_at(&args, &["demo", "load"]);
    let s = Session::start(&args);
    s.click_css("[data-testid=nav-ledger]");
    s.click_css("[data-testid=export-workbook]");
    s.wait_until("the export", 20, |s| !s.find_all("[data-testid=export-result]").is_empty());
    let path = exported_path(&s, "[data-testid=export-result]");
    s.screenshot("ledger-export");
    // 另存为…: the native dialog, answered with a folder outside the data folder.
    let chosen = tempfile::Builder::new().prefix("zhibu-chosen").tempdir().unwrap();
    let copy = chosen.path().join("copy.xlsx");
    s.click_css("[data-testid=export-result] [data-testid=export-save-as]");
    zhibu_e2e::answer_save_dialog("另存为", &copy);
    s.wait_until("the copy saved", 20, |s| {
        s.text_of("[data-testid=export-result] [data-testid=export-action-done]").contains("已另存到")
    });
    let said = s.text_of("[data-testid=export-result] [data-testid=export-action-done]");
    assert!(said.contains(copy.to_str().unwrap()), "{said}");
    assert_eq!(std::fs::read(&copy).unwrap(), std::fs::read(&path).unwrap(), "the copy is the export, byte for byte");
    s.screenshot("ledger-save-as");
    s.quit();
    assert!(path.starts_with(dir.path()), "{path:?} is in the data folder");
    let mut xlsx: calamine::Xlsx<_> = calamine::open_workbook(&path).expect("the exported file opens");
    let names = xlsx.sheet_names();
    // 封面, 目录 and the 22 sheets of `workbook::SHEETS`: 发展党员工作台账 and its
    // four 名册, the 流动党员 and 关怀帮扶 ledgers, 党费使用明细, the 学时 sheets,
    // 志愿服务登记台账 and 积分台账 among them.
    assert_eq!(names.len(), 24, "{names:?}");
    for sheet in ["发展党员工作台账", "流动党员登记台账", "走访慰问登记表", "党费使用明细"]
    {
        assert!(names.iter().any(|n| n == sheet), "{sheet}: {names:?}");
    }
    assert_eq!(names[2], "党员花名册");
    let roster = xlsx.worksheet_range("党员花名册").unwrap();
    let members: serde_json::Value = serde_json::from_str(&cli_at(&args, &["member", "list", "--json"])).unwrap();
    let first = &members[0];
    assert_eq!(roster.get_value((3, 1)).unwrap().to_string(), first["name"].as_str().unwrap());
    assert_eq!(roster.get_value((3, 11)).unwrap().to_string(), first["id_number"].as_str().unwrap());
}

/// 保存为PDF on every print page, from the screen: the page the webview
/// prints, as an A4 PDF in 导出/ with the result's buttons beside it; its
/// text is the page's (the 40-member dues notice on one sheet, no full
/// number on it).
#[test]
fn every_print_page_is_saved_as_an_a4_pdf_from_the_screen() {
    use zhibu_e2e::paper::{has_digit_run, is_a4, page_sizes, pages, plain};
    let dir = tempfile::tempdir().unwrap();
    let args = ["--data-dir", dir.path().to_str().unwrap(), "--today", TODAY];
    cli_at(&args, &["demo", "load"]);
    let meetings: serde_json::Value =
        serde_json::from_str(&cli_at(&args, &["meeting", "list", "--year", "2026", "--json"])).unwrap();
    let meeting = meetings.as_array().unwrap().iter().find(|m| m["kind"] == "assembly").expect("a 党员大会");
    let s = Session::start(&args);
    let saved = |page: &str, ready: &str, shot: &str| -> (std::path::PathBuf, String, usize) {
        s.go(page);
        s.wait_for(ready, 20);
        s.click_css("[data-testid=save-pdf]");
        s.wait_until("the PDF saved", 60, |s| {
            !s.find_all("[data-testid=pdf-result] [data-testid=export-open]").is_empty()
        });
        s.screenshot(shot);
        let path = exported_path(&s, "[data-testid=pdf-result]");
        assert!(path.starts_with(dir.path().join("导出")), "{path:?}");
        assert_eq!(path.extension().unwrap(), "pdf");
        let sizes = page_sizes(&path);
        assert!(!sizes.is_empty() && sizes.iter().all(|p| is_a4(*p)), "{page}: {sizes:?}");
        let text = plain(&pages(&path).join("\n"));
        // Kept beside the screenshots, to be looked at.
        if let Some(shots) = std::env::var_os("ZHIBU_SHOTS") {
            let _ = std::fs::copy(&path, std::path::Path::new(&shots).join(format!("{shot}.pdf")));
        }
        (path, text, sizes.len())
    };
    let (_, text, n) = saved("#/dues/notice", "[data-testid=notice-paper]", "pdf-dues-notice");
    assert!(text.contains("党费收缴情况公示") && text.contains("合计"), "{text}");
    assert_eq!(n, 1, "the dues notice on one sheet");
    assert!(!has_digit_run(&text, 11), "{text}");
    let (_, text, _) = saved(&format!("#/meetings/{}", meeting["id"]), "[data-testid=meeting-paper]", "pdf-meeting");
    assert!(text.contains("党员大会记录"), "{text}");
    let title = meeting["topic"].as_str().unwrap_or_default();
    assert!(title.is_empty() || text.contains(&plain(title)), "{title}: {text}");
    let (_, text, _) = saved("#/reminders/birthdays", "[data-testid=birthday-list]", "pdf-birthday-list");
    assert!(text.contains("政治生日名单"), "{text}");
    // 备注 wide enough for its words on one line (not one character a line).
    assert!(text.contains("入党 54 周年"), "{text}");
    assert!(!has_digit_run(&text, 11), "{text}");
    let (_, text, sheets) = saved("#/reminders/cards", "[data-testid=birthday-card]", "pdf-birthday-cards");
    assert!(text.contains("同志") && text.contains("入党时间"), "{text}");
    let cards = s.find_all("[data-testid=birthday-card]").len();
    assert_eq!(sheets, cards.div_ceil(2), "two cards to a sheet ({cards} cards)");
    // What the page shows is not on the paper: no buttons, no navigation.
    assert!(!text.contains("保存为PDF") && !text.contains("归档备份"), "{text}");
    s.quit();
}

/// 复制到U盘: the workbook exported on 台账与公示, a stick plugged in (a
/// folder under a fake ZHIBU_REMOVABLE_ROOT) appears by itself, and the copy
/// lands in 「<支部名><年>年台账」 on it with the same bytes.
#[test]
fn the_exported_workbook_is_copied_to_a_stick() {
    let dir = tempfile::tempdir().unwrap();
    let sticks = tempfile::tempdir().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let args = ["--data-dir", dir.path().to_str().unwrap(), "--today", TODAY];
    cli_at(&args, &["demo", "load"]);
    let s = Session::start_with_env(&args, &[("ZHIBU_REMOVABLE_ROOT", sticks.path())], scratch.path());
    s.click_css("[data-testid=nav-ledger]");
    s.wait_for("[data-testid=copy-no-sticks]", 10);
    s.click_css("[data-testid=export-workbook]");
    s.wait_until("the export", 20, |s| !s.find_all("[data-testid=export-result]").is_empty());
    let exported = exported_path(&s, "[data-testid=export-result]");
    // Plugged in now: the card asks every 3 seconds.
    std::fs::create_dir(sticks.path().join("KINGSTON")).unwrap();
    s.wait_until("the stick", 10, |s| !s.find_all("[data-testid=copy-target]").is_empty());
    assert_eq!(s.texts("[data-testid=copy-target]")[0].split('（').next().unwrap().trim(), "KINGSTON");
    // The workbook just exported is listed and ticked.
    let ticked = s.script(
        "return [...document.querySelectorAll('[data-testid=copy-file].is-checked')].map(e => e.textContent)",
        serde_json::json!([]),
    );
    let name = exported.file_name().unwrap().to_str().unwrap();
    assert!(ticked.to_string().contains(name), "{ticked}");
    s.click_css("[data-testid=copy-target]");
    s.click_css("[data-testid=copy-start]");
    s.wait_until("the copy", 20, |s| !s.find_all("[data-testid=copy-done], [data-testid=copy-error]").is_empty());
    let message = s.text_of("[data-testid=copy-done]");
    assert!(message.contains("已复制 1 个文件到 KINGSTON"), "{message}");
    s.script("document.querySelector('[data-testid=copy-card]').scrollIntoView()", serde_json::json!([]));
    s.screenshot("ledger-copy-to-stick");
    s.quit();
    let folder = sticks.path().join("KINGSTON").join("中共青石镇东山村支部委员会2026年台账");
    assert!(message.contains(&folder.display().to_string()), "{message}");
    assert_eq!(std::fs::read(folder.join(name)).unwrap(), std::fs::read(&exported).unwrap());
}

/// 公示: a general notice typed with a mobile number prints it masked and
/// exports an .xlsx that carries no full number either; the review notice
/// shows the demo year's grades.
#[test]
fn a_general_notice_is_printed_masked_and_exported() {
    use calamine::Reader;
    let dir = tempfile::tempdir().unwrap();
    let args = ["--data-dir", dir.path().to_str().unwrap(), "--today", TODAY];
    cli_at(&args, &["demo", "load"]);
    let s = Session::start(&args);
    s.click_css("[data-testid=nav-ledger]");
    s.click_css("[data-testid=notice-link-review]");
    // The demo's January review belongs to the year before (所属年度): 2026 has none yet.
    s.wait_until("no 2026 review", 15, |s| s.body_text().contains("找不到这条本年度的民主评议党员记录"));
    s.go("#/ledger/notice/review?year=2025");
    s.wait_until("the review notice", 15, |s| s.texts("[data-testid=notice-row]").len() >= 4);
    let rows = s.texts("[data-testid=notice-row]");
    assert!(rows[0].starts_with("优秀"), "{rows:?}");
    s.go("/ledger");
    s.click_css("[data-testid=notice-link-general]");
    s.type_into("[data-testid=general-title]", "关于评选优秀党员的公示");
    s.type_into("[data-testid=general-body]", "经支部委员会研究，拟评选王某某（电话 139-1234-5678）为优秀党员。");
    s.type_into("[data-testid=notice-phone]", "0371-66881234");
    s.wait_until("the contact phone as typed on the paper", 15, |s| {
        s.text_of("[data-testid=notice-term]").contains("0371-66881234")
    });
    s.wait_until("the masked mobile in the body", 15, |s| {
        s.text_of("[data-testid=notice-paper]").contains("139****5678")
    });
    let paper = s.text_of("[data-testid=notice-paper]");
    assert!(paper.contains("关于评选优秀党员的公示") && !paper.contains("139-1234-5678"), "{paper}");
    s.click_css("[data-testid=export-notice-xlsx]");
    s.wait_until("the export", 20, |s| !s.find_all("[data-testid=notice-export-result]").is_empty());
    let path = exported_path(&s, "[data-testid=notice-export-result]");
    s.screenshot("general-notice");
    s.quit();
    let mut xlsx: calamine::Xlsx<_> = calamine::open_workbook(&path).expect("the exported notice opens");
    let name = xlsx.sheet_names()[0].clone();
    let text: Vec<String> = xlsx.worksheet_range(&name).unwrap().used_cells().map(|c| c.2.to_string()).collect();
    assert_eq!(text[0], "关于评选优秀党员的公示");
    assert!(text.iter().any(|t| t.contains("139****5678")));
    assert!(text.iter().any(|t| t.contains("0371-66881234")));
    assert!(!text.iter().any(|t| t.contains("139-1234-5678")));
}

/// 归档备份: archive the demo branch from the screen onto a "stick", then on
/// a fresh app (a new PC) restore it from the screen and see the roster.
#[test]
fn the_demo_branch_is_archived_and_restored_on_a_new_pc() {
    let old_pc = tempfile::tempdir().unwrap();
    let usb = tempfile::tempdir().unwrap();
    let args = ["--data-dir", old_pc.path().to_str().unwrap(), "--today", TODAY];
    cli_at(&args, &["demo", "load"]);
    let s = Session::start(&args);
    s.click_css("[data-testid=nav-archive]");
    s.type_into("[data-testid=archive-dest]", usb.path().to_str().unwrap());
    s.click_css("[data-testid=archive-start]");
    s.wait_until("归档完成", 60, |s| !s.find_all("[data-testid=archive-done-path]").is_empty());
    let path = s.text_of("[data-testid=archive-done-path]").trim().to_string();
    assert!(s.text_of("[data-testid=archive-done]").contains("归档完成"));
    s.screenshot("archive-done");
    // A backup made now is listed with 另存为… beside 恢复 (the copy goes where she chooses).
    s.click_css("[data-testid=backup-now]");
    s.wait_for("[data-testid=backup-now-done]", 30);
    s.wait_until("备份列表", 10, |s| !s.find_all("[data-testid=backup-row]").is_empty());
    let rows = s.find_all("[data-testid=backup-row]").len();
    assert_eq!(s.find_all("[data-testid=backup-save-as]").len(), rows);
    s.script(
        "document.querySelector('[data-testid=backup-table]').scrollIntoView({ block: 'center' })",
        serde_json::json!([]),
    );
    s.screenshot("backups");
    s.quit();
    assert!(path.starts_with(usb.path().to_str().unwrap()), "{path}");
    let verify = cli_at(&args, &["--json", "archive", "verify", &path]);
    assert!(verify.contains("\"ok\":true"), "{verify}");

    let new_pc = tempfile::tempdir().unwrap();
    let fresh = ["--data-dir", new_pc.path().to_str().unwrap(), "--today", TODAY];
    let s = Session::start(&fresh);
    s.click_css("[data-testid=nav-archive]");
    s.type_into("[data-testid=restore-path]", &path);
    s.click_css("[data-testid=restore-inspect]");
    s.wait_until("the archive's summary", 30, |s| !s.find_all("[data-testid=restore-summary]").is_empty());
    assert!(s.text_of("[data-testid=restore-summary]").contains("中共青石镇东山村支部委员会"));
    s.click_css("[data-testid=restore-confirm]");
    s.click_css("[data-testid=restore-dialog-ok]");
    s.wait_until("the restore", 30, |s| !s.find_all("[data-testid=restore-to-roster]").is_empty());
    s.click_css("[data-testid=restore-to-roster]");
    s.wait_until("the restored roster", 15, |s| s.roster_names().len() >= 30);
    let names = s.roster_names();
    s.screenshot("restored-roster");
    s.quit();
    let listed: serde_json::Value = serde_json::from_str(&cli_at(&args, &["member", "list", "--json"])).unwrap();
    assert_eq!(names.len(), listed.as_array().unwrap().len());
}

/// 导入花名册: a messy roster (title rows, a spaced header, an ID that Excel
/// turned into a number, an impossible date) picked on the import page:
/// the preview flags exactly the bad rows with their row numbers, and the
/// good ones are imported when the secretary chooses to skip the bad.
#[test]
fn a_messy_roster_is_previewed_with_its_error_rows_flagged_and_imported() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["--data-dir", dir.path().to_str().unwrap(), "--today", TODAY];
    let good = [id_with_check("11010519500101001"), id_with_check("11010519600202002")];
    let csv = format!(
        "\u{feff}XX村党支部党员花名册\n填报单位：XX村党支部,,,,\n序号,姓 名,身份证号码,入党日期,转正日期\n\
         1,王 大 明,{},1975.07,1976.07\n2,钱军,4.31121E+17,1978-07-01,1979-07-01\n\
         3,李芳,{},1985年7月1日,1986年7月1日\n4,郑红,,1982.13,\n",
        good[0], good[1]
    );
    let s = Session::start(&args);
    open_roster(&s);
    s.click_css("[data-testid=import-roster]");
    s.choose_file("[data-testid=import-file]", "花名册.csv", csv.as_bytes());
    s.wait_until("the preview", 15, |s| s.find_all("[data-testid=import-row]").len() == 4);
    let outcomes: Vec<(String, String)> =
        s.find_all("[data-testid=import-row]").iter().map(|e| (s.data(e, "row"), s.data(e, "outcome"))).collect();
    let mut sorted = outcomes.clone();
    sorted.sort();
    assert_eq!(
        sorted,
        [("4", "new"), ("5", "error"), ("6", "new"), ("7", "error")].map(|(a, b)| (a.to_string(), b.to_string())),
        "{outcomes:?}"
    );
    let page = s.body_text();
    assert!(page.contains("存成了数字"), "the number-typed ID is explained");
    assert!(s.find_all("[data-testid=import-apply]").iter().all(|b| !s.enabled(b)), "no import while rows have errors");
    s.click_css("[data-testid=import-skip-errors]");
    s.click_css("[data-testid=import-apply]");
    s.wait_until("the import", 15, |s| !s.find_all("[data-testid=import-done]").is_empty());
    s.screenshot("import-done");
    s.quit();
    let listed: serde_json::Value = serde_json::from_str(&cli_at(&args, &["member", "list", "--json"])).unwrap();
    let names: Vec<&str> = listed.as_array().unwrap().iter().map(|m| m["name"].as_str().unwrap()).collect();
    assert_eq!(names.len(), 2);
    assert!(names.contains(&"王大明") && names.contains(&"李芳"), "{names:?}");
}

/// A real branch starts in the app in January 2027 with its roster (a
/// member admitted in 1970, when there was no probation) and records the
/// 2026年度 民主评议 held that January: the member is accepted with the era's
/// note, the review counts for 2026 and not 2027, nothing before the books
/// began is called missed, and the home screen raises no false alarm.
#[test]
fn an_imported_branch_records_last_years_review_in_january() {
    const JAN: &str = "2027-01-20";
    let dir = tempfile::tempdir().unwrap();
    let args = ["--data-dir", dir.path().to_str().unwrap(), "--today", JAN];
    let ids =
        [id_with_check("41052319450301001"), id_with_check("41052319800620002"), id_with_check("41052319620715003")];
    let csv = format!(
        "\u{feff}东山村党支部党员花名册\n序号,姓名,身份证号码,党员类别,入党日期,转正日期\n\
         1,孙德胜,{},正式党员,1970.05,1970.05\n2,周红梅,{},正式党员,2010-06-20,2011-06-20\n\
         3,吴建军,{},正式党员,1985年7月1日,1986年7月1日\n",
        ids[0], ids[1], ids[2]
    );
    let s = Session::start(&args);
    open_roster(&s);
    s.click_css("[data-testid=import-roster]");
    s.choose_file("[data-testid=import-file]", "花名册.csv", csv.as_bytes());
    s.wait_until("the preview", 15, |s| s.find_all("[data-testid=import-row]").len() == 3);
    let outcomes: Vec<String> = s.find_all("[data-testid=import-row]").iter().map(|e| s.data(e, "outcome")).collect();
    assert!(outcomes.iter().all(|o| o == "new"), "the 1970 member is no error row: {outcomes:?}");
    s.click_css("[data-testid=import-apply]");
    s.wait_until("the import", 15, |s| !s.find_all("[data-testid=import-done]").is_empty());

    // The 1970 member's page names the era.
    let members: serde_json::Value = serde_json::from_str(&cli_at(&args, &["member", "list", "--json"])).unwrap();
    let old = members.as_array().unwrap().iter().find(|m| m["name"] == "孙德胜").unwrap();
    s.go(&format!("#/members/{}", old["id"]));
    s.wait_until("the era note", 10, |s| {
        s.find_all("[data-testid=detail-era_note]").first().is_some_and(|e| s.text(e).contains("无预备期"))
    });

    // The January review belongs to 2026.
    s.go("#/meetings/new?kind=review");
    s.wait_for("[data-testid=meeting-form-page]", 10);
    s.wait_until("the roster as attendees", 10, |s| s.find_all("[data-testid=attendee-row]").len() == 3);
    s.wait_until("所属年度 2026", 10, |s| s.text_of("[data-testid=item-for_year]").contains("2026"));
    s.screenshot("review-for-year");
    s.click_css("[data-testid=save-meeting]");
    s.wait_for("[data-testid=meeting-detail]", 10);
    assert!(s.text_of("[data-testid=detail-for_year]").contains("2026年度"));

    // 2027 on the screen: its own review not due before October; 2026 from the core.
    s.go("#/meetings/calendar");
    let review_2027 = "[data-testid=cal-cell][data-kind=review][data-period='2027']";
    s.wait_until("the 2027 calendar", 10, |s| !s.find_all(review_2027).is_empty());
    assert_eq!(
        s.data(&s.find_all(review_2027)[0], "state"),
        "upcoming",
        "the January review is not 2027's, and 2027's comes in the autumn"
    );
    s.screenshot("calendar-after-import");
    let cal: serde_json::Value =
        serde_json::from_str(&cli_at(&args, &["meeting", "calendar", "--year", "2026", "--json"])).unwrap();
    let cell = |kind: &str, period: &str| {
        let row = cal["rows"].as_array().unwrap().iter().find(|r| r["kind"] == kind).unwrap();
        row["cells"].as_array().unwrap().iter().find(|c| c["period"] == period).unwrap()["state"].clone()
    };
    assert_eq!(cell("review", "2026"), "held");
    assert_eq!(cell("theme_day", "2026-06"), "before_records");
    // Last year's 组织生活会 can still be held until the end of March: due, not 建账前.
    assert_eq!(cell("life_meeting", "2026"), "due");

    // The first screen: only true reminders.
    s.go("#/");
    s.wait_for("[data-testid=reminders]", 10);
    s.screenshot("home-after-import");
    let r: serde_json::Value = serde_json::from_str(&cli_at(&args, &["reminders", "--json"])).unwrap();
    for kind in ["lost_contact", "no_meetings", "probation_ending"] {
        assert_eq!(r[kind].as_array().map(Vec::len), Some(0), "{kind}: {}", r[kind]);
    }
    let missed: Vec<&serde_json::Value> =
        r["meetings_due"].as_array().unwrap().iter().filter(|m| m["state"] == "missed").collect();
    assert!(missed.is_empty(), "nothing before the books began is missed: {missed:?}");
    s.quit();
}

/// Double-clicking the icon again while the window is open (issue 14,
/// item 5): no second window on the same records; the open one comes
/// forward and says so, and the second start ends at once.
#[test]
fn starting_the_app_again_brings_the_open_window_forward() {
    let dir = tempfile::tempdir().unwrap();
    cli(dir.path(), &["demo", "load"]);
    let s = start(dir.path());
    open_roster(&s);
    let started = std::time::Instant::now();
    let second = Command::new(app_binary())
        .args(["--data-dir", dir.path().to_str().unwrap(), "--today", TODAY])
        .output()
        .expect("start the app again");
    assert!(second.status.success(), "{second:?}");
    assert!(String::from_utf8_lossy(&second.stderr).contains("已把它的窗口显示到最前面"), "{second:?}");
    assert!(started.elapsed() < std::time::Duration::from_secs(5), "the second start ended promptly");
    s.wait_until("the open window says it is the one", 10, |s| {
        s.body_text().contains("支部台账已经打开了，就是这个窗口")
    });
    // The first window still works on its records.
    open_roster(&s);
    assert_eq!(s.text_of("[data-testid=roster-count]"), "共 42 人");
}

/// The archive job holds the records only while it gathers them: while a
/// slow stick is written, the roster opens at once (issue 15).
#[test]
fn the_roster_opens_while_a_slow_stick_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let usb = tempfile::tempdir().unwrap();
    cli(dir.path(), &["demo", "load"]);
    // Every file written to the stick takes 0.5 s more: about ten seconds in all.
    let s = Session::start(&["--data-dir", dir.path().to_str().unwrap(), "--today", TODAY, "--slow-writes-ms", "500"]);
    s.click_css("[data-testid=nav-archive]");
    s.type_into("[data-testid=archive-dest]", usb.path().to_str().unwrap());
    s.click_css("[data-testid=archive-start]");
    let writing =
        || std::fs::read_dir(usb.path()).unwrap().flatten().any(|e| e.file_name().to_string_lossy().contains("未完成"));
    let started = std::time::Instant::now();
    while !writing() {
        assert!(started.elapsed() < std::time::Duration::from_secs(20), "the archive never started writing");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let asked = std::time::Instant::now();
    s.click_css("[data-testid=nav-members]");
    s.wait_until("the roster, during the write", 5, |s| s.text_of("[data-testid=roster-count]") == "共 42 人");
    let took = asked.elapsed();
    assert!(writing(), "the stick was still being written when the roster showed");
    assert!(took < std::time::Duration::from_secs(3), "the roster waited {took:?} for the archive");
    // The archive finishes on its own and verifies.
    let done = std::time::Instant::now();
    while writing() {
        assert!(done.elapsed() < std::time::Duration::from_secs(90), "the archive never finished");
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let made: Vec<_> = std::fs::read_dir(usb.path()).unwrap().flatten().map(|e| e.path()).collect();
    assert_eq!(made.len(), 1, "{made:?}");
    let verify = cli(dir.path(), &["--json", "archive", "verify", made[0].to_str().unwrap()]);
    assert!(verify.contains("\"ok\":true"), "{verify}");
    eprintln!("roster shown {took:?} after the click, while the stick was written");
}

/// Nothing typed is lost (issue 17, item 1): minutes half typed survive the
/// app being closed without saving — on the next start the form offers them
/// back — and leaving a changed form by the menu asks first.
#[test]
fn half_typed_minutes_survive_a_closed_app_and_leaving_asks() {
    let dir = tempfile::tempdir().unwrap();
    let args = ["--data-dir", dir.path().to_str().unwrap(), "--today", TODAY];
    cli_at(&args, &["demo", "load"]);
    let minutes = "书记传达了镇党委会议精神，大家讨论了冬季防火安排";
    let s = Session::start(&args);
    s.wait_for("[data-testid=nav-meetings]", 15);
    s.go("#/meetings/new?kind=assembly");
    s.type_into("[data-testid=field-minutes]", minutes);
    // Kept a moment after the last change, in the data folder's 草稿/.
    let draft = dir.path().join("草稿").join("meeting_new.json");
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !draft.exists() && std::time::Instant::now() < until {
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    assert!(std::fs::read_to_string(&draft).unwrap().contains(minutes));
    // Leaving by the menu asks; she stays.
    s.click_css("[data-testid=nav-members]");
    s.wait_until("the leave question", 10, |s| s.body_text().contains("刚才填写的内容还没有保存"));
    s.screenshot("leave-asks");
    s.click_text(".el-message-box button", "留下继续填写");
    s.wait_until("still on the form", 10, |s| s.value_of("[data-testid=field-minutes]") == minutes);
    s.quit(); // the app ends without saving: the draft stays

    let s = Session::start(&args);
    s.wait_for("[data-testid=nav-meetings]", 15);
    s.go("#/meetings/new?kind=assembly");
    s.wait_until("the draft offered", 15, |s| s.body_text().contains("恢复未保存的内容？"));
    s.screenshot("draft-offered");
    s.click_text(".el-message-box button", "恢复");
    s.wait_until("the minutes back", 10, |s| s.value_of("[data-testid=field-minutes]") == minutes);
    s.quit();
}

/// A valid 身份证号 fills 出生日期 and 性别 on the member form (issue 17, item
/// 6), and the required fields are marked before anything is saved.
#[test]
fn a_valid_id_number_fills_the_birth_date_and_sex() {
    let dir = tempfile::tempdir().unwrap();
    let s = start(dir.path());
    s.wait_for("[data-testid=nav-members]", 15);
    s.go("#/members/new");
    s.wait_for("[data-testid=member-form-page]", 10);
    let required = s.find_all("[data-testid^=item-].is-required").len();
    assert!(required >= 6, "name, sex, ID, birth date, kind, admission: {required}");
    // 41052319620315101x: born 15 March 1962, the 17th digit odd — a man.
    s.type_into("[data-testid=field-id_number]", &valid_id());
    s.wait_until("the birth date filled in", 10, |s| s.value_of("[data-testid=field-birth_date]") == "1962-03-15");
    let checked = s.script(
        "return [...document.querySelectorAll('[data-testid=field-sex] input')].find(i => i.checked)?.value ?? ''",
        serde_json::json!([]),
    );
    assert_eq!(checked, "male");
    assert!(s.text_of("[data-testid=id-filled]").contains("已按身份证号填好出生日期和性别"));
    s.screenshot("member-form-id-filled");
    s.quit();
}

/// At 1024×768 with 大 字号 the whole navigation is on screen: no item hides
/// below the fold where a secretary would not think to scroll.
#[test]
fn every_navigation_item_is_on_a_1024_by_768_screen_at_large_type() {
    let dir = tempfile::tempdir().unwrap();
    zhibu_e2e::cli_in(dir.path(), &["demo", "load"]);
    let s = zhibu_e2e::start_in(dir.path());
    s.set_window_size(1024, 768);
    s.script(
        "document.documentElement.classList.remove('font-standard'); document.documentElement.classList.add('font-large')",
        serde_json::json!([]),
    );
    s.wait_for("[data-testid=nav-settings]", 10);
    let fit = s.script(
        "const items = Array.from(document.querySelectorAll('.nav-item'));
         return [items.length, window.innerHeight, Math.max(...items.map(e => e.getBoundingClientRect().bottom)),
                 getComputedStyle(document.documentElement).fontSize]",
        serde_json::json!([]),
    );
    assert_eq!(fit[3], "19px", "大 字号 is on: {fit}");
    assert!(fit[0].as_u64().unwrap() >= 13, "{fit}");
    assert!(fit[1].as_f64().unwrap() <= 770.0, "the window is 768 high: {fit}");
    assert!(fit[2].as_f64().unwrap() <= fit[1].as_f64().unwrap(), "the last item is on screen: {fit}");
}

/// At 1024×768 with 大 字号 the roster is wider than the window: it scrolls
/// sideways inside its own box, and 序号 and 姓名 on the left and 状态 on the
/// right stay in view while the columns between them pass under.
#[test]
fn the_rosters_names_and_status_stay_in_view_when_it_scrolls_sideways() {
    let dir = tempfile::tempdir().unwrap();
    zhibu_e2e::cli_in(dir.path(), &["demo", "load"]);
    let s = zhibu_e2e::start_in(dir.path());
    s.set_window_size(1024, 768);
    s.wait_for("[data-testid=nav-members]", 20);
    // 大 字号 is kept in WebKit's local storage, which every later start of
    // the app on this machine reads (it is not in the data folder): the page
    // reads it once when it loads, so it is taken out again at once.
    s.script("localStorage.setItem('zhibu.fontSize', 'large'); location.reload(); return 1", serde_json::json!([]));
    s.wait_for("[data-testid=nav-members]", 20);
    s.script("localStorage.removeItem('zhibu.fontSize'); return 1", serde_json::json!([]));
    s.go("#/members");
    s.wait_for("[data-testid=roster-row]", 10);
    let v = s.script_async(
        "const done = arguments[0];
         const box = document.querySelector('[data-testid=roster-table]');
         const row = box.querySelector('[data-testid=roster-row]');
         const cells = row.querySelectorAll('td');
         const at = () => [cells[1].getBoundingClientRect().left, cells[7].getBoundingClientRect().left,
                           cells[cells.length - 1].getBoundingClientRect().right];
         const before = at();
         box.scrollLeft = box.scrollWidth;
         requestAnimationFrame(() => requestAnimationFrame(() => {
           const after = at();
           const b = box.getBoundingClientRect();
           done({ wider: box.scrollWidth > box.clientWidth, scrolled: box.scrollLeft, before, after,
                  left: b.left, right: b.right, font: getComputedStyle(document.documentElement).fontSize });
         }));",
        serde_json::json!([]),
    );
    s.screenshot("roster-1024-large-scrolled");
    assert_eq!(v["font"], "19px", "大 字号 is on: {v}");
    assert_eq!(v["wider"], true, "the roster is wider than the window at 1024 with 大 字号: {v}");
    assert!(v["scrolled"].as_f64().unwrap() > 50.0, "{v}");
    let (before, after) = (&v["before"], &v["after"]);
    let f = |x: &serde_json::Value, i: usize| x[i].as_f64().unwrap();
    assert!((f(before, 0) - f(after, 0)).abs() < 1.0, "姓名 stays where it was: {v}");
    assert!(f(after, 1) < f(before, 1) - 50.0, "身份证号 passed under: {v}");
    assert!(f(after, 2) <= v["right"].as_f64().unwrap() + 1.0, "状态 is inside the box: {v}");
    assert!(f(before, 2) <= v["right"].as_f64().unwrap() + 1.0, "状态 was in view before the scroll too: {v}");
}

/// The memory settings the app gives WebKit (src-tauri/src/lib.rs
/// `webkit_defaults`) reach the web process that runs the page, where
/// JavaScriptCore reads them: its environment has them.
#[test]
fn the_web_process_gets_the_memory_settings() {
    let dir = tempfile::tempdir().unwrap();
    let s = start(dir.path());
    s.wait_for("[data-testid=nav-members]", 20);
    let pids = zhibu_e2e::process_tree(zhibu_e2e::app_pid(dir.path()));
    let web = pids
        .iter()
        .find(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default().trim() == "WebKitWebProces"
        })
        .expect("a WebKit web process under the app");
    let environ = std::fs::read(format!("/proc/{web}/environ")).unwrap();
    let vars: Vec<String> = environ.split(|b| *b == 0).map(|v| String::from_utf8_lossy(v).into_owned()).collect();
    for want in ["JSC_forceRAMSize=268435456", "WEBKIT_DISABLE_COMPOSITING_MODE=1"] {
        assert!(vars.iter().any(|v| v == want), "{want} not in the web process's environment");
    }
    s.quit();
}
