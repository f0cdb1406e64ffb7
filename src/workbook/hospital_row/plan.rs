//! 別紙1 事業計画書 of a hospital-row program: the hospital, its 協力病院の指定 (K1), each 研修会 (名称, 開催予定日,
//! 会場, 定員, 開催指針への準拠: K2), 事業の目的及び効果 and the 担当者, as typed.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Context;
use super::layout::PLAN;
use crate::workbook::layout::Cell;
use crate::workbook::text;
use crate::workbook::write::{Page, excel_date, height_for_lines};

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let hospital = &context.case.hospital;
    let trainings = &context.case.trainings;
    let training_rows = trainings.len().max(1) as u32;
    let purpose_row = PLAN.first_training_row + training_rows + 1;
    let contact_row = purpose_row + 2;
    let last = Cell::new(contact_row + PLAN.contact.len() as u32 + 1, PLAN.last_col + 1);
    let page = Page { name: PLAN.name, landscape: false, widths: PLAN.widths, last, draft_cell: PLAN.draft };
    context.page(sheet, &page)?;
    let (cell, label) = PLAN.sheet_label;
    sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain)?;
    let (cell, label) = PLAN.title;
    sheet.merge_range(cell.row, cell.col, cell.row, PLAN.last_col, label, &styles.title)?;
    sheet.set_row_height(cell.row, 24)?;

    let designated = match hospital.designated_cooperating_hospital {
        Some(true) => PLAN.designated_yes,
        Some(false) => PLAN.designated_no,
        None => PLAN.not_entered,
    };
    let founder = hospital.founder_type.map_or(PLAN.not_entered, |founder| founder.label());
    let value_width: f64 = PLAN.widths[usize::from(PLAN.value_col)..=usize::from(PLAN.last_col)].iter().sum();
    for ((row, label), value) in [
        (PLAN.hospital, hospital.name.as_str()),
        (PLAN.founder, founder),
        (PLAN.address, hospital.address.as_deref().unwrap_or("")),
        (PLAN.designated, designated),
    ] {
        value_row(sheet, context, row, label, value, value_width, 1)?;
    }

    let (row, label) = PLAN.trainings_heading;
    sheet.write_string_with_format(row, PLAN.label_col, label, &styles.subtitle)?;
    let header_row = PLAN.first_training_row - 1;
    for (offset, text) in PLAN.trainings_header.iter().enumerate() {
        sheet.write_string_with_format(header_row, PLAN.label_col + offset as u16, *text, &styles.header)?;
    }
    if trainings.is_empty() {
        let row = PLAN.first_training_row;
        sheet.merge_range(row, PLAN.label_col, row, PLAN.last_col, PLAN.no_training, &styles.cell)?;
    }
    let width = |col: u16| text::line_units(PLAN.widths[usize::from(col)]);
    for (index, training) in trainings.iter().enumerate() {
        let row = PLAN.first_training_row + index as u32;
        let col = |offset: u16| PLAN.label_col + offset;
        sheet.write_string_with_format(row, col(0), &training.title, &styles.input_row)?;
        sheet.write_date_with_format(row, col(1), &excel_date(training.held_on)?, &styles.input_date)?;
        let venue = training.venue.as_deref().unwrap_or("");
        sheet.write_string_with_format(row, col(2), venue, &styles.input_row)?;
        let count = styles.count.clone().set_unlocked();
        sheet.write_number_with_format(row, col(3), f64::from(training.planned_participants), &count)?;
        let follows = if training.follows_guideline { PLAN.follows_yes } else { PLAN.follows_no };
        sheet.write_string_with_format(row, col(4), follows, &styles.cell_center)?;
        let lines = text::line_count(&training.title, width(col(0))).max(text::line_count(venue, width(col(2))));
        sheet.set_row_height(row, height_for_lines(lines))?;
    }

    let purpose = hospital.purpose.as_deref().unwrap_or("");
    let lines = text::line_count(purpose, text::line_units(value_width)).max(PLAN.purpose_min_lines);
    value_row(sheet, context, purpose_row, PLAN.purpose, purpose, value_width, lines)?;
    sheet.write_string_with_format(contact_row, PLAN.label_col, PLAN.contact_heading, &styles.subtitle)?;
    let contact = hospital.contact.clone().unwrap_or_default();
    let values = [contact.department, contact.name, contact.phone, contact.email];
    for (offset, (label, value)) in PLAN.contact.iter().zip(values).enumerate() {
        let row = contact_row + 1 + offset as u32;
        value_row(sheet, context, row, label, value.as_deref().unwrap_or(""), value_width, 1)?;
    }
    Ok(())
}

/// A label and its value over the value columns, at least `min_lines` high.
fn value_row(
    sheet: &mut Worksheet,
    context: &Context,
    row: u32,
    label: &str,
    value: &str,
    width: f64,
    min_lines: usize,
) -> Result<(), XlsxError> {
    let styles = &context.styles;
    sheet.write_string_with_format(row, PLAN.label_col, label, &styles.cell)?;
    sheet.merge_range(row, PLAN.value_col, row, PLAN.last_col, "", &styles.input_wrap)?;
    if !value.is_empty() {
        sheet.write_string_with_format(row, PLAN.value_col, value, &styles.input_wrap)?;
    }
    let lines = text::line_count(value, text::line_units(width)).max(min_lines);
    if lines > 1 {
        sheet.set_row_height(row, height_for_lines(lines))?;
    }
    Ok(())
}
