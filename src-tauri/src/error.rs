//! The one error the screens receive: a Japanese message, and where it applies (a JSON path such as
//! `trainees[0].tuition`) so the screen can show it beside that field.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AppError {
    /// What went wrong and what to do, in Japanese.
    pub message: String,
    /// The field the message belongs to, as a case-file JSON path; `None` for the whole screen.
    pub path: Option<String>,
}

impl AppError {
    pub fn new(message: impl Into<String>) -> AppError {
        AppError { message: message.into(), path: None }
    }

    pub fn at(path: impl Into<String>, message: impl Into<String>) -> AppError {
        AppError { message: message.into(), path: Some(path.into()) }
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.path {
            Some(path) => write!(f, "{path}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for AppError {}

impl From<hojo::case::CaseError> for AppError {
    fn from(error: hojo::case::CaseError) -> AppError {
        let path = error.problems.first().map(|problem| problem.path.clone()).filter(|path| !path.is_empty());
        let message = error.problems.iter().map(|problem| problem.message_ja.clone()).collect::<Vec<_>>().join("\n");
        AppError { message, path }
    }
}

impl From<hojo::program::ProgramError> for AppError {
    fn from(error: hojo::program::ProgramError) -> AppError {
        AppError::new(error.to_string())
    }
}

impl From<hojo::edit::EditError> for AppError {
    fn from(error: hojo::edit::EditError) -> AppError {
        AppError { message: error.message, path: Some(error.path).filter(|path| !path.is_empty()) }
    }
}

/// A store error as the screens show it; a refused edit keeps the field it names.
pub fn store_error(error: hojo::store::StoreError) -> AppError {
    match error {
        hojo::store::StoreError::Edit(edit) => edit.into(),
        other => AppError::new(other.to_string()),
    }
}

pub type AppResult<T> = Result<T, AppError>;

/// The message when a screen acts before any application exists.
pub fn no_case() -> AppError {
    AppError::new("申請がまだありません。「はじめに」で病院名と年度を入力して始めてください")
}
