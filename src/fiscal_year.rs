//! 年度: the Japanese fiscal year, 1 April to 31 March, named by the year it starts in.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::era;

/// 2024 = 令和6年度 = 2024-04-01..=2025-03-31. Read from files only within `limits::FISCAL_YEARS`, and
/// computed with saturating arithmetic, so no year a file or a form holds can overflow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i32")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "number"))]
pub struct FiscalYear(i32);

impl FiscalYear {
    pub const fn new(starting_year: i32) -> FiscalYear {
        FiscalYear(starting_year)
    }

    pub const fn starting_year(self) -> i32 {
        self.0
    }

    /// The 年度 a date falls in.
    pub fn of(date: NaiveDate) -> FiscalYear {
        if date.month() >= 4 { FiscalYear(date.year()) } else { FiscalYear(date.year() - 1) }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0, 4, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn last_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0.saturating_add(1), 3, 31).unwrap_or(NaiveDate::MAX)
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        self.first_day() <= date && date <= self.last_day()
    }

    /// April to March.
    pub fn months(self) -> impl Iterator<Item = YearMonth> {
        (0..12).map(move |offset| {
            let month_index = 3 + offset; // 0-based: April is 3
            YearMonth { year: self.0.saturating_add(month_index / 12), month: (month_index % 12 + 1) as u32 }
        })
    }

    /// 令和6年度 (the era in force on 1 April).
    pub fn japanese_name(self) -> String {
        match era::era_year_of(self.first_day()) {
            Some((era, 1)) => format!("{}元年度", era.name),
            Some((era, year)) => format!("{}{}年度", era.name, year),
            None => format!("{}年度", self.0),
        }
    }

    pub fn next(self) -> FiscalYear {
        FiscalYear(self.0.saturating_add(1))
    }

    pub fn previous(self) -> FiscalYear {
        FiscalYear(self.0.saturating_sub(1))
    }

    /// A year as typed on a form: 2025, ２０２５, 令和7年度, R7, 2025年度. `None` when it is not a year.
    pub fn parse_typed(text: &str) -> Option<FiscalYear> {
        let cleaned: String = crate::normalize::to_half_width(text).chars().filter(|c| !c.is_whitespace()).collect();
        let cleaned = cleaned.trim_end_matches('度').trim_end_matches('年');
        if let Ok(year) = cleaned.parse::<i32>() {
            return Some(FiscalYear(year));
        }
        let (era, rest) = era::split_era(cleaned)?;
        let year = if rest == "元" { 1 } else { rest.parse::<i32>().ok()? };
        (year >= 1).then(|| FiscalYear(era.gregorian_year(year)))
    }
}

impl TryFrom<i64> for FiscalYear {
    type Error = String;
    fn try_from(year: i64) -> Result<FiscalYear, String> {
        i32::try_from(year).ok().filter(|year| crate::limits::FISCAL_YEARS.contains(year)).map(FiscalYear).ok_or_else(
            || {
                let range = crate::limits::FISCAL_YEARS;
                format!(
                    "年度「{year}」は使えません。{}から{}までの西暦（年度の始まる年）で書いてください",
                    range.start(),
                    range.end()
                )
            },
        )
    }
}

impl From<FiscalYear> for i32 {
    fn from(year: FiscalYear) -> i32 {
        year.0
    }
}

impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.japanese_name())
    }
}

/// A calendar month, written "2024-04" in case files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    month: u32,
}

impl YearMonth {
    pub fn new(year: i32, month: u32) -> Option<YearMonth> {
        (1..=12).contains(&month).then_some(YearMonth { year, month })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        self.month
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn last_day(self) -> NaiveDate {
        let (next_year, next_month) =
            if self.month == 12 { (self.year.saturating_add(1), 1) } else { (self.year, self.month + 1) };
        NaiveDate::from_ymd_opt(next_year, next_month, 1).and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX)
    }

    pub fn of(date: NaiveDate) -> YearMonth {
        YearMonth { year: date.year(), month: date.month() }
    }

    /// Whether any day of this month lies in `first..=last`.
    pub fn overlaps(self, first: NaiveDate, last: NaiveDate) -> bool {
        self.first_day() <= last && first <= self.last_day()
    }

