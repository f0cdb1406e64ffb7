//! A whole 年度 through the store (#11): 作成中 → 提出済 → 交付決定 → 変更交付申請 → 交付決定 → 実績報告作成中 →
//! 実績報告済 → 確定, with the figures frozen where the lifecycle says, edits refused where they are read-only, the
//! history of each step, everything kept across a reopening, and a step back one step at a time.

use chrono::NaiveDate;
use hojo::case::{Case, CourseStatus, Decision, Stage, parse_case};
use hojo::edit::{CaseEdit, TraineeField, TraineeReportField};
use hojo::fiscal_year::FiscalYear;
use hojo::lifecycle::{Lifecycle, LifecycleStep, Status, StepKind};
use hojo::money::Yen;
use hojo::program::{CostItem, FlagId, ItemId};
use hojo::store::{ApplicationId, Editor, ImportMode, Store, StoreError};
use proptest::prelude::*;

const ADMIN: Editor = Editor::Administrator;

fn sakura() -> Case {
    parse_case(include_bytes!("../examples/sakura-hospital.json")).unwrap()
}

fn fresh() -> (tempfile::TempDir, Store, ApplicationId) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("hojo.sqlite3")).unwrap();
    let application = store.import_case(&ADMIN, &sakura(), ImportMode::New).unwrap().application_id;
    (dir, store, application)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn submit() -> LifecycleStep {
    LifecycleStep::Submit { submitted_on: "令和6年5月10日".into() }
}

fn decide(amount: &str) -> LifecycleStep {
    LifecycleStep::RecordDecision {
        decided_on: "R6.7.1".into(),
        number: "6保医政第1234号".into(),
        amount: amount.into(),
    }
}

fn request_change() -> LifecycleStep {
    LifecycleStep::RequestChange { requested_on: "2024-11-01".into(), reason: "受講料の改定".into() }
}

fn change_decision(amount: &str) -> LifecycleStep {
    LifecycleStep::RecordChangeDecision {
        decided_on: "2024-12-20".into(),
        number: "6保医政第2345号".into(),
        amount: amount.into(),
    }
}

fn submit_report() -> LifecycleStep {
    LifecycleStep::SubmitReport { reported_on: "令和7年4月8日".into() }
}

fn tuition(text: &str) -> CaseEdit {
    CaseEdit::SetTrainee { index: 0, field: TraineeField::Cost(CostItem::Item(ItemId::Tuition)), text: text.into() }
}

fn refused_edit(store: &mut Store, application: ApplicationId, status: &str) -> String {
    let before = store.load_case(application).unwrap();
    let error = store.apply_edit(&ADMIN, application, &tuition("1")).unwrap_err();
    assert!(matches!(error, StoreError::Conflict(_)), "{error}");
    let message = error.to_string();
    assert!(message.contains(&format!("「{status}」")), "{message}");
    assert_eq!(store.load_case(application).unwrap(), before, "nothing written");
    message
}

