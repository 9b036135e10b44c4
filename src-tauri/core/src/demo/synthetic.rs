//! 合成支部（性能测试用）: the largest branch the program is built for, made
//! up from indices — no randomness, so one size always gives the same people
//! and records — for benchmarks and the end-to-end measurements. Never shown
//! to a user as a demo: `demo_state` does not know its ID numbers.
//!
//! Every record goes through the core's own checks: the `_in` helpers inside
//! one transaction where they exist, the public [`Store`] API otherwise, so a
//! rule that refuses typed data refuses this too. Four phases:
//!
//! 1. one transaction: the branch, the members (committee, 党小组, a few
//!    预备党员, old files known only to the month), transfers in and out with
//!    their letters, deaths, 留党察看, 失联 and 停止党籍;
//! 2. public API: 流动党员 periods, their contacts and the months paid where
//!    they live (the meetings' 在流入地参加 and the ledger read them);
//! 3. one transaction, in date order: the meetings of 三会一课 and the
//!    发展党员 steps (15 and 23 linked to the 党员大会 that voted; 17 makes a
//!    member file who attends from then on), then the dues — 年度核定, 收缴 on
//!    each 主题党日 through `record_payments_in`, 上缴 each quarter;
//! 4. public API: 关怀帮扶 (cases, visits, 送学上门), 培训活动, 流入地学时,
//!    志愿服务, 党费使用 and 上级下拨, the 主题党日 setting.
//!
//! While it loads, `synchronous` is NORMAL (in WAL a power cut may lose the
//! last commits, never corrupt the file), so the commits of phases 2 and 4
//! do not each wait for the disk; FULL again afterwards. A failed load
//! leaves what was committed before it: start again in an empty folder.

use super::meetings::{ASSEMBLY_TOPICS, LECTURE_TOPICS, THEME_TOPICS};
use crate::branch::{check_branch, start_records_if_unset, write_branch, BranchForm};
use crate::care::{CareCaseForm, CaseActionForm, VisitForm};
use crate::date::{whole_years, PartialDate};
use crate::dues::{assess_in, record_payments_in, remit_in, AssessmentForm, Month, PaymentForm, RemittanceForm};
use crate::error::{Error, FieldErrors, Result};
use crate::meetings::{
    insert_meeting_in, AgendaItem, Attendance, AttendeeForm, MeetingForm, MeetingKind, MeetingSettingsForm,
    ResolutionForm,
};
use crate::members::era::{era_on, probation_end, Era};
use crate::members::timeline::{timelines, Timeline};
use crate::members::{check_form, MemberForm, Status, StatusForm, TransferForm};
use crate::mobile::{ContactForm, ElsewhereForm, PeriodForm};
use crate::recruits::{RecruitForm, StepForm};
use crate::service::ServiceForm;
use crate::store::Store;
use crate::study::{ParticipantForm, StudyElsewhereForm, TrainingForm};
use chrono::{Datelike, Days, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;

/// How large a branch, over how many years (the last one `today`'s).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyntheticSize {
    /// Member files at the end, those made by 发展党员 step 17 included: 40 to 5000.
    pub members: usize,
    /// 1 to 10.
    pub years: u32,
}

/// What was made.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SyntheticLoaded {
    pub members: usize,
    pub groups: usize,
    pub transfers: usize,
    pub status_changes: usize,
    pub meetings: usize,
    pub attendance_rows: usize,
    pub assessments: usize,
    pub payments: usize,
    pub remittances: usize,
    pub recruits: usize,
    pub recruit_steps: usize,
    pub mobile_periods: usize,
    pub mobile_contacts: usize,
    pub dues_elsewhere: usize,
    pub care_cases: usize,
    pub visits: usize,
    pub trainings: usize,
    pub training_participants: usize,
    pub study_elsewhere: usize,
    pub services: usize,
    pub spendings: usize,
}

const BRANCH_NAME: &str = "中共白杨镇柳河湾村总支部委员会";
const HIGHER: &str = "中共白杨镇委员会";
const VILLAGE: &str = "柳河湾村";
const PLACE: &str = "村党群服务中心";

const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

const MALE: [&str; 92] = [
    "建国", "建军", "建华", "建平", "建新", "国庆", "国强", "国栋", "志强", "志明", "志刚", "卫东", "卫国", "文明",
    "文华", "文斌", "德明", "德福", "长青", "长林", "春生", "春林", "海涛", "海军", "海洋", "明亮", "明辉", "伟", "强",
    "军", "勇", "杰", "涛", "磊", "斌", "刚", "平", "波", "辉", "鹏", "超", "浩", "俊杰", "子豪", "宇航", "浩然",
    "振华", "振国", "广田", "广才", "玉林", "玉成", "金生", "金山", "有才", "有福", "福生", "福林", "家兴", "家旺",
    "树林", "树德", "立新", "立军", "红军", "跃进", "解放", "胜利", "新民", "学军", "向阳", "保国", "庆丰", "丰收",
    "大勇", "铁柱", "满仓", "根生", "水生", "宝山", "宏伟", "晓东", "晓明", "爱国", "永福", "永强", "连生", "成林",
    "天佑", "思远", "兴旺", "守田",
];

const FEMALE: [&str; 52] = [
    "秀英", "桂英", "秀兰", "玉兰", "桂兰", "凤英", "凤兰", "淑珍", "淑英", "秀珍", "玉珍", "翠花", "春花", "秋菊",
    "冬梅", "红梅", "丽华", "丽娟", "丽萍", "美玲", "小红", "小燕", "春燕", "海燕", "慧", "静", "敏", "丽", "娟", "芳",
    "霞", "燕", "玲", "婷", "佳怡", "欣怡", "雨涵", "梦瑶", "晓红", "晓燕", "红霞", "彩霞", "金凤", "桂芝", "凤芝",
    "淑兰", "素梅", "素珍", "爱华", "爱莲", "月娥", "巧云",
];

const GROUP_NAMES: [&str; 12] = [
    "第一党小组",
    "第二党小组",
    "第三党小组",
    "第四党小组",
    "第五党小组",
    "第六党小组",
    "第七党小组",
    "第八党小组",
    "第九党小组",
    "第十党小组",
    "第十一党小组",
    "第十二党小组",
];

const ROLES: [&str; 7] =
    ["secretary", "deputy_secretary", "organization", "propaganda", "discipline", "member", "member"];
const ROLE_JOBS: [&str; 7] = [
    "村党总支书记、村委会主任",
    "村党总支副书记、村委会副主任",
    "村党总支组织委员、村会计",
    "村党总支宣传委员、村妇联主席",
    "村党总支纪检委员、村务监督委员会主任",
    "村党总支委员、村民兵连长",
    "村党总支委员、村文书",
];
const JOBS: [&str; 8] = ["务农", "个体经营", "养殖户", "村医", "小学教师", "合作社社员", "退役军人", "务农"];

const SERVICE_WORKS: [&str; 6] = [
    "帮助独居老人打扫卫生、检查用电安全",
    "村道清扫和垃圾清运",
    "为留守儿童辅导作业",
    "帮助困难户抢收玉米",
    "修缮村文化广场健身器材",
    "为群众代办医保缴费",
];
const AWAY: [(&str, &str, &str, &str); 3] = [
    ("广东省", "深圳市", "宝安区", "中共深圳市宝安区福永街道流动党员党支部"),
    ("浙江省", "宁波市", "北仑区", "中共宁波市北仑区新碶街道流动党员党支部"),
    ("江苏省", "苏州市", "昆山市", "中共昆山市周市镇流动党员党支部"),
];

/// The steps of one person's way to membership, in days from the 支部大会
/// that admits them (step 15), as the demo's third person takes them: every
/// national interval met, 公示 before 12, 17 and 24.
const STEP_DAYS: [(u8, i64); 24] = [
    (1, -540),
    (2, -520),
    (3, -470),
    (5, -470),
    (4, -465),
    (6, -300),
    (6, -130),
    (7, -100),
    (8, -95),
    (9, -85),
    (10, -75),
    (11, -60),
    (12, -35),
    (13, -20),
    (14, -10),
    (15, 0),
    (16, 10),
    (17, 30),
    (19, 35),
    (20, 35),
    (21, 120),
    (21, 210),
    (21, 300),
    (22, 335),
];

