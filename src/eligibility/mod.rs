//! Eligibility: the hospital checks (H1–H4, X1–X4) and each trainee's (T1–T3), each with a verdict and a
//! Japanese reason that names the rule and says what to do.

mod hospital;
mod trainee;

use serde::Serialize;

use crate::case::Case;
use crate::program::{CheckId, Program, ProgramError};

pub use hospital::{check_application, check_hospital, check_hospital_for_year};
pub use trainee::check_trainee;

/// The verdict of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Verdict {
    Met,
    NotMet,
    NeedsConfirmation,
}

impl Verdict {
    /// 満たす / 満たさない / 要確認
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Met => "満たす",
            Verdict::NotMet => "満たさない",
            Verdict::NeedsConfirmation => "要確認",
        }
    }
}

/// The verdict over several checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Overall {
    Eligible,
    NotEligible,
    NeedsConfirmation,
}

impl Overall {
    /// Eligible when all are met; not eligible when any is not met; otherwise needs confirmation.
    pub fn of(checks: &[Check]) -> Overall {
        if checks.iter().any(|check| check.verdict == Verdict::NotMet) {
            Overall::NotEligible
        } else if checks.iter().all(|check| check.verdict == Verdict::Met) {
            Overall::Eligible
        } else {
            Overall::NeedsConfirmation
        }
    }

    /// 対象 / 対象外 / 要確認
    pub fn label(self) -> &'static str {
        match self {
            Overall::Eligible => "対象",
            Overall::NotEligible => "対象外",
            Overall::NeedsConfirmation => "要確認",
        }
    }
}

/// One check's outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Check {
    pub id: CheckId,
    /// What the rule requires: 「都内の病院であること」
    pub label: String,
    pub verdict: Verdict,
    /// Why, naming the rule, and what to do when it is not met.
    pub reason: String,
}

impl Check {
    fn new(id: CheckId, label: &str, verdict: Verdict, reason: String) -> Check {
        Check { id, label: label.to_string(), verdict, reason: format!("{id} {label}: {reason}") }
    }
}

/// One trainee's checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TraineeEligibility {
    pub name: String,
    pub verdict: Overall,
    pub checks: Vec<Check>,
}

/// The answer of `hojo check`: the hospital's verdict and checks, then each trainee's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Eligibility {
    /// The hospital's overall verdict (the trainees have their own).
    pub verdict: Overall,
    pub checks: Vec<Check>,
    pub trainees: Vec<TraineeEligibility>,
}

impl Eligibility {
    /// The checks that stop an application (not met), hospital and trainees alike, as "X3" or "看護 花子 T2".
    pub fn blocking(&self) -> Vec<String> {
        self.failing(Verdict::NotMet)
    }

    /// The open points (needs confirmation).
    pub fn open_points(&self) -> Vec<String> {
        self.failing(Verdict::NeedsConfirmation)
    }

    fn failing(&self, verdict: Verdict) -> Vec<String> {
        let hospital = self.checks.iter().filter(|c| c.verdict == verdict).map(|c| c.reason.clone());
        let trainees = self.trainees.iter().flat_map(|t| {
            t.checks.iter().filter(|c| c.verdict == verdict).map(|c| format!("{}: {}", t.name, c.reason))
        });
        hospital.chain(trainees).collect()
    }
}

/// Every check of a case.
pub fn evaluate(case: &Case) -> Result<Eligibility, ProgramError> {
    let program = Program::get(&case.program)?;
    let rules = program.rules_for(case.fiscal_year)?;
    let checks = check_application(case, rules);
    let trainees = case
        .trainees
        .iter()
        .map(|trainee| {
            let checks = check_trainee(trainee, rules, case.fiscal_year);
            TraineeEligibility { name: trainee.name.clone(), verdict: Overall::of(&checks), checks }
        })
        .collect();
    Ok(Eligibility { verdict: Overall::of(&checks), checks, trainees })
}
