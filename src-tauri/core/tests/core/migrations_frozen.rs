//! Old databases open: every shipped schema version, frozen as a file with a
//! small branch's rows in it (`tests/fixtures/schema_v{N}.sqlite3`, written
//! once by `write_frozen_schema_fixtures` in `src/store/migrations.rs` and
//! never again), is opened through the normal path on a copy and must come
//! out at today's version, sound, with every row it held and the documented
//! values in what later versions added.
//!
//! The expectations below are those fixtures' rows: they do not change when
//! a migration is added. A new version's fixture brings its own rows; give
//! them `v >= N` expectations here, and each column it adds an entry in
//! [`ADDED_COLUMNS`].

use crate::today;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use zhibu_core::dues::ledger::PaymentMonth;
use zhibu_core::dues::{DuesBalance, DuesCategory, DuesSettings, Month, Remittance};
use zhibu_core::idcard::Sex;
use zhibu_core::meetings::{AgendaItem, Attendance, Frequency, Grade, MeetingKind};
use zhibu_core::members::{
    CommitteeRole, Group, LostContactReason, Member, MemberForm, MemberKind, MemberQuery, ProbationExtension, Status,
    StatusChange, StatusForm, Transfer, TransferDirection,
};
use zhibu_core::store::backups::{list_backups, BACKUP_DIR};
use zhibu_core::store::migrations::SCHEMA_VERSION;
use zhibu_core::store::DB_FILE_NAME;
use zhibu_core::{PartialDate, Store};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("fixtures")
}

/// Columns later versions added to tables that existed before, with the
/// value an old row must have after migrating (the migration's DEFAULT):
/// (version that added it, table, column, value).
const ADDED_COLUMNS: &[(i64, &str, &str, AddedValue)] = &[
    (2, "branch", "theme_day", AddedValue::Text("")),
    (4, "branch", "birthday_days", AddedValue::Integer(30)),
    (4, "branch", "term_years", AddedValue::Integer(5)),
    (5, "branch", "records_from", AddedValue::Null),
    (5, "members", "full_member_reason", AddedValue::Text("")),
    (5, "members", "probation_extension_months", AddedValue::Null),
    (5, "members", "probation_extension_on", AddedValue::Null),
    (5, "members", "probation_extension_reply", AddedValue::Text("")),
    (5, "members", "lost_contact_since", AddedValue::Null),
    // Not a default: V5 works the 所属年度 out from the date (checked below).
    (5, "meetings", "for_year", AddedValue::Derived),
    (5, "meeting_resolutions", "candidate", AddedValue::Text("")),
    (5, "meeting_resolutions", "written_for", AddedValue::Null),
    (5, "meeting_resolutions", "written_against", AddedValue::Null),
    (5, "meeting_resolutions", "written_abstain", AddedValue::Null),
    (8, "meetings", "study_tenths", AddedValue::Null),
    // Not defaults: V9 counts each meeting's present rows (checked below).
    (9, "meetings", "present_count", AddedValue::Derived),
    (9, "meetings", "present_voting", AddedValue::Derived),
];

#[derive(Clone, Copy, Debug)]
enum AddedValue {
    Null,
    Integer(i64),
    Text(&'static str),
    Derived,
}

impl AddedValue {
    fn value(self) -> Option<Value> {
        match self {
            AddedValue::Null => Some(Value::Null),
            AddedValue::Integer(i) => Some(Value::Integer(i)),
            AddedValue::Text(t) => Some(Value::Text(t.into())),
            AddedValue::Derived => None,
        }
    }
}

/// Every table's rows by rowid, each row by column name.
type Dump = BTreeMap<String, BTreeMap<i64, BTreeMap<String, Value>>>;

fn dump(conn: &Connection) -> Dump {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let mut out = Dump::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT rowid, * FROM \"{table}\"")).unwrap();
        let names: Vec<String> = stmt.column_names().skip(1).map(|s| s.to_string()).collect();
        let rows = stmt
            .query_map([], |r| {
                let rowid: i64 = r.get(0)?;
                let mut row = BTreeMap::new();
                for (i, name) in names.iter().enumerate() {
                    row.insert(name.clone(), r.get::<_, Value>(i + 1)?);
                }
                Ok((rowid, row))
            })
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        out.insert(table, rows);
    }
    out
}

fn schema(conn: &Connection) -> Vec<(String, String, String)> {
    let mut stmt = conn.prepare("SELECT type, name, COALESCE(sql, '') FROM sqlite_master ORDER BY type, name").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(|r| r.unwrap()).collect()
}

