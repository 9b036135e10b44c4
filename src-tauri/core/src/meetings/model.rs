//! Meeting records (三会一课, 主题党日, 组织生活会, 民主评议, 谈心谈话).

use crate::coded::coded_enum;
use serde::{Deserialize, Serialize};

coded_enum!(
    /// 会议类型 (docs/DOMAIN.md §1, §3).
    MeetingKind {
        Assembly = "assembly", "支部党员大会";
        Committee = "committee", "支委会";
        GroupMeeting = "group_meeting", "党小组会";
        Lecture = "lecture", "党课";
        ThemeDay = "theme_day", "主题党日";
        LifeMeeting = "life_meeting", "组织生活会";
        Review = "review", "民主评议党员";
        Talk = "talk", "谈心谈话";
        Other = "other", "其他";
    }
);

coded_enum!(
    /// 出席情况
    Attendance {
        Present = "present", "出席";
        Leave = "leave", "请假";
        Absent = "absent", "缺席";
        Elsewhere = "elsewhere", "在流入地参加";
        Taught = "taught", "送学上门";
    }
);

impl Attendance {
    /// In the room: counts toward 实到 and the quorum of a vote.
    pub fn in_room(self) -> bool {
        self == Attendance::Present
    }

    /// Took part in the branch's 组织生活 this time, in the room or not: a
    /// 流动党员 at a meeting where they live, or 送学上门 (docs/DOMAIN.md §9).
    /// Never absent; counted in their own columns.
    pub fn took_part(self) -> bool {
        matches!(self, Attendance::Present | Attendance::Elsewhere | Attendance::Taught)
    }
}

coded_enum!(
    /// 民主评议 grades.
    Grade {
        Excellent = "excellent", "优秀";
        Qualified = "qualified", "合格";
        BasicallyQualified = "basically_qualified", "基本合格";
        Unqualified = "unqualified", "不合格";
    }
);

coded_enum!(
    /// How often a kind of meeting is due (a branch setting).
    Frequency {
        Monthly = "monthly", "每月一次";
        Quarterly = "quarterly", "每季度一次";
        Yearly = "yearly", "每年一次";
        None = "none", "不作要求";
    }
);

impl MeetingKind {
    /// Who should attend is computed from the roster for these kinds; for
    /// the others the secretary chooses.
    pub fn attendees_from_roster(self) -> bool {
        matches!(self, MeetingKind::Assembly | MeetingKind::Committee | MeetingKind::GroupMeeting)
    }

    /// Who leads it, as the form, the record and the messages name them:
    /// 谈话人 at a 谈心谈话, 主持人 otherwise.
    pub fn host_label(self) -> &'static str {
        match self {
            MeetingKind::Talk => "谈话人",
            _ => "主持人",
        }
    }

    /// Who takes part: 谈话对象 at a 谈心谈话, 参会人员 otherwise.
    pub fn attendees_label(self) -> &'static str {
        match self {
            MeetingKind::Talk => "谈话对象",
            _ => "参会人员",
        }
    }

    /// Those who came, on the record: 出席人员, or 谈话对象 at a 谈心谈话.
    pub fn present_label(self) -> &'static str {
        match self {
            MeetingKind::Talk => "谈话对象",
            _ => "出席人员",
        }
    }

    /// Attendance is counted (应到, 实到, 请假, 缺席, 出席率): not at a
    /// 谈心谈话, whose list is who was talked with, not who should have come.
    pub fn counts_attendance(self) -> bool {
        self != MeetingKind::Talk
    }

    /// Counted for a 所属年度 rather than the year it was held in.
    pub fn has_for_year(self) -> bool {
        matches!(self, MeetingKind::LifeMeeting | MeetingKind::Review)
    }

    /// The default frequency (docs/DOMAIN.md §3; 党课 quarterly is local practice).
    pub fn default_frequency(self) -> Frequency {
        match self {
            MeetingKind::Assembly | MeetingKind::Lecture => Frequency::Quarterly,
            MeetingKind::Committee | MeetingKind::GroupMeeting | MeetingKind::ThemeDay => Frequency::Monthly,
            MeetingKind::LifeMeeting | MeetingKind::Review => Frequency::Yearly,
            MeetingKind::Talk | MeetingKind::Other => Frequency::None,
        }
    }
}

/// One line of the agenda; 主题党日 uses the "x+X" shape: prescribed items
/// (规定动作) plus chosen ones (自选动作).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct AgendaItem {
    pub text: String,
    pub prescribed: bool,
}

/// One attendee as the form sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct AttendeeForm {
    pub member_id: i64,
    pub status: String,
    pub reason: String,
    /// 民主评议 only: `excellent` … `unqualified`, or empty.
    pub grade: String,
}

