//! Checking a minutes form without the database: the fields, who may be
//! listed as an attendee on the day (and with what vote and grade), the
//! resolutions and their votes, the 所属年度; and the quorum report of a
//! form as it is being filled in. `repo.rs` reads the roster and stores.

use super::model::{
    default_for_year, for_year_choices, AgendaItem, Attendance, Frequency, Grade, MeetingForm, MeetingKind,
    MeetingSettingsForm, ResolutionForm,
};
use super::rules::{self, QuorumReport, Seat, Votes};
use crate::date::PartialDate;
use crate::error::{Error, FieldErrors, Result};
use crate::members::timeline::Timeline;
use crate::members::MemberKind;
use crate::text::clean;
use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::Serialize;
use std::collections::HashMap;

/// Has a vote at a meeting held on `day` (and so is graded at a 民主评议,
/// [`Seat::gradable`]): one of the branch that day, a full member in good
/// standing. The save and the live check of the form both ask this.
pub(super) fn has_vote(p: &Timeline, day: NaiveDate) -> bool {
    p.should_attend_on(day) && p.voting_on(day)
}

/// An attendee after the checks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AttendeeRecord {
    pub member_id: i64,
    pub name: String,
    pub member_kind: MemberKind,
    pub voting: bool,
    pub status: Attendance,
    pub reason: String,
    pub grade: Option<Grade>,
}

/// A checked form, ready to store.
pub(super) struct CheckedMeeting {
    pub(super) kind: MeetingKind,
    pub(super) date: NaiveDate,
    pub(super) for_year: Option<i32>,
    pub(super) start_time: String,
    pub(super) place: String,
    pub(super) topic: String,
    pub(super) host_id: Option<i64>,
    pub(super) recorder_id: Option<i64>,
    pub(super) group_id: Option<i64>,
    pub(super) attendees: Vec<AttendeeRecord>,
    pub(super) observers: String,
    pub(super) minutes: String,
    pub(super) agenda: Vec<AgendaItem>,
    pub(super) resolutions: Vec<ResolutionForm>,
    /// The meeting's own 学时 (docs/DOMAIN.md §9.5); set by the repo.
    pub(super) study_tenths: Option<i64>,
}

pub(super) fn votes_of(r: &ResolutionForm) -> Votes {
    let n = |c: Option<i64>| c.unwrap_or(0).max(0);
    Votes {
        vote: r.vote,
        election: r.vote && r.election,
        entered: r.vote && [r.votes_for, r.votes_against, r.votes_abstain].iter().any(Option::is_some),
        votes_for: n(r.votes_for),
        votes_against: n(r.votes_against),
        votes_abstain: n(r.votes_abstain),
        written_for: n(r.written_for),
        written: n(r.written_for) + n(r.written_against) + n(r.written_abstain),
    }
}

pub(super) fn seats_of(attendees: &[AttendeeRecord]) -> Vec<Seat> {
    attendees
        .iter()
        .map(|a| Seat { member_id: a.member_id, status: a.status, voting: a.voting, grade: a.grade })
        .collect()
}

