//! The ledger's rules, without the database: which months a member owes
//! to this branch, each month's state (owed, paid, waived …) from the
//! assessments and payments read once, the run of arrears, and the parsing
//! of the days and months typed into the forms.

use super::model::{Arrears, GridCell, MonthState};
use super::money::yuan;
use super::month::Month;
use super::rules::DuesCategory;
use crate::date::PartialDate;
use crate::error::FieldErrors;
use crate::members::timeline::{Timeline, TransferMark};
use crate::members::TransferDirection;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

// ---------- who owes which month ----------

/// Whether a member owes `m` to this branch (docs/DOMAIN.md §2): admitted
/// by then, in good standing (正常 or 留党察看) when the month began, and
/// the month is this branch's by the transfer letters: a letter in says the
/// dues were paid up to a month, and this branch collects from the next one;
/// a letter out says up to which month this branch collected. Without a
/// month on the letter, the month of the transfer is owed where the member
/// was before it. So a month is owed in one branch only.
pub(super) fn owes(t: &Timeline, m: Month) -> bool {
    if t.deleted || t.admitted.is_none_or(|a| m < Month { year: a.year(), month: a.month_number() }) {
        return false;
    }
    let before = m.first_day().pred_opt().unwrap_or(m.first_day());
    t.status_on(before).takes_part() && months_here(t, m)
}

fn months_here(t: &Timeline, m: Month) -> bool {
    let letter_month = |mark: &TransferMark| {
        mark.dues_paid_to.and_then(|(y, mo)| Month::new(y, mo)).unwrap_or_else(|| Month::of(mark.date))
    };
    let came_by_transfer = t.transfers.first().is_some_and(|x| x.direction == TransferDirection::In);
    // The first month owed here in the current stay; None while away.
    let mut from: Option<Month> = if came_by_transfer { None } else { Some(Month { year: i32::MIN / 2, month: 1 }) };
    for mark in &t.transfers {
        match mark.direction {
            TransferDirection::In => {
                if from.is_none() {
                    from = Some(letter_month(mark).plus(1));
                }
            }
            TransferDirection::Out => {
                if let Some(f) = from.take() {
                    if f <= m && m <= letter_month(mark) {
                        return true;
                    }
                }
            }
        }
    }
    from.is_some_and(|f| f <= m)
}

/// What the ledger needs of a 党费核定: from which month, how much, and how
/// it was set (the decision, notes and times stay in the table; reading
/// them for every assessment was a third of reading the arrears).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Rate {
    pub(super) from_month: Month,
    pub(super) category: DuesCategory,
    pub(super) base_fen: Option<i64>,
    pub(super) fixed_fen: Option<i64>,
    pub(super) monthly_fen: i64,
}

/// The rate in force in `m`: the latest from that month or before (`list`
/// in order of `from_month`).
pub(super) fn rate_for(list: Option<&Vec<Rate>>, m: Month) -> Option<&Rate> {
    list?.iter().rev().find(|a| a.from_month <= m)
}

/// Which part of the ledger to read: whose months (everyone's, or a few
/// members') and from which month on (all, or from a month). Reading five
/// years of a large branch's payments for one member's page, or for this
/// month's arrears, was most of the time those took (docs/PERFORMANCE.md).
#[derive(Clone, Debug, Default)]
pub(crate) struct LedgerScope {
    pub(crate) members: Option<Vec<i64>>,
    pub(crate) from: Option<Month>,
}

impl LedgerScope {
    pub(crate) fn member(id: i64) -> Self {
        LedgerScope { members: Some(vec![id]), from: None }
    }

    /// `AND …` conditions on a member column and a stored-month column.
    /// Only numbers and months the core made go into the text.
    pub(crate) fn sql(&self, member_col: &str, month_col: &str) -> String {
        let mut out = self.members_sql(member_col);
        if let Some(from) = self.from {
            out.push_str(&format!(" AND {month_col} >= '{from}'"));
        }
        out
    }

    /// The condition on the members alone (`""` for everyone), to append.
    pub(crate) fn members_sql(&self, member_col: &str) -> String {
        self.members.as_ref().map_or(String::new(), |ids| {
            let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
            format!(" AND {member_col} IN ({})", ids.join(", "))
        })
    }

    pub(super) fn keeps(&self, member: i64) -> bool {
        self.members.as_ref().is_none_or(|ids| ids.contains(&member))
    }
}