/// A made-up person `k`: a surname and a given name, unique for every
/// `k < SURNAMES × (MALE + FEMALE)`, the sex following the given name.
fn person(k: usize) -> (String, bool) {
    let surnames: Vec<char> = SURNAMES.chars().collect();
    let given = MALE.len() + FEMALE.len();
    let s = k % surnames.len();
    let g = (k / surnames.len() + s * 7) % given;
    let male = g < MALE.len();
    let name = if male { MALE[g] } else { FEMALE[g - MALE.len()] };
    (format!("{}{name}", surnames[s]), male)
}

/// How many distinct people [`person`] makes.
fn people_possible() -> usize {
    SURNAMES.chars().count() * (MALE.len() + FEMALE.len())
}

/// A valid ID number for person `k` (GB 11643 check character): a block of
/// 500 people per area code, the sequence odd for men.
fn id_number(k: usize, birth: NaiveDate, male: bool) -> String {
    let first17 = format!("{}{}{:03}", 410_921 + k / 500, birth.format("%Y%m%d"), 2 * (k % 500) + usize::from(male));
    format!("{first17}{}", crate::idcard::check_char(first17.as_bytes()))
}

fn phone(k: usize) -> String {
    format!("1{}{:09}", [3, 5, 7, 8, 9][k % 5], (k * 7_919 + 1_234_567) % 1_000_000_000)
}

/// A day; days past the 28th are the 28th, so every month has it.
fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m.clamp(1, 12), d.clamp(1, 28)).unwrap_or(NaiveDate::MIN)
}

fn plus_days(d: NaiveDate, n: i64) -> NaiveDate {
    if n < 0 {
        d - Days::new(n.unsigned_abs())
    } else {
        d + Days::new(n.unsigned_abs())
    }
}

/// A small deterministic scatter in 0..29.
fn scatter(a: i64, b: i64) -> i64 {
    (a * 7_919 + b * 104_729).rem_euclid(29)
}

fn fail(what: impl std::fmt::Display, e: Error) -> Error {
    Error::Demo(format!("合成支部 {what}：{e}"))
}

/// What happens to a member over the years, by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fate {
    Committee(usize),
    Probationary,
    Dies,
    LeavesBranch,
    JoinsBranch,
    Mobile {
        elsewhere: bool,
    },
    LostContact {
        suspended: bool,
    },
    Watch,
    Hardship,
    ElderlyAlone,
    Relief,
    Arrears,
    Quarterly,
    Late,
    Ordinary,
    /// Made by 发展党员 step 17.
    Recruited,
}

/// A member as the generator knows them.
#[derive(Clone, Debug)]
struct Who {
    index: usize,
    name: String,
    birth: NaiveDate,
    fate: Fate,
    /// The day of the fate: death, transfer, 失联 since, 留党察看 from.
    on: Option<NaiveDate>,
    /// Periods away (流动党员): from, back.
    away: Vec<(NaiveDate, Option<NaiveDate>)>,
}

impl Who {
    fn away_on(&self, d: NaiveDate) -> bool {
        self.away.iter().any(|(from, back)| *from <= d && back.is_none_or(|b| d < b))
    }
    fn lost_on(&self, d: NaiveDate) -> bool {
        matches!(self.fate, Fate::LostContact { .. }) && self.on.is_some_and(|s| s <= d)
    }
    fn age_on(&self, d: NaiveDate) -> i32 {
        whole_years(self.birth, d)
    }
}

/// One person on the way to membership.
struct Recruit {
    name: String,
    form: RecruitForm,
    /// The 支部大会 that admits them (step 15).
    admission: NaiveDate,
    group: usize,
    /// Their id once step 1 is recorded.
    id: Option<i64>,
}

impl Recruit {
    /// The 支部大会 on their 转正, a year after the admission.
    fn full_day(&self) -> NaiveDate {
        crate::date::anniversary_in(self.admission, self.admission.year() + 1)
    }
    /// Every step with its day, in order (the day may be after today).
    fn steps(&self) -> Vec<(u8, NaiveDate)> {
        let mut out: Vec<(u8, NaiveDate)> = STEP_DAYS.iter().map(|&(s, d)| (s, plus_days(self.admission, d))).collect();
        let full = self.full_day();
        out.extend([(23, full), (24, plus_days(full, 30)), (25, plus_days(full, 33))]);
        out
    }
    /// The 公示: point, from, to.
    fn notices(&self) -> [(&'static str, NaiveDate, NaiveDate); 3] {
        let (a, f) = (self.admission, self.full_day());
        [
            ("candidate", plus_days(a, -98), plus_days(a, -82)),
            ("admit", plus_days(a, 1), plus_days(a, 17)),
            ("full", plus_days(f, 1), plus_days(f, 17)),
        ]
    }
}

/// The plan every phase reads.
struct Plan {
    today: NaiveDate,
    first_year: i32,
    years: Vec<i32>,
    groups: usize,
    committee: usize,
    direct: usize,
    probationary: usize,
    recruits: Vec<Recruit>,
}

impl Plan {
    fn new(size: SyntheticSize, today: NaiveDate) -> Result<Plan> {
        let mut e = FieldErrors::default();
        if !(40..=5000).contains(&size.members) {
            e.add("members", "合成支部的党员人数应在 40 到 5000 之间");
        }
        if !(1..=10).contains(&size.years) {
            e.add("years", "合成支部的年数应在 1 到 10 之间");
        }
        e.into_result()?;
        let year = today.year();
        let first_year = year - size.years as i32 + 1;
        let per_year = (size.members / 150).max(1);
        let assemblies = [(5, 20), (11, 20), (8, 20), (2, 20)];
        let mut recruits = Vec::new();
        for y in first_year..=year + 1 {
            for j in 0..per_year {
                let k = people_possible() - 1 - recruits.len();
                let (name, male) = person(k);
                // Eighteen and more when they apply, a year and a half before.
                let birth_year = (1985 + (k * 7 % 16) as i32).min(y - 24);
                let birth = ymd(birth_year, 1 + (k % 12) as u32, 1 + (k * 3 % 28) as u32);
                let (m, d) = assemblies[j % 4];
                let admission = ymd(y, m, d);
                recruits.push(Recruit {
                    form: RecruitForm {
                        name: name.clone(),
                        sex: if male { "male" } else { "female" }.into(),
                        id_number: id_number(k, birth, male),
                        ethnicity: "汉族".into(),
                        education: ["高中", "大学专科", "中专", "大学本科"][k % 4].into(),
                        job: ["返乡创业（农产品电商）", "村卫生室护士", "退役军人，村民兵", "种粮大户"][k % 4].into(),
                        phone: phone(k),
                        address: format!("{VILLAGE}{}组{}号", 1 + k % 9, 1 + k % 40),
                        league_member: k % 3 != 0,
                        source: ["graduate", "young_farmer", "veteran", "entrepreneur"][k % 4].into(),
                        ..Default::default()
                    },
                    name,
                    admission,
                    group: k,
                    id: None,
                });
            }
        }
        let admitted = recruits.iter().filter(|r| plus_days(r.admission, 30) <= today).count();
        let direct = size.members - admitted;
        let groups = (size.members / 50).clamp(3, GROUP_NAMES.len());
        for r in &mut recruits {
            r.group %= groups;
        }
        Ok(Plan {
            today,
            first_year,
            years: (first_year..=year).collect(),
            groups,
            committee: if size.members >= 100 { 7 } else { 5 },
            direct,
            probationary: (size.members / 150).max(1),
            recruits,
        })
    }

    fn fate(&self, i: usize) -> Fate {
        if i < self.committee {
            return Fate::Committee(i);
        }
        if i >= self.direct - self.probationary {
            return Fate::Probationary;
        }
        match i % 100 {
            11 | 61 => Fate::Dies,
            23 => Fate::LeavesBranch,
            37 => Fate::JoinsBranch,
            41 => Fate::Mobile { elsewhere: true },
            42 | 43 => Fate::Mobile { elsewhere: false },
            59 => Fate::LostContact { suspended: (i / 100) % 2 == 1 },
            67 => Fate::Watch,
            71 => Fate::Hardship,
            75 => Fate::ElderlyAlone,
            79 => Fate::Relief,
            33 | 83 => Fate::Arrears,
            3 | 53 => Fate::Quarterly,
            17 | 29 => Fate::Late,
            _ => Fate::Ordinary,
        }
    }

