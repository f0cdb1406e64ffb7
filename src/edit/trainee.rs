//! Edits of a trainee: a new one with the four facts every trainee needs, her profile, her amounts and flags,
//! and the once-only items of earlier 年度.

use super::hospital::{flag, optional_text};
use super::salary::fit_months_to_course;
use super::{Change, EditError, ProfileField, TraineeField};
use crate::case::{SalaryKind, Trainee};
use crate::fiscal_year::FiscalYear;
use crate::money::Yen;
use crate::program::{CostItem, ItemId, Rules};
use crate::typed_input::{parse_date, parse_yen};

/// A trainee as the 「受講者を追加」 form gives her: nothing assumed, every amount 0.
pub fn new_trainee(
    rules: &Rules,
    index: usize,
    name: &str,
    qualification: &str,
    enrolled_on: &str,
    course_ends_on: &str,
) -> Result<Trainee, EditError> {
    let at = |field: ProfileField| TraineeField::Profile(field).path(index);
    if name.trim().is_empty() {
        return Err(EditError::at(at(ProfileField::Name), "氏名を入力してください"));
    }
    let qualification = qualification_id(rules, qualification)
        .ok_or_else(|| EditError::at(at(ProfileField::Qualification), "取得を目指す資格を一覧から選んでください"))?;
    let enrolled_on =
        parse_date(enrolled_on).map_err(|error| EditError::at(at(ProfileField::EnrolledOn), error.to_string()))?;
    let course_ends_on =
        parse_date(course_ends_on).map_err(|error| EditError::at(at(ProfileField::CourseEndsOn), error.to_string()))?;
    Ok(Trainee {
        name: name.trim().to_string(),
        qualification,
        institution: None,
        exam_fiscal_year: None,
        enrolled_on,
        course_ends_on,
        admission: Yen::ZERO,
        tuition: Yen::ZERO,
        tuition_completed_in_year: false,
        exam_fee: Yen::ZERO,
        registration_fee: Yen::ZERO,
        certified: false,
        salary_kind: SalaryKind::Trainee,
        salary: Yen::ZERO,
        salary_months: Vec::new(),
        other_costs: Yen::ZERO,
        other_income: Yen::ZERO,
        prior_years_standard_used: Yen::ZERO,
        prior_items: Vec::new(),
        receipts: Vec::new(),
        report: Default::default(),
    })
}

pub fn set_field(
    trainee: &mut Trainee,
    index: usize,
    rules: &Rules,
    year: FiscalYear,
    field: TraineeField,
    text: &str,
) -> Result<Change, EditError> {
    let path = field.path(index);
    match field {
        TraineeField::Profile(profile) => set_profile(trainee, index, rules, year, profile, text, path),
        TraineeField::Flag(id) => {
            trainee.set_flag(id, flag(&path, text)?);
            Ok(Change::TraineeFlag { index, flag: id })
        }
        TraineeField::Cost(item) => {
            let amount = amount(&path, text)?;
            if item == CostItem::Item(ItemId::Salary) && amount != Yen::ZERO && trainee.salary_is_monthly() {
                return Err(EditError::at(
                    path,
                    "人件費は月ごとに入力しています。年度の合計で入力するには「年度の合計で入力」に切り替えてください",
                ));
            }
            let slot = trainee
                .cost_mut(item)
                .ok_or_else(|| EditError::at(&path, "この経費は受講者ごとの経費ではありません"))?;
            *slot = amount;
            Ok(Change::TraineeCost { index, item })
        }
    }
}

fn set_profile(
    trainee: &mut Trainee,
    index: usize,
    rules: &Rules,
    year: FiscalYear,
    field: ProfileField,
    text: &str,
    path: String,
) -> Result<Change, EditError> {
    match field {
        ProfileField::Name => {
            if text.trim().is_empty() {
                return Err(EditError::at(path, "受講者の氏名が入力されていません。氏名を入力してください"));
            }
            trainee.name = text.trim().to_string();
        }
        ProfileField::Qualification => {
            trainee.qualification =
                qualification_id(rules, text).ok_or_else(|| EditError::at(path, "対象資格を一覧から選んでください"))?;
        }
        ProfileField::Institution => trainee.institution = optional_text(text),
        ProfileField::ExamFiscalYear => {
            trainee.exam_fiscal_year = if text.trim().is_empty() {
                None
            } else {
                Some(FiscalYear::parse_typed(text).ok_or_else(|| {
                    EditError::at(
                        &path,
                        format!(
                            "「{}」は年度として読めません。令和7年度、R7 または 2025 のように入力してください",
                            text.trim()
                        ),
                    )
                })?)
            };
        }
        ProfileField::EnrolledOn | ProfileField::CourseEndsOn => {
            let date = parse_date(text).map_err(|error| EditError::at(&path, error.to_string()))?;
            if field == ProfileField::EnrolledOn {
                trainee.enrolled_on = date;
            } else {
                trainee.course_ends_on = date;
            }
            if trainee.course_ends_on < trainee.enrolled_on {
                return Err(EditError::at(
                    path,
                    format!(
                        "修了予定日（{}）が入学日（{}）より前になります。日付を確かめてください",
                        crate::era::format_date(trainee.course_ends_on),
                        crate::era::format_date(trainee.enrolled_on)
                    ),
                ));
            }
            fit_months_to_course(trainee, year);
            return Ok(Change::TraineeCourse { index });
        }
        ProfileField::SalaryKind => {
            trainee.salary_kind = match text.trim() {
                "trainee" | "受講者給与費" => SalaryKind::Trainee,
                "substitute" | "代替看護職員給与費" => SalaryKind::Substitute,
                _ => return Err(EditError::at(path, "受講者給与費か代替看護職員給与費かを選んでください")),
            }
        }
        ProfileField::PriorYearsStandardUsed => trainee.prior_years_standard_used = amount(&path, text)?,
    }
    Ok(Change::TraineeProfile { index })
}

pub fn set_prior_item(
    trainee: &mut Trainee,
    index: usize,
    rules: &Rules,
    item: ItemId,
    claimed: bool,
) -> Result<Change, EditError> {
    if !rules.item(item).is_some_and(|rule| rule.once) {
        let label = rules.item(item).map_or(item.id(), |rule| rule.label.as_str());
        return Err(EditError::at(
            format!("trainees[{index}].prior_items"),
            format!("「{label}」は一度だけ計上する経費ではありません"),
        ));
    }
    trainee.prior_items.retain(|claimed_before| *claimed_before != item);
    if claimed {
        trainee.prior_items.push(item);
        // In the program's order, as the forms list them.
        trainee.prior_items.sort_by_key(|id| rules.items.iter().position(|rule| rule.id == *id));
    }
    Ok(Change::TraineeProfile { index })
}

/// An amount as typed; a cleared field is 0円.
fn amount(path: &str, text: &str) -> Result<Yen, EditError> {
    if text.trim().is_empty() {
        return Ok(Yen::ZERO);
    }
    parse_yen(text).map_err(|error| EditError::at(path, error.to_string()))
}

/// The program's qualification by id or by its name as the list shows it.
fn qualification_id(rules: &Rules, text: &str) -> Option<String> {
    let text = text.trim();
    rules.qualifications.iter().find(|q| q.id == text || q.label == text).map(|q| q.id.clone())
}
