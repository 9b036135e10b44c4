//! The year workbook for a synthetic branch of 500 members, 300 meetings
//! and 12 months of dues, against two references writing the same cells:
//!
//! - the floor: rust_xlsxwriter writing every cell of our workbook (read
//!   back with calamine) with one format and no domain logic;
//! - Python XlsxWriter (`year_workbook.py` beside this file) writing the
//!   same cells, when `python3 -c "import xlsxwriter"` works
//!   (`pip install xlsxwriter`).
//!
//! Run: `cargo bench -p zhibu-core --bench year_workbook`. Prints medians;
//! the figures go into docs/PERFORMANCE.md.

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use rust_xlsxwriter::{Format, FormatBorder, Workbook};
use std::io::Cursor;
use std::time::{Duration, Instant};
use zhibu_core::dues::AssessmentForm;
use zhibu_core::meetings::{AttendeeForm, MeetingForm};
use zhibu_core::members::MemberForm;
use zhibu_core::Store;

#[path = "smoke.rs"]
mod smoke;

fn members() -> usize {
    smoke::size(500, 30)
}
fn meetings() -> usize {
    smoke::size(300, 24)
}
fn runs() -> usize {
    smoke::size(31, 2)
}

fn id_for(birth: &str, seq: usize) -> String {
    let first17 = format!("410102{birth}{seq:03}");
    format!("{first17}{}", zhibu_core::idcard::check_char(first17.as_bytes()))
}