    /// The day of member `i`'s fate: some year of the range, never later
    /// than 20 days before today.
    fn fate_day(&self, i: usize, offset: usize) -> NaiveDate {
        let y = self.years[(i / 100 + offset) % self.years.len()];
        let d = ymd(y, 1 + (i * 5 % 11) as u32, 3 + (i % 20) as u32);
        d.max(ymd(self.first_year, 1, 15)).min(plus_days(self.today, -20))
    }

    /// Member `i`'s file and what happens to them.
    fn member(&self, i: usize) -> (MemberForm, Who) {
        let fate = self.fate(i);
        let (name, male) = person(i);
        let birth_year = match fate {
            Fate::Committee(j) => [1968, 1972, 1975, 1979, 1982, 1985, 1988][j],
            Fate::Dies => 1935 + (i % 9) as i32,
            Fate::ElderlyAlone => 1936 + (i % 5) as i32,
            Fate::Mobile { .. } => 1978 + (i % 17) as i32,
            Fate::Probationary => 1990 + (i % 10) as i32,
            _ => 1935 + ((i * 37 + 11) % 66) as i32,
        };
        let birth = ymd(birth_year, 1 + (i * 5 % 12) as u32, 1 + (i * 11 % 28) as u32);
        let (kind, admitted, full) = match fate {
            Fate::Probationary => {
                // Admitted within the last year, spread over it.
                let j = (self.direct - 1 - i) as i64;
                let days = 40 + j * 300 / self.probationary as i64;
                ("probationary", PartialDate::Day(plus_days(self.today, -days)), None)
            }
            _ => {
                let age = match fate {
                    Fate::Committee(_) => 24,
                    _ => 20 + (i * 13 % 25) as i32,
                };
                // Full members all through the years, 转正 before today.
                let latest = (birth_year + 18).max((self.first_year - 1).min(self.today.year() - 2));
                let year = (birth_year + age).clamp(birth_year + 18, latest);
                let month = 1 + (i * 7 % 12) as u32;
                let admitted = if year < 1980 && i % 5 == 0 {
                    PartialDate::Month { year, month }
                } else {
                    PartialDate::Day(ymd(year, month, 1 + (i * 3 % 28) as u32))
                };
                let full = if era_on(admitted.first_day()) == Era::NoProbation {
                    admitted
                } else {
                    probation_end(admitted, 0)
                };
                ("full", admitted, Some(full))
            }
        };
        let on = match fate {
            Fate::Dies => Some(self.fate_day(i, 0)),
            Fate::LeavesBranch => Some(self.fate_day(i, 1)),
            Fate::JoinsBranch => Some(self.fate_day(i, 2)),
            Fate::LostContact { .. } => Some(self.fate_day(i, 1)),
            Fate::Watch => Some(self.fate_day(i, 0)),
            _ => None,
        };
        let job = match fate {
            Fate::Committee(j) => ROLE_JOBS[j],
            Fate::Mobile { .. } => "外出务工",
            _ if birth_year < 1955 => "务农（年老）",
            _ => JOBS[i % JOBS.len()],
        };
        let education = match birth_year {
            ..1950 => ["小学", "初中"][i % 2],
            1950..1970 => ["初中", "高中"][i % 2],
            1970..1985 => ["高中", "中专", "大学专科"][i % 3],
            _ => ["大学专科", "大学本科", "高中"][i % 3],
        };
        let lost = matches!(fate, Fate::LostContact { .. });
        let form = MemberForm {
            name: name.clone(),
            sex: if male { "male" } else { "female" }.into(),
            ethnicity: match i % 41 {
                13 => "回族",
                27 => "满族",
                _ => "汉族",
            }
            .into(),
            birth_date: birth.to_string(),
            id_number: id_number(i, birth, male),
            education: education.into(),
            kind: kind.into(),
            admitted_on: admitted.to_iso(),
            full_member_on: full.map(|f| f.to_iso()).unwrap_or_default(),
            group_name: GROUP_NAMES[i % self.groups].into(),
            committee_role: match fate {
                Fate::Committee(j) => Some(ROLES[j].into()),
                _ => None,
            },
            job: job.into(),
            phone: phone(i),
            address: format!("{VILLAGE}{}组{}号", 1 + i % 9, 1 + i % 60),
            lost_contact: lost,
            lost_contact_reason: lost.then(|| "whereabouts_unknown".into()),
            lost_contact_since: if lost { on.map(|d| d.to_string()).unwrap_or_default() } else { String::new() },
            ..Default::default()
        };
        (form, Who { index: i, name, birth, fate, on, away: Vec::new() })
    }
}

/// One thing of phase 3, in date order.
enum Event {
    Meeting(Kind),
    Notice(usize, &'static str, NaiveDate, NaiveDate),
    Step(usize, u8),
}

/// A meeting of phase 3, by kind.
#[derive(Clone, Copy)]
enum Kind {
    ThemeDay,
    Committee,
    Group(usize),
    Assembly,
    Lecture,
    LifeMeeting,
    Review,
    /// 谈心谈话: the host (a committee seat) with the nth member of the day.
    Talk(usize, usize),
}

/// Phase 3's state.
struct Loader<'a> {
    conn: &'a Connection,
    plan: &'a mut Plan,
    today: NaiveDate,
    people: HashMap<i64, Who>,
    /// Member ids by committee seat.
    seats: Vec<i64>,
    groups: Vec<i64>,
    lines: HashMap<i64, Timeline>,
    assemblies: HashMap<NaiveDate, i64>,
    loaded: SyntheticLoaded,
}

impl Loader<'_> {
    fn name_of(&self, seat: usize) -> String {
        self.seats.get(seat).and_then(|id| self.people.get(id)).map(|w| w.name.clone()).unwrap_or_default()
    }

    /// Who should attend on `day`, by id.
    fn roster_on(&self, day: NaiveDate) -> Vec<i64> {
        let mut ids: Vec<i64> = self.lines.iter().filter(|(_, t)| t.should_attend_on(day)).map(|(id, _)| *id).collect();
        ids.sort_unstable();
        ids
    }

    fn attendee(&self, id: i64, day: NaiveDate, salt: i64, theme_day: bool) -> AttendeeForm {
        let who = self.people.get(&id);
        let (status, reason) = match who {
            Some(w) if w.lost_on(day) => ("absent", ""),
            Some(w) if w.away_on(day) && theme_day && w.fate == (Fate::Mobile { elsewhere: true }) => {
                ("elsewhere", "在流入地流动党员党支部参加主题党日，有活动签到证明")
            }
            Some(w) if w.away_on(day) => ("leave", "外出务工"),
            Some(w) => match scatter(id, salt) {
                0 => ("leave", "生病住院"),
                1 => ("leave", "家中有事"),
                2 => ("absent", ""),
                3 | 4 if w.age_on(day) >= 80 => ("leave", "年老体弱，行动不便"),
                _ => ("present", ""),
            },
            None => ("present", ""),
        };
        AttendeeForm { member_id: id, status: status.into(), reason: reason.into(), grade: String::new() }
    }

    fn present_voting(&self, attendees: &[AttendeeForm], day: NaiveDate) -> i64 {
        attendees
            .iter()
            .filter(|a| a.status == "present" && self.lines.get(&a.member_id).is_some_and(|t| t.voting_on(day)))
            .count() as i64
    }

