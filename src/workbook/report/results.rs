//! 別紙1 事業実績書: per trainee, where her course stands at the end of the 年度 — 受講状況, 修了年月日, the 認定
//! — and what the 年度 achieved (事業の成果, as typed).

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Context;
use super::layout::{FORM, RESULTS};
use crate::case::Trainee;
use crate::era::format_date;
use crate::workbook::layout::{Cell, sheet_ref};
use crate::workbook::write::{Page, set_up_page, sheet_heading, text_formula};

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let last = Cell::new(context.places.results_last_row, RESULTS.last_col + 1);
    let page = Page { name: RESULTS.name, landscape: false, widths: RESULTS.widths, last, draft_cell: RESULTS.draft };
    set_up_page(sheet, &context.styles, context.draft, &page)?;
    sheet_heading(sheet, styles, RESULTS.sheet_label, RESULTS.title, RESULTS.last_col)?;

    let (cell, label) = RESULTS.hospital;
    sheet.write_string_with_format(cell.row, cell.col, label, &styles.cell)?;
    sheet.merge_range(cell.row, RESULTS.value_col, cell.row, RESULTS.last_col, "", &styles.cell_wrap)?;
    let name = format!("={}&\"\"", sheet_ref(FORM.name, FORM.hospital_value()));
    sheet.write_formula_with_format(
        cell.row,
        RESULTS.value_col,
        text_formula(name, &context.case.hospital.name),
        &styles.cell_wrap,
    )?;

    for (index, (trainee, placed)) in context.case.trainees.iter().zip(&context.places.trainees).enumerate() {
        let heading_row = placed.results_heading_row;
        let qualification = context
            .rules
            .qualification(&trainee.qualification)
            .map_or_else(|| trainee.qualification.clone(), |q| q.label.clone());
        let course = context.rules.qualification(&trainee.qualification).map(|q| q.course.clone()).unwrap_or_default();
        let heading = format!("{}{}　{}（{qualification}）", RESULTS.heading_prefix, index + 1, trainee.name);
        sheet.merge_range(heading_row, RESULTS.label_col, heading_row, RESULTS.last_col, &heading, &styles.heading)?;
        let values = values(trainee, &course);
        for (offset, (label, value)) in RESULTS.rows.iter().zip(values).enumerate() {
            let row = heading_row + 1 + offset as u32;
            sheet.write_string_with_format(row, RESULTS.label_col, *label, &styles.cell)?;
            sheet.merge_range(row, RESULTS.value_col, row, RESULTS.last_col, "", &styles.input_wrap)?;
            if !value.is_empty() {
                sheet.write_string_with_format(row, RESULTS.value_col, &value, &styles.input_wrap)?;
            }
        }
        let outcome_row = heading_row + RESULTS.rows.len() as u32;
        sheet.set_row_height(outcome_row, placed.results_outcome_height)?;
    }
    Ok(())
}

/// The values of a trainee's rows, in RESULTS.rows' order.
fn values(trainee: &Trainee, course: &str) -> [String; 7] {
    let report = &trainee.report;
    let status = report.course_status.map_or(RESULTS.not_entered, |status| status.label()).to_string();
    let completed = report.completed_on.map(format_date).unwrap_or_default();
    let certification = match (report.certified_on, trainee.certified) {
        (Some(date), _) => format!("{} 認定", format_date(date)),
        (None, true) => "認定".to_string(),
        (None, false) => RESULTS.not_certified.to_string(),
    };
    [
        trainee.institution.clone().unwrap_or_default(),
        course.to_string(),
        format!("{}〜{}", format_date(trainee.enrolled_on), format_date(trainee.course_ends_on)),
        status,
        completed,
        certification,
        report.outcome.clone().unwrap_or_default(),
    ]
}
