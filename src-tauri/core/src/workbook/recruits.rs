//! 发展党员 in the 台账: the year's 发展党员工作台账 (one row per person whose
//! way touched the year, every step's date in its column), the four 名册
//! (申请人, 积极分子, 发展对象, 预备党员 at the year's end, each with its
//! stage's key dates), and the one-person 发展党员全程纪实表. Every date comes
//! from the recorded steps; the derived values (stage on a day, how the way
//! ended, the 志愿书编号) from `recruits`. No full ID or phone number: the
//! 纪实表 prints both masked, the sheets neither.

use super::sheet::{Cell, Sheet};
use super::{headers, text_width, xe, Exported, Formats, A4, FOOTER, SHEETS};
use crate::date::PartialDate;
use crate::error::Result;
use crate::export::write_export;
use crate::mask::mask_phone;
use crate::recruits::{Ending, RecruitFile, Stage, StopReason, STAGE_NAMES};
use crate::store::Store;
use chrono::NaiveDate;
use rust_xlsxwriter::{Format, FormatAlign, Worksheet};

/// The index in [`SHEETS`] of the 发展党员工作台账; the four 名册 follow it.
pub(super) const LEDGER: usize = 8;

/// A day as the 发展党员 sheets print it: `2026.03.05`.
pub(super) fn dot(d: NaiveDate) -> String {
    d.format("%Y.%m.%d").to_string()
}

fn dot_or_blank(d: Option<NaiveDate>) -> String {
    d.map(dot).unwrap_or_default()
}

fn birth_month(d: NaiveDate) -> String {
    d.format("%Y.%m").to_string()
}

/// The words of the 转正 column: the day, or how it stands or ended.
fn ending_text(e: Option<Ending>) -> String {
    match e {
        None => String::new(),
        Some(Ending::Full(d)) => dot(d),
        Some(Ending::Extended(m)) => format!("延长预备期{m}个月"),
        Some(Ending::Cancelled) => "取消资格".into(),
        Some(Ending::Stopped(r)) => format!("已终止：{}", r.label()),
    }
}

/// The last day the sheets of `year` look at: its end, or today within it.
fn as_of(year: i32, today: NaiveDate) -> NaiveDate {
    let end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(today);
    end.min(today.max(NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(today)))
}

/// Everyone's file, in order of application, read once for the five
/// 发展党员 sheets of a workbook (settings and holidays once too).
#[derive(Default)]
pub(super) struct Files(std::cell::OnceCell<Vec<RecruitFile>>);

impl Files {
    fn of(&self, store: &Store) -> Result<&[RecruitFile]> {
        if self.0.get().is_none() {
            let _ = self.0.set(store.recruit_files()?);
        }
        Ok(self.0.get().map_or(&[], Vec::as_slice))
    }
}

const LEDGER_HEADERS: [(&str, f64); 18] = [
    ("序号", 5.5),
    ("姓名", 10.0),
    ("性别", 5.5),
    ("出生年月", 9.5),
    ("申请入党", 12.0),
    ("谈话", 12.0),
    ("确定积极分子", 12.0),
    ("培养联系人", 12.0),
    ("确定发展对象", 12.0),
    ("入党介绍人", 12.0),
    ("政审", 12.0),
    ("集中培训", 12.0),
    ("预审", 12.0),
    ("志愿书编号", 13.0),
    ("支部大会", 12.0),
    ("审批", 12.0),
    ("入党宣誓", 12.0),
    ("转正", 13.0),
];

/// The steps of the ledger's date columns, after 出生年月; 0 is the 志愿书编号.
const LEDGER_STEPS: [u8; 13] = [1, 2, 3, 5, 7, 9, 10, 11, 13, 0, 15, 17, 20];

