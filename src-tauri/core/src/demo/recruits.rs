//! 发展党员 in the demo branch: three invented people on the way (one
//! 入党积极分子 a year in, so the home screen says they may be made a 发展对象;
//! one 发展对象 well along; one admitted this year, whose member file step 17
//! made), each step dated relative to the load day and recorded through the
//! same checks as a typed step, inside the load's one transaction.

use crate::error::{Error, Result};
use crate::recruits::{RecruitForm, StepForm};
use chrono::{Datelike, Days, NaiveDate};
use rusqlite::Connection;
use serde::Deserialize;

#[derive(Clone, Debug, Deserialize)]
pub(super) struct DemoRecruit {
    #[serde(flatten)]
    pub form: RecruitForm,
    /// `today`: offsets count from the load day; `admission`: from the day
    /// of the 支部大会 that admits them ([`admission_day`]).
    pub anchor: String,
    pub steps: Vec<DemoStep>,
    #[serde(default)]
    pub notices: Vec<DemoNotice>,
}

#[derive(Clone, Debug, Deserialize)]
pub(super) struct DemoStep {
    pub step: u8,
    /// Days from the anchor (negative: before it).
    pub at: i64,
    #[serde(default)]
    pub people: Vec<String>,
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub days: Option<u32>,
    #[serde(default)]
    pub doc_number: String,
    #[serde(default)]
    pub group_name: String,
    #[serde(default)]
    pub note: String,
    /// Linked to the 支部大会 record of the admission day.
    #[serde(default)]
    pub meeting: bool,
}

#[derive(Clone, Debug, Deserialize)]
pub(super) struct DemoNotice {
    pub point: String,
    pub from: i64,
    pub to: i64,
}

/// Days the admitted person's steps after the 支部大会 need (16, 17, then
/// 19 and 20 at 35 days).
const AFTER_ADMISSION: u64 = 35;

/// The 支部大会 that admits the demo's new member: the latest of this
/// year's quarterly 党员大会 (the 20th of February, May, August, November,
/// as `meetings.rs` holds them) that leaves time for the approval before
/// today; early in the year, a 党员大会 of its own on 2 January.
pub(super) fn admission_day(today: NaiveDate) -> NaiveDate {
    let year = today.year();
    [2, 5, 8, 11]
        .into_iter()
        .filter_map(|m| NaiveDate::from_ymd_opt(year, m, 20))
        .filter(|d| *d + Days::new(AFTER_ADMISSION) <= today)
        .max()
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(year, 1, 2).unwrap_or(today).min(today))
}

/// Whether the admission day is one of the quarterly 党员大会.
pub(super) fn is_quarterly(day: NaiveDate) -> bool {
    day.day() == 20 && matches!(day.month(), 2 | 5 | 8 | 11)
}

fn at(anchor: NaiveDate, offset: i64, today: NaiveDate) -> NaiveDate {
    let d =
        if offset < 0 { anchor - Days::new(offset.unsigned_abs()) } else { anchor + Days::new(offset.unsigned_abs()) };
    d.min(today)
}

/// The admitted person's name, for the 支部大会's resolution.
pub(super) fn admitted_name(recruits: &[DemoRecruit]) -> Option<&str> {
    recruits.iter().find(|r| r.anchor == "admission").map(|r| r.form.name.as_str())
}

/// Records the demo's people and their steps; refuses (and so the whole
/// load fails) if any step would need a reason or be refused.
pub(super) fn load(conn: &Connection, recruits: &[DemoRecruit], today: NaiveDate) -> Result<usize> {
    let admission = admission_day(today);
    let meeting_id: Option<i64> = conn
        .query_row(
            "SELECT id FROM meetings WHERE kind = 'assembly' AND date = ?1 AND deleted_at IS NULL ORDER BY id LIMIT 1",
            [admission],
            |r| r.get(0),
        )
        .ok();
    for r in recruits {
        let anchor = if r.anchor == "admission" { admission } else { today };
        let mut form = r.form.clone();
        if let Some(first) = r.steps.iter().find(|s| s.step == 1) {
            form.applied_on = at(anchor, first.at, today).to_string();
        }
        let id =
            crate::recruits::create_in(conn, &form, today).map_err(|e| Error::Demo(format!("{}：{e}", r.form.name)))?;
        for n in &r.notices {
            let (from, to) = (at(anchor, n.from, today), at(anchor, n.to, today));
            crate::recruits::notice_in(conn, id, &n.point, &from.to_string(), &to.to_string(), today)
                .map_err(|e| Error::Demo(format!("{}：公示 {e}", r.form.name)))?;
        }
        let mut steps: Vec<&DemoStep> = r.steps.iter().filter(|s| s.step != 1).collect();
        steps.sort_by_key(|s| s.step);
        for s in steps {
            let meeting = match (s.meeting, meeting_id) {
                (false, _) => None,
                (true, Some(m)) => Some(m),
                (true, None) => return Err(Error::Demo(format!("{}：找不到{admission}的党员大会记录", r.form.name))),
            };
            let step = StepForm {
                step: s.step,
                date: at(anchor, s.at, today).to_string(),
                people: s.people.clone(),
                meeting_id: meeting,
                doc_number: s.doc_number.clone(),
                outcome: s.outcome.clone(),
                days: s.days,
                group_name: s.group_name.clone(),
                note: s.note.clone(),
                ..Default::default()
            };
            // No reason is given: a step a national rule would refuse fails the load.
            crate::recruits::record_step_in(conn, id, &step, today)
                .map_err(|e| Error::Demo(format!("{} 第{}步：{e}", r.form.name, s.step)))?;
        }
    }
    Ok(recruits.len())
}
