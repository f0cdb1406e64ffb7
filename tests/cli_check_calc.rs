//! The `hojo check` and `hojo calc` contract of case-file.md: the JSON on stdout, the exit codes, and a message
//! naming the place for every kind of bad input — never a panic.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn hojo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hojo")).args(args).output().expect("hojo runs")
}

fn example(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name).display().to_string()
}

fn json_of(output: &Output) -> Value {
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Scratch {
        Scratch { dir: tempfile::tempdir().unwrap() }
    }

    fn file(&self, name: &str, contents: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, contents).unwrap();
        path
    }
}

fn valid_case() -> Value {
    serde_json::from_str(&std::fs::read_to_string(example("sakura-hospital.json")).unwrap()).unwrap()
}

fn write_case(scratch: &Scratch, case: &Value) -> PathBuf {
    scratch.file("case.json", serde_json::to_string(case).unwrap().as_bytes())
}

/// Runs `hojo check` and `hojo calc` on a case edited by `edit`, expecting exit 1 and every `needle` on stderr.
fn refuses(edit: impl FnOnce(&mut Value), needles: &[&str]) {
    let mut case = valid_case();
    edit(&mut case);
    let scratch = Scratch::new();
    refuses_file(&write_case(&scratch, &case), needles);
}

fn refuses_file(path: &Path, needles: &[&str]) {
    for command in ["check", "calc"] {
        let output = hojo(&[command, path.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{command}: stderr: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(output.stdout.is_empty(), "nothing on stdout when the input is wrong");
        for needle in needles {
            assert!(stderr.contains(needle), "{command}: expected {needle:?} in: {stderr}");
        }
    }
}

/// Runs `hojo check` on an edited case and returns the verdicts of one check and of the hospital.
fn verdicts_after(edit: impl FnOnce(&mut Value), id: &str) -> (String, String) {
    let mut case = valid_case();
    edit(&mut case);
    let scratch = Scratch::new();
    let result = json_of(&hojo(&["check", write_case(&scratch, &case).to_str().unwrap()]));
    let check = result["checks"].as_array().unwrap().iter().find(|c| c["id"] == id).unwrap();
    (check["verdict"].as_str().unwrap().to_string(), result["verdict"].as_str().unwrap().to_string())
}

#[test]
fn check_finds_the_example_hospital_and_trainee_eligible() {
    let result = json_of(&hojo(&["check", &example("sakura-hospital.json")]));
    assert_eq!(result["verdict"], "eligible");
    let ids: Vec<&str> = result["checks"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["H1", "H2", "H3", "H4", "X1", "X2", "X3", "X4"]);
    for check in result["checks"].as_array().unwrap() {
        assert_eq!(check["verdict"], "met", "{check}");
        assert!(check["reason"].as_str().unwrap().starts_with(check["id"].as_str().unwrap()));
    }
    assert_eq!(result["trainees"][0]["name"], "看護 花子");
    assert_eq!(result["trainees"][0]["verdict"], "eligible");
    assert_eq!(result["trainees"][0]["checks"].as_array().unwrap().len(), 3);
}

#[test]
fn calc_gives_every_letter_and_item_of_the_example() {
    let result = json_of(&hojo(&["calc", &example("sakura-hospital.json")]));
    let row = &result["trainees"][0];
    assert_eq!(row["name"], "看護 花子");
    assert_eq!(row["verdict"], "eligible");
    // 入学料 100,000 + 受講料 900,000 + 人件費 3,600,000 + その他 50,000
    let letters = [
        ("A", 4_650_000),
        ("B", 0),
        ("C", 4_650_000),
        ("D", 4_600_000),
        ("E", 6_300_000),
        ("F", 4_600_000),
        ("G", 4_600_000),
        ("I", 2_300_000),
    ];
    for (letter, expected) in letters {
        assert_eq!(row[letter].as_i64(), Some(expected), "{letter}");
    }
    let items: Vec<&str> = row["items"].as_array().unwrap().iter().map(|i| i["item"].as_str().unwrap()).collect();
    assert_eq!(items, ["admission", "tuition", "exam_fee", "registration_fee", "salary"]);
    assert_eq!(row["items"][4]["amount"], 3_600_000);
    assert_eq!(row["items"][4]["standard"], 4_900_000);
    assert_eq!(row["items"][4]["selected"], 3_600_000);
    assert_eq!(result["total"], 2_300_000);
}

#[test]
fn check_reports_a_hospital_with_the_palliative_care_addition_as_not_eligible() {
    let (x3, overall) =
        verdicts_after(|case| case["hospital"]["filings"].as_array_mut().unwrap().push("緩診".into()), "X3");
    assert_eq!((x3.as_str(), overall.as_str()), ("not_met", "not_eligible"));
}

#[test]
fn check_keeps_the_pediatric_addition_apart_from_the_palliative_care_addition() {
    let (x3, overall) =
        verdicts_after(|case| case["hospital"]["filings"].as_array_mut().unwrap().push("小緩診".into()), "X3");
    assert_eq!((x3.as_str(), overall.as_str()), ("met", "eligible"));
}

#[test]
fn check_reports_a_local_incorporated_founder_as_needing_confirmation() {
    let (x1, overall) = verdicts_after(
        |case| case["hospital"]["founder_type"] = "local_incorporated_administrative_agency".into(),
        "X1",
    );
    assert_eq!((x1.as_str(), overall.as_str()), ("needs_confirmation", "needs_confirmation"));
}

#[test]
fn refuses_a_wrong_type_naming_the_field() {
    refuses(|case| case["trainees"][0]["admission"] = "十万円".into(), &["trainees[0].admission", "整数"]);
    refuses(|case| case["hospital"]["beds"] = "120床".into(), &["hospital.beds"]);
    refuses(|case| case["trainees"][0]["certified"] = "yes".into(), &["trainees[0].certified", "true か false"]);
}

#[test]
fn refuses_a_fractional_amount() {
    refuses(|case| case["trainees"][0]["tuition"] = serde_json::json!(900000.5), &["trainees[0].tuition"]);
}

#[test]
fn refuses_a_negative_amount() {
    refuses(|case| case["trainees"][0]["other_costs"] = (-1).into(), &["trainees[0].other_costs", "マイナス"]);
}

#[test]
fn refuses_an_unknown_field_naming_it() {
    refuses(|case| case["trainees"][0]["admision"] = 5.into(), &["trainees[0]", "admision", "知らない項目"]);
    refuses(|case| case["extra"] = true.into(), &["extra"]);
}

#[test]
fn refuses_a_trainee_without_a_name() {
    refuses(|case| case["trainees"][0]["name"] = "  ".into(), &["trainees[0].name", "氏名"]);
    refuses(
        |case| {
            case["trainees"][0].as_object_mut().unwrap().remove("name");
        },
        &["trainees[0]", "name", "必須"],
    );
}

#[test]
fn refuses_a_course_that_ends_before_it_starts() {
    refuses(
        |case| case["trainees"][0]["course_ends_on"] = "2024-04-01".into(),
        &["trainees[0].course_ends_on", "入学日"],
    );
}

#[test]
fn refuses_impossible_dates() {
    refuses(
        |case| case["trainees"][0]["enrolled_on"] = "2024-02-30".into(),
        &["trainees[0].enrolled_on", "2024-02-30"],
    );
    refuses(
        |case| case["trainees"][0]["enrolled_on"] = "令和0年4月1日".into(),
        &["trainees[0].enrolled_on", "令和0年"],
    );
    refuses(|case| case["trainees"][0]["enrolled_on"] = "yesterday".into(), &["trainees[0].enrolled_on"]);
}

#[test]
fn accepts_wareki_dates_in_a_case_file() {
    let mut case = valid_case();
    case["trainees"][0]["enrolled_on"] = "令和6年4月8日".into();
    case["trainees"][0]["course_ends_on"] = "R7.3.14".into();
    let scratch = Scratch::new();
    let result = json_of(&hojo(&["calc", write_case(&scratch, &case).to_str().unwrap()]));
    assert_eq!(result["total"], 2_300_000);
}

#[test]
fn refuses_a_fiscal_year_before_the_program() {
    refuses(|case| case["fiscal_year"] = 2023.into(), &["fiscal_year", "令和6年度"]);
}

#[test]
fn refuses_an_unknown_program_and_format() {
    refuses(|case| case["program"] = "nope".into(), &["program", "kanwa-nurse"]);
    refuses(|case| case["format"] = "hojo-case/9".into(), &["format", "hojo-case/1"]);
}

#[test]
fn refuses_salary_given_both_ways() {
    refuses(
        |case| case["trainees"][0]["salary_months"] = serde_json::json!([{"month": "2024-04", "amount": 300000}]),
        &["trainees[0].salary", "どちらか一方"],
    );
}

#[test]
fn refuses_a_file_that_is_not_json() {
    let scratch = Scratch::new();
    refuses_file(&scratch.file("case.json", b"hospital: sakura\n"), &["JSON"]);
}

#[test]
fn refuses_an_empty_file() {
    let scratch = Scratch::new();
    refuses_file(&scratch.file("case.json", b""), &["空"]);
}

#[test]
fn refuses_ten_megabytes_of_random_bytes() {
    let scratch = Scratch::new();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..10 * 1024 * 1024)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    refuses_file(&scratch.file("case.json", &bytes), &["case.json"]);
}

#[test]
fn refuses_a_missing_file_naming_it() {
    refuses_file(Path::new("/nonexistent/case.json"), &["/nonexistent/case.json", "見つかりません"]);
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(hojo(&[]).status.code(), Some(2));
    assert_eq!(hojo(&["calc"]).status.code(), Some(2));
    assert_eq!(hojo(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn help_speaks_japanese_and_exits_0() {
    let output = hojo(&["--help"]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("補助金申請アシスタント"), "{text}");
    assert!(text.contains("対象確認"), "{text}");
}

#[test]
fn absurd_years_and_dates_are_input_errors_not_panics_in_the_debug_build() {
    refuses(|case| case["fiscal_year"] = serde_json::json!(2147483647), &["fiscal_year", "年度"]);
    refuses(|case| case["fiscal_year"] = serde_json::json!(-1), &["fiscal_year"]);
    refuses(|case| case["trainees"][0]["exam_fiscal_year"] = serde_json::json!(-1), &["trainees[0].exam_fiscal_year"]);
    refuses(|case| case["trainees"][0]["enrolled_on"] = serde_json::json!("0000-01-01"), &["trainees[0].enrolled_on"]);
    refuses(
        |case| case["trainees"][0]["enrolled_on"] = serde_json::json!("令和2147483647年1月1日"),
        &["trainees[0].enrolled_on"],
    );
}

#[test]
fn what_the_export_would_refuse_check_and_calc_refuse_too() {
    // One validation for every command: an exam before the course, an amount beyond the limit, a name
    // longer than a cell holds.
    refuses(
        |case| case["trainees"][0]["exam_fiscal_year"] = serde_json::json!(2023),
        &["trainees[0].exam_fiscal_year", "入学した年度"],
    );
    refuses(
        |case| case["trainees"][0]["tuition"] = serde_json::json!(i64::MAX),
        &["trainees[0].tuition", "大きすぎます"],
    );
    refuses(
        |case| case["trainees"][0]["name"] = serde_json::json!("看".repeat(40_000)),
        &["trainees[0].name", "長すぎます"],
    );
    let trainee = valid_case()["trainees"][0].clone();
    refuses(
        |case| case["trainees"] = serde_json::json!(vec![trainee; hojo::limits::MAX_TRAINEES + 1]),
        &["trainees", "1000名まで"],
    );
}

#[test]
fn a_filing_that_starts_inside_the_year_is_a_question_for_the_tokyo_office() {
    // 令和6年度 is 2024-04-01..2025-03-31. 地包ケア１ from the 年度's first day meets H3; from 令和6年10月1日 (typed in
    // 和暦) it needs confirmation, naming the date; from 令和7年4月1日, after the 年度, it does not meet H3.
    let h3 = |since: &str| {
        let mut case = valid_case();
        case["hospital"]["filings"][0]["since"] = Value::from(since);
        let scratch = Scratch::new();
        let output = hojo(&["check", write_case(&scratch, &case).to_str().unwrap()]);
        let answer = json_of(&output);
        let h3 = answer["checks"].as_array().unwrap().iter().find(|c| c["id"] == "H3").unwrap().clone();
        (answer["verdict"].as_str().unwrap().to_string(), h3)
    };
    let (verdict, check) = h3("2024-04-01");
    assert_eq!((verdict.as_str(), &check["verdict"]), ("eligible", &Value::from("met")), "{check}");
    let (verdict, check) = h3("令和6年10月1日");
    assert_eq!((verdict.as_str(), &check["verdict"]), ("needs_confirmation", &Value::from("needs_confirmation")));
    assert!(
        check["reason"].as_str().unwrap().ends_with(
            "地包ケア１の算定開始は令和6年10月1日です。年度の途中からの届出のため、それより前の月が対象になるか東京都に確認してください。"
        ),
        "{check}"
    );
    let (verdict, check) = h3("2025-04-01");
    assert_eq!((verdict.as_str(), &check["verdict"]), ("not_eligible", &Value::from("not_met")), "{check}");
}

#[test]
fn a_case_saved_by_windows_notepad_reads_the_same() {
    // Notepad writes UTF-8 with a byte order mark (older versions always, newer ones when asked) and CRLF.
    let original = std::fs::read_to_string(example("sakura-hospital.json")).unwrap();
    let mut notepad = "\u{feff}".as_bytes().to_vec();
    notepad.extend(original.replace('\n', "\r\n").into_bytes());
    let scratch = Scratch::new();
    let path = scratch.file("メモ帳で保存.json", &notepad);
    for command in ["check", "calc"] {
        assert_eq!(
            json_of(&hojo(&[command, path.to_str().unwrap()])),
            json_of(&hojo(&[command, &example("sakura-hospital.json")])),
            "{command}"
        );
    }
}

#[test]
fn a_reader_that_stops_early_is_not_a_panic() {
    // `hojo calc … | head`: the pipe closes while hojo still writes. 200 trainees make an answer larger than the
    // pipe holds, so the write meets the closed pipe.
    let mut case = valid_case();
    let trainee = case["trainees"][0].clone();
    case["trainees"] = serde_json::json!(vec![trainee; 200]);
    let scratch = Scratch::new();
    let path = write_case(&scratch, &case);
    let mut child = Command::new(env!("CARGO_BIN_EXE_hojo"))
        .args(["calc", path.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(0));
}
