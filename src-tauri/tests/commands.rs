//! Every command through Tauri's IPC on the mock runtime (tauri::test): the real handler, the real capability
//! (the app's tauri.conf.json and capabilities/), arguments as the UI sends them (camelCase), answers and
//! refusals as the UI receives them.

mod common;

use common::{OTHER_PLATFORMS_ORIGIN, Window, eligible, window, window_on};
use hojo_desktop::workspace::Workspace;
use serde_json::{Value, json};

impl Window {
    fn started(self) -> Window {
        self.ok("start_case", json!({"fiscalYear": 2024, "hospitalName": "さくら病院"}));
        self
    }

    fn with_trainee(self) -> Window {
        self.ok("edit_case", json!({"edit": {"kind": "add_trainee", "name": "看護 花子", "qualification": "palliative_care_cn", "enrolled_on": "令和6年4月1日", "course_ends_on": "令和7年3月31日"}}));
        self
    }
}

#[test]
fn an_application_starts_empty_and_refuses_a_blank_hospital_or_a_year_before_the_program() {
    let window = window();
    assert_eq!(window.ok("get_snapshot", json!({}))["case"], Value::Null);
    let error = window.refused("start_case", json!({"fiscalYear": 2024, "hospitalName": "  "}));
    assert_eq!(error["path"], "hospital.name");
    let error = window.refused("start_case", json!({"fiscalYear": 2020, "hospitalName": "さくら病院"}));
    assert!(error["message"].as_str().unwrap().contains("申請はできません"), "{error}");
    let snapshot = window.ok("start_case", json!({"fiscalYear": 2024, "hospitalName": "さくら病院"}));
    assert_eq!(snapshot["case"]["hospital"]["name"], "さくら病院");
    assert_eq!(snapshot["case"]["hospital"]["prefecture_code"], "13");
    assert_eq!(snapshot["calculation"]["total"], 0);
}

#[test]
fn every_edit_is_in_the_database_when_the_app_is_opened_again() {
    let window = window().started().with_trainee();
    window.ok(
        "edit_case",
        json!({"edit": {"kind": "set_trainee", "index": 0, "field": "tuition", "text": "９００，０００"}}),
    );
    window.ok("edit_case", json!({"edit": {"kind": "set_hospital", "field": "address", "text": "東京都新宿区"}}));
    let before = window.ok("get_snapshot", json!({}));
    assert_eq!(before["storage"]["persistent"], true);
    let database = before["storage"]["database"].as_str().unwrap().to_string();
    let folder = window.folder;
    drop(window.app);

    let reopened = window_on(Workspace::open(std::path::Path::new(&database)).unwrap(), folder);
    let after = reopened.ok("get_snapshot", json!({}));
    assert_eq!(after["case"], before["case"]);
    assert_eq!(after["case"]["trainees"][0]["tuition"], 900_000);
}

#[test]
fn without_a_database_the_screens_are_told_the_data_is_in_memory_only() {
    let workspace = Workspace::in_memory(Some("データベースを開けませんでした".to_string()));
    let window = window_on(workspace, tempfile::tempdir().unwrap()).started();
    let snapshot = window.ok("edit_case", json!({"edit": {"kind": "add_trainee", "name": "看護 花子", "qualification": "palliative_care_cn", "enrolled_on": "令和6年4月1日", "course_ends_on": "令和7年3月31日"}}));
    assert_eq!(snapshot["storage"]["persistent"], false);
    assert_eq!(snapshot["storage"]["problem"], "データベースを開けませんでした");
    assert_eq!(snapshot["case"]["trainees"][0]["name"], "看護 花子");
}

#[test]
fn edits_before_any_application_say_how_to_start_one() {
    let window = window();
    let error = window.refused("edit_case", json!({"edit": {"kind": "add_trainee", "name": "看護 花子", "qualification": "palliative_care_cn", "enrolled_on": "令和6年4月1日", "course_ends_on": "令和7年3月31日"}}));
    assert!(error["message"].as_str().unwrap().contains("はじめに"), "{error}");
    let error = window.refused("export_case_json", json!({}));
    assert!(error["message"].as_str().unwrap().contains("申請がまだありません"), "{error}");
}

#[test]
fn program_info_lists_the_qualifications_items_and_the_lifetime_cap() {
    let info = window().ok("program_info", json!({}));
    assert_eq!(info["lifetime_cap"], 12_300_000);
    assert_eq!(info["qualifications"].as_array().unwrap().len(), 3);
    let tuition = info["items"].as_array().unwrap().iter().find(|item| item["id"] == "tuition").unwrap();
    assert_eq!(tuition["standard"], 1_100_000);
    assert_eq!(tuition["counted_when"], "tuition_completed_in_year");
}

#[test]
fn hospital_fields_and_filings_change_the_checks() {
    let window = window().started();
    window.ok("edit_case", json!({"edit": {"kind": "set_hospital", "field": "beds", "text": "１２０"}}));
    window.ok(
        "edit_case",
        json!({"edit": {"kind": "set_hospital", "field": "founder_type", "text": "medical_corporation"}}),
    );
    window.ok(
        "edit_case",
        json!({"edit": {"kind": "add_filing", "symbol": "地包ケア１", "number": "第19号", "since": "令和4年10月1日"}}),
    );
    let snapshot =
        window.ok("edit_case", json!({"edit": {"kind": "add_filing", "symbol": "がん疼", "number": "", "since": ""}}));
    assert_eq!(snapshot["case"]["hospital"]["filings"][0]["since"], "2022-10-01");
    assert_eq!(snapshot["eligibility"]["verdict"], "eligible", "{}", snapshot["eligibility"]);

    let error =
        window.refused("edit_case", json!({"edit": {"kind": "set_hospital", "field": "beds", "text": "たくさん"}}));
    assert_eq!(error["path"], "hospital.beds");
    let error =
        window.refused("edit_case", json!({"edit": {"kind": "add_filing", "symbol": "", "number": "", "since": ""}}));
    assert!(error["message"].as_str().unwrap().contains("受理記号"), "{error}");
    let error = window
        .refused("edit_case", json!({"edit": {"kind": "add_filing", "symbol": "緩診", "number": "", "since": "昨日"}}));
    assert!(error["message"].as_str().unwrap().contains("日付として読めません"), "{error}");

    let snapshot = window.ok("edit_case", json!({"edit": {"kind": "remove_filing", "index": 1}}));
    assert_eq!(snapshot["eligibility"]["verdict"], "not_eligible");
    window.refused("edit_case", json!({"edit": {"kind": "remove_filing", "index": 5}}));
}

