//! The import template and the roster export: the same layout, so a roster
//! exported from the app imports back with nothing lost. The ID, phone and
//! date columns are formatted as text, so WPS/Excel never turns an ID number
//! into a float or a month into a day.

use super::FIELDS;
use crate::error::Result;
use crate::export::FONT;
use crate::members::{Member, MemberForm, MemberQuery};
use crate::store::Store;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder};

fn xe(e: rust_xlsxwriter::XlsxError) -> crate::Error {
    crate::Error::Workbook(e.to_string())
}

/// The cell values of one member in the template's column order.
fn values(m: &Member) -> Vec<String> {
    let f = MemberForm::of(m);
    FIELDS
        .iter()
        .map(|(field, _, _)| match *field {
            "name" => f.name.clone(),
            "sex" => m.sex.label().into(),
            "ethnicity" => f.ethnicity.clone(),
            "birth_date" => f.birth_date.clone(),
            "id_number" => f.id_number.clone(),
            "education" => f.education.clone(),
            "admitted_on" => f.admitted_on.clone(),
            "full_member_on" => f.full_member_on.clone(),
            "kind" => m.kind.label().into(),
            "group" => f.group_name.clone(),
            "committee_role" => m.committee_role.map(|r| r.label().to_string()).unwrap_or_default(),
            "job" => f.job.clone(),
            "phone" => f.phone.clone(),
            "address" => f.address.clone(),
            "mobile" => {
                if f.mobile {
                    "是".into()
                } else {
                    String::new()
                }
            }
            "mobile_destination" => f.mobile_destination.clone(),
            "lost_contact_reason" => m.lost_contact_reason.map(|r| r.label().to_string()).unwrap_or_default(),
            "notes" => f.notes.clone(),
            _ => String::new(),
        })
        .collect()
}

fn roster_book(title: &str, members: &[Member]) -> Result<Vec<u8>> {
    let mut wb = crate::workbook::new_workbook()?;
    let ws = wb.add_worksheet().set_name("党员花名册").map_err(xe)?;
    let base = Format::new().set_font_name(FONT).set_font_size(10.5);
    let head = base.clone().set_bold().set_border(FormatBorder::Thin).set_align(FormatAlign::Center);
    // "@": text. An ID number, a phone and a date stay exactly as typed.
    let text = base.clone().set_border(FormatBorder::Thin).set_num_format("@");
    let title_fmt = base.clone().set_font_size(16).set_bold().set_align(FormatAlign::Center);
    let last = FIELDS.len() as u16;
    ws.merge_range(0, 0, 0, last, title, &title_fmt).map_err(xe)?;
    ws.set_row_height(0, 28).map_err(xe)?;
    ws.write_string_with_format(1, 0, "序号", &head).map_err(xe)?;
    ws.set_column_width(0, 5).map_err(xe)?;
    for (c, (field, label, _)) in FIELDS.iter().enumerate() {
        let col = c as u16 + 1;
        ws.write_string_with_format(1, col, *label, &head).map_err(xe)?;
        let width = match *field {
            "id_number" => 21.0,
            "job" | "address" | "notes" | "lost_contact_reason" | "mobile_destination" => 18.0,
            "birth_date" | "admitted_on" | "full_member_on" | "phone" => 12.0,
            _ => 9.0,
        };
        ws.set_column_width(col, width).map_err(xe)?;
        // The whole column is text, for the rows the secretary adds too.
        ws.set_column_format(col, &text).map_err(xe)?;
    }
    ws.set_freeze_panes(2, 2).map_err(xe)?;
    for (i, m) in members.iter().enumerate() {
        let r = 2 + i as u32;
        ws.write_string_with_format(r, 0, (i + 1).to_string(), &text).map_err(xe)?;
        for (c, v) in values(m).iter().enumerate() {
            ws.write_string_with_format(r, c as u16 + 1, v, &text).map_err(xe)?;
        }
    }
    ws.set_paper_size(crate::export::A4);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 1).map_err(xe)?;
    wb.save_to_buffer().map_err(xe)
}

/// The empty template to fill in (.xlsx).
pub fn import_template() -> Result<Vec<u8>> {
    roster_book("党员花名册（导入模板：从第 3 行起每行一名党员；日期写成 1985-07-01，只知道年月的写成 1985-07）", &[])
}

impl Store {
    /// The roster in the template's layout, every field of every member on
    /// the roster: exported and imported again, nothing changes.
    pub fn roster_export(&self) -> Result<Vec<u8>> {
        let members = self.members(&MemberQuery::default())?;
        roster_book("党员花名册（内部资料，含个人信息，请妥善保管）", &members)
    }
}

/// The name of the roster exported in the import layout: internal, and
/// changing daily, so named by the day.
pub fn roster_export_name(branch: &str, today: chrono::NaiveDate) -> String {
    crate::export::safe_file_name(&format!("{branch}党员花名册（导入格式，内部资料）{}.xlsx", today.format("%Y%m%d")))
}
