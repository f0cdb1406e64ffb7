//! The case file as the exchange format. Importing a case (hojo-case/1) writes its hospital, trainees and
//! amounts; loading an application gives its case back, equal to what was imported. Each lump amount of a
//! case becomes one cost entry (without date or memo); a case's amount is the sum of the item's entries. A
//! hospital-row program's form (研修会, costs, 積算内訳) goes to its own tables as it is (`hospital_row`). A
//! 実績報告 (stage report) is imported as an application at 実績報告作成中 on the case's decision, with its
//! 受入済額 and each trainee's report; loading it gives the report back.

use std::collections::HashSet;

use rusqlite::{Connection, params};
use serde::Serialize;

use super::Store;
use super::application_rows::{application_summary, find_application, insert_application};
use super::claim_read::read_claims;
use super::claim_rows::{insert_claim, insert_course, insert_trainee, update_course};
use super::costs::{CostInput, CostItem, MAX_AMOUNT, SalaryMonthInput, insert_cost, insert_salary_month};
use super::error::{Result, StoreError};
use super::history::{Editor, Record, record};
use super::hospital_row::{check_hospital_row, read_hospital_row, write_hospital_row};
use super::hospital_rows::{find_by_name, insert_hospital, read_hospital, write_hospital};
use super::ids::{ApplicationId, ClaimId, CourseId, HospitalId, TraineeId};
use super::lifecycle_rows::read_lifecycle;
use super::profile::{ClaimFlags, TraineeProfile};
use super::receipts::{insert_receipts, read_receipts_into, refuse_losing_attachments};
use super::report_rows::{read_trainee_reports, write_trainee_report};
use super::sql::date_text;
use crate::case::{Case, CaseError, Problem, Stage, Trainee};
use crate::fiscal_year::FiscalYear;
use crate::lifecycle::Status;

/// What to do when the database already holds an application for the case's hospital, program and 年度.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    /// Refuse, so that nothing entered is overwritten by surprise.
    New,
    /// Replace that application's trainees and amounts with the case's (the old ones stay in the history and
    /// the backups).
    Replace,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportOutcome {
    pub hospital_id: HospitalId,
    pub application_id: ApplicationId,
    /// An existing application was replaced.
    pub replaced: bool,
    pub trainees: usize,
}

impl Store {
    /// The case of an application, as `hojo check`, `calc` and `export` read it.
    pub fn load_case(&self, application: ApplicationId) -> Result<Case> {
        load_case(&self.conn, application)
    }

    /// The case of a hospital's application for a program and 年度.
    pub fn case_for_year(&self, hospital: HospitalId, program: &str, year: FiscalYear) -> Result<Case> {
        let application = find_application(&self.conn, hospital, program, year)?
            .ok_or_else(|| StoreError::not_found(format!("{}の申請", year.japanese_name())))?;
        self.load_case(application)
    }
}

pub(crate) fn load_case(conn: &Connection, application: ApplicationId) -> Result<Case> {
    let summary = application_summary(conn, application)?;
    let hospital = read_hospital(conn, summary.hospital_id)?;
    let trainees = read_claims(conn, application)?.into_iter().map(|view| view.trainee).collect();
    let mut case = Case { trainees, ..Case::new(&summary.program, summary.fiscal_year, hospital) };
    // Empty for a nurse-program application; a hospital-row program (kanwa-training) keeps its form here.
    read_hospital_row(conn, application, &mut case)?;
    // From 実績報告作成中 on, the figures are the actual amounts: the case is the report, on the decision in force.
    let lifecycle = read_lifecycle(conn, application)?;
    if lifecycle.status.is_report() {
        case.stage = Stage::Report;
        case.decision = lifecycle.current_decision().cloned();
        case.received = lifecycle.received;
        for (trainee, report) in case.trainees.iter_mut().zip(read_trainee_reports(conn, application)?) {
            trainee.report = report;
        }
        read_receipts_into(conn, application, &mut case)?;
    }
    Ok(case)
}

/// Amounts a case may hold but one cost entry may not (over 10億円); said with the case's JSON path.
pub(crate) fn check_case_amounts(case: &Case) -> Result<()> {
    let mut problems = Vec::new();
    for (index, trainee) in case.trainees.iter().enumerate() {
        for (field, amount) in lump_amounts(trainee) {
            if amount.1 > MAX_AMOUNT {
                problems.push(too_large(format!("trainees[{index}].{field}")));
            }
        }
        for (month_index, month) in trainee.salary_months.iter().enumerate() {
            if month.amount > MAX_AMOUNT {
                problems.push(too_large(format!("trainees[{index}].salary_months[{month_index}].amount")));
            }
        }
        if trainee.prior_years_standard_used > MAX_AMOUNT {
            problems.push(too_large(format!("trainees[{index}].prior_years_standard_used")));
        }
    }
    if !problems.is_empty() {
        return Err(StoreError::Case(CaseError { problems }));
    }
    check_hospital_row(case)
}

fn too_large(path: String) -> Problem {
    Problem::new(
        path,
        format!("金額が大きすぎます（{} まで）。桁を確かめてください", MAX_AMOUNT.format_yen()),
        "amount too large",
    )
}

