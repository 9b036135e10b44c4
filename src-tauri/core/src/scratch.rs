//! Private folders for personal data (issue 14, item 9; docs/RELIABILITY.md).
//!
//! The data folder, its backups and attachments, and every scratch copy of a
//! database or a decrypted archive are readable by the user alone (0700 on
//! Linux; on Windows they live in the user's own profile). Scratch space is
//! one folder per process under `<temp>/zhibu-scratch/`, so what a killed
//! process left behind can be found and cleared at the next start.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// Creates `dir` (and its parents) and makes it private to the user.
pub fn private_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| Error::DataDir { path: dir.to_path_buf(), source })?;
    make_private(dir, 0o700)
}

/// Makes a file or folder readable by the user alone (Linux; a no-op elsewhere).
pub fn make_private(path: &Path, mode: u32) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
            .map_err(|source| Error::DataDir { path: path.to_path_buf(), source })?;
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
    Ok(())
}

/// `<temp>/zhibu-scratch`: the parent of every process's scratch folder.
pub fn root() -> PathBuf {
    std::env::temp_dir().join("zhibu-scratch")
}

/// This process's private scratch folder.
pub fn process_dir() -> Result<PathBuf> {
    let root = root();
    private_dir(&root)?;
    let dir = root.join(std::process::id().to_string());
    private_dir(&dir)?;
    Ok(dir)
}

/// A new private temporary folder inside this process's scratch folder,
/// removed when dropped.
pub fn tempdir() -> Result<tempfile::TempDir> {
    let dir = process_dir()?;
    let t = tempfile::Builder::new()
        .prefix("zhibu-")
        .tempdir_in(&dir)
        .map_err(|source| Error::DataDir { path: dir, source })?;
    // tempfile leaves the folder to the umask (0755 seen here).
    make_private(t.path(), 0o700)?;
    Ok(t)
}

/// Whether a process with this id is running (Linux: /proc). Elsewhere a
/// folder is taken to be stale once it is a day old.
fn alive(pid: u32, modified: Option<std::time::SystemTime>) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        modified.and_then(|m| m.elapsed().ok()).is_none_or(|age| age.as_secs() < 24 * 3600)
    }
}

/// Removes what killed processes left in the scratch space: folders of
/// processes that no longer run. Returns how many were removed.
pub fn clear_stale() -> usize {
    let Ok(entries) = std::fs::read_dir(root()) else { return 0 };
    let mut removed = 0;
    for e in entries.flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) else { continue };
        if pid == std::process::id() || alive(pid, e.metadata().and_then(|m| m.modified()).ok()) {
            continue;
        }
        if std::fs::remove_dir_all(e.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn scratch_is_private_and_a_dead_process_leftovers_are_cleared() {
        let t = tempdir().unwrap();
        assert_eq!(mode(&root()), 0o700);
        assert_eq!(mode(&process_dir().unwrap()), 0o700);
        assert_eq!(mode(t.path()), 0o700);
        // A folder of a process that is not running (pid beyond pid_max).
        let dead = root().join("4194305");
        std::fs::create_dir_all(dead.join("x")).unwrap();
        std::fs::write(dead.join("x/花名册.sqlite3"), b"personal data").unwrap();
        assert!(clear_stale() >= 1);
        assert!(!dead.exists());
        assert!(process_dir().unwrap().exists(), "our own stays");
    }

    #[test]
    fn a_private_dir_is_0700() {
        let t = tempfile::tempdir().unwrap();
        let d = t.path().join("a/b");
        private_dir(&d).unwrap();
        assert_eq!(mode(&d), 0o700);
    }
}
