//! 积分 in the database: rule set versions (`points_rules`), the totals kept
//! when a version is replaced (`points_history`), entered points
//! (`points_entries`) and the year's computation (docs/DOMAIN.md §9.5).

use super::model::*;
use super::rules::{self, format_tenths, parse_tenths, Occurrence};
use crate::date::{last_of_month, PartialDate};
use crate::error::{Error, FieldErrors, Result};
use crate::meetings::MeetingKind;
use crate::members::{Member, MemberQuery};
use crate::store::changelog;
use crate::store::{now_text, Store};
use crate::text::clean;
use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::{BTreeMap, BTreeSet};

const ENTRY: &str = "points_entry";

/// The highest version, if the branch ever saved one.
fn latest(conn: &Connection) -> Result<Option<PointsRules>> {
    let row: Option<(i64, String, bool, String, String)> = conn
        .query_row(
            "SELECT version, rules, enabled, saved_at, note FROM points_rules ORDER BY version DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    match row {
        None => Ok(None),
        Some((version, json, enabled, saved_at, note)) => {
            let rules =
                rules::parse_rules(&json).map_err(|_| Error::Corrupt(format!("积分规则第 {version} 版无法读取")))?;
            Ok(Some(PointsRules { version, enabled, saved_at, note, rules }))
        }
    }
}

/// Members counted in `year`: those who were one of this branch's in any
/// month of it (`Timeline::months_in_branch`, as 学时 counts them), so one
/// who died, left or was admitted during the year keeps that year's points.
fn roster(store: &Store, year: i32) -> Result<Vec<Member>> {
    let timelines = crate::members::timeline::timelines(store.conn())?;
    Ok(store
        .members(&MemberQuery { include_left: true, ..Default::default() })?
        .into_iter()
        .filter(|m| timelines.get(&m.id).is_some_and(|t| t.months_in_branch(year) > 0))
        .collect())
}

fn month_of(d: NaiveDate) -> u32 {
    d.month()
}

