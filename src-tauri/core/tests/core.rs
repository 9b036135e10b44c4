//! Integration tests of zhibu-core through its public API; one module per
//! feature folder of `src/`.

mod core {
    pub mod archive;
    pub mod backups;
    pub mod care;
    pub mod demo;
    pub mod dues;
    pub mod history;
    pub mod import;
    pub mod meetings;
    pub mod members;
    pub mod migrations_frozen;
    pub mod mobile;
    pub mod notices;
    pub mod points;
    pub mod recruit_papers;
    pub mod recruits;
    pub mod reminders;
    pub mod service;
    pub mod spending;
    pub mod stick;
    pub mod study;
    pub mod synthetic;
    pub mod workbook;
}

use chrono::NaiveDate;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

/// A valid ID number for a birth date `YYYYMMDD` and a 3-digit sequence.
pub fn id_for(birth: &str, seq: &str) -> String {
    let first17 = format!("410102{birth}{seq}");
    format!("{first17}{}", zhibu_core::idcard::check_char(first17.as_bytes()))
}
