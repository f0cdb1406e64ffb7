//! One edit of an application (`hojo::edit::CaseEdit`) in one transaction: the case as stored, the edit
//! applied and checked by the domain, then exactly the part it changed written with its history — from the
//! domain's `Change`, never by comparing two cases. All of it or none of it reaches the file.

use std::collections::HashSet;

use rusqlite::{Connection, params};

use super::Store;
use super::application_rows::application_summary;
use super::case_io::{find_course, find_trainee, load_case, write_amounts};
use super::claim_ops::{remove_claim, update_profile, write_flags};
use super::claim_rows::{claim_context, insert_claim, insert_course, insert_trainee, update_course};
use super::costs::{
    CostInput, SalaryMonthInput, describe_cost, describe_month, insert_cost, insert_salary_month, read_costs,
    read_salary_months,
};
use super::error::{Result, StoreError};
use super::history::{Editor, Record, record};
use super::hospital_row::write_hospital_row;
use super::hospital_rows::{find_by_name, write_hospital};
use super::ids::{ApplicationId, ClaimId, CourseId, TraineeId};
use super::lifecycle_rows::read_lifecycle;
use super::profile::{ClaimFlags, TraineeProfile};
use super::receipts::{ReceiptWrite, claim_order, write_receipt};
use super::report_rows::edit_trainee_report;
use crate::case::{Case, Trainee};
use crate::edit::{CaseEdit, Change};
use crate::money::Yen;
use crate::program::{CostItem, ItemId};

impl Store {
    /// Applies one edit to an application and returns its case as now stored.
    ///
    /// # Errors
    /// The application's 状態 keeps its figures as submitted or decided ([`StoreError::Conflict`], naming the
    /// 状態 and the way out), the domain refuses the edit ([`StoreError::Edit`], naming the field), a cost the
    /// edit would change is held as several receipts, or the database cannot be written. Nothing is written then.
    pub fn apply_edit(&mut self, editor: &Editor, application: ApplicationId, edit: &CaseEdit) -> Result<Case> {
        self.edit(|tx| {
            // 提出済・交付決定・実績報告済・確定: the figures are what was submitted or decided on.
            if let Some(refusal) = read_lifecycle(tx, application)?.status.edit_refusal() {
                return Err(StoreError::Conflict(refusal));
            }
            let mut case = load_case(tx, application)?;
            let change = crate::edit::apply(&mut case, edit)?;
            write_change(tx, editor, application, &case, change)?;
            load_case(tx, application)
        })
    }
}

/// Writes what one edit changed; `case` is the case after the edit.
fn write_change(
    conn: &Connection,
    editor: &Editor,
    application: ApplicationId,
    case: &Case,
    change: Change,
) -> Result<()> {
    let trainee = |index: usize| case.trainees.get(index).ok_or_else(|| StoreError::not_found("受講者"));
    match change {
        Change::Hospital => {
            let hospital = application_summary(conn, application)?.hospital_id;
            if let Some(other) = find_by_name(conn, &case.hospital.name)?.filter(|other| *other != hospital) {
                return Err(StoreError::invalid(
                    "name",
                    "病院名",
                    format!(
                        "「{}」という病院が別に登録されています（番号 {other}）。別の名前にしてください",
                        case.hospital.name
                    ),
                ));
            }
            write_hospital(conn, editor, hospital, &case.hospital)
        }
        Change::TraineeAdded { index } => add_claim_at(conn, editor, application, trainee(index)?, index),
        Change::TraineeRemoved { index } => remove_claim(conn, editor, claim_at(conn, application, index)?),
        Change::TraineeProfile { index } => {
            update_profile(conn, editor, claim_at(conn, application, index)?, &TraineeProfile::of(trainee(index)?))
        }
        Change::TraineeFlag { index, .. } => {
            let trainee = trainee(index)?;
            let flags = ClaimFlags {
                tuition_completed_in_year: trainee.tuition_completed_in_year,
                certified: trainee.certified,
            };
            write_flags(conn, editor, claim_at(conn, application, index)?, flags)
        }
        Change::TraineeCost { index, item } => {
            let amount = trainee(index)?.cost(item).unwrap_or(Yen::ZERO);
            set_item_total(conn, editor, claim_at(conn, application, index)?, item, amount)
        }
        Change::TraineeSalary { index } => {
            write_salary(conn, editor, claim_at(conn, application, index)?, trainee(index)?)
        }
        Change::HospitalRow => write_hospital_row_edit(conn, editor, application, case),
        Change::TraineeReport { index } => {
            let before = load_case(conn, application)?;
            let old = before.trainees.get(index).map(|trainee| trainee.report.clone()).unwrap_or_default();
            edit_trainee_report(conn, editor, claim_at(conn, application, index)?, &old, &trainee(index)?.report)
        }
        Change::TraineeCourse { index } => {
            let claim = claim_at(conn, application, index)?;
            let trainee = trainee(index)?;
            update_profile(conn, editor, claim, &TraineeProfile::of(trainee))?;
            write_salary(conn, editor, claim, trainee)
        }
        Change::ReceiptAdded { index, receipt } => write_receipt(
            conn,
            editor,
            claim_at(conn, application, index)?,
            trainee(index)?,
            ReceiptWrite::Added(receipt),
        ),
        Change::ReceiptChanged { index, receipt } => write_receipt(
            conn,
            editor,
            claim_at(conn, application, index)?,
            trainee(index)?,
            ReceiptWrite::Changed(receipt),
        ),
        Change::ReceiptRemoved { index, receipt } => write_receipt(
            conn,
            editor,
            claim_at(conn, application, index)?,
            trainee(index)?,
            ReceiptWrite::Removed(receipt),
        ),
    }
}

