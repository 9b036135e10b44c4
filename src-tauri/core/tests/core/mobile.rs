//! 流动党员 (docs/DOMAIN.md §9): periods away kept true in the member file,
//! contacts, dues paid elsewhere in the ledger, 在流入地参加 at meetings and
//! the three reminders.

use crate::id_for;
use chrono::NaiveDate;
use zhibu_core::dues::{AssessmentForm, MonthState, PaymentForm};
use zhibu_core::meetings::{Attendance, AttendeeForm, MeetingForm};
use zhibu_core::members::MemberForm;
use zhibu_core::mobile::{ContactForm, ElsewhereForm, PeriodForm};
use zhibu_core::{Error, Store};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn branch(n: usize) -> (Store, Vec<i64>) {
    let mut s = Store::open_in_memory().unwrap();
    let mut ids = Vec::new();
    for i in 0..n {
        let form = MemberForm {
            name: format!("党员{i}"),
            id_number: id_for("19800101", &format!("{:03}", 301 + i * 2)),
            kind: "full".into(),
            admitted_on: "2005-07-01".into(),
            full_member_on: "2006-07-01".into(),
            committee_role: (i < 3).then(|| ["secretary", "organization", "propaganda"][i].into()),
            ..Default::default()
        };
        ids.push(s.create_member(&form, d("2026-11-27")).unwrap().id);
    }
    (s, ids)
}

fn away(member_id: i64, from: &str) -> PeriodForm {
    PeriodForm {
        member_id,
        left_on: from.into(),
        province: "广东省".into(),
        city: "深圳市".into(),
        county: "宝安区".into(),
        work: "电子厂务工".into(),
        host_org: "宝安区流动党员党支部".into(),
        contact_person: "党员1".into(),
        ..Default::default()
    }
}

fn errors(e: Error) -> zhibu_core::FieldErrors {
    match e {
        Error::Validation(f) => f,
        other => panic!("expected validation, got {other:?}"),
    }
}

#[test]
fn a_period_away_makes_the_member_mobile_and_coming_back_ends_it() {
    let (mut s, ids) = branch(3);
    let today = d("2026-11-27");
    let p = s.record_mobile_period(&away(ids[2], "2026-03-01"), today).unwrap();
    assert_eq!(p.where_label, "广东省深圳市宝安区");
    assert_eq!(p.contact_member_id, Some(ids[1]));
    let m = s.member(ids[2]).unwrap();
    assert!(m.mobile);
    assert_eq!(m.mobile_destination, "广东省深圳市宝安区");
    // The member's own history says it, in its words.
    let h = s.member_history(ids[2]).unwrap();
    assert!(h[0].summary.contains("流动党员") && h[0].summary.contains("广东省深圳市宝安区"), "{h:?}");
    // A second period while the first is open: refused, nothing saved.
    let e = errors(s.record_mobile_period(&away(ids[2], "2026-10-01"), today).unwrap_err());
    assert!(e.get("left_on").unwrap().contains("还没有登记返回"), "{e:?}");
    assert_eq!(s.member_mobile(ids[2]).unwrap().periods.len(), 1);
    // Back before leaving: refused.
    let e = errors(s.record_mobile_back(ids[2], "2026-02-28", today).unwrap_err());
    assert!(e.get("back_on").unwrap().contains("不能早于外出日期"));
    let back = s.record_mobile_back(ids[2], "2026-10-08", today).unwrap();
    assert_eq!(back.back_on, Some(d("2026-10-08")));
    let m = s.member(ids[2]).unwrap();
    assert!(!m.mobile);
    assert_eq!(m.mobile_destination, "");
    // Back again: nothing open.
    assert!(errors(s.record_mobile_back(ids[2], "2026-11-01", today).unwrap_err()).has("back_on"));
    // A new period overlapping the closed one: refused; after it: saved.
    let e = errors(s.record_mobile_period(&away(ids[2], "2026-10-01"), today).unwrap_err());
    assert!(e.get("left_on").unwrap().contains("重叠"));
    s.record_mobile_period(&away(ids[2], "2026-10-09"), today).unwrap();
    assert!(s.member(ids[2]).unwrap().mobile);
}