    fn meeting(&mut self, what: Kind, day: NaiveDate) -> Result<()> {
        let month = day.month();
        let salt = i64::from(day.year()) * 100 + i64::from(month);
        let (secretary, recorder) = (self.seats.first().copied(), self.seats.get(2).copied());
        let all = self.roster_on(day);
        let everyone = |this: &Self, salt: i64, theme: bool| -> Vec<AttendeeForm> {
            all.iter().map(|&id| this.attendee(id, day, salt, theme)).collect()
        };
        let mut form = MeetingForm {
            date: day.to_string(),
            start_time: "09:00".into(),
            place: PLACE.into(),
            host_id: secretary,
            recorder_id: recorder,
            ..Default::default()
        };
        match what {
            Kind::ThemeDay => {
                let topic = THEME_TOPICS[month as usize - 1];
                form.kind = "theme_day".into();
                form.topic = format!("{month}月主题党日：{topic}");
                form.attendees = everyone(self, salt, true);
                form.agenda = vec![
                    AgendaItem { text: "重温入党誓词".into(), prescribed: true },
                    AgendaItem { text: "集中学习".into(), prescribed: true },
                    AgendaItem { text: "交纳党费".into(), prescribed: true },
                    AgendaItem { text: topic.into(), prescribed: false },
                ];
                form.minutes = "全体党员重温入党誓词；学习上级文件精神；收缴本月党费；开展主题活动。".into();
            }
            Kind::Committee => {
                form.kind = "committee".into();
                form.start_time = "19:30".into();
                form.topic = format!("研究{month}月份支部工作");
                form.attendees = self
                    .seats
                    .iter()
                    .filter(|id| all.contains(id))
                    .map(|&id| self.attendee(id, day, salt + 1, false))
                    .collect();
                let present = form.attendees.iter().filter(|a| a.status == "present").count() as i64;
                form.resolutions = vec![ResolutionForm {
                    text: format!("通过{month}月份工作安排"),
                    vote: true,
                    votes_for: Some(present),
                    votes_against: Some(0),
                    votes_abstain: Some(0),
                    ..Default::default()
                }];
                form.minutes = "通报上月工作完成情况，研究部署本月重点工作。".into();
            }
            Kind::Group(g) => {
                let group = self.groups[g];
                form.kind = "group_meeting".into();
                form.start_time = "19:00".into();
                form.place = "组长家中".into();
                form.group_id = Some(group);
                form.topic = format!("{}{month}月学习会：学习上级精神，交流思想", GROUP_NAMES[g]);
                form.attendees = all
                    .iter()
                    .filter(|id| self.lines.get(id).is_some_and(|t| t.group_on(day) == Some(group)))
                    .map(|&id| self.attendee(id, day, salt + 2 + g as i64, false))
                    .collect();
                form.host_id = form.attendees.iter().find(|a| a.status == "present").map(|a| a.member_id);
                form.recorder_id = None;
                form.minutes = "组长领学，党员逐一发言，交流本月生产生活和思想情况。".into();
            }
            Kind::Assembly => {
                let quarter = (month as usize - 1) / 3;
                form.kind = "assembly".into();
                form.topic = ASSEMBLY_TOPICS[quarter].into();
                form.attendees = everyone(self, salt + 20, false);
                let voting = self.present_voting(&form.attendees, day);
                let vote = |text: String, candidate: &str| ResolutionForm {
                    text,
                    vote: true,
                    votes_for: Some(voting),
                    votes_against: Some(0),
                    votes_abstain: Some(0),
                    candidate: candidate.into(),
                    ..Default::default()
                };
                form.resolutions = vec![vote(ASSEMBLY_TOPICS[quarter].replace("讨论", "同意"), "")];
                let mut minutes = "书记通报情况，与会党员充分讨论，举手表决。".to_string();
                for r in self.plan.recruits.iter().filter(|r| r.id.is_some()) {
                    if r.admission == day {
                        form.resolutions.push(vote(format!("同意接收{}为中共预备党员", r.name), &r.name));
                        minutes.push_str(&format!("讨论接收发展对象{}为预备党员，单独表决。", r.name));
                    } else if r.full_day() == day
                        && all.iter().any(|id| self.people.get(id).is_some_and(|w| w.name == r.name))
                    {
                        form.resolutions.push(vote(format!("同意{}同志按期转为中共正式党员", r.name), &r.name));
                        minutes.push_str(&format!("讨论预备党员{}按期转正，单独表决。", r.name));
                    }
                }
                form.minutes = minutes;
            }
            Kind::Lecture => {
                form.kind = "lecture".into();
                form.topic = LECTURE_TOPICS[(month as usize - 1) / 3].into();
                form.attendees = everyone(self, salt + 30, false);
                form.minutes = "书记讲授党课，党员交流学习体会。".into();
            }
            Kind::LifeMeeting => {
                form.kind = "life_meeting".into();
                form.topic = format!("{}年度组织生活会", day.year() - 1);
                form.attendees = everyone(self, salt + 40, false);
                form.agenda = vec![
                    AgendaItem { text: "通报上年度组织生活会整改落实情况".into(), prescribed: true },
                    AgendaItem { text: "支委会对照检查".into(), prescribed: true },
                    AgendaItem { text: "党员开展批评和自我批评".into(), prescribed: true },
                ];
                form.minutes = "书记代表支委会对照检查，党员逐一发言，开展批评和自我批评，明确整改措施。".into();
            }
            Kind::Review => {
                form.kind = "review".into();
                form.topic = format!("{}年度民主评议党员", day.year() - 1);
                form.attendees = everyone(self, salt + 50, false);
                for (n, a) in form.attendees.iter_mut().enumerate() {
                    if !self.lines.get(&a.member_id).is_some_and(|t| t.voting_on(day)) {
                        continue; // 预备党员 and 留党察看: take part, no grade
                    }
                    let lost = self.people.get(&a.member_id).is_some_and(|w| w.lost_on(day));
                    a.grade = if lost {
                        "basically_qualified"
                    } else if n % 7 == 0 {
                        "excellent"
                    } else {
                        "qualified"
                    }
                    .into();
                }
                form.minutes = "个人自评、党员互评、民主测评，支部委员会提出评定意见，党员大会确定等次。".into();
            }
            Kind::Talk(seat, nth) => {
                let others: Vec<i64> = all.iter().copied().filter(|id| !self.seats.contains(id)).collect();
                let with = if nth < self.seats.len() {
                    self.seats.get(nth).copied().filter(|id| all.contains(id) && nth != seat)
                } else {
                    others.get((nth * 17 + day.year() as usize * 31) % others.len().max(1)).copied()
                };
                let (Some(host), Some(with)) = (self.seats.get(seat).copied(), with) else {
                    return Ok(());
                };
                form.kind = "talk".into();
                form.start_time = String::new();
                form.topic = "了解思想、工作和家庭情况".into();
                form.host_id = Some(host);
                form.recorder_id = None;
                form.attendees = vec![AttendeeForm { member_id: with, status: "present".into(), ..Default::default() }];
                form.minutes = "交流近期思想和生产生活情况，听取对支部工作的意见建议。".into();
            }
        }
        if form.attendees.is_empty() {
            return Ok(());
        }
        let id =
            insert_meeting_in(self.conn, &form, self.today).map_err(|e| fail(format!("{} {}", day, form.topic), e))?;
        if matches!(what, Kind::Assembly) {
            self.assemblies.insert(day, id);
        }
        self.loaded.meetings += 1;
        self.loaded.attendance_rows += form.attendees.len();
        Ok(())
    }

