//! Attendance per member for a year, and the 谈心谈话 coverage grid.

use super::model::{Attendance, MeetingKind};
use super::repo::MeetingRecord;
use super::rules::rate_text;
use crate::error::Result;
use crate::members::{Member, MemberQuery, Status};
use crate::store::Store;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct MemberAttendance {
    pub member_id: i64,
    pub name: String,
    pub should_attend: usize,
    pub present: usize,
    pub on_leave: usize,
    pub absent: usize,
    /// 在流入地参加 and 送学上门: took part, not in the room (docs/DOMAIN.md §9).
    pub elsewhere: usize,
    pub taught: usize,
    pub attendance_rate: String,
}

/// Each member's attendance over the year's meetings, lowest rate first.
pub fn member_attendance(meetings: &[MeetingRecord]) -> Vec<MemberAttendance> {
    let mut by: BTreeMap<i64, MemberAttendance> = BTreeMap::new();
    for m in meetings {
        for a in &m.attendees {
            let e = by.entry(a.member_id).or_insert_with(|| MemberAttendance {
                member_id: a.member_id,
                name: a.name.clone(),
                should_attend: 0,
                present: 0,
                on_leave: 0,
                absent: 0,
                elsewhere: 0,
                taught: 0,
                attendance_rate: String::new(),
            });
            e.should_attend += 1;
            match a.status {
                Attendance::Present => e.present += 1,
                Attendance::Leave => e.on_leave += 1,
                Attendance::Absent => e.absent += 1,
                Attendance::Elsewhere => e.elsewhere += 1,
                Attendance::Taught => e.taught += 1,
            }
        }
    }
    let mut out: Vec<MemberAttendance> = by
        .into_values()
        .map(|mut e| {
            e.attendance_rate = rate_text(e.present, e.should_attend);
            e
        })
        .collect();
    // Lowest share present first: compare present/should as fractions, no floats.
    out.sort_by(|a, b| {
        (a.present * b.should_attend.max(1))
            .cmp(&(b.present * a.should_attend.max(1)))
            .then(a.member_id.cmp(&b.member_id))
    });
    out
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Person {
    pub id: i64,
    pub name: String,
    pub committee_role_label: Option<&'static str>,
}

/// Who has talked with whom this year. Each committee member should talk
/// at least once a year with every other committee member and with every
/// member (docs/DOMAIN.md §3).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct TalkCoverage {
    pub year: i32,
    /// The rows: committee members.
    pub committee: Vec<Person>,
    /// The columns: everyone on the roster in normal standing.
    pub members: Vec<Person>,
    /// Pairs (row id, column id) that talked this year, either way round.
    pub talked: Vec<(i64, i64)>,
    /// Per committee member: how many of the pairs they owe are done.
    pub summary: Vec<String>,
}

fn person(m: &Member) -> Person {
    Person { id: m.id, name: m.name.clone(), committee_role_label: m.committee_role.map(|r| r.label()) }
}

/// The grid from the year's talks: a talk's host talked with each attendee.
pub fn talk_coverage(year: i32, roster: &[Member], meetings: &[MeetingRecord]) -> TalkCoverage {
    let members: Vec<&Member> = roster.iter().filter(|m| m.status == Status::Normal).collect();
    let committee: Vec<&Member> = members.iter().copied().filter(|m| m.committee_role.is_some()).collect();
    let mut pairs: HashSet<(i64, i64)> = HashSet::new();
    for m in meetings.iter().filter(|m| m.kind == MeetingKind::Talk) {
        let Some(host) = m.host_id else { continue };
        for a in m.attendees.iter().filter(|a| a.status == Attendance::Present && a.member_id != host) {
            pairs.insert((host, a.member_id));
            pairs.insert((a.member_id, host));
        }
    }
    let mut talked = Vec::new();
    let mut summary = Vec::new();
    for c in &committee {
        let owed: Vec<&&Member> = members.iter().filter(|m| m.id != c.id).collect();
        let done = owed.iter().filter(|m| pairs.contains(&(c.id, m.id))).count();
        for m in &owed {
            if pairs.contains(&(c.id, m.id)) {
                talked.push((c.id, m.id));
            }
        }
        summary.push(format!(
            "{}{}：已谈 {done} 人，还有 {} 人未谈",
            c.committee_role.map(|r| r.label()).unwrap_or(""),
            c.name,
            owed.len() - done
        ));
    }
    TalkCoverage {
        year,
        committee: committee.iter().map(|m| person(m)).collect(),
        members: members.iter().map(|m| person(m)).collect(),
        talked,
        summary,
    }
}

impl Store {
    pub fn member_attendance(&self, year: i32) -> Result<Vec<MemberAttendance>> {
        Ok(member_attendance(&self.meetings(year, None)?))
    }

    pub fn talk_coverage(&self, year: i32) -> Result<TalkCoverage> {
        let roster = self.members(&MemberQuery::default())?;
        Ok(talk_coverage(year, &roster, &self.meetings(year, Some(MeetingKind::Talk))?))
    }
}
