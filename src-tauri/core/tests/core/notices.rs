use crate::today;
use calamine::{Data, Reader, Xlsx};
use std::io::{Cursor, Read};
use zhibu_core::meetings::{Grade, MeetingKind};
use zhibu_core::notices::{Notice, NoticeRequest, NoticeTerms, PartyDayForm};
use zhibu_core::workbook::{notice_workbook, SHEETS};
use zhibu_core::{Error, Store};

fn demo() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    s.load_demo(today()).unwrap();
    s
}

fn party_day() -> PartyDayForm {
    PartyDayForm {
        date: "2026-12-05".into(),
        time: "上午9:00".into(),
        place: "村党群服务中心".into(),
        topic: "学习全会精神".into(),
        items: vec!["重温入党誓词".into(), "集中学习".into(), "  ".into(), "交纳党费".into()],
    }
}

/// Every cell of every sheet, as text.
fn cells(bytes: &[u8]) -> Vec<(String, String)> {
    let mut xlsx: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let mut out = Vec::new();
    for name in xlsx.sheet_names() {
        let range = xlsx.worksheet_range(&name).unwrap();
        out.extend(range.used_cells().map(|c| (name.clone(), c.2.to_string())));
    }
    out
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut f = zip.by_name(name).unwrap_or_else(|_| panic!("{name} missing"));
    let mut s = String::new();
    f.read_to_string(&mut s).unwrap();
    s
}

/// The scan a posted page must pass, independent of the masking code: with
/// full-width digits read as digits and every space, dash, dot, line break,
/// plus sign and zero-width character between them dropped, no run of 11 or
/// more digits (a mobile, or an ID's digits), and none of the branch's real
/// ID numbers or phone numbers anywhere. `allowed` is the one number meant
/// to be published as typed: the contact phone of the notice's own field.
fn assert_postable(what: &str, text: &str, secrets: &[String], allowed: &str) {
    let text = if allowed.is_empty() { text.to_string() } else { text.replace(allowed, "") };
    let squeezed: String = text
        .chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            ' ' | '\u{3000}' | '\u{a0}' | '-' | '－' | '—' | '–' | '.' | '．' | '\n' | '\r' | '\t' | '+' | '＋'
            | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => None,
            'ｘ' | 'Ｘ' => Some('X'),
            c => Some(c),
        })
        .collect();
    let mut run = 0;
    for c in squeezed.chars() {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        assert!(run < 11, "{what}: a long number in {text:?}");
    }
    for s in secrets {
        assert!(!squeezed.to_uppercase().contains(&s.to_uppercase()), "{what}: {s} in {text:?}");
    }
}

fn secrets(s: &Store) -> Vec<String> {
    let all = s.members(&zhibu_core::members::MemberQuery { include_left: true, ..Default::default() }).unwrap();
    let mut out: Vec<String> = all.iter().map(|m| m.id_number.clone()).collect();
    out.extend(all.iter().filter(|m| !m.phone.is_empty()).map(|m| m.phone.clone()));
    out
}

/// The ways people write a number (issue 14, item 2).
fn spellings(n: &str) -> Vec<String> {
    let full: String = n
        .chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap(),
            'X' => 'Ｘ',
            c => c,
        })
        .collect();
    let groups = |sep: &str| {
        let (a, b) = n.split_at(if n.len() == 11 { 3 } else { 6 });
        let (b, c) = b.split_at(if n.len() == 11 { 4 } else { 8 });
        format!("{a}{sep}{b}{sep}{c}")
    };
    let mut out = vec![
        n.to_string(),
        n.to_lowercase(),
        full,
        groups("-"),
        groups(" "),
        groups("\n"),
        groups("\u{200b}"),
        groups("．"),
        format!("99{n}00"),
    ];
    if n.len() == 11 {
        out.extend([
            format!("+86 {}", groups(" ")),
            format!("0086{n}"),
            format!("0{n}"),
            format!("86-{}", groups("-")),
        ]);
    }
    out
}

