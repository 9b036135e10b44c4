use crate::today;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use zhibu_core::archive::{
    finish_restore, inspect_archive, prepare_restore, verify_archive, Progress, DB_IN_ARCHIVE, MANIFEST,
};
use zhibu_core::{Error, Store};

fn demo_dir() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open_dir(&dir.path().join("data")).unwrap();
    s.load_demo(today()).unwrap();
    (dir, s)
}

fn archive(s: &Store, dest: &Path) -> PathBuf {
    let done = s.create_archive(2026, dest, today(), "0.1.0", &Progress::default()).unwrap();
    PathBuf::from(done.path)
}

/// Every row of every table, as text, in a stable order.
fn dump(db: &Path) -> Vec<(String, Vec<String>)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").unwrap();
    let tables: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    tables
        .into_iter()
        .map(|t| {
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\" ORDER BY rowid")).unwrap();
            let n = stmt.column_count();
            let rows = stmt
                .query_map([], |r| {
                    Ok((0..n).map(|i| format!("{:?}", r.get_ref(i).unwrap())).collect::<Vec<_>>().join("|"))
                })
                .unwrap()
                .map(Result::unwrap)
                .collect();
            (t, rows)
        })
        .collect()
}

/// Names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    v.sort();
    v
}

#[test]
fn an_archive_restores_into_an_empty_data_folder_with_every_table_equal() {
    let (dir, mut s) = demo_dir();
    // An attachment of the year travels with the archive.
    let meeting = s.meetings(2026, None).unwrap()[0].id;
    s.add_attachment(meeting, "签到表.jpg", b"\xff\xd8 a photo").unwrap();
    let usb = dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    let path = archive(&s, &usb);
    assert_eq!(path.file_name().unwrap().to_str().unwrap(), "中共青石镇东山村支部委员会_2026年度党建台账归档");
    for part in ["说明.txt", "manifest.json", "SHA256SUMS.txt", "台账", "公示", "数据库", "附件"] {
        assert!(path.join(part).exists(), "{part}");
    }
    assert_eq!(names(&usb).len(), 1, "nothing else left on the stick: {:?}", names(&usb));
    let readme = std::fs::read_to_string(path.join("说明.txt")).unwrap();
    assert!(readme.contains("sha256sum -c SHA256SUMS.txt") && readme.contains("从归档恢复"));
    let sums = std::fs::read_to_string(path.join("SHA256SUMS.txt")).unwrap();
    assert!(sums.lines().any(|l| l.ends_with("  数据库/zhibu.sqlite3")));
    assert!(verify_archive(&path).unwrap().ok);
    // The count said when it was written is the count 校验 says.
    let again = dir.path().join("usb2");
    std::fs::create_dir(&again).unwrap();
    let done = s.create_archive(2026, &again, today(), "0.1.0", &Progress::default()).unwrap();
    assert_eq!(done.files, verify_archive(Path::new(&done.path)).unwrap().checked);

    let fresh = dir.path().join("new-pc");
    let summary = inspect_archive(&path).unwrap();
    // As many members as the 花名册 shows (the demo has some off the roster).
    let roster = s.members(&zhibu_core::members::MemberQuery::default()).unwrap().len();
    let all = s.members(&zhibu_core::members::MemberQuery { include_left: true, ..Default::default() }).unwrap().len();
    assert!(all > roster, "the demo holds members off the roster");
    assert_eq!(summary.members, roster as i64);
    assert_eq!((summary.year, summary.members > 30), (2026, true));
    assert_eq!(summary.branch, "中共青石镇东山村支部委员会");
    let prepared = prepare_restore(&path, &fresh).unwrap();
    let done = finish_restore(prepared, &fresh).unwrap();
    assert_eq!(done.backup, None, "nothing to back up on a new PC");
    let original = s.path().unwrap().to_path_buf();
    drop(s);
    assert_eq!(dump(&fresh.join("zhibu.sqlite3")), dump(&original));
    let restored = Store::open_dir(&fresh).unwrap();
    let a = &restored.attachments(meeting).unwrap()[0];
    assert_eq!(restored.attachment_bytes(a.id).unwrap().1, b"\xff\xd8 a photo");
}

