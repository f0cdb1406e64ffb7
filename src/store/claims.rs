//! Trainees in an application: the nurse (her name), her course (qualification, institution, dates, status)
//! and her claim in this 年度 (flags, 人件費の区分, the 基準額 already used). A nurse and her course outlive one
//! 年度: the next year's application claims the same course again.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::Store;
use super::application::application_summary;
use super::costs::check_amount;
use super::error::{Result, StoreError};
use super::history::{Editor, Record, record};
use super::hospital::yes_no;
use super::ids::{ApplicationId, ClaimId, CourseId, HospitalId, TraineeId};
use super::sql::{bool_int, date_text, parse_stored_date};
use crate::case::{SalaryKind, Trainee};
use crate::era::format_date;
use crate::fiscal_year::FiscalYear;
use crate::money::Yen;
use crate::program::{CostItem, ItemId, Program};

/// 受講状況 of a course.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum CourseStatus {
    /// 受講中
    #[default]
    Enrolled,
    /// 修了
    Completed,
    /// 中止（退学・休学）
    Withdrawn,
}

impl CourseStatus {
    pub const ALL: [CourseStatus; 3] = [CourseStatus::Enrolled, CourseStatus::Completed, CourseStatus::Withdrawn];

    pub fn id(self) -> &'static str {
        match self {
            CourseStatus::Enrolled => "enrolled",
            CourseStatus::Completed => "completed",
            CourseStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CourseStatus::Enrolled => "受講中",
            CourseStatus::Completed => "修了",
            CourseStatus::Withdrawn => "中止",
        }
    }

    pub fn from_id(id: &str) -> Option<CourseStatus> {
        CourseStatus::ALL.into_iter().find(|status| status.id() == id)
    }
}

/// What the trainee form edits: everything but the amounts (cost entries) and the two flags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TraineeProfile {
    pub name: String,
    /// 対象資格 id from the program data.
    pub qualification: String,
    #[serde(default)]
    pub institution: Option<String>,
    #[serde(default)]
    pub exam_fiscal_year: Option<FiscalYear>,
    pub enrolled_on: NaiveDate,
    pub course_ends_on: NaiveDate,
    /// 受講状況; `None` keeps what is stored (受講中 for a new course), so a form built from a case
    /// (`TraineeProfile::of`), which has no status, never resets it.
    #[serde(default)]
    pub course_status: Option<CourseStatus>,
    #[serde(default)]
    pub salary_kind: SalaryKind,
    /// 基準額 used in earlier 年度 (for the lifetime cap).
    #[serde(default)]
    pub prior_years_standard_used: Yen,
    /// Once-only items claimed in an earlier 年度.
    #[serde(default)]
    pub prior_items: Vec<ItemId>,
}

impl TraineeProfile {
    /// The profile part of a case's trainee.
    pub fn of(trainee: &Trainee) -> TraineeProfile {
        TraineeProfile {
            name: trainee.name.clone(),
            qualification: trainee.qualification.clone(),
            institution: trainee.institution.clone(),
            exam_fiscal_year: trainee.exam_fiscal_year,
            enrolled_on: trainee.enrolled_on,
            course_ends_on: trainee.course_ends_on,
            course_status: None,
            salary_kind: trainee.salary_kind,
            prior_years_standard_used: trainee.prior_years_standard_used,
            prior_items: trainee.prior_items.clone(),
        }
    }
}

/// The two yes/no facts of a trainee's 年度.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ClaimFlags {
    /// 年度内修了: the year's course was completed within the 年度 (受講料 counts only then).
    pub tuition_completed_in_year: bool,
    /// 認定済 (認定審査料 and 認定登録料 count only then).
    pub certified: bool,
}

/// A trainee of an application, with her figures summed as the case carries them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ClaimView {
    pub id: ClaimId,
    pub trainee_id: TraineeId,
    pub course_id: CourseId,
    pub course_status: CourseStatus,
    pub trainee: Trainee,
    /// The 選定額 (F) this row used, recorded when the application left 作成中; `None` for a draft.
    pub standard_used: Option<Yen>,
}

