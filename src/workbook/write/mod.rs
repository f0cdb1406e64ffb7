//! Writing the workbook: one file per sheet, each taking its positions and words from `layout` and its figures
//! from the engine's `Calculation` and `Eligibility` (nothing is computed here beside them).

mod breakdown;
mod budget;
mod data;
mod facts;
pub(crate) mod form1;
pub mod letter;
mod plan;
mod roster;
mod styles;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Formula, ProtectionOptions, Workbook, Worksheet, XlsxError};

use super::layout::{self, Cell};
use crate::calc::Calculation;
use crate::case::Case;
use crate::eligibility::Eligibility;
use crate::money::Yen;
use crate::program::{Program, Rules};

pub use budget::{FigureSources, write_figures};
pub use facts::Facts;
pub use styles::Styles;

/// Everything a sheet writer reads.
pub struct Context<'a> {
    /// The case as the workbook keeps it (`kept`): months in calendar order, the 届出 the rules name.
    pub case: &'a Case,
    pub program: &'static Program,
    pub rules: &'static Rules,
    pub calculation: &'a Calculation,
    pub eligibility: &'a Eligibility,
    pub draft: bool,
    /// What stops the application (the review's errors), listed on 別紙1 of a draft.
    pub blocking: Vec<String>,
    pub styles: Styles,
    /// Rows, labels, widths and heights that several sheets share, computed once.
    pub facts: Facts,
}

/// The workbook as bytes.
pub fn workbook_bytes(context: &Context) -> Result<Vec<u8>, XlsxError> {
    let title = layout::FORM1.title(&context.case.fiscal_year.japanese_name(), &context.program.grant_name);
    let mut workbook = new_workbook(title, &context.case.hospital.name)?;

    form1::write(workbook.add_worksheet(), context)?;
    plan::write(workbook.add_worksheet(), context)?;
    budget::write(workbook.add_worksheet(), context)?;
    breakdown::write(workbook.add_worksheet(), context)?;
    roster::write(workbook.add_worksheet(), context)?;
    data::write(workbook.add_worksheet(), context)?;

    letter::define_names(&mut workbook, &layout::FORM1)?;
    let total = context.facts.budget_total_cell();
    workbook.define_name(layout::NAME_SUBSIDY_TOTAL, &format!("='{}'!{}", layout::BUDGET.name, total.absolute()))?;
    workbook.save_to_buffer()
}

/// An empty workbook of Hojo: the Normal style ＭＳ 明朝 10.5pt (so empty cells and row heights match the text),
/// the letter's title and the hospital as its author.
pub fn new_workbook(title: String, author: &str) -> Result<Workbook, XlsxError> {
    let mut workbook = Workbook::new();
    workbook.set_default_format(&styles::base(), layout::DEFAULT_ROW_PX, layout::DEFAULT_COLUMN_PX)?;
    let properties =
        DocProperties::new().set_title(title).set_author(author).set_comment("補助金申請アシスタント Hojo で作成");
    workbook.set_properties(&properties);
    Ok(workbook)
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
    let page = Page { name, landscape, widths, last, draft_cell: draft };
    set_up_page(sheet, &context.styles, context.draft, &page)
}

/// A sheet's page: its name, orientation, column widths, last printed cell and where a draft says so.
pub struct Page<'a> {
    pub name: &'a str,
    pub landscape: bool,
    pub widths: &'a [f64],
    pub last: Cell,
    pub draft_cell: Cell,
}

/// `set_up_sheet` for any workbook of Hojo (the application's, the report's).
pub fn set_up_page(sheet: &mut Worksheet, styles: &Styles, draft: bool, page: &Page) -> Result<(), XlsxError> {
    let Page { name, landscape, widths, last, draft_cell } = *page;
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
    if draft {
        sheet.write_string_with_format(draft_cell.row, draft_cell.col, layout::DRAFT_MARK, &styles.draft)?;
        sheet.set_header(layout::DRAFT_HEADER);
    }
    Ok(())
}

