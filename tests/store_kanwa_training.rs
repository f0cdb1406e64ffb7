//! The 都's second program (kanwa-training, the hospital is the one row) in the database: its case in, the same
//! case out; the library's edits of its 研修会, costs and 積算内訳 through the store give what the library
//! gives; a hospital holds applications of both programs, in one 年度 and in another; its 状態 moves without a
//! trainee's cap.

use hojo::case::{Case, Hospital, parse_case};
use hojo::edit::{CaseEdit, TrainingField, WorkingField, apply};
use hojo::fiscal_year::FiscalYear;
use hojo::lifecycle::LifecycleStep;
use hojo::money::Yen;
use hojo::program::{CostItem, ItemId};
use hojo::store::{ApplicationStatus, Editor, ImportMode, Store};
use proptest::prelude::*;

const ADMIN: Editor = Editor::Administrator;

fn example(path: &str) -> Case {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(path);
    parse_case(&std::fs::read(path).unwrap()).unwrap()
}

fn keyaki() -> Case {
    example("kanwa-training/keyaki-hospital.json")
}

fn fresh() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("hojo.sqlite3")).unwrap();
    (dir, store)
}

#[test]
fn the_example_comes_back_exactly() {
    let (_dir, mut store) = fresh();
    let case = keyaki();
    assert!(!case.trainings.is_empty() && !case.workings.is_empty(), "the example exercises the tables");
    let outcome = store.import_case(&ADMIN, &case, ImportMode::New).unwrap();
    assert_eq!(store.load_case(outcome.application_id).unwrap(), case);
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn replacing_gives_the_new_form_and_nothing_of_the_old() {
    let (_dir, mut store) = fresh();
    let case = keyaki();
    store.import_case(&ADMIN, &case, ImportMode::New).unwrap();
    let mut changed = case.clone();
    changed.trainings.truncate(1);
    changed.workings.clear();
    changed.costs = [(ItemId::Venue, Yen::new(50_000))].into();
    changed.other_income = Yen::ZERO;
    changed.hospital.designated_cooperating_hospital = Some(false);
    let outcome = store.import_case(&ADMIN, &changed, ImportMode::Replace).unwrap();
    assert!(outcome.replaced);
    assert_eq!(store.load_case(outcome.application_id).unwrap(), changed);
}

#[test]
fn one_hospital_holds_both_programs_in_one_year_and_another() {
    let (_dir, mut store) = fresh();
    let nurse = example("sakura-hospital.json");
    // The same hospital holds a 研修会: its profile is the hospital's (K1 declared), the 年度 the nurse case's.
    let mut training = keyaki();
    training.hospital = Hospital { designated_cooperating_hospital: Some(true), ..nurse.hospital.clone() };
    training.fiscal_year = nurse.fiscal_year;
    for held in &mut training.trainings {
        held.held_on = nurse.fiscal_year.first_day() + chrono::Days::new(100);
    }
    let mut later = training.clone();
    later.fiscal_year = FiscalYear::new(nurse.fiscal_year.starting_year() + 1);
    for held in &mut later.trainings {
        held.held_on = later.fiscal_year.first_day() + chrono::Days::new(100);
    }
    let first = store.import_case(&ADMIN, &nurse, ImportMode::New).unwrap();
    let second = store.import_case(&ADMIN, &training, ImportMode::New).unwrap();
    let third = store.import_case(&ADMIN, &later, ImportMode::New).unwrap();
    assert_eq!(first.hospital_id, second.hospital_id);
    assert_eq!(first.hospital_id, third.hospital_id);
    assert_eq!(store.hospitals().unwrap().len(), 1);
    assert_eq!(store.applications(first.hospital_id).unwrap().len(), 3);
    let hospital = training.hospital.clone();
    let nurse_back = store.case_for_year(first.hospital_id, "kanwa-nurse", nurse.fiscal_year).unwrap();
    assert_eq!(nurse_back, Case { hospital: hospital.clone(), ..nurse.clone() });
    assert!(nurse_back.trainings.is_empty() && nurse_back.costs.is_empty());
    let training_back = store.case_for_year(first.hospital_id, "kanwa-training", training.fiscal_year).unwrap();
    assert_eq!(training_back, training);
    assert!(training_back.trainees.is_empty());
    assert_eq!(store.case_for_year(first.hospital_id, "kanwa-training", later.fiscal_year).unwrap(), later);
    // An edit of one program's application leaves the other's alone.
    let edit = CaseEdit::SetCost { item: CostItem::OTHER_INCOME, text: "12,000".into() };
    store.apply_edit(&ADMIN, second.application_id, &edit).unwrap();
    assert_eq!(store.load_case(first.application_id).unwrap(), Case { hospital: hospital.clone(), ..nurse });
    assert_eq!(store.load_case(third.application_id).unwrap(), later);
}

#[test]
fn its_status_moves_with_nothing_counted_toward_a_trainees_cap() {
    let (_dir, mut store) = fresh();
    let case = keyaki();
    let application = store.import_case(&ADMIN, &case, ImportMode::New).unwrap().application_id;
    let steps = [
        LifecycleStep::Submit { submitted_on: "2024-05-10".into() },
        LifecycleStep::RecordDecision {
            decided_on: "2024-07-01".into(),
            number: "6保医政第1号".into(),
            amount: "1,000,000".into(),
        },
        LifecycleStep::StepBack,
        LifecycleStep::StepBack,
    ];
    for step in steps {
        store.advance(&ADMIN, application, &step).unwrap();
        assert_eq!(store.load_case(application).unwrap(), case, "{step:?}");
    }
    assert_eq!(store.application(application).unwrap().status, ApplicationStatus::Draft);
}

#[test]
fn an_edit_is_in_the_history_and_a_refused_one_writes_nothing() {
    let (_dir, mut store) = fresh();
    let case = keyaki();
    let application = store.import_case(&ADMIN, &case, ImportMode::New).unwrap().application_id;
    let hospital = store.application(application).unwrap().hospital_id;
    let imported = format!("ケースファイルから読み込み（研修会{}件）", case.trainings.len());
    assert!(store.history(hospital, 1000).unwrap().iter().any(|change| change.new_value.as_ref() == Some(&imported)));
    let changes = store.history(hospital, 1000).unwrap().len();
    let edit = CaseEdit::SetTraining { index: 0, field: TrainingField::Venue, text: "けやきホール".into() };
    let after = store.apply_edit(&ADMIN, application, &edit).unwrap();
    assert_eq!(after.trainings[0].venue.as_deref(), Some("けやきホール"));
    let history = store.history(hospital, 1000).unwrap();
    assert_eq!(history.len(), changes + 1);
    assert!(history.iter().any(|change| change.new_value.as_deref().is_some_and(|new| new.contains("けやきホール"))));
    let refused = CaseEdit::SetTraining { index: 0, field: TrainingField::Title, text: " ".into() };
    match store.apply_edit(&ADMIN, application, &refused) {
        Err(hojo::store::StoreError::Edit(error)) => assert_eq!(error.path, "trainings[0].title"),
        other => panic!("{other:?}"),
    }
    assert_eq!(store.load_case(application).unwrap(), after);
    assert_eq!(store.history(hospital, 1000).unwrap().len(), changes + 1);
}

fn amount_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("0".to_string()),
        Just("".to_string()),
        Just("３０，０００".to_string()),
        Just("-5".to_string()),
        Just("99999999999".to_string()),
        (0u32..3_000_000).prop_map(|n| n.to_string()),
    ]
}

