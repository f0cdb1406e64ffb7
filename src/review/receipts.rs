//! The mistakes 補助金 offices find most often in a 実績報告's receipts and claims: a payment dated outside the
//! 年度 or the course, a receipt without its payee or its description, 人件費 of months after she finished,
//! 受講料 counted though the year's course was not completed, 認定審査料・認定登録料 counted though she was not
//! certified. Each finding points at the field and says what to do. (Salary months outside the planned course
//! are said by the 算定 itself, which leaves them out.)

use super::{Finding, Section};
use crate::case::{Case, CourseStatus, Receipt, Stage, Trainee};
use crate::era::format_date;
use crate::fiscal_year::FiscalYear;
use crate::money::Yen;
use crate::program::{CostItem, FlagId, ItemId};

pub(super) fn receipt_findings(case: &Case, findings: &mut Vec<Finding>) {
    for (index, trainee) in case.trainees.iter().enumerate() {
        for (receipt_index, receipt) in trainee.receipts.iter().enumerate() {
            receipt_checks(
                case.fiscal_year,
                trainee,
                receipt,
                format!("trainees[{index}].receipts[{receipt_index}]"),
                findings,
            );
        }
        if case.stage == Stage::Report {
            counted_flag_checks(case.fiscal_year, index, trainee, findings);
            salary_after_completion(index, trainee, findings);
        }
    }
}

fn receipt_checks(year: FiscalYear, trainee: &Trainee, receipt: &Receipt, path: String, findings: &mut Vec<Finding>) {
    let at = || Some(path.clone());
    let what = format!(
        "{}: {}支払の{}（{}）",
        trainee.name,
        format_date(receipt.paid_on),
        if receipt.description.trim().is_empty() { "領収書" } else { receipt.description.trim() },
        receipt.amount.format_yen()
    );
    if !year.contains(receipt.paid_on) {
        let message = format!(
            "{what}は{}の外の支払いです。年度内に支払った経費か確かめ、別の年度の分なら削除してください",
            year.japanese_name()
        );
        findings.push(Finding::warning(Section::Costs, at(), message));
    } else if receipt.paid_on < trainee.enrolled_on || receipt.paid_on > trainee.course_ends_on {
        // 入学料 is paid before the course and the 認定 fees after it: only other payments are suspect.
        let before_or_after =
            matches!(receipt.item, CostItem::Item(ItemId::Admission | ItemId::ExamFee | ItemId::RegistrationFee));
        if !before_or_after {
            let message = format!(
                "{what}は受講期間（{}〜{}）の外の支払いです。受講期間中の経費か確かめてください",
                format_date(trainee.enrolled_on),
                format_date(trainee.course_ends_on)
            );
            findings.push(Finding::warning(Section::Costs, at(), message));
        }
    }
    if receipt.payee.trim().is_empty() {
        findings.push(Finding::warning(
            Section::Costs,
            at(),
            format!("{what}の支払先が書かれていません。領収書の発行者（学校名など）を入力してください"),
        ));
    }
    if receipt.description.trim().is_empty() {
        findings.push(Finding::warning(
            Section::Costs,
            at(),
            format!("{what}の内容（但し書き）が書かれていません。領収書の但し書き（例: 前期授業料）を入力してください"),
        ));
    }
}

