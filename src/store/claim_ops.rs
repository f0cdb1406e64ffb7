//! Operations on one claim inside a transaction (the Store API and `apply_edit` call them): save the profile,
//! take the trainee out, set the two flags. Each records itself in the history.

use rusqlite::{Connection, OptionalExtension, params};

use super::application_rows::application_summary;
use super::checks::yes_no;
use super::claim_read::{read_claims, read_course_profile, read_profile};
use super::claim_rows::{claim_context, claim_owners, insert_claim, update_course, write_prior_items};
use super::error::{Result, StoreError};
use super::history::{Editor, record};
use super::hospital_rows::read_hospital;
use super::ids::{ApplicationId, ClaimId, CourseId};
use super::profile::{
    ClaimFlags, TraineeProfile, check_profile_alone, check_profile_for_program, describe_profile, profile_differences,
};
use super::receipts::refuse_losing_attachments;
use super::sql::bool_int;
use super::usage::carry_over;

/// Saves a trainee's profile inside a transaction. The name and course are the nurse's in every 年度; the 人件費の区分,
/// the 基準額 used and the earlier items are this 年度's.
pub(crate) fn update_profile(
    conn: &Connection,
    editor: &Editor,
    claim: ClaimId,
    profile: &TraineeProfile,
) -> Result<()> {
    check_profile_alone(profile)?;
    let context = claim_context(conn, claim)?;
    check_profile_for_program(profile, &context.program, context.fiscal_year)?;
    let (trainee, course) = claim_owners(conn, claim)?;
    let old = read_profile(conn, claim)?;
    conn.execute("UPDATE trainee SET name = ?2 WHERE id = ?1", params![trainee.0, profile.name])?;
    update_course(conn, course, profile)?;
    conn.execute(
        "UPDATE claim SET salary_kind = ?2, prior_years_standard_used = ?3 WHERE id = ?1",
        params![claim.0, profile.salary_kind.id(), profile.prior_years_standard_used.get()],
    )?;
    write_prior_items(conn, claim, &profile.prior_items)?;
    for (field, old_value, new_value) in profile_differences(&old, profile) {
        record(conn, editor, context.record(field.1, field.0, old_value, new_value))?;
    }
    Ok(())
}

/// Takes a trainee out of an application inside a transaction (her entries of that 年度 go with the claim; the
/// nurse and her course stay for other 年度).
pub(crate) fn remove_claim(conn: &Connection, editor: &Editor, claim: ClaimId) -> Result<()> {
    let context = claim_context(conn, claim)?;
    let what = format!("「{}」さんを外すと、", context.trainee_name);
    refuse_losing_attachments(conn, context.application, Some(claim), &what)?;
    let view = read_claims(conn, context.application)?.into_iter().find(|view| view.id == claim);
    let summary = view.map(|view| serde_json::to_string(&view.trainee).unwrap_or_default());
    conn.execute("DELETE FROM claim WHERE id = ?1", [claim.0])?;
    record(conn, editor, context.record("登録", "claim", summary, None))
}

/// Sets 年度内修了 and 認定済 inside a transaction.
pub(crate) fn write_flags(conn: &Connection, editor: &Editor, claim: ClaimId, flags: ClaimFlags) -> Result<()> {
    let context = claim_context(conn, claim)?;
    let old: (bool, bool) =
        conn.query_row("SELECT tuition_completed_in_year, certified FROM claim WHERE id = ?1", [claim.0], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
    conn.execute(
        "UPDATE claim SET tuition_completed_in_year = ?2, certified = ?3 WHERE id = ?1",
        params![claim.0, bool_int(flags.tuition_completed_in_year), bool_int(flags.certified)],
    )?;
    if old.0 != flags.tuition_completed_in_year {
        let (old_value, new_value) = (Some(yes_no(old.0)), Some(yes_no(flags.tuition_completed_in_year)));
        record(conn, editor, context.record("年度内修了", "claim.tuition_completed_in_year", old_value, new_value))?;
    }
    if old.1 != flags.certified {
        record(
            conn,
            editor,
            context.record("認定済", "claim.certified", Some(yes_no(old.1)), Some(yes_no(flags.certified))),
        )?;
    }
    Ok(())
}

/// Claims an existing course (a nurse of an earlier 年度) in an application inside a transaction, with what the
/// course carries from its earlier 年度 (前年度までの選定額, once-only items). The course must belong to the
/// application's hospital and not be in it already.
pub(crate) fn claim_course(
    conn: &Connection,
    editor: &Editor,
    application: ApplicationId,
    course: CourseId,
) -> Result<ClaimId> {
    let summary = application_summary(conn, application)?;
    let (course_hospital, mut profile) = read_course_profile(conn, course)?;
    if course_hospital != summary.hospital_id {
        let other = read_hospital(conn, course_hospital)?.name;
        return Err(StoreError::invalid(
            "course",
            "受講者",
            format!("「{}」さんは別の病院（{other}）の受講者です。この病院の申請には加えられません", profile.name),
        ));
    }
    let already: Option<i64> = conn
        .query_row(
            "SELECT id FROM claim WHERE application_id = ?1 AND course_id = ?2",
            params![application.0, course.0],
            |row| row.get(0),
        )
        .optional()?;
    if already.is_some() {
        return Err(StoreError::invalid(
            "course",
            "受講者",
            format!("「{}」さんは既にこの申請に入っています", profile.name),
        ));
    }
    carry_over(conn, course, &summary.program, summary.fiscal_year, &mut profile)?;
    let claim = insert_claim(conn, application, course, &profile, ClaimFlags::default())?;
    let context = claim_context(conn, claim)?;
    record(conn, editor, context.record("登録", "claim", None, Some(describe_profile(&profile))))?;
    Ok(claim)
}
