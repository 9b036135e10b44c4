//! 组织生活: meeting records, attendance, quorum and the compliance calendar
//! (docs/DOMAIN.md §3).

pub mod calendar;
mod model;
mod repo;
pub mod rules;
mod stats;

pub use model::{
    default_for_year, for_year_choices, AgendaItem, Attendance, AttendeeForm, Frequency, Grade, MeetingForm,
    MeetingKind, ResolutionForm,
};
pub(crate) use repo::insert_meeting_in;
pub use repo::{
    AttendeeRecord, FrequencyForm, FrequencySetting, MeetingCalendar, MeetingRecord, MeetingSettings,
    MeetingSettingsForm, MeetingSummary, MissedMember, MonthRate, ResolutionRecord,
};
pub use rules::{Grading, QuorumReport};
pub use stats::{MemberAttendance, Person, TalkCoverage};
pub mod attachments;
