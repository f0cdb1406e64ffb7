//! The review of an application before it goes to the 都: what is missing or wrong, each finding pointing at
//! the field to fix. The 書類作成 screen lists it, `hojo export` prints it, and a final (not draft) workbook
//! is written only when it holds no error — one meaning of "ready" for the app and the command line.

mod receipts;

use serde::Serialize;

use crate::calc::{Calculation, calculate};
use crate::case::{Case, problems};
use crate::edit::{HospitalField, ProfileField, TraineeField};
use crate::eligibility::{Eligibility, Overall, Verdict, evaluate};
use crate::money::Yen;
use crate::program::RowKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Severity {
    /// The application cannot be submitted as it is.
    Error,
    /// Worth checking; the workbook can still be written.
    Warning,
}

/// The part of an application a field belongs to (the screens are laid out by these).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Section {
    Hospital,
    Eligibility,
    Trainees,
    Costs,
    Calculation,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Finding {
    pub severity: Severity,
    pub message: String,
    pub section: Section,
    /// The field as a case-file JSON path (`hospital.address`, `trainees[0].tuition`).
    pub path: Option<String>,
}

impl Finding {
    fn error(section: Section, path: Option<String>, message: impl Into<String>) -> Finding {
        Finding { severity: Severity::Error, message: message.into(), section, path }
    }

    fn warning(section: Section, path: Option<String>, message: impl Into<String>) -> Finding {
        Finding { severity: Severity::Warning, message: message.into(), section, path }
    }
}

/// A row left out of the 交付申請額 because its trainee is not eligible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExcludedRow {
    /// The row's place in the 算定 (the trainee's index).
    pub index: usize,
    pub name: String,
    /// Its 補助所要額 (I), shown apart and never added in.
    pub subsidy: Yen,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Review {
    pub findings: Vec<Finding>,
    /// 交付申請額: Σ I over the rows whose trainee is not 対象外.
    pub applied_total: Yen,
    pub excluded: Vec<ExcludedRow>,
}

impl Review {
    /// Nothing stops the application: a final workbook may be written.
    pub fn is_ready(&self) -> bool {
        !self.findings.iter().any(|finding| finding.severity == Severity::Error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|finding| finding.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|finding| finding.severity == Severity::Warning)
    }
}

/// The review of a case, computing its checks and 算定.
pub fn review(case: &Case) -> Review {
    review_with(case, evaluate(case).ok().as_ref(), calculate(case).ok().as_ref())
}

/// The review when the checks and the 算定 are already at hand (the app computes them once per edit).
pub fn review_with(case: &Case, eligibility: Option<&Eligibility>, calculation: Option<&Calculation>) -> Review {
    let mut findings: Vec<Finding> = problems(case)
        .into_iter()
        .map(|problem| Finding::error(section_of(&problem.path), Some(problem.path), problem.message_ja))
        .collect();
    let row_kind = crate::program::Program::get(&case.program).map_or(RowKind::Trainee, |program| program.row_kind);
    missing_hospital_fields(case, row_kind, &mut findings);
    if row_kind == RowKind::Trainee && case.trainees.is_empty() {
        findings.push(Finding::error(
            Section::Trainees,
            None,
            "受講者が登録されていません。「受講者」で追加してください",
        ));
    }
    for (index, trainee) in case.trainees.iter().enumerate() {
        if trainee.institution.as_deref().is_none_or(|text| text.trim().is_empty()) {
            findings.push(Finding::error(
                Section::Trainees,
                Some(TraineeField::Profile(ProfileField::Institution).path(index)),
                format!("{}さんの教育機関名が入力されていません", trainee.name),
            ));
        }
    }
    if let Some(eligibility) = eligibility {
        for check in &eligibility.checks {
            push_check(&mut findings, check.verdict, Section::Eligibility, None, check.reason.clone());
        }
        for (index, trainee) in eligibility.trainees.iter().enumerate() {
            for check in &trainee.checks {
                let message = format!("{}: {}", trainee.name, check.reason);
                push_check(
                    &mut findings,
                    check.verdict,
                    Section::Trainees,
                    Some(format!("trainees[{index}]")),
                    message,
                );
            }
        }
    }
    receipts::receipt_findings(case, &mut findings);
    report_findings(case, &mut findings);
    let mut applied_total = Yen::ZERO;
    let mut excluded = Vec::new();
    if let Some(calculation) = calculation {
        for (index, row) in calculation.rows.iter().enumerate() {
            for warning in &row.warnings {
                let path = Some(format!("trainees[{index}]"));
                findings.push(Finding::warning(Section::Costs, path, format!("{}: {warning}", row.name)));
            }
            let not_eligible = eligibility
                .and_then(|eligibility| eligibility.trainees.get(index))
                .is_some_and(|trainee| trainee.verdict == Overall::NotEligible);
            if not_eligible {
                excluded.push(ExcludedRow { index, name: row.name.clone(), subsidy: row.subsidy });
            } else {
                applied_total += row.subsidy;
            }
        }
    }
    Review { findings, applied_total, excluded }
}

