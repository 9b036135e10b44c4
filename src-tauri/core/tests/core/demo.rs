use crate::today;
use zhibu_core::members::MemberQuery;
use zhibu_core::{Error, Store};

#[test]
fn the_demo_branch_loads_about_forty_valid_members() {
    let mut s = Store::open_in_memory().unwrap();
    let loaded = s.load_demo(today()).unwrap();
    assert!((35..=45).contains(&loaded.members), "{loaded:?}");
    let all = s.members(&MemberQuery { include_left: true, ..Default::default() }).unwrap();
    assert_eq!(all.len(), loaded.members);
    for m in &all {
        assert!(zhibu_core::idcard::check(&m.id_number, today()).is_ok(), "{}", m.name);
    }
    assert!(all.iter().any(|m| !m.admitted_on.unwrap().day_known()), "an old record known only to the month");
    assert!(all.iter().any(|m| m.left_branch));
    assert!(all.iter().any(|m| m.status.code() == "deceased"));
    assert_eq!(s.branch().unwrap().name, "中共青石镇东山村支部委员会");
    assert!(s.groups().unwrap().len() >= 3);
}

#[test]
fn the_demo_has_three_people_on_the_way_to_membership_one_admitted_this_year() {
    use chrono::Datelike;
    use zhibu_core::recruits::Stage;
    let mut s = Store::open_in_memory().unwrap();
    let loaded = s.load_demo(today()).unwrap();
    let list = s.recruits().unwrap();
    let stages: Vec<Stage> = list.iter().map(|r| r.stage).collect();
    assert_eq!(list.len(), 3);
    for st in [Stage::Activist, Stage::Candidate, Stage::Probationary] {
        assert!(stages.contains(&st), "{stages:?}");
    }
    let numbers: Vec<String> = s
        .members(&MemberQuery { include_left: true, ..Default::default() })
        .unwrap()
        .into_iter()
        .map(|m| m.id_number)
        .collect();
    for r in &list {
        let f = s.recruit(r.id).unwrap();
        assert!(f.steps.iter().all(|x| x.override_reason.is_empty() && x.date <= today()), "{}", r.name);
        if f.recruit.member_id.is_none() {
            // Their (masked) numbers are nobody's on the roster.
            let tail = &f.recruit.id_number_masked[14..];
            assert!(numbers.iter().all(|n| !n.ends_with(tail) || !n.starts_with(&f.recruit.id_number_masked[..6])));
        }
    }

    // The activist: a year since step 3 is reached, the home screen says so.
    let activist = list.iter().find(|r| r.stage == Stage::Activist).unwrap();
    let applied = activist.applied_on.unwrap();
    assert!((today() - applied).num_days() > 400, "applied over a year ago");
    let reminders = s.reminders(today()).unwrap();
    assert!(reminders
        .recruits
        .iter()
        .any(|r| r.recruit_id == activist.id && r.kind == "one_year" && r.message.contains("列为发展对象")));

    // The candidate: introducers, 政审 and training recorded; the next step is near.
    let candidate = list.iter().find(|r| r.stage == Stage::Candidate).unwrap();
    let f = s.recruit(candidate.id).unwrap();
    for step in [9, 10, 11] {
        assert!(f.steps.iter().any(|x| x.step == step), "step {step}");
    }
    assert_eq!(f.people.iter().filter(|p| p.role == "introducer" && p.to.is_none()).count(), 2);
    let next = f.next.unwrap();
    assert!(next.due.is_some_and(|d| d > today() && (d - today()).num_days() <= 30), "{next:?}");

    // The admitted one: 17 this year, the member file made from the 支部大会 day,
    // whose record holds the vote on this person.
    let admitted = list.iter().find(|r| r.stage == Stage::Probationary).unwrap();
    let f = s.recruit(admitted.id).unwrap();
    let mid = f.recruit.member_id.expect("a member file");
    assert_eq!(s.recruit_of_member(mid).unwrap(), Some(admitted.id));
    let at = |n: u8| f.steps.iter().find(|x| x.step == n).unwrap();
    assert_eq!(at(17).date.year(), today().year());
    for n in [19, 20] {
        assert!(at(n).date >= at(17).date);
    }
    let m = s.member(mid).unwrap();
    assert_eq!(m.admitted_on, Some(zhibu_core::PartialDate::Day(at(15).date)));
    assert!(m.group_name.is_some(), "step 19 put the member in a 党小组");
    let meeting = s.meeting(at(15).meeting_id.expect("step 15 linked to its meeting")).unwrap();
    assert_eq!(meeting.date, at(15).date);
    let vote = meeting.resolutions.iter().find(|r| r.candidate == admitted.name).expect("a vote on this person");
    assert_eq!(vote.passed, Some(true));
    assert_eq!(s.recruit_plan(today().year()).unwrap().admitted, 1);
    assert_eq!(loaded.members, s.members(&MemberQuery { include_left: true, ..Default::default() }).unwrap().len());
}

