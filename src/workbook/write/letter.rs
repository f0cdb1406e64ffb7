//! The cover letter of a workbook (交付申請書, 実績報告書, 変更交付申請書): one writer for every 様式 of that kind,
//! driven by its `layout::Letter` (where each part goes, the fixed words) and a `Filled` (what this case puts
//! there). The parts, top to bottom: the 様式's number, the date to fill in, the addressee 殿, the applicant
//! (所在地, 名称, 代表者職氏名) as typed, the title, the body, 記, the numbered amounts (金 … 円), a text typed by
//! the hospital (変更の理由), and the 添付書類.

use rust_xlsxwriter::{FormatAlign, Workbook, Worksheet, XlsxError};

use super::{Page, Styles, amount_formula, height_for_lines, set_up_page};
use crate::case::{Case, Hospital};
use crate::money::Yen;
use crate::program::Program;
use crate::workbook::layout::{self, Cell, Letter};
use crate::workbook::text;

/// What one case writes into a letter.
pub struct Filled<'a> {
    /// The program's addressee (東京都知事); the letter adds 殿.
    pub addressee: &'a str,
    /// 所在地, 名称, 代表者職氏名 as typed.
    pub applicant: [Option<&'a str>; 3],
    pub title: String,
    pub body: String,
    /// One per `Letter::amounts`, in their order.
    pub amounts: Vec<Amount>,
    /// The text of the letter's text box (変更の理由); unused by a letter without one.
    pub text: &'a str,
    pub attachments: &'a [&'a str],
}

impl<'a> Filled<'a> {
    /// What every letter of `case` shows: the program's addressee, the hospital as the applicant, the letter's
    /// title for the case's 年度, and `body`; no amounts, text or attachments yet.
    pub fn new(letter: &Letter, program: &'a Program, case: &'a Case, body: String) -> Filled<'a> {
        Filled {
            addressee: &program.addressee,
            applicant: applicant(&case.hospital),
            title: letter.title(&case.fiscal_year.japanese_name(), &program.grant_name),
            body,
            amounts: Vec::new(),
            text: "",
            attachments: &[],
        }
    }
}

/// An amount line's value: a figure as typed (the 通知書's), or a formula cached with the engine's figure.
pub enum Amount {
    Typed(Yen),
    Formula(String, Yen),
}

/// 所在地, 名称, 代表者職氏名 of the hospital, in the applicant block's order.
fn applicant(hospital: &Hospital) -> [Option<&str>; 3] {
    [hospital.address.as_deref(), Some(hospital.name.as_str()), hospital.representative.as_deref()]
}

/// `=` and a cell of another sheet, for an amount taken from there.
pub fn formula_on(sheet: &str, cell: Cell) -> String {
    format!("={}", crate::workbook::layout::sheet_ref(sheet, cell))
}

pub fn write(
    sheet: &mut Worksheet,
    styles: &Styles,
    draft: bool,
    letter: &Letter,
    filled: &Filled,
) -> Result<(), XlsxError> {
    let page = Page {
        name: letter.name,
        landscape: false,
        widths: letter.widths,
        last: letter.print_last,
        draft_cell: letter.draft,
    };
    set_up_page(sheet, styles, draft, &page)?;
    let (cell, label) = letter.form_label;
    sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain)?;
    let date = letter.date;
    sheet.merge_range(
        date.row,
        date.col,
        date.row,
        letter.text_last_col,
        letter.date_placeholder,
        &styles.input_date_plain,
    )?;
    let addressee = format!("{}{}", filled.addressee, letter.addressee_suffix);
    sheet.write_string_with_format(letter.addressee.row, letter.addressee.col, &addressee, &styles.subtitle)?;

    let labels = [letter.address, letter.hospital, letter.representative];
    let rows = [(labels[0], filled.applicant[0]), (labels[1], filled.applicant[1]), (labels[2], filled.applicant[2])];
    let value_col = letter.hospital_value().col;
    applicant_block(sheet, styles, letter.widths, rows, value_col, letter.applicant_last_col)?;

    let place =
        FormText { widths: letter.widths, title: letter.title, body: letter.body, last_col: letter.text_last_col };
    form_text(sheet, styles, &place, &filled.title, letter.title_tail, &filled.body)?;
    let (cell, label) = letter.ki;
    let centered = styles.plain.clone().set_align(FormatAlign::Center);
    sheet.merge_range(cell.row, cell.col, cell.row, letter.text_last_col, label, &centered)?;

    let prefix_format = if letter.yen_prefix_right { &styles.plain_right } else { &styles.plain };
    for (line, value) in letter.amounts.iter().zip(&filled.amounts) {
        let (cell, label) = line.label;
        sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain)?;
        let amount = line.cell;
        sheet.write_string_with_format(amount.row, amount.col - 1, letter.yen_prefix, prefix_format)?;
        sheet.write_string_with_format(amount.row, amount.col + 1, letter.yen_suffix, &styles.plain)?;
        let format = match line.num_format {
            Some(num_format) => styles.amount_strong.clone().set_num_format(num_format),
            None => styles.amount_strong.clone(),
        };
        match value {
            Amount::Typed(yen) => sheet.write_number_with_format(amount.row, amount.col, yen.get() as f64, &format)?,
            Amount::Formula(formula, cached) => {
                let formula = amount_formula(formula.clone(), *cached);
                sheet.write_formula_with_format(amount.row, amount.col, formula, &format)?
            }
        };
    }

    // The text as typed, wrapped over the text's width, in a row as tall as it needs.
    if let Some(text_box) = &letter.text_box {
        let (cell, label) = text_box.label;
        sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain)?;
        let cell = text_box.cell;
        let width: f64 = letter.widths[usize::from(cell.col)..=usize::from(letter.text_last_col)].iter().sum();
        let lines = text::line_count(filled.text, text::line_units(width)).max(text_box.min_lines);
        sheet.merge_range(cell.row, cell.col, cell.row, letter.text_last_col, "", &styles.input_wrap)?;
        sheet.write_string_with_format(cell.row, cell.col, filled.text, &styles.input_wrap)?;
        sheet.set_row_height(cell.row, height_for_lines(lines))?;
    }

    let (cell, label) = letter.attachments_label;
    sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain)?;
    for (index, name) in filled.attachments.iter().enumerate() {
        let cell = letter.attachments.down(index as u32);
        sheet.write_string_with_format(cell.row, cell.col, *name, &styles.plain)?;
    }
    Ok(())
}

