//! The cell formats of the workbook, built once from the layout's font and number formats. "input" formats
//! are unlocked: the cells a person may fill in or correct while the sheet is protected.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

use crate::workbook::layout;

pub struct Styles {
    pub plain: Format,
    pub plain_right: Format,
    pub title: Format,
    pub subtitle: Format,
    /// A heading above a table that may take more than one line (受講者1　…).
    pub heading: Format,
    pub draft: Format,
    /// A table cell holding fixed text.
    pub cell: Format,
    pub cell_center: Format,
    pub cell_wrap: Format,
    pub header: Format,
    pub amount: Format,
    pub amount_strong: Format,
    pub month: Format,
    pub input_wrap: Format,
    /// Fill-in text in a table row: wraps, centred vertically like its neighbours.
    pub input_row: Format,
    pub input_amount: Format,
    pub input_beds: Format,
    pub input_date: Format,
    pub input_fiscal_year: Format,
    pub input_date_plain: Format,
    /// Fill-in text without a box (the applicant block of the 申請書).
    pub input_plain: Format,
    pub count: Format,
    pub note: Format,
}

pub fn base() -> Format {
    Format::new()
        .set_font_name(layout::FONT_NAME)
        .set_font_size(layout::FONT_SIZE)
        .set_font_charset(layout::FONT_CHARSET)
        .set_align(FormatAlign::VerticalCenter)
}

fn boxed() -> Format {
    base().set_border(FormatBorder::Thin)
}

impl Styles {
    pub fn new() -> Styles {
        Styles {
            plain: base(),
            plain_right: base().set_align(FormatAlign::Right),
            title: base().set_font_size(14).set_align(FormatAlign::Center).set_text_wrap(),
            subtitle: base().set_font_size(layout::SUBTITLE_SIZE),
            heading: base().set_font_size(layout::SUBTITLE_SIZE).set_text_wrap(),
            draft: base()
                .set_font_size(14)
                .set_bold()
                .set_font_color(Color::RGB(0xC0_00_00))
                .set_align(FormatAlign::Right),
            cell: boxed(),
            cell_center: boxed().set_align(FormatAlign::Center),
            cell_wrap: boxed().set_text_wrap(),
            header: boxed().set_align(FormatAlign::Center).set_text_wrap(),
            amount: boxed().set_num_format(layout::AMOUNT_FORMAT),
            amount_strong: base()
                .set_font_size(12)
                .set_num_format(layout::AMOUNT_FORMAT)
                .set_border_bottom(FormatBorder::Thin),
            month: boxed().set_num_format(layout::MONTH_FORMAT).set_align(FormatAlign::Center),
            input_wrap: boxed().set_text_wrap().set_align(FormatAlign::Top).set_unlocked(),
            input_row: boxed().set_text_wrap().set_unlocked(),
            input_amount: boxed().set_num_format(layout::AMOUNT_FORMAT).set_unlocked(),
            input_beds: boxed().set_num_format(layout::BEDS_FORMAT).set_align(FormatAlign::Left).set_unlocked(),
            input_date: boxed().set_num_format(layout::DATE_FORMAT).set_align(FormatAlign::Center).set_unlocked(),
            input_fiscal_year: boxed()
                .set_num_format(layout::FISCAL_YEAR_FORMAT)
                .set_align(FormatAlign::Center)
                .set_unlocked(),
            input_date_plain: base().set_num_format(layout::DATE_FORMAT).set_align(FormatAlign::Right).set_unlocked(),
            input_plain: base().set_text_wrap().set_unlocked(),
            count: boxed().set_num_format("#,##0\"名\"").set_align(FormatAlign::Left),
            note: base().set_text_wrap().set_align(FormatAlign::Top),
        }
    }
}
