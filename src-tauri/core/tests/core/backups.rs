use crate::today;
use zhibu_core::store::backups::{check_at_start, daily_backup, list_backups};
use zhibu_core::Store;

#[test]
fn one_daily_snapshot_per_day_and_it_opens() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(daily_backup(dir.path(), today()).unwrap(), None, "no database yet: nothing to back up");
    let mut s = Store::open_dir(dir.path()).unwrap();
    s.load_demo(today()).unwrap();
    let first = daily_backup(dir.path(), today()).unwrap().expect("the day's first start");
    assert_eq!(daily_backup(dir.path(), today()).unwrap(), None, "only once a day");
    let next = daily_backup(dir.path(), today().succ_opt().unwrap()).unwrap();
    assert!(next.is_some());
    let list = list_backups(dir.path());
    assert_eq!(list.len(), 2);
    assert!(list.iter().all(|b| b.kind == "每日"));
    let copy = Store::open_file(&first).unwrap();
    assert_eq!(copy.member_count().unwrap(), s.member_count().unwrap());
}

#[test]
fn a_damaged_database_is_moved_aside_and_the_newest_good_backup_offered() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut s = Store::open_dir(dir.path()).unwrap();
        s.load_demo(today()).unwrap();
    }
    let good = daily_backup(dir.path(), today()).unwrap().unwrap();
    assert_eq!(check_at_start(dir.path()), None, "a sound database passes");
    // Damage the database: garbage over its pages.
    let db = dir.path().join("zhibu.sqlite3");
    let mut bytes = std::fs::read(&db).unwrap();
    let len = bytes.len();
    for b in &mut bytes[len / 4..len / 2] {
        *b = 0x5a;
    }
    std::fs::write(&db, &bytes).unwrap();
    let found = check_at_start(dir.path()).expect("the damage is found");
    assert!(!db.exists(), "moved aside");
    let aside = std::path::PathBuf::from(found.moved_to.unwrap());
    assert_eq!(std::fs::read(&aside).unwrap(), bytes, "never deleted, never changed");
    assert_eq!(found.newest_good_backup.unwrap(), good.display().to_string());
}

/// A database another program holds cannot be checked; that says nothing
/// about the data, and nothing is moved aside (issue 14, item 4).
#[test]
fn a_database_that_cannot_be_checked_is_not_called_damaged() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut s = Store::open_dir(dir.path()).unwrap();
        s.load_demo(today()).unwrap();
    }
    let db = dir.path().join("zhibu.sqlite3");
    let before = std::fs::read(&db).unwrap();
    // Another program holds the file exclusively.
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.pragma_update(None, "locking_mode", "EXCLUSIVE").unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE; UPDATE branch SET name = name; ").unwrap();
    assert_eq!(check_at_start(dir.path()), None, "not damaged, only busy");
    assert!(db.exists(), "left where it is");
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    assert_eq!(std::fs::read(&db).unwrap().len(), before.len());
    assert_eq!(check_at_start(dir.path()), None);
    let names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().all(|n| !n.contains("损坏")), "{names:?}");
}
