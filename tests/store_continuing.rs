//! The second 年度 (#9 item 12): a new 年度 offers the trainees whose course or 認定審査 continues into it, with
//! the once-only items and the 基準額 used so far carried from the earlier 年度, and carries them in one step.

use chrono::NaiveDate;
use hojo::case::{Case, parse_case};
use hojo::fiscal_year::FiscalYear;
use hojo::lifecycle::LifecycleStep;
use hojo::program::ItemId;
use hojo::store::{ApplicationId, ApplicationStatus, CourseId, Editor, HospitalId, ImportMode, Store};

const ADMIN: Editor = Editor::Administrator;

/// The example's nurse on a two-year course (令和6年4月 → 令和8年3月), her 認定審査 in 令和8年度.
fn two_year_course() -> Case {
    let mut case = parse_case(include_bytes!("../examples/sakura-hospital.json")).unwrap();
    case.trainees[0].course_ends_on = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
    case.trainees[0].exam_fiscal_year = Some(FiscalYear::new(2026));
    case.trainees[0].tuition_completed_in_year = true;
    case
}

fn saved(case: &Case) -> (tempfile::TempDir, Store, HospitalId, ApplicationId) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("hojo.sqlite3")).unwrap();
    let outcome = store.import_case(&ADMIN, case, ImportMode::New).unwrap();
    (dir, store, outcome.hospital_id, outcome.application_id)
}

fn first_year_selected(store: &Store, application: ApplicationId) -> hojo::money::Yen {
    hojo::calc::calculate(&store.load_case(application).unwrap()).unwrap().rows[0].selected
}

#[test]
fn the_second_year_offers_the_continuing_trainee_with_what_she_used() {
    let case = two_year_course();
    let (_dir, store, hospital, first) = saved(&case);
    let selected = first_year_selected(&store, first);
    let offered = store.continuing_courses(hospital, &case.program, FiscalYear::new(2025)).unwrap();
    assert_eq!(offered.len(), 1, "{offered:?}");
    let nurse = &offered[0];
    assert_eq!(nurse.name, "看護 花子");
    assert!(nurse.course_continues);
    assert_eq!(nurse.prior_items, [ItemId::Admission], "入学料 counted in 令和6年度 is not counted again");
    assert_eq!(nurse.prior_years_standard_used, selected, "令和6年度's 選定額, not retyped from memory");
    assert_eq!((nurse.carried_from, nurse.carried_from_status), (FiscalYear::new(2024), ApplicationStatus::Draft));
}

#[test]
fn a_submitted_year_carries_what_was_recorded_when_it_left_draft() {
    let case = two_year_course();
    let (_dir, mut store, hospital, first) = saved(&case);
    let selected = first_year_selected(&store, first);
    let steps = [
        LifecycleStep::Submit { submitted_on: "2024-05-10".into() },
        LifecycleStep::RecordDecision {
            decided_on: "2024-07-01".into(),
            number: "6保医政第1号".into(),
            amount: "2,300,000".into(),
        },
        LifecycleStep::StartReport,
        LifecycleStep::SubmitReport { reported_on: "2025-04-08".into() },
    ];
    for step in &steps {
        store.advance(&ADMIN, first, step).unwrap();
    }
    let offered = store.continuing_courses(hospital, &case.program, FiscalYear::new(2025)).unwrap();
    assert_eq!(offered[0].carried_from_status, ApplicationStatus::Reported);
    assert_eq!(offered[0].prior_years_standard_used, selected);
    assert_eq!(offered[0].prior_items, [ItemId::Admission]);
}

#[test]
fn carrying_adds_the_trainees_to_the_new_year_with_their_history_in_one_step() {
    let case = two_year_course();
    let (_dir, mut store, hospital, first) = saved(&case);
    let selected = first_year_selected(&store, first);
    let next = store.start_application(&ADMIN, hospital, &case.program, FiscalYear::new(2025)).unwrap();
    let offered = store.continuing_courses(hospital, &case.program, FiscalYear::new(2025)).unwrap();
    let courses: Vec<CourseId> = offered.iter().map(|course| course.course_id).collect();

    // One unknown course: none of them is carried.
    let error = store.carry_courses(&ADMIN, next, &[courses[0], CourseId(9999)]).unwrap_err();
    assert!(error.to_string().contains("見つかりません"), "{error}");
    assert!(store.load_case(next).unwrap().trainees.is_empty(), "all or nothing");

    let claims = store.carry_courses(&ADMIN, next, &courses).unwrap();
    assert_eq!(claims.len(), 1);
    let trainee = &store.load_case(next).unwrap().trainees[0];
    assert_eq!(trainee.name, "看護 花子");
    assert_eq!(trainee.prior_items, [ItemId::Admission]);
    assert_eq!(trainee.prior_years_standard_used, selected);
    assert!(
        store.continuing_courses(hospital, &case.program, FiscalYear::new(2025)).unwrap().is_empty(),
        "once carried she is no longer offered"
    );
}

#[test]
fn a_course_ended_before_the_year_continues_only_for_its_examination_year() {
    let case = parse_case(include_bytes!("../examples/sakura-hospital.json")).unwrap(); // ends 令和7年3月, 審査 令和7年度
    let (_dir, store, hospital, _) = saved(&case);
    let in_exam_year = store.continuing_courses(hospital, &case.program, FiscalYear::new(2025)).unwrap();
    assert_eq!(in_exam_year.len(), 1);
    assert!(!in_exam_year[0].course_continues, "her 認定審査 falls in 令和7年度, her course does not");
    assert!(store.continuing_courses(hospital, &case.program, FiscalYear::new(2026)).unwrap().is_empty());
    assert!(
        store.continuing_courses(hospital, "kanwa-training", FiscalYear::new(2025)).unwrap().is_empty(),
        "another program's 年度 carries nothing of this one"
    );
}
