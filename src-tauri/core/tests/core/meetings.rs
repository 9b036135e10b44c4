use crate::{id_for, today};
use chrono::{Datelike, NaiveDate};
use zhibu_core::meetings::{AttendeeForm, MeetingForm, MeetingKind, ResolutionForm};
use zhibu_core::members::MemberForm;
use zhibu_core::{Error, Store};

/// A branch of `full` full members and `probationary` probationary ones;
/// returns their ids, full members first.
fn branch(full: usize, probationary: usize) -> (Store, Vec<i64>) {
    let mut s = Store::open_in_memory().unwrap();
    let mut ids = Vec::new();
    for i in 0..full + probationary {
        let prob = i >= full;
        let form = MemberForm {
            name: format!("党员{i}"),
            id_number: id_for("19800101", &format!("{:03}", 100 + i * 2 + 1)),
            kind: if prob { "probationary" } else { "full" }.into(),
            admitted_on: if prob { "2026-05-01" } else { "2005-07-01" }.into(),
            full_member_on: if prob { "" } else { "2006-07-01" }.into(),
            committee_role: (i < 5 && !prob)
                .then(|| ["secretary", "deputy_secretary", "organization", "propaganda", "discipline"][i].into()),
            ..Default::default()
        };
        ids.push(s.create_member(&form, today()).unwrap().id);
    }
    (s, ids)
}

/// A 党员大会 of `ids` on `date`, those of `on_leave` on leave (外出务工).
pub(crate) fn assembly(ids: &[i64], on_leave: &[i64], date: &str) -> MeetingForm {
    MeetingForm {
        kind: "assembly".into(),
        date: date.into(),
        start_time: "09:00".into(),
        place: "村党群服务中心".into(),
        topic: "讨论年度工作".into(),
        host_id: Some(ids[0]),
        recorder_id: Some(ids[1]),
        attendees: ids
            .iter()
            .map(|id| AttendeeForm {
                member_id: *id,
                status: if on_leave.contains(id) { "leave" } else { "present" }.into(),
                reason: if on_leave.contains(id) { "外出务工".into() } else { String::new() },
                grade: String::new(),
            })
            .collect(),
        ..Default::default()
    }
}

fn field_error(e: Error, field: &str) -> String {
    match e {
        Error::Validation(f) => f.get(field).unwrap_or_else(|| panic!("no error on {field}: {f:?}")).to_string(),
        other => panic!("expected validation, got {other:?}"),
    }
}

#[test]
fn an_assembly_with_two_on_leave_is_recorded_and_judged() {
    let (mut s, ids) = branch(8, 2);
    let mut form = assembly(&ids, &ids[6..8], "2026-10-20");
    form.resolutions = vec![ResolutionForm {
        text: "同意发展张三为预备党员".into(),
        vote: true,
        votes_for: Some(6),
        votes_against: Some(0),
        votes_abstain: Some(0),
        ..Default::default()
    }];
    let m = s.create_meeting(&form, today()).unwrap();
    assert_eq!((m.quorum.should_attend, m.quorum.present, m.quorum.on_leave), (10, 8, 2));
    assert_eq!(m.quorum.attendance_rate, "80.0%");
    // 8 voting members, 6 present: more than half; 6 in favour of 8: passes.
    assert!(m.quorum.ok, "{:?}", m.quorum.lines);
    assert_eq!(m.resolutions[0].passed, Some(true));
    assert_eq!(m.attendees.iter().filter(|a| a.voting).count(), 8);
    assert_eq!(m.attendees[6].reason, "外出务工");
    let list = s.meeting_summaries(2026, None).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].quorum_ok, Some(true));
    // The calendar marks the fourth quarter as held.
    let cal = s.meeting_calendar(2026, today()).unwrap();
    let row = cal.rows.iter().find(|r| r.kind == MeetingKind::Assembly).unwrap();
    assert_eq!(row.cells[3].held, 1);
    assert_eq!(row.cells[3].state_label, "已召开");
    // The books start with this first record: the quarters before it are 建账前, not missed.
    assert_eq!(row.cells[0].state_label, "建账前");
    assert!(!cal.gaps.iter().any(|g| g.contains("第一季度")), "{:?}", cal.gaps);
    assert_eq!(cal.monthly_attendance[9].rate, Some(80.0));
    // With the books kept from January, the first quarter is missed.
    let mut b = zhibu_core::branch::BranchForm { name: "中共东山村支部委员会".into(), ..Default::default() };
    b.records_from = Some("2026-01-01".into());
    s.save_branch(&b, today()).unwrap();
    let cal = s.meeting_calendar(2026, today()).unwrap();
    assert!(cal.gaps.iter().any(|g| g == "第一季度未召开支部党员大会"));
}

