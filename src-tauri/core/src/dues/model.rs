//! The dues ledger's public data: settings, assessments, payments, the
//! year grid and its cells, arrears, remittances and the balance. Every
//! amount is integer 分. The rules are in `ledger_rules.rs`, the storage in
//! `repo.rs`.

use super::month::Month;
use super::rules::DuesCategory;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

// ---------- settings ----------

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct DuesSettings {
    pub farmer_fen: i64,
    pub rounding_fen: i64,
    pub max_back_months: i64,
    pub max_advance_months: i64,
}

#[derive(Clone, Debug, Default, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct DuesSettingsForm {
    /// Yuan, 0.20–1.00.
    pub farmer_amount: String,
    /// 1, 10 or 100 分.
    pub rounding_fen: i64,
    pub max_back_months: i64,
    pub max_advance_months: i64,
}

// ---------- assessments ----------

#[derive(Clone, Debug, Default, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct AssessmentForm {
    pub member_id: i64,
    /// `YYYY-MM`: the month the amount applies from.
    pub from_month: String,
    pub category: String,
    /// Monthly base in yuan, for in-service, declared and retired members.
    pub base: String,
    /// Hardship: the approved monthly amount in yuan (0 = exempt).
    pub fixed: String,
    /// Hardship: the decision (date, 党委 approval reference).
    pub decision: String,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Assessment {
    pub id: i64,
    pub member_id: i64,
    pub from_month: Month,
    pub category: DuesCategory,
    pub category_label: &'static str,
    pub base_fen: Option<i64>,
    pub fixed_fen: Option<i64>,
    pub monthly_fen: i64,
    pub decision: String,
    pub note: String,
    pub created_at: String,
}

/// 批量核定, one member's line: the amount the batch would set, or why it
/// leaves the member alone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct BatchAssessRow {
    pub member_id: i64,
    pub name: String,
    /// The monthly amount the batch would set; `None` when skipped.
    pub monthly_fen: Option<i64>,
    /// Why the batch skips this member, in words; `None`: would be assessed.
    pub skipped: Option<String>,
    /// Skipped because only the member's own figures can decide (a 基数, a
    /// hardship decision, a later first month): 需要逐个核定.
    pub one_by_one: bool,
}

/// What 批量核定 would do: the members it would assess first, then the
/// skipped with their reasons.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct BatchAssessPreview {
    pub category: DuesCategory,
    pub category_label: &'static str,
    /// The month the amounts apply from (the default when none was given).
    pub from_month: Month,
    /// The amount every assessed member gets, where the category fixes one.
    pub monthly_fen: Option<i64>,
    pub rows: Vec<BatchAssessRow>,
    /// How many rows would be assessed.
    pub assessable: usize,
    /// How many need 逐个核定.
    pub one_by_one: usize,
}

// ---------- payments ----------