    fn step(&mut self, r: usize, step: u8, day: NaiveDate) -> Result<()> {
        let name = self.plan.recruits[r].name.clone();
        let what = format!("发展党员{name} 第{step}步");
        if step == 1 {
            let mut form = self.plan.recruits[r].form.clone();
            form.applied_on = day.to_string();
            let id = crate::recruits::create_in(self.conn, &form, self.today).map_err(|e| fail(&what, e))?;
            self.plan.recruits[r].id = Some(id);
            self.loaded.recruits += 1;
            self.loaded.recruit_steps += 1;
            return Ok(());
        }
        let Some(id) = self.plan.recruits[r].id else { return Ok(()) };
        let y = day.year();
        let n = r + 1;
        let mut form = StepForm { step, date: day.to_string(), ..Default::default() };
        match step {
            2 => {
                form.people = vec![self.name_of(0)];
                form.note = "书记与本人谈话，了解入党动机".into();
            }
            3 => form.note = "党员推荐、群团推优，支委会研究确定".into(),
            4 => form.doc_number = format!("白组备〔积〕{y}第{n:02}号"),
            5 => form.people = vec![self.name_of(3)],
            6 => form.note = "半年考察：表现良好".into(),
            7 => form.note = "支委会研究确定为发展对象".into(),
            8 => form.doc_number = format!("白组备〔发〕{y}第{n:02}号"),
            9 => form.people = vec![self.name_of(1), self.name_of(2)],
            10 => form.note = "函调、外调，结论：政治历史清楚，符合条件".into(),
            11 => {
                form.days = Some(3);
                form.note = "镇党校发展对象培训班".into();
            }
            12 => form.note = "支委会审查，同意提交支部大会讨论".into(),
            13 | 17 | 24 => {
                form.outcome = "passed".into();
                if step != 13 {
                    form.doc_number = format!("白组〔发〕{y}第{n:02}号");
                }
            }
            14 => form.doc_number = format!("志愿书编号 0100{n:03}"),
            15 => {
                form.outcome = "passed".into();
                form.meeting_id = self.assemblies.get(&day).copied();
            }
            16 => form.people = vec!["镇党委组织委员".into()],
            19 => form.group_name = GROUP_NAMES[self.plan.recruits[r].group].into(),
            20 => form.note = "在村党群服务中心面向党旗宣誓".into(),
            21 => form.note = "季度考察：按时参加组织生活，表现良好".into(),
            22 => form.note = "本人提交转正申请书".into(),
            23 => {
                form.outcome = "on_time".into();
                form.meeting_id = self.assemblies.get(&day).copied();
            }
            25 => form.note = "入党材料归入党员档案".into(),
            _ => {}
        }
        let saved = crate::recruits::record_step_in(self.conn, id, &form, self.today).map_err(|e| fail(&what, e))?;
        self.loaded.recruit_steps += 1;
        if let Some(mid) = saved.member_id {
            let m = crate::members::load_in(self.conn, mid)?;
            let who = Who {
                index: people_possible(),
                name: m.name,
                birth: m.birth_date.first_day(),
                fate: Fate::Recruited,
                on: None,
                away: Vec::new(),
            };
            self.people.insert(mid, who);
        }
        if matches!(step, 17 | 19 | 24) {
            self.lines = timelines(self.conn)?;
        }
        Ok(())
    }

    fn events(&self) -> Vec<(NaiveDate, u8, usize, Event)> {
        let today = self.today;
        let mut out = Vec::new();
        let mut add = |day: NaiveDate, order: u8, key: usize, e: Event| {
            if day <= today {
                out.push((day, order, key, e));
            }
        };
        for &y in &self.plan.years {
            for month in 1..=12u32 {
                add(ymd(y, month, 3), 0, 0, Event::Meeting(Kind::Committee));
                add(ymd(y, month, 5), 0, 0, Event::Meeting(Kind::ThemeDay));
                for g in 0..self.groups.len() {
                    add(ymd(y, month, 8 + g as u32), 0, g, Event::Meeting(Kind::Group(g)));
                }
                if month % 3 == 2 {
                    add(ymd(y, month, 20), 0, 0, Event::Meeting(Kind::Assembly));
                }
                if month % 3 == 0 {
                    add(ymd(y, month, 25), 0, 0, Event::Meeting(Kind::Lecture));
                }
            }
            add(ymd(y, 1, 15), 0, 0, Event::Meeting(Kind::LifeMeeting));
            add(ymd(y, 1, 22), 0, 0, Event::Meeting(Kind::Review));
            // 谈心谈话: the secretary with each committee member and 15
            // members a year, the organisation member with 10 more.
            let talks = (1..self.seats.len())
                .map(|nth| (0, nth))
                .chain((0..15).map(|j| (0, 100 + j)))
                .chain((0..10).map(|j| (2, 200 + j)));
            for (j, (seat, nth)) in talks.enumerate() {
                add(ymd(y, 3 + (j % 9) as u32, 1 + (j * 3 % 27) as u32), 0, j, Event::Meeting(Kind::Talk(seat, nth)));
            }
        }
        for (r, recruit) in self.plan.recruits.iter().enumerate() {
            for (point, from, to) in recruit.notices() {
                if to <= today {
                    add(from, 2, r, Event::Notice(r, point, from, to));
                }
            }
            for (step, day) in recruit.steps() {
                add(day, 3, r * 100 + usize::from(step), Event::Step(r, step));
            }
        }
        out.sort_by_key(|(day, order, key, _)| (*day, *order, *key));
        out
    }

    fn run_events(&mut self) -> Result<()> {
        for (day, _, _, event) in self.events() {
            match event {
                Event::Meeting(m) => self.meeting(m, day)?,
                Event::Step(r, step) => self.step(r, step, day)?,
                Event::Notice(r, point, from, to) => {
                    if let Some(id) = self.plan.recruits[r].id {
                        crate::recruits::notice_in(
                            self.conn,
                            id,
                            point,
                            &from.to_string(),
                            &to.to_string(),
                            self.today,
                        )
                        .map_err(|e| fail(format!("发展党员{} 公示", self.plan.recruits[r].name), e))?;
                    }
                }
            }
        }
        Ok(())
    }

    /// 年度核定 each January (or from the admission), 收缴 on each 主题党日,
    /// 上缴 on the 10th after each quarter.
    fn dues(&mut self) -> Result<()> {
        self.lines = timelines(self.conn)?;
        let mut ids: Vec<i64> = self.people.keys().copied().collect();
        ids.sort_unstable();
        for &y in &self.plan.years {
            for &id in &ids {
                let (Some(t), Some(w)) = (self.lines.get(&id), self.people.get(&id)) else { continue };
                if t.months_in_branch(y) == 0 {
                    continue;
                }
                let start = Month { year: y, month: 1 };
                let from = t.admitted.map(|a| Month { year: a.year(), month: a.month_number() }).filter(|a| *a > start);
                let base_step = (w.index % 9) as i64 * 150;
                let (category, base, fixed, decision) = match w.fate {
                    Fate::Committee(j) => ("in_service", format!("{}.00", 3180 + j as i64 * 120), "", ""),
                    Fate::Mobile { .. } => ("declared", format!("{}.00", 4200 + base_step), "", ""),
                    Fate::Hardship => ("hardship", String::new(), "0", "经支部研究、镇党委批准免交（白组〔2021〕9号）"),
                    Fate::Relief => ("relief", String::new(), "", ""),
                    _ if w.birth.year() < 1962 && w.index % 4 == 0 => {
                        ("retired", format!("{}.00", 2260 + base_step), "", "")
                    }
                    _ if w.index % 25 == 6 => ("in_service", format!("{}.00", 4080 + base_step), "", ""),
                    _ => ("farmer", String::new(), "", ""),
                };
                let form = AssessmentForm {
                    member_id: id,
                    from_month: from.unwrap_or(start).to_string(),
                    category: category.into(),
                    base,
                    fixed: fixed.into(),
                    decision: decision.into(),
                    note: format!("{y}年度核定"),
                };
                assess_in(self.conn, &form).map_err(|e| fail(format!("{} {y}年党费核定", w.name), e))?;
                self.loaded.assessments += 1;
            }
        }
        let collector = self.name_of(2);
        let first = Month { year: self.plan.first_year, month: 1 };
        let current = Month::of(self.today);
        let stop = current.plus(-5);
        let mut m = first;
        while m <= current {
            let day = ymd(m.year, m.month, 5);
            if day > self.today {
                break;
            }
            let mut forms = Vec::new();
            for &id in &ids {
                let (Some(t), Some(w)) = (self.lines.get(&id), self.people.get(&id)) else { continue };
                if !t.should_attend_on(m.first_day()) && !t.should_attend_on(day) {
                    continue;
                }
                let months: Vec<Month> = match w.fate {
                    _ if w.lost_on(m.first_day()) => Vec::new(),
                    Fate::Hardship => Vec::new(),
                    Fate::Mobile { elsewhere: true } if w.away_on(ymd(m.year, m.month, 15)) => Vec::new(),
                    Fate::Mobile { elsewhere: false } | Fate::Quarterly if m.month % 3 == 0 => {
                        (0..3).map(|k| m.plus(-k)).filter(|x| *x >= first).collect()
                    }
                    Fate::Mobile { elsewhere: false } | Fate::Quarterly => Vec::new(),
                    Fate::Late if m > first => vec![m.plus(-1)],
                    Fate::Late => Vec::new(),
                    Fate::Arrears if m > stop => Vec::new(),
                    _ => vec![m],
                };
                if months.is_empty() {
                    continue;
                }
                forms.push(PaymentForm {
                    member_id: id,
                    paid_on: day.to_string(),
                    kind: "dues".into(),
                    note: match w.fate {
                        Fate::Mobile { .. } => "外出务工，按季度微信转账交纳".into(),
                        _ => String::new(),
                    },
                    months: months.iter().map(Month::to_string).collect(),
                    receipt_no: format!("{}{:02}-{:04}", m.year, m.month, forms.len() + 1),
                    collector: collector.clone(),
                    ..Default::default()
                });
            }
            for r in record_payments_in(self.conn, &forms, self.today)? {
                // A month the rules say is not owed here (the member left,
                // died or came later that month) is simply not paid.
                if r.is_ok() {
                    self.loaded.payments += 1;
                }
            }
            if m.month % 3 == 1 && m > first {
                let (q_start, q_end) = (m.plus(-3), m.plus(-1));
                let collected: i64 = self.conn.query_row(
                    "SELECT COALESCE(SUM(amount_fen), 0) FROM dues_payment_months WHERE month >= ?1 AND month <= ?2",
                    [q_start.to_string(), q_end.to_string()],
                    |r| r.get(0),
                )?;
                let on = ymd(m.year, m.month, 10);
                if collected > 0 && on <= self.today {
                    let form = RemittanceForm {
                        remitted_on: on.to_string(),
                        from_month: q_start.to_string(),
                        to_month: q_end.to_string(),
                        amount: crate::dues::money::yuan(collected),
                        handler: collector.clone(),
                        voucher: format!("白组党费〔{}〕{}号", m.year, (m.month - 1) / 3 + 1),
                        note: String::new(),
                    };
                    remit_in(self.conn, &form, self.today).map_err(|e| fail(format!("{on} 上缴党费"), e))?;
                    self.loaded.remittances += 1;
                }
            }
            m = m.plus(1);
        }
        Ok(())
    }
}