    /// 令和6年4月
    pub fn japanese_name(self) -> String {
        era::format_year_month(self.year, self.month)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl std::str::FromStr for YearMonth {
    type Err = String;
    fn from_str(text: &str) -> Result<YearMonth, String> {
        let invalid = || format!("「{text}」は年月として読めません。2024-04 の形で書いてください");
        let (year, month) = text.trim().split_once('-').ok_or_else(invalid)?;
        if year.len() != 4 || month.len() != 2 {
            return Err(invalid());
        }
        let year: i32 = year.parse().map_err(|_| invalid())?;
        let month: u32 = month.parse().map_err(|_| invalid())?;
        YearMonth::new(year, month).ok_or_else(|| format!("「{text}」: 月は01から12までです"))
    }
}

impl Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<YearMonth, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "ts")]
impl ts_rs::TS for YearMonth {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn name(_: &ts_rs::Config) -> String {
        "string".to_string()
    }
    fn inline(_: &ts_rs::Config) -> String {
        "string".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn march_belongs_to_the_previous_fiscal_year() {
        assert_eq!(FiscalYear::of(date(2025, 3, 31)), FiscalYear::new(2024));
        assert_eq!(FiscalYear::of(date(2025, 4, 1)), FiscalYear::new(2025));
        assert_eq!(FiscalYear::of(date(2024, 3, 31)), FiscalYear::new(2023));
    }

    #[test]
    fn a_fiscal_year_runs_april_to_march() {
        let months: Vec<String> = FiscalYear::new(2024).months().map(|m| m.to_string()).collect();
        assert_eq!(months.first().map(String::as_str), Some("2024-04"));
        assert_eq!(months.last().map(String::as_str), Some("2025-03"));
        assert_eq!(months.len(), 12);
    }

    #[test]
    fn names_the_fiscal_year_in_the_japanese_era() {
        assert_eq!(FiscalYear::new(2024).japanese_name(), "令和6年度");
        assert_eq!(FiscalYear::new(2020).japanese_name(), "令和2年度");
    }

    #[test]
    fn a_month_overlaps_a_period_by_any_one_day() {
        let march = YearMonth::new(2025, 3).unwrap();
        assert!(march.overlaps(date(2024, 4, 8), date(2025, 3, 1)));
        assert!(!march.overlaps(date(2024, 4, 8), date(2025, 2, 28)));
        assert!(YearMonth::new(2024, 2).unwrap().last_day() == date(2024, 2, 29));
    }

    #[test]
    fn years_outside_the_limits_are_refused_when_read_and_never_overflow() {
        assert!(serde_json::from_str::<FiscalYear>("2147483647").is_err());
        assert!(serde_json::from_str::<FiscalYear>("-1").is_err());
        let message = serde_json::from_str::<FiscalYear>("99999999999").unwrap_err().to_string();
        assert!(message.contains("年度"), "{message}");
        assert_eq!(serde_json::from_str::<FiscalYear>("2024").unwrap(), FiscalYear::new(2024));
        // Computed years saturate instead of overflowing (a debug build would panic).
        let largest = FiscalYear::new(i32::MAX);
        assert_eq!(largest.next(), largest);
        let _ = (largest.last_day(), largest.months().count(), largest.japanese_name());
    }

    #[test]
    fn years_are_read_as_people_type_them() {
        for typed in ["2025", "２０２５", "2025年度", "令和7年度", "令和７年度", "R7", "r7", "令和7"] {
            assert_eq!(FiscalYear::parse_typed(typed), Some(FiscalYear::new(2025)), "{typed}");
        }
        assert_eq!(FiscalYear::parse_typed("令和元年度"), Some(FiscalYear::new(2019)));
        assert_eq!(FiscalYear::parse_typed("来年"), None);
        assert_eq!(FiscalYear::parse_typed("令和0年度"), None);
    }

    #[test]
    fn year_months_read_and_write_as_yyyy_mm() {
        assert_eq!("2024-04".parse::<YearMonth>().unwrap().to_string(), "2024-04");
        assert!("2024-13".parse::<YearMonth>().is_err());
        assert!("2024-4".parse::<YearMonth>().is_err());
        assert!("April".parse::<YearMonth>().is_err());
    }
}
