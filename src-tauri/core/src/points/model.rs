//! 积分 rule sets, their versions, the year's points and entered points
//! (docs/DOMAIN.md §9.5).

use crate::coded::coded_enum;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

coded_enum!(
    /// 积分类别: 倒扣分 is stored positive and subtracted.
    PointsGroup {
        Base = "base", "基础分";
        Pioneer = "pioneer", "先锋分";
        Deduct = "deduct", "倒扣分";
    }
);

coded_enum!(
    /// Where an item's occurrences come from: a record the app already
    /// keeps (derived) or a line typed by hand with a reason (`entered`).
    PointsSource {
        ThemeDay = "theme_day", "参加主题党日";
        DuesOnTime = "dues_on_time", "按月交纳党费";
        Absent = "absent", "无故缺席组织生活";
        StudyTarget = "study_target", "培训学时达标";
        Training = "training", "参加培训";
        Service = "service", "参加志愿服务";
        CareVisit = "care_visit", "走访慰问党员";
        Entered = "entered", "手工录入";
    }
);

/// One item of a rule set, points in tenths.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct PointsItem {
    pub key: String,
    pub group: PointsGroup,
    pub group_label: String,
    pub label: String,
    /// Points per occurrence, tenths (always positive; 倒扣分 subtracts).
    pub tenths: i64,
    /// The same as a decimal (`2.5`).
    pub points: String,
    pub cap_month_tenths: Option<i64>,
    pub cap_year_tenths: Option<i64>,
    pub source: PointsSource,
    pub source_label: String,
}

/// 星级: at least `min_tenths` points in the year gives `stars`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct StarBand {
    pub stars: u8,
    pub min_tenths: i64,
    pub min: String,
}

/// A checked rule set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct PointsRuleSet {
    pub name: String,
    /// 示例: shipped with the app, not any county's scheme.
    pub example: bool,
    /// Who published it (e.g. 某某县委组织部).
    pub publisher: String,
    pub year: Option<i32>,
    pub items: Vec<PointsItem>,
    pub stars: Vec<StarBand>,
}

/// The rule set in use: the highest version, or the shipped example (not
/// yet saved, version 0) when the branch never saved one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PointsRules {
    pub version: i64,
    pub enabled: bool,
    pub saved_at: String,
    pub note: String,
    pub rules: PointsRuleSet,
}

/// One line of a member's points: which rule, how many, the record behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PointsLine {
    pub rule: String,
    pub label: String,
    pub group: PointsGroup,
    /// Signed tenths as counted (negative for 倒扣分; 0 when over a cap).
    pub tenths: i64,
    pub points: String,
    pub month: u32,
    /// The record that produced it, e.g. `2026-03-05 主题党日`, `录入：…`.
    pub source: String,
    /// The `points_entries` row of an entered line.
    pub entry_id: Option<i64>,
}

/// A member's year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct MemberPoints {
    pub member_id: i64,
    pub name: String,
    /// Signed tenths, January to December.
    pub months: Vec<i64>,
    pub base_tenths: i64,
    pub pioneer_tenths: i64,
    /// Positive: what was subtracted.
    pub deduct_tenths: i64,
    pub total_tenths: i64,
    pub total: String,
    pub stars: u8,
    pub items: Vec<PointsLine>,
}

/// 积分 of a year; `members` is empty when no rule set is on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PointsYear {
    pub year: i32,
    pub enabled: bool,
    pub version: i64,
    pub rules_name: String,
    pub example: bool,
    pub members: Vec<MemberPoints>,
}

/// 录入积分 as typed; a blank `points` takes the item's.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct PointsEntryForm {
    pub member_id: i64,
    pub entered_on: String,
    pub rule_key: String,
    pub points: String,
    pub reason: String,
    pub evidence: String,
}

/// An entered line as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PointsEntry {
    pub id: i64,
    pub member_id: i64,
    pub name: String,
    pub entered_on: NaiveDate,
    pub rule_key: String,
    pub tenths: i64,
    pub points: String,
    pub reason: String,
    pub evidence: String,
}

/// The yearly totals kept when a version was replaced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PointsHistoryRow {
    pub version: i64,
    pub year: i32,
    pub member_id: i64,
    pub name: String,
    pub tenths: i64,
    pub stars: u8,
}
