//! Opening the database file: refuse anything that is not a Hojo database, or is from a newer Hojo, before
//! touching it; create a new one (with its folders) readable by its owner only; set the connection up for
//! durability (WAL, synchronous FULL, foreign keys, a busy timeout so two Hojos can share the file).

use std::fs::{DirBuilder, OpenOptions};
use std::io::Read;
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::error::{Result, StoreError};
use super::migrations::{APPLICATION_ID, SCHEMA_VERSION};

/// How long an edit waits for another Hojo's edit to finish before saying the database is busy.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// What was found at the path before opening it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Found {
    Missing,
    /// A zero-length file: SQLite treats it as an empty database.
    Empty,
    Sqlite,
}

/// Looks at the first bytes only; never writes.
pub(crate) fn probe(path: &Path) -> Result<Found> {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Missing),
        Err(error) => return Err(StoreError::io(path, "開くことが")(error)),
    };
    if file.metadata().map_err(StoreError::io(path, "調べることが"))?.is_dir() {
        return Err(StoreError::NotSqlite { path: path.to_path_buf() });
    }
    let mut header = Vec::with_capacity(100);
    file.by_ref().take(100).read_to_end(&mut header).map_err(StoreError::io(path, "読むことが"))?;
    if header.is_empty() {
        Ok(Found::Empty)
    } else if header.len() == 100 && header.starts_with(SQLITE_HEADER) {
        Ok(Found::Sqlite)
    } else {
        Err(StoreError::NotSqlite { path: path.to_path_buf() })
    }
}

/// Creates the file (and missing parent folders) so that only its owner can read it: the database holds
/// nurses' names and salaries.
pub(crate) fn create_private_file(path: &Path) -> Result<()> {
    if let Some(parent) = path.parent().filter(|parent| !parent.as_os_str().is_empty()) {
        #[cfg(windows)]
        let existed = parent.is_dir();
        let mut builder = DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(parent).map_err(StoreError::io(parent, "フォルダを作ることが"))?;
        // Windows: a folder Hojo made (%APPDATA%\Hojo) passes its owner-only ACL to SQLite's -wal and -shm.
        #[cfg(windows)]
        if !existed {
            crate::owner_only::restrict_to_owner(parent).map_err(StoreError::io(parent, "フォルダを作ることが"))?;
        }
    }
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        // Windows: the new file, still empty, gets its owner-only ACL before SQLite writes anything into it.
        #[cfg(windows)]
        Ok(_) => crate::owner_only::restrict_to_owner(path).map_err(StoreError::io(path, "作ることが")),
        #[cfg(not(windows))]
        Ok(_) => Ok(()),
        // Another Hojo created it a moment ago: use theirs.
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(error) => Err(StoreError::io(path, "作ることが")(error)),
    }
}

/// Whether the connection can save changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    ReadWrite,
    /// The folder or the file cannot be written (a read-only share, a copy on a CD, permissions): the data is
    /// shown, nothing can be saved.
    ReadOnly,
}

/// Opens an existing file for reading and writing, or, when the folder or the file cannot be written, for
/// reading only (so that a hospital can still see its data). Returns the connection, the schema version found
/// and how it was opened.
pub(crate) fn connect(path: &Path) -> Result<(Connection, i64, Access)> {
    match connect_read_write(path) {
        Ok((conn, version)) => Ok((conn, version, Access::ReadWrite)),
        Err(error) if cannot_write(&error) => match connect_read_only(path) {
            Ok((conn, version)) => Ok((conn, version, Access::ReadOnly)),
            Err(_) => Err(error),
        },
        Err(error) => Err(error),
    }
}

/// Errors that mean "this place cannot be written", not "this is not a database".
fn cannot_write(error: &StoreError) -> bool {
    match error {
        StoreError::ReadOnly => true,
        StoreError::Sqlite(error) => matches!(
            error.sqlite_error_code(),
            Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::PermissionDenied)
        ),
        StoreError::Io { source, .. } => source.kind() == std::io::ErrorKind::PermissionDenied,
        _ => false,
    }
}

/// Opens for reading only. A WAL database needs its `-shm` file, which a read-only folder cannot hold: then the
/// file is opened as immutable (nobody can write it there either).
pub(crate) fn connect_read_only(path: &Path) -> Result<(Connection, i64)> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
    let plain = Connection::open_with_flags(path, flags).map_err(|error| classify_open_error(path, error))?;
    plain.busy_timeout(BUSY_TIMEOUT)?;
    match check_ours(&plain, path) {
        Ok(version) => Ok((plain, version)),
        Err(error) if cannot_write(&error) => {
            drop(plain);
            let uri = format!("{}?immutable=1", file_uri(path));
            let conn = Connection::open_with_flags(uri, flags).map_err(|error| classify_open_error(path, error))?;
            let version = check_ours(&conn, path)?;
            Ok((conn, version))
        }
        Err(error) => Err(error),
    }
}

/// `file:` URI of a path, every byte but the unreserved ones percent-encoded (SQLite decodes them).
fn file_uri(path: &Path) -> String {
    let text = path.to_string_lossy();
    #[cfg(windows)]
    let text = format!("/{}", text.replace('\\', "/"));
    let mut uri = String::from("file:");
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-_.~:".contains(&byte) {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

fn connect_read_write(path: &Path) -> Result<(Connection, i64)> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(path, flags).map_err(|error| classify_open_error(path, error))?;
    // SQLite opens a write-protected file read-only without saying so.
    if conn.is_readonly(rusqlite::MAIN_DB)? {
        return Err(StoreError::ReadOnly);
    }
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let version = check_ours(&conn, path)?;
    conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0))?;
    // FULL: a committed edit survives a power cut, not only a crash of Hojo.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok((conn, version))
}

fn check_ours(conn: &Connection, path: &Path) -> Result<i64> {
    let read = |sql: &str| -> Result<i64> {
        conn.query_row(sql, [], |row| row.get(0)).map_err(|error| classify_open_error(path, error))
    };
    let application_id = read("PRAGMA application_id")?;
    let version = read("PRAGMA user_version")?;
    let tables = read("SELECT count(*) FROM sqlite_master")?;
    let fresh = application_id == 0 && version == 0 && tables == 0;
    if application_id != APPLICATION_ID && !fresh {
        return Err(StoreError::NotHojo { path: path.to_path_buf() });
    }
    // Hojo writes 0..=SCHEMA_VERSION only; a negative version is a file edited by hand or damaged.
    if version < 0 {
        return Err(StoreError::Corrupt {
            detail: format!("{}: 形式の番号が {version} になっています（Hojoが書く値ではありません）", path.display()),
        });
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew { path: path.to_path_buf(), found: version, supported: SCHEMA_VERSION });
    }
    Ok(version)
}

fn classify_open_error(path: &Path, error: rusqlite::Error) -> StoreError {
    match error.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotSqlite { path: path.to_path_buf() },
        _ => error.into(),
    }
}
