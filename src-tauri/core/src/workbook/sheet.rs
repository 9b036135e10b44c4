//! A 台账 sheet before it is written: its title, headers, rows of typed
//! cells and totals. The workbook writes it as .xlsx (`write`); the print
//! page of `zhibu workbook --sheet … --out X.pdf` shows it as a table
//! (`paper`). One model, so the PDF and the sheet say the same.

use super::{frame, signature, text_width, xe, Formats};
use crate::date::PartialDate;
use crate::dues::money::yuan;
use crate::error::Result;
use crate::export::col_name;
use chrono::NaiveDate;
use rust_xlsxwriter::{Formula, Worksheet};
use serde::Serialize;
use std::borrow::Cow;

/// One cell of a 台账 sheet.
pub(super) enum Cell {
    /// Text, left-aligned and wrapped (numbers such as ID numbers stay text).
    Text(String),
    /// Text, centred.
    Center(String),
    /// A count (序号, 应到人数), a number, centred.
    Count(usize),
    /// Money in 分, written as 元 with two decimals.
    Money(i64),
    /// The sum of this row's columns `from..=to` (a formula in the workbook,
    /// with its value), in 分.
    RowSum { from: u16, to: u16, fen: i64 },
    /// Under a column of counts: their sum (a formula over the rows above,
    /// with its value).
    CountSum(i64),
}

impl Cell {
    /// The text as the cell shows it; a text cell's own, not a copy.
    fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(s) | Cell::Center(s) => Cow::Borrowed(s),
            Cell::Count(n) => Cow::Owned(n.to_string()),
            Cell::CountSum(n) => Cow::Owned(n.to_string()),
            Cell::Money(fen) | Cell::RowSum { fen, .. } => Cow::Owned(yuan(*fen)),
        }
    }

    fn align(&self) -> Align {
        match self {
            Cell::Text(_) => Align::Left,
            Cell::Center(_) | Cell::Count(_) | Cell::CountSum(_) => Align::Center,
            Cell::Money(_) | Cell::RowSum { .. } => Align::Right,
        }
    }
}

/// The 合计 row: "合计" over the columns up to `label_to`, a column sum
/// (formula and value, in 分) under each of `sums`, and perhaps a note.
pub(super) struct Totals {
    pub label_to: u16,
    pub sums: Vec<(u16, i64)>,
    pub note: Option<(u16, String)>,
}

pub(super) struct Sheet {
    pub name: &'static str,
    pub title: String,
    pub headers: Vec<(String, f64)>,
    pub rows: Vec<Vec<Cell>>,
    pub totals: Option<Totals>,
    /// Said in the one row of an empty table sheet.
    pub empty_text: Option<&'static str>,
    pub landscape: bool,
    /// Rows grown to their wrapped text (the money sheets keep one line a row).
    pub fit_rows: bool,
}

/// The first row of entries (title, 填报单位/日期 and headers above).
const FIRST_ROW: u32 = 3;

/// Writes `sheet` into `ws`, a worksheet added for it, in the 台账 frame
/// (see [`frame`]).
pub(super) fn write(ws: &mut Worksheet, f: &Formats, unit: &str, today: NaiveDate, sheet: &Sheet) -> Result<()> {
    let headers: Vec<(&str, f64)> = sheet.headers.iter().map(|(h, w)| (h.as_str(), *w)).collect();
    frame(ws, f, &sheet.title, unit, today, &headers, sheet.landscape)?;
    let widths: Vec<f64> = sheet.headers.iter().map(|h| h.1).collect();
    let last = (headers.len() - 1) as u16;
    for (i, row) in sheet.rows.iter().enumerate() {
        let r = FIRST_ROW + i as u32;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(s) => ws.write_string_with_format(r, c, s, &f.cell),
                Cell::Center(s) => ws.write_string_with_format(r, c, s, &f.center),
                Cell::Count(n) => ws.write_number_with_format(r, c, *n as f64, &f.center),
                Cell::Money(fen) => ws.write_number_with_format(r, c, *fen as f64 / 100.0, &f.money),
                Cell::RowSum { from, to, fen } => {
                    let sum = Formula::new(format!("=SUM({}{n}:{}{n})", col_name(*from), col_name(*to), n = r + 1))
                        .set_result(yuan(*fen));
                    ws.write_formula_with_format(r, c, sum, &f.money)
                }
                Cell::CountSum(n) => {
                    let letter = col_name(c);
                    let sum =
                        Formula::new(format!("=SUM({letter}{}:{letter}{r})", FIRST_ROW + 1)).set_result(n.to_string());
                    ws.write_formula_with_format(r, c, sum, &f.center)
                }
            }
            .map_err(xe)?;
        }
        if sheet.fit_rows {
            fit_row(ws, r, row.iter().map(Cell::text), &widths)?;
        }
    }
    let mut next = FIRST_ROW + sheet.rows.len() as u32;
    if sheet.rows.is_empty() {
        if let Some(empty) = sheet.empty_text {
            ws.merge_range(next, 0, next, last, empty, &f.center).map_err(xe)?;
            next += 1;
        }
    }
    if let Some(t) = &sheet.totals {
        ws.merge_range(next, 0, next, t.label_to, "合计", &f.header).map_err(xe)?;
        for (col, fen) in &t.sums {
            let letter = col_name(*col);
            let sum = Formula::new(format!("=SUM({letter}{}:{letter}{next})", FIRST_ROW + 1)).set_result(yuan(*fen));
            ws.write_formula_with_format(next, *col, sum, &f.money).map_err(xe)?;
        }
        if let Some((col, note)) = &t.note {
            ws.write_string_with_format(next, *col, note, &f.cell).map_err(xe)?;
        }
        next += 1;
    }
    signature(ws, f, next, last)
}

