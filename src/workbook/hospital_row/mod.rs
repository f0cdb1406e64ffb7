//! The workbook of a program whose row is the hospital itself (kanwa-training): 第1号様式, 別紙1 事業計画書 with
//! each 研修会, 別紙2 所要額調書 (one row, defined names 交付申請額 and 補助所要額合計), 別紙3 支出予定額内訳 by 経費区分
//! with its 積算内訳 — and a hidden sheet holding the case file, so that Hojo reads it back whole. Chosen by the
//! program data (`row_kind = "hospital"`), not by the program's id.

pub(crate) mod breakdown;
mod budget;
mod form;
pub mod layout;
pub(crate) mod plan;
pub(crate) mod read;

use rust_xlsxwriter::{DocProperties, Workbook as XlsxWorkbook, Worksheet, XlsxError};

use super::write::{Page, Styles, set_up_page};
use super::{ExportError, Workbook};
use crate::calc::{Calculation, calculate};
use crate::case::Case;
use crate::eligibility::evaluate;
use crate::program::{Program, Rules};
use crate::review::review_with;

pub(crate) use read::{is_hospital_row, read_hospital_row};

pub struct Context<'a> {
    pub case: &'a Case,
    pub program: &'static Program,
    pub rules: &'static Rules,
    pub calculation: &'a Calculation,
    pub draft: bool,
    pub styles: Styles,
    pub rows: layout::BreakdownRows,
}

impl Context<'_> {
    fn page(&self, sheet: &mut Worksheet, page: &Page) -> Result<(), XlsxError> {
        set_up_page(sheet, &self.styles, self.draft, page)
    }

    fn sheets(&self) -> Sheets<'_> {
        Sheets { case: self.case, program: self.program, rules: self.rules, styles: &self.styles, draft: self.draft }
    }
}

/// What the sheets the application shares with its 実績報告書 (事業計画書／事業実績書, 支出予定額内訳／支出済額内訳)
/// read: the case, its program data, the styles and whether this is a draft.
pub struct Sheets<'a> {
    pub case: &'a Case,
    pub program: &'static Program,
    pub rules: &'static Rules,
    pub styles: &'a Styles,
    pub draft: bool,
}

impl Sheets<'_> {
    fn page(&self, sheet: &mut Worksheet, page: &Page) -> Result<(), XlsxError> {
        set_up_page(sheet, self.styles, self.draft, page)
    }
}

/// Builds the workbook of a hospital-row application (validated and kept by the caller).
pub(super) fn build(
    case: &Case,
    program: &'static Program,
    rules: &'static Rules,
    draft: bool,
) -> Result<Workbook, ExportError> {
    let calculation = calculate(case)?;
    let eligibility = evaluate(case)?;
    let review = review_with(case, Some(&eligibility), Some(&calculation));
    let blocking: Vec<String> = review.errors().map(|finding| finding.message.clone()).collect();
    if !blocking.is_empty() && !draft {
        return Err(ExportError::NotReady(blocking));
    }
    let context = Context {
        case,
        program,
        rules,
        calculation: &calculation,
        draft,
        styles: Styles::new(),
        rows: layout::breakdown_rows(rules.items.len()),
    };
    let bytes = workbook_bytes(&context)?;
    let warnings = calculation
        .rows
        .iter()
        .flat_map(|row| row.warnings.iter().map(move |warning| format!("{}: {warning}", row.name)))
        .collect();
    Ok(Workbook {
        bytes,
        open_points: eligibility.open_points(),
        blocking: if draft { blocking } else { Vec::new() },
        warnings,
    })
}

fn workbook_bytes(context: &Context) -> Result<Vec<u8>, XlsxError> {
    use super::layout::{
        BUDGET, Cell, DEFAULT_COLUMN_PX, DEFAULT_ROW_PX, FORM1, NAME_APPLIED_AMOUNT, NAME_SUBSIDY_TOTAL,
    };
    let mut workbook = XlsxWorkbook::new();
    workbook.set_default_format(&super::write::styles_base(), DEFAULT_ROW_PX, DEFAULT_COLUMN_PX)?;
    let title = super::layout::form1_title(&context.case.fiscal_year.japanese_name(), &context.program.grant_name);
    let properties = DocProperties::new()
        .set_title(title)
        .set_author(&context.case.hospital.name)
        .set_comment("補助金申請アシスタント Hojo で作成");
    workbook.set_properties(&properties);
    form::write(workbook.add_worksheet(), context)?;
    plan::write(workbook.add_worksheet(), &context.sheets(), &layout::PLAN)?;
    budget::write(workbook.add_worksheet(), context)?;
    breakdown::write(workbook.add_worksheet(), &context.sheets(), &context.rows, &layout::BREAKDOWN)?;
    super::case_sheet::write(workbook.add_worksheet(), &context.styles, &layout::DATA, context.case)?;
    workbook.define_name(NAME_APPLIED_AMOUNT, &format!("='{}'!{}", layout::FORM_NAME, FORM1.amount.absolute()))?;
    let total = Cell::new(budget::TOTAL_ROW, BUDGET.subsidy_col);
    workbook.define_name(NAME_SUBSIDY_TOTAL, &format!("='{}'!{}", layout::BUDGET_NAME, total.absolute()))?;
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests;
