use crate::{id_for, today};
use zhibu_core::members::{MemberForm, MemberQuery, StatusForm, TransferForm};
use zhibu_core::{Error, PartialDate, Store};

fn form(name: &str, birth: &str, seq: &str) -> MemberForm {
    MemberForm {
        name: name.into(),
        birth_date: format!("{}-{}-{}", &birth[..4], &birth[4..6], &birth[6..]),
        id_number: id_for(birth, seq),
        kind: "full".into(),
        admitted_on: "2010-06-20".into(),
        full_member_on: "2011-06-20".into(),
        group_name: "第一党小组".into(),
        phone: "13812345678".into(),
        ..Default::default()
    }
}

/// A transfer out on 2026-05-08 with its letter, dues paid to May.
fn out_to_xiling() -> TransferForm {
    TransferForm {
        direction: "out".into(),
        date: "2026-05-08".into(),
        other_branch: "中共西岭村支部委员会".into(),
        letter_number: "青组转〔2026〕12号".into(),
        dues_paid_to: "2026-05".into(),
        notes: "".into(),
    }
}

fn field_error(e: Error, field: &str) -> String {
    match e {
        Error::Validation(f) => f.get(field).unwrap_or_else(|| panic!("no error on {field}: {f:?}")).to_string(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn a_member_is_saved_with_every_field_and_derived_facts() {
    let dir = tempfile::tempdir().unwrap();
    let id;
    {
        let mut s = Store::open_dir(dir.path()).unwrap();
        let mut f = form("张三", "19850701", "123");
        f.ethnicity = "汉族".into();
        f.education = "高中".into();
        f.committee_role = Some("organization".into());
        f.job = "东山村村委会".into();
        f.address = "东山村二组5号".into();
        f.notes = "退役军人".into();
        f.mobile = true;
        f.mobile_destination = "广东省深圳市".into();
        id = s.create_member(&f, today()).unwrap().id;
    }
    // Reopened from disk: nothing lost.
    let s = Store::open_dir(dir.path()).unwrap();
    let m = s.member(id).unwrap();
    assert_eq!(m.name, "张三");
    assert_eq!(m.group_name.as_deref(), Some("第一党小组"));
    assert_eq!(m.committee_role.map(|r| r.label()), Some("组织委员"));
    assert_eq!((m.job.as_str(), m.address.as_str(), m.notes.as_str()), ("东山村村委会", "东山村二组5号", "退役军人"));
    assert_eq!(m.mobile_destination, "广东省深圳市");
    assert_eq!(m.age(today()), Some(41));
    assert_eq!(m.standing_years(today()), Some(15));
    let pb = m.next_political_birthday(today()).unwrap();
    assert_eq!((pb.date.to_iso(), pb.years), ("2027-06-20".to_string(), 17));
    assert_eq!(m.masked_id_number().len(), 18);
    assert!(m.masked_id_number().contains("********"));
    assert_eq!(m.masked_phone().as_deref(), Some("138****5678"));
    let history = s.member_history(id).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].action, "create");
}

#[test]
fn a_refused_form_saves_nothing() {
    let mut s = Store::open_in_memory().unwrap();
    let mut f = form("张三", "19850701", "123");
    f.group_name = "新党小组".into();
    f.id_number.pop();
    f.id_number.push('Y');
    let err = s.create_member(&f, today()).unwrap_err();
    assert!(field_error(err, "id_number").contains("数字"));
    assert_eq!(s.member_count().unwrap(), 0);
    assert!(s.groups().unwrap().is_empty(), "the new group was not created either");
}

#[test]
fn a_duplicate_id_is_refused_and_the_group_is_not_created() {
    let mut s = Store::open_in_memory().unwrap();
    s.create_member(&form("张三", "19850701", "123"), today()).unwrap();
    let mut again = form("张三丰", "19850701", "123");
    again.group_name = "第二党小组".into();
    let msg = field_error(s.create_member(&again, today()).unwrap_err(), "id_number");
    assert!(msg.contains("张三"), "{msg}");
    assert_eq!(s.groups().unwrap().len(), 1);
}

#[test]
fn only_one_secretary() {
    let mut s = Store::open_in_memory().unwrap();
    let mut a = form("李建国", "19700101", "111");
    a.committee_role = Some("secretary".into());
    let a = s.create_member(&a, today()).unwrap();
    let mut b = form("王德福", "19710101", "131");
    b.committee_role = Some("secretary".into());
    assert!(field_error(s.create_member(&b, today()).unwrap_err(), "committee_role").contains("李建国"));
    // Editing the secretary's own file keeps the post.
    let mut a_form = form("李建国", "19700101", "111");
    a_form.committee_role = Some("secretary".into());
    a_form.phone = "13900001111".into();
    assert!(s.update_member(a.id, &a_form, today()).is_ok());
}

#[test]
fn an_edit_is_logged_field_by_field_with_numbers_masked() {
    let mut s = Store::open_in_memory().unwrap();
    let m = s.create_member(&form("张三", "19850701", "123"), today()).unwrap();
    let mut f = form("张三", "19850701", "123");
    f.phone = "13998765432".into();
    f.group_name = "第二党小组".into();
    s.update_member(m.id, &f, today()).unwrap();
    let h = s.member_history(m.id).unwrap();
    assert_eq!(h[0].action, "update");
    assert!(h[0].summary.contains("联系电话：138****5678 → 139****5432"), "{}", h[0].summary);
    assert!(h[0].summary.contains("党小组：第一党小组 → 第二党小组"), "{}", h[0].summary);
    assert!(!h[0].summary.contains("13998765432"));
    // Saving the same form again records nothing new.
    s.update_member(m.id, &f, today()).unwrap();
    assert_eq!(s.member_history(m.id).unwrap().len(), 2);
}

#[test]
fn delete_is_soft_and_restorable() {
    let mut s = Store::open_in_memory().unwrap();
    let m = s.create_member(&form("张三", "19850701", "123"), today()).unwrap();
    s.delete_member(m.id).unwrap();
    assert_eq!(s.member_count().unwrap(), 0);
    let bin = s.members(&MemberQuery { deleted: true, ..Default::default() }).unwrap();
    assert_eq!(bin.len(), 1);
    // A new file with the same ID is pointed at the recycle bin instead.
    let msg = field_error(s.create_member(&form("张三", "19850701", "123"), today()).unwrap_err(), "id_number");
    assert!(msg.contains("回收站"), "{msg}");
    let back = s.restore_member(m.id).unwrap();
    assert!(!back.deleted);
    assert_eq!(s.member_count().unwrap(), 1);
    let actions: Vec<String> = s.member_history(m.id).unwrap().into_iter().map(|h| h.action).collect();
    assert_eq!(actions, ["restore", "delete", "create"]);
}

#[test]
fn status_changes_keep_their_history() {
    let mut s = Store::open_in_memory().unwrap();
    let m = s.create_member(&form("张三", "19850701", "123"), today()).unwrap();
    let no_reason = StatusForm { status: "suspended".into(), date: "2026-03-01".into(), reason: "".into() };
    assert!(field_error(s.change_status(m.id, &no_reason, today()).unwrap_err(), "reason").contains("原因"));
    let change = StatusForm { reason: "党委批复 青组〔2026〕3号".into(), ..no_reason };
    let m2 = s.change_status(m.id, &change, today()).unwrap();
    assert_eq!(m2.status.label(), "停止党籍");
    s.change_status(
        m.id,
        &StatusForm { status: "normal".into(), date: "2026-09-01".into(), reason: "恢复".into() },
        today(),
    )
    .unwrap();
    let hist = s.status_history(m.id).unwrap();
    assert_eq!(hist.len(), 2);
    assert_eq!(hist[0].status.label(), "正常");
    assert_eq!(hist[1].date, PartialDate::parse("2026-03-01").unwrap());
    let same = StatusForm { status: "normal".into(), date: "2026-10-01".into(), reason: "".into() };
    assert!(field_error(s.change_status(m.id, &same, today()).unwrap_err(), "status").contains("已经是"));
}

#[test]
fn a_transfer_out_takes_the_member_off_the_roster() {
    let mut s = Store::open_in_memory().unwrap();
    let m = s.create_member(&form("张三", "19850701", "123"), today()).unwrap();
    let t = out_to_xiling();
    let m2 = s.add_transfer(m.id, &t, today()).unwrap();
    assert!(m2.left_branch);
    assert_eq!(s.member_count().unwrap(), 0);
    let with_left = s.members(&MemberQuery { include_left: true, ..Default::default() }).unwrap();
    assert_eq!(with_left.len(), 1);
    let tr = s.transfers(m.id).unwrap();
    assert_eq!(tr[0].dues_paid_to.map(|d| d.to_iso()).as_deref(), Some("2026-05"));
    assert!(field_error(s.add_transfer(m.id, &t, today()).unwrap_err(), "direction").contains("已经转出"));
    let back = TransferForm { direction: "in".into(), date: "2026-10-01".into(), ..t };
    assert!(!s.add_transfer(m.id, &back, today()).unwrap().left_branch);
}

#[test]
fn search_by_initials_id_tail_and_filters() {
    let mut s = Store::open_in_memory().unwrap();
    s.create_member(&form("张三", "19850701", "123"), today()).unwrap();
    let mut p = form("李四", "19900101", "244");
    p.kind = "probationary".into();
    p.admitted_on = "2026-06-01".into();
    p.full_member_on.clear();
    let li = s.create_member(&p, today()).unwrap();
    let names = |q: MemberQuery| -> Vec<String> { s.members(&q).unwrap().into_iter().map(|m| m.name).collect() };
    assert_eq!(names(MemberQuery { search: "zs".into(), ..Default::default() }), ["张三"]);
    let tail = &li.id_number[14..];
    assert_eq!(names(MemberQuery { search: tail.into(), ..Default::default() }), ["李四"]);
    assert_eq!(names(MemberQuery { kind: Some("probationary".into()), ..Default::default() }), ["李四"]);
    assert_eq!(names(MemberQuery { status: Some("deceased".into()), ..Default::default() }), Vec::<String>::new());
}

/// The count the meeting calendar asks for (whether 党员大会 and 支委会 are
/// required) is read with one query; it agrees with the roster's own rule:
/// not deleted, not transferred out, 正式党员, status 正常.
#[test]
fn full_members_in_good_standing_are_counted_as_the_roster_lists_them() {
    let mut s = Store::open_in_memory().unwrap();
    let mut ids = Vec::new();
    for (i, name) in ["甲", "乙", "丙", "丁", "戊", "己", "庚"].iter().enumerate() {
        ids.push(s.create_member(&form(name, "19850701", &format!("{:03}", 101 + 2 * i)), today()).unwrap().id);
    }
    let mut probationary = form("辛", "19900101", "311");
    probationary.kind = "probationary".into();
    probationary.admitted_on = "2026-05-01".into();
    probationary.full_member_on = String::new();
    s.create_member(&probationary, today()).unwrap();
    let out = out_to_xiling();
    s.add_transfer(ids[0], &out, today()).unwrap();
    s.add_transfer(ids[1], &out, today()).unwrap();
    let back = TransferForm { direction: "in".into(), date: "2026-09-01".into(), ..out };
    s.add_transfer(ids[1], &back, today()).unwrap();
    s.delete_member(ids[2]).unwrap();
    let suspended = StatusForm { status: "suspended".into(), date: "2026-03-01".into(), reason: "失联".into() };
    s.change_status(ids[3], &suspended, today()).unwrap();
    let by_roster = s
        .members(&MemberQuery::default())
        .unwrap()
        .iter()
        .filter(|m| m.kind.code() == "full" && m.status.code() == "normal")
        .count();
    assert_eq!(by_roster, 4, "乙 (back again), 戊, 己, 庚");
    assert_eq!(s.full_members_in_good_standing().unwrap(), by_roster);
}
