//! Rolling backups: a copy of the whole database made with SQLite's backup API (consistent even while another
//! Hojo writes), on every start and before every migration, the newest 10 kept in a folder beside the file
//! (`hojo.sqlite3.backups/`). Any of them can be restored; restoring first backs up the current state, so a
//! restore can itself be undone.

use std::fs::{DirBuilder, OpenOptions};
use std::path::{Path, PathBuf};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, MAIN_DB, OpenFlags};

use super::error::{Result, StoreError};
use super::open::{Found, probe};

/// How many backups are kept; the oldest beyond this are deleted after each new one.
pub const BACKUPS_KEPT: usize = 10;

const SUFFIX: &str = ".sqlite3";

/// Why a backup was taken; part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum BackupReason {
    /// On opening the database (each start of the app or a command that writes).
    Open,
    /// Just before the schema is migrated to a newer version.
    Migration,
    /// Asked for (`hojo db backup`).
    Manual,
    /// Just before another backup was restored over the database.
    Restore,
}

impl BackupReason {
    fn id(self) -> &'static str {
        match self {
            BackupReason::Open => "open",
            BackupReason::Migration => "migration",
            BackupReason::Manual => "manual",
            BackupReason::Restore => "restore",
        }
    }

    fn from_id(id: &str) -> Option<BackupReason> {
        [BackupReason::Open, BackupReason::Migration, BackupReason::Manual, BackupReason::Restore]
            .into_iter()
            .find(|reason| reason.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            BackupReason::Open => "起動時",
            BackupReason::Migration => "形式の更新前",
            BackupReason::Manual => "手動",
            BackupReason::Restore => "復元前",
        }
    }
}

/// One backup file, as listed for the user to choose from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BackupInfo {
    pub path: PathBuf,
    /// UTC, `2026-11-23T08:26:00.123Z`.
    pub taken_at: String,
    pub reason: BackupReason,
    /// The schema version of the copy.
    pub schema_version: i64,
    /// The number of the last change in the copy's history (0: nothing entered yet).
    pub revision: i64,
}

/// The folder holding the backups of a database file.
pub fn backup_dir(db_path: &Path) -> PathBuf {
    let name = db_path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_else(|| "hojo".into());
    db_path.with_file_name(format!("{name}.backups"))
}

/// The backups of a database, newest first.
pub fn list_backups(db_path: &Path) -> Result<Vec<BackupInfo>> {
    let dir = backup_dir(db_path);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(StoreError::io(&dir, "一覧を読むことが")(error)),
    };
    let mut backups: Vec<BackupInfo> =
        entries.filter_map(|entry| entry.ok()).filter_map(|entry| parse_name(&entry.path())).collect();
    backups.sort_by(|a, b| b.path.file_name().cmp(&a.path.file_name()));
    Ok(backups)
}

/// `hojo-20261123T082600123Z-open-v1-r42.sqlite3` → its parts; `None` for files that are not our backups.
fn parse_name(path: &Path) -> Option<BackupInfo> {
    let name = path.file_name()?.to_str()?;
    let stem = name.strip_prefix("hojo-")?.strip_suffix(SUFFIX)?;
    let mut parts = stem.split('-');
    let stamp = parts.next()?;
    let reason = BackupReason::from_id(parts.next()?)?;
    let schema_version = parts.next()?.strip_prefix('v')?.parse().ok()?;
    let revision = parts.next()?.strip_prefix('r')?.parse().ok()?;
    let taken_at = format_stamp(stamp)?;
    Some(BackupInfo { path: path.to_path_buf(), taken_at, reason, schema_version, revision })
}

/// `20261123T082600123Z` → `2026-11-23T08:26:00.123Z`
fn format_stamp(stamp: &str) -> Option<String> {
    let digits: String = stamp.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 17 {
        return None;
    }
    let d = |range: std::ops::Range<usize>| &digits[range];
    Some(format!("{}-{}-{}T{}:{}:{}.{}Z", d(0..4), d(4..6), d(6..8), d(8..10), d(10..12), d(12..14), d(14..17)))
}

