//! The editing of an application through the store is the library's editing: random sequences of the edits
//! the forms send, applied to a case in memory (hojo::edit) and through the database (Store::apply_edit),
//! are accepted or refused alike and leave the same case — and a refused edit writes nothing.

use hojo::case::{Case, parse_case};
use hojo::edit::{CaseEdit, HospitalField, ProfileField, TraineeField, apply};
use hojo::fiscal_year::YearMonth;
use hojo::program::{CostItem, FlagId, ItemId};
use hojo::store::{Editor, ImportMode, Store};
use proptest::prelude::*;

fn example() -> Case {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sakura-hospital.json");
    parse_case(&std::fs::read(path).unwrap()).unwrap()
}

fn amount_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("0".to_string()),
        Just("".to_string()),
        Just("１２０，０００".to_string()),
        Just("九十万".to_string()),
        Just("-5".to_string()),
        Just("99999999999".to_string()),
        (0u32..5_000_000).prop_map(|n| n.to_string()),
    ]
}

fn date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("令和6年4月8日".to_string()),
        Just("R6.6.1".to_string()),
        Just("2025-03-14".to_string()),
        Just("2026-03-31".to_string()),
        Just("2024-02-30".to_string()),
        Just("あした".to_string()),
    ]
}

fn trainee_field() -> impl Strategy<Value = (TraineeField, BoxedStrategy<String>)> {
    let cost = |item| TraineeField::Cost(item);
    prop_oneof![
        Just((cost(CostItem::Item(ItemId::Admission)), amount_text().boxed())),
        Just((cost(CostItem::Item(ItemId::Tuition)), amount_text().boxed())),
        Just((cost(CostItem::Item(ItemId::ExamFee)), amount_text().boxed())),
        Just((cost(CostItem::Item(ItemId::Salary)), amount_text().boxed())),
        Just((cost(CostItem::OTHER_COSTS), amount_text().boxed())),
        Just((cost(CostItem::OTHER_INCOME), amount_text().boxed())),
        Just((
            TraineeField::Flag(FlagId::Certified),
            prop_oneof![Just("true".to_string()), Just("false".to_string())].boxed()
        )),
        Just((TraineeField::Profile(ProfileField::EnrolledOn), date_text().boxed())),
        Just((TraineeField::Profile(ProfileField::CourseEndsOn), date_text().boxed())),
        Just((
            TraineeField::Profile(ProfileField::ExamFiscalYear),
            prop_oneof![Just("令和7年度".to_string()), Just("2023".to_string()), Just("".to_string())].boxed()
        )),
        Just((
            TraineeField::Profile(ProfileField::Name),
            prop_oneof![Just("看護 花子".to_string()), Just("看護　次郎".to_string()), Just(" ".to_string())].boxed()
        )),
        Just((TraineeField::Profile(ProfileField::PriorYearsStandardUsed), amount_text().boxed())),
    ]
}

