//! Where the database lives: the OS's folder for application data, unless `--db PATH` or `HOJO_DB` says
//! otherwise. The app and the command line use the same rule, so they see the same data.

use std::path::{Path, PathBuf};

/// The environment variable that selects another database file.
pub const DB_ENV: &str = "HOJO_DB";

const FILE_NAME: &str = "hojo.sqlite3";

/// The database file to use: `explicit` (from `--db`) first, then `HOJO_DB`, then the app-data folder.
pub fn resolve_db_path(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = explicit {
        return Some(path.to_path_buf());
    }
    match std::env::var_os(DB_ENV) {
        Some(value) if !value.is_empty() => Some(PathBuf::from(value)),
        _ => default_db_path(),
    }
}

/// `$XDG_DATA_HOME/hojo/hojo.sqlite3` (else `~/.local/share/hojo/…`) on Linux, `~/Library/Application
/// Support/Hojo/…` on macOS, `%APPDATA%\Hojo\…` on Windows; `None` when the home folder is unknown.
pub fn default_db_path() -> Option<PathBuf> {
    app_data_dir().map(|dir| dir.join(FILE_NAME))
}

fn app_data_dir() -> Option<PathBuf> {
    let absolute = |name: &str| std::env::var_os(name).map(PathBuf::from).filter(|path| path.is_absolute());
    if cfg!(windows) {
        absolute("APPDATA").map(|dir| dir.join("Hojo"))
    } else if cfg!(target_os = "macos") {
        absolute("HOME").map(|home| home.join("Library/Application Support/Hojo"))
    } else {
        absolute("XDG_DATA_HOME")
            .or_else(|| absolute("HOME").map(|home| home.join(".local/share")))
            .map(|dir| dir.join("hojo"))
    }
}