/// The revision of a database: the id of its latest change (every edit records one).
pub(crate) fn revision(conn: &Connection) -> Result<i64> {
    let has_log: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'change_log'",
        [],
        |row| row.get(0),
    )?;
    if !has_log {
        return Ok(0);
    }
    Ok(conn.query_row("SELECT coalesce(max(id), 0) FROM change_log", [], |row| row.get(0))?)
}

/// Copies the database into a new backup file and prunes the oldest beyond [`BACKUPS_KEPT`]. The copy is
/// written under a temporary name and renamed when complete, so a crash never leaves half a backup among them.
pub(crate) fn take_backup(conn: &Connection, db_path: &Path, reason: BackupReason) -> Result<PathBuf> {
    let dir = backup_dir(db_path);
    #[cfg(windows)]
    let existed = dir.is_dir();
    let mut builder = DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(&dir).map_err(StoreError::io(&dir, "バックアップのフォルダを作ることが"))?;
    #[cfg(windows)]
    if !existed {
        crate::owner_only::restrict_to_owner(&dir)
            .map_err(StoreError::io(&dir, "バックアップのフォルダを作ることが"))?;
    }

    let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    let revision = revision(conn)?;
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%3fZ").to_string();
    let (partial, target) = free_name(&dir, &stamp, reason, version, revision)?;

    let result = copy_into(conn, &partial);
    if let Err(error) = result {
        let _ = std::fs::remove_file(&partial);
        return Err(error);
    }
    std::fs::rename(&partial, &target).map_err(StoreError::io(&target, "バックアップを保存することが"))?;
    if let Ok(folder) = std::fs::File::open(&dir) {
        let _ = folder.sync_all();
    }
    prune(db_path)?;
    Ok(target)
}

/// A name no other backup has (two backups may be taken within the same millisecond), created empty and
/// private under its temporary name.
fn free_name(dir: &Path, stamp: &str, reason: BackupReason, version: i64, revision: i64) -> Result<(PathBuf, PathBuf)> {
    for attempt in 0..1000 {
        let extra = if attempt == 0 { String::new() } else { format!("{attempt:03}") };
        let name = format!("hojo-{stamp}{extra}-{}-v{version}-r{revision}{SUFFIX}", reason.id());
        let target = dir.join(&name);
        let partial = dir.join(format!("{name}.partial"));
        if target.exists() {
            continue;
        }
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(&partial) {
            Ok(_) => {
                // Windows: owner-only before the copy of the data is written into it.
                #[cfg(windows)]
                crate::owner_only::restrict_to_owner(&partial)
                    .map_err(StoreError::io(&partial, "バックアップを作ることが"))?;
                return Ok((partial, target));
            }
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(StoreError::io(&partial, "バックアップを作ることが")(error)),
        }
    }
    Err(StoreError::Conflict(
        "バックアップのファイル名を決められませんでした。少し待ってからもう一度お試しください".into(),
    ))
}

fn copy_into(conn: &Connection, destination: &Path) -> Result<()> {
    let mut copy = Connection::open(destination)?;
    // The copy is synced once, as a whole, below; no journal needed for a file nobody else sees yet.
    copy.pragma_update(None, "synchronous", "OFF")?;
    {
        let backup = Backup::new_with_names(conn, MAIN_DB, &mut copy, MAIN_DB)?;
        match backup.step(-1)? {
            StepResult::Done => {}
            _ => return Err(StoreError::Busy),
        }
    }
    // The copy is a snapshot to keep: leave it as a single self-contained file, not WAL.
    copy.pragma_update_and_check(None, "journal_mode", "DELETE", |row| row.get::<_, String>(0))?;
    drop(copy);
    // Opened for writing: Windows refuses to flush a file opened read-only (FlushFileBuffers needs write access).
    let file = OpenOptions::new()
        .write(true)
        .open(destination)
        .map_err(StoreError::io(destination, "バックアップを開くことが"))?;
    file.sync_all().map_err(StoreError::io(destination, "バックアップを書き込むことが"))?;
    Ok(())
}

/// A `.partial` copy older than this was left by a backup that was killed: no backup takes that long, so
/// removing it never pulls a file from under another Hojo's backup in progress.
const STALE_PARTIAL: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Deletes all but the newest [`BACKUPS_KEPT`] backups, and temporary files left by an interrupted backup.
fn prune(db_path: &Path) -> Result<()> {
    for old in list_backups(db_path)?.into_iter().skip(BACKUPS_KEPT) {
        remove_old_backup(&old.path)?;
    }
    remove_stale_partials(db_path);
    Ok(())
}