/// Checks a minutes form against the rules and the roster: `people` is
/// every member's timeline, `group_exists` asks whether a 党小组 is still
/// there (only for a 党小组会 that names one).
pub(super) fn check(
    form: &MeetingForm,
    today: NaiveDate,
    people: &HashMap<i64, Timeline>,
    group_exists: impl Fn(i64) -> Result<bool>,
) -> Result<CheckedMeeting> {
    let mut e = FieldErrors::default();
    let kind = MeetingKind::from_code(&clean(&form.kind));
    if kind.is_none() {
        e.add("kind", "请选择会议类型");
    }
    let date = match PartialDate::parse_opt(&form.date) {
        Ok(Some(PartialDate::Day(d))) if d > today => {
            e.add("date", "会议日期不能晚于今天；会议开过之后再记录");
            None
        }
        Ok(Some(PartialDate::Day(d))) => Some(d),
        Ok(_) => {
            e.add("date", "请填写会议日期，如 2026-11-27");
            None
        }
        Err(err) => {
            e.add("date", err.to_string());
            None
        }
    };
    let start_time = clean(&form.start_time).replace('：', ":");
    if !start_time.is_empty() && NaiveTime::parse_from_str(&start_time, "%H:%M").is_err() {
        e.add("start_time", "开始时间请写成 19:30 这样");
    }
    let topic = clean(&form.topic);
    if topic.is_empty() {
        e.add("topic", "请填写会议主题");
    } else if topic.chars().count() > 100 {
        e.add("topic", "会议主题太长了（最多 100 字）");
    }
    let host_label = kind.map_or("主持人", MeetingKind::host_label);
    let attendees_label = kind.map_or("参会人员", MeetingKind::attendees_label);
    for (field, id, label) in [("host_id", form.host_id, host_label), ("recorder_id", form.recorder_id, "记录人")] {
        if let Some(id) = id {
            if !people.contains_key(&id) {
                e.add(field, format!("{label}不在花名册里，请重新选择"));
            }
        }
    }
    let group_id = if kind == Some(MeetingKind::GroupMeeting) {
        match form.group_id {
            None => {
                e.add("group_id", "党小组会请选择是哪个党小组");
                None
            }
            Some(g) => {
                if !group_exists(g)? {
                    e.add("group_id", "这个党小组已不存在，请重新选择");
                }
                Some(g)
            }
        }
    } else {
        None
    };

    let mut attendees = Vec::with_capacity(form.attendees.len());
    let mut seen = std::collections::HashSet::new();
    for a in &form.attendees {
        let Some(p) = people.get(&a.member_id) else {
            e.add("attendees", format!("{attendees_label}中有人不在花名册里，请刷新后重新选择"));
            continue;
        };
        if !seen.insert(a.member_id) {
            e.add("attendees", format!("“{}”在{attendees_label}中出现了两次", p.name));
            continue;
        }
        // Who should attend is who was a member that day (docs/DOMAIN.md §3.2).
        if let Some(why) = date.and_then(|d| p.absence_reason(d)) {
            e.add(
                "attendees",
                format!(
                    "“{}”{why}，不是这次会议的应到人员，请从{attendees_label}中去掉（按会议当天的党员名单）",
                    p.name
                ),
            );
            continue;
        }
        // A 党小组会 is for those in the group on that day.
        if let (Some(MeetingKind::GroupMeeting), Some(g), Some(d)) = (kind, form.group_id, date) {
            if p.group_on(d) != Some(g) {
                e.add("attendees", format!("“{}”在会议当天不属于这个党小组，请从参会人员中去掉", p.name));
                continue;
            }
        }
        let status = Attendance::from_code(&clean(&a.status));
        let reason = clean(&a.reason);
        match status {
            None => e.add("attendees", format!("请选择“{}”的出席情况", p.name)),
            Some(Attendance::Leave) if reason.is_empty() => {
                e.add("attendees", format!("“{}”请假，请写明请假原因", p.name))
            }
            _ => {}
        }
        let voting = date.is_some_and(|d| has_vote(p, d));
        let seat = Seat { member_id: a.member_id, status: status.unwrap_or(Attendance::Present), voting, grade: None };
        let grade = match clean(&a.grade).as_str() {
            "" => None,
            code => match (Grade::from_code(code), kind) {
                (None, _) => {
                    e.add("attendees", format!("“{}”的评定等次请从列表中选择", p.name));
                    None
                }
                (Some(_), Some(k)) if k != MeetingKind::Review => None,
                // The rule the form's grade select follows (QuorumReport::grading).
                (Some(_), _) if !seat.gradable() => {
                    // No vote on the day: a 预备党员, or a full member under
                    // 留党察看 (docs/DOMAIN.md §8).
                    let who = match date.map_or(p.kind, |d| p.kind_on(d)) {
                        MemberKind::Probationary => "是预备党员",
                        MemberKind::Full => "当天没有表决权（受留党察看处分）",
                    };
                    e.add("attendees", format!("“{}”{who}，参加评议但不评定等次", p.name));
                    None
                }
                (g, _) => g,
            },
        };
        attendees.push(AttendeeRecord {
            member_id: a.member_id,
            name: p.name.clone(),
            member_kind: date.map_or(p.kind, |d| p.kind_on(d)),
            voting,
            status: seat.status,
            grade,
            reason: if status == Some(Attendance::Present) { String::new() } else { reason },
        });
    }
    if attendees.is_empty() && kind.is_some_and(|k| k != MeetingKind::Other) {
        e.add("attendees", format!("请选择{attendees_label}"));
    }
    let present_voting = attendees.iter().filter(|a| a.voting && a.status == Attendance::Present).count();
    let present_all = attendees.iter().filter(|a| a.status == Attendance::Present).count();
    let ballot_box = if kind == Some(MeetingKind::Assembly) { present_voting } else { present_all };
    let absent_voting = attendees.iter().filter(|a| a.voting && a.status != Attendance::Present).count();
    let mut candidates = std::collections::HashSet::new();
    let mut resolutions = Vec::new();
    for (i, r) in form.resolutions.iter().enumerate() {
        let text = clean(&r.text);
        if text.is_empty() {
            e.add(field_name(i), format!("第 {} 条决议没有写内容", i + 1));
            continue;
        }
        if r.vote {
            let counts = [r.votes_for, r.votes_against, r.votes_abstain];
            if counts.iter().any(|c| c.is_some_and(|c| c < 0)) {
                e.add(field_name(i), format!("第 {} 条决议的票数不能是负数", i + 1));
            } else if r.votes_for.is_none() {
                e.add(field_name(i), format!("第 {} 条决议请填写赞成票数", i + 1));
            } else {
                let total: i64 = counts.iter().map(|c| c.unwrap_or(0)).sum();
                // The words of the live verdict (rules::too_many_votes).
                if let Some(why) = rules::too_many_votes(kind.unwrap_or(MeetingKind::Other), total, ballot_box) {
                    e.add(field_name(i), format!("第 {} 条决议：{why}", i + 1));
                }
            }
        }
        // Admission and 转正: one resolution per candidate; written opinions
        // of absent voters count beside the votes (docs/DOMAIN.md §3.3).
        let candidate = clean(&r.candidate);
        let written = [r.written_for, r.written_against, r.written_abstain];
        let any_written = written.iter().any(|w| w.is_some_and(|w| w != 0));
        // Who may be elected (docs/DOMAIN.md §8): full members not under 留党察看.
        if r.vote && r.election && !candidate.is_empty() {
            if let Some(d) = date {
                for t in people.values().filter(|t| t.name == candidate && t.should_attend_on(d)) {
                    if t.status_on(d) == crate::members::Status::Watch {
                        e.add(field_name(i), format!("“{candidate}”当时正在留党察看期间，没有被选举权"));
                    } else if t.kind_on(d) != MemberKind::Full {
                        e.add(field_name(i), format!("“{candidate}”当时是预备党员，没有被选举权"));
                    }
                }
            }
        }
        if !candidate.is_empty() && !candidates.insert(candidate.clone()) {
            e.add(field_name(i), format!("“{candidate}”已有一条表决，每名发展对象或预备党员应单独表决一次"));
        }
        if any_written {
            let total: i64 = written.iter().map(|w| w.unwrap_or(0)).sum();
            if written.iter().any(|w| w.is_some_and(|w| w < 0)) {
                e.add(field_name(i), format!("第 {} 条决议的书面意见票数不能是负数", i + 1));
            } else if candidate.is_empty() || !r.vote || r.election || kind != Some(MeetingKind::Assembly) {
                e.add(
                    field_name(i),
                    format!(
                        "第 {} 条决议：书面意见只计入支部党员大会对接收预备党员或预备党员转正的表决，请填写被表决人",
                        i + 1
                    ),
                );
            } else if let Some(why) = rules::too_many_written(total, absent_voting) {
                e.add(field_name(i), format!("第 {} 条决议：{why}", i + 1));
            }
        }
        let keep_written = |w: Option<i64>| w.filter(|_| any_written);
        resolutions.push(ResolutionForm {
            text,
            vote: r.vote,
            election: r.vote && r.election,
            votes_for: r.votes_for.filter(|_| r.vote),
            votes_against: r.votes_against.filter(|_| r.vote),
            votes_abstain: r.votes_abstain.filter(|_| r.vote),
            candidate,
            written_for: keep_written(r.written_for),
            written_against: keep_written(r.written_against),
            written_abstain: keep_written(r.written_abstain),
        });
    }
    let agenda: Vec<AgendaItem> = form
        .agenda
        .iter()
        .map(|a| AgendaItem { text: clean(&a.text), prescribed: a.prescribed })
        .filter(|a| !a.text.is_empty())
        .collect();
    let for_year = match (kind, date) {
        (Some(k), Some(d)) if k.has_for_year() => match form.for_year {
            None => default_for_year(k, d),
            Some(y) if for_year_choices(k, d).contains(&y) => Some(y),
            Some(_) => {
                e.add("for_year", format!("所属年度应为 {} 年或 {} 年（会议当年或上一年）", d.year() - 1, d.year()));
                None
            }
        },
        _ => None,
    };
    e.into_result()?;
    let (Some(kind), Some(date)) = (kind, date) else {
        return Err(Error::NotFound("会议记录"));
    };
    Ok(CheckedMeeting {
        kind,
        date,
        for_year,
        start_time,
        place: clean(&form.place),
        topic,
        host_id: form.host_id,
        recorder_id: form.recorder_id,
        group_id,
        attendees,
        observers: clean(&form.observers),
        minutes: form.minutes.trim().to_string(),
        agenda,
        resolutions,
        study_tenths: None,
    })
}