/// A course of a hospital, as listed for carrying a trainee into another 年度.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CourseSummary {
    pub id: CourseId,
    pub trainee_id: TraineeId,
    pub name: String,
    pub qualification: String,
    pub enrolled_on: NaiveDate,
    pub course_ends_on: NaiveDate,
    pub status: CourseStatus,
}

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
            let summary = application_summary(tx, application)?;
            let (course_hospital, profile) = read_course_profile(tx, course)?;
            if course_hospital != summary.hospital_id {
                let other = super::hospital::read_hospital(tx, course_hospital)?.name;
                return Err(StoreError::invalid(
                    "course",
                    "受講者",
                    format!(
                        "「{}」さんは別の病院（{other}）の受講者です。この病院の申請には加えられません",
                        profile.name
                    ),
                ));
            }
            let already: Option<i64> = tx
                .query_row(
                    "SELECT id FROM claim WHERE application_id = ?1 AND course_id = ?2",
                    params![application.0, course.0],
                    |row| row.get(0),
                )
                .optional()?;
            if already.is_some() {
                return Err(StoreError::invalid(
                    "course",
                    "受講者",
                    format!("「{}」さんは既にこの申請に入っています", profile.name),
                ));
            }
            let mut profile = profile;
            carry_over(tx, course, &summary.program, summary.fiscal_year, &mut profile)?;
            let claim = insert_claim(tx, application, course, &profile, ClaimFlags::default())?;
            let context = claim_context(tx, claim)?;
            record(tx, editor, context.record("登録", "claim", None, Some(describe_profile(&profile))))?;
            Ok(claim)
        })
    }

    /// Saves the trainee form. The name and course are the nurse's in every 年度; the 人件費の区分, the 基準額
    /// used and the earlier items are this 年度's.
    pub fn update_trainee(&mut self, editor: &Editor, claim: ClaimId, profile: &TraineeProfile) -> Result<()> {
        check_profile_alone(profile)?;
        self.edit(|tx| update_profile(tx, editor, claim, profile))
    }

    /// Takes a trainee out of an application, with her cost entries of that 年度 (kept in the history and the
    /// backups). The nurse and her course stay for other 年度.
    pub fn remove_trainee(&mut self, editor: &Editor, claim: ClaimId) -> Result<()> {
        self.edit(|tx| remove_claim(tx, editor, claim))
    }

    /// Sets 年度内修了 and 認定済.
    pub fn set_flags(&mut self, editor: &Editor, claim: ClaimId, flags: ClaimFlags) -> Result<()> {
        self.edit(|tx| write_flags(tx, editor, claim, flags))
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

/// Saves a trainee's profile inside a transaction. The name and course are the nurse's in every 年度; the 人件費の区分,
/// the 基準額 used and the earlier items are this 年度's.
pub(crate) fn update_profile(
    conn: &Connection,
    editor: &Editor,
    claim: ClaimId,
    profile: &TraineeProfile,
) -> Result<()> {
    check_profile_alone(profile)?;
    let context = claim_context(conn, claim)?;
    check_profile_for_program(profile, &context.program, context.fiscal_year)?;
    let (trainee, course) = claim_owners(conn, claim)?;
    let old = read_profile(conn, claim)?;
    conn.execute("UPDATE trainee SET name = ?2 WHERE id = ?1", params![trainee.0, profile.name])?;
    update_course(conn, course, profile)?;
    conn.execute(
        "UPDATE claim SET salary_kind = ?2, prior_years_standard_used = ?3 WHERE id = ?1",
        params![claim.0, profile.salary_kind.id(), profile.prior_years_standard_used.get()],
    )?;
    write_prior_items(conn, claim, &profile.prior_items)?;
    for (field, old_value, new_value) in profile_differences(&old, profile) {
        record(conn, editor, context.record(field.1, field.0, old_value, new_value))?;
    }
    Ok(())
}

/// Takes a trainee out of an application inside a transaction (her entries of that 年度 go with the claim; the
/// nurse and her course stay for other 年度).
pub(crate) fn remove_claim(conn: &Connection, editor: &Editor, claim: ClaimId) -> Result<()> {
    let context = claim_context(conn, claim)?;
    let view = read_claims(conn, context.application)?.into_iter().find(|view| view.id == claim);
    let summary = view.map(|view| serde_json::to_string(&view.trainee).unwrap_or_default());
    conn.execute("DELETE FROM claim WHERE id = ?1", [claim.0])?;
    record(conn, editor, context.record("登録", "claim", summary, None))
}

/// Sets 年度内修了 and 認定済 inside a transaction.
pub(crate) fn write_flags(conn: &Connection, editor: &Editor, claim: ClaimId, flags: ClaimFlags) -> Result<()> {
    let context = claim_context(conn, claim)?;
    let old: (bool, bool) =
        conn.query_row("SELECT tuition_completed_in_year, certified FROM claim WHERE id = ?1", [claim.0], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
    conn.execute(
        "UPDATE claim SET tuition_completed_in_year = ?2, certified = ?3 WHERE id = ?1",
        params![claim.0, bool_int(flags.tuition_completed_in_year), bool_int(flags.certified)],
    )?;
    if old.0 != flags.tuition_completed_in_year {
        let (old_value, new_value) = (Some(yes_no(old.0)), Some(yes_no(flags.tuition_completed_in_year)));
        record(conn, editor, context.record("年度内修了", "claim.tuition_completed_in_year", old_value, new_value))?;
    }
    if old.1 != flags.certified {
        record(
            conn,
            editor,
            context.record("認定済", "claim.certified", Some(yes_no(old.1)), Some(yes_no(flags.certified))),
        )?;
    }
    Ok(())
}

/// What a course's earlier 年度 used, as recorded when their applications left 作成中: the 選定額 summed, and the
/// once-only items claimed (in the program's order). Drafts count for nothing yet.
fn carry_over(
    conn: &Connection,
    course: CourseId,
    program: &str,
    year: FiscalYear,
    profile: &mut TraineeProfile,
) -> Result<()> {
    let used: i64 = conn.query_row(
        "SELECT coalesce(sum(c.standard_used), 0) FROM claim c JOIN application a ON a.id = c.application_id
         WHERE c.course_id = ?1 AND a.program = ?2 AND a.fiscal_year < ?3",
        params![course.0, program, year.starting_year()],
        |row| row.get(0),
    )?;
    let mut statement = conn.prepare_cached(
        "SELECT DISTINCT o.item FROM claim_once_item o JOIN claim c ON c.id = o.claim_id
             JOIN application a ON a.id = c.application_id
         WHERE c.course_id = ?1 AND a.program = ?2 AND a.fiscal_year < ?3",
    )?;
    let claimed: Vec<String> = statement
        .query_map(params![course.0, program, year.starting_year()], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let order: Vec<ItemId> = Program::get(program)
        .and_then(|program| program.rules_for(year))
        .map(|rules| rules.once_items().map(|item| item.id).collect())
        .unwrap_or_default();
    profile.prior_years_standard_used = Yen::new(used);
    profile.prior_items = order.into_iter().filter(|item| claimed.iter().any(|id| id == item.id())).collect();
    Ok(())
}

/// Records what each row of an application used (see [`ClaimView::standard_used`]) from the 算定 of its case
/// as it stands; clears it when the application goes back to 作成中. Programs whose rows are not trainees
/// record nothing.
pub(crate) fn record_usage(conn: &Connection, application: ApplicationId, draft: bool) -> Result<()> {
    conn.execute(
        "DELETE FROM claim_once_item WHERE claim_id IN (SELECT id FROM claim WHERE application_id = ?1)",
        [application.0],
    )?;
    conn.execute("UPDATE claim SET standard_used = NULL WHERE application_id = ?1", [application.0])?;
    if draft {
        return Ok(());
    }
    let case = super::case_io::load_case(conn, application)?;
    let views = read_claims(conn, application)?;
    let (Ok(calculation), Ok(rules)) = (
        crate::calc::calculate(&case),
        Program::get(&case.program).and_then(|program| program.rules_for(case.fiscal_year)),
    ) else {
        return Ok(());
    };
    if calculation.rows.len() != views.len() {
        return Ok(());
    }
    let once: Vec<ItemId> = rules.once_items().map(|item| item.id).collect();
    let mut insert = conn.prepare_cached("INSERT OR IGNORE INTO claim_once_item (claim_id, item) VALUES (?1, ?2)")?;
    for (view, row) in views.iter().zip(&calculation.rows) {
        conn.execute("UPDATE claim SET standard_used = ?2 WHERE id = ?1", params![view.id.0, row.selected.get()])?;
        for item in row.items.iter().filter(|item| once.contains(&item.item) && item.selected > Yen::ZERO) {
            insert.execute(params![view.id.0, item.item.id()])?;
        }
    }
    Ok(())
}

fn parse_course_status(text: &str) -> Result<CourseStatus> {
    CourseStatus::from_id(text)
        .ok_or_else(|| StoreError::Corrupt { detail: format!("受講状況「{text}」が読めません") })
}

/// Checks that need nothing but the form.
pub(crate) fn check_profile_alone(profile: &TraineeProfile) -> Result<()> {
    if profile.name.trim().is_empty() {
        return Err(StoreError::invalid("name", "氏名", "空です。受講者の氏名を入力してください"));
    }
    if profile.qualification.trim().is_empty() {
        return Err(StoreError::invalid(
            "qualification",
            "対象資格",
            "選ばれていません。取得を目指す資格を選んでください",
        ));
    }
    if profile.course_ends_on < profile.enrolled_on {
        return Err(StoreError::invalid(
            "course_ends_on",
            "修了予定日",
            format!(
                "{}は入学日（{}）より前です。日付を確かめてください",
                format_date(profile.course_ends_on),
                format_date(profile.enrolled_on)
            ),
        ));
    }
    check_amount("prior_years_standard_used", "前年度までの基準額使用額", profile.prior_years_standard_used)
}

/// Earlier once-only items must be items the program pays once.
fn check_profile_for_program(profile: &TraineeProfile, program: &str, year: FiscalYear) -> Result<()> {
    let Ok(rules) = Program::get(program).and_then(|program| program.rules_for(year)) else { return Ok(()) };
    let once: Vec<ItemId> = rules.once_items().map(|item| item.id).collect();
    if let Some(item) = profile.prior_items.iter().find(|item| !once.contains(item)) {
        let once: Vec<&str> = rules.once_items().map(|item| item.label.as_str()).collect();
        let label = rules.item(*item).map_or(item.id(), |rule| rule.label.as_str());
        return Err(StoreError::invalid(
            "prior_items",
            "前年度までに計上済みの経費",
            format!("「{label}」は一度だけ計上する経費ではありません（選べるもの: {}）", once.join("・")),
        ));
    }
    Ok(())
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
        profile.course_status.unwrap_or_default().id(),
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

fn write_prior_items(conn: &Connection, claim: ClaimId, items: &[ItemId]) -> Result<()> {
    conn.execute("DELETE FROM prior_item WHERE claim_id = ?1", [claim.0])?;
    let mut insert = conn.prepare_cached("INSERT INTO prior_item (claim_id, position, item) VALUES (?1, ?2, ?3)")?;
    for (position, item) in items.iter().enumerate() {
        insert.execute(params![claim.0, position as i64, item.id()])?;
    }
    Ok(())
}

fn claim_owners(conn: &Connection, claim: ClaimId) -> Result<(TraineeId, CourseId)> {
    Ok(conn.query_row(
        "SELECT co.trainee_id, co.id FROM claim c JOIN course co ON co.id = c.course_id WHERE c.id = ?1",
        [claim.0],
        |row| Ok((TraineeId(row.get(0)?), CourseId(row.get(1)?))),
    )?)
}

fn read_course_profile(conn: &Connection, course: CourseId) -> Result<(HospitalId, TraineeProfile)> {
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

fn read_profile(conn: &Connection, claim: ClaimId) -> Result<TraineeProfile> {
    let context = claim_context(conn, claim)?;
    let view = read_claims(conn, context.application)?
        .into_iter()
        .find(|view| view.id == claim)
        .ok_or_else(|| StoreError::not_found("受講者"))?;
    let mut profile = TraineeProfile::of(&view.trainee);
    profile.course_status = Some(view.course_status);
    Ok(profile)
}

/// Every claim of an application as case trainees: four queries whatever the number of trainees.
pub(crate) fn read_claims(conn: &Connection, application: ApplicationId) -> Result<Vec<ClaimView>> {
    type Raw = (
        i64,
        i64,
        i64,
        String,
        String,
        Option<String>,
        Option<i32>,
        String,
        String,
        bool,
        bool,
        String,
        i64,
        String,
        Option<i64>,
    );
    let mut statement = conn.prepare_cached(
        "SELECT c.id, t.id, co.id, co.status, t.name, co.institution, co.exam_fiscal_year, co.enrolled_on, co.ends_on,
                c.tuition_completed_in_year, c.certified, c.salary_kind, c.prior_years_standard_used, co.qualification,
                c.standard_used
         FROM claim c JOIN course co ON co.id = c.course_id JOIN trainee t ON t.id = co.trainee_id
         WHERE c.application_id = ?1 ORDER BY c.position, c.id",
    )?;
    let raws: Vec<Raw> = statement
        .query_map([application.0], |row| {
            Ok((
                row.get(0)?,
                row.get(1)?,
                row.get(2)?,
                row.get(3)?,
                row.get(4)?,
                row.get(5)?,
                row.get(6)?,
                row.get(7)?,
                row.get(8)?,
                row.get(9)?,
                row.get(10)?,
                row.get(11)?,
                row.get(12)?,
                row.get(13)?,
                row.get(14)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut views = Vec::with_capacity(raws.len());
    let mut index_of = std::collections::HashMap::with_capacity(raws.len());
    for raw in raws {
        let (
            id,
            trainee_id,
            course_id,
            status,
            name,
            institution,
            exam_year,
            enrolled_on,
            ends_on,
            completed,
            certified,
            salary_kind,
            prior_used,
            qualification,
            standard_used,
        ) = raw;
        let salary_kind = match salary_kind.as_str() {
            "substitute" => SalaryKind::Substitute,
            _ => SalaryKind::Trainee,
        };
        index_of.insert(id, views.len());
        views.push(ClaimView {
            id: ClaimId(id),
            trainee_id: TraineeId(trainee_id),
            course_id: CourseId(course_id),
            course_status: parse_course_status(&status)?,
            trainee: Trainee {
                name,
                qualification,
                institution,
                exam_fiscal_year: exam_year.map(FiscalYear::new),
                enrolled_on: parse_stored_date(&enrolled_on)?,
                course_ends_on: parse_stored_date(&ends_on)?,
                admission: Yen::ZERO,
                tuition: Yen::ZERO,
                tuition_completed_in_year: completed,
                exam_fee: Yen::ZERO,
                registration_fee: Yen::ZERO,
                certified,
                salary_kind,
                salary: Yen::ZERO,
                salary_months: Vec::new(),
                other_costs: Yen::ZERO,
                other_income: Yen::ZERO,
                prior_years_standard_used: Yen::new(prior_used),
                prior_items: Vec::new(),
                receipts: Vec::new(),
                report: Default::default(),
            },
            standard_used: standard_used.map(Yen::new),
        });
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
        let month = super::sql::parse_stored_month(&month)?;
        if let Some(view) = index_of.get(&claim).and_then(|index| views.get_mut(*index)) {
            view.trainee.salary_months.push(crate::case::SalaryMonth { month, amount: Yen::new(amount) });
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

fn item_list(items: &[ItemId]) -> String {
    items.iter().map(|item| item.id()).collect::<Vec<_>>().join(", ")
}

fn describe_profile(profile: &TraineeProfile) -> String {
    format!(
        "{}（{}、{}〜{}）",
        profile.name,
        profile.qualification,
        format_date(profile.enrolled_on),
        format_date(profile.course_ends_on)
    )
}

type FieldName = (&'static str, &'static str);

fn profile_differences(old: &TraineeProfile, new: &TraineeProfile) -> Vec<(FieldName, Option<String>, Option<String>)> {
    let year = |year: Option<FiscalYear>| year.map(FiscalYear::japanese_name);
    let fields: [(FieldName, Option<String>, Option<String>); 10] = [
        (("trainee.name", "氏名"), Some(old.name.clone()), Some(new.name.clone())),
        (("course.qualification", "対象資格"), Some(old.qualification.clone()), Some(new.qualification.clone())),
        (("course.institution", "教育機関"), old.institution.clone(), new.institution.clone()),
        (("course.exam_fiscal_year", "認定審査受審予定年度"), year(old.exam_fiscal_year), year(new.exam_fiscal_year)),
        (("course.enrolled_on", "入学日"), Some(format_date(old.enrolled_on)), Some(format_date(new.enrolled_on))),
        (
            ("course.ends_on", "修了予定日"),
            Some(format_date(old.course_ends_on)),
            Some(format_date(new.course_ends_on)),
        ),
        (
            ("course.status", "受講状況"),
            old.course_status.map(|status| status.label().to_string()),
            new.course_status.or(old.course_status).map(|status| status.label().to_string()),
        ),
        (
            ("claim.salary_kind", "人件費の区分"),
            Some(old.salary_kind.label().into()),
            Some(new.salary_kind.label().into()),
        ),
        (
            ("claim.prior_years_standard_used", "前年度までの基準額使用額"),
            Some(old.prior_years_standard_used.format_yen()),
            Some(new.prior_years_standard_used.format_yen()),
        ),
        (
            ("claim.prior_items", "前年度までに計上済みの経費"),
            Some(item_list(&old.prior_items)),
            Some(item_list(&new.prior_items)),
        ),
    ];
    fields.into_iter().filter(|(_, old, new)| old != new).collect()
}