#[test]
fn a_member_admitted_later_had_no_vote_earlier() {
    let (mut s, ids) = branch(7, 1);
    // The probationary member (admitted 2026-05-01) has no vote in any case;
    // votes are fixed on the meeting's day and kept with the record.
    let m = s.create_meeting(&assembly(&ids, &[], "2026-06-01"), today()).unwrap();
    assert!(!m.attendees[7].voting);
    assert!(m.attendees[..7].iter().all(|a| a.voting));
}

#[test]
fn a_refused_minutes_form_saves_nothing() {
    let (mut s, ids) = branch(8, 0);
    let mut form = assembly(&ids, &ids[6..8], "2026-10-20");
    form.attendees[6].reason.clear();
    form.topic = " ".into();
    form.resolutions =
        vec![ResolutionForm { text: "表决".into(), vote: true, votes_for: Some(9), ..Default::default() }];
    let e = s.create_meeting(&form, today()).unwrap_err();
    let Error::Validation(f) = e else { panic!() };
    assert!(f.get("attendees").unwrap().contains("请假原因"));
    assert!(f.get("topic").is_some());
    assert_eq!(f.get("resolutions.0"), Some("第 1 条决议：票数合计 9 票，超过到会有表决权党员 6 人，请核对票数"));
    assert!(s.meeting_summaries(2026, None).unwrap().is_empty());
    // A date in the future is refused too.
    let e = s.create_meeting(&assembly(&ids, &[], "2026-12-01"), today()).unwrap_err();
    assert!(field_error(e, "date").contains("不能晚于今天"));
}

#[test]
fn update_and_soft_delete_keep_history() {
    let (mut s, ids) = branch(8, 0);
    let m = s.create_meeting(&assembly(&ids, &[], "2026-10-20"), today()).unwrap();
    let mut form = assembly(&ids, &ids[..1], "2026-10-21");
    form.attendees[0].status = "absent".into();
    let m2 = s.update_meeting(m.id, &form, today()).unwrap();
    assert_eq!(m2.quorum.absent, 1);
    assert_eq!(m2.date, NaiveDate::from_ymd_opt(2026, 10, 21).unwrap());
    s.delete_meeting(m.id).unwrap();
    assert!(s.meeting_summaries(2026, None).unwrap().is_empty());
    assert!(s.meeting(m.id).unwrap().deleted, "the record is kept");
    assert!(matches!(s.delete_meeting(m.id), Err(Error::NotFound(_))));
}

#[test]
fn the_draft_fills_who_should_attend() {
    let (mut s, ids) = branch(8, 2);
    let all = s.meeting_draft("assembly", "2026-11-20", None, today()).unwrap();
    assert_eq!(all.attendees.len(), 10);
    assert!(all.attendees.iter().all(|a| a.status == "present"));
    assert_eq!(all.host_id, Some(ids[0]), "the secretary hosts");
    let committee = s.meeting_draft("committee", "2026-11-20", None, today()).unwrap();
    assert_eq!(committee.attendees.len(), 5);
    let theme = s.meeting_draft("theme_day", "2026-11-05", None, today()).unwrap();
    assert_eq!(theme.topic, "11月主题党日");
    assert!(theme.agenda.iter().any(|a| a.prescribed && a.text == "重温入党誓词"));
    assert!(theme.agenda.iter().any(|a| !a.prescribed));
    // The place of the last meeting is offered again.
    s.create_meeting(&assembly(&ids, &[], "2026-10-20"), today()).unwrap();
    assert_eq!(s.meeting_draft("lecture", "", None, today()).unwrap().place, "村党群服务中心");
}

