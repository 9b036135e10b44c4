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
/// One member's part in one 志愿服务 or 为民办实事 record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ServedLine {
    pub member_id: i64,
    pub served_on: chrono::NaiveDate,
    pub kind: ServiceKind,
    pub what: String,
}

/// Each member's part in each 志愿服务 and 为民办实事 record of `year`, in
/// date order, for the 积分 source `service` (docs/DOMAIN.md §9.5): the
/// record's day and what was done name the line. Deleted records do not
/// count.
pub(crate) fn service_lines(conn: &Connection, year: i32) -> Result<Vec<ServedLine>> {
    repo::lines(conn, year)
}

/// Hours typed with at most one decimal place (`2`, `1.5`, `.5`, `１．５`) as
/// integer tenths (`text::tenths`); `None` for a negative or anything else.
pub fn parse_tenths(input: &str) -> Option<i64> {
    crate::text::tenths(input).filter(|t| *t >= 0)
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
    fn service_lines_are_each_members_records_of_the_year_without_deleted_ones() {
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
        let counts = |year| {
            let mut n = std::collections::BTreeMap::new();
            for l in service_lines(s.conn(), year).unwrap() {
                *n.entry(l.member_id).or_insert(0) += 1;
            }
            n
        };
        assert_eq!(counts(2026), std::collections::BTreeMap::from([(a, 2), (b, 1)]));
        assert_eq!(counts(2025), std::collections::BTreeMap::from([(b, 1)]));
        assert!(counts(2024).is_empty());
        let first = &service_lines(s.conn(), 2026).unwrap()[0];
        assert_eq!(
            (first.served_on.to_string(), first.kind, first.what.as_str()),
            ("2026-01-05".into(), ServiceKind::Volunteer, "打扫村道")
        );
    }
}
