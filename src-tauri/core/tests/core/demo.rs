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
