//! 第3号様式: the 変更交付申請書 itself. The applicant as in the application; 1 変更前交付決定額 as the 通知書 says;
//! 2 変更後交付申請額 by formula on 別紙1's total; 3 増減額 by formula; 4 変更の理由 as typed (a fill-in cell, read
//! back); 5 添付書類.

use rust_xlsxwriter::{FormatAlign, Worksheet, XlsxError};

use super::Context;
use super::layout::{self, CHANGE_FORMAT, FORM, TABLE};
use crate::era::format_date;
use crate::workbook::layout::sheet_ref;
use crate::workbook::text;
use crate::workbook::write::{FormText, Page, amount_formula, applicant_block, form_text, height_for_lines};

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let hospital = &context.after.hospital;
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

    let year_name = context.after.fiscal_year.japanese_name();
    let place = FormText { widths: FORM.widths, title: FORM.title, body: FORM.body, last_col: FORM.text_last_col };
    let title = layout::form_title(&year_name, &context.program.grant_name);
    let body = layout::form_body(&format_date(context.decision.decided_on), &context.decision.number);
    form_text(sheet, styles, &place, &title, layout::FORM_TITLE_TAIL, &body)?;
    let (cell, label) = FORM.ki;
    let centered = styles.plain.clone().set_align(FormatAlign::Center);
    sheet.merge_range(cell.row, cell.col, cell.row, FORM.text_last_col, label, &centered)?;

    let amounts =
        [(FORM.decided_label, FORM.decided), (FORM.requested_label, FORM.requested), (FORM.change_label, FORM.change)];
    for ((cell, label), amount) in amounts {
        sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain)?;
        sheet.write_string_with_format(amount.row, amount.col - 1, FORM.yen_prefix, &styles.plain_right)?;
        sheet.write_string_with_format(amount.row, amount.col + 1, FORM.yen_suffix, &styles.plain)?;
    }
    let decided = context.decision.amount;
    sheet.write_number_with_format(FORM.decided.row, FORM.decided.col, decided.get() as f64, &styles.amount_strong)?;
    let (_, after) = context.totals();
    let requested = format!("={}", sheet_ref(TABLE.name, context.places.after_total()));
    sheet.write_formula_with_format(
        FORM.requested.row,
        FORM.requested.col,
        amount_formula(requested, after),
        &styles.amount_strong,
    )?;
    let change = format!("={}-{}", FORM.requested.a1(), FORM.decided.a1());
    let change_format = styles.amount_strong.clone().set_num_format(CHANGE_FORMAT);
    sheet.write_formula_with_format(
        FORM.change.row,
        FORM.change.col,
        amount_formula(change, after - decided),
        &change_format,
    )?;

    // The reason as typed, wrapped over the text's width, in a row as tall as it needs.
    let (cell, label) = FORM.reason_label;
    sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain)?;
    let reason = FORM.reason;
    let width: f64 = FORM.widths[usize::from(reason.col)..=usize::from(FORM.text_last_col)].iter().sum();
    let lines = text::line_count(context.reason, text::line_units(width)).max(FORM.reason_min_lines);
    sheet.merge_range(reason.row, reason.col, reason.row, FORM.text_last_col, "", &styles.input_wrap)?;
    sheet.write_string_with_format(reason.row, reason.col, context.reason, &styles.input_wrap)?;
    sheet.set_row_height(reason.row, height_for_lines(lines))?;

    let (cell, label) = FORM.attachments_label;
    sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain)?;
    for (index, name) in FORM.attachment_names.iter().enumerate() {
        let cell = FORM.attachments.down(index as u32);
        sheet.write_string_with_format(cell.row, cell.col, *name, &styles.plain)?;
    }
    Ok(())
}
