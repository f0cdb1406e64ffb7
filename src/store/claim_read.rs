//! Reading claims back: every trainee of an application as a case's `Trainee`, in four queries whatever the
//! number of trainees, and one course's profile.

use rusqlite::{Connection, OptionalExtension};

use super::claim_rows::claim_context;
use super::error::{Result, StoreError};
use super::ids::{ApplicationId, ClaimId, CourseId, HospitalId, TraineeId};
use super::profile::{ClaimView, TraineeProfile};
use super::sql::{parse_stored_date, parse_stored_month};
use crate::case::{CourseStatus, SalaryKind, SalaryMonth, Trainee};
use crate::fiscal_year::FiscalYear;
use crate::money::Yen;
use crate::program::{CostItem, ItemId};

pub(crate) fn parse_course_status(text: &str) -> Result<CourseStatus> {
    CourseStatus::from_id(text)
        .ok_or_else(|| StoreError::Corrupt { detail: format!("受講状況「{text}」が読めません") })
}

pub(crate) fn read_course_profile(conn: &Connection, course: CourseId) -> Result<(HospitalId, TraineeProfile)> {
    let row = conn
        .query_row(
            "SELECT t.hospital_id, t.name, co.qualification, co.institution, co.exam_fiscal_year, co.enrolled_on, co.ends_on, co.status
             FROM course co JOIN trainee t ON t.id = co.trainee_id WHERE co.id = ?1",
            [course.0],
            |row| {
                Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?, row.get::<_, String>(2)?, row.get::<_, Option<String>>(3)?, row.get::<_, Option<i32>>(4)?, row.get::<_, String>(5)?, row.get::<_, String>(6)?, row.get::<_, String>(7)?))
            },
        )
        .optional()?
        .ok_or_else(|| StoreError::not_found("受講コース"))?;
    let (hospital, name, qualification, institution, exam_year, enrolled_on, ends_on, status) = row;
    Ok((
        HospitalId(hospital),
        TraineeProfile {
            name,
            qualification,
            institution,
            exam_fiscal_year: exam_year.map(FiscalYear::new),
            enrolled_on: parse_stored_date(&enrolled_on)?,
            course_ends_on: parse_stored_date(&ends_on)?,
            course_status: Some(parse_course_status(&status)?),
            salary_kind: SalaryKind::Trainee,
            prior_years_standard_used: Yen::ZERO,
            prior_items: Vec::new(),
        },
    ))
}

pub(crate) fn read_profile(conn: &Connection, claim: ClaimId) -> Result<TraineeProfile> {
    let context = claim_context(conn, claim)?;
    let view = read_claims(conn, context.application)?
        .into_iter()
        .find(|view| view.id == claim)
        .ok_or_else(|| StoreError::not_found("受講者"))?;
    let mut profile = TraineeProfile::of(&view.trainee);
    profile.course_status = Some(view.course_status);
    Ok(profile)
}

/// The stored 人件費の区分 id; an unknown one is a damaged file, not a silent 受講者給与費.
fn parse_salary_kind(text: &str) -> Result<SalaryKind> {
    [SalaryKind::Trainee, SalaryKind::Substitute]
        .into_iter()
        .find(|kind| kind.id() == text)
        .ok_or_else(|| StoreError::Corrupt { detail: format!("人件費の区分「{text}」が読めません") })
}

/// One row of the claims query, by name: the claim, its course and its nurse.
struct ClaimRow {
    claim: i64,
    trainee: i64,
    course: i64,
    status: String,
    name: String,
    institution: Option<String>,
    exam_year: Option<i32>,
    enrolled_on: String,
    ends_on: String,
    tuition_completed_in_year: bool,
    certified: bool,
    salary_kind: String,
    prior_years_standard_used: i64,
    qualification: String,
    standard_used: Option<i64>,
}

impl ClaimRow {
    const SELECT: &'static str = "SELECT c.id, t.id, co.id, co.status, t.name, co.institution, co.exam_fiscal_year,
            co.enrolled_on, co.ends_on, c.tuition_completed_in_year, c.certified, c.salary_kind,
            c.prior_years_standard_used, co.qualification, c.standard_used
        FROM claim c JOIN course co ON co.id = c.course_id JOIN trainee t ON t.id = co.trainee_id
        WHERE c.application_id = ?1 ORDER BY c.position, c.id";

    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ClaimRow> {
        Ok(ClaimRow {
            claim: row.get(0)?,
            trainee: row.get(1)?,
            course: row.get(2)?,
            status: row.get(3)?,
            name: row.get(4)?,
            institution: row.get(5)?,
            exam_year: row.get(6)?,
            enrolled_on: row.get(7)?,
            ends_on: row.get(8)?,
            tuition_completed_in_year: row.get(9)?,
            certified: row.get(10)?,
            salary_kind: row.get(11)?,
            prior_years_standard_used: row.get(12)?,
            qualification: row.get(13)?,
            standard_used: row.get(14)?,
        })
    }

