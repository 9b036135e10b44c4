//! 党费使用 (docs/DOMAIN.md §9): spending and money received back, the
//! 慰问金 paid from 上级下拨党费 (care_visits rows, planted here with SQL)
//! counted as spending, the balance, the 公示's 使用明细 and the sheet read
//! back with calamine.

use crate::{id_for, today};
use calamine::{Data, Reader, Xlsx};
use rusqlite::{params, Connection};
use std::io::Cursor;
use zhibu_core::dues::{AssessmentForm, PaymentForm, ReceivedForm, RemittanceForm, SpendingForm};
use zhibu_core::members::MemberForm;
use zhibu_core::notices::{NoticeRequest, NoticeTerms};
use zhibu_core::{Error, Store};

/// A store in a file, and a second connection to plant visits with.
fn store() -> (tempfile::TempDir, Store, Connection) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zhibu.sqlite3");
    let s = Store::open_file(&path).unwrap();
    let raw = Connection::open(&path).unwrap();
    (dir, s, raw)
}

fn member(s: &mut Store, seq: usize, name: &str) -> i64 {
    let form = MemberForm {
        name: name.into(),
        id_number: id_for("19600101", &format!("{:03}", 101 + seq * 2)),
        phone: "13812345678".into(),
        kind: "full".into(),
        admitted_on: "1990-01-01".into(),
        full_member_on: "1991-01-01".into(),
        ..Default::default()
    };
    s.create_member(&form, today()).unwrap().id
}

/// Pays `months` at 10.00 a month (a farmer at 0.50 would be too small to see).
fn pay(s: &mut Store, id: i64, paid_on: &str, months: &[&str]) {
    s.assess_dues(&AssessmentForm {
        member_id: id,
        from_month: "2026-01".into(),
        category: "in_service".into(),
        base: "2000".into(),
        ..Default::default()
    })
    .unwrap();
    s.record_payment(
        &PaymentForm {
            member_id: id,
            paid_on: paid_on.into(),
            kind: "dues".into(),
            months: months.iter().map(|m| m.to_string()).collect(),
            ..Default::default()
        },
        today(),
    )
    .unwrap();
}

fn visit(raw: &Connection, member: i64, on: &str, occasion: &str, fen: i64, source: Option<&str>, deleted: bool) {
    raw.execute(
        "INSERT INTO care_visits (visited_on, member_id, occasion, amount_fen, source, created_at, updated_at, deleted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, '2026-01-01 00:00:00', '2026-01-01 00:00:00', ?6)",
        params![on, member, occasion, fen, source, deleted.then_some("2026-02-01 00:00:00")],
    )
    .unwrap();
}

fn spend(s: &mut Store, on: &str, purpose: &str, amount: &str) -> zhibu_core::dues::SpendingSaved {
    s.record_spending(
        &SpendingForm {
            spent_on: on.into(),
            purpose: purpose.into(),
            amount: amount.into(),
            approval: "支委会研究同意".into(),
            receipt_no: "No.7".into(),
            ..Default::default()
        },
        today(),
    )
    .unwrap()
}

fn receive(s: &mut Store, on: &str, amount: &str) -> zhibu_core::dues::Received {
    s.record_received(
        &ReceivedForm {
            received_on: on.into(),
            amount: amount.into(),
            from_org: "青石镇党委".into(),
            ..Default::default()
        },
        today(),
    )
    .unwrap()
}

