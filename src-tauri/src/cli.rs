//! The same binary, headless: `zhibu <noun> <verb>` over the same core
//! functions the window uses. `zhibu` alone opens the window.
//!
//! Exit codes: 0 done, 1 refused or failed (message on stderr, in Chinese),
//! 2 the command line itself was wrong.

use crate::error::ApiError;

/// Prints a line to stdout; a closed pipe (`zhibu … | head`) ends the output
/// quietly instead of panicking.
macro_rules! say {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($t)*);
    }};
}
use crate::state::{resolve_data_dir, AppState};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use serde_json::json;
use std::path::PathBuf;
use zhibu_core::members::MemberQuery;
use zhibu_core::notices::{NoticeRequest, NoticeTerms, PartyDayForm};
use zhibu_core::{idcard, Error, Store};

#[derive(Parser, Debug)]
#[command(name = "zhibu", version, about = "支部台账：村党支部的党员档案、组织生活、党费和台账", long_about = None)]
pub struct Cli {
    /// Data folder (default: the OS app-data folder; or ZHIBU_DATA_DIR)
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Fix "today" (YYYY-MM-DD), for tests and for reproducing a report
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
    pub today: Option<NaiveDate>,
    /// Machine-readable JSON output
    #[arg(long, global = true)]
    pub json: bool,
    /// For the end-to-end tests: pause this long before each file written to a stick
    #[arg(long, global = true, hide = true, value_name = "MS")]
    pub slow_writes_ms: Option<u64>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// 示例支部
    Demo {
        #[command(subcommand)]
        action: DemoAction,
    },
    /// 党员档案
    Member {
        #[command(subcommand)]
        action: MemberAction,
    },
    /// 组织生活：会议记录和年度日历
    Meeting {
        #[command(subcommand)]
        action: MeetingAction,
    },
    /// 党费
    Dues {
        #[command(subcommand)]
        action: DuesAction,
    },
    /// 今日提醒: every reminder as of --today
    Reminders,
    /// 公示 (.xlsx): `notice dues|review|party-day|general … --out FILE`
    Notice {
        #[command(subcommand)]
        action: NoticeAction,
    },
    /// The year's 台账 workbook (.xlsx, prints on A4)
    Workbook {
        #[arg(long)]
        year: i32,
        /// Only this sheet, e.g. 党费收缴台账 (default: the whole workbook)
        #[arg(long)]
        sheet: Option<String>,
        /// Where to write it (default: a Chinese file name in the current folder)
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// For the crash test: creates members one by one, printing each id once its commit returned
    #[command(hide = true)]
    CrashWriter {
        #[arg(long)]
        count: usize,
    },
    /// 导入花名册 from .xlsx/.xls/.csv: `import roster FILE [--sheet NAME] [--dry-run] [--skip-errors]`
    Import {
        #[command(subcommand)]
        action: ImportAction,
    },
    /// 年度归档: `archive create|verify|restore`
    Archive {
        #[command(subcommand)]
        action: ArchiveAction,
    },
    /// 公民身份号码
    Id {
        #[command(subcommand)]
        action: IdAction,
    },
}

#[derive(Subcommand, Debug)]
pub enum DemoAction {
    /// Load the fictional demo branch into an empty data folder
    Load {
        /// Do nothing (and succeed) when the data folder already holds members
        #[arg(long)]
        if_empty: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum MemberAction {
    /// List the members (full ID numbers in --json, masked otherwise)
    List {
        /// Include members transferred out
        #[arg(long)]
        all: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum MeetingAction {
    /// The year's meetings with their attendance
    List {
        #[arg(long)]
        year: i32,
    },
    /// Expected against held, per kind and period (month, quarter or year)
    Calendar {
        #[arg(long)]
        year: i32,
    },
    /// One meeting record: the minutes, resolutions and attendance
    Show { id: i64 },
    /// Add a meeting from a JSON file of the shape `show` prints (without id),
    /// checked exactly as the form is; prints {"id": N}
    Add { file: PathBuf },
}

#[derive(Subcommand, Debug)]
pub enum DuesAction {
    /// The monthly amount by the 2008 rules
    Amount {
        /// in_service | declared | retired | farmer | student | unemployed | relief | hardship
        #[arg(long)]
        category: String,
        /// Monthly base in yuan (after-tax wage, or pension)
        #[arg(long)]
        base: Option<String>,
        /// The branch's farmer amount in yuan (0.20–1.00)
        #[arg(long)]
        farmer_amount: Option<String>,
    },
    /// Members × 12 months of a year: state and amounts in 分
    Grid {
        #[arg(long)]
        year: i32,
    },
    /// Members with 3 or more consecutive unpaid months (as of --today)
    Arrears,
}

/// 公示期 and contact line printed on every notice.
#[derive(Args, Debug, Clone)]
pub struct TermArgs {
    /// 公示期 from, e.g. 2026-11-28
    #[arg(long, default_value = "")]
    from: String,
    /// 公示期 to
    #[arg(long, default_value = "")]
    to: String,
    /// 联系人
    #[arg(long, default_value = "")]
    contact: String,
    /// 联系电话 (a mobile number is masked on the notice)
    #[arg(long, default_value = "")]
    phone: String,
}

impl TermArgs {
    fn terms(&self) -> NoticeTerms {
        NoticeTerms {
            from: self.from.clone(),
            to: self.to.clone(),
            contact: self.contact.clone(),
            phone: self.phone.clone(),
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum NoticeAction {
    /// 党费收缴情况公示
    Dues {
        #[arg(long)]
        year: i32,
        #[arg(long, conflicts_with = "month")]
        quarter: Option<u32>,
        #[arg(long)]
        month: Option<u32>,
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        terms: TermArgs,
    },
    /// 民主评议党员结果公示, from the year's 民主评议 record
    Review {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        terms: TermArgs,
    },
    /// 主题党日活动预告
    PartyDay {
        /// 活动日期, e.g. 2026-12-10
        #[arg(long)]
        date: String,
        #[arg(long, default_value = "")]
        time: String,
        #[arg(long)]
        place: String,
        #[arg(long)]
        topic: String,
        /// 活动内容, one per --item
        #[arg(long = "item")]
        items: Vec<String>,
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        terms: TermArgs,
    },
    /// A 公示 with a title and a body (the body from a UTF-8 text file)
    General {
        #[arg(long)]
        title: String,
        #[arg(long)]
        body_file: PathBuf,
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        terms: TermArgs,
    },
}

#[derive(Subcommand, Debug)]
pub enum ImportAction {
    /// Preview or import members; writes only when no row has an error (unless --skip-errors)
    Roster {
        file: PathBuf,
        #[arg(long)]
        sheet: Option<String>,
        /// Only show what would happen
        #[arg(long)]
        dry_run: bool,
        /// Import the good rows even when some rows have errors
        #[arg(long)]
        skip_errors: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum ArchiveAction {
    /// Write the year's archive into DIR (a USB stick); prints its path once verified
    Create {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        to: PathBuf,
        /// Encrypt into one file with the passphrase in this file (first line)
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
    },
    /// Check every file of an archive against its manifest: exit 1 when not ok
    Verify {
        path: PathBuf,
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
    },
    /// Replace the data in --data-dir with the archive's (the current data is backed up first)
    Restore {
        path: PathBuf,
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub enum IdAction {
    /// Check an ID number (GB 11643): exit 0 when valid, 1 when not
    Check { id: String },
}

/// Parses the command line and runs it; returns the process exit code.
pub fn main() -> i32 {
    // The import's reader child (issue 14, item 3): nothing else runs in it.
    if std::env::args_os().nth(1).is_some_and(|a| a == zhibu_core::import::isolate::CHILD_ARG) {
        return zhibu_core::import::isolate::child_main();
    }
    // Every imported file is read in a child of this same program.
    if let Ok(program) = std::env::current_exe() {
        zhibu_core::import::isolate::use_child_process(program);
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let today = cli.today.unwrap_or_else(|| chrono::Local::now().date_naive());
    if let Some(ms) = cli.slow_writes_ms {
        zhibu_core::archive::slow_writes_for_tests(ms);
    }
    let data_dir = resolve_data_dir(cli.data_dir.clone());
    // The window and every command that writes or archives log into the data folder's 日志/.
    if cli.command.as_ref().is_none_or(|c| writes(c) || matches!(c, Command::Archive { .. })) {
        crate::logging::init(&data_dir);
    }
    if matches!(cli.command, Some(Command::Archive { .. })) {
        // Scratch copies a killed run left (decrypted archives) go first.
        zhibu_core::scratch::clear_stale();
    }
    match cli.command {
        None => {
            // Started again while the window is open: that window comes forward instead.
            use zhibu_core::store::lock::{ask_open_window_to_show, SecondStart};
            if ask_open_window_to_show(&data_dir, std::time::Duration::from_secs(5)) == SecondStart::Shown {
                eprintln!("支部台账已经打开了，已把它的窗口显示到最前面。");
                return 0;
            }
            run_window_now(data_dir, cli.today)
        }
        Some(Command::Id { action: IdAction::Check { id } }) => id_check(&id, today, cli.json),
        Some(Command::Dues { action: DuesAction::Amount { category, base, farmer_amount } }) => {
            dues_amount(&category, base.as_deref(), farmer_amount.as_deref(), cli.json)
        }
        Some(command) => match dispatch(command, &data_dir, today, cli.json) {
            Ok(code) => code,
            Err(e) => {
                let e = ApiError::from(e);
                if cli.json {
                    eprintln!("{}", json!({ "code": e.code, "message": e.message, "fields": e.fields }));
                } else {
                    eprintln!("错误：{}", e.message);
                    for (field, msg) in e.fields.iter().flatten() {
                        eprintln!("  {field}：{msg}");
                    }
                }
                1
            }
        },
    }
}

fn run_window_now(data_dir: PathBuf, today: Option<NaiveDate>) -> i32 {
    tracing::info!("支部台账 {} 启动", env!("CARGO_PKG_VERSION"));
    match crate::run_window(AppState::open(data_dir, today)) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("无法打开窗口：{e}");
            1
        }
    }
}

fn id_check(id: &str, today: NaiveDate, as_json: bool) -> i32 {
    let result = idcard::check(id, today);
    if as_json {
        let out = match &result {
            Ok(info) => json!({
                "valid": true, "birth_date": info.birth_date.to_string(), "sex": info.sex.code(), "error": null
            }),
            Err(e) => json!({
                "valid": false, "birth_date": null, "sex": null, "error": e.code(), "message": e.to_string()
            }),
        };
        say!("{out}");
    } else {
        match &result {
            Ok(info) => {
                say!("有效：{}出生，{}", zhibu_core::PartialDate::Day(info.birth_date).to_chinese(), info.sex.label())
            }
            Err(e) => eprintln!("无效：{e}"),
        }
    }
    i32::from(result.is_err())
}

fn dues_amount(category: &str, base: Option<&str>, farmer: Option<&str>, as_json: bool) -> i32 {
    use zhibu_core::dues::{amount_from_text, money};
    // The command line has no branch settings: a farmer's amount is given with --farmer-amount.
    match amount_from_text(category, base.unwrap_or(""), farmer.unwrap_or(""), -1, 1) {
        Ok(a) => {
            if as_json {
                say!("{}", json!({ "monthly_fen": a.monthly_fen, "rate": a.rate_label, "warnings": a.warnings }));
            } else {
                say!("每月 {} 元（{}）", money::yuan(a.monthly_fen), a.rate_label);
                for w in &a.warnings {
                    say!("注意：{w}");
                }
            }
            0
        }
        Err(msg) => {
            if as_json {
                eprintln!("{}", json!({ "code": "invalid_input", "message": msg }));
            } else {
                eprintln!("错误：{msg}");
            }
            1
        }
    }
}

/// Commands that change the data folder: they take its lock, so they never
/// run beside an open window or another writer (issue 14, item 5).
fn writes(command: &Command) -> bool {
    match command {
        Command::Demo { .. } | Command::CrashWriter { .. } => true,
        Command::Meeting { action } => matches!(action, MeetingAction::Add { .. }),
        Command::Import { action: ImportAction::Roster { dry_run, .. } } => !dry_run,
        Command::Archive { action } => matches!(action, ArchiveAction::Restore { .. }),
        _ => false,
    }
}

fn dispatch(command: Command, data_dir: &std::path::Path, today: NaiveDate, as_json: bool) -> Result<i32, Error> {
    let _lock = if writes(&command) {
        Some(zhibu_core::store::lock::DataLock::acquire_within(data_dir, std::time::Duration::from_secs(3))?)
    } else {
        None
    };
    match command {
        // Verify and restore never open (or create) the current database first.
        Command::Archive { action } => run_archive(action, data_dir, today, as_json),
        command => run_with_store(command, data_dir, today, as_json).map(|()| 0),
    }
}

fn passphrase(file: &Option<PathBuf>) -> Result<Option<String>, Error> {
    file.as_ref()
        .map(|f| {
            std::fs::read_to_string(f)
                .map(|p| p.trim_end_matches(['\r', '\n']).to_string())
                .map_err(|source| Error::Io { path: f.clone(), source })
        })
        .transpose()
}

fn run_archive(
    action: ArchiveAction,
    data_dir: &std::path::Path,
    today: NaiveDate,
    as_json: bool,
) -> Result<i32, Error> {
    use zhibu_core::archive::{finish_restore, open_archive, prepare_restore, verify_archive, Progress};
    match action {
        ArchiveAction::Create { year, to, passphrase_file } => {
            let store = Store::open_dir(data_dir)?;
            let version = env!("CARGO_PKG_VERSION");
            let progress = Progress::default();
            let done = match passphrase(&passphrase_file)? {
                Some(p) => store.create_sealed_archive(year, &to, today, version, &p, &progress)?,
                None => store.create_archive(year, &to, today, version, &progress)?,
            };
            if as_json {
                say!("{}", serde_json::to_string(&done).unwrap_or_default());
            } else {
                say!("{}", done.path);
            }
            Ok(0)
        }
        ArchiveAction::Verify { path, passphrase_file } => {
            let report = match open_archive(&path, passphrase(&passphrase_file)?.as_deref()) {
                Ok(opened) => verify_archive(&opened.dir)?,
                // An encrypted file that cannot be opened is not ok either.
                Err(e @ Error::Archive(_)) if path.is_file() => zhibu_core::archive::VerifyReport {
                    ok: false,
                    bad_files: vec![path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()],
                    checked: 0,
                    message: e.to_string(),
                },
                Err(e) => return Err(e),
            };
            if as_json {
                say!("{}", json!({ "ok": report.ok, "bad_files": report.bad_files, "checked": report.checked }));
            } else {
                say!("{}", report.message);
            }
            Ok(i32::from(!report.ok))
        }
        ArchiveAction::Restore { path, passphrase_file } => {
            let opened = open_archive(&path, passphrase(&passphrase_file)?.as_deref())?;
            let prepared = prepare_restore(&opened.dir, data_dir)?;
            let done = finish_restore(prepared, data_dir)?;
            if as_json {
                say!("{}", serde_json::to_string(&done).unwrap_or_default());
            } else {
                let s = &done.summary;
                say!(
                    "已恢复：{} {} 年度归档（{} 名党员、{} 次会议）到 {}",
                    s.branch,
                    s.year,
                    s.members,
                    s.meetings,
                    data_dir.display()
                );
                if let Some(b) = &done.backup {
                    say!("原有数据已备份到：{b}");
                }
            }
            Ok(0)
        }
    }
}

fn run_with_store(command: Command, data_dir: &std::path::Path, today: NaiveDate, as_json: bool) -> Result<(), Error> {
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
                let rows: Vec<serde_json::Value> = result
                    .rows
                    .iter()
                    .map(|r| json!({ "row": r.row, "outcome": r.outcome, "name": r.name, "code": r.code, "message": r.message }))
                    .collect();
                say!(
                    "{}",
                    json!({ "rows": rows, "new": result.new, "update": result.update, "error": result.error,
                            "written": result.written, "sheet": result.sheet, "header_row": result.header_row })
                );
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
                    say!("{}", json!({ "loaded": false, "members": store.member_count()? }));
                } else {
                    say!("数据文件夹里已有党员档案，未载入示例支部。");
                }
                return Ok(());
            }
            let loaded = store.load_demo(today)?;
            if as_json {
                say!("{}", json!({ "loaded": true, "members": loaded.members, "meetings": loaded.meetings }));
            } else {
                say!(
                    "已载入示例支部：{} 名党员、{} 次会议记录（姓名、身份证号均为虚构）。",
                    loaded.members,
                    loaded.meetings
                );
            }
        }
        Command::Member { action: MemberAction::List { all } } => {
            let members = store.members(&MemberQuery { include_left: all, ..Default::default() })?;
            if as_json {
                let rows: Vec<_> = members
                    .iter()
                    .map(|m| {
                        json!({
                            "id": m.id,
                            "name": m.name,
                            "sex": m.sex.code(),
                            "ethnicity": m.ethnicity,
                            "id_number": m.id_number,
                            "birth_date": m.birth_date.to_iso(),
                            "education": m.education,
                            "kind": m.kind.code(),
                            "admitted_on": m.admitted_on.map(|d| d.to_iso()),
                            "full_member_on": m.full_member_on.map(|d| d.to_iso()),
                            "status": m.status.code(),
                            "status_label": m.status.label(),
                            "status_date": m.status_date.map(|d| d.to_iso()),
                            "on_roster": m.on_roster(),
                            "full_member_reason": m.full_member_reason,
                            "era_note": m.era_note(),
                            "probation_end": m.probation_end().filter(|_| m.kind == zhibu_core::members::MemberKind::Probationary).map(|d| d.to_iso()),
                            "lost_contact_since": m.lost_contact_since.map(|d| d.to_iso()),
                            "group": m.group_name,
                            "committee_role": m.committee_role.map(|r| r.code()),
                            "phone": m.phone,
                            "mobile": m.mobile,
                            "lost_contact": m.lost_contact,
                            "left_branch": m.left_branch,
                            "age": m.age(today),
                            "standing_years": m.standing_years(today),
                        })
                    })
                    .collect();
                say!("{}", serde_json::Value::Array(rows));
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
                let rows: Vec<_> = meetings
                    .iter()
                    .map(|m| {
                        json!({
                            "id": m.id,
                            "kind": m.kind.code(),
                            "date": m.date.to_string(),
                            "start_time": m.start_time,
                            "topic": m.topic,
                            "place": m.place,
                            "should_attend": m.should_attend,
                            "present": m.present,
                            "on_leave": m.on_leave,
                            "absent": m.absent,
                            "attendance_rate": m.attendance_rate,
                            "quorum_ok": m.quorum_ok,
                        })
                    })
                    .collect();
                say!("{}", serde_json::Value::Array(rows));
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
            let form = m.form();
            let attendance: Vec<_> = m
                .attendees
                .iter()
                .map(|a| {
                    json!({
                        "member_id": a.member_id,
                        "name": a.name,
                        "status": a.status.code(),
                        "status_label": a.status.label(),
                        "reason": a.reason,
                        "grade": a.grade.map(|g| g.code()).unwrap_or(""),
                        "voting": a.voting,
                    })
                })
                .collect();
            if as_json {
                let mut v = serde_json::to_value(&form).map_err(|e| Error::Import(e.to_string()))?;
                v["id"] = json!(m.id);
                v["kind_label"] = json!(m.kind.label());
                v["deleted"] = json!(m.deleted);
                v["attendance"] = serde_json::Value::Array(attendance);
                if let Some(o) = v.as_object_mut() {
                    o.remove("attendees");
                }
                v["quorum"] = serde_json::to_value(&m.quorum).map_err(|e| Error::Import(e.to_string()))?;
                say!("{v}");
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
            let form: zhibu_core::meetings::MeetingForm = serde_json::from_str(&text).map_err(|e| {
                Error::Import(format!("会议记录文件不是所需的 JSON 格式（{e}），请以 meeting show --json 的输出为样子"))
            })?;
            let m = store.create_meeting(&form, today)?;
            if as_json {
                say!("{}", json!({ "id": m.id }));
            } else {
                say!("已保存会议记录（编号 {}）", m.id);
            }
        }
        Command::Meeting { action: MeetingAction::Calendar { year } } => {
            let cal = store.meeting_calendar(year, today)?;
            if as_json {
                let rows: Vec<_> = cal
                    .rows
                    .iter()
                    .flat_map(|r| {
                        r.cells.iter().map(|c| {
                            json!({ "kind": r.kind.code(), "period": c.period, "expected": c.expected, "held": c.held, "state": c.state })
                        })
                    })
                    .collect();
                say!("{}", serde_json::Value::Array(rows));
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
                let rows: Vec<_> = grid
                    .rows
                    .iter()
                    .map(|r| {
                        json!({
                            "member_id": r.member_id,
                            "name": r.name,
                            "category": r.category_label,
                            "monthly_fen": r.monthly_fen,
                            "total_fen": r.total_fen,
                            "arrears_months": r.arrears_months,
                            "months": r.cells.iter().map(|c| json!({
                                "month": c.month, "state": c.state, "owed_fen": c.owed_fen, "paid_fen": c.paid_fen
                            })).collect::<Vec<_>>(),
                        })
                    })
                    .collect();
                say!(
                    "{}",
                    json!({ "year": year, "members": rows, "total_fen": grid.total_fen, "extra_fen": grid.extra_fen })
                );
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
                say!("{}", serde_json::to_string(&arrears).unwrap_or_else(|_| "[]".into()));
            } else {
                for a in &arrears {
                    say!("{}", a.message);
                }
                if arrears.is_empty() {
                    say!("没有连续 3 个月以上未交党费的党员。");
                }
            }
        }
        Command::Reminders => {
            let r = store.reminders(today)?;
            if as_json {
                say!("{}", serde_json::to_string(&r).unwrap_or_else(|_| "{}".into()));
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
                    .chain(r.members.fifty_year_medal.iter().map(|m| format!("纪念章：{} {}", m.name, m.note)));
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
                NoticeAction::PartyDay { date, time, place, topic, items, out, terms } => {
                    (NoticeRequest::PartyDay(PartyDayForm { date, time, place, topic, items }), out, terms)
                }
                NoticeAction::General { title, body_file, out, terms } => {
                    let body = std::fs::read_to_string(&body_file)
                        .map_err(|source| Error::Io { path: body_file.clone(), source })?;
                    (NoticeRequest::General { title, body }, out, terms)
                }
            };
            let notice = store.notice(&request, &terms.terms(), today)?;
            let bytes = zhibu_core::workbook::notice_workbook(&notice)?;
            std::fs::write(&out, bytes).map_err(|source| Error::Io { path: out.clone(), source })?;
            if as_json {
                say!("{}", json!({ "path": out.display().to_string(), "title": notice.title }));
            } else {
                say!("已生成：{}", out.display());
            }
        }
        Command::Workbook { year, sheet, out } => {
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
            std::fs::write(&path, bytes).map_err(|source| Error::Io { path: path.clone(), source })?;
            if as_json {
                say!("{}", json!({ "path": path.display().to_string() }));
            } else {
                say!("已生成：{}", path.display());
            }
        }
        Command::Id { .. } | Command::Dues { action: DuesAction::Amount { .. } } | Command::Archive { .. } => {
            unreachable!("handled without a store")
        }
    }
    Ok(())
}
