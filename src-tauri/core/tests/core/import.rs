use crate::{id_for, today};
use rust_xlsxwriter::{Format, Workbook};
use zhibu_core::import::{import_template, ImportRequest, FIELDS};
use zhibu_core::members::{MemberForm, MemberQuery};
use zhibu_core::{Error, Store};

fn req(name: &str) -> ImportRequest {
    ImportRequest { file_name: name.into(), ..Default::default() }
}

/// A roster as branches really keep it: a merged title, a 填报单位 line, the
/// header on row 3 with spaced and synonym headers, dates in every
/// spelling, a 党小组 merged over several rows, and the usual mistakes.
fn messy_roster() -> (Vec<u8>, Vec<String>) {
    let ids: Vec<String> =
        (0..8).map(|i| id_for(&format!("19{}0101", 50 + i), &format!("{:03}", 11 + 2 * i))).collect();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("花名册").unwrap();
    let date_fmt = Format::new().set_num_format("yyyy-mm-dd");
    ws.merge_range(0, 0, 0, 8, "XX村党支部党员花名册", &Format::new()).unwrap();
    ws.write_string(1, 0, "填报单位：XX村党支部").unwrap();
    let headers = ["序号", "姓 名", "性别", "公民身份号码", "出生年月", "入党日期", "转正日期", "所在党小组", "手机号"];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    // name, admitted (as typed), full (as typed)
    let rows: [(&str, &str, &str); 8] = [
        ("王 大 明", "1975.07", "1976.07"), // row 4: month only; name with spaces
        ("李\u{3000}芳", "1976年7月1日", "1977年7月1日"), // row 5: full-width space
        ("赵强", "1977-07-01", "1978-07-01"), // row 6: ID typed with spaces and a lowercase x
        ("钱军", "19780701", "19790701"),   // row 7: ID stored as a number
        ("孙丽", "1979/7/1", "1980/7/1"),   // row 8: bad checksum
        ("周平", "1980.7.1", "1981.7.1"),   // row 9: duplicate ID of row 4
        ("吴刚", "", ""),                   // row 10: dates as Excel dates
        ("郑红", "1982.13", ""),            // row 11: impossible month
    ];
    for (i, (name, adm, full)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64).unwrap();
        ws.write_string(r, 1, *name).unwrap();
        ws.write_string(r, 2, "").unwrap();
        let id = match i {
            2 => format!(" {} {}", &ids[2][..6], ids[2][6..].to_lowercase()),
            4 => format!("{}{}", &ids[4][..17], if ids[4].ends_with('0') { '1' } else { '0' }),
            5 => ids[0].clone(),
            _ => ids[i].clone(),
        };
        if i == 3 {
            ws.write_number(r, 3, ids[3].parse::<f64>().unwrap()).unwrap();
        } else {
            ws.write_string(r, 3, &id).unwrap();
        }
        if i == 6 {
            let d = rust_xlsxwriter::ExcelDateTime::from_ymd(1981, 7, 1).unwrap();
            ws.write_datetime_with_format(r, 5, &d, &date_fmt).unwrap();
            let d = rust_xlsxwriter::ExcelDateTime::from_ymd(1982, 7, 1).unwrap();
            ws.write_datetime_with_format(r, 6, &d, &date_fmt).unwrap();
        } else {
            ws.write_string(r, 5, *adm).unwrap();
            ws.write_string(r, 6, *full).unwrap();
        }
        ws.write_string(r, 8, format!("1390000{:04}", i)).unwrap();
    }
    // 第一党小组 written once over rows 4–7.
    ws.merge_range(3, 7, 6, 7, "第一党小组", &Format::new()).unwrap();
    ws.write_string(11, 1, "合计：8人").unwrap();
    (wb.save_to_buffer().unwrap(), ids)
}

fn outcome(p: &zhibu_core::import::ImportPreview, row: usize) -> (String, String, String) {
    let r = p.rows.iter().find(|r| r.row == row).unwrap_or_else(|| panic!("row {row} missing: {:?}", p.rows));
    (r.outcome.clone(), r.code.clone(), r.message.clone())
}

