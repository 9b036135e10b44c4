//! A year of plausible meetings for the demo branch, up to "today", so a
//! new user sees a lived-in calendar: a few gaps, a few members on leave,
//! one member who keeps missing.

use crate::error::Result;
use crate::meetings::{insert_meeting_in, AgendaItem, AttendeeForm, MeetingForm, ResolutionForm};
use crate::members::{CommitteeRole, Member, Status};
use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

pub(super) const THEME_TOPICS: [&str; 12] = [
    "学习上级全会精神",
    "学雷锋志愿服务",
    "清明祭英烈",
    "人居环境整治义务劳动",
    "学习党章党规",
    "“七一”重温入党誓词",
    "防汛巡查和安全宣传",
    "秋收助农志愿服务",
    "走访慰问困难群众",
    "学习全会精神",
    "冬季防火宣传",
    "年终总结和党费公示",
];

pub(super) const LECTURE_TOPICS: [&str; 4] =
    ["书记讲党课：发挥党员先锋模范作用", "乡村振兴中的党员责任", "学习党史 坚定信念", "党的纪律和规矩"];

pub(super) const ASSEMBLY_TOPICS: [&str; 4] =
    ["讨论本年度支部工作计划", "讨论通过村级重大事项", "确定入党积极分子人选", "讨论年度工作总结"];

/// A small deterministic scatter, so the demo is the same every time.
fn scatter(a: i64, b: i64) -> i64 {
    (a * 7919 + b * 104729) % 23
}

fn attendance(roster: &[Member], pick: impl Fn(&Member) -> bool, salt: i64) -> Vec<AttendeeForm> {
    roster
        .iter()
        .filter(|m| pick(m))
        .map(|m| {
            let (status, reason) = if m.lost_contact {
                ("absent", "联系不上")
            } else if m.mobile {
                ("leave", "外出务工")
            } else {
                match scatter(m.id, salt) {
                    0 => ("leave", "生病住院"),
                    1 => ("leave", "家中有事"),
                    2 => ("absent", ""),
                    _ => ("present", ""),
                }
            };
            AttendeeForm { member_id: m.id, status: status.into(), reason: reason.into(), grade: String::new() }
        })
        .collect()
}

/// The 支部大会 that admits the demo's 发展对象: its day, the person, and
/// whether it is one of the quarterly 党员大会 (else a meeting of its own).
pub(crate) type Admission<'a> = Option<(NaiveDate, &'a str, bool)>;

fn admission_vote(name: &str, votes_for: i64) -> ResolutionForm {
    ResolutionForm {
        text: format!("同意接收{name}为中共预备党员"),
        vote: true,
        votes_for: Some(votes_for),
        votes_against: Some(0),
        votes_abstain: Some(0),
        candidate: name.into(),
        ..Default::default()
    }
}

