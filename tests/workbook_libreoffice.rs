//! The exported workbooks in LibreOffice (Debian's libreoffice-calc, headless, with its own profile set to
//! recalculate every formula on load). Ignored by default: scripts/test.d/20-workbook-libreoffice.sh runs them.
//!
//! - every formula, recalculated by LibreOffice, equals the result Hojo cached (a wrong formula fails here);
//! - a workbook saved again by LibreOffice, and one edited with openpyxl, reads back;
//! - printed to PDF, no amount shows as ### and the 交付申請額 is there.

mod support;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook};
use hojo::case::{Case, parse_case};
use hojo::money::Yen;
use hojo::workbook::{build, import, kept};

/// LibreOffice's own settings for the test: recalculate OOXML files always on load (0), never ask.
const PROFILE_SETTINGS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#;

struct Office {
    folder: tempfile::TempDir,
}

impl Office {
    fn new() -> Office {
        let folder = tempfile::tempdir().unwrap();
        let user = folder.path().join("profile").join("user");
        std::fs::create_dir_all(&user).unwrap();
        std::fs::write(user.join("registrymodifications.xcu"), PROFILE_SETTINGS).unwrap();
        Office { folder }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.folder.path().join(name)
    }

    /// Converts files with LibreOffice into `out/` (one process for all: starting it is the slow part).
    fn convert(&self, files: &[PathBuf], to: &str) -> PathBuf {
        let out = self.path(&format!("out-{}", to.split(':').next().unwrap_or(to)));
        std::fs::create_dir_all(&out).unwrap();
        let profile = format!("-env:UserInstallation=file://{}", self.path("profile").display());
        let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/fontconfig/fonts.conf");
        let status = Command::new("soffice")
            .args(["--headless", "--norestore", "--nolockcheck", &profile, "--convert-to", to, "--outdir"])
            .arg(&out)
            .args(files)
            .env("FONTCONFIG_FILE", fonts)
            .status()
            .expect("soffice (libreoffice-calc) is installed: scripts/setup installs it");
        assert!(status.success(), "soffice failed");
        out
    }
}

fn examples() -> Vec<(String, Case)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut list: Vec<(String, Case)> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            (
                path.file_stem().unwrap().to_string_lossy().into_owned(),
                parse_case(&std::fs::read(&path).unwrap()).unwrap(),
            )
        })
        .collect();
    list.sort_by(|a, b| a.0.cmp(&b.0));
    list
}

