//! 志愿服务 and 为民办实事 records and forms (docs/DOMAIN.md §9.5).

use crate::coded::coded_enum;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

coded_enum!(
    /// 类别
    ServiceKind {
        Volunteer = "volunteer", "志愿服务";
        Deed = "deed", "为民办实事";
    }
);

impl ServiceKind {
    /// The code, the label, or the short words people say (志愿, 办实事).
    pub fn parse(s: &str) -> Option<ServiceKind> {
        let s = s.trim();
        ServiceKind::from_code(s).or(match s {
            "志愿" | "志愿者服务" => Some(ServiceKind::Volunteer),
            "办实事" | "实事" | "我为群众办实事" => Some(ServiceKind::Deed),
            _ => None,
        })
    }
}

/// A member who served, as listed with a record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ServiceMember {
    pub member_id: i64,
    pub name: String,
}

/// One 志愿服务 or 为民办实事.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Service {
    pub id: i64,
    pub served_on: NaiveDate,
    pub kind: ServiceKind,
    pub kind_label: String,
    /// 服务内容
    pub what: String,
    /// 服务对象
    pub for_whom: String,
    /// 户数
    pub households: i64,
    /// 人数 (people served)
    pub people: i64,
    /// 时长 in tenths of an hour (15 = 1.5 小时).
    pub tenths: i64,
    /// 时长 as shown: `1.5`, `2`; empty when none.
    pub hours: String,
    pub notes: String,
    /// 参加党员, by roster order.
    pub members: Vec<ServiceMember>,
}

/// A record as typed. Members by id (the page) or by name (a CLI file).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct ServiceForm {
    pub served_on: String,
    /// Code or label.
    pub kind: String,
    pub what: String,
    pub for_whom: String,
    /// Whole numbers as typed; empty is 0.
    pub households: String,
    pub people: String,
    /// Hours with at most one decimal place, e.g. `2` or `1.5`; empty is 0.
    pub hours: String,
    pub notes: String,
    pub member_ids: Vec<i64>,
    /// Names of members, each matching exactly one member on the roster.
    pub member_names: Vec<String>,
}

/// The branch's figures for a year (docs/DOMAIN.md §9.5).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ServiceTotals {
    /// 次数: records.
    pub records: i64,
    /// 人次: members summed over records.
    pub member_times: i64,
    /// 户: households summed.
    pub households: i64,
    /// 人数 served, summed.
    pub people: i64,
    /// 时长 summed, tenths.
    pub tenths: i64,
}

/// One member's count for the year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ServiceMemberCount {
    pub member_id: i64,
    pub name: String,
    /// Records taken part in.
    pub records: i64,
    /// Their records' 时长 summed, tenths.
    pub tenths: i64,
    pub hours: String,
}

/// A year of services: the records by day, the totals, and each member's count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ServiceYear {
    pub year: i32,
    pub services: Vec<Service>,
    pub totals: ServiceTotals,
    /// Members with at least one record, most first.
    pub by_member: Vec<ServiceMemberCount>,
}
