//! 本机备份: snapshots of the database in `<data folder>/备份/`, made with
//! SQLite's backup API (never a file copy of the live database):
//!
//! - `每日_<date>_<time>.sqlite3` on the first start of each day, rotated to
//!   7 daily, 4 weekly and 12 monthly (the newest of each day, week, month);
//! - `升级前_v<N>_<time>.sqlite3` before a migration from version N;
//! - `恢复前_<time>.sqlite3` before a restore replaces the data;
//! - `手动_<time>.sqlite3` when the secretary asks;
//! - `清除示例前_<time>.sqlite3` before 清除示例数据 empties the branch.
//!
//! At start a `PRAGMA quick_check` runs first; a database that fails it is
//! moved aside (never deleted) and the newest good backup is offered.

use super::DB_FILE_NAME;
use crate::error::{Error, Result};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

pub const BACKUP_DIR: &str = "备份";
const DAILY: &str = "每日_";

/// Copies the open connection's database into `target` with the backup API.
pub(crate) fn backup_connection(conn: &rusqlite::Connection, target: &Path) -> Result<()> {
    if let Some(dir) = target.parent() {
        crate::scratch::private_dir(dir)?;
    }
    let tmp = target.with_extension("tmp");
    let _ = std::fs::remove_file(&tmp);
    {
        let mut dst = rusqlite::Connection::open(&tmp)?;
        rusqlite::backup::Backup::new(conn, &mut dst)?.run_to_completion(256, std::time::Duration::ZERO, None)?;
        dst.pragma_update(None, "journal_mode", "DELETE")?;
    }
    std::fs::File::open(&tmp).and_then(|f| f.sync_all()).map_err(Error::at(&tmp))?;
    std::fs::rename(&tmp, target).map_err(Error::at(target))?;
    Ok(())
}

fn stamp() -> String {
    super::now().format("%Y%m%d-%H%M%S").to_string()
}

/// Backs up the database in `data_dir` as `备份/<label>_<time>.sqlite3`.
/// `None` when there is no database yet.
pub fn backup_database(data_dir: &Path, label: &str) -> Result<Option<PathBuf>> {
    let db = data_dir.join(DB_FILE_NAME);
    if !db.exists() {
        return Ok(None);
    }
    let target = data_dir.join(BACKUP_DIR).join(format!("{label}_{}.sqlite3", stamp()));
    let source = rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    backup_connection(&source, &target)?;
    Ok(Some(target))
}

/// The day's first start: a daily snapshot unless one exists for `today`,
/// then rotation. Returns the new snapshot, if one was made.
pub fn daily_backup(data_dir: &Path, today: NaiveDate) -> Result<Option<PathBuf>> {
    let dir = data_dir.join(BACKUP_DIR);
    let prefix = format!("{DAILY}{today}_");
    let exists = std::fs::read_dir(&dir)
        .map(|rd| rd.flatten().any(|e| e.file_name().to_string_lossy().starts_with(&prefix)))
        .unwrap_or(false);
    if exists {
        return Ok(None);
    }
    let made = backup_database(data_dir, &format!("{DAILY}{today}"))?;
    for name in dailies_to_delete(&names_in(&dir)) {
        let _ = std::fs::remove_file(dir.join(name));
    }
    Ok(made)
}

fn names_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default()
}

fn daily_date(name: &str) -> Option<NaiveDate> {
    let rest = name.strip_prefix(DAILY)?;
    NaiveDate::parse_from_str(rest.get(..10)?, "%Y-%m-%d").ok()
}

