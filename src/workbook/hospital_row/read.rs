//! Reading a hospital-row workbook back: the case from the hidden sheet, checked against the amounts a person
//! could change in Excel (each 経費区分's 支出予定額, その他の経費, the 収入額); one that differs is named with its
//! sheet and cell, so that the correction is made in Hojo.

use super::layout::{BREAKDOWN, BUDGET_NAME, Breakdown, DATA, breakdown_rows};
use crate::case::Case;
use crate::money::Yen;
use crate::program::{Program, Rules};
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
    check_costs(&case, rules, &breakdown, &BREAKDOWN, "申請書")?;
    let income = Cell::new(super::budget::ROW, BUDGET.other_income_col);
    check_amount(&budget, income, "収入額", case.other_income, "申請書")?;
    Ok(case)
}

/// Each 経費区分's amount and その他の経費 on a 内訳 sheet (the application's 支出予定額内訳, the report's 支出済額内訳)
/// are still the case's.
pub(crate) fn check_costs(
    case: &Case,
    rules: &Rules,
    breakdown: &Sheet,
    layout: &Breakdown,
    document: &str,
) -> Result<(), ImportError> {
    let rows = breakdown_rows(rules.items.len());
    for (rule, row) in rules.items.iter().zip(&rows.items) {
        let amount = case.costs.get(&rule.id).copied().unwrap_or_default();
        check_amount(breakdown, Cell::new(*row, layout.amount_col), &rule.label, amount, document)?;
    }
    let other = Cell::new(rows.other_costs, layout.amount_col);
    check_amount(breakdown, other, "その他の経費", case.other_costs, document)
}

/// An amount a person could change in Excel is still what Hojo holds; else the cell is named.
pub(crate) fn check_amount(
    sheet: &Sheet,
    cell: Cell,
    label: &str,
    amount: Yen,
    document: &str,
) -> Result<(), ImportError> {
    let shown = sheet.amount(cell)?;
    if shown == amount {
        return Ok(());
    }
    Err(ImportError::Cell {
        sheet: sheet.name().to_string(),
        cell: cell.a1(),
        message: format!(
            "{label}が {} に書き換えられています（Hojo の記録では {}）。金額は Hojo で直してから{document}を作り直してください (an amount was changed in the workbook)",
            shown.format_yen(),
            amount.format_yen()
        ),
    })
}
