//! The kanwa-training workbook against its example: the figures on each sheet, the defined names, reading it
//! back, an amount changed in Excel named with its cell.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::layout::{BREAKDOWN, BUDGET_NAME, FORM_NAME, PLAN};
use crate::case::{Case, parse_case};
use crate::workbook::layout::a1;
use crate::workbook::{ImportError, build, kept, read};

fn keyaki() -> Case {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/kanwa-training/keyaki-hospital.json");
    parse_case(&std::fs::read(path).unwrap()).unwrap()
}

fn range(bytes: &[u8], name: &str) -> calamine::Range<Data> {
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    workbook.worksheet_range(name).unwrap()
}

fn value(range: &calamine::Range<Data>, at: &str) -> Data {
    let cell = a1(at);
    range.get_value((cell.row, u32::from(cell.col))).cloned().unwrap_or(Data::Empty)
}

#[test]
fn the_application_asks_for_what_the_calculation_gives() {
    let case = keyaki();
    let total = crate::calc::calculate(&case).unwrap().total;
    let workbook = build(&case, false).unwrap();
    let form = range(&workbook.bytes, FORM_NAME);
    assert_eq!(value(&form, "E19"), Data::Float(total.get() as f64));
    assert!(form.cells().any(|(_, _, v)| matches!(v, Data::String(s) if s.contains("協力病院緩和ケア研修会"))));
    let budget = range(&workbook.bytes, BUDGET_NAME);
    // D: 対象経費 1,040,000; E: 2,434,000; I: 1,040,000 (10/10).
    assert_eq!(value(&budget, "G7"), Data::Float(1_040_000.0));
    assert_eq!(value(&budget, "H7"), Data::Float(2_434_000.0));
    assert_eq!(value(&budget, "L8"), Data::Float(total.get() as f64));
    assert_eq!(total.get(), 1_040_000);
}

#[test]
fn the_breakdown_shows_each_item_with_its_working() {
    let workbook = build(&keyaki(), false).unwrap();
    let breakdown = range(&workbook.bytes, BREAKDOWN.name);
    assert_eq!(value(&breakdown, "B5"), Data::String("講師報酬".into()));
    assert_eq!(value(&breakdown, "C5"), Data::Float(600_000.0));
    let working = value(&breakdown, "D5").to_string();
    assert!(working.contains("講師謝金 30,000円×16人") && working.contains("ファシリテーター謝金"), "{working}");
    let plan = range(&workbook.bytes, PLAN.name);
    assert!(plan.cells().any(|(_, _, v)| matches!(v, Data::String(s) if s == "けやき総合病院 緩和ケア研修会")));
    assert!(plan.cells().any(|(_, _, v)| matches!(v, Data::String(s) if s == "指定あり")));
}

#[test]
fn it_reads_back_to_the_case() {
    let case = keyaki();
    let workbook = build(&case, false).unwrap();
    assert_eq!(read(&workbook.bytes).unwrap(), kept(&case));
}

#[test]
fn an_amount_changed_in_excel_is_named_with_its_cell() {
    let case = keyaki();
    let mut changed = case.clone();
    changed.costs.insert(crate::program::ItemId::Venue, crate::money::Yen::new(50_000));
    // The hidden sheet of `case`, the visible amounts of `changed`: as if 会場借上料 were typed in Excel.
    let original = build(&case, false).unwrap().bytes;
    let edited = build(&changed, false).unwrap().bytes;
    let spliced = splice_sheet(&original, &edited, "xl/worksheets/sheet4.xml");
    match read(&spliced) {
        Err(ImportError::Cell { sheet, cell, message }) => {
            assert_eq!(sheet, BREAKDOWN.name);
            assert_eq!(cell, "C7");
            assert!(
                message.contains("会場借上料") && message.contains("50,000円") && message.contains("0円"),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }
}

/// `base` with one part taken from `from`.
fn splice_sheet(base: &[u8], from: &[u8], part: &str) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut donor = zip::ZipArchive::new(Cursor::new(from)).unwrap();
    let mut replacement = Vec::new();
    donor.by_name(part).unwrap().read_to_end(&mut replacement).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(base)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).unwrap();
        let name = file.name().unwrap().to_string();
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap();
        if name == part {
            content = replacement.clone();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn sheet_names_are_valid_excel_names() {
    for name in super::layout::SHEET_NAMES.iter().chain([&super::layout::DATA.name]) {
        assert!(name.chars().count() <= 31, "{name}");
        assert!(!name.contains(['[', ']', ':', '*', '?', '/', '\\', '\'']), "{name}");
    }
}
