//! 学时: each member's hours of study in a year, counted from the meetings
//! already recorded, training records, hours taken elsewhere and online
//! (docs/DOMAIN.md §9.5).
//!
//! - `model.rs` — organisers, levels, the settings, records and forms.
//! - `rules.rs` — no database: hours as text, pro-rating, the pace and
//!   when the reminders start.
//! - `repo.rs` — the database: settings, trainings, hours elsewhere and
//!   online, the year and the reminders.

mod model;
mod repo;
pub mod rules;

pub use model::*;
pub use repo::study_year;
pub(crate) use repo::{meeting_credit, meeting_hours, read_study_settings, study_reminders};

use crate::error::Result;
use rusqlite::Connection;
use std::collections::BTreeMap;

/// Whether each member met the year's 学时 target (member id → met), for
/// the 积分 rule "学时达标" (docs/DOMAIN.md §9.5).
#[allow(dead_code)] // used by points/ once merged
pub(crate) fn targets_met(conn: &Connection, year: i32) -> Result<BTreeMap<i64, bool>> {
    repo::targets_met(conn, year)
}
