//! 別紙3 対象経費の支出予定額内訳: per trainee a block of the program's items (支出予定額 filled in, 基準額 and
//! 備考 from the engine, 選定額 = MIN(支出予定額, 基準額) where the item counts), その他, 合計; under it the
//! 基準額 used so far over all 年度 (前年度までの選定額 filled in, the rest by formula) and the once-only items
//! claimed before; and, when the salary is given month by month, the 人件費 in calendar order with its 合計.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::facts::TraineeFacts;
use super::{Context, amount_formula, formula_string, height_for_lines, set_height, set_up_sheet, text_formula};
use crate::calc::{MonthStatus, RowCalculation};
use crate::case::Trainee;
use crate::money::Yen;
use crate::program::CostItem;
use crate::workbook::layout::{self, BREAKDOWN, BUDGET, Cell, ROSTER};
use crate::workbook::text;

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let facts = &context.facts;
    let last_row = facts.trainees.last().map_or(BREAKDOWN.first_block_row, |placed| placed.block.end_row);
    set_up_sheet(
        sheet,
        context,
        BREAKDOWN.name,
        BREAKDOWN.landscape,
        &facts.breakdown_widths,
        Cell::new(last_row, BREAKDOWN.last_col + 1),
        BREAKDOWN.draft,
    )?;

    sheet.set_page_breaks(&facts.breakdown_page_breaks)?;
    let (cell, label) = BREAKDOWN.sheet_label;
    sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain)?;
    let (cell, label) = BREAKDOWN.title;
    sheet.merge_range(cell.row, cell.col, cell.row, BREAKDOWN.last_col, label, &styles.title)?;
    sheet.set_row_height(cell.row, 24)?;
    super::hospital_name_row(sheet, context, BREAKDOWN.hospital, facts.breakdown_hospital_height)?;
    let (cell, label) = BREAKDOWN.unit;
    sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain_right)?;

    for ((trainee, row), placed) in context.case.trainees.iter().zip(&context.calculation.rows).zip(&facts.trainees) {
        write_block(sheet, context, trainee, row, placed)?;
    }
    Ok(())
}

