//! Reading the files named on the command line, with a size bound and messages that name the file.

use std::path::Path;

use hojo::case::{Case, parse_case};

use super::InputError;

/// Case files are a few kilobytes; anything this large is not one, and reading it whole would waste memory.
use hojo::limits::files::CASE_BYTES as CASE_FILE_LIMIT;

pub fn read_case(path: &Path) -> Result<Case, InputError> {
    let bytes = read_bounded(path, CASE_FILE_LIMIT)?;
    parse_case(&bytes).map_err(|error| {
        let lines: Vec<String> =
            error.problems.iter().map(|problem| format!("{}: {problem}", path.display())).collect();
        InputError(format!("ケースファイルに誤りがあります (the case file is not valid):\n{}", lines.join("\n")))
    })
}

pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    use std::io::Read;
    let shown = path.display();
    let file = std::fs::File::open(path).map_err(|error| {
        let reason = match error.kind() {
            std::io::ErrorKind::NotFound => "ファイルが見つかりません。パスを確かめてください",
            std::io::ErrorKind::PermissionDenied => "ファイルを読む権限がありません",
            _ => "ファイルを開けません",
        };
        InputError(format!("{shown}: {reason} ({error})"))
    })?;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|error| {
        InputError(format!("{shown}: ファイルを読めません。フォルダではなくファイルを指定してください ({error})"))
    })?;
    if bytes.len() as u64 > limit {
        return Err(InputError(format!(
            "{shown}: ファイルが大きすぎます（{} MB まで）。正しいファイルを選んだか確かめてください (file too large)",
            limit / 1024 / 1024
        )));
    }
    Ok(bytes)
}
