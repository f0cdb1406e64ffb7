//! The rows of an application's life: its 状態 and dates on `application`, its decisions, its latest
//! 変更交付申請, and the frozen copies of its case (`frozen_case`). Rows only: no Store, no rule — which step is
//! allowed is `hojo::lifecycle`'s.

use rusqlite::{Connection, OptionalExtension, params};

use super::application_rows::{application_summary, parse_status};
use super::error::{Result, StoreError};
use super::history::{Editor, Record, now, record};
use super::ids::ApplicationId;
use super::sql::{date_text, parse_stored_date};
use crate::case::{Case, Decision};
use crate::era::format_date;
use crate::lifecycle::{ChangeRequest, Confirmation, DecisionKind, DecisionRecord, Frozen, Lifecycle};
use crate::money::Yen;

pub(crate) fn read_lifecycle(conn: &Connection, application: ApplicationId) -> Result<Lifecycle> {
    let row = conn
        .prepare_cached(
            "SELECT status, submitted_on, received, reported_on, confirmed_on, confirmation_number, confirmed_amount
             FROM application WHERE id = ?1",
        )?
        .query_row([application.0], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, Option<String>>(1)?,
                row.get::<_, i64>(2)?,
                row.get::<_, Option<String>>(3)?,
                row.get::<_, Option<String>>(4)?,
                row.get::<_, Option<String>>(5)?,
                row.get::<_, Option<i64>>(6)?,
            ))
        })
        .optional()?
        .ok_or_else(|| StoreError::not_found("申請"))?;
    let (status, submitted_on, received, reported_on, confirmed_on, number, amount) = row;
    let date = |text: Option<String>| text.as_deref().map(parse_stored_date).transpose();
    let confirmation = match (date(confirmed_on)?, number, amount) {
        (Some(confirmed_on), Some(number), Some(amount)) => {
            Some(Confirmation { confirmed_on, number, amount: Yen::new(amount) })
        }
        _ => None,
    };
    let change = conn
        .prepare_cached("SELECT requested_on, reason FROM change_request WHERE application_id = ?1")?
        .query_row([application.0], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)))
        .optional()?
        .map(|(on, reason)| Ok::<_, StoreError>(ChangeRequest { requested_on: parse_stored_date(&on)?, reason }))
        .transpose()?;
    Ok(Lifecycle {
        status: parse_status(&status)?,
        submitted_on: date(submitted_on)?,
        decisions: read_decisions(conn, application)?.into_iter().map(|(_, record)| record).collect(),
        change,
        received: Yen::new(received),
        reported_on: date(reported_on)?,
        confirmation,
    })
}

fn read_decisions(conn: &Connection, application: ApplicationId) -> Result<Vec<(i64, DecisionRecord)>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, kind, decided_on, number, amount FROM decision WHERE application_id = ?1 ORDER BY id",
    )?;
    let rows = statement.query_map([application.0], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, String>(3)?,
            row.get::<_, i64>(4)?,
        ))
    })?;
    let mut decisions = Vec::new();
    for row in rows {
        let (id, kind, decided_on, number, amount) = row?;
        let kind = DecisionKind::from_id(&kind).ok_or_else(|| StoreError::Corrupt {
            detail: format!("交付決定の種類「{kind}」が読めません"),
        })?;
        let decision = Decision { decided_on: parse_stored_date(&decided_on)?, number, amount: Yen::new(amount) };
        decisions.push((id, DecisionRecord { kind, decision }));
    }
    Ok(decisions)
}

/// Refuses a change of the application's figures while its 状態 keeps them as submitted or decided (提出済,
/// 交付決定, 実績報告済, 確定), naming the 状態 and the way out — for every edit of the rows, not only the forms'.
pub(crate) fn check_editable(conn: &Connection, application: ApplicationId) -> Result<()> {
    let status: String = conn
        .prepare_cached("SELECT status FROM application WHERE id = ?1")?
        .query_row([application.0], |row| row.get(0))
        .optional()?
        .ok_or_else(|| StoreError::not_found("申請"))?;
    match parse_status(&status)?.edit_refusal() {
        Some(refusal) => Err(StoreError::Conflict(refusal)),
        None => Ok(()),
    }
}

