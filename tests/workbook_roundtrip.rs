//! export → import gives the same case: on the examples, on random valid cases, and after fill-in cells were
//! changed. Bad files are refused with the sheet and cell named, never a panic.

mod support;

use support::cases::valid_case as any_case;

use std::path::Path;

use chrono::NaiveDate;
use hojo::case::{Case, Filing, FounderType, parse_case};
use hojo::fiscal_year::FiscalYear;
use hojo::money::Yen;
use hojo::workbook::{ImportError, build, kept, read};
use proptest::prelude::*;
use support::xlsx_edit::{cell_to_formula, cell_to_text, edit_part, parts, without_part, zip_of};

fn example(name: &str) -> Case {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name);
    parse_case(&std::fs::read(path).unwrap()).unwrap()
}

fn examples() -> Vec<(String, Case)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    names.into_iter().map(|name| (name.clone(), example(&name))).collect()
}

/// The part name of a sheet, by its position (rust_xlsxwriter numbers them in order).
fn sheet_part(index: usize) -> String {
    format!("xl/worksheets/sheet{}.xml", index + 1)
}

#[test]
fn every_example_comes_back_as_the_workbook_keeps_it() {
    let list = examples();
    assert!(list.len() >= 4, "the examples are there");
    for (name, case) in list {
        let workbook = build(&case, false).unwrap_or_else(|error| panic!("{name}: {error}"));
        let back = read(&workbook.bytes).unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_eq!(back, kept(&case), "{name}");
    }
    // kept() drops only what the application does not use: here the 小緩診 of the CNS example (X3 names 緩診).
    let case = example("cns-second-year.json");
    let mut expected = case.clone();
    expected.hospital.filings.retain(|filing| filing.symbol != "小緩診");
    assert_eq!(kept(&case), expected);
    let sakura = example("sakura-hospital.json");
    assert_eq!(kept(&sakura), sakura);
    // A decided application (its 交付決定 arrived): the 交付申請書 does not carry the decision.
    let mut decided = sakura.clone();
    decided.decision = Some(hojo::case::Decision {
        decided_on: NaiveDate::from_ymd_opt(2024, 7, 1).unwrap(),
        number: "6保医政第1234号".into(),
        amount: Yen::new(2_300_000),
    });
    decided.received = Yen::new(1_000_000);
    assert_eq!(read(&build(&decided, false).unwrap().bytes).unwrap(), kept(&decided));
    assert_eq!(kept(&decided), sakura);
}

#[test]
fn a_program_whose_row_is_the_hospital_has_its_own_workbook_and_its_report_too() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/kanwa-training/keyaki-hospital.json");
    let mut case = hojo::case::parse_case(&std::fs::read(path).unwrap()).unwrap();
    let workbook = build(&case, false).unwrap();
    assert_eq!(read(&workbook.bytes).unwrap(), kept(&case));
    case.stage = hojo::case::Stage::Report;
    case.decision = Some(hojo::case::Decision {
        decided_on: NaiveDate::from_ymd_opt(2024, 7, 1).unwrap(),
        number: "6保医政第1234号".into(),
        amount: Yen::new(1_040_000),
    });
    case.received = Yen::new(500_000);
    // The report of the same amounts: its own workbook, read back whole (stage, decision, received).
    assert_eq!(read(&build(&case, false).unwrap().bytes).unwrap(), kept(&case));
}

#[test]
fn a_draft_comes_back_unchanged_too() {
    let mut case = example("sakura-hospital.json");
    case.hospital.filings.push(Filing::symbol_only("緩１"));
    case.hospital.founder_type = Some(FounderType::National);
    let back = read(&build(&case, true).unwrap().bytes).unwrap();
    assert_eq!(back, case);
}

