//! Money in whole yen, and the ratio arithmetic of subsidies (補助率 1/2, 10/10, 千円未満切捨て).
//!
//! Amounts are integer yen; ratios are exact fractions. Nothing here ever passes through binary floating
//! point, so 1/2 of 1,999円 is exactly 999.5円 before rounding, never 999.4999….

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Sub};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A whole number of yen. Negative values exist only as intermediate differences (C = A − B).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "number"))]
pub struct Yen(i64);

impl Yen {
    pub const ZERO: Yen = Yen(0);

    pub const fn new(yen: i64) -> Yen {
        Yen(yen)
    }

    pub const fn get(self) -> i64 {
        self.0
    }

    pub fn is_zero(&self) -> bool {
        self.0 == 0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// 0 where the amount is negative (G = max(0, …)).
    pub fn at_least_zero(self) -> Yen {
        Yen(self.0.max(0))
    }

    /// 千円未満切捨て: the largest multiple of 1,000円 not above the amount.
    pub fn floor_to_thousand(self) -> Yen {
        Yen(self.0.div_euclid(1000) * 1000)
    }

    /// `self × ratio`, rounded down to a multiple of 1,000円 (千円未満切捨て), computed exactly in integers.
    pub fn times_ratio_floor_thousand(self, ratio: Ratio) -> Yen {
        self.times_ratio_floored_to(ratio, 1000)
    }

    /// `self × ratio`, rounded down to a multiple of `unit` yen, computed exactly in integers.
    pub fn times_ratio_floored_to(self, ratio: Ratio, unit: i64) -> Yen {
        let unit = unit.max(1);
        let exact_numerator = i128::from(self.0) * i128::from(ratio.numerator);
        let divisor = i128::from(ratio.denominator) * i128::from(unit);
        let units = exact_numerator.div_euclid(divisor);
        Yen(i64::try_from(units * i128::from(unit)).unwrap_or(i64::MAX))
    }

    /// The amount in exact decimal, for adapters that store or display decimals.
    pub fn to_decimal(self) -> Decimal {
        Decimal::from(self.0)
    }

    /// A decimal that is a whole number of yen; `None` for fractions of a yen or out-of-range values.
    pub fn from_decimal(amount: Decimal) -> Option<Yen> {
        if amount.fract() != Decimal::ZERO {
            return None;
        }
        i64::try_from(amount).ok().map(Yen)
    }

    /// 1,234,567円
    pub fn format_yen(self) -> String {
        format!("{}円", group_thousands(self.0))
    }

    /// 1,235千円 — amounts shown in thousands, rounded half up as Japanese budget tables do.
    pub fn format_thousand_yen(self) -> String {
        let sign = if self.0 < 0 { -1 } else { 1 };
        let thousands = (self.0.abs() + 500) / 1000 * sign;
        format!("{}千円", group_thousands(thousands))
    }

    pub fn checked_add(self, other: Yen) -> Option<Yen> {
        self.0.checked_add(other.0).map(Yen)
    }
}

fn group_thousands(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        grouped.push('-');
    }
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

impl fmt::Display for Yen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format_yen())
    }
}

impl Add for Yen {
    type Output = Yen;
    fn add(self, other: Yen) -> Yen {
        Yen(self.0.saturating_add(other.0))
    }
}

impl AddAssign for Yen {
    fn add_assign(&mut self, other: Yen) {
        *self = *self + other;
    }
}

impl Sub for Yen {
    type Output = Yen;
    fn sub(self, other: Yen) -> Yen {
        Yen(self.0.saturating_sub(other.0))
    }
}

impl Sum for Yen {
    fn sum<I: Iterator<Item = Yen>>(iter: I) -> Yen {
        iter.fold(Yen::ZERO, Add::add)
    }
}

/// An exact fraction such as 補助率 1/2 or 10/10, written in program data as "1/2".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Ratio {
    numerator: u32,
    denominator: u32,
}