#[test]
fn a_period_form_names_every_missing_field_and_saves_nothing() {
    let (mut s, ids) = branch(2);
    let form = PeriodForm { member_id: ids[1], left_on: "2026-12-01".into(), ..Default::default() };
    let e = errors(s.record_mobile_period(&form, d("2026-11-27")).unwrap_err());
    assert_eq!(e.get("left_on"), Some("外出日期不能晚于今天"));
    assert!(e.get("place").unwrap().contains("请填写外出地点"));
    assert_eq!(e.get("contact_person"), Some("请填写负责联系的支委姓名"));
    let transferred = PeriodForm { relation: "transferred".into(), ..away(ids[1], "2026-01-01") };
    let e = errors(s.record_mobile_period(&transferred, d("2026-11-27")).unwrap_err());
    assert!(e.get("relation").unwrap().contains("还没有组织关系转出记录"));
    assert!(s.member_mobile(ids[1]).unwrap().periods.is_empty());
    assert!(!s.member(ids[1]).unwrap().mobile);
}

#[test]
fn contacts_are_kept_only_while_away() {
    let (mut s, ids) = branch(3);
    let today = d("2026-11-27");
    s.record_mobile_period(&away(ids[2], "2026-03-01"), today).unwrap();
    let c = ContactForm {
        member_id: ids[2],
        contacted_on: "2026-02-20".into(),
        contacted_by: "党员1".into(),
        how: "电话".into(),
        content: "了解务工情况，传达学习要求".into(),
        ..Default::default()
    };
    let e = errors(s.record_mobile_contact(&c, today).unwrap_err());
    assert!(e.get("contacted_on").unwrap().contains("不在登记的外出期间"));
    let bad = ContactForm { how: "飞鸽".into(), content: " ".into(), ..c.clone() };
    let e = errors(s.record_mobile_contact(&bad, today).unwrap_err());
    assert!(e.has("how") && e.has("content"));
    let saved = s.record_mobile_contact(&ContactForm { contacted_on: "2026-06-01".into(), ..c }, today).unwrap();
    assert_eq!(saved.how_label, "电话");
    assert_eq!(s.member_mobile(ids[2]).unwrap().contacts.len(), 1);
}

#[test]
fn dues_paid_elsewhere_are_never_arrears_and_not_payable_here() {
    let (mut s, ids) = branch(2);
    let today = d("2026-11-27");
    let m = ids[1];
    s.assess_dues(&AssessmentForm {
        member_id: m,
        from_month: "2026-01".into(),
        category: "farmer".into(),
        ..Default::default()
    })
    .unwrap();
    // Paid here January to April; May to October nothing yet: arrears of six months.
    let pay = |s: &mut Store, months: &[&str]| {
        s.record_payment(
            &PaymentForm {
                member_id: m,
                paid_on: "2026-11-20".into(),
                kind: "dues".into(),
                months: months.iter().map(|x| x.to_string()).collect(),
                note: "经支委会同意补交".into(),
                ..Default::default()
            },
            today,
        )
    };
    pay(&mut s, &["2026-01", "2026-02", "2026-03", "2026-04"]).unwrap();
    assert_eq!(s.dues_arrears(today).unwrap().iter().find(|a| a.member_id == m).map(|a| a.months), Some(6));
    // A month paid here cannot be recorded as paid elsewhere.
    let form = |month: &str| ElsewhereForm {
        member_id: m,
        month: month.into(),
        org: "宝安区流动党员党支部".into(),
        paid_on: "2026-10-10".into(),
        ..Default::default()
    };
    let e = errors(s.record_dues_elsewhere(&form("2026-04"), today).unwrap_err());
    assert!(e.get("month").unwrap().contains("已在本支部交过"), "{e:?}");
    for month in ["2026-08", "2026-09", "2026-10"] {
        s.record_dues_elsewhere(&form(month), today).unwrap();
    }
    assert!(errors(s.record_dues_elsewhere(&form("2026-10"), today).unwrap_err())
        .get("month")
        .unwrap()
        .contains("已登记"));
    let grid = s.dues_grid(2026, today).unwrap();
    let row = grid.rows.iter().find(|r| r.member_id == m).unwrap();
    assert_eq!(row.cells[9].state, MonthState::Elsewhere);
    assert_eq!(row.cells[9].state_label, "在流入地缴纳");
    assert!(!row.cells[9].payable);
    assert_eq!(row.cells[6].state, MonthState::Owed);
    // The run of arrears up to October is broken: no member with 3+ months.
    assert!(s.dues_arrears(today).unwrap().iter().all(|a| a.member_id != m));
    // Paying an elsewhere month here is refused in words.
    let e = errors(pay(&mut s, &["2026-09"]).unwrap_err());
    assert!(e.get("months").unwrap().contains("已在流入地党组织缴纳"));
}

