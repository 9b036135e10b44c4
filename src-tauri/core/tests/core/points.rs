//! 积分 through the Store: the 示例 set off by default, import checks,
//! versions with the old totals kept in points_history, caps, 倒扣分, star
//! bands, and each line's source naming its record (docs/DOMAIN.md §9.5).

use crate::id_for;
use chrono::NaiveDate;
use zhibu_core::care::VisitForm;
use zhibu_core::dues::{AssessmentForm, PaymentForm};
use zhibu_core::meetings::{AttendeeForm, MeetingForm};
use zhibu_core::members::MemberForm;
use zhibu_core::points::{PointsEntryForm, PointsGroup};
use zhibu_core::{Error, Store};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn today() -> NaiveDate {
    d("2026-11-27")
}

fn member(s: &mut Store, name: &str, seq: &str) -> i64 {
    let form = MemberForm {
        name: name.into(),
        id_number: id_for("19700101", seq),
        kind: "full".into(),
        admitted_on: "2000-07-01".into(),
        full_member_on: "2001-07-01".into(),
        ..Default::default()
    };
    s.create_member(&form, today()).unwrap().id
}

fn meeting(s: &mut Store, kind: &str, date: &str, people: &[(i64, &str)]) {
    let form = MeetingForm {
        kind: kind.into(),
        date: date.into(),
        start_time: "09:00".into(),
        place: "村党群服务中心".into(),
        topic: "学习党章".into(),
        attendees: people
            .iter()
            .map(|(id, st)| AttendeeForm {
                member_id: *id,
                status: (*st).into(),
                reason: if *st == "leave" { "外出务工".into() } else { String::new() },
                grade: String::new(),
            })
            .collect(),
        ..Default::default()
    };
    s.create_meeting(&form, today()).unwrap();
}

/// A small county set: 主题党日 3 (monthly cap 3), 党费 1, 走访 2 (yearly cap 3),
/// 先锋 entered, 缺席 −4; stars ★★★ ≥ 10, ★★ ≥ 5, ★ ≥ 0.
const COUNTY: &str = r#"{
  "name": "某县党员积分办法",
  "source": { "publisher": "某县委组织部", "year": 2026 },
  "items": [
    { "key": "td", "group": "base", "label": "参加主题党日", "points": 3, "cap_month": 3, "source": "theme_day" },
    { "key": "dues", "group": "基础分", "label": "按月交纳党费", "points": 1, "source": "dues_on_time" },
    { "key": "visit", "group": "pioneer", "label": "走访慰问", "points": 2, "cap_year": 3, "source": "care_visit" },
    { "key": "good", "group": "pioneer", "label": "先锋表现", "points": 1.5, "source": "entered" },
    { "key": "absent", "group": "deduct", "label": "无故缺席", "points": 4, "source": "absent" }
  ],
  "stars": [ { "stars": 1, "min": 0 }, { "stars": 3, "min": 10 }, { "stars": 2, "min": 5 } ]
}"#;

fn import_error(s: &mut Store, json: &str) -> String {
    match s.import_points_rules(json, today()).unwrap_err() {
        Error::Import(m) => m,
        other => panic!("expected an import error, got {other:?}"),
    }
}

#[test]
fn the_example_is_off_until_turned_on_and_then_counts() {
    let mut s = Store::open_in_memory().unwrap();
    let a = member(&mut s, "张大山", "011");
    meeting(&mut s, "theme_day", "2026-03-05", &[(a, "present")]);
    let cur = s.points_rules().unwrap();
    assert_eq!((cur.version, cur.enabled, cur.rules.example), (0, false, true));
    assert!(cur.rules.name.contains("示例"));
    let y = s.points_year(2026).unwrap();
    assert!(!y.enabled);
    assert!(y.members.is_empty(), "nothing is computed while no rule set is on");

    let on = s.set_points_enabled(true, today()).unwrap();
    assert_eq!((on.version, on.enabled, on.rules.example), (1, true, true));
    let y = s.points_year(2026).unwrap();
    assert_eq!(y.members.len(), 1);
    assert_eq!(y.members[0].total_tenths, 40, "示例: 主题党日 4 分");
    // Importing a set marked example keeps it off.
    let again = s.import_points_rules(zhibu_core::points::rules::EXAMPLE, today()).unwrap();
    assert_eq!((again.version, again.enabled), (2, false));
}

