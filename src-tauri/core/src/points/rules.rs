//! 积分 with no database: the rule file format, its checks, decimal points
//! kept in tenths, caps and star bands (docs/DOMAIN.md §9.5).
//!
//! # The rule file (JSON)
//!
//! ```json
//! {
//!   "name": "某某县农村党员积分制管理办法",
//!   "example": false,
//!   "source": { "publisher": "某某县委组织部", "year": 2026 },
//!   "items": [
//!     { "key": "theme_day", "group": "base", "label": "参加主题党日",
//!       "points": 2, "cap_month": 2, "source": "theme_day" },
//!     { "key": "help", "group": "pioneer", "label": "帮扶群众",
//!       "points": 1.5, "cap_year": 10, "source": "entered" },
//!     { "key": "absent", "group": "deduct", "label": "无故缺席",
//!       "points": 3, "source": "absent" }
//!   ],
//!   "stars": [ { "stars": 5, "min": 95 }, { "stars": 4, "min": 85 } ]
//! }
//! ```
//!
//! - `group`: `base` 基础分, `pioneer` 先锋分, `deduct` 倒扣分 (the Chinese
//!   words are accepted too). 倒扣分 is written positive and subtracted.
//! - `points`, `cap_month`, `cap_year`, `min`: decimals with at most one
//!   place (kept as integer tenths); caps are optional.
//! - `source`: `theme_day` (出席主题党日), `dues_on_time` (the month's dues
//!   paid by the end of that month), `absent` (缺席, not 请假, at a meeting),
//!   `study_target` (学时达标), `training` (each 培训活动 taken part in), `service` (each 志愿服务 record), `care_visit`
//!   (named among the visitors of a 走访慰问), or `entered` (typed by hand
//!   with a reason).

use super::model::*;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The shipped example, marked 示例.
pub const EXAMPLE: &str = include_str!("example.json");

#[derive(Serialize, Deserialize)]
struct FileSource {
    #[serde(default)]
    publisher: String,
    #[serde(default)]
    year: Option<i32>,
}

#[derive(Serialize, Deserialize)]
struct FileItem {
    #[serde(default)]
    key: String,
    #[serde(default)]
    group: String,
    #[serde(default)]
    label: String,
    #[serde(default)]
    points: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cap_month: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cap_year: Option<Value>,
    #[serde(default)]
    source: String,
}

#[derive(Serialize, Deserialize)]
struct FileBand {
    stars: Value,
    min: Value,
}

#[derive(Serialize, Deserialize)]
struct RuleFile {
    #[serde(default)]
    name: String,
    #[serde(default)]
    example: bool,
    #[serde(default = "no_source")]
    source: FileSource,
    #[serde(default)]
    items: Vec<FileItem>,
    #[serde(default)]
    stars: Vec<FileBand>,
}

fn no_source() -> FileSource {
    FileSource { publisher: String::new(), year: None }
}

/// `2`, `2.5`, `"2.5"`, `-3` → tenths (`text::tenths`); more than one
/// decimal place, or not a number, is None. No floating point is involved.
pub fn parse_tenths(text: &str) -> Option<i64> {
    crate::text::tenths(text)
}

/// Tenths as a decimal: `95`, `2.5`, `-3`.
pub fn format_tenths(t: i64) -> String {
    let sign = if t < 0 { "-" } else { "" };
    let a = t.abs();
    if a % 10 == 0 {
        format!("{sign}{}", a / 10)
    } else {
        format!("{sign}{}.{}", a / 10, a % 10)
    }
}

fn value_tenths(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => parse_tenths(&n.to_string()),
        Value::String(s) => parse_tenths(s),
        _ => None,
    }
}

