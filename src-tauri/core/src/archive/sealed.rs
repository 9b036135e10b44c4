//! The encrypted form of an archive: the same folder, zipped and encrypted
//! with a passphrase (age, scrypt), as one file `<name>.zhibu.age` with
//! `<name>_说明.txt` beside it.
//!
//! scrypt work factor: age picks one that takes about a second on the
//! machine that encrypts, which here meant about 1 GB of memory — too much
//! for a 4 GB office PC that must open it years later. We fix
//! [`WORK_FACTOR`] = 17 (N = 2^17: 128 MiB, measured in docs/PERFORMANCE.md)
//! and accept files up to [`MAX_WORK_FACTOR`] when opening.

use super::{safe_relative, sink::Sink, verify_archive, ArchiveDone, Manifest, Progress, MANIFEST, README, SUMS};
use crate::error::{Error, Result};
use crate::store::Store;
use age::secrecy::SecretString;
use chrono::NaiveDate;
use std::io::Write;
use std::path::{Path, PathBuf};

pub const WORK_FACTOR: u8 = 17;
/// 2^18 = 256 MiB of memory at most per try: ours are made at 17; a file
/// asking for more is not ours, and 20 would cost 1 GB on a 4 GB PC.
pub const MAX_WORK_FACTOR: u8 = 18;

/// The age header (one scrypt stanza) is a few hundred bytes; a longer one is
/// not ours (and age's parser takes minutes on a crafted long stanza).
const MAX_HEADER: usize = 4096;
/// The manifest of one year's archive is a few KB.
const MAX_MANIFEST: u64 = 1 << 20;
pub const SEALED_SUFFIX: &str = ".zhibu.age";

fn zip_err(e: zip::result::ZipError) -> Error {
    Error::Archive(format!("打包归档时出错（{e}）。请重试。"))
}

/// Zips every file under `dir` (paths relative to it) into `out`.
fn zip_dir(dir: &Path, out: impl Write + std::io::Seek) -> Result<()> {
    let mut zip = zip::ZipWriter::new(out);
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut stack = vec![dir.to_path_buf()];
    let mut files = Vec::new();
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).map_err(Error::at(&d))? {
            let e = e.map_err(Error::at(&d))?;
            if e.file_type().map_err(Error::at(&d))?.is_dir() {
                stack.push(e.path());
            } else {
                files.push(e.path());
            }
        }
    }
    files.sort();
    for f in files {
        let rel = f.strip_prefix(dir).unwrap_or(&f).to_string_lossy().replace('\\', "/");
        zip.start_file(rel, options).map_err(zip_err)?;
        let mut src = std::fs::File::open(&f).map_err(Error::at(&f))?;
        std::io::copy(&mut src, &mut zip).map_err(Error::at(&f))?;
    }
    zip.finish().map_err(zip_err)?;
    Ok(())
}

fn encrypt_file(plain: &Path, sealed: &Path, passphrase: &str) -> Result<()> {
    let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_string()));
    recipient.set_work_factor(WORK_FACTOR);
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
        .map_err(|e| Error::Archive(format!("加密失败（{e}）")))?;
    let out = std::fs::File::create(sealed).map_err(Error::at(sealed))?;
    let mut writer = encryptor.wrap_output(std::io::BufWriter::new(out)).map_err(Error::at(sealed))?;
    let mut src = std::fs::File::open(plain).map_err(Error::at(plain))?;
    std::io::copy(&mut src, &mut writer).map_err(Error::at(sealed))?;
    writer.finish().and_then(|mut w| w.flush()).map_err(Error::at(sealed))?;
    Ok(())
}

/// An archive opened for reading: its folder, and the scratch folder to
/// remove afterwards when it came from an encrypted file.
pub struct Opened {
    pub dir: PathBuf,
    _scratch: Option<tempfile::TempDir>,
}

