//! Working days for a 公示 (docs/DOMAIN.md §4.4): Monday to Friday, but for
//! the days the State Council's yearly notice moves — a weekday off
//! (`holiday`) or a weekend worked (`workday`). The table is data
//! (`calendar_days`, editable in 设置), never code.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::collections::HashMap;

/// The days that are not what their weekday says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WorkCalendar {
    /// `true`: a working day (a weekend worked); `false`: a day off.
    pub overrides: HashMap<NaiveDate, bool>,
}

impl WorkCalendar {
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        match self.overrides.get(&d) {
            Some(work) => *work,
            None => !matches!(d.weekday(), Weekday::Sat | Weekday::Sun),
        }
    }

    /// Working days from `from` to `to`, both counted.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        from.iter_days().take_while(|d| *d <= to).filter(|d| self.is_working_day(*d)).count() as u32
    }

    /// The last day of a 公示 of `n` working days starting on `from` (which
    /// counts when it is a working day).
    pub fn end_of(&self, from: NaiveDate, n: u32) -> NaiveDate {
        let mut d = from;
        let mut left = n;
        loop {
            if self.is_working_day(d) {
                left = left.saturating_sub(1);
                if left == 0 {
                    return d;
                }
            }
            match d.checked_add_days(Days::new(1)) {
                Some(next) => d = next,
                None => return d,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// 2026: 国庆 1–7 October with 5 weekdays off; 10 October (Saturday) worked.
    fn calendar_2026() -> WorkCalendar {
        let mut c = WorkCalendar::default();
        for day in ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"] {
            c.overrides.insert(d(day), false);
        }
        c.overrides.insert(d("2026-09-20"), true);
        c.overrides.insert(d("2026-10-10"), true);
        c
    }

    #[test]
    fn five_working_days_over_guoqing_skip_the_holiday_and_count_the_saturday_worked() {
        let c = calendar_2026();
        // From Wednesday 30 September: 30 Sep, then 8, 9, 10 (Sat, worked), 12 October.
        assert_eq!(c.end_of(d("2026-09-30"), 5), d("2026-10-12"));
        assert_eq!(c.working_days_between(d("2026-09-30"), d("2026-10-12")), 5);
        assert_eq!(c.working_days_between(d("2026-09-30"), d("2026-10-09")), 3);
        // Without the table, plain weekdays: 30 Sep, 1, 2, 5, 6 October.
        assert_eq!(WorkCalendar::default().end_of(d("2026-09-30"), 5), d("2026-10-06"));
    }

    #[test]
    fn a_notice_put_up_on_a_weekend_starts_counting_on_monday() {
        let c = WorkCalendar::default();
        assert_eq!(c.end_of(d("2026-11-28"), 5), d("2026-12-04"));
        assert_eq!(c.working_days_between(d("2026-11-28"), d("2026-12-03")), 4);
        // A Sunday worked counts.
        assert_eq!(calendar_2026().end_of(d("2026-09-19"), 1), d("2026-09-20"));
    }
}
