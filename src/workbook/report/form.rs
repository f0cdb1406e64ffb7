//! 第6号様式: the 実績報告書 itself. The applicant as in the application; 1 交付決定額 as the 通知書 says
//! (defined name 交付決定額); 2 精算額, the 確定額, by formula on 別紙2 (defined name 確定額).

use rust_xlsxwriter::{FormatAlign, Worksheet, XlsxError};

use super::Context;
use super::layout::{self, FORM, SETTLEMENT};
use crate::era::format_date;
use crate::workbook::layout::sheet_ref;
use crate::workbook::write::{FormText, Page, amount_formula, applicant_block, form_text};

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let hospital = &context.case.hospital;
    let page =
        Page { name: FORM.name, landscape: false, widths: FORM.widths, last: FORM.print_last, draft_cell: FORM.draft };
    context.page(sheet, &page)?;
    sheet.write_string_with_format(FORM.form_label.row, FORM.form_label.col, layout::FORM_NUMBER, &styles.plain)?;
    sheet.merge_range(
        FORM.date.row,
        FORM.date.col,
        FORM.date.row,
        FORM.text_last_col,
        FORM.date_placeholder,
        &styles.input_date_plain,
    )?;
    let addressee = format!("{}{}", context.program.addressee, FORM.addressee_suffix);
    sheet.write_string_with_format(FORM.addressee.row, FORM.addressee.col, &addressee, &styles.subtitle)?;

    let rows = [
        (FORM.address, hospital.address.as_deref()),
        (FORM.hospital, Some(hospital.name.as_str())),
        (FORM.representative, hospital.representative.as_deref()),
    ];
    applicant_block(sheet, styles, FORM.widths, rows, FORM.hospital_value().col, FORM.applicant_last_col)?;

    let year_name = context.case.fiscal_year.japanese_name();
    let place = FormText { widths: FORM.widths, title: FORM.title, body: FORM.body, last_col: FORM.text_last_col };
    let title = layout::form_title(&year_name, &context.program.grant_name);
    let body = layout::form_body(&format_date(context.decision.decided_on), &context.decision.number);
    form_text(sheet, styles, &place, &title, layout::FORM_TITLE_TAIL, &body)?;

    let (cell, label) = FORM.ki;
    let centered = styles.plain.clone().set_align(FormatAlign::Center);
    sheet.merge_range(cell.row, cell.col, cell.row, FORM.text_last_col, label, &centered)?;

    for ((cell, label), amount) in [(FORM.decided_label, FORM.decided), (FORM.confirmed_label, FORM.confirmed)] {
        sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain)?;
        sheet.write_string_with_format(amount.row, amount.col - 1, FORM.yen_prefix, &styles.plain)?;
        sheet.write_string_with_format(amount.row, amount.col + 1, FORM.yen_suffix, &styles.plain)?;
    }
    // 交付決定額 by formula on 別紙2's, where the 通知書's figure is typed once.
    let decided = format!("={}", sheet_ref(SETTLEMENT.name, context.places.decided()));
    sheet.write_formula_with_format(
        FORM.decided.row,
        FORM.decided.col,
        amount_formula(decided, context.settlement.decided),
        &styles.amount_strong,
    )?;
    let confirmed = format!("={}", sheet_ref(SETTLEMENT.name, context.places.confirmed()));
    sheet.write_formula_with_format(
        FORM.confirmed.row,
        FORM.confirmed.col,
        amount_formula(confirmed, context.settlement.confirmed),
        &styles.amount_strong,
    )?;
    let (cell, label) = FORM.attachments_label;
    sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain)?;
    for (index, name) in layout::attachments(context.program.row_kind).iter().enumerate() {
        let cell = FORM.attachments.down(index as u32);
        sheet.write_string_with_format(cell.row, cell.col, *name, &styles.plain)?;
    }
    Ok(())
}