fn read_only(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

fn day(s: &str) -> PartialDate {
    PartialDate::parse(s).unwrap()
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn month(s: &str) -> Month {
    Month::parse(s).unwrap()
}

/// The fixture files' versions, as found.
fn fixture_versions() -> Vec<i64> {
    let mut versions: Vec<i64> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|name| name.strip_prefix("schema_v")?.strip_suffix(".sqlite3")?.parse().ok())
        .collect();
    versions.sort_unstable();
    versions
}

#[test]
fn every_shipped_version_is_frozen_as_a_fixture() {
    assert_eq!(
        fixture_versions(),
        (1..SCHEMA_VERSION).collect::<Vec<_>>(),
        "one fixture per shipped version before {SCHEMA_VERSION}; after adding a migration run \
         `cargo test -p zhibu-core write_frozen -- --ignored` and commit the new file"
    );
}

#[test]
fn every_frozen_old_version_opens_with_its_rows_intact() {
    // Today's schema, as a new database gets it.
    let fresh_dir = tempfile::tempdir().unwrap();
    drop(Store::open_file(&fresh_dir.path().join(DB_FILE_NAME)).unwrap());
    let want_schema = schema(&read_only(&fresh_dir.path().join(DB_FILE_NAME)));
    let versions = fixture_versions();
    assert!(!versions.is_empty());
    for v in versions {
        opens_intact(v, &want_schema);
    }
}

fn opens_intact(v: i64, want_schema: &[(String, String, String)]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE_NAME);
    std::fs::copy(fixtures_dir().join(format!("schema_v{v}.sqlite3")), &path).unwrap();
    let before = {
        let conn = read_only(&path);
        let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(found, v, "schema_v{v}.sqlite3 is at version {v}");
        dump(&conn)
    };

    // The normal open path: snapshot, migrations, pragmas.
    let mut store = Store::open_file(&path).unwrap_or_else(|e| panic!("version {v} does not open: {e}"));
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION, "v{v}");

    let conn = read_only(&path);
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(found, SCHEMA_VERSION, "v{v}");
    let integrity: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(integrity, ["ok"], "v{v}");
    let broken: Vec<(String, Option<i64>, String)> = conn
        .prepare("PRAGMA foreign_key_check")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert!(broken.is_empty(), "v{v}: rows pointing at nothing: {broken:?}");
    let got_schema = schema(&conn);
    let only_in = |a: &[(String, String, String)], b: &[(String, String, String)]| {
        a.iter().filter(|x| !b.contains(x)).cloned().collect::<Vec<_>>()
    };
    assert!(
        got_schema == want_schema,
        "v{v}: the migrated schema is not the one a new database gets (was a shipped migration edited?)\n\
         only after migrating: {:#?}\nonly in a new database: {:#?}",
        only_in(&got_schema, want_schema),
        only_in(want_schema, &got_schema)
    );

    // Every row the old file held, with every value it held; what later
    // versions added, at its documented value.
    let after = dump(&conn);
    for (table, rows) in &before {
        let now = after.get(table).unwrap_or_else(|| panic!("v{v}: table {table} is gone"));
        assert_eq!(now.len(), rows.len(), "v{v}: rows of {table}");
        for (rowid, row) in rows {
            let new_row = now.get(rowid).unwrap_or_else(|| panic!("v{v}: {table} row {rowid} is gone"));
            for (column, value) in row {
                assert_eq!(new_row.get(column), Some(value), "v{v}: {table}.{column} of row {rowid}");
            }
            for (column, value) in new_row.iter().filter(|(c, _)| !row.contains_key(*c)) {
                let added = ADDED_COLUMNS
                    .iter()
                    .find(|(since, t, c, _)| *since > v && t == table && c == column)
                    .unwrap_or_else(|| panic!("v{v}: {table}.{column} was added; list its value in ADDED_COLUMNS"));
                if let Some(want) = added.3.value() {
                    assert_eq!(value, &want, "v{v}: {table}.{column} of row {rowid} (added in version {})", added.0);
                }
            }
        }
    }

    // The "升级前" snapshot beside the copy: the old version, as it was.
    let snapshots: Vec<_> = list_backups(dir.path()).into_iter().filter(|b| b.kind == "升级前").collect();
    assert_eq!(snapshots.len(), 1, "v{v}: {snapshots:?}");
    assert!(
        snapshots[0].name.starts_with(&format!("升级前_v{v}_")) && snapshots[0].name.ends_with(".sqlite3"),
        "v{v}: {}",
        snapshots[0].name
    );
    assert!(Path::new(&snapshots[0].path).starts_with(dir.path().join(BACKUP_DIR)));
    let snapshot = read_only(Path::new(&snapshots[0].path));
    let snap_version: i64 = snapshot.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(snap_version, v);
    assert!(dump(&snapshot) == before, "v{v}: the snapshot holds the old file's rows");

    // What the rows mean, read back through the program's own API.
    branch_and_settings(v, &store, &conn);
    members(v, &store);
    meetings(v, &store, &conn);
    dues(v, &store, &conn);
    assert_eq!(count(&conn, "member_group_changes"), 0, "v{v}: added in version 5, empty");
    recruits(v, &store, &conn);
    away_and_care(v, &mut store, &conn);
    study_and_service(v, &store, &conn);
    assert_eq!(
        store.recruit_notice_end(date("2026-09-30"), today()).unwrap(),
        // Five working days by default; the v6 branch set seven.
        date(if v >= 6 { "2026-10-14" } else { "2026-10-12" }),
        "v{v}: 国庆 2026 counted from the seeded table"
    );

    // And the upgraded file takes today's writes: a new member, a status
    // that only version 5 allows.
    let form = MemberForm {
        name: "陈九".into(),
        birth_date: "1990-01-01".into(),
        id_number: crate::id_for("19900101", "123"),
        kind: "full".into(),
        admitted_on: "2015-07-01".into(),
        full_member_on: "2016-07-01".into(),
        group_name: "第一党小组".into(),
        ..Default::default()
    };
    let added = store.create_member(&form, today()).unwrap_or_else(|e| panic!("v{v}: {e}"));
    assert_eq!((added.id, added.group_id), (if v >= 5 { 9 } else { 7 }, Some(1)), "v{v}");
    let watched = store
        .change_status(
            5,
            &StatusForm { status: "watch".into(), date: "2026-10-10".into(), reason: "党委批复".into() },
            today(),
        )
        .unwrap_or_else(|e| panic!("v{v}: {e}"));
    assert_eq!(watched.status, Status::Watch);
    drop(store);
    let integrity: String = read_only(&path).query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok", "v{v} after writing");
}

