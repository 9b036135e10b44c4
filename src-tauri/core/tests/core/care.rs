//! 关怀帮扶 through the Store: hardship cases and their 复核, visits with
//! money in 分 and its source, 送学上门 standing for a 主题党日 (and put
//! back on delete), the 慰问名单 of a season and the receipts.

use crate::id_for;
use chrono::NaiveDate;
use zhibu_core::care::{CareCaseForm, CareSettings, CaseActionForm, FundSource, Occasion, SeasonKind, VisitForm};
use zhibu_core::meetings::{AttendeeForm, MeetingForm};
use zhibu_core::members::{MemberForm, StatusForm};
use zhibu_core::{Error, Store};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// In the 元旦春节 season (1 December – 31 March).
fn winter() -> NaiveDate {
    d("2026-12-10")
}

fn member(s: &mut Store, name: &str, birth: &str, seq: &str, admitted: &str, full: &str) -> i64 {
    let form = MemberForm {
        name: name.into(),
        id_number: id_for(birth, seq),
        kind: "full".into(),
        admitted_on: admitted.into(),
        full_member_on: full.into(),
        ..Default::default()
    };
    s.create_member(&form, winter()).unwrap().id
}

fn field_error(e: Error, field: &str) -> String {
    match e {
        Error::Validation(f) => f.get(field).unwrap_or_else(|| panic!("no error on {field}: {f:?}")).to_string(),
        other => panic!("expected validation, got {other:?}"),
    }
}

fn visit(member_id: i64, on: &str, occasion: &str, amount: &str, source: &str) -> VisitForm {
    VisitForm {
        member_id,
        visited_on: on.into(),
        occasion: occasion.into(),
        amount: amount.into(),
        source: source.into(),
        visitors: "王书记".into(),
        ..Default::default()
    }
}

#[test]
fn a_visit_keeps_its_money_in_fen_and_needs_a_source_for_money() {
    let mut s = Store::open_in_memory().unwrap();
    let a = member(&mut s, "张大山", "19500301", "011", "1975-06-01", "1976-06-01");
    let saved = s.create_care_visit(&visit(a, "2026-12-05", "春节", "200.00", "上级下拨党费"), winter()).unwrap();
    assert_eq!(saved.visit.amount_fen, 20_000);
    assert_eq!(saved.visit.amount, "200.00");
    assert_eq!(saved.visit.occasion, Occasion::Spring);
    assert_eq!(saved.visit.source, Some(FundSource::DuesReturned));
    assert_eq!(saved.note, None);

    // Money without a source, a bad amount, a future day, an unknown occasion: nothing saved.
    let e = s.create_care_visit(&visit(a, "2026-12-05", "spring", "0.01", ""), winter()).unwrap_err();
    assert!(field_error(e, "source").contains("资金来源"));
    let e = s.create_care_visit(&visit(a, "2026-12-05", "spring", "200.001", "village"), winter()).unwrap_err();
    assert!(field_error(e, "amount").contains("200.00"));
    let e = s.create_care_visit(&visit(a, "2026-12-11", "spring", "", ""), winter()).unwrap_err();
    assert!(field_error(e, "visited_on").contains("不能晚于今天"));
    let e = s.create_care_visit(&visit(a, "2026-12-05", "端午", "", ""), winter()).unwrap_err();
    assert!(field_error(e, "occasion").contains("走访事由"));
    assert_eq!(s.care_visits(2026).unwrap().len(), 1);
    // Goods only, no money: no source needed.
    let v = s.create_care_visit(&visit(a, "2026-12-10", "routine", "", ""), winter()).unwrap().visit;
    assert_eq!((v.amount_fen, v.source), (0, None));
}

#[test]
fn a_family_member_is_visited_only_after_the_death() {
    let mut s = Store::open_in_memory().unwrap();
    let a = member(&mut s, "李老根", "19400301", "013", "1965-06-01", "1966-06-01");
    let mut f = visit(a, "2026-12-05", "death", "500", "township");
    f.family_name = "李小花".into();
    let e = s.create_care_visit(&f, winter()).unwrap_err();
    assert!(field_error(e, "family_name").contains("只有党员去世后"));
    s.change_status(
        a,
        &StatusForm { status: "deceased".into(), date: "2026-12-01".into(), reason: "病逝".into() },
        winter(),
    )
    .unwrap();
    let v = s.create_care_visit(&f, winter()).unwrap().visit;
    assert_eq!((v.family_name.as_str(), v.amount_fen), ("李小花", 50_000));
    f.family_name.clear();
    let e = s.create_care_visit(&f, winter()).unwrap_err();
    assert!(field_error(e, "family_name").contains("家属姓名"));
}

