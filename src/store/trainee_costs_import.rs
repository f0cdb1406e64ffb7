//! Importing a nurse's cost file into the administrator's database (#9 items 2 and 14). The file is matched to
//! the trainee by who she is (her course: 対象資格 and 入学日, and her name with spaces set aside), never by exact
//! spelling. It merges: each item the file carries replaces that item's entries, each month of 人件費 it carries
//! replaces that month (months replace a stored 人件費 合計額, a 合計額 replaces stored months); what the file does
//! not hold (人件費 her screen cannot enter, an item she never touched)
//! is left as it is. The preview lists, before anything is written, what would change.

use std::collections::BTreeMap;

use rusqlite::{Connection, params};
use serde::Serialize;

use super::Store;
use super::application_rows::application_summary;
use super::claim_read::read_claims;
use super::claim_rows::{ClaimContext, claim_context};
use super::costs::{
    CostInput, CostItem, check_cost, check_salary_amount, insert_cost, insert_salary_month, read_costs,
    read_salary_months,
};
use super::error::{Result, StoreError};
use super::history::{Editor, record};
use super::hospital_rows::read_hospital;
use super::ids::{ApplicationId, ClaimId};
use super::lifecycle_rows::check_editable;
use super::names::name_key;
use super::receipts::{apply_merge, attachments_of, check_receipt, plan_merge, receipt_entries};
use super::trainee_costs::{TraineeCosts, TraineeCostsOutcome};
use crate::case::Receipt;
use crate::era::format_date;
use crate::fiscal_year::YearMonth;
use crate::money::Yen;
use crate::program::ItemId;

/// One amount an import would change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CostChange {
    /// What changes, as the program names it: 受講料, or 人件費（令和6年5月） for one month.
    pub label: String,
    /// The cost item (`tuition`, `salary`, `other_costs`).
    pub item: CostItem,
    /// The month, for a month of 人件費.
    pub month: Option<YearMonth>,
    pub before: Yen,
    pub after: Yen,
}

/// What importing a nurse's cost file would do, shown before the user agrees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TraineeCostsPreview {
    pub claim_id: ClaimId,
    /// The trainee's name as the database holds it.
    pub trainee_name: String,
    /// Each amount that would change, items in the program's order, then months in calendar order. Empty: the
    /// file holds nothing new.
    pub changes: Vec<CostChange>,
    /// Receipts the file brings that the database does not hold yet.
    pub added_receipts: Vec<Receipt>,
    /// Stored receipts of the items the file carries that the file no longer holds: they would go.
    pub removed_receipts: Vec<Receipt>,
    /// Attachments (scans) of those receipts, which would go with them.
    pub removed_attachments: usize,
}

impl Store {
    /// What [`Store::import_trainee_costs`] would change, without writing anything.
    pub fn preview_trainee_costs(
        &self,
        application: ApplicationId,
        file: &TraineeCosts,
    ) -> Result<TraineeCostsPreview> {
        check_entries(file)?;
        let (claim, context) = resolve(&self.conn, application, file)?;
        let merge = plan_merge(&receipt_entries(&self.conn, claim)?, &file_items(file), &incoming_receipts(file));
        Ok(TraineeCostsPreview {
            claim_id: claim,
            trainee_name: context.trainee_name.clone(),
            changes: changes(&self.conn, &context, file)?,
            removed_attachments: attachments_of(&self.conn, &merge.removed)?,
            added_receipts: merge.added,
            removed_receipts: merge.removed.into_iter().map(|(_, receipt)| receipt).collect(),
        })
    }