#[derive(Clone, Debug, Default, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct PaymentForm {
    pub member_id: i64,
    pub paid_on: String,
    /// `dues` (months listed) or `extra` (自愿多交, amount given).
    pub kind: String,
    /// The months this payment covers, `YYYY-MM`.
    pub months: Vec<String>,
    /// Yuan, for `extra` only; dues are what the months owe.
    pub amount: String,
    pub receipt_no: String,
    pub collector: String,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PaymentMonth {
    pub month: Month,
    pub amount_fen: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Payment {
    pub id: i64,
    pub member_id: i64,
    pub name: String,
    pub paid_on: NaiveDate,
    pub kind: String,
    pub amount_fen: i64,
    pub months: Vec<PaymentMonth>,
    pub receipt_no: String,
    pub collector: String,
    pub note: String,
    pub reverses_id: Option<i64>,
    pub reversed_by: Option<i64>,
    /// ≥ 1000 元 in one payment: goes entirely to the Centre.
    pub large: bool,
    /// Back payment (补交) and advance (预交) months in this payment.
    pub back_months: usize,
    pub advance_months: usize,
}

// ---------- the grid ----------

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum MonthState {
    /// Not in the branch (not yet admitted, transferred out, deceased …).
    NotMember,
    /// In the branch but no amount has been assessed.
    Unassessed,
    /// Owed and not (fully) paid, and due.
    Owed,
    Paid,
    /// Assessed at 0 (hardship exemption).
    Waived,
    /// Not due yet and not paid in advance.
    Future,
    /// Paid where the member lives (流动党员, 2008 党费规定 第九条;
    /// docs/DOMAIN.md §9): never arrears here.
    Elsewhere,
}

impl MonthState {
    pub fn label(self) -> &'static str {
        match self {
            MonthState::NotMember => "不在册",
            MonthState::Unassessed => "未核定",
            MonthState::Owed => "未交",
            MonthState::Paid => "已交",
            MonthState::Waived => "免交",
            MonthState::Future => "未到期",
            MonthState::Elsewhere => "在流入地缴纳",
        }
    }

    /// A payment may list this month: owed (未交, back payments included) or
    /// not due yet (预交). Not a month outside the branch, unassessed, paid
    /// or waived. `record_payment` refuses the others by this rule, and the
    /// grid's cells carry it (`GridCell::payable`) for the pay forms.
    pub fn payable(self) -> bool {
        matches!(self, MonthState::Owed | MonthState::Future)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct GridCell {
    pub month: Month,
    pub state: MonthState,
    pub state_label: &'static str,
    /// What the month owes, where assessed.
    pub owed_fen: Option<i64>,
    /// Net paid for the month (reversals subtracted).
    pub paid_fen: i64,
    /// What paying this month now would cost (owed less already paid).
    pub due_fen: i64,
    /// A payment may list this month now ([`MonthState::payable`]).
    pub payable: bool,
    /// The month before is still owed too: the member is behind, and a
    /// 收缴日 does not tick this month for him (issue 17, item 5) — the
    /// older months first, on his own page.
    pub behind: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct GridRow {
    pub member_id: i64,
    pub name: String,
    pub category_label: Option<&'static str>,
    pub base_fen: Option<i64>,
    pub rate_label: Option<String>,
    pub monthly_fen: Option<i64>,
    pub cells: Vec<GridCell>,
    /// Paid for this year's months.
    pub total_fen: i64,
    /// Consecutive unpaid months up to last month.
    pub arrears_months: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct DuesGrid {
    pub year: i32,
    pub rows: Vec<GridRow>,
    /// Per month: what was paid for that month, all members.
    pub month_totals: Vec<i64>,
    pub total_fen: i64,
    /// 自愿多交 received this year.
    pub extra_fen: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Arrears {
    pub member_id: i64,
    pub name: String,
    pub months: usize,
    pub from: Month,
    pub to: Month,
    pub owed_fen: i64,
    /// `warn` at 3 months, `flag` at 6 (党章第九条).
    pub level: &'static str,
    pub message: String,
}

// ---------- remittances ----------

#[derive(Clone, Debug, Default, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct RemittanceForm {
    pub remitted_on: String,
    pub from_month: String,
    pub to_month: String,
    /// Yuan.
    pub amount: String,
    pub handler: String,
    pub voucher: String,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Remittance {
    pub id: i64,
    pub remitted_on: NaiveDate,
    pub from_month: Month,
    pub to_month: Month,
    pub amount_fen: i64,
    pub handler: String,
    pub voucher: String,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct DuesBalance {
    /// Everything received (dues and extra, reversals subtracted).
    pub collected_fen: i64,
    pub remitted_fen: i64,
    /// Held by the branch, not yet handed up.
    pub balance_fen: i64,
    /// 下拨: received back from above (docs/DOMAIN.md §9).
    pub received_fen: i64,
    /// 使用: spent, the 慰问金 paid from 上级下拨党费 included.
    pub spent_fen: i64,
    /// 可用结余 = `balance_fen` + `received_fen` − `spent_fen`; below zero
    /// only warns (money from above often arrives late).
    pub available_fen: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_owed_and_not_yet_due_months_are_payable() {
        use MonthState::*;
        for (state, payable) in
            [(NotMember, false), (Unassessed, false), (Owed, true), (Paid, false), (Waived, false), (Future, true)]
        {
            assert_eq!(state.payable(), payable, "{state:?}");
        }
    }
}
