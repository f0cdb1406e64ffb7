//! Files that are not a good 名簿: each gives a clear error or a warning, never a panic, and nothing makes the
//! reader hold more than the limits allow. The workbooks are built here, as small xlsx files written with the zip
//! crate, so each test shows exactly what is wrong with its file.

use std::io::{Cursor, Write};
use std::path::Path;

use hojo::meibo::{Limits, Meibo, MeiboError};
use zip::write::SimpleFileOptions;

const HEADERS: [&str; 24] = [
    "項番",
    "都道府県コード",
    "都道府県名",
    "区分",
    "医療機関番号",
    "併設医療機関番号",
    "医療機関記号番号",
    "医療機関名称",
    "医療機関所在地（郵便番号）",
    "医療機関所在地（住所）",
    "電話番号",
    "FAX番号",
    "病床数",
    "受理届出名称",
    "受理記号",
    "受理番号",
    "算定開始年月日",
    "個別有効開始年月日",
    "備考（見出し）",
    "備考（データ）",
    "市町村コード",
    "市町村名",
    "種別コード",
    "種別",
];

const STAMP: &str = "[令和７年９月１日 現在 ]令和７年１０月２日作成 全医療機関出力";

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// One sheet row of inline strings; empty texts are left out, as Excel leaves out empty cells.
fn row(number: u32, cells: &[&str]) -> String {
    let mut xml = format!("<row r=\"{number}\">");
    for (column, text) in cells.iter().enumerate() {
        if !text.is_empty() {
            let letter = column_letter(column);
            xml.push_str(&format!("<c r=\"{letter}{number}\" t=\"inlineStr\"><is><t>{}</t></is></c>", escape(text)));
        }
    }
    xml.push_str("</row>");
    xml
}

fn column_letter(column: usize) -> String {
    let letters = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    if column < 26 { (letters[column] as char).to_string() } else { format!("A{}", letters[column - 26] as char) }
}

/// A 届出 row of the published layout.
fn filing(number: &str, name: &str, beds: &str, symbol: &str, since: &str) -> Vec<String> {
    let mut cells = vec![String::new(); 24];
    let values = [
        (0, "1"),
        (1, "13"),
        (2, "東京都"),
        (3, "医科"),
        (4, number),
        (7, name),
        (8, "160-0023"),
        (9, "新宿区西新宿二丁目８－１"),
        (12, beds),
        (13, "届出"),
        (14, symbol),
        (15, "第1号"),
        (16, since),
    ];
    for (column, value) in values {
        cells[column] = value.to_string();
    }
    cells
}

fn rows_xml(rows: &[Vec<String>], first: u32) -> String {
    rows.iter()
        .enumerate()
        .map(|(i, cells)| row(first + i as u32, &cells.iter().map(String::as_str).collect::<Vec<_>>()))
        .collect()
}

/// The sheet of a small 名簿 in the published layout: stamp on row 2, header on row 4, data from row 5.
fn meibo_sheet(headers: &[&str], data: &[Vec<String>], tail: &str) -> String {
    format!("{}{}{}{}", row(2, &[STAMP]), row(4, headers), rows_xml(data, 5), tail)
}

fn tokyo_rows() -> Vec<Vec<String>> {
    vec![
        filing(
            "0101234",
            "医療法人社団　例会　さくら病院",
            "一般\u{3000}\u{3000}120／療養\u{3000}\u{3000}51",
            "地包ケア１",
            "令和 6年10月 1日",
        ),
        filing(
            "0101234",
            "医療法人社団　例会　さくら病院",
            "一般\u{3000}\u{3000}120／療養\u{3000}\u{3000}51",
            "がん疼",
            "平成22年 4月 1日",
        ),
        filing("0105678", "すみれクリニック", "", "時間外３", "令和 4年 4月 1日"),
    ]
}

/// The rows moved to another prefecture, as that prefecture's bureau prints them.
fn in_prefecture(mut rows: Vec<Vec<String>>, code: &str, name: &str) -> Vec<Vec<String>> {
    for cells in &mut rows {
        cells[1] = code.to_string();
        cells[2] = name.to_string();
    }
    rows
}

/// An xlsx with one sheet; `shared_strings` is written as xl/sharedStrings.xml when given.
fn xlsx(sheet_data: &str, shared_strings: Option<&str>) -> Vec<u8> {
    xlsx_compressed(sheet_data, shared_strings, zip::CompressionMethod::Deflated)
}

