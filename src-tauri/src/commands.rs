//! The Tauri commands: each a few lines over the library and this crate's state. An edit of the application is
//! one command, `edit_case`, taking the library's typed edit; a file is read or written only where the user
//! answered a dialog (see `dialogs`).

use std::path::{Path, PathBuf};

use hojo::edit::CaseEdit;
use hojo::meibo::FilingScope;
use hojo::store::{ApplicationId, ContinuingCourse, CourseId, Editor, SavedApplication, TraineeCostsPreview};
use tauri::{AppHandle, Runtime, State};

use crate::data::Backup;
use crate::dialogs::{Dialogs, FileRequest};
use crate::error::{AppError, AppResult, no_case};
use crate::export::Exported;
use crate::meibo_lookup::{Candidate, MeiboState, MeiboSummary};
use crate::program_info::ProgramInfo;
use crate::snapshot::{MeiboApplied, Snapshot};
use crate::workspace::Workspace;
use crate::{data, export, files, program_info};

#[tauri::command]
pub fn get_snapshot(workspace: State<'_, Workspace>) -> Snapshot {
    workspace.snapshot()
}

#[tauri::command]
pub fn program_info(workspace: State<'_, Workspace>) -> AppResult<ProgramInfo> {
    let case = workspace.case();
    program_info::program_info(
        case.as_ref().map_or(hojo::program::Program::DEFAULT, |c| c.program.as_str()),
        case.as_ref().map(|c| c.fiscal_year),
    )
}

/// Starts (or reopens) the hospital's application of a 年度 for a program (`list_programs`; the nurse program's
/// when none is named).
#[tauri::command]
pub fn start_case(
    workspace: State<'_, Workspace>,
    fiscal_year: i32,
    hospital_name: String,
    program: Option<String>,
) -> AppResult<Snapshot> {
    workspace.start_case(fiscal_year, &hospital_name, program.as_deref().unwrap_or(hojo::program::Program::DEFAULT))
}

/// The saved applications (hospital, 年度, program, 状態), the most recently changed first; with `name`, only
/// those of the hospital that name means (the library's rule: spaces and width do not make another hospital).
#[tauri::command]
pub fn list_applications(workspace: State<'_, Workspace>, name: Option<String>) -> AppResult<Vec<SavedApplication>> {
    workspace.saved_applications(name.as_deref())
}

#[tauri::command]
pub fn open_application(workspace: State<'_, Workspace>, id: i64) -> AppResult<Snapshot> {
    workspace.open_application(ApplicationId(id))
}

/// The trainees of earlier 年度 who continue into the open application's 年度 (offered on 受講者).
#[tauri::command]
pub fn continuing_courses(workspace: State<'_, Workspace>) -> AppResult<Vec<ContinuingCourse>> {
    workspace.continuing_courses()
}

/// Adds the continuing trainees the user chose, each with what she carries, in one transaction.
#[tauri::command]
pub fn carry_courses(workspace: State<'_, Workspace>, courses: Vec<i64>) -> AppResult<Snapshot> {
    workspace.carry_courses(&courses.into_iter().map(CourseId).collect::<Vec<_>>())
}

/// One edit of the open application. `dry_run`: check the text as it is typed and show what it would give,
/// without saving it. `as_nurse`: made on 受講者用 by the trainee the edit names (the history names her).
#[tauri::command]
pub fn edit_case(
    workspace: State<'_, Workspace>,
    edit: CaseEdit,
    dry_run: Option<bool>,
    as_nurse: Option<bool>,
) -> AppResult<Snapshot> {
    if dry_run == Some(true) {
        return workspace.preview(&edit);
    }
    let editor = if as_nurse == Some(true) {
        data::nurse_editor(&workspace, trainee_of(&edit).ok_or_else(|| AppError::new("受講者の欄ではありません"))?)?
    } else {
        Editor::Administrator
    };
    workspace.apply(&editor, &edit)
}

/// The trainee an edit of 受講者用 is about.
fn trainee_of(edit: &CaseEdit) -> Option<usize> {
    match edit {
        CaseEdit::SetTrainee { index, .. }
        | CaseEdit::SetSalaryMonth { index, .. }
        | CaseEdit::SetSalaryMonthly { index, .. }
        | CaseEdit::SetPriorItem { index, .. } => Some(*index),
        // Her receipts, as she keeps them (the receipts' own commands are in receipt_commands).
        CaseEdit::AddReceipt { index, .. }
        | CaseEdit::SetReceipt { index, .. }
        | CaseEdit::RemoveReceipt { index, .. }
        | CaseEdit::RestoreReceipt { index, .. } => Some(*index),
        _ => None,
    }
}