impl Store {
    /// Loads a synthetic branch of `size` into an empty database (性能测试用;
    /// the module doc says what and how). Refuses a database that already
    /// holds member files.
    pub fn load_synthetic(&mut self, size: SyntheticSize, today: NaiveDate) -> Result<SyntheticLoaded> {
        if !self.is_empty()? {
            return Err(Error::NotEmpty);
        }
        let mut plan = Plan::new(size, today)?;
        self.conn().pragma_update(None, "synchronous", "NORMAL")?;
        let loaded = self.synthetic_phases(&mut plan);
        self.conn().pragma_update(None, "synchronous", "FULL")?;
        loaded
    }

    fn synthetic_phases(&mut self, plan: &mut Plan) -> Result<SyntheticLoaded> {
        let today = plan.today;
        let mut loaded = SyntheticLoaded::default();
        // 1. The branch and its members.
        let mut people: HashMap<i64, Who> = HashMap::new();
        let mut seats = vec![0i64; plan.committee];
        {
            let tx = self.conn_mut().transaction()?;
            let secretary = person(0).0;
            let branch = BranchForm {
                name: BRANCH_NAME.into(),
                higher_committee: HIGHER.into(),
                secretary,
                term_start: Some(format!("{}-10-15", today.year() - 2)),
                records_from: None,
            };
            write_branch(&tx, &check_branch(&branch, today)?)?;
            start_records_if_unset(&tx, ymd(plan.first_year, 1, 1))?;
            for i in 0..plan.direct {
                let (form, who) = plan.member(i);
                let checked =
                    check_form(&form, today).map_err(|e| fail(format!("党员{}", form.name), Error::Validation(e)))?;
                let id = crate::members::insert_checked_in(&tx, &checked)?;
                if let Fate::Committee(j) = who.fate {
                    seats[j] = id;
                }
                synthetic_standing(&tx, id, &who, today, &mut loaded)?;
                people.insert(id, who);
            }
            tx.commit()?;
        }
        loaded.groups = self.groups()?.len();
        // 2. 流动党员.
        self.synthetic_mobile(plan, &mut people, &seats, &mut loaded)?;
        // 3. Meetings, 发展党员, dues.
        let groups: Vec<i64> = {
            let by_name = self.groups()?;
            GROUP_NAMES[..plan.groups]
                .iter()
                .filter_map(|n| by_name.iter().find(|g| g.name == *n).map(|g| g.id))
                .collect()
        };
        let (people, loaded) = {
            let tx = self.conn_mut().transaction()?;
            let lines = timelines(&tx)?;
            let mut loader = Loader {
                conn: &tx,
                plan,
                today,
                people,
                seats: seats.clone(),
                groups,
                lines,
                assemblies: HashMap::new(),
                loaded,
            };
            loader.run_events()?;
            loader.dues()?;
            let (people, loaded) = (std::mem::take(&mut loader.people), loader.loaded);
            drop(loader);
            tx.commit()?;
            (people, loaded)
        };
        // 4. Care, study, service, spending.
        let mut loaded = loaded;
        self.synthetic_care(plan, &people, &seats, &mut loaded)?;
        self.synthetic_study_and_service(plan, &people, &seats, &mut loaded)?;
        self.save_meeting_settings(&MeetingSettingsForm { frequencies: Vec::new(), theme_day: "每月5日".into() })?;
        let members: i64 = self.conn().query_row("SELECT count(*) FROM members", [], |r| r.get(0))?;
        loaded.members = usize::try_from(members).unwrap_or(0);
        Ok(loaded)
    }

    fn synthetic_mobile(
        &mut self,
        plan: &Plan,
        people: &mut HashMap<i64, Who>,
        seats: &[i64],
        loaded: &mut SyntheticLoaded,
    ) -> Result<()> {
        let today = plan.today;
        let contact = seats.get(2).and_then(|id| people.get(id)).map(|w| w.name.clone()).unwrap_or_default();
        let mut ids: Vec<i64> =
            people.iter().filter(|(_, w)| matches!(w.fate, Fate::Mobile { .. })).map(|(id, _)| *id).collect();
        ids.sort_unstable();
        for id in ids {
            let Some(who) = people.get_mut(&id) else { continue };
            let (province, city, county, org) = AWAY[who.index % AWAY.len()];
            let what = format!("流动党员{}", who.name);
            for &y in &plan.years {
                let left = ymd(y, 2, 25);
                if left > today {
                    continue;
                }
                let back = Some(ymd(y + 1, 1, 10)).filter(|b| *b <= today);
                let form = PeriodForm {
                    member_id: id,
                    left_on: left.to_string(),
                    back_on: back.map(|b| b.to_string()).unwrap_or_default(),
                    province: province.into(),
                    city: city.into(),
                    county: county.into(),
                    work: "电子厂务工".into(),
                    host_org: org.into(),
                    host_contact: format!("0755-2712{:04}", who.index % 10_000),
                    card_number: format!("流动党员活动证 {y}{:04}", who.index),
                    contact_person: contact.clone(),
                    ..Default::default()
                };
                self.record_mobile_period(&form, today).map_err(|e| fail(&what, e))?;
                who.away.push((left, back));
                loaded.mobile_periods += 1;
                for (n, month) in [4u32, 6, 8, 10, 12].into_iter().enumerate() {
                    let on = ymd(y, month, 10);
                    if on > today || back.is_some_and(|b| on >= b) {
                        continue;
                    }
                    let form = ContactForm {
                        member_id: id,
                        contacted_on: on.to_string(),
                        contacted_by: contact.clone(),
                        how: if n % 2 == 0 { "phone" } else { "wechat" }.into(),
                        content: "了解务工和思想情况，转发支部学习材料".into(),
                        suggestions: String::new(),
                    };
                    self.record_mobile_contact(&form, today).map_err(|e| fail(&what, e))?;
                    loaded.mobile_contacts += 1;
                }
                if who.fate == (Fate::Mobile { elsewhere: true }) {
                    for month in 3..=12u32 {
                        let paid = ymd(y, month, 12);
                        if paid > today {
                            break;
                        }
                        let form = ElsewhereForm {
                            member_id: id,
                            month: format!("{y}-{month:02}"),
                            org: org.into(),
                            paid_on: paid.to_string(),
                            note: "凭流入地党组织收据登记".into(),
                        };
                        self.record_dues_elsewhere(&form, today).map_err(|e| fail(&what, e))?;
                        loaded.dues_elsewhere += 1;
                    }
                    if ymd(y, 6, 28) <= today {
                        let form = StudyElsewhereForm {
                            member_id: id,
                            month: format!("{y}-06"),
                            hours: "4".into(),
                            org: org.into(),
                            what: "参加流入地“七一”集中学习".into(),
                            central: false,
                        };
                        self.create_study_elsewhere(&form, today).map_err(|e| fail(&what, e))?;
                        loaded.study_elsewhere += 1;
                    }
                }
            }
        }
        Ok(())
    }

