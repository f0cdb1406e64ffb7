//! `hojo calc CASE.json`: the 算定 as JSON, each trainee's verdict beside the figures.

use std::path::Path;

use hojo::calc::{RowCalculation, calculate};
use hojo::eligibility::{Overall, evaluate};
use hojo::money::Yen;
use serde::Serialize;

use hojo::program::{Program, RowKind};

use super::{CliResult, InputError, input_file::read_case, print_json};

#[derive(Serialize)]
struct CalcOutput {
    trainees: Vec<TraineeOutput>,
    total: Yen,
}

/// A program whose one row is the hospital (kanwa-training): case-file.md's `{"hospital": {…}, "total": N}`.
#[derive(Serialize)]
struct HospitalCalcOutput {
    hospital: RowCalculation,
    verdict: Overall,
    total: Yen,
}

#[derive(Serialize)]
struct TraineeOutput {
    #[serde(flatten)]
    row: RowCalculation,
    verdict: Overall,
}

pub fn run(path: &Path) -> CliResult {
    let case = read_case(path)?;
    let calculation = calculate(&case)?;
    let eligibility = evaluate(&case)?;
    if Program::get(&case.program)?.row_kind == RowKind::Hospital {
        let hospital = calculation.rows.into_iter().next().ok_or_else(|| InputError("算定の行がありません".into()))?;
        return print_json(&HospitalCalcOutput { hospital, verdict: eligibility.verdict, total: calculation.total });
    }
    let trainees = calculation
        .rows
        .into_iter()
        .zip(eligibility.trainees)
        .map(|(row, checks)| TraineeOutput { row, verdict: checks.verdict })
        .collect();
    print_json(&CalcOutput { trainees, total: calculation.total })
}
