//! The database file itself: created private, refused (and left untouched) when it is not a Hojo database or
//! comes from a newer Hojo, migrated from an older one with a backup first, backed up and restored.

use std::path::{Path, PathBuf};

use hojo::case::parse_case;
use hojo::money::Yen;
use hojo::store::{
    APPLICATION_ID, BACKUPS_KEPT, BackupReason, CostInput, CostItem, Editor, ImportMode, SCHEMA_VERSION, Store,
    StoreError, list_backups,
};

fn sakura() -> hojo::case::Case {
    parse_case(include_bytes!("../examples/sakura-hospital.json")).unwrap()
}

/// Every file in a folder (recursively) with its bytes: "untouched" means this does not change.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(snapshot(&path));
        } else {
            files.push((path.clone(), std::fs::read(&path).unwrap()));
        }
    }
    files.sort();
    files
}

#[test]
fn a_new_database_is_created_with_its_folders_and_readable_by_its_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new/folder/hojo.sqlite3");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(std::fs::metadata(path.parent().unwrap()).unwrap().permissions().mode() & 0o777, 0o700);
    }
    #[cfg(windows)]
    {
        assert_owner_only(&path);
        // The folder Hojo made passes the same entries on to what SQLite creates in it (-wal, -shm).
        assert_owner_only(path.parent().unwrap());
    }
    assert!(store.check().unwrap().is_empty());
}

/// Windows: the ACL lets in only the user Hojo runs as, SYSTEM and the Administrators — what 0600 is on Linux
/// (src/owner_only.rs); no Everyone, no Users.
#[cfg(windows)]
fn assert_owner_only(path: &Path) {
    let user = hojo::owner_only::current_user_sid().unwrap();
    let people = hojo::owner_only::who_has_access(path).unwrap();
    assert!(
        people.iter().all(|who| [user.as_str(), "SY", "BA"].contains(&who.as_str())),
        "{}: {people:?}",
        path.display()
    );
    assert!(people.contains(&user), "{}: {people:?}", path.display());
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.sqlite3");
    std::fs::write(&path, "これはメモです。データベースではありません。".repeat(20)).unwrap();
    let before = snapshot(dir.path());
    let error = Store::open(&path).err().unwrap();
    assert!(matches!(error, StoreError::NotSqlite { .. }), "{error}");
    assert!(error.to_string().contains("手を加えていません"), "{error}");
    assert_eq!(snapshot(dir.path()), before);
    // A short file too (shorter than SQLite's header).
    std::fs::write(&path, b"SQLite").unwrap();
    let before = snapshot(dir.path());
    assert!(matches!(Store::open(&path), Err(StoreError::NotSqlite { .. })));
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn another_programs_sqlite_file_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('hello');").unwrap();
    }
    let before = snapshot(dir.path());
    let error = Store::open(&path).err().unwrap();
    assert!(matches!(error, StoreError::NotHojo { .. }), "{error}");
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_database_from_a_newer_hojo_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hojo.sqlite3");
    {
        let mut store = Store::open(&path).unwrap();
        store.import_case(&Editor::Administrator, &sakura(), ImportMode::New).unwrap();
    }
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
        // Leave a single self-contained file, as a newer Hojo would after closing.
        conn.pragma_update_and_check(None, "journal_mode", "DELETE", |row| row.get::<_, String>(0)).unwrap();
    }
    let before = snapshot(dir.path());
    let error = Store::open(&path).err().unwrap();
    match &error {
        StoreError::TooNew { found, supported, .. } => {
            assert_eq!(*found, SCHEMA_VERSION + 1);
            assert_eq!(*supported, SCHEMA_VERSION);
        }
        other => panic!("{other}"),
    }
    assert!(error.to_string().contains("Hojoを新しい版に更新"), "{error}");
    assert_eq!(snapshot(dir.path()), before, "no backup, no migration, no change");
}