fn write_block(
    sheet: &mut Worksheet,
    context: &Context,
    trainee: &Trainee,
    row: &RowCalculation,
    placed: &TraineeFacts,
) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let block = &placed.block;

    // 受講者1　看護 花子（緩和ケア認定看護師）, by formula from the 名簿 so a corrected name shows here too.
    let name = layout::sheet_ref(ROSTER.name, Cell::new(placed.roster_row, ROSTER.name_col));
    let index = placed.roster_row - ROSTER.first_row;
    let prefix = format!("{}{}　", BREAKDOWN.heading_prefix, index + 1);
    let qualification = format!("（{}）", placed.qualification);
    let formula = format!("={}&{name}&{}", formula_string(&prefix), formula_string(&qualification));
    let heading = block.heading_row;
    sheet.merge_range(heading, BREAKDOWN.label_col, heading, BREAKDOWN.last_col, "", &styles.heading)?;
    sheet.write_formula_with_format(
        heading,
        BREAKDOWN.label_col,
        text_formula(formula, &placed.heading),
        &styles.heading,
    )?;
    set_height(sheet, heading, placed.heading_height)?;

    for (offset, text) in BREAKDOWN.header.iter().enumerate() {
        sheet.write_string_with_format(block.header_row, BREAKDOWN.label_col + offset as u16, *text, &styles.header)?;
    }

    // T3: in her 認定審査 年度 after the course only the items of the 認定 count. What was entered for the others
    // is shown as entered (and read back so), marked, and left out of the 合計 as the 算定 leaves it out of A.
    let exam_year_only = trainee.is_exam_year_after_course(context.case.fiscal_year);
    let mut summed_rows = Vec::new();
    for ((item, rule), &r) in row.items.iter().zip(&context.rules.items).zip(&block.item_rows) {
        let at = |col: u16| Cell::new(r, col).a1();
        let excluded = exam_year_only && !rule.after_course;
        if !excluded {
            summed_rows.push(r);
        }
        let label = if rule.monthly {
            (BREAKDOWN.salary_label)(&item.label, trainee.salary_kind.label())
        } else {
            item.label.clone()
        };
        sheet.write_string_with_format(r, BREAKDOWN.label_col, &label, &styles.cell)?;
        match block.months_total_row.filter(|_| rule.monthly) {
            // Given month by month: the row is the 合計 of the monthly table below.
            Some(total) => {
                let formula = format!("={}", Cell::new(total, BREAKDOWN.amount_col).a1());
                sheet.write_formula_with_format(
                    r,
                    BREAKDOWN.amount_col,
                    amount_formula(formula, item.amount),
                    &styles.amount,
                )?;
            }
            None => {
                let entered =
                    if excluded { trainee.cost(CostItem::Item(rule.id)).unwrap_or(item.amount) } else { item.amount };
                sheet.write_number_with_format(r, BREAKDOWN.amount_col, entered.get() as f64, &styles.input_amount)?;
            }
        }
        match item.standard {
            Some(standard) => {
                sheet.write_number_with_format(r, BREAKDOWN.standard_col, standard.get() as f64, &styles.amount)?
            }
            None => sheet.write_blank(r, BREAKDOWN.standard_col, &styles.amount)?,
        };
        if !excluded && rule.counted_when.is_none_or(|flag| trainee.flag(flag)) {
            let formula = match item.standard {
                Some(_) => format!("=MIN({},{})", at(BREAKDOWN.amount_col), at(BREAKDOWN.standard_col)),
                None => format!("={}", at(BREAKDOWN.amount_col)),
            };
            sheet.write_formula_with_format(
                r,
                BREAKDOWN.selected_col,
                amount_formula(formula, item.selected),
                &styles.amount,
            )?;
        } else {
            sheet.write_number_with_format(r, BREAKDOWN.selected_col, item.selected.get() as f64, &styles.amount)?;
        }
        let note = if excluded { BREAKDOWN.exam_year_note } else { item.note.as_deref().unwrap_or("") };
        write_note(sheet, context, r, note)?;
    }
    summed_rows.push(block.other_costs_row);

    let r = block.other_costs_row;
    sheet.write_string_with_format(r, BREAKDOWN.label_col, BREAKDOWN.other_costs_label, &styles.cell)?;
    sheet.write_number_with_format(r, BREAKDOWN.amount_col, trainee.other_costs.get() as f64, &styles.input_amount)?;
    sheet.write_blank(r, BREAKDOWN.standard_col, &styles.amount)?;
    sheet.write_blank(r, BREAKDOWN.selected_col, &styles.amount)?;
    write_note(sheet, context, r, BREAKDOWN.other_costs_note)?;

    let r = block.total_row;
    let first = block.item_rows.first().copied().unwrap_or(block.other_costs_row);
    sheet.write_string_with_format(r, BREAKDOWN.label_col, BREAKDOWN.total_label, &styles.cell_center)?;
    let sum = |col: u16| {
        if summed_rows.len() as u32 == block.other_costs_row - first + 1 {
            format!("=SUM({}:{})", Cell::new(first, col).a1(), Cell::new(block.other_costs_row, col).a1())
        } else {
            let cells: Vec<String> = summed_rows.iter().map(|&row| Cell::new(row, col).a1()).collect();
            format!("=SUM({})", cells.join(","))
        }
    };
    sheet.write_formula_with_format(
        r,
        BREAKDOWN.amount_col,
        amount_formula(sum(BREAKDOWN.amount_col), row.total_cost),
        &styles.amount,
    )?;
    sheet.write_blank(r, BREAKDOWN.standard_col, &styles.amount)?;
    let selected: Yen = row.items.iter().map(|item| item.selected).sum();
    sheet.write_formula_with_format(
        r,
        BREAKDOWN.selected_col,
        amount_formula(sum(BREAKDOWN.selected_col), selected),
        &styles.amount,
    )?;
    sheet.write_blank(r, BREAKDOWN.note_col, &styles.cell)?;

    write_standard_used(sheet, context, trainee, row, placed)?;
    if let Some(header) = block.months_header_row {
        write_months(sheet, context, placed, header)?;
    }
    Ok(())
}

