//! The commands of the application's life through Tauri's IPC on the mock runtime, as 進行状況 calls them: a
//! whole 年度 (提出 → 交付決定 lower than asked → 変更交付申請 → 実績報告 → 確定), the frozen states refusing
//! edits and saying why, the plan against the figures, a figure's history, and the report and change workbooks
//! written where the save dialog said, with the right numbers.

mod common;

use common::{Window, eligible, window_on};
use hojo_desktop::workspace::Workspace;
use serde_json::{Value, json};

impl Window {
    fn edit(&self, edit: Value) -> Value {
        self.ok("edit_case", json!({ "edit": edit }))
    }

    fn set(&self, field: &str, text: &str) -> Value {
        self.edit(json!({"kind": "set_trainee", "index": 0, "field": field, "text": text}))
    }

    fn advance(&self, step: Value) -> Value {
        self.ok("advance", json!({ "step": step }))
    }

    fn progress(&self) -> Value {
        self.ok("lifecycle", json!({}))
    }

    /// The open 年度 in the progress.
    fn open_year(&self) -> Value {
        self.progress()["years"].as_array().unwrap().iter().find(|year| year["open"] == true).cloned().unwrap()
    }
}

/// The cached value of a defined name (交付決定額, 確定額, 精算額合計, 差引過不足額) of a workbook, read with calamine.
fn defined(path: &std::path::Path, name: &str) -> f64 {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let mut workbook: Xlsx<_> = open_workbook(path).unwrap();
    let formula = workbook
        .defined_names()
        .iter()
        .find(|(defined, _)| defined == name)
        .map(|(_, formula)| formula.clone())
        .unwrap_or_else(|| panic!("no defined name {name}"));
    let (sheet, cell) = formula.rsplit_once('!').unwrap();
    let sheet = sheet.trim_matches('\'');
    let cell = cell.replace('$', "");
    let column = cell.chars().take_while(char::is_ascii_alphabetic).fold(0u32, |n, c| n * 26 + (c as u32 - 64)) - 1;
    let row: u32 = cell.chars().skip_while(char::is_ascii_alphabetic).collect::<String>().parse::<u32>().unwrap() - 1;
    let range = workbook.worksheet_range(sheet).unwrap();
    match range.get_value((row, column)).cloned().unwrap_or(Data::Empty) {
        Data::Float(value) => value,
        Data::Int(value) => value as f64,
        other => panic!("{name} is {other:?}"),
    }
}

#[test]
fn a_whole_year_through_the_commands_from_the_application_to_the_settlement() {
    let window = eligible();
    let year = window.open_year();
    assert_eq!(year["lifecycle"]["status"], "draft");
    assert_eq!(year["status_label"], "作成中");
    assert_eq!(year["next_steps"][0]["step"], "submit");

    // 提出: a date that cannot be read is refused naming its field; a 和暦 date freezes the plan.
    let error = window.refused("advance", json!({"step": {"kind": "submit", "submitted_on": "来週"}}));
    assert!(error["message"].as_str().unwrap().contains("提出日"), "{error}");
    let snapshot = window.advance(json!({"kind": "submit", "submitted_on": "R6.5.10"}));
    assert_eq!(snapshot["status"], "submitted");
    assert!(snapshot["frozen"].as_str().unwrap().contains("提出済"), "{snapshot}");
    let error = window.refused(
        "edit_case",
        json!({"edit": {"kind": "set_trainee", "index": 0, "field": "tuition", "text": "1000000"}}),
    );
    assert!(error["message"].as_str().unwrap().contains("提出済"), "{error}");

    // 交付決定 lower than asked: a 変更交付申請 is said to be needed.
    let snapshot = window.advance(
        json!({"kind": "record_decision", "decided_on": "令和6年7月1日", "number": "6保医政第1234号", "amount": "２，０００，０００"}),
    );
    assert_eq!(snapshot["status"], "decided");
    let progress = window.progress();
    assert!(progress["change_needed"][0].as_str().unwrap().contains("交付決定額"), "{progress}");
    assert_eq!(progress["comparison"]["total"]["planned"], 2_300_000);
    assert_eq!(progress["comparison"]["total"]["difference"], 0);

    // 変更交付申請: the rows are the 変更後 plan; its workbook has 変更前 and 変更後.
    window.advance(json!({"kind": "request_change", "requested_on": "2024-11-01", "reason": "受講料の改定のため"}));
    window.set("tuition", "800000");
    let comparison = window.ok("plan_against_actual", json!({}));
    assert_eq!(
        comparison["rows"][0]["items"].as_array().unwrap().iter().find(|i| i["item"] == "tuition").unwrap()["difference"],
        -100_000
    );
    let change = window.folder.path().join("変更交付申請書.xlsx");
    window.answer(Some(&change));
    let exported = window.ok("export_change_request", json!({"fileName": "変更交付申請書.xlsx"}));
    assert_eq!(exported["path"], change.to_str().unwrap());
    assert!(change.exists());
    window.advance(
        json!({"kind": "record_change_decision", "decided_on": "R6.12.10", "number": "6保医政第2345号", "amount": "2,250,000"}),
    );
    let year = window.open_year();
    assert_eq!(year["lifecycle"]["decisions"].as_array().unwrap().len(), 2);
    assert_eq!(year["lifecycle"]["decisions"][1]["decision"]["amount"], 2_250_000);

    // 実績報告: the actual amounts, the report fields, 受入済額; the report workbook's numbers.
    let snapshot = window.advance(json!({"kind": "start_report"}));
    assert_eq!(snapshot["case"]["stage"], "report");
    assert_eq!(snapshot["frozen"], Value::Null);
    window.set("salary", "3500000");
    window.edit(json!({"kind": "set_trainee_report", "index": 0, "field": "status", "text": "completed"}));
    window.edit(json!({"kind": "set_trainee_report", "index": 0, "field": "completed_on", "text": "令和7年3月14日"}));
    window.advance(json!({"kind": "set_received", "amount": "1000000"}));
    let settlement = window.progress()["settlement"].clone();
    // 入学料 100,000 + 受講料 800,000 → F 900,000, I 450,000; 人件費 3,500,000 → I 1,750,000: S 2,200,000.
    assert_eq!(settlement["total"], 2_200_000);
    assert_eq!(settlement["decided"], 2_250_000);
    assert_eq!(settlement["confirmed"], 2_200_000);
    assert_eq!(settlement["difference"], -1_200_000);
    let report = window.folder.path().join("実績報告書.xlsx");
    window.answer(Some(&report));
    window.ok("export_report", json!({"fileName": "実績報告書.xlsx"}));
    assert_eq!(defined(&report, "精算額合計"), 2_200_000.0);
    assert_eq!(defined(&report, "交付決定額"), 2_250_000.0);
    assert_eq!(defined(&report, "確定額"), 2_200_000.0);
    assert_eq!(defined(&report, "差引過不足額"), -1_200_000.0);

    // 実績報告済 → 確定.
    let snapshot = window.advance(json!({"kind": "submit_report", "reported_on": "R7.4.8"}));
    assert!(snapshot["frozen"].as_str().unwrap().contains("実績報告済"), "{snapshot}");
    window.advance(
        json!({"kind": "record_confirmation", "confirmed_on": "R7.6.2", "number": "7保医政第567号", "amount": "2200000"}),
    );
    let year = window.open_year();
    assert_eq!(year["lifecycle"]["status"], "settled");
    assert_eq!(year["lifecycle"]["confirmation"]["amount"], 2_200_000);
    assert_eq!(year["next_steps"], json!([]));

    // The history of the life: every step, who and when, old → new.
    let history = window.ok("lifecycle_history", json!({}));
    let statuses: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .filter(|change| change["field"] == "application.status")
        .filter_map(|change| change["new_value"].as_str())
        .collect();
    assert_eq!(statuses, ["提出済", "交付決定", "変更交付申請中", "交付決定", "実績報告作成中", "実績報告済", "確定"]);
    assert!(history.as_array().unwrap().iter().any(|change| change["field"] == "application.received"
        && change["new_value"].as_str().unwrap_or("").contains("1,000,000")));
}