/// Which daily snapshots rotation removes: all but the newest of each of
/// the 7 newest days, 4 newest ISO weeks and 12 newest months.
pub fn dailies_to_delete(names: &[String]) -> Vec<String> {
    let mut dated: Vec<(NaiveDate, &String)> = names.iter().filter_map(|n| Some((daily_date(n)?, n))).collect();
    dated.sort_by(|a, b| b.cmp(a)); // newest first
    let mut keep: HashSet<&String> = HashSet::new();
    let mut periods = |key: &dyn Fn(NaiveDate) -> (i32, u32), how_many: usize| {
        let mut seen = Vec::new();
        for (d, n) in &dated {
            let k = key(*d);
            if !seen.contains(&k) {
                if seen.len() == how_many {
                    break;
                }
                seen.push(k);
                keep.insert(*n);
            }
        }
    };
    periods(&|d| (d.year(), d.ordinal()), 7);
    periods(&|d| (d.iso_week().year(), d.iso_week().week()), 4);
    periods(&|d| (d.year(), d.month()), 12);
    dated.iter().filter(|(_, n)| !keep.contains(n)).map(|(_, n)| (*n).clone()).collect()
}

/// One snapshot in `备份/`, for the list in 设置 → 备份.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct BackupFile {
    pub path: String,
    pub name: String,
    /// 每日 / 升级前 / 恢复前 / 手动 / 损坏前
    pub kind: String,
    pub size: u64,
    /// `YYYY-MM-DD HH:MM:SS` as the file says.
    pub made_at: String,
}

/// Every snapshot, newest first.
/// The snapshot the page names by `path`, if it really is one of this data
/// folder's: resolved (links and `..` followed) to a regular `.sqlite3` file
/// directly inside `备份/`. Anything else is "not found", so the page can
/// never make a restore read an arbitrary file.
pub fn backup_file(data_dir: &Path, path: &Path) -> Result<PathBuf> {
    let not_found = || crate::error::Error::NotFound("备份");
    let dir = data_dir.join(BACKUP_DIR).canonicalize().map_err(|_| not_found())?;
    let file = path.canonicalize().map_err(|_| not_found())?;
    let is_snapshot = file.parent() == Some(dir.as_path())
        && file.extension().is_some_and(|e| e == "sqlite3")
        && std::fs::metadata(&file).is_ok_and(|m| m.is_file());
    if is_snapshot {
        Ok(file)
    } else {
        Err(not_found())
    }
}

pub fn list_backups(data_dir: &Path) -> Vec<BackupFile> {
    let dir = data_dir.join(BACKUP_DIR);
    let mut out: Vec<BackupFile> = names_in(&dir)
        .into_iter()
        .filter(|n| n.ends_with(".sqlite3"))
        .map(|name| {
            let path = dir.join(&name);
            let kind = name.split('_').next().unwrap_or("").to_string();
            let meta = std::fs::metadata(&path).ok();
            let made_at = meta
                .as_ref()
                .and_then(|m| m.modified().ok())
                .map(|t| chrono::DateTime::<chrono::Local>::from(t).format("%Y-%m-%d %H:%M:%S").to_string())
                .unwrap_or_default();
            BackupFile {
                path: path.display().to_string(),
                name,
                kind,
                size: meta.map(|m| m.len()).unwrap_or(0),
                made_at,
            }
        })
        .collect();
    out.sort_by(|a, b| b.made_at.cmp(&a.made_at).then(b.name.cmp(&a.name)));
    out
}

/// What the start-up check found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct StartCheck {
    /// The damaged database was moved here (never deleted).
    pub moved_to: Option<String>,
    /// The newest backup that passes its own check, to offer.
    pub newest_good_backup: Option<String>,
}

/// What `PRAGMA quick_check` found.
#[derive(Debug, PartialEq, Eq)]
enum Checked {
    Ok,
    /// The check ran and found damage, or the file is not a database at all.
    Damaged,
    /// The check could not run (locked by another program, disk full, no
    /// permission …): that says nothing about the data.
    Unchecked,
}

fn quick_check(path: &Path) -> Checked {
    use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase};
    let verdict = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(DatabaseCorrupt | NotADatabase) => Checked::Damaged,
        _ => Checked::Unchecked,
    };
    let conn = match rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY) {
        Ok(c) => c,
        Err(e) => return verdict(e),
    };
    match conn.query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0)) {
        Ok(s) if s == "ok" => Checked::Ok,
        Ok(_) => Checked::Damaged,
        Err(e) => verdict(e),
    }
}

