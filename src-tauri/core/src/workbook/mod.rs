//! 台账 workbooks (.xlsx) that print on A4 in WPS and Excel without
//! adjustment: a merged title row, 填报单位 and date, header rows repeated
//! on every page, fit to the page width, 第 N 页 共 M 页, a Chinese font,
//! printed gridlines, totals as formulas (with their values), a signature
//! line. Full ID and phone numbers appear only in the internal roster, whose
//! title says 内部资料.

use crate::date::PartialDate;
use crate::dues::money::yuan;
use crate::dues::MonthState;
use crate::error::{Error, Result};
use crate::members::{Member, MemberQuery};
use crate::store::Store;
use chrono::NaiveDate;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

mod care;
mod mobile;
mod notice;
mod points;
mod recruits;
mod service;
mod sheet;
mod spending;
mod study;

pub use sheet::{Align, PaperCell, SheetPaper};
use sheet::{Cell, Sheet, Totals};

// Naming and writing exported files, the font, A4 and column letters live in
// `crate::export` (shared with notices, the import template and the
// archive); re-exported here where the app has always found them.
pub use crate::export::{col_name, export_file_name, safe_file_name, write_export, A4, FONT};
pub use notice::{notice_workbook, sheet_name as notice_sheet_name};
pub use recruits::RECORD_SHEET;

pub const FOOTER: &str = "&C第 &P 页 共 &N 页";

fn xe(e: XlsxError) -> Error {
    Error::Workbook(e.to_string())
}

/// A new workbook. rust_xlsxwriter is built with its `constant_memory`
/// feature, for the year workbook's sheets written row by row into
/// temporary files while the next sheet is built (docs/PERFORMANCE.md);
/// with it every worksheet opens a temporary file and panics if it cannot.
/// The temporary folder is tried first, so a full or locked one is said in
/// words instead.
pub(crate) fn new_workbook() -> Result<Workbook> {
    tempfile::tempfile().map_err(|e| {
        Error::Workbook(format!(
            "电脑的临时文件夹 {} 写不进文件：{e}。请看看磁盘是不是满了",
            std::env::temp_dir().display()
        ))
    })?;
    Ok(Workbook::new())
}

struct Formats {
    title: Format,
    sub: Format,
    header: Format,
    cell: Format,
    center: Format,
    money: Format,
    sign: Format,
}

impl Formats {
    fn new() -> Formats {
        let base = Format::new().set_font_name(FONT).set_font_size(10.5);
        let boxed = base.clone().set_border(FormatBorder::Thin).set_text_wrap();
        Formats {
            title: base.clone().set_font_size(18).set_bold().set_align(FormatAlign::Center),
            sub: base.clone().set_font_size(10.5),
            header: boxed.clone().set_bold().set_align(FormatAlign::Center).set_align(FormatAlign::VerticalCenter),
            cell: boxed.clone().set_align(FormatAlign::VerticalCenter),
            center: boxed.clone().set_align(FormatAlign::Center).set_align(FormatAlign::VerticalCenter),
            money: boxed.set_num_format("0.00").set_align(FormatAlign::Right).set_align(FormatAlign::VerticalCenter),
            sign: base.set_font_size(11),
        }
    }
}

/// The frame every 台账 sheet shares: title, 填报单位/日期, headers, print setup.
fn frame(
    ws: &mut Worksheet,
    f: &Formats,
    title: &str,
    unit: &str,
    today: NaiveDate,
    headers: &[(&str, f64)],
    landscape: bool,
) -> Result<()> {
    let last = (headers.len() - 1) as u16;
    ws.merge_range(0, 0, 0, last, title, &f.title).map_err(xe)?;
    ws.set_row_height(0, 30).map_err(xe)?;
    // 填报单位 on the left half, 填报日期 on the right (a single cell cannot be merged).
    let half = last / 2;
    let unit_text = format!("填报单位：{unit}");
    let date_text = format!("填报日期：{}", PartialDate::Day(today).to_chinese());
    for (from, to, text) in [(0, half, unit_text), (half + 1, last, date_text)] {
        if from == to {
            ws.write_string_with_format(1, from, &text, &f.sub).map_err(xe)?;
        } else {
            ws.merge_range(1, from, 1, to, &text, &f.sub).map_err(xe)?;
        }
    }

    for (c, (h, width)) in headers.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, *h, &f.header).map_err(xe)?;
        ws.set_column_width(c as u16, *width).map_err(xe)?;
    }
    ws.set_row_height(2, 28).map_err(xe)?;
    ws.set_paper_size(A4);
    if landscape {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 2).map_err(xe)?;
    ws.set_footer(FOOTER);
    ws.set_print_gridlines(true);
    ws.set_print_center_horizontally(true);
    ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    ws.set_freeze_panes(3, 0).map_err(xe)?;
    Ok(())
}

