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
}
