//! 从归档恢复 (handover to a new secretary or PC): verify the archive, refuse
//! a newer schema, restore into a staging database and check it, show what
//! it holds, then — after a backup of the current data — swap it in. All or
//! nothing: until the final rename the current database is untouched.

use super::{read_manifest, verify_archive, DB_IN_ARCHIVE};
use crate::error::{Error, Result};
use crate::store::migrations::SCHEMA_VERSION;
use crate::store::{Store, DB_FILE_NAME};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// What an archive holds, shown before the secretary confirms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ArchiveSummary {
    pub branch: String,
    pub year: i32,
    pub created_at: String,
    pub app_version: String,
    pub schema_version: i64,
    pub members: i64,
    pub meetings: i64,
    pub payments: i64,
}

/// A checked copy of the archive's database, ready to swap in.
#[derive(Debug)]
pub struct PreparedRestore {
    pub staging: PathBuf,
    pub summary: ArchiveSummary,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct RestoreDone {
    /// Where the data that was replaced was backed up, if there was any.
    pub backup: Option<String>,
    pub summary: ArchiveSummary,
}

/// Staging databases are named `恢复中_<pid>_<nanos>.sqlite3`.
const STAGING_PREFIX: &str = "恢复中";

/// Removes a database file and every sidecar SQLite may have left with it.
pub(crate) fn remove_with_sidecars(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

/// A staging file under a name no earlier run used, after clearing what a
/// killed restore left: a leftover `-wal` or `-journal` would otherwise be
/// replayed into the next staging copy (a good archive refused, or wrong
/// data restored as if it were right).
pub(crate) fn fresh_staging(data_dir: &Path) -> PathBuf {
    if let Ok(entries) = std::fs::read_dir(data_dir) {
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with(STAGING_PREFIX) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    data_dir.join(format!("{STAGING_PREFIX}_{}_{nanos}.sqlite3", std::process::id()))
}

/// Every table, index, trigger and view with its SQL, in a stable order.
fn schema_of(store: &Store) -> Result<Vec<(String, String, String)>> {
    let mut stmt = store.conn().prepare(
        "SELECT type, name, COALESCE(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn count(store: &Store, sql: &str) -> Result<i64> {
    Ok(store.conn().query_row(sql, [], |r| r.get(0))?)
}

/// Verifies the archive and copies its database into `work` (never opening
/// the one on the stick, which must stay as it is); checks the copy.
fn stage(archive: &Path, staging: &Path) -> Result<ArchiveSummary> {
    let report = verify_archive(archive)?;
    if !report.ok {
        return Err(Error::Archive(report.message));
    }
    let manifest = read_manifest(archive)?;
    if manifest.schema_version > SCHEMA_VERSION {
        return Err(Error::SchemaTooNew { found: manifest.schema_version, supported: SCHEMA_VERSION });
    }
    let mut summary = copy_and_check(&archive.join(DB_IN_ARCHIVE), staging)?;
    summary.year = manifest.year;
    summary.created_at = manifest.created_at;
    summary.app_version = manifest.app_version;
    summary.schema_version = manifest.schema_version;
    Ok(summary)
}

/// Copies a database file to `staging`, opens it (migrating an older one),
/// and checks it; what it holds.
fn copy_and_check(from: &Path, staging: &Path) -> Result<ArchiveSummary> {
    remove_with_sidecars(staging);
    std::fs::copy(from, staging).map_err(Error::at(staging))?;
    std::fs::File::open(staging).and_then(|f| f.sync_all()).map_err(Error::at(staging))?;
    // An older archive is migrated in the copy; its failure is told in words,
    // and the copy leaves no snapshot in this PC's 备份.
    let store = Store::open_copy(staging).map_err(|e| match e {
        Error::Db(_) => Error::Corrupt("这份数据是旧版本支部台账的，升级到本版本时出错，没有恢复".into()),
        other => other,
    })?;
    let check: String = store.conn().query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if check != "ok" {
        return Err(Error::Corrupt(format!("这份数据没有通过完整性检查（{check}）")));
    }
    // The schema must be exactly this program's: an extra trigger or view
    // would be restored and then run on the secretary's data (issue 14, item 7).
    if schema_of(&store)? != schema_of(&Store::open_in_memory()?)? {
        return Err(Error::Corrupt(
            "这份数据的结构与本程序的不一致（例如多出了触发器或视图），为安全起见没有恢复".into(),
        ));
    }
    // Content, not only integrity: every attachment is named by a 64-digit
    // SHA-256, or a later archive could read and write outside the folder.
    let bad_names = count(
        &store,
        "SELECT count(*) FROM meeting_attachments WHERE length(sha256) != 64 OR sha256 GLOB '*[^0-9a-f]*'",
    )?;
    if bad_names > 0 {
        return Err(Error::Corrupt(format!(
            "这份数据里有 {bad_names} 条附件登记不正常（文件标识不是校验码），为安全起见没有恢复"
        )));
    }
    Ok(ArchiveSummary {
        branch: store.branch()?.name,
        year: 0,
        created_at: String::new(),
        app_version: String::new(),
        schema_version: store.schema_version()?,
        // As the roster counts them (not those transferred out or off it), so
        // the summary says what the 花名册 will show (issue 17, item 4).
        members: store.members(&crate::members::MemberQuery::default())?.len() as i64,
        meetings: count(&store, "SELECT count(*) FROM meetings WHERE deleted_at IS NULL")?,
        payments: count(&store, "SELECT count(*) FROM dues_payments")?,
    })
}

/// Step one for a snapshot from `备份/`: copy it to the staging file and
/// check it. The current database is not touched.
pub fn prepare_backup_restore(file: &Path, data_dir: &Path) -> Result<PreparedRestore> {
    let staging = fresh_staging(data_dir);
    match copy_and_check(file, &staging) {
        Ok(mut summary) => {
            summary.created_at = crate::store::backups::list_backups(data_dir)
                .into_iter()
                .find(|b| Path::new(&b.path) == file)
                .map(|b| b.made_at)
                .unwrap_or_default();
            Ok(PreparedRestore { staging, summary })
        }
        Err(e) => {
            remove_with_sidecars(&staging);
            Err(e)
        }
    }
}

/// What an archive holds (after verifying it), without changing anything
/// but a scratch copy in the system's temporary folder.
pub fn inspect_archive(archive: &Path) -> Result<ArchiveSummary> {
    let scratch = super::scratch_file("inspect");
    let result = stage(archive, &scratch);
    remove_with_sidecars(&scratch);
    result
}

/// Step one: verify, stage and check the archive's database in `data_dir`,
/// and bring in its attachments (content-addressed, so nothing is replaced).
/// The current database is not touched.
pub fn prepare_restore(archive: &Path, data_dir: &Path) -> Result<PreparedRestore> {
    std::fs::create_dir_all(data_dir).map_err(Error::at(data_dir))?;
    let staging = fresh_staging(data_dir);
    let summary = match stage(archive, &staging) {
        Ok(s) => s,
        Err(e) => {
            remove_with_sidecars(&staging);
            return Err(e);
        }
    };
    // Only the attachments the (verified) manifest lists, each a plain
    // SHA-256 name: nothing else in the folder, and no link, is copied in.
    let listed: Vec<String> = read_manifest(archive)?
        .files
        .into_iter()
        .filter_map(|f| f.path.strip_prefix("附件/").map(str::to_string))
        .filter(|name| {
            let sha = name.split('.').next().unwrap_or("");
            crate::meetings::attachments::is_sha256_hex(sha) && !name.contains('/') && !name.contains('\\')
        })
        .collect();
    if !listed.is_empty() {
        let to = data_dir.join("attachments");
        crate::scratch::private_dir(&to)?;
        for name in listed {
            let target = to.join(&name);
            if !target.exists() {
                let tmp = to.join(format!(".{name}.tmp"));
                std::fs::copy(archive.join("附件").join(&name), &tmp).map_err(Error::at(&tmp))?;
                std::fs::rename(&tmp, &target).map_err(Error::at(&target))?;
            }
        }
    }
    Ok(PreparedRestore { staging, summary })
}

/// Step two, with every connection to the current database closed: back it
/// up, then put the staged database in its place with one rename.
pub fn finish_restore(prepared: PreparedRestore, data_dir: &Path) -> Result<RestoreDone> {
    let backup = swap_in(&prepared.staging, data_dir, "恢复前")?;
    tracing::info!("已从归档恢复（恢复前的数据已备份）");
    Ok(RestoreDone { backup: backup.map(|p| p.display().to_string()), summary: prepared.summary })
}

/// With every connection to the current database closed: back it up as
/// `备份/<label>_…`, then put `staging` in its place with one rename (a
/// restore, and 清除示例数据 with a fresh empty database). The backup, if
/// there was a database to back up.
pub(crate) fn swap_in(staging: &Path, data_dir: &Path, label: &str) -> Result<Option<PathBuf>> {
    let backup = crate::store::backups::backup_database(data_dir, label)?;
    let db = data_dir.join(DB_FILE_NAME);
    // The current database's last commits may still be in its WAL (a writer
    // killed before it checkpointed): fold them into the file first, so that
    // removing the sidecars below loses nothing, whenever this is killed.
    if db.is_file() {
        let conn = rusqlite::Connection::open(&db)?;
        let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        if busy != 0 {
            return Err(Error::InUse);
        }
    }
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    std::fs::rename(staging, &db).map_err(Error::at(&db))?;
    #[cfg(unix)]
    std::fs::File::open(data_dir).and_then(|d| d.sync_all()).map_err(Error::at(data_dir))?;
    Ok(backup)
}
