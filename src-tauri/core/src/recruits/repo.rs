//! 发展党员 in the database: the person, each step in one transaction with
//! its change log, and what a step writes into the member file (17: the
//! file itself; 19: the 党小组; 24: 转正, the extension or the cancellation).

use super::model::*;
use super::rules::{
    self, check_step, next_step, outcomes_of, Case, Done, Finding, MeetingFacts, NoticePointCode, Outcome, PersonFacts,
    Proposed, RecruitSettings, RuleSet, Severity,
};
use super::workdays::WorkCalendar;
use crate::date::{DateError, PartialDate};
use crate::error::{Error, FieldErrors, Result};
use crate::idcard::Sex;
use crate::mask::mask_id_number;
use crate::meetings::MeetingKind;
use crate::members::timeline::{timelines, Timeline};
use crate::members::{
    change_status_in, extend_probation_in, insert_checked_in, update_from_in, CheckedMember, ExtensionForm,
    GroupChoice, MemberKind, StatusForm,
};
use crate::store::changelog::{self, FieldChange};
use crate::store::{now_text, Store};
use crate::text::{clean, clean_name, clean_phone};
use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::collections::HashMap;

const ENTITY: &str = "recruit";

const RECRUIT_WORDING: changelog::Wording = changelog::Wording {
    action: |action| match action {
        "create" => ("添加", Some("添加发展党员记录")),
        "step" => ("记录步骤", None),
        "step_deleted" => ("删除步骤", None),
        "stop" => ("终止", None),
        "notice" => ("公示", None),
        _ => ("修改", None),
    },
    change: |c| match (&c.old, &c.new) {
        (_, Some(new)) => new.clone(),
        (Some(old), None) => format!("删除：{old}"),
        (None, None) => String::new(),
    },
};

fn exact_day(
    errors: &mut FieldErrors,
    field: &'static str,
    label: &str,
    text: &str,
    today: NaiveDate,
) -> Option<NaiveDate> {
    match PartialDate::parse_opt(text.trim()) {
        Ok(None) => None,
        Ok(Some(PartialDate::Day(d))) if d > today => {
            errors.add(field, format!("{label}不能晚于今天"));
            None
        }
        Ok(Some(PartialDate::Day(d))) => Some(d),
        Ok(Some(PartialDate::Month { .. })) => {
            errors.add(field, format!("{label}要写到哪一天，如 2026-03-15（发展党员的每一步都按日计算期限）"));
            None
        }
        Err(DateError::Format) => {
            errors.add(field, format!("{label}格式不对，请写成 2026-03-15"));
            None
        }
        Err(DateError::NoSuchDay) => {
            errors.add(field, format!("{label}不是真实的日期，请核对月份和日期"));
            None
        }
    }
}

/// A person form that passed its checks.
struct CheckedRecruit {
    name: String,
    sex: Sex,
    birth_date: NaiveDate,
    id_number: String,
    ethnicity: String,
    education: String,
    job: String,
    phone: String,
    address: String,
    league_member: bool,
    source: Source,
    came_from: String,
    came_on: Option<NaiveDate>,
    notes: String,
    applied_on: Option<NaiveDate>,
}

