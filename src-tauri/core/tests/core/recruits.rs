//! 发展党员 through the Store: the whole way from 入党申请 to 转正, what the
//! steps write into the member file, refusals that save nothing, transfers,
//! introducers replaced, the 公示 working days and the reminders.

use crate::{id_for, today};
use chrono::{Datelike, Days, Months, NaiveDate};
use zhibu_core::dues::{AssessmentForm, MonthState};
use zhibu_core::members::{MemberForm, MemberKind, Status, StatusForm};
use zhibu_core::recruits::{CalendarDay, Outcome, RecruitForm, Stage, StepForm, StepSaved, StopReason};
use zhibu_core::{Error, PartialDate, Store};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn plus(day: NaiveDate, n: u64) -> NaiveDate {
    day + Days::new(n)
}

/// Full members, admitted long ago, to act as 联系人 and 介绍人.
const ROSTER: [&str; 5] = ["王建国", "刘芳", "陈志强", "赵丽", "孙伟"];

fn store_with_roster() -> (Store, Vec<i64>) {
    let mut s = Store::open_in_memory().unwrap();
    let ids = ROSTER
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let form = MemberForm {
                name: (*name).into(),
                id_number: id_for("19700101", &format!("{:03}", 201 + i * 2)),
                kind: "full".into(),
                admitted_on: "2000-07-01".into(),
                full_member_on: "2001-07-01".into(),
                group_name: "第一党小组".into(),
                ..Default::default()
            };
            s.create_member(&form, today()).unwrap().id
        })
        .collect();
    (s, ids)
}

fn add(s: &mut Store, name: &str, birth: &str, seq: &str, applied: NaiveDate) -> i64 {
    let form = RecruitForm {
        name: name.into(),
        id_number: id_for(birth, seq),
        education: "高中".into(),
        applied_on: applied.to_string(),
        ..Default::default()
    };
    s.create_recruit(&form, today()).unwrap().recruit.id
}

fn form(step: u8, date: NaiveDate) -> StepForm {
    StepForm { step, date: date.to_string(), ..Default::default() }
}

fn rec(s: &mut Store, id: i64, f: StepForm) -> Result<StepSaved, Error> {
    s.record_recruit_step(id, &f, today())
}

fn ok(s: &mut Store, id: i64, f: StepForm) -> StepSaved {
    let step = f.step;
    rec(s, id, f).unwrap_or_else(|e| panic!("step {step}: {e:?}"))
}