    /// The claim with its case trainee, amounts not yet summed.
    fn into_view(self) -> Result<ClaimView> {
        let salary_kind = parse_salary_kind(&self.salary_kind)?;
        Ok(ClaimView {
            id: ClaimId(self.claim),
            trainee_id: TraineeId(self.trainee),
            course_id: CourseId(self.course),
            course_status: parse_course_status(&self.status)?,
            trainee: Trainee {
                name: self.name,
                qualification: self.qualification,
                institution: self.institution,
                exam_fiscal_year: self.exam_year.map(FiscalYear::new),
                enrolled_on: parse_stored_date(&self.enrolled_on)?,
                course_ends_on: parse_stored_date(&self.ends_on)?,
                admission: Yen::ZERO,
                tuition: Yen::ZERO,
                tuition_completed_in_year: self.tuition_completed_in_year,
                exam_fee: Yen::ZERO,
                registration_fee: Yen::ZERO,
                certified: self.certified,
                salary_kind,
                salary: Yen::ZERO,
                salary_months: Vec::new(),
                other_costs: Yen::ZERO,
                other_income: Yen::ZERO,
                prior_years_standard_used: Yen::new(self.prior_years_standard_used),
                prior_items: Vec::new(),
                receipts: Vec::new(),
                report: Default::default(),
            },
            standard_used: self.standard_used.map(Yen::new),
        })
    }
}

/// Every claim of an application as case trainees: four queries whatever the number of trainees.
pub(crate) fn read_claims(conn: &Connection, application: ApplicationId) -> Result<Vec<ClaimView>> {
    let rows: Vec<ClaimRow> = conn
        .prepare_cached(ClaimRow::SELECT)?
        .query_map([application.0], ClaimRow::from_row)?
        .collect::<rusqlite::Result<_>>()?;
    let mut views = Vec::with_capacity(rows.len());
    let mut index_of = std::collections::HashMap::with_capacity(rows.len());
    for row in rows {
        index_of.insert(row.claim, views.len());
        views.push(row.into_view()?);
    }
    let mut sums = conn.prepare_cached(
        "SELECT e.claim_id, e.item, sum(e.amount) FROM cost_entry e JOIN claim c ON c.id = e.claim_id
         WHERE c.application_id = ?1 GROUP BY e.claim_id, e.item",
    )?;
    let rows = sums.query_map([application.0], |row| {
        Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?, row.get::<_, i64>(2)?))
    })?;
    for row in rows {
        let (claim, item, sum) = row?;
        let Some(view) = index_of.get(&claim).and_then(|index| views.get_mut(*index)) else { continue };
        let trainee = &mut view.trainee;
        let field = CostItem::from_id(&item).and_then(|item| trainee.cost_mut(item));
        let Some(field) = field else {
            return Err(StoreError::Corrupt { detail: format!("費目「{item}」が読めません") });
        };
        *field = Yen::new(sum);
    }
    let mut months = conn.prepare_cached(
        "SELECT m.claim_id, m.month, m.amount FROM salary_month m JOIN claim c ON c.id = m.claim_id
         WHERE c.application_id = ?1 ORDER BY m.claim_id, m.month",
    )?;
    let rows = months.query_map([application.0], |row| {
        Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?, row.get::<_, i64>(2)?))
    })?;
    for row in rows {
        let (claim, month, amount) = row?;
        let month = parse_stored_month(&month)?;
        if let Some(view) = index_of.get(&claim).and_then(|index| views.get_mut(*index)) {
            view.trainee.salary_months.push(SalaryMonth { month, amount: Yen::new(amount) });
        }
    }
    let mut items = conn.prepare_cached(
        "SELECT p.claim_id, p.item FROM prior_item p JOIN claim c ON c.id = p.claim_id
         WHERE c.application_id = ?1 ORDER BY p.claim_id, p.position",
    )?;
    let rows = items.query_map([application.0], |row| Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?)))?;
    for row in rows {
        let (claim, item) = row?;
        if let Some(view) = index_of.get(&claim).and_then(|index| views.get_mut(*index)) {
            let item = ItemId::from_id(&item).ok_or_else(|| StoreError::Corrupt {
                detail: format!("前年度までに計上済みの経費「{item}」が読めません"),
            })?;
            view.trainee.prior_items.push(item);
        }
    }
    Ok(views)
}
