//! 复制到U盘: exports copied onto a stick, checked, all or nothing.

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use zhibu_core::export::{write_export, EXPORT_DIR};
use zhibu_core::stick::copy_to_stick;
use zhibu_core::Error;

/// A data folder with two exports, and an empty stick beside it.
fn setup() -> (tempfile::TempDir, PathBuf, Vec<PathBuf>, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("数据");
    let big: Vec<u8> = (0..300_000u32).map(|i| (i * 13 % 251) as u8).collect();
    let a = write_export(&data.join(EXPORT_DIR), "东山村支部2026年度党建台账.xlsx", &big).unwrap();
    let b = write_export(&data.join(EXPORT_DIR), "东山村支部党费收缴情况公示.xlsx", b"PK\x03\x04 notice").unwrap();
    let stick = root.path().join("U盘");
    std::fs::create_dir_all(&stick).unwrap();
    (root, data, vec![a, b], stick)
}

fn sha(path: &Path) -> String {
    format!("{:x}", Sha256::digest(std::fs::read(path).unwrap()))
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    v.sort();
    v
}

#[test]
fn exports_are_copied_into_the_branch_folder_byte_for_byte() {
    let (_root, data, files, stick) = setup();
    let report = copy_to_stick(&data, &files, &stick, "东山村支部", 2026).unwrap();
    let folder = stick.join("东山村支部2026年台账");
    assert_eq!(report.folder, folder.display().to_string());
    assert_eq!(report.files, 2);
    assert_eq!(report.bytes, 300_000 + 11);
    assert!(report.message.starts_with("已复制 2 个文件到 "), "{}", report.message);
    for f in &files {
        assert_eq!(sha(&folder.join(f.file_name().unwrap())), sha(f));
    }
    // No temporary file is left beside them.
    assert_eq!(names(&folder), vec!["东山村支部2026年度党建台账.xlsx", "东山村支部党费收缴情况公示.xlsx"]);
}

#[test]
fn a_file_of_the_same_name_is_kept_and_the_copy_numbered_the_same_content_counts_as_copied() {
    let (_root, data, files, stick) = setup();
    let folder = stick.join("东山村支部2026年台账");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("东山村支部2026年度党建台账.xlsx"), b"last year's").unwrap();
    std::fs::copy(&files[1], folder.join("东山村支部党费收缴情况公示.xlsx")).unwrap();
    let report = copy_to_stick(&data, &files, &stick, "东山村支部", 2026).unwrap();
    assert_eq!(report.files, 2);
    assert_eq!(std::fs::read(folder.join("东山村支部2026年度党建台账.xlsx")).unwrap(), b"last year's");
    assert_eq!(sha(&folder.join("东山村支部2026年度党建台账 (2).xlsx")), sha(&files[0]));
    assert_eq!(
        names(&folder),
        vec![
            "东山村支部2026年度党建台账 (2).xlsx",
            "东山村支部2026年度党建台账.xlsx",
            "东山村支部党费收缴情况公示.xlsx"
        ]
    );
    // Again: everything is there already, nothing more is written.
    copy_to_stick(&data, &files, &stick, "东山村支部", 2026).unwrap();
    assert_eq!(names(&folder).len(), 3);
}

#[test]
fn a_file_outside_the_exports_is_refused_and_nothing_is_written() {
    let (root, data, files, stick) = setup();
    let outside = root.path().join("别处.xlsx");
    std::fs::write(&outside, b"not ours").unwrap();
    std::fs::write(data.join("zhibu.sqlite3"), b"db").unwrap();
    for bad in [outside, data.join("zhibu.sqlite3"), data.join(EXPORT_DIR).join("..").join("zhibu.sqlite3")] {
        let r = copy_to_stick(&data, &[files[0].clone(), bad.clone()], &stick, "东山村支部", 2026);
        assert!(matches!(&r, Err(Error::NotAllowed(m)) if m.contains("只能")), "{bad:?}: {r:?}");
        assert!(names(&stick).is_empty(), "{bad:?}");
    }
    assert!(matches!(copy_to_stick(&data, &[], &stick, "东山村支部", 2026), Err(Error::NotAllowed(_))));
}

#[test]
fn a_destination_in_the_data_folder_is_refused() {
    let (_root, data, files, _stick) = setup();
    for dest in [data.clone(), data.join(EXPORT_DIR)] {
        let r = copy_to_stick(&data, &files, &dest, "东山村支部", 2026);
        assert!(matches!(&r, Err(Error::NotAllowed(m)) if m.contains("数据文件夹")), "{dest:?}: {r:?}");
        assert!(!dest.join("东山村支部2026年台账").exists());
    }
}

#[test]
fn a_pulled_stick_is_said_in_chinese() {
    let (root, data, files, _stick) = setup();
    let e = copy_to_stick(&data, &files, &root.path().join("拔出的U盘"), "东山村支部", 2026).unwrap_err();
    assert!(matches!(e, Error::Io { .. }) && e.to_string().contains("找不到"), "{e}");
}

#[test]
fn a_failure_half_way_removes_what_this_copy_wrote_and_nothing_else() {
    let (_root, data, files, stick) = setup();
    // The second file cannot be written: its temporary name is taken by a folder.
    let folder = stick.join("东山村支部2026年台账");
    std::fs::create_dir_all(folder.join(".东山村支部党费收缴情况公示.xlsx.zhibu-tmp")).unwrap();
    std::fs::write(folder.join("以前的.txt"), b"keep me").unwrap();
    let e = copy_to_stick(&data, &files, &stick, "东山村支部", 2026).unwrap_err();
    assert!(matches!(e, Error::Io { .. }), "{e:?}");
    assert!(e.to_string().contains("东山村支部党费收缴情况公示.xlsx"), "names the file: {e}");
    assert!(!folder.join("东山村支部2026年度党建台账.xlsx").exists(), "the first file was removed again");
    assert_eq!(std::fs::read(folder.join("以前的.txt")).unwrap(), b"keep me");
}
