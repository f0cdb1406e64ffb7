//! The application's life through its 年度 (docs/rules.md, 「申請の流れ」): 作成中 → 提出済 → 交付決定 (⇄ 変更交付申請中)
//! → 実績報告作成中 → 実績報告済 → 確定, with a step back one step at a time for mistakes. A domain module: the
//! store keeps a [`Lifecycle`] and applies a [`LifecycleStep`] through [`Lifecycle::apply`], the one function
//! that says which step is allowed from which 状態.

mod next;
mod status;
mod step;
mod transition;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::case::Decision;
use crate::money::Yen;

pub use next::{NextStep, change_request_due, report_due};
pub use status::Status;
pub use step::{LifecycleError, LifecycleStep, Step, StepKind};
pub use transition::{Frozen, Transition};

/// Where an application stands and what its documents said.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Lifecycle {
    pub status: Status,
    /// 提出日
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub submitted_on: Option<NaiveDate>,
    /// The 交付決定 and each 変更交付決定, oldest first; the last is the one in force.
    pub decisions: Vec<DecisionRecord>,
    /// The latest 変更交付申請 (open while 変更交付申請中).
    pub change: Option<ChangeRequest>,
    /// 受入済額: what the 都 has paid so far (概算払).
    pub received: Yen,
    /// 実績報告日
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub reported_on: Option<NaiveDate>,
    /// 額の確定通知
    pub confirmation: Option<Confirmation>,
}

/// Which notice a decision came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum DecisionKind {
    /// 交付決定
    Initial,
    /// 変更交付決定
    Change,
}

impl DecisionKind {
    pub fn id(self) -> &'static str {
        match self {
            DecisionKind::Initial => "initial",
            DecisionKind::Change => "change",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DecisionKind::Initial => "交付決定",
            DecisionKind::Change => "変更交付決定",
        }
    }

    pub fn from_id(id: &str) -> Option<DecisionKind> {
        [DecisionKind::Initial, DecisionKind::Change].into_iter().find(|kind| kind.id() == id)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DecisionRecord {
    pub kind: DecisionKind,
    pub decision: Decision,
}

/// 変更交付申請: the day it was filed and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChangeRequest {
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub requested_on: NaiveDate,
    pub reason: String,
}

/// 額の確定通知: its date, document number and 確定額.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Confirmation {
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub confirmed_on: NaiveDate,
    pub number: String,
    pub amount: Yen,
}

impl Lifecycle {
    /// The decision in force: the latest 変更交付決定, else the 交付決定.
    pub fn current_decision(&self) -> Option<&Decision> {
        self.decisions.last().map(|record| &record.decision)
    }
}

#[cfg(test)]
mod tests;
