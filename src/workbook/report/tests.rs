//! The report workbook against the example report: the figures a 都 clerk checks on each page, the defined
//! names, reading it back, and an amount changed in Excel named with its cell.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::layout::{DATA, FORM, RECEIPTS, SETTLEMENT};
use crate::case::{Case, parse_case};
use crate::money::Yen;
use crate::workbook::{ImportError, build, read};

fn example_report() -> Case {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/reports/sakura-hospital-report.json");
    parse_case(&std::fs::read(path).unwrap()).unwrap()
}

fn sheet(bytes: &[u8], name: &str) -> calamine::Range<Data> {
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    workbook.worksheet_range(name).unwrap()
}

fn number(range: &calamine::Range<Data>, a1: &str) -> f64 {
    let cell = crate::workbook::layout::a1(a1);
    match range.get_value((cell.row, u32::from(cell.col))) {
        Some(Data::Float(value)) => *value,
        Some(Data::Int(value)) => *value as f64,
        other => panic!("{a1}: {other:?}"),
    }
}

fn find_text(range: &calamine::Range<Data>, text: &str) -> Option<(u32, u32)> {
    range.cells().find(|(_, _, value)| matches!(value, Data::String(s) if s.contains(text))).map(|(r, c, _)| {
        let (start_row, start_col) = range.start().unwrap_or_default();
        (start_row + r as u32, start_col + c as u32)
    })
}

#[test]
fn the_form_says_what_was_decided_and_what_is_confirmed() {
    let workbook = build(&example_report(), false).unwrap();
    let form = sheet(&workbook.bytes, FORM.name);
    assert_eq!(number(&form, &FORM.decided.a1()), 2_300_000.0);
    assert_eq!(number(&form, &FORM.confirmed.a1()), 2_300_000.0);
    assert!(find_text(&form, "実績報告書").is_some());
    assert!(find_text(&form, "令和6年7月1日付6保医政第1234号で交付決定を受けた").is_some());
}

#[test]
fn the_settlement_sheet_has_s_k_confirmed_received_and_the_difference() {
    let workbook = build(&example_report(), false).unwrap();
    let range = sheet(&workbook.bytes, SETTLEMENT.name);
    // One trainee: row 7 her figures, row 8 the 合計, the summary from row 10.
    assert_eq!(number(&range, "D7"), 4_650_000.0, "(A) 総事業費 with 教材費");
    assert_eq!(number(&range, "L7"), 2_300_000.0, "(I) 精算額");
    assert_eq!(number(&range, "L8"), 2_300_000.0, "精算額合計");
    assert_eq!(number(&range, "F10"), 2_300_000.0, "交付決定額");
    assert_eq!(number(&range, "F12"), 2_300_000.0, "確定額");
    assert_eq!(number(&range, "F13"), 0.0, "受入済額");
    assert_eq!(number(&range, "F14"), -2_300_000.0, "差引過(△)不足額");
    assert!(find_text(&range, "精算払の請求額").is_some());
}

#[test]
fn the_receipts_are_listed_under_their_items_with_the_items_totals() {
    let workbook = build(&example_report(), false).unwrap();
    let range = sheet(&workbook.bytes, RECEIPTS.name);
    for text in ["前期授業料", "後期授業料", "入学金", "教材費", "入学料　計", "受講料　計"] {
        assert!(find_text(&range, text).is_some(), "{text}");
    }
    let (row, _) = find_text(&range, "受講料　計").unwrap();
    let total = crate::workbook::layout::Cell::new(row, RECEIPTS.amount_col).a1();
    assert_eq!(number(&range, &total), 900_000.0);
}

#[test]
fn the_tuitions_note_says_what_happened_in_the_program_datas_words() {
    let workbook = build(&example_report(), false).unwrap();
    let range = sheet(&workbook.bytes, RECEIPTS.name);
    assert!(find_text(&range, "本年度分の課程を年度内に修了").is_some());
    assert!(find_text(&range, "修了予定").is_none(), "a report does not say 予定");
}

