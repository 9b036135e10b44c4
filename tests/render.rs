//! The demo year's workbook and notices rendered by LibreOffice, as a
//! secretary's printer would see them: every page A4, and no sheet split
//! sideways (every table page carries its header row, 序号 first).

use std::path::Path;
use std::process::Command;
use zhibu_e2e::app_binary;
use zhibu_e2e::paper::{has_digit_run, is_a4, page_sizes, pages, plain, run};

/// Converts an .xlsx to PDF with a private LibreOffice profile.
fn to_pdf(xlsx: &Path, dir: &Path) -> std::path::PathBuf {
    let profile = format!("-env:UserInstallation=file://{}", dir.join("lo-profile").display());
    run(Command::new("soffice")
        .args([profile.as_str(), "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(xlsx));
    dir.join(xlsx.file_stem().unwrap()).with_extension("pdf")
}

#[test]
fn the_year_workbook_prints_on_a4_without_sideways_splits() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let global = ["--data-dir", data.to_str().unwrap(), "--today", "2026-11-27"];
    run(Command::new(app_binary()).args(global).args(["demo", "load"]));
    // A member away with a contact, a hardship case and a visit with money,
    // money received and spent: the five sheets of issue 19 with rows.
    let entries: [&[&str]; 6] = [
        &["member", "away", "13", "--from", "2026-02-20", "--place", "广东省东莞市", "--contact-person", "刘芳"],
        &["member", "contact", "13", "--date", "2026-05-01", "--how", "电话", "--note", "询问近况"],
        &["care", "case", "13", "--category", "因病", "--since", "2025-09-01"],
        &[
            "care",
            "visit",
            "5",
            "--date",
            "2026-07-01",
            "--occasion",
            "七一",
            "--amount",
            "300.00",
            "--source",
            "上级下拨党费",
        ],
        &["dues", "received", "--date", "2026-06-20", "--amount", "1000.00"],
        &["dues", "spend", "--date", "2026-07-02", "--amount", "150.00", "--purpose", "购买党员学习资料"],
    ];
    for args in entries {
        run(Command::new(app_binary()).args(global).args(args));
    }
    let xlsx = dir.path().join("台账.xlsx");
    run(Command::new(app_binary()).args(global).args(["workbook", "--year", "2026", "--out"]).arg(&xlsx));
    let pdf = to_pdf(&xlsx, dir.path());
    let sizes = page_sizes(&pdf);
    let texts = pages(&pdf);
    assert!(sizes.iter().all(|s| is_a4(*s)), "{sizes:?}");
    assert_eq!(sizes.len(), texts.len());
    // The cover, then the contents and every table over at least one page each.
    // (the cover, the contents and 18 tables).
    assert!((20..=40).contains(&texts.len()), "{} pages", texts.len());
    assert!(texts[0].contains("2026年度党建工作台账"));
    for (i, t) in texts.iter().enumerate().skip(1) {
        assert!(t.contains("序号"), "page {} has no header row: split sideways?\n{t}", i + 1);
        assert!(t.contains(&format!("共 {} 页", texts.len())), "page {} has no page number", i + 1);
    }
    let titles = [
        "党员花名册",
        "三会一课及主题党日记录台账",
        "党费收缴台账",
        "党费上缴记录",
        "组织关系转接台账",
        "发展党员工作台账",
        "入党申请人名册",
        "预备党员名册",
        "流动党员登记台账",
        "流动党员联系记录",
        "困难党员台账",
        "走访慰问登记表",
        "党费使用明细",
    ];
    for title in titles {
        assert!(texts.iter().any(|t| t.contains(title)), "{title} not printed");
    }
    // The sheet's own page (its title with the year), not the contents.
    let page_of = |title: &str| texts.iter().find(|t| t.contains(&format!("2026年度{title}"))).unwrap();
    assert!(page_of("流动党员登记台账").contains("广东省东莞市"));
    assert!(page_of("走访慰问登记表").contains("300.00") && page_of("走访慰问登记表").contains("上级下拨党费"));
    assert!(page_of("党费使用明细").contains("购买党员学习资料") && page_of("党费使用明细").contains("1000.00"));
}

/// Each kind of 公示 of the demo branch, through LibreOffice: one portrait
/// A4 page each, its title and 落款 printed, no long number anywhere.
#[test]
fn every_notice_prints_on_one_a4_portrait_page() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let global = ["--data-dir", data.to_str().unwrap(), "--today", "2026-11-27"];
    run(Command::new(app_binary()).args(global).args(["demo", "load"]));
    let body = dir.path().join("body.txt");
    std::fs::write(&body, "经支部委员会研究，拟发展王某某为中共预备党员。\n公示期间如有意见，可来电来访反映。")
        .unwrap();
    let terms = ["--from", "2026-11-27", "--to", "2026-12-04", "--contact", "马俊杰", "--phone", "0371-66881234"];
    let notices: [(&str, Vec<&str>, &str); 4] = [
        ("dues", vec!["dues", "--year", "2026", "--quarter", "3"], "党费收缴情况公示"),
        ("review", vec!["review", "--year", "2025"], "民主评议党员结果公示"),
        (
            "party",
            vec![
                "party-day",
                "--date",
                "2026-12-05",
                "--place",
                "村党群服务中心",
                "--topic",
                "学习全会精神",
                "--item",
                "重温入党誓词",
            ],
            "主题党日活动预告",
        ),
        (
            "general",
            vec!["general", "--title", "关于发展党员的公示", "--body-file", body.to_str().unwrap()],
            "关于发展党员的公示",
        ),
    ];
    for (file, args, title) in notices {
        let xlsx = dir.path().join(format!("{file}.xlsx"));
        run(Command::new(app_binary()).args(global).arg("notice").args(&args).args(terms).arg("--out").arg(&xlsx));
        let pdf = to_pdf(&xlsx, dir.path());
        let sizes = page_sizes(&pdf);
        assert_eq!(sizes.len(), 1, "{title}: {sizes:?}");
        assert!(sizes[0].0 < sizes[0].1 && is_a4(sizes[0]), "{title}: portrait A4: {sizes:?}");
        let text = &pages(&pdf)[0];
        assert!(text.contains(title), "{title}: {text}");
        assert!(text.contains("中共青石镇东山村支部委员会") && text.contains("2026年11月27日"), "{title}: 落款");
        assert!(text.contains("0371-66881234"), "{title}: the contact phone, as typed");
        let digits = text.as_bytes().windows(11).any(|w| w.iter().all(u8::is_ascii_digit));
        assert!(!digits, "{title}: no 11-digit numbers on a notice\n{text}");
    }
}

/// 保存为PDF from the command line (`notice … --out X.pdf`): the print page
/// itself, laid out and printed by the webview in a hidden window. Every
/// kind of 公示: A4 portrait pages, its title, table and 落款 in the text,
/// the contact phone as typed, no full ID or mobile anywhere though the
/// body names both; the demo's 40-member dues notice on one sheet.
#[test]
fn every_notice_saved_as_pdf_is_its_print_page_on_a4() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let global = ["--data-dir", data.to_str().unwrap(), "--today", "2026-11-27"];
    run(Command::new(app_binary()).args(global).args(["demo", "load"]));
    let body = dir.path().join("body.txt");
    std::fs::write(
        &body,
        "经支部委员会研究，拟发展王某某（身份证号 110101199003071234，手机 13812345678）为中共预备党员。",
    )
    .unwrap();
    let terms = ["--from", "2026-11-27", "--to", "2026-12-04", "--contact", "马俊杰", "--phone", "0371-66881234"];
    let notices: [(&str, Vec<&str>, &str, &str); 4] = [
        ("dues", vec!["dues", "--year", "2026", "--quarter", "3"], "党费收缴情况公示", "赵春燕"),
        ("review", vec!["review", "--year", "2025"], "民主评议党员结果公示", "基本合格"),
        (
            "party",
            vec!["party-day", "--date", "2026-12-05", "--place", "村党群服务中心", "--topic", "学习全会精神"],
            "主题党日活动预告",
            "村党群服务中心",
        ),
        (
            "general",
            vec!["general", "--title", "关于发展党员的公示", "--body-file", body.to_str().unwrap()],
            "关于发展党员的公示",
            "拟发展王某某",
        ),
    ];
    for (file, args, title, table_text) in notices {
        let pdf = dir.path().join(format!("{file}.pdf"));
        let said =
            run(Command::new(app_binary()).args(global).arg("notice").args(&args).args(terms).arg("--out").arg(&pdf));
        assert!(said.contains(&format!("已生成：{}", pdf.display())), "{said}");
        assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
        let sizes = page_sizes(&pdf);
        assert!(!sizes.is_empty() && sizes.iter().all(|s| s.0 < s.1 && is_a4(*s)), "{title}: {sizes:?}");
        let text = plain(&pages(&pdf).join("\n"));
        for want in [title, table_text, "中共青石镇东山村支部委员会", "2026年11月27日", "0371-66881234"]
        {
            assert!(text.contains(want), "{title}: {want} missing\n{text}");
        }
        assert!(!has_digit_run(&text, 11), "{title}: no full ID or mobile on a notice\n{text}");
        if file == "dues" {
            assert_eq!(sizes.len(), 1, "the 40-member dues notice is one sheet");
            let rows = text.lines().filter(|l| l.contains("7—9月") || l.contains("7―9月")).count();
            assert!(rows >= 38, "every member's row is printed ({rows})\n{text}");
        }
        // Rendered to pixels, as a printer would get it.
        let png = dir.path().join(file);
        run(Command::new("pdftoppm").args(["-r", "50", "-png", "-f", "1", "-l", "1"]).arg(&pdf).arg(&png));
        assert!(std::fs::metadata(format!("{}-1.png", png.display())).is_ok_and(|m| m.len() > 5_000));
    }
}