/// The defined names on the letter's amounts: `'第1号様式'!$E$19`.
pub fn define_names(workbook: &mut Workbook, letter: &Letter) -> Result<(), XlsxError> {
    for line in letter.amounts {
        workbook.define_name(line.name, &format!("='{}'!{}", letter.name, line.cell.absolute()))?;
    }
    Ok(())
}

/// A 様式's title and body across `first..=last_col` of `widths`: the title set larger than the text (so fewer
/// characters fit on a line) and, too long for one line, broken before `tail` (交付申請書, 実績報告書) rather than
/// inside a word; the body wrapped to the width, indented by a full-width space.
struct FormText<'a> {
    widths: &'a [f64],
    title: Cell,
    body: Cell,
    last_col: u16,
}

fn form_text(
    sheet: &mut Worksheet,
    styles: &Styles,
    place: &FormText,
    title: &str,
    tail: &str,
    body: &str,
) -> Result<(), XlsxError> {
    let width: f64 = place.widths[usize::from(place.title.col)..=usize::from(place.last_col)].iter().sum();
    let title_units = (text::line_units(width) as f64 * layout::FONT_SIZE / layout::LETTER_TITLE_SIZE) as usize;
    let title_lines: Vec<String> = if text::display_width(title) <= title_units {
        vec![title.to_string()]
    } else {
        let head = title.strip_suffix(tail).unwrap_or(title);
        text::wrap(head, title_units).into_iter().chain([tail.to_string()]).collect()
    };
    let title_format = styles.title.clone().set_font_size(layout::LETTER_TITLE_SIZE);
    let (row, col) = (place.title.row, place.title.col);
    sheet.merge_range(row, col, row, place.last_col, &title_lines.join("\n"), &title_format)?;
    sheet.set_row_height(row, height_for_lines(title_lines.len()) * layout::LETTER_TITLE_SIZE / layout::FONT_SIZE)?;
    // Broken between phrases (before 標記補助金, 関係書類…) rather than inside a word (報／告します).
    // The first line indented by a full-width space (a phrase break would drop a leading space).
    let mut body = text::wrap_phrases(body, text::line_units(width).saturating_sub(2), layout::BODY_BREAKS);
    if let Some(first) = body.first_mut() {
        first.insert(0, '　');
    }
    let (row, col) = (place.body.row, place.body.col);
    sheet.merge_range(row, col, row, place.last_col, &body.join("\n"), &styles.note)?;
    sheet.set_row_height(row, height_for_lines(body.len()))?;
    Ok(())
}

/// The applicant block of a 様式 (所在地, 名称, 代表者職氏名): each label, then its value as typed over the merged
/// cells from `value_col` to `last_col`, in a row as tall as the value needs.
fn applicant_block(
    sheet: &mut Worksheet,
    styles: &Styles,
    widths: &[f64],
    rows: [((Cell, &str), Option<&str>); 3],
    value_col: u16,
    last_col: u16,
) -> Result<(), XlsxError> {
    let width: f64 = widths[usize::from(value_col)..=usize::from(last_col)].iter().sum();
    for ((cell, label), value) in rows {
        sheet.write_string_with_format(cell.row, cell.col, label, &styles.plain)?;
        let value = value.unwrap_or("");
        sheet.merge_range(cell.row, value_col, cell.row, last_col, "", &styles.input_plain)?;
        if !value.is_empty() {
            sheet.write_string_with_format(cell.row, value_col, value, &styles.input_plain)?;
        }
        let lines = text::line_count(value, text::line_units(width));
        if lines > 1 {
            sheet.set_row_height(cell.row, height_for_lines(lines))?;
        }
    }
    Ok(())
}