#[test]
fn a_cost_typed_in_full_width_with_commas_shows_in_the_calculation_at_once() {
    let window = window().started().with_trainee();
    window.ok(
        "edit_case",
        json!({"edit": {"kind": "set_trainee", "index": 0, "field": "admission", "text": "１００，０００円"}}),
    );
    window.ok("edit_case", json!({"edit": {"kind": "set_trainee", "index": 0, "field": "tuition", "text": "900,000"}}));
    let snapshot = window.ok(
        "edit_case",
        json!({"edit": {"kind": "set_trainee", "index": 0, "field": "tuition_completed_in_year", "text": "true"}}),
    );
    let row = &snapshot["calculation"]["trainees"][0];
    assert_eq!(row["D"], 1_000_000);
    assert_eq!(row["I"], 500_000);
    assert_eq!(snapshot["calculation"]["total"], 500_000);
}

#[test]
fn a_dry_run_checks_what_is_typed_and_shows_its_figures_without_saving_it() {
    let window = window().started().with_trainee();
    let preview = window.ok(
        "edit_case",
        json!({"edit": {"kind": "set_trainee", "index": 0, "field": "tuition", "text": "５"}, "dryRun": true}),
    );
    assert_eq!(preview["case"]["trainees"][0]["tuition"], 5);
    let error = window.refused(
        "edit_case",
        json!({"edit": {"kind": "set_trainee", "index": 0, "field": "tuition", "text": "５万"}, "dryRun": true}),
    );
    assert_eq!(error["path"], "trainees[0].tuition");
    window.ok("edit_case", json!({"edit": {"kind": "set_hospital", "field": "beds", "text": "99"}, "dryRun": true}));
    window.ok("edit_case", json!({"edit": {"kind": "set_salary_monthly", "index": 0, "monthly": true}}));
    window.ok(
        "edit_case",
        json!({"edit": {"kind": "set_salary_month", "index": 0, "month": "2024-04", "text": "1"}, "dryRun": true}),
    );
    let stored = window.ok("get_snapshot", json!({}));
    assert_eq!(stored["case"]["trainees"][0]["tuition"], 0, "nothing typed in a dry run is saved");
    assert_eq!(stored["case"]["hospital"].get("beds"), None);
    assert_eq!(stored["case"]["trainees"][0]["salary_months"][0]["amount"], 0);
}

#[test]
fn a_refused_amount_or_date_names_the_field_and_keeps_what_was_saved() {
    let window = window().started().with_trainee();
    window.ok("edit_case", json!({"edit": {"kind": "set_trainee", "index": 0, "field": "tuition", "text": "900000"}}));
    let error = window.refused(
        "edit_case",
        json!({"edit": {"kind": "set_trainee", "index": 0, "field": "tuition", "text": "九十万"}}),
    );
    assert_eq!(error["path"], "trainees[0].tuition");
    assert!(error["message"].as_str().unwrap().contains("数字で入力"), "{error}");
    let error = window.refused(
        "edit_case",
        json!({"edit": {"kind": "set_trainee", "index": 0, "field": "enrolled_on", "text": "令和6年2月30日"}}),
    );
    assert_eq!(error["path"], "trainees[0].enrolled_on");
    window.refused("edit_case", json!({"edit": {"kind": "set_trainee", "index": 3, "field": "tuition", "text": "1"}}));
    window.refused(
        "edit_case",
        json!({"edit": {"kind": "set_trainee", "index": 0, "field": "favourite_colour", "text": "1"}}),
    );
    assert_eq!(window.ok("get_snapshot", json!({}))["case"]["trainees"][0]["tuition"], 900_000);
}

#[test]
fn salary_by_month_is_kept_only_for_months_inside_the_course() {
    let window = window().started().with_trainee();
    window.ok(
        "edit_case",
        json!({"edit": {"kind": "set_trainee", "index": 0, "field": "enrolled_on", "text": "R6.10.1"}}),
    );
    let snapshot = window.ok("edit_case", json!({"edit": {"kind": "set_salary_monthly", "index": 0, "monthly": true}}));
    assert_eq!(snapshot["case"]["trainees"][0]["salary_months"].as_array().unwrap().len(), 6, "October to March");
    window.ok(
        "edit_case",
        json!({"edit": {"kind": "set_salary_month", "index": 0, "month": "2024-10", "text": "３００，０００"}}),
    );
    let snapshot = window.ok("get_snapshot", json!({}));
    assert_eq!(snapshot["calculation"]["trainees"][0]["D"], 300_000);
    // A month outside the course is kept as typed (so nothing typed is lost) and never counted.
    let snapshot = window.ok(
        "edit_case",
        json!({"edit": {"kind": "set_salary_month", "index": 0, "month": "2024-05", "text": "300000"}}),
    );
    assert!(
        snapshot["case"]["trainees"][0]["salary_months"].as_array().unwrap().iter().any(|m| m["month"] == "2024-05")
    );
    assert_eq!(snapshot["calculation"]["trainees"][0]["D"], 300_000, "May is not counted");
    let warnings = snapshot["calculation"]["trainees"][0]["warnings"].to_string();
    assert!(warnings.contains("受講期間の外"), "{warnings}");
    // Once months hold amounts, 入学日 still moves (#9 15) and the 年度's total replaces the months in one step.
    let moved = window.ok(
        "edit_case",
        json!({"edit": {"kind": "set_trainee", "index": 0, "field": "enrolled_on", "text": "R6.9.1"}}),
    );
    assert_eq!(moved["case"]["trainees"][0]["enrolled_on"], "2024-09-01");
    // A month is removed by emptying it; a month outside the course must go before the switch (it is not the
    // 年度's to count), the others are added up.
    window.ok("edit_case", json!({"edit": {"kind": "set_salary_month", "index": 0, "month": "2024-05", "text": ""}}));
    let yearly = window.ok("edit_case", json!({"edit": {"kind": "set_salary_monthly", "index": 0, "monthly": false}}));
    assert_eq!(yearly["case"]["trainees"][0]["salary_months"], json!([]));
    assert_eq!(yearly["calculation"]["trainees"][0]["D"], 300_000, "the months' total is kept as the 年度's");
    window.refused("edit_case", json!({"edit": {"kind": "set_salary_month", "index": 0, "month": "May", "text": "1"}}));
}

