//! 志愿服务 and 为民办实事 through the Store: records with their members,
//! the year's 次数, 人次 and 户, soft delete, per-member counts, the checks
//! (all or nothing), the photos, the demo's clear guard and the archive.

use crate::id_for;
use chrono::NaiveDate;
use zhibu_core::members::MemberForm;
use zhibu_core::service::{ServiceForm, ServiceKind};
use zhibu_core::{Error, Store};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn today() -> NaiveDate {
    d("2026-12-10")
}

fn member(s: &mut Store, name: &str, seq: &str) -> i64 {
    let form = MemberForm {
        name: name.into(),
        id_number: id_for("19700301", seq),
        kind: "full".into(),
        admitted_on: "1995-06-01".into(),
        full_member_on: "1996-06-01".into(),
        ..Default::default()
    };
    s.create_member(&form, today()).unwrap().id
}

fn form(on: &str, kind: &str, what: &str, households: &str, hours: &str, members: &[i64]) -> ServiceForm {
    ServiceForm {
        served_on: on.into(),
        kind: kind.into(),
        what: what.into(),
        for_whom: "五保户".into(),
        households: households.into(),
        people: "3".into(),
        hours: hours.into(),
        member_ids: members.to_vec(),
        ..Default::default()
    }
}

fn errors(e: Error) -> zhibu_core::FieldErrors {
    match e {
        Error::Validation(f) => f,
        other => panic!("expected validation, got {other:?}"),
    }
}

/// A store in a folder, so the tests can read its rows beside it.
fn fresh() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open_dir(&dir.path().join("data")).unwrap();
    (dir, s)
}