#[test]
fn a_second_archive_of_the_year_never_touches_the_first() {
    let (dir, s) = demo_dir();
    let first = archive(&s, dir.path());
    let before = std::fs::read(first.join(MANIFEST)).unwrap();
    let second = archive(&s, dir.path());
    assert_ne!(first, second);
    assert!(second
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("中共青石镇东山村支部委员会_2026年度党建台账归档_"));
    assert_eq!(std::fs::read(first.join(MANIFEST)).unwrap(), before);
    assert!(verify_archive(&first).unwrap().ok && verify_archive(&second).unwrap().ok);
}

#[test]
fn a_fault_at_any_point_leaves_no_archive_and_the_earlier_one_intact() {
    let (dir, s) = demo_dir();
    let usb = dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    let earlier = archive(&s, &usb);
    let earlier_sums = std::fs::read(earlier.join("SHA256SUMS.txt")).unwrap();
    let total: u64 = std::fs::read_to_string(earlier.join(MANIFEST))
        .map(|t| serde_json::from_str::<zhibu_core::archive::Manifest>(&t).unwrap())
        .unwrap()
        .files
        .iter()
        .map(|f| f.size)
        .sum();
    let db_size = std::fs::metadata(earlier.join(DB_IN_ARCHIVE)).unwrap().len();
    // Many points: the first bytes, inside the workbooks, inside the database
    // snapshot (written last but one), inside the manifest, at the rename.
    let mut points: Vec<u64> = (0..40).map(|i| i * total / 40).collect();
    points.extend([0, 1, total - db_size + 1, total - db_size / 2, total - 1, total, total + 10, total + 700]);
    let sums_and_manifest = 4_000u64;
    points.extend((0..20).map(|i| total + i * sums_and_manifest / 20));
    let mut failed = 0;
    for n in points {
        let progress = Progress::default();
        match s.create_archive_with(2026, &usb, today(), "0.1.0", &progress, Some(n)) {
            Err(Error::Archive(msg) | Error::StickFull(msg)) => {
                failed += 1;
                assert!(msg.contains("没有生成归档"), "{msg}");
            }
            Err(e) => panic!("fault after {n} bytes: {e}"),
            Ok(done) => {
                // Only a budget past every byte and the rename succeeds.
                assert!(n > total, "succeeded with a fault after {n} of {total} bytes");
                std::fs::remove_dir_all(&done.path).unwrap();
            }
        }
        assert_eq!(names(&usb), [earlier.file_name().unwrap().to_str().unwrap()], "after a fault at {n}");
    }
    assert!(failed >= 50, "{failed} faults injected");
    assert_eq!(std::fs::read(earlier.join("SHA256SUMS.txt")).unwrap(), earlier_sums);
    assert!(verify_archive(&earlier).unwrap().ok);
}

#[test]
fn a_flipped_byte_in_any_file_is_named_by_verify() {
    let (dir, s) = demo_dir();
    let path = archive(&s, dir.path());
    let manifest: zhibu_core::archive::Manifest =
        serde_json::from_str(&std::fs::read_to_string(path.join(MANIFEST)).unwrap()).unwrap();
    for f in &manifest.files {
        let file = path.join(&f.path);
        let original = std::fs::read(&file).unwrap();
        let mut bytes = original.clone();
        let at = bytes.len() / 2;
        bytes[at] ^= 0x01;
        std::fs::write(&file, &bytes).unwrap();
        let report = verify_archive(&path).unwrap();
        assert!(!report.ok);
        assert_eq!(report.bad_files, std::slice::from_ref(&f.path));
        assert!(report.message.contains(&f.path));
        // …and a restore refuses it, leaving nothing behind.
        let target = dir.path().join("restore-here");
        let err = prepare_restore(&path, &target).unwrap_err();
        assert!(err.to_string().contains("已损坏"), "{err}");
        assert!(!target.join("zhibu.sqlite3").exists());
        std::fs::write(&file, &original).unwrap();
    }
    std::fs::remove_file(path.join("说明.txt")).unwrap();
    assert_eq!(verify_archive(&path).unwrap().bad_files, ["说明.txt"]);
}

