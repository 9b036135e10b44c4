//! 学时 through the Store: the credit of a meeting by who was 出席, trainings
//! and their participants, hours elsewhere, tenths kept exact, the year's
//! targets and the reminders from 1 October (docs/DOMAIN.md §9.5).

use crate::id_for;
use chrono::NaiveDate;
use std::collections::HashMap;
use zhibu_core::meetings::{AttendeeForm, MeetingForm};
use zhibu_core::members::MemberForm;
use zhibu_core::mobile::PeriodForm;
use zhibu_core::study::{ParticipantForm, StudyElsewhereForm, StudyRow, TrainingForm};
use zhibu_core::{Error, Store};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn today() -> NaiveDate {
    d("2026-11-27")
}

fn member(s: &mut Store, name: &str, seq: &str, admitted: &str, full: &str, role: Option<&str>) -> i64 {
    let form = MemberForm {
        name: name.into(),
        id_number: id_for("19500301", seq),
        kind: if full.is_empty() { "probationary" } else { "full" }.into(),
        admitted_on: admitted.into(),
        full_member_on: full.into(),
        committee_role: role.map(String::from),
        ..Default::default()
    };
    s.create_member(&form, today()).unwrap().id
}

/// Four full members (the first the secretary) and a probationary one.
fn branch() -> (Store, Vec<i64>) {
    let mut s = Store::open_in_memory().unwrap();
    let ids = vec![
        member(&mut s, "王书记", "011", "1990-06-01", "1991-06-01", Some("书记")),
        member(&mut s, "张大山", "021", "1980-06-01", "1981-06-01", None),
        member(&mut s, "李小河", "031", "1985-06-01", "1986-06-01", None),
        member(&mut s, "赵春花", "041", "1999-06-01", "2000-06-01", None),
        member(&mut s, "钱新芽", "052", "2026-03-01", "", None),
    ];
    (s, ids)
}

fn meeting(kind: &str, date: &str, hours: &str, people: &[(i64, &str)]) -> MeetingForm {
    MeetingForm {
        kind: kind.into(),
        date: date.into(),
        start_time: "09:00".into(),
        place: "村党群服务中心".into(),
        topic: "学习党章".into(),
        study_hours: hours.into(),
        attendees: people
            .iter()
            .map(|(id, st)| AttendeeForm {
                member_id: *id,
                status: (*st).into(),
                reason: match *st {
                    "leave" => "外出务工".into(),
                    "elsewhere" => "在宝安区流动党员党支部参加，有签到表".into(),
                    _ => String::new(),
                },
                grade: String::new(),
            })
            .collect(),
        ..Default::default()
    }
}

fn training(date: &str, hours: &str, level: &str, who: &[i64]) -> TrainingForm {
    TrainingForm {
        started_on: date.into(),
        hours: hours.into(),
        organiser: "county".into(),
        level: level.into(),
        place: "县委党校".into(),
        topic: "学习贯彻党的二十届四中全会精神".into(),
        participants: who.iter().map(|id| ParticipantForm { member_id: *id, hours: String::new() }).collect(),
        ..Default::default()
    }
}

fn row(s: &Store, year: i32, id: i64, on: NaiveDate) -> StudyRow {
    s.study_year(year, on).unwrap().rows.into_iter().find(|r| r.member_id == id).expect("on the roster")
}

fn errors(e: Error) -> zhibu_core::FieldErrors {
    match e {
        Error::Validation(f) => f,
        other => panic!("expected validation, got {other:?}"),
    }
}

#[test]
fn tenths_add_up_exactly_and_a_second_decimal_is_refused() {
    let (mut s, ids) = branch();
    let all: Vec<(i64, &str)> = ids.iter().map(|id| (*id, "present")).collect();
    s.create_meeting(&meeting("theme_day", "2026-03-05", "0.5", &all), today()).unwrap();
    s.create_meeting(&meeting("theme_day", "2026-04-05", "1.5", &all), today()).unwrap();
    let lecture = s.create_meeting(&meeting("lecture", "2026-04-20", "", &all), today()).unwrap();
    assert_eq!(lecture.study_credit, 20);
    assert_eq!(lecture.study_note, "出席的5名党员各计入2.0学时");
    let r = row(&s, 2026, ids[1], today());
    assert_eq!((r.total_tenths, r.total.as_str()), (40, "4.0"));
    assert_eq!(r.months[2], 5);
    assert_eq!(r.months[3], 35);
    assert_eq!(r.month_hours[3], "3.5");

    // Changing a meeting's own 学时 is kept in its history.
    let mut form = lecture.form();
    form.study_hours = "3".into();
    assert_eq!(s.update_meeting(lecture.id, &form, today()).unwrap().study_credit, 30);
    let history = s.meeting_history(lecture.id).unwrap();
    let said = format!("{history:?}");
    assert!(said.contains("计入学时"), "{said}");
    assert_eq!(row(&s, 2026, ids[1], today()).total_tenths, 50);
    form.study_hours = String::new();
    s.update_meeting(lecture.id, &form, today()).unwrap();

    let e = errors(s.create_meeting(&meeting("lecture", "2026-05-20", "1.55", &all), today()).unwrap_err());
    assert!(e.get("study_hours").unwrap().contains("一位小数"), "{e:?}");
    let e = errors(s.create_training(&training("2026-05-20", "1.55", "branch", &ids), today()).unwrap_err());
    assert!(e.has("hours"));
    assert_eq!(row(&s, 2026, ids[1], today()).total_tenths, 40, "nothing saved by a refused form");
}