/// What a 実績報告 must say of each trainee for its 事業実績書 and 名簿: her 受講状況, and her 修了年月日 once she
/// has completed; and a 中途退学 with 人件費 is to be checked (the salary counts only up to her withdrawal).
fn report_findings(case: &Case, findings: &mut Vec<Finding>) {
    use crate::case::{CourseStatus, Stage};
    if case.stage != Stage::Report {
        return;
    }
    for (index, trainee) in case.trainees.iter().enumerate() {
        let at = |field: &str| Some(format!("trainees[{index}].report.{field}"));
        let report = &trainee.report;
        match report.course_status {
            None => findings.push(Finding::error(
                Section::Trainees,
                at("course_status"),
                format!(
                    "{}さんの受講状況（修了・在学中・中途退学）を入力してください（事業実績書に記載します）",
                    trainee.name
                ),
            )),
            Some(CourseStatus::Completed) if report.completed_on.is_none() => findings.push(Finding::error(
                Section::Trainees,
                at("completed_on"),
                format!("{}さんは修了しています。修了年月日を入力してください", trainee.name),
            )),
            Some(CourseStatus::Withdrawn)
                if trainee.salary > crate::money::Yen::ZERO || trainee.salary_is_monthly() =>
            {
                findings.push(Finding::warning(
                    Section::Costs,
                    Some(format!("trainees[{index}].salary")),
                    format!(
                        "{}さんは中途退学です。人件費が退学した月までの分になっているか確かめてください",
                        trainee.name
                    ),
                ))
            }
            _ => {}
        }
    }
}

fn push_check(findings: &mut Vec<Finding>, verdict: Verdict, section: Section, path: Option<String>, reason: String) {
    match verdict {
        Verdict::Met => {}
        Verdict::NotMet => findings.push(Finding::error(section, path, reason)),
        Verdict::NeedsConfirmation => findings.push(Finding::warning(section, path, reason)),
    }
}

/// What the 申請書 prints and the 都 needs: each must be filled before submission.
const REQUIRED_HOSPITAL_FIELDS: [HospitalField; 9] = [
    HospitalField::Address,
    HospitalField::PrefectureCode,
    HospitalField::FounderType,
    HospitalField::Beds,
    HospitalField::Representative,
    HospitalField::Purpose,
    HospitalField::ContactDepartment,
    HospitalField::ContactName,
    HospitalField::ContactPhone,
];

fn missing_hospital_fields(case: &Case, row_kind: RowKind, findings: &mut Vec<Finding>) {
    let hospital = &case.hospital;
    let contact = hospital.contact.clone().unwrap_or_default();
    let blank = |value: Option<&String>| value.is_none_or(|text| text.trim().is_empty());
    for field in REQUIRED_HOSPITAL_FIELDS {
        // 病床数 decides H2 of the nurse program; the 研修会 program's 様式 does not ask for it.
        if field == HospitalField::Beds && row_kind == RowKind::Hospital {
            continue;
        }
        let missing = match field {
            HospitalField::Address => blank(hospital.address.as_ref()),
            HospitalField::PrefectureCode => hospital.prefecture_code.is_none(),
            HospitalField::FounderType => hospital.founder_type.is_none(),
            HospitalField::Beds => hospital.beds.is_none(),
            HospitalField::Representative => blank(hospital.representative.as_ref()),
            HospitalField::Purpose => blank(hospital.purpose.as_ref()),
            HospitalField::ContactDepartment => blank(contact.department.as_ref()),
            HospitalField::ContactName => blank(contact.name.as_ref()),
            HospitalField::ContactPhone => blank(contact.phone.as_ref()),
            _ => false,
        };
        if missing {
            findings.push(Finding::error(
                Section::Hospital,
                Some(field.path()),
                format!("{}が入力されていません", field.label()),
            ));
        }
    }
}

