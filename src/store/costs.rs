//! Cost entries (a receipt, or one amount for an item: item, amount, date paid, memo; a receipt's payee and
//! description are written by receipts.rs) and 人件費 month by month.
//! Every edit is checked before it is written: no negative or absurd amounts, one row per month, and 人件費
//! either as months or as amounts, not both (as the case file requires). A month outside the course or the
//! 年度 is kept as entered, as a case file may hold it; the 算定 does not count it and says so.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::Store;
use super::checks::check_amount;
use super::claim_rows::{ClaimContext, claim_context};
use super::error::{Result, StoreError};
use super::history::{Editor, record};
use super::ids::{ClaimId, CostId, SalaryMonthId};
use super::lifecycle_rows::check_editable;
use super::sql::{date_text, parse_stored_date, parse_stored_month};
use crate::era::format_date;
use crate::fiscal_year::YearMonth;
use crate::money::Yen;
pub use crate::program::CostItem;
use crate::program::ItemId;

pub use crate::limits::MAX_AMOUNT;

/// A stored cost entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CostEntry {
    pub id: CostId,
    pub claim_id: ClaimId,
    pub item: CostItem,
    pub amount: Yen,
    /// 支払日
    pub paid_on: Option<NaiveDate>,
    pub memo: Option<String>,
    /// 支払先 and 内容（但し書き） of a receipt (an entry with a 支払日), as the 実績報告 lists it.
    pub payee: Option<String>,
    pub description: Option<String>,
}

/// A cost entry as entered (new, or the new values of an existing one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CostInput {
    pub item: CostItem,
    pub amount: Yen,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memo: Option<String>,
}

/// A stored month of 人件費.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SalaryMonthEntry {
    pub id: SalaryMonthId,
    pub claim_id: ClaimId,
    pub month: YearMonth,
    pub amount: Yen,
    pub memo: Option<String>,
}

/// A month of 人件費 as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SalaryMonthInput {
    pub month: YearMonth,
    pub amount: Yen,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memo: Option<String>,
}

use crate::limits::MAX_LONG_TEXT as MEMO_LIMIT;

impl Store {
    /// A claim's cost entries, in the order entered.
    pub fn costs(&self, claim: ClaimId) -> Result<Vec<CostEntry>> {
        claim_context(&self.conn, claim)?;
        read_costs(&self.conn, claim)
    }

    pub fn add_cost(&mut self, editor: &Editor, claim: ClaimId, cost: &CostInput) -> Result<CostId> {
        check_cost(cost)?;
        self.edit(|tx| {
            let context = claim_context(tx, claim)?;
            check_editable(tx, context.application)?;
            check_salary_form(tx, &context, cost.item, SalaryForm::Amounts)?;
            let id = insert_cost(tx, claim, cost)?;
            record(
                tx,
                editor,
                context.record(&context.label(cost.item), "cost_entry", None, Some(describe_cost(&context, cost))),
            )?;
            Ok(id)
        })
    }

    pub fn update_cost(&mut self, editor: &Editor, id: CostId, cost: &CostInput) -> Result<()> {
        check_cost(cost)?;
        self.edit(|tx| {
            let old = read_cost(tx, id)?;
            let context = claim_context(tx, old.claim_id)?;
            check_editable(tx, context.application)?;
            if cost.item != old.item {
                check_salary_form(tx, &context, cost.item, SalaryForm::Amounts)?;
            }
            tx.execute(
                "UPDATE cost_entry SET item = ?2, amount = ?3, paid_on = ?4, memo = ?5 WHERE id = ?1",
                params![id.0, cost.item.id(), cost.amount.get(), cost.paid_on.map(date_text), cost.memo],
            )?;
            let old_input = CostInput { item: old.item, amount: old.amount, paid_on: old.paid_on, memo: old.memo };
            record(
                tx,
                editor,
                context.record(
                    &context.label(cost.item),
                    "cost_entry",
                    Some(describe_cost(&context, &old_input)),
                    Some(describe_cost(&context, cost)),
                ),
            )
        })
    }

    pub fn remove_cost(&mut self, editor: &Editor, id: CostId) -> Result<()> {
        self.edit(|tx| {
            let old = read_cost(tx, id)?;
            let context = claim_context(tx, old.claim_id)?;
            check_editable(tx, context.application)?;
            tx.execute("DELETE FROM cost_entry WHERE id = ?1", [id.0])?;
            let old_input = CostInput { item: old.item, amount: old.amount, paid_on: old.paid_on, memo: old.memo };
            record(
                tx,
                editor,
                context.record(&context.label(old.item), "cost_entry", Some(describe_cost(&context, &old_input)), None),
            )
        })
    }

    /// A claim's months of 人件費, in the order entered.
    pub fn salary_months(&self, claim: ClaimId) -> Result<Vec<SalaryMonthEntry>> {
        claim_context(&self.conn, claim)?;
        read_salary_months(&self.conn, claim)
    }

