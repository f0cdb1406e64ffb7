//! The saved applications, for reopening one: every application with its hospital, 年度, program and 状態 and
//! when it was last changed, and the one last worked on (so the app reopens where the user stopped).

use serde::Serialize;

use super::Store;
use super::application_rows::ApplicationStatus;
use super::error::Result;
use super::ids::{ApplicationId, HospitalId};
use crate::fiscal_year::FiscalYear;
use crate::program::Program;

/// A saved application as the list of applications shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SavedApplication {
    pub id: ApplicationId,
    pub hospital_id: HospitalId,
    pub hospital_name: String,
    pub fiscal_year: FiscalYear,
    /// 令和6年度
    pub fiscal_year_label: String,
    /// Program id (`kanwa-nurse`).
    pub program: String,
    /// The program's name as its data gives it; the id when this Hojo does not know the program.
    pub program_label: String,
    pub status: ApplicationStatus,
    /// 作成中, 提出済, …
    pub status_label: String,
    pub trainee_count: u32,
    /// 研修会 of a program whose row is the hospital (kanwa-training); 0 for the others.
    pub training_count: u32,
    /// When the application was last changed (UTC, RFC 3339, from the history); `None` if never recorded.
    pub last_changed_at: Option<String>,
}

/// The newest history entry of each application, by entry number (the history's order; clock changes on the
/// PC do not reorder it), found in one pass over the history (it has no index by application).
const SAVED_SELECT: &str = "WITH last AS (
        SELECT application_id, max(id) AS id FROM change_log WHERE application_id IS NOT NULL GROUP BY application_id
    )
    SELECT a.id, a.hospital_id, h.name, a.program, a.fiscal_year, a.status,
        (SELECT count(*) FROM claim c WHERE c.application_id = a.id), l.at, last.id AS last_change,
        (SELECT count(*) FROM training t WHERE t.application_id = a.id)
    FROM application a JOIN hospital h ON h.id = a.hospital_id
        LEFT JOIN last ON last.application_id = a.id LEFT JOIN change_log l ON l.id = last.id";

fn saved_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<SavedApplication> {
    let program: String = row.get(3)?;
    let fiscal_year = FiscalYear::new(row.get(4)?);
    let status = ApplicationStatus::parse(&row.get::<_, String>(5)?).unwrap_or(ApplicationStatus::Draft);
    Ok(SavedApplication {
        id: ApplicationId(row.get(0)?),
        hospital_id: HospitalId(row.get(1)?),
        hospital_name: row.get(2)?,
        fiscal_year,
        fiscal_year_label: fiscal_year.japanese_name(),
        program_label: Program::get(&program).map_or_else(|_| program.clone(), |known| known.name.clone()),
        program,
        status,
        status_label: status.label().to_string(),
        trainee_count: row.get(6)?,
        training_count: row.get(9)?,
        last_changed_at: row.get(7)?,
    })
}

impl Store {
    /// Every saved application of every hospital, the most recently changed first.
    pub fn application_list(&self) -> Result<Vec<SavedApplication>> {
        let sql = format!("{SAVED_SELECT} ORDER BY last_change IS NULL, last_change DESC, a.id DESC");
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([], saved_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The application the user last changed (by the history), to reopen on start; `None` when nothing was
    /// saved yet.
    pub fn last_worked_on(&self) -> Result<Option<SavedApplication>> {
        let last: Option<i64> = self
            .conn
            .query_row(
                "SELECT l.application_id FROM change_log l JOIN application a ON a.id = l.application_id
             ORDER BY l.id DESC LIMIT 1",
                [],
                |row| row.get(0),
            )
            .or_else(|error| match error {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                error => Err(error),
            })?;
        let Some(last) = last else { return Ok(None) };
        let sql = format!("{SAVED_SELECT} WHERE a.id = ?1");
        Ok(Some(self.conn.prepare_cached(&sql)?.query_row([last], saved_from_row)?))
    }
}
