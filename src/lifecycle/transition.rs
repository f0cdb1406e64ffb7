//! The one function that says which step is allowed from which 状態 and what it changes.

use crate::era::format_date;

use super::step::{LifecycleError, Step, StepKind};
use super::{DecisionKind, DecisionRecord, Lifecycle, Status};

/// A frozen copy of the case the store keeps (docs/database.md, `frozen_case`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frozen {
    /// The plan as submitted.
    Submitted,
    /// The 変更後 plan the 変更交付決定 was made on.
    Change,
    /// The 実績報告 as submitted.
    Report,
}

impl Frozen {
    pub fn id(self) -> &'static str {
        match self {
            Frozen::Submitted => "submitted",
            Frozen::Change => "change",
            Frozen::Report => "report",
        }
    }
}

/// What a step does: the lifecycle after it, and the frozen copy of the case it takes or drops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    pub lifecycle: Lifecycle,
    /// Freeze the case as it now stands (taken before the new 状態 is written).
    pub freeze: Option<Frozen>,
    /// Drop the latest frozen copy of this kind (a step back undoing the step that took it).
    pub unfreeze: Option<Frozen>,
}

impl Lifecycle {
    /// The steps allowed now, in the order a screen offers them.
    pub fn allowed_steps(&self) -> Vec<StepKind> {
        let mut steps = match self.status {
            Status::Draft => vec![StepKind::Submit],
            Status::Submitted => vec![StepKind::RecordDecision],
            Status::Decided => vec![StepKind::StartReport, StepKind::RequestChange, StepKind::SetReceived],
            Status::ChangeRequested => vec![StepKind::RecordChangeDecision, StepKind::SetReceived],
            Status::Reporting => vec![StepKind::SubmitReport, StepKind::SetReceived],
            Status::Reported => vec![StepKind::RecordConfirmation],
            Status::Settled => vec![],
        };
        if self.status != Status::Draft {
            steps.push(StepKind::StepBack);
        }
        steps
    }

    /// Applies a step: the lifecycle after it, or why it is refused (in Japanese, naming the 状態 and the field).
    ///
    /// # Errors
    /// The step is not allowed from the 状態, or a date comes before the one it follows.
    pub fn apply(&self, step: &Step) -> Result<Transition, LifecycleError> {
        let kind = step_kind(step);
        if !self.allowed_steps().contains(&kind) {
            return Err(refused(self.status, kind));
        }
        let mut next = self.clone();
        let mut freeze = None;
        let mut unfreeze = None;
        match step {
            Step::Submit { submitted_on } => {
                next.status = Status::Submitted;
                next.submitted_on = Some(*submitted_on);
                freeze = Some(Frozen::Submitted);
            }
            Step::RecordDecision(decision) => {
                not_before("decided_on", "決定日", decision.decided_on, "提出日", self.submitted_on)?;
                next.status = Status::Decided;
                next.decisions.push(DecisionRecord { kind: DecisionKind::Initial, decision: decision.clone() });
            }
            Step::RequestChange(request) => {
                let decided = self.current_decision().map(|decision| decision.decided_on);
                not_before("requested_on", "変更交付申請日", request.requested_on, "交付決定の決定日", decided)?;
                next.status = Status::ChangeRequested;
                next.change = Some(request.clone());
            }
            Step::RecordChangeDecision(decision) => {
                let requested = self.change.as_ref().map(|change| change.requested_on);
                not_before("decided_on", "決定日", decision.decided_on, "変更交付申請日", requested)?;
                next.status = Status::Decided;
                next.decisions.push(DecisionRecord { kind: DecisionKind::Change, decision: decision.clone() });
                freeze = Some(Frozen::Change);
            }
            Step::StartReport => next.status = Status::Reporting,
            Step::SetReceived(amount) => next.received = *amount,
            Step::SubmitReport { reported_on } => {
                let decided = self.current_decision().map(|decision| decision.decided_on);
                not_before("reported_on", "実績報告日", *reported_on, "交付決定の決定日", decided)?;
                next.status = Status::Reported;
                next.reported_on = Some(*reported_on);
                freeze = Some(Frozen::Report);
            }
            Step::RecordConfirmation(confirmation) => {
                not_before(
                    "confirmed_on",
                    "確定通知の日付",
                    confirmation.confirmed_on,
                    "実績報告日",
                    self.reported_on,
                )?;
                if let Some(decision) = self.current_decision()
                    && confirmation.amount > decision.amount
                {
                    return Err(LifecycleError::at(
                        "amount",
                        format!(
                            "確定額（{}）が交付決定額（{}）を上回っています。確定額は交付決定額までです。確定通知の金額を確かめてください",
                            confirmation.amount.format_yen(),
                            decision.amount.format_yen()
                        ),
                    ));
                }
                next.status = Status::Settled;
                next.confirmation = Some(confirmation.clone());
            }
            Step::StepBack => unfreeze = step_back(&mut next),
        }
        Ok(Transition { lifecycle: next, freeze, unfreeze })
    }
}

