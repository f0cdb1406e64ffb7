//! Writing the rows of one trainee: the nurse (`trainee`), her course (`course`), her claim in one 年度 (`claim`,
//! `prior_item`), and the context an edit of a claim records itself with. Rows only: no Store, no operation.

use rusqlite::{Connection, OptionalExtension, params};

use super::error::{Result, StoreError};
use super::history::Record;
use super::ids::{ApplicationId, ClaimId, CourseId, HospitalId, TraineeId};
use super::profile::{ClaimFlags, TraineeProfile};
use super::sql::{bool_int, date_text};
use crate::case::CourseStatus;
use crate::fiscal_year::FiscalYear;
use crate::program::{CostItem, ItemId, Program};

/// What an edit of a claim needs to know to check itself and to describe itself in the history.
pub(crate) struct ClaimContext {
    pub claim: ClaimId,
    pub application: ApplicationId,
    pub hospital: HospitalId,
    pub program: String,
    pub fiscal_year: FiscalYear,
    pub trainee_name: String,
}

impl ClaimContext {
    /// How the program names a cost item (入学料, その他（対象外経費）), for the history.
    pub fn label(&self, item: CostItem) -> String {
        match Program::get(&self.program).and_then(|program| Ok((program, program.rules_for(self.fiscal_year)?))) {
            Ok((program, rules)) => rules.cost_label(program, item).to_string(),
            Err(_) => item.id().to_string(),
        }
    }

    pub fn record<'a>(&self, what: &str, field: &'a str, old: Option<String>, new: Option<String>) -> Record<'a> {
        Record {
            hospital: Some(self.hospital),
            application: Some(self.application),
            subject: format!("「{}」さんの{what}", self.trainee_name),
            field,
            old,
            new,
        }
    }
}

pub(crate) fn claim_context(conn: &Connection, claim: ClaimId) -> Result<ClaimContext> {
    let row = conn
        .prepare_cached(
            "SELECT a.id, a.hospital_id, a.program, a.fiscal_year, t.name
             FROM claim c JOIN application a ON a.id = c.application_id
                 JOIN course co ON co.id = c.course_id JOIN trainee t ON t.id = co.trainee_id
             WHERE c.id = ?1",
        )?
        .query_row([claim.0], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, i64>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, i32>(3)?,
                row.get::<_, String>(4)?,
            ))
        })
        .optional()?
        .ok_or_else(|| StoreError::not_found("受講者"))?;
    let (application, hospital, program, year, name) = row;
    Ok(ClaimContext {
        claim,
        application: ApplicationId(application),
        hospital: HospitalId(hospital),
        program,
        fiscal_year: FiscalYear::new(year),
        trainee_name: name,
    })
}

pub(crate) fn insert_trainee(conn: &Connection, hospital: HospitalId, name: &str) -> Result<TraineeId> {
    conn.prepare_cached("INSERT INTO trainee (hospital_id, name) VALUES (?1, ?2)")?
        .execute(params![hospital.0, name])?;
    Ok(TraineeId(conn.last_insert_rowid()))
}

pub(crate) fn insert_course(conn: &Connection, trainee: TraineeId, profile: &TraineeProfile) -> Result<CourseId> {
    conn.prepare_cached(
        "INSERT INTO course (trainee_id, qualification, institution, exam_fiscal_year, enrolled_on, ends_on, status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        trainee.0,
        profile.qualification,
        profile.institution,
        profile.exam_fiscal_year.map(FiscalYear::starting_year),
        date_text(profile.enrolled_on),
        date_text(profile.course_ends_on),
        profile.course_status.unwrap_or(CourseStatus::Enrolled).id(),
    ])?;
    Ok(CourseId(conn.last_insert_rowid()))
}

pub(crate) fn update_course(conn: &Connection, course: CourseId, profile: &TraineeProfile) -> Result<()> {
    conn.prepare_cached(
        "UPDATE course SET qualification = ?2, institution = ?3, exam_fiscal_year = ?4, enrolled_on = ?5, ends_on = ?6,
             status = coalesce(?7, status) WHERE id = ?1",
    )?
    .execute(params![
        course.0,
        profile.qualification,
        profile.institution,
        profile.exam_fiscal_year.map(FiscalYear::starting_year),
        date_text(profile.enrolled_on),
        date_text(profile.course_ends_on),
        profile.course_status.map(CourseStatus::id),
    ])?;
    Ok(())
}

pub(crate) fn insert_claim(
    conn: &Connection,
    application: ApplicationId,
    course: CourseId,
    profile: &TraineeProfile,
    flags: ClaimFlags,
) -> Result<ClaimId> {
    // A program whose row is the hospital (kanwa-training) has no trainees: a claim there would be a row its
    // 様式 and 算定 never show.
    let program: String =
        conn.query_row("SELECT program FROM application WHERE id = ?1", [application.0], |row| row.get(0))?;
    if let Ok(rules) = Program::get(&program)
        && rules.row_kind == crate::program::RowKind::Hospital
    {
        return Err(StoreError::Conflict(format!(
            "「{}」の申請には受講者を登録できません。この事業は病院が1行で、研修会と経費を入力します",
            rules.name
        )));
    }
    let position: i64 = conn.query_row(
        "SELECT coalesce(max(position), -1) + 1 FROM claim WHERE application_id = ?1",
        [application.0],
        |row| row.get(0),
    )?;
    conn.prepare_cached(
        "INSERT INTO claim (application_id, course_id, position, tuition_completed_in_year, certified, salary_kind,
             prior_years_standard_used) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        application.0,
        course.0,
        position,
        bool_int(flags.tuition_completed_in_year),
        bool_int(flags.certified),
        profile.salary_kind.id(),
        profile.prior_years_standard_used.get(),
    ])?;
    let claim = ClaimId(conn.last_insert_rowid());
    write_prior_items(conn, claim, &profile.prior_items)?;
    Ok(claim)
}

pub(crate) fn write_prior_items(conn: &Connection, claim: ClaimId, items: &[ItemId]) -> Result<()> {
    conn.execute("DELETE FROM prior_item WHERE claim_id = ?1", [claim.0])?;
    let mut insert = conn.prepare_cached("INSERT INTO prior_item (claim_id, position, item) VALUES (?1, ?2, ?3)")?;
    for (position, item) in items.iter().enumerate() {
        insert.execute(params![claim.0, position as i64, item.id()])?;
    }
    Ok(())
}

pub(crate) fn claim_owners(conn: &Connection, claim: ClaimId) -> Result<(TraineeId, CourseId)> {
    Ok(conn.query_row(
        "SELECT co.trainee_id, co.id FROM claim c JOIN course co ON co.id = c.course_id WHERE c.id = ?1",
        [claim.0],
        |row| Ok((TraineeId(row.get(0)?), CourseId(row.get(1)?))),
    )?)
}