#[test]
fn a_small_branch_expects_no_committee_meetings() {
    let (s, _) = branch(6, 1);
    let cal = s.meeting_calendar(2026, today()).unwrap();
    let row = cal.rows.iter().find(|r| r.kind == MeetingKind::Committee).unwrap();
    assert!(row.cells.iter().all(|c| c.expected == 0));
    assert_eq!(row.frequency_label, "正式党员不足7人，不设支委会");
    assert!(!cal.gaps.iter().any(|g| g.contains("支委会")));
}

#[test]
fn three_missed_in_a_row_are_named() {
    let (mut s, ids) = branch(8, 0);
    for (i, date) in ["2026-07-20", "2026-08-20", "2026-09-20"].iter().enumerate() {
        let mut f = assembly(&ids, &ids[7..8], date);
        if i == 0 {
            // Member 6 misses only the first.
            f.attendees[6].status = "absent".into();
        }
        s.create_meeting(&f, today()).unwrap();
    }
    let cal = s.meeting_calendar(2026, today()).unwrap();
    let names: Vec<(&str, usize)> = cal.missed_three_in_a_row.iter().map(|m| (m.name.as_str(), m.missed)).collect();
    assert_eq!(names, [("党员7", 3)]);
}

#[test]
fn the_demo_branch_has_a_lived_in_year() {
    let mut s = Store::open_in_memory().unwrap();
    let loaded = s.load_demo(today()).unwrap();
    assert!(loaded.meetings > 50, "{loaded:?}");
    let cal = s.meeting_calendar(2026, today()).unwrap();
    let held = |kind: MeetingKind| {
        cal.rows.iter().find(|r| r.kind == kind).unwrap().cells.iter().filter(|c| c.state_label == "已召开").count()
    };
    assert_eq!(held(MeetingKind::ThemeDay), 11);
    assert_eq!(held(MeetingKind::Committee), 10, "May was skipped");
    assert!(cal.gaps.iter().any(|g| g == "5月未召开支委会"));
    assert!(!cal.missed_three_in_a_row.is_empty(), "the member who lost contact");
}

#[test]
fn review_grades_full_members_only() {
    let (mut s, ids) = branch(6, 1);
    let mut form = assembly(&ids, &[], "2026-11-20");
    form.kind = "review".into();
    form.topic = "2026年度民主评议党员".into();
    for (i, a) in form.attendees.iter_mut().enumerate() {
        a.grade = if i < 3 { "excellent" } else { "qualified" }.into();
    }
    // The probationary member (last) is graded: refused, nothing saved.
    let e = s.create_meeting(&form, today()).unwrap_err();
    assert!(field_error(e, "attendees").contains("预备党员，参加评议但不评定等次"));
    assert!(s.meeting_summaries(2026, None).unwrap().is_empty());
    form.attendees[6].grade.clear();
    let m = s.create_meeting(&form, today()).unwrap();
    assert_eq!(m.attendees[0].grade.map(|g| g.label()), Some("优秀"));
    // 3 of 6 full members excellent: more than a third, a warning but saved.
    assert!(
        m.quorum.warnings.iter().any(|w| w.contains("超过参评正式党员（6 人）的三分之一")),
        "{:?}",
        m.quorum.warnings
    );
    // Grades outside a review are not kept.
    let mut other = assembly(&ids, &[], "2026-11-21");
    other.attendees[0].grade = "excellent".into();
    assert_eq!(s.create_meeting(&other, today()).unwrap().attendees[0].grade, None);
}