#[test]
fn a_messy_roster_previews_row_by_row_as_the_spreadsheet_numbers_them() {
    let s = Store::open_in_memory().unwrap();
    let (bytes, _) = messy_roster();
    let p = s.import_preview(&bytes, &req("花名册.xlsx"), today()).unwrap();
    assert_eq!(p.sheet, "花名册");
    assert_eq!(p.header_row, 3, "found below the title and the 填报单位 line");
    let fields: Vec<&str> = p.columns.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(
        fields,
        ["", "name", "sex", "id_number", "birth_date", "admitted_on", "full_member_on", "group", "phone"]
    );
    assert_eq!(p.rows.len(), 8, "the 合计 line is not a member: {:?}", p.rows);
    for row in [4, 5, 6, 10] {
        assert_eq!(outcome(&p, row).0, "new", "row {row}: {:?}", outcome(&p, row));
    }
    assert_eq!(outcome(&p, 4).0, "new");
    let (o, code, msg) = outcome(&p, 7);
    assert_eq!((o.as_str(), code.as_str()), ("error", "id_as_number"));
    assert!(msg.contains("文本") && msg.contains("丢失"), "{msg}");
    let (o, _, msg) = outcome(&p, 8);
    assert_eq!(o, "error");
    assert!(msg.contains("校验"), "bad checksum: {msg}");
    let (o, code, msg) = outcome(&p, 9);
    assert_eq!((o.as_str(), code.as_str()), ("error", "duplicate_in_file"));
    assert!(msg.contains("第 4 行"), "{msg}");
    let (o, _, msg) = outcome(&p, 11);
    assert_eq!(o, "error");
    assert!(msg.contains("入党时间") && msg.contains("月份"), "{msg}");
    assert_eq!((p.new, p.update, p.error), (4, 0, 4));
    assert_eq!(s.member_count().unwrap(), 0, "a preview writes nothing");
}

#[test]
fn the_import_is_all_or_nothing_and_values_land_as_typed() {
    let mut s = Store::open_in_memory().unwrap();
    let (bytes, ids) = messy_roster();
    let err = s.import_members(&bytes, &req("花名册.xlsx"), false, today()).unwrap_err();
    assert!(matches!(err, Error::Import(_)) && err.to_string().contains("没有导入任何内容"), "{err}");
    assert_eq!(s.member_count().unwrap(), 0);

    let done = s.import_members(&bytes, &req("花名册.xlsx"), true, today()).unwrap();
    assert_eq!(done.written, 4);
    let members = s.members(&MemberQuery::default()).unwrap();
    let by_name = |n: &str| members.iter().find(|m| m.name == n).unwrap_or_else(|| panic!("{n}: {members:?}"));
    let wang = by_name("王大明");
    assert_eq!(wang.admitted_on.unwrap().to_iso(), "1975-07", "a month stays a month");
    assert_eq!(wang.group_name.as_deref(), Some("第一党小组"));
    assert_eq!(wang.sex.code(), "male", "from the ID when the column is empty");
    assert_eq!(by_name("李芳").admitted_on.unwrap().to_iso(), "1976-07-01");
    assert_eq!(by_name("李芳").group_name.as_deref(), Some("第一党小组"), "the merged cell fills every row");
    assert_eq!(by_name("赵强").id_number, ids[2].to_uppercase());
    assert_eq!(by_name("吴刚").full_member_on.unwrap().to_iso(), "1982-07-01");
    assert_eq!(by_name("吴刚").group_name, None, "outside the merged region");

    // The same file again: the good rows are now updates, matched by ID.
    let again = s.import_preview(&bytes, &req("花名册.xlsx"), today()).unwrap();
    assert_eq!((again.new, again.update), (0, 4));
}

#[test]
fn a_failure_while_writing_rolls_back_every_row() {
    let mut s = Store::open_in_memory().unwrap();
    // Two rows that each pass on their own but name two 书记.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["姓名", "身份证号", "入党时间", "转正时间", "支委职务"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (i, name) in ["甲", "乙"].iter().enumerate() {
        let r = 1 + i as u32;
        ws.write_string(r, 0, format!("张{name}")).unwrap();
        ws.write_string(r, 1, id_for(&format!("196{i}0101"), "011")).unwrap();
        ws.write_string(r, 2, "1990-07-01").unwrap();
        ws.write_string(r, 3, "1991-07-01").unwrap();
        ws.write_string(r, 4, "书记").unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let err = s.import_members(&bytes, &req("a.xlsx"), false, today()).unwrap_err();
    assert!(err.to_string().contains("第 3 行"), "{err}");
    assert_eq!(s.member_count().unwrap(), 0, "the first row is rolled back too");
}

