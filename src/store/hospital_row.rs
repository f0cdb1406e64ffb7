//! The tables of a program whose row is the hospital itself (kanwa-training): an application's 研修会
//! (`training`), its amounts by item (`application_cost`, with `other_costs` / `other_income`) and its 積算内訳
//! (`working_line`). Rows only: no Store. They are written as a whole from the case — the form is small, and
//! one rewrite in the edit's transaction cannot drift from what the domain edited.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{Connection, params};

use super::checks::check_amount;
use super::error::{Result, StoreError};
use super::ids::ApplicationId;
use super::sql::{bool_int, date_text, parse_stored_date};
use crate::case::{Case, Training, WorkingLine};
use crate::money::Yen;
use crate::program::{ItemId, OtherAmount};

/// Refuses amounts one row cannot hold (negative, over 10億円) before anything is written.
pub(crate) fn check_hospital_row(case: &Case) -> Result<()> {
    for amount in case.costs.values() {
        check_amount("costs", "対象経費", *amount)?;
    }
    for line in case.workings.values().flatten() {
        check_amount("workings", "積算内訳の単価", line.unit_price)?;
        check_amount("workings", "積算内訳の金額", line.amount())?;
    }
    check_amount("other_costs", "その他の経費", case.other_costs)?;
    check_amount("other_income", "その他の収入", case.other_income)
}

/// Replaces the application's 研修会, amounts and 積算内訳 with the case's.
pub(crate) fn write_hospital_row(conn: &Connection, application: ApplicationId, case: &Case) -> Result<()> {
    check_hospital_row(case)?;
    clear_hospital_row(conn, application)?;
    let mut training = conn.prepare_cached(
        "INSERT INTO training (application_id, position, title, held_on, venue, planned_participants,
             follows_guideline) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (position, item) in case.trainings.iter().enumerate() {
        training.execute(params![
            application.0,
            position as i64,
            item.title,
            date_text(item.held_on),
            item.venue,
            item.planned_participants,
            bool_int(item.follows_guideline),
        ])?;
    }
    let mut cost = conn.prepare_cached(
        "INSERT INTO application_cost (application_id, item, amount, itemised) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let items: BTreeSet<ItemId> = case.costs.keys().chain(case.workings.keys()).copied().collect();
    for item in items {
        let amount = case.costs.get(&item).map(|amount| amount.get());
        cost.execute(params![application.0, item.id(), amount, bool_int(case.workings.contains_key(&item))])?;
    }
    // Zero is no row, as the case file leaves it out.
    for (other, amount) in [(OtherAmount::OtherCosts, case.other_costs), (OtherAmount::OtherIncome, case.other_income)]
    {
        if !amount.is_zero() {
            cost.execute(params![application.0, other.id(), amount.get(), 0])?;
        }
    }
    let mut line = conn.prepare_cached(
        "INSERT INTO working_line (application_id, item, position, description, unit_price, quantity, unit)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (item, lines) in &case.workings {
        for (position, working) in lines.iter().enumerate() {
            line.execute(params![
                application.0,
                item.id(),
                position as i64,
                working.description,
                working.unit_price.get(),
                working.quantity,
                working.unit,
            ])?;
        }
    }
    Ok(())
}

pub(crate) fn clear_hospital_row(conn: &Connection, application: ApplicationId) -> Result<()> {
    for table in ["training", "application_cost", "working_line"] {
        conn.execute(&format!("DELETE FROM {table} WHERE application_id = ?1"), [application.0])?;
    }
    Ok(())
}

/// Fills the case's 研修会, amounts and 積算内訳 from the application's rows.
pub(crate) fn read_hospital_row(conn: &Connection, application: ApplicationId, case: &mut Case) -> Result<()> {
    let mut statement = conn.prepare_cached(
        "SELECT title, held_on, venue, planned_participants, follows_guideline FROM training
         WHERE application_id = ?1 ORDER BY position",
    )?;
    let rows = statement.query_map([application.0], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?, row.get(2)?, row.get(3)?, row.get(4)?))
    })?;
    for row in rows {
        let (title, held_on, venue, planned_participants, follows_guideline) = row?;
        let held_on = parse_stored_date(&held_on)?;
        case.trainings.push(Training { title, held_on, venue, planned_participants, follows_guideline });
    }
    let mut statement =
        conn.prepare_cached("SELECT item, amount, itemised FROM application_cost WHERE application_id = ?1")?;
    let rows = statement.query_map([application.0], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, Option<i64>>(1)?, row.get::<_, bool>(2)?))
    })?;
    let mut workings: BTreeMap<ItemId, Vec<WorkingLine>> = BTreeMap::new();
    for row in rows {
        let (item, amount, itemised) = row?;
        let amount = amount.map(Yen::new);
        if item == OtherAmount::OtherCosts.id() {
            case.other_costs = amount.unwrap_or(Yen::ZERO);
        } else if item == OtherAmount::OtherIncome.id() {
            case.other_income = amount.unwrap_or(Yen::ZERO);
        } else {
            let item = stored_item(&item)?;
            if let Some(amount) = amount {
                case.costs.insert(item, amount);
            }
            if itemised {
                workings.insert(item, Vec::new());
            }
        }
    }
    let mut statement = conn.prepare_cached(
        "SELECT item, description, unit_price, quantity, unit FROM working_line
         WHERE application_id = ?1 ORDER BY item, position",
    )?;
    let rows = statement.query_map([application.0], |row| {
        Ok((row.get::<_, String>(0)?, row.get(1)?, row.get::<_, i64>(2)?, row.get(3)?, row.get(4)?))
    })?;
    for row in rows {
        let (item, description, unit_price, quantity, unit) = row?;
        workings.entry(stored_item(&item)?).or_default().push(WorkingLine {
            description,
            unit_price: Yen::new(unit_price),
            quantity,
            unit,
        });
    }
    case.workings = workings;
    Ok(())
}

fn stored_item(id: &str) -> Result<ItemId> {
    ItemId::from_id(id)
        .ok_or_else(|| StoreError::Corrupt { detail: format!("経費の項目「{id}」が読めません") })
}