/// The trainee's lump amounts by cost item, with the case field (the item's id) each sits in.
fn lump_amounts(trainee: &Trainee) -> impl Iterator<Item = (&'static str, (CostItem, crate::money::Yen))> + '_ {
    Trainee::COST_ITEMS.into_iter().filter_map(|item| trainee.cost(item).map(|amount| (item.id(), (item, amount))))
}

pub(crate) fn import_case(conn: &Connection, editor: &Editor, case: &Case, mode: ImportMode) -> Result<ImportOutcome> {
    let hospital = match find_by_name(conn, &case.hospital.name)? {
        Some(id) => {
            write_hospital(conn, editor, id, &case.hospital)?;
            id
        }
        None => insert_hospital(conn, &case.hospital)?,
    };
    let subject = format!("{}の申請", case.fiscal_year.japanese_name());
    let (application, replaced) = match find_application(conn, hospital, &case.program, case.fiscal_year)? {
        Some(_) if mode == ImportMode::New => {
            return Err(StoreError::Conflict(format!(
                "「{}」の{}の申請は既にデータベースにあります。上書きするなら置き換えを選んでください（hojo db import --replace）。今の内容はバックアップと変更履歴に残ります",
                case.hospital.name,
                case.fiscal_year.japanese_name()
            )));
        }
        Some(id) => {
            // A decided application takes its report (as 「実績報告を始める」 would); a frozen one takes nothing.
            let status = read_lifecycle(conn, id)?.status;
            if let Some(refusal) = status.edit_refusal()
                && !(case.stage == Stage::Report && status == Status::Decided)
            {
                return Err(StoreError::Conflict(refusal));
            }
            refuse_losing_attachments(conn, id, None, "置き換えると、")?;
            let old = load_case(conn, id)?;
            conn.execute("DELETE FROM claim WHERE application_id = ?1", [id.0])?;
            record(
                conn,
                editor,
                Record {
                    hospital: Some(hospital),
                    application: Some(id),
                    subject: subject.clone(),
                    field: "application.replaced",
                    old: Some(crate::case::to_json(&old)),
                    new: None,
                },
            )?;
            (id, true)
        }
        None => (insert_application(conn, editor, hospital, &case.program, case.fiscal_year)?, false),
    };
    // The 研修会, amounts and 積算内訳 of a hospital-row program (kanwa-training); replaced ones go with the claims.
    write_hospital_row(conn, application, case)?;
    let mut used_trainees = HashSet::new();
    let mut used_courses = HashSet::new();
    for trainee in &case.trainees {
        let profile = TraineeProfile::of(trainee);
        let trainee_id = match find_trainee(conn, hospital, &trainee.name, &used_trainees)? {
            Some(id) => id,
            None => insert_trainee(conn, hospital, &trainee.name)?,
        };
        used_trainees.insert(trainee_id);
        // A case has no 受講状況: a course found keeps its own.
        let course = match find_course(conn, trainee_id, trainee, &used_courses)? {
            Some(id) => {
                update_course(conn, id, &profile)?;
                id
            }
            None => insert_course(conn, trainee_id, &profile)?,
        };
        used_courses.insert(course);
        let flags =
            ClaimFlags { tuition_completed_in_year: trainee.tuition_completed_in_year, certified: trainee.certified };
        let claim = insert_claim(conn, application, course, &profile, flags)?;
        write_amounts(conn, claim, trainee)?;
        write_trainee_report(conn, claim, &trainee.report)?;
    }
    record(
        conn,
        editor,
        Record {
            hospital: Some(hospital),
            application: Some(application),
            subject,
            field: "application.import",
            old: None,
            new: Some(import_summary(case)),
        },
    )?;
    Ok(ImportOutcome { hospital_id: hospital, application_id: application, replaced, trainees: case.trainees.len() })
}

/// What the history says an import brought: the trainees, or a hospital-row program's 研修会.
fn import_summary(case: &Case) -> String {
    let hospital_row = crate::program::Program::get(&case.program)
        .is_ok_and(|program| program.row_kind == crate::program::RowKind::Hospital);
    if hospital_row {
        format!("ケースファイルから読み込み（研修会{}件）", case.trainings.len())
    } else {
        format!("ケースファイルから読み込み（受講者{}名）", case.trainees.len())
    }
}

pub(crate) fn write_amounts(conn: &Connection, claim: ClaimId, trainee: &Trainee) -> Result<()> {
    insert_receipts(conn, claim, trainee)?;
    for (_, (item, amount)) in lump_amounts(trainee) {
        // A zero amount is no entry: the sum of no entries is 0, so the case comes back the same. An item with
        // receipts is their sum: its receipts are its entries.
        if amount.get() != 0 && trainee.receipts_total(item).is_none() {
            insert_cost(conn, claim, &CostInput { item, amount, paid_on: None, memo: None })?;
        }
    }
    for month in &trainee.salary_months {
        insert_salary_month(conn, claim, &SalaryMonthInput { month: month.month, amount: month.amount, memo: None })?;
    }
    Ok(())
}

/// The hospital's nurse of that name not yet matched in this import (two nurses may share a name).
pub(crate) fn find_trainee(
    conn: &Connection,
    hospital: HospitalId,
    name: &str,
    used: &HashSet<TraineeId>,
) -> Result<Option<TraineeId>> {
    let mut statement =
        conn.prepare_cached("SELECT id FROM trainee WHERE hospital_id = ?1 AND name = ?2 ORDER BY id")?;
    let ids = statement.query_map(params![hospital.0, name], |row| row.get::<_, i64>(0))?;
    for id in ids {
        let id = TraineeId(id?);
        if !used.contains(&id) {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

pub(crate) fn find_course(
    conn: &Connection,
    trainee: TraineeId,
    case_trainee: &Trainee,
    used: &HashSet<CourseId>,
) -> Result<Option<CourseId>> {
    let mut statement = conn.prepare_cached(
        "SELECT id FROM course WHERE trainee_id = ?1 AND qualification = ?2 AND enrolled_on = ?3 ORDER BY id",
    )?;
    let ids = statement
        .query_map(params![trainee.0, case_trainee.qualification, date_text(case_trainee.enrolled_on)], |row| {
            row.get::<_, i64>(0)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(ids.into_iter().map(CourseId).find(|id| !used.contains(id)))
}
