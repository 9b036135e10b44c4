//! 公示: notices for the village noticeboard. Every kind is built into one
//! shape, [`Notice`] — title, lead sentence, an optional table, paragraphs,
//! the 公示期 and contact line, the branch as 落款 and the date — which the
//! print page and the .xlsx writer both render.
//!
//! Masking happens here, on the finished notice: every text that reaches it
//! (names from the database, and whatever the secretary typed into a title,
//! body or contact line) passes [`mask_public_text`] (`mask.rs`), so a full ID number or
//! mobile number can never reach the noticeboard.

use crate::date::PartialDate;
use crate::error::{Error, FieldErrors, Result};
pub use crate::mask::mask_public_text;
use crate::meetings::{Grade, MeetingKind};
use crate::store::Store;
use crate::text::clean;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// What notice to build, as the page or the CLI asks for it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum NoticeRequest {
    /// 党费收缴情况公示 for a year, a quarter or a month.
    Dues { year: i32, quarter: Option<u32>, month: Option<u32> },
    /// 民主评议党员结果公示 from the year's 民主评议 record.
    Review { year: i32 },
    /// 主题党日活动预告.
    PartyDay(PartyDayForm),
    /// A 公示 whose title and body the secretary writes.
    General { title: String, body: String },
    /// 发展党员 公示 (拟确定发展对象 / 拟接收预备党员 / 拟转为正式党员) of
    /// one or more people: name, sex, birth month, education and the dates;
    /// never an ID number (docs/DOMAIN.md §4.4).
    Recruit { point: String, ids: Vec<i64> },
    /// 慰问金发放公示 of a year's visits with money (or of one occasion,
    /// `spring`/`july1`/…): names, occasion, amounts, source
    /// (docs/DOMAIN.md §9).
    Care { year: i32, season: Option<String> },
    /// 积分公示: each member's yearly points and 星级 under the rule set in
    /// use; names only (docs/DOMAIN.md §9.5).
    Points { year: i32 },
}

/// The 主题党日 preview as typed (prefilled by [`Store::party_day_draft`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct PartyDayForm {
    pub date: String,
    pub time: String,
    pub place: String,
    pub topic: String,
    pub items: Vec<String>,
}

/// 公示期 and whom to ask, as typed. Dates as `2026-11-28`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct NoticeTerms {
    pub from: String,
    pub to: String,
    pub contact: String,
    pub phone: String,
}

/// A table on a notice. `amount_column`, when set, holds money (yuan text)
/// and is totalled in `total`.
#[derive(Clone, Debug, PartialEq, Serialize, ts_rs::TS)]
pub struct NoticeTable {
    pub headers: Vec<String>,
    /// Relative column widths (Excel units), one per header.
    pub widths: Vec<f64>,
    pub rows: Vec<Vec<String>>,
    pub amount_column: Option<usize>,
    pub total: Option<String>,
    /// Shown in place of the rows when there are none.
    pub empty_text: String,
}

/// The 公示期 / contact line, each part already in print form; an empty
/// part is printed as a blank to fill in by hand.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct TermLine {
    pub from: String,
    pub to: String,
    pub contact: String,
    pub phone: String,
    /// An announcement (主题党日活动预告), not a 公示: posted until the day,
    /// in its own words — no 公示期, no "如有意见" (issue 17, item 5).
    pub announcement: bool,
}

impl TermLine {
    /// The line as one text, blanks as full-width spaces.
    pub fn text(&self) -> String {
        let or_blank = |s: &str, n: usize| if s.is_empty() { "　".repeat(n) } else { s.to_string() };
        let (from, to) = (or_blank(&self.from, 6), or_blank(&self.to, 6));
        let (contact, phone) = (or_blank(&self.contact, 4), or_blank(&self.phone, 6));
        if self.announcement {
            format!("张贴期：{from}至{to}。如有疑问，请与{contact}联系，联系电话：{phone}。")
        } else {
            format!("公示期：{from}至{to}。公示期间如有意见，请与{contact}联系，联系电话：{phone}。")
        }
    }
}

