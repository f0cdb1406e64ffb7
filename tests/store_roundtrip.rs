//! Any valid case survives the database: random cases (tests/support/cases.rs) imported together into one
//! database each come back equal.

mod support;

use hojo::case::{Case, Training, WorkingLine, parse_case};
use hojo::fiscal_year::FiscalYear;
use hojo::money::Yen;
use hojo::program::ItemId;
use hojo::store::{Editor, ImportMode, MAX_AMOUNT, Store, StoreError};
use proptest::prelude::*;
use support::cases::valid_case as any_case;

/// A kanwa-training case (the hospital is the one row): the example's hospital, random 研修会, amounts by item
/// (each item with 積算内訳 amounting to their sum, some with no lines yet), other costs and income, in 令和6 or 7年度.
fn training_case() -> impl Strategy<Value = Case> {
    let items = [
        ItemId::LecturerFee,
        ItemId::LecturerTravel,
        ItemId::Venue,
        ItemId::MeetingSupplies,
        ItemId::Postage,
        ItemId::StaffCost,
    ];
    let line = ("[ぁ-ん]{0,8}", 0i64..200_000, 0u32..50, proptest::sample::select(vec!["", "人", "部", "時間"]))
        .prop_map(|(description, price, quantity, unit)| WorkingLine {
            description,
            unit_price: Yen::new(price),
            quantity,
            unit: unit.into(),
        });
    let training = ("[ぁ-ん]{1,12}", 0u64..365, proptest::option::of("[ぁ-ん]{0,6}"), 0u32..200, any::<bool>());
    let item = (proptest::option::of(0i64..3_000_000), proptest::collection::vec(line, 0..3), any::<bool>());
    (
        proptest::sample::select(vec![2024, 2025]),
        proptest::collection::vec(training, 0..3),
        proptest::collection::vec(item, 6),
        0i64..500_000,
        0i64..500_000,
        proptest::option::of(any::<bool>()),
    )
        .prop_map(move |(year, trainings, amounts, other_costs, other_income, designated)| {
            let path =
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/kanwa-training/keyaki-hospital.json");
            let mut case = parse_case(&std::fs::read(path).unwrap()).unwrap();
            case.fiscal_year = FiscalYear::new(year);
            case.hospital.designated_cooperating_hospital = designated;
            case.trainings = trainings
                .into_iter()
                .map(|(title, day, venue, planned_participants, follows_guideline)| Training {
                    title,
                    held_on: case.fiscal_year.first_day() + chrono::Days::new(day),
                    venue,
                    planned_participants,
                    follows_guideline,
                })
                .collect();
            case.costs.clear();
            case.workings.clear();
            for (item, (amount, lines, itemised)) in items.into_iter().zip(amounts) {
                if itemised {
                    // An item with a 積算内訳 amounts to its sum; one with no lines yet may list no amount.
                    if !(lines.is_empty() && amount.is_none()) {
                        case.costs.insert(item, lines.iter().map(WorkingLine::amount).sum());
                    }
                    case.workings.insert(item, lines);
                } else if let Some(amount) = amount {
                    case.costs.insert(item, Yen::new(amount));
                }
            }
            case.other_costs = Yen::new(other_costs);
            case.other_income = Yen::new(other_income);
            case
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_training_case_comes_back_unchanged_beside_the_nurse_program(case in training_case()) {
        hojo::case::validate(&case).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("hojo.sqlite3")).unwrap();
        let outcome = store.import_case(&Editor::Administrator, &case, ImportMode::New).unwrap();
        // A nurse application of the same hospital and 年度 leaves it as it was.
        let mut nurse = Case::new("kanwa-nurse", case.fiscal_year, case.hospital.clone());
        nurse.trainees.clear();
        store.import_case(&Editor::Administrator, &nurse, ImportMode::New).unwrap();
        prop_assert_eq!(store.load_case(outcome.application_id).unwrap(), case);
        prop_assert!(store.check().unwrap().is_empty());
    }

    #[test]
    fn any_valid_cases_imported_together_each_come_back_unchanged(cases in proptest::collection::vec(any_case(), 1..4)) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("hojo.sqlite3")).unwrap();
        let mut imported = Vec::new();
        for (index, mut case) in cases.into_iter().enumerate() {
            // One hospital per case: a hospital's profile is the hospital's, not the 年度's.
            case.hospital.name = format!("{}{index}", case.hospital.name);
            hojo::case::validate(&case).unwrap();
            let outcome = store.import_case(&Editor::Administrator, &case, ImportMode::New).unwrap();
            imported.push((outcome.application_id, case));
        }
        for (application, case) in imported {
            prop_assert_eq!(store.load_case(application).unwrap(), case);
        }
        prop_assert!(store.check().unwrap().is_empty());
    }

    #[test]
    fn an_amount_beyond_one_entry_is_refused_with_its_place(case in any_case(), over in 1i64..1_000_000) {
        prop_assume!(!case.trainees.is_empty());
        let mut case = case;
        case.trainees[0].tuition = Yen::new(MAX_AMOUNT.get() + over);
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("hojo.sqlite3")).unwrap();
        match store.import_case(&Editor::Administrator, &case, ImportMode::New) {
            Err(StoreError::Case(error)) => prop_assert!(error.problems.iter().any(|p| p.path == "trainees[0].tuition")),
            other => prop_assert!(false, "{other:?}"),
        }
        prop_assert!(store.hospitals().unwrap().is_empty());
    }
}