/// One resolution as the form sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct ResolutionForm {
    pub text: String,
    /// A vote was taken.
    pub vote: bool,
    /// The vote was an election.
    pub election: bool,
    pub votes_for: Option<i64>,
    pub votes_against: Option<i64>,
    pub votes_abstain: Option<i64>,
    /// The person voted on, for a vote on admission or on 转正: one
    /// resolution per candidate (docs/DOMAIN.md §3.3).
    pub candidate: String,
    /// 书面意见 of absent voting members, counted in the tally.
    pub written_for: Option<i64>,
    pub written_against: Option<i64>,
    pub written_abstain: Option<i64>,
}

/// The minutes form exactly as filled in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct MeetingForm {
    pub kind: String,
    pub date: String,
    /// 所属年度 of a 组织生活会 or 民主评议; None takes the default.
    pub for_year: Option<i32>,
    pub start_time: String,
    pub place: String,
    pub topic: String,
    pub host_id: Option<i64>,
    pub recorder_id: Option<i64>,
    pub group_id: Option<i64>,
    /// `attendance` in the CLI's JSON.
    #[serde(alias = "attendance")]
    pub attendees: Vec<AttendeeForm>,
    pub observers: String,
    pub minutes: String,
    pub agenda: Vec<AgendaItem>,
    pub resolutions: Vec<ResolutionForm>,
    /// The meeting's own 学时 ("1.5"); empty: the kind's (docs/DOMAIN.md §9.5).
    pub study_hours: String,
}

/// The 所属年度 a 组织生活会 or 民主评议 held on `date` belongs to unless
/// the secretary says otherwise: held in January–March, the year before
/// (docs/DOMAIN.md §3.1). None for other kinds.
pub fn default_for_year(kind: MeetingKind, date: chrono::NaiveDate) -> Option<i32> {
    use chrono::Datelike;
    kind.has_for_year().then(|| if date.month() <= 3 { date.year() - 1 } else { date.year() })
}

/// The 所属年度 a meeting of `kind` held on `date` may be given: the year it
/// was held in and the one before (docs/DOMAIN.md §3.1); none for other kinds.
pub fn for_year_choices(kind: MeetingKind, date: chrono::NaiveDate) -> Vec<i32> {
    use chrono::Datelike;
    if kind.has_for_year() {
        vec![date.year() - 1, date.year()]
    } else {
        Vec::new()
    }
}

/// How often each kind is due, and the 主题党日's fixed day (branch settings).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct MeetingSettings {
    pub frequencies: Vec<FrequencySetting>,
    /// e.g. 每月5日, or a lunar day such as 每月农历初一 (local practice).
    pub theme_day: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct FrequencySetting {
    pub kind: MeetingKind,
    pub kind_label: &'static str,
    pub frequency: Frequency,
}

#[derive(Clone, Debug, Default, serde::Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct FrequencyForm {
    pub kind: String,
    pub frequency: String,
}

#[derive(Clone, Debug, Default, serde::Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct MeetingSettingsForm {
    pub frequencies: Vec<FrequencyForm>,
    pub theme_day: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_assembly_committee_and_group_meeting_take_attendees_from_the_roster() {
        use MeetingKind::*;
        let from_roster: Vec<MeetingKind> =
            MeetingKind::ALL.iter().copied().filter(|k| k.attendees_from_roster()).collect();
        assert_eq!(from_roster, [Assembly, Committee, GroupMeeting]);
        for picked in [Lecture, ThemeDay, LifeMeeting, Review, Talk, Other] {
            assert!(!picked.attendees_from_roster(), "{picked:?}: attendees are picked by hand");
        }
    }

    #[test]
    fn a_talk_has_a_talker_and_people_talked_with_and_no_attendance() {
        use MeetingKind::*;
        assert_eq!((Talk.host_label(), Talk.attendees_label()), ("谈话人", "谈话对象"));
        assert_eq!(Talk.present_label(), "谈话对象");
        assert_eq!(Assembly.present_label(), "出席人员");
        assert!(!Talk.counts_attendance());
        for k in MeetingKind::ALL.iter().copied().filter(|k| *k != Talk) {
            assert_eq!((k.host_label(), k.attendees_label()), ("主持人", "参会人员"), "{k:?}");
            assert!(k.counts_attendance(), "{k:?}");
        }
    }

    #[test]
    fn a_january_review_belongs_to_the_year_before() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(default_for_year(MeetingKind::Review, d(2027, 1, 15)), Some(2026));
        assert_eq!(default_for_year(MeetingKind::LifeMeeting, d(2027, 3, 31)), Some(2026));
        assert_eq!(default_for_year(MeetingKind::LifeMeeting, d(2027, 4, 1)), Some(2027));
        assert_eq!(default_for_year(MeetingKind::Review, d(2026, 12, 20)), Some(2026));
        assert_eq!(default_for_year(MeetingKind::Assembly, d(2027, 1, 15)), None);
        assert_eq!(for_year_choices(MeetingKind::Review, d(2027, 1, 15)), [2026, 2027]);
        assert!(for_year_choices(MeetingKind::Assembly, d(2027, 1, 15)).is_empty());
    }
}