#[test]
fn import_refuses_bad_sets_naming_the_item_and_saves_nothing() {
    let mut s = Store::open_in_memory().unwrap();
    let unknown = COUNTY.replace("\"source\": \"absent\"", "\"source\": \"birthday\"");
    let m = import_error(&mut s, &unknown);
    assert!(m.contains("第 5 项“无故缺席”的来源“birthday”不认识"), "{m}");
    let dup = COUNTY.replace("\"key\": \"visit\"", "\"key\": \"td\"");
    let m = import_error(&mut s, &dup);
    assert!(m.contains("“走访慰问”的编号“td”重复了"), "{m}");
    let neg = COUNTY.replace("\"cap_year\": 3", "\"cap_year\": -3");
    let m = import_error(&mut s, &neg);
    assert!(m.contains("“走访慰问”的每年上限（cap_year）不能是负数"), "{m}");
    let frac = COUNTY.replace("\"points\": 1.5", "\"points\": 1.25");
    assert!(import_error(&mut s, &frac).contains("“先锋表现”的分值"));
    assert!(import_error(&mut s, "{ not json").contains("不是有效的 JSON"));
    assert_eq!(s.points_rules().unwrap().version, 0, "nothing saved");
    assert!(s.points_rule_versions().unwrap().is_empty());

    let ok = s.import_points_rules(COUNTY, today()).unwrap();
    assert_eq!((ok.version, ok.enabled, ok.rules.example), (1, true, false));
    assert_eq!(ok.rules.items[3].tenths, 15);
    assert_eq!(ok.rules.items[1].group, PointsGroup::Base, "Chinese group words are accepted");
    // Exported and imported again: the same set.
    let out = s.export_points_rules().unwrap();
    let back = s.import_points_rules(&out, today()).unwrap();
    assert_eq!(back.rules, ok.rules);
    assert_eq!(back.version, 2);
}

#[test]
fn caps_deduct_stars_and_sources() {
    let mut s = Store::open_in_memory().unwrap();
    let a = member(&mut s, "张大山", "011");
    let b = member(&mut s, "李小红", "022");
    s.import_points_rules(COUNTY, today()).unwrap();
    // Two 主题党日 in March: the monthly cap of 3 lets only the first count.
    meeting(&mut s, "theme_day", "2026-03-05", &[(a, "present"), (b, "leave")]);
    meeting(&mut s, "theme_day", "2026-03-20", &[(a, "present"), (b, "absent")]);
    meeting(&mut s, "theme_day", "2026-04-05", &[(a, "present"), (b, "present")]);
    // 李小红 visits three times: 2 + 1 (cap 3) + 0.
    for on in ["2026-05-01", "2026-06-01", "2026-07-01"] {
        let v = VisitForm {
            member_id: a,
            visited_on: on.into(),
            occasion: "routine".into(),
            visitors: "王书记、李小红".into(),
            ..Default::default()
        };
        s.create_care_visit(&v, today()).unwrap();
    }
    let y = s.points_year(2026).unwrap();
    let pa = y.members.iter().find(|m| m.member_id == a).unwrap();
    let pb = y.members.iter().find(|m| m.member_id == b).unwrap();

    assert_eq!(pa.months[2], 30, "March capped at 3");
    assert_eq!(pa.months[3], 30);
    assert_eq!(pa.total_tenths, 60);
    assert_eq!(pa.total, "6");
    assert_eq!(pa.stars, 2);
    let march: Vec<_> = pa.items.iter().filter(|i| i.month == 3).collect();
    assert_eq!(march[0].source, "2026-03-05 主题党日");
    assert_eq!(march[0].tenths, 30);
    assert_eq!(march[1].tenths, 0);
    assert!(march[1].source.starts_with("2026-03-20 主题党日") && march[1].source.contains("超过上限"));

    // 李小红: 主题党日 3, 走访 2 + 1, 缺席 −4 (请假 is no deduction) = 2.
    assert_eq!(pb.base_tenths, 30);
    assert_eq!(pb.pioneer_tenths, 30);
    assert_eq!(pb.deduct_tenths, 40);
    assert_eq!(pb.total_tenths, 20);
    assert_eq!(pb.months[2], -40);
    assert_eq!(pb.stars, 1);
    let absent = pb.items.iter().find(|i| i.rule == "absent").unwrap();
    assert_eq!((absent.tenths, absent.source.as_str()), (-40, "2026-03-20 主题党日缺席"));
    let visits: Vec<i64> = pb.items.iter().filter(|i| i.rule == "visit").map(|i| i.tenths).collect();
    assert_eq!(visits, vec![20, 10, 0]);
    assert!(pb.items.iter().any(|i| i.source == "2026-05-01 走访慰问张大山"));
    assert!(pa.items.iter().all(|i| i.rule != "visit"), "the visited member gets no visit points");

    // Entered: 1.5 by default, reason required, source names the reason; soft delete.
    let form = PointsEntryForm {
        member_id: a,
        entered_on: "2026-08-01".into(),
        rule_key: "good".into(),
        reason: "带头参加抗洪抢险".into(),
        evidence: "村委会证明".into(),
        ..Default::default()
    };
    let no_reason = PointsEntryForm { reason: " ".into(), ..form.clone() };
    match s.add_points_entry(&no_reason, today()).unwrap_err() {
        Error::Validation(f) => assert!(f.get("reason").unwrap().contains("原因")),
        other => panic!("{other:?}"),
    }
    let derived = PointsEntryForm { rule_key: "td".into(), ..form.clone() };
    assert!(s.add_points_entry(&derived, today()).is_err(), "a derived item is not typed");
    let e = s.add_points_entry(&form, today()).unwrap();
    assert_eq!(e.tenths, 15);
    let pa = s.points_year(2026).unwrap().members.into_iter().find(|m| m.member_id == a).unwrap();
    assert_eq!(pa.total_tenths, 75);
    assert_eq!(pa.total, "7.5");
    let line = pa.items.iter().find(|i| i.rule == "good").unwrap();
    assert_eq!((line.source.as_str(), line.entry_id), ("录入：带头参加抗洪抢险", Some(e.id)));
    s.delete_points_entry(e.id).unwrap();
    assert!(s.points_entries(2026).unwrap().is_empty());
    let pa = s.points_year(2026).unwrap().members.into_iter().find(|m| m.member_id == a).unwrap();
    assert_eq!(pa.total_tenths, 60);
}