/// Cases that push the formulas: other income above the costs (G = 0), odd yen (rounding), no trainees,
/// the lifetime cap, many trainees, long typed texts, the 認定審査 年度 after the course (T3), months entered
/// out of order.
fn edge_cases() -> Vec<(String, Case)> {
    let base = examples().into_iter().find(|(name, _)| name == "sakura-hospital").unwrap().1;
    let mut negative = base.clone();
    negative.trainees[0].other_income = Yen::new(9_000_000);
    let mut odd = base.clone();
    odd.trainees[0].admission = Yen::new(199_999);
    odd.trainees[0].tuition = Yen::new(1_234_567);
    odd.trainees[0].salary = Yen::new(3_333_333);
    let mut empty = base.clone();
    empty.trainees.clear();
    let mut capped = base.clone();
    capped.trainees[0].prior_years_standard_used = Yen::new(11_000_001);
    let mut many = base.clone();
    for index in 0..20 {
        let mut trainee = base.trainees[0].clone();
        trainee.name = format!("受講者 {index:02}");
        trainee.tuition = Yen::new(500_000 + 37_001 * index);
        many.trainees.push(trainee);
    }
    let mut exam_year = base.clone();
    exam_year.fiscal_year = hojo::fiscal_year::FiscalYear::new(2025);
    exam_year.trainees[0].exam_fee = Yen::new(30_000);
    exam_year.trainees[0].certified = true;
    let mut unsorted = examples().into_iter().find(|(name, _)| name == "substitute-by-month").unwrap().1;
    unsorted.trainees[0].salary_months.reverse();
    unsorted.trainees[0].salary_months.push(hojo::case::SalaryMonth {
        month: hojo::fiscal_year::YearMonth::new(2024, 4).unwrap(),
        amount: Yen::new(300_000),
    });
    let mut long = base.clone();
    let mut second = long.trainees[0].clone();
    second.name = "ワタナベ・アレクサンドラ・エリザベス・美咲子".into();
    second.qualification = "cancer_nursing_cns".into();
    second.institution = Some("聖路加国際大学大学院看護学研究科博士前期課程がん看護学分野".into());
    let mut third = long.trainees[0].clone();
    third.name = "佐藤　美咲".into();
    third.qualification = "cancer_pain_cn".into();
    third.institution = Some("聖路加国際大学大学院看護学研究科".into());
    long.trainees.extend([second, third]);
    long.hospital.name = "地方独立行政法人 東京都立病院機構 東京都立多摩北部医療センター附属緩和ケア研修病院".into();
    long.hospital.address =
        Some("東京都東村山市青葉町一丁目7番1号 多摩北部医療センター本館3階 看護部教育研修室".into());
    long.trainees[0].name = "看護 花子（旧姓 山田）ジェニファー・アレクサンドラ".into();
    long.trainees[0].institution = Some("東京女子医科大学看護学部附属看護実践開発研究所認定看護師教育センター".into());
    long.hospital.purpose = Some("がん患者の苦痛の緩和と意思決定支援を病棟横断で担う専門看護師を育成し、地域包括ケア病棟から在宅への移行期における緩和ケアの質を高める。あわせて院内研修の講師として、病棟看護師の実践力の底上げを図る。".into());
    vec![
        ("edge-long-texts".into(), long),
        ("edge-exam-year".into(), exam_year),
        ("edge-months-unsorted".into(), unsorted),
        ("edge-negative".into(), negative),
        ("edge-odd-yen".into(), odd),
        ("edge-no-trainees".into(), empty),
        ("edge-lifetime-cap".into(), capped),
        ("edge-many".into(), many),
    ]
}

/// The kanwa-training application (its own 様式), then 実績報告書: the example report, S above K with a 受入済額 to return, a salary month by month, the 認定審査
/// 年度 after the course (only 認定審査料・認定登録料, paid by receipt), and two trainees, one withdrawn.
fn report_cases() -> Vec<(String, Case)> {
    use hojo::case::{CourseStatus, Decision, Receipt, Stage};
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let base = parse_case(&std::fs::read(folder.join("reports/sakura-hospital-report.json")).unwrap()).unwrap();
    let decision = |amount: i64| Decision {
        decided_on: chrono::NaiveDate::from_ymd_opt(2024, 7, 1).unwrap(),
        number: "6保医政第1234号".into(),
        amount: Yen::new(amount),
    };
    let mut above = base.clone();
    above.decision = Some(decision(2_000_000));
    above.received = Yen::new(2_100_000);
    let mut monthly = examples().into_iter().find(|(name, _)| name == "substitute-by-month").unwrap().1;
    monthly.stage = Stage::Report;
    monthly.decision = Some(decision(1_000_000));
    let mut exam_year = base.clone();
    exam_year.fiscal_year = hojo::fiscal_year::FiscalYear::new(2025);
    let trainee = &mut exam_year.trainees[0];
    trainee.receipts.retain(|receipt| receipt.item == hojo::program::CostItem::OTHER_COSTS);
    trainee.other_costs = Yen::ZERO;
    trainee.salary = Yen::ZERO;
    trainee.certified = true;
    trainee.exam_fee = Yen::ZERO;
    trainee.receipts.push(Receipt {
        item: hojo::program::CostItem::Item(hojo::program::ItemId::ExamFee),
        paid_on: chrono::NaiveDate::from_ymd_opt(2025, 6, 2).unwrap(),
        payee: "公益社団法人日本看護協会".into(),
        description: "認定審査料".into(),
        amount: Yen::new(30_000),
    });
    trainee.report.certified_on = chrono::NaiveDate::from_ymd_opt(2025, 12, 1);
    exam_year.decision = Some(decision(15_000));
    let mut two = base.clone();
    let mut second = two.trainees[0].clone();
    second.name = "佐藤　美咲".into();
    second.receipts.clear();
    second.tuition = Yen::new(300_000);
    second.admission = Yen::ZERO;
    second.tuition_completed_in_year = false;
    second.report.course_status = Some(CourseStatus::Withdrawn);
    second.report.completed_on = None;
    two.trainees.push(second);
    vec![
        (
            "kanwa-training-keyaki".into(),
            parse_case(&std::fs::read(folder.join("kanwa-training/keyaki-hospital.json")).unwrap()).unwrap(),
        ),
        (
            "kanwa-training-keyaki-report".into(),
            parse_case(&std::fs::read(folder.join("kanwa-training/keyaki-hospital-report.json")).unwrap()).unwrap(),
        ),
        ("report-example".into(), base),
        ("report-above-decision".into(), above),
        ("report-monthly".into(), monthly),
        ("report-exam-year".into(), exam_year),
        ("report-two-trainees".into(), two),
    ]
}