    /// Merges the nurse's file into her entries of the application, all checked first: the file must be of this
    /// application's hospital, program and 年度 and name one of its trainees. Items and months the file carries
    /// replace those entries; the rest stays (the history keeps what was replaced).
    pub fn import_trainee_costs(
        &mut self,
        editor: &Editor,
        application: ApplicationId,
        file: &TraineeCosts,
    ) -> Result<TraineeCostsOutcome> {
        check_entries(file)?;
        self.edit(|tx| {
            check_editable(tx, application)?;
            let (claim, context) = resolve(tx, application, file)?;
            let changes = changes(tx, &context, file)?;
            let items = file_items(file);
            let stored_receipts = receipt_entries(tx, claim)?;
            let merge = plan_merge(&stored_receipts, &items, &incoming_receipts(file));
            // The items' amounts without a receipt go; their receipts are merged (those kept keep their scans).
            let mut replaced_costs = merge.removed.len();
            for item in items.into_iter().chain((!file.salary_months.is_empty()).then_some(SALARY)) {
                let entries = read_costs(tx, claim)?;
                for entry in entries.iter().filter(|entry| entry.item == item) {
                    if !stored_receipts.iter().any(|(id, _)| *id == entry.id) {
                        tx.prepare_cached("DELETE FROM cost_entry WHERE id = ?1")?.execute([entry.id.0])?;
                        replaced_costs += 1;
                    }
                }
                if item == SALARY && !file.salary_months.is_empty() {
                    // Months replace a 合計額 given by receipts too.
                    replaced_costs += tx
                        .prepare_cached("DELETE FROM cost_entry WHERE claim_id = ?1 AND item = 'salary'")?
                        .execute([claim.0])?;
                }
            }
            let mut replaced_salary_months = 0;
            if file_has_lump_salary(file) {
                replaced_salary_months += tx.execute("DELETE FROM salary_month WHERE claim_id = ?1", [claim.0])?;
            }
            for month in &file.salary_months {
                replaced_salary_months += tx
                    .prepare_cached("DELETE FROM salary_month WHERE claim_id = ?1 AND month = ?2")?
                    .execute(params![claim.0, month.month.to_string()])?;
            }
            apply_merge(tx, &editor_of(file, editor), claim, &merge)?;
            for cost in file.costs.iter().filter(|cost| !is_receipt(cost)) {
                insert_cost(tx, claim, cost)?;
            }
            for month in &file.salary_months {
                insert_salary_month(tx, claim, month)?;
            }
            check_salary_form(tx, claim)?;
            let editor = editor_of(file, editor);
            for change in &changes {
                record(
                    tx,
                    &editor,
                    context.record(
                        &format!("{}（費用ファイル）", change.label),
                        "trainee_costs.import",
                        Some(change.before.format_yen()),
                        Some(change.after.format_yen()),
                    ),
                )?;
            }
            Ok(TraineeCostsOutcome {
                claim_id: claim,
                costs: file.costs.len(),
                salary_months: file.salary_months.len(),
                receipts: merge.added.len(),
                replaced_costs,
                replaced_salary_months,
            })
        })
    }
}

/// The history records an import under the nurse who entered it, when the file names her.
fn editor_of(file: &TraineeCosts, editor: &Editor) -> Editor {
    match &file.entered_by {
        Some(name) if !name.trim().is_empty() => Editor::Nurse(name.clone()),
        _ => editor.clone(),
    }
}

/// The items the file carries entries of (amounts or receipts), in the order they first appear.
fn file_items(file: &TraineeCosts) -> Vec<CostItem> {
    let mut items = Vec::new();
    for item in file.costs.iter().map(|cost| cost.item).chain(file.receipts.iter().map(|receipt| receipt.item)) {
        if !items.contains(&item) {
            items.push(item);
        }
    }
    items
}

/// A dated amount is a receipt (as the store keeps it): a `/1` file's receipts were so.
fn is_receipt(cost: &CostInput) -> bool {
    cost.paid_on.is_some() && cost.item != CostItem::OTHER_INCOME
}

/// The file's receipts: its list, then its dated amounts (their memo as the description).
fn incoming_receipts(file: &TraineeCosts) -> Vec<Receipt> {
    let dated = file.costs.iter().filter(|cost| is_receipt(cost)).filter_map(|cost| {
        Some(Receipt {
            item: cost.item,
            paid_on: cost.paid_on?,
            payee: String::new(),
            description: cost.memo.clone().unwrap_or_default(),
            amount: cost.amount,
        })
    });
    file.receipts.iter().cloned().chain(dated).collect()
}