fn branch_and_settings(v: i64, store: &Store, conn: &Connection) {
    let b = store.branch().unwrap();
    assert_eq!(
        (b.name.as_str(), b.higher_committee.as_str(), b.secretary.as_str(), b.term_start, b.records_from),
        (
            "中共东山村支部委员会",
            "中共青石镇委员会",
            "王建国",
            Some(day("2021-03-15")),
            // 建账日期, from version 5.
            if v >= 5 { Some(day("2021-03-15")) } else { None }
        ),
        "v{v}"
    );
    let settings = store.meeting_settings().unwrap();
    assert_eq!(settings.theme_day, if v >= 2 { "每月农历初五" } else { "" }, "v{v}");
    // The frequencies version 2 seeded; the branch changed 党课 to monthly.
    let frequencies: Vec<(MeetingKind, Frequency)> =
        settings.frequencies.iter().map(|f| (f.kind, f.frequency)).collect();
    use Frequency::{Monthly, Quarterly, Yearly};
    use MeetingKind as K;
    assert_eq!(
        frequencies,
        [
            (K::Assembly, Quarterly),
            (K::Committee, Monthly),
            (K::GroupMeeting, Monthly),
            (K::Lecture, if v >= 2 { Monthly } else { Quarterly }),
            (K::ThemeDay, Monthly),
            (K::LifeMeeting, Yearly),
            (K::Review, Yearly),
            (K::Talk, Frequency::None),
            (K::Other, Frequency::None),
        ],
        "v{v}"
    );
    assert_eq!(count(conn, "meeting_frequencies"), 9, "v{v}");
    let r = store.reminder_settings().unwrap();
    assert_eq!((r.birthday_days, r.term_years), if v >= 4 { (15, 3) } else { (30, 5) }, "v{v}");
}