/// Opens an archive folder as it is, or decrypts and unpacks an encrypted
/// archive into a scratch folder.
pub fn open_archive(path: &Path, passphrase: Option<&str>) -> Result<Opened> {
    if path.is_dir() {
        return Ok(Opened { dir: path.to_path_buf(), _scratch: None });
    }
    if !path.is_file() {
        return Err(Error::Archive(format!("找不到 {}（U盘可能已被拔出）。请插好U盘后重新选择。", path.display())));
    }
    let Some(passphrase) = passphrase.filter(|p| !p.is_empty()) else {
        return Err(Error::Archive("这是加密的归档文件，请输入归档时设置的密码。".into()));
    };
    let scratch = crate::scratch::tempdir()?;
    let not_ours = || Error::NotAnArchive(format!("{} 不是支部台账的加密归档，或文件已损坏。", path.display()));
    let sealed_len = std::fs::metadata(path).map_err(Error::at(path))?.len();
    {
        // The header must be short and well formed before age parses it.
        use std::io::Read;
        let mut head = Vec::with_capacity(MAX_HEADER);
        std::fs::File::open(path)
            .map_err(Error::at(path))?
            .take(MAX_HEADER as u64)
            .read_to_end(&mut head)
            .map_err(Error::at(path))?;
        let text = String::from_utf8_lossy(&head);
        if !text.starts_with("age-encryption.org/v1\n") || !text.contains("\n--- ") {
            return Err(not_ours());
        }
    }
    let file = std::fs::File::open(path).map_err(Error::at(path))?;
    let decryptor = age::Decryptor::new_buffered(std::io::BufReader::new(file)).map_err(|_| not_ours())?;
    let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_string()));
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let mut reader = decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)).map_err(|e| match e {
        age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys => Error::WrongPassphrase,
        _ => not_ours(),
    })?;
    let zip_path = scratch.path().join("archive.zip");
    {
        // age does not compress: the zip inside is no larger than the file.
        use std::io::Read;
        let mut out = std::fs::File::create(&zip_path).map_err(Error::at(&zip_path))?;
        let copied = std::io::copy(&mut (&mut reader).take(sealed_len + 1), &mut out).map_err(|_| not_ours())?;
        if copied > sealed_len {
            return Err(not_ours());
        }
    }
    let dir = scratch.path().join("archive");
    let zip =
        zip::ZipArchive::new(std::fs::File::open(&zip_path).map_err(Error::at(&zip_path))?).map_err(|_| not_ours())?;
    extract_listed(zip, &dir).map_err(|_| not_ours())?;
    Ok(Opened { dir, _scratch: Some(scratch) })
}

/// The archive the secretary has just checked (检查), kept opened until she
/// restores it (恢复), so an encrypted file is decrypted once per restore
/// rather than twice (issue 14, item 8): scrypt costs seconds and 128 MiB
/// per try on an office PC. Kept only while the file on the stick is the
/// same (size and time) and the passphrase is the same (its SHA-256 is
/// compared; the passphrase itself is not kept). The decrypted copy lives in
/// this process's private scratch folder and goes with [`OpenedOnce::take`],
/// the next check, or the process.
#[derive(Default)]
pub struct OpenedOnce {
    slot: std::sync::Mutex<Option<(OpenedKey, Opened)>>,
}

#[derive(Debug, PartialEq)]
struct OpenedKey {
    path: PathBuf,
    len: u64,
    modified: Option<std::time::SystemTime>,
    passphrase: [u8; 32],
}

impl OpenedKey {
    fn of(path: &Path, passphrase: Option<&str>) -> Option<OpenedKey> {
        use sha2::Digest;
        let meta = std::fs::metadata(path).ok().filter(|m| m.is_file())?;
        Some(OpenedKey {
            path: path.to_path_buf(),
            len: meta.len(),
            modified: meta.modified().ok(),
            passphrase: sha2::Sha256::digest(passphrase.unwrap_or("").as_bytes()).into(),
        })
    }
}

