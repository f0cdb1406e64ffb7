//! The Tauri commands: each one line over a plain function of this crate (tested without a window).

use std::path::Path;

use hojo::meibo::FilingScope;
use tauri::State;

use crate::data::Backup;
use crate::error::{AppResult, no_case};
use crate::export::Exported;
use crate::meibo_lookup::{Candidate, MeiboState, MeiboSummary};
use crate::program_info::ProgramInfo;
use crate::snapshot::{MeiboApplied, Snapshot};
use crate::workspace::Workspace;
use crate::{data, edits, export, files, program_info};

#[tauri::command]
pub fn get_snapshot(workspace: State<'_, Workspace>) -> Snapshot {
    workspace.snapshot()
}

#[tauri::command]
pub fn program_info(workspace: State<'_, Workspace>) -> AppResult<ProgramInfo> {
    let case = workspace.case();
    program_info::program_info(
        case.as_ref().map_or("kanwa-nurse", |c| c.program.as_str()),
        case.as_ref().map(|c| c.fiscal_year),
    )
}

#[tauri::command]
pub fn start_case(workspace: State<'_, Workspace>, fiscal_year: i32, hospital_name: String) -> AppResult<Snapshot> {
    workspace.start_case(fiscal_year, &hospital_name)
}

/// `dry_run`: check the text as it is typed and show what it would give, without saving it (the screens save
/// when the field is left).
#[tauri::command]
pub fn set_hospital_field(
    workspace: State<'_, Workspace>,
    field: String,
    value: String,
    dry_run: Option<bool>,
) -> AppResult<Snapshot> {
    let change = |case: &mut hojo::case::Case| edits::set_hospital_field(case, &field, &value);
    if dry_run == Some(true) { workspace.preview(change) } else { workspace.edit(change) }
}

#[tauri::command]
pub fn add_filing(
    workspace: State<'_, Workspace>,
    symbol: String,
    number: String,
    since: String,
) -> AppResult<Snapshot> {
    workspace.edit(|case| edits::add_filing(case, &symbol, &number, &since))
}

#[tauri::command]
pub fn remove_filing(workspace: State<'_, Workspace>, index: usize) -> AppResult<Snapshot> {
    workspace.edit(|case| edits::remove_filing(case, index))
}

#[tauri::command]
pub fn add_trainee(workspace: State<'_, Workspace>, name: String) -> AppResult<Snapshot> {
    workspace.edit(|case| edits::add_trainee(case, &name))
}

#[tauri::command]
pub fn remove_trainee(workspace: State<'_, Workspace>, index: usize) -> AppResult<Snapshot> {
    workspace.edit(|case| edits::remove_trainee(case, index))
}

/// `as_nurse`: the change is made on 受講者用, by the nurse herself (so the history names her).
#[tauri::command]
pub fn set_trainee_field(
    workspace: State<'_, Workspace>,
    index: usize,
    field: String,
    value: String,
    as_nurse: Option<bool>,
    dry_run: Option<bool>,
) -> AppResult<Snapshot> {
    let change = |case: &mut hojo::case::Case| edits::set_trainee_field(case, index, &field, &value);
    if dry_run == Some(true) {
        return workspace.preview(change);
    }
    let editor = if as_nurse == Some(true) {
        data::nurse_editor(&workspace, index)?
    } else {
        hojo::store::Editor::Administrator
    };
    workspace.edit_as(&editor, change)
}

#[tauri::command]
pub fn set_salary_month(
    workspace: State<'_, Workspace>,
    index: usize,
    month: String,
    value: String,
    dry_run: Option<bool>,
) -> AppResult<Snapshot> {
    let change = |case: &mut hojo::case::Case| edits::set_salary_month(case, index, &month, &value);
    if dry_run == Some(true) { workspace.preview(change) } else { workspace.edit(change) }
}

#[tauri::command]
pub fn set_salary_monthly(workspace: State<'_, Workspace>, index: usize, monthly: bool) -> AppResult<Snapshot> {
    workspace.edit(|case| edits::set_salary_monthly(case, index, monthly))
}