fn members(v: i64, store: &Store) {
    let base = Member {
        id: 0,
        name: String::new(),
        sex: Sex::Male,
        ethnicity: "汉族".into(),
        birth_date: day("2000-01-01"),
        id_number: String::new(),
        education: String::new(),
        kind: MemberKind::Full,
        admitted_on: None,
        full_member_on: None,
        group_id: None,
        group_name: None,
        committee_role: None,
        job: String::new(),
        phone: String::new(),
        address: String::new(),
        status: Status::Normal,
        status_date: None,
        status_reason: String::new(),
        mobile: false,
        mobile_destination: String::new(),
        lost_contact: false,
        lost_contact_reason: None,
        notes: String::new(),
        full_member_reason: String::new(),
        probation_extension: None,
        lost_contact_since: None,
        left_branch: false,
        deleted: false,
    };
    let group = |id: i64, name: &str| (Some(id), Some(name.to_string()));
    let (g1, g2, g3) = (group(1, "第一党小组"), group(2, "第二党小组"), group(3, "老党员党小组"));
    let want = [
        Member {
            id: 1,
            name: "王建国".into(),
            birth_date: day("1968-04-12"),
            id_number: "330424196804120136".into(),
            education: "高中".into(),
            admitted_on: Some(day("1992-07-01")),
            full_member_on: Some(day("1993-07-01")),
            group_id: g1.0,
            group_name: g1.1.clone(),
            committee_role: Some(CommitteeRole::Secretary),
            job: "东山村党支部书记、村委会主任".into(),
            phone: "13800000001".into(),
            address: "东山村一组3号".into(),
            ..base.clone()
        },
        // Admitted in 1956, known to the month only.
        Member {
            id: 2,
            name: "张三".into(),
            birth_date: day("1931-05-20"),
            id_number: "33042419310520031X".into(),
            education: "小学".into(),
            admitted_on: Some(day("1956-03")),
            full_member_on: Some(day("1957-03")),
            group_id: g3.0,
            group_name: g3.1.clone(),
            address: "东山村三组12号".into(),
            notes: "1956年3月入党的老党员".into(),
            ..base.clone()
        },
        Member {
            id: 3,
            name: "李四".into(),
            sex: Sex::Female,
            birth_date: day("1999-09-09"),
            id_number: "330424199909090248".into(),
            education: "大学专科".into(),
            kind: MemberKind::Probationary,
            admitted_on: Some(day("2025-06-28")),
            group_id: g2.0,
            group_name: g2.1.clone(),
            job: "个体经营".into(),
            phone: "13900000003".into(),
            address: "东山村二组7号".into(),
            mobile: true,
            mobile_destination: "广东省东莞市".into(),
            // 延长预备期, from version 5.
            probation_extension: (v >= 5).then(|| ProbationExtension {
                months: 6,
                decided_on: day("2026-06-28"),
                approval: "青组复〔2026〕8号".into(),
            }),
            ..base.clone()
        },
        Member {
            id: 4,
            name: "赵六".into(),
            ethnicity: "回族".into(),
            birth_date: day("1975-01-30"),
            id_number: "330424197501300572".into(),
            education: "初中".into(),
            admitted_on: Some(day("2003-07-01")),
            full_member_on: Some(day("2004-07-01")),
            group_id: g2.0,
            group_name: g2.1.clone(),
            job: "外出务工".into(),
            address: "东山村二组15号".into(),
            status: Status::Suspended,
            status_date: Some(day("2024-05-10")),
            status_reason: "失联超过6个月，经支部大会讨论停止党籍".into(),
            lost_contact: true,
            lost_contact_reason: Some(LostContactReason::WhereaboutsUnknown),
            lost_contact_since: (v >= 5).then(|| day("2023-10")),
            ..base.clone()
        },
        Member {
            id: 5,
            name: "刘芳".into(),
            sex: Sex::Female,
            birth_date: day("1980-08-16"),
            id_number: "330424198008160486".into(),
            education: "大学本科".into(),
            admitted_on: Some(day("2008-07-01")),
            full_member_on: Some(day("2009-07-01")),
            group_id: g1.0,
            group_name: g1.1.clone(),
            committee_role: Some(CommitteeRole::Organization),
            job: "东山村小学教师".into(),
            phone: "13700000005".into(),
            address: "东山村一组21号".into(),
            ..base.clone()
        },
        // In the recycle bin.
        Member {
            id: 6,
            name: "周八".into(),
            birth_date: day("1962-02-14"),
            id_number: "330424196202140156".into(),
            education: "初中".into(),
            admitted_on: Some(day("1985-10")),
            full_member_on: Some(day("1986-10")),
            group_id: g1.0,
            group_name: g1.1.clone(),
            notes: "重复录入".into(),
            deleted: true,
            ..base.clone()
        },
    ];
    for m in &want {
        assert_eq!(&store.member(m.id).unwrap(), m, "v{v}: member {}", m.id);
    }
    // Version 5's statuses and reasons: 留党察看 (transferred in, 转正 late
    // with its reason) and 取消预备党员资格 after an extension.
    let v5 = [
        Member {
            id: 7,
            name: "孙七".into(),
            birth_date: day("1970-03-03"),
            id_number: "330424197003030178".into(),
            education: "高中".into(),
            admitted_on: Some(day("1995-07-01")),
            full_member_on: Some(day("1996-09-01")),
            full_member_reason: "上级党委1996年9月1日批准转正（预备期满时未及时讨论）".into(),
            group_id: g3.0,
            group_name: g3.1.clone(),
            address: "东山村三组2号".into(),
            status: Status::Watch,
            status_date: Some(day("2025-11-20")),
            status_reason: "受到留党察看一年处分".into(),
            ..base.clone()
        },
        Member {
            id: 8,
            name: "钱九".into(),
            sex: Sex::Female,
            birth_date: day("1998-12-12"),
            id_number: "330424199812120260".into(),
            education: "中专".into(),
            kind: MemberKind::Probationary,
            admitted_on: Some(day("2024-05-20")),
            address: "东山村一组9号".into(),
            status: Status::Cancelled,
            status_date: Some(day("2025-11-28")),
            status_reason: "延长预备期满仍不具备党员条件，取消预备党员资格".into(),
            probation_extension: Some(ProbationExtension {
                months: 6,
                decided_on: day("2025-05-20"),
                approval: "青组复〔2025〕5号".into(),
            }),
            ..base.clone()
        },
    ];
    for m in &v5 {
        match store.member(m.id) {
            Ok(got) if v >= 5 => assert_eq!(&got, m, "v{v}: member {}", m.id),
            Ok(got) => panic!("v{v}: member {} is not in this version's rows: {got:?}", m.id),
            Err(_) => assert!(v < 5, "v{v}: member {} missing", m.id),
        }
    }
    let ids = |q: &MemberQuery| store.members(q).unwrap().iter().map(|m| m.id).collect::<Vec<_>>();
    // Roster order: 书记, 组织委员, then by 入党日期.
    // 孙七 (留党察看) is still a member, by 入党日期 after 张三; 钱九 (取消) is not.
    let roster: &[i64] = if v >= 5 { &[1, 5, 2, 7, 4, 3] } else { &[1, 5, 2, 4, 3] };
    assert_eq!(ids(&MemberQuery::default()), roster, "v{v}");
    assert_eq!(ids(&MemberQuery { deleted: true, ..Default::default() }), [6], "v{v}");
    let groups = |id, name: &str, member_count| Group { id, name: name.into(), member_count };
    assert_eq!(
        store.groups().unwrap(),
        [groups(1, "第一党小组", 2), groups(2, "第二党小组", 2), groups(3, "老党员党小组", if v >= 5 { 2 } else { 1 })],
        "v{v}"
    );
    assert_eq!(
        store.status_history(4).unwrap(),
        [StatusChange {
            status: Status::Suspended,
            date: day("2024-05-10"),
            reason: "失联超过6个月，经支部大会讨论停止党籍".into(),
            recorded_at: "2024-05-12 09:00:00".into(),
        }],
        "v{v}"
    );
    assert_eq!(
        store.transfers(4).unwrap(),
        [Transfer {
            id: 1,
            direction: TransferDirection::In,
            date: day("2010-03-01"),
            other_branch: "中共西河村支部委员会".into(),
            letter_number: "青组转字〔2010〕12号".into(),
            dues_paid_to: Some(day("2010-02")),
            notes: String::new(),
        }],
        "v{v}"
    );
    if v >= 5 {
        let status = |id| store.status_history(id).unwrap().into_iter().map(|c| (c.status, c.date)).collect::<Vec<_>>();
        assert_eq!(status(7), [(Status::Watch, day("2025-11-20"))]);
        assert_eq!(status(8), [(Status::Cancelled, day("2025-11-28"))]);
        let t = store.transfers(7).unwrap();
        assert_eq!((t.len(), t[0].direction, t[0].date), (1, TransferDirection::In, day("2025-09-01")));
    }
    let history: Vec<(String, String, String)> =
        store.member_history(4).unwrap().into_iter().map(|h| (h.at, h.action_label, h.summary)).collect();
    assert_eq!(
        history,
        [(
            "2024-05-12 09:00".to_string(),
            "党籍状态变更".to_string(),
            "党籍状态：正常 → 停止党籍（2024年5月10日，失联超过6个月，经支部大会讨论停止党籍）".to_string()
        )],
        "v{v}"
    );
}