fn xlsx_compressed(sheet_data: &str, shared_strings: Option<&str>, method: zip::CompressionMethod) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(method);
    let mut put = |name: &str, text: &str| {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    };
    put(
        "[Content_Types].xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
    );
    put(
        "_rels/.rels",
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    );
    put(
        "xl/workbook.xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
    );
    let strings_rel = if shared_strings.is_some() {
        r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
    } else {
        ""
    };
    put(
        "xl/_rels/workbook.xml.rels",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>{strings_rel}</Relationships>"#
        ),
    );
    if let Some(strings) = shared_strings {
        put("xl/sharedStrings.xml", strings);
    }
    put(
        "xl/worksheets/sheet1.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_data}</sheetData></worksheet>"#
        ),
    );
    zip.finish().unwrap().into_inner()
}

/// Reads with both readers (the fast one steps aside for what it does not handle) and checks they agree.
fn read(bytes: &[u8]) -> Result<Meibo, MeiboError> {
    let meibo = Meibo::read(&mut Cursor::new(bytes));
    assert_eq!(meibo, Meibo::read_with_calamine(&mut Cursor::new(bytes)), "the fast reader and calamine disagree");
    meibo
}

fn error(bytes: &[u8]) -> MeiboError {
    read(bytes).expect_err("the file must be refused")
}

/// Whether the fast reader took the file (rather than stepping aside for calamine).
fn fast_reader_takes(bytes: &[u8]) -> bool {
    Meibo::read_fast(&mut Cursor::new(bytes)).is_some()
}

#[test]
fn a_small_well_formed_meibo_reads() {
    let bytes = xlsx(&meibo_sheet(&HEADERS, &tokyo_rows(), ""), None);
    assert!(fast_reader_takes(&bytes));
    let meibo = read(&bytes).unwrap();
    assert_eq!(meibo.institutions.len(), 2);
    assert_eq!(meibo.rows, 3);
    let sakura = meibo.find_by_number("0101234").unwrap();
    assert_eq!(sakura.beds.total(), Some(171));
    assert_eq!(sakura.filings.len(), 2);
    assert_eq!(sakura.to_hospital().address.as_deref(), Some("東京都新宿区西新宿二丁目８－１"));
    assert!(meibo.warnings.is_empty(), "{:#?}", meibo.warnings);
}

#[test]
fn files_that_are_not_xlsx_are_named_for_what_they_are() {
    let csv = "項番,都道府県コード,医療機関番号\n1,13,0101234\n".as_bytes();
    let message = error(csv).to_string();
    assert!(matches!(error(csv), MeiboError::NotXlsx(_)));
    assert!(message.contains("CSV") && message.contains("not an .xlsx file"), "{message}");
    assert!(error(b"%PDF-1.7\n").to_string().contains("PDF"));
    assert!(error(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).to_string().contains(".xls"));
    assert!(error(b"").to_string().contains("空のファイル"));
}

#[test]
fn a_zip_that_is_not_a_workbook_is_refused() {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("readme.txt", SimpleFileOptions::default()).unwrap();
    zip.write_all(b"hello").unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    let message = error(&bytes).to_string();
    assert!(message.contains("xl/workbook.xml"), "{message}");
}

#[test]
fn a_truncated_file_is_called_damaged() {
    let real =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/meibo/meibo-19-yamanashi-r0710.xlsx"))
            .unwrap();
    for length in [10, 1000, real.len() / 2, real.len() - 10] {
        let refused = error(&real[..length]);
        assert!(matches!(refused, MeiboError::Damaged(_)), "{length}: {refused:?}");
        assert!(refused.to_string().contains("途中で切れて"), "{refused}");
    }
}

#[test]
fn a_workbook_that_is_not_a_meibo_names_the_header_it_expected() {
    let sheet =
        format!("{}{}", row(1, &["氏名", "住所", "電話番号"]), row(2, &["東京 太郎", "新宿区", "03-0000-0000"]));
    let refused = error(&xlsx(&sheet, None));
    assert!(matches!(refused, MeiboError::NotMeibo { .. }), "{refused:?}");
    let message = refused.to_string();
    assert!(message.contains("医療機関番号") && message.contains("受理記号"), "{message}");
    assert!(message.contains("not a 名簿"), "{message}");
}

