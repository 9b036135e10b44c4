//! Reminders for 10,000 members: the one pass over the members, and the
//! whole `Store::reminders` (reading the database included).
//!
//! Run: `cargo bench -p zhibu-core --bench reminders`. Prints median and
//! 95th percentile; the figures go into docs/PERFORMANCE.md.

use chrono::NaiveDate;
use std::collections::HashMap;
use std::time::{Duration, Instant};
use zhibu_core::idcard::Sex;
use zhibu_core::members::{Member, MemberKind, Status};
use zhibu_core::reminders::{member_reminders, ReminderSettings, Snapshot};
use zhibu_core::PartialDate;

#[path = "smoke.rs"]
mod smoke;

fn member(i: usize) -> Member {
    let admitted = NaiveDate::from_ymd_opt(1960 + (i % 65) as i32, 1 + (i % 12) as u32, 1 + (i % 28) as u32).unwrap();
    let probationary = i % 40 == 0;
    Member {
        id: i as i64 + 1,
        name: format!("党员{i}"),
        sex: if i % 2 == 0 { Sex::Male } else { Sex::Female },
        ethnicity: "汉族".into(),
        birth_date: PartialDate::Day(NaiveDate::from_ymd_opt(1930 + (i % 70) as i32, 1, 1).unwrap()),
        id_number: String::new(),
        education: String::new(),
        kind: if probationary { MemberKind::Probationary } else { MemberKind::Full },
        admitted_on: Some(if i % 9 == 0 {
            PartialDate::Month { year: admitted.format("%Y").to_string().parse().unwrap(), month: 1 + (i % 12) as u32 }
        } else {
            PartialDate::Day(admitted)
        }),
        full_member_on: (!probationary).then(|| PartialDate::Day(admitted + chrono::Duration::days(366))),
        group_id: None,
        group_name: None,
        committee_role: None,
        job: String::new(),
        phone: String::new(),
        address: String::new(),
        status: Status::Normal,
        status_date: None,
        status_reason: String::new(),
        mobile: false,
        mobile_destination: String::new(),
        lost_contact: false,
        lost_contact_reason: None,
        notes: String::new(),
        full_member_reason: String::new(),
        probation_extension: None,
        lost_contact_since: None,
        left_branch: false,
        deleted: false,
    }
}

/// Median and 95th percentile, and the fastest: this machine's speed moves
/// by a third between minutes, and the fastest pass tells two builds apart
/// when the medians of back-to-back runs overlap.
fn stats(mut samples: Vec<Duration>) -> (Duration, Duration, Duration) {
    samples.sort();
    (samples[samples.len() / 2], samples[samples.len() * 95 / 100], samples[0])
}

fn main() {
    let n = smoke::size(10_000, 200);
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let members: Vec<Member> = (0..n).map(member).collect();
    let last_attended: HashMap<i64, NaiveDate> =
        members.iter().filter(|m| m.id % 3 != 0).map(|m| (m.id, today - chrono::Duration::days(m.id % 400))).collect();
    let last_paid: HashMap<i64, NaiveDate> =
        members.iter().filter(|m| m.id % 5 != 0).map(|m| (m.id, today - chrono::Duration::days(m.id % 300))).collect();
    let snapshot = Snapshot {
        members: &members,
        last_attended: &last_attended,
        last_paid: &last_paid,
        term_start: Some(PartialDate::parse("2021-10-15").unwrap()),
        records_from: Some(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()),
        settings: ReminderSettings::default(),
    };
    // Warm up, then measure.
    let mut found = 0;
    for _ in 0..smoke::size(20, 1) {
        found = std::hint::black_box(member_reminders(&snapshot, today)).political_birthdays.len();
    }
    let samples: Vec<Duration> = (0..smoke::size(200, 2))
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(member_reminders(&snapshot, today));
            t.elapsed()
        })
        .collect();
    let (median, p95, min) = stats(samples);
    println!(
        "member_reminders, {n} members: median {median:?}, p95 {p95:?}, min {min:?} ({found} political birthdays in 30 days)"
    );

    // The whole path the home screen takes: read members, meetings and dues
    // from SQLite, then compute. In memory, so the disk is not measured.
    let mut store = zhibu_core::Store::open_in_memory().unwrap();
    let load = Instant::now();
    for i in 0..n {
        let first17 = format!("410102{}{:03}", 19300101 + (i / 900) * 10000, i % 900 + 100);
        let id = format!("{first17}{}", zhibu_core::idcard::check_char(first17.as_bytes()));
        let form = zhibu_core::members::MemberForm {
            name: format!("党员{i}"),
            id_number: id,
            kind: "full".into(),
            admitted_on: format!("{}-{:02}-{:02}", 1960 + i % 60, 1 + i % 12, 1 + i % 28),
            full_member_on: format!("{}-{:02}-{:02}", 1961 + i % 60, 1 + i % 12, 1 + i % 28),
            ..Default::default()
        };
        store.create_member(&form, today).unwrap();
    }
    let loaded = load.elapsed();
    let samples: Vec<Duration> = (0..smoke::size(20, 2))
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(store.reminders(today).unwrap());
            t.elapsed()
        })
        .collect();
    let (median, p95, min) = stats(samples);
    println!(
        "Store::reminders, {n} members in SQLite: median {median:?}, p95 {p95:?}, min {min:?} (inserting them took {loaded:?})"
    );

    // The home screen of the largest real branch: five years of every ledger.
    let size = zhibu_core::demo::SyntheticSize { members: smoke::size(500, 40), years: smoke::size(5, 1) as u32 };
    let mut big = zhibu_core::Store::open_in_memory().unwrap();
    big.load_synthetic(size, today).unwrap();
    let samples: Vec<Duration> = (0..smoke::size(50, 2))
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(big.reminders(today).unwrap());
            t.elapsed()
        })
        .collect();
    let (median, p95, min) = stats(samples);
    println!(
        "Store::reminders, synthetic branch of {} members × {} years: median {median:?}, p95 {p95:?}, min {min:?}",
        size.members, size.years
    );
}
