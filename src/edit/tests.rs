//! The edits as a user makes them on the forms, each test one thing a hospital user would do.

use super::*;
use crate::case::{Case, Hospital};
use crate::fiscal_year::FiscalYear;
use crate::money::Yen;
use crate::program::{CostItem, FlagId};

fn case() -> Case {
    let mut case =
        Case::new("kanwa-nurse", FiscalYear::new(2024), Hospital { name: "さくら病院".into(), ..Hospital::default() });
    apply(&mut case, &add("看護 花子", "緩和ケア認定看護師", "令和6年4月8日", "令和7年3月14日")).unwrap();
    case
}

fn add(name: &str, qualification: &str, enrolled_on: &str, course_ends_on: &str) -> CaseEdit {
    CaseEdit::AddTrainee {
        name: name.into(),
        qualification: qualification.into(),
        enrolled_on: enrolled_on.into(),
        course_ends_on: course_ends_on.into(),
    }
}

fn set(field: TraineeField, text: &str) -> CaseEdit {
    CaseEdit::SetTrainee { index: 0, field, text: text.into() }
}

fn cost(item: ItemId) -> TraineeField {
    TraineeField::Cost(CostItem::Item(item))
}

fn profile(field: ProfileField) -> TraineeField {
    TraineeField::Profile(field)
}

fn month(year: i32, month: u32) -> YearMonth {
    YearMonth::new(year, month).unwrap()
}

#[test]
fn a_new_trainee_starts_with_what_was_given_and_nothing_assumed() {
    let case = case();
    let trainee = &case.trainees[0];
    assert_eq!(trainee.qualification, "palliative_care_cn");
    assert_eq!(trainee.enrolled_on.to_string(), "2024-04-08");
    assert!(!trainee.tuition_completed_in_year && !trainee.certified);
    assert_eq!(trainee.cost(CostItem::Item(ItemId::Tuition)), Some(Yen::ZERO));
}

#[test]
fn a_new_trainee_needs_her_name_qualification_and_course_dates() {
    let mut case = case();
    let error = apply(&mut case, &add("", "palliative_care_cn", "2024-04-01", "2025-03-31")).unwrap_err();
    assert_eq!(error.path, "trainees[1].name");
    let error = apply(&mut case, &add("看護 次郎", "", "2024-04-01", "2025-03-31")).unwrap_err();
    assert_eq!(error.path, "trainees[1].qualification");
    let error = apply(&mut case, &add("看護 次郎", "palliative_care_cn", "", "2025-03-31")).unwrap_err();
    assert_eq!(error.path, "trainees[1].enrolled_on");
    assert_eq!(case.trainees.len(), 1, "nothing was added");
}

#[test]
fn amounts_are_read_as_typed_in_full_width_with_commas() {
    let mut case = case();
    let change = apply(&mut case, &set(cost(ItemId::Tuition), "９００，０００円")).unwrap();
    assert_eq!(change, Change::TraineeCost { index: 0, item: CostItem::Item(ItemId::Tuition) });
    assert_eq!(case.trainees[0].tuition, Yen::new(900_000));
    apply(&mut case, &set(TraineeField::Cost(CostItem::OTHER_COSTS), "")).unwrap();
    assert_eq!(case.trainees[0].other_costs, Yen::ZERO, "a cleared amount is 0円");
}

#[test]
fn a_refused_amount_names_its_field_and_changes_nothing() {
    let mut case = case();
    apply(&mut case, &set(cost(ItemId::Tuition), "900000")).unwrap();
    let before = case.clone();
    let error = apply(&mut case, &set(cost(ItemId::Tuition), "九十万")).unwrap_err();
    assert_eq!(error.path, "trainees[0].tuition");
    assert!(error.message.contains("数字で入力"), "{}", error.message);
    let error = apply(&mut case, &set(cost(ItemId::Tuition), "20000000000")).unwrap_err();
    assert!(error.message.contains("1,000,000,000円まで"), "{}", error.message);
    assert_eq!(case, before);
}

#[test]
fn dates_accept_wareki_and_refuse_an_end_before_the_start() {
    let mut case = case();
    apply(&mut case, &set(profile(ProfileField::EnrolledOn), "R6.4.10")).unwrap();
    assert_eq!(case.trainees[0].enrolled_on.to_string(), "2024-04-10");
    let error = apply(&mut case, &set(profile(ProfileField::CourseEndsOn), "R6.4.1")).unwrap_err();
    assert_eq!(error.path, "trainees[0].course_ends_on");
    assert!(error.message.contains("入学日"), "{}", error.message);
    assert_eq!(case.trainees[0].course_ends_on.to_string(), "2025-03-14");
}

