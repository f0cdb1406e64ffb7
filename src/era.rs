//! 和暦: Japanese era dates, as hospital staff write them and as the 厚生局's 名簿 prints them.
//!
//! Accepted: 令和6年4月1日, 令和元年5月1日, 令和 6年10月 1日 (the 名簿 pads digits with spaces), 令和６年４月１日
//! (full-width), R6.4.1, R6/4/1, H31.4.30, S64.1.7. A date outside its era (令和0年, 平成31年5月1日) is refused.

use chrono::{Datelike, NaiveDate};

use crate::normalize::to_half_width;

/// One era of the modern calendar, with the first day it was in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Era {
    pub name: &'static str,
    pub letter: char,
    first_day: (i32, u32, u32),
}

/// Oldest first. 明治 starts on its Gregorian first day; dates before 1873 are not meaningful here anyway.
pub const ERAS: [Era; 5] = [
    Era { name: "明治", letter: 'M', first_day: (1868, 10, 23) },
    Era { name: "大正", letter: 'T', first_day: (1912, 7, 30) },
    Era { name: "昭和", letter: 'S', first_day: (1926, 12, 25) },
    Era { name: "平成", letter: 'H', first_day: (1989, 1, 8) },
    Era { name: "令和", letter: 'R', first_day: (2019, 5, 1) },
];

impl Era {
    pub fn first_day(&self) -> NaiveDate {
        let (y, m, d) = self.first_day;
        NaiveDate::from_ymd_opt(y, m, d).expect("era table holds valid dates")
    }

    fn last_day(&self) -> Option<NaiveDate> {
        let index = ERAS.iter().position(|era| era == self)?;
        ERAS.get(index + 1).and_then(|next| next.first_day().pred_opt())
    }

    /// The Gregorian year of this era's year 1.
    fn year_offset(&self) -> i32 {
        self.first_day.0 - 1
    }

    /// The Gregorian year of a year of this era (令和7 → 2025), saturating for absurd years.
    pub fn gregorian_year(&self, era_year: i32) -> i32 {
        self.year_offset().saturating_add(era_year)
    }
}

/// The era in force on a date; `None` before 明治.
pub fn era_of(date: NaiveDate) -> Option<Era> {
    ERAS.iter().rev().find(|era| date >= era.first_day()).copied()
}

/// The year within the era, with the era: 2024-04-01 → (令和, 6).
pub fn era_year_of(date: NaiveDate) -> Option<(Era, i32)> {
    era_of(date).map(|era| (era, date.year() - era.year_offset()))
}

fn year_label(era_year: i32) -> String {
    if era_year == 1 { "元".to_string() } else { era_year.to_string() }
}

/// 令和6年4月1日, 令和元年5月1日. Dates before 明治 fall back to the Gregorian 2024年4月1日 form.
pub fn format_date(date: NaiveDate) -> String {
    match era_year_of(date) {
        Some((era, year)) => format!("{}{}年{}月{}日", era.name, year_label(year), date.month(), date.day()),
        None => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
    }
}

/// 令和6年4月 — for salary months.
pub fn format_year_month(year: i32, month: u32) -> String {
    match NaiveDate::from_ymd_opt(year, month, 1).and_then(era_year_of) {
        Some((era, era_year)) => format!("{}{}年{}月", era.name, year_label(era_year), month),
        None => format!("{year}年{month}月"),
    }
}

