//! The member file (党员档案): what is stored, and what is derived from it.

use crate::coded::coded_enum;
use crate::date::{anniversary_in, whole_years, PartialDate};
use crate::idcard::Sex;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

coded_enum!(
    /// 正式党员 / 预备党员
    MemberKind {
        Full = "full", "正式党员";
        Probationary = "probationary", "预备党员";
    }
);

coded_enum!(
    /// 党籍状态
    Status {
        Normal = "normal", "正常";
        Watch = "watch", "留党察看";
        Suspended = "suspended", "停止党籍";
        Expelled = "expelled", "出党";
        Deceased = "deceased", "去世";
        Cancelled = "cancelled", "取消预备党员资格";
    }
);

coded_enum!(
    /// 支委职务
    CommitteeRole {
        Secretary = "secretary", "书记";
        DeputySecretary = "deputy_secretary", "副书记";
        Organization = "organization", "组织委员";
        Propaganda = "propaganda", "宣传委员";
        Discipline = "discipline", "纪检委员";
        Member = "member", "委员";
    }
);

coded_enum!(
    /// Why a member is flagged 失联.
    LostContactReason {
        WhereaboutsUnknown = "whereabouts_unknown", "外出去向不明";
        NoResponse = "no_response", "联系方式失效、长期联系不上";
        NoActivity = "no_activity", "连续6个月以上不参加组织生活、不交党费";
        Other = "other", "其他原因";
    }
);

coded_enum!(
    /// 组织关系转入 / 转出
    TransferDirection {
        In = "in", "转入";
        Out = "out", "转出";
    }
);

/// Usual answers offered in the form; any other text is accepted too.
pub const ETHNICITIES: &[&str] = &[
    "汉族",
    "壮族",
    "回族",
    "满族",
    "维吾尔族",
    "苗族",
    "彝族",
    "土家族",
    "藏族",
    "蒙古族",
    "侗族",
    "布依族",
    "瑶族",
    "白族",
    "朝鲜族",
    "哈尼族",
    "黎族",
    "哈萨克族",
    "傣族",
    "畲族",
];
pub const EDUCATIONS: &[&str] = &["研究生", "大学本科", "大学专科", "中专", "高中", "初中", "小学", "未上过学"];

/// A member as stored (never deleted rows unless `deleted` says so).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Member {
    pub id: i64,
    pub name: String,
    pub sex: Sex,
    pub ethnicity: String,
    pub birth_date: PartialDate,
    pub id_number: String,
    pub education: String,
    pub kind: MemberKind,
    pub admitted_on: Option<PartialDate>,
    pub full_member_on: Option<PartialDate>,
    pub group_id: Option<i64>,
    pub group_name: Option<String>,
    pub committee_role: Option<CommitteeRole>,
    pub job: String,
    pub phone: String,
    pub address: String,
    pub status: Status,
    pub status_date: Option<PartialDate>,
    pub status_reason: String,
    pub mobile: bool,
    pub mobile_destination: String,
    pub lost_contact: bool,
    pub lost_contact_reason: Option<LostContactReason>,
    pub notes: String,
    /// Why 转正 is not the day probation ended (docs/DOMAIN.md §8).
    pub full_member_reason: String,
    /// 延长预备期, recorded at most once.
    pub probation_extension: Option<ProbationExtension>,
    /// Since when the member cannot be reached.
    pub lost_contact_since: Option<PartialDate>,
    /// Derived from the transfers: the latest one is a 转出.
    pub left_branch: bool,
    pub deleted: bool,
}

/// 延长预备期: once, 6–12 months, decided by the 支部大会 and approved above.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProbationExtension {
    pub months: u32,
    /// The day of the 支部大会 that decided it.
    pub decided_on: PartialDate,
    /// The higher committee's reply (批复文号 or text).
    pub approval: String,
}

impl Status {
    /// Still a member of the Party on the roster's count: not gone.
    pub fn is_member(self) -> bool {
        matches!(self, Status::Normal | Status::Watch | Status::Suspended)
    }

    /// Takes part in 组织生活 and pays dues (留党察看 does both).
    pub fn takes_part(self) -> bool {
        matches!(self, Status::Normal | Status::Watch)
    }
}

/// The next anniversary of `admitted_on` (政治生日).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PoliticalBirthday {
    /// The day, or only the month when the admission day is unknown.
    pub date: PartialDate,
    /// Years since admission on that day.
    pub years: i32,
    pub day_known: bool,
}

impl Member {
    /// 年龄 in whole years. With a birth month only, counted from the month's
    /// last day, so it never overstates.
    pub fn age(&self, today: NaiveDate) -> Option<i32> {
        let birth = self.birth_date.last_day();
        (birth <= today).then(|| whole_years(birth, today))
    }

