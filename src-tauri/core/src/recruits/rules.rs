//! The rules of 发展党员 (docs/DOMAIN.md §4), without a database: the rule
//! set (`assets/rules/recruitment.json`, versioned by the day it took
//! effect, each interval with its basis), and the checks of one proposed
//! step against what is recorded. National rules refuse, or pass only with
//! a reason written down; local practice only warns; order and age refuse.

use super::workdays::WorkCalendar;
use crate::members::Status;
use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

const RULES_JSON: &str = include_str!("../../../../assets/rules/recruitment.json");

/// A length of time as the rules say it: years, months and days.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct Span {
    pub years: u32,
    pub months: u32,
    pub days: u32,
}

impl Span {
    pub fn months(n: u32) -> Span {
        Span { years: 0, months: n, days: 0 }
    }

    /// `from` plus the span; a day that does not exist in the month reached
    /// falls on its last day (29 February + 1 year = 28 February).
    pub fn after(self, from: NaiveDate) -> NaiveDate {
        from.checked_add_months(Months::new(self.years * 12 + self.months))
            .and_then(|d| d.checked_add_days(Days::new(self.days.into())))
            .unwrap_or(NaiveDate::MAX)
    }

    pub fn is_zero(self) -> bool {
        self == Span::default()
    }

    /// `1年`, `3个月`, `7天`, `1年6个月`.
    pub fn label(self) -> String {
        let mut s = String::new();
        if self.years > 0 {
            s.push_str(&format!("{}年", self.years));
        }
        if self.months > 0 {
            s.push_str(&format!("{}个月", self.months));
        }
        if self.days > 0 || s.is_empty() {
            s.push_str(&format!("{}天", self.days));
        }
        s
    }
}

/// National (全国统一规定) or local practice (本地做法).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    National,
    Local,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct StepDef {
    pub step: u8,
    pub stage: u8,
    pub name: String,
    pub after: Vec<u8>,
    #[serde(default)]
    pub repeat: bool,
    /// A repeatable step is recorded again until this step is.
    #[serde(default)]
    pub open_until: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Interval {
    pub key: String,
    pub kind: RuleKind,
    pub from: u8,
    pub to: u8,
    #[serde(default)]
    pub min: Option<Span>,
    #[serde(default)]
    pub max: Option<Span>,
    /// Beyond `max` only with a reason, never beyond this.
    #[serde(default)]
    pub hard_max: Option<Span>,
    pub basis: String,
}

/// Something done every `every` from step `start` until step `until`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Cadence {
    pub key: String,
    pub kind: RuleKind,
    pub step: u8,
    pub start: u8,
    pub until: u8,
    pub every: Span,
    pub basis: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct AgeRule {
    pub years: u32,
    pub basis: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct PeopleRule {
    #[serde(default)]
    pub min: Option<u32>,
    #[serde(default)]
    pub max: Option<u32>,
    #[serde(default)]
    pub exact: Option<u32>,
    pub basis: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct TrainingRule {
    pub min_days: u32,
    pub min_hours: u32,
    pub before: u8,
    pub basis: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct ProbationRule {
    pub years: u32,
    pub basis: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct NoticePoint {
    pub point: NoticePointCode,
    pub title: String,
    pub before: u8,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct NoticeRule {
    pub working_days: u32,
    pub kind: RuleKind,
    pub points: Vec<NoticePoint>,
    pub basis: String,
}

/// The three 公示 of 发展党员.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum NoticePointCode {
    /// 拟确定发展对象
    Candidate,
    /// 拟接收预备党员
    Admit,
    /// 拟转为正式党员
    Full,
}

impl NoticePointCode {
    pub fn code(self) -> &'static str {
        match self {
            NoticePointCode::Candidate => "candidate",
            NoticePointCode::Admit => "admit",
            NoticePointCode::Full => "full",
        }
    }

    pub fn from_code(s: &str) -> Option<Self> {
        match s {
            "candidate" => Some(NoticePointCode::Candidate),
            "admit" => Some(NoticePointCode::Admit),
            "full" => Some(NoticePointCode::Full),
            _ => None,
        }
    }
}

/// One version of the rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct RuleSet {
    pub id: String,
    pub title: String,
    pub effective_from: NaiveDate,
    pub min_age: AgeRule,
    pub steps: Vec<StepDef>,
    pub intervals: Vec<Interval>,
    pub cadences: Vec<Cadence>,
    pub contacts: PeopleRule,
    pub introducers: PeopleRule,
    pub training: TrainingRule,
    pub probation: ProbationRule,
    pub notices: NoticeRule,
}

#[derive(Deserialize)]
struct RuleBook {
    sets: Vec<RuleSet>,
}

/// Every rule set, oldest first (parsed once; a broken file is a build
/// defect the tests catch).
pub fn rule_sets() -> &'static [RuleSet] {
    static SETS: OnceLock<Vec<RuleSet>> = OnceLock::new();
    SETS.get_or_init(|| {
        let mut book: RuleBook = serde_json::from_str(RULES_JSON).expect("assets/rules/recruitment.json");
        book.sets.sort_by_key(|s| s.effective_from);
        book.sets
    })
}

/// The rule set in force on `day` (an application before the first set
/// took effect is checked by the first, as warnings only: [`era_before`]).
pub fn rule_set_for(day: NaiveDate) -> &'static RuleSet {
    let sets = rule_sets();
    sets.iter().rev().find(|s| s.effective_from <= day).unwrap_or(&sets[0])
}

/// The application came before any rule set we hold took effect: the
/// rules of that era may differ, so nothing is refused on their account.
pub fn era_before(set: &RuleSet, applied_on: Option<NaiveDate>) -> bool {
    applied_on.is_some_and(|d| d < set.effective_from)
}

impl RuleSet {
    pub fn step(&self, n: u8) -> Option<&StepDef> {
        self.steps.iter().find(|s| s.step == n)
    }

    /// `第12步「支部委员会审查」`
    pub fn step_label(&self, n: u8) -> String {
        format!("第{n}步「{}」", self.step(n).map_or("", |s| s.name.as_str()))
    }

    pub fn interval(&self, key: &str) -> Option<&Interval> {
        self.intervals.iter().find(|i| i.key == key)
    }
}

/// Local practice the branch may change (设置 → 发展党员); each default is
/// the rule set's value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct RecruitSettings {
    /// Months from 申请 before an applicant may be made an activist (0: none).
    pub activist_gap_months: u32,
    /// How long a 政治审查 conclusion holds, in months.
    pub review_valid_months: u32,
    /// Days after 转正 approval within which the file is archived.
    pub archive_days: u32,
    /// Months between 预备党员 考察 entries.
    pub probation_assessment_months: u32,
    /// Months between an activist's 思想汇报 (a reminder only).
    pub thought_report_months: u32,
    /// Working days of each 公示.
    pub notice_working_days: u32,
    /// Which 公示 the branch posts.
    pub notice_candidate: bool,
    pub notice_admit: bool,
    pub notice_full: bool,
}

