//! 別紙2 精算額調書: the 所要額調書's table on what was paid — one row per trainee (or the hospital), A–I, the 合計 (defined name
//! 精算額合計 on the total of (I)) — and under it 交付決定額, 確定額 = MIN(精算額合計, 交付決定額), 受入済額 and
//! 差引過(△)不足額 = 受入済額 − 確定額 (defined name 差引過不足額). (A) and (F) take their sums from the
//! trainee's block on 別紙3 (the hospital's: (A) and (D) from the 支出済額内訳), as in the application.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Context;
use super::layout::{RECEIPTS, ROSTER, SETTLEMENT};
use crate::money::Yen;
use crate::program::RowKind;
use crate::workbook::layout::{BUDGET, Cell, sheet_ref};
use crate::workbook::text;
use crate::workbook::write::{
    FigureSources, Page, amount_formula, formula_string, height_for_lines, hospital_beside, text_formula, write_figures,
};

/// △ before a negative amount, as 精算 forms print it.
const SIGNED_FORMAT: &str = "#,##0;\"△\"#,##0";

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let places = &context.places;
    let settlement = context.settlement;
    let rows = &settlement.calculation.rows;
    let total_row = places.settlement_total_row;
    let last = Cell::new(places.note_row + 1, BUDGET.last_col + 1);
    let page =
        Page { name: SETTLEMENT.name, landscape: true, widths: BUDGET.widths, last, draft_cell: SETTLEMENT.draft };
    context.page(sheet, &page)?;

    let (cell, label) = SETTLEMENT.sheet_label;
    sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain)?;
    let title = super::layout::settlement_title(&context.case.fiscal_year.japanese_name(), &context.program.name);
    sheet.merge_range(
        SETTLEMENT.title.row,
        SETTLEMENT.title.col,
        SETTLEMENT.title.row,
        BUDGET.last_col,
        &title,
        &styles.title,
    )?;
    sheet.set_row_height(SETTLEMENT.title.row, 24)?;
    let source = sheet_ref(super::layout::FORM.name, super::layout::FORM.hospital_value());
    hospital_beside(sheet, styles, SETTLEMENT.hospital, source, &context.case.hospital.name)?;
    let (cell, label) = SETTLEMENT.unit;
    sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain_right)?;

    let headers: Vec<&str> = match context.program.row_kind {
        RowKind::Trainee => SETTLEMENT.headers.to_vec(),
        RowKind::Hospital => SETTLEMENT.hospital_headers.iter().chain(&SETTLEMENT.headers[2..]).copied().collect(),
    };
    for (index, text) in headers.iter().enumerate() {
        sheet.write_string_with_format(SETTLEMENT.header_row, BUDGET.name_col + index as u16, *text, &styles.header)?;
    }
    sheet.set_row_height(SETTLEMENT.header_row, height_for_lines(4))?;

    for (index, row) in rows.iter().enumerate() {
        let Some(line) = line(context, index) else { continue };
        let r = SETTLEMENT.first_row + index as u32;
        sheet.write_formula_with_format(r, BUDGET.name_col, text_formula(line.name, &row.name), &styles.cell_wrap)?;
        sheet.write_string_with_format(r, BUDGET.qualification_col, &line.subject, &styles.cell_wrap)?;
        // As tall as the name or the subject needs (a hospital's name is long), at least two lines.
        let width = |col: u16| text::line_units(BUDGET.widths[usize::from(col)]);
        let lines = text::line_count(&row.name, width(BUDGET.name_col))
            .max(text::line_count(&line.subject, width(BUDGET.qualification_col)))
            .max(2);
        sheet.set_row_height(r, height_for_lines(lines))?;
        write_figures(sheet, styles, context.rules, r, row, &line.sources)?;
    }

    // The 合計: each column's sum; (I)'s is S 精算額合計, of the eligible rows (a 対象外 trainee's I is shown
    // in her row but not added, as in the application).
    sheet.merge_range(
        total_row,
        BUDGET.name_col,
        total_row,
        BUDGET.qualification_col,
        BUDGET.total_label,
        &styles.cell_center,
    )?;
    let sums: [(u16, Yen); 7] = [
        (BUDGET.total_cost_col, rows.iter().map(|r| r.total_cost).sum()),
        (BUDGET.other_income_col, rows.iter().map(|r| r.other_income).sum()),
        (BUDGET.net_cost_col, rows.iter().map(|r| r.net_cost).sum()),
        (BUDGET.eligible_col, rows.iter().map(|r| r.eligible_cost).sum()),
        (BUDGET.standard_col, rows.iter().map(|r| r.standard).sum()),
        (BUDGET.selected_col, rows.iter().map(|r| r.selected).sum()),
        (BUDGET.base_col, rows.iter().map(|r| r.base).sum()),
    ];
    for (col, sum) in sums {
        write_sum(sheet, context, total_row, col, None, sum)?;
    }
    let excluded: Vec<u32> = settlement
        .excluded
        .iter()
        .filter(|row| row.index < rows.len())
        .map(|row| SETTLEMENT.first_row + row.index as u32)
        .collect();
    write_sum(sheet, context, total_row, BUDGET.subsidy_col, Some(&excluded), settlement.total)?;
    sheet.write_blank(total_row, BUDGET.rate_col, &styles.cell)?;

    // K, S, 確定額, R, 差引過(△)不足額.
    let amount_at = |cell: Cell| cell.a1();
    let decided = places.decided();
    let total = Cell::new(total_row, BUDGET.subsidy_col);
    let signed = styles.amount.clone().set_num_format(SIGNED_FORMAT);
    let summary = [
        (SETTLEMENT.decided, Summary::Typed(settlement.decided)),
        (SETTLEMENT.settled_total, Summary::Formula(format!("={}", total.a1()), settlement.total)),
        (
            SETTLEMENT.confirmed,
            Summary::Formula(
                format!("=MIN({},{})", amount_at(places.settled_total()), amount_at(decided)),
                settlement.confirmed,
            ),
        ),
        (SETTLEMENT.received, Summary::Typed(settlement.received)),
        (
            SETTLEMENT.difference,
            Summary::Formula(
                format!("={}-{}", amount_at(places.received()), amount_at(places.confirmed())),
                settlement.difference,
            ),
        ),
    ];
    for (row, ((label, note), value)) in places.summary_rows.iter().zip(summary) {
        sheet.merge_range(*row, BUDGET.name_col, *row, SETTLEMENT.summary_label_last_col, label, &styles.cell)?;
        let col = SETTLEMENT.summary_amount_col;
        match value {
            Summary::Typed(amount) => {
                sheet.write_number_with_format(*row, col, amount.get() as f64, &styles.input_amount)?
            }
            Summary::Formula(formula, amount) => {
                sheet.write_formula_with_format(*row, col, amount_formula(formula, amount), &signed)?
            }
        };
        let meaning =
            if *row == places.summary_rows[4] { difference_note(settlement.difference, places) } else { None };
        sheet.merge_range(*row, SETTLEMENT.summary_note_col, *row, BUDGET.last_col, "", &styles.cell)?;
        match meaning {
            Some((formula, cached)) => {
                let text = format!("{note}：{cached}");
                let formula = format!("={}&{}", formula_string(&format!("{note}：")), formula.trim_start_matches('='));
                sheet.write_formula_with_format(
                    *row,
                    SETTLEMENT.summary_note_col,
                    text_formula(formula, &text),
                    &styles.cell,
                )?
            }
            None => sheet.write_string_with_format(*row, SETTLEMENT.summary_note_col, note, &styles.cell)?,
        };
    }
    if let Some(text) = &settlement.exceeds_decision {
        sheet.merge_range(places.note_row, BUDGET.name_col, places.note_row, BUDGET.last_col, text, &styles.note)?;
        sheet.set_row_height(places.note_row, height_for_lines(2))?;
    }
    Ok(())
}

