//! How much a member pays a month (《关于中国共产党党费收缴、使用和管理的规定》
//! 2008, docs/DOMAIN.md §2). The rate applies to the whole base, not in slices.

use super::money::{per_mille, round_to, yuan};
use crate::coded::coded_enum;
use serde::{Deserialize, Serialize};

coded_enum!(
    /// 党费类别
    DuesCategory {
        InService = "in_service", "在职（按工资收入）";
        Declared = "declared", "外出务工经商（自报收入）";
        Retired = "retired", "离退休（按养老金）";
        Farmer = "farmer", "农民党员";
        Student = "student", "学生";
        Unemployed = "unemployed", "下岗失业";
        Relief = "relief", "享受低保或救济";
        Hardship = "hardship", "生活困难减免";
    }
);

impl DuesCategory {
    /// Categories whose amount follows a monthly base (wage or pension).
    pub fn uses_base(self) -> bool {
        matches!(self, DuesCategory::InService | DuesCategory::Declared | DuesCategory::Retired)
    }
}

/// Bracket edges in 分, for in-service (and declared) incomes.
const IN_SERVICE: [(i64, i64); 3] = [(300000, 5), (500000, 10), (1000000, 15)];
const IN_SERVICE_TOP: i64 = 20;
/// Pensions: up to 5000.00 yuan 0.5%, above 1%.
const RETIRED: [(i64, i64); 1] = [(500000, 5)];
const RETIRED_TOP: i64 = 10;
/// 0.20 yuan a month.
pub const MINIMUM_FEN: i64 = 20;
/// A single payment at or above 1000.00 yuan goes entirely to the Centre.
pub const LARGE_PAYMENT_FEN: i64 = 100000;
/// A base this close (50 元) to a bracket edge is easy to mistype into the wrong bracket.
pub const NEAR_EDGE_FEN: i64 = 5000;

/// What the secretary enters for one member's monthly amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AmountInput {
    pub category: DuesCategory,
    /// Monthly base (wage after tax, or pension) in 分, for the categories that use one.
    pub base: Option<i64>,
    /// The amount the branch set for farmers (20–100 分), or the approved
    /// amount for a hardship reduction (0 = exempt).
    pub fixed: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Amount {
    /// The monthly amount in 分.
    pub monthly_fen: i64,
    /// The rate in 千分之 (5 = 0.5%), where a rate applies.
    pub rate_per_mille: Option<i64>,
    /// e.g. "0.5%", "固定金额"
    pub rate_label: String,
    /// Things to check again (a base near a bracket edge …).
    pub warnings: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("请填写月收入基数（税后工资或养老金，元）")]
    MissingBase,
    #[error("月收入基数不能是负数")]
    NegativeBase,
    #[error("农民党员每月交纳 0.20 元至 1.00 元，由支部确定，请填写这个金额")]
    FarmerAmount,
    #[error("生活困难减免须填写批准后的月交纳金额（免交填 0）")]
    HardshipAmount,
}

fn rate_for(base: i64, brackets: &[(i64, i64)], top: i64) -> i64 {
    brackets.iter().find(|(edge, _)| base <= *edge).map(|(_, r)| *r).unwrap_or(top)
}

fn rate_label(per_mille: i64) -> String {
    if per_mille % 10 == 0 {
        format!("{}%", per_mille / 10)
    } else {
        format!("{}.{}%", per_mille / 10, per_mille % 10)
    }
}

/// The monthly amount by the rules; `rounding_unit` is the branch's
/// rounding (1 分 by default; 10 for 角, 100 for 元).
pub fn monthly_amount(input: AmountInput, rounding_unit: i64) -> Result<Amount, AmountError> {
    use DuesCategory::*;
    let mut warnings = Vec::new();
    let (fen, rate) = match input.category {
        InService | Declared | Retired => {
            let base = input.base.ok_or(AmountError::MissingBase)?;
            if base < 0 {
                return Err(AmountError::NegativeBase);
            }
            let (brackets, top): (&[(i64, i64)], i64) =
                if input.category == Retired { (&RETIRED, RETIRED_TOP) } else { (&IN_SERVICE, IN_SERVICE_TOP) };
            if let Some((edge, _)) = brackets.iter().find(|(edge, _)| (base - edge).abs() <= NEAR_EDGE_FEN) {
                warnings.push(format!(
                    "基数 {} 元离 {} 元的档次线很近，请再核对一下：多填或少填一点就会换一个比例",
                    yuan(base),
                    yuan(*edge)
                ));
            }
            let r = rate_for(base, brackets, top);
            (round_to(per_mille(base, r), rounding_unit), Some(r))
        }
        Farmer => match input.fixed {
            Some(f) if (MINIMUM_FEN..=100).contains(&f) => (f, None),
            _ => return Err(AmountError::FarmerAmount),
        },
        Student | Unemployed | Relief => (MINIMUM_FEN, None),
        Hardship => match input.fixed {
            Some(f) if f >= 0 => (f, None),
            _ => return Err(AmountError::HardshipAmount),
        },
    };
    Ok(Amount {
        monthly_fen: fen,
        rate_per_mille: rate,
        rate_label: rate.map(rate_label).unwrap_or_else(|| "固定金额".into()),
        warnings,
    })
}

/// The rounding choices a branch can set, in 分, with their labels.
pub const ROUNDINGS: [(i64, &str); 3] = [(1, "到分（不取整）"), (10, "到角"), (100, "到元")];

