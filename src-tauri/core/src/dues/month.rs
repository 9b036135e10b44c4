//! A calendar month (`2026-03`), the unit dues are owed and paid in.

use chrono::{Datelike, NaiveDate};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Serialize, Serializer};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    /// 1–12
    pub month: u32,
}

impl Month {
    pub fn new(year: i32, month: u32) -> Option<Month> {
        (1..=12).contains(&month).then_some(Month { year, month })
    }

    pub fn of(d: NaiveDate) -> Month {
        Month { year: d.year(), month: d.month() }
    }

    /// Reads `2026-03`, `2026-3`, `2026.03` or `2026年3月`.
    pub fn parse(s: &str) -> Option<Month> {
        match crate::date::PartialDate::parse(s).ok()? {
            crate::date::PartialDate::Month { year, month } => Month::new(year, month),
            crate::date::PartialDate::Day(_) => None,
        }
    }

    /// The month `n` months later (earlier when negative).
    pub fn plus(self, n: i32) -> Month {
        let index = self.year * 12 + self.month as i32 - 1 + n;
        Month { year: index.div_euclid(12), month: index.rem_euclid(12) as u32 + 1 }
    }

    /// Months from `self` to `other` (positive when `other` is later).
    pub fn until(self, other: Month) -> i32 {
        (other.year * 12 + other.month as i32) - (self.year * 12 + self.month as i32)
    }

    pub fn first_day(self) -> NaiveDate {
        crate::date::first_of_month(self.year, self.month)
    }

    pub fn last_day(self) -> NaiveDate {
        crate::date::last_of_month(self.year, self.month)
    }

    pub fn label(self) -> String {
        format!("{}年{}月", self.year, self.month)
    }

    /// Every month of a year.
    pub fn year_months(year: i32) -> impl Iterator<Item = Month> {
        (1..=12).map(move |m| Month { year, month: m })
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

crate::ts::text_type!(Month, "A calendar month as YYYY-MM.");

impl ToSql for Month {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.to_string()))
    }
}

impl FromSql for Month {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let s = value.as_str()?;
        // Stored as `YYYY-MM`: read those digits at once (five years of a
        // large branch's payments are tens of thousands of rows); anything
        // else through the full reader.
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| {
            b[r].iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
        };
        let quick = (b.len() == 7 && b[4] == b'-')
            .then(|| Some((digits(0..4)?, digits(5..7)?)))
            .flatten()
            .and_then(|(y, m)| Month::new(y as i32, m));
        quick.or_else(|| Month::parse(s)).ok_or_else(|| FromSqlError::Other(format!("bad month {s:?}").into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_month_is_read_quickly_and_anything_else_carefully() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let read = |s: &str| conn.query_row("SELECT ?1", [s], |r| r.get::<_, Month>(0));
        assert_eq!(read("2026-03").unwrap(), Month { year: 2026, month: 3 });
        assert_eq!(read("1962-12").unwrap(), Month { year: 1962, month: 12 });
        assert!(read("2026-13").is_err());
        assert!(read("2026-00").is_err());
        assert!(read("20a6-03").is_err());
        assert_eq!(read("2026年3月").unwrap(), Month { year: 2026, month: 3 });
        assert_eq!(read("2026-3").unwrap(), Month { year: 2026, month: 3 });
    }

    #[test]
    fn month_arithmetic_crosses_years() {
        let dec = Month::new(2025, 12).unwrap();
        assert_eq!(dec.plus(1), Month::new(2026, 1).unwrap());
        assert_eq!(dec.plus(-12), Month::new(2024, 12).unwrap());
        assert_eq!(Month::new(2026, 1).unwrap().plus(-1), dec);
        assert_eq!(dec.until(Month::new(2026, 6).unwrap()), 6);
        assert_eq!(Month::parse("2026-3"), Month::new(2026, 3));
        assert_eq!(Month::parse("2026-03-01"), None);
        assert_eq!(Month::new(2024, 2).unwrap().last_day(), NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
        assert_eq!(dec.to_string(), "2025-12");
    }
}