/// How wide a text is in Excel column units: a Chinese character takes
/// about two, a Latin letter or digit one.
pub fn text_width(s: &str) -> f64 {
    s.chars().map(|c| if c.is_ascii() { 1.1 } else { 2.1 }).sum()
}

/// The line under every 台账 table, to sign by hand.
const SIGNATURE: &str = "书记签字：                        日期：        年    月    日";

/// The signature a row below `row`.
fn signature(ws: &mut Worksheet, f: &Formats, row: u32, last: u16) -> Result<()> {
    ws.merge_range(row + 1, 0, row + 1, last, SIGNATURE, &f.sign).map_err(xe)?;
    Ok(())
}

fn headers(list: &[(&str, f64)]) -> Vec<(String, f64)> {
    list.iter().map(|(h, w)| (h.to_string(), *w)).collect()
}

fn roster(members: &[Member]) -> Sheet {
    let headers = headers(&[
        ("序号", 5.0),
        ("姓名", 9.0),
        ("性别", 5.0),
        ("民族", 6.0),
        ("出生年月", 10.0),
        ("文化程度", 9.0),
        ("入党时间", 15.0),
        ("转正时间", 15.0),
        ("党员类别", 9.0),
        ("所在党小组", 11.0),
        ("工作单位及职务", 18.0),
        ("公民身份号码", 20.0),
        ("联系电话", 13.0),
        ("备注", 14.0),
    ]);
    let rows = members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let birth = format!("{}.{:02}", m.birth_date.year(), m.birth_date.month_number());
            // Numbers are text: an ID number must never become a float.
            vec![
                Cell::Center((i + 1).to_string()),
                Cell::Text(m.name.clone()),
                Cell::Center(m.sex.label().into()),
                Cell::Text(m.ethnicity.clone()),
                Cell::Center(birth),
                Cell::Text(m.education.clone()),
                Cell::Text(m.admitted_on.map(|d| d.to_chinese()).unwrap_or_default()),
                Cell::Text(m.full_member_on.map(|d| d.to_chinese()).unwrap_or_default()),
                Cell::Center(m.kind.label().into()),
                Cell::Text(m.group_name.clone().unwrap_or_default()),
                Cell::Text(m.job.clone()),
                Cell::Text(m.id_number.clone()),
                Cell::Text(m.phone.clone()),
                Cell::Text(m.notes.clone()),
            ]
        })
        .collect();
    Sheet {
        name: SHEETS[0],
        title: "党员花名册（内部资料，含个人信息，请妥善保管）".into(),
        headers,
        rows,
        totals: None,
        empty_text: None,
        landscape: true,
        fit_rows: true,
    }
}

fn meetings(store: &Store, year: i32) -> Result<Sheet> {
    let headers = headers(&[
        ("序号", 5.0),
        ("会议类型", 11.0),
        ("时间", 20.0),
        ("地点", 12.0),
        ("主持人", 8.0),
        ("记录人", 8.0),
        ("应到人数", 6.0),
        ("实到人数", 6.0),
        ("缺席人员及原因", 22.0),
        ("会议主题", 22.0),
        ("主要内容及决议", 36.0),
    ]);
    let mut meetings = store.meetings_belonging_away(year, None)?;
    meetings.retain(|m| m.kind != crate::meetings::MeetingKind::Talk);
    meetings.reverse();
    let rows = meetings
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let away: Vec<String> = m
                .attendees
                .iter()
                .filter(|a| a.status != crate::meetings::Attendance::Present)
                .map(|a| match (a.status.took_part(), a.reason.is_empty()) {
                    (true, true) => format!("{}（{}）", a.name, a.status.label()),
                    (true, false) => format!("{}（{}：{}）", a.name, a.status.label(), a.reason),
                    (false, true) => a.name.clone(),
                    (false, false) => format!("{}（{}）", a.name, a.reason),
                })
                .collect();
            let resolutions: Vec<String> =
                m.resolutions.iter().map(|r| format!("{} {}", r.text, r.verdict).trim().to_string()).collect();
            let content = [m.minutes.clone(), resolutions.join("；")]
                .iter()
                .filter(|s| !s.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join("\n决议：");
            vec![
                Cell::Count(i + 1),
                Cell::Text(m.kind.label().into()),
                Cell::Text(format!("{} {}", PartialDate::Day(m.date).to_chinese(), m.start_time).trim().to_string()),
                Cell::Text(m.place.clone()),
                Cell::Text(m.host_name.clone().unwrap_or_default()),
                Cell::Text(m.recorder_name.clone().unwrap_or_default()),
                Cell::Count(m.quorum.should_attend),
                Cell::Count(m.quorum.present),
                Cell::Text(away.join("、")),
                Cell::Text(m.topic.clone()),
                Cell::Text(content),
            ]
        })
        .collect();
    Ok(Sheet {
        name: SHEETS[1],
        title: format!("{year}年度三会一课及主题党日记录台账"),
        headers,
        rows,
        totals: None,
        empty_text: None,
        landscape: true,
        fit_rows: true,
    })
}

