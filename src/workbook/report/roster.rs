//! 別紙4 受講者名簿（実績）: as the application's 名簿, with what happened — 修了年月日 (or the 受講状況 where
//! she has not finished) and 認定年月日 (or 結果待ち).

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Context;
use super::layout::{RESULTS, ROSTER};
use crate::case::CourseStatus;
use crate::workbook::layout::{Cell, LABEL_BREAKS};
use crate::workbook::text;
use crate::workbook::write::{Page, excel_date, height_for_lines, set_up_page, sheet_heading};

/// 氏名's column (別紙2 copies the name from it).
pub const NAME_COL: u16 = ROSTER_FIRST_COL + 1;
const ROSTER_FIRST_COL: u16 = 1;

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let trainees = &context.case.trainees;
    let last = Cell::new(ROSTER.first_row + trainees.len().max(1) as u32, ROSTER.last_col + 1);
    let page = Page { name: ROSTER.name, landscape: true, widths: ROSTER.widths, last, draft_cell: ROSTER.draft };
    set_up_page(sheet, &context.styles, context.draft, &page)?;
    sheet_heading(sheet, styles, ROSTER.sheet_label, ROSTER.title, ROSTER.last_col)?;
    for (offset, text) in ROSTER.headers.iter().enumerate() {
        sheet.write_string_with_format(ROSTER.header_row, ROSTER_FIRST_COL + offset as u16, *text, &styles.header)?;
    }
    sheet.set_row_height(ROSTER.header_row, height_for_lines(2))?;

    let width = |col: u16| text::line_units(ROSTER.widths[usize::from(col)]);
    for (index, (trainee, placed)) in trainees.iter().zip(&context.places.trainees).enumerate() {
        let r = placed.roster_row;
        let col = |offset: u16| ROSTER_FIRST_COL + offset;
        let qualification = context.rules.qualification(&trainee.qualification);
        let label = qualification.map_or_else(|| trainee.qualification.clone(), |q| q.label.clone());
        let course = qualification.map(|q| q.course.clone()).unwrap_or_default();
        sheet.write_number_with_format(r, col(0), (index + 1) as f64, &styles.cell_center)?;
        sheet.write_string_with_format(r, col(1), &trainee.name, &styles.input_row)?;
        let label_lines = text::wrap_phrases(&label, width(col(2)), LABEL_BREAKS);
        sheet.write_string_with_format(r, col(2), label_lines.join("\n"), &styles.cell_wrap)?;
        let institution = trainee.institution.clone().unwrap_or_default();
        sheet.write_string_with_format(r, col(3), &institution, &styles.input_row)?;
        let course_lines = text::wrap_phrases(&course, width(col(4)), LABEL_BREAKS);
        sheet.write_string_with_format(r, col(4), course_lines.join("\n"), &styles.cell_wrap)?;
        sheet.write_date_with_format(r, col(5), &excel_date(trainee.enrolled_on)?, &styles.input_date)?;
        let report = &trainee.report;
        match (report.completed_on, report.course_status) {
            (Some(date), _) => sheet.write_date_with_format(r, col(6), &excel_date(date)?, &styles.input_date)?,
            (None, Some(status)) if status != CourseStatus::Completed => {
                sheet.write_string_with_format(r, col(6), status.label(), &styles.cell_center)?
            }
            (None, _) => sheet.write_string_with_format(r, col(6), RESULTS.not_entered, &styles.cell_center)?,
        };
        match (report.certified_on, trainee.certified) {
            (Some(date), _) => sheet.write_date_with_format(r, col(7), &excel_date(date)?, &styles.input_date)?,
            (None, true) => sheet.write_string_with_format(r, col(7), "認定済", &styles.cell_center)?,
            (None, false) => sheet.write_string_with_format(r, col(7), "結果待ち", &styles.cell_center)?,
        };
        let kind = text::wrap_phrases(trainee.salary_kind.label(), width(col(8)), LABEL_BREAKS);
        sheet.write_string_with_format(r, col(8), kind.join("\n"), &styles.cell_wrap)?;
        let lines = [
            text::line_count(&trainee.name, width(col(1))),
            label_lines.len(),
            text::line_count(&institution, width(col(3))),
            course_lines.len(),
            kind.len(),
        ]
        .into_iter()
        .max()
        .unwrap_or(1);
        sheet.set_row_height(r, height_for_lines(lines))?;
    }
    Ok(())
}
