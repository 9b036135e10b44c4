//! 今日提醒: what needs doing now and soon (docs/DOMAIN.md §5), all computed here
//! in one pass so the home screen, the CLI and the benchmark agree.

pub mod rules;

use crate::dues::Arrears;
use crate::error::Result;
use crate::meetings::calendar::CellState;
use crate::meetings::Attendance;
use crate::members::MemberQuery;
use crate::store::Store;
use chrono::{Datelike, NaiveDate};
pub use rules::{
    medal_cutoff, member_reminders, BirthdayItem, LostContactItem, MedalItem, MemberReminders, MilestoneItem,
    ProbationItem, ReminderSettings, Snapshot, TermItem,
};
use rusqlite::params;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct MeetingDueItem {
    pub kind: crate::meetings::MeetingKind,
    pub kind_label: &'static str,
    pub period: String,
    pub label: String,
    pub state: CellState,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Reminders {
    pub today: NaiveDate,
    pub settings: ReminderSettings,
    #[serde(flatten)]
    pub members: MemberReminders,
    pub arrears: Vec<Arrears>,
    pub meetings_due: Vec<MeetingDueItem>,
    /// 发展党员: talks, 考察, approvals, 转正申请 due (recruits/mod.rs).
    pub recruits: Vec<crate::recruits::RecruitReminder>,
    /// This year's 发展党员 count against the 指导性计划.
    pub recruit_plan: crate::recruits::PlanCount,
    /// 流动党员 (mobile/rules.rs): away with no contact for more than the
    /// setting's days (default 90).
    pub mobile_no_contact: Vec<crate::mobile::MobileNoContactItem>,
    /// 流动党员 away six months or more with the relation kept: 应转移组织关系.
    pub mobile_should_transfer: Vec<crate::mobile::MobileTransferItem>,
    /// 腊月十五–正月十五: 组织返乡流动党员座谈 (one item listing who is away).
    pub mobile_homecoming: Vec<crate::mobile::MobileHomecomingItem>,
    /// 关怀帮扶: open hardship cases not reviewed for the set months.
    pub care_review_due: Vec<crate::care::CareCase>,
    /// 关怀帮扶: in a 元旦春节 or 七一 season, who on its 慰问名单 is not
    /// visited yet (with the list's counts); none outside the seasons.
    pub visit_list: Option<crate::care::VisitList>,
    /// 学时 (study/): from the reminder day (1 October) to 31 December,
    /// members behind the pace or without the 集中培训 they need.
    pub study: Vec<crate::study::StudyReminder>,
}

impl Reminders {
    /// How many items each kind has, in the order the home screen shows them.
    pub fn counts(&self) -> Vec<(&'static str, usize)> {
        vec![
            ("political_birthdays", self.members.political_birthdays.len()),
            ("probation_ending", self.members.probation_ending.len()),
            ("arrears", self.arrears.len()),
            ("meetings_due", self.meetings_due.len()),
            ("recruits", self.recruits.len()),
            ("term_ending", self.members.term_ending.len()),
            ("lost_contact", self.members.lost_contact.len()),
            ("no_meetings", self.members.no_meetings.len()),
            ("may_suspend", self.members.may_suspend.len()),
            ("may_strike_off", self.members.may_strike_off.len()),
            ("milestones", self.members.milestones.len()),
            ("fifty_year_medal", self.members.fifty_year_medal.len()),
            ("quarter_political_birthdays", self.members.quarter_political_birthdays.len()),
            ("mobile_no_contact", self.mobile_no_contact.len()),
            ("mobile_should_transfer", self.mobile_should_transfer.len()),
            ("mobile_homecoming", self.mobile_homecoming.len()),
            ("care_review_due", self.care_review_due.len()),
            ("visit_list", self.visit_list.as_ref().map_or(0, |l| l.entries.len())),
            ("study", self.study.len()),
        ]
    }
}

impl Store {
    pub fn reminder_settings(&self) -> Result<ReminderSettings> {
        Ok(self.conn().query_row("SELECT birthday_days, term_years FROM branch WHERE id = 1", [], |r| {
            Ok(ReminderSettings { birthday_days: r.get(0)?, term_years: r.get(1)? })
        })?)
    }

    pub fn save_reminder_settings(&mut self, s: ReminderSettings) -> Result<ReminderSettings> {
        let mut e = crate::error::FieldErrors::default();
        if !(1..=366).contains(&s.birthday_days) {
            e.add("birthday_days", "提前天数请填 1 到 366 之间的数");
        }
        if !(1..=10).contains(&s.term_years) {
            e.add("term_years", "任期年数请填 1 到 10 之间的数（村党支部每届 5 年）");
        }
        e.into_result()?;
        self.conn().execute(
            "UPDATE branch SET birthday_days = ?1, term_years = ?2 WHERE id = 1",
            params![s.birthday_days, s.term_years],
        )?;
        self.reminder_settings()
    }

    /// Every reminder for `today`.
    pub fn reminders(&self, today: NaiveDate) -> Result<Reminders> {
        let members = self.members(&MemberQuery { include_left: true, ..Default::default() })?;
        let on_roster: Vec<i64> = members.iter().filter(|m| m.on_roster()).map(|m| m.id).collect();
        let last_attended = last_took_part(self.conn(), today, &on_roster)?;
        let last_paid = last_paid(self.conn(), today, &on_roster)?;
        let settings = self.reminder_settings()?;
        let branch = self.branch()?;
        let snapshot = Snapshot {
            members: &members,
            last_attended: &last_attended,
            last_paid: &last_paid,
            term_start: branch.term_start,
            records_from: branch.records_from.map(|d| d.first_day()),
            settings,
        };
        let mut member_part = member_reminders(&snapshot, today);
        // 转正 discussed and waiting for the 上级党委 (docs/DOMAIN.md §5).
        let discussed = discussed_awaiting_approval(self.conn())?;
        for p in member_part.probation_ending.iter_mut().filter(|p| p.overdue) {
            if let Some(day) = discussed.get(&p.member_id) {
                p.note = format!(
                    "预备期已满（{}），支部大会已于 {} 讨论转正，等待上级党委审批",
                    p.due.to_chinese(),
                    crate::PartialDate::Day(*day).to_chinese()
                );
            }
        }
        // Meetings due in the current periods, and missed in the ones just ended.
        let mut meetings_due = Vec::new();
        let mut years = vec![today.year()];
        if today.month() <= 3 {
            years.insert(0, today.year() - 1);
        }
        let recent = today - chrono::Duration::days(92);
        for year in years {
            for row in self.meeting_calendar_rows(year, today)? {
                for c in row.cells {
                    let due_now = c.state == CellState::Due;
                    let just_missed = c.state == CellState::Missed && c.deadline >= recent;
                    if due_now || just_missed {
                        let note = if due_now {
                            format!("{}尚未召开{}", c.label, row.kind_label)
                        } else {
                            format!("{}未召开{}（已过期）", c.label, row.kind_label)
                        };
                        meetings_due.push(MeetingDueItem {
                            kind: row.kind,
                            kind_label: row.kind_label,
                            period: c.period,
                            label: c.label,
                            state: c.state,
                            note,
                        });
                    }
                }
            }
        }
        // Every member's history, read once for the parts that need it.
        let lines = crate::members::timeline::timelines(self.conn())?;
        let (mobile_no_contact, mobile_should_transfer, mobile_homecoming) =
            crate::mobile::mobile_reminders(self.conn(), today, &lines)?;
        Ok(Reminders {
            today,
            settings,
            members: member_part,
            arrears: crate::dues::dues_arrears(self.conn(), today, &lines)?,
            meetings_due,
            recruits: self.recruit_reminders(today)?,
            recruit_plan: self.recruit_plan(today.year())?,
            mobile_no_contact,
            mobile_should_transfer,
            mobile_homecoming,
            care_review_due: self.care_review_due(today)?,
            visit_list: self.visit_list_pending(today)?,
            study: crate::study::study_reminders(self.conn(), today, &lines)?,
        })
    }
}

/// The latest stored day per member, kept as the stored text: ISO days order
/// as text, and parsing tens of thousands of them cost more than the query.
#[derive(Default)]
struct LatestDay(HashMap<i64, String>);

impl LatestDay {
    fn read(&mut self, rows: &mut rusqlite::Rows<'_>) -> Result<()> {
        while let Some(r) = rows.next()? {
            let (member, day): (i64, &str) = (r.get(0)?, r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?);
            match self.0.get_mut(&member) {
                Some(seen) if seen.as_str() >= day => {}
                Some(seen) => day.clone_into(seen),
                None => {
                    self.0.insert(member, day.to_owned());
                }
            }
        }
        Ok(())
    }

    fn days(self) -> HashMap<i64, NaiveDate> {
        self.0.into_iter().filter_map(|(id, d)| Some((id, d.parse().ok()?))).collect()
    }
}

/// Reads rows of (member, day) newest first: a member's first row is their
/// latest day. Stops once every one of `wanted` is seen (each is removed).
fn first_seen(
    rows: &mut rusqlite::Rows<'_>,
    latest: &mut HashMap<i64, NaiveDate>,
    wanted: &mut rustc_hash::FxHashSet<i64>,
) -> Result<()> {
    while let Some(r) = rows.next()? {
        let member: i64 = r.get(0)?;
        if let std::collections::hash_map::Entry::Vacant(e) = latest.entry(member) {
            e.insert(r.get(1)?);
            if wanted.remove(&member) && wanted.is_empty() {
                break;
            }
        }
    }
    Ok(())
}

/// Each member's last day of taking part in a meeting up to `today`:
/// present, 在流入地参加 (a 流动党员 at the organisation where they live) or
/// 送学上门 (docs/DOMAIN.md §9). The past year first, newest meeting first
/// (the date index gives that order without a sort), so a member's first
/// row is their last day and reading stops once every one of `ids` is seen;
/// then, for those not seen in it, all their earlier meetings. One query
/// over every attendance row grouped by member took 60–125 ms at 500
/// members × 5 years; the year is a fifth of the rows.
fn last_took_part(conn: &rusqlite::Connection, today: NaiveDate, ids: &[i64]) -> Result<HashMap<i64, NaiveDate>> {
    let took_part: Vec<String> =
        Attendance::ALL.iter().filter(|a| a.took_part()).map(|a| format!("'{}'", a.code())).collect();
    let took_part = took_part.join(", ");
    let year_ago = today.checked_sub_months(chrono::Months::new(12)).unwrap_or(today);
    let mut latest: HashMap<i64, NaiveDate> = HashMap::new();
    let mut wanted: rustc_hash::FxHashSet<i64> = ids.iter().copied().collect();
    let mut stmt = conn.prepare(&format!(
        "SELECT a.member_id, m.date FROM meetings m CROSS JOIN meeting_attendance a ON a.meeting_id = m.id
         WHERE m.date > ?2 AND m.date <= ?1 AND m.deleted_at IS NULL AND a.status IN ({took_part})
         ORDER BY m.date DESC"
    ))?;
    first_seen(&mut stmt.query(params![today, year_ago])?, &mut latest, &mut wanted)?;
    let unseen: Vec<String> = wanted.iter().map(|id| id.to_string()).collect();
    if !unseen.is_empty() {
        let mut stmt = conn.prepare(&format!(
            "SELECT a.member_id, m.date FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id
             WHERE a.member_id IN ({}) AND a.status IN ({took_part}) AND m.deleted_at IS NULL AND m.date <= ?1
             ORDER BY m.date DESC",
            unseen.join(", ")
        ))?;
        first_seen(&mut stmt.query([today])?, &mut latest, &mut wanted)?;
    }
    Ok(latest)
}

/// Each member's last day of paying dues up to `today`: here, or to the
/// 流入地 organisation (its day, else the month's first). The past year
/// first, by the payments' days (index `dues_payments_day`); then, for
/// those of `ids` not seen in it, all their earlier payments — as
/// [`last_took_part`] does with meetings.
fn last_paid(conn: &rusqlite::Connection, today: NaiveDate, ids: &[i64]) -> Result<HashMap<i64, NaiveDate>> {
    let year_ago = today.checked_sub_months(chrono::Months::new(12)).unwrap_or(today);
    let mut latest = LatestDay::default();
    let mut stmt = conn.prepare(
        "SELECT member_id, paid_on FROM dues_payments WHERE paid_on > ?2 AND paid_on <= ?1 AND amount_fen > 0
         UNION ALL
         SELECT member_id, day FROM (SELECT member_id, COALESCE(paid_on, month || '-01') AS day
                                     FROM dues_elsewhere WHERE deleted_at IS NULL) WHERE day <= ?1",
    )?;
    latest.read(&mut stmt.query(params![today, year_ago])?)?;
    let unseen: Vec<String> = ids.iter().filter(|id| !latest.0.contains_key(id)).map(|id| id.to_string()).collect();
    if !unseen.is_empty() {
        let mut stmt = conn.prepare(&format!(
            "SELECT member_id, paid_on FROM dues_payments
             WHERE member_id IN ({}) AND amount_fen > 0 AND paid_on <= ?1",
            unseen.join(", ")
        ))?;
        latest.read(&mut stmt.query([today])?)?;
    }
    Ok(latest.days())
}

/// Members whose 发展党员 file has a 支部大会讨论转正 (step 23) with no
/// 上级党委审批 (step 24) after it: the day of that discussion.
fn discussed_awaiting_approval(conn: &rusqlite::Connection) -> Result<HashMap<i64, NaiveDate>> {
    let mut stmt = conn.prepare(
        "SELECT r.member_id, MAX(CASE WHEN s.step = 23 THEN s.date END), MAX(CASE WHEN s.step = 24 THEN s.date END)
         FROM recruits r JOIN recruit_steps s ON s.recruit_id = r.id
         WHERE r.member_id IS NOT NULL AND r.deleted_at IS NULL AND s.step IN (23, 24)
         GROUP BY r.member_id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, Option<NaiveDate>>(1)?, r.get::<_, Option<NaiveDate>>(2)?))
    })?;
    let mut out = HashMap::new();
    for row in rows {
        if let (id, Some(d23), d24) = row? {
            if d24.is_none_or(|d24| d24 < d23) {
                out.insert(id, d23);
            }
        }
    }
    Ok(out)
}
