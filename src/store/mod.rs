//! The local database: hospitals, trainees, courses, cost entries and applications in one SQLite file on the
//! hospital's PC, with the history of every change and rolling backups. An adapter over the domain: it stores
//! and returns `hojo::case` values and knows nothing of windows.
//!
//! Every edit is checked before it is written (a Japanese reason naming the field when refused) and is one
//! transaction together with its history entry. Amounts are integer yen. See docs/database.md.

mod application;
mod application_rows;
mod attachments;
mod backup;
mod case_import;
mod case_io;
mod checks;
mod claim_ops;
mod claim_read;
mod claim_rows;
mod claims;
mod continuing;
mod costs;
mod edits;
mod error;
mod history;
mod hospital;
mod hospital_row;
mod hospital_rows;
mod ids;
mod integrity;
mod lifecycle;
mod lifecycle_rows;
mod location;
mod migrations;
mod names;
mod open;
mod profile;
mod receipt_files;
mod receipts;
mod report_rows;
mod saved;
mod sql;
mod trainee_costs;
mod trainee_costs_import;
mod usage;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, Transaction, TransactionBehavior};

pub use application::{ApplicationDates, ApplicationStatus, ApplicationSummary};
pub use attachments::AttachmentInfo;
pub use backup::{BACKUPS_KEPT, BackupInfo, BackupReason, backup_dir, list_backups, verify_backup};
pub use case_io::{ImportMode, ImportOutcome};
pub use claims::{ClaimFlags, ClaimView, CourseStatus, CourseSummary, TraineeProfile};
pub use continuing::ContinuingCourse;
pub use costs::{CostEntry, CostInput, CostItem, MAX_AMOUNT, SalaryMonthEntry, SalaryMonthInput};
pub use error::{Result, StoreError};
pub use history::{Change, Editor};
pub use hospital::HospitalSummary;
pub use ids::{ApplicationId, AttachmentId, ClaimId, CostId, CourseId, HospitalId, SalaryMonthId, TraineeId};
pub use location::{DB_ENV, default_db_path, resolve_db_path};
pub use migrations::{APPLICATION_ID, SCHEMA_VERSION};
pub use saved::SavedApplication;
pub use trainee_costs::{TRAINEE_COSTS_FORMAT, TraineeCosts, TraineeCostsOutcome, TraineeKey, parse_trainee_costs};
pub use trainee_costs_import::{CostChange, TraineeCostsPreview};

use open::{Access, Found};

/// An open database. One per window or command; several may share a file (each edit waits its turn).
pub struct Store {
    conn: Connection,
    path: PathBuf,
    backup_warning: Option<String>,
    access: Access,
}

impl Store {
    /// Opens the database at `path`, creating it (and its folders, readable by the owner only) if missing.
    /// A file that is not a Hojo database, or is from a newer Hojo, is refused and left untouched. An older
    /// schema is backed up, then migrated. Each open that finds changes since the last backup takes one.
    ///
    /// A folder or file that cannot be written opens for reading only ([`Store::read_only_notice`] says so):
    /// the data is shown, every edit is refused with [`StoreError::ReadOnly`].
    pub fn open(path: &Path) -> Result<Store> {
        if open::probe(path)? == Found::Missing {
            open::create_private_file(path)?;
        }
        let (conn, version, access) = open::connect(path)?;
        if access == Access::ReadOnly {
            return Store::read_only(conn, path, version);
        }
        let mut conn = conn;
        if version > 0 && version < SCHEMA_VERSION {
            backup::take_backup(&conn, path, BackupReason::Migration)?;
        }
        migrations::migrate_to(&mut conn, SCHEMA_VERSION)?;
        backup::remove_stale_partials(path);
        let mut store = Store { conn, path: path.to_path_buf(), backup_warning: None, access };
        // The routine backup failing (a full disk, a read-only folder) must not lock the hospital out of its
        // data: the store opens and says so. The backup before a migration, above, is never skipped.
        if let Err(error) = store.backup_if_changed() {
            store.backup_warning = Some(format!(
                "起動時のバックアップを取れませんでした（{error}）。データは使えますが、バックアップのフォルダ {} の空き容量と権限を確かめてください",
                backup_dir(path).display()
            ));
        }
        Ok(store)
    }

