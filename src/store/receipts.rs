//! Receipts (領収書) as the store keeps them: a receipt is a cost entry with its 支払日 (and its 支払先, 内容 and
//! place in the trainee's list); an entry without a date is an amount (the plan's figure). An item's amount is
//! the sum of its entries, so once an item has a receipt its planned amount goes: the receipts replace it, as
//! the case says (settlement.md). A 実績報告's case lists the receipts in their order; removing one removes
//! its attachments. Every write is recorded in the history.

use rusqlite::{Connection, params};

use super::checks::check_amount;
use super::claim_rows::{ClaimContext, claim_context};
use super::error::{Result, StoreError};
use super::history::{Editor, record};
use super::ids::{ApplicationId, ClaimId, CostId};
use super::sql::{date_text, parse_stored_date};
use crate::case::{Case, Receipt, Trainee};
use crate::era::format_date;
use crate::money::Yen;
use crate::program::CostItem;

/// Which entries are receipts, and their order (`e` is the cost entry). An income is never a receipt.
const RECEIPT: &str = "e.paid_on IS NOT NULL AND e.item <> 'other_income'";
const ORDER: &str = "e.position IS NULL, e.position, e.id";

/// What one receipt edit did, at a position of the trainee's receipts (`hojo::edit::Change`'s receipt part).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReceiptWrite {
    Added(usize),
    Changed(usize),
    Removed(usize),
}

type Row = (i64, String, i64, String, Option<String>, Option<String>);

fn to_receipt(row: Row) -> Result<(CostId, Receipt)> {
    let (id, item, amount, paid_on, payee, description) = row;
    let item = CostItem::from_id(&item)
        .ok_or_else(|| StoreError::Corrupt { detail: format!("費目「{item}」が読めません") })?;
    let receipt = Receipt {
        item,
        paid_on: parse_stored_date(&paid_on)?,
        payee: payee.unwrap_or_default(),
        description: description.unwrap_or_default(),
        amount: Yen::new(amount),
    };
    Ok((CostId(id), receipt))
}

/// A claim's receipts in their order, with their entries' ids. A dated entry written before receipts had a
/// description (a nurse's memo) shows its memo as the description.
pub(crate) fn receipt_entries(conn: &Connection, claim: ClaimId) -> Result<Vec<(CostId, Receipt)>> {
    let sql = format!(
        "SELECT e.id, e.item, e.amount, e.paid_on, e.payee, coalesce(e.description, e.memo) FROM cost_entry e
         WHERE e.claim_id = ?1 AND {RECEIPT} ORDER BY {ORDER}"
    );
    let rows = conn
        .prepare_cached(&sql)?
        .query_map([claim.0], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?)))?
        .collect::<rusqlite::Result<Vec<Row>>>()?;
    rows.into_iter().map(to_receipt).collect()
}

/// The claims of an application in the order of its trainees.
pub(crate) fn claim_order(conn: &Connection, application: ApplicationId) -> Result<Vec<ClaimId>> {
    let mut statement = conn.prepare_cached("SELECT id FROM claim WHERE application_id = ?1 ORDER BY position, id")?;
    let ids = statement.query_map([application.0], |row| row.get(0))?.collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids.into_iter().map(ClaimId).collect())
}

/// Each trainee's receipts into a loaded case (a 実績報告's: an application has none).
pub(crate) fn read_receipts_into(conn: &Connection, application: ApplicationId, case: &mut Case) -> Result<()> {
    for (trainee, claim) in case.trainees.iter_mut().zip(claim_order(conn, application)?) {
        trainee.receipts = receipt_entries(conn, claim)?.into_iter().map(|(_, receipt)| receipt).collect();
    }
    Ok(())
}

/// A case trainee's receipts as entries of a new claim, in her order (an import, a trainee put back).
pub(crate) fn insert_receipts(conn: &Connection, claim: ClaimId, trainee: &Trainee) -> Result<()> {
    for (position, receipt) in trainee.receipts.iter().enumerate() {
        insert_receipt(conn, claim, receipt, position)?;
    }
    Ok(())
}

