//! The fold, written once for both readers: each data row (one 届出) goes into its institution — grouped by
//! 都道府県コード + 医療機関番号 — and what cannot be read is counted and named in warnings.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::NaiveDate;

use super::beds::{Beds, parse_beds};
use super::bureau;
use super::layout::{Field, Layout};
use super::{Institution, Meibo, MeiboError, MeiboFiling, MeiboWarning};
use crate::era::parse_era_date;
use crate::prefecture;
use crate::typed_input::{parse_date, to_half_width};

/// More 届出 rows than any 厚生局 publishes for one file (Tokyo has about 80,000).
pub const MAX_ROWS: usize = 2_000_000;
/// Rows named one by one in a warning; the rest are counted.
const ROWS_NAMED: usize = 10;

/// The cells of one row that the layout maps to a field.
pub(super) type Values<'a> = [Option<Cow<'a, str>>; Field::COUNT];

fn field_text<'v>(values: &'v Values<'_>, field: Field) -> &'v str {
    values[field.index()].as_deref().map(str::trim).unwrap_or("")
}

/// Folds rows into institutions.
pub(super) struct Builder {
    layout: &'static Layout,
    field_of_column: Vec<Option<Field>>,
    header_row: u32,
    meibo: Meibo,
    index: HashMap<(String, String), usize>,
    rows: usize,
    blank_rows: usize,
    blank_number_rows: Vec<u32>,
    blank_number_count: usize,
    unreadable_dates: usize,
    dates: HashMap<String, Result<NaiveDate, String>>,
}

impl Builder {
    pub(super) fn new(
        layout: &'static Layout,
        columns: [u32; Field::COUNT],
        exact: bool,
        header_row: u32,
        stamp: Option<String>,
        sheet: &str,
    ) -> Builder {
        let width = columns.iter().max().map_or(0, |max| *max as usize + 1);
        let mut field_of_column = vec![None; width];
        for field in Field::ALL {
            field_of_column[columns[field.index()] as usize] = Some(field);
        }
        let mut warnings = Vec::new();
        let as_of = stamp.as_deref().and_then(|text| stamp_date(text, &layout.stamp_marker));
        if as_of.is_none() {
            warnings.push(MeiboWarning {
                row: None,
                message: "名簿の「現在」の日付が見つかりません。いつ時点の名簿か確かめてください (no date stamp)"
                    .into(),
            });
        }
        if !exact {
            warnings.push(MeiboWarning {
                row: Some(header_row + 1),
                message: format!(
                    "見出しの並びが{}の名簿と違います。必要な列は見つかったので読みましたが、結果を確かめてください (the header differs from the published layout)",
                    layout.publisher
                ),
            });
        }
        Builder {
            layout,
            field_of_column,
            header_row,
            meibo: Meibo {
                layout: layout.id.clone(),
                // Known once every row is read (`finish`): the bureau of the rows' prefectures.
                authority: None,
                title: layout.title.clone(),
                sheet: sheet.to_string(),
                stamp,
                as_of,
                institutions: Vec::new(),
                rows: 0,
                warnings,
            },
            index: HashMap::new(),
            rows: 0,
            blank_rows: 0,
            blank_number_rows: Vec::new(),
            blank_number_count: 0,
            unreadable_dates: 0,
            dates: HashMap::new(),
        }
    }

    pub(super) fn field_at(&self, column: u32) -> Option<Field> {
        self.field_of_column.get(column as usize).copied().flatten()
    }

