//! 关怀帮扶 sheets of a year (docs/DOMAIN.md §9): the 困难党员台账 (the
//! cases open at some time in the year) and the 走访慰问登记表 (the year's
//! visits, with the 合计 of the 慰问金 in 分).

use super::recruits::dot;
use super::sheet::{Cell, Sheet, Totals};
use super::{headers, SHEETS};
use crate::error::Result;
use crate::store::Store;
use chrono::NaiveDate;

pub(super) const CASES: &str = "困难党员台账";
pub(super) const VISITS: &str = "走访慰问登记表";

fn name_of(which: &str) -> &'static str {
    SHEETS.iter().copied().find(|s| *s == which).unwrap_or(CASES)
}

/// The cases open at some time in `year`, with age as of its end (or today).
pub(super) fn cases(store: &Store, year: i32, today: NaiveDate) -> Result<Sheet> {
    let (first, last) = (crate::date::first_of_month(year, 1), crate::date::last_of_month(year, 12));
    let on = last.min(today.max(first));
    let list: Vec<_> =
        store.care_cases()?.into_iter().filter(|c| c.since <= last && c.closed_on.is_none_or(|d| d >= first)).collect();
    let mut rows = Vec::new();
    for (i, c) in list.iter().enumerate() {
        let m = store.member(c.member_id)?;
        let state = match c.closed_on {
            Some(d) if d <= on => format!("已结束（{}）", dot(d)),
            _ if c.review_due.is_some_and(|d| d <= on) => "待复核".to_string(),
            _ => "帮扶中".to_string(),
        };
        rows.push(vec![
            Cell::Count(i + 1),
            Cell::Center(c.name.clone()),
            Cell::Center(m.sex.label().into()),
            Cell::Center(m.age(on).map_or(String::new(), |a| a.to_string())),
            Cell::Center(c.category_label.clone()),
            Cell::Center(dot(c.since)),
            Cell::Text(c.description.clone()),
            Cell::Center(c.reviewed_on.map(dot).unwrap_or_default()),
            Cell::Center(state),
            Cell::Text(c.close_reason.clone()),
        ]);
    }
    Ok(Sheet {
        name: name_of(CASES),
        title: format!("{year}年度困难党员台账"),
        headers: headers(&[
            ("序号", 5.0),
            ("姓名", 9.0),
            ("性别", 5.0),
            ("年龄", 5.0),
            ("困难类别", 12.0),
            ("认定时间", 11.0),
            ("困难情况", 30.0),
            ("最近复核", 11.0),
            ("状态", 14.0),
            ("备注", 16.0),
        ]),
        rows,
        totals: None,
        empty_text: Some("本年度没有困难党员记录"),
        landscape: true,
        fit_rows: true,
    })
}

/// The year's visits by day; the 慰问金 in 分 and their 合计.
pub(super) fn visits(store: &Store, year: i32) -> Result<Sheet> {
    let list = store.care_visits(year)?;
    let total: i64 = list.iter().map(|v| v.amount_fen).sum();
    let rows = list
        .iter()
        .enumerate()
        .map(|(i, v)| {
            vec![
                Cell::Count(i + 1),
                Cell::Center(dot(v.visited_on)),
                Cell::Center(v.name.clone()),
                Cell::Center(if v.family_name.is_empty() {
                    "本人".into()
                } else {
                    format!("家属 {}", v.family_name)
                }),
                Cell::Center(v.occasion_label.clone()),
                Cell::Text(v.visitors.clone()),
                Cell::Money(v.amount_fen),
                Cell::Center(v.source_label.clone()),
                Cell::Text(v.goods.clone()),
                Cell::Text(v.follow_up.clone()),
            ]
        })
        .collect();
    Ok(Sheet {
        name: name_of(VISITS),
        title: format!("{year}年度走访慰问登记表"),
        headers: headers(&[
            ("序号", 5.0),
            ("日期", 11.0),
            ("姓名", 9.0),
            ("对象", 10.0),
            ("事由", 10.0),
            ("走访人", 14.0),
            ("慰问金（元）", 11.0),
            ("资金来源", 12.0),
            ("慰问物品", 16.0),
            ("后续跟进", 20.0),
        ]),
        rows,
        totals: Some(Totals { label_to: 5, sums: vec![(6, total)], note: None }),
        empty_text: None,
        landscape: true,
        fit_rows: true,
    })
}
