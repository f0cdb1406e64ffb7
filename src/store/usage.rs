//! What an application used toward the lifetime cap (基準額 12,300,000円) and the once-only items, recorded when it
//! leaves 作成中, and what an earlier 年度 carries into a later one.

use rusqlite::{Connection, OptionalExtension, params};

use super::application_rows::ApplicationStatus;
use super::case_io::load_case;
use super::claim_read::read_claims;
use super::error::{Result, StoreError};
use super::ids::{ApplicationId, ClaimId, CourseId};
use super::profile::TraineeProfile;
use crate::fiscal_year::FiscalYear;
use crate::money::Yen;
use crate::program::{ItemId, Program, RowKind};

/// What a course carries into a later 年度 of the same program, from the latest earlier 年度 that claimed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Carried {
    /// 前年度までの選定額: the earlier 年度's own carried amount plus the 選定額 it used.
    pub prior_years_standard_used: Yen,
    /// Once-only items claimed up to that 年度 (入学料), in the program's order.
    pub prior_items: Vec<ItemId>,
    /// The 年度 the figures come from and its 状態 then (作成中: its 算定 as it stands; otherwise what was recorded
    /// at its latest change of 状態, the settled figures once it was reported).
    pub from: Option<(FiscalYear, ApplicationStatus)>,
}

/// The latest claim of a course in an earlier 年度 of a program.
struct EarlierClaim {
    claim: ClaimId,
    application: ApplicationId,
    year: FiscalYear,
    status: ApplicationStatus,
    prior_years_standard_used: Yen,
    standard_used: Option<Yen>,
}

fn latest_earlier_claim(
    conn: &Connection,
    course: CourseId,
    program: &str,
    year: FiscalYear,
) -> Result<Option<EarlierClaim>> {
    let row = conn
        .prepare_cached(
            "SELECT c.id, a.id, a.fiscal_year, a.status, c.prior_years_standard_used, c.standard_used
             FROM claim c JOIN application a ON a.id = c.application_id
             WHERE c.course_id = ?1 AND a.program = ?2 AND a.fiscal_year < ?3
             ORDER BY a.fiscal_year DESC LIMIT 1",
        )?
        .query_row(params![course.0, program, year.starting_year()], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, i64>(1)?,
                row.get::<_, i32>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, i64>(4)?,
                row.get::<_, Option<i64>>(5)?,
            ))
        })
        .optional()?;
    let Some((claim, application, earlier, status, prior, used)) = row else { return Ok(None) };
    let status = ApplicationStatus::parse(&status)
        .ok_or_else(|| StoreError::Corrupt { detail: format!("申請の状態「{status}」が読めません") })?;
    Ok(Some(EarlierClaim {
        claim: ClaimId(claim),
        application: ApplicationId(application),
        year: FiscalYear::new(earlier),
        status,
        prior_years_standard_used: Yen::new(prior),
        standard_used: used.map(Yen::new),
    }))
}

