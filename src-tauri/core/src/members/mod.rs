//! 党员档案: the member files, their checks, status changes, transfers,
//! search and history.

pub mod committee;
pub mod era;
mod model;
mod repo;
pub mod search;
mod standing;
pub mod timeline;
mod validate;

pub use crate::mask::mask_phone;
pub use crate::store::changelog::HistoryEntry;
pub use crate::text::{clean, clean_name, clean_phone};
pub use model::{
    next_anniversary, CommitteeRole, LostContactReason, Member, MemberKind, PoliticalBirthday, ProbationExtension,
    Status, TransferDirection, EDUCATIONS, ETHNICITIES,
};
pub(crate) use repo::{field_label as repo_field_label, insert_checked_in, load_in, update_checked_in, update_from_in};
pub use repo::{Group, MemberFile, MemberQuery};
pub(crate) use standing::{add_transfer_in, change_status_in, extend_probation_in};
pub use standing::{ExtensionForm, StatusChange, StatusForm, Transfer, TransferForm};
pub(crate) use validate::check_person;
pub use validate::{check_form, check_form_with, CheckedMember, GroupChoice, MemberForm};
