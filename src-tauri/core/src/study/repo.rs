//! 学时 in the database: settings, trainings and their participants, hours
//! elsewhere and online, and the year counted from all of them with the
//! meetings (docs/DOMAIN.md §9.5).

use super::model::*;
use super::rules::{self, hours_text, parse_hours};
use crate::date::{first_of_month, last_of_month, PartialDate};
use crate::error::{Error, FieldErrors, Result};
use crate::meetings::{Attendance, MeetingKind};
use crate::members::timeline::{timelines, Timeline};
use crate::members::{CommitteeRole, MemberKind, TransferDirection};
use crate::store::changelog::{self, FieldChange};
use crate::store::{now_text, Store};
use crate::text::clean;
use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, HashMap, HashSet};

const TRAINING: &str = "training";
const ELSEWHERE: &str = "study_elsewhere";
const ONLINE: &str = "study_online";

/// The one reader of study_settings; a missing or unreadable value is the
/// default (docs/DOMAIN.md §10).
pub(crate) fn read_study_settings(conn: &Connection) -> Result<StudySettings> {
    let mut s = StudySettings::default();
    let mut stmt = conn.prepare("SELECT key, value FROM study_settings")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
        let (k, v) = row?;
        let v = v.trim();
        let n = v.parse::<i64>().ok().filter(|n| *n >= 0);
        match k.as_str() {
            "target" => s.target_tenths = n.filter(|n| *n > 0).unwrap_or(s.target_tenths),
            "committee_target" => s.committee_target_tenths = n.filter(|n| *n > 0).unwrap_or(s.committee_target_tenths),
            "taught" => s.taught_tenths = n.unwrap_or(s.taught_tenths),
            "prorate" => s.prorate = v == "1",
            "online" => s.online = v == "1",
            "remind_from" if rules::parse_month_day(v).is_some() => s.remind_from = v.to_string(),
            other => {
                if let Some(kind) = other.strip_prefix("credit_").and_then(MeetingKind::from_code) {
                    if let (Some(c), Some(n)) = (s.credits.iter_mut().find(|c| c.kind == kind), n) {
                        c.tenths = n;
                    }
                }
            }
        }
    }
    Ok(s)
}

/// A day typed into `field`, not after `today`.
fn day(field: &'static str, label: &str, input: &str, today: NaiveDate, e: &mut FieldErrors) -> Option<NaiveDate> {
    if input.trim().is_empty() {
        e.add(field, format!("请填写{label}，如 2026-05-10"));
        return None;
    }
    match PartialDate::parse(input) {
        Ok(PartialDate::Day(d)) if d > today => {
            e.add(field, format!("{label}不能晚于今天（{}）", PartialDate::Day(today).to_chinese()));
            None
        }
        Ok(PartialDate::Day(d)) => Some(d),
        Ok(PartialDate::Month { .. }) => {
            e.add(field, format!("{label}请写到哪一天，如 2026-05-10"));
            None
        }
        Err(err) => {
            e.add(field, err.to_string());
            None
        }
    }
}

/// 学时 typed into `field`: more than 0, at most `max` tenths, one place.
fn hours(field: &'static str, label: &str, input: &str, max: i64, e: &mut FieldErrors) -> Option<i64> {
    match parse_hours(input) {
        _ if input.trim().is_empty() => {
            e.add(field, format!("请填写{label}，如 4 或 1.5"));
            None
        }
        Some(0) => {
            e.add(field, format!("{label}要大于 0"));
            None
        }
        Some(t) if t > max => {
            e.add(field, format!("{label}不能超过 {} 学时，请核对", max / 10));
            None
        }
        Some(t) => Some(t),
        None => {
            e.add(field, format!("{label}请写成数字，最多一位小数，如 4 或 1.5"));
            None
        }
    }
}

/// A month typed as `YYYY-MM` (or `2026年5月`), not after `today`'s month.
fn month(field: &'static str, input: &str, today: NaiveDate, e: &mut FieldErrors) -> Option<String> {
    match PartialDate::parse(input) {
        Ok(p) if p.first_day() > today => {
            e.add(field, "月份不能晚于本月");
            None
        }
        Ok(p) => Some(format!("{:04}-{:02}", p.year(), p.month_number())),
        Err(_) => {
            e.add(field, "请填写月份，如 2026-05");
            None
        }
    }
}