#[test]
fn a_once_only_item_claimed_before_has_no_standard_this_year() {
    let window = window().started().with_trainee();
    window
        .ok("edit_case", json!({"edit": {"kind": "set_trainee", "index": 0, "field": "admission", "text": "200000"}}));
    let snapshot = window
        .ok("edit_case", json!({"edit": {"kind": "set_prior_item", "index": 0, "item": "admission", "claimed": true}}));
    assert_eq!(snapshot["calculation"]["trainees"][0]["F"], 0);
    window.refused(
        "edit_case",
        json!({"edit": {"kind": "set_prior_item", "index": 0, "item": "tuition", "claimed": true}}),
    );
}

#[test]
fn trainees_are_added_and_removed() {
    let window = window().started().with_trainee();
    window.refused("edit_case", json!({"edit": {"kind": "add_trainee", "name": "", "qualification": "palliative_care_cn", "enrolled_on": "令和6年4月1日", "course_ends_on": "令和7年3月31日"}}));
    let snapshot = window.ok("edit_case", json!({"edit": {"kind": "remove_trainee", "index": 0}}));
    assert_eq!(snapshot["case"]["trainees"], json!([]));
    assert!(
        snapshot["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["message"].as_str().unwrap().contains("受講者が登録されていません"))
    );
    window.refused("edit_case", json!({"edit": {"kind": "remove_trainee", "index": 0}}));
}

#[test]
fn the_case_file_goes_out_and_comes_back_the_same_where_the_dialogs_said() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("申請.json");
    let window = window().started().with_trainee();
    window.ok("edit_case", json!({"edit": {"kind": "set_trainee", "index": 0, "field": "tuition", "text": "900000"}}));
    window.answer(Some(&path));
    let written = window.ok("export_case_json", json!({"fileName": "../../etc/申請.json"}));
    assert_eq!(written, path.to_str().unwrap());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "names and salaries: readable by the user only");
    }
    let exported = window.ok("get_snapshot", json!({}))["case"].clone();

    let other = self::window();
    other.answer(Some(&path));
    let snapshot = other.ok("import_case_json", json!({}));
    assert_eq!(snapshot["case"], exported);

    std::fs::write(folder.path().join("broken.json"), "{\"format\": \"hojo-case/1\"").unwrap();
    other.answer(Some(&folder.path().join("broken.json")));
    let error = other.refused("import_case_json", json!({}));
    assert!(error["message"].as_str().unwrap().contains("途中で終わっています"), "{error}");
    other.answer(Some(&folder.path().join("none.json")));
    let error = other.refused("import_case_json", json!({}));
    assert!(error["message"].as_str().unwrap().contains("見つかりません"), "{error}");
    window.answer(Some(&folder.path().join("no/such/folder/x.json")));
    let error = window.refused("export_case_json", json!({}));
    assert!(error["message"].as_str().unwrap().contains("書き出せませんでした"), "{error}");
}

#[test]
fn a_cancelled_dialog_reads_and_writes_nothing() {
    let window = window().started().with_trainee();
    window.answer(None);
    assert_eq!(window.ok("export_case_json", json!({})), Value::Null);
    window.answer(None);
    assert_eq!(window.ok("import_case_json", json!({})), Value::Null);
    window.answer(None);
    assert_eq!(window.ok("export_workbook", json!({"draft": true})), Value::Null);
    window.answer(None);
    assert_eq!(window.ok("meibo_open", json!({})), Value::Null);
    assert_eq!(window.ok("get_snapshot", json!({}))["case"]["trainees"][0]["name"], "看護 花子");
}

#[test]
fn the_folder_opened_is_only_that_of_a_file_the_user_wrote() {
    let error = window().refused("open_folder", json!({}));
    assert!(error["message"].as_str().unwrap().contains("書き出していません"), "{error}");
}

#[test]
fn a_remote_origin_is_refused_even_the_apps_own_commands() {
    let window = window();
    assert!(window.call_from("https://example.com", "get_snapshot", json!({})).is_err());
    assert!(window.call_from(OTHER_PLATFORMS_ORIGIN, "get_snapshot", json!({})).is_err(), "another system's origin");
    assert!(window.call("get_snapshot", json!({})).is_ok());
}

#[test]
fn the_screens_can_say_they_are_ready() {
    assert_eq!(window().ok("app_ready", json!({})), Value::Null);
}

#[test]
fn every_command_of_the_app_is_covered_here() {
    // The commands of the application's life are tested in their own file.
    let source = [include_str!("commands.rs"), include_str!("lifecycle_commands.rs")].concat();
    for command in hojo_desktop::COMMANDS {
        assert!(
            source.contains(&format!("\"{command}\"")),
            "the command {command} has no test in tests/commands.rs or tests/lifecycle_commands.rs"
        );
    }
}