#[test]
fn a_meibo_whose_header_row_was_deleted_is_refused_naming_the_header() {
    // The stamp and the data rows, but no header row: the columns cannot be known.
    let sheet = format!("{}{}", row(2, &[STAMP]), rows_xml(&tokyo_rows(), 4));
    let refused = error(&xlsx(&sheet, None));
    assert!(matches!(refused, MeiboError::NotMeibo { .. }), "{refused:?}");
    assert!(refused.to_string().contains("医療機関番号・医療機関名称"), "{refused}");
}

#[test]
fn a_header_without_one_needed_label_is_named() {
    let headers: Vec<&str> = HEADERS.iter().copied().filter(|h| *h != "受理記号").collect();
    let refused = error(&xlsx(&meibo_sheet(&headers, &[], ""), None));
    let message = refused.to_string();
    assert!(matches!(refused, MeiboError::OtherLayout { row: 4, .. }), "{refused:?}");
    assert!(message.contains("「受理記号」がありません"), "{message}");
    assert!(message.contains("地方厚生局"), "{message}");
}

#[test]
fn a_meibo_like_table_of_another_layout_is_recognised_as_such() {
    // A 名簿-like table laid out differently (every 地方厚生局 publishes the same layout, so this is a changed
    // layout or someone's own list): other labels for the number and the symbol, no 病床数.
    let headers = ["No.", "医療機関コード", "医療機関名", "所在地", "届出受理名称", "受理番号", "算定開始日"];
    let refused = error(&xlsx(&meibo_sheet(&headers, &[], ""), None));
    let message = refused.to_string();
    assert!(matches!(refused, MeiboError::OtherLayout { .. }), "{refused:?}");
    assert!(
        message.contains("様式が違います") && message.contains("地方厚生局") && message.contains("another layout"),
        "{message}"
    );
}

#[test]
fn a_meibo_of_another_bureau_names_that_bureau() {
    // Every 地方厚生局 prints the same layout; only the 都道府県コード of the rows tells whose file it is.
    for (code, name, bureau) in [
        ("01", "北海道", "北海道厚生局"),
        ("40", "福岡県", "九州厚生局"),
        ("38", "愛媛県", "四国厚生支局"),
        ("13", "東京都", "関東信越厚生局"),
    ] {
        let meibo = read(&xlsx(&meibo_sheet(&HEADERS, &in_prefecture(tokyo_rows(), code, name), ""), None)).unwrap();
        assert_eq!(meibo.authority.as_deref(), Some(bureau), "{name}");
        assert_eq!(meibo.prefecture_codes(), [code]);
        assert!(meibo.warnings.is_empty(), "{name}: {:#?}", meibo.warnings);
    }
}

#[test]
fn rows_of_two_bureaus_name_no_bureau_and_say_why() {
    let mut rows = tokyo_rows();
    rows.extend(in_prefecture(
        vec![filing("0115202", "福井の病院", "一般\u{3000}\u{3000}60", "がん疼", "平成28年 8月 1日")],
        "18",
        "福井県",
    ));
    let meibo = read(&xlsx(&meibo_sheet(&HEADERS, &rows, ""), None)).unwrap();
    assert_eq!(meibo.authority, None);
    assert_eq!(meibo.prefecture_codes(), ["13", "18"]);
    let warning = meibo.warnings.iter().find(|w| w.message.contains("厚生局")).expect("a warning");
    assert!(warning.message.contains("東京都・福井県"), "{}", warning.message);
}

#[test]
fn a_prefecture_name_that_is_not_the_one_of_its_code_is_warned_about() {
    let meibo = read(&xlsx(&meibo_sheet(&HEADERS, &in_prefecture(tokyo_rows(), "11", "東京都"), ""), None)).unwrap();
    assert_eq!(meibo.authority.as_deref(), Some("関東信越厚生局"));
    let warning = meibo.warnings.iter().find(|w| w.message.contains("都道府県名")).expect("a warning");
    assert_eq!(warning.row, Some(5));
    assert!(warning.message.contains("「東京都」") && warning.message.contains("埼玉県"), "{}", warning.message);
}

