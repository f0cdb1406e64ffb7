//! What can go wrong with the database, each said in Japanese a hospital user can act on. The variants carry
//! what the app needs to point at the problem (the field of a form, the file).

use std::path::PathBuf;

use rusqlite::ErrorCode;

use crate::case::CaseError;

pub type Result<T> = std::result::Result<T, StoreError>;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// An edit was refused before it reached the database. `field` is the form field's id (`amount`),
    /// `label` its Japanese name (金額).
    #[error("{label}: {reason}")]
    Invalid { field: &'static str, label: &'static str, reason: String },

    /// An edit of the application was refused by the domain (hojo::edit): the field and what to do.
    #[error("{0}")]
    Edit(#[from] crate::edit::EditError),

    /// A step of the application's life was refused (hojo::lifecycle): the field and what to do.
    #[error("{0}")]
    Lifecycle(#[from] crate::lifecycle::LifecycleError),

    #[error("{what}が見つかりません（まだ登録されていないか、削除されています）")]
    NotFound { what: String },

    #[error("{0}")]
    Conflict(String),

    #[error("ケースファイルに誤りがあるため、データベースには何も書き込んでいません:\n{0}")]
    Case(#[from] CaseError),

    #[error("{}: SQLiteのデータベースファイルではありません。Hojoのデータベース（.sqlite3）を指定してください。このファイルには手を加えていません", path.display())]
    NotSqlite { path: PathBuf },

    #[error("{}: SQLiteのファイルですが、Hojoのデータベースではありません。別のファイルを指定してください。このファイルには手を加えていません", path.display())]
    NotHojo { path: PathBuf },

    #[error("{}: より新しいHojoで作られたデータベースです（形式 {found}。このHojoが読めるのは形式 {supported} まで）。Hojoを新しい版に更新してから開いてください。このファイルには手を加えていません", path.display())]
    TooNew { path: PathBuf, found: i64, supported: i64 },

    #[error(
        "データベースを別のHojo（画面かコマンド）が使用中で、しばらく待っても空きませんでした。もう一方の作業が終わってから、もう一度お試しください。この変更は保存されていません"
    )]
    Busy,

    #[error("データベースが壊れています（{detail}）。「hojo db restore」でバックアップから戻してください")]
    Corrupt { detail: String },

    #[error(
        "ディスクがいっぱいで保存できませんでした。空き容量を作ってから、もう一度お試しください。この変更は保存されていません"
    )]
    DiskFull,

    #[error(
        "データベースに書き込めません（読み取り専用です）。この変更は保存されていません。フォルダとファイルの書き込み権限を確かめてから開き直してください"
    )]
    ReadOnly,

    #[error("{}: {action}できませんでした（{source}）", path.display())]
    Io { path: PathBuf, action: &'static str, source: std::io::Error },

    #[error("データベースの読み書きに失敗しました（{0}）")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> StoreError {
        match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt { detail: error.to_string() },
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly,
            _ => StoreError::Sqlite(error),
        }
    }
}

impl StoreError {
    pub(crate) fn invalid(field: &'static str, label: &'static str, reason: impl Into<String>) -> StoreError {
        StoreError::Invalid { field, label, reason: reason.into() }
    }

    pub(crate) fn not_found(what: impl Into<String>) -> StoreError {
        StoreError::NotFound { what: what.into() }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, action: &'static str) -> impl FnOnce(std::io::Error) -> StoreError {
        let path = path.into();
        move |source| StoreError::Io { path, action, source }
    }
}

impl StoreError {
    /// A short English gist, for the command line's bilingual messages.
    pub fn english(&self) -> String {
        match self {
            StoreError::Invalid { field, .. } => format!("invalid value for {field}"),
            StoreError::Edit(error) => format!("the edit of {} was refused", error.path),
            StoreError::Lifecycle(error) => format!("the step was refused ({})", error.field),
            StoreError::NotFound { .. } => "not found".into(),
            StoreError::Conflict(_) => "conflicts with what the database holds".into(),
            StoreError::Case(_) => "the case file is not valid; nothing was written".into(),
            StoreError::NotSqlite { .. } => "not an SQLite database; left untouched".into(),
            StoreError::NotHojo { .. } => "an SQLite file, but not a Hojo database; left untouched".into(),
            StoreError::TooNew { found, supported, .. } => {
                format!("database schema {found} is newer than this Hojo's {supported}; left untouched")
            }
            StoreError::Busy => "the database is busy (another Hojo is writing); nothing was saved".into(),
            StoreError::Corrupt { .. } => "the database is damaged; restore a backup".into(),
            StoreError::DiskFull => "disk full; nothing was saved".into(),
            StoreError::ReadOnly => "the database is read-only".into(),
            StoreError::Io { source, .. } => source.to_string(),
            StoreError::Sqlite(error) => error.to_string(),
        }
    }
}