/// The (I) 補助所要額 of a trainee in 別紙2 of an exported workbook, read back with calamine.
fn subsidy_in_workbook(path: &std::path::Path, trainee: &str) -> f64 {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let mut workbook: Xlsx<_> = open_workbook(path).unwrap();
    let sheet = workbook.worksheet_range("別紙2_所要額調書").unwrap();
    // Absolute positions: B holds the name, L the (I) 補助所要額 (spec/workbook.md, 別紙2).
    let (first, last) = (sheet.start().unwrap(), sheet.end().unwrap());
    let row = (first.0..=last.0)
        .find(|&row| sheet.get_value((row, 1)) == Some(&Data::String(trainee.to_string())))
        .expect("the trainee's row");
    match sheet.get_value((row, 11)).cloned().unwrap_or(Data::Empty) {
        Data::Float(value) => value,
        Data::Int(value) => value as f64,
        other => panic!("(I) is {other:?}"),
    }
}

#[test]
fn the_workbook_is_written_where_the_save_dialog_said_with_the_amounts_on_screen() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("申請書.xlsx");
    let window = eligible();
    let snapshot = window.ok("get_snapshot", json!({}));
    assert_eq!(snapshot["calculation"]["total"], 2_300_000);
    window.answer(Some(&path));
    let exported = window.ok("export_workbook", json!({"draft": false}));
    assert_eq!(exported["path"], path.to_str().unwrap());
    assert_eq!(subsidy_in_workbook(&path, "看護 花子"), 2_300_000.0);
    // Saving again over the same file (the dialog asked already) replaces it.
    window.ok("edit_case", json!({"edit": {"kind": "set_trainee", "index": 0, "field": "salary", "text": "0"}}));
    window.answer(Some(&path));
    window.ok("export_workbook", json!({"draft": false}));
    assert_eq!(subsidy_in_workbook(&path, "看護 花子"), 500_000.0);
}

#[test]
fn a_workbook_of_an_ineligible_hospital_is_refused_unless_a_draft() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("申請書.xlsx");
    let window = eligible();
    window.ok("edit_case", json!({"edit": {"kind": "add_filing", "symbol": "緩診", "number": "", "since": ""}}));
    window.answer(Some(&path));
    let error = window.refused("export_workbook", json!({"draft": false}));
    assert!(error["message"].as_str().unwrap().contains("下書き"), "{error}");
    assert!(!path.exists(), "no file after a refusal");
    window.answer(Some(&path));
    let exported = window.ok("export_workbook", json!({"draft": true}));
    assert!(!exported["blocking"].as_array().unwrap().is_empty());
    assert!(path.exists());
}

fn meibo_fixture() -> String {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/meibo/meibo-19-yamanashi-r0710.xlsx");
    path.canonicalize().unwrap().to_str().unwrap().to_string()
}

#[test]
fn the_meibo_fills_the_hospital_and_its_filings_but_never_guesses_the_founder_into_it() {
    let window = window().started();
    let error = window.refused("meibo_search", json!({"query": "病院"}));
    assert!(error["message"].as_str().unwrap().contains("名簿ファイルを選んで"), "{error}");
    window.answer(Some(std::path::Path::new(&meibo_fixture())));
    let summary = window.ok("meibo_open", json!({}));
    assert!(summary["institutions"].as_u64().unwrap() > 100, "{summary}");
    assert_eq!(summary["file_name"], "meibo-19-yamanashi-r0710.xlsx");
    assert_eq!((&summary["authority"], &summary["prefectures"]), (&json!("関東信越厚生局"), &json!(["山梨県"])));
    let candidates = window.ok("meibo_search", json!({"query": "病院"}));
    let first = &candidates[0];
    assert_eq!(first["meets_filing_conditions"], true, "hospitals meeting the conditions come first: {first}");
    let number = first["number"].as_str().unwrap();
    let by_number = window.ok("meibo_search", json!({"query": number}));
    assert_eq!(by_number[0]["name"], first["name"]);

    assert_eq!(first["address"], "山梨県甲府市宝一丁目９－１", "the prefecture in front, as an application writes it");

    // A dry run shows what would change and changes nothing.
    let preview = window.ok("meibo_apply", json!({"number": number, "dryRun": true}));
    let labels: Vec<&str> =
        preview["changes"].as_array().unwrap().iter().map(|c| c["label"].as_str().unwrap()).collect();
    assert!(
        labels.contains(&"名称") && labels.contains(&"都道府県") && labels.contains(&"届出 地包ケア２"),
        "{labels:?}"
    );
    let prefecture = preview["changes"].as_array().unwrap().iter().find(|c| c["field"] == "prefecture_code").unwrap();
    assert_eq!((&prefecture["before"], &prefecture["after"]), (&json!("東京都"), &json!("山梨県")));
    assert_eq!(
        window.ok("get_snapshot", json!({}))["case"]["hospital"]["name"],
        "さくら病院",
        "a dry run keeps nothing"
    );

    let applied = window.ok("meibo_apply", json!({"number": number}));
    assert_eq!(applied["changes"], preview["changes"]);
    let hospital = &applied["snapshot"]["case"]["hospital"];
    assert_eq!(hospital["name"], first["name"]);
    assert_eq!(hospital["prefecture_code"], "19");
    assert!(hospital.get("founder_type").is_none_or(Value::is_null), "{hospital}");
    // Only the 届出 the program's rules name come in (甲府共立病院 has dozens): the profile and the workbook's data
    // sheet carry what the application rests on.
    let symbols: Vec<&str> =
        hospital["filings"].as_array().unwrap().iter().map(|f| f["symbol"].as_str().unwrap()).collect();
    assert_eq!(symbols, ["地包ケア２", "がん疼"]);
    let checks = applied["snapshot"]["eligibility"]["checks"].as_array().unwrap();
    let h4 = checks.iter().find(|check| check["id"] == "H4").unwrap();
    assert_eq!(h4["verdict"], "met", "{h4}");
    // 地包ケア２ since 令和6年10月1日, in the middle of 令和6年度: the months before it are the 都's to confirm.
    let h3 = checks.iter().find(|check| check["id"] == "H3").unwrap();
    assert_eq!(h3["verdict"], "needs_confirmation", "{h3}");
    assert!(h3["reason"].as_str().unwrap().contains("地包ケア２の算定開始は令和6年10月1日です"), "{h3}");
    // Applying again changes nothing; every 届出 only on request.
    assert_eq!(window.ok("meibo_apply", json!({"number": number}))["changes"], json!([]));
    let all = window.ok("meibo_apply", json!({"number": number, "allFilings": true}));
    assert!(all["snapshot"]["case"]["hospital"]["filings"].as_array().unwrap().len() > 20, "{all}");
    window.refused("meibo_apply", json!({"number": "0000000"}));
}

