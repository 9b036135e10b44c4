//! The app's log (docs/RELIABILITY.md, "A log to hand over"): what happened
//! at start-up, to backups, migrations, archives and imports, and every
//! error returned to the page — so a secretary can hand a file to whoever
//! helps her. One file a day under `<data folder>/日志/`, a week kept,
//! private like the data (0700). Every line passes the same masking as a
//! 公示 (`notices::mask_public_text`) on its way to the file, so no full ID
//! or mobile number can be written, whatever an event carries.

use std::io::Write;
use std::path::{Path, PathBuf};
use tracing_appender::rolling::{RollingFileAppender, RollingWriter, Rotation};
use tracing_subscriber::fmt::MakeWriter;

/// The log folder's name inside the data folder.
pub const LOG_DIR: &str = "日志";
/// Days of log kept.
const KEEP_FILES: usize = 7;

pub fn log_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(LOG_DIR)
}

/// Starts logging into `<data_dir>/日志/zhibu.YYYY-MM-DD.log`. Nothing
/// happens when the folder cannot be made (a read-only stick): the app works
/// on without a log. Only the first call in a process takes effect.
pub fn init(data_dir: &Path) {
    let dir = log_dir(data_dir);
    if zhibu_core::scratch::private_dir(&dir).is_err() {
        return;
    }
    let Ok(appender) = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix("zhibu")
        .filename_suffix("log")
        .max_log_files(KEEP_FILES)
        .build(&dir)
    else {
        return;
    };
    let _ = tracing_subscriber::fmt()
        .with_ansi(false)
        .with_target(false)
        // The office's own clock, as the secretary reads it.
        .with_timer(tracing_subscriber::fmt::time::ChronoLocal::new("%Y-%m-%d %H:%M:%S".into()))
        .with_max_level(tracing::Level::INFO)
        .with_writer(MaskedFile(appender))
        .try_init();
}

/// The day's file, each line masked on its way in.
struct MaskedFile(RollingFileAppender);

impl<'a> MakeWriter<'a> for MaskedFile {
    type Writer = Masked<RollingWriter<'a>>;
    fn make_writer(&'a self) -> Self::Writer {
        Masked(self.0.make_writer())
    }
}

/// A writer that masks ID and mobile numbers before they reach the file
/// (the formatter writes each event as one line in one call).
pub struct Masked<W: Write>(W);

impl<W: Write> Write for Masked<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        self.0.write_all(zhibu_core::notices::mask_public_text(&text).as_bytes())?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_full_id_or_mobile_number_reaches_the_log() {
        let mut out = Masked(Vec::new());
        let line = "WARN validation：身份证号 110105194912310021 与 手机 138 1234 5678 不符，2026-12-02\n";
        out.write_all(line.as_bytes()).unwrap();
        let written = String::from_utf8(out.0).unwrap();
        assert!(written.contains("110105********0021"), "{written}");
        assert!(!written.contains("138 1234 5678"), "{written}");
        assert!(written.contains("2026-12-02"), "dates stay: {written}");
    }
}