/// 发展党员工作台账: one row per person whose way touched `year`.
pub(super) fn ledger(store: &Store, files: &Files, year: i32, today: NaiveDate) -> Result<Sheet> {
    let until = as_of(year, today);
    let rows = files
        .of(store)?
        .iter()
        .filter(|f| f.touches_year(year))
        .enumerate()
        .map(|(i, f)| {
            let r = &f.recruit;
            let mut cells = vec![
                Cell::Count(i + 1),
                Cell::Center(r.name.clone()),
                Cell::Center(r.sex_label.into()),
                Cell::Center(birth_month(r.birth_date)),
            ];
            cells.extend(LEDGER_STEPS.iter().map(|&step| match step {
                0 => Cell::Center(if f.first_until(14, until).is_some() {
                    f.volunteer_form_number()
                } else {
                    String::new()
                }),
                n => Cell::Center(dot_or_blank(f.first_until(n, until))),
            }));
            cells.push(Cell::Center(ending_text(f.ending_on(until))));
            cells
        })
        .collect();
    Ok(Sheet {
        name: SHEETS[LEDGER],
        title: format!("{year}年度发展党员工作台账"),
        headers: headers(&LEDGER_HEADERS),
        rows,
        totals: None,
        empty_text: Some("（本年度无发展党员记录）"),
        landscape: true,
        fit_rows: true,
    })
}

/// A roster's own columns after the person's: header, width, and the value.
type Column = (&'static str, f64, fn(&RecruitFile, NaiveDate) -> String);

fn contacts_now(f: &RecruitFile, role: &str, day: NaiveDate) -> String {
    let names: Vec<&str> = f
        .people
        .iter()
        .filter(|p| p.role == role && p.from <= day && p.to.is_none_or(|t| t > day))
        .map(|p| p.name.as_str())
        .collect();
    names.join("、")
}

const APPLICANT_COLUMNS: [Column; 2] = [
    ("申请入党", 11.0, |f, d| dot_or_blank(f.first_until(1, d))),
    ("谈话", 11.0, |f, d| dot_or_blank(f.first_until(2, d))),
];

const ACTIVIST_COLUMNS: [Column; 4] = [
    ("申请入党", 11.0, |f, d| dot_or_blank(f.first_until(1, d))),
    ("确定积极分子", 11.0, |f, d| dot_or_blank(f.first_until(3, d))),
    ("培养联系人", 12.0, |f, d| contacts_now(f, "contact", d)),
    ("最近一次考察", 11.0, |f, d| dot_or_blank(f.steps_until(d).filter(|s| s.step == 6).map(|s| s.date).max())),
];

const CANDIDATE_COLUMNS: [Column; 5] = [
    ("确定积极分子", 11.0, |f, d| dot_or_blank(f.first_until(3, d))),
    ("确定发展对象", 11.0, |f, d| dot_or_blank(f.first_until(7, d))),
    ("入党介绍人", 12.0, |f, d| contacts_now(f, "introducer", d)),
    ("政审", 11.0, |f, d| dot_or_blank(f.first_until(10, d))),
    ("集中培训", 11.0, |f, d| dot_or_blank(f.first_until(11, d))),
];

const PROBATIONARY_COLUMNS: [Column; 4] = [
    ("支部大会接收", 11.0, |f, d| dot_or_blank(f.first_until(15, d))),
    ("上级党委审批", 11.0, |f, d| dot_or_blank(f.first_until(17, d))),
    ("入党宣誓", 11.0, |f, d| dot_or_blank(f.first_until(20, d))),
    ("预备期满", 11.0, |f, d| match f.ending_on(d) {
        Some(Ending::Extended(m)) => format!("{}（延长{m}个月）", dot_or_blank(f.probation_end)),
        _ => dot_or_blank(f.probation_end),
    }),
];

const PERSON_HEADERS: [(&str, f64); 8] = [
    ("序号", 4.5),
    ("姓名", 8.0),
    ("性别", 4.5),
    ("出生年月", 8.5),
    ("民族", 6.0),
    ("学历", 8.0),
    ("工作单位及职务", 16.0),
    ("来源", 11.0),
];

/// The four 名册 in [`SHEETS`] order after the ledger, with their stage.
const ROSTERS: [(Stage, &[Column]); 4] = [
    (Stage::Applicant, &APPLICANT_COLUMNS),
    (Stage::Activist, &ACTIVIST_COLUMNS),
    (Stage::Candidate, &CANDIDATE_COLUMNS),
    (Stage::Probationary, &PROBATIONARY_COLUMNS),
];

/// 入党申请人名册 … 预备党员名册 (`which` 0–3): those at that stage at the
/// year's end (or today, within the year).
pub(super) fn roster(store: &Store, files: &Files, which: usize, year: i32, today: NaiveDate) -> Result<Sheet> {
    let (stage, columns) = ROSTERS[which.min(3)];
    let until = as_of(year, today);
    let mut list = headers(&PERSON_HEADERS);
    list.extend(columns.iter().map(|(h, w, _)| (h.to_string(), *w)));
    let width: f64 = list.iter().map(|h| h.1).sum();
    let rows = files
        .of(store)?
        .iter()
        .filter(|f| f.began_on().is_some_and(|b| b <= until) && f.stage_on(until) == stage)
        .enumerate()
        .map(|(i, f)| {
            let r = &f.recruit;
            let mut cells = vec![
                Cell::Count(i + 1),
                Cell::Center(r.name.clone()),
                Cell::Center(r.sex_label.into()),
                Cell::Center(birth_month(r.birth_date)),
                Cell::Center(r.ethnicity.clone()),
                Cell::Center(r.education.clone()),
                Cell::Text(r.job.clone()),
                Cell::Center(r.source_label.into()),
            ];
            cells.extend(columns.iter().map(|(_, _, value)| Cell::Center(value(f, until))));
            cells
        })
        .collect();
    let name = SHEETS[LEDGER + 1 + which.min(3)];
    Ok(Sheet {
        name,
        title: format!("{year}年度{name}（截至{}）", PartialDate::Day(until).to_chinese()),
        headers: list,
        rows,
        totals: None,
        empty_text: Some("（无）"),
        landscape: width > 100.0,
        fit_rows: true,
    })
}

// ---- 发展党员全程纪实表 ----

/// The 纪实表's columns: the steps table's, which every other part spans.
const RECORD_COLUMNS: [(&str, f64); 9] = [
    ("步骤", 5.0),
    ("名称", 24.0),
    ("日期", 11.5),
    ("经办人/人员", 15.0),
    ("会议", 8.0),
    ("文号", 16.0),
    ("结果", 8.0),
    ("备注", 11.0),
    ("特殊情况说明", 13.0),
];

/// What one A4 portrait page holds, in points of row height at the sheet's
/// own scale (fit to width shrinks it a little; kept short so that a part's
/// heading is never left alone at the foot of a page).
const PAGE_POINTS: f64 = 800.0;

/// The sheet's name in the one-person workbook.
pub const RECORD_SHEET: &str = "发展党员全程纪实表";

/// Writes the record row by row; each row a list of (first, last column, text).
struct Record<'a> {
    ws: &'a mut Worksheet,
    row: u32,
    /// Points used on the current page, and the rows a new page starts at.
    used: f64,
    breaks: Vec<u32>,
}

