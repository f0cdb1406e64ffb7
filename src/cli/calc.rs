//! `hojo calc CASE.json`: the 算定 as JSON, each trainee's verdict beside the figures.

use std::path::Path;

use hojo::calc::{RowCalculation, calculate};
use hojo::eligibility::{Overall, evaluate};
use hojo::money::Yen;
use serde::Serialize;

use super::{CliResult, input_file::read_case, print_json};

#[derive(Serialize)]
struct CalcOutput {
    trainees: Vec<TraineeOutput>,
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
    let trainees = calculation
        .rows
        .into_iter()
        .zip(eligibility.trainees)
        .map(|(row, checks)| TraineeOutput { row, verdict: checks.verdict })
        .collect();
    print_json(&CalcOutput { trainees, total: calculation.total })
}
