//! 流动党员 in the database (docs/DOMAIN.md §9). Every save is one
//! transaction: the row, its change-log entry, and the member file's
//! `mobile` / `mobile_destination` made true to the periods through
//! `members::update_from_in` (so the member's history says it too).

use super::model::{
    where_label, AwayRow, Contact, ContactForm, ContactWay, DuesElsewhere, ElsewhereForm, MemberMobile, MobileList,
    Period, PeriodForm, Relation,
};
use super::rules::{
    contact_since, homecoming_window, no_contact_days, should_transfer, MobileHomecomingItem, MobileNoContactItem,
    MobileTransferItem,
};
use crate::date::PartialDate;
use crate::dues::Month;
use crate::error::{Error, FieldErrors, Result};
use crate::members::timeline::{timelines, Timeline};
use crate::members::{load_in, update_from_in};
use crate::store::changelog::{self, FieldChange};
use crate::store::{now_text, Store};
use crate::text::{clean, clean_name};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::collections::{HashMap, HashSet};

const PERIOD_ENTITY: &str = "mobile_period";
const CONTACT_ENTITY: &str = "mobile_contact";
const ELSEWHERE_ENTITY: &str = "dues_elsewhere";

const PERIOD_SELECT: &str = "SELECT p.id, p.member_id, m.name, p.left_on, p.back_on, p.province, p.city, p.county,
    p.place, p.work, p.host_org, p.host_contact, p.card_number, p.contact_person, p.contact_member_id, p.relation,
    p.transfer_id, p.notes FROM mobile_periods p JOIN members m ON m.id = p.member_id";

fn period_from_row(r: &Row<'_>) -> rusqlite::Result<Period> {
    let relation: Relation = r.get(15)?;
    let (province, city, county, place): (String, String, String, String) =
        (r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?);
    Ok(Period {
        id: r.get(0)?,
        member_id: r.get(1)?,
        name: r.get(2)?,
        left_on: r.get(3)?,
        back_on: r.get(4)?,
        where_label: where_label(&province, &city, &county, &place),
        province,
        city,
        county,
        place,
        work: r.get(9)?,
        host_org: r.get(10)?,
        host_contact: r.get(11)?,
        card_number: r.get(12)?,
        contact_person: r.get(13)?,
        contact_member_id: r.get(14)?,
        relation,
        relation_label: relation.label(),
        transfer_id: r.get(16)?,
        notes: r.get(17)?,
    })
}

