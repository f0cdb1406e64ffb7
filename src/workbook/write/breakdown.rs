//! 別紙3 対象経費の支出予定額内訳: per trainee a block of the program's items (支出予定額 filled in, 基準額 and
//! 備考 from the engine, 選定額 = MIN(支出予定額, 基準額) where the item counts), その他, 合計, and under it the
//! 人件費 month by month when the salary is given that way.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{
    Context, amount_formula, amount_text, fitted_width, formula_string, height_for_lines, set_up_sheet, text_formula,
    usable_width,
};
use crate::calc::{MonthStatus, month_status};
use crate::case::Trainee;
use crate::money::Yen;
use crate::workbook::layout::{self, BREAKDOWN, BreakdownBlock, Cell, ROSTER};
use crate::workbook::text;

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let last_row = context.blocks.last().map_or(BREAKDOWN.first_block_row, |block| block.end_row);
    let mut widths = BREAKDOWN.widths.to_vec();
    let amounts: Vec<String> = context
        .calculation
        .rows
        .iter()
        .flat_map(|row| row.items.iter().flat_map(|item| [item.amount, item.selected]).chain([row.total_cost]))
        .map(amount_text)
        .collect();
    for col in [BREAKDOWN.amount_col, BREAKDOWN.standard_col, BREAKDOWN.selected_col] {
        widths[usize::from(col)] = fitted_width(widths[usize::from(col)], amounts.iter().map(String::as_str), 20.0);
    }
    set_up_sheet(
        sheet,
        context,
        BREAKDOWN.name,
        BREAKDOWN.landscape,
        &widths,
        Cell::new(last_row, BREAKDOWN.last_col + 1),
        BREAKDOWN.draft,
    )?;

    let (cell, label) = BREAKDOWN.sheet_label;
    sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain)?;
    let (cell, label) = BREAKDOWN.title;
    sheet.merge_range(cell.row, cell.col, cell.row, BREAKDOWN.last_col, label, &styles.title)?;
    sheet.set_row_height(cell.row, 24)?;
    super::hospital_name_row(sheet, context, BREAKDOWN.hospital, BREAKDOWN.hospital.0.col + 3, &widths)?;
    let (cell, label) = BREAKDOWN.unit;
    sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain_right)?;

    let note_width = usable_width(widths[usize::from(BREAKDOWN.note_col)]);
    for (index, block) in context.blocks.iter().enumerate() {
        write_block(sheet, context, index, block, note_width)?;
    }
    Ok(())
}

