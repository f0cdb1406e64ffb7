//! The 都's second program, 協力病院緩和ケア研修会事業補助金 (kanwa-training): the hospital is the one row,
//! 10/10 of its 対象経費 up to 2,434,000円 a 年度, 千円未満切捨て; checks H1, X1, K1, K2. The rules at their edges,
//! through the command line as case-file.md specifies it, and the 算定's properties.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hojo::case::{Case, FounderType, parse_case};
use hojo::money::Yen;
use hojo::program::ItemId;
use proptest::prelude::*;
use serde_json::{Value, json};

fn hojo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hojo")).args(args).output().expect("hojo runs")
}

fn example_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/kanwa-training/keyaki-hospital.json")
}

fn example() -> Value {
    serde_json::from_slice(&std::fs::read(example_path()).unwrap()).unwrap()
}

/// `hojo <command>` on the example edited by `edit`.
fn run(command: &str, edit: impl FnOnce(&mut Value)) -> Value {
    let mut case = example();
    edit(&mut case);
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("case.json");
    std::fs::write(&path, serde_json::to_vec(&case).unwrap()).unwrap();
    let output = hojo(&[command, path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The costs of the example replaced by one amount on 講師報酬, without a working.
fn with_lecturer_fee(case: &mut Value, amount: i64) {
    case.as_object_mut().unwrap().remove("workings");
    case["costs"] = json!({"lecturer_fee": amount});
    case["other_costs"] = json!(0);
}

fn check_verdict(answer: &Value, id: &str) -> String {
    answer["checks"].as_array().unwrap().iter().find(|c| c["id"] == id).unwrap()["verdict"].as_str().unwrap().into()
}

#[test]
fn calc_prints_the_hospital_row_with_every_letter() {
    let answer = run("calc", |_| {});
    let row = &answer["hospital"];
    // 対象経費 1,040,000 (the six items), その他 20,000 in A only.
    assert_eq!(
        (row["A"].as_i64(), row["D"].as_i64(), row["E"].as_i64()),
        (Some(1_060_000), Some(1_040_000), Some(2_434_000))
    );
    assert_eq!(row["H"], "10/10");
    assert_eq!(row["I"], 1_040_000);
    assert_eq!(answer["total"], 1_040_000);
    assert_eq!(row["items"].as_array().unwrap().len(), 6);
}

#[test]
fn d_exactly_at_the_standard_is_paid_in_full_and_one_yen_over_is_cut_back() {
    let at = run("calc", |case| with_lecturer_fee(case, 2_434_000));
    assert_eq!(at["hospital"]["I"], 2_434_000);
    let over = run("calc", |case| with_lecturer_fee(case, 2_434_001));
    assert_eq!(over["hospital"]["D"], 2_434_001);
    assert_eq!(over["hospital"]["F"], 2_434_000);
    assert_eq!(over["hospital"]["I"], 2_434_000);
}

#[test]
fn income_above_the_costs_leaves_nothing_to_pay() {
    let answer = run("calc", |case| {
        with_lecturer_fee(case, 500_000);
        case["other_income"] = json!(600_000);
    });
    assert_eq!(answer["hospital"]["C"], -100_000);
    assert_eq!(answer["hospital"]["G"], 0);
    assert_eq!(answer["hospital"]["I"], 0);
}

#[test]
fn an_odd_amount_is_rounded_down_to_the_thousand() {
    let answer = run("calc", |case| with_lecturer_fee(case, 999_999));
    assert_eq!(answer["hospital"]["I"], 999_000);
}

#[test]
fn k2_needs_a_training_within_the_year_that_follows_the_guideline() {
    let verdict = |held_on: Option<&str>, follows: bool| {
        let answer = run("check", |case| match held_on {
            None => case["trainings"] = json!([]),
            Some(date) => {
                case["trainings"][0]["held_on"] = json!(date);
                case["trainings"][0]["follows_guideline"] = json!(follows);
            }
        });
        assert_eq!(answer["trainees"], json!([]));
        check_verdict(&answer, "K2")
    };
    assert_eq!(verdict(None, true), "not_met", "no 研修会");
    assert_eq!(verdict(Some("2025-03-31"), true), "met", "the last day of 令和6年度");
    assert_eq!(verdict(Some("2025-04-01"), true), "not_met", "the first day of the next 年度");
    assert_eq!(verdict(Some("2024-04-01"), true), "met", "the first day of the 年度");
    assert_eq!(verdict(Some("2024-10-12"), false), "needs_confirmation", "the 開催指針 not confirmed");
}

#[test]
fn k1_and_x1_follow_the_declaration_and_the_founder() {
    let k1 = |value: Value| {
        check_verdict(&run("check", |case| case["hospital"]["designated_cooperating_hospital"] = value), "K1")
    };
    assert_eq!(k1(json!(true)), "met");
    assert_eq!(k1(json!(false)), "not_met");
    let case = parse_case(&std::fs::read(example_path()).unwrap()).unwrap();
    for founder in FounderType::ALL {
        let mut case = case.clone();
        case.hospital.founder_type = Some(founder);
        let x1 = hojo::eligibility::evaluate(&case).unwrap().checks.into_iter().find(|c| c.id.id() == "X1").unwrap();
        let expected = match founder {
            FounderType::National | FounderType::IncorporatedAdministrativeAgency => "not_met",
            FounderType::LocalIncorporatedAdministrativeAgency | FounderType::NationalUniversityCorporation => {
                "needs_confirmation"
            }
            _ => "met",
        };
        assert_eq!(serde_json::to_value(x1.verdict).unwrap(), expected, "{founder:?}");
    }
}

#[test]
fn a_working_that_does_not_add_up_and_a_trainee_in_this_program_are_refused_by_place() {
    let refused = |edit: &dyn Fn(&mut Value), needle: &str| {
        let mut case = example();
        edit(&mut case);
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("case.json");
        std::fs::write(&path, serde_json::to_vec(&case).unwrap()).unwrap();
        let output = hojo(&["calc", path.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(needle), "{needle}: {stderr}");
    };
    refused(&|case| case["costs"]["lecturer_fee"] = json!(1), "costs.lecturer_fee");
    refused(&|case| case["costs"]["admission"] = json!(1), "costs.admission");
    refused(
        &|case| {
            case["trainees"] = json!([{"name": "看護 花子", "qualification": "palliative_care_cn",
                "enrolled_on": "2024-04-08", "course_ends_on": "2025-03-14"}])
        },
        "trainees",
    );
}

#[test]
fn the_nurse_program_refuses_the_hospital_rows_fields() {
    let mut case: Value = serde_json::from_slice(
        &std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sakura-hospital.json")).unwrap(),
    )
    .unwrap();
    case["costs"] = json!({"lecturer_fee": 1});
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("case.json");
    std::fs::write(&path, serde_json::to_vec(&case).unwrap()).unwrap();
    let output = hojo(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("costs"));
}

#[test]
fn an_item_given_by_its_working_alone_amounts_to_its_sum_and_the_case_writes_back_the_same() {
    let case = parse_case(&std::fs::read(example_path()).unwrap()).unwrap();
    let mut text: Value = serde_json::from_str(&hojo::case::to_json(&case)).unwrap();
    text["costs"].as_object_mut().unwrap().remove("lecturer_fee");
    let derived = parse_case(&serde_json::to_vec(&text).unwrap()).unwrap();
    assert_eq!(derived.costs[&ItemId::LecturerFee], Yen::new(600_000));
    assert_eq!(parse_case(hojo::case::to_json(&case).as_bytes()).unwrap(), case);
}

fn training_case() -> impl Strategy<Value = Case> {
    let amount = || prop_oneof![0i64..=1_000_000, 0i64..=3_000_000, Just(2_434_000), Just(2_434_001)];
    (proptest::collection::vec(amount(), 6), 0i64..=500_000, 0i64..=3_000_000).prop_map(|(amounts, other, income)| {
        let mut case = parse_case(&std::fs::read(example_path()).unwrap()).unwrap();
        case.workings.clear();
        let items = [
            ItemId::LecturerFee,
            ItemId::LecturerTravel,
            ItemId::Venue,
            ItemId::MeetingSupplies,
            ItemId::Postage,
            ItemId::StaffCost,
        ];
        case.costs = items.into_iter().zip(amounts.into_iter().map(Yen::new)).collect();
        case.other_costs = Yen::new(other);
        case.other_income = Yen::new(income);
        case
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn i_never_exceeds_the_standard_or_c_and_is_a_multiple_of_a_thousand(case in training_case()) {
        hojo::case::validate(&case).unwrap();
        let row = hojo::calc::calculate(&case).unwrap().rows.remove(0);
        prop_assert!(row.subsidy <= Yen::new(2_434_000));
        prop_assert!(row.subsidy <= row.net_cost.at_least_zero());
        prop_assert_eq!(row.subsidy.get() % 1000, 0);
        prop_assert!(row.subsidy >= Yen::ZERO);
    }
}
