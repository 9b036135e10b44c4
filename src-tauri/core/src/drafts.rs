//! 草稿: what the secretary has typed into a long form and not yet saved
//! (会议记录 with its minutes, a member's file, a 公示's body), kept in the
//! data folder's `草稿/` while she types, so a crash or a power cut does not
//! lose it; the form offers it back ("恢复未保存的内容？") the next time it is
//! opened, and forgets it once saved or left on purpose (issue 17, item 1).
//!
//! Files, not the database: a draft is not a record of the branch (it is
//! never archived, restored or counted), and writing one must not touch
//! the records. Each is written under a hidden name, flushed, and renamed,
//! so a power cut leaves the old draft or the new one, never half of one.

use crate::error::{Error, Result};
use chrono::{DateTime, Local};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The folder of drafts in the data folder.
pub const DRAFT_DIR: &str = "草稿";

/// The largest draft kept (a year's minutes are far smaller).
const MAX_BYTES: usize = 2 * 1024 * 1024;

/// A kept draft: the form as the page holds it, and when it was kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Draft {
    pub body: String,
    /// e.g. 2026-12-02 14:05
    pub saved_at: String,
}

/// The file of a draft. A key names a form (`meeting:new`, `meeting:12`,
/// `member:new`, `notice:general`): letters, digits, `:`, `-` and `_`
/// only, at most 64 — anything else is refused, so a key never leads out
/// of the folder.
fn file_of(data_dir: &Path, key: &str) -> Result<PathBuf> {
    let ok = !key.is_empty()
        && key.len() <= 64
        && key.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, ':' | '-' | '_'));
    if !ok {
        return Err(Error::NotAllowed("草稿的名字不对。".into()));
    }
    Ok(data_dir.join(DRAFT_DIR).join(format!("{}.json", key.replace(':', "_"))))
}

/// Keeps `body` as the draft of `key`, replacing the one before.
pub fn save_draft(data_dir: &Path, key: &str, body: &str) -> Result<()> {
    if body.len() > MAX_BYTES {
        return Err(Error::NotAllowed("填写的内容太长，草稿没有保存；请先保存一部分。".into()));
    }
    let file = file_of(data_dir, key)?;
    let dir = file.parent().unwrap_or(data_dir);
    std::fs::create_dir_all(dir).map_err(|source| Error::DataDir { path: dir.to_path_buf(), source })?;
    let tmp = dir.join(format!(".{}.tmp", key.replace(':', "_")));
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(body.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, &file)
    };
    write().map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        Error::Io { path: file.clone(), source }
    })
}

/// The draft of `key`, if one was kept.
pub fn load_draft(data_dir: &Path, key: &str) -> Result<Option<Draft>> {
    let file = file_of(data_dir, key)?;
    let body = match std::fs::read(&file) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(Error::Io { path: file, source }),
    };
    let saved_at = std::fs::metadata(&file)
        .and_then(|m| m.modified())
        .map(|t| DateTime::<Local>::from(t).format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default();
    Ok(Some(Draft { body, saved_at }))
}

/// Forgets the draft of `key` (saved, or left on purpose).
pub fn clear_draft(data_dir: &Path, key: &str) -> Result<()> {
    let file = file_of(data_dir, key)?;
    match std::fs::remove_file(&file) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(Error::Io { path: file, source }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_is_kept_replaced_and_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load_draft(dir.path(), "meeting:new").unwrap(), None);
        save_draft(dir.path(), "meeting:new", r#"{"minutes":"书记通报"}"#).unwrap();
        save_draft(dir.path(), "meeting:new", r#"{"minutes":"书记通报情况，大家讨论"}"#).unwrap();
        let d = load_draft(dir.path(), "meeting:new").unwrap().unwrap();
        assert_eq!(d.body, r#"{"minutes":"书记通报情况，大家讨论"}"#);
        assert_eq!(d.saved_at.len(), "2026-12-02 14:05".len());
        // One file a form, and no leftover of the writing.
        let names: Vec<_> =
            std::fs::read_dir(dir.path().join(DRAFT_DIR)).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("meeting_new.json")]);
        assert_eq!(load_draft(dir.path(), "meeting:12").unwrap(), None, "another form's draft is its own");
        clear_draft(dir.path(), "meeting:new").unwrap();
        assert_eq!(load_draft(dir.path(), "meeting:new").unwrap(), None);
        clear_draft(dir.path(), "meeting:new").unwrap();
    }

    #[test]
    fn a_key_never_leads_out_of_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        for key in ["../zhibu", "a/b", "", "草稿", "x.json", &"k".repeat(65)] {
            assert!(matches!(save_draft(dir.path(), key, "{}"), Err(Error::NotAllowed(_))), "{key}");
            assert!(load_draft(dir.path(), key).is_err(), "{key}");
        }
        assert!(!dir.path().join("zhibu").exists());
    }

    #[test]
    fn a_vast_draft_is_refused_and_the_old_one_kept() {
        let dir = tempfile::tempdir().unwrap();
        save_draft(dir.path(), "notice:general", "旧的").unwrap();
        assert!(save_draft(dir.path(), "notice:general", &"字".repeat(MAX_BYTES)).is_err());
        assert_eq!(load_draft(dir.path(), "notice:general").unwrap().unwrap().body, "旧的");
    }
}