#[test]
fn a_kyushu_meibo_repeating_a_filing_once_per_remark_reads_it_once() {
    // 東海北陸, 四国 and 九州 repeat a 届出's row once per 備考 item (備考（見出し）・備考（データ）, columns S and T),
    // and their stamp has no 「全医療機関出力」.
    let mut rows = in_prefecture(tokyo_rows(), "40", "福岡県");
    for (heading, data) in [("病棟種別", "一般病棟"), ("病床数", "48")] {
        let mut remark = rows[0].clone();
        remark[18] = heading.to_string();
        remark[19] = data.to_string();
        rows.insert(1, remark);
    }
    let stamp = "[令和７年１０月１日 現在 ]令和７年１０月２１日作成";
    let sheet = format!("{}{}{}", row(2, &[stamp]), row(4, &HEADERS), rows_xml(&rows, 5));
    let meibo = read(&xlsx(&sheet, None)).unwrap();
    assert_eq!(meibo.authority.as_deref(), Some("九州厚生局"));
    assert_eq!(meibo.as_of, chrono::NaiveDate::from_ymd_opt(2025, 10, 1));
    assert_eq!(meibo.rows, 5, "every row is read");
    let sakura = meibo.find_by_number("0101234").unwrap();
    let symbols: Vec<&str> = sakura.filings.iter().map(|f| f.symbol.as_str()).collect();
    assert_eq!(symbols, ["地包ケア１", "がん疼"], "one 届出, however many 備考 rows it has");
}

#[test]
fn a_header_with_moved_columns_reads_with_a_warning() {
    let mut headers = HEADERS;
    headers.swap(0, 1);
    let mut rows = tokyo_rows();
    rows.iter_mut().for_each(|cells| cells.swap(0, 1));
    let meibo = read(&xlsx(&meibo_sheet(&headers, &rows, ""), None)).unwrap();
    assert_eq!(meibo.find_by_number("0101234").map(|i| i.prefecture_code.as_str()), Some("13"));
    assert!(meibo.warnings.iter().any(|w| w.message.contains("見出しの並び")), "{:#?}", meibo.warnings);
}

#[test]
fn rows_with_a_blank_number_are_skipped_and_named() {
    let mut rows = tokyo_rows();
    rows.insert(1, filing("", "名無し病院", "一般\u{3000}\u{3000}50", "がん疼", "令和 6年 4月 1日"));
    rows.push(filing("\u{3000}", "空白病院", "", "時間外３", ""));
    let meibo = read(&xlsx(&meibo_sheet(&HEADERS, &rows, ""), None)).unwrap();
    assert_eq!(meibo.institutions.len(), 2);
    assert_eq!(meibo.find_by_number("0101234").unwrap().filings.len(), 2);
    let warning = meibo.warnings.iter().find(|w| w.message.contains("医療機関番号が空欄")).expect("a warning");
    assert_eq!(warning.row, Some(6));
    assert!(warning.message.contains("2行") && warning.message.contains("6行目・9行目"), "{}", warning.message);
}

#[test]
fn unreadable_dates_and_beds_are_warned_about_not_guessed() {
    let rows = vec![
        filing("0101234", "さくら病院", "一般\u{3000}\u{3000}百二十", "地包ケア１", "令和 6年13月 1日"),
        filing("0101234", "さくら病院", "一般\u{3000}\u{3000}百二十", "がん疼", ""),
    ];
    let meibo = read(&xlsx(&meibo_sheet(&HEADERS, &rows, ""), None)).unwrap();
    let sakura = meibo.find_by_number("0101234").unwrap();
    assert_eq!(sakura.beds.total(), None);
    assert_eq!(sakura.filings[0].since, None);
    assert_eq!(sakura.filings[1].since, None, "a blank date is no date, without a warning");
    let rows_warned: Vec<Option<u32>> = meibo.warnings.iter().map(|w| w.row).collect();
    assert_eq!(rows_warned, [Some(5), Some(5)], "{:#?}", meibo.warnings);
}

#[test]
fn numbers_and_dates_saved_as_such_by_a_spreadsheet_are_read_back_as_the_meibo_writes_them() {
    // A copy "fixed" in a spreadsheet: 医療機関番号 turned into a number (the leading zero lost) and the date into
    // an Excel date serial (45566 = 2024-10-01) with a date style. The fast reader steps aside; calamine reads it.
    let mut rows = tokyo_rows();
    rows[0][4] = String::new();
    rows[0][16] = String::new();
    let data = row(5, &rows[0].iter().map(String::as_str).collect::<Vec<_>>()).replace(
        "<row r=\"5\">",
        "<row r=\"5\"><c r=\"E5\"><v>101234</v></c><c r=\"Q5\" t=\"d\"><v>2024-10-01T00:00:00</v></c>",
    );
    let sheet = format!("{}{}{data}{}", row(2, &[STAMP]), row(4, &HEADERS), rows_xml(&rows[1..], 6));
    let bytes = xlsx(&sheet, None);
    assert!(!fast_reader_takes(&bytes), "numbers and dates are calamine's to read");
    let meibo = read(&bytes).unwrap();
    let sakura = meibo.find_by_number("0101234").expect("the number gets its leading zero back");
    assert_eq!(sakura.filings[0].since, chrono::NaiveDate::from_ymd_opt(2024, 10, 1));
    assert_eq!(sakura.filings.len(), 2);
}

