//! 第1号様式: the 交付申請書 itself, a `letter`. The applicant block is filled in (and read back); the amount is a
//! formula on the 所要額調書's total, cached with the engine's 交付申請額.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Context;
use super::letter::{self, Amount, Filled};
use crate::workbook::layout::{self, FORM1};

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let year_name = context.case.fiscal_year.japanese_name();
    let total = letter::formula_on(layout::BUDGET.name, context.facts.budget_total_cell());
    let filled = Filled {
        addressee: &context.program.addressee,
        applicant: letter::applicant(&context.case.hospital),
        title: FORM1.title(&year_name, &context.program.grant_name),
        body: layout::form1_body(&year_name),
        amounts: vec![Amount::Formula(total, context.calculation.total)],
        text: "",
        attachments: layout::FORM1_ATTACHMENTS,
    };
    letter::write(sheet, &context.styles, context.draft, &FORM1, &filled)
}
