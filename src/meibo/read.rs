//! The streaming reader: a sheet's cells come one at a time (from calamine's cell reader, or from the fast reader
//! of `fast.rs`); this keeps the current row only, finds the header by its labels, then folds each row (one 届出)
//! into its institution.

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

/// Reads the first sheet that holds a 名簿. The fast reader (`fast.rs`) takes the files it fully understands (the
/// published ones); calamine reads everything else, and is the reference the fast reader is tested against.
pub fn read<RS: Read + Seek>(mut reader: RS) -> Result<Meibo, MeiboError> {
    if let Some(outcome) = super::fast::read(&mut reader) {
        return outcome;
    }
    reader.seek(std::io::SeekFrom::Start(0)).map_err(|e| MeiboError::Io(e.to_string()))?;
    read_with_calamine(reader)
}

/// The calamine reader alone (the fallback, and the reference in tests).
pub fn read_with_calamine<RS: Read + Seek>(reader: RS) -> Result<Meibo, MeiboError> {
    // calamine 0.38 multiplies without checking while it reads a cell reference: an absurd one in a damaged file
    // (r="AAAAAAAAAAAAAAA1") panics in a debug build (and wraps in a release one). A damaged file must be an error.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| calamine_workbook(reader)))
        .unwrap_or_else(|_| Err(MeiboError::Damaged("calamine stopped on a cell reference it cannot read".to_string())))
}

fn calamine_workbook<RS: Read + Seek>(reader: RS) -> Result<Meibo, MeiboError> {
    let mut workbook: Xlsx<RS> = Xlsx::new(reader).map_err(|e| MeiboError::Damaged(e.to_string()))?;
    let mut outcomes = Vec::new();
    for sheet in workbook.sheet_names() {
        let outcome = read_sheet(&mut workbook, &sheet)?;
        let done = matches!(outcome, SheetOutcome::Read(_));
        outcomes.push(outcome);
        if done {
            break;
        }
    }
    conclude(outcomes)
}

/// The 名簿 of the first sheet that has one, or the nearest refusal: another layout before no header at all.
pub(super) fn conclude(outcomes: Vec<SheetOutcome>) -> Result<Meibo, MeiboError> {
    let mut nearest: Option<MeiboError> = None;
    for outcome in outcomes {
        match outcome {
            SheetOutcome::Read(meibo) => return Ok(*meibo),
            SheetOutcome::OtherLayout(error) => nearest = nearest.or(Some(error)),
            SheetOutcome::NoHeader => {}
        }
    }
    let expected = layout::all()
        .iter()
        .map(|layout| Field::ALL.iter().map(|f| layout.columns.label(*f)).collect::<Vec<_>>().join("・"))
        .collect::<Vec<_>>()
        .join(" または ");
    Err(nearest.unwrap_or(MeiboError::NotMeibo { expected }))
}

pub(super) enum SheetOutcome {
    Read(Box<Meibo>),
    /// A 名簿-like header that is not a layout this reader knows.
    OtherLayout(MeiboError),
    NoHeader,
}

fn read_sheet<RS: Read + Seek>(workbook: &mut Xlsx<RS>, sheet: &str) -> Result<SheetOutcome, MeiboError> {
    let damaged = |e: calamine::XlsxError| MeiboError::Damaged(e.to_string());
    let mut cells = workbook.worksheet_cells_reader(sheet).map_err(damaged)?;
    let mut folder = SheetFolder::new(sheet);
    while let Some(cell) = cells.next_cell().map_err(damaged)? {
        let (row, col) = cell.get_position();
        if !folder.cell(row, col, cell_text(cell.get_value()))? {
            break;
        }
    }
    folder.finish()
}

/// Folds a sheet's cells, in the order of the sheet, into a 名簿: first the rows above the header (kept as text,
/// for the stamp and the header), then the data rows (only the cells of the mapped columns, one row at a time).
pub(super) struct SheetFolder<'a> {
    sheet: String,
    stage: Stage<'a>,
}

enum Stage<'a> {
    Searching {
        row: Option<u32>,
        cells: Vec<(u32, String)>,
        stamp: Option<String>,
        other_layout: Option<MeiboError>,
    },
    Reading {
        builder: Box<Builder>,
        row: Option<u32>,
        values: Values<'a>,
    },
    /// The header was not found in the rows where it is looked for.
    NotFound(Option<MeiboError>),
}

