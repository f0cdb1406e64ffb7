//! A trainee's 実績報告 beyond the amounts (受講状況, 修了年月日, 認定年月日, 事業の成果): edited only on a report
//! case, as typed (修了 or `completed`, 和暦 dates); a blank text clears the field.

use serde::{Deserialize, Serialize};

use super::{Change, EditError};
use crate::case::{Case, CourseStatus, Stage};
use crate::limits::MAX_LONG_TEXT;
use crate::typed_input::parse_date;

/// A field of a trainee's 実績報告.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum TraineeReportField {
    /// 受講状況: 在学中・修了・中途退学
    Status,
    /// 修了年月日
    CompletedOn,
    /// 認定年月日
    CertifiedOn,
    /// 事業の成果
    Outcome,
}

impl TraineeReportField {
    /// The field below `trainees[i].report`.
    pub fn id(self) -> &'static str {
        match self {
            TraineeReportField::Status => "course_status",
            TraineeReportField::CompletedOn => "completed_on",
            TraineeReportField::CertifiedOn => "certified_on",
            TraineeReportField::Outcome => "outcome",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            TraineeReportField::Status => "受講状況",
            TraineeReportField::CompletedOn => "修了年月日",
            TraineeReportField::CertifiedOn => "認定年月日",
            TraineeReportField::Outcome => "事業の成果",
        }
    }
}

pub fn set_field(case: &mut Case, index: usize, field: TraineeReportField, text: &str) -> Result<Change, EditError> {
    let path = format!("trainees[{index}].report.{}", field.id());
    if case.stage != Stage::Report {
        return Err(EditError::at(
            path,
            format!(
                "{}は実績報告に入力します。申請の状態を「実績報告作成中」にしてから入力してください",
                field.label()
            ),
        ));
    }
    let trainee = case.trainees.get_mut(index).ok_or_else(|| {
        EditError::at(format!("trainees[{index}]"), "その受講者はもういません。画面を開き直してください")
    })?;
    let typed = text.trim();
    let report = &mut trainee.report;
    let date = || -> Result<Option<chrono::NaiveDate>, EditError> {
        if typed.is_empty() {
            return Ok(None);
        }
        parse_date(typed).map(Some).map_err(|error| EditError::at(&path, format!("{}: {error}", field.label())))
    };
    match field {
        TraineeReportField::Status => {
            report.course_status = if typed.is_empty() {
                None
            } else {
                let status =
                    CourseStatus::ALL.into_iter().find(|status| status.id() == typed || status.label() == typed);
                Some(status.ok_or_else(|| {
                    EditError::at(
                        &path,
                        format!("受講状況「{typed}」は選べません。在学中・修了・中途退学のどれかを選んでください"),
                    )
                })?)
            };
        }
        TraineeReportField::CompletedOn => report.completed_on = date()?,
        TraineeReportField::CertifiedOn => report.certified_on = date()?,
        TraineeReportField::Outcome => {
            if typed.chars().count() > MAX_LONG_TEXT {
                return Err(EditError::at(
                    &path,
                    format!("事業の成果が長すぎます（{MAX_LONG_TEXT}文字まで）。短くしてください"),
                ));
            }
            report.outcome = (!typed.is_empty()).then(|| typed.to_string());
        }
    }
    Ok(Change::TraineeReport { index })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::{Hospital, sample_trainee};
    use crate::edit::{CaseEdit, apply};
    use crate::fiscal_year::FiscalYear;

    fn report_case() -> Case {
        let mut case = Case::new(
            "kanwa-nurse",
            FiscalYear::new(2024),
            Hospital { name: "さくら病院".into(), ..Default::default() },
        );
        case.trainees.push(sample_trainee());
        case.stage = Stage::Report;
        case.decision = Some(crate::case::Decision {
            decided_on: chrono::NaiveDate::from_ymd_opt(2024, 7, 1).unwrap(),
            number: "6保医政第1234号".into(),
            amount: crate::money::Yen::new(1),
        });
        case
    }

    fn set(case: &mut Case, field: TraineeReportField, text: &str) -> Result<Change, EditError> {
        apply(case, &CaseEdit::SetTraineeReport { index: 0, field, text: text.into() })
    }

    #[test]
    fn a_report_takes_the_status_dates_and_outcome_as_typed() {
        let mut case = report_case();
        assert_eq!(set(&mut case, TraineeReportField::Status, "修了"), Ok(Change::TraineeReport { index: 0 }));
        set(&mut case, TraineeReportField::CompletedOn, "令和7年3月14日").unwrap();
        set(&mut case, TraineeReportField::Outcome, " 緩和ケアの院内研修を開いた ").unwrap();
        let report = &case.trainees[0].report;
        assert_eq!(report.course_status, Some(CourseStatus::Completed));
        assert_eq!(report.completed_on, chrono::NaiveDate::from_ymd_opt(2025, 3, 14));
        assert_eq!(report.outcome.as_deref(), Some("緩和ケアの院内研修を開いた"));
        set(&mut case, TraineeReportField::Outcome, "").unwrap();
        assert_eq!(case.trainees[0].report.outcome, None, "a blank clears");
        set(&mut case, TraineeReportField::CompletedOn, " ").unwrap();
        set(&mut case, TraineeReportField::Status, "withdrawn").unwrap();
        assert_eq!(case.trainees[0].report.course_status, Some(CourseStatus::Withdrawn));
    }

    #[test]
    fn bad_texts_are_refused_naming_the_field_and_nothing_changes() {
        let mut case = report_case();
        let before = case.clone();
        let error = set(&mut case, TraineeReportField::Status, "卒業").unwrap_err();
        assert_eq!(error.path, "trainees[0].report.course_status");
        assert!(error.message.contains("在学中・修了・中途退学"), "{error}");
        let error = set(&mut case, TraineeReportField::CertifiedOn, "そのうち").unwrap_err();
        assert!(error.message.starts_with("認定年月日"), "{error}");
        assert_eq!(case, before);
    }

    #[test]
    fn an_application_takes_no_report() {
        let mut case = report_case();
        case.stage = Stage::Application;
        case.decision = None;
        let error = set(&mut case, TraineeReportField::Status, "修了").unwrap_err();
        assert!(error.message.contains("実績報告作成中"), "{error}");
    }
}
