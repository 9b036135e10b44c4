//! The headless commands that work on the open store: each arm calls the
//! same core function the window's command does and prints text or `--json`.

use super::*;
use crate::commands::meetings::meeting_detail;
use crate::dto::{DemoLoad, MeetingRow, MemberDetail};
use zhibu_core::meetings::MeetingForm;
use zhibu_core::workbook::Exported;

pub(super) fn run_with_store(
    command: Command,
    data_dir: &std::path::Path,
    today: NaiveDate,
    as_json: bool,
) -> Result<(), Error> {
    // A command that only reads also reads a folder that cannot be written (issue 14, item 10).
    let mut store =
        if writes(&command) { Store::open_dir(data_dir)? } else { Store::open_dir_for_reading(data_dir)?.0 };
    match command {
        Command::CrashWriter { count } => {
            use std::io::Write;
            let start: usize = store.member_count()? as usize;
            let mut out = std::io::stdout().lock();
            for i in start..start + count {
                let first17 =
                    format!("410102{}{:02}{:02}{:03}", 1950 + i % 50, 1 + i % 12, 1 + i % 28, (i / 600) % 500 * 2 + 1);
                let id = format!("{first17}{}", idcard::check_char(first17.as_bytes()));
                let form = zhibu_core::members::MemberForm {
                    name: format!("测试{i}"),
                    sex: "male".into(),
                    ethnicity: "汉族".into(),
                    birth_date: format!("{}-{:02}-{:02}", 1950 + i % 50, 1 + i % 12, 1 + i % 28),
                    id_number: id,
                    kind: "full".into(),
                    admitted_on: format!("{}-07-01", 1975 + i % 50),
                    full_member_on: format!("{}-07-01", 1976 + i % 50),
                    ..Default::default()
                };
                let m = store.create_member(&form, today)?;
                // Printed only after the commit returned: the test holds us to it.
                let _ = writeln!(out, "{}", m.id);
                let _ = out.flush();
            }
        }
        Command::Import { action: ImportAction::Roster { file, sheet, dry_run, skip_errors } } => {
            let bytes = std::fs::read(&file).map_err(|source| Error::Io { path: file.clone(), source })?;
            let req = zhibu_core::import::ImportRequest {
                file_name: file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                sheet,
                mapping: None,
            };
            let preview = store.import_preview(&bytes, &req, today)?;
            let mut result = preview.clone();
            let refused = !dry_run && preview.error > 0 && !skip_errors;
            if !dry_run && !refused {
                result = store.import_members(&bytes, &req, skip_errors, today)?;
            }
            if as_json {
                say_json(&result);
            } else {
                for r in &result.rows {
                    let what = match r.outcome.as_str() {
                        "new" => "新增",
                        "update" => "更新",
                        _ => "错误",
                    };
                    say!("第 {} 行 {} {}：{}", r.row, r.name, what, r.message);
                }
                say!(
                    "新增 {} 人，更新 {} 人，错误 {} 行；已写入 {} 人。",
                    result.new,
                    result.update,
                    result.error,
                    result.written
                );
            }
            if refused {
                return Err(Error::Import(format!("有 {} 行有错误，没有导入任何内容。", preview.error)));
            }
        }
        Command::Demo { action: DemoAction::Load { if_empty } } => {
            if if_empty && !store.is_empty()? {
                if as_json {
                    say_json(&DemoLoad { loaded: false, demo: None, members: Some(store.member_count()?) });
                } else {
                    say!("数据文件夹里已有党员档案，未载入示例支部。");
                }
                return Ok(());
            }
            let loaded = store.load_demo(today)?;
            if as_json {
                say_json(&DemoLoad { loaded: true, demo: Some(loaded), members: None });
            } else {
                say!(
                    "已载入示例支部：{} 名党员、{} 次会议记录（姓名、身份证号均为虚构）。",
                    loaded.members,
                    loaded.meetings
                );
            }
        }
        Command::Demo { action: DemoAction::Synthetic { members, years } } => {
            let started = std::time::Instant::now();
            let n = store.load_synthetic(zhibu_core::demo::SyntheticSize { members, years }, today)?;
            if as_json {
                say_json(&n);
            } else {
                say!(
                    "已生成合成支部（性能测试用）：{} 名党员、{} 个党小组，{} 次会议（出席记录 {} 条），党费核定 {} 条、交纳 {} 笔、上缴 {} 次，发展党员 {} 人（{} 个步骤），流动党员外出 {} 次、联系 {} 次，困难党员 {} 人、走访慰问 {} 次，培训 {} 次（{} 人次），志愿服务 {} 次；用时 {:.1} 秒。",
                    n.members,
                    n.groups,
                    n.meetings,
                    n.attendance_rows,
                    n.assessments,
                    n.payments,
                    n.remittances,
                    n.recruits,
                    n.recruit_steps,
                    n.mobile_periods,
                    n.mobile_contacts,
                    n.care_cases,
                    n.visits,
                    n.trainings,
                    n.training_participants,
                    n.services,
                    started.elapsed().as_secs_f64()
                );
            }
        }
        Command::Member { action: MemberAction::List { all } } => {
            let members = store.members(&MemberQuery { include_left: all, ..Default::default() })?;
            if as_json {
                // Full numbers: each member's file as `member_get` gives it.
                let files = members.iter().map(|m| Ok(MemberDetail::new(store.member_file(m.id)?, today)));
                say_json(&files.collect::<Result<Vec<_>, Error>>()?);
            } else {
                for (i, m) in members.iter().enumerate() {
                    say!(
                        "{:>3}  {}\t{}\t{}\t{}\t入党 {}\t{}",
                        i + 1,
                        m.name,
                        m.sex.label(),
                        m.kind.label(),
                        m.group_name.as_deref().unwrap_or("—"),
                        m.admitted_on.map(|d| d.to_chinese()).unwrap_or_default(),
                        m.masked_id_number()
                    );
                }
                say!("共 {} 人", members.len());
            }
        }
        Command::Meeting { action: MeetingAction::List { year } } => {
            let meetings = store.meeting_summaries(year, None)?;
            if as_json {
                say_json(&meetings.into_iter().map(MeetingRow::from).collect::<Vec<_>>());
            } else {
                for m in &meetings {
                    say!(
                        "{}  {}\t{}\t应到 {} 实到 {} 请假 {} 缺席 {}（出席率 {}）",
                        m.date,
                        m.kind.label(),
                        m.topic,
                        m.should_attend,
                        m.present,
                        m.on_leave,
                        m.absent,
                        m.attendance_rate
                    );
                }
                say!("共 {} 次", meetings.len());
            }
        }
        Command::Meeting { action: MeetingAction::Show { id } } => {
            let m = store.meeting(id)?;
            if as_json {
                say_json(&meeting_detail(&store, m)?);
            } else {
                say!("{} {} {}", m.date, m.kind.label(), m.topic);
                if let Some(y) = m.for_year {
                    say!("所属年度：{y}年度");
                }
                say!("应到 {} 实到 {}（{}）", m.quorum.should_attend, m.quorum.present, m.quorum.attendance_rate);
                for a in &m.attendees {
                    say!("  {}\t{}\t{}", a.name, a.status.label(), a.reason);
                }
            }
        }
        Command::Meeting { action: MeetingAction::Add { file } } => {
            let text = std::fs::read_to_string(&file).map_err(|source| Error::Io { path: file.clone(), source })?;
            let form = meeting_file(&text).map_err(|e| {
                Error::Import(format!("会议记录文件不是所需的 JSON 格式（{e}），请以 meeting show --json 的输出为样子"))
            })?;
            let m = store.create_meeting(&form, today)?;
            let id = m.id;
            if as_json {
                say_json(&meeting_detail(&store, m)?);
            } else {
                say!("已保存会议记录（编号 {id}）");
            }
        }
        Command::Meeting { action: MeetingAction::Calendar { year } } => {
            let cal = store.meeting_calendar(year, today)?;
            if as_json {
                say_json(&cal);
            } else {
                for r in &cal.rows {
                    let cells: Vec<String> = r.cells.iter().map(|c| format!("{}{}", c.label, c.state_label)).collect();
                    say!("{}（{}）：{}", r.kind_label, r.frequency_label, cells.join(" "));
                }
                for g in &cal.gaps {
                    say!("· {g}");
                }
            }
        }
        Command::Dues { action: DuesAction::Grid { year } } => {
            let grid = store.dues_grid(year, today)?;
            if as_json {
                say_json(&grid);
            } else {
                for r in &grid.rows {
                    let marks: String = r
                        .cells
                        .iter()
                        .map(|c| match c.state {
                            zhibu_core::dues::MonthState::Paid => '●',
                            zhibu_core::dues::MonthState::Owed => '○',
                            zhibu_core::dues::MonthState::Waived => '免',
                            zhibu_core::dues::MonthState::Future => '·',
                            _ => '－',
                        })
                        .collect();
                    say!("{}\t{}\t{} 元", r.name, marks, zhibu_core::dues::money::yuan(r.total_fen));
                }
                say!("合计 {} 元（●已交 ○未交 ·未到期 －不在册）", zhibu_core::dues::money::yuan(grid.total_fen));
            }
        }
        Command::Dues { action: DuesAction::Arrears } => {
            let arrears = store.dues_arrears(today)?;
            if as_json {
                say_json(&arrears);
            } else {
                for a in &arrears {
                    say!("{}", a.message);
                }
                if arrears.is_empty() {
                    say!("没有连续 3 个月以上未交党费的党员。");
                }
            }
        }
        Command::Recruit { action } => run_recruit(&mut store, action, today, as_json)?,
        // 党费使用 (cli/spending.rs).
        Command::Dues {
            action: action @ (DuesAction::Spend { .. } | DuesAction::Received { .. } | DuesAction::Spending { .. }),
        } => super::spending::run_spending(&mut store, action, today, as_json)?,
        Command::Member { action } => super::mobile::run_member_mobile(&mut store, action, today, as_json)?,
        Command::Dues { action: DuesAction::Elsewhere { id, month, org, date } } => {
            super::mobile::run_dues_elsewhere(&mut store, id, month, org, date, today, as_json)?
        }
        Command::Care { action } => run_care(&mut store, action, today, as_json)?,
        Command::Reminders => {
            let r = store.reminders(today)?;
            if as_json {
                say_json(&r);
            } else {
                say!("{} 的提醒：", zhibu_core::PartialDate::Day(today).to_chinese());
                let lines = r
                    .members
                    .political_birthdays
                    .iter()
                    .map(|b| format!("政治生日：{} {}（{}）", b.name, b.date.to_chinese(), b.note))
                    .chain(r.members.probation_ending.iter().map(|p| format!("转正：{} {}", p.name, p.note)))
                    .chain(r.arrears.iter().map(|a| format!("党费：{}", a.message)))
                    .chain(r.meetings_due.iter().map(|m| format!("会议：{}", m.note)))
                    .chain(r.members.term_ending.iter().map(|t| format!("换届：{}", t.note)))
                    .chain(r.members.lost_contact.iter().map(|l| format!("失联：{} {}", l.name, l.note)))
                    .chain(r.members.fifty_year_medal.iter().map(|m| format!("纪念章：{} {}", m.name, m.note)))
                    // 流动党员
                    .chain(r.mobile_no_contact.iter().map(|m| format!("流动党员：{}", m.note)))
                    .chain(r.mobile_should_transfer.iter().map(|m| format!("流动党员：{}", m.note)))
                    .chain(r.mobile_homecoming.iter().map(|m| format!("流动党员：{}", m.note)))
                    // 学时
                    .chain(r.study.iter().map(|s| format!("学时：{} {}", s.name, s.note)));
                for line in lines {
                    say!("· {line}");
                }
            }
        }
        Command::Notice { action } => {
            let (request, out, terms) = match action {
                NoticeAction::Dues { year, quarter, month, out, terms } => {
                    (NoticeRequest::Dues { year, quarter, month }, out, terms)
                }
                NoticeAction::Review { year, out, terms } => (NoticeRequest::Review { year }, out, terms),
                NoticeAction::Care { year, season, out, terms } => (NoticeRequest::Care { year, season }, out, terms),
                NoticeAction::PartyDay { date, time, place, topic, items, out, terms } => {
                    (NoticeRequest::PartyDay(PartyDayForm { date, time, place, topic, items }), out, terms)
                }
                NoticeAction::General { title, body_file, out, terms } => {
                    let body = std::fs::read_to_string(&body_file)
                        .map_err(|source| Error::Io { path: body_file.clone(), source })?;
                    (NoticeRequest::General { title, body }, out, terms)
                }
                NoticeAction::Points { year, out, terms } => (NoticeRequest::Points { year }, out, terms),
            };
            let notice = store.notice(&request, &terms.terms(), today)?;
            if is_pdf(&out) {
                // The print page itself, laid out in a hidden window and printed (print_job.rs).
                let page = crate::print_job::PrintPage::Notice { notice: Box::new(notice) };
                let written = crate::print_job::print_to_file(page, &out).map_err(Error::Print)?;
                if as_json {
                    say_json(&written);
                } else {
                    say!("已生成：{}", written.path);
                }
                return Ok(());
            }
            let bytes = zhibu_core::workbook::notice_workbook(&notice)?;
            std::fs::write(&out, &bytes).map_err(|source| Error::Io { path: out.clone(), source })?;
            if as_json {
                let sheets = vec![zhibu_core::workbook::notice_sheet_name(&notice.title)];
                say_json(&Exported { path: out.display().to_string(), size: bytes.len() as u64, sheets });
            } else {
                say!("已生成：{}", out.display());
            }
        }
        Command::Workbook { year, sheet, out } => {
            if let Some(out) = out.as_deref().filter(|o| is_pdf(o)) {
                // One sheet's print page, laid out in a hidden window and printed (print_job.rs).
                let Some(name) = &sheet else {
                    return Err(Error::Print(
                        "PDF 一次生成一张表：请加上 --sheet 表名（如 --sheet 党费收缴台账）。".into(),
                    ));
                };
                let page =
                    crate::print_job::PrintPage::Sheet { sheet: Box::new(store.sheet_paper(name, year, today)?) };
                let written = crate::print_job::print_to_file(page, out).map_err(Error::Print)?;
                if as_json {
                    say_json(&written);
                } else {
                    say!("已生成：{}", written.path);
                }
                return Ok(());
            }
            let bytes = match &sheet {
                Some(name) => store.sheet_workbook(name, year, today)?,
                None => store.year_workbook(year, today)?,
            };
            let path = match out {
                Some(out) => out,
                None => PathBuf::from(zhibu_core::workbook::export_file_name(
                    &store.branch()?.name,
                    year,
                    sheet.as_deref(),
                    today,
                )),
            };
            std::fs::write(&path, &bytes).map_err(|source| Error::Io { path: path.clone(), source })?;
            if as_json {
                let sheets = sheet.map_or_else(zhibu_core::workbook::year_workbook_sheets, |s| vec![s]);
                say_json(&Exported { path: path.display().to_string(), size: bytes.len() as u64, sheets });
            } else {
                say!("已生成：{}", path.display());
            }
        }
        // 志愿服务 (cli/service.rs).
        Command::Service { action } => super::service::run_service(&mut store, action, today, as_json)?,
        Command::Study { action } => super::study::run_study(&mut store, action, today, as_json)?,
        Command::Id { .. } | Command::Dues { action: DuesAction::Amount { .. } } | Command::Archive { .. } => {
            unreachable!("handled without a store")
        }
        Command::Points { action } => super::points::run_points(&mut store, action, today, as_json)?,
    }
    Ok(())
}

