//! The 変更交付申請書 of the example: 変更前 the submitted application of さくら病院, 変更後 the plan with a second
//! nurse and a higher 受講料. The figures a 都 clerk checks, the defined names, reading it back.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::layout::{FORM, SHEET_NAMES, TABLE};
use super::{build_change_request, read_change_request};
use crate::case::{Case, parse_case};
use crate::workbook::{ExportError, read};

fn example(path: &str) -> Case {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    parse_case(&std::fs::read(path).unwrap()).unwrap()
}

fn before() -> Case {
    example("examples/sakura-hospital.json")
}

fn after() -> Case {
    example("examples/changes/sakura-hospital-after.json")
}

const REASON: &str =
    "受講者1名（佐藤 美咲）が10月から認定看護師教育課程を受講することになったため、及び受講料の改定のため。";

fn sheet(bytes: &[u8], name: &str) -> calamine::Range<Data> {
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    workbook.worksheet_range(name).unwrap()
}

fn number(range: &calamine::Range<Data>, cell: crate::workbook::layout::Cell) -> f64 {
    match range.get_value((cell.row, u32::from(cell.col))) {
        Some(Data::Float(value)) => *value,
        Some(Data::Int(value)) => *value as f64,
        other => panic!("{}: {other:?}", cell.a1()),
    }
}

fn has_text(range: &calamine::Range<Data>, text: &str) -> bool {
    range.cells().any(|(_, _, value)| matches!(value, Data::String(s) if s.contains(text)))
}

#[test]
fn the_form_says_what_was_decided_what_is_asked_now_and_why() {
    let workbook = build_change_request(&before(), &after(), REASON, false).unwrap();
    let form = sheet(&workbook.bytes, FORM.name);
    assert_eq!(number(&form, FORM.decided), 2_300_000.0);
    // 変更後: 看護 花子 2,325,000 (D 4,650,000) + 佐藤 美咲 1,175,000 (D 2,350,000).
    assert_eq!(number(&form, FORM.requested), 3_500_000.0);
    assert_eq!(number(&form, FORM.change), 1_200_000.0);
    assert!(has_text(&form, "変更交付申請書"));
    // The body is wrapped between phrases: each piece on its own.
    assert!(has_text(&form, "令和6年7月1日付6保医政第1234号で"));
    assert!(has_text(&form, "下記のとおり変更したいので"));
    assert!(has_text(&form, REASON));
}

#[test]
fn the_table_sets_each_nurse_before_and_after_side_by_side() {
    let workbook = build_change_request(&before(), &after(), REASON, false).unwrap();
    let table = sheet(&workbook.bytes, TABLE.name);
    assert!(has_text(&table, "受講者1　看護 花子（緩和ケア認定看護師）"));
    assert!(has_text(&table, "受講者2　佐藤 美咲"));
    assert!(has_text(&table, "追加"));
    let places = super::table::places(&super::plan_against_actual(&before(), &after()).unwrap());
    let total = places.total_row;
    let at = |col: u16| crate::workbook::layout::Cell::new(total, col);
    assert_eq!(number(&table, at(TABLE.before_col)), 2_300_000.0);
    assert_eq!(number(&table, at(TABLE.after_col)), 3_500_000.0);
    assert_eq!(number(&table, at(TABLE.change_col)), 1_200_000.0);
    // 看護 花子's 受講料: 900,000 → 950,000.
    let tuition = crate::workbook::layout::Cell::new(places.blocks[0] + 3, TABLE.change_col);
    assert_eq!(number(&table, tuition), 50_000.0);
}

#[test]
fn the_defined_names_point_at_the_three_amounts() {
    let workbook = build_change_request(&before(), &after(), REASON, false).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(&workbook.bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("xl/workbook.xml").unwrap(), &mut xml).unwrap();
    for (name, cell) in [("変更前交付決定額", "$F$19"), ("変更後交付申請額", "$F$21"), ("増減額", "$F$23")]
    {
        assert!(xml.contains(&format!("name=\"{name}\">'{}'!{cell}<", FORM.name)), "{name}: {xml}");
    }
    for name in SHEET_NAMES {
        assert!(xml.contains(name), "{name}");
    }
}

#[test]
fn it_reads_back_both_plans_and_the_reason() {
    let workbook = build_change_request(&before(), &after(), REASON, false).unwrap();
    let request = read_change_request(&workbook.bytes).unwrap();
    // The 変更後 plan keeps the decision it changes (an application's workbook drops it: `kept`).
    let mut expected_after = crate::workbook::kept(&after());
    expected_after.decision = after().decision;
    assert_eq!(request.after, expected_after);
    let expected_before = crate::workbook::kept(&before());
    assert_eq!(request.before, expected_before);
    assert_eq!(request.reason, REASON);
    // `hojo import` of a 変更交付申請書 gives the 変更後 plan, with the decision it changes.
    assert_eq!(read(&workbook.bytes).unwrap(), expected_after);
}

#[test]
fn a_request_needs_a_decision_and_a_reason() {
    let mut after = after();
    after.decision = None;
    assert!(matches!(build_change_request(&before(), &after, REASON, false), Err(ExportError::NoDecision)));
    assert!(matches!(build_change_request(&before(), &self::after(), " 　", false), Err(ExportError::NoReason)));
    let mut other = example("examples/kanwa-training/keyaki-hospital.json");
    other.decision = self::after().decision;
    let error = build_change_request(&before(), &other, REASON, false).unwrap_err();
    assert!(error.to_string().contains("同じ事業・同じ年度"), "{error}");
}

#[test]
fn the_hospital_row_program_has_its_change_request_too() {
    let before = example("examples/kanwa-training/keyaki-hospital.json");
    let mut after = before.clone();
    after.decision = Some(crate::case::Decision {
        decided_on: chrono::NaiveDate::from_ymd_opt(2024, 7, 1).unwrap(),
        number: "6保医政第99号".into(),
        amount: crate::money::Yen::new(500_000),
    });
    after.workings.clear();
    after.costs.insert(crate::program::ItemId::Venue, crate::money::Yen::new(100_000));
    let workbook = build_change_request(&before, &after, "会場を外部に借りることにしたため", false).unwrap();
    let table = sheet(&workbook.bytes, TABLE.name);
    assert!(has_text(&table, "事業者　医療法人社団 例会 けやき総合病院"));
    assert!(has_text(&table, "会場借上料"));
    assert_eq!(read_change_request(&workbook.bytes).unwrap().reason, "会場を外部に借りることにしたため");
}
