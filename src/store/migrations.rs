//! The schema, as numbered migrations in code. `PRAGMA user_version` holds the number of migrations applied;
//! each runs in its own transaction together with the bump of that number, so a crash leaves the database at
//! one version or the next, never between. Migrations are only ever added at the end, never edited.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use super::error::{Result, StoreError};

/// Migration `n` (1-based) brings a database from version `n - 1` to `n`.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_core.sql"),
    include_str!("migrations/002_application_dates.sql"),
    include_str!("migrations/003_entry_ids_never_reused.sql"),
    include_str!("migrations/004_standard_used.sql"),
    include_str!("migrations/005_hospital_row.sql"),
    include_str!("migrations/006_lifecycle.sql"),
    include_str!("migrations/007_receipts.sql"),
];

/// The schema version this Hojo writes; a database above it comes from a newer Hojo.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// `PRAGMA application_id` of every Hojo database ("HOJO"), so another program's SQLite file is not taken
/// for ours.
pub const APPLICATION_ID: i64 = 0x484F_4A4F;

pub fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Applies the migrations up to `target`. Safe against a second process migrating at the same moment: each
/// step re-reads the version inside its write transaction. Foreign keys are off while tables are rebuilt (so
/// dropping an old table cascades nowhere) and checked before each step commits.
pub fn migrate_to(conn: &mut Connection, target: i64) -> Result<()> {
    if user_version(conn)? >= target.min(SCHEMA_VERSION) {
        return Ok(());
    }
    let foreign_keys: bool = conn.query_row("PRAGMA foreign_keys", [], |row| row.get(0))?;
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let result = apply(conn, target);
    conn.pragma_update(None, "foreign_keys", if foreign_keys { "ON" } else { "OFF" })?;
    result
}

fn apply(conn: &mut Connection, target: i64) -> Result<()> {
    let target = target.min(SCHEMA_VERSION);
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version = user_version(&tx)?;
        if version >= target {
            return Ok(());
        }
        let index = usize::try_from(version).unwrap_or(0);
        tx.execute_batch(MIGRATIONS[index])?;
        let broken: Option<String> = tx.query_row("PRAGMA foreign_key_check", [], |row| row.get(0)).optional()?;
        if let Some(table) = broken {
            return Err(StoreError::Corrupt {
                detail: format!("形式の更新後、{table} の参照が壊れています")
            });
        }
        tx.pragma_update(None, "user_version", version + 1)?;
        if version == 0 {
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        tx.commit()?;
    }
}

#[cfg(test)]
mod tests;
