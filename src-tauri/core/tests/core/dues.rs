use crate::id_for;
use chrono::NaiveDate;
use zhibu_core::dues::{AssessmentForm, MonthState, PaymentForm, RemittanceForm};
use zhibu_core::members::{MemberForm, StatusForm, TransferForm};
use zhibu_core::{Error, Store};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn member(s: &mut Store, seq: usize, admitted: &str, probationary: bool) -> i64 {
    let form = MemberForm {
        name: format!("党员{seq}"),
        id_number: id_for("19800101", &format!("{:03}", 101 + seq * 2)),
        kind: if probationary { "probationary" } else { "full" }.into(),
        admitted_on: admitted.into(),
        full_member_on: if probationary { String::new() } else { "2011-01-01".into() },
        // The dues rules care only that they are full members by then.
        full_member_reason: if probationary { String::new() } else { "按上级批复".into() },
        ..Default::default()
    };
    s.create_member(&form, d("2026-11-27")).unwrap().id
}

fn assess(s: &mut Store, id: i64, from: &str, category: &str, base: &str) {
    let form = AssessmentForm {
        member_id: id,
        from_month: from.into(),
        category: category.into(),
        base: base.into(),
        ..Default::default()
    };
    s.assess_dues(&form).unwrap();
}

fn pay(
    s: &mut Store,
    id: i64,
    paid_on: &str,
    months: &[&str],
    today: &str,
) -> Result<zhibu_core::dues::Payment, Error> {
    pay_noting(s, id, paid_on, months, today, "")
}

/// A payment with a 备注 (the reason an old month is paid back).
fn pay_noting(
    s: &mut Store,
    id: i64,
    paid_on: &str,
    months: &[&str],
    today: &str,
    note: &str,
) -> Result<zhibu_core::dues::Payment, Error> {
    let form = PaymentForm {
        member_id: id,
        paid_on: paid_on.into(),
        kind: "dues".into(),
        months: months.iter().map(|m| m.to_string()).collect(),
        receipt_no: "NO.1".into(),
        collector: "组织委员".into(),
        note: note.into(),
        ..Default::default()
    };
    s.record_payment(&form, d(today))
}

/// A branch of two members, both in service at 3000 元 a month (15 元 dues) from `from`.
fn two_in_service(from: &str) -> (Store, i64, i64) {
    let mut s = Store::open_in_memory().unwrap();
    let a = member(&mut s, 0, "2010-01-01", false);
    let b = member(&mut s, 1, "2010-01-01", false);
    for id in [a, b] {
        assess(&mut s, id, from, "in_service", "3000");
    }
    (s, a, b)
}

fn states(s: &Store, id: i64, year: i32, today: &str) -> Vec<MonthState> {
    let grid = s.dues_grid(year, d(today)).unwrap();
    grid.rows.iter().find(|r| r.member_id == id).map(|r| r.cells.iter().map(|c| c.state).collect()).unwrap_or_default()
}

#[test]
fn the_grid_follows_assessments_and_a_mid_year_income_change() {
    let mut s = Store::open_in_memory().unwrap();
    let a = member(&mut s, 0, "2010-01-01", false);
    assess(&mut s, a, "2026-01", "in_service", "3000.01");
    assess(&mut s, a, "2026-07", "in_service", "5000.01");
    let grid = s.dues_grid(2026, d("2026-11-27")).unwrap();
    let row = &grid.rows[0];
    assert_eq!(row.cells[0].owed_fen, Some(3000));
    assert_eq!(row.cells[5].owed_fen, Some(3000));
    assert_eq!(row.cells[6].owed_fen, Some(7500), "the new income applies from July");
    assert_eq!(row.cells[0].state, MonthState::Owed);
    assert_eq!(row.cells[11].state, MonthState::Future);
    assert_eq!(row.rate_label.as_deref(), Some("1.5%"));
    assert_eq!(row.arrears_months, 10, "January to October unpaid");
    // A warning for a base near an edge comes back with the assessment.
    let (_, warnings) = s
        .assess_dues(&AssessmentForm {
            member_id: a,
            from_month: "2026-12".into(),
            category: "in_service".into(),
            base: "2990".into(),
            ..Default::default()
        })
        .unwrap();
    assert!(warnings[0].contains("档次线"));
}

