//! The dues ledger in the database: settings, assessments, payments
//! (back and advance, reversals), the year grid, arrears, remittances and
//! the balance. The rules it applies are in `ledger_rules.rs`.

use super::ledger_rules::{parse_day, parse_month, rate_for, Ledger, LedgerScope, Rate};
use super::model::{
    Arrears, Assessment, AssessmentForm, DuesBalance, DuesGrid, DuesSettings, DuesSettingsForm, GridCell, GridRow,
    MonthState, Payment, PaymentForm, PaymentMonth, Remittance, RemittanceForm,
};
use super::money::{parse_yuan, yuan};
use super::month::Month;
use super::rules::{monthly_amount, AmountInput, DuesCategory, LARGE_PAYMENT_FEN};
use crate::error::{Error, FieldErrors, Result};
use crate::members::timeline::Timeline;
use crate::store::{now_text, Store};
use crate::text::clean;
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use std::collections::HashMap;

fn timelines(conn: &Connection) -> Result<HashMap<i64, Timeline>> {
    crate::members::timeline::timelines(conn)
}

/// One member's assessments in full, in order of `from_month`.
fn assessments_of(conn: &Connection, member_id: i64) -> Result<Vec<Assessment>> {
    let mut stmt = conn.prepare(
        "SELECT id, member_id, from_month, category, base_fen, fixed_fen, monthly_fen, decision, note, created_at
         FROM dues_assessments WHERE member_id = ?1 ORDER BY from_month, id",
    )?;
    let rows = stmt.query_map([member_id], |r| {
        let category: DuesCategory = r.get(3)?;
        Ok(Assessment {
            id: r.get(0)?,
            member_id: r.get(1)?,
            from_month: r.get(2)?,
            category,
            category_label: category.label(),
            base_fen: r.get(4)?,
            fixed_fen: r.get(5)?,
            monthly_fen: r.get(6)?,
            decision: r.get(7)?,
            note: r.get(8)?,
            created_at: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The rates of the members in `scope` (all of them: a month before the
/// scope's first is owed at the rate set before it).
fn rates(conn: &Connection, scope: &LedgerScope) -> Result<HashMap<i64, Vec<Rate>>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT member_id, from_month, category, base_fen, fixed_fen, monthly_fen
         FROM dues_assessments WHERE 1{} ORDER BY from_month, id",
        scope.members_sql("member_id")
    ))?;
    let mut out: HashMap<i64, Vec<Rate>> = HashMap::new();
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        out.entry(r.get(0)?).or_default().push(Rate {
            from_month: r.get(1)?,
            category: r.get(2)?,
            base_fen: r.get(3)?,
            fixed_fen: r.get(4)?,
            monthly_fen: r.get(5)?,
        });
    }
    Ok(out)
}

/// Net paid per (member, month) in `scope`. Summed here rather than by
/// `GROUP BY`: SQLite sorts every row to group them, six times the time of
/// the scan (43 ms against 7 for the 27,560 months of the synthetic branch).
fn paid_months(conn: &Connection, scope: &LedgerScope) -> Result<rustc_hash::FxHashMap<(i64, Month), i64>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT p.member_id, pm.month, pm.amount_fen FROM dues_payment_months pm
         JOIN dues_payments p ON p.id = pm.payment_id WHERE 1{}",
        scope.sql("p.member_id", "pm.month")
    ))?;
    let mut out = rustc_hash::FxHashMap::default();
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        *out.entry((r.get::<_, i64>(0)?, r.get::<_, Month>(1)?)).or_insert(0) += r.get::<_, i64>(2)?;
    }
    Ok(out)
}

pub(super) fn read_settings(conn: &Connection) -> Result<DuesSettings> {
    Ok(conn.query_row(
        "SELECT farmer_fen, rounding_fen, max_back_months, max_advance_months FROM dues_settings WHERE id = 1",
        [],
        |r| {
            Ok(DuesSettings {
                farmer_fen: r.get(0)?,
                rounding_fen: r.get(1)?,
                max_back_months: r.get(2)?,
                max_advance_months: r.get(3)?,
            })
        },
    )?)
}

