//! The branch's database: one SQLite file, opened the same careful way every time.
//!
//! Pragmas, each with its reason:
//!
//! | pragma | value | why |
//! |---|---|---|
//! | `foreign_keys` | `ON` | SQLite leaves foreign keys unchecked unless asked; a payment or status change must never point at a member who is not there |
//! | `journal_mode` | `WAL` | readers do not block the writer, and a crash mid-write leaves the last committed state intact |
//! | `synchronous` | `FULL` | with WAL, `NORMAL` may lose the last commits on a power cut; a village office has power cuts, and a saved record must stay saved |
//! | `busy_timeout` | 5000 ms | a second process (the CLI, a backup) waits for the lock instead of failing at once |
//!
//! Versions live in `PRAGMA user_version` (see [`migrations`]). A database
//! written by a newer program is refused *before* any pragma that writes is
//! run, so it is left byte-for-byte untouched.

pub mod backups;
pub mod changelog;
pub mod lock;
pub mod migrations;

use crate::error::Result;
use chrono::{Local, NaiveDateTime};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// File name of the database inside the data folder.
pub const DB_FILE_NAME: &str = "zhibu.sqlite3";

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if needed) the database in `dir`.
    pub fn open_dir(dir: &Path) -> Result<Store> {
        // Personal data: the folder is the user's alone (docs/RELIABILITY.md).
        crate::scratch::private_dir(dir)?;
        let store = Self::open_file(&dir.join(DB_FILE_NAME))?;
        crate::scratch::make_private(&dir.join(DB_FILE_NAME), 0o600)?;
        Ok(store)
    }

    /// Opens (creating if needed) the database at `path`, migrating it to the
    /// current schema.
    pub fn open_file(path: &Path) -> Result<Store> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        Self::setup(conn, Some(path.to_path_buf()), true)
    }

    /// Opens a copy that is not this PC's data (an archive being restored):
    /// migrated like any other, but without a "升级前" snapshot of it in this
    /// PC's 备份 (issue 14, item 10).
    pub fn open_copy(path: &Path) -> Result<Store> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        Self::setup(conn, Some(path.to_path_buf()), false)
    }

    /// [`open_dir`](Self::open_dir), or, when the folder cannot be written,
    /// [`open_dir_read_only`](Self::open_dir_read_only); the flag says which.
    pub fn open_dir_for_reading(dir: &Path) -> Result<(Store, bool)> {
        match Self::open_dir(dir) {
            Ok(store) => Ok((store, false)),
            Err(e) if cannot_write(&e) => Ok((Self::open_dir_read_only(dir)?, true)),
            Err(e) => Err(e),
        }
    }

    /// Opens the database of a folder that cannot be written (a
    /// write-protected stick, a disc, a folder without permission) for
    /// reading only (issue 14, item 10): the records can be looked at and
    /// every change is refused in words. SQLite is told the file cannot
    /// change (`immutable=1`), since it cannot make its lock files there. A
    /// folder whose last changes are still in the write-ahead log, or whose
    /// data needs upgrading, cannot be read this way and says what to do.
    pub fn open_dir_read_only(dir: &Path) -> Result<Store> {
        use crate::error::Error;
        let path = dir.join(DB_FILE_NAME);
        let copy_first = |why: &str| {
            Error::ReadOnly(format!(
                "数据文件夹 {} 不能写入（只读的U盘或光盘，或没有权限），{why}。请把整个文件夹复制到本机（如“文档”）后再打开；若是U盘，请拨开写保护开关。",
                dir.display()
            ))
        };
        if !path.is_file() {
            return Err(copy_first("里面也还没有支部台账的数据"));
        }
        let wal = dir.join(format!("{DB_FILE_NAME}-wal"));
        if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
            return Err(copy_first("而最后的修改还没有并入数据文件，只读时读不全"));
        }
        let conn = Connection::open_with_flags(
            format!("file:{}?immutable=1", uri_path(&path)),
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(Duration::from_millis(5000))?;
        migrations::refuse_newer(&conn)?;
        if migrations::user_version(&conn)? != migrations::SCHEMA_VERSION {
            return Err(copy_first("而里面的数据来自旧版本，要先升级才能打开"));
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(Store { conn, path: Some(path) })
    }

    /// A private database in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        Self::setup(Connection::open_in_memory()?, None, false)
    }

    fn setup(mut conn: Connection, path: Option<PathBuf>, snapshot_before_migration: bool) -> Result<Store> {
        conn.busy_timeout(Duration::from_millis(5000))?;
        // Refuse a newer database before anything writes to the file.
        migrations::refuse_newer(&conn)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        if path.is_some() {
            let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
            debug_assert_eq!(mode.to_lowercase(), "wal");
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
        if let Some(dir) = path.as_deref().and_then(Path::parent).filter(|_| snapshot_before_migration) {
            // Before any migration of real data: a snapshot of the old version.
            let version = migrations::user_version(&conn)?;
            if version > 0 && version < migrations::SCHEMA_VERSION {
                let stamp = now().format("%Y%m%d-%H%M%S");
                let target = dir.join(backups::BACKUP_DIR).join(format!("升级前_v{version}_{stamp}.sqlite3"));
                backups::backup_connection(&conn, &target)?;
            }
        }
        migrations::migrate(&mut conn)?;
        Ok(Store { conn, path })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// How often a cached statement was run, and how often SQLite had to
    /// prepare it again (tests of reads run once per record).
    #[cfg(test)]
    pub(crate) fn cached_runs(&self, sql: &str) -> (i32, i32) {
        let stmt = self.conn().prepare_cached(sql).expect("a statement the code caches");
        (stmt.get_status(rusqlite::StatementStatus::Run), stmt.get_status(rusqlite::StatementStatus::RePrepare))
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
}

/// Whether `e` means the folder or file cannot be written (read-only or no permission).
pub fn cannot_write(e: &crate::error::Error) -> bool {
    use crate::error::Error;
    use rusqlite::ErrorCode::{CannotOpen, PermissionDenied, ReadOnly};
    match e {
        Error::DataDir { source, .. } => {
            matches!(source.kind(), std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied)
        }
        Error::Db(db) => matches!(db.sqlite_error_code(), Some(ReadOnly | CannotOpen | PermissionDenied)),
        _ => false,
    }
}

/// `path` for an SQLite `file:` URI: every byte but unreserved ASCII and
/// `/` percent-encoded (so `?`, `#`, `%` and Chinese names are safe);
/// Windows backslashes become slashes, and a drive letter gets a leading `/`.
fn uri_path(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::new();
    if text.as_bytes().get(1) == Some(&b':') {
        out.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~') || (b == b':' && out.len() <= 2) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The wall-clock time a change is recorded at, local time, to the second.
pub(crate) fn now() -> NaiveDateTime {
    let t = Local::now().naive_local();
    t.with_nanosecond_zero()
}

trait NoNanos {
    fn with_nanosecond_zero(self) -> Self;
}

impl NoNanos for NaiveDateTime {
    fn with_nanosecond_zero(self) -> Self {
        use chrono::Timelike;
        self.with_nanosecond(0).unwrap_or(self)
    }
}

pub(crate) fn now_text() -> String {
    now().format("%Y-%m-%d %H:%M:%S").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    #[test]
    fn a_migration_of_real_data_is_preceded_by_a_snapshot() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DB_FILE_NAME);
        {
            let mut conn = Connection::open(&path).unwrap();
            migrations::migrate_to(&mut conn, 3).unwrap();
        }
        let store = Store::open_file(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), migrations::SCHEMA_VERSION);
        let list = backups::list_backups(dir.path());
        assert_eq!(list.len(), 1, "{list:?}");
        assert!(list[0].name.starts_with("升级前_v3_"));
        let old = Connection::open(&list[0].path).unwrap();
        let v: i64 = old.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(v, 3, "the snapshot is of the old version");
        drop(store);
        Store::open_file(&path).unwrap();
        assert_eq!(backups::list_backups(dir.path()).len(), 1, "no snapshot when nothing migrates");
    }

    #[test]
    fn an_archived_copy_migrates_without_a_snapshot_in_this_pcs_backups() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("恢复中_1_1.sqlite3");
        {
            let mut conn = Connection::open(&path).unwrap();
            migrations::migrate_to(&mut conn, 3).unwrap();
        }
        let store = Store::open_copy(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), migrations::SCHEMA_VERSION);
        assert!(backups::list_backups(dir.path()).is_empty(), "no foreign data in 备份");
        assert!(!dir.path().join(backups::BACKUP_DIR).exists());
    }

    #[test]
    fn pragmas_are_set_on_a_file_database() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_dir(dir.path()).unwrap();
        let c = store.conn();
        let fk: i64 = c.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
        let mode: String = c.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
        let sync: i64 = c.pragma_query_value(None, "synchronous", |r| r.get(0)).unwrap();
        let busy: i64 = c.pragma_query_value(None, "busy_timeout", |r| r.get(0)).unwrap();
        assert_eq!((fk, mode.as_str(), sync, busy), (1, "wal", 2, 5000));
        assert!(dir.path().join(DB_FILE_NAME).exists());
    }

    #[cfg(unix)]
    #[test]
    fn the_data_folder_and_the_database_are_the_users_alone() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let s = Store::open_dir(&data).unwrap();
        crate::store::backups::backup_database(&data, "手动").unwrap();
        drop(s);
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&data), 0o700);
        assert_eq!(mode(&data.join(DB_FILE_NAME)), 0o600);
        assert_eq!(mode(&data.join(crate::store::backups::BACKUP_DIR)), 0o700);
    }

    #[test]
    fn a_data_dir_that_cannot_be_made_says_so_in_chinese() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("occupied");
        std::fs::write(&file, b"x").unwrap();
        let err = Store::open_dir(&file.join("sub")).err().expect("must fail");
        assert!(matches!(err, Error::DataDir { .. }));
        assert!(err.to_string().contains("无法使用") && err.to_string().contains("occupied"), "{err}");
    }
}