fn dues(store: &Store, year: i32, today: NaiveDate) -> Result<Sheet> {
    let mut headers = headers(&[("序号", 5.0), ("姓名", 9.0), ("党费基数", 9.0), ("交纳比例", 8.0), ("月交纳额", 8.0)]);
    headers.extend((1..=12).map(|m| (format!("{m}月"), 7.0)));
    headers.push(("全年合计".into(), 9.0));
    headers.push(("备注".into(), 16.0));
    let grid = store.dues_grid(year, today)?;
    let money_or_blank = |fen: Option<i64>| fen.map_or_else(|| Cell::Text(String::new()), Cell::Money);
    let rows = grid
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let mut cells = vec![
                Cell::Count(i + 1),
                Cell::Text(row.name.clone()),
                money_or_blank(row.base_fen),
                Cell::Center(row.rate_label.clone().unwrap_or_default()),
                money_or_blank(row.monthly_fen),
            ];
            cells.extend(row.cells.iter().map(|c| match c.state {
                MonthState::Paid => Cell::Money(c.paid_fen),
                MonthState::NotMember => Cell::Center("—".into()),
                MonthState::Waived => Cell::Center("免交".into()),
                MonthState::Owed => Cell::Center("未交".into()),
                MonthState::Elsewhere => Cell::Center("流入地".into()),
                MonthState::Unassessed | MonthState::Future => Cell::Center(String::new()),
            }));
            cells.push(Cell::RowSum { from: 5, to: 16, fen: row.total_fen });
            let note = if row.arrears_months >= 3 {
                format!("连续{}个月未交", row.arrears_months)
            } else {
                String::new()
            };
            cells.push(Cell::Text(note));
            cells
        })
        .collect();
    // Totals as formulas, so an edit in WPS still adds up; the values are written too.
    let mut sums: Vec<(u16, i64)> = grid.month_totals.iter().enumerate().map(|(k, v)| (5 + k as u16, *v)).collect();
    sums.push((17, grid.total_fen));
    Ok(Sheet {
        name: SHEETS[4],
        title: format!("{year}年度党费收缴台账"),
        headers,
        rows,
        totals: Some(Totals {
            label_to: 4,
            sums,
            note: Some((18, format!("另收自愿多交 {} 元", yuan(grid.extra_fen)))),
        }),
        empty_text: None,
        landscape: true,
        fit_rows: false,
    })
}

fn remittances(store: &Store, year: i32) -> Result<Sheet> {
    let headers = headers(&[
        ("序号", 5.0),
        ("上缴日期", 14.0),
        ("所属月份", 18.0),
        ("金额（元）", 11.0),
        ("经手人", 10.0),
        ("凭证号", 20.0),
        ("备注", 16.0),
    ]);
    let list = store.remittances(Some(year))?;
    let rows = list
        .iter()
        .enumerate()
        .map(|(i, x)| {
            vec![
                Cell::Count(i + 1),
                Cell::Text(PartialDate::Day(x.remitted_on).to_chinese()),
                Cell::Text(format!("{}—{}", x.from_month.label(), x.to_month.label())),
                Cell::Money(x.amount_fen),
                Cell::Text(x.handler.clone()),
                Cell::Text(x.voucher.clone()),
                Cell::Text(x.note.clone()),
            ]
        })
        .collect();
    let total: i64 = list.iter().map(|x| x.amount_fen).sum();
    Ok(Sheet {
        name: SHEETS[5],
        title: format!("{year}年度党费上缴记录"),
        headers,
        rows,
        totals: Some(Totals { label_to: 2, sums: vec![(3, total)], note: None }),
        empty_text: None,
        landscape: false,
        fit_rows: false,
    })
}

