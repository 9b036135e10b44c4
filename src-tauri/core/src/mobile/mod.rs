//! 流动党员 (docs/DOMAIN.md §9): the periods a member is away (外出) with
//! where, what work, the 流入地 Party organisation, the 流动党员活动证 and
//! the committee member keeping contact; the contacts kept with them; the
//! dues they paid where they live (`dues_elsewhere`, read by the ledger as
//! [`crate::dues::MonthState::Elsewhere`]); and the home screen's three
//! reminders (no contact for too long, 应转移组织关系, 返乡流动党员座谈).
//!
//! `model.rs` the records and forms, `rules.rs` the reminders' rules (no
//! database), `repo.rs` the database: every save is one transaction that
//! keeps the member file's `mobile` / `mobile_destination` true to the
//! periods through the members' own `update_from_in` (so the change log
//! says it too).

mod model;
mod repo;
pub mod rules;

pub use model::{
    AwayRow, Contact, ContactForm, ContactWay, DuesElsewhere, ElsewhereForm, MemberMobile, MobileList, Period,
    PeriodForm, Relation,
};
pub(crate) use repo::{check_elsewhere_attendance, elsewhere_months, mobile_reminders};
pub use rules::{MobileHomecomingItem, MobileNoContactItem, MobileTransferItem, DEFAULT_NO_CONTACT_DAYS};
