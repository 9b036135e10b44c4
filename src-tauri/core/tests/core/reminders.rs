use crate::id_for;
use chrono::NaiveDate;
use zhibu_core::branch::BranchForm;
use zhibu_core::members::MemberForm;
use zhibu_core::Store;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Adds a member; `full` empty makes them probationary.
fn add(s: &mut Store, seq: usize, admitted: &str, full: &str) -> i64 {
    let form = MemberForm {
        name: format!("党员{seq}"),
        id_number: id_for("19300101", &format!("{:03}", 101 + seq * 2)),
        kind: if full.is_empty() { "probationary" } else { "full" }.into(),
        admitted_on: admitted.into(),
        full_member_on: full.into(),
        ..Default::default()
    };
    s.create_member(&form, d("2030-01-01")).unwrap().id
}

fn names(items: &[impl AsName]) -> Vec<String> {
    items.iter().map(|i| i.name().to_string()).collect()
}

trait AsName {
    fn name(&self) -> &str;
}
impl AsName for zhibu_core::reminders::BirthdayItem {
    fn name(&self) -> &str {
        &self.name
    }
}
impl AsName for zhibu_core::reminders::MedalItem {
    fn name(&self) -> &str {
        &self.name
    }
}
impl AsName for zhibu_core::reminders::ProbationItem {
    fn name(&self) -> &str {
        &self.name
    }
}

#[test]
fn political_birthdays_in_the_next_30_days_wrap_december_into_january() {
    let mut s = Store::open_in_memory().unwrap();
    add(&mut s, 0, "1990-01-10", "1991-01-10"); // in 26 days, next year
    add(&mut s, 1, "1990-12-16", "1991-12-16"); // today
    add(&mut s, 2, "1990-01-20", "1991-01-20"); // in 36 days: outside
    add(&mut s, 3, "1990-12-15", "1991-12-15"); // yesterday: next year's is far
    let r = s.reminders(d("2026-12-16")).unwrap();
    assert_eq!(names(&r.members.political_birthdays), ["党员1", "党员0"]);
    assert_eq!(r.members.political_birthdays[1].years, 37);
    assert_eq!(r.members.political_birthdays[1].days_until, Some(25));
    assert_eq!(r.members.political_birthdays[0].days_until, Some(0));
}

#[test]
fn a_leap_day_admission_is_remembered_on_28_february() {
    let mut s = Store::open_in_memory().unwrap();
    add(&mut s, 0, "2004-02-29", "2005-02-28");
    let r = s.reminders(d("2026-02-20")).unwrap();
    let b = &r.members.political_birthdays[0];
    assert_eq!(b.date.to_iso(), "2026-02-28");
    assert_eq!(b.days_until, Some(8));
}

#[test]
fn month_precision_dates_say_the_day_is_unknown() {
    let mut s = Store::open_in_memory().unwrap();
    add(&mut s, 0, "1962-12", "1963-12");
    let r = s.reminders(d("2026-11-20")).unwrap();
    let b = &r.members.political_birthdays[0];
    assert_eq!(b.date.to_iso(), "2026-12");
    assert!(!b.day_known);
    assert_eq!(b.days_until, None);
    assert!(b.note.contains("具体日期不详"));
}

#[test]
fn the_quarter_list_follows_quarter_boundaries() {
    let mut s = Store::open_in_memory().unwrap();
    add(&mut s, 0, "2000-03-31", "2001-03-31");
    add(&mut s, 1, "2000-04-01", "2001-04-01");
    add(&mut s, 2, "2000-06-30", "2001-06-30");
    add(&mut s, 3, "2000-07-01", "2001-07-01");
    let q2 = s.reminders(d("2026-04-15")).unwrap();
    assert_eq!(names(&q2.members.quarter_political_birthdays), ["党员1", "党员2"]);
    let q1 = s.reminders(d("2026-03-31")).unwrap();
    assert_eq!(names(&q1.members.quarter_political_birthdays), ["党员0"]);
    assert_eq!(q1.members.quarter_political_birthdays[0].years, 26);
}

#[test]
fn the_fifty_year_medal_turns_on_1_july() {
    let mut s = Store::open_in_memory().unwrap();
    add(&mut s, 0, "1975-07-01", "1976-07-01"); // 50 years exactly on 2026-07-01
    add(&mut s, 1, "1975-07-02", "1976-07-02"); // one day short in 2026: 2027's list
    add(&mut s, 2, "1960-01-01", "1961-01-01"); // long past 50: already honoured
    let before = s.reminders(d("2026-07-01")).unwrap();
    assert_eq!(names(&before.members.fifty_year_medal), ["党员0"]);
    assert_eq!(before.members.fifty_year_medal[0].cutoff, d("2026-07-01"));
    let after = s.reminders(d("2026-07-02")).unwrap();
    assert_eq!(names(&after.members.fifty_year_medal), ["党员1"]);
    assert_eq!(after.members.fifty_year_medal[0].cutoff, d("2027-07-01"));
    // 党龄 milestones this year: 50 for both (2026 − 1976).
    assert_eq!(before.members.milestones.iter().filter(|m| m.years == 50).count(), 2);
}

#[test]
fn probation_ending_soon_and_overdue() {
    let mut s = Store::open_in_memory().unwrap();
    add(&mut s, 0, "2025-12-20", ""); // due 2026-12-20: in 23 days
    add(&mut s, 1, "2025-11-01", ""); // due 2026-11-01: overdue
    add(&mut s, 2, "2026-03-01", ""); // due next March: not yet
    let r = s.reminders(d("2026-11-27")).unwrap();
    assert_eq!(names(&r.members.probation_ending), ["党员1", "党员0"]);
    assert!(r.members.probation_ending[0].overdue);
    assert_eq!(r.members.probation_ending[1].days_until, Some(23));
}