fn member_exists(conn: &Connection, id: i64) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT name FROM members WHERE id = ?1 AND deleted_at IS NULL", [id], |r| r.get(0))
        .optional()?)
}

/// What a meeting gives: its own credit or its kind's, and the line the
/// form shows after saving ("出席的12名党员各计入2.0学时").
pub(crate) fn meeting_credit(
    s: &StudySettings,
    kind: MeetingKind,
    own: Option<i64>,
    statuses: &[Attendance],
) -> (i64, String) {
    let credit = own.unwrap_or_else(|| s.credit_of(kind));
    let present = statuses.iter().filter(|a| **a == Attendance::Present).count();
    let taught = statuses.iter().filter(|a| **a == Attendance::Taught).count();
    let mut note = if credit == 0 {
        String::new()
    } else if present > 0 {
        format!("出席的{present}名党员各计入{}学时", hours_text(credit))
    } else {
        String::new()
    };
    if taught > 0 && s.taught_tenths > 0 {
        if !note.is_empty() {
            note.push('；');
        }
        note.push_str(&format!("送学上门的{taught}名党员各计入{}学时", hours_text(s.taught_tenths)));
    }
    (credit, note)
}

/// A meeting's own 学时 as typed: empty is the kind's default.
pub(crate) fn meeting_hours(input: &str, e: &mut FieldErrors) -> Option<i64> {
    if input.trim().is_empty() {
        return None;
    }
    match parse_hours(input) {
        Some(t) if t <= 800 => Some(t),
        Some(_) => {
            e.add("study_hours", "会议学时不能超过 80 学时");
            None
        }
        None => {
            e.add("study_hours", "会议学时请写成数字，最多一位小数，如 2 或 1.5；不填按会议类型计");
            None
        }
    }
}

const TRAINING_SELECT: &str = "SELECT id, started_on, ended_on, tenths, organiser, organiser_name, level, place,
        topic, proof, notes FROM trainings WHERE deleted_at IS NULL";

fn training_row(r: &rusqlite::Row) -> rusqlite::Result<Training> {
    let organiser: Organiser = r.get(4)?;
    let level: TrainingLevel = r.get(6)?;
    let tenths: i64 = r.get(3)?;
    Ok(Training {
        id: r.get(0)?,
        started_on: r.get(1)?,
        ended_on: r.get(2)?,
        tenths,
        hours: hours_text(tenths),
        organiser,
        organiser_label: organiser.label().into(),
        organiser_name: r.get(5)?,
        level,
        level_label: level.label().into(),
        place: r.get(7)?,
        topic: r.get(8)?,
        proof: r.get(9)?,
        notes: r.get(10)?,
        participants: Vec::new(),
    })
}

fn with_participants(conn: &Connection, mut t: Training) -> Result<Training> {
    let mut stmt = conn.prepare_cached(
        "SELECT tm.member_id, (SELECT m.name FROM members m WHERE m.id = tm.member_id), tm.tenths, tm.rowid
         FROM training_members tm WHERE tm.training_id = ?1",
    )?;
    let full = t.tenths;
    // In the order they were entered, sorted here, and the name a subquery:
    // with `ORDER BY` or a join SQLite would plan the cached statement anew
    // for every training (see `recruits::repo::RECRUIT_SQL`).
    let mut rows: Vec<(i64, Participant)> = stmt
        .query_map([t.id], |r| {
            let own: Option<i64> = r.get(2)?;
            let tenths = own.unwrap_or(full).min(full);
            let p = Participant {
                member_id: r.get(0)?,
                name: r.get(1)?,
                tenths,
                hours: hours_text(tenths),
                partial: tenths < full,
            };
            Ok((r.get(3)?, p))
        })?
        .collect::<rusqlite::Result<_>>()?;
    rows.sort_by_key(|(rowid, _)| *rowid);
    t.participants = rows.into_iter().map(|(_, p)| p).collect();
    Ok(t)
}

fn training_in(conn: &Connection, id: i64) -> Result<Training> {
    let t = conn
        .query_row(&format!("{TRAINING_SELECT} AND id = ?1"), [id], training_row)
        .optional()?
        .ok_or(Error::NotFound("培训记录"))?;
    with_participants(conn, t)
}

