//! The `application` table: its 状態, the summary every screen lists, finding and inserting one. Rows only: no
//! Store, no operation on the trainees.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::error::{Result, StoreError};
use super::history::{Editor, Record, record};
use super::ids::{ApplicationId, HospitalId};
use super::sql::{corrupt_value, parse_stored_date};
use crate::fiscal_year::FiscalYear;
use crate::money::Yen;
use crate::program::Program;

/// 状態 of an application: the lifecycle's (kept under this name for the callers from before schema 6).
pub type ApplicationStatus = crate::lifecycle::Status;

/// An application as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ApplicationSummary {
    pub id: ApplicationId,
    pub hospital_id: HospitalId,
    pub program: String,
    pub fiscal_year: FiscalYear,
    pub status: ApplicationStatus,
    /// 交付決定額 in force (the latest 変更交付決定, else the 交付決定), when recorded.
    pub grant_decided: Option<Yen>,
    pub trainee_count: u32,
    /// 提出日, 交付決定日 and 指令番号, when entered.
    pub dates: ApplicationDates,
}

/// The dates and number the 実績報告 cites: 提出日, and the decision in force's date and number.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ApplicationDates {
    /// 提出日
    #[serde(default)]
    pub submitted_on: Option<NaiveDate>,
    /// 交付決定日
    #[serde(default)]
    pub decided_on: Option<NaiveDate>,
    /// 交付決定の指令番号: 6福保医地第123号
    #[serde(default)]
    pub decision_number: Option<String>,
}

pub(crate) const SUMMARY_SELECT: &str = "SELECT a.id, a.hospital_id, a.program, a.fiscal_year, a.status, d.amount,
        (SELECT count(*) FROM claim c WHERE c.application_id = a.id), a.submitted_on, d.decided_on, d.number
    FROM application a
    LEFT JOIN decision d ON d.id = (SELECT max(id) FROM decision WHERE application_id = a.id)";

pub(crate) fn summary_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ApplicationSummary> {
    let status: String = row.get(4)?;
    let date = |index: usize| -> rusqlite::Result<Option<NaiveDate>> {
        row.get::<_, Option<String>>(index)?.as_deref().map(parse_stored_date).transpose().map_err(corrupt_value)
    };
    Ok(ApplicationSummary {
        id: ApplicationId(row.get(0)?),
        hospital_id: HospitalId(row.get(1)?),
        program: row.get(2)?,
        fiscal_year: FiscalYear::new(row.get(3)?),
        status: parse_status(&status).map_err(corrupt_value)?,
        grant_decided: row.get::<_, Option<i64>>(5)?.map(Yen::new),
        trainee_count: row.get(6)?,
        dates: ApplicationDates { submitted_on: date(7)?, decided_on: date(8)?, decision_number: row.get(9)? },
    })
}

/// A stored 状態; an unknown one is a damaged file (or a newer Hojo's), never silently 作成中.
pub(crate) fn parse_status(text: &str) -> Result<ApplicationStatus> {
    ApplicationStatus::parse(text)
        .ok_or_else(|| StoreError::Corrupt { detail: format!("申請の状態「{text}」が読めません") })
}

pub(crate) fn application_summary(conn: &Connection, id: ApplicationId) -> Result<ApplicationSummary> {
    let sql = format!("{SUMMARY_SELECT} WHERE a.id = ?1");
    conn.prepare_cached(&sql)?
        .query_row([id.0], summary_from_row)
        .optional()?
        .ok_or_else(|| StoreError::not_found("申請"))
}

pub(crate) fn find_application(
    conn: &Connection,
    hospital: HospitalId,
    program: &str,
    year: FiscalYear,
) -> Result<Option<ApplicationId>> {
    Ok(conn
        .prepare_cached("SELECT id FROM application WHERE hospital_id = ?1 AND program = ?2 AND fiscal_year = ?3")?
        .query_row(params![hospital.0, program, year.starting_year()], |row| row.get(0))
        .optional()?
        .map(ApplicationId))
}

pub(crate) fn insert_application(
    conn: &Connection,
    editor: &Editor,
    hospital: HospitalId,
    program: &str,
    year: FiscalYear,
) -> Result<ApplicationId> {
    conn.execute(
        "INSERT INTO application (hospital_id, program, fiscal_year) VALUES (?1, ?2, ?3)",
        params![hospital.0, program, year.starting_year()],
    )?;
    let id = ApplicationId(conn.last_insert_rowid());
    record(
        conn,
        editor,
        Record {
            hospital: Some(hospital),
            application: Some(id),
            subject: format!("{}の申請", year.japanese_name()),
            field: "application",
            old: None,
            new: Some("作成".into()),
        },
    )?;
    Ok(id)
}

pub(crate) fn check_program_year(program: &str, year: FiscalYear) -> Result<()> {
    let program_data =
        Program::get(program).map_err(|error| StoreError::invalid("program", "事業", error.to_string()))?;
    program_data.rules_for(year).map_err(|error| StoreError::invalid("fiscal_year", "年度", error.to_string()))?;
    Ok(())
}
