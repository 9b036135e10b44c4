//! Release figures for docs/PERFORMANCE.md, measured on the release build
//! (or the installed one) under Xvfb. Not part of the normal run:
//!
//! ```sh
//! ZHIBU_BIN=target/release/zhibu bash tests/run-e2e.sh --ignored --nocapture release_figures
//! ```

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use zhibu_e2e::{app_binary, Session};

const TODAY: &str = "2026-11-27";

/// Process start to the first painted frame, as the app itself reports it
/// (`ZHIBU_TIMING`: the page calls `ui_ready` after its first frame).
fn first_paint_ms(data: &Path) -> f64 {
    let timing = data.join("timing.txt");
    let _ = std::fs::remove_file(&timing);
    let mut child = Command::new(app_binary())
        .args(["--data-dir", data.to_str().unwrap(), "--today", TODAY])
        .env("ZHIBU_TIMING", &timing)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let ms = loop {
        if let Ok(t) = std::fs::read_to_string(&timing) {
            if let Ok(ms) = t.trim().parse::<f64>() {
                break ms;
            }
        }
        assert!(start.elapsed() < Duration::from_secs(20), "no first paint in 20 s");
        std::thread::sleep(Duration::from_millis(10));
    };
    let _ = child.kill();
    let _ = child.wait();
    ms
}

/// The app's process and every process under it (WebKit's web and network processes).
fn tree(root: u32) -> Vec<u32> {
    let mut all = vec![root];
    let mut i = 0;
    while i < all.len() {
        let parent = all[i];
        for entry in std::fs::read_dir("/proc").unwrap().flatten() {
            let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else { continue };
            let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { continue };
            // Fields after the command name in parentheses: state, ppid, …
            let after = stat.rsplit(')').next().unwrap_or("");
            let ppid: u32 = after.split_whitespace().nth(1).and_then(|p| p.parse().ok()).unwrap_or(0);
            if ppid == parent && !all.contains(&pid) {
                all.push(pid);
            }
        }
        i += 1;
    }
    all
}

fn pss_mb(pids: &[u32]) -> f64 {
    for pid in pids {
        let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
        let pss = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
            .ok()
            .and_then(|s| s.lines().find(|l| l.starts_with("Pss:")).map(str::to_string))
            .unwrap_or_default();
        println!("  {pid} {} {pss}", name.trim());
    }
    pids.iter()
        .filter_map(|pid| std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok())
        .filter_map(|s| s.lines().find(|l| l.starts_with("Pss:")).map(str::to_string))
        .filter_map(|l| l.split_whitespace().nth(1).and_then(|k| k.parse::<f64>().ok()))
        .sum::<f64>()
        / 1024.0
}

/// The app started by the WebDriver for `data`: found by its command line.
fn app_pid(data: &Path) -> u32 {
    let want = data.to_str().unwrap();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else { continue };
        let Ok(cmd) = std::fs::read(format!("/proc/{pid}/cmdline")) else { continue };
        let cmd = String::from_utf8_lossy(&cmd);
        if cmd.starts_with(app_binary().to_str().unwrap()) && cmd.contains(want) {
            return pid;
        }
    }
    panic!("the app for {want} is not running");
}

fn cli(data: &Path, args: &[&str]) {
    let out = Command::new(app_binary())
        .args(["--data-dir", data.to_str().unwrap(), "--today", TODAY])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
#[ignore = "release figures: run by hand, see the module docs"]
fn release_figures() {
    let demo = tempfile::tempdir().unwrap();
    cli(demo.path(), &["demo", "load"]);
    // The first start pays for the page cache; the figure is the median of the next five.
    first_paint_ms(demo.path());
    let mut runs: Vec<f64> = (0..5).map(|_| first_paint_ms(demo.path())).collect();
    runs.sort_by(|a, b| a.total_cmp(b));
    println!("first paint (process start → first frame), 5 runs: {runs:?} ms, median {:.0} ms", runs[2]);

    let args = ["--data-dir", demo.path().to_str().unwrap(), "--today", TODAY];
    let s = Session::start(&args);
    s.wait_for("[data-testid=nav-members]", 20);
    std::thread::sleep(Duration::from_secs(3));
    let pids = tree(app_pid(demo.path()));
    println!("PSS after start with the demo branch: {:.0} MB over {} processes", pss_mb(&pids), pids.len());
    s.quit();

    let big = tempfile::tempdir().unwrap();
    cli(big.path(), &["crash-writer", "--count", "500"]);
    let args = ["--data-dir", big.path().to_str().unwrap(), "--today", TODAY];
    let s = Session::start(&args);
    s.click_css("[data-testid=nav-members]");
    s.wait_until("500 members listed", 30, |s| s.body_text().contains("共 500"));
    std::thread::sleep(Duration::from_secs(3));
    let pids = tree(app_pid(big.path()));
    println!("PSS after opening a roster of 500 members: {:.0} MB over {} processes", pss_mb(&pids), pids.len());
    s.quit();
}
