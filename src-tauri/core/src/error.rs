//! The core's error type. Messages are Simplified Chinese, fit to show a
//! secretary; they never carry an ID or phone number, so they are safe to log.
//! The app crate maps each variant to a stable machine `code` at its boundary.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// For `map_err`: an I/O failure on `path` (a file, a stick), as [`Error::Io`].
    pub fn at(path: &std::path::Path) -> impl Fn(std::io::Error) -> Error + '_ {
        move |source| Error::Io { path: path.to_path_buf(), source }
    }
}

/// The stable machine word of every error the page, the command line and the
/// log are given (`code` in `{ code, message, fields? }`), one per thing the
/// page may act on. Serialised in snake_case; the page's TypeScript union
/// `Code` is generated from it into `ui/src/generated/types.ts`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    Validation,
    NotFound,
    NotEmpty,
    SchemaTooNew,
    /// The data folder itself cannot be made or used.
    DataDir,
    /// Reading or writing some other file or folder (a stick, an export) failed.
    Io,
    Database,
    DatabaseDamaged,
    DemoBroken,
    FileCorrupt,
    InvalidFile,
    WorkbookFailed,
    ArchiveFailed,
    /// The stick has no room left.
    StickFull,
    WrongPassphrase,
    NotAnArchive,
    /// An archive is being written already.
    ArchiveRunning,
    Cancelled,
    ImportFailed,
    DataInUse,
    ReadOnly,
    /// The page named a file it may not open, reveal or copy, or a
    /// destination it may not write (only exports and backups, never into
    /// the data folder).
    NotAllowed,
    /// 清除示例数据 refused: the folder is not the demo, or holds her own records.
    DemoNotClearable,
}

impl Code {
    /// Every code, in the order the TypeScript union lists them.
    pub const ALL: [Code; 23] = [
        Code::Validation,
        Code::NotFound,
        Code::NotEmpty,
        Code::SchemaTooNew,
        Code::DataDir,
        Code::Io,
        Code::Database,
        Code::DatabaseDamaged,
        Code::DemoBroken,
        Code::FileCorrupt,
        Code::InvalidFile,
        Code::WorkbookFailed,
        Code::ArchiveFailed,
        Code::StickFull,
        Code::WrongPassphrase,
        Code::NotAnArchive,
        Code::ArchiveRunning,
        Code::Cancelled,
        Code::ImportFailed,
        Code::DataInUse,
        Code::ReadOnly,
        Code::NotAllowed,
        Code::DemoNotClearable,
    ];

    /// The word itself, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Validation => "validation",
            Code::NotFound => "not_found",
            Code::NotEmpty => "not_empty",
            Code::SchemaTooNew => "schema_too_new",
            Code::DataDir => "data_dir",
            Code::Io => "io",
            Code::Database => "database",
            Code::DatabaseDamaged => "database_damaged",
            Code::DemoBroken => "demo_broken",
            Code::FileCorrupt => "file_corrupt",
            Code::InvalidFile => "invalid_file",
            Code::WorkbookFailed => "workbook_failed",
            Code::ArchiveFailed => "archive_failed",
            Code::StickFull => "stick_full",
            Code::WrongPassphrase => "wrong_passphrase",
            Code::NotAnArchive => "not_an_archive",
            Code::ArchiveRunning => "archive_running",
            Code::Cancelled => "cancelled",
            Code::ImportFailed => "import_failed",
            Code::DataInUse => "data_in_use",
            Code::ReadOnly => "read_only",
            Code::NotAllowed => "not_allowed",
            Code::DemoNotClearable => "demo_not_clearable",
        }
    }
}

