//! The open and save dialogs, run on the Rust side: a command that reads or writes a file asks the user here, so
//! every path the app touches is one the user answered — the web view never hands the app a path.
//!
//! Tests answer the dialogs instead of a person: `HOJO_TEST_DIALOG_ANSWERS` names a text file whose first line
//! answers the next dialog (and is removed; an empty line or no line is a cancel), so a WebDriver test writes
//! the path before it clicks; the command tests push answers with [`Dialogs::answer`].

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Mutex;

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

use crate::error::{AppError, AppResult};

/// What a dialog asks for.
#[derive(Debug, Clone)]
pub struct FileRequest {
    pub title: &'static str,
    /// The kind of file the filter names: 「申請データ (JSON)」.
    pub kind: &'static str,
    pub extensions: &'static [&'static str],
    /// The name the save dialog proposes.
    pub file_name: Option<String>,
}

pub enum Dialogs {
    /// The desktop's own dialogs.
    Native,
    /// Answers from a file (HOJO_TEST_DIALOG_ANSWERS), one line per dialog.
    FromFile(PathBuf),
    /// Answers queued by a test (`None`: cancel).
    Queued(Mutex<VecDeque<Option<PathBuf>>>),
}

impl Dialogs {
    /// The desktop's dialogs, or the test hook's file when HOJO_TEST_DIALOG_ANSWERS is set.
    pub fn from_env() -> Dialogs {
        match std::env::var_os("HOJO_TEST_DIALOG_ANSWERS") {
            Some(file) => Dialogs::FromFile(PathBuf::from(file)),
            None => Dialogs::Native,
        }
    }

    pub fn queued() -> Dialogs {
        Dialogs::Queued(Mutex::new(VecDeque::new()))
    }

    /// Queues the answer of the next dialog (tests only; `None` cancels it).
    pub fn answer(&self, path: Option<PathBuf>) {
        if let Dialogs::Queued(queue) = self {
            queue.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).push_back(path);
        }
    }

    /// The file the user chose to open; `None` when she cancelled.
    pub fn open<R: Runtime>(&self, app: &AppHandle<R>, request: &FileRequest) -> AppResult<Option<PathBuf>> {
        match self {
            Dialogs::Native => chosen(builder(app, request).blocking_pick_file()),
            other => other.scripted(),
        }
    }

    /// Where the user chose to save; `None` when she cancelled. The dialog asks before replacing a file.
    pub fn save<R: Runtime>(&self, app: &AppHandle<R>, request: &FileRequest) -> AppResult<Option<PathBuf>> {
        match self {
            Dialogs::Native => chosen(builder(app, request).blocking_save_file()),
            other => other.scripted(),
        }
    }

    /// The folder the user chose (to write several files into); `None` when she cancelled.
    pub fn folder<R: Runtime>(&self, app: &AppHandle<R>, request: &FileRequest) -> AppResult<Option<PathBuf>> {
        match self {
            Dialogs::Native => chosen(app.dialog().file().set_title(request.title).blocking_pick_folder()),
            other => other.scripted(),
        }
    }

    fn scripted(&self) -> AppResult<Option<PathBuf>> {
        match self {
            Dialogs::Native => Ok(None),
            Dialogs::Queued(queue) => {
                Ok(queue.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).pop_front().flatten())
            }
            Dialogs::FromFile(file) => {
                let text = std::fs::read_to_string(file).unwrap_or_default();
                let mut lines = text.lines();
                let first = lines.next().unwrap_or("").trim().to_string();
                let rest: Vec<&str> = lines.collect();
                std::fs::write(file, rest.join("\n"))
                    .map_err(|error| AppError::new(format!("{} に書けません: {error}", file.display())))?;
                Ok((!first.is_empty()).then(|| PathBuf::from(first)))
            }
        }
    }
}

fn builder<R: Runtime>(app: &AppHandle<R>, request: &FileRequest) -> tauri_plugin_dialog::FileDialogBuilder<R> {
    let mut dialog = app.dialog().file().set_title(request.title).add_filter(request.kind, request.extensions);
    if let Some(name) = &request.file_name {
        dialog = dialog.set_file_name(name);
    }
    dialog
}

fn chosen(answer: Option<tauri_plugin_dialog::FilePath>) -> AppResult<Option<PathBuf>> {
    answer
        .map(|path| path.into_path().map_err(|error| AppError::new(format!("選んだ場所を開けません: {error}"))))
        .transpose()
}
