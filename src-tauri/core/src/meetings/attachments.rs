//! Photos and scans attached to a meeting (签到表, 会议照片). Each file is
//! copied into `<data folder>/attachments/` under its SHA-256, so the same
//! photo attached twice is stored once and a file can be checked against
//! its name; the original name is kept in the database.

use crate::error::{Error, FieldErrors, Result};
use crate::store::{now_text, Store};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The largest file accepted (a phone photo is 2–8 MB; a scan rarely more).
pub const MAX_ATTACHMENT_BYTES: usize = 30 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Attachment {
    pub id: i64,
    pub original_name: String,
    pub size: i64,
    pub sha256: String,
    pub is_image: bool,
    pub added_at: String,
}

fn extension(name: &str) -> String {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .filter(|e| e.len() <= 5 && e.chars().all(|c| c.is_ascii_alphanumeric()))
        .unwrap_or_default()
}

/// The MIME type for the extensions a secretary attaches.
pub fn mime_of(name: &str) -> &'static str {
    match extension(name).as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        "bmp" => "image/bmp",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// A SHA-256 as stored: exactly 64 lowercase hexadecimal digits.
pub(crate) fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// An attachment read from a row of `id, original_name, size, sha256,
/// added_at` (the first five columns), a meeting's or a 发展党员's.
pub(crate) fn attachment_row(r: &rusqlite::Row) -> rusqlite::Result<Attachment> {
    let name: String = r.get(1)?;
    Ok(Attachment {
        id: r.get(0)?,
        is_image: mime_of(&name).starts_with("image/"),
        original_name: name,
        size: r.get(2)?,
        sha256: r.get(3)?,
        added_at: r.get(4)?,
    })
}

/// Marks attachment `id` of `table` removed (the file stays in the folder).
pub(crate) fn take_off(conn: &rusqlite::Connection, table: &'static str, id: i64) -> Result<()> {
    let n = conn.execute(
        &format!("UPDATE {table} SET deleted_at = ?1 WHERE id = ?2 AND deleted_at IS NULL"),
        params![now_text(), id],
    )?;
    if n == 0 {
        return Err(Error::NotFound("附件"));
    }
    Ok(())
}

/// The file name an attachment is kept under: its SHA-256 and extension.
/// The SHA-256 comes from the database, which may have been handed over in
/// an archive: anything but 64 hex digits could name a path outside the
/// folder (`../../…`, `/etc/…`) and is refused wherever a name is made.
pub(crate) fn stored_name(sha: &str, original: &str) -> Result<String> {
    if !is_sha256_hex(sha) {
        return Err(Error::Corrupt(format!(
            "附件“{}”的登记不正常（文件标识不是 64 位校验码），为安全起见没有读取",
            crate::text::clean(original).chars().take(40).collect::<String>()
        )));
    }
    Ok(match extension(original).as_str() {
        "" => sha.to_string(),
        ext => format!("{sha}.{ext}"),
    })
}

/// A table of attachments kept with one kind of record: the 走访慰问's
/// receipts (`care_attachments.visit_id`), a 志愿服务's photos
/// (`study_attachments.service_id`). Both names are the program's own.
#[derive(Clone, Copy)]
pub(crate) struct AttachedTo {
    pub table: &'static str,
    pub owner: &'static str,
}

impl Store {
    /// Stores the file and records it with record `owner_id` of `to`; the
    /// record itself is checked by the caller.
    pub(crate) fn attach(
        &mut self,
        to: AttachedTo,
        owner_id: i64,
        original_name: &str,
        bytes: &[u8],
    ) -> Result<Attachment> {
        let (sha, name) = self.store_attachment_file(original_name, bytes)?;
        self.conn().execute(
            &format!(
                "INSERT INTO {} ({}, sha256, original_name, size, added_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                to.table, to.owner
            ),
            params![owner_id, sha, name, bytes.len() as i64, now_text()],
        )?;
        let id = self.conn().last_insert_rowid();
        self.attached(to, owner_id)?.into_iter().find(|a| a.id == id).ok_or(Error::NotFound("附件"))
    }

