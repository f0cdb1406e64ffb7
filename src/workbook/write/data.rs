//! The hidden data sheet (`hojo_data`): what the 様式 has no visible place for, one labelled row per value.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Context;
use crate::workbook::hidden;
use crate::workbook::layout::DATA;
use crate::workbook::text;

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let styles = &context.styles;
    sheet.set_name(DATA.name)?;
    sheet.set_hidden(true);
    sheet.protect();
    let widths = [(DATA.key_col, 36.0), (DATA.value_col, 40.0), (DATA.label_col, 60.0)];
    for (col, width) in widths {
        sheet.set_column_width(col, width)?;
    }
    let (cell, title) = DATA.title;
    sheet.write_string_with_format(cell.row, cell.col, title, &styles.subtitle)?;
    let (cell, notice) = DATA.notice;
    let notice = text::wrap(notice, text::line_units(widths.iter().map(|(_, width)| width).sum()));
    sheet.merge_range(cell.row, cell.col, cell.row, DATA.label_col, &notice.join("\n"), &styles.note)?;
    sheet.set_row_height(cell.row, super::height_for_lines(notice.len()))?;
    for (offset, text) in DATA.header.iter().enumerate() {
        sheet.write_string_with_format(DATA.header_row, DATA.key_col + offset as u16, *text, &styles.header)?;
    }
    let version = hidden::Entry {
        key: DATA.version_key.to_string(),
        value: DATA.version.to_string(),
        label: "このブックの様式の版（読み込みに使います）".to_string(),
    };
    let rows = std::iter::once(version).chain(hidden::entries(context.case, context.rules));
    for (index, entry) in rows.enumerate() {
        let row = DATA.first_row + index as u32;
        sheet.write_string_with_format(row, DATA.key_col, &entry.key, &styles.cell)?;
        sheet.write_string_with_format(row, DATA.value_col, &entry.value, &styles.cell)?;
        sheet.write_string_with_format(row, DATA.label_col, &entry.label, &styles.cell)?;
    }
    Ok(())
}
