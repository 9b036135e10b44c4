//! Money is integer 分 (`i64`), never floating point. Yuan are parsed from
//! text exactly and printed exactly.

/// Parses `3000`, `3000.5`, `3000.01`, `3,000.01` or `3000.01元` into 分.
/// More than two decimals, signs other than a leading minus, and anything
/// else are refused.
pub fn parse_yuan(input: &str) -> Option<i64> {
    let s: String = input.trim().trim_end_matches('元').chars().filter(|c| *c != ',' && *c != '，').collect();
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest.to_string()),
        None => (false, s),
    };
    let (whole, frac) = match s.split_once('.') {
        Some((w, f)) => (w, f),
        None => (s.as_str(), ""),
    };
    if whole.is_empty() && frac.is_empty() {
        return None;
    }
    if !whole.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) || frac.len() > 2 {
        return None;
    }
    if whole.len() > 12 {
        return None;
    }
    let w: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let f: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().ok()? * 10,
        _ => frac.parse().ok()?,
    };
    let fen = w.checked_mul(100)?.checked_add(f)?;
    Some(if neg { -fen } else { fen })
}

/// `1234.5` yuan as `1234.50`.
pub fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let a = fen.unsigned_abs();
    format!("{sign}{}.{:02}", a / 100, a % 100)
}

/// `amount × per_mille / 1000`, rounded half up to the 分 (amounts are never
/// negative here).
pub fn per_mille(amount: i64, per_mille: i64) -> i64 {
    (amount * per_mille + 500).div_euclid(1000)
}

/// Rounds a 分 amount half up to a coarser unit (`unit` = 1, 10 or 100 分).
pub fn round_to(fen: i64, unit: i64) -> i64 {
    if unit <= 1 {
        return fen;
    }
    (fen + unit / 2).div_euclid(unit) * unit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_yuan_exactly() {
        assert_eq!(parse_yuan("3000"), Some(300000));
        assert_eq!(parse_yuan("3000.01"), Some(300001));
        assert_eq!(parse_yuan("3000.1"), Some(300010));
        assert_eq!(parse_yuan("0.2"), Some(20));
        assert_eq!(parse_yuan(".5"), Some(50));
        assert_eq!(parse_yuan("3,000.01元"), Some(300001));
        assert_eq!(parse_yuan("-15.00"), Some(-1500));
        for bad in ["", "abc", "1.234", "1.2.3", "+5", "1e3", "--1", "."] {
            assert_eq!(parse_yuan(bad), None, "{bad}");
        }
    }

    #[test]
    fn prints_yuan_exactly() {
        assert_eq!(yuan(300001), "3000.01");
        assert_eq!(yuan(20), "0.20");
        assert_eq!(yuan(-1500), "-15.00");
        assert_eq!(yuan(0), "0.00");
    }

    #[test]
    fn rounds_half_up() {
        assert_eq!(per_mille(300000, 5), 1500);
        assert_eq!(per_mille(300001, 10), 3000); // 30.0001 → 30.00
        assert_eq!(per_mille(100, 5), 1); // 0.5 分 → 1 分
        assert_eq!(per_mille(99, 5), 0); // 0.495 分 → 0
        assert_eq!(round_to(1549, 10), 1550);
        assert_eq!(round_to(1544, 10), 1540);
        assert_eq!(round_to(1550, 100), 1600);
        assert_eq!(round_to(1549, 100), 1500);
    }
}
