//! 公民身份号码 (GB 11643-1999): check and normalise; masking is in
//! `mask.rs` (re-exported here as `mask`).
//!
//! 18 characters: 6-digit area code, 8-digit birth date, 3-digit sequence
//! (odd = male, even = female) and a check character computed from the
//! first 17 digits with the weights below, `sum mod 11` mapped onto
//! `1 0 X 9 8 7 6 5 4 3 2`.

pub use crate::mask::mask_id_number as mask;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    pub fn label(self) -> &'static str {
        match self {
            Sex::Male => "男",
            Sex::Female => "女",
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Sex::Male => "male",
            Sex::Female => "female",
        }
    }
    pub fn from_code(s: &str) -> Option<Self> {
        match s {
            "male" | "男" => Some(Sex::Male),
            "female" | "女" => Some(Sex::Female),
            _ => None,
        }
    }
}

/// What a valid number tells.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IdInfo {
    /// The number as stored: 18 characters, an upper-case `X` if any.
    pub number: String,
    pub birth_date: NaiveDate,
    pub sex: Sex,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("请填写公民身份号码")]
    Empty,
    #[error("身份证号看起来被表格当成了数字（如 4.1e+17），后几位已经丢失。请把这一列设为“文本”格式后重新填写号码")]
    NumberLike,
    #[error("身份证号应为 18 位，现在是 {0} 位，请核对")]
    WrongLength(usize),
    #[error("身份证号只能是数字，最后一位可以是 X，请核对")]
    BadCharacters,
    #[error("身份证号中的出生日期（第 7–14 位）不是真实的日期，请核对")]
    BadBirthDate,
    #[error("身份证号校验位不对（最后一位应为 {expected}），可能有一位抄错了，请逐位核对")]
    BadChecksum { expected: char },
}

impl IdError {
    /// A stable machine word for the CLI and the UI.
    pub fn code(&self) -> &'static str {
        match self {
            IdError::Empty => "id_empty",
            IdError::NumberLike => "id_number_like",
            IdError::WrongLength(_) => "id_wrong_length",
            IdError::BadCharacters => "id_bad_characters",
            IdError::BadBirthDate => "id_bad_birth_date",
            IdError::BadChecksum { .. } => "id_bad_checksum",
        }
    }
}

/// Spaces (half- and full-width) removed, a lower-case `x` made upper-case.
pub fn normalise(raw: &str) -> String {
    raw.chars().filter(|c| !c.is_whitespace() && *c != '\u{3000}').map(|c| if c == 'x' { 'X' } else { c }).collect()
}

/// The check character for the first 17 digits.
pub fn check_char(first17: &[u8]) -> char {
    let sum: u32 = first17.iter().zip(WEIGHTS).map(|(d, w)| u32::from(d - b'0') * w).sum();
    CHECK_CHARS[(sum % 11) as usize]
}

/// Checks a number as typed. `today` bounds the birth date (no one is born
/// in the future).
pub fn check(raw: &str, today: NaiveDate) -> Result<IdInfo, IdError> {
    let number = normalise(raw);
    if number.is_empty() {
        return Err(IdError::Empty);
    }
    if number.contains(['e', 'E', '+']) || (number.contains('.') && number.len() != 18) {
        return Err(IdError::NumberLike);
    }
    let len = number.chars().count();
    if len != 18 {
        return Err(IdError::WrongLength(len));
    }
    let bytes = number.as_bytes();
    if !bytes[..17].iter().all(u8::is_ascii_digit) || !(bytes[17].is_ascii_digit() || bytes[17] == b'X') {
        return Err(IdError::BadCharacters);
    }
    let birth_date = NaiveDate::parse_from_str(&number[6..14], "%Y%m%d").map_err(|_| IdError::BadBirthDate)?;
    if birth_date > today || birth_date < NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN) {
        return Err(IdError::BadBirthDate);
    }
    let expected = check_char(&bytes[..17]);
    if char::from(bytes[17]) != expected {
        return Err(IdError::BadChecksum { expected });
    }
    let sex = if (bytes[16] - b'0') % 2 == 1 { Sex::Male } else { Sex::Female };
    Ok(IdInfo { number, birth_date, sex })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    /// Builds a valid number from 17 digits.
    fn with_check(first17: &str) -> String {
        format!("{first17}{}", check_char(first17.as_bytes()))
    }

    #[test]
    fn the_standard_example_is_valid() {
        // The worked example printed in GB 11643-1999.
        let info = check("11010519491231002X", today()).unwrap();
        assert_eq!(info.birth_date, NaiveDate::from_ymd_opt(1949, 12, 31).unwrap());
        assert_eq!(info.sex, Sex::Female);
        let info = check("440524188001010014", NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        assert_eq!(info.err(), Some(IdError::BadBirthDate), "1880 is before 1900");
    }

    #[test]
    fn lower_case_x_and_spaces_are_normalised() {
        let info = check(" 110105 19491231 002x ", today()).unwrap();
        assert_eq!(info.number, "11010519491231002X");
        assert_eq!(check(" \u{3000} ", today()), Err(IdError::Empty));
    }

    #[test]
    fn every_single_digit_typo_is_caught() {
        let good = with_check("41010219850701123");
        assert!(check(&good, today()).is_ok());
        let bytes = good.as_bytes();
        for i in 0..17 {
            for d in b'0'..=b'9' {
                if d == bytes[i] {
                    continue;
                }
                let mut typo = bytes.to_vec();
                typo[i] = d;
                let typo = String::from_utf8(typo).unwrap();
                assert!(check(&typo, today()).is_err(), "typo at {i} not caught: {typo}");
            }
        }
    }

    #[test]
    fn reports_what_is_wrong() {
        let good = with_check("41010219850701123");
        let mut bad_check = good[..17].to_string();
        let wrong = if good.ends_with('0') { '1' } else { '0' };
        bad_check.push(wrong);
        assert!(matches!(check(&bad_check, today()), Err(IdError::BadChecksum { .. })));
        assert_eq!(check("4101021985", today()), Err(IdError::WrongLength(10)));
        assert_eq!(check("4.10102198507011e+17", today()), Err(IdError::NumberLike));
        assert_eq!(check("41010219850701123A", today()), Err(IdError::BadCharacters));
        assert_eq!(check(&with_check("41010219850230123"), today()), Err(IdError::BadBirthDate));
        assert_eq!(check(&with_check("41010220990101123"), today()), Err(IdError::BadBirthDate));
        assert_eq!(check("", today()), Err(IdError::Empty));
    }

    #[test]
    fn sex_comes_from_the_17th_digit() {
        assert_eq!(check(&with_check("41010219850701123"), today()).unwrap().sex, Sex::Male);
        assert_eq!(check(&with_check("41010219850701124"), today()).unwrap().sex, Sex::Female);
    }
}
