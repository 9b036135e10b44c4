//! 示例支部: a branch of about 40 invented people (names, ID numbers, phones
//! and addresses are all fictional; ID numbers have valid check digits), so
//! a new user sees a lived-in roster. Kept in `assets/demo/branch.json`.

use crate::branch::{check_branch, write_branch, BranchForm};
use crate::error::{Error, Result};
use crate::members::{check_form, MemberForm, StatusForm, TransferForm};
use crate::store::Store;
use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

mod clear;
mod dues;
mod meetings;
mod recruits;
mod synthetic;

pub use clear::{clear_demo, DemoCleared, DemoState, LOAD_WINDOW_SECS};
pub use synthetic::{SyntheticLoaded, SyntheticSize};

const DEMO_JSON: &str = include_str!("../../../../assets/demo/branch.json");

#[derive(Deserialize, ts_rs::TS)]
struct DemoBranch {
    branch: BranchForm,
    members: Vec<DemoMember>,
    /// 发展党员: people on the way, their steps relative to the load day.
    #[serde(default)]
    #[ts(skip)]
    recruits: Vec<recruits::DemoRecruit>,
}

#[derive(Deserialize, ts_rs::TS)]
struct DemoMember {
    #[serde(flatten)]
    form: MemberForm,
    #[serde(default)]
    status_change: Option<StatusForm>,
    #[serde(default)]
    transfers: Vec<TransferForm>,
}

fn demo_branch() -> Result<DemoBranch> {
    serde_json::from_str(DEMO_JSON).map_err(|e| Error::Demo(e.to_string()))
}

/// What was loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct DemoLoaded {
    pub members: usize,
    pub meetings: usize,
}

impl Store {
    /// True when no member file exists, not even in the recycle bin.
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.conn().query_row("SELECT NOT EXISTS(SELECT 1 FROM members)", [], |r| r.get(0))?)
    }

    /// Loads the demo branch into an empty database, all in one transaction.
    /// Refuses a database that already holds member files.
    pub fn load_demo(&mut self, today: NaiveDate) -> Result<DemoLoaded> {
        if !self.is_empty()? {
            return Err(Error::NotEmpty);
        }
        let demo = demo_branch()?;
        let tx = self.conn_mut().transaction()?;
        write_branch(&tx, &check_branch(&demo.branch, today)?)?;
        for m in &demo.members {
            let checked = check_form(&m.form, today)
                .map_err(|e| Error::Demo(format!("{}：{}", m.form.name, crate::Error::Validation(e))))?;
            let id = crate::members::insert_checked_in(&tx, &checked)?;
            if let Some(change) = &m.status_change {
                crate::members::change_status_in(&tx, id, change, today)?;
            }
            for t in &m.transfers {
                crate::members::add_transfer_in(&tx, id, t, today)?;
            }
        }
        let roster = {
            let mut stmt = tx.prepare("SELECT id FROM members ORDER BY id")?;
            let ids: Vec<i64> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
            ids.into_iter().map(|id| crate::members::load_in(&tx, id)).collect::<Result<Vec<_>>>()?
        };
        // The demo's books start on 1 January of its year (docs/DOMAIN.md §3.4).
        crate::branch::start_records_if_unset(&tx, crate::date::first_of_month(today.year(), 1))?;
        let admission = recruits::admitted_name(&demo.recruits)
            .map(|name| (recruits::admission_day(today), name, recruits::is_quarterly(recruits::admission_day(today))));
        let meetings = meetings::load(&tx, &roster, today, admission)?;
        dues::load(&tx, &roster, today)?;
        // After the meetings (step 15 links its 支部大会) and the dues (the
        // member file step 17 makes is assessed by her, like any new member).
        recruits::load(&tx, &demo.recruits, today)?;
        let members: i64 = tx.query_row("SELECT count(*) FROM members", [], |r| r.get(0))?;
        tx.commit()?;
        Ok(DemoLoaded { members: usize::try_from(members).unwrap_or(0), meetings })
    }
}
