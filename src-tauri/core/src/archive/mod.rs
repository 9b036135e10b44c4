//! 年度归档: the year's records on a USB stick, readable without the app and
//! restorable on a new PC.
//!
//! An archive is a folder 「<支部名>_<年>年度党建台账归档」 holding the year
//! workbook and notices (.xlsx), a consistent snapshot of the database
//! (SQLite's backup API, never a copy of the live file), the year's meeting
//! attachments, `manifest.json` (app and schema version, time made, every
//! file with size and SHA-256), `SHA256SUMS.txt` and `说明.txt`.
//!
//! Writing is safe against a full or pulled stick: everything goes into a
//! folder named 「…（未完成，可删除）」, every file is flushed, the folder
//! too, every file is read back and checked against its SHA-256, and only
//! then is the folder renamed to its final name. Any failure removes the
//! unfinished folder; an earlier archive is never touched (a second archive
//! of the same year gets the time in its name).

pub(crate) mod restore;
mod sealed;
mod sink;
pub use sink::slow_writes_for_tests;

/// The sticks plugged in now live in [`crate::stick`]; the archive's page asks for them here too.
pub use crate::stick::{removable_targets, Target};
pub use restore::{
    finish_restore, inspect_archive, prepare_backup_restore, prepare_restore, ArchiveSummary, PreparedRestore,
    RestoreDone,
};
pub use sealed::{open_archive, Opened, OpenedOnce, MAX_WORK_FACTOR, SEALED_SUFFIX, WORK_FACTOR};

use crate::error::{Error, Result};
use crate::export::safe_file_name;
use crate::notices::{NoticeRequest, NoticeTerms};
use crate::stick::free_space;
use crate::store::Store;
use crate::workbook::notice_workbook;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use sink::Sink;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// Where the database snapshot lives inside an archive.
pub const DB_IN_ARCHIVE: &str = "数据库/zhibu.sqlite3";
pub const MANIFEST: &str = "manifest.json";
pub const SUMS: &str = "SHA256SUMS.txt";
pub const README: &str = "说明.txt";
/// FAT32 cannot hold a file of 4 GiB or more.
pub const FAT32_MAX_FILE: u64 = 4 * 1024 * 1024 * 1024 - 1;

/// Shared with the page: bytes written so far, the total, and a cancel flag.
#[derive(Debug, Default)]
pub struct Progress {
    pub written: AtomicU64,
    pub total: AtomicU64,
    pub cancel: AtomicBool,
}

impl Progress {
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestFile {
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub app: String,
    pub app_version: String,
    pub schema_version: i64,
    pub created_at: String,
    pub branch: String,
    pub year: i32,
    pub files: Vec<ManifestFile>,
}

/// What the secretary is told when the archive is done (and verified).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ArchiveDone {
    pub path: String,
    pub size: u64,
    pub files: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct VerifyReport {
    pub ok: bool,
    /// Files whose size or SHA-256 differ from the manifest, or that are missing.
    pub bad_files: Vec<String>,
    pub checked: usize,
    /// In Chinese, for the page.
    pub message: String,
}

/// `base`, or when an earlier archive holds it, `base_<time>`, then
/// `base_<time>-2`, `-3` …: an earlier archive is never touched, however
/// quickly the next one follows (two in one second took the same name).
pub(crate) fn unused_name(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    let stamped = format!("{base}_{}", crate::store::now().format("%Y%m%d-%H%M%S"));
    (1..1000)
        .map(|n| if n == 1 { stamped.clone() } else { format!("{stamped}-{n}") })
        .find(|candidate| !taken(candidate))
        .unwrap_or(stamped)
}

/// The archive folder's name: 「<支部名>_<年>年度党建台账归档」.
pub fn archive_name(branch: &str, year: i32) -> String {
    let branch = if branch.is_empty() { "支部" } else { branch };
    safe_file_name(&format!("{branch}_{year}年度党建台账归档"))
}

/// A file's size and SHA-256 (hex), read in 1 MB pieces; the archive's
/// check and 复制到U盘's (`stick.rs`) alike.
pub(crate) fn sha256_file(path: &Path) -> std::io::Result<(u64, String)> {
    use std::io::Read;
    let mut f = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut size = 0u64;
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        size += n as u64;
        h.update(&buf[..n]);
    }
    Ok((size, format!("{:x}", h.finalize())))
}

