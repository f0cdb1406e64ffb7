//! 書類作成's list: what is missing or wrong before the workbook goes to 東京都, each pointing at the field to fix.

use hojo::calc::Calculation;
use hojo::case::{Case, Problem};
use hojo::eligibility::{Eligibility, Verdict};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The application cannot be submitted as it is.
    Error,
    /// Worth checking; the workbook can still be written.
    Warning,
}

/// Which screen holds the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Screen {
    Hospital,
    Eligibility,
    Trainees,
    Costs,
    Calculation,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Finding {
    pub severity: Severity,
    pub message: String,
    pub screen: Screen,
    /// The field as a case-file JSON path (`hospital.address`, `trainees[0].tuition`).
    pub path: Option<String>,
}

impl Finding {
    fn error(screen: Screen, path: Option<String>, message: impl Into<String>) -> Finding {
        Finding { severity: Severity::Error, message: message.into(), screen, path }
    }

    fn warning(screen: Screen, path: Option<String>, message: impl Into<String>) -> Finding {
        Finding { severity: Severity::Warning, message: message.into(), screen, path }
    }
}

pub fn review(
    case: &Case,
    problems: &[Problem],
    eligibility: Option<&Eligibility>,
    calculation: Option<&Calculation>,
) -> Vec<Finding> {
    let mut findings: Vec<Finding> = problems
        .iter()
        .map(|problem| Finding::error(screen_of(&problem.path), Some(problem.path.clone()), problem.message_ja.clone()))
        .collect();
    missing_hospital_fields(case, &mut findings);
    if case.trainees.is_empty() {
        findings.push(Finding::error(
            Screen::Trainees,
            None,
            "受講者が登録されていません。「受講者」で追加してください",
        ));
    }
    for (index, trainee) in case.trainees.iter().enumerate() {
        if trainee.institution.as_deref().is_none_or(|text| text.trim().is_empty()) {
            findings.push(Finding::error(
                Screen::Trainees,
                Some(format!("trainees[{index}].institution")),
                format!("{}さんの教育機関名が空です", trainee.name),
            ));
        }
    }
    if let Some(eligibility) = eligibility {
        for check in &eligibility.checks {
            push_check(&mut findings, check.verdict, Screen::Eligibility, None, check.reason.clone());
        }
        for (index, trainee) in eligibility.trainees.iter().enumerate() {
            for check in &trainee.checks {
                let message = format!("{}: {}", trainee.name, check.reason);
                push_check(&mut findings, check.verdict, Screen::Trainees, Some(format!("trainees[{index}]")), message);
            }
        }
    }
    if let Some(calculation) = calculation {
        for (index, row) in calculation.rows.iter().enumerate() {
            for warning in &row.warnings {
                findings.push(Finding::warning(
                    Screen::Costs,
                    Some(format!("trainees[{index}]")),
                    format!("{}: {warning}", row.name),
                ));
            }
        }
    }
    findings
}

fn push_check(findings: &mut Vec<Finding>, verdict: Verdict, screen: Screen, path: Option<String>, reason: String) {
    match verdict {
        Verdict::Met => {}
        Verdict::NotMet => findings.push(Finding::error(screen, path, reason)),
        Verdict::NeedsConfirmation => findings.push(Finding::warning(screen, path, reason)),
    }
}

fn missing_hospital_fields(case: &Case, findings: &mut Vec<Finding>) {
    let hospital = &case.hospital;
    let empty = |value: Option<&String>| value.is_none_or(|text| text.trim().is_empty());
    let contact = hospital.contact.clone().unwrap_or_default();
    let required: [(&str, bool, &str); 9] = [
        ("hospital.address", empty(hospital.address.as_ref()), "所在地"),
        ("hospital.prefecture_code", hospital.prefecture_code.is_none(), "都道府県"),
        ("hospital.founder_type", hospital.founder_type.is_none(), "開設者の種別"),
        ("hospital.beds", hospital.beds.is_none(), "病床数"),
        ("hospital.representative", empty(hospital.representative.as_ref()), "代表者職氏名"),
        ("hospital.purpose", empty(hospital.purpose.as_ref()), "事業の目的及び効果"),
        ("hospital.contact.department", empty(contact.department.as_ref()), "担当者の所属"),
        ("hospital.contact.name", empty(contact.name.as_ref()), "担当者の氏名"),
        ("hospital.contact.phone", empty(contact.phone.as_ref()), "担当者の電話番号"),
    ];
    for (path, missing, label) in required {
        if missing {
            findings.push(Finding::error(
                Screen::Hospital,
                Some(path.to_string()),
                format!("{label}が入力されていません"),
            ));
        }
    }
}

/// The screen where a case-file path is edited.
pub fn screen_of(path: &str) -> Screen {
    const COST_FIELDS: [&str; 11] = [
        "admission",
        "tuition",
        "tuition_completed_in_year",
        "exam_fee",
        "registration_fee",
        "certified",
        "salary",
        "salary_kind",
        "salary_months",
        "other_costs",
        "other_income",
    ];
    if path.starts_with("trainees[") {
        let field = path.split('.').nth(1).unwrap_or("");
        let field = field.split('[').next().unwrap_or(field);
        if COST_FIELDS.contains(&field) || field == "prior_years_standard_used" || field == "prior_items" {
            Screen::Costs
        } else {
            Screen::Trainees
        }
    } else {
        Screen::Hospital
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cost_fields_link_to_the_cost_screen_and_others_to_their_own() {
        assert_eq!(screen_of("trainees[0].tuition"), Screen::Costs);
        assert_eq!(screen_of("trainees[2].salary_months[3].amount"), Screen::Costs);
        assert_eq!(screen_of("trainees[0].enrolled_on"), Screen::Trainees);
        assert_eq!(screen_of("hospital.contact.phone"), Screen::Hospital);
    }
}
