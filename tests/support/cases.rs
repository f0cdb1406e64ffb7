//! Random cases for the property tests: every field of the case file, texts that spreadsheets and SQL get
//! wrong (formulas, markup, surrogate pairs, line breaks), amounts up to the limit of one entry, and dates over
//! 38 years. Every case `any_case` gives is one `hojo::case::validate` accepts.

use chrono::NaiveDate;
use hojo::case::{Case, Contact, Filing, FounderType, Hospital, SalaryKind, SalaryMonth, Trainee};
use hojo::fiscal_year::{FiscalYear, YearMonth};
use hojo::limits::MAX_AMOUNT;
use hojo::money::Yen;
use proptest::prelude::*;

pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ぁ-んァ-ヶ一-龠a-zA-Z0-9 　、。（）・ー]{1,40}",
        Just("=HYPERLINK(\"http://x\",\"y\")".to_string()),
        Just("@SUM(A1)".to_string()),
        Just("+81 3-0000-0000".to_string()),
        Just("  前後に空白  ".to_string()),
        Just("改行\nを含む\n文".to_string()),
        Just("<b>&amp;\"'</b>".to_string()),
        Just("_x0041_".to_string()),
        Just("𠮷野家".to_string()),
    ]
}

pub fn optional_text() -> impl Strategy<Value = Option<String>> {
    prop_oneof![Just(None), text().prop_map(Some)]
}

pub fn date() -> impl Strategy<Value = NaiveDate> {
    (0u64..14_000).prop_map(|days| NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Days::new(days))
}

pub fn yen() -> impl Strategy<Value = Yen> {
    prop_oneof![Just(0i64), 0i64..=1_000_000, 0i64..=20_000_000, 0i64..=MAX_AMOUNT.get()].prop_map(Yen::new)
}

pub fn filing() -> impl Strategy<Value = Filing> {
    let symbols = ["地包ケア１", "地包ケア２", "地包ケア４", "地包加", "がん疼", "緩１", "緩診", "小緩診"];
    (proptest::sample::select(symbols.to_vec()), optional_text(), proptest::option::of(date()))
        .prop_map(|(symbol, number, since)| Filing { symbol: symbol.to_string(), number, since })
}

pub fn contact() -> impl Strategy<Value = Option<Contact>> {
    proptest::option::of(
        (optional_text(), optional_text(), optional_text(), optional_text())
            .prop_map(|(department, name, phone, email)| Contact { department, name, phone, email }),
    )
}

pub fn hospital() -> impl Strategy<Value = Hospital> {
    (
        text(),
        proptest::option::of((1u8..=47).prop_map(|code| format!("{code:02}"))),
        optional_text(),
        proptest::option::of(proptest::sample::select(FounderType::ALL.to_vec())),
        proptest::option::of(0u32..3000),
        proptest::collection::vec(filing(), 0..5),
        any::<bool>(),
        optional_text(),
        contact(),
        optional_text(),
    )
        .prop_map(
            |(
                name,
                prefecture_code,
                address,
                founder_type,
                beds,
                filings,
                employs,
                representative,
                contact,
                purpose,
            )| Hospital {
                name: format!("病院{name}"),
                prefecture_code,
                address,
                founder_type,
                beds,
                filings,
                employs_qualified_nurse: employs,
                representative,
                contact,
                purpose,
                // A 研修会 program's declaration: not part of the nurse program's case.
                designated_cooperating_hospital: None,
            },
        )
}

pub fn trainee() -> impl Strategy<Value = Trainee> {
    let qualification =
        proptest::sample::select(vec!["cancer_nursing_cns", "palliative_care_cn", "cancer_pain_cn", "unknown_course"]);
    let months = proptest::collection::btree_set((2023i32..2027, 1u32..=12), 0..14);
    (
        (text(), qualification, optional_text(), proptest::option::of(0i32..4), date(), 0u64..1200),
        (yen(), yen(), any::<bool>(), yen(), yen(), any::<bool>()),
        (any::<bool>(), yen(), months, proptest::collection::vec(yen(), 14), yen(), yen(), yen()),
        proptest::sample::subsequence(vec!["admission", "exam_fee", "registration_fee"], 0..=3),
    )
        .prop_map(|(who, costs, salary, prior_items)| {
            let (name, qualification, institution, exam_year, enrolled_on, length) = who;
            let (admission, tuition, completed, exam_fee, registration_fee, certified) = costs;
            let (substitute, lump, months, amounts, other_costs, other_income, prior_used) = salary;
            let salary_months: Vec<SalaryMonth> = months
                .into_iter()
                .zip(amounts)
                .map(|((year, month), amount)| SalaryMonth { month: YearMonth::new(year, month).unwrap(), amount })
                .collect();
            Trainee {
                name: format!("受講者{name}"),
                qualification: qualification.to_string(),
                institution,
                // The 認定審査 is in the 年度 the course starts or a later one.
                exam_fiscal_year: exam_year
                    .map(|after| FiscalYear::new(FiscalYear::of(enrolled_on).starting_year() + after)),
                enrolled_on,
                course_ends_on: enrolled_on + chrono::Days::new(length),
                admission,
                tuition,
                tuition_completed_in_year: completed,
                exam_fee,
                registration_fee,
                certified,
                salary_kind: if substitute { SalaryKind::Substitute } else { SalaryKind::Trainee },
                salary: if salary_months.is_empty() { lump } else { Yen::ZERO },
                salary_months,
                other_costs,
                other_income,
                prior_years_standard_used: prior_used,
                prior_items: prior_items.into_iter().filter_map(hojo::program::ItemId::from_id).collect(),
                receipts: Vec::new(),
                report: Default::default(),
            }
        })
}

/// A case the validation accepts: the generators above stay inside the limits by construction (a filter
/// would nest the strategy deeper than a test thread's stack holds in a debug build).
pub fn valid_case() -> impl Strategy<Value = Case> {
    (2024i32..=2030, hospital(), proptest::collection::vec(trainee(), 0..4)).prop_map(|(year, hospital, trainees)| {
        let mut case = Case::new("kanwa-nurse", FiscalYear::new(year), hospital);
        case.trainees = trainees;
        case
    })
}
