//! Schema versions, kept in `PRAGMA user_version`.
//!
//! `MIGRATIONS[i]` takes a database from version `i` to `i + 1`. Each runs
//! in one transaction together with its `user_version` bump, so a power cut
//! leaves the database at the old version or the new one, never between.
//! Never edit a migration that has shipped: add a new one.

use crate::error::{Error, Result};
use rusqlite::Connection;

const V1: &str = r#"
CREATE TABLE branch (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    name             TEXT NOT NULL DEFAULT '',
    higher_committee TEXT NOT NULL DEFAULT '',
    secretary        TEXT NOT NULL DEFAULT '',
    term_start       TEXT
);
INSERT INTO branch (id) VALUES (1);

CREATE TABLE party_groups (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE members (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL,
    sex                 TEXT NOT NULL CHECK (sex IN ('male', 'female')),
    ethnicity           TEXT NOT NULL DEFAULT '',
    birth_date          TEXT NOT NULL,
    id_number           TEXT NOT NULL,
    education           TEXT NOT NULL DEFAULT '',
    kind                TEXT NOT NULL CHECK (kind IN ('full', 'probationary')),
    admitted_on         TEXT,
    full_member_on      TEXT,
    group_id            INTEGER REFERENCES party_groups (id),
    committee_role      TEXT,
    job                 TEXT NOT NULL DEFAULT '',
    phone               TEXT NOT NULL DEFAULT '',
    address             TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL DEFAULT 'normal'
                        CHECK (status IN ('normal', 'suspended', 'expelled', 'deceased')),
    status_date         TEXT,
    status_reason       TEXT NOT NULL DEFAULT '',
    mobile              INTEGER NOT NULL DEFAULT 0 CHECK (mobile IN (0, 1)),
    mobile_destination  TEXT NOT NULL DEFAULT '',
    lost_contact        INTEGER NOT NULL DEFAULT 0 CHECK (lost_contact IN (0, 1)),
    lost_contact_reason TEXT,
    notes               TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted_at          TEXT
);
-- One live record per ID number; a deleted record may share it until restored.
CREATE UNIQUE INDEX members_id_number_live ON members (id_number) WHERE deleted_at IS NULL;

CREATE TABLE member_status_changes (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members (id),
    status      TEXT NOT NULL,
    date        TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
);
CREATE INDEX member_status_changes_member ON member_status_changes (member_id);

CREATE TABLE transfers (
    id            INTEGER PRIMARY KEY,
    member_id     INTEGER NOT NULL REFERENCES members (id),
    direction     TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    date          TEXT NOT NULL,
    other_branch  TEXT NOT NULL,
    letter_number TEXT NOT NULL DEFAULT '',
    dues_paid_to  TEXT,
    notes         TEXT NOT NULL DEFAULT '',
    recorded_at   TEXT NOT NULL
);
CREATE INDEX transfers_member ON transfers (member_id);

CREATE TABLE change_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    action    TEXT NOT NULL,
    changes   TEXT NOT NULL
);
CREATE INDEX change_log_entity ON change_log (entity, entity_id);
"#;

/// Meetings (三会一课, 主题党日, 组织生活会, 民主评议, 谈心谈话) and how often
/// each kind is due.
const V2: &str = r#"
CREATE TABLE meetings (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('assembly', 'committee', 'group_meeting', 'lecture',
                    'theme_day', 'life_meeting', 'review', 'talk', 'other')),
    date        TEXT NOT NULL,
    start_time  TEXT NOT NULL DEFAULT '',
    place       TEXT NOT NULL DEFAULT '',
    topic       TEXT NOT NULL,
    host_id     INTEGER REFERENCES members (id),
    recorder_id INTEGER REFERENCES members (id),
    group_id    INTEGER REFERENCES party_groups (id),
    observers   TEXT NOT NULL DEFAULT '',
    minutes     TEXT NOT NULL DEFAULT '',
    -- JSON array of {text, prescribed}: the agenda, "x+X" for 主题党日.
    agenda      TEXT NOT NULL DEFAULT '[]',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX meetings_date ON meetings (date);