impl<'a> SheetFolder<'a> {
    pub(super) fn new(sheet: &str) -> SheetFolder<'a> {
        SheetFolder {
            sheet: sheet.to_string(),
            stage: Stage::Searching { row: None, cells: Vec::new(), stamp: None, other_layout: None },
        }
    }

    /// Whether the value of a cell in this column is used (every column above the header, the mapped ones below).
    pub(super) fn wants(&self, col: u32) -> bool {
        match &self.stage {
            Stage::Searching { .. } => true,
            Stage::Reading { builder, .. } => builder.field_at(col).is_some(),
            Stage::NotFound(_) => false,
        }
    }

    /// One cell (0-based row and column; `None` for an empty one). `Ok(false)` when the rest of the sheet is not
    /// needed (no header in the rows where it is looked for).
    pub(super) fn cell(&mut self, row: u32, col: u32, value: Option<Cow<'a, str>>) -> Result<bool, MeiboError> {
        // A row above the data ended: is it the header?
        if let Stage::Searching { row: current, cells, stamp, other_layout } = &mut self.stage
            && current.is_some_and(|current| current != row)
        {
            let header_row = current.unwrap_or(0);
            match header_of(layout::all(), cells, header_row, stamp, other_layout) {
                Some((layout, columns, exact, header_row)) => {
                    let builder = Builder::new(layout, columns, exact, header_row, stamp.take(), &self.sheet);
                    self.stage = Stage::Reading { builder: Box::new(builder), row: None, values: Default::default() };
                }
                None => cells.clear(),
            }
        }
        match &mut self.stage {
            Stage::Searching { row: current, cells, other_layout, .. } => {
                let search_rows = layout::all().iter().map(|l| l.header_search_rows).max().unwrap_or(30);
                if row >= search_rows {
                    self.stage = Stage::NotFound(other_layout.take());
                    return Ok(false);
                }
                *current = Some(row);
                if let Some(text) = value {
                    cells.push((col, text.into_owned()));
                }
            }
            Stage::Reading { builder, row: current, values } => {
                if current.is_some_and(|current| current != row) {
                    builder.row(current.unwrap_or(0), values)?;
                }
                *current = Some(row);
                if let Some(field) = builder.field_at(col) {
                    values[field.index()] = value;
                }
            }
            Stage::NotFound(_) => return Ok(false),
        }
        Ok(true)
    }

    pub(super) fn finish(self) -> Result<SheetOutcome, MeiboError> {
        match self.stage {
            Stage::Searching { row: Some(row), cells, mut stamp, mut other_layout } => {
                // The last row of the sheet may be the header, with no rows below it.
                match header_of(layout::all(), &cells, row, &mut stamp, &mut other_layout) {
                    Some((layout, columns, exact, header_row)) => {
                        Builder::new(layout, columns, exact, header_row, stamp, &self.sheet).finish().map(outcome)
                    }
                    None => Ok(other_layout.map_or(SheetOutcome::NoHeader, SheetOutcome::OtherLayout)),
                }
            }
            Stage::Searching { row: None, other_layout, .. } | Stage::NotFound(other_layout) => {
                Ok(other_layout.map_or(SheetOutcome::NoHeader, SheetOutcome::OtherLayout))
            }
            Stage::Reading { mut builder, row, mut values } => {
                if let Some(row) = row {
                    builder.row(row, &mut values)?;
                }
                (*builder).finish().map(outcome)
            }
        }
    }
}

fn outcome(meibo: Meibo) -> SheetOutcome {
    SheetOutcome::Read(Box::new(meibo))
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

/// A calamine cell as text. The 名簿 writes every cell as text; a file saved again by Excel may turn some into numbers or
/// dates, which are written back the way the 名簿 would have them.
fn cell_text<'a>(value: &DataRef<'a>) -> Option<Cow<'a, str>> {
    match value {
        DataRef::SharedString(text) => Some(Cow::Borrowed(*text)),
        DataRef::String(text) => Some(Cow::Owned(text.clone())),
        // 2024-10-01T00:00:00: the date part, as parse_date reads it.
        DataRef::DateTimeIso(text) => Some(Cow::Owned(text.split('T').next().unwrap_or(text).to_string())),
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
    dates: HashMap<String, Result<NaiveDate, String>>,
}

impl Builder {
    fn new(
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
            dates: HashMap::new(),
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
        Ok(self.meibo)
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
    fn excel_date_serials() {
        assert_eq!(excel_date(45566.0), NaiveDate::from_ymd_opt(2024, 10, 1));
        assert_eq!(excel_date(45566.75), NaiveDate::from_ymd_opt(2024, 10, 1));
        assert_eq!(excel_date(-1.0), None);
    }

    #[test]
    fn numbers_keep_their_seven_digits() {
        assert_eq!(normalize_number("0101337"), "0101337");
        assert_eq!(normalize_number("101337"), "0101337");
        assert_eq!(normalize_number("０１０１３３７"), "0101337");
        assert_eq!(normalize_number(""), "");
    }
}