/// Every occurrence of a derived or entered item in `year`, by member.
fn occurrences(
    conn: &Connection,
    set: &PointsRuleSet,
    year: i32,
    roster: &[Member],
) -> Result<BTreeMap<i64, Vec<Occurrence>>> {
    let mut out: BTreeMap<i64, Vec<Occurrence>> = BTreeMap::new();
    let (from, to) = (crate::date::first_of_month(year, 1), last_of_month(year, 12));
    for item in &set.items {
        let key = item.key.clone();
        let mut push =
            |member: i64, month: u32, order: String, source: String, tenths: Option<i64>, entry: Option<i64>| {
                out.entry(member).or_default().push(Occurrence {
                    key: key.clone(),
                    month,
                    order,
                    source,
                    tenths,
                    entry_id: entry,
                });
            };
        match item.source {
            PointsSource::ThemeDay | PointsSource::Absent => {
                let (status, theme_only) =
                    if item.source == PointsSource::ThemeDay { ("present", true) } else { ("absent", false) };
                let mut stmt = conn.prepare(
                    "SELECT a.member_id, m.date, m.kind FROM meetings m
                     JOIN meeting_attendance a ON a.meeting_id = m.id
                     WHERE m.deleted_at IS NULL AND m.date BETWEEN ?1 AND ?2 AND a.status = ?3
                       AND (?4 = 0 OR m.kind = 'theme_day') AND m.kind <> 'talk'
                     ORDER BY m.date, m.id",
                )?;
                let rows = stmt.query_map(params![from, to, status, theme_only], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, NaiveDate>(1)?, r.get::<_, MeetingKind>(2)?))
                })?;
                for row in rows {
                    let (member, date, kind) = row?;
                    let source = if theme_only {
                        format!("{date} {}", kind.label())
                    } else {
                        format!("{date} {}缺席", kind.label())
                    };
                    push(member, month_of(date), date.to_string(), source, None, None);
                }
            }
            PointsSource::DuesOnTime => {
                // A month counts when its dues were paid by the end of that
                // month; reversed payments and reversals do not count.
                let mut stmt = conn.prepare(
                    "SELECT p.member_id, pm.month, SUM(pm.amount_fen) FROM dues_payment_months pm
                     JOIN dues_payments p ON p.id = pm.payment_id
                     WHERE p.kind = 'dues' AND p.reverses_id IS NULL
                       AND NOT EXISTS (SELECT 1 FROM dues_payments r WHERE r.reverses_id = p.id)
                       AND pm.month BETWEEN ?1 AND ?2
                       AND p.paid_on <= date(pm.month || '-01', '+1 month', '-1 day')
                     GROUP BY p.member_id, pm.month HAVING SUM(pm.amount_fen) > 0",
                )?;
                let rows = stmt.query_map(params![format!("{year:04}-01"), format!("{year:04}-12")], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
                })?;
                for row in rows {
                    let (member, month) = row?;
                    let m: u32 = month.get(5..7).and_then(|s| s.parse().ok()).unwrap_or(0);
                    push(member, m, format!("{month}-99"), format!("{year}年{m}月党费"), None, None);
                }
            }
            PointsSource::StudyTarget => {
                for (member, met) in crate::study::targets_met(conn, year)? {
                    if met {
                        push(member, 12, format!("{year}-12-31"), format!("{year}年培训学时达标"), None, None);
                    }
                }
            }
            PointsSource::Training => {
                // Each 培训活动 of the year she took part in (a row of hers
                // with hours, or the training's own), 上级 or 支部 alike.
                let mut stmt = conn.prepare(
                    "SELECT tm.member_id, t.started_on, t.topic FROM trainings t
                     JOIN training_members tm ON tm.training_id = t.id
                     WHERE t.deleted_at IS NULL AND t.started_on BETWEEN ?1 AND ?2
                       AND (tm.tenths IS NULL OR tm.tenths > 0)
                     ORDER BY t.started_on, t.id",
                )?;
                let rows = stmt.query_map(params![from, to], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, NaiveDate>(1)?, r.get::<_, String>(2)?))
                })?;
                for row in rows {
                    let (member, date, topic) = row?;
                    push(member, month_of(date), date.to_string(), format!("{date} 培训：{topic}"), None, None);
                }
            }
            PointsSource::Service => {
                for l in crate::service::service_lines(conn, year)? {
                    let (date, kind) = (l.served_on, l.kind.label());
                    push(
                        l.member_id,
                        month_of(date),
                        date.to_string(),
                        format!("{date} {kind}：{}", l.what),
                        None,
                        None,
                    );
                }
            }
            PointsSource::CareVisit => {
                let mut stmt = conn.prepare(
                    "SELECT v.visited_on, v.visitors, m.name FROM care_visits v JOIN members m ON m.id = v.member_id
                     WHERE v.deleted_at IS NULL AND v.visited_on BETWEEN ?1 AND ?2 ORDER BY v.visited_on, v.id",
                )?;
                let rows = stmt.query_map(params![from, to], |r| {
                    Ok((r.get::<_, NaiveDate>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
                })?;
                for row in rows {
                    let (date, visitors, visited) = row?;
                    let names: BTreeSet<&str> = visitors
                        .split(|c: char| "、，,；;/ 　和及".contains(c))
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .collect();
                    for m in roster.iter().filter(|m| names.contains(m.name.as_str())) {
                        push(m.id, month_of(date), date.to_string(), format!("{date} 走访慰问{visited}"), None, None);
                    }
                }
            }
            PointsSource::Entered => {
                let mut stmt = conn.prepare(
                    "SELECT id, member_id, entered_on, tenths, reason FROM points_entries
                     WHERE deleted_at IS NULL AND rule_key = ?1 AND entered_on BETWEEN ?2 AND ?3
                     ORDER BY entered_on, id",
                )?;
                let rows = stmt.query_map(params![item.key, from, to], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, NaiveDate>(2)?,
                        r.get::<_, i64>(3)?,
                        r.get::<_, String>(4)?,
                    ))
                })?;
                for row in rows {
                    let (id, member, date, tenths, reason) = row?;
                    push(member, month_of(date), date.to_string(), format!("录入：{reason}"), Some(tenths), Some(id));
                }
            }
        }
    }
    Ok(out)
}

