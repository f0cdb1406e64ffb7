//! 計画と実績の比較: a 年度's plan (the application the decision rests on, or the 変更後 plan) against another
//! case of the same 年度 — the actual amounts of its 実績報告, or a new plan — row by row and item by item.
//!
//! Both sides go through `calc::calculate` (and the review, for the totals): no rule is applied here a second
//! time, so a plan and a report of the same amounts compare to nothing. Rows are matched as the program's row
//! kind says: a trainee by her name folded by `normalize::name_key` and her 対象資格 (so 「看護　花子」 is
//! 看護 花子), the hospital's one row (kanwa-training) with itself.

use serde::Serialize;

use crate::calc::{Calculation, ItemCalculation, RowCalculation, calculate};
use crate::case::{Case, CourseStatus};
use crate::eligibility::evaluate;
use crate::fiscal_year::FiscalYear;
use crate::money::Yen;
use crate::normalize::name_key;
use crate::program::{ItemId, Program, ProgramError, RowKind};
use crate::review::review_with;

/// One figure planned and actual: `difference` = actual − planned (positive: more than planned).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Figures {
    pub planned: Yen,
    pub actual: Yen,
    /// actual − planned
    pub difference: Yen,
}

impl Figures {
    pub fn new(planned: Yen, actual: Yen) -> Figures {
        Figures { planned, actual, difference: actual - planned }
    }

    pub fn changed(&self) -> bool {
        !self.difference.is_zero()
    }
}

/// One cost item of a row: its amount (the cost entered, in A) planned and actual.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ItemComparison {
    pub item: ItemId,
    /// 入学料, 講師謝金…
    pub label: String,
    pub planned: Yen,
    pub actual: Yen,
    /// actual − planned
    pub difference: Yen,
    /// 選定額 planned and actual (what the item brings to F).
    pub selected: Figures,
}

/// Where a row is: on both sides, only in the actual case (a trainee added) or only in the plan (one who left it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum RowPresence {
    Both,
    Added,
    Removed,
}

/// One row (a trainee, or the hospital) planned and actual.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RowComparison {
    /// The trainee's name (as the actual case writes it, else the plan), or the hospital's.
    pub name: String,
    /// 対象資格 id; `None` for the hospital's row.
    pub qualification: Option<String>,
    pub presence: RowPresence,
    /// 中途退学 in the actual case's 実績 (受講状況).
    pub withdrew: bool,
    pub items: Vec<ItemComparison>,
    /// A 総事業費
    pub total_cost: Figures,
    /// D 対象経費
    pub eligible_cost: Figures,
    /// F 選定額
    pub selected: Figures,
    /// I 補助所要額 (planned) / 精算額 (actual)
    pub subsidy: Figures,
}

impl RowComparison {
    pub fn changed(&self) -> bool {
        self.presence != RowPresence::Both
            || self.withdrew
            || self.items.iter().any(|item| !item.difference.is_zero())
            || [self.total_cost, self.eligible_cost, self.selected, self.subsidy].iter().any(Figures::changed)
    }
}

/// The plan against the actual case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Comparison {
    pub program: String,
    pub fiscal_year: FiscalYear,
    /// The plan's rows in its order, then the rows only the actual case has.
    pub rows: Vec<RowComparison>,
    /// 交付申請額 (planned) against the actual case's total (精算額合計 of a report): Σ I over the eligible rows,
    /// as the review counts it.
    pub total: Figures,
    /// Trainees the plan did not have.
    pub added: Vec<String>,
    /// Trainees of the plan the actual case no longer has, or whose 受講状況 is 中途退学.
    pub withdrawn: Vec<String>,
}

impl Comparison {
    /// Nothing differs: every figure the same, nobody added or withdrawn.
    pub fn is_unchanged(&self) -> bool {
        !self.total.changed()
            && self.added.is_empty()
            && self.withdrawn.is_empty()
            && !self.rows.iter().any(RowComparison::changed)
    }
}

/// Why two cases cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    #[error("{0}")]
    Program(#[from] ProgramError),
    #[error(
        "比べる2つのケースの事業または年度が違います（計画: {plan}、実績: {actual}）。同じ事業・同じ年度のケースを指定してください (the cases are of different programs or years)"
    )]
    Different { plan: String, actual: String },
}