#[test]
fn a_file_that_is_not_a_meibo_is_refused_with_its_name() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("memo.xlsx");
    std::fs::write(&path, "not a spreadsheet").unwrap();
    let window = window();
    window.answer(Some(&path));
    let error = window.refused("meibo_open", json!({}));
    let message = error["message"].as_str().unwrap();
    assert!(message.contains("memo.xlsx") && message.contains("Excel"), "{message}");
}

#[test]
fn backups_are_listed_taken_and_restored() {
    let window = window().started().with_trainee();
    let before = window.ok("backup_now", json!({}));
    let newest = before[0]["path"].as_str().unwrap().to_string();
    assert_eq!(before[0]["reason"], "手動");
    assert!(!window.ok("list_backups", json!({})).as_array().unwrap().is_empty());
    window.ok("edit_case", json!({"edit": {"kind": "remove_trainee", "index": 0}}));
    let restored = window.ok("restore_backup", json!({"path": newest}));
    assert_eq!(restored["case"]["trainees"][0]["name"], "看護 花子", "the trainee is back");
    let error =
        window.refused("restore_backup", json!({"path": window.folder.path().join("none.sqlite3").to_str().unwrap()}));
    assert!(!error["message"].as_str().unwrap().is_empty());
}

#[test]
fn a_nurses_cost_sheet_goes_to_the_administrator_and_her_edits_carry_her_name() {
    let window = window().started().with_trainee();
    window.ok(
        "edit_case",
        json!({"edit": {"kind": "set_trainee", "index": 0, "field": "tuition", "text": "450,000"}, "asNurse": true}),
    );
    let sheet = window.folder.path().join("看護花子_費用.json");
    window.answer(Some(&sheet));
    window.ok("export_trainee_costs", json!({"index": 0}));
    let text = std::fs::read_to_string(&sheet).unwrap();
    assert!(text.contains("450000"), "{text}");
    // Opened by mistake as an application (#9 14): said what it is and where it goes, not the format's errors.
    window.answer(Some(&sheet));
    let error = window.refused("import_case_json", json!({}));
    let message = error["message"].as_str().unwrap();
    assert!(message.contains("受講者の費用の記録") && message.contains("受講者用"), "{message}");
    assert!(!message.contains("値の種類"), "{message}");
    window.ok("edit_case", json!({"edit": {"kind": "set_trainee", "index": 0, "field": "tuition", "text": "0"}}));
    // #9 2: what the sheet changes is shown first (before → after) and nothing is written until she agrees;
    // what the sheet does not carry (人件費, typed by the administrator) is left alone.
    window.ok("edit_case", json!({"edit": {"kind": "set_trainee", "index": 0, "field": "salary", "text": "4500000"}}));
    window.answer(Some(&sheet));
    let preview = window.ok("preview_trainee_costs", json!({}));
    let tuition = preview["changes"].as_array().unwrap().iter().find(|c| c["item"] == "tuition").unwrap();
    assert_eq!((&tuition["before"], &tuition["after"]), (&json!(0), &json!(450_000)), "{preview}");
    assert_eq!(window.ok("get_snapshot", json!({}))["case"]["trainees"][0]["tuition"], 0, "nothing written yet");
    let snapshot = window.ok("import_trainee_costs", json!({}));
    assert_eq!(snapshot["case"]["trainees"][0]["tuition"], 450_000);
    assert_eq!(snapshot["case"]["trainees"][0]["salary"], 4_500_000, "人件費 kept");
    window.refused("import_trainee_costs", json!({}));
    std::fs::write(&sheet, "{}").unwrap();
    window.answer(Some(&sheet));
    let error = window.refused("preview_trainee_costs", json!({}));
    assert!(error["message"].as_str().unwrap().contains("読み込めませんでした"), "{error}");
    window.answer(Some(&sheet));
    window.refused("export_trainee_costs", json!({"index": 7}));
}

/// #9 13: the saved applications are listed, the one last worked on reopens, and a stray space in the name
/// finds the same hospital instead of an empty application.
#[test]
fn saved_applications_are_listed_and_the_one_last_worked_on_reopens() {
    let window = window().started().with_trainee();
    window.ok("start_case", json!({"fiscalYear": 2025, "hospitalName": "さくら病院　"}));
    let list = window.ok("list_applications", json!({}));
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2, "one hospital, two 年度: {list:?}");
    assert!(list.iter().all(|saved| saved["hospital_name"] == "さくら病院"));
    // The start form asks which applications a typed name means: the library's rule, not the screen's.
    let named = window.ok("list_applications", json!({"name": " さくら病院　"}));
    assert_eq!(named.as_array().map(Vec::len), Some(2));
    let other = window.ok("list_applications", json!({"name": "さくら 病院"}));
    assert_eq!(other.as_array().map(Vec::len), Some(0), "a space inside a name is part of it");
    // Back to 令和6年度 and an edit there: that is the application last worked on.
    let first = list.iter().find(|saved| saved["fiscal_year"] == 2024).unwrap();
    assert_eq!(first["fiscal_year_label"], "令和6年度");
    assert_eq!(first["trainee_count"], 1);
    let opened = window.ok("open_application", json!({"id": first["id"]}));
    assert_eq!(opened["case"]["fiscal_year"], 2024);
    window.ok("edit_case", json!({"edit": {"kind": "set_trainee", "index": 0, "field": "tuition", "text": "1"}}));
    let database = window.ok("get_snapshot", json!({}))["storage"]["database"].as_str().unwrap().to_string();
    let folder = window.folder;
    drop(window.app);
    let reopened = window_on(Workspace::open(std::path::Path::new(&database)).unwrap(), folder);
    assert_eq!(reopened.ok("get_snapshot", json!({}))["case"]["fiscal_year"], 2024, "not the newest 年度");
    reopened.refused("open_application", json!({"id": 999}));
}

