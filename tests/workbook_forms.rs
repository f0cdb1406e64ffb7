//! The printed forms as the 都's clerk reads them: typed texts as typed and rows tall enough for them on every
//! sheet they appear (the formula copies included), the 人件費 months in calendar order with their 合計, the
//! 基準額 used so far, the wording of 受講料, and nothing in the hidden sheet but what the application uses.

mod support;

use std::path::Path;

use calamine::Data;
use hojo::case::{Case, Filing, SalaryMonth, parse_case};
use hojo::fiscal_year::YearMonth;
use hojo::money::Yen;
use hojo::workbook::layout::LINE_HEIGHT_PT;
use hojo::workbook::{build, kept, read};
use support::sheet_view::{SheetView, lines_needed, sheet, sheets};

const FORM1: &str = "第1号様式";
const PLAN: &str = "別紙1_事業計画書";
const BUDGET: &str = "別紙2_所要額調書";
const BREAKDOWN: &str = "別紙3_支出予定額内訳";
const ROSTER: &str = "別紙4_受講者名簿";
const DATA: &str = "hojo_data";

fn example(name: &str) -> Case {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name);
    parse_case(&std::fs::read(path).unwrap()).unwrap()
}

const LONG_NAME: &str = "ワタナベ・アレクサンドラ・エリザベス・美咲子";
const LONG_INSTITUTION: &str = "聖路加国際大学大学院看護学研究科博士前期課程がん看護学分野";
const LONG_HOSPITAL: &str = "地方独立行政法人東京都立病院機構東京都立多摩北部医療センター附属緩和ケア研修病院";

/// The CNS example with long texts everywhere a person types them, and three trainees.
fn long_texts() -> Case {
    let mut case = example("cns-second-year.json");
    case.hospital.name = LONG_HOSPITAL.into();
    case.hospital.address =
        Some("東京都東村山市青葉町一丁目7番1号 多摩北部医療センター本館3階 看護部教育研修室".into());
    case.hospital.representative = Some("地方独立行政法人東京都立病院機構 理事長 東京 太郎右衛門".into());
    let first = case.trainees[0].clone();
    let mut short = first.clone();
    short.name = "佐藤　美咲".into();
    short.institution = Some("聖路加国際大学大学院看護学研究科".into());
    let mut long = first.clone();
    long.name = LONG_NAME.into();
    long.institution = Some(LONG_INSTITUTION.into());
    let mut cn = example("sakura-hospital.json").trainees[0].clone();
    cn.name = "看護 花子".into();
    cn.institution = Some("公益社団法人日本看護協会看護研修学校認定看護師教育課程".into());
    case.trainees = vec![short, long, cn];
    case
}

/// Every cell of the sheet that shows `text` (typed or a formula's copy), with the lines it needs there.
fn assert_fits(view: &SheetView, text: &str) -> usize {
    let mut seen = 0;
    for ((row, col), shown) in view.texts() {
        if !shown.contains(text) {
            continue;
        }
        seen += 1;
        assert!(!shown.contains('\n') || text.contains('\n'), "{} {row},{col}: breaks added: {shown:?}", view.name);
        let width = view.cell_width(row, col);
        let lines = lines_needed(&shown, width);
        let height = view.row_height(row);
        assert!(
            lines == 1 || height >= lines as f64 * LINE_HEIGHT_PT - 0.01,
            "{} row {}: {shown:?} needs {lines} lines in width {width:.1}, the row is {height} pt",
            view.name,
            row + 1
        );
    }
    seen
}

#[test]
fn typed_texts_are_written_as_typed_and_every_row_showing_them_is_tall_enough() {
    let case = long_texts();
    let bytes = build(&case, false).unwrap().bytes;
    let views = sheets(&bytes);
    // The trainee's name: typed on 別紙4, copied by formula to 別紙2 and into the heading of her block on 別紙3.
    for (name, sheet_name) in [(LONG_NAME, ROSTER), (LONG_NAME, BUDGET), (LONG_NAME, BREAKDOWN)] {
        assert!(assert_fits(sheet(&views, sheet_name), name) >= 1, "{sheet_name} shows {name}");
    }
    assert_eq!(assert_fits(sheet(&views, ROSTER), LONG_INSTITUTION), 1);
    // The hospital: typed on the 申請書, copied by formula to 別紙1, 2 and 3.
    for sheet_name in [FORM1, PLAN, BUDGET, BREAKDOWN] {
        assert!(assert_fits(sheet(&views, sheet_name), LONG_HOSPITAL) >= 1, "{sheet_name} shows the hospital");
    }
    // The copies compute what was typed: their cached results are the typed text itself.
    let budget = sheet(&views, BUDGET);
    assert_eq!(budget.text(7, 1), LONG_NAME);
    assert!(budget.formulas.contains_key(&(7, 1)), "別紙2's name is a formula on 別紙4");
    // And it reads back as typed, with no copy kept aside.
    assert_eq!(read(&bytes).unwrap(), kept(&case));
    let data = sheet(&views, DATA);
    assert!(data.texts().iter().all(|(_, text)| !text.contains(LONG_NAME)), "the data sheet keeps no text copy");
}

