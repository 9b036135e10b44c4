//! 志愿服务 and 为民办实事 in the database: records with their members
//! (one transaction with the change log), the year's list and totals, and
//! the photos in the shared attachment store (docs/DOMAIN.md §9.5).

use super::model::*;
use super::{parse_tenths, tenths_text};
use crate::date::PartialDate;
use crate::error::{Error, FieldErrors, Result};
use crate::meetings::attachments::{AttachedTo, Attachment};
use crate::members::Status;
use crate::store::changelog::{self, FieldChange};
use crate::store::{now_text, Store};
use crate::text::{clean, clean_name};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::BTreeMap;

const SERVICE: &str = "service";
/// A 志愿服务's photos (the table is shared with 学时's trainings).
const PHOTOS: AttachedTo = AttachedTo { table: "study_attachments", owner: "service_id" };

/// The largest 户数 or 人数 one record may hold.
const MAX_COUNT: i64 = 100_000;
/// The longest 时长 of one record: 1000 hours, in tenths.
const MAX_TENTHS: i64 = 10_000;

/// Everything checked, ready to write.
struct Checked {
    served_on: NaiveDate,
    kind: ServiceKind,
    what: String,
    for_whom: String,
    households: i64,
    people: i64,
    tenths: i64,
    notes: String,
    members: Vec<i64>,
}

fn count(field: &'static str, label: &str, input: &str, e: &mut FieldErrors) -> i64 {
    let s = clean(input);
    if s.is_empty() {
        return 0;
    }
    match s.parse::<i64>() {
        Ok(n) if (0..=MAX_COUNT).contains(&n) => n,
        Ok(n) if n < 0 => {
            e.add(field, format!("{label}不能是负数"));
            0
        }
        Ok(_) => {
            e.add(field, format!("{label}超过 {MAX_COUNT}，请核对"));
            0
        }
        Err(_) => {
            e.add(field, format!("{label}请填整数，如 3；没有可以不填"));
            0
        }
    }
}