#[test]
fn an_absurd_cell_reference_is_a_damaged_file_not_a_panic() {
    // Found by the property test below: calamine overflows on this reference (a panic in a debug build); the fast
    // reader steps aside for it, and the calamine reader's guard answers "damaged".
    let sheet = meibo_sheet(&HEADERS, &tokyo_rows(), "").replacen("<c r=\"A5\"", "<c r=\"AAAAAAAAAAAAAAA5\"", 1);
    let bytes = xlsx(&sheet, None);
    assert!(!fast_reader_takes(&bytes));
    let refused = error(&bytes);
    assert!(matches!(refused, MeiboError::Damaged(_)), "{refused:?}");
    assert!(refused.to_string().starts_with("xlsx ファイルとして読めません"), "{refused}");
}

#[test]
fn a_header_with_no_rows_below_is_an_error() {
    let refused = error(&xlsx(&meibo_sheet(&HEADERS, &[], ""), None));
    assert_eq!(refused, MeiboError::NoRows(4));
}

#[test]
fn a_million_empty_rows_are_skipped_in_bounded_memory() {
    // Formatting applied down the sheet leaves a cell element (no value) on every row: calamine's streaming reader
    // hands over each, and only the current row is kept.
    let mut tail = String::with_capacity(40 * 1_000_000);
    for number in 8..1_000_008u32 {
        tail.push_str(&format!("<row r=\"{number}\"><c r=\"A{number}\" s=\"1\"/></row>"));
    }
    // Stored, not deflated: compressing 40 MB in an unoptimised test build would take longer than reading it.
    let bytes = xlsx_compressed(&meibo_sheet(&HEADERS, &tokyo_rows(), &tail), None, zip::CompressionMethod::Stored);
    drop(tail);
    assert!(fast_reader_takes(&bytes));
    let meibo = read(&bytes).unwrap();
    assert_eq!(meibo.institutions.len(), 2);
    let warning = meibo.warnings.iter().find(|w| w.message.contains("空の行")).expect("the blank rows are reported");
    assert!(warning.message.contains("1000000行"), "{}", warning.message);
}

