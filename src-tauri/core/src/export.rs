//! Exported files: their names and their careful writing, and the look
//! every .xlsx shares (font, A4, column letters). Shared by the
//! workbook, the notices, the import template and the archive, so none of
//! them imports another for it (issue 15, layout).

use crate::error::{Error, Result};
use chrono::NaiveDate;

/// The roster's sheet name (the first sheet of the 台账 workbook).
pub const ROSTER_SHEET: &str = "党员花名册";

/// 宋体 is on every Chinese Windows and in WPS; LibreOffice falls back to a
/// CJK serif font.
pub const FONT: &str = "宋体";
/// Paper size code for A4 in the xlsx page setup.
pub const A4: u8 = 9;

/// Excel's column letters: 0 → A, 26 → AA.
pub fn col_name(mut c: u16) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Writes `bytes` as `dir/name`: under a temporary name first, flushed to
/// disk, then renamed, so a half-written file never carries the real name.
pub fn write_export(dir: &std::path::Path, name: &str, bytes: &[u8]) -> Result<std::path::PathBuf> {
    use std::io::Write;
    std::fs::create_dir_all(dir).map_err(|source| Error::DataDir { path: dir.to_path_buf(), source })?;
    let target = dir.join(safe_file_name(name));
    let tmp = dir.join(format!(".{}.tmp", safe_file_name(name)));
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, &target)
    };
    write().map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        Error::Io { path: target.clone(), source }
    })?;
    Ok(target)
}

/// The one name of an exported 台账 (the window, the command line and the
/// archive all use it): the whole year's workbook, or one sheet of it —
/// the roster, being internal and changing daily, named by the day.
pub fn export_file_name(branch: &str, year: i32, sheet: Option<&str>, today: NaiveDate) -> String {
    safe_file_name(&match sheet {
        None => format!("{branch}{year}年度党建台账.xlsx"),
        Some(roster) if roster == ROSTER_SHEET => {
            format!("{branch}{roster}（内部资料）{}.xlsx", today.format("%Y%m%d"))
        }
        Some(sheet) => format!("{branch}{year}年度{sheet}.xlsx"),
    })
}

/// A file name legal on FAT/exFAT and Windows: no `\ / : * ? " < > |`.
pub fn safe_file_name(name: &str) -> String {
    name.chars().map(|c| if "\\/:*?\"<>|".contains(c) || c.is_control() { '_' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_is_named_by_branch_year_and_sheet_the_roster_by_the_day() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        assert_eq!(export_file_name("东山村支部", 2026, None, today), "东山村支部2026年度党建台账.xlsx");
        assert_eq!(
            export_file_name("东山村支部", 2026, Some(ROSTER_SHEET), today),
            format!("东山村支部{}（内部资料）20261202.xlsx", ROSTER_SHEET)
        );
        assert_eq!(
            export_file_name("东山村支部", 2025, Some("党费收缴台账"), today),
            "东山村支部2025年度党费收缴台账.xlsx"
        );
        assert_eq!(export_file_name("A/B:支部", 2026, None, today), "A_B_支部2026年度党建台账.xlsx");
    }
}