/// 病院名 beside its label, by formula on the 様式's name cell `source` (one place to correct it), over the
/// three cells after the label.
pub fn hospital_beside(
    sheet: &mut Worksheet,
    styles: &Styles,
    label: (Cell, &str),
    source: String,
    name: &str,
) -> Result<(), XlsxError> {
    let (cell, text) = label;
    sheet.write_string_with_format(cell.row, cell.col, text, &styles.cell)?;
    sheet.merge_range(cell.row, cell.col + 1, cell.row, cell.col + 3, "", &styles.cell_wrap)?;
    let formula = format!("={source}&\"\"");
    sheet.write_formula_with_format(cell.row, cell.col + 1, text_formula(formula, name), &styles.cell_wrap)?;
    Ok(())
}

/// A sheet's label (別紙1…) top left and its title centred across the sheet.
pub fn sheet_heading(
    sheet: &mut Worksheet,
    styles: &Styles,
    label: (Cell, &str),
    title: (Cell, &str),
    last_col: u16,
) -> Result<(), XlsxError> {
    let (cell, text) = label;
    sheet.write_string_with_format(cell.row, cell.col, text, &styles.plain)?;
    let (cell, text) = title;
    sheet.merge_range(cell.row, cell.col, cell.row, last_col, text, &styles.title)?;
    sheet.set_row_height(cell.row, 24)?;
    Ok(())
}

/// 病院名 beside its label, by formula from the 申請書 (one place to correct it), over the three columns after
/// the label; a name longer than the cells wraps in a row of the height `Facts` gave it.
pub fn hospital_name_row(
    sheet: &mut Worksheet,
    context: &Context,
    label: (Cell, &str),
    height: Option<f64>,
) -> Result<(), XlsxError> {
    let styles = &context.styles;
    let (cell, text) = label;
    sheet.write_string_with_format(cell.row, cell.col, text, &styles.cell)?;
    sheet.merge_range(cell.row, cell.col + 1, cell.row, cell.col + 3, "", &styles.cell_wrap)?;
    let formula = format!("={}&\"\"", layout::sheet_ref(layout::FORM1.name, layout::FORM1.hospital_value()));
    let name = &context.case.hospital.name;
    sheet.write_formula_with_format(cell.row, cell.col + 1, text_formula(formula, name), &styles.cell_wrap)?;
    set_height(sheet, cell.row, height)
}

/// Gives a row the height decided for it; `None` keeps the default (one line).
pub fn set_height(sheet: &mut Worksheet, row: u32, height: Option<f64>) -> Result<(), XlsxError> {
    if let Some(height) = height {
        sheet.set_row_height(row, height)?;
    }
    Ok(())
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

/// `1,234,567`: how wide an amount prints.
pub fn amount_text(amount: Yen) -> String {
    let text = amount.format_yen();
    text.trim_end_matches('円').to_string()
}

/// A date as rust_xlsxwriter writes it. The export checks beforehand that every date lies in Excel's range
/// (1900–9999), so the error is a defect, not a user's mistake.
pub fn excel_date(date: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(date.year()).map_err(|_| XlsxError::DateTimeRangeError(date.to_string()))?;
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8)
}

#[cfg(test)]
mod tests {
    /// Each sheet writer takes what other sheets need to agree on from `Facts`, never from another writer:
    /// no sheet module names another (they would import each other, as 別紙2 and 別紙4 once did).
    #[test]
    fn no_sheet_writer_asks_another() {
        let sheets = [
            ("form1", include_str!("form1.rs")),
            ("plan", include_str!("plan.rs")),
            ("budget", include_str!("budget.rs")),
            ("breakdown", include_str!("breakdown.rs")),
            ("roster", include_str!("roster.rs")),
            ("data", include_str!("data.rs")),
        ];
        for (name, source) in sheets {
            for (other, _) in sheets.iter().filter(|(other, _)| *other != name) {
                for path in [format!("super::{other}::"), format!("super::{other};")] {
                    assert!(!source.contains(&path), "{name}.rs uses {other}.rs ({path})");
                }
            }
        }
    }
}
