//! U盘: which sticks are plugged in now, and 复制到U盘 (exports onto a stick).
//!
//! A stick on Linux (UOS, Kylin) is a mount point under `/media/` or
//! `/run/media/` as `/proc/self/mountinfo` lists it, so an empty folder left
//! under `/media` is not taken for one; on Windows a drive the system calls
//! removable. `ZHIBU_REMOVABLE_ROOT` replaces both for tests: its immediate
//! subfolders are the sticks.
//!
//! Copying is careful as the archive is: each file under a temporary name,
//! flushed, renamed, the folder flushed, then read back and compared by
//! SHA-256 with the source. Any failure removes what this copy wrote.

use crate::archive::sha256_file;
use crate::error::{Error, Result};
use crate::export::{openable_file, safe_file_name};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

/// When set, its immediate subfolders are the sticks (tests, e2e).
pub const REMOVABLE_ROOT_ENV: &str = "ZHIBU_REMOVABLE_ROOT";

/// A folder the secretary may archive or copy to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Target {
    pub path: String,
    pub label: String,
    pub free_bytes: Option<u64>,
}

/// The USB sticks plugged in now (see the module doc), in path order.
pub fn removable_targets() -> Vec<Target> {
    if let Some(root) = std::env::var_os(REMOVABLE_ROOT_ENV) {
        return folders_under(Path::new(&root));
    }
    system_targets()
}

/// The immediate subfolders of `root`, each a stick named by its folder.
fn folders_under(root: &Path) -> Vec<Target> {
    let Ok(rd) = std::fs::read_dir(root) else { return Vec::new() };
    let mut dirs: Vec<PathBuf> = rd.flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    dirs.into_iter().map(|p| target(&p, folder_label(&p))).collect()
}

fn folder_label(p: &Path) -> String {
    p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| p.display().to_string())
}

fn target(p: &Path, label: String) -> Target {
    Target { path: p.display().to_string(), label, free_bytes: free_space(p) }
}

#[cfg(not(windows))]
fn system_targets() -> Vec<Target> {
    let Ok(text) = std::fs::read("/proc/self/mountinfo") else { return Vec::new() };
    let mut mounts: Vec<PathBuf> = media_mounts(&text).into_iter().filter(|p| p.is_dir()).collect();
    mounts.sort();
    mounts.dedup();
    mounts.into_iter().map(|p| target(&p, folder_label(&p))).collect()
}

/// Drives Windows calls removable (a USB stick, a card), labelled
/// 「名称（E:）」, or 「U盘（E:）」 when the stick has no volume name.
#[cfg(windows)]
fn system_targets() -> Vec<Target> {
    let disks = sysinfo::Disks::new_with_refreshed_list();
    let mut targets: Vec<Target> = disks
        .list()
        .iter()
        .filter(|d| d.is_removable())
        .map(|d| {
            let mount = d.mount_point();
            Target {
                path: mount.display().to_string(),
                label: drive_label(&d.name().to_string_lossy(), &mount.display().to_string()),
                free_bytes: Some(d.available_space()),
            }
        })
        .collect();
    targets.sort_by(|a, b| a.path.cmp(&b.path));
    targets
}

/// A Windows drive's label: its volume name (or 「U盘」) and its letter,
/// 「U盘（E:）」.
pub fn drive_label(volume_name: &str, mount_point: &str) -> String {
    let letter = mount_point.trim_end_matches(['\\', '/']);
    let name = volume_name.trim();
    let name = if name.is_empty() { "U盘" } else { name };
    if letter.is_empty() {
        name.to_string()
    } else {
        format!("{name}（{letter}）")
    }
}

