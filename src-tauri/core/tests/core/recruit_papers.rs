//! 发展党员 in the 台账: the year's 发展党员工作台账 and the four 名册 in the
//! year workbook, and one person's 全程纪实表, read back with calamine.

use crate::{id_for, today};
use calamine::{Data, Range, Reader, Xlsx};
use chrono::NaiveDate;
use std::io::Cursor;
use zhibu_core::recruits::{RecruitForm, StepForm};
use zhibu_core::Store;

fn form(name: &str, sex: &str, birth: &str, seq: &str, applied: &str) -> RecruitForm {
    RecruitForm {
        name: name.into(),
        sex: sex.into(),
        id_number: id_for(birth, seq),
        ethnicity: "汉族".into(),
        education: "高中".into(),
        job: "东山村村民".into(),
        phone: "13812345678".into(),
        source: "young_farmer".into(),
        applied_on: applied.into(),
        ..Default::default()
    }
}

fn step(s: &mut Store, id: i64, n: u8, date: &str, f: impl FnOnce(&mut StepForm)) {
    let mut form = StepForm { step: n, date: date.into(), ..Default::default() };
    f(&mut form);
    if let Err(e) = s.record_recruit_step(id, &form, today()) {
        panic!("step {n} on {date}: {e:?}");
    }
}

fn plain(s: &mut Store, id: i64, n: u8, date: &str) {
    step(s, id, n, date, |_| {});
}

/// The people of the tests: 陈晓明 all the way to 正式党员 in 2026, 李娜
/// stopped in 2026, 王磊 an activist, 周婷 who stopped in 2025 (not on the
/// 2026 sheets), 吴刚 who applied in October 2026.
struct People {
    store: Store,
    full: i64,
    stopped: i64,
    activist: i64,
    gone: i64,
    applicant: i64,
}

fn people() -> People {
    let mut s = Store::open_in_memory().unwrap();
    s.load_demo(today()).unwrap();
    let t = today();
    let full = s.create_recruit(&form("陈晓明", "male", "19950312", "113", "2024-03-01"), t).unwrap().recruit.id;
    plain(&mut s, full, 2, "2024-03-15");
    plain(&mut s, full, 3, "2024-06-01");
    step(&mut s, full, 5, "2024-06-01", |f| f.people = vec!["马俊杰".into()]);
    plain(&mut s, full, 6, "2024-11-20");
    plain(&mut s, full, 6, "2025-05-10");
    plain(&mut s, full, 7, "2025-06-05");
    step(&mut s, full, 9, "2025-06-10", |f| f.people = vec!["马俊杰".into(), "孙德胜".into()]);
    plain(&mut s, full, 10, "2025-07-01");
    step(&mut s, full, 11, "2025-07-10", |f| f.days = Some(3));
    plain(&mut s, full, 12, "2025-08-01");
    step(&mut s, full, 13, "2025-08-15", |f| f.outcome = "passed".into());
    step(&mut s, full, 14, "2025-08-20", |f| f.doc_number = "东山2025001".into());
    step(&mut s, full, 15, "2025-09-01", |f| f.outcome = "passed".into());
    plain(&mut s, full, 16, "2025-09-10");
    step(&mut s, full, 17, "2025-10-10", |f| f.outcome = "passed".into());
    plain(&mut s, full, 20, "2025-10-20");
    plain(&mut s, full, 22, "2026-08-01");
    step(&mut s, full, 23, "2026-09-02", |f| f.outcome = "on_time".into());
    step(&mut s, full, 24, "2026-09-20", |f| f.outcome = "passed".into());

    let stopped = s.create_recruit(&form("李娜", "female", "19980704", "224", "2026-01-05"), t).unwrap().recruit.id;
    plain(&mut s, stopped, 2, "2026-01-20");
    s.stop_recruit(stopped, "withdrew", "2026-05-01", "", t).unwrap();

    let activist = s.create_recruit(&form("王磊", "male", "20000101", "335", "2025-10-10"), t).unwrap().recruit.id;
    plain(&mut s, activist, 2, "2025-10-20");
    plain(&mut s, activist, 3, "2026-03-01");
    step(&mut s, activist, 5, "2026-03-01", |f| f.people = vec!["孙德胜".into()]);

    let gone = s.create_recruit(&form("周婷", "female", "19990909", "446", "2024-01-10"), t).unwrap().recruit.id;
    plain(&mut s, gone, 2, "2024-01-20");
    s.stop_recruit(gone, "moved_away", "2025-06-01", "", t).unwrap();

    let applicant = s.create_recruit(&form("吴刚", "male", "20010505", "557", "2026-10-08"), t).unwrap().recruit.id;
    People { store: s, full, stopped, activist, gone, applicant }
}

