//! Reading a report workbook back: the case from the hidden sheet, checked against what the visible sheets
//! show. Every amount a person may correct in Excel (each receipt's 金額, the 交付決定額, the 受入済額) must
//! still be what the report holds; one that differs is named with its sheet and cell, so that the correction
//! is made in Hojo and nothing is read silently one way or the other.

use super::layout::{DATA, RECEIPTS, SETTLEMENT};
use super::places::{Line, places};
use crate::calc::calculate;
use crate::case::{Case, Stage};
use crate::money::Yen;
use crate::program::{Program, RowKind};
use crate::workbook::case_sheet;
use crate::workbook::layout::Cell;
use crate::workbook::read::cells::Sheet;
use crate::workbook::read::{ImportError, Opened, load};

/// The sheet names are those of a report workbook.
pub(crate) fn is_report(names: &[String]) -> bool {
    names.iter().any(|name| name == DATA.name)
}

/// Reads a report workbook.
///
/// # Errors
/// A sheet missing, the hidden sheet damaged, an amount that differs from the report's own record, or a case
/// that breaks the case rules.
pub fn read_report(workbook: &mut Opened, names: &[String]) -> Result<Case, ImportError> {
    let mut sheet = |name: &'static str| -> Result<Sheet, ImportError> {
        if !names.iter().any(|sheet| sheet == name) {
            return Err(ImportError::MissingSheet(name.to_string()));
        }
        load(workbook, name).map(|(cells, uncached)| Sheet::new(name, cells, uncached))
    };
    let case = case_sheet::read(&sheet(DATA.name)?, &DATA)?;
    if case.stage != Stage::Report {
        return Err(ImportError::Data {
            key: "stage".to_string(),
            message: "実績報告のデータではありません".to_string(),
        });
    }
    let settlement_sheet = sheet(SETTLEMENT.name)?;
    let Ok(program) = Program::get(&case.program) else { return Ok(case) };
    match program.row_kind {
        RowKind::Trainee => {
            let receipts_sheet = sheet(RECEIPTS.name)?;
            check_against_sheets(&case, &settlement_sheet, &receipts_sheet)?;
        }
        RowKind::Hospital => {
            use crate::workbook::hospital_row::layout::REPORT_BREAKDOWN;
            let breakdown = sheet(REPORT_BREAKDOWN.name)?;
            check_summary(&case, &settlement_sheet)?;
            if let Ok(rules) = program.rules_for(case.fiscal_year) {
                crate::workbook::hospital_row::read::check_costs(
                    &case,
                    rules,
                    &breakdown,
                    &REPORT_BREAKDOWN,
                    "実績報告書",
                )?;
            }
        }
    }
    Ok(case)
}

/// The 交付決定額 and the 受入済額 under 別紙2 are still the report's.
fn check_summary(case: &Case, settlement: &Sheet) -> Result<(), ImportError> {
    use crate::workbook::hospital_row::read::check_amount;
    let Ok(program) = Program::get(&case.program) else { return Ok(()) };
    let Ok(rules) = program.rules_for(case.fiscal_year) else { return Ok(()) };
    let Ok(calculation) = calculate(case) else { return Ok(()) };
    let places = places(case, program, rules, &calculation);
    if let Some(decision) = &case.decision {
        check_amount(settlement, places.decided(), "交付決定額", decision.amount, "実績報告書")?;
    }
    check_amount(settlement, places.received(), "受入済額", case.received, "実績報告書")
}

/// Every amount the sheets let a person type is still the report's.
fn check_against_sheets(case: &Case, settlement: &Sheet, receipts: &Sheet) -> Result<(), ImportError> {
    let Ok(program) = Program::get(&case.program) else { return Ok(()) };
    let Ok(rules) = program.rules_for(case.fiscal_year) else { return Ok(()) };
    let Ok(calculation) = calculate(case) else { return Ok(()) };
    let places = places(case, program, rules, &calculation);
    let differs = |sheet: &Sheet, cell: Cell, label: &str, expected: Yen| -> Result<(), ImportError> {
        let shown = sheet.amount(cell)?;
        if shown == expected {
            return Ok(());
        }
        Err(ImportError::Cell {
            sheet: sheet.name().to_string(),
            cell: cell.a1(),
            message: format!(
                "{label}が {} に書き換えられています（Hojo の記録では {}）。金額は Hojo で直してから実績報告書を作り直してください (an amount was changed in the workbook)",
                shown.format_yen(),
                expected.format_yen()
            ),
        })
    };
    if let Some(decision) = &case.decision {
        differs(settlement, places.decided(), "交付決定額", decision.amount)?;
    }
    differs(settlement, places.received(), "受入済額", case.received)?;
    for (trainee, placed) in case.trainees.iter().zip(&places.trainees) {
        for item in &placed.items {
            for (row, line) in &item.lines {
                let expected = match *line {
                    Line::Receipt(index) => trainee.receipts.get(index).map(|receipt| receipt.amount),
                    Line::Month(index, _) => trainee.salary_months.get(index).map(|entry| entry.amount),
                    Line::Whole => trainee.cost(item.item),
                };
                if let Some(expected) = expected {
                    differs(
                        receipts,
                        Cell::new(*row, RECEIPTS.amount_col),
                        &format!("{}の金額", item.label),
                        expected,
                    )?;
                }
            }
        }
    }
    Ok(())
}
