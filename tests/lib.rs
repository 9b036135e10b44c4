//! A small W3C WebDriver client for the end-to-end tests, talking to
//! `WebKitWebDriver` directly (TOOLCHAIN.md: steadier than tauri-driver).
//!
//! `tests/run-e2e.sh` starts Xvfb and the driver and points `WEBDRIVER_URL`
//! at it; `ZHIBU_BIN` names the app binary (default: target/debug/zhibu).

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// The "today" every flow runs at (the fixtures' day).
pub const TODAY: &str = "2026-11-27";

/// A fictional ID number: `first17` and its GB 11643 check character.
pub fn id_with_check(first17: &str) -> String {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const C: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    let sum: u32 = first17.bytes().zip(W).map(|(d, w)| u32::from(d - b'0') * w).sum();
    format!("{first17}{}", C[(sum % 11) as usize])
}

/// The app's window on the data folder `dir`, at [`TODAY`].
pub fn start_in(dir: &Path) -> Session {
    Session::start(&["--data-dir", dir.to_str().unwrap(), "--today", TODAY])
}

/// The app's command line on `dir` at [`TODAY`]: its output; fails the test when it fails.
pub fn cli_in(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new(app_binary())
        .args(["--data-dir", dir.to_str().unwrap(), "--today", TODAY])
        .args(args)
        .output()
        .expect("run the CLI");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

pub fn app_binary() -> PathBuf {
    std::env::var_os("ZHIBU_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/debug/zhibu"))
}

fn driver_url() -> String {
    std::env::var("WEBDRIVER_URL").unwrap_or_else(|_| "http://127.0.0.1:4444".into())
}

pub struct Session {
    agent: ureq::Agent,
    base: String,
}

#[derive(Clone, Debug)]
pub struct Element(String);

impl Session {
    /// Starts the app with `args` and, besides the driver's environment,
    /// the variables `env` (e.g. `ZHIBU_REMOVABLE_ROOT`): the driver starts
    /// a small script in `scratch` that sets them and runs the app.
    #[cfg(unix)]
    pub fn start_with_env(args: &[&str], env: &[(&str, &Path)], scratch: &Path) -> Session {
        use std::fmt::Write as _;
        use std::os::unix::fs::PermissionsExt;
        let quote = |p: &Path| format!("'{}'", p.to_string_lossy().replace('\'', "'\\''"));
        let mut text = String::from("#!/bin/sh\n");
        for (name, value) in env {
            let _ = writeln!(text, "export {name}={}", quote(value));
        }
        let _ = writeln!(text, "exec {} \"$@\"", quote(&app_binary()));
        let script = scratch.join("zhibu-with-env.sh");
        std::fs::write(&script, text).unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        Session::start_binary(&script, args)
    }

    /// Starts the app with `args` (e.g. `--data-dir D`) in a new WebDriver session.
    pub fn start(args: &[&str]) -> Session {
        let bin = app_binary();
        assert!(bin.exists(), "app binary {} not built", bin.display());
        Session::start_binary(&bin, args)
    }

