//! Reading a spreadsheet as people keep them: .xlsx, .xls (calamine) and
//! .csv (UTF-8 or the GBK that Excel writes on Chinese Windows), merged
//! cells filled in from their top-left cell. A parser panic on a hostile
//! file becomes an error; nothing here can bring the app down.

use crate::error::{Error, Result};
use calamine::{Data, Reader};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::io::Cursor;

/// The most data rows an import reads (a branch has tens, a township hundreds).
pub const MAX_ROWS: usize = 5_000;
/// The most columns looked at.
pub const MAX_COLS: usize = 60;
/// The largest file accepted.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, numbers without a trailing `.0`.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => format!("{n}"),
            Cell::Date(d) => d.to_string(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

pub(super) fn bad_file(name: &str) -> Error {
    Error::Import(format!(
        "读不出“{name}”：它不是 Excel/WPS 表格（.xlsx、.xls）或 .csv 文件，或者文件已损坏。请在 WPS 里打开它，另存为 .xlsx 后再导入。"
    ))
}

fn cell_of(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Float(f) if f.is_finite() => Cell::Number(*f),
        Data::Float(f) => Cell::Text(f.to_string()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Text(if *b { "是" } else { "否" }.into()),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(t) if dt.is_datetime() => Cell::Date(t.date()),
            _ => Cell::Number(dt.as_f64()),
        },
        Data::DateTimeIso(s) => NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d")
            .map(Cell::Date)
            .unwrap_or_else(|_| Cell::Text(s.clone())),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(_) => Cell::Text("#错误".into()),
    }
}

/// Every sheet of the file, as rows of cells (at most [`MAX_ROWS`] + a header area).
///
/// In the app and the command line the file is read in a child process
/// (`super::isolate`): a file that makes the parser abort or run away ends
/// that process only, and the answer is "无法读取这个文件".
pub fn read_file(bytes: &[u8], file_name: &str) -> Result<Vec<Sheet>> {
    if bytes.len() > MAX_BYTES {
        return Err(Error::Import(format!("“{file_name}”太大了（超过 20 MB），不像是党员名册。请确认选对了文件。")));
    }
    match super::isolate::program() {
        Some(program) => super::isolate::read_in_child(program, bytes, file_name),
        None => read_here(bytes, file_name),
    }
}

/// [`read_file`] in this process (the child's side, and the core's tests).
pub(super) fn read_here(bytes: &[u8], file_name: &str) -> Result<Vec<Sheet>> {
    if bytes.len() > MAX_BYTES {
        return Err(Error::Import(format!("“{file_name}”太大了（超过 20 MB），不像是党员名册。请确认选对了文件。")));
    }
    let ext = file_name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    let bytes = bytes.to_vec();
    let name = file_name.to_string();
    // A parser panic becomes an error; an abort is the child process's alone.
    let read = std::panic::catch_unwind(move || {
        if ext == "csv" || ext == "txt" {
            Ok(vec![Sheet { name: "CSV".into(), rows: read_csv(&bytes, &name)? }])
        } else {
            read_workbook(&bytes, &name)
        }
    });
    match read {
        Ok(r) => r,
        Err(_) => Err(bad_file(file_name)),
    }
}

/// The largest part of an .xlsx read (a sheet's XML, the shared strings).
const MAX_PART: u64 = 32 * 1024 * 1024;
/// The furthest row and column a sheet may use: calamine makes a grid from
/// the first to the last used cell, so one cell at XFD1048576 would ask for
/// 512 GiB (issue 14, item 3).
const MAX_SHEET_ROW: u64 = 20_000;
const MAX_SHEET_COL: u64 = 500;
/// The most cells (`<c>`) and shared strings a sheet may hold.
const MAX_CELLS: usize = 2_000_000;