/// Every kind of notice the app can post, with a secretary who typed
/// `spelled` (a member's number written one way) into every free-text field;
/// the contact phone field holds the branch office's landline.
fn every_notice(s: &Store, spelled: &str) -> Vec<Notice> {
    let careless = NoticeTerms {
        from: "2026-11-27".into(),
        to: "2026-12-04".into(),
        // The contact field takes 20 characters.
        contact: match spelled.chars().count() {
            0..=17 => format!("张书记{spelled}"),
            _ => spelled.chars().take(20).collect(),
        },
        phone: OFFICE.into(),
    };
    let mut requests = vec![
        NoticeRequest::Dues { year: 2026, quarter: None, month: None },
        NoticeRequest::Review { year: 2025 },
        NoticeRequest::PartyDay(PartyDayForm {
            topic: format!("学习{spelled}"),
            place: format!("{spelled}家"),
            time: format!("上午9:00 {spelled}"),
            items: vec![format!("联系{spelled}"), "集中学习".into()],
            ..party_day()
        }),
        NoticeRequest::General {
            title: format!("关于{spelled}的公示"),
            body: format!("王某某，号码{spelled}，拟发展为预备党员。\n第二段 {spelled}"),
        },
    ];
    requests.extend((1..=4).map(|q| NoticeRequest::Dues { year: 2026, quarter: Some(q), month: None }));
    requests.extend((1..=12).map(|m| NoticeRequest::Dues { year: 2026, quarter: None, month: Some(m) }));
    requests.iter().map(|r| s.notice(r, &careless, today()).unwrap()).collect()
}

const OFFICE: &str = "0371-66881234";

/// Every XML part of an .xlsx (sheets, shared strings, sheet names in the
/// workbook part, docProps), as text.
fn xml_parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            (f.name().to_string(), s)
        })
        .collect()
}

#[test]
fn nothing_meant_for_posting_carries_a_full_id_or_phone_number() {
    let mut s = demo();
    let secrets = secrets(&s);
    assert!(secrets.len() > 40, "the demo has IDs and phones to leak");
    let members = s.members(&Default::default()).unwrap();
    let id = members[0].id_number.clone();
    let phone = members.iter().find(|m| !m.phone.is_empty()).unwrap().phone.clone();
    // A name and a meeting topic that carry a number too (the dues and review notices print them).
    let mut named = zhibu_core::members::MemberForm::of(&members[1]);
    named.name = format!("王{}", phone);
    s.update_member(members[1].id, &named, today()).unwrap();
    let review = s.meetings_belonging(2025, Some(MeetingKind::Review)).unwrap().remove(0);
    let mut topic = review.form();
    topic.topic = format!("民主评议 {}", spellings(&id)[3]);
    s.update_meeting(review.id, &topic, today()).unwrap();
    let mut checked = 0;
    for spelled in spellings(&id).into_iter().chain(spellings(&phone)) {
        let notices = every_notice(&s, &spelled);
        assert_eq!(notices.len(), 20);
        for n in &notices {
            let what = format!("{} with {spelled:?}", n.title);
            assert_postable(&format!("{what} (page)"), &serde_json::to_string(n).unwrap(), &secrets, OFFICE);
            assert_eq!(n.terms.phone, OFFICE, "the contact phone is printed as typed");
            for (part, text) in xml_parts(&notice_workbook(n).unwrap()) {
                assert_postable(&format!("{what} (xlsx {part})"), &text, &secrets, OFFICE);
            }
            assert_postable(&format!("{what} (file name)"), &n.file_stem, &secrets, OFFICE);
            checked += 1;
        }
    }
    assert!(checked >= 20 * 20, "{checked}");
    // The typed numbers are still recognisable to the people who know them.
    let general = every_notice(&s, &id).into_iter().find(|n| n.kind == "general").unwrap();
    assert!(general.title.contains("********"), "{}", general.title);
    // Every sheet of the year workbook but the internal roster, on its own and in the workbook
    // (the workbook is kept, not posted: the planted name is taken back first).
    s.update_member(members[1].id, &zhibu_core::members::MemberForm::of(&members[1]), today()).unwrap();
    let year = cells(&s.year_workbook(2026, today()).unwrap());
    for sheet in SHEETS.iter().skip(1) {
        for (_, text) in year.iter().filter(|(name, _)| name == sheet) {
            assert_postable(sheet, text, &secrets, "");
        }
        for (_, text) in cells(&s.sheet_workbook(sheet, 2026, today()).unwrap()) {
            assert_postable(sheet, &text, &secrets, "");
        }
    }
    // …and the scan does catch what it is there to catch.
    let roster = cells(&s.sheet_workbook(SHEETS[0], 2026, today()).unwrap());
    assert!(roster.iter().any(|(_, t)| secrets.contains(t)), "the internal roster keeps full numbers");
    let caught = std::panic::catch_unwind(|| assert_postable("planted", &spellings(&phone)[5], &[], ""));
    assert!(caught.is_err(), "the scan sees a number split over lines");
}

