//! 「Excelに書き出す」: the application workbook through the workbook adapter, to the path the save dialog gave.

use std::path::Path;

use hojo::case::Case;
use hojo::workbook::{ExportError, ExportOptions, write};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{AppError, AppResult};

#[derive(Debug, Clone, Serialize, TS)]
pub struct Exported {
    pub path: String,
    /// 要確認 points, also listed in 別紙1.
    pub open_points: Vec<String>,
    /// What stops the application, when written as a 下書き.
    pub blocking: Vec<String>,
}

/// Writes the workbook, replacing the file the user chose in the save dialog (which asked before overwriting).
/// A case that is not eligible is refused unless `draft`: every sheet is then marked 「下書き」.
pub fn export_workbook(case: &Case, path: &Path, draft: bool) -> AppResult<Exported> {
    let exported = write(case, path, ExportOptions { draft, overwrite: true }).map_err(|error| match error {
        ExportError::NotReady(blocking) => AppError::at(
            "review",
            format!(
                "まだ申請できる状態ではないため、申請書として書き出せません。\n{}\n直してから書き出すか、「下書きとして書き出す」を使ってください。",
                blocking.iter().map(|line| format!("・{line}")).collect::<Vec<_>>().join("\n")
            ),
        ),
        other => AppError::new(other.to_string()),
    })?;
    Ok(Exported {
        path: exported.path.display().to_string(),
        open_points: exported.open_points,
        blocking: exported.blocking,
    })
}