fn meetings(v: i64, store: &Store, conn: &Connection) {
    if v < 2 {
        assert_eq!(count(conn, "meetings"), 0, "v{v}");
        assert!(store.meetings(2025, None).unwrap().is_empty());
        return;
    }
    // V9 counted each meeting's present rows (and those of them with a vote).
    let kept: i64 = conn.query_row("SELECT sum(present_count) FROM meetings", [], |r| r.get(0)).unwrap();
    assert!(kept > 0, "v{v}");
    assert_eq!(store.miscounted_meetings().unwrap(), Vec::<i64>::new(), "v{v}");
    let agenda = |items: &[(&str, bool)]| {
        items.iter().map(|(t, p)| AgendaItem { text: t.to_string(), prescribed: *p }).collect::<Vec<_>>()
    };
    type Head<'a> = (MeetingKind, NaiveDate, Option<i32>, &'a str, &'a str, &'a str, Option<&'a str>, Option<&'a str>);
    let want: [(i64, Head, &str, &str, Vec<AgendaItem>); 4] = [
        (
            1,
            (
                MeetingKind::Assembly,
                date("2025-06-28"),
                None,
                "19:30",
                "村委会会议室",
                "讨论接收李四同志为预备党员",
                Some("王建国"),
                Some("刘芳"),
            ),
            "青石镇党委组织委员 陈明",
            "入党介绍人介绍情况，与会党员逐一发表意见后举手表决。",
            agenda(&[("听取入党介绍人意见", false), ("表决", false)]),
        ),
        // Held in January: belongs to the year before.
        (
            2,
            (
                MeetingKind::Review,
                date("2026-01-15"),
                Some(2025),
                "09:00",
                "村委会会议室",
                "2025年度民主评议党员",
                Some("王建国"),
                Some("刘芳"),
            ),
            "",
            "个人自评、党员互评、民主测评。",
            vec![],
        ),
        (
            3,
            (
                MeetingKind::ThemeDay,
                date("2025-09-05"),
                None,
                "08:30",
                "村文化广场",
                "清理河道 共建美丽乡村",
                Some("王建国"),
                Some("刘芳"),
            ),
            "",
            "",
            agenda(&[("重温入党誓词", true), ("集中学习", true), ("清理河道垃圾", false)]),
        ),
        (
            4,
            (
                MeetingKind::LifeMeeting,
                date("2025-12-20"),
                Some(2025),
                "14:00",
                "村委会会议室",
                "2025年度组织生活会",
                Some("王建国"),
                Some("刘芳"),
            ),
            "",
            "",
            vec![],
        ),
    ];
    for (id, head, observers, minutes, items) in want {
        let m = store.meeting(id).unwrap();
        let got: Head = (
            m.kind,
            m.date,
            m.for_year,
            &m.start_time,
            &m.place,
            &m.topic,
            m.host_name.as_deref(),
            m.recorder_name.as_deref(),
        );
        assert_eq!(got, head, "v{v}: meeting {id}");
        assert_eq!((m.observers.as_str(), m.minutes.as_str(), m.group_id), (observers, minutes, None), "v{v}: {id}");
        assert_eq!(m.agenda, items, "v{v}: meeting {id}");
        assert!(!m.deleted);
    }
    let attendees = |id: i64| {
        store
            .meeting(id)
            .unwrap()
            .attendees
            .into_iter()
            .map(|a| (a.member_id, a.name, a.status, a.reason, a.voting, a.grade))
            .collect::<Vec<_>>()
    };
    let a = |id: i64, name: &str, status, reason: &str, voting, grade| {
        (id, name.to_string(), status, reason.to_string(), voting, grade)
    };
    use Attendance::{Leave, Present};
    assert_eq!(
        attendees(1),
        [
            a(1, "王建国", Present, "", true, None),
            a(2, "张三", Leave, "年老体弱，书面表示同意", true, None),
            a(5, "刘芳", Present, "", true, None)
        ],
        "v{v}"
    );
    assert_eq!(
        attendees(2),
        [
            a(1, "王建国", Present, "", true, Some(Grade::Excellent)),
            a(2, "张三", Present, "", true, Some(Grade::Qualified)),
            a(3, "李四", Present, "", false, Some(Grade::Qualified)),
            a(5, "刘芳", Present, "", true, Some(Grade::Excellent)),
        ],
        "v{v}"
    );
    assert_eq!(
        attendees(3),
        [
            a(1, "王建国", Present, "", true, None),
            a(3, "李四", Leave, "外出务工", false, None),
            a(5, "刘芳", Present, "", true, None)
        ],
        "v{v}"
    );
    assert!(attendees(4).is_empty());
    let resolutions = store.meeting(1).unwrap().resolutions;
    assert_eq!(resolutions.len(), 1, "v{v}");
    let r = &resolutions[0];
    assert_eq!(
        (r.text.as_str(), r.vote, r.election, r.votes_for, r.votes_against, r.votes_abstain),
        ("同意接收李四同志为中共预备党员", true, false, Some(2), Some(0), Some(0)),
        "v{v}"
    );
    // Before version 5 there was no candidate nor written opinions; the v5
    // record names 李四 and counts 张三's written 同意 (on leave).
    let (candidate, written) = if v >= 5 { ("李四", Some(0)) } else { ("", None) };
    assert_eq!(
        (r.candidate.as_str(), r.written_for, r.written_against, r.written_abstain),
        (candidate, written.map(|_| 1), written, written),
        "v{v}"
    );
    // 3 voting members that day (孙七 came later): 2 present, 张三's written 同意 counted from v5.
    assert_eq!((r.passed, r.invalid), (Some(true), false), "v{v}: {}", r.verdict);
    assert!(r.verdict.contains(if v >= 5 { "赞成 3 票" } else { "赞成 2 票" }), "v{v}: {}", r.verdict);
    assert_eq!(store.meetings_belonging(2025, Some(MeetingKind::Review)).unwrap().len(), 1, "v{v}");
    let attachment: (i64, String, String, i64, String) = conn
        .query_row("SELECT meeting_id, sha256, original_name, size, added_at FROM meeting_attachments", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap();
    assert_eq!(
        attachment,
        (
            1,
            "3f5b1c0e8d2a4f6b9c7e1d3a5b7c9e0f2a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b".into(),
            "会议记录第1页.jpg".into(),
            183204,
            "2025-06-29 08:10:00".into()
        ),
        "v{v}"
    );
}