CREATE TABLE meeting_attendance (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    member_id  INTEGER NOT NULL REFERENCES members (id),
    status     TEXT NOT NULL CHECK (status IN ('present', 'leave', 'absent')),
    reason     TEXT NOT NULL DEFAULT '',
    -- A full member on the meeting's day: had a vote then.
    voting     INTEGER NOT NULL CHECK (voting IN (0, 1)),
    -- 民主评议 only: the grade the branch gave.
    grade      TEXT CHECK (grade IN ('excellent', 'qualified', 'basically_qualified', 'unqualified')),
    PRIMARY KEY (meeting_id, member_id)
);
CREATE INDEX meeting_attendance_member ON meeting_attendance (member_id);

CREATE TABLE meeting_resolutions (
    id            INTEGER PRIMARY KEY,
    meeting_id    INTEGER NOT NULL REFERENCES meetings (id),
    position      INTEGER NOT NULL,
    text          TEXT NOT NULL,
    vote          INTEGER NOT NULL CHECK (vote IN (0, 1)),
    election      INTEGER NOT NULL CHECK (election IN (0, 1)),
    votes_for     INTEGER,
    votes_against INTEGER,
    votes_abstain INTEGER
);
CREATE INDEX meeting_resolutions_meeting ON meeting_resolutions (meeting_id);

CREATE TABLE meeting_frequencies (
    kind      TEXT PRIMARY KEY,
    frequency TEXT NOT NULL CHECK (frequency IN ('monthly', 'quarterly', 'yearly', 'none'))
);
INSERT INTO meeting_frequencies (kind, frequency) VALUES
    ('assembly', 'quarterly'), ('committee', 'monthly'), ('group_meeting', 'monthly'),
    ('lecture', 'quarterly'), ('theme_day', 'monthly'), ('life_meeting', 'yearly'),
    ('review', 'yearly'), ('talk', 'none'), ('other', 'none');

-- Photos and scans of a meeting, kept in the data folder under their SHA-256.
CREATE TABLE meeting_attachments (
    id            INTEGER PRIMARY KEY,
    meeting_id    INTEGER NOT NULL REFERENCES meetings (id),
    sha256        TEXT NOT NULL,
    original_name TEXT NOT NULL,
    size          INTEGER NOT NULL,
    added_at      TEXT NOT NULL,
    deleted_at    TEXT
);
CREATE INDEX meeting_attachments_meeting ON meeting_attachments (meeting_id);

-- The fixed day of the 主题党日 as the branch says it (often a lunar day): local practice.
ALTER TABLE branch ADD COLUMN theme_day TEXT NOT NULL DEFAULT '';
"#;

/// 党费: branch dues settings, yearly assessments, payments by month,
/// remittances. Money is integer 分 everywhere.
const V3: &str = r#"
CREATE TABLE dues_settings (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    -- What a farmer member pays a month (20–100 分), set by the branch (local).
    farmer_fen         INTEGER NOT NULL DEFAULT 50 CHECK (farmer_fen BETWEEN 20 AND 100),
    -- Rounding of computed amounts: 1 分, 10 (角) or 100 (元).
    rounding_fen       INTEGER NOT NULL DEFAULT 1 CHECK (rounding_fen IN (1, 10, 100)),
    max_back_months    INTEGER NOT NULL DEFAULT 6,
    max_advance_months INTEGER NOT NULL DEFAULT 6
);
INSERT INTO dues_settings (id) VALUES (1);