#[test]
fn dues_paid_by_the_end_of_the_month_count() {
    let mut s = Store::open_in_memory().unwrap();
    let a = member(&mut s, "张大山", "011");
    s.assess_dues(&AssessmentForm {
        member_id: a,
        from_month: "2026-01".into(),
        category: "farmer".into(),
        ..Default::default()
    })
    .unwrap();
    let pay = |s: &mut Store, on: &str, months: &[&str]| {
        let form = PaymentForm {
            member_id: a,
            paid_on: on.into(),
            kind: "dues".into(),
            months: months.iter().map(|m| m.to_string()).collect(),
            receipt_no: "1".into(),
            collector: "组织委员".into(),
            note: "补交".into(),
            ..Default::default()
        };
        s.record_payment(&form, today()).unwrap();
    };
    pay(&mut s, "2026-04-10", &["2026-04"]);
    pay(&mut s, "2026-06-02", &["2026-05"]); // late: May was not paid in May
    pay(&mut s, "2026-06-02", &["2026-06", "2026-07"]); // July paid ahead counts
    s.import_points_rules(COUNTY, today()).unwrap();
    let pa = s.points_year(2026).unwrap().members.remove(0);
    let dues: Vec<(&str, u32)> =
        pa.items.iter().filter(|i| i.rule == "dues").map(|i| (i.source.as_str(), i.month)).collect();
    assert_eq!(dues, vec![("2026年4月党费", 4), ("2026年6月党费", 6), ("2026年7月党费", 7)]);
}

#[test]
fn a_new_version_applies_and_the_old_totals_are_kept() {
    let mut s = Store::open_in_memory().unwrap();
    let a = member(&mut s, "张大山", "011");
    meeting(&mut s, "theme_day", "2026-03-05", &[(a, "present")]);
    meeting(&mut s, "theme_day", "2026-04-05", &[(a, "present")]);
    let v1 = s.import_points_rules(COUNTY, today()).unwrap();
    assert_eq!(s.points_year(2026).unwrap().members[0].total_tenths, 60);
    assert!(s.points_history(2026).unwrap().is_empty());

    // The county raises 主题党日 to 5 (cap 5): recomputed, v1's 6 points kept.
    let v2json = COUNTY.replace("\"points\": 3, \"cap_month\": 3", "\"points\": 5, \"cap_month\": 5");
    let v2 = s.import_points_rules(&v2json, today()).unwrap();
    assert_eq!(v2.version, v1.version + 1);
    let y = s.points_year(2026).unwrap();
    assert_eq!((y.version, y.members[0].total_tenths, y.members[0].stars), (2, 100, 3));
    let h = s.points_history(2026).unwrap();
    assert_eq!(h.len(), 1);
    assert_eq!((h[0].version, h[0].member_id, h[0].tenths, h[0].stars), (1, a, 60, 2));
    // Both versions stay, unchanged.
    let versions = s.points_rule_versions().unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[1].rules.items[0].tenths, 30);

    // Turning it off is a new version; v2's totals are kept too, and nothing is computed.
    let off = s.set_points_enabled(false, today()).unwrap();
    assert_eq!((off.version, off.enabled), (3, false));
    assert!(s.points_year(2026).unwrap().members.is_empty());
    assert!(s.points_history(2026).unwrap().iter().any(|r| r.version == 2 && r.tenths == 100));
    // Replacing a version that was off keeps nothing more.
    s.set_points_enabled(true, today()).unwrap();
    assert!(!s.points_history(2026).unwrap().iter().any(|r| r.version == 3));
}