/// Looks inside an .xlsx before calamine does, and refuses what would make
/// it allocate more than a roster needs: a part larger than [`MAX_PART`]
/// (by what the zip says and by what it really holds), a cell beyond
/// [`MAX_SHEET_ROW`]/[`MAX_SHEET_COL`], or millions of cells or strings.
fn check_xlsx_size(bytes: &[u8], name: &str) -> Result<()> {
    use std::io::Read;
    let too_big = || {
        Error::Import(format!(
            "“{name}”里的表格大得不像党员名册（行、列或内容太多），没有读取。请在 WPS 里只保留名册那几列和那些行，另存为 .xlsx 后再导入。"
        ))
    };
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else { return Ok(()) }; // not a zip: an .xls, calamine decides
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index(i) else { return Err(bad_file(name)) };
        let part = entry.name().to_string();
        let is_sheet = part.starts_with("xl/worksheets/") && part.ends_with(".xml");
        if !(is_sheet || part == "xl/sharedStrings.xml") {
            continue;
        }
        if entry.size() > MAX_PART {
            return Err(too_big());
        }
        let mut xml = Vec::new();
        entry.take(MAX_PART + 1).read_to_end(&mut xml).map_err(|_| bad_file(name))?;
        if xml.len() as u64 > MAX_PART {
            return Err(too_big());
        }
        let text = String::from_utf8_lossy(&xml);
        if is_sheet {
            if text.matches("<c ").count() + text.matches("<c>").count() > MAX_CELLS {
                return Err(too_big());
            }
            // Every cell and row reference, and the <dimension> a reader may size its grid by.
            let dimension = text.split("<dimension ref=\"").nth(1).and_then(|r| r.split('"').next()).unwrap_or("");
            let dims = dimension.split(':').filter_map(|c| cell_refs(&format!(" r=\"{c}\"")).next());
            for (row, col) in cell_refs(&text).chain(dims.collect::<Vec<_>>()) {
                if row > MAX_SHEET_ROW || col > MAX_SHEET_COL {
                    return Err(too_big());
                }
            }
        } else {
            // The strings, and the counts a reader may reserve room for.
            let declared = ["count=\"", "uniqueCount=\""].iter().filter_map(|a| {
                text.split(a).nth(1).and_then(|r| r.split('"').next()).and_then(|n| n.parse::<u64>().ok())
            });
            if declared.max().unwrap_or(0) > MAX_CELLS as u64
                || text.matches("<si>").count() + text.matches("<si ").count() + text.matches("<si/>").count()
                    > MAX_CELLS
            {
                return Err(too_big());
            }
        }
    }
    Ok(())
}

/// Every `r="…"` of a sheet's XML as (row, column), 1-based: a cell's
/// `A1`-style reference, or a row's number.
fn cell_refs(xml: &str) -> impl Iterator<Item = (u64, u64)> + '_ {
    xml.split(" r=\"").skip(1).filter_map(|rest| {
        let value = rest.split('"').next()?;
        let letters = value.chars().take_while(|c| c.is_ascii_alphabetic()).count();
        let (col, row) = value.split_at(letters);
        let row: u64 = row.parse().ok()?;
        let col = col
            .chars()
            .fold(0u64, |n, c| n.saturating_mul(26).saturating_add(u64::from(c.to_ascii_uppercase() as u8 - b'A' + 1)));
        Some((row, col))
    })
}

fn read_workbook(bytes: &[u8], name: &str) -> Result<Vec<Sheet>> {
    check_xlsx_size(bytes, name)?;
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|_| bad_file(name))?;
    let names = book.sheet_names();
    let mut out = Vec::new();
    for sheet in names {
        let Ok(range) = book.worksheet_range(&sheet) else { continue };
        let (h, w) = range.get_size();
        if h > MAX_ROWS + 50 {
            return Err(Error::Import(format!(
                "工作表“{sheet}”有 {h} 行，太多了（最多 {MAX_ROWS} 行）。请确认选对了文件，或把名册单独存成一个表格。"
            )));
        }
        let start = range.start().unwrap_or((0, 0));
        let width = w.min(MAX_COLS);
        let mut rows: Vec<Vec<Cell>> = vec![vec![Cell::Empty; width + start.1 as usize]; h + start.0 as usize];
        for (r, row) in range.rows().enumerate() {
            for (c, d) in row.iter().take(width).enumerate() {
                rows[r + start.0 as usize][c + start.1 as usize] = cell_of(d);
            }
        }
        // Merged cells (a 党小组 written once for several rows): every cell
        // of the region takes the top-left value.
        let merges = match &mut book {
            calamine::Sheets::Xlsx(x) => x.worksheet_merge_cells(&sheet).and_then(|r| r.ok()),
            calamine::Sheets::Xls(x) => x.worksheet_merge_cells(&sheet),
            _ => None,
        };
        for m in merges.unwrap_or_default() {
            let (r0, c0) = (m.start.0 as usize, m.start.1 as usize);
            let value = rows.get(r0).and_then(|r| r.get(c0)).cloned().unwrap_or(Cell::Empty);
            for r in r0..=(m.end.0 as usize).min(rows.len().saturating_sub(1)) {
                for c in c0..=(m.end.1 as usize).min(rows[r].len().saturating_sub(1)) {
                    rows[r][c] = value.clone();
                }
            }
        }
        out.push(Sheet { name: sheet, rows });
    }
    if out.is_empty() {
        return Err(bad_file(name));
    }
    Ok(out)
}