/// Where a row of 別紙2 takes its name, subject and sums from, by the program's row kind: a trainee's from the
/// 名簿 and her block on 別紙3; the hospital's from 第6号様式 and the 支出済額内訳's totals (as the application's
/// 所要額調書 of a hospital-row program).
struct Line {
    name: String,
    subject: String,
    sources: FigureSources,
}

fn line(context: &Context, index: usize) -> Option<Line> {
    match context.program.row_kind {
        RowKind::Trainee => {
            let trainee = context.case.trainees.get(index)?;
            let placed = context.places.trainees.get(index)?;
            let name =
                format!("={}&\"\"", sheet_ref(ROSTER.name, Cell::new(placed.roster_row, super::roster::NAME_COL)));
            let subject = context
                .rules
                .qualification(&trainee.qualification)
                .map_or_else(|| trainee.qualification.clone(), |q| q.label.clone());
            let block_total = |col: u16| sheet_ref(RECEIPTS.name, Cell::new(placed.receipts_total_row, col));
            let sources = FigureSources {
                total_cost: block_total(RECEIPTS.amount_col),
                other_income_typed: false,
                eligible_cost: None,
                selected: block_total(RECEIPTS.selected_col),
            };
            Some(Line { name, subject, sources })
        }
        RowKind::Hospital => {
            use crate::workbook::hospital_row::layout::{BUDGET_SUBJECT, REPORT_BREAKDOWN, breakdown_rows};
            let name = format!("={}&\"\"", sheet_ref(super::layout::FORM.name, super::layout::FORM.hospital_value()));
            let rows = breakdown_rows(context.rules.items.len());
            let breakdown = |row: u32| sheet_ref(REPORT_BREAKDOWN.name, Cell::new(row, REPORT_BREAKDOWN.amount_col));
            let r = SETTLEMENT.first_row + index as u32;
            // No item has its own 基準額 here: the items' 選定額 are the 対象経費 (D) itself.
            let sources = FigureSources {
                total_cost: breakdown(rows.total),
                other_income_typed: false,
                eligible_cost: Some(breakdown(rows.eligible_total)),
                selected: Cell::new(r, BUDGET.eligible_col).a1(),
            };
            Some(Line { name, subject: BUDGET_SUBJECT.to_string(), sources })
        }
    }
}