fn theme_day(date: &str, people: &[(i64, &str)]) -> MeetingForm {
    MeetingForm {
        kind: "theme_day".into(),
        date: date.into(),
        start_time: "09:00".into(),
        place: "村党群服务中心".into(),
        topic: "学习党的二十届四中全会精神".into(),
        attendees: people
            .iter()
            .map(|(id, st)| AttendeeForm {
                member_id: *id,
                status: (*st).into(),
                reason: if *st == "leave" { "卧病在床".into() } else { String::new() },
                grade: String::new(),
            })
            .collect(),
        ..Default::default()
    }
}

fn status_of(s: &Store, meeting: i64, member: i64) -> String {
    let m = s.meeting(meeting).unwrap();
    m.attendees.iter().find(|a| a.member_id == member).map(|a| a.status.code().to_string()).unwrap()
}

#[test]
fn teaching_at_home_stands_for_the_months_theme_day_and_is_undone_on_delete() {
    let mut s = Store::open_in_memory().unwrap();
    let a = member(&mut s, "王一", "19400301", "015", "1965-06-01", "1966-06-01");
    let b = member(&mut s, "王二", "19600301", "017", "1985-06-01", "1986-06-01");
    let c = member(&mut s, "王三", "19700301", "019", "1995-06-01", "1996-06-01");
    let m = s
        .create_meeting(&theme_day("2026-11-05", &[(a, "leave"), (b, "absent"), (c, "present")]), winter())
        .unwrap()
        .id;
    let today = winter();
    let on_leave = s.create_care_visit(&visit(a, "2026-11-20", "送学上门", "", ""), today).unwrap();
    assert_eq!(on_leave.visit.meeting_id, Some(m));
    assert!(on_leave.note.unwrap().contains("由“请假”改为“送学上门”"));
    assert_eq!(status_of(&s, m, a), "taught");
    let absent = s.create_care_visit(&visit(b, "2026-11-30", "teaching", "", ""), today).unwrap();
    assert_eq!(status_of(&s, m, b), "taught");
    // Present: nothing to stand for; another month: no meeting.
    let present = s.create_care_visit(&visit(c, "2026-11-20", "teaching", "", ""), today).unwrap();
    assert_eq!((present.visit.meeting_id, status_of(&s, m, c).as_str()), (None, "present"));
    let december = s.create_care_visit(&visit(b, "2026-12-01", "teaching", "", ""), today).unwrap();
    assert_eq!(december.visit.meeting_id, None);
    assert!(december.note.unwrap().contains("2026年12月没有"));
    // Counted apart from the absent.
    let q = s.meeting(m).unwrap();
    let taught = q.attendees.iter().filter(|x| x.status.code() == "taught").count();
    assert_eq!(taught, 2);
    // Deleting the visits gives each their own old status back.
    s.delete_care_visit(on_leave.visit.id).unwrap();
    s.delete_care_visit(absent.visit.id).unwrap();
    assert_eq!((status_of(&s, m, a), status_of(&s, m, b)), ("leave".into(), "absent".into()));
    assert!(s.care_visit(on_leave.visit.id).is_err());
}

