//! 第6号様式: the 実績報告書 itself, a `letter`. The applicant as in the application; 1 交付決定額 and 2 精算額 (the
//! 確定額) by formula on 別紙2, where the 通知書's figure is typed once and the 確定額 worked out.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Context;
use super::layout::{self, FORM, SETTLEMENT};
use crate::era::format_date;
use crate::workbook::write::letter::{self, Amount, Filled};

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let decided = letter::formula_on(SETTLEMENT.name, context.places.decided());
    let confirmed = letter::formula_on(SETTLEMENT.name, context.places.confirmed());
    let body = layout::form_body(&format_date(context.decision.decided_on), &context.decision.number);
    let filled = Filled {
        amounts: vec![
            Amount::Formula(decided, context.settlement.decided),
            Amount::Formula(confirmed, context.settlement.confirmed),
        ],
        attachments: layout::attachments(context.program.row_kind),
        ..Filled::new(&FORM, context.program, context.case, body)
    };
    letter::write(sheet, &context.styles, context.draft, &FORM, &filled)
}