impl RecruitSettings {
    pub fn defaults(set: &RuleSet) -> RecruitSettings {
        let months = |key: &str, pick: fn(&Interval) -> Option<Span>| {
            set.interval(key).and_then(pick).map_or(0, |s| s.years * 12 + s.months)
        };
        RecruitSettings {
            activist_gap_months: months("activist_gap", |i| i.min),
            review_valid_months: months("review_valid", |i| i.max),
            archive_days: set.interval("archive").and_then(|i| i.max).map_or(7, |s| s.days),
            probation_assessment_months: set
                .cadences
                .iter()
                .find(|c| c.key == "probation_assessment")
                .map_or(3, |c| c.every.years * 12 + c.every.months),
            thought_report_months: 3,
            notice_working_days: set.notices.working_days,
            notice_candidate: true,
            notice_admit: true,
            notice_full: true,
        }
    }

    /// The local value of an interval, where the branch set one.
    fn local(&self, key: &str) -> Option<Span> {
        match key {
            "activist_gap" => Some(Span::months(self.activist_gap_months)),
            "review_valid" => Some(Span::months(self.review_valid_months)),
            "archive" => Some(Span { days: self.archive_days, ..Span::default() }),
            "probation_assessment" => Some(Span::months(self.probation_assessment_months)),
            _ => None,
        }
    }

    pub fn posts(&self, point: NoticePointCode) -> bool {
        match point {
            NoticePointCode::Candidate => self.notice_candidate,
            NoticePointCode::Admit => self.notice_admit,
            NoticePointCode::Full => self.notice_full,
        }
    }
}

/// What a decision step decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Passed,
    Failed,
    /// 23: 按期转正
    OnTime,
    /// 23: 延长预备期
    Extend,
    /// 23: 取消预备党员资格
    Cancel,
}

impl Outcome {
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Passed => "passed",
            Outcome::Failed => "failed",
            Outcome::OnTime => "on_time",
            Outcome::Extend => "extend",
            Outcome::Cancel => "cancel",
        }
    }

    pub fn from_code(s: &str) -> Option<Outcome> {
        [Outcome::Passed, Outcome::Failed, Outcome::OnTime, Outcome::Extend, Outcome::Cancel]
            .into_iter()
            .find(|o| o.code() == s)
    }

    /// The words for this outcome at `step`.
    pub fn label(self, step: u8) -> &'static str {
        match (self, step) {
            (Outcome::Passed, 13) => "合格",
            (Outcome::Failed, 13) => "不合格",
            (Outcome::Passed, 17 | 24) => "批准",
            (Outcome::Failed, 17 | 24) => "不批准",
            (Outcome::Passed, _) => "通过",
            (Outcome::Failed, _) => "未通过",
            (Outcome::OnTime, _) => "按期转正",
            (Outcome::Extend, _) => "延长预备期",
            (Outcome::Cancel, _) => "取消预备党员资格",
        }
    }

    pub fn is_positive(self) -> bool {
        !matches!(self, Outcome::Failed)
    }
}

/// The steps that decide something, and what each may decide.
pub fn outcomes_of(step: u8) -> &'static [Outcome] {
    match step {
        13 | 15 | 17 | 24 => &[Outcome::Passed, Outcome::Failed],
        23 => &[Outcome::OnTime, Outcome::Extend, Outcome::Cancel],
        _ => &[],
    }
}

/// A recorded step, as the rules see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Done {
    pub step: u8,
    pub date: NaiveDate,
    pub outcome: Option<Outcome>,
    pub months: Option<u32>,
}

/// A person named at a step, and their standing in the branch that day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonFacts {
    pub name: String,
    /// Found on the roster (one live member of that name).
    pub member: bool,
    pub full: bool,
    pub status: Status,
    pub in_branch: bool,
}

impl PersonFacts {
    /// Why this person cannot be a 联系人 or 介绍人 that day, if they cannot.
    pub fn unfit(&self) -> Option<&'static str> {
        if !self.member {
            Some("不是本支部花名册上的党员")
        } else if !self.in_branch {
            Some("组织关系已不在本支部")
        } else {
            match self.status {
                Status::Normal if self.full => None,
                Status::Normal => Some("还是预备党员，不是正式党员"),
                Status::Watch => Some("正在受留党察看处分"),
                Status::Suspended => Some("已停止党籍"),
                Status::Deceased => Some("已去世"),
                Status::Expelled => Some("已出党"),
                Status::Cancelled => Some("已取消预备党员资格"),
            }
        }
    }
}

/// The 支部大会 record linked to step 15 or 23, as the rules need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingFacts {
    pub assembly: bool,
    pub date: NaiveDate,
    /// The vote on this candidate alone: (passed, invalid); `None` when the
    /// record holds no vote on them.
    pub vote: Option<(Option<bool>, bool)>,
}

/// Everything known about the person, for the checks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Case {
    pub birth_date: Option<NaiveDate>,
    /// Transferred in on this day: steps before it were another branch's.
    pub came_on: Option<NaiveDate>,
    pub done: Vec<Done>,
    /// Posted 公示: (point, from, to).
    pub notices: Vec<(NoticePointCode, NaiveDate, NaiveDate)>,
}

impl Case {
    pub fn applied_on(&self) -> Option<NaiveDate> {
        self.first(1)
    }

    /// The first record of `step`.
    pub fn first(&self, step: u8) -> Option<NaiveDate> {
        self.done.iter().filter(|d| d.step == step).map(|d| d.date).min()
    }

    /// The latest record of `step`.
    pub fn last(&self, step: u8) -> Option<&Done> {
        self.done.iter().filter(|d| d.step == step).max_by_key(|d| d.date)
    }

