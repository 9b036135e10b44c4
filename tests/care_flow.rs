//! 关怀帮扶 through the screens, on the real app binary (tests/run-e2e.sh),
//! in the 元旦春节 season: a 春节 visit with 200.00 元 from 上级下拨党费 for a
//! member the 慰问名单 lists, recorded through the dialog; the row turns
//! 已走访; the 走访慰问登记表 of the year and the 慰问金发放公示 show it.

use calamine::{Data, Reader};
use std::path::Path;
use zhibu_e2e::{app_binary, Session};

/// Inside the 元旦春节 season (1 December – 31 March); the shared TODAY
/// (27 November) is just before it.
const WINTER: &str = "2026-12-10";

fn cli(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new(app_binary())
        .args(["--data-dir", dir.to_str().unwrap(), "--today", WINTER])
        .args(args)
        .output()
        .expect("run the CLI");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The 慰问名单 rows as `(name, state)`.
fn list_rows(s: &Session) -> Vec<(String, String)> {
    let v = s.script(
        "return Array.from(document.querySelectorAll('[data-testid=visit-list] .visit-row')).map(r => [
           r.querySelector('[data-testid=list-name]').innerText.trim(),
           r.querySelector('[data-testid=list-state]').innerText.trim()])",
        serde_json::json!([]),
    );
    v.as_array()
        .map(|a| a.iter().filter_map(|p| Some((p[0].as_str()?.to_string(), p[1].as_str()?.to_string()))).collect())
        .unwrap_or_default()
}

#[test]
fn care_spring_visit_through_the_dialog_reaches_the_sheet_and_the_notice() {
    let dir = tempfile::tempdir().unwrap();
    cli(dir.path(), &["demo", "load"]);
    let listed: serde_json::Value =
        serde_json::from_str(&cli(dir.path(), &["care", "list", "--season", "spring", "--json"])).unwrap();
    let name = listed[0]["name"].as_str().expect("the demo has someone on the 慰问名单").to_string();
    assert_eq!(listed[0]["visited"], false);

    let s = Session::start(&["--data-dir", dir.path().to_str().unwrap(), "--today", WINTER]);
    s.go("#/care");
    s.wait_for("[data-testid=visit-list] .visit-row", 15);
    assert!(s.text_of("[data-testid=list-summary]").contains("元旦春节慰问名单"));
    let rows = list_rows(&s);
    assert!(rows.contains(&(name.clone(), "未走访".into())), "{rows:?}");

    // 登记走访 on that member's row.
    s.script(
        "const r = Array.from(document.querySelectorAll('[data-testid=visit-list] .visit-row'))
           .find(r => r.querySelector('[data-testid=list-name]').innerText.trim() === arguments[0]);
         r.setAttribute('data-e2e', 'target')",
        serde_json::json!([name]),
    );
    s.click_css("[data-e2e=target] [data-testid=visit-btn]");
    s.wait_for("[data-testid=visit-dialog] [data-testid=field-amount]", 10);
    let date = s.script(
        "const e = document.querySelector('[data-testid=visit-dialog] input[data-testid=field-date], [data-testid=visit-dialog] [data-testid=field-date] input'); return e ? e.value : ''",
        serde_json::json!([]),
    );
    assert_eq!(date.as_str(), Some(WINTER), "the day is today's");
    assert!(s.text_of("[data-testid=field-member]").contains(&name));
    assert!(s.text_of("[data-testid=field-occasion]").contains("元旦春节"));
    s.type_into("[data-testid=field-visitors]", "支部书记");
    s.type_into("[data-testid=field-amount]", "200.00");
    // Money without its source is refused at the field, nothing saved.
    s.click_css("[data-testid=visit-save]");
    s.wait_until("the source is asked for", 10, |s| s.body_text().contains("请选择资金来源"));
    s.choose("[data-testid=field-source]", "上级下拨党费");
    s.click_css("[data-testid=visit-save]");
    s.wait_for("[data-testid=visit-saved]", 10);
    assert!(s.text_of("[data-testid=visit-saved]").contains(&name));
    s.wait_for("[data-testid=visit-receipts]", 5);
    s.click_css("[data-testid=visit-done]");
    s.wait_until("the row is marked 已走访", 10, |s| list_rows(s).contains(&(name.clone(), "已走访".into())));
    assert_eq!(list_rows(&s).iter().filter(|r| r.1 == "已走访").count(), 1);

    // The year's 走访慰问登记表, written by the command line.
    let out = dir.path().join("走访.xlsx");
    cli(dir.path(), &["workbook", "--year", "2026", "--sheet", "走访慰问登记表", "--out", out.to_str().unwrap()]);
    let mut xlsx: calamine::Xlsx<_> = calamine::open_workbook(&out).expect("the sheet opens");
    let range = xlsx.worksheet_range("走访慰问登记表").unwrap();
    let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
    let row = rows.iter().find(|r| r.iter().any(|c| c.to_string() == name)).expect("the visit's row");
    let texts: Vec<String> = row.iter().map(|c| c.to_string()).collect();
    assert!(texts.contains(&"上级下拨党费".to_string()), "{texts:?}");
    assert!(texts.contains(&"元旦春节".to_string()), "{texts:?}");
    assert!(row.iter().any(|c| matches!(c, Data::Float(f) if (*f - 200.0).abs() < 1e-9)), "200.00 as money: {texts:?}");

    // The 慰问金发放公示 page.
    s.go("#/care/notice?year=2026");
    s.wait_until("the notice shows the visit", 15, |s| {
        let t = s.body_text();
        t.contains("慰问金发放公示") && t.contains(&name) && t.contains("200.00")
    });
    let body = s.body_text();
    assert!(body.contains("上级下拨党费"));
}

