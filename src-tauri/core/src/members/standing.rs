//! A member's standing over time: 党籍状态 changes, 延长预备期 and
//! organisational transfers (转入/转出 with their letters), each checked and
//! written in one transaction with its change-log entry. `timeline.rs` reads
//! what is written here to judge any past day.

use super::model::{CommitteeRole, Member, MemberKind, Status, TransferDirection};
use super::repo::{load, ENTITY};
use crate::date::PartialDate;
use crate::error::{Error, FieldErrors, Result};
use crate::store::changelog::{self, FieldChange};
use crate::store::{now_text, Store};
use crate::text::clean;
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct StatusForm {
    pub status: String,
    pub date: String,
    pub reason: String,
}

/// 延长预备期 as the secretary records it.
#[derive(Clone, Debug, Default, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct ExtensionForm {
    /// 6 to 12.
    pub months: Option<u32>,
    /// The 支部大会 that decided it, `2025-03-10`.
    pub decided_on: String,
    /// The higher committee's reply: 批复文号 or its words.
    pub approval: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    pub status: Status,
    pub date: PartialDate,
    pub reason: String,
    pub recorded_at: String,
}

#[derive(Clone, Debug, Default, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct TransferForm {
    pub direction: String,
    pub date: String,
    pub other_branch: String,
    pub letter_number: String,
    /// 党费交至月份, `YYYY-MM`.
    pub dues_paid_to: String,
    pub notes: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Transfer {
    pub id: i64,
    pub direction: TransferDirection,
    pub date: PartialDate,
    pub other_branch: String,
    pub letter_number: String,
    pub dues_paid_to: Option<PartialDate>,
    pub notes: String,
}

impl Store {
    /// Records a change of 党籍状态 and keeps the old one in the history.
    pub fn change_status(&mut self, id: i64, form: &StatusForm, today: NaiveDate) -> Result<Member> {
        let tx = self.conn_mut().transaction()?;
        change_status_in(&tx, id, form, today)?;
        tx.commit()?;
        load(self.conn(), id)
    }

    /// Records 延长预备期: once only, 6–12 months, with the 支部大会 day and
    /// the higher committee's reply (docs/DOMAIN.md §8).
    pub fn extend_probation(&mut self, id: i64, form: &ExtensionForm, today: NaiveDate) -> Result<Member> {
        let tx = self.conn_mut().transaction()?;
        extend_probation_in(&tx, id, form, today)?;
        tx.commit()?;
        load(self.conn(), id)
    }