#[test]
fn probationary_members_owe_from_admission_and_nobody_owes_after_leaving() {
    let mut s = Store::open_in_memory().unwrap();
    let p = member(&mut s, 0, "2026-05-20", true);
    let gone = member(&mut s, 1, "2000-01-01", false);
    let moved = member(&mut s, 2, "2000-01-01", false);
    let came = member(&mut s, 3, "2000-01-01", false);
    for id in [p, gone, moved, came] {
        assess(&mut s, id, "2026-01", "farmer", "");
    }
    let today = d("2026-11-27");
    s.change_status(
        gone,
        &StatusForm { status: "deceased".into(), date: "2026-03-10".into(), reason: "病故".into() },
        today,
    )
    .unwrap();
    let t = |direction: &str, date: &str| TransferForm {
        direction: direction.into(),
        date: date.into(),
        other_branch: "中共某村支部委员会".into(),
        ..Default::default()
    };
    s.add_transfer(moved, &t("out", "2026-06-15"), today).unwrap();
    s.add_transfer(came, &t("in", "2026-09-01"), today).unwrap();
    use MonthState::*;
    let p_states = states(&s, p, 2026, "2026-11-27");
    assert_eq!(&p_states[..6], &[NotMember, NotMember, NotMember, NotMember, Owed, Owed]);
    let g = states(&s, gone, 2026, "2026-11-27");
    assert_eq!(&g[..4], &[Owed, Owed, Owed, NotMember], "owes March, the month of death, not April");
    let m = states(&s, moved, 2026, "2026-11-27");
    assert_eq!(&m[5..7], &[Owed, NotMember], "owes June, the month of the transfer out");
    let c = states(&s, came, 2026, "2026-11-27");
    assert_eq!(
        &c[7..10],
        &[NotMember, NotMember, Owed],
        "a letter naming no month: September is owed in the branch left, this one collects from October"
    );
    // Farmers pay the branch's amount (0.50 by default).
    assert_eq!(s.dues_grid(2026, today).unwrap().rows[0].cells[4].owed_fen, Some(50));
}

#[test]
fn back_and_advance_payments_across_the_year_boundary() {
    let mut s = Store::open_in_memory().unwrap();
    let a = member(&mut s, 0, "2010-01-01", false);
    assess(&mut s, a, "2025-01", "in_service", "3000");
    // In February 2026: three months back across New Year.
    let p = pay(&mut s, a, "2026-02-05", &["2025-11", "2025-12", "2026-01"], "2026-02-10").unwrap();
    assert_eq!((p.back_months, p.advance_months, p.amount_fen), (3, 0, 4500));
    assert_eq!(states(&s, a, 2025, "2026-02-10")[10..12], [MonthState::Paid, MonthState::Paid]);
    // In November: this month and two ahead, into next year.
    let p = pay(&mut s, a, "2026-11-20", &["2026-11", "2026-12", "2027-01"], "2026-11-27").unwrap();
    assert_eq!((p.back_months, p.advance_months), (0, 2));
    assert_eq!(states(&s, a, 2027, "2026-11-27")[0], MonthState::Paid);
    assert_eq!(states(&s, a, 2027, "2026-11-27")[1], MonthState::Future);
    // Paying a paid month again, and too many months back, are refused.
    let e = pay(&mut s, a, "2026-11-20", &["2026-11"], "2026-11-27").unwrap_err();
    assert!(matches!(&e, Error::Validation(f) if f.get("months").unwrap().contains("已经交过了")));
    let seven: Vec<String> = (4..=10).map(|m| format!("2026-{m:02}")).collect();
    let seven: Vec<&str> = seven.iter().map(String::as_str).collect();
    let e = pay(&mut s, a, "2026-11-25", &seven, "2026-11-27").unwrap_err();
    assert!(matches!(&e, Error::Validation(f) if f.get("months").unwrap().contains("2026年4月已超过补交期限")), "{e}");
    // Split in two, the older month is still too old (issue 17: two entries got around it).
    pay(&mut s, a, "2026-11-25", &seven[1..], "2026-11-27").expect("May to October: six months back");
    let e = pay(&mut s, a, "2026-11-25", &["2026-04"], "2026-11-27").unwrap_err();
    assert!(matches!(&e, Error::Validation(f) if f.get("months").unwrap().contains("请在“备注”里写明原因")), "{e}");
    // With the reason written down it is recorded, and the reason with it.
    let p = pay_noting(&mut s, a, "2026-11-25", &["2026-04"], "2026-11-27", "外出务工，经支委会同意补交").unwrap();
    assert_eq!((p.back_months, p.note.as_str()), (1, "外出务工，经支委会同意补交"));
    let e = pay(&mut s, a, "2026-11-25", &["2027-05"], "2026-11-27");
    assert!(e.is_ok(), "one month ahead within the limit is fine even if months between are open");
}