    pub fn add_salary_month(
        &mut self,
        editor: &Editor,
        claim: ClaimId,
        month: &SalaryMonthInput,
    ) -> Result<SalaryMonthId> {
        check_salary_amount(month)?;
        self.edit(|tx| {
            let context = claim_context(tx, claim)?;
            check_editable(tx, context.application)?;
            check_salary_form(tx, &context, CostItem::Item(ItemId::Salary), SalaryForm::Months)?;
            check_month_free(tx, claim, month.month, None)?;
            let id = insert_salary_month(tx, claim, month)?;
            record(
                tx,
                editor,
                context.record(
                    &format!("{}の人件費", month.month.japanese_name()),
                    "salary_month",
                    None,
                    Some(describe_month(month)),
                ),
            )?;
            Ok(id)
        })
    }

    pub fn update_salary_month(&mut self, editor: &Editor, id: SalaryMonthId, month: &SalaryMonthInput) -> Result<()> {
        check_salary_amount(month)?;
        self.edit(|tx| {
            let old = read_salary_month(tx, id)?;
            let context = claim_context(tx, old.claim_id)?;
            check_editable(tx, context.application)?;
            check_month_free(tx, old.claim_id, month.month, Some(id))?;
            tx.execute(
                "UPDATE salary_month SET month = ?2, amount = ?3, memo = ?4 WHERE id = ?1",
                params![id.0, month.month.to_string(), month.amount.get(), month.memo],
            )?;
            let old_input = SalaryMonthInput { month: old.month, amount: old.amount, memo: old.memo };
            record(
                tx,
                editor,
                context.record(
                    &format!("{}の人件費", month.month.japanese_name()),
                    "salary_month",
                    Some(describe_month(&old_input)),
                    Some(describe_month(month)),
                ),
            )
        })
    }

    pub fn remove_salary_month(&mut self, editor: &Editor, id: SalaryMonthId) -> Result<()> {
        self.edit(|tx| {
            let old = read_salary_month(tx, id)?;
            let context = claim_context(tx, old.claim_id)?;
            check_editable(tx, context.application)?;
            tx.execute("DELETE FROM salary_month WHERE id = ?1", [id.0])?;
            let old_input = SalaryMonthInput { month: old.month, amount: old.amount, memo: old.memo };
            record(
                tx,
                editor,
                context.record(
                    &format!("{}の人件費", old.month.japanese_name()),
                    "salary_month",
                    Some(describe_month(&old_input)),
                    None,
                ),
            )
        })
    }
}

fn check_memo(memo: &Option<String>) -> Result<()> {
    if memo.as_ref().is_some_and(|memo| memo.chars().count() > MEMO_LIMIT) {
        return Err(StoreError::invalid("memo", "メモ", format!("長すぎます（{MEMO_LIMIT}文字まで）")));
    }
    Ok(())
}

pub(crate) fn check_cost(cost: &CostInput) -> Result<()> {
    check_amount("amount", "金額", cost.amount)?;
    check_memo(&cost.memo)
}

pub(crate) fn check_salary_amount(month: &SalaryMonthInput) -> Result<()> {
    check_amount("amount", "人件費の金額", month.amount)?;
    check_memo(&month.memo)
}

fn check_month_free(conn: &Connection, claim: ClaimId, month: YearMonth, except: Option<SalaryMonthId>) -> Result<()> {
    let taken: Option<i64> = conn
        .query_row(
            "SELECT id FROM salary_month WHERE claim_id = ?1 AND month = ?2",
            params![claim.0, month.to_string()],
            |row| row.get(0),
        )
        .optional()?;
    if taken.is_some_and(|id| Some(SalaryMonthId(id)) != except) {
        return Err(StoreError::invalid(
            "month",
            "人件費の月",
            format!("{}の人件費は既に入力されています。その行の金額を直してください", month.japanese_name()),
        ));
    }
    Ok(())
}

#[derive(PartialEq, Eq)]
enum SalaryForm {
    Amounts,
    Months,
}

/// 人件費 is entered either month by month or as amounts; a case cannot hold both.
fn check_salary_form(conn: &Connection, context: &ClaimContext, item: CostItem, adding: SalaryForm) -> Result<()> {
    if item != CostItem::Item(ItemId::Salary) {
        return Ok(());
    }
    let (sql, field, label, advice) = match adding {
        SalaryForm::Amounts => (
            "SELECT count(*) FROM salary_month WHERE claim_id = ?1",
            "item",
            "費目",
            "月ごとの人件費の行に入力してください",
        ),
        SalaryForm::Months => (
            "SELECT count(*) FROM cost_entry WHERE item = 'salary' AND claim_id = ?1",
            "month",
            "人件費の月",
            "月ごとに入力するなら、先に合計額で入力した人件費を削除してください",
        ),
    };
    let existing: i64 = conn.query_row(sql, [context.claim.0], |row| row.get(0))?;
    if existing > 0 {
        return Err(StoreError::invalid(
            field,
            label,
            format!(
                "「{}」さんの人件費は別の形で入力済みです。人件費は合計額か月ごとのどちらか一方です。{advice}",
                context.trainee_name
            ),
        ));
    }
    Ok(())
}

