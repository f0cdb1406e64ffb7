//! 設定 and 受講者用's files: the database's backups (list, take, restore) and a nurse's cost sheet (her entries
//! of one 年度 as a JSON file she sends to the administrator, who reads it in).

use std::path::Path;

use hojo::store::{ClaimId, Editor, list_backups, parse_trainee_costs};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{AppError, AppResult, store_error};
use crate::files::write_atomically;
use crate::workspace::Workspace;

#[derive(Debug, Clone, Serialize, TS)]
pub struct Backup {
    pub path: String,
    /// UTC, RFC 3339.
    pub taken_at: String,
    /// 起動時 / 手動 / 復元前 / 形式の更新前
    pub reason: String,
    /// How many changes the copy holds (0: nothing entered yet).
    pub revision: i64,
}

pub fn backups(workspace: &Workspace) -> AppResult<Vec<Backup>> {
    let path = workspace
        .database_path()
        .ok_or_else(|| AppError::new("データベースが開かれていないため、バックアップはありません"))?;
    let mut backups: Vec<Backup> = list_backups(&path)
        .map_err(store_error)?
        .into_iter()
        .map(|info| Backup {
            path: info.path.display().to_string(),
            taken_at: info.taken_at,
            reason: info.reason.label().to_string(),
            revision: info.revision,
        })
        .collect();
    backups.sort_by(|a, b| b.taken_at.cmp(&a.taken_at));
    Ok(backups)
}

pub fn backup_now(workspace: &Workspace) -> AppResult<Vec<Backup>> {
    workspace.with_store(|store, _| store.backup_now().map(|_| ()).map_err(store_error))?;
    backups(workspace)
}

/// Restores a backup over the database (the current state is backed up first), then shows what it holds.
pub fn restore(workspace: &Workspace, backup: &Path) -> AppResult<()> {
    // Only a copy the list showed: the screen hands back a path it was given, never one of its own.
    if !backups(workspace)?.iter().any(|listed| Path::new(&listed.path) == backup) {
        return Err(AppError::new("そのバックアップは一覧にありません。一覧を開き直して選んでください"));
    }
    workspace.with_store(|store, _| store.restore(backup).map_err(store_error))
}

fn claim_of(store: &hojo::store::Store, place: Option<crate::workspace::Place>, index: usize) -> AppResult<ClaimId> {
    let place = place.ok_or_else(crate::error::no_case)?;
    store
        .trainees(place.application)
        .map_err(store_error)?
        .get(index)
        .map(|view| view.id)
        .ok_or_else(|| AppError::new("その受講者はもういません。画面を開き直してください"))
}

/// Writes a trainee's cost sheet (her entries of this 年度) for her to send to the administrator.
pub fn export_trainee_costs(workspace: &Workspace, index: usize, path: &Path) -> AppResult<()> {
    let sheet = workspace
        .with_store(|store, place| store.export_trainee_costs(claim_of(store, place, index)?).map_err(store_error))?;
    let text = serde_json::to_string_pretty(&sheet).map_err(|error| AppError::new(error.to_string()))?;
    write_atomically(path, text.as_bytes())
}

/// What a nurse's cost sheet would change (before → after), without writing: the screen shows it and asks.
/// The sheet is kept for [`import_pending_costs`], so the file read is the file shown.
pub fn preview_trainee_costs(workspace: &Workspace, path: &Path) -> AppResult<hojo::store::TraineeCostsPreview> {
    let sheet = read_sheet(path)?;
    let preview = workspace.with_store(|store, place| {
        let place = place.ok_or_else(crate::error::no_case)?;
        store.preview_trainee_costs(place.application, &sheet).map_err(store_error)
    })?;
    workspace.keep_cost_sheet(sheet);
    Ok(preview)
}

/// Merges the cost sheet the user has just seen the changes of (only what the file carries is replaced).
pub fn import_pending_costs(workspace: &Workspace) -> AppResult<()> {
    let sheet = workspace
        .take_cost_sheet()
        .ok_or_else(|| AppError::new("読み込む費用の記録がありません。もう一度ファイルを選んでください"))?;
    workspace.with_store(|store, place| {
        let place = place.ok_or_else(crate::error::no_case)?;
        store.import_trainee_costs(&Editor::Administrator, place.application, &sheet).map(|_| ()).map_err(store_error)
    })
}

fn read_sheet(path: &Path) -> AppResult<hojo::store::TraineeCosts> {
    let shown = path.display();
    let bytes = std::fs::read(path).map_err(|error| AppError::new(format!("{shown} を読めません: {error}")))?;
    let sheet = parse_trainee_costs(&bytes).map_err(|error| {
        AppError::new(format!(
            "{shown} を読み込めませんでした。\n{}",
            error.problems.iter().map(|p| p.message_ja.clone()).collect::<Vec<_>>().join("\n")
        ))
    })?;
    Ok(sheet)
}

/// The editor of a change made on 受講者用: the nurse herself, by name.
pub fn nurse_editor(workspace: &Workspace, index: usize) -> AppResult<Editor> {
    let case = workspace.case().ok_or_else(crate::error::no_case)?;
    let trainee = case.trainees.get(index).ok_or_else(|| AppError::new("その受講者はもういません"))?;
    Ok(Editor::Nurse(trainee.name.clone()))
}
