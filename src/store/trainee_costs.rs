//! One trainee's costs as a small JSON file (`hojo-trainee-costs/2`), so a nurse who logs her receipts in her
//! own Hojo can send them to the administrator. It names the hospital, the 年度 and the trainee (name,
//! qualification, 入学日) and lists her amounts, her receipts (支払日, 支払先, 内容, 金額 per item) and her months of
//! 人件費; importing it (trainee_costs_import.rs) merges them into that trainee's entries of that 年度. A file of
//! the first format (`/1`, no receipts list: a dated amount is a receipt) is read as well. See docs/database.md.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Store;
use super::claim_read::read_claims;
use super::claim_rows::claim_context;
use super::costs::{CostInput, SalaryMonthInput, read_costs, read_salary_months};
use super::error::{Result, StoreError};
use super::hospital_rows::read_hospital;
use super::ids::ClaimId;
use super::receipts::receipt_entries;
use crate::case::{CaseError, Problem, Receipt};
use crate::fiscal_year::FiscalYear;

pub const TRAINEE_COSTS_FORMAT: &str = "hojo-trainee-costs/2";
/// The first format, without `receipts`; still read.
pub const TRAINEE_COSTS_FORMAT_V1: &str = "hojo-trainee-costs/1";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TraineeCosts {
    pub format: String,
    pub program: String,
    pub fiscal_year: FiscalYear,
    /// 病院名, as in the administrator's database.
    pub hospital: String,
    pub trainee: TraineeKey,
    /// Who entered these (the nurse's name); the history records the import under it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entered_by: Option<String>,
    /// Amounts without a receipt (and, in a `/1` file, dated amounts: each is read as a receipt).
    #[serde(default)]
    pub costs: Vec<CostInput>,
    /// Her receipts, in her order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub receipts: Vec<Receipt>,
    #[serde(default)]
    pub salary_months: Vec<SalaryMonthInput>,
}

/// Which trainee: her name, and the course by qualification and 入学日 (a nurse may take two courses).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TraineeKey {
    pub name: String,
    pub qualification: String,
    pub enrolled_on: NaiveDate,
}

/// What an import changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TraineeCostsOutcome {
    pub claim_id: ClaimId,
    pub costs: usize,
    pub salary_months: usize,
    /// The file's receipts (its dated amounts included) added; those equal to a stored receipt stay as they were.
    pub receipts: usize,
    /// Entries the file replaced.
    pub replaced_costs: usize,
    pub replaced_salary_months: usize,
}

/// Reads the file, naming the JSON path of what is wrong.
pub fn parse_trainee_costs(bytes: &[u8]) -> std::result::Result<TraineeCosts, CaseError> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let costs: TraineeCosts = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        let english = error.inner().to_string();
        Problem::new(
            if path == "." { String::new() } else { path },
            "受講者の費用ファイルとして読めません。Hojoで書き出したファイルか確かめてください",
            english,
        )
    })?;
    deserializer.end().map_err(|error| Problem::new("", "JSONの後に余分な文字があります", error.to_string()))?;
    if costs.format != TRAINEE_COSTS_FORMAT && costs.format != TRAINEE_COSTS_FORMAT_V1 {
        return Err(Problem::new(
            "format",
            format!("形式「{}」は読めません。\"{TRAINEE_COSTS_FORMAT}\" のファイルを指定してください", costs.format),
            "unsupported format",
        )
        .into());
    }
    Ok(costs)
}

impl Store {
    /// A trainee's entries of one 年度, as the file she sends.
    pub fn export_trainee_costs(&self, claim: ClaimId) -> Result<TraineeCosts> {
        let context = claim_context(&self.conn, claim)?;
        let view = read_claims(&self.conn, context.application)?
            .into_iter()
            .find(|view| view.id == claim)
            .ok_or_else(|| StoreError::not_found("受講者"))?;
        let hospital = read_hospital(&self.conn, context.hospital)?;
        let receipts = receipt_entries(&self.conn, claim)?;
        let costs = read_costs(&self.conn, claim)?
            .into_iter()
            .filter(|cost| !receipts.iter().any(|(id, _)| *id == cost.id))
            .map(|cost| CostInput { item: cost.item, amount: cost.amount, paid_on: cost.paid_on, memo: cost.memo })
            .collect();
        let receipts = receipts.into_iter().map(|(_, receipt)| receipt).collect();
        let salary_months = read_salary_months(&self.conn, claim)?
            .into_iter()
            .map(|month| SalaryMonthInput { month: month.month, amount: month.amount, memo: month.memo })
            .collect();
        Ok(TraineeCosts {
            format: TRAINEE_COSTS_FORMAT.to_string(),
            program: context.program,
            fiscal_year: context.fiscal_year,
            hospital: hospital.name,
            trainee: TraineeKey {
                name: view.trainee.name,
                qualification: view.trainee.qualification,
                enrolled_on: view.trainee.enrolled_on,
            },
            entered_by: None,
            costs,
            receipts,
            salary_months,
        })
    }
}
