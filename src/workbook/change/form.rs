//! 第3号様式: the 変更交付申請書 itself, a `letter`. The applicant as in the application; 1 変更前交付決定額 as the
//! 通知書 says; 2 変更後交付申請額 by formula on 別紙1's total; 3 増減額 by formula; 4 変更の理由 as typed (a
//! fill-in cell, read back); 5 添付書類.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::Context;
use super::layout::{self, DECIDED, FORM, REQUESTED, TABLE};
use crate::era::format_date;
use crate::workbook::write::letter::{self, Amount, Filled};

pub fn write(sheet: &mut Worksheet, context: &Context) -> Result<(), XlsxError> {
    let decided = context.decision.amount;
    let (_, after) = context.totals();
    let requested = letter::formula_on(TABLE.name, context.places.after_total());
    let change = format!("={}-{}", REQUESTED.cell.a1(), DECIDED.cell.a1());
    let body = layout::form_body(&format_date(context.decision.decided_on), &context.decision.number);
    let filled = Filled {
        amounts: vec![
            Amount::Typed(decided),
            Amount::Formula(requested, after),
            Amount::Formula(change, after - decided),
        ],
        text: context.reason,
        attachments: layout::ATTACHMENTS,
        ..Filled::new(&FORM, context.program, context.after, body)
    };
    letter::write(sheet, &context.styles, context.draft, &FORM, &filled)
}