fn meeting(ids: &[i64], elsewhere: i64, reason: &str, kind: &str) -> MeetingForm {
    MeetingForm {
        kind: kind.into(),
        date: "2026-11-10".into(),
        topic: "学习党的二十届四中全会精神".into(),
        host_id: Some(ids[0]),
        recorder_id: Some(ids[1]),
        attendees: ids
            .iter()
            .map(|id| AttendeeForm {
                member_id: *id,
                status: if *id == elsewhere { "elsewhere" } else { "present" }.into(),
                reason: if *id == elsewhere { reason.into() } else { String::new() },
                grade: if kind == "review" { "qualified".into() } else { String::new() },
            })
            .collect(),
        ..Default::default()
    }
}

#[test]
fn taking_part_where_they_live_needs_a_period_away_on_the_day() {
    let (mut s, ids) = branch(5);
    let today = d("2026-11-27");
    let form = meeting(&ids, ids[4], "宝安区流动党员党支部主题党日，有签到表", "theme_day");
    let e = errors(s.create_meeting(&form, today).unwrap_err());
    assert!(e.get("attendees").unwrap().contains("没有登记外出"), "{e:?}");
    // Away from after the meeting: still refused.
    s.record_mobile_period(&away(ids[4], "2026-11-11"), today).unwrap();
    assert!(errors(s.create_meeting(&form, today).unwrap_err()).get("attendees").unwrap().contains("没有登记外出"));
    s.delete_mobile_period(s.member_mobile(ids[4]).unwrap().periods[0].id, today).unwrap();
    assert!(!s.member(ids[4]).unwrap().mobile);
    s.record_mobile_period(&away(ids[4], "2026-06-01"), today).unwrap();
    // Without the organisation and proof: refused.
    let e = errors(s.create_meeting(&meeting(&ids, ids[4], "", "theme_day"), today).unwrap_err());
    assert!(e.get("attendees").unwrap().contains("写明参加的党组织"));
    let m = s.create_meeting(&form, today).unwrap();
    let a = m.attendees.iter().find(|a| a.member_id == ids[4]).unwrap();
    assert_eq!(a.status, Attendance::Elsewhere);
    assert_eq!(a.reason, "宝安区流动党员党支部主题党日，有签到表");
    assert_eq!(m.quorum.elsewhere, 1);
    // 民主评议: graded from the 流入地 organisation's opinion.
    let review = meeting(&ids, ids[4], "流入地党组织评议意见：合格", "review");
    let r = s.create_meeting(&review, today).unwrap();
    assert_eq!(r.attendees.iter().find(|a| a.member_id == ids[4]).unwrap().grade.map(|g| g.label()), Some("合格"));
}

