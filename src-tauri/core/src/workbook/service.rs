//! 志愿服务登记台账 (docs/DOMAIN.md §9.5): the year's 志愿服务 and 为民办实事
//! by day, who served, and a 合计 row with the branch's 次数, 人次 and 户
//! (sums as formulas, so an edit in WPS still adds up).

use super::headers;
use super::recruits::dot;
use super::sheet::{Cell, Sheet};
use crate::error::Result;
use crate::service::tenths_text;
use crate::store::Store;

pub(super) const REGISTER: &str = "志愿服务登记台账";

pub(super) fn register(store: &Store, year: i32) -> Result<Sheet> {
    let y = store.service_year(year)?;
    let mut rows: Vec<Vec<Cell>> = y
        .services
        .iter()
        .enumerate()
        .map(|(i, s)| {
            vec![
                Cell::Count(i + 1),
                Cell::Center(dot(s.served_on)),
                Cell::Center(s.kind_label.clone()),
                Cell::Text(s.what.clone()),
                Cell::Text(s.for_whom.clone()),
                Cell::Count(s.households as usize),
                Cell::Count(s.people as usize),
                Cell::Center(s.hours.clone()),
                Cell::Text(s.members.iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join("、")),
                Cell::Count(s.members.len()),
            ]
        })
        .collect();
    if !rows.is_empty() {
        let t = y.totals;
        rows.push(vec![
            Cell::Center("合计".into()),
            Cell::Center(String::new()),
            Cell::Center(String::new()),
            Cell::Text(format!("共 {} 次，{} 人次，服务 {} 户", t.records, t.member_times, t.households)),
            Cell::Text(String::new()),
            Cell::CountSum(t.households),
            Cell::CountSum(t.people),
            Cell::Center(tenths_text(t.tenths)),
            Cell::Text(String::new()),
            Cell::CountSum(t.member_times),
        ]);
    }
    Ok(Sheet {
        name: REGISTER,
        title: format!("{year}年度志愿服务和为民办实事登记台账"),
        headers: headers(&[
            ("序号", 5.0),
            ("日期", 11.0),
            ("类别", 11.0),
            ("服务内容", 26.0),
            ("服务对象", 14.0),
            ("户数", 6.0),
            ("人数", 6.0),
            ("时长（小时）", 11.0),
            ("参加党员", 23.0),
            ("人次", 6.0),
        ]),
        rows,
        totals: None,
        empty_text: Some("本年度没有志愿服务和为民办实事记录"),
        landscape: true,
        fit_rows: true,
    })
}