    /// 党龄: whole years since 转正 (党章). None for a probationary member.
    pub fn standing_years(&self, today: NaiveDate) -> Option<i32> {
        if self.kind != MemberKind::Full {
            return None;
        }
        let from = self.full_member_on?.last_day();
        (from <= today).then(|| whole_years(from, today))
    }

    pub fn next_political_birthday(&self, today: NaiveDate) -> Option<PoliticalBirthday> {
        next_anniversary(self.admitted_on?, today)
    }

    pub fn masked_id_number(&self) -> String {
        crate::mask::mask_id_number(&self.id_number)
    }

    pub fn masked_phone(&self) -> Option<String> {
        (!self.phone.is_empty()).then(|| crate::mask::mask_phone(&self.phone))
    }

    /// In the branch's current roster: not transferred out, not deleted,
    /// probationary membership not cancelled.
    pub fn on_roster(&self) -> bool {
        !self.left_branch && !self.deleted && self.status != Status::Cancelled
    }

    /// The day the probation ends (or ended): a year after admission, plus
    /// any extension (docs/DOMAIN.md §8).
    pub fn probation_end(&self) -> Option<PartialDate> {
        let extra = self.probation_extension.as_ref().map_or(0, |e| e.months);
        Some(super::era::probation_end(self.admitted_on?, extra))
    }

    /// The note for an admission under an earlier constitution.
    pub fn era_note(&self) -> Option<&'static str> {
        super::era::era_note(self.admitted_on, self.full_member_on)
    }
}

/// The first anniversary of `date` on or after `today` (29 February on
/// 28 February in common years). With a month-only date, the anniversary
/// month on or after today's month.
pub fn next_anniversary(date: PartialDate, today: NaiveDate) -> Option<PoliticalBirthday> {
    match date {
        PartialDate::Day(d) => {
            let mut year = today.year();
            let mut on = anniversary_in(d, year);
            if on < today {
                year += 1;
                on = anniversary_in(d, year);
            }
            let years = year - d.year();
            (years >= 1).then_some(PoliticalBirthday { date: PartialDate::Day(on), years, day_known: true })
        }
        PartialDate::Month { year: y, month } => {
            let year = if month < today.month() { today.year() + 1 } else { today.year() };
            let years = year - y;
            (years >= 1).then_some(PoliticalBirthday {
                date: PartialDate::Month { year, month },
                years,
                day_known: false,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn political_birthday_wraps_into_next_year() {
        let pb = next_anniversary(PartialDate::Day(d(1990, 1, 5)), d(2026, 12, 20)).unwrap();
        assert_eq!(pb.date, PartialDate::Day(d(2027, 1, 5)));
        assert_eq!(pb.years, 37);
        let today_is_it = next_anniversary(PartialDate::Day(d(1990, 12, 20)), d(2026, 12, 20)).unwrap();
        assert_eq!(today_is_it.date, PartialDate::Day(d(2026, 12, 20)));
        assert_eq!(today_is_it.years, 36);
    }

    #[test]
    fn leap_day_admission_celebrates_on_28_february() {
        let pb = next_anniversary(PartialDate::Day(d(2004, 2, 29)), d(2026, 1, 1)).unwrap();
        assert_eq!(pb.date, PartialDate::Day(d(2026, 2, 28)));
        let pb = next_anniversary(PartialDate::Day(d(2004, 2, 29)), d(2028, 1, 1)).unwrap();
        assert_eq!(pb.date, PartialDate::Day(d(2028, 2, 29)));
    }

    #[test]
    fn month_precision_birthday_never_invents_a_day() {
        let pb = next_anniversary(PartialDate::Month { year: 1962, month: 1 }, d(2026, 11, 27)).unwrap();
        assert_eq!(pb.date, PartialDate::Month { year: 2027, month: 1 });
        assert!(!pb.day_known);
        assert_eq!(pb.years, 65);
        let same_month = next_anniversary(PartialDate::Month { year: 1962, month: 11 }, d(2026, 11, 27)).unwrap();
        assert_eq!(same_month.date, PartialDate::Month { year: 2026, month: 11 });
    }

    #[test]
    fn no_political_birthday_before_the_first_year() {
        assert_eq!(next_anniversary(PartialDate::Day(d(2026, 11, 27)), d(2026, 11, 27)), None);
        assert!(next_anniversary(PartialDate::Day(d(2026, 11, 26)), d(2026, 11, 27)).is_some());
    }

    #[test]
    fn codes_and_labels_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::from_code(s.code()), Some(*s));
            assert_eq!(Status::from_code(s.label()), Some(*s));
        }
        assert_eq!(CommitteeRole::from_code("组织委员"), Some(CommitteeRole::Organization));
        assert_eq!(MemberKind::from_code("nonsense"), None);
    }
}