/// A plain 台账 table: one row per entry, all text, numbered.
fn table(index: usize, year: i32, list: &[(&str, f64)], rows: Vec<Vec<String>>, landscape: bool) -> Sheet {
    let rows = rows
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            std::iter::once(Cell::Center((i + 1).to_string())).chain(row.into_iter().map(Cell::Text)).collect()
        })
        .collect();
    Sheet {
        name: SHEETS[index],
        title: format!("{year}年度{}", SHEETS[index]),
        headers: headers(list),
        rows,
        totals: None,
        empty_text: Some("（本年度无记录）"),
        landscape,
        fit_rows: true,
    }
}

fn review_rows(store: &Store, year: i32) -> Result<Vec<Vec<String>>> {
    let mut rows = Vec::new();
    for m in store.meetings_belonging(year, Some(crate::meetings::MeetingKind::Review))?.iter().rev() {
        for a in &m.attendees {
            let grade = match (a.grade, a.voting) {
                (Some(g), _) => g.label().to_string(),
                (None, false) if a.member_kind == crate::members::MemberKind::Probationary => {
                    "预备党员不评定等次".into()
                }
                (None, false) => "无表决权，不评定等次".into(),
                (None, true) => String::new(),
            };
            rows.push(vec![a.name.clone(), String::new(), String::new(), grade, PartialDate::Day(m.date).to_chinese()]);
        }
    }
    Ok(rows)
}

fn talk_rows(store: &Store, year: i32) -> Result<Vec<Vec<String>>> {
    let mut rows = Vec::new();
    for m in store.meetings(year, Some(crate::meetings::MeetingKind::Talk))?.iter().rev() {
        let with: Vec<String> = m.attendees.iter().map(|a| a.name.clone()).collect();
        rows.push(vec![
            PartialDate::Day(m.date).to_chinese(),
            m.host_name.clone().unwrap_or_default(),
            with.join("、"),
            m.topic.clone(),
            m.minutes.clone(),
            String::new(),
        ]);
    }
    Ok(rows)
}

fn birthday_rows(members: &[Member], year: i32) -> Vec<Vec<String>> {
    let mut members: Vec<&Member> = members
        .iter()
        .filter(|m| m.status == crate::members::Status::Normal && m.admitted_on.is_some_and(|a| a.year() < year))
        .collect();
    // By month and day of admission; a day not known comes first in its month.
    members.sort_by_key(|m| {
        m.admitted_on.map(|a| (a.month_number(), if a.day_known() { chrono::Datelike::day(&a.first_day()) } else { 0 }))
    });
    members
        .iter()
        .filter_map(|m| {
            let a = m.admitted_on?;
            let day = match a {
                PartialDate::Day(d) => PartialDate::Day(crate::date::anniversary_in(d, year)).to_chinese(),
                PartialDate::Month { month, .. } => format!("{year}年{month}月（日期不详）"),
            };
            Some(vec![m.name.clone(), a.to_chinese(), (year - a.year()).to_string(), day, String::new(), String::new()])
        })
        .collect()
}

fn transfer_rows(store: &Store, year: i32) -> Result<Vec<Vec<String>>> {
    Ok(store
        .transfers_in_year(year)?
        .into_iter()
        .map(|(name, t)| {
            vec![
                name,
                t.direction.label().into(),
                t.date.to_chinese(),
                t.other_branch,
                t.letter_number,
                t.dues_paid_to.map(|d| d.to_chinese()).unwrap_or_default(),
                String::new(),
                t.notes,
            ]
        })
        .collect())
}