#[test]
fn the_form_is_told_who_may_be_graded_by_the_rule_the_save_applies() {
    let (mut s, mut ids) = branch(2, 1);
    // A full member today whose 转正 came after the review: on the review's
    // day still probationary (a page reading today's standing would offer a grade).
    let later = MemberForm {
        name: "党员后转正".into(),
        id_number: id_for("19900101", "201"),
        kind: "full".into(),
        admitted_on: "2025-09-01".into(),
        full_member_on: "2026-09-01".into(),
        ..Default::default()
    };
    let later = s.create_member(&later, today()).unwrap();
    assert_eq!(later.kind, zhibu_core::members::MemberKind::Full);
    ids.push(later.id);
    let review = |date: &str| {
        let mut form = assembly(&ids, &[], date);
        form.kind = "review".into();
        form.topic = "2026年度民主评议党员".into();
        form
    };
    let gradable = |r: &zhibu_core::meetings::QuorumReport| -> Vec<(i64, bool)> {
        r.grading.iter().map(|g| (g.member_id, g.gradable)).collect()
    };
    let before = review("2026-08-20");
    let expected = vec![(ids[0], true), (ids[1], true), (ids[2], false), (ids[3], false)];
    assert_eq!(gradable(&s.check_meeting(&before, today()).unwrap()), expected);
    // The save agrees: a grade for either of the two not gradable is refused …
    for i in [2, 3] {
        let mut graded = before.clone();
        graded.attendees[i].grade = "qualified".into();
        let e = s.create_meeting(&graded, today()).unwrap_err();
        assert!(field_error(e, "attendees").contains("参加评议但不评定等次"));
    }
    // … and grades for those gradable are kept; the saved record says the same.
    let mut graded = before.clone();
    graded.attendees[0].grade = "excellent".into();
    graded.attendees[1].grade = "qualified".into();
    let m = s.create_meeting(&graded, today()).unwrap();
    assert_eq!(gradable(&m.quorum), expected);
    // After the 转正 the same member is graded.
    let after = review("2026-10-20");
    assert_eq!(gradable(&s.check_meeting(&after, today()).unwrap())[3], (ids[3], true));
    // Only a 民主评议 grades.
    assert!(s.check_meeting(&assembly(&ids, &[], "2026-10-20"), today()).unwrap().grading.is_empty());
}

#[test]
fn talks_fill_the_coverage_grid_both_ways() {
    let (mut s, ids) = branch(8, 0);
    let talk = |host: i64, with: i64, date: &str| MeetingForm {
        kind: "talk".into(),
        date: date.into(),
        topic: "谈心".into(),
        host_id: Some(host),
        attendees: vec![AttendeeForm { member_id: with, status: "present".into(), ..Default::default() }],
        ..Default::default()
    };
    s.create_meeting(&talk(ids[0], ids[6], "2026-03-01"), today()).unwrap();
    s.create_meeting(&talk(ids[7], ids[1], "2026-04-01"), today()).unwrap();
    s.create_meeting(&talk(ids[0], ids[5], "2025-12-31"), today()).unwrap();
    let grid = s.talk_coverage(2026).unwrap();
    assert_eq!(grid.committee.len(), 5);
    assert_eq!(grid.members.len(), 8);
    assert!(grid.talked.contains(&(ids[0], ids[6])));
    // Member 7 hosted the talk with committee member 1: it counts for the committee member.
    assert!(grid.talked.contains(&(ids[1], ids[7])));
    assert!(!grid.talked.contains(&(ids[0], ids[5])), "last year's talk does not count");
    assert_eq!(grid.summary[0], "书记党员0：已谈 1 人，还有 6 人未谈");
}

#[test]
fn attendance_per_member_for_the_year() {
    let (mut s, ids) = branch(8, 0);
    s.create_meeting(&assembly(&ids, &ids[7..8], "2026-07-20"), today()).unwrap();
    let mut f = assembly(&ids, &[], "2026-08-20");
    f.attendees[7].status = "absent".into();
    s.create_meeting(&f, today()).unwrap();
    let a = s.member_attendance(2026).unwrap();
    assert_eq!(a[0].name, "党员7", "lowest rate first");
    assert_eq!((a[0].should_attend, a[0].present, a[0].on_leave, a[0].absent), (2, 0, 1, 1));
    assert_eq!(a[0].attendance_rate, "0.0%");
    assert_eq!(a[1].attendance_rate, "100.0%");
}