fn balance_of(conn: &Connection) -> Result<DuesBalance> {
    let sum = |sql: &str| -> Result<i64> { Ok(conn.query_row(sql, [], |r| r.get(0))?) };
    let collected = sum("SELECT COALESCE(SUM(amount_fen), 0) FROM dues_payments")?;
    let remitted = sum("SELECT COALESCE(SUM(amount_fen), 0) FROM dues_remittances")?;
    let balance = collected - remitted;
    let (received, spent) = super::spending::received_and_spent(conn)?;
    Ok(DuesBalance {
        collected_fen: collected,
        remitted_fen: remitted,
        balance_fen: balance,
        received_fen: received,
        spent_fen: spent,
        available_fen: balance + received - spent,
    })
}

impl Ledger {
    /// The whole ledger state, read once.
    pub(super) fn read(conn: &Connection) -> Result<Ledger> {
        Ledger::read_scope(conn, &LedgerScope::default())
    }

    /// The part of the ledger `scope` asks for. Months before its `from`
    /// read as unpaid: ask only about months from there on.
    pub(super) fn read_scope(conn: &Connection, scope: &LedgerScope) -> Result<Ledger> {
        Ledger::read_scope_of(conn, scope, None)
    }

    /// [`Ledger::read_scope`], taking the timelines of the members it keeps
    /// from `lines` when the caller has read them already.
    fn read_scope_of(conn: &Connection, scope: &LedgerScope, lines: Option<&HashMap<i64, Timeline>>) -> Result<Ledger> {
        let timelines = match lines {
            Some(lines) => lines.iter().filter(|(id, _)| scope.keeps(**id)).map(|(id, t)| (*id, t.clone())).collect(),
            None => timelines(conn)?,
        };
        let mut ledger = Ledger {
            timelines,
            rates: rates(conn, scope)?,
            paid: paid_months(conn, scope)?,
            elsewhere: crate::mobile::elsewhere_months(conn, scope)?,
        };
        ledger.keep_members(scope);
        Ok(ledger)
    }

    /// What the screens ask of a ledger today: the months from `from` on
    /// and each member's arrears up to `current`. Payments are read from two
    /// years before `current` (or the month before `from`, if earlier: a
    /// month is 连续未交 by the one before it); the few whose unpaid run
    /// reaches further back have their earlier months read as well.
    pub(super) fn read_recent(
        conn: &Connection,
        members: Option<Vec<i64>>,
        from: Month,
        current: Month,
        lines: Option<&HashMap<i64, Timeline>>,
    ) -> Result<Ledger> {
        let from = from.plus(-1).min(current.plus(-24));
        let mut ledger = Ledger::read_scope_of(conn, &LedgerScope { members, from: Some(from) }, lines)?;
        let reaching = ledger.runs_reaching(from, current);
        if !reaching.is_empty() {
            let earlier = LedgerScope { members: Some(reaching), from: None };
            ledger.paid.extend(paid_months(conn, &earlier)?);
            ledger.elsewhere.extend(crate::mobile::elsewhere_months(conn, &earlier)?);
        }
        Ok(ledger)
    }
}

/// [`Store::dues_arrears`] with the members' timelines already read (the
/// reminders read them once for every part).
pub(crate) fn dues_arrears(
    conn: &Connection,
    today: NaiveDate,
    lines: &HashMap<i64, Timeline>,
) -> Result<Vec<Arrears>> {
    let current = Month::of(today);
    Ok(Ledger::read_recent(conn, None, current, current, Some(lines))?.arrears_list(current))
}

fn load_payment(conn: &Connection, id: i64) -> Result<Payment> {
    payments_where(conn, "p.id = ?1", params![id])?.pop().ok_or(Error::NotFound("交费记录"))
}

