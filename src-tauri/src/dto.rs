//! What the web page receives: the core's records shaped for the screens,
//! with labels in Chinese and ID/phone numbers masked where a list shows
//! them. Every value comes from a core function; nothing is computed here.

use chrono::NaiveDate;
use serde::Serialize;
use zhibu_core::branch::Branch;
use zhibu_core::members::{
    CommitteeRole, HistoryEntry, LostContactReason, Member, MemberFile, MemberKind, PoliticalBirthday, Status,
    StatusChange, Transfer, TransferDirection, EDUCATIONS, ETHNICITIES,
};
use zhibu_core::PartialDate;

fn iso(d: Option<PartialDate>) -> Option<String> {
    d.map(|d| d.to_iso())
}

#[derive(Serialize, ts_rs::TS)]
pub struct AppInfo {
    pub version: &'static str,
    pub data_dir: String,
    pub today: String,
    pub member_count: i64,
    pub branch: Branch,
    /// The data folder cannot be written: records can be looked at, not changed.
    pub read_only: bool,
    /// Where the log is (设置 shows it, so it can be handed to whoever helps).
    pub log_dir: String,
    /// The demo branch is here (the banner on every page), and whether
    /// 清除示例数据 is allowed (the core's judgement).
    pub demo: zhibu_core::demo::DemoState,
}

#[derive(Serialize, ts_rs::TS)]
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
}

#[derive(Serialize, ts_rs::TS)]
pub struct Choices {
    pub sexes: Vec<Choice>,
    pub kinds: Vec<Choice>,
    pub statuses: Vec<Choice>,
    pub committee_roles: Vec<Choice>,
    pub lost_contact_reasons: Vec<Choice>,
    pub transfer_directions: Vec<Choice>,
    pub ethnicities: &'static [&'static str],
    pub educations: &'static [&'static str],
}

macro_rules! choices_of {
    ($t:ty) => {
        <$t>::ALL.iter().map(|v| Choice { value: v.code(), label: v.label() }).collect()
    };
}

impl Choices {
    pub fn get() -> Choices {
        use zhibu_core::idcard::Sex;
        Choices {
            sexes: [Sex::Male, Sex::Female].iter().map(|s| Choice { value: s.code(), label: s.label() }).collect(),
            kinds: choices_of!(MemberKind),
            statuses: choices_of!(Status),
            committee_roles: choices_of!(CommitteeRole),
            lost_contact_reasons: choices_of!(LostContactReason),
            transfer_directions: choices_of!(TransferDirection),
            ethnicities: ETHNICITIES,
            educations: EDUCATIONS,
        }
    }
}

/// A roster line: numbers masked.
#[derive(Serialize, ts_rs::TS)]
pub struct MemberRow {
    pub id: i64,
    pub name: String,
    pub sex: &'static str,
    pub sex_label: &'static str,
    pub age: Option<i32>,
    pub kind: &'static str,
    pub kind_label: &'static str,
    pub group_name: Option<String>,
    pub committee_role_label: Option<&'static str>,
    pub admitted_on: Option<String>,
    pub standing_years: Option<i32>,
    pub id_number_masked: String,
    pub phone_masked: Option<String>,
    pub status: &'static str,
    pub status_label: &'static str,
    pub mobile: bool,
    pub lost_contact: bool,
    pub left_branch: bool,
}

impl MemberRow {
    pub fn new(m: &Member, today: NaiveDate) -> MemberRow {
        MemberRow {
            id: m.id,
            name: m.name.clone(),
            sex: m.sex.code(),
            sex_label: m.sex.label(),
            age: m.age(today),
            kind: m.kind.code(),
            kind_label: m.kind.label(),
            group_name: m.group_name.clone(),
            committee_role_label: m.committee_role.map(|r| r.label()),
            admitted_on: iso(m.admitted_on),
            standing_years: m.standing_years(today),
            id_number_masked: m.masked_id_number(),
            phone_masked: m.masked_phone(),
            status: m.status.code(),
            status_label: m.status.label(),
            mobile: m.mobile,
            lost_contact: m.lost_contact,
            left_branch: m.left_branch,
        }
    }
}

