//! The commands of the application's life (進行状況): where each 年度's application stands and what is next,
//! one step on (`Store::advance`), the plan against the figures as they stand, a figure's history, and the
//! 実績報告書 and 変更交付申請書 workbooks. Thin: every rule is the library's (hojo::lifecycle, hojo::compare,
//! hojo::change, hojo::settle); this file only gathers what the screen shows in one answer.

use std::path::Path;

use hojo::case::{Case, Stage};
use hojo::compare::Comparison;
use hojo::fiscal_year::FiscalYear;
use hojo::lifecycle::{Lifecycle, LifecycleStep, NextStep, Status};
use hojo::program::{CostItem, Program};
use hojo::settle::{Settlement, settle};
use hojo::store::{ApplicationId, Change, Editor, Store};
use hojo::workbook::{ExportError, ExportOptions};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::dialogs::{Dialogs, FileRequest};
use crate::error::{AppError, AppResult, no_case, store_error};
use crate::export::Exported;
use crate::snapshot::Snapshot;
use crate::workspace::{Place, Workspace};

/// One 年度's application of the open hospital, where it stands.
#[derive(Debug, Clone, Serialize, TS)]
pub struct YearProgress {
    pub application_id: ApplicationId,
    pub fiscal_year: FiscalYear,
    /// 令和6年度
    pub fiscal_year_label: String,
    pub program_label: String,
    /// 作成中, 提出済, …
    pub status_label: String,
    pub lifecycle: Lifecycle,
    /// What to do next and by when (today deciding what is overdue).
    pub next_steps: Vec<NextStep>,
    /// The application open in the app.
    pub open: bool,
}