/// Every live period (of members not deleted), oldest first.
fn all_periods(conn: &Connection) -> Result<Vec<Period>> {
    let mut stmt = conn.prepare(&format!(
        "{PERIOD_SELECT} WHERE p.deleted_at IS NULL AND m.deleted_at IS NULL ORDER BY p.left_on, p.id"
    ))?;
    let rows = stmt.query_map([], period_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn member_periods(conn: &Connection, member_id: i64) -> Result<Vec<Period>> {
    let mut stmt = conn.prepare(&format!(
        "{PERIOD_SELECT} WHERE p.deleted_at IS NULL AND p.member_id = ?1 ORDER BY p.left_on, p.id"
    ))?;
    let rows = stmt.query_map([member_id], period_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn load_period(conn: &Connection, id: i64) -> Result<Period> {
    conn.query_row(&format!("{PERIOD_SELECT} WHERE p.id = ?1 AND p.deleted_at IS NULL"), [id], period_from_row)
        .optional()?
        .ok_or(Error::NotFound("外出记录"))
}

fn member_contacts(conn: &Connection, member_id: Option<i64>) -> Result<Vec<Contact>> {
    let mut stmt = conn.prepare(
        "SELECT c.id, c.member_id, m.name, c.contacted_on, c.contacted_by, c.how, c.content, c.suggestions
         FROM mobile_contacts c JOIN members m ON m.id = c.member_id
         WHERE c.deleted_at IS NULL AND (?1 IS NULL OR c.member_id = ?1) ORDER BY c.contacted_on DESC, c.id DESC",
    )?;
    let rows = stmt.query_map([member_id], |r| {
        let how: ContactWay = r.get(5)?;
        Ok(Contact {
            id: r.get(0)?,
            member_id: r.get(1)?,
            name: r.get(2)?,
            contacted_on: r.get(3)?,
            contacted_by: r.get(4)?,
            how,
            how_label: how.label(),
            content: r.get(6)?,
            suggestions: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The latest contact with each member, up to `today`.
fn last_contacts(conn: &Connection, today: NaiveDate) -> Result<HashMap<i64, NaiveDate>> {
    let mut stmt = conn.prepare(
        "SELECT member_id, MAX(contacted_on) FROM mobile_contacts WHERE deleted_at IS NULL AND contacted_on <= ?1
         GROUP BY member_id",
    )?;
    let rows = stmt.query_map([today], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// `mobile_no_contact_days`, read with the other settings of care_settings
/// (default 90; docs/DOMAIN.md §9).
fn no_contact_limit(conn: &Connection) -> Result<i64> {
    Ok(crate::care::read_care_settings(conn)?.mobile_no_contact_days.into())
}

/// Members with a period away covering `day` (for the meetings' 在流入地参加).
pub(crate) fn away_on(conn: &Connection, day: NaiveDate) -> Result<HashSet<i64>> {
    Ok(all_periods(conn)?.into_iter().filter(|p| p.covers(day)).map(|p| p.member_id).collect())
}

/// Months recorded as paid where the member lives (for the dues ledger), in `scope`.
pub(crate) fn elsewhere_months(conn: &Connection, scope: &crate::dues::LedgerScope) -> Result<HashSet<(i64, Month)>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT member_id, month FROM dues_elsewhere WHERE deleted_at IS NULL{}",
        scope.sql("member_id", "month")
    ))?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Month>(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The three reminders of `today`, for `Reminders`.
pub(crate) fn mobile_reminders(
    conn: &Connection,
    today: NaiveDate,
    lines: &HashMap<i64, Timeline>,
) -> Result<(Vec<MobileNoContactItem>, Vec<MobileTransferItem>, Vec<MobileHomecomingItem>)> {
    let list = mobile_list(conn, today, lines)?;
    let mut no_contact = Vec::new();
    let mut transfer = Vec::new();
    for r in &list.rows {
        if r.no_contact {
            let since = contact_since(&r.period, r.last_contact);
            let from = if r.last_contact == Some(since) { "上次联系" } else { "外出" };
            no_contact.push(MobileNoContactItem {
                member_id: r.member_id,
                name: r.name.clone(),
                place: r.period.where_label.clone(),
                since,
                days: r.days_since,
                note: format!(
                    "{}（在{}）自{}（{}）已有 {} 天没有联系，请尽快联系",
                    r.name,
                    r.period.where_label,
                    from,
                    PartialDate::Day(since).to_chinese(),
                    r.days_since
                ),
            });
        }
        if r.should_transfer {
            transfer.push(MobileTransferItem {
                member_id: r.member_id,
                name: r.name.clone(),
                place: r.period.where_label.clone(),
                left_on: r.period.left_on,
                note: format!(
                    "{}自{}外出（在{}）已满 6 个月，组织关系仍在本支部，应转移组织关系",
                    r.name,
                    PartialDate::Day(r.period.left_on).to_chinese(),
                    r.period.where_label
                ),
            });
        }
    }
    let homecoming = if list.homecoming && !list.rows.is_empty() {
        let mut by_leaving: Vec<&AwayRow> = list.rows.iter().collect();
        by_leaving.sort_by_key(|r| (r.period.left_on, r.member_id));
        let names: Vec<String> = by_leaving.iter().map(|r| r.name.clone()).collect();
        vec![MobileHomecomingItem {
            note: format!("春节前后请组织返乡流动党员座谈，外出的党员有：{}", names.join("、")),
            names,
        }]
    } else {
        Vec::new()
    };
    Ok((no_contact, transfer, homecoming))
}

fn mobile_list(conn: &Connection, today: NaiveDate, lines: &HashMap<i64, Timeline>) -> Result<MobileList> {
    let limit = no_contact_limit(conn)?;
    let last = last_contacts(conn, today)?;
    let on_roster: HashSet<i64> = lines.iter().filter(|(_, t)| t.should_attend_on(today)).map(|(&id, _)| id).collect();
    let mut rows = Vec::new();
    for p in all_periods(conn)?.into_iter().filter(|p| p.covers(today) && on_roster.contains(&p.member_id)) {
        let last_contact = last.get(&p.member_id).copied().filter(|c| *c >= p.left_on);
        let days_since = (today - contact_since(&p, last_contact)).num_days();
        let no_contact = no_contact_days(&p, last_contact, today, limit).is_some();
        let transfer = should_transfer(&p, today);
        let mut words = Vec::new();
        if no_contact {
            words.push(format!("超过 {limit} 天未联系"));
        }
        if transfer {
            words.push("外出满 6 个月，应转移组织关系".to_string());
        }
        rows.push(AwayRow {
            member_id: p.member_id,
            name: p.name.clone(),
            last_contact,
            days_since,
            no_contact,
            should_transfer: transfer,
            reminder: words.join("；"),
            period: p,
        });
    }
    rows.sort_by(|a, b| b.days_since.cmp(&a.days_since).then(a.member_id.cmp(&b.member_id)));
    Ok(MobileList { today, no_contact_days: limit, rows, homecoming: homecoming_window(today) })
}

fn parse_day(
    e: &mut FieldErrors,
    field: &'static str,
    label: &str,
    text: &str,
    today: NaiveDate,
    required: bool,
) -> Option<NaiveDate> {
    match PartialDate::parse_opt(text) {
        Ok(Some(PartialDate::Day(d))) if d > today => {
            e.add(field, format!("{label}不能晚于今天"));
            None
        }
        Ok(Some(PartialDate::Day(d))) => Some(d),
        Ok(Some(_)) => {
            e.add(field, format!("{label}请写到日，如 2026-03-05"));
            None
        }
        Ok(None) => {
            if required {
                e.add(field, format!("请填写{label}，如 2026-03-05"));
            }
            None
        }
        Err(err) => {
            e.add(field, format!("{label}：{err}"));
            None
        }
    }
}

/// A live member on the roster, or NotFound.
fn live_member(conn: &Connection, member_id: i64) -> Result<crate::members::Member> {
    let m = load_in(conn, member_id).map_err(|_| Error::NotFound("党员档案"))?;
    if m.deleted {
        return Err(Error::NotFound("党员档案"));
    }
    Ok(m)
}

struct CheckedPeriod {
    left_on: NaiveDate,
    back_on: Option<NaiveDate>,
    province: String,
    city: String,
    county: String,
    place: String,
    work: String,
    host_org: String,
    host_contact: String,
    card_number: String,
    contact_person: String,
    contact_member_id: Option<i64>,
    relation: Relation,
    transfer_id: Option<i64>,
    notes: String,
}

fn check_period(conn: &Connection, form: &PeriodForm, own_id: Option<i64>, today: NaiveDate) -> Result<CheckedPeriod> {
    let mut e = FieldErrors::default();
    let m = match live_member(conn, form.member_id) {
        Ok(m) => m,
        Err(_) => {
            e.add("member_id", "请选择外出的党员");
            return Err(Error::Validation(e));
        }
    };
    let left_on = parse_day(&mut e, "left_on", "外出日期", &form.left_on, today, true);
    let back_on = parse_day(&mut e, "back_on", "返回日期", &form.back_on, today, false);
    if let (Some(l), Some(b)) = (left_on, back_on) {
        if b < l {
            e.add("back_on", "返回日期不能早于外出日期");
        }
    }
    let (province, city, county, place) =
        (clean(&form.province), clean(&form.city), clean(&form.county), clean(&form.place));
    if where_label(&province, &city, &county, &place).is_empty() {
        e.add("place", "请填写外出地点（省、市、县，或直接写如 广东省深圳市宝安区）");
    }
    let contact_person = clean_name(&form.contact_person);
    if contact_person.is_empty() {
        e.add("contact_person", "请填写负责联系的支委姓名");
    }
    let contact_member_id: Option<i64> = if contact_person.is_empty() {
        None
    } else {
        conn.query_row(
            "SELECT id FROM members WHERE name = ?1 AND deleted_at IS NULL ORDER BY committee_role IS NULL, id LIMIT 1",
            [&contact_person],
            |r| r.get(0),
        )
        .optional()?
    };
    let relation = match clean(&form.relation).as_str() {
        "" => Relation::Kept,
        code => Relation::from_code(code).unwrap_or_else(|| {
            e.add("relation", "组织关系请选择：保留在本支部、应转移或已转移");
            Relation::Kept
        }),
    };
    let transfer_id = if relation == Relation::Transferred {
        let out: Vec<i64> = {
            let mut stmt = conn.prepare(
                "SELECT id FROM transfers WHERE member_id = ?1 AND direction = 'out' ORDER BY date DESC, id DESC",
            )?;
            let rows = stmt.query_map([form.member_id], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        match form.transfer_id {
            Some(t) if out.contains(&t) => Some(t),
            Some(_) => {
                e.add("relation", format!("所选的转出记录不是{}的，请重新选择", m.name));
                None
            }
            None if out.is_empty() => {
                e.add("relation", format!("{}还没有组织关系转出记录；请先在党员档案里登记转出，再标为已转移", m.name));
                None
            }
            None => out.first().copied(),
        }
    } else {
        None
    };
    // Periods of one member never overlap; one open at a time.
    if let Some(l) = left_on {
        let end = back_on.unwrap_or(NaiveDate::MAX);
        for p in member_periods(conn, form.member_id)?.iter().filter(|p| Some(p.id) != own_id) {
            let p_end = p.back_on.unwrap_or(NaiveDate::MAX);
            if l <= p_end && p.left_on <= end {
                let when = PartialDate::Day(p.left_on).to_chinese();
                let msg = match p.back_on {
                    None => format!("{}自{when}起的外出还没有登记返回，请先登记返回，再登记新的外出", m.name),
                    Some(b) => format!(
                        "这段时间与{}已登记的外出（{when}至{}）重叠，请核对日期",
                        m.name,
                        PartialDate::Day(b).to_chinese()
                    ),
                };
                e.add("left_on", msg);
                break;
            }
        }
    }
    e.into_result()?;
    let Some(left_on) = left_on else {
        return Err(Error::NotFound("外出记录"));
    };
    Ok(CheckedPeriod {
        left_on,
        back_on,
        province,
        city,
        county,
        place,
        work: clean(&form.work),
        host_org: clean(&form.host_org),
        host_contact: clean(&form.host_contact),
        card_number: clean(&form.card_number),
        contact_person,
        contact_member_id,
        relation,
        transfer_id,
        notes: form.notes.trim().to_string(),
    })
}

fn period_texts(p: &Period) -> Vec<(&'static str, Option<String>)> {
    let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
    vec![
        ("外出日期", Some(p.left_on.to_string())),
        ("返回日期", p.back_on.map(|d| d.to_string())),
        ("外出地点", text(&p.where_label)),
        ("从事工作", text(&p.work)),
        ("流入地党组织", text(&p.host_org)),
        ("联系方式", text(&p.host_contact)),
        ("活动证号", text(&p.card_number)),
        ("联系人", text(&p.contact_person)),
        ("组织关系", Some(p.relation_label.to_string())),
        ("备注", text(&p.notes)),
    ]
}

fn changes_between(old: &[(&'static str, Option<String>)], new: &[(&'static str, Option<String>)]) -> Vec<FieldChange> {
    old.iter()
        .zip(new)
        .filter(|((_, a), (_, b))| a != b)
        .map(|((f, a), (_, b))| FieldChange { field: (*f).into(), old: a.clone(), new: b.clone() })
        .collect()
}

/// The member file's flags made true to the periods: an open period ⇒
/// 流动党员 with its place as 外出流向; none ⇒ not 流动党员.
fn sync_member(tx: &Connection, member_id: i64, today: NaiveDate) -> Result<()> {
    let open = member_periods(tx, member_id)?.into_iter().rev().find(|p| p.open());
    let m = load_in(tx, member_id)?;
    let (mobile, destination) = match &open {
        Some(p) => (true, p.where_label.clone()),
        None => (false, String::new()),
    };
    if m.mobile != mobile || m.mobile_destination != destination {
        update_from_in(tx, member_id, today, |c| {
            c.mobile = mobile;
            c.mobile_destination = destination;
        })?;
    }
    Ok(())
}

fn write_period(tx: &Connection, id: Option<i64>, member_id: i64, p: &CheckedPeriod) -> Result<i64> {
    let now = now_text();
    match id {
        None => {
            tx.execute(
                "INSERT INTO mobile_periods (member_id, left_on, back_on, province, city, county, place, work, host_org,
                    host_contact, card_number, contact_person, contact_member_id, relation, transfer_id, notes,
                    created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)",
                params![
                    member_id,
                    p.left_on,
                    p.back_on,
                    p.province,
                    p.city,
                    p.county,
                    p.place,
                    p.work,
                    p.host_org,
                    p.host_contact,
                    p.card_number,
                    p.contact_person,
                    p.contact_member_id,
                    p.relation,
                    p.transfer_id,
                    p.notes,
                    now
                ],
            )?;
            Ok(tx.last_insert_rowid())
        }
        Some(id) => {
            tx.execute(
                "UPDATE mobile_periods SET left_on = ?1, back_on = ?2, province = ?3, city = ?4, county = ?5, place = ?6,
                    work = ?7, host_org = ?8, host_contact = ?9, card_number = ?10, contact_person = ?11,
                    contact_member_id = ?12, relation = ?13, transfer_id = ?14, notes = ?15, updated_at = ?16
                 WHERE id = ?17",
                params![
                    p.left_on,
                    p.back_on,
                    p.province,
                    p.city,
                    p.county,
                    p.place,
                    p.work,
                    p.host_org,
                    p.host_contact,
                    p.card_number,
                    p.contact_person,
                    p.contact_member_id,
                    p.relation,
                    p.transfer_id,
                    p.notes,
                    now,
                    id
                ],
            )?;
            Ok(id)
        }
    }
}

impl Store {
    /// 登记外出: a period away (open while `back_on` is empty). The member
    /// file becomes 流动党员 in the same transaction.
    pub fn record_mobile_period(&mut self, form: &PeriodForm, today: NaiveDate) -> Result<Period> {
        let tx = self.conn_mut().transaction()?;
        let checked = check_period(&tx, form, None, today)?;
        let id = write_period(&tx, None, form.member_id, &checked)?;
        changelog::record(&tx, PERIOD_ENTITY, id, "create", &[])?;
        sync_member(&tx, form.member_id, today)?;
        tx.commit()?;
        load_period(self.conn(), id)
    }

    /// Corrects a period (same checks; the member may not change).
    pub fn update_mobile_period(&mut self, id: i64, form: &PeriodForm, today: NaiveDate) -> Result<Period> {
        let tx = self.conn_mut().transaction()?;
        let old = load_period(&tx, id)?;
        let form = PeriodForm { member_id: old.member_id, ..form.clone() };
        let checked = check_period(&tx, &form, Some(id), today)?;
        write_period(&tx, Some(id), old.member_id, &checked)?;
        let new = load_period(&tx, id)?;
        let changes = changes_between(&period_texts(&old), &period_texts(&new));
        if !changes.is_empty() {
            changelog::record(&tx, PERIOD_ENTITY, id, "update", &changes)?;
        }
        sync_member(&tx, old.member_id, today)?;
        tx.commit()?;
        Ok(new)
    }

    /// 返回: closes the member's open period on `back_on`; the member file
    /// stops being 流动党员 in the same transaction.
    pub fn record_mobile_back(&mut self, member_id: i64, back_on: &str, today: NaiveDate) -> Result<Period> {
        let tx = self.conn_mut().transaction()?;
        let m = live_member(&tx, member_id)?;
        let Some(open) = member_periods(&tx, member_id)?.into_iter().rev().find(|p| p.open()) else {
            let mut e = FieldErrors::default();
            e.add("back_on", format!("{}没有未返回的外出登记，不需要登记返回", m.name));
            return Err(Error::Validation(e));
        };
        let mut e = FieldErrors::default();
        let back = parse_day(&mut e, "back_on", "返回日期", back_on, today, true);
        if back.is_some_and(|b| b < open.left_on) {
            e.add("back_on", format!("返回日期不能早于外出日期（{}）", PartialDate::Day(open.left_on).to_chinese()));
        }
        e.into_result()?;
        tx.execute(
            "UPDATE mobile_periods SET back_on = ?1, updated_at = ?2 WHERE id = ?3",
            params![back, now_text(), open.id],
        )?;
        changelog::record(
            &tx,
            PERIOD_ENTITY,
            open.id,
            "update",
            &[FieldChange { field: "返回日期".into(), old: None, new: back.map(|b| b.to_string()) }],
        )?;
        sync_member(&tx, member_id, today)?;
        tx.commit()?;
        load_period(self.conn(), open.id)
    }

    /// Removes a period entered by mistake (kept, marked deleted); the
    /// member file follows.
    pub fn delete_mobile_period(&mut self, id: i64, today: NaiveDate) -> Result<()> {
        let tx = self.conn_mut().transaction()?;
        let p = load_period(&tx, id)?;
        tx.execute("UPDATE mobile_periods SET deleted_at = ?1 WHERE id = ?2", params![now_text(), id])?;
        changelog::record(&tx, PERIOD_ENTITY, id, "delete", &[])?;
        sync_member(&tx, p.member_id, today)?;
        tx.commit()?;
        Ok(())
    }

    /// 记录联系 with a member while away.
    pub fn record_mobile_contact(&mut self, form: &ContactForm, today: NaiveDate) -> Result<Contact> {
        let tx = self.conn_mut().transaction()?;
        let m = live_member(&tx, form.member_id)?;
        let mut e = FieldErrors::default();
        let on = parse_day(&mut e, "contacted_on", "联系日期", &form.contacted_on, today, true);
        let how = ContactWay::from_code(&clean(&form.how));
        if how.is_none() {
            e.add("how", "联系方式请选择：电话、微信、上门、返乡座谈或书信");
        }
        let content = form.content.trim().to_string();
        if content.is_empty() {
            e.add("content", "请写明联系的内容（谈了什么、送了什么学习材料）");
        }
        if let Some(d) = on {
            if !member_periods(&tx, form.member_id)?.iter().any(|p| p.covers(d)) {
                e.add(
                    "contacted_on",
                    format!(
                        "{}这一天（{}）不在登记的外出期间；联系记录记的是外出期间的联系，请先登记外出或核对日期",
                        m.name,
                        PartialDate::Day(d).to_chinese()
                    ),
                );
            }
        }
        e.into_result()?;
        let (Some(on), Some(how)) = (on, how) else {
            return Err(Error::NotFound("联系记录"));
        };
        let now = now_text();
        tx.execute(
            "INSERT INTO mobile_contacts (member_id, contacted_on, contacted_by, how, content, suggestions, created_at,
                updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![form.member_id, on, clean_name(&form.contacted_by), how, content, form.suggestions.trim(), now],
        )?;
        let id = tx.last_insert_rowid();
        changelog::record(&tx, CONTACT_ENTITY, id, "create", &[])?;
        tx.commit()?;
        member_contacts(self.conn(), Some(form.member_id))?
            .into_iter()
            .find(|c| c.id == id)
            .ok_or(Error::NotFound("联系记录"))
    }

    /// 在流入地缴纳: one month of dues paid where the member lives. Refused
    /// for a month not owed here, or already paid here or recorded.
    pub fn record_dues_elsewhere(&mut self, form: &ElsewhereForm, today: NaiveDate) -> Result<DuesElsewhere> {
        let tx = self.conn_mut().transaction()?;
        let m = live_member(&tx, form.member_id)?;
        let mut e = FieldErrors::default();
        let month = Month::parse(&clean(&form.month));
        if month.is_none() {
            e.add("month", "月份请写成 2026-03 这样的年月");
        }
        let org = clean(&form.org);
        if org.is_empty() {
            e.add("org", "请填写在哪个流入地党组织缴纳");
        }
        let paid_on = parse_day(&mut e, "paid_on", "缴纳日期", &form.paid_on, today, false);
        if let Some(mo) = month {
            let state = crate::dues::month_state_of(&tx, form.member_id, mo, today)?;
            use crate::dues::MonthState as S;
            match state.state {
                S::NotMember => e.add("month", format!("{}{}不在本支部或尚未入党，不需要登记", m.name, mo.label())),
                S::Elsewhere => e.add("month", format!("{}已登记为在流入地缴纳", mo.label())),
                _ if state.paid_fen > 0 => e.add(
                    "month",
                    format!(
                        "{}的党费已在本支部交过，不能再登记为在流入地缴纳；如确是交错了，请先冲正那笔交费",
                        mo.label()
                    ),
                ),
                _ => {}
            }
        }
        e.into_result()?;
        let Some(month) = month else {
            return Err(Error::NotFound("党费记录"));
        };
        tx.execute(
            "INSERT INTO dues_elsewhere (member_id, month, org, paid_on, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![form.member_id, month, org, paid_on, form.note.trim(), now_text()],
        )?;
        let id = tx.last_insert_rowid();
        changelog::record(
            &tx,
            ELSEWHERE_ENTITY,
            id,
            "create",
            &[FieldChange { field: "月份".into(), old: None, new: Some(month.to_string()) }],
        )?;
        tx.commit()?;
        self.member_mobile(form.member_id)?
            .elsewhere
            .into_iter()
            .find(|x| x.id == id)
            .ok_or(Error::NotFound("党费记录"))
    }

    /// One member's periods, contacts and months paid elsewhere.
    pub fn member_mobile(&self, member_id: i64) -> Result<MemberMobile> {
        let mut periods = member_periods(self.conn(), member_id)?;
        periods.reverse();
        let mut stmt = self.conn().prepare(
            "SELECT id, member_id, month, org, paid_on, note FROM dues_elsewhere
             WHERE deleted_at IS NULL AND member_id = ?1 ORDER BY month DESC",
        )?;
        let elsewhere = stmt
            .query_map([member_id], |r| {
                Ok(DuesElsewhere {
                    id: r.get(0)?,
                    member_id: r.get(1)?,
                    month: r.get(2)?,
                    org: r.get(3)?,
                    paid_on: r.get(4)?,
                    note: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(MemberMobile { member_id, periods, contacts: member_contacts(self.conn(), Some(member_id))?, elsewhere })
    }

    /// The 流动党员 page: who is away today, with the last contact and the reminders' state.
    pub fn mobile_list(&self, today: NaiveDate) -> Result<MobileList> {
        mobile_list(self.conn(), today, &timelines(self.conn())?)
    }

    /// Every live period touching `year` (for the 流动党员登记台账), by leaving day.
    pub fn mobile_periods_of_year(&self, year: i32) -> Result<Vec<Period>> {
        let (first, last) = (crate::date::first_of_month(year, 1), crate::date::last_of_month(year, 12));
        Ok(all_periods(self.conn())?
            .into_iter()
            .filter(|p| p.left_on <= last && p.back_on.is_none_or(|b| b >= first))
            .collect())
    }

    /// The contacts of `year`, oldest first (for the 流动党员联系记录).
    pub fn mobile_contacts_of_year(&self, year: i32) -> Result<Vec<Contact>> {
        let mut all = member_contacts(self.conn(), None)?;
        all.retain(|c| chrono::Datelike::year(&c.contacted_on) == year);
        all.reverse();
        Ok(all)
    }
}

/// 在流入地参加 on a minutes form (docs/DOMAIN.md §9): only for a member
/// away on the meeting day (a period covering it), and with the 流入地
/// organisation and proof in 说明. The problems, for the meeting's check
/// to add beside its own.
pub(crate) fn check_elsewhere_attendance(
    conn: &Connection,
    form: &crate::meetings::MeetingForm,
) -> Result<FieldErrors> {
    let mut e = FieldErrors::default();
    let elsewhere: Vec<&crate::meetings::AttendeeForm> = form
        .attendees
        .iter()
        .filter(|a| {
            crate::meetings::Attendance::from_code(&clean(&a.status)) == Some(crate::meetings::Attendance::Elsewhere)
        })
        .collect();
    if elsewhere.is_empty() {
        return Ok(e);
    }
    let Ok(Some(PartialDate::Day(day))) = PartialDate::parse_opt(&form.date) else {
        return Ok(e);
    };
    let away = away_on(conn, day)?;
    for a in elsewhere {
        let Ok(m) = load_in(conn, a.member_id) else {
            continue;
        };
        if !away.contains(&a.member_id) {
            e.add(
                "attendees",
                format!(
                    "“{}”在会议当天（{}）没有登记外出，不能记为“在流入地参加”；请先在流动党员里登记外出，或改为出席、请假或缺席",
                    m.name,
                    PartialDate::Day(day).to_chinese()
                ),
            );
        } else if clean(&a.reason).is_empty() {
            e.add("attendees", format!("“{}”在流入地参加，请在说明里写明参加的党组织和证明材料", m.name));
        }
    }
    Ok(e)
}
