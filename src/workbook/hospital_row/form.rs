//! 第1号様式 of a hospital-row program: the application's 交付申請書 (`write::form1`) with this program's
//! addressee, title and 添付書類, the 交付申請額 by formula on 別紙2's total.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Context;
use super::layout::{ATTACHMENTS, BUDGET_NAME};
use crate::workbook::layout::{BUDGET, Cell, FORM1};
use crate::workbook::write::form1;
use crate::workbook::write::letter::{self, Amount};

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let total = letter::formula_on(BUDGET_NAME, Cell::new(super::budget::TOTAL_ROW, BUDGET.subsidy_col));
    let amount = Amount::Formula(total, context.calculation.total);
    let filled = form1::filled(context.case, context.program, amount, ATTACHMENTS);
    letter::write(sheet, &context.styles, context.draft, &FORM1, &filled)
}