impl Record<'_> {
    fn width(from: u16, to: u16) -> f64 {
        RECORD_COLUMNS[from as usize..=to as usize].iter().map(|c| c.1).sum()
    }

    /// How tall a row must be for its text (as WPS lays 宋体 out: a Chinese
    /// character two column units).
    fn measure(cells: &[(u16, u16, String, &Format)]) -> f64 {
        let mut lines = 1.0f64;
        for (from, to, text, _) in cells {
            let w = (Self::width(*from, *to) - 0.5).max(1.0);
            let n: f64 = text.split('\n').map(|p| (text_width(p) / w).ceil().max(1.0)).sum();
            lines = lines.max(n);
        }
        14.0 * lines + 5.0
    }

    /// Whether a row this tall still fits on the current page.
    fn fits(&self, points: f64) -> bool {
        self.used + points <= PAGE_POINTS
    }

    /// A new page from this row on.
    fn new_page(&mut self) {
        self.breaks.push(self.row);
        self.used = HEAD_POINTS;
    }

    /// One row of boxed cells, each spanning its columns, tall enough for its text.
    fn line(&mut self, cells: &[(u16, u16, String, &Format)]) -> Result<()> {
        for (from, to, text, fmt) in cells {
            if from == to {
                self.ws.write_string_with_format(self.row, *from, text, fmt).map_err(xe)?;
            } else {
                self.ws.merge_range(self.row, *from, self.row, *to, text, fmt).map_err(xe)?;
            }
        }
        self.height(Self::measure(cells))
    }

    /// Sets this row's height and moves on, counting the page.
    fn height(&mut self, points: f64) -> Result<()> {
        self.ws.set_row_height(self.row, points).map_err(xe)?;
        if !self.fits(points) {
            self.new_page();
        }
        self.used += points;
        self.row += 1;
        Ok(())
    }

    /// A part's heading across the whole width, on a new page when the
    /// heading and the first `keep` rows under it would not fit on this one.
    fn heading(&mut self, text: &str, f: &Format, keep: u32) -> Result<()> {
        if !self.fits(8.0 + 20.0 * (keep as f64 + 2.0)) {
            self.new_page();
        } else {
            self.height(8.0)?;
        }
        self.line(&[(0, 8, text.to_string(), f)])
    }
}