/// Payments matching `condition` (on `dues_payments p`), newest first, each
/// with its months: two queries however many there are.
fn payments_where(conn: &Connection, condition: &str, args: impl rusqlite::Params + Copy) -> Result<Vec<Payment>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT p.id, p.member_id, m.name, p.paid_on, p.kind, p.amount_fen, p.receipt_no, p.collector, p.note,
                p.reverses_id, (SELECT r.id FROM dues_payments r WHERE r.reverses_id = p.id)
         FROM dues_payments p JOIN members m ON m.id = p.member_id WHERE {condition}
         ORDER BY p.paid_on DESC, p.id DESC"
    ))?;
    let mut out: Vec<Payment> = stmt
        .query_map(args, |r| {
            Ok(Payment {
                id: r.get(0)?,
                member_id: r.get(1)?,
                name: r.get(2)?,
                paid_on: r.get(3)?,
                kind: r.get(4)?,
                amount_fen: r.get(5)?,
                months: Vec::new(),
                receipt_no: r.get(6)?,
                collector: r.get(7)?,
                note: r.get(8)?,
                reverses_id: r.get(9)?,
                reversed_by: r.get(10)?,
                large: false,
                back_months: 0,
                advance_months: 0,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut months: HashMap<i64, Vec<PaymentMonth>> = HashMap::new();
    let mut stmt = conn.prepare(&format!(
        "SELECT pm.payment_id, pm.month, pm.amount_fen FROM dues_payment_months pm
         WHERE pm.payment_id IN (SELECT p.id FROM dues_payments p WHERE {condition}) ORDER BY pm.month"
    ))?;
    let mut rows = stmt.query(args)?;
    while let Some(r) = rows.next()? {
        months.entry(r.get(0)?).or_default().push(PaymentMonth { month: r.get(1)?, amount_fen: r.get(2)? });
    }
    for p in &mut out {
        p.months = months.remove(&p.id).unwrap_or_default();
        let paid_month = Month::of(p.paid_on);
        p.back_months = p.months.iter().filter(|m| m.month < paid_month).count();
        p.advance_months = p.months.iter().filter(|m| m.month > paid_month).count();
        p.large = p.amount_fen >= LARGE_PAYMENT_FEN;
    }
    Ok(out)
}

/// One entry to write to the ledger.
struct NewPayment<'a> {
    member_id: i64,
    paid_on: NaiveDate,
    kind: &'a str,
    amount: i64,
    months: &'a [(Month, i64)],
    receipt: &'a str,
    collector: &'a str,
    note: &'a str,
    reverses: Option<i64>,
}

fn insert_payment(conn: &Connection, p: &NewPayment<'_>) -> Result<i64> {
    let NewPayment { member_id, paid_on, kind, amount, months, receipt, collector, note, reverses } = *p;
    conn.execute(
        "INSERT INTO dues_payments (member_id, paid_on, kind, amount_fen, receipt_no, collector, note, reverses_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![member_id, paid_on, kind, amount, receipt, collector, note, reverses, now_text()],
    )?;
    let id = conn.last_insert_rowid();
    for (m, fen) in months {
        conn.execute(
            "INSERT INTO dues_payment_months (payment_id, month, amount_fen) VALUES (?1, ?2, ?3)",
            params![id, m, fen],
        )?;
    }
    Ok(id)
}

impl Store {
    pub fn dues_settings(&self) -> Result<DuesSettings> {
        read_settings(self.conn())
    }

    pub fn save_dues_settings(&mut self, form: &DuesSettingsForm) -> Result<DuesSettings> {
        let mut e = FieldErrors::default();
        let farmer = parse_yuan(&form.farmer_amount).filter(|f| (20..=100).contains(f));
        if farmer.is_none() {
            e.add("farmer_amount", "农民党员每月交纳金额应在 0.20 元至 1.00 元之间");
        }
        if ![1, 10, 100].contains(&form.rounding_fen) {
            e.add("rounding_fen", "取整方式请从列表中选择（到分、到角或到元）");
        }
        for (field, v) in [("max_back_months", form.max_back_months), ("max_advance_months", form.max_advance_months)] {
            if !(1..=12).contains(&v) {
                e.add(field, "请填写 1 到 12 之间的月数（规定一般不超过 6 个月）");
            }
        }
        e.into_result()?;
        self.conn().execute(
            "UPDATE dues_settings SET farmer_fen = ?1, rounding_fen = ?2, max_back_months = ?3, max_advance_months = ?4 WHERE id = 1",
            params![farmer, form.rounding_fen, form.max_back_months, form.max_advance_months],
        )?;
        self.dues_settings()
    }

    /// 年度核定 (or an income change from a month on): computes the amount
    /// by the rules and records it. Returns it with any warnings.
    pub fn assess_dues(&mut self, form: &AssessmentForm) -> Result<(Assessment, Vec<String>)> {
        let (id, warnings) = assess_in(self.conn(), form)?;
        let a = self
            .dues_assessments(form.member_id)?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or(Error::NotFound("党费核定"))?;
        Ok((a, warnings))
    }

    pub fn dues_assessments(&self, member_id: i64) -> Result<Vec<Assessment>> {
        assessments_of(self.conn(), member_id)
    }

    /// Records a payment: months of dues (back and advance within the
    /// branch's limits) or a voluntary extra. All or nothing.
    pub fn record_payment(&mut self, form: &PaymentForm, today: NaiveDate) -> Result<Payment> {
        let tx = self.conn_mut().transaction()?;
        let id = record_payment_in(&tx, form, today)?;
        tx.commit()?;
        load_payment(self.conn(), id)
    }

    /// 收缴日: marks `month` paid for each chosen member at their amount,
    /// skipping those already paid or not owing. One transaction.
    pub fn collect_month(
        &mut self,
        member_ids: &[i64],
        month: &str,
        paid_on: &str,
        collector: &str,
        today: NaiveDate,
    ) -> Result<Vec<Payment>> {
        let mut e = FieldErrors::default();
        let m = parse_month(&mut e, "month", "收缴月份", month);
        let day = parse_day(&mut e, "paid_on", "收缴日期", paid_on, today);
        e.into_result()?;
        let (Some(m), Some(day)) = (m, day) else {
            return Err(Error::NotFound("收缴月份"));
        };
        let tx = self.conn_mut().transaction()?;
        let ledger = Ledger::read(&tx)?;
        let mut ids = Vec::new();
        for &member in member_ids {
            let cell = ledger.state(member, m, Month::of(today).max(m));
            if cell.state != MonthState::Owed {
                continue;
            }
            let form = PaymentForm {
                member_id: member,
                paid_on: day.to_string(),
                kind: "dues".into(),
                months: vec![m.to_string()],
                collector: collector.into(),
                ..Default::default()
            };
            ids.push(record_payment_in(&tx, &form, today)?);
        }
        if ids.is_empty() {
            let mut e = FieldErrors::default();
            e.add("month", format!("所选党员 {} 的党费都已交过或不需要交，没有登记新的记录", m.label()));
            return Err(Error::Validation(e));
        }
        tx.commit()?;
        ids.into_iter().map(|id| load_payment(self.conn(), id)).collect()
    }

    /// Reverses a wrong payment with an opposite entry; both are kept.
    pub fn reverse_payment(&mut self, id: i64, reason: &str, today: NaiveDate) -> Result<Payment> {
        let reason = clean(reason);
        if reason.is_empty() {
            let mut e = FieldErrors::default();
            e.add("reason", "请写明冲正原因（如 金额登记错误）");
            return Err(Error::Validation(e));
        }
        let tx = self.conn_mut().transaction()?;
        let original = load_payment(&tx, id)?;
        if original.reverses_id.is_some() {
            let mut e = FieldErrors::default();
            e.add("reason", "这是一条冲正记录，不能再冲正；如有错误请重新登记一笔");
            return Err(Error::Validation(e));
        }
        if original.reversed_by.is_some() {
            let mut e = FieldErrors::default();
            e.add("reason", "这笔交费已经冲正过了");
            return Err(Error::Validation(e));
        }
        let months: Vec<(Month, i64)> = original.months.iter().map(|m| (m.month, -m.amount_fen)).collect();
        let note = format!("冲正第 {id} 号记录：{reason}");
        let new_id = insert_payment(
            &tx,
            &NewPayment {
                member_id: original.member_id,
                paid_on: today,
                kind: &original.kind,
                amount: -original.amount_fen,
                months: &months,
                receipt: &original.receipt_no,
                collector: "",
                note: &note,
                reverses: Some(id),
            },
        )?;
        tx.commit()?;
        load_payment(self.conn(), new_id)
    }

    /// The year's payments (by payment date), newest first.
    pub fn dues_payments(&self, year: i32) -> Result<Vec<Payment>> {
        self.dues_payments_of(year, None)
    }

    /// The year's payments of everyone, or of `member` only (a member's dues page).
    pub fn dues_payments_of(&self, year: i32, member: Option<i64>) -> Result<Vec<Payment>> {
        payments_where(
            self.conn(),
            "p.paid_on >= ?1 AND p.paid_on <= ?2 AND (?3 IS NULL OR p.member_id = ?3)",
            params![format!("{year:04}-01-01"), format!("{year:04}-12-31"), member],
        )
    }

    /// Members × 12 months of `year`, with totals.
    pub fn dues_grid(&self, year: i32, today: NaiveDate) -> Result<DuesGrid> {
        self.dues_grid_of(year, today, None)
    }

    /// The grid of `year` with every member's row, or only `member`'s (a
    /// member's dues page): the totals are then that member's.
    pub fn dues_grid_of(&self, year: i32, today: NaiveDate, member: Option<i64>) -> Result<DuesGrid> {
        let current = Month::of(today);
        let ledger =
            Ledger::read_recent(self.conn(), member.map(|id| vec![id]), Month { year, month: 1 }, current, None)?;
        let settings = self.dues_settings()?;
        let mut ids: Vec<i64> = ledger.timelines.keys().copied().collect();
        ids.sort_unstable();
        let mut rows = Vec::new();
        for id in ids {
            let cells: Vec<GridCell> = Month::year_months(year).map(|m| ledger.state(id, m, current)).collect();
            if cells.iter().all(|c| c.state == MonthState::NotMember) {
                continue;
            }
            let latest =
                rate_for(ledger.rates.get(&id), Month { year, month: 12 }.min(current.max(Month { year, month: 1 })));
            let rate_label = latest.and_then(|a| {
                monthly_amount(
                    AmountInput { category: a.category, base: a.base_fen, fixed: a.fixed_fen },
                    settings.rounding_fen,
                )
                .ok()
                .map(|x| x.rate_label)
            });
            rows.push(GridRow {
                member_id: id,
                name: ledger.timelines[&id].name.clone(),
                category_label: latest.map(|a| a.category.label()),
                base_fen: latest.and_then(|a| a.base_fen),
                rate_label,
                monthly_fen: latest.map(|a| a.monthly_fen),
                total_fen: cells.iter().map(|c| c.paid_fen).sum(),
                arrears_months: ledger.arrears(id, current).0,
                cells,
            });
        }
        let month_totals: Vec<i64> = (0..12).map(|i| rows.iter().map(|r| r.cells[i].paid_fen).sum()).collect();
        let extra_fen: i64 = self.conn().query_row(
            "SELECT COALESCE(SUM(amount_fen), 0) FROM dues_payments WHERE kind = 'extra' AND paid_on >= ?1 AND paid_on <= ?2
             AND (?3 IS NULL OR member_id = ?3)",
            params![format!("{year:04}-01-01"), format!("{year:04}-12-31"), member],
            |r| r.get(0),
        )?;
        Ok(DuesGrid { year, total_fen: month_totals.iter().sum(), month_totals, rows, extra_fen })
    }

    /// Members with three or more consecutive unpaid months (warn), six or
    /// more (flag: 党章第九条, 自行脱党 unless there is good reason).
    pub fn dues_arrears(&self, today: NaiveDate) -> Result<Vec<Arrears>> {
        dues_arrears(self.conn(), today, &timelines(self.conn())?)
    }

    pub fn record_remittance(&mut self, form: &RemittanceForm, today: NaiveDate) -> Result<Remittance> {
        let id = remit_in(self.conn(), form, today)?;
        self.remittances(None)?.into_iter().find(|r| r.id == id).ok_or(Error::NotFound("上缴记录"))
    }

    /// Remittances, all or of one year (by date), oldest first.
    pub fn remittances(&self, year: Option<i32>) -> Result<Vec<Remittance>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, remitted_on, from_month, to_month, amount_fen, handler, voucher, note FROM dues_remittances
             WHERE ?1 IS NULL OR substr(remitted_on, 1, 4) = ?1 ORDER BY remitted_on, id",
        )?;
        let rows = stmt.query_map([year.map(|y| format!("{y:04}"))], |r| {
            Ok(Remittance {
                id: r.get(0)?,
                remitted_on: r.get(1)?,
                from_month: r.get(2)?,
                to_month: r.get(3)?,
                amount_fen: r.get(4)?,
                handler: r.get(5)?,
                voucher: r.get(6)?,
                note: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Collected against remitted, all time.
    pub fn dues_balance(&self) -> Result<DuesBalance> {
        balance_of(self.conn())
    }
}

/// One month's cell of one member as the grid shows it (流动党员's
/// 在流入地缴纳 asks it before recording a month).
pub(crate) fn month_state_of(conn: &Connection, member_id: i64, m: Month, today: NaiveDate) -> Result<GridCell> {
    Ok(Ledger::read_scope(conn, &LedgerScope::member(member_id))?.state(member_id, m, Month::of(today)))
}

/// Checks and stores one payment inside the caller's transaction.
pub(crate) fn record_payment_in(conn: &Connection, form: &PaymentForm, today: NaiveDate) -> Result<i64> {
    record_payment_with(conn, &mut Ledger::read_scope(conn, &LedgerScope::member(form.member_id))?, form, today)
}

/// Many payments against one reading of the ledger, each checked exactly as
/// [`record_payment_in`] checks it and the ledger brought up to date after
/// each, inside the caller's transaction: reading the whole ledger for every
/// one of thousands (the synthetic branch's years of 收缴) is quadratic. A
/// payment the rules refuse is its own `Err` and the others are still
/// written; any other error ends the batch.
pub(crate) fn record_payments_in(
    conn: &Connection,
    forms: &[PaymentForm],
    today: NaiveDate,
) -> Result<Vec<Result<i64>>> {
    let mut ledger = Ledger::read(conn)?;
    forms
        .iter()
        .map(|form| match record_payment_with(conn, &mut ledger, form, today) {
            Err(e @ Error::Validation(_)) => Ok(Err(e)),
            other => other.map(Ok),
        })
        .collect()
}

fn record_payment_with(conn: &Connection, ledger: &mut Ledger, form: &PaymentForm, today: NaiveDate) -> Result<i64> {
    let settings: (i64, i64) =
        conn.query_row("SELECT max_back_months, max_advance_months FROM dues_settings WHERE id = 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let Some(t) = ledger.timelines.get(&form.member_id).filter(|t| !t.deleted) else {
        return Err(Error::NotFound("党员档案"));
    };
    let mut e = FieldErrors::default();
    let paid_on = parse_day(&mut e, "paid_on", "交费日期", &form.paid_on, today);
    let kind = clean(&form.kind);
    let mut months: Vec<(Month, i64)> = Vec::new();
    let amount = match kind.as_str() {
        "extra" => {
            let a = parse_yuan(&form.amount).filter(|a| *a > 0);
            if a.is_none() {
                e.add("amount", "请填写自愿多交的金额（元）");
            }
            a.unwrap_or(0)
        }
        "dues" | "" => {
            let mut parsed: Vec<Month> = Vec::new();
            for text in &form.months {
                match Month::parse(text) {
                    Some(m) if parsed.contains(&m) => e.add("months", format!("{}选了两次", m.label())),
                    Some(m) => parsed.push(m),
                    None => e.add("months", format!("“{text}”不是年月，请写成 2026-03")),
                }
            }
            parsed.sort();
            if parsed.is_empty() && !e.has("months") {
                e.add("months", "请选择这次交的是哪几个月的党费");
            }
            let current = Month::of(today);
            for m in &parsed {
                let cell = ledger.state(form.member_id, *m, current);
                // The rule the pay forms follow (GridCell::payable).
                if cell.payable {
                    months.push((*m, cell.due_fen));
                    continue;
                }
                let why = match cell.state {
                    MonthState::NotMember => format!("{}{}不在本支部或尚未入党，不需要在这里交", t.name, m.label()),
                    MonthState::Unassessed => format!("{}{}的党费还没有核定金额，请先核定", t.name, m.label()),
                    MonthState::Paid => format!("{}已经交过了", m.label()),
                    MonthState::Waived => format!("{}是免交的", m.label()),
                    MonthState::Elsewhere => format!("{}已在流入地党组织缴纳，不在这里交", m.label()),
                    // Payable, so taken above.
                    MonthState::Owed | MonthState::Future => format!("{}现在不能交", m.label()),
                };
                e.add("months", why);
            }
            if let Some(day) = paid_on {
                let pm = Month::of(day);
                // 补交 reaches back at most N months from the month paid in,
                // however the months are split over payments (docs/DOMAIN.md
                // §2): an older month only with the reason in 备注, which the
                // record then carries (the rule says "一般", not "never").
                let too_old: Vec<&Month> = parsed.iter().filter(|m| i64::from(m.until(pm)) > settings.0).collect();
                if !too_old.is_empty() && clean(&form.note).is_empty() {
                    let labels: Vec<String> = too_old.iter().map(|m| m.label()).collect();
                    e.add(
                        "months",
                        format!(
                            "{}已超过补交期限（交费当月往前 {} 个月以内才能补交）。确需补交的，请在“备注”里写明原因（如经支部委员会同意）后再登记",
                            labels.join("、"),
                            settings.0
                        ),
                    );
                }
                let advance = parsed.iter().filter(|m| **m > pm).count() as i64;
                if advance > settings.1 {
                    e.add("months", format!("一次预交不超过 {} 个月（这次预交 {advance} 个月）", settings.1));
                }
            }
            months.iter().map(|(_, a)| a).sum()
        }
        _ => {
            e.add("kind", "请选择交纳党费还是自愿多交");
            0
        }
    };
    e.into_result()?;
    let Some(paid_on) = paid_on else {
        return Err(Error::NotFound("交费日期"));
    };
    let id = insert_payment(
        conn,
        &NewPayment {
            member_id: form.member_id,
            paid_on,
            kind: if kind == "extra" { "extra" } else { "dues" },
            amount,
            months: &months,
            receipt: &clean(&form.receipt_no),
            collector: &clean(&form.collector),
            note: &clean(&form.note),
            reverses: None,
        },
    )?;
    for (m, fen) in &months {
        *ledger.paid.entry((form.member_id, *m)).or_insert(0) += fen;
    }
    Ok(id)
}

/// Checks and records an assessment inside the caller's transaction.
pub(crate) fn assess_in(conn: &Connection, form: &AssessmentForm) -> Result<(i64, Vec<String>)> {
    let settings = read_settings(conn)?;
    let mut e = FieldErrors::default();
    let exists: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM members WHERE id = ?1 AND deleted_at IS NULL)",
        [form.member_id],
        |r| r.get(0),
    )?;
    if !exists {
        return Err(Error::NotFound("党员档案"));
    }
    let from = parse_month(&mut e, "from_month", "从哪个月起", &form.from_month);
    let category = DuesCategory::from_code(&clean(&form.category));
    if category.is_none() {
        e.add("category", "请选择党费类别");
    }
    let yuan_field = |e: &mut FieldErrors, field: &'static str, text: &str| -> Option<i64> {
        if clean(text).is_empty() {
            return None;
        }
        let v = parse_yuan(text);
        if v.is_none() {
            e.add(field, "金额请写成 3000 或 3000.50 这样（元）");
        }
        v
    };
    let base = yuan_field(&mut e, "base", &form.base);
    let fixed = match category {
        Some(DuesCategory::Farmer) => Some(settings.farmer_fen),
        _ => yuan_field(&mut e, "fixed", &form.fixed),
    };
    let decision = clean(&form.decision);
    if category == Some(DuesCategory::Hardship) && decision.is_empty() {
        e.add("decision", "减免须经支部研究、上级党委批准：请写明批准日期和文号");
    }
    let amount = match category {
        Some(c) if !e.has("base") && !e.has("fixed") => {
            match monthly_amount(AmountInput { category: c, base, fixed }, settings.rounding_fen) {
                Ok(a) => Some(a),
                Err(err) => {
                    let field = match err {
                        super::rules::AmountError::MissingBase | super::rules::AmountError::NegativeBase => "base",
                        _ => "fixed",
                    };
                    e.add(field, err.to_string());
                    None
                }
            }
        }
        _ => None,
    };
    e.into_result()?;
    let (Some(from), Some(category), Some(amount)) = (from, category, amount) else {
        return Err(Error::NotFound("党费核定"));
    };
    let uses_base = matches!(category, DuesCategory::InService | DuesCategory::Declared | DuesCategory::Retired);
    conn.execute(
            "INSERT INTO dues_assessments (member_id, from_month, category, base_fen, fixed_fen, monthly_fen, decision, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                form.member_id,
                from,
                category,
                base.filter(|_| uses_base),
                fixed.filter(|_| matches!(category, DuesCategory::Farmer | DuesCategory::Hardship)),
                amount.monthly_fen,
                decision,
                clean(&form.note),
                now_text()
            ],
        )?;
    Ok((conn.last_insert_rowid(), amount.warnings))
}

/// Checks and records a remittance inside the caller's transaction.
pub(crate) fn remit_in(conn: &Connection, form: &RemittanceForm, today: NaiveDate) -> Result<i64> {
    let mut e = FieldErrors::default();
    let day = parse_day(&mut e, "remitted_on", "上缴日期", &form.remitted_on, today);
    let from = parse_month(&mut e, "from_month", "所属月份（起）", &form.from_month);
    let to = parse_month(&mut e, "to_month", "所属月份（止）", &form.to_month);
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            e.add("to_month", "所属月份的“止”不能早于“起”");
        }
    }
    let amount = parse_yuan(&form.amount).filter(|a| *a > 0);
    if amount.is_none() {
        e.add("amount", "请填写上缴金额（元），如 120.50");
    }
    if let Some(a) = amount {
        let balance = balance_of(conn)?.balance_fen;
        if a > balance {
            e.add("amount", format!("上缴金额超过了支部现有党费结余（{} 元），请核对", yuan(balance)));
        }
    }
    e.into_result()?;
    let (Some(day), Some(from), Some(to), Some(amount)) = (day, from, to, amount) else {
        return Err(Error::NotFound("上缴记录"));
    };
    conn.execute(
            "INSERT INTO dues_remittances (remitted_on, from_month, to_month, amount_fen, handler, voucher, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![day, from, to, amount, clean(&form.handler), clean(&form.voucher), clean(&form.note), now_text()],
        )?;
    Ok(conn.last_insert_rowid())
}
