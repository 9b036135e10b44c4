//! The command line's words (clap): every noun, verb and flag, with the
//! help text `zhibu --help` shows.

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use zhibu_core::notices::NoticeTerms;

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
    /// For the tests that drive the real window without WebDriver: the page
    /// it opens at, e.g. /dues/notice (letters, digits, / - _ only)
    #[arg(long, hide = true, value_name = "PATH")]
    pub open_page: Option<String>,
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
    /// 发展党员: from 入党申请 to 正式党员, 25 steps, checked against the 细则 (2014)
    Recruit {
        #[command(subcommand)]
        action: RecruitAction,
    },
    /// 公示 (.xlsx or .pdf): `notice dues|review|party-day|general … --out FILE`
    ///
    /// FILE.xlsx writes a workbook; FILE.pdf the print page as a PDF (A4, as
    /// 打印 prints it). A PDF needs a desktop session (DISPLAY or
    /// WAYLAND_DISPLAY): the webview lays the page out in a hidden window.
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
        /// Where to write it (default: a Chinese file name in the current
        /// folder). X.pdf with --sheet: that sheet as an A4 PDF, which needs a
        /// desktop session (the webview lays it out in a hidden window)
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
    /// 关怀帮扶: `care visit|list|case` (走访慰问, 慰问名单, 困难党员)
    Care {
        #[command(subcommand)]
        action: CareAction,
    },
    /// 志愿服务和为民办实事: `service add|list`
    Service {
        #[command(subcommand)]
        action: ServiceAction,
    },
    /// 积分: `points rules import|export|enable|disable`, `points year`, `points add`
    Points {
        #[command(subcommand)]
        action: PointsAction,
    },
    /// 学时: `study hours|add` (学时登记, 培训活动; cli/study.rs)
    Study {
        #[command(subcommand)]
        action: StudyAction,
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
    /// 合成支部（性能测试用）: a made-up branch of --members people over
    /// --years years up to --today (meetings, dues, 发展党员, 流动党员, 关怀,
    /// 培训, 志愿服务), every record through the same checks, into an empty
    /// data folder; prints the counts and the time it took. For measuring,
    /// not for showing: use `demo load` for that
    Synthetic {
        /// Member files at the end (40–5000)
        #[arg(long, default_value_t = 500)]
        members: usize,
        /// Years of records, the last one --today's (1–10)
        #[arg(long, default_value_t = 5)]
        years: u32,
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
    // ---- 流动党员 (cli/mobile.rs) ----
    /// 登记外出: a period away for member ID; prints {"id": N}
    Away {
        id: i64,
        /// 外出日期
        #[arg(long)]
        from: String,
        /// 返回日期 (omit while still away)
        #[arg(long, default_value = "")]
        to: String,
        /// 外出地点, e.g. 广东省深圳市宝安区
        #[arg(long)]
        place: String,
        /// 从事工作
        #[arg(long, default_value = "")]
        work: String,
        /// 流入地党组织
        #[arg(long, default_value = "")]
        org: String,
        /// 流入地党组织联系方式
        #[arg(long, default_value = "")]
        org_contact: String,
        /// 流动党员活动证号
        #[arg(long, default_value = "")]
        card: String,
        /// The committee member keeping contact (姓名)
        #[arg(long)]
        contact_person: String,
    },
    /// 返回: closes member ID's open period away on --date
    Back {
        id: i64,
        #[arg(long)]
        date: String,
    },
    /// 记录联系 with member ID while away; prints {"id": N}
    Contact {
        id: i64,
        #[arg(long)]
        date: String,
        /// 电话 | 微信 | 上门 | 返乡座谈 | 书信
        #[arg(long)]
        how: String,
        /// What was said or sent
        #[arg(long)]
        note: String,
        /// Who made contact (姓名)
        #[arg(long, default_value = "")]
        by: String,
        /// 意见建议 received
        #[arg(long, default_value = "")]
        suggestions: String,
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
    /// checked exactly as the form is; with --json prints the saved record as `show` does
    Add { file: PathBuf },
}

#[derive(Subcommand, Debug)]
pub enum RecruitAction {
    /// Add a person from a JSON file: `name`, `sex`, `id_number`, optional
    /// `applied_on` (records step 1), `ethnicity`, `education`, `job`,
    /// `phone`, `address`, `league_member`, `source`, `came_from`, `came_on`;
    /// prints {"id": N}, or the field errors as the form shows them
    Add { file: PathBuf },
    /// Record step N (1–25) for person ID; refused in Chinese (exit 1) when a
    /// rule forbids it, or a national rule is not met and no --reason is given
    Step {
        id: i64,
        #[arg(long)]
        step: u8,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
        /// Names from the roster, comma separated (联系人 at 5, 介绍人 at 9, who acted otherwise)
        #[arg(long, default_value = "")]
        people: String,
        /// The meeting record of the 支部大会 (15, 23) or 支委会
        #[arg(long, value_name = "MID")]
        meeting: Option<i64>,
        /// Training days (11)
        #[arg(long)]
        days: Option<u32>,
        /// Training hours, 学时 (11)
        #[arg(long)]
        hours: Option<u32>,
        /// passed | failed (13, 15, 17, 24); on_time | extend | cancel (23); default: the first
        #[arg(long, default_value = "")]
        outcome: String,
        /// Months of 延长预备期 (23, extend)
        #[arg(long)]
        months: Option<u32>,
        /// 党小组 (19)
        #[arg(long, default_value = "")]
        group: String,
        /// 文号 / 备案号 / 志愿书编号
        #[arg(long, default_value = "")]
        doc: String,
        #[arg(long, default_value = "")]
        note: String,
        /// Why a national rule not met is recorded anyway (kept and logged)
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Record a 公示 period and write the notice: candidate (拟确定发展对象),
    /// admit (拟接收预备党员), full (拟转为正式党员); with --out FILE.xlsx or .pdf
    Notice {
        id: i64,
        #[arg(long)]
        point: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: String,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// One person: stage, steps, next step and its dates, member_id once admitted
    Show { id: i64 },
    /// 发展党员全程纪实表 of person ID (.xlsx, A4 portrait, ID number masked);
    /// with --json prints {path, size, sheets}
    Record {
        id: i64,
        /// Where to write it (default: a Chinese file name in the current folder)
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Everyone on the way, with their stage and next step
    List,
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
    // ---- 党费使用 (docs/DOMAIN.md §9): cli/spending.rs ----
    /// 党费使用: record a spending of the dues kept or received back
    /// (saved even when the 可用结余 goes below zero, with a warning)
    Spend {
        #[arg(long)]
        date: String,
        /// Yuan, e.g. 300.00
        #[arg(long)]
        amount: String,
        /// 用途
        #[arg(long)]
        purpose: String,
        /// 审批, e.g. 支委会研究同意
        #[arg(long, default_value = "")]
        approval: String,
        /// 凭证号
        #[arg(long, default_value = "")]
        receipt: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// 上级下拨党费: money received back from above
    Received {
        #[arg(long)]
        date: String,
        /// Yuan, e.g. 500.00
        #[arg(long)]
        amount: String,
        /// From which organisation, e.g. 镇党委
        #[arg(long, default_value = "")]
        from: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// The year's 党费使用明细 (spending and 慰问金 from 上级下拨党费), money received and the balance
    Spending {
        #[arg(long)]
        year: i32,
    },
    /// 在流入地缴纳: member ID's dues of --month paid where they live (cli/mobile.rs); prints {"id": N}
    Elsewhere {
        id: i64,
        /// YYYY-MM
        #[arg(long)]
        month: String,
        /// The 流入地 Party organisation paid to
        #[arg(long)]
        org: String,
        /// The day paid
        #[arg(long, default_value = "")]
        date: String,
    },
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
    pub(super) fn terms(&self) -> NoticeTerms {
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
    /// 慰问金发放公示: the year's visits with money (or one occasion's: spring, july1 …)
    Care {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        season: Option<String>,
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
    /// 积分公示: each member's points and 星级 of the year
    Points {
        #[arg(long)]
        year: i32,
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

#[derive(Subcommand, Debug)]
pub enum CareAction {
    /// Record a visit to member ID; prints {"id": N} with --json. Occasion and
    /// source by code or label (春节, 七一, 送学上门 …; 上级下拨党费, 乡镇 …)
    Visit {
        id: i64,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
        #[arg(long)]
        occasion: String,
        /// 慰问金 in yuan, e.g. 200.00
        #[arg(long, default_value = "")]
        amount: String,
        /// Required with an amount: 上级下拨党费 | 乡镇 | 村级 | 其他
        #[arg(long, default_value = "")]
        source: String,
        #[arg(long, default_value = "")]
        visitors: String,
        #[arg(long, default_value = "")]
        goods: String,
        /// After a death: the family member visited
        #[arg(long, default_value = "")]
        family: String,
        #[arg(long = "follow-up", default_value = "")]
        follow_up: String,
    },
    /// The 慰问名单 of a season (spring = 元旦春节, july1 = 七一) holding --today, or the next
    List {
        #[arg(long)]
        season: String,
    },
    /// Record member ID as in hardship (困难党员); prints {"id": N} with --json
    Case {
        id: i64,
        /// 低保/特困 | 因病 | 因灾 | 丧失劳动能力 | 独居高龄 | 其他 (or the codes)
        #[arg(long)]
        category: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        since: String,
        #[arg(long, default_value = "")]
        note: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum ServiceAction {
    /// Record a 志愿服务 or 为民办实事 from a JSON file: served_on, kind
    /// (志愿服务 | 为民办实事), what, for_whom, households, people, hours,
    /// notes, members (ids or names); prints {"id": N} with --json
    Add { file: PathBuf },
    /// The records of a year with the totals (次数, 人次, 户)
    List {
        #[arg(long)]
        year: i32,
    },
}

#[derive(Subcommand, Debug)]
pub enum PointsAction {
    /// The rule set: import a county's file, export the one in use, turn it on or off
    Rules {
        #[command(subcommand)]
        action: PointsRulesAction,
    },
    /// Each member's points of --year: total, stars and the lines with their sources
    Year {
        #[arg(long)]
        year: i32,
    },
    /// Enter points by hand from a JSON file {member_id, entered_on, rule_key, points, reason, evidence};
    /// prints {"id": N} with --json
    Add { file: PathBuf },
}

#[derive(Subcommand, Debug)]
pub enum PointsRulesAction {
    /// Import a rule file (JSON); on unless it is marked example
    Import { file: PathBuf },
    /// Write the rule set in use to a JSON file
    Export {
        #[arg(long)]
        out: PathBuf,
    },
    /// Turn the rule set in use on (a new version)
    Enable,
    /// Turn it off (a new version)
    Disable,
}

#[derive(Subcommand, Debug)]
pub enum StudyAction {
    /// Each member's 学时 of a year: name, hours, target, short_by, central_training
    Hours {
        #[arg(long)]
        year: i32,
    },
    /// Record a training from a JSON file: started_on, hours, organiser,
    /// level, topic, participants (names or member ids); prints {"id": N}
    Add { file: PathBuf },
}