    /// Opens an existing database for reading only, whether or not it could be written (nothing is created,
    /// migrated or backed up).
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if open::probe(path)? == Found::Missing {
            return Err(StoreError::io(path, "見つけることが")(std::io::ErrorKind::NotFound.into()));
        }
        let (conn, version) = open::connect_read_only(path)?;
        Store::read_only(conn, path, version)
    }

    fn read_only(conn: Connection, path: &Path, version: i64) -> Result<Store> {
        if version < SCHEMA_VERSION {
            return Err(StoreError::Conflict(format!(
                "{}: このデータベースは古い形式（形式 {version}）で、開くには形式の更新が必要ですが、フォルダかファイルに書き込めません（読み取り専用）。書き込めるフォルダにコピーしてから開いてください。このファイルには手を加えていません",
                path.display()
            )));
        }
        Ok(Store { conn, path: path.to_path_buf(), backup_warning: None, access: Access::ReadOnly })
    }

    /// Whether changes can be saved: `false` when the folder or file cannot be written.
    pub fn is_read_only(&self) -> bool {
        self.access == Access::ReadOnly
    }

    /// What the app shows (and the commands print) when the database opened for reading only.
    pub fn read_only_notice(&self) -> Option<String> {
        self.is_read_only().then(|| {
            let folder = self.path.parent().map(|parent| parent.display().to_string()).unwrap_or_default();
            format!(
                "データベース {} は読み取り専用で開きました（フォルダ {folder} かファイルに書き込めません）。内容は見られますが、変更は保存できません。保存するには、フォルダとファイルの書き込み権限を確かめてから開き直してください",
                self.path.display()
            )
        })
    }

    /// How long an edit waits for another Hojo's edit before giving up with [`StoreError::Busy`] (10 seconds
    /// unless set).
    pub fn set_busy_timeout(&self, timeout: std::time::Duration) -> Result<()> {
        Ok(self.conn.busy_timeout(timeout)?)
    }

    /// Why the backup on opening could not be taken, if it could not: the app shows it, the commands print it.
    pub fn backup_warning(&self) -> Option<&str> {
        self.backup_warning.as_deref()
    }

    /// The file this store reads and writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A backup now, whatever has changed; returns its file.
    pub fn backup_now(&self) -> Result<PathBuf> {
        backup::take_backup(&self.conn, &self.path, BackupReason::Manual)
    }

    /// The backup taken on opening: skipped when nothing was entered yet, or nothing changed since the newest
    /// backup (so that opening the app ten times does not push the older backups out).
    fn backup_if_changed(&self) -> Result<()> {
        let revision = backup::revision(&self.conn)?;
        if revision == 0 {
            return Ok(());
        }
        // Revisions only grow between restores; the newest backup being the one taken before a restore means
        // the revision may have been reached again with other contents, so that case always backs up.
        let newest = list_backups(&self.path)?.into_iter().next();
        let unchanged = newest.is_some_and(|newest| {
            newest.revision == revision
                && newest.schema_version == SCHEMA_VERSION
                && newest.reason != BackupReason::Restore
        });
        if unchanged {
            return Ok(());
        }
        backup::take_backup(&self.conn, &self.path, BackupReason::Open)?;
        Ok(())
    }

    /// Replaces the database's contents with a backup's, after checking the backup and backing up the current
    /// state. Other Hojos holding the file open see the restored data on their next read.
    pub fn restore(&mut self, backup_file: &Path) -> Result<()> {
        verify_backup(backup_file)?;
        backup::take_backup(&self.conn, &self.path, BackupReason::Restore)?;
        backup::restore_into(&mut self.conn, backup_file)?;
        // The backup may be of an older schema: bring it up to date as on any open.
        migrations::migrate_to(&mut self.conn, SCHEMA_VERSION)
    }

    /// Problems SQLite's integrity check and the foreign-key check find; empty when the database is sound.
    pub fn check(&self) -> Result<Vec<String>> {
        integrity::integrity_problems(&self.conn)
    }

    /// The newest `limit` changes of a hospital, newest first.
    pub fn history(&self, hospital: HospitalId, limit: u32) -> Result<Vec<Change>> {
        history::changes(&self.conn, hospital, limit)
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        migrations::user_version(&self.conn)
    }

    /// Runs one user edit as one write transaction: all of it with its history entry, or none of it.
    /// IMMEDIATE takes the write lock up front, so two Hojos never deadlock upgrading a read to a write.
    fn edit<T>(&mut self, change: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        if self.is_read_only() {
            return Err(StoreError::ReadOnly);
        }
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = change(&tx)?;
        tx.commit()?;
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    /// The app keeps a `Store` in its state behind a mutex and returns `StoreError` across threads.
    #[test]
    fn the_store_can_move_between_threads_and_its_errors_too() {
        fn send<T: Send>() {}
        fn send_sync<T: Send + Sync>() {}
        send::<super::Store>();
        send_sync::<super::StoreError>();
    }
}