type Cells = HashMap<(String, u32, u32), Data>;

/// Every formula cell of a workbook with its value: the cached result in a Hojo file, LibreOffice's own after
/// its recalculation.
fn formula_values(path: &Path, formulas_of: Option<&Path>) -> Cells {
    let mut source: Xlsx<_> = open_workbook(formulas_of.unwrap_or(path)).unwrap();
    let mut values: Xlsx<_> = open_workbook(path).unwrap();
    let mut cells = HashMap::new();
    for sheet in source.sheet_names() {
        let formulas = source.worksheet_formula(&sheet).unwrap();
        let range = values.worksheet_range(&sheet).unwrap();
        for (row, col, formula) in formulas.used_cells() {
            if formula.is_empty() {
                continue;
            }
            let (row, col) = (row as u32 + formulas.start().unwrap().0, col as u32 + formulas.start().unwrap().1);
            let value = range.get_value((row, col)).cloned().unwrap_or(Data::Empty);
            cells.insert((sheet.clone(), row, col), value);
        }
    }
    cells
}

fn same(a: &Data, b: &Data) -> bool {
    let number = |value: &Data| match value {
        Data::Float(n) => Some(*n),
        Data::Int(n) => Some(*n as f64),
        _ => None,
    };
    match (number(a), number(b)) {
        (Some(x), Some(y)) => x == y,
        _ => {
            a == b
                || (matches!(a, Data::Empty) && *b == Data::String(String::new()))
                || (matches!(b, Data::Empty) && *a == Data::String(String::new()))
        }
    }
}

#[test]
#[ignore = "needs LibreOffice; run by scripts/test.d/20-workbook-libreoffice.sh"]
fn libreoffice_recalculates_every_formula_to_the_cached_result() {
    let office = Office::new();
    let mut files = Vec::new();
    let cases: Vec<(String, Case)> = examples().into_iter().chain(edge_cases()).chain(report_cases()).collect();
    for (name, case) in &cases {
        let path = office.path(&format!("{name}.xlsx"));
        std::fs::write(&path, build(case, true).unwrap().bytes).unwrap();
        files.push(path);
    }
    // The check can fail: a formula cached with a wrong result must come out recalculated.
    let mut wrong = rust_xlsxwriter::Workbook::new();
    wrong.add_worksheet().write_formula(0, 0, rust_xlsxwriter::Formula::new("=1+1").set_result("3")).unwrap();
    let canary = office.path("canary.xlsx");
    wrong.save(&canary).unwrap();
    files.push(canary.clone());

    let out = office.convert(&files, "xlsx:Calc MS Excel 2007 XML");
    let recalculated = formula_values(&out.join("canary.xlsx"), Some(&canary));
    assert_eq!(recalculated.values().next(), Some(&Data::Float(2.0)), "LibreOffice did not recalculate on load");

    let mut checked = 0;
    for (name, case) in &cases {
        let original = office.path(&format!("{name}.xlsx"));
        let converted = out.join(format!("{name}.xlsx"));
        let cached = formula_values(&original, None);
        let fresh = formula_values(&converted, Some(&original));
        assert!(!cached.is_empty(), "{name}: no formulas");
        for (cell, value) in &cached {
            let theirs = fresh.get(cell).unwrap_or(&Data::Empty);
            assert!(
                same(value, theirs),
                "{name} {}!R{}C{}: Hojo cached {value:?}, LibreOffice computes {theirs:?}",
                cell.0,
                cell.1 + 1,
                cell.2 + 1
            );
            checked += 1;
        }
        // Saved again by LibreOffice, the workbook still reads back to the same case.
        assert_eq!(
            import(&converted).unwrap_or_else(|e| panic!("{name}: {e}")),
            kept(case),
            "{name} after LibreOffice"
        );
    }
    eprintln!("{checked} formula cells checked in {} workbooks", cases.len());
}