fn sheet(bytes: &[u8], name: &str) -> Range<Data> {
    let mut xlsx: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    xlsx.worksheet_range(name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn text(r: &Range<Data>, row: usize, col: usize) -> String {
    r.get_value((row as u32, col as u32)).map(Data::to_string).unwrap_or_default()
}

/// The row (from the first under the headers) whose 姓名 is `name`.
fn row_of(r: &Range<Data>, name: &str) -> usize {
    (3..r.height()).find(|&i| text(r, i, 1) == name).unwrap_or_else(|| panic!("{name} has no row"))
}

/// No full ID number of anyone, and no 11-digit run, in any cell.
fn no_full_numbers(r: &Range<Data>, ids: &[String], what: &str) {
    for cell in r.used_cells() {
        let t = cell.2.to_string();
        assert!(!t.as_bytes().windows(11).any(|w| w.iter().all(u8::is_ascii_digit)), "{what}: {t}");
        assert!(!ids.iter().any(|id| t.contains(id.as_str())), "{what}: {t}");
    }
}

fn all_ids(s: &Store) -> Vec<String> {
    let mut ids: Vec<String> = s.members(&Default::default()).unwrap().into_iter().map(|m| m.id_number).collect();
    ids.extend(
        [("19950312", "113"), ("19980704", "224"), ("20000101", "335"), ("19990909", "446"), ("20010505", "557")]
            .iter()
            .map(|(b, q)| id_for(b, q)),
    );
    ids
}

#[test]
fn the_year_workbook_has_the_ledger_with_every_step_in_its_column() {
    let p = people();
    let bytes = p.store.year_workbook(2026, today()).unwrap();
    let mut xlsx: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    assert!(xlsx.sheet_names().contains(&"发展党员工作台账".to_string()));
    let contents = xlsx.worksheet_range("目录").unwrap();
    assert!(contents.used_cells().any(|c| *c.2 == "发展党员工作台账"), "listed in the contents");

    let r = sheet(&bytes, "发展党员工作台账");
    assert_eq!(text(&r, 0, 0), "2026年度发展党员工作台账");
    let want_headers = [
        "序号",
        "姓名",
        "性别",
        "出生年月",
        "申请入党",
        "谈话",
        "确定积极分子",
        "培养联系人",
        "确定发展对象",
        "入党介绍人",
        "政审",
        "集中培训",
        "预审",
        "志愿书编号",
        "支部大会",
        "审批",
        "入党宣誓",
        "转正",
    ];
    for (c, h) in want_headers.iter().enumerate() {
        assert_eq!(text(&r, 2, c), *h, "header {c}");
    }
    // One row per person whose way touched 2026: not 周婷, stopped in 2025.
    // (The demo's own three people are on it too; these are the test's.)
    let ours = ["陈晓明", "王磊", "李娜", "吴刚", "周婷"];
    let names: Vec<String> = (3..r.height()).map(|i| text(&r, i, 1)).filter(|n| ours.contains(&n.as_str())).collect();
    assert_eq!(names, ["陈晓明", "王磊", "李娜", "吴刚"], "in order of application, one row each");

    let full = row_of(&r, "陈晓明");
    let row: Vec<String> = (0..18).map(|c| text(&r, full, c)).collect();
    assert_eq!(
        row[2..],
        [
            "男",
            "1995.03",
            "2024.03.01",
            "2024.03.15",
            "2024.06.01",
            "2024.06.01",
            "2025.06.05",
            "2025.06.10",
            "2025.07.01",
            "2025.07.10",
            "2025.08.15",
            "东山2025001",
            "2025.09.01",
            "2025.10.10",
            "2025.10.20",
            "2026.09.20",
        ]
    );
    let stopped = row_of(&r, "李娜");
    assert_eq!(text(&r, stopped, 4), "2026.01.05");
    assert_eq!(text(&r, stopped, 5), "2026.01.20");
    assert!((6..17).all(|c| text(&r, stopped, c).is_empty()), "nothing after the talk");
    assert_eq!(text(&r, stopped, 17), "已终止：本人撤回申请");
    let activist = row_of(&r, "王磊");
    assert_eq!(text(&r, activist, 6), "2026.03.01");
    assert_eq!(text(&r, activist, 17), "");
    no_full_numbers(&r, &all_ids(&p.store), "发展党员工作台账");

    // The year before: 周婷 was still on her way in 2025 until June; 吴刚 and 李娜 had not applied.
    let before = sheet(&p.store.year_workbook(2025, today()).unwrap(), "发展党员工作台账");
    let names: Vec<String> =
        (3..before.height()).map(|i| text(&before, i, 1)).filter(|n| ours.contains(&n.as_str())).collect();
    assert_eq!(names, ["周婷", "陈晓明", "王磊"]);
    let chen = row_of(&before, "陈晓明");
    assert_eq!(text(&before, chen, 17), "", "2025's ledger does not know of the 2026 转正");
    assert_eq!(text(&before, row_of(&before, "周婷"), 17), "已终止：迁出本村（材料已转出）");
    let _ = (p.full, p.stopped, p.activist, p.gone, p.applicant);
}

#[test]
fn the_four_rosters_hold_each_stage_at_the_years_end_with_its_dates() {
    let p = people();
    let bytes = p.store.year_workbook(2026, today()).unwrap();
    let ids = all_ids(&p.store);
    let applicants = sheet(&bytes, "入党申请人名册");
    assert!(text(&applicants, 0, 0).starts_with("2026年度入党申请人名册"));
    for (c, h) in ["序号", "姓名", "性别", "出生年月", "民族", "学历", "工作单位及职务", "来源"].iter().enumerate()
    {
        assert_eq!(text(&applicants, 2, c), *h);
    }
    let wu = row_of(&applicants, "吴刚");
    assert_eq!(text(&applicants, wu, 7), "青年农民");
    assert_eq!(text(&applicants, wu, 8), "2026.10.08");
    assert!((3..applicants.height()).all(|i| text(&applicants, i, 1) != "李娜"), "stopped: on no roster");

    let activists = sheet(&bytes, "入党积极分子名册");
    let wang = row_of(&activists, "王磊");
    assert_eq!(text(&activists, 2, 9), "确定积极分子");
    assert_eq!(text(&activists, wang, 9), "2026.03.01");
    assert_eq!(text(&activists, wang, 10), "孙德胜");

    let candidates = sheet(&bytes, "发展对象名册");
    let on_candidates: Vec<String> = (3..candidates.height()).map(|i| text(&candidates, i, 1)).collect();
    assert!(on_candidates.iter().all(|n| !["陈晓明", "王磊", "李娜", "吴刚"].contains(&n.as_str())));
    assert!(on_candidates.iter().any(|n| n == "韦晓彤"), "the demo's 发展对象: {on_candidates:?}");

    // At the end of 2025 陈晓明 was a 预备党员.
    let before = p.store.year_workbook(2025, today()).unwrap();
    let prob = sheet(&before, "预备党员名册");
    let chen = row_of(&prob, "陈晓明");
    assert_eq!(text(&prob, 2, 8), "支部大会接收");
    assert_eq!(text(&prob, chen, 8), "2025.09.01");
    assert_eq!(text(&prob, chen, 9), "2025.10.10");
    assert_eq!(text(&prob, chen, 10), "2025.10.20");
    assert_eq!(text(&prob, chen, 11), "2026.09.01", "预备期满: a year from the 支部大会");
    for name in ["入党申请人名册", "入党积极分子名册", "发展对象名册", "预备党员名册"] {
        no_full_numbers(&sheet(&bytes, name), &ids, name);
        no_full_numbers(&sheet(&before, name), &ids, name);
    }
}

#[test]
fn every_ledger_sheets_paper_says_what_its_sheet_says() {
    let p = people();
    let bytes = p.store.year_workbook(2026, today()).unwrap();
    for name in ["发展党员工作台账", "入党申请人名册", "入党积极分子名册", "预备党员名册"]
    {
        let paper = p.store.sheet_paper(name, 2026, today()).unwrap();
        let r = sheet(&bytes, name);
        assert_eq!(text(&r, 0, 0), paper.title);
        for (i, row) in paper.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                assert_eq!(text(&r, 3 + i, c), cell.text, "{name} row {i} col {c}");
            }
        }
    }
    assert!(p.store.sheet_paper("发展党员工作台账", 2026, today()).unwrap().landscape);
}