/// The ledger state, read once (all of it, or the part a [`LedgerScope`] asks).
pub(super) struct Ledger {
    pub(super) timelines: HashMap<i64, Timeline>,
    /// Each member's rates in order of `from_month`.
    pub(super) rates: HashMap<i64, Vec<Rate>>,
    pub(super) paid: rustc_hash::FxHashMap<(i64, Month), i64>,
    /// Months paid where the member lives (流动党员, docs/DOMAIN.md §9).
    pub(super) elsewhere: HashSet<(i64, Month)>,
}

impl Ledger {
    /// Keeps only the members of `scope` (its payments are read already scoped).
    pub(super) fn keep_members(&mut self, scope: &LedgerScope) {
        self.timelines.retain(|id, _| scope.keeps(*id));
        self.rates.retain(|id, _| scope.keeps(*id));
    }

    /// Members whose run of unpaid months up to `current` reaches back to
    /// `from` or before: read from `from` on, the ledger cannot tell where
    /// their run began.
    pub(super) fn runs_reaching(&self, from: Month, current: Month) -> Vec<i64> {
        let mut ids: Vec<i64> = self
            .timelines
            .keys()
            .copied()
            .filter(|&id| self.arrears(id, current).2.is_some_and(|f| f <= from))
            .collect();
        ids.sort_unstable();
        ids
    }

    pub(super) fn owed(&self, member: i64, m: Month) -> Option<i64> {
        rate_for(self.rates.get(&member), m).map(|a| a.monthly_fen)
    }

    pub(super) fn state(&self, member: i64, m: Month, current: Month) -> GridCell {
        let (state, owed, paid) = self.month_state(member, m, current);
        let due = if state.payable() { (owed.unwrap_or(0) - paid).max(0) } else { 0 };
        GridCell {
            month: m,
            state,
            state_label: state.label(),
            owed_fen: owed,
            paid_fen: paid,
            due_fen: due,
            payable: state.payable(),
            behind: state == MonthState::Owed && self.month_state(member, m.plus(-1), current).0 == MonthState::Owed,
        }
    }

    /// A month's state, what it owes (where the member owed it) and what was paid for it.
    fn month_state(&self, member: i64, m: Month, current: Month) -> (MonthState, Option<i64>, i64) {
        let paid = self.paid.get(&(member, m)).copied().unwrap_or(0);
        let owed = self.owed(member, m);
        let owes = self.timelines.get(&member).is_some_and(|t| owes(t, m));
        // The one place a month's state is decided: paid where the member
        // lives (and not here) is 在流入地缴纳 — never owed, never arrears.
        let elsewhere = paid == 0 && self.elsewhere.contains(&(member, m));
        let state = match (owes, owed) {
            (false, _) => MonthState::NotMember,
            (true, _) if elsewhere => MonthState::Elsewhere,
            (true, None) => MonthState::Unassessed,
            (true, Some(0)) => MonthState::Waived,
            (true, Some(o)) if paid >= o => MonthState::Paid,
            (true, Some(_)) if m > current => MonthState::Future,
            (true, Some(_)) => MonthState::Owed,
        };
        (state, owed.filter(|_| owes), paid)
    }

    /// Consecutive unpaid months ending with the month before `current`.
    pub(super) fn arrears(&self, member: i64, current: Month) -> (usize, i64, Option<Month>) {
        let (mut n, mut owed_total, mut from) = (0usize, 0i64, None);
        let mut m = current.plus(-1);
        for _ in 0..240 {
            let cell = self.state(member, m, current);
            if cell.state != MonthState::Owed {
                break;
            }
            n += 1;
            owed_total += cell.owed_fen.unwrap_or(0) - cell.paid_fen;
            from = Some(m);
            m = m.plus(-1);
        }
        (n, owed_total, from)
    }

