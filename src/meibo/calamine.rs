//! calamine's reader: the fallback for every xlsx the fast reader (`fast.rs`) steps aside for, and the reference it
//! is tested against. calamine's streaming cell reader hands the cells, one at a time, to the same `SheetFolder`
//! the fast reader feeds.

use std::borrow::Cow;
use std::io::{Read, Seek};

use calamine::{DataRef, Reader, Xlsx};
use chrono::NaiveDate;

use super::sheet::{SheetFolder, SheetOutcome, conclude};
use super::{Meibo, MeiboError};
use crate::xlsx_guard::without_calamine_panics;

/// Reads a 名簿 with calamine. calamine can panic on a damaged file (see `xlsx_guard`): that is a damaged file too.
pub fn read<RS: Read + Seek>(reader: RS) -> Result<Meibo, MeiboError> {
    without_calamine_panics(|| calamine_workbook(reader)).unwrap_or_else(|refusal| Err(refusal.into()))
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

/// An Excel serial date (1900 system; the 名簿 never uses the 1904 one) as a date.
fn excel_date(serial: f64) -> Option<NaiveDate> {
    let days = serial.floor();
    if !(1.0..=2_958_465.0).contains(&days) {
        return None;
    }
    // Serial 1 is 1900-01-01, counted from 1899-12-30 because Excel believes 1900 was a leap year.
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(days as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_date_serials() {
        assert_eq!(excel_date(45566.0), NaiveDate::from_ymd_opt(2024, 10, 1));
        assert_eq!(excel_date(45566.75), NaiveDate::from_ymd_opt(2024, 10, 1));
        assert_eq!(excel_date(-1.0), None);
    }
}