fn query<T: rusqlite::types::FromSql>(s: &Store, sql: &str) -> T {
    let conn = rusqlite::Connection::open(s.path().unwrap()).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn rows(s: &Store, sql: &str) -> i64 {
    query(s, sql)
}

#[test]
fn the_years_totals_count_records_member_times_and_households() {
    let mut s = Store::open_in_memory().unwrap();
    let a = member(&mut s, "张志愿", "011");
    let b = member(&mut s, "李实事", "022");
    let c = member(&mut s, "王服务", "033");
    let x = s.create_service(&form("2026-03-05", "志愿服务", "打扫村道", "0", "2", &[a, b, c]), today()).unwrap();
    assert_eq!(x.kind, ServiceKind::Volunteer);
    assert_eq!(x.tenths, 20);
    assert_eq!(x.members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>(), ["张志愿", "李实事", "王服务"]);
    s.create_service(&form("2026-06-10", "deed", "修好张家屋顶", "1", "1.5", &[a]), today()).unwrap();
    s.create_service(&form("2026-11-20", "为民办实事", "代办医保", "7", "", &[b, a]), today()).unwrap();
    // Another year does not count.
    s.create_service(&form("2025-12-31", "volunteer", "扫雪", "4", "1", &[c]), today()).unwrap();

    let y = s.service_year(2026).unwrap();
    assert_eq!(y.services.len(), 3);
    assert_eq!((y.totals.records, y.totals.member_times, y.totals.households), (3, 6, 8));
    assert_eq!(y.totals.tenths, 35);
    assert_eq!(y.totals.people, 9);
    let counts: Vec<(&str, i64, &str)> =
        y.by_member.iter().map(|m| (m.name.as_str(), m.records, m.hours.as_str())).collect();
    assert_eq!(counts, [("张志愿", 3, "3.5"), ("李实事", 2, "2"), ("王服务", 1, "2")]);
    assert_eq!(s.member_services(c, 2026).unwrap().len(), 1);
    assert_eq!(s.member_services(c, 2025).unwrap()[0].what, "扫雪");
    let last = s.service_year(2025).unwrap().totals;
    assert_eq!((last.records, last.member_times, last.households), (1, 1, 4));
}

#[test]
fn a_deleted_record_leaves_the_totals_and_counts_but_stays_in_the_log() {
    let (_dir, mut s) = fresh();
    let a = member(&mut s, "张志愿", "011");
    let b = member(&mut s, "李实事", "022");
    let keep = s.create_service(&form("2026-03-05", "volunteer", "打扫村道", "2", "2", &[a, b]), today()).unwrap();
    let gone = s.create_service(&form("2026-04-05", "deed", "修路灯", "5", "1", &[a]), today()).unwrap();
    assert_eq!(s.service_year(2026).unwrap().totals.households, 7);
    s.delete_service(gone.id).unwrap();
    let y = s.service_year(2026).unwrap();
    assert_eq!(y.services.iter().map(|x| x.id).collect::<Vec<_>>(), [keep.id]);
    assert_eq!((y.totals.records, y.totals.member_times, y.totals.households), (1, 2, 2));
    assert_eq!(y.by_member.iter().find(|m| m.member_id == a).unwrap().records, 1);
    assert!(matches!(s.service(gone.id), Err(Error::NotFound(_))));
    assert!(matches!(s.delete_service(gone.id), Err(Error::NotFound(_))));
    // Soft: the row is kept, marked, and the delete is logged.
    assert_eq!(rows(&s, "SELECT count(*) FROM services WHERE deleted_at IS NOT NULL"), 1);
    assert_eq!(
        rows(&s, &format!("SELECT count(*) FROM change_log WHERE entity = 'service' AND entity_id = {}", gone.id)),
        2
    );
    assert_eq!(rows(&s, "SELECT count(*) FROM change_log WHERE entity = 'service' AND action = 'delete'"), 1);
}

#[test]
fn an_update_changes_the_members_and_logs_what_changed() {
    let (_dir, mut s) = fresh();
    let a = member(&mut s, "张志愿", "011");
    let b = member(&mut s, "李实事", "022");
    let x = s.create_service(&form("2026-03-05", "volunteer", "打扫村道", "2", "2", &[a]), today()).unwrap();
    let mut f = form("2026-03-06", "volunteer", "打扫村道和河边", "2", "2.5", &[a, b]);
    f.notes = "雨天改期".into();
    let y = s.update_service(x.id, &f, today()).unwrap();
    assert_eq!(y.served_on, d("2026-03-06"));
    assert_eq!(y.hours, "2.5");
    assert_eq!(y.members.len(), 2);
    assert_eq!(s.service_year(2026).unwrap().totals.member_times, 2);
    let logged: String = query(&s, "SELECT changes FROM change_log WHERE entity = 'service' AND action = 'update'");
    assert!(logged.contains("members") && logged.contains("tenths") && !logged.contains("households"), "{logged}");
    // A bad update changes nothing.
    let bad = form("2026-03-06", "volunteer", "", "2", "2.5", &[]);
    assert!(s.update_service(x.id, &bad, today()).is_err());
    assert_eq!(s.service(x.id).unwrap(), y);
}

#[test]
fn bad_input_says_what_is_wrong_for_every_field_and_saves_nothing() {
    let (_dir, mut s) = fresh();
    let a = member(&mut s, "张志愿", "011");
    let bad = ServiceForm {
        served_on: "2026-12-11".into(),
        kind: "义务劳动".into(),
        what: "  ".into(),
        households: "两户".into(),
        people: "-1".into(),
        hours: "1.25".into(),
        ..Default::default()
    };
    let e = errors(s.create_service(&bad, today()).unwrap_err());
    assert_eq!(e.get("served_on"), Some("服务日期不能晚于今天（2026年12月10日）"));
    assert_eq!(e.get("kind"), Some("请选择类别：志愿服务 或 为民办实事"));
    assert!(e.get("what").unwrap().starts_with("请填写服务内容"));
    assert_eq!(e.get("households"), Some("户数请填整数，如 3；没有可以不填"));
    assert_eq!(e.get("people"), Some("人数不能是负数"));
    assert_eq!(e.get("hours"), Some("时长请填小时数，最多一位小数，如 2 或 1.5"));
    assert_eq!(e.get("member_ids"), Some("请至少选择一名参加服务的党员"));
    // A member not on the roster: nothing half saved (no record, no member row, no log).
    let e =
        errors(s.create_service(&form("2026-03-05", "volunteer", "打扫", "1", "1", &[a, 999]), today()).unwrap_err());
    assert!(e.get("member_ids").unwrap().contains("999"));
    assert_eq!(rows(&s, "SELECT count(*) FROM services"), 0);
    assert_eq!(rows(&s, "SELECT count(*) FROM service_members"), 0);
    assert_eq!(rows(&s, "SELECT count(*) FROM change_log WHERE entity = 'service'"), 0);
    assert_eq!(s.service_year(2026).unwrap().totals.records, 0);
}

#[test]
fn members_may_be_named_and_a_name_must_be_on_the_roster_once() {
    let (_dir, mut s) = fresh();
    let a = member(&mut s, "张志愿", "011");
    member(&mut s, "李同名", "022");
    member(&mut s, "李同名", "033");
    let mut f = form("2026-03-05", "volunteer", "打扫", "1", "1", &[a]);
    f.member_names = vec!["张志愿".into()];
    let x = s.create_service(&f, today()).unwrap();
    assert_eq!(x.members.len(), 1, "the same member by id and name counts once");
    f.member_names = vec!["李同名".into()];
    let e = errors(s.create_service(&f, today()).unwrap_err());
    assert_eq!(e.get("member_ids"), Some("花名册上有 2 位名叫“李同名”的党员，请改用编号"));
    f.member_names = vec!["赵没有".into()];
    let e = errors(s.create_service(&f, today()).unwrap_err());
    assert_eq!(e.get("member_ids"), Some("花名册上没有名叫“赵没有”的党员，请核对姓名"));
    assert_eq!(rows(&s, "SELECT count(*) FROM services"), 1);
}

#[test]
fn photos_are_kept_read_back_and_taken_off() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open_dir(&dir.path().join("data")).unwrap();
    let a = member(&mut s, "张志愿", "011");
    let x = s.create_service(&form("2026-03-05", "volunteer", "打扫", "1", "1", &[a]), today()).unwrap();
    let p = s.add_service_attachment(x.id, "照片.jpg", b"photo bytes").unwrap();
    assert!(p.is_image);
    assert_eq!(s.service_attachments(x.id).unwrap().len(), 1);
    assert_eq!(s.service_attachment_bytes(p.id).unwrap().1, b"photo bytes");
    s.remove_service_attachment(p.id).unwrap();
    assert!(s.service_attachments(x.id).unwrap().is_empty());
    assert!(matches!(s.add_service_attachment(999, "a.jpg", b"x"), Err(Error::NotFound(_))));
}