fn write_block(
    sheet: &mut Worksheet,
    context: &Context,
    index: usize,
    block: &BreakdownBlock,
    note_width: usize,
) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let trainee = &context.case.trainees[index];
    let row = &context.calculation.rows[index];

    // 受講者1　看護 花子（緩和ケア認定看護師）, by formula from the 名簿 so a corrected name shows here too.
    let roster_row = ROSTER.first_row + index as u32;
    let name = layout::sheet_ref(ROSTER.name, Cell::new(roster_row, ROSTER.name_col));
    let prefix = format!("{}{}　", BREAKDOWN.heading_prefix, index + 1);
    let qualification = format!("（{}）", super::budget::qualification_label(context, &trainee.qualification));
    let shown = format!("{prefix}{}{qualification}", super::roster::shown_name(context, index));
    let formula = format!("={}&{name}&{}", formula_string(&prefix), formula_string(&qualification));
    sheet.merge_range(
        block.heading_row,
        BREAKDOWN.label_col,
        block.heading_row,
        BREAKDOWN.last_col,
        "",
        &styles.subtitle,
    )?;
    sheet.write_formula_with_format(
        block.heading_row,
        BREAKDOWN.label_col,
        text_formula(formula, &shown),
        &styles.subtitle,
    )?;

    for (offset, text) in BREAKDOWN.header.iter().enumerate() {
        sheet.write_string_with_format(block.header_row, BREAKDOWN.label_col + offset as u16, *text, &styles.header)?;
    }

    let counted_months: Vec<u32> = trainee
        .salary_months
        .iter()
        .zip(&block.month_rows)
        .filter(|(entry, _)| month_status(trainee, context.case.fiscal_year, entry.month) == MonthStatus::Counted)
        .map(|(_, row)| *row)
        .collect();
    for ((item, rule), &r) in row.items.iter().zip(&context.rules.items).zip(&block.item_rows) {
        let at = |col: u16| Cell::new(r, col).a1();
        let label = if rule.monthly {
            (BREAKDOWN.salary_label)(&item.label, trainee.salary_kind.label())
        } else {
            item.label.clone()
        };
        sheet.write_string_with_format(r, BREAKDOWN.label_col, &label, &styles.cell)?;
        if rule.monthly && !trainee.salary_months.is_empty() {
            let cells: Vec<String> =
                counted_months.iter().map(|month_row| Cell::new(*month_row, BREAKDOWN.amount_col).a1()).collect();
            if cells.is_empty() {
                sheet.write_number_with_format(r, BREAKDOWN.amount_col, 0.0, &styles.amount)?;
            } else {
                let formula = format!("=SUM({})", cells.join(","));
                sheet.write_formula_with_format(
                    r,
                    BREAKDOWN.amount_col,
                    amount_formula(formula, item.amount),
                    &styles.amount,
                )?;
            }
        } else {
            sheet.write_number_with_format(r, BREAKDOWN.amount_col, item.amount.get() as f64, &styles.input_amount)?;
        }
        match item.standard {
            Some(standard) => {
                sheet.write_number_with_format(r, BREAKDOWN.standard_col, standard.get() as f64, &styles.amount)?
            }
            None => sheet.write_blank(r, BREAKDOWN.standard_col, &styles.amount)?,
        };
        if rule.counted_when.is_none_or(|flag| trainee.flag(flag)) {
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
        write_note(sheet, context, r, item.note.as_deref().unwrap_or(""), note_width)?;
    }

    let r = block.other_costs_row;
    sheet.write_string_with_format(r, BREAKDOWN.label_col, BREAKDOWN.other_costs_label, &styles.cell)?;
    sheet.write_number_with_format(r, BREAKDOWN.amount_col, trainee.other_costs.get() as f64, &styles.input_amount)?;
    sheet.write_blank(r, BREAKDOWN.standard_col, &styles.amount)?;
    sheet.write_blank(r, BREAKDOWN.selected_col, &styles.amount)?;
    write_note(sheet, context, r, BREAKDOWN.other_costs_note, note_width)?;

    let r = block.total_row;
    let first = block.item_rows.first().copied().unwrap_or(block.other_costs_row);
    sheet.write_string_with_format(r, BREAKDOWN.label_col, BREAKDOWN.total_label, &styles.cell_center)?;
    let sum =
        |col: u16, last_row: u32| format!("=SUM({}:{})", Cell::new(first, col).a1(), Cell::new(last_row, col).a1());
    sheet.write_formula_with_format(
        r,
        BREAKDOWN.amount_col,
        amount_formula(sum(BREAKDOWN.amount_col, block.other_costs_row), row.total_cost),
        &styles.amount,
    )?;
    sheet.write_blank(r, BREAKDOWN.standard_col, &styles.amount)?;
    let selected: Yen = row.items.iter().map(|item| item.selected).sum();
    sheet.write_formula_with_format(
        r,
        BREAKDOWN.selected_col,
        amount_formula(sum(BREAKDOWN.selected_col, block.other_costs_row), selected),
        &styles.amount,
    )?;
    sheet.write_blank(r, BREAKDOWN.note_col, &styles.cell)?;

    if let Some(header) = block.months_header_row {
        write_months(sheet, context, trainee, header, &block.month_rows)?;
    }
    Ok(())
}

fn write_months(
    sheet: &mut Worksheet,
    context: &Context,
    trainee: &Trainee,
    header: u32,
    rows: &[u32],
) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let [month_label, amount_label, note_label] = BREAKDOWN.months_header;
    sheet.write_string_with_format(header, BREAKDOWN.label_col, month_label, &styles.header)?;
    sheet.write_string_with_format(header, BREAKDOWN.amount_col, amount_label, &styles.header)?;
    sheet.merge_range(header, BREAKDOWN.standard_col, header, BREAKDOWN.note_col, note_label, &styles.header)?;
    for (entry, &r) in trainee.salary_months.iter().zip(rows) {
        let first = entry.month.first_day();
        let date = super::roster::excel_date(first)?;
        sheet.write_datetime_with_format(r, BREAKDOWN.label_col, &date, &styles.month)?;
        sheet.write_number_with_format(r, BREAKDOWN.amount_col, entry.amount.get() as f64, &styles.input_amount)?;
        let note = match month_status(trainee, context.case.fiscal_year, entry.month) {
            MonthStatus::Counted => BREAKDOWN.month_counted,
            MonthStatus::OutsideCourse => BREAKDOWN.month_outside_course,
            MonthStatus::OutsideYear => BREAKDOWN.month_outside_year,
        };
        sheet.merge_range(r, BREAKDOWN.standard_col, r, BREAKDOWN.note_col, note, &styles.cell)?;
    }
    Ok(())
}

fn write_note(sheet: &mut Worksheet, context: &Context, row: u32, note: &str, width: usize) -> Result<(), XlsxError> {
    let lines = text::wrap(note, width);
    sheet.write_string_with_format(row, BREAKDOWN.note_col, lines.join("\n"), &context.styles.cell_wrap)?;
    if lines.len() > 1 {
        sheet.set_row_height(row, height_for_lines(lines.len()))?;
    }
    Ok(())
}
