//! Opening a database that is not where Hojo can write, or not as Hojo wrote it: a read-only folder or file is
//! still read (and says changes cannot be saved), a version Hojo never writes is said in Japanese, and what a
//! killed backup left is cleaned.

use std::path::Path;

use hojo::case::parse_case;
use hojo::money::Yen;
use hojo::store::{CostInput, CostItem, Editor, ImportMode, Store, StoreError, backup_dir};

fn sakura() -> hojo::case::Case {
    parse_case(include_bytes!("../examples/sakura-hospital.json")).unwrap()
}

fn saved_database(path: &Path) -> hojo::store::ApplicationId {
    let mut store = Store::open(path).unwrap();
    store.import_case(&Editor::Administrator, &sakura(), ImportMode::New).unwrap().application_id
}

fn a_receipt() -> CostInput {
    CostInput { item: CostItem::OTHER_COSTS, amount: Yen::new(1), paid_on: None, memo: None }
}

#[test]
fn a_database_opened_read_only_is_read_and_refuses_edits_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hojo.sqlite3");
    let application = saved_database(&path);
    let mut store = Store::open_read_only(&path).unwrap();
    assert!(store.is_read_only());
    assert_eq!(store.load_case(application).unwrap(), sakura());
    let notice = store.read_only_notice().unwrap();
    assert!(notice.contains("読み取り専用") && notice.contains("変更は保存できません"), "{notice}");
    let claim = store.trainees(application).unwrap()[0].id;
    let error = store.add_cost(&Editor::Administrator, claim, &a_receipt()).unwrap_err();
    assert!(matches!(error, StoreError::ReadOnly), "{error:?}");
    assert!(error.to_string().contains("この変更は保存されていません"), "{error}");
    assert!(Store::open(&path).unwrap().read_only_notice().is_none(), "a writable place opens for writing");
}

/// Whether permissions stop this process (they do not stop root, for whom the folder stays writable).
#[cfg(unix)]
fn permissions_apply(dir: &Path) -> bool {
    std::fs::write(dir.join("probe"), b"x").is_err()
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_still_opens_the_database_for_reading() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("share");
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("hojo.sqlite3");
    let application = saved_database(&path);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o500)).unwrap();
    // Writable again at the end, pass or fail, so that the temporary folder can be removed.
    struct Writable(std::path::PathBuf);
    impl Drop for Writable {
        fn drop(&mut self) {
            let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o700));
        }
    }
    let _writable = Writable(folder.clone());
    if !permissions_apply(&folder) {
        eprintln!("permissions do not apply to this user (root): the read-only fallback is not exercised here");
        return;
    }
    let mut store = Store::open(&path).expect("a read-only folder must not block reading the database");
    assert!(store.read_only_notice().unwrap().contains("読み取り専用"));
    assert_eq!(store.load_case(application).unwrap(), sakura());
    let claim = store.trainees(application).unwrap()[0].id;
    assert!(matches!(store.add_cost(&Editor::Administrator, claim, &a_receipt()), Err(StoreError::ReadOnly)));
}

#[test]
fn a_schema_version_hojo_never_writes_is_said_in_japanese_and_the_file_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hojo.sqlite3");
    saved_database(&path);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", -1).unwrap();
        conn.pragma_update_and_check(None, "journal_mode", "DELETE", |row| row.get::<_, String>(0)).unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let error = Store::open(&path).err().expect("version -1 is not a Hojo database as written");
    let message = error.to_string();
    assert!(message.contains("形式の番号が -1"), "{message}");
    assert!(!message.contains("already exists") && !message.contains("SQL"), "no raw SQL: {message}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing migrated over it");
}

#[test]
fn a_stale_partial_copy_left_by_a_killed_backup_is_removed_on_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hojo.sqlite3");
    saved_database(&path);
    drop(Store::open(&path).unwrap()); // takes the backup of the import
    let backups = backup_dir(&path);
    let stale = backups.join("hojo-20261123T082600123Z-open-v4-r1.sqlite3.partial");
    let fresh = backups.join("hojo-20261123T082600124Z-open-v4-r1.sqlite3.partial");
    for file in [&stale, &fresh] {
        std::fs::write(file, b"names and salaries").unwrap();
    }
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options().write(true).open(&stale).unwrap().set_modified(an_hour_ago).unwrap();
    // Nothing changed since the last backup: this open takes none, and still cleans.
    drop(Store::open(&path).unwrap());
    assert!(!stale.exists(), "a killed backup's copy stays no longer than the next open");
    assert!(fresh.exists(), "a copy another Hojo may be writing now is left alone");
}
