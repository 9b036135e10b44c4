//! 流动党员 on the command line: `member away|back|contact` and `dues
//! elsewhere`, over the same core functions as the window (mobile/ in the core).

use super::*;
use zhibu_core::mobile::{ContactForm, ElsewhereForm, PeriodForm};
use zhibu_core::PartialDate;

pub(super) fn run_member_mobile(
    store: &mut Store,
    action: MemberAction,
    today: NaiveDate,
    as_json: bool,
) -> Result<(), Error> {
    match action {
        MemberAction::List { .. } => unreachable!("member list is run in run.rs"),
        MemberAction::Away { id, from, to, place, work, org, org_contact, card, contact_person } => {
            let form = PeriodForm {
                member_id: id,
                left_on: from,
                back_on: to,
                place,
                work,
                host_org: org,
                host_contact: org_contact,
                card_number: card,
                contact_person,
                ..Default::default()
            };
            let p = store.record_mobile_period(&form, today)?;
            if as_json {
                say_json(&serde_json::json!({ "id": p.id }));
            } else {
                say!(
                    "已登记外出：{}，{}起在{}（编号 {}）",
                    p.name,
                    PartialDate::Day(p.left_on).to_chinese(),
                    p.where_label,
                    p.id
                );
            }
        }
        MemberAction::Back { id, date } => {
            let p = store.record_mobile_back(id, &date, today)?;
            if as_json {
                say_json(&serde_json::json!({ "id": p.id }));
            } else {
                say!("已登记返回：{}", p.name);
            }
        }
        MemberAction::Contact { id, date, how, note, by, suggestions } => {
            let form =
                ContactForm { member_id: id, contacted_on: date, contacted_by: by, how, content: note, suggestions };
            let c = store.record_mobile_contact(&form, today)?;
            if as_json {
                say_json(&serde_json::json!({ "id": c.id }));
            } else {
                say!("已记录联系：{}（{}）", c.name, c.how_label);
            }
        }
    }
    Ok(())
}

pub(super) fn run_dues_elsewhere(
    store: &mut Store,
    id: i64,
    month: String,
    org: String,
    date: String,
    today: NaiveDate,
    as_json: bool,
) -> Result<(), Error> {
    let form = ElsewhereForm { member_id: id, month, org, paid_on: date, note: String::new() };
    let x = store.record_dues_elsewhere(&form, today)?;
    if as_json {
        say_json(&serde_json::json!({ "id": x.id }));
    } else {
        say!("已登记：{}在流入地缴纳（{}）", x.month.label(), x.org);
    }
    Ok(())
}