/// A hospital-row program's 研修会, costs, 積算内訳, other costs or income (kanwa-training): the whole form
/// rewritten from the edited case, with the before and after in the history.
fn write_hospital_row_edit(conn: &Connection, editor: &Editor, application: ApplicationId, case: &Case) -> Result<()> {
    let before = load_case(conn, application)?;
    write_hospital_row(conn, application, case)?;
    let summary = application_summary(conn, application)?;
    record(
        conn,
        editor,
        Record {
            hospital: Some(summary.hospital_id),
            application: Some(application),
            subject: format!("{}の申請の研修会・経費", summary.fiscal_year.japanese_name()),
            field: "application.hospital_row",
            old: Some(hospital_row_json(&before)),
            new: Some(hospital_row_json(case)),
        },
    )
}

/// The hospital row's part of a case, as the history keeps it.
fn hospital_row_json(case: &Case) -> String {
    serde_json::json!({
        "trainings": case.trainings,
        "costs": case.costs,
        "workings": case.workings,
        "other_costs": case.other_costs,
        "other_income": case.other_income,
    })
    .to_string()
}

/// The claim at a position of the application's order.
pub(crate) fn claim_at(conn: &Connection, application: ApplicationId, index: usize) -> Result<ClaimId> {
    claim_order(conn, application)?.get(index).copied().ok_or_else(|| StoreError::not_found("受講者"))
}

/// A trainee added (or put back after a removal) at a position: the hospital's nurse and course are found
/// again when she is already known (a removed claim leaves them), else created.
fn add_claim_at(
    conn: &Connection,
    editor: &Editor,
    application: ApplicationId,
    trainee: &Trainee,
    index: usize,
) -> Result<()> {
    let summary = application_summary(conn, application)?;
    let claimed: HashSet<CourseId> = claimed_courses(conn, application)?;
    let profile = TraineeProfile::of(trainee);
    let mut course = None;
    let mut tried = HashSet::<TraineeId>::new();
    while let Some(nurse) = find_trainee(conn, summary.hospital_id, &trainee.name, &tried)? {
        tried.insert(nurse);
        if let Some(found) = find_course(conn, nurse, trainee, &claimed)? {
            update_course(conn, found, &profile)?;
            course = Some(found);
            break;
        }
    }
    let course = match course {
        Some(course) => course,
        None => {
            let nurse = insert_trainee(conn, summary.hospital_id, &trainee.name)?;
            insert_course(conn, nurse, &profile)?
        }
    };
    let flags =
        ClaimFlags { tuition_completed_in_year: trainee.tuition_completed_in_year, certified: trainee.certified };
    let claim = insert_claim(conn, application, course, &profile, flags)?;
    write_amounts(conn, claim, trainee)?;
    let mut order = claim_order(conn, application)?;
    order.retain(|id| *id != claim);
    order.insert(index.min(order.len()), claim);
    let mut reposition = conn.prepare_cached("UPDATE claim SET position = ?2 WHERE id = ?1")?;
    for (position, id) in order.iter().enumerate() {
        reposition.execute(params![id.0, position as i64])?;
    }
    let context = claim_context(conn, claim)?;
    record(
        conn,
        editor,
        context.record("登録", "claim", None, Some(serde_json::to_string(trainee).unwrap_or_default())),
    )
}