    /// One sheet row (0-based), its values taken (the array is left empty for the next row).
    pub(super) fn row(&mut self, row: u32, values: &mut Values<'_>) -> Result<(), MeiboError> {
        let taken: Values<'_> = std::mem::take(values);
        let text = |field: Field| field_text(&taken, field);
        let number = normalize_number(text(Field::Number));
        if number.is_empty() {
            if taken.iter().all(|v| v.as_deref().is_none_or(|t| t.trim().is_empty())) {
                self.blank_rows += 1;
            } else {
                self.blank_number_count += 1;
                if self.blank_number_rows.len() < ROWS_NAMED {
                    self.blank_number_rows.push(row + 1);
                }
            }
            return Ok(());
        }
        self.rows += 1;
        if self.rows > MAX_ROWS {
            return Err(MeiboError::TooManyRows(MAX_ROWS));
        }
        let position = self.position(text(Field::PrefectureCode), &number, row, &taken);
        let symbol = taken[Field::Symbol.index()].as_deref().unwrap_or("");
        if symbol.trim().is_empty() {
            return Ok(());
        }
        let since_text = text(Field::Since);
        let since = if since_text.is_empty() {
            None
        } else {
            // Dates repeat across rows (令和 6年 6月 1日 thousands of times): parse each text once.
            let parsed = match self.dates.get(since_text) {
                Some(parsed) => parsed.clone(),
                None => {
                    let parsed = parse_date(since_text).map_err(|error| error.to_string());
                    self.dates.insert(since_text.to_string(), parsed.clone());
                    parsed
                }
            };
            match parsed {
                Ok(date) => Some(date),
                Err(error) => {
                    self.unreadable_dates += 1;
                    if self.unreadable_dates <= ROWS_NAMED {
                        self.meibo.warnings.push(MeiboWarning {
                            row: Some(row + 1),
                            message: format!("算定開始年月日を読めません: {error}"),
                        });
                    }
                    None
                }
            }
        };
        let filing = MeiboFiling {
            name: text(Field::FilingName).to_string(),
            // Verbatim: 受理記号 are matched exactly (地包ケア１ with its full-width digit).
            symbol: symbol.to_string(),
            number: text(Field::FilingNumber).to_string(),
            since,
            row: row + 1,
        };
        let filings = &mut self.meibo.institutions[position].filings;
        // Some bureaus (東海北陸, 四国, 九州) repeat a 届出's row once per 備考 item; the repeats are one 届出.
        let repeated = filings.last().is_some_and(|last| {
            last.symbol == filing.symbol && last.number == filing.number && last.since == filing.since
        });
        if !repeated {
            filings.push(filing);
        }
        Ok(())
    }

    /// The institution of a row, created from the row when it is the first one seen.
    fn position(&mut self, prefecture_code: &str, number: &str, row: u32, values: &Values<'_>) -> usize {
        let text = |field: Field| field_text(values, field);
        // Rows of one institution are adjacent in the published files: try the last one before hashing.
        if let Some(last) = self.meibo.institutions.last()
            && last.number == number
            && last.prefecture_code == prefecture_code
        {
            return self.meibo.institutions.len() - 1;
        }
        let key = (prefecture_code.to_string(), number.to_string());
        if let Some(position) = self.index.get(&key) {
            return *position;
        }
        // Untrimmed: the ideographic spaces are the separators of 「一般　　」 (a kind with its number blank).
        let beds_text = values[Field::Beds.index()].as_deref().unwrap_or("");
        for group in Beds::unreadable_groups(beds_text) {
            self.meibo.warnings.push(MeiboWarning {
                row: Some(row + 1),
                message: format!("病床数の「{group}」を読めません。病床数に数えていません"),
            });
        }
        let optional = |field: Field| Some(text(field).to_string()).filter(|t| !t.is_empty());
        let institution = Institution {
            number: number.to_string(),
            prefecture_code: prefecture_code.to_string(),
            prefecture_name: text(Field::PrefectureName).to_string(),
            name: text(Field::Name).to_string(),
            postal_code: optional(Field::PostalCode),
            address: text(Field::Address).to_string(),
            phone: optional(Field::Phone),
            beds: parse_beds(beds_text),
            filings: Vec::new(),
            first_row: row + 1,
        };
        self.meibo.institutions.push(institution);
        let position = self.meibo.institutions.len() - 1;
        self.index.insert(key, position);
        position
    }

    pub(super) fn finish(mut self) -> Result<Meibo, MeiboError> {
        if self.meibo.institutions.is_empty() {
            return Err(MeiboError::NoRows(self.header_row + 1));
        }
        let warnings = &mut self.meibo.warnings;
        if self.blank_number_count > 0 {
            let named: Vec<String> = self.blank_number_rows.iter().map(|r| format!("{r}行目")).collect();
            let more = if self.blank_number_count > named.len() {
                format!(" ほか{}行", self.blank_number_count - named.len())
            } else {
                String::new()
            };
            warnings.push(MeiboWarning {
                row: self.blank_number_rows.first().copied(),
                message: format!(
                    "{}の{}行は{}が空欄のため読み飛ばしました（{}{more}） (rows without {} were skipped)",
                    self.layout.title,
                    self.blank_number_count,
                    self.layout.columns.number,
                    named.join("・"),
                    self.layout.columns.number
                ),
            });
        }
        if self.unreadable_dates > ROWS_NAMED {
            warnings.push(MeiboWarning {
                row: None,
                message: format!("算定開始年月日を読めない行が全部で{}行あります", self.unreadable_dates),
            });
        }
        if self.blank_rows > 0 {
            warnings.push(MeiboWarning {
                row: None,
                message: format!("空の行が{}行ありました（読み飛ばしました） (blank rows skipped)", self.blank_rows),
            });
        }
        self.meibo.rows = self.rows;
        self.name_the_bureau();
        Ok(self.meibo)
    }

