//! What a viewer of an exported workbook sees, without a spreadsheet program: each sheet's cells (the cached
//! results of formulas included) with calamine, and from the sheet XML the formulas, column widths, row heights
//! and merged ranges that decide how a text prints.

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::xlsx_edit::parts;

/// One sheet as exported.
pub struct SheetView {
    pub name: String,
    /// (row, col) 0-based → value (a formula's cached result).
    pub cells: HashMap<(u32, u32), Data>,
    /// (row, col) → formula text, without the leading `=`.
    pub formulas: HashMap<(u32, u32), String>,
    xml: String,
}

/// Every sheet of a workbook, in order, the hidden data sheet included.
pub fn sheets(bytes: &[u8]) -> Vec<SheetView> {
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let all_parts = parts(bytes);
    workbook
        .sheet_names()
        .into_iter()
        .enumerate()
        .map(|(index, name)| {
            let range = workbook.worksheet_range(&name).unwrap();
            let (top, left) = range.start().unwrap_or((0, 0));
            let cells = range
                .used_cells()
                .map(|(row, col, value)| ((row as u32 + top, col as u32 + left), value.clone()))
                .collect();
            let formula_range = workbook.worksheet_formula(&name).unwrap();
            let (top, left) = formula_range.start().unwrap_or((0, 0));
            let formulas = formula_range
                .used_cells()
                .filter(|(_, _, formula)| !formula.is_empty())
                .map(|(row, col, formula)| ((row as u32 + top, col as u32 + left), formula.clone()))
                .collect();
            let part = format!("xl/worksheets/sheet{}.xml", index + 1);
            let xml = all_parts.iter().find(|(name, _)| *name == part).map(|(_, bytes)| bytes.clone()).unwrap();
            SheetView { name, cells, formulas, xml: String::from_utf8(xml).unwrap() }
        })
        .collect()
}

/// The sheet of that name.
pub fn sheet<'a>(sheets: &'a [SheetView], name: &str) -> &'a SheetView {
    sheets.iter().find(|sheet| sheet.name == name).unwrap_or_else(|| panic!("no sheet {name}"))
}

impl SheetView {
    pub fn value(&self, row: u32, col: u32) -> Data {
        self.cells.get(&(row, col)).cloned().unwrap_or(Data::Empty)
    }

    pub fn text(&self, row: u32, col: u32) -> String {
        match self.value(row, col) {
            Data::String(text) => text,
            Data::Empty => String::new(),
            other => other.to_string(),
        }
    }

    /// The first cell whose text is exactly `text`.
    pub fn find(&self, text: &str) -> Option<(u32, u32)> {
        let mut found: Vec<(u32, u32)> = self
            .cells
            .iter()
            .filter(|(_, value)| matches!(value, Data::String(shown) if shown == text))
            .map(|(at, _)| *at)
            .collect();
        found.sort();
        found.first().copied()
    }

    /// Every text cell, sorted by position.
    pub fn texts(&self) -> Vec<((u32, u32), String)> {
        let mut texts: Vec<_> = self
            .cells
            .iter()
            .filter_map(|(at, value)| match value {
                Data::String(text) => Some((*at, text.clone())),
                _ => None,
            })
            .collect();
        texts.sort();
        texts
    }

    /// A column's width in characters as set by Hojo (the file stores it with Excel's 5-pixel padding added).
    pub fn col_width(&self, col: u32) -> f64 {
        let number = col + 1;
        for element in self.xml.split("<col ").skip(1) {
            let element = format!(" {}", &element[..element.find('>').unwrap_or(element.len())]);
            let attribute = |name: &str| -> Option<f64> {
                let start = element.find(&format!(" {name}=\""))? + name.len() + 3;
                element[start..].split('"').next()?.parse().ok()
            };
            let (Some(min), Some(max), Some(width)) = (attribute("min"), attribute("max"), attribute("width")) else {
                continue;
            };
            if (min as u32..=max as u32).contains(&number) {
                return width - 5.0 / 7.0;
            }
        }
        8.43
    }

    /// A row's height in points; the default height (13.5 pt for ＭＳ 明朝 10.5pt) when Hojo set none.
    pub fn row_height(&self, row: u32) -> f64 {
        let tag = format!("<row r=\"{}\"", row + 1);
        let Some(start) = self.xml.find(&tag) else { return 13.5 };
        let element = &self.xml[start..start + self.xml[start..].find('>').unwrap()];
        element
            .split(" ht=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|height| height.parse().ok())
            .unwrap_or(13.5)
    }

    /// The columns a cell spans: its merged range, or itself.
    pub fn span(&self, row: u32, col: u32) -> (u32, u32) {
        for element in self.xml.split("<mergeCell ref=\"").skip(1) {
            let range = element.split('"').next().unwrap();
            let (first, last) = range.split_once(':').unwrap();
            let (first_row, first_col) = position(first);
            let (last_row, last_col) = position(last);
            if (first_row..=last_row).contains(&row) && (first_col..=last_col).contains(&col) {
                return (first_col, last_col);
            }
        }
        (col, col)
    }

    /// How wide a cell prints, in characters: the sum of the columns it spans.
    pub fn cell_width(&self, row: u32, col: u32) -> f64 {
        let (first, last) = self.span(row, col);
        (first..=last).map(|col| self.col_width(col)).sum()
    }
}

/// `C12` → (11, 2)
pub fn position(a1: &str) -> (u32, u32) {
    let letters: String = a1.chars().take_while(char::is_ascii_uppercase).collect();
    let col = letters.bytes().fold(0u32, |col, letter| col * 26 + u32::from(letter - b'A' + 1)) - 1;
    let row: u32 = a1[letters.len()..].parse::<u32>().unwrap() - 1;
    (row, col)
}

/// Lines a text takes in a cell that holds `width` half-width characters per line (LibreOffice measured: a
/// column of width w holds w half-width or w/2 full-width characters), given breaks included.
pub fn lines_needed(text: &str, width: f64) -> usize {
    let per_line = width.floor().max(2.0) as usize;
    text.split('\n').map(|line| hojo::workbook::text::display_width(line).div_ceil(per_line).max(1)).sum()
}
