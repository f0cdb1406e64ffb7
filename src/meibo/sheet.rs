//! A sheet's cells, in the order of the sheet, as either reader hands them over (calamine's cell reader in
//! `calamine.rs`, the byte scanner in `fast.rs`): the rows above the data are kept as text until one of them is a
//! known header (and the stamp above it is noted); below it, only the cells of the mapped columns are kept, one
//! row at a time, and each row goes to the fold (`fold.rs`).

use std::borrow::Cow;

use super::fold::{Builder, Values};
use super::layout::{self, Field, HeaderMatch, Layout};
use super::{Meibo, MeiboError};

/// The 名簿 of the first sheet that has one, or the nearest refusal: another layout before no header at all.
pub(super) fn conclude(outcomes: Vec<SheetOutcome>) -> Result<Meibo, MeiboError> {
    let mut nearest: Option<MeiboError> = None;
    for outcome in outcomes {
        match outcome {
            SheetOutcome::Read(meibo) => return Ok(*meibo),
            SheetOutcome::OtherLayout(error) => nearest = nearest.or(Some(error)),
            SheetOutcome::NoHeader => {}
        }
    }
    let expected = layout::all()
        .iter()
        .map(|layout| Field::ALL.iter().map(|f| layout.columns.label(*f)).collect::<Vec<_>>().join("・"))
        .collect::<Vec<_>>()
        .join(" または ");
    Err(nearest.unwrap_or(MeiboError::NotMeibo { expected }))
}

pub(super) enum SheetOutcome {
    Read(Box<Meibo>),
    /// A 名簿-like header that is not a layout this reader knows.
    OtherLayout(MeiboError),
    NoHeader,
}

/// Folds a sheet's cells, in the order of the sheet, into a 名簿: first the rows above the header (kept as text,
/// for the stamp and the header), then the data rows (only the cells of the mapped columns, one row at a time).
pub(super) struct SheetFolder<'a> {
    sheet: String,
    stage: Stage<'a>,
}

enum Stage<'a> {
    Searching {
        row: Option<u32>,
        cells: Vec<(u32, String)>,
        stamp: Option<String>,
        other_layout: Option<MeiboError>,
    },
    Reading {
        builder: Box<Builder>,
        row: Option<u32>,
        values: Values<'a>,
    },
    /// The header was not found in the rows where it is looked for.
    NotFound(Option<MeiboError>),
}

impl<'a> SheetFolder<'a> {
    pub(super) fn new(sheet: &str) -> SheetFolder<'a> {
        SheetFolder {
            sheet: sheet.to_string(),
            stage: Stage::Searching { row: None, cells: Vec::new(), stamp: None, other_layout: None },
        }
    }

    /// Whether the value of a cell in this column is used (every column above the header, the mapped ones below).
    pub(super) fn wants(&self, col: u32) -> bool {
        match &self.stage {
            Stage::Searching { .. } => true,
            Stage::Reading { builder, .. } => builder.field_at(col).is_some(),
            Stage::NotFound(_) => false,
        }
    }

    /// One cell (0-based row and column; `None` for an empty one). `Ok(false)` when the rest of the sheet is not
    /// needed (no header in the rows where it is looked for).
    pub(super) fn cell(&mut self, row: u32, col: u32, value: Option<Cow<'a, str>>) -> Result<bool, MeiboError> {
        // A row above the data ended: is it the header?
        if let Stage::Searching { row: current, cells, stamp, other_layout } = &mut self.stage
            && current.is_some_and(|current| current != row)
        {
            let header_row = current.unwrap_or(0);
            match header_of(layout::all(), cells, header_row, stamp, other_layout) {
                Some((layout, columns, exact, header_row)) => {
                    let builder = Builder::new(layout, columns, exact, header_row, stamp.take(), &self.sheet);
                    self.stage = Stage::Reading { builder: Box::new(builder), row: None, values: Default::default() };
                }
                None => cells.clear(),
            }
        }
        match &mut self.stage {
            Stage::Searching { row: current, cells, other_layout, .. } => {
                let search_rows = layout::all().iter().map(|l| l.header_search_rows).max().unwrap_or(30);
                if row >= search_rows {
                    self.stage = Stage::NotFound(other_layout.take());
                    return Ok(false);
                }
                *current = Some(row);
                if let Some(text) = value {
                    cells.push((col, text.into_owned()));
                }
            }
            Stage::Reading { builder, row: current, values } => {
                if current.is_some_and(|current| current != row) {
                    builder.row(current.unwrap_or(0), values)?;
                }
                *current = Some(row);
                if let Some(field) = builder.field_at(col) {
                    values[field.index()] = value;
                }
            }
            Stage::NotFound(_) => return Ok(false),
        }
        Ok(true)
    }

    pub(super) fn finish(self) -> Result<SheetOutcome, MeiboError> {
        match self.stage {
            Stage::Searching { row: Some(row), cells, mut stamp, mut other_layout } => {
                // The last row of the sheet may be the header, with no rows below it.
                match header_of(layout::all(), &cells, row, &mut stamp, &mut other_layout) {
                    Some((layout, columns, exact, header_row)) => {
                        Builder::new(layout, columns, exact, header_row, stamp, &self.sheet).finish().map(outcome)
                    }
                    None => Ok(other_layout.map_or(SheetOutcome::NoHeader, SheetOutcome::OtherLayout)),
                }
            }
            Stage::Searching { row: None, other_layout, .. } | Stage::NotFound(other_layout) => {
                Ok(other_layout.map_or(SheetOutcome::NoHeader, SheetOutcome::OtherLayout))
            }
            Stage::Reading { mut builder, row, mut values } => {
                if let Some(row) = row {
                    builder.row(row, &mut values)?;
                }
                (*builder).finish().map(outcome)
            }
        }
    }
}

fn outcome(meibo: Meibo) -> SheetOutcome {
    SheetOutcome::Read(Box::new(meibo))
}

type FoundHeader = (&'static Layout, [u32; Field::COUNT], bool, u32);

/// Tests one row above the data: the stamp, a known header, or a header of an unknown layout.
fn header_of(
    layouts: &'static [Layout],
    cells: &[(u32, String)],
    row: u32,
    stamp: &mut Option<String>,
    other_layout: &mut Option<MeiboError>,
) -> Option<FoundHeader> {
    for layout in layouts {
        if stamp.is_none()
            && let Some((_, text)) = cells.iter().find(|(_, text)| text.contains(&layout.stamp_marker))
        {
            *stamp = Some(text.clone());
        }
        match layout.match_header(cells) {
            HeaderMatch::Found { columns, exact } => return Some((layout, columns, exact, row)),
            HeaderMatch::Missing(missing) if other_layout.is_none() && layout::looks_like_meibo_header(cells) => {
                *other_layout = Some(MeiboError::OtherLayout {
                    row: row + 1,
                    missing: missing.join("」「"),
                    publisher: layout.publisher.clone(),
                    expected_title: layout.title.clone(),
                });
            }
            HeaderMatch::Missing(_) => {}
        }
    }
    None
}