#[test]
fn a_whole_year_through_the_store() {
    let (dir, mut store, application) = fresh();
    assert_eq!(store.lifecycle(application).unwrap(), Lifecycle::default());
    assert_eq!(store.plan(application).unwrap(), None);

    // 作成中: the plan, editable.
    store.apply_edit(&ADMIN, application, &tuition("９５０，０００")).unwrap();
    let plan = store.load_case(application).unwrap();

    // 提出済: frozen as the plan; edits refused with the way out.
    store.advance(&ADMIN, application, &submit()).unwrap();
    assert_eq!(store.plan(application).unwrap(), Some(plan.clone()));
    let message = refused_edit(&mut store, application, "提出済");
    assert!(message.contains("作成中に戻す"), "{message}");

    // 交付決定: the decision as on the 通知書; still read-only.
    store.advance(&ADMIN, application, &decide("2,300,000")).unwrap();
    let summary = store.application(application).unwrap();
    assert_eq!((summary.status, summary.grant_decided), (Status::Decided, Some(Yen::new(2_300_000))));
    assert_eq!(summary.dates.decided_on, Some(date(2024, 7, 1)));
    assert!(refused_edit(&mut store, application, "交付決定").contains("変更交付申請"));

    // 変更交付申請: the rows are the 変更後 plan; the 変更前 stays the plan until the 変更交付決定.
    store.advance(&ADMIN, application, &request_change()).unwrap();
    store.apply_edit(&ADMIN, application, &tuition("1,000,000")).unwrap();
    let changed = store.load_case(application).unwrap();
    assert_eq!(store.plan(application).unwrap(), Some(plan.clone()), "変更前 until decided");
    store.advance(&ADMIN, application, &change_decision("2,350,000")).unwrap();
    assert_eq!(store.application(application).unwrap().grant_decided, Some(Yen::new(2_350_000)), "K updated");
    assert_eq!(store.plan(application).unwrap(), Some(changed.clone()), "the 変更後 plan is the plan now");
    refused_edit(&mut store, application, "交付決定");

    // 実績報告作成中: the case is the report on the decision in force; the plan stays available.
    store.advance(&ADMIN, application, &LifecycleStep::StartReport).unwrap();
    let report = store.load_case(application).unwrap();
    assert_eq!(report.stage, Stage::Report);
    assert_eq!(
        report.decision,
        Some(Decision {
            decided_on: date(2024, 12, 20),
            number: "6保医政第2345号".into(),
            amount: Yen::new(2_350_000)
        })
    );
    assert_eq!(report.trainees[0].tuition, Yen::new(1_000_000), "the actuals start as the plan's figures");
    assert_eq!(store.plan(application).unwrap(), Some(changed));
    store.apply_edit(&ADMIN, application, &tuition("980,000")).unwrap();
    let status = CaseEdit::SetTraineeReport { index: 0, field: TraineeReportField::Status, text: "修了".into() };
    store.apply_edit(&ADMIN, application, &status).unwrap();
    let completed =
        CaseEdit::SetTraineeReport {
            index: 0, field: TraineeReportField::CompletedOn, text: "令和7年3月14日".into()
        };
    let report = store.apply_edit(&ADMIN, application, &completed).unwrap();
    assert_eq!(report.trainees[0].report.course_status, Some(CourseStatus::Completed));
    assert_eq!(report.trainees[0].report.completed_on, Some(date(2025, 3, 14)));
    store.advance(&ADMIN, application, &LifecycleStep::SetReceived { amount: "1,000,000円".into() }).unwrap();
    let report = store.load_case(application).unwrap();
    assert_eq!(report.received, Yen::new(1_000_000));

    // 実績報告済: the report frozen; read-only.
    store.advance(&ADMIN, application, &submit_report()).unwrap();
    assert_eq!(store.frozen_report(application).unwrap(), Some(report.clone()));
    assert!(refused_edit(&mut store, application, "実績報告済").contains("実績報告作成中に戻す"));

    // 確定: the 確定額 of the 確定通知 (min(S, K) as hojo::settle computes it).
    let confirmed = hojo::settle::settle(&report).unwrap().confirmed;
    let confirm = LifecycleStep::RecordConfirmation {
        confirmed_on: "2025-06-01".into(),
        number: "7保医政第11号".into(),
        amount: confirmed.get().to_string(),
    };
    store.advance(&ADMIN, application, &confirm).unwrap();
    refused_edit(&mut store, application, "確定");
    let lifecycle = store.lifecycle(application).unwrap();
    assert_eq!(lifecycle.status, Status::Settled);
    assert_eq!(lifecycle.confirmation.as_ref().map(|c| c.amount), Some(confirmed));
    assert!(lifecycle.next_steps(FiscalYear::new(2024), date(2025, 6, 2)).is_empty());

    // The history records each step, in order.
    let statuses: Vec<(Option<String>, Option<String>)> = store
        .history_of(application, "application.status", None)
        .unwrap()
        .into_iter()
        .map(|change| (change.old_value, change.new_value))
        .collect();
    let labels = ["作成中", "提出済", "交付決定", "変更交付申請中", "交付決定", "実績報告作成中", "実績報告済", "確定"];
    let expected: Vec<_> =
        labels.windows(2).map(|pair| (Some(pair[0].to_string()), Some(pair[1].to_string()))).collect();
    assert_eq!(statuses, expected);
    let decisions = store.history_of(application, "application.decision", None).unwrap();
    assert_eq!(decisions.len(), 2);
    assert!(decisions[1].new_value.as_deref().is_some_and(|text| text.contains("変更交付決定")), "{decisions:?}");
    let hospital = store.application(application).unwrap().hospital_id;
    let tuition_history = store.history_of(application, "cost_entry", Some("「看護 花子」さんの受講料")).unwrap();
    assert_eq!(tuition_history.len(), 3, "the plan's, the 変更後 and the actual figure: {tuition_history:?}");

    // Reopening the database keeps everything.
    let case = store.load_case(application).unwrap();
    let plan = store.plan(application).unwrap();
    let history = store.history(hospital, 1000).unwrap();
    drop(store);
    let mut store = Store::open(&dir.path().join("hojo.sqlite3")).unwrap();
    assert_eq!(store.lifecycle(application).unwrap(), lifecycle);
    assert_eq!(store.load_case(application).unwrap(), case);
    assert_eq!(store.plan(application).unwrap(), plan);
    assert_eq!(store.frozen_report(application).unwrap(), Some(report.clone()));
    assert_eq!(store.history(hospital, 1000).unwrap(), history);

    // A step back, one step at a time: 確定 → 実績報告済 → 実績報告作成中 (the report thawed, edits allowed again).
    store.advance(&ADMIN, application, &LifecycleStep::StepBack).unwrap();
    assert_eq!(store.lifecycle(application).unwrap().confirmation, None);
    assert_eq!(store.frozen_report(application).unwrap(), Some(report));
    store.advance(&ADMIN, application, &LifecycleStep::StepBack).unwrap();
    assert_eq!(store.lifecycle(application).unwrap().status, Status::Reporting);
    assert_eq!(store.frozen_report(application).unwrap(), None);
    store.apply_edit(&ADMIN, application, &tuition("990,000")).unwrap();
    let back = store.history_of(application, "application.status", None).unwrap();
    assert_eq!(back.last().and_then(|change| change.new_value.as_deref()), Some("実績報告作成中"));
}