/// A database as Hojo's schema version 1 left it, with two 年度 of data.
fn version_one_database(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(include_str!("../src/store/migrations/001_core.sql")).unwrap();
    conn.execute_batch(include_str!("fixtures/store/v1-data.sql")).unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    conn.pragma_update(None, "application_id", APPLICATION_ID).unwrap();
    conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0)).unwrap();
}

#[test]
fn an_older_database_is_backed_up_then_migrated_and_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hojo.sqlite3");
    version_one_database(&path);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let backups = list_backups(&path).unwrap();
    let before_migration = backups.iter().find(|backup| backup.reason == BackupReason::Migration).unwrap();
    assert_eq!(before_migration.schema_version, 1);
    let hospital = store.hospitals().unwrap()[0].id;
    let case = store.case_for_year(hospital, "kanwa-nurse", hojo::fiscal_year::FiscalYear::new(2024)).unwrap();
    let mut expected = sakura();
    expected.trainees[0].other_costs = Yen::new(53_200);
    assert_eq!(case, expected);
    let applications = store.applications(hospital).unwrap();
    assert_eq!(applications.len(), 2);
    assert_eq!(applications[1].grant_decided, Some(Yen::new(2_325_000)));
    // Schema 6 keeps a 交付決定額 as a decision, which needs a date: one entered without it is dated the 年度's first
    // day and says it has no record of its own.
    assert_eq!(applications[1].dates.submitted_on, None);
    assert_eq!(applications[1].dates.decided_on, chrono::NaiveDate::from_ymd_opt(2024, 4, 1));
    assert_eq!(applications[1].dates.decision_number.as_deref(), Some("（決定日・文書番号の記録なし）"));
}

fn add_receipt(store: &mut Store, amount: i64) {
    let hospital = store.hospitals().unwrap()[0].id;
    let application = store.applications(hospital).unwrap()[0].id;
    let claim = store.trainees(application).unwrap()[0].id;
    let receipt = CostInput { item: CostItem::OTHER_COSTS, amount: Yen::new(amount), paid_on: None, memo: None };
    store.add_cost(&Editor::Administrator, claim, &receipt).unwrap();
}

fn other_costs(store: &Store) -> Yen {
    let hospital = store.hospitals().unwrap()[0].id;
    let application = store.applications(hospital).unwrap()[0].id;
    store.load_case(application).unwrap().trainees[0].other_costs
}

#[test]
fn each_open_after_a_change_keeps_a_backup_and_only_the_newest_ten_stay() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hojo.sqlite3");
    Store::open(&path).unwrap().import_case(&Editor::Administrator, &sakura(), ImportMode::New).unwrap();
    for amount in 1..=12 {
        let mut store = Store::open(&path).unwrap();
        add_receipt(&mut store, amount);
    }
    let backups = list_backups(&path).unwrap();
    assert_eq!(backups.len(), BACKUPS_KEPT);
    assert!(backups.windows(2).all(|pair| pair[0].revision > pair[1].revision), "newest first, all different");
    // Opening again without a change adds no copy of the same state.
    let newest = backups[0].clone();
    drop(Store::open(&path).unwrap());
    drop(Store::open(&path).unwrap());
    let store = Store::open(&path).unwrap();
    assert_eq!(list_backups(&path).unwrap()[1..], backups[..BACKUPS_KEPT - 1]);
    assert_eq!(list_backups(&path).unwrap()[0].reason, BackupReason::Open);
    assert_ne!(list_backups(&path).unwrap()[0], newest);
    drop(store);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for backup in list_backups(&path).unwrap() {
            assert_eq!(std::fs::metadata(&backup.path).unwrap().permissions().mode() & 0o777, 0o600);
        }
    }
    #[cfg(windows)]
    for backup in list_backups(&path).unwrap() {
        assert_owner_only(&backup.path);
    }
}

