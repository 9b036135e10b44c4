//! 流动党员 in the 台账 (docs/DOMAIN.md §9): the 流动党员登记台账 (one row
//! per period away that touched the year) and the 流动党员联系记录 (the
//! year's contacts), both A4 landscape. Internal 台账 like the roster: the
//! 流入地 contact is printed as typed.

use super::recruits::dot;
use super::sheet::{Cell, Sheet};
use super::{headers, SHEETS};
use crate::error::Result;
use crate::store::Store;

/// The index in [`SHEETS`] of the 流动党员登记台账; the 联系记录 follows it.
pub(super) const REGISTER: usize = 13;
pub(super) const CONTACTS: usize = 14;

const REGISTER_HEADERS: [(&str, f64); 12] = [
    ("序号", 5.0),
    ("姓名", 9.0),
    ("性别", 5.0),
    ("外出时间", 11.0),
    ("返回时间", 11.0),
    ("外出地点", 18.0),
    ("从事工作", 12.0),
    ("流入地党组织及联系方式", 24.0),
    ("活动证号", 12.0),
    ("联系人", 9.0),
    ("组织关系", 10.0),
    ("备注", 12.0),
];

const CONTACT_HEADERS: [(&str, f64); 7] =
    [("序号", 5.0), ("日期", 11.0), ("姓名", 9.0), ("联系人", 9.0), ("方式", 9.0), ("内容", 40.0), ("意见建议", 28.0)];

/// 流动党员登记台账: every period away that touched `year`.
pub(super) fn register(store: &Store, year: i32) -> Result<Sheet> {
    let mut rows = Vec::new();
    for (i, p) in store.mobile_periods_of_year(year)?.iter().enumerate() {
        let sex = store.member(p.member_id)?.sex.label();
        let host = [p.host_org.as_str(), p.host_contact.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("，");
        rows.push(vec![
            Cell::Count(i + 1),
            Cell::Center(p.name.clone()),
            Cell::Center(sex.into()),
            Cell::Center(dot(p.left_on)),
            Cell::Center(p.back_on.map(dot).unwrap_or_default()),
            Cell::Text(p.where_label.clone()),
            Cell::Text(p.work.clone()),
            Cell::Text(host),
            Cell::Center(p.card_number.clone()),
            Cell::Center(p.contact_person.clone()),
            Cell::Center(p.relation_label.into()),
            Cell::Text(p.notes.clone()),
        ]);
    }
    Ok(Sheet {
        name: SHEETS[REGISTER],
        title: format!("{year}年度{}", SHEETS[REGISTER]),
        headers: headers(&REGISTER_HEADERS),
        rows,
        totals: None,
        empty_text: Some("（本年度无流动党员）"),
        landscape: true,
        fit_rows: true,
    })
}

/// 流动党员联系记录: the year's contacts, oldest first.
pub(super) fn contacts(store: &Store, year: i32) -> Result<Sheet> {
    let rows = store
        .mobile_contacts_of_year(year)?
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            vec![
                Cell::Count(i + 1),
                Cell::Center(dot(c.contacted_on)),
                Cell::Center(c.name),
                Cell::Center(c.contacted_by),
                Cell::Center(c.how_label.into()),
                Cell::Text(c.content),
                Cell::Text(c.suggestions),
            ]
        })
        .collect();
    Ok(Sheet {
        name: SHEETS[CONTACTS],
        title: format!("{year}年度{}", SHEETS[CONTACTS]),
        headers: headers(&CONTACT_HEADERS),
        rows,
        totals: None,
        empty_text: Some("（本年度无联系记录）"),
        landscape: true,
        fit_rows: true,
    })
}
