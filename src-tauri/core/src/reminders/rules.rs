//! The dates a secretary must not miss (docs/DOMAIN.md §5), computed in one pass
//! over the members from a snapshot of what the store holds. Every rule
//! takes `today` as an argument.

use crate::date::{anniversary_in, whole_years, PartialDate};
use crate::members::{next_anniversary, Member, MemberKind, Status};
use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

/// Branch settings for reminders (local practice).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ReminderSettings {
    /// 政治生日 this many days ahead (default 30).
    pub birthday_days: i64,
    /// The committee's term in years (a village branch: 5).
    pub term_years: i32,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings { birthday_days: 30, term_years: 5 }
    }
}

/// What the rules read besides the members.
pub struct Snapshot<'a> {
    pub members: &'a [Member],
    /// Per member id: the last meeting they attended, the last day they paid dues.
    pub last_attended: &'a std::collections::HashMap<i64, NaiveDate>,
    pub last_paid: &'a std::collections::HashMap<i64, NaiveDate>,
    pub term_start: Option<PartialDate>,
    /// 建账日期: attendance is judged only from here (docs/DOMAIN.md §3.4).
    pub records_from: Option<NaiveDate>,
    pub settings: ReminderSettings,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct BirthdayItem {
    pub member_id: i64,
    pub name: String,
    /// The anniversary: a day, or only a month (`day_known` false).
    pub date: PartialDate,
    pub day_known: bool,
    pub admitted_on: PartialDate,
    /// Years since admission on that day (入党 N 周年).
    pub years: i32,
    /// Days from today; None when only the month is known.
    pub days_until: Option<i64>,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct MilestoneItem {
    pub member_id: i64,
    pub name: String,
    /// 党龄 reached this year: 10, 20, 30 …
    pub years: i32,
    pub date: PartialDate,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct MedalItem {
    pub member_id: i64,
    pub name: String,
    pub full_member_on: PartialDate,
    /// 党龄 on the cut-off day.
    pub standing_years: i32,
    pub cutoff: NaiveDate,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ProbationItem {
    pub member_id: i64,
    pub name: String,
    pub admitted_on: PartialDate,
    /// admitted_on + 1 year.
    pub due: PartialDate,
    pub overdue: bool,
    pub days_until: Option<i64>,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct TermItem {
    pub term_start: PartialDate,
    pub term_end: NaiveDate,
    pub days_until: i64,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct LostContactItem {
    pub member_id: i64,
    pub name: String,
    pub last_attended: Option<NaiveDate>,
    pub last_paid: Option<NaiveDate>,
    pub note: String,
}

/// Everything from the members; meetings and arrears are added by the store.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Default, ts_rs::TS)]
pub struct MemberReminders {
    pub political_birthdays: Vec<BirthdayItem>,
    pub quarter_political_birthdays: Vec<BirthdayItem>,
    pub milestones: Vec<MilestoneItem>,
    pub fifty_year_medal: Vec<MedalItem>,
    pub probation_ending: Vec<ProbationItem>,
    pub term_ending: Vec<TermItem>,
    pub lost_contact: Vec<LostContactItem>,
    /// Six months without any 组织生活 (党章 第九条), on its own.
    pub no_meetings: Vec<LostContactItem>,
    /// 失联 for six months: 停止党籍 may be decided.
    pub may_suspend: Vec<LostContactItem>,
    /// 停止党籍 for two years and still unreachable: 除名 may be decided.
    pub may_strike_off: Vec<LostContactItem>,
}

fn quarter_months(today: NaiveDate) -> std::ops::RangeInclusive<u32> {
    let q = (today.month() - 1) / 3;
    q * 3 + 1..=q * 3 + 3
}

/// The 1 July that decides 光荣在党50年: this year's, or next year's once
/// this one has passed.
pub fn medal_cutoff(today: NaiveDate) -> NaiveDate {
    let this = NaiveDate::from_ymd_opt(today.year(), 7, 1).unwrap_or(today);
    if today <= this {
        this
    } else {
        NaiveDate::from_ymd_opt(today.year() + 1, 7, 1).unwrap_or(today)
    }
}

fn month_note(d: &PartialDate) -> &'static str {
    if d.day_known() {
        ""
    } else {
        "（只记到月份，具体日期不详）"
    }
}

/// All member reminders in one pass.
pub fn member_reminders(s: &Snapshot<'_>, today: NaiveDate) -> MemberReminders {
    let mut out = MemberReminders::default();
    let window_end = today + chrono::Duration::days(s.settings.birthday_days);
    let quarter = quarter_months(today);
    let cutoff = medal_cutoff(today);
    let previous_cutoff = NaiveDate::from_ymd_opt(cutoff.year() - 1, 7, 1).unwrap_or(cutoff);
    let six_months_ago = today.checked_sub_months(Months::new(6)).unwrap_or(today);
    let two_years_ago = today.checked_sub_months(Months::new(24)).unwrap_or(today);
    // Attendance is only judged once the books have run six months.
    let attendance_judged = s.records_from.is_some_and(|r| r <= six_months_ago);
    for m in s.members {
        if !m.on_roster() {
            continue;
        }
        let item = |note: String| LostContactItem {
            member_id: m.id,
            name: m.name.clone(),
            last_attended: s.last_attended.get(&m.id).copied(),
            last_paid: s.last_paid.get(&m.id).copied(),
            note,
        };
        // 失联 six months → 停止党籍 may be decided; 停止党籍 two years → 除名
        // (《党员教育管理工作条例》2019; docs/DOMAIN.md §5).
        if m.lost_contact
            && m.status.takes_part()
            && m.lost_contact_since.is_some_and(|d| d.last_day() <= six_months_ago)
        {
            out.may_suspend.push(item(format!(
                "自 {} 起失去联系已满 6 个月，经多方查找仍无法取得联系的，可按规定停止其党籍",
                m.lost_contact_since.map(|d| d.to_chinese()).unwrap_or_default()
            )));
        }
        if m.status == Status::Suspended && m.status_date.is_some_and(|d| d.last_day() <= two_years_ago) {
            out.may_strike_off.push(item(format!(
                "自 {} 停止党籍已满 2 年，仍无法取得联系的，可按自行脱党予以除名",
                m.status_date.map(|d| d.to_chinese()).unwrap_or_default()
            )));
        }
        if !m.status.takes_part() {
            continue;
        }
        if let Some(admitted) = m.admitted_on {
            // 政治生日 in the next N days.
            if let Some(pb) = next_anniversary(admitted, today) {
                let in_window = match pb.date {
                    PartialDate::Day(d) => d <= window_end,
                    PartialDate::Month { .. } => pb.date.first_day() <= window_end,
                };
                if in_window {
                    out.political_birthdays.push(BirthdayItem {
                        member_id: m.id,
                        name: m.name.clone(),
                        date: pb.date,
                        day_known: pb.day_known,
                        admitted_on: admitted,
                        years: pb.years,
                        days_until: match pb.date {
                            PartialDate::Day(d) => Some((d - today).num_days()),
                            _ => None,
                        },
                        note: format!("入党 {} 周年{}", pb.years, month_note(&admitted)),
                    });
                }
            }
            // This quarter's list, for the quarterly 政治生日 activity.
            if quarter.contains(&admitted.month_number()) && admitted.year() < today.year() {
                let date = match admitted {
                    PartialDate::Day(d) => PartialDate::Day(anniversary_in(d, today.year())),
                    PartialDate::Month { month, .. } => PartialDate::Month { year: today.year(), month },
                };
                out.quarter_political_birthdays.push(BirthdayItem {
                    member_id: m.id,
                    name: m.name.clone(),
                    date,
                    day_known: admitted.day_known(),
                    admitted_on: admitted,
                    years: today.year() - admitted.year(),
                    days_until: match date {
                        PartialDate::Day(d) => Some((d - today).num_days()),
                        _ => None,
                    },
                    note: format!("入党 {} 周年{}", today.year() - admitted.year(), month_note(&admitted)),
                });
            }
            // Probation ending: a year after admission, 30 days ahead, and overdue.
            if m.kind == MemberKind::Probationary {
                // The end of probation, after an extension if one was recorded.
                let due = m.probation_end().unwrap_or(admitted);
                let overdue = due.last_day() < today;
                let soon = due.first_day() <= today + chrono::Duration::days(30);
                if overdue || soon {
                    let days = match due {
                        PartialDate::Day(d) => Some((d - today).num_days()),
                        _ => None,
                    };
                    out.probation_ending.push(ProbationItem {
                        member_id: m.id,
                        name: m.name.clone(),
                        admitted_on: admitted,
                        due,
                        overdue,
                        days_until: days,
                        note: if overdue {
                            format!("预备期已满（{}），还未讨论转正，请及时召开支部大会讨论", due.to_chinese())
                        } else {
                            format!("预备期将于 {} 满一年，请准备转正程序{}", due.to_chinese(), month_note(&due))
                        },
                    });
                }
            }
        }
        if let (MemberKind::Full, Some(full)) = (m.kind, m.full_member_on) {
            // 党龄 milestones this year.
            let years = today.year() - full.year();
            if years > 0 && years % 10 == 0 {
                let date = match full {
                    PartialDate::Day(d) => PartialDate::Day(anniversary_in(d, today.year())),
                    PartialDate::Month { month, .. } => PartialDate::Month { year: today.year(), month },
                };
                out.milestones.push(MilestoneItem {
                    member_id: m.id,
                    name: m.name.clone(),
                    years,
                    date,
                    note: format!("今年党龄满 {years} 年{}", month_note(&full)),
                });
            }
            // 光荣在党50年: newly 50 years by the cut-off.
            let at_cutoff = whole_years(full.last_day(), cutoff);
            let before = whole_years(full.last_day(), previous_cutoff);
            if at_cutoff >= 50 && before < 50 {
                out.fifty_year_medal.push(MedalItem {
                    member_id: m.id,
                    name: m.name.clone(),
                    full_member_on: full,
                    standing_years: at_cutoff,
                    cutoff,
                    note: format!(
                        "到 {} 党龄满 50 年，可申报“光荣在党50年”纪念章",
                        PartialDate::Day(cutoff).to_chinese()
                    ),
                });
            }
        }
        // Lost contact: no meeting attended and no dues paid for 6 months.
        let joined_long_ago = m.admitted_on.is_some_and(|a| a.last_day() <= six_months_ago);
        let attended = s.last_attended.get(&m.id).copied();
        let paid = s.last_paid.get(&m.id).copied();
        let no_meetings = attendance_judged && attended.is_none_or(|d| d < six_months_ago);
        if !m.lost_contact && joined_long_ago && no_meetings && paid.is_none_or(|d| d < six_months_ago) {
            out.lost_contact.push(item("6 个月以上没有参加组织生活、没有交党费：请核实情况，需要时标记为失联".into()));
        } else if !m.lost_contact && joined_long_ago && no_meetings {
            out.no_meetings.push(item(
                "连续 6 个月没有参加党的组织生活：请了解原因、谈心谈话；无正当理由的按党章第九条处理".into(),
            ));
        }
    }
    // Committee term ending within 6 months (or past).
    if let Some(start) = s.term_start {
        let end = start
            .first_day()
            .checked_add_months(Months::new(12 * s.settings.term_years.max(1) as u32))
            .unwrap_or(today);
        let days = (end - today).num_days();
        if days <= 183 {
            out.term_ending.push(TermItem {
                term_start: start,
                term_end: end,
                days_until: days,
                note: if days < 0 {
                    format!(
                        "本届支委任期已于 {} 届满，请向上级党组织报告并按期换届",
                        PartialDate::Day(end).to_chinese()
                    )
                } else {
                    format!("本届支委任期将于 {} 届满，请提前做好换届准备", PartialDate::Day(end).to_chinese())
                },
            });
        }
    }
    let by_date = |a: &BirthdayItem, b: &BirthdayItem| a.date.cmp(&b.date).then(a.member_id.cmp(&b.member_id));
    out.political_birthdays.sort_by(by_date);
    out.quarter_political_birthdays.sort_by(by_date);
    out.milestones.sort_by_key(|a| a.date);
    out.probation_ending.sort_by_key(|a| a.due);
    out
}
