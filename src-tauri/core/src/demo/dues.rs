//! A year of dues for the demo branch: assessments in January, collection
//! on the 主题党日 each month, a few late payers, one member who stopped
//! paying, migrant workers paying months back, a remittance each quarter.

use crate::dues::{assess_in, record_payment_in, remit_in, AssessmentForm, Month, PaymentForm, RemittanceForm};
use crate::error::Result;
use crate::members::{CommitteeRole, Member, MemberKind};
use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

/// A payment the rules refuse is simply not part of the demo; any other
/// error ends the load (and its transaction).
fn skip_refused(r: Result<i64>) -> Result<()> {
    match r {
        Ok(_) | Err(crate::Error::Validation(_)) => Ok(()),
        Err(e) => Err(e),
    }
}

pub(crate) fn load(conn: &Connection, roster: &[Member], today: NaiveDate) -> Result<()> {
    let year = today.year();
    let start = Month { year, month: 1 };
    let current = Month::of(today);
    // Everyone who owed any month this year: those transferred out since, too.
    let everyone: Vec<&Member> = roster.iter().filter(|m| !m.deleted).collect();
    let live: Vec<&Member> = everyone.iter().copied().filter(|m| m.on_roster()).collect();
    for (i, m) in everyone.iter().enumerate() {
        let (category, base) = match m.committee_role {
            Some(CommitteeRole::Secretary | CommitteeRole::DeputySecretary) => ("in_service", "3280.00"),
            _ if m.birth_date.year() < 1958 && i % 3 == 0 => ("retired", "4650.00"),
            _ if i % 17 == 5 => ("relief", ""),
            _ => ("farmer", ""),
        };
        let admitted = m.admitted_on.map(|a| Month { year: a.year(), month: a.month_number() });
        let from = admitted.filter(|a| *a > start).unwrap_or(start);
        assess_in(
            conn,
            &AssessmentForm {
                member_id: m.id,
                from_month: from.to_string(),
                category: category.into(),
                base: base.into(),
                note: format!("{year}年度核定"),
                ..Default::default()
            },
        )?;
    }
    let collector = live
        .iter()
        .find(|m| m.committee_role == Some(CommitteeRole::Organization))
        .map(|m| m.name.clone())
        .unwrap_or_default();
    // One who stopped paying after July (a 3-month warning by November).
    let late = live.iter().find(|m| m.kind == MemberKind::Full && m.committee_role.is_none() && !m.mobile);
    let mut m = start;
    while m <= current {
        let Some(day) = NaiveDate::from_ymd_opt(m.year, m.month, 5).filter(|d| *d <= today) else { break };
        for member in &everyone {
            let paid_through_july = late.is_some_and(|l| l.id == member.id) && m.month > 7;
            // Migrant workers pay a quarter at a time, when they are home.
            let quarterly = member.mobile;
            if member.lost_contact || paid_through_july || quarterly {
                continue;
            }
            let form = PaymentForm {
                member_id: member.id,
                paid_on: day.to_string(),
                kind: "dues".into(),
                months: vec![m.to_string()],
                receipt_no: format!("{}{:02}-{:03}", m.year, m.month, member.id),
                collector: collector.clone(),
                ..Default::default()
            };
            // Months before a member's admission are not owed: skip those.
            skip_refused(record_payment_in(conn, &form, today))?;
        }
        if m.month % 3 == 0 {
            for member in live.iter().filter(|x| x.mobile) {
                let months: Vec<String> = (0..3).map(|k| m.plus(-k).to_string()).collect();
                let form = PaymentForm {
                    member_id: member.id,
                    paid_on: day.to_string(),
                    kind: "dues".into(),
                    months,
                    collector: collector.clone(),
                    note: "外出务工，回乡时补交".into(),
                    ..Default::default()
                };
                skip_refused(record_payment_in(conn, &form, today))?;
            }
        }
        // The quarter's dues handed up on the 10th of the next month.
        if m.month % 3 == 1 && m > start {
            let q_end = m.plus(-1);
            let q_start = m.plus(-3);
            let collected: i64 = conn.query_row(
                "SELECT COALESCE(SUM(pm.amount_fen), 0) FROM dues_payment_months pm WHERE pm.month >= ?1 AND pm.month <= ?2",
                [q_start.to_string(), q_end.to_string()],
                |r| r.get(0),
            )?;
            if let Some(on) = NaiveDate::from_ymd_opt(m.year, m.month, 10).filter(|d| *d <= today && collected > 0) {
                remit_in(
                    conn,
                    &RemittanceForm {
                        remitted_on: on.to_string(),
                        from_month: q_start.to_string(),
                        to_month: q_end.to_string(),
                        amount: crate::dues::money::yuan(collected),
                        handler: collector.clone(),
                        voucher: format!("青组党费〔{}〕{}号", m.year, m.month / 3 + 1),
                        note: String::new(),
                    },
                    today,
                )?;
            }
        }
        m = m.plus(1);
    }
    Ok(())
}
