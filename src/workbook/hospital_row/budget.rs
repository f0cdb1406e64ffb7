//! 別紙2 所要額調書 of a hospital-row program: the application's columns A–I (`layout::BUDGET`) on one row, the
//! hospital, and its 合計 (defined name 補助所要額合計). (A) and (D) by formula on 別紙3's totals.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Context;
use super::layout::{BREAKDOWN, BUDGET_FOOTNOTES, BUDGET_HEADERS, BUDGET_NAME, BUDGET_SUBJECT, FORM_NAME};
use crate::workbook::layout::{self, BUDGET, Cell, FORM1, sheet_ref};
use crate::workbook::write::{
    FigureSources, Page, amount_formula, height_for_lines, set_up_page, text_formula, write_figures,
};

/// The hospital's row and the 合計 under it.
pub const ROW: u32 = BUDGET.first_row;
pub const TOTAL_ROW: u32 = BUDGET.first_row + 1;

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let last = Cell::new(TOTAL_ROW + 1 + BUDGET_FOOTNOTES.len() as u32, BUDGET.last_col + 1);
    let page = Page { name: BUDGET_NAME, landscape: true, widths: BUDGET.widths, last, draft_cell: BUDGET.draft };
    set_up_page(sheet, &context.styles, context.draft, &page)?;
    let (cell, label) = BUDGET.sheet_label;
    sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain)?;
    let title = layout::budget_title(&context.case.fiscal_year.japanese_name(), &context.program.name);
    sheet.merge_range(BUDGET.title.row, BUDGET.title.col, BUDGET.title.row, BUDGET.last_col, &title, &styles.title)?;
    sheet.set_row_height(BUDGET.title.row, 24)?;
    let (cell, label) = BUDGET.unit;
    sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain_right)?;
    for (index, text) in BUDGET_HEADERS.iter().chain(&BUDGET.headers[2..]).enumerate() {
        sheet.write_string_with_format(BUDGET.header_row, BUDGET.name_col + index as u16, *text, &styles.header)?;
    }
    sheet.set_row_height(BUDGET.header_row, height_for_lines(4))?;

    let Some(row) = context.calculation.rows.first() else { return Ok(()) };
    let at = |col: u16| Cell::new(ROW, col).a1();
    let name = format!("={}&\"\"", sheet_ref(FORM_NAME, FORM1.hospital_value()));
    sheet.write_formula_with_format(
        ROW,
        BUDGET.name_col,
        text_formula(name, &context.case.hospital.name),
        &styles.cell_wrap,
    )?;
    sheet.write_string_with_format(ROW, BUDGET.qualification_col, BUDGET_SUBJECT, &styles.cell_wrap)?;
    sheet.set_row_height(ROW, height_for_lines(2))?;
    let rows = &context.rows;
    let breakdown = |row: u32| sheet_ref(BREAKDOWN.name, Cell::new(row, BREAKDOWN.amount_col));
    // No item has its own 基準額 here: the items' 選定額 are the 対象経費 (D) itself.
    let sources = FigureSources {
        total_cost: breakdown(rows.total),
        other_income_typed: true,
        eligible_cost: Some(breakdown(rows.eligible_total)),
        selected: at(BUDGET.eligible_col),
    };
    write_figures(sheet, styles, context.rules, ROW, row, &sources)?;

    sheet.merge_range(
        TOTAL_ROW,
        BUDGET.name_col,
        TOTAL_ROW,
        BUDGET.qualification_col,
        BUDGET.total_label,
        &styles.cell_center,
    )?;
    for (col, value) in [
        (BUDGET.total_cost_col, row.total_cost),
        (BUDGET.other_income_col, row.other_income),
        (BUDGET.net_cost_col, row.net_cost),
        (BUDGET.eligible_col, row.eligible_cost),
        (BUDGET.standard_col, row.standard),
        (BUDGET.selected_col, row.selected),
        (BUDGET.base_col, row.base),
        (BUDGET.subsidy_col, context.calculation.total),
    ] {
        sheet.write_formula_with_format(
            TOTAL_ROW,
            col,
            amount_formula(format!("={}", at(col)), value),
            &styles.amount,
        )?;
    }
    sheet.write_blank(TOTAL_ROW, BUDGET.rate_col, &styles.cell)?;
    for (index, note) in BUDGET_FOOTNOTES.iter().enumerate() {
        sheet.write_string_with_format(TOTAL_ROW + 2 + index as u32, BUDGET.name_col, *note, &styles.plain)?;
    }
    Ok(())
}
