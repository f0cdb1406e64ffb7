//! 第1号様式: the 交付申請書 itself, a `letter`. The applicant block is filled in (and read back); the amount is a
//! formula on the 所要額調書's total, cached with the engine's 交付申請額.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Context;
use super::letter::{self, Amount, Filled};
use crate::case::Case;
use crate::program::Program;
use crate::workbook::layout::{self, FORM1};

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let total = letter::formula_on(layout::BUDGET.name, context.facts.budget_total_cell());
    let amount = Amount::Formula(total, context.calculation.total);
    let filled = filled(context.case, context.program, amount, layout::FORM1_ATTACHMENTS);
    letter::write(sheet, &context.styles, context.draft, &FORM1, &filled)
}

/// 第1号様式 of `case` (a program's rows trainees or the hospital): the 交付申請額 `amount` and the 添付書類.
pub fn filled<'a>(case: &'a Case, program: &'a Program, amount: Amount, attachments: &'a [&'a str]) -> Filled<'a> {
    let body = layout::form1_body(&case.fiscal_year.japanese_name());
    Filled { amounts: vec![amount], attachments, ..Filled::new(&FORM1, program, case, body) }
}