    fn synthetic_care(
        &mut self,
        plan: &Plan,
        people: &HashMap<i64, Who>,
        seats: &[i64],
        loaded: &mut SyntheticLoaded,
    ) -> Result<()> {
        let today = plan.today;
        let name =
            |seat: usize| seats.get(seat).and_then(|id| people.get(id)).map(|w| w.name.clone()).unwrap_or_default();
        let visitors = format!("{}、{}", name(0), name(2));
        let lines = timelines(self.conn())?;
        let mut ids: Vec<i64> = people.keys().copied().collect();
        ids.sort_unstable();
        let alive_now = |id: &i64| lines.get(id).is_some_and(|t| t.status_on(today) != Status::Deceased);
        // 困难党员: the cases, reviewed each December, some closed.
        let since = ymd(plan.first_year, 3, 1).min(today);
        let mut cases: Vec<(i64, Option<NaiveDate>)> = Vec::new();
        for &id in &ids {
            let w = &people[&id];
            let category = match w.fate {
                Fate::Hardship => "illness",
                Fate::ElderlyAlone => "elderly_alone",
                _ => continue,
            };
            let what = format!("困难党员{}", w.name);
            let form = CareCaseForm {
                member_id: id,
                category: category.into(),
                since: since.to_string(),
                description: if category == "illness" {
                    "本人患慢性病，长期服药，家庭收入低"
                } else {
                    "年过八旬，独自居住，子女在外地"
                }
                .into(),
            };
            let case = self.create_care_case(&form, today).map_err(|e| fail(&what, e))?;
            loaded.care_cases += 1;
            let closes = (w.fate == Fate::Hardship && (w.index / 100) % 2 == 1 && plan.years.len() >= 3)
                .then(|| ymd(today.year() - 1, 12, 20));
            for &y in &plan.years {
                let on = ymd(y, 12, 10);
                if on > today || on < since || closes.is_some_and(|c| on > c) {
                    continue;
                }
                let action = CaseActionForm { date: on.to_string(), ..Default::default() };
                self.review_care_case(case.id, &action, today).map_err(|e| fail(&what, e))?;
            }
            if let Some(c) = closes {
                let action =
                    CaseActionForm { date: c.to_string(), reason: "经帮扶已脱贫".into(), ..Default::default() };
                self.close_care_case(case.id, &action, today).map_err(|e| fail(&what, e))?;
            }
            cases.push((id, closes));
        }
        let open_case = |id: i64, d: NaiveDate| {
            cases.iter().any(|(c, closed)| *c == id && closed.is_none_or(|x| d < x) && since <= d)
        };
        let mut visit = |this: &mut Store, form: VisitForm| -> Result<()> {
            let what = format!("走访慰问 {}", form.visited_on);
            this.create_care_visit(&form, today).map_err(|e| fail(what, e))?;
            loaded.visits += 1;
            Ok(())
        };
        for &y in &plan.years {
            // 元旦春节: open cases and members of 85 and over.
            let spring = ymd(y, 1, 20);
            for &id in ids.iter().filter(|id| alive_now(id)) {
                let w = &people[&id];
                let (Some(t), true) = (lines.get(&id), spring <= today) else { continue };
                let case = open_case(id, spring);
                if !t.should_attend_on(spring) || !(case || w.age_on(spring) >= 85) {
                    continue;
                }
                visit(
                    self,
                    VisitForm {
                        member_id: id,
                        visited_on: spring.to_string(),
                        occasion: "spring".into(),
                        visitors: visitors.clone(),
                        amount: if case { "500" } else { "300" }.into(),
                        source: if case { "township" } else { "dues_returned" }.into(),
                        goods: "大米一袋、食用油一桶".into(),
                        ..Default::default()
                    },
                )?;
            }
            // 七一: 党龄 fifty years and more, aged 80 and over.
            let july = ymd(y, 6, 28);
            for &id in ids.iter().filter(|id| alive_now(id)) {
                let w = &people[&id];
                let Some(t) = lines.get(&id) else { continue };
                let fifty = t.admitted.is_some_and(|a| whole_years(a.last_day(), july) >= 50);
                if july > today || !t.should_attend_on(july) || !fifty || w.age_on(july) < 80 {
                    continue;
                }
                visit(
                    self,
                    VisitForm {
                        member_id: id,
                        visited_on: july.to_string(),
                        occasion: "july1".into(),
                        visitors: visitors.clone(),
                        amount: "200".into(),
                        source: "dues_returned".into(),
                        goods: "慰问信、纪念章".into(),
                        ..Default::default()
                    },
                )?;
            }
            // 生病住院: the members in hardship through illness.
            let autumn = ymd(y, 9, 10);
            for &(id, _) in cases.iter().filter(|(id, _)| people[id].fate == Fate::Hardship) {
                if autumn <= today && open_case(id, autumn) {
                    visit(
                        self,
                        VisitForm {
                            member_id: id,
                            visited_on: autumn.to_string(),
                            occasion: "hospital".into(),
                            visitors: visitors.clone(),
                            amount: "500".into(),
                            source: "village".into(),
                            goods: "水果、牛奶".into(),
                            ..Default::default()
                        },
                    )?;
                }
            }
            // 送学上门: up to three old members on leave at a 主题党日.
            let mut taught = 0;
            for m in self.meetings(y, Some(MeetingKind::ThemeDay))?.iter().rev() {
                for a in &m.attendees {
                    let Some(w) = people.get(&a.member_id) else { continue };
                    let on = plus_days(m.date, 7);
                    if taught >= 3 || a.status != Attendance::Leave || w.age_on(m.date) < 80 || on > today {
                        continue;
                    }
                    if !alive_now(&a.member_id) || w.away_on(m.date) {
                        continue;
                    }
                    visit(
                        self,
                        VisitForm {
                            member_id: a.member_id,
                            visited_on: on.to_string(),
                            occasion: "teaching".into(),
                            visitors: name(3),
                            goods: "学习资料".into(),
                            follow_up: "传达主题党日学习内容".into(),
                            ..Default::default()
                        },
                    )?;
                    taught += 1;
                }
            }
        }
        // 病逝: the family of each member who died.
        for &id in &ids {
            let w = &people[&id];
            let (Fate::Dies, Some(died)) = (w.fate, w.on) else { continue };
            let on = plus_days(died, 3);
            if on > today {
                continue;
            }
            visit(
                self,
                VisitForm {
                    member_id: id,
                    visited_on: on.to_string(),
                    occasion: "death".into(),
                    visitors: visitors.clone(),
                    amount: "1000".into(),
                    source: "village".into(),
                    goods: "花圈".into(),
                    family_name: person(people_possible() / 2 + w.index).0,
                    ..Default::default()
                },
            )?;
        }
        Ok(())
    }