#[test]
fn reminders_of_members_away() {
    let (mut s, ids) = branch(4);
    let today = d("2026-11-27");
    s.record_mobile_period(&away(ids[2], "2026-05-01"), today).unwrap();
    s.record_mobile_period(&PeriodForm { place: "浙江省义乌市".into(), ..away(ids[3], "2026-08-01") }, today).unwrap();
    let contact = |s: &mut Store, id: i64, on: &str| {
        s.record_mobile_contact(
            &ContactForm {
                member_id: id,
                contacted_on: on.into(),
                how: "wechat".into(),
                content: "发送学习资料".into(),
                ..Default::default()
            },
            today,
        )
        .unwrap();
    };
    // ids[2]: last contact 2026-08-29, 90 days before 2026-11-27: fine; one day earlier: reminded.
    contact(&mut s, ids[2], "2026-08-29");
    let r = s.reminders(today).unwrap();
    assert!(r.mobile_no_contact.iter().all(|x| x.member_id != ids[2]), "{:?}", r.mobile_no_contact);
    // ids[3]: no contact since leaving 2026-08-01: 118 days.
    let item = r.mobile_no_contact.iter().find(|x| x.member_id == ids[3]).unwrap();
    assert_eq!(item.days, 118);
    assert!(item.note.contains("已有 118 天没有联系"), "{}", item.note);
    let r = s.reminders(d("2026-11-28")).unwrap();
    assert_eq!(r.mobile_no_contact.iter().find(|x| x.member_id == ids[2]).map(|x| x.days), Some(91));
    // ids[2] left 2026-05-01: six months on 2026-11-01; ids[3] not yet.
    assert_eq!(r.mobile_should_transfer.iter().map(|x| x.member_id).collect::<Vec<_>>(), vec![ids[2]]);
    assert!(r.mobile_should_transfer[0].note.contains("应转移组织关系"));
    assert!(r.mobile_homecoming.is_empty());
    // 2027-01-22 is 腊月十五: one item naming both.
    let r = s.reminders(d("2027-01-22")).unwrap();
    assert_eq!(r.mobile_homecoming.len(), 1);
    assert_eq!(r.mobile_homecoming[0].names, vec!["党员2".to_string(), "党员3".to_string()]);
    assert!(s.reminders(d("2027-01-21")).unwrap().mobile_homecoming.is_empty());
    // The page lists both with the same state.
    let list = s.mobile_list(d("2026-11-28")).unwrap();
    assert_eq!(list.no_contact_days, 90);
    let row = list.rows.iter().find(|r| r.member_id == ids[2]).unwrap();
    assert_eq!(row.last_contact, Some(d("2026-08-29")));
    assert!(row.no_contact && row.should_transfer);
    assert!(row.reminder.contains("超过 90 天未联系"));
}

#[test]
fn the_two_sheets_list_the_periods_and_contacts_of_the_year() {
    let (mut s, ids) = branch(3);
    let today = d("2026-11-27");
    s.record_mobile_period(
        &PeriodForm {
            card_number: "粤流2026001".into(),
            host_contact: "王书记 0755-1234567".into(),
            ..away(ids[2], "2026-03-01")
        },
        today,
    )
    .unwrap();
    s.record_mobile_contact(
        &ContactForm {
            member_id: ids[2],
            contacted_on: "2026-06-01".into(),
            contacted_by: "党员1".into(),
            how: "homecoming".into(),
            content: "返乡座谈，学习党章".into(),
            suggestions: "希望多发学习资料".into(),
        },
        today,
    )
    .unwrap();
    let text = |row: &Vec<zhibu_core::workbook::PaperCell>| row.iter().map(|c| c.text.clone()).collect::<Vec<_>>();
    let reg = s.sheet_paper("流动党员登记台账", 2026, today).unwrap();
    assert!(reg.landscape);
    assert_eq!(reg.headers.len(), 12);
    assert_eq!(reg.headers[7], "流入地党组织及联系方式");
    assert_eq!(reg.rows.len(), 1);
    assert_eq!(
        text(&reg.rows[0]),
        [
            "1",
            "党员2",
            "男",
            "2026.03.01",
            "",
            "广东省深圳市宝安区",
            "电子厂务工",
            "宝安区流动党员党支部，王书记 0755-1234567",
            "粤流2026001",
            "党员1",
            "保留在本支部",
            ""
        ]
    );
    // A year the period did not touch: empty.
    assert!(s.sheet_paper("流动党员登记台账", 2025, today).unwrap().rows.is_empty());
    let log = s.sheet_paper("流动党员联系记录", 2026, today).unwrap();
    assert!(log.landscape);
    assert_eq!(
        text(&log.rows[0]),
        ["1", "2026.06.01", "党员2", "党员1", "返乡座谈", "返乡座谈，学习党章", "希望多发学习资料"]
    );
    // In the workbook, right after the 发展党员 名册.
    let sheets = zhibu_core::workbook::year_workbook_sheets();
    let at = sheets.iter().position(|n| n == "预备党员名册").unwrap();
    assert_eq!(sheets[at + 1..at + 3], ["流动党员登记台账".to_string(), "流动党员联系记录".to_string()]);
}