fn item() -> impl Strategy<Value = ItemId> {
    proptest::sample::select(vec![ItemId::LecturerFee, ItemId::Venue, ItemId::Postage, ItemId::Tuition])
}

fn training_text() -> impl Strategy<Value = (TrainingField, String)> {
    prop_oneof![
        proptest::sample::select(vec!["緩和ケア研修会", " "]).prop_map(|text| (TrainingField::Title, text.to_string())),
        proptest::sample::select(vec!["2024-11-10", "令和7年3月31日", "2025-04-01", "あした"])
            .prop_map(|text| (TrainingField::HeldOn, text.to_string())),
        proptest::sample::select(vec!["", "大会議室"]).prop_map(|text| (TrainingField::Venue, text.to_string())),
        proptest::sample::select(vec!["30", "３０人", "-1", ""])
            .prop_map(|text| (TrainingField::PlannedParticipants, text.to_string())),
        proptest::sample::select(vec!["true", "false"])
            .prop_map(|text| (TrainingField::FollowsGuideline, text.to_string())),
    ]
}

fn edit() -> impl Strategy<Value = CaseEdit> {
    prop_oneof![
        proptest::sample::select(vec!["2024-11-10", "2025-04-01", "x"]).prop_map(|held_on| CaseEdit::AddTraining {
            title: "第2回 緩和ケア研修会".into(),
            held_on: held_on.into()
        }),
        (0usize..3, training_text()).prop_map(|(index, (field, text))| CaseEdit::SetTraining { index, field, text }),
        (0usize..3).prop_map(|index| CaseEdit::RemoveTraining { index }),
        (item(), amount_text()).prop_map(|(item, text)| CaseEdit::SetCost { item: CostItem::Item(item), text }),
        amount_text().prop_map(|text| CaseEdit::SetCost { item: CostItem::OTHER_COSTS, text }),
        amount_text().prop_map(|text| CaseEdit::SetCost { item: CostItem::OTHER_INCOME, text }),
        (
            item(),
            0usize..4,
            prop_oneof![
                amount_text().prop_map(|text| (WorkingField::UnitPrice, text)),
                proptest::sample::select(vec!["4", "２人", "-1", ""])
                    .prop_map(|text| (WorkingField::Quantity, text.to_string())),
                Just((WorkingField::Description, "講師謝金".to_string())),
                Just((WorkingField::Unit, "人".to_string())),
            ]
        )
            .prop_map(|(item, index, (field, text))| CaseEdit::SetWorkingLine { item, index, field, text }),
        (item(), 0usize..4).prop_map(|(item, index)| CaseEdit::RemoveWorkingLine { item, index }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn random_edits_through_the_store_give_what_the_library_gives(edits in proptest::collection::vec(edit(), 1..25)) {
        let (_dir, mut store) = fresh();
        let mut case = keyaki();
        let application = store.import_case(&ADMIN, &case, ImportMode::New).unwrap().application_id;
        let mut accepted = 0;
        for edit in &edits {
            let in_memory = apply(&mut case, edit);
            let stored = store.apply_edit(&ADMIN, application, edit);
            prop_assert_eq!(in_memory.is_ok(), stored.is_ok(), "{:?}: library {:?}, store {:?}", edit, in_memory, stored);
            prop_assert_eq!(&store.load_case(application).unwrap(), &case, "after {:?}", edit);
            accepted += usize::from(in_memory.is_ok());
        }
        prop_assert!(store.check().unwrap().is_empty());
        prop_assume!(accepted > 0);
    }
}

#[test]
fn a_training_application_takes_no_trainee() {
    let (_dir, mut store) = fresh();
    let nurse = example("sakura-hospital.json");
    let mut training = keyaki();
    training.hospital = nurse.hospital.clone();
    let first = store.import_case(&ADMIN, &nurse, ImportMode::New).unwrap();
    let second = store.import_case(&ADMIN, &training, ImportMode::New).unwrap();
    let course = store.courses(first.hospital_id).unwrap()[0].id;
    let changes = store.history(first.hospital_id, 1000).unwrap().len();
    match store.add_course_to_application(&ADMIN, second.application_id, course) {
        Err(hojo::store::StoreError::Conflict(message)) => {
            assert!(message.contains("受講者を登録できません"), "{message}")
        }
        other => panic!("{other:?}"),
    }
    let profile = hojo::store::TraineeProfile::of(&nurse.trainees[0]);
    assert!(store.add_trainee(&ADMIN, second.application_id, &profile).is_err());
    assert_eq!(store.load_case(second.application_id).unwrap(), training);
    assert_eq!(store.history(first.hospital_id, 1000).unwrap().len(), changes);
}
