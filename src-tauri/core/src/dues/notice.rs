//! 党费收缴情况公示: who paid which months of a period and how much. Names
//! only: no ID or phone number ever appears on a notice.

use super::model::MonthState;
use super::money::yuan;
use super::month::Month;
use crate::error::{Error, Result};
use crate::store::Store;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NoticeRow {
    pub seq: usize,
    pub name: String,
    /// e.g. `1—3月、5月`
    pub paid_months: String,
    pub unpaid_months: String,
    pub amount_fen: i64,
    pub amount: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DuesNotice {
    pub title: String,
    pub period_label: String,
    pub branch_name: String,
    pub rows: Vec<NoticeRow>,
    pub total_fen: i64,
    pub total: String,
    pub remitted: String,
    pub remitted_fen: i64,
    /// 使用明细 of the period (docs/DOMAIN.md §9): spending and 慰问金 from
    /// 上级下拨党费, by the day spent, from the first day of the period's
    /// first month to the last of its last.
    pub spending: Vec<super::spending::SpendingLine>,
    /// 下拨 received in the period, by the day received.
    pub received_fen: i64,
    pub spent_fen: i64,
    /// 本期结余: 收缴 (`total_fen`) − 上缴 + 下拨 − 使用.
    pub balance_fen: i64,
    pub issued_on: NaiveDate,
}

/// `1—3月、5月、7月` from sorted months of one year.
pub fn months_label(months: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < months.len() {
        let start = months[i];
        let mut end = start;
        while i + 1 < months.len() && months[i + 1] == end + 1 {
            i += 1;
            end = months[i];
        }
        parts.push(if start == end { format!("{start}月") } else { format!("{start}—{end}月") });
        i += 1;
    }
    parts.join("、")
}

impl Store {
    /// The notice for a year, or one quarter (1–4), or one month (1–12) of it.
    pub fn dues_notice(
        &self,
        year: i32,
        quarter: Option<u32>,
        month: Option<u32>,
        today: NaiveDate,
    ) -> Result<DuesNotice> {
        let (months, period_label): (Vec<u32>, String) = match (quarter, month) {
            (_, Some(m)) if (1..=12).contains(&m) => (vec![m], format!("{year}年{m}月")),
            (Some(q), None) if (1..=4).contains(&q) => {
                ((q * 3 - 2..=q * 3).collect(), format!("{year}年第{}季度", ["一", "二", "三", "四"][q as usize - 1]))
            }
            (None, None) => ((1..=12).collect(), format!("{year}年度")),
            _ => return Err(Error::NotFound("公示期间")),
        };
        let grid = self.dues_grid(year, today)?;
        let mut rows = Vec::new();
        for r in &grid.rows {
            let cells: Vec<_> = r.cells.iter().filter(|c| months.contains(&c.month.month)).collect();
            if cells.iter().all(|c| c.state == MonthState::NotMember) {
                continue;
            }
            let paid: Vec<u32> = cells.iter().filter(|c| c.state == MonthState::Paid).map(|c| c.month.month).collect();
            let unpaid: Vec<u32> =
                cells.iter().filter(|c| c.state == MonthState::Owed).map(|c| c.month.month).collect();
            let amount: i64 = cells.iter().map(|c| c.paid_fen).sum();
            rows.push(NoticeRow {
                seq: rows.len() + 1,
                name: r.name.clone(),
                paid_months: months_label(&paid),
                unpaid_months: months_label(&unpaid),
                amount_fen: amount,
                amount: yuan(amount),
            });
        }
        let total: i64 = rows.iter().map(|r| r.amount_fen).sum();
        let first = Month { year, month: months[0] };
        let last = Month { year, month: *months.last().unwrap_or(&12) };
        let remitted: i64 = self
            .remittances(None)?
            .iter()
            .filter(|r| r.from_month >= first && r.to_month <= last)
            .map(|r| r.amount_fen)
            .sum();
        let (from, to) = (first.first_day(), last.last_day());
        let spending = super::spending::lines_between(self.conn(), from, to)?;
        let spent: i64 = spending.iter().map(|l| l.amount_fen).sum();
        let received = self.dues_period_totals(from, to)?.received_fen;
        Ok(DuesNotice {
            title: "党费收缴情况公示".into(),
            period_label,
            branch_name: self.branch()?.name,
            rows,
            total_fen: total,
            total: yuan(total),
            remitted: yuan(remitted),
            remitted_fen: remitted,
            spending,
            received_fen: received,
            spent_fen: spent,
            balance_fen: total - remitted + received - spent,
            issued_on: today,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_ranges_read_naturally() {
        assert_eq!(months_label(&[1, 2, 3, 5, 7, 8]), "1—3月、5月、7—8月");
        assert_eq!(months_label(&[]), "");
        assert_eq!(months_label(&[12]), "12月");
    }
}
