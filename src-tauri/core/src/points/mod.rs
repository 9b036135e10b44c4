//! 积分 and 星级党员: the branch's rule set as data, each point traced to the
//! record that produced it (docs/DOMAIN.md §9.5).
//!
//! - `model.rs` — rule sets, versions, a member's year, entered points.
//! - `rules.rs` — no database: the rule file format and its checks, tenths,
//!   caps, 倒扣分 and star bands.
//! - `repo.rs` — the database: versions (the totals under a replaced version
//!   kept in `points_history`), entered points, the year's computation.
//! - `example.json` — the shipped 示例 rule set, off until turned on.

mod model;
mod repo;
pub mod rules;

pub use model::*;
pub use rules::{format_tenths, parse_tenths};
