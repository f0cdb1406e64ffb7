//! 第1号様式 of a hospital-row program: the places of the application's 交付申請書 (`layout::FORM1`), this
//! program's title and addressee, the 交付申請額 by formula on 別紙2's total.

use rust_xlsxwriter::{FormatAlign, Worksheet, XlsxError};

use super::Context;
use super::layout::{ATTACHMENTS, BUDGET_NAME, FORM_NAME};
use crate::workbook::layout::{self, BUDGET, Cell, FORM1, sheet_ref};
use crate::workbook::text;
use crate::workbook::write::{Page, amount_formula, height_for_lines};

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let hospital = &context.case.hospital;
    let page = Page {
        name: FORM_NAME,
        landscape: false,
        widths: FORM1.widths,
        last: FORM1.print_last,
        draft_cell: FORM1.draft,
    };
    context.page(sheet, &page)?;
    let (cell, label) = FORM1.form_label;
    sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain)?;
    sheet.merge_range(
        FORM1.date.row,
        FORM1.date.col,
        FORM1.date.row,
        FORM1.text_last_col,
        FORM1.date_placeholder,
        &styles.input_date_plain,
    )?;
    let addressee = format!("{}{}", context.program.addressee, FORM1.addressee_suffix);
    sheet.write_string_with_format(FORM1.addressee.row, FORM1.addressee.col, &addressee, &styles.subtitle)?;
    let value_width: f64 =
        FORM1.widths[usize::from(FORM1.address.col)..=usize::from(FORM1.applicant_last_col)].iter().sum();
    for ((label_cell, label), cell, value) in [
        (FORM1.address_label, FORM1.address, hospital.address.as_deref()),
        (FORM1.hospital_label, FORM1.hospital, Some(hospital.name.as_str())),
        (FORM1.representative_label, FORM1.representative, hospital.representative.as_deref()),
    ] {
        sheet.write_string_with_format(label_cell.row, label_cell.col, label, &styles.plain)?;
        let value = value.unwrap_or("");
        sheet.merge_range(cell.row, cell.col, cell.row, FORM1.applicant_last_col, "", &styles.input_plain)?;
        if !value.is_empty() {
            sheet.write_string_with_format(cell.row, cell.col, value, &styles.input_plain)?;
        }
        let lines = text::line_count(value, text::line_units(value_width));
        if lines > 1 {
            sheet.set_row_height(cell.row, height_for_lines(lines))?;
        }
    }
    let year_name = context.case.fiscal_year.japanese_name();
    let text_width: f64 = FORM1.widths[usize::from(FORM1.title.col)..=usize::from(FORM1.text_last_col)].iter().sum();
    let title_units = (text::line_units(text_width) as f64 * layout::FONT_SIZE / layout::FORM1_TITLE_SIZE) as usize;
    let title = layout::form1_title(&year_name, &context.program.grant_name);
    let title_lines: Vec<String> = if text::display_width(&title) <= title_units {
        vec![title]
    } else {
        let head = title.strip_suffix(layout::FORM1_TITLE_TAIL).unwrap_or(&title);
        text::wrap(head, title_units).into_iter().chain([layout::FORM1_TITLE_TAIL.to_string()]).collect()
    };
    let title_format = styles.title.clone().set_font_size(layout::FORM1_TITLE_SIZE);
    sheet.merge_range(
        FORM1.title.row,
        FORM1.title.col,
        FORM1.title.row,
        FORM1.text_last_col,
        &title_lines.join("\n"),
        &title_format,
    )?;
    sheet.set_row_height(
        FORM1.title.row,
        height_for_lines(title_lines.len()) * layout::FORM1_TITLE_SIZE / layout::FONT_SIZE,
    )?;
    let body = text::wrap(&format!("　{}", layout::form1_body(&year_name)), text::line_units(text_width));
    sheet.merge_range(
        FORM1.body.row,
        FORM1.body.col,
        FORM1.body.row,
        FORM1.text_last_col,
        &body.join("\n"),
        &styles.note,
    )?;
    sheet.set_row_height(FORM1.body.row, height_for_lines(body.len()))?;
    let (cell, label) = FORM1.ki;
    let centered = styles.plain.clone().set_align(FormatAlign::Center);
    sheet.merge_range(cell.row, cell.col, cell.row, FORM1.text_last_col, label, &centered)?;
    for (cell, label) in [FORM1.amount_label, FORM1.amount_prefix, FORM1.amount_suffix, FORM1.attachments_label] {
        sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain)?;
    }
    let total = Cell::new(super::budget::TOTAL_ROW, BUDGET.subsidy_col);
    let formula = format!("={}", sheet_ref(BUDGET_NAME, total));
    sheet.write_formula_with_format(
        FORM1.amount.row,
        FORM1.amount.col,
        amount_formula(formula, context.calculation.total),
        &styles.amount_strong,
    )?;
    for (index, name) in ATTACHMENTS.iter().enumerate() {
        let cell = FORM1.attachments.down(index as u32);
        sheet.write_string_with_format(cell.row, cell.col, *name, &styles.plain)?;
    }
    Ok(())
}