fn check_form(form: &RecruitForm, today: NaiveDate) -> std::result::Result<CheckedRecruit, FieldErrors> {
    let mut errors = FieldErrors::default();
    let (name, id, sex) = crate::members::check_person(&form.name, &form.id_number, &form.sex, today, &mut errors);
    let source = match clean(&form.source).as_str() {
        "" => Some(Source::Other),
        s => Source::from_code(s),
    };
    if source.is_none() {
        errors.add(
            "source",
            format!("来源请选：{}", Source::ALL.iter().map(|s| s.label()).collect::<Vec<_>>().join("、")),
        );
    }
    let phone = match clean_phone(&form.phone) {
        Ok(p) => p,
        Err(m) => {
            errors.add("phone", m);
            String::new()
        }
    };
    let applied_on = exact_day(&mut errors, "applied_on", "申请入党日期", &form.applied_on, today);
    if let (Some(a), Some(info)) = (applied_on, &id) {
        let set = rules::rule_set_for(a);
        let age = crate::date::whole_years(info.birth_date, a);
        if age < set.min_age.years as i32 {
            errors.add(
                "applied_on",
                format!(
                    "申请入党时应年满{}周岁：按身份证号，{}时只有{age}周岁",
                    set.min_age.years,
                    PartialDate::Day(a).to_chinese()
                ),
            );
        }
    }
    let came_on = exact_day(&mut errors, "came_on", "转入日期", &form.came_on, today);
    let came_from = clean(&form.came_from);
    if came_on.is_some() && came_from.is_empty() {
        errors.add("came_from", "请填写从哪个党组织转来");
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let (Some(info), Some(sex), Some(source)) = (id, sex, source) else {
        return Err(FieldErrors(vec![("id_number", "请核对身份证号".into())]));
    };
    Ok(CheckedRecruit {
        name,
        sex,
        birth_date: info.birth_date,
        id_number: info.number,
        ethnicity: clean(&form.ethnicity),
        education: clean(&form.education),
        job: clean(&form.job),
        phone,
        address: clean(&form.address),
        league_member: form.league_member,
        source,
        came_from,
        came_on,
        notes: clean(&form.notes),
        applied_on,
    })
}

/// The person's columns, as a new row (`id` None, the id returned) or over
/// row `id` (its `created_at` kept).
fn write_recruit(conn: &Connection, id: Option<i64>, c: &CheckedRecruit) -> Result<i64> {
    conn.execute(
        "INSERT INTO recruits (id, name, sex, birth_date, id_number, ethnicity, education, job, phone, address,
            league_member, source, came_from, came_on, notes, created_at, updated_at)
         VALUES (?16, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, sex = excluded.sex, birth_date = excluded.birth_date,
            id_number = excluded.id_number, ethnicity = excluded.ethnicity, education = excluded.education,
            job = excluded.job, phone = excluded.phone, address = excluded.address,
            league_member = excluded.league_member, source = excluded.source, came_from = excluded.came_from,
            came_on = excluded.came_on, notes = excluded.notes, updated_at = excluded.updated_at",
        params![
            c.name,
            c.sex.code(),
            c.birth_date,
            c.id_number,
            c.ethnicity,
            c.education,
            c.job,
            c.phone,
            c.address,
            c.league_member,
            c.source,
            c.came_from,
            c.came_on,
            c.notes,
            now_text(),
            id
        ],
    )?;
    Ok(id.unwrap_or_else(|| conn.last_insert_rowid()))
}

fn read_recruit(r: &Row) -> rusqlite::Result<(Recruit, String)> {
    let source: Source = r.get("source")?;
    let id_number: String = r.get("id_number")?;
    let sex = Sex::from_code(&r.get::<_, String>("sex")?).unwrap_or(Sex::Male);
    Ok((
        Recruit {
            id: r.get("id")?,
            name: r.get("name")?,
            sex,
            sex_code: sex.code(),
            sex_label: sex.label(),
            birth_date: r.get("birth_date")?,
            id_number_masked: mask_id_number(&id_number),
            ethnicity: r.get("ethnicity")?,
            education: r.get("education")?,
            job: r.get("job")?,
            phone: r.get("phone")?,
            address: r.get("address")?,
            league_member: r.get("league_member")?,
            source,
            source_label: source.label(),
            came_from: r.get("came_from")?,
            came_on: r.get("came_on")?,
            notes: r.get("notes")?,
            stopped_on: r.get("stopped_on")?,
            stop_reason: r.get("stop_reason")?,
            stop_note: r.get("stop_note")?,
            member_id: r.get("member_id")?,
            stage: Stage::Applicant,
            stage_label: Stage::Applicant.label(),
        },
        id_number,
    ))
}

/// The reads of one file, each a cached statement (the list, the reminders
/// and the 台账 read every file in turn). None has `ORDER BY` or a join:
/// SQLite plans a query with `column = ?` and either of them anew for every
/// value bound, so such a statement was prepared again for every file, a
/// third of reading them (docs/PERFORMANCE.md); the few rows are sorted
/// here, a step's 党小组 is a subquery.
const RECRUIT_SQL: &str = "SELECT * FROM recruits WHERE id = ?1 AND deleted_at IS NULL";
/// The days of 入党申请 (the earliest decides the rules; `min()` would be
/// planned anew each time too).
const APPLIED_SQL: &str = "SELECT date FROM recruit_steps WHERE recruit_id = ?1 AND step = 1";
const STEPS_SQL: &str = "SELECT s.id, s.step, s.date, s.actors, s.meeting_id, s.doc_number, s.outcome, s.days, s.hours,
        s.months, (SELECT g.name FROM party_groups g WHERE g.id = s.group_id), s.note, s.override_reason
    FROM recruit_steps s WHERE s.recruit_id = ?1";
const PEOPLE_SQL: &str = "SELECT role, member_id, name, from_on, to_on, id FROM recruit_people WHERE recruit_id = ?1";
const DOCS_SQL: &str = "SELECT doc, received_on, number FROM recruit_docs WHERE recruit_id = ?1";
const NOTICES_SQL: &str = "SELECT from_on, id, point, to_on FROM recruit_notices WHERE recruit_id = ?1";

fn load_recruit(conn: &Connection, id: i64) -> Result<(Recruit, String)> {
    conn.prepare_cached(RECRUIT_SQL)?.query_row([id], read_recruit).optional()?.ok_or(Error::NotFound("发展党员记录"))
}

/// A file's steps in order of date (sorted here: see [`RECRUIT_SQL`]).
fn load_steps(conn: &Connection, id: i64, set: &RuleSet) -> Result<Vec<StepRecord>> {
    let mut stmt = conn.prepare_cached(STEPS_SQL)?;
    let rows = stmt.query_map([id], |r| {
        let step: u8 = r.get(1)?;
        let outcome = Outcome::from_code(&r.get::<_, String>(6)?);
        let def = set.step(step);
        Ok(StepRecord {
            id: r.get(0)?,
            step,
            name: def.map_or(String::new(), |d| d.name.clone()),
            stage: def.map_or(0, |d| d.stage),
            date: r.get(2)?,
            actors: r.get(3)?,
            meeting_id: r.get(4)?,
            doc_number: r.get(5)?,
            outcome,
            outcome_label: outcome.map_or(String::new(), |o| o.label(step).to_string()),
            days: r.get(7)?,
            hours: r.get(8)?,
            months: r.get(9)?,
            group_name: r.get(10)?,
            note: r.get(11)?,
            override_reason: r.get(12)?,
        })
    })?;
    let mut steps: Vec<StepRecord> = rows.collect::<rusqlite::Result<_>>()?;
    steps.sort_by_key(|s| (s.date, s.step, s.id));
    Ok(steps)
}

fn load_people(conn: &Connection, id: i64) -> Result<Vec<PersonLink>> {
    let mut stmt = conn.prepare_cached(PEOPLE_SQL)?;
    let rows = stmt.query_map([id], |r| {
        let role: String = r.get(0)?;
        let link = PersonLink {
            role_label: if role == "contact" { "培养联系人" } else { "入党介绍人" },
            role,
            member_id: r.get(1)?,
            name: r.get(2)?,
            from: r.get(3)?,
            to: r.get(4)?,
        };
        Ok((link, r.get::<_, i64>(5)?))
    })?;
    let mut people: Vec<(PersonLink, i64)> = rows.collect::<rusqlite::Result<_>>()?;
    people.sort_by(|(a, a_id), (b, b_id)| (&a.role, a.from, a_id).cmp(&(&b.role, b.from, b_id)));
    Ok(people.into_iter().map(|(link, _)| link).collect())
}

fn load_docs(conn: &Connection, id: i64) -> Result<Vec<DocLine>> {
    let mut stmt = conn.prepare_cached(DOCS_SQL)?;
    let got: HashMap<String, (NaiveDate, String)> = stmt
        .query_map([id], |r| Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?))))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(DocKind::ALL
        .iter()
        .map(|&doc| {
            let found = got.get(doc.code());
            DocLine {
                doc,
                label: doc.label(),
                stage: doc.stage(),
                received_on: found.map(|(d, _)| *d),
                number: found.map_or(String::new(), |(_, n)| n.clone()),
            }
        })
        .collect())
}

fn load_notices(conn: &Connection, id: i64, set: &RuleSet, cal: &WorkCalendar) -> Result<Vec<NoticePeriod>> {
    let mut stmt = conn.prepare_cached(NOTICES_SQL)?;
    let rows = stmt.query_map([id], |r| {
        Ok((r.get::<_, NaiveDate>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?, r.get::<_, NaiveDate>(3)?))
    })?;
    let mut rows: Vec<_> = rows.collect::<rusqlite::Result<_>>()?;
    rows.sort();
    let mut out = Vec::new();
    for (from, _, point, to) in rows {
        let Some(point) = NoticePointCode::from_code(&point) else { continue };
        let title = set.notices.points.iter().find(|p| p.point == point).map_or(String::new(), |p| p.title.clone());
        out.push(NoticePeriod { point, title, from, to, working_days: cal.working_days_between(from, to) });
    }
    Ok(out)
}

