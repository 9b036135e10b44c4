//! Cleaning of typed text: trimmed fields (half- and full-width spaces),
//! Chinese names without inner spaces, phone numbers checked and compacted,
//! decimals with one place (学时, 积分) as integer tenths.
//! Every form of every feature, and the import, clean their text here.

/// Trims a text field, half- and full-width spaces alike.
pub fn clean(s: &str) -> String {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}').to_string()
}

/// A Chinese name loses every space inside it too (`张 三` → `张三`).
pub fn clean_name(s: &str) -> String {
    let trimmed = clean(s);
    let all_cjk_or_space = trimmed.chars().all(|c| c.is_whitespace() || c == '\u{3000}' || c == '·' || !c.is_ascii());
    if all_cjk_or_space {
        trimmed.chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}').collect()
    } else {
        trimmed
    }
}

/// A decimal with at most one place that counts — `2`, `1.5`, `0.50`, `.5`,
/// `1.`, `１．５`, `-3` — as integer tenths (学时 and 积分 are kept so, never
/// as floats); None for anything else (`1.25`, `两小时`, `1e2`, `.`).
pub fn tenths(input: &str) -> Option<i64> {
    let s: String = clean(input)
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            '－' => '-',
            c => c,
        })
        .collect();
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    if (whole.is_empty() && frac.is_empty()) || whole.len() > 6 {
        return None;
    }
    let frac = frac.trim_end_matches('0');
    if frac.len() > 1 || !whole.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v = whole.parse::<i64>().unwrap_or(0) * 10 + frac.parse::<i64>().unwrap_or(0);
    Some(if neg { -v } else { v })
}

/// A mobile (11 digits from 13–19) or a landline with area code.
pub fn clean_phone(s: &str) -> Result<String, &'static str> {
    let compact: String = s.chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}').collect();
    if compact.is_empty() {
        return Ok(compact);
    }
    let digits_only: String = compact.chars().filter(|c| *c != '-').collect();
    let is_mobile = digits_only.len() == 11
        && digits_only.starts_with('1')
        && matches!(digits_only.as_bytes()[1], b'3'..=b'9')
        && digits_only.chars().all(|c| c.is_ascii_digit());
    if is_mobile {
        return Ok(digits_only);
    }
    let is_landline = compact.starts_with('0')
        && compact.chars().all(|c| c.is_ascii_digit() || c == '-')
        && compact.matches('-').count() <= 1
        && (10..=12).contains(&digits_only.len());
    if is_landline {
        return Ok(compact);
    }
    Err("联系电话应为 11 位手机号（如 13812345678）或带区号的座机号（如 0371-65123456）")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_with_one_place_are_tenths() {
        let cases = [("2", 20), ("1.5", 15), ("0.50", 5), (".5", 5), ("1.", 10), ("１．５", 15), ("-3", -30)];
        for (typed, want) in cases {
            assert_eq!(tenths(typed), Some(want), "{typed}");
        }
        assert_eq!((tenths("－2.5"), tenths(" 12.0 "), tenths("0")), (Some(-25), Some(120), Some(0)));
        for bad in ["1.25", "两小时", "1e2", ".", "", "-", "1,5", "--1", "1234567"] {
            assert_eq!(tenths(bad), None, "{bad}");
        }
    }

    #[test]
    fn fields_are_trimmed_and_names_lose_inner_spaces() {
        assert_eq!(clean(" \u{3000}张三 \n"), "张三");
        assert_eq!(clean_name("张 三"), "张三");
        assert_eq!(clean_name(" John Smith "), "John Smith");
    }

    #[test]
    fn phones_are_checked() {
        for ok in ["13812345678", "0371-65123456", "037165123456", " 138-1234-5678 ", ""] {
            assert!(clean_phone(ok).is_ok(), "{ok}");
        }
        for bad in ["1381234567", "12812345678", "phone", "0371--6512"] {
            assert!(clean_phone(bad).is_err(), "{bad}");
        }
    }
}