/// A manifest path that stays inside the archive folder: relative, with
/// plain components only (no `..`, no root, no drive).
pub(crate) fn safe_relative(path: &str) -> bool {
    !path.is_empty() && Path::new(path).components().all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// Checks every file of an archive folder against its manifest, and the
/// manifest itself (issue 14, item 7): it must list the database; every path
/// must stay inside the folder and name a regular file (never a link, a
/// device or a pipe, which could hang the check); `SHA256SUMS.txt`, which
/// the 说明 tells a stranger to check, must say the same as the manifest.
pub fn verify_archive(dir: &Path) -> Result<VerifyReport> {
    let manifest = read_manifest(dir)?;
    let mut report = VerifyReport { checked: manifest.files.len(), ..Default::default() };
    if !manifest.files.iter().any(|f| f.path == DB_IN_ARCHIVE) {
        report.bad_files.push(format!("{DB_IN_ARCHIVE}（清单里没有数据库）"));
    }
    for f in &manifest.files {
        if !safe_relative(&f.path) {
            report.bad_files.push(format!("{}（路径不在归档文件夹内）", f.path));
            continue;
        }
        let path = dir.join(&f.path);
        let regular = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
        match sha256_file(&path) {
            Ok((size, sha)) if regular && size == f.size && sha == f.sha256 => {}
            _ => report.bad_files.push(f.path.clone()),
        }
    }
    if !sums_agree(dir, &manifest) {
        report.bad_files.push(SUMS.to_string());
    }
    report.ok = report.bad_files.is_empty();
    report.message = if report.ok {
        format!("归档完好：{} 个文件全部核对无误。", report.checked)
    } else {
        format!(
            "归档已损坏：{} 个文件与记录不符（{}）。请用另一份归档或备份。",
            report.bad_files.len(),
            report.bad_files.join("、")
        )
    };
    Ok(report)
}

/// `SHA256SUMS.txt` lists exactly the manifest's files and the manifest
/// itself, with the same checksums.
fn sums_agree(dir: &Path, manifest: &Manifest) -> bool {
    let Ok(text) = std::fs::read_to_string(dir.join(SUMS)) else { return false };
    let Ok((_, manifest_sha)) = sha256_file(&dir.join(MANIFEST)) else { return false };
    let mut listed: Vec<(String, String)> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_once("  ").map(|(sha, path)| (path.to_string(), sha.to_string())))
        .collect();
    let mut expected: Vec<(String, String)> =
        manifest.files.iter().map(|f| (f.path.clone(), f.sha256.clone())).collect();
    expected.push((MANIFEST.to_string(), manifest_sha));
    listed.sort();
    expected.sort();
    listed == expected
}

pub(crate) fn read_manifest(dir: &Path) -> Result<Manifest> {
    let text = std::fs::read_to_string(dir.join(MANIFEST)).map_err(|_| {
        Error::Archive(format!(
            "{} 不是支部台账的归档文件夹（里面没有 {MANIFEST}）。请选择名为“…年度党建台账归档”的文件夹。",
            dir.display()
        ))
    })?;
    serde_json::from_str(&text)
        .map_err(|_| Error::Archive(format!("归档里的 {MANIFEST} 已损坏，无法读取。请用另一份归档或备份。")))
}