fn branch(today: NaiveDate) -> Store {
    let mut s = Store::open_in_memory().unwrap();
    let form = zhibu_core::branch::BranchForm {
        name: "中共某某镇某某村总支部委员会".into(),
        secretary: "张书记".into(),
        ..Default::default()
    };
    s.save_branch(&form, today).unwrap();
    let mut ids = Vec::new();
    for i in 0..members() {
        let year = 1940 + (i % 60);
        let birth = format!("{year}{:02}{:02}", 1 + i % 12, 1 + i % 28);
        let sex = if (i / 1000) % 2 == 0 { "male" } else { "female" };
        let seq = (i % 1000) | 1; // odd: male
        let form = MemberForm {
            name: format!("党员{i:03}"),
            sex: sex.into(),
            ethnicity: "汉族".into(),
            birth_date: format!("{year}-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
            id_number: id_for(&birth, seq),
            education: "高中".into(),
            kind: "full".into(),
            admitted_on: format!("{}-{:02}-{:02}", year + 25, 1 + i % 12, 1 + i % 28),
            full_member_on: format!("{}-{:02}-{:02}", year + 26, 1 + i % 12, 1 + i % 28),
            group_name: format!("第{}党小组", 1 + i % 10),
            job: "村民".into(),
            phone: format!("139{:08}", 10_000_000 + i),
            ..Default::default()
        };
        ids.push(s.create_member(&form, today).unwrap_or_else(|e| panic!("member {i}: {e}")).id);
    }
    for &id in &ids {
        let form = AssessmentForm {
            member_id: id,
            from_month: "2026-01".into(),
            category: if id % 3 == 0 { "in_service".into() } else { "farmer".into() },
            base: if id % 3 == 0 { "3280.00".into() } else { String::new() },
            ..Default::default()
        };
        s.assess_dues(&form).unwrap();
    }
    for month in 1..=11u32 {
        let payers: Vec<i64> = ids.iter().copied().filter(|id| (id + month as i64) % 13 != 0).collect();
        s.collect_month(&payers, &format!("2026-{month:02}"), &format!("2026-{month:02}-05"), "李会计", today).unwrap();
    }
    let groups = s.groups().unwrap();
    let group = groups.iter().find(|g| g.name == "第1党小组").unwrap().id;
    let in_group: Vec<i64> = ids.iter().step_by(10).copied().collect();
    let kinds = ["theme_day", "committee", "group_meeting", "lecture", "assembly", "talk"];
    for i in 0..meetings() {
        let kind = kinds[i % kinds.len()];
        let date = NaiveDate::from_ymd_opt(2026, 1 + (i % 11) as u32, 1 + (i % 27) as u32).unwrap();
        let attendees: Vec<AttendeeForm> = match kind {
            "talk" => {
                vec![AttendeeForm { member_id: ids[i % members()], status: "present".into(), ..Default::default() }]
            }
            "committee" => ids[..7]
                .iter()
                .map(|&m| AttendeeForm { member_id: m, status: "present".into(), ..Default::default() })
                .collect(),
            "group_meeting" => in_group
                .iter()
                .map(|&m| AttendeeForm { member_id: m, status: "present".into(), ..Default::default() })
                .collect(),
            _ => ids
                .iter()
                .enumerate()
                .map(|(k, &m)| AttendeeForm {
                    member_id: m,
                    status: if k % 11 == 0 { "leave".into() } else { "present".into() },
                    reason: if k % 11 == 0 { "外出务工".into() } else { String::new() },
                    ..Default::default()
                })
                .collect(),
        };
        let form = MeetingForm {
            kind: kind.into(),
            date: date.to_string(),
            start_time: "09:00".into(),
            place: "村党群服务中心".into(),
            topic: format!("第{i}次会议：学习贯彻上级会议精神"),
            group_id: (kind == "group_meeting").then_some(group),
            attendees,
            minutes: "书记传达上级精神，党员交流发言，研究部署下一步工作。".repeat(3),
            ..Default::default()
        };
        s.create_meeting(&form, today).unwrap_or_else(|e| panic!("meeting {i}: {e}"));
    }
    s
}

/// Every non-empty cell of every sheet: (sheet, row, col, value).
type Cells = Vec<(String, Vec<(u32, u16, Data)>)>;

fn cells_of(bytes: &[u8]) -> Cells {
    let mut xlsx: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    xlsx.sheet_names()
        .into_iter()
        .map(|name| {
            let range = xlsx.worksheet_range(&name).unwrap();
            let cells = range.used_cells().map(|(r, c, v)| (r as u32, c as u16, v.clone())).collect();
            (name, cells)
        })
        .collect()
}

/// The floor: the same cells, one bordered 宋体 format, nothing else.
fn floor(cells: &Cells) -> Vec<u8> {
    let mut wb = Workbook::new();
    let fmt = Format::new().set_font_name("宋体").set_border(FormatBorder::Thin).set_text_wrap();
    for (name, sheet) in cells {
        let ws = wb.add_worksheet().set_name(name).unwrap();
        for (r, c, v) in sheet {
            match v {
                Data::Float(f) => ws.write_number_with_format(*r, *c, *f, &fmt).unwrap(),
                Data::Int(i) => ws.write_number_with_format(*r, *c, *i as f64, &fmt).unwrap(),
                other => ws.write_string_with_format(*r, *c, other.to_string(), &fmt).unwrap(),
            };
        }
    }
    wb.save_to_buffer().unwrap()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<T>(mut f: impl FnMut() -> T) -> Duration {
    let samples = (0..runs())
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    median(samples)
}

fn json_cells(cells: &Cells) -> String {
    let sheets: Vec<serde_json::Value> = cells
        .iter()
        .map(|(name, sheet)| {
            let rows: Vec<serde_json::Value> = sheet
                .iter()
                .map(|(r, c, v)| match v {
                    Data::Float(f) => serde_json::json!([r, c, f]),
                    Data::Int(i) => serde_json::json!([r, c, i]),
                    other => serde_json::json!([r, c, other.to_string()]),
                })
                .collect();
            serde_json::json!({ "name": name, "cells": rows })
        })
        .collect();
    serde_json::to_string(&sheets).unwrap()
}

/// The workbook of `year` against the floor and Python, one line each.
fn measure(label: &str, s: &Store, year: i32, today: NaiveDate) {
    if std::env::var("ZHIBU_BENCH_PARTS").is_ok() {
        // Where the time goes: the meeting records (SQLite) and each sheet alone.
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        eprintln!("Store::meetings(year) {:.1} ms", ms(time(|| s.meetings(year, None).unwrap())));
        eprintln!("Store::dues_grid(year) {:.1} ms", ms(time(|| s.dues_grid(year, today).unwrap())));
        for sheet in zhibu_core::workbook::SHEETS {
            eprintln!("{sheet} alone {:.1} ms", ms(time(|| s.sheet_workbook(sheet, year, today).unwrap())));
        }
    }
    let ours = s.year_workbook(year, today).unwrap();
    let cells = cells_of(&ours);
    let count: usize = cells.iter().map(|(_, c)| c.len()).sum();
    // Turn about, ours then the floor: this machine's speed drifts by tens
    // of percent within seconds, so the ratio is taken pass by pass.
    let (mut ours_t, mut floor_t, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs() {
        let t = Instant::now();
        std::hint::black_box(s.year_workbook(year, today).unwrap());
        ours_t.push(t.elapsed());
        let t = Instant::now();
        std::hint::black_box(floor(&cells));
        floor_t.push(t.elapsed());
        ratios.push(ours_t.last().unwrap().as_secs_f64() / floor_t.last().unwrap().as_secs_f64());
    }
    ratios.sort_by(f64::total_cmp);
    let (ours_t, floor_t) = (median(ours_t), median(floor_t));
    println!("{label}: {count} cells, {} KB", ours.len() / 1024);
    println!("  zhibu year_workbook (SQLite reads + rules + xlsx): median {:.1} ms", ours_t.as_secs_f64() * 1e3);
    println!("  floor (rust_xlsxwriter, same cells, no logic):     median {:.1} ms", floor_t.as_secs_f64() * 1e3);
    println!(
        "  ratio to floor, pass by pass: median {:.2}x (quartiles {:.2}x-{:.2}x)",
        ratios[ratios.len() / 2],
        ratios[ratios.len() / 4],
        ratios[ratios.len() * 3 / 4]
    );

    let dir = std::env::temp_dir().join("zhibu-bench");
    std::fs::create_dir_all(&dir).unwrap();
    let json = dir.join("cells.json");
    std::fs::write(&json, json_cells(&cells)).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/year_workbook.py");
    match std::process::Command::new("python3").arg(script).arg(&json).arg(runs().to_string()).output() {
        Ok(out) if out.status.success() => {
            let text = String::from_utf8_lossy(&out.stdout);
            let ms: f64 = text.trim().parse().unwrap_or(f64::NAN);
            println!("  Python XlsxWriter (same cells):                    median {ms:.1} ms");
            println!("  Python / zhibu: {:.1}x", ms / (ours_t.as_secs_f64() * 1e3));
        }
        Ok(out) => {
            let why = String::from_utf8_lossy(&out.stderr);
            println!("  Python XlsxWriter not run: {}", why.trim().lines().last().unwrap_or(""))
        }
        Err(e) => println!("  Python XlsxWriter not run: {e}"),
    }
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let setup = Instant::now();
    let s = branch(today);
    eprintln!("heavy branch built in {:.1} s", setup.elapsed().as_secs_f64());
    let label = format!("heavy year: {} members, {} meetings (half with everyone), 12 months", members(), meetings());
    measure(&label, &s, 2026, today);

    // The largest real branch: `zhibu demo synthetic`, five years of every ledger.
    let size = zhibu_core::demo::SyntheticSize { members: smoke::size(500, 40), years: smoke::size(5, 1) as u32 };
    let mut big = Store::open_in_memory().unwrap();
    let setup = Instant::now();
    let loaded = big.load_synthetic(size, today).unwrap();
    eprintln!("synthetic branch built in {:.1} s", setup.elapsed().as_secs_f64());
    let label = format!(
        "synthetic branch, 2026 of {} years: {} members, {} meetings and {} attendance rows in all",
        size.years, loaded.members, loaded.meetings, loaded.attendance_rows
    );
    measure(&label, &big, 2026, today);
}