/// #9 12: the second 年度 offers the trainee whose course continues, with what she carries.
#[test]
fn a_new_year_offers_the_continuing_trainee_with_what_she_carries() {
    let window = window().started();
    window.ok(
        "edit_case",
        json!({"edit": {"kind": "add_trainee", "name": "看護 花子", "qualification": "cancer_nursing_cns", "enrolled_on": "令和6年4月1日", "course_ends_on": "令和8年3月31日"}}),
    );
    window
        .ok("edit_case", json!({"edit": {"kind": "set_trainee", "index": 0, "field": "admission", "text": "282000"}}));
    window.ok("start_case", json!({"fiscalYear": 2025, "hospitalName": "さくら病院"}));
    let offered = window.ok("continuing_courses", json!({}));
    let offered = offered.as_array().unwrap();
    assert_eq!(offered.len(), 1, "{offered:?}");
    assert_eq!(offered[0]["name"], "看護 花子");
    assert_eq!(offered[0]["prior_items"], json!(["admission"]));
    let snapshot = window.ok("carry_courses", json!({"courses": [offered[0]["course_id"]]}));
    let trainee = &snapshot["case"]["trainees"][0];
    assert_eq!(trainee["name"], "看護 花子");
    assert_eq!(trainee["prior_items"], json!(["admission"]), "入学料 counted in 令和6年度 is not claimed again");
    assert_eq!(window.ok("continuing_courses", json!({})), json!([]), "offered once");
}

/// Issue 12: the programs are offered by their names, and one hospital holds an application of each program in
/// the same 年度; the 研修会 program's application is its own (研修会, 経費 with 積算内訳), the nurse one untouched.
#[test]
fn a_training_application_starts_beside_the_nurse_one_of_the_same_hospital_and_year() {
    let programs = window().ok("list_programs", json!({}));
    let names: Vec<&str> = programs.as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        ["東京都緩和ケア関連専門看護師等資格取得支援事業", "東京都がん診療連携協力病院緩和ケア研修会事業"]
    );
    assert_eq!(programs[1]["row_kind"], "hospital");

    let window = window().started().with_trainee();
    let error =
        window.refused("start_case", json!({"fiscalYear": 2024, "hospitalName": "さくら病院", "program": "kanwa-x"}));
    assert_eq!(error["path"], "program");
    let started =
        window.ok("start_case", json!({"fiscalYear": 2024, "hospitalName": "さくら病院", "program": "kanwa-training"}));
    assert_eq!(started["case"]["program"], "kanwa-training");
    assert_eq!(started["case"]["trainees"], json!([]));
    let info = window.ok("program_info", json!({}));
    assert_eq!((info["id"].as_str(), info["row_kind"].as_str()), (Some("kanwa-training"), Some("hospital")));
    assert_eq!(info["yearly_standard"], 2_434_000);
    assert_eq!(info["asks_filings"], false);
    assert_eq!(info["declarations"][0]["field"], "designated_cooperating_hospital");
    assert_eq!(info["training_checks"], json!(["K2"]));

    let edit = |edit: Value| window.ok("edit_case", json!({ "edit": edit }));
    edit(json!({"kind": "set_hospital", "field": "designated_cooperating_hospital", "text": "true"}));
    edit(json!({"kind": "add_training", "title": "緩和ケア研修会", "held_on": "令和6年10月12日"}));
    edit(json!({"kind": "set_training", "index": 0, "field": "planned_participants", "text": "２４人"}));
    let snapshot = edit(json!({"kind": "set_training", "index": 0, "field": "follows_guideline", "text": "true"}));
    let checks = snapshot["eligibility"]["checks"].as_array().unwrap();
    let verdict = |id: &str| checks.iter().find(|check| check["id"] == id).unwrap()["verdict"].clone();
    assert_eq!((verdict("K1"), verdict("K2")), (json!("met"), json!("met")));
    for (field, text) in
        [("description", "講師謝金"), ("unit_price", "３０，０００"), ("quantity", "4人"), ("unit", "人")]
    {
        edit(json!({"kind": "set_working_line", "item": "lecturer_fee", "index": 0, "field": field, "text": text}));
    }
    let error = window.refused("edit_case", json!({"edit": {"kind": "set_cost", "item": "lecturer_fee", "text": "1"}}));
    assert!(error["message"].as_str().unwrap().contains("積算内訳"), "{error}");
    edit(json!({"kind": "set_cost", "item": "venue", "text": "50,000円"}));
    edit(json!({"kind": "set_cost", "item": "other_income", "text": "10000"}));
    let snapshot = window.ok("get_snapshot", json!({}));
    let row = &snapshot["calculation"]["trainees"][0];
    assert_eq!((row["A"].as_i64(), row["B"].as_i64(), row["D"].as_i64()), (Some(170_000), Some(10_000), Some(170_000)));
    assert_eq!(row["I"], 160_000);

    // Removed and put back where it was (undo).
    let line = snapshot["case"]["workings"]["lecturer_fee"][0].clone();
    edit(json!({"kind": "remove_working_line", "item": "lecturer_fee", "index": 0}));
    let back = edit(json!({"kind": "restore_working_line", "item": "lecturer_fee", "index": 0, "line": line}));
    assert_eq!(back["case"]["costs"]["lecturer_fee"], 120_000);
    let training = back["case"]["trainings"][0].clone();
    edit(json!({"kind": "remove_training", "index": 0}));
    let back = edit(json!({"kind": "restore_training", "index": 0, "training": training}));
    assert_eq!(back["case"]["trainings"][0]["planned_participants"], 24);

    let list = window.ok("list_applications", json!({"name": "さくら病院"}));
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2, "one hospital, one 年度, two programs: {list:?}");
    let nurse = list.iter().find(|saved| saved["program"] == "kanwa-nurse").unwrap();
    let training = list.iter().find(|saved| saved["program"] == "kanwa-training").unwrap();
    assert_eq!(training["program_label"], "東京都がん診療連携協力病院緩和ケア研修会事業");
    assert_eq!((training["training_count"].as_i64(), nurse["trainee_count"].as_i64()), (Some(1), Some(1)));
    let reopened = window.ok("open_application", json!({"id": nurse["id"]}));
    assert_eq!(reopened["case"]["trainees"][0]["name"], "看護 花子");
    assert_eq!(reopened["case"]["trainings"], Value::Null, "the nurse application has no 研修会");
    assert_eq!(window.ok("program_info", json!({}))["row_kind"], "trainee");
    // Starting the nurse program again opens its application, not the 研修会 one.
    let again =
        window.ok("start_case", json!({"fiscalYear": 2024, "hospitalName": "さくら病院", "program": "kanwa-nurse"}));
    assert_eq!(again["case"]["trainees"].as_array().map(Vec::len), Some(1));
}

