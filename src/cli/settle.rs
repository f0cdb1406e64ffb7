//! `hojo settle REPORT.json`: the 精算 of a 実績報告 (settlement.md) as JSON — each trainee's A–I on the
//! actual amounts (for a program whose row is the hospital, `"hospital"`: its one row, as `hojo calc` prints
//! it), S, K, 確定額 = min(S, K), R and 差引過(△)不足額 = R − 確定額.

use std::path::Path;

use hojo::calc::RowCalculation;
use hojo::eligibility::{Overall, evaluate};
use hojo::money::Yen;
use hojo::program::{Program, RowKind};
use hojo::settle::settle;
use serde::Serialize;

use super::{CliResult, InputError, input_file::read_case, print_json};

#[derive(Serialize)]
struct SettleOutput {
    #[serde(skip_serializing_if = "Option::is_none")]
    trainees: Option<Vec<TraineeOutput>>,
    /// The hospital's row, for a program whose row it is (kanwa-training).
    #[serde(skip_serializing_if = "Option::is_none")]
    hospital: Option<TraineeOutput>,
    /// S 精算額合計
    total: Yen,
    /// K 交付決定額
    decided: Yen,
    /// 確定額
    confirmed: Yen,
    /// R 受入済額
    received: Yen,
    /// R − 確定額: positive to be returned, negative still to be paid
    difference: Yen,
    #[serde(skip_serializing_if = "Option::is_none")]
    exceeds_decision: Option<String>,
}

#[derive(Serialize)]
struct TraineeOutput {
    #[serde(flatten)]
    row: RowCalculation,
    verdict: Overall,
}

pub fn run(path: &Path) -> CliResult {
    let case = read_case(path)?;
    let settlement = settle(&case).map_err(|error| InputError(format!("{}: {error}", path.display())))?;
    let eligibility = evaluate(&case)?;
    let (trainees, hospital) = if Program::get(&case.program)?.row_kind == RowKind::Hospital {
        let row =
            settlement.calculation.rows.into_iter().next().ok_or_else(|| InputError("精算の行がありません".into()))?;
        (None, Some(TraineeOutput { row, verdict: eligibility.verdict }))
    } else {
        let trainees = settlement
            .calculation
            .rows
            .into_iter()
            .zip(eligibility.trainees)
            .map(|(row, checks)| TraineeOutput { row, verdict: checks.verdict })
            .collect();
        (Some(trainees), None)
    };
    if let Some(note) = &settlement.exceeds_decision {
        eprintln!("注意 (note): {note}");
    }
    print_json(&SettleOutput {
        trainees,
        hospital,
        total: settlement.total,
        decided: settlement.decided,
        confirmed: settlement.confirmed,
        received: settlement.received,
        difference: settlement.difference,
        exceeds_decision: settlement.exceeds_decision,
    })
}
