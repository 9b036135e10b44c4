//! 党费使用明细 (docs/DOMAIN.md §9; §2 "Publishing"): the year's spending of
//! the dues the branch keeps or receives back, the 慰问金 paid from 上级下拨
//! 党费 among them (from `dues::spending`), a 合计 row, then the year's
//! 收缴合计, 上缴合计, 下拨, 使用 and 结余. Money in 分 to the sheet's cells.
//! The 使用明细 is what the branch posts (docs/DOMAIN.md §2 "Publishing"), so
//! the typed texts pass `mask_public_text`: an ID or mobile number typed
//! into a 用途 or 备注 never reaches the paper whole.

use super::sheet::{Cell, Sheet};
use super::{headers, SHEETS};
use crate::error::Result;
use crate::mask::mask_public_text;
use crate::store::Store;

/// The index in [`SHEETS`] of 党费使用明细.
pub(super) const SPENDING: usize = 17;

const HEADERS: [(&str, f64); 7] = [
    ("序号", 5.0),
    ("日期", 14.0),
    ("用途", 30.0),
    ("金额（元）", 11.0),
    ("审批", 16.0),
    ("凭证号", 14.0),
    ("备注", 16.0),
];

/// A line under the table: the label in 用途, the amount in 金额.
fn summary(label: &str, fen: i64) -> Vec<Cell> {
    vec![
        Cell::Center(String::new()),
        Cell::Text(String::new()),
        Cell::Text(label.into()),
        Cell::Money(fen),
        Cell::Text(String::new()),
        Cell::Text(String::new()),
        Cell::Text(String::new()),
    ]
}

pub(super) fn sheet(store: &Store, year: i32) -> Result<Sheet> {
    let y = store.spending_year(year)?;
    let mut rows: Vec<Vec<Cell>> = y
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            vec![
                Cell::Count(i + 1),
                Cell::Center(super::recruits::dot(l.date)),
                Cell::Text(mask_public_text(&l.purpose)),
                Cell::Money(l.amount_fen),
                Cell::Text(mask_public_text(&l.approval)),
                Cell::Text(mask_public_text(&l.receipt_no)),
                Cell::Text(mask_public_text(&l.note)),
            ]
        })
        .collect();
    if rows.is_empty() {
        let mut empty = summary("（本年度无支出）", 0);
        empty[3] = Cell::Text(String::new());
        rows.push(empty);
    }
    let total: i64 = y.lines.iter().map(|l| l.amount_fen).sum();
    let mut total_row = summary("", total);
    total_row[0] = Cell::Center("合计".into());
    rows.push(total_row);
    let t = y.totals;
    rows.push(summary("收缴合计", t.collected_fen));
    rows.push(summary("上缴合计", t.remitted_fen));
    rows.push(summary("下拨", t.received_fen));
    rows.push(summary("使用", t.spent_fen));
    rows.push(summary("结余", t.balance_fen));
    Ok(Sheet {
        name: SHEETS[SPENDING],
        title: format!("{year}年度党费使用明细"),
        headers: headers(&HEADERS),
        rows,
        totals: None,
        empty_text: None,
        landscape: false,
        fit_rows: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_names_the_sheet() {
        assert_eq!(SHEETS[SPENDING], "党费使用明细");
    }
}