#[test]
fn restore_refuses_a_newer_schema_and_keeps_the_current_data_backed_up() {
    let (dir, s) = demo_dir();
    let path = archive(&s, dir.path());
    // The same archive claiming a newer schema (and re-signed so it verifies).
    let newer = dir.path().join("newer");
    std::fs::create_dir(&newer).unwrap();
    copy_dir(&path, &newer);
    let mut manifest: zhibu_core::archive::Manifest =
        serde_json::from_str(&std::fs::read_to_string(newer.join(MANIFEST)).unwrap()).unwrap();
    manifest.schema_version += 1;
    std::fs::write(newer.join(MANIFEST), serde_json::to_vec(&manifest).unwrap()).unwrap();
    forge_sums(&newer);
    let other = dir.path().join("other-pc");
    let err = prepare_restore(&newer, &other).unwrap_err();
    assert!(matches!(err, Error::SchemaTooNew { .. }), "{err}");

    // Restoring over existing data backs it up first, then swaps.
    let mut current = Store::open_dir(&other).unwrap();
    let form =
        zhibu_core::branch::BranchForm { name: "中共另一个村支部委员会".into(), ..Default::default() };
    current.save_branch(&form, today()).unwrap();
    drop(current);
    let done = finish_restore(prepare_restore(&path, &other).unwrap(), &other).unwrap();
    let backup = PathBuf::from(done.backup.expect("the replaced data is backed up"));
    assert!(backup.starts_with(other.join("备份")));
    let old = Store::open_file(&backup).unwrap();
    assert_eq!(old.branch().unwrap().name, "中共另一个村支部委员会");
    assert_eq!(Store::open_dir(&other).unwrap().branch().unwrap().name, "中共青石镇东山村支部委员会");
}

#[test]
fn cancel_stops_the_archive_and_leaves_nothing() {
    let (dir, s) = demo_dir();
    let progress = Progress::default();
    progress.cancel.store(true, Ordering::Relaxed);
    let err = s.create_archive(2026, dir.path(), today(), "0.1.0", &progress).unwrap_err();
    assert!(matches!(err, Error::Cancelled));
    assert_eq!(names(dir.path()), ["data"]);
    let missing = s.create_archive(2026, &dir.path().join("no-stick"), today(), "0.1.0", &Progress::default());
    assert!(missing.unwrap_err().to_string().contains("U盘可能没有插好"));
}