#[test]
fn only_present_members_get_a_meetings_credit_and_taught_gets_its_own() {
    let (mut s, ids) = branch();
    let away = PeriodForm {
        member_id: ids[3],
        left_on: "2026-01-10".into(),
        province: "广东省".into(),
        city: "深圳市".into(),
        county: "宝安区".into(),
        work: "电子厂务工".into(),
        host_org: "宝安区流动党员党支部".into(),
        contact_person: "党员1".into(),
        ..Default::default()
    };
    s.record_mobile_period(&away, today()).unwrap();
    let people = [(ids[0], "present"), (ids[1], "leave"), (ids[2], "absent"), (ids[3], "elsewhere")];
    let m = s.create_meeting(&meeting("theme_day", "2026-03-05", "", &people), today()).unwrap();
    assert_eq!(m.study_note, "出席的1名党员各计入2.0学时");
    let y = s.study_year(2026, today()).unwrap();
    let total = |id: i64| y.rows.iter().find(|r| r.member_id == id).unwrap().total_tenths;
    assert_eq!(total(ids[0]), 20);
    assert_eq!([total(ids[1]), total(ids[2]), total(ids[3])], [0, 0, 0], "请假, 缺席 and 在流入地参加 get nothing");

    // 送学上门 stands for the 主题党日 and gives its own 1 学时.
    let visit = zhibu_core::care::VisitForm {
        member_id: ids[1],
        visited_on: "2026-03-10".into(),
        occasion: "teaching".into(),
        visitors: "王书记".into(),
        ..Default::default()
    };
    s.create_care_visit(&visit, today()).unwrap();
    assert_eq!(row(&s, 2026, ids[1], today()).total_tenths, 10);

    // Hours the host organisation certified count instead.
    let form = StudyElsewhereForm {
        member_id: ids[3],
        month: "2026-03".into(),
        hours: "6".into(),
        org: "宝安区流动党员党支部".into(),
        central: true,
        ..Default::default()
    };
    let e = s.create_study_elsewhere(&form, today()).unwrap();
    let r = row(&s, 2026, ids[3], today());
    assert_eq!((r.total_tenths, r.central_count, r.central_training), (60, 1, true));
    s.delete_study_elsewhere(e.id).unwrap();
    assert_eq!(row(&s, 2026, ids[3], today()).total_tenths, 0);
}

#[test]
fn trainings_add_their_hours_and_a_deleted_one_no_longer_counts() {
    let (mut s, ids) = branch();
    let mut form = training("2026-06-10", "4", "central", &ids[..3]);
    form.participants[2].hours = "2.5".into();
    let t = s.create_training(&form, today()).unwrap();
    assert_eq!(t.participants.len(), 3);
    assert_eq!((t.participants[2].tenths, t.participants[2].partial), (25, true));
    let y = s.study_year(2026, today()).unwrap();
    let total = |id: i64| y.rows.iter().find(|r| r.member_id == id).unwrap().total_tenths;
    assert_eq!([total(ids[0]), total(ids[1]), total(ids[2]), total(ids[3])], [40, 40, 25, 0]);
    assert_eq!(y.rows.iter().find(|r| r.member_id == ids[1]).unwrap().central_tenths, 40);

    // Update: a fourth member joins, the hours change.
    let mut form = training("2026-06-10", "3", "central", &ids[..4]);
    form.topic = "学习党纪处分条例".into();
    let t = s.update_training(t.id, &form, today()).unwrap();
    assert_eq!(t.participants.len(), 4);
    assert_eq!(row(&s, 2026, ids[3], today()).total_tenths, 30);
    assert_eq!(s.trainings(2026).unwrap().len(), 1);

    s.delete_training(t.id).unwrap();
    assert_eq!(row(&s, 2026, ids[0], today()).total_tenths, 0);
    assert!(s.trainings(2026).unwrap().is_empty());
    assert!(matches!(s.delete_training(t.id), Err(Error::NotFound(_))));

    // Nobody chosen, a member twice, more hours than the training: refused.
    let e = errors(s.create_training(&training("2026-06-10", "4", "central", &[]), today()).unwrap_err());
    assert!(e.has("participants"));
    let e = errors(s.create_training(&training("2026-06-10", "4", "central", &[ids[0], ids[0]]), today()).unwrap_err());
    assert!(e.get("participants").unwrap().contains("两次"));
    let mut form = training("2026-06-10", "4", "central", &[ids[0]]);
    form.participants[0].hours = "5".into();
    assert!(errors(s.create_training(&form, today()).unwrap_err()).has("participants"));
}

