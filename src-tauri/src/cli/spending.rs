//! `zhibu dues spend|received|spending`: 党费使用 (docs/DOMAIN.md §9), over
//! the same core functions as the 党费使用 page.

use super::{say_json, DuesAction};
use chrono::NaiveDate;
use zhibu_core::dues::money::yuan;
use zhibu_core::dues::{ReceivedForm, SpendingForm};
use zhibu_core::{Error, PartialDate, Store};

pub(super) fn run_spending(
    store: &mut Store,
    action: DuesAction,
    today: NaiveDate,
    as_json: bool,
) -> Result<(), Error> {
    match action {
        DuesAction::Spend { date, amount, purpose, approval, receipt, note } => {
            let form = SpendingForm { spent_on: date, purpose, amount, approval, receipt_no: receipt, note };
            let saved = store.record_spending(&form, today)?;
            // Saved all the same: the warning goes to stderr, the answer stays `{"id": N}`.
            if let Some(w) = &saved.warning {
                eprintln!("提示：{w}");
            }
            if as_json {
                say_json(&serde_json::json!({ "id": saved.spending.id }));
            } else {
                say!(
                    "已记录支出：{} {} 元（编号 {}），可用结余 {} 元",
                    saved.spending.purpose,
                    yuan(saved.spending.amount_fen),
                    saved.spending.id,
                    yuan(saved.balance.available_fen)
                );
            }
        }
        DuesAction::Received { date, amount, from, note } => {
            let form = ReceivedForm { received_on: date, amount, from_org: from, note };
            let r = store.record_received(&form, today)?;
            if as_json {
                say_json(&serde_json::json!({ "id": r.id }));
            } else {
                say!("已记录下拨：{} 元（编号 {}）", yuan(r.amount_fen), r.id);
            }
        }
        DuesAction::Spending { year } => {
            let y = store.spending_year(year)?;
            if as_json {
                say_json(&y);
            } else {
                say!("{year}年党费使用明细：");
                for l in &y.lines {
                    say!("{}\t{}\t{} 元", PartialDate::Day(l.date).to_chinese(), l.purpose, yuan(l.amount_fen));
                }
                if y.lines.is_empty() {
                    say!("（本年度无支出）");
                }
                let t = &y.totals;
                say!(
                    "本年收缴 {} 元，上缴 {} 元，下拨 {} 元，使用 {} 元，结余 {} 元",
                    yuan(t.collected_fen),
                    yuan(t.remitted_fen),
                    yuan(t.received_fen),
                    yuan(t.spent_fen),
                    yuan(t.balance_fen)
                );
                say!("可用结余（历年累计）{} 元", yuan(y.balance.available_fen));
            }
        }
        _ => unreachable!("only the 党费使用 actions come here"),
    }
    Ok(())
}