#[derive(Serialize, ts_rs::TS)]
pub struct StatusChangeView {
    pub status: &'static str,
    pub status_label: &'static str,
    pub date: String,
    pub reason: String,
    pub recorded_at: String,
}

#[derive(Serialize, ts_rs::TS)]
pub struct TransferView {
    pub id: i64,
    pub direction: &'static str,
    pub direction_label: &'static str,
    pub date: String,
    pub other_branch: String,
    pub letter_number: String,
    pub dues_paid_to: Option<String>,
    pub notes: String,
}

/// The detail page and the edit form: full numbers (the secretary's own
/// file), the masked ones beside them for the default view.
#[derive(Serialize, ts_rs::TS)]
pub struct MemberDetail {
    pub id: i64,
    pub name: String,
    pub sex: &'static str,
    pub sex_label: &'static str,
    pub ethnicity: String,
    pub birth_date: String,
    pub id_number: String,
    pub id_number_masked: String,
    pub education: String,
    pub kind: &'static str,
    pub kind_label: &'static str,
    pub admitted_on: String,
    pub full_member_on: String,
    pub group_id: Option<i64>,
    pub group_name: String,
    pub committee_role: Option<&'static str>,
    pub committee_role_label: Option<&'static str>,
    pub job: String,
    pub phone: String,
    pub phone_masked: Option<String>,
    pub address: String,
    pub mobile: bool,
    pub mobile_destination: String,
    pub lost_contact: bool,
    pub lost_contact_reason: Option<&'static str>,
    pub lost_contact_reason_label: Option<&'static str>,
    pub notes: String,
    pub status: &'static str,
    pub status_label: &'static str,
    pub status_date: Option<String>,
    pub status_reason: String,
    pub age: Option<i32>,
    pub standing_years: Option<i32>,
    pub next_political_birthday: Option<PoliticalBirthday>,
    pub left_branch: bool,
    pub deleted: bool,
    pub history: Vec<HistoryEntry>,
    pub status_history: Vec<StatusChangeView>,
    pub transfers: Vec<TransferView>,
    /// 九大/十大党章期间入党，无预备期 and the like.
    pub era_note: Option<&'static str>,
    pub full_member_reason: String,
    pub probation_end: Option<String>,
    pub probation_end_text: Option<String>,
    pub probation_extension: Option<ProbationExtensionView>,
    pub can_extend_probation: bool,
    pub lost_contact_since: Option<String>,
}

#[derive(Serialize, ts_rs::TS)]
pub struct ProbationExtensionView {
    pub months: u32,
    pub decided_on: String,
    pub approval: String,
}