#[test]
fn any_backup_restores_and_the_restore_itself_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hojo.sqlite3");
    let mut store = Store::open(&path).unwrap();
    store.import_case(&Editor::Administrator, &sakura(), ImportMode::New).unwrap();
    let base = other_costs(&store);
    let mut backups = Vec::new();
    for amount in [1_000, 2_000, 3_000] {
        add_receipt(&mut store, amount);
        backups.push((store.backup_now().unwrap(), other_costs(&store)));
    }
    assert_eq!(backups[2].1, base + Yen::new(6_000));
    // A second Hojo holds the file open during the restore.
    let other = Store::open(&path).unwrap();
    for (backup, expected) in [&backups[0], &backups[1]] {
        store.restore(backup).unwrap();
        assert_eq!(other_costs(&store), *expected);
        assert_eq!(other_costs(&other), *expected, "the other Hojo sees the restored data");
        assert!(store.check().unwrap().is_empty());
    }
    // Undo: the state before the last restore was backed up.
    let before_restore = list_backups(&path).unwrap().into_iter().find(|b| b.reason == BackupReason::Restore).unwrap();
    store.restore(&before_restore.path).unwrap();
    assert_eq!(other_costs(&store), backups[0].1);
}

#[test]
fn restoring_from_a_file_that_is_not_a_backup_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hojo.sqlite3");
    let mut store = Store::open(&path).unwrap();
    store.import_case(&Editor::Administrator, &sakura(), ImportMode::New).unwrap();
    let junk = dir.path().join("junk.sqlite3");
    std::fs::write(&junk, vec![7u8; 4096]).unwrap();
    assert!(matches!(store.restore(&junk), Err(StoreError::NotSqlite { .. })));
    assert_eq!(other_costs(&store), Yen::new(50_000));
}

#[test]
fn an_older_backup_restores_into_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("v1.sqlite3");
    version_one_database(&old);
    let path = dir.path().join("hojo.sqlite3");
    let mut store = Store::open(&path).unwrap();
    store.restore(&old).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.hospitals().unwrap().len(), 1);
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn an_empty_file_becomes_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hojo.sqlite3");
    std::fs::write(&path, b"").unwrap();
    let mut store = Store::open(&path).unwrap();
    store.import_case(&Editor::Administrator, &sakura(), ImportMode::New).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn after_a_restore_the_next_open_backs_up_even_at_an_old_revision() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hojo.sqlite3");
    let mut store = Store::open(&path).unwrap();
    store.import_case(&Editor::Administrator, &sakura(), ImportMode::New).unwrap();
    let early = store.backup_now().unwrap();
    add_receipt(&mut store, 1);
    store.restore(&early).unwrap();
    // Back at the early revision; one edit reaches the revision the pre-restore backup has, with other data.
    add_receipt(&mut store, 2);
    drop(store);
    let newest_before = list_backups(&path).unwrap()[0].clone();
    assert_eq!(newest_before.reason, BackupReason::Restore);
    drop(Store::open(&path).unwrap());
    let newest = list_backups(&path).unwrap()[0].clone();
    assert_eq!(newest.reason, BackupReason::Open);
    let copy = rusqlite::Connection::open_with_flags(&newest.path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let other_costs: i64 =
        copy.query_row("SELECT sum(amount) FROM cost_entry WHERE item = 'other_costs'", [], |row| row.get(0)).unwrap();
    assert_eq!(other_costs, 50_002, "the backup holds the state after the restore and the new edit");
}

#[test]
fn when_the_backup_folder_cannot_be_written_the_data_still_opens_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hojo.sqlite3");
    Store::open(&path).unwrap().import_case(&Editor::Administrator, &sakura(), ImportMode::New).unwrap();
    // Something in the way of the backup folder: a plain file of that name.
    let backups = hojo::store::backup_dir(&path);
    let _ = std::fs::remove_dir_all(&backups);
    std::fs::write(&backups, b"in the way").unwrap();
    let mut store = Store::open(&path).unwrap();
    let warning = store.backup_warning().unwrap().to_string();
    assert!(warning.contains("バックアップ"), "{warning}");
    add_receipt(&mut store, 1);
    assert_eq!(other_costs(&store), Yen::new(50_001));
    std::fs::remove_file(&backups).unwrap();
    assert!(Store::open(&path).unwrap().backup_warning().is_none());
}