// ---- A 実績報告's receipts and their files (receipt_commands.rs) ----

/// The example 実績報告 (four receipts: 入学料, 受講料 ×2, その他) read in through 「JSONを読み込む」.
fn report_window() -> Window {
    let window = window();
    let report =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/reports/sakura-hospital-report.json");
    window.answer(Some(&report));
    let snapshot = window.ok("import_case_json", json!({}));
    assert_eq!(snapshot["case"]["stage"], "report", "{}", snapshot["case"]);
    window
}

/// A scan as the user has it on her disk.
fn scan(window: &Window, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = window.folder.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn receipts_are_edited_as_typed_and_the_items_amount_is_their_sum() {
    let window = report_window();
    let before = window.ok("get_snapshot", json!({}));
    assert_eq!(before["case"]["trainees"][0]["tuition"], 900_000);
    // 和暦 and full-width digits, made on 受講者用 by the nurse herself.
    let snapshot = window.ok(
        "edit_case",
        json!({"edit": {"kind": "add_receipt", "index": 0, "item": "tuition", "paid_on": "令和６年１２月１日", "payee": "日本看護協会看護研修学校", "description": "実習費", "amount": "３０，０００"}, "asNurse": true}),
    );
    let trainee = &snapshot["case"]["trainees"][0];
    assert_eq!(trainee["tuition"], 930_000);
    let added = trainee["receipts"].as_array().unwrap().iter().find(|r| r["description"] == "実習費").unwrap().clone();
    assert_eq!((&added["paid_on"], &added["amount"]), (&json!("2024-12-01"), &json!(30_000)));
    let position = trainee["receipts"].as_array().unwrap().iter().position(|r| r["description"] == "実習費").unwrap();
    // A refused amount names its field and keeps what was saved.
    let error = window.refused(
        "edit_case",
        json!({"edit": {"kind": "set_receipt", "index": 0, "receipt": position, "field": "amount", "text": "三万"}}),
    );
    assert_eq!(error["path"], format!("trainees[0].receipts[{position}].amount"));
    let snapshot = window.ok(
        "edit_case",
        json!({"edit": {"kind": "set_receipt", "index": 0, "receipt": position, "field": "amount", "text": "40,000"}}),
    );
    assert_eq!(snapshot["case"]["trainees"][0]["tuition"], 940_000);
    // Removed, then put back (元に戻す).
    let snapshot = window.ok("edit_case", json!({"edit": {"kind": "remove_receipt", "index": 0, "receipt": position}}));
    assert_eq!(snapshot["case"]["trainees"][0]["tuition"], 900_000);
    let mut value = added.clone();
    value["amount"] = json!(40_000);
    let snapshot = window
        .ok("edit_case", json!({"edit": {"kind": "restore_receipt", "index": 0, "receipt": position, "value": value}}));
    assert_eq!(snapshot["case"]["trainees"][0]["tuition"], 940_000);
    // A receipt without a 支払先 is a finding about that receipt.
    let snapshot = window.ok(
        "edit_case",
        json!({"edit": {"kind": "set_receipt", "index": 0, "receipt": position, "field": "payee", "text": ""}}),
    );
    let findings = snapshot["findings"].as_array().unwrap();
    assert!(
        findings
            .iter()
            .any(|f| f["path"].as_str().is_some_and(|p| p.starts_with(&format!("trainees[0].receipts[{position}]")))),
        "{findings:?}"
    );
    // Entered under the wrong item: moved to another (as the screen's 費目 choice sends it); both amounts follow.
    let snapshot = window.ok(
        "edit_case",
        json!({"edit": {"kind": "set_receipt", "index": 0, "receipt": position, "field": "item", "text": "other_costs"}}),
    );
    let trainee = &snapshot["case"]["trainees"][0];
    assert_eq!((&trainee["tuition"], &trainee["other_costs"]), (&json!(900_000), &json!(90_000)), "{trainee}");
}

#[test]
fn receipts_and_their_files_belong_to_a_report_and_an_application_refuses_them() {
    let window = window().started().with_trainee();
    let error = window.refused(
        "edit_case",
        json!({"edit": {"kind": "add_receipt", "index": 0, "item": "tuition", "paid_on": "2024-05-01", "payee": "大学", "description": "授業料", "amount": "1000"}}),
    );
    assert!(!error["message"].as_str().unwrap().is_empty(), "{error}");
    let file = scan(&window, "領収書.pdf", b"%PDF-1.4 receipt");
    window.answer(Some(&file));
    window.refused("attach_receipt_file", json!({"index": 0, "receipt": 0}));
    assert_eq!(window.ok("list_attachments", json!({})), json!([]));
}

#[test]
fn a_file_is_attached_to_a_receipt_listed_without_its_data_saved_elsewhere_and_removed() {
    let window = report_window();
    let bytes: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    let file = scan(&window, "前期授業料.pdf", &bytes);
    window.answer(Some(&file));
    let listed = window.ok("attach_receipt_file", json!({"index": 0, "receipt": 1, "asNurse": true}));
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 1, "{listed:?}");
    let info = &listed[0];
    assert_eq!((&info["trainee"], &info["receipt"]), (&json!(0), &json!(1)));
    assert_eq!(info["file_name"], "前期授業料.pdf");
    assert_eq!(info["size"], bytes.len());
    assert_eq!(info["item"], "tuition");
    assert!(info.get("data").is_none(), "the list carries no data: {info}");
    assert_eq!(window.ok("list_attachments", json!({})), json!(listed));
    // A cancelled dialog attaches nothing.
    window.answer(None);
    assert_eq!(window.ok("attach_receipt_file", json!({"index": 0, "receipt": 2})), Value::Null);
    assert_eq!(window.ok("list_attachments", json!({})).as_array().unwrap().len(), 1);
    // Saved elsewhere: the same bytes, private.
    let copy = window.folder.path().join("copy.pdf");
    window.answer(Some(&copy));
    window.ok("export_attachment", json!({"id": info["id"]}));
    assert_eq!(std::fs::read(&copy).unwrap(), bytes);
    // A file that does not exist is refused with its name.
    window.answer(Some(&window.folder.path().join("none.pdf")));
    let error = window.refused("attach_receipt_file", json!({"index": 0, "receipt": 2}));
    assert!(error["message"].as_str().unwrap().contains("none.pdf"), "{error}");
    let error = window.refused("open_attachment", json!({"id": 9999}));
    assert!(error["message"].as_str().unwrap().contains("添付ファイル"), "{error}");
    assert_eq!(window.ok("remove_attachment", json!({"id": info["id"]})), json!([]));
    window.refused("remove_attachment", json!({"id": info["id"]}));
}