/// The title and 填报单位 rows, repeated at the top of every page.
const HEAD_POINTS: f64 = 45.0;

fn step_note(s: &crate::recruits::StepRecord) -> String {
    let mut parts = Vec::new();
    if let Some(d) = s.days {
        parts.push(format!("培训{d}天"));
    }
    if let Some(h) = s.hours {
        parts.push(format!("{h}学时"));
    }
    if let Some(m) = s.months {
        parts.push(format!("延长{m}个月"));
    }
    if let Some(g) = &s.group_name {
        parts.push(format!("编入{g}"));
    }
    if !s.note.trim().is_empty() {
        parts.push(s.note.trim().to_string());
    }
    parts.join("；")
}

impl Store {
    /// One person's 发展党员全程纪实表 as .xlsx bytes: A4 portrait, the
    /// 台账 frame's title, 填报单位 and date; details (ID number masked),
    /// every recorded step, 联系人 and 介绍人, the documents by stage, the 公示.
    pub fn recruit_record(&self, id: i64, today: NaiveDate) -> Result<Vec<u8>> {
        let file = self.recruit(id)?;
        let unit = self.unit_name()?;
        // Masked as every list shows it (`mask::mask_id_number`, when the file was read).
        let id_masked = file.recruit.id_number_masked.clone();
        let f = Formats::new();
        let label = f.header.clone().set_background_color("#F2F2F2");
        let part = f.header.clone().set_align(FormatAlign::Left).set_background_color("#D9D9D9");
        let mut wb = crate::workbook::new_workbook()?;
        let ws = wb.add_worksheet().set_name(RECORD_SHEET).map_err(xe)?;
        for (c, (_, w)) in RECORD_COLUMNS.iter().enumerate() {
            ws.set_column_width(c as u16, *w).map_err(xe)?;
        }
        ws.merge_range(0, 0, 0, 8, RECORD_SHEET, &f.title).map_err(xe)?;
        ws.set_row_height(0, 30).map_err(xe)?;
        ws.merge_range(1, 0, 1, 4, &format!("填报单位：{unit}"), &f.sub).map_err(xe)?;
        let date_line = format!("填报日期：{}", PartialDate::Day(today).to_chinese());
        ws.merge_range(1, 5, 1, 8, &date_line, &f.sub.clone().set_align(FormatAlign::Right)).map_err(xe)?;
        ws.set_paper_size(A4);
        ws.set_portrait();
        ws.set_print_fit_to_pages(1, 0);
        ws.set_repeat_rows(0, 1).map_err(xe)?;
        // The person's name beside the page number: a loose page is still theirs.
        ws.set_footer(format!("&L{}&R{}", file.recruit.name, FOOTER.trim_start_matches("&C")));
        ws.set_print_center_horizontally(true);
        ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);

