//! 志愿服务 and 为民办实事: who served, what was done, for whom
//! (docs/DOMAIN.md §9.5).
//!
//! - `model.rs` — the kinds, the records, the form as typed, the totals.
//! - `repo.rs` — the database: records with their members (one
//!   transaction with the change log), the year's list and totals
//!   (次数, 人次, 户), each member's count, the photos.

mod model;
mod repo;

pub use model::*;
pub use repo::totals_of;

use crate::error::Result;
use rusqlite::Connection;
use std::collections::BTreeMap;

/// How many 志愿服务 and 为民办实事 records each member took part in during
/// `year` (member id → count), for the 积分 rule "志愿服务". Deleted
/// records do not count.
#[allow(dead_code)] // used by points/ once merged
pub(crate) fn service_counts(conn: &Connection, year: i32) -> Result<BTreeMap<i64, u32>> {
    repo::counts(conn, year)
}

/// Hours typed with at most one decimal place (`2`, `1.5`, `0.5`, `.5`,
/// `1.` ) as integer tenths; `None` for anything else (a negative, two
/// places, letters). Full-width digits and point are read as ASCII.
pub fn parse_tenths(input: &str) -> Option<i64> {
    let s: String = input
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            c => c,
        })
        .collect();
    let (whole, frac) = match s.split_once('.') {
        Some((w, f)) => (w, f),
        None => (s.as_str(), ""),
    };
    if (whole.is_empty() && frac.is_empty())
        || frac.len() > 1
        || whole.len() > 6
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let w: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let f: i64 = if frac.is_empty() { 0 } else { frac.parse().ok()? };
    Some(w * 10 + f)
}

/// Tenths as hours for people: `15` → `1.5`, `20` → `2`, `0` → empty.
pub fn tenths_text(t: i64) -> String {
    if t == 0 {
        String::new()
    } else if t % 10 == 0 {
        (t / 10).to_string()
    } else {
        format!("{}.{}", t / 10, t % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_tenths() {
        assert_eq!(parse_tenths("2"), Some(20));
        assert_eq!(parse_tenths("1.5"), Some(15));
        assert_eq!(parse_tenths(".5"), Some(5));
        assert_eq!(parse_tenths("１．５"), Some(15));
        assert_eq!(parse_tenths("1.25"), None);
        assert_eq!(parse_tenths("-1"), None);
        assert_eq!(parse_tenths("两小时"), None);
        assert_eq!(parse_tenths("."), None);
        assert_eq!(tenths_text(15), "1.5");
        assert_eq!(tenths_text(20), "2");
        assert_eq!(tenths_text(0), "");
    }

    #[test]
    fn service_counts_are_records_per_member_in_the_year_without_deleted_ones() {
        use crate::members::MemberForm;
        use crate::store::Store;
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 10).unwrap();
        let mut s = Store::open_in_memory().unwrap();
        let mut member = |name: &str, seq: &str| {
            let first17 = format!("41010219700301{seq}");
            let id_number = format!("{first17}{}", crate::idcard::check_char(first17.as_bytes()));
            let form = MemberForm {
                name: name.into(),
                id_number,
                kind: "full".into(),
                admitted_on: "1995-06-01".into(),
                full_member_on: "1996-06-01".into(),
                ..Default::default()
            };
            s.create_member(&form, today).unwrap().id
        };
        let (a, b) = (member("张志愿", "011"), member("李实事", "022"));
        let f = |on: &str, ids: Vec<i64>| ServiceForm {
            served_on: on.into(),
            kind: "volunteer".into(),
            what: "打扫村道".into(),
            member_ids: ids,
            ..Default::default()
        };
        s.create_service(&f("2026-01-05", vec![a, b]), today).unwrap();
        s.create_service(&f("2026-02-05", vec![a]), today).unwrap();
        let gone = s.create_service(&f("2026-03-05", vec![a, b]), today).unwrap();
        s.create_service(&f("2025-03-05", vec![b]), today).unwrap();
        s.delete_service(gone.id).unwrap();
        let counts = service_counts(s.conn(), 2026).unwrap();
        assert_eq!(counts, BTreeMap::from([(a, 2), (b, 1)]));
        assert_eq!(service_counts(s.conn(), 2025).unwrap(), BTreeMap::from([(b, 1)]));
        assert!(service_counts(s.conn(), 2024).unwrap().is_empty());
    }
}
