//! 批量核定: one category's monthly amount for many members from one month
//! (issue 17: after importing her roster nobody has an amount). The preview
//! says who would be assessed at what amount and who is skipped and why; the
//! apply writes every assessment through `assess_in`, the check of a single
//! 核定, in one transaction — one refused member refuses the whole batch.
//!
//! Who is skipped (docs/DOMAIN.md §2, "批量核定"): a member not in the branch
//! in the month (not yet admitted, transferred, standing stopped); a member
//! already assessed in or after that month (the batch never overwrites a
//! 核定); and, for a category whose amount needs each member's own figures
//! (a 基数 for 在职/自报/离退休, an approved decision for 生活困难减免), or a
//! member who only joins the branch later in the year, everyone: 需要逐个核定.

use super::ledger_rules::{owes, parse_month, Ledger};
use super::model::{AssessmentForm, BatchAssessPreview, BatchAssessRow};
use super::money::yuan;
use super::month::Month;
use super::repo::assess_in;
use super::rules::{monthly_amount, AmountInput, DuesCategory};
use crate::error::{Error, FieldErrors, Result};
use crate::store::Store;
use crate::text::clean;
use chrono::NaiveDate;
use rusqlite::Connection;

/// The note every assessment of a batch carries, so its history says so.
pub const BATCH_NOTE: &str = "批量核定";

/// The month a batch applies from when she has not chosen one: the month
/// the books start (建账日期) when that is in the current year and not
/// later than today, else the current month.
fn default_from_month(conn: &Connection, today: NaiveDate) -> Result<Month> {
    let current = Month::of(today);
    let records_from: Option<crate::date::PartialDate> =
        conn.query_row("SELECT records_from FROM branch WHERE id = 1", [], |r| r.get(0))?;
    Ok(records_from
        .map(|d| Month { year: d.year(), month: d.month_number() })
        .filter(|m| m.year == current.year && *m <= current)
        .unwrap_or(current))
}

/// Why a category cannot be assessed for many at once, if it cannot.
fn one_by_one_reason(category: DuesCategory) -> Option<String> {
    if category.uses_base() {
        Some(format!(
            "需要逐个核定：“{}”按每个人的月收入基数计算，批量核定不知道各人的收入，请到他的党费页填写基数后核定",
            category.label()
        ))
    } else if category == DuesCategory::Hardship {
        Some("需要逐个核定：生活困难减免要写明每个人经上级党委批准的金额和文号，请到他的党费页核定".into())
    } else {
        None
    }
}