fn edit() -> impl Strategy<Value = CaseEdit> {
    let index = 0usize..3;
    prop_oneof![
        (index.clone(), trainee_field()).prop_flat_map(
            |(index, (field, text))| text.prop_map(move |text| CaseEdit::SetTrainee { index, field, text })
        ),
        (index.clone(), 0u32..14, amount_text()).prop_map(|(index, offset, text)| CaseEdit::SetSalaryMonth {
            index,
            month: YearMonth::new(2024 + ((3 + offset) / 12) as i32, (3 + offset) % 12 + 1).unwrap(),
            text,
        }),
        (index.clone(), any::<bool>()).prop_map(|(index, monthly)| CaseEdit::SetSalaryMonthly { index, monthly }),
        (
            index.clone(),
            proptest::sample::select(vec![ItemId::Admission, ItemId::ExamFee, ItemId::Tuition]),
            any::<bool>()
        )
            .prop_map(|(index, item, claimed)| CaseEdit::SetPriorItem { index, item, claimed }),
        Just(CaseEdit::AddTrainee {
            name: "看護 次郎".into(),
            qualification: "がん看護専門看護師".into(),
            enrolled_on: "2024-04-01".into(),
            course_ends_on: "2026-03-31".into(),
        }),
        index.clone().prop_map(|index| CaseEdit::RemoveTrainee { index }),
        (
            proptest::sample::select(vec![HospitalField::Address, HospitalField::Beds, HospitalField::ContactEmail]),
            prop_oneof![
                Just("東京都新宿区".to_string()),
                Just("１２０床".to_string()),
                Just("kango@example.jp".to_string()),
                Just("".to_string()),
                Just("abc".to_string()),
            ]
        )
            .prop_map(|(field, text)| CaseEdit::SetHospital { field, text }),
        proptest::sample::select(vec!["緩診", "地包ケア２", ""]).prop_map(|symbol| CaseEdit::AddFiling {
            symbol: symbol.into(),
            number: String::new(),
            since: String::new(),
        }),
        (0usize..3).prop_map(|index| CaseEdit::RemoveFiling { index }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn random_edits_through_the_store_give_what_the_library_gives(edits in proptest::collection::vec(edit(), 1..25)) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("hojo.sqlite3")).unwrap();
        let mut case = example();
        let application = store.import_case(&Editor::Administrator, &case, ImportMode::New).unwrap().application_id;
        let mut accepted = 0;
        for edit in &edits {
            let in_memory = apply(&mut case, edit);
            let stored = store.apply_edit(&Editor::Administrator, application, edit);
            prop_assert_eq!(in_memory.is_ok(), stored.is_ok(), "{:?}: library {:?}, store {:?}", edit, in_memory, stored);
            prop_assert_eq!(&store.load_case(application).unwrap(), &case, "after {:?}", edit);
            accepted += usize::from(in_memory.is_ok());
        }
        prop_assert!(store.check().unwrap().is_empty());
        // Most sequences change something: the comparison above is not of two untouched cases.
        prop_assume!(accepted > 0);
    }
}

#[test]
fn a_removed_trainee_put_back_is_the_same_nurse_and_course_in_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("hojo.sqlite3")).unwrap();
    let case = example();
    let application = store.import_case(&Editor::Administrator, &case, ImportMode::New).unwrap().application_id;
    let before = store.trainees(application).unwrap();
    store.apply_edit(&Editor::Administrator, application, &CaseEdit::RemoveTrainee { index: 0 }).unwrap();
    let restore = CaseEdit::RestoreTrainee { index: 0, trainee: Box::new(case.trainees[0].clone()) };
    let after = store.apply_edit(&Editor::Administrator, application, &restore).unwrap();
    assert_eq!(after, case);
    let views = store.trainees(application).unwrap();
    assert_eq!((views[0].trainee_id, views[0].course_id), (before[0].trainee_id, before[0].course_id));
}

#[test]
fn a_refused_edit_writes_nothing_and_names_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("hojo.sqlite3")).unwrap();
    let case = example();
    let application = store.import_case(&Editor::Administrator, &case, ImportMode::New).unwrap().application_id;
    let hospital = store.application(application).unwrap().hospital_id;
    let changes = store.history(hospital, 1000).unwrap().len();
    let edit = CaseEdit::SetTrainee {
        index: 0,
        field: TraineeField::Cost(CostItem::Item(ItemId::Tuition)),
        text: "九十万".into(),
    };
    match store.apply_edit(&Editor::Administrator, application, &edit) {
        Err(hojo::store::StoreError::Edit(error)) => assert_eq!(error.path, "trainees[0].tuition"),
        other => panic!("{other:?}"),
    }
    assert_eq!(store.load_case(application).unwrap(), case);
    assert_eq!(store.history(hospital, 1000).unwrap().len(), changes, "no history entry for a refused edit");
}
