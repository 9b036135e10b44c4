//! Receipt scans of a spending (凭证扫描件, docs/DOMAIN.md §9): kept like a
//! meeting's photos and a 发展党员's scans — the file in
//! `<data folder>/attachments/` under its SHA-256 (`store_attachment_file`),
//! a row in `care_attachments` with the spending, taken off with `take_off`.

use crate::error::{Error, Result};
use crate::meetings::attachments::{attachment_row, take_off, Attachment};
use crate::store::{now_text, Store};
use rusqlite::{params, OptionalExtension};

impl Store {
    /// Keeps a file with a spending (not deleted).
    pub fn add_spending_attachment(
        &mut self,
        spending_id: i64,
        original_name: &str,
        bytes: &[u8],
    ) -> Result<Attachment> {
        let exists: bool = self.conn().query_row(
            "SELECT EXISTS(SELECT 1 FROM dues_spending WHERE id = ?1 AND deleted_at IS NULL)",
            [spending_id],
            |r| r.get(0),
        )?;
        if !exists {
            return Err(Error::NotFound("支出记录"));
        }
        let (sha, name) = self.store_attachment_file(original_name, bytes)?;
        self.conn().execute(
            "INSERT INTO care_attachments (spending_id, sha256, original_name, size, added_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![spending_id, sha, name, bytes.len() as i64, now_text()],
        )?;
        let id = self.conn().last_insert_rowid();
        self.spending_attachments(spending_id)?.into_iter().find(|a| a.id == id).ok_or(Error::NotFound("附件"))
    }

    /// A spending's files, oldest first.
    pub fn spending_attachments(&self, spending_id: i64) -> Result<Vec<Attachment>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, original_name, size, sha256, added_at FROM care_attachments
             WHERE spending_id = ?1 AND deleted_at IS NULL ORDER BY id",
        )?;
        let rows = stmt.query_map([spending_id], attachment_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The stored bytes of a spending's file, checked against their SHA-256.
    pub fn spending_attachment_bytes(&self, id: i64) -> Result<(Attachment, Vec<u8>)> {
        let spending: Option<i64> = self
            .conn()
            .query_row(
                "SELECT spending_id FROM care_attachments WHERE id = ?1 AND spending_id IS NOT NULL AND deleted_at IS NULL",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        let spending = spending.ok_or(Error::NotFound("附件"))?;
        let a = self.spending_attachments(spending)?.into_iter().find(|a| a.id == id).ok_or(Error::NotFound("附件"))?;
        let bytes = self.stored_attachment_bytes(&a)?;
        Ok((a, bytes))
    }

    /// Takes a file off its spending; the file stays in the folder.
    pub fn remove_spending_attachment(&mut self, id: i64) -> Result<()> {
        let ours: bool = self.conn().query_row(
            "SELECT EXISTS(SELECT 1 FROM care_attachments WHERE id = ?1 AND spending_id IS NOT NULL)",
            [id],
            |r| r.get(0),
        )?;
        if !ours {
            return Err(Error::NotFound("附件"));
        }
        take_off(self.conn(), "care_attachments", id)
    }
}
