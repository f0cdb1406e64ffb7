//! 人件費 as the forms edit it: one amount for the 年度, or month by month over the months of the 年度 inside
//! the course. Switching between the two never loses a counted amount, and moving the course never leaves
//! empty months outside it behind (the months the 算定 counts are those inside both the course and the 年度).

use super::{Change, EditError};
use crate::calc::{MonthStatus, month_status};
use crate::case::{SalaryMonth, Trainee};
use crate::fiscal_year::{FiscalYear, YearMonth};
use crate::money::Yen;
use crate::typed_input::parse_yen;

pub fn set_month(trainee: &mut Trainee, index: usize, month: YearMonth, text: &str) -> Result<Change, EditError> {
    let position = trainee.salary_months.iter().position(|entry| entry.month == month);
    let path = format!("trainees[{index}].salary_months[{}]", position.unwrap_or(trainee.salary_months.len()));
    if trainee.salary != Yen::ZERO {
        return Err(EditError::at(
            format!("trainees[{index}].salary"),
            "人件費を年度の合計で入力しています。月ごとに入力するには「月ごとに入力」に切り替えてください",
        ));
    }
    if text.trim().is_empty() {
        if let Some(position) = position {
            trainee.salary_months.remove(position);
        }
        return Ok(Change::TraineeSalary { index });
    }
    let amount = parse_yen(text).map_err(|error| EditError::at(format!("{path}.amount"), error.to_string()))?;
    match position {
        Some(position) => trainee.salary_months[position].amount = amount,
        None => trainee.salary_months.push(SalaryMonth { month, amount }),
    }
    Ok(Change::TraineeSalary { index })
}

pub fn set_monthly(trainee: &mut Trainee, index: usize, year: FiscalYear, monthly: bool) -> Result<Change, EditError> {
    let path = format!("trainees[{index}].salary");
    if monthly == trainee.salary_is_monthly() {
        return Ok(Change::TraineeSalary { index });
    }
    if monthly {
        if trainee.salary != Yen::ZERO {
            return Err(EditError::at(
                path,
                format!(
                    "年度の合計の人件費（{}）を月ごとに分けて入力するには、先に年度の合計を0にしてください",
                    trainee.salary.format_yen()
                ),
            ));
        }
        trainee.salary_months =
            months_inside(trainee, year).map(|month| SalaryMonth { month, amount: Yen::ZERO }).collect();
    } else {
        // The months that count become the yearly amount; an amount in a month that does not count would be
        // lost, so the user empties that month first.
        if let Some(outside) = trainee
            .salary_months
            .iter()
            .find(|entry| entry.amount != Yen::ZERO && month_status(trainee, year, entry.month) != MonthStatus::Counted)
        {
            return Err(EditError::at(
                path,
                format!(
                    "{}の人件費（{}）は受講期間または年度の外のため対象になりません。先にその月を空にしてから切り替えてください",
                    outside.month.japanese_name(),
                    outside.amount.format_yen()
                ),
            ));
        }
        trainee.salary = trainee.salary_months.iter().map(|entry| entry.amount).sum();
        trainee.salary_months.clear();
    }
    Ok(Change::TraineeSalary { index })
}

/// After the course moved: months that no longer count and hold nothing go, months of the 年度 newly inside
/// the course are offered empty. Months outside that hold an amount stay (the 算定 says they do not count).
pub fn fit_months_to_course(trainee: &mut Trainee, year: FiscalYear) {
    if !trainee.salary_is_monthly() {
        return;
    }
    let kept: Vec<SalaryMonth> = trainee
        .salary_months
        .iter()
        .copied()
        .filter(|entry| entry.amount != Yen::ZERO || month_status(trainee, year, entry.month) == MonthStatus::Counted)
        .collect();
    let added: Vec<SalaryMonth> = months_inside(trainee, year)
        .filter(|month| !kept.iter().any(|entry| entry.month == *month))
        .map(|month| SalaryMonth { month, amount: Yen::ZERO })
        .collect();
    trainee.salary_months = kept;
    trainee.salary_months.extend(added);
    trainee.salary_months.sort_by_key(|entry| entry.month);
}

/// The months of the 年度 that overlap the course.
fn months_inside(trainee: &Trainee, year: FiscalYear) -> impl Iterator<Item = YearMonth> + '_ {
    year.months().filter(|month| month.overlaps(trainee.enrolled_on, trainee.course_ends_on))
}