#[test]
fn reminders_start_on_1_october_or_the_set_day() {
    let (mut s, ids) = branch();
    let short = |s: &Store, on: &str| -> Vec<i64> {
        s.reminders(d(on)).unwrap().study.iter().filter(|r| r.kind == "short").map(|r| r.member_id).collect()
    };
    assert!(short(&s, "2026-09-30").is_empty());
    assert!(s.reminders(d("2026-09-30")).unwrap().study.is_empty());
    let fired = short(&s, "2026-10-01");
    assert!(fired.contains(&ids[1]), "{fired:?}");
    // 24 学时 is the pace on 1 October (32 × 9 ÷ 12): enough for a member.
    s.create_training(&training("2026-06-10", "24", "branch", &[ids[1]]), today()).unwrap();
    assert!(!short(&s, "2026-10-01").contains(&ids[1]));
    // On 1 November the pace is 26.7.
    assert!(short(&s, "2026-11-01").contains(&ids[1]));

    let mut settings = s.study_settings().unwrap();
    settings.remind_from = "11-15".into();
    s.save_study_settings(&settings).unwrap();
    assert!(s.reminders(d("2026-11-14")).unwrap().study.is_empty());
    assert!(short(&s, "2026-11-15").contains(&ids[2]));
}

#[test]
fn a_committee_member_with_60_hours_and_no_central_training_is_still_flagged() {
    let (mut s, ids) = branch();
    s.create_training(&training("2026-06-10", "60", "branch", &[ids[0]]), today()).unwrap();
    let on = d("2026-10-15");
    let items = s.reminders(on).unwrap().study;
    let mine: Vec<&str> = items.iter().filter(|r| r.member_id == ids[0]).map(|r| r.kind.as_str()).collect();
    assert_eq!(mine, ["committee_central"]);
    let r = row(&s, 2026, ids[0], on);
    assert_eq!((r.target_tenths, r.total_tenths, r.met), (560, 600, false));
    // The probationary member has had no 上级集中培训 either.
    assert!(items.iter().any(|r| r.member_id == ids[4] && r.kind == "new_member_central"));

    s.create_training(&training("2026-09-10", "2", "central", &[ids[0], ids[4]]), today()).unwrap();
    let items = s.reminders(on).unwrap().study;
    assert!(!items.iter().any(|r| r.member_id == ids[0]), "{items:?}");
    assert!(!items.iter().any(|r| r.member_id == ids[4] && r.kind == "new_member_central"));
    assert!(row(&s, 2026, ids[0], on).met);
}

#[test]
fn pro_rating_is_off_unless_the_branch_turns_it_on() {
    let (mut s, ids) = branch();
    // 钱新芽 admitted 2026-03-01: ten months of the year.
    let r = row(&s, 2026, ids[4], today());
    assert_eq!((r.target_tenths, r.joined_on), (320, Some(d("2026-03-01"))));
    let mut settings = s.study_settings().unwrap();
    settings.prorate = true;
    s.save_study_settings(&settings).unwrap();
    // 32 × 10 ÷ 12 = 26.666… → 26.7
    assert_eq!(row(&s, 2026, ids[4], today()).target_tenths, 267);
    assert_eq!(row(&s, 2026, ids[1], today()).target_tenths, 320);
}

#[test]
fn settings_are_checked_and_kept() {
    let (mut s, _) = branch();
    let defaults = s.study_settings().unwrap();
    assert_eq!((defaults.target_tenths, defaults.committee_target_tenths, defaults.taught_tenths), (320, 560, 10));
    assert_eq!(defaults.remind_from, "10-01");
    let mut bad = defaults.clone();
    bad.target_tenths = 0;
    bad.remind_from = "13-01".into();
    let e = errors(s.save_study_settings(&bad).unwrap_err());
    assert!(e.has("remind_from"));
    let mut bad = defaults.clone();
    bad.credits[0].tenths = 900;
    let e = errors(s.save_study_settings(&bad).unwrap_err());
    assert!(e.get("credits").unwrap().contains("0 到 80"));
    assert_eq!(s.study_settings().unwrap(), defaults, "nothing saved");
    let mut good = defaults.clone();
    good.target_tenths = 400;
    good.online = true;
    assert_eq!(s.save_study_settings(&good).unwrap(), good);
}

