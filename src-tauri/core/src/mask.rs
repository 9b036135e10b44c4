//! Masking of personal numbers wherever they are shown: a member's ID
//! number (`410102********1234`) and phone (`138****5678`) in lists, the
//! change history and the export, and every ID or mobile number inside a
//! free text ([`mask_public_text`]: the 公示 and the log file).

/// First 6 and last 4 characters, the middle hidden: `410102********1234`.
/// Anything that is not a full-length number is hidden entirely but for
/// its last 2 characters, so a typo never leaks a whole number either.
pub fn mask_id_number(number: &str) -> String {
    let chars: Vec<char> = number.chars().collect();
    match chars.len() {
        0 => String::new(),
        18 => {
            let head: String = chars[..6].iter().collect();
            let tail: String = chars[14..].iter().collect();
            format!("{head}********{tail}")
        }
        n if n > 2 => {
            let tail: String = chars[n - 2..].iter().collect();
            format!("{}{tail}", "*".repeat(n - 2))
        }
        n => "*".repeat(n),
    }
}

/// 138****0000 for a mobile; for a landline all but the last 4 digits hidden.
pub fn mask_phone(phone: &str) -> String {
    let digits: Vec<char> = phone.chars().collect();
    let n = digits.len();
    if n == 11 && phone.starts_with('1') {
        format!("{}****{}", digits[..3].iter().collect::<String>(), digits[7..].iter().collect::<String>())
    } else if n > 4 {
        format!("{}{}", "*".repeat(n - 4), digits[n - 4..].iter().collect::<String>())
    } else {
        "*".repeat(n)
    }
}

/// A digit as people type it: ASCII or full-width (the Chinese IME).
fn digit_of(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        _ => None,
    }
}

/// What may stand between the digits of one number: spaces, dashes, dots,
/// line breaks and the invisible zero-width characters.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{3000}'
            | '\u{a0}'
            | '-'
            | '－'
            | '—'
            | '–'
            | '.'
            | '．'
            | '\n'
            | '\r'
            | '\t'
            | '\u{200b}'
            | '\u{200c}'
            | '\u{200d}'
            | '\u{2060}'
            | '\u{feff}'
    )
}

/// The masked form of one number's digits, or None when it is no ID or
/// mobile number and is printed as typed (years, amounts, landlines).
fn mask_digits(digits: &str, plus: bool) -> Option<String> {
    let mut d = digits;
    // +86 / 0086 / 86 before a mobile; a leading 0 before a mobile.
    if let Some(rest) = d.strip_prefix("0086") {
        d = rest;
    } else if d.len() == 13 && d.starts_with("86") || plus && d.starts_with("86") {
        d = &d[2..];
    } else if d.len() == 12 && d.starts_with("01") && matches!(d.as_bytes()[2], b'3'..=b'9') {
        d = &d[1..];
    }
    let is_mobile = |n: &str| n.len() == 11 && n.starts_with('1') && matches!(n.as_bytes()[1], b'3'..=b'9');
    let is_landline = |n: &str| n.starts_with('0') && (10..=12).contains(&n.len());
    if d.len() == 18 {
        Some(mask_id_number(d))
    } else if is_mobile(d) {
        Some(mask_phone(d))
    } else if d.len() >= 12 && !is_landline(d) {
        // A longer run may hold an ID or a mobile inside: keep only its ends.
        Some(format!("{}{}{}", &d[..3], "*".repeat(d.len() - 7), &d[d.len() - 4..]))
    } else {
        None
    }
}

