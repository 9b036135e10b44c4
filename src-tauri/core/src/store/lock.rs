//! One writer per data folder (issue 14, item 5; docs/RELIABILITY.md).
//!
//! Two windows on one data folder lost commits: a restore in one deleted the
//! WAL the other was writing. The window holds an exclusive lock on
//! `<data folder>/.zhibu.lock` for its whole life, and every command of the
//! CLI that writes takes the same lock; a second holder is refused with a
//! message saying what to do. The operating system releases the lock when
//! the process ends, however it ends, so a crash never leaves the folder
//! locked.

use crate::error::{Error, Result};
use fs4::FileExt;
use std::path::{Path, PathBuf};

pub const LOCK_FILE: &str = ".zhibu.lock";
/// Where a second start asks the open window to come forward, and the
/// window answers (`show <n>` then `shown <n>`).
pub const SHOW_FILE: &str = ".zhibu.show";

/// The held lock; released when dropped (or when the process ends).
#[derive(Debug)]
pub struct DataLock {
    _file: std::fs::File,
    pub path: PathBuf,
}

impl DataLock {
    /// Takes the data folder's lock, or says who holds it.
    pub fn acquire(data_dir: &Path) -> Result<DataLock> {
        crate::scratch::private_dir(data_dir)?;
        let path = data_dir.join(LOCK_FILE);
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)
            .map_err(|source| Error::DataDir { path: path.clone(), source })?;
        // fs4 rather than std's File::try_lock: the MSRV (1.85) predates it.
        match FileExt::try_lock(&file) {
            Ok(()) => Ok(DataLock { _file: file, path }),
            Err(fs4::TryLockError::WouldBlock) => Err(Error::InUse),
            Err(fs4::TryLockError::Error(source)) => Err(Error::DataDir { path, source }),
        }
    }

    /// [`acquire`](Self::acquire), waiting up to `patience` for a holder that
    /// is closing (a window reopened at once after closing it).
    pub fn acquire_within(data_dir: &Path, patience: std::time::Duration) -> Result<DataLock> {
        let end = std::time::Instant::now() + patience;
        loop {
            match Self::acquire(data_dir) {
                Err(Error::InUse) if std::time::Instant::now() < end => {
                    std::thread::sleep(std::time::Duration::from_millis(100))
                }
                other => return other,
            }
        }
    }
}

/// A second start of the app on a folder whose window is open: it asks that
/// window to come forward and waits for the answer, instead of opening a
/// second window that could only say "in use". Per data folder, through a
/// file in it, so it works the same on Windows and Linux, needs no session
/// bus and no network port, and a window on another folder is left alone.
#[derive(Debug, PartialEq, Eq)]
pub enum SecondStart {
    /// No one holds the folder (or the holder closed meanwhile): open the window.
    FolderFree,
    /// The open window answered: it is in front now; this start can end.
    Shown,
    /// The holder did not answer (a command-line restore, or a hung window).
    NoAnswer,
}

/// Asks whoever holds `data_dir` to show its window; waits up to `patience`.
pub fn ask_open_window_to_show(data_dir: &Path, patience: std::time::Duration) -> SecondStart {
    match DataLock::acquire(data_dir) {
        Ok(_free) => return SecondStart::FolderFree,
        Err(Error::InUse) => {}
        Err(_) => return SecondStart::FolderFree, // the window will say what is wrong
    }
    let nonce = format!(
        "{}-{}",
        std::process::id(),
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos())
    );
    let path = data_dir.join(SHOW_FILE);
    if std::fs::write(&path, format!("show {nonce}")).is_err() {
        return SecondStart::NoAnswer;
    }
    let end = std::time::Instant::now() + patience;
    while std::time::Instant::now() < end {
        std::thread::sleep(std::time::Duration::from_millis(100));
        if std::fs::read_to_string(&path).is_ok_and(|s| s == format!("shown {nonce}")) {
            return SecondStart::Shown;
        }
        if let Ok(_free) = DataLock::acquire(data_dir) {
            return SecondStart::FolderFree;
        }
    }
    SecondStart::NoAnswer
}

/// The open window's side: [`ShowRequests::take`] answers a new request
/// once; the window then comes forward.
#[derive(Debug)]
pub struct ShowRequests {
    path: PathBuf,
}

impl ShowRequests {
    /// Watches `data_dir` (an old request left by a killed start is ignored).
    pub fn watch(data_dir: &Path) -> ShowRequests {
        let path = data_dir.join(SHOW_FILE);
        let _ = std::fs::remove_file(&path);
        ShowRequests { path }
    }

    /// Whether a second start has asked since the last call; answers it.
    pub fn take(&self) -> bool {
        let Ok(text) = std::fs::read_to_string(&self.path) else { return false };
        let Some(nonce) = text.strip_prefix("show ") else { return false };
        std::fs::write(&self.path, format!("shown {nonce}")).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_holder_at_a_time_and_free_again_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let first = DataLock::acquire(dir.path()).unwrap();
        let second = DataLock::acquire(dir.path()).unwrap_err();
        assert!(matches!(second, Error::InUse));
        assert!(second.to_string().contains("另一个支部台账"));
        drop(first);
        assert!(DataLock::acquire(dir.path()).is_ok());
    }

    #[test]
    fn a_second_start_asks_the_open_window_and_gets_its_answer() {
        let dir = tempfile::tempdir().unwrap();
        let quick = std::time::Duration::from_millis(300);
        assert_eq!(ask_open_window_to_show(dir.path(), quick), SecondStart::FolderFree);
        let held = DataLock::acquire(dir.path()).unwrap();
        // A holder that does not watch (a command-line restore): no answer.
        assert_eq!(ask_open_window_to_show(dir.path(), quick), SecondStart::NoAnswer);
        let window = ShowRequests::watch(dir.path());
        assert!(!window.take(), "the stale request is cleared when the window starts watching");
        let answering = std::thread::spawn(move || {
            for _ in 0..50 {
                if window.take() {
                    return true;
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            false
        });
        assert_eq!(ask_open_window_to_show(dir.path(), std::time::Duration::from_secs(5)), SecondStart::Shown);
        assert!(answering.join().unwrap());
        drop(held);
        assert_eq!(ask_open_window_to_show(dir.path(), quick), SecondStart::FolderFree);
    }
}