/// The mount points under `/media/` or `/run/media/` in a
/// `/proc/self/mountinfo` text (the fifth field of each line, with the
/// kernel's octal escapes `\040` `\011` `\012` `\134` decoded; other bytes,
/// a Chinese volume label's UTF-8 among them, are as they are).
pub fn media_mounts(mountinfo: &[u8]) -> Vec<PathBuf> {
    mountinfo
        .split(|b| *b == b'\n')
        .filter_map(|line| line.split(|b| *b == b' ').filter(|f| !f.is_empty()).nth(4))
        .map(unescape_mount)
        .filter(|m| {
            [&b"/media/"[..], &b"/run/media/"[..]].iter().any(|base| m.len() > base.len() && m.starts_with(base))
        })
        .map(bytes_to_path)
        .collect()
}

fn unescape_mount(field: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(field.len());
    let mut i = 0;
    while i < field.len() {
        let octal = field.get(i + 1..i + 4).filter(|d| d.iter().all(|c| (b'0'..=b'7').contains(c)));
        match (field[i], octal) {
            (b'\\', Some(d)) => {
                let v = d.iter().fold(0u32, |v, c| v * 8 + u32::from(c - b'0'));
                out.push(u8::try_from(v).unwrap_or(b'?'));
                i += 4;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

#[cfg(unix)]
fn bytes_to_path(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn bytes_to_path(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

/// The chosen folder's free space, when the system can tell.
pub(crate) fn free_space(dir: &Path) -> Option<u64> {
    fs4::available_space(dir).ok()
}

/// What the secretary is told after 复制到U盘.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct CopyReport {
    /// Files now on the stick (those already there with the same content too).
    pub files: usize,
    /// The folder on the stick they are in.
    pub folder: String,
    pub bytes: u64,
    /// 「已复制 3 个文件到 U盘（E:）」.
    pub message: String,
}

/// The folder on the stick: 「<支部名><年>年台账」.
pub fn stick_folder_name(branch: &str, year: i32) -> String {
    let branch = if branch.trim().is_empty() { "支部" } else { branch.trim() };
    safe_file_name(&format!("{branch}{year}年台账"))
}

/// 复制到U盘: copies exports (each must pass [`openable_file`]) into
/// `<dest_root>/<支部名><年>年台账/`. Each file goes under a temporary name,
/// is flushed and renamed, the folder flushed, then it is read back and
/// compared by SHA-256 with the source. A file of the same name with other
/// content is kept and the copy named 「名 (2).xlsx」; with the same content it
/// counts as copied. A destination in the data folder is refused. All or
/// nothing: on any failure what this call wrote is removed.
pub fn copy_to_stick(
    data_dir: &Path,
    files: &[PathBuf],
    dest_root: &Path,
    branch: &str,
    year: i32,
) -> Result<CopyReport> {
    copy_watched(data_dir, files, dest_root, branch, year, &mut |_| {})
}

/// [`copy_to_stick`], calling `after_file` with the number of files done
/// after each one (the tests pull a file out from under it there).
fn copy_watched(
    data_dir: &Path,
    files: &[PathBuf],
    dest_root: &Path,
    branch: &str,
    year: i32,
    after_file: &mut dyn FnMut(usize),
) -> Result<CopyReport> {
    if files.is_empty() {
        return Err(Error::NotAllowed("请先勾选要复制的文件。".into()));
    }
    let mut sources: Vec<PathBuf> = Vec::new();
    for f in files {
        let file = openable_file(data_dir, f)?;
        if !sources.contains(&file) {
            sources.push(file);
        }
    }
    if dest_root.as_os_str().is_empty() {
        return Err(Error::NotAllowed("请选择U盘，或点“选择文件夹…”选一个保存位置。".into()));
    }
    let root = dest_root.canonicalize().map_err(Error::at(dest_root))?;
    if !root.is_dir() {
        return Err(Error::NotAllowed(format!("{} 不是文件夹。请选择U盘或一个文件夹。", dest_root.display())));
    }
    let data = data_dir.canonicalize().map_err(|source| Error::DataDir { path: data_dir.to_path_buf(), source })?;
    if root.starts_with(&data) {
        return Err(Error::NotAllowed(
            "不能复制到支部台账自己的数据文件夹里。请选择U盘、“桌面”或“文档”等其他位置。".into(),
        ));
    }
    let mut need = 0u64;
    for s in &sources {
        need += std::fs::metadata(s).map_err(Error::at(s))?.len();
    }
    if let Some(free) = free_space(&root) {
        if free < need + 64 * 1024 {
            return Err(Error::StickFull(format!(
                "U盘剩余空间不足：这些文件需要约 {}，只剩 {}。请换一个U盘或删掉U盘上不需要的文件后再试。没有复制任何文件。",
                mb(need),
                mb(free)
            )));
        }
    }

    let folder = dest_root.join(stick_folder_name(branch, year));
    let mut written = Written { folder: None, files: Vec::new(), temp: None };
    let result = copy_all(&sources, &folder, &mut written, after_file);
    match result {
        Ok(bytes) => {
            let label = label_of(dest_root);
            Ok(CopyReport {
                files: sources.len(),
                folder: folder.display().to_string(),
                bytes,
                message: format!("已复制 {} 个文件到 {label}", sources.len()),
            })
        }
        Err(e) => {
            written.undo();
            Err(e)
        }
    }
}

/// What one copy made, to remove on failure.
struct Written {
    folder: Option<PathBuf>,
    files: Vec<PathBuf>,
    temp: Option<PathBuf>,
}

impl Written {
    fn undo(&self) {
        for f in self.temp.iter().chain(&self.files) {
            let _ = std::fs::remove_file(f);
        }
        if let Some(dir) = &self.folder {
            // Only if empty: anything else in it is not ours.
            let _ = std::fs::remove_dir(dir);
        }
        if let Some(parent) =
            self.folder.as_ref().and_then(|d| d.parent()).or(self.files.first().and_then(|f| f.parent()))
        {
            sync_dir(parent);
        }
    }
}

fn copy_all(
    sources: &[PathBuf],
    folder: &Path,
    written: &mut Written,
    after_file: &mut dyn FnMut(usize),
) -> Result<u64> {
    if !folder.is_dir() {
        std::fs::create_dir(folder).map_err(|e| explain(folder, e))?;
        written.folder = Some(folder.to_path_buf());
    }
    let mut bytes = 0u64;
    for (done, source) in sources.iter().enumerate() {
        after_file(done);
        let (size, sha) = sha256_file(source).map_err(|_| unreadable(source))?;
        bytes += size;
        let Some(name) = source.file_name().map(|n| n.to_string_lossy().into_owned()) else { continue };
        let Some(target) = free_name(folder, &name, &sha) else { continue };
        let temp = folder.join(format!(".{name}.zhibu-tmp"));
        written.temp = Some(temp.clone());
        write_copy(source, &temp).map_err(|e| match std::fs::metadata(source) {
            Err(_) => unreadable(source),
            Ok(_) => explain(&target, e),
        })?;
        std::fs::rename(&temp, &target).map_err(|e| explain(&target, e))?;
        written.temp = None;
        written.files.push(target.clone());
        sync_dir(folder);
        match sha256_file(&target) {
            Ok((s, h)) if s == size && h == sha => {}
            Ok(_) => {
                return Err(Error::Io {
                    path: target.clone(),
                    source: std::io::Error::other("复制后核对不一致，U盘可能有问题"),
                })
            }
            Err(e) => return Err(explain(&target, e)),
        }
    }
    sync_dir(folder);
    Ok(bytes)
}

/// Where `name` goes in `folder`: `None` when a file of that name (or a
/// numbered one) already holds the same content; else the first of
/// `name`, `name (2)`, `name (3)` … that is free.
fn free_name(folder: &Path, name: &str, sha: &str) -> Option<PathBuf> {
    let (stem, ext) = match name.rfind('.') {
        Some(i) if i > 0 => (&name[..i], &name[i..]),
        _ => (name, ""),
    };
    for n in 1u32.. {
        let candidate = if n == 1 { folder.join(name) } else { folder.join(format!("{stem} ({n}){ext}")) };
        match std::fs::symlink_metadata(&candidate) {
            Err(_) => return Some(candidate),
            Ok(m) if m.is_file() && sha256_file(&candidate).is_ok_and(|(_, h)| h == sha) => return None,
            Ok(_) => {}
        }
    }
    None
}

fn write_copy(source: &Path, temp: &Path) -> std::io::Result<()> {
    let mut from = std::fs::File::open(source)?;
    let mut out = std::fs::File::create(temp)?;
    std::io::copy(&mut from, &mut out)?;
    out.flush()?;
    out.sync_all()
}

/// The rename reaches the disk with the folder (best effort: Windows cannot
/// open a folder as a file, and flushes folder entries with the files).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// An export that went missing (or cannot be read) after it was chosen.
fn unreadable(source: &Path) -> Error {
    let name = source.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Error::NotAllowed(format!(
        "读不到要复制的文件 {name}（可能刚被删除或移走了）。请重新导出后再复制。这次没有复制任何文件。"
    ))
}

/// A failure writing to the stick: a full stick has its own kind; the
/// rest say in words what happened to which file.
fn explain(path: &Path, e: std::io::Error) -> Error {
    use std::io::ErrorKind::*;
    match e.kind() {
        StorageFull | QuotaExceeded => Error::StickFull(
            "U盘空间已满，写不下了。请换一个U盘或删掉不需要的文件后再试。这次没有复制任何文件。".into(),
        ),
        _ => Error::Io { path: path.to_path_buf(), source: e },
    }
}

/// How the place copied to is named in the message: the stick's label when
/// it is (on) a stick plugged in now, else the folder's path.
fn label_of(dest_root: &Path) -> String {
    removable_targets()
        .into_iter()
        .filter(|t| dest_root.starts_with(&t.path))
        .max_by_key(|t| t.path.len())
        .map(|t| t.label)
        .unwrap_or_else(|| dest_root.display().to_string())
}

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1024.0 / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOUNTINFO: &str = "\
22 1 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw
25 22 0:5 / /dev rw,nosuid shared:2 - devtmpfs udev rw
40 22 0:35 / /run/user/1000 rw,nosuid shared:20 - tmpfs tmpfs rw
88 22 8:17 / /media/zhang/STICK rw,nosuid,nodev shared:50 - vfat /dev/sdb1 rw,uid=1000
89 22 8:33 / /media/zhang/My\\040Stick rw,nosuid,nodev shared:51 - exfat /dev/sdc1 rw
90 22 8:49 / /run/media/li/党建资料 rw,nosuid,nodev shared:52 - vfat /dev/sdd1 rw
91 22 8:50 / /mnt/backup rw,relatime shared:53 - ext4 /dev/sde1 rw
92 22 8:51 / /home/zhang/media/x rw,relatime shared:54 - ext4 /dev/sde2 rw
93 22 8:52 / /media rw,relatime shared:55 - ext4 /dev/sde3 rw
94 22 8:53 / /media/a\\134b\\011c rw shared:56 - vfat /dev/sdf1 rw
";

    fn mounts() -> Vec<String> {
        media_mounts(MOUNTINFO.as_bytes()).iter().map(|p| p.display().to_string()).collect()
    }

    #[test]
    fn a_stick_under_media_is_kept_and_other_mounts_are_ignored() {
        let m = mounts();
        assert!(m.contains(&"/media/zhang/STICK".to_string()), "{m:?}");
        for other in ["/", "/dev", "/run/user/1000", "/mnt/backup", "/home/zhang/media/x", "/media"] {
            assert!(!m.contains(&other.to_string()), "{other} in {m:?}");
        }
        assert_eq!(m.len(), 4, "{m:?}");
    }

    #[test]
    fn escaped_spaces_and_a_chinese_label_survive() {
        let m = mounts();
        assert!(m.contains(&"/media/zhang/My Stick".to_string()), "{m:?}");
        assert!(m.contains(&"/run/media/li/党建资料".to_string()), "{m:?}");
        assert!(m.contains(&"/media/a\\b\tc".to_string()), "{m:?}");
    }

    #[test]
    fn a_broken_line_or_a_stray_backslash_does_not_panic() {
        assert!(media_mounts(b"garbage\n\n1 2 3\n").is_empty());
        assert_eq!(
            media_mounts(b"1 2 3:4 / /media/u/a\\9z rw - vfat x rw\n1 2 3:4 / /media/u/b\\ rw - vfat x rw"),
            vec![PathBuf::from("/media/u/a\\9z"), PathBuf::from("/media/u/b\\")]
        );
    }

    #[test]
    fn under_the_test_root_each_subfolder_is_a_stick() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir(root.path().join("党建U盘")).unwrap();
        std::fs::create_dir(root.path().join("B")).unwrap();
        std::fs::write(root.path().join("a file"), b"x").unwrap();
        let t = folders_under(root.path());
        assert_eq!(t.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(), vec!["B", "党建U盘"]);
        assert_eq!(t[1].path, root.path().join("党建U盘").display().to_string());
        assert!(t[1].free_bytes.is_some());
        assert!(folders_under(&root.path().join("none")).is_empty());
    }

    #[test]
    fn a_windows_drive_is_labelled_with_its_letter() {
        assert_eq!(drive_label("", "E:\\"), "U盘（E:）");
        assert_eq!(drive_label("KINGSTON", "F:\\"), "KINGSTON（F:）");
        assert_eq!(drive_label("党建", "G:"), "党建（G:）");
    }

    #[test]
    fn the_folder_on_the_stick_is_named_by_branch_and_year() {
        assert_eq!(stick_folder_name("东山村支部", 2026), "东山村支部2026年台账");
        assert_eq!(stick_folder_name("", 2026), "支部2026年台账");
        assert_eq!(stick_folder_name("A/B", 2025), "A_B2025年台账");
    }

    #[test]
    fn a_file_that_vanishes_mid_list_leaves_nothing_behind() {
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("数据");
        let dir = data.join(crate::export::EXPORT_DIR);
        let a = crate::export::write_export(&dir, "甲.xlsx", b"PK first").unwrap();
        let b = crate::export::write_export(&dir, "乙.xlsx", b"PK second").unwrap();
        let stick = root.path().join("U盘");
        std::fs::create_dir_all(&stick).unwrap();
        let mut seen = Vec::new();
        let r = copy_watched(&data, &[a.clone(), b.clone()], &stick, "东山村支部", 2026, &mut |done| {
            seen.push(done);
            if done == 1 {
                // The first file is on the stick by now; the second goes.
                assert!(stick.join("东山村支部2026年台账/甲.xlsx").is_file());
                std::fs::remove_file(&b).unwrap();
            }
        });
        assert_eq!(seen, vec![0, 1]);
        let e = r.unwrap_err();
        assert!(matches!(&e, Error::NotAllowed(m) if m.contains("乙.xlsx") && m.contains("没有复制")), "{e:?}");
        let left: Vec<_> = std::fs::read_dir(&stick).unwrap().collect();
        assert!(left.is_empty(), "the new folder and the first file are gone: {left:?}");
        assert!(a.is_file(), "the source is untouched");
    }

    #[test]
    fn a_name_clash_gets_a_number() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("台账.xlsx"), b"old").unwrap();
        std::fs::write(dir.path().join("台账 (2).xlsx"), b"older").unwrap();
        assert_eq!(free_name(dir.path(), "台账.xlsx", "x"), Some(dir.path().join("台账 (3).xlsx")));
        assert_eq!(free_name(dir.path(), "新.xlsx", "x"), Some(dir.path().join("新.xlsx")));
        let (_, sha) = sha256_file(&dir.path().join("台账 (2).xlsx")).unwrap();
        assert_eq!(free_name(dir.path(), "台账.xlsx", &sha), None, "the same content is there already");
    }
}