pub(super) fn stage_of(steps: &[StepRecord], stopped: bool) -> Stage {
    let passed = |n: u8| steps.iter().any(|s| s.step == n && s.outcome == Some(Outcome::Passed));
    let last23 = steps.iter().filter(|s| s.step == 23).max_by_key(|s| (s.date, s.id));
    if stopped {
        Stage::Stopped
    } else if last23.is_some_and(|s| s.outcome == Some(Outcome::OnTime))
        && steps
            .iter()
            .filter(|s| s.step == 24)
            .max_by_key(|s| (s.date, s.id))
            .is_some_and(|s| s.outcome == Some(Outcome::Passed))
    {
        Stage::Full
    } else if passed(17) {
        Stage::Probationary
    } else if steps.iter().any(|s| s.step == 7) {
        Stage::Candidate
    } else if steps.iter().any(|s| s.step == 3) {
        Stage::Activist
    } else {
        Stage::Applicant
    }
}

fn case_of(recruit: &Recruit, steps: &[StepRecord], notices: &[NoticePeriod]) -> Case {
    Case {
        birth_date: Some(recruit.birth_date),
        came_on: recruit.came_on,
        done: steps.iter().map(|s| Done { step: s.step, date: s.date, outcome: s.outcome, months: s.months }).collect(),
        notices: notices.iter().map(|n| (n.point, n.from, n.to)).collect(),
    }
}

fn facts(name: &str, member_id: Option<i64>, lines: &HashMap<i64, Timeline>, day: NaiveDate) -> PersonFacts {
    match member_id.and_then(|id| lines.get(&id)) {
        Some(t) if !t.deleted => PersonFacts {
            name: name.to_string(),
            member: true,
            full: t.kind_on(day) == MemberKind::Full,
            status: t.status_on(day),
            in_branch: t.in_branch_at(day),
        },
        _ => PersonFacts {
            name: name.to_string(),
            member: false,
            full: false,
            status: crate::members::Status::Normal,
            in_branch: false,
        },
    }
}

/// The live members of that name.
fn members_named(conn: &Connection, name: &str) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare("SELECT id FROM members WHERE name = ?1 AND deleted_at IS NULL ORDER BY id")?;
    let ids = stmt.query_map([name], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// The member a name typed at a step means on `day`: the only one of that
/// name, or of several namesakes (two 王芳 in one village is common) the
/// only one who was a full member of this branch in good standing that
/// day. `Err` with the count when the name stays ambiguous.
fn member_meant(
    ids: &[i64],
    lines: &HashMap<i64, Timeline>,
    day: NaiveDate,
) -> std::result::Result<Option<i64>, usize> {
    if ids.len() <= 1 {
        return Ok(ids.first().copied());
    }
    let fit: Vec<i64> = ids
        .iter()
        .copied()
        .filter(|id| lines.get(id).is_some_and(|t| !t.deleted && t.in_branch_at(day) && t.voting_on(day)))
        .collect();
    match fit.as_slice() {
        [one] => Ok(Some(*one)),
        _ => Err(ids.len()),
    }
}

/// A step form read: the proposal for the rules, and what will be stored.
struct ReadStep {
    proposed: Proposed,
    people: Vec<(String, Option<i64>)>,
}

fn field_of(rule: &str) -> &'static str {
    match rule {
        "contacts" | "introducers" => "people",
        "training" => "days",
        "outcome" => "outcome",
        "extension" => "months",
        "meeting" => "meeting_id",
        "step" => "step",
        _ => "date",
    }
}

fn calendar_in(conn: &Connection) -> Result<WorkCalendar> {
    let mut stmt = conn.prepare("SELECT date, kind FROM calendar_days")?;
    let overrides = stmt
        .query_map([], |r| Ok((r.get::<_, NaiveDate>(0)?, r.get::<_, String>(1)? == "workday")))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(WorkCalendar { overrides })
}

/// The branch's local practice, defaults from the rule set in force today.
fn settings_in(conn: &Connection, today: NaiveDate) -> Result<RecruitSetup> {
    let defaults = RecruitSettings::defaults(rules::rule_set_for(today));
    let mut s = defaults.clone();
    let mut stmt = conn.prepare("SELECT key, value FROM recruit_settings")?;
    let rows: Vec<(String, i64)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    for (key, v) in rows {
        let n = u32::try_from(v).unwrap_or(0);
        match key.as_str() {
            "activist_gap_months" => s.activist_gap_months = n,
            "review_valid_months" => s.review_valid_months = n,
            "archive_days" => s.archive_days = n,
            "probation_assessment_months" => s.probation_assessment_months = n,
            "thought_report_months" => s.thought_report_months = n,
            "notice_working_days" => s.notice_working_days = n,
            "notice_candidate" => s.notice_candidate = v != 0,
            "notice_admit" => s.notice_admit = v != 0,
            "notice_full" => s.notice_full = v != 0,
            _ => {}
        }
    }
    Ok(RecruitSetup { settings: s, defaults })
}

/// Adds a person (and, when `applied_on` is given, step 1).
/// Adds a person inside the caller's transaction; the new id.
pub(crate) fn create_in(tx: &Connection, form: &RecruitForm, today: NaiveDate) -> Result<i64> {
    let c = check_form(form, today).map_err(Error::Validation)?;
    let mut errors = FieldErrors::default();
    let same: Option<String> = tx
        .query_row("SELECT name FROM recruits WHERE id_number = ?1 AND deleted_at IS NULL", [&c.id_number], |r| {
            r.get(0)
        })
        .optional()?;
    if let Some(name) = same {
        errors.add("id_number", format!("这个身份证号已经登记在发展党员“{name}”的记录里，请核对"));
    }
    let member: Option<String> = tx
        .query_row("SELECT name FROM members WHERE id_number = ?1 AND deleted_at IS NULL", [&c.id_number], |r| r.get(0))
        .optional()?;
    if let Some(name) = member {
        errors.add("id_number", format!("这个身份证号是党员“{name}”的，已经是党员的人不用再走发展程序"));
    }
    errors.into_result()?;
    let now = now_text();
    let id = write_recruit(tx, None, &c)?;
    changelog::record(tx, ENTITY, id, "create", &[])?;
    if let Some(applied) = c.applied_on {
        tx.execute(
            "INSERT INTO recruit_steps (recruit_id, step, date, recorded_at) VALUES (?1, 1, ?2, ?3)",
            params![id, applied, now],
        )?;
    }
    Ok(id)
}

