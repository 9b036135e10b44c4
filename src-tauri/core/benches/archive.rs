//! 年度归档 of the demo branch with 40 MB of meeting photos, against
//! `cp -r` of the finished archive folder plus `sha256sum` of every file
//! (the same bytes, no checks, no flushing), and the cost of opening an
//! encrypted archive at scrypt work factors 16–18.
//!
//! Run: `cargo bench -p zhibu-core --bench archive`.
//! Peak memory of one decryption: `/usr/bin/time -v target/release/deps/archive-* scrypt 17`.

use chrono::NaiveDate;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};
use zhibu_core::archive::{open_archive, Progress};
use zhibu_core::Store;

#[path = "smoke.rs"]
mod smoke;

fn runs() -> usize {
    smoke::size(7, 1)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn photo(seed: u64, len: usize) -> Vec<u8> {
    // Incompressible bytes, like a JPEG.
    let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    if std::env::args().nth(1).as_deref() == Some("scrypt") {
        // One decryption at the given work factor, for /usr/bin/time -v.
        let log_n: u8 = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(17);
        let mut r = age::scrypt::Recipient::new(age::secrecy::SecretString::from("东山村2026".to_string()));
        r.set_work_factor(log_n);
        let start = Instant::now();
        let e = age::Encryptor::with_recipients(std::iter::once(&r as &dyn age::Recipient)).unwrap();
        let mut out = Vec::new();
        let mut w = e.wrap_output(&mut out).unwrap();
        std::io::Write::write_all(&mut w, b"x").unwrap();
        w.finish().unwrap();
        println!("log_n {log_n}: encrypt {:.0} ms", ms(start.elapsed()));
        return;
    }
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    let mut s = Store::open_dir(&data).unwrap();
    s.load_demo(today).unwrap();
    let meetings = s.meetings(2026, None).unwrap();
    for (i, m) in meetings.iter().take(smoke::size(20, 2)).enumerate() {
        s.add_attachment(m.id, &format!("会议照片{i}.jpg"), &photo(i as u64, 2 * 1024 * 1024)).unwrap();
    }
    let usb = work.path().join("usb");
    std::fs::create_dir(&usb).unwrap();

    let mut ours = Vec::new();
    let mut size = 0;
    let mut last = String::new();
    for _ in 0..runs() {
        let t = Instant::now();
        let done = s.create_archive(2026, &usb, today, "bench", &Progress::default()).unwrap();
        ours.push(t.elapsed());
        size = done.size;
        if !last.is_empty() {
            std::fs::remove_dir_all(&last).unwrap();
        }
        last = done.path;
    }
    let mut reference = Vec::new();
    for i in 0..runs() {
        let target = work.path().join(format!("cp{i}"));
        let t = Instant::now();
        assert!(Command::new("cp").arg("-r").arg(&last).arg(&target).status().unwrap().success());
        let files = files_under(&target);
        assert!(Command::new("sha256sum").args(&files).stdout(std::process::Stdio::null()).status().unwrap().success());
        reference.push(t.elapsed());
        std::fs::remove_dir_all(&target).unwrap();
    }
    let (a, b) = (median(ours), median(reference));
    println!("archive of the demo branch with 20 photos of 2 MB: {:.1} MB", size as f64 / 1048576.0);
    println!("zhibu create_archive (snapshot, xlsx, write, fsync, read back, rename): median {:.0} ms", ms(a));
    println!("cp -r + sha256sum of the same folder:                                 median {:.0} ms", ms(b));
    println!("ratio: {:.2}x", a.as_secs_f64() / b.as_secs_f64());

    for log_n in [16u8, 17, 18] {
        let mut r = age::scrypt::Recipient::new(age::secrecy::SecretString::from("东山村2026".to_string()));
        r.set_work_factor(log_n);
        let e = age::Encryptor::with_recipients(std::iter::once(&r as &dyn age::Recipient)).unwrap();
        let mut sealed = Vec::new();
        let mut w = e.wrap_output(&mut sealed).unwrap();
        std::io::Write::write_all(&mut w, b"x").unwrap();
        w.finish().unwrap();
        let t = Instant::now();
        let d = age::Decryptor::new_buffered(&sealed[..]).unwrap();
        let mut id = age::scrypt::Identity::new(age::secrecy::SecretString::from("东山村2026".to_string()));
        id.set_max_work_factor(20);
        let mut reader = d.decrypt(std::iter::once(&id as &dyn age::Identity)).unwrap();
        std::io::copy(&mut reader, &mut std::io::sink()).unwrap();
        println!(
            "scrypt log_n {log_n}: open {:.0} ms, memory 128·r·N = {} MiB",
            ms(t.elapsed()),
            128 * 8 * (1u64 << log_n) / 1048576
        );
    }
    let _ = open_archive; // the app's opener is the same Decryptor path
}
