//! The synthetic branch (性能测试用): a small size, checked where a
//! generator goes wrong — counts, the 三会一课 calendar, attendance, ID
//! numbers, the ledger, the workbook.

use chrono::NaiveDate;
use std::collections::HashSet;
use zhibu_core::demo::{SyntheticLoaded, SyntheticSize};
use zhibu_core::dues::MonthState;
use zhibu_core::meetings::MeetingKind;
use zhibu_core::members::MemberQuery;
use zhibu_core::{Error, Store};

/// Late December, so the last year has all its meetings too.
fn december() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 28).unwrap()
}

fn small() -> (Store, SyntheticLoaded) {
    let mut s = Store::open_in_memory().unwrap();
    let loaded = s.load_synthetic(SyntheticSize { members: 60, years: 2 }, december()).unwrap();
    (s, loaded)
}

#[test]
fn the_synthetic_branch_has_the_size_asked_for_with_valid_distinct_people() {
    let (s, loaded) = small();
    let all = s.members(&MemberQuery { include_left: true, ..Default::default() }).unwrap();
    assert_eq!(all.len(), 60, "{loaded:?}");
    assert_eq!(loaded.members, 60);
    assert!(s.members(&MemberQuery { deleted: true, ..Default::default() }).unwrap().is_empty());
    let names: HashSet<&str> = all.iter().map(|m| m.name.as_str()).collect();
    let numbers: HashSet<&str> = all.iter().map(|m| m.id_number.as_str()).collect();
    assert_eq!((names.len(), numbers.len()), (60, 60), "names and ID numbers are unique");
    for m in &all {
        let info = zhibu_core::idcard::check(&m.id_number, december()).unwrap_or_else(|e| panic!("{}: {e}", m.name));
        assert_eq!(info.sex, m.sex, "{}", m.name);
    }
    // A committee with a secretary, groups, a few 预备党员, people gone and come.
    assert!(s.committee_warnings().unwrap().is_empty(), "{:?}", s.committee_warnings().unwrap());
    assert_eq!(
        s.branch().unwrap().secretary,
        all.iter().find(|m| m.committee_role.is_some_and(|r| r.code() == "secretary")).unwrap().name
    );
    assert!(s.groups().unwrap().len() >= 3);
    assert!(all.iter().any(|m| m.kind.code() == "probationary"));
    assert!(all.iter().any(|m| m.left_branch));
    assert!(all.iter().any(|m| m.status.code() == "deceased"));
    // Members made by 发展党员 step 17 are among the sixty, and no step needed a reason.
    assert!(loaded.recruits >= 3, "{loaded:?}");
    let recruits = s.recruits().unwrap();
    assert!(recruits.iter().filter(|r| r.member_id.is_some()).count() >= 1);
    for r in &recruits {
        let f = s.recruit(r.id).unwrap();
        assert!(f.steps.iter().all(|x| x.override_reason.is_empty() && x.date <= december()), "{}", r.name);
        for x in f.steps.iter().filter(|x| x.step == 15 || x.step == 23) {
            assert!(x.meeting_id.is_some(), "{} step {} linked to its 党员大会", r.name, x.step);
        }
    }
    let again = Store::open_in_memory().unwrap().load_synthetic(SyntheticSize { members: 10, years: 2 }, december());
    assert!(matches!(again, Err(Error::Validation(_))), "too small a branch is refused");
}

#[test]
fn every_year_has_its_meetings_with_one_attendance_row_per_member() {
    let (s, loaded) = small();
    let (mut meetings, mut rows) = (0, 0);
    for year in [2025, 2026] {
        let all = s.meetings(year, None).unwrap();
        let count = |k: MeetingKind| all.iter().filter(|m| m.kind == k).count();
        assert_eq!(count(MeetingKind::ThemeDay), 12, "{year}");
        assert_eq!(count(MeetingKind::Committee), 12, "{year}");
        assert_eq!(count(MeetingKind::Assembly), 4, "{year}");
        assert_eq!(count(MeetingKind::Lecture), 4, "{year}");
        assert_eq!(count(MeetingKind::GroupMeeting), 12 * s.groups().unwrap().len(), "{year}");
        assert!(count(MeetingKind::Talk) >= 20, "{year}");
        assert_eq!(count(MeetingKind::LifeMeeting) + count(MeetingKind::Review), 2, "{year}");
        for m in &all {
            let ids: HashSet<i64> = m.attendees.iter().map(|a| a.member_id).collect();
            assert_eq!(ids.len(), m.attendees.len(), "{} {}: a member listed twice", m.date, m.topic);
        }
        let theme = all.iter().filter(|m| m.kind == MeetingKind::ThemeDay);
        assert!(theme.flat_map(|m| &m.attendees).any(|a| a.status.code() != "present"), "some leave or absence");
        meetings += all.len();
        rows += all.iter().map(|m| m.attendees.len()).sum::<usize>();
    }
    assert_eq!((meetings, rows), (loaded.meetings, loaded.attendance_rows));
    assert!(s.meeting_calendar(2026, december()).unwrap().gaps.iter().all(|g| !g.contains("主题党日")));
}

#[test]
fn the_current_years_dues_have_payments_and_arrears_and_the_workbooks_build() {
    let (s, loaded) = small();
    assert!(loaded.payments > 0 && loaded.remittances > 0, "{loaded:?}");
    let grid = s.dues_grid(2026, december()).unwrap();
    let cells = || grid.rows.iter().flat_map(|r| &r.cells);
    assert!(cells().any(|c| c.state == MonthState::Paid));
    assert!(cells().all(|c| c.state != MonthState::Unassessed), "everyone owing is assessed");
    assert!(grid.total_fen > 0);
    let arrears = s.dues_arrears(december()).unwrap();
    assert!(!arrears.is_empty(), "some members are three months or more behind");
    assert!(arrears.len() < 10, "{arrears:?}");
    assert!(s.remittances(Some(2026)).unwrap().len() >= 3);
    assert!(loaded.visits > 0 && loaded.trainings > 0 && loaded.services > 0, "{loaded:?}");
    for year in [2025, 2026] {
        let book = s.year_workbook(year, december()).unwrap();
        assert!(book.len() > 10_000, "{year}: {} bytes", book.len());
    }
}
