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

/// Prints what `--json` asks for: the very type the window's command gives
/// for the same thing (`dto.rs` or the core's), serialised as the page gets it.
fn say_json<T: serde::Serialize>(value: &T) {
    say!("{}", serde_json::to_string(value).unwrap_or_default());
}

/// A refusal under `--json`: the `ApiError` the page gets, on stderr.
fn refuse_json(e: &ApiError) {
    eprintln!("{}", serde_json::to_string(e).unwrap_or_default());
}
mod args;
mod mobile;
mod points;
mod run;
mod service;
mod spending;
mod study;

use crate::state::{resolve_data_dir, AppState};
pub use args::*;
use chrono::NaiveDate;
use clap::Parser;
use run::run_with_store;
use std::path::PathBuf;
use zhibu_core::members::MemberQuery;
use zhibu_core::notices::{NoticeRequest, PartyDayForm};
use zhibu_core::{idcard, Error, Store};

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
            run_window_now(data_dir, cli.today, cli.open_page)
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
                    refuse_json(&e);
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

fn run_window_now(data_dir: PathBuf, today: Option<NaiveDate>, page: Option<String>) -> i32 {
    tracing::info!("支部台账 {} 启动", env!("CARGO_PKG_VERSION"));
    // Only a plain page path: the window's address is not for anything else.
    let page = page
        .filter(|p| p.starts_with('/') && p.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_')));
    match crate::run_window(AppState::open(data_dir, today), page) {
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
        say_json(&match &result {
            Ok(info) => crate::dto::IdCheck { valid: true, info: Some(info.clone()), error: None, message: None },
            Err(e) => {
                crate::dto::IdCheck { valid: false, info: None, error: Some(e.code()), message: Some(e.to_string()) }
            }
        });
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
                say_json(&a);
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
                refuse_json(&ApiError::validation(msg));
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
        Command::Recruit { action } => {
            matches!(action, RecruitAction::Add { .. } | RecruitAction::Step { .. } | RecruitAction::Notice { .. })
        }
        Command::Import { action: ImportAction::Roster { dry_run, .. } } => !dry_run,
        Command::Member { action } => !matches!(action, MemberAction::List { .. }),
        Command::Dues { action } => {
            matches!(action, DuesAction::Elsewhere { .. } | DuesAction::Spend { .. } | DuesAction::Received { .. })
        }
        Command::Care { action } => !matches!(action, CareAction::List { .. }),
        Command::Service { action } => matches!(action, ServiceAction::Add { .. }),
        Command::Study { action } => matches!(action, StudyAction::Add { .. }),
        Command::Archive { action } => matches!(action, ArchiveAction::Restore { .. }),
        Command::Points { action } => !matches!(
            action,
            PointsAction::Year { .. } | PointsAction::Rules { action: PointsRulesAction::Export { .. } }
        ),
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
                say_json(&done);
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
                say_json(&report);
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
                say_json(&done);
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