/// Where to archive and with what passphrase, checked before anything is
/// made (the page asks this before the background job starts): the folder
/// must be there (a stick may have been pulled), a passphrase at least 6
/// characters. Field errors `dest` and `passphrase`.
pub fn check_target(dest: &Path, passphrase: Option<&str>) -> Result<()> {
    let mut errors = crate::error::FieldErrors::default();
    if dest.as_os_str().is_empty() {
        errors.add("dest", "请选择U盘或填写保存位置");
    } else if !dest.is_dir() {
        errors.add(
            "dest",
            format!("找不到文件夹 {}（U盘可能没有插好或已被拔出）。请插好U盘后重新选择。", dest.display()),
        );
    }
    if passphrase.is_some_and(|p| p.chars().count() < 6) {
        errors.add("passphrase", "密码至少要 6 位。请记在交接清单上，忘了密码谁也打不开。");
    }
    errors.into_result()
}

/// Refuses before the first byte when the stick has less than `need` bytes
/// (plus a margin for folder entries) free.
fn check_space(dest: &Path, need: u64) -> Result<()> {
    match free_space(dest) {
        Some(free) if free < need + 64 * 1024 => Err(Error::Archive(format!(
            "U盘剩余空间不足：归档需要约 {}，只剩 {}。请换一个U盘或删掉U盘上不需要的文件后再试。",
            mb(need),
            mb(free)
        ))),
        _ => Ok(()),
    }
}

/// A fresh name in the system's temporary folder (unique per process and call).
pub(crate) fn scratch_file(what: &str) -> PathBuf {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    // In this process's private scratch folder (cleared at the next start if killed).
    let dir = crate::scratch::process_dir().unwrap_or_else(|_| std::env::temp_dir());
    dir.join(format!("zhibu-{what}-{n}.sqlite3"))
}

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1024.0 / 1024.0)
}

/// One file to put into the archive: where from, and where to.
#[derive(Clone)]
enum Source {
    Bytes(Vec<u8>),
    File(PathBuf),
}

impl Source {
    fn size(&self) -> u64 {
        match self {
            Source::Bytes(b) => b.len() as u64,
            Source::File(p) => std::fs::metadata(p).map(|m| m.len()).unwrap_or(0),
        }
    }
}

fn readme(branch: &str, year: i32, name: &str, version: &str, today: NaiveDate) -> String {
    format!(
        "这是什么\r\n\
         ========\r\n\
         这是{branch}{year}年度党建台账的归档，由“支部台账”软件（版本 {version}）于 {today} 生成。\r\n\
         文件夹名：{name}\r\n\
         内含党员身份证号和电话等个人信息，请妥善保管，不要随意复制或外传。\r\n\
         \r\n\
         里面有什么\r\n\
         ==========\r\n\
         台账/      {year}年度党建台账（.xlsx），用 WPS 或 Excel 直接打开、打印，不需要本软件。\r\n\
         公示/      党费收缴情况公示、民主评议结果公示（.xlsx）。\r\n\
         附件/      {year}年会议记录所附的照片、扫描件，文件名是内容的 SHA-256。\r\n\
         数据库/    全部记录的数据库快照（SQLite 格式），用于在新电脑上恢复。\r\n\
         manifest.json    每个文件的大小和 SHA-256 校验值，以及软件和数据版本。\r\n\
         SHA256SUMS.txt   同上，供校验工具使用。\r\n\
         \r\n\
         怎样检查归档是否完好\r\n\
         ====================\r\n\
         1. 在支部台账软件里：归档备份 → 校验归档，选择这个文件夹。\r\n\
         2. 在 Linux/统信/麒麟 系统：在这个文件夹里运行  sha256sum -c SHA256SUMS.txt\r\n\
         3. 在 Windows：在这个文件夹里打开命令提示符，运行  certutil -hashfile 文件名 SHA256\r\n\
            把结果和 SHA256SUMS.txt 里同名文件的值比较，一致即完好。\r\n\
         \r\n\
         怎样在新电脑上恢复（书记交接）\r\n\
         ==============================\r\n\
         1. 在新电脑上安装“支部台账”。\r\n\
         2. 打开软件：归档备份 → 从归档恢复，选择这个文件夹。软件会先校验，再显示里面的支部、年份和人数，确认后恢复。\r\n\
            恢复前会自动备份新电脑上原有的数据。\r\n\
         3. 也可以用命令：zhibu archive restore \"这个文件夹的路径\"\r\n"
    )
}

