//! Where everything of a report lies on its sheets, decided once from the case and its 精算 before any sheet is
//! written: the writers and the reader both take their rows from here, so they agree on every cell.

use crate::calc::{Calculation, ItemCalculation, MonthStatus, month_status};
use crate::case::Case;
use crate::program::{CostItem, Program, Rules};
use crate::workbook::layout::Cell;
use crate::workbook::text;
use crate::workbook::write::height_for_lines;

use super::layout::{RECEIPTS, RESULTS, SETTLEMENT};

/// One line of an item on 別紙3.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// A receipt, by its index in the trainee's `receipts`.
    Receipt(usize),
    /// A salary month, by its index in the trainee's `salary_months` (calendar order: the case is normalized).
    Month(usize, MonthStatus),
    /// An amount entered as a whole, without receipts.
    Whole,
}

/// An item's total on 別紙3: the sum of the lines that count, or the engine's amount where the lines do not
/// make it (an item the 認定審査 年度 after the course leaves out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Total {
    Sum(Vec<u32>),
    Value,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemPlace {
    pub item: CostItem,
    pub label: String,
    pub lines: Vec<(u32, Line)>,
    pub total_row: u32,
    pub total: Total,
    /// The engine's figures of the item (none for その他（対象外経費）).
    pub figures: Option<ItemCalculation>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TraineePlace {
    /// 別紙1: the heading row; its rows follow in RESULTS.rows' order.
    pub results_heading_row: u32,
    pub results_outcome_height: f64,
    pub settlement_row: u32,
    pub receipts_heading_row: u32,
    pub receipts_header_row: u32,
    pub items: Vec<ItemPlace>,
    pub receipts_total_row: u32,
    pub roster_row: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Places {
    pub trainees: Vec<TraineePlace>,
    pub settlement_total_row: u32,
    /// The summary under 別紙2: 交付決定額, 精算額合計, 確定額, 受入済額, 差引過(△)不足額.
    pub summary_rows: [u32; 5],
    /// The note under the summary (S above K), when there is one.
    pub note_row: u32,
    pub results_last_row: u32,
    pub receipts_last_row: u32,
}

impl Places {
    pub fn decided(&self) -> Cell {
        Cell::new(self.summary_rows[0], SETTLEMENT.summary_amount_col)
    }
    pub fn settled_total(&self) -> Cell {
        Cell::new(self.summary_rows[1], SETTLEMENT.summary_amount_col)
    }
    pub fn confirmed(&self) -> Cell {
        Cell::new(self.summary_rows[2], SETTLEMENT.summary_amount_col)
    }
    pub fn received(&self) -> Cell {
        Cell::new(self.summary_rows[3], SETTLEMENT.summary_amount_col)
    }
    pub fn difference(&self) -> Cell {
        Cell::new(self.summary_rows[4], SETTLEMENT.summary_amount_col)
    }
}

/// The places of a report case (normalized: months in calendar order) and its 算定 on the actual amounts.
pub fn places(case: &Case, program: &Program, rules: &Rules, calculation: &Calculation) -> Places {
    let outcome_width: f64 =
        RESULTS.widths[usize::from(RESULTS.value_col)..=usize::from(RESULTS.last_col)].iter().sum();
    let mut results_row = RESULTS.first_block_row;
    let mut receipts_row = RECEIPTS.first_block_row;
    let mut trainees = Vec::with_capacity(case.trainees.len());
    for (index, trainee) in case.trainees.iter().enumerate() {
        let results_heading_row = results_row;
        let outcome = trainee.report.outcome.as_deref().unwrap_or("");
        let outcome_lines = text::line_count(outcome, text::line_units(outcome_width)).max(RESULTS.outcome_min_lines);
        results_row += 1 + RESULTS.rows.len() as u32 + 1;

        let receipts_heading_row = receipts_row;
        let receipts_header_row = receipts_row + 1;
        let mut row = receipts_row + 2;
        let figures = calculation.rows.get(index);
        let mut items = Vec::new();
        let shown = rules
            .items
            .iter()
            .map(|rule| (CostItem::Item(rule.id), rule.label.clone(), rule.monthly))
            .chain([(CostItem::OTHER_COSTS, program.other_costs_label.clone(), false)]);
        for (item, label, monthly) in shown {
            let item_figures =
                figures.and_then(|row| row.items.iter().find(|figure| CostItem::Item(figure.item) == item)).cloned();
            let mut lines = Vec::new();
            if monthly && trainee.salary_is_monthly() {
                for (month_index, entry) in trainee.salary_months.iter().enumerate() {
                    lines.push(Line::Month(month_index, month_status(trainee, case.fiscal_year, entry.month)));
                }
            } else {
                lines.extend(
                    trainee
                        .receipts
                        .iter()
                        .enumerate()
                        .filter(|(_, receipt)| receipt.item == item)
                        .map(|(i, _)| Line::Receipt(i)),
                );
                if lines.is_empty() && trainee.cost(item).is_some_and(|amount| amount.get() != 0) {
                    lines.push(Line::Whole);
                }
            }
            if lines.is_empty() {
                continue;
            }
            let placed: Vec<(u32, Line)> =
                lines.into_iter().enumerate().map(|(i, line)| (row + i as u32, line)).collect();
            row += placed.len() as u32;
            let counted_rows: Vec<u32> = placed
                .iter()
                .filter(|(_, line)| !matches!(line, Line::Month(_, status) if *status != MonthStatus::Counted))
                .map(|(r, _)| *r)
                .collect();
            let engine_amount =
                item_figures.as_ref().map_or_else(|| trainee.cost(item).unwrap_or_default(), |f| f.amount);
            let lines_sum = line_sum(trainee, item, &placed);
            let total = if !counted_rows.is_empty() && lines_sum == engine_amount {
                Total::Sum(counted_rows)
            } else {
                Total::Value
            };
            items.push(ItemPlace { item, label, lines: placed, total_row: row, total, figures: item_figures });
            row += 1;
        }
        let receipts_total_row = row;
        receipts_row = row + 2;
        trainees.push(TraineePlace {
            results_heading_row,
            results_outcome_height: height_for_lines(outcome_lines),
            settlement_row: SETTLEMENT.first_row + index as u32,
            receipts_heading_row,
            receipts_header_row,
            items,
            receipts_total_row,
            roster_row: super::layout::ROSTER.first_row + index as u32,
        });
    }
    // A row of 別紙2 per row of the 算定: each trainee, or the hospital.
    let settlement_total_row = SETTLEMENT.first_row + calculation.rows.len() as u32;
    let first = settlement_total_row + 2;
    Places {
        trainees,
        settlement_total_row,
        summary_rows: [first, first + 1, first + 2, first + 3, first + 4],
        note_row: first + 6,
        results_last_row: results_row.max(RESULTS.first_block_row + 1),
        receipts_last_row: receipts_row.max(RECEIPTS.first_block_row + 1),
    }
}

/// The sum of the lines that count: receipts, the months inside the course and the 年度, an amount as a whole.
fn line_sum(trainee: &crate::case::Trainee, item: CostItem, lines: &[(u32, Line)]) -> crate::money::Yen {
    lines
        .iter()
        .map(|(_, line)| match *line {
            Line::Receipt(index) => trainee.receipts.get(index).map(|receipt| receipt.amount).unwrap_or_default(),
            Line::Month(index, MonthStatus::Counted) => {
                trainee.salary_months.get(index).map(|entry| entry.amount).unwrap_or_default()
            }
            Line::Month(..) => crate::money::Yen::ZERO,
            Line::Whole => trainee.cost(item).unwrap_or_default(),
        })
        .sum()
}
