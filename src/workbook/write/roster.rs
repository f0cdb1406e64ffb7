//! 別紙4 受講者名簿: one row per trainee. 氏名, 教育機関名, the dates and the 受審予定年度 are filled in and read
//! back; 対象資格, 課程 and 人件費の区分 come from the program data. 修了予定年月日 is the whole course's end (a CNS
//! course takes two years), as its header says.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Context, excel_date, height_for_lines, set_up_sheet};
use crate::workbook::layout::{Cell, ROSTER};

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let facts = &context.facts;
    let trainees = &context.case.trainees;
    let last_row = ROSTER.first_row + trainees.len().max(1) as u32;
    set_up_sheet(
        sheet,
        context,
        ROSTER.name,
        ROSTER.landscape,
        &facts.roster_widths,
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

    for (index, (trainee, placed)) in trainees.iter().zip(&facts.trainees).enumerate() {
        let r = placed.roster_row;
        sheet.write_number_with_format(r, ROSTER.number_col, (index + 1) as f64, &styles.cell_center)?;
        // What was typed, as typed; fixed labels broken between their words (Facts).
        sheet.write_string_with_format(r, ROSTER.name_col, &trainee.name, &styles.input_row)?;
        let qualification = placed.roster_qualification.join("\n");
        sheet.write_string_with_format(r, ROSTER.qualification_col, qualification, &styles.cell_wrap)?;
        match trainee.institution.as_deref().filter(|name| !name.is_empty()) {
            Some(name) => sheet.write_string_with_format(r, ROSTER.institution_col, name, &styles.input_row)?,
            None => sheet.write_blank(r, ROSTER.institution_col, &styles.input_row)?,
        };
        sheet.write_string_with_format(r, ROSTER.course_col, placed.roster_course.join("\n"), &styles.cell_wrap)?;
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
        let salary_kind = placed.roster_salary_kind.join("\n");
        sheet.write_string_with_format(r, ROSTER.salary_kind_col, salary_kind, &styles.cell_wrap)?;
        sheet.set_row_height(r, placed.roster_height)?;
    }
    Ok(())
}
