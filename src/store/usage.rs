//! What an application used toward the lifetime cap (基準額 12,300,000円) and the once-only items, recorded when it
//! leaves 作成中, and what an earlier 年度 carries into a later one.

use rusqlite::{Connection, params};

use super::case_io::load_case;
use super::claim_read::read_claims;
use super::error::{Result, StoreError};
use super::ids::{ApplicationId, CourseId};
use super::profile::TraineeProfile;
use crate::fiscal_year::FiscalYear;
use crate::money::Yen;
use crate::program::{ItemId, Program, RowKind};

/// What a course's earlier 年度 used, as recorded when their applications left 作成中: the 選定額 summed, and the
/// once-only items claimed (in the program's order). Drafts count for nothing yet.
pub(crate) fn carry_over(
    conn: &Connection,
    course: CourseId,
    program: &str,
    year: FiscalYear,
    profile: &mut TraineeProfile,
) -> Result<()> {
    let used: i64 = conn.query_row(
        "SELECT coalesce(sum(c.standard_used), 0) FROM claim c JOIN application a ON a.id = c.application_id
         WHERE c.course_id = ?1 AND a.program = ?2 AND a.fiscal_year < ?3",
        params![course.0, program, year.starting_year()],
        |row| row.get(0),
    )?;
    let mut statement = conn.prepare_cached(
        "SELECT DISTINCT o.item FROM claim_once_item o JOIN claim c ON c.id = o.claim_id
             JOIN application a ON a.id = c.application_id
         WHERE c.course_id = ?1 AND a.program = ?2 AND a.fiscal_year < ?3",
    )?;
    let claimed: Vec<String> = statement
        .query_map(params![course.0, program, year.starting_year()], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let order: Vec<ItemId> = Program::get(program)
        .and_then(|program| program.rules_for(year))
        .map(|rules| rules.once_items().map(|item| item.id).collect())
        .unwrap_or_default();
    profile.prior_years_standard_used = Yen::new(used);
    profile.prior_items = order.into_iter().filter(|item| claimed.iter().any(|id| id == item.id())).collect();
    Ok(())
}

/// An application whose program or 年度 Hojo does not know cannot leave 作成中: what it used toward the cap would
/// otherwise go unrecorded, and a later 年度 would start from 0円.
fn usage_error(detail: String) -> StoreError {
    StoreError::invalid("status", "状態", format!("{detail}。基準額の使用額を記録できないため、状態を変えられません"))
}

/// Records what each row of an application used (see [`ClaimView::standard_used`]) from the 算定 of its case
/// as it stands; clears it when the application goes back to 作成中. Programs whose row is the hospital record
/// nothing; every other state that cannot be recorded is an error, so the cap never silently loses a 年度.
pub(crate) fn record_usage(conn: &Connection, application: ApplicationId, draft: bool) -> Result<()> {
    conn.execute(
        "DELETE FROM claim_once_item WHERE claim_id IN (SELECT id FROM claim WHERE application_id = ?1)",
        [application.0],
    )?;
    conn.execute("UPDATE claim SET standard_used = NULL WHERE application_id = ?1", [application.0])?;
    if draft {
        return Ok(());
    }
    let case = load_case(conn, application)?;
    let views = read_claims(conn, application)?;
    let program = Program::get(&case.program).map_err(|error| usage_error(error.to_string()))?;
    let rules = program.rules_for(case.fiscal_year).map_err(|error| usage_error(error.to_string()))?;
    let calculation = crate::calc::calculate(&case).map_err(|error| usage_error(error.to_string()))?;
    match program.row_kind {
        // One row for the hospital: nothing counts toward a trainee's cap.
        RowKind::Hospital => return Ok(()),
        RowKind::Trainee if calculation.rows.len() != views.len() => {
            return Err(StoreError::Corrupt {
                detail: format!(
                    "算定の行数（{}）と受講者の数（{}）が合いません。基準額の使用額を記録できません",
                    calculation.rows.len(),
                    views.len()
                ),
            });
        }
        RowKind::Trainee => {}
    }
    let once: Vec<ItemId> = rules.once_items().map(|item| item.id).collect();
    let mut insert = conn.prepare_cached("INSERT OR IGNORE INTO claim_once_item (claim_id, item) VALUES (?1, ?2)")?;
    for (view, row) in views.iter().zip(&calculation.rows) {
        conn.execute("UPDATE claim SET standard_used = ?2 WHERE id = ?1", params![view.id.0, row.selected.get()])?;
        for item in row.items.iter().filter(|item| once.contains(&item.item) && item.selected > Yen::ZERO) {
            insert.execute(params![view.id.0, item.item.id()])?;
        }
    }
    Ok(())
}
