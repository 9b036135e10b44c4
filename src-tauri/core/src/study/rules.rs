//! No database: hours as text and tenths, the pro-rated target, the pace
//! the reminders expect and when they start (docs/DOMAIN.md §9.5).

use chrono::{Datelike, NaiveDate};

/// "1.5" → 15, "2" → 20, "0.5" → 5 (`text::tenths`); None for anything
/// else ("1.55", "-1", "一").
pub fn parse_hours(s: &str) -> Option<i64> {
    crate::text::tenths(s).filter(|t| *t >= 0)
}

/// 15 → "1.5", 120 → "12.0".
pub fn hours_text(tenths: i64) -> String {
    let sign = if tenths < 0 { "-" } else { "" };
    let t = tenths.abs();
    format!("{sign}{}.{}", t / 10, t % 10)
}

/// The target of a member in the branch `months` of 12: the full target,
/// or with pro-rating target × months ÷ 12 rounded up to a tenth.
pub fn target_for(target: i64, months: u32, prorate: bool) -> i64 {
    if !prorate || months >= 12 {
        target
    } else {
        (target * i64::from(months) + 11) / 12
    }
}

/// The hours expected by `today`: target × completed months ÷ 12, rounded
/// up to a tenth.
pub fn pace(target: i64, today: NaiveDate) -> i64 {
    (target * i64::from(today.month() - 1) + 11) / 12
}

/// `MM-DD` (also `M-D`, `10月1日`) → (month, day), a day that exists in a
/// leap year.
pub fn parse_month_day(s: &str) -> Option<(u32, u32)> {
    let s = s.trim().replace(['月', '/', '.'], "-").replace('日', "");
    let (m, d) = s.split_once('-')?;
    let (m, d): (u32, u32) = (m.trim().parse().ok()?, d.trim().parse().ok()?);
    NaiveDate::from_ymd_opt(2000, m, d).map(|_| (m, d))
}

/// The reminders run from the set day of `today`'s year to 31 December.
pub fn reminding(remind_from: &str, today: NaiveDate) -> bool {
    let (m, d) = parse_month_day(remind_from).unwrap_or((10, 1));
    // 29 February in a common year: from 1 March.
    let start = NaiveDate::from_ymd_opt(today.year(), m, d)
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(today.year(), 3, 1).expect("a fixed day"));
    today >= start
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn hours_are_tenths_with_at_most_one_place() {
        assert_eq!(parse_hours("1.5"), Some(15));
        assert_eq!(parse_hours(" 2 "), Some(20));
        assert_eq!(parse_hours("0.5"), Some(5));
        assert_eq!(parse_hours("12.0"), Some(120));
        assert_eq!((parse_hours("1."), parse_hours(".5"), parse_hours("４．５")), (Some(10), Some(5), Some(45)));
        for bad in ["1.55", "-1", "", ".", "一", "1,5", "1e2"] {
            assert_eq!(parse_hours(bad), None, "{bad}");
        }
        assert_eq!(hours_text(15), "1.5");
        assert_eq!(hours_text(120), "12.0");
        assert_eq!(hours_text(0), "0.0");
        assert_eq!(hours_text(-5), "-0.5");
    }

    #[test]
    fn a_pro_rated_target_rounds_up_to_a_tenth() {
        assert_eq!(target_for(320, 12, true), 320);
        assert_eq!(target_for(320, 3, false), 320);
        // 32 × 5 ÷ 12 = 13.333… → 13.4
        assert_eq!(target_for(320, 5, true), 134);
        assert_eq!(target_for(320, 6, true), 160);
    }

    #[test]
    fn the_pace_counts_completed_months() {
        assert_eq!(pace(320, d("2026-10-01")), 240);
        // 32 × 10 ÷ 12 = 26.666… → 26.7
        assert_eq!(pace(320, d("2026-11-15")), 267);
        assert_eq!(pace(320, d("2026-01-31")), 0);
    }

    #[test]
    fn reminders_start_on_the_set_day() {
        assert!(!reminding("10-01", d("2026-09-30")));
        assert!(reminding("10-01", d("2026-10-01")));
        assert!(reminding("10-01", d("2026-12-31")));
        assert!(!reminding("11月15日", d("2026-11-14")));
        assert!(reminding("11-15", d("2026-11-15")));
        assert_eq!(parse_month_day("02-30"), None);
        assert_eq!(parse_month_day("2-29"), Some((2, 29)));
        assert!(reminding("02-29", d("2027-03-01")));
        assert!(!reminding("02-29", d("2027-02-28")));
    }
}
