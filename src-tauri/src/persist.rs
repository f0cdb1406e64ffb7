//! Writes one edit of the open application into the database, as the store's own fine-grained edits (each one
//! transaction with its history entry): the hospital's profile, a trainee added or removed, her profile, her two
//! flags, the amount of an item, a month of 人件費. The edit is found by comparing the case before and after it.

use hojo::case::{Case, Trainee};
use hojo::fiscal_year::YearMonth;
use hojo::money::Yen;
use hojo::store::{
    ApplicationId, ClaimFlags, ClaimId, CostInput, CostItem, Editor, HospitalId, SalaryMonthInput, Store, StoreError,
    TraineeProfile,
};

use crate::error::{AppError, AppResult};

/// Where the open application lives in the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub hospital: HospitalId,
    pub application: ApplicationId,
}

pub fn store_error(error: StoreError) -> AppError {
    AppError::new(error.to_string())
}

/// Writes the difference between `old` and `new` (one edit of a screen) to the database.
pub fn persist(store: &mut Store, editor: &Editor, place: Place, old: &Case, new: &Case) -> AppResult<()> {
    if old.hospital != new.hospital {
        store.save_hospital(editor, place.hospital, &new.hospital).map_err(store_error)?;
    }
    let claims: Vec<ClaimId> =
        store.trainees(place.application).map_err(store_error)?.iter().map(|view| view.id).collect();
    if new.trainees.len() > old.trainees.len() {
        for trainee in &new.trainees[old.trainees.len()..] {
            let claim =
                store.add_trainee(editor, place.application, &TraineeProfile::of(trainee)).map_err(store_error)?;
            write_trainee(store, editor, claim, &blank_like(trainee), trainee)?;
        }
        return Ok(());
    }
    if new.trainees.len() < old.trainees.len() {
        let removed = (0..old.trainees.len()).find(|&i| new.trainees.get(i) != Some(&old.trainees[i])).unwrap_or(0);
        let claim = claims.get(removed).ok_or_else(|| AppError::new("その受講者はデータベースにいません"))?;
        return store.remove_trainee(editor, *claim).map_err(store_error);
    }
    for (index, (before, after)) in old.trainees.iter().zip(&new.trainees).enumerate() {
        if before != after {
            let claim = claims.get(index).ok_or_else(|| AppError::new("その受講者はデータベースにいません"))?;
            write_trainee(store, editor, *claim, before, after)?;
        }
    }
    Ok(())
}

/// A trainee as the store holds her right after `add_trainee`: her profile, no flags, no amounts.
fn blank_like(trainee: &Trainee) -> Trainee {
    Trainee {
        tuition_completed_in_year: false,
        certified: false,
        admission: Yen::ZERO,
        tuition: Yen::ZERO,
        exam_fee: Yen::ZERO,
        registration_fee: Yen::ZERO,
        salary: Yen::ZERO,
        salary_months: Vec::new(),
        other_costs: Yen::ZERO,
        other_income: Yen::ZERO,
        ..trainee.clone()
    }
}

fn write_trainee(
    store: &mut Store,
    editor: &Editor,
    claim: ClaimId,
    before: &Trainee,
    after: &Trainee,
) -> AppResult<()> {
    if TraineeProfile::of(before) != TraineeProfile::of(after) {
        store.update_trainee(editor, claim, &TraineeProfile::of(after)).map_err(store_error)?;
    }
    let flags =
        |t: &Trainee| ClaimFlags { tuition_completed_in_year: t.tuition_completed_in_year, certified: t.certified };
    if flags(before) != flags(after) {
        store.set_flags(editor, claim, flags(after)).map_err(store_error)?;
    }
    // Amounts before months: switching 人件費 to months needs the yearly amount gone first, and back the reverse.
    for item in Trainee::COST_ITEMS {
        let (old, new) = (item_amount(before, item), item_amount(after, item));
        if old != new {
            set_item_total(store, editor, claim, item, new)?;
        }
    }
    write_months(store, editor, claim, before, after)
}

fn item_amount(trainee: &Trainee, item: CostItem) -> Yen {
    trainee.cost(item).unwrap_or(Yen::ZERO)
}

/// The administrator's screens edit an item's total. With no entry yet one is added; with one it is changed
/// (or removed at 0). Several entries are the nurse's receipts: changing the total would rewrite one of them
/// behind her back, so the screen is told to change the receipts instead.
fn set_item_total(store: &mut Store, editor: &Editor, claim: ClaimId, item: CostItem, total: Yen) -> AppResult<()> {
    let entries: Vec<_> =
        store.costs(claim).map_err(store_error)?.into_iter().filter(|entry| entry.item == item).collect();
    match entries.as_slice() {
        [] if total == Yen::ZERO => Ok(()),
        [] => store
            .add_cost(editor, claim, &CostInput { item, amount: total, paid_on: None, memo: None })
            .map(|_| ())
            .map_err(store_error),
        [entry] if total == Yen::ZERO && entry.paid_on.is_none() && entry.memo.is_none() => {
            store.remove_cost(editor, entry.id).map_err(store_error)
        }
        [entry] => store
            .update_cost(
                editor,
                entry.id,
                &CostInput { item, amount: total, paid_on: entry.paid_on, memo: entry.memo.clone() },
            )
            .map_err(store_error),
        several => Err(AppError::new(format!(
            "{}は支払いごとに{}件記録されています（受講者用の画面）。合計を変えるには、その明細を直してください",
            item.id(),
            several.len()
        ))),
    }
}

fn write_months(
    store: &mut Store,
    editor: &Editor,
    claim: ClaimId,
    before: &Trainee,
    after: &Trainee,
) -> AppResult<()> {
    if before.salary_months == after.salary_months {
        return Ok(());
    }
    let stored = store.salary_months(claim).map_err(store_error)?;
    let amount_in = |t: &Trainee, month: YearMonth| t.salary_months.iter().find(|m| m.month == month).map(|m| m.amount);
    for entry in &stored {
        match amount_in(after, entry.month) {
            None => store.remove_salary_month(editor, entry.id).map_err(store_error)?,
            Some(amount) if amount != entry.amount => store
                .update_salary_month(
                    editor,
                    entry.id,
                    &SalaryMonthInput { month: entry.month, amount, memo: entry.memo.clone() },
                )
                .map_err(store_error)?,
            Some(_) => {}
        }
    }
    for month in &after.salary_months {
        if !stored.iter().any(|entry| entry.month == month.month) {
            store
                .add_salary_month(
                    editor,
                    claim,
                    &SalaryMonthInput { month: month.month, amount: month.amount, memo: None },
                )
                .map_err(store_error)?;
        }
    }
    Ok(())
}
