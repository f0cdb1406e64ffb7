//! A receipt's file (the scan or PDF of a 領収書), kept in the database with the receipt: attached from the
//! file the user chose in the open dialog, listed (names and sizes only, never the data), opened, saved
//! elsewhere, removed, and all of them written into one folder for the 領収書等の写し. The receipts themselves
//! are edits of the case (`CaseEdit::AddReceipt` …, through `edit_case`).
//!
//! A 5 MB scan is streamed from the file into the database (`Store::attach` reads it in pieces), so attaching
//! it does not hold it in the app's memory; the screens only ever receive `AttachmentInfo`.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use hojo::store::{AttachmentId, AttachmentInfo, Editor};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::data;
use crate::dialogs::{Dialogs, FileRequest};
use crate::error::{AppError, AppResult, no_case, store_error};
use crate::workspace::Workspace;

/// What 「領収書のファイルを書き出す」 wrote.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ExportedReceipts {
    /// The folder the user chose.
    pub folder: String,
    /// The files written there: `<氏名>_<項目>_<支払日>.<拡張子>`.
    pub files: Vec<String>,
}

const RECEIPT_FILE: FileRequest = FileRequest {
    title: "領収書のファイル（スキャン・PDF）を選ぶ",
    kind: "領収書（PDF・画像）",
    extensions: &["pdf", "jpg", "jpeg", "png", "heic", "tif", "tiff"],
    file_name: None,
};

/// The editor of an attachment: the nurse herself on 受講者用, else the administrator.
fn editor(workspace: &Workspace, index: usize, as_nurse: Option<bool>) -> AppResult<Editor> {
    if as_nurse == Some(true) { data::nurse_editor(workspace, index) } else { Ok(Editor::Administrator) }
}

fn application(place: Option<crate::workspace::Place>) -> AppResult<hojo::store::ApplicationId> {
    place.map(|place| place.application).ok_or_else(no_case)
}

fn list(workspace: &Workspace) -> AppResult<Vec<AttachmentInfo>> {
    workspace.with_store(|store, place| store.attachments(application(place)?).map_err(store_error))
}

/// 「ファイルを添付」 on a receipt: asks which file, streams it into the database with the receipt; the
/// attachments as they now are, or `None` when the dialog was cancelled.
#[tauri::command]
pub async fn attach_receipt_file<R: Runtime>(
    app: AppHandle<R>,
    workspace: State<'_, Workspace>,
    dialogs: State<'_, Dialogs>,
    index: usize,
    receipt: usize,
    as_nurse: Option<bool>,
) -> AppResult<Option<Vec<AttachmentInfo>>> {
    let editor = editor(&workspace, index, as_nurse)?;
    let Some(path) = dialogs.open(&app, &RECEIPT_FILE)? else { return Ok(None) };
    attach_file(&workspace, &editor, index, receipt, &path)?;
    list(&workspace).map(Some)
}

/// Streams one file into the database as the attachment of a receipt (the store checks its size).
pub fn attach_file(workspace: &Workspace, editor: &Editor, index: usize, receipt: usize, path: &Path) -> AppResult<()> {
    let shown = path.display();
    let file_name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .ok_or_else(|| AppError::new(format!("{shown} はファイルではありません。領収書のファイルを選んでください")))?;
    let mut file = std::fs::File::open(path)
        .map_err(|error| AppError::new(format!("{shown} を開けません: {}", hojo::files::reason(&error))))?;
    workspace.with_store(|store, place| {
        store
            .attach(editor, application(place)?, index, receipt, &file_name, &mut file)
            .map(|_| ())
            .map_err(store_error)
    })
}

/// The files attached to the open application's receipts (no data: name, size, which receipt).
#[tauri::command]
pub fn list_attachments(workspace: State<'_, Workspace>) -> AppResult<Vec<AttachmentInfo>> {
    if workspace.database_path().is_none() {
        return Ok(Vec::new());
    }
    list(&workspace)
}

/// Removes an attached file (the receipt stays); the attachments as they now are.
#[tauri::command]
pub fn remove_attachment(
    workspace: State<'_, Workspace>,
    id: i64,
    as_nurse: Option<bool>,
) -> AppResult<Vec<AttachmentInfo>> {
    let info = find(&workspace, id)?;
    let editor = editor(&workspace, info.trainee, as_nurse)?;
    workspace.with_store(|store, _| store.remove_attachment(&editor, AttachmentId(id)).map_err(store_error))?;
    list(&workspace)
}

fn find(workspace: &Workspace, id: i64) -> AppResult<AttachmentInfo> {
    list(workspace)?
        .into_iter()
        .find(|info| info.id == AttachmentId(id))
        .ok_or_else(|| AppError::new("その添付ファイルはもうありません。画面を開き直してください"))
}

