//! `hojo import WORKBOOK.xlsx [-o CASE.json] [--force]`: the case back from a workbook Hojo wrote (also after
//! the fill-in cells were edited in Excel or LibreOffice). Without -o the case is printed on stdout.

use std::path::Path;

use hojo::case::to_json;
use hojo::workbook::import;

use super::{CliResult, InputError};

pub fn run(workbook: &Path, output: Option<&Path>, force: bool) -> CliResult {
    let case = import(workbook).map_err(|error| InputError(format!("{}: {error}", workbook.display())))?;
    let json = to_json(&case) + "\n";
    match output {
        None => super::print_out(&json)?,
        Some(path) => {
            hojo::files::write_private(path, json.as_bytes(), force).map_err(|error| {
                let hint = if matches!(error, hojo::files::WriteError::Exists(_)) {
                    "。上書きするなら --force を付けてください (file exists; use --force)"
                } else {
                    ""
                };
                InputError(format!("{error}{hint}"))
            })?;
            eprintln!("{} を作成しました (written)", path.display());
        }
    }
    Ok(())
}