    pub fn has(&self, step: u8) -> bool {
        self.done.iter().any(|d| d.step == step)
    }

    /// The last day of probation: a year from the 支部大会 (15), plus an
    /// extension decided at 23 (党章 第七条).
    pub fn probation_end(&self, set: &RuleSet) -> Option<NaiveDate> {
        let admitted = self.first(15)?;
        let ext = self
            .done
            .iter()
            .find(|d| d.step == 23 && d.outcome == Some(Outcome::Extend))
            .and_then(|d| d.months)
            .unwrap_or(0);
        Some(Span { years: set.probation.years, months: ext, days: 0 }.after(admitted))
    }

    /// Where an interval from `step` starts: its first record, but for the
    /// steps of 转正 (22–24), which come twice after an extension, the
    /// latest — the approval of the second 支部大会 is counted from it.
    pub fn interval_start(&self, step: u8) -> Option<NaiveDate> {
        if (22..=24).contains(&step) {
            self.last(step).map(|d| d.date)
        } else {
            self.first(step)
        }
    }

    /// The extension decided at 23, if any.
    pub fn extended(&self) -> bool {
        self.done.iter().any(|d| d.step == 23 && d.outcome == Some(Outcome::Extend))
    }

    /// Steps 23 and 24 may come twice: once deciding an extension, once after it.
    fn may_repeat(&self, set: &RuleSet, step: u8) -> bool {
        let def_repeat = set.step(step).is_some_and(|s| s.repeat);
        let second_round =
            matches!(step, 22..=24) && self.extended() && self.done.iter().filter(|d| d.step == step).count() < 2;
        def_repeat || second_round
    }
}

/// The step being recorded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Proposed {
    pub step: u8,
    pub date: Option<NaiveDate>,
    pub outcome: Option<Outcome>,
    pub days: Option<u32>,
    pub hours: Option<u32>,
    pub months: Option<u32>,
    /// The 联系人 (5) or 介绍人 (9) named now.
    pub people: Vec<PersonFacts>,
    /// The 介绍人 standing now (for steps after 9).
    pub introducers_now: Vec<PersonFacts>,
    pub meeting: Option<MeetingFacts>,
}

/// How much a finding weighs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Local practice or a thing to look at: saved anyway.
    Warn,
    /// A national rule not met: saved only with a reason written down.
    NeedsReason,
    /// Cannot be: order, age, a thing already recorded.
    Refuse,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Finding {
    pub severity: Severity,
    /// The rule's key (`talk`, `candidate_year`, `order` …).
    pub rule: String,
    pub message: String,
    /// The rule's source, when it has one.
    pub basis: String,
}

fn day(d: NaiveDate) -> String {
    crate::PartialDate::Day(d).to_chinese()
}

struct Findings {
    list: Vec<Finding>,
    /// Before the rule set's era: national findings are only warnings.
    lenient: bool,
}

impl Findings {
    fn add(&mut self, severity: Severity, rule: &str, message: String, basis: &str) {
        let severity = if self.lenient && severity == Severity::NeedsReason { Severity::Warn } else { severity };
        self.list.push(Finding { severity, rule: rule.into(), message, basis: basis.into() });
    }

    fn by_kind(&mut self, kind: RuleKind, rule: &str, message: String, basis: &str) {
        let s = match kind {
            RuleKind::National => Severity::NeedsReason,
            RuleKind::Local => Severity::Warn,
        };
        self.add(s, rule, message, basis);
    }
}