/// Writes the lifecycle after a step over the one before it, each difference with its history entry.
pub(crate) fn write_lifecycle(
    conn: &Connection,
    editor: &Editor,
    application: ApplicationId,
    before: &Lifecycle,
    after: &Lifecycle,
) -> Result<()> {
    let confirmation = after.confirmation.as_ref();
    conn.execute(
        "UPDATE application SET status = ?2, submitted_on = ?3, received = ?4, reported_on = ?5, confirmed_on = ?6,
            confirmation_number = ?7, confirmed_amount = ?8 WHERE id = ?1",
        params![
            application.0,
            after.status.id(),
            after.submitted_on.map(date_text),
            after.received.get(),
            after.reported_on.map(date_text),
            confirmation.map(|c| date_text(c.confirmed_on)),
            confirmation.map(|c| c.number.as_str()),
            confirmation.map(|c| c.amount.get()),
        ],
    )?;
    // Decisions are only ever added at the end or taken from it (a step back).
    let stored = read_decisions(conn, application)?;
    for (id, _) in stored.iter().skip(after.decisions.len()) {
        conn.execute("DELETE FROM decision WHERE id = ?1", [id])?;
    }
    for record in after.decisions.iter().skip(stored.len()) {
        let decision = &record.decision;
        conn.execute(
            "INSERT INTO decision (application_id, kind, decided_on, number, amount) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                application.0,
                record.kind.id(),
                date_text(decision.decided_on),
                decision.number,
                decision.amount.get()
            ],
        )?;
    }
    if before.change != after.change {
        conn.execute("DELETE FROM change_request WHERE application_id = ?1", [application.0])?;
        if let Some(change) = &after.change {
            conn.execute(
                "INSERT INTO change_request (application_id, requested_on, reason) VALUES (?1, ?2, ?3)",
                params![application.0, date_text(change.requested_on), change.reason],
            )?;
        }
    }
    record_differences(conn, editor, application, before, after)
}

fn record_differences(
    conn: &Connection,
    editor: &Editor,
    application: ApplicationId,
    before: &Lifecycle,
    after: &Lifecycle,
) -> Result<()> {
    let summary = application_summary(conn, application)?;
    let subject = format!("{}の申請", summary.fiscal_year.japanese_name());
    let decision = |lifecycle: &Lifecycle| lifecycle.decisions.last().map(describe_decision);
    let change = |lifecycle: &Lifecycle| {
        lifecycle.change.as_ref().map(|change| format!("{} 理由: {}", format_date(change.requested_on), change.reason))
    };
    let confirmation = |lifecycle: &Lifecycle| {
        lifecycle
            .confirmation
            .as_ref()
            .map(|c| format!("{} {} 確定額 {}", format_date(c.confirmed_on), c.number, c.amount.format_yen()))
    };
    let entries = [
        ("application.status", Some(before.status.label().to_string()), Some(after.status.label().to_string())),
        ("application.submitted_on", before.submitted_on.map(format_date), after.submitted_on.map(format_date)),
        ("application.decision", decision(before), decision(after)),
        ("application.change_request", change(before), change(after)),
        ("application.received", Some(before.received.format_yen()), Some(after.received.format_yen())),
        ("application.reported_on", before.reported_on.map(format_date), after.reported_on.map(format_date)),
        ("application.confirmation", confirmation(before), confirmation(after)),
    ];
    for (field, old, new) in entries {
        let record_of = Record {
            hospital: Some(summary.hospital_id),
            application: Some(application),
            subject: subject.clone(),
            field,
            old,
            new,
        };
        record(conn, editor, record_of)?;
    }
    Ok(())
}

/// 「交付決定 令和6年7月1日 6保医政第1234号 2,300,000円」
fn describe_decision(record: &DecisionRecord) -> String {
    let decision = &record.decision;
    format!(
        "{} {} {} {}",
        record.kind.label(),
        format_date(decision.decided_on),
        decision.number,
        decision.amount.format_yen()
    )
}

/// Keeps a copy of the case as it now stands.
pub(crate) fn freeze(conn: &Connection, application: ApplicationId, kind: Frozen, case: &Case) -> Result<()> {
    conn.execute(
        "INSERT INTO frozen_case (application_id, kind, frozen_at, case_json) VALUES (?1, ?2, ?3, ?4)",
        params![application.0, kind.id(), now(), crate::case::to_json(case)],
    )?;
    Ok(())
}

/// Drops the latest copy of a kind (a step back undoing the step that took it).
pub(crate) fn unfreeze(conn: &Connection, application: ApplicationId, kind: Frozen) -> Result<()> {
    conn.execute(
        "DELETE FROM frozen_case WHERE id =
            (SELECT max(id) FROM frozen_case WHERE application_id = ?1 AND kind = ?2)",
        params![application.0, kind.id()],
    )?;
    Ok(())
}

/// The latest copy of one of the kinds given, the newest of them all.
pub(crate) fn latest_frozen(conn: &Connection, application: ApplicationId, kinds: &[Frozen]) -> Result<Option<Case>> {
    let mut latest: Option<(i64, String)> = None;
    for kind in kinds {
        let found: Option<(i64, String)> = conn
            .prepare_cached(
                "SELECT id, case_json FROM frozen_case WHERE application_id = ?1 AND kind = ?2 ORDER BY id DESC LIMIT 1",
            )?
            .query_row(params![application.0, kind.id()], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        if let Some(found) = found
            && latest.as_ref().is_none_or(|(id, _)| found.0 > *id)
        {
            latest = Some(found);
        }
    }
    let Some((_, json)) = latest else { return Ok(None) };
    crate::case::parse_case(json.as_bytes()).map(Some).map_err(|error| StoreError::Corrupt {
        detail: format!("保存した申請の写しが読めません（{error}）"),
    })
}