pub(crate) fn insert_cost(conn: &Connection, claim: ClaimId, cost: &CostInput) -> Result<CostId> {
    conn.prepare_cached("INSERT INTO cost_entry (claim_id, item, amount, paid_on, memo) VALUES (?1, ?2, ?3, ?4, ?5)")?
        .execute(params![claim.0, cost.item.id(), cost.amount.get(), cost.paid_on.map(date_text), cost.memo])?;
    Ok(CostId(conn.last_insert_rowid()))
}

pub(crate) fn insert_salary_month(
    conn: &Connection,
    claim: ClaimId,
    month: &SalaryMonthInput,
) -> Result<SalaryMonthId> {
    conn.prepare_cached("INSERT INTO salary_month (claim_id, month, amount, memo) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![claim.0, month.month.to_string(), month.amount.get(), month.memo])?;
    Ok(SalaryMonthId(conn.last_insert_rowid()))
}

type CostRow = (i64, i64, String, i64, Option<String>, Option<String>, Option<String>, Option<String>);

const COST_COLUMNS: &str = "id, claim_id, item, amount, paid_on, memo, payee, description";

fn cost_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<CostRow> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?, row.get(6)?, row.get(7)?))
}

fn to_cost(raw: CostRow) -> Result<CostEntry> {
    let (id, claim, item, amount, paid_on, memo, payee, description) = raw;
    let item = CostItem::from_id(&item)
        .ok_or_else(|| StoreError::Corrupt { detail: format!("費目「{item}」が読めません") })?;
    Ok(CostEntry {
        id: CostId(id),
        claim_id: ClaimId(claim),
        item,
        amount: Yen::new(amount),
        paid_on: paid_on.as_deref().map(parse_stored_date).transpose()?,
        memo,
        payee,
        description,
    })
}

pub(crate) fn read_costs(conn: &Connection, claim: ClaimId) -> Result<Vec<CostEntry>> {
    let mut statement =
        conn.prepare_cached(&format!("SELECT {COST_COLUMNS} FROM cost_entry WHERE claim_id = ?1 ORDER BY id"))?;
    let rows = statement.query_map([claim.0], cost_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter().map(to_cost).collect()
}

fn read_cost(conn: &Connection, id: CostId) -> Result<CostEntry> {
    let raw = conn
        .prepare_cached(&format!("SELECT {COST_COLUMNS} FROM cost_entry WHERE id = ?1"))?
        .query_row([id.0], cost_from_row)
        .optional()?
        .ok_or_else(|| StoreError::not_found("費用の記録"))?;
    to_cost(raw)
}

fn month_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, i64, String, i64, Option<String>)> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?))
}

fn to_month(raw: (i64, i64, String, i64, Option<String>)) -> Result<SalaryMonthEntry> {
    let (id, claim, month, amount, memo) = raw;
    Ok(SalaryMonthEntry {
        id: SalaryMonthId(id),
        claim_id: ClaimId(claim),
        month: parse_stored_month(&month)?,
        amount: Yen::new(amount),
        memo,
    })
}

pub(crate) fn read_salary_months(conn: &Connection, claim: ClaimId) -> Result<Vec<SalaryMonthEntry>> {
    let mut statement = conn
        .prepare_cached("SELECT id, claim_id, month, amount, memo FROM salary_month WHERE claim_id = ?1 ORDER BY id")?;
    let rows = statement.query_map([claim.0], month_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter().map(to_month).collect()
}

fn read_salary_month(conn: &Connection, id: SalaryMonthId) -> Result<SalaryMonthEntry> {
    let raw = conn
        .prepare_cached("SELECT id, claim_id, month, amount, memo FROM salary_month WHERE id = ?1")?
        .query_row([id.0], month_from_row)
        .optional()?
        .ok_or_else(|| StoreError::not_found("人件費の記録"))?;
    to_month(raw)
}

pub(crate) fn describe_cost(context: &ClaimContext, cost: &CostInput) -> String {
    let mut text = format!("{} {}", context.label(cost.item), cost.amount.format_yen());
    if let Some(paid_on) = cost.paid_on {
        text.push_str(&format!("（{}支払）", format_date(paid_on)));
    }
    if let Some(memo) = cost.memo.as_deref().filter(|memo| !memo.is_empty()) {
        text.push_str(&format!(" メモ: {memo}"));
    }
    text
}

pub(crate) fn describe_month(month: &SalaryMonthInput) -> String {
    let mut text = format!("{} {}", month.month.japanese_name(), month.amount.format_yen());
    if let Some(memo) = month.memo.as_deref().filter(|memo| !memo.is_empty()) {
        text.push_str(&format!(" メモ: {memo}"));
    }
    text
}