#[test]
fn arrears_count_across_years_and_warn_then_flag() {
    let mut s = Store::open_in_memory().unwrap();
    let a = member(&mut s, 0, "2010-01-01", false);
    assess(&mut s, a, "2025-01", "in_service", "3000");
    pay(&mut s, a, "2025-06-05", &["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"], "2025-06-05")
        .unwrap();
    pay(&mut s, a, "2025-09-05", &["2025-07", "2025-08", "2025-09"], "2025-09-05").unwrap();
    // Today mid-January 2026: October to December unpaid → 3 months, a warning.
    let arrears = s.dues_arrears(d("2026-01-15")).unwrap();
    assert_eq!(arrears.len(), 1);
    assert_eq!((arrears[0].months, arrears[0].level), (3, "warn"));
    assert_eq!(arrears[0].from.to_string(), "2025-10");
    assert_eq!(arrears[0].owed_fen, 4500);
    // Mid-April: October to March → 6 months, flagged.
    let arrears = s.dues_arrears(d("2026-04-15")).unwrap();
    assert_eq!((arrears[0].months, arrears[0].level), (6, "flag"));
    assert!(arrears[0].message.contains("党章第九条"));
    // Two months unpaid is not yet worth a warning.
    assert!(s.dues_arrears(d("2025-11-15")).unwrap().is_empty());
}

#[test]
fn a_run_of_arrears_older_than_two_years_is_counted_from_where_it_began() {
    // The arrears read payments of the last two years, and further back only
    // for runs that reach that far: a run begun in 2022 must still start there.
    let (mut s, a, b) = two_in_service("2022-01");
    let half: Vec<String> = (1..=6).map(|m| format!("2022-{m:02}")).collect();
    let half: Vec<&str> = half.iter().map(String::as_str).collect();
    pay(&mut s, a, "2022-06-05", &half, "2022-06-05").unwrap();
    let arrears = s.dues_arrears(d("2026-11-27")).unwrap();
    let of = |id: i64| arrears.iter().find(|x| x.member_id == id).unwrap();
    // 2022-07 … 2026-10: 52 months; b never paid: 2022-01 … 2026-10, 58.
    assert_eq!((of(a).months, of(a).from.to_string()), (52, "2022-07".to_string()));
    assert_eq!((of(b).months, of(b).from.to_string()), (58, "2022-01".to_string()));
    assert_eq!(of(a).owed_fen, 52 * 1500);
    // The grid's 欠缴月数 agrees, for the branch and on the member's own page.
    let grid = s.dues_grid(2026, d("2026-11-27")).unwrap();
    assert_eq!(grid.rows.iter().find(|r| r.member_id == a).unwrap().arrears_months, 52);
    assert_eq!(s.dues_grid_of(2026, d("2026-11-27"), Some(a)).unwrap().rows[0].arrears_months, 52);
}

#[test]
fn an_old_years_january_is_behind_only_when_the_december_before_is_unpaid() {
    // The grid of 2022 looked at in 2026: its January asks about December 2021.
    let (mut s, a, b) = two_in_service("2021-01");
    pay(&mut s, a, "2021-12-05", &["2021-12"], "2021-12-05").unwrap();
    // January 2022 missed, every month since paid: no run reaching back.
    let mut m = chrono::NaiveDate::from_ymd_opt(2022, 2, 5).unwrap();
    while m < d("2026-11-01") {
        let month = m.format("%Y-%m").to_string();
        pay(&mut s, a, &m.to_string(), &[month.as_str()], &m.to_string()).unwrap();
        m = m.checked_add_months(chrono::Months::new(1)).unwrap();
    }
    let grid = s.dues_grid(2022, d("2026-11-27")).unwrap();
    let january = |id: i64| grid.rows.iter().find(|r| r.member_id == id).unwrap().cells[0].clone();
    assert_eq!((january(a).state, january(a).behind), (MonthState::Owed, false), "December 2021 was paid");
    assert_eq!((january(b).state, january(b).behind), (MonthState::Owed, true), "December 2021 was not");
}

