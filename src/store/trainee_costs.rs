//! One trainee's costs as a small JSON file (`hojo-trainee-costs/1`), so a nurse who logs her receipts in her
//! own Hojo can send them to the administrator. It names the hospital, the 年度 and the trainee (name,
//! qualification, 入学日) and lists her cost entries and months of 人件費; importing it replaces that trainee's
//! entries of that 年度 (the old ones stay in the history). See docs/database.md for the format.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Store;
use super::application_rows::application_summary;
use super::claim_read::read_claims;
use super::claim_rows::claim_context;
use super::costs::{
    CostInput, SalaryMonthInput, check_cost, check_salary_amount, insert_cost, insert_salary_month, read_costs,
    read_salary_months,
};
use super::error::{Result, StoreError};
use super::history::{Editor, record};
use super::hospital_rows::read_hospital;
use super::ids::{ApplicationId, ClaimId};
use crate::case::{CaseError, Problem};
use crate::fiscal_year::FiscalYear;

pub const TRAINEE_COSTS_FORMAT: &str = "hojo-trainee-costs/1";

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
    #[serde(default)]
    pub costs: Vec<CostInput>,
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
    if costs.format != TRAINEE_COSTS_FORMAT {
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
        let costs = read_costs(&self.conn, claim)?
            .into_iter()
            .map(|cost| CostInput { item: cost.item, amount: cost.amount, paid_on: cost.paid_on, memo: cost.memo })
            .collect();
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
            salary_months,
        })
    }

    /// Replaces the trainee's entries in an application with the file's, all checked first: the file must be
    /// of this application's hospital, program and 年度, name one of its trainees, and hold valid entries.
    pub fn import_trainee_costs(
        &mut self,
        editor: &Editor,
        application: ApplicationId,
        file: &TraineeCosts,
    ) -> Result<TraineeCostsOutcome> {
        for cost in &file.costs {
            check_cost(cost)?;
        }
        for month in &file.salary_months {
            check_salary_amount(month)?;
        }
        self.edit(|tx| {
            let summary = application_summary(tx, application)?;
            let hospital = read_hospital(tx, summary.hospital_id)?;
            if file.hospital != hospital.name {
                return Err(StoreError::invalid(
                    "hospital",
                    "病院",
                    format!(
                        "このファイルは別の病院（{}）の受講者のものです。「{}」の申請には読み込めません",
                        file.hospital, hospital.name
                    ),
                ));
            }
            if file.program != summary.program || file.fiscal_year != summary.fiscal_year {
                return Err(StoreError::invalid(
                    "fiscal_year",
                    "年度",
                    format!(
                        "このファイルは{}の費用です。開いている申請は{}です",
                        file.fiscal_year.japanese_name(),
                        summary.fiscal_year.japanese_name()
                    ),
                ));
            }
            let claim = read_claims(tx, application)?
                .into_iter()
                .find(|view| {
                    view.trainee.name == file.trainee.name
                        && view.trainee.qualification == file.trainee.qualification
                        && view.trainee.enrolled_on == file.trainee.enrolled_on
                })
                .map(|view| view.id)
                .ok_or_else(|| {
                    StoreError::invalid(
                        "trainee",
                        "受講者",
                        format!(
                            "「{}」さん（{}入学）はこの申請にいません。先に受講者として登録してください",
                            file.trainee.name,
                            crate::era::format_date(file.trainee.enrolled_on)
                        ),
                    )
                })?;
            let context = claim_context(tx, claim)?;
            check_file_entries(file)?;
            let replaced_costs = tx.execute("DELETE FROM cost_entry WHERE claim_id = ?1", [claim.0])?;
            let replaced_salary_months = tx.execute("DELETE FROM salary_month WHERE claim_id = ?1", [claim.0])?;
            for cost in &file.costs {
                insert_cost(tx, claim, cost)?;
            }
            for month in &file.salary_months {
                insert_salary_month(tx, claim, month)?;
            }
            let editor = match &file.entered_by {
                Some(name) if !name.trim().is_empty() => Editor::Nurse(name.clone()),
                _ => editor.clone(),
            };
            record(
                tx,
                &editor,
                context.record(
                    "費用",
                    "trainee_costs.import",
                    Some(format!("{}件・人件費{}か月", replaced_costs, replaced_salary_months)),
                    Some(format!("費用ファイルから{}件・人件費{}か月", file.costs.len(), file.salary_months.len())),
                ),
            )?;
            Ok(TraineeCostsOutcome {
                claim_id: claim,
                costs: file.costs.len(),
                salary_months: file.salary_months.len(),
                replaced_costs,
                replaced_salary_months,
            })
        })
    }
}

/// The rules of single edits, applied to the whole file before anything is written.
fn check_file_entries(file: &TraineeCosts) -> Result<()> {
    let has_lump_salary =
        file.costs.iter().any(|cost| cost.item == super::costs::CostItem::Item(crate::program::ItemId::Salary));
    if has_lump_salary && !file.salary_months.is_empty() {
        return Err(StoreError::invalid(
            "salary_months",
            "人件費",
            "合計額と月ごとの両方で入力されています。どちらか一方にしてください",
        ));
    }
    let mut seen = Vec::new();
    for month in &file.salary_months {
        if seen.contains(&month.month) {
            return Err(StoreError::invalid(
                "month",
                "人件費の月",
                format!("{}が2回あります。1か月に1行にまとめてください", month.month.japanese_name()),
            ));
        }
        seen.push(month.month);
    }
    Ok(())
}