#[test]
fn the_review_notice_lists_every_grade_of_the_year_record() {
    let s = demo();
    let review = s.meetings_belonging(2025, Some(MeetingKind::Review)).unwrap().remove(0);
    let n = s.notice(&NoticeRequest::Review { year: 2025 }, &NoticeTerms::default(), today()).unwrap();
    assert_eq!(n.title, "民主评议党员结果公示");
    assert_eq!(n.subtitle, "（2025年度民主评议党员）");
    assert!(n.lead.starts_with("2026年1月22日"), "{}", n.lead);
    let table = n.table.as_ref().unwrap();
    assert_eq!(table.headers, ["评定等次", "人数", "党员姓名"]);
    let count = |g: Grade| review.attendees.iter().filter(|a| a.grade == Some(g)).count();
    let probationary = review.attendees.iter().filter(|a| !a.voting).count();
    assert!(count(Grade::Excellent) > 0 && count(Grade::BasicallyQualified) > 0 && probationary > 0);
    let labels: Vec<&str> = table.rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(labels, ["优秀", "合格", "基本合格", "不合格", "预备党员（不评定等次）"]);
    let listed = |k: usize| table.rows[k][2].split('、').filter(|s| *s != "—").count();
    assert_eq!(listed(0), count(Grade::Excellent));
    assert_eq!(table.rows[0][1], count(Grade::Excellent).to_string());
    assert_eq!(listed(2), count(Grade::BasicallyQualified));
    assert_eq!(table.rows[3][2], "—", "nobody 不合格");
    assert_eq!(listed(4), probationary);
    // Everyone who took part is named exactly once.
    let total: usize = (0..table.rows.len()).map(listed).sum();
    assert_eq!(total, review.attendees.len());
    let excellent: Vec<&str> =
        review.attendees.iter().filter(|a| a.grade == Some(Grade::Excellent)).map(|a| a.name.as_str()).collect();
    assert_eq!(table.rows[0][2], excellent.join("、"));
    let summary = &n.paragraphs[0];
    assert!(summary.contains(&format!("优秀 {} 名", count(Grade::Excellent))), "{summary}");
    assert!(summary.contains(&format!("预备党员 {probationary} 名不评定等次")), "{summary}");
    assert_eq!(n.file_stem, "中共青石镇东山村支部委员会2025年度民主评议党员结果公示");

    // 2026 has no review yet (the January one was 2025's): said in Chinese.
    let err = s.notice(&NoticeRequest::Review { year: 2026 }, &NoticeTerms::default(), today()).unwrap_err();
    assert!(matches!(err, Error::NotFound(_)));
    assert!(err.to_string().contains("民主评议"), "{err}");
}

#[test]
fn the_party_day_preview_reads_like_the_paper_one() {
    let s = demo();
    let n = s.notice(&NoticeRequest::PartyDay(party_day()), &NoticeTerms::default(), today()).unwrap();
    assert_eq!(n.title, "主题党日活动预告");
    assert_eq!(n.subtitle, "（2026年12月）");
    assert!(n.table.is_none());
    assert_eq!(n.paragraphs[1], "一、活动时间：2026年12月5日（星期六）上午9:00");
    assert_eq!(n.paragraphs[3], "三、活动主题：学习全会精神");
    // Blank items are dropped; the rest are numbered.
    assert!(n.paragraphs.contains(&"3. 交纳党费".to_string()), "{:?}", n.paragraphs);
    assert!(!n.paragraphs.iter().any(|p| p.starts_with("4. ")));

    let bad = PartyDayForm { date: "2026-13-01".into(), topic: " ".into(), place: String::new(), ..party_day() };
    let Error::Validation(fields) =
        s.notice(&NoticeRequest::PartyDay(bad), &NoticeTerms::default(), today()).unwrap_err()
    else {
        panic!("field errors expected")
    };
    assert!(fields.has("date") && fields.has("topic") && fields.has("place"), "{fields:?}");

    let draft = s.party_day_draft(today()).unwrap();
    assert_eq!((draft.date.as_str(), draft.topic.as_str()), ("2026-12-05", "12月主题党日"), "the next 每月5日");
    assert_eq!(draft.place, "村党群服务中心", "the last place used");
    assert!(draft.items.contains(&"重温入党誓词".to_string()));
}