#[test]
fn every_header_synonym_is_recognised() {
    for (field, _, synonyms) in FIELDS {
        for syn in *synonyms {
            let s = Store::open_in_memory().unwrap();
            let others: Vec<&str> = ["姓名", "民族", "备注"]
                .into_iter()
                .filter(|h| zhibu_core::import::field_of_header(h) != Some(field))
                .collect();
            let csv = format!("{syn},{}\n张三,,\n", others.join(","));
            let p = s.import_preview(csv.as_bytes(), &req("x.csv"), today()).unwrap();
            assert!(p.columns.iter().any(|c| c.field == *field), "{syn} → {field}: {:?}", p.columns);
        }
    }
}

#[test]
fn an_exported_roster_imports_back_with_nothing_changed() {
    let mut demo = Store::open_in_memory().unwrap();
    demo.load_demo(today()).unwrap();
    let bytes = demo.roster_export().unwrap();
    let mut fresh = Store::open_in_memory().unwrap();
    let p = fresh.import_preview(&bytes, &req("花名册.xlsx"), today()).unwrap();
    assert_eq!(p.error, 0, "{:?}", p.rows.iter().filter(|r| r.outcome == "error").collect::<Vec<_>>());
    fresh.import_members(&bytes, &req("花名册.xlsx"), false, today()).unwrap();
    let before = demo.members(&MemberQuery::default()).unwrap();
    let after = fresh.members(&MemberQuery::default()).unwrap();
    assert_eq!(before.len(), after.len());
    for m in &before {
        let n = after.iter().find(|a| a.id_number == m.id_number).unwrap();
        assert_eq!(MemberForm::of(n), MemberForm::of(m), "{}", m.name);
    }
    // Into the demo itself: every row an update that changes nothing.
    let again = demo.import_members(&bytes, &req("花名册.xlsx"), false, today()).unwrap();
    assert_eq!(again.update, before.len());
    let history = demo.member_history(before[0].id).unwrap();
    assert!(history.iter().all(|h| h.action != "update"), "no change recorded: {history:?}");

    // The template has the same headers and no rows.
    let t = import_template().unwrap();
    let err = fresh.import_preview(&t, &req("模板.xlsx"), today()).unwrap();
    assert_eq!(err.rows.len(), 0);
    assert_eq!(err.columns.iter().filter(|c| !c.field.is_empty()).count(), FIELDS.len());
}

#[test]
fn a_corrected_mapping_and_a_chosen_sheet_are_used() {
    let s = Store::open_in_memory().unwrap();
    let mut wb = Workbook::new();
    wb.add_worksheet().set_name("说明").unwrap().write_string(0, 0, "这是说明").unwrap();
    let ws = wb.add_worksheet().set_name("名单").unwrap();
    for (c, h) in ["姓名", "性别", "入党时间", "号码"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "张三").unwrap();
    ws.write_string(1, 3, id_for("19600101", "011")).unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let p = s.import_preview(&bytes, &req("b.xlsx"), today()).unwrap();
    assert_eq!(p.sheets, ["说明", "名单"]);
    assert_eq!(p.sheet, "名单", "the first sheet with a header");
    assert_eq!(p.columns[3].field, "", "号码 is not a known header");
    let mapping = vec!["name".into(), "sex".into(), "admitted_on".into(), "id_number".into()];
    let fixed = ImportRequest { mapping: Some(mapping), ..req("b.xlsx") };
    let p = s.import_preview(&bytes, &fixed, today()).unwrap();
    assert_eq!(p.columns[3].field_label, "公民身份号码");
    let twice = ImportRequest { mapping: Some(vec!["name".into(), "name".into()]), ..req("b.xlsx") };
    assert!(s.import_preview(&bytes, &twice, today()).unwrap_err().to_string().contains("不止一列"));
    let none = ImportRequest { sheet: Some("说明".into()), ..req("b.xlsx") };
    assert!(s.import_preview(&bytes, &none, today()).unwrap_err().to_string().contains("没有找到表头"));
}

/// A small deterministic generator.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % below.max(1) as u64) as usize
    }
}