#[test]
fn edited_fill_in_cells_are_read_as_edited() {
    let case = example("sakura-hospital.json");
    let bytes = build(&case, false).unwrap().bytes;
    // 別紙3 (the 4th sheet): 入学料 typed as full-width text; 別紙4 (5th): a new name and a 和暦 date typed as text.
    let bytes = edit_part(&bytes, &sheet_part(3), |xml| cell_to_text(xml, "C7", "１２０，０００円"));
    let bytes = edit_part(&bytes, &sheet_part(4), |xml| cell_to_text(xml, "C5", "看護 春子"));
    let bytes = edit_part(&bytes, &sheet_part(4), |xml| cell_to_text(xml, "G5", "令和6年5月1日"));
    let bytes = edit_part(&bytes, &sheet_part(4), |xml| cell_to_text(xml, "I5", "令和8年度"));
    let back = read(&bytes).unwrap();
    let trainee = &back.trainees[0];
    assert_eq!(trainee.admission, Yen::new(120_000));
    assert_eq!(trainee.name, "看護 春子");
    assert_eq!(trainee.enrolled_on, NaiveDate::from_ymd_opt(2024, 5, 1).unwrap());
    assert_eq!(trainee.exam_fiscal_year, Some(FiscalYear::new(2026)));
    let mut expected = case.clone();
    expected.trainees[0].admission = Yen::new(120_000);
    expected.trainees[0].name = "看護 春子".into();
    expected.trainees[0].enrolled_on = NaiveDate::from_ymd_opt(2024, 5, 1).unwrap();
    expected.trainees[0].exam_fiscal_year = Some(FiscalYear::new(2026));
    assert_eq!(back, expected, "nothing else changed");
}

#[test]
fn a_long_purpose_is_written_as_typed_and_read_back_as_typed_or_as_edited() {
    let mut case = example("sakura-hospital.json");
    let purpose = "がん患者の苦痛の緩和と意思決定支援を病棟横断で担う専門看護師を育成し、地域包括ケア病棟から在宅への移行期における緩和ケアの質を高める。あわせて院内研修の講師として、病棟看護師の実践力の底上げを図る。";
    case.hospital.purpose = Some(purpose.to_string());
    let bytes = build(&case, false).unwrap().bytes;
    let views = support::sheet_view::sheets(&bytes);
    let plan = support::sheet_view::sheet(&views, "別紙1_事業計画書");
    assert_eq!(plan.text(19, 2), purpose, "C20 shows it as typed, without breaks");
    assert_eq!(read(&bytes).unwrap(), case, "read back as typed");
    let edited = edit_part(&bytes, &sheet_part(1), |xml| cell_to_text(xml, "C20", "新しい目的。"));
    assert_eq!(read(&edited).unwrap().hospital.purpose.as_deref(), Some("新しい目的。"), "an edit wins");
}

#[test]
fn a_formula_without_its_result_is_refused_naming_the_sheet_and_cell() {
    // A tool that writes formulas but not their results (or strips them): 入学料 =100000+50000 with no cached
    // value must not be read as 0円.
    let bytes = build(&example("sakura-hospital.json"), false).unwrap().bytes;
    let bytes = edit_part(&bytes, &sheet_part(3), |xml| cell_to_formula(xml, "C7", "100000+50000"));
    let text = message(read(&bytes));
    assert!(text.contains("シート「別紙3_支出予定額内訳」のセル C7"), "{text}");
    assert!(text.contains("計算結果"), "{text}");
    // A formula with its result, as Excel and LibreOffice save it, is read for its result.
    let bytes = build(&example("sakura-hospital.json"), false).unwrap().bytes;
    let bytes = edit_part(&bytes, &sheet_part(3), |xml| {
        cell_to_formula(xml, "C7", "100000+50000").replace("<f>100000+50000</f>", "<f>100000+50000</f><v>150000</v>")
    });
    assert_eq!(read(&bytes).unwrap().trainees[0].admission, Yen::new(150_000));
}

#[test]
fn the_largest_application_hojo_accepts_exports_and_reads_back() {
    let base = example("substitute-by-month.json");
    let mut case = base.clone();
    case.trainees = (0..hojo::limits::MAX_TRAINEES)
        .map(|index| {
            let mut trainee = base.trainees[0].clone();
            trainee.name = format!("受講者 {index:04}");
            trainee
        })
        .collect();
    let workbook = build(&case, true).unwrap();
    assert_eq!(read(&workbook.bytes).unwrap(), case);
}

