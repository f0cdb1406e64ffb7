//! 別紙1 事業計画書: the hospital, its 届出, the exclusion checks as the engine judged them, the purpose, the
//! contact, and the points still open (要確認) — or, in a draft, what is not met.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::facts::{height, lines};
use super::{Context, excel_date, height_for_lines, set_height, set_up_sheet, text_formula};
use crate::eligibility::Verdict;
use crate::workbook::kept::shown_filing;
use crate::workbook::layout::{self, Cell, PLAN};
use crate::workbook::text;

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let hospital = &context.case.hospital;
    let notes = notes(context);
    let value_width: f64 = PLAN.widths[usize::from(PLAN.value_col)..=usize::from(PLAN.last_col)].iter().sum();
    let note_width: f64 = PLAN.widths[usize::from(PLAN.label_col)..=usize::from(PLAN.last_col)].iter().sum();
    let wrapped_notes: Vec<(bool, Vec<String>)> =
        notes.iter().map(|(heading, line)| (*heading, text::wrap(line, text::line_units(note_width)))).collect();
    let last_row = PLAN.notes_row + wrapped_notes.len() as u32;
    set_up_sheet(
        sheet,
        context,
        PLAN.name,
        PLAN.landscape,
        PLAN.widths,
        Cell::new(last_row, PLAN.last_col + 1),
        PLAN.draft,
    )?;

    let (cell, label) = PLAN.sheet_label;
    sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain)?;
    let (cell, label) = PLAN.title;
    sheet.merge_range(cell.row, cell.col, cell.row, PLAN.last_col, label, &styles.title)?;
    sheet.set_row_height(cell.row, 24)?;

    let label = |sheet: &mut Worksheet, (row, text): (u32, &str)| -> Result<(), XlsxError> {
        sheet.write_string_with_format(row, PLAN.label_col, text, &styles.cell)?;
        Ok(())
    };
    let merged = |sheet: &mut Worksheet, row: u32, format: &rust_xlsxwriter::Format| -> Result<(), XlsxError> {
        sheet.merge_range(row, PLAN.value_col, row, PLAN.last_col, "", format)?;
        Ok(())
    };

    // 病院名 and 所在地 are those of the 申請書, by formula: one place to correct them.
    let facts = &context.facts;
    for ((row, text), cell, value, row_height) in [
        (PLAN.hospital, layout::FORM1.hospital_value(), hospital.name.as_str(), facts.plan_hospital_height),
        (
            PLAN.address,
            layout::FORM1.address_value(),
            hospital.address.as_deref().unwrap_or(""),
            facts.plan_address_height,
        ),
    ] {
        label(sheet, (row, text))?;
        merged(sheet, row, &styles.cell_wrap)?;
        let formula = format!("={}&\"\"", layout::sheet_ref(layout::FORM1.name, cell));
        sheet.write_formula_with_format(row, PLAN.value_col, text_formula(formula, value), &styles.cell_wrap)?;
        set_height(sheet, row, row_height)?;
    }
    label(sheet, PLAN.founder)?;
    merged(sheet, PLAN.founder.0, &styles.cell)?;
    let founder = hospital.founder_type.map_or("", |founder| founder.label());
    sheet.write_string_with_format(PLAN.founder.0, PLAN.value_col, founder, &styles.cell)?;
    label(sheet, PLAN.beds)?;
    merged(sheet, PLAN.beds.0, &styles.input_beds)?;
    match hospital.beds {
        Some(beds) => {
            sheet.write_number_with_format(PLAN.beds.0, PLAN.value_col, f64::from(beds), &styles.input_beds)?
        }
        None => sheet.write_blank(PLAN.beds.0, PLAN.value_col, &styles.input_beds)?,
    };

    write_filings(sheet, context)?;
    write_exclusions(sheet, context)?;

    label(sheet, PLAN.purpose)?;
    let purpose = hospital.purpose.as_deref().unwrap_or("");
    merged(sheet, PLAN.purpose.0, &styles.input_wrap)?;
    if !purpose.is_empty() {
        sheet.write_string_with_format(PLAN.purpose.0, PLAN.value_col, purpose, &styles.input_wrap)?;
    }
    let purpose_lines = lines(purpose, value_width).max(PLAN.purpose_min_lines);
    sheet.set_row_height(PLAN.purpose.0, height_for_lines(purpose_lines))?;

    label(sheet, PLAN.trainee_count)?;
    merged(sheet, PLAN.trainee_count.0, &styles.count)?;
    sheet.write_number_with_format(
        PLAN.trainee_count.0,
        PLAN.value_col,
        context.case.trainees.len() as f64,
        &styles.count,
    )?;

    let (row, text) = PLAN.contact_heading;
    sheet.write_string_with_format(row, PLAN.label_col, text, &styles.plain)?;
    let contact = hospital.contact.clone().unwrap_or_default();
    for (row_label, value) in [
        (PLAN.department, contact.department),
        (PLAN.contact_name, contact.name),
        (PLAN.phone, contact.phone),
        (PLAN.email, contact.email),
    ] {
        label(sheet, row_label)?;
        merged(sheet, row_label.0, &styles.input_row)?;
        if let Some(value) = value.filter(|value| !value.is_empty()) {
            sheet.write_string_with_format(row_label.0, PLAN.value_col, &value, &styles.input_row)?;
            set_height(sheet, row_label.0, height(&[(&value, value_width)]))?;
        }
    }

    for (index, (heading, lines)) in wrapped_notes.iter().enumerate() {
        let row = PLAN.notes_row + index as u32;
        let format = if *heading { &styles.subtitle } else { &styles.note };
        sheet.merge_range(row, PLAN.label_col, row, PLAN.last_col, &lines.join("\n"), format)?;
        sheet.set_row_height(row, height_for_lines(lines.len()))?;
    }
    Ok(())
}