#[test]
fn ten_thousand_malformed_files_end_in_an_error_or_a_preview_never_a_crash() {
    let s = Store::open_in_memory().unwrap();
    let (xlsx, _) = messy_roster();
    let csv = "姓名,性别,身份证号,入党时间\n张三,男,110105194912310021,1975.07\n".as_bytes().to_vec();
    let mut rng = Lcg(8);
    let mut errors = 0;
    let mut previews = 0;
    let n = 10_000;
    for i in 0..n {
        let (base, name) = match i % 4 {
            0 | 1 => (&xlsx, "a.xlsx"),
            2 => (&xlsx, "a.xls"), // wrong extension
            _ => (&csv, "a.csv"),
        };
        let mut bytes = base.clone();
        match rng.next(5) {
            0 => bytes.truncate(rng.next(bytes.len())),
            1 => {
                for _ in 0..1 + rng.next(20) {
                    let at = rng.next(bytes.len());
                    bytes[at] = rng.next(256) as u8;
                }
            }
            2 => {
                let at = rng.next(bytes.len());
                let junk: Vec<u8> = (0..rng.next(500)).map(|_| rng.next(256) as u8).collect();
                bytes.splice(at..at, junk);
            }
            3 => bytes = (0..rng.next(4096)).map(|_| rng.next(256) as u8).collect(),
            _ => {
                let at = rng.next(bytes.len());
                let len = rng.next(bytes.len() - at);
                bytes.drain(at..at + len);
            }
        }
        match s.import_preview(&bytes, &req(name), today()) {
            Ok(_) => previews += 1,
            Err(Error::Import(msg)) => {
                assert!(!msg.is_empty());
                errors += 1;
            }
            Err(e) => panic!("input {i}: unexpected error kind {e:?}"),
        }
    }
    assert_eq!(errors + previews, n);
    assert!(errors > n / 2, "most of them are refused: {errors}");
    assert_eq!(s.member_count().unwrap(), 0);
}

#[test]
fn hostile_files_are_refused_with_a_reason() {
    let s = Store::open_in_memory().unwrap();
    let big: String = std::iter::once("姓名,性别,身份证号\n".to_string())
        .chain((0..100_000).map(|i| format!("人{i},男,\n")))
        .collect();
    let err = s.import_preview(big.as_bytes(), &req("big.csv"), today()).unwrap_err();
    assert!(err.to_string().contains("太多"), "{err}");
    let err = s.import_preview(b"PK\x03\x04 truncated", &req("t.xlsx"), today()).unwrap_err();
    assert!(err.to_string().contains("另存为 .xlsx"), "{err}");
    let err = s.import_preview(&[0u8; 1000], &req("junk.xls"), today()).unwrap_err();
    assert!(matches!(err, Error::Import(_)));
    // A formula cell is read as its cached value, never evaluated.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["姓名", "性别", "民族", "身份证号"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_formula(1, 0, rust_xlsxwriter::Formula::new("=\"张\"&\"三\"").set_result("张三")).unwrap();
    ws.write_string(1, 3, id_for("19600101", "011")).unwrap();
    let p = s.import_preview(&wb.save_to_buffer().unwrap(), &req("f.xlsx"), today()).unwrap();
    assert_eq!(p.rows[0].name, "张三");
}

#[test]
fn two_columns_with_the_same_meaning_keep_the_first() {
    let s = Store::open_in_memory().unwrap();
    let csv = "姓名,工作单位,职务,性别\n张三,村委会,主任,男\n";
    let p = s.import_preview(csv.as_bytes(), &req("x.csv"), today()).unwrap();
    let fields: Vec<&str> = p.columns.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["name", "job", "", "sex"]);
}

#[test]
fn a_historic_roster_imports_and_the_first_import_starts_the_books() {
    // docs/DOMAIN.md §3.4, §8: a 1970 member (入党 = 转正) is no error row; a
    // 转正 other than the end of probation needs the 转正日期说明 column.
    let ids: Vec<String> =
        (0..4).map(|i| id_for(&format!("19{}0101", 40 + i), &format!("{:03}", 31 + 2 * i))).collect();
    let csv = format!(
        "姓名,身份证号码,党员类别,入党日期,转正日期,支委职务,转正日期说明\n\
         孙德胜,{},正式党员,1970.05,1970.05,书记,\n\
         周红梅,{},正式党员,2010-06-20,2011-06-28,,\n\
         吴建军,{},正式党员,2010-06-20,2011-06-28,,按镇党委批复日期\n\
         马兰,{},预备党员,2026-03-01,,组织委员,\n",
        ids[0], ids[1], ids[2], ids[3]
    );
    let mut s = Store::open_in_memory().unwrap();
    let p = s.import_preview(csv.as_bytes(), &req("花名册.csv"), today()).unwrap();
    let outcomes: Vec<&str> = p.rows.iter().map(|r| r.outcome.as_str()).collect();
    assert_eq!(outcomes, ["new", "error", "new", "new"], "{:?}", p.rows);
    assert!(p.rows[1].message.contains("转正日期说明"), "{}", p.rows[1].message);
    assert!(p.warnings.iter().any(|w| w.contains("马兰") && w.contains("预备党员")), "{:?}", p.warnings);
    assert!(s.branch().unwrap().records_from.is_none(), "a preview writes nothing");
    let done = s.import_members(csv.as_bytes(), &req("花名册.csv"), true, today()).unwrap();
    assert!(done.records_started);
    assert_eq!(done.records_from.as_deref(), Some("2026-11-27"));
    let old = s.members(&MemberQuery::default()).unwrap().into_iter().find(|m| m.name == "孙德胜").unwrap();
    assert_eq!(old.era_note(), Some("九大/十大党章期间入党，无预备期"));
    // A second import leaves the books' start alone.
    let again =
        s.import_members(csv.as_bytes(), &req("花名册.csv"), true, today() + chrono::Duration::days(3)).unwrap();
    assert!(!again.records_started);
    assert_eq!(again.records_from.as_deref(), Some("2026-11-27"));
}

