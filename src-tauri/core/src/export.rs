//! Exported files: their names and their careful writing, and the look
//! every .xlsx shares (font, A4, column letters). Shared by the
//! workbook, the notices, the import template and the archive, so none of
//! them imports another for it (issue 15, layout).

use crate::error::{Error, Result};
use chrono::NaiveDate;
use std::path::{Component, Path, PathBuf};

/// The folder of the data folder every export is written to.
pub const EXPORT_DIR: &str = "导出";

/// The roster's sheet name (the first sheet of the 台账 workbook).
pub const ROSTER_SHEET: &str = "党员花名册";

/// 宋体 is on every Chinese Windows and in WPS; LibreOffice falls back to a
/// CJK serif font.
pub const FONT: &str = "宋体";
/// Paper size code for A4 in the xlsx page setup.
pub const A4: u8 = 9;

/// Excel's column letters: 0 → A, 26 → AA.
pub fn col_name(mut c: u16) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Writes `bytes` as `dir/name`: under a temporary name first, flushed to
/// disk, then renamed, so a half-written file never carries the real name.
pub fn write_export(dir: &std::path::Path, name: &str, bytes: &[u8]) -> Result<std::path::PathBuf> {
    use std::io::Write;
    std::fs::create_dir_all(dir).map_err(|source| Error::DataDir { path: dir.to_path_buf(), source })?;
    let target = dir.join(safe_file_name(name));
    let tmp = dir.join(format!(".{}.tmp", safe_file_name(name)));
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, &target)
    };
    write().map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        Error::Io { path: target.clone(), source }
    })?;
    Ok(target)
}

/// The one name of an exported 台账 (the window, the command line and the
/// archive all use it): the whole year's workbook, or one sheet of it —
/// the roster, being internal and changing daily, named by the day.
pub fn export_file_name(branch: &str, year: i32, sheet: Option<&str>, today: NaiveDate) -> String {
    safe_file_name(&match sheet {
        None => format!("{branch}{year}年度党建台账.xlsx"),
        Some(roster) if roster == ROSTER_SHEET => {
            format!("{branch}{roster}（内部资料）{}.xlsx", today.format("%Y%m%d"))
        }
        Some(sheet) => format!("{branch}{year}年度{sheet}.xlsx"),
    })
}

/// The name of one person's 发展党员全程纪实表: the branch, the person and
/// the day (it changes with every step, like the roster).
pub fn recruit_record_file_name(branch: &str, name: &str, today: NaiveDate) -> String {
    safe_file_name(&format!("{branch}发展党员全程纪实表（{name}）{}.xlsx", today.format("%Y%m%d")))
}

/// The name of a print page saved as PDF (保存为PDF): its title and the
/// day, e.g. `2026年第3季度党费收缴情况公示20261202.pdf`; a title too long
/// for a file name on a stick is cut, and an empty one says what it is.
pub fn pdf_file_name(title: &str, today: NaiveDate) -> String {
    let title: String = title.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(60).collect();
    let title = if title.is_empty() { "打印页".to_string() } else { title };
    safe_file_name(&format!("{title}{}.pdf", today.format("%Y%m%d")))
}

/// Where a page is printed to before it carries its name: a hidden file
/// beside `target` (so the folder never shows a half-written PDF, and
/// [`openable_file`] never names it). Makes the folder when missing.
pub fn pdf_staging(target: &Path) -> Result<PathBuf> {
    let dir = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|source| Error::DataDir { path: dir.to_path_buf(), source })?;
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(dir.join(format!(".{name}.tmp")))
}

/// The PDF the webview printed into `staged`, checked (a whole PDF: its
/// header and its end marker) and flushed to disk, given its real name.
/// A file that is not a whole PDF is removed and refused.
pub fn keep_printed_pdf(staged: &Path, target: &Path) -> Result<crate::workbook::Exported> {
    let whole = || -> std::io::Result<bool> {
        let bytes = std::fs::read(staged)?;
        let tail = &bytes[bytes.len().saturating_sub(1024)..];
        Ok(bytes.starts_with(b"%PDF-") && tail.windows(5).any(|w| w == b"%%EOF"))
    };
    if !whole().unwrap_or(false) {
        let _ = std::fs::remove_file(staged);
        return Err(Error::Io {
            path: target.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, "PDF 没有写完整"),
        });
    }
    let keep = || -> std::io::Result<u64> {
        let f = std::fs::File::open(staged)?;
        f.sync_all()?;
        let size = f.metadata()?.len();
        drop(f);
        std::fs::rename(staged, target)?;
        Ok(size)
    };
    let size = keep().map_err(|source| {
        let _ = std::fs::remove_file(staged);
        Error::Io { path: target.to_path_buf(), source }
    })?;
    Ok(crate::workbook::Exported { path: target.display().to_string(), size, sheets: Vec::new() })
}