#[test]
fn a_name_that_fits_its_column_is_on_one_line() {
    let case = long_texts();
    let views = sheets(&build(&case, false).unwrap().bytes);
    let roster = sheet(&views, ROSTER);
    let (row, col) = roster.find("佐藤　美咲").expect("the name is on 別紙4");
    let width = roster.cell_width(row, col);
    assert_eq!(lines_needed("佐藤　美咲", width), 1, "width {width}");
    let (row, col) = roster.find("聖路加国際大学大学院看護学研究科").expect("the institution is on 別紙4");
    assert_eq!(lines_needed("聖路加国際大学大学院看護学研究科", roster.cell_width(row, col)), 1);
}

fn breakdown_rows(view: &SheetView) -> Vec<(u32, String)> {
    let mut rows: Vec<(u32, String)> =
        view.texts().into_iter().filter(|((_, col), _)| *col == 1).map(|((row, _), text)| (row, text)).collect();
    rows.sort();
    rows
}

fn amount(view: &SheetView, row: u32, col: u32) -> i64 {
    match view.value(row, col) {
        Data::Float(value) => value as i64,
        Data::Int(value) => value,
        Data::Empty => 0,
        other => panic!("{} R{}C{}: {other:?} is not an amount", view.name, row + 1, col + 1),
    }
}

fn month_of(value: &Data) -> YearMonth {
    let serial = match value {
        Data::DateTime(datetime) => datetime.as_f64(),
        Data::Float(serial) => *serial,
        other => panic!("{other:?} is not a month"),
    };
    let date = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap() + chrono::Days::new(serial as u64);
    YearMonth::of(date)
}

#[test]
fn salary_months_entered_in_any_order_print_in_calendar_order_with_their_total() {
    let mut case = example("substitute-by-month.json");
    let trainee = &mut case.trainees[0];
    // As the months were edited: 12月, 9月, 3月, 10月 …
    trainee.salary_months.reverse();
    trainee.salary_months.swap(0, 3);
    trainee.salary_months.push(SalaryMonth { month: YearMonth::new(2024, 4).unwrap(), amount: Yen::new(300_000) });
    let sorted: Vec<YearMonth> = {
        let mut months: Vec<YearMonth> = trainee.salary_months.iter().map(|entry| entry.month).collect();
        months.sort();
        months
    };
    let workbook = build(&case, true).unwrap();
    let views = sheets(&workbook.bytes);
    let breakdown = sheet(&views, BREAKDOWN);
    let rows = breakdown_rows(breakdown);
    let header = rows.iter().find(|(_, text)| text.starts_with("人件費の月別内訳")).expect("the monthly table").0;
    let printed: Vec<YearMonth> =
        (header + 1..header + 1 + sorted.len() as u32).map(|row| month_of(&breakdown.value(row, 1))).collect();
    assert_eq!(printed, sorted, "calendar order");
    // Its 合計: a formula, cached with the 人件費 item's amount, and the 人件費 row is that total.
    let total_row = header + 1 + sorted.len() as u32;
    assert!(breakdown.text(total_row, 1).starts_with("合計"), "{:?}", breakdown.text(total_row, 1));
    assert!(breakdown.formulas.contains_key(&(total_row, 2)), "the total is a formula");
    let salary_row = rows.iter().find(|(_, text)| text.starts_with("人件費（")).unwrap().0;
    let calculation = hojo::calc::calculate(&case).unwrap();
    let item = calculation.rows[0].items.iter().find(|item| item.item == hojo::program::ItemId::Salary).unwrap();
    assert_eq!(amount(breakdown, total_row, 2), item.amount.get());
    assert_eq!(amount(breakdown, salary_row, 2), item.amount.get());
    // The messages list the months in calendar order too: 令和6年4月 (outside the course) comes first.
    let named: Vec<usize> = sorted
        .iter()
        .filter_map(|month| workbook.warnings.iter().position(|warning| warning.contains(&month.japanese_name())))
        .collect();
    assert!(!named.is_empty(), "{:?}", workbook.warnings);
    assert!(named.windows(2).all(|pair| pair[0] <= pair[1]), "{:?}", workbook.warnings);
    // Read back, the months are in calendar order with their amounts.
    let back = read(&workbook.bytes).unwrap();
    let mut expected = case.clone();
    expected.normalize();
    assert_eq!(back, kept(&expected));
    assert_eq!(back.trainees[0].salary_months.iter().map(|entry| entry.month).collect::<Vec<_>>(), sorted);
}