#[test]
fn the_record_of_one_person_holds_every_step_people_documents_and_notices_masked() {
    let mut p = people();
    let t = today();
    p.store.set_recruit_doc(p.full, "volunteer_form", "2025-08-20", "志愿书2025-01", t).unwrap();
    p.store.record_recruit_notice(p.full, "admit", "2025-09-02", "2025-09-08", t).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = p.store.export_recruit_record(p.full, t, &dir.path().join("导出")).unwrap();
    assert!(out.path.ends_with("发展党员全程纪实表（陈晓明）20261127.xlsx"), "{}", out.path);
    assert_eq!(out.sheets, ["发展党员全程纪实表"]);
    let bytes = std::fs::read(&out.path).unwrap();
    assert_eq!(bytes.len() as u64, out.size);
    let leftovers: Vec<_> =
        std::fs::read_dir(dir.path().join("导出")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");

    let r = sheet(&bytes, "发展党员全程纪实表");
    let all: Vec<String> = r.used_cells().map(|c| c.2.to_string()).collect();
    assert_eq!(text(&r, 0, 0), "发展党员全程纪实表");
    assert!(all.iter().any(|c| c.contains("填报单位：中共青石镇东山村支部委员会")));
    assert!(all.iter().any(|c| c == "陈晓明"));
    let masked = zhibu_core::mask::mask_id_number(&id_for("19950312", "113"));
    assert!(all.contains(&masked), "the masked ID number {masked}");
    assert!(all.iter().any(|c| c == "138****5678"), "the phone masked");
    no_full_numbers(&r, &all_ids(&p.store), "纪实表");

    // Every recorded step in order, with its date, people, number and outcome.
    let file = p.store.recruit(p.full).unwrap();
    let first = (0..r.height()).find(|&i| text(&r, i, 0) == "步骤").expect("the steps' header") + 1;
    for (k, s) in file.steps.iter().enumerate() {
        assert_eq!(text(&r, first + k, 0), s.step.to_string(), "step row {k}");
        assert_eq!(text(&r, first + k, 1), s.name);
        assert_eq!(text(&r, first + k, 2), s.date.format("%Y.%m.%d").to_string());
    }
    let row9 = first + file.steps.iter().position(|s| s.step == 9).unwrap();
    assert!(text(&r, row9, 3).contains("马俊杰") && text(&r, row9, 3).contains("孙德胜"), "{}", text(&r, row9, 3));
    let row11 = first + file.steps.iter().position(|s| s.step == 11).unwrap();
    assert_eq!(text(&r, row11, 7), "培训3天");
    let row24 = first + file.steps.iter().position(|s| s.step == 24).unwrap();
    assert_eq!(text(&r, row24, 6), "批准");
    // 联系人 and 介绍人 with from/to, the documents, the 公示.
    assert!(all.iter().any(|c| c == "培养联系人") && all.iter().any(|c| c == "入党介绍人"));
    assert!(all.iter().any(|c| c == "入党志愿书") && all.iter().any(|c| c == "志愿书2025-01"));
    assert!(all.iter().any(|c| c == "拟接收预备党员公示") && all.iter().any(|c| c == "2025.09.08"));
    assert!(all.iter().any(|c| c == "未收到"), "documents not received say so");

    // The 志愿书编号 on the ledger is now the document's.
    let ledger = sheet(&p.store.year_workbook(2026, t).unwrap(), "发展党员工作台账");
    assert_eq!(text(&ledger, row_of(&ledger, "陈晓明"), 13), "志愿书2025-01");
    assert!(p.store.export_recruit_record(9999, t, dir.path()).is_err());
    let _ = NaiveDate::MIN;
}
