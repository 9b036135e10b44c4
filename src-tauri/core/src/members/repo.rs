//! Member records in the database: create, update, soft delete, restore,
//! search and groups, each in one transaction with its change log (status
//! changes, probation extensions and transfers: `standing.rs`).

use super::model::{CommitteeRole, Member, MemberKind, ProbationExtension, Status};
use super::search::Needle;
use super::standing::{StatusChange, Transfer};
use super::validate::{check_form, check_form_with, CheckedMember, GroupChoice, MemberForm};
use crate::date::PartialDate;
use crate::error::{Error, FieldErrors, Result};
use crate::idcard::Sex;
use crate::store::changelog::{self, FieldChange, HistoryEntry};
use crate::store::{now_text, Store};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

pub(super) const ENTITY: &str = "member";

/// Filters of the roster. Empty means everything on the roster.
#[derive(Clone, Debug, Default, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct MemberQuery {
    pub search: String,
    pub kind: Option<String>,
    pub group_id: Option<i64>,
    pub status: Option<String>,
    /// Include members whose latest transfer took them out of the branch.
    pub include_left: bool,
    /// The recycle bin instead of the roster.
    pub deleted: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Group {
    pub id: i64,
    pub name: String,
    pub member_count: i64,
}

/// Everything the detail page shows of one member.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MemberFile {
    pub member: Member,
    pub history: Vec<HistoryEntry>,
    pub status_history: Vec<StatusChange>,
    pub transfers: Vec<Transfer>,
}

const MEMBER_WORDING: changelog::Wording = changelog::Wording {
    action: |action| match action {
        "create" => ("建档", Some("建立档案")),
        "delete" => ("删除", Some("移入回收站（可恢复）")),
        "restore" => ("恢复", Some("从回收站恢复")),
        "status" => ("党籍状态变更", None),
        "transfer" => ("组织关系转接", None),
        _ => ("修改", None),
    },
    change: |c| match c.old {
        None if c.field == "transfer" => masked_value(&c.field, &c.new),
        _ => format!(
            "{}：{} → {}",
            field_label(&c.field),
            masked_value(&c.field, &c.old),
            masked_value(&c.field, &c.new)
        ),
    },
};

/// 1 when member `m`'s latest transfer took them out of the branch.
macro_rules! left_branch_sql {
    () => {
        "COALESCE((SELECT t.direction = 'out' FROM transfers t WHERE t.member_id = m.id
                   ORDER BY t.date DESC, t.id DESC LIMIT 1), 0)"
    };
}

const MEMBER_SELECT: &str = concat!(
    "
SELECT m.id, m.name, m.sex, m.ethnicity, m.birth_date, m.id_number, m.education, m.kind,
       m.admitted_on, m.full_member_on, m.group_id, g.name, m.committee_role, m.job, m.phone,
       m.address, m.status, m.status_date, m.status_reason, m.mobile, m.mobile_destination,
       m.lost_contact, m.lost_contact_reason, m.notes,
       m.full_member_reason, m.probation_extension_months, m.probation_extension_on,
       m.probation_extension_reply, m.lost_contact_since, ",
    left_branch_sql!(),
    ",
       m.deleted_at IS NOT NULL
FROM members m LEFT JOIN party_groups g ON g.id = m.group_id"
);

fn member_from_row(r: &Row<'_>) -> rusqlite::Result<Member> {
    let sex: String = r.get(2)?;
    Ok(Member {
        id: r.get(0)?,
        name: r.get(1)?,
        sex: Sex::from_code(&sex).unwrap_or(Sex::Male),
        ethnicity: r.get(3)?,
        birth_date: r.get(4)?,
        id_number: r.get(5)?,
        education: r.get(6)?,
        kind: r.get(7)?,
        admitted_on: r.get(8)?,
        full_member_on: r.get(9)?,
        group_id: r.get(10)?,
        group_name: r.get(11)?,
        committee_role: r.get(12)?,
        job: r.get(13)?,
        phone: r.get(14)?,
        address: r.get(15)?,
        status: r.get(16)?,
        status_date: r.get(17)?,
        status_reason: r.get(18)?,
        mobile: r.get(19)?,
        mobile_destination: r.get(20)?,
        lost_contact: r.get(21)?,
        lost_contact_reason: r.get(22)?,
        notes: r.get(23)?,
        full_member_reason: r.get(24)?,
        probation_extension: match (r.get::<_, Option<u32>>(25)?, r.get::<_, Option<PartialDate>>(26)?) {
            (Some(months), Some(decided_on)) => Some(ProbationExtension { months, decided_on, approval: r.get(27)? }),
            _ => None,
        },
        lost_contact_since: r.get(28)?,
        left_branch: r.get(29)?,
        deleted: r.get(30)?,
    })
}

