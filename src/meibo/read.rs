//! The streaming reader: calamine's cell reader hands over one cell at a time; this keeps the current row only,
//! finds the header by its labels, then folds each row (one 届出) into its institution.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{Read, Seek};

use calamine::{DataRef, Reader, Xlsx};
use chrono::NaiveDate;

use super::beds::{Beds, parse_beds};
use super::layout::{self, Field, HeaderMatch, Layout};
use super::{Institution, Meibo, MeiboError, MeiboFiling, MeiboWarning};
use crate::era::parse_era_date;
use crate::typed_input::{parse_date, to_half_width};

/// More 届出 rows than any 厚生局 publishes for one file (Tokyo has about 80,000).
pub const MAX_ROWS: usize = 2_000_000;
/// Rows named one by one in a warning; the rest are counted.
const ROWS_NAMED: usize = 10;

pub fn read<RS: Read + Seek>(reader: RS) -> Result<Meibo, MeiboError> {
    let mut workbook: Xlsx<RS> = Xlsx::new(reader).map_err(|e| MeiboError::Damaged(e.to_string()))?;
    let layouts = layout::all();
    let mut nearest: Option<MeiboError> = None;
    for sheet in workbook.sheet_names() {
        match read_sheet(&mut workbook, &sheet, layouts)? {
            SheetOutcome::Read(meibo) => return Ok(*meibo),
            SheetOutcome::OtherLayout(error) => nearest = nearest.or(Some(error)),
            SheetOutcome::NoHeader => {}
        }
    }
    let expected = layouts
        .iter()
        .map(|layout| Field::ALL.iter().map(|f| layout.columns.label(*f)).collect::<Vec<_>>().join("・"))
        .collect::<Vec<_>>()
        .join(" または ");
    Err(nearest.unwrap_or(MeiboError::NotMeibo { expected }))
}

enum SheetOutcome {
    Read(Box<Meibo>),
    /// A 名簿-like header that is not a layout this reader knows.
    OtherLayout(MeiboError),
    NoHeader,
}

fn read_sheet<RS: Read + Seek>(workbook: &mut Xlsx<RS>, sheet: &str, layouts: &'static [Layout]) -> Result<SheetOutcome, MeiboError> {
    let damaged = |e: calamine::XlsxError| MeiboError::Damaged(e.to_string());
    let mut cells = workbook.worksheet_cells_reader(sheet).map_err(damaged)?;
    let search_rows = layouts.iter().map(|l| l.header_search_rows).max().unwrap_or(30);

    // Phase 1: the rows above the header, kept as text, until a row matches a layout.
    let mut row_cells: Vec<(u32, String)> = Vec::new();
    let mut row_index: Option<u32> = None;
    let mut stamp: Option<String> = None;
    let mut other_layout: Option<MeiboError> = None;
    // `pending`: the first cell after the header, or `None` inside `Some` when the sheet ended with the header.
    let (found, mut pending) = loop {
        let next = cells.next_cell().map_err(damaged)?;
        let next_row = next.as_ref().map(|cell| cell.get_position().0);
        if row_index.is_some() && next_row != row_index {
            let row = row_index.unwrap_or(0);
            if let Some(found) = header_of(layouts, &row_cells, row, &mut stamp, &mut other_layout) {
                // `next` is the first cell after the header: the data phase starts with it.
                break (Some(found), Some(next));
            }
            row_cells.clear();
        }
        let Some(cell) = next else { break (None, None) };
        let (row, col) = cell.get_position();
        if row >= search_rows {
            break (None, None);
        }
        row_index = Some(row);
        if let Some(text) = cell_text(cell.get_value()) {
            row_cells.push((col, text.into_owned()));
        }
    };
    let Some((layout, columns, exact, header_row)) = found else {
        return Ok(other_layout.map_or(SheetOutcome::NoHeader, SheetOutcome::OtherLayout));
    };

    // Phase 2: the data rows.
    let mut builder = Builder::new(layout, columns, exact, header_row, stamp, sheet);
    let mut values: Values<'_> = Default::default();
    let mut current: Option<u32> = None;
    loop {
        // The reader must not be asked again once it reported the end of the sheet.
        let next = match pending.take() {
            Some(first) => first,
            None => cells.next_cell().map_err(damaged)?,
        };
        let next_row = next.as_ref().map(|cell| cell.get_position().0);
        if current.is_some() && next_row != current {
            builder.row(current.unwrap_or(0), &mut values)?;
        }
        let Some(cell) = next else { break };
        let (row, col) = cell.get_position();
        current = Some(row);
        if let Some(field) = builder.field_at(col) {
            values[field.index()] = cell_text(cell.get_value());
        }
    }
    builder.finish().map(|meibo| SheetOutcome::Read(Box::new(meibo)))
}

