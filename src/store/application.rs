//! Applications: one per hospital, program and 年度, with its 状態 (the lifecycle: `lifecycle.rs`) and the
//! 交付決定額 once the decision has come. The program id is kept so later programs (and the 実績報告/精算) find
//! their own applications.

use super::Store;
use super::application_rows::{
    SUMMARY_SELECT, application_summary, check_program_year, find_application, insert_application, summary_from_row,
};
use super::error::Result;
use super::history::Editor;
use super::ids::{ApplicationId, HospitalId};
use crate::fiscal_year::FiscalYear;

pub use super::application_rows::{ApplicationDates, ApplicationStatus, ApplicationSummary};

impl Store {
    /// A hospital's applications, newest 年度 first.
    pub fn applications(&self, hospital: HospitalId) -> Result<Vec<ApplicationSummary>> {
        let sql = format!("{SUMMARY_SELECT} WHERE a.hospital_id = ?1 ORDER BY a.fiscal_year DESC, a.program");
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map([hospital.0], summary_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn application(&self, id: ApplicationId) -> Result<ApplicationSummary> {
        application_summary(&self.conn, id)
    }

    /// The application of a hospital for a program and 年度, if there is one.
    pub fn find_application(
        &self,
        hospital: HospitalId,
        program: &str,
        year: FiscalYear,
    ) -> Result<Option<ApplicationId>> {
        find_application(&self.conn, hospital, program, year)
    }

    /// The application of a hospital for a program and 年度, started (作成中, no trainees) if there is none yet.
    pub fn start_application(
        &mut self,
        editor: &Editor,
        hospital: HospitalId,
        program: &str,
        year: FiscalYear,
    ) -> Result<ApplicationId> {
        check_program_year(program, year)?;
        self.edit(|tx| {
            if let Some(id) = find_application(tx, hospital, program, year)? {
                return Ok(id);
            }
            insert_application(tx, editor, hospital, program, year)
        })
    }
}
