//! 党费使用 (docs/DOMAIN.md §9; §2 "Publishing"): what the branch spent of
//! the dues it keeps or receives back from above (`dues_spending`), the
//! money received back (`dues_received`, 上级下拨/返还党费), and the
//! 慰问金 paid from 上级下拨党费 — those are 走访慰问 records
//! (`care_visits` with an amount and source `dues_returned`), read here
//! only, never written: each is a line of the 使用明细 like a spending.
//!
//! The balance: what the branch holds of the dues it collected (收缴 less
//! 上缴, as before) plus what it received back (下拨), less what it spent
//! (使用, the visits included) is the 可用结余. A spending that takes the
//! 可用结余 below zero is saved all the same, with a warning: money from
//! above often arrives after it was spent (our rule).
//!
//! Money is integer 分; dates are days. Spending and received money are
//! edited and deleted (soft) with the change log, like other records.

use super::ledger_rules::parse_day;
use super::model::DuesBalance;
use super::money::{parse_yuan, yuan};
use crate::error::{Error, FieldErrors, Result};
use crate::store::changelog::{self, FieldChange, HistoryEntry};
use crate::store::{now_text, Store};
use crate::text::clean;
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

const SPENDING: &str = "dues_spending";
const RECEIVED: &str = "dues_received";

// ---------- the types ----------

/// A spending as typed. Amount in yuan text.
#[derive(Clone, Debug, Default, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct SpendingForm {
    pub spent_on: String,
    pub purpose: String,
    /// Yuan, e.g. `300.00`.
    pub amount: String,
    /// 审批: who approved it, e.g. 支委会研究同意.
    pub approval: String,
    pub receipt_no: String,
    pub note: String,
}

/// Money received back from above, as typed.
#[derive(Clone, Debug, Default, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct ReceivedForm {
    pub received_on: String,
    /// Yuan.
    pub amount: String,
    /// From which organisation, e.g. 镇党委.
    pub from_org: String,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Spending {
    pub id: i64,
    pub spent_on: NaiveDate,
    pub purpose: String,
    pub amount_fen: i64,
    pub approval: String,
    pub receipt_no: String,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Received {
    pub id: i64,
    pub received_on: NaiveDate,
    pub amount_fen: i64,
    pub from_org: String,
    pub note: String,
}

/// One line of the 使用明细: a recorded spending, or a 慰问金 paid from
/// 上级下拨党费 (a visit; edited on the visit's own page).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SpendingLine {
    pub date: NaiveDate,
    pub purpose: String,
    pub amount_fen: i64,
    pub approval: String,
    pub receipt_no: String,
    pub note: String,
    /// The `dues_spending` row; `None` for a visit.
    pub spending_id: Option<i64>,
    /// The `care_visits` row of a 慰问金.
    pub visit_id: Option<i64>,
}

/// Money in and out over a period (by the day of each record): 收缴 by the
/// day paid (reversals subtracted, 自愿多交 included), 上缴 by the day
/// handed up, 下拨 by the day received, 使用 by the day spent or visited.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PeriodTotals {
    pub collected_fen: i64,
    pub remitted_fen: i64,
    pub received_fen: i64,
    pub spent_fen: i64,
    /// 收缴 − 上缴 + 下拨 − 使用 of the period.
    pub balance_fen: i64,
}

impl PeriodTotals {
    fn new(collected: i64, remitted: i64, received: i64, spent: i64) -> PeriodTotals {
        PeriodTotals {
            collected_fen: collected,
            remitted_fen: remitted,
            received_fen: received,
            spent_fen: spent,
            balance_fen: collected - remitted + received - spent,
        }
    }
}

/// The 党费使用 page of a year: the 使用明细 (spending and 慰问金, by day),
/// the money received, the year's totals and the balance of all time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SpendingYear {
    pub year: i32,
    pub lines: Vec<SpendingLine>,
    pub received: Vec<Received>,
    pub totals: PeriodTotals,
    pub balance: DuesBalance,
}

/// A saved spending, with a warning when the 可用结余 is now below zero
/// (saved all the same).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct SpendingSaved {
    pub spending: Spending,
    pub balance: DuesBalance,
    pub warning: Option<String>,
}

// ---------- rules ----------

/// The words of a 走访慰问 occasion (`care_visits.occasion`).
pub fn occasion_label(code: &str) -> &'static str {
    match code {
        "spring" => "春节/元旦",
        "july1" => "七一",
        "hospital" => "生病住院",
        "disaster" => "遭灾",
        "death" => "病逝",
        "routine" => "日常",
        "teaching" => "送学上门",
        _ => "走访",
    }
}