#[test]
fn the_balance_counts_received_money_spending_and_the_visits_paid_from_dues_returned() {
    let (_dir, mut s, raw) = store();
    let a = member(&mut s, 0, "王大山");
    // 2000 元 base → 0.5% → 10.00 a month; three months = 30.00.
    pay(&mut s, a, "2026-03-10", &["2026-01", "2026-02", "2026-03"]);
    s.record_remittance(
        &RemittanceForm {
            remitted_on: "2026-04-01".into(),
            from_month: "2026-01".into(),
            to_month: "2026-03".into(),
            amount: "12.34".into(),
            ..Default::default()
        },
        today(),
    )
    .unwrap();
    receive(&mut s, "2026-05-06", "500.01");
    spend(&mut s, "2026-05-08", "购买党员学习资料", "300.05");
    // Counted: from 上级下拨党费, with an amount, not deleted.
    visit(&raw, a, "2026-01-20", "spring", 20_000, Some("dues_returned"), false);
    // Not counted: another source, no money, deleted.
    visit(&raw, a, "2026-07-01", "july1", 10_000, Some("township"), false);
    visit(&raw, a, "2026-07-02", "routine", 0, None, false);
    visit(&raw, a, "2026-07-03", "hospital", 5_000, Some("dues_returned"), true);

    let b = s.dues_balance().unwrap();
    assert_eq!(b.collected_fen, 3000);
    assert_eq!(b.remitted_fen, 1234);
    assert_eq!(b.balance_fen, 1766);
    assert_eq!(b.received_fen, 50_001);
    assert_eq!(b.spent_fen, 30_005 + 20_000);
    assert_eq!(b.available_fen, 1766 + 50_001 - 50_005);

    let y = s.spending_year(2026).unwrap();
    let lines: Vec<(String, &str, i64)> =
        y.lines.iter().map(|l| (l.date.to_string(), l.purpose.as_str(), l.amount_fen)).collect();
    assert_eq!(
        lines,
        vec![
            ("2026-01-20".to_string(), "走访慰问 王大山（春节/元旦）", 20_000),
            ("2026-05-08".to_string(), "购买党员学习资料", 30_005),
        ]
    );
    assert_eq!(y.received.len(), 1);
    assert_eq!(y.totals.collected_fen, 3000);
    assert_eq!(y.totals.spent_fen, 50_005);
    assert_eq!(y.totals.balance_fen, 3000 - 1234 + 50_001 - 50_005);
    // Another year sees none of it.
    let next = s.spending_year(2025).unwrap();
    assert!(next.lines.is_empty() && next.received.is_empty());
    assert_eq!(next.totals.spent_fen, 0);
}

#[test]
fn a_spending_beyond_the_balance_is_saved_with_a_warning() {
    let (_dir, mut s, _raw) = store();
    receive(&mut s, "2026-02-01", "100.00");
    let exact = spend(&mut s, "2026-02-02", "订阅党报党刊", "100.00");
    assert_eq!(exact.balance.available_fen, 0);
    assert_eq!(exact.warning, None);
    let over = spend(&mut s, "2026-02-03", "慰问困难党员", "0.01");
    assert_eq!(over.balance.available_fen, -1);
    let w = over.warning.expect("a warning below zero");
    assert!(w.contains("-0.01 元") && w.contains("已经保存"), "{w}");
    assert_eq!(s.spending_year(2026).unwrap().lines.len(), 2);
}

#[test]
fn bad_forms_save_nothing_and_say_what_to_fix() {
    let (_dir, mut s, _raw) = store();
    let err = s
        .record_spending(
            &SpendingForm { spent_on: "2026-13-01".into(), amount: "-5".into(), ..Default::default() },
            today(),
        )
        .unwrap_err();
    let Error::Validation(e) = err else { panic!("{err}") };
    assert!(e.has("spent_on"));
    assert_eq!(e.get("purpose"), Some("请写明用途，如 购买党员学习资料"));
    assert_eq!(e.get("amount"), Some("支出金额应大于 0"));
    let err = s
        .record_received(&ReceivedForm { received_on: "2026-11-28".into(), ..Default::default() }, today())
        .unwrap_err();
    let Error::Validation(e) = err else { panic!("{err}") };
    assert_eq!(e.get("received_on"), Some("下拨日期不能晚于今天"));
    assert!(e.get("amount").unwrap().contains("下拨金额"));
    let b = s.dues_balance().unwrap();
    assert_eq!((b.received_fen, b.spent_fen), (0, 0));
}