/// An .xlsx with one part rewritten by `f` (as a hostile file would be).
fn rewritten(xlsx: &[u8], part: &str, f: impl Fn(&str) -> String) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(xlsx.to_vec())).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut e = zin.by_index(i).unwrap();
        let mut body = Vec::new();
        e.read_to_end(&mut body).unwrap();
        let name = e.name().to_string();
        if name == part {
            let new = f(&String::from_utf8(body.clone()).unwrap()).into_bytes();
            assert_ne!(new, body, "{part} was not rewritten");
            body = new;
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&body).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// A few KB that would make the reader allocate hundreds of GB are refused
/// before it reads them (issue 14, item 3): nothing crashes, the message
/// says what to do.
#[test]
fn a_tiny_file_that_asks_for_a_huge_grid_is_refused() {
    let s = Store::open_in_memory().unwrap();
    let small_roster = || {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        for (c, h) in ["姓名", "身份证号码", "入党日期", "转正日期"].iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        ws.write_string(1, 0, "张三").unwrap();
        wb.save_to_buffer().unwrap()
    };
    // One cell at the last row and column of a sheet.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "姓名").unwrap();
    ws.write_string(1_048_575, 16_383, "x").unwrap();
    let far = wb.save_to_buffer().unwrap();
    assert!(far.len() < 10_000, "{} bytes", far.len());
    // A sheet that claims to span every cell, and shared strings that claim billions.
    let dimension = rewritten(&small_roster(), "xl/worksheets/sheet1.xml", |x| {
        x.replacen("<dimension ref=\"A1:D2\"/>", "<dimension ref=\"A1:XFD1048576\"/>", 1)
    });
    let strings = rewritten(&small_roster(), "xl/sharedStrings.xml", |x| {
        x.replacen("uniqueCount=\"5\"", "uniqueCount=\"4000000000\"", 1)
    });
    for (what, bytes) in [("far cell", far), ("dimension", dimension), ("strings", strings)] {
        let err = s.import_preview(&bytes, &req("花名册.xlsx"), today()).unwrap_err();
        assert!(err.to_string().contains("大得不像党员名册"), "{what}: {err}");
    }
    assert!(s.import_preview(&small_roster(), &req("花名册.xlsx"), today()).is_ok(), "a plain roster still reads");
}

/// A row with several mistakes says all of them at once (issue 17, item 6),
/// not only the first: she fixes the row in one go.
#[test]
fn a_row_with_several_mistakes_says_all_of_them() {
    let s = Store::open_in_memory().unwrap();
    let good = id_for("19491231", "002");
    let mut bad_check = good.clone();
    bad_check.pop();
    bad_check.push(if good.ends_with('0') { '1' } else { '0' });
    let csv = format!(
        "姓名,性别,身份证号,入党时间,转正时间\n张三,男,{bad_check},不详,1975.07\n李四,女,{good},1975.07,某年\n"
    );
    let p = s.import_preview(csv.as_bytes(), &req("x.csv"), today()).unwrap();
    let (outcome_2, _, message_2) = outcome(&p, 2);
    assert_eq!(outcome_2, "error");
    assert!(message_2.contains("校验"), "the ID: {message_2}");
    assert!(message_2.contains("入党"), "and the admission date, in the same row: {message_2}");
    assert!(!message_2.contains("请填写公民身份号码"), "the ID said once: {message_2}");
    let (outcome_3, _, message_3) = outcome(&p, 3);
    assert_eq!(outcome_3, "error");
    assert!(message_3.contains("转正"), "{message_3}");
}