#[test]
fn a_members_page_reads_the_same_row_and_payments_as_the_whole_grid() {
    let (mut s, a, b) = two_in_service("2025-01");
    pay(&mut s, a, "2025-12-05", &["2025-11", "2025-12", "2026-01"], "2025-12-05").unwrap();
    pay(&mut s, b, "2026-03-05", &["2026-01", "2026-02", "2026-03"], "2026-03-05").unwrap();
    let p = pay(&mut s, a, "2026-03-06", &["2026-02", "2026-03"], "2026-03-06").unwrap();
    s.reverse_payment(p.id, "金额登记错误", d("2026-03-07")).unwrap();
    let today = d("2026-11-27");
    for year in [2025, 2026, 2027] {
        let all = s.dues_grid(year, today).unwrap();
        let mine = s.dues_grid_of(year, today, Some(a)).unwrap();
        assert_eq!(mine.rows.len(), 1, "{year}: only the member's row");
        assert_eq!(&mine.rows[0], all.rows.iter().find(|r| r.member_id == a).unwrap(), "{year}");
        assert_eq!(mine.total_fen, mine.rows[0].total_fen);
        let everyone = s.dues_payments(year).unwrap();
        let theirs: Vec<_> = everyone.into_iter().filter(|x| x.member_id == a).collect();
        assert_eq!(s.dues_payments_of(year, Some(a)).unwrap(), theirs, "{year}");
    }
    let payments = s.dues_payments_of(2026, Some(a)).unwrap();
    assert_eq!(payments.len(), 2, "the payment and its reversal");
    assert_eq!(payments[0].months.len(), 2, "the reversal lists the months it reopens");
    assert_eq!(payments[1].reversed_by, Some(payments[0].id));
    assert_eq!(s.dues_payments_of(2025, Some(a)).unwrap()[0].advance_months, 1);
}

#[test]
fn a_reversal_keeps_both_entries_and_reopens_the_months() {
    let mut s = Store::open_in_memory().unwrap();
    let a = member(&mut s, 0, "2010-01-01", false);
    assess(&mut s, a, "2026-01", "in_service", "3000");
    let p = pay(&mut s, a, "2026-03-05", &["2026-02", "2026-03"], "2026-03-10").unwrap();
    assert!(s.reverse_payment(p.id, "", d("2026-03-10")).is_err(), "a reason is needed");
    let r = s.reverse_payment(p.id, "登记错了人", d("2026-03-10")).unwrap();
    assert_eq!(r.amount_fen, -3000);
    assert_eq!(r.reverses_id, Some(p.id));
    assert_eq!(states(&s, a, 2026, "2026-03-10")[1], MonthState::Owed);
    let all = s.dues_payments(2026).unwrap();
    assert_eq!(all.len(), 2, "both entries kept");
    assert_eq!(all.iter().find(|x| x.id == p.id).unwrap().reversed_by, Some(r.id));
    assert!(s.reverse_payment(p.id, "again", d("2026-03-10")).is_err());
    assert!(s.reverse_payment(r.id, "undo", d("2026-03-10")).is_err());
    assert_eq!(s.dues_balance().unwrap().collected_fen, 0);
}

#[test]
fn extra_payments_and_the_large_payment_flag() {
    let mut s = Store::open_in_memory().unwrap();
    let a = member(&mut s, 0, "2010-01-01", false);
    let form = PaymentForm {
        member_id: a,
        paid_on: "2026-07-01".into(),
        kind: "extra".into(),
        amount: "1000".into(),
        ..Default::default()
    };
    let p = s.record_payment(&form, d("2026-07-01")).unwrap();
    assert!(p.large);
    assert_eq!(s.dues_grid(2026, d("2026-07-01")).unwrap().extra_fen, 100000);
    let small = PaymentForm { amount: "999.99".into(), ..form };
    assert!(!s.record_payment(&small, d("2026-07-01")).unwrap().large);
}

#[test]
fn collection_day_marks_the_month_for_everyone_who_owes_it() {
    let mut s = Store::open_in_memory().unwrap();
    let ids: Vec<i64> = (0..4).map(|i| member(&mut s, i, "2010-01-01", false)).collect();
    for &id in &ids[..3] {
        assess(&mut s, id, "2026-01", "farmer", "");
    }
    pay(&mut s, ids[0], "2026-11-01", &["2026-11"], "2026-11-27").unwrap();
    // ids[0] already paid, ids[3] has no amount: two payments.
    let done = s.collect_month(&ids, "2026-11", "2026-11-05", "组织委员", d("2026-11-27")).unwrap();
    assert_eq!(done.iter().map(|p| p.member_id).collect::<Vec<_>>(), &ids[1..3]);
    assert!(s.collect_month(&ids, "2026-11", "2026-11-05", "组织委员", d("2026-11-27")).is_err());
}

