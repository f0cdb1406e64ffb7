//! The hidden sheet `hojo_report`: the report's case file, in cells of at most `DATA.chunk` characters (a cell
//! holds 32,767), so that Hojo reads back every receipt, date and word of the report.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Context;
use super::layout::DATA;
use crate::case::to_json;

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let styles = &context.styles;
    sheet.set_name(DATA.name)?;
    sheet.set_hidden(true);
    sheet.protect();
    sheet.set_column_width(0, 12)?;
    sheet.set_column_width(1, 80)?;
    sheet.write_string_with_format(0, 0, DATA.version_key, &styles.plain)?;
    sheet.write_string_with_format(0, 1, DATA.version, &styles.plain)?;
    sheet.write_string_with_format(1, 1, DATA.notice, &styles.note)?;
    for (index, piece) in chunks(&to_json(context.case), DATA.chunk).enumerate() {
        sheet.write_string(DATA.first_row + index as u32, 1, piece)?;
    }
    Ok(())
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