/// The 使用明细's purpose of a 慰问金.
pub fn visit_purpose(name: &str, occasion: &str) -> String {
    format!("走访慰问 {name}（{}）", occasion_label(occasion))
}

/// The warning of a 可用结余 below zero, or none.
pub fn balance_warning(available_fen: i64) -> Option<String> {
    (available_fen < 0).then(|| {
        format!(
            "记下这笔后，可用结余为 {} 元（支出多于支部留存和上级下拨的党费）。已经保存；如上级下拨的党费还没记，请在“记录下拨”里补上",
            yuan(available_fen)
        )
    })
}

fn text_field(e: &mut FieldErrors, field: &'static str, label: &str, text: &str, max: usize) -> String {
    let v = clean(text);
    if v.chars().count() > max {
        e.add(field, format!("{label}太长了（最多 {max} 字），请精简"));
    }
    v
}

fn amount_field(e: &mut FieldErrors, text: &str, what: &str) -> Option<i64> {
    if clean(text).is_empty() {
        e.add("amount", format!("请填写{what}金额（元），如 300.00"));
        return None;
    }
    match parse_yuan(text) {
        Some(a) if a > 0 => Some(a),
        Some(_) => {
            e.add("amount", format!("{what}金额应大于 0"));
            None
        }
        None => {
            e.add("amount", "金额请写成 300 或 300.50 这样（元，最多两位小数）");
            None
        }
    }
}

struct CheckedSpending {
    spent_on: NaiveDate,
    purpose: String,
    amount_fen: i64,
    approval: String,
    receipt_no: String,
    note: String,
}

fn check_spending(form: &SpendingForm, today: NaiveDate) -> Result<CheckedSpending> {
    let mut e = FieldErrors::default();
    let spent_on = parse_day(&mut e, "spent_on", "支出日期", &form.spent_on, today);
    let purpose = text_field(&mut e, "purpose", "用途", &form.purpose, 100);
    if purpose.is_empty() {
        e.add("purpose", "请写明用途，如 购买党员学习资料");
    }
    let amount = amount_field(&mut e, &form.amount, "支出");
    let approval = text_field(&mut e, "approval", "审批", &form.approval, 100);
    let receipt_no = text_field(&mut e, "receipt_no", "凭证号", &form.receipt_no, 50);
    let note = text_field(&mut e, "note", "备注", &form.note, 200);
    e.into_result()?;
    let (Some(spent_on), Some(amount_fen)) = (spent_on, amount) else {
        return Err(Error::NotFound("支出记录"));
    };
    Ok(CheckedSpending { spent_on, purpose, amount_fen, approval, receipt_no, note })
}

struct CheckedReceived {
    received_on: NaiveDate,
    amount_fen: i64,
    from_org: String,
    note: String,
}

fn check_received(form: &ReceivedForm, today: NaiveDate) -> Result<CheckedReceived> {
    let mut e = FieldErrors::default();
    let received_on = parse_day(&mut e, "received_on", "下拨日期", &form.received_on, today);
    let amount = amount_field(&mut e, &form.amount, "下拨");
    let from_org = text_field(&mut e, "from_org", "下拨单位", &form.from_org, 50);
    let note = text_field(&mut e, "note", "备注", &form.note, 200);
    e.into_result()?;
    let (Some(received_on), Some(amount_fen)) = (received_on, amount) else {
        return Err(Error::NotFound("下拨记录"));
    };
    Ok(CheckedReceived { received_on, amount_fen, from_org, note })
}

// ---------- the database ----------

fn day_range(from: NaiveDate, to: NaiveDate) -> (String, String) {
    (from.to_string(), to.to_string())
}

fn year_range(year: i32) -> (NaiveDate, NaiveDate) {
    let year = year.clamp(1, 9999);
    let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
    let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
    (first, last)
}

fn sum(conn: &Connection, sql: &str, from: NaiveDate, to: NaiveDate) -> Result<i64> {
    let (a, b) = day_range(from, to);
    Ok(conn.query_row(sql, params![a, b], |r| r.get(0))?)
}

const VISITS_SQL: &str = "SELECT v.id, v.visited_on, v.amount_fen, v.occasion, m.name
     FROM care_visits v JOIN members m ON m.id = v.member_id
     WHERE v.amount_fen > 0 AND v.source = 'dues_returned' AND v.deleted_at IS NULL
       AND v.visited_on >= ?1 AND v.visited_on <= ?2";