#[test]
fn remittances_cannot_exceed_what_was_collected() {
    let mut s = Store::open_in_memory().unwrap();
    let a = member(&mut s, 0, "2010-01-01", false);
    assess(&mut s, a, "2026-01", "in_service", "3000");
    pay(&mut s, a, "2026-03-05", &["2026-01", "2026-02", "2026-03"], "2026-03-10").unwrap();
    let form = RemittanceForm {
        remitted_on: "2026-04-02".into(),
        from_month: "2026-01".into(),
        to_month: "2026-03".into(),
        amount: "45.00".into(),
        handler: "组织委员".into(),
        voucher: "青组收〔2026〕5号".into(),
        note: String::new(),
    };
    let r = s.record_remittance(&form, d("2026-04-10")).unwrap();
    assert_eq!(r.amount_fen, 4500);
    let b = s.dues_balance().unwrap();
    assert_eq!((b.collected_fen, b.remitted_fen, b.balance_fen), (4500, 4500, 0));
    let e = s.record_remittance(&RemittanceForm { amount: "0.01".into(), ..form }, d("2026-04-10")).unwrap_err();
    assert!(matches!(&e, Error::Validation(f) if f.get("amount").unwrap().contains("超过了支部现有党费结余")));
}

/// Whatever is paid and reversed, the grid's totals equal the sum of the
/// ledger's entries for those months, and the balance equals all payments.
#[test]
fn the_grid_totals_always_equal_the_sum_of_entries() {
    let mut s = Store::open_in_memory().unwrap();
    let ids: Vec<i64> = (0..6).map(|i| member(&mut s, i, "2010-01-01", false)).collect();
    let bases = ["1500", "3000", "3000.01", "5000", "8000.55", "12000"];
    for (id, base) in ids.iter().zip(bases) {
        assess(&mut s, *id, "2025-07", "in_service", base);
    }
    // A small deterministic generator: the same 600 steps every run.
    let mut seed: u64 = 0x5EED_2026;
    let mut next = |n: u64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let today = d("2026-11-27");
    let mut payments = Vec::new();
    for _ in 0..600 {
        let id = ids[next(ids.len() as u64) as usize];
        match next(10) {
            0..=6 => {
                let start = next(17) as i32; // 2025-07 .. 2026-11
                let len = 1 + next(3) as i32;
                let months: Vec<String> = (start..start + len)
                    .map(|i| {
                        let idx = 2025 * 12 + 6 + i;
                        format!("{:04}-{:02}", idx / 12, idx % 12 + 1)
                    })
                    .collect();
                let paid_on = format!("2026-{:02}-05", 1 + next(11));
                let refs: Vec<&str> = months.iter().map(String::as_str).collect();
                if let Ok(p) = pay(&mut s, id, &paid_on, &refs, "2026-11-27") {
                    payments.push(p.id);
                }
            }
            7 if !payments.is_empty() => {
                let p = payments[next(payments.len() as u64) as usize];
                let _ = s.reverse_payment(p, "随机冲正", today);
            }
            _ => {
                let extra = PaymentForm {
                    member_id: id,
                    paid_on: "2026-06-01".into(),
                    kind: "extra".into(),
                    amount: format!("{}.{:02}", next(50), next(100)),
                    ..Default::default()
                };
                let _ = s.record_payment(&extra, today);
            }
        }
    }
    let reversals = s.dues_payments(2026).unwrap().iter().filter(|p| p.reverses_id.is_some()).count();
    assert!(payments.len() > 60 && reversals > 20, "{} payments, {reversals} reversals", payments.len());
    let mut all_entries = 0i64;
    for year in [2025, 2026] {
        let grid = s.dues_grid(year, today).unwrap();
        let row_sum: i64 = grid.rows.iter().map(|r| r.total_fen).sum();
        let cells_sum: i64 = grid.rows.iter().flat_map(|r| r.cells.iter()).map(|c| c.paid_fen).sum();
        assert_eq!(grid.total_fen, row_sum);
        assert_eq!(grid.total_fen, cells_sum);
        assert_eq!(grid.month_totals.iter().sum::<i64>(), grid.total_fen);
        let payments = s.dues_payments(year).unwrap();
        for p in &payments {
            if p.kind == "extra" {
                assert!(p.months.is_empty());
            } else {
                assert_eq!(p.amount_fen, p.months.iter().map(|m| m.amount_fen).sum::<i64>(), "{p:?}");
            }
        }
        all_entries += grid.total_fen + grid.extra_fen;
        // No month is ever paid more than once net, nor below zero.
        for c in grid.rows.iter().flat_map(|r| r.cells.iter()) {
            assert!(c.paid_fen >= 0 && c.paid_fen <= c.owed_fen.unwrap_or(0), "{c:?}");
        }
    }
    // Entries for months outside 2025–2026 (advance into 2027) are all there is besides.
    let later: i64 = s.dues_grid(2027, today).unwrap().total_fen;
    assert_eq!(s.dues_balance().unwrap().collected_fen, all_entries + later);
}

