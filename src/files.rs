//! The one way Hojo writes a file — a workbook, a case file, a nurse's cost sheet, a report: complete or
//! absent, and private. The bytes go to a temporary file with an unguessable name in the same folder (same
//! file system, so the rename is atomic), are flushed to disk and renamed into place; without `overwrite` the
//! rename refuses a file that appeared meanwhile. On any failure the temporary file is removed and an existing
//! file is untouched.
//!
//! These files hold names and salaries: a new file is readable by its owner only (0600 on Linux and macOS; on
//! Windows a protected ACL of the user, SYSTEM and Administrators — `owner_only`, docs/install.md). A file
//! replaced keeps the permissions it had. A temporary file left behind by a killed Hojo
//! (`.hojo-*.tmp`) is removed by the next write into the same folder once it is older than any write takes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The prefix and suffix of Hojo's temporary files, so that stale ones can be recognised and removed.
const TEMP_PREFIX: &str = ".hojo-";
const TEMP_SUFFIX: &str = ".tmp";

/// A temporary file older than this was left by a Hojo that was killed while writing.
const STALE_AFTER: Duration = Duration::from_secs(15 * 60);

/// Why a file was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{}: ファイルが既にあります。上書きしていません", .0.display())]
    Exists(PathBuf),
    #[error("{}: ファイルを書き込めません（{}）", path.display(), reason(error))]
    Io { path: PathBuf, error: std::io::Error },
}

/// The reason of an I/O error in words a hospital user can act on.
pub fn reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "フォルダが見つかりません".to_string(),
        std::io::ErrorKind::PermissionDenied => "書き込む権限がありません。別の場所を選んでください".to_string(),
        std::io::ErrorKind::StorageFull => "ディスクがいっぱいです".to_string(),
        _ => error.to_string(),
    }
}

/// Writes `bytes` to `path` completely or not at all, as a private file.
///
/// # Errors
/// The file exists (without `overwrite`), or the folder cannot be written.
pub fn write_private(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), WriteError> {
    let io_error = |error: std::io::Error| WriteError::Io { path: path.to_path_buf(), error };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    remove_stale_temporaries(folder);
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map(|meta| meta.permissions().mode() & 0o777).unwrap_or(0o600);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut temporary = builder.tempfile_in(folder).map_err(io_error)?;
    // On Windows a new file takes its folder's access rules; make it the user's alone before anything is in it.
    #[cfg(windows)]
    if !path.exists() {
        crate::owner_only::restrict_to_owner(temporary.path()).map_err(io_error)?;
    }
    temporary.write_all(bytes).map_err(io_error)?;
    temporary.as_file().sync_all().map_err(io_error)?;
    if overwrite {
        temporary.persist(path).map_err(|error| io_error(error.error))?;
    } else {
        temporary.persist_noclobber(path).map_err(|error| {
            if error.error.kind() == std::io::ErrorKind::AlreadyExists {
                WriteError::Exists(path.to_path_buf())
            } else {
                io_error(error.error)
            }
        })?;
    }
    Ok(())
}

/// Removes what a killed Hojo left in a folder; anything that cannot be removed is left for the next time.
fn remove_stale_temporaries(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|meta| meta.modified())
            .is_ok_and(|modified| now.duration_since(modified).is_ok_and(|age| age > STALE_AFTER));
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_existing_file_is_kept_without_overwrite_and_no_temporary_is_left() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("out.xlsx");
        std::fs::write(&path, b"old").unwrap();
        assert!(matches!(write_private(&path, b"new", false), Err(WriteError::Exists(_))));
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        write_private(&path, b"new", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_readable_by_its_owner_only_and_a_replaced_one_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("申請書.xlsx");
        write_private(&path, b"x", false).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_private(&path, b"y", true).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
    }

    #[test]
    fn a_missing_folder_is_an_error_and_leaves_nothing() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("no-such-folder").join("out.xlsx");
        assert!(matches!(write_private(&path, b"x", false), Err(WriteError::Io { .. })));
        assert!(!path.exists());
    }

    #[test]
    fn a_temporary_file_a_killed_hojo_left_is_removed_by_the_next_write() {
        let folder = tempfile::tempdir().unwrap();
        let stale = folder.path().join(".hojo-abc123.tmp");
        let fresh = folder.path().join(".hojo-def456.tmp");
        let other = folder.path().join("メモ.tmp");
        for file in [&stale, &fresh, &other] {
            std::fs::write(file, b"half").unwrap();
        }
        let long_ago = SystemTime::now() - Duration::from_secs(3600);
        std::fs::File::options().write(true).open(&stale).unwrap().set_modified(long_ago).unwrap();
        write_private(&folder.path().join("out.json"), b"{}", false).unwrap();
        assert!(!stale.exists(), "the stale temporary file is gone");
        assert!(fresh.exists(), "another Hojo may be writing that one right now");
        assert!(other.exists(), "files that are not Hojo's are left alone");
    }
}