/// A file name legal on FAT/exFAT and Windows: no `\ / : * ? " < > |`.
pub fn safe_file_name(name: &str) -> String {
    name.chars().map(|c| if "\\/:*?\"<>|".contains(c) || c.is_control() { '_' } else { c }).collect()
}

/// The folders the page may name a file in, with the kinds of file the
/// program writes there: exports (`导出/`, .xlsx, the print pages saved
/// as .pdf and the 积分 rule set as .json) and backups (`备份/`, .sqlite3). Nothing else is opened with the system's program, shown or
/// copied, so a stray program in those folders is never started.
const OPENABLE: [(&str, &[&str]); 2] =
    [(EXPORT_DIR, &["xlsx", "pdf", "json"]), (crate::store::backups::BACKUP_DIR, &["sqlite3"])];

fn not_openable() -> Error {
    Error::NotAllowed(
        "只能打开、查看或另存本程序导出或备份的文件（数据文件夹里“导出”和“备份”中的文件）。请重新导出后再试。".into(),
    )
}

/// Checks a path the page names (one the core produced after an export or
/// a backup) before it is opened with the system's program, shown in its
/// folder or copied elsewhere: it must be a file the program wrote in the
/// data folder's 导出 or 备份 folder. A `..` anywhere, a link that leads
/// out, another folder, a hidden or unfinished file, or another kind of
/// file is refused with [`Error::NotAllowed`]. Returns the file under
/// `data_dir` as the program names it (links resolved, but not turned into
/// a `\\?\` path on Windows, which Explorer does not take).
pub fn openable_file(data_dir: &Path, path: &Path) -> Result<PathBuf> {
    if path.components().any(|c| matches!(c, Component::ParentDir)) {
        return Err(not_openable());
    }
    let file = path.canonicalize().map_err(|_| not_openable())?;
    if !std::fs::metadata(&file).is_ok_and(|m| m.is_file()) {
        return Err(not_openable());
    }
    // The data folder resolved, then the folder by its plain name: a 导出
    // that is itself a link to elsewhere holds nothing of ours.
    let data = data_dir.canonicalize().map_err(|_| not_openable())?;
    for (folder, extensions) in OPENABLE {
        let Ok(inside) = file.strip_prefix(data.join(folder)) else { continue };
        let plain = inside.components().all(|c| match c {
            Component::Normal(name) => !name.to_string_lossy().starts_with('.'),
            _ => false,
        });
        let kind = file.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        if plain && kind.is_some_and(|k| extensions.contains(&k.as_str())) {
            return Ok(data_dir.join(folder).join(inside));
        }
    }
    Err(not_openable())
}

/// 另存为: copies `file` (checked by [`openable_file`] here too) to `dest`,
/// the place the secretary chose in the save dialog — under a temporary
/// name beside it first, flushed to disk, then renamed, so a stick pulled
/// out half-way never holds a half file under the real name. A destination
/// inside the data folder is refused (the program's own files are not to be
/// overwritten or cluttered). Returns the destination.
pub fn save_export_as(data_dir: &Path, file: &Path, dest: &Path) -> Result<PathBuf> {
    use std::io::Write;
    let (Some(parent), Some(name)) = (dest.parent(), dest.file_name()) else {
        return Err(Error::NotAllowed("请选择要保存到的文件夹和文件名。".into()));
    };
    let parent = if parent.as_os_str().is_empty() { Path::new(".") } else { parent };
    let file = openable_file(data_dir, file)?;
    let folder = parent.canonicalize().map_err(Error::at(parent))?;
    let data = data_dir.canonicalize().map_err(|source| Error::DataDir { path: data_dir.to_path_buf(), source })?;
    if folder.starts_with(&data) {
        return Err(Error::NotAllowed(
            "不能另存到支部台账自己的数据文件夹里。请选择U盘、“桌面”或“文档”等其他位置。".into(),
        ));
    }
    let target = folder.join(name);
    let tmp = folder.join(format!(".{}.tmp", name.to_string_lossy()));
    let mut source = std::fs::File::open(&file).map_err(Error::at(&file))?;
    let mut copy = || -> std::io::Result<()> {
        let mut out = std::fs::File::create(&tmp)?;
        std::io::copy(&mut source, &mut out)?;
        out.flush()?;
        out.sync_all()?;
        drop(out);
        std::fs::rename(&tmp, &target)?;
        // The rename itself reaches the disk with the folder (best effort:
        // Windows cannot open a folder as a file).
        #[cfg(unix)]
        if let Ok(dir) = std::fs::File::open(&folder) {
            let _ = dir.sync_all();
        }
        Ok(())
    };
    copy().map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        Error::Io { path: dest.to_path_buf(), source }
    })?;
    Ok(dest.to_path_buf())
}