fn insert_receipt(conn: &Connection, claim: ClaimId, receipt: &Receipt, position: usize) -> Result<CostId> {
    conn.prepare_cached(
        "INSERT INTO cost_entry (claim_id, item, amount, paid_on, payee, description, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        claim.0,
        receipt.item.id(),
        receipt.amount.get(),
        date_text(receipt.paid_on),
        receipt.payee,
        receipt.description,
        position as i64
    ])?;
    Ok(CostId(conn.last_insert_rowid()))
}

/// Writes one receipt edit of the trainee (the case's trainee after the edit) with its history.
pub(crate) fn write_receipt(
    conn: &Connection,
    editor: &Editor,
    claim: ClaimId,
    trainee: &Trainee,
    write: ReceiptWrite,
) -> Result<()> {
    let context = claim_context(conn, claim)?;
    let stored = receipt_entries(conn, claim)?;
    let stale = || {
        StoreError::Conflict(
            "領収書の一覧が別の画面で変わっています。画面を開き直してから、もう一度入力してください".to_string(),
        )
    };
    let after = |at: usize| trainee.receipts.get(at).ok_or_else(stale);
    match write {
        ReceiptWrite::Added(at) => {
            let receipt = after(at)?;
            if stored.len() + 1 != trainee.receipts.len() {
                return Err(stale());
            }
            renumber(conn, stored.iter().map(|(id, _)| *id), Some(at))?;
            insert_receipt(conn, claim, receipt, at)?;
            drop_planned_amount(conn, editor, &context, receipt.item)?;
            record(conn, editor, context.record("領収書", "receipt", None, Some(describe(&context, receipt))))
        }
        ReceiptWrite::Changed(at) => {
            let receipt = after(at)?;
            let (id, old) = stored.get(at).ok_or_else(stale)?;
            conn.execute(
                "UPDATE cost_entry SET item = ?2, amount = ?3, paid_on = ?4, payee = ?5, description = ?6 WHERE id = ?1",
                params![
                    id.0,
                    receipt.item.id(),
                    receipt.amount.get(),
                    date_text(receipt.paid_on),
                    receipt.payee,
                    receipt.description
                ],
            )?;
            if receipt.item != old.item {
                drop_planned_amount(conn, editor, &context, receipt.item)?;
            }
            let (old, new) = (describe(&context, old), describe(&context, receipt));
            record(conn, editor, context.record("領収書", "receipt", Some(old), Some(new)))
        }
        ReceiptWrite::Removed(at) => {
            let (id, old) = stored.get(at).ok_or_else(stale)?;
            remove_entry(conn, editor, &context, *id, old)?;
            renumber(conn, stored.iter().map(|(id, _)| *id).filter(|other| other != id), None)
        }
    }
}