    /// Members with three or more consecutive unpaid months up to the month
    /// before `current` (warn), six or more (flag), longest run first.
    pub(super) fn arrears_list(&self, current: Month) -> Vec<Arrears> {
        let mut out: Vec<Arrears> = Vec::new();
        for (&id, t) in &self.timelines {
            let (n, owed, from) = self.arrears(id, current);
            if n < 3 {
                continue;
            }
            let (Some(from), to) = (from, current.plus(-1)) else {
                continue;
            };
            let level = if n >= 6 { "flag" } else { "warn" };
            let message = if n >= 6 {
                format!("{}已连续 {n} 个月未交党费（{}至{}），按党章第九条，没有正当理由的应视为自行脱党，请支部及时了解情况", t.name, from.label(), to.label())
            } else {
                format!(
                    "{}已连续 {n} 个月未交党费（{}至{}），共 {} 元，请提醒交纳",
                    t.name,
                    from.label(),
                    to.label(),
                    yuan(owed)
                )
            };
            out.push(Arrears {
                member_id: id,
                name: t.name.clone(),
                months: n,
                from,
                to,
                owed_fen: owed,
                level,
                message,
            });
        }
        out.sort_by(|a, b| b.months.cmp(&a.months).then(a.member_id.cmp(&b.member_id)));
        out
    }
}

pub(super) fn parse_day(
    e: &mut FieldErrors,
    field: &'static str,
    label: &str,
    text: &str,
    today: NaiveDate,
) -> Option<NaiveDate> {
    match PartialDate::parse_opt(text) {
        Ok(Some(PartialDate::Day(d))) if d > today => {
            e.add(field, format!("{label}不能晚于今天"));
            None
        }
        Ok(Some(PartialDate::Day(d))) => Some(d),
        Ok(_) => {
            e.add(field, format!("请填写{label}，如 2026-11-05"));
            None
        }
        Err(err) => {
            e.add(field, err.to_string());
            None
        }
    }
}

pub(super) fn parse_month(e: &mut FieldErrors, field: &'static str, label: &str, text: &str) -> Option<Month> {
    let m = Month::parse(text);
    if m.is_none() {
        e.add(field, format!("{label}请写成 2026-03 这样的年月"));
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::members::MemberKind;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn member(transfers: Vec<TransferMark>) -> Timeline {
        Timeline {
            name: "张三".into(),
            kind: MemberKind::Full,
            admitted: Some(PartialDate::Day(day(2000, 7, 1))),
            full_member_on: None,
            group_id: None,
            deleted: false,
            statuses: Vec::new(),
            transfers,
            group_changes: Vec::new(),
        }
    }

    fn letter(date: NaiveDate, direction: TransferDirection, dues_paid_to: Option<(i32, u32)>) -> TransferMark {
        TransferMark { date, direction, dues_paid_to }
    }

    #[test]
    fn a_month_is_owed_from_admission_on() {
        let t = member(Vec::new());
        assert!(!owes(&t, Month { year: 2000, month: 6 }));
        assert!(owes(&t, Month { year: 2000, month: 7 }));
        assert!(owes(&t, Month { year: 2026, month: 3 }));
    }

    #[test]
    fn transfer_letters_decide_which_branch_a_month_is_owed_in() {
        // In with dues paid to 2026-02: owed here from March.
        let came = member(vec![letter(day(2026, 2, 10), TransferDirection::In, Some((2026, 2)))]);
        assert!(!months_here(&came, Month { year: 2026, month: 2 }));
        assert!(months_here(&came, Month { year: 2026, month: 3 }));
        // Out without a month on the letter: the month of the transfer is still owed here.
        let left = member(vec![letter(day(2026, 5, 20), TransferDirection::Out, None)]);
        assert!(months_here(&left, Month { year: 2026, month: 5 }));
        assert!(!months_here(&left, Month { year: 2026, month: 6 }));
    }

    #[test]
    fn form_days_and_months_are_parsed_or_reported() {
        let today = day(2026, 11, 27);
        let mut e = FieldErrors::default();
        assert_eq!(parse_day(&mut e, "paid_on", "交费日期", "2026-11-05", today), Some(day(2026, 11, 5)));
        assert_eq!(parse_month(&mut e, "month", "收缴月份", "2026-03"), Some(Month { year: 2026, month: 3 }));
        assert!(!e.has("paid_on") && !e.has("month"));
        assert_eq!(parse_day(&mut e, "paid_on", "交费日期", "2026-12-01", today), None);
        assert_eq!(parse_day(&mut e, "later", "交费日期", "2026-11", today), None);
        assert_eq!(parse_month(&mut e, "month", "收缴月份", "三月"), None);
        assert!(e.has("paid_on") && e.has("later") && e.has("month"));
    }
}
