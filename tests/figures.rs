//! Release figures for docs/PERFORMANCE.md, measured on the release build
//! (or the installed one) under Xvfb. Not part of the normal run:
//!
//! ```sh
//! ZHIBU_BIN=target/release/zhibu bash tests/run-e2e.sh --ignored --nocapture release_figures
//! ```

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use zhibu_e2e::{app_binary, app_pid, process_tree as tree, Session};

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

/// Where a process's memory is: PSS summed by what is mapped (a file, or
/// `[heap]`, or `[anon]` for anonymous mappings: JavaScriptCore's heap and
/// malloc arenas), largest first, in MB.
fn mappings(pid: u32) -> Vec<(String, f64)> {
    let Ok(smaps) = std::fs::read_to_string(format!("/proc/{pid}/smaps")) else { return Vec::new() };
    let mut by: std::collections::HashMap<String, f64> = std::collections::HashMap::new();
    let mut current = String::new();
    for line in smaps.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.first().is_some_and(|f| f.contains('-') && f.chars().all(|c| c.is_ascii_hexdigit() || c == '-')) {
            current = match fields.get(5) {
                Some(path) if path.starts_with('/') => {
                    // Fonts and libraries by file name; the rest as they are named.
                    path.rsplit('/').next().unwrap_or(path).to_string()
                }
                Some(name) => name.to_string(),
                None => "[anon]".into(),
            };
        } else if fields.first() == Some(&"Pss:") {
            let kb: f64 = fields.get(1).and_then(|k| k.parse().ok()).unwrap_or(0.0);
            *by.entry(current.clone()).or_default() += kb / 1024.0;
        }
    }
    let mut out: Vec<(String, f64)> = by.into_iter().collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1));
    out
}

/// The largest mappings of the WebKit web process among `pids`.
fn print_web_process(pids: &[u32]) {
    for pid in pids {
        let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
        if name.trim() == "WebKitWebProces" {
            let top: Vec<String> = mappings(*pid).into_iter().take(8).map(|(m, mb)| format!("{m} {mb:.1}")).collect();
            println!("  web process, largest (MB): {}", top.join(", "));
        }
    }
}