impl Ratio {
    /// `None` when the denominator is zero.
    pub fn new(numerator: u32, denominator: u32) -> Option<Ratio> {
        (denominator != 0).then_some(Ratio { numerator, denominator })
    }

    pub fn numerator(self) -> u32 {
        self.numerator
    }

    pub fn denominator(self) -> u32 {
        self.denominator
    }

    /// 2分の1, 10分の10 — how 要綱 write a 補助率.
    pub fn to_japanese(self) -> String {
        format!("{}分の{}", self.denominator, self.numerator)
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.numerator, self.denominator)
    }
}

impl std::str::FromStr for Ratio {
    type Err = String;
    fn from_str(text: &str) -> Result<Ratio, String> {
        let (numerator, denominator) =
            text.split_once('/').ok_or_else(|| format!("補助率 \"{text}\" は \"1/2\" の形で書いてください"))?;
        let numerator =
            numerator.trim().parse().map_err(|_| format!("補助率 \"{text}\" の分子が整数ではありません"))?;
        let denominator =
            denominator.trim().parse().map_err(|_| format!("補助率 \"{text}\" の分母が整数ではありません"))?;
        Ratio::new(numerator, denominator).ok_or_else(|| format!("補助率 \"{text}\" の分母が0です"))
    }
}

impl Serialize for Ratio {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Ratio {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Ratio, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn half() -> Ratio {
        Ratio::new(1, 2).unwrap()
    }

    #[test]
    fn half_of_1999_rounds_down_to_zero_thousand() {
        assert_eq!(Yen::new(1_999).times_ratio_floor_thousand(half()), Yen::new(0));
    }

    #[test]
    fn half_of_2000_is_exactly_1000() {
        assert_eq!(Yen::new(2_000).times_ratio_floor_thousand(half()), Yen::new(1_000));
    }

    #[test]
    fn half_of_an_odd_large_amount_is_floored_not_rounded() {
        // 6,150,001 / 2 = 3,075,000.5 → 3,075,000
        assert_eq!(Yen::new(6_150_001).times_ratio_floor_thousand(half()), Yen::new(3_075_000));
        assert_eq!(Yen::new(6_151_999).times_ratio_floor_thousand(half()), Yen::new(3_075_000));
    }

    #[test]
    fn ten_tenths_keeps_the_amount_less_its_odd_yen() {
        let full = Ratio::new(10, 10).unwrap();
        assert_eq!(Yen::new(2_434_999).times_ratio_floor_thousand(full), Yen::new(2_434_000));
    }

    #[test]
    fn formats_with_thousands_separators() {
        assert_eq!(Yen::new(1_234_567).format_yen(), "1,234,567円");
        assert_eq!(Yen::new(0).format_yen(), "0円");
        assert_eq!(Yen::new(999).format_yen(), "999円");
        assert_eq!(Yen::new(-1_000).format_yen(), "-1,000円");
    }

    #[test]
    fn formats_in_thousands_rounding_half_up() {
        assert_eq!(Yen::new(1_234_567).format_thousand_yen(), "1,235千円");
        assert_eq!(Yen::new(12_300_000).format_thousand_yen(), "12,300千円");
        assert_eq!(Yen::new(1_499).format_thousand_yen(), "1千円");
    }

    #[test]
    fn decimal_round_trip_refuses_fractions() {
        assert_eq!(Yen::from_decimal(Decimal::new(120_000, 0)), Some(Yen::new(120_000)));
        assert_eq!(Yen::from_decimal(Decimal::new(1_205, 1)), None);
        assert_eq!(Yen::new(5).to_decimal(), Decimal::from(5));
    }

    #[test]
    fn ratio_parses_from_program_data() {
        assert_eq!("1/2".parse::<Ratio>(), Ok(half()));
        assert_eq!(half().to_japanese(), "2分の1");
        assert!("1/0".parse::<Ratio>().is_err());
        assert!("half".parse::<Ratio>().is_err());
    }
}
