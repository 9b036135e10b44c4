//! 积分 on the command line: `points rules import|export|enable|disable`,
//! `points year`, `points add`, over the same core functions as the 积分
//! page (points/ in the core; docs/DOMAIN.md §9.5).

use super::*;
use zhibu_core::points::PointsEntryForm;

fn read_text(path: &std::path::Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(Error::at(path))
}

pub(super) fn run_points(
    store: &mut Store,
    action: PointsAction,
    today: NaiveDate,
    as_json: bool,
) -> Result<(), Error> {
    match action {
        PointsAction::Rules { action } => {
            let rules = match action {
                PointsRulesAction::Import { file } => store.import_points_rules(&read_text(&file)?, today)?,
                PointsRulesAction::Export { out } => {
                    let json = store.export_points_rules()?;
                    std::fs::write(&out, json.as_bytes()).map_err(Error::at(&out))?;
                    if as_json {
                        say_json(&serde_json::json!({ "path": out.display().to_string() }));
                    } else {
                        say!("已导出积分规则：{}", out.display());
                    }
                    return Ok(());
                }
                PointsRulesAction::Enable => store.set_points_enabled(true, today)?,
                PointsRulesAction::Disable => store.set_points_enabled(false, today)?,
            };
            if as_json {
                say_json(&rules);
            } else {
                say!(
                    "积分规则：{}{}，第 {} 版，{}",
                    rules.rules.name,
                    if rules.rules.example { "（示例）" } else { "" },
                    rules.version,
                    if rules.enabled { "已启用" } else { "未启用" }
                );
            }
        }
        PointsAction::Year { year } => {
            let y = store.points_year(year)?;
            if as_json {
                say_json(&y.members);
            } else if !y.enabled {
                say!("积分制未启用。");
            } else {
                say!("{year}年积分（{}，第 {} 版）", y.rules_name, y.version);
                for m in &y.members {
                    say!("{}\t{} 分\t{}", m.name, m.total, "★".repeat(m.stars as usize));
                }
            }
        }
        PointsAction::Add { file } => {
            let form: PointsEntryForm = serde_json::from_str(&read_text(&file)?).map_err(|e| {
                Error::Import(format!("积分录入文件不是有效的 JSON（第 {} 行附近），请检查后重试。", e.line()))
            })?;
            let e = store.add_points_entry(&form, today)?;
            if as_json {
                say_json(&serde_json::json!({ "id": e.id }));
            } else {
                say!("已录入积分：{} {} 分，{}（编号 {}）", e.name, e.points, e.reason, e.id);
            }
        }
    }
    Ok(())
}