#[test]
#[ignore = "needs LibreOffice and poppler-utils; run by scripts/test.d/20-workbook-libreoffice.sh"]
fn printed_to_pdf_no_amount_shows_as_hashes() {
    let office = Office::new();
    let mut files = Vec::new();
    let cases: Vec<(String, Case)> = examples().into_iter().chain(edge_cases()).chain(report_cases()).collect();
    for (name, case) in &cases {
        let path = office.path(&format!("{name}.xlsx"));
        std::fs::write(&path, build(case, true).unwrap().bytes).unwrap();
        files.push(path);
    }
    let out = office.convert(&files, "pdf");
    for (name, case) in &cases {
        let pdf = out.join(format!("{name}.pdf"));
        let text =
            Command::new("pdftotext").args(["-layout"]).arg(&pdf).arg("-").output().expect("pdftotext (poppler-utils)");
        let text = String::from_utf8_lossy(&text.stdout);
        assert!(!text.contains("###"), "{name}: a cell prints as ###:\n{text}");
        // The 交付申請額 of an application, the 確定額 of a report.
        let total = match hojo::settle::settle(case) {
            Ok(settlement) => settlement.confirmed,
            Err(_) => hojo::calc::calculate(case).unwrap().total,
        };
        let shown = total.format_yen().trim_end_matches('円').to_string();
        assert!(text.contains(&shown), "{name}: 交付申請額 or 確定額 {shown} not printed");
        // Five sheets (第1号様式, 別紙1–4); four for a program whose row is the hospital (no 名簿).
        let sheets = if case.program == "kanwa-training" { 4 } else { 5 };
        let pages = text.matches('\u{c}').count();
        assert!(pages >= sheets, "{name}: {pages} pages");
    }
}

#[test]
#[ignore = "needs python3-openpyxl; run by scripts/test.d/20-workbook-libreoffice.sh"]
fn a_workbook_edited_with_openpyxl_reads_back_with_the_edits() {
    let office = Office::new();
    let case = examples().into_iter().find(|(name, _)| name == "sakura-hospital").unwrap().1;
    let path = office.path("sakura.xlsx");
    std::fs::write(&path, build(&case, false).unwrap().bytes).unwrap();
    // A person's edits, as another program stores them: a number, a text amount, a real date, a name.
    let script = r#"
import sys, datetime, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
book["別紙3_支出予定額内訳"]["C7"] = 150000
book["別紙3_支出予定額内訳"]["C11"] = "３，０００，０００"
book["別紙4_受講者名簿"]["C5"] = "看護 春子"
book["別紙4_受講者名簿"]["H5"] = datetime.datetime(2025, 2, 28)
book["別紙2_所要額調書"]["E7"] = 10000
book["第1号様式"]["F9"] = "理事長 東京 次郎"
book.save(sys.argv[1])
"#;
    // Debian's python3, where python3-openpyxl lives (a pyenv python on PATH would not have it).
    let python = if Path::new("/usr/bin/python3").exists() { "/usr/bin/python3" } else { "python3" };
    let status = Command::new(python).arg("-c").arg(script).arg(&path).status().expect("python3 runs");
    assert!(status.success(), "openpyxl edit failed");
    let back = import(&path).unwrap();
    let mut expected = case.clone();
    expected.trainees[0].admission = Yen::new(150_000);
    expected.trainees[0].salary = Yen::new(3_000_000);
    expected.trainees[0].name = "看護 春子".into();
    expected.trainees[0].course_ends_on = chrono::NaiveDate::from_ymd_opt(2025, 2, 28).unwrap();
    expected.trainees[0].other_income = Yen::new(10_000);
    expected.hospital.representative = Some("理事長 東京 次郎".into());
    assert_eq!(back, expected);
    // And once more through LibreOffice.
    let out = office.convert(&[path], "xlsx:Calc MS Excel 2007 XML");
    assert_eq!(import(&out.join("sakura.xlsx")).unwrap(), expected);
}