#[test]
fn a_workbook_of_the_first_layout_is_refused_with_what_to_do() {
    let bytes = build(&example("sakura-hospital.json"), false).unwrap().bytes;
    let bytes = edit_part(&bytes, "xl/sharedStrings.xml", |xml| xml.replace(">hojo-workbook/2<", ">hojo-workbook/1<"));
    let text = message(read(&bytes));
    assert!(text.contains("以前の版") && text.contains("書き出し直"), "{text}");
}

fn message(result: Result<Case, ImportError>) -> String {
    result.expect_err("the file is refused").to_string()
}

#[test]
fn an_amount_edited_into_text_is_refused_naming_the_sheet_and_cell() {
    let bytes = build(&example("sakura-hospital.json"), false).unwrap().bytes;
    let bytes = edit_part(&bytes, &sheet_part(3), |xml| cell_to_text(xml, "C8", "未定"));
    let text = message(read(&bytes));
    assert!(text.contains("別紙3_支出予定額内訳"), "{text}");
    assert!(text.contains("C8"), "{text}");
    assert!(text.contains("未定"), "{text}");
}

#[test]
fn a_date_edited_into_nonsense_is_refused_naming_the_cell() {
    let bytes = build(&example("sakura-hospital.json"), false).unwrap().bytes;
    let bytes = edit_part(&bytes, &sheet_part(4), |xml| cell_to_text(xml, "H5", "来年の春"));
    let text = message(read(&bytes));
    assert!(text.contains("別紙4_受講者名簿") && text.contains("H5"), "{text}");
}

#[test]
fn a_course_edited_to_end_before_it_starts_is_refused_naming_the_cell() {
    let bytes = build(&example("sakura-hospital.json"), false).unwrap().bytes;
    let bytes = edit_part(&bytes, &sheet_part(4), |xml| cell_to_text(xml, "H5", "令和5年3月31日"));
    let text = message(read(&bytes));
    assert!(text.contains("シート「別紙4_受講者名簿」のセル H5"), "{text}");
    assert!(text.contains("修了予定日"), "{text}");
}

#[test]
fn a_file_that_is_not_xlsx_is_named_for_what_it_is() {
    assert!(message(read(b"{\"format\": \"hojo-case/1\"}")).contains("JSON"));
    assert!(message(read(b"%PDF-1.7 ...")).contains("PDF"));
    assert!(message(read(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1])).contains(".xls"));
    assert!(message(read(b"")).contains("空"));
    assert!(message(read(b"PK\x03\x04 truncated")).contains("壊れて"));
}

#[test]
fn an_xlsx_from_elsewhere_is_not_taken_for_an_application() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    workbook.add_worksheet().write_string(0, 0, "売上").unwrap();
    let text = message(read(&workbook.save_to_buffer().unwrap()));
    assert!(text.contains("Hojo が作成した申請書ではありません"), "{text}");
}

#[test]
fn a_missing_sheet_is_named() {
    let bytes = build(&example("sakura-hospital.json"), false).unwrap().bytes;
    let bytes =
        edit_part(&bytes, "xl/workbook.xml", |xml| xml.replace("name=\"別紙3_支出予定額内訳\"", "name=\"別紙3\""));
    let text = message(read(&bytes));
    assert!(text.contains("シート「別紙3_支出予定額内訳」がありません"), "{text}");
}