/// Another Hojo rotating the same backups may have removed it a moment ago: that is the goal, not a failure.
fn remove_old_backup(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(StoreError::io(path, "古いバックアップを消すことが")(error)),
    }
}

/// Removes the `.partial` copies killed backups left (they hold nurses' names and salaries); on every open and
/// after every backup. Best effort: a file that cannot be removed now is tried again next time.
pub(crate) fn remove_stale_partials(db_path: &Path) {
    let Ok(entries) = std::fs::read_dir(backup_dir(db_path)) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let stale = path.extension().is_some_and(|ext| ext == "partial")
            && entry
                .metadata()
                .and_then(|meta| meta.modified())
                .is_ok_and(|modified| modified.elapsed().is_ok_and(|age| age > STALE_PARTIAL));
        if stale {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Checks that a file is a Hojo database this Hojo can read and that SQLite finds it intact; reads only.
pub fn verify_backup(path: &Path) -> Result<i64> {
    match probe(path)? {
        Found::Sqlite => {}
        Found::Missing => {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                action: "見つけることが",
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            });
        }
        Found::Empty => return Err(StoreError::NotSqlite { path: path.to_path_buf() }),
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    let application_id: i64 = conn.query_row("PRAGMA application_id", [], |row| row.get(0))?;
    if application_id != super::migrations::APPLICATION_ID {
        return Err(StoreError::NotHojo { path: path.to_path_buf() });
    }
    let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if version > super::migrations::SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: super::migrations::SCHEMA_VERSION,
        });
    }
    let problems = super::integrity::integrity_problems(&conn)?;
    if !problems.is_empty() {
        return Err(StoreError::Corrupt { detail: format!("{}: {}", path.display(), problems.join("; ")) });
    }
    Ok(version)
}

/// Copies a backup over the live database, through SQLite so that other Hojos holding it open see either the
/// old or the restored data, never a mix.
pub(crate) fn restore_into(conn: &mut Connection, backup: &Path) -> Result<()> {
    let source =
        Connection::open_with_flags(backup, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    let restore = Backup::new_with_names(&source, MAIN_DB, conn, MAIN_DB)?;
    match restore.step(-1)? {
        StepResult::Done => Ok(()),
        _ => Err(StoreError::Busy),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{BackupReason, backup_dir, parse_name};

    #[test]
    fn backup_names_are_read_back() {
        let info = parse_name(Path::new("/d/hojo-20261123T082600123Z-migration-v2-r42.sqlite3")).unwrap();
        assert_eq!(info.taken_at, "2026-11-23T08:26:00.123Z");
        assert_eq!(info.reason, BackupReason::Migration);
        assert_eq!((info.schema_version, info.revision), (2, 42));
        // Same millisecond: a counter follows the stamp.
        let info = parse_name(Path::new("/d/hojo-20261123T082600123Z001-open-v3-r7.sqlite3")).unwrap();
        assert_eq!(info.taken_at, "2026-11-23T08:26:00.123Z");
        for other in [
            "notes.txt",
            "hojo-x-open-v1-r1.sqlite3",
            "hojo-20261123T082600123Z-open-v1-r1.sqlite3.partial",
            "hojo-20261123T082600123Z-lunch-v1-r1.sqlite3",
        ] {
            assert!(parse_name(Path::new(other)).is_none(), "{other}");
        }
    }

    #[test]
    fn a_backup_another_hojo_already_rotated_out_is_not_a_failure() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("hojo-20261123T082600123Z-open-v4-r1.sqlite3");
        assert!(super::remove_old_backup(&gone).is_ok(), "removed by the other Hojo a moment ago");
        std::fs::write(&gone, b"old").unwrap();
        super::remove_old_backup(&gone).unwrap();
        assert!(!gone.exists());
    }

    #[test]
    fn backups_sit_beside_the_database() {
        assert_eq!(backup_dir(Path::new("/data/hojo/hojo.sqlite3")), Path::new("/data/hojo/hojo.sqlite3.backups"));
    }
}
