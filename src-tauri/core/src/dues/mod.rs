//! 党费: amounts by the 2008 rules, yearly assessments, collection,
//! arrears, remittance (docs/DOMAIN.md §2). Money is integer 分 throughout.
//!
//! `rules.rs` computes a monthly amount (2008 rules); `model.rs` holds the
//! ledger's data types, `ledger_rules.rs` which months are owed and in what
//! state, `repo.rs` the database, `batch.rs` 批量核定 (many members at once, through
//! the same check as one); `notice.rs` builds the dues 公示; `spending.rs`
//! 党费使用 (spending, money received back, the 慰问金 counted as spending).

mod batch;
mod ledger_rules;
pub(crate) use ledger_rules::LedgerScope;
mod model;
pub mod money;
pub mod month;
pub mod notice;
mod repo;
pub mod rules;
pub mod spending;
mod spending_files;

pub use model::{
    Arrears, Assessment, AssessmentForm, BatchAssessPreview, BatchAssessRow, DuesBalance, DuesGrid, DuesSettings,
    DuesSettingsForm, GridCell, GridRow, MonthState, Payment, PaymentForm, PaymentMonth, Remittance, RemittanceForm,
};
pub use month::Month;
pub(crate) use repo::{assess_in, dues_arrears, month_state_of, record_payment_in, record_payments_in, remit_in};
pub use rules::{amount_from_text, monthly_amount, Amount, AmountError, AmountInput, DuesCategory, ROUNDINGS};
pub use spending::{
    PeriodTotals, Received, ReceivedForm, Spending, SpendingForm, SpendingLine, SpendingSaved, SpendingYear,
};

/// The ledger's types by their former path (`dues::ledger::Payment` …);
/// they are defined in `model.rs` and re-exported above.
pub mod ledger {
    pub use super::model::{
        Arrears, Assessment, AssessmentForm, DuesBalance, DuesGrid, DuesSettings, DuesSettingsForm, GridCell, GridRow,
        MonthState, Payment, PaymentForm, PaymentMonth, Remittance, RemittanceForm,
    };
}
