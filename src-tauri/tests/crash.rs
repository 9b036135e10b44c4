//! Crash test: a child process creating members is killed with SIGKILL at
//! random moments, again and again. After each kill the database must pass
//! `PRAGMA integrity_check` and hold every member whose commit had returned
//! (the child prints an id only after its commit returned). The count of
//! kills goes into docs/RELIABILITY.md.

#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const KILLS: usize = 200;

mod common;
use common::Lcg;

#[test]
fn sigkill_at_random_points_never_loses_a_committed_member_or_corrupts_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap().to_string();
    let mut rng = Lcg(20261128);
    let mut committed: Vec<i64> = Vec::new();
    let mut killed_mid_run = 0;
    // Rounds in which the child had already committed members when killed.
    let mut killed_while_writing = 0;
    let started = Instant::now();
    for round in 0..KILLS {
        let mut child = Command::new(env!("CARGO_BIN_EXE_zhibu"))
            .args(["--data-dir", &data, "--today", "2026-11-27", "crash-writer", "--count", "100000"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel::<i64>();
        let reader = std::thread::spawn(move || {
            let mut ids = Vec::new();
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Ok(id) = line.trim().parse::<i64>() {
                    ids.push(id);
                    let _ = tx.send(id);
                }
            }
            ids
        });
        if rng.next(5) == 0 {
            // Anywhere from before the database is open to the first writes.
            std::thread::sleep(Duration::from_micros(rng.next(60_000)));
        } else {
            // Once it is writing, at a random moment inside or between commits.
            let _ = rx.recv_timeout(Duration::from_secs(10));
            std::thread::sleep(Duration::from_micros(rng.next(30_000)));
        }
        // SIGKILL: no destructor, no flush, no checkpoint.
        let pid = child.id() as i32;
        assert!(
            Command::new("kill").args(["-KILL", &pid.to_string()]).status().unwrap().success()
                || child.try_wait().unwrap().is_some()
        );
        let status = child.wait().unwrap();
        if status.code().is_none() {
            killed_mid_run += 1;
        }
        let written: Vec<i64> = reader.join().unwrap();
        if !written.is_empty() {
            killed_while_writing += 1;
        }
        committed.extend(written);

        let conn = rusqlite::Connection::open(dir.path().join("zhibu.sqlite3")).unwrap();
        let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok", "round {round}");
        let has_members: bool =
            conn.query_row("SELECT count(*) > 0 FROM sqlite_master WHERE name = 'members'", [], |r| r.get(0)).unwrap();
        if !has_members {
            // Killed before the first migration committed: nothing can have been saved.
            assert!(committed.is_empty(), "round {round}: the schema is gone");
            continue;
        }
        let mut stmt = conn.prepare("SELECT id FROM members").unwrap();
        let present: std::collections::HashSet<i64> =
            stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
        for id in &committed {
            assert!(present.contains(id), "round {round}: member {id} was committed and is gone");
        }
        let fk: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
        assert_eq!(fk, 0, "round {round}");
    }
    assert_eq!(killed_mid_run, KILLS, "every round was a real kill");
    assert!(killed_while_writing >= KILLS / 2, "killed while writing in only {killed_while_writing} rounds");
    eprintln!(
        "crash test: {KILLS} SIGKILLs ({killed_while_writing} while writing), {} committed members all present, integrity ok, {:.1} s",
        committed.len(),
        started.elapsed().as_secs_f64()
    );
}
