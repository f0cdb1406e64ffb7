//! Writing a file so that it is either complete or absent: the bytes go to a temporary file in the same folder
//! (same file system, so the rename is atomic), which is flushed to disk and then renamed into place. Without
//! `overwrite` the rename refuses to replace a file that appeared meanwhile. If anything fails, the temporary
//! file is removed (tempfile deletes it on drop) and an existing file is untouched.

use std::io::Write;
use std::path::Path;

use super::ExportError;

pub fn write_file(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), ExportError> {
    let io_error = |error: std::io::Error| ExportError::Io { path: path.to_path_buf(), error };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".hojo-").suffix(".tmp");
    // A temporary file is private (0600); the result is an ordinary document: the replaced file's permissions,
    // or read-write for the owner and readable for others.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map(|meta| meta.permissions().mode() & 0o777).unwrap_or(0o644);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut temporary = builder.tempfile_in(folder).map_err(io_error)?;
    temporary.write_all(bytes).map_err(io_error)?;
    temporary.as_file().sync_all().map_err(io_error)?;
    if overwrite {
        temporary.persist(path).map_err(|error| io_error(error.error))?;
    } else {
        temporary.persist_noclobber(path).map_err(|error| {
            if error.error.kind() == std::io::ErrorKind::AlreadyExists {
                ExportError::Exists(path.to_path_buf())
            } else {
                io_error(error.error)
            }
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_existing_file_is_kept_without_overwrite() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("out.xlsx");
        std::fs::write(&path, b"old").unwrap();
        assert!(matches!(write_file(&path, b"new", false), Err(ExportError::Exists(_))));
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        write_file(&path, b"new", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        let left: Vec<_> = std::fs::read_dir(folder.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn the_written_file_is_an_ordinary_readable_document() {
        use std::os::unix::fs::PermissionsExt;
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("out.xlsx");
        write_file(&path, b"x", false).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
    }

    #[test]
    fn a_missing_folder_is_an_error_and_leaves_nothing() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("no-such-folder").join("out.xlsx");
        assert!(matches!(write_file(&path, b"x", false), Err(ExportError::Io { .. })));
        assert!(!path.exists());
    }
}
