//! Conversions between domain values and their stored form: dates as ISO text, months as `YYYY-MM`, amounts as
//! integer yen. A stored value that does not convert back means the file was changed outside Hojo.

use chrono::NaiveDate;

use super::error::StoreError;
use crate::fiscal_year::YearMonth;

pub(crate) fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

pub(crate) fn parse_stored_date(text: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| StoreError::Corrupt { detail: format!("日付「{text}」が読めません") })
}

pub(crate) fn parse_stored_month(text: &str) -> Result<YearMonth, StoreError> {
    text.parse().map_err(|_| StoreError::Corrupt { detail: format!("年月「{text}」が読めません") })
}

pub(crate) fn bool_int(value: bool) -> i64 {
    i64::from(value)
}

/// rusqlite's error for a row that holds a value Hojo cannot read back.
pub(crate) fn corrupt_value(error: StoreError) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(error))
}