#[test]
fn a_general_notice_is_what_the_secretary_wrote_and_checked() {
    let s = demo();
    let req = NoticeRequest::General {
        title: " 关于发展王某某为中共预备党员的公示 ".into(),
        body: "经支部大会讨论，拟发展王某某为中共预备党员。\n\n  公示期间如有意见，请向支部反映。  \n".into(),
    };
    let terms = NoticeTerms {
        from: "2026-11-27".into(),
        to: "2026-12-04".into(),
        contact: "张伟".into(),
        phone: "0371-66881234".into(),
    };
    let n = s.notice(&req, &terms, today()).unwrap();
    assert_eq!(n.title, "关于发展王某某为中共预备党员的公示");
    assert_eq!(n.paragraphs.len(), 2, "{:?}", n.paragraphs);
    assert_eq!(n.paragraphs[1], "公示期间如有意见，请向支部反映。");
    assert_eq!(
        n.terms.text(),
        "公示期：2026年11月27日至2026年12月4日。公示期间如有意见，请与张伟联系，联系电话：0371-66881234。"
    );
    assert_eq!(n.branch_name, "中共青石镇东山村支部委员会");
    assert_eq!(n.issued_label, "2026年11月27日");

    let empty = NoticeRequest::General { title: "  ".into(), body: "\n".into() };
    let wrong = NoticeTerms { from: "2026-12-04".into(), to: "2026-11-27".into(), ..Default::default() };
    let Error::Validation(fields) = s.notice(&empty, &wrong, today()).unwrap_err() else { panic!() };
    assert!(fields.has("title") && fields.has("body") && fields.has("to"), "{fields:?}");
    let month_only = NoticeTerms { from: "2026-11".into(), ..Default::default() };
    let Error::Validation(fields) = s.notice(&req, &month_only, today()).unwrap_err() else { panic!() };
    assert!(fields.get("from").unwrap().contains("写到日"));

    let drafted = s.notice_terms_draft(today()).unwrap();
    assert_eq!((drafted.from.as_str(), drafted.to.as_str()), ("2026-11-27", "2026-12-04"));
}

