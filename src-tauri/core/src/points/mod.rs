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

use crate::notices::{Notice, NoticeTable};

/// The body of a 积分公示 (docs/DOMAIN.md §9.5): each member's yearly total
/// and 星级, highest first — names only, never an ID or phone number (the
/// notice masks every text besides).
pub(crate) fn points_notice(n: &mut Notice, y: &PointsYear) {
    let mut rows: Vec<&MemberPoints> = y.members.iter().collect();
    rows.sort_by(|a, b| b.total_tenths.cmp(&a.total_tenths).then(a.name.cmp(&b.name)));
    n.kind = "points".into();
    n.title = format!("{}年度党员积分公示", y.year);
    n.lead = format!("根据《{}》，现将{}年度党员积分和星级评定情况公示如下：", y.rules_name, y.year);
    n.table = Some(NoticeTable {
        headers: ["序号", "姓名", "积分", "星级"].map(String::from).to_vec(),
        widths: vec![8.0, 20.0, 14.0, 18.0],
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, m)| vec![(i + 1).to_string(), m.name.clone(), m.total.clone(), "★".repeat(m.stars as usize)])
            .collect(),
        amount_column: None,
        total: None,
        empty_text: "这一年没有在册党员".into(),
    });
    n.paragraphs = vec![format!("共 {} 名党员。对积分有疑问的，请在公示期内向支部反映。", rows.len())];
}
