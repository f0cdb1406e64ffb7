//! A nurse's cost file imported by the administrator (#9 items 2 and 14): it merges what it carries and leaves
//! the rest (人件費 her screen cannot enter), shows the changes before, and finds her whatever space she typed.

use chrono::NaiveDate;
use hojo::case::parse_case;
use hojo::money::Yen;
use hojo::program::ItemId;
use hojo::store::{
    ApplicationId, CostInput, CostItem, Editor, ImportMode, Store, StoreError, TRAINEE_COSTS_FORMAT, TraineeCosts,
    TraineeKey,
};

const TUITION: CostItem = CostItem::Item(ItemId::Tuition);

fn saved() -> (tempfile::TempDir, Store, ApplicationId) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("hojo.sqlite3")).unwrap();
    let case = parse_case(include_bytes!("../examples/sakura-hospital.json")).unwrap();
    let application = store.import_case(&Editor::Administrator, &case, ImportMode::New).unwrap().application_id;
    (dir, store, application)
}

/// What the nurse's own Hojo sends: her 受講料 receipts (1,250,000円 in two), nothing of 人件費.
fn nurses_file(name: &str) -> TraineeCosts {
    let receipt = |amount, day| CostInput {
        item: TUITION,
        amount: Yen::new(amount),
        paid_on: NaiveDate::from_ymd_opt(2024, 4, day),
        memo: Some("前期・後期".into()),
    };
    TraineeCosts {
        format: TRAINEE_COSTS_FORMAT.into(),
        program: "kanwa-nurse".into(),
        fiscal_year: hojo::fiscal_year::FiscalYear::new(2024),
        hospital: "医療法人社団 例会 さくら病院".into(),
        trainee: TraineeKey {
            name: name.into(),
            qualification: "palliative_care_cn".into(),
            enrolled_on: NaiveDate::from_ymd_opt(2024, 4, 8).unwrap(),
        },
        entered_by: Some(name.into()),
        costs: vec![receipt(625_000, 10), receipt(625_000, 20)],
        receipts: Vec::new(),
        salary_months: Vec::new(),
    }
}

#[test]
fn importing_a_nurses_costs_leaves_what_her_file_does_not_hold() {
    let (_dir, mut store, application) = saved();
    let before = store.load_case(application).unwrap().trainees[0].clone();
    assert_eq!(before.salary, Yen::new(3_600_000));
    store.import_trainee_costs(&Editor::Administrator, application, &nurses_file("看護 花子")).unwrap();
    let after = &store.load_case(application).unwrap().trainees[0];
    assert_eq!(after.tuition, Yen::new(1_250_000), "her 受講料 came in");
    assert_eq!(after.salary, before.salary, "人件費, which her screen cannot enter, is kept");
    assert_eq!(after.admission, before.admission, "入学料, not in her file, is kept");
    assert_eq!(after.other_costs, before.other_costs);
}

#[test]
fn the_preview_lists_each_change_before_to_after_and_writes_nothing() {
    let (_dir, mut store, application) = saved();
    let before = store.load_case(application).unwrap();
    let preview = store.preview_trainee_costs(application, &nurses_file("看護 花子")).unwrap();
    assert_eq!(preview.trainee_name, "看護 花子");
    assert_eq!(preview.changes.len(), 1, "{:?}", preview.changes);
    let change = &preview.changes[0];
    assert_eq!(
        (change.label.as_str(), change.before, change.after),
        ("受講料", Yen::new(900_000), Yen::new(1_250_000))
    );
    assert_eq!(store.load_case(application).unwrap(), before, "a preview changes nothing");
    store.import_trainee_costs(&Editor::Administrator, application, &nurses_file("看護 花子")).unwrap();
    assert!(store.preview_trainee_costs(application, &nurses_file("看護 花子")).unwrap().changes.is_empty());
}

#[test]
fn a_salary_by_month_from_the_file_replaces_the_stored_total_and_says_so() {
    let (_dir, mut store, application) = saved();
    let mut file = nurses_file("看護 花子");
    file.costs.clear();
    file.salary_months.push(hojo::store::SalaryMonthInput {
        month: hojo::fiscal_year::YearMonth::new(2024, 5).unwrap(),
        amount: Yen::new(300_000),
        memo: None,
    });
    let changes = store.preview_trainee_costs(application, &file).unwrap().changes;
    let labels: Vec<&str> = changes.iter().map(|change| change.label.as_str()).collect();
    assert_eq!(labels.len(), 2, "{labels:?}");
    assert!(labels[0].contains("給与費") || labels[0].contains("人件費"), "{labels:?}");
    assert!(labels[1].contains("令和6年5月"), "{labels:?}");
    store.import_trainee_costs(&Editor::Administrator, application, &file).unwrap();
    let trainee = &store.load_case(application).unwrap().trainees[0];
    assert_eq!((trainee.salary, trainee.salary_months.len()), (Yen::ZERO, 1));
}

#[test]
fn the_nurse_is_found_whatever_space_she_typed_in_her_name() {
    for typed in ["看護\u{3000}花子", "看護  花子 ", "看護花子"] {
        let (_dir, mut store, application) = saved();
        store.import_trainee_costs(&Editor::Administrator, application, &nurses_file(typed)).unwrap();
        assert_eq!(store.load_case(application).unwrap().trainees[0].tuition, Yen::new(1_250_000), "{typed:?}");
    }
}

#[test]
fn when_nobody_matches_the_message_names_who_was_found_and_what_differs() {
    let (_dir, mut store, application) = saved();
    let before = store.load_case(application).unwrap();
    let error = store.import_trainee_costs(&Editor::Administrator, application, &nurses_file("看護 桜子")).unwrap_err();
    assert!(matches!(error, StoreError::Invalid { field: "trainee", .. }), "{error:?}");
    let message = error.to_string();
    assert!(message.contains("「看護 桜子」さん") && message.contains("「看護 花子」さん"), "{message}");
    assert!(message.contains("この名前の受講者がいません"), "{message}");

    let mut file = nurses_file("看護 花子");
    file.trainee.enrolled_on = NaiveDate::from_ymd_opt(2024, 4, 1).unwrap();
    let message = store.preview_trainee_costs(application, &file).unwrap_err().to_string();
    assert!(message.contains("入学日が違います") && message.contains("令和6年4月8日"), "{message}");
    assert_eq!(store.load_case(application).unwrap(), before);
}
