//! Reading an imported file in a child process (issue 14, item 3;
//! docs/RELIABILITY.md).
//!
//! A damaged or hostile spreadsheet can make the parser ask for more memory
//! than the machine has, and a failed allocation aborts the whole process:
//! it cannot be caught. So the app and the command line read every imported
//! file in a child process — the same program, started as
//! `zhibu __read-sheet` — that limits its own memory and CPU time, while the
//! parent waits at most [`TIME_LIMIT`]. The worst a file can do is end that
//! child; the secretary reads "无法读取这个文件" and her window stays.
//!
//! The program is set once at start ([`use_child_process`]); without it (the
//! core's own tests) files are read in this process.

use super::read::{bad_file, read_here, Sheet, MAX_BYTES};
use crate::error::{Error, Result};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

/// The first argument that makes the program a reader child.
pub const CHILD_ARG: &str = "__read-sheet";
/// How long a reading may take (a roster of thousands of rows takes well under a second).
pub const TIME_LIMIT: Duration = Duration::from_secs(30);
/// CPU seconds the child may use (a second guard beside [`TIME_LIMIT`]).
const CPU_LIMIT_SECS: u64 = 30;
/// Address space the child may add to what it has at start.
const MEMORY_HEADROOM: u64 = 1024 * 1024 * 1024;
/// The most output read back (5,000 rows × 60 columns of text fit many times over).
const MAX_OUTPUT: u64 = 256 * 1024 * 1024;

static PROGRAM: OnceLock<PathBuf> = OnceLock::new();

/// From now on, files are read by `program CHILD_ARG` (the app's own binary).
pub fn use_child_process(program: PathBuf) {
    let _ = PROGRAM.set(program);
}

pub(super) fn program() -> Option<&'static Path> {
    PROGRAM.get().map(PathBuf::as_path)
}

fn unreadable(name: &str) -> Error {
    Error::Import(format!(
        "无法读取“{name}”：这个文件读不出来（可能已损坏，或不是 WPS/Excel 表格）。请在 WPS 里打开它，另存为 .xlsx 后再导入。"
    ))
}

/// Reads the file in a child process of `program`; never panics, never waits
/// longer than [`TIME_LIMIT`].
pub fn read_in_child(program: &Path, bytes: &[u8], file_name: &str) -> Result<Vec<Sheet>> {
    let mut child = Command::new(program)
        .arg(CHILD_ARG)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|_| unreadable(file_name))?;
    // Input: the name's length (4 bytes, little-endian), the name, the file.
    let mut input = Vec::with_capacity(bytes.len() + file_name.len() + 4);
    input.extend_from_slice(&(file_name.len() as u32).to_le_bytes());
    input.extend_from_slice(file_name.as_bytes());
    input.extend_from_slice(bytes);
    let (mut stdin, mut stdout) = match (child.stdin.take(), child.stdout.take()) {
        (Some(i), Some(o)) => (i, o),
        _ => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(unreadable(file_name));
        }
    };
    // Writing and reading run beside each other, so neither pipe can fill and stall.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input); // a child that died early closes its end
    });
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut out = Vec::new();
        let read = (&mut stdout).take(MAX_OUTPUT).read_to_end(&mut out);
        let _ = tx.send(read.map(|_| out));
    });
    let output = rx.recv_timeout(TIME_LIMIT);
    // Past the time limit, or more output than any roster makes (the child
    // would wait forever to write the rest): stop it.
    if !matches!(&output, Ok(Ok(out)) if (out.len() as u64) < MAX_OUTPUT) {
        let _ = child.kill();
    }
    let status = child.wait();
    let _ = writer.join();
    let out = match (output, status) {
        (Ok(Ok(out)), Ok(status)) if status.success() => out,
        (Err(_), _) => {
            return Err(Error::Import(format!(
                "读“{file_name}”超过了 {} 秒还没有读完，已经停下，没有导入。这个文件可能已损坏，或大得不像党员名册；请在 WPS 里打开它，另存为 .xlsx 后再导入。",
                TIME_LIMIT.as_secs()
            )))
        }
        _ => return Err(unreadable(file_name)),
    };
    match serde_json::from_slice::<std::result::Result<Vec<Sheet>, String>>(&out) {
        Ok(Ok(sheets)) => Ok(sheets),
        Ok(Err(message)) => Err(Error::Import(message)),
        Err(_) => Err(unreadable(file_name)),
    }
}

/// The child's side: reads the request from stdin, limits itself, parses,
/// and writes the sheets (or the message) as JSON to stdout. Returns the exit code.
pub fn child_main() -> i32 {
    let mut input = Vec::new();
    if std::io::stdin().take(MAX_BYTES as u64 + 64 * 1024).read_to_end(&mut input).is_err() || input.len() < 4 {
        return 2;
    }
    let name_len = u32::from_le_bytes([input[0], input[1], input[2], input[3]]) as usize;
    let Some(name) = input.get(4..4 + name_len).and_then(|n| std::str::from_utf8(n).ok()) else { return 2 };
    let name = name.to_string();
    let bytes = &input[4 + name_len..];
    limit_self();
    let result = read_here(bytes, &name).map_err(|e| match e {
        Error::Import(message) => message,
        _ => bad_file(&name).to_string(),
    });
    let Ok(json) = serde_json::to_vec(&result) else { return 3 };
    let mut out = std::io::stdout().lock();
    if out.write_all(&json).and_then(|()| out.flush()).is_err() {
        return 4;
    }
    0
}

/// Caps this process's address space at what it has now plus
/// [`MEMORY_HEADROOM`], and its CPU time at [`CPU_LIMIT_SECS`]. Linux reads
/// the current size from /proc; on Windows the child runs unlimited, and an
/// allocation failure still ends only the child.
fn limit_self() {
    #[cfg(unix)]
    {
        use rustix::process::{setrlimit, Resource, Rlimit};
        let cpu = Rlimit { current: Some(CPU_LIMIT_SECS), maximum: Some(CPU_LIMIT_SECS + 5) };
        let _ = setrlimit(Resource::Cpu, cpu);
        if let Some(now) = address_space_now() {
            let cap = now.saturating_add(MEMORY_HEADROOM);
            let _ = setrlimit(Resource::As, Rlimit { current: Some(cap), maximum: Some(cap) });
        }
    }
}

/// VmSize of this process in bytes (Linux).
#[cfg(unix)]
fn address_space_now() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmSize:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}
