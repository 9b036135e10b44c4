use crate::today;
use calamine::{Data, Reader, Xlsx};
use std::io::{Cursor, Read};
use zhibu_core::Store;

fn demo_workbook() -> (Store, Vec<u8>) {
    let mut s = Store::open_in_memory().unwrap();
    s.load_demo(today()).unwrap();
    let bytes = s.year_workbook(2026, today()).unwrap();
    (s, bytes)
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut f = zip.by_name(name).unwrap_or_else(|_| panic!("{name} missing"));
    let mut s = String::new();
    f.read_to_string(&mut s).unwrap();
    s
}

#[test]
fn the_year_workbook_reads_back_cell_by_cell() {
    let (s, bytes) = demo_workbook();
    let mut xlsx: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    let mut want = vec!["封面", "目录"];
    want.extend(zhibu_core::workbook::SHEETS);
    assert_eq!(xlsx.sheet_names(), want);
    let contents = xlsx.worksheet_range("目录").unwrap();
    assert_eq!(contents.get_value((3, 1)), Some(&Data::String("党员花名册".into())));
    // The transfers and talks of the demo year are there.
    let transfers = xlsx.worksheet_range("组织关系转接台账").unwrap();
    assert!(transfers.used_cells().any(|c| *c.2 == "转出"));
    assert!(transfers.used_cells().any(|c| c.2.to_string().contains("青组转〔2026〕12号")));
    let talks = xlsx.worksheet_range("谈心谈话记录").unwrap();
    assert!(talks.height() > 20, "the demo's talks");
    let birthdays = xlsx.worksheet_range("政治生日台账").unwrap();
    assert!(birthdays.used_cells().any(|c| c.2.to_string().contains("日期不详")), "month-only admissions");
    let roster = xlsx.worksheet_range("党员花名册").unwrap();
    assert!(roster.get_value((0, 0)).unwrap().to_string().contains("内部资料"));
    assert!(roster.get_value((1, 0)).unwrap().to_string().contains("中共青石镇东山村支部委员会"));
    assert_eq!(roster.get_value((2, 11)), Some(&Data::String("公民身份号码".into())));
    // ID numbers are text, all 18 characters (never a float that lost digits).
    let members = s.members(&Default::default()).unwrap();
    let first = &members[0];
    assert_eq!(roster.get_value((3, 1)), Some(&Data::String(first.name.clone())));
    assert_eq!(roster.get_value((3, 11)), Some(&Data::String(first.id_number.clone())));
    assert_eq!(roster.height(), 3 + members.len() + 2, "title, unit, header, members, blank, signature");

    let dues = xlsx.worksheet_range("党费收缴台账").unwrap();
    let grid = s.dues_grid(2026, today()).unwrap();
    let total_row = 3 + grid.rows.len() as u32;
    assert_eq!(dues.get_value((total_row, 0)), Some(&Data::String("合计".into())));
    let formulas = xlsx.worksheet_formula("党费收缴台账").unwrap();
    let f = formulas.get_value((total_row, 17)).unwrap();
    assert_eq!(f, &format!("SUM(R4:R{total_row})"));
    assert_eq!(formulas.get_value((3, 17)).unwrap(), "SUM(F4:Q4)");
    // The cached value of the grand total is the ledger's total.
    let cached = dues.get_value((total_row, 17)).unwrap().to_string();
    assert_eq!(cached, zhibu_core::dues::money::yuan(grid.total_fen).trim_end_matches('0').trim_end_matches('.'));
}