/// Sets a row's height so wrapped text fits (LibreOffice and WPS do not
/// always grow rows by themselves when a file is opened).
fn fit_row<'a>(ws: &mut Worksheet, row: u32, values: impl Iterator<Item = Cow<'a, str>>, widths: &[f64]) -> Result<()> {
    let lines = values
        .zip(widths)
        .map(|(v, w)| v.split('\n').map(|part| (text_width(part) / (w - 0.8).max(1.0)).ceil().max(1.0)).sum::<f64>())
        .fold(1.0, f64::max);
    ws.set_row_height(row, 14.0 * lines + 2.0).map_err(xe)?;
    Ok(())
}

/// How a cell's text sits on the paper.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    Left,
    Center,
    Right,
}

/// One cell on the paper: its text, where it sits, how many columns it spans.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PaperCell {
    pub text: String,
    pub align: Align,
    pub span: u16,
}

/// A 台账 sheet as its print page shows it (`zhibu workbook --sheet … --out
/// X.pdf`): the workbook's title, 填报单位 and date, headers with their
/// relative widths, the rows, the 合计 row and the signature line.
#[derive(Clone, Debug, PartialEq, Serialize, ts_rs::TS)]
pub struct SheetPaper {
    pub title: String,
    pub unit_line: String,
    pub date_line: String,
    pub headers: Vec<String>,
    pub widths: Vec<f64>,
    pub rows: Vec<Vec<PaperCell>>,
    pub empty_text: Option<String>,
    pub total: Option<Vec<PaperCell>>,
    pub signature: String,
    /// A4 on its side (the roster, the dues ledger: many columns).
    pub landscape: bool,
}

/// The sheet as its print page shows it.
pub(super) fn paper(sheet: &Sheet, unit: &str, today: NaiveDate) -> SheetPaper {
    let cell = |text: String, align, span| PaperCell { text, align, span };
    let total = sheet.totals.as_ref().map(|t| {
        let mut cells = vec![cell("合计".into(), Align::Center, t.label_to + 1)];
        for col in t.label_to + 1..sheet.headers.len() as u16 {
            let sum = t.sums.iter().find(|(c, _)| *c == col).map(|(_, fen)| yuan(*fen));
            let note = t.note.as_ref().filter(|(c, _)| *c == col).map(|(_, n)| n.clone());
            match (sum, note) {
                (Some(s), _) => cells.push(cell(s, Align::Right, 1)),
                (None, Some(n)) => cells.push(cell(n, Align::Left, 1)),
                (None, None) => cells.push(cell(String::new(), Align::Left, 1)),
            }
        }
        cells
    });
    SheetPaper {
        title: sheet.title.clone(),
        unit_line: format!("填报单位：{unit}"),
        date_line: format!("填报日期：{}", PartialDate::Day(today).to_chinese()),
        headers: sheet.headers.iter().map(|h| h.0.clone()).collect(),
        widths: sheet.headers.iter().map(|h| h.1).collect(),
        rows: sheet
            .rows
            .iter()
            .map(|r| r.iter().map(|c| cell(c.text().into_owned(), c.align(), 1)).collect())
            .collect(),
        empty_text: sheet.rows.is_empty().then(|| sheet.empty_text.map(String::from)).flatten(),
        total,
        signature: super::SIGNATURE.into(),
        landscape: sheet.landscape,
    }
}