/// The plan against the actual case (or a new plan): per row and per item planned, actual and difference, each
/// row's I, the totals, and the trainees added or withdrawn.
///
/// # Errors
/// The program or 年度 is unknown, or the two cases are of different programs or 年度.
pub fn plan_against_actual(plan: &Case, actual: &Case) -> Result<Comparison, CompareError> {
    if plan.program != actual.program || plan.fiscal_year != actual.fiscal_year {
        let describe = |case: &Case| format!("{} {}", case.program, case.fiscal_year.japanese_name());
        return Err(CompareError::Different { plan: describe(plan), actual: describe(actual) });
    }
    let program = Program::get(&plan.program)?;
    let (planned, actual_calc) = (calculate(plan)?, calculate(actual)?);
    let total = Figures::new(applied_total(plan, &planned)?, applied_total(actual, &actual_calc)?);
    let mut rows = Vec::new();
    let (mut added, mut withdrawn) = (Vec::new(), Vec::new());
    match program.row_kind {
        RowKind::Hospital => {
            for (before, after) in planned.rows.iter().zip(&actual_calc.rows) {
                rows.push(row(&after.name, None, RowPresence::Both, false, Some(before), Some(after)));
            }
        }
        RowKind::Trainee => {
            let key = |case: &Case, index: usize| {
                case.trainees.get(index).map(|t| (name_key(&t.name), t.qualification.clone()))
            };
            let mut matched = vec![false; actual.trainees.len()];
            for (index, trainee) in plan.trainees.iter().enumerate() {
                let found =
                    (0..actual.trainees.len()).find(|&other| !matched[other] && key(actual, other) == key(plan, index));
                let before = planned.rows.get(index);
                if let Some(other) = found {
                    matched[other] = true;
                    let after_trainee = &actual.trainees[other];
                    let withdrew = after_trainee.report.course_status == Some(CourseStatus::Withdrawn);
                    if withdrew {
                        withdrawn.push(after_trainee.name.clone());
                    }
                    let qualification = Some(trainee.qualification.clone());
                    let after = actual_calc.rows.get(other);
                    rows.push(row(&after_trainee.name, qualification, RowPresence::Both, withdrew, before, after));
                } else {
                    withdrawn.push(trainee.name.clone());
                    let qualification = Some(trainee.qualification.clone());
                    rows.push(row(&trainee.name, qualification, RowPresence::Removed, false, before, None));
                }
            }
            for (other, trainee) in actual.trainees.iter().enumerate().filter(|(other, _)| !matched[*other]) {
                added.push(trainee.name.clone());
                let withdrew = trainee.report.course_status == Some(CourseStatus::Withdrawn);
                let after = actual_calc.rows.get(other);
                let qualification = Some(trainee.qualification.clone());
                rows.push(row(&trainee.name, qualification, RowPresence::Added, withdrew, None, after));
            }
        }
    }
    Ok(Comparison { program: program.id.clone(), fiscal_year: plan.fiscal_year, rows, total, added, withdrawn })
}

/// Σ I over the rows the review counts (a 対象外 row is shown but not asked for).
fn applied_total(case: &Case, calculation: &Calculation) -> Result<Yen, ProgramError> {
    let eligibility = evaluate(case)?;
    Ok(review_with(case, Some(&eligibility), Some(calculation)).applied_total)
}

fn row(
    name: &str,
    qualification: Option<String>,
    presence: RowPresence,
    withdrew: bool,
    before: Option<&RowCalculation>,
    after: Option<&RowCalculation>,
) -> RowComparison {
    let figure =
        |pick: fn(&RowCalculation) -> Yen| Figures::new(before.map_or(Yen::ZERO, pick), after.map_or(Yen::ZERO, pick));
    // Both sides have the same items (the same program and 年度), in the program's order.
    let item_list: &[ItemCalculation] = after.or(before).map_or(&[], |row| row.items.as_slice());
    let find = |side: Option<&RowCalculation>, id: ItemId| {
        side.and_then(|row| row.items.iter().find(|item| item.item == id)).cloned()
    };
    let items = item_list
        .iter()
        .map(|item| {
            let (planned, actual) = (find(before, item.item), find(after, item.item));
            let amount = |side: &Option<ItemCalculation>| side.as_ref().map_or(Yen::ZERO, |item| item.amount);
            let chosen = |side: &Option<ItemCalculation>| side.as_ref().map_or(Yen::ZERO, |item| item.selected);
            let figures = Figures::new(amount(&planned), amount(&actual));
            ItemComparison {
                item: item.item,
                label: item.label.clone(),
                planned: figures.planned,
                actual: figures.actual,
                difference: figures.difference,
                selected: Figures::new(chosen(&planned), chosen(&actual)),
            }
        })
        .collect();
    RowComparison {
        name: name.to_string(),
        qualification,
        presence,
        withdrew,
        items,
        total_cost: figure(|row| row.total_cost),
        eligible_cost: figure(|row| row.eligible_cost),
        selected: figure(|row| row.selected),
        subsidy: figure(|row| row.subsidy),
    }
}

#[cfg(test)]
mod tests;