#[test]
fn frequencies_are_branch_settings() {
    let (mut s, _) = branch(8, 0);
    let before = s.meeting_settings().unwrap();
    assert_eq!(
        before.frequencies.iter().find(|f| f.kind == MeetingKind::Lecture).unwrap().frequency.label(),
        "每季度一次"
    );
    let form = zhibu_core::meetings::MeetingSettingsForm {
        frequencies: vec![zhibu_core::meetings::FrequencyForm { kind: "lecture".into(), frequency: "monthly".into() }],
        theme_day: "每月农历初一".into(),
    };
    let after = s.save_meeting_settings(&form).unwrap();
    assert_eq!(after.theme_day, "每月农历初一");
    let cal = s.meeting_calendar(2026, today()).unwrap();
    let lecture = cal.rows.iter().find(|r| r.kind == MeetingKind::Lecture).unwrap();
    assert_eq!(lecture.cells.len(), 12);
    let theme = cal.rows.iter().find(|r| r.kind == MeetingKind::ThemeDay).unwrap();
    assert_eq!(theme.frequency_label, "每月一次（每月农历初一）");
    // A bad code changes nothing.
    let bad = zhibu_core::meetings::MeetingSettingsForm {
        frequencies: vec![
            zhibu_core::meetings::FrequencyForm { kind: "assembly".into(), frequency: "monthly".into() },
            zhibu_core::meetings::FrequencyForm { kind: "lecture".into(), frequency: "sometimes".into() },
        ],
        theme_day: "x".into(),
    };
    assert!(s.save_meeting_settings(&bad).is_err());
    assert_eq!(s.meeting_settings().unwrap(), after);
}

#[test]
fn attachments_are_stored_under_their_sha256_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open_dir(dir.path()).unwrap();
    let mut ids = Vec::new();
    for i in 0..3 {
        let form = MemberForm {
            name: format!("党员{i}"),
            id_number: id_for("19800101", &format!("{:03}", 101 + i * 2)),
            kind: "full".into(),
            admitted_on: "2005-07-01".into(),
            full_member_on: "2006-07-01".into(),
            ..Default::default()
        };
        ids.push(s.create_member(&form, today()).unwrap().id);
    }
    let m = s.create_meeting(&assembly(&ids, &[], "2026-10-20"), today()).unwrap();
    let photo = b"\x89PNG fake photo bytes".to_vec();
    let a = s.add_attachment(m.id, "签到表.PNG", &photo).unwrap();
    assert!(a.is_image);
    assert_eq!(a.size, photo.len() as i64);
    let stored = dir.path().join("attachments").join(format!("{}.png", a.sha256));
    assert_eq!(std::fs::read(&stored).unwrap(), photo);
    // The same photo again: a second record, one file.
    s.add_attachment(m.id, "签到表(1).png", &photo).unwrap();
    assert_eq!(std::fs::read_dir(dir.path().join("attachments")).unwrap().count(), 1);
    assert_eq!(s.attachments(m.id).unwrap().len(), 2);
    let (_, bytes) = s.attachment_bytes(a.id).unwrap();
    assert_eq!(bytes, photo);
    // A file changed on disk is caught.
    std::fs::write(&stored, b"tampered").unwrap();
    assert!(matches!(s.attachment_bytes(a.id), Err(Error::Corrupt(_))));
    // Empty and unknown meetings are refused.
    assert!(matches!(s.add_attachment(m.id, "x.jpg", b""), Err(Error::Validation(_))));
    assert!(matches!(s.add_attachment(999, "x.jpg", b"x"), Err(Error::NotFound(_))));
    s.remove_attachment(a.id).unwrap();
    assert_eq!(s.attachments(m.id).unwrap().len(), 1);
}

#[test]
fn a_member_under_watch_takes_part_in_the_review_without_a_grade_and_is_not_called_probationary() {
    use zhibu_core::members::StatusForm;
    use zhibu_core::notices::{NoticeRequest, NoticeTerms};
    let (mut s, ids) = branch(6, 0);
    // 党员5 (a full member) is under 留党察看 from September: no vote, so no grade (docs/DOMAIN.md §8).
    let watch = StatusForm { status: "watch".into(), date: "2026-09-01".into(), reason: "党纪处分".into() };
    s.change_status(ids[5], &watch, today()).unwrap();
    let mut form = assembly(&ids, &[], "2026-11-20");
    form.kind = "review".into();
    form.topic = "2026年度民主评议党员".into();
    for a in form.attendees.iter_mut() {
        a.grade = "qualified".into();
    }
    let report = s.check_meeting(&form, today()).unwrap();
    assert_eq!(report.grading.iter().filter(|g| !g.gradable).map(|g| g.member_id).collect::<Vec<_>>(), [ids[5]]);
    assert!(report.lines.iter().any(|l| l.contains("没有表决权的党员 1 人参加评议")), "{:?}", report.lines);
    let e = field_error(s.create_meeting(&form, today()).unwrap_err(), "attendees");
    assert!(e.contains("“党员5”当天没有表决权（受留党察看处分），参加评议但不评定等次"), "{e}");
    assert!(!e.contains("预备党员"), "{e}");
    form.attendees[5].grade.clear();
    s.create_meeting(&form, today()).unwrap();

    // The noticeboard says 不评定等次, neither 预备党员 nor 留党察看.
    let n = s.notice(&NoticeRequest::Review { year: 2026 }, &NoticeTerms::default(), today()).unwrap();
    let rows = &n.table.as_ref().unwrap().rows;
    let last = rows.last().unwrap();
    assert_eq!((last[0].as_str(), last[2].as_str()), ("不评定等次", "党员5"));
    let text = format!("{rows:?}{:?}", n.paragraphs);
    assert!(!text.contains("预备党员") && !text.contains("留党察看"), "{text}");
    assert!(n.paragraphs[0].contains("没有表决权的党员 1 名不评定等次"), "{:?}", n.paragraphs);
}