/// A receipt's entry deleted with its attachments, each named in the history.
fn remove_entry(conn: &Connection, editor: &Editor, context: &ClaimContext, id: CostId, old: &Receipt) -> Result<()> {
    let names = conn
        .prepare_cached("SELECT file_name FROM attachment WHERE cost_entry_id = ?1 ORDER BY id")?
        .query_map([id.0], |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    conn.execute("DELETE FROM cost_entry WHERE id = ?1", [id.0])?;
    for name in names {
        let what = format!("{}の添付ファイル", describe(context, old));
        record(conn, editor, context.record(&what, "attachment", Some(name), None))?;
    }
    record(conn, editor, context.record("領収書", "receipt", Some(describe(context, old)), None))
}

/// Positions 0, 1, … in the list's order, leaving a gap at `gap` for a receipt going there.
fn renumber(conn: &Connection, ids: impl Iterator<Item = CostId>, gap: Option<usize>) -> Result<()> {
    let mut statement = conn.prepare_cached("UPDATE cost_entry SET position = ?2 WHERE id = ?1")?;
    for (index, id) in ids.enumerate() {
        let position = if gap.is_some_and(|gap| index >= gap) { index + 1 } else { index };
        statement.execute(params![id.0, position as i64])?;
    }
    Ok(())
}

/// The item's amounts without a date (the plan's figure) give way to its receipts.
fn drop_planned_amount(conn: &Connection, editor: &Editor, context: &ClaimContext, item: CostItem) -> Result<()> {
    let planned = conn
        .prepare_cached("SELECT id, amount FROM cost_entry WHERE claim_id = ?1 AND item = ?2 AND paid_on IS NULL")?
        .query_map(params![context.claim.0, item.id()], |row| Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (id, amount) in planned {
        conn.execute("DELETE FROM cost_entry WHERE id = ?1", [id])?;
        let label = context.label(item);
        let old = format!("{label} {}（予定額）", Yen::new(amount).format_yen());
        let new = format!("{label}は領収書の合計");
        record(conn, editor, context.record(&label, "cost_entry", Some(old), Some(new)))?;
    }
    Ok(())
}

/// A receipt as the history shows it: 受講料 450,000円（令和6年4月10日支払） 支払先: … 内容: …
pub(crate) fn describe(context: &ClaimContext, receipt: &Receipt) -> String {
    let mut text = format!(
        "{} {}（{}支払）",
        context.label(receipt.item),
        receipt.amount.format_yen(),
        format_date(receipt.paid_on)
    );
    if !receipt.payee.is_empty() {
        text.push_str(&format!(" 支払先: {}", receipt.payee));
    }
    if !receipt.description.is_empty() {
        text.push_str(&format!(" 内容: {}", receipt.description));
    }
    text
}

/// A receipt of the file as the case allows it: a cost (not an income), an amount Hojo stores, texts that fit.
pub(crate) fn check_receipt(receipt: &Receipt) -> Result<()> {
    check_amount("amount", "領収書の金額", receipt.amount)?;
    if receipt.item == CostItem::OTHER_INCOME {
        return Err(StoreError::invalid(
            "item",
            "費目",
            "収入の領収書は読み込めません。経費の領収書だけを書いてください",
        ));
    }
    for (field, label, text) in
        [("payee", "支払先", &receipt.payee), ("description", "内容（但し書き）", &receipt.description)]
    {
        if crate::limits::chars(text) > crate::limits::MAX_SHORT_TEXT {
            return Err(StoreError::invalid(
                field,
                label,
                format!("長すぎます（{}文字まで）", crate::limits::MAX_SHORT_TEXT),
            ));
        }
    }
    if !crate::limits::dates().contains(&receipt.paid_on) {
        return Err(StoreError::invalid("paid_on", "支払日", "日付が範囲の外です。支払日を確かめてください"));
    }
    Ok(())
}

/// Refuses to drop claims whose receipts hold scans (removing a trainee, replacing an application by an
/// import): 元に戻す and a re-import bring back the receipts, not their files, so the user keeps them first.
/// `claim` narrows it to one trainee.
pub(crate) fn refuse_losing_attachments(
    conn: &Connection,
    application: ApplicationId,
    claim: Option<ClaimId>,
    what: &str,
) -> Result<()> {
    let count: i64 = conn.query_row(
        "SELECT count(*) FROM attachment a JOIN cost_entry e ON e.id = a.cost_entry_id JOIN claim c ON c.id = e.claim_id
         WHERE c.application_id = ?1 AND (?2 IS NULL OR c.id = ?2)",
        params![application.0, claim.map(|claim| claim.0)],
        |row| row.get(0),
    )?;
    if count > 0 {
        return Err(StoreError::Conflict(format!(
            "{what}領収書の添付ファイル（{count}件）が失われるため、止めました。先に「領収書の写しを書き出す」で保存し、添付ファイルを削除してから、もう一度お試しください"
        )));
    }
    Ok(())
}

/// What merging a nurse's receipts does to the items her file carries: the stored receipts equal to one of the
/// file's stay (with their attachments), the other stored receipts of those items go, the file's others come.
#[derive(Debug, Default)]
pub(crate) struct ReceiptMerge {
    pub kept: Vec<CostId>,
    pub removed: Vec<(CostId, Receipt)>,
    pub added: Vec<Receipt>,
}

pub(crate) fn plan_merge(stored: &[(CostId, Receipt)], items: &[CostItem], incoming: &[Receipt]) -> ReceiptMerge {
    let mut merge = ReceiptMerge::default();
    let mut unmatched: Vec<&Receipt> = incoming.iter().collect();
    for (id, receipt) in stored.iter().filter(|(_, receipt)| items.contains(&receipt.item)) {
        match unmatched.iter().position(|other| *other == receipt) {
            Some(at) => {
                unmatched.remove(at);
                merge.kept.push(*id);
            }
            None => merge.removed.push((*id, receipt.clone())),
        }
    }
    merge.added = unmatched.into_iter().cloned().collect();
    merge
}

/// How many attachments the receipts a merge removes hold (the preview warns of them).
pub(crate) fn attachments_of(conn: &Connection, entries: &[(CostId, Receipt)]) -> Result<usize> {
    let mut count = 0;
    let mut statement = conn.prepare_cached("SELECT count(*) FROM attachment WHERE cost_entry_id = ?1")?;
    for (id, _) in entries {
        count += statement.query_row([id.0], |row| row.get::<_, i64>(0))? as usize;
    }
    Ok(count)
}

/// Removes what a merge removes (attachments named in the history) and adds the file's new receipts after the
/// trainee's others, in the file's order.
pub(crate) fn apply_merge(conn: &Connection, editor: &Editor, claim: ClaimId, merge: &ReceiptMerge) -> Result<()> {
    let context = claim_context(conn, claim)?;
    for (id, old) in &merge.removed {
        remove_entry(conn, editor, &context, *id, old)?;
    }
    let stored = receipt_entries(conn, claim)?;
    renumber(conn, stored.iter().map(|(id, _)| *id), None)?;
    for (offset, receipt) in merge.added.iter().enumerate() {
        insert_receipt(conn, claim, receipt, stored.len() + offset)?;
        record(
            conn,
            editor,
            context.record("領収書（費用ファイル）", "receipt", None, Some(describe(&context, receipt))),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn receipt(item: CostItem, day: u32, amount: i64) -> Receipt {
        Receipt {
            item,
            paid_on: chrono::NaiveDate::from_ymd_opt(2024, 4, day).unwrap(),
            payee: "学校".into(),
            description: "授業料".into(),
            amount: Yen::new(amount),
        }
    }

    #[test]
    fn a_merge_keeps_equal_receipts_once_each_and_touches_only_the_files_items() {
        const TUITION: CostItem = CostItem::Item(crate::program::ItemId::Tuition);
        let stored = vec![
            (CostId(1), receipt(TUITION, 10, 450_000)),
            (CostId(2), receipt(TUITION, 10, 450_000)),
            (CostId(3), receipt(TUITION, 20, 1)),
            (CostId(4), receipt(CostItem::OTHER_COSTS, 12, 3_200)),
        ];
        let incoming = vec![receipt(TUITION, 10, 450_000), receipt(TUITION, 25, 2)];
        let merge = plan_merge(&stored, &[TUITION], &incoming);
        assert_eq!(merge.kept, [CostId(1)], "one stored twin per receipt of the file");
        let removed: Vec<CostId> = merge.removed.iter().map(|(id, _)| *id).collect();
        assert_eq!(removed, [CostId(2), CostId(3)], "an item the file does not carry is left alone");
        assert_eq!(merge.added, [receipt(TUITION, 25, 2)]);
    }
}