#[test]
fn the_exam_year_is_read_in_wareki_and_never_before_the_course() {
    let mut case = case();
    for typed in ["令和7年度", "R7", "２０２５"] {
        apply(&mut case, &set(profile(ProfileField::ExamFiscalYear), typed)).unwrap();
        assert_eq!(case.trainees[0].exam_fiscal_year, Some(FiscalYear::new(2025)), "{typed}");
    }
    let error = apply(&mut case, &set(profile(ProfileField::ExamFiscalYear), "2023")).unwrap_err();
    assert_eq!(error.path, "trainees[0].exam_fiscal_year");
    assert!(error.message.contains("入学した年度"), "{}", error.message);
    apply(&mut case, &set(profile(ProfileField::ExamFiscalYear), "")).unwrap();
    assert_eq!(case.trainees[0].exam_fiscal_year, None);
}

#[test]
fn switching_to_months_offers_the_months_of_the_course_in_the_year() {
    let mut case = case();
    apply(&mut case, &CaseEdit::SetSalaryMonthly { index: 0, monthly: true }).unwrap();
    let months: Vec<String> = case.trainees[0].salary_months.iter().map(|m| m.month.to_string()).collect();
    assert_eq!(months.len(), 12);
    assert_eq!(months.first().map(String::as_str), Some("2024-04"));
    assert!(apply(&mut case, &set(cost(ItemId::Salary), "1")).is_err(), "a yearly amount beside months");
}

#[test]
fn switching_back_to_a_yearly_amount_keeps_what_the_months_counted() {
    let mut case = case();
    apply(&mut case, &CaseEdit::SetSalaryMonthly { index: 0, monthly: true }).unwrap();
    for (m, amount) in [(5, "300,000"), (6, "２８０，０００")] {
        apply(&mut case, &CaseEdit::SetSalaryMonth { index: 0, month: month(2024, m), text: amount.into() }).unwrap();
    }
    apply(&mut case, &CaseEdit::SetSalaryMonthly { index: 0, monthly: false }).unwrap();
    assert!(case.trainees[0].salary_months.is_empty());
    assert_eq!(case.trainees[0].salary, Yen::new(580_000));
}

#[test]
fn a_month_can_be_removed_and_months_stay_in_calendar_order() {
    let mut case = case();
    apply(&mut case, &CaseEdit::SetSalaryMonthly { index: 0, monthly: true }).unwrap();
    apply(&mut case, &CaseEdit::SetSalaryMonth { index: 0, month: month(2024, 4), text: String::new() }).unwrap();
    assert!(!case.trainees[0].salary_months.iter().any(|m| m.month == month(2024, 4)));
    apply(&mut case, &CaseEdit::SetSalaryMonth { index: 0, month: month(2024, 4), text: "1".into() }).unwrap();
    let months: Vec<YearMonth> = case.trainees[0].salary_months.iter().map(|m| m.month).collect();
    let mut sorted = months.clone();
    sorted.sort();
    assert_eq!(months, sorted);
}

#[test]
fn the_course_can_move_after_months_were_entered() {
    let mut case = case();
    apply(&mut case, &CaseEdit::SetSalaryMonthly { index: 0, monthly: true }).unwrap();
    apply(&mut case, &CaseEdit::SetSalaryMonth { index: 0, month: month(2024, 5), text: "300000".into() }).unwrap();
    // The course now starts in June: the empty April goes, May keeps its amount (and the 算定 says it does
    // not count), the rest of the year is still offered.
    let change = apply(&mut case, &set(profile(ProfileField::EnrolledOn), "令和6年6月1日")).unwrap();
    assert_eq!(change, Change::TraineeCourse { index: 0 });
    let months: Vec<String> = case.trainees[0].salary_months.iter().map(|m| m.month.to_string()).collect();
    assert_eq!(months.first().map(String::as_str), Some("2024-05"));
    assert!(!months.contains(&"2024-04".to_string()));
    assert!(months.contains(&"2024-06".to_string()));
    // And back: April is offered again.
    apply(&mut case, &set(profile(ProfileField::EnrolledOn), "令和6年4月8日")).unwrap();
    assert!(case.trainees[0].salary_months.iter().any(|m| m.month == month(2024, 4)));
}

#[test]
fn a_month_that_does_not_count_is_not_folded_silently_into_a_yearly_amount() {
    let mut case = case();
    apply(&mut case, &CaseEdit::SetSalaryMonthly { index: 0, monthly: true }).unwrap();
    apply(&mut case, &CaseEdit::SetSalaryMonth { index: 0, month: month(2025, 4), text: "300000".into() }).unwrap();
    let error = apply(&mut case, &CaseEdit::SetSalaryMonthly { index: 0, monthly: false }).unwrap_err();
    assert!(error.message.contains("令和7年4月"), "{}", error.message);
}