#[test]
fn the_committee_term_ends_after_five_years() {
    let mut s = Store::open_in_memory().unwrap();
    let form =
        BranchForm {
            name: "中共某村支部委员会".into(), term_start: Some("2021-10-15".into()), ..Default::default()
        };
    s.save_branch(&form, d("2026-01-01")).unwrap();
    assert!(s.reminders(d("2026-04-01")).unwrap().members.term_ending.is_empty(), "more than 6 months left");
    let r = s.reminders(d("2026-05-01")).unwrap();
    assert_eq!(r.members.term_ending[0].term_end, d("2026-10-15"));
    let late = s.reminders(d("2026-11-01")).unwrap();
    assert!(late.members.term_ending[0].note.contains("已于"));
}

#[test]
fn the_demo_branch_has_something_of_every_kind_on_its_first_screen() {
    let mut s = Store::open_in_memory().unwrap();
    s.load_demo(d("2026-11-27")).unwrap();
    let r = s.reminders(d("2026-11-27")).unwrap();
    assert!(!r.arrears.is_empty());
    assert!(!r.meetings_due.is_empty(), "the life meeting is due this year");
    assert!(r.meetings_due.iter().any(|m| m.note == "2026年度尚未召开组织生活会"), "{:?}", r.meetings_due);
    assert!(!r.members.probation_ending.is_empty(), "admitted 2025-12-20");
    assert!(!r.members.quarter_political_birthdays.is_empty());
    // The member who lost contact is already flagged: not suggested again.
    assert!(r.members.lost_contact.iter().all(|l| l.name != "朱慧"));
}

/// Four full members since 2000, the books kept from 2023 (so attendance is judged).
fn four_members_books_from_2023() -> (Store, Vec<i64>) {
    let mut s = Store::open_in_memory().unwrap();
    let ids: Vec<i64> = (0..4).map(|i| add(&mut s, i, "2000-07-01", "2001-07-01")).collect();
    let books = BranchForm {
        name: "中共东山村支部委员会".into(),
        records_from: Some("2023-01-01".into()),
        ..Default::default()
    };
    s.save_branch(&books, d("2026-11-27")).unwrap();
    (s, ids)
}

#[test]
fn the_last_meeting_taken_part_in_is_found_however_long_ago() {
    // The past year is read first and earlier meetings only for who was not
    // seen in it: each list still shows the day of the last meeting.
    let (mut s, ids) = four_members_books_from_2023();
    let meeting = |date: &str, away: &[i64]| super::meetings::assembly(&ids, away, date);
    let today = d("2026-11-27");
    s.create_meeting(&meeting("2023-04-08", &[ids[3]]), today).unwrap();
    s.create_meeting(&meeting("2024-05-10", &[ids[3]]), today).unwrap();
    s.create_meeting(&meeting("2025-06-20", &[ids[2], ids[3]]), today).unwrap();
    // Two meetings of the past year, both more than six months ago: the
    // later one is the day shown (the year is read newest first).
    s.create_meeting(&meeting("2025-12-10", &[ids[2], ids[3]]), today).unwrap();
    s.create_meeting(&meeting("2026-03-15", &[ids[2], ids[3]]), today).unwrap();
    s.create_meeting(&meeting("2026-10-10", &[ids[1], ids[2], ids[3]]), today).unwrap();
    let r = s.reminders(today).unwrap();
    let last = |id: i64| {
        r.members.lost_contact.iter().chain(&r.members.no_meetings).find(|x| x.member_id == id).map(|x| x.last_attended)
    };
    assert_eq!(last(ids[0]), None, "took part last month: not listed");
    assert_eq!(last(ids[1]), Some(Some(d("2026-03-15"))), "the later of the past year's two");
    assert_eq!(last(ids[2]), Some(Some(d("2024-05-10"))), "away from every meeting of the past year");
    assert_eq!(last(ids[3]), Some(None), "never took part");
}

#[test]
fn the_last_payment_is_found_however_long_ago() {
    // The past year's payments are read by day, earlier ones only for who
    // paid nothing in it: the lists still show the day of the last one.
    let (mut s, ids) = four_members_books_from_2023();
    let today = d("2026-11-27");
    for &id in &ids {
        let form = zhibu_core::dues::AssessmentForm {
            member_id: id,
            from_month: "2023-01".into(),
            category: "farmer".into(),
            ..Default::default()
        };
        s.assess_dues(&form).unwrap();
    }
    s.collect_month(&ids[1..2], "2023-03", "2023-03-05", "组织委员", today).unwrap();
    s.collect_month(&ids[2..3], "2025-03", "2025-03-05", "组织委员", today).unwrap();
    s.collect_month(&ids[0..1], "2026-11", "2026-11-05", "组织委员", today).unwrap();
    let r = s.reminders(today).unwrap();
    let last = |id: i64| {
        r.members.lost_contact.iter().chain(&r.members.no_meetings).find(|x| x.member_id == id).map(|x| x.last_paid)
    };
    // No meetings at all: everyone is listed, with the last payment.
    assert_eq!(last(ids[0]), Some(Some(d("2026-11-05"))), "paid this month");
    assert_eq!(last(ids[1]), Some(Some(d("2023-03-05"))), "paid three years ago");
    assert_eq!(last(ids[2]), Some(Some(d("2025-03-05"))), "paid more than a year ago");
    assert_eq!(last(ids[3]), Some(None), "never paid");
    let lost: Vec<i64> = r.members.lost_contact.iter().map(|x| x.member_id).collect();
    assert_eq!(lost, &ids[1..], "no meetings and no dues for six months");
}
