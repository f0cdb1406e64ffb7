//! Trainees in an application: the nurse (her name), her course (qualification, institution, dates, status)
//! and her claim in this 年度 (flags, 人件費の区分, the 基準額 already used). A nurse and her course outlive one
//! 年度: the next year's application claims the same course again.

use super::Store;
use super::application_rows::application_summary;
use super::case_io::load_case;
use super::claim_ops::{claim_course, remove_claim, update_profile, write_flags};
use super::claim_read::{parse_course_status, read_claims};
use super::claim_rows::{claim_context, insert_claim, insert_course, insert_trainee};
use super::error::{Result, StoreError};
use super::history::{Editor, record};
use super::ids::{ApplicationId, ClaimId, CourseId, HospitalId, TraineeId};
use super::lifecycle_rows::check_editable;
use super::profile::{check_profile_alone, check_profile_for_program, describe_profile};
use super::receipts::claim_order;
use super::sql::parse_stored_date;

pub use super::profile::{ClaimFlags, ClaimView, CourseSummary, TraineeProfile};
pub use crate::case::CourseStatus;

impl Store {
    /// The trainees of an application, in the application's order, with their amounts summed.
    pub fn trainees(&self, application: ApplicationId) -> Result<Vec<ClaimView>> {
        application_summary(&self.conn, application)?;
        read_claims(&self.conn, application)
    }

    /// One trainee of an application.
    pub fn trainee(&self, claim: ClaimId) -> Result<ClaimView> {
        let context = claim_context(&self.conn, claim)?;
        read_claims(&self.conn, context.application)?
            .into_iter()
            .find(|view| view.id == claim)
            .ok_or_else(|| StoreError::not_found("受講者"))
    }

    /// Adds a new trainee (a nurse not yet in the database) to an application.
    pub fn add_trainee(
        &mut self,
        editor: &Editor,
        application: ApplicationId,
        profile: &TraineeProfile,
    ) -> Result<ClaimId> {
        check_profile_alone(profile)?;
        self.edit(|tx| {
            check_editable(tx, application)?;
            let summary = application_summary(tx, application)?;
            check_profile_for_program(profile, &summary.program, summary.fiscal_year)?;
            let trainee = insert_trainee(tx, summary.hospital_id, &profile.name)?;
            let course = insert_course(tx, trainee, profile)?;
            let claim = insert_claim(tx, application, course, profile, ClaimFlags::default())?;
            let context = claim_context(tx, claim)?;
            record(tx, editor, context.record("登録", "claim", None, Some(describe_profile(profile))))?;
            Ok(claim)
        })
    }

    /// Claims an existing course (a nurse from an earlier 年度) in an application; the course must belong to
    /// the application's hospital.
    pub fn add_course_to_application(
        &mut self,
        editor: &Editor,
        application: ApplicationId,
        course: CourseId,
    ) -> Result<ClaimId> {
        self.edit(|tx| {
            check_editable(tx, application)?;
            claim_course(tx, editor, application, course)
        })
    }

    /// Saves the trainee form. The name and course are the nurse's in every 年度; the 人件費の区分, the 基準額
    /// used and the earlier items are this 年度's.
    pub fn update_trainee(&mut self, editor: &Editor, claim: ClaimId, profile: &TraineeProfile) -> Result<()> {
        check_profile_alone(profile)?;
        self.edit(|tx| {
            check_editable(tx, claim_context(tx, claim)?.application)?;
            update_profile(tx, editor, claim, profile)
        })
    }

    /// Takes a trainee out of an application, with her cost entries of that 年度 (kept in the history and the
    /// backups). The nurse and her course stay for other 年度.
    pub fn remove_trainee(&mut self, editor: &Editor, claim: ClaimId) -> Result<()> {
        self.edit(|tx| {
            let application = claim_context(tx, claim)?.application;
            check_editable(tx, application)?;
            // The same rule as the edit's (a report keeps every trainee), for callers that remove by claim.
            let index = claim_order(tx, application)?.iter().position(|id| *id == claim).unwrap_or(0);
            if let Some(refusal) = crate::edit::removal_refusal(&load_case(tx, application)?, index) {
                return Err(refusal.into());
            }
            remove_claim(tx, editor, claim)
        })
    }

    /// Sets 年度内修了 and 認定済.
    pub fn set_flags(&mut self, editor: &Editor, claim: ClaimId, flags: ClaimFlags) -> Result<()> {
        self.edit(|tx| {
            check_editable(tx, claim_context(tx, claim)?.application)?;
            write_flags(tx, editor, claim, flags)
        })
    }

    /// Every course of a hospital's nurses, for carrying a trainee into another 年度.
    pub fn courses(&self, hospital: HospitalId) -> Result<Vec<CourseSummary>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT co.id, t.id, t.name, co.qualification, co.enrolled_on, co.ends_on, co.status
             FROM course co JOIN trainee t ON t.id = co.trainee_id WHERE t.hospital_id = ?1
             ORDER BY co.enrolled_on, t.name, co.id",
        )?;
        let rows = statement
            .query_map([hospital.0], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, String>(4)?,
                    row.get::<_, String>(5)?,
                    row.get::<_, String>(6)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(id, trainee, name, qualification, enrolled_on, ends_on, status)| {
                Ok(CourseSummary {
                    id: CourseId(id),
                    trainee_id: TraineeId(trainee),
                    name,
                    qualification,
                    enrolled_on: parse_stored_date(&enrolled_on)?,
                    course_ends_on: parse_stored_date(&ends_on)?,
                    status: parse_course_status(&status)?,
                })
            })
            .collect()
    }
}
