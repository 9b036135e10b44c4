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
        Month::parse(s).ok_or_else(|| FromSqlError::Other(format!("bad month {s:?}").into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