    fn start_binary(bin: &Path, args: &[&str]) -> Session {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let caps = json!({ "capabilities": { "alwaysMatch": {
            "webkitgtk:browserOptions": { "binary": bin.to_string_lossy(), "args": args }
        }}});
        let url = driver_url();
        let mut last = Value::Null;
        // Session creation is retried once: a fresh driver may still be starting.
        for _ in 0..3 {
            match agent.post(format!("{url}/session")).send_json(&caps) {
                Ok(mut resp) => {
                    let v: Value = resp.body_mut().read_json().unwrap_or(Value::Null);
                    if let Some(id) = v["value"]["sessionId"].as_str() {
                        let s = Session { agent, base: format!("{url}/session/{id}") };
                        s.wait_for("#app .app-shell, #app [data-testid]", 20);
                        return s;
                    }
                    last = v;
                }
                Err(e) => last = json!(e.to_string()),
            }
            std::thread::sleep(Duration::from_millis(500));
        }
        panic!("could not start a WebDriver session: {last}");
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, Value> {
        let url = format!("{}{}", self.base, path);
        let resp = match (method, body) {
            ("GET", _) => self.agent.get(&url).call(),
            ("DELETE", _) => self.agent.delete(&url).call(),
            (_, b) => self.agent.post(&url).send_json(b.unwrap_or(json!({}))),
        };
        let mut resp = resp.map_err(|e| json!(e.to_string()))?;
        let ok = resp.status().is_success();
        let v: Value = resp.body_mut().read_json().unwrap_or(Value::Null);
        if ok {
            Ok(v["value"].clone())
        } else {
            Err(v["value"].clone())
        }
    }

    fn must(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.call(method, path, body).unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    pub fn find_all(&self, css: &str) -> Vec<Element> {
        self.call("POST", "/elements", Some(json!({ "using": "css selector", "value": css })))
            .ok()
            .and_then(|v| v.as_array().cloned())
            .unwrap_or_default()
            .iter()
            .filter_map(|e| e[ELEMENT_KEY].as_str().map(|s| Element(s.to_string())))
            .collect()
    }

    /// Waits up to `secs` for an element matching `css` to exist.
    pub fn wait_for(&self, css: &str, secs: u64) -> Element {
        let end = Instant::now() + Duration::from_secs(secs);
        loop {
            if let Some(e) = self.find_all(css).into_iter().next() {
                return e;
            }
            if Instant::now() > end {
                let body = self.script("return document.body ? document.body.innerText.slice(0, 2000) : ''", json!([]));
                panic!("no element {css} after {secs} s; the page says: {body}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until `check` holds, or panics with `what`.
    pub fn wait_until(&self, what: &str, secs: u64, mut check: impl FnMut(&Session) -> bool) {
        let end = Instant::now() + Duration::from_secs(secs);
        while !check(self) {
            if Instant::now() > end {
                let body = self.script("return document.body.innerText.slice(0, 2000)", json!([]));
                panic!("timed out waiting for {what}; the page says: {body}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn click(&self, e: &Element) {
        if let Err(err) = self.try_click(e, 5) {
            panic!("click failed: {err}");
        }
    }

    /// Clicks `e`, retrying for up to `secs` while it cannot take the click.
    pub fn try_click(&self, e: &Element, secs: u64) -> Result<(), Value> {
        // Element Plus animates; a click may land while a node is moving. Retry briefly.
        let end = Instant::now() + Duration::from_secs(secs);
        loop {
            match self.call("POST", &format!("/element/{}/click", e.0), Some(json!({}))) {
                Ok(_) => return Ok(()),
                Err(err) if Instant::now() > end => return Err(err),
                Err(_) => {
                    // Under a sticky header or a scrolling box: bring it to the middle.
                    self.script(
                        "arguments[0].scrollIntoView({ block: 'center', inline: 'center' })",
                        json!([{ ELEMENT_KEY: e.0 }]),
                    );
                    std::thread::sleep(Duration::from_millis(150))
                }
            }
        }
    }

    pub fn click_css(&self, css: &str) {
        let e = self.wait_for(css, 10);
        self.click(&e);
    }

    /// Replaces the text of the input inside `css` (or `css` itself if it is an input).
    pub fn type_into(&self, css: &str, text: &str) {
        let input_css = format!("{css} input, {css} textarea, input{css}, textarea{css}");
        let e = self.wait_for(&input_css, 10);
        // WebDriver's clear fires no `input` event, so Vue's v-model would keep
        // the old text: empty the field the way typing does.
        self.must(
            "POST",
            "/execute/sync",
            Some(json!({
                "script": "arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
                "args": [{ ELEMENT_KEY: e.0 }]
            })),
        );
        if !text.is_empty() {
            self.must("POST", &format!("/element/{}/value", e.0), Some(json!({ "text": text })));
        }
    }

    pub fn text(&self, e: &Element) -> String {
        self.must("GET", &format!("/element/{}/text", e.0), None).as_str().unwrap_or_default().to_string()
    }

    /// The visible text of the first element matching `css` (waits for it).
    pub fn text_of(&self, css: &str) -> String {
        self.wait_for(css, 10);
        self.texts(css).into_iter().next().unwrap_or_default()
    }

    /// The visible texts of every element matching `css`, read in one step so
    /// a re-render in between cannot leave a stale reference.
    pub fn texts(&self, css: &str) -> Vec<String> {
        let v = self.script(
            "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.innerText.trim())",
            json!([css]),
        );
        v.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect()).unwrap_or_default()
    }

    /// The current value of the input inside `css`.
    pub fn value_of(&self, css: &str) -> String {
        let e = self.wait_for(&format!("{css} input, {css} textarea"), 10);
        self.must("GET", &format!("/element/{}/property/value", e.0), None).as_str().unwrap_or_default().to_string()
    }

    pub fn script(&self, js: &str, args: Value) -> Value {
        self.call("POST", "/execute/sync", Some(json!({ "script": js, "args": args }))).unwrap_or(Value::Null)
    }

    /// Runs `js` as an asynchronous script: it finishes by calling its last
    /// argument (`arguments[arguments.length - 1]`) with the result.
    pub fn script_async(&self, js: &str, args: Value) -> Value {
        self.call("POST", "/execute/async", Some(json!({ "script": js, "args": args }))).unwrap_or(Value::Null)
    }

    pub fn go(&self, hash: &str) {
        self.script("window.location.hash = arguments[0]", json!([hash]));
    }

    /// Gives the file input `css` a file, as if the user had picked it in
    /// the dialog (a dialog cannot be driven through WebDriver).
    pub fn choose_file(&self, css: &str, name: &str, bytes: &[u8]) {
        let e = self.wait_for(css, 10);
        let data: Vec<u8> = bytes.to_vec();
        self.must(
            "POST",
            "/execute/sync",
            Some(json!({
                "script": "const f = new File([new Uint8Array(arguments[1])], arguments[2]); \
                           const dt = new DataTransfer(); dt.items.add(f); arguments[0].files = dt.files; \
                           arguments[0].dispatchEvent(new Event('change', { bubbles: true }));",
                "args": [{ ELEMENT_KEY: e.0 }, data, name]
            })),
        );
    }

    /// Whether a button (or any control) is enabled.
    pub fn enabled(&self, e: &Element) -> bool {
        self.must("GET", &format!("/element/{}/enabled", e.0), None)["value"].as_bool().unwrap_or(false)
    }

    /// A `data-*` attribute of an element.
    pub fn data(&self, e: &Element, key: &str) -> String {
        let v = self.script("return arguments[0].dataset[arguments[1]] || ''", json!([{ ELEMENT_KEY: e.0 }, key]));
        v.as_str().unwrap_or("").to_string()
    }

    pub fn body_text(&self) -> String {
        self.script("return document.body.innerText", json!([])).as_str().unwrap_or_default().to_string()
    }

    /// Sets the app window's outer size (for screenshots at a smaller screen).
    pub fn set_window_size(&self, width: u32, height: u32) {
        let _ = self.call("POST", "/window/rect", Some(json!({ "x": 0, "y": 0, "width": width, "height": height })));
        std::thread::sleep(Duration::from_millis(500));
    }

    /// Ends the session, which closes the app (see `Drop`).
    pub fn quit(self) {}
}

impl Drop for Session {
    /// A session is always ended, also when a test fails half-way, so the
    /// next test gets the driver. A failed delete is harmless.
    fn drop(&mut self) {
        let _ = self.call("DELETE", "", None);
        // Give the app a moment to exit and release the database.
        std::thread::sleep(Duration::from_millis(500));
    }
}

impl Session {
    /// Clicks the first element matching `css` whose visible text is `text`.
    pub fn click_text(&self, css: &str, text: &str) {
        let end = Instant::now() + Duration::from_secs(10);
        loop {
            let hit = self.find_all(css).into_iter().find(|e| self.text(e).trim() == text);
            if let Some(e) = hit {
                self.click(&e);
                return;
            }
            if Instant::now() > end {
                panic!("no {css} with text {text:?}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Chooses `option` in the Element Plus select `select_css`, and waits
    /// until the select shows it. The dropdown opens with an animation, and a
    /// click during it can land on nothing (seen on a cold first run), so the
    /// choice is made again until it shows.
    pub fn choose(&self, select_css: &str, option: &str) {
        for _ in 0..3 {
            self.click_css(select_css);
            // The option of the dropdown that is open (other selects keep
            // theirs in the page, hidden); a click that cannot land is tried
            // again with the select opened anew.
            let end = Instant::now() + Duration::from_secs(5);
            let shown = loop {
                let hit = self.find_all(".el-select-dropdown__item").into_iter().find(|e| {
                    let text = self.call("GET", &format!("/element/{}/text", e.0), None).unwrap_or_default();
                    text.as_str().is_some_and(|t| t.trim() == option)
                        && self.call("GET", &format!("/element/{}/displayed", e.0), None) == Ok(json!(true))
                });
                if hit.is_some() || Instant::now() > end {
                    break hit;
                }
                std::thread::sleep(Duration::from_millis(100));
            };
            if let Some(e) = shown {
                let _ = self.try_click(&e, 3);
            }
            let end = Instant::now() + Duration::from_secs(3);
            while Instant::now() < end {
                if self.text_of(select_css).contains(option) {
                    return;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        panic!("{select_css} does not show {option:?} after choosing it");
    }

    /// Presses Enter in the input inside `css`.
    pub fn press_enter(&self, css: &str) {
        let e = self.wait_for(&format!("{css} input"), 10);
        self.must("POST", &format!("/element/{}/value", e.0), Some(json!({ "text": "\u{E007}" })));
    }

    /// The /points table as `(name, total, ★)`, in the page's order.
    pub fn points_rows(&self) -> Vec<(String, String, String)> {
        let v = self.script(
            "return Array.from(document.querySelectorAll('[data-testid=points-table] [data-testid=points-name]')).map(n => {
               const r = n.closest('tr');
               return [n.innerText.trim(), r.querySelector('[data-testid=points-total]').innerText.trim(),
                       r.querySelector('[data-testid=points-stars]').innerText.trim()] })",
            json!([]),
        );
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|p| Some((p[0].as_str()?.into(), p[1].as_str()?.into(), p[2].as_str()?.into())))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Rows currently shown in the roster table.
    pub fn roster_names(&self) -> Vec<String> {
        self.texts("[data-testid=cell-name]")
    }

    /// Saves a screenshot of the page when `ZHIBU_SHOTS` names a folder.
    pub fn screenshot(&self, name: &str) {
        if let Some(dir) = std::env::var_os("ZHIBU_SHOTS") {
            // The X framebuffer lags the page by a frame or two under Xvfb.
            std::thread::sleep(Duration::from_millis(1500));
            let _ = std::process::Command::new("import")
                .args(["-window", "root"])
                .arg(Path::new(&dir).join(format!("{name}.png")))
                .status();
        }
    }
}

/// Answers the native save dialog titled `title` (GTK's file chooser,
/// opened by the app's Rust side, not the page) as the secretary would:
/// types the whole path into the name field and presses Enter. Driven with
/// xdotool on the test's X display; `path` in ASCII (xdotool types it key by
/// key). Panics when no such dialog shows within 20 s.
pub fn answer_save_dialog(title: &str, path: &Path) {
    let xdotool = |args: &[&str]| -> String {
        let out = std::process::Command::new("xdotool").args(args).output().expect("xdotool");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    let until = Instant::now() + Duration::from_secs(20);
    let dialog = loop {
        let found = xdotool(&["search", "--onlyvisible", "--name", &format!("^{title}$")]);
        if let Some(id) = found.lines().next() {
            break id.to_string();
        }
        assert!(Instant::now() < until, "no dialog titled {title} opened");
        std::thread::sleep(Duration::from_millis(250));
    };
    // No window manager: the dialog is raised and given the keyboard by
    // hand, and the pointer put on it (the keyboard may follow the pointer).
    std::thread::sleep(Duration::from_millis(800));
    xdotool(&["windowraise", &dialog]);
    xdotool(&["windowfocus", &dialog]);
    xdotool(&["mousemove", "--window", &dialog, "200", "20"]);
    xdotool(&["key", "--clearmodifiers", "ctrl+a"]);
    xdotool(&["type", "--delay", "20", path.to_str().expect("an ASCII path")]);
    xdotool(&["key", "Return"]);
}

/// PDFs as a printer and a reader get them: poppler's pdfinfo, pdftotext
/// and pdftoppm (for the LibreOffice renders and the webview's own PDFs).
pub mod paper {
    use std::path::Path;
    use std::process::Command;

    pub fn run(cmd: &mut Command) -> String {
        let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
        assert!(out.status.success(), "{cmd:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn pages(pdf: &Path) -> Vec<String> {
        let text = run(Command::new("pdftotext").args(["-layout"]).arg(pdf).arg("-"));
        text.split('\u{c}').map(str::to_string).filter(|p| !p.trim().is_empty()).collect()
    }

    pub fn page_sizes(pdf: &Path) -> Vec<(f64, f64)> {
        let info = run(Command::new("pdfinfo").args(["-f", "1", "-l", "999"]).arg(pdf));
        info.lines()
            .filter(|l| l.starts_with("Page") && l.contains("size:"))
            .map(|l| {
                let nums: Vec<f64> = l.split_whitespace().filter_map(|w| w.parse().ok()).collect();
                (nums[1], nums[2])
            })
            .collect()
    }

    pub fn is_a4((w, h): (f64, f64)) -> bool {
        let (a, b) = if w < h { (w, h) } else { (h, w) };
        (a - 595.3).abs() < 2.0 && (b - 841.9).abs() < 2.0
    }

    /// Text as a reader would search it: the webview's PDFs name some
    /// characters by the radical of the same shape (月 as ⽉ U+2F49, 马 as ⻢
    /// U+2EE2; cairo picks the first code point of the glyph). NFKC folds the
    /// Kangxi radicals back; the simplified radicals, which have no
    /// decomposition, by this table.
    pub fn plain(text: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        const SIMPLIFIED: [(char, char); 23] = [
            ('⺠', '民'),
            ('⻅', '见'),
            ('⻈', '讠'),
            ('⻉', '贝'),
            ('⻋', '车'),
            ('⻓', '长'),
            ('⻔', '门'),
            ('⻘', '青'),
            ('⻚', '页'),
            ('⻛', '风'),
            ('⻜', '飞'),
            ('⻝', '食'),
            ('⻠', '饣'),
            ('⻢', '马'),
            ('⻣', '骨'),
            ('⻤', '鬼'),
            ('⻥', '鱼'),
            ('⻦', '鸟'),
            ('⻨', '麦'),
            ('⻩', '黄'),
            ('⻬', '齐'),
            ('⻰', '龙'),
            ('⻳', '龟'),
        ];
        // Only the radicals: NFKC would also turn the full-width "：" into ":".
        text.chars()
            .map(|c| match c {
                '\u{2F00}'..='\u{2FDF}' => c.nfkc().next().unwrap_or(c),
                _ => SIMPLIFIED.iter().find(|(r, _)| *r == c).map_or(c, |(_, h)| *h),
            })
            .collect()
    }

    /// A run of `n` ASCII digits anywhere (a full mobile is 11, an ID 17 + check).
    pub fn has_digit_run(text: &str, n: usize) -> bool {
        text.as_bytes().windows(n).any(|w| w.iter().all(u8::is_ascii_digit))
    }
}

/// The app's process and every process under it (WebKit's web and network processes).
pub fn process_tree(root: u32) -> Vec<u32> {
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

/// The app started by the WebDriver for `data`: found by its command line.
pub fn app_pid(data: &std::path::Path) -> u32 {
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
