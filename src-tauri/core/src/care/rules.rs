//! No database: the seasons of the 慰问名单, the reasons a member is on it,
//! and when a hardship case is due for 复核 (docs/DOMAIN.md §9).
//!
//! The 元旦春节 season runs from 1 December to 31 March of the next year
//! (a fixed window that always holds both 元旦 and 春节 up to 元宵); the 七一
//! season from 1 June to 31 July.

use super::model::{CareSettings, Occasion};
use crate::date::PartialDate;
use crate::members::Member;
use chrono::{Datelike, Months, NaiveDate};

/// The reason for a member admitted before the founding of the PRC.
pub const BEFORE_1949: &str = "1949年10月1日前入党";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeasonKind {
    Spring,
    July1,
}

impl SeasonKind {
    pub fn parse(s: &str) -> Option<SeasonKind> {
        match s.trim() {
            "spring" | "春节" | "元旦" | "元旦春节" => Some(SeasonKind::Spring),
            "july1" | "七一" => Some(SeasonKind::July1),
            _ => None,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            SeasonKind::Spring => "spring",
            SeasonKind::July1 => "july1",
        }
    }
    pub fn occasion(self) -> Occasion {
        match self {
            SeasonKind::Spring => Occasion::Spring,
            SeasonKind::July1 => Occasion::July1,
        }
    }
    pub fn title(self) -> &'static str {
        match self {
            SeasonKind::Spring => "元旦春节慰问名单",
            SeasonKind::July1 => "七一慰问名单",
        }
    }
}

/// One season of visits, its first and last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Season {
    pub kind: SeasonKind,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a fixed day")
}

impl Season {
    /// The season of `kind` that holds `today`, or else the next one.
    pub fn of(kind: SeasonKind, today: NaiveDate) -> Season {
        let y = today.year();
        match kind {
            SeasonKind::Spring if today.month() <= 3 => Season { kind, start: ymd(y - 1, 12, 1), end: ymd(y, 3, 31) },
            SeasonKind::Spring => Season { kind, start: ymd(y, 12, 1), end: ymd(y + 1, 3, 31) },
            SeasonKind::July1 if today.month() <= 7 => Season { kind, start: ymd(y, 6, 1), end: ymd(y, 7, 31) },
            SeasonKind::July1 => Season { kind, start: ymd(y + 1, 6, 1), end: ymd(y + 1, 7, 31) },
        }
    }

    /// The season `today` lies in, if any.
    pub fn current(today: NaiveDate) -> Option<Season> {
        [SeasonKind::Spring, SeasonKind::July1]
            .into_iter()
            .map(|k| Season::of(k, today))
            .find(|s| s.start <= today && today <= s.end)
    }
}

/// Why `m` is on a 慰问名单 on `today`: admitted before 1949-10-01, each
/// open hardship case's category, age, 党龄. Empty: not on the list.
pub fn reasons(m: &Member, hardships: &[&str], s: &CareSettings, today: NaiveDate) -> Vec<String> {
    let mut out = Vec::new();
    let founding = PartialDate::Day(ymd(1949, 10, 1));
    if m.admitted_on.is_some_and(|a| a.surely_before(&founding)) {
        out.push(BEFORE_1949.to_string());
    }
    for h in hardships {
        if !out.iter().any(|o| o == h) {
            out.push(h.to_string());
        }
    }
    if let Some(age) = m.age(today).filter(|a| *a >= s.visit_age) {
        out.push(format!("年满{}周岁（{age}岁）", s.visit_age));
    }
    if let Some(years) = m.standing_years(today).filter(|y| *y >= s.visit_party_years) {
        out.push(format!("党龄满{}年（{years}年）", s.visit_party_years));
    }
    out
}

/// The day an open case is due for 复核: `review_months` after the last
/// review, or after it was recognised.
pub fn review_due(since: NaiveDate, reviewed_on: Option<NaiveDate>, months: u32) -> NaiveDate {
    let from = reviewed_on.map_or(since, |r| r.max(since));
    from.checked_add_months(Months::new(months)).unwrap_or(from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spring_season_runs_from_december_to_march() {
        let s = Season::of(SeasonKind::Spring, ymd(2026, 12, 2));
        assert_eq!((s.start, s.end), (ymd(2026, 12, 1), ymd(2027, 3, 31)));
        let s = Season::of(SeasonKind::Spring, ymd(2027, 3, 31));
        assert_eq!((s.start, s.end), (ymd(2026, 12, 1), ymd(2027, 3, 31)));
        assert_eq!(Season::current(ymd(2026, 11, 30)), None);
        assert_eq!(Season::current(ymd(2026, 12, 1)).map(|s| s.kind), Some(SeasonKind::Spring));
        assert_eq!(Season::current(ymd(2027, 4, 1)), None);
        assert_eq!(Season::current(ymd(2026, 6, 1)).map(|s| s.kind), Some(SeasonKind::July1));
        assert_eq!(Season::current(ymd(2026, 7, 31)).map(|s| s.kind), Some(SeasonKind::July1));
        assert_eq!(Season::current(ymd(2026, 8, 1)), None);
    }

    #[test]
    fn a_case_is_due_a_year_after_its_last_review() {
        assert_eq!(review_due(ymd(2025, 2, 28), None, 12), ymd(2026, 2, 28));
        assert_eq!(review_due(ymd(2024, 1, 5), Some(ymd(2025, 6, 30)), 12), ymd(2026, 6, 30));
        assert_eq!(review_due(ymd(2024, 2, 29), None, 12), ymd(2025, 2, 28));
    }
}
