//! 关怀帮扶: members in hardship (困难党员台账), visits and 慰问金
//! (走访慰问), the 元旦春节 and 七一 慰问名单 that build themselves, and
//! 送学上门 standing for a 主题党日 (docs/DOMAIN.md §9).
//!
//! - `model.rs` — categories, occasions, sources of money, the records and
//!   the forms as typed.
//! - `rules.rs` — no database: the seasons, the reasons a member is on a
//!   慰问名单, when a hardship case is due for review.
//! - `repo.rs` — the database: cases, visits (one transaction with the
//!   送学上门 attendance and the change log), settings, the lists.

mod model;
mod repo;
pub mod rules;

pub use model::*;
pub use rules::{Season, SeasonKind};