/// The sheets in the order the workbook holds them, after the cover and contents.
pub const SHEETS: [&str; 22] = [
    crate::export::ROSTER_SHEET,
    "三会一课及主题党日记录台账",
    "组织生活会和民主评议台账",
    "谈心谈话记录",
    "党费收缴台账",
    "党费上缴记录",
    "政治生日台账",
    "组织关系转接台账",
    "发展党员工作台账",
    "入党申请人名册",
    "入党积极分子名册",
    "发展对象名册",
    "预备党员名册",
    // 流动党员 (workbook/mobile.rs).
    "流动党员登记台账",
    "流动党员联系记录",
    // 关怀帮扶 (workbook/care.rs).
    care::CASES,
    care::VISITS,
    // 党费使用 (workbook/spending.rs).
    "党费使用明细",
    // 学时 (workbook/study.rs).
    study::HOURS,
    study::TRAININGS,
    // 志愿服务 (workbook/service.rs).
    service::REGISTER,
    // 积分, last: it counts what the sheets before it record (workbook/points.rs).
    points::LEDGER,
];

fn cover_sheets(
    wb: &mut Workbook,
    f: &Formats,
    unit: &str,
    secretary: &str,
    year: i32,
    today: NaiveDate,
) -> Result<()> {
    let ws = wb.add_worksheet().set_name("封面").map_err(xe)?;
    ws.set_paper_size(A4);
    ws.set_portrait();
    ws.set_print_fit_to_pages(1, 1);
    ws.set_print_center_horizontally(true);
    ws.set_column_width(0, 80).map_err(xe)?;
    let big = Format::new().set_font_name(FONT).set_font_size(26).set_bold().set_align(FormatAlign::Center);
    let mid = Format::new().set_font_name(FONT).set_font_size(16).set_align(FormatAlign::Center);
    ws.set_row_height(6, 48).map_err(xe)?;
    ws.write_string_with_format(6, 0, unit, &mid).map_err(xe)?;
    ws.set_row_height(8, 60).map_err(xe)?;
    ws.write_string_with_format(8, 0, format!("{year}年度党建工作台账"), &big).map_err(xe)?;
    ws.write_string_with_format(20, 0, format!("填报人：{secretary}"), &mid).map_err(xe)?;
    ws.write_string_with_format(22, 0, format!("填报日期：{}", PartialDate::Day(today).to_chinese()), &mid)
        .map_err(xe)?;
    let ws = wb.add_worksheet().set_name("目录").map_err(xe)?;
    frame(ws, f, "目  录", unit, today, &[("序号", 8.0), ("台账名称", 50.0), ("备注", 24.0)], false)?;
    for (i, name) in SHEETS.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_string_with_format(r, 0, (i + 1).to_string(), &f.center).map_err(xe)?;
        ws.write_string_with_format(r, 1, *name, &f.cell).map_err(xe)?;
        let note = if i == 0 { "内部资料，含身份证号和电话" } else { "" };
        ws.write_string_with_format(r, 2, note, &f.cell).map_err(xe)?;
    }
    Ok(())
}

const REVIEW_HEADERS: [(&str, f64); 6] =
    [("序号", 5.0), ("姓名", 10.0), ("自评", 12.0), ("互评", 12.0), ("组织评定等次", 18.0), ("评议日期", 16.0)];
const TALK_HEADERS: [(&str, f64); 7] = [
    ("序号", 5.0),
    ("日期", 14.0),
    ("谈话人", 9.0),
    ("谈话对象", 12.0),
    ("谈话主题", 20.0),
    ("主要内容", 40.0),
    ("备注", 10.0),
];
const BIRTHDAY_HEADERS: [(&str, f64); 7] = [
    ("序号", 5.0),
    ("姓名", 10.0),
    ("入党时间", 15.0),
    ("入党年数", 8.0),
    ("政治生日", 22.0),
    ("活动形式", 18.0),
    ("备注", 12.0),
];
const TRANSFER_HEADERS: [(&str, f64); 9] = [
    ("序号", 5.0),
    ("姓名", 9.0),
    ("转入/转出", 8.0),
    ("日期", 14.0),
    ("转自/转往党组织", 26.0),
    ("介绍信编号", 18.0),
    ("党费交至月份", 12.0),
    ("回执情况", 10.0),
    ("备注", 14.0),
];

/// What several sheets of one workbook read, read once for them all.
#[derive(Default)]
struct Shared {
    /// Every member as the roster lists them (the roster, 政治生日).
    members: std::cell::OnceCell<Vec<Member>>,
    /// The 发展党员 files (the five 发展党员 sheets).
    files: recruits::Files,
}

impl Shared {
    fn members(&self, store: &Store) -> Result<&[Member]> {
        if self.members.get().is_none() {
            let _ = self.members.set(store.members(&MemberQuery::default())?);
        }
        Ok(self.members.get().map_or(&[], Vec::as_slice))
    }
}