/// Every ID number and mobile number in `text`, masked however it was
/// written (issue 14, item 2): ASCII or full-width digits, grouped by
/// spaces, dashes or dots, split over lines, with zero-width characters in
/// between, after +86 / 0086 / a leading 0, or inside a longer run of digits:
/// `410102********1234`, `138****5678`. Years, amounts and landlines are
/// left as typed; masking twice changes nothing.
pub fn mask_public_text(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let plus = matches!(chars[i], '+' | '＋') && chars.get(i + 1).and_then(|c| digit_of(*c)).is_some();
        if digit_of(chars[i]).is_none() && !plus {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        if plus {
            i += 1;
        }
        let mut digits = String::new();
        let mut end: usize;
        loop {
            // Digits, then up to three separators if a digit follows them.
            while i < chars.len() {
                match digit_of(chars[i]) {
                    Some(d) => {
                        digits.push(d);
                        i += 1;
                    }
                    None => break,
                }
            }
            end = i;
            if digits.len() == 17 && i < chars.len() && matches!(chars[i], 'X' | 'x' | 'Ｘ' | 'ｘ') {
                digits.push('X');
                i += 1;
                end = i;
                break;
            }
            let mut j = i;
            while j < chars.len() && j - i < 3 && is_separator(chars[j]) {
                j += 1;
            }
            if j > i && j < chars.len() && digit_of(chars[j]).is_some() {
                i = j;
            } else {
                break;
            }
        }
        i = end;
        let original: String = chars[start..end].iter().collect();
        match mask_digits(&digits, plus) {
            Some(masked) => {
                // An ID typed with a lowercase x keeps it.
                let masked = if original.ends_with(['x', 'ｘ']) { masked.replace('X', "x") } else { masked };
                out.push_str(&masked)
            }
            None => out.push_str(&original),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mask_keeps_first_6_and_last_4() {
        assert_eq!(mask_id_number("11010519491231002X"), "110105********002X");
        assert_eq!(mask_id_number("12345"), "***45");
        assert_eq!(mask_id_number(""), "");
        assert_eq!(mask_id_number("1"), "*");
    }

    #[test]
    fn phones_are_masked() {
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("0371-6512345"), "********2345");
        assert_eq!(mask_phone("123"), "***");
    }

    #[test]
    fn ids_and_mobiles_are_masked_wherever_they_appear() {
        assert_eq!(
            mask_public_text("王某 11010519491231002X，电话13812345678。"),
            "王某 110105********002X，电话138****5678。"
        );
        assert_eq!(mask_public_text("身份证 11010519491231002x"), "身份证 110105********002x");
        // Landlines, years, dates and amounts are left alone.
        for s in ["0371-66881234", "010-66881234", "2026年11月", "2026-11-27", "合计 1234.50 元", "23812345678"] {
            assert_eq!(mask_public_text(s), s);
        }
        assert_ne!(mask_public_text("电话：13812345678"), "电话：13812345678");
        assert_eq!(mask_public_text("电话：138****5678"), "电话：138****5678", "masking twice changes nothing");
    }

    #[test]
    fn every_spelling_of_a_mobile_or_an_id_is_masked() {
        let id = "11010519491231002X";
        for written in [
            "１３８１２３４５６７８",
            "138-1234-5678",
            "138 1234 5678",
            "138.1234.5678",
            "+86 138 1234 5678",
            "+8613812345678",
            "008613812345678",
            "86-138-1234-5678",
            "013812345678",
            "138\u{200b}1234\u{200b}5678",
            "138\n1234\n5678",
            "138\r\n1234 5678",
            "＋８６　１３８　１２３４　５６７８",
        ] {
            let masked = mask_public_text(&format!("电话：{written}。"));
            assert_eq!(masked, "电话：138****5678。", "{written:?}");
        }
        for written in [
            "110105 19491231 002X",
            "110105-19491231-002X",
            "１１０１０５１９４９１２３１００２Ｘ",
            "110105\n19491231002X",
            "1101\u{200b}0519491231002X",
        ] {
            assert_eq!(mask_public_text(written), "110105********002X", "{written:?}");
        }
        // Inside a longer run of digits, only the ends stay.
        let long = mask_public_text(&format!("编号99{id}"));
        assert!(!long.contains("19491231") && !long.contains("0519"), "{long}");
        assert_eq!(mask_public_text("账号 123456789012345678901"), "账号 123**************8901");
    }
}