#[test]
fn a_notice_workbook_prints_on_a4_portrait_with_its_text() {
    let s = demo();
    let dues = s
        .notice(&NoticeRequest::Dues { year: 2026, quarter: Some(3), month: None }, &NoticeTerms::default(), today())
        .unwrap();
    let bytes = notice_workbook(&dues).unwrap();
    let mut xlsx: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    assert_eq!(xlsx.sheet_names(), ["党费收缴情况公示"]);
    let sheet = xlsx.worksheet_range("党费收缴情况公示").unwrap();
    let table = dues.table.as_ref().unwrap();
    assert_eq!(sheet.get_value((3, 4)), Some(&Data::String("交纳金额（元）".into())));
    assert_eq!(sheet.get_value((4, 1)), Some(&Data::String(table.rows[0][1].clone())));
    let total_row = 4 + table.rows.len() as u32;
    let formulas = xlsx.worksheet_formula("党费收缴情况公示").unwrap();
    assert_eq!(formulas.get_value((total_row, 4)).unwrap(), &format!("SUM(E5:E{total_row})"));
    let cached: f64 = sheet.get_value((total_row, 4)).unwrap().to_string().parse().unwrap();
    assert_eq!(cached, table.total.as_ref().unwrap().parse::<f64>().unwrap());
    let xml = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(xml.contains(r#"paperSize="9""#) && xml.contains(r#"orientation="portrait""#));
    assert!(xml.contains("&amp;C第 &amp;P 页 共 &amp;N 页"));

    let general = s
        .notice(
            &NoticeRequest::General { title: "关于[评优]的公示".into(), body: "第一段\n第二段".into() },
            &NoticeTerms::default(),
            today(),
        )
        .unwrap();
    let text: Vec<String> = cells(&notice_workbook(&general).unwrap()).into_iter().map(|c| c.1).collect();
    assert_eq!(text[0], "关于[评优]的公示");
    assert!(text.iter().any(|t| t.ends_with("第二段")));
    assert!(text.iter().any(|t| t.starts_with("公示期：")));
    assert!(text.contains(&"中共青石镇东山村支部委员会".to_string()));
}

#[test]
fn each_sheet_exports_on_its_own_as_it_is_in_the_year_workbook() {
    let s = demo();
    let year = cells(&s.year_workbook(2026, today()).unwrap());
    for sheet in SHEETS {
        let bytes = s.sheet_workbook(sheet, 2026, today()).unwrap();
        let xlsx: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
        assert_eq!(xlsx.sheet_names(), [sheet]);
        let alone: Vec<String> = cells(&bytes).into_iter().map(|c| c.1).collect();
        let within: Vec<String> = year.iter().filter(|c| c.0 == sheet).map(|c| c.1.clone()).collect();
        assert_eq!(alone, within, "{sheet}");
        // Printing: the single sheet repeats its header rows too.
        assert!(part(&bytes, "xl/workbook.xml").contains("_xlnm.Print_Titles"), "{sheet}");
    }
    assert!(matches!(s.sheet_workbook("不存在的表", 2026, today()), Err(Error::NotFound(_))));

    let dir = tempfile::tempdir().unwrap();
    let dues = s.export_sheet("党费收缴台账", 2026, today(), dir.path()).unwrap();
    assert!(dues.path.ends_with("中共青石镇东山村支部委员会2026年度党费收缴台账.xlsx"), "{}", dues.path);
    let roster = s.export_sheet("党员花名册", 2026, today(), dir.path()).unwrap();
    assert!(roster.path.ends_with("党员花名册（内部资料）20261127.xlsx"), "{}", roster.path);
    let notice =
        s.export_notice(&NoticeRequest::Review { year: 2025 }, &NoticeTerms::default(), today(), dir.path()).unwrap();
    assert!(notice.path.ends_with("2025年度民主评议党员结果公示.xlsx"));
    assert_eq!(std::fs::metadata(&notice.path).unwrap().len(), notice.size);
}

/// 主题党日活动预告 (issue 17, item 5): the draft is the branch's next fixed
/// 主题党日, posted from today until that day, in announcement words; a
/// 张贴期 past the activity is refused beside its field.
#[test]
fn the_party_day_announcement_defaults_to_the_next_fixed_day_and_ends_on_it() {
    let mut s = demo();
    let settings = s.meeting_settings().unwrap();
    let form = zhibu_core::meetings::MeetingSettingsForm {
        frequencies: settings
            .frequencies
            .iter()
            .map(|f| zhibu_core::meetings::FrequencyForm {
                kind: f.kind.code().into(),
                frequency: f.frequency.code().into(),
            })
            .collect(),
        theme_day: "每月5日".into(),
    };
    s.save_meeting_settings(&form).unwrap();
    let draft = s.party_day_draft(today()).unwrap();
    assert_eq!(draft.date, "2026-12-05", "the next 5th after 27 November");
    assert!(draft.topic.starts_with("12月"), "{}", draft.topic);
    let terms = s.party_day_terms_draft(today()).unwrap();
    assert_eq!((terms.from.as_str(), terms.to.as_str()), ("2026-11-27", "2026-12-05"));
    let notice = s.notice(&NoticeRequest::PartyDay(draft.clone()), &terms, today()).unwrap();
    assert!(notice.terms.announcement);
    let line = notice.terms.text();
    assert!(line.starts_with("张贴期：2026年11月27日至2026年12月5日") && !line.contains("如有意见"), "{line}");
    // The 公示 keep their words.
    let dues = NoticeRequest::Dues { year: 2026, quarter: Some(3), month: None };
    assert!(s.notice(&dues, &terms, today()).unwrap().terms.text().contains("公示期间如有意见"));
    let late = NoticeTerms { to: "2026-12-08".into(), ..terms };
    match s.notice(&NoticeRequest::PartyDay(draft), &late, today()) {
        Err(Error::Validation(f)) => assert!(f.get("to").is_some_and(|m| m.contains("不能晚于活动日期")), "{f:?}"),
        other => panic!("a 张贴期 past the day is refused: {other:?}"),
    }
    // A lunar setting names no day of the month: today, as before.
    let lunar = zhibu_core::meetings::MeetingSettingsForm { theme_day: "每月农历初一".into(), ..form };
    s.save_meeting_settings(&lunar).unwrap();
    assert_eq!(s.party_day_draft(today()).unwrap().date, "2026-11-27");
}
