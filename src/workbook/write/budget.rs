//! 別紙2 所要額調書: one row per trainee with the letters A–I, then the totals. The 様式's arithmetic is written
//! as formulas (C, F, G, I and the totals), each cached with the engine's figure; (A) and (F) take their sums
//! from the trainee's block on 別紙3, names and 資格 from 別紙4.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Context, amount_formula, height_for_lines, set_height, set_up_sheet, text_formula};
use crate::money::Yen;
use crate::workbook::layout::{self, BREAKDOWN, BUDGET, Cell, ROSTER};

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let facts = &context.facts;
    let rows = &context.calculation.rows;
    let total_row = facts.budget_total_row;
    let last = Cell::new(total_row + 1 + BUDGET.footnotes.len() as u32, BUDGET.last_col + 1);
    let sums = column_sums(context);
    set_up_sheet(sheet, context, BUDGET.name, BUDGET.landscape, &facts.budget_widths, last, BUDGET.draft)?;

    let (cell, label) = BUDGET.sheet_label;
    sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain)?;
    let title = layout::budget_title(&context.case.fiscal_year.japanese_name(), &context.program.name);
    sheet.merge_range(BUDGET.title.row, BUDGET.title.col, BUDGET.title.row, BUDGET.last_col, &title, &styles.title)?;
    sheet.set_row_height(BUDGET.title.row, 24)?;
    super::hospital_name_row(sheet, context, BUDGET.hospital, facts.budget_hospital_height)?;
    let (cell, label) = BUDGET.unit;
    sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain_right)?;

    for (index, text) in BUDGET.headers.iter().enumerate() {
        sheet.write_string_with_format(BUDGET.header_row, BUDGET.name_col + index as u16, *text, &styles.header)?;
    }
    sheet.set_row_height(BUDGET.header_row, height_for_lines(4))?;

    let rate = context.rules.subsidy_rate;
    for ((row, trainee), placed) in rows.iter().zip(&context.case.trainees).zip(&facts.trainees) {
        let r = placed.budget_row;
        let at = |col: u16| Cell::new(r, col).a1();
        // The name as the 名簿 holds it (typed there), by formula; the row is as tall as the name needs here.
        let name = format!("={}&\"\"", layout::sheet_ref(ROSTER.name, Cell::new(placed.roster_row, ROSTER.name_col)));
        sheet.write_formula_with_format(r, BUDGET.name_col, text_formula(name, &trainee.name), &styles.cell_wrap)?;
        sheet.write_string_with_format(r, BUDGET.qualification_col, &placed.qualification, &styles.cell_wrap)?;
        set_height(sheet, r, placed.budget_height)?;
        let block_total = |col: u16| layout::sheet_ref(BREAKDOWN.name, Cell::new(placed.block.total_row, col));
        sheet.write_formula_with_format(
            r,
            BUDGET.total_cost_col,
            amount_formula(format!("={}", block_total(BREAKDOWN.amount_col)), row.total_cost),
            &styles.amount,
        )?;
        sheet.write_number_with_format(
            r,
            BUDGET.other_income_col,
            row.other_income.get() as f64,
            &styles.input_amount,
        )?;
        let net = format!("={}-{}", at(BUDGET.total_cost_col), at(BUDGET.other_income_col));
        sheet.write_formula_with_format(r, BUDGET.net_cost_col, amount_formula(net, row.net_cost), &styles.amount)?;
        sheet.write_number_with_format(r, BUDGET.eligible_col, row.eligible_cost.get() as f64, &styles.amount)?;
        sheet.write_number_with_format(r, BUDGET.standard_col, row.standard.get() as f64, &styles.amount)?;
        let selected = format!("=MIN({},{})", at(BUDGET.standard_col), block_total(BREAKDOWN.selected_col));
        sheet.write_formula_with_format(
            r,
            BUDGET.selected_col,
            amount_formula(selected, row.selected),
            &styles.amount,
        )?;
        let base = format!("=MAX(0,MIN({},{}))", at(BUDGET.net_cost_col), at(BUDGET.selected_col));
        sheet.write_formula_with_format(r, BUDGET.base_col, amount_formula(base, row.base), &styles.amount)?;
        sheet.write_string_with_format(r, BUDGET.rate_col, rate.to_string(), &styles.cell_center)?;
        let product = format!("{}*{}/{}", at(BUDGET.base_col), rate.numerator(), rate.denominator());
        let subsidy = format!("={}", rounded_down(&product, context.rules.rounding_unit));
        sheet.write_formula_with_format(r, BUDGET.subsidy_col, amount_formula(subsidy, row.subsidy), &styles.amount)?;
    }

    sheet.merge_range(
        total_row,
        BUDGET.name_col,
        total_row,
        BUDGET.qualification_col,
        BUDGET.total_label,
        &styles.cell_center,
    )?;
    for (col, sum) in sums {
        if rows.is_empty() {
            sheet.write_number_with_format(total_row, col, 0.0, &styles.amount)?;
        } else {
            let first = Cell::new(BUDGET.first_row, col).a1();
            let last = Cell::new(total_row - 1, col).a1();
            sheet.write_formula_with_format(
                total_row,
                col,
                amount_formula(format!("=SUM({first}:{last})"), sum),
                &styles.amount,
            )?;
        }
    }
    sheet.write_blank(total_row, BUDGET.rate_col, &styles.cell)?;
    for (index, note) in BUDGET.footnotes.iter().enumerate() {
        sheet.write_string_with_format(total_row + 2 + index as u32, BUDGET.name_col, *note, &styles.plain)?;
    }
    Ok(())
}

/// The totals row: each column's sum of the engine's figures; (I) is the engine's 交付申請額.
fn column_sums(context: &Context) -> [(u16, Yen); 8] {
    let rows = &context.calculation.rows;
    [
        (BUDGET.total_cost_col, rows.iter().map(|r| r.total_cost).sum()),
        (BUDGET.other_income_col, rows.iter().map(|r| r.other_income).sum()),
        (BUDGET.net_cost_col, rows.iter().map(|r| r.net_cost).sum()),
        (BUDGET.eligible_col, rows.iter().map(|r| r.eligible_cost).sum()),
        (BUDGET.standard_col, rows.iter().map(|r| r.standard).sum()),
        (BUDGET.selected_col, rows.iter().map(|r| r.selected).sum()),
        (BUDGET.base_col, rows.iter().map(|r| r.base).sum()),
        (BUDGET.subsidy_col, context.calculation.total),
    ]
}

/// 千円未満切捨て as the 様式 writes it (ROUNDDOWN(x,-3)); a unit that is not a power of ten uses FLOOR.
pub fn rounded_down(expression: &str, unit: i64) -> String {
    let mut digits = 0;
    let mut rest = unit.max(1);
    while rest % 10 == 0 {
        rest /= 10;
        digits += 1;
    }
    if rest == 1 && digits == 0 {
        format!("ROUNDDOWN({expression},0)")
    } else if rest == 1 {
        format!("ROUNDDOWN({expression},-{digits})")
    } else {
        format!("FLOOR({expression},{unit})")
    }
}

#[cfg(test)]
mod tests {
    use super::rounded_down;

    #[test]
    fn thousand_yen_rounding_is_written_as_the_form_writes_it() {
        assert_eq!(rounded_down("J7*1/2", 1000), "ROUNDDOWN(J7*1/2,-3)");
        assert_eq!(rounded_down("J7*1/2", 1), "ROUNDDOWN(J7*1/2,0)");
        assert_eq!(rounded_down("J7*1/2", 500), "FLOOR(J7*1/2,500)");
    }
}
