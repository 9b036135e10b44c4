//! Dates that may be known only to the month.
//!
//! Old records often say `1962.01` for a 入党时间: the day was never written
//! down. Such a date is kept as [`PartialDate::Month`] and shown as
//! `1962-01`; no day is ever invented. Stored as ISO text (`YYYY-MM-DD` or
//! `YYYY-MM`), which also sorts correctly as text.

use chrono::{Datelike, NaiveDate};
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartialDate {
    /// The exact day is known.
    Day(NaiveDate),
    /// Only the year and month are known.
    Month { year: i32, month: u32 },
}

/// Why a typed date was not understood. The message is for the form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("日期格式不对，请写成 1985-07-01；只知道年月的写成 1985-07")]
    Format,
    #[error("没有这一天，请核对月份和日期")]
    NoSuchDay,
}

impl PartialDate {
    pub fn month(year: i32, month: u32) -> Option<Self> {
        (1..=12).contains(&month).then_some(PartialDate::Month { year, month })
    }

    /// Reads the spellings people type: `1985-07-01`, `1985-7-1`, `1985/7/1`,
    /// `1985.07.01`, `1985年7月1日`, `19850701`; and month-only `1985-07`,
    /// `1985.7`, `1985年7月`, `198507`. Surrounding spaces are ignored.
    pub fn parse(input: &str) -> Result<Self, DateError> {
        let s = input.trim();
        if s.chars().all(|c| c.is_ascii_digit()) {
            return match s.len() {
                8 => Self::from_parts(&s[0..4], &s[4..6], Some(&s[6..8])),
                6 => Self::from_parts(&s[0..4], &s[4..6], None),
                _ => Err(DateError::Format),
            };
        }
        let normalised: String = s
            .chars()
            .map(|c| match c {
                '年' | '月' | '/' | '.' | '-' | '－' | '．' => '-',
                c => c,
            })
            .filter(|c| *c != '日' && *c != '号')
            .collect();
        let parts: Vec<&str> = normalised.trim_end_matches('-').split('-').collect();
        match parts.as_slice() {
            [y, m] => Self::from_parts(y, m, None),
            [y, m, d] => Self::from_parts(y, m, Some(d)),
            _ => Err(DateError::Format),
        }
    }

    fn from_parts(y: &str, m: &str, d: Option<&str>) -> Result<Self, DateError> {
        let num = |s: &str, max_len: usize| -> Result<u32, DateError> {
            if s.is_empty() || s.len() > max_len || !s.chars().all(|c| c.is_ascii_digit()) {
                return Err(DateError::Format);
            }
            s.parse().map_err(|_| DateError::Format)
        };
        if y.len() != 4 {
            return Err(DateError::Format);
        }
        let year = num(y, 4)? as i32;
        let month = num(m, 2)?;
        if !(1..=12).contains(&month) {
            return Err(DateError::NoSuchDay);
        }
        match d {
            None => Ok(PartialDate::Month { year, month }),
            Some(d) => {
                let day = num(d, 2)?;
                NaiveDate::from_ymd_opt(year, month, day).map(PartialDate::Day).ok_or(DateError::NoSuchDay)
            }
        }
    }

    /// Parses an optional form field: empty text is `None`.
    pub fn parse_opt(input: &str) -> Result<Option<Self>, DateError> {
        if input.trim().is_empty() {
            Ok(None)
        } else {
            Self::parse(input).map(Some)
        }
    }

    pub fn year(&self) -> i32 {
        match self {
            PartialDate::Day(d) => d.year(),
            PartialDate::Month { year, .. } => *year,
        }
    }

    pub fn month_number(&self) -> u32 {
        match self {
            PartialDate::Day(d) => d.month(),
            PartialDate::Month { month, .. } => *month,
        }
    }

    pub fn day_known(&self) -> bool {
        matches!(self, PartialDate::Day(_))
    }

