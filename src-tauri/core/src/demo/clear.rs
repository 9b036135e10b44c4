//! Is the demo branch loaded, and may 清除示例数据 remove it?
//!
//! No column says "this is the demo" (a migration for one flag is costly, see
//! ARCHITECTURE.md), so the content says it:
//!
//! - **Loaded**: some live member carries one of the demo's fictional ID
//!   numbers (its members', and the 发展党员 person whose step 17 made a
//!   member file). They are invented (valid check digits, nobody's), so a real
//!   roster never holds one; and while any of them is on the roster the page
//!   must say the people are fictional, even if she has added her own.
//! - **Clearable** (nothing she wrote would be lost): the members are exactly
//!   the demo's, none deleted; the branch's name, 上级党组织 and 书记 are the
//!   demo's; the 发展党员 people are exactly its own, with no document,
//!   local setting or 指导性计划 typed in (those tables carry no time
//!   stamp); no attachment; the change log holds only what a load writes
//!   (created members, meetings and 发展党员 people, their standing and
//!   transfers, the people's steps and 公示 — any edit, deletion, restore,
//!   deleted step or stop adds an `update`/`delete`/`restore`/
//!   `step_deleted`/`stop` line — and the one `update` a load writes: step
//!   19 putting the member file step 17 made into its 党小组); and every
//!   time stamp of every table that has one lies within the load's window.
//!   The load is one transaction that writes the members first, so it starts
//!   at the earliest member's `created_at` and, even on a slow PC, ends
//!   within seconds; the window is [`LOAD_WINDOW_SECS`] from that start. A
//!   record she adds later — a meeting, a payment, an assessment, a
//!   remittance, a transfer, a group — is stamped after the window (or
//!   before it, when the PC's clock was set back), so it is seen as hers.
//!   Time stamps are the one thing every such table shares; row counts would
//!   depend on the day the demo was loaded, which is not kept. A record
//!   typed within the first two minutes would be taken for the demo's —
//!   and even then nothing is lost: clearing makes a backup first.
//!
//! Clearing swaps in a fresh empty database the way a restore does (backup,
//! checkpoint, one rename), rather than deleting every row: the result is
//! exactly a first start's database (settings at their defaults, no ids
//! used), whatever tables later versions add, and a failure anywhere before
//! the rename leaves the demo as it was.

use super::{demo_branch, DemoBranch};
use crate::error::{Error, Result};
use crate::store::Store;
use chrono::{NaiveDateTime, TimeDelta};
use std::collections::HashSet;
use std::path::Path;

/// How long after its first member the demo's load may still be writing.
pub const LOAD_WINDOW_SECS: i64 = 120;

/// What the page shows about the demo (the banner on every page).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct DemoState {
    /// The roster holds the demo's fictional people.
    pub loaded: bool,
    /// Only the demo is here: 清除示例数据 loses nothing she wrote.
    pub clearable: bool,
}

/// What 清除示例数据 did.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct DemoCleared {
    /// The backup made first (归档备份 lists it).
    pub backup: Option<String>,
}

const NOT_DEMO: &str = "这里不是示例支部，没有可以清除的示例数据。";
const HAS_OWN: &str = "示例支部里已经有您自己添加或修改的记录，为免误删，不能一键清除。如需清空，请先在“归档备份”里备份，再在花名册里逐个删除示例人员；您自己的记录会保留。";

/// Timestamped columns: (table, column). Every record she can add carries one.
const STAMPED: [(&str, &str); 18] = [
    ("members", "created_at"),
    ("members", "updated_at"),
    ("party_groups", "created_at"),
    ("member_status_changes", "recorded_at"),
    ("transfers", "recorded_at"),
    ("member_group_changes", "recorded_at"),
    ("change_log", "at"),
    ("meetings", "created_at"),
    ("meetings", "updated_at"),
    ("meeting_attachments", "added_at"),
    ("dues_assessments", "created_at"),
    ("dues_payments", "created_at"),
    ("dues_remittances", "created_at"),
    ("recruits", "created_at"),
    ("recruits", "updated_at"),
    ("recruit_steps", "recorded_at"),
    ("recruit_notices", "recorded_at"),
    ("recruit_attachments", "added_at"),
];