/// 发展党员 (version 6): before it, its tables empty; the v6 file's two
/// people read back through the 发展党员 pages' own functions, with the
/// 特殊情况说明 of a late talk, the 联系人, the documents, the scan, the
/// local settings and the plan. Either way the holiday table is the one a
/// new database seeds, plus what the branch added.
fn recruits(v: i64, store: &Store, conn: &Connection) {
    let fresh = Store::open_in_memory().unwrap();
    for year in [2025, 2026] {
        let days = store.calendar_days(year).unwrap();
        assert!(!days.is_empty(), "v{v}: {year}");
        assert_eq!(days, fresh.calendar_days(year).unwrap(), "v{v}: {year}");
    }
    assert_eq!(
        store.recruit_notice_end(date("2026-09-30"), today()).unwrap(),
        // Five working days by default; the v6 branch set seven.
        date(if v >= 6 { "2026-10-14" } else { "2026-10-12" }),
        "v{v}: 国庆 2026 counted from the seeded table"
    );
    let settings = store.recruit_settings(today()).unwrap();
    if v < 6 {
        for table in [
            "recruits",
            "recruit_steps",
            "recruit_people",
            "recruit_docs",
            "recruit_notices",
            "recruit_attachments",
            "recruit_settings",
            "recruit_plans",
        ] {
            assert_eq!(count(conn, table), 0, "v{v}: {table} (added in version 6)");
        }
        assert!(store.recruits().unwrap().is_empty());
        assert_eq!(settings.settings, settings.defaults, "v{v}");
        assert!(store.calendar_days(2027).unwrap().is_empty(), "v{v}");
        return;
    }
    let list = store.recruits().unwrap();
    assert_eq!(list.iter().map(|r| (r.id, r.name.as_str())).collect::<Vec<_>>(), [(1, "陈小红"), (2, "吴强")]);
    let f = store.recruit(1).unwrap();
    assert_eq!(f.recruit.birth_date, date("2001-06-18"));
    assert!(f.recruit.stopped_on.is_none());
    assert_eq!(
        f.steps.iter().map(|s| (s.step, s.date)).collect::<Vec<_>>(),
        [(1, date("2025-03-10")), (2, date("2025-04-02")), (3, date("2025-09-01"))]
    );
    assert_eq!(f.steps[1].override_reason, "书记外出学习，谈话晚于一个月");
    assert_eq!(f.steps[2].note, "团支部推优");
    assert_eq!(
        f.people.iter().map(|p| (p.role.as_str(), p.member_id, p.name.as_str())).collect::<Vec<_>>(),
        [("contact", Some(5), "刘芳"), ("contact", Some(1), "王建国")]
    );
    let received: Vec<&str> = f.docs.iter().filter(|d| d.received_on.is_some()).map(|d| d.doc.code()).collect();
    assert_eq!(received, ["application", "recommendation"], "v{v}");
    assert_eq!(f.next.as_ref().map(|n| n.step), Some(4), "v{v}: 确定入党积极分子 comes next");
    let scans = store.recruit_attachments(1).unwrap();
    assert_eq!(
        scans.iter().map(|a| (a.attachment.original_name.as_str(), a.step_id)).collect::<Vec<_>>(),
        [("入党申请书.jpg", Some(1))]
    );
    let stopped = store.recruit(2).unwrap();
    assert_eq!(stopped.recruit.stopped_on, Some(date("2025-12-01")));
    assert_eq!(stopped.recruit.stop_reason, Some(zhibu_core::recruits::StopReason::Withdrew));
    assert_eq!((settings.settings.notice_working_days, settings.settings.thought_report_months), (7, 3));
    assert_eq!(store.recruit_plan(2026).unwrap().planned, Some(2));
    assert_eq!(store.calendar_days(2027).unwrap().len(), 1, "v{v}: the day the branch added");
}