impl MemberDetail {
    pub fn new(f: MemberFile, today: NaiveDate) -> MemberDetail {
        let m = f.member;
        let probationary = m.kind == zhibu_core::members::MemberKind::Probationary;
        let probation_end = m.probation_end().filter(|_| probationary);
        MemberDetail {
            era_note: m.era_note(),
            full_member_reason: m.full_member_reason.clone(),
            probation_end: iso(probation_end),
            probation_end_text: probation_end.map(|d| d.to_chinese()),
            can_extend_probation: probationary && m.probation_extension.is_none() && m.on_roster(),
            probation_extension: m.probation_extension.as_ref().map(|e| ProbationExtensionView {
                months: e.months,
                decided_on: e.decided_on.to_iso(),
                approval: e.approval.clone(),
            }),
            lost_contact_since: iso(m.lost_contact_since),
            id: m.id,
            sex: m.sex.code(),
            sex_label: m.sex.label(),
            ethnicity: m.ethnicity.clone(),
            birth_date: m.birth_date.to_iso(),
            id_number_masked: m.masked_id_number(),
            education: m.education.clone(),
            kind: m.kind.code(),
            kind_label: m.kind.label(),
            admitted_on: iso(m.admitted_on).unwrap_or_default(),
            full_member_on: iso(m.full_member_on).unwrap_or_default(),
            group_id: m.group_id,
            group_name: m.group_name.clone().unwrap_or_default(),
            committee_role: m.committee_role.map(|r| r.code()),
            committee_role_label: m.committee_role.map(|r| r.label()),
            phone_masked: m.masked_phone(),
            lost_contact_reason: m.lost_contact_reason.map(|r| r.code()),
            lost_contact_reason_label: m.lost_contact_reason.map(|r| r.label()),
            status: m.status.code(),
            status_label: m.status.label(),
            status_date: iso(m.status_date),
            age: m.age(today),
            standing_years: m.standing_years(today),
            next_political_birthday: m.next_political_birthday(today),
            left_branch: m.left_branch,
            deleted: m.deleted,
            history: f.history,
            status_history: f.status_history.into_iter().map(status_change).collect(),
            transfers: f.transfers.into_iter().map(transfer).collect(),
            name: m.name,
            id_number: m.id_number,
            job: m.job,
            phone: m.phone,
            address: m.address,
            mobile: m.mobile,
            mobile_destination: m.mobile_destination,
            lost_contact: m.lost_contact,
            notes: m.notes,
            status_reason: m.status_reason,
        }
    }
}

fn status_change(s: StatusChange) -> StatusChangeView {
    StatusChangeView {
        status: s.status.code(),
        status_label: s.status.label(),
        date: s.date.to_iso(),
        reason: s.reason,
        recorded_at: s.recorded_at,
    }
}

fn transfer(t: Transfer) -> TransferView {
    TransferView {
        id: t.id,
        direction: t.direction.code(),
        direction_label: t.direction.label(),
        date: t.date.to_iso(),
        other_branch: t.other_branch,
        letter_number: t.letter_number,
        dues_paid_to: iso(t.dues_paid_to),
        notes: t.notes,
    }
}

// ---- 组织生活 ----

use zhibu_core::meetings::attachments::Attachment;
use zhibu_core::meetings::{
    AgendaItem, Attendance, Frequency, Grade, MeetingCalendar, MeetingKind, MeetingRecord, MeetingSummary, QuorumReport,
};

/// A meeting kind with what the form needs to know of it.
#[derive(Serialize, ts_rs::TS)]
pub struct MeetingKindChoice {
    pub value: &'static str,
    pub label: &'static str,
    /// Who attends comes from the roster (everyone, the committee, one
    /// group); the list is not picked by hand ([`MeetingKind::attendees_from_roster`]).
    pub attendees_from_roster: bool,
    /// The record names the year it belongs to (所属年度: 组织生活会,
    /// 民主评议), asked for on the form ([`MeetingKind::has_for_year`]).
    pub has_for_year: bool,
    /// 主持人, or 谈话人 at a 谈心谈话 ([`MeetingKind::host_label`]).
    pub host_label: &'static str,
    /// 参会人员, or 谈话对象 at a 谈心谈话 ([`MeetingKind::attendees_label`]).
    pub attendees_label: &'static str,
    /// 应到/实到/出席率 and each one's 出席情况 are asked and shown
    /// ([`MeetingKind::counts_attendance`]); not at a 谈心谈话.
    pub counts_attendance: bool,
}

#[derive(Serialize, ts_rs::TS)]
pub struct MeetingChoices {
    pub kinds: Vec<MeetingKindChoice>,
    pub attendance_statuses: Vec<Choice>,
    pub grades: Vec<Choice>,
    pub frequencies: Vec<Choice>,
}

