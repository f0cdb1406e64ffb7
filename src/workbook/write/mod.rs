//! Writing the workbook: one file per sheet, each taking its positions and words from `layout` and its figures
//! from the engine's `Calculation` and `Eligibility` (nothing is computed here beside them).

mod breakdown;
mod budget;
mod data;
mod form1;
mod plan;
mod roster;
mod styles;

use rust_xlsxwriter::{DocProperties, Formula, ProtectionOptions, Workbook, Worksheet, XlsxError};

use super::layout::{self, Cell};
use super::text;
use crate::calc::Calculation;
use crate::case::Case;
use crate::eligibility::Eligibility;
use crate::money::Yen;
use crate::program::{Program, Rules};

pub use plan::shown_filing;
pub use styles::Styles;

/// Everything a sheet writer reads.
pub struct Context<'a> {
    pub case: &'a Case,
    pub program: &'static Program,
    pub rules: &'static Rules,
    pub calculation: &'a Calculation,
    pub eligibility: &'a Eligibility,
    pub draft: bool,
    /// What stops the application (the review's errors), listed on 別紙1 of a draft.
    pub blocking: Vec<String>,
    pub styles: Styles,
    pub blocks: Vec<layout::BreakdownBlock>,
    /// Typed texts that were shown with line breaks added: (data-sheet key, the text as typed).
    pub originals: std::cell::RefCell<Vec<(String, String)>>,
}

/// The workbook as bytes.
pub fn workbook_bytes(context: &Context) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    // The Normal style itself is ＭＳ 明朝 10.5pt, so empty cells and row heights match the text.
    workbook.set_default_format(&styles::base(), layout::DEFAULT_ROW_PX, layout::DEFAULT_COLUMN_PX)?;
    let properties = DocProperties::new()
        .set_title(layout::form1_title(&context.case.fiscal_year.japanese_name(), &context.program.grant_name))
        .set_author(&context.case.hospital.name)
        .set_comment("補助金申請アシスタント Hojo で作成");
    workbook.set_properties(&properties);

    form1::write(workbook.add_worksheet(), context)?;
    plan::write(workbook.add_worksheet(), context)?;
    budget::write(workbook.add_worksheet(), context)?;
    breakdown::write(workbook.add_worksheet(), context)?;
    roster::write(workbook.add_worksheet(), context)?;
    data::write(workbook.add_worksheet(), context)?;

    let amount = layout::sheet_ref(layout::FORM1.name, layout::FORM1.amount)
        .replace(&layout::FORM1.amount.a1(), &layout::FORM1.amount.absolute());
    workbook.define_name(layout::NAME_APPLIED_AMOUNT, &format!("={amount}"))?;
    let total = budget::total_cell(context);
    workbook.define_name(layout::NAME_SUBSIDY_TOTAL, &format!("='{}'!{}", layout::BUDGET.name, total.absolute()))?;
    workbook.save_to_buffer()
}

/// Sets what every sheet shares: name, A4, orientation, margins, one page wide, print area, column widths,
/// protection with only the unlocked cells editable, and the draft mark.
pub fn set_up_sheet(
    sheet: &mut Worksheet,
    context: &Context,
    name: &str,
    landscape: bool,
    widths: &[f64],
    last: Cell,
    draft: Cell,
) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    sheet.set_paper_size(layout::PAPER_A4);
    if landscape {
        sheet.set_landscape();
    } else {
        sheet.set_portrait();
    }
    let margin = layout::MARGIN_INCHES;
    sheet.set_margins(margin, margin, margin, margin, margin / 2.0, margin / 2.0);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_print_center_horizontally(true);
    sheet.set_print_area(0, 0, last.row, last.col)?;
    for (col, width) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, *width)?;
    }
    // Users may still widen columns and rows; they may not change the 様式 itself.
    let options = ProtectionOptions { format_columns: true, format_rows: true, ..ProtectionOptions::default() };
    sheet.protect_with_options(&options);
    if context.draft {
        sheet.write_string_with_format(draft.row, draft.col, layout::DRAFT_MARK, &context.styles.draft)?;
        sheet.set_header(layout::DRAFT_HEADER);
    }
    Ok(())
}

/// 病院名 beside its label, by formula from the 申請書 (one place to correct it), over the columns up to
/// `last_col`; a name longer than the cells wraps and the row grows.
pub fn hospital_name_row(
    sheet: &mut Worksheet,
    context: &Context,
    label: (Cell, &str),
    last_col: u16,
    widths: &[f64],
) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let (cell, text) = label;
    sheet.write_string_with_format(cell.row, cell.col, text, &styles.cell)?;
    sheet.merge_range(cell.row, cell.col + 1, cell.row, last_col, "", &styles.cell_wrap)?;
    let formula = format!("={}&\"\"", layout::sheet_ref(layout::FORM1.name, layout::FORM1.hospital));
    let name = form1::shown_applicant(&context.case.hospital.name);
    sheet.write_formula_with_format(cell.row, cell.col + 1, text_formula(formula, &name), &styles.cell_wrap)?;
    let width: f64 = widths[usize::from(cell.col + 1)..=usize::from(last_col)].iter().sum();
    let lines = text::line_count(&name, usable_width(width));
    if lines > 1 {
        sheet.set_row_height(cell.row, height_for_lines(lines))?;
    }
    Ok(())
}

/// Text a person typed, as shown in a cell `width` wide: with Hojo's 禁則 line breaks (a viewer's own wrapping
/// may start a line with 。). Where breaks were added, the text as typed is kept on the data sheet, so reading
/// back gives it unchanged.
pub fn typed_text(context: &Context, sheet: &str, cell: Cell, text: &str, width: f64) -> String {
    let shown = shown(text, width);
    if shown != text {
        context.originals.borrow_mut().push((layout::original_key(sheet, cell), text.to_string()));
    }
    shown
}

/// A text with Hojo's line breaks for a cell `width` wide.
pub fn shown(text: &str, width: f64) -> String {
    text::wrap(text, usable_width(width)).join("\n")
}

/// A formula whose cached result is an amount the engine computed.
pub fn amount_formula(formula: String, cached: Yen) -> Formula {
    Formula::new(formula).set_result(cached.get().to_string())
}

/// A formula whose cached result is text.
pub fn text_formula(formula: String, cached: &str) -> Formula {
    Formula::new(formula).set_result(cached)
}

/// A string literal inside a formula: quotes doubled.
pub fn formula_string(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// Row height in points for a number of lines of wrapped text.
pub fn height_for_lines(lines: usize) -> f64 {
    (lines.max(1) as f64) * layout::LINE_HEIGHT_PT + 4.0
}

/// A column width that shows every text given in full: at least `minimum`, at most `cap` (longer texts wrap).
pub fn fitted_width<'t>(minimum: f64, texts: impl IntoIterator<Item = &'t str>, cap: f64) -> f64 {
    let widest = texts.into_iter().map(text::widest_line).max().unwrap_or(0) as f64;
    (widest + 2.0).clamp(minimum, cap.max(minimum))
}

/// Characters a column of this width holds on one line (half-width units), with a margin so that Excel and
/// LibreOffice, whose metrics differ by a few percent, keep the lines Hojo broke.
pub fn usable_width(width: f64) -> usize {
    (width * 0.94 - 2.0).max(2.0) as usize
}

/// `1,234,567`: how wide an amount prints.
pub fn amount_text(amount: Yen) -> String {
    let text = amount.format_yen();
    text.trim_end_matches('円').to_string()
}