type FoundHeader = (&'static Layout, [u32; Field::COUNT], bool, u32);

/// Tests one row above the data: the stamp, a known header, or a header of an unknown layout.
fn header_of(
    layouts: &'static [Layout],
    cells: &[(u32, String)],
    row: u32,
    stamp: &mut Option<String>,
    other_layout: &mut Option<MeiboError>,
) -> Option<FoundHeader> {
    for layout in layouts {
        if stamp.is_none()
            && let Some((_, text)) = cells.iter().find(|(_, text)| text.contains(&layout.stamp_marker))
        {
            *stamp = Some(text.clone());
        }
        match layout.match_header(cells) {
            HeaderMatch::Found { columns, exact } => return Some((layout, columns, exact, row)),
            HeaderMatch::Missing(missing) if other_layout.is_none() && layout::looks_like_meibo_header(cells) => {
                *other_layout = Some(MeiboError::OtherLayout {
                    row: row + 1,
                    missing: missing.join("」「"),
                    expected_authority: layout.authority.clone(),
                    expected_title: layout.title.clone(),
                });
            }
            HeaderMatch::Missing(_) => {}
        }
    }
    None
}

/// A cell as text. The 名簿 writes every cell as text; a file saved again by Excel may turn some into numbers or
/// dates, which are written back the way the 名簿 would have them.
fn cell_text<'a>(value: &DataRef<'a>) -> Option<Cow<'a, str>> {
    match value {
        DataRef::SharedString(text) => Some(Cow::Borrowed(*text)),
        DataRef::String(text) | DataRef::DateTimeIso(text) => Some(Cow::Owned(text.clone())),
        DataRef::Int(n) => Some(Cow::Owned(n.to_string())),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => Some(Cow::Owned(format!("{f:.0}"))),
        DataRef::Float(f) => Some(Cow::Owned(f.to_string())),
        DataRef::DateTime(date) if date.is_datetime() => excel_date(date.as_f64()).map(|d| Cow::Owned(d.to_string())),
        DataRef::DateTime(_) => None,
        DataRef::Bool(_) | DataRef::DurationIso(_) | DataRef::Error(_) | DataRef::Empty => None,
    }
}

/// The cells of one row that the layout maps to a field.
type Values<'a> = [Option<Cow<'a, str>>; Field::COUNT];

fn field_text<'v>(values: &'v Values<'_>, field: Field) -> &'v str {
    values[field.index()].as_deref().map(str::trim).unwrap_or("")
}

/// An Excel serial date (1900 system; the 名簿 never uses the 1904 one) as a date.
fn excel_date(serial: f64) -> Option<NaiveDate> {
    let days = serial.floor();
    if !(1.0..=2_958_465.0).contains(&days) {
        return None;
    }
    // Serial 1 is 1900-01-01, counted from 1899-12-30 because Excel believes 1900 was a leap year.
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(days as u64))
}

/// Folds rows into institutions.
struct Builder {
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
}

impl Builder {
    fn new(layout: &'static Layout, columns: [u32; Field::COUNT], exact: bool, header_row: u32, stamp: Option<String>, sheet: &str) -> Builder {
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
                message: "名簿の「現在」の日付が見つかりません。いつ時点の名簿か確かめてください (no date stamp)".into(),
            });
        }
        if !exact {
            warnings.push(MeiboWarning {
                row: Some(header_row + 1),
                message: format!(
                    "見出しの並びが{}の名簿と違います。必要な列は見つかったので読みましたが、結果を確かめてください (the header differs from the published layout)",
                    layout.authority
                ),
            });
        }
        Builder {
            layout,
            field_of_column,
            header_row,
            meibo: Meibo {
                layout: layout.id.clone(),
                authority: layout.authority.clone(),
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
        }
    }

    fn field_at(&self, column: u32) -> Option<Field> {
        self.field_of_column.get(column as usize).copied().flatten()
    }

    /// One sheet row (0-based), its values taken (the array is left empty for the next row).
    fn row(&mut self, row: u32, values: &mut Values<'_>) -> Result<(), MeiboError> {
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
        let prefecture_code = text(Field::PrefectureCode).to_string();
        let position = self.position(&prefecture_code, &number, row, &taken);
        let symbol = taken[Field::Symbol.index()].as_deref().unwrap_or("");
        if symbol.trim().is_empty() {
            return Ok(());
        }
        let since_text = text(Field::Since);
        let since = if since_text.is_empty() {
            None
        } else {
            match parse_date(since_text) {
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
        self.meibo.institutions[position].filings.push(filing);
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

    fn finish(mut self) -> Result<Meibo, MeiboError> {
        if self.meibo.institutions.is_empty() {
            return Err(MeiboError::NoRows(self.header_row + 1));
        }
        let warnings = &mut self.meibo.warnings;
        if self.blank_number_count > 0 {
            let named: Vec<String> = self.blank_number_rows.iter().map(|r| format!("{r}行目")).collect();
            let more = if self.blank_number_count > named.len() { format!(" ほか{}行", self.blank_number_count - named.len()) } else { String::new() };
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
        Ok(self.meibo)
    }
}

/// 医療機関番号 as the 名簿 writes it: seven digits. A file saved again by Excel may have made it a number and
/// dropped the leading zero (101337 for 0101337); full-width digits are folded.
fn normalize_number(text: &str) -> String {
    let half = to_half_width(text.trim());
    if !half.is_empty() && half.len() < 7 && half.bytes().all(|b| b.is_ascii_digit()) {
        format!("{half:0>7}")
    } else {
        half
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
