//! 归档备份: the year's archive on a stick (written in the background),
//! verifying and restoring it, and the daily snapshots in `备份/`.

use crate::dto::{ArchiveStatus, BackupList};
use crate::error::{ApiError, ApiResult};
use crate::state::{AppState, ArchiveJob};
use tauri::State;
use zhibu_core::archive::{
    finish_restore, open_archive, prepare_backup_restore, prepare_restore, removable_targets, ArchiveSummary,
    RestoreDone, Target, VerifyReport,
};
use zhibu_core::store::backups::{backup_database, list_backups};

/// USB sticks and drives plugged in now.
#[tauri::command(async)]
pub fn archive_targets() -> Vec<Target> {
    removable_targets()
}

/// Starts writing the year's archive in the background; `archive_status` reports.
#[tauri::command(async)]
pub fn archive_start(state: State<'_, AppState>, year: i32, dest: String, passphrase: Option<String>) -> ApiResult<()> {
    let passphrase = passphrase.filter(|p| !p.is_empty());
    // A missing stick or a short passphrase is said beside its field at once.
    zhibu_core::archive::check_target(std::path::Path::new(&dest), passphrase.as_deref())?;
    let mut job = state.archive.lock().unwrap_or_else(|p| p.into_inner());
    if job.running {
        return Err(ApiError::from(zhibu_core::Error::ArchiveRunning));
    }
    *job = ArchiveJob { running: true, ..Default::default() };
    let progress = job.progress.clone();
    drop(job);
    let state = state.inner().clone();
    std::thread::spawn(move || {
        // The store only for the short step; the long write to the stick runs
        // without it, so every page keeps working meanwhile (issue 15).
        let prepared = state
            .store()
            .and_then(|store| Ok(store.prepare_archive(year, state.today(), env!("CARGO_PKG_VERSION"))?));
        let dest = std::path::Path::new(&dest);
        let result = prepared.and_then(|archive| {
            let done = match passphrase {
                Some(p) => archive.write_sealed(dest, &p, &progress),
                None => archive.write(dest, &progress),
            };
            done.map_err(ApiError::from)
        });
        let mut job = state.archive.lock().unwrap_or_else(|p| p.into_inner());
        job.running = false;
        match result {
            Ok(done) => job.done = Some(done),
            Err(e) => job.error = Some(e),
        }
    });
    Ok(())
}

#[tauri::command(async)]
pub fn archive_status(state: State<'_, AppState>) -> ArchiveStatus {
    use std::sync::atomic::Ordering::Relaxed;
    let job = state.archive.lock().unwrap_or_else(|p| p.into_inner());
    ArchiveStatus {
        running: job.running,
        written: job.progress.written.load(Relaxed),
        total: job.progress.total.load(Relaxed),
        done: job.done.clone(),
        error: job.error.clone(),
    }
}

#[tauri::command(async)]
pub fn archive_cancel(state: State<'_, AppState>) {
    let job = state.archive.lock().unwrap_or_else(|p| p.into_inner());
    job.progress.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// 校验归档: a folder, or an encrypted file with its passphrase.
#[tauri::command(async)]
pub fn archive_verify(path: String, passphrase: Option<String>) -> ApiResult<VerifyReport> {
    let opened = open_archive(std::path::Path::new(&path), passphrase.as_deref())?;
    Ok(zhibu_core::archive::verify_archive(&opened.dir)?)
}

/// What an archive holds, shown before restoring (verifies it first).
#[tauri::command(async)]
pub fn archive_inspect(
    state: State<'_, AppState>,
    path: String,
    passphrase: Option<String>,
) -> ApiResult<ArchiveSummary> {
    // Kept opened for the restore that follows: decrypted once (issue 14, item 8).
    let path = std::path::Path::new(&path);
    Ok(state.checked_archive.check(path, passphrase.as_deref(), zhibu_core::archive::inspect_archive)?)
}

/// 从归档恢复: verify, stage and check, back up the current data, swap.
#[tauri::command(async)]
pub fn archive_restore(state: State<'_, AppState>, path: String, passphrase: Option<String>) -> ApiResult<RestoreDone> {
    let opened = state.checked_archive.take(std::path::Path::new(&path), passphrase.as_deref())?;
    let prepared = prepare_restore(&opened.dir, state.data_dir())?;
    state.swap_database(|| finish_restore(prepared, state.data_dir()))
}

#[tauri::command(async)]
pub fn backup_list(state: State<'_, AppState>) -> BackupList {
    BackupList { backups: list_backups(state.data_dir()), start_check: state.start_check.clone() }
}

#[tauri::command(async)]
pub fn backup_now(state: State<'_, AppState>) -> ApiResult<Option<String>> {
    let _store = state.store()?;
    Ok(backup_database(state.data_dir(), "手动")?.map(|p| p.display().to_string()))
}

/// Restores a snapshot from `备份/` (the current data is backed up first).
#[tauri::command(async)]
pub fn backup_restore(state: State<'_, AppState>, path: String) -> ApiResult<RestoreDone> {
    let file = zhibu_core::store::backups::backup_file(state.data_dir(), std::path::Path::new(&path))?;
    let prepared = prepare_backup_restore(&file, state.data_dir())?;
    state.swap_database(|| finish_restore(prepared, state.data_dir()))
}
