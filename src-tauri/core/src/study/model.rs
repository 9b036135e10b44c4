//! 学时 records and forms (docs/DOMAIN.md §9.5). Hours are integer tenths
//! of a 学时 (15 = 1.5 学时); the forms carry them as typed text ("1.5").

use crate::coded::coded_enum;
use crate::meetings::MeetingKind;
use crate::members::MemberKind;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

coded_enum!(
    /// 举办单位
    Organiser {
        County = "county", "县委组织部";
        Township = "township", "乡镇党委";
        School = "school", "镇级党校";
        Remote = "remote", "远程教育";
        Other = "other", "其他";
    }
);

coded_enum!(
    /// 培训层级: 上级集中培训 or 支部集体学习 (docs/DOMAIN.md §9.5).
    TrainingLevel {
        Central = "central", "上级集中培训";
        Branch = "branch", "支部集体学习";
    }
);

/// The 学时 one attended meeting of a kind gives (docs/DOMAIN.md §10).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct KindCredit {
    pub kind: MeetingKind,
    #[serde(default)]
    pub kind_label: String,
    pub tenths: i64,
}

/// The branch's 学时 settings (study_settings; docs/DOMAIN.md §10).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct StudySettings {
    /// 32 学时 → 320.
    pub target_tenths: i64,
    /// The secretary and committee members: 56 学时 → 560.
    pub committee_target_tenths: i64,
    /// One entry per meeting kind, in `MeetingKind::ALL` order.
    pub credits: Vec<KindCredit>,
    /// 送学上门: 1 学时 → 10.
    pub taught_tenths: i64,
    /// Target × months in the branch ÷ 12 for members who came in the year.
    pub prorate: bool,
    /// The reminders start on this day of the year, `MM-DD` (`10-01`).
    pub remind_from: String,
    /// Online hours count.
    pub online: bool,
}

impl StudySettings {
    /// The credit of a meeting of `kind` when it sets none of its own.
    pub fn credit_of(&self, kind: MeetingKind) -> i64 {
        self.credits.iter().find(|c| c.kind == kind).map_or(0, |c| c.tenths)
    }
}

impl Default for StudySettings {
    fn default() -> Self {
        StudySettings {
            target_tenths: 320,
            committee_target_tenths: 560,
            credits: MeetingKind::ALL
                .iter()
                .map(|&kind| KindCredit { kind, kind_label: kind.label().into(), tenths: default_credit(kind) })
                .collect(),
            taught_tenths: 10,
            prorate: false,
            remind_from: "10-01".into(),
            online: false,
        }
    }
}

/// 党课 2, 主题党日 2, 组织生活会 2, 支部党员大会 1, 党小组会 1, the others 0.
pub fn default_credit(kind: MeetingKind) -> i64 {
    match kind {
        MeetingKind::Lecture | MeetingKind::ThemeDay | MeetingKind::LifeMeeting => 20,
        MeetingKind::Assembly | MeetingKind::GroupMeeting => 10,
        _ => 0,
    }
}

/// The settings page: the branch's values and the defaults.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct StudySetup {
    pub settings: StudySettings,
    pub defaults: StudySettings,
}

/// One participant of a training as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct ParticipantForm {
    pub member_id: i64,
    /// Fewer hours for this member (left early); empty: the training's.
    pub hours: String,
}

/// A training as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct TrainingForm {
    pub started_on: String,
    /// Empty: one day.
    pub ended_on: String,
    /// 学时, at most one decimal place ("4", "1.5").
    pub hours: String,
    /// Code or label (县委组织部 …).
    pub organiser: String,
    pub organiser_name: String,
    /// Code or label (上级集中培训 / 支部集体学习).
    pub level: String,
    pub place: String,
    pub topic: String,
    pub proof: String,
    pub notes: String,
    pub participants: Vec<ParticipantForm>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Participant {
    pub member_id: i64,
    pub name: String,
    /// The hours this member got.
    pub tenths: i64,
    pub hours: String,
    /// Fewer than the training's.
    pub partial: bool,
}

/// 培训活动: one training record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Training {
    pub id: i64,
    pub started_on: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    pub tenths: i64,
    pub hours: String,
    pub organiser: Organiser,
    pub organiser_label: String,
    pub organiser_name: String,
    pub level: TrainingLevel,
    pub level_label: String,
    pub place: String,
    pub topic: String,
    pub proof: String,
    pub notes: String,
    pub participants: Vec<Participant>,
}

/// 学时 a 流动党员 took where they live, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct StudyElsewhereForm {
    pub member_id: i64,
    /// `YYYY-MM`.
    pub month: String,
    pub hours: String,
    /// The host organisation that certified them.
    pub org: String,
    pub what: String,
    /// An 集中培训 organised from above where they live.
    pub central: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct StudyElsewhere {
    pub id: i64,
    pub member_id: i64,
    pub name: String,
    pub month: String,
    pub tenths: i64,
    pub hours: String,
    pub org: String,
    pub what: String,
    pub central: bool,
}

/// Online hours of one member in one month, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct OnlineForm {
    pub member_id: i64,
    pub month: String,
    pub hours: String,
    pub platform: String,
}

/// One member's year (党员教育培训学时登记表 row).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct StudyRow {
    pub member_id: i64,
    pub name: String,
    pub kind: MemberKind,
    pub kind_label: String,
    /// 书记, 组织委员 … or empty.
    pub post: String,
    pub committee: bool,
    /// January … December.
    pub months: Vec<i64>,
    /// The months as text ("2.0"; empty for none).
    pub month_hours: Vec<String>,
    pub central_count: i64,
    pub central_tenths: i64,
    pub total_tenths: i64,
    pub total: String,
    pub target_tenths: i64,
    pub target: String,
    pub short_by_tenths: i64,
    pub short_by: String,
    /// Months of the year in the branch (1–12).
    pub months_in_branch: u32,
    /// Hours reach the target (and a committee member had an 集中培训).
    pub met: bool,
    /// Admitted or transferred in during the year.
    pub joined_on: Option<NaiveDate>,
    /// Took part in at least one 上级集中培训.
    pub central_training: bool,
}

/// The year's hours of every member on the roster at any time in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct StudyYear {
    pub year: i32,
    pub rows: Vec<StudyRow>,
    pub met: usize,
    pub settings: StudySettings,
}

/// A 学时 reminder (docs/DOMAIN.md §9.5).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct StudyReminder {
    pub member_id: i64,
    pub name: String,
    /// `short` (below the pace), `committee_central` (committee member, no
    /// 集中培训), `new_member_central` (probationary or first-year, no
    /// 上级集中培训).
    pub kind: String,
    pub note: String,
}
