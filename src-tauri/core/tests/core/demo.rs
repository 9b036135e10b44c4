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