/// A tiny xorshift: the same seed, the same attendance.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

/// The demo year with its attendance drawn at random: each member's hours
/// are the sum of the credits of the meetings they were 出席 at.
#[test]
fn over_the_demo_year_each_members_hours_are_the_meetings_they_attended() {
    let mut s = Store::open_in_memory().unwrap();
    s.load_demo(today()).unwrap();
    let year = 2026;
    let default_credit = |kind: &str| match kind {
        "lecture" | "theme_day" | "life_meeting" => 20,
        "assembly" | "group_meeting" => 10,
        _ => 0,
    };
    for seed in [0x2545_f491_4f6c_dd1d_u64, 0x9e37_79b9_7f4a_7c15] {
        let mut rng = Rng(seed);
        let meetings = s.meetings(year, None).unwrap();
        assert!(meetings.len() > 5, "the demo has a year of meetings");
        let mut expected: HashMap<i64, i64> = HashMap::new();
        let mut changed = 0;
        for m in &meetings {
            let mut form = m.form();
            let own = rng.pick(&["", "", "0.5", "3"]);
            form.study_hours = own.into();
            for a in &mut form.attendees {
                if matches!(a.status.as_str(), "present" | "leave" | "absent") {
                    a.status = rng.pick(&["present", "present", "leave", "absent"]).into();
                    a.reason = if a.status == "leave" { "外出务工".into() } else { String::new() };
                }
            }
            if s.update_meeting(m.id, &form, today()).is_ok() {
                changed += 1;
            }
        }
        assert!(changed * 2 > meetings.len(), "most meetings took the new attendance ({changed})");
        for m in s.meetings(year, None).unwrap() {
            let credit = match m.form().study_hours.as_str() {
                "" => default_credit(m.kind.code()),
                "0.5" => 5,
                "3.0" => 30,
                other => panic!("unexpected own hours {other}"),
            };
            for a in &m.attendees {
                let add = match a.status.code() {
                    "present" => credit,
                    "taught" => 10,
                    _ => 0,
                };
                *expected.entry(a.member_id).or_default() += add;
            }
        }
        let y = s.study_year(year, today()).unwrap();
        assert!(y.rows.len() > 10);
        for r in &y.rows {
            assert_eq!(r.total_tenths, expected.get(&r.member_id).copied().unwrap_or(0), "{}", r.name);
            assert_eq!(r.total_tenths, r.months.iter().sum::<i64>());
        }
        assert!(y.rows.iter().any(|r| r.total_tenths > 0));
    }
}

/// The two 学时 sheets of the year's workbook: the member's months add up
/// to 合计, and the 培训活动记录台账 ends with the 人次.
#[test]
fn the_sheets_show_the_hours_and_the_trainings() {
    use calamine::{Reader, Xlsx};
    let (mut s, ids) = branch();
    let all: Vec<(i64, &str)> = ids.iter().map(|id| (*id, "present")).collect();
    s.create_meeting(&meeting("lecture", "2026-04-20", "", &all), today()).unwrap();
    s.create_training(&training("2026-06-10", "4", "central", &ids[..3]), today()).unwrap();
    s.create_training(&training("2026-07-10", "1.5", "branch", &ids[1..3]), today()).unwrap();
    let bytes = s.sheet_workbook("党员教育培训学时登记表", 2026, today()).unwrap();
    let mut xlsx = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let range = xlsx.worksheet_range("党员教育培训学时登记表").unwrap();
    let rows: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    let header = rows.iter().position(|r| r.iter().any(|c| c == "姓名")).unwrap();
    let h = &rows[header];
    let col = |name: &str| h.iter().position(|c| c == name).unwrap_or_else(|| panic!("{name}: {h:?}"));
    let li = rows.iter().find(|r| r.get(col("姓名")).is_some_and(|c| c == "李小河")).unwrap();
    assert_eq!(li[col("4月")], "2.0");
    assert_eq!(li[col("6月")], "4.0");
    assert_eq!(li[col("7月")], "1.5");
    assert_eq!(li[col("合计")], "7.5");
    assert_eq!(li[col("集中培训学时")], "4.0");
    assert_eq!(li[col("达标")], "否");

    let bytes = s.sheet_workbook("培训活动记录台账", 2026, today()).unwrap();
    let mut xlsx = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let range = xlsx.worksheet_range("培训活动记录台账").unwrap();
    let rows: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    let total = rows.iter().find(|r| r.first().is_some_and(|c| c == "合计")).expect("a 合计 row");
    assert_eq!(total.last().unwrap(), "5", "3 + 2 人次");
    assert!(rows.iter().any(|r| r.iter().any(|c| c.contains("王书记、张大山、李小河"))));
}