/// A name the save dialog proposes, never a path: only its last component is kept.
fn proposed(name: Option<String>, fallback: &str) -> Option<String> {
    let name = name.unwrap_or_default();
    let last = name.rsplit(['/', '\\']).next().unwrap_or("").trim().to_string();
    Some(if last.is_empty() { fallback.to_string() } else { last })
}

const CASE_FILE: FileRequest =
    FileRequest {
        title: "申請データ（JSON）", kind: "申請データ (JSON)", extensions: &["json"], file_name: None
    };

/// 「JSONで書き出す」: asks where, writes the case there; the path written, or `None` when cancelled.
#[tauri::command]
pub async fn export_case_json<R: Runtime>(
    app: AppHandle<R>,
    workspace: State<'_, Workspace>,
    dialogs: State<'_, Dialogs>,
    file_name: Option<String>,
) -> AppResult<Option<String>> {
    let case = workspace.case().ok_or_else(no_case)?;
    let request = FileRequest {
        title: "申請データをJSONで書き出す",
        file_name: proposed(file_name, "申請データ.json"),
        ..CASE_FILE
    };
    let Some(path) = dialogs.save(&app, &request)? else { return Ok(None) };
    files::write_case_file(&path, &case)?;
    Ok(Some(workspace.remember_written(path)))
}

/// 「JSONを読み込む」: asks which file (the screen has already asked whether to replace), then replaces the
/// open application with it; `None` when cancelled.
#[tauri::command]
pub async fn import_case_json<R: Runtime>(
    app: AppHandle<R>,
    workspace: State<'_, Workspace>,
    dialogs: State<'_, Dialogs>,
) -> AppResult<Option<Snapshot>> {
    let request = FileRequest { title: "申請データ（JSON）を読み込む", ..CASE_FILE };
    let Some(path) = dialogs.open(&app, &request)? else { return Ok(None) };
    workspace.replace(files::read_case_file(&path)?).map(Some)
}

/// Opens the folder of the file written last (the screens never name a folder).
#[tauri::command]
pub fn open_folder(workspace: State<'_, Workspace>) -> AppResult<()> {
    let written = workspace.last_written().ok_or_else(|| AppError::new("まだ何も書き出していません"))?;
    files::open_folder(&written)
}

/// 「Excelに書き出す」: asks where (the dialog asks before replacing a file), writes the workbook there.
#[tauri::command]
pub async fn export_workbook<R: Runtime>(
    app: AppHandle<R>,
    workspace: State<'_, Workspace>,
    dialogs: State<'_, Dialogs>,
    draft: bool,
    file_name: Option<String>,
) -> AppResult<Option<Exported>> {
    let case = workspace.case().ok_or_else(no_case)?;
    let request = FileRequest {
        title: "申請書類をExcelに書き出す",
        kind: "Excel ブック (.xlsx)",
        extensions: &["xlsx"],
        file_name: proposed(file_name, "申請書類.xlsx"),
    };
    let Some(path) = dialogs.save(&app, &request)? else { return Ok(None) };
    let exported = export::export_workbook(&case, &path, draft)?;
    workspace.remember_written(path);
    Ok(Some(exported))
}

/// 「名簿ファイルを選ぶ」: asks which file and reads it (it takes a moment; async so the window keeps drawing).
#[tauri::command]
pub async fn meibo_open<R: Runtime>(
    app: AppHandle<R>,
    meibo: State<'_, MeiboState>,
    dialogs: State<'_, Dialogs>,
) -> AppResult<Option<MeiboSummary>> {
    let request = FileRequest {
        title: "届出受理医療機関名簿（Excel）を選ぶ",
        kind: "届出受理医療機関名簿 (Excel)",
        extensions: &["xlsx"],
        file_name: None,
    };
    let Some(path) = dialogs.open(&app, &request)? else { return Ok(None) };
    meibo.open(&path).map(Some)
}

#[tauri::command]
pub fn meibo_search(
    workspace: State<'_, Workspace>,
    meibo: State<'_, MeiboState>,
    query: String,
) -> AppResult<Vec<Candidate>> {
    // Candidates are judged by the rules of the application open (its program and 年度), the nurse program's
    // latest before one is started.
    meibo.search(&query, workspace.case().as_ref())
}

