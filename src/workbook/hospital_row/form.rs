//! 第1号様式 of a hospital-row program: the places of the application's 交付申請書 (`layout::FORM1`), this
//! program's title and addressee, the 交付申請額 by formula on 別紙2's total.

use rust_xlsxwriter::{FormatAlign, Worksheet, XlsxError};

use super::Context;
use super::layout::{ATTACHMENTS, BUDGET_NAME, FORM_NAME};
use crate::workbook::layout::{self, BUDGET, Cell, FORM1, sheet_ref};
use crate::workbook::write::{FormText, Page, amount_formula, applicant_block, form_text};

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
    let rows = [
        (FORM1.address_label, hospital.address.as_deref()),
        (FORM1.hospital_label, Some(hospital.name.as_str())),
        (FORM1.representative_label, hospital.representative.as_deref()),
    ];
    applicant_block(sheet, styles, FORM1.widths, rows, FORM1.hospital.col, FORM1.applicant_last_col)?;
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