#[test]
fn a_step_not_allowed_or_mistyped_is_refused_and_nothing_is_written() {
    let (_dir, mut store, application) = fresh();
    let hospital = store.application(application).unwrap().hospital_id;
    let history = store.history(hospital, 1000).unwrap();
    let error = store.advance(&ADMIN, application, &LifecycleStep::StepBack).unwrap_err();
    assert!(error.to_string().contains("前の状態がありません"), "{error}");
    let error = store.advance(&ADMIN, application, &decide("1")).unwrap_err();
    assert!(error.to_string().contains("「作成中」"), "{error}");
    store.advance(&ADMIN, application, &submit()).unwrap();
    let history = {
        assert_ne!(store.history(hospital, 1000).unwrap(), history);
        store.history(hospital, 1000).unwrap()
    };
    let error = store.advance(&ADMIN, application, &decide("十万")).unwrap_err();
    let StoreError::Lifecycle(refused) = &error else { panic!("{error}") };
    assert_eq!(refused.field, "amount");
    assert!(refused.message.starts_with("交付決定額"), "{error}");
    let early =
        LifecycleStep::RecordDecision { decided_on: "2024-05-01".into(), number: "n".into(), amount: "1".into() };
    let error = store.advance(&ADMIN, application, &early).unwrap_err();
    assert!(error.to_string().contains("提出日"), "{error}");
    assert_eq!(store.history(hospital, 1000).unwrap(), history, "nothing written");
    assert_eq!(store.lifecycle(application).unwrap().status, Status::Submitted);
    assert_eq!(store.lifecycle(application).unwrap().allowed_steps(), [StepKind::RecordDecision, StepKind::StepBack]);
}

