//! 志愿服务 and 为民办实事: who served, what was done, for whom
//! (docs/DOMAIN.md §9.5).

use crate::error::Result;
use rusqlite::Connection;
use std::collections::BTreeMap;

/// How many 志愿服务 and 为民办实事 records each member took part in during
/// `year` (member id → count), for the 积分 rule "志愿服务". Placeholder
/// until services are recorded.
#[allow(dead_code)] // used by points/ once merged
pub(crate) fn service_counts(_conn: &Connection, _year: i32) -> Result<BTreeMap<i64, u32>> {
    Ok(BTreeMap::new())
}
