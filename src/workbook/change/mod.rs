//! The 変更交付申請書 workbook (settlement.md 「変更交付申請」): when the plan of a decided 年度 changes (a trainee
//! added or withdrawn, costs grown past the decision), the hospital files 第3号様式 with 変更前 (the plan the
//! 交付決定 rests on, and its 交付決定額) and 変更後 (the new plan) side by side, and the reason for the change.
//!
//! Both plans go through `compare::plan_against_actual` — the same 算定 as the application, nothing computed
//! here — and the workbook keeps both case files in hidden sheets, so that Hojo reads the request back whole
//! (`read_change_request`; `workbook::read` gives the 変更後 plan).

mod form;
pub mod layout;
mod read;
mod table;

use std::path::Path;

use rust_xlsxwriter::{DocProperties, Workbook as XlsxWorkbook, Worksheet, XlsxError};

use super::write::{Page, Styles, set_up_page};
use super::{ExportError, ExportOptions, Exported, Workbook, kept};
use crate::case::{Case, Decision, Stage, validate};
use crate::compare::{CompareError, Comparison, plan_against_actual};
use crate::money::Yen;
use crate::program::{Program, Rules};
use crate::review::review;

pub use read::{ChangeRequest, read_change_request};
pub(crate) use read::{is_change_request, read_after};

/// Everything a sheet writer of the 変更交付申請書 reads.
pub struct Context<'a> {
    pub after: &'a Case,
    pub decision: &'a Decision,
    pub reason: &'a str,
    pub program: &'static Program,
    pub rules: &'static Rules,
    pub comparison: &'a Comparison,
    pub draft: bool,
    pub styles: Styles,
    pub places: table::Places,
}

impl Context<'_> {
    fn page(&self, sheet: &mut Worksheet, page: &Page) -> Result<(), XlsxError> {
        set_up_page(sheet, &self.styles, self.draft, page)
    }

    /// Σ I of the 変更前 plan and of the 変更後 plan, row by row as the 対照表 sums them.
    pub fn totals(&self) -> (Yen, Yen) {
        let rows = &self.comparison.rows;
        (rows.iter().map(|row| row.subsidy.planned).sum(), rows.iter().map(|row| row.subsidy.actual).sum())
    }
}

/// Builds the 変更交付申請書 of `after` (the new plan) against `before` (the plan the decision rests on), with the
/// reason for the change. The decision is `after`'s, else `before`'s. A new plan the review finds not ready is
/// refused unless `draft`.
///
/// # Errors
/// Either case is invalid; no decision; no reason; the two are of different programs or 年度, or `after` is a
/// report; the program or 年度 is unknown; the new plan is not ready (and not a draft).
pub fn build_change_request(before: &Case, after: &Case, reason: &str, draft: bool) -> Result<Workbook, ExportError> {
    validate(before).map_err(ExportError::Invalid)?;
    validate(after).map_err(ExportError::Invalid)?;
    if after.stage == Stage::Report || before.stage == Stage::Report {
        return Err(ExportError::Change(
            "変更交付申請書は計画（交付申請）のケースから作ります。実績報告のケースは指定できません (not a plan)"
                .into(),
        ));
    }
    let Some(decision) = after.decision.clone().or_else(|| before.decision.clone()) else {
        return Err(ExportError::NoDecision);
    };
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(ExportError::NoReason);
    }
    let program = Program::get(&after.program)?;
    let rules = program.rules_for(after.fiscal_year)?;
    let (before, mut after) = (kept(before), kept(after));
    after.decision = Some(decision.clone());
    let comparison = plan_against_actual(&before, &after).map_err(|error| match error {
        CompareError::Program(error) => ExportError::Program(error),
        other => ExportError::Change(other.to_string()),
    })?;
    let findings = review(&after);
    let blocking: Vec<String> = findings.errors().map(|finding| finding.message.clone()).collect();
    if !blocking.is_empty() && !draft {
        return Err(ExportError::NotReady(blocking));
    }
    let context = Context {
        after: &after,
        decision: &decision,
        reason,
        program,
        rules,
        comparison: &comparison,
        draft,
        styles: Styles::new(),
        places: table::places(&comparison),
    };
    let bytes = workbook_bytes(&context, &before)?;
    let warnings = findings.warnings().map(|finding| finding.message.clone()).collect();
    Ok(Workbook { bytes, open_points: Vec::new(), blocking: if draft { blocking } else { Vec::new() }, warnings })
}

/// Builds the 変更交付申請書 and writes it to `path` atomically (as `workbook::write`).
///
/// # Errors
/// As [`build_change_request`], and the file exists (without `overwrite`) or cannot be written.
pub fn write_change_request(
    before: &Case,
    after: &Case,
    reason: &str,
    path: &Path,
    options: ExportOptions,
) -> Result<Exported, ExportError> {
    if !options.overwrite && path.exists() {
        return Err(ExportError::Exists(path.to_path_buf()));
    }
    let workbook = build_change_request(before, after, reason, options.draft)?;
    crate::files::write_private(path, &workbook.bytes, options.overwrite)?;
    Ok(Exported {
        path: path.to_path_buf(),
        open_points: workbook.open_points,
        blocking: workbook.blocking,
        warnings: workbook.warnings,
    })
}

fn workbook_bytes(context: &Context, before: &Case) -> Result<Vec<u8>, XlsxError> {
    use super::layout::{Cell, DEFAULT_COLUMN_PX, DEFAULT_ROW_PX, sheet_ref};
    let mut workbook = XlsxWorkbook::new();
    workbook.set_default_format(&super::write::styles_base(), DEFAULT_ROW_PX, DEFAULT_COLUMN_PX)?;
    let title = layout::form_title(&context.after.fiscal_year.japanese_name(), &context.program.grant_name);
    let properties = DocProperties::new()
        .set_title(title)
        .set_author(&context.after.hospital.name)
        .set_comment("補助金申請アシスタント Hojo で作成");
    workbook.set_properties(&properties);
    form::write(workbook.add_worksheet(), context)?;
    table::write(workbook.add_worksheet(), context)?;
    super::case_sheet::write(workbook.add_worksheet(), &context.styles, &layout::AFTER, context.after)?;
    super::case_sheet::write(workbook.add_worksheet(), &context.styles, &layout::BEFORE, before)?;
    let on = |sheet: &str, cell: Cell| format!("={}", sheet_ref(sheet, cell).replace(&cell.a1(), &cell.absolute()));
    let form = &layout::FORM;
    workbook.define_name(layout::NAME_DECIDED_BEFORE, &on(form.name, form.decided))?;
    workbook.define_name(layout::NAME_REQUESTED_AFTER, &on(form.name, form.requested))?;
    workbook.define_name(layout::NAME_CHANGE, &on(form.name, form.change))?;
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests;