    pub fn status_history(&self, id: i64) -> Result<Vec<StatusChange>> {
        let mut stmt = self.conn().prepare(
            "SELECT status, date, reason, recorded_at FROM member_status_changes WHERE member_id = ?1 ORDER BY date DESC, id DESC",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(StatusChange { status: r.get(0)?, date: r.get(1)?, reason: r.get(2)?, recorded_at: r.get(3)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records an organisational transfer (转入 or 转出) of a member.
    pub fn add_transfer(&mut self, id: i64, form: &TransferForm, today: NaiveDate) -> Result<Member> {
        let tx = self.conn_mut().transaction()?;
        add_transfer_in(&tx, id, form, today)?;
        tx.commit()?;
        load(self.conn(), id)
    }

    pub fn transfers(&self, id: i64) -> Result<Vec<Transfer>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, direction, date, other_branch, letter_number, dues_paid_to, notes FROM transfers
             WHERE member_id = ?1 ORDER BY date DESC, id DESC",
        )?;
        let rows = stmt.query_map([id], transfer_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The year's transfers of members not in the recycle bin, with their
    /// names, in one read: by date, and on one day in roster order (the
    /// 组织关系转接台账).
    pub(crate) fn transfers_in_year(&self, year: i32) -> Result<Vec<(String, Transfer)>> {
        let mut stmt = self.conn().prepare(
            "SELECT t.id, t.direction, t.date, t.other_branch, t.letter_number, t.dues_paid_to, t.notes,
                    m.name, m.committee_role, m.admitted_on, m.id
             FROM transfers t JOIN members m ON m.id = t.member_id WHERE m.deleted_at IS NULL",
        )?;
        let rows = stmt.query_map([], |r| {
            let t = transfer_row(r)?;
            let role: Option<CommitteeRole> = r.get(8)?;
            let order = (super::repo::role_rank(role), r.get::<_, Option<PartialDate>>(9)?, r.get::<_, i64>(10)?);
            Ok((order, r.get::<_, String>(7)?, t))
        })?;
        let mut list: Vec<_> = rows
            .filter(|row| !matches!(row, Ok((_, _, t)) if t.date.year() != year))
            .collect::<rusqlite::Result<_>>()?;
        list.sort_by(|a, b| a.2.date.cmp(&b.2.date).then(a.0.cmp(&b.0)).then(b.2.id.cmp(&a.2.id)));
        Ok(list.into_iter().map(|(_, name, t)| (name, t)).collect())
    }
}

/// A transfer from the first seven columns of a row: id, direction, date,
/// other branch, letter number, dues paid to, notes.
fn transfer_row(r: &rusqlite::Row) -> rusqlite::Result<Transfer> {
    Ok(Transfer {
        id: r.get(0)?,
        direction: r.get(1)?,
        date: r.get(2)?,
        other_branch: r.get(3)?,
        letter_number: r.get(4)?,
        dues_paid_to: r.get(5)?,
        notes: r.get(6)?,
    })
}

pub(crate) fn change_status_in(tx: &Connection, id: i64, form: &StatusForm, today: NaiveDate) -> Result<()> {
    let m = load(tx, id)?;
    let mut errors = FieldErrors::default();
    let status = Status::from_code(&clean(&form.status));
    match status {
        None => errors.add("status", "请选择新的党籍状态"),
        Some(s) if s == m.status => errors.add("status", format!("党籍状态已经是“{}”", s.label())),
        Some(Status::Cancelled) if m.kind != MemberKind::Probationary => {
            errors.add("status", "只有预备党员才能取消预备党员资格；正式党员的处置请选择其他状态")
        }
        _ => {}
    }
    let date = match PartialDate::parse_opt(&form.date) {
        Ok(Some(d)) if d.first_day() > today => {
            errors.add("date", "变更日期不能晚于今天");
            None
        }
        Ok(Some(d)) => Some(d),
        Ok(None) => {
            errors.add("date", "请填写变更日期");
            None
        }
        Err(e) => {
            errors.add("date", e.to_string());
            None
        }
    };
    let reason = clean(&form.reason);
    if reason.is_empty() && status.is_some_and(|s| s != Status::Normal) {
        errors.add("reason", "请写明变更原因或依据（如 党委批复文号）");
    }
    errors.into_result()?;
    let (Some(status), Some(date)) = (status, date) else {
        return Err(Error::NotFound("党籍状态"));
    };
    tx.execute(
        "UPDATE members SET status = ?1, status_date = ?2, status_reason = ?3, updated_at = ?4 WHERE id = ?5",
        params![status, date, reason, now_text(), id],
    )?;
    tx.execute(
        "INSERT INTO member_status_changes (member_id, status, date, reason, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, status, date, reason, now_text()],
    )?;
    changelog::record(
        tx,
        ENTITY,
        id,
        "status",
        &[FieldChange {
            field: "status".into(),
            old: Some(m.status.label().into()),
            new: Some(format!("{}（{}，{}）", status.label(), date.to_chinese(), reason)),
        }],
    )?;
    Ok(())
}

pub(crate) fn add_transfer_in(tx: &Connection, id: i64, form: &TransferForm, today: NaiveDate) -> Result<()> {
    let m = load(tx, id)?;
    let mut errors = FieldErrors::default();
    let direction = TransferDirection::from_code(&clean(&form.direction));
    match direction {
        None => errors.add("direction", "请选择转入还是转出"),
        Some(TransferDirection::Out) if m.left_branch => errors.add("direction", "这位党员的组织关系已经转出了"),
        _ => {}
    }
    let date = match PartialDate::parse_opt(&form.date) {
        Ok(Some(PartialDate::Day(d))) if d > today => {
            errors.add("date", "转接日期不能晚于今天");
            None
        }
        Ok(Some(d @ PartialDate::Day(_))) => Some(d),
        Ok(Some(_)) | Ok(None) => {
            errors.add("date", "请填写转接日期（介绍信上的日期，如 2026-03-15）");
            None
        }
        Err(e) => {
            errors.add("date", e.to_string());
            None
        }
    };
    let other_branch = clean(&form.other_branch);
    if other_branch.is_empty() {
        errors.add("other_branch", "请填写转自或转往的党组织名称");
    }
    let dues_paid_to = match PartialDate::parse_opt(&form.dues_paid_to) {
        Ok(d) => d.map(|d| PartialDate::Month { year: d.year(), month: d.month_number() }),
        Err(_) => {
            errors.add("dues_paid_to", "党费交至月份请写成 2026-10");
            None
        }
    };
    errors.into_result()?;
    let (Some(direction), Some(date)) = (direction, date) else {
        return Err(Error::NotFound("组织关系转接"));
    };
    tx.execute(
            "INSERT INTO transfers (member_id, direction, date, other_branch, letter_number, dues_paid_to, notes, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![id, direction, date, other_branch, clean(&form.letter_number), dues_paid_to, clean(&form.notes), now_text()],
        )?;
    let towards = if direction == TransferDirection::In { "转自" } else { "转往" };
    changelog::record(
        tx,
        ENTITY,
        id,
        "transfer",
        &[FieldChange {
            field: "transfer".into(),
            old: None,
            new: Some(format!("{}（{}，{towards}{other_branch}）", direction.label(), date.to_chinese())),
        }],
    )?;
    Ok(())
}

/// 延长预备期 inside the caller's transaction (also the 发展党员 step 24
/// approving an extension decided at 23).
pub(crate) fn extend_probation_in(tx: &Connection, id: i64, form: &ExtensionForm, today: NaiveDate) -> Result<()> {
    let m = load(tx, id)?;

    let mut errors = FieldErrors::default();
    if m.kind != MemberKind::Probationary || m.status != Status::Normal || !m.on_roster() {
        errors.add("months", "只有在册的预备党员才能延长预备期");
    } else if m.probation_extension.is_some() {
        errors.add("months", "预备期只能延长一次，这位党员已经延长过；期满仍不具备条件的，应取消预备党员资格");
    }
    match form.months {
        Some(6..=12) => {}
        _ => errors.add("months", "延长预备期为 6 到 12 个月，请填写月数"),
    }
    let decided_on = match PartialDate::parse_opt(&form.decided_on) {
        Ok(Some(d @ PartialDate::Day(day))) if day <= today => Some(d),
        Ok(Some(PartialDate::Day(_))) => {
            errors.add("decided_on", "支部大会日期不能晚于今天");
            None
        }
        Ok(_) => {
            errors.add("decided_on", "请填写作出延长决定的支部大会日期，如 2026-03-15");
            None
        }
        Err(e) => {
            errors.add("decided_on", e.to_string());
            None
        }
    };
    if let (Some(d), Some(admitted)) = (decided_on, m.admitted_on) {
        if d.first_day() < admitted.last_day() {
            errors.add("decided_on", "支部大会日期应在入党日期之后，请核对");
        }
    }
    let approval = clean(&form.approval);
    if approval.is_empty() {
        errors.add("approval", "请填写上级党委的批复（文号或内容）");
    }
    errors.into_result()?;
    let (Some(months), Some(decided_on)) = (form.months, decided_on) else {
        return Err(Error::NotFound("延长预备期"));
    };
    tx.execute(
        "UPDATE members SET probation_extension_months = ?1, probation_extension_on = ?2,
            probation_extension_reply = ?3, updated_at = ?4 WHERE id = ?5",
        params![months, decided_on, approval, now_text(), id],
    )?;
    let end = super::era::probation_end(m.admitted_on.unwrap_or(decided_on), months);
    changelog::record(
        tx,
        ENTITY,
        id,
        "update",
        &[FieldChange {
            field: "probation_extension".into(),
            old: None,
            new: Some(format!(
                "延长 {months} 个月，至 {}（{} 支部大会决定，{approval}）",
                end.to_chinese(),
                decided_on.to_chinese()
            )),
        }],
    )?;
    Ok(())
}