#[test]
fn the_transfer_letter_decides_which_branch_a_month_is_owed_in() {
    // 2008 党费规定 第九条 (docs/DOMAIN.md §2): the letter says up to which
    // month dues were paid; the receiving branch collects from the next one.
    let mut s = Store::open_in_memory().unwrap();
    let came = member(&mut s, 0, "2010-01-01", false);
    let left = member(&mut s, 1, "2010-01-01", false);
    for id in [came, left] {
        assess(&mut s, id, "2026-01", "farmer", "");
    }
    let today = d("2026-11-27");
    let letter = |direction: &str, date: &str, paid_to: &str| TransferForm {
        direction: direction.into(),
        date: date.into(),
        other_branch: "中共西岭村支部委员会".into(),
        letter_number: "青组转字〔2026〕12号".into(),
        dues_paid_to: paid_to.into(),
        ..Default::default()
    };
    s.add_transfer(came, &letter("in", "2026-09-10", "2026-10"), today).unwrap();
    s.add_transfer(left, &letter("out", "2026-06-15", "2026-05"), today).unwrap();
    use MonthState::*;
    let c = states(&s, came, 2026, "2026-11-27");
    assert_eq!(&c[8..11], &[NotMember, NotMember, Owed], "paid to October in the old branch: owed here from November");
    let l = states(&s, left, 2026, "2026-11-27");
    assert_eq!(&l[4..7], &[Owed, NotMember, NotMember], "the letter says paid to May: June is the new branch's");
}

#[test]
fn the_grid_says_which_months_a_payment_may_list_and_the_payment_agrees() {
    let mut s = Store::open_in_memory().unwrap();
    let today = "2026-11-27";
    let newcomer = member(&mut s, 0, "2026-05-20", true);
    let moved = member(&mut s, 1, "2000-01-01", false);
    let unassessed = member(&mut s, 2, "2000-01-01", false);
    let exempt = member(&mut s, 3, "2000-01-01", false);
    for id in [newcomer, moved] {
        assess(&mut s, id, "2026-01", "farmer", "");
    }
    s.assess_dues(&AssessmentForm {
        member_id: exempt,
        from_month: "2026-01".into(),
        category: "hardship".into(),
        fixed: "0".into(),
        decision: "2026-01-10 镇党委批复免交".into(),
        ..Default::default()
    })
    .unwrap();
    let letter = TransferForm {
        direction: "out".into(),
        date: "2026-06-15".into(),
        other_branch: "中共某村支部委员会".into(),
        ..Default::default()
    };
    s.add_transfer(moved, &letter, d(today)).unwrap();
    pay(&mut s, newcomer, "2026-06-05", &["2026-05"], today).unwrap();

    let grid = s.dues_grid(2026, d(today)).unwrap();
    let payable = |id: i64| -> Vec<bool> {
        grid.rows.iter().find(|r| r.member_id == id).unwrap().cells.iter().map(|c| c.payable).collect()
    };
    let (t, f) = (true, false);
    // Not before admission (January–April), not a month already paid (May);
    // owed months (June–November) and the month not yet due (December) are.
    assert_eq!(payable(newcomer), [f, f, f, f, f, t, t, t, t, t, t, t]);
    // Owed up to June, the month of the transfer out; not after it.
    assert_eq!(payable(moved), [t, t, t, t, t, t, f, f, f, f, f, f]);
    // Nothing assessed, or exempt: nothing to pay.
    assert_eq!(payable(unassessed), [f; 12]);
    assert_eq!(payable(exempt), [f; 12]);

    // The payment refuses exactly the months the grid says are not payable.
    for row in &grid.rows {
        for cell in &row.cells {
            let month = cell.month.to_string();
            // (A month beyond the 补交 window takes a reason, given here.)
            let paid = pay_noting(&mut s, row.member_id, today, &[month.as_str()], today, "补交原因");
            assert_eq!(paid.is_ok(), cell.payable, "{} {month}: {paid:?}", row.name);
        }
    }
}