        let r = &file.recruit;
        let mut rec = Record { ws, row: 2, used: HEAD_POINTS, breaks: Vec::new() };
        rec.heading("一、基本情况", &part, 8)?;
        let (l, c) = (&label, &f.center);
        let came = match (r.came_from.trim(), r.came_on) {
            ("", None) => String::new(),
            (from, on) => format!("{from}{}转入", on.map(|d| format!("，{}", dot(d))).unwrap_or_default()),
        };
        let stopped = match (r.stopped_on, r.stop_reason) {
            (Some(d), reason) => format!(
                "{}终止：{}{}",
                dot(d),
                reason.unwrap_or(StopReason::NotContinued).label(),
                if r.stop_note.trim().is_empty() { String::new() } else { format!("（{}）", r.stop_note.trim()) }
            ),
            _ => String::new(),
        };
        // Two pairs a row: a label over columns 0–1 or 4–5, its value over 2–3 or 6–8.
        let pairs: [(&str, String, &str, String); 6] = [
            ("姓名", r.name.clone(), "性别", r.sex_label.into()),
            ("出生年月", birth_month(r.birth_date), "民族", r.ethnicity.clone()),
            ("公民身份号码", id_masked, "学历", r.education.clone()),
            ("工作单位及职务", r.job.clone(), "来源", r.source_label.into()),
            ("共青团员", if r.league_member { "是" } else { "否" }.into(), "联系电话", mask_phone(&r.phone)),
            ("当前阶段", r.stage_label.into(), "预备期满", dot_or_blank(file.probation_end)),
        ];
        for (a, av, b, bv) in pairs {
            rec.line(&[(0, 1, a.into(), l), (2, 3, av, c), (4, 5, b.into(), l), (6, 8, bv, c)])?;
        }
        let moved = [came, stopped].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join("；");
        rec.line(&[(0, 1, "转入或终止".into(), l), (2, 8, moved, &f.cell)])?;
        rec.line(&[(0, 1, "依据".into(), l), (2, 8, file.rule_set.clone(), &f.cell)])?;

        rec.heading("二、发展程序", &part, 3)?;
        let head: Vec<(u16, u16, String, &Format)> =
            RECORD_COLUMNS.iter().enumerate().map(|(i, (h, _))| (i as u16, i as u16, h.to_string(), l)).collect();
        rec.line(&head)?;
        if file.steps.is_empty() {
            rec.line(&[(0, 8, "（还没有记录）".into(), c)])?;
        }
        for s in &file.steps {
            let meeting = match s.meeting_id {
                Some(mid) => self.meeting(mid).map(|m| m.kind.label().to_string()).unwrap_or_else(|_| "已关联".into()),
                None => String::new(),
            };
            let cells = [
                (0, 0, s.step.to_string(), c),
                (1, 1, s.name.clone(), &f.cell),
                (2, 2, dot(s.date), c),
                (3, 3, s.actors.clone(), &f.cell),
                (4, 4, meeting, c),
                (5, 5, s.doc_number.clone(), &f.cell),
                (6, 6, s.outcome_label.clone(), c),
                (7, 7, step_note(s), &f.cell),
                (8, 8, s.override_reason.clone(), &f.cell),
            ];
            // Continued on a new page: the steps' header row again first.
            if !rec.fits(Record::measure(&cells)) {
                rec.new_page();
                rec.line(&head)?;
            }
            rec.line(&cells)?;
        }

        rec.heading("三、培养联系人和入党介绍人", &part, file.people.len().clamp(1, 4) as u32)?;
        rec.line(&[
            (0, 1, "类别".into(), l),
            (2, 3, "姓名".into(), l),
            (4, 5, "起".into(), l),
            (6, 8, "止".into(), l),
        ])?;
        if file.people.is_empty() {
            rec.line(&[(0, 8, "（还没有指定）".into(), c)])?;
        }
        let mut people: Vec<_> = file.people.iter().collect();
        people.sort_by_key(|p| (p.role != "contact", p.from));
        for p in people {
            rec.line(&[
                (0, 1, p.role_label.into(), c),
                (2, 3, p.name.clone(), c),
                (4, 5, dot(p.from), c),
                (6, 8, p.to.map_or_else(|| "至今".into(), dot), c),
            ])?;
        }