/// 人件費 is one item in two forms: a file that carries it by month replaces a stored 合計額, one that carries a
/// 合計額 replaces the stored months; months merge month by month.
fn replaced_by_file(file: &TraineeCosts, item: CostItem) -> bool {
    file_items(file).contains(&item) || (item == SALARY && !file.salary_months.is_empty())
}

fn file_has_lump_salary(file: &TraineeCosts) -> bool {
    file.costs.iter().any(|cost| cost.item == SALARY) || file.receipts.iter().any(|receipt| receipt.item == SALARY)
}

const SALARY: CostItem = CostItem::Item(ItemId::Salary);

/// Before → after of every item and month the merge touches, where they differ.
fn changes(conn: &Connection, context: &ClaimContext, file: &TraineeCosts) -> Result<Vec<CostChange>> {
    let stored = read_costs(conn, context.claim)?;
    let stored_months = read_salary_months(conn, context.claim)?;
    let lump_salary = file_has_lump_salary(file);
    let mut items: BTreeMap<CostItem, (Yen, Yen)> = BTreeMap::new();
    for cost in &stored {
        let entry = items.entry(cost.item).or_default();
        entry.0 += cost.amount;
        if !replaced_by_file(file, cost.item) {
            entry.1 += cost.amount;
        }
    }
    for cost in &file.costs {
        items.entry(cost.item).or_default().1 += cost.amount;
    }
    for receipt in &file.receipts {
        items.entry(receipt.item).or_default().1 += receipt.amount;
    }
    let mut months: BTreeMap<YearMonth, (Yen, Yen)> = BTreeMap::new();
    for month in &stored_months {
        let kept = !lump_salary && !file.salary_months.iter().any(|new| new.month == month.month);
        *months.entry(month.month).or_default() = (month.amount, if kept { month.amount } else { Yen::ZERO });
    }
    for month in &file.salary_months {
        months.entry(month.month).or_default().1 = month.amount;
    }
    let salary_label = context.label(SALARY);
    let item_changes = items.into_iter().map(|(item, (before, after))| CostChange {
        label: context.label(item),
        item,
        month: None,
        before,
        after,
    });
    let month_changes = months.into_iter().map(|(month, (before, after))| CostChange {
        label: format!("{salary_label}（{}）", month.japanese_name()),
        item: SALARY,
        month: Some(month),
        before,
        after,
    });
    Ok(item_changes.chain(month_changes).filter(|change| change.before != change.after).collect())
}

/// The file's application, and the trainee it is of: found by her course (対象資格 and 入学日) and her name with
/// spaces set aside (a half-width against a full-width space is the same nurse).
fn resolve(conn: &Connection, application: ApplicationId, file: &TraineeCosts) -> Result<(ClaimId, ClaimContext)> {
    let summary = application_summary(conn, application)?;
    let hospital = read_hospital(conn, summary.hospital_id)?;
    if name_key(&file.hospital) != name_key(&hospital.name) {
        return Err(StoreError::invalid(
            "hospital",
            "病院",
            format!(
                "このファイルは別の病院（{}）の受講者のものです。「{}」の申請には読み込めません",
                file.hospital, hospital.name
            ),
        ));
    }
    if file.program != summary.program || file.fiscal_year != summary.fiscal_year {
        return Err(StoreError::invalid(
            "fiscal_year",
            "年度",
            format!(
                "このファイルは{}の費用です。開いている申請は{}です",
                file.fiscal_year.japanese_name(),
                summary.fiscal_year.japanese_name()
            ),
        ));
    }
    let views = read_claims(conn, application)?;
    let loose = |name: &str| name_key(name).replace(' ', "");
    let wanted = &file.trainee;
    let same_course = |view: &&super::profile::ClaimView| {
        view.trainee.qualification == wanted.qualification && view.trainee.enrolled_on == wanted.enrolled_on
    };
    let by_key: Vec<_> = views
        .iter()
        .filter(same_course)
        .filter(|view| name_key(&view.trainee.name) == name_key(&wanted.name))
        .collect();
    let by_loose: Vec<_> =
        views.iter().filter(same_course).filter(|view| loose(&view.trainee.name) == loose(&wanted.name)).collect();
    let found = match (by_key.as_slice(), by_loose.as_slice()) {
        ([one], _) | ([], [one]) => one,
        _ => return Err(no_such_trainee(file, &views)),
    };
    Ok((found.id, claim_context(conn, found.id)?))
}