#[test]
fn a_step_back_undoes_the_last_step_and_a_step_out_of_order_is_refused() {
    let window = eligible();
    let error = window.refused("advance", json!({"step": {"kind": "start_report"}}));
    assert!(!error["message"].as_str().unwrap().is_empty());
    window.advance(json!({"kind": "submit", "submitted_on": "2024-05-10"}));
    let snapshot = window.advance(json!({"kind": "step_back"}));
    assert_eq!(snapshot["status"], "draft");
    assert_eq!(snapshot["frozen"], Value::Null);
    window.set("tuition", "950000");
}

#[test]
fn a_figure_shows_who_changed_it_when_old_and_new() {
    let window = eligible();
    window.set("tuition", "950000");
    let changes = window.ok("figure_history", json!({"index": 0, "item": "tuition"}));
    let last = changes.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["editor"]["kind"], "administrator");
    assert!(last["old_value"].as_str().unwrap().contains("900,000"), "{last}");
    assert!(last["new_value"].as_str().unwrap().contains("950,000"), "{last}");
    // Only that figure: the 入学料's changes are not among the 受講料's.
    assert!(changes.as_array().unwrap().iter().all(|change| change["subject"].as_str().unwrap().ends_with("受講料")));
    window.set("other_costs", "60000");
    let other = window.ok("figure_history", json!({"index": 0, "item": "other_costs"}));
    assert!(other.as_array().unwrap().last().unwrap()["new_value"].as_str().unwrap().contains("60,000"), "{other}");
    let error = window.refused("figure_history", json!({"index": 5, "item": "tuition"}));
    assert!(error["message"].as_str().unwrap().contains("受講者"));
}

#[test]
fn the_workbooks_of_the_life_are_refused_before_their_step() {
    let window = eligible();
    let error = window.refused("export_report", json!({}));
    assert!(error["message"].as_str().unwrap().contains("実績報告を始める"), "{error}");
    let error = window.refused("export_change_request", json!({}));
    assert!(error["message"].as_str().unwrap().contains("変更交付申請を始める"), "{error}");
    assert_eq!(window.ok("plan_against_actual", json!({})), Value::Null);
}

#[test]
fn without_a_database_there_is_no_progress_and_no_step() {
    let folder = tempfile::tempdir().unwrap();
    let window = window_on(Workspace::in_memory(None), folder);
    window.ok("start_case", json!({"fiscalYear": 2024, "hospitalName": "さくら病院"}));
    assert_eq!(window.progress()["years"], json!([]));
    let error = window.refused("advance", json!({"step": {"kind": "submit", "submitted_on": "2024-05-10"}}));
    assert!(error["message"].as_str().unwrap().contains("データベース"), "{error}");
}