/// `PRAGMA quick_check` on the database before it is opened for work. Only
/// when the check ran and found damage is the file moved aside with its
/// -wal and -shm files, and the newest backup that passes the same check
/// named. A check that could not run (another program holds the file, the
/// disk is full …) moves nothing: opening the store then says what is wrong.
/// `None`: nothing was moved.
pub fn check_at_start(data_dir: &Path) -> Option<StartCheck> {
    let db = data_dir.join(DB_FILE_NAME);
    if !db.exists() || quick_check(&db) != Checked::Damaged {
        return None;
    }
    let aside = data_dir.join(format!("{DB_FILE_NAME}.损坏_{}", stamp()));
    let moved = std::fs::rename(&db, &aside).is_ok();
    for suffix in ["-wal", "-shm"] {
        let from = format!("{}{suffix}", db.display());
        let _ = std::fs::rename(&from, format!("{}{suffix}", aside.display()));
    }
    let newest_good_backup =
        list_backups(data_dir).into_iter().find(|b| quick_check(Path::new(&b.path)) == Checked::Ok).map(|b| b.path);
    Some(StartCheck { moved_to: moved.then(|| aside.display().to_string()), newest_good_backup })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotation_keeps_7_days_4_weeks_12_months() {
        let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        // Two snapshots a day (the later kept) for 400 days.
        let names: Vec<String> = (0..400)
            .flat_map(|i| {
                let d = start + chrono::Days::new(i);
                [format!("每日_{d}_080000.sqlite3"), format!("每日_{d}_090000.sqlite3")]
            })
            .chain(["升级前_v3_20250101-000000.sqlite3".to_string()])
            .collect();
        let gone: HashSet<String> = dailies_to_delete(&names).into_iter().collect();
        let kept: Vec<&String> = names.iter().filter(|n| !gone.contains(*n)).collect();
        assert!(kept.contains(&&"升级前_v3_20250101-000000.sqlite3".to_string()), "other kinds are not rotated");
        let last = start + chrono::Days::new(399);
        for i in 0..7 {
            let d = last - chrono::Days::new(i);
            assert!(kept.contains(&&format!("每日_{d}_090000.sqlite3")), "{d}");
            assert!(!kept.contains(&&format!("每日_{d}_080000.sqlite3")), "one per day: {d}");
        }
        let months: HashSet<(i32, u32)> =
            kept.iter().filter_map(|n| daily_date(n)).map(|d| (d.year(), d.month())).collect();
        assert_eq!(months.len(), 12, "{months:?}");
        // 7 days + up to 4 weeks + 12 months, overlapping: never more than 23.
        assert!(kept.len() - 1 <= 23 && kept.len() > 12, "{}", kept.len());
    }

    #[test]
    fn only_a_snapshot_inside_the_backup_folder_is_named_for_a_restore() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path();
        std::fs::create_dir_all(data.join(BACKUP_DIR)).unwrap();
        let good = data.join(BACKUP_DIR).join("每日_2026-12-01.sqlite3");
        std::fs::write(&good, b"x").unwrap();
        std::fs::write(data.join("zhibu.sqlite3"), b"x").unwrap();
        std::fs::write(dir.path().join("elsewhere.sqlite3"), b"x").unwrap();
        assert_eq!(backup_file(data, &good).unwrap(), good.canonicalize().unwrap());
        // `备份/../zhibu.sqlite3` starts with 备份/ as a path, and is not in it.
        let climbing = data.join(BACKUP_DIR).join("..").join("zhibu.sqlite3");
        assert!(climbing.starts_with(data.join(BACKUP_DIR)), "the trap the old check fell into");
        assert!(backup_file(data, &climbing).is_err());
        assert!(backup_file(data, &data.join(BACKUP_DIR).join("missing.sqlite3")).is_err());
        assert!(backup_file(data, &data.join(BACKUP_DIR)).is_err());
        #[cfg(unix)]
        {
            let link = data.join(BACKUP_DIR).join("link.sqlite3");
            std::os::unix::fs::symlink(dir.path().join("elsewhere.sqlite3"), &link).unwrap();
            assert!(backup_file(data, &link).is_err(), "a link out of 备份/ is not followed");
        }
    }
}
