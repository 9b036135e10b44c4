//! The compliance calendar: for a year, what each kind of meeting expects
//! per period against what was held, and each gap named in Chinese.

use super::model::{Frequency, MeetingKind};
use crate::date::{first_of_month, last_of_month};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// A month, quarter or year of one calendar year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Month(i32, u32),
    Quarter(i32, u32),
    Year(i32),
}

impl Period {
    pub fn all(frequency: Frequency, year: i32) -> Vec<Period> {
        match frequency {
            Frequency::Monthly => (1..=12).map(|m| Period::Month(year, m)).collect(),
            Frequency::Quarterly => (1..=4).map(|q| Period::Quarter(year, q)).collect(),
            Frequency::Yearly => vec![Period::Year(year)],
            Frequency::None => Vec::new(),
        }
    }

    pub fn first_day(self) -> NaiveDate {
        match self {
            Period::Month(y, m) => first_of_month(y, m),
            Period::Quarter(y, q) => first_of_month(y, q * 3 - 2),
            Period::Year(y) => first_of_month(y, 1),
        }
    }

    pub fn last_day(self) -> NaiveDate {
        match self {
            Period::Month(y, m) => last_of_month(y, m),
            Period::Quarter(y, q) => last_of_month(y, q * 3),
            Period::Year(y) => last_of_month(y, 12),
        }
    }

    pub fn contains(self, d: NaiveDate) -> bool {
        self.first_day() <= d && d <= self.last_day()
    }

    /// `2026-03`, `2026-Q1` or `2026`.
    pub fn code(self) -> String {
        match self {
            Period::Month(y, m) => format!("{y:04}-{m:02}"),
            Period::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Period::Year(y) => format!("{y:04}"),
        }
    }

