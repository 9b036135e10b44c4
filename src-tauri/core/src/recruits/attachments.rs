//! Scans of a person's 发展党员 documents (入党申请书, 志愿书 pages, 政审
//! conclusions …), kept exactly like a meeting's photos: the file in
//! `<data folder>/attachments/` under its SHA-256, the original name and
//! the step it belongs to in the database.

use super::model::RecruitAttachment;
use crate::error::{Error, Result};
use crate::meetings::attachments::{attachment_row, take_off, Attachment};
use crate::store::{now_text, Store};
use rusqlite::{params, OptionalExtension};

impl Store {
    /// Keeps a file with the person (and the step, when given).
    pub fn add_recruit_attachment(
        &mut self,
        recruit_id: i64,
        step_id: Option<i64>,
        original_name: &str,
        bytes: &[u8],
    ) -> Result<Attachment> {
        let exists: bool = self.conn().query_row(
            "SELECT EXISTS(SELECT 1 FROM recruits WHERE id = ?1 AND deleted_at IS NULL)",
            [recruit_id],
            |r| r.get(0),
        )?;
        if !exists {
            return Err(Error::NotFound("发展党员记录"));
        }
        if let Some(step) = step_id {
            let ours: bool = self.conn().query_row(
                "SELECT EXISTS(SELECT 1 FROM recruit_steps WHERE id = ?1 AND recruit_id = ?2)",
                params![step, recruit_id],
                |r| r.get(0),
            )?;
            if !ours {
                return Err(Error::NotFound("这一步的记录"));
            }
        }
        let (sha, name) = self.store_attachment_file(original_name, bytes)?;
        self.conn().execute(
            "INSERT INTO recruit_attachments (recruit_id, step_id, sha256, original_name, size, added_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![recruit_id, step_id, sha, name, bytes.len() as i64, now_text()],
        )?;
        let id = self.conn().last_insert_rowid();
        self.recruit_attachments(recruit_id)?
            .into_iter()
            .find(|r| r.attachment.id == id)
            .map(|r| r.attachment)
            .ok_or(Error::NotFound("附件"))
    }

    /// A person's files, each with the step it belongs to.
    pub fn recruit_attachments(&self, recruit_id: i64) -> Result<Vec<RecruitAttachment>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, original_name, size, sha256, added_at, step_id FROM recruit_attachments
             WHERE recruit_id = ?1 AND deleted_at IS NULL ORDER BY id",
        )?;
        let rows = stmt.query_map([recruit_id], |r| {
            Ok(RecruitAttachment { attachment: attachment_row(r)?, step_id: r.get(5)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The stored bytes of a person's file, checked against their SHA-256.
    pub fn recruit_attachment_bytes(&self, id: i64) -> Result<(Attachment, Vec<u8>)> {
        let recruit: Option<i64> = self
            .conn()
            .query_row("SELECT recruit_id FROM recruit_attachments WHERE id = ?1 AND deleted_at IS NULL", [id], |r| {
                r.get(0)
            })
            .optional()?;
        let recruit = recruit.ok_or(Error::NotFound("附件"))?;
        let a = self
            .recruit_attachments(recruit)?
            .into_iter()
            .find(|r| r.attachment.id == id)
            .map(|r| r.attachment)
            .ok_or(Error::NotFound("附件"))?;
        let bytes = self.stored_attachment_bytes(&a)?;
        Ok((a, bytes))
    }

    /// Takes a file off the record; the file stays in the folder.
    pub fn remove_recruit_attachment(&mut self, id: i64) -> Result<()> {
        take_off(self.conn(), "recruit_attachments", id)
    }
}

#[cfg(test)]
mod tests {
    use crate::recruits::RecruitForm;
    use crate::Store;
    use chrono::NaiveDate;

    #[test]
    fn a_scan_is_kept_with_the_person_and_read_back_checked() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_dir(dir.path()).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let form = RecruitForm {
            name: "陈小兵".into(),
            id_number: "330424199805120035".into(),
            applied_on: "2026-03-01".into(),
            ..RecruitForm::default()
        };
        let f = store.create_recruit(&form, today).unwrap();
        let step = f.steps[0].id;
        let a = store.add_recruit_attachment(f.recruit.id, Some(step), "入党申请书.jpg", b"scan").unwrap();
        assert!(a.is_image);
        let (back, bytes) = store.recruit_attachment_bytes(a.id).unwrap();
        assert_eq!((back.original_name.as_str(), bytes.as_slice()), ("入党申请书.jpg", &b"scan"[..]));
        assert_eq!(store.recruit_attachments(f.recruit.id).unwrap()[0].step_id, Some(step));
        // A step of someone else is refused; an empty file too.
        assert!(store.add_recruit_attachment(f.recruit.id, Some(step + 99), "x.jpg", b"x").is_err());
        assert!(store.add_recruit_attachment(f.recruit.id, None, "x.jpg", b"").is_err());
        store.remove_recruit_attachment(a.id).unwrap();
        assert!(store.recruit_attachments(f.recruit.id).unwrap().is_empty());
        assert!(store.recruit_attachment_bytes(a.id).is_err());
    }
}