/// 受講料 counts when the year's course was completed within the 年度, the 認定 fees when she was certified
/// (settlement.md): the flags the claim sets must agree with what the report says happened.
fn counted_flag_checks(year: FiscalYear, index: usize, trainee: &Trainee, findings: &mut Vec<Finding>) {
    let report = &trainee.report;
    let flag_path = |flag: FlagId| Some(format!("trainees[{index}].{}", flag.id()));
    if trainee.tuition_completed_in_year && trainee.tuition > Yen::ZERO {
        let tuition = trainee.tuition.format_yen();
        match report.course_status {
            Some(CourseStatus::Withdrawn) => findings.push(Finding::error(
                Section::Costs,
                flag_path(FlagId::TuitionCompletedInYear),
                format!(
                    "{}さんは中途退学ですが、受講料（{tuition}）を年度内に修了した分として計上しています。受講料は修了した年度の分だけが対象です。「年度内に修了」を外してください",
                    trainee.name
                ),
            )),
            Some(CourseStatus::Completed)
                if report.completed_on.is_some_and(|completed| completed > year.last_day()) =>
            {
                findings.push(Finding::error(
                    Section::Costs,
                    flag_path(FlagId::TuitionCompletedInYear),
                    format!(
                        "{}さんの修了日（{}）は{}の後です。受講料（{tuition}）は年度内に修了したときだけ対象です。修了日を確かめるか、「年度内に修了」を外してください",
                        trainee.name,
                        report.completed_on.map(format_date).unwrap_or_default(),
                        year.japanese_name()
                    ),
                ));
            }
            Some(CourseStatus::Enrolled) if year.contains(trainee.course_ends_on) => {
                findings.push(Finding::warning(
                    Section::Costs,
                    flag_path(FlagId::TuitionCompletedInYear),
                    format!(
                        "{}さんは修了予定日（{}）を過ぎても在学中ですが、受講料（{tuition}）を年度内に修了した分として計上しています。この年度の分の課程を修了していないなら「年度内に修了」を外してください",
                        trainee.name,
                        format_date(trainee.course_ends_on)
                    ),
                ));
            }
            _ => {}
        }
    }
    let fees = trainee.exam_fee + trainee.registration_fee;
    if trainee.certified && fees > Yen::ZERO {
        let at = Some(format!("trainees[{index}].report.certified_on"));
        match report.certified_on {
            None => findings.push(Finding::error(
                Section::Costs,
                at,
                format!(
                    "{}さんの認定審査料・認定登録料（{}）を計上していますが、認定年月日がありません。認定されたなら認定年月日を入力し、まだ認定されていない（結果待ちを含む）なら「認定された」を外してください",
                    trainee.name,
                    fees.format_yen()
                ),
            )),
            Some(certified) if certified > year.last_day() => findings.push(Finding::warning(
                Section::Costs,
                at,
                format!(
                    "{}さんの認定年月日（{}）は{}の後です。認定審査料・認定登録料はその年度に認定されたときの対象です。認定年月日を確かめてください",
                    trainee.name,
                    format_date(certified),
                    year.japanese_name()
                ),
            )),
            Some(_) => {}
        }
    }
}

