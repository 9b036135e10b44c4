//! Who was a member of this branch on a given day, and in what standing
//! (docs/DOMAIN.md §3.2): built from the admission date, the status history
//! and the transfer letters. Meetings ask it who should have attended; the
//! dues ledger asks it which months were owed here.

use super::model::{MemberKind, Status, TransferDirection};
use crate::date::PartialDate;
use crate::error::Result;
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::HashMap;

/// One transfer letter as the timeline needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TransferMark {
    pub date: NaiveDate,
    pub direction: TransferDirection,
    /// 党费交至月份 as (year, month), when the letter says.
    pub dues_paid_to: Option<(i32, u32)>,
}

/// A member's history in this branch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    pub name: String,
    pub kind: MemberKind,
    pub admitted: Option<PartialDate>,
    pub full_member_on: Option<PartialDate>,
    pub group_id: Option<i64>,
    pub deleted: bool,
    /// (first day it held, status), oldest first.
    pub statuses: Vec<(NaiveDate, Status)>,
    /// Oldest first.
    pub transfers: Vec<TransferMark>,
    /// Moves between 党小组: (day, from, to), oldest first.
    pub group_changes: Vec<(NaiveDate, Option<i64>, Option<i64>)>,
}

impl Timeline {
    /// In this branch on `day`, by the transfer letters: before the first
    /// letter, in the branch unless the member came by transfer.
    pub fn in_branch_at(&self, day: NaiveDate) -> bool {
        match self.transfers.iter().rev().find(|t| t.date <= day) {
            Some(t) => t.direction == TransferDirection::In,
            None => self.transfers.first().is_none_or(|t| t.direction == TransferDirection::Out),
        }
    }

    /// The 党籍状态 on `day` (正常 before any change).
    pub fn status_on(&self, day: NaiveDate) -> Status {
        self.statuses.iter().rev().find(|(d, _)| *d <= day).map_or(Status::Normal, |(_, s)| *s)
    }

    /// The 党小组 the member was in on `day`: the group left at the first
    /// move after that day, or the current one.
    pub fn group_on(&self, day: NaiveDate) -> Option<i64> {
        self.group_changes.iter().find(|(d, _, _)| *d > day).map_or(self.group_id, |(_, from, _)| *from)
    }

    /// Admitted by `day` (a month-only admission counts from its first day).
    pub fn admitted_by(&self, day: NaiveDate) -> bool {
        self.admitted.is_some_and(|a| a.first_day() <= day)
    }

    /// Should attend a meeting held on `day`: admitted by then, in the
    /// branch, taking part (正常 or 留党察看), and the file not deleted.
    pub fn should_attend_on(&self, day: NaiveDate) -> bool {
        !self.deleted && self.admitted_by(day) && self.in_branch_at(day) && self.status_on(day).takes_part()
    }

    /// The months (0–12) of `year` the member was one of this branch's,
    /// judged on the first and last day of each month: who a year's 学时 and
    /// 积分 count (docs/DOMAIN.md §9.5).
    pub fn months_in_branch(&self, year: i32) -> u32 {
        (1..=12)
            .filter(|&m| {
                self.should_attend_on(crate::date::first_of_month(year, m))
                    || self.should_attend_on(crate::date::last_of_month(year, m))
            })
            .count() as u32
    }

    /// 正式党员 on `day` if the 转正 had surely come by then, else 预备党员.
    pub fn kind_on(&self, day: NaiveDate) -> MemberKind {
        if self.kind == MemberKind::Full && self.full_member_on.is_none_or(|d| d.last_day() <= day) {
            MemberKind::Full
        } else {
            MemberKind::Probationary
        }
    }

    /// Has a vote on `day`: a full member by then (转正 surely passed), not
    /// under 留党察看 (党章 第四十条; docs/DOMAIN.md §8).
    pub fn voting_on(&self, day: NaiveDate) -> bool {
        self.kind_on(day) == MemberKind::Full && self.status_on(day) == Status::Normal
    }

    /// Why the member was not one of this branch's on `day`, in Chinese.
    pub fn absence_reason(&self, day: NaiveDate) -> Option<&'static str> {
        if self.deleted {
            Some("档案已删除")
        } else if !self.admitted_by(day) {
            Some("当天还未入党")
        } else if !self.in_branch_at(day) {
            Some("当天组织关系不在本支部")
        } else {
            match self.status_on(day) {
                Status::Normal | Status::Watch => None,
                Status::Suspended => Some("当天已停止党籍"),
                Status::Expelled => Some("当天已出党"),
                Status::Deceased => Some("当天已去世"),
                Status::Cancelled => Some("当天已取消预备党员资格"),
            }
        }
    }
}

