//! A step of the application's life as a form sends it (the texts typed), and the same step read: dates and
//! amounts parsed as people type them (和暦, full-width digits, commas), each refusal naming its field.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::case::Decision;
use crate::limits::{MAX_LONG_TEXT, MAX_SHORT_TEXT};
use crate::money::Yen;
use crate::typed_input::{parse_date, parse_yen};

use super::{ChangeRequest, Confirmation};

/// One step of the application's life, with the texts typed into its form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum LifecycleStep {
    /// 提出: the plan is frozen as submitted.
    Submit { submitted_on: String },
    /// 交付決定通知書: 決定日, 文書番号, 交付決定額.
    RecordDecision { decided_on: String, number: String, amount: String },
    /// 変更交付申請 begun: its 申請日 and reason; the figures become the 変更後 plan.
    RequestChange { requested_on: String, reason: String },
    /// 変更交付決定通知書: its amount becomes K.
    RecordChangeDecision { decided_on: String, number: String, amount: String },
    /// 実績報告 begun: the figures become the actual amounts.
    StartReport,
    /// 受入済額 (概算払 received so far).
    SetReceived { amount: String },
    /// 実績報告 submitted: the report is frozen.
    SubmitReport { reported_on: String },
    /// 額の確定通知: 確定日, 文書番号, 確定額.
    RecordConfirmation { confirmed_on: String, number: String, amount: String },
    /// 取り消し: back one step.
    StepBack,
}

/// Which step, without its texts (what the screens offer next).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum StepKind {
    Submit,
    RecordDecision,
    RequestChange,
    RecordChangeDecision,
    StartReport,
    SetReceived,
    SubmitReport,
    RecordConfirmation,
    StepBack,
}

impl StepKind {
    /// What the button says: 「交付決定を記録する」.
    pub fn label(self) -> &'static str {
        match self {
            StepKind::Submit => "提出したことを記録する",
            StepKind::RecordDecision => "交付決定を記録する",
            StepKind::RequestChange => "変更交付申請を始める",
            StepKind::RecordChangeDecision => "変更交付決定を記録する",
            StepKind::StartReport => "実績報告を始める",
            StepKind::SetReceived => "受入済額を記録する",
            StepKind::SubmitReport => "実績報告を提出したことを記録する",
            StepKind::RecordConfirmation => "確定通知を記録する",
            StepKind::StepBack => "ひとつ前の状態に戻す",
        }
    }
}

/// A refused step: the field (the form's field id, empty for the step as a whole) and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LifecycleError {
    pub field: String,
    pub message: String,
}

impl LifecycleError {
    pub fn at(field: &str, message: impl Into<String>) -> LifecycleError {
        LifecycleError { field: field.to_string(), message: message.into() }
    }
}

/// A step read: typed values, ready for [`super::Lifecycle::apply`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Submit { submitted_on: NaiveDate },
    RecordDecision(Decision),
    RequestChange(ChangeRequest),
    RecordChangeDecision(Decision),
    StartReport,
    SetReceived(Yen),
    SubmitReport { reported_on: NaiveDate },
    RecordConfirmation(Confirmation),
    StepBack,
}

impl LifecycleStep {
    pub fn kind(&self) -> StepKind {
        match self {
            LifecycleStep::Submit { .. } => StepKind::Submit,
            LifecycleStep::RecordDecision { .. } => StepKind::RecordDecision,
            LifecycleStep::RequestChange { .. } => StepKind::RequestChange,
            LifecycleStep::RecordChangeDecision { .. } => StepKind::RecordChangeDecision,
            LifecycleStep::StartReport => StepKind::StartReport,
            LifecycleStep::SetReceived { .. } => StepKind::SetReceived,
            LifecycleStep::SubmitReport { .. } => StepKind::SubmitReport,
            LifecycleStep::RecordConfirmation { .. } => StepKind::RecordConfirmation,
            LifecycleStep::StepBack => StepKind::StepBack,
        }
    }

    /// Reads the texts.
    ///
    /// # Errors
    /// A date, amount or text that cannot be read; the error names the field and what to type.
    pub fn parse(&self) -> Result<Step, LifecycleError> {
        Ok(match self {
            LifecycleStep::Submit { submitted_on } => {
                Step::Submit { submitted_on: date("submitted_on", "提出日", submitted_on)? }
            }
            LifecycleStep::RecordDecision { decided_on, number, amount } => {
                Step::RecordDecision(decision(decided_on, number, amount, "交付決定額")?)
            }
            LifecycleStep::RequestChange { requested_on, reason } => Step::RequestChange(ChangeRequest {
                requested_on: date("requested_on", "変更交付申請日", requested_on)?,
                reason: text("reason", "変更の理由", reason, MAX_LONG_TEXT)?,
            }),
            LifecycleStep::RecordChangeDecision { decided_on, number, amount } => {
                Step::RecordChangeDecision(decision(decided_on, number, amount, "変更交付決定額")?)
            }
            LifecycleStep::StartReport => Step::StartReport,
            LifecycleStep::SetReceived { amount } => Step::SetReceived(yen("amount", "受入済額", amount)?),
            LifecycleStep::SubmitReport { reported_on } => {
                Step::SubmitReport { reported_on: date("reported_on", "実績報告日", reported_on)? }
            }
            LifecycleStep::RecordConfirmation { confirmed_on, number, amount } => {
                Step::RecordConfirmation(Confirmation {
                    confirmed_on: date("confirmed_on", "確定通知の日付", confirmed_on)?,
                    number: text("number", "確定通知の文書番号", number, MAX_SHORT_TEXT)?,
                    amount: yen("amount", "確定額", amount)?,
                })
            }
            LifecycleStep::StepBack => Step::StepBack,
        })
    }
}

fn decision(decided_on: &str, number: &str, amount: &str, amount_name: &str) -> Result<Decision, LifecycleError> {
    Ok(Decision {
        decided_on: date("decided_on", "決定日", decided_on)?,
        number: text("number", "文書番号", number, MAX_SHORT_TEXT)?,
        amount: yen("amount", amount_name, amount)?,
    })
}

fn date(field: &str, name: &str, typed: &str) -> Result<NaiveDate, LifecycleError> {
    let date = parse_date(typed).map_err(|error| LifecycleError::at(field, format!("{name}: {error}")))?;
    if !crate::limits::dates().contains(&date) {
        return Err(LifecycleError::at(
            field,
            format!("{name}: 「{}」は範囲外の日付です。年を確かめてください", typed.trim()),
        ));
    }
    Ok(date)
}

fn yen(field: &str, name: &str, typed: &str) -> Result<Yen, LifecycleError> {
    parse_yen(typed).map_err(|error| LifecycleError::at(field, format!("{name}: {error}")))
}

/// A required text (文書番号, reason): trimmed, not blank, within what a cell holds.
fn text(field: &str, name: &str, typed: &str, max: usize) -> Result<String, LifecycleError> {
    // Kept as typed (a 文書番号 is cited exactly as the 通知書 writes it), only the surrounding spaces dropped.
    let trimmed = typed.trim().to_string();
    if trimmed.is_empty() {
        return Err(LifecycleError::at(field, format!("{name}が入力されていません。通知書のとおりに入力してください")));
    }
    if trimmed.chars().count() > max {
        return Err(LifecycleError::at(field, format!("{name}が長すぎます（{max}文字まで）。短くしてください")));
    }
    Ok(trimmed)
}
