//! 別紙1 変更前後対照表: a block per row of the 算定 — each trainee (受講者1…), or the hospital for a program whose
//! row it is — with each item's amount and the row's (A) (D) (F) (I), 変更前 and 変更後 side by side and the 増減
//! by formula; then the 交付申請額 of both plans (the sum of the blocks' (I)), on which the 申請書's 変更後交付申請額
//! rests. The figures are the engine's (`compare`), so nothing here computes a rule.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Context;
use super::layout::{CHANGE_FORMAT, FORM, TABLE, block_rows};
use crate::compare::{Comparison, Figures, RowPresence};
use crate::money::Yen;
use crate::workbook::layout::{self as common, Cell, sheet_ref};
use crate::workbook::text;
use crate::workbook::write::{amount_formula, height_for_lines, hospital_beside, sheet_heading};

/// Where each block starts and where the totals are, decided before any cell is written.
pub struct Places {
    pub blocks: Vec<u32>,
    pub total_row: u32,
}

impl Places {
    /// The row of a block's (I).
    pub fn subsidy_row(&self, block: usize, items: usize) -> Option<u32> {
        self.blocks.get(block).map(|first| first + 2 + items as u32 + 3)
    }

    /// The cell of the 変更後 交付申請額.
    pub fn after_total(&self) -> Cell {
        Cell::new(self.total_row, TABLE.after_col)
    }
}

pub fn places(comparison: &Comparison) -> Places {
    let mut row = TABLE.first_block_row;
    let mut blocks = Vec::new();
    for compared in &comparison.rows {
        blocks.push(row);
        row += block_rows(compared.items.len());
    }
    // The totals: a heading, the header, the one row.
    Places { blocks, total_row: row + 2 }
}

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let places = &context.places;
    let last = Cell::new(places.total_row + 1, TABLE.last_col + 1);
    let page = crate::workbook::write::Page {
        name: TABLE.name,
        landscape: false,
        widths: TABLE.widths,
        last,
        draft_cell: TABLE.draft,
    };
    context.page(sheet, &page)?;
    sheet_heading(sheet, styles, TABLE.sheet_label, TABLE.title, TABLE.last_col)?;
    let source = sheet_ref(FORM.name, FORM.hospital_value());
    hospital_beside(sheet, styles, TABLE.hospital, source, &context.after.hospital.name)?;
    let (cell, label) = TABLE.unit;
    sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain_right)?;

    let width: f64 = TABLE.widths[usize::from(TABLE.label_col)..=usize::from(TABLE.last_col)].iter().sum();
    let mut trainee_number = 0;
    let mut subsidy_rows = Vec::new();
    for (index, (compared, first)) in context.comparison.rows.iter().zip(&places.blocks).enumerate() {
        let heading = match &compared.qualification {
            Some(id) => {
                trainee_number += 1;
                let qualification = context.rules.qualification(id).map_or(id.as_str(), |found| found.label.as_str());
                format!("{}{trainee_number}　{}（{qualification}）", TABLE.trainee_prefix, compared.name)
            }
            None => format!("{}　{}", TABLE.hospital_prefix, compared.name),
        };
        let lines = text::line_count(&heading, text::line_units(width * common::FONT_SIZE / common::SUBTITLE_SIZE));
        sheet.merge_range(*first, TABLE.label_col, *first, TABLE.last_col, &heading, &styles.heading)?;
        sheet.set_row_height(*first, height_for_lines(lines) * common::SUBTITLE_SIZE / common::FONT_SIZE)?;
        header(sheet, context, first + 1)?;
        let note = match compared.presence {
            RowPresence::Added => Some(TABLE.added),
            RowPresence::Removed => Some(TABLE.removed),
            RowPresence::Both => compared.withdrew.then_some(TABLE.withdrew),
        };
        let mut row = first + 2;
        for item in &compared.items {
            let figures = Figures { planned: item.planned, actual: item.actual, difference: item.difference };
            line(sheet, context, row, &item.label, figures, None)?;
            row += 1;
        }
        let figures = [compared.total_cost, compared.eligible_cost, compared.selected, compared.subsidy];
        for (label, figures) in TABLE.figures.iter().zip(figures) {
            let is_subsidy = Some(row) == places.subsidy_row(index, compared.items.len());
            line(sheet, context, row, label, figures, if is_subsidy { note } else { None })?;
            row += 1;
        }
        subsidy_rows.extend(places.subsidy_row(index, compared.items.len()));
    }

    let heading_row = places.total_row - 2;
    sheet.merge_range(
        heading_row,
        TABLE.label_col,
        heading_row,
        TABLE.last_col,
        TABLE.total_heading,
        &styles.heading,
    )?;
    header(sheet, context, heading_row + 1)?;
    let r = places.total_row;
    let (before, after) = context.totals();
    sheet.write_string_with_format(r, TABLE.label_col, TABLE.total_label, &styles.cell_wrap)?;
    for (col, cached) in [(TABLE.before_col, before), (TABLE.after_col, after)] {
        let sum = if subsidy_rows.is_empty() {
            "=0".to_string()
        } else {
            let cells: Vec<String> = subsidy_rows.iter().map(|row| Cell::new(*row, col).a1()).collect();
            format!("={}", cells.join("+"))
        };
        sheet.write_formula_with_format(r, col, amount_formula(sum, cached), &styles.amount)?;
    }
    difference(sheet, context, r, after - before)?;
    sheet.write_blank(r, TABLE.note_col, &styles.cell)?;
    Ok(())
}

fn header(sheet: &mut Worksheet, context: &Context, row: u32) -> Result<(), XlsxError> {
    for (index, text) in TABLE.headers.iter().enumerate() {
        sheet.write_string_with_format(row, TABLE.label_col + index as u16, *text, &context.styles.header)?;
    }
    Ok(())
}

/// One line: its label, 変更前 and 変更後 as the engine computed them, 増減 by formula, and a 備考.
fn line(
    sheet: &mut Worksheet,
    context: &Context,
    row: u32,
    label: &str,
    figures: Figures,
    note: Option<&str>,
) -> Result<(), XlsxError> {
    let styles = &context.styles;
    sheet.write_string_with_format(row, TABLE.label_col, label, &styles.cell)?;
    sheet.write_number_with_format(row, TABLE.before_col, figures.planned.get() as f64, &styles.amount)?;
    sheet.write_number_with_format(row, TABLE.after_col, figures.actual.get() as f64, &styles.amount)?;
    difference(sheet, context, row, figures.difference)?;
    match note {
        Some(note) => sheet.write_string_with_format(row, TABLE.note_col, note, &styles.cell_center)?,
        None => sheet.write_blank(row, TABLE.note_col, &styles.cell)?,
    };
    Ok(())
}

/// 増減 = 変更後 − 変更前, cached with the engine's difference.
fn difference(sheet: &mut Worksheet, context: &Context, row: u32, cached: Yen) -> Result<(), XlsxError> {
    let formula = format!("={}-{}", Cell::new(row, TABLE.after_col).a1(), Cell::new(row, TABLE.before_col).a1());
    let format = context.styles.amount.clone().set_num_format(CHANGE_FORMAT);
    sheet.write_formula_with_format(row, TABLE.change_col, amount_formula(formula, cached), &format)?;
    Ok(())
}
