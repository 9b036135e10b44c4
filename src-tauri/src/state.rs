//! What the app holds while it runs: the open store (or why it could not be
//! opened), the data folder, and "today" (fixed by `--today` in tests).

use crate::error::ApiError;
use chrono::{Local, NaiveDate};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use zhibu_core::archive::{ArchiveDone, Progress};
use zhibu_core::store::backups::{self, StartCheck};
use zhibu_core::store::lock::DataLock;
use zhibu_core::Store;

/// The OS app-data folder (`~/.local/share/cn.zhibu.taizhang` on Linux,
/// `%APPDATA%\cn.zhibu.taizhang` on Windows), the same one Tauri uses.
pub const APP_IDENTIFIER: &str = "cn.zhibu.taizhang";

pub fn default_data_dir() -> PathBuf {
    dirs::data_dir().unwrap_or_else(|| PathBuf::from(".")).join(APP_IDENTIFIER)
}

/// `--data-dir`, else `ZHIBU_DATA_DIR`, else the OS app-data folder.
pub fn resolve_data_dir(flag: Option<PathBuf>) -> PathBuf {
    flag.or_else(|| std::env::var_os("ZHIBU_DATA_DIR").filter(|v| !v.is_empty()).map(PathBuf::from))
        .unwrap_or_else(default_data_dir)
}

/// The year-end archive being written in the background, for the progress bar.
#[derive(Default)]
pub struct ArchiveJob {
    pub running: bool,
    pub done: Option<ArchiveDone>,
    pub error: Option<ApiError>,
    pub progress: Arc<Progress>,
}

/// What the app holds, shared with background work (the archive thread).
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

pub struct Shared {
    /// The open store, or why it could not be opened. Behind one lock so a
    /// restore can close it, swap the file, and open the new one.
    store: Mutex<Result<Store, ApiError>>,
    data_dir: PathBuf,
    fixed_today: Option<NaiveDate>,
    /// What the start-up check found wrong (a damaged database moved aside).
    pub start_check: Option<StartCheck>,
    pub archive: Mutex<ArchiveJob>,
    /// The data folder cannot be written: the store is open for reading only.
    pub read_only: bool,
    /// The archive just checked (检查), kept decrypted for its restore (恢复).
    pub checked_archive: zhibu_core::archive::OpenedOnce,
    /// The data folder's lock, held while the window is open.
    _lock: Option<DataLock>,
}

/// The store, while its lock is held.
pub struct StoreGuard<'a>(MutexGuard<'a, Result<Store, ApiError>>);

impl std::ops::Deref for StoreGuard<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        match &*self.0 {
            Ok(s) => s,
            Err(_) => unreachable!("a StoreGuard is only made for an open store"),
        }
    }
}

impl std::ops::DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        match &mut *self.0 {
            Ok(s) => s,
            Err(_) => unreachable!("a StoreGuard is only made for an open store"),
        }
    }
}

impl AppState {
    /// Checks the database (`quick_check`; a damaged one is moved aside),
    /// makes the day's first snapshot, and opens the store. A failure is kept
    /// and shown by every command, so the window still opens and says what
    /// is wrong — and a backup or an archive can still be restored.
    pub fn open(data_dir: PathBuf, fixed_today: Option<NaiveDate>) -> AppState {
        let today = fixed_today.unwrap_or_else(|| Local::now().date_naive());
        // Scratch copies a killed run left (decrypted archives, snapshots) go first.
        zhibu_core::scratch::clear_stale();
        // One window per data folder: a second one touches nothing and says why.
        let lock = match DataLock::acquire_within(&data_dir, std::time::Duration::from_secs(5)) {
            Ok(lock) => lock,
            Err(e) => {
                // A folder that cannot be written (a write-protected stick) is
                // opened for reading: the records show, every change is refused
                // in words (issue 14, item 10). Nobody can write it, so no lock.
                let read_only = zhibu_core::store::cannot_write(&e);
                let store = if read_only {
                    Store::open_dir_read_only(&data_dir).map_err(ApiError::from)
                } else {
                    Err(ApiError::from(e))
                };
                return AppState(Arc::new(Shared {
                    store: Mutex::new(store),
                    data_dir,
                    fixed_today,
                    start_check: None,
                    archive: Mutex::default(),
                    checked_archive: Default::default(),
                    read_only,
                    _lock: None,
                }));
            }
        };
        let start_check = backups::check_at_start(&data_dir);
        match &start_check {
            Some(found) => tracing::error!("启动检查：数据文件损坏，已移到一边：{:?}", found.moved_to),
            // A failed snapshot must not keep the secretary from working; it is logged.
            None => match backups::daily_backup(&data_dir, today) {
                Ok(Some(path)) => tracing::info!("每日备份：{}", path.display()),
                Ok(None) => {}
                Err(e) => tracing::error!("每日备份失败：{e}"),
            },
        }
        let store = match &start_check {
            Some(found) => Err(ApiError {
                code: zhibu_core::Code::DatabaseDamaged,
                message: format!(
                    "数据文件损坏了，已把它移到一边保存（{}），没有删除。请到“归档备份”里从最近的备份或年度归档恢复。",
                    found.moved_to.clone().unwrap_or_default()
                ),
                fields: None,
            }),
            None => Store::open_dir(&data_dir).map_err(ApiError::from),
        };
        AppState(Arc::new(Shared {
            store: Mutex::new(store),
            data_dir,
            fixed_today,
            start_check,
            archive: Mutex::default(),
            checked_archive: Default::default(),
            read_only: false,
            _lock: Some(lock),
        }))
    }
}

impl Shared {
    pub fn store(&self) -> Result<StoreGuard<'_>, ApiError> {
        let guard = self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match &*guard {
            Ok(_) => Ok(StoreGuard(guard)),
            Err(e) => Err(e.clone()),
        }
    }

    /// Closes the store, runs `swap` (which replaces the database file), and
    /// opens the store again — the old one if `swap` failed.
    pub fn swap_database<T>(&self, swap: impl FnOnce() -> Result<T, zhibu_core::Error>) -> Result<T, ApiError> {
        let mut guard = self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let closed = std::mem::replace(&mut *guard, Err(ApiError::from(zhibu_core::Error::NotFound("数据文件"))));
        drop(closed);
        let result = swap();
        *guard = Store::open_dir(&self.data_dir).map_err(ApiError::from);
        Ok(result?)
    }

    /// Whether this window holds the data folder (it is not a second one).
    pub fn holds_lock(&self) -> bool {
        self._lock.is_some()
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The machine's local date, unless fixed by `--today`.
    pub fn today(&self) -> NaiveDate {
        self.fixed_today.unwrap_or_else(|| Local::now().date_naive())
    }
}
