//! The 名簿 reader on the two real files of tests/fixtures/meibo/, against figures established independently by
//! tests/fixtures/meibo/reference.py (openpyxl; run once, its output written here), and named hospitals checked
//! field by field against the sheet.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use hojo::case::{Filing, FounderType};
use hojo::eligibility::Verdict;
use hojo::meibo::{Institution, Meibo, rules_for_meibo};
use hojo::program::{Program, Rules};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/meibo").join(name)
}

// Each file is read once for all tests (the Saitama file takes seconds in a debug build).
fn saitama() -> &'static Meibo {
    static MEIBO: OnceLock<Meibo> = OnceLock::new();
    MEIBO.get_or_init(|| Meibo::open(&fixture("meibo-11-saitama-r0710.xlsx")).expect("the Saitama 名簿 reads"))
}

fn yamanashi() -> &'static Meibo {
    static MEIBO: OnceLock<Meibo> = OnceLock::new();
    MEIBO.get_or_init(|| Meibo::open(&fixture("meibo-19-yamanashi-r0710.xlsx")).expect("the Yamanashi 名簿 reads"))
}

fn fukui() -> &'static Meibo {
    static MEIBO: OnceLock<Meibo> = OnceLock::new();
    MEIBO.get_or_init(|| Meibo::open(&fixture("meibo-18-fukui-r0710.xlsx")).expect("the Fukui 名簿 (近畿厚生局) reads"))
}

fn rules(meibo: &Meibo) -> &'static Rules {
    rules_for_meibo(Program::get("kanwa-nurse").unwrap(), meibo).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The numbers of the institutions that meet H2–H4, X2 and X3, sorted.
fn meeting(meibo: &Meibo) -> Vec<&str> {
    let rules = rules(meibo);
    let mut numbers: Vec<&str> = meibo
        .institutions
        .iter()
        .filter(|i| i.evaluate(rules).meets_filing_conditions)
        .map(|i| i.number.as_str())
        .collect();
    numbers.sort_unstable();
    numbers
}

struct Figures {
    rows: usize,
    institutions: usize,
    with_beds: usize,
    hospitals: usize,
}

fn figures(meibo: &Meibo) -> Figures {
    let with_beds = meibo.institutions.iter().filter(|i| i.beds.total().is_some()).count();
    let hospitals = meibo.institutions.iter().filter(|i| i.beds.total().is_some_and(|b| b >= 20)).count();
    Figures { rows: meibo.rows, institutions: meibo.institutions.len(), with_beds, hospitals }
}

// reference.py on meibo-19-yamanashi-r0710.xlsx:
//   rows 4857, institutions 630, with_beds 86, hospitals 60, meeting 14
const YAMANASHI_MEETING: [&str; 14] = [
    "0111812", "0114451", "0115722", "0210176", "0210275", "0711199", "0910015", "1110342", "1210886", "1310553",
    "1610358", "1810065", "1810362", "2010236",
];

// reference.py on meibo-11-saitama-r0710.xlsx:
//   rows 35541, institutions 4305, with_beds 524, hospitals 340, meeting 56
const SAITAMA_MEETING: [&str; 56] = [
    "0101675", "0106278", "0203786", "0207340", "0207894", "0210419", "0401315", "0401745", "0401893", "0403923",
    "0405043", "0405134", "0405175", "0602318", "0602508", "0602847", "0700054", "0802249", "0901322", "1202050",
    "1303551", "1701812", "1803139", "1900216", "2200954", "2504496", "2504520", "2505535", "2800753", "2800837",
    "2900421", "3001039", "3100013", "3102654", "3102761", "3103447", "3200029", "3300472", "3300720", "3700986",
    "3701158", "4301032", "4301446", "4301610", "4600912", "4800926", "4901302", "4901732", "5100151", "5100680",
    "5301106", "5700406", "6001036", "6100739", "6200075", "6509350",
];

// reference.py on meibo-18-fukui-r0710.xlsx (近畿厚生局, 令和7年10月1日現在):
//   rows 5586, institutions 506, with_beds 111, hospitals 67, meeting 19
const FUKUI_MEETING: [&str; 19] = [
    "0118933", "0119840", "0120384", "0120756", "0121390", "0122513", "0314383", "0314557", "0314581", "0314599",
    "0414068", "0614246", "0714582", "0714624", "0810133", "1715323", "2014288", "2410023", "8010033",
];

