use chrono::NaiveDate;

use super::*;
use crate::fiscal_year::FiscalYear;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn typed(step: LifecycleStep) -> Step {
    step.parse().unwrap()
}

fn submit() -> Step {
    typed(LifecycleStep::Submit { submitted_on: "令和6年5月10日".into() })
}

fn decide() -> Step {
    typed(LifecycleStep::RecordDecision {
        decided_on: "R6.7.1".into(),
        number: "6保医政第1234号".into(),
        amount: "２，３００，０００".into(),
    })
}

fn request() -> Step {
    typed(LifecycleStep::RequestChange { requested_on: "2024-11-01".into(), reason: "受講者の追加".into() })
}

fn change_decision() -> Step {
    typed(LifecycleStep::RecordChangeDecision {
        decided_on: "2024-12-20".into(),
        number: "6保医政第2345号".into(),
        amount: "2,500,000円".into(),
    })
}

fn report() -> Step {
    typed(LifecycleStep::SubmitReport { reported_on: "令和7年4月8日".into() })
}

fn confirm(amount: &str) -> Step {
    typed(LifecycleStep::RecordConfirmation {
        confirmed_on: "2025-06-01".into(),
        number: "7保医政第11号".into(),
        amount: amount.into(),
    })
}

fn after(steps: &[Step]) -> Lifecycle {
    steps.iter().fold(Lifecycle::default(), |lifecycle, step| lifecycle.apply(step).unwrap().lifecycle)
}

#[test]
fn a_whole_year_goes_through_every_status() {
    let mut lifecycle = Lifecycle::default();
    let steps = [
        (submit(), Status::Submitted, Some(Frozen::Submitted)),
        (decide(), Status::Decided, None),
        (request(), Status::ChangeRequested, None),
        (change_decision(), Status::Decided, Some(Frozen::Change)),
        (Step::StartReport, Status::Reporting, None),
        (Step::SetReceived(Yen::new(1_000_000)), Status::Reporting, None),
        (report(), Status::Reported, Some(Frozen::Report)),
        (confirm("2,400,000"), Status::Settled, None),
    ];
    for (step, status, frozen) in steps {
        let transition = lifecycle.apply(&step).unwrap();
        assert_eq!((transition.lifecycle.status, transition.freeze, transition.unfreeze), (status, frozen, None));
        lifecycle = transition.lifecycle;
    }
    assert_eq!(lifecycle.submitted_on, Some(date(2024, 5, 10)));
    assert_eq!(lifecycle.decisions.len(), 2);
    assert_eq!(lifecycle.current_decision().map(|decision| decision.amount), Some(Yen::new(2_500_000)));
    assert_eq!(lifecycle.received, Yen::new(1_000_000));
    assert_eq!(lifecycle.reported_on, Some(date(2025, 4, 8)));
    assert_eq!(lifecycle.confirmation.as_ref().map(|c| c.amount), Some(Yen::new(2_400_000)));
    assert!(lifecycle.allowed_steps() == [StepKind::StepBack]);
}

#[test]
fn typed_texts_are_read_as_people_type_them() {
    let Step::RecordDecision(decision) = decide() else { panic!() };
    assert_eq!(decision.decided_on, date(2024, 7, 1));
    assert_eq!(decision.amount, Yen::new(2_300_000));
    assert_eq!(decision.number, "6保医政第1234号");
}

#[test]
fn unreadable_texts_name_their_field() {
    let error = LifecycleStep::RecordDecision { decided_on: "7月1日".into(), number: "x".into(), amount: "1".into() }
        .parse()
        .unwrap_err();
    assert_eq!(error.field, "decided_on");
    assert!(error.message.starts_with("決定日"), "{error}");
    let error = LifecycleStep::RecordDecision { decided_on: "R6.7.1".into(), number: "  ".into(), amount: "1".into() }
        .parse()
        .unwrap_err();
    assert_eq!(error.field, "number");
    assert!(error.message.contains("文書番号"), "{error}");
    let error = LifecycleStep::SetReceived { amount: "十万円".into() }.parse().unwrap_err();
    assert_eq!(error.field, "amount");
    assert!(error.message.starts_with("受入済額"), "{error}");
    let error =
        LifecycleStep::RequestChange { requested_on: "2024-11-01".into(), reason: "".into() }.parse().unwrap_err();
    assert_eq!(error.field, "reason");
}