#[test]
fn every_sheet_prints_on_a4_fit_to_width_with_page_numbers() {
    let (_, bytes) = demo_workbook();
    let workbook = part(&bytes, "xl/workbook.xml");
    // Sheet 1 is the cover; then the contents and every one of SHEETS, all tables.
    let tables = zhibu_core::workbook::SHEETS.len() + 1;
    for i in 2..=tables + 1 {
        let sheet = part(&bytes, &format!("xl/worksheets/sheet{i}.xml"));
        assert!(sheet.contains(r#"paperSize="9""#), "sheet {i}: A4");
        assert!(sheet.contains(r#"fitToHeight="0""#) && sheet.contains("fitToPage=\"1\""), "sheet {i}: fit to width");
        assert!(sheet.contains("&amp;C第 &amp;P 页 共 &amp;N 页"), "sheet {i}: page numbers");
        assert!(sheet.contains(r#"gridLines="1""#), "sheet {i}: gridlines printed");
        assert!(sheet.contains("<pane"), "sheet {i}: frozen headers");
        assert!(sheet.contains("书记签字") || part(&bytes, "xl/sharedStrings.xml").contains("书记签字"));
    }
    assert!(part(&bytes, "xl/worksheets/sheet3.xml").contains(r#"orientation="landscape""#), "roster landscape");
    assert!(part(&bytes, "xl/worksheets/sheet7.xml").contains(r#"orientation="landscape""#), "dues landscape");
    assert!(
        part(&bytes, "xl/worksheets/sheet11.xml").contains(r#"orientation="landscape""#),
        "发展党员工作台账 landscape"
    );
    assert!(part(&bytes, "xl/worksheets/sheet1.xml").contains(r#"paperSize="9""#), "the cover is A4 too");
    // Header rows 1–3 repeat on every page of every table sheet.
    for i in [16, 17] {
        let sheet = part(&bytes, &format!("xl/worksheets/sheet{i}.xml"));
        assert!(sheet.contains(r#"orientation="landscape""#), "流动党员 sheet {i} landscape");
    }
    assert_eq!(workbook.matches("_xlnm.Print_Titles").count(), tables);
    assert!(workbook.contains("$1:$3"));
    assert!(part(&bytes, "xl/styles.xml").contains("宋体"));
}

#[test]
fn only_the_internal_roster_carries_full_numbers() {
    let (s, bytes) = demo_workbook();
    let mut xlsx: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let ids: Vec<String> = s.members(&Default::default()).unwrap().into_iter().map(|m| m.id_number).collect();
    for name in zhibu_core::workbook::SHEETS.iter().skip(1) {
        let range = xlsx.worksheet_range(name).unwrap();
        for cell in range.used_cells() {
            let text = cell.2.to_string();
            let long_digits = text.as_bytes().windows(11).any(|w| w.iter().all(u8::is_ascii_digit));
            assert!(!long_digits, "{name}: {text}");
            assert!(!ids.iter().any(|id| text.contains(id.as_str())));
        }
    }
}

#[test]
fn the_dues_notice_workbook_names_people_but_never_their_numbers() {
    let mut s = Store::open_in_memory().unwrap();
    s.load_demo(today()).unwrap();
    let bytes = s.dues_notice_workbook(2026, Some(3), None, today()).unwrap();
    let mut xlsx: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    let sheet = xlsx.worksheet_range("党费收缴情况公示").unwrap();
    assert_eq!(sheet.get_value((1, 0)), Some(&Data::String("（2026年第三季度）".into())));
    let notice = s.dues_notice(2026, Some(3), None, today()).unwrap();
    assert_eq!(sheet.get_value((4, 1)), Some(&Data::String(notice.rows[0].name.clone())));
    for cell in sheet.used_cells() {
        let text = cell.2.to_string();
        assert!(!text.as_bytes().windows(11).any(|w| w.iter().all(u8::is_ascii_digit)), "{text}");
    }
    assert!(part(&bytes, "xl/worksheets/sheet1.xml").contains(r#"paperSize="9""#));
}

/// A sheet's print page (`workbook --sheet … --out X.pdf`) says what its
/// sheet in the workbook says, cell for cell: the same model writes both.
#[test]
fn every_sheets_paper_says_what_its_sheet_says() {
    let (s, bytes) = demo_workbook();
    let mut xlsx: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    for sheet in zhibu_core::workbook::SHEETS {
        let paper = s.sheet_paper(sheet, 2026, today()).unwrap();
        let range = xlsx.worksheet_range(sheet).unwrap();
        let cell = |r: usize, c: usize| range.get_value((r as u32, c as u32)).map(Data::to_string).unwrap_or_default();
        assert_eq!(cell(0, 0), paper.title, "{sheet}: title");
        assert_eq!(paper.headers.len(), paper.widths.len(), "{sheet}");
        for (c, h) in paper.headers.iter().enumerate() {
            assert_eq!(&cell(2, c), h, "{sheet}: header {c}");
        }
        for (r, row) in paper.rows.iter().enumerate() {
            assert_eq!(row.len(), paper.headers.len(), "{sheet}: row {r} is whole");
            for (c, p) in row.iter().enumerate() {
                // Numbers as numbers: the sheet holds 0.5 where the paper prints 0.50.
                let in_sheet = cell(3 + r, c);
                let same = in_sheet == p.text || in_sheet.parse::<f64>().is_ok_and(|n| p.text.parse() == Ok(n));
                assert!(same, "{sheet} row {r} col {c}: sheet {in_sheet:?}, paper {:?}", p.text);
            }
        }
        assert!(paper.signature.starts_with("书记签字"));
    }
    let dues = s.sheet_paper("党费收缴台账", 2026, today()).unwrap();
    let grid = s.dues_grid(2026, today()).unwrap();
    assert!(dues.landscape);
    assert_eq!(dues.rows.len(), grid.rows.len());
    let total = dues.total.expect("the 合计 row");
    assert_eq!((total[0].text.as_str(), total[0].span), ("合计", 5));
    assert_eq!(total[13].text, zhibu_core::dues::money::yuan(grid.total_fen), "全年合计 under its column");
    assert!(s.sheet_paper("没有这张表", 2026, today()).is_err());
}

/// The 组织关系转接台账 lists the year's transfers of every member not in
/// the recycle bin, by date and on one day in roster order, as the member
/// files show them one by one (it reads them all in one query).
#[test]
fn the_transfer_sheet_lists_every_members_transfers_of_the_year_in_order() {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 28).unwrap();
    let mut s = Store::open_in_memory().unwrap();
    s.load_synthetic(zhibu_core::demo::SyntheticSize { members: 60, years: 2 }, day).unwrap();
    // Four leave on one day, recorded against roster order.
    let roster = s.members(&Default::default()).unwrap();
    for m in roster[1..5].iter().rev() {
        let form = zhibu_core::members::TransferForm {
            direction: "out".into(),
            date: "2026-06-30".into(),
            other_branch: "中共青石镇西河村支部委员会".into(),
            letter_number: format!("青组转〔2026〕{}号", m.id),
            ..Default::default()
        };
        s.add_transfer(m.id, &form, day).unwrap_or_else(|e| panic!("{}: {e}", m.name));
    }
    let mut seen = 0;
    for year in [2025, 2026] {
        let mut want = Vec::new();
        for m in s.members(&zhibu_core::members::MemberQuery { include_left: true, ..Default::default() }).unwrap() {
            for t in s.transfers(m.id).unwrap().into_iter().filter(|t| t.date.year() == year) {
                want.push((t.date, vec![m.name.clone(), t.direction.label().to_string(), t.date.to_chinese()]));
            }
        }
        want.sort_by_key(|w| w.0);
        seen += want.len();
        let paper = s.sheet_paper("组织关系转接台账", year, day).unwrap();
        let got: Vec<Vec<String>> =
            paper.rows.iter().map(|r| r[1..4].iter().map(|c| c.text.clone()).collect()).collect();
        assert_eq!(got, want.into_iter().map(|w| w.1).collect::<Vec<_>>(), "{year}");
    }
    assert!(seen >= 6, "the synthetic branch has transfers to list: {seen}");
}

/// The year workbook is built on two threads and in another order than its
/// sheets' (`workbook::build_order`): each sheet must still be the one
/// written alone, in its own place.
#[test]
fn each_sheet_of_the_year_workbook_is_that_sheet_written_alone() {
    let (s, bytes) = demo_workbook();
    let mut year: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    for name in zhibu_core::workbook::SHEETS {
        let alone = s.sheet_workbook(name, 2026, today()).unwrap();
        let mut alone: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(alone)).unwrap();
        let want = alone.worksheet_range(name).unwrap();
        let got = year.worksheet_range(name).unwrap();
        assert!(want.used_cells().count() > 3, "{name}: more than its title");
        assert_eq!(got, want, "{name}");
        assert_eq!(year.worksheet_formula(name).unwrap(), alone.worksheet_formula(name).unwrap(), "{name}");
        assert_eq!(merged(&mut year, name), merged(&mut alone, name), "{name}: merged cells");
    }
}

fn merged<RS: std::io::Read + std::io::Seek>(xlsx: &mut Xlsx<RS>, name: &str) -> Vec<calamine::Dimensions> {
    xlsx.worksheet_merge_cells(name).unwrap_or_else(|| panic!("{name} missing")).unwrap()
}

/// 政治生日台账 goes through the year by month and day of admission; an
/// admission known only to the month comes first in its month.
#[test]
fn the_political_birthdays_go_through_the_year_in_order() {
    let (_, bytes) = demo_workbook();
    let mut xlsx: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let sheet = xlsx.worksheet_range("政治生日台账").unwrap();
    let mut days = Vec::new();
    for row in 3..sheet.height() as u32 {
        let Some(Data::String(text)) = sheet.get_value((row, 4)) else { continue };
        // "2026年3月15日" or "2026年3月（日期不详）".
        let Some(rest) = text.strip_prefix("2026年") else { continue };
        let (month, day) = rest.split_once('月').unwrap();
        let day = day.strip_suffix('日').map_or(0, |d| d.parse::<u32>().unwrap());
        days.push((month.parse::<u32>().unwrap(), day));
    }
    assert!(days.len() > 20, "{days:?}");
    assert!(days.iter().any(|d| d.1 == 0), "a month-only admission is listed");
    assert!(days.iter().any(|d| d.1 >= 10), "two-digit days are listed");
    assert!(days.windows(2).all(|w| w[0] <= w[1]), "{days:?}");
}