enum Summary {
    /// As the 通知書 or the 都's payment says; unlocked, read back.
    Typed(Yen),
    Formula(String, Yen),
}

/// 差引過(△)不足額's meaning by its sign, as a formula so that a 受入済額 corrected in Excel keeps it right.
fn difference_note(difference: Yen, places: &super::places::Places) -> Option<(String, String)> {
    let cell = places.difference().a1();
    let formula = format!(
        "=IF({cell}>0,{},IF({cell}<0,{},{}))",
        formula_string(SETTLEMENT.to_return),
        formula_string(SETTLEMENT.to_be_paid),
        formula_string(SETTLEMENT.settled)
    );
    let cached = if difference.is_negative() {
        SETTLEMENT.to_be_paid
    } else if difference > Yen::ZERO {
        SETTLEMENT.to_return
    } else {
        SETTLEMENT.settled
    };
    Some((formula, cached.to_string()))
}

/// A column's total: the SUM of the trainee rows, less the rows left out of it (a 対象外 trainee's (I)).
fn write_sum(
    sheet: &mut Worksheet,
    context: &Context,
    total_row: u32,
    col: u16,
    excluded: Option<&[u32]>,
    sum: Yen,
) -> Result<(), XlsxError> {
    let styles = &context.styles;
    if context.settlement.calculation.rows.is_empty() {
        sheet.write_number_with_format(total_row, col, 0.0, &styles.amount)?;
        return Ok(());
    }
    let first = Cell::new(SETTLEMENT.first_row, col).a1();
    let last = Cell::new(total_row - 1, col).a1();
    let mut formula = format!("=SUM({first}:{last})");
    for row in excluded.unwrap_or_default() {
        formula.push_str(&format!("-{}", Cell::new(*row, col).a1()));
    }
    sheet.write_formula_with_format(total_row, col, amount_formula(formula, sum), &styles.amount)?;
    Ok(())
}