#[test]
fn stepping_back_from_submitted_drops_the_frozen_plan_and_allows_edits() {
    let (_dir, mut store, application) = fresh();
    store.advance(&ADMIN, application, &submit()).unwrap();
    assert!(store.plan(application).unwrap().is_some());
    store.advance(&ADMIN, application, &LifecycleStep::StepBack).unwrap();
    assert_eq!(store.plan(application).unwrap(), None);
    assert_eq!(store.lifecycle(application).unwrap(), Lifecycle::default());
    store.apply_edit(&ADMIN, application, &tuition("1")).unwrap();
    // Submitted again: the plan is the new one.
    store.advance(&ADMIN, application, &submit()).unwrap();
    assert_eq!(store.plan(application).unwrap().unwrap().trainees[0].tuition, Yen::new(1));
}

#[test]
fn a_change_decision_stepped_back_makes_the_earlier_decision_k_again() {
    let (_dir, mut store, application) = fresh();
    for step in [submit(), decide("2,300,000"), request_change(), change_decision("2,500,000")] {
        store.advance(&ADMIN, application, &step).unwrap();
    }
    store.advance(&ADMIN, application, &LifecycleStep::StepBack).unwrap();
    let summary = store.application(application).unwrap();
    assert_eq!((summary.status, summary.grant_decided), (Status::ChangeRequested, Some(Yen::new(2_300_000))));
    assert_eq!(store.plan(application).unwrap().unwrap(), sakura(), "the submitted plan again");
    store.advance(&ADMIN, application, &LifecycleStep::StepBack).unwrap();
    assert_eq!(store.lifecycle(application).unwrap().change, None);
}

/// The settled F replaces the applied F in the 12,300,000円 cap for the next 年度.
#[test]
fn a_reported_year_carries_its_settled_figures_into_the_next() {
    let (_dir, mut store, application) = fresh();
    let hospital = store.application(application).unwrap().hospital_id;
    let applied = hojo::calc::calculate(&sakura()).unwrap().rows[0].selected;
    for step in [submit(), decide("2,300,000"), LifecycleStep::StartReport] {
        store.advance(&ADMIN, application, &step).unwrap();
    }
    // The year's course was not completed within the 年度 after all: 受講料 does not count in the 精算.
    let flag = CaseEdit::SetTrainee {
        index: 0,
        field: TraineeField::Flag(FlagId::TuitionCompletedInYear),
        text: "false".into(),
    };
    store.apply_edit(&ADMIN, application, &flag).unwrap();
    let next_year = FiscalYear::new(2025);
    let before_report = store.continuing_courses(hospital, "kanwa-nurse", next_year).unwrap();
    store.advance(&ADMIN, application, &submit_report()).unwrap();
    let report = store.frozen_report(application).unwrap().unwrap();
    let settled = hojo::settle::settle(&report).unwrap().calculation.rows[0].selected;
    assert!(settled < applied, "{settled:?} < {applied:?}");

    let offered = store.continuing_courses(hospital, "kanwa-nurse", next_year).unwrap();
    assert_eq!(offered[0].carried_from_status, Status::Reported);
    assert_eq!(offered[0].prior_years_standard_used, settled, "the settled F, not the applied {applied:?}");
    assert_eq!(offered[0].prior_items, [ItemId::Admission], "入学料 was in the report");
    assert_eq!(before_report[0].prior_items, offered[0].prior_items);
    assert_eq!((before_report[0].carried_settled, offered[0].carried_settled), (false, true));

    // 確定 keeps the same settled figures (受講者 says 「実績報告の額」 for both).
    let confirm = LifecycleStep::RecordConfirmation {
        confirmed_on: "2025-06-01".into(),
        number: "7保医政第11号".into(),
        amount: hojo::settle::settle(&report).unwrap().confirmed.get().to_string(),
    };
    store.advance(&ADMIN, application, &confirm).unwrap();
    let offered = store.continuing_courses(hospital, "kanwa-nurse", next_year).unwrap();
    assert_eq!((offered[0].carried_from_status, offered[0].carried_settled), (Status::Settled, true));
    assert_eq!(offered[0].prior_years_standard_used, settled);

    // The next 年度's application starts from the settled figures.
    let next = store.start_application(&ADMIN, hospital, "kanwa-nurse", next_year).unwrap();
    let claims = store.carry_courses(&ADMIN, next, &[offered[0].course_id]).unwrap();
    let trainee = store.trainee(claims[0]).unwrap().trainee;
    assert_eq!(trainee.prior_years_standard_used, settled);
    assert_eq!(trainee.prior_items, [ItemId::Admission]);
}