impl Store {
    /// A consistent copy of the whole database at `to`, made with SQLite's
    /// backup API while the database stays open.
    pub fn snapshot(&self, to: &Path) -> Result<()> {
        crate::store::backups::backup_connection(self.conn(), to)
    }

    /// Original name and stored path of the year's (not deleted) attachments:
    /// the meetings' of the year, the 发展党员 scans of steps dated in it,
    /// the receipts of the year's visits and dues spending (关怀帮扶, 党费使用),
    /// and the photos of the year's services and the proof of its trainings.
    fn year_attachments(&self, year: i32) -> Result<Vec<(String, PathBuf)>> {
        let Some(db) = self.path() else { return Ok(Vec::new()) };
        let dir = db.parent().unwrap_or(Path::new(".")).join("attachments");
        let mut stmt = self.conn().prepare(
            "SELECT DISTINCT a.sha256, a.original_name FROM meeting_attachments a JOIN meetings m ON m.id = a.meeting_id
             WHERE a.deleted_at IS NULL AND m.deleted_at IS NULL AND m.date >= ?1 AND m.date <= ?2
             UNION
             SELECT r.sha256, r.original_name FROM recruit_attachments r LEFT JOIN recruit_steps s ON s.id = r.step_id
             WHERE r.deleted_at IS NULL AND COALESCE(s.date, substr(r.added_at, 1, 10)) BETWEEN ?1 AND ?2
             UNION
             SELECT c.sha256, c.original_name FROM care_attachments c
             LEFT JOIN care_visits v ON v.id = c.visit_id AND v.deleted_at IS NULL
             LEFT JOIN dues_spending d ON d.id = c.spending_id AND d.deleted_at IS NULL
             WHERE c.deleted_at IS NULL AND COALESCE(v.visited_on, d.spent_on) BETWEEN ?1 AND ?2
             UNION
             SELECT a.sha256, a.original_name FROM study_attachments a
             LEFT JOIN services sv ON sv.id = a.service_id AND sv.deleted_at IS NULL
             LEFT JOIN trainings t ON t.id = a.training_id AND t.deleted_at IS NULL
             WHERE a.deleted_at IS NULL AND COALESCE(sv.served_on, t.started_on) BETWEEN ?1 AND ?2",
        )?;
        let rows = stmt.query_map([format!("{year:04}-01-01"), format!("{year:04}-12-31")], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (sha, original) = row?;
            // A name from the database must be a plain file name (see stored_name).
            let stored = crate::meetings::attachments::stored_name(&sha, &original)
                .map_err(|e| Error::Archive(format!("{e}。没有生成归档；请先在会议记录里删掉这个附件再归档。")))?;
            out.push((stored.clone(), dir.join(stored)));
        }
        Ok(out)
    }

    /// Writes the year's archive into `dest` and verifies it; see the module docs.
    pub fn create_archive(
        &self,
        year: i32,
        dest: &Path,
        today: NaiveDate,
        app_version: &str,
        progress: &Progress,
    ) -> Result<ArchiveDone> {
        self.create_archive_with(year, dest, today, app_version, progress, None)
    }

    /// [`Store::create_archive`] with a fault injected after `fail_after`
    /// bytes (the rename counts as one byte): for the fault-injection tests.
    #[doc(hidden)]
    pub fn create_archive_with(
        &self,
        year: i32,
        dest: &Path,
        today: NaiveDate,
        app_version: &str,
        progress: &Progress,
        fail_after: Option<u64>,
    ) -> Result<ArchiveDone> {
        check_target(dest, None)?;
        self.prepare_archive(year, today, app_version)?.write_with(dest, progress, fail_after)
    }

