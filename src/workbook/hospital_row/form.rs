//! 第1号様式 of a hospital-row program: the application's 交付申請書 (`layout::FORM1`, a `letter`) with this
//! program's title, addressee and 添付書類, the 交付申請額 by formula on 別紙2's total.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Context;
use super::layout::{ATTACHMENTS, BUDGET_NAME};
use crate::workbook::layout::{self, BUDGET, Cell, FORM1};
use crate::workbook::write::letter::{self, Amount, Filled};

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let year_name = context.case.fiscal_year.japanese_name();
    let total = letter::formula_on(BUDGET_NAME, Cell::new(super::budget::TOTAL_ROW, BUDGET.subsidy_col));
    let filled = Filled {
        addressee: &context.program.addressee,
        applicant: letter::applicant(&context.case.hospital),
        title: FORM1.title(&year_name, &context.program.grant_name),
        body: layout::form1_body(&year_name),
        amounts: vec![Amount::Formula(total, context.calculation.total)],
        text: "",
        attachments: ATTACHMENTS,
    };
    letter::write(sheet, &context.styles, context.draft, &FORM1, &filled)
}