fn copy_dir(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

#[test]
fn an_encrypted_archive_opens_only_with_its_passphrase_and_restores() {
    use zhibu_core::archive::open_archive;
    let (dir, s) = demo_dir();
    let usb = dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    let short = s.create_sealed_archive(2026, &usb, today(), "0.1.0", "12345", &Progress::default());
    assert!(short.unwrap_err().to_string().contains("至少要 6 位"));
    let done = s.create_sealed_archive(2026, &usb, today(), "0.1.0", "东山村2026", &Progress::default()).unwrap();
    let file = PathBuf::from(&done.path);
    assert!(file.to_str().unwrap().ends_with("_2026年度党建台账归档.zhibu.age"));
    assert_eq!(
        names(&usb),
        [
            "中共青石镇东山村支部委员会_2026年度党建台账归档.zhibu.age",
            "中共青石镇东山村支部委员会_2026年度党建台账归档_说明.txt"
        ]
    );
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1"));
    assert!(!bytes.windows(8).any(|w| w == "东山村".as_bytes().get(..8).unwrap()), "nothing readable inside");
    // The scrypt work factor we chose is written in the header.
    let header = String::from_utf8_lossy(&bytes[..200]);
    assert!(header.contains(" 17\n"), "{header}");

    let wrong = open_archive(&file, Some("东山村2025")).err().unwrap();
    assert!(wrong.to_string().contains("密码不对"), "{wrong}");
    assert!(open_archive(&file, None).err().unwrap().to_string().contains("请输入"));
    let opened = open_archive(&file, Some("东山村2026")).unwrap();
    assert!(verify_archive(&opened.dir).unwrap().ok);
    let fresh = dir.path().join("new-pc");
    finish_restore(prepare_restore(&opened.dir, &fresh).unwrap(), &fresh).unwrap();
    assert_eq!(Store::open_dir(&fresh).unwrap().member_count().unwrap(), s.member_count().unwrap());

    // A flipped byte makes it unreadable, and says so.
    let mut broken = bytes.clone();
    let at = broken.len() / 2;
    broken[at] ^= 1;
    std::fs::write(&file, &broken).unwrap();
    let err = open_archive(&file, Some("东山村2026")).err().unwrap();
    assert!(err.to_string().contains("已损坏"), "{err}");
}

/// A real small filesystem (tmpfs, needs root) that fills up in the middle
/// of the write: the free-space check passes (it counts bytes), but 150
/// small photos take a 4 KB page each. The error says the stick is full and
/// nothing is left behind.
#[test]
fn a_stick_that_fills_up_during_the_write_leaves_nothing() {
    if !Path::new("/proc/self").exists() || process_uid() != 0 {
        eprintln!("skipped: mounting a small filesystem needs root (CI runs as root)");
        return;
    }
    let (dir, mut s) = demo_dir();
    let meetings = s.meetings(2026, None).unwrap();
    for i in 0..150 {
        let m = meetings[i % meetings.len()].id;
        s.add_attachment(m, &format!("照片{i}.jpg"), format!("photo {i} {}", "x".repeat(200)).as_bytes()).unwrap();
    }
    let probe = dir.path().join("probe");
    std::fs::create_dir(&probe).unwrap();
    let done = s.create_archive(2026, &probe, today(), "0.1.0", &Progress::default()).unwrap();
    let stick = dir.path().join("stick");
    std::fs::create_dir(&stick).unwrap();
    // Room for the bytes and the 64 KB margin the check asks for, not for 150 pages.
    let size = (done.size + 96 * 1024).div_ceil(4096) * 4096;
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
        .arg(&stick)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !mounted {
        eprintln!("skipped: mount -t tmpfs is not allowed here");
        return;
    }
    let result = s.create_archive(2026, &stick, today(), "0.1.0", &Progress::default());
    let left = names(&stick);
    let _ = std::process::Command::new("umount").arg(&stick).status();
    let err = result.expect_err("the stick is too small");
    assert!(err.to_string().contains("空间已满"), "{err}");
    assert!(left.is_empty(), "nothing left on the stick: {left:?}");
}

fn process_uid() -> u32 {
    // The owner of /proc/self is the process's user.
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").map(|m| m.uid()).unwrap_or(u32::MAX)
}

/// A database handed over in an archive may name an attachment by a path
/// (`../../…` or absolute). The next year-end archive must neither read nor
/// write through it, and a restore must refuse such a database.
#[test]
fn an_attachment_named_by_a_path_is_never_followed() {
    let (dir, mut s) = demo_dir();
    let meeting = s.meetings(2026, None).unwrap()[0].id;
    let a = s.add_attachment(meeting, "签到表.jpg", b"\xff\xd8 a photo").unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "the secretary's own file").unwrap();
    let usb = dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    let good = archive(&s, &usb);
    for evil in ["../../victim", victim.to_str().unwrap()] {
        let conn = rusqlite::Connection::open(s.path().unwrap()).unwrap();
        conn.execute("UPDATE meeting_attachments SET sha256 = ?1 WHERE id = ?2", rusqlite::params![evil, a.id])
            .unwrap();
        drop(conn);
        let err = s.create_archive(2026, &usb, today(), "0.1.0", &Progress::default()).unwrap_err();
        assert!(err.to_string().contains("附件"), "{err}");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "the secretary's own file", "untouched");
        assert_eq!(names(&usb), [good.file_name().unwrap().to_string_lossy().into_owned()], "nothing new on the stick");
        assert!(matches!(s.attachment_bytes(a.id), Err(Error::Corrupt(_))));
    }
    // Archived that way, the database is refused on restore, before anything changes.
    let target = dir.path().join("other");
    let evil_archive = dir.path().join("evil");
    std::fs::create_dir_all(&evil_archive).unwrap();
    copy_dir(&good, &evil_archive);
    let db = evil_archive.join(DB_IN_ARCHIVE);
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute("UPDATE meeting_attachments SET sha256 = '../../victim'", []).unwrap();
    }
    let err = prepare_restore_after_rehash(&evil_archive, &target);
    assert!(err.to_string().contains("附件登记不正常"), "{err}");
}