/// A checked training form.
struct CheckedTraining {
    started_on: NaiveDate,
    ended_on: Option<NaiveDate>,
    tenths: i64,
    organiser: Organiser,
    organiser_name: String,
    level: TrainingLevel,
    place: String,
    topic: String,
    proof: String,
    notes: String,
    participants: Vec<(i64, Option<i64>)>,
}

fn check_training(conn: &Connection, form: &TrainingForm, today: NaiveDate) -> Result<CheckedTraining> {
    let mut e = FieldErrors::default();
    let started_on = day("started_on", "培训日期", &form.started_on, today, &mut e);
    let ended_on = if form.ended_on.trim().is_empty() {
        None
    } else {
        let d = day("ended_on", "结束日期", &form.ended_on, today, &mut e);
        if let (Some(s), Some(end)) = (started_on, d) {
            if end < s {
                e.add("ended_on", "结束日期不能早于开始日期");
            }
        }
        d
    };
    let tenths = hours("hours", "学时", &form.hours, 8000, &mut e);
    let organiser = Organiser::from_code(form.organiser.trim());
    if organiser.is_none() {
        e.add("organiser", "请选择举办单位（县委组织部、乡镇党委、镇级党校、远程教育、其他）");
    }
    let level = TrainingLevel::from_code(form.level.trim());
    if level.is_none() {
        e.add("level", "请选择培训类别（上级集中培训 或 支部集体学习）");
    }
    let topic = clean(&form.topic);
    if topic.is_empty() {
        e.add("topic", "请填写培训内容，如“学习党的二十届三中全会精神”");
    } else if topic.chars().count() > 200 {
        e.add("topic", "培训内容请写在 200 字以内");
    }
    let organiser_name = clean(&form.organiser_name);
    if organiser == Some(Organiser::Other) && organiser_name.is_empty() {
        e.add("organiser_name", "举办单位选了“其他”，请写明是哪个单位");
    }
    let mut participants = Vec::new();
    let mut seen = HashSet::new();
    if form.participants.is_empty() {
        e.add("participants", "请勾选参加培训的党员");
    }
    for p in &form.participants {
        let Some(name) = member_exists(conn, p.member_id)? else {
            e.add("participants", format!("找不到编号为 {} 的党员，请重新勾选", p.member_id));
            continue;
        };
        if !seen.insert(p.member_id) {
            e.add("participants", format!("{name}勾选了两次，请只保留一次"));
            continue;
        }
        let own = if p.hours.trim().is_empty() {
            None
        } else {
            match parse_hours(&p.hours) {
                Some(t) if tenths.is_some_and(|full| t > full) => {
                    e.add("participants", format!("{name}的学时不能多于这次培训的学时"));
                    None
                }
                Some(t) => Some(t),
                None => {
                    e.add("participants", format!("{name}的学时请写成数字，最多一位小数"));
                    None
                }
            }
        };
        participants.push((p.member_id, own));
    }
    e.into_result()?;
    Ok(CheckedTraining {
        started_on: started_on.expect("checked"),
        ended_on,
        tenths: tenths.expect("checked"),
        organiser: organiser.expect("checked"),
        organiser_name,
        level: level.expect("checked"),
        place: clean(&form.place),
        topic,
        proof: clean(&form.proof),
        notes: clean(&form.notes),
        participants,
    })
}

fn write_participants(conn: &Connection, id: i64, participants: &[(i64, Option<i64>)]) -> Result<()> {
    conn.execute("DELETE FROM training_members WHERE training_id = ?1", [id])?;
    for (member, own) in participants {
        conn.execute(
            "INSERT INTO training_members (training_id, member_id, tenths) VALUES (?1, ?2, ?3)",
            params![id, member, own],
        )?;
    }
    Ok(())
}

/// Per member: tenths per month (index 0 = January), 集中培训 count and tenths.
#[derive(Default)]
struct Tally {
    months: [i64; 12],
    central_count: i64,
    central_tenths: i64,
}

/// The year counted (docs/DOMAIN.md §9.5): meetings (出席 the meeting's
/// credit, 送学上门 its own value, 在流入地参加 nothing), trainings, hours
/// elsewhere, and online hours when the branch counts them.
pub fn study_year(conn: &Connection, year: i32, today: NaiveDate) -> Result<StudyYear> {
    study_year_of(conn, year, today, &timelines(conn)?, true)
}