#[test]
fn the_spring_list_has_its_reasons_and_marks_who_was_visited() {
    let mut s = Store::open_in_memory().unwrap();
    // Admitted in 1948 (only the month known), 党龄 and age high too.
    let old = member(&mut s, "赵老革命", "19300301", "021", "1948-06", "1949-06");
    let sick = member(&mut s, "钱病", "19700301", "023", "1995-06-01", "1996-06-01");
    let eighty = member(&mut s, "孙八十", "19461210", "025", "1980-06-01", "1981-06-01");
    let seventy_nine = member(&mut s, "孙七九", "19461211", "027", "1980-06-01", "1981-06-01");
    let fifty = member(&mut s, "周五十", "19500301", "029", "1975-12-01", "1976-12-10");
    let young = member(&mut s, "吴年轻", "19900301", "031", "2015-06-01", "2016-06-01");
    s.create_care_case(
        &CareCaseForm {
            member_id: sick,
            category: "因病".into(),
            since: "2026-03-01".into(),
            description: "尿毒症".into(),
        },
        winter(),
    )
    .unwrap();
    let list = s.visit_list(SeasonKind::Spring, winter()).unwrap();
    assert_eq!((list.start, list.end), (d("2026-12-01"), d("2027-03-31")));
    let reasons = |id: i64| list.entries.iter().find(|e| e.member_id == id).map(|e| e.reasons.clone());
    assert_eq!(
        reasons(old).unwrap(),
        vec!["1949年10月1日前入党".to_string(), "年满80周岁（96岁）".into(), "党龄满50年（77年）".into()]
    );
    assert_eq!(reasons(sick).unwrap(), vec!["因病".to_string()]);
    assert_eq!(reasons(eighty).unwrap(), vec!["年满80周岁（80岁）".to_string()]);
    assert_eq!(reasons(seventy_nine), None, "79 the day before the birthday");
    assert_eq!(reasons(fifty).unwrap(), vec!["党龄满50年（50年）".to_string()]);
    assert_eq!(reasons(young), None);
    assert_eq!((list.total, list.visited), (4, 0));

    // Raised settings: the 1948 member stays, for that reason alone.
    s.save_care_settings(&CareSettings { visit_age: 100, visit_party_years: 80, ..Default::default() }).unwrap();
    let list = s.visit_list(SeasonKind::Spring, winter()).unwrap();
    let names: Vec<(&str, Vec<String>)> = list.entries.iter().map(|e| (e.name.as_str(), e.reasons.clone())).collect();
    assert_eq!(names, vec![("赵老革命", vec!["1949年10月1日前入党".to_string()]), ("钱病", vec!["因病".to_string()])]);

    // A 春节 visit this season marks them; a 七一 visit or last season's does not.
    s.create_care_visit(&visit(old, "2026-11-30", "spring", "", ""), winter()).unwrap();
    s.create_care_visit(&visit(sick, "2026-12-01", "july1", "", ""), winter()).unwrap();
    assert!(!s.visit_list(SeasonKind::Spring, winter()).unwrap().entries.iter().any(|e| e.visited));
    s.create_care_visit(&visit(old, "2026-12-01", "spring", "300", "village"), winter()).unwrap();
    let list = s.visit_list(SeasonKind::Spring, winter()).unwrap();
    assert_eq!(list.entries.iter().map(|e| e.visited).collect::<Vec<_>>(), vec![true, false]);
    assert_eq!(list.visited, 1);
    // A dead member is on no list.
    s.change_status(
        sick,
        &StatusForm { status: "deceased".into(), date: "2026-12-02".into(), reason: "病逝".into() },
        winter(),
    )
    .unwrap();
    assert_eq!(s.visit_list(SeasonKind::Spring, winter()).unwrap().total, 1);
}

#[test]
fn a_case_is_due_for_review_after_twelve_months_and_closes_with_a_reason() {
    let mut s = Store::open_in_memory().unwrap();
    let a = member(&mut s, "郑困难", "19600301", "033", "1985-06-01", "1986-06-01");
    let form =
        CareCaseForm { member_id: a, category: "subsistence".into(), since: "2025-12-10".into(), ..Default::default() };
    let c = s.create_care_case(&form, winter()).unwrap();
    assert_eq!(c.review_due, Some(d("2026-12-10")));
    assert!(s.care_review_due(d("2026-12-09")).unwrap().is_empty());
    assert_eq!(s.care_review_due(winter()).unwrap()[0].id, c.id);
    // The same open category twice is refused.
    let e = s.create_care_case(&form, winter()).unwrap_err();
    assert!(field_error(e, "category").contains("未结束"));
    let e = s.create_care_case(&CareCaseForm { category: "没钱".into(), ..form.clone() }, winter()).unwrap_err();
    assert!(field_error(e, "category").contains("困难类别"));
    let r = s
        .review_care_case(c.id, &CaseActionForm { date: "2026-12-10".into(), ..Default::default() }, winter())
        .unwrap();
    assert_eq!((r.reviewed_on, r.review_due), (Some(winter()), Some(d("2027-12-10"))));
    assert!(s.care_review_due(winter()).unwrap().is_empty());
    let e = s
        .close_care_case(c.id, &CaseActionForm { date: "2026-12-10".into(), ..Default::default() }, winter())
        .unwrap_err();
    assert!(field_error(e, "reason").contains("结束原因"));
    let closed = s
        .close_care_case(
            c.id,
            &CaseActionForm { date: "2026-12-10".into(), reason: "已脱贫".into(), ..Default::default() },
            winter(),
        )
        .unwrap();
    assert_eq!((closed.closed_on, closed.review_due), (Some(winter()), None));
    assert!(s.care_review_due(d("2030-01-01")).unwrap().is_empty());
}

