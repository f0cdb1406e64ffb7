//! Reading a hospital-row workbook back: the case from the hidden sheet, checked against the amounts a person
//! could change in Excel (each 経費区分's 支出予定額, その他の経費, the 収入額); one that differs is named with its
//! sheet and cell, so that the correction is made in Hojo.

use super::layout::{BREAKDOWN, BUDGET_NAME, DATA, breakdown_rows};
use crate::case::Case;
use crate::money::Yen;
use crate::program::Program;
use crate::workbook::case_sheet;
use crate::workbook::layout::{BUDGET, Cell};
use crate::workbook::read::cells::Sheet;
use crate::workbook::read::{ImportError, Opened, load};

pub(crate) fn is_hospital_row(names: &[String]) -> bool {
    names.iter().any(|name| name == DATA.name)
}

/// Reads a hospital-row workbook.
///
/// # Errors
/// A sheet missing, the hidden sheet damaged, an amount that differs from the application's own record, or a
/// case that breaks the case rules.
pub(crate) fn read_hospital_row(workbook: &mut Opened, names: &[String]) -> Result<Case, ImportError> {
    let mut sheet = |name: &'static str| -> Result<Sheet, ImportError> {
        if !names.iter().any(|sheet| sheet == name) {
            return Err(ImportError::MissingSheet(name.to_string()));
        }
        load(workbook, name).map(|(cells, uncached)| Sheet::new(name, cells, uncached))
    };
    let case = case_sheet::read(&sheet(DATA.name)?, &DATA)?;
    let breakdown = sheet(BREAKDOWN.name)?;
    let budget = sheet(BUDGET_NAME)?;
    let Ok(rules) = Program::get(&case.program).and_then(|program| program.rules_for(case.fiscal_year)) else {
        return Ok(case);
    };
    let rows = breakdown_rows(rules.items.len());
    let mut expected: Vec<(&Sheet, Cell, String, Yen)> = rules
        .items
        .iter()
        .zip(&rows.items)
        .map(|(rule, row)| {
            let amount = case.costs.get(&rule.id).copied().unwrap_or_default();
            (&breakdown, Cell::new(*row, BREAKDOWN.amount_col), rule.label.clone(), amount)
        })
        .collect();
    expected.push((
        &breakdown,
        Cell::new(rows.other_costs, BREAKDOWN.amount_col),
        "その他の経費".into(),
        case.other_costs,
    ));
    expected.push((
        &budget,
        Cell::new(super::budget::ROW, BUDGET.other_income_col),
        "収入額".into(),
        case.other_income,
    ));
    for (sheet, cell, label, amount) in expected {
        let shown = sheet.amount(cell)?;
        if shown != amount {
            return Err(ImportError::Cell {
                sheet: sheet.name().to_string(),
                cell: cell.a1(),
                message: format!(
                    "{label}が {} に書き換えられています（Hojo の記録では {}）。金額は Hojo で直してから申請書を作り直してください (an amount was changed in the workbook)",
                    shown.format_yen(),
                    amount.format_yen()
                ),
            });
        }
    }
    Ok(case)
}
