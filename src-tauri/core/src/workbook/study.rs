//! 学时 sheets of a year (docs/DOMAIN.md §9.5): the 党员教育培训学时登记表
//! (each member's hours by month, the 集中培训, 合计, 应达, 达标) and the
//! 培训活动记录台账 (the year's trainings with who took part, and the 人次).

use super::recruits::dot;
use super::sheet::{Cell, Sheet};
use super::{headers, SHEETS};
use crate::error::Result;
use crate::store::Store;
use crate::study::rules::hours_text;
use chrono::NaiveDate;

pub(super) const HOURS: &str = "党员教育培训学时登记表";
pub(super) const TRAININGS: &str = "培训活动记录台账";

fn name_of(which: &str) -> &'static str {
    SHEETS.iter().copied().find(|s| *s == which).unwrap_or(HOURS)
}

/// Each member on the roster in `year`, one line.
pub(super) fn hours(store: &Store, year: i32, today: NaiveDate) -> Result<Sheet> {
    let y = store.study_year(year, today)?;
    let mut heads: Vec<(String, f64)> = headers(&[("序号", 4.0), ("姓名", 8.0), ("类别", 8.0), ("职务", 7.0)]);
    heads.extend((1..=12).map(|m| (format!("{m}月"), 5.5)));
    heads.extend(headers(&[("集中培训次数", 6.5), ("集中培训学时", 6.5), ("合计", 6.5), ("应达", 9.0), ("达标", 6.5)]));
    let rows = y
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut cells = vec![
                Cell::Count(i + 1),
                Cell::Center(r.name.clone()),
                Cell::Center(r.kind_label.clone()),
                Cell::Center(r.post.clone()),
            ];
            cells.extend(r.month_hours.iter().map(|h| Cell::Center(h.clone())));
            cells.push(Cell::Count(r.central_count as usize));
            cells.push(Cell::Center(hours_text(r.central_tenths)));
            cells.push(Cell::Center(r.total.clone()));
            cells.push(Cell::Center(match r.joined_on {
                Some(d) => format!("{}（{}入）", r.target, dot(d)),
                None => r.target.clone(),
            }));
            cells.push(Cell::Center(if r.met { "是" } else { "否" }.into()));
            cells
        })
        .collect();
    Ok(Sheet {
        name: name_of(HOURS),
        title: format!("{year}年度党员教育培训学时登记表"),
        headers: heads,
        rows,
        totals: None,
        empty_text: Some("本年度没有在册党员"),
        landscape: true,
        fit_rows: true,
    })
}

/// The year's trainings by day, each with its participants, and the 人次.
pub(super) fn trainings(store: &Store, year: i32) -> Result<Sheet> {
    let mut list = store.trainings(year)?;
    list.reverse();
    let person_times: usize = list.iter().map(|t| t.participants.len()).sum();
    let mut rows: Vec<Vec<Cell>> = list
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let when = match t.ended_on {
                Some(e) if e != t.started_on => format!("{}—{}", dot(t.started_on), dot(e)),
                _ => dot(t.started_on),
            };
            let org = if t.organiser_name.is_empty() { t.organiser_label.clone() } else { t.organiser_name.clone() };
            vec![
                Cell::Count(i + 1),
                Cell::Center(when),
                Cell::Center(org),
                Cell::Text(t.place.clone()),
                Cell::Text(format!("{}（{}）", t.topic, t.level_label)),
                Cell::Center(t.hours.clone()),
                Cell::Text(
                    t.participants
                        .iter()
                        .map(|p| if p.partial { format!("{}（{}）", p.name, p.hours) } else { p.name.clone() })
                        .collect::<Vec<_>>()
                        .join("、"),
                ),
                Cell::Count(t.participants.len()),
            ]
        })
        .collect();
    if !list.is_empty() {
        rows.push(vec![
            Cell::Center("合计".into()),
            Cell::Center(format!("{} 次", list.len())),
            Cell::Text(String::new()),
            Cell::Text(String::new()),
            Cell::Text(String::new()),
            Cell::Text(String::new()),
            Cell::Center("人次".into()),
            Cell::Count(person_times),
        ]);
    }
    Ok(Sheet {
        name: name_of(TRAININGS),
        title: format!("{year}年度培训活动记录台账"),
        headers: headers(&[
            ("序号", 5.0),
            ("日期", 12.0),
            ("举办单位", 14.0),
            ("地点", 14.0),
            ("内容", 30.0),
            ("学时", 6.0),
            ("参加人员", 40.0),
            ("人数", 6.0),
        ]),
        rows,
        totals: None,
        empty_text: Some("本年度没有培训记录"),
        landscape: true,
        fit_rows: true,
    })
}
