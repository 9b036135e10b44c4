//! `zhibu service add|list`: 志愿服务 and 为民办实事 (docs/DOMAIN.md §9.5),
//! over the same core functions as the 志愿服务 page.

use super::{say_json, ServiceAction};
use chrono::NaiveDate;
use zhibu_core::service::{tenths_text, ServiceForm};
use zhibu_core::{Error, PartialDate, Store};

/// A record file for `service add`: the form's fields, numbers as numbers or
/// text, and `members` — each a member's number (id) or name.
fn service_file(text: &str) -> Result<ServiceForm, String> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let o = v.as_object().ok_or("不是一个 JSON 对象")?;
    let text_of = |key: &str| -> Result<String, String> {
        match o.get(key) {
            None | Some(serde_json::Value::Null) => Ok(String::new()),
            Some(serde_json::Value::String(s)) => Ok(s.clone()),
            Some(serde_json::Value::Number(n)) => Ok(n.to_string()),
            Some(_) => Err(format!("{key} 应是文字或数字")),
        }
    };
    let mut form = ServiceForm {
        served_on: text_of("served_on")?,
        kind: text_of("kind")?,
        what: text_of("what")?,
        for_whom: text_of("for_whom")?,
        households: text_of("households")?,
        people: text_of("people")?,
        hours: text_of("hours")?,
        notes: text_of("notes")?,
        ..Default::default()
    };
    if let Some(members) = o.get("members") {
        let list = members.as_array().ok_or("members 应是一个列表，如 [1, \"张三\"]")?;
        for m in list {
            match m {
                serde_json::Value::Number(n) => form.member_ids.push(n.as_i64().ok_or("members 里的编号应是整数")?),
                serde_json::Value::String(s) => form.member_names.push(s.clone()),
                _ => return Err("members 里每一项应是党员编号或姓名".into()),
            }
        }
    }
    Ok(form)
}

pub(super) fn run_service(
    store: &mut Store,
    action: ServiceAction,
    today: NaiveDate,
    as_json: bool,
) -> Result<(), Error> {
    match action {
        ServiceAction::Add { file } => {
            let text = std::fs::read_to_string(&file).map_err(|source| Error::Io { path: file.clone(), source })?;
            let form = service_file(&text).map_err(|e| {
                Error::Import(format!(
                    "服务记录文件不是所需的 JSON 格式（{e}），至少要有 served_on、kind、what 和 members（党员编号或姓名）"
                ))
            })?;
            let s = store.create_service(&form, today)?;
            if as_json {
                say_json(&serde_json::json!({ "id": s.id }));
            } else {
                say!("已登记{}：{}（编号 {}，{} 人参加）", s.kind_label, s.what, s.id, s.members.len());
            }
        }
        ServiceAction::List { year } => {
            let y = store.service_year(year)?;
            if as_json {
                say_json(&y);
            } else {
                say!("{year}年志愿服务和为民办实事：");
                for s in &y.services {
                    let names: Vec<&str> = s.members.iter().map(|m| m.name.as_str()).collect();
                    say!(
                        "{}\t{}\t{}\t{} 户\t{}",
                        PartialDate::Day(s.served_on).to_chinese(),
                        s.kind_label,
                        s.what,
                        s.households,
                        names.join("、")
                    );
                }
                if y.services.is_empty() {
                    say!("（本年度没有记录）");
                }
                let t = y.totals;
                say!(
                    "合计 {} 次，{} 人次，服务 {} 户，{} 人，时长 {} 小时",
                    t.records,
                    t.member_times,
                    t.households,
                    t.people,
                    if t.tenths == 0 { "0".into() } else { tenths_text(t.tenths) }
                );
            }
        }
    }
    Ok(())
}
