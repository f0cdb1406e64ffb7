//! `hojo export`: the command-line contract (refusals, --force, --draft, no half-written file) and what the
//! written workbook holds, read back with calamine as any viewer would see it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{Data, Reader, Xlsx, open_workbook};

fn hojo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hojo")).args(args).output().expect("hojo runs")
}

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name)
}

fn case_with(edit: impl FnOnce(&mut serde_json::Value), folder: &Path) -> PathBuf {
    let text = std::fs::read_to_string(example("sakura-hospital.json")).unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    edit(&mut value);
    let path = folder.join("case.json");
    std::fs::write(&path, serde_json::to_string_pretty(&value).unwrap()).unwrap();
    path
}

fn cell(path: &Path, sheet: &str, a1: &str) -> Data {
    let mut workbook: Xlsx<_> = open_workbook(path).unwrap();
    let range = workbook.worksheet_range(sheet).unwrap();
    let bytes = a1.as_bytes();
    let col = u32::from(bytes[0] - b'A');
    let row: u32 = a1[1..].parse::<u32>().unwrap() - 1;
    range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

#[test]
fn exports_every_sheet_with_the_engines_figures() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("申請書.xlsx");
    let output = hojo(&["export", example("sakura-hospital.json").to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let workbook: Xlsx<_> = open_workbook(&out).unwrap();
    let names = workbook.sheet_names();
    for sheet in ["第1号様式", "別紙1_事業計画書", "別紙2_所要額調書", "別紙3_支出予定額内訳", "別紙4_受講者名簿"]
    {
        assert!(names.iter().any(|name| name == sheet), "{sheet} missing from {names:?}");
    }
    // さくら病院: 看護 花子, G = min(C 4,650,000, F 4,600,000) = 4,600,000 → I = 2,300,000
    assert_eq!(cell(&out, "第1号様式", "E19"), Data::Float(2_300_000.0));
    assert_eq!(cell(&out, "別紙2_所要額調書", "L7"), Data::Float(2_300_000.0));
    assert_eq!(cell(&out, "別紙2_所要額調書", "L8"), Data::Float(2_300_000.0));
    assert_eq!(cell(&out, "別紙2_所要額調書", "B7"), Data::String("看護 花子".into()));
}

#[test]
fn refuses_to_overwrite_without_force_and_replaces_with_it() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("out.xlsx");
    std::fs::write(&out, b"keep me").unwrap();
    let case = example("sakura-hospital.json");
    let output = hojo(&["export", case.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--force"));
    assert_eq!(std::fs::read(&out).unwrap(), b"keep me");
    let output = hojo(&["export", case.to_str().unwrap(), "-o", out.to_str().unwrap(), "--force"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));
}

#[test]
fn a_case_that_is_not_eligible_is_refused_naming_the_check_and_leaves_no_file() {
    let folder = tempfile::tempdir().unwrap();
    let case = case_with(
        |case| case["hospital"]["filings"] = serde_json::json!(["地包ケア１", "がん疼", "緩診"]),
        folder.path(),
    );
    let out = folder.path().join("out.xlsx");
    let output = hojo(&["export", case.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("X3"), "{stderr}");
    assert!(stderr.contains("--draft"), "{stderr}");
    assert!(!out.exists());
    assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 1, "only the case file is in the folder");
}

#[test]
fn a_draft_is_written_with_every_sheet_marked() {
    let folder = tempfile::tempdir().unwrap();
    let case = case_with(
        |case| case["hospital"]["filings"] = serde_json::json!(["地包ケア１", "がん疼", "緩診"]),
        folder.path(),
    );
    let out = folder.path().join("out.xlsx");
    let output = hojo(&["export", case.to_str().unwrap(), "-o", out.to_str().unwrap(), "--draft"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let mut workbook: Xlsx<_> = open_workbook(&out).unwrap();
    for sheet in ["第1号様式", "別紙1_事業計画書", "別紙2_所要額調書", "別紙3_支出予定額内訳", "別紙4_受講者名簿"]
    {
        let range = workbook.worksheet_range(sheet).unwrap();
        let marked = range.used_cells().any(|(_, _, value)| value == &Data::String("下書き".into()));
        assert!(marked, "{sheet} is not marked 下書き");
    }
}

#[test]
fn a_case_that_needs_confirmation_is_exported_with_the_open_points_on_stderr_and_in_the_plan() {
    let folder = tempfile::tempdir().unwrap();
    let case = case_with(
        |case| case["hospital"]["founder_type"] = "local_incorporated_administrative_agency".into(),
        folder.path(),
    );
    let out = folder.path().join("out.xlsx");
    let output = hojo(&["export", case.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("X1"), "{stderr}");
    let mut workbook: Xlsx<_> = open_workbook(&out).unwrap();
    let range = workbook.worksheet_range("別紙1_事業計画書").unwrap();
    let listed = range.used_cells().any(|(_, _, value)| matches!(value, Data::String(text) if text.contains("X1")));
    assert!(listed, "別紙1 lists the open point X1");
}

#[test]
fn text_that_looks_like_a_formula_stays_text() {
    let folder = tempfile::tempdir().unwrap();
    let case = case_with(
        |case| {
            case["hospital"]["name"] = "=HYPERLINK(\"http://x\",\"y\")".into();
            case["trainees"][0]["name"] = "@SUM(A1)".into();
        },
        folder.path(),
    );
    let out = folder.path().join("out.xlsx");
    let output = hojo(&["export", case.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(cell(&out, "第1号様式", "F8"), Data::String("=HYPERLINK(\"http://x\",\"y\")".into()));
    assert_eq!(cell(&out, "別紙4_受講者名簿", "C5"), Data::String("@SUM(A1)".into()));
    let mut workbook: Xlsx<_> = open_workbook(&out).unwrap();
    let formulas = workbook.worksheet_formula("第1号様式").unwrap();
    assert_eq!(formulas.get_value((7, 5)).map(String::as_str).unwrap_or(""), "", "F8 holds no formula");
}

#[test]
fn an_output_folder_that_does_not_exist_is_an_input_error() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("missing").join("out.xlsx");
    let output = hojo(&["export", example("sakura-hospital.json").to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(!out.exists());
}

#[test]
fn import_gives_back_the_case_file_that_was_exported() {
    let folder = tempfile::tempdir().unwrap();
    for name in ["sakura-hospital.json", "cns-second-year.json", "substitute-by-month.json", "needs-confirmation.json"]
    {
        let out = folder.path().join(name.replace(".json", ".xlsx"));
        let back = folder.path().join(name);
        let output = hojo(&["export", example(name).to_str().unwrap(), "-o", out.to_str().unwrap()]);
        assert!(output.status.success(), "{name}: {}", String::from_utf8_lossy(&output.stderr));
        let output = hojo(&["import", out.to_str().unwrap(), "-o", back.to_str().unwrap()]);
        assert!(output.status.success(), "{name}: {}", String::from_utf8_lossy(&output.stderr));
        let original = hojo::case::parse_case(&std::fs::read(example(name)).unwrap()).unwrap();
        let imported = hojo::case::parse_case(&std::fs::read(&back).unwrap()).unwrap();
        assert_eq!(imported, hojo::workbook::kept(&original), "{name}");
        // Again, without --force: refused, file kept.
        let output = hojo(&["import", out.to_str().unwrap(), "-o", back.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(1), "{name}");
    }
}

#[test]
fn import_of_a_file_that_is_not_a_workbook_names_the_file_and_exits_1() {
    let output = hojo(&["import", example("sakura-hospital.json").to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("sakura-hospital.json") && stderr.contains("JSON"), "{stderr}");
    let output = hojo(&["import", "/no/such/file.xlsx"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("見つかりません"));
}

#[test]
fn a_final_application_with_a_blank_address_and_representative_is_refused_as_the_review_says() {
    // The app's 書類作成 list and `hojo export` share one review: what it calls an error stops a final export.
    let folder = tempfile::tempdir().unwrap();
    let case = case_with(
        |case| {
            case["hospital"].as_object_mut().unwrap().remove("address");
            case["hospital"]["representative"] = serde_json::json!(" ");
        },
        folder.path(),
    );
    let out = folder.path().join("out.xlsx");
    let output = hojo(&["export", case.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("所在地が入力されていません"), "{stderr}");
    assert!(stderr.contains("代表者職氏名が入力されていません"), "{stderr}");
    assert!(!out.exists());
    // As a draft it is written, and 別紙1 lists what stops it.
    let output = hojo(&["export", case.to_str().unwrap(), "-o", out.to_str().unwrap(), "--draft"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let mut workbook: Xlsx<_> = open_workbook(&out).unwrap();
    let plan = workbook.worksheet_range("別紙1_事業計画書").unwrap();
    assert!(plan.used_cells().any(|(_, _, value)| value.to_string().contains("所在地が入力されていません")));
}

#[test]
fn the_librarys_messages_name_no_command_line_flag() {
    // The app shows these messages too: a user of the window has no --force or --draft.
    let case = hojo::case::parse_case(&std::fs::read(example("sakura-hospital.json")).unwrap()).unwrap();
    let mut not_ready = case.clone();
    not_ready.hospital.address = None;
    let error = hojo::workbook::build(&not_ready, false).unwrap_err().to_string();
    assert!(!error.contains("--"), "{error}");
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("out.xlsx");
    std::fs::write(&out, b"old").unwrap();
    let options = hojo::workbook::ExportOptions { draft: false, overwrite: false };
    let error = hojo::workbook::write(&case, &out, options).unwrap_err().to_string();
    assert!(!error.contains("--"), "{error}");
}
