//! Meetings in the database: check, save, list, the calendar and attendance.

use super::calendar::{self, CalendarRow};
use super::model::{
    default_for_year, AgendaItem, Attendance, Frequency, FrequencySetting, MeetingForm, MeetingKind, MeetingSettings,
    MeetingSettingsForm, ResolutionForm,
};
use super::rules::{self, QuorumReport};
use super::validate::{self, seats_of, votes_of, AttendeeRecord, CheckedMeeting};
use crate::date::PartialDate;
use crate::error::{Error, Result};
use crate::members::timeline::Timeline;
use crate::members::MemberKind;
use crate::store::changelog::{self, FieldChange, HistoryEntry};
use crate::store::{now_text, Store};
use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::collections::HashMap;

const ENTITY: &str = "meeting";

const MEETING_WORDING: changelog::Wording = changelog::Wording {
    action: |action| match action {
        "create" => ("记录", Some("记录会议")),
        "delete" => ("删除", Some("删除（记录仍保留，不再计入日历）")),
        _ => ("修改", None),
    },
    change: |c| {
        let label = match c.field.as_str() {
            "kind" => "会议类型",
            "date" => "日期",
            "place" => "地点",
            "topic" => "主题",
            "host" => "主持人",
            "attendance" => "出席率",
            "minutes" => "会议内容",
            "study_hours" => "计入学时",
            other => other,
        };
        let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "（空）".into());
        format!("{label}：{} → {}", show(&c.old), show(&c.new))
    },
};

fn people(conn: &Connection) -> Result<HashMap<i64, Timeline>> {
    crate::members::timeline::timelines(conn)
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ResolutionRecord {
    pub text: String,
    pub vote: bool,
    pub election: bool,
    pub votes_for: Option<i64>,
    pub votes_against: Option<i64>,
    pub votes_abstain: Option<i64>,
    pub candidate: String,
    pub written_for: Option<i64>,
    pub written_against: Option<i64>,
    pub written_abstain: Option<i64>,
    pub passed: Option<bool>,
    pub verdict: String,
    /// The tally or the attendance allows no verdict (rules::Verdict::invalid).
    pub invalid: bool,
}

/// A meeting as stored, with names and the rules applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MeetingRecord {
    pub id: i64,
    pub kind: MeetingKind,
    pub date: NaiveDate,
    /// 所属年度 of a 组织生活会 or 民主评议.
    pub for_year: Option<i32>,
    pub start_time: String,
    pub place: String,
    pub topic: String,
    pub host_id: Option<i64>,
    pub host_name: Option<String>,
    pub recorder_id: Option<i64>,
    pub recorder_name: Option<String>,
    pub group_id: Option<i64>,
    pub group_name: Option<String>,
    pub attendees: Vec<AttendeeRecord>,
    pub observers: String,
    pub minutes: String,
    pub agenda: Vec<AgendaItem>,
    pub resolutions: Vec<ResolutionRecord>,
    pub quorum: QuorumReport,
    pub deleted: bool,
    /// The meeting's own 学时, None: its kind's (docs/DOMAIN.md §9.5).
    pub study_tenths: Option<i64>,
    /// The 学时 each member marked 出席 gets.
    pub study_credit: i64,
    /// "出席的12名党员各计入2.0学时", or empty when it gives none.
    pub study_note: String,
}

/// A meeting list line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MeetingSummary {
    pub id: i64,
    pub kind: MeetingKind,
    pub date: NaiveDate,
    pub start_time: String,
    pub place: String,
    pub topic: String,
    pub host_name: Option<String>,
    pub should_attend: usize,
    pub present: usize,
    pub on_leave: usize,
    pub absent: usize,
    pub attendance_rate: String,
    /// None where the kind has no quorum rule.
    pub quorum_ok: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize, ts_rs::TS)]
pub struct MonthRate {
    pub month: String,
    pub label: String,
    /// Percent with one decimal, for drawing; None when no one was expected.
    pub rate: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct MissedMember {
    pub member_id: i64,
    pub name: String,
    /// Meetings missed in a row, up to the latest one they should have attended.
    pub missed: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, ts_rs::TS)]
pub struct MeetingCalendar {
    pub year: i32,
    pub rows: Vec<CalendarRow>,
    pub gaps: Vec<String>,
    pub monthly_attendance: Vec<MonthRate>,
    pub missed_three_in_a_row: Vec<MissedMember>,
}

/// Checks a minutes form against the rules and the roster of the database.
fn check(conn: &Connection, form: &MeetingForm, today: NaiveDate) -> Result<CheckedMeeting> {
    let checked = validate::check(form, today, &people(conn)?, |g| {
        Ok(conn.query_row("SELECT EXISTS(SELECT 1 FROM party_groups WHERE id = ?1)", [g], |r| r.get(0))?)
    });
    // 在流入地参加 only for a member away that day (流动党员, mobile/).
    let mut away = crate::mobile::check_elsewhere_attendance(conn, form)?;
    let study_tenths = crate::study::meeting_hours(&form.study_hours, &mut away);
    match checked {
        Err(Error::Validation(mut e)) => {
            for (field, message) in away.0 {
                e.add(field, message);
            }
            Err(Error::Validation(e))
        }
        Ok(_) if !away.is_empty() => Err(Error::Validation(away)),
        Ok(mut m) => {
            m.study_tenths = study_tenths;
            Ok(m)
        }
        other => other,
    }
}