#[test]
fn the_hidden_sheet_holds_only_the_filings_the_rules_name_and_speaks_plainly() {
    let mut case = example("sakura-hospital.json");
    // A hospital as the 名簿 lists it: dozens of 施設基準 the program never looks at.
    for symbol in ["急性期一般入院料１", "小緩診", "外緩和", "医療安全１", "感染対策１", "データ提出", "入退支援"]
    {
        case.hospital.filings.push(Filing::symbol_only(symbol));
    }
    case.hospital.filings.push(Filing {
        symbol: "地包ケア２".into(),
        number: Some("第7号".into()),
        since: chrono::NaiveDate::from_ymd_opt(2023, 4, 1),
    });
    let bytes = build(&case, false).unwrap().bytes;
    let views = sheets(&bytes);
    let data = sheet(&views, DATA);
    let everything: String = views.iter().flat_map(|view| view.texts()).map(|(_, text)| text).collect();
    for symbol in ["急性期一般入院料１", "小緩診", "外緩和", "医療安全１", "感染対策１", "データ提出", "入退支援"]
    {
        assert!(!everything.contains(symbol), "{symbol} is not part of the application");
    }
    let filings = data.texts().into_iter().find(|(_, text)| text.contains("がん疼")).expect("the filings").1;
    assert!(filings.contains("地包ケア１") && filings.contains("地包ケア２"), "{filings}");
    assert!(!everything.contains("編集しないでください"), "no scolding in what goes to the 都");
    assert!(data.texts().iter().any(|(_, text)| text.contains("読み込")), "it says what the sheet is for");
    // Read back: the filings the application uses, and nothing else changed.
    let back = read(&bytes).unwrap();
    let symbols: Vec<&str> = back.hospital.filings.iter().map(|filing| filing.symbol.as_str()).collect();
    assert_eq!(symbols, ["地包ケア１", "がん疼", "地包ケア２"]);
    assert_eq!(back, kept(&case));
    assert_eq!(hojo::eligibility::evaluate(&back).unwrap(), hojo::eligibility::evaluate(&case).unwrap());
}

#[test]
fn tuition_wording_on_breakdown_and_roster_agree_for_a_two_year_course() {
    let case = example("cns-second-year.json");
    let program = hojo::program::Program::get(&case.program).unwrap();
    let rules = program.rules_for(case.fiscal_year).unwrap();
    let tuition = rules.item(hojo::program::ItemId::Tuition).unwrap();
    let views = sheets(&build(&case, false).unwrap().bytes);
    let breakdown = sheet(&views, BREAKDOWN);
    let row = breakdown_rows(breakdown).into_iter().find(|(_, text)| text == "受講料").unwrap().0;
    assert_eq!(breakdown.text(row, 5), tuition.note_when_counted.clone().unwrap());
    // 別紙4's date is the whole course's end (令和8年3月31日): its header says so, and nothing says the course
    // ends within the 年度.
    let roster = sheet(&views, ROSTER);
    let header = roster.text(3, 7).replace('\n', "");
    assert!(header.contains("課程") && header.contains("修了予定"), "{header:?}");
    for view in &views {
        for ((row, col), text) in view.texts() {
            let whole_course = text.contains("年度内修了") || text.contains("課程を年度内に修了");
            assert!(
                !whole_course || text.contains("本年度分") || text.contains("年度の分"),
                "{} {row},{col}: {text}",
                view.name
            );
        }
    }
    // The 備考 column holds each note on one line, without a break Hojo or the viewer would add.
    let width = breakdown.col_width(5);
    for (_, note) in breakdown.texts().into_iter().filter(|((_, col), _)| *col == 5) {
        assert!(!note.contains('\n') && lines_needed(&note, width) == 1, "{note:?} in width {width}");
    }
}