    /// The earliest day this date can be.
    pub fn first_day(&self) -> NaiveDate {
        match *self {
            PartialDate::Day(d) => d,
            PartialDate::Month { year, month } => first_of_month(year, month),
        }
    }

    /// The latest day this date can be.
    pub fn last_day(&self) -> NaiveDate {
        match *self {
            PartialDate::Day(d) => d,
            PartialDate::Month { year, month } => last_of_month(year, month),
        }
    }

    /// True only when `self` is certainly on a day before `other`.
    pub fn surely_before(&self, other: &PartialDate) -> bool {
        self.last_day() < other.first_day()
    }

    /// True when `self` cannot be before `other` whatever the unknown days are.
    pub fn surely_not_before(&self, other: &PartialDate) -> bool {
        self.first_day() >= other.last_day()
    }

    pub fn to_iso(&self) -> String {
        self.to_string()
    }

    /// `2026年11月27日`, or `1962年1月` when the day is unknown.
    pub fn to_chinese(&self) -> String {
        match self {
            PartialDate::Day(d) => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
            PartialDate::Month { year, month } => format!("{year}年{month}月"),
        }
    }
}

pub fn first_of_month(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
}

pub fn last_of_month(year: i32, month: u32) -> NaiveDate {
    let (ny, nm) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    first_of_month(ny, nm).pred_opt().unwrap_or(NaiveDate::MIN)
}

/// The same month and day in `year`; 29 February falls on 28 February in a
/// common year (docs/DOMAIN.md §5).
pub fn anniversary_in(date: NaiveDate, year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, date.month(), date.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), date.day() - 1))
        .unwrap_or(NaiveDate::MIN)
}

/// Whole years from `from` to `to` (0 when `to` is before the first anniversary).
pub fn whole_years(from: NaiveDate, to: NaiveDate) -> i32 {
    if to < from {
        return 0;
    }
    let mut years = to.year() - from.year();
    if anniversary_in(from, to.year()) > to {
        years -= 1;
    }
    years.max(0)
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartialDate::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            PartialDate::Month { year, month } => write!(f, "{year:04}-{month:02}"),
        }
    }
}

impl From<NaiveDate> for PartialDate {
    fn from(d: NaiveDate) -> Self {
        PartialDate::Day(d)
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Orders by earliest possible day, a month before any day inside it.
impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.first_day().cmp(&other.first_day()).then(self.day_known().cmp(&other.day_known()))
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PartialDate::parse(&s).map_err(serde::de::Error::custom)
    }
}

crate::ts::text_type!(PartialDate, "A date as YYYY-MM-DD, or YYYY-MM when only the month is known.");

impl ToSql for PartialDate {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.to_string()))
    }
}

impl PartialDate {
    /// A stored date: the forms the database holds (`YYYY-MM-DD`,
    /// `YYYY-MM`) are taken apart where they stand, without the
    /// normalising a typed date needs (reading 10,000 members spent a third
    /// of its time there — docs/PERFORMANCE.md); anything else as typed.
    fn parse_stored(s: &str) -> Result<Self, DateError> {
        let b = s.as_bytes();
        // A '-' at byte 4 (and 7) is a whole character, so the slices fall
        // on character boundaries whatever the other bytes are.
        match b.len() {
            10 if b[4] == b'-' && b[7] == b'-' => Self::from_parts(&s[0..4], &s[5..7], Some(&s[8..10])),
            7 if b[4] == b'-' => Self::from_parts(&s[0..4], &s[5..7], None),
            _ => Self::parse(s),
        }
    }
}