/// What a forger would do after changing files of an archive: recompute
/// every listed file's size and checksum in the manifest and in
/// SHA256SUMS.txt, so that only the content checks can catch it.
fn forge_sums(archive: &Path) {
    use sha2::{Digest, Sha256};
    let manifest_path = archive.join(MANIFEST);
    let mut manifest: serde_json::Value = serde_json::from_slice(&std::fs::read(&manifest_path).unwrap()).unwrap();
    for f in manifest["files"].as_array_mut().unwrap() {
        let path = f["path"].as_str().unwrap();
        if path.starts_with('/') || path.contains("..") {
            continue; // the forger's own trap: never read outside
        }
        if let Ok(bytes) = std::fs::read(archive.join(path)) {
            f["sha256"] = format!("{:x}", Sha256::digest(&bytes)).into();
            f["size"] = (bytes.len() as u64).into();
        }
    }
    let json = serde_json::to_vec_pretty(&manifest).unwrap();
    std::fs::write(&manifest_path, &json).unwrap();
    let mut sums: String = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| format!("{}  {}\n", f["sha256"].as_str().unwrap(), f["path"].as_str().unwrap()))
        .collect();
    sums.push_str(&format!("{:x}  {MANIFEST}\n", Sha256::digest(&json)));
    std::fs::write(archive.join("SHA256SUMS.txt"), sums).unwrap();
}

fn prepare_restore_after_rehash(archive: &Path, data_dir: &Path) -> Error {
    forge_sums(archive);
    assert!(verify_archive(archive).unwrap().ok, "the forgery passes the checksums");
    std::fs::create_dir_all(data_dir).unwrap();
    match prepare_restore(archive, data_dir) {
        Err(e) => e,
        Ok(_) => panic!("a forged database was accepted"),
    }
}

/// A restore killed while its staging database was open leaves a `-wal`
/// beside it. The next restore must not replay it into its own copy
/// (issue 14, item 6): the archive restores as it is, and no staging file
/// of either run is left.
#[test]
fn a_killed_restore_does_not_poison_the_next_one() {
    let (dir, s) = demo_dir();
    let usb = dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    let path = archive(&s, &usb);
    let fresh = dir.path().join("new-pc");
    std::fs::create_dir_all(&fresh).unwrap();
    // What a killed run leaves: a staging copy and a WAL full of other data,
    // under the old fixed name and under a unique one.
    let foreign = dir.path().join("foreign.sqlite3");
    let wal = {
        let conn = rusqlite::Connection::open(&foreign).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
        conn.execute_batch("CREATE TABLE members (x); INSERT INTO members VALUES ('毒');").unwrap();
        let wal = std::fs::read(format!("{}-wal", foreign.display())).unwrap();
        std::mem::forget(conn); // like a killed process: no checkpoint, no cleanup
        wal
    };
    assert!(!wal.is_empty());
    for stale in ["恢复中.sqlite3", "恢复中_1_1.sqlite3"] {
        std::fs::copy(path.join(DB_IN_ARCHIVE), fresh.join(stale)).unwrap();
        std::fs::write(fresh.join(format!("{stale}-wal")), &wal).unwrap();
    }
    let prepared = prepare_restore(&path, &fresh).unwrap();
    finish_restore(prepared, &fresh).unwrap();
    let original = s.path().unwrap().to_path_buf();
    drop(s);
    assert_eq!(dump(&fresh.join("zhibu.sqlite3")), dump(&original), "restored exactly as archived");
    let left: Vec<String> = names(&fresh).into_iter().filter(|n| n.starts_with("恢复中")).collect();
    assert!(left.is_empty(), "no staging leftovers: {left:?}");
}

