//! 別紙1 事業計画書 of a hospital-row program: the hospital, its 協力病院の指定 (K1), each 研修会 (名称, 開催予定日,
//! 会場, 定員, 開催指針への準拠: K2), 事業の目的及び効果 and the 担当者, as typed. The report's 別紙1 事業実績書 is the
//! same sheet with its own words (`layout::REPORT_RESULTS`: 開催日, 受講者数…).

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Sheets;
use super::layout::Plan;
use crate::workbook::layout::Cell;
use crate::workbook::text;
use crate::workbook::write::{Page, excel_date, height_for_lines, sheet_heading};

pub fn write(sheet: &mut Worksheet, context: &Sheets, plan: &Plan) -> Result<(), XlsxError> {
    let styles = context.styles;
    let hospital = &context.case.hospital;
    let trainings = &context.case.trainings;
    let training_rows = trainings.len().max(1) as u32;
    let purpose_row = plan.first_training_row + training_rows + 1;
    let contact_row = purpose_row + 2;
    let last = Cell::new(contact_row + plan.contact.len() as u32 + 1, plan.last_col + 1);
    let page = Page { name: plan.name, landscape: false, widths: plan.widths, last, draft_cell: plan.draft };
    context.page(sheet, &page)?;
    sheet_heading(sheet, styles, plan.sheet_label, plan.title, plan.last_col)?;

    let designated = match hospital.designated_cooperating_hospital {
        Some(true) => plan.designated_yes,
        Some(false) => plan.designated_no,
        None => plan.not_entered,
    };
    let founder = hospital.founder_type.map_or(plan.not_entered, |founder| founder.label());
    let value_width: f64 = plan.widths[usize::from(plan.value_col)..=usize::from(plan.last_col)].iter().sum();
    for ((row, label), value) in [
        (plan.hospital, hospital.name.as_str()),
        (plan.founder, founder),
        (plan.address, hospital.address.as_deref().unwrap_or("")),
        (plan.designated, designated),
    ] {
        value_row(sheet, context, plan, row, label, value, value_width, 1)?;
    }

    let (row, label) = plan.trainings_heading;
    sheet.write_string_with_format(row, plan.label_col, label, &styles.subtitle)?;
    let header_row = plan.first_training_row - 1;
    for (offset, text) in plan.trainings_header.iter().enumerate() {
        sheet.write_string_with_format(header_row, plan.label_col + offset as u16, *text, &styles.header)?;
    }
    if trainings.is_empty() {
        let row = plan.first_training_row;
        sheet.merge_range(row, plan.label_col, row, plan.last_col, plan.no_training, &styles.cell)?;
    }
    let width = |col: u16| text::line_units(plan.widths[usize::from(col)]);
    for (index, training) in trainings.iter().enumerate() {
        let row = plan.first_training_row + index as u32;
        let col = |offset: u16| plan.label_col + offset;
        sheet.write_string_with_format(row, col(0), &training.title, &styles.input_row)?;
        sheet.write_date_with_format(row, col(1), &excel_date(training.held_on)?, &styles.input_date)?;
        let venue = training.venue.as_deref().unwrap_or("");
        sheet.write_string_with_format(row, col(2), venue, &styles.input_row)?;
        let count = styles.count.clone().set_unlocked();
        sheet.write_number_with_format(row, col(3), f64::from(training.planned_participants), &count)?;
        let follows = if training.follows_guideline { plan.follows_yes } else { plan.follows_no };
        sheet.write_string_with_format(row, col(4), follows, &styles.cell_center)?;
        let lines = text::line_count(&training.title, width(col(0))).max(text::line_count(venue, width(col(2))));
        sheet.set_row_height(row, height_for_lines(lines))?;
    }

    let purpose = hospital.purpose.as_deref().unwrap_or("");
    let lines = text::line_count(purpose, text::line_units(value_width)).max(plan.purpose_min_lines);
    value_row(sheet, context, plan, purpose_row, plan.purpose, purpose, value_width, lines)?;
    sheet.write_string_with_format(contact_row, plan.label_col, plan.contact_heading, &styles.subtitle)?;
    let contact = hospital.contact.clone().unwrap_or_default();
    let values = [contact.department, contact.name, contact.phone, contact.email];
    for (offset, (label, value)) in plan.contact.iter().zip(values).enumerate() {
        let row = contact_row + 1 + offset as u32;
        value_row(sheet, context, plan, row, label, value.as_deref().unwrap_or(""), value_width, 1)?;
    }
    Ok(())
}

/// A label and its value over the value columns, at least `min_lines` high.
#[allow(clippy::too_many_arguments)]
fn value_row(
    sheet: &mut Worksheet,
    context: &Sheets,
    plan: &Plan,
    row: u32,
    label: &str,
    value: &str,
    width: f64,
    min_lines: usize,
) -> Result<(), XlsxError> {
    let styles = context.styles;
    sheet.write_string_with_format(row, plan.label_col, label, &styles.cell)?;
    sheet.merge_range(row, plan.value_col, row, plan.last_col, "", &styles.input_wrap)?;
    if !value.is_empty() {
        sheet.write_string_with_format(row, plan.value_col, value, &styles.input_wrap)?;
    }
    let lines = text::line_count(value, text::line_units(width)).max(min_lines);
    if lines > 1 {
        sheet.set_row_height(row, height_for_lines(lines))?;
    }
    Ok(())
}