/// One of the [`SHEETS`] (by its index there), built from the records.
fn build_sheet(store: &Store, shared: &Shared, index: usize, year: i32, today: NaiveDate) -> Result<Sheet> {
    Ok(match index {
        0 => roster(shared.members(store)?),
        1 => meetings(store, year)?,
        2 => table(index, year, &REVIEW_HEADERS, review_rows(store, year)?, false),
        3 => table(index, year, &TALK_HEADERS, talk_rows(store, year)?, true),
        4 => dues(store, year, today)?,
        5 => remittances(store, year)?,
        6 => table(index, year, &BIRTHDAY_HEADERS, birthday_rows(shared.members(store)?, year), false),
        7 => table(index, year, &TRANSFER_HEADERS, transfer_rows(store, year)?, true),
        recruits::LEDGER => recruits::ledger(store, &shared.files, year, today)?,
        spending::SPENDING => spending::sheet(store, year)?,
        mobile::REGISTER => mobile::register(store, year)?,
        mobile::CONTACTS => mobile::contacts(store, year)?,
        i if SHEETS[i] == care::CASES => care::cases(store, year, today)?,
        i if SHEETS[i] == care::VISITS => care::visits(store, year)?,
        i if SHEETS[i] == service::REGISTER => service::register(store, year)?,
        i if SHEETS[i] == points::LEDGER => points::ledger(store, year)?,
        i if SHEETS[i] == study::HOURS => study::hours(store, year, today)?,
        i if SHEETS[i] == study::TRAININGS => study::trainings(store, year)?,
        _ => recruits::roster(store, &shared.files, index - recruits::LEDGER - 1, year, today)?,
    })
}

/// Adds one of the [`SHEETS`] (by its index there) to `wb`.
fn add_sheet(
    wb: &mut Workbook,
    store: &Store,
    f: &Formats,
    unit: &str,
    index: usize,
    year: i32,
    today: NaiveDate,
) -> Result<()> {
    let sheet = build_sheet(store, &Default::default(), index, year, today)?;
    let ws = wb.add_worksheet().set_name(sheet.name).map_err(xe)?;
    sheet::write(ws, f, unit, today, &sheet)
}

/// The order [`Store::year_workbook`] builds the [`SHEETS`] in (their
/// indices there): first those with a row per member and many columns,
/// whose writing takes longest, so that it overlaps the building of the
/// others instead of following it (docs/PERFORMANCE.md); then the rest in
/// their order in the workbook. The roster leads: it is built in two
/// milliseconds (学时 takes eight), so the writer starts at once.
fn build_order() -> impl Iterator<Item = usize> {
    const LONG_TO_WRITE: [&str; 4] = [crate::export::ROSTER_SHEET, study::HOURS, "党费收缴台账", "政治生日台账"];
    let first = LONG_TO_WRITE.map(|name| SHEETS.iter().position(|s| *s == name).expect("one of SHEETS"));
    first.into_iter().chain((0..SHEETS.len()).filter(move |i| !first.contains(i)))
}

impl Store {
    fn unit_name(&self) -> Result<String> {
        let name = self.branch()?.name;
        Ok(if name.is_empty() { "（请在设置中填写支部名称）".to_string() } else { name })
    }

    /// The year's 台账 workbook as .xlsx bytes.
    ///
    /// Each sheet is read and built here while a second thread writes the
    /// ones built before into the workbook: an office PC has two cores, and
    /// the reading and the writing each take about half the time
    /// (docs/PERFORMANCE.md). The writer adds every worksheet first, in the
    /// workbook's order, and fills each as it comes ([`build_order`]), so
    /// the file is the one a single thread would write.
    pub fn year_workbook(&self, year: i32, today: NaiveDate) -> Result<Vec<u8>> {
        let unit = self.unit_name()?;
        let secretary = self.branch()?.secretary;
        std::thread::scope(|scope| {
            // Not bounded: the sheets slow to write come first, so the
            // builder is seldom more than a sheet or two ahead; at worst
            // the year's built sheets are held until written.
            let (built, to_write) = std::sync::mpsc::channel::<(usize, Sheet)>();
            let writer = scope.spawn(|| -> Result<Vec<u8>> {
                let f = Formats::new();
                let mut wb = new_workbook()?;
                cover_sheets(&mut wb, &f, &unit, &secretary, year, today)?;
                let first = wb.worksheets().len();
                // "Low memory" worksheets: each row's XML goes to the sheet's
                // temporary file as it is written, here, while the builder
                // goes on, instead of every sheet's at the save, after the
                // last sheet is built. Rows are written in order (sheet::write).
                for name in SHEETS {
                    wb.add_worksheet_with_low_memory().set_name(name).map_err(xe)?;
                }
                for (index, sheet) in to_write {
                    let ws = wb.worksheet_from_index(first + index).map_err(xe)?;
                    sheet::write(ws, &f, &unit, today, &sheet)?;
                }
                wb.save_to_buffer().map_err(xe)
            });
            let mut failed = None;
            let shared = Shared::default();
            for index in build_order() {
                match build_sheet(self, &shared, index, year, today) {
                    // A writer that stopped says why when joined.
                    Ok(sheet) => {
                        if built.send((index, sheet)).is_err() {
                            break;
                        }
                    }
                    Err(e) => {
                        failed = Some(e);
                        break;
                    }
                }
            }
            drop(built);
            let written = writer.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            match failed {
                Some(e) => Err(e),
                None => written,
            }
        })
    }

