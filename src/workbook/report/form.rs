//! 第6号様式: the 実績報告書 itself. The applicant as in the application; 1 交付決定額 as the 通知書 says
//! (defined name 交付決定額); 2 精算額, the 確定額, by formula on 別紙2 (defined name 確定額).

use rust_xlsxwriter::{FormatAlign, Worksheet, XlsxError};

use super::Context;
use super::layout::{self, FORM, SETTLEMENT};
use crate::era::format_date;
use crate::workbook::layout::{FONT_SIZE, sheet_ref};
use crate::workbook::text;
use crate::workbook::write::{Page, amount_formula, height_for_lines};

/// The title is set larger than the text.
const TITLE_SIZE: f64 = 12.0;

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

    let value_width: f64 =
        FORM.widths[usize::from(FORM.address.0.col + 1)..=usize::from(FORM.applicant_last_col)].iter().sum();
    for ((cell, label), value) in [
        (FORM.address, hospital.address.as_deref()),
        (FORM.hospital, Some(hospital.name.as_str())),
        (FORM.representative, hospital.representative.as_deref()),
    ] {
        sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain)?;
        let value = value.unwrap_or("");
        sheet.merge_range(cell.row, cell.col + 1, cell.row, FORM.applicant_last_col, "", &styles.input_plain)?;
        if !value.is_empty() {
            sheet.write_string_with_format(cell.row, cell.col + 1, value, &styles.input_plain)?;
        }
        let lines = text::line_count(value, text::line_units(value_width));
        if lines > 1 {
            sheet.set_row_height(cell.row, height_for_lines(lines))?;
        }
    }

    let year_name = context.case.fiscal_year.japanese_name();
    let text_width: f64 = FORM.widths[usize::from(FORM.title.col)..=usize::from(FORM.text_last_col)].iter().sum();
    let title_units = (text::line_units(text_width) as f64 * FONT_SIZE / TITLE_SIZE) as usize;
    let title = layout::form_title(&year_name, &context.program.grant_name);
    // Too long for one line, the title breaks before 実績報告書 rather than inside a word.
    let title_lines: Vec<String> = if text::display_width(&title) <= title_units {
        vec![title]
    } else {
        let head = title.strip_suffix(layout::FORM_TITLE_TAIL).unwrap_or(&title);
        text::wrap(head, title_units).into_iter().chain([layout::FORM_TITLE_TAIL.to_string()]).collect()
    };
    let title_format = styles.title.clone().set_font_size(TITLE_SIZE);
    sheet.merge_range(
        FORM.title.row,
        FORM.title.col,
        FORM.title.row,
        FORM.text_last_col,
        &title_lines.join("\n"),
        &title_format,
    )?;
    sheet.set_row_height(FORM.title.row, height_for_lines(title_lines.len()) * TITLE_SIZE / FONT_SIZE)?;

    let body = layout::form_body(&format_date(context.decision.decided_on), &context.decision.number);
    let body = text::wrap(&format!("　{body}"), text::line_units(text_width));
    sheet.merge_range(
        FORM.body.row,
        FORM.body.col,
        FORM.body.row,
        FORM.text_last_col,
        &body.join("\n"),
        &styles.note,
    )?;
    sheet.set_row_height(FORM.body.row, height_for_lines(body.len()))?;

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
    for (index, name) in FORM.attachment_names.iter().enumerate() {
        let cell = FORM.attachments.down(index as u32);
        sheet.write_string_with_format(cell.row, cell.col, *name, &styles.plain)?;
    }
    Ok(())
}
