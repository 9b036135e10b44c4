//! The change log: every create, update, delete and restore, with what
//! changed and when. It lives in the database (it *is* branch data, and goes
//! into archives with it), never in a log file.

use crate::error::Result;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

/// One field's change. `None` means empty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntry {
    pub at: String,
    pub action: String,
    pub changes: Vec<FieldChange>,
}

pub(crate) fn record(
    conn: &Connection,
    entity: &str,
    entity_id: i64,
    action: &str,
    changes: &[FieldChange],
) -> Result<()> {
    let json = serde_json::to_string(changes).unwrap_or_else(|_| "[]".into());
    conn.execute(
        "INSERT INTO change_log (at, entity, entity_id, action, changes) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![super::now_text(), entity, entity_id, action, json],
    )?;
    Ok(())
}

/// The entries for one record, newest first.
pub(crate) fn entries(conn: &Connection, entity: &str, entity_id: i64) -> Result<Vec<LogEntry>> {
    let mut stmt = conn
        .prepare("SELECT at, action, changes FROM change_log WHERE entity = ?1 AND entity_id = ?2 ORDER BY id DESC")?;
    let rows = stmt.query_map(params![entity, entity_id], |r| {
        let json: String = r.get(2)?;
        Ok(LogEntry { at: r.get(0)?, action: r.get(1)?, changes: serde_json::from_str(&json).unwrap_or_default() })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One line of a record's history, ready to read (numbers masked by the
/// feature's [`Wording`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct HistoryEntry {
    /// `2026-11-27 10:31`
    pub at: String,
    pub action: String,
    pub action_label: String,
    pub summary: String,
}

/// How a feature words its history: a label per action (and a fixed
/// summary for actions without field changes), and one field change.
pub(crate) struct Wording {
    pub action: fn(&str) -> (&'static str, Option<&'static str>),
    pub change: fn(&FieldChange) -> String,
}

/// The history of one record, newest first.
pub(crate) fn history(conn: &Connection, entity: &str, entity_id: i64, w: &Wording) -> Result<Vec<HistoryEntry>> {
    Ok(entries(conn, entity, entity_id)?
        .into_iter()
        .map(|e| {
            let (label, fixed) = (w.action)(&e.action);
            let summary = match fixed {
                Some(text) => text.to_string(),
                None => e.changes.iter().map(w.change).collect::<Vec<_>>().join("；"),
            };
            HistoryEntry {
                at: e.at.get(..16).unwrap_or(&e.at).to_string(),
                action: e.action,
                action_label: label.into(),
                summary,
            }
        })
        .collect())
}