fn file_in(conn: &Connection, id: i64, settings: &RecruitSettings, cal: &WorkCalendar) -> Result<RecruitFile> {
    let (mut recruit, _) = load_recruit(conn, id)?;
    let applied: Option<NaiveDate> = conn
        .prepare_cached(APPLIED_SQL)?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<NaiveDate>>>()?
        .into_iter()
        .min();
    let set = rules::rule_set_for(applied.unwrap_or(recruit.birth_date.max(rules::rule_sets()[0].effective_from)));
    let steps = load_steps(conn, id, set)?;
    let notices = load_notices(conn, id, set, cal)?;
    recruit.stage = stage_of(&steps, recruit.stopped_on.is_some());
    recruit.stage_label = recruit.stage.label();
    let case = case_of(&recruit, &steps, &notices);
    let next = match recruit.stage {
        Stage::Stopped | Stage::Full if case.has(25) => None,
        Stage::Stopped => None,
        _ => next_step(set, settings, &case),
    };
    let recordable = match recruit.stage {
        Stage::Stopped => Vec::new(),
        _ => rules::recordable(set, settings, &case),
    };
    let probation_end = if recruit.stage == Stage::Probationary || recruit.stage == Stage::Full {
        case.probation_end(set)
    } else {
        None
    };
    Ok(RecruitFile {
        people: load_people(conn, id)?,
        docs: load_docs(conn, id)?,
        notices,
        next,
        recordable,
        probation_end,
        rule_set: set.title.clone(),
        steps,
        recruit,
    })
}