    /// The attachments of record `owner_id`, in the order they were added.
    pub(crate) fn attached(&self, to: AttachedTo, owner_id: i64) -> Result<Vec<Attachment>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT id, original_name, size, sha256, added_at FROM {} WHERE {} = ?1 AND deleted_at IS NULL ORDER BY id",
            to.table, to.owner
        ))?;
        let rows = stmt.query_map([owner_id], attachment_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Attachment `id` of `to` and its stored bytes, checked against their SHA-256.
    pub(crate) fn attached_bytes(&self, to: AttachedTo, id: i64) -> Result<(Attachment, Vec<u8>)> {
        let a = self
            .conn()
            .query_row(
                &format!(
                    "SELECT id, original_name, size, sha256, added_at FROM {}
                     WHERE id = ?1 AND deleted_at IS NULL AND {} IS NOT NULL",
                    to.table, to.owner
                ),
                [id],
                attachment_row,
            )
            .optional()?
            .ok_or(Error::NotFound("附件"))?;
        let bytes = self.stored_attachment_bytes(&a)?;
        Ok((a, bytes))
    }

    /// Takes attachment `id` of `to` off its record; the file stays in the folder.
    pub(crate) fn detach(&mut self, to: AttachedTo, id: i64) -> Result<()> {
        let ours: bool = self.conn().query_row(
            &format!("SELECT EXISTS(SELECT 1 FROM {} WHERE id = ?1 AND {} IS NOT NULL)", to.table, to.owner),
            [id],
            |r| r.get(0),
        )?;
        if !ours {
            return Err(Error::NotFound("附件"));
        }
        take_off(self.conn(), to.table, id)
    }

    fn attachments_dir(&self) -> Result<PathBuf> {
        let db = self.path().ok_or(Error::NotFound("数据文件夹"))?;
        Ok(db.parent().unwrap_or(Path::new(".")).join("attachments"))
    }

    /// Checks a file and copies it into `attachments/` under its SHA-256
    /// (temporary name, flushed, renamed); the same file twice is stored
    /// once. Gives the SHA-256 and the cleaned original name. Shared by the
    /// meetings' and the 发展党员 attachments.
    pub(crate) fn store_attachment_file(&self, original_name: &str, bytes: &[u8]) -> Result<(String, String)> {
        let name = crate::text::clean(original_name);
        let mut e = FieldErrors::default();
        if name.is_empty() || name.chars().count() > 200 {
            e.add("attachment", "文件名不对，请重新选择文件");
        }
        if bytes.is_empty() {
            e.add("attachment", "这个文件是空的，请重新选择");
        } else if bytes.len() > MAX_ATTACHMENT_BYTES {
            e.add("attachment", "文件太大了（最大 30 MB）。照片可以先用手机或电脑压缩一下再添加");
        }
        e.into_result()?;
        let sha = format!("{:x}", Sha256::digest(bytes));
        let dir = self.attachments_dir()?;
        crate::scratch::private_dir(&dir)?;
        let target = dir.join(stored_name(&sha, &name)?);
        if !target.exists() {
            let tmp = dir.join(format!(".{sha}.tmp"));
            let write = || -> std::io::Result<()> {
                let mut f = std::fs::File::create(&tmp)?;
                f.write_all(bytes)?;
                f.sync_all()?;
                std::fs::rename(&tmp, &target)
            };
            if let Err(source) = write() {
                let _ = std::fs::remove_file(&tmp);
                return Err(Error::DataDir { path: dir, source });
            }
        }
        Ok((sha, name))
    }

    /// The bytes kept for an attachment, checked against their SHA-256.
    pub(crate) fn stored_attachment_bytes(&self, a: &Attachment) -> Result<Vec<u8>> {
        let path = self.attachments_dir()?.join(stored_name(&a.sha256, &a.original_name)?);
        let bytes = std::fs::read(&path).map_err(|source| Error::DataDir { path: path.clone(), source })?;
        if format!("{:x}", Sha256::digest(&bytes)) != a.sha256 {
            return Err(Error::Corrupt(format!("附件“{}”已损坏（内容与登记时不一致）", a.original_name)));
        }
        Ok(bytes)
    }

    /// Copies `bytes` into the data folder and records it with the meeting.
    /// The file is written under a temporary name, flushed, then renamed.
    pub fn add_attachment(&mut self, meeting_id: i64, original_name: &str, bytes: &[u8]) -> Result<Attachment> {
        let exists: bool = self.conn().query_row(
            "SELECT EXISTS(SELECT 1 FROM meetings WHERE id = ?1 AND deleted_at IS NULL)",
            [meeting_id],
            |r| r.get(0),
        )?;
        if !exists {
            return Err(Error::NotFound("会议记录"));
        }
        let (sha, name) = self.store_attachment_file(original_name, bytes)?;
        self.conn().execute(
            "INSERT INTO meeting_attachments (meeting_id, sha256, original_name, size, added_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![meeting_id, sha, name, bytes.len() as i64, now_text()],
        )?;
        let id = self.conn().last_insert_rowid();
        self.attachments(meeting_id)?.into_iter().find(|a| a.id == id).ok_or(Error::NotFound("附件"))
    }

    pub fn attachments(&self, meeting_id: i64) -> Result<Vec<Attachment>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, original_name, size, sha256, added_at FROM meeting_attachments
             WHERE meeting_id = ?1 AND deleted_at IS NULL ORDER BY id",
        )?;
        let rows = stmt.query_map([meeting_id], attachment_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The stored bytes of an attachment, checked against their SHA-256.
    pub fn attachment_bytes(&self, id: i64) -> Result<(Attachment, Vec<u8>)> {
        let row: Option<(i64, String)> = self
            .conn()
            .query_row("SELECT meeting_id, sha256 FROM meeting_attachments WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        let (meeting_id, _) = row.ok_or(Error::NotFound("附件"))?;
        let a = self.attachments(meeting_id)?.into_iter().find(|a| a.id == id).ok_or(Error::NotFound("附件"))?;
        let bytes = self.stored_attachment_bytes(&a)?;
        Ok((a, bytes))
    }

    /// Takes an attachment off the record; the file stays in the folder.
    pub fn remove_attachment(&mut self, id: i64) -> Result<()> {
        take_off(self.conn(), "meeting_attachments", id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_and_types() {
        assert_eq!(mime_of("签到表.JPG"), "image/jpeg");
        assert_eq!(mime_of("记录.pdf"), "application/pdf");
        assert_eq!(mime_of("noext"), "application/octet-stream");
        let sha = "ab".repeat(32);
        assert_eq!(stored_name(&sha, "x.PNG").unwrap(), format!("{sha}.png"));
        assert_eq!(stored_name(&sha, "x.tar.gz").unwrap(), format!("{sha}.gz"));
        assert_eq!(stored_name(&sha, "x.../../etc").unwrap(), sha);
    }

    #[test]
    fn a_stored_name_is_never_a_path() {
        for bad in ["../../victim", "/etc/passwd", "ab", &"AB".repeat(32), &format!("{}/", "a".repeat(63)), ""] {
            assert!(stored_name(bad, "x.png").is_err(), "{bad}");
        }
    }
}