#[test]
fn the_points_ledger_sheet_says_off_or_lists_each_month() {
    let mut s = Store::open_in_memory().unwrap();
    let a = member(&mut s, "张大山", "011");
    meeting(&mut s, "theme_day", "2026-03-05", &[(a, "present")]);
    meeting(&mut s, "theme_day", "2026-04-05", &[(a, "absent")]);
    let off = s.sheet_paper("积分台账", 2026, today()).unwrap();
    assert!(off.rows.is_empty());
    assert_eq!(off.empty_text.as_deref(), Some("积分制未启用"));

    s.import_points_rules(COUNTY, today()).unwrap();
    let on = s.sheet_paper("积分台账", 2026, today()).unwrap();
    assert!(on.landscape);
    assert!(on.title.contains("某县党员积分办法"));
    let h = &on.headers;
    assert_eq!((h[1].as_str(), h[2].as_str(), h[13].as_str()), ("姓名", "1月", "12月"));
    assert_eq!(&h[14..], &["基础分", "先锋分", "倒扣分", "合计", "星级"]);
    let row: Vec<&str> = on.rows[0].iter().map(|c| c.text.as_str()).collect();
    assert_eq!(row[1], "张大山");
    assert_eq!((row[4], row[5]), ("3", "-4"), "March +3, April −4");
    assert_eq!(&row[14..], &["3", "0", "4", "-1", ""], "a negative total reaches no band");
}

#[test]
fn the_points_notice_lists_names_totals_and_stars_only() {
    use zhibu_core::notices::{NoticeRequest, NoticeTerms};
    let mut s = Store::open_in_memory().unwrap();
    let a = member(&mut s, "张大山", "011");
    let form = MemberForm {
        name: "李小红".into(),
        id_number: id_for("19700101", "022"),
        kind: "full".into(),
        admitted_on: "2000-07-01".into(),
        full_member_on: "2001-07-01".into(),
        phone: "13812345678".into(),
        ..Default::default()
    };
    let b = s.create_member(&form, today()).unwrap().id;
    meeting(&mut s, "theme_day", "2026-03-05", &[(a, "present"), (b, "present")]);
    meeting(&mut s, "theme_day", "2026-04-05", &[(a, "absent"), (b, "present")]);
    let req = NoticeRequest::Points { year: 2026 };
    match s.notice(&req, &NoticeTerms::default(), today()).unwrap_err() {
        Error::Validation(f) => assert!(f.get("year").unwrap().contains("积分制未启用")),
        other => panic!("{other:?}"),
    }
    s.import_points_rules(COUNTY, today()).unwrap();
    let n = s.notice(&req, &NoticeTerms::default(), today()).unwrap();
    assert_eq!(n.title, "2026年度党员积分公示");
    assert!(n.lead.contains("某县党员积分办法"));
    let t = n.table.clone().unwrap();
    assert_eq!(t.headers, vec!["序号", "姓名", "积分", "星级"]);
    // Highest first: 李小红 3 + 3 = 6 (★★), 张大山 3 − 4 = −1 (no band).
    assert_eq!(t.rows, vec![vec!["1", "李小红", "6", "★★"], vec!["2", "张大山", "-1", ""]]);
    let all = format!("{n:?}");
    assert!(!all.contains("13812345678") && !all.contains(&id_for("19700101", "022")));
}