    /// The short step that needs the store: the year's workbook and notices
    /// made in memory, the attachments listed, and a snapshot of the
    /// database in private scratch space. The long write to the stick
    /// ([`PreparedArchive::write`]) needs no store, so the window's pages
    /// keep working while a slow stick is written (issue 15).
    pub fn prepare_archive(&self, year: i32, today: NaiveDate, app_version: &str) -> Result<PreparedArchive> {
        let branch = self.branch()?.name;
        let mut files: Vec<(String, Source)> = Vec::new();
        files.push((
            format!("台账/{}", crate::export::export_file_name(&branch, year, None, today)),
            Source::Bytes(self.year_workbook(year, today)?),
        ));
        let terms = NoticeTerms::default();
        let dues = self.notice(&NoticeRequest::Dues { year, quarter: None, month: None }, &terms, today)?;
        files.push((format!("公示/{}.xlsx", safe_file_name(&dues.file_stem)), Source::Bytes(notice_workbook(&dues)?)));
        if let Ok(review) = self.notice(&NoticeRequest::Review { year }, &terms, today) {
            files.push((
                format!("公示/{}.xlsx", safe_file_name(&review.file_stem)),
                Source::Bytes(notice_workbook(&review)?),
            ));
        }
        for (stored, path) in self.year_attachments(year)? {
            if path.exists() {
                files.push((format!("附件/{stored}"), Source::File(path)));
            }
        }
        let snapshot = scratch_file("snapshot");
        let prepared = PreparedArchive {
            year,
            branch,
            today,
            version: app_version.to_string(),
            schema_version: self.schema_version()?,
            files,
            snapshot: snapshot.clone(),
        };
        // A failed snapshot leaves nothing: the prepared archive removes it when dropped.
        self.snapshot(&snapshot)?;
        Ok(prepared)
    }
}

/// An archive gathered from the store ([`Store::prepare_archive`]), ready to
/// be written to a stick without it. Its database snapshot is removed when
/// it is dropped.
pub struct PreparedArchive {
    year: i32,
    branch: String,
    today: NaiveDate,
    version: String,
    schema_version: i64,
    files: Vec<(String, Source)>,
    snapshot: PathBuf,
}

impl Drop for PreparedArchive {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.snapshot);
    }
}

impl PreparedArchive {
    /// Writes the archive into `dest` and verifies it; see the module docs.
    pub fn write(&self, dest: &Path, progress: &Progress) -> Result<ArchiveDone> {
        check_target(dest, None)?;
        self.write_with(dest, progress, None)
    }

    fn write_with(&self, dest: &Path, progress: &Progress, fail_after: Option<u64>) -> Result<ArchiveDone> {
        let (branch, year) = (&self.branch, self.year);
        let base = archive_name(branch, year);
        let name = unused_name(&base, |n| dest.join(n).exists());
        let final_dir = dest.join(&name);
        let work = dest.join(format!("{name}（未完成，可删除）"));
        let mut files: Vec<(String, Source)> = self.files.clone();
        let note = readme(branch, year, &name, &self.version, self.today);
        files.push((README.into(), Source::Bytes(note.into_bytes())));
        files.push((DB_IN_ARCHIVE.into(), Source::File(self.snapshot.clone())));
        // The files, then manifest.json and SHA256SUMS.txt (a line or two per file).
        let total: u64 = files.iter().map(|(_, s)| s.size()).sum::<u64>() + 300 * files.len() as u64 + 4096;
        if let Some((path, _)) = files.iter().find(|(_, s)| s.size() > FAT32_MAX_FILE) {
            return Err(Error::Archive(format!(
                "{path} 超过 4 GB，U盘（FAT32 格式）放不下这么大的单个文件。请把U盘格式化为 exFAT 或 NTFS 后再试。"
            )));
        }
        check_space(dest, total)?;
        progress.total.store(total, Ordering::Relaxed);
        progress.written.store(0, Ordering::Relaxed);
        let mut sink = Sink::new(progress, fail_after);
        let written = write_all(
            &mut sink,
            &work,
            &final_dir,
            &files,
            &Manifest {
                app: "支部台账".into(),
                app_version: self.version.clone(),
                schema_version: self.schema_version,
                created_at: crate::store::now_text(),
                branch: branch.clone(),
                year,
                files: Vec::new(),
            },
        );
        if written.is_err() {
            let _ = std::fs::remove_dir_all(&work);
        }
        written
    }
}

