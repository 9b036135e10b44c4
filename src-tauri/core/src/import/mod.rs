//! 导入花名册: the rosters secretaries already keep in Excel/WPS.
//!
//! The header row is found even below a title row; columns are mapped by
//! their headers with the usual synonyms (and the secretary may correct the
//! mapping); values are read as people type them (`read`, `values`). A
//! preview lists every row as new, update (matched by ID number) or error
//! with its reason and the row number the spreadsheet shows. Writing is one
//! transaction: every chosen row or none.

pub mod isolate;
mod read;
mod template;
mod values;

pub use read::{read_file, Cell, Sheet, MAX_BYTES, MAX_ROWS};
pub use template::{import_template, roster_export_name};
pub use values::{parse_date, parse_id};

use crate::error::{Error, Result};
use crate::members::{check_form, CommitteeRole, LostContactReason, Member, MemberForm, MemberKind, MemberQuery};
use crate::store::Store;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// A column the import understands: code, label, header synonyms.
pub const FIELDS: &[(&str, &str, &[&str])] = &[
    ("name", "姓名", &["姓名", "党员姓名", "名字"]),
    ("sex", "性别", &["性别"]),
    ("ethnicity", "民族", &["民族"]),
    ("birth_date", "出生日期", &["出生年月", "出生日期", "出生年月日", "出生时间"]),
    (
        "id_number",
        "公民身份号码",
        &["公民身份号码", "身份证号", "身份证号码", "身份证", "公民身份证号码", "身份证件号码"],
    ),
    ("education", "文化程度", &["文化程度", "学历", "全日制学历", "最高学历"]),
    ("admitted_on", "入党时间", &["入党时间", "入党日期", "入党年月"]),
    ("full_member_on", "转正时间", &["转正时间", "转正日期", "转正年月"]),
    ("full_member_reason", "转正日期说明", &["转正日期说明", "转正说明", "转正情况说明"]),
    ("kind", "党员类别", &["党员类别", "人员类别", "党员类型", "类别"]),
    ("group", "所在党小组", &["所在党小组", "党小组", "所属党小组"]),
    ("committee_role", "支委职务", &["支委职务", "党内职务", "支部职务"]),
    ("job", "工作单位及职务", &["工作单位及职务", "工作单位", "单位及职务", "职务", "工作岗位"]),
    ("phone", "联系电话", &["联系电话", "手机号", "手机号码", "电话", "联系方式", "手机"]),
    ("address", "家庭住址", &["家庭住址", "住址", "现居住地", "家庭地址"]),
    ("mobile", "流动党员", &["流动党员", "是否流动党员"]),
    ("mobile_destination", "外出流向", &["外出流向", "流向"]),
    ("lost_contact_reason", "失联原因", &["失联原因"]),
    ("notes", "备注", &["备注"]),
];

/// A header as typed, reduced for matching: no spaces (full-width too), no
/// `*`, no colon, nothing in brackets.
fn normalize_header(h: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in h.chars() {
        match c {
            '(' | '（' | '【' | '[' => depth += 1,
            ')' | '）' | '】' | ']' => depth = (depth - 1).max(0),
            _ if depth > 0 => {}
            c if c.is_whitespace() || c == '\u{3000}' || c == '*' || c == '＊' || c == ':' || c == '：' => {}
            c => out.push(c),
        }
    }
    out
}

/// The field a header names, if any.
pub fn field_of_header(h: &str) -> Option<&'static str> {
    let n = normalize_header(h);
    FIELDS.iter().find(|(_, _, syn)| syn.contains(&n.as_str())).map(|(code, _, _)| *code)
}

fn label_of(field: &str) -> &'static str {
    FIELDS.iter().find(|(c, _, _)| *c == field).map(|(_, l, _)| *l).unwrap_or("")
}

/// The header row (0-based) among the first rows: the first with 姓名 and at
/// least two other known columns; with the field of each column.
pub fn find_header(rows: &[Vec<Cell>]) -> Option<(usize, Vec<Option<&'static str>>)> {
    rows.iter().take(20).enumerate().find_map(|(i, row)| {
        let fields: Vec<Option<&'static str>> = row.iter().map(|c| field_of_header(&c.text())).collect();
        let distinct: HashSet<&str> = fields.iter().flatten().copied().collect();
        (distinct.contains("name") && distinct.len() >= 3).then_some((i, fields))
    })
}