    /// `3月`, `第一季度`, `2026年`.
    pub fn label(self) -> String {
        match self {
            Period::Month(_, m) => format!("{m}月"),
            Period::Quarter(_, q) => format!("第{}季度", ["一", "二", "三", "四"][(q as usize).clamp(1, 4) - 1]),
            Period::Year(y) => format!("{y}年"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum CellState {
    Held,
    Missed,
    Due,
    Upcoming,
    NotRequired,
    /// Ended before the 建账日期: the app has no records of it and judges nothing.
    BeforeRecords,
}

impl CellState {
    pub fn label(self) -> &'static str {
        match self {
            CellState::Held => "已召开",
            CellState::Missed => "未召开",
            CellState::Due => "待召开",
            CellState::Upcoming => "未到期",
            CellState::NotRequired => "不作要求",
            CellState::BeforeRecords => "建账前",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct CalendarCell {
    pub period: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// The last day it can still be held: the period's end, or for the
    /// yearly 组织生活会 and 民主评议 the end of March after (所属年度).
    pub deadline: NaiveDate,
    pub label: String,
    pub expected: u32,
    pub held: u32,
    pub state: CellState,
    pub state_label: &'static str,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct CalendarRow {
    pub kind: MeetingKind,
    pub kind_label: &'static str,
    pub frequency: Frequency,
    pub frequency_label: String,
    pub cells: Vec<CalendarCell>,
}

/// Why a kind is not expected at all this year, if it is not.
pub fn not_required_reason(kind: MeetingKind, full_members: usize, groups: usize) -> Option<&'static str> {
    match kind {
        MeetingKind::Committee if full_members < 7 => Some("正式党员不足7人，不设支委会"),
        MeetingKind::GroupMeeting if groups == 0 => Some("未划分党小组"),
        _ => None,
    }
}

/// When a period's meeting is due: the period itself, except that the
/// "N年度" 组织生活会 and 民主评议 are due from October of N (usually held in
/// the fourth quarter) to the end of March of N+1, when most branches hold
/// them (docs/DOMAIN.md §3.1).
pub fn window(kind: MeetingKind, p: Period) -> (NaiveDate, NaiveDate) {
    match p {
        Period::Year(y) if kind.has_for_year() => (first_of_month(y, 10), last_of_month(y + 1, 3)),
        _ => (p.first_day(), p.last_day()),
    }
}

/// One calendar row. `held_on` holds each meeting of this kind as its date
/// and what it counts for: its own id, or for a 党小组会 its group, so that
/// each group's monthly meeting is expected once (`per_period` = groups).
#[allow(clippy::too_many_arguments)]
pub fn row(
    kind: MeetingKind,
    frequency: Frequency,
    year: i32,
    held_on: &[(NaiveDate, i64)],
    per_period: u32,
    today: NaiveDate,
    not_required: Option<&str>,
    records_from: Option<NaiveDate>,
) -> CalendarRow {
    let cells = Period::all(frequency, year)
        .into_iter()
        .map(|p| {
            let (opens, deadline) = window(kind, p);
            let mut units: Vec<i64> = held_on.iter().filter(|(d, _)| p.contains(*d)).map(|(_, u)| *u).collect();
            units.sort_unstable();
            units.dedup();
            let held = units.len() as u32;
            let expected = if not_required.is_none() { per_period } else { 0 };
            let state = if not_required.is_some() {
                CellState::NotRequired
            } else if held >= expected {
                CellState::Held
            } else if records_from.is_some_and(|r| deadline < r) {
                CellState::BeforeRecords
            } else if deadline < today {
                CellState::Missed
            } else if opens <= today {
                CellState::Due
            } else {
                CellState::Upcoming
            };
            CalendarCell {
                period: p.code(),
                first_day: p.first_day(),
                last_day: p.last_day(),
                deadline,
                label: match p {
                    Period::Year(y) if kind.has_for_year() => format!("{y}年度"),
                    _ => p.label(),
                },
                expected,
                held,
                state,
                state_label: state.label(),
            }
        })
        .collect();
    CalendarRow {
        kind,
        kind_label: kind.label(),
        frequency,
        frequency_label: match not_required {
            Some(reason) => reason.to_string(),
            None => frequency.label().to_string(),
        },
        cells,
    }
}

/// Each missed or due period named in Chinese: `第三季度未召开支部党员大会`.
pub fn gaps(rows: &[CalendarRow]) -> Vec<String> {
    let mut out = Vec::new();
    for r in rows {
        for c in &r.cells {
            match c.state {
                CellState::Missed => out.push(format!("{}未召开{}", c.label, r.kind_label)),
                CellState::Due => out.push(format!("{}尚未召开{}（本期内还可召开）", c.label, r.kind_label)),
                _ => {}
            }
        }
    }
    out
}

/// Quarter number (1–4) of a date.
pub fn quarter_of(d: NaiveDate) -> u32 {
    (d.month() - 1) / 3 + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn quarters_have_the_right_bounds() {
        let q = Period::Quarter(2026, 1);
        assert_eq!((q.first_day(), q.last_day()), (d(2026, 1, 1), d(2026, 3, 31)));
        let q4 = Period::Quarter(2026, 4);
        assert_eq!((q4.first_day(), q4.last_day()), (d(2026, 10, 1), d(2026, 12, 31)));
        assert!(Period::Quarter(2024, 1).contains(d(2024, 3, 31)));
        assert!(!Period::Quarter(2024, 1).contains(d(2024, 4, 1)));
        assert_eq!(Period::Month(2024, 2).last_day(), d(2024, 2, 29));
        assert_eq!(quarter_of(d(2026, 3, 31)), 1);
        assert_eq!(quarter_of(d(2026, 4, 1)), 2);
        assert_eq!(Period::Quarter(2026, 3).label(), "第三季度");
        assert_eq!(Period::Quarter(2026, 3).code(), "2026-Q3");
    }

    #[test]
    fn a_meeting_on_the_last_day_of_a_quarter_counts_for_that_quarter() {
        let held = [(d(2026, 3, 31), 1), (d(2026, 7, 1), 2)];
        let r = row(MeetingKind::Assembly, Frequency::Quarterly, 2026, &held, 1, d(2026, 11, 27), None, None);
        let states: Vec<CellState> = r.cells.iter().map(|c| c.state).collect();
        assert_eq!(states, [CellState::Held, CellState::Missed, CellState::Held, CellState::Due]);
        assert_eq!(
            gaps(std::slice::from_ref(&r)),
            ["第二季度未召开支部党员大会", "第四季度尚未召开支部党员大会（本期内还可召开）"]
        );
    }

    #[test]
    fn the_year_boundary_separates_december_from_january() {
        let held = [(d(2025, 12, 31), 1)];
        let r2025 = row(MeetingKind::Committee, Frequency::Monthly, 2025, &held, 1, d(2026, 1, 5), None, None);
        assert_eq!(r2025.cells[11].state, CellState::Held);
        let r2026 = row(MeetingKind::Committee, Frequency::Monthly, 2026, &held, 1, d(2026, 1, 5), None, None);
        assert_eq!(r2026.cells[0].state, CellState::Due);
        assert_eq!(r2026.cells[1].state, CellState::Upcoming);
        // Looking back at a past year, every unheld month is missed.
        let r = row(MeetingKind::Committee, Frequency::Monthly, 2025, &[], 1, d(2026, 1, 5), None, None);
        assert!(r.cells.iter().all(|c| c.state == CellState::Missed));
    }

    #[test]
    fn each_group_is_expected_to_meet_every_month() {
        // Three groups; in March group 2 met twice and group 3 not at all.
        let held = [(d(2026, 3, 2), 1), (d(2026, 3, 9), 2), (d(2026, 3, 20), 2), (d(2026, 4, 1), 3)];
        let r = row(MeetingKind::GroupMeeting, Frequency::Monthly, 2026, &held, 3, d(2026, 11, 27), None, None);
        assert_eq!((r.cells[2].held, r.cells[2].expected), (2, 3));
        assert_eq!(r.cells[2].state, CellState::Missed);
        assert_eq!(r.cells[3].held, 1);
    }

    #[test]
    fn nothing_before_the_records_start_is_judged() {
        // Books kept from 15 September: January–August are 建账前, September is judged.
        let held = [(d(2026, 3, 5), 1)];
        let r =
            row(MeetingKind::ThemeDay, Frequency::Monthly, 2026, &held, 1, d(2026, 11, 27), None, Some(d(2026, 9, 15)));
        let states: Vec<CellState> = r.cells.iter().map(|c| c.state).collect();
        assert_eq!(states[0], CellState::BeforeRecords);
        assert_eq!(states[2], CellState::Held, "a meeting entered from before still counts");
        assert_eq!(states[7], CellState::BeforeRecords);
        assert_eq!(states[8], CellState::Missed);
        assert_eq!(states[10], CellState::Due);
        assert_eq!(r.cells[0].state_label, "建账前");
        assert_eq!(gaps(std::slice::from_ref(&r)).len(), 3, "{:?}", gaps(&[r]));
    }

    #[test]
    fn last_years_review_is_due_until_the_end_of_march() {
        let review = |today, records_from| {
            row(MeetingKind::Review, Frequency::Yearly, 2026, &[], 1, today, None, records_from).cells[0].state
        };
        assert_eq!(review(d(2026, 9, 30), None), CellState::Upcoming, "not due before October");
        assert_eq!(review(d(2026, 10, 1), None), CellState::Due);
        assert_eq!(review(d(2027, 3, 31), None), CellState::Due, "still due in March of the next year");
        assert_eq!(review(d(2027, 4, 1), None), CellState::Missed);
        // Books started in January 2027: last year's review can still be held, and is judged.
        assert_eq!(review(d(2027, 1, 20), Some(d(2027, 1, 20))), CellState::Due);
        assert_eq!(review(d(2027, 4, 20), Some(d(2027, 4, 1))), CellState::BeforeRecords);
        let cell = &row(MeetingKind::LifeMeeting, Frequency::Yearly, 2026, &[], 1, d(2027, 1, 5), None, None).cells[0];
        assert_eq!((cell.label.as_str(), cell.deadline), ("2026年度", d(2027, 3, 31)));
        // Other yearly kinds keep the calendar year.
        let talk = row(MeetingKind::Lecture, Frequency::Yearly, 2026, &[], 1, d(2027, 1, 5), None, None);
        assert_eq!(talk.cells[0].state, CellState::Missed);
    }

    #[test]
    fn no_committee_below_seven_full_members() {
        assert_eq!(not_required_reason(MeetingKind::Committee, 6, 2), Some("正式党员不足7人，不设支委会"));
        assert_eq!(not_required_reason(MeetingKind::Committee, 7, 2), None);
        let r = row(MeetingKind::Committee, Frequency::Monthly, 2026, &[], 1, d(2026, 11, 27), Some("x"), None);
        assert!(r.cells.iter().all(|c| c.state == CellState::NotRequired && c.expected == 0));
        assert!(gaps(&[r]).is_empty());
    }
}
