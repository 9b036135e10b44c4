//! zhibu-core: every rule and all storage of one Party branch's records.
//!
//! This crate knows nothing of Tauri, IPC or the web page. The app crate
//! (`zhibu`) and its CLI call the same functions defined here.
//!
//! Folders by feature: [`members`] (党员档案), [`branch`] (支部信息),
//! [`store`] (open, pragmas, migrations, change log), [`demo`] (示例支部).
//! Shared building blocks: [`date`] (dates that may be known only to the
//! month), [`idcard`] (GB 11643 公民身份号码), [`text`] (cleaning typed
//! text), [`mask`] (ID and phone numbers masked for display), `coded.rs`
//! (the `coded_enum!` macro) and [`export`] (exported files).

pub mod archive;
pub mod branch;
pub mod care;
mod coded;
pub mod date;
pub mod demo;
pub mod drafts;
pub mod dues;
pub mod error;
pub mod export;
pub mod idcard;
pub mod import;
pub mod mask;
pub mod meetings;
pub mod members;
pub mod mobile;
pub mod notices;
pub mod points;
pub mod recruits;
pub mod reminders;
pub mod scratch;
pub mod service;
pub mod stick;
pub mod store;
pub mod study;
pub mod text;
mod ts;
pub mod workbook;

pub use date::PartialDate;
pub use error::{Code, Error, FieldErrors, Result};
pub use store::Store;