#[test]
fn a_receipt_is_kept_with_the_visit() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open_dir(dir.path()).unwrap();
    let a = member(&mut s, "冯收据", "19500301", "035", "1975-06-01", "1976-06-01");
    let v = s.create_care_visit(&visit(a, "2026-12-05", "spring", "200", "dues_returned"), winter()).unwrap().visit;
    let att = s.add_care_attachment(v.id, "收条.jpg", b"receipt").unwrap();
    assert!(att.is_image);
    assert_eq!(s.care_attachment_bytes(att.id).unwrap().1, b"receipt");
    assert!(s.add_care_attachment(v.id + 9, "x.jpg", b"x").is_err());
    s.remove_care_attachment(att.id).unwrap();
    assert!(s.care_attachments(v.id).unwrap().is_empty());
}

#[test]
fn the_home_screen_has_the_seasons_list_and_the_cases_due() {
    let mut s = Store::open_in_memory().unwrap();
    let old = member(&mut s, "赵老", "19300301", "037", "1948-06", "1949-06");
    let other = member(&mut s, "钱老", "19310301", "039", "1958-06-01", "1959-06-01");
    s.create_care_case(
        &CareCaseForm {
            member_id: other,
            category: "illness".into(),
            since: "2025-11-01".into(),
            ..Default::default()
        },
        winter(),
    )
    .unwrap();
    s.create_care_visit(&visit(old, "2026-12-05", "spring", "200", "dues_returned"), winter()).unwrap();
    let r = s.reminders(winter()).unwrap();
    let list = r.visit_list.expect("in the 元旦春节 season");
    assert_eq!((list.total, list.visited), (2, 1));
    assert_eq!(list.entries.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), vec!["钱老"]);
    assert_eq!(r.care_review_due.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), vec!["钱老"]);
    // Outside the seasons: no list; the case still due.
    let autumn = d("2026-11-27");
    let r = s.reminders(autumn).unwrap();
    assert_eq!(r.visit_list, None);
    assert_eq!(r.care_review_due.len(), 1);
    assert_eq!(s.reminders(d("2026-10-31")).unwrap().care_review_due.len(), 0);
}

#[test]
fn the_notice_and_the_sheets_show_the_money_and_no_numbers() {
    use zhibu_core::notices::{NoticeRequest, NoticeTerms};
    let mut s = Store::open_in_memory().unwrap();
    let a = member(&mut s, "孙慰问", "19400301", "041", "1965-06-01", "1966-06-01");
    let b = member(&mut s, "李物品", "19410301", "043", "1965-06-01", "1966-06-01");
    let mut f = visit(a, "2026-12-05", "spring", "200.00", "上级下拨党费");
    f.follow_up = "电话 13812345678 联系女儿".into();
    s.create_care_visit(&f, winter()).unwrap();
    s.create_care_visit(&visit(a, "2026-07-01", "july1", "150.5", "village"), winter()).unwrap();
    s.create_care_visit(&visit(b, "2026-12-06", "spring", "", ""), winter()).unwrap();
    let n = s
        .notice(&NoticeRequest::Care { year: 2026, season: Some("spring".into()) }, &NoticeTerms::default(), winter())
        .unwrap();
    assert_eq!(n.title, "2026年元旦春节慰问金发放公示");
    let t = n.table.unwrap();
    assert_eq!(t.rows, vec![vec!["1", "孙慰问", "元旦春节", "200.00", "上级下拨党费"]]);
    assert_eq!(t.total.as_deref(), Some("200.00"));
    let all = s.notice(&NoticeRequest::Care { year: 2026, season: None }, &NoticeTerms::default(), winter()).unwrap();
    assert_eq!(all.table.unwrap().total.as_deref(), Some("350.50"));
    let e = s
        .notice(&NoticeRequest::Care { year: 2026, season: Some("端午".into()) }, &NoticeTerms::default(), winter())
        .unwrap_err();
    assert!(field_error(e, "season").contains("走访事由"));

    let paper = s.sheet_paper("走访慰问登记表", 2026, winter()).unwrap();
    assert_eq!(paper.rows.len(), 3);
    let row: Vec<&str> = paper.rows[1].iter().map(|c| c.text.as_str()).collect();
    assert_eq!(&row[..8], &["2", "2026.12.05", "孙慰问", "本人", "元旦春节", "王书记", "200.00", "上级下拨党费"]);
    let total = paper.total.unwrap();
    assert!(total.iter().any(|c| c.text == "350.50"), "{total:?}");
    s.create_care_case(
        &CareCaseForm {
            member_id: b,
            category: "因灾".into(),
            since: "2026-08-01".into(),
            description: "房屋受损".into(),
        },
        winter(),
    )
    .unwrap();
    let cases = s.sheet_paper("困难党员台账", 2026, winter()).unwrap();
    let row: Vec<&str> = cases.rows[0].iter().map(|c| c.text.as_str()).collect();
    assert_eq!(&row[..9], &["1", "李物品", "男", "85", "因灾", "2026.08.01", "房屋受损", "", "帮扶中"]);
    assert!(s.sheet_paper("困难党员台账", 2025, winter()).unwrap().rows.is_empty());
}