/// Reads and checks a rule file. Every problem is named with its item, in
/// one message; nothing is saved on error.
pub fn parse_rules(json: &str) -> Result<PointsRuleSet> {
    let file: RuleFile = serde_json::from_str(json).map_err(|e| {
        Error::Import(format!("积分规则文件不是有效的 JSON（第 {} 行附近），请检查文件后重新导入。", e.line()))
    })?;
    let mut errs: Vec<String> = Vec::new();
    let name = crate::text::clean(&file.name);
    if name.is_empty() {
        errs.push("缺少规则名称（name）".into());
    }
    if file.items.is_empty() {
        errs.push("没有任何积分项目（items）".into());
    }
    let mut items: Vec<PointsItem> = Vec::new();
    for (i, it) in file.items.iter().enumerate() {
        let key = it.key.trim().to_string();
        let label = crate::text::clean(&it.label);
        let who = if !label.is_empty() {
            format!("第 {} 项“{}”", i + 1, label)
        } else if !key.is_empty() {
            format!("第 {} 项（{}）", i + 1, key)
        } else {
            format!("第 {} 项", i + 1)
        };
        if key.is_empty() {
            errs.push(format!("{who}缺少编号（key）"));
        } else if items.iter().any(|x| x.key == key) {
            errs.push(format!("{who}的编号“{key}”重复了，每一项的编号必须不同"));
        }
        if label.is_empty() {
            errs.push(format!("{who}缺少名称（label）"));
        }
        let group = PointsGroup::from_code(it.group.trim());
        if group.is_none() {
            errs.push(format!(
                "{who}的类别“{}”不认识，请写 base（基础分）、pioneer（先锋分）或 deduct（倒扣分）",
                it.group
            ));
        }
        let source = PointsSource::from_code(it.source.trim());
        if source.is_none() {
            errs.push(format!(
                "{who}的来源“{}”不认识，请写 theme_day、dues_on_time、absent、study_target、training、service、care_visit 或 entered",
                it.source
            ));
        }
        let tenths = value_tenths(&it.points);
        match tenths {
            None => errs.push(format!("{who}的分值（points）请写成数字，最多一位小数，如 2 或 1.5")),
            Some(t) if t <= 0 => errs.push(format!("{who}的分值必须大于 0（倒扣分也写正数）")),
            Some(t) if t > 10_000 => errs.push(format!("{who}的分值超过 1000 分，请核对")),
            _ => {}
        }
        let mut cap = |v: &Option<Value>, what: &str| -> Option<i64> {
            let v = v.as_ref().filter(|v| !v.is_null())?;
            match value_tenths(v) {
                None => {
                    errs.push(format!("{who}的{what}请写成数字，最多一位小数"));
                    None
                }
                Some(t) if t < 0 => {
                    errs.push(format!("{who}的{what}不能是负数"));
                    None
                }
                Some(t) => Some(t),
            }
        };
        let cap_month = cap(&it.cap_month, "每月上限（cap_month）");
        let cap_year = cap(&it.cap_year, "每年上限（cap_year）");
        if let (Some(group), Some(source), Some(t)) = (group, source, tenths) {
            items.push(PointsItem {
                key,
                group,
                group_label: group.label().into(),
                label,
                tenths: t,
                points: format_tenths(t),
                cap_month_tenths: cap_month,
                cap_year_tenths: cap_year,
                source,
                source_label: source.label().into(),
            });
        }
    }
    let mut stars: Vec<StarBand> = Vec::new();
    for (i, b) in file.stars.iter().enumerate() {
        let n = b.stars.as_u64().filter(|n| (1..=5).contains(n));
        let min = value_tenths(&b.min);
        if n.is_none() {
            errs.push(format!("星级第 {} 档的星数（stars）请写 1 到 5", i + 1));
        }
        if min.is_none_or(|m| m < 0) {
            errs.push(format!("星级第 {} 档的最低分（min）请写成不小于 0 的数字", i + 1));
        }
        if let (Some(n), Some(m)) = (n, min) {
            if stars.iter().any(|s| u64::from(s.stars) == n) {
                errs.push(format!("星级“{}”写了两次", "★".repeat(n as usize)));
            }
            stars.push(StarBand { stars: n as u8, min_tenths: m, min: format_tenths(m) });
        }
    }
    if !errs.is_empty() {
        return Err(Error::Import(format!("积分规则有 {} 处需要修改：{}。没有导入。", errs.len(), errs.join("；"))));
    }
    stars.sort_by_key(|s| std::cmp::Reverse(s.min_tenths));
    Ok(PointsRuleSet {
        name,
        example: file.example,
        publisher: crate::text::clean(&file.source.publisher),
        year: file.source.year,
        items,
        stars,
    })
}

