//! 发展党员: from 入党申请 to 正式党员 in the 25 steps of the 细则 (2014),
//! each dated to the day (docs/DOMAIN.md §4).
//!
//! - `rules.rs` — the rule sets (`assets/rules/recruitment.json`: steps,
//!   intervals with their basis, versioned by the day they took effect),
//!   the branch's local settings, and `check_step`: one proposed step
//!   against what is recorded (refuse, needs a reason, or warn).
//! - `workdays.rs` — working days for the 公示, from the holiday table.
//! - `model.rs` — the person, steps, people, documents, forms.
//! - `repo.rs` — the database: a step in one transaction with what it
//!   writes into the member file (17 makes it; 19 the group; 24 转正).
//! - here: the home screen's reminders.

mod attachments;
mod model;
mod repo;
pub mod rules;
pub mod workdays;

pub use model::*;
pub(crate) use repo::{create_in, notice_in, record_step_in};
pub use rules::{Finding, NextStep, NoticePointCode, Outcome, RecruitSettings, RuleSet, Severity, Span};

use crate::error::Result;
use crate::store::Store;
use chrono::{Datelike, Days, Months, NaiveDate};
use serde::Serialize;

/// One 发展党员 reminder on the home screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct RecruitReminder {
    pub recruit_id: i64,
    pub name: String,
    /// `talk`, `assessment`, `one_year`, `thought_report`, `notice_ends`, `review_expires`,
    /// `approval_pending`, `approval_overdue`, `full_application`, `probation_assessment`.
    pub kind: String,
    pub message: String,
    pub date: NaiveDate,
    /// Past due (or past the longest allowed).
    pub urgent: bool,
}

fn day(d: NaiveDate) -> String {
    crate::PartialDate::Day(d).to_chinese()
}

impl Store {
    /// What is due in 发展党员, soonest first: talks, 考察, an activist's
    /// first year, 公示 ending, 政审 validity, approvals pending past 2.5 and
    /// 5.5 months, 转正申请 30 days before the probation ends.
    pub fn recruit_reminders(&self, today: NaiveDate) -> Result<Vec<RecruitReminder>> {
        let settings = self.recruit_settings(today)?.settings;
        let soon = today + Days::new(30);
        let mut out = Vec::new();
        for f in self.recruit_files()? {
            let s = &f.recruit;
            if matches!(f.recruit.stage, Stage::Stopped | Stage::Full) {
                continue;
            }
            let first = |n: u8| f.steps.iter().filter(|x| x.step == n).map(|x| x.date).min();
            let last = |n: u8| f.steps.iter().filter(|x| x.step == n).map(|x| x.date).max();
            let mut push = |kind: &str, message: String, date: NaiveDate, urgent: bool| {
                out.push(RecruitReminder {
                    recruit_id: s.id,
                    name: s.name.clone(),
                    kind: kind.into(),
                    message,
                    date,
                    urgent,
                })
            };
            if let (Some(applied), None) = (first(1), first(2)) {
                let due = applied.checked_add_months(Months::new(1)).unwrap_or(applied);
                push("talk", format!("入党申请后一个月内谈话，最迟{}", day(due)), due, due < today);
            }
            if let (Some(a), None) = (first(3), first(7)) {
                let mark = last(6).map_or(a, |l| l.max(a));
                let due = mark.checked_add_months(Months::new(6)).unwrap_or(mark);
                if due <= soon {
                    push("assessment", format!("入党积极分子每半年考察一次，应在{}前考察", day(due)), due, due < today);
                }
                let year = a.checked_add_months(Months::new(12)).unwrap_or(a);
                if year <= soon {
                    push("one_year", format!("{}起满一年培养期，可讨论列为发展对象", day(year)), year, false);
                }
            }
            // 思想汇报 (local): the checklist's 思想汇报 line holds the day the
            // latest one was received; from 积极分子 until the approval.
            if let (Some(a), None) = (first(3), first(17)) {
                let received = f.docs.iter().find(|d| d.doc == DocKind::ThoughtReports).and_then(|d| d.received_on);
                let mark = received.map_or(a, |r| r.max(a));
                let due = mark.checked_add_months(Months::new(settings.thought_report_months)).unwrap_or(mark);
                if due <= today + Days::new(14) {
                    let every = settings.thought_report_months;
                    let message = match received {
                        Some(r) => format!("每{every}个月交一次思想汇报：上次收到是{}，应在{}前交", day(r), day(due)),
                        None => format!("每{every}个月交一次思想汇报：材料清单里还没有登记收到过（收到后填上日期）"),
                    };
                    push("thought_report", message, due, due < today);
                }
            }
            for n in &f.notices {
                if n.to >= today && n.to <= today + Days::new(7) {
                    push("notice_ends", format!("{}到{}结束", n.title, day(n.to)), n.to, false);
                }
            }
            if let (Some(review), None) = (last(10), first(15)) {
                let ends = review.checked_add_months(Months::new(settings.review_valid_months)).unwrap_or(review);
                if ends <= soon {
                    push(
                        "review_expires",
                        format!("政审结论到{}满{}个月（本支部规定的有效期）", day(ends), settings.review_valid_months),
                        ends,
                        ends < today,
                    );
                }
            }
            if let (Some(meeting), None) = (first(15), first(17)) {
                let two_half = meeting.checked_add_months(Months::new(2)).unwrap_or(meeting) + Days::new(15);
                let five_half = meeting.checked_add_months(Months::new(5)).unwrap_or(meeting) + Days::new(15);
                let three = meeting.checked_add_months(Months::new(3)).unwrap_or(meeting);
                let six = meeting.checked_add_months(Months::new(6)).unwrap_or(meeting);
                if today >= five_half {
                    push(
                        "approval_overdue",
                        format!("支部大会{}通过，上级党委审批最长不超过6个月（{}），请催办", day(meeting), day(six)),
                        six,
                        true,
                    );
                } else if today >= two_half {
                    push(
                        "approval_pending",
                        format!("支部大会{}通过，上级党委应在3个月内（{}前）审批", day(meeting), day(three)),
                        three,
                        today > three,
                    );
                }
            }
            if f.recruit.stage == Stage::Probationary {
                if let Some(end) = f.probation_end {
                    let asked = f.steps.iter().filter(|x| x.step == 22).count();
                    let rounds_needed =
                        if f.steps.iter().any(|x| x.step == 23 && x.outcome == Some(Outcome::Extend)) { 2 } else { 1 };
                    if asked < rounds_needed && today + Days::new(30) >= end {
                        push(
                            "full_application",
                            format!("预备期{}满，提醒本人提交转正申请", day(end)),
                            end,
                            today > end,
                        );
                    }
                }
                let since = last(21).into_iter().chain(first(17)).max();
                if let Some(since) = since {
                    let due =
                        since.checked_add_months(Months::new(settings.probation_assessment_months)).unwrap_or(since);
                    if due <= today + Days::new(14) {
                        push(
                            "probation_assessment",
                            format!("预备党员考察应在{}前记录一次", day(due)),
                            due,
                            due < today,
                        );
                    }
                }
            }
        }
        out.sort_by_key(|r| (r.date, r.recruit_id));
        let _ = today.year();
        Ok(out)
    }
}