fn write(conn: &Connection, id: Option<i64>, m: &CheckedMeeting) -> Result<i64> {
    let agenda = serde_json::to_string(&m.agenda).unwrap_or_else(|_| "[]".into());
    let now = now_text();
    let id = match id {
        None => {
            conn.execute(
                "INSERT INTO meetings (kind, date, start_time, place, topic, host_id, recorder_id, group_id,
                    observers, minutes, agenda, created_at, updated_at, for_year, study_tenths)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13, ?14)",
                params![
                    m.kind,
                    m.date,
                    m.start_time,
                    m.place,
                    m.topic,
                    m.host_id,
                    m.recorder_id,
                    m.group_id,
                    m.observers,
                    m.minutes,
                    agenda,
                    now,
                    m.for_year,
                    m.study_tenths
                ],
            )?;
            conn.last_insert_rowid()
        }
        Some(id) => {
            conn.execute(
                "UPDATE meetings SET kind = ?1, date = ?2, start_time = ?3, place = ?4, topic = ?5, host_id = ?6,
                    recorder_id = ?7, group_id = ?8, observers = ?9, minutes = ?10, agenda = ?11, updated_at = ?12,
                    for_year = ?14, study_tenths = ?15
                 WHERE id = ?13",
                params![
                    m.kind,
                    m.date,
                    m.start_time,
                    m.place,
                    m.topic,
                    m.host_id,
                    m.recorder_id,
                    m.group_id,
                    m.observers,
                    m.minutes,
                    agenda,
                    now,
                    id,
                    m.for_year,
                    m.study_tenths
                ],
            )?;
            conn.execute("DELETE FROM meeting_attendance WHERE meeting_id = ?1", [id])?;
            conn.execute("DELETE FROM meeting_resolutions WHERE meeting_id = ?1", [id])?;
            id
        }
    };
    for a in &m.attendees {
        conn.execute(
            "INSERT INTO meeting_attendance (meeting_id, member_id, status, reason, voting, grade)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, a.member_id, a.status, a.reason, a.voting, a.grade],
        )?;
    }
    for (i, r) in m.resolutions.iter().enumerate() {
        conn.execute(
            "INSERT INTO meeting_resolutions (meeting_id, position, text, vote, election, votes_for, votes_against,
                votes_abstain, candidate, written_for, written_against, written_abstain)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                id,
                i as i64,
                r.text,
                r.vote,
                r.election,
                r.votes_for,
                r.votes_against,
                r.votes_abstain,
                r.candidate,
                r.written_for,
                r.written_against,
                r.written_abstain
            ],
        )?;
    }
    Ok(id)
}

/// What [`load_where`] reads besides the meetings themselves.
#[derive(Clone, Copy, PartialEq, Eq)]
enum People {
    /// Kinds and dates only: no attendees, resolutions or quorum.
    None,
    /// Every attendance row.
    All,
    /// Only those who were not 出席 (everyone at a 民主评议, whose grades
    /// need them all); those present are taken as the meeting's row counts
    /// them (`present_count`, kept by schema v9's triggers), not read one
    /// by one. The quorum, the counts and the 学时 line are those of
    /// [`People::All`] (`away_read_judges_as_the_full_read` checks it): for
    /// lists and the 台账, where a big year has tens of thousands of
    /// present rows (docs/PERFORMANCE.md).
    Away,
}

/// Which meetings [`load_where`] reads.
enum Which {
    One(i64),
    /// Not deleted, dated within the range (ISO text), optionally of one
    /// kind; meetings of a kind without a 所属年度 only up to `plain_to`.
    Range {
        from: String,
        to: String,
        plain_to: String,
        kind: Option<MeetingKind>,
    },
}

/// One meeting record, read inside the caller's transaction.
pub(crate) fn meeting_in(conn: &Connection, id: i64) -> Result<MeetingRecord> {
    load(conn, id)
}

fn load(conn: &Connection, id: i64) -> Result<MeetingRecord> {
    load_where(conn, Which::One(id), People::All)?.pop().ok_or(Error::NotFound("会议记录"))
}