fn preview_in(conn: &Connection, category: &str, from_month: &str, today: NaiveDate) -> Result<BatchAssessPreview> {
    let mut e = FieldErrors::default();
    let category_code = clean(category);
    let category = DuesCategory::from_code(&category_code);
    if category.is_none() {
        e.add("category", "请选择党费类别");
    }
    let from = match clean(from_month).as_str() {
        "" => Some(default_from_month(conn, today)?),
        text => parse_month(&mut e, "from_month", "从哪个月起", text),
    };
    e.into_result()?;
    let (Some(category), Some(from)) = (category, from) else {
        return Err(Error::NotFound("党费核定"));
    };
    let settings = super::repo::read_settings(conn)?;
    // The same amount `assess_in` computes: a farmer pays the branch's amount.
    let fixed = (category == DuesCategory::Farmer).then_some(settings.farmer_fen);
    let amount = monthly_amount(AmountInput { category, base: None, fixed }, settings.rounding_fen).ok();
    let whole_category = one_by_one_reason(category);

    let ledger = Ledger::read(conn)?;
    let mut ids: Vec<i64> = ledger.timelines.keys().copied().collect();
    ids.sort_unstable();
    let (mut assessed, mut skipped) = (Vec::new(), Vec::new());
    for id in ids {
        let t = &ledger.timelines[&id];
        // Only members the ledger of the coming year concerns.
        let Some(first_owed) = (0..12).map(|i| from.plus(i)).find(|m| owes(t, *m)) else {
            continue;
        };
        let list = ledger.rates.get(&id).map(Vec::as_slice).unwrap_or_default();
        let row = |monthly_fen: Option<i64>, skipped: Option<String>, one_by_one: bool| BatchAssessRow {
            member_id: id,
            name: t.name.clone(),
            monthly_fen,
            skipped,
            one_by_one,
        };
        if let Some(a) = list.iter().rev().find(|a| a.from_month <= from) {
            skipped.push(row(
                None,
                Some(format!(
                    "已核定：{}，从{}起每月 {} 元；要改请到他的党费页逐个核定",
                    a.category.label(),
                    a.from_month.label(),
                    yuan(a.monthly_fen)
                )),
                false,
            ));
        } else if let Some(a) = list.iter().find(|a| a.from_month > from) {
            skipped.push(row(
                None,
                Some(format!("需要逐个核定：已有从{}起的核定，这之前的月份请到他的党费页核定", a.from_month.label())),
                true,
            ));
        } else if first_owed != from {
            skipped.push(row(
                None,
                Some(format!(
                    "需要逐个核定：{}他还不在本支部交党费（从{}起才交），请到他的党费页从{}起核定",
                    from.label(),
                    first_owed.label(),
                    first_owed.label()
                )),
                true,
            ));
        } else if let Some(reason) = &whole_category {
            skipped.push(row(None, Some(reason.clone()), true));
        } else {
            assessed.push(row(amount.as_ref().map(|a| a.monthly_fen), None, false));
        }
    }
    let assessable = assessed.len();
    let one_by_one = skipped.iter().filter(|r| r.one_by_one).count();
    assessed.extend(skipped);
    Ok(BatchAssessPreview {
        category,
        category_label: category.label(),
        from_month: from,
        monthly_fen: amount.filter(|_| whole_category.is_none()).map(|a| a.monthly_fen),
        rows: assessed,
        assessable,
        one_by_one,
    })
}

impl Store {
    /// 批量核定, before anything is written: who would be assessed at what
    /// amount, who is skipped and why. An empty `from_month` takes the
    /// default (the 建账 month of this year, else the current month).
    pub fn preview_batch_assessment(
        &self,
        category: &str,
        from_month: &str,
        today: NaiveDate,
    ) -> Result<BatchAssessPreview> {
        preview_in(self.conn(), category, from_month, today)
    }

    /// 批量核定: assesses every member of `member_ids` in `category` from
    /// `from_month`, each through the check of a single 核定, in one
    /// transaction. A member the preview would skip (or an unknown one)
    /// refuses the whole batch and nothing is written. Returns how many were
    /// assessed.
    pub fn assess_batch(
        &mut self,
        category: &str,
        from_month: &str,
        member_ids: &[i64],
        today: NaiveDate,
    ) -> Result<usize> {
        if member_ids.is_empty() {
            let mut e = FieldErrors::default();
            e.add("members", "没有选中要核定的党员：请在名单里勾选");
            return Err(Error::Validation(e));
        }
        let tx = self.conn_mut().transaction()?;
        let preview = preview_in(&tx, category, from_month, today)?;
        let mut refused: Vec<String> = Vec::new();
        let mut seen: Vec<i64> = Vec::new();
        for id in member_ids {
            if seen.contains(id) {
                continue;
            }
            seen.push(*id);
            match preview.rows.iter().find(|r| r.member_id == *id) {
                Some(r) if r.skipped.is_none() => {}
                Some(r) => refused.push(format!("{}（{}）", r.name, r.skipped.as_deref().unwrap_or_default())),
                None => refused.push(format!("第 {id} 号党员（不在这个月的名单里）")),
            }
        }
        if !refused.is_empty() {
            let mut e = FieldErrors::default();
            e.add("members", format!("这次没有核定任何人：{}。请重新预览后再确认", refused.join("；")));
            return Err(Error::Validation(e));
        }
        for id in &seen {
            let form = AssessmentForm {
                member_id: *id,
                from_month: preview.from_month.to_string(),
                category: preview.category.code().into(),
                note: BATCH_NOTE.into(),
                ..Default::default()
            };
            assess_in(&tx, &form)?;
        }
        tx.commit()?;
        Ok(seen.len())
    }
}