/// Verify and restore do not trust the manifest (issue 14, item 7).
#[test]
fn verify_and_restore_check_the_manifest_itself() {
    let (dir, mut s) = demo_dir();
    let meeting = s.meetings(2026, None).unwrap()[0].id;
    s.add_attachment(meeting, "签到表.jpg", b"\xff\xd8 a photo").unwrap();
    let usb = dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    let good = archive(&s, &usb);
    let copy = |name: &str| {
        let to = dir.path().join(name);
        std::fs::create_dir_all(&to).unwrap();
        copy_dir(&good, &to);
        to
    };
    let edit_manifest = |archive: &Path, f: &dyn Fn(&mut Vec<serde_json::Value>)| {
        let p = archive.join(MANIFEST);
        let mut m: serde_json::Value = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
        f(m["files"].as_array_mut().unwrap());
        std::fs::write(&p, serde_json::to_vec_pretty(&m).unwrap()).unwrap();
        forge_sums(archive);
    };
    // A manifest that lists nothing, or leaves the database out, is not "完好".
    let empty = copy("empty");
    edit_manifest(&empty, &|files| files.clear());
    let r = verify_archive(&empty).unwrap();
    assert!(!r.ok && r.bad_files[0].contains("没有数据库"), "{r:?}");
    // Paths outside the folder, and a device that never ends, are refused at once.
    let outside = copy("outside");
    edit_manifest(&outside, &|files| {
        files.push(serde_json::json!({"path": "../victim.txt", "size": 1, "sha256": "00"}));
        files.push(serde_json::json!({"path": "/dev/zero", "size": 1, "sha256": "00"}));
    });
    let r = verify_archive(&outside).unwrap();
    assert!(!r.ok && r.bad_files.iter().filter(|b| b.contains("不在归档文件夹内")).count() == 2, "{r:?}");
    // SHA256SUMS.txt must say what the manifest says.
    let sums = copy("sums");
    let text = std::fs::read_to_string(sums.join("SHA256SUMS.txt")).unwrap();
    std::fs::write(sums.join("SHA256SUMS.txt"), text.lines().skip(1).collect::<Vec<_>>().join("\n")).unwrap();
    let r = verify_archive(&sums).unwrap();
    assert_eq!(r.bad_files, ["SHA256SUMS.txt"]);
    // A database with a trigger of its own is refused before anything changes.
    let trigger = copy("trigger");
    {
        let conn = rusqlite::Connection::open(trigger.join(DB_IN_ARCHIVE)).unwrap();
        conn.execute_batch(
            "CREATE TRIGGER t AFTER UPDATE ON members BEGIN UPDATE members SET phone = '13800000000'; END;",
        )
        .unwrap();
    }
    let target = dir.path().join("target");
    let err = prepare_restore_after_rehash(&trigger, &target);
    assert!(err.to_string().contains("结构与本程序的不一致"), "{err}");
    assert!(!target.join("zhibu.sqlite3").exists());
    // Files the manifest does not list are not brought in.
    let extra = copy("extra");
    std::fs::write(extra.join("附件").join(format!("{}.jpg", "e".repeat(64))), b"unlisted").unwrap();
    let fresh = dir.path().join("fresh");
    let prepared = prepare_restore(&extra, &fresh).unwrap();
    finish_restore(prepared, &fresh).unwrap();
    let brought = names(&fresh.join("attachments"));
    assert_eq!(brought.len(), 1, "only the listed photo: {brought:?}");
    assert!(!brought[0].starts_with("eeee"));
}