#[test]
fn flags_and_prior_items_are_typed() {
    let mut case = case();
    apply(&mut case, &set(TraineeField::Flag(FlagId::Certified), "true")).unwrap();
    assert!(case.trainees[0].certified);
    apply(&mut case, &CaseEdit::SetPriorItem { index: 0, item: ItemId::ExamFee, claimed: true }).unwrap();
    apply(&mut case, &CaseEdit::SetPriorItem { index: 0, item: ItemId::Admission, claimed: true }).unwrap();
    assert_eq!(case.trainees[0].prior_items, [ItemId::Admission, ItemId::ExamFee], "in the program's order");
    let error =
        apply(&mut case, &CaseEdit::SetPriorItem { index: 0, item: ItemId::Tuition, claimed: true }).unwrap_err();
    assert!(error.message.contains("受講料"), "{}", error.message);
}

#[test]
fn hospital_fields_are_kept_and_a_blank_contact_disappears() {
    let mut case = case();
    let field = |field, text: &str| CaseEdit::SetHospital { field, text: text.into() };
    apply(&mut case, &field(HospitalField::Beds, "１２０床")).unwrap();
    assert_eq!(case.hospital.beds, Some(120));
    apply(&mut case, &field(HospitalField::PrefectureCode, "１３")).unwrap();
    assert_eq!(case.hospital.prefecture_code.as_deref(), Some("13"));
    apply(&mut case, &field(HospitalField::ContactName, "東京 花子")).unwrap();
    apply(&mut case, &field(HospitalField::ContactName, "")).unwrap();
    assert_eq!(case.hospital.contact, None);
    assert_eq!(
        apply(&mut case, &field(HospitalField::ContactEmail, "kango")).unwrap_err().path,
        "hospital.contact.email"
    );
    assert!(apply(&mut case, &field(HospitalField::Name, " ")).is_err());
    assert!(apply(&mut case, &field(HospitalField::Address, &"区".repeat(300))).is_err(), "longer than a cell allows");
}

#[test]
fn filings_are_kept_verbatim_not_twice_and_come_back_where_they_were() {
    let mut case = case();
    let filing =
        |symbol: &str| CaseEdit::AddFiling { symbol: symbol.into(), number: String::new(), since: String::new() };
    apply(
        &mut case,
        &CaseEdit::AddFiling {
            symbol: "地包ケア１".into(), number: "第19号".into(), since: "令和4年10月1日".into()
        },
    )
    .unwrap();
    apply(&mut case, &filing("がん疼")).unwrap();
    assert_eq!(case.hospital.filings[0].since.map(|d| d.to_string()).as_deref(), Some("2022-10-01"));
    assert!(apply(&mut case, &filing("地包ケア１")).is_err());
    let removed = case.hospital.filings[0].clone();
    apply(&mut case, &CaseEdit::RemoveFiling { index: 0 }).unwrap();
    apply(&mut case, &CaseEdit::RestoreFiling { index: 0, filing: removed.clone() }).unwrap();
    assert_eq!(case.hospital.filings[0], removed);
}

#[test]
fn a_removed_trainee_comes_back_with_all_her_amounts() {
    let mut case = case();
    apply(&mut case, &set(cost(ItemId::Tuition), "900000")).unwrap();
    let before = case.clone();
    let removed = Box::new(case.trainees[0].clone());
    assert_eq!(apply(&mut case, &CaseEdit::RemoveTrainee { index: 0 }).unwrap(), Change::TraineeRemoved { index: 0 });
    assert!(case.trainees.is_empty());
    apply(&mut case, &CaseEdit::RestoreTrainee { index: 0, trainee: removed }).unwrap();
    assert_eq!(case, before);
}

#[test]
fn an_edit_of_a_trainee_who_is_gone_is_refused_by_name() {
    let mut case = case();
    let error = apply(&mut case, &CaseEdit::SetTrainee { index: 5, field: cost(ItemId::Tuition), text: "1".into() })
        .unwrap_err();
    assert!(error.message.contains("もういません"), "{}", error.message);
}

#[test]
fn edits_travel_as_json_with_their_kind() {
    let edit = CaseEdit::SetTrainee { index: 1, field: cost(ItemId::ExamFee), text: "20000".into() };
    let json = serde_json::to_value(&edit).unwrap();
    assert_eq!(json, serde_json::json!({"kind": "set_trainee", "index": 1, "field": "exam_fee", "text": "20000"}));
    assert_eq!(serde_json::from_value::<CaseEdit>(json).unwrap(), edit);
}