#[test]
fn a_report_case_imports_at_reporting_and_comes_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("hojo.sqlite3")).unwrap();
    let mut report = sakura();
    report.stage = Stage::Report;
    report.decision =
        Some(Decision {
            decided_on: date(2024, 7, 1), number: "6保医政第1234号".into(), amount: Yen::new(2_300_000)
        });
    report.received = Yen::new(500_000);
    report.trainees[0].report.course_status = Some(CourseStatus::Completed);
    report.trainees[0].report.completed_on = Some(date(2025, 3, 14));
    report.trainees[0].report.outcome = Some("院内研修を2回開いた".into());
    let application = store.import_case(&ADMIN, &report, ImportMode::New).unwrap().application_id;
    let lifecycle = store.lifecycle(application).unwrap();
    assert_eq!(lifecycle.status, Status::Reporting);
    assert_eq!(lifecycle.current_decision(), report.decision.as_ref());
    assert_eq!(lifecycle.received, Yen::new(500_000));
    assert_eq!(store.load_case(application).unwrap(), report);
    // Again with another decision than the one recorded: refused, nothing written.
    let mut other = report.clone();
    other.decision.as_mut().unwrap().amount = Yen::new(1);
    let error = store.import_case(&ADMIN, &other, ImportMode::Replace).unwrap_err();
    assert!(error.to_string().contains("交付決定"), "{error}");
    assert_eq!(store.load_case(application).unwrap(), report);
    // Submitted, it takes no import.
    store.advance(&ADMIN, application, &submit_report()).unwrap();
    let error = store.import_case(&ADMIN, &report, ImportMode::Replace).unwrap_err();
    assert!(error.to_string().contains("「実績報告済」"), "{error}");
}

#[test]
fn a_report_field_is_refused_on_an_application() {
    let (_dir, mut store, application) = fresh();
    let edit = CaseEdit::SetTraineeReport { index: 0, field: TraineeReportField::Status, text: "修了".into() };
    let error = store.apply_edit(&ADMIN, application, &edit).unwrap_err();
    assert!(error.to_string().contains("実績報告"), "{error}");
}