/// The live members, by id: name and status.
fn roster(conn: &Connection) -> Result<Vec<(i64, String, Status)>> {
    let mut stmt = conn.prepare("SELECT id, name, status FROM members WHERE deleted_at IS NULL ORDER BY id")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Checks a typed record. `kept`: members already on it, who stay on it
/// even if they have since left the party (a change to an old record).
fn check(conn: &Connection, form: &ServiceForm, today: NaiveDate, kept: &[i64]) -> Result<Checked> {
    let mut e = FieldErrors::default();
    let served_on = if clean(&form.served_on).is_empty() {
        e.add("served_on", "请填写服务日期，如 2026-12-10");
        None
    } else {
        match PartialDate::parse(&form.served_on) {
            Ok(PartialDate::Day(d)) if d > today => {
                e.add("served_on", format!("服务日期不能晚于今天（{}）", PartialDate::Day(today).to_chinese()));
                None
            }
            Ok(PartialDate::Day(d)) => Some(d),
            Ok(PartialDate::Month { .. }) => {
                e.add("served_on", "服务日期请写到哪一天，如 2026-12-10");
                None
            }
            Err(err) => {
                e.add("served_on", err.to_string());
                None
            }
        }
    };
    let kind = ServiceKind::parse(&form.kind);
    if kind.is_none() {
        e.add("kind", "请选择类别：志愿服务 或 为民办实事");
    }
    let what = clean(&form.what);
    if what.is_empty() {
        e.add("what", "请填写服务内容，如“帮助五保户打扫卫生”");
    } else if what.chars().count() > 200 {
        e.add("what", "服务内容请写在 200 字以内");
    }
    let for_whom = clean(&form.for_whom);
    if for_whom.chars().count() > 100 {
        e.add("for_whom", "服务对象请写在 100 字以内");
    }
    let households = count("households", "户数", &form.households, &mut e);
    let people = count("people", "人数", &form.people, &mut e);
    let hours = clean(&form.hours);
    let tenths = if hours.is_empty() {
        0
    } else {
        match parse_tenths(&hours) {
            Some(t) if t <= MAX_TENTHS => t,
            Some(_) => {
                e.add("hours", "时长超过 1000 小时，请核对");
                0
            }
            None => {
                e.add("hours", "时长请填小时数，最多一位小数，如 2 或 1.5");
                0
            }
        }
    };
    let notes = clean(&form.notes);
    if notes.chars().count() > 500 {
        e.add("notes", "备注请写在 500 字以内");
    }
    let all = roster(conn)?;
    let mut members: Vec<i64> = Vec::new();
    for id in &form.member_ids {
        match all.iter().find(|(m, _, _)| m == id) {
            None => e.add("member_ids", format!("编号为 {id} 的党员不在花名册上，请重新选择")),
            Some((_, name, status)) if !status.is_member() && !kept.contains(id) => {
                e.add("member_ids", format!("{name}已不在党籍，不能登记为参加党员"))
            }
            Some(_) => members.push(*id),
        }
    }
    for typed in &form.member_names {
        let name = clean_name(typed);
        let found: Vec<&(i64, String, Status)> = all.iter().filter(|(_, n, s)| *n == name && s.is_member()).collect();
        match found.as_slice() {
            [] => e.add("member_ids", format!("花名册上没有名叫“{name}”的党员，请核对姓名")),
            [(id, _, _)] => members.push(*id),
            _ => e.add("member_ids", format!("花名册上有 {} 位名叫“{name}”的党员，请改用编号", found.len())),
        }
    }
    members.sort_unstable();
    members.dedup();
    if members.is_empty() && !e.has("member_ids") {
        e.add("member_ids", "请至少选择一名参加服务的党员");
    }
    e.into_result()?;
    Ok(Checked {
        served_on: served_on.expect("checked"),
        kind: kind.expect("checked"),
        what,
        for_whom,
        households,
        people,
        tenths,
        notes,
        members,
    })
}

const SELECT: &str = "SELECT id, served_on, kind, what, for_whom, households, people, tenths, notes
        FROM services WHERE deleted_at IS NULL";

fn service_row(r: &rusqlite::Row) -> rusqlite::Result<Service> {
    let kind: ServiceKind = r.get(2)?;
    let tenths: i64 = r.get(7)?;
    Ok(Service {
        id: r.get(0)?,
        served_on: r.get(1)?,
        kind,
        kind_label: kind.label().into(),
        what: r.get(3)?,
        for_whom: r.get(4)?,
        households: r.get(5)?,
        people: r.get(6)?,
        tenths,
        hours: tenths_text(tenths),
        notes: r.get(8)?,
        members: Vec::new(),
    })
}

fn with_members(conn: &Connection, mut list: Vec<Service>) -> Result<Vec<Service>> {
    let mut stmt = conn.prepare(
        "SELECT m.id, m.name FROM service_members s JOIN members m ON m.id = s.member_id
         WHERE s.service_id = ?1 ORDER BY m.id",
    )?;
    for s in &mut list {
        let rows = stmt.query_map([s.id], |r| Ok(ServiceMember { member_id: r.get(0)?, name: r.get(1)? }))?;
        s.members = rows.collect::<rusqlite::Result<_>>()?;
    }
    Ok(list)
}

fn service_in(conn: &Connection, id: i64) -> Result<Service> {
    let s = conn.query_row(&format!("{SELECT} AND id = ?1"), [id], service_row).optional()?;
    let s = s.ok_or(Error::NotFound("服务记录"))?;
    Ok(with_members(conn, vec![s])?.remove(0))
}

fn year_range(year: i32) -> (NaiveDate, NaiveDate) {
    (crate::date::first_of_month(year, 1), crate::date::last_of_month(year, 12))
}

/// Each member's number of records in `year` (docs/DOMAIN.md §9.5).
pub(crate) fn lines(conn: &Connection, year: i32) -> Result<Vec<super::ServedLine>> {
    let (from, to) = year_range(year);
    let mut stmt = conn.prepare(
        "SELECT sm.member_id, s.served_on, s.kind, s.what FROM service_members sm JOIN services s ON s.id = sm.service_id
         WHERE s.deleted_at IS NULL AND s.served_on BETWEEN ?1 AND ?2 ORDER BY s.served_on, s.id, sm.member_id",
    )?;
    let rows = stmt.query_map(params![from, to], |r| {
        Ok(super::ServedLine { member_id: r.get(0)?, served_on: r.get(1)?, kind: r.get(2)?, what: r.get(3)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// Records a service with its members, all or nothing.
    pub fn create_service(&mut self, form: &ServiceForm, today: NaiveDate) -> Result<Service> {
        let c = check(self.conn(), form, today, &[])?;
        let tx = self.conn_mut().transaction()?;
        let now = now_text();
        tx.execute(
            "INSERT INTO services (served_on, kind, what, for_whom, households, people, tenths, notes,
                 created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            params![c.served_on, c.kind, c.what, c.for_whom, c.households, c.people, c.tenths, c.notes, now],
        )?;
        let id = tx.last_insert_rowid();
        for m in &c.members {
            tx.execute("INSERT INTO service_members (service_id, member_id) VALUES (?1, ?2)", params![id, m])?;
        }
        changelog::record(&tx, SERVICE, id, "create", &[])?;
        tx.commit()?;
        service_in(self.conn(), id)
    }

    /// Changes a record and its members, all or nothing; what changed goes
    /// to the change log.
    pub fn update_service(&mut self, id: i64, form: &ServiceForm, today: NaiveDate) -> Result<Service> {
        let old = service_in(self.conn(), id)?;
        let old_members: Vec<i64> = old.members.iter().map(|m| m.member_id).collect();
        let c = check(self.conn(), form, today, &old_members)?;
        let ids = |v: &[i64]| v.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let mut changes = Vec::new();
        let mut change = |field: &str, o: String, n: String| {
            if o != n {
                changes.push(FieldChange { field: field.into(), old: Some(o), new: Some(n) });
            }
        };
        change("served_on", old.served_on.to_string(), c.served_on.to_string());
        change("kind", old.kind.code().into(), c.kind.code().into());
        change("what", old.what.clone(), c.what.clone());
        change("for_whom", old.for_whom.clone(), c.for_whom.clone());
        change("households", old.households.to_string(), c.households.to_string());
        change("people", old.people.to_string(), c.people.to_string());
        change("tenths", old.tenths.to_string(), c.tenths.to_string());
        change("notes", old.notes.clone(), c.notes.clone());
        change("members", ids(&old_members), ids(&c.members));
        let tx = self.conn_mut().transaction()?;
        tx.execute(
            "UPDATE services SET served_on = ?1, kind = ?2, what = ?3, for_whom = ?4, households = ?5,
                 people = ?6, tenths = ?7, notes = ?8, updated_at = ?9 WHERE id = ?10",
            params![c.served_on, c.kind, c.what, c.for_whom, c.households, c.people, c.tenths, c.notes, now_text(), id],
        )?;
        tx.execute("DELETE FROM service_members WHERE service_id = ?1", [id])?;
        for m in &c.members {
            tx.execute("INSERT INTO service_members (service_id, member_id) VALUES (?1, ?2)", params![id, m])?;
        }
        changelog::record(&tx, SERVICE, id, "update", &changes)?;
        tx.commit()?;
        service_in(self.conn(), id)
    }

    /// Deletes a record (soft: kept, marked, logged); it leaves the year's
    /// list, totals and counts.
    pub fn delete_service(&mut self, id: i64) -> Result<()> {
        service_in(self.conn(), id)?;
        let tx = self.conn_mut().transaction()?;
        tx.execute("UPDATE services SET deleted_at = ?1 WHERE id = ?2", params![now_text(), id])?;
        changelog::record(&tx, SERVICE, id, "delete", &[])?;
        tx.commit()?;
        Ok(())
    }

    pub fn service(&self, id: i64) -> Result<Service> {
        service_in(self.conn(), id)
    }

    /// The records of `year`, by day.
    pub fn services(&self, year: i32) -> Result<Vec<Service>> {
        let (from, to) = year_range(year);
        let mut stmt =
            self.conn().prepare(&format!("{SELECT} AND served_on BETWEEN ?1 AND ?2 ORDER BY served_on, id"))?;
        let rows = stmt.query_map(params![from, to], service_row)?;
        with_members(self.conn(), rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One member's records of `year`, by day.
    pub fn member_services(&self, member_id: i64, year: i32) -> Result<Vec<Service>> {
        let mut all = self.services(year)?;
        all.retain(|s| s.members.iter().any(|m| m.member_id == member_id));
        Ok(all)
    }

    /// The year's records with the branch's 次数, 人次 and 户, and each
    /// member's count (docs/DOMAIN.md §9.5).
    pub fn service_year(&self, year: i32) -> Result<ServiceYear> {
        let services = self.services(year)?;
        let totals = totals_of(&services);
        let mut by: BTreeMap<i64, ServiceMemberCount> = BTreeMap::new();
        for s in &services {
            for m in &s.members {
                let e = by.entry(m.member_id).or_insert_with(|| ServiceMemberCount {
                    member_id: m.member_id,
                    name: m.name.clone(),
                    records: 0,
                    tenths: 0,
                    hours: String::new(),
                });
                e.records += 1;
                e.tenths += s.tenths;
            }
        }
        let mut by_member: Vec<ServiceMemberCount> = by.into_values().collect();
        for m in &mut by_member {
            m.hours = tenths_text(m.tenths);
        }
        by_member.sort_by(|a, b| b.records.cmp(&a.records).then(a.member_id.cmp(&b.member_id)));
        Ok(ServiceYear { year, services, totals, by_member })
    }

    /// Keeps a photo with a record, in the shared attachment store.
    pub fn add_service_attachment(&mut self, service_id: i64, original_name: &str, bytes: &[u8]) -> Result<Attachment> {
        service_in(self.conn(), service_id)?;
        self.attach(PHOTOS, service_id, original_name, bytes)
    }

    /// A record's photos.
    pub fn service_attachments(&self, service_id: i64) -> Result<Vec<Attachment>> {
        self.attached(PHOTOS, service_id)
    }

    /// The stored bytes of a photo, checked against their SHA-256.
    pub fn service_attachment_bytes(&self, id: i64) -> Result<(Attachment, Vec<u8>)> {
        self.attached_bytes(PHOTOS, id)
    }

    /// Takes a photo off its record; the file stays in the folder.
    pub fn remove_service_attachment(&mut self, id: i64) -> Result<()> {
        self.detach(PHOTOS, id)
    }
}

/// 次数, 人次, 户 (and 人数, 时长) of a list of records.
pub fn totals_of(services: &[Service]) -> ServiceTotals {
    let mut t = ServiceTotals::default();
    for s in services {
        t.records += 1;
        t.member_times += s.members.len() as i64;
        t.households += s.households;
        t.people += s.people;
        t.tenths += s.tenths;
    }
    t
}