/// Who had a status at one meeting, from the index on (meeting, status):
/// run once for each meeting of the year, so no join or `ORDER BY` (see
/// `recruits::repo::RECRUIT_SQL`).
const PRESENT_SQL: &str = "SELECT member_id FROM meeting_attendance WHERE meeting_id = ?1 AND status = ?2";

/// [`study_year`] with the members' timelines already read (the reminders
/// read them once for every part). Without `texts` the hours are left as
/// numbers (the texts empty): the reminders write the few they show.
fn study_year_of(
    conn: &Connection,
    year: i32,
    today: NaiveDate,
    lines: &HashMap<i64, Timeline>,
    texts: bool,
) -> Result<StudyYear> {
    let s = read_study_settings(conn)?;
    let (from, to) = (first_of_month(year, 1), last_of_month(year, 12));
    let mut tally: FxHashMap<i64, Tally> = FxHashMap::default();
    let idx = |d: NaiveDate| d.month0() as usize;
    {
        // The year's meetings first (a few hundred), then who was present at
        // each, straight from the index on (meeting, status): one number a
        // row, the credit known for the whole meeting. 送学上门 (rare) in one
        // read of the year.
        let mut meetings: FxHashMap<i64, (usize, i64)> = FxHashMap::default();
        let mut stmt = conn.prepare(
            "SELECT id, date, kind, study_tenths FROM meetings WHERE deleted_at IS NULL AND date BETWEEN ?1 AND ?2",
        )?;
        let mut rows = stmt.query(params![from, to])?;
        while let Some(r) = rows.next()? {
            let (kind, own): (MeetingKind, Option<i64>) = (r.get(2)?, r.get(3)?);
            meetings.insert(r.get(0)?, (idx(r.get(1)?), own.unwrap_or_else(|| s.credit_of(kind))));
        }
        let mut present = conn.prepare_cached(PRESENT_SQL)?;
        for (&id, &(month, credit)) in &meetings {
            let mut rows = present.query(params![id, Attendance::Present.code()])?;
            while let Some(r) = rows.next()? {
                tally.entry(r.get(0)?).or_default().months[month] += credit;
            }
        }
        let mut stmt = conn.prepare(
            "SELECT a.meeting_id, a.member_id FROM meeting_attendance a
             WHERE a.status = ?3 AND a.meeting_id IN
                   (SELECT id FROM meetings WHERE deleted_at IS NULL AND date BETWEEN ?1 AND ?2)",
        )?;
        let mut rows = stmt.query(params![from, to, Attendance::Taught.code()])?;
        while let Some(r) = rows.next()? {
            let Some(&(month, _)) = meetings.get(&r.get(0)?) else { continue };
            tally.entry(r.get(1)?).or_default().months[month] += s.taught_tenths;
        }
    }
    {
        let mut stmt = conn.prepare(
            "SELECT tm.member_id, t.started_on, MIN(COALESCE(tm.tenths, t.tenths), t.tenths), t.level
             FROM training_members tm JOIN trainings t ON t.id = tm.training_id
             WHERE t.deleted_at IS NULL AND t.started_on BETWEEN ?1 AND ?2",
        )?;
        let rows = stmt.query_map(params![from, to], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, NaiveDate>(1)?, r.get::<_, i64>(2)?, r.get::<_, TrainingLevel>(3)?))
        })?;
        for row in rows {
            let (member, date, tenths, level) = row?;
            let t = tally.entry(member).or_default();
            t.months[idx(date)] += tenths;
            if level == TrainingLevel::Central {
                t.central_count += 1;
                t.central_tenths += tenths;
            }
        }
    }
    let months_of = |sql: &str| -> Result<Vec<(i64, String, i64, bool)>> {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map([format!("{year:04}-%")], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    let mut extra = months_of(
        "SELECT member_id, month, tenths, central = 1 FROM study_elsewhere WHERE month LIKE ?1 AND deleted_at IS NULL",
    )?;
    if s.online {
        extra.extend(months_of("SELECT member_id, month, tenths, 0 FROM study_online WHERE month LIKE ?1")?);
    }
    for (member, m, tenths, central) in extra {
        let Some(mo) = m.get(5..7).and_then(|x| x.parse::<usize>().ok()).filter(|x| (1..=12).contains(x)) else {
            continue;
        };
        let t = tally.entry(member).or_default();
        t.months[mo - 1] += tenths;
        if central {
            t.central_count += 1;
            t.central_tenths += tenths;
        }
    }
    let roles: HashMap<i64, Option<CommitteeRole>> = {
        let mut stmt = conn.prepare("SELECT id, committee_role FROM members")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let on = today.min(to).max(from);
    let mut rows = Vec::new();
    for (&id, t) in lines {
        if t.deleted {
            continue;
        }
        let months_in = t.months_in_branch(year);
        if months_in == 0 {
            continue;
        }
        let kind = t.kind_on(on);
        let role = roles.get(&id).copied().flatten();
        let joined_on = t
            .admitted
            .filter(|a| a.year() == year)
            .map(|a| a.first_day())
            .into_iter()
            .chain(
                t.transfers
                    .iter()
                    .filter(|x| x.direction == TransferDirection::In && x.date.year() == year)
                    .map(|x| x.date),
            )
            .max();
        let tl = tally.remove(&id).unwrap_or_default();
        let total: i64 = tl.months.iter().sum();
        let full_target = if role.is_some() { s.committee_target_tenths } else { s.target_tenths };
        let target =
            if joined_on.is_some() { rules::target_for(full_target, months_in, s.prorate) } else { full_target };
        let short_by = (target - total).max(0);
        let met = short_by == 0 && (role.is_none() || tl.central_count > 0);
        rows.push(StudyRow {
            member_id: id,
            name: t.name.clone(),
            kind,
            kind_label: kind.label().into(),
            post: role.map_or(String::new(), |r| r.label().into()),
            committee: role.is_some(),
            months: tl.months.to_vec(),
            month_hours: if texts {
                tl.months.iter().map(|m| if *m == 0 { String::new() } else { hours_text(*m) }).collect()
            } else {
                Vec::new()
            },
            central_count: tl.central_count,
            central_tenths: tl.central_tenths,
            total_tenths: total,
            total: if texts { hours_text(total) } else { String::new() },
            target_tenths: target,
            target: if texts { hours_text(target) } else { String::new() },
            short_by_tenths: short_by,
            short_by: if texts { hours_text(short_by) } else { String::new() },
            months_in_branch: months_in,
            met,
            joined_on,
            central_training: tl.central_count > 0,
        });
    }
    // The committee first (书记 …), then by name as the roster lists them.
    let order =
        |r: &StudyRow| CommitteeRole::ALL.iter().position(|c| c.label() == r.post).unwrap_or(CommitteeRole::ALL.len());
    rows.sort_by(|a, b| order(a).cmp(&order(b)).then(a.member_id.cmp(&b.member_id)));
    let met = rows.iter().filter(|r| r.met).count();
    Ok(StudyYear { year, rows, met, settings: s })
}

/// Whether each member met the year's target (member id → met), judged at
/// the end of the year (docs/DOMAIN.md §9.5).
pub(crate) fn targets_met(conn: &Connection, year: i32) -> Result<BTreeMap<i64, bool>> {
    Ok(study_year(conn, year, last_of_month(year, 12))?.rows.into_iter().map(|r| (r.member_id, r.met)).collect())
}

/// From the reminder day to 31 December (docs/DOMAIN.md §9.5): below
/// target × completed months ÷ 12; committee members with no 集中培训;
/// probationary and first-year full members with no 上级集中培训.
pub(crate) fn study_reminders(
    conn: &Connection,
    today: NaiveDate,
    lines: &HashMap<i64, Timeline>,
) -> Result<Vec<StudyReminder>> {
    let s = read_study_settings(conn)?;
    if !rules::reminding(&s.remind_from, today) {
        return Ok(Vec::new());
    }
    let year = study_year_of(conn, today.year(), today, lines, false)?;
    let mut out = Vec::new();
    for r in year.rows {
        let Some(t) = lines.get(&r.member_id) else { continue };
        if !t.should_attend_on(today) {
            continue;
        }
        let pace = rules::pace(r.target_tenths, today);
        if r.total_tenths < pace {
            out.push(StudyReminder {
                member_id: r.member_id,
                name: r.name.clone(),
                kind: "short".into(),
                note: format!(
                    "今年学时 {}，按进度应有 {}（全年应达 {}）",
                    hours_text(r.total_tenths),
                    hours_text(pace),
                    hours_text(r.target_tenths)
                ),
            });
        }
        if r.committee && r.central_count == 0 {
            out.push(StudyReminder {
                member_id: r.member_id,
                name: r.name.clone(),
                kind: "committee_central".into(),
                note: format!("{}今年还没有参加集中培训", r.post),
            });
        }
        let first_year = t.full_member_on.is_some_and(|f| {
            let last = f.last_day();
            last <= today && today < last.checked_add_months(chrono::Months::new(12)).unwrap_or(last)
        });
        let probationary = r.kind == MemberKind::Probationary;
        if (probationary || first_year) && !r.central_training {
            out.push(StudyReminder {
                member_id: r.member_id,
                name: r.name.clone(),
                kind: "new_member_central".into(),
                note: if probationary {
                    "预备党员今年还没有参加上级集中培训".into()
                } else {
                    "转正第一年，今年还没有参加上级集中培训".into()
                },
            });
        }
    }
    Ok(out)
}

impl Store {
    pub fn study_settings(&self) -> Result<StudySettings> {
        read_study_settings(self.conn())
    }

    /// The settings page: the branch's values and the defaults.
    pub fn study_setup(&self) -> Result<StudySetup> {
        Ok(StudySetup { settings: self.study_settings()?, defaults: StudySettings::default() })
    }

    /// Saves the settings, all or nothing; the ranges are docs/DOMAIN.md
    /// §10's (targets 1–200 学时, credits 0–80). No change log: the
    /// branch's practice, not a record of anyone.
    pub fn save_study_settings(&mut self, s: &StudySettings) -> Result<StudySettings> {
        let mut e = FieldErrors::default();
        if !(10..=2000).contains(&s.target_tenths) {
            e.add("target_tenths", "每年应达学时：请填 1 到 200 学时");
        }
        if !(10..=2000).contains(&s.committee_target_tenths) {
            e.add("committee_target_tenths", "支委成员每年应达学时：请填 1 到 200 学时");
        }
        for c in &s.credits {
            if !(0..=800).contains(&c.tenths) {
                e.add("credits", format!("{}的学时：请填 0 到 80 学时", c.kind.label()));
            }
        }
        if !(0..=800).contains(&s.taught_tenths) {
            e.add("taught_tenths", "送学上门的学时：请填 0 到 80 学时");
        }
        let Some((m, d)) = rules::parse_month_day(&s.remind_from) else {
            e.add("remind_from", "提醒开始日期请写成 月-日，如 10-01");
            return Err(Error::Validation(e));
        };
        e.into_result()?;
        let flag = |b: bool| if b { "1" } else { "0" }.to_string();
        let mut pairs = vec![
            ("target".to_string(), s.target_tenths.to_string()),
            ("committee_target".to_string(), s.committee_target_tenths.to_string()),
            ("taught".to_string(), s.taught_tenths.to_string()),
            ("prorate".to_string(), flag(s.prorate)),
            ("online".to_string(), flag(s.online)),
            ("remind_from".to_string(), format!("{m:02}-{d:02}")),
        ];
        for c in &s.credits {
            pairs.push((format!("credit_{}", c.kind.code()), c.tenths.to_string()));
        }
        let tx = self.conn_mut().transaction()?;
        for (k, v) in pairs {
            tx.execute("INSERT OR REPLACE INTO study_settings (key, value) VALUES (?1, ?2)", params![k, v])?;
        }
        tx.commit()?;
        self.study_settings()
    }

    /// Every member's hours in `year` (docs/DOMAIN.md §9.5).
    pub fn study_year(&self, year: i32, today: NaiveDate) -> Result<StudyYear> {
        study_year(self.conn(), year, today)
    }

    pub fn study_reminders(&self, today: NaiveDate) -> Result<Vec<StudyReminder>> {
        study_reminders(self.conn(), today, &timelines(self.conn())?)
    }

    pub fn training(&self, id: i64) -> Result<Training> {
        training_in(self.conn(), id)
    }

    /// The trainings of a year (by their first day), newest first.
    pub fn trainings(&self, year: i32) -> Result<Vec<Training>> {
        let mut stmt = self.conn().prepare(&format!(
            "{TRAINING_SELECT} AND started_on BETWEEN ?1 AND ?2 ORDER BY started_on DESC, id DESC"
        ))?;
        let rows: Vec<Training> = stmt
            .query_map(params![first_of_month(year, 1), last_of_month(year, 12)], training_row)?
            .collect::<rusqlite::Result<_>>()?;
        rows.into_iter().map(|t| with_participants(self.conn(), t)).collect()
    }

    /// Records a training with its participants, in one transaction.
    pub fn create_training(&mut self, form: &TrainingForm, today: NaiveDate) -> Result<Training> {
        let c = check_training(self.conn(), form, today)?;
        let tx = self.conn_mut().transaction()?;
        let now = now_text();
        tx.execute(
            "INSERT INTO trainings (started_on, ended_on, tenths, organiser, organiser_name, level, place, topic,
                 proof, notes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
            params![
                c.started_on,
                c.ended_on,
                c.tenths,
                c.organiser,
                c.organiser_name,
                c.level,
                c.place,
                c.topic,
                c.proof,
                c.notes,
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        write_participants(&tx, id, &c.participants)?;
        changelog::record(&tx, TRAINING, id, "create", &[])?;
        tx.commit()?;
        self.training(id)
    }

    /// Rewrites a training and its participants, in one transaction.
    pub fn update_training(&mut self, id: i64, form: &TrainingForm, today: NaiveDate) -> Result<Training> {
        let old = self.training(id)?;
        let c = check_training(self.conn(), form, today)?;
        let tx = self.conn_mut().transaction()?;
        tx.execute(
            "UPDATE trainings SET started_on = ?1, ended_on = ?2, tenths = ?3, organiser = ?4, organiser_name = ?5,
                 level = ?6, place = ?7, topic = ?8, proof = ?9, notes = ?10, updated_at = ?11 WHERE id = ?12",
            params![
                c.started_on,
                c.ended_on,
                c.tenths,
                c.organiser,
                c.organiser_name,
                c.level,
                c.place,
                c.topic,
                c.proof,
                c.notes,
                now_text(),
                id
            ],
        )?;
        write_participants(&tx, id, &c.participants)?;
        let new = training_in(&tx, id)?;
        let pairs = [
            ("started_on", old.started_on.to_string(), new.started_on.to_string()),
            ("hours", old.hours.clone(), new.hours.clone()),
            ("topic", old.topic.clone(), new.topic.clone()),
            ("level", old.level_label.clone(), new.level_label.clone()),
            (
                "participants",
                old.participants.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join("、"),
                new.participants.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join("、"),
            ),
        ];
        let changes: Vec<FieldChange> = pairs
            .into_iter()
            .filter(|(_, a, b)| a != b)
            .map(|(f, a, b)| FieldChange { field: f.into(), old: Some(a), new: Some(b) })
            .collect();
        changelog::record(&tx, TRAINING, id, "update", &changes)?;
        tx.commit()?;
        Ok(new)
    }

    /// Soft delete: the record stays, its hours no longer count.
    pub fn delete_training(&mut self, id: i64) -> Result<()> {
        let tx = self.conn_mut().transaction()?;
        let n = tx.execute(
            "UPDATE trainings SET deleted_at = ?1 WHERE id = ?2 AND deleted_at IS NULL",
            params![now_text(), id],
        )?;
        if n == 0 {
            return Err(Error::NotFound("培训记录"));
        }
        changelog::record(&tx, TRAINING, id, "delete", &[])?;
        tx.commit()?;
        Ok(())
    }

    /// Records hours a 流动党员 took where they live.
    pub fn create_study_elsewhere(&mut self, form: &StudyElsewhereForm, today: NaiveDate) -> Result<StudyElsewhere> {
        let mut e = FieldErrors::default();
        if member_exists(self.conn(), form.member_id)?.is_none() {
            e.add("member_id", "请选择一名党员");
        }
        let month = month("month", &form.month, today, &mut e);
        let tenths = hours("hours", "学时", &form.hours, 8000, &mut e);
        let org = clean(&form.org);
        if org.is_empty() {
            e.add("org", "请填写出具证明的流入地党组织");
        }
        e.into_result()?;
        let tx = self.conn_mut().transaction()?;
        tx.execute(
            "INSERT INTO study_elsewhere (member_id, month, tenths, org, what, central, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![form.member_id, month, tenths, org, clean(&form.what), form.central, now_text()],
        )?;
        let id = tx.last_insert_rowid();
        changelog::record(&tx, ELSEWHERE, id, "create", &[])?;
        tx.commit()?;
        self.study_elsewhere_list(None)?.into_iter().find(|x| x.id == id).ok_or(Error::NotFound("流入地学时"))
    }

    /// Hours elsewhere, of one year or all, by month.
    pub fn study_elsewhere_list(&self, year: Option<i32>) -> Result<Vec<StudyElsewhere>> {
        let mut stmt = self.conn().prepare(
            "SELECT e.id, e.member_id, m.name, e.month, e.tenths, e.org, e.what, e.central
             FROM study_elsewhere e JOIN members m ON m.id = e.member_id
             WHERE e.deleted_at IS NULL AND (?1 IS NULL OR e.month LIKE ?1) ORDER BY e.month, e.id",
        )?;
        let rows = stmt.query_map([year.map(|y| format!("{y:04}-%"))], |r| {
            let tenths: i64 = r.get(4)?;
            Ok(StudyElsewhere {
                id: r.get(0)?,
                member_id: r.get(1)?,
                name: r.get(2)?,
                month: r.get(3)?,
                tenths,
                hours: hours_text(tenths),
                org: r.get(5)?,
                what: r.get(6)?,
                central: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn delete_study_elsewhere(&mut self, id: i64) -> Result<()> {
        let tx = self.conn_mut().transaction()?;
        let n = tx.execute(
            "UPDATE study_elsewhere SET deleted_at = ?1 WHERE id = ?2 AND deleted_at IS NULL",
            params![now_text(), id],
        )?;
        if n == 0 {
            return Err(Error::NotFound("流入地学时"));
        }
        changelog::record(&tx, ELSEWHERE, id, "delete", &[])?;
        tx.commit()?;
        Ok(())
    }

    /// Online hours of a member in a month (replacing what was there; 0
    /// clears it). Counted only when the setting is on.
    pub fn save_study_online(&mut self, form: &OnlineForm, today: NaiveDate) -> Result<()> {
        let mut e = FieldErrors::default();
        if member_exists(self.conn(), form.member_id)?.is_none() {
            e.add("member_id", "请选择一名党员");
        }
        let month = month("month", &form.month, today, &mut e);
        let tenths = match parse_hours(&form.hours) {
            Some(t) if t <= 8000 => Some(t),
            _ => {
                e.add("hours", "网络学习学时请写成数字，最多一位小数，如 3.5");
                None
            }
        };
        e.into_result()?;
        let (month, tenths) = (month.expect("checked"), tenths.expect("checked"));
        let tx = self.conn_mut().transaction()?;
        let old: Option<i64> = tx
            .query_row(
                "SELECT tenths FROM study_online WHERE member_id = ?1 AND month = ?2",
                params![form.member_id, month],
                |r| r.get(0),
            )
            .optional()?;
        tx.execute(
            "INSERT INTO study_online (member_id, month, tenths, platform, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (member_id, month) DO UPDATE SET tenths = excluded.tenths, platform = excluded.platform,
                 updated_at = excluded.updated_at",
            params![form.member_id, month, tenths, clean(&form.platform), now_text()],
        )?;
        changelog::record(
            &tx,
            ONLINE,
            form.member_id,
            "save",
            &[FieldChange { field: month.clone(), old: old.map(hours_text), new: Some(hours_text(tenths)) }],
        )?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn the_years_attendance_is_read_by_one_statement_prepared_once() {
        let mut s = Store::open_in_memory().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        s.load_demo(today).unwrap();
        let year = s.study_year(2026, today).unwrap();
        assert!(year.rows.iter().any(|r| r.total_tenths > 0), "the demo's meetings give hours");
        let (runs, prepared_again) = s.cached_runs(PRESENT_SQL);
        assert_eq!(prepared_again, 0);
        assert!(runs > 5, "run once a meeting");
    }
}