/// The demo loads two members flagged 流动 with no period: a period typed
/// for one of them, with the same place, changes no member field, and must
/// still keep 清除示例数据 from wiping it.
#[test]
fn a_period_typed_on_the_demo_keeps_it_from_being_cleared() {
    let mut s = Store::open_in_memory().unwrap();
    let today = d("2026-11-27");
    s.load_demo(today).unwrap();
    assert!(s.demo_state().unwrap().clearable);
    let m = s.members(&Default::default()).unwrap().into_iter().find(|m| m.mobile).expect("the demo has members away");
    let form = PeriodForm {
        province: String::new(),
        city: String::new(),
        county: String::new(),
        place: m.mobile_destination.clone(),
        ..away(m.id, "2026-03-01")
    };
    s.record_mobile_period(&form, today).unwrap();
    let state = s.demo_state().unwrap();
    assert!(state.loaded && !state.clearable, "her period would be lost");
}

#[test]
fn care_settings_no_contact_days_set_to_30_moves_the_reminder() {
    let (mut s, ids) = branch(3);
    let today = d("2026-11-27");
    // ids[1] left 2026-10-27: 31 days; ids[2] left 2026-10-28: 30 days.
    s.record_mobile_period(&away(ids[1], "2026-10-27"), today).unwrap();
    s.record_mobile_period(&away(ids[2], "2026-10-28"), today).unwrap();
    let reminded =
        |s: &Store| s.reminders(today).unwrap().mobile_no_contact.iter().map(|x| x.member_id).collect::<Vec<_>>();
    assert!(reminded(&s).is_empty(), "under the default 90 days");
    let settings = zhibu_core::care::CareSettings { mobile_no_contact_days: 30, ..s.care_settings().unwrap() };
    s.save_care_settings(&settings).unwrap();
    assert_eq!(reminded(&s), vec![ids[1]]);
    let r = s.reminders(today).unwrap();
    assert_eq!(r.mobile_no_contact[0].days, 31);
    let list = s.mobile_list(today).unwrap();
    assert_eq!(list.no_contact_days, 30);
    assert!(list.rows.iter().find(|r| r.member_id == ids[1]).unwrap().reminder.contains("超过 30 天未联系"));
    assert!(!list.rows.iter().find(|r| r.member_id == ids[2]).unwrap().no_contact);
}

/// A 流动党员 who takes part where they live and pays dues there is in touch:
/// neither "6 个月以上没有参加组织生活、没有交党费" nor "连续 6 个月没有参加".
#[test]
fn taking_part_and_paying_where_they_live_is_not_losing_touch() {
    let (mut s, ids) = branch(5);
    let today = d("2026-11-27");
    let books = zhibu_core::branch::BranchForm {
        name: "中共东山村支部委员会".into(),
        records_from: Some("2024-01-01".into()),
        ..Default::default()
    };
    s.save_branch(&books, today).unwrap();
    s.record_mobile_period(&away(ids[4], "2025-03-01"), today).unwrap();
    let flagged = |s: &Store| {
        let r = s.reminders(today).unwrap();
        (
            r.members.lost_contact.iter().any(|x| x.member_id == ids[4]),
            r.members.no_meetings.iter().any(|x| x.member_id == ids[4]),
        )
    };
    let mut others = meeting(&ids[..4], -1, "", "theme_day");
    others.date = "2026-10-10".into();
    s.create_meeting(&others, today).unwrap();
    assert_eq!(flagged(&s), (true, false), "away since March 2025, nothing heard: reminded");
    s.record_dues_elsewhere(
        &ElsewhereForm {
            member_id: ids[4],
            month: "2026-10".into(),
            org: "宝安区流动党员党支部".into(),
            paid_on: "2026-10-12".into(),
            note: String::new(),
        },
        today,
    )
    .unwrap();
    assert_eq!(flagged(&s), (false, true), "dues paid where they live, no meeting yet");
    s.create_meeting(&meeting(&ids, ids[4], "宝安区流动党员党支部主题党日，有签到表", "theme_day"), today).unwrap();
    assert_eq!(flagged(&s), (false, false), "took part where they live");
}
