//! Values as secretaries type them. Dates: an Excel date, 1985.07, 1985.7.1,
//! 1985年7月1日, 1985-07-01, 19850701, 1985/7/1 … A year and month alone
//! stays month-precision — no day is ever made up. ID numbers: spaces and a
//! lowercase x are fine; one stored as a number has already lost its last
//! digits and is refused, never guessed.

use super::read::Cell;
use crate::date::PartialDate;
use chrono::{Days, NaiveDate};

/// Full-width digits and punctuation as their ASCII forms.
fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            '－' | '—' | '–' => '-',
            '／' => '/',
            'ｘ' | 'Ｘ' => 'X',
            c => c,
        })
        .collect()
}

fn day(y: i32, m: u32, d: u32) -> Result<PartialDate, String> {
    NaiveDate::from_ymd_opt(y, m, d)
        .map(PartialDate::Day)
        .ok_or_else(|| format!("{y}年{m}月{d}日不是真实的日期，请核对"))
}

fn month(y: i32, m: u32) -> Result<PartialDate, String> {
    PartialDate::month(y, m).ok_or_else(|| format!("{y}年{m}月不是真实的月份，请核对"))
}

fn plausible_year(y: i32) -> Result<i32, String> {
    if (1900..=2100).contains(&y) {
        Ok(y)
    } else {
        Err(format!("年份 {y} 不对，请核对"))
    }
}

/// Parses `1985.07`, `1985.7.1`, `1985年7月1日`, `1985-07-01`, `1985/7/1`,
/// `19850701`, `198507` and their full-width forms.
fn parse_text(t: &str) -> Result<PartialDate, String> {
    let t = half_width(t).trim().trim_end_matches('份').to_string();
    let wrong = || format!("看不懂日期“{t}”，请写成 1985.07.01 或 1985年7月1日；只知道年月的写成 1985.07");
    if t.chars().all(|c| c.is_ascii_digit()) {
        return match t.len() {
            8 => {
                let y = plausible_year(t[..4].parse().map_err(|_| wrong())?)?;
                day(y, t[4..6].parse().map_err(|_| wrong())?, t[6..].parse().map_err(|_| wrong())?)
            }
            6 => month(plausible_year(t[..4].parse().map_err(|_| wrong())?)?, t[4..].parse().map_err(|_| wrong())?),
            4 => Err(format!("“{t}”只有年份，请写上月份（如 {t}.07）")),
            _ => Err(wrong()),
        };
    }
    let parts: Vec<&str> = t.split(['.', '-', '/', '年', '月', '日']).filter(|p| !p.is_empty()).collect();
    if parts.iter().any(|p| !p.chars().all(|c| c.is_ascii_digit()) || p.len() > 4) {
        return Err(wrong());
    }
    let nums: Vec<u32> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
    match nums.as_slice() {
        [y, m] if parts[0].len() == 4 => month(plausible_year(*y as i32)?, *m),
        [y, m, d] if parts[0].len() == 4 => day(plausible_year(*y as i32)?, *m, *d),
        [y] if parts[0].len() == 4 => Err(format!("“{t}”只有年份，请写上月份（如 {y}.07）")),
        _ => Err(wrong()),
    }
}

/// A date cell as typed. `Ok(None)` for an empty cell.
pub fn parse_date(cell: &Cell) -> Result<Option<PartialDate>, String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(d) => Ok(Some(PartialDate::Day(*d))),
        Cell::Text(t) if t.trim().is_empty() => Ok(None),
        Cell::Text(t) => parse_text(t).map(Some),
        Cell::Number(n) => {
            let n = *n;
            if n.fract() == 0.0 && (1.0..80_000.0).contains(&n) && !(1900.0..=2100.0).contains(&n) {
                // A date whose cell lost its date format: Excel's serial day number.
                let base = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
                return base
                    .checked_add_days(Days::new(n as u64))
                    .map(|d| Some(PartialDate::Day(d)))
                    .ok_or_else(|| format!("看不懂日期 {n}"));
            }
            let text = format!("{n}");
            // 1985.10 typed into a number cell is stored as 1985.1: January or October?
            if let Some(frac) = text.split('.').nth(1) {
                if frac == "1" {
                    return Err(format!(
                        "“{text}”可能是{0}年1月，也可能是{0}年10月（表格把 {0}.10 存成了 {0}.1）。请把这一列设为“文本”格式后重新填写这个日期",
                        &text[..4.min(text.len())]
                    ));
                }
            }
            parse_text(&text).map(Some)
        }
    }
}