/// Every member's timeline, deleted files included (marked so).
pub fn timelines(conn: &Connection) -> Result<HashMap<i64, Timeline>> {
    let mut out: HashMap<i64, Timeline> = HashMap::new();
    let mut current: HashMap<i64, (Status, Option<PartialDate>)> = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT id, name, kind, admitted_on, full_member_on, group_id, deleted_at IS NOT NULL, status, status_date
         FROM members",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            Timeline {
                name: r.get(1)?,
                kind: r.get(2)?,
                admitted: r.get(3)?,
                full_member_on: r.get(4)?,
                group_id: r.get(5)?,
                deleted: r.get(6)?,
                statuses: Vec::new(),
                transfers: Vec::new(),
                group_changes: Vec::new(),
            },
            r.get::<_, Status>(7)?,
            r.get::<_, Option<PartialDate>>(8)?,
        ))
    })?;
    for row in rows {
        let (id, t, status, status_date) = row?;
        out.insert(id, t);
        current.insert(id, (status, status_date));
    }
    let mut stmt = conn.prepare("SELECT member_id, date, status FROM member_status_changes ORDER BY date, id")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, PartialDate>(1)?, r.get::<_, Status>(2)?)))? {
        let (id, date, status) = row?;
        if let Some(t) = out.get_mut(&id) {
            t.statuses.push((date.first_day(), status));
        }
    }
    // A status set without a history row (older data): from its date, or always.
    for (id, t) in out.iter_mut() {
        if let Some((status, date)) = current.get(id) {
            if t.statuses.is_empty() && *status != Status::Normal {
                t.statuses.push((date.map_or(NaiveDate::MIN, |d| d.first_day()), *status));
            }
        }
    }
    let mut stmt = conn.prepare("SELECT member_id, date, direction, dues_paid_to FROM transfers ORDER BY date, id")?;
    for row in stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, PartialDate>(1)?,
            r.get::<_, TransferDirection>(2)?,
            r.get::<_, Option<PartialDate>>(3)?,
        ))
    })? {
        let (id, date, direction, paid_to) = row?;
        if let Some(t) = out.get_mut(&id) {
            t.transfers.push(TransferMark {
                date: date.first_day(),
                direction,
                dues_paid_to: paid_to.map(|p| (p.year(), p.month_number())),
            });
        }
    }
    let mut stmt =
        conn.prepare("SELECT member_id, date, from_group_id, to_group_id FROM member_group_changes ORDER BY date, id")?;
    for row in stmt.query_map([], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, PartialDate>(1)?, r.get::<_, Option<i64>>(2)?, r.get::<_, Option<i64>>(3)?))
    })? {
        let (id, date, from, to) = row?;
        if let Some(t) = out.get_mut(&id) {
            t.group_changes.push((date.first_day(), from, to));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn member(admitted: &str) -> Timeline {
        Timeline {
            name: "张三".into(),
            kind: MemberKind::Full,
            admitted: Some(PartialDate::parse(admitted).unwrap()),
            full_member_on: None,
            group_id: None,
            deleted: false,
            statuses: Vec::new(),
            transfers: Vec::new(),
            group_changes: Vec::new(),
        }
    }

    #[test]
    fn a_group_meeting_knows_the_group_of_that_day() {
        let mut t = member("2000-07-01");
        t.group_id = Some(2);
        t.group_changes.push((d(2026, 6, 1), Some(1), Some(2)));
        assert_eq!(t.group_on(d(2026, 5, 31)), Some(1));
        assert_eq!(t.group_on(d(2026, 6, 1)), Some(2));
        assert_eq!(t.group_on(d(2026, 12, 1)), Some(2));
    }

    #[test]
    fn a_june_admission_was_not_at_a_january_meeting() {
        let t = member("2026-06-20");
        assert!(!t.should_attend_on(d(2026, 1, 10)));
        assert_eq!(t.absence_reason(d(2026, 1, 10)), Some("当天还未入党"));
        assert!(t.should_attend_on(d(2026, 6, 20)));
    }

    #[test]
    fn transfers_and_statuses_bound_membership() {
        let mut t = member("2000-07-01");
        t.transfers.push(TransferMark { date: d(2026, 3, 1), direction: TransferDirection::In, dues_paid_to: None });
        assert!(!t.should_attend_on(d(2026, 2, 28)), "came by transfer in March");
        assert!(t.should_attend_on(d(2026, 3, 1)));
        t.statuses.push((d(2026, 5, 1), Status::Watch));
        assert!(t.should_attend_on(d(2026, 6, 1)), "留党察看 still attends");
        assert!(!t.voting_on(d(2026, 6, 1)), "but has no vote");
        assert!(t.voting_on(d(2026, 4, 30)));
        t.statuses.push((d(2026, 8, 1), Status::Deceased));
        assert!(!t.should_attend_on(d(2026, 8, 2)));
    }
}