/// 收缴日 ticks only members whose month is simply due (issue 17, item 5):
/// a month is `behind` when the month before is still owed too.
#[test]
fn a_month_is_behind_when_the_month_before_is_still_owed() {
    let mut s = Store::open_in_memory().unwrap();
    s.load_demo(d("2026-11-27")).unwrap();
    let grid = s.dues_grid(2026, d("2026-11-27")).unwrap();
    let row = |name: &str| grid.rows.iter().find(|r| r.name == name).unwrap();
    let behind = |name: &str| row(name).cells.iter().map(|c| c.behind).collect::<Vec<_>>();
    let (f, t) = (false, true);
    // 朱慧 has paid nothing this year: January is her first owed month, then she is behind.
    assert_eq!(behind("朱慧")[..11], [f, t, t, t, t, t, t, t, t, t, t]);
    // 高玉林 paid to July: August is simply due, September on are behind.
    assert_eq!(behind("高玉林")[6..11], [f, f, t, t, t]);
    // Paid up: nothing is behind, and November is simply due where owed.
    assert!(behind("马俊杰").iter().all(|b| !b));
}

// ---------- 批量核定 ----------

fn batch_row(p: &zhibu_core::dues::BatchAssessPreview, id: i64) -> &zhibu_core::dues::BatchAssessRow {
    p.rows.iter().find(|r| r.member_id == id).expect("listed in the preview")
}