#[test]
fn the_demo_refuses_a_database_with_members() {
    let mut s = Store::open_in_memory().unwrap();
    s.load_demo(today()).unwrap();
    let before = s.members(&MemberQuery::default()).unwrap().len();
    assert!(matches!(s.load_demo(today()), Err(Error::NotEmpty)));
    assert_eq!(s.members(&MemberQuery::default()).unwrap().len(), before);
}

#[test]
fn the_demo_branch_has_a_year_of_dues_with_some_arrears() {
    let mut s = Store::open_in_memory().unwrap();
    s.load_demo(today()).unwrap();
    let grid = s.dues_grid(2026, today()).unwrap();
    assert!(grid.rows.len() >= 35);
    assert!(grid.total_fen > 0);
    let arrears = s.dues_arrears(today()).unwrap();
    assert!(arrears.iter().any(|a| a.level == "flag"), "the member who lost contact");
    assert!(arrears.iter().any(|a| a.level == "warn"), "the late payer");
    let b = s.dues_balance().unwrap();
    assert!(b.remitted_fen > 0 && b.balance_fen >= 0, "{b:?}");
    assert_eq!(s.remittances(Some(2026)).unwrap().len(), 3, "after each of the first three quarters");
}

#[test]
fn the_dues_notice_names_people_but_never_their_numbers() {
    let mut s = Store::open_in_memory().unwrap();
    s.load_demo(today()).unwrap();
    let n = s.dues_notice(2026, Some(3), None, today()).unwrap();
    assert_eq!(n.period_label, "2026年第三季度");
    assert!(n.rows.len() >= 35);
    assert_eq!(n.total_fen, n.rows.iter().map(|r| r.amount_fen).sum::<i64>());
    assert!(n.rows.iter().any(|r| r.paid_months == "7—9月"));
    let json = serde_json::to_string(&n).unwrap();
    let digits_run = |s: &str, len: usize| s.as_bytes().windows(len).any(|w| w.iter().all(|b| b.is_ascii_digit()));
    assert!(!digits_run(&json, 11), "no phone or ID number on a notice");
    let year = s.dues_notice(2026, None, None, today()).unwrap();
    assert_eq!(year.period_label, "2026年度");
    assert!(s.dues_notice(2026, None, Some(13), today()).is_err());
}

mod clearing {
    use crate::{id_for, today};
    use zhibu_core::branch::BranchForm;
    use zhibu_core::demo::{clear_demo, DemoState};
    use zhibu_core::dues::PaymentForm;
    use zhibu_core::members::{MemberForm, MemberQuery};
    use zhibu_core::{Code, Error, Store};

    fn real_member() -> MemberForm {
        MemberForm {
            name: "王建国".into(),
            birth_date: "1970-03-05".into(),
            id_number: id_for("19700305", "123"),
            kind: "full".into(),
            admitted_on: "2000-07-01".into(),
            full_member_on: "2001-07-01".into(),
            ..Default::default()
        }
    }

