//! The history of every change: who (管理者 or the nurse by name), when, what, the old and the new value.
//! Written in the same transaction as the change itself, so the two can never disagree.

use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use super::error::Result;
use super::ids::{ApplicationId, HospitalId};

/// Who made a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "name", rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Editor {
    /// 管理者: the nursing administrator, who prepares the application.
    Administrator,
    /// A nurse (受講者) entering her own costs, by her name.
    Nurse(String),
}

impl Editor {
    /// 管理者, or the nurse's name.
    pub fn label(&self) -> &str {
        match self {
            Editor::Administrator => "管理者",
            Editor::Nurse(name) => name,
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            Editor::Administrator => "administrator",
            Editor::Nurse(_) => "nurse",
        }
    }
}

/// One entry of the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Change {
    pub id: i64,
    /// UTC, RFC 3339.
    pub at: String,
    pub editor: Editor,
    pub hospital_id: Option<HospitalId>,
    pub application_id: Option<ApplicationId>,
    /// What was changed, in Japanese: 「看護 花子」の受講料
    pub subject: String,
    /// Which value: `cost_entry.amount`, or `import` for a whole case.
    pub field: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
}

/// A change about to be recorded.
pub(crate) struct Record<'a> {
    pub hospital: Option<HospitalId>,
    pub application: Option<ApplicationId>,
    pub subject: String,
    pub field: &'a str,
    pub old: Option<String>,
    pub new: Option<String>,
}

pub(crate) fn record(conn: &Connection, editor: &Editor, change: Record<'_>) -> Result<()> {
    if change.old == change.new {
        return Ok(());
    }
    let name = match editor {
        Editor::Administrator => None,
        Editor::Nurse(name) => Some(name.as_str()),
    };
    conn.execute(
        "INSERT INTO change_log (at, editor_kind, editor_name, hospital_id, application_id, subject, field, old_value, new_value)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            now(),
            editor.kind(),
            name,
            change.hospital.map(|id| id.0),
            change.application.map(|id| id.0),
            change.subject,
            change.field,
            change.old,
            change.new
        ],
    )?;
    Ok(())
}

pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// The newest `limit` changes of a hospital, newest first.
pub(crate) fn changes(conn: &Connection, hospital: HospitalId, limit: u32) -> Result<Vec<Change>> {
    read_changes(conn, "WHERE hospital_id = ?1 ORDER BY id DESC LIMIT ?2", params![hospital.0, limit])
}

/// The changes a `WHERE … ORDER BY …` clause picks.
pub(crate) fn read_changes(conn: &Connection, clause: &str, values: impl rusqlite::Params) -> Result<Vec<Change>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT id, at, editor_kind, editor_name, hospital_id, application_id, subject, field, old_value, new_value
         FROM change_log {clause}"
    ))?;
    let rows = statement.query_map(values, |row| {
        let kind: String = row.get(2)?;
        let name: Option<String> = row.get(3)?;
        let editor = match (kind.as_str(), name) {
            ("nurse", Some(name)) => Editor::Nurse(name),
            _ => Editor::Administrator,
        };
        Ok(Change {
            id: row.get(0)?,
            at: row.get(1)?,
            editor,
            hospital_id: row.get::<_, Option<i64>>(4)?.map(HospitalId),
            application_id: row.get::<_, Option<i64>>(5)?.map(ApplicationId),
            subject: row.get(6)?,
            field: row.get(7)?,
            old_value: row.get(8)?,
            new_value: row.get(9)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