fn field(e: Error, name: &str) -> String {
    match e {
        Error::Validation(f) => f.get(name).unwrap_or_else(|| panic!("no error on {name}: {f:?}")).to_string(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// Days after the application at which the way to 17 is walked: every
/// interval met (talk within a month, a year as activist, assessments
/// within six months, 政审 within its year, approval within three months).
const WAY: [(u8, u64); 17] = [
    (2, 19),
    (3, 70),
    (4, 75),
    (5, 70),
    (6, 245),
    (6, 416),
    (7, 446),
    (8, 451),
    (9, 458),
    (10, 472),
    (11, 488),
    (12, 519),
    (13, 533),
    (14, 538),
    (15, 559),
    (16, 569),
    (17, 594),
];

/// Records the steps of `WAY` up to `upto` (the application is step 1).
fn walk(s: &mut Store, id: i64, applied: NaiveDate, upto: u8) {
    for (step, offset) in WAY.iter().copied().filter(|(n, _)| *n <= upto) {
        let mut f = form(step, plus(applied, offset));
        match step {
            5 => f.people = vec!["王建国".into()],
            9 => f.people = vec!["陈志强，赵丽".into()],
            11 => f.days = Some(3),
            _ => {}
        }
        ok(s, id, f);
    }
}

fn date_of(s: &Store, id: i64, step: u8) -> NaiveDate {
    s.recruit(id).unwrap().steps.iter().find(|x| x.step == step).unwrap().date
}

#[test]
fn the_whole_way_from_application_to_full_member() {
    let (mut s, _) = store_with_roster();
    let applied = d("2023-03-01");
    let id = add(&mut s, "李小明", "19980501", "011", applied);
    walk(&mut s, id, applied, 16);
    let f = s.recruit(id).unwrap();
    assert_eq!(f.recruit.stage, Stage::Candidate);
    assert_eq!(f.recruit.member_id, None, "no member file before the approval");
    let members_before = s.member_count().unwrap();

    let approved = plus(applied, 594);
    let mut f17 = form(17, approved);
    f17.doc_number = "青组〔2024〕12号".into();
    let saved = ok(&mut s, id, f17);
    let mid = saved.member_id.expect("step 17 made the member file");
    assert_eq!(s.member_count().unwrap(), members_before + 1);
    assert_eq!(saved.file.recruit.stage, Stage::Probationary);
    assert_eq!(saved.file.recruit.member_id, Some(mid));
    assert_eq!(s.recruit_of_member(mid).unwrap(), Some(id));
    let meeting_day = date_of(&s, id, 15);
    assert_ne!(meeting_day, approved);
    let m = s.member(mid).unwrap();
    assert_eq!(m.name, "李小明");
    assert_eq!(m.kind, MemberKind::Probationary);
    assert_eq!(m.admitted_on, Some(PartialDate::Day(meeting_day)), "入党时间 is the 支部大会, not the approval");
    assert_eq!(m.full_member_on, None);
    assert_eq!(m.id_number, id_for("19980501", "011"), "the full number goes into the member file");
    let end = meeting_day.checked_add_months(Months::new(12)).unwrap();
    assert_eq!(saved.file.probation_end, Some(end));

    // The dues ledger owes from the month of the 支部大会, not the month before.
    let first_month = format!("{:04}-{:02}", meeting_day.year(), meeting_day.month());
    s.assess_dues(&AssessmentForm {
        member_id: mid,
        from_month: first_month.clone(),
        category: "farmer".into(),
        ..Default::default()
    })
    .unwrap();
    let grid = s.dues_grid(meeting_day.year(), today()).unwrap();
    let row = grid.rows.iter().find(|r| r.member_id == mid).expect("the new member is in the grid");
    let cell = |month: u32| row.cells.iter().find(|c| c.month.month == month).unwrap().state;
    assert_eq!(cell(meeting_day.month()), MonthState::Owed, "{first_month} is owed");
    assert_eq!(cell(meeting_day.month() - 1), MonthState::NotMember, "the month before is not");

    // A step that wrote into the member file is not deleted here.
    let last = s.recruit(id).unwrap().steps.last().unwrap().id;
    assert!(field(s.delete_recruit_step(id, last).unwrap_err(), "step").contains("党员档案"));

    // 19: the 党小组.
    let mut f19 = form(19, plus(approved, 5));
    f19.group_name = "第二党小组".into();
    ok(&mut s, id, f19);
    assert_eq!(s.member(mid).unwrap().group_name.as_deref(), Some("第二党小组"));
    ok(&mut s, id, form(20, plus(approved, 5)));

    // 22 before the end, 23 按期转正 on it, 24 批准 a month later.
    ok(&mut s, id, form(22, end - Days::new(20)));
    let early = rec(&mut s, id, StepForm { outcome: "on_time".into(), ..form(23, end - Days::new(1)) }).unwrap_err();
    assert!(field(early, "date").contains("预备期"), "the vote waits for the end of probation");
    ok(&mut s, id, StepForm { outcome: "on_time".into(), ..form(23, end) });
    assert_eq!(s.member(mid).unwrap().kind, MemberKind::Probationary, "23 alone changes nothing in the file");
    // The probation is over and not yet approved: still reminded, but as discussed, not as forgotten.
    let day_after = plus(end, 1);
    let reminded = s.reminders(day_after).unwrap().members.probation_ending;
    let item = reminded.iter().find(|p| p.member_id == mid).expect("still 预备党员 past the end");
    assert!(item.overdue);
    assert!(item.note.contains("支部大会已于") && item.note.contains("等待上级党委审批"), "{}", item.note);
    assert!(!item.note.contains("还未讨论转正"), "{}", item.note);
    let done = ok(&mut s, id, StepForm { outcome: "passed".into(), ..form(24, plus(end, 30)) });
    assert_eq!(done.file.recruit.stage, Stage::Full);
    let m = s.member(mid).unwrap();
    assert_eq!(m.kind, MemberKind::Full);
    assert_eq!(m.full_member_on, Some(PartialDate::Day(end)), "转正 dates from the end of probation, not 24");
    assert_eq!(m.status, Status::Normal);
    let list = s.recruits().unwrap();
    let line = list.iter().find(|r| r.id == id).unwrap();
    assert_eq!((line.admitted_on, line.member_id), (Some(meeting_day), Some(mid)));
}

#[test]
fn probation_is_extended_once_and_a_cancellation_ends_the_way() {
    let (mut s, _) = store_with_roster();
    let applied = d("2023-01-05");
    let id = add(&mut s, "周明", "19970301", "031", applied);
    walk(&mut s, id, applied, 17);
    let mid = s.recruit(id).unwrap().recruit.member_id.unwrap();
    let end = date_of(&s, id, 15).checked_add_months(Months::new(12)).unwrap();
    ok(&mut s, id, form(22, end - Days::new(10)));
    let extend =
        |day: NaiveDate, months: u32| StepForm { outcome: "extend".into(), months: Some(months), ..form(23, day) };
    ok(&mut s, id, extend(end, 6));
    assert!(s.member(mid).unwrap().probation_extension.is_none(), "only 24 writes the extension");
    let saved = ok(&mut s, id, StepForm { outcome: "passed".into(), ..form(24, plus(end, 20)) });
    let ext = s.member(mid).unwrap().probation_extension.expect("extension in the member file");
    assert_eq!(ext.months, 6);
    assert_eq!(ext.decided_on, PartialDate::Day(end), "decided by the 支部大会 of 23");
    assert_eq!(s.member(mid).unwrap().kind, MemberKind::Probationary);
    let new_end = end.checked_add_months(Months::new(6)).unwrap();
    assert_eq!(saved.file.probation_end, Some(new_end));
    assert_eq!(saved.file.recruit.stage, Stage::Probationary);
    assert_eq!(saved.file.next.as_ref().map(|n| (n.step, n.due)), Some((22, Some(new_end))));

    // The second round: 22 again, a second extension is refused, then 取消.
    ok(&mut s, id, form(22, new_end - Days::new(10)));
    let steps = s.recruit(id).unwrap().steps.len();
    let again = rec(&mut s, id, extend(new_end, 6)).unwrap_err();
    assert!(field(again, "months").contains("只能延长一次"));
    assert_eq!(s.recruit(id).unwrap().steps.len(), steps);
    ok(&mut s, id, StepForm { outcome: "cancel".into(), ..form(23, new_end) });
    let f = ok(&mut s, id, StepForm { outcome: "passed".into(), ..form(24, plus(new_end, 15)) }).file;
    assert_eq!(f.recruit.stage, Stage::Stopped);
    assert_eq!(f.recruit.stop_reason, Some(StopReason::Cancelled));
    let m = s.member(mid).unwrap();
    assert_eq!(m.status, Status::Cancelled);
    assert_eq!(m.status_date, Some(PartialDate::Day(new_end)), "from the day the 支部大会 decided");
    assert_ne!(m.kind, MemberKind::Full);
    // Nothing more is recorded after the end.
    assert!(rec(&mut s, id, form(25, plus(new_end, 20))).is_err());
}

#[test]
fn refusals_save_nothing_and_say_why() {
    let (mut s, _) = store_with_roster();
    // Under 18 on the day of the application: a field error, and no record.
    let young = RecruitForm {
        name: "小王".into(),
        id_number: id_for("20080310", "021"),
        applied_on: "2026-03-09".into(),
        ..Default::default()
    };
    let msg = field(s.create_recruit(&young, today()).unwrap_err(), "applied_on");
    assert!(msg.contains("18") && msg.contains("17周岁"), "{msg}");
    assert!(s.recruits().unwrap().is_empty());
    // On the 18th birthday it is accepted.
    let id = s.create_recruit(&RecruitForm { applied_on: "2026-03-10".into(), ..young }, today()).unwrap().recruit.id;
    assert_eq!(s.recruit(id).unwrap().steps.len(), 1, "applied_on records step 1");

    // Out of order: refused naming both steps, nothing saved.
    ok(&mut s, id, form(2, d("2026-03-20")));
    let count = |s: &Store| s.recruit(id).unwrap().steps.len();
    let history = s.recruit_history(id).unwrap().len();
    let msg = field(rec(&mut s, id, form(3, d("2026-03-15"))).unwrap_err(), "date");
    assert!(msg.contains("第3步「推荐和确定入党积极分子」") && msg.contains("第2步「党组织派人谈话」"), "{msg}");
    assert!(msg.contains("2026年3月20日"), "{msg}");
    let msg = field(rec(&mut s, id, form(7, d("2026-04-01"))).unwrap_err(), "date");
    assert!(msg.contains("第3步") && msg.contains("第7步"), "{msg}");
    // A date after today, and a step recorded twice.
    assert!(rec(&mut s, id, form(3, plus(today(), 1))).is_err());
    assert!(field(rec(&mut s, id, form(2, d("2026-03-21"))).unwrap_err(), "date").contains("已经记录过了"));
    assert_eq!(count(&s), 2);
    assert_eq!(s.recruit_history(id).unwrap().len(), history, "a refusal is not logged");

    // A national rule not met: refused without a reason, saved with one.
    let other = add(&mut s, "钱进", "19900202", "041", d("2026-01-05"));
    let late = form(2, d("2026-02-06"));
    let msg = field(rec(&mut s, other, late.clone()).unwrap_err(), "date");
    assert!(msg.contains("全国统一规定") && msg.contains("2026年2月5日"), "{msg}");
    assert_eq!(s.recruit(other).unwrap().steps.len(), 1);
    let reason = "申请人外出务工，春节返乡后谈话";
    let saved = ok(&mut s, other, StepForm { override_reason: reason.into(), ..late });
    assert!(saved.warnings.iter().any(|w| w.rule == "talk"), "the finding is still shown");
    let step2 = saved.file.steps.iter().find(|x| x.step == 2).unwrap();
    assert_eq!(step2.override_reason, reason);
    let log = s.recruit_history(other).unwrap();
    assert!(log[0].summary.contains(reason) && log[0].summary.contains("第2步"), "{:?}", log[0]);
    // A reason is not kept on a step that needed none.
    let saved = ok(&mut s, other, StepForm { override_reason: "无".into(), ..form(3, d("2026-03-01")) });
    assert_eq!(saved.file.steps.iter().find(|x| x.step == 3).unwrap().override_reason, "");

    // Too many 联系人 is refused even with a reason.
    let mut f5 = form(5, d("2026-03-01"));
    f5.people = vec!["王建国,刘芳,赵丽".into()];
    f5.override_reason = "特殊情况".into();
    assert!(field(rec(&mut s, other, f5).unwrap_err(), "people").contains("1至2名"));
    assert_eq!(s.recruit(other).unwrap().steps.len(), 3);
    assert!(s.recruit(other).unwrap().people.is_empty());
}

#[test]
fn an_activist_transferred_in_keeps_the_earlier_steps_and_the_year_runs_from_the_first_step_3() {
    let (mut s, _) = store_with_roster();
    let form_in = RecruitForm {
        name: "吴海".into(),
        id_number: id_for("19950815", "051"),
        applied_on: "2024-03-01".into(),
        came_from: "城关镇第二村党支部".into(),
        came_on: "2025-01-10".into(),
        ..Default::default()
    };
    let id = s.create_recruit(&form_in, today()).unwrap().recruit.id;
    ok(&mut s, id, form(2, d("2024-03-15")));
    ok(&mut s, id, form(3, d("2024-06-01")));
    // The other branch's 联系人, before the transfer: not on this roster, accepted.
    let mut f5 = form(5, d("2024-06-01"));
    f5.people = vec!["郑外支".into()];
    let saved = ok(&mut s, id, f5);
    assert_eq!(saved.file.people[0].member_id, None);
    ok(&mut s, id, form(6, d("2024-11-20")));
    // After the transfer, someone not on the roster needs a reason.
    let mut late5 = form(5, d("2025-01-20"));
    late5.people = vec!["郑外支".into()];
    assert!(field(rec(&mut s, id, late5).unwrap_err(), "people").contains("不是本支部花名册上的党员"));
    let mut f5 = form(5, d("2025-01-20"));
    f5.people = vec!["刘芳".into()];
    let saved = ok(&mut s, id, f5);
    let people = &saved.file.people;
    assert_eq!(people.len(), 2);
    let old = people.iter().find(|p| p.name == "郑外支").unwrap();
    assert_eq!(old.to, Some(d("2025-01-20")), "the former 联系人 ends the day the new one is named");
    assert!(people.iter().any(|p| p.name == "刘芳" && p.to.is_none() && p.member_id.is_some()));
    ok(&mut s, id, form(6, d("2025-04-10")));

    let f = s.recruit(id).unwrap();
    assert_eq!(f.recruit.came_on, Some(d("2025-01-10")));
    assert_eq!(
        f.steps.iter().map(|x| (x.step, x.date)).take(3).collect::<Vec<_>>(),
        [(1, d("2024-03-01")), (2, d("2024-03-15")), (3, d("2024-06-01"))]
    );
    // One year from 2024-06-01 (the other branch's step 3), not from the transfer.
    assert_eq!(f.next.as_ref().map(|n| (n.step, n.earliest)), Some((7, Some(d("2025-06-01")))));
    let msg = field(rec(&mut s, id, form(7, d("2025-05-31"))).unwrap_err(), "date");
    assert!(msg.contains("2024年6月1日"), "{msg}");
    ok(&mut s, id, form(7, d("2025-06-01")));
}

#[test]
fn an_introducer_who_died_is_replaced_before_the_next_step() {
    let (mut s, roster) = store_with_roster();
    let applied = d("2023-05-02");
    let id = add(&mut s, "冯雪", "19960120", "062", applied);
    walk(&mut s, id, applied, 9);
    let nine = plus(applied, 458);
    let chen = roster[2];
    s.change_status(
        chen,
        &StatusForm { status: "deceased".into(), date: plus(nine, 3).to_string(), reason: "病故".into() },
        today(),
    )
    .unwrap();
    let before = s.recruit(id).unwrap().steps.len();
    let msg = field(rec(&mut s, id, form(10, plus(nine, 10))).unwrap_err(), "people");
    assert!(msg.contains("陈志强已去世") && msg.contains("第9步"), "{msg}");
    // A reason does not help: the introducer must be replaced.
    let with_reason = StepForm { override_reason: "来不及".into(), ..form(10, plus(nine, 10)) };
    assert!(rec(&mut s, id, with_reason).is_err());
    assert_eq!(s.recruit(id).unwrap().steps.len(), before);
    // 9 again with a new pair.
    let mut again = form(9, plus(nine, 8));
    again.people = vec!["赵丽、孙伟".into()];
    let saved = ok(&mut s, id, again);
    let intro: Vec<_> = saved.file.people.iter().filter(|p| p.role == "introducer").collect();
    assert_eq!(intro.len(), 3);
    let chen_link = intro.iter().find(|p| p.name == "陈志强").unwrap();
    assert_eq!(chen_link.to, Some(plus(nine, 8)));
    let zhao = intro.iter().find(|p| p.name == "赵丽").unwrap();
    assert_eq!((zhao.from, zhao.to), (nine, None), "the one who stays keeps the day named");
    assert!(intro.iter().any(|p| p.name == "孙伟" && p.from == plus(nine, 8) && p.to.is_none()));
    ok(&mut s, id, form(10, plus(nine, 10)));
}

#[test]
fn not_admitted_at_15_or_17_stops_the_way_and_only_the_last_step_is_deleted() {
    let (mut s, _) = store_with_roster();
    let applied = d("2023-06-01");
    let id = add(&mut s, "蒋兰", "19990909", "082", applied);
    walk(&mut s, id, applied, 14);
    let fifteen = plus(applied, 559);
    // Only the last step may be deleted.
    let f = s.recruit(id).unwrap();
    let first = f.steps[0].id;
    assert!(field(s.delete_recruit_step(id, first).unwrap_err(), "step").contains("最后"));
    assert_eq!(s.recruit(id).unwrap().steps.len(), f.steps.len());

    let failed = ok(&mut s, id, StepForm { outcome: "failed".into(), ..form(15, fifteen) }).file;
    assert_eq!(failed.recruit.stage, Stage::Stopped);
    assert_eq!(failed.recruit.stop_reason, Some(StopReason::NotAdmitted));
    assert!(field(rec(&mut s, id, form(16, plus(fifteen, 5))).unwrap_err(), "step").contains("已终止"));
    // Deleting that vote reopens the way.
    let last = failed.steps.iter().find(|x| x.step == 15).unwrap().id;
    let back = s.delete_recruit_step(id, last).unwrap();
    assert_eq!(back.recruit.stage, Stage::Candidate);
    assert_eq!(back.steps.len(), failed.steps.len() - 1);
    assert!(s.recruit_history(id).unwrap()[0].action == "step_deleted");

    ok(&mut s, id, form(15, fifteen));
    ok(&mut s, id, form(16, plus(fifteen, 10)));
    let members = s.member_count().unwrap();
    let no = ok(&mut s, id, StepForm { outcome: "failed".into(), ..form(17, plus(fifteen, 30)) });
    assert_eq!(no.member_id, None);
    assert_eq!(no.file.recruit.stage, Stage::Stopped);
    assert_eq!(no.file.recruit.stop_reason, Some(StopReason::NotAdmitted));
    assert_eq!(s.member_count().unwrap(), members, "no member file");
    assert_eq!(no.file.steps.iter().find(|x| x.step == 17).unwrap().outcome, Some(Outcome::Failed));
}

#[test]
fn the_notice_counts_working_days_over_guoqing_and_a_year_table_replaces_that_year_only() {
    let mut s = Store::open_in_memory().unwrap();
    // Wednesday 30 September 2026: 30 Sep, then 8, 9, 10 (Saturday worked) and 12 October.
    assert_eq!(s.recruit_notice_end(d("2026-09-30"), today()).unwrap(), d("2026-10-12"));
    let y2025 = s.calendar_days(2025).unwrap();
    assert!(!y2025.is_empty());
    // A new 2026 table without the holiday: plain weekdays, 30 Sep, 1, 2, 5, 6 October.
    let only = vec![CalendarDay { date: d("2026-01-01"), kind: "holiday".into(), name: "元旦".into() }];
    assert_eq!(s.save_calendar_days(2026, &only).unwrap(), only);
    assert_eq!(s.recruit_notice_end(d("2026-09-30"), today()).unwrap(), d("2026-10-06"));
    assert_eq!(s.calendar_days(2025).unwrap(), y2025, "2025 untouched");
    // A day of another year in the table is refused, and the table stays.
    let wrong = vec![CalendarDay { date: d("2027-10-01"), kind: "holiday".into(), name: "国庆节".into() }];
    assert!(field(s.save_calendar_days(2026, &wrong).unwrap_err(), "days").contains("2027年10月1日"));
    assert_eq!(s.calendar_days(2026).unwrap(), only);
    assert!(s.calendar_days(2027).unwrap().is_empty());
}

#[test]
fn reminders_at_their_edges_and_the_year_count() {
    let (mut s, _) = store_with_roster();
    let kinds = |s: &Store, id: i64, day: NaiveDate| -> Vec<(String, bool)> {
        s.recruit_reminders(day)
            .unwrap()
            .into_iter()
            .filter(|r| r.recruit_id == id)
            .map(|r| (r.kind, r.urgent))
            .collect()
    };
    let has = |list: &[(String, bool)], kind: &str| list.iter().find(|(k, _)| k == kind).map(|(_, u)| *u);

    // The talk: a month after the application, urgent the day after.
    let talk = add(&mut s, "褚一", "19900101", "091", d("2026-10-27"));
    assert_eq!(has(&kinds(&s, talk, d("2026-11-27")), "talk"), Some(false));
    assert_eq!(has(&kinds(&s, talk, d("2026-11-28")), "talk"), Some(true));
    ok(&mut s, talk, form(2, d("2026-11-01")));
    assert_eq!(has(&kinds(&s, talk, d("2026-11-28")), "talk"), None, "talked");

    // A year as activist: shown from 30 days before.
    let act = add(&mut s, "卫二", "19900303", "111", d("2025-05-01"));
    ok(&mut s, act, form(2, d("2025-05-10")));
    ok(&mut s, act, form(3, d("2025-06-15")));
    assert_eq!(has(&kinds(&s, act, d("2026-05-15")), "one_year"), None);
    assert_eq!(has(&kinds(&s, act, d("2026-05-16")), "one_year"), Some(false));

    // Approval pending from 2.5 months after the 支部大会, overdue from 5.5.
    let applied = d("2024-01-08");
    let pend = add(&mut s, "蒋三", "19910404", "131", applied);
    walk(&mut s, pend, applied, 16);
    let meeting = plus(applied, 559);
    let at = |m: u32, days: u64| meeting.checked_add_months(Months::new(m)).unwrap() + Days::new(days);
    let none = kinds(&s, pend, at(2, 14));
    assert!(has(&none, "approval_pending").is_none() && has(&none, "approval_overdue").is_none(), "{none:?}");
    assert_eq!(has(&kinds(&s, pend, at(2, 15)), "approval_pending"), Some(false));
    assert_eq!(has(&kinds(&s, pend, at(3, 1)), "approval_pending"), Some(true), "past three months");
    let five = kinds(&s, pend, at(5, 14));
    assert_eq!((has(&five, "approval_pending"), has(&five, "approval_overdue")), (Some(true), None));
    let over = kinds(&s, pend, at(5, 15));
    assert_eq!((has(&over, "approval_pending"), has(&over, "approval_overdue")), (None, Some(true)));

    // 转正申请: 30 days before the end of probation.
    let applied = d("2024-02-01");
    let prob = add(&mut s, "沈四", "19920505", "151", applied);
    walk(&mut s, prob, applied, 17);
    let end = date_of(&s, prob, 15).checked_add_months(Months::new(12)).unwrap();
    assert_eq!(has(&kinds(&s, prob, end - Days::new(31)), "full_application"), None);
    assert_eq!(has(&kinds(&s, prob, end - Days::new(30)), "full_application"), Some(false));
    assert_eq!(has(&kinds(&s, prob, end + Days::new(1)), "full_application"), Some(true));
    ok(&mut s, prob, form(22, end - Days::new(5)));
    assert_eq!(has(&kinds(&s, prob, end), "full_application"), None, "asked");

    // The year's count: admissions (17 approved) of that year only.
    let year17 = date_of(&s, prob, 17).year();
    assert_eq!(date_of(&s, pend, 15).year(), year17, "the pending one's 15 falls in the same year");
    let plan = s.set_recruit_plan(year17, Some(3)).unwrap();
    assert_eq!((plan.planned, plan.admitted), (Some(3), 1));
    assert_eq!(s.recruit_plan(year17 + 1).unwrap().admitted, 0);
    assert_eq!(s.recruit_plan(year17 + 1).unwrap().planned, None);
}

#[test]
fn editing_a_person_with_the_id_left_empty_keeps_the_stored_number_and_a_typed_one_is_checked() {
    let (mut s, _) = store_with_roster();
    let id = add(&mut s, "陈小兵", "19980512", "031", d("2026-03-01"));
    let before = s.recruit(id).unwrap().recruit.id_number_masked;
    let edit = RecruitForm { name: "陈晓兵".into(), education: "大学专科".into(), ..Default::default() };
    let after = s.update_recruit(id, &edit, today()).unwrap().recruit;
    assert_eq!((after.name.as_str(), after.education.as_str()), ("陈晓兵", "大学专科"));
    assert_eq!(after.id_number_masked, before, "the number stays");
    let bad = RecruitForm { id_number: "330424199805120036".into(), ..edit };
    let e = s.update_recruit(id, &bad, today()).unwrap_err();
    assert!(field(e, "id_number").contains("校验"), "a typed number is checked");
    assert_eq!(s.recruit(id).unwrap().recruit.name, "陈晓兵", "nothing of the refused edit saved");
}

#[test]
fn a_thought_report_is_due_every_three_months_from_the_last_one_received() {
    let (mut s, _) = store_with_roster();
    let applied = d("2025-01-10");
    let id = add(&mut s, "褚思", "19960101", "131", applied);
    walk(&mut s, id, applied, 3);
    let activist = date_of(&s, id, 3); // 2025-03-21
    let due = |s: &Store, day: NaiveDate| {
        s.recruit_reminders(day).unwrap().into_iter().find(|r| r.recruit_id == id && r.kind == "thought_report")
    };
    // Three months from the activist day, shown from 14 days before, urgent after.
    let first = activist.checked_add_months(Months::new(3)).unwrap();
    assert!(due(&s, first - Days::new(15)).is_none());
    let r = due(&s, first - Days::new(14)).expect("shown two weeks ahead");
    assert!(!r.urgent && r.date == first, "{r:?}");
    assert!(due(&s, first + Days::new(1)).unwrap().urgent);
    // The checklist's 思想汇报 line holds the latest received: the count starts again.
    s.set_recruit_doc(id, "thought_reports", &first.to_string(), "", today()).unwrap();
    assert!(due(&s, first + Days::new(1)).is_none());
    let next = first.checked_add_months(Months::new(3)).unwrap();
    assert_eq!(due(&s, next).unwrap().date, next);
    // The branch's own interval (设置): two months.
    let mut setup = s.recruit_settings(today()).unwrap().settings;
    setup.thought_report_months = 2;
    s.save_recruit_settings(&setup, today()).unwrap();
    assert_eq!(due(&s, next).unwrap().date, first.checked_add_months(Months::new(2)).unwrap());
}

#[test]
fn a_name_two_members_share_means_the_one_who_could_act_that_day_or_is_refused_as_ambiguous() {
    let (mut s, _) = store_with_roster();
    // A second 刘芳, a 预备党员: as 介绍人 only the full member can be meant.
    let namesake = MemberForm {
        name: "刘芳".into(),
        id_number: id_for("19990101", "322"),
        kind: "probationary".into(),
        admitted_on: "2026-06-01".into(),
        ..Default::default()
    };
    s.create_member(&namesake, today()).unwrap();
    let applied = d("2024-01-10");
    let id = add(&mut s, "褚双", "19960202", "141", applied);
    walk(&mut s, id, applied, 7);
    let mut nine = form(9, plus(applied, 458));
    nine.people = vec!["王建国，刘芳".into()];
    ok(&mut s, id, nine);
    let people = s.recruit(id).unwrap().people;
    let liu = people.iter().find(|p| p.name == "刘芳").unwrap();
    assert!(liu.member_id.is_some(), "the full member 刘芳 is meant: {people:?}");
    // A third 刘芳, full too: now the name cannot tell them apart.
    let third = MemberForm {
        name: "刘芳".into(),
        id_number: id_for("19800303", "342"),
        kind: "full".into(),
        admitted_on: "2000-07-01".into(),
        full_member_on: "2001-07-01".into(),
        ..Default::default()
    };
    s.create_member(&third, today()).unwrap();
    let mut again = form(9, plus(applied, 470));
    again.people = vec!["王建国，刘芳".into()];
    let before = s.recruit(id).unwrap().steps.len();
    let e = rec(&mut s, id, again).unwrap_err();
    assert!(field(e, "people").contains("花名册上有3位“刘芳”"));
    assert_eq!(s.recruit(id).unwrap().steps.len(), before, "nothing saved");
}