/// Checks `p` against what `case` holds. `today` bounds the date.
pub fn check_step(
    set: &RuleSet,
    settings: &RecruitSettings,
    calendar: &WorkCalendar,
    case: &Case,
    p: &Proposed,
    today: NaiveDate,
) -> Vec<Finding> {
    let applied = if p.step == 1 { p.date.or(case.applied_on()) } else { case.applied_on() };
    let mut f = Findings { list: Vec::new(), lenient: era_before(set, applied) };
    let Some(def) = set.step(p.step) else {
        f.add(Severity::Refuse, "step", format!("没有第{}步，发展党员共 25 步", p.step), "");
        return f.list;
    };
    let label = set.step_label(p.step);
    let Some(date) = p.date else {
        f.add(Severity::Refuse, "date", format!("请填写{label}的日期（写到日，如 2026-03-15）"), "");
        return f.list;
    };
    if date > today {
        f.add(Severity::Refuse, "date", format!("{label}的日期不能晚于今天"), "");
    }
    if case.has(p.step) && !case.may_repeat(set, p.step) {
        let when = case.first(p.step).map(day).unwrap_or_default();
        f.add(Severity::Refuse, "once", format!("{label}已经记录过了（{when}）。如需更正，请先删除那一条再记录"), "");
    }

    // Order: every step it follows is recorded, on or before this day …
    for &before in &def.after {
        match case.last(before) {
            None => {
                f.add(Severity::Refuse, "order", format!("还没有记录{}，不能先记录{label}", set.step_label(before)), "")
            }
            Some(b) if b.date > date && !set.step(before).is_some_and(|s| s.repeat) => f.add(
                Severity::Refuse,
                "order",
                format!(
                    "{label}的日期（{}）早于{}（{}），顺序不对，请核对这两个日期",
                    day(date),
                    set.step_label(before),
                    day(b.date)
                ),
                "",
            ),
            Some(_) => {}
        }
        if set.step(before).is_some_and(|s| s.repeat) {
            if let Some(first) = case.first(before) {
                if first > date {
                    f.add(
                        Severity::Refuse,
                        "order",
                        format!(
                            "{label}的日期（{}）早于{}（{}），顺序不对，请核对这两个日期",
                            day(date),
                            set.step_label(before),
                            day(first)
                        ),
                        "",
                    );
                }
            }
        }
    }
    // … and no recorded step that follows it is dated before it. A repeat
    // (another 联系人 or 介绍人, the second round of 22–24 after an
    // extension) comes after those by its nature: only the first record of a
    // step is ordered against the later ones.
    let repeat = case.has(p.step);
    for later in set.steps.iter().filter(|s| !repeat && s.after.contains(&p.step)) {
        if let Some(first) = case.first(later.step) {
            if first < date {
                f.add(
                    Severity::Refuse,
                    "order",
                    format!(
                        "{label}的日期（{}）晚于已记录的{}（{}），顺序不对，请核对这两个日期",
                        day(date),
                        set.step_label(later.step),
                        day(first)
                    ),
                    "",
                );
            }
        }
    }

    if p.step == 1 {
        if let Some(birth) = case.birth_date {
            let age = crate::date::whole_years(birth, date);
            if age < set.min_age.years as i32 {
                f.add(
                    Severity::Refuse,
                    "min_age",
                    format!(
                        "申请入党时应年满{}周岁：{}时只有{age}周岁（出生于{}）",
                        set.min_age.years,
                        day(date),
                        day(birth)
                    ),
                    &set.min_age.basis,
                );
            }
        }
    }

    // Intervals ending at this step.
    for iv in set.intervals.iter().filter(|i| i.to == p.step) {
        let Some(from) = case.interval_start(iv.from) else { continue };
        let (min, max) = match iv.kind {
            RuleKind::Local => match settings.local(&iv.key) {
                Some(v) if iv.min.is_some() => (Some(v), None),
                Some(v) => (None, Some(v)),
                None => (iv.min, iv.max),
            },
            RuleKind::National => (iv.min, iv.max),
        };
        let from_label = set.step_label(iv.from);
        if let Some(min) = min.filter(|m| !m.is_zero()) {
            let earliest = min.after(from);
            if date < earliest {
                f.by_kind(
                    iv.kind,
                    &iv.key,
                    format!(
                        "{label}应在{from_label}（{}）满{}之后，即{}或以后；现在是{}",
                        day(from),
                        min.label(),
                        day(earliest),
                        day(date)
                    ),
                    &iv.basis,
                );
            }
        }
        if let Some(max) = max.filter(|m| !m.is_zero()) {
            let latest = max.after(from);
            if date > latest {
                let hard = iv.hard_max.map(|h| (h, h.after(from)));
                let message = match hard {
                    Some((h, end)) if date > end => format!(
                        "{label}（{}）距{from_label}（{}）已超过{}的最长期限（{}）",
                        day(date),
                        day(from),
                        h.label(),
                        day(end)
                    ),
                    Some((h, _)) => format!(
                        "{label}（{}）超过了{from_label}（{}）后{}（{}）；因特殊情况延长的，最长不超过{}，请写明原因",
                        day(date),
                        day(from),
                        max.label(),
                        day(latest),
                        h.label()
                    ),
                    None => format!(
                        "{label}（{}）应在{from_label}（{}）后{}以内，最迟{}",
                        day(date),
                        day(from),
                        max.label(),
                        day(latest)
                    ),
                };
                f.by_kind(iv.kind, &iv.key, message, &iv.basis);
            }
        }
    }

    // Something due every so often, judged when its period closes.
    for c in set.cadences.iter().filter(|c| c.until == p.step) {
        let Some(start) = case.first(c.start) else { continue };
        let every = if c.kind == RuleKind::Local { settings.local(&c.key).unwrap_or(c.every) } else { c.every };
        let mut marks: Vec<NaiveDate> = case
            .done
            .iter()
            .filter(|d| d.step == c.step && d.date >= start && d.date <= date)
            .map(|d| d.date)
            .collect();
        marks.sort();
        let mut prev = start;
        for m in marks.into_iter().chain(std::iter::once(date)) {
            if m > every.after(prev) {
                f.by_kind(
                    c.kind,
                    &c.key,
                    format!(
                        "{}每{}应有一次：{}到{}之间没有记录，请补记或写明原因",
                        set.step_label(c.step),
                        every.label(),
                        day(prev),
                        day(m)
                    ),
                    &c.basis,
                );
                break;
            }
            prev = m;
        }
    }

    // People named at 5 and 9.
    let people_rule = match p.step {
        5 => Some((&set.contacts, "培养联系人", "contacts")),
        9 => Some((&set.introducers, "入党介绍人", "introducers")),
        _ => None,
    };
    if let Some((rule, who, key)) = people_rule {
        let n = p.people.len() as u32;
        let bad_count = match (rule.exact, rule.min, rule.max) {
            (Some(e), _, _) if n != e => Some(format!("{who}应为{e}名，现在填了{n}名")),
            (None, Some(lo), Some(hi)) if n < lo || n > hi => Some(format!("{who}应为{lo}至{hi}名，现在填了{n}名")),
            _ => None,
        };
        if let Some(m) = bad_count {
            f.add(Severity::Refuse, key, m, &rule.basis);
        }
        let before_transfer = case.came_on.is_some_and(|c| date < c);
        for person in &p.people {
            if let Some(why) = person.unfit() {
                if !before_transfer || person.member {
                    f.add(
                        Severity::NeedsReason,
                        key,
                        format!("{who}{}{why}；{who}应是本支部的正式党员，且不在留党察看期间", person.name),
                        &rule.basis,
                    );
                }
            }
        }
    }
    // An introducer who died, left or was suspended is replaced first.
    if (10..=17).contains(&p.step) {
        for person in &p.introducers_now {
            if person.member {
                if let Some(why) = person.unfit() {
                    f.add(
                        Severity::Refuse,
                        "introducers",
                        format!("入党介绍人{}{why}，请先在{}更换介绍人，再记录{label}", person.name, set.step_label(9)),
                        &set.introducers.basis,
                    );
                }
            }
        }
    }

    if p.step == set.training.step_of_training() {
        let days_ok = p.days.is_some_and(|d| d >= set.training.min_days);
        let hours_ok = p.hours.is_some_and(|h| h >= set.training.min_hours);
        if !days_ok && !hours_ok {
            f.add(
                Severity::NeedsReason,
                "training",
                format!(
                    "集中培训一般不少于{}天或{}个学时，请填写培训天数或学时（现在：{}）",
                    set.training.min_days,
                    set.training.min_hours,
                    match (p.days, p.hours) {
                        (None, None) => "未填写".to_string(),
                        (d, h) => format!("{}天、{}学时", d.unwrap_or(0), h.unwrap_or(0)),
                    }
                ),
                &set.training.basis,
            );
        }
    }

    // 公示 before the steps the branch posts one before.
    if set.notices.kind == RuleKind::Local || !f.lenient {
        for point in set.notices.points.iter().filter(|pt| pt.before == p.step && settings.posts(pt.point)) {
            let posted: Vec<_> = case.notices.iter().filter(|(code, _, _)| *code == point.point).collect();
            match posted.iter().max_by_key(|(_, _, to)| *to) {
                None => f.add(
                    Severity::Warn,
                    "notice",
                    format!("还没有记录{}（本支部在{label}前公示）", point.title),
                    &set.notices.basis,
                ),
                Some((_, from, to)) => {
                    if *to >= date {
                        f.add(
                            Severity::Warn,
                            "notice",
                            format!("{}到{}才结束，{label}应在公示期满之后", point.title, day(*to)),
                            &set.notices.basis,
                        );
                    }
                    let n = calendar.working_days_between(*from, *to);
                    if n < settings.notice_working_days {
                        f.add(
                            Severity::Warn,
                            "notice",
                            format!(
                                "{}（{}至{}）只有{n}个工作日，本支部要求{}个工作日",
                                point.title,
                                day(*from),
                                day(*to),
                                settings.notice_working_days
                            ),
                            &set.notices.basis,
                        );
                    }
                }
            }
        }
    }

    // Outcomes.
    let allowed = outcomes_of(p.step);
    if !allowed.is_empty() {
        match p.outcome {
            Some(o) if allowed.contains(&o) => {}
            _ => f.add(
                Severity::Refuse,
                "outcome",
                format!(
                    "请选择{label}的结果：{}",
                    allowed.iter().map(|o| o.label(p.step)).collect::<Vec<_>>().join("、")
                ),
                "",
            ),
        }
    }
    if p.step == 23 {
        if p.outcome == Some(Outcome::Extend) {
            if case.extended() {
                f.add(
                    Severity::Refuse,
                    "extension",
                    "预备期只能延长一次，已经延长过；期满仍不具备条件的，应取消预备党员资格".into(),
                    &set.probation.basis,
                );
            }
            if !matches!(p.months, Some(6..=12)) {
                f.add(
                    Severity::Refuse,
                    "extension",
                    "延长预备期为 6 到 12 个月，请填写月数".into(),
                    &set.probation.basis,
                );
            }
        }
        if let Some(end) = case.probation_end(set) {
            if date < end {
                f.add(
                    Severity::NeedsReason,
                    "probation",
                    format!("预备期到{}才满，{label}应在预备期满后进行（现在是{}）", day(end), day(date)),
                    &set.probation.basis,
                );
            }
        }
    }
    if p.step == 24 && case.last(23).is_some_and(|d| d.outcome == Some(Outcome::Extend)) {
        // The approval of an extension is recorded like any other.
    }

    // The 支部大会 record behind 15 and 23.
    if matches!(p.step, 15 | 23) {
        match &p.meeting {
            None => f.add(
                Severity::Warn,
                "meeting",
                format!("没有关联{label}的会议记录，到会人数和表决结果无法核对；录入会议记录后可在此关联"),
                "",
            ),
            Some(m) => {
                if !m.assembly {
                    f.add(Severity::Refuse, "meeting", "关联的会议不是支部党员大会".into(), "");
                }
                if m.date != date {
                    f.add(
                        Severity::Refuse,
                        "meeting",
                        format!("关联的会议在{}，与{label}的日期（{}）不同", day(m.date), day(date)),
                        "",
                    );
                }
                match m.vote {
                    None => f.add(
                        Severity::NeedsReason,
                        "meeting",
                        "会议记录中没有对这个人单独的表决（决议要写明表决对象）；讨论两个以上的人时，必须逐个讨论和表决".into(),
                        "细则（2014）第四章：支部大会讨论两个以上的人入党时，必须逐个讨论和表决",
                    ),
                    Some((_, true)) => f.add(
                        Severity::Refuse,
                        "meeting",
                        "会议记录中的表决无效（到会人数不足或票数不对），请先核对会议记录".into(),
                        "",
                    ),
                    Some((None, false)) => f.add(
                        Severity::Warn,
                        "meeting",
                        "会议记录还没有填写这项表决的票数".into(),
                        "",
                    ),
                    Some((Some(passed), false)) => {
                        let said_yes = p.outcome.is_some_and(|o| o.is_positive());
                        if passed != said_yes {
                            f.add(
                                Severity::Refuse,
                                "meeting",
                                format!(
                                    "会议记录的表决结果是“{}”，与这里选的结果不一致",
                                    if passed { "通过" } else { "未通过" }
                                ),
                                "",
                            );
                        }
                    }
                }
            }
        }
    }

    f.list.sort_by_key(|x| std::cmp::Reverse(x.severity));
    f.list
}

