//! A row of a `hojo-case/1` case as the 算定 takes it: a trainee (item amounts by program item id, the "counted
//! only when" flags, salary months reduced to those inside both the course and the 年度), or the hospital itself
//! (its 対象経費 by item, other costs and income).

use super::{ItemInput, RowInput};
use crate::case::{Case, Trainee};
use crate::fiscal_year::FiscalYear;
use crate::money::Yen;
use crate::program::{CostItem, Rules};

pub fn trainee_row(trainee: &Trainee, rules: &Rules, year: FiscalYear) -> RowInput {
    let mut warnings = Vec::new();
    let exam_year_only = trainee.is_exam_year_after_course(year);
    let items = rules
        .items
        .iter()
        .map(|rule| {
            let mut amount = if rule.monthly && trainee.salary_is_monthly() {
                counted_months(trainee, year, &rule.label, &mut warnings)
            } else {
                // Program data and the trainee form are checked against each other by a test of every
                // trainee program, so an item without a field cannot ship.
                trainee.cost(CostItem::Item(rule.id)).unwrap_or(Yen::ZERO)
            };
            // T3: in the 認定審査 年度 after the course only the items of the 認定 count, in A and in D.
            if exam_year_only && !rule.after_course && amount > Yen::ZERO {
                warnings.push(format!(
                    "{}は認定審査の年度（課程の後の年度）のため、{} {} は0円として扱います（対象は認定審査料・認定登録料のみ）",
                    year.japanese_name(),
                    rule.label,
                    amount
                ));
                amount = Yen::ZERO;
            }
            let counted = rule.counted_when.is_none_or(|flag| trainee.flag(flag));
            ItemInput { id: rule.id, amount, counted }
        })
        .collect();
    RowInput {
        name: trainee.name.clone(),
        items,
        other_costs: trainee.other_costs,
        other_income: trainee.other_income,
        prior_standard_used: trainee.prior_years_standard_used,
        prior_once_items: trainee.prior_items.clone(),
        warnings,
    }
}

/// The hospital as the one row of a program such as kanwa-training.
pub fn hospital_row(case: &Case, rules: &Rules) -> RowInput {
    let items = rules
        .items
        .iter()
        .map(|rule| ItemInput {
            id: rule.id,
            amount: case.costs.get(&rule.id).copied().unwrap_or(Yen::ZERO),
            counted: true,
        })
        .collect();
    RowInput {
        name: case.hospital.name.clone(),
        items,
        other_costs: case.other_costs,
        other_income: case.other_income,
        prior_standard_used: Yen::ZERO,
        prior_once_items: Vec::new(),
        warnings: Vec::new(),
    }
}

/// Whether a salary month counts: months that overlap both the course period and the 年度 count in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthStatus {
    Counted,
    OutsideCourse,
    OutsideYear,
}

pub fn month_status(trainee: &Trainee, year: FiscalYear, month: crate::fiscal_year::YearMonth) -> MonthStatus {
    if !month.overlaps(trainee.enrolled_on, trainee.course_ends_on) {
        MonthStatus::OutsideCourse
    } else if !month.overlaps(year.first_day(), year.last_day()) {
        MonthStatus::OutsideYear
    } else {
        MonthStatus::Counted
    }
}

/// Months that overlap both the course period and the 年度 count in full; others not at all.
fn counted_months(trainee: &Trainee, year: FiscalYear, label: &str, warnings: &mut Vec<String>) -> Yen {
    let mut total = Yen::ZERO;
    for entry in &trainee.salary_months {
        let status = month_status(trainee, year, entry.month);
        if status == MonthStatus::Counted {
            total += entry.amount;
        } else if entry.amount > Yen::ZERO {
            let outside =
                if status == MonthStatus::OutsideYear { year.japanese_name() } else { "受講期間".to_string() };
            warnings.push(format!(
                "{}の{} {} は{}の外のため計上していません",
                entry.month.japanese_name(),
                label,
                entry.amount,
                outside
            ));
        }
    }
    total
}