/// Field-by-field problems of one form, in the order the form shows them.
/// Keys are the input's field names (`id_number`, `birth_date` …).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<(&'static str, String)>);

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, message: impl Into<String>) {
        // The first problem of a field is the one to fix first.
        if !self.has(field) {
            self.0.push((field, message.into()));
        }
    }
    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|(f, _)| *f == field)
    }
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, m)| m.as_str())
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn into_result(self) -> Result<()> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(Error::Validation(self))
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("有 {} 处填写需要修改：{}", .0.0.len(), .0.0.iter().map(|(_, m)| m.as_str()).collect::<Vec<_>>().join("；"))]
    Validation(FieldErrors),

    #[error("找不到这条{0}，可能已被删除。")]
    NotFound(&'static str),

    #[error("已经有党员档案了，示例支部只能载入到空的数据文件夹。如需查看示例，请用一个新的数据文件夹。")]
    NotEmpty,

    #[error("这个数据文件由较新版本的支部台账创建（数据版本 {found}，本程序支持到 {supported}）。为保护数据，本程序没有打开也没有改动它，请安装最新版支部台账后再打开。")]
    SchemaTooNew { found: i64, supported: i64 },

    /// The data folder (or its lock, backups, log) cannot be made or used.
    #[error("{}", io_message(path, source))]
    DataDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// Reading or writing another file failed (a stick, an export, a chosen file).
    #[error("{}", io_message(path, source))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{}", db_message(.0))]
    Db(#[from] rusqlite::Error),

    #[error("示例数据有误：{0}")]
    Demo(String),

    /// 清除示例数据 refused; the words say why and what to do instead.
    #[error("{0}")]
    DemoNotClearable(&'static str),

    #[error("{0}。请从年度归档或备份中找回原件。")]
    Corrupt(String),

    #[error("生成表格文件失败（{0}）。请重试；如果一直失败，请联系技术支持。")]
    Workbook(String),

    /// An archive could not be written, read or restored; the message says why and what to do.
    #[error("{0}")]
    Archive(String),

    /// The stick filled up while an archive was written; nothing was left on it.
    #[error("{0}")]
    StickFull(String),

    #[error("密码不对，打不开这个加密归档。请核对密码（注意大小写）后重试。")]
    WrongPassphrase,

    /// The chosen file is not one of our archives (or is damaged).
    #[error("{0}")]
    NotAnArchive(String),

    #[error("正在归档，请等这一次完成或取消后再开始。")]
    ArchiveRunning,

    #[error("已取消，没有留下未完成的文件。")]
    Cancelled,

    /// The data folder is held by another window or command (one writer per folder).
    #[error("这个数据文件夹正被另一个支部台账窗口（或命令）使用。请先关闭另一个窗口，再重新打开；同一份数据一次只能开一个窗口。")]
    InUse,

    /// The data folder cannot be written and cannot be read as it is; the message says what to do.
    #[error("{0}")]
    ReadOnly(String),

    /// The page asked to open, reveal or copy a file that is not an export
    /// or a backup, or to save one into the data folder; the message says
    /// what to do. Nothing was opened or written.
    #[error("{0}")]
    NotAllowed(String),

    /// A roster could not be imported; the message says why and what to do. Nothing was written.
    #[error("{0}")]
    Import(String),

    /// A page could not be printed into a PDF (no desktop to lay it out
    /// on, the print failed or took too long); the message says what to do.
    #[error("{0}")]
    Print(String),
}

impl Error {
    /// The machine word of this error: one exhaustive match, so a new
    /// variant cannot go without one.
    pub fn code(&self) -> Code {
        match self {
            Error::Validation(_) => Code::Validation,
            Error::NotFound(_) => Code::NotFound,
            Error::NotEmpty => Code::NotEmpty,
            Error::SchemaTooNew { .. } => Code::SchemaTooNew,
            Error::DataDir { .. } => Code::DataDir,
            Error::Io { .. } => Code::Io,
            Error::Db(_) => Code::Database,
            Error::Demo(_) => Code::DemoBroken,
            Error::DemoNotClearable(_) => Code::DemoNotClearable,
            Error::Corrupt(_) => Code::FileCorrupt,
            Error::Workbook(_) => Code::WorkbookFailed,
            Error::Archive(_) => Code::ArchiveFailed,
            Error::StickFull(_) => Code::StickFull,
            Error::WrongPassphrase => Code::WrongPassphrase,
            Error::NotAnArchive(_) => Code::NotAnArchive,
            Error::ArchiveRunning => Code::ArchiveRunning,
            Error::Cancelled => Code::Cancelled,
            Error::Import(_) => Code::ImportFailed,
            Error::InUse => Code::DataInUse,
            Error::ReadOnly(_) => Code::ReadOnly,
            Error::NotAllowed(_) => Code::NotAllowed,
            Error::Print(_) => Code::Io,
        }
    }
}

/// What a file or folder failure means for the secretary, in words rather
/// than the system's English (issue 14, item 10): a read-only folder is not
/// a reason to retry, a full disk needs space, a missing folder a stick.
fn io_message(path: &std::path::Path, e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let path = path.display();
    match e.kind() {
        ReadOnlyFilesystem | PermissionDenied => format!(
            "{path} 不能写入（只读的U盘或光盘，或没有权限）。请把文件夹复制到本机（如“文档”）后再打开；若是U盘，请拨开写保护开关。"
        ),
        StorageFull => format!("磁盘已满，写不进 {path}。请删除一些不用的文件、腾出空间后再试。"),
        NotFound => format!("找不到 {path}（U盘可能已被拔出，或文件夹被移走了）。请检查后重新选择。"),
        _ => format!("无法使用 {path}（{e}）。请检查该文件夹是否存在、是否有写入权限，或换一个文件夹。"),
    }
}

/// What a database failure means for the secretary, and what to do: a file
/// held by another program, a full disk or a read-only folder are not
/// reasons to retry blindly, nor signs of damage.
fn db_message(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode::*;
    match e.sqlite_error_code() {
        Some(DatabaseBusy | DatabaseLocked) => {
            "数据文件正被另一个程序使用（可能是另开的一个支部台账窗口）。刚才的操作没有保存；请关闭另一个窗口后再试。".into()
        }
        Some(DiskFull) => "磁盘已满，刚才的操作没有保存。请删除一些不用的文件、腾出空间后再试。".into(),
        Some(ReadOnly | CannotOpen | PermissionDenied) => {
            "数据文件夹不能写入（可能是只读的，或没有权限）。刚才的操作没有保存；请检查文件夹的权限，或换一个数据文件夹。".into()
        }
        Some(DatabaseCorrupt | NotADatabase) => {
            "数据文件已损坏。刚才的操作没有保存；请到“归档备份”从最近的备份恢复。".into()
        }
        _ => format!("数据库操作失败（{e}）。刚才的操作没有保存，请重试；如果一直失败，请联系技术支持。"),
    }
}

#[cfg(test)]
mod db_message_tests {
    use super::*;

    fn failure(code: i32) -> Error {
        Error::Db(rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None))
    }

    #[test]
    fn a_busy_full_or_read_only_database_says_what_to_do() {
        assert!(failure(rusqlite::ffi::SQLITE_BUSY).to_string().contains("另一个程序使用"));
        assert!(failure(rusqlite::ffi::SQLITE_FULL).to_string().contains("磁盘已满"));
        assert!(failure(rusqlite::ffi::SQLITE_READONLY).to_string().contains("不能写入"));
        assert!(failure(rusqlite::ffi::SQLITE_CORRUPT).to_string().contains("已损坏"));
        assert!(failure(rusqlite::ffi::SQLITE_ERROR).to_string().contains("请重试"));
    }

    #[test]
    fn a_read_only_or_full_folder_is_said_in_words() {
        let at = |kind: std::io::ErrorKind| {
            Error::DataDir { path: "/media/u/数据".into(), source: std::io::Error::from(kind) }.to_string()
        };
        let read_only = at(std::io::ErrorKind::ReadOnlyFilesystem);
        assert!(read_only.contains("不能写入") && read_only.contains("复制到本机") && !read_only.contains("请重试"));
        assert!(!read_only.contains("os error") && !read_only.contains("Read-only"), "{read_only}");
        assert!(at(std::io::ErrorKind::PermissionDenied).contains("没有权限"));
        assert!(at(std::io::ErrorKind::StorageFull).contains("磁盘已满"));
        assert!(at(std::io::ErrorKind::NotFound).contains("找不到 /media/u/数据"));
    }

    #[test]
    fn every_error_has_its_own_code_and_the_serialised_word_is_as_str() {
        let io = || std::io::Error::from(std::io::ErrorKind::Other);
        let table: Vec<(Error, &str)> = vec![
            (Error::Validation(FieldErrors::default()), "validation"),
            (Error::NotFound("党员"), "not_found"),
            (Error::NotEmpty, "not_empty"),
            (Error::SchemaTooNew { found: 9, supported: 5 }, "schema_too_new"),
            (Error::DataDir { path: "/d".into(), source: io() }, "data_dir"),
            (Error::Io { path: "/media/u".into(), source: io() }, "io"),
            (Error::Db(rusqlite::Error::InvalidQuery), "database"),
            (Error::Demo(String::new()), "demo_broken"),
            (Error::Corrupt(String::new()), "file_corrupt"),
            (Error::Workbook(String::new()), "workbook_failed"),
            (Error::Archive(String::new()), "archive_failed"),
            (Error::StickFull(String::new()), "stick_full"),
            (Error::WrongPassphrase, "wrong_passphrase"),
            (Error::NotAnArchive(String::new()), "not_an_archive"),
            (Error::ArchiveRunning, "archive_running"),
            (Error::Cancelled, "cancelled"),
            (Error::Import(String::new()), "import_failed"),
            (Error::InUse, "data_in_use"),
            (Error::ReadOnly(String::new()), "read_only"),
            (Error::NotAllowed(String::new()), "not_allowed"),
            (Error::DemoNotClearable(""), "demo_not_clearable"),
        ];
        for (e, word) in &table {
            assert_eq!(e.code().as_str(), *word, "{e:?}");
            assert_eq!(serde_json::to_value(e.code()).unwrap(), serde_json::json!(word));
        }
        for c in Code::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), serde_json::json!(c.as_str()));
        }
        let distinct: std::collections::HashSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(distinct.len(), Code::ALL.len());
        // A stick that fails says nothing about the data folder.
        let stick = Error::Io { path: "/media/u/归档".into(), source: io() }.to_string();
        assert!(!stick.contains("数据文件夹"), "{stick}");
    }
}