/// What 進行状況 shows: every 年度's application of the open hospital, and for the open one whether a 変更交付申請
/// is needed, its plan against the figures as they stand, and its 精算 once it is a report.
#[derive(Debug, Clone, Default, Serialize, TS)]
pub struct Progress {
    /// Newest 年度 first.
    pub years: Vec<YearProgress>,
    /// Why a 変更交付申請 is needed (hojo::change::change_needed), each a sentence; empty when it is not.
    pub change_needed: Vec<String>,
    /// The plan the decision rests on against the rows as they stand; `None` before a decision.
    pub comparison: Option<Comparison>,
    /// The 精算 of the report; `None` before 実績報告作成中.
    pub settlement: Option<Settlement>,
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Runs a read of the database with the open application's place; `None` without a database or application.
fn with_place<T>(workspace: &Workspace, read: impl FnOnce(&Store, Place) -> AppResult<T>) -> AppResult<Option<T>> {
    workspace.read_store(|store, place| place.map(|place| read(store, place)).transpose())
}

#[tauri::command]
pub fn lifecycle(workspace: State<'_, Workspace>) -> AppResult<Progress> {
    progress(&workspace)
}

pub fn progress(workspace: &Workspace) -> AppResult<Progress> {
    let case = workspace.case();
    let gathered = with_place(workspace, |store, place| {
        let mut years = Vec::new();
        for saved in store.application_list().map_err(store_error)? {
            if saved.hospital_id != place.hospital {
                continue;
            }
            let lifecycle = store.lifecycle(saved.id).map_err(store_error)?;
            years.push(YearProgress {
                application_id: saved.id,
                fiscal_year: saved.fiscal_year,
                fiscal_year_label: saved.fiscal_year_label,
                program_label: saved.program_label,
                status_label: lifecycle.status.label().to_string(),
                next_steps: lifecycle.next_steps(saved.fiscal_year, today()),
                lifecycle,
                open: saved.id == place.application,
            });
        }
        years.sort_by(|a, b| b.fiscal_year.cmp(&a.fiscal_year).then(a.program_label.cmp(&b.program_label)));
        let lifecycle = store.lifecycle(place.application).map_err(store_error)?;
        let plan = store.plan(place.application).map_err(store_error)?;
        Ok((years, lifecycle, plan))
    })?;
    let (Some((years, lifecycle, plan)), Some(case)) = (gathered, case) else { return Ok(Progress::default()) };
    let decided = lifecycle.current_decision().cloned();
    let comparison = match (&plan, &decided) {
        (Some(plan), Some(_)) => Some(compare(plan, &case)?),
        _ => None,
    };
    let change_needed = match (&plan, &decided, lifecycle.status) {
        (Some(plan), Some(decision), Status::Decided | Status::ChangeRequested) => {
            hojo::change::change_needed(plan, &case, decision)?.iter().map(|reason| reason.message()).collect()
        }
        _ => Vec::new(),
    };
    let settlement = if case.stage == Stage::Report { settle(&case).ok() } else { None };
    Ok(Progress { years, change_needed, comparison, settlement })
}

fn compare(plan: &Case, actual: &Case) -> AppResult<Comparison> {
    hojo::compare::plan_against_actual(plan, actual).map_err(|error| AppError::new(error.to_string()))
}

/// One step of the open application's life; the screens are then shown the application as the step left it
/// (frozen, or loaded as a report).
#[tauri::command]
pub fn advance(workspace: State<'_, Workspace>, step: LifecycleStep) -> AppResult<Snapshot> {
    advance_open(&workspace, &step)
}

pub fn advance_open(workspace: &Workspace, step: &LifecycleStep) -> AppResult<Snapshot> {
    workspace.with_store(|store, place| {
        let place = place.ok_or_else(no_database_case)?;
        store.advance(&Editor::Administrator, place.application, step).map_err(store_error)
    })?;
    Ok(workspace.snapshot())
}

fn no_database_case() -> AppError {
    AppError::new(
        "申請の状態は、データベースに保存した申請だけが記録できます。「はじめに」で病院名と年度を入力して申請を始めてください",
    )
}

/// The plan the decision rests on against the open application's rows; `None` before a decision.
#[tauri::command]
pub fn plan_against_actual(workspace: State<'_, Workspace>) -> AppResult<Option<Comparison>> {
    Ok(progress(&workspace)?.comparison)
}

/// Who changed a trainee's cost item (an item, その他の経費 or 寄付金その他の収入額) when, old → new, oldest first
/// (the store's history of that figure).
#[tauri::command]
pub fn figure_history(workspace: State<'_, Workspace>, index: usize, item: CostItem) -> AppResult<Vec<Change>> {
    history_of_cost(&workspace, index, item)
}

pub fn history_of_cost(workspace: &Workspace, index: usize, item: CostItem) -> AppResult<Vec<Change>> {
    let case = workspace.case().ok_or_else(no_case)?;
    let trainee = case.trainees.get(index).ok_or_else(|| AppError::new("その受講者は見つかりません"))?;
    let program = Program::get(&case.program)?;
    let label = program.rules_for(case.fiscal_year)?.cost_label(program, item).to_string();
    // The subject the store records a trainee's cost under (store::claim_rows::ClaimContext::record).
    let subject = format!("「{}」さんの{label}", trainee.name);
    Ok(with_place(workspace, |store, place| {
        store.history_of(place.application, "cost_entry", Some(&subject)).map_err(store_error)
    })?
    .unwrap_or_default())
}

/// The records of the application's life as the store's history names them (store::lifecycle_rows).
const LIFECYCLE_FIELDS: [&str; 7] = [
    "application.status",
    "application.submitted_on",
    "application.decision",
    "application.change_request",
    "application.received",
    "application.reported_on",
    "application.confirmation",
];

/// Who changed the open application's 状態 and records (提出日, decisions, 受入済額, …) when, old → new, oldest
/// first: the history of what 進行状況 shows, step backs included.
#[tauri::command]
pub fn lifecycle_history(workspace: State<'_, Workspace>) -> AppResult<Vec<Change>> {
    history_of_lifecycle(&workspace)
}

pub fn history_of_lifecycle(workspace: &Workspace) -> AppResult<Vec<Change>> {
    let changes = with_place(workspace, |store, place| {
        let mut changes = Vec::new();
        for field in LIFECYCLE_FIELDS {
            changes.extend(store.history_of(place.application, field, None).map_err(store_error)?);
        }
        changes.sort_by_key(|change| change.id);
        Ok(changes)
    })?;
    Ok(changes.unwrap_or_default())
}

fn proposed(name: Option<String>, fallback: &str) -> Option<String> {
    let name = name.unwrap_or_default();
    let last = name.rsplit(['/', '\\']).next().unwrap_or("").trim().to_string();
    Some(if last.is_empty() { fallback.to_string() } else { last })
}

fn workbook_request(title: &'static str, file_name: Option<String>, fallback: &str) -> FileRequest {
    FileRequest {
        title, kind: "Excel ブック (.xlsx)", extensions: &["xlsx"], file_name: proposed(file_name, fallback)
    }
}

fn exported(exported: hojo::workbook::Exported) -> Exported {
    Exported {
        path: exported.path.display().to_string(),
        open_points: exported.open_points,
        blocking: exported.blocking,
    }
}

fn not_ready(what: &str, error: ExportError) -> AppError {
    match error {
        ExportError::NotReady(blocking) => AppError::at(
            "review",
            format!(
                "まだ{what}として書き出せる状態ではありません。\n{}\n「書類作成」の確認の一覧から直してください。",
                blocking.iter().map(|line| format!("・{line}")).collect::<Vec<_>>().join("\n")
            ),
        ),
        other => AppError::new(other.to_string()),
    }
}

/// 「実績報告書を書き出す」: the report workbook of the open application (実績報告作成中 or later).
#[tauri::command]
pub async fn export_report<R: Runtime>(
    app: AppHandle<R>,
    workspace: State<'_, Workspace>,
    dialogs: State<'_, Dialogs>,
    file_name: Option<String>,
) -> AppResult<Option<Exported>> {
    let case = workspace.case().ok_or_else(no_case)?;
    if case.stage != Stage::Report {
        return Err(AppError::new(
            "実績報告書は、実績報告を始めた申請から作ります。「進行状況」で「実績報告を始める」を選んでください",
        ));
    }
    let request = workbook_request("実績報告書をExcelに書き出す", file_name, "実績報告書.xlsx");
    let Some(path) = dialogs.save(&app, &request)? else { return Ok(None) };
    let written = write_report(&case, &path)?;
    workspace.remember_written(path);
    Ok(Some(written))
}

pub fn write_report(case: &Case, path: &Path) -> AppResult<Exported> {
    hojo::workbook::write(case, path, ExportOptions { draft: false, overwrite: true })
        .map(exported)
        .map_err(|error| not_ready("実績報告書", error))
}

/// 「変更交付申請書を書き出す」: 変更前 (the plan the decision rests on) and 変更後 (the rows as they stand) with
/// the reason of the 変更交付申請, while one is requested.
#[tauri::command]
pub async fn export_change_request<R: Runtime>(
    app: AppHandle<R>,
    workspace: State<'_, Workspace>,
    dialogs: State<'_, Dialogs>,
    file_name: Option<String>,
) -> AppResult<Option<Exported>> {
    let (before, after, reason) = change_request_cases(&workspace)?;
    let request = workbook_request("変更交付申請書をExcelに書き出す", file_name, "変更交付申請書.xlsx");
    let Some(path) = dialogs.save(&app, &request)? else { return Ok(None) };
    let written = write_change_request(&before, &after, &reason, &path)?;
    workspace.remember_written(path);
    Ok(Some(written))
}

/// 変更前, 変更後 (with the decision in force) and the reason, of the open application being changed.
pub fn change_request_cases(workspace: &Workspace) -> AppResult<(Case, Case, String)> {
    let mut after = workspace.case().ok_or_else(no_case)?;
    let found = with_place(workspace, |store, place| {
        let lifecycle = store.lifecycle(place.application).map_err(store_error)?;
        let plan = store.plan(place.application).map_err(store_error)?;
        Ok((lifecycle, plan))
    })?;
    let Some((lifecycle, Some(before))) = found else { return Err(no_change()) };
    let (Some(change), Some(decision), Status::ChangeRequested) =
        (lifecycle.change.clone(), lifecycle.current_decision().cloned(), lifecycle.status)
    else {
        return Err(no_change());
    };
    after.decision = Some(decision);
    Ok((before, after, change.reason))
}

fn no_change() -> AppError {
    AppError::new(
        "変更交付申請書は、変更交付申請を始めた申請から作ります。「進行状況」で「変更交付申請を始める」を選んでください",
    )
}

pub fn write_change_request(before: &Case, after: &Case, reason: &str, path: &Path) -> AppResult<Exported> {
    hojo::workbook::write_change_request(before, after, reason, path, ExportOptions { draft: false, overwrite: true })
        .map(exported)
        .map_err(|error| not_ready("変更交付申請書", error))
}