impl OpenedOnce {
    /// Opens the archive, runs `look` on it and keeps it opened when it is
    /// an encrypted file (a folder costs nothing to open again).
    pub fn check<T>(&self, path: &Path, passphrase: Option<&str>, look: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
        let mut slot = self.slot.lock().unwrap_or_else(|p| p.into_inner());
        *slot = None; // an earlier check's copy goes first
        let opened = open_archive(path, passphrase)?;
        let answer = look(&opened.dir)?;
        if let Some(key) = OpenedKey::of(path, passphrase) {
            *slot = Some((key, opened));
        }
        Ok(answer)
    }

    /// The archive as checked, if it still is the same file and passphrase;
    /// otherwise opened anew. Either way nothing stays kept.
    pub fn take(&self, path: &Path, passphrase: Option<&str>) -> Result<Opened> {
        let kept = self.slot.lock().unwrap_or_else(|p| p.into_inner()).take();
        match kept {
            Some((key, opened)) if OpenedKey::of(path, passphrase).as_ref() == Some(&key) => Ok(opened),
            _ => open_archive(path, passphrase),
        }
    }
}

/// Unpacks only what the archive's own manifest lists (with the manifest,
/// SHA256SUMS and 说明), each no larger than the manifest says, into `dir`:
/// no zip bomb, no name outside the folder, no link (issue 14, item 8).
fn extract_listed(mut zip: zip::ZipArchive<std::fs::File>, dir: &Path) -> std::result::Result<(), ()> {
    use std::io::Read;
    let manifest: Manifest = {
        let entry = zip.by_name(MANIFEST).map_err(|_| ())?;
        if entry.size() > MAX_MANIFEST {
            return Err(());
        }
        let mut text = String::new();
        entry.take(MAX_MANIFEST).read_to_string(&mut text).map_err(|_| ())?;
        serde_json::from_str(&text).map_err(|_| ())?
    };
    let mut allowed: std::collections::HashMap<String, u64> =
        manifest.files.iter().map(|f| (f.path.clone(), f.size)).collect();
    for small in [MANIFEST, SUMS, README] {
        allowed.insert(small.to_string(), MAX_MANIFEST);
    }
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(|_| ())?;
        let name = entry.name().to_string();
        let Some(&limit) = allowed.get(&name) else { continue };
        if entry.is_dir() || entry.is_symlink() || !safe_relative(&name) || entry.size() > limit {
            return Err(());
        }
        let target = dir.join(&name);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|_| ())?;
        }
        let mut out = std::fs::File::create(&target).map_err(|_| ())?;
        let written = std::io::copy(&mut entry.take(limit + 1), &mut out).map_err(|_| ())?;
        if written > limit {
            return Err(());
        }
    }
    Ok(())
}

impl Store {
    /// The archive as one encrypted file on the stick, with its 说明 beside
    /// it. Made as a verified folder in a local scratch folder first, then
    /// zipped, encrypted, written through the careful writer, decrypted
    /// again from the stick and verified, and only then renamed.
    pub fn create_sealed_archive(
        &self,
        year: i32,
        dest: &Path,
        today: NaiveDate,
        app_version: &str,
        passphrase: &str,
        progress: &Progress,
    ) -> Result<ArchiveDone> {
        super::check_target(dest, Some(passphrase))?;
        self.prepare_archive(year, today, app_version)?.write_sealed(dest, passphrase, progress)
    }
}