#[test]
fn edits_and_deletes_are_logged_and_leave_the_balance() {
    let (_dir, mut s, _raw) = store();
    let saved = spend(&mut s, "2026-03-01", "购买学习资料", "300.00");
    let id = saved.spending.id;
    let form = SpendingForm {
        spent_on: "2026-03-02".into(),
        purpose: "购买学习资料".into(),
        amount: "299.99".into(),
        approval: "支委会研究同意".into(),
        receipt_no: "No.7".into(),
        ..Default::default()
    };
    let edited = s.update_spending(id, &form, today()).unwrap();
    assert_eq!(edited.spending.amount_fen, 29_999);
    assert_eq!(edited.balance.spent_fen, 29_999);
    let history = s.spending_history(id).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].action_label, "修改");
    assert!(history[0].summary.contains("金额（元）：300.00 → 299.99"), "{}", history[0].summary);
    assert!(history[0].summary.contains("支出日期：2026-03-01 → 2026-03-02"));
    s.delete_spending(id).unwrap();
    assert_eq!(s.dues_balance().unwrap().spent_fen, 0);
    assert!(s.spending_year(2026).unwrap().lines.is_empty());
    assert!(matches!(s.delete_spending(id), Err(Error::NotFound(_))));
    assert!(matches!(s.update_spending(id, &form, today()), Err(Error::NotFound(_))));
    assert_eq!(s.spending_history(id).unwrap()[0].action_label, "删除");

    let r = receive(&mut s, "2026-04-01", "500.00");
    let changed = s
        .update_received(
            r.id,
            &ReceivedForm {
                received_on: "2026-04-01".into(),
                amount: "450".into(),
                from_org: "镇党委".into(),
                ..Default::default()
            },
            today(),
        )
        .unwrap();
    assert_eq!(changed.amount_fen, 45_000);
    assert_eq!(s.dues_balance().unwrap().available_fen, 45_000);
    assert!(s.received_history(r.id).unwrap()[0].summary.contains("下拨单位：青石镇党委 → 镇党委"));
    s.delete_received(r.id).unwrap();
    assert_eq!(s.dues_balance().unwrap().received_fen, 0);
}

#[test]
fn the_dues_notice_shows_the_use_of_the_period_with_names_but_no_numbers() {
    let (_dir, mut s, raw) = store();
    let a = member(&mut s, 1, "李秀英");
    pay(&mut s, a, "2026-07-05", &["2026-07", "2026-08", "2026-09"]);
    receive(&mut s, "2026-08-01", "1000.00");
    spend(&mut s, "2026-08-15", "购买学习资料（经手 13812345678）", "120.50");
    visit(&raw, a, "2026-09-30", "hospital", 30_000, Some("dues_returned"), false);
    // Outside the third quarter: not in its notice.
    spend(&mut s, "2026-10-01", "十月支出", "1.00");

    let d = s.dues_notice(2026, Some(3), None, today()).unwrap();
    assert_eq!(d.total_fen, 3000);
    assert_eq!(d.spending.len(), 2);
    assert_eq!(d.spent_fen, 12_050 + 30_000);
    assert_eq!(d.received_fen, 100_000);
    // Nothing handed up in the quarter.
    assert_eq!(d.remitted_fen, 0);
    assert_eq!(d.balance_fen, 3000 + 100_000 - 42_050);

    let n = s
        .notice(&NoticeRequest::Dues { year: 2026, quarter: Some(3), month: None }, &NoticeTerms::default(), today())
        .unwrap();
    let text = n.paragraphs.join("\n");
    assert!(text.contains("党费使用明细："), "{text}");
    assert!(text.contains("1. 2026年8月15日　购买学习资料（经手 138****5678）　120.50 元"), "{text}");
    assert!(text.contains("2. 2026年9月30日　走访慰问 李秀英（生病住院）　300.00 元"), "{text}");
    assert!(
        text.contains("合计 30.00 元，已上缴上级党委 0.00 元，上级下拨 1000.00 元，使用 420.50 元，结余 609.50 元。"),
        "{text}"
    );
    assert!(!text.contains("十月支出"));
    assert!(!text.contains("13812345678"));

    // A month with nothing spent says so.
    let july = s
        .notice(&NoticeRequest::Dues { year: 2026, quarter: None, month: Some(7) }, &NoticeTerms::default(), today())
        .unwrap();
    assert_eq!(july.paragraphs.len(), 1, "one line, so the notice keeps to one page: {:?}", july.paragraphs);
    assert!(july.paragraphs[0].ends_with("，本期未使用党费。"), "{:?}", july.paragraphs);
}

