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
    let os = if cfg!(windows) {
        Os::Windows
    } else if cfg!(target_os = "macos") {
        Os::Mac
    } else {
        Os::Other
    };
    app_data_dir_with(os, |name| std::env::var_os(name))
}

#[derive(Clone, Copy)]
enum Os {
    Windows,
    Mac,
    Other,
}

/// The rule, with the environment passed in so it can be tested without changing the process's own.
fn app_data_dir_with(os: Os, var: impl Fn(&str) -> Option<std::ffi::OsString>) -> Option<PathBuf> {
    // A relative XDG_DATA_HOME is invalid by the XDG spec and would put the data wherever Hojo was started.
    let absolute = |name: &str| var(name).map(PathBuf::from).filter(|path| path.is_absolute());
    match os {
        Os::Windows => absolute("APPDATA").map(|dir| dir.join("Hojo")),
        Os::Mac => absolute("HOME").map(|home| home.join("Library/Application Support/Hojo")),
        Os::Other => absolute("XDG_DATA_HOME")
            .or_else(|| absolute("HOME").map(|home| home.join(".local/share")))
            .map(|dir| dir.join("hojo")),
    }
}

#[cfg(test)]
mod tests {
    use std::ffi::OsString;
    use std::path::{Path, PathBuf};

    use super::{Os, app_data_dir_with, resolve_db_path};

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let pairs: Vec<(String, String)> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |name| pairs.iter().find(|(key, _)| key == name).map(|(_, value)| OsString::from(value))
    }

    // What counts as an absolute path is the running system's: /data is one on Linux and macOS, C:\… on Windows.
    #[cfg(not(windows))]
    #[test]
    fn linux_uses_xdg_data_home_then_the_home_folder() {
        let both = env(&[("XDG_DATA_HOME", "/data"), ("HOME", "/home/kango")]);
        assert_eq!(app_data_dir_with(Os::Other, both), Some(PathBuf::from("/data/hojo")));
        let home_only = env(&[("HOME", "/home/kango")]);
        assert_eq!(app_data_dir_with(Os::Other, home_only), Some(PathBuf::from("/home/kango/.local/share/hojo")));
        let relative = env(&[("XDG_DATA_HOME", "data"), ("HOME", "/home/kango")]);
        assert_eq!(app_data_dir_with(Os::Other, relative), Some(PathBuf::from("/home/kango/.local/share/hojo")));
        assert_eq!(app_data_dir_with(Os::Other, env(&[])), None);
    }

    #[cfg(not(windows))]
    #[test]
    fn macos_uses_application_support_and_a_windows_path_is_refused_here() {
        let mac = env(&[("HOME", "/Users/kango")]);
        assert_eq!(
            app_data_dir_with(Os::Mac, mac),
            Some(PathBuf::from("/Users/kango/Library/Application Support/Hojo"))
        );
        // Not an absolute path on this OS: refused rather than used relative to the current folder.
        let windows = env(&[("APPDATA", r"C:\Users\kango\AppData\Roaming")]);
        assert_eq!(app_data_dir_with(Os::Windows, windows), None);
    }

    #[cfg(windows)]
    #[test]
    fn windows_uses_appdata() {
        let windows = env(&[("APPDATA", r"C:\Users\看護 花子\AppData\Roaming")]);
        assert_eq!(
            app_data_dir_with(Os::Windows, windows),
            Some(PathBuf::from(r"C:\Users\看護 花子\AppData\Roaming\Hojo"))
        );
        let relative = env(&[("APPDATA", r"AppData\Roaming")]);
        assert_eq!(app_data_dir_with(Os::Windows, relative), None);
        assert_eq!(app_data_dir_with(Os::Windows, env(&[])), None);
    }

    #[test]
    fn an_explicit_path_wins() {
        assert_eq!(resolve_db_path(Some(Path::new("x/hojo.sqlite3"))), Some(PathBuf::from("x/hojo.sqlite3")));
    }
}