fn claimed_courses(conn: &Connection, application: ApplicationId) -> Result<HashSet<CourseId>> {
    let mut statement = conn.prepare_cached("SELECT course_id FROM claim WHERE application_id = ?1")?;
    let ids = statement.query_map([application.0], |row| row.get(0))?.collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids.into_iter().map(CourseId).collect())
}

/// The administrator's forms edit an item's total. With no entry yet one is added; with one it is changed (or
/// removed at 0). Several entries are receipts: changing the total would rewrite one of them behind the
/// nurse's back, so the user is told to change the receipts instead.
fn set_item_total(conn: &Connection, editor: &Editor, claim: ClaimId, item: CostItem, total: Yen) -> Result<()> {
    let context = claim_context(conn, claim)?;
    let label = context.label(item);
    let entries: Vec<_> = read_costs(conn, claim)?.into_iter().filter(|entry| entry.item == item).collect();
    match entries.as_slice() {
        [] if total == Yen::ZERO => Ok(()),
        [] => {
            let cost = CostInput { item, amount: total, paid_on: None, memo: None };
            insert_cost(conn, claim, &cost)?;
            record(conn, editor, context.record(&label, "cost_entry", None, Some(describe_cost(&context, &cost))))
        }
        [entry] => {
            let old = CostInput { item, amount: entry.amount, paid_on: entry.paid_on, memo: entry.memo.clone() };
            if entry.amount == total {
                return Ok(());
            }
            if total == Yen::ZERO && entry.paid_on.is_none() && entry.memo.is_none() {
                conn.execute("DELETE FROM cost_entry WHERE id = ?1", [entry.id.0])?;
                return record(
                    conn,
                    editor,
                    context.record(&label, "cost_entry", Some(describe_cost(&context, &old)), None),
                );
            }
            conn.execute("UPDATE cost_entry SET amount = ?2 WHERE id = ?1", params![entry.id.0, total.get()])?;
            let new = CostInput { amount: total, ..old.clone() };
            record(
                conn,
                editor,
                context.record(
                    &label,
                    "cost_entry",
                    Some(describe_cost(&context, &old)),
                    Some(describe_cost(&context, &new)),
                ),
            )
        }
        several => Err(StoreError::invalid(
            "amount",
            "金額",
            format!(
                "{label}は支払いごとに{}件記録されています（受講者用の画面や費用ファイルから）。合計を変えるには、その明細を直してください",
                several.len()
            ),
        )),
    }
}

/// The trainee's 人件費 as the case now holds it: the yearly amount, and the months by month.
fn write_salary(conn: &Connection, editor: &Editor, claim: ClaimId, trainee: &Trainee) -> Result<()> {
    // The yearly amount first: switching to months empties it before the months arrive, and back.
    set_item_total(conn, editor, claim, CostItem::Item(ItemId::Salary), trainee.salary)?;
    let context = claim_context(conn, claim)?;
    let stored = read_salary_months(conn, claim)?;
    for entry in &stored {
        let wanted = trainee.salary_months.iter().find(|month| month.month == entry.month);
        let old = SalaryMonthInput { month: entry.month, amount: entry.amount, memo: entry.memo.clone() };
        let what = format!("{}の人件費", entry.month.japanese_name());
        match wanted {
            None => {
                conn.execute("DELETE FROM salary_month WHERE id = ?1", [entry.id.0])?;
                record(conn, editor, context.record(&what, "salary_month", Some(describe_month(&old)), None))?;
            }
            Some(month) if month.amount != entry.amount => {
                conn.execute(
                    "UPDATE salary_month SET amount = ?2 WHERE id = ?1",
                    params![entry.id.0, month.amount.get()],
                )?;
                let new = SalaryMonthInput { amount: month.amount, ..old.clone() };
                record(
                    conn,
                    editor,
                    context.record(&what, "salary_month", Some(describe_month(&old)), Some(describe_month(&new))),
                )?;
            }
            Some(_) => {}
        }
    }
    for month in trainee.salary_months.iter().filter(|month| !stored.iter().any(|entry| entry.month == month.month)) {
        let new = SalaryMonthInput { month: month.month, amount: month.amount, memo: None };
        insert_salary_month(conn, claim, &new)?;
        let what = format!("{}の人件費", month.month.japanese_name());
        record(conn, editor, context.record(&what, "salary_month", None, Some(describe_month(&new))))?;
    }
    Ok(())
}