/// The 変更交付申請書 of the examples: さくら病院 with a second nurse and a higher 受講料, けやき総合病院 (a program
/// whose row is the hospital) with a venue hired.
fn change_requests() -> Vec<(String, Case, Case, &'static str)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let read = |path: &str| parse_case(&std::fs::read(folder.join(path)).unwrap()).unwrap();
    let keyaki = read("kanwa-training/keyaki-hospital.json");
    let mut keyaki_after = keyaki.clone();
    keyaki_after.decision = read("changes/sakura-hospital-after.json").decision;
    keyaki_after.workings.remove(&hojo::program::ItemId::Venue);
    keyaki_after.costs.insert(hojo::program::ItemId::Venue, Yen::new(120_000));
    keyaki_after.costs.insert(hojo::program::ItemId::Postage, Yen::new(6_000));
    keyaki_after.workings.remove(&hojo::program::ItemId::Postage);
    vec![
        (
            "change-sakura".into(),
            read("sakura-hospital.json"),
            read("changes/sakura-hospital-after.json"),
            "受講者1名（佐藤 美咲）が10月から受講することになったため、及び受講料の改定のため。",
        ),
        ("change-keyaki".into(), keyaki, keyaki_after, "院内講堂の改修工事のため、会場を外部に借りることにしたため。"),
    ]
}

#[test]
#[ignore = "needs LibreOffice and poppler-utils; run by scripts/test.d/20-workbook-libreoffice.sh"]
fn the_change_requests_recalculate_to_the_cached_results_and_read_back() {
    use hojo::workbook::{build_change_request, read_change_request};
    let office = Office::new();
    let requests = change_requests();
    let mut files = Vec::new();
    for (name, before, after, reason) in &requests {
        let path = office.path(&format!("{name}.xlsx"));
        std::fs::write(&path, build_change_request(before, after, reason, false).unwrap().bytes).unwrap();
        files.push(path);
    }
    let out = office.convert(&files, "xlsx:Calc MS Excel 2007 XML");
    let pdfs = office.convert(&files, "pdf");
    for (name, before, after, reason) in &requests {
        let original = office.path(&format!("{name}.xlsx"));
        let converted = out.join(format!("{name}.xlsx"));
        let cached = formula_values(&original, None);
        let fresh = formula_values(&converted, Some(&original));
        assert!(cached.len() > 10, "{name}: {} formulas", cached.len());
        for (cell, value) in &cached {
            let theirs = fresh.get(cell).unwrap_or(&Data::Empty);
            assert!(
                same(value, theirs),
                "{name} {}!R{}C{}: cached {value:?}, LibreOffice {theirs:?}",
                cell.0,
                cell.1 + 1,
                cell.2 + 1
            );
        }
        let request = read_change_request(&std::fs::read(&converted).unwrap()).unwrap();
        assert_eq!(request.before, kept(before), "{name}: 変更前 after LibreOffice");
        assert_eq!(request.reason, *reason, "{name}: 変更の理由 after LibreOffice");
        assert_eq!(request.after.trainees, kept(after).trainees);
        assert_eq!(request.after.costs, kept(after).costs);

        let text = Command::new("pdftotext")
            .args(["-layout"])
            .arg(pdfs.join(format!("{name}.pdf")))
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils)");
        let text = String::from_utf8_lossy(&text.stdout);
        assert!(!text.contains("###"), "{name}: a cell prints as ###:\n{text}");
        let requested = hojo::calc::calculate(after).unwrap().total.format_yen().trim_end_matches('円').to_string();
        assert!(text.contains(&requested), "{name}: 変更後交付申請額 {requested} not printed:\n{text}");
        assert!(text.contains("変更前後対照表"), "{name}");
    }
}
