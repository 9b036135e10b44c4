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
pub(crate) use repo::read_care_settings;
pub use rules::{Season, SeasonKind};

use crate::dues::money::yuan;
use crate::notices::{Notice, NoticeTable};

/// The body of a 慰问金发放公示: the visits with money of `year` (of one
/// occasion when given), by day — names, occasion, yuan, source; never an
/// ID or phone number (the notice masks every text besides).
pub(crate) fn care_notice(n: &mut Notice, year: i32, occasion: Option<Occasion>, visits: &[CareVisit]) {
    let paid: Vec<&CareVisit> =
        visits.iter().filter(|v| v.amount_fen > 0 && occasion.is_none_or(|o| v.occasion == o)).collect();
    let total: i64 = paid.iter().map(|v| v.amount_fen).sum();
    let what = occasion.map_or(String::new(), |o| o.label().to_string());
    n.kind = "care".into();
    n.title = format!("{year}年{what}慰问金发放公示");
    n.lead = format!("现将{year}年{what}走访慰问党员慰问金发放情况公示如下：");
    n.table = Some(NoticeTable {
        headers: ["序号", "姓名", "慰问事由", "慰问金（元）", "资金来源"].map(String::from).to_vec(),
        widths: vec![6.0, 18.0, 12.0, 14.0, 16.0],
        rows: paid
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let who = if v.family_name.is_empty() {
                    v.name.clone()
                } else {
                    format!("{}（{}家属）", v.family_name, v.name)
                };
                vec![(i + 1).to_string(), who, v.occasion_label.clone(), yuan(v.amount_fen), v.source_label.clone()]
            })
            .collect(),
        amount_column: Some(3),
        total: Some(yuan(total)),
        empty_text: "这一期间没有发放慰问金".into(),
    });
    n.paragraphs = vec![format!("共慰问 {} 人次，发放慰问金合计 {} 元。", paid.len(), yuan(total))];
}