/// Says which trainee the file names and which the application holds, and what did not match.
fn no_such_trainee(file: &TraineeCosts, views: &[super::profile::ClaimView]) -> StoreError {
    let wanted = &file.trainee;
    let loose = |name: &str| name_key(name).replace(' ', "");
    let describe = |name: &str, qualification: &str, enrolled_on| {
        format!("「{name}」さん（{qualification}・{}入学）", format_date(enrolled_on))
    };
    let held: Vec<String> = views
        .iter()
        .map(|view| describe(&view.trainee.name, &view.trainee.qualification, view.trainee.enrolled_on))
        .collect();
    let same_name = views.iter().find(|view| loose(&view.trainee.name) == loose(&wanted.name));
    let reason = match same_name {
        Some(view) if view.trainee.enrolled_on != wanted.enrolled_on => format!(
            "同じ名前の受講者はいますが、入学日が違います（申請では{}、ファイルでは{}）",
            format_date(view.trainee.enrolled_on),
            format_date(wanted.enrolled_on)
        ),
        Some(view) => format!(
            "同じ名前の受講者はいますが、対象資格が違います（申請では{}、ファイルでは{}）",
            view.trainee.qualification, wanted.qualification
        ),
        None if views.len() > 1
            && views.iter().filter(|view| loose(&view.trainee.name) == loose(&wanted.name)).count() > 1 =>
        {
            "同じ名前で同じ課程の受講者が複数います".into()
        }
        None => "この名前の受講者がいません".into(),
    };
    let held = if held.is_empty() {
        "（受講者がまだ登録されていません）".to_string()
    } else {
        held.join("、")
    };
    StoreError::invalid(
        "trainee",
        "受講者",
        format!(
            "費用ファイルの{}はこの申請に見つかりません。{reason}。この申請の受講者: {held}。名前・対象資格・入学日を確かめるか、先に受講者として登録してください",
            describe(&wanted.name, &wanted.qualification, wanted.enrolled_on)
        ),
    )
}

/// The rules of single edits, applied to the whole file before anything is written.
fn check_entries(file: &TraineeCosts) -> Result<()> {
    for cost in &file.costs {
        check_cost(cost)?;
    }
    for month in &file.salary_months {
        check_salary_amount(month)?;
    }
    for receipt in &file.receipts {
        check_receipt(receipt)?;
    }
    if file_has_lump_salary(file) && !file.salary_months.is_empty() {
        return Err(StoreError::invalid(
            "salary_months",
            "人件費",
            "合計額と月ごとの両方で入力されています。どちらか一方にしてください",
        ));
    }
    let mut seen = Vec::new();
    for month in &file.salary_months {
        if seen.contains(&month.month) {
            return Err(StoreError::invalid(
                "month",
                "人件費の月",
                format!("{}が2回あります。1か月に1行にまとめてください", month.month.japanese_name()),
            ));
        }
        seen.push(month.month);
    }
    Ok(())
}

/// After the merge 人件費 is still either months or amounts, not both (as the case file requires).
fn check_salary_form(conn: &Connection, claim: ClaimId) -> Result<()> {
    let (lump, months): (i64, i64) = conn.query_row(
        "SELECT (SELECT count(*) FROM cost_entry WHERE claim_id = ?1 AND item = 'salary'),
                (SELECT count(*) FROM salary_month WHERE claim_id = ?1)",
        [claim.0],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    if lump > 0 && months > 0 {
        return Err(StoreError::invalid(
            "salary_months",
            "人件費",
            "このファイルは人件費を月ごとに持っていますが、申請では合計額で入力されています（またはその逆）。申請の人件費をどちらか一方にしてから読み込んでください。何も変更していません",
        ));
    }
    Ok(())
}