pub(crate) fn load(conn: &Connection, roster: &[Member], today: NaiveDate, admission: Admission) -> Result<usize> {
    let year = today.year();
    let live: Vec<Member> = roster.iter().filter(|m| m.status == Status::Normal && m.on_roster()).cloned().collect();
    let secretary = live.iter().find(|m| m.committee_role == Some(CommitteeRole::Secretary)).map(|m| m.id);
    let recorder = live.iter().find(|m| m.committee_role == Some(CommitteeRole::Organization)).map(|m| m.id);
    let groups: Vec<i64> = {
        let mut g: Vec<i64> = live.iter().filter_map(|m| m.group_id).collect();
        g.sort_unstable();
        g.dedup();
        g
    };
    let mut count = 0;
    // Only those who were members on the day are listed (docs/DOMAIN.md §3.2):
    // someone admitted in June is not absent from a January meeting.
    let timelines = crate::members::timeline::timelines(conn)?;
    let on = |m: &Member, d: NaiveDate| timelines.get(&m.id).is_some_and(|t| t.should_attend_on(d));
    let voting = |m: &Member, d: NaiveDate| timelines.get(&m.id).is_some_and(|t| t.voting_on(d));
    let mut add = |mut form: MeetingForm| -> Result<()> {
        let day = NaiveDate::parse_from_str(&form.date, "%Y-%m-%d").unwrap_or(today);
        form.attendees.retain(|a| timelines.get(&a.member_id).is_some_and(|t| t.should_attend_on(day)));
        if form.attendees.is_empty() {
            return Ok(());
        }
        insert_meeting_in(conn, &form, today)?;
        count += 1;
        Ok(())
    };
    let day = |month: u32, d: u32| NaiveDate::from_ymd_opt(year, month, d);
    for month in 1..=12u32 {
        let salt = i64::from(month);
        // 主题党日 on the 5th; 支委会 on the 3rd (skipped in May: a gap to see).
        if let Some(date) = day(month, 5).filter(|d| *d <= today) {
            add(MeetingForm {
                kind: "theme_day".into(),
                date: date.to_string(),
                start_time: "09:00".into(),
                place: "村党群服务中心".into(),
                topic: format!("{month}月主题党日：{}", THEME_TOPICS[month as usize - 1]),
                host_id: secretary,
                recorder_id: recorder,
                attendees: attendance(&live, |m| on(m, date), salt),
                agenda: vec![
                    AgendaItem { text: "重温入党誓词".into(), prescribed: true },
                    AgendaItem { text: "集中学习".into(), prescribed: true },
                    AgendaItem { text: "交纳党费".into(), prescribed: true },
                    AgendaItem { text: THEME_TOPICS[month as usize - 1].into(), prescribed: false },
                ],
                minutes: "全体党员重温入党誓词；学习上级文件精神；收缴本月党费；开展主题活动。".into(),
                ..Default::default()
            })?;
        }
        if let Some(date) = day(month, 3).filter(|d| *d <= today && month != 5) {
            add(MeetingForm {
                kind: "committee".into(),
                date: date.to_string(),
                start_time: "19:30".into(),
                place: "村党群服务中心".into(),
                topic: format!("研究{month}月份支部工作"),
                host_id: secretary,
                recorder_id: recorder,
                attendees: attendance(&live, |m| on(m, date) && m.committee_role.is_some(), salt + 100),
                minutes: "通报上月工作完成情况，研究部署本月重点工作。".into(),
                resolutions: vec![ResolutionForm {
                    text: format!("通过{month}月份工作安排"),
                    vote: true,
                    votes_for: Some(3),
                    votes_against: Some(0),
                    votes_abstain: Some(0),
                    ..Default::default()
                }],
                ..Default::default()
            })?;
        }
        for (gi, g) in groups.iter().enumerate() {
            if let Some(date) = day(month, 10 + gi as u32).filter(|d| *d <= today) {
                add(MeetingForm {
                    kind: "group_meeting".into(),
                    date: date.to_string(),
                    start_time: "19:00".into(),
                    place: "组长家中".into(),
                    topic: "学习上级精神，交流思想".into(),
                    group_id: Some(*g),
                    attendees: attendance(&live, |m| on(m, date) && m.group_id == Some(*g), salt + 200 + gi as i64),
                    ..Default::default()
                })?;
            }
        }
        let quarter = (month - 1) / 3;
        // 党员大会 and 党课 in the middle month of each quarter; no 党课 in the second quarter.
        if month % 3 == 2 {
            if let Some(date) = day(month, 20).filter(|d| *d <= today) {
                let attendees = attendance(&live, |m| on(m, date), salt + 300);
                let present_voting = live
                    .iter()
                    .filter(|m| {
                        voting(m, date) && attendees.iter().any(|a| a.member_id == m.id && a.status == "present")
                    })
                    .count() as i64;
                let mut resolutions = vec![ResolutionForm {
                    text: ASSEMBLY_TOPICS[quarter as usize].replace("讨论", "同意"),
                    vote: true,
                    votes_for: Some(present_voting),
                    votes_against: Some(0),
                    votes_abstain: Some(0),
                    ..Default::default()
                }];
                let mut minutes = "书记通报情况，与会党员充分讨论，举手表决。".to_string();
                if let Some((_, name, _)) = admission.filter(|(d, _, _)| *d == date) {
                    resolutions.push(admission_vote(name, present_voting));
                    minutes.push_str(&format!("讨论接收发展对象{name}为预备党员，单独表决。"));
                }
                add(MeetingForm {
                    kind: "assembly".into(),
                    date: date.to_string(),
                    start_time: "09:00".into(),
                    place: "村党群服务中心".into(),
                    topic: ASSEMBLY_TOPICS[quarter as usize].into(),
                    host_id: secretary,
                    recorder_id: recorder,
                    attendees,
                    minutes,
                    resolutions,
                    ..Default::default()
                })?;
            }
            if let Some(date) = day(month, 25).filter(|d| *d <= today && quarter != 1) {
                add(MeetingForm {
                    kind: "lecture".into(),
                    date: date.to_string(),
                    start_time: "09:00".into(),
                    place: "村党群服务中心".into(),
                    topic: LECTURE_TOPICS[quarter as usize].into(),
                    host_id: secretary,
                    recorder_id: recorder,
                    attendees: attendance(&live, |m| on(m, date), salt + 400),
                    ..Default::default()
                })?;
            }
        }
    }
    // Early in the year no quarterly 党员大会 leaves time for the approval:
    // the admission has a 党员大会 of its own.
    if let Some((date, name, false)) = admission {
        let attendees = attendance(&live, |m| on(m, date), 500);
        let present_voting = live
            .iter()
            .filter(|m| voting(m, date) && attendees.iter().any(|a| a.member_id == m.id && a.status == "present"))
            .count() as i64;
        add(MeetingForm {
            kind: "assembly".into(),
            date: date.to_string(),
            start_time: "09:00".into(),
            place: "村党群服务中心".into(),
            topic: format!("讨论接收{name}为预备党员"),
            host_id: secretary,
            recorder_id: recorder,
            attendees,
            minutes: format!("讨论接收发展对象{name}为预备党员，单独表决。"),
            resolutions: vec![admission_vote(name, present_voting)],
            ..Default::default()
        })?;
    }
    // 民主评议党员 in January, as most branches hold it; this year's
    // 组织生活会 is left undone, so the home screen shows it as due.
    if let Some(date) = day(1, 22).filter(|d| *d <= today) {
        let mut attendees = attendance(&live, |m| on(m, date), 600);
        for (i, a) in attendees.iter_mut().enumerate() {
            let Some(m) = live.iter().find(|m| m.id == a.member_id) else { continue };
            if !voting(m, date) {
                continue; // 预备党员 take part without a grade
            }
            a.grade = if m.lost_contact {
                "basically_qualified"
            } else if i % 6 == 0 {
                "excellent"
            } else {
                "qualified"
            }
            .into();
        }
        add(MeetingForm {
            kind: "review".into(),
            date: date.to_string(),
            start_time: "09:00".into(),
            place: "村党群服务中心".into(),
            topic: format!("{}年度民主评议党员", year - 1),
            host_id: secretary,
            recorder_id: recorder,
            attendees,
            minutes: "个人自评、党员互评、民主测评，支部委员会提出评定意见，党员大会确定等次。".into(),
            ..Default::default()
        })?;
    }
    // 谈心谈话: the secretary with the committee and some members; the
    // organisation member with a few more. Months spread over the year.
    let committee: Vec<&Member> = live.iter().filter(|m| m.committee_role.is_some()).collect();
    let mut talks: Vec<(i64, i64)> = Vec::new();
    if let Some(sec) = secretary {
        talks.extend(committee.iter().filter(|m| m.id != sec).map(|m| (sec, m.id)));
        talks.extend(live.iter().filter(|m| m.committee_role.is_none()).take(12).map(|m| (sec, m.id)));
    }
    if let Some(org) = recorder {
        talks.extend(live.iter().filter(|m| m.committee_role.is_none()).skip(12).take(6).map(|m| (org, m.id)));
    }
    for (i, (host, with)) in talks.into_iter().enumerate() {
        let Some(date) = day(1 + (i as u32 % 10), 15 + (i as u32 % 10)).filter(|d| *d <= today) else {
            continue;
        };
        add(MeetingForm {
            kind: "talk".into(),
            date: date.to_string(),
            place: "村党群服务中心".into(),
            topic: "了解思想、工作和家庭情况".into(),
            host_id: Some(host),
            attendees: vec![AttendeeForm {
                member_id: with,
                status: "present".into(),
                reason: String::new(),
                grade: String::new(),
            }],
            minutes: "交流近期思想和生产生活情况，听取对支部工作的意见建议。".into(),
            ..Default::default()
        })?;
    }
    conn.execute("UPDATE branch SET theme_day = '每月5日' WHERE id = 1", [])?;
    Ok(count)
}