fn training_case() -> Case {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/kanwa-training/keyaki-hospital.json");
    crate::case::parse_case(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn a_training_is_added_with_its_name_and_date_and_edited_as_typed() {
    let mut case = training_case();
    apply(&mut case, &CaseEdit::AddTraining { title: "第2回 緩和ケア研修会".into(), held_on: "令和7年2月8日".into() })
        .unwrap();
    let set = |field, text: &str| CaseEdit::SetTraining { index: 1, field, text: text.into() };
    apply(&mut case, &set(TrainingField::PlannedParticipants, "２４人")).unwrap();
    apply(&mut case, &set(TrainingField::FollowsGuideline, "true")).unwrap();
    assert_eq!(case.trainings[1].planned_participants, 24);
    assert!(case.trainings[1].follows_guideline);
    let error = apply(&mut case, &set(TrainingField::HeldOn, "来月")).unwrap_err();
    assert_eq!(error.path, "trainings[1].held_on");
    apply(&mut case, &CaseEdit::RemoveTraining { index: 1 }).unwrap();
    assert_eq!(case.trainings.len(), 1);
}

#[test]
fn a_working_line_decides_its_items_amount() {
    let mut case = training_case();
    let line =
        |index, field, text: &str| CaseEdit::SetWorkingLine { item: ItemId::Venue, index, field, text: text.into() };
    apply(&mut case, &line(0, WorkingField::Description, "会議室借上")).unwrap();
    apply(&mut case, &line(0, WorkingField::UnitPrice, "２５，０００")).unwrap();
    apply(&mut case, &line(0, WorkingField::Quantity, "2回")).unwrap();
    assert_eq!(case.costs[&ItemId::Venue], Yen::new(50_000));
    let error =
        apply(&mut case, &CaseEdit::SetCost { item: CostItem::Item(ItemId::Venue), text: "1".into() }).unwrap_err();
    assert!(error.message.contains("積算内訳"), "{}", error.message);
    apply(&mut case, &CaseEdit::RemoveWorkingLine { item: ItemId::Venue, index: 0 }).unwrap();
    apply(&mut case, &CaseEdit::SetCost { item: CostItem::Item(ItemId::Venue), text: "30000".into() }).unwrap();
    assert_eq!(case.costs[&ItemId::Venue], Yen::new(30_000));
    let error =
        apply(&mut case, &CaseEdit::SetCost { item: CostItem::Item(ItemId::Tuition), text: "1".into() }).unwrap_err();
    assert_eq!(error.path, "costs.tuition");
}

#[test]
fn a_removed_training_or_line_comes_back_where_it_was() {
    let mut case = training_case();
    let removed = case.trainings[0].clone();
    apply(&mut case, &CaseEdit::AddTraining { title: "第2回".into(), held_on: "R7.2.8".into() }).unwrap();
    apply(&mut case, &CaseEdit::RemoveTraining { index: 0 }).unwrap();
    apply(&mut case, &CaseEdit::RestoreTraining { index: 0, training: removed.clone() }).unwrap();
    assert_eq!(case.trainings[0], removed);
    assert_eq!(case.trainings[1].title, "第2回");

    let before = case.costs[&ItemId::LecturerFee];
    let line = case.workings[&ItemId::LecturerFee][0].clone();
    apply(&mut case, &CaseEdit::RemoveWorkingLine { item: ItemId::LecturerFee, index: 0 }).unwrap();
    assert_eq!(case.costs[&ItemId::LecturerFee], before - line.amount());
    apply(&mut case, &CaseEdit::RestoreWorkingLine { item: ItemId::LecturerFee, index: 0, line: line.clone() })
        .unwrap();
    assert_eq!(case.workings[&ItemId::LecturerFee][0], line);
    assert_eq!(case.costs[&ItemId::LecturerFee], before);
}

/// #9 polish: a field left blank is named the same way everywhere (「…が入力されていません」, as the review says),
/// never 「…が空です」 beside it.
#[test]
fn a_blank_field_is_worded_as_the_review_words_it() {
    let mut case = case();
    let blank_name = CaseEdit::SetHospital { field: HospitalField::Name, text: " ".to_string() };
    apply(&mut case, &add("看護 花子", "palliative_care_cn", "R6.4.1", "R7.3.31")).unwrap();
    for edit in [blank_name, set(profile(ProfileField::EnrolledOn), "")] {
        let error = apply(&mut case, &edit).unwrap_err();
        assert!(error.message.contains("が入力されていません"), "{edit:?}: {}", error.message);
        assert!(!error.message.contains("空です"), "{}", error.message);
    }
}
