//! The second 年度 (#9 item 12): the trainees whose course or 認定審査 continues into a new 年度, each with what
//! the new 年度 must carry (once-only items already counted, 前年度までの選定額), and carrying them into its
//! application in one transaction.

use rusqlite::params;
use serde::Serialize;

use super::Store;
use super::application_rows::ApplicationStatus;
use super::claim_ops::claim_course;
use super::claim_read::parse_course_status;
use super::error::Result;
use super::history::Editor;
use super::ids::{ApplicationId, ClaimId, CourseId, HospitalId, TraineeId};
use super::lifecycle_rows::check_editable;
use super::sql::parse_stored_date;
use super::usage::carried_into;
use crate::case::CourseStatus;
use crate::fiscal_year::FiscalYear;
use crate::money::Yen;
use crate::program::ItemId;

/// A trainee a new 年度 should offer to carry, with what she carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ContinuingCourse {
    pub course_id: CourseId,
    pub trainee_id: TraineeId,
    pub name: String,
    /// 対象資格 id.
    pub qualification: String,
    pub enrolled_on: chrono::NaiveDate,
    pub course_ends_on: chrono::NaiveDate,
    pub exam_fiscal_year: Option<FiscalYear>,
    pub status: CourseStatus,
    /// Why she continues: her course runs into the 年度 (`true`), or only her 認定審査 falls in it (`false`).
    pub course_continues: bool,
    /// 前年度までの選定額 to carry.
    pub prior_years_standard_used: Yen,
    /// Once-only items already counted (入学料), to carry as 前年度までに計上済み.
    pub prior_items: Vec<ItemId>,
    /// The 年度 the figures come from.
    pub carried_from: FiscalYear,
    /// That 年度's 状態: 作成中 means its 算定 as it stands; 実績報告済 its settled figures.
    pub carried_from_status: ApplicationStatus,
    /// The figures carried are that 年度's settled ones (実績報告済 or 確定), not its 算定 as applied for.
    pub carried_settled: bool,
}

impl Store {
    /// The hospital's trainees whose course (修了予定日 on or after 4月1日 of `year`) or 認定審査
    /// (受審予定年度 = `year`) continues into `year`, claimed in an earlier 年度 of `program`, not withdrawn and not
    /// yet in `year`'s application; in the order of their courses.
    pub fn continuing_courses(
        &self,
        hospital: HospitalId,
        program: &str,
        year: FiscalYear,
    ) -> Result<Vec<ContinuingCourse>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT co.id, t.id, t.name, co.qualification, co.enrolled_on, co.ends_on, co.exam_fiscal_year, co.status
             FROM course co JOIN trainee t ON t.id = co.trainee_id
             WHERE t.hospital_id = ?1
               AND EXISTS (SELECT 1 FROM claim c JOIN application a ON a.id = c.application_id
                           WHERE c.course_id = co.id AND a.program = ?2 AND a.fiscal_year < ?3)
               AND NOT EXISTS (SELECT 1 FROM claim c JOIN application a ON a.id = c.application_id
                               WHERE c.course_id = co.id AND a.program = ?2 AND a.fiscal_year = ?3)
             ORDER BY co.enrolled_on, t.name, co.id",
        )?;
        type Row = (i64, i64, String, String, String, String, Option<i32>, String);
        let rows: Vec<Row> = statement
            .query_map(params![hospital.0, program, year.starting_year()], |row| {
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                    row.get(5)?,
                    row.get(6)?,
                    row.get(7)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut found = Vec::new();
        for (course, trainee, name, qualification, enrolled_on, ends_on, exam_year, status) in rows {
            let status = parse_course_status(&status)?;
            let course_ends_on = parse_stored_date(&ends_on)?;
            let exam_fiscal_year = exam_year.map(FiscalYear::new);
            let course_continues = course_ends_on >= year.first_day();
            if status == CourseStatus::Withdrawn || !(course_continues || exam_fiscal_year == Some(year)) {
                continue;
            }
            let carried = carried_into(&self.conn, CourseId(course), program, year)?;
            let Some((carried_from, carried_from_status)) = carried.from else { continue };
            found.push(ContinuingCourse {
                course_id: CourseId(course),
                trainee_id: TraineeId(trainee),
                name,
                qualification,
                enrolled_on: parse_stored_date(&enrolled_on)?,
                course_ends_on,
                exam_fiscal_year,
                status,
                course_continues,
                prior_years_standard_used: carried.prior_years_standard_used,
                prior_items: carried.prior_items,
                carried_from,
                carried_settled: carried_from_status.has_settled_figures(),
                carried_from_status,
            });
        }
        Ok(found)
    }

    /// Adds the chosen continuing courses to a new 年度's application, each with what it carries, all in one
    /// transaction (all of them or none); returns their claims in the order given.
    pub fn carry_courses(
        &mut self,
        editor: &Editor,
        application: ApplicationId,
        courses: &[CourseId],
    ) -> Result<Vec<ClaimId>> {
        self.edit(|tx| {
            check_editable(tx, application)?;
            courses.iter().map(|course| claim_course(tx, editor, application, *course)).collect()
        })
    }
}
