//! `hojo check CASE.json`: hospital and trainee eligibility as JSON.

use std::path::Path;

use hojo::eligibility::evaluate;

use super::{CliResult, input_file::read_case, print_json};

pub fn run(path: &Path) -> CliResult {
    let case = read_case(path)?;
    let eligibility = evaluate(&case)?;
    print_json(&eligibility)
}