pub(crate) fn load_in(conn: &Connection, id: i64) -> Result<Member> {
    load(conn, id)
}

pub(super) fn load(conn: &Connection, id: i64) -> Result<Member> {
    conn.query_row(&format!("{MEMBER_SELECT} WHERE m.id = ?1"), [id], member_from_row)
        .optional()?
        .ok_or(Error::NotFound("党员档案"))
}

pub(super) fn role_rank(role: Option<CommitteeRole>) -> usize {
    role.and_then(|r| CommitteeRole::ALL.iter().position(|x| *x == r)).unwrap_or(usize::MAX)
}

/// The display text of every field the form edits, for the change log.
fn field_texts(m: &CheckedMember, group_name: Option<&str>) -> Vec<(&'static str, Option<String>)> {
    let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let date = |d: Option<PartialDate>| d.map(|d| d.to_iso());
    let yes_no = |b: bool| Some(if b { "是" } else { "否" }.to_string());
    vec![
        ("name", text(&m.name)),
        ("sex", Some(m.sex.label().into())),
        ("ethnicity", text(&m.ethnicity)),
        ("birth_date", date(Some(m.birth_date))),
        ("id_number", text(&m.id_number)),
        ("education", text(&m.education)),
        ("kind", Some(m.kind.label().into())),
        ("admitted_on", date(m.admitted_on)),
        ("full_member_on", date(m.full_member_on)),
        ("group", group_name.map(str::to_string)),
        ("committee_role", m.committee_role.map(|r| r.label().into())),
        ("job", text(&m.job)),
        ("phone", text(&m.phone)),
        ("address", text(&m.address)),
        ("mobile", yes_no(m.mobile)),
        ("mobile_destination", text(&m.mobile_destination)),
        ("lost_contact", yes_no(m.lost_contact)),
        ("lost_contact_reason", m.lost_contact_reason.map(|r| r.label().into())),
        ("lost_contact_since", date(m.lost_contact_since)),
        ("notes", text(&m.notes)),
        ("full_member_reason", text(&m.full_member_reason)),
    ]
}

fn as_checked(m: &Member) -> CheckedMember {
    CheckedMember {
        name: m.name.clone(),
        sex: m.sex,
        ethnicity: m.ethnicity.clone(),
        birth_date: m.birth_date,
        id_number: m.id_number.clone(),
        education: m.education.clone(),
        kind: m.kind,
        admitted_on: m.admitted_on,
        full_member_on: m.full_member_on,
        group: m.group_id.map_or(GroupChoice::None, GroupChoice::Existing),
        committee_role: m.committee_role,
        job: m.job.clone(),
        phone: m.phone.clone(),
        address: m.address.clone(),
        mobile: m.mobile,
        mobile_destination: m.mobile_destination.clone(),
        lost_contact: m.lost_contact,
        lost_contact_reason: m.lost_contact_reason,
        lost_contact_since: m.lost_contact_since,
        notes: m.notes.clone(),
        full_member_reason: m.full_member_reason.clone(),
    }
}

pub(crate) fn field_label(field: &str) -> &str {
    match field {
        "name" => "姓名",
        "sex" => "性别",
        "ethnicity" => "民族",
        "birth_date" => "出生日期",
        "id_number" => "公民身份号码",
        "education" => "文化程度",
        "kind" => "党员类别",
        "admitted_on" => "入党日期",
        "full_member_on" => "转正日期",
        "group" => "党小组",
        "committee_role" => "支委职务",
        "job" => "工作单位及职务",
        "phone" => "联系电话",
        "address" => "家庭住址",
        "mobile" => "流动党员",
        "mobile_destination" => "外出流向",
        "lost_contact" => "失联",
        "lost_contact_reason" => "失联原因",
        "lost_contact_since" => "失联起始日期",
        "notes" => "备注",
        "full_member_reason" => "转正日期说明",
        "probation_extension" => "延长预备期",
        "status" => "党籍状态",
        "transfer" => "组织关系",
        other => other,
    }
}