impl super::PreparedArchive {
    /// [`write`](Self::write), as one encrypted file; see
    /// [`Store::create_sealed_archive`]. Needs no store.
    pub fn write_sealed(&self, dest: &Path, passphrase: &str, progress: &Progress) -> Result<ArchiveDone> {
        super::check_target(dest, Some(passphrase))?;
        let scratch = crate::scratch::tempdir()?;
        let folder = PathBuf::from(self.write(scratch.path(), progress)?.path);
        let name = folder.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let zip_path = scratch.path().join("archive.zip");
        zip_dir(&folder, std::fs::File::create(&zip_path).map_err(Error::at(&zip_path))?)?;
        let sealed_local = scratch.path().join("archive.age");
        encrypt_file(&zip_path, &sealed_local, passphrase)?;

        let base = super::unused_name(&name, |n| dest.join(format!("{n}{SEALED_SUFFIX}")).exists());
        let final_file = dest.join(format!("{base}{SEALED_SUFFIX}"));
        let final_readme = dest.join(format!("{base}_{README}"));
        let tmp_file = dest.join(format!("{base}{SEALED_SUFFIX}（未完成，可删除）"));
        let tmp_readme = dest.join(format!("{base}_{README}（未完成，可删除）"));
        let mut note = std::fs::read_to_string(folder.join(README)).unwrap_or_default();
        note.insert_str(
            0,
            &format!(
                "本归档已加密：{base}{SEALED_SUFFIX} 需要归档时设置的密码才能打开。\r\n\
                 用支部台账打开：归档备份 → 校验归档 / 从归档恢复，选择这个文件并输入密码。\r\n\
                 没有软件时，也可以用开源工具 age（rage）解密：age -d -o 归档.zip 文件名，再解压。\r\n\r\n"
            ),
        );
        let cleanup = || {
            let _ = std::fs::remove_file(&tmp_file);
            let _ = std::fs::remove_file(&tmp_readme);
        };
        let mut sink = Sink::new(progress, None);
        let size = std::fs::metadata(&sealed_local).map(|m| m.len()).unwrap_or(0);
        progress.total.store(size + note.len() as u64, std::sync::atomic::Ordering::Relaxed);
        progress.written.store(0, std::sync::atomic::Ordering::Relaxed);
        super::check_space(dest, size + note.len() as u64)?;
        let result = (|| {
            let mut src = std::fs::File::open(&sealed_local).map_err(Error::at(&sealed_local))?;
            sink.write_file(&tmp_file, &mut src).map_err(|e| sink.error(&tmp_file, e))?;
            sink.write_file(&tmp_readme, &mut note.as_bytes()).map_err(|e| sink.error(&tmp_readme, e))?;
            sink.sync_dirs(dest).map_err(|e| sink.error(dest, e))?;
            // Read it back from the stick: decrypt, unpack, check every file.
            let opened = open_archive(&tmp_file, Some(passphrase))?;
            let report = verify_archive(&opened.dir)?;
            if !report.ok {
                return Err(Error::Archive(format!(
                    "写入U盘后读回核对不一致（{}）。U盘可能有坏块，请换一个U盘再试。",
                    report.bad_files.join("、")
                )));
            }
            sink.rename(&tmp_readme, &final_readme).map_err(|e| sink.error(&final_readme, e))?;
            sink.rename(&tmp_file, &final_file).map_err(|e| sink.error(&final_file, e))?;
            tracing::info!("加密年度归档已写入并核对：{}", final_file.display());
            Ok(ArchiveDone { path: final_file.display().to_string(), size, files: 1 })
        })();
        if result.is_err() {
            cleanup();
            let _ = std::fs::remove_file(&final_readme);
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A zip of `entries` (name, bytes), encrypted as ours are.
    fn sealed(dir: &Path, entries: &[(&str, Vec<u8>)]) -> PathBuf {
        let zip_path = dir.join("x.zip");
        {
            let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
            let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
            for (name, bytes) in entries {
                zip.start_file(*name, options).unwrap();
                zip.write_all(bytes).unwrap();
            }
            zip.finish().unwrap();
        }
        let out = dir.join("x.zhibu.age");
        encrypt_file(&zip_path, &out, "secret-pass").unwrap();
        out
    }

    fn manifest(files: &[(&str, u64)]) -> Vec<u8> {
        let files: Vec<serde_json::Value> =
            files.iter().map(|(p, size)| serde_json::json!({"path": p, "size": size, "sha256": "0"})).collect();
        serde_json::to_vec(&serde_json::json!({
            "app": "zhibu", "app_version": "0", "schema_version": 5, "created_at": "", "branch": "", "year": 2026,
            "files": files
        }))
        .unwrap()
    }

    #[test]
    fn a_zip_bomb_inside_an_encrypted_archive_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        // The manifest says 10 bytes; the entry unpacks to 64 MiB of zeros.
        let bomb = sealed(
            dir.path(),
            &[(MANIFEST, manifest(&[("数据库/zhibu.sqlite3", 10)])), ("数据库/zhibu.sqlite3", vec![0u8; 64 << 20])],
        );
        assert!(std::fs::metadata(&bomb).unwrap().len() < 1 << 20, "small on the stick");
        let err = open_archive(&bomb, Some("secret-pass")).err().expect("refused");
        assert!(err.to_string().contains("不是支部台账的加密归档"), "{err}");
    }

    #[test]
    fn only_listed_files_are_unpacked() {
        let dir = tempfile::tempdir().unwrap();
        let path = sealed(
            dir.path(),
            &[
                (MANIFEST, manifest(&[("数据库/zhibu.sqlite3", 3)])),
                ("数据库/zhibu.sqlite3", b"abc".to_vec()),
                ("附件/unlisted.jpg", b"not in the manifest".to_vec()),
            ],
        );
        let opened = open_archive(&path, Some("secret-pass")).unwrap();
        assert_eq!(std::fs::read(opened.dir.join("数据库/zhibu.sqlite3")).unwrap(), b"abc");
        assert!(!opened.dir.join("附件/unlisted.jpg").exists());
    }

    #[test]
    fn a_long_header_is_refused_before_age_reads_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("long.zhibu.age");
        let mut bytes = b"age-encryption.org/v1\n-> scrypt ".to_vec();
        bytes.extend(std::iter::repeat_n(b'A', 1 << 20));
        std::fs::write(&path, bytes).unwrap();
        let err = open_archive(&path, Some("secret-pass")).err().expect("refused");
        assert!(err.to_string().contains("不是支部台账的加密归档"), "{err}");
    }

