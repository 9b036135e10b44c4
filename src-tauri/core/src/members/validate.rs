//! The member form, as typed, and its checks. Every problem is reported
//! beside its field, in Chinese; a form with any problem saves nothing.

use super::era::{self, FullDateVerdict};
use super::model::{CommitteeRole, LostContactReason, MemberKind};
use crate::date::{DateError, PartialDate};
use crate::error::FieldErrors;
use crate::idcard::{self, Sex};
use crate::text::{clean, clean_name, clean_phone};
use chrono::{Months, NaiveDate};
use serde::Deserialize;

/// The add/edit form exactly as the secretary filled it in. Dates are text
/// (`1985-07-01`, or `1985-07` when only the month is known); empty means
/// not filled in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct MemberForm {
    pub name: String,
    pub sex: String,
    pub ethnicity: String,
    pub birth_date: String,
    pub id_number: String,
    pub education: String,
    pub kind: String,
    pub admitted_on: String,
    pub full_member_on: String,
    pub group_id: Option<i64>,
    /// A group typed in that does not exist yet; it is created on save.
    pub group_name: String,
    pub committee_role: Option<String>,
    pub job: String,
    pub phone: String,
    pub address: String,
    pub mobile: bool,
    pub mobile_destination: String,
    pub lost_contact: bool,
    pub lost_contact_reason: Option<String>,
    /// Since when (`2026-03-01`); empty means from today.
    pub lost_contact_since: String,
    pub notes: String,
    /// Why the 转正 date is not the day the probation ended.
    pub full_member_reason: String,
}

/// A form that passed every check that needs no database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedMember {
    pub name: String,
    pub sex: Sex,
    pub ethnicity: String,
    pub birth_date: PartialDate,
    pub id_number: String,
    pub education: String,
    pub kind: MemberKind,
    pub admitted_on: Option<PartialDate>,
    pub full_member_on: Option<PartialDate>,
    pub group: GroupChoice,
    pub committee_role: Option<CommitteeRole>,
    pub job: String,
    pub phone: String,
    pub address: String,
    pub mobile: bool,
    pub mobile_destination: String,
    pub lost_contact: bool,
    pub lost_contact_reason: Option<LostContactReason>,
    pub lost_contact_since: Option<PartialDate>,
    pub notes: String,
    pub full_member_reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GroupChoice {
    None,
    Existing(i64),
    New(String),
}

fn date_field(
    errors: &mut FieldErrors,
    field: &'static str,
    label: &str,
    text: &str,
    today: NaiveDate,
) -> Option<PartialDate> {
    match PartialDate::parse_opt(text) {
        Ok(Some(d)) if d.first_day() > today => {
            errors.add(field, format!("{label}不能晚于今天"));
            None
        }
        Ok(d) => d,
        Err(DateError::Format) => {
            errors.add(field, format!("{label}格式不对，请写成 1985-07-01；只知道年月的写成 1985-07"));
            None
        }
        Err(DateError::NoSuchDay) => {
            errors.add(field, format!("{label}不是真实的日期，请核对月份和日期"));
            None
        }
    }
}

/// 姓名, 身份证号 (GB 11643) and 性别 as typed — the sex read from the
/// number when left empty, refused when it disagrees — for the member form
/// and the 发展党员 person form alike. Problems go into `errors` by field.
pub(crate) fn check_person(
    name: &str,
    id_number: &str,
    sex: &str,
    today: NaiveDate,
    errors: &mut FieldErrors,
) -> (String, Option<idcard::IdInfo>, Option<Sex>) {
    let name = clean_name(name);
    if name.is_empty() {
        errors.add("name", "请填写姓名");
    } else if name.chars().count() > 20 {
        errors.add("name", "姓名太长了（最多 20 个字），请核对");
    }
    let id = match idcard::check(id_number, today) {
        Ok(info) => Some(info),
        Err(e) => {
            errors.add("id_number", e.to_string());
            None
        }
    };
    let sex = match clean(sex).as_str() {
        "" => id.as_ref().map(|i| i.sex),
        s => Sex::from_code(s),
    };
    match (sex, &id) {
        (None, _) => errors.add("sex", "请选择性别"),
        (Some(s), Some(info)) if s != info.sex => {
            errors.add("sex", format!("性别与身份证号不符：按身份证号第 17 位应为{}，请核对", info.sex.label()))
        }
        _ => {}
    }
    (name, id, sex)
}