#[test]
fn the_second_year_of_a_cns_trainee_shows_the_standard_used_so_far_and_what_is_left() {
    let case = example("cns-second-year.json");
    let calculation = hojo::calc::calculate(&case).unwrap();
    let row = &calculation.rows[0];
    let bytes = build(&case, false).unwrap().bytes;
    let views = sheets(&bytes);
    let breakdown = sheet(&views, BREAKDOWN);
    let rows = breakdown_rows(breakdown);
    let at = |label: &str| rows.iter().find(|(_, text)| text.starts_with(label)).unwrap_or_else(|| panic!("{label}")).0;
    assert_eq!(amount(breakdown, at("前年度までの選定額"), 2), 5_620_800);
    assert_eq!(amount(breakdown, at("本年度の選定額"), 2), row.selected.get());
    let left = at("基準額の残額");
    assert_eq!(amount(breakdown, left, 2), row.lifetime_standard_left.unwrap().get());
    assert!(breakdown.formulas.contains_key(&(left, 2)), "the rest is a formula");
    assert_eq!(amount(breakdown, at("基準額の総額"), 2), 12_300_000);
    let once = at("前年度までに計上済みの経費");
    assert_eq!(breakdown.text(once, 2), "入学料");
    // The figure carried over is read back from where it is shown.
    let edited = support::xlsx_edit::edit_part(&bytes, "xl/worksheets/sheet4.xml", |xml| {
        support::xlsx_edit::cell_to_text(xml, &format!("C{}", at("前年度までの選定額") + 1), "６，０００，０００")
    });
    assert_eq!(read(&edited).unwrap().trainees[0].prior_years_standard_used, Yen::new(6_000_000));
}

#[test]
fn in_the_exam_year_after_the_course_what_was_entered_is_shown_marked_and_left_out_of_the_total() {
    // 令和7年度 is her 認定審査 年度 and the course ended in 令和6年度 (T3): only 認定審査料・認定登録料 count.
    let mut case = example("sakura-hospital.json");
    case.fiscal_year = hojo::fiscal_year::FiscalYear::new(2025);
    case.trainees[0].exam_fee = Yen::new(30_000);
    let calculation = hojo::calc::calculate(&case).unwrap();
    let bytes = build(&case, true).unwrap().bytes;
    let views = sheets(&bytes);
    let breakdown = sheet(&views, BREAKDOWN);
    let rows = breakdown_rows(breakdown);
    let at = |label: &str| rows.iter().find(|(_, text)| text == label).unwrap().0;
    assert_eq!(amount(breakdown, at("入学料"), 2), 100_000, "shown as entered");
    assert!(breakdown.text(at("入学料"), 5).contains("認定審査の年度"), "and marked");
    let total = at("合計");
    assert_eq!(amount(breakdown, total, 2), calculation.rows[0].total_cost.get(), "the 合計 is the 算定's A");
    assert!(!breakdown.formulas[&(total, 2)].contains(&format!("C{}", at("入学料") + 1)), "入学料 is not summed");
    assert_eq!(read(&bytes).unwrap(), kept(&case), "what was entered comes back");
}

#[test]
fn pages_of_the_breakdown_start_with_a_trainees_block() {
    let base = example("substitute-by-month.json");
    let mut case = base.clone();
    case.trainees = (0..12)
        .map(|index| {
            let mut trainee = base.trainees[0].clone();
            trainee.name = format!("受講者 {index:02}");
            trainee
        })
        .collect();
    let bytes = build(&case, true).unwrap().bytes;
    let xml = String::from_utf8(
        support::xlsx_edit::parts(&bytes).into_iter().find(|(name, _)| name == "xl/worksheets/sheet4.xml").unwrap().1,
    )
    .unwrap();
    let breaks: Vec<u32> =
        xml.split("<brk id=\"").skip(1).map(|element| element.split('"').next().unwrap().parse().unwrap()).collect();
    assert!(breaks.len() >= 3, "twelve blocks of a year's months take several pages: {breaks:?}");
    let views = sheets(&bytes);
    let breakdown = sheet(&views, BREAKDOWN);
    for row in breaks {
        // A break "at row n" (1-based, as the file writes it) starts the next page with row n + 1.
        let first = breakdown.text(row, 1);
        assert!(first.starts_with("受講者"), "page starts with row {}: {first:?}", row + 1);
    }
}