/// Writes, flushes, verifies and renames; the caller removes `work` on error.
fn write_all(
    sink: &mut Sink<'_>,
    work: &Path,
    final_dir: &Path,
    files: &[(String, Source)],
    manifest: &Manifest,
) -> Result<ArchiveDone> {
    let io = |what: &Path, e: std::io::Error| sink::explain(what, e);
    if work.exists() {
        std::fs::remove_dir_all(work).map_err(|e| io(work, e))?;
    }
    std::fs::create_dir(work).map_err(|e| io(work, e))?;
    let mut entries = Vec::new();
    for (rel, source) in files {
        let target = work.join(rel);
        let (size, sha) = match source {
            Source::Bytes(b) => sink.write_file(&target, &mut &b[..]),
            Source::File(p) => {
                let mut f = std::fs::File::open(p).map_err(|e| io(p, e))?;
                sink.write_file(&target, &mut f)
            }
        }
        .map_err(|e| sink.error(&target, e))?;
        entries.push(ManifestFile { path: rel.clone(), size, sha256: sha });
    }
    let manifest = Manifest { files: entries.clone(), ..manifest.clone() };
    let json = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
    let target = work.join(MANIFEST);
    let (size, sha) = sink.write_file(&target, &mut &json[..]).map_err(|e| sink.error(&target, e))?;
    entries.push(ManifestFile { path: MANIFEST.into(), size, sha256: sha });
    let sums: String = entries.iter().map(|f| format!("{}  {}\n", f.sha256, f.path)).collect();
    let target = work.join(SUMS);
    sink.write_file(&target, &mut sums.as_bytes()).map_err(|e| sink.error(&target, e))?;
    sink.sync_dirs(work).map_err(|e| sink.error(work, e))?;

    // Read every file back from the stick before calling it done.
    let report = verify_archive(work)?;
    if !report.ok {
        return Err(Error::Archive(format!(
            "写入U盘后读回核对不一致（{}）。U盘可能有坏块，请换一个U盘再试。",
            report.bad_files.join("、")
        )));
    }
    sink.rename(work, final_dir).map_err(|e| sink.error(final_dir, e))?;
    let size = manifest.files.iter().map(|f| f.size).sum::<u64>() + size + sums.len() as u64;
    tracing::info!("年度归档已写入并核对：{}（{} 个文件）", final_dir.display(), manifest.files.len());
    // The files the manifest lists and 校验 checks (not the two lists themselves),
    // so the count said when done is the count 校验归档 says (issue 17, item 4).
    Ok(ArchiveDone { path: final_dir.display().to_string(), size, files: manifest.files.len() })
}

#[cfg(test)]
mod naming_tests {
    use super::unused_name;
    use std::cell::RefCell;

    #[test]
    fn an_archive_never_takes_a_name_already_on_the_stick() {
        let taken = RefCell::new(Vec::<String>::new());
        let is_taken = |n: &str| taken.borrow().iter().any(|t| t == n);
        let first = unused_name("支部_2026年度党建台账归档", is_taken);
        assert_eq!(first, "支部_2026年度党建台账归档");
        taken.borrow_mut().push(first);
        // Three more within the same second: each its own name.
        for _ in 0..3 {
            let next = unused_name("支部_2026年度党建台账归档", is_taken);
            assert!(!is_taken(&next), "{next}");
            assert!(next.starts_with("支部_2026年度党建台账归档_"), "{next}");
            taken.borrow_mut().push(next);
        }
        assert_eq!(taken.borrow().len(), 4);
    }
}