/// The validation key of the i-th resolution, `resolutions.<i>`.
fn field_name(i: usize) -> &'static str {
    const NAMES: [&str; 10] = [
        "resolutions.0",
        "resolutions.1",
        "resolutions.2",
        "resolutions.3",
        "resolutions.4",
        "resolutions.5",
        "resolutions.6",
        "resolutions.7",
        "resolutions.8",
        "resolutions.9",
    ];
    NAMES.get(i).copied().unwrap_or("resolutions")
}

/// Applies the quorum rules to a form as it is being filled in (a member
/// not in `people` is left out).
pub(super) fn judge_form(form: &MeetingForm, today: NaiveDate, people: &HashMap<i64, Timeline>) -> QuorumReport {
    let kind = MeetingKind::from_code(&form.kind).unwrap_or(MeetingKind::Other);
    let day = match PartialDate::parse_opt(&form.date) {
        Ok(Some(PartialDate::Day(d))) => d,
        _ => today,
    };
    let seats: Vec<Seat> = form
        .attendees
        .iter()
        .filter_map(|a| {
            let p = people.get(&a.member_id)?;
            Some(Seat {
                member_id: a.member_id,
                status: Attendance::from_code(&a.status).unwrap_or(Attendance::Present),
                voting: has_vote(p, day),
                grade: Grade::from_code(&a.grade).filter(|_| kind == MeetingKind::Review),
            })
        })
        .collect();
    let votes: Vec<Votes> = form.resolutions.iter().map(votes_of).collect();
    let mut report = rules::judge(kind, &seats, &votes);
    // A meeting not yet held decides nothing: no 通过 or 未通过 for a date to come
    // (the save refuses the date itself).
    if day > today {
        for v in report.resolutions.iter_mut().filter(|v| v.passed.is_some()) {
            *v = rules::Verdict {
                passed: None,
                verdict: "会议日期晚于今天，会议开过之后再记录表决结果".into(),
                invalid: true,
            };
        }
    }
    report
}

