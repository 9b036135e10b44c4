//! 发展党员 records: the person, the steps, the people and documents, the
//! forms as typed. Stage is derived from the steps, never stored.

use super::rules::{Finding, NextStep, NoticePointCode, Outcome, RecruitSettings};
use crate::coded::coded_enum;
use crate::idcard::Sex;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

coded_enum!(
    /// Where the applicant comes from (the county's 结构 figures).
    Source {
        YoungFarmer = "young_farmer", "青年农民";
        MigrantWorker = "migrant_worker", "外出务工人员";
        Veteran = "veteran", "退役军人";
        Entrepreneur = "entrepreneur", "致富带头人";
        Graduate = "graduate", "返乡大学生";
        Other = "other", "其他";
    }
);

coded_enum!(
    /// Why the way to membership stopped.
    StopReason {
        Withdrew = "withdrew", "本人撤回申请";
        MovedAway = "moved_away", "迁出本村（材料已转出）";
        NotContinued = "not_continued", "不再列为培养对象";
        NotAdmitted = "not_admitted", "未被接收";
        Cancelled = "cancelled", "取消预备党员资格";
    }
);

coded_enum!(
    /// 申请人 → 入党积极分子 → 发展对象 → 预备党员 → 正式党员.
    Stage {
        Applicant = "applicant", "入党申请人";
        Activist = "activist", "入党积极分子";
        Candidate = "candidate", "发展对象";
        Probationary = "probationary", "预备党员";
        Full = "full", "正式党员";
        Stopped = "stopped", "已终止";
    }
);

coded_enum!(
    /// The documents of a file, by stage.
    DocKind {
        Application = "application", "入党申请书";
        TalkRecord = "talk_record", "谈话记录";
        Recommendation = "recommendation", "推荐表（党员推荐、群团推优）";
        ActivistRegister = "activist_register", "入党积极分子培养考察登记表";
        ThoughtReports = "thought_reports", "思想汇报";
        Opinions = "opinions", "征求党小组、联系人、党员和群众意见记录";
        ReviewMaterials = "review_materials", "政治审查材料（结论）";
        TrainingCertificate = "training_certificate", "集中培训结业证明";
        Autobiography = "autobiography", "自传";
        VolunteerForm = "volunteer_form", "入党志愿书";
        ProbationRegister = "probation_register", "预备党员考察登记表";
        FullApplication = "full_application", "转正申请书";
    }
);

impl DocKind {
    /// The stage (1–5) a document belongs to.
    pub fn stage(self) -> u8 {
        match self {
            DocKind::Application | DocKind::TalkRecord => 1,
            DocKind::Recommendation | DocKind::ActivistRegister | DocKind::ThoughtReports => 2,
            DocKind::Opinions | DocKind::ReviewMaterials | DocKind::TrainingCertificate | DocKind::Autobiography => 3,
            DocKind::VolunteerForm => 4,
            DocKind::ProbationRegister | DocKind::FullApplication => 5,
        }
    }
}

/// The five stages' names.
pub const STAGE_NAMES: [&str; 5] =
    ["申请入党", "入党积极分子的确定和培养教育", "发展对象的确定和考察", "预备党员的接收", "预备党员的教育考察和转正"];

/// The person form as typed. `applied_on`, when given, records step 1 too.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct RecruitForm {
    pub name: String,
    pub sex: String,
    pub id_number: String,
    pub ethnicity: String,
    pub education: String,
    pub job: String,
    pub phone: String,
    pub address: String,
    pub league_member: bool,
    pub source: String,
    pub applied_on: String,
    /// An activist transferred in: the branch and the day.
    pub came_from: String,
    pub came_on: String,
    pub notes: String,
}

/// A step as typed. People are names from the roster (or, for steps
/// another branch took before a transfer, as written).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct StepForm {
    pub step: u8,
    pub date: String,
    pub people: Vec<String>,
    pub meeting_id: Option<i64>,
    pub doc_number: String,
    pub outcome: String,
    pub days: Option<u32>,
    pub hours: Option<u32>,
    /// 延长预备期 months at 23.
    pub months: Option<u32>,
    /// 党小组 at 19 (a name; made if new).
    pub group_name: String,
    pub note: String,
    /// Why a national rule not met is recorded anyway.
    pub override_reason: String,
}

