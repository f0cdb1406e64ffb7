//! 別紙3 対象経費の支出予定額内訳 of a hospital-row program: one row per 経費区分 of the program data with its
//! 支出予定額 and 積算内訳 (講師謝金 30,000円×16人 …), the 対象経費 計, その他の経費 and the 合計 (総事業費).

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Sheets;
use super::layout::{Breakdown, BreakdownRows};
use crate::money::Yen;
use crate::program::CostItem;
use crate::workbook::layout::Cell;
use crate::workbook::text;
use crate::workbook::write::{Page, amount_formula, height_for_lines, sheet_heading};

pub fn write(
    sheet: &mut Worksheet,
    context: &Sheets,
    rows: &BreakdownRows,
    layout: &Breakdown,
) -> Result<(), XlsxError> {
    let styles = context.styles;
    let last = Cell::new(rows.total + 1, layout.last_col + 1);
    let page = Page { name: layout.name, landscape: false, widths: layout.widths, last, draft_cell: layout.draft };
    context.page(sheet, &page)?;
    sheet_heading(sheet, styles, layout.sheet_label, layout.title, layout.last_col)?;
    let (cell, label) = layout.unit;
    sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain_right)?;
    for (offset, text) in layout.header.iter().enumerate() {
        sheet.write_string_with_format(layout.header_row, layout.label_col + offset as u16, *text, &styles.header)?;
    }

    let case = context.case;
    let width = text::line_units(layout.widths[usize::from(layout.working_col)]);
    let mut eligible = Yen::ZERO;
    for (rule, row) in context.rules.items.iter().zip(&rows.items) {
        let amount = case.costs.get(&rule.id).copied().unwrap_or_default();
        eligible += amount;
        sheet.write_string_with_format(*row, layout.label_col, &rule.label, &styles.cell)?;
        sheet.write_number_with_format(*row, layout.amount_col, amount.get() as f64, &styles.input_amount)?;
        let working: Vec<String> = case
            .workings
            .get(&rule.id)
            .map(|lines| lines.iter().map(|line| line.describe()).collect())
            .unwrap_or_default();
        let working = working.join("\n");
        sheet.write_string_with_format(*row, layout.working_col, &working, &styles.input_row)?;
        let lines = working.lines().map(|line| text::line_count(line, width)).sum::<usize>();
        if lines > 1 {
            sheet.set_row_height(*row, height_for_lines(lines))?;
        }
    }
    let sum_of = |first: u32, last: u32| {
        format!("=SUM({}:{})", Cell::new(first, layout.amount_col).a1(), Cell::new(last, layout.amount_col).a1())
    };
    let first = rows.items.first().copied().unwrap_or(rows.eligible_total);
    let last = rows.items.last().copied().unwrap_or(rows.eligible_total);
    sheet.write_string_with_format(rows.eligible_total, layout.label_col, layout.eligible_total, &styles.cell)?;
    sheet.write_formula_with_format(
        rows.eligible_total,
        layout.amount_col,
        amount_formula(sum_of(first, last), eligible),
        &styles.amount,
    )?;
    sheet.write_blank(rows.eligible_total, layout.working_col, &styles.cell)?;
    let other = context.rules.cost_label(context.program, CostItem::OTHER_COSTS);
    sheet.write_string_with_format(rows.other_costs, layout.label_col, other, &styles.cell)?;
    sheet.write_number_with_format(
        rows.other_costs,
        layout.amount_col,
        case.other_costs.get() as f64,
        &styles.input_amount,
    )?;
    sheet.write_blank(rows.other_costs, layout.working_col, &styles.input_row)?;
    sheet.write_string_with_format(rows.total, layout.label_col, layout.total, &styles.cell)?;
    let total = format!(
        "={}+{}",
        Cell::new(rows.eligible_total, layout.amount_col).a1(),
        Cell::new(rows.other_costs, layout.amount_col).a1()
    );
    sheet.write_formula_with_format(
        rows.total,
        layout.amount_col,
        amount_formula(total, eligible + case.other_costs),
        &styles.amount,
    )?;
    sheet.write_blank(rows.total, layout.working_col, &styles.cell)?;
    Ok(())
}