#[test]
fn steps_not_allowed_from_the_status_are_refused_saying_when_they_are() {
    let draft = Lifecycle::default();
    let error = draft.apply(&decide()).unwrap_err();
    assert!(error.message.contains("「作成中」") && error.message.contains("「提出済」"), "{error}");
    assert!(draft.apply(&Step::StepBack).unwrap_err().message.contains("前の状態がありません"));
    assert!(draft.apply(&Step::StartReport).is_err());
    assert!(draft.apply(&Step::SetReceived(Yen::new(1))).is_err());
    let submitted = after(&[submit()]);
    assert!(submitted.apply(&submit()).is_err());
    assert!(submitted.apply(&request()).is_err());
    let decided = after(&[submit(), decide()]);
    assert!(decided.apply(&report()).is_err(), "a report is started first");
    assert!(decided.apply(&change_decision()).is_err(), "a change decision needs its request");
    assert!(decided.apply(&confirm("1")).is_err());
    let reporting = after(&[submit(), decide(), Step::StartReport]);
    assert!(reporting.apply(&request()).is_err());
    let settled = after(&[submit(), decide(), Step::StartReport, report(), confirm("1")]);
    for step in [submit(), decide(), request(), Step::StartReport, Step::SetReceived(Yen::ZERO), report()] {
        assert!(settled.apply(&step).is_err(), "{step:?}");
    }
}

#[test]
fn dates_before_the_step_they_follow_are_refused() {
    let submitted = after(&[submit()]);
    let early = typed(LifecycleStep::RecordDecision {
        decided_on: "2024-05-01".into(),
        number: "n".into(),
        amount: "1".into(),
    });
    let error = submitted.apply(&early).unwrap_err();
    assert_eq!(error.field, "decided_on");
    assert!(error.message.contains("提出日"), "{error}");
    let decided = after(&[submit(), decide()]);
    let early = typed(LifecycleStep::RequestChange { requested_on: "2024-06-01".into(), reason: "r".into() });
    assert_eq!(decided.apply(&early).unwrap_err().field, "requested_on");
    let requested = after(&[submit(), decide(), request()]);
    let early = typed(LifecycleStep::RecordChangeDecision {
        decided_on: "2024-10-01".into(),
        number: "n".into(),
        amount: "1".into(),
    });
    assert_eq!(requested.apply(&early).unwrap_err().field, "decided_on");
    let reporting = after(&[submit(), decide(), Step::StartReport]);
    let early = typed(LifecycleStep::SubmitReport { reported_on: "2024-06-30".into() });
    assert_eq!(reporting.apply(&early).unwrap_err().field, "reported_on");
}

#[test]
fn a_confirmed_amount_above_the_decision_is_refused() {
    let reported = after(&[submit(), decide(), Step::StartReport, report()]);
    let error = reported.apply(&confirm("2,300,001")).unwrap_err();
    assert_eq!(error.field, "amount");
    assert!(error.message.contains("交付決定額"), "{error}");
    assert!(reported.apply(&confirm("2,300,000")).is_ok());
}

#[test]
fn a_step_back_undoes_one_step_at_a_time() {
    let all = [submit(), decide(), request(), change_decision(), Step::StartReport, report(), confirm("1")];
    let expected_back = [
        (Status::Reported, None),
        (Status::Reporting, Some(Frozen::Report)),
        (Status::Decided, None),
        (Status::ChangeRequested, Some(Frozen::Change)),
        (Status::Decided, None),
        (Status::Submitted, None),
        (Status::Draft, Some(Frozen::Submitted)),
    ];
    let mut lifecycle = after(&all);
    for (status, unfrozen) in expected_back {
        let transition = lifecycle.apply(&Step::StepBack).unwrap();
        assert_eq!((transition.lifecycle.status, transition.unfreeze), (status, unfrozen));
        lifecycle = transition.lifecycle;
    }
    assert_eq!(lifecycle, Lifecycle::default(), "everything undone");
}