/// One file in `导出/`, for the list the page offers to copy.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct ExportFile {
    pub name: String,
    /// The path to send back (打开, 另存为…, 复制到U盘).
    pub path: String,
    pub size: u64,
    /// When it was written, local time: 「2026-12-02 09:30」.
    pub modified: String,
}

/// The exports in the data folder's `导出/`, newest first: only the files
/// [`openable_file`] allows (.xlsx, not hidden, not unfinished). No folder
/// yet is no exports.
pub fn list_exports(data_dir: &Path) -> Result<Vec<ExportFile>> {
    let dir = data_dir.join(EXPORT_DIR);
    let rd = match std::fs::read_dir(&dir) {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(Error::DataDir { path: dir, source }),
    };
    let mut files: Vec<(std::time::SystemTime, ExportFile)> = Vec::new();
    for entry in rd.flatten() {
        let path = entry.path();
        let Ok(file) = openable_file(data_dir, &path) else { continue };
        let Ok(meta) = std::fs::metadata(&file) else { continue };
        let mtime = meta.modified().unwrap_or(std::time::UNIX_EPOCH);
        files.push((
            mtime,
            ExportFile {
                name: entry.file_name().to_string_lossy().into_owned(),
                path: file.display().to_string(),
                size: meta.len(),
                modified: chrono::DateTime::<chrono::Local>::from(mtime).format("%Y-%m-%d %H:%M").to_string(),
            },
        ));
    }
    files.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
    Ok(files.into_iter().map(|(_, f)| f).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A data folder with one export and one backup in it, and a folder
    /// beside it (outside) with a file of its own.
    fn folders() -> (tempfile::TempDir, PathBuf, PathBuf, PathBuf) {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("数据");
        let export =
            write_export(&data.join(EXPORT_DIR), "东山村支部2026年度党建台账.xlsx", b"PK\x03\x04 workbook").unwrap();
        let backups = data.join(crate::store::backups::BACKUP_DIR);
        std::fs::create_dir_all(&backups).unwrap();
        let backup = backups.join("每日_20261202.sqlite3");
        std::fs::write(&backup, b"SQLite format 3\0").unwrap();
        let outside = root.path().join("别处");
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("secret.xlsx"), b"not ours").unwrap();
        (root, data, export, backup)
    }

    fn refused(r: Result<PathBuf>) -> bool {
        matches!(&r, Err(Error::NotAllowed(m)) if m.contains("只能打开"))
    }

    #[test]
    fn an_export_or_a_backup_may_be_opened() {
        let (_root, data, export, backup) = folders();
        assert_eq!(
            openable_file(&data, &export).unwrap(),
            data.join(EXPORT_DIR).join("东山村支部2026年度党建台账.xlsx")
        );
        assert_eq!(openable_file(&data, &backup).unwrap(), backup);
    }

    #[test]
    fn an_exported_points_rule_file_may_be_opened_only_in_the_exports() {
        let (root, data, _, _) = folders();
        let rules = write_export(&data.join(EXPORT_DIR), "东山村支部积分规则20261202.json", b"{}").unwrap();
        assert_eq!(openable_file(&data, &rules).unwrap(), rules);
        let beside = data.join(crate::store::backups::BACKUP_DIR).join("积分规则.json");
        std::fs::write(&beside, b"{}").unwrap();
        assert!(refused(openable_file(&data, &beside)), "a .json among the backups");
        std::fs::write(root.path().join("别处/积分规则.json"), b"{}").unwrap();
        assert!(refused(openable_file(&data, &root.path().join("别处/积分规则.json"))));
    }

    #[test]
    fn a_file_outside_the_exports_and_backups_is_refused() {
        let (root, data, _, _) = folders();
        assert!(refused(openable_file(&data, &root.path().join("别处/secret.xlsx"))));
        std::fs::write(data.join("zhibu.sqlite3"), b"db").unwrap();
        assert!(refused(openable_file(&data, &data.join("zhibu.sqlite3"))), "the database itself");
        assert!(refused(openable_file(&data, &data.join(EXPORT_DIR))), "a folder");
        assert!(refused(openable_file(&data, &data.join(EXPORT_DIR).join("没有.xlsx"))), "missing");
        assert!(refused(openable_file(&data, Path::new(""))));
        // Another kind of file, or an unfinished one, in the 导出 folder.
        std::fs::write(data.join(EXPORT_DIR).join("setup.exe"), b"MZ").unwrap();
        assert!(refused(openable_file(&data, &data.join(EXPORT_DIR).join("setup.exe"))));
        std::fs::write(data.join(EXPORT_DIR).join(".a.xlsx.tmp"), b"PK").unwrap();
        assert!(refused(openable_file(&data, &data.join(EXPORT_DIR).join(".a.xlsx.tmp"))));
    }

    #[test]
    fn a_path_with_dot_dot_is_refused_even_when_it_leads_back_inside() {
        let (_root, data, export, _) = folders();
        let name = export.file_name().unwrap();
        assert!(refused(openable_file(&data, &data.join(EXPORT_DIR).join("..").join("..").join("别处/secret.xlsx"))));
        assert!(refused(openable_file(&data, &data.join(EXPORT_DIR).join("..").join(EXPORT_DIR).join(name))));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_the_export_folder_that_leads_out_is_refused() {
        let (root, data, _, _) = folders();
        let link = data.join(EXPORT_DIR).join("链接.xlsx");
        std::os::unix::fs::symlink(root.path().join("别处/secret.xlsx"), &link).unwrap();
        assert!(refused(openable_file(&data, &link)));
        // The whole 导出 folder a link to elsewhere: what it holds is not ours.
        std::fs::remove_dir_all(data.join(EXPORT_DIR)).unwrap();
        std::os::unix::fs::symlink(root.path().join("别处"), data.join(EXPORT_DIR)).unwrap();
        assert!(refused(openable_file(&data, &data.join(EXPORT_DIR).join("secret.xlsx"))));
    }

    #[test]
    fn the_exports_are_listed_newest_first_and_nothing_else() {
        let (_root, data, _export, _) = folders();
        let dir = data.join(EXPORT_DIR);
        let newer = write_export(&dir, "公示.xlsx", b"PK newer").unwrap();
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(dir.join("东山村支部2026年度党建台账.xlsx"))
            .unwrap()
            .set_modified(old)
            .unwrap();
        std::fs::write(dir.join("setup.exe"), b"MZ").unwrap();
        std::fs::write(dir.join(".a.xlsx.tmp"), b"PK").unwrap();
        std::fs::create_dir(dir.join("子文件夹.xlsx")).unwrap();
        let list = list_exports(&data).unwrap();
        let names: Vec<&str> = list.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, vec!["公示.xlsx", "东山村支部2026年度党建台账.xlsx"]);
        assert_eq!(list[0].path, newer.display().to_string());
        assert_eq!(list[0].size, 8);
        assert_eq!(list[0].modified.len(), "2026-12-02 09:30".len(), "{}", list[0].modified);
        assert!(list_exports(&data.join("没有")).unwrap().is_empty());
    }

    #[test]
    fn save_as_copies_the_bytes_exactly_and_leaves_no_temporary_file() {
        let (root, data, export, _) = folders();
        let bytes: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
        std::fs::write(&export, &bytes).unwrap();
        let stick = root.path().join("U盘");
        std::fs::create_dir_all(&stick).unwrap();
        let dest = stick.join("台账.xlsx");
        std::fs::write(&dest, b"an older copy").unwrap();
        assert_eq!(save_export_as(&data, &export, &dest).unwrap(), dest);
        assert_eq!(std::fs::read(&dest).unwrap(), bytes);
        let names: Vec<_> = std::fs::read_dir(&stick).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("台账.xlsx")]);
    }

    #[test]
    fn save_as_into_the_data_folder_is_refused() {
        let (_root, data, export, _) = folders();
        for dest in [data.join("台账.xlsx"), data.join(EXPORT_DIR).join("副本.xlsx"), data.join("zhibu.sqlite3")] {
            let r = save_export_as(&data, &export, &dest);
            assert!(matches!(&r, Err(Error::NotAllowed(m)) if m.contains("数据文件夹")), "{dest:?}: {r:?}");
            assert!(!dest.exists());
        }
    }

    #[test]
    fn save_as_copies_only_an_export_or_a_backup() {
        let (root, data, _, _) = folders();
        let dest = root.path().join("别处/副本.xlsx");
        assert!(refused(save_export_as(&data, &root.path().join("别处/secret.xlsx"), &dest)));
        assert!(!dest.exists());
    }

    #[test]
    fn save_as_to_a_missing_folder_says_so_in_chinese() {
        let (root, data, export, _) = folders();
        let e = save_export_as(&data, &export, &root.path().join("拔出的U盘/台账.xlsx")).unwrap_err();
        assert!(matches!(e, Error::Io { .. }) && e.to_string().contains("找不到"), "{e}");
    }

    #[test]
    fn a_pdf_is_named_by_its_title_and_day_on_any_stick() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        assert_eq!(pdf_file_name("2026年第3季度党费收缴情况公示", today), "2026年第3季度党费收缴情况公示20261202.pdf");
        assert_eq!(pdf_file_name("会议记录: 支委会 10/8", today), "会议记录_ 支委会 10_820261202.pdf");
        assert_eq!(pdf_file_name("  \n ", today), "打印页20261202.pdf");
        assert_eq!(pdf_file_name(&"长".repeat(200), today).chars().count(), 60 + 12);
    }

    #[test]
    fn a_printed_pdf_is_kept_under_its_name_and_may_then_be_opened() {
        let (_root, data, _, _) = folders();
        let target = data.join(EXPORT_DIR).join("公示20261202.pdf");
        let staged = pdf_staging(&target).unwrap();
        assert!(refused(openable_file(&data, &staged)) || !staged.exists(), "the staged file is hidden");
        std::fs::write(&staged, b"%PDF-1.5\n1 0 obj\n<<>>\nendobj\n%%EOF\n").unwrap();
        let kept = keep_printed_pdf(&staged, &target).unwrap();
        assert_eq!((kept.path.as_str(), kept.size), (target.to_str().unwrap(), 35));
        assert!(!staged.exists());
        assert_eq!(openable_file(&data, &target).unwrap(), target);
    }

    #[test]
    fn a_half_written_pdf_is_removed_and_refused() {
        let (_root, data, _, _) = folders();
        let target = data.join(EXPORT_DIR).join("公示20261202.pdf");
        let staged = pdf_staging(&target).unwrap();
        for bytes in [&b""[..], b"%PDF-1.5\n1 0 obj\n<<>>", b"<html>%%EOF"] {
            std::fs::write(&staged, bytes).unwrap();
            let e = keep_printed_pdf(&staged, &target).unwrap_err();
            assert!(e.to_string().contains("PDF 没有写完整"), "{e}");
            assert!(!staged.exists() && !target.exists());
        }
        assert!(keep_printed_pdf(&staged, &target).is_err(), "nothing printed at all");
    }

    #[test]
    fn an_export_is_named_by_branch_year_and_sheet_the_roster_by_the_day() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        assert_eq!(export_file_name("东山村支部", 2026, None, today), "东山村支部2026年度党建台账.xlsx");
        assert_eq!(
            export_file_name("东山村支部", 2026, Some(ROSTER_SHEET), today),
            format!("东山村支部{}（内部资料）20261202.xlsx", ROSTER_SHEET)
        );
        assert_eq!(
            export_file_name("东山村支部", 2025, Some("党费收缴台账"), today),
            "东山村支部2025年度党费收缴台账.xlsx"
        );
        assert_eq!(export_file_name("A/B:支部", 2026, None, today), "A_B_支部2026年度党建台账.xlsx");
    }
}