#[test]
fn the_defined_names_point_at_the_figures() {
    let workbook = build(&example_report(), false).unwrap();
    let workbook_xml = {
        let mut archive = zip::ZipArchive::new(Cursor::new(&workbook.bytes)).unwrap();
        let mut file = archive.by_name("xl/workbook.xml").unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut file, &mut text).unwrap();
        text
    };
    for name in ["交付決定額", "確定額", "精算額合計", "差引過不足額"] {
        assert!(workbook_xml.contains(&format!("name=\"{name}\"")), "{name}");
    }
}

#[test]
fn a_report_workbook_reads_back_to_its_report() {
    let report = example_report();
    let workbook = build(&report, false).unwrap();
    let mut expected = crate::workbook::kept(&report);
    expected.normalize();
    assert_eq!(read(&workbook.bytes).unwrap(), expected);
}

#[test]
fn a_receipt_changed_in_excel_is_named_with_its_cell() {
    let report = example_report();
    let workbook = build(&report, false).unwrap();
    let range = sheet(&workbook.bytes, RECEIPTS.name);
    let (row, _) = find_text(&range, "後期授業料").unwrap();
    let cell = crate::workbook::layout::Cell::new(row, RECEIPTS.amount_col);
    let changed = rewrite_number(&workbook.bytes, RECEIPTS.name, &cell.a1(), 450_000, 500_000);
    match read(&changed) {
        Err(ImportError::Cell { sheet, cell: at, message }) => {
            assert_eq!(sheet, RECEIPTS.name);
            assert_eq!(at, cell.a1());
            assert!(message.contains("500,000円") && message.contains("450,000円"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_report_without_a_decision_is_refused_with_what_to_enter() {
    let mut report = example_report();
    report.decision = None;
    // validate refuses a report without its decision first, naming the field.
    let error = build(&report, false).unwrap_err().to_string();
    assert!(error.contains("decision") || error.contains("交付決定"), "{error}");
}

#[test]
fn a_report_with_s_above_k_says_so_on_the_settlement_sheet() {
    let mut report = example_report();
    if let Some(decision) = &mut report.decision {
        decision.amount = Yen::new(2_000_000);
    }
    report.received = Yen::new(2_000_000);
    let workbook = build(&report, false).unwrap();
    let range = sheet(&workbook.bytes, SETTLEMENT.name);
    assert_eq!(number(&range, "F12"), 2_000_000.0, "確定額 is K");
    assert_eq!(number(&range, "F14"), 0.0);
    assert!(find_text(&range, "変更交付申請").is_some());
    assert!(find_text(&range, "過不足なし").is_some());
}

#[test]
fn the_hidden_sheet_holds_the_version() {
    let workbook = build(&example_report(), false).unwrap();
    let range = sheet(&workbook.bytes, DATA.name);
    assert_eq!(range.get_value((0, 1)), Some(&Data::String(DATA.version.to_string())));
    assert_eq!(range.get_value((0, 0)), Some(&Data::String("layout".to_string())));
}

/// The workbook with one number cell's value replaced, as Excel would save a corrected cell.
fn rewrite_number(bytes: &[u8], sheet_name: &str, a1: &str, old: i64, new: i64) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut workbook_xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("xl/workbook.xml").unwrap(), &mut workbook_xml).unwrap();
    // Sheets are written in order: find the sheet's position among the <sheet> elements.
    let position = workbook_xml
        .split("<sheet ")
        .skip(1)
        .position(|element| element.contains(&format!("name=\"{sheet_name}\"")))
        .unwrap();
    let target = format!("xl/worksheets/sheet{}.xml", position + 1);
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).unwrap();
        let name = file.name().unwrap().to_string();
        let mut content = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut content).unwrap();
        if name == target {
            let text = String::from_utf8(content).unwrap();
            let pattern = format!("<c r=\"{a1}\"");
            let start = text.find(&pattern).unwrap();
            let end = start + text[start..].find("</c>").unwrap();
            let cell = text[start..end].replace(&format!("<v>{old}</v>"), &format!("<v>{new}</v>"));
            content = format!("{}{}{}", &text[..start], cell, &text[end..]).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut out, &content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

// The report of a program whose row is the hospital (kanwa-training): the same 第6号様式 and 精算額調書, the
// application's 事業計画書 and 支出予定額内訳 in the report's words, no 名簿.

fn keyaki_report() -> Case {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/kanwa-training/keyaki-hospital-report.json");
    parse_case(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn the_hospital_row_report_has_the_sheets_of_its_row_kind() {
    let workbook = build(&keyaki_report(), false).unwrap();
    let names = Xlsx::new(Cursor::new(&workbook.bytes)).map(|w: Xlsx<_>| w.sheet_names()).unwrap();
    let mut expected: Vec<String> = super::layout::HOSPITAL_SHEET_NAMES.iter().map(|name| name.to_string()).collect();
    expected.push(DATA.name.to_string());
    assert_eq!(names, expected);
    let results = sheet(&workbook.bytes, super::layout::HOSPITAL_SHEET_NAMES[1]);
    for text in ["事業実績書", "緩和ケア研修会の開催実績", "開催日", "受講者数", "準拠した"]
    {
        assert!(find_text(&results, text).is_some(), "{text}");
    }
    let form = sheet(&workbook.bytes, FORM.name);
    assert!(find_text(&form, "研修会の開催状況").is_some());
    assert!(find_text(&form, "受講者名簿（実績）").is_none(), "no 名簿 for a hospital row");
}

#[test]
fn the_hospital_row_settles_on_one_row_with_the_summary_under_it() {
    let workbook = build(&keyaki_report(), false).unwrap();
    let range = sheet(&workbook.bytes, SETTLEMENT.name);
    // Row 7 the hospital, row 8 the 合計, the summary from row 10.
    assert!(find_text(&range, "報告者（病院名）").is_some());
    assert_eq!(number(&range, "D7"), 1_029_000.0, "(A) with その他の経費 20,000");
    assert_eq!(number(&range, "G7"), 1_009_000.0, "(D) 対象経費の実支出額");
    assert_eq!(number(&range, "L7"), 1_009_000.0, "(I) 精算額 (10/10)");
    assert_eq!(number(&range, "L8"), 1_009_000.0, "精算額合計");
    assert_eq!(number(&range, "F10"), 1_040_000.0, "交付決定額");
    assert_eq!(number(&range, "F12"), 1_009_000.0, "確定額");
    assert_eq!(number(&range, "F13"), 1_040_000.0, "受入済額");
    assert_eq!(number(&range, "F14"), 31_000.0, "差引過(△)不足額: to be returned");
    assert!(find_text(&range, "返還額").is_some());
    let breakdown = sheet(&workbook.bytes, crate::workbook::hospital_row::layout::REPORT_BREAKDOWN.name);
    assert!(find_text(&breakdown, "支出済額").is_some());
    assert!(find_text(&breakdown, "講師謝金 30,000円×15人").is_some());
}

#[test]
fn the_hospital_row_report_reads_back_and_an_amount_changed_in_excel_is_named() {
    let report = keyaki_report();
    let workbook = build(&report, false).unwrap();
    assert_eq!(read(&workbook.bytes).unwrap(), crate::workbook::kept(&report));
    let layout = crate::workbook::hospital_row::layout::REPORT_BREAKDOWN;
    // 講師報酬 is the first 経費区分.
    let cell = crate::workbook::layout::Cell::new(layout.first_row, layout.amount_col);
    let changed = rewrite_number(&workbook.bytes, layout.name, &cell.a1(), 570_000, 600_000);
    match read(&changed) {
        Err(ImportError::Cell { sheet, cell: at, message }) => {
            assert_eq!(sheet, layout.name);
            assert_eq!(at, cell.a1());
            assert!(message.contains("実績報告書を作り直して"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}