/// How the way to membership ended, or stands at its last decision, by a day
/// (the 转正 column of the 发展党员工作台账).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ending {
    /// 上级党委批准转正 on that day.
    Full(NaiveDate),
    /// 支部大会 decided to extend the probation by so many months.
    Extended(u32),
    /// 取消预备党员资格.
    Cancelled,
    /// Stopped before membership, with the reason.
    Stopped(StopReason),
}

impl RecruitFile {
    /// The steps recorded on or before `day`, in order.
    pub fn steps_until(&self, day: NaiveDate) -> impl Iterator<Item = &StepRecord> {
        self.steps.iter().filter(move |s| s.date <= day)
    }

    /// The first record of `step` on or before `day`.
    pub fn first_until(&self, step: u8, day: NaiveDate) -> Option<NaiveDate> {
        self.steps_until(day).filter(|s| s.step == step).map(|s| s.date).min()
    }

    /// The day the person's way began here: the application (or the
    /// transfer of an activist, or the first step recorded).
    pub fn began_on(&self) -> Option<NaiveDate> {
        let first = self.steps.iter().map(|s| s.date).min();
        match (first, self.recruit.came_on) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// The stage the person was at on `day`, from the steps recorded by
    /// then (the same derivation as the stage of today).
    pub fn stage_on(&self, day: NaiveDate) -> Stage {
        let steps: Vec<StepRecord> = self.steps_until(day).cloned().collect();
        repo::stage_of(&steps, self.recruit.stopped_on.is_some_and(|s| s <= day))
    }

    /// Whether the person's way touched `year`: begun by its end, and
    /// neither a full member nor stopped before it began.
    pub fn touches_year(&self, year: i32) -> bool {
        let (Some(start), Some(end)) = (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31))
        else {
            return false;
        };
        let begun = self.began_on().is_some_and(|b| b <= end);
        let eve = start.pred_opt().unwrap_or(start);
        begun && self.stage_on(eve) != Stage::Full && self.recruit.stopped_on.is_none_or(|s| s >= start)
    }

    /// The 入党志愿书's number: the document's, else the one written at step 14.
    pub fn volunteer_form_number(&self) -> String {
        let doc = self.docs.iter().find(|d| d.doc == DocKind::VolunteerForm).map(|d| d.number.trim());
        match doc {
            Some(n) if !n.is_empty() => n.to_string(),
            _ => self
                .steps
                .iter()
                .filter(|s| s.step == 14)
                .map(|s| s.doc_number.trim())
                .find(|n| !n.is_empty())
                .unwrap_or_default()
                .to_string(),
        }
    }

    /// How the way ended, or its last decision on probation, as of `day`.
    pub fn ending_on(&self, day: NaiveDate) -> Option<Ending> {
        if self.recruit.stopped_on.is_some_and(|s| s <= day) {
            return Some(match self.recruit.stop_reason {
                Some(StopReason::Cancelled) => Ending::Cancelled,
                Some(r) => Ending::Stopped(r),
                None => Ending::Stopped(StopReason::NotContinued),
            });
        }
        if self.stage_on(day) == Stage::Full {
            let approved = self
                .steps_until(day)
                .filter(|s| s.step == 24 && s.outcome == Some(Outcome::Passed))
                .map(|s| s.date)
                .max();
            return approved.map(Ending::Full);
        }
        let last23 = self.steps_until(day).filter(|s| s.step == 23).max_by_key(|s| (s.date, s.id))?;
        match last23.outcome {
            Some(Outcome::Extend) => Some(Ending::Extended(last23.months.unwrap_or(0))),
            Some(Outcome::Cancel) => Some(Ending::Cancelled),
            _ => None,
        }
    }
}