/// Sets the declared uncompressed size of an entry, in the central directory and the local header alike.
fn declare_size(bytes: &mut [u8], name: &str, size: u32) {
    let mut patched = 0;
    for at in 0..bytes.len().saturating_sub(46) {
        let (signature, size_at, name_at) = match &bytes[at..at + 4] {
            [0x50, 0x4b, 0x01, 0x02] => ("central", at + 24, at + 46),
            [0x50, 0x4b, 0x03, 0x04] => ("local", at + 22, at + 30),
            _ => continue,
        };
        let name_length_at = if signature == "central" { at + 28 } else { at + 26 };
        let name_length = u16::from_le_bytes([bytes[name_length_at], bytes[name_length_at + 1]]) as usize;
        if bytes.get(name_at..name_at + name_length) == Some(name.as_bytes()) {
            bytes[size_at..size_at + 4].copy_from_slice(&size.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "the entry {name} has a local and a central header");
}

#[test]
fn a_zip_bomb_declaring_a_huge_sheet_is_refused_before_reading() {
    let mut bytes = xlsx(&meibo_sheet(&HEADERS, &tokyo_rows(), ""), None);
    declare_size(&mut bytes, "xl/worksheets/sheet1.xml", u32::MAX - 1);
    let refused = error(&bytes);
    assert!(matches!(refused, MeiboError::TooLarge(_)), "{refused:?}");
    assert!(refused.to_string().contains("zip bomb"), "{refused}");
}

#[test]
fn a_sheet_that_inflates_beyond_its_declared_size_stops_there() {
    let mut bytes = xlsx(&meibo_sheet(&HEADERS, &tokyo_rows(), ""), None);
    declare_size(&mut bytes, "xl/worksheets/sheet1.xml", 600);
    let refused = error(&bytes);
    assert!(matches!(refused, MeiboError::Damaged(_)), "{refused:?}");
}

#[test]
fn a_sheet_larger_than_the_limit_is_refused() {
    // An honest but oversized sheet: 1,000 rows against a limit of 64 KB.
    let rows: Vec<Vec<String>> = (0..1000)
        .map(|i| filing(&format!("{:07}", 100000 + i), "病院", "一般\u{3000}\u{3000}50", "がん疼", "令和 6年 4月 1日"))
        .collect();
    let bytes = xlsx(&meibo_sheet(&HEADERS, &rows, ""), None);
    let limits = Limits { entry: 64 << 10, ..Limits::MEIBO };
    let refused = Meibo::read_with_limits(&mut Cursor::new(&bytes), limits).unwrap_err();
    assert!(
        matches!(refused, MeiboError::TooLarge(ref detail) if detail.contains("sheet1.xml") && detail.contains("64 KB")),
        "{refused:?}"
    );
    assert!(read(&bytes).is_ok(), "the same file reads within the default limits");
}

#[test]
fn a_shared_string_count_meant_to_exhaust_memory_is_refused() {
    // calamine reserves room for uniqueCount strings before reading them; a lie here would abort the process.
    let strings = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="999999999999"><si><t>項番</t></si></sst>"#;
    let refused = error(&xlsx(&meibo_sheet(&HEADERS, &tokyo_rows(), ""), Some(strings)));
    assert!(matches!(refused, MeiboError::TooLarge(_)), "{refused:?}");
}

#[test]
fn shared_strings_are_read_like_inline_ones() {
    let strings = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>医療機関番号</t></si><si><t>0109999</t></si></sst>"#;
    let mut headers = HEADERS.map(|h| h.to_string());
    headers[4] = String::new();
    let header_row = row(4, &headers.iter().map(String::as_str).collect::<Vec<_>>())
        .replace("<row r=\"4\">", "<row r=\"4\"><c r=\"E4\" t=\"s\"><v>0</v></c>");
    let mut cells = filing("", "共有病院", "一般\u{3000}\u{3000}30", "がん疼", "令和 6年 4月 1日");
    cells[4] = String::new();
    let data = row(5, &cells.iter().map(String::as_str).collect::<Vec<_>>())
        .replace("<row r=\"5\">", "<row r=\"5\"><c r=\"E5\" t=\"s\"><v>1</v></c>");
    let bytes = xlsx(&format!("{}{header_row}{data}", row(2, &[STAMP])), Some(strings));
    assert!(fast_reader_takes(&bytes));
    let meibo = read(&bytes).unwrap();
    assert_eq!(meibo.find_by_number("0109999").map(|i| i.name.as_str()), Some("共有病院"));
}

mod mangled {
    //! Random damage to the sheet XML of a small 名簿 (characters that matter to XML inserted, deleted, replaced):
    //! neither reader may panic, and when the fast reader takes the file it must read it as calamine does.
    use super::*;
    use proptest::prelude::*;

    const SIGNIFICANT: &[u8] = b"<>/\"'= cvrt&;0123456789s";

    fn mangle(xml: &str, edits: &[(usize, u8, u8)]) -> String {
        let mut bytes = xml.as_bytes().to_vec();
        for (position, kind, byte) in edits {
            let at = position % (bytes.len() + 1);
            let byte = SIGNIFICANT[*byte as usize % SIGNIFICANT.len()];
            match kind % 3 {
                0 => bytes.insert(at, byte),
                1 if at < bytes.len() => {
                    bytes.remove(at);
                }
                _ if at < bytes.len() => bytes[at] = byte,
                _ => {}
            }
        }
        String::from_utf8_lossy(&bytes).into_owned()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn damaged_sheets_never_panic_and_the_readers_agree(edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..6)) {
            let sheet = mangle(&meibo_sheet(&HEADERS, &tokyo_rows(), ""), &edits);
            let bytes = xlsx_compressed(&sheet, None, zip::CompressionMethod::Stored);
            let fast = Meibo::read_fast(&mut Cursor::new(&bytes));
            let reference = Meibo::read_with_calamine(&mut Cursor::new(&bytes));
            // Where the fast reader takes the file it reads what calamine reads; a file both refuse may be refused
            // for different reasons (the fast reader stops at the header, calamine reads on into the damage).
            if let Some(fast) = fast {
                match (fast, reference) {
                    (Ok(fast), Ok(reference)) => prop_assert_eq!(fast, reference),
                    (Err(_), Err(_)) => {}
                    (fast, reference) => prop_assert!(false, "fast {:?}\ncalamine {:?}", fast, reference),
                }
            }
        }
    }
}