/// 下拨 (received) of the days `from..=to`.
fn received_between(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<i64> {
    sum(
        conn,
        "SELECT COALESCE(SUM(amount_fen), 0) FROM dues_received
         WHERE deleted_at IS NULL AND received_on >= ?1 AND received_on <= ?2",
        from,
        to,
    )
}

/// 使用 (spending and 慰问金 from 上级下拨党费) of the days `from..=to`.
fn spent_between(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<i64> {
    let spending = sum(
        conn,
        "SELECT COALESCE(SUM(amount_fen), 0) FROM dues_spending
         WHERE deleted_at IS NULL AND spent_on >= ?1 AND spent_on <= ?2",
        from,
        to,
    )?;
    let visits = sum(
        conn,
        "SELECT COALESCE(SUM(amount_fen), 0) FROM care_visits
         WHERE amount_fen > 0 AND source = 'dues_returned' AND deleted_at IS NULL
           AND visited_on >= ?1 AND visited_on <= ?2",
        from,
        to,
    )?;
    Ok(spending + visits)
}

/// (下拨, 使用) of all time, for [`DuesBalance`].
pub(super) fn received_and_spent(conn: &Connection) -> Result<(i64, i64)> {
    // Dates are ISO text compared as text: bounds of four-digit years.
    let (from, to) = (year_range(1).0, year_range(9999).1);
    Ok((received_between(conn, from, to)?, spent_between(conn, from, to)?))
}

/// Money in and out over the days `from..=to`.
pub(crate) fn period_totals(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<PeriodTotals> {
    let collected = sum(
        conn,
        "SELECT COALESCE(SUM(amount_fen), 0) FROM dues_payments WHERE paid_on >= ?1 AND paid_on <= ?2",
        from,
        to,
    )?;
    let remitted = sum(
        conn,
        "SELECT COALESCE(SUM(amount_fen), 0) FROM dues_remittances WHERE remitted_on >= ?1 AND remitted_on <= ?2",
        from,
        to,
    )?;
    Ok(PeriodTotals::new(collected, remitted, received_between(conn, from, to)?, spent_between(conn, from, to)?))
}

/// The 使用明细 of the days `from..=to`: spending and 慰问金, by day, then
/// the order they were recorded (spending before visits on one day).
pub(crate) fn lines_between(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<SpendingLine>> {
    let (a, b) = day_range(from, to);
    let mut lines: Vec<SpendingLine> = spending_rows(conn, Some((&a, &b)), None)?
        .into_iter()
        .map(|s| SpendingLine {
            date: s.spent_on,
            purpose: s.purpose,
            amount_fen: s.amount_fen,
            approval: s.approval,
            receipt_no: s.receipt_no,
            note: s.note,
            spending_id: Some(s.id),
            visit_id: None,
        })
        .collect();
    let mut stmt = conn.prepare(&format!("{VISITS_SQL} ORDER BY v.visited_on, v.id"))?;
    let visits = stmt.query_map(params![a, b], |r| {
        let occasion: String = r.get(3)?;
        let name: String = r.get(4)?;
        Ok(SpendingLine {
            date: r.get(1)?,
            purpose: visit_purpose(&name, &occasion),
            amount_fen: r.get(2)?,
            approval: String::new(),
            receipt_no: String::new(),
            note: "上级下拨党费".into(),
            spending_id: None,
            visit_id: Some(r.get(0)?),
        })
    })?;
    for v in visits {
        lines.push(v?);
    }
    // Stable: spending first on a day, each kind in its own order.
    lines.sort_by_key(|l| l.date);
    Ok(lines)
}

fn spending_rows(conn: &Connection, range: Option<(&str, &str)>, id: Option<i64>) -> Result<Vec<Spending>> {
    let mut stmt = conn.prepare(
        "SELECT id, spent_on, purpose, amount_fen, approval, receipt_no, note FROM dues_spending
         WHERE deleted_at IS NULL AND (?1 IS NULL OR spent_on >= ?1) AND (?2 IS NULL OR spent_on <= ?2)
           AND (?3 IS NULL OR id = ?3)
         ORDER BY spent_on, id",
    )?;
    let rows = stmt.query_map(params![range.map(|r| r.0), range.map(|r| r.1), id], |r| {
        Ok(Spending {
            id: r.get(0)?,
            spent_on: r.get(1)?,
            purpose: r.get(2)?,
            amount_fen: r.get(3)?,
            approval: r.get(4)?,
            receipt_no: r.get(5)?,
            note: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn received_rows(conn: &Connection, range: Option<(&str, &str)>, id: Option<i64>) -> Result<Vec<Received>> {
    let mut stmt = conn.prepare(
        "SELECT id, received_on, amount_fen, from_org, note FROM dues_received
         WHERE deleted_at IS NULL AND (?1 IS NULL OR received_on >= ?1) AND (?2 IS NULL OR received_on <= ?2)
           AND (?3 IS NULL OR id = ?3)
         ORDER BY received_on, id",
    )?;
    let rows = stmt.query_map(params![range.map(|r| r.0), range.map(|r| r.1), id], |r| {
        Ok(Received {
            id: r.get(0)?,
            received_on: r.get(1)?,
            amount_fen: r.get(2)?,
            from_org: r.get(3)?,
            note: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn load_spending(conn: &Connection, id: i64) -> Result<Spending> {
    spending_rows(conn, None, Some(id))?.pop().ok_or(Error::NotFound("支出记录"))
}

fn load_received(conn: &Connection, id: i64) -> Result<Received> {
    received_rows(conn, None, Some(id))?.pop().ok_or(Error::NotFound("下拨记录"))
}

/// The changes between two versions of a record, as (field, old, new) text.
fn changes(pairs: &[(&str, String, String)]) -> Vec<FieldChange> {
    let opt = |s: &String| (!s.is_empty()).then(|| s.clone());
    pairs
        .iter()
        .filter(|(_, old, new)| old != new)
        .map(|(field, old, new)| FieldChange { field: field.to_string(), old: opt(old), new: opt(new) })
        .collect()
}

fn spending_changes(old: &Spending, new: &Spending) -> Vec<FieldChange> {
    changes(&[
        ("spent_on", old.spent_on.to_string(), new.spent_on.to_string()),
        ("purpose", old.purpose.clone(), new.purpose.clone()),
        ("amount", yuan(old.amount_fen), yuan(new.amount_fen)),
        ("approval", old.approval.clone(), new.approval.clone()),
        ("receipt_no", old.receipt_no.clone(), new.receipt_no.clone()),
        ("note", old.note.clone(), new.note.clone()),
    ])
}

fn received_changes(old: &Received, new: &Received) -> Vec<FieldChange> {
    changes(&[
        ("received_on", old.received_on.to_string(), new.received_on.to_string()),
        ("amount", yuan(old.amount_fen), yuan(new.amount_fen)),
        ("from_org", old.from_org.clone(), new.from_org.clone()),
        ("note", old.note.clone(), new.note.clone()),
    ])
}

const WORDING: changelog::Wording = changelog::Wording {
    action: |action| match action {
        "create" => ("记录", Some("记录")),
        "delete" => ("删除", Some("删除（记录仍保留，不再计入结余）")),
        _ => ("修改", None),
    },
    change: |c| {
        let label = match c.field.as_str() {
            "spent_on" => "支出日期",
            "received_on" => "下拨日期",
            "purpose" => "用途",
            "amount" => "金额（元）",
            "approval" => "审批",
            "receipt_no" => "凭证号",
            "from_org" => "下拨单位",
            "note" => "备注",
            other => other,
        };
        let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "（空）".into());
        crate::mask::mask_public_text(&format!("{label}：{} → {}", show(&c.old), show(&c.new)))
    },
};

impl Store {
    /// Records a spending. Saved even when the 可用结余 goes below zero;
    /// then with a warning.
    pub fn record_spending(&mut self, form: &SpendingForm, today: NaiveDate) -> Result<SpendingSaved> {
        let c = check_spending(form, today)?;
        let tx = self.conn_mut().transaction()?;
        tx.execute(
            "INSERT INTO dues_spending (spent_on, purpose, amount_fen, approval, receipt_no, note, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![c.spent_on, c.purpose, c.amount_fen, c.approval, c.receipt_no, c.note, now_text()],
        )?;
        let id = tx.last_insert_rowid();
        changelog::record(&tx, SPENDING, id, "create", &[])?;
        tx.commit()?;
        self.spending_saved(id)
    }

    pub fn update_spending(&mut self, id: i64, form: &SpendingForm, today: NaiveDate) -> Result<SpendingSaved> {
        let c = check_spending(form, today)?;
        let tx = self.conn_mut().transaction()?;
        let old = load_spending(&tx, id)?;
        tx.execute(
            "UPDATE dues_spending SET spent_on = ?1, purpose = ?2, amount_fen = ?3, approval = ?4, receipt_no = ?5,
                    note = ?6, updated_at = ?7 WHERE id = ?8 AND deleted_at IS NULL",
            params![c.spent_on, c.purpose, c.amount_fen, c.approval, c.receipt_no, c.note, now_text(), id],
        )?;
        let new = load_spending(&tx, id)?;
        let ch = spending_changes(&old, &new);
        if !ch.is_empty() {
            changelog::record(&tx, SPENDING, id, "update", &ch)?;
        }
        tx.commit()?;
        self.spending_saved(id)
    }

    /// Soft delete: kept in the database, out of the lists and the balance.
    pub fn delete_spending(&mut self, id: i64) -> Result<()> {
        let tx = self.conn_mut().transaction()?;
        let n = tx.execute(
            "UPDATE dues_spending SET deleted_at = ?1 WHERE id = ?2 AND deleted_at IS NULL",
            params![now_text(), id],
        )?;
        if n == 0 {
            return Err(Error::NotFound("支出记录"));
        }
        changelog::record(&tx, SPENDING, id, "delete", &[])?;
        tx.commit()?;
        Ok(())
    }

    pub fn spending_history(&self, id: i64) -> Result<Vec<HistoryEntry>> {
        changelog::history(self.conn(), SPENDING, id, &WORDING)
    }

    fn spending_saved(&self, id: i64) -> Result<SpendingSaved> {
        let spending = load_spending(self.conn(), id)?;
        let balance = self.dues_balance()?;
        Ok(SpendingSaved { spending, warning: balance_warning(balance.available_fen), balance })
    }

    /// Records money received back from above.
    pub fn record_received(&mut self, form: &ReceivedForm, today: NaiveDate) -> Result<Received> {
        let c = check_received(form, today)?;
        let tx = self.conn_mut().transaction()?;
        tx.execute(
            "INSERT INTO dues_received (received_on, amount_fen, from_org, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![c.received_on, c.amount_fen, c.from_org, c.note, now_text()],
        )?;
        let id = tx.last_insert_rowid();
        changelog::record(&tx, RECEIVED, id, "create", &[])?;
        tx.commit()?;
        load_received(self.conn(), id)
    }

    pub fn update_received(&mut self, id: i64, form: &ReceivedForm, today: NaiveDate) -> Result<Received> {
        let c = check_received(form, today)?;
        let tx = self.conn_mut().transaction()?;
        let old = load_received(&tx, id)?;
        tx.execute(
            "UPDATE dues_received SET received_on = ?1, amount_fen = ?2, from_org = ?3, note = ?4
             WHERE id = ?5 AND deleted_at IS NULL",
            params![c.received_on, c.amount_fen, c.from_org, c.note, id],
        )?;
        let new = load_received(&tx, id)?;
        let ch = received_changes(&old, &new);
        if !ch.is_empty() {
            changelog::record(&tx, RECEIVED, id, "update", &ch)?;
        }
        tx.commit()?;
        Ok(new)
    }

    pub fn delete_received(&mut self, id: i64) -> Result<()> {
        let tx = self.conn_mut().transaction()?;
        let n = tx.execute(
            "UPDATE dues_received SET deleted_at = ?1 WHERE id = ?2 AND deleted_at IS NULL",
            params![now_text(), id],
        )?;
        if n == 0 {
            return Err(Error::NotFound("下拨记录"));
        }
        changelog::record(&tx, RECEIVED, id, "delete", &[])?;
        tx.commit()?;
        Ok(())
    }

    pub fn received_history(&self, id: i64) -> Result<Vec<HistoryEntry>> {
        changelog::history(self.conn(), RECEIVED, id, &WORDING)
    }

    /// The 使用明细 of the days `from..=to` (spending and 慰问金).
    pub fn spending_lines(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<SpendingLine>> {
        lines_between(self.conn(), from, to)
    }

    /// Money in and out over the days `from..=to`.
    pub fn dues_period_totals(&self, from: NaiveDate, to: NaiveDate) -> Result<PeriodTotals> {
        period_totals(self.conn(), from, to)
    }

    /// The 党费使用 page of a year.
    pub fn spending_year(&self, year: i32) -> Result<SpendingYear> {
        let (from, to) = year_range(year);
        let (a, b) = day_range(from, to);
        Ok(SpendingYear {
            year,
            lines: lines_between(self.conn(), from, to)?,
            received: received_rows(self.conn(), Some((&a, &b)), None)?,
            totals: period_totals(self.conn(), from, to)?,
            balance: self.dues_balance()?,
        })
    }

    /// One spending, not deleted.
    pub fn spending(&self, id: i64) -> Result<Spending> {
        load_spending(self.conn(), id)
    }

    /// One received entry, not deleted.
    pub fn received(&self, id: i64) -> Result<Received> {
        load_received(self.conn(), id)
    }
}

/// The paragraphs of the 党费收缴情况公示 after its collection table: one
/// line of the period's totals — 收缴 and 上缴, and 下拨, 使用 and 结余 once
/// any money came back or was spent — then, when something was spent, the
/// 使用明细 (date, purpose, amount in 元). A period with nothing spent says
/// so in that one line, so the notice of a whole branch still fits one page.
/// The notice masks every text afterwards (names of visited members may
/// appear; never an ID or phone number).
pub fn notice_paragraphs(d: &super::notice::DuesNotice) -> Vec<String> {
    let mut out = Vec::with_capacity(d.spending.len() + 2);
    if d.spending.is_empty() && d.received_fen == 0 {
        // Short enough for one printed line beside a full branch's table.
        out.push(format!("合计 {} 元，已上缴 {} 元，本期未使用党费。", yuan(d.total_fen), yuan(d.remitted_fen)));
        return out;
    }
    let collected = format!("合计 {} 元，已上缴上级党委 {} 元", yuan(d.total_fen), yuan(d.remitted_fen));
    out.push(format!(
        "{collected}，上级下拨 {} 元，使用 {} 元，结余 {} 元。",
        yuan(d.received_fen),
        yuan(d.spent_fen),
        yuan(d.balance_fen)
    ));
    if d.spending.is_empty() {
        out.push("本期没有使用党费。".to_string());
        return out;
    }
    out.push("党费使用明细：".to_string());
    for (i, l) in d.spending.iter().enumerate() {
        out.push(format!(
            "{}. {}　{}　{} 元",
            i + 1,
            crate::date::PartialDate::Day(l.date).to_chinese(),
            l.purpose,
            yuan(l.amount_fen)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_visit_reads_as_a_purpose() {
        assert_eq!(visit_purpose("王五", "spring"), "走访慰问 王五（春节/元旦）");
        assert_eq!(visit_purpose("李四", "death"), "走访慰问 李四（病逝）");
        assert_eq!(occasion_label("teaching"), "送学上门");
        assert_eq!(occasion_label("july1"), "七一");
    }

    #[test]
    fn only_a_balance_below_zero_warns() {
        assert_eq!(balance_warning(0), None);
        assert_eq!(balance_warning(1), None);
        let w = balance_warning(-1).unwrap();
        assert!(w.contains("-0.01 元"), "{w}");
    }

    #[test]
    fn a_spending_form_is_checked_per_field() {
        let today = day("2026-11-27");
        let bad = SpendingForm {
            spent_on: "2026-11-28".into(),
            purpose: "  ".into(),
            amount: "1.234".into(),
            receipt_no: "号".repeat(51),
            ..Default::default()
        };
        let Err(Error::Validation(e)) = check_spending(&bad, today) else { panic!("accepted") };
        assert_eq!(e.get("spent_on"), Some("支出日期不能晚于今天"));
        assert!(e.get("purpose").unwrap().contains("用途"));
        assert!(e.get("amount").unwrap().contains("两位小数"));
        assert!(e.get("receipt_no").unwrap().contains("50"));
        let zero = SpendingForm {
            spent_on: "2026-11-27".into(),
            purpose: "x".into(),
            amount: "0".into(),
            ..Default::default()
        };
        let Err(Error::Validation(e)) = check_spending(&zero, today) else { panic!("accepted") };
        assert_eq!(e.get("amount"), Some("支出金额应大于 0"));
        let ok = SpendingForm {
            spent_on: "2026-11-27".into(),
            purpose: " 购买学习资料 ".into(),
            amount: "300.05".into(),
            ..Default::default()
        };
        let c = check_spending(&ok, today).unwrap();
        assert_eq!((c.amount_fen, c.purpose.as_str()), (30005, "购买学习资料"));
    }

    #[test]
    fn a_received_form_needs_a_day_and_an_amount() {
        let Err(Error::Validation(e)) = check_received(&ReceivedForm::default(), day("2026-11-27")) else {
            panic!("accepted")
        };
        assert!(e.has("received_on") && e.has("amount"));
        assert!(!e.has("from_org"));
    }
}