#[test]
fn the_batch_preview_lists_who_is_assessed_and_who_is_skipped_and_why() {
    let mut s = Store::open_in_memory().unwrap();
    let farmer = member(&mut s, 0, "2010-01-01", false);
    let already = member(&mut s, 1, "2010-01-01", false);
    let later = member(&mut s, 2, "2026-11-05", true);
    let assessed_later = member(&mut s, 3, "2010-01-01", false);
    let gone = member(&mut s, 4, "2010-01-01", false);
    assess(&mut s, already, "2026-01", "in_service", "4000");
    assess(&mut s, assessed_later, "2027-01", "farmer", "");
    s.delete_member(gone).unwrap();
    let today = d("2026-11-27");

    let p = s.preview_batch_assessment("farmer", "2026-10", today).unwrap();
    assert_eq!(p.from_month.to_string(), "2026-10");
    assert_eq!(p.monthly_fen, Some(50), "the branch's farmer amount, 0.50 by default");
    assert_eq!((p.assessable, p.one_by_one), (1, 2));
    assert!(p.rows.iter().all(|r| r.member_id != gone), "a deleted member is not listed");
    assert_eq!(p.rows[0].member_id, farmer, "the assessed first");
    let f = batch_row(&p, farmer);
    assert_eq!((f.monthly_fen, f.skipped.as_deref(), f.one_by_one), (Some(50), None, false));
    let a = batch_row(&p, already);
    assert_eq!(a.monthly_fen, None);
    let why = a.skipped.as_deref().unwrap();
    assert!(why.starts_with("已核定") && why.contains("2026年1月") && why.contains("40.00"), "{why}");
    assert!(!a.one_by_one);
    let l = batch_row(&p, later);
    assert!(l.one_by_one && l.skipped.as_deref().unwrap().contains("从2026年11月起"), "{:?}", l.skipped);
    let al = batch_row(&p, assessed_later);
    assert!(al.one_by_one && al.skipped.as_deref().unwrap().contains("2027年1月"), "{:?}", al.skipped);

    // A category by income: the batch cannot know anyone's 基数.
    let p = s.preview_batch_assessment("in_service", "2026-10", today).unwrap();
    assert_eq!((p.assessable, p.monthly_fen), (0, None));
    let f = batch_row(&p, farmer);
    assert!(f.one_by_one && f.skipped.as_deref().unwrap().starts_with("需要逐个核定"), "{:?}", f.skipped);
    assert!(f.skipped.as_deref().unwrap().contains("基数"));
    let h = s.preview_batch_assessment("hardship", "2026-10", today).unwrap();
    assert!(batch_row(&h, farmer).skipped.as_deref().unwrap().contains("批准"));

    // Bad input is refused in words, per field.
    match s.preview_batch_assessment("", "2026-13", today) {
        Err(Error::Validation(e)) => {
            assert!(e.get("category").unwrap().contains("请选择党费类别"));
            assert!(e.get("from_month").unwrap().contains("2026-03"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_batch_starts_by_default_from_the_books_of_this_year_or_this_month() {
    let mut s = Store::open_in_memory().unwrap();
    member(&mut s, 0, "2010-01-01", false);
    let p = s.preview_batch_assessment("farmer", "", d("2026-11-27")).unwrap();
    assert_eq!(p.from_month.to_string(), "2026-11", "no 建账日期: the current month");
    let branch = zhibu_core::branch::BranchForm {
        name: "中共东山村支部委员会".into(),
        records_from: Some("2026-09-15".into()),
        ..Default::default()
    };
    s.save_branch(&branch, d("2026-11-27")).unwrap();
    let p = s.preview_batch_assessment("farmer", " ", d("2026-11-27")).unwrap();
    assert_eq!(p.from_month.to_string(), "2026-09", "the books start in September");
    let p = s.preview_batch_assessment("farmer", "", d("2027-02-03")).unwrap();
    assert_eq!(p.from_month.to_string(), "2027-02", "books of an earlier year: the current month");
}

#[test]
fn a_batch_is_all_or_nothing() {
    let mut s = Store::open_in_memory().unwrap();
    let a = member(&mut s, 0, "2010-01-01", false);
    let b = member(&mut s, 1, "2010-01-01", false);
    let already = member(&mut s, 2, "2010-01-01", false);
    assess(&mut s, already, "2026-01", "farmer", "");
    let today = d("2026-11-27");
    let nothing_written = |s: &Store| {
        assert!(s.dues_assessments(a).unwrap().is_empty());
        assert!(s.dues_assessments(b).unwrap().is_empty());
        assert_eq!(s.dues_assessments(already).unwrap().len(), 1);
    };

    // One member the batch would skip refuses the whole batch, by name.
    match s.assess_batch("farmer", "2026-11", &[a, b, already], today) {
        Err(Error::Validation(e)) => {
            let m = e.get("members").unwrap();
            assert!(m.contains("这次没有核定任何人") && m.contains("党员2") && m.contains("已核定"), "{m}");
            assert!(!m.contains("党员0"), "only the refused are named: {m}");
        }
        other => panic!("{other:?}"),
    }
    nothing_written(&s);
    // An unknown member, a category needing a 基数, nobody: refused too.
    assert!(matches!(s.assess_batch("farmer", "2026-11", &[a, 9999], today), Err(Error::Validation(_))));
    assert!(matches!(s.assess_batch("retired", "2026-11", &[a, b], today), Err(Error::Validation(_))));
    assert!(matches!(s.assess_batch("farmer", "2026-11", &[], today), Err(Error::Validation(_))));
    assert!(matches!(s.assess_batch("farmer", "11月", &[a], today), Err(Error::Validation(_))));
    nothing_written(&s);

    assert_eq!(s.assess_batch("farmer", "2026-11", &[a, b, a], today).unwrap(), 2);
    for id in [a, b] {
        let list = s.dues_assessments(id).unwrap();
        assert_eq!(list.len(), 1, "once each, even when named twice");
        assert_eq!((list[0].from_month.to_string(), list[0].monthly_fen), ("2026-11".into(), 50));
        assert_eq!(list[0].note, "批量核定");
    }
    use MonthState::*;
    assert_eq!(&states(&s, a, 2026, "2026-11-27")[9..12], &[Unassessed, Owed, Future]);
    // Done once: a second run skips them all and writes nothing.
    assert!(s.assess_batch("farmer", "2026-11", &[a], today).is_err());
    assert_eq!(s.dues_assessments(a).unwrap().len(), 1);
}

#[test]
fn a_batch_gives_the_amounts_one_by_one_gives() {
    let mut s = Store::open_in_memory().unwrap();
    let settings = zhibu_core::dues::DuesSettingsForm {
        farmer_amount: "0.8".into(),
        rounding_fen: 10,
        max_back_months: 6,
        max_advance_months: 6,
    };
    s.save_dues_settings(&settings).unwrap();
    let today = d("2026-11-27");
    for (i, category) in ["farmer", "student", "unemployed", "relief"].into_iter().enumerate() {
        let by_batch = member(&mut s, 10 + 2 * i, "2010-01-01", false);
        let by_hand = member(&mut s, 11 + 2 * i, "2010-01-01", false);
        let p = s.preview_batch_assessment(category, "2026-01", today).unwrap();
        assert_eq!(s.assess_batch(category, "2026-01", &[by_batch], today).unwrap(), 1);
        assess(&mut s, by_hand, "2026-01", category, "");
        let (x, y) = (&s.dues_assessments(by_batch).unwrap()[0], &s.dues_assessments(by_hand).unwrap()[0]);
        assert_eq!(
            (x.category, x.monthly_fen, x.base_fen, x.fixed_fen),
            (y.category, y.monthly_fen, y.base_fen, y.fixed_fen)
        );
        assert_eq!(batch_row(&p, by_batch).monthly_fen, Some(y.monthly_fen), "the preview says what is written");
        assert_eq!(y.monthly_fen, if category == "farmer" { 80 } else { 20 });
    }
}