    /// One 台账 sheet as its print page shows it (`workbook --sheet … --out X.pdf`).
    pub fn sheet_paper(&self, sheet: &str, year: i32, today: NaiveDate) -> Result<SheetPaper> {
        let index = sheet_index(sheet)?;
        Ok(sheet::paper(&build_sheet(self, &Default::default(), index, year, today)?, &self.unit_name()?, today))
    }

    /// One 台账 sheet on its own (the export button of each view), as .xlsx bytes.
    pub fn sheet_workbook(&self, sheet: &str, year: i32, today: NaiveDate) -> Result<Vec<u8>> {
        let index = sheet_index(sheet)?;
        let f = Formats::new();
        let mut wb = new_workbook()?;
        add_sheet(&mut wb, self, &f, &self.unit_name()?, index, year, today)?;
        wb.save_to_buffer().map_err(xe)
    }
}

fn sheet_index(sheet: &str) -> Result<usize> {
    SHEETS.iter().position(|s| *s == sheet).ok_or(Error::NotFound("台账"))
}

/// The sheets of the year's workbook in order: the cover, the contents, then [`SHEETS`].
pub fn year_workbook_sheets() -> Vec<String> {
    ["封面", "目录"].into_iter().chain(SHEETS).map(String::from).collect()
}

/// A file written for the secretary.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct Exported {
    pub path: String,
    pub size: u64,
    pub sheets: Vec<String>,
}

impl Store {
    /// Writes the year workbook into `dir` under a Chinese name with the branch and year.
    pub fn export_year_workbook(&self, year: i32, today: NaiveDate, dir: &std::path::Path) -> Result<Exported> {
        let bytes = self.year_workbook(year, today)?;
        let name = export_file_name(&self.branch()?.name, year, None, today);
        let path = write_export(dir, &name, &bytes)?;
        Ok(Exported { path: path.display().to_string(), size: bytes.len() as u64, sheets: year_workbook_sheets() })
    }

    /// Writes one 台账 sheet into `dir`; the roster (internal, dated) is
    /// named by the day, the others by the year.
    pub fn export_sheet(&self, sheet: &str, year: i32, today: NaiveDate, dir: &std::path::Path) -> Result<Exported> {
        let bytes = self.sheet_workbook(sheet, year, today)?;
        let name = export_file_name(&self.branch()?.name, year, Some(sheet), today);
        let path = write_export(dir, &name, &bytes)?;
        Ok(Exported { path: path.display().to_string(), size: bytes.len() as u64, sheets: vec![sheet.to_string()] })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names() {
        assert_eq!(col_name(0), "A");
        assert_eq!(col_name(17), "R");
        assert_eq!(col_name(25), "Z");
        assert_eq!(col_name(26), "AA");
        assert_eq!(col_name(27), "AB");
    }

    #[test]
    fn every_sheet_is_built_once() {
        let mut order: Vec<usize> = build_order().collect();
        assert_eq!(order[0], SHEETS.iter().position(|s| *s == crate::export::ROSTER_SHEET).unwrap());
        order.sort();
        assert_eq!(order, (0..SHEETS.len()).collect::<Vec<_>>());
    }

    #[test]
    fn file_names_are_legal_everywhere() {
        assert_eq!(safe_file_name("中共X村支部/2026:台账?"), "中共X村支部_2026_台账_");
    }
}
