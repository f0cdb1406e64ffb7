//! `hojo settle`: the contract of settlement.md — the JSON, the refusal of what is not a report — and the
//! 精算's properties over random reports: 確定額 ≤ 交付決定額, 差引過不足額 = 受入済額 − 確定額, and an unchanged plan
//! settles to the application's figures.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hojo::case::{Decision, Stage};
use hojo::money::Yen;
use proptest::prelude::*;
use serde_json::Value;

fn hojo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hojo")).args(args).output().expect("hojo runs")
}

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name)
}

fn run(args: &[&str]) -> Value {
    let output = hojo(args);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn the_example_report_settles_to_what_was_decided() {
    let report = example("reports/sakura-hospital-report.json");
    let result = run(&["settle", report.to_str().unwrap()]);
    assert_eq!(result["total"], 2_300_000);
    assert_eq!(result["decided"], 2_300_000);
    assert_eq!(result["confirmed"], 2_300_000);
    assert_eq!(result["received"], 0);
    assert_eq!(result["difference"], -2_300_000);
    let trainee = &result["trainees"][0];
    assert_eq!(trainee["name"], "看護 花子");
    // The items given by their receipts: 入学料 100,000 and 受講料 450,000 + 450,000.
    assert_eq!(trainee["D"], 4_600_000);
    assert_eq!(trainee["I"], 2_300_000);
}

#[test]
fn the_same_amounts_settle_to_the_figures_calc_gives_the_application() {
    let calc = run(&["calc", example("sakura-hospital.json").to_str().unwrap()]);
    let settle = run(&["settle", example("reports/sakura-hospital-report.json").to_str().unwrap()]);
    for letter in ["A", "B", "C", "D", "E", "F", "G", "I"] {
        assert_eq!(calc["trainees"][0][letter], settle["trainees"][0][letter], "{letter}");
    }
}

#[test]
fn an_application_is_refused_as_not_a_report() {
    let output = hojo(&["settle", example("sakura-hospital.json").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("実績報告ではありません"), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn a_report_without_its_decision_names_the_field() {
    let folder = tempfile::tempdir().unwrap();
    let mut case: Value =
        serde_json::from_slice(&std::fs::read(example("reports/sakura-hospital-report.json")).unwrap()).unwrap();
    case.as_object_mut().unwrap().remove("decision");
    let path = folder.path().join("report.json");
    std::fs::write(&path, serde_json::to_vec(&case).unwrap()).unwrap();
    let output = hojo(&["settle", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("decision") && stderr.contains("交付決定"), "{stderr}");
}

#[test]
fn receipts_that_do_not_add_up_to_the_amount_are_refused() {
    let folder = tempfile::tempdir().unwrap();
    let mut case: Value =
        serde_json::from_slice(&std::fs::read(example("reports/sakura-hospital-report.json")).unwrap()).unwrap();
    case["trainees"][0]["tuition"] = serde_json::json!(800_000);
    let path = folder.path().join("report.json");
    std::fs::write(&path, serde_json::to_vec(&case).unwrap()).unwrap();
    let output = hojo(&["settle", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("trainees[0].tuition") && stderr.contains("領収書の合計"), "{stderr}");
}

/// Writes the example report changed by `change` and runs `hojo settle` on it.
fn settle_changed(change: impl FnOnce(&mut Value)) -> Output {
    let folder = tempfile::tempdir().unwrap();
    let mut case: Value =
        serde_json::from_slice(&std::fs::read(example("reports/sakura-hospital-report.json")).unwrap()).unwrap();
    change(&mut case);
    let path = folder.path().join("report.json");
    std::fs::write(&path, serde_json::to_vec(&case).unwrap()).unwrap();
    hojo(&["settle", path.to_str().unwrap()])
}

#[test]
fn the_example_report_says_the_course_was_completed() {
    let case = hojo::case::parse_case(&std::fs::read(example("reports/sakura-hospital-report.json")).unwrap()).unwrap();
    let report = &case.trainees[0].report;
    assert_eq!(report.course_status, Some(hojo::case::CourseStatus::Completed));
    assert_eq!(report.completed_on, chrono::NaiveDate::from_ymd_opt(2025, 3, 14));
}

#[test]
fn a_withdrawn_nurse_with_a_completion_date_is_refused() {
    let output = settle_changed(|case| case["trainees"][0]["report"]["course_status"] = serde_json::json!("withdrawn"));
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("trainees[0].report.completed_on") && stderr.contains("中途退学"), "{stderr}");
}

#[test]
fn an_application_cannot_carry_a_trainees_report() {
    let folder = tempfile::tempdir().unwrap();
    let mut case: Value = serde_json::from_slice(&std::fs::read(example("sakura-hospital.json")).unwrap()).unwrap();
    case["trainees"][0]["report"] = serde_json::json!({"course_status": "enrolled"});
    let path = folder.path().join("application.json");
    std::fs::write(&path, serde_json::to_vec(&case).unwrap()).unwrap();
    let output = hojo(&["check", path.to_str().unwrap()]);
    assert_ne!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("trainees[0].report") && stderr.contains("実績報告に書きます"), "{stderr}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_confirmed_amount_never_exceeds_the_decision_and_the_difference_is_what_was_received_less_it(
        case in support::cases::valid_case(),
        decided in 0i64..20_000_000,
        received in 0i64..20_000_000,
    ) {
        let application_total = hojo::review::review(&case).applied_total;
        let mut report = case;
        report.stage = Stage::Report;
        report.decision = Some(Decision {
            decided_on: chrono::NaiveDate::from_ymd_opt(2024, 7, 1).unwrap(),
            number: "6保医政第1号".into(),
            amount: Yen::new(decided),
        });
        report.received = Yen::new(received);
        let settlement = hojo::settle::settle(&report).unwrap();
        prop_assert!(settlement.confirmed <= settlement.decided);
        prop_assert!(settlement.confirmed <= settlement.total);
        prop_assert_eq!(settlement.difference, settlement.received - settlement.confirmed);
        // The same amounts reported as planned: S is the application's 交付申請額.
        prop_assert_eq!(settlement.total, application_total);
    }
}

#[test]
fn the_kanwa_training_report_settles_its_hospital_row() {
    // けやき総合病院: 講師 15人 instead of 16, 22 通 instead of 24: D 1,009,000 (10/10) against K 1,040,000, all of
    // which was paid in advance (概算払): 31,000 goes back.
    let report = example("kanwa-training/keyaki-hospital-report.json");
    let result = run(&["settle", report.to_str().unwrap()]);
    assert_eq!(result["hospital"]["name"], "医療法人社団 例会 けやき総合病院");
    assert_eq!(result["hospital"]["D"], 1_009_000);
    assert_eq!(result["hospital"]["I"], 1_009_000);
    assert_eq!(result["hospital"]["verdict"], "eligible");
    assert!(result.get("trainees").is_none(), "{result}");
    assert_eq!(result["total"], 1_009_000);
    assert_eq!(result["decided"], 1_040_000);
    assert_eq!(result["confirmed"], 1_009_000);
    assert_eq!(result["received"], 1_040_000);
    assert_eq!(result["difference"], 31_000);
}

#[test]
fn the_kanwa_training_report_exports_and_imports_back() {
    let folder = tempfile::tempdir().unwrap();
    let workbook = folder.path().join("実績報告書.xlsx");
    let report = example("kanwa-training/keyaki-hospital-report.json");
    let output = hojo(&["export", report.to_str().unwrap(), "-o", workbook.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let back = run(&["import", workbook.to_str().unwrap()]);
    let original: Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    for key in ["stage", "decision", "received", "costs", "workings", "trainings", "other_costs"] {
        assert_eq!(back[key], original[key], "{key}");
    }
}

#[test]
fn a_change_request_is_exported_from_the_new_plan_against_the_decided_one_and_imports_back() {
    let folder = tempfile::tempdir().unwrap();
    let workbook = folder.path().join("変更交付申請書.xlsx");
    let (before, after) = (example("sakura-hospital.json"), example("changes/sakura-hospital-after.json"));
    let reason = "受講者1名の追加と受講料の改定のため";
    let output = hojo(&[
        "export",
        after.to_str().unwrap(),
        "--before",
        before.to_str().unwrap(),
        "--reason",
        reason,
        "-o",
        workbook.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    // `hojo import` gives the 変更後 plan with the decision it changes.
    let back = run(&["import", workbook.to_str().unwrap()]);
    assert_eq!(back["trainees"].as_array().map(Vec::len), Some(2));
    assert_eq!(back["decision"]["amount"], 2_300_000);
    assert_eq!(run(&["calc", after.to_str().unwrap()])["total"], 3_500_000);

    // An empty reason is refused naming the flag; nothing is written.
    let refused = folder.path().join("空.xlsx");
    let output = hojo(&[
        "export",
        after.to_str().unwrap(),
        "--before",
        before.to_str().unwrap(),
        "--reason",
        "　",
        "-o",
        refused.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("変更の理由") && stderr.contains("--reason"), "{stderr}");
    assert!(!refused.exists());
}