-- 年度核定: a member's category, base and monthly amount from a month on.
CREATE TABLE dues_assessments (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members (id),
    from_month  TEXT NOT NULL,
    category    TEXT NOT NULL,
    base_fen    INTEGER,
    fixed_fen   INTEGER,
    monthly_fen INTEGER NOT NULL CHECK (monthly_fen >= 0),
    decision    TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX dues_assessments_member ON dues_assessments (member_id, from_month);

-- A payment is never changed: a wrong one is reversed by a second entry
-- with the opposite amounts (reverses_id), and both are kept.
CREATE TABLE dues_payments (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members (id),
    paid_on     TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('dues', 'extra')),
    amount_fen  INTEGER NOT NULL,
    receipt_no  TEXT NOT NULL DEFAULT '',
    collector   TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    reverses_id INTEGER REFERENCES dues_payments (id),
    created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX dues_payments_one_reversal ON dues_payments (reverses_id) WHERE reverses_id IS NOT NULL;
CREATE INDEX dues_payments_member ON dues_payments (member_id);

CREATE TABLE dues_payment_months (
    payment_id INTEGER NOT NULL REFERENCES dues_payments (id),
    month      TEXT NOT NULL,
    amount_fen INTEGER NOT NULL,
    PRIMARY KEY (payment_id, month)
);
CREATE INDEX dues_payment_months_month ON dues_payment_months (month);

-- 上缴: money handed up to the higher committee.
CREATE TABLE dues_remittances (
    id          INTEGER PRIMARY KEY,
    remitted_on TEXT NOT NULL,
    from_month  TEXT NOT NULL,
    to_month    TEXT NOT NULL,
    amount_fen  INTEGER NOT NULL CHECK (amount_fen > 0),
    handler     TEXT NOT NULL DEFAULT '',
    voucher     TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
"#;

/// Reminder settings (local practice): how far ahead 政治生日 are listed,
/// and the committee's term in years.
const V4: &str = r#"
ALTER TABLE branch ADD COLUMN birthday_days INTEGER NOT NULL DEFAULT 30 CHECK (birthday_days BETWEEN 1 AND 366);
ALTER TABLE branch ADD COLUMN term_years INTEGER NOT NULL DEFAULT 5 CHECK (term_years BETWEEN 1 AND 10);
"#;

/// A real branch's history (docs/DOMAIN.md §3, §8): 留党察看 and 取消预备党员资格
/// as statuses, the reason for a 转正 date other than the end of probation,
/// one extension of probation, since when a member is 失联; the 所属年度 of
/// yearly meetings; written opinions of absent voters and the candidate a
/// vote is on; the branch's 建账日期. The members table is rebuilt to widen
/// the status check (SQLite cannot alter a CHECK); the runner turns foreign
/// keys off around migrations and checks them before each commit.
const V5: &str = r#"
CREATE TABLE members_v5 (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL,
    sex                 TEXT NOT NULL CHECK (sex IN ('male', 'female')),
    ethnicity           TEXT NOT NULL DEFAULT '',
    birth_date          TEXT NOT NULL,
    id_number           TEXT NOT NULL,
    education           TEXT NOT NULL DEFAULT '',
    kind                TEXT NOT NULL CHECK (kind IN ('full', 'probationary')),
    admitted_on         TEXT,
    full_member_on      TEXT,
    group_id            INTEGER REFERENCES party_groups (id),
    committee_role      TEXT,
    job                 TEXT NOT NULL DEFAULT '',
    phone               TEXT NOT NULL DEFAULT '',
    address             TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL DEFAULT 'normal'
                        CHECK (status IN ('normal', 'watch', 'suspended', 'expelled', 'deceased', 'cancelled')),
    status_date         TEXT,
    status_reason       TEXT NOT NULL DEFAULT '',
    mobile              INTEGER NOT NULL DEFAULT 0 CHECK (mobile IN (0, 1)),
    mobile_destination  TEXT NOT NULL DEFAULT '',
    lost_contact        INTEGER NOT NULL DEFAULT 0 CHECK (lost_contact IN (0, 1)),
    lost_contact_reason TEXT,
    notes               TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted_at          TEXT,
    -- Why 转正 is not the day the probation ended (docs/DOMAIN.md §8).
    full_member_reason  TEXT NOT NULL DEFAULT '',
    -- 延长预备期, at most once: months (6–12), the 支部大会 day, the higher committee's reply.
    probation_extension_months INTEGER CHECK (probation_extension_months BETWEEN 6 AND 12),
    probation_extension_on     TEXT,
    probation_extension_reply  TEXT NOT NULL DEFAULT '',
    -- Since when the member cannot be reached (for 停止党籍 after 6 months).
    lost_contact_since  TEXT
);
INSERT INTO members_v5 (id, name, sex, ethnicity, birth_date, id_number, education, kind, admitted_on,
    full_member_on, group_id, committee_role, job, phone, address, status, status_date, status_reason, mobile,
    mobile_destination, lost_contact, lost_contact_reason, notes, created_at, updated_at, deleted_at)
SELECT id, name, sex, ethnicity, birth_date, id_number, education, kind, admitted_on,
    full_member_on, group_id, committee_role, job, phone, address, status, status_date, status_reason, mobile,
    mobile_destination, lost_contact, lost_contact_reason, notes, created_at, updated_at, deleted_at
FROM members;
DROP TABLE members;
ALTER TABLE members_v5 RENAME TO members;
CREATE UNIQUE INDEX members_id_number_live ON members (id_number) WHERE deleted_at IS NULL;

-- 所属年度 of a 组织生活会 or 民主评议 (held in January, it belongs to the year before).
ALTER TABLE meetings ADD COLUMN for_year INTEGER;
UPDATE meetings SET for_year = CAST(substr(date, 1, 4) AS INTEGER) - (CAST(substr(date, 6, 2) AS INTEGER) <= 3)
    WHERE kind IN ('life_meeting', 'review');

-- Votes on admitting or on 转正: the candidate, and the written opinions of absent voters.
ALTER TABLE meeting_resolutions ADD COLUMN candidate TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting_resolutions ADD COLUMN written_for INTEGER;
ALTER TABLE meeting_resolutions ADD COLUMN written_against INTEGER;
ALTER TABLE meeting_resolutions ADD COLUMN written_abstain INTEGER;

-- 建账日期: the day the branch's records in the app start.
ALTER TABLE branch ADD COLUMN records_from TEXT;

-- A member's moves between 党小组, so a 党小组会 entered later knows who was
-- in the group that day. `date` is the day the move was recorded.
CREATE TABLE member_group_changes (
    id            INTEGER PRIMARY KEY,
    member_id     INTEGER NOT NULL REFERENCES members (id),
    from_group_id INTEGER REFERENCES party_groups (id),
    to_group_id   INTEGER REFERENCES party_groups (id),
    date          TEXT NOT NULL,
    recorded_at   TEXT NOT NULL
);
CREATE INDEX member_group_changes_member ON member_group_changes (member_id);
"#;

/// Every migration, oldest first.
pub(crate) const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5];

/// The version this program writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(crate) fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

pub(crate) fn refuse_newer(conn: &Connection) -> Result<()> {
    let found = user_version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(Error::SchemaTooNew { found, supported: SCHEMA_VERSION });
    }
    Ok(())
}

pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_to(conn, SCHEMA_VERSION)
}

/// Brings the database up to `target` (at most [`SCHEMA_VERSION`]).
pub(crate) fn migrate_to(conn: &mut Connection, target: i64) -> Result<()> {
    refuse_newer(conn)?;
    let from = user_version(conn)?;
    if from >= target.min(SCHEMA_VERSION) {
        return Ok(());
    }
    // A table rebuild (V5) drops a table others refer to: foreign keys are
    // off while migrating (the pragma has no effect inside a transaction),
    // checked before each commit, and back on afterwards.
    let fk_on: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
    conn.pragma_update(None, "foreign_keys", false)?;
    let result = (|| -> Result<()> {
        for version in from..target.min(SCHEMA_VERSION) {
            let tx = conn.transaction()?;
            tx.execute_batch(MIGRATIONS[version as usize])?;
            let broken: i64 = tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?;
            if broken > 0 {
                return Err(Error::Corrupt(format!("升级到第 {} 版后有 {broken} 处数据关联不一致", version + 1)));
            }
            tx.pragma_update(None, "user_version", version + 1)?;
            tx.commit()?;
        }
        Ok(())
    })();
    conn.pragma_update(None, "foreign_keys", fk_on)?;
    match &result {
        Ok(()) => tracing::info!("数据已升级：第 {from} 版 → 第 {} 版", target.min(SCHEMA_VERSION)),
        Err(e) => tracing::error!("数据升级失败（第 {from} 版起）：{e}"),
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;

    fn schema(conn: &Connection) -> Vec<(String, String, String)> {
        let mut stmt =
            conn.prepare("SELECT type, name, COALESCE(sql, '') FROM sqlite_master ORDER BY type, name").unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(|r| r.unwrap()).collect()
    }

    #[test]
    fn every_older_version_migrates_to_exactly_the_new_schema() {
        let fresh = Store::open_in_memory().unwrap();
        let want = schema(fresh.conn());
        assert!(want.iter().any(|(_, n, _)| n == "members"));
        for start in 0..SCHEMA_VERSION {
            let mut conn = Connection::open_in_memory().unwrap();
            migrate_to(&mut conn, start).unwrap();
            assert_eq!(user_version(&conn).unwrap(), start);
            migrate(&mut conn).unwrap();
            assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION);
            assert_eq!(schema(&conn), want, "migrated from version {start}");
        }
    }

    #[test]
    fn version_5_rebuilds_members_keeping_every_row_and_reference() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", true).unwrap();
        migrate_to(&mut conn, 4).unwrap();
        conn.execute_batch(
            "INSERT INTO party_groups (id, name, created_at) VALUES (1, '第一党小组', 'x');
             INSERT INTO members (id, name, sex, birth_date, id_number, kind, admitted_on, full_member_on, group_id,
                status, created_at, updated_at)
             VALUES (1, '张三', 'male', '1950-01-01', '1', 'full', '1970-05', '1970-05', 1, 'suspended', 'x', 'x'),
                    (2, '李四', 'female', '1990-01-01', '2', 'probationary', '2026-03-01', NULL, NULL, 'normal', 'x', 'x');
             INSERT INTO member_status_changes (member_id, status, date, reason, recorded_at)
             VALUES (1, 'suspended', '2024-01-01', '失联', 'x');
             INSERT INTO meetings (id, kind, date, topic, created_at, updated_at)
             VALUES (1, 'review', '2026-01-15', '评议', 'x', 'x'), (2, 'life_meeting', '2026-12-20', '会', 'x', 'x'),
                    (3, 'assembly', '2026-01-15', '会', 'x', 'x');
             INSERT INTO meeting_attendance (meeting_id, member_id, status, voting) VALUES (1, 1, 'present', 1), (1, 2, 'present', 0);
             INSERT INTO dues_payments (id, member_id, paid_on, kind, amount_fen, created_at)
             VALUES (1, 2, '2026-03-05', 'dues', 20, 'x');",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let fk: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
        assert!(fk, "foreign keys are back on after migrating");
        let broken: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
        assert_eq!(broken, 0);
        let rows: Vec<(i64, String, String, Option<i64>)> = conn
            .prepare("SELECT id, name, status, group_id FROM members ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(
            rows,
            [
                (1, "张三".to_string(), "suspended".to_string(), Some(1)),
                (2, "李四".to_string(), "normal".to_string(), None)
            ]
        );
        let attendance: i64 = conn.query_row("SELECT count(*) FROM meeting_attendance", [], |r| r.get(0)).unwrap();
        assert_eq!(attendance, 2);
        let years: Vec<Option<i64>> = conn
            .prepare("SELECT for_year FROM meetings ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(years, [Some(2025), Some(2026), None], "a January review was last year's");
        // The widened status check takes the new statuses.
        conn.execute("UPDATE members SET status = 'watch' WHERE id = 1", []).unwrap();
        assert!(conn.execute("UPDATE members SET status = 'nonsense' WHERE id = 1", []).is_err());
    }

    #[test]
    fn a_newer_database_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("newer.sqlite3");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch("CREATE TABLE future (x); INSERT INTO future VALUES (1);").unwrap();
            conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = Store::open_file(&path).err().expect("must refuse");
        assert!(matches!(err, Error::SchemaTooNew { found, .. } if found == SCHEMA_VERSION + 1));
        assert!(err.to_string().contains("较新版本"));
        assert_eq!(std::fs::read(&path).unwrap(), before, "file must be byte-for-byte unchanged");
        assert!(!dir.path().join("newer.sqlite3-wal").exists());
    }

    #[test]
    fn a_failing_migration_leaves_the_old_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        // A table in the way makes V1 fail half-way through.
        conn.execute_batch("CREATE TABLE transfers (x);").unwrap();
        assert!(migrate(&mut conn).is_err());
        assert_eq!(user_version(&conn).unwrap(), 0);
        let tables: i64 =
            conn.query_row("SELECT count(*) FROM sqlite_master WHERE name = 'members'", [], |r| r.get(0)).unwrap();
        assert_eq!(tables, 0, "the half-run migration was rolled back");
    }
}