#[test]
fn the_sheet_lists_the_year_and_its_totals() {
    let (_dir, mut s, raw) = store();
    let a = member(&mut s, 2, "赵铁柱");
    pay(&mut s, a, "2026-02-01", &["2026-01", "2026-02"]);
    receive(&mut s, "2026-03-01", "200.00");
    spend(&mut s, "2026-03-05", "购买党旗", "88.80");
    visit(&raw, a, "2026-06-30", "july1", 15_000, Some("dues_returned"), false);
    spend(&mut s, "2025-12-31", "去年的支出", "5.00");
    // A number typed into a 用途 is masked on the sheet, as on a 公示.
    spend(&mut s, "2026-11-01", "订报（联系 13812345678）", "1.00");

    let bytes = s.sheet_workbook("党费使用明细", 2026, today()).unwrap();
    let mut xlsx: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let range = xlsx.worksheet_range("党费使用明细").unwrap();
    let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(cell(0, 0), Data::String("2026年度党费使用明细".into()));
    let headers: Vec<String> = (0..7).map(|c| cell(2, c).to_string()).collect();
    assert_eq!(headers, ["序号", "日期", "用途", "金额（元）", "审批", "凭证号", "备注"]);
    assert_eq!(cell(3, 0), Data::Float(1.0));
    assert_eq!(cell(3, 1), Data::String("2026.03.05".into()));
    assert_eq!(cell(3, 2), Data::String("购买党旗".into()));
    assert_eq!(cell(3, 3), Data::Float(88.8));
    assert_eq!(cell(3, 4), Data::String("支委会研究同意".into()));
    assert_eq!(cell(3, 5), Data::String("No.7".into()));
    assert_eq!(cell(4, 2), Data::String("走访慰问 赵铁柱（七一）".into()));
    assert_eq!(cell(4, 3), Data::Float(150.0));
    assert_eq!(cell(5, 2), Data::String("订报（联系 138****5678）".into()));
    assert_eq!(cell(6, 0), Data::String("合计".into()));
    assert_eq!(cell(6, 3), Data::Float(239.8));
    let summary: Vec<(String, String)> = (7..12).map(|r| (cell(r, 2).to_string(), cell(r, 3).to_string())).collect();
    assert_eq!(
        summary,
        vec![
            ("收缴合计".to_string(), "20".to_string()),
            ("上缴合计".to_string(), "0".to_string()),
            ("下拨".to_string(), "200".to_string()),
            ("使用".to_string(), "239.8".to_string()),
            ("结余".to_string(), "-19.8".to_string()),
        ]
    );
    assert!(range.used_cells().all(|c| !c.2.to_string().contains("13812345678")));
    // In the year's workbook, after the 关怀帮扶 sheets.
    let names = zhibu_core::workbook::year_workbook_sheets();
    let at = |n: &str| names.iter().position(|x| x == n);
    assert!(at("党费使用明细") > at("走访慰问登记表"), "{names:?}");
}

#[test]
fn a_spending_makes_the_demo_hers_even_right_after_loading() {
    for received in [false, true] {
        let mut s = Store::open_in_memory().unwrap();
        s.load_demo(today()).unwrap();
        assert!(s.demo_state().unwrap().clearable);
        if received {
            receive(&mut s, "2026-11-27", "1.00");
        } else {
            spend(&mut s, "2026-11-27", "购买党旗", "1.00");
        }
        let state = s.demo_state().unwrap();
        assert!(state.loaded && !state.clearable, "received: {received}");
    }
}

#[test]
fn a_receipt_scan_is_kept_with_its_spending_read_back_checked_and_archived_with_its_year() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open_dir(dir.path()).unwrap();
    let id = spend(&mut s, "2026-05-08", "购买党旗", "88.80").spending.id;
    let a = s.add_spending_attachment(id, "发票.jpg", b"receipt").unwrap();
    assert!(a.is_image);
    let (back, bytes) = s.spending_attachment_bytes(a.id).unwrap();
    assert_eq!((back.original_name.as_str(), bytes.as_slice()), ("发票.jpg", &b"receipt"[..]));
    assert_eq!(s.spending_attachments(id).unwrap().len(), 1);
    // An empty file is refused in words; so is a spending that is gone.
    let Err(Error::Validation(e)) = s.add_spending_attachment(id, "x.jpg", b"") else { panic!("accepted") };
    assert!(e.get("attachment").unwrap().contains("空的"));
    assert!(matches!(s.add_spending_attachment(id + 99, "x.jpg", b"x"), Err(Error::NotFound(_))));

    // In the year's archive, under 附件.
    let usb = dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    let done = s.create_archive(2026, &usb, today(), "0.1.0", &zhibu_core::archive::Progress::default()).unwrap();
    let kept: Vec<String> = std::fs::read_dir(std::path::Path::new(&done.path).join("附件"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(kept, [format!("{}.jpg", a.sha256)]);

    s.remove_spending_attachment(a.id).unwrap();
    assert!(s.spending_attachments(id).unwrap().is_empty());
    assert!(s.spending_attachment_bytes(a.id).is_err());
    assert!(matches!(s.remove_spending_attachment(a.id), Err(Error::NotFound(_))));
}