/// The section where a case-file path is edited: a trainee's amounts, flags and earlier 年度 are 経費, the rest
/// of her is 受講者; everything else is the hospital's.
pub fn section_of(path: &str) -> Section {
    let Some(rest) = path.strip_prefix("trainees[") else {
        return Section::Hospital;
    };
    let field = rest.split_once("].").map_or("", |(_, field)| field);
    let field = field.split(['.', '[']).next().unwrap_or(field);
    if matches!(field, "salary_months" | "prior_items") {
        return Section::Costs;
    }
    match serde_json::from_value::<TraineeField>(serde_json::Value::String(field.to_string())) {
        Ok(TraineeField::Cost(_) | TraineeField::Flag(_))
        | Ok(TraineeField::Profile(ProfileField::SalaryKind | ProfileField::PriorYearsStandardUsed)) => Section::Costs,
        _ => Section::Trainees,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(name: &str) -> Case {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name);
        crate::case::parse_case(&std::fs::read(path).unwrap()).unwrap()
    }

    #[test]
    fn cost_fields_belong_to_the_cost_section_and_others_to_their_own() {
        assert_eq!(section_of("trainees[0].tuition"), Section::Costs);
        assert_eq!(section_of("trainees[0].certified"), Section::Costs);
        assert_eq!(section_of("trainees[2].salary_months[3].amount"), Section::Costs);
        assert_eq!(section_of("trainees[0].enrolled_on"), Section::Trainees);
        assert_eq!(section_of("trainees[0]"), Section::Trainees);
        assert_eq!(section_of("hospital.contact.phone"), Section::Hospital);
    }

    #[test]
    fn a_complete_example_is_ready() {
        let review = review(&example("sakura-hospital.json"));
        assert!(review.is_ready(), "{:#?}", review.findings);
        assert_eq!(review.applied_total, Yen::new(2_300_000));
    }

    #[test]
    fn the_training_program_is_ready_without_trainees_or_beds() {
        let review = review(&example("kanwa-training/keyaki-hospital.json"));
        assert!(review.is_ready(), "{:#?}", review.findings);
        assert_eq!(review.applied_total, Yen::new(1_040_000));
    }

    #[test]
    fn a_blank_address_and_representative_stop_a_final_application() {
        let mut case = example("sakura-hospital.json");
        case.hospital.address = None;
        case.hospital.representative = Some(" ".into());
        let review = review(&case);
        assert!(!review.is_ready());
        let paths: Vec<&str> = review.errors().filter_map(|f| f.path.as_deref()).collect();
        assert!(paths.contains(&"hospital.address") && paths.contains(&"hospital.representative"), "{paths:?}");
        assert!(review.errors().any(|f| f.message == "所在地が入力されていません"));
    }

    #[test]
    fn receipts_outside_the_year_or_without_a_payee_are_pointed_at() {
        let mut case = example("reports/sakura-hospital-report.json");
        assert!(review(&case).warnings().all(|f| !f.message.contains("支払")), "the example is clean");
        case.trainees[0].receipts[1].paid_on = chrono::NaiveDate::from_ymd_opt(2025, 4, 10).unwrap();
        case.trainees[0].receipts[2].payee = String::new();
        let review = review(&case);
        let paths: Vec<&str> = review.warnings().filter_map(|f| f.path.as_deref()).collect();
        assert!(paths.contains(&"trainees[0].receipts[1]") && paths.contains(&"trainees[0].receipts[2]"), "{paths:?}");
        assert!(review.warnings().any(|f| f.message.contains("令和6年度の外")));
    }

    #[test]
    fn a_report_says_each_trainees_course_status_and_completion_date() {
        let mut case = example("reports/sakura-hospital-report.json");
        assert!(review(&case).is_ready(), "{:#?}", review(&case).findings);
        case.trainees[0].report.completed_on = None;
        let paths: Vec<String> = review(&case).errors().filter_map(|f| f.path.clone()).collect();
        assert_eq!(paths, ["trainees[0].report.completed_on"]);
        case.trainees[0].report.course_status = None;
        let errors: Vec<String> = review(&case).errors().map(|f| f.message.clone()).collect();
        assert!(errors.iter().any(|m| m.contains("受講状況")), "{errors:?}");
        case.trainees[0].report.course_status = Some(crate::case::CourseStatus::Withdrawn);
        // A withdrawal leaves the year's course uncompleted: her 受講料 no longer counts (review/receipts.rs).
        case.trainees[0].tuition_completed_in_year = false;
        let review = review(&case);
        assert!(review.is_ready());
        assert!(review.warnings().any(|f| f.message.contains("中途退学") && f.message.contains("人件費")));
    }

    #[test]
    fn an_application_is_not_asked_for_a_course_status() {
        assert!(review(&example("sakura-hospital.json")).findings.iter().all(|f| !f.message.contains("受講状況")));
    }

    #[test]
    fn a_trainee_who_is_not_eligible_is_shown_apart_and_not_added_to_the_total() {
        let mut case = example("sakura-hospital.json");
        let mut late = case.trainees[0].clone();
        late.name = "看護 次郎".into();
        late.enrolled_on = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(); // T2: before 令和6年度
        case.trainees.push(late);
        let review = review(&case);
        assert_eq!(review.applied_total, Yen::new(2_300_000));
        assert_eq!(review.excluded.len(), 1);
        assert_eq!(review.excluded[0].name, "看護 次郎");
        assert!(review.excluded[0].subsidy > Yen::ZERO);
        assert!(!review.is_ready());
    }
}