/// Excel's column letters: 0 → A.
fn letter(c: usize) -> String {
    crate::export::col_name(c as u16)
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ColumnMap {
    pub index: usize,
    pub letter: String,
    pub header: String,
    /// The field code, or empty when the column is not imported.
    pub field: String,
    pub field_label: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ImportRow {
    /// The row number as the spreadsheet shows it (1-based).
    pub row: usize,
    /// `new`, `update` or `error`.
    pub outcome: String,
    pub name: String,
    /// For errors: `id_as_number`, `invalid`, `duplicate_in_file`, `in_recycle_bin`.
    pub code: String,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ImportPreview {
    pub sheets: Vec<String>,
    pub sheet: String,
    /// 1-based, as the spreadsheet shows it.
    pub header_row: usize,
    pub columns: Vec<ColumnMap>,
    pub rows: Vec<ImportRow>,
    pub new: usize,
    pub update: usize,
    pub error: usize,
    /// After a write: how many rows were written.
    pub written: usize,
    /// The committee as it would stand after the import (3–5 支委, full
    /// members only …): shown, never refused (docs/DOMAIN.md §8).
    pub warnings: Vec<String>,
    /// After a write: the 建账日期 (set to the import day if none was set).
    pub records_from: Option<String>,
    /// After a write: this import started the books (no 建账日期 before), so
    /// the page asks the secretary to check the date.
    pub records_started: bool,
}

/// What the page or the CLI asks for: the file, and optionally the sheet and
/// a corrected mapping (one field code or "" per column).
#[derive(Clone, Debug, Default, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct ImportRequest {
    pub file_name: String,
    pub sheet: Option<String>,
    pub mapping: Option<Vec<String>>,
}

/// A row turned into a form, or why it cannot be.
struct Planned {
    row: ImportRow,
    form: Option<MemberForm>,
    existing: Option<i64>,
}

impl MemberForm {
    /// The form as the member's page would show it, for an update.
    pub fn of(m: &Member) -> MemberForm {
        let d = |p: Option<crate::PartialDate>| p.map(|d| d.to_iso()).unwrap_or_default();
        MemberForm {
            name: m.name.clone(),
            sex: m.sex.code().into(),
            ethnicity: m.ethnicity.clone(),
            birth_date: m.birth_date.to_iso(),
            id_number: m.id_number.clone(),
            education: m.education.clone(),
            kind: m.kind.code().into(),
            admitted_on: d(m.admitted_on),
            full_member_on: d(m.full_member_on),
            group_id: None,
            group_name: m.group_name.clone().unwrap_or_default(),
            committee_role: m.committee_role.map(|r| r.code().into()),
            job: m.job.clone(),
            phone: m.phone.clone(),
            address: m.address.clone(),
            mobile: m.mobile,
            mobile_destination: m.mobile_destination.clone(),
            lost_contact: m.lost_contact,
            lost_contact_reason: m.lost_contact_reason.map(|r| r.code().into()),
            lost_contact_since: m.lost_contact_since.map(|d| d.to_iso()).unwrap_or_default(),
            notes: m.notes.clone(),
            full_member_reason: m.full_member_reason.clone(),
        }
    }
}

fn yes(text: &str) -> Option<bool> {
    match text.trim() {
        "是" | "√" | "Y" | "y" | "yes" | "1" => Some(true),
        "否" | "" | "N" | "n" | "no" | "0" => Some(false),
        _ => None,
    }
}

/// Overlays the non-empty cells of one row on `form`. Errors are field → message.
fn apply_cells(form: &mut MemberForm, cells: &[(&str, &Cell)]) -> std::result::Result<(), Vec<(String, String)>> {
    let mut errors = Vec::new();
    for (field, cell) in cells {
        if cell.is_empty() {
            continue;
        }
        let text = crate::text::clean(&cell.text());
        let date = |errors: &mut Vec<(String, String)>| match parse_date(cell) {
            Ok(d) => d.map(|d| d.to_iso()).unwrap_or_default(),
            Err(msg) => {
                errors.push((field.to_string(), format!("{}：{msg}", label_of(field))));
                String::new()
            }
        };
        match *field {
            "name" => form.name = crate::text::clean_name(&text),
            "sex" => form.sex = text.trim_end_matches('性').to_string(),
            "ethnicity" => form.ethnicity = text,
            "birth_date" => form.birth_date = date(&mut errors),
            "id_number" => match parse_id(cell) {
                Ok(id) => form.id_number = id,
                Err(msg) => errors.push(("id_number".into(), msg)),
            },
            "education" => form.education = text,
            "admitted_on" => form.admitted_on = date(&mut errors),
            "full_member_on" => form.full_member_on = date(&mut errors),
            "kind" => {
                form.kind = if text.contains("预备") {
                    MemberKind::Probationary.code().into()
                } else if text.contains("正式") {
                    MemberKind::Full.code().into()
                } else {
                    text
                }
            }
            "group" => {
                form.group_id = None;
                form.group_name = text;
            }
            "committee_role" => {
                form.committee_role =
                    Some(CommitteeRole::from_code(&text).map(|r| r.code().to_string()).unwrap_or(text))
            }
            "job" => form.job = text,
            "phone" => form.phone = text,
            "address" => form.address = text,
            "mobile" => match yes(&text) {
                Some(b) => form.mobile = b,
                None => errors.push(("mobile".into(), "流动党员一栏请填“是”或“否”".into())),
            },
            "mobile_destination" => form.mobile_destination = text,
            "lost_contact_reason" => {
                form.lost_contact = true;
                form.lost_contact_reason =
                    Some(LostContactReason::from_code(&text).map(|r| r.code().to_string()).unwrap_or(text));
            }
            "notes" => form.notes = text,
            "full_member_reason" => form.full_member_reason = text,
            _ => {}
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn sex_from_id(form: &mut MemberForm, today: NaiveDate) {
    if let Ok(info) = crate::idcard::check(&form.id_number, today) {
        if form.sex.is_empty() {
            form.sex = info.sex.code().into();
        }
        if form.birth_date.is_empty() {
            form.birth_date = info.birth_date.to_string();
        }
    }
    if form.kind.is_empty() && !form.full_member_on.is_empty() {
        form.kind = MemberKind::Full.code().into();
    }
    if form.ethnicity.is_empty() {
        form.ethnicity = "汉族".into();
    }
}

impl Store {
    fn plan(&self, bytes: &[u8], req: &ImportRequest, today: NaiveDate) -> Result<(ImportPreview, Vec<Planned>)> {
        let sheets = read_file(bytes, &req.file_name)?;
        let names: Vec<String> = sheets.iter().map(|s| s.name.clone()).collect();
        let sheet = match &req.sheet {
            Some(want) => sheets.iter().find(|s| &s.name == want).ok_or_else(|| {
                Error::Import(format!("文件里没有名为“{want}”的工作表。它有：{}。", names.join("、")))
            })?,
            None => sheets.iter().find(|s| find_header(&s.rows).is_some()).unwrap_or(&sheets[0]),
        };
        let Some((header_at, guessed)) = find_header(&sheet.rows) else {
            return Err(Error::Import(format!(
                "在工作表“{}”的前 20 行里没有找到表头（要有“姓名”和至少两个其他栏目，如“性别”“身份证号”“入党时间”）。请检查是不是选错了工作表。",
                sheet.name
            )));
        };
        let header = &sheet.rows[header_at];
        let fields: Vec<String> = match &req.mapping {
            Some(m) => (0..header.len()).map(|i| m.get(i).cloned().unwrap_or_default()).collect(),
            // Guessed: the first column of a field wins (工作单位 and 职务 as two columns).
            None => {
                let mut taken = HashSet::new();
                guessed.iter().map(|f| f.filter(|f| taken.insert(*f)).unwrap_or("").to_string()).collect()
            }
        };
        for f in fields.iter().filter(|f| !f.is_empty()) {
            if !FIELDS.iter().any(|(c, _, _)| c == f) {
                return Err(Error::Import(format!("不认识的栏目“{f}”，请重新选择对应关系。")));
            }
            if fields.iter().filter(|g| *g == f).count() > 1 {
                return Err(Error::Import(format!("“{}”对应了不止一列，请只保留一列。", label_of(f))));
            }
        }
        if !fields.iter().any(|f| f == "name") {
            return Err(Error::Import("没有哪一列对应“姓名”，请在对应关系里选出姓名列。".into()));
        }
        let columns: Vec<ColumnMap> = header
            .iter()
            .enumerate()
            .map(|(i, h)| ColumnMap {
                index: i,
                letter: letter(i),
                header: h.text(),
                field: fields[i].clone(),
                field_label: label_of(&fields[i]).into(),
            })
            .collect();

        let mut by_id: HashMap<String, (i64, bool)> = HashMap::new();
        for deleted in [true, false] {
            for m in self.members(&MemberQuery { include_left: true, deleted, ..Default::default() })? {
                by_id.insert(m.id_number.clone(), (m.id, m.deleted));
            }
        }
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut planned = Vec::new();
        for (i, row) in sheet.rows.iter().enumerate().skip(header_at + 1) {
            if row.iter().all(Cell::is_empty) {
                continue;
            }
            let cells: Vec<(&str, &Cell)> = fields
                .iter()
                .enumerate()
                .filter(|(_, f)| !f.is_empty())
                .map(|(c, f)| (f.as_str(), row.get(c).unwrap_or(&Cell::Empty)))
                .collect();
            let name_cell = cells.iter().find(|(f, _)| *f == "name").map(|(_, c)| c.text()).unwrap_or_default();
            let name = crate::text::clean_name(&name_cell);
            // A 合计 or 填报人 line under the table is not a member.
            if name.is_empty() || name.starts_with("合计") || name.starts_with("填报") || name.starts_with("审核")
            {
                continue;
            }
            let n = i + 1;
            let error = |code: &str, message: String| Planned {
                row: ImportRow { row: n, outcome: "error".into(), name: name.clone(), code: code.into(), message },
                form: None,
                existing: None,
            };
            // The ID decides new or update. Every problem of the row is said
            // at once (issue 17, item 6): a bad ID, a cell that cannot be read
            // and what the form's checks find, together.
            let mut problems: Vec<String> = Vec::new();
            let mut code = "invalid";
            let id_cell = cells.iter().find(|(f, _)| *f == "id_number").map(|(_, c)| *c);
            let id = match id_cell.map(parse_id) {
                Some(Ok(id)) => id,
                Some(Err(msg)) => {
                    if matches!(id_cell, Some(Cell::Number(_))) || msg.contains("数字") {
                        code = "id_as_number";
                    }
                    problems.push(msg);
                    String::new()
                }
                None => String::new(),
            };
            if let Some(first) = seen.get(&id).filter(|_| !id.is_empty()) {
                planned.push(error("duplicate_in_file", format!("身份证号与第 {first} 行重复，同一个人只能有一行")));
                continue;
            }
            if !id.is_empty() {
                seen.insert(id.clone(), n);
            }
            let existing = by_id.get(&id).copied().filter(|_| !id.is_empty());
            if let Some((_, true)) = existing {
                planned.push(error(
                    "in_recycle_bin",
                    "回收站里有这个身份证号的党员档案。请先到“党员 → 回收站”恢复，再导入。".into(),
                ));
                continue;
            }
            let mut form = match existing {
                Some((mid, _)) => MemberForm::of(&self.member(mid)?),
                None => MemberForm::default(),
            };
            let unread = match apply_cells(&mut form, &cells) {
                Ok(()) => Vec::new(),
                Err(errs) => errs,
            };
            let unread_fields: Vec<String> = unread.iter().map(|(f, _)| f.to_string()).collect();
            sex_from_id(&mut form, today);
            let checked = check_form(&form, today);
            // The form asks for an ID when the cell could not be read: said already.
            let id_said = id.is_empty() && !problems.is_empty();
            problems.extend(unread.iter().map(|(_, m)| m.clone()));
            if let Err(fields) = &checked {
                let more: Vec<String> = fields
                    .0
                    .iter()
                    // Said above already: the ID's own error, a cell that could not be read.
                    .filter(|(f, _)| !((id_said && *f == "id_number") || unread_fields.iter().any(|u| u == f)))
                    .map(|(f, m)| {
                        let l = crate::members::repo_field_label(f);
                        let m = if m.contains("转正日期说明") {
                            format!("{m}（可在表格中加一列“转正日期说明”）")
                        } else {
                            m.clone()
                        };
                        if l.is_empty() || m.contains(l) {
                            m
                        } else {
                            format!("{l}：{m}")
                        }
                    })
                    .collect();
                problems.extend(more);
            }
            if !problems.is_empty() {
                planned.push(error(code, problems.join("；")));
                continue;
            }
            let outcome = if existing.is_some() { "update" } else { "new" };
            let message = if existing.is_some() {
                "身份证号已在名册中，将更新这位党员的档案"
            } else {
                "新党员"
            };
            planned.push(Planned {
                row: ImportRow { row: n, outcome: outcome.into(), name, code: String::new(), message: message.into() },
                form: Some(form),
                existing: existing.map(|e| e.0),
            });
        }
        let count = |o: &str| planned.iter().filter(|p| p.row.outcome == o).count();
        let preview = ImportPreview {
            sheets: names,
            sheet: sheet.name.clone(),
            header_row: header_at + 1,
            columns,
            rows: planned.iter().map(|p| p.row.clone()).collect(),
            new: count("new"),
            update: count("update"),
            error: count("error"),
            written: 0,
            warnings: self.committee_after(&planned, today)?,
            records_from: None,
            records_started: false,
        };
        Ok((preview, planned))
    }

    /// Committee warnings for the roster as it would be after the import.
    fn committee_after(&self, planned: &[Planned], today: NaiveDate) -> Result<Vec<String>> {
        use crate::members::committee::{committee_warnings, Seat};
        let updated: HashSet<i64> = planned.iter().filter_map(|p| p.existing).collect();
        let mut seats: Vec<Seat> =
            self.members(&MemberQuery::default())?.iter().filter(|m| !updated.contains(&m.id)).map(Seat::of).collect();
        for p in planned {
            if let Some(Ok(c)) = p.form.as_ref().map(|f| check_form(f, today)) {
                seats.push(Seat {
                    name: c.name,
                    kind: c.kind,
                    status: crate::members::Status::Normal,
                    role: c.committee_role,
                });
            }
        }
        Ok(committee_warnings(&seats))
    }

    /// The preview: every row with its outcome; nothing is written.
    pub fn import_preview(&self, bytes: &[u8], req: &ImportRequest, today: NaiveDate) -> Result<ImportPreview> {
        Ok(self.plan(bytes, req, today)?.0)
    }

    /// Writes every new and updated row in one transaction. With error rows
    /// nothing is written unless `skip_errors`.
    pub fn import_members(
        &mut self,
        bytes: &[u8],
        req: &ImportRequest,
        skip_errors: bool,
        today: NaiveDate,
    ) -> Result<ImportPreview> {
        let (mut preview, planned) = self.plan(bytes, req, today)?;
        if preview.error > 0 && !skip_errors {
            return Err(Error::Import(format!(
                "有 {} 行有错误，没有导入任何内容。请按预览里的说明改好表格后重新导入，或选择“跳过有错误的行”。",
                preview.error
            )));
        }
        if preview.new + preview.update == 0 {
            return Err(Error::Import("没有可以导入的行。".into()));
        }
        let had_records_from = self.branch()?.records_from.is_some();
        let tx = self.conn_mut().transaction()?;
        for p in &planned {
            let Some(form) = &p.form else { continue };
            let checked = check_form(form, today).map_err(Error::Validation)?;
            let written = match p.existing {
                Some(id) => crate::members::update_checked_in(&tx, id, &checked, today),
                None => crate::members::insert_checked_in(&tx, &checked).map(|_| ()),
            };
            if let Err(e) = written {
                // The transaction rolls back when dropped: nothing is saved.
                return Err(Error::Import(format!("第 {} 行（{}）：{e} 没有导入任何内容。", p.row.row, p.row.name)));
            }
        }
        // The first import starts the books (docs/DOMAIN.md §3.4).
        crate::branch::start_records_if_unset(&tx, today)?;
        tx.commit()?;
        preview.written = preview.new + preview.update;
        tracing::info!("导入花名册“{}”：新增 {} 人，更新 {} 人", req.file_name, preview.new, preview.update);
        preview.records_from = self.branch()?.records_from.map(|d| d.to_iso());
        preview.records_started = !had_records_from;
        Ok(preview)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_recognised_with_spaces_stars_and_notes() {
        assert_eq!(field_of_header("姓 名"), Some("name"));
        assert_eq!(field_of_header("姓\u{3000}名"), Some("name"));
        assert_eq!(field_of_header("*身份证号码"), Some("id_number"));
        assert_eq!(field_of_header("出生年月（格式：1985.07）"), Some("birth_date"));
        assert_eq!(field_of_header("序号"), None);
    }
}
