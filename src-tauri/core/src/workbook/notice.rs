//! 公示 as a one-sheet workbook, for branches that post a printed table:
//! names and months only, never an ID or phone number.

use super::{xe, A4, FONT, FOOTER};
use crate::date::PartialDate;
use crate::error::Result;
use crate::store::Store;
use chrono::NaiveDate;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Formula, Workbook};

impl Store {
    /// 党费收缴情况公示 for a year, a quarter or a month, as .xlsx bytes.
    pub fn dues_notice_workbook(
        &self,
        year: i32,
        quarter: Option<u32>,
        month: Option<u32>,
        today: NaiveDate,
    ) -> Result<Vec<u8>> {
        let n = self.dues_notice(year, quarter, month, today)?;
        let base = Format::new().set_font_name(FONT).set_font_size(12);
        let title = base.clone().set_font_size(22).set_bold().set_align(FormatAlign::Center);
        let sub = base.clone().set_align(FormatAlign::Center);
        let boxed = base.clone().set_border(FormatBorder::Thin).set_align(FormatAlign::VerticalCenter).set_text_wrap();
        let head = boxed.clone().set_bold().set_align(FormatAlign::Center);
        let center = boxed.clone().set_align(FormatAlign::Center);
        let money = boxed.clone().set_num_format("0.00");
        let right = base.clone().set_align(FormatAlign::Right);

        let mut wb = Workbook::new();
        let ws = wb.add_worksheet().set_name("党费收缴情况公示").map_err(xe)?;
        for (c, w) in [6.0, 12.0, 24.0, 20.0, 14.0].iter().enumerate() {
            ws.set_column_width(c as u16, *w).map_err(xe)?;
        }
        ws.merge_range(0, 0, 0, 4, &n.title, &title).map_err(xe)?;
        ws.set_row_height(0, 40).map_err(xe)?;
        ws.merge_range(1, 0, 1, 4, &format!("（{}）", n.period_label), &sub).map_err(xe)?;
        ws.merge_range(2, 0, 2, 4, &format!("现将{}党费收缴情况公示如下：", n.period_label), &base).map_err(xe)?;
        for (c, h) in ["序号", "姓名", "已交月份", "未交月份", "交纳金额（元）"].iter().enumerate() {
            ws.write_string_with_format(3, c as u16, *h, &head).map_err(xe)?;
        }
        for (i, r) in n.rows.iter().enumerate() {
            let row = 4 + i as u32;
            ws.write_number_with_format(row, 0, r.seq as f64, &center).map_err(xe)?;
            ws.write_string_with_format(row, 1, &r.name, &center).map_err(xe)?;
            ws.write_string_with_format(row, 2, &r.paid_months, &boxed).map_err(xe)?;
            ws.write_string_with_format(row, 3, &r.unpaid_months, &boxed).map_err(xe)?;
            ws.write_number_with_format(row, 4, r.amount_fen as f64 / 100.0, &money).map_err(xe)?;
        }
        let total_row = 4 + n.rows.len() as u32;
        ws.merge_range(total_row, 0, total_row, 3, "合计", &head).map_err(xe)?;
        let sum = Formula::new(format!("=SUM(E5:E{total_row})")).set_result(n.total.clone());
        ws.write_formula_with_format(total_row, 4, sum, &money).map_err(xe)?;
        let after = total_row + 2;
        ws.merge_range(after, 0, after, 4, &format!("已上缴上级党委 {} 元。", n.remitted), &base).map_err(xe)?;
        ws.merge_range(after + 1, 0, after + 1, 4, "公示期：      年  月  日 至      年  月  日", &base).map_err(xe)?;
        ws.merge_range(after + 2, 0, after + 2, 4, "如有疑问，请与支部联系。联系人：            联系电话：", &base)
            .map_err(xe)?;
        ws.merge_range(after + 4, 0, after + 4, 4, &n.branch_name, &right).map_err(xe)?;
        ws.merge_range(after + 5, 0, after + 5, 4, &PartialDate::Day(n.issued_on).to_chinese(), &right).map_err(xe)?;
        ws.set_paper_size(A4);
        ws.set_portrait();
        ws.set_print_fit_to_pages(1, 0);
        ws.set_repeat_rows(3, 3).map_err(xe)?;
        ws.set_footer(FOOTER);
        ws.set_print_center_horizontally(true);
        wb.save_to_buffer().map_err(xe)
    }
}