/// Without a desktop a PDF cannot be laid out: the command says so in
/// Chinese, exits 1, and leaves no file.
#[test]
fn a_pdf_without_a_desktop_is_refused_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let global = ["--data-dir", data.to_str().unwrap(), "--today", "2026-11-27"];
    run(Command::new(app_binary()).args(global).args(["demo", "load"]));
    let pdf = dir.path().join("dues.pdf");
    let out = Command::new(app_binary())
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .args(global)
        .args(["notice", "dues", "--year", "2026", "--quarter", "3", "--out"])
        .arg(&pdf)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("要用到桌面"), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!pdf.exists());
}

/// `zhibu workbook --sheet … --out X.pdf`: a 台账 sheet as its print page,
/// from the same model as the workbook's sheet — on A4 on its side when
/// the sheet is (the dues ledger, the roster), every member's row of the
/// dues ledger there with the 合计, and the signature line.
#[test]
fn a_ledger_sheet_saved_as_pdf_holds_every_row_on_a4() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let global = ["--data-dir", data.to_str().unwrap(), "--today", "2026-11-27"];
    run(Command::new(app_binary()).args(global).args(["demo", "load"]));
    let grid: serde_json::Value = serde_json::from_str(&run(Command::new(app_binary())
        .args(global)
        .args(["dues", "grid", "--year", "2026", "--json"])))
    .unwrap();
    let sheets = [("党费收缴台账", true), ("党费上缴记录", false), ("政治生日台账", false), ("发展党员工作台账", true)];
    for (sheet, landscape) in sheets {
        let pdf = dir.path().join(format!("{sheet}.pdf"));
        let args = ["workbook", "--year", "2026", "--sheet", sheet, "--out"];
        let said = run(Command::new(app_binary()).args(global).args(args).arg(&pdf));
        assert!(said.contains("已生成"), "{said}");
        let sizes = page_sizes(&pdf);
        assert!(sizes.iter().all(|s| is_a4(*s) && (s.0 > s.1) == landscape), "{sheet}: {sizes:?}");
        let text = plain(&pages(&pdf).join("\n"));
        assert!(text.contains(&format!("2026年度{sheet}")), "{sheet}: title\n{text}");
        assert!(text.contains("填报单位：中共青石镇东山村支部委员会") && text.contains("书记签字"), "{sheet}");
        if sheet == "党费收缴台账" {
            for row in grid["rows"].as_array().unwrap() {
                let name = row["name"].as_str().unwrap();
                assert!(text.contains(name), "{name} is on the ledger's paper");
            }
            assert!(text.contains("合计") && text.contains("2163.95"), "the year's total\n{text}");
        }
    }
    // The whole workbook is not one page: a PDF is made sheet by sheet.
    let out = Command::new(app_binary())
        .args(global)
        .args(["workbook", "--year", "2026", "--out"])
        .arg(dir.path().join("all.pdf"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--sheet"));
}

/// 发展党员 on paper, through LibreOffice: the year's 发展党员工作台账 (A4 on
/// its side, every person's row), one person's 全程纪实表 (A4 upright, their
/// steps, the ID number masked) and the 拟接收预备党员公示 (one A4 page, the
/// name, no number). No 18-digit ID and no 11-digit run on any of them.
#[test]
fn the_recruit_ledger_record_and_admit_notice_print_on_a4() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let global = ["--data-dir", data.to_str().unwrap(), "--today", "2026-11-27"];
    let zhibu = |args: &[&str]| run(Command::new(app_binary()).args(global).args(args));
    zhibu(&["demo", "load"]);
    let people = [
        ("陈晓明", "male", "410102199503121134", "2024-03-01", "东山村村民、种植合作社社员"),
        ("欧阳思琪", "female", "410102199807042240", "2026-01-05", "返乡创业（电商）"),
        ("王磊", "male", "410102200001013358", "2026-10-08", "外出务工（郑州）"),
    ];
    let mut ids = Vec::new();
    for (name, sex, id_number, applied, job) in people {
        let file = dir.path().join(format!("{name}.json"));
        let form = serde_json::json!({
            "name": name, "sex": sex, "id_number": id_number, "applied_on": applied, "job": job,
            "education": "高中", "ethnicity": "汉族", "phone": "13812345678", "source": "young_farmer"
        });
        std::fs::write(&file, form.to_string()).unwrap();
        let said: serde_json::Value =
            serde_json::from_str(&zhibu(&["--json", "recruit", "add", file.to_str().unwrap()])).unwrap();
        ids.push(said["id"].as_i64().unwrap().to_string());
    }
    let steps: [(usize, &[&str]); 27] = [
        (0, &["--step", "2", "--date", "2024-03-15", "--people", "马俊杰"]),
        (0, &["--step", "3", "--date", "2024-06-01"]),
        (0, &["--step", "4", "--date", "2024-06-05", "--doc", "青组备〔2024〕3号"]),
        (0, &["--step", "5", "--date", "2024-06-01", "--people", "马俊杰,孙德胜"]),
        (0, &["--step", "6", "--date", "2024-11-20"]),
        (0, &["--step", "6", "--date", "2025-05-10"]),
        (0, &["--step", "7", "--date", "2025-06-05"]),
        (0, &["--step", "9", "--date", "2025-06-10", "--people", "马俊杰,孙德胜"]),
        (0, &["--step", "10", "--date", "2025-07-01"]),
        (0, &["--step", "11", "--date", "2025-07-10", "--days", "3"]),
        (0, &["--step", "12", "--date", "2025-08-01"]),
        (0, &["--step", "13", "--date", "2025-08-15", "--outcome", "passed"]),
        (0, &["--step", "14", "--date", "2025-08-20", "--doc", "东山2025001"]),
        (0, &["--step", "15", "--date", "2025-09-01", "--outcome", "passed"]),
        (0, &["--step", "16", "--date", "2025-09-10", "--people", "高玉林"]),
        (0, &["--step", "17", "--date", "2025-10-10", "--outcome", "passed", "--doc", "青组字〔2025〕21号"]),
        (0, &["--step", "20", "--date", "2025-10-20"]),
        (0, &["--step", "21", "--date", "2026-01-10"]),
        (0, &["--step", "21", "--date", "2026-04-10"]),
        (0, &["--step", "21", "--date", "2026-07-10"]),
        (0, &["--step", "22", "--date", "2026-08-01"]),
        (0, &["--step", "23", "--date", "2026-09-02", "--outcome", "on_time"]),
        (0, &["--step", "24", "--date", "2026-09-20", "--outcome", "passed"]),
        (1, &["--step", "2", "--date", "2026-01-20", "--people", "马俊杰"]),
        (1, &["--step", "3", "--date", "2026-03-01"]),
        (1, &["--step", "5", "--date", "2026-03-01", "--people", "孙德胜"]),
        (2, &["--step", "2", "--date", "2026-10-20", "--people", "马俊杰"]),
    ];
    for (who, args) in steps {
        zhibu(&[&["recruit", "step", ids[who].as_str()][..], args].concat());
    }
    let no_numbers = |what: &str, text: &str| {
        assert!(!has_digit_run(text, 11), "{what}: no full ID or mobile\n{text}");
        for (_, _, id_number, _, _) in people {
            assert!(!text.contains(id_number), "{what}: {id_number}");
        }
    };

    let ledger = dir.path().join("ledger.xlsx");
    zhibu(&["workbook", "--year", "2026", "--sheet", "发展党员工作台账", "--out", ledger.to_str().unwrap()]);
    let pdf = to_pdf(&ledger, dir.path());
    let sizes = page_sizes(&pdf);
    assert!(!sizes.is_empty() && sizes.iter().all(|s| is_a4(*s) && s.0 > s.1), "on its side: {sizes:?}");
    let texts: Vec<String> = pages(&pdf).iter().map(|t| plain(t)).collect();
    for (i, t) in texts.iter().enumerate() {
        assert!(t.contains("序号") && t.contains("转正"), "page {}: the header row, every column\n{t}", i + 1);
    }
    let text = texts.join("\n");
    assert!(text.contains("2026年度发展党员工作台账"), "{text}");
    for (name, ..) in people {
        assert!(text.contains(name), "{name} on the ledger\n{text}");
    }
    for day in ["2024.03.01", "东山2025001", "2025.10.10", "2026.09.20", "2026.10.20"] {
        assert!(text.contains(day), "{day} on the ledger\n{text}");
    }
    no_numbers("发展党员工作台账", &text);

    let record = dir.path().join("record.xlsx");
    zhibu(&["recruit", "record", ids[0].as_str(), "--out", record.to_str().unwrap()]);
    let pdf = to_pdf(&record, dir.path());
    let sizes = page_sizes(&pdf);
    assert!(!sizes.is_empty() && sizes.iter().all(|s| is_a4(*s) && s.0 < s.1), "upright: {sizes:?}");
    let texts: Vec<String> = pages(&pdf).iter().map(|t| plain(t)).collect();
    for (i, t) in texts.iter().enumerate() {
        assert!(t.contains("发展党员全程纪实表") && t.contains("陈晓明"), "page {}: whose record\n{t}", i + 1);
        let tight: String = t.split_whitespace().collect();
        assert!(tight.contains(&format!("第{}页共{}页", i + 1, texts.len())), "page {}: its number\n{t}", i + 1);
    }
    let text = texts.join("\n");
    for want in ["410102********1134", "138****5678", "上级党委审批转正", "2026.09.20", "入党介绍人", "入党志愿书"]
    {
        assert!(text.contains(want), "{want} on the record\n{text}");
    }
    no_numbers("全程纪实表", &text);

    let admit = dir.path().join("admit.xlsx");
    let args = ["--point", "admit", "--from", "2025-09-02", "--to", "2025-09-08", "--out", admit.to_str().unwrap()];
    zhibu(&[&["recruit", "notice", ids[0].as_str()][..], &args].concat());
    let pdf = to_pdf(&admit, dir.path());
    let sizes = page_sizes(&pdf);
    assert!(sizes.len() == 1 && is_a4(sizes[0]) && sizes[0].0 < sizes[0].1, "one upright A4 page: {sizes:?}");
    let text = plain(&pages(&pdf)[0]);
    assert!(text.contains("拟接收预备党员公示") && text.contains("陈晓明"), "{text}");
    no_numbers("拟接收预备党员公示", &text);

    // For looking at the paper: ZHIBU_KEEP_RENDER=DIR keeps the PDFs.
    if let Some(keep) = std::env::var_os("ZHIBU_KEEP_RENDER") {
        std::fs::create_dir_all(&keep).unwrap();
        for f in ["ledger.pdf", "record.pdf", "admit.pdf"] {
            std::fs::copy(dir.path().join(f), Path::new(&keep).join(f)).unwrap();
        }
    }
}