/// `training`: each 培训活动 a member took part in, dated by its first day
/// and named by its topic; a deleted training no longer counts.
#[test]
fn each_training_taken_part_in_counts_for_its_members_only() {
    use zhibu_core::study::{ParticipantForm, TrainingForm};
    let mut s = Store::open_in_memory().unwrap();
    let ids: Vec<i64> = [("张大山", "011"), ("李小红", "022"), ("王建国", "033"), ("赵四", "044")]
        .map(|(n, q)| member(&mut s, n, q))
        .into();
    let rules = r#"{ "name": "某镇办法", "items": [
        { "key": "training", "group": "base", "label": "参加培训", "points": 2, "cap_year": 3, "source": "training" } ],
      "stars": [ { "stars": 1, "min": 2 } ] }"#;
    s.import_points_rules(rules, today()).unwrap();
    let training = |s: &mut Store, on: &str, topic: &str, who: &[i64]| {
        let form = TrainingForm {
            started_on: on.into(),
            hours: "4".into(),
            organiser: "county".into(),
            level: "central".into(),
            topic: topic.into(),
            participants: who.iter().map(|&member_id| ParticipantForm { member_id, hours: String::new() }).collect(),
            ..Default::default()
        };
        s.create_training(&form, today()).unwrap().id
    };
    training(&mut s, "2026-09-10", "学习党章", &ids[..3]);
    let second = training(&mut s, "2026-10-12", "乡村振兴", &ids[..1]);
    training(&mut s, "2025-12-20", "去年的培训", &ids[3..]);
    let totals = |s: &Store| -> Vec<(i64, u8)> {
        let y = s.points_year(2026).unwrap();
        ids.iter()
            .map(|id| y.members.iter().find(|m| m.member_id == *id).map(|m| (m.total_tenths, m.stars)).unwrap())
            .collect()
    };
    // 2 + 1 (the yearly cap of 3), 2, 2, and last year's training not at all.
    assert_eq!(totals(&s), vec![(30, 1), (20, 1), (20, 1), (0, 0)]);
    let y = s.points_year(2026).unwrap();
    let first = y.members.iter().find(|m| m.member_id == ids[1]).unwrap();
    assert_eq!(first.items[0].source, "2026-09-10 培训：学习党章");
    assert_eq!(first.months[8], 20, "September");
    s.delete_training(second).unwrap();
    assert_eq!(totals(&s), vec![(20, 1), (20, 1), (20, 1), (0, 0)]);
}

/// `service`: each 志愿服务 or 为民办实事 record counts in its own month,
/// the line naming its day, kind and what was done.
#[test]
fn each_service_counts_in_its_month_naming_what_was_done() {
    use zhibu_core::service::ServiceForm;
    let mut s = Store::open_in_memory().unwrap();
    let a = member(&mut s, "张大山", "011");
    let b = member(&mut s, "李小红", "022");
    let rules = r#"{ "name": "某镇办法", "items": [
        { "key": "serve", "group": "pioneer", "label": "参加志愿服务", "points": 2, "source": "service" } ] }"#;
    s.import_points_rules(rules, today()).unwrap();
    let form = ServiceForm {
        served_on: "2026-10-15".into(),
        kind: "deed".into(),
        what: "帮五保户修屋顶".into(),
        member_ids: vec![a],
        ..Default::default()
    };
    s.create_service(&form, today()).unwrap();
    let y = s.points_year(2026).unwrap();
    let pa = y.members.iter().find(|m| m.member_id == a).unwrap();
    assert_eq!(pa.months[9], 20, "October");
    assert_eq!(pa.months.iter().sum::<i64>(), 20);
    assert_eq!(pa.items[0].source, "2026-10-15 为民办实事：帮五保户修屋顶");
    assert_eq!(y.members.iter().find(|m| m.member_id == b).unwrap().total_tenths, 0);
}

/// A member who died during the year keeps the points of the months he was
/// one of the branch's, and is not counted in the years after.
#[test]
fn a_member_who_died_during_the_year_keeps_that_years_points() {
    use zhibu_core::members::StatusForm;
    let mut s = Store::open_in_memory().unwrap();
    let a = member(&mut s, "张大山", "011");
    let b = member(&mut s, "李老根", "022");
    s.import_points_rules(COUNTY, today()).unwrap();
    meeting(&mut s, "theme_day", "2026-03-05", &[(a, "present"), (b, "present")]);
    let died = |s: &mut Store, id: i64, on: &str| {
        let form = StatusForm { status: "deceased".into(), date: on.into(), reason: "病逝".into() };
        s.change_status(id, &form, today()).unwrap();
    };
    died(&mut s, b, "2026-06-10");
    let y = s.points_year(2026).unwrap();
    let pb = y.members.iter().find(|m| m.member_id == b).expect("in the year he died");
    assert_eq!(pb.total_tenths, 30);
    assert_eq!(pb.items[0].source, "2026-03-05 主题党日");
    assert!(y.members.iter().any(|m| m.member_id == a));
    // In the next year he is no longer counted.
    assert!(s.points_year(2027).unwrap().members.iter().all(|m| m.member_id != b));
    assert!(s.points_year(2027).unwrap().members.iter().any(|m| m.member_id == a));
}
