//! What people type into a form: full-width digits (１２０，０００), commas, 円, 和暦 dates (令和6年4月1日, R6.4.1).
//! Every function turns text into a domain value or a Japanese message that says what to type instead.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::era::parse_era_date;
use crate::limits::MAX_AMOUNT;
use crate::money::Yen;

pub use crate::normalize::to_half_width;

/// Why a typed amount was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountInputError {
    #[error("金額が入力されていません。0円なら 0 と入力してください")]
    Empty,
    #[error("「{0}」は金額として読めません。120000 や 120,000 のように数字で入力してください")]
    NotANumber(String),
    #[error("「{0}」: 金額は0円以上で入力してください")]
    Negative(String),
    #[error("「{0}」: 金額は1円単位の整数で入力してください")]
    Fraction(String),
    #[error("「{0}」: 金額が大きすぎます（{max}まで）。桁を確かめてください", max = MAX_AMOUNT.format_yen())]
    TooLarge(String),
}

/// Reads an amount of yen as typed: "120000", "１２０，０００", "120,000円", "¥120,000".
pub fn parse_yen(text: &str) -> Result<Yen, AmountInputError> {
    let shown = text.trim().to_string();
    let cleaned: String = to_half_width(text)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, ',' | '円' | '¥' | '￥' | '\\'))
        .collect();
    if cleaned.is_empty() {
        return Err(AmountInputError::Empty);
    }
    let amount: Decimal = cleaned.parse().map_err(|_| AmountInputError::NotANumber(shown.clone()))?;
    if amount.is_sign_negative() && !amount.is_zero() {
        return Err(AmountInputError::Negative(shown));
    }
    if amount.fract() != Decimal::ZERO {
        return Err(AmountInputError::Fraction(shown));
    }
    // Far beyond any subsidy: a bigger figure is a typing slip (and one limit for every amount, limits.rs).
    if amount > MAX_AMOUNT.to_decimal() {
        return Err(AmountInputError::TooLarge(shown));
    }
    Yen::from_decimal(amount).ok_or(AmountInputError::TooLarge(shown))
}

/// Why a typed date was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateInputError {
    #[error("日付が入力されていません。令和6年4月1日、R6.4.1 または 2024-04-01 の形で入力してください")]
    Empty,
    #[error("「{0}」は日付として読めません。令和6年4月1日、R6.4.1 または 2024-04-01 の形で入力してください")]
    Unreadable(String),
    #[error("「{0}」: その日付は暦にありません（月と日を確かめてください）")]
    NoSuchDay(String),
    #[error("{0}")]
    Era(#[from] crate::era::EraDateError),
}

/// Reads a date as typed: 2024-04-01, 2024/4/1, 2024年4月1日, 令和6年4月1日, R6.4.1 (full-width too).
pub fn parse_date(text: &str) -> Result<NaiveDate, DateInputError> {
    let shown = text.trim().to_string();
    if shown.is_empty() {
        return Err(DateInputError::Empty);
    }
    if let Some(date) = parse_era_date(text)? {
        return Ok(date);
    }
    let normalized: String = to_half_width(text).chars().filter(|c| !c.is_whitespace()).collect();
    let normalized = normalized.strip_suffix('日').unwrap_or(&normalized);
    let parts: Vec<&str> = normalized.split(['-', '/', '.', '年', '月']).collect();
    let numbers: Option<Vec<u32>> = parts.iter().map(|p| p.parse::<u32>().ok()).collect();
    match numbers.as_deref() {
        Some([year, month, day]) if parts[0].len() == 4 => {
            NaiveDate::from_ymd_opt(*year as i32, *month, *day).ok_or(DateInputError::NoSuchDay(shown))
        }
        _ => Err(DateInputError::Unreadable(shown)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_accept_full_width_digits_and_commas() {
        assert_eq!(parse_yen("１２０，０００"), Ok(Yen::new(120_000)));
        assert_eq!(parse_yen("120,000円"), Ok(Yen::new(120_000)));
        assert_eq!(parse_yen(" ¥1,100,000 "), Ok(Yen::new(1_100_000)));
        assert_eq!(parse_yen("0"), Ok(Yen::ZERO));
    }

    #[test]
    fn amounts_refuse_what_is_not_whole_yen() {
        assert_eq!(parse_yen(""), Err(AmountInputError::Empty));
        assert!(matches!(parse_yen("-5"), Err(AmountInputError::Negative(_))));
        assert!(matches!(parse_yen("１２０．５"), Err(AmountInputError::Fraction(_))));
        assert!(matches!(parse_yen("十二万"), Err(AmountInputError::NotANumber(_))));
        assert!(matches!(parse_yen("999999999999999"), Err(AmountInputError::TooLarge(_))));
    }

    #[test]
    fn messages_name_what_was_typed_and_what_to_type() {
        let message = parse_yen("abc").unwrap_err().to_string();
        assert!(message.contains("「abc」"), "{message}");
        assert!(message.contains("数字で入力"), "{message}");
    }

    #[test]
    fn dates_accept_iso_slashes_and_wareki() {
        let april_first = NaiveDate::from_ymd_opt(2024, 4, 1).unwrap();
        for typed in [
            "2024-04-01",
            "2024/4/1",
            "2024年4月1日",
            "令和6年4月1日",
            "R6.4.1",
            "Ｒ６．４．１",
            "２０２４－０４－０１",
        ] {
            assert_eq!(parse_date(typed), Ok(april_first), "{typed}");
        }
    }

    #[test]
    fn dates_refuse_impossible_days_and_year_zero() {
        assert!(matches!(parse_date("2024-02-30"), Err(DateInputError::NoSuchDay(_))));
        assert!(matches!(parse_date("令和0年4月1日"), Err(DateInputError::Era(_))));
        assert!(matches!(parse_date("4月1日"), Err(DateInputError::Unreadable(_))));
        assert_eq!(parse_date("  "), Err(DateInputError::Empty));
    }
}