    /// The bureau of the rows' prefectures (the file does not name it), and a warning for a 都道府県名 that is not
    /// the one of its code or a code that is no prefecture.
    fn name_the_bureau(&mut self) {
        let meibo = &mut self.meibo;
        // (code, name as written, sheet row) of each pair seen: a 名簿 holds one prefecture, or a few.
        let mut pairs: Vec<(&str, &str, u32)> = Vec::new();
        for institution in &meibo.institutions {
            let pair = (institution.prefecture_code.as_str(), institution.prefecture_name.as_str());
            if !pairs.iter().any(|(code, name, _)| (*code, *name) == pair) {
                pairs.push((pair.0, pair.1, institution.first_row));
            }
        }
        let mut warnings = Vec::new();
        for (code, written, row) in &pairs {
            let message = match prefecture::name_of(code) {
                None => format!(
                    "都道府県コード「{code}」は01〜47のどれでもありません。名簿を確かめてください (not a prefecture code)"
                ),
                Some(name) if !written.is_empty() && written != &name => format!(
                    "都道府県コード{code}の都道府県名が「{written}」になっています（{code}は{name}です）。名簿を確かめてください (the prefecture name does not match its code)"
                ),
                Some(_) => continue,
            };
            warnings.push(MeiboWarning { row: Some(*row), message });
        }
        let mut codes: Vec<&str> = Vec::new();
        for (code, _, _) in &pairs {
            if !codes.contains(code) {
                codes.push(code);
            }
        }
        let bureau = bureau::of_prefectures(codes.iter().copied());
        let mut bureaus: Vec<&str> = Vec::new();
        for name in codes.iter().filter_map(|code| bureau::of_prefecture(code)).map(|b| b.name.as_str()) {
            if !bureaus.contains(&name) {
                bureaus.push(name);
            }
        }
        if bureaus.len() > 1 {
            let prefectures: Vec<&str> = codes.iter().map(|code| prefecture::name_of(code).unwrap_or(code)).collect();
            warnings.push(MeiboWarning {
                row: None,
                message: format!(
                    "この名簿には{}の医療機関があり、どの厚生局の名簿か決められません（{}） (rows of several bureaus)",
                    prefectures.join("・"),
                    bureaus.join("・")
                ),
            });
        }
        meibo.authority = bureau.map(|b| b.name.clone());
        meibo.warnings.extend(warnings);
    }
}

/// 医療機関番号 as the 名簿 writes it: seven digits. A file saved again by Excel may have made it a number and
/// dropped the leading zero (101337 for 0101337); full-width digits are folded.
fn normalize_number(text: &str) -> Cow<'_, str> {
    let text = text.trim();
    if text.len() == 7 && text.bytes().all(|b| b.is_ascii_digit()) {
        return Cow::Borrowed(text);
    }
    let half = to_half_width(text);
    if !half.is_empty() && half.len() < 7 && half.bytes().all(|b| b.is_ascii_digit()) {
        Cow::Owned(format!("{half:0>7}"))
    } else {
        Cow::Owned(half)
    }
}

/// 「[令和７年９月１日 現在 ]令和７年１０月２日作成 全医療機関出力」 → 2025-09-01.
fn stamp_date(text: &str, marker: &str) -> Option<NaiveDate> {
    let before = &text[..text.find(marker)?];
    let date_text = before.trim_start_matches(['[', '［', ' ', '\u{3000}']);
    parse_era_date(date_text).ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_stamp_date() {
        let stamp = "[令和７年９月１日 現在 ]令和７年１０月２日作成 全医療機関出力";
        assert_eq!(stamp_date(stamp, "現在"), NaiveDate::from_ymd_opt(2025, 9, 1));
        assert_eq!(stamp_date("全医療機関出力", "現在"), None);
    }

    #[test]
    fn numbers_keep_their_seven_digits() {
        assert_eq!(normalize_number("0101337"), "0101337");
        assert_eq!(normalize_number("101337"), "0101337");
        assert_eq!(normalize_number("０１０１３３７"), "0101337");
        assert_eq!(normalize_number(""), "");
    }
}
