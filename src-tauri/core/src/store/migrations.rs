//! Schema versions, kept in `PRAGMA user_version`.
//!
//! `MIGRATIONS[i]` takes a database from version `i` to `i + 1`. Each runs
//! in one transaction together with its `user_version` bump, so a power cut
//! leaves the database at the old version or the new one, never between.
//! The SQL of version N is `schema/vN.sql`, included at build time.
//! Never edit a migration that has shipped: add a new one. Each shipped
//! version is frozen with a few rows in `tests/fixtures/schema_v{N}.sqlite3`
//! (written once by `write_frozen_schema_fixtures` below), and
//! `tests/core/migrations_frozen.rs` opens every one of them.

use crate::error::{Error, Result};
use rusqlite::Connection;

const V1: &str = include_str!("schema/v1.sql");

/// Meetings (三会一课, 主题党日, 组织生活会, 民主评议, 谈心谈话) and how often
/// each kind is due.
const V2: &str = include_str!("schema/v2.sql");

/// 党费: branch dues settings, yearly assessments, payments by month,
/// remittances. Money is integer 分 everywhere.
const V3: &str = include_str!("schema/v3.sql");

/// Reminder settings (local practice): how far ahead 政治生日 are listed,
/// and the committee's term in years.
const V4: &str = include_str!("schema/v4.sql");

/// A real branch's history (docs/DOMAIN.md §3, §8): 留党察看 and 取消预备党员资格
/// as statuses, the reason for a 转正 date other than the end of probation,
/// one extension of probation, since when a member is 失联; the 所属年度 of
/// yearly meetings; written opinions of absent voters and the candidate a
/// vote is on; the branch's 建账日期. The members table is rebuilt to widen
/// the status check (SQLite cannot alter a CHECK); the runner turns foreign
/// keys off around migrations and checks them before each commit.
const V5: &str = include_str!("schema/v5.sql");

/// 发展党员 (docs/DOMAIN.md §4): people on the way to membership, one dated
/// record per step, 培养联系人 and 入党介绍人, documents received, 公示
/// posted; local settings, the 指导性计划, and the holiday table that
/// working days are counted by.
const V6: &str = include_str!("schema/v6.sql");

/// Members who are away, old or in hardship (docs/DOMAIN.md §9): 流动党员's
/// periods away and contacts, dues paid where they live, 困难党员 and
/// visits, the spending of dues, and two more attendance statuses
/// (在流入地参加, 送学上门; `meeting_attendance` is rebuilt to widen its CHECK).
const V7: &str = include_str!("schema/v7.sql");

/// Each member's year (docs/DOMAIN.md §9.5): a meeting's own 学时, training
/// records, hours taken elsewhere and online, 志愿服务 and 为民办实事, the
/// 积分 rule set's versions, entered points and the totals kept when a
/// version is replaced.
const V8: &str = include_str!("schema/v8.sql");

/// An index on attendance by meeting and status (with the vote and the
/// member), so that absentees and who took part are read from it and not
/// row by row; each meeting's count of those present (and of them with a
/// vote), kept by triggers on `meeting_attendance`; payments by day and
/// paid months with their amounts (docs/PERFORMANCE.md).
const V9: &str = include_str!("schema/v9.sql");

