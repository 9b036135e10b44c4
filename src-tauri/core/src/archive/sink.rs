//! The careful writer under an archive: hashes while it writes, counts
//! bytes for the progress bar, honours cancel, flushes every file and
//! folder, and (for tests) fails after a given number of bytes as a full or
//! pulled stick would.

use super::Progress;
use crate::error::Error;
use sha2::{Digest, Sha256};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

/// A pause before each file written to the stick, to stand in for a slow
/// USB stick in the end-to-end tests (`zhibu --slow-writes-ms N`; 0 = none).
static SLOW_WRITES_MS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Makes every file written to a stick take at least `ms` longer (tests only).
pub fn slow_writes_for_tests(ms: u64) {
    SLOW_WRITES_MS.store(ms, std::sync::atomic::Ordering::Relaxed);
}

pub(super) struct Sink<'a> {
    progress: &'a Progress,
    /// Bytes left before the injected fault; `None` in real use.
    budget: Option<u64>,
    dirs: Vec<PathBuf>,
}

fn injected() -> io::Error {
    io::Error::new(io::ErrorKind::StorageFull, "injected fault")
}

impl<'a> Sink<'a> {
    pub(super) fn new(progress: &'a Progress, fail_after: Option<u64>) -> Sink<'a> {
        Sink { progress, budget: fail_after, dirs: Vec::new() }
    }

    /// Takes `n` bytes from the budget; how many may really be written.
    fn spend(&mut self, n: u64) -> u64 {
        match &mut self.budget {
            None => n,
            Some(left) => {
                let ok = n.min(*left);
                *left -= ok;
                ok
            }
        }
    }

    /// Writes `src` to `target` (creating its folder), flushed to the device.
    /// Returns the size and SHA-256 of what was written.
    pub(super) fn write_file(&mut self, target: &Path, src: &mut dyn Read) -> io::Result<(u64, String)> {
        let slow = SLOW_WRITES_MS.load(std::sync::atomic::Ordering::Relaxed);
        if slow > 0 {
            std::thread::sleep(std::time::Duration::from_millis(slow));
        }
        if let Some(parent) = target.parent() {
            if !parent.exists() {
                std::fs::create_dir_all(parent)?;
                self.dirs.push(parent.to_path_buf());
            }
        }
        let mut f = std::fs::File::create(target)?;
        let mut h = Sha256::new();
        let mut buf = vec![0u8; 1 << 20];
        let mut size = 0u64;
        loop {
            if self.progress.cancelled() {
                return Err(io::Error::new(io::ErrorKind::Interrupted, "cancelled"));
            }
            let n = src.read(&mut buf)?;
            if n == 0 {
                break;
            }
            let allowed = self.spend(n as u64) as usize;
            f.write_all(&buf[..allowed])?;
            if allowed < n {
                return Err(injected());
            }
            h.update(&buf[..n]);
            size += n as u64;
            self.progress.written.fetch_add(n as u64, Ordering::Relaxed);
        }
        f.sync_all()?;
        Ok((size, format!("{:x}", h.finalize())))
    }

    /// Flushes the folders' entries (file names) to the device as well.
    pub(super) fn sync_dirs(&mut self, root: &Path) -> io::Result<()> {
        let mut dirs = self.dirs.clone();
        dirs.push(root.to_path_buf());
        for d in dirs {
            sync_dir(&d)?;
        }
        Ok(())
    }

    /// The last step: the finished folder gets its real name.
    pub(super) fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        if self.spend(1) == 0 {
            return Err(injected());
        }
        std::fs::rename(from, to)?;
        if let Some(parent) = to.parent() {
            sync_dir(parent)?;
        }
        Ok(())
    }

    /// The error for the page: cancelled, or what went wrong in Chinese.
    pub(super) fn error(&self, what: &Path, e: io::Error) -> Error {
        if self.progress.cancelled() {
            Error::Cancelled
        } else {
            explain(what, e)
        }
    }
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

/// Windows flushes folder entries with the files; a folder cannot be opened
/// for flushing there.
#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// An I/O error as a secretary can act on it.
pub(crate) fn explain(what: &Path, e: io::Error) -> Error {
    use io::ErrorKind::*;
    let tail = "没有生成归档，U盘上以前的归档没有改动。";
    let msg = match e.kind() {
        StorageFull | QuotaExceeded => {
            return Error::StickFull(format!("U盘空间已满，写不下了。请换一个U盘或删掉不需要的文件后再试。{tail}"))
        }
        ReadOnlyFilesystem | PermissionDenied => {
            format!("无法写入 {}：U盘可能是只读的（有的U盘侧面有写保护开关），或没有写入权限。{tail}", what.display())
        }
        NotFound => format!("找不到 {}：U盘可能已被拔出。请插好U盘后重试。{tail}", what.display()),
        _ => format!("写入 {} 时出错（{e}）：U盘可能已被拔出或损坏。请重试，或换一个U盘。{tail}", what.display()),
    };
    Error::Archive(msg)
}
