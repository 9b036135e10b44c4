//! Probation by the Party constitution of the day (docs/DOMAIN.md §8).
//!
//! Old village members were admitted under earlier constitutions, and their
//! files are true to those rules: no probation at all between the 九大 and
//! the 十一大, six months to two years before the 八大. A 转正 date is judged
//! by the rule of the era the member was admitted in, never by today's alone.

use crate::date::{anniversary_in, PartialDate};
use chrono::{Datelike, Months, NaiveDate};

/// The constitution whose probation rule applied on an admission day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Era {
    /// Before the 八大党章 (adopted 1956-09-26): six months to two years by class (七大党章 1945).
    BeforeBada,
    /// 八大党章 1956: one year.
    Bada,
    /// 九大 (1969-04-14) and 十大 (1973) 党章: no probation.
    NoProbation,
    /// From the 十一大党章 (1977-08-18) on: one year, extendable once.
    Current,
}

pub fn bada_adopted() -> NaiveDate {
    NaiveDate::from_ymd_opt(1956, 9, 26).expect("a real day")
}
pub fn jiuda_adopted() -> NaiveDate {
    NaiveDate::from_ymd_opt(1969, 4, 14).expect("a real day")
}
pub fn shiyida_adopted() -> NaiveDate {
    NaiveDate::from_ymd_opt(1977, 8, 18).expect("a real day")
}

pub fn era_on(day: NaiveDate) -> Era {
    if day < bada_adopted() {
        Era::BeforeBada
    } else if day < jiuda_adopted() {
        Era::Bada
    } else if day < shiyida_adopted() {
        Era::NoProbation
    } else {
        Era::Current
    }
}

/// The eras an admission date may fall in: two when only the month is
/// known and the month holds a boundary (1956-09, 1969-04, 1977-08).
pub fn eras_of(admitted: PartialDate) -> Vec<Era> {
    let (a, b) = (era_on(admitted.first_day()), era_on(admitted.last_day()));
    if a == b {
        vec![a]
    } else {
        vec![a, b]
    }
}

pub const NO_PROBATION_NOTE: &str = "九大/十大党章期间入党，无预备期";
pub const BEFORE_BADA_NOTE: &str = "1956年八大党章通过以前入党，当时预备期按成分为半年至两年";

/// The day a one-year probation ends, after an extension of `extra_months`:
/// admission + 1 year (+ the extension), 29 February on 28 February.
pub fn probation_end(admitted: PartialDate, extra_months: u32) -> PartialDate {
    let shift = |d: NaiveDate| -> NaiveDate {
        let a = anniversary_in(d, d.year() + 1);
        a.checked_add_months(Months::new(extra_months)).unwrap_or(a)
    };
    match admitted {
        PartialDate::Day(d) => PartialDate::Day(shift(d)),
        PartialDate::Month { year, month } => {
            let first = crate::date::first_of_month(year, month);
            let end = shift(first);
            PartialDate::Month { year: end.year(), month: end.month() }
        }
    }
}

/// What the era rules say of a pair of 入党/转正 dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FullDateVerdict {
    /// As the rule of the day expects.
    Fits,
    /// Accepted; the member page shows the note.
    FitsWithNote(&'static str),
    /// Later (or otherwise other) than the day probation ended: accepted only
    /// with a written reason. Holds the day it should have been.
    NeedsReason(PartialDate),
    /// Refused, with the message for the field.
    Refused(String),
}

fn overlaps(a: PartialDate, lo: NaiveDate, hi: NaiveDate) -> bool {
    a.last_day() >= lo && a.first_day() <= hi
}

fn judge_one(era: Era, admitted: PartialDate, full: PartialDate, extra_months: u32) -> FullDateVerdict {
    match era {
        Era::NoProbation => {
            if full.last_day() < admitted.first_day() {
                FullDateVerdict::Refused("转正日期不能早于入党日期，请核对".into())
            } else if overlaps(full, admitted.first_day(), admitted.last_day()) {
                FullDateVerdict::FitsWithNote(NO_PROBATION_NOTE)
            } else {
                FullDateVerdict::Fits
            }
        }
        Era::BeforeBada => {
            let lo = admitted.first_day().checked_add_months(Months::new(6)).unwrap_or(NaiveDate::MAX);
            let hi = admitted.last_day().checked_add_months(Months::new(24)).unwrap_or(NaiveDate::MAX);
            if overlaps(full, lo, hi) {
                FullDateVerdict::FitsWithNote(BEFORE_BADA_NOTE)
            } else {
                FullDateVerdict::Refused(
                    "1956年以前入党的，当时预备期为半年至两年，转正日期应在入党后半年到两年之间，请核对".into(),
                )
            }
        }
        Era::Bada | Era::Current => {
            if full.last_day() <= admitted.first_day() {
                return FullDateVerdict::Refused("转正日期应晚于入党日期，请核对".into());
            }
            let one_year = probation_end(admitted, 0);
            if full.last_day() < one_year.first_day() {
                return FullDateVerdict::Refused("预备期为一年，转正日期应在入党满一年之后，请核对".into());
            }
            let end = probation_end(admitted, extra_months);
            if overlaps(full, end.first_day(), end.last_day()) {
                FullDateVerdict::Fits
            } else {
                FullDateVerdict::NeedsReason(end)
            }
        }
    }
}