impl TrainingRule {
    /// The step the training is recorded at.
    pub fn step_of_training(&self) -> u8 {
        11
    }
}

/// What comes next for a person, and by when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct NextStep {
    pub step: u8,
    pub name: String,
    /// Not before this day (one year as activist, probation's end).
    pub earliest: Option<NaiveDate>,
    /// Due by this day.
    pub due: Option<NaiveDate>,
}

/// What comes next: after an extension, the second round of 22–24;
/// otherwise the first step not yet recorded whose steps before it are,
/// preferring one past the furthest step recorded (a missed 备案 is shown
/// only when nothing further is open).
pub fn next_step(set: &RuleSet, settings: &RecruitSettings, case: &Case) -> Option<NextStep> {
    let count = |n: u8| case.done.iter().filter(|d| d.step == n).count();
    let def = if case.extended() && (22..=24).any(|n| count(n) < 2) {
        (22..=24).find(|n| count(*n) < 2).and_then(|n| set.step(n))
    } else {
        let furthest = case.done.iter().map(|d| d.step).max().unwrap_or(0);
        let open: Vec<&StepDef> = set
            .steps
            .iter()
            .filter(|s| {
                !case.has(s.step) && s.after.iter().all(|a| case.has(*a)) && s.open_until.is_none_or(|u| !case.has(u))
            })
            .collect();
        open.iter().find(|s| s.step > furthest).or(open.first()).copied()
    }?;
    let mut earliest = None;
    let mut due = None;
    for iv in set.intervals.iter().filter(|i| i.to == def.step) {
        let Some(from) = case.interval_start(iv.from) else { continue };
        let local = if iv.kind == RuleKind::Local { settings.local(&iv.key) } else { None };
        if let Some(min) = iv.min.map(|m| local.unwrap_or(m)) {
            if !min.is_zero() {
                earliest = Some(min.after(from));
            }
        }
        if let Some(max) = iv.max.map(|m| local.unwrap_or(m)) {
            due = Some(max.after(from));
        }
    }
    match def.step {
        22 => due = case.probation_end(set),
        23 => earliest = case.probation_end(set),
        24 if case.extended() => due = case.last(23).map(|d| Span::months(3).after(d.date)),
        _ => {}
    }
    Some(NextStep { step: def.step, name: def.name.clone(), earliest, due })
}