/// The 基準額 used so far: what earlier 年度 selected (filled in, read back), this 年度's 選定額 (別紙2's F) and
/// what is left of the 基準額 over all 年度; then the once-only items claimed before.
fn write_standard_used(
    sheet: &mut Worksheet,
    context: &Context,
    trainee: &Trainee,
    row: &RowCalculation,
    placed: &TraineeFacts,
) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let cap = &placed.block.cap;
    let [label, amount, note] = BREAKDOWN.cap_header;
    sheet.write_string_with_format(cap.header_row, BREAKDOWN.label_col, label, &styles.header)?;
    sheet.write_string_with_format(cap.header_row, BREAKDOWN.amount_col, amount, &styles.header)?;
    sheet.merge_range(
        cap.header_row,
        BREAKDOWN.standard_col,
        cap.header_row,
        BREAKDOWN.note_col,
        note,
        &styles.header,
    )?;
    let line = |sheet: &mut Worksheet, r: u32, (label, note): (&str, &str)| -> Result<(), XlsxError> {
        sheet.write_string_with_format(r, BREAKDOWN.label_col, label, &styles.cell)?;
        sheet.merge_range(r, BREAKDOWN.standard_col, r, BREAKDOWN.note_col, note, &styles.cell)?;
        Ok(())
    };
    let amount_at = |r: u32| Cell::new(r, BREAKDOWN.amount_col).a1();

    if let (Some(r), Some(lifetime)) = (cap.lifetime_row, context.rules.lifetime_standard_per_row) {
        line(sheet, r, BREAKDOWN.cap_lifetime)?;
        sheet.write_number_with_format(r, BREAKDOWN.amount_col, lifetime.get() as f64, &styles.amount)?;
    }
    line(sheet, cap.prior_row, BREAKDOWN.cap_prior)?;
    let prior = trainee.prior_years_standard_used.get() as f64;
    sheet.write_number_with_format(cap.prior_row, BREAKDOWN.amount_col, prior, &styles.input_amount)?;
    if let Some(r) = cap.this_year_row {
        line(sheet, r, BREAKDOWN.cap_this_year)?;
        let selected = layout::sheet_ref(BUDGET.name, Cell::new(placed.budget_row, BUDGET.selected_col));
        let formula = amount_formula(format!("={selected}"), row.selected);
        sheet.write_formula_with_format(r, BREAKDOWN.amount_col, formula, &styles.amount)?;
    }
    if let (Some(r), Some(lifetime_row), Some(this_year_row), Some(left)) =
        (cap.left_row, cap.lifetime_row, cap.this_year_row, row.lifetime_standard_left)
    {
        line(sheet, r, BREAKDOWN.cap_left)?;
        let formula =
            format!("=MAX(0,{}-{}-{})", amount_at(lifetime_row), amount_at(cap.prior_row), amount_at(this_year_row));
        sheet.write_formula_with_format(r, BREAKDOWN.amount_col, amount_formula(formula, left), &styles.amount)?;
    }

    let r = cap.prior_items_row;
    sheet.write_string_with_format(r, BREAKDOWN.label_col, BREAKDOWN.prior_items_label, &styles.cell)?;
    let claimed: Vec<&str> = context
        .rules
        .items
        .iter()
        .filter(|rule| trainee.prior_items.contains(&rule.id))
        .map(|rule| rule.label.as_str())
        .collect();
    let claimed = if claimed.is_empty() { BREAKDOWN.prior_items_none.to_string() } else { claimed.join("・") };
    sheet.merge_range(r, BREAKDOWN.amount_col, r, BREAKDOWN.note_col, &claimed, &styles.cell)?;
    Ok(())
}

