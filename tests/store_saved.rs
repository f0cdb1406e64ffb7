//! The saved applications (#9 item 13): the list the app shows to reopen one, the one last worked on, and a
//! hospital found whatever spaces were typed around its name.

use hojo::case::parse_case;
use hojo::fiscal_year::FiscalYear;
use hojo::lifecycle::LifecycleStep;
use hojo::money::Yen;
use hojo::store::{ApplicationStatus, CostInput, CostItem, Editor, ImportMode, Store};

const ADMIN: Editor = Editor::Administrator;

fn two_years() -> (tempfile::TempDir, Store, hojo::store::ApplicationId, hojo::store::ApplicationId) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("hojo.sqlite3")).unwrap();
    let case = parse_case(include_bytes!("../examples/sakura-hospital.json")).unwrap();
    let first = store.import_case(&ADMIN, &case, ImportMode::New).unwrap();
    let next = store.start_application(&ADMIN, first.hospital_id, &case.program, case.fiscal_year.next()).unwrap();
    (dir, store, first.application_id, next)
}

#[test]
fn every_saved_application_is_listed_with_hospital_year_program_and_status() {
    let (_dir, mut store, first, next) = two_years();
    store.advance(&ADMIN, first, &LifecycleStep::Submit { submitted_on: "令和6年5月10日".into() }).unwrap();
    let list = store.application_list().unwrap();
    assert_eq!(list.len(), 2);
    let listed = list.iter().find(|saved| saved.id == first).unwrap();
    assert_eq!(listed.hospital_name, "医療法人社団 例会 さくら病院");
    assert_eq!(listed.fiscal_year, FiscalYear::new(2024));
    assert_eq!(listed.fiscal_year_label, "令和6年度");
    assert_eq!(listed.program, "kanwa-nurse");
    assert!(listed.program_label.contains("資格取得支援事業"), "{}", listed.program_label);
    assert_eq!((listed.status, listed.status_label.as_str()), (ApplicationStatus::Submitted, "提出済"));
    assert_eq!(listed.trainee_count, 1);
    assert!(listed.last_changed_at.is_some());
    let started = list.iter().find(|saved| saved.id == next).unwrap();
    assert_eq!((started.fiscal_year_label.as_str(), started.status_label.as_str()), ("令和7年度", "作成中"));
    assert_eq!(list[0].id, first, "the most recently changed first");
}

#[test]
fn the_application_last_worked_on_is_the_last_one_changed_not_the_newest_year() {
    let (_dir, mut store, first, next) = two_years();
    assert_eq!(store.last_worked_on().unwrap().unwrap().id, next, "令和7年度 was started last");
    let claim = store.trainees(first).unwrap()[0].id;
    let receipt = CostInput { item: CostItem::OTHER_COSTS, amount: Yen::new(1), paid_on: None, memo: None };
    store.add_cost(&ADMIN, claim, &receipt).unwrap();
    let last = store.last_worked_on().unwrap().unwrap();
    assert_eq!((last.id, last.fiscal_year_label.as_str()), (first, "令和6年度"), "reopens where the user stopped");
}

#[test]
fn an_empty_database_has_nothing_to_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("hojo.sqlite3")).unwrap();
    assert!(store.application_list().unwrap().is_empty());
    assert!(store.last_worked_on().unwrap().is_none());
}

#[test]
fn a_hospital_name_typed_with_extra_spaces_finds_the_saved_hospital() {
    let (_dir, store, _, _) = two_years();
    for typed in [
        "医療法人社団 例会 さくら病院 ",
        "\u{3000}医療法人社団\u{3000}例会 さくら病院",
        "医療法人社団  例会  さくら病院\u{3000}",
    ] {
        let found = store.find_hospital_like(typed).unwrap();
        assert_eq!(found.len(), 1, "{typed:?}");
        assert_eq!(found[0].name, "医療法人社団 例会 さくら病院");
    }
    assert!(
        store.find_hospital_like("医療法人社団例会さくら病院").unwrap().is_empty(),
        "another name is another hospital"
    );
}
