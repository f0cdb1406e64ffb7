//! A hidden sheet holding a case file whole (the report workbook's `hojo_report`, the hospital-row workbook's
//! `hojo_case`), in cells of at most `CHUNK` characters (a cell holds 32,767), so that Hojo reads back every
//! receipt, date and word of a 様式 that has no visible place for them. Row 1: the layout's version; row 2: what
//! the sheet is; from row 3 down, column B: the case file's text.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::layout::Cell;
use super::read::ImportError;
use super::read::cells::Sheet;
use super::write::Styles;
use crate::case::{Case, parse_case, to_json};

const CHUNK: usize = 30_000;
const FIRST_ROW: u32 = 2;
const VERSION_KEY: &str = "layout";

/// What a hidden case sheet is called and says.
pub struct CaseSheet {
    pub name: &'static str,
    pub version: &'static str,
    pub notice: &'static str,
}

pub fn write(sheet: &mut Worksheet, styles: &Styles, layout: &CaseSheet, case: &Case) -> Result<(), XlsxError> {
    sheet.set_name(layout.name)?;
    sheet.set_hidden(true);
    sheet.protect();
    sheet.set_column_width(0, 12)?;
    sheet.set_column_width(1, 80)?;
    sheet.write_string_with_format(0, 0, VERSION_KEY, &styles.plain)?;
    sheet.write_string_with_format(0, 1, layout.version, &styles.plain)?;
    sheet.write_string_with_format(1, 1, layout.notice, &styles.note)?;
    for (index, piece) in chunks(&to_json(case), CHUNK).enumerate() {
        sheet.write_string(FIRST_ROW + index as u32, 1, piece)?;
    }
    Ok(())
}

/// The case a hidden case sheet holds, normalized.
///
/// # Errors
/// Another layout's version, or a case file that does not parse or breaks the case rules.
pub fn read(sheet: &Sheet, layout: &CaseSheet) -> Result<Case, ImportError> {
    let damaged = |message: &str| ImportError::Data { key: VERSION_KEY.to_string(), message: message.to_string() };
    if sheet.raw_text(Cell::new(0, 1))? != layout.version {
        return Err(damaged("様式の版が違います"));
    }
    let mut json = String::new();
    let mut row = FIRST_ROW;
    loop {
        let piece = sheet.raw_text(Cell::new(row, 1))?;
        if piece.is_empty() {
            break;
        }
        json.push_str(&piece);
        row += 1;
    }
    let mut case = parse_case(json.as_bytes()).map_err(ImportError::Invalid)?;
    case.normalize();
    Ok(case)
}

/// `text` in pieces of at most `size` characters.
pub fn chunks(text: &str, size: usize) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.char_indices().nth(size).map_or(rest.len(), |(at, _)| at);
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(piece)
    })
}

#[cfg(test)]
mod tests {
    use super::chunks;

    #[test]
    fn pieces_are_whole_characters_and_join_back() {
        let text = "看護花子ab漢字";
        let pieces: Vec<&str> = chunks(text, 3).collect();
        assert_eq!(pieces, ["看護花", "子ab", "漢字"]);
        assert_eq!(pieces.concat(), text);
    }
}
