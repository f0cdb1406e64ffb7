//! 第1号様式: the 交付申請書 itself. The applicant block is filled in (and read back); the amount is a formula
//! on the 所要額調書's total, cached with the engine's 交付申請額.

use rust_xlsxwriter::{FormatAlign, Worksheet, XlsxError};

use super::{Context, FormText, amount_formula, form_text, set_height, set_up_sheet};
use crate::workbook::layout::{self, FORM1};

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let hospital = &context.case.hospital;
    set_up_sheet(sheet, context, FORM1.name, FORM1.landscape, FORM1.widths, FORM1.print_last, FORM1.draft)?;

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

    // What the hospital typed, as typed: the merged cells wrap it, in rows as tall as `Facts` found it needs.
    for (((label_cell, label), cell, value), height) in [
        (FORM1.address_label, FORM1.address, hospital.address.as_deref()),
        (FORM1.hospital_label, FORM1.hospital, Some(hospital.name.as_str())),
        (FORM1.representative_label, FORM1.representative, hospital.representative.as_deref()),
    ]
    .into_iter()
    .zip(context.facts.applicant_heights)
    {
        sheet.write_string_with_format(label_cell.row, label_cell.col, label, &styles.plain)?;
        let value = value.unwrap_or("");
        sheet.merge_range(cell.row, cell.col, cell.row, FORM1.applicant_last_col, "", &styles.input_plain)?;
        if !value.is_empty() {
            sheet.write_string_with_format(cell.row, cell.col, value, &styles.input_plain)?;
        }
        set_height(sheet, cell.row, height)?;
    }

    let year_name = context.case.fiscal_year.japanese_name();
    let place = FormText { widths: FORM1.widths, title: FORM1.title, body: FORM1.body, last_col: FORM1.text_last_col };
    let title = layout::form1_title(&year_name, &context.program.grant_name);
    form_text(sheet, styles, &place, &title, layout::FORM1_TITLE_TAIL, &layout::form1_body(&year_name))?;

    let (cell, label) = FORM1.ki;
    let centered = styles.plain.clone().set_align(FormatAlign::Center);
    sheet.merge_range(cell.row, cell.col, cell.row, FORM1.text_last_col, label, &centered)?;

    for (cell, label) in [FORM1.amount_label, FORM1.amount_prefix, FORM1.amount_suffix, FORM1.attachments_label] {
        sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain)?;
    }
    let formula = format!("={}", layout::sheet_ref(layout::BUDGET.name, context.facts.budget_total_cell()));
    sheet.write_formula_with_format(
        FORM1.amount.row,
        FORM1.amount.col,
        amount_formula(formula, context.calculation.total),
        &styles.amount_strong,
    )?;
    for (index, name) in FORM1.attachment_names.iter().enumerate() {
        let cell = FORM1.attachments.down(index as u32);
        sheet.write_string_with_format(cell.row, cell.col, *name, &styles.plain)?;
    }
    Ok(())
}