    fn synthetic_study_and_service(
        &mut self,
        plan: &Plan,
        people: &HashMap<i64, Who>,
        seats: &[i64],
        loaded: &mut SyntheticLoaded,
    ) -> Result<()> {
        let today = plan.today;
        let lines = timelines(self.conn())?;
        let mut ids: Vec<i64> = people.keys().copied().collect();
        ids.sort_unstable();
        let on_day = |d: NaiveDate| -> Vec<i64> {
            ids.iter()
                .copied()
                .filter(|id| {
                    lines.get(id).is_some_and(|t| t.should_attend_on(d) && t.status_on(today).is_member())
                        && !people[id].away_on(d)
                        && !people[id].lost_on(d)
                })
                .collect()
        };
        for &y in &plan.years {
            let trainings = [
                (ymd(y, 3, 14), Some(ymd(y, 3, 16)), "24", "county", "central", "村党组织书记和支委示范培训班", 0),
                (ymd(y, 5, 15), None, "2", "remote", "branch", "远程教育：乡村振兴政策解读", 1),
                (ymd(y, 7, 10), None, "6", "township", "central", "全体党员集中轮训", 2),
                (ymd(y, 8, 15), None, "2", "remote", "branch", "远程教育：农村实用技术", 1),
                (ymd(y, 10, 20), Some(ymd(y, 10, 22)), "24", "school", "central", "镇党校预备党员培训班", 3),
                (ymd(y, 11, 15), None, "2", "remote", "branch", "远程教育：学习全会精神", 1),
            ];
            for (start, end, hours, organiser, level, topic, who) in trainings {
                if end.unwrap_or(start) > today {
                    continue;
                }
                let present = on_day(start);
                let participants: Vec<ParticipantForm> = present
                    .iter()
                    .copied()
                    .filter(|id| match who {
                        0 => seats.contains(id),
                        1 => scatter(*id, i64::from(start.ordinal())) < 18,
                        2 => people[id].age_on(start) < 85,
                        _ => {
                            lines.get(id).is_some_and(|t| t.kind_on(start) == crate::members::MemberKind::Probationary)
                        }
                    })
                    .map(|member_id| ParticipantForm { member_id, hours: String::new() })
                    .collect();
                if participants.is_empty() {
                    continue;
                }
                let n = participants.len();
                let form = TrainingForm {
                    started_on: start.to_string(),
                    ended_on: end.map(|e| e.to_string()).unwrap_or_default(),
                    hours: hours.into(),
                    organiser: organiser.into(),
                    level: level.into(),
                    place: if who == 1 { "村远程教育站点" } else { "镇党校" }.into(),
                    topic: topic.into(),
                    proof: "签到表".into(),
                    participants,
                    ..Default::default()
                };
                self.create_training(&form, today).map_err(|e| fail(format!("{start} 培训"), e))?;
                loaded.trainings += 1;
                loaded.training_participants += n;
            }
            for month in 1..=12u32 {
                let on = ymd(y, month, 18);
                if on > today {
                    break;
                }
                let present = on_day(on);
                let salt = i64::from(y) * 12 + i64::from(month);
                let member_ids: Vec<i64> =
                    present.iter().copied().filter(|id| scatter(*id, salt) == 0).take(15).collect();
                if member_ids.is_empty() {
                    continue;
                }
                let form = ServiceForm {
                    served_on: on.to_string(),
                    kind: if month % 2 == 1 { "volunteer" } else { "deed" }.into(),
                    what: SERVICE_WORKS[(month as usize + y as usize) % SERVICE_WORKS.len()].into(),
                    for_whom: format!("{VILLAGE}{}组群众", 1 + month % 9),
                    households: (3 + month % 12).to_string(),
                    people: (8 + month * 2).to_string(),
                    hours: if month % 3 == 0 { "3.5" } else { "2" }.into(),
                    member_ids,
                    ..Default::default()
                };
                self.create_service(&form, today).map_err(|e| fail(format!("{on} 志愿服务"), e))?;
                loaded.services += 1;
            }
            // 党费使用 and 上级下拨.
            let received = ymd(y, 6, 15);
            if received <= today {
                let form = crate::dues::ReceivedForm {
                    received_on: received.to_string(),
                    amount: "8000.00".into(),
                    from_org: HIGHER.into(),
                    note: "按规定下拨党费，用于慰问和党员教育".into(),
                };
                self.record_received(&form, today).map_err(|e| fail(format!("{received} 上级下拨"), e))?;
            }
            let spendings = [
                (ymd(y, 4, 22), "购买党员学习资料", "600.00"),
                (ymd(y, 7, 1), "“七一”主题党日活动用品", "800.00"),
                (ymd(y, 12, 15), "订阅党报党刊", "1200.00"),
            ];
            for (n, (on, purpose, amount)) in spendings.into_iter().enumerate() {
                if on > today {
                    continue;
                }
                let form = crate::dues::SpendingForm {
                    spent_on: on.to_string(),
                    purpose: purpose.into(),
                    amount: amount.into(),
                    approval: "支委会研究同意".into(),
                    receipt_no: format!("ZC{y}-{:02}", n + 1),
                    note: String::new(),
                };
                self.record_spending(&form, today).map_err(|e| fail(format!("{on} 党费使用"), e))?;
                loaded.spendings += 1;
            }
        }
        Ok(())
    }
}

/// A member's transfers and status changes, inside phase 1's transaction.
fn synthetic_standing(
    tx: &Connection,
    id: i64,
    who: &Who,
    today: NaiveDate,
    loaded: &mut SyntheticLoaded,
) -> Result<()> {
    let Some(on) = who.on else { return Ok(()) };
    let what = format!("党员{}", who.name);
    let y = on.year();
    let n = 1 + who.index % 30;
    let month = Month::of(on);
    let status = |status: &str, date: NaiveDate, reason: &str| StatusForm {
        status: status.into(),
        date: date.to_string(),
        reason: reason.into(),
    };
    let mut changes: Vec<StatusForm> = Vec::new();
    let mut transfers: Vec<TransferForm> = Vec::new();
    match who.fate {
        Fate::Dies => changes.push(status("deceased", on, "病故")),
        Fate::LeavesBranch => transfers.push(TransferForm {
            direction: "out".into(),
            date: on.to_string(),
            other_branch: "中共白杨镇新城社区委员会".into(),
            letter_number: format!("白组转〔{y}〕{n}号"),
            dues_paid_to: month.to_string(),
            notes: "随子女迁居镇区".into(),
        }),
        Fate::JoinsBranch => transfers.push(TransferForm {
            direction: "in".into(),
            date: on.to_string(),
            other_branch: "中共河口乡南湾村支部委员会".into(),
            letter_number: format!("河组转〔{y}〕{n}号"),
            dues_paid_to: month.plus(-1).to_string(),
            notes: "婚迁".into(),
        }),
        Fate::LostContact { suspended: true } => {
            let after = plus_days(on, 210);
            if after <= today {
                changes.push(status("suspended", after, "失去联系超过六个月，经支部大会讨论、镇党委批准停止党籍"));
            }
        }
        Fate::Watch => {
            changes.push(status("watch", on, "受到留党察看一年处分（白纪〔处〕第3号）"));
            let back = crate::date::anniversary_in(on, y + 1);
            if back <= today {
                changes.push(status("normal", back, "留党察看期满，恢复党员权利"));
            }
        }
        _ => {}
    }
    for t in &transfers {
        crate::members::add_transfer_in(tx, id, t, today).map_err(|e| fail(&what, e))?;
        loaded.transfers += 1;
    }
    for c in &changes {
        crate::members::change_status_in(tx, id, c, today).map_err(|e| fail(&what, e))?;
        loaded.status_changes += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_made_up_person_has_a_name_and_a_number_of_their_own() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let mut names = std::collections::HashSet::new();
        let mut numbers = std::collections::HashSet::new();
        for k in 0..people_possible() {
            let (name, male) = person(k);
            assert!(names.insert(name.clone()), "{name} twice");
            let birth = ymd(1935 + (k % 66) as i32, 1 + (k % 12) as u32, 1 + (k % 28) as u32);
            let number = id_number(k, birth, male);
            let info = crate::idcard::check(&number, today).unwrap_or_else(|e| panic!("{number}: {e}"));
            assert_eq!(info.sex == crate::idcard::Sex::Male, male, "{name} {number}");
            assert!(numbers.insert(number));
        }
        assert!(people_possible() > 10_000);
    }
}
