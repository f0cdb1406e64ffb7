//! The application's life in the store: each step of `hojo::lifecycle` in one transaction with its history,
//! the case frozen as the step says (提出 → the plan, 変更交付決定 → the 変更後 plan, 実績報告 → the report), and
//! what the trainees used of the lifetime cap re-recorded whenever the 状態 changes (`usage.rs`).

use rusqlite::params;

use super::Store;
use super::case_io::load_case;
use super::error::Result;
use super::history::{Change, Editor, read_changes};
use super::ids::ApplicationId;
use super::lifecycle_rows::{freeze, latest_frozen, read_lifecycle, unfreeze, write_lifecycle};
use super::usage::record_usage;
use crate::case::Case;
use crate::lifecycle::{Frozen, Lifecycle, LifecycleStep};

impl Store {
    /// Where the application stands: its 状態, dates, decisions, 変更交付申請, 受入済額 and 確定通知.
    pub fn lifecycle(&self, application: ApplicationId) -> Result<Lifecycle> {
        read_lifecycle(&self.conn, application)
    }

    /// One step of the application's life, in one transaction with its history.
    ///
    /// # Errors
    /// A text of the step cannot be read, or the step is not allowed from the 状態 ([`super::StoreError::Lifecycle`],
    /// in Japanese, naming the field or the 状態); a report that cannot be settled. Nothing is written then.
    pub fn advance(&mut self, editor: &Editor, application: ApplicationId, step: &LifecycleStep) -> Result<()> {
        let step = step.parse()?;
        self.edit(|tx| {
            let before = read_lifecycle(tx, application)?;
            let transition = before.apply(&step)?;
            // The copy is of the case as it stands before the new 状態: the plan, or the report being submitted.
            if let Some(kind) = transition.freeze {
                freeze(tx, application, kind, &load_case(tx, application)?)?;
            }
            if let Some(kind) = transition.unfreeze {
                unfreeze(tx, application, kind)?;
            }
            let after = &transition.lifecycle;
            write_lifecycle(tx, editor, application, &before, after)?;
            if before.status != after.status {
                record_usage(tx, application, after.status)?;
            }
            Ok(())
        })
    }

    /// The plan the decision in force rests on: the 変更後 plan of the latest 変更交付決定, else the plan as
    /// submitted. `None` while nothing was submitted (or for an application submitted before schema 6).
    pub fn plan(&self, application: ApplicationId) -> Result<Option<Case>> {
        latest_frozen(&self.conn, application, &[Frozen::Submitted, Frozen::Change])
    }

    /// The 実績報告 as it was submitted; `None` until it is.
    pub fn frozen_report(&self, application: ApplicationId) -> Result<Option<Case>> {
        latest_frozen(&self.conn, application, &[Frozen::Report])
    }

    /// The history of one value of an application, oldest first: `field` as the history names it
    /// (`application.decision`, `cost_entry`, `claim.report`…), and, when given, the subject it was recorded
    /// under (「看護 花子」さんの受講料) so that a figure shows its own changes only.
    pub fn history_of(&self, application: ApplicationId, field: &str, subject: Option<&str>) -> Result<Vec<Change>> {
        read_changes(
            &self.conn,
            "WHERE application_id = ?1 AND field = ?2 AND (?3 IS NULL OR subject = ?3) ORDER BY id",
            params![application.0, field, subject],
        )
    }
}