/// A meeting file for `meeting add`: the shape `meeting show --json` prints
/// (the detail page's record), read as the form. A null (no grade, no
/// host) reads as the field left empty.
fn meeting_file(text: &str) -> serde_json::Result<MeetingForm> {
    fn drop_nulls(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(o) => {
                o.retain(|_, x| !x.is_null());
                o.values_mut().for_each(drop_nulls);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(drop_nulls),
            _ => {}
        }
    }
    let mut v: serde_json::Value = serde_json::from_str(text)?;
    drop_nulls(&mut v);
    serde_json::from_value(v)
}

/// `--out X.pdf`: the print page as a PDF rather than a workbook.
fn is_pdf(out: &std::path::Path) -> bool {
    out.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
}

/// `zhibu recruit …`: the same core functions as the 发展党员 pages.
fn run_recruit(store: &mut Store, action: RecruitAction, today: NaiveDate, as_json: bool) -> Result<(), Error> {
    use zhibu_core::recruits::{RecruitForm, StepForm};
    match action {
        RecruitAction::Add { file } => {
            let text = std::fs::read_to_string(&file).map_err(|source| Error::Io { path: file.clone(), source })?;
            let form: RecruitForm = serde_json::from_str(&text).map_err(|e| {
                Error::Import(format!("文件不是所需的 JSON 格式（{e}），至少要有 name、sex、id_number"))
            })?;
            let f = store.create_recruit(&form, today)?;
            if as_json {
                say_json(&serde_json::json!({ "id": f.recruit.id }));
            } else {
                say!("已添加：{}（编号 {}，{}）", f.recruit.name, f.recruit.id, f.recruit.stage_label);
            }
        }
        RecruitAction::Step {
            id,
            step,
            date,
            people,
            meeting,
            days,
            hours,
            outcome,
            months,
            group,
            doc,
            note,
            reason,
        } => {
            let form = StepForm {
                step,
                date,
                people: vec![people],
                meeting_id: meeting,
                doc_number: doc,
                outcome,
                days,
                hours,
                months,
                group_name: group,
                note,
                override_reason: reason,
            };
            let saved = store.record_recruit_step(id, &form, today)?;
            if as_json {
                say_json(&saved);
            } else {
                say!("已记录：第{step}步，{}现为{}", saved.file.recruit.name, saved.file.recruit.stage_label);
                for w in &saved.warnings {
                    say!("  提示：{}", w.message);
                }
                if let Some(mid) = saved.member_id {
                    say!("  已建立党员档案（编号 {mid}）");
                }
            }
        }
        RecruitAction::Notice { id, point, from, to, out } => {
            store.record_recruit_notice(id, &point, &from, &to, today)?;
            let terms = zhibu_core::notices::NoticeTerms { from, to, ..Default::default() };
            let notice = store.notice(&NoticeRequest::Recruit { point, ids: vec![id] }, &terms, today)?;
            if let Some(out) = out {
                if is_pdf(&out) {
                    let page = crate::print_job::PrintPage::Notice { notice: Box::new(notice.clone()) };
                    crate::print_job::print_to_file(page, &out).map_err(Error::Print)?;
                } else {
                    let bytes = zhibu_core::workbook::notice_workbook(&notice)?;
                    std::fs::write(&out, &bytes).map_err(|source| Error::Io { path: out.clone(), source })?;
                }
                if !as_json {
                    say!("已生成：{}", out.display());
                }
            }
            if as_json {
                say_json(&notice);
            } else {
                say!("{}：{} 至 {}", notice.title, notice.terms.from, notice.terms.to);
            }
        }
        RecruitAction::Show { id } => {
            let f = store.recruit(id)?;
            if as_json {
                say_json(&recruit_show(&f));
            } else {
                say!("{}（{}）", f.recruit.name, f.recruit.stage_label);
                for s in &f.steps {
                    say!("  第{}步 {} {} {}", s.step, s.name, s.date, s.outcome_label);
                }
                if let Some(n) = &f.next {
                    say!("下一步：第{}步 {}", n.step, n.name);
                }
            }
        }
        RecruitAction::Record { id, out } => {
            let bytes = store.recruit_record(id, today)?;
            let out = match out {
                Some(out) => out,
                None => PathBuf::from(zhibu_core::export::recruit_record_file_name(
                    &store.branch()?.name,
                    &store.recruit(id)?.recruit.name,
                    today,
                )),
            };
            let dir = out.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
            let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let path = zhibu_core::export::write_export(dir, &name, &bytes)?;
            if as_json {
                let sheets = vec![zhibu_core::workbook::RECORD_SHEET.to_string()];
                say_json(&Exported { path: path.display().to_string(), size: bytes.len() as u64, sheets });
            } else {
                say!("已生成：{}", path.display());
            }
        }
        RecruitAction::List => {
            let list = store.recruits()?;
            if as_json {
                say_json(&list);
            } else {
                for r in &list {
                    say!("{}\t{}\t{}", r.id, r.name, r.stage_label);
                }
            }
        }
    }
    Ok(())
}