/// The meeting settings as typed: each kind's frequency, and the 主题党日's
/// fixed day.
pub(super) fn check_settings(form: &MeetingSettingsForm) -> Result<(Vec<(MeetingKind, Frequency)>, String)> {
    let mut e = FieldErrors::default();
    let mut parsed = Vec::new();
    for f in &form.frequencies {
        match (MeetingKind::from_code(&f.kind), Frequency::from_code(&f.frequency)) {
            (Some(k), Some(fr)) => parsed.push((k, fr)),
            _ => e.add("frequencies", "会议频次请从列表中选择"),
        }
    }
    let theme_day = clean(&form.theme_day);
    if theme_day.chars().count() > 30 {
        e.add("theme_day", "主题党日的固定日期写得太长了（最多 30 字），如：每月5日");
    }
    e.into_result()?;
    Ok((parsed, theme_day))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::members::timeline::TransferMark;
    use crate::members::Status;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn member(name: &str, kind: MemberKind) -> Timeline {
        Timeline {
            name: name.into(),
            kind,
            admitted: Some(PartialDate::Day(day(2000, 7, 1))),
            full_member_on: None,
            group_id: None,
            deleted: false,
            statuses: Vec::<(NaiveDate, Status)>::new(),
            transfers: Vec::<TransferMark>::new(),
            group_changes: Vec::new(),
        }
    }

    fn errors(form: &MeetingForm, people: &HashMap<i64, Timeline>) -> crate::error::FieldErrors {
        match check(form, day(2026, 11, 27), people, |_| Ok(true)) {
            Err(Error::Validation(e)) => e,
            other => panic!("expected field errors, got {:?}", other.map(|m| m.topic)),
        }
    }

    #[test]
    fn resolution_fields_are_numbered_up_to_ten() {
        assert_eq!(field_name(0), "resolutions.0");
        assert_eq!(field_name(9), "resolutions.9");
        assert_eq!(field_name(10), "resolutions");
    }

    #[test]
    fn an_empty_form_names_its_fields() {
        let e = errors(&MeetingForm::default(), &HashMap::new());
        for field in ["kind", "date", "topic"] {
            assert!(e.has(field), "{field}");
        }
    }

    #[test]
    fn a_meeting_in_the_future_or_with_a_stranger_is_refused() {
        let people = HashMap::from([(1, member("张三", MemberKind::Full))]);
        let form = MeetingForm {
            kind: "assembly".into(),
            date: "2026-12-01".into(),
            topic: "学习".into(),
            attendees: vec![super::super::model::AttendeeForm {
                member_id: 2,
                status: "present".into(),
                ..Default::default()
            }],
            ..Default::default()
        };
        let e = errors(&form, &people);
        assert!(e.has("date") && e.has("attendees"));
    }

    #[test]
    fn a_full_member_present_has_a_vote() {
        let people = HashMap::from([(1, member("张三", MemberKind::Full))]);
        let form = MeetingForm {
            kind: "assembly".into(),
            date: "2026-11-20".into(),
            topic: "学习".into(),
            attendees: vec![super::super::model::AttendeeForm {
                member_id: 1,
                status: "present".into(),
                ..Default::default()
            }],
            ..Default::default()
        };
        let checked = check(&form, day(2026, 11, 27), &people, |_| Ok(true)).unwrap();
        assert_eq!(checked.attendees.len(), 1);
        assert!(checked.attendees[0].voting);
        assert_eq!(judge_form(&form, day(2026, 11, 27), &people).present, 1);
    }

    #[test]
    fn a_tally_over_the_voters_present_is_refused_beside_the_resolution() {
        // Three full members (one on leave) and a probationary member present:
        // two votes can be cast.
        let mut people = HashMap::new();
        for (id, name) in [(1, "张一"), (2, "张二"), (3, "张三")] {
            people.insert(id, member(name, MemberKind::Full));
        }
        people.insert(4, member("李四", MemberKind::Probationary));
        let attendee = |member_id, status: &str| super::super::model::AttendeeForm {
            member_id,
            status: status.into(),
            reason: if status == "leave" { "外出务工".into() } else { String::new() },
            ..Default::default()
        };
        let resolution = |votes_for, votes_against| ResolutionForm {
            text: "同意".into(),
            vote: true,
            votes_for: Some(votes_for),
            votes_against: Some(votes_against),
            ..Default::default()
        };
        let mut form = MeetingForm {
            kind: "assembly".into(),
            date: "2026-11-20".into(),
            topic: "学习".into(),
            attendees: vec![
                attendee(1, "present"),
                attendee(2, "present"),
                attendee(3, "leave"),
                attendee(4, "present"),
            ],
            resolutions: vec![resolution(2, 1)],
            ..Default::default()
        };
        let e = errors(&form, &people);
        assert_eq!(
            e.get("resolutions.0"),
            Some("第 1 条决议：票数合计 3 票，超过到会有表决权党员 2 人，请核对票数"),
            "{e:?}"
        );
        // The live check says the same, without 通过 or 未通过.
        let live = judge_form(&form, day(2026, 11, 27), &people);
        assert_eq!(live.resolutions[0].passed, None);
        assert!(live.resolutions[0].verdict.contains("票数合计 3 票，超过到会有表决权党员 2 人"));
        // Two votes: saved, and the verdict is 通过 (2 of 3 voting members).
        form.resolutions = vec![resolution(2, 0)];
        let checked = check(&form, day(2026, 11, 27), &people, |_| Ok(true)).unwrap();
        assert_eq!(checked.resolutions.len(), 1);
        assert_eq!(judge_form(&form, day(2026, 11, 27), &people).resolutions[0].passed, Some(true));
    }

    #[test]
    fn a_meeting_in_the_future_gets_no_verdict_while_typed() {
        let people = HashMap::from([(1, member("张三", MemberKind::Full)), (2, member("李四", MemberKind::Full))]);
        let form = |date: &str| MeetingForm {
            kind: "assembly".into(),
            date: date.into(),
            attendees: [1, 2]
                .map(|member_id| super::super::model::AttendeeForm {
                    member_id,
                    status: "present".into(),
                    ..Default::default()
                })
                .to_vec(),
            resolutions: vec![ResolutionForm {
                text: "同意".into(),
                vote: true,
                votes_for: Some(2),
                ..Default::default()
            }],
            ..Default::default()
        };
        let held = judge_form(&form("2026-11-20"), day(2026, 11, 27), &people);
        assert_eq!(held.resolutions[0].passed, Some(true));
        let to_come = judge_form(&form("2026-12-20"), day(2026, 11, 27), &people);
        assert_eq!(to_come.resolutions[0].passed, None);
        assert!(to_come.resolutions[0].invalid);
        assert!(to_come.resolutions[0].verdict.contains("会议日期晚于今天"));
    }

    #[test]
    fn a_talk_asks_for_the_people_talked_with_in_its_own_words() {
        let form = MeetingForm {
            kind: "talk".into(),
            date: "2026-11-20".into(),
            topic: "谈心".into(),
            host_id: Some(9),
            ..Default::default()
        };
        let e = errors(&form, &HashMap::new());
        assert_eq!(e.get("attendees"), Some("请选择谈话对象"));
        assert_eq!(e.get("host_id"), Some("谈话人不在花名册里，请重新选择"));
        let e = errors(&MeetingForm { kind: "assembly".into(), ..form }, &HashMap::new());
        assert_eq!(e.get("attendees"), Some("请选择参会人员"));
        assert_eq!(e.get("host_id"), Some("主持人不在花名册里，请重新选择"));
    }

    #[test]
    fn settings_need_known_frequencies_and_a_short_theme_day() {
        let form = MeetingSettingsForm {
            frequencies: vec![super::super::model::FrequencyForm { kind: "nonsense".into(), frequency: "x".into() }],
            theme_day: "每".repeat(31),
        };
        match check_settings(&form) {
            Err(Error::Validation(e)) => assert!(e.has("frequencies") && e.has("theme_day")),
            other => panic!("{:?}", other.map(|(p, _)| p.len())),
        }
    }
}