/// The monthly amount from the text a form or the command line holds:
/// a category code, a base and a fixed amount in yuan (either may be
/// empty). A farmer pays `farmer_fen` (the branch's amount) unless a fixed
/// amount is given. The error is a Chinese sentence for the form.
pub fn amount_from_text(
    category: &str,
    base: &str,
    fixed: &str,
    farmer_fen: i64,
    rounding_fen: i64,
) -> Result<Amount, String> {
    let category = DuesCategory::from_code(category.trim()).ok_or(
        "党费类别不对：请从列表中选择（in_service、declared、retired、farmer、student、unemployed、relief、hardship）",
    )?;
    let yuan = |text: &str| -> Result<Option<i64>, String> {
        match text.trim() {
            "" => Ok(None),
            t => super::money::parse_yuan(t).map(Some).ok_or_else(|| "金额请写成 3000 或 3000.50 这样（元）".into()),
        }
    };
    let base = yuan(base)?;
    let fixed = match (category, yuan(fixed)?) {
        (DuesCategory::Farmer, None) => Some(farmer_fen),
        (_, f) => f,
    };
    monthly_amount(AmountInput { category, base, fixed }, rounding_fen).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn in_service(base: i64) -> i64 {
        monthly_amount(AmountInput { category: DuesCategory::InService, base: Some(base), fixed: None }, 1)
            .unwrap()
            .monthly_fen
    }

    fn retired(base: i64) -> i64 {
        monthly_amount(AmountInput { category: DuesCategory::Retired, base: Some(base), fixed: None }, 1)
            .unwrap()
            .monthly_fen
    }

    #[test]
    fn every_in_service_boundary() {
        assert_eq!(in_service(300000), 1500); // 3000.00 → 15.00
        assert_eq!(in_service(300001), 3000); // 3000.01 → 30.00 (1% of the whole base)
        assert_eq!(in_service(500000), 5000); // 5000.00 → 50.00
        assert_eq!(in_service(500001), 7500); // 5000.01 → 75.00
        assert_eq!(in_service(1000000), 15000); // 10000.00 → 150.00
        assert_eq!(in_service(1000001), 20000); // 10000.01 → 200.00
        assert_eq!(in_service(0), 0);
        assert_eq!(in_service(123456), 617); // 1234.56 × 0.5% = 6.1728 → 6.17
        assert_eq!(in_service(123500), 618); // 6.175 → 6.18 (half up)
    }

    #[test]
    fn declared_income_pays_in_service_rates() {
        let a = monthly_amount(AmountInput { category: DuesCategory::Declared, base: Some(300001), fixed: None }, 1);
        assert_eq!(a.unwrap().monthly_fen, 3000);
    }

    #[test]
    fn every_retired_boundary() {
        assert_eq!(retired(500000), 2500); // 5000.00 → 25.00
        assert_eq!(retired(500001), 5000); // 5000.01 → 50.00
        assert_eq!(retired(1000001), 10000); // no 1.5% or 2% for pensions
    }

    #[test]
    fn farmers_and_the_minimum() {
        let farmer = |f| monthly_amount(AmountInput { category: DuesCategory::Farmer, base: None, fixed: f }, 1);
        assert_eq!(farmer(Some(20)).unwrap().monthly_fen, 20);
        assert_eq!(farmer(Some(100)).unwrap().monthly_fen, 100);
        assert_eq!(farmer(Some(19)), Err(AmountError::FarmerAmount));
        assert_eq!(farmer(Some(101)), Err(AmountError::FarmerAmount));
        assert_eq!(farmer(None), Err(AmountError::FarmerAmount));
        for c in [DuesCategory::Student, DuesCategory::Unemployed, DuesCategory::Relief] {
            let a = monthly_amount(AmountInput { category: c, base: Some(999999), fixed: None }, 1).unwrap();
            assert_eq!(a.monthly_fen, 20, "{c:?}");
        }
        let exempt = monthly_amount(AmountInput { category: DuesCategory::Hardship, base: None, fixed: Some(0) }, 1);
        assert_eq!(exempt.unwrap().monthly_fen, 0);
    }

    #[test]
    fn a_base_near_an_edge_is_pointed_out() {
        let a = monthly_amount(AmountInput { category: DuesCategory::InService, base: Some(298000), fixed: None }, 1)
            .unwrap();
        assert!(a.warnings[0].contains("3000.00 元的档次线"), "{:?}", a.warnings);
        let a = monthly_amount(AmountInput { category: DuesCategory::InService, base: Some(290000), fixed: None }, 1)
            .unwrap();
        assert!(a.warnings.is_empty());
        assert_eq!(a.rate_label, "0.5%");
    }

    #[test]
    fn amounts_from_the_text_of_a_form() {
        assert_eq!(amount_from_text("in_service", "3,000.01", "", 50, 1).unwrap().monthly_fen, 3000);
        assert_eq!(amount_from_text("farmer", "", "", 50, 1).unwrap().monthly_fen, 50, "the branch's amount");
        assert_eq!(amount_from_text("farmer", "", "0.8", 50, 1).unwrap().monthly_fen, 80);
        assert_eq!(amount_from_text("hardship", "", "0", 50, 1).unwrap().monthly_fen, 0);
        assert!(amount_from_text("in_service", "abc", "", 50, 1).unwrap_err().contains("3000.50"));
        assert!(amount_from_text("nobody", "", "", 50, 1).unwrap_err().contains("党费类别"));
        assert!(amount_from_text("retired", "", "", 50, 1).unwrap_err().contains("基数"));
    }

    #[test]
    fn coarser_rounding_is_a_setting() {
        let a = |unit| {
            monthly_amount(AmountInput { category: DuesCategory::InService, base: Some(123456), fixed: None }, unit)
                .unwrap()
                .monthly_fen
        };
        assert_eq!(a(1), 617);
        assert_eq!(a(10), 620);
        assert_eq!(a(100), 600);
    }
}
