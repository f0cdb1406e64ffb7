//! The application workbook (申請書類一式, .xlsx): writing the 様式 the hospital submits, and reading it back.
//!
//! An adapter over the domain: the figures come from `calc::calculate` and `eligibility::evaluate`, the words
//! and places from `layout` (one module, so Tokyo's official template is a change there only). Writing is
//! atomic; reading refuses damaged or foreign files with the sheet and cell named.
//!
//! ```no_run
//! # fn demo(case: &hojo::case::Case) -> Result<(), hojo::workbook::ExportError> {
//! use hojo::workbook::{ExportOptions, write};
//! let exported = write(case, std::path::Path::new("申請書.xlsx"), ExportOptions::default())?;
//! for point in &exported.open_points {
//!     eprintln!("要確認: {point}");
//! }
//! # Ok(()) }
//! ```

mod case_sheet;
mod change;
mod hidden;
mod hospital_row;
mod kept;
pub mod layout;
mod read;
mod report;
pub mod text;
mod write;

use std::path::{Path, PathBuf};

use crate::calc::calculate;
use crate::case::{Case, CaseError, validate};
use crate::eligibility::evaluate;
use crate::program::{Program, ProgramError, RowKind};
use crate::review::review_with;

pub use change::layout as change_layout;
pub use change::{ChangeRequest, build_change_request, read_change_request, write_change_request};
pub use kept::kept;
pub use read::ImportError;
pub use report::layout as report_layout;

/// Reads a workbook Hojo wrote — an application's or a report's — back into its case.
///
/// # Errors
/// Not an xlsx, damaged, too large once expanded, not written by Hojo, a sheet or cell that
/// does not hold what its place needs; for a report, an amount that differs from the report's own record.
pub fn read(bytes: &[u8]) -> Result<Case, ImportError> {
    read::read_with(bytes, |workbook, names| {
        if change::is_change_request(names) {
            change::read_after(workbook, names)
        } else if report::is_report(names) {
            report::read_report(workbook, names)
        } else if hospital_row::is_hospital_row(names) {
            hospital_row::read_hospital_row(workbook, names)
        } else {
            read::read_application(workbook, names)
        }
    })
}

/// Reads a workbook file (see [`read`]).
///
/// # Errors
/// As [`read`]; also a file that cannot be opened or is too large.
pub fn import(path: &Path) -> Result<Case, ImportError> {
    read(&read::read_file(path)?)
}

/// How to export.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Export even a case that is not ready, with every sheet marked 「下書き」 and what stops it listed.
    pub draft: bool,
    /// Replace an existing file (`--force`).
    pub overwrite: bool,
}

/// A workbook built in memory.
#[derive(Debug, Clone)]
pub struct Workbook {
    pub bytes: Vec<u8>,
    /// The open points (要確認) of the case, also listed on 別紙1.
    pub open_points: Vec<String>,
    /// What stops the application (not met); empty unless this is a draft.
    pub blocking: Vec<String>,
    /// The 算定's warnings, each with the trainee's name (months outside the course, income above the costs…).
    pub warnings: Vec<String>,
}

/// What an export reports besides the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    pub path: PathBuf,
    pub open_points: Vec<String>,
    pub blocking: Vec<String>,
    pub warnings: Vec<String>,
}

/// Why a workbook was not written. Messages are Japanese, then English in brackets.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("ケースの内容に誤りがあります (the case is not valid):\n{0}")]
    Invalid(CaseError),
    #[error("{0}")]
    Program(#[from] ProgramError),
    /// The review found what stops the application (requirements not met, fields not filled): only a draft
    /// can be written. Each line is one finding of `review::review`.
    #[error(
        "まだ申請できる状態ではないため、申請書を作成できませんでした (the application is not ready):\n{}\n直してからもう一度作成するか、下書きとして作成してください",
        .0.iter().map(|line| format!("・{line}")).collect::<Vec<_>>().join("\n")
    )]
    NotReady(Vec<String>),
    #[error("{}: ファイルが既にあります。上書きしていません (the file exists; it was not replaced)", .0.display())]
    Exists(PathBuf),
    #[error("{}: ファイルを書き込めません（{}） (cannot write the file)", path.display(), crate::files::reason(error))]
    Io { path: PathBuf, error: std::io::Error },
    #[error(
        "「{0}」の申請書様式はまだ用意していません（受講者ごとの様式のみ） (no workbook layout for this program yet)"
    )]
    NoLayout(String),
    #[error(
        "実績報告書を作るには交付決定（決定日・文書番号・交付決定額）が必要です。交付決定通知書のとおりに入力してください (a report needs its decision)"
    )]
    NotAReport,
    #[error(
        "変更交付申請書を作るには、変更する交付決定（決定日・文書番号・交付決定額）が必要です。変更後（または変更前）のケースファイルに \"decision\" を交付決定通知書のとおりに書いてください (a change request needs the decision it changes)"
    )]
    NoDecision,
    #[error(
        "変更の理由が空です。なぜ計画を変更するのか（受講者の追加・中途退学、経費の増加など）を書いてください (the reason for the change is empty)"
    )]
    NoReason,
    /// The two plans of a 変更交付申請 do not go together (programs or 年度 differ, a report given).
    #[error("{0}")]
    Change(String),
    #[error("申請書ファイルを作れませんでした（内部エラー）: {0} (the workbook could not be built)")]
    Build(String),
}

