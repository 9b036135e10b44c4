//! 党费: amounts by the 2008 rules, yearly assessments, collection,
//! arrears, remittance (docs/DOMAIN.md §2). Money is integer 分 throughout.

pub mod money;
pub mod rules;

pub use rules::{amount_from_text, monthly_amount, Amount, AmountError, AmountInput, DuesCategory, ROUNDINGS};
pub mod ledger;
pub mod month;

pub(crate) use ledger::{assess_in, record_payment_in, remit_in};
pub use ledger::{
    Arrears, Assessment, AssessmentForm, DuesBalance, DuesGrid, DuesSettings, DuesSettingsForm, GridCell, GridRow,
    MonthState, Payment, PaymentForm, Remittance, RemittanceForm,
};
pub use month::Month;
pub mod notice;