/// The 人件費 month by month, in calendar order, each marked 計上 or why not, and their 合計: of the months
/// that count (the 人件費 row above shows it).
fn write_months(sheet: &mut Worksheet, context: &Context, placed: &TraineeFacts, header: u32) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let block = &placed.block;
    let [month_label, amount_label, note_label] = BREAKDOWN.months_header;
    sheet.write_string_with_format(header, BREAKDOWN.label_col, month_label, &styles.header)?;
    sheet.write_string_with_format(header, BREAKDOWN.amount_col, amount_label, &styles.header)?;
    sheet.merge_range(header, BREAKDOWN.standard_col, header, BREAKDOWN.note_col, note_label, &styles.header)?;
    let mut counted_cells = Vec::new();
    let mut counted_total = Yen::ZERO;
    for ((entry, status), &r) in placed.months.iter().zip(&block.month_rows) {
        let date = super::excel_date(entry.month.first_day())?;
        sheet.write_datetime_with_format(r, BREAKDOWN.label_col, &date, &styles.month)?;
        sheet.write_number_with_format(r, BREAKDOWN.amount_col, entry.amount.get() as f64, &styles.input_amount)?;
        let note = match status {
            MonthStatus::Counted => BREAKDOWN.month_counted,
            MonthStatus::OutsideCourse => BREAKDOWN.month_outside_course,
            MonthStatus::OutsideYear => BREAKDOWN.month_outside_year,
        };
        if *status == MonthStatus::Counted {
            counted_cells.push(Cell::new(r, BREAKDOWN.amount_col).a1());
            counted_total += entry.amount;
        }
        sheet.merge_range(r, BREAKDOWN.standard_col, r, BREAKDOWN.note_col, note, &styles.cell)?;
    }
    let Some(r) = block.months_total_row else { return Ok(()) };
    let every_month = counted_cells.len() == placed.months.len();
    let label = if every_month { BREAKDOWN.months_total } else { BREAKDOWN.months_total_counted };
    sheet.write_string_with_format(r, BREAKDOWN.label_col, label, &styles.cell_center)?;
    match (every_month, block.month_rows.first(), block.month_rows.last()) {
        _ if counted_cells.is_empty() => {
            sheet.write_number_with_format(r, BREAKDOWN.amount_col, 0.0, &styles.amount)?
        }
        (true, Some(&first), Some(&last)) => {
            let cells = |row: u32| Cell::new(row, BREAKDOWN.amount_col).a1();
            let formula = amount_formula(format!("=SUM({}:{})", cells(first), cells(last)), counted_total);
            sheet.write_formula_with_format(r, BREAKDOWN.amount_col, formula, &styles.amount)?
        }
        _ => {
            let formula = amount_formula(format!("=SUM({})", counted_cells.join(",")), counted_total);
            sheet.write_formula_with_format(r, BREAKDOWN.amount_col, formula, &styles.amount)?
        }
    };
    sheet.merge_range(r, BREAKDOWN.standard_col, r, BREAKDOWN.note_col, BREAKDOWN.months_total_note, &styles.cell)?;
    Ok(())
}

/// A 備考 of Hojo's own words, on one line where the column holds it (`Facts` made it wide enough for every
/// note of the program), else broken with 禁則 and the row made taller.
fn write_note(sheet: &mut Worksheet, context: &Context, row: u32, note: &str) -> Result<(), XlsxError> {
    let lines = text::wrap(note, context.facts.note_width);
    sheet.write_string_with_format(row, BREAKDOWN.note_col, lines.join("\n"), &context.styles.cell_wrap)?;
    if lines.len() > 1 {
        sheet.set_row_height(row, height_for_lines(lines.len()))?;
    }
    Ok(())
}
