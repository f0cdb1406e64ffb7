//! Each trainee's 実績報告 on her claim: 受講状況 at the end of the 年度, 修了年月日, 認定年月日, 事業の成果. Read into
//! the case only when the application is a report (the rows stay when a report is stepped back, and come back
//! with it). Rows only.

use rusqlite::{Connection, params};

use super::claim_read::parse_course_status;
use super::claim_rows::claim_context;
use super::error::Result;
use super::history::{Editor, record};
use super::ids::{ApplicationId, ClaimId};
use super::sql::{date_text, parse_stored_date};
use crate::case::TraineeReport;

/// The reports of an application's claims, in the claims' order (`read_claims`').
pub(crate) fn read_trainee_reports(conn: &Connection, application: ApplicationId) -> Result<Vec<TraineeReport>> {
    let mut statement = conn.prepare_cached(
        "SELECT report_course_status, report_completed_on, report_certified_on, report_outcome
         FROM claim WHERE application_id = ?1 ORDER BY position, id",
    )?;
    let rows = statement.query_map([application.0], |row| {
        Ok((
            row.get::<_, Option<String>>(0)?,
            row.get::<_, Option<String>>(1)?,
            row.get::<_, Option<String>>(2)?,
            row.get::<_, Option<String>>(3)?,
        ))
    })?;
    let mut reports = Vec::new();
    for row in rows {
        let (status, completed_on, certified_on, outcome) = row?;
        reports.push(TraineeReport {
            course_status: status.as_deref().map(parse_course_status).transpose()?,
            completed_on: completed_on.as_deref().map(parse_stored_date).transpose()?,
            certified_on: certified_on.as_deref().map(parse_stored_date).transpose()?,
            outcome,
        });
    }
    Ok(reports)
}

/// Writes a claim's report as given.
pub(crate) fn write_trainee_report(conn: &Connection, claim: ClaimId, report: &TraineeReport) -> Result<()> {
    conn.execute(
        "UPDATE claim SET report_course_status = ?2, report_completed_on = ?3, report_certified_on = ?4,
            report_outcome = ?5 WHERE id = ?1",
        params![
            claim.0,
            report.course_status.map(|status| status.id()),
            report.completed_on.map(date_text),
            report.certified_on.map(date_text),
            report.outcome,
        ],
    )?;
    Ok(())
}

/// A claim's report changed by an edit, with its history (before and after as JSON, one entry).
pub(crate) fn edit_trainee_report(
    conn: &Connection,
    editor: &Editor,
    claim: ClaimId,
    before: &TraineeReport,
    after: &TraineeReport,
) -> Result<()> {
    write_trainee_report(conn, claim, after)?;
    let context = claim_context(conn, claim)?;
    let json = |report: &TraineeReport| (!report.is_empty()).then(|| serde_json::to_string(report).unwrap_or_default());
    record(
        conn,
        editor,
        context.record("実績報告（受講状況・修了・認定・成果）", "claim.report", json(before), json(after)),
    )
}
