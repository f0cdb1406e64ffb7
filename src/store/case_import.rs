//! Importing a case file (`hojo db import`, the app's 読み込み) in one transaction: the rows (`case_io`), then,
//! for a 実績報告, its place in the application's life.

use rusqlite::Connection;

use super::Store;
use super::case_io::{ImportMode, ImportOutcome, check_case_amounts, import_case};
use super::error::{Result, StoreError};
use super::history::Editor;
use super::ids::ApplicationId;
use super::lifecycle_rows::{read_lifecycle, write_lifecycle};
use super::usage::record_usage;
use crate::case::{Case, Stage, validate};
use crate::era::format_date;
use crate::lifecycle::{DecisionKind, DecisionRecord, Status};

impl Store {
    /// Imports a case in one transaction: the hospital (matched by name, else added; its profile becomes the
    /// case's), the application of the case's 年度, each trainee (matched by name, her course by qualification
    /// and 入学日, else added) and the amounts; for a program whose row is the hospital (kanwa-training), its
    /// 研修会, amounts by item and 積算内訳 instead of trainees.
    pub fn import_case(&mut self, editor: &Editor, case: &Case, mode: ImportMode) -> Result<ImportOutcome> {
        validate(case)?;
        check_case_amounts(case)?;
        self.edit(|tx| {
            let outcome = import_case(tx, editor, case, mode)?;
            import_lifecycle(tx, editor, outcome.application_id, case)?;
            Ok(outcome)
        })
    }
}

/// A report case's place in the application's life: 実績報告作成中 on its decision (recorded as the 交付決定 when
/// none is), with its 受入済額. A decision other than the one recorded is refused rather than rewritten.
fn import_lifecycle(conn: &Connection, editor: &Editor, application: ApplicationId, case: &Case) -> Result<()> {
    if case.stage != Stage::Report {
        return Ok(());
    }
    let before = read_lifecycle(conn, application)?;
    let mut after = before.clone();
    match (before.current_decision(), &case.decision) {
        (Some(recorded), Some(given)) if recorded != given => {
            return Err(StoreError::Conflict(format!(
                "ケースファイルの交付決定（{} {} {}）が、記録されている交付決定（{} {} {}）と違います。ケースファイルを直すか、アプリで交付決定の記録を確かめてください",
                format_date(given.decided_on),
                given.number,
                given.amount.format_yen(),
                format_date(recorded.decided_on),
                recorded.number,
                recorded.amount.format_yen()
            )));
        }
        (None, Some(given)) => {
            after.decisions.push(DecisionRecord { kind: DecisionKind::Initial, decision: given.clone() })
        }
        _ => {}
    }
    after.status = Status::Reporting;
    after.received = case.received;
    write_lifecycle(conn, editor, application, &before, &after)?;
    record_usage(conn, application, after.status)
}
