//! Applications: one per hospital, program and 年度, with its 状態 (作成中 → 提出済 → 交付決定 → 実績報告済) and
//! the 交付決定額 once the decision has come. The program id is kept so later programs (and the 実績報告/精算)
//! find their own applications.

use rusqlite::params;

use super::Store;
use super::application_rows::{
    SUMMARY_SELECT, application_summary, check_program_year, find_application, insert_application, summary_from_row,
};
use super::checks::check_amount;
use super::error::{Result, StoreError};
use super::history::{Editor, Record, record};
use super::ids::{ApplicationId, HospitalId};
use super::sql::date_text;
use super::usage::record_usage;
use crate::era::format_date;
use crate::fiscal_year::FiscalYear;
use crate::money::Yen;

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

    /// Sets the 状態, and the 交付決定額 (which only an application at 交付決定 or later can have).
    pub fn set_application_status(
        &mut self,
        editor: &Editor,
        id: ApplicationId,
        status: ApplicationStatus,
        grant_decided: Option<Yen>,
    ) -> Result<()> {
        if let Some(amount) = grant_decided {
            check_amount("grant_decided", "交付決定額", amount)?;
            if matches!(status, ApplicationStatus::Draft | ApplicationStatus::Submitted) {
                return Err(StoreError::invalid(
                    "grant_decided",
                    "交付決定額",
                    format!(
                        "状態が「{}」の申請には入力できません。状態を「交付決定」にしてから入力してください",
                        status.label()
                    ),
                ));
            }
        }
        self.edit(|tx| {
            let old = application_summary(tx, id)?;
            tx.execute(
                "UPDATE application SET status = ?2, grant_decided = ?3 WHERE id = ?1",
                params![id.0, status.id(), grant_decided.map(Yen::get)],
            )?;
            record_usage(tx, id, status == ApplicationStatus::Draft)?;
            let subject = format!("{}の申請", old.fiscal_year.japanese_name());
            record(
                tx,
                editor,
                Record {
                    hospital: Some(old.hospital_id),
                    application: Some(id),
                    subject: subject.clone(),
                    field: "application.status",
                    old: Some(old.status.label().into()),
                    new: Some(status.label().into()),
                },
            )?;
            record(
                tx,
                editor,
                Record {
                    hospital: Some(old.hospital_id),
                    application: Some(id),
                    subject: subject.clone(),
                    field: "application.grant_decided",
                    old: old.grant_decided.map(Yen::format_yen),
                    new: grant_decided.map(Yen::format_yen),
                },
            )
        })
    }
}

impl Store {
    /// Saves 提出日, 交付決定日 and 指令番号.
    pub fn set_application_dates(
        &mut self,
        editor: &Editor,
        id: ApplicationId,
        dates: &ApplicationDates,
    ) -> Result<()> {
        if let (Some(submitted), Some(decided)) = (dates.submitted_on, dates.decided_on)
            && decided < submitted
        {
            return Err(StoreError::invalid(
                "decided_on",
                "交付決定日",
                format!(
                    "{}は提出日（{}）より前です。日付を確かめてください",
                    format_date(decided),
                    format_date(submitted)
                ),
            ));
        }
        let number = dates.decision_number.as_deref().map(str::trim).filter(|number| !number.is_empty());
        self.edit(|tx| {
            let old = application_summary(tx, id)?;
            tx.execute(
                "UPDATE application SET submitted_on = ?2, decided_on = ?3, decision_number = ?4 WHERE id = ?1",
                params![id.0, dates.submitted_on.map(date_text), dates.decided_on.map(date_text), number],
            )?;
            let subject = format!("{}の申請", old.fiscal_year.japanese_name());
            let changes = [
                (
                    "application.submitted_on",
                    old.dates.submitted_on.map(format_date),
                    dates.submitted_on.map(format_date),
                ),
                ("application.decided_on", old.dates.decided_on.map(format_date), dates.decided_on.map(format_date)),
                ("application.decision_number", old.dates.decision_number.clone(), number.map(str::to_string)),
            ];
            for (field, old_value, new_value) in changes {
                record(
                    tx,
                    editor,
                    Record {
                        hospital: Some(old.hospital_id),
                        application: Some(id),
                        subject: subject.clone(),
                        field,
                        old: old_value,
                        new: new_value,
                    },
                )?;
            }
            Ok(())
        })
    }
}
