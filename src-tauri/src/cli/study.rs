//! 学时 on the command line: `study hours` and `study add`, over the same
//! core functions as the 学时 page (study/ in the core; docs/DOMAIN.md §9.5).

use super::*;
use serde_json::Value;
use zhibu_core::study::{ParticipantForm, TrainingForm};

pub(super) fn run_study(store: &mut Store, action: StudyAction, today: NaiveDate, as_json: bool) -> Result<(), Error> {
    match action {
        StudyAction::Hours { year } => {
            let y = store.study_year(year, today)?;
            if as_json {
                let rows: Vec<Value> = y
                    .rows
                    .iter()
                    .map(|r| {
                        serde_json::json!({
                            "member_id": r.member_id,
                            "name": r.name,
                            "kind": r.kind_label,
                            "post": r.post,
                            "hours": r.total,
                            "target": r.target,
                            "short_by": r.short_by,
                            "met": r.met,
                            "central_training": r.central_training,
                        })
                    })
                    .collect();
                say_json(&rows);
            } else {
                for r in &y.rows {
                    say!(
                        "{}\t{}\t合计 {}\t应达 {}\t{}",
                        r.name,
                        r.kind_label,
                        r.total,
                        r.target,
                        if r.met { "达标".to_string() } else { format!("差 {}", r.short_by) }
                    );
                }
                say!("{}年：{} 人中 {} 人达标", year, y.rows.len(), y.met);
            }
        }
        StudyAction::Add { file } => {
            let text = std::fs::read_to_string(&file).map_err(|source| Error::Io { path: file.clone(), source })?;
            let form = training_file(store, &text)?;
            let t = store.create_training(&form, today)?;
            if as_json {
                say_json(&serde_json::json!({ "id": t.id }));
            } else {
                say!("已登记培训：{}，{} 人，每人 {} 学时（编号 {}）", t.topic, t.participants.len(), t.hours, t.id);
            }
        }
    }
    Ok(())
}

/// A training file: the form's fields, with `participants` as member ids,
/// names, or objects `{"name"|"member_id", "hours"}`; `hours` may be a
/// number or text.
fn training_file(store: &Store, text: &str) -> Result<TrainingForm, Error> {
    let bad = |what: String| {
        Error::Import(format!("培训记录文件{what}；至少要有 started_on、hours、organiser、level、topic、participants"))
    };
    let mut v: Value = serde_json::from_str(text).map_err(|e| bad(format!("不是 JSON 格式（{e}）")))?;
    let obj = v.as_object_mut().ok_or_else(|| bad("应是一个 JSON 对象".into()))?;
    let people = obj.remove("participants").unwrap_or(Value::Array(Vec::new()));
    if let Some(h) = obj.get("hours").filter(|h| h.is_number()) {
        obj.insert("hours".into(), Value::String(h.to_string()));
    }
    let mut form: TrainingForm = serde_json::from_value(v).map_err(|e| bad(format!("格式不对（{e}）")))?;
    let members = store.members(&MemberQuery { include_left: true, ..Default::default() })?;
    let by_name = |name: &str| -> Result<i64, Error> {
        let found: Vec<i64> = members.iter().filter(|m| m.name == name.trim()).map(|m| m.id).collect();
        match found.as_slice() {
            [id] => Ok(*id),
            [] => Err(Error::Import(format!("找不到名叫“{}”的党员，请核对姓名或改用编号", name.trim()))),
            _ => Err(Error::Import(format!("有不止一位党员叫“{}”，请改用编号", name.trim()))),
        }
    };
    let hours_of = |h: Option<&Value>| match h {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let Value::Array(people) = people else { return Err(bad("的 participants 应是一个列表".into())) };
    for p in people {
        let (member_id, hours) = match &p {
            Value::Number(n) => (n.as_i64().ok_or_else(|| bad("的党员编号应是整数".into()))?, String::new()),
            Value::String(name) => (by_name(name)?, String::new()),
            Value::Object(o) => {
                let id = match (o.get("member_id").and_then(Value::as_i64), o.get("name").and_then(Value::as_str)) {
                    (Some(id), _) => id,
                    (None, Some(name)) => by_name(name)?,
                    _ => return Err(bad("的每位参加人员要有 name 或 member_id".into())),
                };
                (id, hours_of(o.get("hours")))
            }
            _ => return Err(bad("的 participants 只能写姓名或编号".into())),
        };
        form.participants.push(ParticipantForm { member_id, hours });
    }
    Ok(form)
}