/// Writes an attachment's bytes to a file, privately and completely or not at all.
fn write_out(workspace: &Workspace, id: i64, path: &Path) -> AppResult<()> {
    let mut bytes = Vec::new();
    workspace
        .with_store(|store, _| store.write_attachment(AttachmentId(id), &mut bytes).map(|_| ()).map_err(store_error))?;
    crate::files::write_atomically(path, &bytes)
}

/// 「開く」: the attached file in the desktop's viewer, through a private copy in the temporary folder (removed
/// the next time one is opened, or the app starts, once it is an hour old).
#[tauri::command]
pub fn open_attachment(workspace: State<'_, Workspace>, id: i64) -> AppResult<()> {
    let info = find(&workspace, id)?;
    let folder = opened_folder();
    clean_opened(&folder);
    std::fs::create_dir_all(&folder)
        .and_then(|()| hojo::owner_only::restrict_to_owner(&folder))
        .map_err(|error| AppError::new(format!("一時フォルダ {} を作れません: {error}", folder.display())))?;
    let path = folder.join(format!("{}_{}", info.id.0, plain_name(&info.file_name)));
    write_out(&workspace, id, &path)?;
    crate::files::open_in_desktop(&path).map_err(|opener| {
        AppError::new(format!("ファイルを開けませんでした（{opener}）。「別の場所に保存」で保存してから開いてください"))
    })
}

/// 「別の場所に保存」: one attachment where the save dialog said; the path, or `None` when cancelled.
#[tauri::command]
pub async fn export_attachment<R: Runtime>(
    app: AppHandle<R>,
    workspace: State<'_, Workspace>,
    dialogs: State<'_, Dialogs>,
    id: i64,
) -> AppResult<Option<String>> {
    let info = find(&workspace, id)?;
    let request =
        FileRequest {
            title: "添付ファイルを保存する", file_name: Some(plain_name(&info.file_name)), ..RECEIPT_FILE
        };
    let Some(path) = dialogs.save(&app, &request)? else { return Ok(None) };
    write_out(&workspace, id, &path)?;
    Ok(Some(workspace.remember_written(path)))
}

/// 「領収書のファイルを書き出す」: every attached file of the application into the folder the user chose (beside
/// the 実績報告書), named by trainee, item and date; `None` when cancelled.
#[tauri::command]
pub async fn export_receipt_files<R: Runtime>(
    app: AppHandle<R>,
    workspace: State<'_, Workspace>,
    dialogs: State<'_, Dialogs>,
) -> AppResult<Option<ExportedReceipts>> {
    workspace.case().ok_or_else(no_case)?;
    let request = FileRequest {
        title: "領収書のファイルを書き出すフォルダを選ぶ",
        kind: "フォルダ",
        extensions: &[],
        file_name: None,
    };
    let Some(folder) = dialogs.folder(&app, &request)? else { return Ok(None) };
    let written = workspace
        .with_store(|store, place| store.export_receipt_files(application(place)?, &folder).map_err(store_error))?;
    let files = written
        .iter()
        .map(|path| path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default())
        .collect();
    let shown = workspace.remember_written(folder);
    Ok(Some(ExportedReceipts { folder: shown, files }))
}

/// The last component of a stored file name, without anything a file system refuses.
fn plain_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String =
        last.chars().map(|c| if c.is_control() || r#"<>:"|?*"#.contains(c) { '_' } else { c }).collect();
    if cleaned.trim().is_empty() { "領収書".to_string() } else { cleaned }
}

/// Where opened attachments are copied for the viewer.
fn opened_folder() -> PathBuf {
    std::env::temp_dir().join("hojo-opened-receipts")
}

/// A copy opened an hour ago has been read by its viewer: it goes (names and amounts must not linger).
const OPENED_KEPT: Duration = Duration::from_secs(60 * 60);

fn clean_opened(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let old = entry
            .metadata()
            .and_then(|meta| meta.modified())
            .is_ok_and(|modified| now.duration_since(modified).unwrap_or_default() > OPENED_KEPT);
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// At start: the copies an earlier run opened and left.
pub fn clean_opened_attachments() {
    clean_opened(&opened_folder());
}

#[cfg(test)]
mod tests {
    use super::plain_name;

    #[test]
    fn a_stored_name_becomes_a_plain_file_name() {
        assert_eq!(plain_name("領収書.pdf"), "領収書.pdf");
        assert_eq!(plain_name("C:\\scan\\領収書 1.pdf"), "領収書 1.pdf");
        assert_eq!(plain_name("a:b?.png"), "a_b_.png");
        assert_eq!(plain_name("../"), "領収書");
    }
}
