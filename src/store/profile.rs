//! The trainee form (a nurse, her course and this 年度's claim) as the store edits it, and the checks it needs
//! without the database. The lowest layer of the claims: it names no table.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::checks::check_amount;
use super::error::{Result, StoreError};
use super::ids::{ClaimId, CourseId, TraineeId};
use crate::case::{CourseStatus, SalaryKind, Trainee};
use crate::era::format_date;
use crate::fiscal_year::FiscalYear;
use crate::money::Yen;
use crate::program::{ItemId, Program};

/// What the trainee form edits: everything but the amounts (cost entries) and the two flags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TraineeProfile {
    pub name: String,
    /// 対象資格 id from the program data.
    pub qualification: String,
    #[serde(default)]
    pub institution: Option<String>,
    #[serde(default)]
    pub exam_fiscal_year: Option<FiscalYear>,
    pub enrolled_on: NaiveDate,
    pub course_ends_on: NaiveDate,
    /// 受講状況; `None` keeps what is stored (受講中 for a new course), so a form built from a case
    /// (`TraineeProfile::of`), which has no status, never resets it.
    #[serde(default)]
    pub course_status: Option<CourseStatus>,
    #[serde(default)]
    pub salary_kind: SalaryKind,
    /// 基準額 used in earlier 年度 (for the lifetime cap).
    #[serde(default)]
    pub prior_years_standard_used: Yen,
    /// Once-only items claimed in an earlier 年度.
    #[serde(default)]
    pub prior_items: Vec<ItemId>,
}

impl TraineeProfile {
    /// The profile part of a case's trainee.
    pub fn of(trainee: &Trainee) -> TraineeProfile {
        TraineeProfile {
            name: trainee.name.clone(),
            qualification: trainee.qualification.clone(),
            institution: trainee.institution.clone(),
            exam_fiscal_year: trainee.exam_fiscal_year,
            enrolled_on: trainee.enrolled_on,
            course_ends_on: trainee.course_ends_on,
            course_status: None,
            salary_kind: trainee.salary_kind,
            prior_years_standard_used: trainee.prior_years_standard_used,
            prior_items: trainee.prior_items.clone(),
        }
    }
}

/// The two yes/no facts of a trainee's 年度.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ClaimFlags {
    /// 年度内修了: the year's course was completed within the 年度 (受講料 counts only then).
    pub tuition_completed_in_year: bool,
    /// 認定済 (認定審査料 and 認定登録料 count only then).
    pub certified: bool,
}

/// A trainee of an application, with her figures summed as the case carries them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ClaimView {
    pub id: ClaimId,
    pub trainee_id: TraineeId,
    pub course_id: CourseId,
    pub course_status: CourseStatus,
    pub trainee: Trainee,
    /// The 選定額 (F) this row used, recorded when the application left 作成中; `None` for a draft.
    pub standard_used: Option<Yen>,
}

/// A course of a hospital, as listed for carrying a trainee into another 年度.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CourseSummary {
    pub id: CourseId,
    pub trainee_id: TraineeId,
    pub name: String,
    pub qualification: String,
    pub enrolled_on: NaiveDate,
    pub course_ends_on: NaiveDate,
    pub status: CourseStatus,
}

/// Checks that need nothing but the form.
pub(crate) fn check_profile_alone(profile: &TraineeProfile) -> Result<()> {
    if profile.name.trim().is_empty() {
        return Err(StoreError::invalid("name", "氏名", "空です。受講者の氏名を入力してください"));
    }
    if profile.qualification.trim().is_empty() {
        return Err(StoreError::invalid(
            "qualification",
            "対象資格",
            "選ばれていません。取得を目指す資格を選んでください",
        ));
    }
    if profile.course_ends_on < profile.enrolled_on {
        return Err(StoreError::invalid(
            "course_ends_on",
            "修了予定日",
            format!(
                "{}は入学日（{}）より前です。日付を確かめてください",
                format_date(profile.course_ends_on),
                format_date(profile.enrolled_on)
            ),
        ));
    }
    check_amount("prior_years_standard_used", "前年度までの基準額使用額", profile.prior_years_standard_used)
}

/// Earlier once-only items must be items the program pays once.
pub(crate) fn check_profile_for_program(profile: &TraineeProfile, program: &str, year: FiscalYear) -> Result<()> {
    let Ok(rules) = Program::get(program).and_then(|program| program.rules_for(year)) else { return Ok(()) };
    let once: Vec<ItemId> = rules.once_items().map(|item| item.id).collect();
    if let Some(item) = profile.prior_items.iter().find(|item| !once.contains(item)) {
        let once: Vec<&str> = rules.once_items().map(|item| item.label.as_str()).collect();
        let label = rules.item(*item).map_or(item.id(), |rule| rule.label.as_str());
        return Err(StoreError::invalid(
            "prior_items",
            "前年度までに計上済みの経費",
            format!("「{label}」は一度だけ計上する経費ではありません（選べるもの: {}）", once.join("・")),
        ));
    }
    Ok(())
}

pub(crate) fn item_list(items: &[ItemId]) -> String {
    items.iter().map(|item| item.id()).collect::<Vec<_>>().join(", ")
}

pub(crate) fn describe_profile(profile: &TraineeProfile) -> String {
    format!(
        "{}（{}、{}〜{}）",
        profile.name,
        profile.qualification,
        format_date(profile.enrolled_on),
        format_date(profile.course_ends_on)
    )
}

pub(crate) type FieldName = (&'static str, &'static str);

pub(crate) fn profile_differences(
    old: &TraineeProfile,
    new: &TraineeProfile,
) -> Vec<(FieldName, Option<String>, Option<String>)> {
    let year = |year: Option<FiscalYear>| year.map(FiscalYear::japanese_name);
    let fields: [(FieldName, Option<String>, Option<String>); 10] = [
        (("trainee.name", "氏名"), Some(old.name.clone()), Some(new.name.clone())),
        (("course.qualification", "対象資格"), Some(old.qualification.clone()), Some(new.qualification.clone())),
        (("course.institution", "教育機関"), old.institution.clone(), new.institution.clone()),
        (("course.exam_fiscal_year", "認定審査受審予定年度"), year(old.exam_fiscal_year), year(new.exam_fiscal_year)),
        (("course.enrolled_on", "入学日"), Some(format_date(old.enrolled_on)), Some(format_date(new.enrolled_on))),
        (
            ("course.ends_on", "修了予定日"),
            Some(format_date(old.course_ends_on)),
            Some(format_date(new.course_ends_on)),
        ),
        (
            ("course.status", "受講状況"),
            old.course_status.map(|status| status.label().to_string()),
            new.course_status.or(old.course_status).map(|status| status.label().to_string()),
        ),
        (
            ("claim.salary_kind", "人件費の区分"),
            Some(old.salary_kind.label().into()),
            Some(new.salary_kind.label().into()),
        ),
        (
            ("claim.prior_years_standard_used", "前年度までの基準額使用額"),
            Some(old.prior_years_standard_used.format_yen()),
            Some(new.prior_years_standard_used.format_yen()),
        ),
        (
            ("claim.prior_items", "前年度までに計上済みの経費"),
            Some(item_list(&old.prior_items)),
            Some(item_list(&new.prior_items)),
        ),
    ];
    fields.into_iter().filter(|(_, old, new)| old != new).collect()
}