fn any_step() -> impl Strategy<Value = LifecycleStep> {
    prop_oneof![
        Just(submit()),
        Just(decide("2,300,000")),
        Just(request_change()),
        Just(change_decision("2,400,000")),
        Just(LifecycleStep::StartReport),
        (0i64..3_000_000).prop_map(|amount| LifecycleStep::SetReceived { amount: amount.to_string() }),
        Just(submit_report()),
        Just(LifecycleStep::RecordConfirmation {
            confirmed_on: "2025-06-01".into(),
            number: "7保医政第11号".into(),
            amount: "2,000,000".into()
        }),
        Just(LifecycleStep::StepBack),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// Whatever steps are tried, the store holds what the domain's transitions give, refuses what they refuse,
    /// and keeps it across a reopening.
    #[test]
    fn the_store_follows_the_domains_transitions(steps in proptest::collection::vec(any_step(), 1..14)) {
        let (dir, mut store, application) = fresh();
        let mut expected = Lifecycle::default();
        for step in &steps {
            let domain = expected.apply(&step.parse().unwrap());
            let stored = store.advance(&ADMIN, application, step);
            prop_assert_eq!(domain.is_ok(), stored.is_ok(), "{:?}: {:?}", step, stored);
            if let Ok(transition) = domain {
                expected = transition.lifecycle;
            }
            prop_assert_eq!(&store.lifecycle(application).unwrap(), &expected);
            prop_assert_eq!(store.load_case(application).unwrap().stage == Stage::Report, expected.status.is_report());
        }
        drop(store);
        let store = Store::open(&dir.path().join("hojo.sqlite3")).unwrap();
        prop_assert_eq!(store.lifecycle(application).unwrap(), expected);
    }
}

/// Not only the forms' edits: a cost, a flag, a nurse's cost file or a carried course cannot change figures that
/// were submitted or decided either.
#[test]
fn every_edit_of_the_rows_is_refused_while_frozen() {
    let (_dir, mut store, application) = fresh();
    let claim = store.trainees(application).unwrap()[0].id;
    let file = store.export_trainee_costs(claim).unwrap();
    store.advance(&ADMIN, application, &submit()).unwrap();
    let before = store.load_case(application).unwrap();
    let cost = hojo::store::CostInput { item: CostItem::OTHER_COSTS, amount: Yen::new(1), paid_on: None, memo: None };
    let refusals = [
        store.add_cost(&ADMIN, claim, &cost).map(|_| ()),
        store.set_flags(&ADMIN, claim, hojo::store::ClaimFlags::default()),
        store.remove_trainee(&ADMIN, claim),
        store.import_trainee_costs(&ADMIN, application, &file).map(|_| ()),
    ];
    for refusal in refusals {
        let error = refusal.unwrap_err();
        assert!(error.to_string().contains("「提出済」"), "{error}");
    }
    assert_eq!(store.load_case(application).unwrap(), before);
    // The same edits go through again once the figures are the actual amounts.
    for step in [decide("2,300,000"), LifecycleStep::StartReport] {
        store.advance(&ADMIN, application, &step).unwrap();
    }
    store.add_cost(&ADMIN, claim, &cost).unwrap();
    // A report keeps every trainee of the decision, by the edit or by the store's own removal.
    let before = store.load_case(application).unwrap();
    let by_edit = store.apply_edit(&ADMIN, application, &CaseEdit::RemoveTrainee { index: 0 }).unwrap_err();
    let by_claim = store.remove_trainee(&ADMIN, claim).unwrap_err();
    for error in [by_edit, by_claim] {
        assert!(error.to_string().contains("「受講状況」を「中途退学」に"), "{error}");
    }
    assert_eq!(store.load_case(application).unwrap(), before);
}

/// A once-only item planned but not in the report is not claimed: the next 年度 may still claim it.
#[test]
fn a_once_only_item_counts_as_claimed_only_if_the_report_includes_it() {
    let (_dir, mut store, application) = fresh();
    let hospital = store.application(application).unwrap().hospital_id;
    for step in [submit(), decide("2,300,000"), LifecycleStep::StartReport] {
        store.advance(&ADMIN, application, &step).unwrap();
    }
    let next_year = FiscalYear::new(2025);
    let planned = store.continuing_courses(hospital, "kanwa-nurse", next_year).unwrap();
    assert_eq!(planned[0].prior_items, [ItemId::Admission], "planned: 入学料 counted");
    let admission = CaseEdit::SetTrainee {
        index: 0,
        field: TraineeField::Cost(CostItem::Item(ItemId::Admission)),
        text: "0".into(),
    };
    store.apply_edit(&ADMIN, application, &admission).unwrap();
    store.advance(&ADMIN, application, &submit_report()).unwrap();
    let reported = store.continuing_courses(hospital, "kanwa-nurse", next_year).unwrap();
    assert_eq!(reported[0].prior_items, [], "the report has no 入学料");
    let settled = hojo::settle::settle(&store.frozen_report(application).unwrap().unwrap()).unwrap();
    assert_eq!(reported[0].prior_years_standard_used, settled.calculation.rows[0].selected);
}