/// The year under one rule set, whether or not it is on.
fn compute(store: &Store, set: &PointsRuleSet, year: i32) -> Result<Vec<MemberPoints>> {
    let roster = roster(store, year)?;
    let mut occ = occurrences(store.conn(), set, year, &roster)?;
    Ok(roster.iter().map(|m| rules::tally(set, m.id, &m.name, occ.remove(&m.id).unwrap_or_default())).collect())
}

/// The years with any record that can give points, and `today`'s.
fn years_with_records(conn: &Connection, today: NaiveDate) -> Result<BTreeSet<i32>> {
    let mut years = BTreeSet::from([today.year()]);
    for sql in [
        "SELECT DISTINCT CAST(substr(date, 1, 4) AS INTEGER) FROM meetings WHERE deleted_at IS NULL",
        "SELECT DISTINCT CAST(substr(month, 1, 4) AS INTEGER) FROM dues_payment_months",
        "SELECT DISTINCT CAST(substr(visited_on, 1, 4) AS INTEGER) FROM care_visits WHERE deleted_at IS NULL",
        "SELECT DISTINCT CAST(substr(entered_on, 1, 4) AS INTEGER) FROM points_entries WHERE deleted_at IS NULL",
    ] {
        let mut stmt = conn.prepare(sql)?;
        for y in stmt.query_map([], |r| r.get::<_, i32>(0))? {
            years.insert(y?);
        }
    }
    Ok(years)
}

/// A decimal typed into a form, positive, in tenths.
fn typed_points(text: &str, e: &mut FieldErrors) -> Option<i64> {
    match parse_tenths(text) {
        Some(t) if t > 0 && t <= 10_000 => Some(t),
        Some(_) => {
            e.add("points", "分值请填大于 0、不超过 1000 的数（倒扣分也填正数）");
            None
        }
        None => {
            e.add("points", "分值请写成数字，最多一位小数，如 2 或 1.5");
            None
        }
    }
}

impl Store {
    /// The rule set in use: the highest saved version, or the shipped 示例
    /// (version 0, off) when none was saved.
    pub fn points_rules(&self) -> Result<PointsRules> {
        Ok(latest(self.conn())?.unwrap_or_else(|| PointsRules {
            version: 0,
            enabled: false,
            saved_at: String::new(),
            note: String::new(),
            rules: rules::example(),
        }))
    }

