//! The database as the app uses it: a case in, the same case out; edits checked before they are written, each
//! in the history.

use std::path::PathBuf;

use chrono::NaiveDate;
use hojo::case::{Case, SalaryKind, parse_case};
use hojo::fiscal_year::{FiscalYear, YearMonth};
use hojo::lifecycle::LifecycleStep;
use hojo::money::Yen;
use hojo::program::ItemId;
use hojo::store::{
    ApplicationStatus, ClaimFlags, CostInput, CostItem, Editor, ImportMode, SalaryMonthInput, Store, StoreError,
    TraineeProfile,
};

fn examples() -> Vec<(PathBuf, Case)> {
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "json") {
            let case = parse_case(&std::fs::read(&path).unwrap()).unwrap();
            cases.push((path, case));
        }
    }
    assert!(!cases.is_empty());
    cases
}

fn fresh() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("hojo.sqlite3")).unwrap();
    (dir, store)
}

fn sakura() -> Case {
    parse_case(include_bytes!("../examples/sakura-hospital.json")).unwrap()
}

const ADMIN: Editor = Editor::Administrator;

#[test]
fn every_example_comes_back_as_the_same_case() {
    for (path, case) in examples() {
        let (_dir, mut store) = fresh();
        let outcome = store.import_case(&ADMIN, &case, ImportMode::New).unwrap();
        assert_eq!(store.load_case(outcome.application_id).unwrap(), case, "{}", path.display());
    }
}

#[test]
fn a_case_with_salary_months_empty_contact_and_several_trainees_round_trips_with_months_in_calendar_order() {
    let mut case = sakura();
    case.hospital.contact = Some(Default::default());
    case.hospital.filings.clear();
    let mut second = case.trainees[0].clone();
    second.name = "看護 次郎".into();
    second.salary = Yen::ZERO;
    second.salary_kind = SalaryKind::Substitute;
    second.salary_months = vec![
        hojo::case::SalaryMonth { month: YearMonth::new(2024, 5).unwrap(), amount: Yen::new(280_000) },
        hojo::case::SalaryMonth { month: YearMonth::new(2024, 4).unwrap(), amount: Yen::new(300_000) },
    ];
    second.prior_items = vec![ItemId::Admission];
    second.prior_years_standard_used = Yen::new(1_200_000);
    second.certified = true;
    // Same name twice: two different nurses.
    let mut third = case.trainees[0].clone();
    third.tuition = Yen::new(1);
    case.trainees.push(second);
    case.trainees.push(third);
    let (_dir, mut store) = fresh();
    let outcome = store.import_case(&ADMIN, &case, ImportMode::New).unwrap();
    let loaded = store.load_case(outcome.application_id).unwrap();
    let months: Vec<String> = loaded.trainees[1].salary_months.iter().map(|m| m.month.to_string()).collect();
    assert_eq!(months, ["2024-04", "2024-05"], "months come back in calendar order, however they were entered");
    case.normalize();
    assert_eq!(loaded, case);
}

#[test]
fn importing_the_same_year_again_is_refused_unless_replacing() {
    let (_dir, mut store) = fresh();
    let case = sakura();
    store.import_case(&ADMIN, &case, ImportMode::New).unwrap();
    let error = store.import_case(&ADMIN, &case, ImportMode::New).unwrap_err();
    assert!(matches!(error, StoreError::Conflict(_)), "{error}");
    let mut changed = case.clone();
    changed.trainees[0].tuition = Yen::new(800_000);
    let outcome = store.import_case(&ADMIN, &changed, ImportMode::Replace).unwrap();
    assert!(outcome.replaced);
    assert_eq!(store.load_case(outcome.application_id).unwrap(), changed);
    // One hospital, one nurse: the replacement matched them rather than adding copies.
    assert_eq!(store.hospitals().unwrap().len(), 1);
    assert_eq!(store.courses(outcome.hospital_id).unwrap().len(), 1);
}

#[test]
fn an_invalid_case_writes_nothing() {
    let (_dir, mut store) = fresh();
    let mut case = sakura();
    case.trainees[0].tuition = Yen::new(-1);
    let error = store.import_case(&ADMIN, &case, ImportMode::New).unwrap_err();
    assert!(error.to_string().contains("trainees[0].tuition"), "{error}");
    assert!(store.hospitals().unwrap().is_empty());
}

