//! 別紙4 受講者名簿: one row per trainee. 氏名, 教育機関名, the dates and the 受審予定年度 are filled in and read
//! back; 対象資格, 課程 and 人件費の区分 come from the program data.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Worksheet, XlsxError};

use super::{Context, fitted_width, height_for_lines, set_up_sheet, usable_width};
use crate::era::format_date;
use crate::workbook::layout::{self, Cell, ROSTER};
use crate::workbook::text;

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let trainees = &context.case.trainees;
    let last_row = ROSTER.first_row + trainees.len().max(1) as u32;

    let qualifications: Vec<String> =
        trainees.iter().map(|t| super::budget::qualification_label(context, &t.qualification)).collect();
    let courses: Vec<String> = trainees
        .iter()
        .map(|t| context.rules.qualification(&t.qualification).map(|q| q.course.clone()).unwrap_or_default())
        .collect();
    let widths = widths(context);
    set_up_sheet(
        sheet,
        context,
        ROSTER.name,
        ROSTER.landscape,
        &widths,
        Cell::new(last_row, ROSTER.last_col + 1),
        ROSTER.draft,
    )?;

    let (cell, label) = ROSTER.sheet_label;
    sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain)?;
    let (cell, label) = ROSTER.title;
    sheet.merge_range(cell.row, cell.col, cell.row, ROSTER.last_col, label, &styles.title)?;
    sheet.set_row_height(cell.row, 24)?;
    for (offset, text) in ROSTER.headers.iter().enumerate() {
        sheet.write_string_with_format(ROSTER.header_row, ROSTER.number_col + offset as u16, *text, &styles.header)?;
    }
    sheet.set_row_height(ROSTER.header_row, height_for_lines(2))?;

    let width_of = |col: u16| usable_width(widths[usize::from(col)]);
    // Fixed labels are broken here, between their words; what people typed is left to the cell's wrapping.
    let label = |text: &str, col: u16| text::wrap_phrases(text, width_of(col), layout::LABEL_BREAKS);
    for (index, trainee) in trainees.iter().enumerate() {
        let r = ROSTER.first_row + index as u32;
        sheet.write_number_with_format(r, ROSTER.number_col, (index + 1) as f64, &styles.cell_center)?;
        let typed = |col: u16, text: &str| {
            super::typed_text(context, ROSTER.name, Cell::new(r, col), text, widths[usize::from(col)])
        };
        sheet.write_string_with_format(r, ROSTER.name_col, typed(ROSTER.name_col, &trainee.name), &styles.input_row)?;
        let qualification = label(&qualifications[index], ROSTER.qualification_col);
        sheet.write_string_with_format(r, ROSTER.qualification_col, qualification.join("\n"), &styles.cell_wrap)?;
        match trainee.institution.as_deref().filter(|name| !name.is_empty()) {
            Some(name) => sheet.write_string_with_format(
                r,
                ROSTER.institution_col,
                typed(ROSTER.institution_col, name),
                &styles.input_row,
            )?,
            None => sheet.write_blank(r, ROSTER.institution_col, &styles.input_row)?,
        };
        let course = label(&courses[index], ROSTER.course_col);
        sheet.write_string_with_format(r, ROSTER.course_col, course.join("\n"), &styles.cell_wrap)?;
        sheet.write_date_with_format(r, ROSTER.enrolled_col, &excel_date(trainee.enrolled_on)?, &styles.input_date)?;
        sheet.write_date_with_format(r, ROSTER.ends_col, &excel_date(trainee.course_ends_on)?, &styles.input_date)?;
        match trainee.exam_fiscal_year {
            Some(year) => sheet.write_date_with_format(
                r,
                ROSTER.exam_year_col,
                &excel_date(year.first_day())?,
                &styles.input_fiscal_year,
            )?,
            None => sheet.write_blank(r, ROSTER.exam_year_col, &styles.input_fiscal_year)?,
        };
        let salary_kind = label(trainee.salary_kind.label(), ROSTER.salary_kind_col);
        sheet.write_string_with_format(r, ROSTER.salary_kind_col, salary_kind.join("\n"), &styles.cell_wrap)?;
        let lines = [
            text::line_count(&trainee.name, width_of(ROSTER.name_col)),
            qualification.len(),
            text::line_count(trainee.institution.as_deref().unwrap_or(""), width_of(ROSTER.institution_col)),
            course.len(),
            salary_kind.len(),
        ]
        .into_iter()
        .max()
        .unwrap_or(1);
        sheet.set_row_height(r, height_for_lines(lines))?;
    }
    Ok(())
}

/// The roster's column widths: the layout's, widened to fit names, institutions and dates.
pub fn widths(context: &Context) -> Vec<f64> {
    let trainees = &context.case.trainees;
    let dates: Vec<String> =
        trainees.iter().flat_map(|t| [format_date(t.enrolled_on), format_date(t.course_ends_on)]).collect();
    let mut widths = ROSTER.widths.to_vec();
    let mut fit = |col: u16, texts: Vec<&str>, cap: f64| {
        let index = usize::from(col);
        widths[index] = fitted_width(widths[index], texts, cap);
    };
    fit(ROSTER.name_col, trainees.iter().map(|t| t.name.as_str()).collect(), 20.0);
    fit(ROSTER.institution_col, trainees.iter().filter_map(|t| t.institution.as_deref()).collect(), 22.0);
    fit(ROSTER.enrolled_col, dates.iter().map(String::as_str).collect(), 20.0);
    fit(ROSTER.ends_col, dates.iter().map(String::as_str).collect(), 20.0);
    widths
}

/// A trainee's name as the roster shows it (what formulas on other sheets that refer to it compute).
pub fn shown_name(context: &Context, index: usize) -> String {
    let width = widths(context)[usize::from(ROSTER.name_col)];
    super::shown(&context.case.trainees[index].name, width)
}

/// A date as rust_xlsxwriter writes it. The export checks beforehand that every date lies in Excel's range
/// (1900–9999), so the error is a defect, not a user's mistake.
pub fn excel_date(date: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(date.year()).map_err(|_| XlsxError::DateTimeRangeError(date.to_string()))?;
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8)
}