impl MeetingChoices {
    pub fn get() -> MeetingChoices {
        MeetingChoices {
            kinds: MeetingKind::ALL
                .iter()
                .map(|k| MeetingKindChoice {
                    value: k.code(),
                    label: k.label(),
                    attendees_from_roster: k.attendees_from_roster(),
                    has_for_year: k.has_for_year(),
                    host_label: k.host_label(),
                    attendees_label: k.attendees_label(),
                    counts_attendance: k.counts_attendance(),
                })
                .collect(),
            attendance_statuses: choices_of!(Attendance),
            grades: choices_of!(Grade),
            frequencies: choices_of!(Frequency),
        }
    }
}

#[derive(Serialize, ts_rs::TS)]
pub struct MeetingRow {
    pub id: i64,
    pub kind: &'static str,
    pub kind_label: &'static str,
    pub date: String,
    pub start_time: String,
    pub place: String,
    pub topic: String,
    pub host_name: Option<String>,
    pub should_attend: usize,
    pub present: usize,
    pub on_leave: usize,
    pub absent: usize,
    pub attendance_rate: String,
    pub quorum_ok: Option<bool>,
    /// False for a 谈心谈话: its 应到/实到/出席率 mean nothing and show as —.
    pub counts_attendance: bool,
}

impl From<MeetingSummary> for MeetingRow {
    fn from(m: MeetingSummary) -> Self {
        MeetingRow {
            id: m.id,
            kind: m.kind.code(),
            kind_label: m.kind.label(),
            date: m.date.to_string(),
            start_time: m.start_time,
            place: m.place,
            topic: m.topic,
            host_name: m.host_name,
            should_attend: m.should_attend,
            present: m.present,
            on_leave: m.on_leave,
            absent: m.absent,
            attendance_rate: m.attendance_rate,
            quorum_ok: m.quorum_ok,
            counts_attendance: m.kind.counts_attendance(),
        }
    }
}

#[derive(Serialize, ts_rs::TS)]
pub struct AttendeeView {
    pub member_id: i64,
    pub name: String,
    pub member_kind_label: &'static str,
    pub voting: bool,
    pub status: &'static str,
    pub status_label: &'static str,
    pub reason: String,
    pub grade: Option<&'static str>,
    pub grade_label: Option<&'static str>,
}

#[derive(Serialize, ts_rs::TS)]
pub struct MeetingDetail {
    pub id: i64,
    pub kind: &'static str,
    pub kind_label: &'static str,
    /// 主持人, or 谈话人 at a 谈心谈话.
    pub host_label: &'static str,
    /// 出席人员 on the record, or 谈话对象 at a 谈心谈话.
    pub attendees_label: &'static str,
    /// 应到/实到/请假/缺席 are shown (not for a 谈心谈话).
    pub counts_attendance: bool,
    pub date: String,
    /// 所属年度 of a 组织生活会 or 民主评议.
    pub for_year: Option<i32>,
    pub start_time: String,
    pub place: String,
    pub topic: String,
    pub host_id: Option<i64>,
    pub host_name: Option<String>,
    pub recorder_id: Option<i64>,
    pub recorder_name: Option<String>,
    pub group_id: Option<i64>,
    pub group_name: Option<String>,
    pub attendees: Vec<AttendeeView>,
    pub observers: String,
    pub minutes: String,
    pub agenda: Vec<AgendaItem>,
    pub resolutions: Vec<zhibu_core::meetings::ResolutionRecord>,
    pub quorum: QuorumReport,
    pub attachments: Vec<Attachment>,
    pub history: Vec<HistoryEntry>,
    /// The meeting's own 学时 as typed ("1.5"); empty: its kind's (docs/DOMAIN.md §9.5).
    pub study_hours: String,
    /// The 学时 each member marked 出席 gets ("2.0").
    pub study_credit: String,
    /// "出席的12名党员各计入2.0学时", or empty.
    pub study_note: String,
}