/// `dry_run`: what the 名簿 would change, shown before the user confirms; `all_filings`: every 届出 of the 名簿,
/// not only those the program's rules name (「すべての届出を取り込む」). Applied as one edit of the profile.
#[tauri::command]
pub fn meibo_apply(
    workspace: State<'_, Workspace>,
    meibo: State<'_, MeiboState>,
    number: String,
    dry_run: Option<bool>,
    all_filings: Option<bool>,
) -> AppResult<MeiboApplied> {
    let scope = if all_filings == Some(true) { FilingScope::All } else { FilingScope::Named };
    let case = workspace.case().ok_or_else(no_case)?;
    let update = meibo.update(&case, &number, scope)?;
    let edit = CaseEdit::ReplaceHospital { hospital: Box::new(update.hospital) };
    let snapshot =
        if dry_run == Some(true) { workspace.preview(&edit) } else { workspace.apply(&Editor::Administrator, &edit) }?;
    Ok(MeiboApplied { snapshot, changes: update.changes, founder_hint: meibo.founder_hint(&number) })
}

#[tauri::command]
pub fn list_backups(workspace: State<'_, Workspace>) -> AppResult<Vec<Backup>> {
    data::backups(&workspace)
}

#[tauri::command]
pub fn backup_now(workspace: State<'_, Workspace>) -> AppResult<Vec<Backup>> {
    data::backup_now(&workspace)
}

/// Restores one of the backups `list_backups` gave (any other path is refused).
#[tauri::command]
pub fn restore_backup(workspace: State<'_, Workspace>, path: String) -> AppResult<Snapshot> {
    data::restore(&workspace, Path::new(&path))?;
    Ok(workspace.snapshot())
}

const COST_SHEET: FileRequest =
    FileRequest { title: "費用の記録", kind: "費用の記録 (JSON)", extensions: &["json"], file_name: None };

/// 受講者用「費用の記録を書き出す」: her entries of this 年度, where she chose; the path, or `None` when cancelled.
#[tauri::command]
pub async fn export_trainee_costs<R: Runtime>(
    app: AppHandle<R>,
    workspace: State<'_, Workspace>,
    dialogs: State<'_, Dialogs>,
    index: usize,
) -> AppResult<Option<String>> {
    let case = workspace.case().ok_or_else(no_case)?;
    let name = case.trainees.get(index).map(|t| t.name.split_whitespace().collect::<String>()).unwrap_or_default();
    let request = FileRequest {
        title: "費用の記録を書き出す",
        file_name: proposed(Some(format!("{name}_費用.json")), "費用.json"),
        ..COST_SHEET
    };
    let Some(path) = dialogs.save(&app, &request)? else { return Ok(None) };
    data::export_trainee_costs(&workspace, index, &path)?;
    Ok(Some(workspace.remember_written(path)))
}

/// 「受講者の費用の記録を読み込む」, step 1: asks which file and answers what it would change (before → after),
/// writing nothing; `None` when cancelled.
#[tauri::command]
pub async fn preview_trainee_costs<R: Runtime>(
    app: AppHandle<R>,
    workspace: State<'_, Workspace>,
    dialogs: State<'_, Dialogs>,
) -> AppResult<Option<TraineeCostsPreview>> {
    let request = FileRequest { title: "受講者の費用の記録を読み込む", ..COST_SHEET };
    let Some(path): Option<PathBuf> = dialogs.open(&app, &request)? else { return Ok(None) };
    data::preview_trainee_costs(&workspace, &path).map(Some)
}

/// Step 2, once the user agreed to the changes shown: merges that file (only what it carries is replaced).
#[tauri::command]
pub fn import_trainee_costs(workspace: State<'_, Workspace>) -> AppResult<Snapshot> {
    data::import_pending_costs(&workspace)?;
    Ok(workspace.snapshot())
}

/// The screens call this once the first screen is drawn with its data. For the benchmark of the time to an
/// interactive window: HOJO_REPORT_READY=1 prints the moment on stdout, HOJO_EXIT_WHEN_READY=1 then quits.
#[tauri::command]
pub fn app_ready<R: Runtime>(app: AppHandle<R>) {
    if std::env::var_os("HOJO_REPORT_READY").is_some() {
        let since_epoch = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        println!("hojo-ready {}", since_epoch.as_millis());
    }
    if std::env::var_os("HOJO_EXIT_WHEN_READY").is_some() {
        app.exit(0);
    }
}