/// Reads meetings and (as `people` says) their attendance and resolutions,
/// and applies the rules; newest first.
fn load_where(conn: &Connection, which: Which, people: People) -> Result<Vec<MeetingRecord>> {
    // The kinds with a 所属年度, as SQL text ('life_meeting', 'review').
    let yearly: Vec<String> =
        MeetingKind::ALL.iter().filter(|k| k.has_for_year()).map(|k| format!("'{}'", k.code())).collect();
    let (filter, args): (String, Vec<rusqlite::types::Value>) = match which {
        Which::One(id) => (
            "m.id = ?1 AND ?2 IS NULL AND ?3 IS NULL AND ?4 IS NULL".to_string(),
            vec![id.into(), rusqlite::types::Value::Null, rusqlite::types::Value::Null, rusqlite::types::Value::Null],
        ),
        Which::Range { from, to, plain_to, kind } => (
            format!(
                "m.deleted_at IS NULL AND m.date >= ?1 AND m.date <= ?2 AND (?3 IS NULL OR m.kind = ?3)
                 AND (m.date <= ?4 OR m.kind IN ({}))",
                yearly.join(", ")
            ),
            vec![from.into(), to.into(), kind.map(|k| k.code().to_string()).into(), plain_to.into()],
        ),
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT m.id, m.kind, m.date, m.start_time, m.place, m.topic, m.host_id, h.name, m.recorder_id, r.name,
                m.group_id, g.name, m.observers, m.minutes, m.agenda, m.deleted_at IS NOT NULL, m.for_year, m.study_tenths,
                m.present_count, m.present_voting
         FROM meetings m
         LEFT JOIN members h ON h.id = m.host_id
         LEFT JOIN members r ON r.id = m.recorder_id
         LEFT JOIN party_groups g ON g.id = m.group_id
         WHERE {filter}
         ORDER BY m.date DESC, m.start_time DESC, m.id DESC"
    ))?;
    // With each meeting, how many were present and how many of them had a
    // vote (kept by the database: schema v9's triggers).
    let (mut meetings, counted): (Vec<MeetingRecord>, Vec<(usize, usize)>) = stmt
        .query_map(rusqlite::params_from_iter(args.iter()), |r| {
            let agenda: String = r.get(14)?;
            let counted = (r.get::<_, i64>(18)? as usize, r.get::<_, i64>(19)? as usize);
            let record = MeetingRecord {
                id: r.get(0)?,
                kind: r.get(1)?,
                date: r.get(2)?,
                for_year: r.get(16)?,
                start_time: r.get(3)?,
                place: r.get(4)?,
                topic: r.get(5)?,
                host_id: r.get(6)?,
                host_name: r.get(7)?,
                recorder_id: r.get(8)?,
                recorder_name: r.get(9)?,
                group_id: r.get(10)?,
                group_name: r.get(11)?,
                attendees: Vec::new(),
                observers: r.get(12)?,
                minutes: r.get(13)?,
                agenda: serde_json::from_str(&agenda).unwrap_or_default(),
                resolutions: Vec::new(),
                quorum: rules::judge(MeetingKind::Other, &[], &[]),
                deleted: r.get(15)?,
                study_tenths: r.get(17)?,
                study_credit: 0,
                study_note: String::new(),
            };
            Ok((record, counted))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .unzip();
    if meetings.is_empty() || people == People::None {
        return Ok(meetings);
    }
    // Every attendance and resolution row of these meetings in one query
    // each, found through the primary key (meeting_id, …) and not sorted by
    // SQLite: each meeting's few rows are put back into the order they were
    // entered here. Names come from one read of the members, not a join per
    // row. (Per-meeting queries with a join took 29 ms for 75,000 rows;
    // one query sorted by SQLite was slower still — docs/PERFORMANCE.md.)
    let index: FxHashMap<i64, usize> = meetings.iter().enumerate().map(|(i, m)| (m.id, i)).collect();
    let names: FxHashMap<i64, (String, MemberKind)> = {
        let mut stmt = conn.prepare_cached("SELECT id, name, kind FROM members")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut seats: Vec<Vec<(i64, AttendeeRecord)>> = vec![Vec::new(); meetings.len()];
    // Away: those present (apart from 民主评议) as (how many, how many with a
    // vote), as the meeting's row keeps them.
    let away = |m: &MeetingRecord| people == People::Away && m.kind != MeetingKind::Review;
    let present_counted: Vec<(usize, usize)> =
        meetings.iter().zip(counted).map(|(m, counted)| if away(m) { counted } else { (0, 0) }).collect();
    let review = MeetingKind::Review.code();
    // Away: the statuses other than 出席, each a range of the index on
    // (meeting, status, …), so the present are skipped, not read.
    let not_present: Vec<String> =
        Attendance::ALL.iter().filter(|a| **a != Attendance::Present).map(|a| format!("'{}'", a.code())).collect();
    let columns = "a.meeting_id, a.rowid, a.member_id, a.voting, a.status, a.reason, a.grade";
    let rows_sql = match people {
        People::Away => format!(
            "SELECT {columns} FROM meeting_attendance a
             WHERE a.meeting_id IN (SELECT m.id FROM meetings m WHERE {filter} AND m.kind <> '{review}')
               AND a.status IN ({})
             UNION ALL
             SELECT {columns} FROM meeting_attendance a
             WHERE a.meeting_id IN (SELECT m.id FROM meetings m WHERE {filter} AND m.kind = '{review}')",
            not_present.join(", ")
        ),
        _ => format!(
            "SELECT {columns} FROM meeting_attendance a WHERE a.meeting_id IN (SELECT m.id FROM meetings m WHERE {filter})"
        ),
    };
    {
        let mut stmt = conn.prepare_cached(&rows_sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
        while let Some(r) = rows.next()? {
            let (Some(&i), Some((name, kind))) = (index.get(&r.get(0)?), names.get(&r.get(2)?)) else { continue };
            seats[i].push((
                r.get(1)?,
                AttendeeRecord {
                    member_id: r.get(2)?,
                    name: name.clone(),
                    member_kind: *kind,
                    voting: r.get(3)?,
                    status: r.get(4)?,
                    reason: r.get(5)?,
                    grade: r.get(6)?,
                },
            ));
        }
    }
    let mut forms: Vec<Vec<(i64, ResolutionForm)>> = vec![Vec::new(); meetings.len()];
    {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT meeting_id, position, text, vote, election, votes_for, votes_against, votes_abstain, candidate,
                    written_for, written_against, written_abstain
             FROM meeting_resolutions WHERE meeting_id IN (SELECT m.id FROM meetings m WHERE {filter})"
        ))?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
        while let Some(r) = rows.next()? {
            let Some(&i) = index.get(&r.get(0)?) else { continue };
            forms[i].push((
                r.get(1)?,
                ResolutionForm {
                    text: r.get(2)?,
                    vote: r.get(3)?,
                    election: r.get(4)?,
                    votes_for: r.get(5)?,
                    votes_against: r.get(6)?,
                    votes_abstain: r.get(7)?,
                    candidate: r.get(8)?,
                    written_for: r.get(9)?,
                    written_against: r.get(10)?,
                    written_abstain: r.get(11)?,
                },
            ));
        }
    }
    for (m, mut list) in meetings.iter_mut().zip(seats) {
        list.sort_unstable_by_key(|(rowid, _)| *rowid);
        m.attendees = list.into_iter().map(|(_, a)| a).collect();
    }
    let forms: Vec<Vec<ResolutionForm>> = forms
        .into_iter()
        .map(|mut list| {
            list.sort_by_key(|(position, _)| *position);
            list.into_iter().map(|(_, f)| f).collect()
        })
        .collect();
    let study = crate::study::read_study_settings(conn)?;
    for ((m, forms), (present, voting)) in meetings.iter_mut().zip(forms).zip(present_counted) {
        // Those counted and not read take their seats back here, as the
        // rules count them (a present seat's member and grade are not
        // looked at outside a 民主评议, which is read whole).
        let mut seats = seats_of(&m.attendees);
        let seat = |voting| rules::Seat { member_id: 0, status: Attendance::Present, voting, grade: None };
        seats.extend((0..voting).map(|_| seat(true)).chain((voting..present).map(|_| seat(false))));
        let statuses: Vec<_> = seats.iter().map(|s| s.status).collect();
        (m.study_credit, m.study_note) = crate::study::meeting_credit(&study, m.kind, m.study_tenths, &statuses);
        m.quorum = rules::judge(m.kind, &seats, &forms.iter().map(votes_of).collect::<Vec<_>>());
        m.resolutions = forms
            .into_iter()
            .zip(m.quorum.resolutions.iter())
            .map(|(f, v)| ResolutionRecord {
                text: f.text,
                vote: f.vote,
                election: f.election,
                votes_for: f.votes_for,
                votes_against: f.votes_against,
                votes_abstain: f.votes_abstain,
                candidate: f.candidate,
                written_for: f.written_for,
                written_against: f.written_against,
                written_abstain: f.written_abstain,
                passed: v.passed,
                verdict: v.verdict.clone(),
                invalid: v.invalid,
            })
            .collect();
    }
    Ok(meetings)
}

impl MeetingRecord {
    /// The record as the form that would save it again (for the CLI's
    /// `meeting show` → `meeting add` round trip, and for editing).
    pub fn form(&self) -> MeetingForm {
        MeetingForm {
            kind: self.kind.code().into(),
            date: self.date.to_string(),
            for_year: self.for_year,
            start_time: self.start_time.clone(),
            place: self.place.clone(),
            topic: self.topic.clone(),
            host_id: self.host_id,
            recorder_id: self.recorder_id,
            group_id: self.group_id,
            attendees: self
                .attendees
                .iter()
                .map(|a| super::model::AttendeeForm {
                    member_id: a.member_id,
                    status: a.status.code().into(),
                    reason: a.reason.clone(),
                    grade: a.grade.map(|g| g.code().to_string()).unwrap_or_default(),
                })
                .collect(),
            observers: self.observers.clone(),
            minutes: self.minutes.clone(),
            agenda: self.agenda.clone(),
            resolutions: self
                .resolutions
                .iter()
                .map(|r| ResolutionForm {
                    text: r.text.clone(),
                    vote: r.vote,
                    election: r.election,
                    votes_for: r.votes_for,
                    votes_against: r.votes_against,
                    votes_abstain: r.votes_abstain,
                    candidate: r.candidate.clone(),
                    written_for: r.written_for,
                    written_against: r.written_against,
                    written_abstain: r.written_abstain,
                })
                .collect(),
            study_hours: self.study_tenths.map(crate::study::rules::hours_text).unwrap_or_default(),
        }
    }
}

fn summary(m: &MeetingRecord) -> MeetingSummary {
    MeetingSummary {
        id: m.id,
        kind: m.kind,
        date: m.date,
        start_time: m.start_time.clone(),
        place: m.place.clone(),
        topic: m.topic.clone(),
        host_name: m.host_name.clone(),
        should_attend: m.quorum.should_attend,
        present: m.quorum.present,
        on_leave: m.quorum.on_leave,
        absent: m.quorum.absent,
        attendance_rate: m.quorum.attendance_rate.clone(),
        quorum_ok: m.quorum.applies.then_some(m.quorum.ok),
    }
}

/// The usual agenda a secretary starts from.
pub(crate) fn default_agenda(kind: MeetingKind) -> Vec<AgendaItem> {
    let items: &[(&str, bool)] = match kind {
        MeetingKind::ThemeDay => &[
            ("重温入党誓词", true),
            ("集中学习党的创新理论和上级精神", true),
            ("交纳党费", true),
            ("开展志愿服务或为民办实事（自选）", false),
        ],
        MeetingKind::LifeMeeting => &[
            ("通报上年度组织生活会整改落实情况", true),
            ("集中学习，明确会议主题", true),
            ("支部班子对照检查，书记代表支委会作检查发言", true),
            ("党员逐一发言，开展批评和自我批评", true),
            ("民主评议党员", true),
            ("制定整改措施", true),
        ],
        MeetingKind::Review => &[
            ("学习教育", true),
            ("个人自评", true),
            ("党员互评", true),
            ("民主测评", true),
            ("组织评定", true),
            ("结果公示和反馈", true),
        ],
        _ => &[],
    };
    items.iter().map(|(t, p)| AgendaItem { text: (*t).into(), prescribed: *p }).collect()
}

impl Store {
    /// A new minutes form, prefilled: who should attend (everyone present),
    /// the usual agenda, a topic, the secretary as host, the last place used.
    pub fn meeting_draft(
        &self,
        kind: &str,
        date: &str,
        group_id: Option<i64>,
        today: NaiveDate,
    ) -> Result<MeetingForm> {
        let kind = MeetingKind::from_code(kind).unwrap_or(MeetingKind::Assembly);
        let day = match PartialDate::parse_opt(date) {
            Ok(Some(PartialDate::Day(d))) => d,
            _ => today,
        };
        // Who should attend: the members of that day (docs/DOMAIN.md §3.2).
        let timelines = people(self.conn())?;
        let roster: Vec<_> = self
            .members(&crate::members::MemberQuery { include_left: true, ..Default::default() })?
            .into_iter()
            .filter(|m| timelines.get(&m.id).is_some_and(|t| t.should_attend_on(day)))
            .collect();
        let attendees = roster
            .iter()
            .filter(|m| match kind {
                MeetingKind::Committee => m.committee_role.is_some(),
                MeetingKind::GroupMeeting => {
                    group_id.is_some() && timelines.get(&m.id).and_then(|t| t.group_on(day)) == group_id
                }
                MeetingKind::Talk | MeetingKind::Other => false,
                _ => true,
            })
            .map(|m| super::model::AttendeeForm {
                member_id: m.id,
                status: "present".into(),
                reason: String::new(),
                grade: String::new(),
            })
            .collect();
        let host_id = roster
            .iter()
            .find(|m| m.committee_role == Some(crate::members::CommitteeRole::Secretary))
            .map(|m| m.id)
            .filter(|_| !matches!(kind, MeetingKind::GroupMeeting | MeetingKind::Talk));
        let topic = match kind {
            MeetingKind::ThemeDay => format!("{}月主题党日", day.month()),
            MeetingKind::LifeMeeting | MeetingKind::Review => {
                format!("{}年度{}", default_for_year(kind, day).unwrap_or(day.year()), kind.label())
            }
            _ => String::new(),
        };
        let place: Option<String> = self
            .conn()
            .query_row(
                "SELECT place FROM meetings WHERE deleted_at IS NULL AND place != '' ORDER BY date DESC, id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        Ok(MeetingForm {
            kind: kind.code().into(),
            date: day.to_string(),
            for_year: default_for_year(kind, day),
            place: place.unwrap_or_default(),
            topic,
            host_id,
            group_id: group_id.filter(|_| kind == MeetingKind::GroupMeeting),
            attendees,
            agenda: default_agenda(kind),
            ..Default::default()
        })
    }

    /// Applies the quorum rules to a form as it is being filled in.
    pub fn check_meeting(&self, form: &MeetingForm, today: NaiveDate) -> Result<QuorumReport> {
        Ok(validate::judge_form(form, today, &people(self.conn())?))
    }

    pub fn create_meeting(&mut self, form: &MeetingForm, today: NaiveDate) -> Result<MeetingRecord> {
        let tx = self.conn_mut().transaction()?;
        let id = insert_meeting_in(&tx, form, today)?;
        tx.commit()?;
        load(self.conn(), id)
    }

    pub fn update_meeting(&mut self, id: i64, form: &MeetingForm, today: NaiveDate) -> Result<MeetingRecord> {
        let tx = self.conn_mut().transaction()?;
        let old = load(&tx, id)?;
        if old.deleted {
            return Err(Error::NotFound("会议记录"));
        }
        let checked = check(&tx, form, today)?;
        write(&tx, Some(id), &checked)?;
        let new = load(&tx, id)?;
        let changes = meeting_changes(&old, &new);
        if !changes.is_empty() {
            changelog::record(&tx, ENTITY, id, "update", &changes)?;
        }
        tx.commit()?;
        Ok(new)
    }

    /// Soft delete: the record stays, out of lists and the calendar.
    pub fn delete_meeting(&mut self, id: i64) -> Result<()> {
        let tx = self.conn_mut().transaction()?;
        let n = tx.execute(
            "UPDATE meetings SET deleted_at = ?1 WHERE id = ?2 AND deleted_at IS NULL",
            params![now_text(), id],
        )?;
        if n == 0 {
            return Err(Error::NotFound("会议记录"));
        }
        changelog::record(&tx, ENTITY, id, "delete", &[])?;
        tx.commit()?;
        Ok(())
    }

    pub fn meeting(&self, id: i64) -> Result<MeetingRecord> {
        load(self.conn(), id)
    }

    /// What happened to this record, newest first.
    pub fn meeting_history(&self, id: i64) -> Result<Vec<HistoryEntry>> {
        changelog::history(self.conn(), ENTITY, id, &MEETING_WORDING)
    }

    /// The year's meetings (not deleted), newest first, optionally of one kind.
    pub fn meetings(&self, year: i32, kind: Option<MeetingKind>) -> Result<Vec<MeetingRecord>> {
        self.meetings_read(year, kind, People::All)
    }

    fn meetings_read(&self, year: i32, kind: Option<MeetingKind>, people: People) -> Result<Vec<MeetingRecord>> {
        let (from, to) = (format!("{year:04}-01-01"), format!("{year:04}-12-31"));
        load_where(self.conn(), Which::Range { from, plain_to: to.clone(), to, kind }, people)
    }

    /// The meetings dated in `year` and those that belong to it (see
    /// [`Store::meetings_belonging`]), from one read; newest first.
    fn meetings_around(&self, year: i32, people: People) -> Result<Vec<MeetingRecord>> {
        let (from, to) = (format!("{year:04}-01-01"), format!("{:04}-12-31", year + 1));
        let plain_to = format!("{year:04}-12-31");
        load_where(self.conn(), Which::Range { from, to, plain_to, kind: None }, people)
    }

    /// The meetings that count for `year`: by date, except that a
    /// 组织生活会 or 民主评议 counts for its 所属年度 (docs/DOMAIN.md §3.1).
    pub fn meetings_belonging(&self, year: i32, kind: Option<MeetingKind>) -> Result<Vec<MeetingRecord>> {
        self.belonging_read(year, kind, People::All)
    }

    /// [`Store::meetings_belonging`] with only those who were not 出席
    /// listed as attendees (everyone at a 民主评议); the quorum and counts
    /// are as of the full read (see [`People::Away`]). For the 台账.
    pub(crate) fn meetings_belonging_away(&self, year: i32, kind: Option<MeetingKind>) -> Result<Vec<MeetingRecord>> {
        self.belonging_read(year, kind, People::Away)
    }

    fn belonging_read(&self, year: i32, kind: Option<MeetingKind>, people: People) -> Result<Vec<MeetingRecord>> {
        // Only a 组织生活会 or 民主评议 dated next year can belong to this one.
        let (from, to) = (format!("{year:04}-01-01"), format!("{:04}-12-31", year + 1));
        let plain_to = format!("{year:04}-12-31");
        let mut all = load_where(self.conn(), Which::Range { from, to, plain_to, kind }, people)?;
        all.retain(|m| belongs_to(m, year));
        Ok(all)
    }

    /// The list of a year's meetings with their counts (those present
    /// counted, not read: see [`People::Away`]).
    pub fn meeting_summaries(&self, year: i32, kind: Option<MeetingKind>) -> Result<Vec<MeetingSummary>> {
        Ok(self.meetings_read(year, kind, People::Away)?.iter().map(summary).collect())
    }

    /// Meetings whose kept count of those present (or of them with a vote)
    /// is not what their attendance rows say: none while schema v9's
    /// triggers stand (the tests check it after every kind of write and
    /// after migrating each frozen version).
    pub fn miscounted_meetings(&self) -> Result<Vec<i64>> {
        let mut stmt = self.conn().prepare(
            "SELECT m.id FROM meetings m
             WHERE m.present_count <> (SELECT count(*) FROM meeting_attendance a
                                       WHERE a.meeting_id = m.id AND a.status = ?1)
                OR m.present_voting <> (SELECT count(*) FROM meeting_attendance a
                                        WHERE a.meeting_id = m.id AND a.status = ?1 AND a.voting = 1)",
        )?;
        let ids = stmt.query_map([Attendance::Present.code()], |r| r.get(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }

    pub fn meeting_frequency(&self, kind: MeetingKind) -> Result<Frequency> {
        Ok(self
            .conn()
            .query_row("SELECT frequency FROM meeting_frequencies WHERE kind = ?1", [kind], |r| r.get(0))
            .optional()?
            .unwrap_or_else(|| kind.default_frequency()))
    }

    /// The compliance calendar of a year, its gaps, attendance by month,
    /// and who missed three meetings in a row.
    pub fn meeting_calendar(&self, year: i32, today: NaiveDate) -> Result<MeetingCalendar> {
        let around = self.meetings_around(year, People::All)?;
        let rows = self.calendar_rows(year, today, &around)?;
        let meetings: Vec<&MeetingRecord> = around.iter().filter(|m| m.date.year() == year).collect();
        let gaps = calendar::gaps(&rows);
        let monthly_attendance = (1..=12u32)
            .map(|month| {
                let (mut present, mut should) = (0usize, 0usize);
                for m in meetings.iter().filter(|m| m.date.month() == month) {
                    present += m.quorum.present;
                    should += m.quorum.should_attend;
                }
                MonthRate {
                    month: format!("{year:04}-{month:02}"),
                    label: format!("{month}月"),
                    rate: rules::rate_tenths(present, should).map(|t| t as f64 / 10.0),
                }
            })
            .collect();
        Ok(MeetingCalendar {
            year,
            rows,
            gaps,
            monthly_attendance,
            missed_three_in_a_row: missed_in_a_row(&meetings, 3),
        })
    }

    /// The calendar's rows alone (what is due, held and missed in each
    /// period), which need the meetings' kinds and dates but not who came.
    pub fn meeting_calendar_rows(&self, year: i32, today: NaiveDate) -> Result<Vec<CalendarRow>> {
        self.calendar_rows(year, today, &self.meetings_around(year, People::None)?)
    }

    /// The rows from the meetings around `year` (those not belonging to it are passed over).
    fn calendar_rows(&self, year: i32, today: NaiveDate, around: &[MeetingRecord]) -> Result<Vec<CalendarRow>> {
        let belonging: Vec<&MeetingRecord> = around.iter().filter(|m| belongs_to(m, year)).collect();
        let records_from = self.branch()?.records_from.map(|d| d.first_day());
        let full_members = self.full_members_in_good_standing()?;
        let groups = self.groups()?.iter().filter(|g| g.member_count > 0).count();
        let theme_day = self.meeting_settings()?.theme_day;
        let mut rows = Vec::new();
        for &kind in MeetingKind::ALL {
            let frequency = self.meeting_frequency(kind)?;
            if frequency == Frequency::None {
                continue;
            }
            // A 党小组会 counts for its group: each group is expected once a period.
            let group_meeting = kind == MeetingKind::GroupMeeting;
            // A yearly meeting held next January counts on the last day of its 所属年度.
            let held: Vec<(NaiveDate, i64)> = belonging
                .iter()
                .filter(|m| m.kind == kind)
                .map(|m| {
                    let day = if m.date.year() == year { m.date } else { crate::date::last_of_month(year, 12) };
                    (day, if group_meeting { m.group_id.unwrap_or(-m.id) } else { m.id })
                })
                .collect();
            let per_period = if group_meeting { groups as u32 } else { 1 };
            let reason = calendar::not_required_reason(kind, full_members, groups);
            let mut row = calendar::row(kind, frequency, year, &held, per_period, today, reason, records_from);
            if kind == MeetingKind::ThemeDay && reason.is_none() && !theme_day.is_empty() {
                row.frequency_label = format!("{}（{theme_day}）", row.frequency_label);
            }
            rows.push(row);
        }
        Ok(rows)
    }
}

/// Whether a meeting counts for `year`: by its date, except that a
/// 组织生活会 or 民主评议 counts for its 所属年度 (docs/DOMAIN.md §3.1).
fn belongs_to(m: &MeetingRecord, year: i32) -> bool {
    match m.for_year {
        Some(y) if m.kind.has_for_year() => y == year,
        _ => m.date.year() == year,
    }
}

/// Members whose latest `at_least` meetings (that they should have
/// attended) all went without them, newest streak first.
fn missed_in_a_row(meetings: &[&MeetingRecord], at_least: usize) -> Vec<MissedMember> {
    let mut ordered: Vec<&MeetingRecord> = meetings.to_vec();
    ordered.sort_by_key(|m| (m.date, m.id));
    let mut streak: HashMap<i64, (String, usize)> = HashMap::new();
    for m in ordered {
        for a in &m.attendees {
            let entry = streak.entry(a.member_id).or_insert_with(|| (a.name.clone(), 0));
            // Taking part where one lives, or 送学上门, is not missing it.
            entry.1 = if a.status.took_part() { 0 } else { entry.1 + 1 };
        }
    }
    let mut out: Vec<MissedMember> = streak
        .into_iter()
        .filter(|(_, (_, n))| *n >= at_least)
        .map(|(member_id, (name, missed))| MissedMember { member_id, name, missed })
        .collect();
    out.sort_by(|a, b| b.missed.cmp(&a.missed).then(a.member_id.cmp(&b.member_id)));
    out
}

fn meeting_changes(old: &MeetingRecord, new: &MeetingRecord) -> Vec<FieldChange> {
    let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let study = |m: &MeetingRecord| m.study_tenths.map(crate::study::rules::hours_text);
    let pairs: [(&str, Option<String>, Option<String>); 8] = [
        ("kind", Some(old.kind.label().into()), Some(new.kind.label().into())),
        ("date", Some(old.date.to_string()), Some(new.date.to_string())),
        ("place", text(&old.place), text(&new.place)),
        ("topic", text(&old.topic), text(&new.topic)),
        ("host", old.host_name.clone(), new.host_name.clone()),
        ("attendance", Some(old.quorum.attendance_rate.clone()), Some(new.quorum.attendance_rate.clone())),
        ("minutes", text(&old.minutes).map(|_| "…".into()), text(&new.minutes).map(|_| "…".into())),
        ("study_hours", study(old), study(new)),
    ];
    let mut out: Vec<FieldChange> = pairs
        .into_iter()
        .filter(|(_, a, b)| a != b)
        .map(|(f, old, new)| FieldChange { field: f.into(), old, new })
        .collect();
    if old.minutes != new.minutes && !out.iter().any(|c| c.field == "minutes") {
        out.push(FieldChange {
            field: "minutes".into(),
            old: Some("（修改前）".into()),
            new: Some("（修改后）".into()),
        });
    }
    out
}

/// Checks and stores a meeting inside the caller's transaction (the demo
/// loader uses this).
pub(crate) fn insert_meeting_in(conn: &Connection, form: &MeetingForm, today: NaiveDate) -> Result<i64> {
    let checked = check(conn, form, today)?;
    let id = write(conn, None, &checked)?;
    changelog::record(conn, ENTITY, id, "create", &[])?;
    // The first record starts the books unless a 建账日期 was set (docs/DOMAIN.md §3.4).
    crate::branch::start_records_if_unset(conn, checked.date)?;
    Ok(id)
}

impl Store {
    pub fn meeting_settings(&self) -> Result<MeetingSettings> {
        let frequencies = MeetingKind::ALL
            .iter()
            .map(|&kind| {
                Ok(FrequencySetting { kind, kind_label: kind.label(), frequency: self.meeting_frequency(kind)? })
            })
            .collect::<Result<Vec<_>>>()?;
        let theme_day: String = self.conn().query_row("SELECT theme_day FROM branch WHERE id = 1", [], |r| r.get(0))?;
        Ok(MeetingSettings { frequencies, theme_day })
    }

    /// Saves the settings, all or nothing.
    pub fn save_meeting_settings(&mut self, form: &MeetingSettingsForm) -> Result<MeetingSettings> {
        let (parsed, theme_day) = validate::check_settings(form)?;
        let tx = self.conn_mut().transaction()?;
        for (kind, frequency) in parsed {
            tx.execute(
                "INSERT INTO meeting_frequencies (kind, frequency) VALUES (?1, ?2)
                 ON CONFLICT (kind) DO UPDATE SET frequency = excluded.frequency",
                params![kind, frequency],
            )?;
        }
        tx.execute("UPDATE branch SET theme_day = ?1 WHERE id = 1", [&theme_day])?;
        tx.commit()?;
        self.meeting_settings()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The read that counts those present instead of reading them judges
    /// every meeting as the full read does, and lists the same absentees.
    fn away_matches_all(s: &Store, years: std::ops::RangeInclusive<i32>) -> (usize, usize, usize) {
        let (mut counted, mut decided, mut reviews) = (0, 0, 0);
        for year in years {
            let all = s.belonging_read(year, None, People::All).unwrap();
            let away = s.belonging_read(year, None, People::Away).unwrap();
            assert_eq!(all.len(), away.len(), "{year}");
            for (a, b) in all.iter().zip(&away) {
                assert_eq!(a.id, b.id);
                assert_eq!(a.quorum, b.quorum, "meeting {} ({:?} {})", a.id, a.kind, a.date);
                assert_eq!(a.resolutions, b.resolutions, "meeting {}", a.id);
                assert_eq!((a.study_credit, &a.study_note), (b.study_credit, &b.study_note), "meeting {}", a.id);
                if a.kind == MeetingKind::Review {
                    assert_eq!(a.attendees, b.attendees, "a 民主评议 is read whole");
                    reviews += 1;
                } else {
                    let not_present: Vec<_> =
                        a.attendees.iter().filter(|x| x.status != Attendance::Present).cloned().collect();
                    assert_eq!(not_present, b.attendees, "meeting {}", a.id);
                    if b.quorum.present > 0 && !b.attendees.is_empty() {
                        counted += 1;
                    }
                }
                decided += a.resolutions.iter().filter(|r| r.passed.is_some()).count();
            }
            let summaries = s.meeting_summaries(year, None).unwrap();
            let full: Vec<MeetingSummary> = s.meetings(year, None).unwrap().iter().map(summary).collect();
            assert_eq!(summaries, full, "{year}");
        }
        (counted, decided, reviews)
    }

    #[test]
    fn away_read_judges_as_the_full_read() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 28).unwrap();
        let mut s = Store::open_in_memory().unwrap();
        s.load_synthetic(crate::demo::SyntheticSize { members: 60, years: 2 }, today).unwrap();
        let (counted, decided, reviews) = away_matches_all(&s, 2025..=2026);
        // The branch gives the comparison something to find.
        assert!(counted > 20 && decided > 0 && reviews > 0, "{counted} {decided} {reviews}");

        let mut demo = Store::open_in_memory().unwrap();
        demo.load_demo(today).unwrap();
        let (counted, _, _) = away_matches_all(&demo, 2020..=2026);
        assert!(counted > 5, "{counted}");
    }

    /// Schema v9's triggers keep each meeting's count of those present
    /// through every way an attendance row is written.
    #[test]
    fn the_count_of_those_present_follows_every_change_of_attendance() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 28).unwrap();
        let mut s = Store::open_in_memory().unwrap();
        s.load_demo(today).unwrap();
        assert_eq!(s.miscounted_meetings().unwrap(), Vec::<i64>::new());
        let kept = |s: &Store, id: i64| -> (i64, i64) {
            s.conn()
                .query_row("SELECT present_count, present_voting FROM meetings WHERE id = ?1", [id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .unwrap()
        };
        // A meeting saved again with one attendee fewer and one on leave.
        let record = s.meetings(2026, Some(MeetingKind::Assembly)).unwrap().remove(0);
        let before = kept(&s, record.id);
        assert!(before.0 > 3, "{before:?}");
        let mut form = record.form();
        let gone = form.attendees.iter().position(|a| a.status == "present").unwrap();
        form.attendees.remove(gone);
        let leave = form.attendees.iter().position(|a| a.status == "present").unwrap();
        form.attendees[leave].status = "leave".into();
        form.attendees[leave].reason = "外出务工".into();
        s.update_meeting(record.id, &form, today).unwrap();
        assert_eq!(kept(&s, record.id).0, before.0 - 2);
        // Rows changed and moved in place, as other ledgers do (送学上门).
        let conn = s.conn();
        let other = s.meetings(2026, Some(MeetingKind::Committee)).unwrap()[0].id;
        conn.execute("UPDATE meeting_attendance SET voting = 1 - voting WHERE meeting_id = ?1", [record.id]).unwrap();
        conn.execute(
            "UPDATE meeting_attendance SET status = 'present' WHERE meeting_id = ?1 AND status <> 'present'",
            [other],
        )
        .unwrap();
        conn.execute(
            "UPDATE meeting_attendance SET meeting_id = ?2
             WHERE meeting_id = ?1 AND member_id NOT IN (SELECT member_id FROM meeting_attendance WHERE meeting_id = ?2)",
            [record.id, other],
        )
        .unwrap();
        conn.execute(
            "DELETE FROM meeting_attendance WHERE rowid IN (SELECT rowid FROM meeting_attendance LIMIT 7)",
            [],
        )
        .unwrap();
        assert_eq!(s.miscounted_meetings().unwrap(), Vec::<i64>::new());
        let summary = s.meeting_summaries(2026, None).unwrap();
        assert!(summary.iter().any(|m| m.id == other));
        // Counts summed over the branch still equal the rows.
        let total: i64 = s.conn().query_row("SELECT sum(present_count) FROM meetings", [], |r| r.get(0)).unwrap();
        let rows: i64 = s
            .conn()
            .query_row("SELECT count(*) FROM meeting_attendance WHERE status = 'present'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(total, rows);
    }
}
