//! 交付額の算定: steps 1–10 of the rules, per row (a trainee, or for some programs the hospital), returning
//! every letter A–I and every item's amount, 基準額 and 選定額 so that screens and the workbook show the working.

mod rows;

use serde::Serialize;

use crate::case::Case;
use crate::fiscal_year::FiscalYear;
use crate::money::{Ratio, Yen};
use crate::program::{ItemId, Program, ProgramError, RowKind, Rules};

pub use rows::{MonthStatus, hospital_row, month_status, trainee_row};

/// What one row brings to the 算定, already reduced to amounts and flags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowInput {
    pub name: String,
    pub items: Vec<ItemInput>,
    /// Costs of the course that are not 対象経費 (textbooks, travel): in A, never in D.
    pub other_costs: Yen,
    /// B 寄付金その他の収入額
    pub other_income: Yen,
    /// The 選定額 of earlier 年度, summed, against the lifetime 基準額.
    pub prior_standard_used: Yen,
    /// Once-only items claimed in an earlier 年度.
    pub prior_once_items: Vec<ItemId>,
    /// What the reduction left out and why (months outside the course, …).
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemInput {
    pub id: ItemId,
    /// The cost of the item in the 年度 (for salary, of the months that count).
    pub amount: Yen,
    /// The item's "counted only when" condition holds.
    pub counted: bool,
}

/// One item's working.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ItemCalculation {
    pub item: ItemId,
    pub label: String,
    /// The cost entered (in A).
    pub amount: Yen,
    /// The part that is 対象経費 (in D): 0 where the item is not counted.
    pub eligible: Yen,
    /// 基準額 for this 年度; 0 for a once-only item claimed before; `None` where the item has no own 基準額.
    pub standard: Option<Yen>,
    /// 選定額: min(eligible, standard).
    pub selected: Yen,
    /// 備考: 「年度内修了予定」, 「認定後に計上」, 「前年度までに計上済み」
    pub note: Option<String>,
}

/// One row of the 所要額調書.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RowCalculation {
    pub name: String,
    /// 総事業費
    #[serde(rename = "A")]
    pub total_cost: Yen,
    /// 寄付金その他の収入額
    #[serde(rename = "B")]
    pub other_income: Yen,
    /// 差引額 = A − B
    #[serde(rename = "C")]
    pub net_cost: Yen,
    /// 対象経費の支出予定額
    #[serde(rename = "D")]
    pub eligible_cost: Yen,
    /// 基準額
    #[serde(rename = "E")]
    pub standard: Yen,
    /// 選定額
    #[serde(rename = "F")]
    pub selected: Yen,
    /// 補助基本額 = max(0, min(C, F))
    #[serde(rename = "G")]
    pub base: Yen,
    /// 補助率
    #[serde(rename = "H")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub rate: Ratio,
    /// 補助所要額 = G × H, 千円未満切捨て
    #[serde(rename = "I")]
    pub subsidy: Yen,
    pub items: Vec<ItemCalculation>,
    /// How much of the lifetime 基準額 remains after this 年度's 選定額 (None where the program has no cap).
    pub lifetime_standard_left: Option<Yen>,
    pub warnings: Vec<String>,
}

/// The whole 算定 of a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Calculation {
    pub program: String,
    pub fiscal_year: FiscalYear,
    #[serde(rename = "trainees")]
    pub rows: Vec<RowCalculation>,
    /// 交付申請額 = Σ I
    pub total: Yen,
}

/// The 算定 of every row of a case — each trainee, or the hospital itself for programs whose row it is —
/// whatever their eligibility (the hospital plans with the figures).
pub fn calculate(case: &Case) -> Result<Calculation, ProgramError> {
    let program = Program::get(&case.program)?;
    let rules = program.rules_for(case.fiscal_year)?;
    let rows: Vec<RowCalculation> = match program.row_kind {
        RowKind::Trainee => case
            .trainees
            .iter()
            .map(|trainee| calculate_row(rules, &trainee_row(trainee, rules, case.fiscal_year)))
            .collect(),
        RowKind::Hospital => vec![calculate_row(rules, &hospital_row(case, rules))],
    };
    let total = rows.iter().map(|row| row.subsidy).sum();
    Ok(Calculation { program: program.id.clone(), fiscal_year: case.fiscal_year, rows, total })
}

/// Steps 1–9 for one row.
pub fn calculate_row(rules: &Rules, row: &RowInput) -> RowCalculation {
    let mut warnings = row.warnings.clone();
    let items: Vec<ItemCalculation> = rules
        .items
        .iter()
        .map(|rule| {
            let input = row.items.iter().find(|item| item.id == rule.id);
            let amount = input.map_or(Yen::ZERO, |item| item.amount);
            let counted = input.is_none_or(|item| item.counted);
            let claimed_before = rule.once && row.prior_once_items.contains(&rule.id);
            let standard = if claimed_before { Some(Yen::ZERO) } else { rule.standard };
            let eligible = if counted { amount } else { Yen::ZERO };
            let selected = standard.map_or(eligible, |standard| eligible.min(standard));
            let note = if claimed_before {
                Some("前年度までに計上済み".to_string())
            } else if counted {
                rule.counted_when.as_ref().and(rule.note_when_counted.clone())
            } else {
                rule.note_when_not_counted.clone()
            };
            // #9: an amount typed for an item already claimed in an earlier 年度 stays in A and D (it is paid)
            // but gets no 選定額; say so, so the user does not believe it is subsidised.
            if claimed_before && amount > Yen::ZERO {
                warnings.push(format!(
                    "{} {} は前年度までに計上済みのため、今年度の選定額は0円です（総事業費と対象経費には含まれます）。今年度も計上するなら「前年度までに計上済み」を外してください",
                    rule.label, amount
                ));
            }
            if !counted && amount > Yen::ZERO {
                warnings.push(format!(
                    "{} {} は対象経費に含めていません（{}）",
                    rule.label,
                    amount,
                    rule.note_when_not_counted.as_deref().unwrap_or("条件を満たしていません")
                ));
            }
            ItemCalculation { item: rule.id, label: rule.label.clone(), amount, eligible, standard, selected, note }
        })
        .collect();

    // 1–4
    let total_cost = items.iter().map(|item| item.amount).sum::<Yen>() + row.other_costs;
    let net_cost = total_cost - row.other_income;
    let eligible_cost: Yen = items.iter().map(|item| item.eligible).sum();
    // 5: the smallest of the limits the program sets.
    let item_standards: Option<Yen> = items.iter().map(|item| item.standard).sum();
    let lifetime_left = rules.lifetime_standard_per_row.map(|cap| (cap - row.prior_standard_used).at_least_zero());
    let standard = [item_standards, rules.yearly_standard_per_row, lifetime_left]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(eligible_cost);
    // 6–9
    let selected = items.iter().map(|item| item.selected).sum::<Yen>().min(standard);
    if net_cost.is_negative() {
        warnings.push("寄付金その他の収入額が総事業費を上回っているため、補助基本額は0円です".to_string());
    }
    let base = net_cost.min(selected).at_least_zero();
    let subsidy = base.times_ratio_floored_to(rules.subsidy_rate, rules.rounding_unit);
    RowCalculation {
        name: row.name.clone(),
        total_cost,
        other_income: row.other_income,
        net_cost,
        eligible_cost,
        standard,
        selected,
        base,
        rate: rules.subsidy_rate,
        subsidy,
        items,
        lifetime_standard_left: lifetime_left.map(|left| (left - selected).at_least_zero()),
        warnings,
    }
}

#[cfg(test)]
mod tests;
