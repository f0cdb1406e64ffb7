//! 精算: steps 10–14 of settlement.md on top of the 算定 of the actual amounts (steps 1–9 are the same code as
//! the application's — `calc::calculate` on the report case, whose amounts are what was paid and whose flags are
//! read at the end of the 年度).
//!
//! S 精算額合計 = Σ I over the rows whose trainee is eligible (a 対象外 row is shown apart, as in the
//! application); K 交付決定額 from the 交付決定通知書; 確定額 = min(S, K); R 受入済額; 差引過(△)不足額 = R − 確定額:
//! positive is to be returned, negative still to be paid to the hospital.

use serde::Serialize;

use crate::calc::{Calculation, calculate};
use crate::case::{Case, Decision, Stage};
use crate::eligibility::evaluate;
use crate::money::Yen;
use crate::program::ProgramError;
use crate::review::{ExcludedRow, review_with};

/// The 精算 of a 実績報告.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Settlement {
    /// Steps 1–9 on the actual amounts, every letter A–I per row.
    pub calculation: Calculation,
    /// S 精算額合計
    pub total: Yen,
    /// K 交付決定額
    pub decided: Yen,
    /// 確定額 = min(S, K)
    pub confirmed: Yen,
    /// R 受入済額
    pub received: Yen,
    /// 差引過(△)不足額 = R − 確定額: positive is 返還額, negative is 精算払の請求額.
    pub difference: Yen,
    /// Rows left out of S because their trainee is not eligible.
    pub excluded: Vec<ExcludedRow>,
    /// Said when S > K: the report claims no more than was decided.
    pub exceeds_decision: Option<String>,
}

impl Settlement {
    /// What is still to be paid to the hospital (精算払の請求額), 0 when nothing is.
    pub fn to_be_paid(&self) -> Yen {
        if self.difference.is_negative() { Yen::ZERO - self.difference } else { Yen::ZERO }
    }

    /// What the hospital returns (返還額), 0 when nothing is.
    pub fn to_be_returned(&self) -> Yen {
        self.difference.at_least_zero()
    }
}

/// Why a case could not be settled.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettleError {
    #[error(
        "実績報告ではありません。\"stage\": \"report\" と交付決定（\"decision\": 決定日・文書番号・交付決定額）を書いたケースファイルを指定してください (not a report: stage \"report\" and a decision are required)"
    )]
    NotAReport,
    #[error("{0}")]
    Program(#[from] ProgramError),
}

/// The 精算 of a report case.
///
/// # Errors
/// The case is not a report (no `stage: report` or no decision), or its program or 年度 is unknown.
pub fn settle(case: &Case) -> Result<Settlement, SettleError> {
    let Some(Decision { amount: decided, .. }) = case.decision.clone() else {
        return Err(SettleError::NotAReport);
    };
    if case.stage != Stage::Report {
        return Err(SettleError::NotAReport);
    }
    let calculation = calculate(case)?;
    let eligibility = evaluate(case)?;
    let review = review_with(case, Some(&eligibility), Some(&calculation));
    let total = review.applied_total;
    let confirmed = total.min(decided);
    let exceeds_decision = (total > decided).then(|| {
        format!(
            "精算額の合計（{}）が交付決定額（{}）を上回っています。確定額は交付決定額までです。交付決定額を超える見込みだったときは、年度内に変更交付申請が必要でした",
            total.format_yen(),
            decided.format_yen()
        )
    });
    Ok(Settlement {
        calculation,
        total,
        decided,
        confirmed,
        received: case.received,
        difference: case.received - confirmed,
        excluded: review.excluded,
        exceeds_decision,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn report(decided: i64, received: i64) -> Case {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sakura-hospital.json");
        let mut case = crate::case::parse_case(&std::fs::read(path).unwrap()).unwrap();
        case.stage = Stage::Report;
        case.decision = Some(Decision {
            decided_on: NaiveDate::from_ymd_opt(2024, 7, 1).unwrap(),
            number: "6保医政第1234号".into(),
            amount: Yen::new(decided),
        });
        case.received = Yen::new(received);
        case
    }

    #[test]
    fn an_unchanged_plan_settles_to_the_applications_figures() {
        // さくら病院: I = 2,300,000 in the application; the report of the same amounts gives the same S.
        let settlement = settle(&report(2_300_000, 0)).unwrap();
        assert_eq!(settlement.total, Yen::new(2_300_000));
        assert_eq!(settlement.confirmed, Yen::new(2_300_000));
        assert_eq!(settlement.difference, Yen::new(-2_300_000));
        assert_eq!(settlement.to_be_paid(), Yen::new(2_300_000));
        assert_eq!(settlement.exceeds_decision, None);
    }

    #[test]
    fn s_above_k_is_confirmed_at_k_and_said() {
        let settlement = settle(&report(2_000_000, 2_000_000)).unwrap();
        assert_eq!(settlement.confirmed, Yen::new(2_000_000));
        assert_eq!(settlement.difference, Yen::ZERO);
        assert!(settlement.exceeds_decision.as_deref().is_some_and(|text| text.contains("変更交付申請")));
    }

    #[test]
    fn s_equal_to_k_is_settled_without_a_word() {
        let settlement = settle(&report(2_300_000, 2_300_000)).unwrap();
        assert_eq!(settlement.exceeds_decision, None);
        assert_eq!(settlement.difference, Yen::ZERO);
    }

    #[test]
    fn a_decision_of_zero_confirms_nothing_and_what_was_received_goes_back() {
        let settlement = settle(&report(0, 500_000)).unwrap();
        assert_eq!(settlement.confirmed, Yen::ZERO);
        assert_eq!(settlement.to_be_returned(), Yen::new(500_000));
    }

    #[test]
    fn received_above_the_confirmed_amount_is_returned() {
        let mut case = report(2_300_000, 2_300_000);
        case.trainees[0].tuition_completed_in_year = false; // the year's course was not completed
        let settlement = settle(&case).unwrap();
        // 受講料 900,000 no longer counts: D 3,700,000 → I 1,850,000.
        assert_eq!(settlement.total, Yen::new(1_850_000));
        assert_eq!(settlement.to_be_returned(), Yen::new(450_000));
    }

    #[test]
    fn an_application_is_not_a_report() {
        let mut case = report(1, 0);
        case.stage = Stage::Application;
        assert_eq!(settle(&case), Err(SettleError::NotAReport));
        let mut case = report(1, 0);
        case.decision = None;
        assert_eq!(settle(&case), Err(SettleError::NotAReport));
    }
}