/// Back one step: what the last step recorded is taken away (the history keeps it). The figures stay as they
/// are: a 変更後 plan or actual amounts entered are not thrown away by a 取り消し.
fn step_back(lifecycle: &mut Lifecycle) -> Option<Frozen> {
    match lifecycle.status {
        Status::Draft => None,
        Status::Submitted => {
            lifecycle.status = Status::Draft;
            lifecycle.submitted_on = None;
            Some(Frozen::Submitted)
        }
        Status::Decided => match lifecycle.decisions.pop().map(|record| record.kind) {
            Some(DecisionKind::Change) => {
                lifecycle.status = Status::ChangeRequested;
                Some(Frozen::Change)
            }
            Some(DecisionKind::Initial) | None => {
                lifecycle.status = Status::Submitted;
                None
            }
        },
        Status::ChangeRequested => {
            lifecycle.status = Status::Decided;
            lifecycle.change = None;
            None
        }
        Status::Reporting => {
            lifecycle.status = Status::Decided;
            None
        }
        Status::Reported => {
            lifecycle.status = Status::Reporting;
            lifecycle.reported_on = None;
            Some(Frozen::Report)
        }
        Status::Settled => {
            lifecycle.status = Status::Reported;
            lifecycle.confirmation = None;
            None
        }
    }
}

fn step_kind(step: &Step) -> StepKind {
    match step {
        Step::Submit { .. } => StepKind::Submit,
        Step::RecordDecision(_) => StepKind::RecordDecision,
        Step::RequestChange(_) => StepKind::RequestChange,
        Step::RecordChangeDecision(_) => StepKind::RecordChangeDecision,
        Step::StartReport => StepKind::StartReport,
        Step::SetReceived(_) => StepKind::SetReceived,
        Step::SubmitReport { .. } => StepKind::SubmitReport,
        Step::RecordConfirmation(_) => StepKind::RecordConfirmation,
        Step::StepBack => StepKind::StepBack,
    }
}

/// A step not allowed from the 状態: what is allowed instead.
fn refused(status: Status, kind: StepKind) -> LifecycleError {
    let what = match kind {
        StepKind::StepBack => "作成中の申請にはこれより前の状態がありません".to_string(),
        _ => {
            let from = match kind {
                StepKind::Submit => "作成中",
                StepKind::RecordDecision => "提出済",
                StepKind::RequestChange | StepKind::StartReport => "交付決定",
                StepKind::RecordChangeDecision => "変更交付申請中",
                StepKind::SetReceived => "交付決定・変更交付申請中・実績報告作成中",
                StepKind::SubmitReport => "実績報告作成中",
                StepKind::RecordConfirmation => "実績報告済",
                StepKind::StepBack => "",
            };
            format!("「{}」は状態が「{from}」のときにできます", kind.label())
        }
    };
    LifecycleError::at("", format!("この申請は「{}」です。{what}", status.label()))
}

/// A date that must not come before the one it follows (決定日 before 提出日 is a typing slip).
fn not_before(
    field: &str,
    name: &str,
    date: chrono::NaiveDate,
    earlier_name: &str,
    earlier: Option<chrono::NaiveDate>,
) -> Result<(), LifecycleError> {
    match earlier {
        Some(earlier) if date < earlier => Err(LifecycleError::at(
            field,
            format!(
                "{name}（{}）が{earlier_name}（{}）より前です。日付を確かめてください",
                format_date(date),
                format_date(earlier)
            ),
        )),
        _ => Ok(()),
    }
}
