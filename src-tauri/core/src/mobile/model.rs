//! 流动党员 records and the forms as typed (docs/DOMAIN.md §9).

use crate::coded::coded_enum;
use crate::dues::Month;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

coded_enum!(
    /// Where the member's 组织关系 stands while away.
    Relation {
        Kept = "kept", "保留在本支部";
        ShouldTransfer = "should_transfer", "应转移";
        Transferred = "transferred", "已转移";
    }
);

coded_enum!(
    /// How contact was kept.
    ContactWay {
        Phone = "phone", "电话";
        Wechat = "wechat", "微信";
        Visit = "visit", "上门";
        Homecoming = "homecoming", "返乡座谈";
        Letter = "letter", "书信";
    }
);

/// A period away as typed (登记外出 or its correction).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct PeriodForm {
    pub member_id: i64,
    pub left_on: String,
    /// Empty while still away.
    pub back_on: String,
    pub province: String,
    pub city: String,
    pub county: String,
    /// Where, in one text, when the parts are not known separately.
    pub place: String,
    pub work: String,
    /// 流入地党组织.
    pub host_org: String,
    /// Its contact (person, telephone).
    pub host_contact: String,
    /// 流动党员活动证 number.
    pub card_number: String,
    /// The committee member responsible for keeping contact.
    pub contact_person: String,
    /// kept | should_transfer | transferred (empty: kept).
    pub relation: String,
    /// For `transferred`: the 转出 record (empty: the member's latest 转出).
    pub transfer_id: Option<i64>,
    pub notes: String,
}

/// A period away as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Period {
    pub id: i64,
    pub member_id: i64,
    pub name: String,
    pub left_on: NaiveDate,
    pub back_on: Option<NaiveDate>,
    pub province: String,
    pub city: String,
    pub county: String,
    pub place: String,
    /// Where, as printed: province, city and county, else the typed place.
    pub where_label: String,
    pub work: String,
    pub host_org: String,
    pub host_contact: String,
    pub card_number: String,
    pub contact_person: String,
    pub contact_member_id: Option<i64>,
    pub relation: Relation,
    pub relation_label: &'static str,
    pub transfer_id: Option<i64>,
    pub notes: String,
}

impl Period {
    /// Away on `day`: left by then and not back before it.
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.left_on <= day && self.back_on.is_none_or(|b| day <= b)
    }

    /// Still away (no day back recorded).
    pub fn open(&self) -> bool {
        self.back_on.is_none()
    }
}

/// The place in one text: the parts when given, else the typed place.
pub(crate) fn where_label(province: &str, city: &str, county: &str, place: &str) -> String {
    let parts = format!("{province}{city}{county}");
    if parts.is_empty() {
        place.to_string()
    } else {
        parts
    }
}

/// A contact as typed (记录联系).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct ContactForm {
    pub member_id: i64,
    pub contacted_on: String,
    /// Who made contact (a committee member's name).
    pub contacted_by: String,
    /// phone | wechat | visit | homecoming | letter, or 电话/微信/上门/返乡座谈/书信.
    pub how: String,
    /// What was said or sent.
    pub content: String,
    /// 意见建议 received.
    pub suggestions: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Contact {
    pub id: i64,
    pub member_id: i64,
    pub name: String,
    pub contacted_on: NaiveDate,
    pub contacted_by: String,
    pub how: ContactWay,
    pub how_label: &'static str,
    pub content: String,
    pub suggestions: String,
}

/// Dues of one month paid where the member lives, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct ElsewhereForm {
    pub member_id: i64,
    /// YYYY-MM
    pub month: String,
    /// The 流入地 organisation it was paid to.
    pub org: String,
    /// The day paid (may be empty).
    pub paid_on: String,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct DuesElsewhere {
    pub id: i64,
    pub member_id: i64,
    pub month: Month,
    pub org: String,
    pub paid_on: Option<NaiveDate>,
    pub note: String,
}

/// One member away, for the 流动党员 page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AwayRow {
    pub member_id: i64,
    pub name: String,
    pub period: Period,
    pub last_contact: Option<NaiveDate>,
    /// Days since the last contact, or since leaving when none.
    pub days_since: i64,
    /// More than the setting's days without contact.
    pub no_contact: bool,
    /// Away six months or more with the relation still kept.
    pub should_transfer: bool,
    /// What the reminders say of this member, in plain Chinese (may be empty).
    pub reminder: String,
}

/// The 流动党员 page: who is away today, and the setting it was judged by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct MobileList {
    pub today: NaiveDate,
    pub no_contact_days: i64,
    pub rows: Vec<AwayRow>,
    /// In the 腊月十五–正月十五 window (返乡座谈).
    pub homecoming: bool,
}

/// One member's periods, contacts and dues paid elsewhere (newest first).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct MemberMobile {
    pub member_id: i64,
    pub periods: Vec<Period>,
    pub contacts: Vec<Contact>,
    pub elsewhere: Vec<DuesElsewhere>,
}
