//! 关怀帮扶 in the database: cases, visits (with 送学上门 marking a
//! 主题党日 in the same transaction), their receipts, settings and the
//! 慰问名单 (docs/DOMAIN.md §9).

use super::model::*;
use super::rules::{self, Season, SeasonKind};
use crate::date::PartialDate;
use crate::dues::money::{parse_yuan, yuan};
use crate::error::{Error, FieldErrors, Result};
use crate::meetings::attachments::{AttachedTo, Attachment};
use crate::meetings::Attendance;
use crate::members::{MemberQuery, Status};
use crate::store::changelog::{self, FieldChange};
use crate::store::{now_text, Store};
use crate::text::{clean, clean_name};
use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::HashMap;

const CASE: &str = "care_case";
const VISIT: &str = "care_visit";
/// A 走访慰问's receipts.
const RECEIPTS: AttachedTo = AttachedTo { table: "care_attachments", owner: "visit_id" };

/// A day typed into `field`: the whole day, not after `today`.
fn day(field: &'static str, label: &str, input: &str, today: NaiveDate, e: &mut FieldErrors) -> Option<NaiveDate> {
    if input.trim().is_empty() {
        e.add(field, format!("请填写{label}，如 2026-12-10"));
        return None;
    }
    match PartialDate::parse(input) {
        Ok(PartialDate::Day(d)) if d > today => {
            e.add(field, format!("{label}不能晚于今天（{}）", PartialDate::Day(today).to_chinese()));
            None
        }
        Ok(PartialDate::Day(d)) => Some(d),
        Ok(PartialDate::Month { .. }) => {
            e.add(field, format!("{label}请写到哪一天，如 2026-12-10"));
            None
        }
        Err(err) => {
            e.add(field, err.to_string());
            None
        }
    }
}