/// Why a 和暦 date was refused, in words a hospital user can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EraDateError {
    #[error("「{0}」は和暦の日付として読めません。令和6年4月1日 や R6.4.1 の形で入力してください")]
    Unreadable(String),
    #[error("「{text}」: {era}{year}年 はありません（{era}は元年から始まります）")]
    NoSuchYear { text: String, era: &'static str, year: i32 },
    #[error("「{0}」: その日付は暦にありません（月と日を確かめてください）")]
    NoSuchDay(String),
    #[error("「{text}」: {era}は{first}から{last}までです")]
    OutsideEra { text: String, era: &'static str, first: String, last: String },
}

/// Parses a 和暦 date. Returns `Ok(None)` when the text does not start with an era (so callers can try
/// other forms), and an error when it does but is not a real date of that era.
pub fn parse_era_date(text: &str) -> Result<Option<NaiveDate>, EraDateError> {
    let normalized: String = to_half_width(text).chars().filter(|c| !c.is_whitespace()).collect();
    let Some((era, rest)) = split_era(&normalized) else {
        return Ok(None);
    };
    let unreadable = || EraDateError::Unreadable(text.trim().to_string());
    let numbers = split_numbers(rest).ok_or_else(unreadable)?;
    let [year, month, day] = numbers[..] else {
        return Err(unreadable());
    };
    if year < 1 {
        return Err(EraDateError::NoSuchYear { text: text.trim().to_string(), era: era.name, year });
    }
    let gregorian_year = era.gregorian_year(year);
    let (Ok(month), Ok(day)) = (u32::try_from(month), u32::try_from(day)) else {
        return Err(EraDateError::NoSuchDay(text.trim().to_string()));
    };
    let date = NaiveDate::from_ymd_opt(gregorian_year, month, day)
        .ok_or_else(|| EraDateError::NoSuchDay(text.trim().to_string()))?;
    let before_start = date < era.first_day();
    let after_end = era.last_day().is_some_and(|last| date > last);
    if before_start || after_end {
        return Err(EraDateError::OutsideEra {
            text: text.trim().to_string(),
            era: era.name,
            first: format_date(era.first_day()),
            last: era.last_day().map(format_date).unwrap_or_else(|| "現在".to_string()),
        });
    }
    Ok(Some(date))
}

/// The era a text starts with (令和…, R…), and the rest.
pub(crate) fn split_era(text: &str) -> Option<(Era, &str)> {
    ERAS.iter().find_map(|era| {
        if let Some(rest) = text.strip_prefix(era.name) {
            return Some((*era, rest));
        }
        let mut chars = text.chars();
        let first = chars.next()?;
        (first.to_ascii_uppercase() == era.letter && chars.next().is_some_and(|c| c.is_ascii_digit() || c == '元'))
            .then(|| (*era, &text[first.len_utf8()..]))
    })
}

/// "6年4月1日", "6.4.1", "6/4/1", "元年5月1日" → [6, 4, 1]
fn split_numbers(text: &str) -> Option<Vec<i32>> {
    let text = text.strip_suffix('日').unwrap_or(text);
    let text = text.strip_prefix('元').map(|rest| format!("1{rest}")).unwrap_or_else(|| text.to_string());
    let parts: Vec<&str> = text.split(['年', '月', '.', '/', '-']).collect();
    if parts.iter().any(|part| part.is_empty()) {
        return None;
    }
    parts.iter().map(|part| part.parse::<i32>().ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn parse(text: &str) -> NaiveDate {
        parse_era_date(text).unwrap().unwrap()
    }

    #[test]
    fn reads_the_forms_people_write() {
        assert_eq!(parse("令和6年4月1日"), date(2024, 4, 1));
        assert_eq!(parse("令和元年5月1日"), date(2019, 5, 1));
        assert_eq!(parse("R6.4.1"), date(2024, 4, 1));
        assert_eq!(parse("r6/4/1"), date(2024, 4, 1));
        assert_eq!(parse("平成31年4月30日"), date(2019, 4, 30));
        assert_eq!(parse("令和６年４月１日"), date(2024, 4, 1));
        assert_eq!(parse("H1.1.8"), date(1989, 1, 8));
    }

    #[test]
    fn reads_the_space_padded_dates_of_the_meibo() {
        assert_eq!(parse("令和 6年10月 1日"), date(2024, 10, 1));
        assert_eq!(parse("平成 6年 4月 1日"), date(1994, 4, 1));
        assert_eq!(parse("昭和63年 4月 1日"), date(1988, 4, 1));
    }

    #[test]
    fn refuses_year_zero() {
        assert!(matches!(parse_era_date("令和0年4月1日"), Err(EraDateError::NoSuchYear { .. })));
    }

    #[test]
    fn refuses_dates_outside_their_era() {
        assert!(matches!(parse_era_date("平成31年5月1日"), Err(EraDateError::OutsideEra { .. })));
        assert!(matches!(parse_era_date("令和元年4月30日"), Err(EraDateError::OutsideEra { .. })));
    }

    #[test]
    fn refuses_impossible_days() {
        assert!(matches!(parse_era_date("令和6年2月30日"), Err(EraDateError::NoSuchDay(_))));
        assert!(matches!(parse_era_date("令和6年4月"), Err(EraDateError::Unreadable(_))));
    }

    #[test]
    fn an_absurd_era_year_is_refused_not_overflowed() {
        assert!(parse_era_date("令和2147483647年1月1日").is_err());
        assert!(parse_era_date("R99999999999.1.1").is_err());
    }

    #[test]
    fn other_text_is_not_an_era_date() {
        assert_eq!(parse_era_date("2024-04-01"), Ok(None));
        assert_eq!(parse_era_date("Reiwa"), Ok(None));
    }

    #[test]
    fn formats_gannen_and_ordinary_years() {
        assert_eq!(format_date(date(2024, 4, 1)), "令和6年4月1日");
        assert_eq!(format_date(date(2019, 5, 1)), "令和元年5月1日");
        assert_eq!(format_date(date(2019, 4, 30)), "平成31年4月30日");
        assert_eq!(format_date(date(1989, 1, 7)), "昭和64年1月7日");
        assert_eq!(format_year_month(2025, 3), "令和7年3月");
    }
}