impl MeetingDetail {
    pub fn new(m: MeetingRecord, attachments: Vec<Attachment>, history: Vec<HistoryEntry>) -> MeetingDetail {
        use zhibu_core::study::rules::hours_text;
        let study_hours = m.study_tenths.map(hours_text).unwrap_or_default();
        let (study_credit, study_note) = (hours_text(m.study_credit), m.study_note.clone());
        MeetingDetail {
            id: m.id,
            kind: m.kind.code(),
            kind_label: m.kind.label(),
            host_label: m.kind.host_label(),
            attendees_label: m.kind.present_label(),
            counts_attendance: m.kind.counts_attendance(),
            date: m.date.to_string(),
            for_year: m.for_year,
            start_time: m.start_time,
            place: m.place,
            topic: m.topic,
            host_id: m.host_id,
            host_name: m.host_name,
            recorder_id: m.recorder_id,
            recorder_name: m.recorder_name,
            group_id: m.group_id,
            group_name: m.group_name,
            attendees: m
                .attendees
                .into_iter()
                .map(|a| AttendeeView {
                    member_id: a.member_id,
                    name: a.name,
                    member_kind_label: a.member_kind.label(),
                    voting: a.voting,
                    status: a.status.code(),
                    status_label: a.status.label(),
                    reason: a.reason,
                    grade: a.grade.map(|g| g.code()),
                    grade_label: a.grade.map(|g| g.label()),
                })
                .collect(),
            observers: m.observers,
            minutes: m.minutes,
            agenda: m.agenda,
            resolutions: m.resolutions,
            quorum: m.quorum,
            attachments,
            history,
            study_hours,
            study_credit,
            study_note,
        }
    }
}

/// The calendar goes to the page as the core makes it; its kinds are sent
/// as codes with their labels beside them.
pub type Calendar = MeetingCalendar;

// ---- Shapes the commands take and give that carry no conversion ----

use crate::error::ApiError;
use serde::Deserialize;
use zhibu_core::archive::ArchiveDone;
use zhibu_core::dues::Assessment;
use zhibu_core::notices::{NoticeTerms, PartyDayForm};
use zhibu_core::store::backups::{BackupFile, StartCheck};

#[derive(Deserialize, ts_rs::TS)]
pub struct MeetingQuery {
    pub year: i32,
    #[serde(default)]
    pub kind: Option<String>,
}

/// A new meeting's draft with the check of it as drafted, so the form shows
/// its counts without asking again; any change is checked as it is made.
#[derive(serde::Serialize, ts_rs::TS)]
pub struct MeetingDraft {
    #[serde(flatten)]
    pub form: zhibu_core::meetings::MeetingForm,
    pub quorum: zhibu_core::meetings::QuorumReport,
}

#[derive(serde::Serialize, Default, ts_rs::TS)]
pub struct ForYear {
    pub default_year: Option<i32>,
    pub choices: Vec<i32>,
}

#[derive(serde::Serialize, ts_rs::TS)]
pub struct DuesCategoryChoice {
    pub value: &'static str,
    pub label: &'static str,
    /// The form asks for a monthly base (wage or pension).
    pub needs_base: bool,
    /// The form asks for an approved amount (hardship).
    pub needs_fixed: bool,
}

#[derive(serde::Serialize, ts_rs::TS)]
pub struct DuesChoices {
    pub categories: Vec<DuesCategoryChoice>,
    pub roundings: Vec<RoundingChoice>,
}

#[derive(serde::Serialize, ts_rs::TS)]
pub struct RoundingChoice {
    pub value: String,
    pub label: &'static str,
}

#[derive(serde::Serialize, ts_rs::TS)]
pub struct AssessResult {
    pub assessment: Assessment,
    pub warnings: Vec<String>,
}

#[derive(serde::Deserialize, ts_rs::TS)]
pub struct ReminderSettingsForm {
    pub birthday_days: i64,
    pub term_years: i32,
}

#[derive(serde::Serialize, ts_rs::TS)]
pub struct NoticeDrafts {
    pub terms: NoticeTerms,
    pub party_day: PartyDayForm,
    /// The 主题党日活动预告's 张贴期: from today until the activity day.
    pub party_day_terms: NoticeTerms,
}

