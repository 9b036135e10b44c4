//! A real branch's history (docs/DOMAIN.md §3, §8): earlier constitutions,
//! probation outcomes, who was a member on a meeting's day, 所属年度.

use crate::{id_for, today};
use chrono::NaiveDate;
use zhibu_core::meetings::{AttendeeForm, MeetingForm, ResolutionForm};
use zhibu_core::members::{ExtensionForm, MemberForm, MemberQuery, StatusForm};
use zhibu_core::{Error, Store};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn person(seq: usize, birth: &str, admitted: &str, full: &str) -> MemberForm {
    MemberForm {
        name: format!("党员{seq}"),
        id_number: id_for(birth, &format!("{:03}", 101 + seq * 2)),
        kind: if full.is_empty() { "probationary" } else { "full" }.into(),
        admitted_on: admitted.into(),
        full_member_on: full.into(),
        ..Default::default()
    }
}

fn field_error(e: Error, field: &str) -> String {
    match e {
        Error::Validation(f) => f.get(field).unwrap_or_else(|| panic!("no error on {field}: {f:?}")).to_string(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn present(ids: &[i64]) -> Vec<AttendeeForm> {
    ids.iter().map(|id| AttendeeForm { member_id: *id, status: "present".into(), ..Default::default() }).collect()
}

#[test]
fn members_of_earlier_constitutions_are_accepted_as_their_files_are() {
    let mut s = Store::open_in_memory().unwrap();
    let m = s.create_member(&person(0, "19450301", "1970-05-10", "1970-05-10"), today()).unwrap();
    assert_eq!(m.era_note(), Some("九大/十大党章期间入党，无预备期"));
    assert_eq!(m.standing_years(today()), Some(56), "党龄 from that day");
    let old = s.create_member(&person(1, "19310920", "1953-06-01", "1953-12-01"), today()).unwrap();
    assert!(old.era_note().unwrap().contains("半年至两年"));
    // After the 十一大 the one-year rule stands, with the current message.
    let e = s.create_member(&person(2, "19500101", "1977-08-18", "1977-08-18"), today()).unwrap_err();
    assert_eq!(field_error(e, "full_member_on"), "转正日期应晚于入党日期，请核对");
    // 转正 is the day probation ends; another day only with a reason.
    let e = s.create_member(&person(3, "19800101", "2010-06-20", "2011-06-28"), today()).unwrap_err();
    assert!(field_error(e, "full_member_on").contains("2011年6月20日"));
    let mut with_reason = person(3, "19800101", "2010-06-20", "2011-06-28");
    with_reason.full_member_reason = "党委批复延迟，按批复日期记载".into();
    let m = s.create_member(&with_reason, today()).unwrap();
    assert_eq!(m.full_member_reason, "党委批复延迟，按批复日期记载");
}

#[test]
fn probation_is_extended_once_and_the_reminder_follows() {
    let mut s = Store::open_in_memory().unwrap();
    let id = s.create_member(&person(0, "19900101", "2025-11-10", ""), d("2026-11-01")).unwrap().id;
    assert_eq!(s.reminders(d("2026-11-01")).unwrap().members.probation_ending.len(), 1, "due 2026-11-10");
    let ext =
        ExtensionForm { months: Some(6), decided_on: "2026-11-10".into(), approval: "青组复〔2026〕8号".into() };
    let m = s.extend_probation(id, &ext, d("2026-11-20")).unwrap();
    assert_eq!(m.probation_end().unwrap().to_iso(), "2027-05-10");
    let r = s.reminders(d("2026-11-20")).unwrap();
    assert!(r.members.probation_ending.is_empty(), "the extended end is months away: {:?}", r.members.probation_ending);
    let r = s.reminders(d("2027-04-20")).unwrap();
    assert_eq!(r.members.probation_ending[0].due.to_iso(), "2027-05-10");
    // A second extension is refused.
    let e = s.extend_probation(id, &ext, d("2026-11-20")).unwrap_err();
    assert!(field_error(e, "months").contains("只能延长一次"));
    // Too short an extension is refused, nothing saved.
    let other = s.create_member(&person(1, "19900101", "2025-11-10", ""), d("2026-11-01")).unwrap().id;
    let short = ExtensionForm { months: Some(3), ..ext };
    assert!(field_error(s.extend_probation(other, &short, d("2026-11-20")).unwrap_err(), "months").contains("6 到 12"));
    assert!(s.member(other).unwrap().probation_extension.is_none());
    // 转正 at the extended end fits; at the old end it needs a reason.
    let mut full = MemberForm::of(&s.member(id).unwrap());
    full.kind = "full".into();
    full.full_member_on = "2026-11-10".into();
    assert!(field_error(s.update_member(id, &full, d("2027-05-20")).unwrap_err(), "full_member_on")
        .contains("2027年5月10日"));
    full.full_member_on = "2027-05-10".into();
    assert!(s.update_member(id, &full, d("2027-05-20")).is_ok());
}

#[test]
fn a_cancelled_probation_leaves_the_roster_and_watch_has_no_vote() {
    let mut s = Store::open_in_memory().unwrap();
    let full: Vec<i64> = (0..4)
        .map(|i| s.create_member(&person(i, "19700101", "2000-07-01", "2001-07-01"), today()).unwrap().id)
        .collect();
    let prob = s.create_member(&person(9, "19950101", "2025-10-01", ""), today()).unwrap().id;
    let e = s
        .change_status(
            full[0],
            &StatusForm { status: "cancelled".into(), date: "2026-10-01".into(), reason: "x".into() },
            today(),
        )
        .unwrap_err();
    assert!(field_error(e, "status").contains("只有预备党员"));
    s.change_status(
        prob,
        &StatusForm {
            status: "cancelled".into(),
            date: "2026-10-05".into(),
            reason: "支部大会决定，镇党委批准".into(),
        },
        today(),
    )
    .unwrap();
    let roster = s.members(&MemberQuery::default()).unwrap();
    assert!(roster.iter().all(|m| m.id != prob), "off the roster");
    assert!(s.members(&MemberQuery { include_left: true, ..Default::default() }).unwrap().iter().any(|m| m.id == prob));
    assert_eq!(s.status_history(prob).unwrap().len(), 1, "kept in history");
    // 留党察看 from 2026-09-01: still should attend, no vote.
    s.change_status(
        full[3],
        &StatusForm {
            status: "watch".into(), date: "2026-09-01".into(), reason: "党委决定留党察看一年".into()
        },
        today(),
    )
    .unwrap();
    let draft = s.meeting_draft("assembly", "2026-11-20", None, today()).unwrap();
    assert_eq!(draft.attendees.len(), 4, "the watched member attends; the cancelled one is gone");
    let m = s
        .create_meeting(
            &MeetingForm {
                kind: "assembly".into(),
                date: "2026-11-20".into(),
                topic: "讨论".into(),
                attendees: present(&full),
                ..Default::default()
            },
            today(),
        )
        .unwrap();
    assert_eq!(m.attendees.iter().filter(|a| a.voting).count(), 3);
    assert!(m.quorum.lines[0].contains("应到有表决权的正式党员 3 人"), "{:?}", m.quorum.lines);
    // Nor may the watched member be elected.
    let election = ResolutionForm {
        text: "选举支部委员".into(),
        vote: true,
        election: true,
        votes_for: Some(3),
        candidate: "党员3".into(),
        ..Default::default()
    };
    let form = MeetingForm {
        kind: "assembly".into(),
        date: "2026-11-21".into(),
        topic: "选举".into(),
        attendees: present(&full),
        resolutions: vec![election],
        ..Default::default()
    };
    let e = s.create_meeting(&form, today()).unwrap_err();
    assert!(field_error(e, "resolutions.0").contains("留党察看期间，没有被选举权"));
}

#[test]
fn a_back_entered_january_meeting_has_no_june_admission() {
    let mut s = Store::open_in_memory().unwrap();
    let old = s.create_member(&person(0, "19700101", "2000-07-01", "2001-07-01"), today()).unwrap().id;
    let new = s.create_member(&person(1, "19950101", "2026-06-20", ""), today()).unwrap().id;
    let draft = s.meeting_draft("theme_day", "2026-01-05", None, today()).unwrap();
    assert_eq!(draft.attendees.iter().map(|a| a.member_id).collect::<Vec<_>>(), [old]);
    let form = MeetingForm {
        kind: "theme_day".into(),
        date: "2026-01-05".into(),
        topic: "1月主题党日".into(),
        attendees: present(&[old, new]),
        ..Default::default()
    };
    let e = s.create_meeting(&form, today()).unwrap_err();
    let msg = field_error(e, "attendees");
    assert!(msg.contains("党员1") && msg.contains("当天还未入党"), "{msg}");
    assert!(s.meetings(2026, None).unwrap().is_empty(), "nothing half-saved");
    // In July both belong, and the rate counts both.
    let m = s.create_meeting(&MeetingForm { date: "2026-07-05".into(), ..form }, today()).unwrap();
    assert_eq!(m.quorum.should_attend, 2);
}

#[test]
fn a_january_review_belongs_to_the_year_before() {
    let mut s = Store::open_in_memory().unwrap();
    let ids: Vec<i64> = (0..3)
        .map(|i| s.create_member(&person(i, "19700101", "2000-07-01", "2001-07-01"), today()).unwrap().id)
        .collect();
    let review = MeetingForm {
        kind: "review".into(),
        date: "2026-01-15".into(),
        topic: "2025年度民主评议党员".into(),
        attendees: present(&ids),
        ..Default::default()
    };
    let m = s.create_meeting(&review, today()).unwrap();
    assert_eq!(m.for_year, Some(2025));
    let state = |s: &Store, year: i32| {
        let cal = s.meeting_calendar(year, today()).unwrap();
        let row = cal.rows.into_iter().find(|r| r.kind == zhibu_core::meetings::MeetingKind::Review).unwrap();
        row.cells[0].state
    };
    use zhibu_core::meetings::calendar::CellState;
    assert_eq!(state(&s, 2025), CellState::Held);
    assert_eq!(state(&s, 2026), CellState::Due, "2026's own review is still to come");
    // A year the secretary names by hand must be the meeting's or the one before.
    let bad = MeetingForm { for_year: Some(2023), ..review.clone() };
    assert!(field_error(s.create_meeting(&bad, today()).unwrap_err(), "for_year").contains("2025"));
    let own = s.create_meeting(&MeetingForm { for_year: Some(2026), ..review }, today()).unwrap();
    assert_eq!(own.for_year, Some(2026));
    assert_eq!(state(&s, 2026), CellState::Held);
}

#[test]
fn written_opinions_go_with_one_candidate_and_the_absent_voters() {
    let mut s = Store::open_in_memory().unwrap();
    let ids: Vec<i64> = (0..5)
        .map(|i| s.create_member(&person(i, "19700101", "2000-07-01", "2001-07-01"), today()).unwrap().id)
        .collect();
    let mut attendees = present(&ids);
    for a in attendees.iter_mut().skip(3) {
        a.status = "leave".into();
        a.reason = "外出务工".into();
    }
    let vote = |candidate: &str, present_for: i64, written_for: i64| ResolutionForm {
        text: format!("接收{candidate}为预备党员"),
        vote: true,
        votes_for: Some(present_for),
        candidate: candidate.into(),
        written_for: Some(written_for),
        ..Default::default()
    };
    let form = |resolutions| MeetingForm {
        kind: "assembly".into(),
        date: "2026-11-20".into(),
        topic: "讨论接收预备党员".into(),
        attendees: attendees.clone(),
        resolutions,
        ..Default::default()
    };
    // 5 voting members, 3 present: 2 present for + 1 written = 3 > 2.5 passes.
    let m = s.create_meeting(&form(vec![vote("张三", 2, 1)]), today()).unwrap();
    assert_eq!(m.resolutions[0].passed, Some(true), "{}", m.resolutions[0].verdict);
    assert_eq!(m.resolutions[0].written_for, Some(1));
    // Without the written opinion it would not.
    let m = s.create_meeting(&form(vec![vote("李四", 2, 0)]), today()).unwrap();
    assert_eq!(m.resolutions[0].passed, Some(false));
    // More written opinions than absent voters, or the same candidate twice: refused.
    let e = s.create_meeting(&form(vec![vote("王五", 2, 3)]), today()).unwrap_err();
    assert!(field_error(e, "resolutions.0").contains("多于未到会"));
    let e = s.create_meeting(&form(vec![vote("赵六", 2, 1), vote("赵六", 2, 1)]), today()).unwrap_err();
    assert!(field_error(e, "resolutions.1").contains("单独表决"));
    let mut no_candidate = vote("", 2, 1);
    no_candidate.text = "同意工作计划".into();
    let e = s.create_meeting(&form(vec![no_candidate]), today()).unwrap_err();
    assert!(field_error(e, "resolutions.0").contains("被表决人"));
}

#[test]
fn a_group_meeting_entered_later_uses_the_group_of_that_day() {
    let mut s = Store::open_in_memory().unwrap();
    let mut a = person(0, "19700101", "2000-07-01", "2001-07-01");
    a.group_name = "第一党小组".into();
    let mut b = person(1, "19700101", "2000-07-01", "2001-07-01");
    b.group_name = "第二党小组".into();
    let a_id = s.create_member(&a, d("2026-01-01")).unwrap().id;
    let b_id = s.create_member(&b, d("2026-01-01")).unwrap().id;
    let groups = s.groups().unwrap();
    let (g1, g2) = (groups[0].id, groups[1].id);
    // On 1 June 党员0 moves to the second group.
    let mut moved = MemberForm::of(&s.member(a_id).unwrap());
    moved.group_name = "第二党小组".into();
    s.update_member(a_id, &moved, d("2026-06-01")).unwrap();
    // No group named yet: nobody is listed (the form asks for the group first).
    assert!(s.meeting_draft("group_meeting", "2026-05-10", None, today()).unwrap().attendees.is_empty());
    let in_may = s.meeting_draft("group_meeting", "2026-05-10", Some(g1), today()).unwrap();
    assert_eq!(in_may.attendees.iter().map(|x| x.member_id).collect::<Vec<_>>(), [a_id]);
    let in_july = s.meeting_draft("group_meeting", "2026-07-10", Some(g2), today()).unwrap();
    assert_eq!(in_july.attendees.len(), 2);
    let may_second = MeetingForm {
        kind: "group_meeting".into(),
        date: "2026-05-10".into(),
        topic: "学习".into(),
        group_id: Some(g2),
        attendees: present(&[a_id, b_id]),
        ..Default::default()
    };
    let e = s.create_meeting(&may_second, today()).unwrap_err();
    assert!(field_error(e, "attendees").contains("不属于这个党小组"));
}