#[test]
fn yamanashi_counts_match_the_independent_reading() {
    let meibo = yamanashi();
    let f = figures(meibo);
    assert_eq!((f.rows, f.institutions, f.with_beds, f.hospitals), (4857, 630, 86, 60));
    assert_eq!(meeting(meibo), YAMANASHI_MEETING);
}

#[test]
fn saitama_counts_match_the_independent_reading() {
    let meibo = saitama();
    let f = figures(meibo);
    assert_eq!((f.rows, f.institutions, f.with_beds, f.hospitals), (35541, 4305, 524, 340));
    assert_eq!(meeting(meibo), SAITAMA_MEETING);
}

#[test]
fn fukui_another_bureaus_file_reads_in_the_same_layout() {
    let meibo = fukui();
    let f = figures(meibo);
    assert_eq!((f.rows, f.institutions, f.with_beds, f.hospitals), (5586, 506, 111, 67));
    assert_eq!(meibo.as_of, Some(date(2025, 10, 1)));
    assert_eq!(meibo.layout, "chihou-kouseikyoku");
    assert_eq!(meeting(meibo), FUKUI_MEETING);
}

#[test]
fn each_file_is_named_after_the_bureau_of_its_prefectures() {
    // The files do not name their bureau (the stamp and the header are the same everywhere): 福井県 is 近畿厚生局's.
    assert_eq!(fukui().authority.as_deref(), Some("近畿厚生局"));
    assert_eq!(fukui().prefecture_codes(), ["18"]);
    for meibo in [saitama(), yamanashi()] {
        assert_eq!(meibo.authority.as_deref(), Some("関東信越厚生局"));
    }
    assert_eq!(yamanashi().prefecture_codes(), ["19"]);
}

#[test]
fn the_stamp_gives_the_date_of_the_data_and_the_layout_is_recognised() {
    for meibo in [saitama(), yamanashi(), fukui()] {
        assert_eq!(meibo.layout, "chihou-kouseikyoku");
        assert!(meibo.as_of.is_some());
        assert!(meibo.stamp.as_deref().is_some_and(|s| s.contains("現在")));
        // The real files are clean: no blank rows, no unreadable 病床数 or dates.
        assert!(meibo.warnings.is_empty(), "{:#?}", meibo.warnings);
    }
}

#[test]
fn saitama_and_yamanashi_are_dated_1_september() {
    assert_eq!(saitama().as_of, Some(date(2025, 9, 1)));
    assert_eq!(yamanashi().as_of, Some(date(2025, 9, 1)));
}

#[test]
fn kofu_kyoritsu_field_by_field() {
    let meibo = yamanashi();
    let institution = meibo.find_by_number("0111812").expect("甲府共立病院");
    assert_eq!(institution.name, "甲府共立病院");
    assert_eq!(institution.prefecture_code, "19");
    assert_eq!(institution.prefecture_name, "山梨県");
    assert_eq!(institution.postal_code.as_deref(), Some("400-0034"));
    assert_eq!(institution.address, "甲府市宝一丁目９－１");
    assert_eq!(institution.phone.as_deref(), Some("055-226-3131"));
    assert_eq!(institution.beds.total(), Some(283));
    assert_eq!(institution.beds.by_kind(), vec![("一般".to_string(), 283)]);
    assert_eq!(institution.first_row, 267);
    let chiho = institution.filings.iter().find(|f| f.symbol == "地包ケア２").unwrap();
    assert_eq!(chiho.name, "地域包括ケア病棟入院料２及び地域包括ケア入院医療管理料２");
    assert_eq!((chiho.number.as_str(), chiho.since, chiho.row), ("第25号", Some(date(2024, 10, 1)), 292));
    let pain = institution.filings.iter().find(|f| f.symbol == "がん疼").unwrap();
    assert_eq!((pain.number.as_str(), pain.since, pain.row), ("第8号", Some(date(2010, 4, 1)), 296));

    let hospital = institution.to_hospital();
    assert_eq!(hospital.name, "甲府共立病院");
    assert_eq!(hospital.prefecture_code.as_deref(), Some("19"));
    assert_eq!(hospital.address.as_deref(), Some("山梨県甲府市宝一丁目９－１"));
    assert_eq!(hospital.beds, Some(283));
    assert_eq!(hospital.filings.len(), institution.filings.len());
    assert_eq!(
        hospital.filing("地包ケア２"),
        Some(&Filing {
            symbol: "地包ケア２".into(), number: Some("第25号".into()), since: Some(date(2024, 10, 1))
        })
    );
    assert_eq!(hospital.founder_type, None);
    assert_eq!(institution.founder_guess(), None);
}