    /// Every saved version, newest first.
    pub fn points_rule_versions(&self) -> Result<Vec<PointsRules>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT version, rules, enabled, saved_at, note FROM points_rules ORDER BY version DESC")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, bool>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (version, json, enabled, saved_at, note) = row?;
            let rules =
                rules::parse_rules(&json).map_err(|_| Error::Corrupt(format!("积分规则第 {version} 版无法读取")))?;
            out.push(PointsRules { version, enabled, saved_at, note, rules });
        }
        Ok(out)
    }

    /// Saves a new version (never changing an old one). When the version it
    /// replaces was on, the yearly totals computed under it are kept in
    /// `points_history` first, in the same transaction.
    pub fn save_points_rules(
        &mut self,
        set: &PointsRuleSet,
        enabled: bool,
        note: &str,
        today: NaiveDate,
    ) -> Result<PointsRules> {
        let old = latest(self.conn())?;
        let mut kept: Vec<(i32, MemberPoints)> = Vec::new();
        if let Some(old) = old.as_ref().filter(|o| o.enabled) {
            for year in years_with_records(self.conn(), today)? {
                for m in compute(self, &old.rules, year)? {
                    kept.push((year, m));
                }
            }
        }
        let json = rules::rules_json(set);
        let now = now_text();
        let tx = self.conn_mut().transaction()?;
        if let Some(old) = old.as_ref().filter(|o| o.enabled) {
            for (year, m) in &kept {
                tx.execute(
                    "INSERT OR REPLACE INTO points_history (version, year, member_id, tenths, stars, computed_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![old.version, year, m.member_id, m.total_tenths, m.stars, now],
                )?;
            }
        }
        tx.execute(
            "INSERT INTO points_rules (version, rules, enabled, saved_at, note)
             VALUES ((SELECT COALESCE(MAX(version), 0) + 1 FROM points_rules), ?1, ?2, ?3, ?4)",
            params![json, enabled, now, clean(note)],
        )?;
        tx.commit()?;
        self.points_rules()
    }

    /// 导入: checks the file and saves it as a new version, on unless it is
    /// marked 示例 (docs/DOMAIN.md §9.5).
    pub fn import_points_rules(&mut self, json: &str, today: NaiveDate) -> Result<PointsRules> {
        let set = rules::parse_rules(json)?;
        let enabled = !set.example;
        self.save_points_rules(&set, enabled, "导入", today)
    }

    /// 导出: the rule set in use, in the file format.
    pub fn export_points_rules(&self) -> Result<String> {
        Ok(rules::rules_json(&self.points_rules()?.rules))
    }

    /// 启用/停用: a new version with the flag changed.
    pub fn set_points_enabled(&mut self, enabled: bool, today: NaiveDate) -> Result<PointsRules> {
        let cur = self.points_rules()?;
        if cur.version > 0 && cur.enabled == enabled {
            return Ok(cur);
        }
        self.save_points_rules(&cur.rules, enabled, if enabled { "启用" } else { "停用" }, today)
    }

    /// 积分 of `year` under the rule set in use; no members when it is off.
    pub fn points_year(&self, year: i32) -> Result<PointsYear> {
        let cur = self.points_rules()?;
        let members = if cur.enabled { compute(self, &cur.rules, year)? } else { Vec::new() };
        Ok(PointsYear {
            year,
            enabled: cur.enabled,
            version: cur.version,
            rules_name: cur.rules.name.clone(),
            example: cur.rules.example,
            members,
        })
    }

    /// The totals kept when versions were replaced, for `year`.
    pub fn points_history(&self, year: i32) -> Result<Vec<PointsHistoryRow>> {
        let mut stmt = self.conn().prepare(
            "SELECT h.version, h.year, h.member_id, m.name, h.tenths, h.stars FROM points_history h
             JOIN members m ON m.id = h.member_id WHERE h.year = ?1 ORDER BY h.version, h.member_id",
        )?;
        let rows = stmt.query_map([year], |r| {
            Ok(PointsHistoryRow {
                version: r.get(0)?,
                year: r.get(1)?,
                member_id: r.get(2)?,
                name: r.get(3)?,
                tenths: r.get(4)?,
                stars: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// 录入积分: one line for an *entered* item of the rule set in use,
    /// with its reason (required) and evidence; change-logged.
    pub fn add_points_entry(&mut self, form: &PointsEntryForm, today: NaiveDate) -> Result<PointsEntry> {
        let cur = self.points_rules()?;
        let mut e = FieldErrors::default();
        let member: Option<(String, crate::members::Status)> = self
            .conn()
            .query_row("SELECT name, status FROM members WHERE id = ?1 AND deleted_at IS NULL", [form.member_id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        match member {
            None => e.add("member_id", "请选择一名党员"),
            Some((_, s)) if !s.is_member() => e.add("member_id", "这位党员已不在党籍，不能录入积分"),
            _ => {}
        }
        let item = cur.rules.items.iter().find(|i| i.key == form.rule_key.trim());
        match item {
            None => e.add("rule_key", "请选择积分项目"),
            Some(i) if i.source != PointsSource::Entered => {
                e.add("rule_key", format!("“{}”由程序按{}自动计算，不用录入", i.label, i.source_label))
            }
            _ => {}
        }
        let date = match PartialDate::parse(&form.entered_on) {
            _ if form.entered_on.trim().is_empty() => {
                e.add("entered_on", "请填写日期，如 2026-05-10");
                None
            }
            Ok(PartialDate::Day(d)) if d > today => {
                e.add("entered_on", "日期不能晚于今天");
                None
            }
            Ok(PartialDate::Day(d)) => Some(d),
            Ok(_) => {
                e.add("entered_on", "日期请写到哪一天，如 2026-05-10");
                None
            }
            Err(err) => {
                e.add("entered_on", err.to_string());
                None
            }
        };
        let tenths =
            if form.points.trim().is_empty() { item.map(|i| i.tenths) } else { typed_points(&form.points, &mut e) };
        let reason = clean(&form.reason);
        if reason.is_empty() {
            e.add("reason", "请写明录入原因，如“带头参加抗洪抢险”");
        } else if reason.chars().count() > 200 {
            e.add("reason", "原因请写在 200 字以内");
        }
        e.into_result()?;
        let (date, tenths, key) =
            (date.expect("checked"), tenths.expect("checked"), item.expect("checked").key.clone());
        let now = now_text();
        let tx = self.conn_mut().transaction()?;
        tx.execute(
            "INSERT INTO points_entries (member_id, entered_on, rule_key, tenths, reason, evidence, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![form.member_id, date, key, tenths, reason, clean(&form.evidence), now],
        )?;
        let id = tx.last_insert_rowid();
        changelog::record(&tx, ENTRY, id, "create", &[])?;
        tx.commit()?;
        self.points_entry(id)
    }

    pub fn points_entry(&self, id: i64) -> Result<PointsEntry> {
        self.conn()
            .query_row(&format!("{ENTRY_SELECT} AND e.id = ?1"), [id], entry_row)
            .optional()?
            .ok_or(Error::NotFound("积分录入"))
    }

    /// The entered lines of a year, by day.
    pub fn points_entries(&self, year: i32) -> Result<Vec<PointsEntry>> {
        let mut stmt = self
            .conn()
            .prepare(&format!("{ENTRY_SELECT} AND e.entered_on BETWEEN ?1 AND ?2 ORDER BY e.entered_on, e.id"))?;
        let rows = stmt.query_map(params![crate::date::first_of_month(year, 1), last_of_month(year, 12)], entry_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Soft delete, change-logged.
    pub fn delete_points_entry(&mut self, id: i64) -> Result<()> {
        self.points_entry(id)?;
        let tx = self.conn_mut().transaction()?;
        tx.execute("UPDATE points_entries SET deleted_at = ?1 WHERE id = ?2", params![now_text(), id])?;
        changelog::record(&tx, ENTRY, id, "delete", &[])?;
        tx.commit()?;
        Ok(())
    }
}

const ENTRY_SELECT: &str = "SELECT e.id, e.member_id, m.name, e.entered_on, e.rule_key, e.tenths, e.reason, e.evidence
    FROM points_entries e JOIN members m ON m.id = e.member_id WHERE e.deleted_at IS NULL";

fn entry_row(r: &rusqlite::Row) -> rusqlite::Result<PointsEntry> {
    let tenths: i64 = r.get(5)?;
    Ok(PointsEntry {
        id: r.get(0)?,
        member_id: r.get(1)?,
        name: r.get(2)?,
        entered_on: r.get(3)?,
        rule_key: r.get(4)?,
        tenths,
        points: format_tenths(tenths),
        reason: r.get(6)?,
        evidence: r.get(7)?,
    })
}