/// Judges a 转正 date against the rule of the admission's era. With two
/// possible eras (a month-only boundary date) the kinder verdict wins.
pub fn judge_full_member_on(admitted: PartialDate, full: PartialDate, extra_months: u32) -> FullDateVerdict {
    let rank = |v: &FullDateVerdict| match v {
        FullDateVerdict::Fits => 0,
        FullDateVerdict::FitsWithNote(_) => 1,
        FullDateVerdict::NeedsReason(_) => 2,
        FullDateVerdict::Refused(_) => 3,
    };
    eras_of(admitted)
        .into_iter()
        .map(|e| judge_one(e, admitted, full, extra_months))
        .min_by_key(rank)
        .unwrap_or(FullDateVerdict::Fits)
}

/// The note a member page shows for the admission's era, if any.
pub fn era_note(admitted: Option<PartialDate>, full: Option<PartialDate>) -> Option<&'static str> {
    match judge_full_member_on(admitted?, full?, 0) {
        FullDateVerdict::FitsWithNote(n) => Some(n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn era_boundaries_fall_on_the_day_each_constitution_was_adopted() {
        assert_eq!(era_on(NaiveDate::from_ymd_opt(1969, 4, 13).unwrap()), Era::Bada);
        assert_eq!(era_on(NaiveDate::from_ymd_opt(1969, 4, 14).unwrap()), Era::NoProbation);
        assert_eq!(era_on(NaiveDate::from_ymd_opt(1977, 8, 17).unwrap()), Era::NoProbation);
        assert_eq!(era_on(NaiveDate::from_ymd_opt(1977, 8, 18).unwrap()), Era::Current);
        assert_eq!(era_on(NaiveDate::from_ymd_opt(1956, 9, 25).unwrap()), Era::BeforeBada);
        assert_eq!(era_on(NaiveDate::from_ymd_opt(1956, 9, 26).unwrap()), Era::Bada);
    }

    #[test]
    fn admitted_equals_full_only_between_the_jiuda_and_the_shiyida() {
        for (date, ok) in [("1969-04-13", false), ("1969-04-14", true), ("1977-08-17", true), ("1977-08-18", false)] {
            let v = judge_full_member_on(day(date), day(date), 0);
            if ok {
                assert_eq!(v, FullDateVerdict::FitsWithNote(NO_PROBATION_NOTE), "{date}");
            } else {
                assert_eq!(v, FullDateVerdict::Refused("转正日期应晚于入党日期，请核对".into()), "{date}");
            }
        }
        // A month-only date in the boundary month may be either side.
        assert_eq!(
            judge_full_member_on(day("1977-08"), day("1977-08"), 0),
            FullDateVerdict::FitsWithNote(NO_PROBATION_NOTE)
        );
        // A year's probation in those years is no error either.
        assert_eq!(judge_full_member_on(day("1970-03-01"), day("1971-03-01"), 0), FullDateVerdict::Fits);
    }

    #[test]
    fn before_1956_six_months_to_two_years() {
        assert_eq!(
            judge_full_member_on(day("1952-05-01"), day("1952-11-01"), 0),
            FullDateVerdict::FitsWithNote(BEFORE_BADA_NOTE)
        );
        assert_eq!(
            judge_full_member_on(day("1952-05-01"), day("1954-05-01"), 0),
            FullDateVerdict::FitsWithNote(BEFORE_BADA_NOTE)
        );
        assert!(matches!(judge_full_member_on(day("1952-05-01"), day("1952-10-31"), 0), FullDateVerdict::Refused(_)));
        assert!(matches!(judge_full_member_on(day("1952-05-01"), day("1954-05-02"), 0), FullDateVerdict::Refused(_)));
    }

    #[test]
    fn today_full_membership_is_the_day_probation_ends() {
        assert_eq!(judge_full_member_on(day("2010-06-20"), day("2011-06-20"), 0), FullDateVerdict::Fits);
        assert_eq!(
            judge_full_member_on(day("2010-06-20"), day("2011-06-28"), 0),
            FullDateVerdict::NeedsReason(day("2011-06-20"))
        );
        // 29 February ends on 28 February of the next year.
        assert_eq!(judge_full_member_on(day("2004-02-29"), day("2005-02-28"), 0), FullDateVerdict::Fits);
        assert_eq!(
            judge_full_member_on(day("2004-02-29"), day("2005-03-01"), 0),
            FullDateVerdict::NeedsReason(day("2005-02-28"))
        );
        // Month-only dates agree when the months do.
        assert_eq!(judge_full_member_on(day("1985-07"), day("1986-07"), 0), FullDateVerdict::Fits);
        assert_eq!(judge_full_member_on(day("1985-07-01"), day("1986-07"), 0), FullDateVerdict::Fits);
    }

    #[test]
    fn an_extension_moves_the_end() {
        assert_eq!(probation_end(day("2024-03-10"), 6), day("2025-09-10"));
        assert_eq!(judge_full_member_on(day("2024-03-10"), day("2025-09-10"), 6), FullDateVerdict::Fits);
        assert_eq!(
            judge_full_member_on(day("2024-03-10"), day("2025-03-10"), 6),
            FullDateVerdict::NeedsReason(day("2025-09-10"))
        );
        assert_eq!(probation_end(day("2024-02-29"), 12), day("2026-02-28"));
    }
}