/// Checks a form on its own. `today` bounds dates; the database checks
/// (duplicate ID, the one 书记, the group exists) follow in the store.
pub fn check_form(form: &MemberForm, today: NaiveDate) -> Result<CheckedMember, FieldErrors> {
    check_form_with(form, today, 0)
}

/// [`check_form`] for a member whose probation was extended by `extension_months`.
pub fn check_form_with(
    form: &MemberForm,
    today: NaiveDate,
    extension_months: u32,
) -> Result<CheckedMember, FieldErrors> {
    let mut errors = FieldErrors::default();
    let (name, id, sex) = check_person(&form.name, &form.id_number, &form.sex, today, &mut errors);

    let birth_date = match clean(&form.birth_date).as_str() {
        "" => id.as_ref().map(|i| PartialDate::Day(i.birth_date)),
        _ => date_field(&mut errors, "birth_date", "出生日期", &form.birth_date, today),
    };
    match (&birth_date, &id) {
        (None, None) if !errors.has("birth_date") => errors.add("birth_date", "请填写出生日期"),
        (Some(b), Some(info)) => {
            let agrees = match b {
                PartialDate::Day(d) => *d == info.birth_date,
                PartialDate::Month { .. } => b.first_day() <= info.birth_date && info.birth_date <= b.last_day(),
            };
            if !agrees {
                errors.add(
                    "birth_date",
                    format!(
                        "出生日期与身份证号不符：身份证号上是 {}，请核对",
                        PartialDate::Day(info.birth_date).to_chinese()
                    ),
                );
            }
        }
        _ => {}
    }

    let kind = MemberKind::from_code(&clean(&form.kind));
    if kind.is_none() {
        errors.add("kind", "请选择党员类别（正式党员或预备党员）");
    }

    let admitted_on = date_field(&mut errors, "admitted_on", "入党日期", &form.admitted_on, today);
    let full_member_on = date_field(&mut errors, "full_member_on", "转正日期", &form.full_member_on, today);
    if admitted_on.is_none() && !errors.has("admitted_on") {
        errors.add("admitted_on", "请填写入党日期（支部大会通过接收为预备党员的日期）；只知道年月的写成 1985-07");
    }
    match kind {
        Some(MemberKind::Probationary) if full_member_on.is_some() => {
            errors.add("full_member_on", "预备党员还没有转正日期；转正时请把党员类别改为“正式党员”再填写")
        }
        Some(MemberKind::Full) if full_member_on.is_none() && !errors.has("full_member_on") => {
            errors.add("full_member_on", "正式党员请填写转正日期，党龄从这一天算起；只知道年月的写成 1986-07")
        }
        _ => {}
    }

    if let (Some(birth), Some(admitted)) = (&birth_date, &admitted_on) {
        if admitted.last_day() <= birth.first_day() {
            errors.add("admitted_on", "入党日期应晚于出生日期，请核对");
        } else if let Some(eighteen) = birth.first_day().checked_add_months(Months::new(12 * 18)) {
            if admitted.last_day() < eighteen {
                errors.add("admitted_on", "入党时应年满十八周岁，请核对出生日期和入党日期");
            }
        }
    }
    let full_member_reason = clean(&form.full_member_reason);
    if full_member_reason.chars().count() > 200 {
        errors.add("full_member_reason", "转正日期说明太长了（最多 200 字）");
    }
    if let (Some(admitted), Some(full), Some(MemberKind::Full)) = (admitted_on, full_member_on, kind) {
        // The rule of the admission's era (docs/DOMAIN.md §8).
        match era::judge_full_member_on(admitted, full, extension_months) {
            FullDateVerdict::Fits | FullDateVerdict::FitsWithNote(_) => {}
            FullDateVerdict::NeedsReason(_) if !full_member_reason.is_empty() => {}
            FullDateVerdict::NeedsReason(end) => errors.add(
                "full_member_on",
                format!(
                    "转正日期应为预备期满之日（{}），不是支部大会讨论或上级批准的日子；如确有不同，请在“转正日期说明”中写明原因",
                    end.to_chinese()
                ),
            ),
            FullDateVerdict::Refused(msg) => errors.add("full_member_on", msg),
        }
    }

    let group = match (form.group_id, clean(&form.group_name)) {
        (Some(id), _) => GroupChoice::Existing(id),
        (None, n) if n.is_empty() => GroupChoice::None,
        (None, n) if n.chars().count() > 30 => {
            errors.add("group_id", "党小组名称太长了（最多 30 个字）");
            GroupChoice::None
        }
        (None, n) => GroupChoice::New(n),
    };

    let committee_role = match form.committee_role.as_deref().map(clean).as_deref() {
        None | Some("") => None,
        Some(code) => {
            let role = CommitteeRole::from_code(code);
            if role.is_none() {
                errors.add("committee_role", "支委职务请从列表中选择");
            }
            role
        }
    };

    let phone = match clean_phone(&form.phone) {
        Ok(p) => p,
        Err(msg) => {
            errors.add("phone", msg);
            String::new()
        }
    };

    let mobile_destination = clean(&form.mobile_destination);
    if form.mobile && mobile_destination.is_empty() {
        errors.add("mobile_destination", "流动党员请填写外出流向（如 广东省深圳市，务工）");
    }
    let lost_contact_reason = match form.lost_contact_reason.as_deref().map(clean).as_deref() {
        None | Some("") => None,
        Some(code) => {
            let r = LostContactReason::from_code(code);
            if r.is_none() {
                errors.add("lost_contact_reason", "失联原因请从列表中选择");
            }
            r
        }
    };
    if form.lost_contact && lost_contact_reason.is_none() && !errors.has("lost_contact_reason") {
        errors.add("lost_contact_reason", "请选择失联原因");
    }
    let lost_contact_since = if form.lost_contact {
        match clean(&form.lost_contact_since).as_str() {
            "" => Some(PartialDate::Day(today)),
            _ => date_field(&mut errors, "lost_contact_since", "失联起始日期", &form.lost_contact_since, today),
        }
    } else {
        None
    };

    let notes = clean(&form.notes);
    if notes.chars().count() > 1000 {
        errors.add("notes", "备注太长了（最多 1000 字）");
    }
    for (field, label, value) in [
        ("ethnicity", "民族", &form.ethnicity),
        ("education", "文化程度", &form.education),
        ("job", "工作单位及职务", &form.job),
        ("address", "家庭住址", &form.address),
    ] {
        if clean(value).chars().count() > 100 {
            errors.add(field, format!("{label}太长了（最多 100 字）"));
        }
    }

    match (errors.is_empty(), sex, birth_date, id, kind) {
        (true, Some(sex), Some(birth_date), Some(id), Some(kind)) => Ok(CheckedMember {
            name,
            sex,
            ethnicity: clean(&form.ethnicity),
            birth_date,
            id_number: id.number,
            education: clean(&form.education),
            kind,
            admitted_on,
            full_member_on: if kind == MemberKind::Full { full_member_on } else { None },
            group,
            committee_role,
            job: clean(&form.job),
            phone,
            address: clean(&form.address),
            mobile: form.mobile,
            mobile_destination: if form.mobile { mobile_destination } else { String::new() },
            lost_contact: form.lost_contact,
            lost_contact_reason: if form.lost_contact { lost_contact_reason } else { None },
            lost_contact_since,
            notes,
            full_member_reason: if kind == MemberKind::Full { full_member_reason } else { String::new() },
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    pub(crate) fn id_for(birth: &str, seq: &str) -> String {
        let first17 = format!("410102{birth}{seq}");
        format!("{first17}{}", idcard::check_char(first17.as_bytes()))
    }

    fn good() -> MemberForm {
        MemberForm {
            name: "张三".into(),
            sex: "male".into(),
            birth_date: "1985-07-01".into(),
            id_number: id_for("19850701", "123"),
            kind: "full".into(),
            admitted_on: "2010-06-20".into(),
            full_member_on: "2011-06-20".into(),
            phone: "138 1234 5678".into(),
            ..Default::default()
        }
    }

    fn errors_of(form: &MemberForm) -> FieldErrors {
        check_form(form, today()).expect_err("should be refused")
    }

    #[test]
    fn a_good_form_is_cleaned() {
        let mut f = good();
        f.name = "\u{3000}张 三 ".into();
        f.id_number = f.id_number.to_lowercase();
        let m = check_form(&f, today()).unwrap();
        assert_eq!(m.name, "张三");
        assert_eq!(m.phone, "13812345678");
        assert_eq!(m.admitted_on, Some(PartialDate::parse("2010-06-20").unwrap()));
    }

    #[test]
    fn sex_and_birth_date_are_taken_from_the_id_when_left_empty() {
        let mut f = good();
        f.sex.clear();
        f.birth_date.clear();
        let m = check_form(&f, today()).unwrap();
        assert_eq!(m.sex, Sex::Male);
        assert_eq!(m.birth_date, PartialDate::parse("1985-07-01").unwrap());
    }

    #[test]
    fn bad_checksum_is_reported_beside_the_id_field() {
        let mut f = good();
        let last = f.id_number.pop().unwrap();
        f.id_number.push(if last == '1' { '2' } else { '1' });
        let e = errors_of(&f);
        assert!(e.get("id_number").unwrap().contains("校验位"), "{e:?}");
    }

    #[test]
    fn sex_and_birth_date_must_agree_with_the_id() {
        let mut f = good();
        f.sex = "female".into();
        f.birth_date = "1985-07-02".into();
        let e = errors_of(&f);
        assert!(e.get("sex").unwrap().contains("应为男"));
        assert!(e.get("birth_date").unwrap().contains("1985年7月1日"));
        // A month-only birth date agrees when the ID's day is inside it.
        let mut f = good();
        f.birth_date = "1985-07".into();
        assert_eq!(check_form(&f, today()).unwrap().birth_date, PartialDate::Month { year: 1985, month: 7 });
    }

    #[test]
    fn dates_must_be_in_order() {
        let mut f = good();
        f.full_member_on = "2010-06-19".into();
        assert!(errors_of(&f).get("full_member_on").unwrap().contains("晚于入党日期"));
        let mut f = good();
        f.full_member_on = "2011-01-20".into();
        assert!(errors_of(&f).get("full_member_on").unwrap().contains("满一年"));
        let mut f = good();
        f.admitted_on = "1985-06-01".into();
        f.full_member_on = "".into();
        f.kind = "probationary".into();
        assert!(errors_of(&f).get("admitted_on").unwrap().contains("晚于出生日期"));
        let mut f = good();
        f.admitted_on = "2003-06-30".into();
        f.full_member_on = "2004-07-01".into();
        assert!(errors_of(&f).get("admitted_on").unwrap().contains("十八周岁"));
        let mut f = good();
        f.admitted_on = "2003-07-01".into();
        f.full_member_on = "2004-07-01".into();
        assert!(check_form(&f, today()).is_ok(), "admitted on the 18th birthday is fine");
        let mut f = good();
        f.admitted_on = "2027-01-01".into();
        assert!(errors_of(&f).get("admitted_on").unwrap().contains("不能晚于今天"));
    }

    #[test]
    fn a_probationary_member_has_no_full_member_date() {
        let mut f = good();
        f.kind = "probationary".into();
        assert!(errors_of(&f).get("full_member_on").unwrap().contains("预备党员"));
        f.full_member_on.clear();
        let m = check_form(&f, today()).unwrap();
        assert_eq!(m.full_member_on, None);
    }

    #[test]
    fn a_full_member_needs_a_full_member_date() {
        let mut f = good();
        f.full_member_on.clear();
        assert!(errors_of(&f).get("full_member_on").unwrap().contains("转正日期"));
    }

    #[test]
    fn a_bad_phone_is_reported_beside_its_field() {
        let mut f = good();
        f.phone = "12345".into();
        assert!(errors_of(&f).has("phone"));
    }

    #[test]
    fn flags_need_their_details() {
        let mut f = good();
        f.mobile = true;
        f.lost_contact = true;
        let e = errors_of(&f);
        assert!(e.has("mobile_destination") && e.has("lost_contact_reason"));
        f.mobile_destination = "广东省深圳市".into();
        f.lost_contact_reason = Some("whereabouts_unknown".into());
        let m = check_form(&f, today()).unwrap();
        assert_eq!(m.lost_contact_reason, Some(LostContactReason::WhereaboutsUnknown));
    }

    #[test]
    fn every_error_of_an_empty_form_is_reported_at_once() {
        let e = errors_of(&MemberForm::default());
        for field in ["name", "id_number", "sex", "birth_date", "kind", "admitted_on"] {
            assert!(e.has(field), "{field} missing in {e:?}");
        }
    }
}