    fn loaded_and_clearable() -> DemoState {
        DemoState { loaded: true, clearable: true }
    }

    fn backups(dir: &std::path::Path) -> Vec<String> {
        std::fs::read_dir(dir.join("备份"))
            .map(|rd| rd.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default()
    }

    /// Moves every time stamp the demo wrote an hour back, as if it had been
    /// loaded an hour before (a test cannot wait past the load's window).
    fn age_the_demo(dir: &std::path::Path) {
        let conn = rusqlite::Connection::open(dir.join("zhibu.sqlite3")).unwrap();
        for (table, column) in [
            ("members", "created_at"),
            ("members", "updated_at"),
            ("party_groups", "created_at"),
            ("member_status_changes", "recorded_at"),
            ("transfers", "recorded_at"),
            ("member_group_changes", "recorded_at"),
            ("change_log", "at"),
            ("meetings", "created_at"),
            ("meetings", "updated_at"),
            ("dues_assessments", "created_at"),
            ("dues_payments", "created_at"),
            ("dues_remittances", "created_at"),
            ("recruits", "created_at"),
            ("recruits", "updated_at"),
            ("recruit_steps", "recorded_at"),
            ("recruit_notices", "recorded_at"),
        ] {
            conn.execute(&format!("UPDATE {table} SET {column} = datetime({column}, '-1 hour')"), []).unwrap();
        }
    }

    #[test]
    fn the_demo_is_detected_and_clearable_right_after_loading() {
        let mut s = Store::open_in_memory().unwrap();
        assert_eq!(s.demo_state().unwrap(), DemoState::default(), "an empty branch is no demo");
        s.load_demo(today()).unwrap();
        assert_eq!(s.demo_state().unwrap(), loaded_and_clearable());
    }

    #[test]
    fn a_real_branch_is_not_the_demo() {
        let mut s = Store::open_in_memory().unwrap();
        s.create_member(&real_member(), today()).unwrap();
        assert_eq!(s.demo_state().unwrap(), DemoState::default());
        let dir = tempfile::tempdir().unwrap();
        Store::open_dir(dir.path()).unwrap().create_member(&real_member(), today()).unwrap();
        let e = clear_demo(dir.path()).unwrap_err();
        assert_eq!(e.code(), Code::DemoNotClearable);
        assert!(e.to_string().contains("不是示例支部"), "{e}");
        assert_eq!(Store::open_dir(dir.path()).unwrap().member_count().unwrap(), 1);
    }

    #[test]
    fn a_member_added_to_the_demo_keeps_the_banner_and_refuses_clearing_with_nothing_changed() {
        let dir = tempfile::tempdir().unwrap();
        let demo_members = {
            let mut s = Store::open_dir(dir.path()).unwrap();
            let n = s.load_demo(today()).unwrap().members;
            s.create_member(&real_member(), today()).unwrap();
            assert_eq!(s.demo_state().unwrap(), DemoState { loaded: true, clearable: false });
            n
        };
        let e = clear_demo(dir.path()).unwrap_err();
        assert!(matches!(e, Error::DemoNotClearable(_)), "{e:?}");
        assert!(e.to_string().contains("如需清空，请先"), "{e}");
        assert!(backups(dir.path()).is_empty(), "refused before any backup: {:?}", backups(dir.path()));
        let s = Store::open_dir(dir.path()).unwrap();
        let all = s.members(&MemberQuery { include_left: true, ..Default::default() }).unwrap();
        assert_eq!(all.len(), demo_members + 1);
        assert!(all.iter().any(|m| m.name == "王建国"));
        assert_eq!(s.branch().unwrap().name, "中共青石镇东山村支部委员会");
    }

    #[test]
    fn a_payment_a_deletion_or_a_renamed_branch_after_the_load_are_hers() {
        let fresh = || {
            let dir = tempfile::tempdir().unwrap();
            Store::open_dir(dir.path()).unwrap().load_demo(today()).unwrap();
            age_the_demo(dir.path());
            let s = Store::open_dir(dir.path()).unwrap();
            assert_eq!(s.demo_state().unwrap(), loaded_and_clearable(), "an old load is still only the demo");
            (dir, s)
        };
        // A payment an hour after the load: no change log line, only its stamp tells.
        let (dir, mut s) = fresh();
        let member = s.members(&MemberQuery::default()).unwrap().into_iter().find(|m| !m.lost_contact).unwrap();
        let paid = s.record_payment(
            &PaymentForm {
                member_id: member.id,
                paid_on: today().to_string(),
                kind: "extra".into(),
                amount: "10.00".into(),
                ..Default::default()
            },
            today(),
        );
        paid.unwrap();
        assert_eq!(s.demo_state().unwrap(), DemoState { loaded: true, clearable: false });
        drop(s);
        assert!(clear_demo(dir.path()).is_err());

        let (_dir, mut s) = fresh();
        let m = s.members(&MemberQuery::default()).unwrap().remove(0);
        s.delete_member(m.id).unwrap();
        assert_eq!(s.demo_state().unwrap(), DemoState { loaded: true, clearable: false }, "a demo person deleted");

        // A 发展党员 step recorded after the load, or one of the demo's deleted.
        let (_dir, mut s) = fresh();
        let activist = s.recruits().unwrap().into_iter().find(|r| r.stage.code() == "activist").unwrap();
        let six = zhibu_core::recruits::StepForm { step: 6, date: today().to_string(), ..Default::default() };
        s.record_recruit_step(activist.id, &six, today()).unwrap();
        assert_eq!(s.demo_state().unwrap(), DemoState { loaded: true, clearable: false }, "a step of hers");
        let (_dir, mut s) = fresh();
        let f = s.recruit(activist.id).unwrap();
        s.delete_recruit_step(activist.id, f.steps.last().unwrap().id).unwrap();
        assert_eq!(s.demo_state().unwrap(), DemoState { loaded: true, clearable: false }, "a demo step deleted");
        let (_dir, mut s) = fresh();
        s.set_recruit_plan(2026, Some(2)).unwrap();
        assert_eq!(s.demo_state().unwrap(), DemoState { loaded: true, clearable: false }, "her 指导性计划");

        let (_dir, mut s) = fresh();
        let b = s.branch().unwrap();
        let form = BranchForm {
            name: "中共红旗村支部委员会".into(),
            higher_committee: b.higher_committee,
            secretary: b.secretary,
            term_start: None,
            records_from: None,
        };
        s.save_branch(&form, today()).unwrap();
        assert_eq!(s.demo_state().unwrap(), DemoState { loaded: true, clearable: false });
    }

    #[test]
    fn clearing_leaves_an_empty_branch_and_a_backup_of_the_demo() {
        let dir = tempfile::tempdir().unwrap();
        let n = Store::open_dir(dir.path()).unwrap().load_demo(today()).unwrap().members;
        let cleared = clear_demo(dir.path()).unwrap();
        let backup = std::path::PathBuf::from(cleared.backup.expect("a backup first"));
        assert!(backup.file_name().unwrap().to_string_lossy().starts_with("清除示例前_"), "{backup:?}");
        let in_backup =
            Store::open_copy(&backup).unwrap().members(&MemberQuery { include_left: true, ..Default::default() });
        assert_eq!(in_backup.unwrap().len(), n, "the demo is in the backup");

        let mut s = Store::open_dir(dir.path()).unwrap();
        assert_eq!(s.member_count().unwrap(), 0);
        assert!(s.is_empty().unwrap(), "not even in the recycle bin");
        assert_eq!(s.branch().unwrap().name, "");
        assert!(s.meetings(2026, None).unwrap().is_empty());
        assert!(s.recruits().unwrap().is_empty(), "no 发展党员 either");
        assert_eq!(s.demo_state().unwrap(), DemoState::default());
        assert!(std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .all(|e| !e.file_name().to_string_lossy().starts_with("恢复中")));
        s.load_demo(today()).unwrap();
    }
}