/// 人件費 counts for the months of the course: once she finished (修了年月日 before the planned end), later
/// months are not part of it.
fn salary_after_completion(index: usize, trainee: &Trainee, findings: &mut Vec<Finding>) {
    let Some(completed) = trainee.report.completed_on else { return };
    if completed >= trainee.course_ends_on {
        return;
    }
    for (month_index, entry) in trainee.salary_months.iter().enumerate() {
        if entry.amount > Yen::ZERO && entry.month.first_day() > completed {
            findings.push(Finding::warning(
                Section::Costs,
                Some(format!("trainees[{index}].salary_months[{month_index}].amount")),
                format!(
                    "{}さんは{}に修了していますが、{}の人件費（{}）があります。受講期間の後の人件費は対象外です。その月を空にしてください",
                    trainee.name,
                    format_date(completed),
                    entry.month.japanese_name(),
                    entry.amount.format_yen()
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::case::{Case, CourseStatus, SalaryMonth};
    use crate::fiscal_year::YearMonth;
    use crate::money::Yen;
    use crate::review::{Finding, Severity, review};

    fn report() -> Case {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/reports/sakura-hospital-report.json");
        crate::case::parse_case(&std::fs::read(path).unwrap()).unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The findings at a path, with the words of their messages.
    fn at(case: &Case, path: &str) -> Vec<Finding> {
        review(case).findings.into_iter().filter(|f| f.path.as_deref() == Some(path)).collect()
    }

    #[test]
    fn the_example_report_has_none_of_these_mistakes() {
        let review = review(&report());
        assert!(review.is_ready(), "{:#?}", review.findings);
        assert!(review.warnings().next().is_none(), "{:#?}", review.findings);
    }

    #[test]
    fn a_receipt_without_its_description_or_paid_outside_the_course_is_pointed_at() {
        let mut case = report();
        case.trainees[0].receipts[2].description = " ".into();
        case.trainees[0].receipts[3].paid_on = date(2024, 4, 5); // 教材費, three days before the course
        let missing = at(&case, "trainees[0].receipts[2]");
        assert!(missing.iter().any(|f| f.message.contains("但し書き") && f.message.contains("入力してください")));
        let outside = at(&case, "trainees[0].receipts[3]");
        assert_eq!(outside.len(), 1, "{outside:#?}");
        assert_eq!(outside[0].severity, Severity::Warning);
        assert!(outside[0].message.contains("受講期間（令和6年4月8日〜令和7年3月14日）の外"), "{}", outside[0].message);
        // 入学料 is paid before the course starts: that is no mistake.
        assert!(at(&case, "trainees[0].receipts[0]").is_empty());
    }

    #[test]
    fn a_receipt_of_another_year_is_to_be_removed() {
        let mut case = report();
        case.trainees[0].receipts[3].paid_on = date(2024, 3, 28);
        let found = at(&case, "trainees[0].receipts[3]");
        assert!(found.iter().any(|f| f.message.contains("令和6年度の外") && f.message.contains("削除")), "{found:#?}");
    }

    #[test]
    fn tuition_of_a_withdrawn_trainee_is_an_error_that_says_to_untick_the_completion() {
        let mut case = report();
        case.trainees[0].report.course_status = Some(CourseStatus::Withdrawn);
        let found = at(&case, "trainees[0].tuition_completed_in_year");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].severity, Severity::Error);
        assert!(found[0].message.contains("中途退学") && found[0].message.contains("外してください"));
        case.trainees[0].tuition_completed_in_year = false;
        assert!(at(&case, "trainees[0].tuition_completed_in_year").is_empty());
    }

    #[test]
    fn tuition_of_a_course_completed_after_the_year_is_an_error() {
        let mut case = report();
        case.trainees[0].report.completed_on = Some(date(2025, 4, 15));
        let found = at(&case, "trainees[0].tuition_completed_in_year");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].message.contains("令和7年4月15日") && found[0].message.contains("令和6年度の後"));
    }

    #[test]
    fn tuition_of_a_trainee_still_enrolled_after_her_course_should_have_ended_is_to_be_checked() {
        let mut case = report();
        case.trainees[0].report.course_status = Some(CourseStatus::Enrolled);
        let found = at(&case, "trainees[0].tuition_completed_in_year");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].severity, Severity::Warning);
        // A two-year course in its first year: completing the year's part while enrolled is normal.
        case.trainees[0].course_ends_on = date(2026, 3, 13);
        assert!(at(&case, "trainees[0].tuition_completed_in_year").is_empty());
    }

    #[test]
    fn exam_fees_counted_without_a_certification_date_are_an_error() {
        let mut case = report();
        case.trainees[0].exam_fee = Yen::new(30_000);
        case.trainees[0].certified = true;
        let found = at(&case, "trainees[0].report.certified_on");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].severity, Severity::Error);
        assert!(found[0].message.contains("認定年月日を入力") && found[0].message.contains("「認定された」を外して"));
        case.trainees[0].report.certified_on = Some(date(2025, 5, 20));
        let found = at(&case, "trainees[0].report.certified_on");
        assert_eq!(found[0].severity, Severity::Warning, "certified after the 年度");
        case.trainees[0].report.certified_on = Some(date(2025, 2, 20));
        assert!(at(&case, "trainees[0].report.certified_on").is_empty());
        // Not ticked: the 算定 leaves the fees out and says so itself.
        case.trainees[0].report.certified_on = None;
        case.trainees[0].certified = false;
        assert!(at(&case, "trainees[0].report.certified_on").is_empty());
    }

    #[test]
    fn salary_of_months_after_she_finished_early_is_to_be_emptied() {
        let mut case = report();
        let trainee = &mut case.trainees[0];
        trainee.salary = Yen::ZERO;
        trainee.salary_months = (1..=3)
            .map(|month| SalaryMonth { month: YearMonth::new(2025, month).unwrap(), amount: Yen::new(300_000) })
            .collect();
        trainee.report.completed_on = Some(date(2025, 1, 31));
        assert!(at(&case, "trainees[0].salary_months[0].amount").is_empty(), "January is inside");
        let found = at(&case, "trainees[0].salary_months[1].amount");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].message.contains("令和7年2月") && found[0].message.contains("空にしてください"));
        assert_eq!(at(&case, "trainees[0].salary_months[2].amount").len(), 1);
    }

    #[test]
    fn salary_months_outside_the_planned_course_are_said_by_the_calculation() {
        let mut case = report();
        let trainee = &mut case.trainees[0];
        trainee.salary = Yen::ZERO;
        trainee.salary_months = vec![SalaryMonth { month: YearMonth::new(2024, 4).unwrap(), amount: Yen::ZERO }];
        trainee.enrolled_on = date(2024, 5, 7);
        trainee.salary_months[0].amount = Yen::new(300_000);
        let found = at(&case, "trainees[0]");
        assert!(
            found.iter().any(|f| f.message.contains("令和6年4月") && f.message.contains("受講期間の外")),
            "{found:#?}"
        );
    }
}