fn one_trainee() -> (tempfile::TempDir, Store, hojo::store::ApplicationId, hojo::store::ClaimId) {
    let (dir, mut store) = fresh();
    let outcome = store.import_case(&ADMIN, &sakura(), ImportMode::New).unwrap();
    let claim = store.trainees(outcome.application_id).unwrap()[0].id;
    (dir, store, outcome.application_id, claim)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn cost_entries_sum_into_the_case_and_are_in_the_history() {
    let (_dir, mut store, application, claim) = one_trainee();
    let nurse = Editor::Nurse("看護 花子".into());
    let receipt = CostInput {
        item: CostItem::Item(ItemId::Tuition),
        amount: Yen::new(50_000),
        paid_on: Some(date(2024, 10, 1)),
        memo: Some("後期分".into()),
    };
    let id = store.add_cost(&nurse, claim, &receipt).unwrap();
    assert_eq!(store.load_case(application).unwrap().trainees[0].tuition, Yen::new(950_000));
    store.update_cost(&nurse, id, &CostInput { amount: Yen::new(60_000), ..receipt.clone() }).unwrap();
    assert_eq!(store.load_case(application).unwrap().trainees[0].tuition, Yen::new(960_000));
    store.remove_cost(&ADMIN, id).unwrap();
    assert_eq!(store.load_case(application).unwrap().trainees[0].tuition, Yen::new(900_000));
    let hospital = store.application(application).unwrap().hospital_id;
    let history = store.history(hospital, 10).unwrap();
    assert_eq!(history[0].editor, ADMIN);
    assert_eq!(history[0].new_value, None);
    assert_eq!(history[1].editor, nurse);
    assert!(history[1].old_value.as_deref().unwrap().contains("50,000円"), "{:?}", history[1]);
    assert!(history[1].new_value.as_deref().unwrap().contains("60,000円"));
}

#[test]
fn a_negative_amount_is_refused_naming_the_field() {
    let (_dir, mut store, application, claim) = one_trainee();
    let before = store.load_case(application).unwrap();
    let error = store
        .add_cost(
            &ADMIN,
            claim,
            &CostInput { item: CostItem::Item(ItemId::Admission), amount: Yen::new(-5), paid_on: None, memo: None },
        )
        .unwrap_err();
    match &error {
        StoreError::Invalid { field, .. } => assert_eq!(*field, "amount"),
        other => panic!("{other}"),
    }
    assert!(error.to_string().starts_with("金額: "), "{error}");
    assert_eq!(store.load_case(application).unwrap(), before);
}

#[test]
fn salary_months_are_kept_as_entered_once_and_not_beside_a_lump_sum() {
    let (_dir, mut store, application, claim) = one_trainee();
    let april = SalaryMonthInput { month: YearMonth::new(2024, 4).unwrap(), amount: Yen::new(300_000), memo: None };
    // The example gives 人件費 as one amount: months are refused until it is removed.
    let error = store.add_salary_month(&ADMIN, claim, &april).unwrap_err();
    assert!(matches!(error, StoreError::Invalid { field: "month", .. }), "{error}");
    let lump =
        store.costs(claim).unwrap().into_iter().find(|cost| cost.item == CostItem::Item(ItemId::Salary)).unwrap();
    store.remove_cost(&ADMIN, lump.id).unwrap();
    store.add_salary_month(&ADMIN, claim, &april).unwrap();
    // The course ends 2025-03-14 and the 年度 with March: April 2025 is outside both. A case file may hold
    // such a month, so the database does too; the 算定 does not count it and says so.
    let outside = SalaryMonthInput { month: YearMonth::new(2025, 4).unwrap(), ..april.clone() };
    store.add_salary_month(&ADMIN, claim, &outside).unwrap();
    // The same month twice is refused.
    assert!(store.add_salary_month(&ADMIN, claim, &april).is_err());
    let case = store.load_case(application).unwrap();
    assert_eq!(case.trainees[0].salary_months.len(), 2);
    assert_eq!(case.trainees[0].salary, Yen::ZERO);
    let row = &hojo::calc::calculate(&case).unwrap().rows[0];
    assert_eq!(row.items.iter().find(|item| item.item == ItemId::Salary).unwrap().amount, Yen::new(300_000));
    assert!(row.warnings.iter().any(|warning| warning.contains("令和7年4月")), "{:?}", row.warnings);
}

#[test]
fn a_course_shortened_past_a_salary_month_keeps_the_month_and_stops_counting_it() {
    let (_dir, mut store, application, claim) = one_trainee();
    let lump =
        store.costs(claim).unwrap().into_iter().find(|cost| cost.item == CostItem::Item(ItemId::Salary)).unwrap();
    store.remove_cost(&ADMIN, lump.id).unwrap();
    let march = SalaryMonthInput { month: YearMonth::new(2025, 3).unwrap(), amount: Yen::new(300_000), memo: None };
    store.add_salary_month(&ADMIN, claim, &march).unwrap();
    let mut profile = TraineeProfile::of(&store.trainee(claim).unwrap().trainee);
    profile.course_ends_on = date(2025, 2, 28);
    store.update_trainee(&ADMIN, claim, &profile).unwrap();
    let case = store.load_case(application).unwrap();
    assert_eq!(case.trainees[0].salary_months.len(), 1, "nothing entered is lost");
    let row = &hojo::calc::calculate(&case).unwrap().rows[0];
    assert!(row.warnings.iter().any(|warning| warning.contains("令和7年3月")), "{:?}", row.warnings);
}

#[test]
fn every_example_survives_a_nurses_costs_export_and_import() {
    // The nurse's cost sheet carries what the database holds, and reads back: also the months outside the
    // course of examples/substitute-by-month.json.
    for (path, case) in examples() {
        let (_dir, mut store) = fresh();
        let application = store.import_case(&ADMIN, &case, ImportMode::New).unwrap().application_id;
        for view in store.trainees(application).unwrap() {
            let file = store.export_trainee_costs(view.id).unwrap();
            let text = serde_json::to_string(&file).unwrap();
            let file = hojo::store::parse_trainee_costs(text.as_bytes()).unwrap();
            store
                .import_trainee_costs(&ADMIN, application, &file)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
        assert_eq!(store.load_case(application).unwrap(), case, "{}", path.display());
    }
}

#[test]
fn a_course_of_another_hospital_cannot_join_an_application() {
    let (_dir, mut store) = fresh();
    let sakura_outcome = store.import_case(&ADMIN, &sakura(), ImportMode::New).unwrap();
    let mut other = sakura();
    other.hospital.name = "東京みどり病院".into();
    other.trainees.clear();
    let other_outcome = store.import_case(&ADMIN, &other, ImportMode::New).unwrap();
    let course = store.courses(sakura_outcome.hospital_id).unwrap()[0].id;
    let error = store.add_course_to_application(&ADMIN, other_outcome.application_id, course).unwrap_err();
    assert!(error.to_string().contains("別の病院"), "{error}");
    assert!(store.trainees(other_outcome.application_id).unwrap().is_empty());
}

#[test]
fn a_trainee_carries_into_the_next_year() {
    let (_dir, mut store, application, _claim) = one_trainee();
    let hospital = store.application(application).unwrap().hospital_id;
    let next = store.start_application(&ADMIN, hospital, "kanwa-nurse", FiscalYear::new(2025)).unwrap();
    let course = store.courses(hospital).unwrap()[0].id;
    let claim = store.add_course_to_application(&ADMIN, next, course).unwrap();
    let case = store.load_case(next).unwrap();
    assert_eq!(case.trainees[0].name, "看護 花子");
    assert_eq!(case.trainees[0].tuition, Yen::ZERO);
    store.set_flags(&ADMIN, claim, ClaimFlags { tuition_completed_in_year: true, certified: true }).unwrap();
    assert!(store.load_case(next).unwrap().trainees[0].certified);
    // The earlier 年度 is untouched.
    assert!(!store.load_case(application).unwrap().trainees[0].certified);
}

#[test]
fn trainees_are_added_updated_and_removed() {
    let (_dir, mut store, application, first) = one_trainee();
    let profile = TraineeProfile {
        name: "緩和 桜".into(),
        qualification: "palliative_care_cn".into(),
        institution: None,
        exam_fiscal_year: None,
        enrolled_on: date(2024, 6, 1),
        course_ends_on: date(2025, 1, 31),
        course_status: Default::default(),
        salary_kind: SalaryKind::Trainee,
        prior_years_standard_used: Yen::ZERO,
        prior_items: vec![],
    };
    let claim = store.add_trainee(&ADMIN, application, &profile).unwrap();
    let renamed = TraineeProfile { name: "緩和 さくら".into(), ..profile.clone() };
    store.update_trainee(&ADMIN, claim, &renamed).unwrap();
    let names: Vec<String> = store.load_case(application).unwrap().trainees.into_iter().map(|t| t.name).collect();
    assert_eq!(names, ["看護 花子", "緩和 さくら"]);
    let blank = TraineeProfile { name: " ".into(), ..profile.clone() };
    assert!(matches!(store.update_trainee(&ADMIN, claim, &blank), Err(StoreError::Invalid { field: "name", .. })));
    store.remove_trainee(&ADMIN, first).unwrap();
    let names: Vec<String> = store.load_case(application).unwrap().trainees.into_iter().map(|t| t.name).collect();
    assert_eq!(names, ["緩和 さくら"]);
}

#[test]
fn the_hospital_profile_is_saved_and_checked() {
    let (_dir, mut store, application, _claim) = one_trainee();
    let hospital = store.application(application).unwrap().hospital_id;
    let mut profile = store.hospital(hospital).unwrap();
    profile.beds = Some(150);
    store.save_hospital(&ADMIN, hospital, &profile).unwrap();
    assert_eq!(store.load_case(application).unwrap().hospital.beds, Some(150));
    profile.prefecture_code = Some("99".into());
    let error = store.save_hospital(&ADMIN, hospital, &profile).unwrap_err();
    assert!(error.to_string().starts_with("都道府県コード"), "{error}");
    let history = store.history(hospital, 5).unwrap();
    assert_eq!(history[0].field, "hospital.beds");
    assert_eq!(history[0].old_value.as_deref(), Some("120床"));
}

#[test]
fn application_status_and_grant() {
    let (_dir, mut store, application, _claim) = one_trainee();
    let decision = LifecycleStep::RecordDecision {
        decided_on: "2024-07-01".into(),
        number: "6福保医地第123号".into(),
        amount: "2,325,000".into(),
    };
    let error = store.advance(&ADMIN, application, &decision).unwrap_err();
    assert!(matches!(error, StoreError::Lifecycle(_)), "a draft is submitted first: {error}");
    store.advance(&ADMIN, application, &LifecycleStep::Submit { submitted_on: "2024-06-28".into() }).unwrap();
    store.advance(&ADMIN, application, &decision).unwrap();
    let summary = store.application(application).unwrap();
    assert_eq!(summary.status, ApplicationStatus::Decided);
    assert_eq!(summary.grant_decided, Some(Yen::new(2_325_000)));
}

#[test]
fn a_costs_file_of_another_hospitals_nurse_is_refused() {
    let (_dir, mut store) = fresh();
    let sakura_outcome = store.import_case(&ADMIN, &sakura(), ImportMode::New).unwrap();
    let claim = store.trainees(sakura_outcome.application_id).unwrap()[0].id;
    let file = store.export_trainee_costs(claim).unwrap();
    let mut other = sakura();
    other.hospital.name = "東京みどり病院".into();
    let other_outcome = store.import_case(&ADMIN, &other, ImportMode::New).unwrap();
    let before = store.load_case(other_outcome.application_id).unwrap();
    let error = store.import_trainee_costs(&ADMIN, other_outcome.application_id, &file).unwrap_err();
    assert!(matches!(error, StoreError::Invalid { field: "hospital", .. }), "{error}");
    assert!(error.to_string().contains("別の病院"), "{error}");
    assert_eq!(store.load_case(other_outcome.application_id).unwrap(), before);
}

#[test]
fn a_costs_file_round_trips_and_is_checked_whole_before_writing() {
    let (_dir, mut store, application, claim) = one_trainee();
    let mut file = store.export_trainee_costs(claim).unwrap();
    let text = serde_json::to_string(&file).unwrap();
    assert_eq!(hojo::store::parse_trainee_costs(text.as_bytes()).unwrap(), file);
    let before = store.load_case(application).unwrap();
    // Months beside a lump 人件費, the same month twice: refused, nothing written.
    file.salary_months.push(SalaryMonthInput {
        month: YearMonth::new(2024, 4).unwrap(),
        amount: Yen::new(1),
        memo: None,
    });
    assert!(store.import_trainee_costs(&ADMIN, application, &file).is_err());
    file.costs.retain(|cost| cost.item != CostItem::Item(ItemId::Salary));
    file.salary_months.push(file.salary_months[0].clone());
    let error = store.import_trainee_costs(&ADMIN, application, &file).unwrap_err();
    assert!(error.to_string().contains("人件費の月"), "{error}");
    assert_eq!(store.load_case(application).unwrap(), before);
    file.salary_months.pop();
    file.entered_by = Some("看護 花子".into());
    let outcome = store.import_trainee_costs(&ADMIN, application, &file).unwrap();
    assert_eq!(outcome.salary_months, 1);
    let case = store.load_case(application).unwrap();
    assert_eq!(case.trainees[0].salary, Yen::ZERO);
    assert_eq!(case.trainees[0].salary_months.len(), 1);
    let hospital = store.application(application).unwrap().hospital_id;
    assert_eq!(store.history(hospital, 1).unwrap()[0].editor, Editor::Nurse("看護 花子".into()));
    // A file that is not one.
    let error = hojo::store::parse_trainee_costs(br#"{"format": "hojo-case/1"}"#).unwrap_err();
    assert!(!error.problems.is_empty());
}

#[test]
fn application_dates_are_saved_and_checked() {
    let (_dir, mut store, application, _claim) = one_trainee();
    store.advance(&ADMIN, application, &LifecycleStep::Submit { submitted_on: "令和6年6月28日".into() }).unwrap();
    let decision = |decided_on: &str| LifecycleStep::RecordDecision {
        decided_on: decided_on.into(),
        number: "6福保医地第123号".into(),
        amount: "1".into(),
    };
    let error = store.advance(&ADMIN, application, &decision("2024-06-01")).unwrap_err();
    assert!(matches!(&error, StoreError::Lifecycle(refused) if refused.field == "decided_on"), "{error}");
    store.advance(&ADMIN, application, &decision("R6.8.1")).unwrap();
    let dates = hojo::store::ApplicationDates {
        submitted_on: Some(date(2024, 6, 28)),
        decided_on: Some(date(2024, 8, 1)),
        decision_number: Some("6福保医地第123号".into()),
    };
    assert_eq!(store.application(application).unwrap().dates, dates);
}

#[test]
fn what_a_submitted_year_used_carries_into_the_next_year() {
    let (_dir, mut store, application, claim) = one_trainee();
    assert_eq!(store.trainee(claim).unwrap().standard_used, None, "a draft has used nothing yet");
    let selected = hojo::calc::calculate(&store.load_case(application).unwrap()).unwrap().rows[0].selected;
    store.advance(&ADMIN, application, &LifecycleStep::Submit { submitted_on: "2024-05-10".into() }).unwrap();
    assert_eq!(store.trainee(claim).unwrap().standard_used, Some(selected));

    let hospital = store.application(application).unwrap().hospital_id;
    let next = store.start_application(&ADMIN, hospital, "kanwa-nurse", FiscalYear::new(2025)).unwrap();
    let course = store.courses(hospital).unwrap()[0].id;
    let carried = store.add_course_to_application(&ADMIN, next, course).unwrap();
    let trainee = store.trainee(carried).unwrap().trainee;
    assert_eq!(trainee.prior_years_standard_used, selected);
    // 入学料 was claimed in 2024 (the example's 100,000円), so it is once-only history now.
    assert_eq!(trainee.prior_items, [ItemId::Admission]);

    // Back to 作成中: the 2024 figures are no longer counted for a trainee added later.
    store.advance(&ADMIN, application, &LifecycleStep::StepBack).unwrap();
    assert_eq!(store.trainee(claim).unwrap().standard_used, None);
}

#[test]
fn a_form_built_from_a_case_keeps_the_course_status() {
    let (_dir, mut store, application, claim) = one_trainee();
    let mut profile = TraineeProfile::of(&store.trainee(claim).unwrap().trainee);
    profile.course_status = Some(hojo::store::CourseStatus::Completed);
    store.update_trainee(&ADMIN, claim, &profile).unwrap();
    // The app edits the name through a profile made from the case, which has no status.
    let mut renamed = TraineeProfile::of(&store.trainee(claim).unwrap().trainee);
    renamed.name = "看護 はなこ".into();
    store.update_trainee(&ADMIN, claim, &renamed).unwrap();
    assert_eq!(store.trainee(claim).unwrap().course_status, hojo::store::CourseStatus::Completed);
    // Importing the case again (replacing) keeps it too.
    let case = store.load_case(application).unwrap();
    store.import_case(&ADMIN, &case, ImportMode::Replace).unwrap();
    let claim = store.trainees(application).unwrap()[0].id;
    assert_eq!(store.trainee(claim).unwrap().course_status, hojo::store::CourseStatus::Completed);
}