    #[test]
    fn a_checked_archive_is_decrypted_once_for_its_restore() {
        let dir = tempfile::tempdir().unwrap();
        let files = [(MANIFEST, manifest(&[("数据库/zhibu.sqlite3", 3)])), ("数据库/zhibu.sqlite3", b"abc".to_vec())];
        let path = sealed(dir.path(), &files);
        let once = OpenedOnce::default();
        let checked_in = once.check(&path, Some("secret-pass"), |d| Ok(d.to_path_buf())).unwrap();
        let taken = once.take(&path, Some("secret-pass")).unwrap();
        assert_eq!(taken.dir, checked_in, "the copy decrypted for the check is the one restored");
        drop(taken);
        assert!(!checked_in.exists(), "the decrypted copy goes with the restore");
        // Taken once: a second restore decrypts anew (into a new scratch folder).
        let again = once.take(&path, Some("secret-pass")).unwrap();
        assert_ne!(again.dir, checked_in);
        // Another passphrase, or the file changed on the stick: opened anew.
        once.check(&path, Some("secret-pass"), |_| Ok(())).unwrap();
        assert!(once.take(&path, Some("wrong")).is_err(), "a wrong passphrase is not let through by the kept copy");
        let kept = once.check(&path, Some("secret-pass"), |d| Ok(d.to_path_buf())).unwrap();
        let other = sealed(
            dir.path(),
            &[(MANIFEST, manifest(&[("数据库/zhibu.sqlite3", 4)])), ("数据库/zhibu.sqlite3", b"abcd".to_vec())],
        );
        std::fs::rename(&other, &path).unwrap();
        let fresh = once.take(&path, Some("secret-pass")).unwrap();
        assert_ne!(fresh.dir, kept);
        assert_eq!(std::fs::read(fresh.dir.join("数据库/zhibu.sqlite3")).unwrap(), b"abcd");
    }
}