/// The year's meetings are read with all their attendance and resolutions in
/// one query each (docs/PERFORMANCE.md): each meeting keeps its own people in
/// the order they were entered, its resolutions in theirs, and a meeting
/// dated next January belongs to this year only if it is a 组织生活会 or
/// 民主评议 held for it.
#[test]
fn a_years_meetings_keep_their_own_people_and_resolutions_in_entered_order() {
    let (mut s, ids) = branch(9, 0);
    let mut first = assembly(&ids, &[ids[4]], "2026-03-02");
    first.attendees.reverse();
    first.resolutions =
        ["甲", "乙", "丙"].iter().map(|t| ResolutionForm { text: format!("决议{t}"), ..Default::default() }).collect();
    let first = s.create_meeting(&first, today()).unwrap().id;
    let mut second = assembly(&ids[2..7], &[], "2026-03-02");
    second.attendees.swap(0, 3);
    second.resolutions = vec![ResolutionForm { text: "决议丁".into(), ..Default::default() }];
    let second = s.create_meeting(&second, today()).unwrap().id;
    let mut committee = assembly(&ids[..5], &[], "2027-01-08");
    committee.kind = "committee".into();
    s.create_meeting(&committee, today().with_year(2027).unwrap()).unwrap();
    let mut life = assembly(&ids, &[], "2027-01-10");
    life.kind = "life_meeting".into();
    life.topic = "2026年度组织生活会".into();
    let life = s.create_meeting(&life, today().with_year(2027).unwrap()).unwrap().id;

    let year = s.meetings_belonging(2026, None).unwrap();
    let got: Vec<i64> = year.iter().map(|m| m.id).collect();
    assert_eq!(got, vec![life, second, first], "newest first; the 2027 支委会 is not 2026's");
    let people = |id: i64| -> Vec<i64> {
        year.iter().find(|m| m.id == id).unwrap().attendees.iter().map(|a| a.member_id).collect()
    };
    let mut want_first: Vec<i64> = ids.clone();
    want_first.reverse();
    assert_eq!(people(first), want_first);
    let mut want_second: Vec<i64> = ids[2..7].to_vec();
    want_second.swap(0, 3);
    assert_eq!(people(second), want_second);
    let texts = |id: i64| -> Vec<String> {
        year.iter().find(|m| m.id == id).unwrap().resolutions.iter().map(|r| r.text.clone()).collect()
    };
    assert_eq!(texts(first), ["决议甲", "决议乙", "决议丙"]);
    assert_eq!(texts(second), ["决议丁"]);
    let m = year.iter().find(|m| m.id == first).unwrap();
    assert_eq!((m.quorum.should_attend, m.quorum.present), (9, 8));
    assert_eq!(m.attendees.iter().find(|a| a.member_id == ids[4]).unwrap().reason, "外出务工");
    // One meeting alone reads the same as in the year's list.
    assert_eq!(s.meeting(second).unwrap().attendees.iter().map(|a| a.member_id).collect::<Vec<_>>(), want_second);
    assert_eq!(s.meetings_belonging(2027, None).unwrap().len(), 1, "2027 has its 支委会 only");
}