#[test]
fn saitama_medical_center_is_excluded_by_kanshin_and_its_founder_is_only_guessed() {
    let meibo = saitama();
    let institution = meibo.find_by_number("0101337").expect("埼玉メディカルセンター");
    assert_eq!(institution.name, "独立行政法人地域医療機能推進機構\u{3000}埼玉メディカルセンター");
    assert_eq!(institution.beds.total(), Some(395));
    let general = &institution.filings[0];
    assert_eq!(
        (general.symbol.as_str(), general.number.as_str(), general.since),
        ("一般入院", "第2313号", Some(date(2024, 10, 1)))
    );
    let kanshin = institution.filings.iter().find(|f| f.symbol == "緩診").unwrap();
    assert_eq!((kanshin.number.as_str(), kanshin.since), ("第29号", Some(date(2019, 4, 1))));

    let evaluation = institution.evaluate(rules(meibo));
    assert!(!evaluation.meets_filing_conditions);
    let x3 = evaluation.checks.iter().find(|c| c.id.id() == "X3").unwrap();
    assert_eq!(x3.verdict, Verdict::NotMet);
    assert!(
        evaluation.checks.iter().filter(|c| c.id.id() != "X3").all(|c| c.verdict == Verdict::Met),
        "{evaluation:#?}"
    );

    let guess = institution.founder_guess().expect("a guess from the name");
    assert_eq!(guess.founder_type, FounderType::IncorporatedAdministrativeAgency);
    assert_eq!(guess.evidence, "独立行政法人地域医療機能推進機構");
    assert_eq!(institution.to_hospital().founder_type, None, "a guess is never written into the hospital");
}

#[test]
fn a_jcho_hospital_meets_the_filing_conditions_but_x1_stays_open() {
    let meibo = saitama();
    let institution = meibo.find_by_number("6509350").unwrap();
    let evaluation = institution.evaluate(rules(meibo));
    assert!(evaluation.meets_filing_conditions);
    assert_eq!(evaluation.matched_symbols, ["地包ケア１", "がん疼"]);
    assert_eq!(evaluation.prefecture.map(|c| c.verdict), Some(Verdict::NotMet), "埼玉県 is not 都内");
    // The full hospital checks, as the app runs them on the filled profile: X1 needs confirmation, not met.
    let checks = hojo::eligibility::check_hospital(&institution.to_hospital(), rules(meibo));
    let x1 = checks.iter().find(|c| c.id.id() == "X1").unwrap();
    assert_eq!(x1.verdict, Verdict::NeedsConfirmation);
}

#[test]
fn find_by_number_accepts_the_forms_people_type() {
    let meibo = saitama();
    for typed in ["0101337", "０１０１３３７", "01-01337", "1110101337", " 0101337 "] {
        assert_eq!(meibo.find_by_number(typed).map(|i| i.number.as_str()), Some("0101337"), "{typed}");
    }
    assert!(meibo.find_by_number("1310101337").is_none(), "another prefecture");
    assert!(meibo.find_by_number("9999999").is_none());
    assert!(meibo.find_by_number("").is_none());
}

#[test]
fn search_by_part_of_the_name_ignores_spaces_and_width() {
    let meibo = saitama();
    let names = |part: &str| meibo.search_name(part).iter().map(|i| i.number.clone()).collect::<Vec<_>>();
    assert_eq!(names("埼玉メディカルセンター"), ["0101337"]);
    assert_eq!(names("地域医療機能推進機構埼玉メディカル"), ["0101337"], "the 名簿's ideographic space is ignored");
    assert!(names("TMG宗岡").contains(&"2200954".to_string()), "half-width finds full-width ＴＭＧ");
    assert!(names("").is_empty());
    let hospitals: Vec<&Institution> = meibo.search_name("病院");
    assert!(hospitals.len() > 300, "{}", hospitals.len());
}
