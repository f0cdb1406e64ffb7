//! Properties of the 算定 over random cases: what must hold whatever a hospital enters.

use chrono::NaiveDate;
use hojo::calc::calculate;
use hojo::case::{Case, Hospital, SalaryKind, SalaryMonth, Trainee};
use hojo::fiscal_year::{FiscalYear, YearMonth};
use hojo::money::Yen;
use proptest::prelude::*;

fn amount() -> impl Strategy<Value = i64> {
    prop_oneof![Just(0i64), 0i64..=300_000, 0i64..=8_000_000, Just(200_000), Just(1_100_000), Just(4_900_000)]
}

prop_compose! {
    fn any_trainee()(
        admission in amount(), tuition in amount(), exam_fee in amount(), registration_fee in amount(),
        salary in amount(), other_costs in amount(), other_income in prop_oneof![Just(0i64), 0i64..=9_000_000],
        completed in any::<bool>(), certified in any::<bool>(),
        prior_used in prop_oneof![Just(0i64), 0i64..=12_300_000],
        prior_admission in any::<bool>(),
        monthly in any::<bool>(), month_amounts in proptest::collection::vec(0i64..=600_000, 0..14),
        start_offset in 0u64..400, length in 0u64..800,
    ) -> Trainee {
        let enrolled_on = NaiveDate::from_ymd_opt(2024, 4, 1).unwrap() + chrono::Days::new(start_offset);
        let course_ends_on = enrolled_on + chrono::Days::new(length);
        let salary_months = if monthly {
            month_amounts.iter().enumerate().map(|(i, &a)| SalaryMonth {
                month: YearMonth::new(2024 + (3 + i as i32) / 12, ((3 + i) % 12 + 1) as u32).unwrap(),
                amount: Yen::new(a),
            }).collect()
        } else { vec![] };
        Trainee {
            name: "看護 花子".into(), qualification: "cancer_nursing_cns".into(), institution: None, exam_fiscal_year: None,
            enrolled_on, course_ends_on,
            admission: Yen::new(admission), tuition: Yen::new(tuition), tuition_completed_in_year: completed,
            exam_fee: Yen::new(exam_fee), registration_fee: Yen::new(registration_fee), certified,
            salary_kind: SalaryKind::Trainee, salary: if monthly { Yen::ZERO } else { Yen::new(salary) }, salary_months,
            other_costs: Yen::new(other_costs), other_income: Yen::new(other_income),
            prior_years_standard_used: Yen::new(prior_used),
            prior_items: if prior_admission { vec![hojo::program::ItemId::Admission] } else { vec![] },
            receipts: Vec::new(),
            report: Default::default(),
        }
    }
}

fn case_of(trainees: Vec<Trainee>) -> Case {
    let mut case =
        Case::new("kanwa-nurse", FiscalYear::new(2024), Hospital { name: "さくら病院".into(), ..Hospital::default() });
    case.trainees = trainees;
    case
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_row_keeps_the_rules(trainee in any_trainee()) {
        let row = calculate(&case_of(vec![trainee])).unwrap().rows.remove(0);
        prop_assert_eq!(row.subsidy.get() % 1000, 0, "I is a multiple of 1,000円");
        prop_assert!(row.subsidy.get() * 2 <= row.base.get(), "I ≤ G/2");
        prop_assert!(row.selected <= row.standard, "F ≤ E");
        prop_assert!(row.selected <= row.eligible_cost, "F ≤ D");
        prop_assert!(row.base <= row.selected && row.base >= Yen::ZERO, "0 ≤ G ≤ F");
        prop_assert!(row.standard <= Yen::new(12_300_000), "E never above the lifetime cap");
        prop_assert_eq!(row.net_cost, row.total_cost - row.other_income, "C = A − B");
        prop_assert!(row.eligible_cost <= row.total_cost, "D ≤ A");
    }

    #[test]
    fn raising_a_cost_never_lowers_the_subsidy(trainee in any_trainee(), raise in 1i64..=2_000_000, which in 0usize..6) {
        let before = calculate(&case_of(vec![trainee.clone()])).unwrap().total;
        let mut raised = trainee;
        if which == 5 && !raised.salary_months.is_empty() {
            raised.salary_months[0].amount += Yen::new(raise);
        } else {
            let field = match which {
                0 => &mut raised.admission,
                1 => &mut raised.tuition,
                2 => &mut raised.exam_fee,
                3 => &mut raised.registration_fee,
                4 => &mut raised.other_costs,
                _ => &mut raised.salary,
            };
            *field += Yen::new(raise);
        }
        let after = calculate(&case_of(vec![raised])).unwrap().total;
        prop_assert!(after >= before, "{} → {}", before, after);
    }

    #[test]
    fn the_total_is_the_sum_of_the_rows(trainees in proptest::collection::vec(any_trainee(), 0..8)) {
        let calculation = calculate(&case_of(trainees)).unwrap();
        let sum: Yen = calculation.rows.iter().map(|row| row.subsidy).sum();
        prop_assert_eq!(calculation.total, sum);
    }
}