/// A notice ready to print or write as .xlsx.
#[derive(Clone, Debug, PartialEq, Serialize, ts_rs::TS)]
pub struct Notice {
    pub kind: String,
    pub title: String,
    /// Under the title, e.g. （2026年第三季度）; may be empty.
    pub subtitle: String,
    pub lead: String,
    pub table: Option<NoticeTable>,
    pub paragraphs: Vec<String>,
    pub terms: TermLine,
    pub branch_name: String,
    pub issued_on: NaiveDate,
    /// The 落款 date as printed.
    pub issued_label: String,
    /// A file name for the .xlsx, without the extension.
    pub file_stem: String,
}

impl Notice {
    /// Every text on the notice through [`mask_public_text`], but the
    /// contact phone of its own field.
    fn masked(mut self) -> Notice {
        let m = |s: &mut String| *s = mask_public_text(s);
        for s in [&mut self.title, &mut self.subtitle, &mut self.lead, &mut self.branch_name] {
            m(s);
        }
        self.paragraphs.iter_mut().for_each(m);
        // The 联系电话 the secretary typed in its own field is the one number
        // meant to be published, and stays as typed (issue 14, item 2).
        for s in [&mut self.terms.from, &mut self.terms.to, &mut self.terms.contact] {
            m(s);
        }
        if let Some(t) = &mut self.table {
            t.headers.iter_mut().for_each(m);
            t.rows.iter_mut().flatten().for_each(m);
        }
        self.file_stem = crate::export::safe_file_name(&mask_public_text(&self.file_stem));
        self
    }
}

/// The body of a 发展党员 公示: who, and the dates that matter at that point.
fn recruit_notice(n: &mut Notice, point: crate::recruits::NoticePointCode, people: &[crate::recruits::RecruitFile]) {
    use crate::recruits::NoticePointCode as P;
    let on = |f: &crate::recruits::RecruitFile, step: u8| {
        f.steps.iter().find(|s| s.step == step).map_or("—".to_string(), |s| PartialDate::Day(s.date).to_chinese())
    };
    let birth = |f: &crate::recruits::RecruitFile| {
        format!("{}年{}月", f.recruit.birth_date.year(), f.recruit.birth_date.month())
    };
    let (title, lead, dates): (&str, &str, Vec<(&str, u8)>) = match point {
        P::Candidate => (
            "拟确定发展对象公示",
            "经党员推荐、党小组和培养联系人提出意见，支部委员会研究，拟将下列同志确定为发展对象，现予公示：",
            vec![("申请入党时间", 1), ("确定为入党积极分子时间", 3)],
        ),
        P::Admit => (
            "拟接收预备党员公示",
            "经支部大会讨论，拟接收下列同志为中共预备党员，现报上级党委审批前予以公示：",
            vec![("申请入党时间", 1), ("确定为发展对象时间", 7), ("支部大会讨论时间", 15)],
        ),
        P::Full => (
            "拟转为正式党员公示",
            "下列预备党员预备期将满，本人已提出转正申请，拟按期转为正式党员，现予公示：",
            vec![("入党时间", 15), ("提出转正申请时间", 22)],
        ),
    };
    let mut headers: Vec<String> = ["序号", "姓名", "性别", "出生年月", "学历"].map(String::from).to_vec();
    headers.extend(dates.iter().map(|(h, _)| h.to_string()));
    let mut widths = vec![6.0, 10.0, 6.0, 12.0, 10.0];
    widths.extend(dates.iter().map(|_| 16.0));
    let rows = people
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let mut row = vec![
                (i + 1).to_string(),
                f.recruit.name.clone(),
                f.recruit.sex_label.to_string(),
                birth(f),
                if f.recruit.education.is_empty() { "—".into() } else { f.recruit.education.clone() },
            ];
            row.extend(dates.iter().map(|(_, step)| on(f, *step)));
            row
        })
        .collect();
    n.kind = format!("recruit_{}", point.code());
    n.title = title.into();
    n.lead = lead.into();
    n.table = Some(NoticeTable {
        headers,
        widths,
        rows,
        amount_column: None,
        total: None,
        empty_text: "没有公示对象".into(),
    });
    n.paragraphs = vec![
        "公示期间，党员和群众可以通过来信、来电、来访等方式，向党支部或上级党委组织部门反映公示对象的情况和问题。"
            .into(),
        "反映问题应实事求是，以真实姓名反映的，我们将严格保密。".into(),
    ];
}