impl From<crate::files::WriteError> for ExportError {
    fn from(error: crate::files::WriteError) -> ExportError {
        match error {
            crate::files::WriteError::Exists(path) => ExportError::Exists(path),
            crate::files::WriteError::Io { path, error } => ExportError::Io { path, error },
        }
    }
}

impl From<rust_xlsxwriter::XlsxError> for ExportError {
    fn from(error: rust_xlsxwriter::XlsxError) -> ExportError {
        ExportError::Build(error.to_string())
    }
}

/// Builds the workbook of a case in memory. A case the review finds not ready is refused unless `draft`.
///
/// # Errors
/// The case is invalid, its program or 年度 unknown, or it is not ready to submit (and not a draft).
pub fn build(case: &Case, draft: bool) -> Result<Workbook, ExportError> {
    validate(case).map_err(ExportError::Invalid)?;
    let program = Program::get(&case.program)?;
    let rules = program.rules_for(case.fiscal_year)?;
    // Everything below works on what the workbook keeps: months in calendar order whatever order they were
    // entered in (the sheets, the 算定's messages), and only the 届出 the program's checks name.
    let case = &kept(case);
    // The 様式 follows the program data: a row per trainee (the 様式 of spec/workbook.md) or the hospital as the
    // one row (kanwa-training); its 実績報告書 after the 精算.
    match (program.row_kind, case.stage) {
        // The report chooses its sheets by the row kind itself (it shares 第6号様式 and the 精算額調書).
        (_, crate::case::Stage::Report) => return report::build(case, program, rules, draft),
        (RowKind::Hospital, crate::case::Stage::Application) => {
            return hospital_row::build(case, program, rules, draft);
        }
        (RowKind::Trainee, crate::case::Stage::Application) => {}
    }
    let calculation = calculate(case)?;
    let eligibility = evaluate(case)?;
    // The one meaning of "ready": the review the 書類作成 screen shows.
    let review = review_with(case, Some(&eligibility), Some(&calculation));
    let blocking: Vec<String> = review.errors().map(|finding| finding.message.clone()).collect();
    if !blocking.is_empty() && !draft {
        return Err(ExportError::NotReady(blocking));
    }
    let context = write::Context {
        case,
        program,
        rules,
        calculation: &calculation,
        eligibility: &eligibility,
        draft,
        blocking: blocking.clone(),
        styles: write::Styles::new(),
        facts: write::Facts::new(case, rules, &calculation),
    };
    let bytes = write::workbook_bytes(&context)?;
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

/// Builds the workbook and writes it to `path` atomically: a temporary file in the same folder, then a rename.
/// An existing file is kept unless `options.overwrite`; on any failure no file is left behind.
///
/// # Errors
/// As [`build`], and the file exists (without `overwrite`) or cannot be written.
pub fn write(case: &Case, path: &Path, options: ExportOptions) -> Result<Exported, ExportError> {
    if !options.overwrite && path.exists() {
        return Err(ExportError::Exists(path.to_path_buf()));
    }
    let workbook = build(case, options.draft)?;
    crate::files::write_private(path, &workbook.bytes, options.overwrite)?;
    Ok(Exported {
        path: path.to_path_buf(),
        open_points: workbook.open_points,
        blocking: workbook.blocking,
        warnings: workbook.warnings,
    })
}