/// An ID number as typed, normalised: no spaces, ASCII digits, capital X.
/// The checksum is checked later with the rest of the form.
pub fn parse_id(cell: &Cell) -> Result<String, String> {
    const LOST: &str =
        "身份证号被表格存成了数字，最后几位已经丢失，无法导入。请把这一列设为“文本”格式，重新输入这些身份证号后再导入";
    match cell {
        Cell::Number(_) => Err(LOST.into()),
        Cell::Date(_) => Err("身份证号这一格被表格当成了日期，请把这一列设为“文本”格式后重新输入".into()),
        Cell::Empty => Ok(String::new()),
        Cell::Text(t) => {
            let id: String = half_width(t).chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}').collect();
            let id = id.replace('x', "X");
            if id.contains("E+") || id.contains("e+") {
                return Err(LOST.into());
            }
            Ok(id)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Result<Option<PartialDate>, String> {
        parse_date(&Cell::Text(s.into()))
    }

    fn d(y: i32, m: u32, dd: u32) -> Option<PartialDate> {
        Some(PartialDate::Day(NaiveDate::from_ymd_opt(y, m, dd).unwrap()))
    }

    fn m(y: i32, mm: u32) -> Option<PartialDate> {
        PartialDate::month(y, mm)
    }

    #[test]
    fn every_spelling_of_a_day() {
        for s in [
            "1985.7.1",
            "1985.07.01",
            "1985年7月1日",
            "1985-07-01",
            "19850701",
            "1985/7/1",
            "１９８５．７．１",
            " 1985-7-1 ",
        ] {
            assert_eq!(text(s), Ok(d(1985, 7, 1)), "{s}");
        }
        assert_eq!(parse_date(&Cell::Date(NaiveDate::from_ymd_opt(1985, 7, 1).unwrap())), Ok(d(1985, 7, 1)));
        // 31229 is 1985-07-01 as Excel counts days.
        assert_eq!(parse_date(&Cell::Number(31229.0)), Ok(d(1985, 7, 1)));
    }

    #[test]
    fn a_year_and_month_stays_a_month() {
        for s in ["1985.07", "1985.7", "1985年7月", "1985年7月份", "1985-07", "198507", "1985/7"] {
            assert_eq!(text(s), Ok(m(1985, 7)), "{s}");
        }
        assert_eq!(parse_date(&Cell::Number(1985.07)), Ok(m(1985, 7)));
        assert_eq!(parse_date(&Cell::Number(1985.7)), Ok(m(1985, 7)));
        assert_eq!(parse_date(&Cell::Number(1985.12)), Ok(m(1985, 12)));
        // Text keeps what was typed: 1985.1 is January.
        assert_eq!(text("1985.1"), Ok(m(1985, 1)));
    }

    #[test]
    fn ambiguous_and_impossible_dates_are_refused_in_chinese() {
        let e = parse_date(&Cell::Number(1985.1)).unwrap_err();
        assert!(e.contains("1月") && e.contains("10月"), "{e}");
        assert!(text("1985.13").unwrap_err().contains("月份"));
        assert!(text("1985.2.30").unwrap_err().contains("不是真实的日期"));
        assert!(text("1985").unwrap_err().contains("只有年份"));
        assert!(text("去年").is_err());
        assert!(text("85.7.1").is_err(), "two-digit years are not guessed");
        assert_eq!(text(""), Ok(None));
    }

    #[test]
    fn id_numbers_are_normalised_or_refused() {
        assert_eq!(parse_id(&Cell::Text(" 4311 2119 7002 2803 0x ".into())), Ok("43112119700228030X".into()));
        assert_eq!(
            parse_id(&Cell::Text("４３１１２１１９７００２２８０３０ｘ".into())),
            Ok("43112119700228030X".into())
        );
        assert!(parse_id(&Cell::Number(431121195001010210.0)).unwrap_err().contains("存成了数字"));
        assert!(parse_id(&Cell::Text("4.31121E+17".into())).unwrap_err().contains("存成了数字"));
    }
}