/// Every migration, oldest first.
pub(crate) const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6, V7, V8, V9];

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

    /// What this test can show: the runner stops at each version it is
    /// asked for and resumes from there, ending at the schema a new database
    /// gets. Both sides are made by this same chain, so it cannot show that
    /// a database written by an *older program* still opens; that is
    /// `tests/core/migrations_frozen.rs`, on files frozen at each shipped
    /// version (see `write_frozen_schema_fixtures` below).
    #[test]
    fn the_runner_stops_at_each_version_and_resumes_from_it() {
        let fresh = Store::open_in_memory().unwrap();
        let want = schema(fresh.conn());
        for start in 0..SCHEMA_VERSION {
            let mut conn = Connection::open_in_memory().unwrap();
            migrate_to(&mut conn, start).unwrap();
            assert_eq!(user_version(&conn).unwrap(), start);
            migrate(&mut conn).unwrap();
            assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION);
            assert_eq!(schema(&conn), want, "resumed from version {start}");
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

    // ---------- frozen fixtures of the shipped versions ----------

    /// The last version whose rows [`fixture_sql`] describes. Adding
    /// migration N+1 freezes version N: describe the rows of N's new tables
    /// and columns below, raise this, run the generator once, and check
    /// those rows in `tests/core/migrations_frozen.rs`.
    const FIXTURE_ROWS_DESCRIBED: i64 = 8;

    /// A fictional ID number with a right check character (the 17th digit,
    /// the last of `seq`, is odd for a man).
    fn id_number(birth: &str, seq: &str) -> String {
        let first17 = format!("330424{birth}{seq}");
        format!("{first17}{}", crate::idcard::check_char(first17.as_bytes()))
    }

    /// A small branch as a program of version `v` would have stored it, in
    /// plain SQL of that version's schema (never through today's code,
    /// which writes today's schema). The checks in
    /// `tests/core/migrations_frozen.rs` expect exactly these rows.
    fn fixture_sql(v: i64) -> String {
        let mut sql = format!(
            "UPDATE branch SET name = '中共东山村支部委员会', higher_committee = '中共青石镇委员会',
                secretary = '王建国', term_start = '2021-03-15' WHERE id = 1;
            INSERT INTO party_groups (id, name, created_at) VALUES
                (1, '第一党小组', '2021-03-15 10:00:00'),
                (2, '第二党小组', '2021-03-15 10:00:00'),
                (3, '老党员党小组', '2021-03-15 10:01:00');
            INSERT INTO members (id, name, sex, ethnicity, birth_date, id_number, education, kind, admitted_on,
                full_member_on, group_id, committee_role, job, phone, address, status, status_date, status_reason,
                mobile, mobile_destination, lost_contact, lost_contact_reason, notes, created_at, updated_at, deleted_at)
            VALUES
                (1, '王建国', 'male', '汉族', '1968-04-12', '{}', '高中', 'full', '1992-07-01', '1993-07-01', 1,
                 'secretary', '东山村党支部书记、村委会主任', '13800000001', '东山村一组3号', 'normal', NULL, '',
                 0, '', 0, NULL, '', '2021-03-15 10:05:00', '2021-03-15 10:05:00', NULL),
                (2, '张三', 'male', '汉族', '1931-05-20', '{}', '小学', 'full', '1956-03', '1957-03', 3,
                 NULL, '', '', '东山村三组12号', 'normal', NULL, '',
                 0, '', 0, NULL, '1956年3月入党的老党员', '2021-03-15 10:06:00', '2021-03-15 10:06:00', NULL),
                (3, '李四', 'female', '汉族', '1999-09-09', '{}', '大学专科', 'probationary', '2025-06-28', NULL, 2,
                 NULL, '个体经营', '13900000003', '东山村二组7号', 'normal', NULL, '',
                 1, '广东省东莞市', 0, NULL, '', '2025-06-29 09:00:00', '2025-06-29 09:00:00', NULL),
                (4, '赵六', 'male', '回族', '1975-01-30', '{}', '初中', 'full', '2003-07-01', '2004-07-01', 2,
                 NULL, '外出务工', '', '东山村二组15号', 'suspended', '2024-05-10', '失联超过6个月，经支部大会讨论停止党籍',
                 0, '', 1, 'whereabouts_unknown', '', '2021-03-15 10:08:00', '2024-05-12 09:00:00', NULL),
                (5, '刘芳', 'female', '汉族', '1980-08-16', '{}', '大学本科', 'full', '2008-07-01', '2009-07-01', 1,
                 'organization', '东山村小学教师', '13700000005', '东山村一组21号', 'normal', NULL, '',
                 0, '', 0, NULL, '', '2021-03-15 10:09:00', '2021-03-15 10:09:00', NULL),
                (6, '周八', 'male', '汉族', '1962-02-14', '{}', '初中', 'full', '1985-10', '1986-10', 1,
                 NULL, '', '', '', 'normal', NULL, '',
                 0, '', 0, NULL, '重复录入', '2021-03-15 10:10:00', '2021-03-15 10:10:00', '2022-04-02 15:30:00');
            INSERT INTO member_status_changes (id, member_id, status, date, reason, recorded_at) VALUES
                (1, 4, 'suspended', '2024-05-10', '失联超过6个月，经支部大会讨论停止党籍', '2024-05-12 09:00:00');
            INSERT INTO transfers (id, member_id, direction, date, other_branch, letter_number, dues_paid_to, notes,
                recorded_at) VALUES
                (1, 4, 'in', '2010-03-01', '中共西河村支部委员会', '青组转字〔2010〕12号', '2010-02', '',
                 '2021-03-15 10:20:00');
            INSERT INTO change_log (id, at, entity, entity_id, action, changes) VALUES
                (1, '2021-03-15 10:05:00', 'member', 1, 'create', '[]'),
                (2, '2022-04-02 15:30:00', 'member', 6, 'delete', '[]'),
                (3, '2024-05-12 09:00:00', 'member', 4, 'status',
                 '[{{\"field\":\"status\",\"old\":\"正常\",\"new\":\"停止党籍（2024年5月10日，失联超过6个月，经支部大会讨论停止党籍）\"}}]');
            ",
            id_number("19680412", "013"),
            id_number("19310520", "031"),
            id_number("19990909", "024"),
            id_number("19750130", "057"),
            id_number("19800816", "048"),
            id_number("19620214", "015"),
        );
        if v >= 2 {
            sql.push_str(
                r#"
            UPDATE branch SET theme_day = '每月农历初五' WHERE id = 1;
            UPDATE meeting_frequencies SET frequency = 'monthly' WHERE kind = 'lecture';
            INSERT INTO meetings (id, kind, date, start_time, place, topic, host_id, recorder_id, group_id, observers,
                minutes, agenda, created_at, updated_at, deleted_at) VALUES
                (1, 'assembly', '2025-06-28', '19:30', '村委会会议室', '讨论接收李四同志为预备党员', 1, 5, NULL,
                 '青石镇党委组织委员 陈明', '入党介绍人介绍情况，与会党员逐一发表意见后举手表决。',
                 '[{"text":"听取入党介绍人意见","prescribed":false},{"text":"表决","prescribed":false}]',
                 '2025-06-28 21:00:00', '2025-06-28 21:00:00', NULL),
                (2, 'review', '2026-01-15', '09:00', '村委会会议室', '2025年度民主评议党员', 1, 5, NULL,
                 '', '个人自评、党员互评、民主测评。', '[]', '2026-01-15 11:30:00', '2026-01-15 11:30:00', NULL),
                (3, 'theme_day', '2025-09-05', '08:30', '村文化广场', '清理河道 共建美丽乡村', 1, 5, NULL,
                 '', '',
                 '[{"text":"重温入党誓词","prescribed":true},{"text":"集中学习","prescribed":true},{"text":"清理河道垃圾","prescribed":false}]',
                 '2025-09-05 12:00:00', '2025-09-05 12:00:00', NULL),
                (4, 'life_meeting', '2025-12-20', '14:00', '村委会会议室', '2025年度组织生活会', 1, 5, NULL,
                 '', '', '[]', '2025-12-20 17:00:00', '2025-12-20 17:00:00', NULL);
            INSERT INTO meeting_attendance (meeting_id, member_id, status, reason, voting, grade) VALUES
                (1, 1, 'present', '', 1, NULL),
                (1, 2, 'leave', '年老体弱，书面表示同意', 1, NULL),
                (1, 5, 'present', '', 1, NULL),
                (2, 1, 'present', '', 1, 'excellent'),
                (2, 2, 'present', '', 1, 'qualified'),
                (2, 3, 'present', '', 0, 'qualified'),
                (2, 5, 'present', '', 1, 'excellent'),
                (3, 1, 'present', '', 1, NULL),
                (3, 3, 'leave', '外出务工', 0, NULL),
                (3, 5, 'present', '', 1, NULL);
            INSERT INTO meeting_resolutions (id, meeting_id, position, text, vote, election, votes_for, votes_against,
                votes_abstain) VALUES
                (1, 1, 0, '同意接收李四同志为中共预备党员', 1, 0, 2, 0, 0);
            INSERT INTO meeting_attachments (id, meeting_id, sha256, original_name, size, added_at, deleted_at) VALUES
                (1, 1, '3f5b1c0e8d2a4f6b9c7e1d3a5b7c9e0f2a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b', '会议记录第1页.jpg', 183204,
                 '2025-06-29 08:10:00', NULL);
            "#,
            );
        }
        if v >= 3 {
            sql.push_str(
                "
            UPDATE dues_settings SET farmer_fen = 30, rounding_fen = 10 WHERE id = 1;
            INSERT INTO dues_assessments (id, member_id, from_month, category, base_fen, fixed_fen, monthly_fen,
                decision, note, created_at) VALUES
                (1, 1, '2026-01', 'in_service', 350000, NULL, 3500, '', '2026年度核定', '2026-01-05 09:00:00'),
                (2, 2, '2026-01', 'retired', 280000, NULL, 1400, '', '', '2026-01-05 09:05:00'),
                (3, 3, '2025-07', 'farmer', NULL, NULL, 30, '', '接收为预备党员次月起交纳', '2025-07-02 10:00:00');
            INSERT INTO dues_payments (id, member_id, paid_on, kind, amount_fen, receipt_no, collector, note,
                reverses_id, created_at) VALUES
                (1, 1, '2026-01-10', 'dues', 10500, 'DF2026-001', '刘芳', '', NULL, '2026-01-10 10:00:00'),
                (2, 3, '2026-01-10', 'dues', 180, 'DF2026-002', '刘芳', '补交2025年7—12月', NULL, '2026-01-10 10:05:00'),
                (3, 2, '2026-02-01', 'dues', 1400, 'DF2026-003', '刘芳', '', NULL, '2026-02-01 09:00:00'),
                (4, 2, '2026-02-03', 'dues', -1400, 'DF2026-003', '', '冲正第 3 号记录：金额登记错误', 3,
                 '2026-02-03 16:00:00'),
                (5, 2, '2026-02-05', 'extra', 10000, 'DF2026-004', '刘芳', '自愿多交党费', NULL, '2026-02-05 09:30:00');
            INSERT INTO dues_payment_months (payment_id, month, amount_fen) VALUES
                (1, '2026-01', 3500), (1, '2026-02', 3500), (1, '2026-03', 3500),
                (2, '2025-07', 30), (2, '2025-08', 30), (2, '2025-09', 30),
                (2, '2025-10', 30), (2, '2025-11', 30), (2, '2025-12', 30),
                (3, '2026-01', 1400),
                (4, '2026-01', -1400);
            INSERT INTO dues_remittances (id, remitted_on, from_month, to_month, amount_fen, handler, voucher, note,
                created_at) VALUES
                (1, '2026-01-20', '2025-07', '2025-12', 180, '刘芳', '青石镇党委收据 No.0042', '', '2026-01-20 15:00:00');
            ",
            );
        }
        if v >= 4 {
            sql.push_str(
                "
            UPDATE branch SET birthday_days = 15, term_years = 3 WHERE id = 1;
            ",
            );
        }
        if v >= 5 {
            sql.push_str(&format!(
                "
            UPDATE branch SET records_from = '2021-03-15' WHERE id = 1;
            UPDATE members SET lost_contact_since = '2023-10' WHERE id = 4;
            UPDATE members SET probation_extension_months = 6, probation_extension_on = '2026-06-28',
                probation_extension_reply = '青组复〔2026〕8号', updated_at = '2026-07-20 09:00:00' WHERE id = 3;
            INSERT INTO members (id, name, sex, ethnicity, birth_date, id_number, education, kind, admitted_on,
                full_member_on, group_id, committee_role, job, phone, address, status, status_date, status_reason,
                mobile, mobile_destination, lost_contact, lost_contact_reason, notes, created_at, updated_at,
                deleted_at, full_member_reason)
            VALUES
                (7, '孙七', 'male', '汉族', '1970-03-03', '{}', '高中', 'full', '1995-07-01', '1996-09-01', 3,
                 NULL, '', '', '东山村三组2号', 'watch', '2025-11-20', '受到留党察看一年处分',
                 0, '', 0, NULL, '', '2025-09-02 09:00:00', '2025-11-21 09:00:00', NULL,
                 '上级党委1996年9月1日批准转正（预备期满时未及时讨论）'),
                (8, '钱九', 'female', '汉族', '1998-12-12', '{}', '中专', 'probationary', '2024-05-20', NULL, NULL,
                 NULL, '', '', '东山村一组9号', 'cancelled', '2025-11-28', '延长预备期满仍不具备党员条件，取消预备党员资格',
                 0, '', 0, NULL, '', '2024-06-10 09:00:00', '2025-11-30 09:00:00', NULL, '');
            UPDATE members SET probation_extension_months = 6, probation_extension_on = '2025-05-20',
                probation_extension_reply = '青组复〔2025〕5号' WHERE id = 8;
            INSERT INTO member_status_changes (id, member_id, status, date, reason, recorded_at) VALUES
                (2, 7, 'watch', '2025-11-20', '受到留党察看一年处分', '2025-11-21 09:00:00'),
                (3, 8, 'cancelled', '2025-11-28', '延长预备期满仍不具备党员条件，取消预备党员资格', '2025-11-30 09:00:00');
            INSERT INTO transfers (id, member_id, direction, date, other_branch, letter_number, dues_paid_to, notes,
                recorded_at) VALUES
                (2, 7, 'in', '2025-09-01', '中共西河村支部委员会', '青组转字〔2025〕31号', '2025-08', '',
                 '2025-09-02 09:00:00');
            UPDATE meetings SET for_year = 2025 WHERE id IN (2, 4);
            UPDATE meeting_resolutions SET candidate = '李四', written_for = 1, written_against = 0, written_abstain = 0
                WHERE id = 1;
            ",
                id_number("19700303", "017"),
                id_number("19981212", "026"),
            ));
        }
        if v >= 6 {
            sql.push_str(&format!(
                "
            INSERT INTO recruits (id, name, sex, birth_date, id_number, ethnicity, education, job, phone, address,
                league_member, source, came_from, came_on, notes, stopped_on, stop_reason, stop_note, member_id,
                created_at, updated_at, deleted_at)
            VALUES
                (1, '陈小红', 'female', '2001-06-18', '{}', '汉族', '大学本科', '返乡创业', '13600000011',
                 '东山村一组5号', 1, 'graduate', '', NULL, '', NULL, NULL, '', NULL,
                 '2025-03-10 09:00:00', '2025-09-12 09:00:00', NULL),
                (2, '吴强', 'male', '1990-11-02', '{}', '汉族', '高中', '务农', '', '东山村三组8号', 0, 'other',
                 '', NULL, '', '2025-12-01', 'withdrew', '本人撤回申请', NULL,
                 '2025-05-06 09:00:00', '2025-12-01 09:00:00', NULL);
            INSERT INTO recruit_steps (id, recruit_id, step, date, actors, meeting_id, doc_number, outcome, days,
                hours, months, group_id, note, override_reason, recorded_at) VALUES
                (1, 1, 1, '2025-03-10', '', NULL, '', '', NULL, NULL, NULL, NULL, '', '', '2025-03-10 09:00:00'),
                (2, 1, 2, '2025-04-02', '王建国', NULL, '', '', NULL, NULL, NULL, NULL, '',
                 '书记外出学习，谈话晚于一个月', '2025-04-02 10:00:00'),
                (3, 1, 3, '2025-09-01', '', NULL, '', '', NULL, NULL, NULL, NULL, '团支部推优', '',
                 '2025-09-01 10:00:00'),
                (4, 2, 1, '2025-05-06', '', NULL, '', '', NULL, NULL, NULL, NULL, '', '', '2025-05-06 09:00:00');
            INSERT INTO recruit_people (id, recruit_id, role, member_id, name, from_on, to_on) VALUES
                (1, 1, 'contact', 5, '刘芳', '2025-09-12', NULL),
                (2, 1, 'contact', 1, '王建国', '2025-09-12', NULL);
            INSERT INTO recruit_docs (recruit_id, doc, received_on, number) VALUES
                (1, 'application', '2025-03-10', ''),
                (1, 'recommendation', '2025-09-01', '');
            INSERT INTO recruit_attachments (id, recruit_id, step_id, sha256, original_name, size, added_at,
                deleted_at) VALUES
                (1, 1, 1, '9a1f3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a', '入党申请书.jpg', 204800,
                 '2025-03-11 08:00:00', NULL);
            INSERT INTO recruit_settings (key, value) VALUES ('notice_working_days', 7), ('thought_report_months', 3);
            INSERT INTO recruit_plans (year, count) VALUES (2026, 2);
            INSERT INTO calendar_days (date, kind, name) VALUES ('2027-01-01', 'holiday', '元旦');
            INSERT INTO change_log (id, at, entity, entity_id, action, changes) VALUES
                (4, '2025-03-10 09:00:00', 'recruit', 1, 'create', '[]');
            ",
                id_number("20010618", "022"),
                id_number("19901102", "035"),
            ));
        }
        if v >= 7 {
            sql.push_str(
                "
            INSERT INTO meetings (id, kind, date, start_time, place, topic, host_id, recorder_id, group_id, observers,
                minutes, agenda, created_at, updated_at, deleted_at) VALUES
                (5, 'theme_day', '2026-03-05', '08:30', '村委会会议室', '学习贯彻全国两会精神', 1, 5, NULL, '', '',
                 '[]', '2026-03-05 12:00:00', '2026-03-20 10:00:00', NULL);
            INSERT INTO meeting_attendance (meeting_id, member_id, status, reason, voting, grade) VALUES
                (5, 1, 'present', '', 1, NULL),
                (5, 2, 'taught', '', 1, NULL),
                (5, 3, 'elsewhere', '东莞市长安镇流动党员党支部，有签到表', 0, NULL),
                (5, 5, 'present', '', 1, NULL);
            INSERT INTO mobile_periods (id, member_id, left_on, back_on, province, city, county, place, work,
                host_org, host_contact, card_number, contact_person, contact_member_id, relation, transfer_id, notes,
                created_at, updated_at, deleted_at) VALUES
                (1, 3, '2025-08-01', NULL, '广东省', '东莞市', '长安镇', '', '电子厂务工',
                 '东莞市长安镇流动党员党支部', '陈书记', '粤流2025-018', '刘芳', 5, 'kept', NULL, '',
                 '2025-08-02 09:00:00', '2025-08-02 09:00:00', NULL);
            INSERT INTO mobile_contacts (id, member_id, contacted_on, contacted_by, how, content, suggestions,
                created_at, updated_at, deleted_at) VALUES
                (1, 3, '2026-02-10', '刘芳', 'homecoming', '返乡座谈，介绍在外学习情况', '希望多发学习资料',
                 '2026-02-10 16:00:00', '2026-02-10 16:00:00', NULL);
            INSERT INTO dues_elsewhere (id, member_id, month, org, paid_on, note, created_at, deleted_at) VALUES
                (1, 3, '2026-01', '东莞市长安镇流动党员党支部', '2026-01-20', '', '2026-02-10 16:05:00', NULL);
            INSERT INTO care_cases (id, member_id, category, since, description, reviewed_on, closed_on, close_reason,
                created_at, updated_at, deleted_at) VALUES
                (1, 2, 'elderly_alone', '2024-11-01', '独居，行动不便', '2025-11-03', NULL, '',
                 '2024-11-01 09:00:00', '2025-11-03 09:00:00', NULL);
            INSERT INTO care_visits (id, visited_on, member_id, family_name, occasion, visitors, amount_fen, source,
                goods, follow_up, meeting_id, created_at, updated_at, deleted_at) VALUES
                (1, '2026-01-20', 2, '', 'spring', '王建国、刘芳', 50000, 'dues_returned', '米一袋、油一桶',
                 '开春后再去看望', NULL, '2026-01-20 17:00:00', '2026-01-20 17:00:00', NULL),
                (2, '2026-03-06', 2, '', 'teaching', '刘芳', 0, NULL, '', '', 5,
                 '2026-03-06 10:00:00', '2026-03-06 10:00:00', NULL);
            INSERT INTO dues_received (id, received_on, amount_fen, from_org, note, created_at, deleted_at) VALUES
                (1, '2026-01-05', 100000, '中共青石镇委员会', '下拨慰问经费', '2026-01-05 09:00:00', NULL);
            INSERT INTO dues_spending (id, spent_on, purpose, amount_fen, approval, receipt_no, note, created_at,
                updated_at, deleted_at) VALUES
                (1, '2026-07-01', '购买党员学习资料', 12050, '支委会研究同意', '记-07', '',
                 '2026-07-01 15:00:00', '2026-07-01 15:00:00', NULL);
            INSERT INTO care_attachments (id, visit_id, spending_id, sha256, original_name, size, added_at,
                deleted_at) VALUES
                (1, NULL, 1, '5e7c9a1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c', '发票.jpg', 98304,
                 '2026-07-01 15:05:00', NULL);
            INSERT INTO care_settings (key, value) VALUES ('care_visit_age', '85'), ('mobile_no_contact_days', '60');
            INSERT INTO change_log (id, at, entity, entity_id, action, changes) VALUES
                (5, '2026-03-06 10:00:00', 'care_visit', 2, 'teach',
                 '[{\"field\":\"attendance\",\"old\":\"absent\",\"new\":\"taught\"}]');
            ",
            );
        }
        if v >= 8 {
            // 积分 (points_rules, points_entries, points_history) stays
            // empty: a rule set is JSON of its own, read in tests/core/points.rs.
            sql.push_str(
                "
            UPDATE meetings SET study_tenths = 15 WHERE id = 5;
            INSERT INTO trainings (id, started_on, ended_on, tenths, organiser, organiser_name, level, place, topic,
                proof, notes, created_at, updated_at, deleted_at) VALUES
                (1, '2026-04-14', '2026-04-16', 240, 'county', '县委党校', 'central', '县委党校', '村党组织书记轮训',
                 '结业证书', '', '2026-04-17 09:00:00', '2026-04-17 09:00:00', NULL);
            INSERT INTO training_members (training_id, member_id, tenths) VALUES (1, 1, NULL), (1, 5, 160);
            INSERT INTO study_elsewhere (id, member_id, month, tenths, org, what, central, created_at, deleted_at)
                VALUES (1, 3, '2026-05', 30, '东莞市长安镇流动党员党支部', '集中学习', 0, '2026-06-01 09:00:00', NULL);
            INSERT INTO study_online (member_id, month, tenths, platform, updated_at) VALUES
                (5, '2026-06', 45, '学习强国', '2026-07-01 09:00:00');
            INSERT INTO study_settings (key, value) VALUES ('online', '1'), ('target', '320');
            INSERT INTO services (id, served_on, kind, what, for_whom, households, people, tenths, notes, created_at,
                updated_at, deleted_at) VALUES
                (1, '2026-07-20', 'deed', '帮助张三修缮屋顶', '张三', 1, 1, 20, '', '2026-07-20 18:00:00',
                 '2026-07-20 18:00:00', NULL);
            INSERT INTO service_members (service_id, member_id) VALUES (1, 1), (1, 5);
            INSERT INTO study_attachments (id, training_id, service_id, sha256, original_name, size, added_at,
                deleted_at) VALUES
                (1, 1, NULL, '7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c', '结业证书.jpg', 65536,
                 '2026-04-17 09:05:00', NULL);
            ",
            );
        }
        sql
    }

    /// Writes `tests/fixtures/schema_v{v}.sqlite3` for every shipped version
    /// before this one that has none yet: a branch's few rows at that
    /// version, one self-contained file. A fixture already there is never
    /// written again (they are frozen: the point is that they were made by
    /// the migrations as they shipped). Run once after adding a migration:
    /// `cargo test -p zhibu-core write_frozen -- --ignored`.
    #[test]
    #[ignore = "writes the frozen fixtures; run by hand after adding a migration"]
    fn write_frozen_schema_fixtures() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("fixtures");
        std::fs::create_dir_all(&dir).unwrap();
        for v in 1..SCHEMA_VERSION {
            let target = dir.join(format!("schema_v{v}.sqlite3"));
            if target.exists() {
                eprintln!("kept {} (frozen, never rewritten)", target.display());
                continue;
            }
            assert!(
                v <= FIXTURE_ROWS_DESCRIBED,
                "version {v} has no fixture yet: describe its new tables' and columns' rows in fixture_sql, raise \
                 FIXTURE_ROWS_DESCRIBED, and check them in tests/core/migrations_frozen.rs"
            );
            let tmp = dir.join(format!("schema_v{v}.sqlite3.tmp"));
            let _ = std::fs::remove_file(&tmp);
            {
                // As the program of the time opened it: foreign keys on, WAL.
                let mut conn = Connection::open(&tmp).unwrap();
                conn.pragma_update(None, "foreign_keys", true).unwrap();
                conn.pragma_update(None, "journal_mode", "WAL").unwrap();
                migrate_to(&mut conn, v).unwrap();
                assert_eq!(user_version(&conn).unwrap(), v);
                let tx = conn.transaction().unwrap();
                tx.execute_batch(&fixture_sql(v)).unwrap();
                tx.commit().unwrap();
                let broken: i64 =
                    conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
                assert_eq!(broken, 0, "version {v}'s rows refer to rows that are not there");
                // One self-contained file: the log folded in and switched off.
                conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
                let mode: String = conn.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0)).unwrap();
                assert_eq!(mode, "delete");
            }
            for sidecar in ["-wal", "-shm", "-journal"] {
                assert!(!dir.join(format!("schema_v{v}.sqlite3.tmp{sidecar}")).exists());
            }
            assert!(!target.exists(), "{} appeared meanwhile; not overwriting it", target.display());
            std::fs::rename(&tmp, &target).unwrap();
            eprintln!("wrote {}", target.display());
        }
    }
}
