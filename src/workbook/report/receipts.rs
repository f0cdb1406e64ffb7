//! 別紙3 支出済額内訳: per trainee and item, what was paid — each receipt (番号, 支払年月日, 内容（但し書き）, 支払先,
//! 金額), or each salary month, or the amount as a whole where no receipts were listed — then the item's 計 with
//! its 基準額 and 選定額, and the trainee's 合計 that 別紙2 takes (A) and (F) from.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Context;
use super::layout::RECEIPTS;
use super::places::{Line, Total};
use crate::calc::MonthStatus;
use crate::money::Yen;
use crate::workbook::layout::{BREAKDOWN, Cell, sheet_ref};
use crate::workbook::text;
use crate::workbook::write::{Page, amount_formula, excel_date, height_for_lines, hospital_beside, sheet_heading};

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let places = &context.places;
    let last = Cell::new(places.receipts_last_row, RECEIPTS.last_col + 1);
    let page = Page { name: RECEIPTS.name, landscape: true, widths: RECEIPTS.widths, last, draft_cell: RECEIPTS.draft };
    context.page(sheet, &page)?;
    sheet_heading(sheet, styles, RECEIPTS.sheet_label, RECEIPTS.title, RECEIPTS.last_col)?;
    let source = sheet_ref(super::layout::FORM.name, super::layout::FORM.hospital_value());
    hospital_beside(sheet, styles, RECEIPTS.hospital, source, &context.case.hospital.name)?;
    let (cell, label) = RECEIPTS.unit;
    sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain_right)?;

    let width = |col: u16| text::line_units(RECEIPTS.widths[usize::from(col)]);
    for (index, (trainee, placed)) in context.case.trainees.iter().zip(&places.trainees).enumerate() {
        let qualification = context
            .rules
            .qualification(&trainee.qualification)
            .map_or_else(|| trainee.qualification.clone(), |q| q.label.clone());
        let heading = format!("{}{}　{}（{qualification}）", RECEIPTS.heading_prefix, index + 1, trainee.name);
        let row = placed.receipts_heading_row;
        sheet.merge_range(row, RECEIPTS.number_col, row, RECEIPTS.last_col, &heading, &styles.heading)?;
        for (offset, text) in RECEIPTS.header.iter().enumerate() {
            let col = RECEIPTS.number_col + offset as u16;
            sheet.write_string_with_format(placed.receipts_header_row, col, *text, &styles.header)?;
        }

        let mut number = 0;
        let mut item_totals = Vec::new();
        for item in &placed.items {
            for (row, line) in &item.lines {
                number += 1;
                let r = *row;
                sheet.write_number_with_format(r, RECEIPTS.number_col, f64::from(number), &styles.cell_center)?;
                let (paid_on, description, payee, amount, note) = match *line {
                    Line::Receipt(i) => {
                        let Some(receipt) = trainee.receipts.get(i) else { continue };
                        (
                            Some(receipt.paid_on),
                            receipt.description.clone(),
                            receipt.payee.clone(),
                            receipt.amount,
                            String::new(),
                        )
                    }
                    Line::Month(i, status) => {
                        let Some(entry) = trainee.salary_months.get(i) else { continue };
                        let note = match status {
                            MonthStatus::Counted => BREAKDOWN.month_counted,
                            MonthStatus::OutsideCourse => BREAKDOWN.month_outside_course,
                            MonthStatus::OutsideYear => BREAKDOWN.month_outside_year,
                        };
                        let description = format!("{}　{}分", item.label, entry.month.japanese_name());
                        (None, description, String::new(), entry.amount, note.to_string())
                    }
                    Line::Whole => {
                        let amount = trainee.cost(item.item).unwrap_or_default();
                        (None, format!("{}{}", item.label, RECEIPTS.no_receipts), String::new(), amount, String::new())
                    }
                };
                match paid_on {
                    Some(date) => {
                        sheet.write_date_with_format(r, RECEIPTS.paid_on_col, &excel_date(date)?, &styles.input_date)?
                    }
                    None => sheet.write_blank(r, RECEIPTS.paid_on_col, &styles.cell)?,
                };
                sheet.write_string_with_format(r, RECEIPTS.description_col, &description, &styles.input_row)?;
                sheet.write_string_with_format(r, RECEIPTS.payee_col, &payee, &styles.input_row)?;
                sheet.write_number_with_format(r, RECEIPTS.amount_col, amount.get() as f64, &styles.input_amount)?;
                sheet.write_blank(r, RECEIPTS.standard_col, &styles.cell)?;
                sheet.write_blank(r, RECEIPTS.selected_col, &styles.cell)?;
                sheet.write_string_with_format(r, RECEIPTS.note_col, &note, &styles.cell_wrap)?;
                let lines = [
                    (description.as_str(), RECEIPTS.description_col),
                    (payee.as_str(), RECEIPTS.payee_col),
                    (note.as_str(), RECEIPTS.note_col),
                ]
                .iter()
                .map(|(text, col)| text::line_count(text, width(*col)))
                .max()
                .unwrap_or(1);
                if lines > 1 {
                    sheet.set_row_height(r, height_for_lines(lines))?;
                }
            }
            // The item's 計.
            let r = item.total_row;
            let label = format!("{}{}", item.label, RECEIPTS.item_total_suffix);
            sheet.merge_range(r, RECEIPTS.number_col, r, RECEIPTS.payee_col, &label, &styles.cell)?;
            let amount =
                item.figures.as_ref().map_or_else(|| trainee.cost(item.item).unwrap_or_default(), |f| f.amount);
            match &item.total {
                Total::Sum(rows) => {
                    let cells: Vec<String> = rows.iter().map(|row| Cell::new(*row, RECEIPTS.amount_col).a1()).collect();
                    let formula = format!("=SUM({})", cells.join(","));
                    sheet.write_formula_with_format(
                        r,
                        RECEIPTS.amount_col,
                        amount_formula(formula, amount),
                        &styles.amount,
                    )?;
                }
                Total::Value => {
                    sheet.write_number_with_format(r, RECEIPTS.amount_col, amount.get() as f64, &styles.amount)?;
                }
            }
            match item.figures.as_ref().and_then(|f| f.standard) {
                Some(standard) => {
                    sheet.write_number_with_format(r, RECEIPTS.standard_col, standard.get() as f64, &styles.amount)?
                }
                None => sheet.write_blank(r, RECEIPTS.standard_col, &styles.cell)?,
            };
            // その他（対象外経費） has no 選定額: left blank, not 0.
            let selected = item.figures.as_ref().map_or(Yen::ZERO, |f| f.selected);
            if item.figures.is_some() {
                sheet.write_number_with_format(r, RECEIPTS.selected_col, selected.get() as f64, &styles.amount)?;
            } else {
                sheet.write_blank(r, RECEIPTS.selected_col, &styles.cell)?;
            }
            let note = item_note(item, trainee, context);
            sheet.write_string_with_format(r, RECEIPTS.note_col, &note, &styles.cell_wrap)?;
            if text::line_count(&note, width(RECEIPTS.note_col)) > 1 {
                sheet.set_row_height(r, height_for_lines(text::line_count(&note, width(RECEIPTS.note_col))))?;
            }
            item_totals.push((r, amount, selected));
        }

        // The trainee's 合計: (A) and the sum of the items' 選定額 for 別紙2.
        let r = placed.receipts_total_row;
        sheet.merge_range(
            r,
            RECEIPTS.number_col,
            r,
            RECEIPTS.payee_col,
            RECEIPTS.trainee_total,
            &styles.cell_center,
        )?;
        for (col, sum) in [
            (RECEIPTS.amount_col, item_totals.iter().map(|(_, amount, _)| *amount).sum::<Yen>()),
            (RECEIPTS.selected_col, item_totals.iter().map(|(_, _, selected)| *selected).sum::<Yen>()),
        ] {
            if item_totals.is_empty() {
                sheet.write_number_with_format(r, col, 0.0, &styles.amount)?;
            } else {
                let cells: Vec<String> = item_totals.iter().map(|(row, _, _)| Cell::new(*row, col).a1()).collect();
                let formula = format!("=SUM({})", cells.join(","));
                sheet.write_formula_with_format(r, col, amount_formula(formula, sum), &styles.amount)?;
            }
        }
        sheet.write_blank(r, RECEIPTS.standard_col, &styles.cell)?;
        sheet.write_blank(r, RECEIPTS.note_col, &styles.cell)?;
    }
    Ok(())
}

/// The 備考 of an item's 計: the engine's note (「年度内修了」, 「認定後に計上」…), or why the paid amount is not
/// counted in the 認定審査 年度 after the course.
fn item_note(item: &super::places::ItemPlace, trainee: &crate::case::Trainee, context: &Context) -> String {
    if item.figures.is_none() {
        return BREAKDOWN.other_costs_note.to_string();
    }
    let left_out = item.figures.as_ref().is_some_and(|f| f.amount == Yen::ZERO)
        && trainee.is_exam_year_after_course(context.case.fiscal_year)
        && matches!(item.total, Total::Value);
    if left_out {
        return BREAKDOWN.exam_year_note.to_string();
    }
    // The engine's notes are the application's (「年度内に修了予定」); a report says what happened, in the words
    // of the program data (`report_note_when_counted`).
    let Some(figures) = item.figures.as_ref() else { return String::new() };
    let note = figures.note.clone().unwrap_or_default();
    match context.rules.items.iter().find(|rule| rule.id == figures.item) {
        Some(rule) if rule.note_when_counted.as_deref() == Some(note.as_str()) => {
            rule.report_note_when_counted.clone().unwrap_or(note)
        }
        _ => note,
    }
}