/// What a course carries into `year` of `program`: the 選定額 and once-only items of its latest earlier 年度,
/// from what was recorded at that 年度's latest change of 状態 (so the settled figures once reported), or, for a 年度 still 作成中, from its 算定 as it stands — the library's rules either way.
/// Nothing earlier: nothing carried.
pub(crate) fn carried_into(conn: &Connection, course: CourseId, program: &str, year: FiscalYear) -> Result<Carried> {
    let Some(earlier) = latest_earlier_claim(conn, course, program, year)? else {
        return Ok(Carried { prior_years_standard_used: Yen::ZERO, prior_items: Vec::new(), from: None });
    };
    let mut claimed: Vec<ItemId> = conn
        .prepare_cached("SELECT item FROM prior_item WHERE claim_id = ?1")?
        .query_map([earlier.claim.0], |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .iter()
        .filter_map(|id| ItemId::from_id(id))
        .collect();
    let used = match (earlier.status, earlier.standard_used) {
        (ApplicationStatus::Draft, _) | (_, None) => {
            let case = load_case(conn, earlier.application)?;
            let calculation = crate::calc::calculate(&case).map_err(|error| usage_error(error.to_string()))?;
            let index = read_claims(conn, earlier.application)?.iter().position(|view| view.id == earlier.claim);
            let row = index.and_then(|index| calculation.rows.get(index)).ok_or_else(|| StoreError::Corrupt {
                detail: format!("{}の算定に受講者の行が見つかりません", earlier.year.japanese_name()),
            })?;
            let program = Program::get(program).map_err(|error| usage_error(error.to_string()))?;
            let rules = program.rules_for(case.fiscal_year).map_err(|error| usage_error(error.to_string()))?;
            let once: Vec<ItemId> = rules.once_items().map(|item| item.id).collect();
            claimed.extend(
                row.items
                    .iter()
                    .filter(|item| once.contains(&item.item) && item.selected > Yen::ZERO)
                    .map(|item| item.item),
            );
            row.selected
        }
        (_, Some(used)) => {
            let recorded: Vec<String> = conn
                .prepare_cached("SELECT item FROM claim_once_item WHERE claim_id = ?1")?
                .query_map([earlier.claim.0], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            claimed.extend(recorded.iter().filter_map(|id| ItemId::from_id(id)));
            used
        }
    };
    let order: Vec<ItemId> = Program::get(program)
        .and_then(|program| program.rules_for(year))
        .map(|rules| rules.once_items().map(|item| item.id).collect())
        .unwrap_or_default();
    Ok(Carried {
        prior_years_standard_used: earlier.prior_years_standard_used + used,
        prior_items: order.into_iter().filter(|item| claimed.contains(item)).collect(),
        from: Some((earlier.year, earlier.status)),
    })
}

/// Fills a profile with what its course carries into `year` (see [`carried_into`]).
pub(crate) fn carry_over(
    conn: &Connection,
    course: CourseId,
    program: &str,
    year: FiscalYear,
    profile: &mut TraineeProfile,
) -> Result<()> {
    let carried = carried_into(conn, course, program, year)?;
    profile.prior_years_standard_used = carried.prior_years_standard_used;
    profile.prior_items = carried.prior_items;
    Ok(())
}

/// An application whose program or 年度 Hojo does not know cannot leave 作成中: what it used toward the cap would
/// otherwise go unrecorded, and a later 年度 would start from 0円.
fn usage_error(detail: String) -> StoreError {
    StoreError::invalid("status", "状態", format!("{detail}。基準額の使用額を記録できないため、状態を変えられません"))
}

/// Records what each row of an application used (see [`ClaimView::standard_used`]) for its 状態: nothing while
/// 作成中; once reported (実績報告済, 確定), the settled F of its report through `hojo::settle` — the settled figures
/// replace the applied ones for later 年度, and a once-only item counts as claimed in the 年度 whose report
/// includes it; otherwise the 算定 of its figures as they stand (the plan, the 変更後 plan once decided on, the
/// actual amounts being entered). Programs whose row is the hospital record nothing; every other state that
/// cannot be recorded is an error, so the cap never silently loses a 年度.
pub(crate) fn record_usage(conn: &Connection, application: ApplicationId, status: ApplicationStatus) -> Result<()> {
    conn.execute(
        "DELETE FROM claim_once_item WHERE claim_id IN (SELECT id FROM claim WHERE application_id = ?1)",
        [application.0],
    )?;
    conn.execute("UPDATE claim SET standard_used = NULL WHERE application_id = ?1", [application.0])?;
    if status == ApplicationStatus::Draft {
        return Ok(());
    }
    let case = load_case(conn, application)?;
    let views = read_claims(conn, application)?;
    let program = Program::get(&case.program).map_err(|error| usage_error(error.to_string()))?;
    let rules = program.rules_for(case.fiscal_year).map_err(|error| usage_error(error.to_string()))?;
    let calculation = if status.has_settled_figures() {
        crate::settle::settle(&case).map_err(|error| usage_error(error.to_string()))?.calculation
    } else {
        crate::calc::calculate(&case).map_err(|error| usage_error(error.to_string()))?
    };
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