impl Store {
    /// Whether the demo is loaded, and whether only the demo is here.
    pub fn demo_state(&self) -> Result<DemoState> {
        let demo = demo_branch()?;
        // The members' numbers, and those of the people the load admits (step 17).
        let demo_ids: HashSet<String> = demo
            .members
            .iter()
            .map(|m| &m.form.id_number)
            .chain(demo.recruits.iter().filter(|r| r.steps.iter().any(|s| s.step == 17)).map(|r| &r.form.id_number))
            .map(|id| crate::idcard::normalise(id))
            .collect();
        let rows: Vec<(String, bool)> = {
            let mut stmt = self.conn().prepare("SELECT id_number, deleted_at IS NOT NULL FROM members")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let loaded = rows.iter().any(|(id, deleted)| !deleted && demo_ids.contains(id));
        if !loaded {
            return Ok(DemoState::default());
        }
        Ok(DemoState { loaded, clearable: self.only_demo(&demo, &demo_ids, &rows)? })
    }

    fn only_demo(&self, demo: &DemoBranch, demo_ids: &HashSet<String>, rows: &[(String, bool)]) -> Result<bool> {
        let ids: HashSet<&String> = rows.iter().map(|(id, _)| id).collect();
        if rows.len() != demo_ids.len()
            || ids.len() != rows.len()
            || rows.iter().any(|(id, d)| *d || !demo_ids.contains(id))
        {
            return Ok(false);
        }
        let branch = self.branch()?;
        if (branch.name.as_str(), branch.higher_committee.as_str(), branch.secretary.as_str())
            != (demo.branch.name.as_str(), demo.branch.higher_committee.as_str(), demo.branch.secretary.as_str())
        {
            return Ok(false);
        }
        let count = |sql: &str| -> Result<i64> { Ok(self.conn().query_row(sql, [], |r| r.get(0))?) };
        if count("SELECT count(*) FROM meeting_attachments")? > 0
            || count(
                "SELECT count(*) FROM change_log WHERE action NOT IN ('create', 'status', 'transfer', 'step', 'notice')
                   AND NOT (action = 'update' AND entity = 'member'
                            AND entity_id IN (SELECT member_id FROM recruits WHERE member_id IS NOT NULL))",
            )? > 0
            || count("SELECT count(*) FROM change_log WHERE action = 'update' AND entity = 'member'")?
                > count("SELECT count(*) FROM recruit_steps WHERE step = 19 AND group_id IS NOT NULL")?
            || count("SELECT count(*) FROM recruit_docs")? > 0
            || count("SELECT count(*) FROM recruit_settings")? > 0
            || count("SELECT count(*) FROM recruit_plans")? > 0
            || count("SELECT count(*) FROM recruit_attachments")? > 0
            // 党费使用: the demo has none, so any is hers (even within the load's window).
            || count("SELECT count(*) FROM dues_spending")? > 0
            || count("SELECT count(*) FROM dues_received")? > 0
            || count("SELECT count(*) FROM care_attachments")? > 0
            // 流动党员: the demo loads only the flags, so any period, contact or
            // month paid elsewhere is hers.
            || count("SELECT (SELECT count(*) FROM mobile_periods) + (SELECT count(*) FROM mobile_contacts)
                        + (SELECT count(*) FROM dues_elsewhere)")?
                > 0
            // 关怀帮扶: the demo loads none, so any is hers.
            || count("SELECT (SELECT count(*) FROM care_cases) + (SELECT count(*) FROM care_visits)
                        + (SELECT count(*) FROM care_attachments) + (SELECT count(*) FROM care_settings)")?
                > 0
            // 学时: the demo loads none, so any training, hours or setting is hers.
            || count("SELECT (SELECT count(*) FROM trainings) + (SELECT count(*) FROM study_elsewhere)
                        + (SELECT count(*) FROM study_online) + (SELECT count(*) FROM study_settings)
                        + (SELECT count(*) FROM meetings WHERE study_tenths IS NOT NULL)")?
                > 0
        {
            return Ok(false);
        }
        // The 发展党员 people are exactly the demo's, none deleted.
        let recruits: Vec<(String, bool)> = {
            let mut stmt = self.conn().prepare("SELECT id_number, deleted_at IS NOT NULL FROM recruits")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let demo_recruits: HashSet<String> =
            demo.recruits.iter().map(|r| crate::idcard::normalise(&r.form.id_number)).collect();
        if recruits.len() != demo_recruits.len() || recruits.iter().any(|(id, d)| *d || !demo_recruits.contains(id)) {
            return Ok(false);
        }
        let first: String = self.conn().query_row("SELECT min(created_at) FROM members", [], |r| r.get(0))?;
        let Ok(start) = NaiveDateTime::parse_from_str(&first, "%Y-%m-%d %H:%M:%S") else {
            return Ok(false);
        };
        let end = (start + TimeDelta::seconds(LOAD_WINDOW_SECS)).format("%Y-%m-%d %H:%M:%S").to_string();
        for (table, column) in STAMPED {
            let outside: i64 = self.conn().query_row(
                &format!("SELECT count(*) FROM {table} WHERE {column} < ?1 OR {column} > ?2"),
                [&first, &end],
                |r| r.get(0),
            )?;
            if outside > 0 {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

/// 清除示例数据, with every connection to the database closed (the app
/// closes its store around it): refused unless only the demo is here; else a
/// backup (`备份/清除示例前_…`), then a fresh empty database in its place.
pub fn clear_demo(data_dir: &Path) -> Result<DemoCleared> {
    let state = Store::open_dir(data_dir)?.demo_state()?;
    if !state.loaded {
        return Err(Error::DemoNotClearable(NOT_DEMO));
    }
    if !state.clearable {
        return Err(Error::DemoNotClearable(HAS_OWN));
    }
    let staging = crate::archive::restore::fresh_staging(data_dir);
    let made = Store::open_copy(&staging).map(drop);
    let swapped = made.and_then(|()| crate::archive::restore::swap_in(&staging, data_dir, "清除示例前"));
    match swapped {
        Ok(backup) => {
            tracing::info!("已清除示例数据（清除前已备份）");
            Ok(DemoCleared { backup: backup.map(|p| p.display().to_string()) })
        }
        Err(e) => {
            crate::archive::restore::remove_with_sidecars(&staging);
            Err(e)
        }
    }
}
