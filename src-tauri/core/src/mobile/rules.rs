//! The reminders of 流动党员, without the database (docs/DOMAIN.md §9):
//! no contact for more than N days (default 90) with a member away; away
//! six months or more with the 组织关系 still kept here (应转移); and, from
//! 腊月十五 to 正月十五 (inclusive, lunar), the 返乡流动党员座谈.

use super::model::{Period, Relation};
use chinese_lunisolar_calendar::LunisolarDate;
use chrono::{Months, NaiveDate};
use serde::Serialize;

/// `mobile_no_contact_days` when the branch has not set it.
pub const DEFAULT_NO_CONTACT_DAYS: i64 = 90;

/// A member away without contact for too long.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct MobileNoContactItem {
    pub member_id: i64,
    pub name: String,
    pub place: String,
    /// The last contact, or the day of leaving when none.
    pub since: NaiveDate,
    pub days: i64,
    pub note: String,
}

/// Away six months or more with the relation kept: 应转移组织关系.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct MobileTransferItem {
    pub member_id: i64,
    pub name: String,
    pub place: String,
    pub left_on: NaiveDate,
    pub note: String,
}

/// 组织返乡流动党员座谈: one item listing who is away.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct MobileHomecomingItem {
    pub names: Vec<String>,
    pub note: String,
}

/// The day counted from: the last contact in this period, or leaving.
pub fn contact_since(period: &Period, last_contact: Option<NaiveDate>) -> NaiveDate {
    last_contact.filter(|c| *c >= period.left_on).unwrap_or(period.left_on)
}

/// Days without contact (counted from [`contact_since`]), when more than
/// `limit`: 90 days is still fine, 91 is a reminder.
pub fn no_contact_days(period: &Period, last_contact: Option<NaiveDate>, today: NaiveDate, limit: i64) -> Option<i64> {
    let days = (today - contact_since(period, last_contact)).num_days();
    (period.covers(today) && days > limit).then_some(days)
}

/// Away six months or more (by calendar months: 2026-03-31 + 6 months is
/// 2026-09-30, as chrono's `checked_add_months` and every other six-month
/// rule here count) with the relation still kept here.
pub fn should_transfer(period: &Period, today: NaiveDate) -> bool {
    let six = period.left_on.checked_add_months(Months::new(6)).unwrap_or(NaiveDate::MAX);
    period.covers(today) && period.relation == Relation::Kept && six <= today
}

/// From 腊月十五 to 正月十五, both inclusive, by the lunar calendar (a leap
/// 腊月 counts as 腊月). Outside 1901–2100 (the crate's range): never.
pub fn homecoming_window(day: NaiveDate) -> bool {
    let Ok(l) = LunisolarDate::from_date(day) else {
        return false;
    };
    let (month, d) = (l.to_lunar_month().to_u8(), l.to_lunar_day().to_u8());
    (month == 12 && d >= 15) || (month == 1 && !l.to_lunar_month().is_leap_month() && d <= 15)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn away(left_on: NaiveDate, relation: Relation) -> Period {
        Period {
            id: 1,
            member_id: 1,
            name: "张三".into(),
            left_on,
            back_on: None,
            province: String::new(),
            city: String::new(),
            county: String::new(),
            place: "广东省深圳市".into(),
            where_label: "广东省深圳市".into(),
            work: String::new(),
            host_org: String::new(),
            host_contact: String::new(),
            card_number: String::new(),
            contact_person: String::new(),
            contact_member_id: None,
            relation,
            relation_label: relation.label(),
            transfer_id: None,
            notes: String::new(),
        }
    }

    #[test]
    fn ninety_days_without_contact_is_fine_ninety_one_is_not() {
        let p = away(day(2026, 1, 10), Relation::Kept);
        let contact = Some(day(2026, 3, 1));
        // 2026-03-01 + 90 days = 2026-05-30.
        assert_eq!(no_contact_days(&p, contact, day(2026, 5, 30), 90), None);
        assert_eq!(no_contact_days(&p, contact, day(2026, 5, 31), 90), Some(91));
        // No contact at all: counted from leaving (2026-01-10 + 91 = 2026-04-11).
        assert_eq!(no_contact_days(&p, None, day(2026, 4, 10), 90), None);
        assert_eq!(no_contact_days(&p, None, day(2026, 4, 11), 90), Some(91));
        // A contact before leaving (an earlier period) does not count.
        assert_eq!(no_contact_days(&p, Some(day(2025, 12, 1)), day(2026, 4, 11), 90), Some(91));
        // Another setting.
        assert_eq!(no_contact_days(&p, contact, day(2026, 4, 1), 30), Some(31));
        // Back home: no reminder.
        let mut back = p.clone();
        back.back_on = Some(day(2026, 4, 1));
        assert_eq!(no_contact_days(&back, None, day(2026, 6, 1), 90), None);
    }

    #[test]
    fn six_months_away_with_the_relation_kept_should_transfer() {
        let p = away(day(2026, 3, 15), Relation::Kept);
        assert!(!should_transfer(&p, day(2026, 9, 14)));
        assert!(should_transfer(&p, day(2026, 9, 15)));
        // Month ends: 2026-03-31 + 6 months = 2026-09-30.
        let end = away(day(2026, 3, 31), Relation::Kept);
        assert!(!should_transfer(&end, day(2026, 9, 29)));
        assert!(should_transfer(&end, day(2026, 9, 30)));
        // Already marked or transferred: no reminder.
        assert!(!should_transfer(&away(day(2026, 3, 15), Relation::ShouldTransfer), day(2026, 12, 1)));
        assert!(!should_transfer(&away(day(2026, 3, 15), Relation::Transferred), day(2026, 12, 1)));
    }

    #[test]
    fn the_homecoming_window_runs_from_the_fifteenth_of_the_twelfth_lunar_month_to_the_fifteenth_of_the_first() {
        // Verified with chinese-lunisolar-calendar 0.2.3: 春节 2026 is
        // 2026-02-17, so 腊月十五 = 2026-02-02 and 正月十五 (元宵) = 2026-03-03.
        assert!(!homecoming_window(day(2026, 2, 1)));
        assert!(homecoming_window(day(2026, 2, 2)));
        assert!(homecoming_window(day(2026, 2, 17)));
        assert!(homecoming_window(day(2026, 3, 3)));
        assert!(!homecoming_window(day(2026, 3, 4)));
        // 春节 2027 is 2027-02-06: 腊月十五 = 2027-01-22, 正月十五 = 2027-02-20.
        assert!(!homecoming_window(day(2027, 1, 21)));
        assert!(homecoming_window(day(2027, 1, 22)));
        assert!(homecoming_window(day(2027, 2, 20)));
        assert!(!homecoming_window(day(2027, 2, 21)));
        // Far outside.
        assert!(!homecoming_window(day(2026, 7, 1)));
    }
}