/// UTF-16 with its BOM (Excel's "Unicode 文本"), UTF-8 (with or without
/// BOM), or GBK (Excel's "CSV" on Chinese Windows). A UTF-8 file with a
/// damaged byte or two stays UTF-8 (the bad bytes become �) rather than
/// turning the whole file into GBK gibberish (issue 14, item 10).
fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return encoding_rs::UTF_16LE.decode_without_bom_handling(rest).0.into_owned();
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return encoding_rs::UTF_16BE.decode_without_bom_handling(rest).0.into_owned();
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    // GBK read as UTF-8 breaks at nearly every Chinese character; a UTF-8
    // file with a damaged byte breaks once or twice.
    let lossy = String::from_utf8_lossy(bytes);
    let broken = lossy.chars().filter(|c| *c == '\u{fffd}').count();
    if broken <= 3.max(lossy.chars().count() / 100) {
        return lossy.into_owned();
    }
    encoding_rs::GBK.decode_without_bom_handling(bytes).0.into_owned()
}

/// Tab-separated (Excel's "Unicode 文本" and "文本文件") when the first line
/// has more tabs than commas; otherwise comma-separated.
fn delimiter(text: &str) -> char {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if first.matches('\t').count() > first.matches(',').count() {
        '\t'
    } else {
        ','
    }
}

/// RFC 4180 CSV: quoted fields with doubled quotes and line breaks inside.
fn read_csv(bytes: &[u8], name: &str) -> Result<Vec<Vec<Cell>>> {
    let text = decode(bytes);
    if text.contains('\0') {
        return Err(bad_file(name));
    }
    let sep = delimiter(&text);
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut row: Vec<Cell> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let push_field = |row: &mut Vec<Cell>, field: &mut String| {
        let f = std::mem::take(field);
        row.push(if f.is_empty() { Cell::Empty } else { Cell::Text(f) });
    };
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, c) if c == sep => push_field(&mut row, &mut field),
            (false, '\r') => {}
            (false, '\n') => {
                push_field(&mut row, &mut field);
                rows.push(std::mem::take(&mut row));
                if rows.len() > MAX_ROWS + 50 {
                    return Err(Error::Import(format!("“{name}”超过 {MAX_ROWS} 行，太多了。请确认选对了文件。")));
                }
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        push_field(&mut row, &mut field);
        rows.push(row);
    }
    for r in &mut rows {
        r.truncate(MAX_COLS);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_in_utf8_and_gbk_with_quotes() {
        let utf8 = "姓名,备注\r\n张三,\"说了\"\"好\"\"，\n换行\"\r\n";
        let rows = read_csv(utf8.as_bytes(), "a.csv").unwrap();
        assert_eq!(rows[1][1], Cell::Text("说了\"好\"，\n换行".into()));
        let (gbk, _, _) = encoding_rs::GBK.encode("姓名,性别\n李四,男\n");
        let rows = read_csv(&gbk, "a.csv").unwrap();
        assert_eq!(rows[1], vec![Cell::Text("李四".into()), Cell::Text("男".into())]);
    }

    #[test]
    fn cell_references_are_read_from_the_xml() {
        let refs: Vec<(u64, u64)> =
            cell_refs(r#"<row r="3"><c r="B3" t="s"><v>0</v></c><c r="XFD1048576"/></row>"#).collect();
        assert_eq!(refs, [(3, 0), (3, 2), (1048576, 16384)]);
    }

    #[test]
    fn a_damaged_utf8_byte_does_not_turn_the_file_into_gbk() {
        let mut bytes = "姓名,身份证号码,入党日期\n张三,110105194912310021,1975-07-01\n".as_bytes().to_vec();
        bytes[40] = 0xff;
        let rows = read_csv(&bytes, "a.csv").unwrap();
        assert_eq!(rows[0][0], Cell::Text("姓名".into()));
        assert_eq!(rows[0].len(), 3);
    }

    #[test]
    fn excel_unicode_text_is_utf16_with_tabs() {
        let text = "姓名\t身份证号码\t入党日期\r\n李四\t110105194912310021\t1975-07-01\r\n";
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let rows = read_csv(&bytes, "a.csv").unwrap();
        assert_eq!(
            rows[0],
            vec![Cell::Text("姓名".into()), Cell::Text("身份证号码".into()), Cell::Text("入党日期".into())]
        );
        assert_eq!(rows[1][0], Cell::Text("李四".into()));
    }

    #[test]
    fn numbers_read_as_people_wrote_them() {
        assert_eq!(Cell::Number(13.0).text(), "13");
        assert_eq!(Cell::Number(1985.07).text(), "1985.07");
    }
}