/// `from` plus `n` working days (Monday to Friday).
pub fn add_working_days(from: NaiveDate, n: u32) -> NaiveDate {
    let mut d = from;
    let mut left = n;
    while left > 0 {
        d = d + Days::new(1);
        if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    d
}

fn day_text(field: &'static str, label: &str, input: &str, errors: &mut FieldErrors) -> Option<NaiveDate> {
    match PartialDate::parse_opt(input) {
        Ok(None) => None,
        Ok(Some(PartialDate::Day(d))) => Some(d),
        Ok(Some(PartialDate::Month { .. })) => {
            errors.add(field, format!("{label}请写到日，如 2026-11-28"));
            None
        }
        Err(e) => {
            errors.add(field, format!("{label}：{e}"));
            None
        }
    }
}

fn check_terms(t: &NoticeTerms, errors: &mut FieldErrors) -> TermLine {
    let from = day_text("from", "公示期开始日期", t.from.trim(), errors);
    let to = day_text("to", "公示期结束日期", t.to.trim(), errors);
    if let (Some(a), Some(b)) = (from, to) {
        if b < a {
            errors.add("to", "公示期结束日期不能早于开始日期");
        }
    }
    let contact = clean(&t.contact);
    if contact.chars().count() > 20 {
        errors.add("contact", "联系人太长了（最多 20 字）");
    }
    let phone = clean(&t.phone);
    if phone.chars().count() > 30 {
        errors.add("phone", "联系电话太长了（最多 30 字）");
    }
    let chinese = |d: Option<NaiveDate>| d.map(|d| PartialDate::Day(d).to_chinese()).unwrap_or_default();
    TermLine { from: chinese(from), to: chinese(to), contact, phone, announcement: false }
}

const REVIEW_GRADES: [Grade; 4] = [Grade::Excellent, Grade::Qualified, Grade::BasicallyQualified, Grade::Unqualified];

impl Store {
    /// Builds a notice; bad input gives field errors, nothing else happens.
    pub fn notice(&self, req: &NoticeRequest, terms: &NoticeTerms, today: NaiveDate) -> Result<Notice> {
        let mut errors = FieldErrors::default();
        let term_line = check_terms(terms, &mut errors);
        let branch = self.branch()?.name;
        let mut n = Notice {
            kind: String::new(),
            title: String::new(),
            subtitle: String::new(),
            lead: String::new(),
            table: None,
            paragraphs: Vec::new(),
            terms: term_line,
            branch_name: branch.clone(),
            issued_on: today,
            issued_label: PartialDate::Day(today).to_chinese(),
            file_stem: String::new(),
        };
        match req {
            NoticeRequest::Dues { year, quarter, month } => {
                errors.into_result()?;
                let d = self.dues_notice(*year, *quarter, *month, today)?;
                n.kind = "dues".into();
                n.title = d.title.clone();
                n.subtitle = format!("（{}）", d.period_label);
                n.lead = format!("现将{}党费收缴情况公示如下：", d.period_label);
                n.table = Some(NoticeTable {
                    headers: ["序号", "姓名", "已交月份", "未交月份", "交纳金额（元）"].map(String::from).to_vec(),
                    widths: vec![6.0, 12.0, 24.0, 20.0, 14.0],
                    rows: d
                        .rows
                        .iter()
                        .map(|r| {
                            vec![
                                r.seq.to_string(),
                                r.name.clone(),
                                r.paid_months.clone(),
                                r.unpaid_months.clone(),
                                r.amount.clone(),
                            ]
                        })
                        .collect(),
                    amount_column: Some(4),
                    total: Some(d.total.clone()),
                    empty_text: "这一期间没有在册党员".into(),
                });
                n.paragraphs = crate::dues::spending::notice_paragraphs(&d);
                n.file_stem = format!("{branch}{}党费收缴情况公示", d.period_label);
            }
            NoticeRequest::Review { year } => {
                errors.into_result()?;
                let review = self
                    .meetings_belonging(*year, Some(MeetingKind::Review))?
                    .into_iter()
                    .next()
                    .ok_or(Error::NotFound("本年度的民主评议党员记录（请先在“组织生活”里记录民主评议）"))?;
                // Grouped by grade, as posted on noticeboards: one line per
                // 等次 with the names, so a whole branch fits on one page.
                let mut names: Vec<Vec<String>> = vec![Vec::new(); REVIEW_GRADES.len()];
                // Without a vote, so without a grade: 预备党员, and members
                // under 留党察看 (docs/DOMAIN.md §8), never named as such on a
                // noticeboard.
                let mut probationary = Vec::new();
                let mut only_probationary = true;
                let mut ungraded = Vec::new();
                for a in &review.attendees {
                    match a.grade.and_then(|g| REVIEW_GRADES.iter().position(|x| *x == g)) {
                        Some(k) => names[k].push(a.name.clone()),
                        None if !a.voting => {
                            only_probationary &= a.member_kind == crate::members::MemberKind::Probationary;
                            probationary.push(a.name.clone())
                        }
                        None => ungraded.push(a.name.clone()),
                    }
                }
                let line = |label: &str, list: &[String]| {
                    vec![
                        label.to_string(),
                        list.len().to_string(),
                        if list.is_empty() { "—".into() } else { list.join("、") },
                    ]
                };
                let mut rows: Vec<Vec<String>> =
                    REVIEW_GRADES.iter().zip(&names).map(|(g, list)| line(g.label(), list)).collect();
                if !probationary.is_empty() {
                    let label = if only_probationary { "预备党员（不评定等次）" } else { "不评定等次" };
                    rows.push(line(label, &probationary));
                }
                if !ungraded.is_empty() {
                    rows.push(line("未评定", &ungraded));
                }
                let graded: usize = names.iter().map(Vec::len).sum();
                n.kind = "review".into();
                n.title = "民主评议党员结果公示".into();
                n.subtitle = if review.topic.is_empty() { String::new() } else { format!("（{}）", review.topic) };
                n.lead = format!(
                    "{}，支部开展民主评议党员，经个人自评、党员互评、民主测评和组织评定，评定结果公示如下：",
                    PartialDate::Day(review.date).to_chinese()
                );
                n.table = Some(NoticeTable {
                    headers: ["评定等次", "人数", "党员姓名"].map(String::from).to_vec(),
                    widths: vec![16.0, 7.0, 55.0],
                    rows,
                    amount_column: None,
                    total: None,
                    empty_text: "这次评议没有记录参加的党员".into(),
                });
                let mut summary = format!("参加评定等次的正式党员 {graded} 名，其中");
                summary.push_str(
                    &REVIEW_GRADES
                        .iter()
                        .zip(&names)
                        .map(|(g, list)| format!("{} {} 名", g.label(), list.len()))
                        .collect::<Vec<_>>()
                        .join("、"),
                );
                summary.push('。');
                if !probationary.is_empty() {
                    let who = if only_probationary { "预备党员" } else { "没有表决权的党员" };
                    summary.push_str(&format!("{who} {} 名不评定等次。", probationary.len()));
                }
                n.paragraphs = vec![summary];
                n.file_stem = format!("{branch}{year}年度民主评议党员结果公示");
            }
            NoticeRequest::PartyDay(form) => {
                let date = day_text("date", "活动日期", form.date.trim(), &mut errors);
                if form.date.trim().is_empty() {
                    errors.add("date", "请填写活动日期，如 2026-12-10");
                }
                let topic = clean(&form.topic);
                if topic.is_empty() {
                    errors.add("topic", "请填写活动主题");
                }
                let place = clean(&form.place);
                if place.is_empty() {
                    errors.add("place", "请填写活动地点");
                }
                let time = clean(&form.time);
                let items: Vec<String> = form.items.iter().map(|s| clean(s)).filter(|s| !s.is_empty()).collect();
                // Posted until the day itself: an announcement after the event says nothing.
                if let (Some(day), Ok(Some(PartialDate::Day(to)))) = (date, PartialDate::parse_opt(terms.to.trim())) {
                    if to > day {
                        let day = PartialDate::Day(day).to_chinese();
                        errors.add("to", format!("预告张贴到活动当天即可：结束日期不能晚于活动日期（{day}）"));
                    }
                }
                errors.into_result()?;
                let date = date.unwrap_or(today);
                n.terms.announcement = true;
                let weekday =
                    ["一", "二", "三", "四", "五", "六", "日"][date.weekday().num_days_from_monday() as usize];
                n.kind = "party_day".into();
                n.title = "主题党日活动预告".into();
                n.subtitle = format!("（{}年{}月）", date.year(), date.month());
                n.lead = "全体党员同志：".into();
                let when = format!("{}（星期{weekday}）{}", PartialDate::Day(date).to_chinese(), time);
                n.paragraphs = vec![
                    format!("支部定于{}开展{}月主题党日活动，现将有关事项预告如下：", when.trim(), date.month()),
                    format!("一、活动时间：{}", when.trim()),
                    format!("二、活动地点：{place}"),
                    format!("三、活动主题：{topic}"),
                ];
                if !items.is_empty() {
                    n.paragraphs.push("四、活动内容：".into());
                    n.paragraphs.extend(items.iter().enumerate().map(|(i, s)| format!("{}. {s}", i + 1)));
                }
                n.paragraphs.push("请全体党员准时参加；因故不能参加的，请提前向支部书记请假。".into());
                n.file_stem = format!("{branch}{}年{}月主题党日活动预告", date.year(), date.month());
            }
            NoticeRequest::General { title, body } => {
                let title = clean(title);
                if title.is_empty() {
                    errors.add("title", "请填写公示标题，如 关于发展王某某为预备党员的公示");
                } else if title.chars().count() > 60 {
                    errors.add("title", "标题太长了（最多 60 字）");
                }
                let paragraphs: Vec<String> =
                    body.lines().map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
                if paragraphs.is_empty() {
                    errors.add("body", "请填写公示内容");
                } else if body.chars().count() > 5000 {
                    errors.add("body", "公示内容太长了（最多 5000 字），请分成几份公示");
                }
                errors.into_result()?;
                n.kind = "general".into();
                n.file_stem = format!("{branch}{title}");
                n.title = title;
                n.paragraphs = paragraphs;
            }
            NoticeRequest::Recruit { point, ids } => {
                let code = crate::recruits::NoticePointCode::from_code(point);
                if code.is_none() {
                    errors.add(
                        "point",
                        "公示类别应为 candidate（拟确定发展对象）、admit（拟接收预备党员）或 full（拟转为正式党员）",
                    );
                }
                if ids.is_empty() {
                    errors.add("ids", "请选择要公示的人");
                }
                errors.into_result()?;
                let code = code.unwrap_or(crate::recruits::NoticePointCode::Candidate);
                let people = ids.iter().map(|id| self.recruit(*id)).collect::<Result<Vec<_>>>()?;
                recruit_notice(&mut n, code, &people);
                n.file_stem = format!("{branch}{}", n.title);
            }
            NoticeRequest::Care { year, season } => {
                let occasion = season.as_deref().filter(|s| !s.trim().is_empty()).map(crate::care::Occasion::parse);
                if occasion == Some(None) {
                    errors.add("season", "走访事由不对，请选择元旦春节、七一等，或不选（全年）");
                }
                errors.into_result()?;
                crate::care::care_notice(&mut n, *year, occasion.flatten(), &self.care_visits(*year)?);
                n.file_stem = format!("{branch}{}", n.title);
            }
            NoticeRequest::Points { year } => {
                let y = self.points_year(*year)?;
                if !y.enabled {
                    errors.add("year", "积分制未启用：请先在“积分”页导入本县规则并启用，再生成积分公示");
                }
                errors.into_result()?;
                crate::points::points_notice(&mut n, &y);
                n.file_stem = format!("{branch}{}", n.title);
            }
        }
        Ok(n.masked())
    }

    /// The branch's next fixed 主题党日 on or after `today` (设置: e.g. 每月5日),
    /// or today when the setting names no day of the month (农历初一, empty).
    pub fn next_party_day(&self, today: NaiveDate) -> Result<NaiveDate> {
        Ok(next_fixed_day(&self.meeting_settings()?.theme_day, today).unwrap_or(today))
    }

    /// The 张贴期 of a 主题党日活动预告: from today until the activity day.
    pub fn party_day_terms_draft(&self, today: NaiveDate) -> Result<NoticeTerms> {
        Ok(NoticeTerms { to: self.next_party_day(today)?.to_string(), ..self.notice_terms_draft(today)? })
    }

    /// A 主题党日 preview prefilled: the month's topic, the usual x+X items,
    /// the last place used, the next fixed 主题党日 for its date.
    pub fn party_day_draft(&self, today: NaiveDate) -> Result<PartyDayForm> {
        let day = self.next_party_day(today)?;
        let draft = self.meeting_draft(MeetingKind::ThemeDay.code(), &day.to_string(), None, today)?;
        Ok(PartyDayForm {
            date: draft.date,
            time: "上午9:00".into(),
            place: draft.place,
            topic: draft.topic,
            items: draft.agenda.into_iter().map(|a| a.text).collect(),
        })
    }

    /// The 公示期 a secretary usually writes: from today for 5 working days,
    /// with the secretary as contact (docs/DOMAIN.md §4: 5 working days, local).
    pub fn notice_terms_draft(&self, today: NaiveDate) -> Result<NoticeTerms> {
        Ok(NoticeTerms {
            from: today.to_string(),
            to: add_working_days(today, 5).to_string(),
            contact: self.branch()?.secretary,
            phone: String::new(),
        })
    }
}

/// The next day on or after `today` that a setting such as 每月5日, 每月15号
/// or 每月十五日 names (the day clamped to a short month's last day); None
/// when it names none (每月农历初一, 每月第一个星期五, empty).
pub fn next_fixed_day(setting: &str, today: NaiveDate) -> Option<NaiveDate> {
    let s: String = setting.chars().filter(|c| !c.is_whitespace()).collect();
    if s.contains("农历") {
        return None;
    }
    let rest = s.strip_prefix("每月")?;
    let number: String = rest.chars().take_while(|c| !matches!(c, '日' | '号')).collect();
    if number.len() == rest.len() {
        return None;
    }
    let day = number.parse::<u32>().ok().or_else(|| chinese_number(&number)).filter(|d| (1..=31).contains(d))?;
    // The day, or the month's last when the month is shorter.
    let on = |year: i32, month: u32| {
        (28..=day.max(28)).rev().find_map(|last| NaiveDate::from_ymd_opt(year, month, day.min(last)))
    };
    let this = on(today.year(), today.month())?;
    if this >= today {
        return Some(this);
    }
    let (y, m) = if today.month() == 12 { (today.year() + 1, 1) } else { (today.year(), today.month() + 1) };
    on(y, m)
}

/// 一 … 三十一 as a number.
fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| i as u32 / 3 + 1);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_next_fixed_party_day_is_read_from_the_setting() {
        let today = d(2026, 11, 27);
        assert_eq!(next_fixed_day("每月5日", today), Some(d(2026, 12, 5)));
        assert_eq!(next_fixed_day("每月 28 号", today), Some(d(2026, 11, 28)));
        assert_eq!(next_fixed_day("每月二十七日", today), Some(today), "today itself");
        assert_eq!(next_fixed_day("每月十日", d(2026, 12, 11)), Some(d(2027, 1, 10)), "over the year's end");
        assert_eq!(next_fixed_day("每月31日", d(2026, 2, 1)), Some(d(2026, 2, 28)), "a short month's last day");
        for none in ["每月农历初一", "每月第一个星期五", "", "每月", "每月40日"] {
            assert_eq!(next_fixed_day(none, today), None, "{none}");
        }
    }

    #[test]
    fn an_announcement_has_its_own_words() {
        let line = TermLine {
            from: "2026年11月27日".into(),
            to: "2026年12月5日".into(),
            contact: "王书记".into(),
            phone: "0371-66881234".into(),
            announcement: true,
        };
        assert_eq!(
            line.text(),
            "张贴期：2026年11月27日至2026年12月5日。如有疑问，请与王书记联系，联系电话：0371-66881234。"
        );
        let notice = TermLine { announcement: false, ..line };
        assert!(notice.text().starts_with("公示期：") && notice.text().contains("公示期间如有意见"));
    }

    #[test]
    fn five_working_days_skip_the_weekend() {
        let fri = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        assert_eq!(add_working_days(fri, 5), NaiveDate::from_ymd_opt(2026, 12, 4).unwrap());
        let sat = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        assert_eq!(add_working_days(sat, 1), NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    }
}
