//! A 公示 as a one-sheet workbook, for branches that post a printed table.
//! Written from the finished [`Notice`], which the core has already masked.

use super::{safe_file_name, text_width, write_export, xe, Exported, A4, FONT, FOOTER};
use crate::error::Result;
use crate::notices::{Notice, NoticeRequest, NoticeTerms};
use crate::store::Store;
use chrono::NaiveDate;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Formula};

/// Width of a notice without a table, in Excel units (A4 portrait).
const PLAIN_WIDTHS: [f64; 5] = [16.0; 5];

/// The notice's one sheet, named by its title: Excel sheet names may hold
/// at most 31 characters and none of `[]:*?/\`.
pub fn sheet_name(title: &str) -> String {
    let clean: String = title.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
    if clean.is_empty() {
        "公示".into()
    } else {
        clean
    }
}

/// The notice as .xlsx bytes: A4 portrait, title, table with a SUM formula
/// for money, paragraphs, 公示期, 落款 and date.
pub fn notice_workbook(n: &Notice) -> Result<Vec<u8>> {
    let base = Format::new().set_font_name(FONT).set_font_size(12);
    let title = base.clone().set_font_size(22).set_bold().set_align(FormatAlign::Center);
    let sub = base.clone().set_align(FormatAlign::Center);
    let para = base.clone().set_font_size(14).set_text_wrap().set_align(FormatAlign::Top);
    let boxed = base.clone().set_border(FormatBorder::Thin).set_align(FormatAlign::VerticalCenter).set_text_wrap();
    let head = boxed.clone().set_bold().set_align(FormatAlign::Center);
    let center = boxed.clone().set_align(FormatAlign::Center);
    let money = boxed.clone().set_num_format("0.00");
    let right = base.clone().set_font_size(14).set_align(FormatAlign::Right);

    let widths: Vec<f64> = n.table.as_ref().map(|t| t.widths.clone()).unwrap_or_else(|| PLAIN_WIDTHS.to_vec());
    let last = (widths.len() - 1) as u16;
    let total_width: f64 = widths.iter().sum();

    let mut wb = crate::workbook::new_workbook()?;
    let ws = wb.add_worksheet().set_name(sheet_name(&n.title)).map_err(xe)?;
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w).map_err(xe)?;
    }
    // A merged paragraph does not grow by itself: give it the rows its text needs.
    let line = |ws: &mut rust_xlsxwriter::Worksheet, row: u32, text: &str, fmt: &Format| -> Result<()> {
        ws.merge_range(row, 0, row, last, text, fmt).map_err(xe)?;
        // 14 pt characters are about 1.2 times as wide as the 11 pt the column unit assumes.
        let lines = (text_width(text) * 1.25 / (total_width - 2.0)).ceil().max(1.0);
        ws.set_row_height(row, 21.0 * lines + 4.0).map_err(xe)?;
        Ok(())
    };
    ws.merge_range(0, 0, 0, last, &n.title, &title).map_err(xe)?;
    ws.set_row_height(0, 40).map_err(xe)?;
    ws.merge_range(1, 0, 1, last, &n.subtitle, &sub).map_err(xe)?;
    line(ws, 2, &n.lead, &para)?;

    let mut row = 3u32;
    if let Some(t) = &n.table {
        for (c, h) in t.headers.iter().enumerate() {
            ws.write_string_with_format(row, c as u16, h, &head).map_err(xe)?;
        }
        ws.set_repeat_rows(row, row).map_err(xe)?;
        let first = row + 1;
        for r in &t.rows {
            row += 1;
            // Wrapped cells (a list of names) need their rows made tall enough.
            let lines =
                r.iter().zip(&widths).map(|(v, w)| (text_width(v) / (w - 1.0).max(1.0)).ceil()).fold(1.0, f64::max);
            if lines > 1.0 {
                ws.set_row_height(row, 15.0 * lines + 3.0).map_err(xe)?;
            }
            for (c, v) in r.iter().enumerate() {
                if Some(c) == t.amount_column {
                    let value: f64 = v.parse().unwrap_or(0.0);
                    ws.write_number_with_format(row, c as u16, value, &money).map_err(xe)?;
                } else {
                    let fmt = if c <= 1 { &center } else { &boxed };
                    ws.write_string_with_format(row, c as u16, v, fmt).map_err(xe)?;
                }
            }
        }
        if t.rows.is_empty() {
            row += 1;
            ws.merge_range(row, 0, row, last, &t.empty_text, &center).map_err(xe)?;
        }
        if let (Some(col), Some(total)) = (t.amount_column, &t.total) {
            row += 1;
            if col > 0 {
                ws.merge_range(row, 0, row, col as u16 - 1, "合计", &head).map_err(xe)?;
            }
            let letter = super::col_name(col as u16);
            let sum = Formula::new(format!("=SUM({letter}{}:{letter}{row})", first + 1)).set_result(total);
            ws.write_formula_with_format(row, col as u16, sum, &money).map_err(xe)?;
        }
        row += 1;
    }
    for p in &n.paragraphs {
        row += 1;
        line(ws, row, &format!("　　{p}"), &para)?;
    }
    row += 2;
    line(ws, row, &n.terms.text(), &para)?;
    row += 2;
    ws.merge_range(row, 0, row, last, &n.branch_name, &right).map_err(xe)?;
    ws.merge_range(row + 1, 0, row + 1, last, &n.issued_label, &right).map_err(xe)?;
    ws.set_paper_size(A4);
    ws.set_portrait();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_footer(FOOTER);
    ws.set_print_center_horizontally(true);
    ws.set_margins(0.7, 0.7, 0.6, 0.6, 0.3, 0.3);
    wb.save_to_buffer().map_err(xe)
}

impl Store {
    /// 党费收缴情况公示 for a year, a quarter or a month, as .xlsx bytes.
    pub fn dues_notice_workbook(
        &self,
        year: i32,
        quarter: Option<u32>,
        month: Option<u32>,
        today: NaiveDate,
    ) -> Result<Vec<u8>> {
        let n = self.notice(&NoticeRequest::Dues { year, quarter, month }, &NoticeTerms::default(), today)?;
        notice_workbook(&n)
    }

    /// Writes a notice as .xlsx into `dir`, named after the branch, period and title.
    pub fn export_notice(
        &self,
        req: &NoticeRequest,
        terms: &NoticeTerms,
        today: NaiveDate,
        dir: &std::path::Path,
    ) -> Result<Exported> {
        let n = self.notice(req, terms, today)?;
        let bytes = notice_workbook(&n)?;
        let path = write_export(dir, &format!("{}.xlsx", safe_file_name(&n.file_stem)), &bytes)?;
        Ok(Exported { path: path.display().to_string(), size: bytes.len() as u64, sheets: vec![sheet_name(&n.title)] })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_legal() {
        assert_eq!(sheet_name("关于[王某]的公示?"), "关于王某的公示");
        assert_eq!(sheet_name(""), "公示");
        assert_eq!(sheet_name(&"长".repeat(40)).chars().count(), 31);
    }
}
