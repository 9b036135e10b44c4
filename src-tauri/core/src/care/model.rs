//! 关怀帮扶 records and forms (docs/DOMAIN.md §9).

use crate::coded::coded_enum;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

coded_enum!(
    /// 困难类别
    HardshipCategory {
        Subsistence = "subsistence", "低保/特困";
        Illness = "illness", "因病";
        Disaster = "disaster", "因灾";
        Disabled = "disabled", "丧失劳动能力";
        ElderlyAlone = "elderly_alone", "独居高龄";
        Other = "other", "其他";
    }
);

coded_enum!(
    /// 走访事由
    Occasion {
        Spring = "spring", "元旦春节";
        July1 = "july1", "七一";
        Hospital = "hospital", "生病住院";
        Disaster = "disaster", "遭灾";
        Death = "death", "病逝";
        Routine = "routine", "日常";
        Teaching = "teaching", "送学上门";
    }
);

coded_enum!(
    /// 慰问金来源
    FundSource {
        DuesReturned = "dues_returned", "上级下拨党费";
        Township = "township", "乡镇";
        Village = "village", "村级";
        Other = "other", "其他";
    }
);

impl Occasion {
    /// The code, the label, or the words people say for it (春节, 元旦,
    /// 低保 …).
    pub fn parse(s: &str) -> Option<Occasion> {
        let s = s.trim();
        Occasion::from_code(s).or(match s {
            "春节" | "元旦" | "春节/元旦" | "元旦、春节" => Some(Occasion::Spring),
            "七一" | "建党节" | "七一慰问" => Some(Occasion::July1),
            "生病" | "住院" => Some(Occasion::Hospital),
            _ => None,
        })
    }
}

impl HardshipCategory {
    /// The code, the label, or its parts (低保, 特困).
    pub fn parse(s: &str) -> Option<HardshipCategory> {
        let s = s.trim();
        HardshipCategory::from_code(s).or(match s {
            "低保" | "特困" => Some(HardshipCategory::Subsistence),
            "高龄" | "独居" => Some(HardshipCategory::ElderlyAlone),
            _ => None,
        })
    }
}

/// 困难党员: one case of hardship, open until closed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct CareCase {
    pub id: i64,
    pub member_id: i64,
    pub name: String,
    pub category: HardshipCategory,
    pub category_label: String,
    pub since: NaiveDate,
    pub description: String,
    pub reviewed_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub close_reason: String,
    /// The day the next review is due (open cases only).
    pub review_due: Option<NaiveDate>,
}

impl CareCase {
    pub fn open(&self) -> bool {
        self.closed_on.is_none()
    }
}

/// A new case as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct CareCaseForm {
    pub member_id: i64,
    /// Code or label.
    pub category: String,
    pub since: String,
    pub description: String,
}

/// 复核 or 结束 of a case, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct CaseActionForm {
    pub date: String,
    /// For 结束: why (脱困, 去世, 转出 …).
    pub reason: String,
    /// For 复核: the situation as found (replaces the description when given).
    pub description: String,
}

/// 走访慰问: one visit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct CareVisit {
    pub id: i64,
    pub visited_on: NaiveDate,
    pub member_id: i64,
    pub name: String,
    /// After a death: the family member visited.
    pub family_name: String,
    pub occasion: Occasion,
    pub occasion_label: String,
    pub visitors: String,
    pub amount_fen: i64,
    /// Yuan, two decimals (`200.00`).
    pub amount: String,
    pub source: Option<FundSource>,
    pub source_label: String,
    pub goods: String,
    pub follow_up: String,
    /// 送学上门: the 主题党日 it stands for.
    pub meeting_id: Option<i64>,
}

/// A visit as typed. Money in yuan text, parsed by `dues::money`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct VisitForm {
    pub member_id: i64,
    pub visited_on: String,
    pub occasion: String,
    pub visitors: String,
    pub amount: String,
    pub source: String,
    pub goods: String,
    pub family_name: String,
    pub follow_up: String,
}

/// What saving a visit did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct VisitSaved {
    pub visit: CareVisit,
    /// Said when 送学上门 marked (or could not mark) a 主题党日.
    pub note: Option<String>,
}

/// The branch's practice (care_settings; docs/DOMAIN.md §9).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct CareSettings {
    /// Months after which an open case is due for 复核 (12).
    pub review_months: u32,
    /// On the 慰问名单 from this age (80).
    pub visit_age: i32,
    /// On the 慰问名单 from this 党龄 (50).
    pub visit_party_years: i32,
    /// 流动党员: a reminder after this many days without contact (90);
    /// stored under `mobile_no_contact_days`.
    pub mobile_no_contact_days: u32,
}

impl Default for CareSettings {
    fn default() -> Self {
        CareSettings { review_months: 12, visit_age: 80, visit_party_years: 50, mobile_no_contact_days: 90 }
    }
}

/// 设置 → 流动党员和关怀: the branch's values and the defaults beside them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct CareSetup {
    pub settings: CareSettings,
    pub defaults: CareSettings,
}

/// One member on a 慰问名单.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct VisitListEntry {
    pub member_id: i64,
    pub name: String,
    pub reasons: Vec<String>,
    pub visited: bool,
}

/// A season's 慰问名单.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct VisitList {
    /// `spring` or `july1`.
    pub season: String,
    /// 元旦春节慰问名单 / 七一慰问名单
    pub title: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub entries: Vec<VisitListEntry>,
    pub total: usize,
    pub visited: usize,
}

/// A year's visits and the 慰问金 paid in it (the 走访记录 tab).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct VisitYear {
    pub year: i32,
    pub visits: Vec<CareVisit>,
    pub total_fen: i64,
    /// Yuan, two decimals.
    pub total: String,
}