impl FromSql for PartialDate {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let s = value.as_str()?;
        PartialDate::parse_stored(s).map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_date_reads_as_the_same_text_typed() {
        for s in [
            "2026-05-07",
            "1956-03",
            "2026-02-29",
            "2024-02-29",
            "2026-13-01",
            "2026-00",
            "2026-1-07",
            "２026-05-07",
            "2026-05-0x",
            "20260507",
            "2026年5月",
            "2026-05-07-",
            "1956",
            "",
            "2026-05-07 ",
            "年年-05-07",
            "2026-年-07",
            "2026-é-07",
            "é02-05-07",
        ] {
            assert_eq!(PartialDate::parse_stored(s), PartialDate::parse(s), "{s:?}");
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parses_every_usual_spelling_of_a_day() {
        for s in ["1985-07-01", "1985-7-1", "1985/7/1", "1985.07.01", "1985年7月1日", "19850701", " 1985-07-01 "] {
            assert_eq!(PartialDate::parse(s), Ok(PartialDate::Day(d(1985, 7, 1))), "{s}");
        }
    }

    #[test]
    fn month_only_stays_month_precision() {
        for s in ["1962-01", "1962.01", "1962.1", "1962年1月", "196201", "1962/01"] {
            let p = PartialDate::parse(s).unwrap();
            assert_eq!(p, PartialDate::Month { year: 1962, month: 1 }, "{s}");
            assert!(!p.day_known());
            assert_eq!(p.to_iso(), "1962-01");
        }
    }

    #[test]
    fn refuses_impossible_and_garbled_dates() {
        assert_eq!(PartialDate::parse("2023-02-29"), Err(DateError::NoSuchDay));
        assert_eq!(PartialDate::parse("1985-13"), Err(DateError::NoSuchDay));
        assert_eq!(PartialDate::parse("85-07-01"), Err(DateError::Format));
        assert_eq!(PartialDate::parse("1985"), Err(DateError::Format));
        assert_eq!(PartialDate::parse("abc"), Err(DateError::Format));
        assert_eq!(PartialDate::parse("1985-07-01-02"), Err(DateError::Format));
        assert_eq!(PartialDate::parse("2024-02-29"), Ok(PartialDate::Day(d(2024, 2, 29))));
    }

    #[test]
    fn month_spans_its_days_for_ordering() {
        let m = PartialDate::Month { year: 2024, month: 2 };
        assert_eq!(m.first_day(), d(2024, 2, 1));
        assert_eq!(m.last_day(), d(2024, 2, 29));
        let inside = PartialDate::Day(d(2024, 2, 10));
        assert!(!m.surely_before(&inside));
        assert!(!m.surely_not_before(&inside));
        assert!(m.surely_before(&PartialDate::Day(d(2024, 3, 1))));
        assert!(m.surely_not_before(&PartialDate::Day(d(2024, 2, 1))));
    }

    #[test]
    fn leap_day_anniversary_falls_on_28_february() {
        assert_eq!(anniversary_in(d(2000, 2, 29), 2001), d(2001, 2, 28));
        assert_eq!(anniversary_in(d(2000, 2, 29), 2004), d(2004, 2, 29));
        assert_eq!(whole_years(d(2000, 2, 29), d(2001, 2, 27)), 0);
        assert_eq!(whole_years(d(2000, 2, 29), d(2001, 2, 28)), 1);
        assert_eq!(whole_years(d(1990, 7, 1), d(2026, 6, 30)), 35);
        assert_eq!(whole_years(d(1990, 7, 1), d(2026, 7, 1)), 36);
        assert_eq!(whole_years(d(2026, 7, 1), d(2026, 6, 1)), 0);
    }

    #[test]
    fn round_trips_through_text_and_json() {
        for s in ["2026-11-27", "1962-01"] {
            let p = PartialDate::parse(s).unwrap();
            assert_eq!(p.to_string(), s);
            let json = serde_json::to_string(&p).unwrap();
            assert_eq!(json, format!("\"{s}\""));
            assert_eq!(serde_json::from_str::<PartialDate>(&json).unwrap(), p);
        }
        assert_eq!(PartialDate::parse("1962-01").unwrap().to_chinese(), "1962年1月");
        assert_eq!(PartialDate::parse("2026-11-07").unwrap().to_chinese(), "2026年11月7日");
    }
}
