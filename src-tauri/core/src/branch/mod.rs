//! 支部信息: the facts about the one branch this database serves. Later
//! printouts (落款, 填报单位) and the committee-term reminder use them.

use crate::date::PartialDate;
use crate::error::{FieldErrors, Result};
use crate::store::Store;
use crate::text::clean;
use chrono::NaiveDate;
use rusqlite::params;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Branch {
    /// e.g. 中共XX村支部委员会
    pub name: String,
    /// 上级党组织, e.g. 中共XX镇委员会
    pub higher_committee: String,
    /// 书记's name as it is signed on printouts.
    pub secretary: String,
    /// Start of the committee's current term (换届).
    pub term_start: Option<PartialDate>,
    /// 建账日期: records in the app start on this day; nothing before it is
    /// judged held or missed (docs/DOMAIN.md §3.4).
    pub records_from: Option<PartialDate>,
}

/// The settings form as typed.
#[derive(Clone, Debug, Default, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct BranchForm {
    pub name: String,
    pub higher_committee: String,
    pub secretary: String,
    pub term_start: Option<String>,
    /// `2026-09-15`; empty clears it (the next record or import sets it again).
    pub records_from: Option<String>,
}

pub fn check_branch(form: &BranchForm, today: NaiveDate) -> Result<Branch> {
    let mut errors = FieldErrors::default();
    let name = clean(&form.name);
    if name.is_empty() {
        errors.add("name", "请填写支部名称，如 中共XX村支部委员会");
    } else if name.chars().count() > 50 {
        errors.add("name", "支部名称太长了（最多 50 字）");
    }
    let higher_committee = clean(&form.higher_committee);
    if higher_committee.chars().count() > 50 {
        errors.add("higher_committee", "上级党组织名称太长了（最多 50 字）");
    }
    let secretary = clean(&form.secretary);
    if secretary.chars().count() > 20 {
        errors.add("secretary", "书记姓名太长了（最多 20 字）");
    }
    let term_start = match PartialDate::parse_opt(form.term_start.as_deref().unwrap_or("")) {
        Ok(Some(d)) if d.first_day() > today => {
            errors.add("term_start", "任期开始日期不能晚于今天");
            None
        }
        Ok(d) => d,
        Err(e) => {
            errors.add("term_start", e.to_string());
            None
        }
    };
    let records_from = match PartialDate::parse_opt(form.records_from.as_deref().unwrap_or("")) {
        Ok(Some(d @ PartialDate::Day(day))) if day <= today => Some(d),
        Ok(Some(PartialDate::Day(_))) => {
            errors.add("records_from", "建账日期不能晚于今天");
            None
        }
        Ok(Some(_)) => {
            errors.add("records_from", "建账日期请写到日，如 2026-09-15");
            None
        }
        Ok(None) => None,
        Err(e) => {
            errors.add("records_from", e.to_string());
            None
        }
    };
    errors.into_result()?;
    Ok(Branch { name, higher_committee, secretary, term_start, records_from })
}

impl Store {
    pub fn branch(&self) -> Result<Branch> {
        Ok(self.conn().query_row(
            "SELECT name, higher_committee, secretary, term_start, records_from FROM branch WHERE id = 1",
            [],
            |r| {
                Ok(Branch {
                    name: r.get(0)?,
                    higher_committee: r.get(1)?,
                    secretary: r.get(2)?,
                    term_start: r.get(3)?,
                    records_from: r.get(4)?,
                })
            },
        )?)
    }

    pub fn save_branch(&mut self, form: &BranchForm, today: NaiveDate) -> Result<Branch> {
        let b = check_branch(form, today)?;
        write_branch(self.conn(), &b)?;
        self.branch()
    }
}

pub(crate) fn write_branch(conn: &rusqlite::Connection, b: &Branch) -> Result<()> {
    conn.execute(
        "UPDATE branch SET name = ?1, higher_committee = ?2, secretary = ?3, term_start = ?4, records_from = ?5
         WHERE id = 1",
        params![b.name, b.higher_committee, b.secretary, b.term_start, b.records_from],
    )?;
    Ok(())
}

/// Sets the 建账日期 to `day` when none is set yet: the first import or the
/// first record starts the books (docs/DOMAIN.md §3.4).
pub(crate) fn start_records_if_unset(conn: &rusqlite::Connection, day: NaiveDate) -> Result<()> {
    conn.execute("UPDATE branch SET records_from = ?1 WHERE id = 1 AND records_from IS NULL", [PartialDate::Day(day)])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn branch_settings_are_saved_and_checked() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let mut s = Store::open_in_memory().unwrap();
        assert_eq!(s.branch().unwrap(), Branch::default());
        let form = BranchForm {
            name: " 中共东山村支部委员会 ".into(),
            higher_committee: "中共青石镇委员会".into(),
            secretary: "李建国".into(),
            term_start: Some("2021-10".into()),
            records_from: Some("2026-09-15".into()),
        };
        let b = s.save_branch(&form, today).unwrap();
        assert_eq!(b.name, "中共东山村支部委员会");
        assert_eq!(b.term_start, Some(PartialDate::Month { year: 2021, month: 10 }));
        assert_eq!(b.records_from, Some(PartialDate::parse("2026-09-15").unwrap()));
        let month_only = BranchForm { records_from: Some("2026-09".into()), ..form.clone() };
        assert!(matches!(s.save_branch(&month_only, today), Err(crate::Error::Validation(e)) if e.has("records_from")));
        let bad = BranchForm { name: "".into(), term_start: Some("2030-01-01".into()), ..form };
        let err = s.save_branch(&bad, today).unwrap_err();
        match err {
            crate::Error::Validation(e) => assert!(e.has("name") && e.has("term_start")),
            other => panic!("{other:?}"),
        }
        assert_eq!(s.branch().unwrap(), b, "a refused form changes nothing");
    }
}
