//! Any valid case survives the database: random cases (tests/support/cases.rs) imported together into one
//! database each come back equal.

mod support;

use hojo::money::Yen;
use hojo::store::{Editor, ImportMode, MAX_AMOUNT, Store, StoreError};
use proptest::prelude::*;
use support::cases::valid_case as any_case;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

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