#[tauri::command]
pub fn set_prior_item(
    workspace: State<'_, Workspace>,
    index: usize,
    item: String,
    claimed: bool,
) -> AppResult<Snapshot> {
    workspace.edit(|case| edits::set_prior_item(case, index, &item, claimed))
}

#[tauri::command]
pub fn export_case_json(workspace: State<'_, Workspace>, path: String) -> AppResult<()> {
    files::write_case_file(Path::new(&path), &workspace.case().ok_or_else(no_case)?)
}

#[tauri::command]
pub fn import_case_json(workspace: State<'_, Workspace>, path: String) -> AppResult<Snapshot> {
    workspace.replace(files::read_case_file(Path::new(&path))?)
}

#[tauri::command]
pub fn open_folder(path: String) -> AppResult<()> {
    files::open_folder(Path::new(&path))
}

#[tauri::command]
pub fn export_workbook(workspace: State<'_, Workspace>, path: String, draft: bool) -> AppResult<Exported> {
    export::export_workbook(&workspace.case().ok_or_else(no_case)?, Path::new(&path), draft)
}

/// Async: reading a 名簿 takes a moment, and the window keeps drawing its progress meanwhile.
#[tauri::command]
pub async fn meibo_open(meibo: State<'_, MeiboState>, path: String) -> AppResult<MeiboSummary> {
    meibo.open(Path::new(&path))
}

#[tauri::command]
pub fn meibo_search(meibo: State<'_, MeiboState>, query: String) -> AppResult<Vec<Candidate>> {
    meibo.search(&query)
}

/// `dry_run`: what the 名簿 would change, shown before the user confirms; `all_filings`: every 届出 of the 名簿,
/// not only those the program's rules name (「すべての届出を取り込む」).
#[tauri::command]
pub fn meibo_apply(
    workspace: State<'_, Workspace>,
    meibo: State<'_, MeiboState>,
    number: String,
    dry_run: Option<bool>,
    all_filings: Option<bool>,
) -> AppResult<MeiboApplied> {
    let scope = if all_filings == Some(true) { FilingScope::All } else { FilingScope::Named };
    let mut changes = Vec::new();
    let apply = |case: &mut hojo::case::Case| meibo.apply(case, &number, scope).map(|found| changes = found);
    let snapshot = if dry_run == Some(true) { workspace.preview(apply) } else { workspace.edit(apply) }?;
    Ok(MeiboApplied { snapshot, changes, founder_hint: meibo.founder_hint(&number) })
}

#[tauri::command]
pub fn list_backups(workspace: State<'_, Workspace>) -> AppResult<Vec<Backup>> {
    data::backups(&workspace)
}

#[tauri::command]
pub fn backup_now(workspace: State<'_, Workspace>) -> AppResult<Vec<Backup>> {
    data::backup_now(&workspace)
}

#[tauri::command]
pub fn restore_backup(workspace: State<'_, Workspace>, path: String) -> AppResult<Snapshot> {
    data::restore(&workspace, Path::new(&path))?;
    Ok(workspace.snapshot())
}

#[tauri::command]
pub fn export_trainee_costs(workspace: State<'_, Workspace>, index: usize, path: String) -> AppResult<()> {
    data::export_trainee_costs(&workspace, index, Path::new(&path))
}

#[tauri::command]
pub fn import_trainee_costs(workspace: State<'_, Workspace>, path: String) -> AppResult<Snapshot> {
    data::import_trainee_costs(&workspace, Path::new(&path))?;
    Ok(workspace.snapshot())
}

/// The screens call this once the first screen is drawn with its data. For the benchmark of the time to an
/// interactive window: HOJO_REPORT_READY=1 prints the moment on stdout, HOJO_EXIT_WHEN_READY=1 then quits.
#[tauri::command]
pub fn app_ready<R: tauri::Runtime>(app: tauri::AppHandle<R>) {
    if std::env::var_os("HOJO_REPORT_READY").is_some() {
        let since_epoch = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        println!("hojo-ready {}", since_epoch.as_millis());
    }
    if std::env::var_os("HOJO_EXIT_WHEN_READY").is_some() {
        app.exit(0);
    }
}
