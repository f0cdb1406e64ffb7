//! What to do next and by when. The due dates are choices (docs/rules.md, 「期限」): the 変更交付申請 before the 年度
//! ends (3月31日), the 実績報告 by 4月10日 of the next 年度 — the common wording of prefectural 要綱; Tokyo's own is
//! not public in a machine-readable form, so an official date is a change here only.

use chrono::NaiveDate;
use serde::Serialize;

use crate::era::format_date;
use crate::fiscal_year::FiscalYear;

use super::step::StepKind;
use super::{Lifecycle, Status};

/// One thing to do next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NextStep {
    pub step: StepKind,
    /// 「交付決定を記録する」
    pub label: String,
    /// The day it is due, when there is one.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub due: Option<NaiveDate>,
    /// `today` is past `due`.
    pub overdue: bool,
    /// When and why, in a sentence.
    pub explanation: String,
}

/// 変更交付申請: before the 年度 ends (choice).
pub fn change_request_due(year: FiscalYear) -> NaiveDate {
    year.last_day()
}

/// 実績報告: by 4月10日 of the next 年度 (choice).
pub fn report_due(year: FiscalYear) -> NaiveDate {
    NaiveDate::from_ymd_opt(year.starting_year().saturating_add(1), 4, 10).unwrap_or(NaiveDate::MAX)
}

impl Lifecycle {
    /// What to do next for the application of `year`, with the due dates, `today` deciding what is overdue.
    pub fn next_steps(&self, year: FiscalYear, today: NaiveDate) -> Vec<NextStep> {
        let step = |step: StepKind, due: Option<NaiveDate>, explanation: String| NextStep {
            step,
            label: step.label().to_string(),
            due,
            overdue: due.is_some_and(|due| today > due),
            explanation,
        };
        let report = report_due(year);
        let change = change_request_due(year);
        let received = || {
            step(
                StepKind::SetReceived,
                None,
                "概算払で受け取った額があれば記録します。精算の差引過不足額はこの額から計算します".to_string(),
            )
        };
        match self.status {
            Status::Draft => vec![step(
                StepKind::Submit,
                None,
                "申請書を提出したら、提出日を記録します。提出した内容が計画として保存され、内容は変えられなくなります"
                    .to_string(),
            )],
            Status::Submitted => vec![step(
                StepKind::RecordDecision,
                None,
                "交付決定通知書が届いたら、決定日・文書番号・交付決定額を通知書のとおりに記録します".to_string(),
            )],
            Status::Decided => vec![
                step(
                    StepKind::StartReport,
                    Some(report),
                    format!("領収書は年度の途中から入力できます。実績報告は{}までに提出します", format_date(report)),
                ),
                step(
                    StepKind::RequestChange,
                    Some(change),
                    format!(
                        "受講者の追加・中止や、経費が交付決定額を超える見込みになったときは、{}までに変更交付申請をします",
                        format_date(change)
                    ),
                ),
                received(),
            ],
            Status::ChangeRequested => vec![
                step(
                    StepKind::RecordChangeDecision,
                    None,
                    "変更交付決定通知書が届いたら、その金額が新しい交付決定額になります".to_string(),
                ),
                received(),
            ],
            Status::Reporting => vec![
                step(
                    StepKind::SubmitReport,
                    Some(report),
                    format!(
                        "実際に支払った額と受講状況を入れ、{}までに実績報告を提出します。提出した報告は保存され、変えられなくなります",
                        format_date(report)
                    ),
                ),
                received(),
            ],
            Status::Reported => vec![step(
                StepKind::RecordConfirmation,
                None,
                "額の確定通知が届いたら、日付・文書番号・確定額を記録します".to_string(),
            )],
            Status::Settled => Vec::new(),
        }
    }
}