/// The person as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Recruit {
    pub id: i64,
    pub name: String,
    #[serde(skip)]
    #[ts(skip)]
    pub sex: Sex,
    /// `male` / `female`
    pub sex_code: &'static str,
    pub sex_label: &'static str,
    pub birth_date: NaiveDate,
    /// Masked for display: `330424********1234`.
    pub id_number_masked: String,
    pub ethnicity: String,
    pub education: String,
    pub job: String,
    pub phone: String,
    pub address: String,
    pub league_member: bool,
    pub source: Source,
    pub source_label: &'static str,
    pub came_from: String,
    pub came_on: Option<NaiveDate>,
    pub notes: String,
    pub stopped_on: Option<NaiveDate>,
    pub stop_reason: Option<StopReason>,
    pub stop_note: String,
    pub member_id: Option<i64>,
    pub stage: Stage,
    pub stage_label: &'static str,
}

/// One recorded step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct StepRecord {
    pub id: i64,
    pub step: u8,
    pub name: String,
    pub stage: u8,
    pub date: NaiveDate,
    pub actors: String,
    pub meeting_id: Option<i64>,
    pub doc_number: String,
    pub outcome: Option<Outcome>,
    pub outcome_label: String,
    pub days: Option<u32>,
    pub hours: Option<u32>,
    pub months: Option<u32>,
    pub group_name: Option<String>,
    pub note: String,
    pub override_reason: String,
}

/// A 培养联系人 or 入党介绍人, from and to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PersonLink {
    pub role: String,
    pub role_label: &'static str,
    pub member_id: Option<i64>,
    pub name: String,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

/// A document of the checklist, received or not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct DocLine {
    pub doc: DocKind,
    pub label: &'static str,
    pub stage: u8,
    pub received_on: Option<NaiveDate>,
    pub number: String,
}

/// A 公示 posted for the person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct NoticePeriod {
    pub point: NoticePointCode,
    pub title: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub working_days: u32,
}

/// Everything about one person, for the detail page and `recruit show`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct RecruitFile {
    pub recruit: Recruit,
    pub steps: Vec<StepRecord>,
    pub people: Vec<PersonLink>,
    pub docs: Vec<DocLine>,
    pub notices: Vec<NoticePeriod>,
    pub next: Option<NextStep>,
    /// The steps that may be recorded now (`rules::recordable`).
    pub recordable: Vec<u8>,
    /// 预备期满 once admitted.
    pub probation_end: Option<NaiveDate>,
    pub rule_set: String,
}

/// A list line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct RecruitSummary {
    pub id: i64,
    pub name: String,
    pub sex_label: &'static str,
    pub birth_date: NaiveDate,
    pub stage: Stage,
    pub stage_label: &'static str,
    pub applied_on: Option<NaiveDate>,
    pub activist_on: Option<NaiveDate>,
    pub candidate_on: Option<NaiveDate>,
    pub admitted_on: Option<NaiveDate>,
    pub next: Option<NextStep>,
    pub member_id: Option<i64>,
}

/// A step saved: the file as it is now, and what was only a warning.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct StepSaved {
    pub file: RecruitFile,
    pub warnings: Vec<Finding>,
    /// Set when this step made the member file (17).
    pub member_id: Option<i64>,
}

/// The branch's 发展党员 settings page: local practice, the 指导性计划,
/// the holiday table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct RecruitSetup {
    pub settings: RecruitSettings,
    pub defaults: RecruitSettings,
}

/// A day that is not what its weekday says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct CalendarDay {
    pub date: NaiveDate,
    /// `holiday` (a weekday off) or `workday` (a weekend worked).
    pub kind: String,
    pub name: String,
}

/// The year's count against the 指导性计划.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PlanCount {
    pub year: i32,
    pub planned: Option<u32>,
    /// Admitted as 预备党员 (17 approved) this year.
    pub admitted: u32,
}

/// A scan kept with the person, and the step it belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct RecruitAttachment {
    pub attachment: crate::meetings::attachments::Attachment,
    pub step_id: Option<i64>,
}