#[test]
fn stepping_back_forgets_what_the_undone_step_recorded() {
    let decided = after(&[submit(), decide()]);
    let back = decided.apply(&Step::StepBack).unwrap().lifecycle;
    assert!(back.decisions.is_empty());
    let changed = after(&[submit(), decide(), request(), change_decision()]);
    let back = changed.apply(&Step::StepBack).unwrap().lifecycle;
    assert_eq!(back.current_decision().map(|decision| decision.amount), Some(Yen::new(2_300_000)));
    assert!(back.change.is_some(), "the request is open again");
    let back = back.apply(&Step::StepBack).unwrap().lifecycle;
    assert_eq!((back.status, back.change.is_none()), (Status::Decided, true));
}

#[test]
fn received_can_be_recorded_while_the_year_runs() {
    for steps in [vec![submit(), decide()], vec![submit(), decide(), request()]] {
        let lifecycle = after(&steps);
        let next = lifecycle.apply(&Step::SetReceived(Yen::new(500_000))).unwrap().lifecycle;
        assert_eq!((next.status, next.received), (lifecycle.status, Yen::new(500_000)));
    }
}

#[test]
fn due_dates_are_the_end_of_the_year_and_april_tenth_after_it() {
    let year = FiscalYear::new(2024);
    assert_eq!(change_request_due(year), date(2025, 3, 31));
    assert_eq!(report_due(year), date(2025, 4, 10));
    let decided = after(&[submit(), decide()]);
    let next = decided.next_steps(year, date(2025, 4, 1));
    let kinds: Vec<StepKind> = next.iter().map(|step| step.step).collect();
    assert_eq!(kinds, [StepKind::StartReport, StepKind::RequestChange, StepKind::SetReceived]);
    assert_eq!((next[0].due, next[0].overdue), (Some(date(2025, 4, 10)), false));
    assert_eq!((next[1].due, next[1].overdue), (Some(date(2025, 3, 31)), true), "the change is past its time");
    assert!(next[1].explanation.contains("令和7年3月31日"), "{}", next[1].explanation);
    let reporting = after(&[submit(), decide(), Step::StartReport]);
    let next = reporting.next_steps(year, date(2025, 4, 10));
    assert_eq!((next[0].step, next[0].overdue), (StepKind::SubmitReport, false), "due on the day itself");
    assert!(reporting.next_steps(year, date(2025, 4, 11))[0].overdue);
    assert_eq!(next[0].label, "実績報告を提出したことを記録する");
}

#[test]
fn each_status_says_what_comes_next() {
    let year = FiscalYear::new(2024);
    let today = date(2024, 6, 1);
    assert_eq!(Lifecycle::default().next_steps(year, today)[0].step, StepKind::Submit);
    assert_eq!(after(&[submit()]).next_steps(year, today)[0].label, "交付決定を記録する");
    let requested = after(&[submit(), decide(), request()]);
    assert_eq!(requested.next_steps(year, today)[0].step, StepKind::RecordChangeDecision);
    let reported = after(&[submit(), decide(), Step::StartReport, report()]);
    assert_eq!(reported.next_steps(year, today)[0].step, StepKind::RecordConfirmation);
    let settled = after(&[submit(), decide(), Step::StartReport, report(), confirm("1")]);
    assert!(settled.next_steps(year, today).is_empty());
}

#[test]
fn statuses_have_ids_labels_and_say_when_edits_are_refused() {
    for status in Status::ALL {
        assert_eq!(Status::parse(status.id()), Some(status));
        assert_eq!(Status::parse(status.label()), Some(status));
        assert_eq!(status.edit_refusal().is_none(), status.is_editable());
    }
    let message = Status::Submitted.edit_refusal().unwrap();
    assert!(message.contains("「提出済」") && message.contains("作成中に戻す"), "{message}");
    assert!(Status::Decided.edit_refusal().unwrap().contains("変更交付申請"));
    assert!(Status::Reporting.is_report() && !Status::Decided.is_report());
}

#[test]
fn a_step_reads_from_json_with_its_kind() {
    let step: LifecycleStep = serde_json::from_str(r#"{"kind": "set_received", "amount": "100,000"}"#).unwrap();
    assert_eq!(step.kind(), StepKind::SetReceived);
    let step: LifecycleStep = serde_json::from_str(r#"{"kind": "step_back"}"#).unwrap();
    assert_eq!(step, LifecycleStep::StepBack);
}