fn masked_value(field: &str, value: &Option<String>) -> String {
    match value {
        None => "（空）".into(),
        Some(v) if field == "id_number" => crate::mask::mask_id_number(v),
        Some(v) if field == "phone" => crate::mask::mask_phone(v),
        Some(v) => v.clone(),
    }
}

/// Database checks of a form that passed [`check_form`]: the ID is not on
/// another live record, there is one 书记, the group exists. Resolves a new
/// group by creating it. Runs inside the caller's transaction.
fn check_in_db(conn: &Connection, m: &CheckedMember, own_id: Option<i64>) -> Result<Option<i64>> {
    let mut errors = FieldErrors::default();
    let same_id: Option<String> = conn
        .query_row(
            "SELECT name FROM members WHERE id_number = ?1 AND deleted_at IS NULL AND id IS NOT ?2",
            params![m.id_number, own_id],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(name) = same_id {
        errors.add("id_number", format!("这个身份证号已经登记在“{name}”的档案里，同一人不能建两份档案，请核对"));
    }
    let deleted_same_id: Option<String> = conn
        .query_row(
            "SELECT name FROM members WHERE id_number = ?1 AND deleted_at IS NOT NULL AND id IS NOT ?2",
            params![m.id_number, own_id],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(name) = deleted_same_id {
        errors.add("id_number", format!("回收站里有一份同一身份证号的档案（{name}），请到回收站恢复它，不要重新建档"));
    }
    if m.committee_role == Some(CommitteeRole::Secretary) {
        let other: Option<String> = conn
            .query_row(
                "SELECT name FROM members WHERE committee_role = 'secretary' AND deleted_at IS NULL AND id IS NOT ?1",
                [own_id],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(name) = other {
            errors.add(
                "committee_role",
                format!("支部书记现在是“{name}”，一个支部只有一位书记；请先修改{name}的支委职务"),
            );
        }
    }
    let group_id = match &m.group {
        GroupChoice::None => None,
        GroupChoice::Existing(id) => {
            let exists: bool =
                conn.query_row("SELECT EXISTS(SELECT 1 FROM party_groups WHERE id = ?1)", [id], |r| r.get(0))?;
            if !exists {
                errors.add("group_id", "这个党小组已不存在，请重新选择");
            }
            Some(*id)
        }
        GroupChoice::New(name) => {
            let existing: Option<i64> =
                conn.query_row("SELECT id FROM party_groups WHERE name = ?1", [name], |r| r.get(0)).optional()?;
            match existing {
                Some(id) => Some(id),
                None if errors.is_empty() => {
                    conn.execute(
                        "INSERT INTO party_groups (name, created_at) VALUES (?1, ?2)",
                        params![name, now_text()],
                    )?;
                    Some(conn.last_insert_rowid())
                }
                None => None,
            }
        }
    };
    errors.into_result()?;
    Ok(group_id)
}

fn group_name(conn: &Connection, id: Option<i64>) -> Result<Option<String>> {
    Ok(match id {
        None => None,
        Some(id) => conn.query_row("SELECT name FROM party_groups WHERE id = ?1", [id], |r| r.get(0)).optional()?,
    })
}

fn write_member(conn: &Connection, id: Option<i64>, m: &CheckedMember, group_id: Option<i64>) -> Result<i64> {
    let now = now_text();
    let values = params![
        m.name,
        m.sex.code(),
        m.ethnicity,
        m.birth_date,
        m.id_number,
        m.education,
        m.kind,
        m.admitted_on,
        m.full_member_on,
        group_id,
        m.committee_role,
        m.job,
        m.phone,
        m.address,
        m.mobile,
        m.mobile_destination,
        m.lost_contact,
        m.lost_contact_reason,
        m.notes,
        now,
        m.full_member_reason,
        m.lost_contact_since,
    ];
    match id {
        None => {
            conn.execute(
                "INSERT INTO members (name, sex, ethnicity, birth_date, id_number, education, kind, admitted_on,
                    full_member_on, group_id, committee_role, job, phone, address, mobile, mobile_destination,
                    lost_contact, lost_contact_reason, notes, created_at, updated_at, full_member_reason,
                    lost_contact_since)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?20,
                    ?21, ?22)",
                values,
            )?;
            Ok(conn.last_insert_rowid())
        }
        Some(id) => {
            let mut all: Vec<&dyn rusqlite::ToSql> = values.to_vec();
            all.push(&id);
            conn.execute(
                "UPDATE members SET name = ?1, sex = ?2, ethnicity = ?3, birth_date = ?4, id_number = ?5,
                    education = ?6, kind = ?7, admitted_on = ?8, full_member_on = ?9, group_id = ?10,
                    committee_role = ?11, job = ?12, phone = ?13, address = ?14, mobile = ?15,
                    mobile_destination = ?16, lost_contact = ?17, lost_contact_reason = ?18, notes = ?19,
                    updated_at = ?20, full_member_reason = ?21, lost_contact_since = ?22
                 WHERE id = ?23",
                all.as_slice(),
            )?;
            Ok(id)
        }
    }
}

impl Store {
    /// Adds a member from the form. All or nothing: any problem, and nothing is saved.
    pub fn create_member(&mut self, form: &MemberForm, today: NaiveDate) -> Result<Member> {
        let checked = check_form(form, today).map_err(Error::Validation)?;
        self.insert_checked(&checked)
    }

    /// Adds a member whose form already passed [`check_form`].
    pub fn insert_checked(&mut self, checked: &CheckedMember) -> Result<Member> {
        let tx = self.conn_mut().transaction()?;
        let id = insert_checked_in(&tx, checked)?;
        tx.commit()?;
        load(self.conn(), id)
    }

    pub fn update_member(&mut self, id: i64, form: &MemberForm, today: NaiveDate) -> Result<Member> {
        let extension = load(self.conn(), id)?.probation_extension.map_or(0, |e| e.months);
        let checked = check_form_with(form, today, extension).map_err(Error::Validation)?;
        let tx = self.conn_mut().transaction()?;
        update_checked_in(&tx, id, &checked, today)?;
        tx.commit()?;
        load(self.conn(), id)
    }

    /// One member, deleted or not.
    pub fn member(&self, id: i64) -> Result<Member> {
        load(self.conn(), id)
    }

    /// One member with the history, status changes and transfers.
    pub fn member_file(&self, id: i64) -> Result<MemberFile> {
        Ok(MemberFile {
            member: self.member(id)?,
            history: self.member_history(id)?,
            status_history: self.status_history(id)?,
            transfers: self.transfers(id)?,
        })
    }

    /// The roster (or the recycle bin), filtered and in roster order:
    /// committee posts first, then by 入党日期.
    pub fn members(&self, query: &MemberQuery) -> Result<Vec<Member>> {
        let mut stmt =
            self.conn().prepare(&format!("{MEMBER_SELECT} WHERE (m.deleted_at IS NOT NULL) = ?1 ORDER BY m.id"))?;
        let all = stmt.query_map([query.deleted], member_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        let needle = Needle::parse(&query.search);
        let kind = query.kind.as_deref().filter(|s| !s.is_empty()).and_then(MemberKind::from_code);
        let status = query.status.as_deref().filter(|s| !s.is_empty()).and_then(Status::from_code);
        let mut out: Vec<Member> = all
            .into_iter()
            .filter(|m| {
                query.deleted
                    || query.include_left
                    || (!m.left_branch && (m.status != Status::Cancelled || status == Some(Status::Cancelled)))
            })
            .filter(|m| kind.is_none_or(|k| m.kind == k))
            .filter(|m| status.is_none_or(|s| m.status == s))
            .filter(|m| query.group_id.is_none_or(|g| m.group_id == Some(g)))
            .filter(|m| needle.matches(&m.name, &m.id_number))
            .collect();
        out.sort_by(|a, b| {
            role_rank(a.committee_role)
                .cmp(&role_rank(b.committee_role))
                .then(a.admitted_on.cmp(&b.admitted_on))
                .then(a.id.cmp(&b.id))
        });
        Ok(out)
    }

    /// Full members in good standing on the roster (not deleted, not
    /// transferred out, status 正常), counted without reading their files:
    /// whether the 党员大会 and 支委会 are required (docs/DOMAIN.md §3).
    pub fn full_members_in_good_standing(&self) -> Result<usize> {
        let n: i64 = self.conn().query_row(
            concat!(
                "SELECT COUNT(*) FROM members m WHERE m.deleted_at IS NULL AND m.kind = 'full'
                 AND m.status = 'normal' AND ",
                left_branch_sql!(),
                " = 0"
            ),
            [],
            |r| r.get(0),
        )?;
        Ok(n as usize)
    }

    /// Members on the roster (not deleted, not transferred out).
    pub fn member_count(&self) -> Result<i64> {
        Ok(self.members(&MemberQuery::default())?.len() as i64)
    }

    /// Moves a member to the recycle bin. Nothing is erased.
    pub fn delete_member(&mut self, id: i64) -> Result<()> {
        let tx = self.conn_mut().transaction()?;
        let m = load(&tx, id)?;
        if m.deleted {
            return Err(Error::NotFound("党员档案"));
        }
        tx.execute("UPDATE members SET deleted_at = ?1 WHERE id = ?2", params![now_text(), id])?;
        changelog::record(&tx, ENTITY, id, "delete", &[])?;
        tx.commit()?;
        Ok(())
    }

    pub fn restore_member(&mut self, id: i64) -> Result<Member> {
        let tx = self.conn_mut().transaction()?;
        let m = load(&tx, id)?;
        if !m.deleted {
            return Ok(m);
        }
        let clash: Option<String> = tx
            .query_row("SELECT name FROM members WHERE id_number = ?1 AND deleted_at IS NULL", [&m.id_number], |r| {
                r.get(0)
            })
            .optional()?;
        if let Some(name) = clash {
            let mut e = FieldErrors::default();
            e.add(
                "id_number",
                format!("花名册里已有同一身份证号的档案（{name}），不能再恢复这一份；如需合并，请先核对两份档案"),
            );
            return Err(Error::Validation(e));
        }
        tx.execute("UPDATE members SET deleted_at = NULL WHERE id = ?1", [id])?;
        changelog::record(&tx, ENTITY, id, "restore", &[])?;
        tx.commit()?;
        load(self.conn(), id)
    }

    /// What happened to this member's file, newest first, ready to read.
    pub fn member_history(&self, id: i64) -> Result<Vec<HistoryEntry>> {
        changelog::history(self.conn(), ENTITY, id, &MEMBER_WORDING)
    }

    pub fn groups(&self) -> Result<Vec<Group>> {
        let mut stmt = self.conn().prepare(
            "SELECT g.id, g.name, (SELECT count(*) FROM members m WHERE m.group_id = g.id AND m.deleted_at IS NULL)
             FROM party_groups g ORDER BY g.id",
        )?;
        let rows = stmt.query_map([], |r| Ok(Group { id: r.get(0)?, name: r.get(1)?, member_count: r.get(2)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Updates a member from a checked form, with the changed fields in the
/// change log, inside the caller's transaction.
pub(crate) fn update_checked_in(tx: &Connection, id: i64, checked: &CheckedMember, today: NaiveDate) -> Result<()> {
    let old = load(tx, id)?;
    if old.deleted {
        return Err(Error::NotFound("党员档案"));
    }
    let group_id = check_in_db(tx, checked, Some(id))?;
    write_member(tx, Some(id), checked, group_id)?;
    if group_id != old.group_id {
        // Kept so a 党小组会 entered later knows who was in the group that day.
        tx.execute(
            "INSERT INTO member_group_changes (member_id, from_group_id, to_group_id, date, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, old.group_id, group_id, PartialDate::Day(today), now_text()],
        )?;
    }
    let before = field_texts(&as_checked(&old), old.group_name.as_deref());
    let after = field_texts(checked, group_name(tx, group_id)?.as_deref());
    let changes: Vec<FieldChange> = before
        .into_iter()
        .zip(after)
        .filter(|((_, a), (_, b))| a != b)
        .map(|((field, old), (_, new))| FieldChange { field: field.into(), old, new })
        .collect();
    if !changes.is_empty() {
        changelog::record(tx, ENTITY, id, "update", &changes)?;
    }
    Ok(())
}

/// Inserts a checked member with its change-log entry, inside the caller's transaction.
pub(crate) fn insert_checked_in(conn: &Connection, checked: &CheckedMember) -> Result<i64> {
    let group_id = check_in_db(conn, checked, None)?;
    let id = write_member(conn, None, checked, group_id)?;
    changelog::record(conn, ENTITY, id, "create", &[])?;
    Ok(id)
}

/// Changes a member the way the form would (same database checks, same
/// change log), for the 发展党员 steps that write into the file: the 党小组
/// at 19, 转正 at 24. `day` is the day a group move is dated.
pub(crate) fn update_from_in(
    tx: &Connection,
    id: i64,
    day: NaiveDate,
    change: impl FnOnce(&mut CheckedMember),
) -> Result<()> {
    let m = load(tx, id)?;
    let mut checked = as_checked(&m);
    change(&mut checked);
    update_checked_in(tx, id, &checked, day)
}