        rec.heading("四、材料清单", &part, 4)?;
        rec.line(&[
            (0, 2, "阶段".into(), l),
            (3, 5, "材料".into(), l),
            (6, 7, "收到日期".into(), l),
            (8, 8, "编号".into(), l),
        ])?;
        for stage in 1..=STAGE_NAMES.len() as u8 {
            let docs: Vec<_> = file.docs.iter().filter(|d| d.stage == stage).collect();
            let top = rec.row;
            for d in &docs {
                rec.line(&[
                    (3, 5, d.label.into(), &f.cell),
                    (6, 7, d.received_on.map_or_else(|| "未收到".into(), dot), c),
                    (8, 8, d.number.clone(), c),
                ])?;
            }
            if !docs.is_empty() {
                // The stage's name once, beside all of its documents (a page
                // break inside the group is drawn by the break, not here).
                let name = STAGE_NAMES[stage as usize - 1];
                let split = rec.breaks.iter().any(|b| *b > top && *b < rec.row);
                if split {
                    for row in top..rec.row {
                        rec.ws.merge_range(row, 0, row, 2, name, &f.cell).map_err(xe)?;
                    }
                } else if rec.row - top == 1 {
                    rec.ws.merge_range(top, 0, top, 2, name, &f.cell).map_err(xe)?;
                } else {
                    rec.ws.merge_range(top, 0, rec.row - 1, 2, name, &f.cell).map_err(xe)?;
                }
            }
        }

        rec.heading("五、公示", &part, file.notices.len().clamp(1, 3) as u32)?;
        rec.line(&[
            (0, 3, "公示".into(), l),
            (4, 5, "开始".into(), l),
            (6, 7, "结束".into(), l),
            (8, 8, "工作日".into(), l),
        ])?;
        if file.notices.is_empty() {
            rec.line(&[(0, 8, "（还没有记录公示）".into(), c)])?;
        }
        for n in &file.notices {
            rec.line(&[
                (0, 3, n.title.clone(), &f.cell),
                (4, 5, dot(n.from), c),
                (6, 7, dot(n.to), c),
                (8, 8, n.working_days.to_string(), c),
            ])?;
        }
        let last = rec.row;
        rec.ws
            .merge_range(
                last + 1,
                0,
                last + 1,
                8,
                "经办人签字：                    书记签字：                    日期：      年    月    日",
                &f.sign,
            )
            .map_err(xe)?;
        rec.ws.set_row_height(last + 1, 30).map_err(xe)?;
        let breaks = rec.breaks.clone();
        if !breaks.is_empty() {
            rec.ws.set_page_breaks(&breaks).map_err(xe)?;
        }
        wb.save_to_buffer().map_err(xe)
    }

    /// Writes one person's 全程纪实表 into `dir` (the 导出 folder), under a
    /// temporary name first, named by the person and the day.
    pub fn export_recruit_record(&self, id: i64, today: NaiveDate, dir: &std::path::Path) -> Result<Exported> {
        let bytes = self.recruit_record(id, today)?;
        let name =
            crate::export::recruit_record_file_name(&self.branch()?.name, &self.recruit(id)?.recruit.name, today);
        let path = write_export(dir, &name, &bytes)?;
        Ok(Exported { path: path.display().to_string(), size: bytes.len() as u64, sheets: vec![RECORD_SHEET.into()] })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_print_with_dots_and_the_ending_in_words() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        assert_eq!(dot(d), "2026.03.05");
        assert_eq!(ending_text(Some(Ending::Full(d))), "2026.03.05");
        assert_eq!(ending_text(Some(Ending::Extended(6))), "延长预备期6个月");
        assert_eq!(ending_text(Some(Ending::Cancelled)), "取消资格");
        assert_eq!(ending_text(Some(Ending::Stopped(StopReason::Withdrew))), "已终止：本人撤回申请");
        assert_eq!(ending_text(None), "");
    }

    #[test]
    fn a_years_sheets_look_at_its_end_or_today_within_it() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        assert_eq!(as_of(2026, today), today);
        assert_eq!(as_of(2025, today), NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
    }
}