/// The steps that may be recorded now: the next one; any other whose
/// steps before it are recorded and that is not (a 备案 left behind); a
/// repeatable one until the step that closes it.
pub fn recordable(set: &RuleSet, settings: &RecruitSettings, case: &Case) -> Vec<u8> {
    let next = next_step(set, settings, case).map(|n| n.step);
    set.steps
        .iter()
        .filter(|s| {
            let ready = s.after.iter().all(|a| case.has(*a));
            let open = if s.repeat { s.open_until.is_none_or(|u| !case.has(u)) } else { !case.has(s.step) };
            Some(s.step) == next || (ready && open)
        })
        .map(|s| s.step)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn set() -> &'static RuleSet {
        rule_set_for(d("2026-01-01"))
    }

    fn settings() -> RecruitSettings {
        RecruitSettings::defaults(set())
    }

    fn done(step: u8, date: &str) -> Done {
        Done { step, date: d(date), outcome: None, months: None }
    }

    fn case(steps: &[(u8, &str)]) -> Case {
        Case {
            birth_date: Some(d("1995-05-01")),
            came_on: None,
            done: steps.iter().map(|(s, dt)| done(*s, dt)).collect(),
            notices: vec![],
        }
    }

    fn check(c: &Case, p: Proposed) -> Vec<Finding> {
        check_step(set(), &settings(), &WorkCalendar::default(), c, &p, d("2026-12-02"))
    }

    fn at(step: u8, date: &str) -> Proposed {
        Proposed { step, date: Some(d(date)), ..Proposed::default() }
    }

    fn rules(f: &[Finding]) -> Vec<(&str, Severity)> {
        f.iter().map(|x| (x.rule.as_str(), x.severity)).collect()
    }

    fn member(name: &str) -> PersonFacts {
        PersonFacts { name: name.into(), member: true, full: true, status: Status::Normal, in_branch: true }
    }

    #[test]
    fn the_rule_file_parses_with_25_steps_each_following_earlier_ones() {
        let s = set();
        assert_eq!(s.steps.len(), 25);
        for (i, st) in s.steps.iter().enumerate() {
            assert_eq!(st.step as usize, i + 1);
            assert!(st.after.iter().all(|a| *a < st.step), "step {} follows a later one", st.step);
            assert!((1..=5).contains(&st.stage));
        }
        assert!(s.intervals.iter().all(|i| !i.basis.is_empty()));
        assert_eq!(s.effective_from, d("2014-06-10"));
    }

    #[test]
    fn an_applicant_is_18_on_the_day_of_the_application_not_the_day_before() {
        let mut c = case(&[]);
        c.birth_date = Some(d("2008-03-10"));
        let f = check(&c, at(1, "2026-03-09"));
        assert_eq!(rules(&f), vec![("min_age", Severity::Refuse)]);
        assert!(f[0].message.contains("17周岁"), "{}", f[0].message);
        assert!(check(&c, at(1, "2026-03-10")).is_empty());
        // Born on 29 February: 18 on 28 February of a common year (docs/DOMAIN.md §5).
        c.birth_date = Some(d("2008-02-29"));
        assert!(check(&c, at(1, "2026-02-28")).is_empty(), "anniversary_in puts 29 Feb on 28 Feb");
        assert_eq!(rules(&check(&c, at(1, "2026-02-27"))), vec![("min_age", Severity::Refuse)]);
    }

    #[test]
    fn the_talk_is_within_one_month_of_the_application() {
        let c = case(&[(1, "2026-01-31")]);
        // 31 January + 1 month = 28 February (2026 is a common year).
        assert!(check(&c, at(2, "2026-02-28")).is_empty());
        let f = check(&c, at(2, "2026-03-01"));
        assert_eq!(rules(&f), vec![("talk", Severity::NeedsReason)]);
        assert!(f[0].message.contains("2026年2月28日"), "{}", f[0].message);
        assert!(f[0].basis.contains("第七条"));
    }

    #[test]
    fn a_candidate_comes_one_year_to_the_day_after_the_activist_and_29_february_is_28_february() {
        let base = [(1, "2024-01-10"), (2, "2024-01-20"), (3, "2024-02-29"), (5, "2024-03-01")];
        let mut c = case(&base);
        c.done.push(done(6, "2024-08-20"));
        c.done.push(done(6, "2025-02-10"));
        assert!(check(&c, at(7, "2025-02-28")).is_empty(), "{:?}", check(&c, at(7, "2025-02-28")));
        let f = check(&c, at(7, "2025-02-27"));
        assert_eq!(rules(&f), vec![("candidate_year", Severity::NeedsReason)]);
        assert!(f[0].message.contains("2025年2月28日"));
    }

    #[test]
    fn an_activist_is_assessed_at_least_every_six_months_before_becoming_a_candidate() {
        let mut c = case(&[(1, "2025-01-10"), (2, "2025-01-20"), (3, "2025-03-01"), (5, "2025-03-01")]);
        c.done.push(done(6, "2025-09-01"));
        // 1 Sep + 6 months = 1 March 2026: on that day, fine.
        assert!(check(&c, at(7, "2026-03-01")).is_empty());
        let f = check(&c, at(7, "2026-03-02"));
        assert_eq!(rules(&f), vec![("activist_assessment", Severity::NeedsReason)]);
        assert!(f[0].message.contains("2025年9月1日到2026年3月2日"), "{}", f[0].message);
    }

    #[test]
    fn approval_within_three_months_and_six_at_most_with_a_reason() {
        let mut steps: Vec<(u8, &str)> = vec![
            (1, "2024-01-10"),
            (2, "2024-01-20"),
            (3, "2024-03-01"),
            (5, "2024-03-01"),
            (7, "2025-03-01"),
            (9, "2025-03-10"),
            (10, "2025-03-20"),
            (11, "2025-04-01"),
            (12, "2025-05-10"),
            (13, "2025-05-20"),
            (14, "2025-05-25"),
            (15, "2025-05-31"),
            (16, "2025-06-10"),
        ];
        steps.sort();
        let mut c = case(&steps);
        c.done.push(done(6, "2024-08-01"));
        c.done.push(done(6, "2025-01-15"));
        let approve = |date: &str| Proposed { outcome: Some(Outcome::Passed), ..at(17, date) };
        // 31 May + 3 months = 31 August.
        let ok = check(&c, approve("2025-08-31"));
        assert!(ok.iter().all(|x| x.rule == "notice"), "{ok:?}");
        let late = check(&c, approve("2025-09-01"));
        let l: Vec<_> = late.iter().filter(|x| x.rule == "admit_approval").collect();
        assert_eq!(l.len(), 1);
        assert_eq!(l[0].severity, Severity::NeedsReason);
        assert!(l[0].message.contains("最长不超过6个月"), "{}", l[0].message);
        let beyond = check(&c, approve("2025-12-01"));
        let b: Vec<_> = beyond.iter().filter(|x| x.rule == "admit_approval").collect();
        assert!(b[0].message.contains("已超过6个月的最长期限（2025年11月30日）"), "{}", b[0].message);
    }

    #[test]
    fn dates_out_of_order_are_refused_naming_both_steps() {
        let c = case(&[(1, "2026-03-01"), (2, "2026-03-10")]);
        let f = check(&c, at(3, "2026-03-05"));
        assert_eq!(rules(&f), vec![("order", Severity::Refuse)]);
        assert!(f[0].message.contains("第3步「推荐和确定入党积极分子」"));
        assert!(f[0].message.contains("第2步「党组织派人谈话」（2026年3月10日）"), "{}", f[0].message);
        // A step not yet reached.
        let f = check(&c, at(7, "2026-05-01"));
        assert!(f.iter().any(|x| x.rule == "order" && x.message.contains("还没有记录第3步")));
        // An earlier step dated after a later one already recorded.
        let c = case(&[(1, "2026-03-01"), (2, "2026-03-10"), (3, "2026-04-01")]);
        let mut late_talk = c.clone();
        late_talk.done.retain(|x| x.step != 2);
        let f = check(&late_talk, at(2, "2026-04-02"));
        assert!(f.iter().any(|x| x.rule == "order" && x.message.contains("晚于已记录的第3步")), "{f:?}");
    }

    #[test]
    fn introducers_are_two_full_members_not_under_watch_and_are_replaced_before_the_next_step() {
        let c = case(&[(1, "2024-01-10"), (2, "2024-01-20"), (3, "2024-03-01"), (5, "2024-03-01"), (7, "2025-03-05")]);
        let mut p = at(9, "2025-03-10");
        p.people = vec![member("王建国")];
        assert_eq!(rules(&check(&c, p.clone())), vec![("introducers", Severity::Refuse)]);
        let mut watched = member("刘芳");
        watched.status = Status::Watch;
        p.people = vec![member("王建国"), watched];
        let f = check(&c, p.clone());
        assert_eq!(rules(&f), vec![("introducers", Severity::NeedsReason)]);
        assert!(f[0].message.contains("刘芳正在受留党察看处分"));
        p.people = vec![member("王建国"), member("刘芳")];
        assert!(check(&c, p).is_empty());

        let mut c2 = c.clone();
        c2.done.push(done(9, "2025-03-10"));
        let mut p = at(10, "2025-04-01");
        let mut dead = member("王建国");
        dead.status = Status::Deceased;
        p.introducers_now = vec![dead, member("刘芳")];
        let f = check(&c2, p);
        assert_eq!(rules(&f), vec![("introducers", Severity::Refuse)]);
        assert!(f[0].message.contains("王建国已去世，请先在第9步「确定入党介绍人」更换介绍人"));
    }

    #[test]
    fn training_is_three_days_or_24_hours() {
        let c = case(&[(1, "2024-01-10"), (2, "2024-01-20"), (3, "2024-03-01"), (5, "2024-03-01"), (7, "2025-03-05")]);
        let mut p = at(11, "2025-04-01");
        p.days = Some(2);
        assert_eq!(rules(&check(&c, p.clone())), vec![("training", Severity::NeedsReason)]);
        p.hours = Some(24);
        assert!(check(&c, p.clone()).is_empty());
        p.hours = None;
        p.days = Some(3);
        assert!(check(&c, p).is_empty());
    }

    #[test]
    fn a_notice_of_five_working_days_must_have_ended_and_is_only_a_warning() {
        let c0 = case(&[
            (1, "2024-01-10"),
            (2, "2024-01-20"),
            (3, "2024-03-01"),
            (5, "2024-03-01"),
            (7, "2025-03-05"),
            (9, "2025-03-10"),
            (10, "2025-03-20"),
            (11, "2025-04-01"),
        ]);
        let f = check(&c0, at(12, "2025-04-20"));
        assert_eq!(rules(&f), vec![("notice", Severity::Warn)]);
        let mut c = c0.clone();
        // Monday 14 to Friday 18 April 2025: five working days, ended.
        c.notices.push((NoticePointCode::Candidate, d("2025-04-14"), d("2025-04-18")));
        assert!(check(&c, at(12, "2025-04-20")).is_empty());
        let mut short = c0.clone();
        short.notices.push((NoticePointCode::Candidate, d("2025-04-14"), d("2025-04-17")));
        let f = check(&short, at(12, "2025-04-20"));
        assert!(f[0].message.contains("只有4个工作日"), "{}", f[0].message);
        // The branch that posts none before 12 is not warned.
        let mut s = settings();
        s.notice_candidate = false;
        assert!(check_step(set(), &s, &WorkCalendar::default(), &c0, &at(12, "2025-04-20"), d("2026-12-02")).is_empty());
    }

    #[test]
    fn the_local_gap_after_application_warns_only_when_the_branch_sets_one() {
        let c = case(&[(1, "2026-03-01"), (2, "2026-03-10")]);
        assert!(check(&c, at(3, "2026-04-01")).is_empty(), "default: none");
        let mut s = settings();
        s.activist_gap_months = 6;
        let f = check_step(set(), &s, &WorkCalendar::default(), &c, &at(3, "2026-04-01"), d("2026-12-02"));
        assert_eq!(rules(&f), vec![("activist_gap", Severity::Warn)]);
    }

    #[test]
    fn the_full_member_vote_waits_for_the_end_of_probation_and_an_extension_is_once_6_to_12_months() {
        let mut c = case(&[(15, "2025-05-31"), (16, "2025-06-10"), (17, "2025-07-01"), (22, "2026-05-01")]);
        c.done[2].outcome = Some(Outcome::Passed);
        let vote = |date: &str, o: Outcome, m: Option<u32>| Proposed { outcome: Some(o), months: m, ..at(23, date) };
        let f = check(&c, vote("2026-05-30", Outcome::OnTime, None));
        assert!(f.iter().any(|x| x.rule == "probation" && x.message.contains("2026年5月31日")), "{f:?}");
        let f = check(&c, vote("2026-05-31", Outcome::Extend, Some(5)));
        assert!(f.iter().any(|x| x.rule == "extension"));
        let f = check(&c, vote("2026-05-31", Outcome::Extend, Some(6)));
        assert!(f.iter().all(|x| x.severity == Severity::Warn), "{f:?}");
        c.done.push(Done { step: 23, date: d("2026-05-31"), outcome: Some(Outcome::Extend), months: Some(6) });
        c.done.push(Done { step: 24, date: d("2026-06-20"), outcome: Some(Outcome::Passed), months: None });
        assert_eq!(c.probation_end(set()), Some(d("2026-11-30")));
        let n = next_step(set(), &settings(), &c).unwrap();
        assert_eq!((n.step, n.due), (22, Some(d("2026-11-30"))));
        c.done.push(done(22, "2026-11-01"));
        let f = check(&c, vote("2026-12-01", Outcome::Extend, Some(6)));
        assert!(f.iter().any(|x| x.rule == "extension" && x.message.contains("只能延长一次")), "{f:?}");
    }

    #[test]
    fn a_repeat_comes_after_the_later_steps_and_the_second_approval_counts_from_the_second_vote() {
        // A 介绍人 replaced after 12: only the first 9 is ordered against 12.
        let mut c =
            case(&[(1, "2024-01-10"), (2, "2024-01-20"), (3, "2024-03-01"), (5, "2024-03-01"), (7, "2025-03-05")]);
        c.done.extend([done(9, "2025-03-10"), done(10, "2025-03-20"), done(11, "2025-04-01"), done(12, "2025-05-10")]);
        let mut p = at(9, "2025-06-01");
        p.people = vec![member("王建国"), member("刘芳")];
        assert!(check(&c, p).is_empty());
        // After an extension: the second 22 follows the first 23 and 24 …
        let mut c = case(&[(15, "2024-05-31"), (16, "2024-06-10"), (17, "2024-07-01"), (22, "2025-05-01")]);
        c.done[2].outcome = Some(Outcome::Passed);
        c.done.push(Done { step: 23, date: d("2025-05-31"), outcome: Some(Outcome::Extend), months: Some(6) });
        c.done.push(Done { step: 24, date: d("2025-06-20"), outcome: Some(Outcome::Passed), months: None });
        assert!(check(&c, at(22, "2025-11-01")).is_empty());
        c.done.push(done(22, "2025-11-01"));
        c.done.push(Done { step: 23, date: d("2025-11-30"), outcome: Some(Outcome::OnTime), months: None });
        // … and its approval is due three months after the second vote, not the first.
        let approve = Proposed { outcome: Some(Outcome::Passed), ..at(24, "2026-02-28") };
        let f = check(&c, approve);
        assert!(f.iter().all(|x| x.rule == "notice"), "{f:?}");
        let late = check(&c, Proposed { outcome: Some(Outcome::Passed), ..at(24, "2026-03-01") });
        assert!(late.iter().any(|x| x.rule == "full_approval" && x.message.contains("2025年11月30日")), "{late:?}");
    }

    #[test]
    fn the_meeting_linked_to_the_admission_vote_must_agree() {
        let c = case(&[(14, "2025-05-25")]);
        let mut p = Proposed { outcome: Some(Outcome::Passed), ..at(15, "2025-05-31") };
        p.meeting = Some(MeetingFacts { assembly: true, date: d("2025-05-31"), vote: Some((Some(false), false)) });
        assert!(check(&c, p.clone()).iter().any(|x| x.rule == "meeting" && x.severity == Severity::Refuse));
        p.meeting = Some(MeetingFacts { assembly: true, date: d("2025-05-31"), vote: Some((Some(true), false)) });
        assert!(check(&c, p.clone()).is_empty());
        p.meeting = Some(MeetingFacts { assembly: true, date: d("2025-05-31"), vote: None });
        assert_eq!(rules(&check(&c, p.clone())), vec![("meeting", Severity::NeedsReason)]);
        p.meeting = None;
        assert_eq!(rules(&check(&c, p)), vec![("meeting", Severity::Warn)]);
    }

    #[test]
    fn an_application_before_2014_is_checked_only_as_warnings() {
        let c = case(&[(1, "2010-01-10")]);
        let f = check(&c, at(2, "2010-04-01"));
        assert_eq!(rules(&f), vec![("talk", Severity::Warn)]);
    }

    #[test]
    fn what_may_be_recorded_now_includes_a_filing_left_behind_and_open_repeats() {
        let c = case(&[(1, "2024-01-10"), (2, "2024-01-20"), (3, "2024-03-01"), (5, "2024-03-01"), (7, "2025-03-05")]);
        // 4 and 8 (备案) are open; 5 and 6 closed by 7; 9, 10, 11 open.
        assert_eq!(recordable(set(), &settings(), &c), vec![4, 8, 9, 10, 11]);
        let c = case(&[(1, "2024-01-10"), (2, "2024-01-20"), (3, "2024-03-01")]);
        assert_eq!(recordable(set(), &settings(), &c), vec![4, 5, 6]);
    }

    #[test]
    fn the_next_step_and_its_dates() {
        let c = case(&[(1, "2026-01-31")]);
        let n = next_step(set(), &settings(), &c).unwrap();
        assert_eq!((n.step, n.due), (2, Some(d("2026-02-28"))));
        let mut c =
            case(&[(1, "2024-01-10"), (2, "2024-01-20"), (3, "2024-02-29"), (4, "2024-03-05"), (5, "2024-03-01")]);
        // The first 考察 entry comes before the candidate's turn …
        assert_eq!(next_step(set(), &settings(), &c).unwrap().step, 6);
        c.done.push(done(6, "2024-08-20"));
        let n = next_step(set(), &settings(), &c).unwrap();
        // … then a year from the activist, 29 February → 28 February.
        assert_eq!((n.step, n.earliest), (7, Some(d("2025-02-28"))));
    }
}