fn cli(data: &Path, args: &[&str]) {
    let out = Command::new(app_binary())
        .args(["--data-dir", data.to_str().unwrap(), "--today", TODAY])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// Empties the page cache (as root), so the next start reads the binary,
/// WebKit and the fonts from disk as on the first start after boot.
fn drop_caches() -> bool {
    let _ = Command::new("sync").status();
    std::fs::write("/proc/sys/vm/drop_caches", "3").is_ok()
}

/// Every screen a secretary can open from the navigation and its tabs and
/// buttons, with a record to open where the screen shows one.
const SCREENS: &[&str] = &[
    "/",
    "/reminders/birthdays",
    "/reminders/cards",
    "/members",
    "/members/new",
    "/members/1",
    "/members/deleted",
    "/members/import",
    "/meetings",
    "/meetings/calendar",
    "/meetings/talks",
    "/meetings/new",
    "/meetings/1",
    "/dues",
    "/dues/member/1",
    "/dues/arrears",
    "/dues/remit",
    "/dues/notice",
    "/dues/spending",
    "/recruits",
    "/recruits/new",
    "/recruits/1",
    "/mobile",
    "/care",
    "/care/notice",
    "/study",
    "/service",
    "/points",
    "/points/notice",
    "/ledger",
    "/ledger/notice/review",
    "/ledger/notice/party-day",
    "/ledger/notice/general",
    "/archive",
    "/settings",
];

/// Opens `route` and waits until the screen is ready: the route is shown,
/// no command is waiting for its answer (`window.__zhibuPending`, counted in
/// ui/src/api.ts) and two frames have been painted since. Milliseconds.
fn ready_ms(s: &Session, route: &str) -> f64 {
    // ZHIBU_TRACE=1 prints, for each opening, the commands the screen sent
    // (name, start → end, ms after the route was asked for): what it waited on.
    let trace = std::env::var("ZHIBU_TRACE").is_ok_and(|v| v == "1") && route != "/settings";
    let v = s.script_async(
        "const [route, trace, done] = arguments;
         window.__zhibuTrace = trace ? [] : undefined;
         const t0 = performance.now();
         window.location.hash = '#' + route;
         let quiet = 0;
         const tick = () => {
           const idle = (window.__zhibuPending || 0) === 0 && window.location.hash === '#' + route;
           quiet = idle ? quiet + 1 : 0;
           const at = (t) => Math.round(t - t0);
           const calls = (window.__zhibuTrace || []).map(([c, a, b]) => `${c} ${at(a)}→${at(b)}`);
           if (quiet >= 2) done([performance.now() - t0, calls.join(', ')]);
           else if (performance.now() - t0 > 20000) done([-1, '']);
           else requestAnimationFrame(tick);
         };
         requestAnimationFrame(tick);",
        serde_json::json!([route, trace]),
    );
    let ms = v[0].as_f64().unwrap_or(-1.0);
    assert!(ms >= 0.0, "{route} was not ready in 20 s");
    if trace {
        println!("    {route} {ms:.0} ms: {}", v[1].as_str().unwrap_or(""));
    }
    ms
}

#[test]
#[ignore = "release figures: run by hand, see the module docs"]
fn release_figures() {
    let demo = tempfile::tempdir().unwrap();
    cli(demo.path(), &["demo", "load"]);
    // Cold: the page cache emptied before each start (only as root).
    if drop_caches() {
        let mut cold: Vec<f64> = (0..3)
            .map(|_| {
                drop_caches();
                first_paint_ms(demo.path())
            })
            .collect();
        cold.sort_by(|a, b| a.total_cmp(b));
        println!("first paint, cold page cache, 3 runs: {cold:?} ms, median {:.0} ms", cold[1]);
    } else {
        println!("first paint, cold page cache: not measured (dropping caches needs root)");
    }
    // Warm: the first start pays for the page cache; the figure is the median of the next five.
    first_paint_ms(demo.path());
    let mut runs: Vec<f64> = (0..5).map(|_| first_paint_ms(demo.path())).collect();
    runs.sort_by(|a, b| a.total_cmp(b));
    println!("first paint (process start → first frame), 5 warm runs: {runs:?} ms, median {:.0} ms", runs[2]);

    let args = ["--data-dir", demo.path().to_str().unwrap(), "--today", TODAY];
    let s = Session::start(&args);
    s.wait_for("[data-testid=nav-members]", 20);
    std::thread::sleep(Duration::from_secs(3));
    let pids = tree(app_pid(demo.path()));
    println!("PSS after start with the demo branch: {:.0} MB over {} processes", pss_mb(&pids), pids.len());
    print_web_process(&pids);
    s.quit();

    // The largest branch: 500 members, five years of every ledger.
    let big = tempfile::tempdir().unwrap();
    let built = Instant::now();
    cli(big.path(), &["demo", "synthetic", "--members", "500", "--years", "5"]);
    println!("synthetic branch (500 members × 5 years) written in {:.1} s", built.elapsed().as_secs_f64());
    let args = ["--data-dir", big.path().to_str().unwrap(), "--today", TODAY];
    let s = Session::start(&args);
    s.wait_for("[data-testid=nav-members]", 30);
    s.click_css("[data-testid=nav-members]");
    s.wait_until("the roster listed", 30, |s| {
        let count = s.texts("[data-testid=roster-count]").join("");
        count.trim_start_matches("共 ").trim_end_matches(" 人").parse::<usize>().is_ok_and(|n| n > 400)
    });
    std::thread::sleep(Duration::from_secs(3));
    let pids = tree(app_pid(big.path()));
    println!("PSS after opening the roster of the 500-member branch: {:.0} MB", pss_mb(&pids));
    print_web_process(&pids);

    // Each screen opened three times (from the one before it); the median.
    // ZHIBU_SCREENS=/meetings/new,/dues/member/1 times only those (while working on them).
    let only = std::env::var("ZHIBU_SCREENS").unwrap_or_default();
    let mut times: Vec<(f64, &str)> = SCREENS
        .iter()
        .filter(|route| only.is_empty() || only.split(',').any(|r| r == **route))
        .map(|route| {
            let mut t: Vec<f64> = (0..3)
                .map(|_| {
                    let ms = ready_ms(&s, route);
                    ready_ms(&s, "/settings");
                    ms
                })
                .collect();
            t.sort_by(|a, b| a.total_cmp(b));
            (t[1], *route)
        })
        .collect();
    println!("screen ready (median of 3), 500 members × 5 years:");
    for (ms, route) in &times {
        println!("  {route:<28} {ms:>6.0} ms");
    }
    times.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!("slowest: {:?}", &times[..times.len().min(3)]);
    // The long lists a page at a time, to look at (ZHIBU_SHOTS=folder).
    for (route, name) in [
        ("/dues", "big-dues"),
        ("/members", "big-roster"),
        ("/meetings/calendar", "big-calendar"),
        ("/meetings/new", "big-meeting-form"),
        ("/meetings", "big-meetings"),
        ("/study", "big-study"),
        ("/care", "big-care"),
        ("/service", "big-service"),
        ("/dues/spending", "big-spending"),
        ("/dues/member/1", "big-dues-member"),
        ("/mobile", "big-mobile"),
        ("/members/1/edit", "big-member-edit"),
        ("/meetings/talks", "big-talks"),
    ] {
        ready_ms(&s, route);
        s.screenshot(name);
    }
    std::thread::sleep(Duration::from_secs(3));
    let pids = tree(app_pid(big.path()));
    println!("PSS after visiting every screen: {:.0} MB over {} processes", pss_mb(&pids), pids.len());
    print_web_process(&pids);
    s.quit();
}
