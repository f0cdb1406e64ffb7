use super::*;
use crate::case::Stage;

fn example(path: &str) -> Case {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    crate::case::parse_case(&std::fs::read(path).unwrap()).unwrap()
}

fn sakura() -> Case {
    example("examples/sakura-hospital.json")
}

fn keyaki() -> Case {
    example("examples/kanwa-training/keyaki-hospital.json")
}

#[test]
fn an_unchanged_plan_compares_to_zero_differences() {
    for case in [sakura(), keyaki()] {
        let comparison = plan_against_actual(&case, &case).unwrap();
        assert!(comparison.is_unchanged(), "{comparison:?}");
        assert_eq!(comparison.rows.len(), 1);
        assert!(comparison.rows[0].items.iter().all(|item| item.difference.is_zero() && item.planned == item.actual));
        assert_eq!(comparison.total.planned, comparison.total.actual);
        assert!(comparison.total.planned > Yen::ZERO);
    }
}

#[test]
fn a_report_of_the_plans_amounts_compares_to_nothing() {
    let mut report = sakura();
    report.stage = Stage::Report;
    report.trainees[0].name = "看護　花子".into(); // typed with an ideographic space: the same nurse
    let comparison = plan_against_actual(&sakura(), &report).unwrap();
    assert!(comparison.is_unchanged(), "{comparison:?}");
}

#[test]
fn a_course_not_completed_shows_the_tuition_out_of_d_and_i_lower() {
    let mut actual = sakura();
    actual.trainees[0].tuition = Yen::new(850_000);
    actual.trainees[0].tuition_completed_in_year = false;
    let comparison = plan_against_actual(&sakura(), &actual).unwrap();
    let row = &comparison.rows[0];
    let tuition = row.items.iter().find(|item| item.item == ItemId::Tuition).unwrap();
    assert_eq!(
        (tuition.planned, tuition.actual, tuition.difference),
        (Yen::new(900_000), Yen::new(850_000), Yen::new(-50_000))
    );
    // Not completed: the 受講料 is paid (in A) but brings nothing to F — the 算定's rule, not a copy of it.
    assert_eq!(tuition.selected, Figures::new(Yen::new(900_000), Yen::ZERO));
    assert_eq!(row.total_cost.difference, Yen::new(-50_000));
    assert_eq!(row.subsidy, Figures::new(Yen::new(2_300_000), Yen::new(1_850_000)));
    assert_eq!(comparison.total, Figures::new(Yen::new(2_300_000), Yen::new(1_850_000)));
    assert!(!comparison.is_unchanged());
}

#[test]
fn trainees_added_and_withdrawn_are_named() {
    let plan = sakura();
    let mut actual = sakura();
    let mut second = actual.trainees[0].clone();
    second.name = "佐藤 美咲".into();
    actual.trainees[0].report.course_status = Some(CourseStatus::Withdrawn);
    actual.trainees.push(second);
    let comparison = plan_against_actual(&plan, &actual).unwrap();
    assert_eq!(comparison.added, vec!["佐藤 美咲".to_string()]);
    assert_eq!(comparison.withdrawn, vec!["看護 花子".to_string()]);
    assert_eq!(comparison.rows[1].presence, RowPresence::Added);
    assert_eq!(comparison.rows[1].subsidy, Figures::new(Yen::ZERO, Yen::new(2_300_000)));
    assert_eq!(comparison.total.difference, Yen::new(2_300_000));

    // Gone from the plan: her row stays with the actual side at 0.
    let comparison = plan_against_actual(&plan, &Case { trainees: vec![], ..sakura() }).unwrap();
    assert_eq!(comparison.withdrawn, vec!["看護 花子".to_string()]);
    assert_eq!(comparison.rows[0].presence, RowPresence::Removed);
    assert_eq!(comparison.rows[0].subsidy, Figures::new(Yen::new(2_300_000), Yen::ZERO));
}

#[test]
fn the_same_name_for_another_qualification_is_another_trainee() {
    let mut actual = sakura();
    actual.trainees[0].qualification = "palliative_care_cns".into();
    let comparison = plan_against_actual(&sakura(), &actual).unwrap();
    assert_eq!(comparison.added, vec!["看護 花子".to_string()]);
    assert_eq!(comparison.withdrawn, vec!["看護 花子".to_string()]);
}

#[test]
fn the_hospital_row_compares_item_by_item() {
    let mut actual = keyaki();
    actual.costs.insert(ItemId::Postage, Yen::new(8_000));
    actual.workings.remove(&ItemId::Postage);
    let comparison = plan_against_actual(&keyaki(), &actual).unwrap();
    let row = &comparison.rows[0];
    assert_eq!(row.qualification, None);
    assert_eq!(row.name, "医療法人社団 例会 けやき総合病院");
    let postage = row.items.iter().find(|item| item.item == ItemId::Postage).unwrap();
    assert_eq!(postage.difference, Yen::new(-4_000));
    assert_eq!(row.total_cost.difference, Yen::new(-4_000));
    assert!(comparison.added.is_empty() && comparison.withdrawn.is_empty());
}

#[test]
fn cases_of_different_programs_are_not_compared() {
    let error = plan_against_actual(&sakura(), &keyaki()).unwrap_err();
    assert!(error.to_string().contains("同じ事業・同じ年度"), "{error}");
}