#[test]
fn the_receipt_files_go_into_the_chosen_folder_named_by_trainee_item_and_date_and_survive_a_restart() {
    let window = report_window();
    for (receipt, name) in [(1, "scan1.pdf"), (2, "scan2.pdf"), (3, "レシート.jpg")] {
        let file = scan(&window, name, name.as_bytes());
        window.answer(Some(&file));
        window.ok("attach_receipt_file", json!({"index": 0, "receipt": receipt}));
    }
    let database = window.ok("get_snapshot", json!({}))["storage"]["database"].as_str().unwrap().to_string();
    let folder = window.folder;
    drop(window.app);
    let window = window_on(Workspace::open(std::path::Path::new(&database)).unwrap(), folder);
    assert_eq!(window.ok("list_attachments", json!({})).as_array().unwrap().len(), 3, "kept in the database");

    let out = window.folder.path().join("領収書等の写し");
    std::fs::create_dir(&out).unwrap();
    window.answer(Some(&out));
    let exported = window.ok("export_receipt_files", json!({}));
    let mut names: Vec<String> =
        exported["files"].as_array().unwrap().iter().map(|name| name.as_str().unwrap().to_string()).collect();
    names.sort();
    assert_eq!(names.len(), 3, "{exported}");
    assert!(names.iter().any(|n| n.contains("受講料_2024-04-10") && n.ends_with(".pdf")), "{names:?}");
    assert!(names.iter().any(|n| n.contains("受講料_2024-10-10") && n.ends_with(".pdf")), "{names:?}");
    assert!(names.iter().any(|n| n.ends_with("_2024-05-12.jpg")), "{names:?}");
    assert!(names.iter().all(|n| n.starts_with("看護")), "named by trainee: {names:?}");
    for name in &names {
        assert!(out.join(name).is_file(), "{name} written");
    }
    let scan1 = names.iter().find(|n| n.contains("2024-04-10")).unwrap();
    assert_eq!(std::fs::read(out.join(scan1)).unwrap(), b"scan1.pdf");
    window.answer(None);
    assert_eq!(window.ok("export_receipt_files", json!({})), Value::Null);
}

/// The nurse's cost sheet of a report carries her receipts (`hojo-trainee-costs/2`); reading it in lists the
/// receipts it adds before anything is written.
#[test]
fn a_nurses_cost_sheet_of_a_report_carries_her_receipts_and_the_preview_lists_them() {
    let window = report_window();
    let sheet = window.folder.path().join("看護花子_費用.json");
    window.answer(Some(&sheet));
    window.ok("export_trainee_costs", json!({"index": 0}));
    let text = std::fs::read_to_string(&sheet).unwrap();
    assert!(text.contains("hojo-trainee-costs/2") && text.contains("後期授業料"), "{text}");
    let snapshot = window.ok("edit_case", json!({"edit": {"kind": "remove_receipt", "index": 0, "receipt": 2}}));
    assert_eq!(snapshot["case"]["trainees"][0]["tuition"], 450_000);
    window.answer(Some(&sheet));
    let preview = window.ok("preview_trainee_costs", json!({}));
    let added = preview["added_receipts"].as_array().unwrap();
    assert!(added.iter().any(|r| r["description"] == "後期授業料"), "{preview}");
    assert_eq!(window.ok("get_snapshot", json!({}))["case"]["trainees"][0]["tuition"], 450_000, "nothing written yet");
    let snapshot = window.ok("import_trainee_costs", json!({}));
    assert_eq!(snapshot["case"]["trainees"][0]["tuition"], 900_000);
}
