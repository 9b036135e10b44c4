//! 积分台账 (docs/DOMAIN.md §9.5): each member's points by month, the year's
//! 基础分, 先锋分 and 倒扣分, the 合计 and 星级, under the rule set in use;
//! one line saying 积分制未启用 when no rule set is on.

use super::sheet::{Cell, Sheet};
use super::{headers, SHEETS};
use crate::error::Result;
use crate::points::format_tenths;
use crate::store::Store;

pub(super) const LEDGER: &str = "积分台账";

fn name_of() -> &'static str {
    SHEETS.iter().copied().find(|s| *s == LEDGER).unwrap_or(LEDGER)
}

/// The year's points of every member on the roster.
pub(super) fn ledger(store: &Store, year: i32) -> Result<Sheet> {
    let y = store.points_year(year)?;
    let mut list: Vec<(String, f64)> = vec![("序号".into(), 4.0), ("姓名".into(), 8.0)];
    list.extend((1..=12).map(|m| (format!("{m}月"), 5.0)));
    for (h, w) in [("基础分", 6.0), ("先锋分", 6.0), ("倒扣分", 6.0), ("合计", 6.0), ("星级", 9.0)] {
        list.push((h.into(), w));
    }
    let borrowed: Vec<(&str, f64)> = list.iter().map(|(h, w)| (h.as_str(), *w)).collect();
    let rows = y
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let mut cells = vec![Cell::Count(i + 1), Cell::Center(m.name.clone())];
            cells
                .extend(m.months.iter().map(|t| Cell::Center(if *t == 0 { String::new() } else { format_tenths(*t) })));
            cells.push(Cell::Center(format_tenths(m.base_tenths)));
            cells.push(Cell::Center(format_tenths(m.pioneer_tenths)));
            cells.push(Cell::Center(format_tenths(m.deduct_tenths)));
            cells.push(Cell::Center(m.total.clone()));
            cells.push(Cell::Center("★".repeat(m.stars as usize)));
            cells
        })
        .collect();
    let title = if y.enabled {
        format!("{year}年度积分台账（{}）", y.rules_name)
    } else {
        format!("{year}年度积分台账")
    };
    Ok(Sheet {
        name: name_of(),
        title,
        headers: headers(&borrowed),
        rows,
        totals: None,
        empty_text: Some(if y.enabled { "本年度没有在册党员" } else { "积分制未启用" }),
        landscape: true,
        fit_rows: true,
    })
}