/// The pages of issue 19 filled as a branch fills them — two members away
/// (one long without contact), a hardship case, a visit with money, money
/// received and spent — photographed at 1366×768 and 1024×768, 标准 and 大
/// (`ZHIBU_SHOTS=DIR bash tests/run-e2e.sh ledger_screens --ignored`).
#[test]
#[ignore = "screenshots to look at, not a check"]
fn ledger_screens() {
    let dir = tempfile::tempdir().unwrap();
    cli(dir.path(), &["demo", "load"]);
    let members: serde_json::Value = serde_json::from_str(&cli(dir.path(), &["member", "list", "--json"])).unwrap();
    let away: Vec<String> =
        members.as_array().unwrap().iter().filter(|m| m["mobile"] == true).map(|m| m["id"].to_string()).collect();
    for (id, from, place) in [(&away[0], "2026-02-20", "广东省东莞市"), (&away[1], "2026-08-01", "浙江省宁波市")]
    {
        cli(
            dir.path(),
            &[
                "member",
                "away",
                id,
                "--from",
                from,
                "--place",
                place,
                "--work",
                "务工",
                "--org",
                "流入地党支部",
                "--contact-person",
                "刘芳",
            ],
        );
    }
    cli(
        dir.path(),
        &["member", "contact", &away[1], "--date", "2026-11-20", "--how", "微信", "--note", "寄送学习资料"],
    );
    let listed: serde_json::Value =
        serde_json::from_str(&cli(dir.path(), &["care", "list", "--season", "spring", "--json"])).unwrap();
    let old = listed[0]["name"].as_str().unwrap();
    let old_id = members.as_array().unwrap().iter().find(|m| m["name"] == old).unwrap()["id"].to_string();
    cli(dir.path(), &["care", "case", &away[0], "--category", "因病", "--since", "2025-09-01", "--note", "住院治疗"]);
    cli(
        dir.path(),
        &[
            "care",
            "visit",
            &old_id,
            "--date",
            "2026-12-05",
            "--occasion",
            "春节",
            "--amount",
            "300.00",
            "--source",
            "上级下拨党费",
        ],
    );
    cli(dir.path(), &["dues", "received", "--date", "2026-06-20", "--amount", "1000.00", "--from", "镇党委"]);
    cli(dir.path(), &["dues", "spend", "--date", "2026-07-01", "--amount", "150.00", "--purpose", "购买党员学习资料"]);

    let s = Session::start(&["--data-dir", dir.path().to_str().unwrap(), "--today", WINTER]);
    for (w, size) in [(1366, "standard"), (1024, "standard"), (1366, "large"), (1024, "large")] {
        s.set_window_size(w, 768);
        s.script(
            "document.documentElement.classList.remove('font-standard', 'font-large'); \
             document.documentElement.classList.add(arguments[0])",
            serde_json::json!([format!("font-{size}")]),
        );
        for (route, ready, name) in [
            ("#/mobile", "body", "mobile"),
            ("#/care", "[data-testid=visit-list] .visit-row", "care"),
            ("#/dues/spending", "body", "spending"),
        ] {
            s.go(route);
            s.wait_for(ready, 15);
            std::thread::sleep(std::time::Duration::from_millis(800));
            s.screenshot(&format!("{name}-{w}-{size}"));
        }
    }
    s.set_window_size(1366, 768);
    s.script(
        "document.documentElement.classList.remove('font-large'); document.documentElement.classList.add('font-standard')",
        serde_json::json!([]),
    );
    for tab in ["走访记录", "困难党员"] {
        s.go("#/care");
        s.wait_for("[data-testid=care-tabs]", 15);
        s.click_text(".el-tabs__item", tab);
        std::thread::sleep(std::time::Duration::from_millis(800));
        s.screenshot(&format!("care-tab-{tab}"));
    }
    s.go(&format!("#/members/{}", away[0]));
    s.wait_for("body", 10);
    std::thread::sleep(std::time::Duration::from_millis(1200));
    s.script("const e = Array.from(document.querySelectorAll('h2,h3,.el-card__header')).find(e => e.innerText.includes('流动')); if (e) e.scrollIntoView()", serde_json::json!([]));
    s.screenshot("member-mobile");
    s.go("#/");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    s.screenshot("home");
    s.go("#/care/notice");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    s.screenshot("care-notice");
    s.go("#/dues/notice");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    s.screenshot("dues-notice");
}