fn dues(v: i64, store: &Store, conn: &Connection) {
    let settings = store.dues_settings().unwrap();
    if v < 3 {
        // Version 3's defaults.
        assert_eq!(
            settings,
            DuesSettings { farmer_fen: 50, rounding_fen: 1, max_back_months: 6, max_advance_months: 6 },
            "v{v}"
        );
        for table in ["dues_assessments", "dues_payments", "dues_payment_months", "dues_remittances"] {
            assert_eq!(count(conn, table), 0, "v{v}: {table}");
        }
        return;
    }
    assert_eq!(
        settings,
        DuesSettings { farmer_fen: 30, rounding_fen: 10, max_back_months: 6, max_advance_months: 6 },
        "v{v}"
    );
    let assessments: Vec<_> = [1, 2, 3]
        .into_iter()
        .flat_map(|id| store.dues_assessments(id).unwrap())
        .map(|a| (a.id, a.member_id, a.from_month, a.category, a.base_fen, a.fixed_fen, a.monthly_fen, a.note))
        .collect();
    assert_eq!(
        assessments,
        [
            (1, 1, month("2026-01"), DuesCategory::InService, Some(350000), None, 3500, "2026年度核定".to_string()),
            (2, 2, month("2026-01"), DuesCategory::Retired, Some(280000), None, 1400, String::new()),
            (3, 3, month("2025-07"), DuesCategory::Farmer, None, None, 30, "接收为预备党员次月起交纳".to_string()),
        ],
        "v{v}"
    );
    let months = |list: &[(&str, i64)]| {
        list.iter().map(|(m, fen)| PaymentMonth { month: month(m), amount_fen: *fen }).collect::<Vec<_>>()
    };
    let payments: Vec<_> = store
        .dues_payments(2026)
        .unwrap()
        .into_iter()
        .map(|p| {
            (
                p.id,
                p.member_id,
                p.name,
                p.paid_on,
                p.kind,
                p.amount_fen,
                p.months,
                p.receipt_no,
                p.collector,
                p.note,
                p.reverses_id,
                p.reversed_by,
            )
        })
        .collect();
    let p = |id,
             member_id,
             name: &str,
             paid_on,
             kind: &str,
             fen,
             ms: Vec<PaymentMonth>,
             receipt: &str,
             collector: &str,
             note: &str,
             reverses,
             reversed_by| {
        (
            id,
            member_id,
            name.to_string(),
            date(paid_on),
            kind.to_string(),
            fen,
            ms,
            receipt.to_string(),
            collector.to_string(),
            note.to_string(),
            reverses,
            reversed_by,
        )
    };
    assert_eq!(
        payments,
        [
            p(5, 2, "张三", "2026-02-05", "extra", 10000, vec![], "DF2026-004", "刘芳", "自愿多交党费", None, None),
            p(
                4,
                2,
                "张三",
                "2026-02-03",
                "dues",
                -1400,
                months(&[("2026-01", -1400)]),
                "DF2026-003",
                "",
                "冲正第 3 号记录：金额登记错误",
                Some(3),
                None
            ),
            p(
                3,
                2,
                "张三",
                "2026-02-01",
                "dues",
                1400,
                months(&[("2026-01", 1400)]),
                "DF2026-003",
                "刘芳",
                "",
                None,
                Some(4)
            ),
            p(
                2,
                3,
                "李四",
                "2026-01-10",
                "dues",
                180,
                months(&[
                    ("2025-07", 30),
                    ("2025-08", 30),
                    ("2025-09", 30),
                    ("2025-10", 30),
                    ("2025-11", 30),
                    ("2025-12", 30)
                ]),
                "DF2026-002",
                "刘芳",
                "补交2025年7—12月",
                None,
                None
            ),
            p(
                1,
                1,
                "王建国",
                "2026-01-10",
                "dues",
                10500,
                months(&[("2026-01", 3500), ("2026-02", 3500), ("2026-03", 3500)]),
                "DF2026-001",
                "刘芳",
                "",
                None,
                None
            ),
        ],
        "v{v}"
    );
    assert_eq!(
        store.remittances(None).unwrap(),
        [Remittance {
            id: 1,
            remitted_on: date("2026-01-20"),
            from_month: month("2025-07"),
            to_month: month("2025-12"),
            amount_fen: 180,
            handler: "刘芳".into(),
            voucher: "青石镇党委收据 No.0042".into(),
            note: String::new(),
        }],
        "v{v}"
    );
    assert_eq!(
        store.dues_balance().unwrap(),
        DuesBalance {
            collected_fen: 20680,
            remitted_fen: 180,
            balance_fen: 20500,
            // Version 7's branch received 1000.00 and spent 120.50 + a 500.00 慰问金.
            received_fen: if v >= 7 { 100000 } else { 0 },
            spent_fen: if v >= 7 { 62050 } else { 0 },
            available_fen: if v >= 7 { 58450 } else { 20500 }
        },
        "v{v}"
    );
}