#[derive(serde::Serialize, ts_rs::TS)]
pub struct ArchiveStatus {
    pub running: bool,
    pub written: u64,
    pub total: u64,
    pub done: Option<ArchiveDone>,
    pub error: Option<ApiError>,
}

#[derive(serde::Serialize, ts_rs::TS)]
pub struct BackupList {
    pub backups: Vec<BackupFile>,
    /// Set when the database was found damaged at start and moved aside.
    pub start_check: Option<StartCheck>,
}

// ---- What the command line prints that no command gives ----

use zhibu_core::demo::DemoLoaded;
use zhibu_core::idcard::IdInfo;

/// `zhibu demo load --json`: what `demo_load` gives, with `loaded: true`;
/// or, when `--if-empty` found members already, `loaded: false` and how
/// many there are.
#[derive(Serialize)]
pub struct DemoLoad {
    pub loaded: bool,
    #[serde(flatten)]
    pub demo: Option<DemoLoaded>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub members: Option<i64>,
}

/// A valid 公民身份号码's 出生日期 and 性别 (a `Sex` code), for the member form.
#[derive(Serialize, ts_rs::TS)]
pub struct IdReading {
    pub birth_date: chrono::NaiveDate,
    pub sex: &'static str,
}

/// `zhibu id check --json`: the core's reading of a valid number, or the
/// error's code and message.
#[derive(Serialize)]
pub struct IdCheck {
    pub valid: bool,
    #[serde(flatten)]
    pub info: Option<IdInfo>,
    pub error: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// The 发展党员 pages' choices, as the core names them: 来源, 终止原因 and
/// the documents of the checklist (with the stage each belongs to).
#[derive(Serialize, ts_rs::TS)]
pub struct RecruitChoices {
    pub sources: Vec<Choice>,
    pub stop_reasons: Vec<Choice>,
    pub doc_kinds: Vec<DocChoice>,
    /// The five stages' names, stage 1 first.
    pub stages: Vec<&'static str>,
    /// The steps that decide something, with what each may decide in its words.
    pub outcomes: Vec<StepOutcomes>,
}

/// What step `step` may decide (合格/不合格 at 13, 按期转正 … at 23).
#[derive(Serialize, ts_rs::TS)]
pub struct StepOutcomes {
    pub step: u8,
    pub choices: Vec<Choice>,
}

/// A document of the 材料清单 and its stage (1–5).
#[derive(Serialize, ts_rs::TS)]
pub struct DocChoice {
    pub value: &'static str,
    pub label: &'static str,
    pub stage: u8,
}

impl RecruitChoices {
    pub fn get() -> RecruitChoices {
        use zhibu_core::recruits::{rules::outcomes_of, DocKind, Source, StopReason, STAGE_NAMES};
        RecruitChoices {
            sources: choices_of!(Source),
            stop_reasons: choices_of!(StopReason),
            doc_kinds: DocKind::ALL
                .iter()
                .map(|d| DocChoice { value: d.code(), label: d.label(), stage: d.stage() })
                .collect(),
            stages: STAGE_NAMES.to_vec(),
            outcomes: (1..=25u8)
                .filter(|n| !outcomes_of(*n).is_empty())
                .map(|step| StepOutcomes {
                    step,
                    choices: outcomes_of(step)
                        .iter()
                        .map(|o| Choice { value: o.code(), label: o.label(step) })
                        .collect(),
                })
                .collect(),
        }
    }
}

// ---------- 流动党员 ----------

/// The 流动党员 dialogs' choices: the relation and the ways of contact.
#[derive(Serialize, ts_rs::TS)]
pub struct MobileChoices {
    pub relations: Vec<Choice>,
    pub ways: Vec<Choice>,
}

impl MobileChoices {
    pub fn get() -> MobileChoices {
        use zhibu_core::mobile::{ContactWay, Relation};
        MobileChoices { relations: choices_of!(Relation), ways: choices_of!(ContactWay) }
    }
}
