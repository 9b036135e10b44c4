//! What the app holds while it runs: the open store (or why it could not be
//! opened), the data folder, and "today" (fixed by `--today` in tests).

use crate::error::ApiError;
use chrono::{Local, NaiveDate};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
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

pub struct AppState {
    store: Result<Mutex<Store>, ApiError>,
    data_dir: PathBuf,
    fixed_today: Option<NaiveDate>,
}

impl AppState {
    /// Opens the store in `data_dir`. A failure is kept and shown by every
    /// command, so the window still opens and says what is wrong.
    pub fn open(data_dir: PathBuf, fixed_today: Option<NaiveDate>) -> AppState {
        let store = Store::open_dir(&data_dir).map(Mutex::new).map_err(ApiError::from);
        AppState { store, data_dir, fixed_today }
    }

    pub fn store(&self) -> Result<MutexGuard<'_, Store>, ApiError> {
        match &self.store {
            Ok(m) => Ok(m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())),
            Err(e) => Err(e.clone()),
        }
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The machine's local date, unless fixed by `--today`.
    pub fn today(&self) -> NaiveDate {
        self.fixed_today.unwrap_or_else(|| Local::now().date_naive())
    }
}