/// Reads a step form into what the rules check; field errors for what
/// cannot be read at all.
fn read_step_in(conn: &Connection, recruit: &Recruit, form: &StepForm, today: NaiveDate) -> Result<ReadStep> {
    let mut errors = FieldErrors::default();
    let date = exact_day(&mut errors, "date", "日期", &form.date, NaiveDate::MAX);
    if form.date.trim().is_empty() {
        errors.add("date", "请填写日期（写到日，如 2026-03-15）");
    }
    let outcome = match clean(&form.outcome).as_str() {
        "" => outcomes_of(form.step).first().copied(),
        s => {
            let o = Outcome::from_code(s)
                .or_else(|| outcomes_of(form.step).iter().copied().find(|o| o.label(form.step) == s));
            if o.is_none() {
                errors.add("outcome", "结果不对，请重新选择");
            }
            o
        }
    };
    let names: Vec<String> =
        form.people.iter().flat_map(|p| p.split(['，', ',', '、'])).map(clean_name).filter(|n| !n.is_empty()).collect();
    let day = date.unwrap_or(today);
    let lines = timelines(conn)?;
    let mut people = Vec::new();
    for n in &names {
        match member_meant(&members_named(conn, n)?, &lines, day) {
            Ok(id) => people.push((n.clone(), id)),
            Err(count) => errors.add(
                "people",
                format!("花名册上有{count}位“{n}”，这一天分不出是哪一位。请在备注里写明是哪一位（如“二组{n}”），人员里先不填这个名字"),
            ),
        }
    }
    errors.into_result()?;
    let person_facts: Vec<PersonFacts> = people.iter().map(|(n, id)| facts(n, *id, &lines, day)).collect();
    let introducers_now: Vec<PersonFacts> = {
        let mut stmt = conn.prepare(
            "SELECT name, member_id FROM recruit_people WHERE recruit_id = ?1 AND role = 'introducer' AND to_on IS NULL",
        )?;
        let rows: Vec<(String, Option<i64>)> =
            stmt.query_map([recruit.id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        rows.iter().map(|(n, id)| facts(n, *id, &lines, day)).collect()
    };
    let meeting = match form.meeting_id {
        None => None,
        Some(mid) => {
            let m = crate::meetings::meeting_in(conn, mid).map_err(|_| {
                Error::Validation(FieldErrors(vec![("meeting_id", "找不到所选的会议记录，请重新选择".into())]))
            })?;
            let vote = m
                .resolutions
                .iter()
                .find(|r| r.vote && clean_name(&r.candidate) == recruit.name)
                .map(|r| (r.passed, r.invalid));
            Some(MeetingFacts { assembly: m.kind == MeetingKind::Assembly, date: m.date, vote })
        }
    };
    Ok(ReadStep {
        proposed: Proposed {
            step: form.step,
            date,
            outcome,
            days: form.days,
            hours: form.hours,
            months: form.months,
            people: person_facts,
            introducers_now,
            meeting,
        },
        people,
    })
}

/// Records a step inside the caller's transaction (the demo's load is one
/// transaction; `Store::record_recruit_step` commits its own).
pub(crate) fn record_step_in(tx: &Connection, id: i64, form: &StepForm, today: NaiveDate) -> Result<StepSaved> {
    let settings = settings_in(tx, today)?.settings;
    let cal = calendar_in(tx)?;
    let file = file_in(tx, id, &settings, &cal)?;
    if file.recruit.stopped_on.is_some() {
        return Err(Error::Validation(FieldErrors(vec![(
            "step",
            format!(
                "{}的发展程序已终止（{}），不能再记录",
                file.recruit.name,
                file.recruit.stop_reason.map_or("", |r| r.label())
            ),
        )])));
    }
    let read = read_step_in(tx, &file.recruit, form, today)?;
    let case = case_of(&file.recruit, &file.steps, &file.notices);
    let set = rules::rule_set_for(case.applied_on().or(read.proposed.date).unwrap_or(today));
    let findings = check_step(set, &settings, &cal, &case, &read.proposed, today);
    let reason = clean(&form.override_reason);
    let mut errors = FieldErrors::default();
    for f in &findings {
        match f.severity {
            Severity::Refuse => errors.add(field_of(&f.rule), f.message.clone()),
            Severity::NeedsReason if reason.is_empty() => errors.add(
                field_of(&f.rule),
                format!("{}。这是全国统一规定；确属特殊情况的，请在“特殊情况说明”中写明原因后再保存", f.message),
            ),
            _ => {}
        }
    }
    errors.into_result()?;
    let (Some(date), step) = (read.proposed.date, form.step) else {
        return Err(Error::NotFound("日期"));
    };
    let outcome = read.proposed.outcome;
    let needs_reason = findings.iter().any(|f| f.severity == Severity::NeedsReason);
    let people_text = read.people.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join("、");

    let group_id: Option<i64> = if step == 19 && !clean(&form.group_name).is_empty() {
        let name = clean(&form.group_name);
        let existing: Option<i64> =
            tx.query_row("SELECT id FROM party_groups WHERE name = ?1", [&name], |r| r.get(0)).optional()?;
        match existing {
            Some(g) => Some(g),
            None => {
                tx.execute("INSERT INTO party_groups (name, created_at) VALUES (?1, ?2)", params![name, now_text()])?;
                Some(tx.last_insert_rowid())
            }
        }
    } else {
        None
    };
    tx.execute(
        "INSERT INTO recruit_steps (recruit_id, step, date, actors, meeting_id, doc_number, outcome, days, hours,
            months, group_id, note, override_reason, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            id,
            step,
            date,
            people_text,
            form.meeting_id,
            clean(&form.doc_number),
            outcome.map_or("", |o| o.code()),
            form.days,
            form.hours,
            form.months,
            group_id,
            clean(&form.note),
            if needs_reason { reason.clone() } else { String::new() },
            now_text()
        ],
    )?;
    if matches!(step, 5 | 9) {
        let role = if step == 5 { "contact" } else { "introducer" };
        let mut stmt =
            tx.prepare("SELECT id, name FROM recruit_people WHERE recruit_id = ?1 AND role = ?2 AND to_on IS NULL")?;
        let current: Vec<(i64, String)> =
            stmt.query_map(params![id, role], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        drop(stmt);
        for (pid, name) in &current {
            if !read.people.iter().any(|(n, _)| n == name) {
                tx.execute("UPDATE recruit_people SET to_on = ?1 WHERE id = ?2", params![date, pid])?;
            }
        }
        for (name, member_id) in &read.people {
            if !current.iter().any(|(_, n)| n == name) {
                tx.execute(
                    "INSERT INTO recruit_people (recruit_id, role, member_id, name, from_on) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![id, role, member_id, name, date],
                )?;
            }
        }
    }
    let (recruit, id_number) = load_recruit(tx, id)?;
    let mut member_id = recruit.member_id;
    let stop = |tx: &Connection, reason: StopReason| -> Result<()> {
        tx.execute(
            "UPDATE recruits SET stopped_on = ?1, stop_reason = ?2, updated_at = ?3 WHERE id = ?4",
            params![date, reason.code(), now_text(), id],
        )?;
        Ok(())
    };
    match (step, outcome) {
        (15 | 17, Some(Outcome::Failed)) => stop(tx, StopReason::NotAdmitted)?,
        (17, Some(Outcome::Passed)) => {
            let admitted = case.first(15).unwrap_or(date);
            let checked = CheckedMember {
                name: recruit.name.clone(),
                sex: recruit.sex,
                ethnicity: recruit.ethnicity.clone(),
                birth_date: PartialDate::Day(recruit.birth_date),
                id_number,
                education: recruit.education.clone(),
                kind: MemberKind::Probationary,
                admitted_on: Some(PartialDate::Day(admitted)),
                full_member_on: None,
                group: GroupChoice::None,
                committee_role: None,
                job: recruit.job.clone(),
                phone: recruit.phone.clone(),
                address: recruit.address.clone(),
                mobile: false,
                mobile_destination: String::new(),
                lost_contact: false,
                lost_contact_reason: None,
                lost_contact_since: None,
                notes: format!(
                    "{}支部大会讨论接收，{}上级党委批准为预备党员（发展党员记录）",
                    PartialDate::Day(admitted).to_chinese(),
                    PartialDate::Day(date).to_chinese()
                ),
                full_member_reason: String::new(),
            };
            let mid = insert_checked_in(tx, &checked)?;
            tx.execute("UPDATE recruits SET member_id = ?1 WHERE id = ?2", params![mid, id])?;
            member_id = Some(mid);
        }
        (19, _) => {
            if let (Some(mid), Some(g)) = (member_id, group_id) {
                update_from_in(tx, mid, date, |c| c.group = GroupChoice::Existing(g))?;
            }
        }
        (24, Some(Outcome::Passed)) => {
            let decided = case.last(23).cloned();
            if let (Some(mid), Some(d23)) = (member_id, decided) {
                match d23.outcome {
                    Some(Outcome::OnTime) => {
                        let end = case.probation_end(set).unwrap_or(d23.date);
                        update_from_in(tx, mid, date, |c| {
                            c.kind = MemberKind::Full;
                            c.full_member_on = Some(PartialDate::Day(end));
                        })?;
                    }
                    Some(Outcome::Extend) => extend_probation_in(
                        tx,
                        mid,
                        &ExtensionForm {
                            months: d23.months,
                            decided_on: d23.date.to_string(),
                            approval: if clean(&form.doc_number).is_empty() {
                                format!("上级党委{}批准", PartialDate::Day(date).to_chinese())
                            } else {
                                clean(&form.doc_number)
                            },
                        },
                        today,
                    )?,
                    Some(Outcome::Cancel) => {
                        change_status_in(
                            tx,
                            mid,
                            &StatusForm {
                                status: "cancelled".into(),
                                date: d23.date.to_string(),
                                reason: "支部大会讨论决定，上级党委批准（发展党员记录）".into(),
                            },
                            today,
                        )?;
                        stop(tx, StopReason::Cancelled)?;
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
    let mut summary = format!(
        "第{step}步「{}」{}",
        set.step(step).map_or("", |s| s.name.as_str()),
        PartialDate::Day(date).to_chinese()
    );
    if let Some(o) = outcome {
        summary.push_str(&format!("，{}", o.label(step)));
    }
    if needs_reason {
        summary.push_str(&format!("；不符合全国统一规定，特殊情况说明：{reason}"));
    }
    changelog::record(tx, ENTITY, id, "step", &[FieldChange { field: "step".into(), old: None, new: Some(summary) }])?;
    let file = file_in(tx, id, &settings, &cal)?;
    Ok(StepSaved {
        file,
        warnings: findings.into_iter().filter(|f| f.severity != Severity::Refuse).collect(),
        member_id: if step == 17 { member_id } else { None },
    })
}

/// Records the 公示 period of a point (the notice itself is built by
/// `notices`). Refuses a period whose end is before its start.
/// Records a 公示 period inside the caller's transaction.
pub(crate) fn notice_in(tx: &Connection, id: i64, point: &str, from: &str, to: &str, today: NaiveDate) -> Result<()> {
    let mut e = FieldErrors::default();
    let p = NoticePointCode::from_code(point);
    if p.is_none() {
        e.add("point", "公示类别应为 candidate（拟确定发展对象）、admit（拟接收预备党员）或 full（拟转为正式党员）");
    }
    let far = NaiveDate::from_ymd_opt(today.year() + 1, 12, 31).unwrap_or(today);
    let f = exact_day(&mut e, "from", "公示开始日期", from, far);
    let t = exact_day(&mut e, "to", "公示结束日期", to, far);
    if f.is_none() && from.trim().is_empty() {
        e.add("from", "请填写公示开始日期");
    }
    if t.is_none() && to.trim().is_empty() {
        e.add("to", "请填写公示结束日期");
    }
    if let (Some(a), Some(b)) = (f, t) {
        if b < a {
            e.add("to", "公示结束日期不能早于开始日期");
        }
    }
    e.into_result()?;
    let (Some(p), Some(f), Some(t)) = (p, f, t) else { return Err(Error::NotFound("公示")) };
    load_recruit(tx, id)?;
    tx.execute("DELETE FROM recruit_notices WHERE recruit_id = ?1 AND point = ?2", params![id, p.code()])?;
    tx.execute(
        "INSERT INTO recruit_notices (recruit_id, point, from_on, to_on, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, p.code(), f, t, now_text()],
    )?;
    changelog::record(
        tx,
        ENTITY,
        id,
        "notice",
        &[FieldChange {
            field: "notice".into(),
            old: None,
            new: Some(format!("公示 {} 至 {}", PartialDate::Day(f).to_chinese(), PartialDate::Day(t).to_chinese())),
        }],
    )?;
    Ok(())
}

impl Store {
    fn recruit_calendar(&self) -> Result<WorkCalendar> {
        calendar_in(self.conn())
    }

    /// The days the working-day count treats differently, of a year.
    pub fn calendar_days(&self, year: i32) -> Result<Vec<CalendarDay>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT date, kind, name FROM calendar_days WHERE substr(date, 1, 4) = ?1 ORDER BY date")?;
        let rows = stmt.query_map([format!("{year:04}")], |r| {
            Ok(CalendarDay { date: r.get(0)?, kind: r.get(1)?, name: r.get(2)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Replaces a year's holiday table (as the State Council published it).
    pub fn save_calendar_days(&mut self, year: i32, days: &[CalendarDay]) -> Result<Vec<CalendarDay>> {
        let mut errors = FieldErrors::default();
        for d in days {
            if d.date.year() != year {
                errors.add("days", format!("{}不是{year}年的日子", PartialDate::Day(d.date).to_chinese()));
            }
            if d.kind != "holiday" && d.kind != "workday" {
                errors.add("days", "每一天请选“放假”或“调休上班”");
            }
        }
        errors.into_result()?;
        let tx = self.conn_mut().transaction()?;
        tx.execute("DELETE FROM calendar_days WHERE substr(date, 1, 4) = ?1", [format!("{year:04}")])?;
        for d in days {
            tx.execute(
                "INSERT OR REPLACE INTO calendar_days (date, kind, name) VALUES (?1, ?2, ?3)",
                params![d.date, d.kind, clean(&d.name)],
            )?;
        }
        tx.commit()?;
        self.calendar_days(year)
    }

    /// The branch's local practice, defaults from the rule set in force today.
    pub fn recruit_settings(&self, today: NaiveDate) -> Result<RecruitSetup> {
        settings_in(self.conn(), today)
    }

    pub fn save_recruit_settings(&mut self, s: &RecruitSettings, today: NaiveDate) -> Result<RecruitSetup> {
        let mut e = FieldErrors::default();
        if s.activist_gap_months > 24 {
            e.add("activist_gap_months", "申请后多久可确定为积极分子：请填 0 到 24 个月");
        }
        if !(1..=36).contains(&s.review_valid_months) {
            e.add("review_valid_months", "政审结论有效期：请填 1 到 36 个月");
        }
        if !(1..=90).contains(&s.archive_days) {
            e.add("archive_days", "材料归档期限：请填 1 到 90 天");
        }
        if !(1..=6).contains(&s.probation_assessment_months) {
            e.add("probation_assessment_months", "预备党员考察间隔：请填 1 到 6 个月");
        }
        if !(1..=6).contains(&s.thought_report_months) {
            e.add("thought_report_months", "思想汇报间隔：请填 1 到 6 个月");
        }
        if !(1..=30).contains(&s.notice_working_days) {
            e.add("notice_working_days", "公示天数：请填 1 到 30 个工作日");
        }
        e.into_result()?;
        let pairs: [(&str, i64); 9] = [
            ("activist_gap_months", s.activist_gap_months.into()),
            ("review_valid_months", s.review_valid_months.into()),
            ("archive_days", s.archive_days.into()),
            ("probation_assessment_months", s.probation_assessment_months.into()),
            ("thought_report_months", s.thought_report_months.into()),
            ("notice_working_days", s.notice_working_days.into()),
            ("notice_candidate", s.notice_candidate.into()),
            ("notice_admit", s.notice_admit.into()),
            ("notice_full", s.notice_full.into()),
        ];
        let tx = self.conn_mut().transaction()?;
        for (k, v) in pairs {
            tx.execute("INSERT OR REPLACE INTO recruit_settings (key, value) VALUES (?1, ?2)", params![k, v])?;
        }
        tx.commit()?;
        self.recruit_settings(today)
    }

    /// The year's 指导性计划 and how many were admitted.
    pub fn recruit_plan(&self, year: i32) -> Result<PlanCount> {
        let planned: Option<u32> = self
            .conn()
            .query_row("SELECT count FROM recruit_plans WHERE year = ?1", [year], |r| r.get(0))
            .optional()?;
        let admitted: u32 = self.conn().query_row(
            "SELECT count(DISTINCT s.recruit_id) FROM recruit_steps s JOIN recruits r ON r.id = s.recruit_id
             WHERE s.step = 17 AND s.outcome = 'passed' AND substr(s.date, 1, 4) = ?1 AND r.deleted_at IS NULL",
            [format!("{year:04}")],
            |r| r.get(0),
        )?;
        Ok(PlanCount { year, planned, admitted })
    }

    pub fn set_recruit_plan(&mut self, year: i32, count: Option<u32>) -> Result<PlanCount> {
        if count.is_some_and(|c| c > 100) {
            return Err(Error::Validation(FieldErrors(vec![("count", "指导性计划人数请填 0 到 100".into())])));
        }
        match count {
            Some(c) => self
                .conn()
                .execute("INSERT OR REPLACE INTO recruit_plans (year, count) VALUES (?1, ?2)", params![year, c])?,
            None => self.conn().execute("DELETE FROM recruit_plans WHERE year = ?1", [year])?,
        };
        self.recruit_plan(year)
    }

    /// Adds a person (and, when `applied_on` is given, step 1).
    pub fn create_recruit(&mut self, form: &RecruitForm, today: NaiveDate) -> Result<RecruitFile> {
        let tx = self.conn_mut().transaction()?;
        let id = create_in(&tx, form, today)?;
        tx.commit()?;
        self.recruit(id)
    }

    /// Changes the person's details (not the steps).
    /// An empty 身份证号 keeps the one stored (the page shows it masked).
    pub fn update_recruit(&mut self, id: i64, form: &RecruitForm, today: NaiveDate) -> Result<RecruitFile> {
        let mut form = form.clone();
        form.applied_on.clear();
        if form.id_number.trim().is_empty() {
            form.id_number = load_recruit(self.conn(), id)?.1;
        }
        let c = check_form(&form, today).map_err(Error::Validation)?;
        let tx = self.conn_mut().transaction()?;
        let (old, _) = load_recruit(&tx, id)?;
        let clash: Option<String> = tx
            .query_row(
                "SELECT name FROM recruits WHERE id_number = ?1 AND deleted_at IS NULL AND id != ?2",
                params![c.id_number, id],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(name) = clash {
            return Err(Error::Validation(FieldErrors(vec![(
                "id_number",
                format!("这个身份证号已经登记在发展党员“{name}”的记录里，请核对"),
            )])));
        }
        write_recruit(&tx, Some(id), &c)?;
        let mut changes = Vec::new();
        if old.name != c.name {
            changes.push(FieldChange { field: "name".into(), old: Some(old.name), new: Some(c.name) });
        }
        changelog::record(&tx, ENTITY, id, "update", &changes)?;
        tx.commit()?;
        self.recruit(id)
    }

    /// One person's whole file.
    pub fn recruit(&self, id: i64) -> Result<RecruitFile> {
        let today = crate::store::now().date();
        self.recruit_file(id, &self.recruit_settings(today)?.settings, &self.recruit_calendar()?)
    }

    fn recruit_file(&self, id: i64, settings: &RecruitSettings, cal: &WorkCalendar) -> Result<RecruitFile> {
        file_in(self.conn(), id, settings, cal)
    }

    /// Every person's file, in order of application (settings and the
    /// holiday table read once).
    pub(crate) fn recruit_files(&self) -> Result<Vec<RecruitFile>> {
        let ids: Vec<i64> = {
            let mut stmt = self.conn().prepare(
                "SELECT r.id FROM recruits r WHERE r.deleted_at IS NULL
                 ORDER BY (SELECT min(date) FROM recruit_steps s WHERE s.recruit_id = r.id AND s.step = 1), r.id",
            )?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let today = crate::store::now().date();
        let settings = self.recruit_settings(today)?.settings;
        let cal = self.recruit_calendar()?;
        ids.into_iter().map(|id| self.recruit_file(id, &settings, &cal)).collect()
    }

    /// Everyone on the way (and those who stopped or became members), in
    /// order of application.
    pub fn recruits(&self) -> Result<Vec<RecruitSummary>> {
        Ok(self
            .recruit_files()?
            .into_iter()
            .map(|f| {
                let first = |n: u8| f.steps.iter().find(|s| s.step == n).map(|s| s.date);
                RecruitSummary {
                    id: f.recruit.id,
                    name: f.recruit.name.clone(),
                    sex_label: f.recruit.sex.label(),
                    birth_date: f.recruit.birth_date,
                    stage: f.recruit.stage,
                    stage_label: f.recruit.stage_label,
                    applied_on: first(1),
                    activist_on: first(3),
                    candidate_on: first(7),
                    admitted_on: f
                        .steps
                        .iter()
                        .find(|s| s.step == 17 && s.outcome == Some(Outcome::Passed))
                        .and(first(15)),
                    next: f.next.clone(),
                    member_id: f.recruit.member_id,
                }
            })
            .collect())
    }

    /// What the rules say of a step before it is saved (the form shows it).
    pub fn check_recruit_step(&self, id: i64, form: &StepForm, today: NaiveDate) -> Result<Vec<Finding>> {
        let settings = self.recruit_settings(today)?.settings;
        let cal = self.recruit_calendar()?;
        let file = self.recruit_file(id, &settings, &cal)?;
        let read = read_step_in(self.conn(), &file.recruit, form, today)?;
        let case = case_of(&file.recruit, &file.steps, &file.notices);
        let set = rules::rule_set_for(case.applied_on().or(read.proposed.date).unwrap_or(today));
        Ok(check_step(set, &settings, &cal, &case, &read.proposed, today))
    }

    /// Records a step: refused with the reasons when a rule forbids it, or
    /// when a national rule is not met and no reason is written; saved with
    /// its warnings otherwise, with what it writes into the member file, in
    /// one transaction.
    pub fn record_recruit_step(&mut self, id: i64, form: &StepForm, today: NaiveDate) -> Result<StepSaved> {
        let tx = self.conn_mut().transaction()?;
        let saved = record_step_in(&tx, id, form, today)?;
        tx.commit()?;
        Ok(saved)
    }

    /// Deletes the last step recorded, unless it wrote into the member file.
    pub fn delete_recruit_step(&mut self, id: i64, step_id: i64) -> Result<RecruitFile> {
        let tx = self.conn_mut().transaction()?;
        let last: Option<(i64, u8, String)> = tx
            .query_row(
                "SELECT id, step, outcome FROM recruit_steps WHERE recruit_id = ?1 ORDER BY date DESC, step DESC, id DESC LIMIT 1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((last_id, step, outcome)) = last else { return Err(Error::NotFound("这一步的记录")) };
        let mut e = FieldErrors::default();
        if last_id != step_id {
            e.add("step", "只能删除最后记录的一步；更正更早的一步，请从后往前删除");
        } else if matches!((step, outcome.as_str()), (17, "passed") | (19, _) | (24, "passed")) {
            e.add("step", "这一步已经写入党员档案，不能在这里删除；请到党员档案中更正");
        }
        e.into_result()?;
        let mut stmt = tx.prepare("SELECT date FROM recruit_steps WHERE id = ?1")?;
        let date: NaiveDate = stmt.query_row([step_id], |r| r.get(0))?;
        drop(stmt);
        if matches!(step, 5 | 9) {
            let role = if step == 5 { "contact" } else { "introducer" };
            tx.execute(
                "DELETE FROM recruit_people WHERE recruit_id = ?1 AND role = ?2 AND from_on = ?3",
                params![id, role, date],
            )?;
            tx.execute(
                "UPDATE recruit_people SET to_on = NULL WHERE recruit_id = ?1 AND role = ?2 AND to_on = ?3",
                params![id, role, date],
            )?;
        }
        tx.execute("DELETE FROM recruit_steps WHERE id = ?1", [step_id])?;
        if matches!((step, outcome.as_str()), (15 | 17, "failed")) {
            tx.execute("UPDATE recruits SET stopped_on = NULL, stop_reason = NULL WHERE id = ?1", [id])?;
        }
        changelog::record(
            &tx,
            ENTITY,
            id,
            "step_deleted",
            &[FieldChange {
                field: "step".into(),
                old: Some(format!("第{step}步，{}", PartialDate::Day(date).to_chinese())),
                new: None,
            }],
        )?;
        tx.commit()?;
        self.recruit(id)
    }

    /// Stops the way to membership with a reason.
    pub fn stop_recruit(
        &mut self,
        id: i64,
        reason: &str,
        date: &str,
        note: &str,
        today: NaiveDate,
    ) -> Result<RecruitFile> {
        let mut e = FieldErrors::default();
        let r = StopReason::from_code(&clean(reason));
        if r.is_none() {
            e.add("reason", "请选择终止原因");
        }
        let d = exact_day(&mut e, "date", "终止日期", date, today);
        if d.is_none() && date.trim().is_empty() {
            e.add("date", "请填写终止日期");
        }
        e.into_result()?;
        let (Some(r), Some(d)) = (r, d) else { return Err(Error::NotFound("终止原因")) };
        let tx = self.conn_mut().transaction()?;
        let (rec, _) = load_recruit(&tx, id)?;
        if rec.member_id.is_some() && r != StopReason::Cancelled {
            return Err(Error::Validation(FieldErrors(vec![(
                "reason",
                "已经是党员了，请在党员档案中记录党籍变化".into(),
            )])));
        }
        tx.execute(
            "UPDATE recruits SET stopped_on = ?1, stop_reason = ?2, stop_note = ?3, updated_at = ?4 WHERE id = ?5",
            params![d, r.code(), clean(note), now_text(), id],
        )?;
        changelog::record(
            &tx,
            ENTITY,
            id,
            "stop",
            &[FieldChange {
                field: "stop".into(),
                old: None,
                new: Some(format!("{}，{}", r.label(), PartialDate::Day(d).to_chinese())),
            }],
        )?;
        tx.commit()?;
        self.recruit(id)
    }

    /// Marks a document received (with its number, e.g. the 志愿书's), or not.
    pub fn set_recruit_doc(
        &mut self,
        id: i64,
        doc: &str,
        received_on: &str,
        number: &str,
        today: NaiveDate,
    ) -> Result<RecruitFile> {
        let mut e = FieldErrors::default();
        let kind = DocKind::from_code(doc);
        if kind.is_none() {
            e.add("doc", "没有这种材料");
        }
        let d = exact_day(&mut e, "received_on", "收到日期", received_on, today);
        e.into_result()?;
        let Some(kind) = kind else { return Err(Error::NotFound("材料")) };
        load_recruit(self.conn(), id)?;
        match d {
            Some(d) => self.conn().execute(
                "INSERT OR REPLACE INTO recruit_docs (recruit_id, doc, received_on, number) VALUES (?1, ?2, ?3, ?4)",
                params![id, kind.code(), d, clean(number)],
            )?,
            None => self
                .conn()
                .execute("DELETE FROM recruit_docs WHERE recruit_id = ?1 AND doc = ?2", params![id, kind.code()])?,
        };
        self.recruit(id)
    }

    /// Records the 公示 period of a point (the notice itself is built by
    /// `notices`). Refuses a period whose end is before its start.
    pub fn record_recruit_notice(
        &mut self,
        id: i64,
        point: &str,
        from: &str,
        to: &str,
        today: NaiveDate,
    ) -> Result<RecruitFile> {
        let tx = self.conn_mut().transaction()?;
        notice_in(&tx, id, point, from, to, today)?;
        tx.commit()?;
        self.recruit(id)
    }

    /// The last day of a 公示 of the branch's working days from `from`.
    pub fn recruit_notice_end(&self, from: NaiveDate, today: NaiveDate) -> Result<NaiveDate> {
        let n = self.recruit_settings(today)?.settings.notice_working_days;
        Ok(self.recruit_calendar()?.end_of(from, n))
    }

    /// The change log of one person's 发展党员 record, newest first (steps
    /// with the reason a national rule was not met, deletions, 公示, stop).
    pub fn recruit_history(&self, id: i64) -> Result<Vec<changelog::HistoryEntry>> {
        changelog::history(self.conn(), ENTITY, id, &RECRUIT_WORDING)
    }

    /// The member's 发展党员 record, if the file came from one.
    pub fn recruit_of_member(&self, member_id: i64) -> Result<Option<i64>> {
        Ok(self
            .conn()
            .query_row("SELECT id FROM recruits WHERE member_id = ?1 AND deleted_at IS NULL", [member_id], |r| r.get(0))
            .optional()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn reading_every_file_prepares_each_statement_once() {
        let mut s = Store::open_in_memory().unwrap();
        s.load_demo(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()).unwrap();
        let files = s.recruit_files().unwrap();
        assert!(files.len() >= 3, "the demo has people on the way");
        assert!(files.iter().any(|f| f.steps.len() > 1 && !f.people.is_empty()));
        for sql in [RECRUIT_SQL, APPLIED_SQL, STEPS_SQL, PEOPLE_SQL, DOCS_SQL, NOTICES_SQL] {
            let (runs, prepared_again) = s.cached_runs(sql);
            assert!(runs as usize >= files.len(), "run once a file: {sql}");
            assert_eq!(prepared_again, 0, "prepared again: {sql}");
        }
    }
}