#[test]
fn a_damaged_hidden_data_sheet_is_named_with_its_key() {
    let bytes = build(&example("sakura-hospital.json"), false).unwrap().bytes;
    let bytes = edit_part(&bytes, "xl/sharedStrings.xml", |xml| xml.replacen(">trainee<", ">someone<", 1));
    let text = message(read(&bytes));
    assert!(text.contains("hojo_data") && text.contains("salary_kind"), "{text}");
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_expanded() {
    let bytes = build(&example("sakura-hospital.json"), false).unwrap().bytes;
    let mut parts = parts(&bytes);
    // 40 MB of zeros deflate to about 40 KB; one entry may expand to 32 MB at most.
    parts.push(("xl/media/padding.bin".to_string(), vec![0u8; 40 << 20]));
    let text = message(read(&zip_of(&parts)));
    assert!(text.contains("大きすぎます"), "{text}");
}

#[test]
fn a_cell_at_the_far_corner_of_a_sheet_costs_nothing() {
    // calamine's dense ranges would reserve 17 billion cells for this; the reader streams and skips it.
    let case = example("sakura-hospital.json");
    let bytes = build(&case, false).unwrap().bytes;
    let bytes = edit_part(&bytes, &sheet_part(3), |xml| {
        xml.replace("</sheetData>", "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row></sheetData>")
    });
    assert_eq!(read(&bytes).unwrap(), case);
}

#[test]
fn an_absurd_cell_reference_is_a_damaged_workbook_not_a_panic() {
    // calamine 0.38 multiplies without checking while it reads a cell reference: this one overflows (a panic in a
    // debug build). A person gets the damaged-file message, in Japanese, like any other damaged workbook.
    let bytes = build(&example("sakura-hospital.json"), false).unwrap().bytes;
    for sheet in 0..2 {
        let bytes = edit_part(&bytes, &sheet_part(sheet), |xml| {
            xml.replace(
                "</sheetData>",
                "<row r=\"900\"><c r=\"AAAAAAAAAAAAAAA900\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>",
            )
        });
        let error = read(&bytes).expect_err("a damaged workbook is refused");
        assert!(matches!(error, ImportError::Damaged(_)), "{error:?}");
        let text = error.to_string();
        assert!(text.starts_with("ブックが壊れていて読めません"), "{text}");
    }
}

#[test]
fn a_workbook_of_too_many_parts_is_refused_naming_them() {
    let bytes = build(&example("sakura-hospital.json"), false).unwrap().bytes;
    let mut parts = parts(&bytes);
    parts.extend((0..1_200).map(|i| (format!("xl/media/image{i}.png"), vec![0u8; 8])));
    let text = message(read(&zip_of(&parts)));
    assert!(text.contains("部品が 1") && text.contains("上限 1000 個"), "{text}");
}

#[test]
fn a_shared_string_count_that_lies_is_refused() {
    let bytes = build(&example("sakura-hospital.json"), false).unwrap().bytes;
    let bytes = edit_part(&bytes, "xl/sharedStrings.xml", |xml| {
        let start = xml.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
        let end = start + xml[start..].find('"').unwrap();
        format!("{}4000000000{}", &xml[..start], &xml[end..])
    });
    assert!(message(read(&bytes)).contains("大きすぎます"));
}

#[test]
fn a_workbook_without_its_parts_is_damaged_not_a_panic() {
    let bytes = build(&example("sakura-hospital.json"), false).unwrap().bytes;
    for part in ["xl/workbook.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet4.xml"] {
        let result = read(&without_part(&bytes, part));
        assert!(result.is_err(), "{part}");
    }
    // calamine does not need the content types; without them the workbook reads as before.
    let _ = read(&without_part(&bytes, "[Content_Types].xml"));
    // Without its styles a workbook still reads (dates are then plain serial numbers): no panic, same case.
    let case = example("sakura-hospital.json");
    assert_eq!(read(&without_part(&build(&case, false).unwrap().bytes, "xl/styles.xml")).unwrap(), case);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_valid_case_comes_back_as_the_workbook_keeps_it(case in any_case(), shuffle in any::<u64>()) {
        // Months as they were entered (any order) and 届出 the program does not look at: the workbook keeps
        // the months in calendar order and the 届出 the rules name; everything else comes back unchanged.
        let mut case = case;
        // A declaration of the other program (K1) the nurse program's application does not carry.
        case.hospital.designated_cooperating_hospital = [None, Some(true), Some(false)][(shuffle % 3) as usize];
        for (index, trainee) in case.trainees.iter_mut().enumerate() {
            let turns = (shuffle as usize).wrapping_add(index) % trainee.salary_months.len().max(1);
            trainee.salary_months.rotate_left(turns);
        }
        hojo::case::validate(&case).unwrap();
        let workbook = build(&case, true).unwrap();
        let back = read(&workbook.bytes).unwrap();
        prop_assert_eq!(&back, &kept(&case));
        // What the application uses is the same: every check and every figure.
        prop_assert_eq!(hojo::eligibility::evaluate(&back).unwrap(), hojo::eligibility::evaluate(&case).unwrap());
        let (before, after) = (hojo::calc::calculate(&case).unwrap(), hojo::calc::calculate(&back).unwrap());
        prop_assert_eq!(after.total, before.total);
    }
}
