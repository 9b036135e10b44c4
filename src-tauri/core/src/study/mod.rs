//! 学时: each member's hours of study in a year, counted from the meetings
//! already recorded, training records, hours taken elsewhere and online
//! (docs/DOMAIN.md §9.5).

use crate::error::Result;
use rusqlite::Connection;
use std::collections::BTreeMap;

/// Whether each member met the year's 学时 target (member id → met), for
/// the 积分 rule "学时达标". Placeholder until the hours are counted.
#[allow(dead_code)] // used by points/ once merged
pub(crate) fn targets_met(_conn: &Connection, _year: i32) -> Result<BTreeMap<i64, bool>> {
    Ok(BTreeMap::new())
}