/// The member's name and status, if the file exists and is not deleted.
fn member_in(conn: &Connection, id: i64) -> Result<Option<(String, Status)>> {
    Ok(conn
        .query_row("SELECT name, status FROM members WHERE id = ?1 AND deleted_at IS NULL", [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?)
}

const CASE_SELECT: &str = "SELECT c.id, c.member_id, m.name, c.category, c.since, c.description, c.reviewed_on,
        c.closed_on, c.close_reason FROM care_cases c JOIN members m ON m.id = c.member_id
        WHERE c.deleted_at IS NULL";

fn case_row(r: &rusqlite::Row, months: u32) -> rusqlite::Result<CareCase> {
    let category: HardshipCategory = r.get(3)?;
    let since: NaiveDate = r.get(4)?;
    let reviewed_on: Option<NaiveDate> = r.get(6)?;
    let closed_on: Option<NaiveDate> = r.get(7)?;
    Ok(CareCase {
        id: r.get(0)?,
        member_id: r.get(1)?,
        name: r.get(2)?,
        category,
        category_label: category.label().into(),
        since,
        description: r.get(5)?,
        reviewed_on,
        closed_on,
        close_reason: r.get(8)?,
        review_due: closed_on.is_none().then(|| rules::review_due(since, reviewed_on, months)),
    })
}

const VISIT_SELECT: &str = "SELECT v.id, v.visited_on, v.member_id, m.name, v.family_name, v.occasion, v.visitors,
        v.amount_fen, v.source, v.goods, v.follow_up, v.meeting_id
        FROM care_visits v JOIN members m ON m.id = v.member_id WHERE v.deleted_at IS NULL";

fn visit_row(r: &rusqlite::Row) -> rusqlite::Result<CareVisit> {
    let occasion: Occasion = r.get(5)?;
    let amount_fen: i64 = r.get(7)?;
    let source: Option<FundSource> = r.get(8)?;
    Ok(CareVisit {
        id: r.get(0)?,
        visited_on: r.get(1)?,
        member_id: r.get(2)?,
        name: r.get(3)?,
        family_name: r.get(4)?,
        occasion,
        occasion_label: occasion.label().into(),
        visitors: r.get(6)?,
        amount_fen,
        amount: yuan(amount_fen),
        source,
        source_label: source.map_or(String::new(), |s| s.label().into()),
        goods: r.get(9)?,
        follow_up: r.get(10)?,
        meeting_id: r.get(11)?,
    })
}

fn visit_in(conn: &Connection, id: i64) -> Result<CareVisit> {
    conn.query_row(&format!("{VISIT_SELECT} AND v.id = ?1"), [id], visit_row)
        .optional()?
        .ok_or(Error::NotFound("走访记录"))
}

impl Store {
    /// The branch's settings for 关怀帮扶 and 流动党员; a missing key is the default.
    pub fn care_settings(&self) -> Result<CareSettings> {
        read_care_settings(self.conn())
    }

    /// The settings page: the branch's values and the defaults.
    pub fn care_setup(&self) -> Result<CareSetup> {
        Ok(CareSetup { settings: self.care_settings()?, defaults: CareSettings::default() })
    }

    /// Saves the four settings, all or nothing; the ranges are docs/DOMAIN.md
    /// §10's (未联系 30–365 天, 复核 1–24 个月, 慰问年龄 60–100 岁, 慰问党龄
    /// 10–80 年). Like the 发展党员 settings, no change log: these are the
    /// branch's practice, not a record of anyone.
    pub fn save_care_settings(&mut self, s: &CareSettings) -> Result<CareSettings> {
        let mut e = FieldErrors::default();
        if !(30..=365).contains(&s.mobile_no_contact_days) {
            e.add("mobile_no_contact_days", "流动党员多久未联系提醒：请填 30 到 365 天");
        }
        if !(1..=24).contains(&s.review_months) {
            e.add("review_months", "困难党员复核间隔：请填 1 到 24 个月");
        }
        if !(60..=100).contains(&s.visit_age) {
            e.add("visit_age", "慰问年龄：请填 60 到 100 岁");
        }
        if !(10..=80).contains(&s.visit_party_years) {
            e.add("visit_party_years", "慰问党龄：请填 10 到 80 年");
        }
        e.into_result()?;
        let tx = self.conn_mut().transaction()?;
        for (k, v) in [
            ("care_review_months", s.review_months.to_string()),
            ("care_visit_age", s.visit_age.to_string()),
            ("care_visit_party_years", s.visit_party_years.to_string()),
            ("mobile_no_contact_days", s.mobile_no_contact_days.to_string()),
        ] {
            tx.execute("INSERT OR REPLACE INTO care_settings (key, value) VALUES (?1, ?2)", params![k, v])?;
        }
        tx.commit()?;
        self.care_settings()
    }

    /// 困难党员台账: every case, open ones first, by member.
    pub fn care_cases(&self) -> Result<Vec<CareCase>> {
        let months = self.care_settings()?.review_months;
        let mut stmt =
            self.conn().prepare(&format!("{CASE_SELECT} ORDER BY c.closed_on IS NOT NULL, c.since, c.id"))?;
        let rows = stmt.query_map([], |r| case_row(r, months))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn care_case(&self, id: i64) -> Result<CareCase> {
        let months = self.care_settings()?.review_months;
        self.conn()
            .query_row(&format!("{CASE_SELECT} AND c.id = ?1"), [id], |r| case_row(r, months))
            .optional()?
            .ok_or(Error::NotFound("困难党员记录"))
    }

    /// Records a member in hardship.
    pub fn create_care_case(&mut self, form: &CareCaseForm, today: NaiveDate) -> Result<CareCase> {
        let mut e = FieldErrors::default();
        match member_in(self.conn(), form.member_id)? {
            None => e.add("member_id", "请选择一名党员"),
            Some((_, status)) if !status.is_member() => e.add("member_id", "这位党员已不在党籍，不能列为困难党员"),
            Some(_) => {}
        }
        let category = HardshipCategory::parse(&form.category);
        if category.is_none() {
            e.add("category", "请选择困难类别（低保/特困、因病、因灾、丧失劳动能力、独居高龄、其他）");
        }
        let since = day("since", "认定时间", &form.since, today, &mut e);
        let description = clean(&form.description);
        if description.chars().count() > 500 {
            e.add("description", "困难情况请写在 500 字以内");
        }
        e.into_result()?;
        let (category, since) = (category.expect("checked"), since.expect("checked"));
        let tx = self.conn_mut().transaction()?;
        let open: bool = tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM care_cases WHERE member_id = ?1 AND category = ?2
               AND closed_on IS NULL AND deleted_at IS NULL)",
            params![form.member_id, category],
            |r| r.get(0),
        )?;
        if open {
            let mut e = FieldErrors::default();
            e.add("category", format!("这位党员已有一条未结束的“{}”记录，请在那条记录上复核", category.label()));
            return Err(Error::Validation(e));
        }
        let now = now_text();
        tx.execute(
            "INSERT INTO care_cases (member_id, category, since, description, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            params![form.member_id, category, since, description, now],
        )?;
        let id = tx.last_insert_rowid();
        changelog::record(&tx, CASE, id, "create", &[])?;
        tx.commit()?;
        self.care_case(id)
    }

    /// 复核: the case was looked at again on `form.date` (and its situation
    /// rewritten when typed).
    pub fn review_care_case(&mut self, id: i64, form: &CaseActionForm, today: NaiveDate) -> Result<CareCase> {
        let old = self.care_case(id)?;
        let mut e = FieldErrors::default();
        if !old.open() {
            e.add("date", "这条记录已经结束，不能再复核");
        }
        let date = day("date", "复核日期", &form.date, today, &mut e);
        if date.is_some_and(|d| d < old.since) {
            e.add("date", format!("复核日期不能早于认定时间（{}）", PartialDate::Day(old.since).to_chinese()));
        }
        e.into_result()?;
        let date = date.expect("checked");
        let description = clean(&form.description);
        let tx = self.conn_mut().transaction()?;
        let mut changes = vec![FieldChange {
            field: "reviewed_on".into(),
            old: old.reviewed_on.map(|d| d.to_string()),
            new: Some(date.to_string()),
        }];
        if !description.is_empty() && description != old.description {
            tx.execute("UPDATE care_cases SET description = ?1 WHERE id = ?2", params![description, id])?;
            changes.push(FieldChange {
                field: "description".into(),
                old: Some(old.description.clone()),
                new: Some(description),
            });
        }
        tx.execute(
            "UPDATE care_cases SET reviewed_on = ?1, updated_at = ?2 WHERE id = ?3",
            params![date, now_text(), id],
        )?;
        changelog::record(&tx, CASE, id, "review", &changes)?;
        tx.commit()?;
        self.care_case(id)
    }

    /// 结束: the hardship is over (or the member gone), with the reason.
    pub fn close_care_case(&mut self, id: i64, form: &CaseActionForm, today: NaiveDate) -> Result<CareCase> {
        let old = self.care_case(id)?;
        let mut e = FieldErrors::default();
        if !old.open() {
            e.add("date", "这条记录已经结束了");
        }
        let date = day("date", "结束日期", &form.date, today, &mut e);
        if date.is_some_and(|d| d < old.since) {
            e.add("date", format!("结束日期不能早于认定时间（{}）", PartialDate::Day(old.since).to_chinese()));
        }
        let reason = clean(&form.reason);
        if reason.is_empty() {
            e.add("reason", "请写明结束原因，如“已脱贫”“已去世”");
        }
        e.into_result()?;
        let date = date.expect("checked");
        let tx = self.conn_mut().transaction()?;
        tx.execute(
            "UPDATE care_cases SET closed_on = ?1, close_reason = ?2, updated_at = ?3 WHERE id = ?4",
            params![date, reason, now_text(), id],
        )?;
        changelog::record(
            &tx,
            CASE,
            id,
            "close",
            &[FieldChange { field: "closed_on".into(), old: None, new: Some(format!("{date} {reason}")) }],
        )?;
        tx.commit()?;
        self.care_case(id)
    }

    /// Open cases not reviewed for the set months (复核到期), by due day.
    pub fn care_review_due(&self, today: NaiveDate) -> Result<Vec<CareCase>> {
        let mut due: Vec<CareCase> =
            self.care_cases()?.into_iter().filter(|c| c.review_due.is_some_and(|d| d <= today)).collect();
        due.sort_by_key(|c| (c.review_due, c.id));
        Ok(due)
    }

    /// Checks a typed visit; the occasion, the money in 分 and the source.
    fn check_visit(
        &self,
        form: &VisitForm,
        today: NaiveDate,
    ) -> Result<(NaiveDate, Occasion, i64, Option<FundSource>)> {
        let mut e = FieldErrors::default();
        let member = member_in(self.conn(), form.member_id)?;
        let family = clean_name(&form.family_name);
        match &member {
            None => e.add("member_id", "请选择走访的党员"),
            Some((_, Status::Deceased)) if family.is_empty() => {
                e.add("family_name", "这位党员已去世，请填写慰问的家属姓名")
            }
            Some((_, status)) if *status != Status::Deceased && !family.is_empty() => {
                e.add("family_name", "只有党员去世后才登记慰问家属；党员本人在世时请不要填家属姓名")
            }
            _ => {}
        }
        let date = day("visited_on", "走访日期", &form.visited_on, today, &mut e);
        let occasion = Occasion::parse(&form.occasion);
        if occasion.is_none() {
            e.add("occasion", "请选择走访事由（元旦春节、七一、生病住院、遭灾、病逝、日常、送学上门）");
        }
        let amount = if form.amount.trim().is_empty() {
            Some(0)
        } else {
            match parse_yuan(&form.amount) {
                Some(f) if f < 0 => {
                    e.add("amount", "慰问金不能是负数");
                    None
                }
                Some(f) if f > 10_000_000 => {
                    e.add("amount", "慰问金超过 10 万元，请核对");
                    None
                }
                Some(f) => Some(f),
                None => {
                    e.add("amount", "慰问金请写成金额，如 200 或 200.00（单位：元）");
                    None
                }
            }
        };
        let source = if form.source.trim().is_empty() {
            None
        } else {
            let s = FundSource::from_code(form.source.trim());
            if s.is_none() {
                e.add("source", "资金来源请选择：上级下拨党费、乡镇、村级、其他");
            }
            s
        };
        if amount.is_some_and(|a| a > 0) && source.is_none() && !e.has("source") {
            e.add("source", "发了慰问金，请选择资金来源（上级下拨党费、乡镇、村级、其他）");
        }
        if occasion == Some(Occasion::Teaching) && matches!(member, Some((_, Status::Deceased))) {
            e.add("occasion", "送学上门是给党员本人送学，已去世的党员不能登记");
        }
        e.into_result()?;
        let amount = amount.expect("checked");
        Ok((date.expect("checked"), occasion.expect("checked"), amount, source))
    }

    /// Records a visit in one transaction. 送学上门 in month M marks the
    /// member `taught` at that month's 主题党日 where they were absent or
    /// on leave, and links the meeting (docs/DOMAIN.md §9).
    pub fn create_care_visit(&mut self, form: &VisitForm, today: NaiveDate) -> Result<VisitSaved> {
        let (date, occasion, amount, source) = self.check_visit(form, today)?;
        let tx = self.conn_mut().transaction()?;
        let now = now_text();
        tx.execute(
            "INSERT INTO care_visits (visited_on, member_id, family_name, occasion, visitors, amount_fen, source,
                 goods, follow_up, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
            params![
                date,
                form.member_id,
                clean_name(&form.family_name),
                occasion,
                clean(&form.visitors),
                amount,
                source,
                clean(&form.goods),
                clean(&form.follow_up),
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        changelog::record(&tx, VISIT, id, "create", &[])?;
        let mut note = None;
        if occasion == Occasion::Teaching {
            let month = format!("{:04}-{:02}", date.year(), date.month());
            let found: Option<(i64, Attendance, NaiveDate)> = tx
                .query_row(
                    "SELECT m.id, a.status, m.date FROM meetings m
                     JOIN meeting_attendance a ON a.meeting_id = m.id
                     WHERE m.kind = 'theme_day' AND m.deleted_at IS NULL AND substr(m.date, 1, 7) = ?1
                       AND a.member_id = ?2 AND a.status IN ('absent', 'leave')
                     ORDER BY m.date, m.id LIMIT 1",
                    params![month, form.member_id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            note = Some(match found {
                Some((meeting, old, on)) => {
                    tx.execute(
                        "UPDATE meeting_attendance SET status = 'taught' WHERE meeting_id = ?1 AND member_id = ?2",
                        params![meeting, form.member_id],
                    )?;
                    tx.execute("UPDATE care_visits SET meeting_id = ?1 WHERE id = ?2", params![meeting, id])?;
                    // The old status is kept in the log, for the delete to put back.
                    changelog::record(
                        &tx,
                        VISIT,
                        id,
                        "teach",
                        &[FieldChange {
                            field: "attendance".into(),
                            old: Some(old.code().into()),
                            new: Some(Attendance::Taught.code().into()),
                        }],
                    )?;
                    format!(
                        "已将{}主题党日的出席情况由“{}”改为“送学上门”",
                        PartialDate::Day(on).to_chinese(),
                        old.label()
                    )
                }
                None => format!(
                    "{}年{}月没有这位党员缺席或请假的主题党日记录，送学上门只登记为走访",
                    date.year(),
                    date.month()
                ),
            });
        }
        tx.commit()?;
        Ok(VisitSaved { visit: visit_in(self.conn(), id)?, note })
    }

    /// Deletes a visit; a 送学上门 gives the 主题党日 back its old status.
    pub fn delete_care_visit(&mut self, id: i64) -> Result<()> {
        let v = visit_in(self.conn(), id)?;
        let tx = self.conn_mut().transaction()?;
        if let Some(meeting) = v.meeting_id {
            let old = changelog::entries(&tx, VISIT, id)?
                .into_iter()
                .filter(|e| e.action == "teach")
                .flat_map(|e| e.changes)
                .find(|c| c.field == "attendance")
                .and_then(|c| c.old)
                .and_then(|s| Attendance::from_code(&s))
                .unwrap_or(Attendance::Absent);
            tx.execute(
                "UPDATE meeting_attendance SET status = ?1
                 WHERE meeting_id = ?2 AND member_id = ?3 AND status = 'taught'",
                params![old, meeting, v.member_id],
            )?;
        }
        tx.execute("UPDATE care_visits SET deleted_at = ?1 WHERE id = ?2", params![now_text(), id])?;
        changelog::record(&tx, VISIT, id, "delete", &[])?;
        tx.commit()?;
        Ok(())
    }

    pub fn care_visit(&self, id: i64) -> Result<CareVisit> {
        visit_in(self.conn(), id)
    }

    /// The visits of a year, by day.
    pub fn care_visits(&self, year: i32) -> Result<Vec<CareVisit>> {
        self.care_visits_between(crate::date::first_of_month(year, 1), crate::date::last_of_month(year, 12))
    }

    /// The visits of a year with the 慰问金 paid in it.
    pub fn care_visit_year(&self, year: i32) -> Result<VisitYear> {
        let visits = self.care_visits(year)?;
        let total_fen = visits.iter().map(|v| v.amount_fen).sum();
        Ok(VisitYear { year, visits, total_fen, total: yuan(total_fen) })
    }

    /// The visits from `from` to `to` inclusive, by day.
    pub fn care_visits_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<CareVisit>> {
        let mut stmt = self
            .conn()
            .prepare(&format!("{VISIT_SELECT} AND v.visited_on BETWEEN ?1 AND ?2 ORDER BY v.visited_on, v.id"))?;
        let rows = stmt.query_map(params![from, to], visit_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The 慰问名单 of the season of `kind` holding `today` (or the next):
    /// every living member of the branch with a reason, and whether a visit
    /// for the season's occasion was made since its first day.
    pub fn visit_list(&self, kind: SeasonKind, today: NaiveDate) -> Result<VisitList> {
        let season = Season::of(kind, today);
        let settings = self.care_settings()?;
        let mut hardships: HashMap<i64, Vec<&'static str>> = HashMap::new();
        for c in self.care_cases()?.into_iter().filter(CareCase::open) {
            hardships.entry(c.member_id).or_default().push(c.category.label());
        }
        let visited: std::collections::HashSet<i64> = self
            .care_visits_between(season.start, season.end)?
            .into_iter()
            .filter(|v| v.occasion == kind.occasion())
            .map(|v| v.member_id)
            .collect();
        // Ages and 党龄 as of the season's day (1 January or 1 July) at
        // the latest, so the list does not change half-way through.
        let on = today.max(season.start);
        let mut entries = Vec::new();
        for m in self.members(&MemberQuery::default())? {
            if !m.status.is_member() {
                continue;
            }
            let h = hardships.get(&m.id).map(Vec::as_slice).unwrap_or(&[]);
            let reasons = rules::reasons(&m, h, &settings, on);
            if reasons.is_empty() {
                continue;
            }
            entries.push(VisitListEntry { member_id: m.id, name: m.name, reasons, visited: visited.contains(&m.id) });
        }
        let done = entries.iter().filter(|e| e.visited).count();
        Ok(VisitList {
            season: kind.code().into(),
            title: kind.title().into(),
            start: season.start,
            end: season.end,
            total: entries.len(),
            visited: done,
            entries,
        })
    }

    /// For the home screen: in a season, its 慰问名单 with only who is not
    /// visited yet (the counts of the whole list); none outside the seasons.
    pub fn visit_list_pending(&self, today: NaiveDate) -> Result<Option<VisitList>> {
        let Some(season) = Season::current(today) else { return Ok(None) };
        let mut list = self.visit_list(season.kind, today)?;
        list.entries.retain(|e| !e.visited);
        Ok(Some(list))
    }

    /// Keeps a receipt photo or scan with a visit.
    pub fn add_care_attachment(&mut self, visit_id: i64, original_name: &str, bytes: &[u8]) -> Result<Attachment> {
        visit_in(self.conn(), visit_id)?;
        self.attach(RECEIPTS, visit_id, original_name, bytes)
    }

    /// A visit's receipts.
    pub fn care_attachments(&self, visit_id: i64) -> Result<Vec<Attachment>> {
        self.attached(RECEIPTS, visit_id)
    }

    /// The stored bytes of a receipt, checked against their SHA-256.
    pub fn care_attachment_bytes(&self, id: i64) -> Result<(Attachment, Vec<u8>)> {
        self.attached_bytes(RECEIPTS, id)
    }

    /// Takes a receipt off the visit; the file stays in the folder.
    pub fn remove_care_attachment(&mut self, id: i64) -> Result<()> {
        self.detach(RECEIPTS, id)
    }
}

/// The one reader of care_settings (关怀帮扶 and 流动党员 alike); a missing
/// or unreadable value is the default.
pub(crate) fn read_care_settings(conn: &Connection) -> Result<CareSettings> {
    let mut s = CareSettings::default();
    let mut stmt = conn.prepare("SELECT key, value FROM care_settings")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (k, v) = row?;
        let v = v.trim();
        match k.as_str() {
            "care_review_months" => s.review_months = v.parse().unwrap_or(s.review_months),
            "care_visit_age" => s.visit_age = v.parse().unwrap_or(s.visit_age),
            "care_visit_party_years" => s.visit_party_years = v.parse().unwrap_or(s.visit_party_years),
            "mobile_no_contact_days" => {
                s.mobile_no_contact_days = v.parse().ok().filter(|d| *d > 0).unwrap_or(s.mobile_no_contact_days)
            }
            _ => {}
        }
    }
    Ok(s)
}
