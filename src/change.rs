//! 変更交付申請: whether the plan of a decided 年度 has moved so far from what the 都 decided that a 変更交付申請
//! must be filed before the 年度 ends (settlement.md 「変更交付申請」): the current plan's 交付申請額 exceeds the
//! 交付決定額, or a trainee was added or withdrawn since the application was submitted. The same 算定 and review
//! as the application, on the plan as it stands now.

use serde::Serialize;

use crate::case::{Case, CourseStatus, Decision};
use crate::eligibility::evaluate;
use crate::money::Yen;
use crate::normalize::name_key;
use crate::program::ProgramError;
use crate::review::review_with;

/// Why a 変更交付申請 is needed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChangeReason {
    /// The plan now asks for more than was decided.
    AboveDecision { planned: Yen, decided: Yen },
    /// A trainee not in the submitted application.
    TraineeAdded { name: String },
    /// A trainee of the submitted application who is no longer in the plan, or who left her course.
    TraineeWithdrawn { name: String },
}

impl ChangeReason {
    /// What the screen and the 変更交付申請書 say.
    pub fn message(&self) -> String {
        match self {
            ChangeReason::AboveDecision { planned, decided } => format!(
                "今の計画の交付申請額（{}）が交付決定額（{}）を上回っています。年度内に変更交付申請をしてください",
                planned.format_yen(),
                decided.format_yen()
            ),
            ChangeReason::TraineeAdded { name } => {
                format!("{name}さんは交付申請のときの受講者にいません。受講者の追加は変更交付申請が必要です")
            }
            ChangeReason::TraineeWithdrawn { name } => {
                format!("{name}さんが受講をやめています（または計画から外れています）。変更交付申請が必要です")
            }
        }
    }
}

/// What changed between the submitted application (`submitted`) and the plan as it stands (`current`), measured
/// against the decision; empty when no 変更交付申請 is needed. Trainees are matched by name with spaces and
/// width folded (「看護　花子」 is 「看護 花子」).
///
/// # Errors
/// The program or 年度 of `current` is unknown.
pub fn change_needed(submitted: &Case, current: &Case, decision: &Decision) -> Result<Vec<ChangeReason>, ProgramError> {
    let calculation = crate::calc::calculate(current)?;
    let eligibility = evaluate(current)?;
    let planned = review_with(current, Some(&eligibility), Some(&calculation)).applied_total;
    let mut reasons = Vec::new();
    if planned > decision.amount {
        reasons.push(ChangeReason::AboveDecision { planned, decided: decision.amount });
    }
    let key = name_key;
    let before: Vec<String> = submitted.trainees.iter().map(|trainee| key(&trainee.name)).collect();
    for trainee in &current.trainees {
        if !before.contains(&key(&trainee.name)) {
            reasons.push(ChangeReason::TraineeAdded { name: trainee.name.clone() });
        }
    }
    for trainee in &submitted.trainees {
        let now = current.trainees.iter().find(|other| key(&other.name) == key(&trainee.name));
        let withdrawn = now.is_none_or(|now| now.report.course_status == Some(CourseStatus::Withdrawn));
        if withdrawn {
            reasons.push(ChangeReason::TraineeWithdrawn { name: trainee.name.clone() });
        }
    }
    Ok(reasons)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn sakura() -> Case {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sakura-hospital.json");
        crate::case::parse_case(&std::fs::read(path).unwrap()).unwrap()
    }

    fn decided(amount: i64) -> Decision {
        Decision {
            decided_on: NaiveDate::from_ymd_opt(2024, 7, 1).unwrap(),
            number: "6保医政第1234号".into(),
            amount: Yen::new(amount),
        }
    }

    #[test]
    fn an_unchanged_plan_within_the_decision_needs_nothing() {
        assert_eq!(change_needed(&sakura(), &sakura(), &decided(2_300_000)).unwrap(), vec![]);
    }

    #[test]
    fn costs_grown_past_the_decision_need_a_change() {
        let reasons = change_needed(&sakura(), &sakura(), &decided(2_000_000)).unwrap();
        assert_eq!(
            reasons,
            vec![ChangeReason::AboveDecision { planned: Yen::new(2_300_000), decided: Yen::new(2_000_000) }]
        );
        assert!(reasons[0].message().contains("変更交付申請"));
    }

    #[test]
    fn a_trainee_added_or_withdrawn_needs_a_change_and_a_respaced_name_is_the_same_nurse() {
        let submitted = sakura();
        let mut current = sakura();
        current.trainees[0].name = "看護　花子".into();
        assert_eq!(change_needed(&submitted, &current, &decided(2_300_000)).unwrap(), vec![]);
        let mut second = current.trainees[0].clone();
        second.name = "佐藤 美咲".into();
        current.trainees.push(second);
        let reasons = change_needed(&submitted, &current, &decided(9_000_000)).unwrap();
        assert_eq!(reasons, vec![ChangeReason::TraineeAdded { name: "佐藤 美咲".into() }]);
        current.trainees.remove(0);
        let reasons = change_needed(&submitted, &current, &decided(9_000_000)).unwrap();
        assert!(reasons.contains(&ChangeReason::TraineeWithdrawn { name: "看護 花子".into() }), "{reasons:?}");
    }
}
