//! The hidden data sheet (`hojo_data`): what the 様式 has no visible place for, one labelled row per value.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Context;
use crate::workbook::hidden;
use crate::workbook::layout::DATA;

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let styles = &context.styles;
    sheet.set_name(DATA.name)?;
    sheet.set_hidden(true);
    sheet.protect();
    sheet.set_column_width(DATA.key_col, 36)?;
    sheet.set_column_width(DATA.value_col, 40)?;
    sheet.set_column_width(DATA.label_col, 60)?;
    let (cell, title) = DATA.title;
    sheet.write_string_with_format(cell.row, cell.col, title, &styles.subtitle)?;
    let (cell, notice) = DATA.notice;
    sheet.write_string_with_format(cell.row, cell.col, notice, &styles.plain)?;
    for (offset, text) in DATA.header.iter().enumerate() {
        sheet.write_string_with_format(DATA.header_row, DATA.key_col + offset as u16, *text, &styles.header)?;
    }
    let version = hidden::Entry {
        key: DATA.version_key.to_string(),
        value: DATA.version.to_string(),
        label: "このブックの様式の版（読み戻しに使います）".to_string(),
    };
    let originals = context
        .originals
        .borrow()
        .iter()
        .map(|(key, text)| hidden::Entry {
            key: key.clone(),
            value: text.clone(),
            label: "入力どおりの文（表示では Hojo が改行を入れています。表示のセルを書き換えた場合はそちらを使います）"
                .to_string(),
        })
        .collect::<Vec<_>>();
    let rows = std::iter::once(version).chain(hidden::entries(context.case)).chain(originals);
    for (index, entry) in rows.enumerate() {
        let row = DATA.first_row + index as u32;
        sheet.write_string_with_format(row, DATA.key_col, &entry.key, &styles.cell)?;
        sheet.write_string_with_format(row, DATA.value_col, &entry.value, &styles.cell)?;
        sheet.write_string_with_format(row, DATA.label_col, &entry.label, &styles.cell)?;
    }
    Ok(())
}
