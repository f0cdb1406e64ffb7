//! Files the user picks through the dialogs: the case file (JSON) in and out, and opening a folder.

use std::path::Path;

use hojo::case::{Case, parse_case, to_json};

use crate::error::{AppError, AppResult};

/// Case files are small; anything bigger than this is not one (and is not read into memory).
use hojo::limits::files::CASE_BYTES as MAX_CASE_FILE_BYTES;

pub fn read_case_file(path: &Path) -> AppResult<Case> {
    let shown = path.display();
    let size = std::fs::metadata(path)
        .map_err(|error| AppError::new(format!("{shown} を開けません: {}", io_reason(&error))))?
        .len();
    if size > MAX_CASE_FILE_BYTES {
        return Err(AppError::new(format!(
            "{shown} は大きすぎます（{size}バイト）。Hojo が書き出したJSONファイルを選んでください"
        )));
    }
    let bytes =
        std::fs::read(path).map_err(|error| AppError::new(format!("{shown} を読めません: {}", io_reason(&error))))?;
    if let Some(message) = not_a_case_file(&bytes) {
        return Err(AppError::new(format!("{shown} は申請データではありません。{message}")));
    }
    parse_case(&bytes).map_err(|error| {
        let lines: Vec<String> = error
            .problems
            .iter()
            .map(|p| if p.path.is_empty() { p.message_ja.clone() } else { format!("{}: {}", p.path, p.message_ja) })
            .collect();
        AppError::new(format!("{shown} を読み込めませんでした。\n{}", lines.join("\n")))
    })
}

/// What the file is when it is JSON but not a case file: a nurse's cost sheet is the usual mistake (#9 14),
/// which would otherwise be answered with the case format's field errors (「hospital: 値の種類が違います」).
fn not_a_case_file(bytes: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).ok()?;
    let format = value.get("format").and_then(serde_json::Value::as_str).unwrap_or("");
    if format == hojo::store::TRAINEE_COSTS_FORMAT {
        return Some(
            "受講者の費用の記録（看護師が書き出したファイル）です。「受講者用」の「受け取った費用の記録を読み込む」で読み込んでください"
                .to_string(),
        );
    }
    if format.starts_with("hojo-case/") || value.get("hospital").is_some() {
        return None;
    }
    Some("Hojo の「JSONで書き出す」で作ったファイル（申請データ）を選んでください".to_string())
}

/// Writes the case as JSON through the library's one writer (complete or absent, private to the user).
pub fn write_case_file(path: &Path, case: &Case) -> AppResult<()> {
    write_atomically(path, to_json(case).as_bytes())
}

/// Writes a file the user chose in a save dialog (which asked before replacing it): `hojo::files::write_private`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> AppResult<()> {
    hojo::files::write_private(path, bytes, true).map_err(|error| {
        let reason = match &error {
            hojo::files::WriteError::Io { error, .. } => hojo::files::reason(error),
            other => other.to_string(),
        };
        AppError::new(format!("{} に書き出せませんでした: {reason}", path.display()))
    })
}

/// Opens a folder in the desktop's file manager.
pub fn open_folder(path: &Path) -> AppResult<()> {
    let folder = if path.is_dir() { path } else { path.parent().unwrap_or(path) };
    if !folder.is_dir() {
        return Err(AppError::new(format!("フォルダ {} が見つかりません", folder.display())));
    }
    open_in_desktop(folder).map_err(|opener| {
        AppError::new(format!(
            "フォルダを開けませんでした（{opener}）。{} をファイルマネージャーで開いてください",
            folder.display()
        ))
    })
}

/// Opens a file or folder with the desktop's own program for it (a receipt's PDF in its viewer); the opener
/// and its error when it cannot be started.
pub fn open_in_desktop(path: &Path) -> Result<(), String> {
    let opener = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let argument = if cfg!(target_os = "windows") {
        std::ffi::OsString::from(explorer_path(&path.to_string_lossy()))
    } else {
        path.as_os_str().to_owned()
    };
    std::process::Command::new(opener).arg(argument).spawn().map(|_| ()).map_err(|error| format!("{opener}: {error}"))
}

/// The folder as Explorer understands it: backslashes, and no `\\?\` prefix of a long path (Explorer opens
/// the user's Documents instead of a folder it cannot parse, without an error).
fn explorer_path(folder: &str) -> String {
    let plain = folder.strip_prefix(r"\\?\UNC\").map(|rest| format!(r"\\{rest}"));
    let plain = plain.unwrap_or_else(|| folder.strip_prefix(r"\\?\").unwrap_or(folder).to_string());
    plain.replace('/', r"\")
}

fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "ファイルが見つかりません".to_string(),
        std::io::ErrorKind::PermissionDenied => "権限がありません（別の場所を選んでください）".to_string(),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::explorer_path;

    #[test]
    fn explorer_gets_a_plain_windows_path() {
        assert_eq!(explorer_path(r"C:\Users\看護\申請 書類"), r"C:\Users\看護\申請 書類");
        assert_eq!(explorer_path(r"\\?\C:\Users\看護\申請 書類"), r"C:\Users\看護\申請 書類");
        assert_eq!(explorer_path(r"\\?\UNC\server\share\申請"), r"\\server\share\申請");
        assert_eq!(explorer_path("C:/Users/看護/申請 書類"), r"C:\Users\看護\申請 書類");
    }
}