#[test]
fn the_years_archive_carries_the_services_photos() {
    use zhibu_core::archive::Progress;
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open_dir(&dir.path().join("data")).unwrap();
    let a = member(&mut s, "张志愿", "011");
    let x = s.create_service(&form("2026-03-05", "volunteer", "打扫", "1", "1", &[a]), today()).unwrap();
    let files = |s: &Store, name: &str, year: i32| {
        let dest = dir.path().join(name);
        std::fs::create_dir_all(&dest).unwrap();
        s.create_archive(year, &dest, today(), "0.1.0", &Progress::default()).unwrap().files
    };
    let before = files(&s, "a", 2026);
    let other_before = files(&s, "b", 2025);
    s.add_service_attachment(x.id, "合影.jpg", b"group photo of 2026").unwrap();
    assert_eq!(files(&s, "c", 2026), before + 1);
    assert_eq!(files(&s, "d", 2025), other_before);
}

#[test]
fn a_service_typed_on_the_demo_keeps_it_from_being_cleared() {
    let (_dir, mut s) = fresh();
    s.load_demo(today()).unwrap();
    assert!(s.demo_state().unwrap().clearable);
    let first: i64 = rows(&s, "SELECT min(id) FROM members WHERE deleted_at IS NULL");
    s.create_service(&form("2026-12-05", "volunteer", "打扫村道", "1", "1", &[first]), today()).unwrap();
    let state = s.demo_state().unwrap();
    assert!(state.loaded && !state.clearable, "her service would be lost");
}

#[test]
fn the_register_sheet_lists_the_year_with_a_totals_row() {
    let (_dir, mut s) = fresh();
    let a = member(&mut s, "张志愿", "011");
    let b = member(&mut s, "李实事", "022");
    s.create_service(&form("2026-03-05", "volunteer", "打扫村道", "2", "1.5", &[a, b]), today()).unwrap();
    s.create_service(&form("2026-05-01", "deed", "修路灯", "5", "2", &[b]), today()).unwrap();
    let p = s.sheet_paper("志愿服务登记台账", 2026, today()).unwrap();
    assert_eq!(p.title, "2026年度志愿服务和为民办实事登记台账");
    assert_eq!(p.rows.len(), 3);
    let first: Vec<&str> = p.rows[0].iter().map(|c| c.text.as_str()).collect();
    assert_eq!(first, ["1", "2026.03.05", "志愿服务", "打扫村道", "五保户", "2", "3", "1.5", "张志愿、李实事", "2"]);
    let total: Vec<&str> = p.rows[2].iter().map(|c| c.text.as_str()).collect();
    assert_eq!(total[0], "合计");
    assert_eq!(total[3], "共 2 次，3 人次，服务 7 户");
    assert_eq!((total[5], total[6], total[7], total[9]), ("7", "6", "3.5", "3"));
    let empty = s.sheet_paper("志愿服务登记台账", 2025, today()).unwrap();
    assert!(empty.rows.is_empty());
    assert_eq!(empty.empty_text.as_deref(), Some("本年度没有志愿服务和为民办实事记录"));
    assert!(!s.year_workbook(2026, today()).unwrap().is_empty());
}

#[test]
fn a_member_who_has_died_cannot_be_added_but_stays_on_an_old_record_when_it_is_changed() {
    use zhibu_core::members::StatusForm;
    let (_dir, mut s) = fresh();
    let a = member(&mut s, "张志愿", "011");
    let b = member(&mut s, "李实事", "022");
    let x = s.create_service(&form("2026-03-05", "volunteer", "打扫村道", "2", "2", &[a, b]), today()).unwrap();
    s.change_status(
        b,
        &StatusForm { status: "deceased".into(), date: "2026-12-01".into(), reason: "病逝".into() },
        today(),
    )
    .unwrap();
    let e = errors(s.create_service(&form("2026-12-05", "volunteer", "扫雪", "1", "1", &[a, b]), today()).unwrap_err());
    assert_eq!(e.get("member_ids"), Some("李实事已不在党籍，不能登记为参加党员"));
    let y =
        s.update_service(x.id, &form("2026-03-05", "volunteer", "打扫村道和河边", "2", "2", &[a, b]), today()).unwrap();
    assert_eq!(y.members.len(), 2);
}