fn write_filings(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let (row, text) = PLAN.filings_heading;
    sheet.write_string_with_format(row, PLAN.label_col, text, &styles.plain)?;
    let header_row = row + 1;
    let columns = [PLAN.label_col, PLAN.filing_symbol_col, PLAN.filing_number_col, PLAN.filing_since_col];
    for (col, text) in columns.into_iter().zip(PLAN.filings_header) {
        sheet.write_string_with_format(header_row, col, text, &styles.header)?;
    }
    sheet.merge_range(
        header_row,
        PLAN.filing_since_col,
        header_row,
        PLAN.last_col,
        PLAN.filings_header[3],
        &styles.header,
    )?;
    for (row, check_id, label) in PLAN.filing_rows {
        sheet.write_string_with_format(row, PLAN.label_col, label, &styles.cell)?;
        match shown_filing(context.rules, &context.case.hospital.filings, check_id) {
            Some(filing) => {
                sheet.merge_range(row, PLAN.filing_since_col, row, PLAN.last_col, "", &styles.input_date)?;
                sheet.write_string_with_format(row, PLAN.filing_symbol_col, &filing.symbol, &styles.cell_center)?;
                match filing.number.as_deref().filter(|number| !number.is_empty()) {
                    Some(number) => {
                        sheet.write_string_with_format(row, PLAN.filing_number_col, number, &styles.input_row)?;
                        let width = PLAN.widths[usize::from(PLAN.filing_number_col)];
                        set_height(sheet, row, height(&[(number, width)]))?;
                    }
                    None => {
                        sheet.write_blank(row, PLAN.filing_number_col, &styles.input_row)?;
                    }
                }
                if let Some(since) = filing.since {
                    sheet.write_date_with_format(
                        row,
                        PLAN.filing_since_col,
                        &excel_date(since)?,
                        &styles.input_date,
                    )?;
                }
            }
            None => {
                sheet.write_string_with_format(row, PLAN.filing_symbol_col, PLAN.not_filed, &styles.cell_center)?;
                sheet.write_blank(row, PLAN.filing_number_col, &styles.cell)?;
                sheet.merge_range(row, PLAN.filing_since_col, row, PLAN.last_col, "", &styles.cell)?;
            }
        }
    }
    Ok(())
}

fn write_exclusions(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let (row, text) = PLAN.exclusions_heading;
    sheet.write_string_with_format(row, PLAN.label_col, text, &styles.plain)?;
    for (row, check_id, label, when_met, when_not_met) in PLAN.exclusions {
        sheet.merge_range(row, PLAN.label_col, row, PLAN.exclusion_status_col - 1, label, &styles.cell)?;
        let verdict = context.eligibility.checks.iter().find(|check| check.id == check_id).map(|check| check.verdict);
        let status = match verdict {
            Some(Verdict::Met) => when_met,
            Some(Verdict::NotMet) => when_not_met,
            Some(Verdict::NeedsConfirmation) | None => PLAN.needs_confirmation,
        };
        sheet.merge_range(row, PLAN.exclusion_status_col, row, PLAN.last_col, status, &styles.cell_center)?;
    }
    Ok(())
}

/// The lines under the table: (is a heading, text). The reasons come from the engine's checks.
fn notes(context: &Context) -> Vec<(bool, String)> {
    let mut notes = Vec::new();
    let open = context.eligibility.open_points();
    if !open.is_empty() {
        notes.push((true, PLAN.open_points_heading.to_string()));
        notes.extend(open.into_iter().map(|point| (false, format!("・{point}"))));
    }
    if context.draft && !context.blocking.is_empty() {
        notes.push((true, PLAN.blocking_heading.to_string()));
        notes.extend(context.blocking.iter().map(|point| (false, format!("・{point}"))));
    }
    notes
}