/// The rule set written back in the file format (for export and storage).
pub fn rules_json(set: &PointsRuleSet) -> String {
    let num = |t: i64| -> Value {
        if t % 10 == 0 {
            Value::from(t / 10)
        } else {
            serde_json::from_str(&format_tenths(t)).unwrap_or(Value::Null)
        }
    };
    let file = RuleFile {
        name: set.name.clone(),
        example: set.example,
        source: FileSource { publisher: set.publisher.clone(), year: set.year },
        items: set
            .items
            .iter()
            .map(|i| FileItem {
                key: i.key.clone(),
                group: i.group.code().into(),
                label: i.label.clone(),
                points: num(i.tenths),
                cap_month: i.cap_month_tenths.map(num),
                cap_year: i.cap_year_tenths.map(num),
                source: i.source.code().into(),
            })
            .collect(),
        stars: set.stars.iter().map(|s| FileBand { stars: Value::from(s.stars), min: num(s.min_tenths) }).collect(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// The shipped example set.
pub fn example() -> PointsRuleSet {
    parse_rules(EXAMPLE).expect("the shipped example is valid")
}

/// Stars for a yearly total: the highest band reached, 0 when none.
pub fn stars_for(bands: &[StarBand], total: i64) -> u8 {
    bands.iter().filter(|b| total >= b.min_tenths).map(|b| b.stars).max().unwrap_or(0)
}

/// One occurrence before caps: the item, the month, the record.
#[derive(Clone, Debug)]
pub struct Occurrence {
    pub key: String,
    pub month: u32,
    /// For ordering within the year (an ISO day or a sortable text).
    pub order: String,
    pub source: String,
    /// Own points (entered lines); None: the item's.
    pub tenths: Option<i64>,
    pub entry_id: Option<i64>,
}

/// A member's year from their occurrences: caps per month and year applied
/// in date order (what goes over a cap is listed with 0 points), 倒扣分
/// subtracted, stars from the bands.
pub fn tally(set: &PointsRuleSet, member_id: i64, name: &str, mut occ: Vec<Occurrence>) -> MemberPoints {
    occ.sort_by(|a, b| a.order.cmp(&b.order).then(a.key.cmp(&b.key)));
    let mut month_used: std::collections::HashMap<(String, u32), i64> = Default::default();
    let mut year_used: std::collections::HashMap<String, i64> = Default::default();
    let mut m = MemberPoints {
        member_id,
        name: name.into(),
        months: vec![0; 12],
        base_tenths: 0,
        pioneer_tenths: 0,
        deduct_tenths: 0,
        total_tenths: 0,
        total: String::new(),
        stars: 0,
        items: Vec::new(),
    };
    for o in occ {
        let Some(item) = set.items.iter().find(|i| i.key == o.key) else { continue };
        let want = o.tenths.unwrap_or(item.tenths).max(0);
        let mu = month_used.entry((o.key.clone(), o.month)).or_insert(0);
        let yu = year_used.entry(o.key.clone()).or_insert(0);
        let mut got = want;
        if let Some(c) = item.cap_month_tenths {
            got = got.min((c - *mu).max(0));
        }
        if let Some(c) = item.cap_year_tenths {
            got = got.min((c - *yu).max(0));
        }
        *mu += got;
        *yu += got;
        let signed = if item.group == PointsGroup::Deduct { -got } else { got };
        match item.group {
            PointsGroup::Base => m.base_tenths += got,
            PointsGroup::Pioneer => m.pioneer_tenths += got,
            PointsGroup::Deduct => m.deduct_tenths += got,
        }
        if (1..=12).contains(&o.month) {
            m.months[o.month as usize - 1] += signed;
        }
        let source = if got < want {
            format!("{}（超过上限，{}）", o.source, if got == 0 { "不计" } else { "部分计入" })
        } else {
            o.source
        };
        m.items.push(PointsLine {
            rule: item.key.clone(),
            label: item.label.clone(),
            group: item.group,
            tenths: signed,
            points: format_tenths(signed),
            month: o.month,
            source,
            entry_id: o.entry_id,
        });
    }
    m.total_tenths = m.base_tenths + m.pioneer_tenths - m.deduct_tenths;
    m.total = format_tenths(m.total_tenths);
    m.stars = stars_for(&set.stars, m.total_tenths);
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenths_are_parsed_without_floats() {
        assert_eq!(parse_tenths("2"), Some(20));
        assert_eq!(parse_tenths("2.5"), Some(25));
        assert_eq!(parse_tenths("0.50"), Some(5));
        assert_eq!(parse_tenths("2.55"), None);
        assert_eq!(parse_tenths("abc"), None);
        assert_eq!(format_tenths(25), "2.5");
        assert_eq!(format_tenths(-30), "-3");
    }

    #[test]
    fn the_example_is_marked_and_round_trips() {
        let e = example();
        assert!(e.example);
        assert!(e.name.contains("示例"));
        assert_eq!(parse_rules(&rules_json(&e)).unwrap(), e);
    }
}
