//! Crash test for the year-end archive and its restore (issue 14, "Done
//! means"; docs/RELIABILITY.md): `zhibu archive create` and `zhibu archive
//! restore`, plain and encrypted, are killed with SIGKILL at random moments.
//! After each kill:
//! - the target data folder holds either its old records (every member whose
//!   commit had returned) or the archive's, never a mix, and passes
//!   `integrity_check`; the stick holds only verified archives and folders
//!   marked 未完成;
//! - nothing readable is left: every file the killed run left in scratch
//!   space or the data folder is inside a folder only the user can open
//!   (0700);
//! - the next run is not poisoned: it succeeds, and clears the killed
//!   run's scratch folder.

#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const ROUNDS_EACH: usize = 10;

mod common;
use common::Lcg;

struct Bench {
    scratch_tmp: PathBuf,
}

impl Bench {
    fn command(&self, data: &Path, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_zhibu"));
        c.env("TMPDIR", &self.scratch_tmp)
            .args(["--data-dir", data.to_str().unwrap(), "--today", "2026-11-27"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        c
    }

    fn run(&self, data: &Path, args: &[&str]) -> Output {
        let out = self.command(data, args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        out
    }

    /// Starts the command and SIGKILLs it after `after`; returns its pid and
    /// whether it was still running when killed.
    fn kill_after(&self, data: &Path, args: &[&str], after: Duration) -> (u32, bool) {
        let mut child = self.command(data, args).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
        std::thread::sleep(after);
        let running = child.try_wait().unwrap().is_none();
        let _ = child.kill(); // SIGKILL: no destructor, no cleanup
        let _ = child.wait();
        (child.id(), running)
    }
}

/// Every file under `root` is inside a folder (below `root`, or `root`
/// itself) that only its owner can open.
fn nothing_readable_left(root: &Path, what: &str) {
    fn walk(dir: &Path, guarded: bool, what: &str) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for e in entries.flatten() {
            let meta = e.metadata().unwrap();
            let mode = meta.permissions().mode() & 0o777;
            if meta.is_dir() {
                walk(&e.path(), guarded || mode & 0o077 == 0, what);
            } else {
                assert!(
                    guarded || mode & 0o077 == 0,
                    "{what}: {} is readable by others ({mode:o}) outside a private folder",
                    e.path().display()
                );
            }
        }
    }
    let mode = std::fs::metadata(root).map(|m| m.permissions().mode() & 0o777).unwrap_or(0o700);
    walk(root, mode & 0o077 == 0, what);
}

fn members(data: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(data.join("zhibu.sqlite3")).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    let mut stmt = conn.prepare("SELECT name FROM members ORDER BY name").unwrap();
    let names = stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    names
}

fn copy_dir(from: &Path, to: &Path) {
    let _ = std::fs::remove_dir_all(to);
    std::fs::create_dir_all(to).unwrap();
    std::fs::set_permissions(to, std::fs::Permissions::from_mode(0o700)).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        if e.file_type().unwrap().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

fn timed(f: impl FnOnce()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

#[test]
fn killed_archives_and_restores_leave_no_mix_no_readable_copy_and_no_poisoned_next_run() {
    let root = tempfile::tempdir().unwrap();
    let at = |name: &str| root.path().join(name);
    std::fs::create_dir_all(at("tmp")).unwrap();
    let bench = Bench { scratch_tmp: at("tmp") };
    let (branch, stick) = (at("branch"), at("stick"));
    std::fs::create_dir_all(&stick).unwrap();
    bench.run(&branch, &["demo", "load"]);
    std::fs::write(at("pass"), "crash-test-passphrase").unwrap();
    let pass = at("pass").to_str().unwrap().to_string();
    let archived = members(&branch);

    // The data folder a restore replaces: members written by a writer that
    // was itself killed, so its last commits are still in the WAL.
    let old_template = at("old");
    let mut writer = bench.command(&old_template, &["crash-writer", "--count", "100000"]).spawn().unwrap();
    let mut written = String::new();
    {
        use std::io::Read;
        let mut out = writer.stdout.take().unwrap();
        let mut buf = [0u8; 64];
        while written.lines().count() < 5 {
            let n = out.read(&mut buf).unwrap();
            written.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
        let _ = writer.kill();
        let _ = writer.wait();
    }
    // (Read from a copy: opening the template would fold its WAL in.)
    copy_dir(&old_template, &at("probe"));
    let old = members(&at("probe"));
    assert!(old.len() >= 5 && old.iter().all(|n| n.starts_with("测试")));

    let mut rng = Lcg(20261202);
    let (mut kills, mut mid_run) = (0, 0);
    let started = Instant::now();

    // Year-end archives, plain and encrypted, killed as they are written.
    for sealed in [false, true] {
        let mut args = vec!["archive", "create", "--year", "2026", "--to", stick.to_str().unwrap()];
        if sealed {
            args.extend(["--passphrase-file", pass.as_str()]);
        }
        let whole = timed(|| {
            bench.run(&branch, &args);
        });
        for round in 0..ROUNDS_EACH {
            let after = Duration::from_micros(rng.next(whole.as_micros() as u64 * 6 / 5));
            let (pid, running) = bench.kill_after(&branch, &args, after);
            kills += 1;
            mid_run += usize::from(running);
            let what = format!("archive create (sealed: {sealed}) round {round}");
            // (The stick is left out: a plain archive there is meant to be
            // read without the app, and a USB stick's FAT has no permissions.)
            nothing_readable_left(&at("tmp"), &what);
            // The stick: every archive there verifies; anything else says 未完成.
            for e in std::fs::read_dir(&stick).unwrap().flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if name.contains("未完成") || name.ends_with("_说明.txt") {
                    continue;
                }
                let path = e.path().to_str().unwrap().to_string();
                let mut verify = vec!["archive", "verify", path.as_str()];
                if name.ends_with(".zhibu.age") {
                    verify.extend(["--passphrase-file", pass.as_str()]);
                } else {
                    assert!(e.path().is_dir(), "{what}: a stray file {name} on the stick");
                }
                bench.run(&branch, &verify);
            }
            // The next run works and clears what the killed one left in scratch.
            bench.run(&branch, &args);
            assert!(!at("tmp").join("zhibu-scratch").join(pid.to_string()).exists(), "{what}: scratch left");
            // Keep the stick small: the completed archives are not needed again.
            for e in std::fs::read_dir(&stick).unwrap().flatten() {
                if e.path().is_dir() {
                    std::fs::remove_dir_all(e.path()).unwrap();
                } else {
                    std::fs::remove_file(e.path()).unwrap();
                }
            }
        }
    }
    // The archives the restores below read.
    let plain = ["archive", "create", "--year", "2026", "--to", stick.to_str().unwrap()];
    bench.run(&branch, &plain);
    bench.run(&branch, &[&plain[..], &["--passphrase-file", pass.as_str()]].concat());

    // Restores, from the folder and from the encrypted file, killed midway.
    let mut sources: Vec<PathBuf> = std::fs::read_dir(&stick).unwrap().flatten().map(|e| e.path()).collect();
    sources.retain(|p| p.is_dir() || p.to_string_lossy().ends_with(".zhibu.age"));
    sources.sort();
    assert_eq!(sources.len(), 2, "{sources:?}");
    let target = at("target");
    for source in &sources {
        let sealed = source.to_string_lossy().ends_with(".zhibu.age");
        let mut args = vec!["archive", "restore", source.to_str().unwrap()];
        if sealed {
            args.extend(["--passphrase-file", pass.as_str()]);
        }
        copy_dir(&old_template, &target);
        let whole = timed(|| {
            bench.run(&target, &args);
        });
        assert_eq!(members(&target), archived);
        for round in 0..ROUNDS_EACH {
            copy_dir(&old_template, &target);
            let after = Duration::from_micros(rng.next(whole.as_micros() as u64 * 6 / 5));
            let (pid, running) = bench.kill_after(&target, &args, after);
            kills += 1;
            mid_run += usize::from(running);
            let what = format!("archive restore (sealed: {sealed}) round {round}");
            let now = members(&target);
            assert!(now == old || now == archived, "{what}: a mix of old and restored records: {now:?}");
            nothing_readable_left(&at("tmp"), &what);
            nothing_readable_left(&target, &what);
            bench.run(&target, &args);
            assert_eq!(members(&target), archived, "{what}: the next restore did not restore");
            assert!(!at("tmp").join("zhibu-scratch").join(pid.to_string()).exists(), "{what}: scratch left");
            let leftovers: Vec<_> = std::fs::read_dir(&target)
                .unwrap()
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().starts_with("恢复中"))
                .collect();
            assert!(leftovers.is_empty(), "{what}: a staging copy stayed: {leftovers:?}");
        }
    }
    assert!(mid_run >= kills / 2, "only {mid_run} of {kills} kills hit a running process");
    eprintln!(
        "archive crash test: {kills} SIGKILLs ({mid_run} mid-run) of archive create/restore, plain and encrypted; \
         no mix, no readable leftover, every next run fine; {:.1} s",
        started.elapsed().as_secs_f64()
    );
}
