//! The report workbook (実績報告書, spec/workbook.md 「実績報告書」): the 精算 of a 年度 as the hospital files it —
//! 第6号様式 and 別紙1–4 — written from `settle::settle`, with the 様式's arithmetic as formulas cached with the
//! engine's figures, and a hidden sheet holding the report's case file so that Hojo reads it back whole.
//!
//! The sheets follow the program's row kind, as the application's do: a row per trainee (事業実績書, 精算額調書,
//! 支出済額内訳 with each receipt, 受講者名簿), or the hospital as the one row (kanwa-training: the application's
//! 事業計画書 and 支出予定額内訳 written with the report's words, `hospital_row::layout::REPORT_*`). 第6号様式,
//! the 精算額調書 with its summary, the defined names and the hidden sheet are the same for both.
//!
//! Reading back takes the case from the hidden sheet and checks it against what the visible sheets show: an
//! amount changed in Excel (a receipt, the 交付決定額, the 受入済額) is named with its sheet and cell rather than
//! read silently one way or the other (docs/workbook.md).

mod form;
pub mod layout;
mod places;
mod read;
mod receipts;
mod results;
mod roster;
mod settlement;

use rust_xlsxwriter::{DocProperties, Workbook as XlsxWorkbook, Worksheet, XlsxError};

use super::write::{Page, Styles, set_up_page};
use super::{ExportError, Workbook};
use crate::case::{Case, Decision};
use crate::program::{Program, RowKind, Rules};
use crate::review::review;
use crate::settle::{SettleError, Settlement, settle};

pub(crate) use read::is_report;
pub use read::read_report;

/// Everything a sheet writer of the report reads.
pub struct Context<'a> {
    pub case: &'a Case,
    pub decision: &'a Decision,
    pub program: &'static Program,
    pub rules: &'static Rules,
    pub settlement: &'a Settlement,
    pub draft: bool,
    pub styles: Styles,
    pub places: places::Places,
}

impl Context<'_> {
    fn page(&self, sheet: &mut Worksheet, page: &Page) -> Result<(), XlsxError> {
        set_up_page(sheet, &self.styles, self.draft, page)
    }
}

/// Builds the report workbook of a report case (validated and normalized by the caller). A report the review
/// finds not ready (what the 実績報告 needs is missing) is refused unless `draft`.
pub(super) fn build(
    case: &Case,
    program: &'static Program,
    rules: &'static Rules,
    draft: bool,
) -> Result<Workbook, ExportError> {
    let settlement = settle(case).map_err(|error| match error {
        SettleError::Program(error) => ExportError::Program(error),
        SettleError::NotAReport => ExportError::NotAReport,
    })?;
    let Some(decision) = case.decision.as_ref() else { return Err(ExportError::NotAReport) };
    let findings = review(case);
    let blocking: Vec<String> = findings.errors().map(|finding| finding.message.clone()).collect();
    if !blocking.is_empty() && !draft {
        return Err(ExportError::NotReady(blocking));
    }
    let context = Context {
        case,
        decision,
        program,
        rules,
        settlement: &settlement,
        draft,
        styles: Styles::new(),
        places: places::places(case, program, rules, &settlement.calculation),
    };
    let bytes = workbook_bytes(&context)?;
    // The review's warnings already hold the 算定's (with the trainee's name) and the receipts'.
    let mut warnings: Vec<String> = findings.warnings().map(|finding| finding.message.clone()).collect();
    warnings.extend(settlement.exceeds_decision.clone());
    Ok(Workbook { bytes, open_points: Vec::new(), blocking: if draft { blocking } else { Vec::new() }, warnings })
}

fn workbook_bytes(context: &Context) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = XlsxWorkbook::new();
    workbook.set_default_format(
        &super::write::styles_base(),
        super::layout::DEFAULT_ROW_PX,
        super::layout::DEFAULT_COLUMN_PX,
    )?;
    let properties = DocProperties::new()
        .set_title(layout::form_title(&context.case.fiscal_year.japanese_name(), &context.program.grant_name))
        .set_author(&context.case.hospital.name)
        .set_comment("補助金申請アシスタント Hojo で作成");
    workbook.set_properties(&properties);

    form::write(workbook.add_worksheet(), context)?;
    match context.program.row_kind {
        RowKind::Trainee => {
            results::write(workbook.add_worksheet(), context)?;
            settlement::write(workbook.add_worksheet(), context)?;
            receipts::write(workbook.add_worksheet(), context)?;
            roster::write(workbook.add_worksheet(), context)?;
            super::case_sheet::write(workbook.add_worksheet(), &context.styles, &layout::DATA, context.case)?;
        }
        RowKind::Hospital => {
            use super::hospital_row::layout::{REPORT_BREAKDOWN, REPORT_RESULTS, breakdown_rows};
            use super::hospital_row::{Sheets, breakdown, plan};
            let sheets = Sheets {
                case: context.case,
                program: context.program,
                rules: context.rules,
                styles: &context.styles,
                draft: context.draft,
            };
            plan::write(workbook.add_worksheet(), &sheets, &REPORT_RESULTS)?;
            settlement::write(workbook.add_worksheet(), context)?;
            let rows = breakdown_rows(context.rules.items.len());
            breakdown::write(workbook.add_worksheet(), &sheets, &rows, &REPORT_BREAKDOWN)?;
            let data = &layout::HOSPITAL_DATA;
            super::case_sheet::write(workbook.add_worksheet(), &context.styles, data, context.case)?;
        }
    }

    let places = &context.places;
    let on = |sheet: &str, cell: super::layout::Cell| format!("='{sheet}'!{}", cell.absolute());
    workbook.define_name(layout::NAME_DECIDED, &on(layout::FORM.name, layout::FORM.decided))?;
    workbook.define_name(layout::NAME_CONFIRMED, &on(layout::FORM.name, layout::FORM.confirmed))?;
    let total = super::layout::Cell::new(places.settlement_total_row, super::layout::BUDGET.subsidy_col);
    workbook.define_name(layout::NAME_SETTLED_TOTAL, &on(layout::SETTLEMENT.name, total))?;
    workbook.define_name(layout::NAME_DIFFERENCE, &on(layout::SETTLEMENT.name, places.difference()))?;
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests;