/// Version 7's rows (流动党员, 关怀帮扶, 党费使用), read back through the
/// program's functions; every v7 table empty in older files.
fn away_and_care(v: i64, store: &mut Store, conn: &Connection) {
    let tables = [
        "mobile_periods",
        "mobile_contacts",
        "dues_elsewhere",
        "care_cases",
        "care_visits",
        "dues_received",
        "dues_spending",
        "care_attachments",
        "care_settings",
    ];
    if v < 7 {
        for table in tables {
            assert_eq!(count(conn, table), 0, "v{v}: {table} (added in version 7)");
        }
        return;
    }
    let settings = store.care_settings().unwrap();
    assert_eq!((settings.visit_age, settings.mobile_no_contact_days, settings.review_months), (85, 60, 12), "v{v}");
    let away = store.member_mobile(3).unwrap();
    assert_eq!(away.periods.len(), 1, "v{v}");
    assert_eq!(away.periods[0].host_org, "东莞市长安镇流动党员党支部");
    assert_eq!(away.periods[0].left_on, date("2025-08-01"));
    assert!(away.periods[0].back_on.is_none());
    assert_eq!(away.contacts.len(), 1);
    assert_eq!(away.elsewhere.len(), 1);
    assert_eq!(away.elsewhere[0].month, month("2026-01"));
    let cases = store.care_cases().unwrap();
    assert_eq!(cases.len(), 1, "v{v}");
    assert_eq!((cases[0].member_id, cases[0].reviewed_on), (2, Some(date("2025-11-03"))));
    let visits = store.care_visits(2026).unwrap();
    assert_eq!(visits.iter().map(|x| (x.id, x.amount_fen)).collect::<Vec<_>>(), [(1, 50000), (2, 0)], "v{v}");
    // The 送学上门 on 6 March stands for the 5 March 主题党日.
    let meeting = store.meeting(5).unwrap();
    let status = |member: i64| meeting.attendees.iter().find(|a| a.member_id == member).map(|a| a.status);
    assert_eq!(status(2), Some(Attendance::Taught), "v{v}");
    assert_eq!(status(3), Some(Attendance::Elsewhere), "v{v}");
    // The 500.00 元 慰问金 from 上级下拨党费 is spending beside the typed 120.50.
    let spending = store.spending_year(2026).unwrap();
    let mut lines: Vec<(i64, Option<i64>, Option<i64>)> =
        spending.lines.iter().map(|l| (l.amount_fen, l.spending_id, l.visit_id)).collect();
    lines.sort_unstable();
    assert_eq!(lines, [(12050, Some(1), None), (50000, None, Some(1))], "v{v}");
    assert_eq!((spending.balance.received_fen, spending.balance.spent_fen), (100000, 62050), "v{v}");
    // Deleting the visit gives the meeting back the 缺席 kept in the log.
    store.delete_care_visit(2).unwrap();
    let meeting = store.meeting(5).unwrap();
    assert_eq!(meeting.attendees.iter().find(|a| a.member_id == 2).map(|a| a.status), Some(Attendance::Absent), "v{v}");
}

/// Version 8 (学时, 志愿服务, 积分): the v8 branch's meeting credit, training,
/// hours elsewhere and online, and service read through the program's own
/// functions; every v8 table empty in older files (积分's too in v8's own).
fn study_and_service(v: i64, store: &Store, conn: &Connection) {
    let points = ["points_rules", "points_entries", "points_history"];
    if v < 8 {
        for table in [
            "trainings",
            "training_members",
            "study_elsewhere",
            "study_online",
            "study_settings",
            "services",
            "service_members",
            "study_attachments",
        ]
        .into_iter()
        .chain(points)
        {
            assert_eq!(count(conn, table), 0, "v{v}: {table} (added in version 8)");
        }
        return;
    }
    for table in points {
        assert_eq!(count(conn, table), 0, "v{v}: {table}");
    }
    assert_eq!(store.meeting(5).unwrap().study_tenths, Some(15), "v{v}: the meeting's own 学时");
    let trainings = store.trainings(2026).unwrap();
    assert_eq!(trainings.len(), 1, "v{v}");
    let hours: Vec<(i64, i64, bool)> =
        trainings[0].participants.iter().map(|p| (p.member_id, p.tenths, p.partial)).collect();
    assert_eq!(hours, [(1, 240, false), (5, 160, true)], "v{v}: 王建国 whole, 刘芳 left early");
    let year = store.study_year(2026, today()).unwrap();
    assert_eq!(year.settings.target_tenths, 320, "v{v}: the branch's target");
    assert!(year.settings.online, "v{v}: online hours counted");
    let row = |id: i64| year.rows.iter().find(|r| r.member_id == id).unwrap_or_else(|| panic!("v{v}: member {id}"));
    assert_eq!(row(1).months[3], 240, "v{v}: 王建国's April is the training");
    assert_eq!(row(1).central_count, 1, "v{v}: 县委党校 is 集中培训");
    assert_eq!(row(3).months[4], 30, "v{v}: 李四's hours where she lives, in May");
    assert_eq!(row(5).months[5], 45, "v{v}: 刘芳's online hours, in June");
    // Meeting 5 (March): 出席 gets its own 1.5, 送学上门 the branch's credit.
    assert_eq!(row(1).months[2], 15, "v{v}: 王建国 present at meeting 5");
    let services = store.services(2026).unwrap();
    assert_eq!(services.len(), 1, "v{v}");
    assert_eq!((services[0].tenths, services[0].members.len()), (20, 2), "v{v}: 为民办实事 of two members");
}