#[test]
fn a_visit_typed_on_the_demo_keeps_it_from_being_cleared() {
    let mut s = Store::open_in_memory().unwrap();
    s.load_demo(winter()).unwrap();
    assert!(s.demo_state().unwrap().clearable);
    let first = s.visit_list(SeasonKind::Spring, winter()).unwrap().entries[0].member_id;
    s.create_care_visit(&visit(first, "2026-12-05", "spring", "200", "dues_returned"), winter()).unwrap();
    let state = s.demo_state().unwrap();
    assert!(state.loaded && !state.clearable, "her visit would be lost");
}

#[test]
fn the_years_archive_carries_the_visits_receipts() {
    use zhibu_core::archive::Progress;
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open_dir(&dir.path().join("data")).unwrap();
    let a = member(&mut s, "褚归档", "19500301", "045", "1975-06-01", "1976-06-01");
    let v = s.create_care_visit(&visit(a, "2026-12-05", "spring", "200", "dues_returned"), winter()).unwrap().visit;
    let files = |s: &Store, name: &str| {
        let dest = dir.path().join(name);
        std::fs::create_dir_all(&dest).unwrap();
        s.create_archive(2026, &dest, winter(), "0.1.0", &Progress::default()).unwrap().files
    };
    let before = files(&s, "a");
    s.add_care_attachment(v.id, "收条.jpg", b"receipt of 2026").unwrap();
    assert_eq!(files(&s, "b"), before + 1);
    // Not in another year's archive.
    let dest = dir.path().join("c");
    std::fs::create_dir_all(&dest).unwrap();
    let other = s.create_archive(2025, &dest, winter(), "0.1.0", &Progress::default()).unwrap().files;
    assert_eq!(other, before);
}

#[test]
fn care_settings_hold_all_four_and_reject_each_out_of_range_field_saving_nothing() {
    let mut s = Store::open_in_memory().unwrap();
    let defaults = s.care_settings().unwrap();
    assert_eq!(
        (defaults.mobile_no_contact_days, defaults.review_months, defaults.visit_age, defaults.visit_party_years),
        (90, 12, 80, 50)
    );
    // Every field one past its edge (docs/DOMAIN.md §10): four messages, nothing saved.
    let low = CareSettings { mobile_no_contact_days: 29, review_months: 0, visit_age: 59, visit_party_years: 9 };
    let e = match s.save_care_settings(&low).unwrap_err() {
        Error::Validation(f) => f,
        other => panic!("expected validation, got {other:?}"),
    };
    assert_eq!(e.get("mobile_no_contact_days"), Some("流动党员多久未联系提醒：请填 30 到 365 天"));
    assert_eq!(e.get("review_months"), Some("困难党员复核间隔：请填 1 到 24 个月"));
    assert_eq!(e.get("visit_age"), Some("慰问年龄：请填 60 到 100 岁"));
    assert_eq!(e.get("visit_party_years"), Some("慰问党龄：请填 10 到 80 年"));
    assert_eq!(s.care_settings().unwrap(), defaults);
    let high = CareSettings { mobile_no_contact_days: 366, review_months: 25, visit_age: 101, visit_party_years: 81 };
    assert!(s.save_care_settings(&high).is_err());
    // One bad field keeps the three good ones from being saved.
    let one_bad = CareSettings { visit_age: 101, ..CareSettings { review_months: 6, ..defaults } };
    assert_eq!(field_error(s.save_care_settings(&one_bad).unwrap_err(), "visit_age"), "慰问年龄：请填 60 到 100 岁");
    assert_eq!(s.care_settings().unwrap().review_months, 12);
    // The edges themselves are fine, both ends, and read back.
    for ok in [
        CareSettings { mobile_no_contact_days: 30, review_months: 1, visit_age: 60, visit_party_years: 10 },
        CareSettings { mobile_no_contact_days: 365, review_months: 24, visit_age: 100, visit_party_years: 80 },
    ] {
        assert_eq!(s.save_care_settings(&ok).unwrap(), ok);
        assert_eq!(s.care_settings().unwrap(), ok);
    }
}