/// `recruit show --json`: the file, with `stage`, `steps` (`step`, `date`),
/// `next` (`step`, `due`) and `member_id` at the top.
fn recruit_show(f: &zhibu_core::recruits::RecruitFile) -> serde_json::Value {
    serde_json::json!({
        "id": f.recruit.id,
        "name": f.recruit.name,
        "stage": f.recruit.stage,
        "stage_label": f.recruit.stage_label,
        "steps": f.steps,
        "next": f.next,
        "member_id": f.recruit.member_id,
        "probation_end": f.probation_end,
        "file": f,
    })
}

/// `zhibu care …`: the same core functions as the 关怀帮扶 page.
fn run_care(store: &mut Store, action: CareAction, today: NaiveDate, as_json: bool) -> Result<(), Error> {
    use zhibu_core::care::{CareCaseForm, SeasonKind, VisitForm};
    match action {
        CareAction::Visit { id, date, occasion, amount, source, visitors, goods, family, follow_up } => {
            let form = VisitForm {
                member_id: id,
                visited_on: date,
                occasion,
                visitors,
                amount,
                source,
                goods,
                family_name: family,
                follow_up,
            };
            let saved = store.create_care_visit(&form, today)?;
            if as_json {
                say_json(&serde_json::json!({ "id": saved.visit.id }));
            } else {
                let v = &saved.visit;
                say!(
                    "已登记走访：{} {}，{}，慰问金 {} 元（编号 {}）",
                    v.visited_on,
                    v.name,
                    v.occasion_label,
                    v.amount,
                    v.id
                );
                if let Some(note) = saved.note {
                    say!("  {note}");
                }
            }
        }
        CareAction::List { season } => {
            let Some(kind) = SeasonKind::parse(&season) else {
                let mut e = zhibu_core::FieldErrors::default();
                e.add("season", "慰问名单只有 spring（元旦春节）和 july1（七一）两种");
                return Err(Error::Validation(e));
            };
            let list = store.visit_list(kind, today)?;
            if as_json {
                let rows: Vec<_> = list
                    .entries
                    .iter()
                    .map(|e| serde_json::json!({ "name": e.name, "reasons": e.reasons, "visited": e.visited }))
                    .collect();
                say_json(&rows);
            } else {
                say!(
                    "{}（{} 至 {}）：共 {} 人，已走访 {} 人",
                    list.title,
                    list.start,
                    list.end,
                    list.total,
                    list.visited
                );
                for e in &list.entries {
                    say!("{}\t{}\t{}", e.name, if e.visited { "已走访" } else { "未走访" }, e.reasons.join("、"));
                }
            }
        }
        CareAction::Case { id, category, since, note } => {
            let form = CareCaseForm { member_id: id, category, since, description: note };
            let c = store.create_care_case(&form, today)?;
            if as_json {
                say_json(&serde_json::json!({ "id": c.id }));
            } else {
                say!("已登记困难党员：{}，{}（编号 {}）", c.name, c.category_label, c.id);
            }
        }
    }
    Ok(())
}
