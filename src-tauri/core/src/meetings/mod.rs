//! 组织生活: meeting records, attendance, quorum and the compliance calendar
//! (docs/DOMAIN.md §3).
//!
//! `model.rs` holds the kinds, the forms and the settings; `validate.rs`
//! checks a minutes form (no database); `rules.rs` the quorum and vote
//! rules; `repo.rs` stores and reads meetings; `calendar.rs` and `stats.rs`
//! the year's calendar and attendance.

pub mod calendar;
mod model;
mod repo;
pub mod rules;
mod stats;
mod validate;

pub use model::{
    default_for_year, for_year_choices, AgendaItem, Attendance, AttendeeForm, Frequency, FrequencyForm,
    FrequencySetting, Grade, MeetingForm, MeetingKind, MeetingSettings, MeetingSettingsForm, ResolutionForm,
};
pub(crate) use repo::{insert_meeting_in, meeting_in};
pub use repo::{MeetingCalendar, MeetingRecord, MeetingSummary, MissedMember, MonthRate, ResolutionRecord};
pub use rules::{Grading, QuorumReport};
pub use stats::{MemberAttendance, Person, TalkCoverage};
pub use validate::AttendeeRecord;
pub mod attachments;
