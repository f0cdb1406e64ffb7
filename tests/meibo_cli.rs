//! `hojo meibo` as a user runs it: the listing on a real 名簿, CSV, --prefecture, and refusals with exit codes.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use support::xlsx_edit::edit_part;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/meibo").join(name)
}

fn hojo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hojo")).args(args).output().expect("hojo runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

#[test]
fn lists_the_hospitals_that_meet_the_filing_conditions_as_json_lines() {
    let yamanashi = fixture("meibo-19-yamanashi-r0710.xlsx");
    let output = hojo(&["meibo", yamanashi.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let lines: Vec<serde_json::Value> =
        text(&output.stdout).lines().map(|l| serde_json::from_str(l).expect("one JSON object per line")).collect();
    assert_eq!(lines.len(), 14);
    assert_eq!(
        lines[0],
        serde_json::json!({
            "number": "0111812", "name": "甲府共立病院", "prefecture_code": "19", "prefecture": "山梨県", "beds": 283,
            "symbols": ["地包ケア２", "がん疼"], "h1": "not_met"
        })
    );
    let summary = text(&output.stderr);
    assert!(summary.contains("関東信越厚生局「届出受理医療機関名簿（医科）」山梨県（令和7年9月1日現在）"), "{summary}");
    assert!(summary.contains("630医療機関のうち14件"), "{summary}");
}

#[test]
fn another_bureaus_file_is_named_after_its_own_bureau() {
    let fukui = fixture("meibo-18-fukui-r0710.xlsx");
    let output = hojo(&["meibo", fukui.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let summary = text(&output.stderr);
    assert!(summary.contains("近畿厚生局「届出受理医療機関名簿（医科）」福井県（令和7年10月1日現在）"), "{summary}");
    assert!(!summary.contains("関東信越"), "{summary}");
    assert!(summary.contains("506医療機関のうち19件"), "{summary}");
    assert!(text(&output.stdout).contains(r#""prefecture":"福井県""#));
}

#[test]
fn csv_never_hands_excel_a_formula() {
    // A name that starts with = + - @ (or a tab or carriage return) would run as a formula when the CSV is opened
    // in Excel (=HYPERLINK(…) sends the user elsewhere, =cmd|… ran programs). Five hospitals of the Yamanashi file
    // get such names; each must come out as text: quoted, behind an apostrophe. (A leading tab or carriage return
    // is trimmed by the reader; csv_field's unit test covers them.)
    let renamed = [
        ("甲府共立病院", "=HYPERLINK(\"http://example.com\",\"甲府\")"),
        ("市立甲府病院", "+81-55-000"),
        ("加納岩総合病院", "-1+1"),
        ("公益財団法人山梨厚生会　山梨厚生病院", "@SUM(A1)"),
        ("峡南医療センター企業団　富士川病院", "=cmd|' /C calc'!A0"),
    ];
    let original = std::fs::read(fixture("meibo-19-yamanashi-r0710.xlsx")).unwrap();
    let edited = edit_part(&original, "xl/sharedStrings.xml", |mut xml| {
        for (name, formula) in renamed {
            let escaped = formula.replace('"', "&quot;");
            xml = xml.replacen(&format!("<t>{name}</t>"), &format!("<t xml:space=\"preserve\">{escaped}</t>"), 1);
        }
        xml
    });
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("名簿.xlsx");
    std::fs::write(&path, edited).unwrap();
    let output = hojo(&["meibo", path.to_str().unwrap(), "--csv"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    for (_, formula) in renamed {
        let quoted = format!("\"'{}\"", formula.replace('"', "\"\""));
        assert!(stdout.contains(&format!(",{quoted},19,")), "{formula:?} is not defused:\n{stdout}");
    }
    for line in stdout.lines() {
        for field in line.split(',') {
            assert!(!field.starts_with(['=', '+', '-', '@', '\t', '\r']), "{field:?} in {line}");
        }
    }
    // The JSON lines keep the name as it is: JSON is not run by a spreadsheet.
    let json = text(&hojo(&["meibo", path.to_str().unwrap()]).stdout);
    assert!(json.contains(r#""name":"=HYPERLINK(\"http://example.com\",\"甲府\")""#), "{json}");
}

#[test]
fn csv_has_a_header_and_the_same_hospitals() {
    let yamanashi = fixture("meibo-19-yamanashi-r0710.xlsx");
    let output = hojo(&["meibo", yamanashi.to_str().unwrap(), "--csv"]);
    assert_eq!(output.status.code(), Some(0));
    let stdout = text(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "医療機関番号,名称,都道府県コード,病床数,受理記号,H1");
    assert_eq!(lines[1], "0111812,甲府共立病院,19,283,地包ケア２・がん疼,満たさない");
    assert_eq!(lines.len(), 15);
}

#[test]
fn prefecture_filters_and_h1_is_reported_not_filtered() {
    let yamanashi = fixture("meibo-19-yamanashi-r0710.xlsx");
    let path = yamanashi.to_str().unwrap();
    assert_eq!(text(&hojo(&["meibo", path, "--prefecture", "13"]).stdout), "");
    assert_eq!(text(&hojo(&["meibo", path, "--prefecture", "19"]).stdout).lines().count(), 14);
    let bad = hojo(&["meibo", path, "--prefecture", "東京"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("都道府県コード"));
}

#[test]
fn a_file_that_is_not_a_meibo_exits_1_naming_the_file_in_japanese_and_english() {
    let case = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let output = hojo(&["meibo", case.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let message = text(&output.stderr);
    assert!(
        message.contains("Cargo.toml") && message.contains("Excel") && message.contains("not an .xlsx file"),
        "{message}"
    );

    let missing = hojo(&["meibo", "/nonexistent/名簿.xlsx"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("名簿.xlsx"));
}
