//! Every earlier schema version, holding data, migrates to exactly what a fresh database holding the same data
//! is: same tables, columns, indexes and foreign keys, same rows.

use rusqlite::Connection;
use rusqlite::types::Value;

use super::{APPLICATION_ID, SCHEMA_VERSION, migrate_to, user_version};

/// The same data written in the schema of each version (index = version; version 0 is an empty file).
const DATA: &[Option<&str>] = &[
    None,
    Some(include_str!("../../../tests/fixtures/store/v1-data.sql")),
    Some(include_str!("../../../tests/fixtures/store/v2-data.sql")),
    Some(include_str!("../../../tests/fixtures/store/v3-data.sql")),
    Some(include_str!("../../../tests/fixtures/store/v4-data.sql")),
    Some(include_str!("../../../tests/fixtures/store/v5-data.sql")),
    Some(include_str!("../../../tests/fixtures/store/v6-data.sql")),
    Some(include_str!("../../../tests/fixtures/store/v7-data.sql")),
];

fn database_at(version: i64) -> Connection {
    let mut conn = Connection::open_in_memory().unwrap();
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    migrate_to(&mut conn, version).unwrap();
    assert_eq!(user_version(&conn).unwrap(), version);
    conn
}

fn with_data(conn: &Connection, version: i64) {
    if let Some(sql) = DATA[version as usize] {
        conn.execute_batch(sql).unwrap();
    }
}

/// Everything that makes two databases the same, as text: the header values, each table's columns, foreign
/// keys and indexes, and all rows.
fn dump(conn: &Connection) -> Vec<String> {
    let mut lines = vec![
        format!("user_version {}", user_version(conn).unwrap()),
        format!("application_id {}", conn.query_row("PRAGMA application_id", [], |row| row.get::<_, i64>(0)).unwrap()),
    ];
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let rows_of = |sql: &str| -> Vec<String> {
        let mut statement = conn.prepare(sql).unwrap();
        let columns = statement.column_count();
        statement
            .query_map([], |row| {
                Ok((0..columns)
                    .map(|index| format!("{:?}", row.get::<_, Value>(index).unwrap()))
                    .collect::<Vec<_>>()
                    .join(" | "))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    for table in tables {
        lines.push(format!("table {table}"));
        lines.extend(
            rows_of(&format!("PRAGMA table_info(\"{table}\")")).into_iter().map(|line| format!("  column {line}")),
        );
        lines.extend(
            rows_of(&format!("PRAGMA foreign_key_list(\"{table}\")")).into_iter().map(|line| format!("  fk {line}")),
        );
        let mut indexes = rows_of(&format!(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}' ORDER BY name"
        ));
        indexes.sort();
        lines.extend(indexes.into_iter().map(|line| format!("  index {line}")));
        lines.extend(
            rows_of(&format!("SELECT * FROM \"{table}\" ORDER BY 1, 2"))
                .into_iter()
                .map(|line| format!("  row {line}")),
        );
    }
    lines
}

#[test]
fn there_is_data_for_every_version() {
    assert_eq!(DATA.len() as i64, SCHEMA_VERSION + 1);
}

#[test]
fn every_earlier_version_with_data_ends_equal_to_a_fresh_database_with_the_same_data() {
    let fresh = database_at(SCHEMA_VERSION);
    with_data(&fresh, SCHEMA_VERSION);
    let expected = dump(&fresh);
    for version in 1..SCHEMA_VERSION {
        let mut conn = database_at(version);
        with_data(&conn, version);
        migrate_to(&mut conn, SCHEMA_VERSION).unwrap();
        let found = dump(&conn);
        for (line_found, line_expected) in found.iter().zip(&expected) {
            assert_eq!(line_found, line_expected, "from version {version}");
        }
        assert_eq!(found.len(), expected.len(), "from version {version}");
        assert_eq!(conn.query_row("PRAGMA integrity_check", [], |row| row.get::<_, String>(0)).unwrap(), "ok");
        assert!(conn.prepare("PRAGMA foreign_key_check").unwrap().query([]).unwrap().next().unwrap().is_none());
    }
}

#[test]
fn an_empty_file_becomes_the_current_schema() {
    let conn = database_at(SCHEMA_VERSION);
    let empty_then_migrated = {
        let mut conn = database_at(0);
        migrate_to(&mut conn, SCHEMA_VERSION).unwrap();
        dump(&conn)
    };
    assert_eq!(dump(&conn), empty_then_migrated);
    assert_eq!(conn.query_row("PRAGMA application_id", [], |row| row.get::<_, i64>(0)).unwrap(), APPLICATION_ID);
}

#[test]
fn migrating_twice_changes_nothing() {
    let mut conn = database_at(SCHEMA_VERSION);
    with_data(&conn, SCHEMA_VERSION);
    let before = dump(&conn);
    migrate_to(&mut conn, SCHEMA_VERSION).unwrap();
    assert_eq!(dump(&conn), before);
}

#[test]
fn a_failing_migration_leaves_the_version_it_started_from() {
    // Version 1 with a table in the way of nothing, then a broken step applied by hand the way migrate_to does.
    let mut conn = database_at(1);
    let tx = conn.transaction().unwrap();
    let failed =
        tx.execute_batch("ALTER TABLE application ADD COLUMN submitted_on TEXT; ALTER TABLE nowhere ADD COLUMN x;");
    assert!(failed.is_err());
    drop(tx);
    assert_eq!(user_version(&conn).unwrap(), 1);
    migrate_to(&mut conn, SCHEMA_VERSION).unwrap();
    assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION);
}
