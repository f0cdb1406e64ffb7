//! `hojo db status` and `hojo db step`: the application's life from the command line — where it stands, what
//! to do next and by when, and one step as typed (the library reads the texts: 和暦, full-width digits).

use clap::{Args, ValueEnum};
use hojo::fiscal_year::FiscalYear;
use hojo::lifecycle::{Lifecycle, LifecycleStep, NextStep};
use serde::Serialize;

use super::InputError;

/// Which step (`--kind`), with the texts it needs.
#[derive(Args)]
pub struct StepArgs {
    /// 操作: submit（提出）, decision（交付決定）, request-change（変更交付申請）, change-decision（変更交付決定）,
    /// start-report（実績報告を始める）, received（受入済額）, report（実績報告の提出）, confirmation（確定通知）,
    /// back（ひとつ前に戻す）
    #[arg(long, value_enum)]
    kind: Kind,
    /// 日付（提出日・決定日・申請日・実績報告日・確定通知の日付）: 令和6年7月1日、R6.7.1、2024-07-01
    #[arg(long)]
    on: Option<String>,
    /// 文書番号（通知書のとおり）
    #[arg(long)]
    number: Option<String>,
    /// 金額（交付決定額・変更交付決定額・受入済額・確定額）
    #[arg(long)]
    amount: Option<String>,
    /// 変更の理由（変更交付申請）
    #[arg(long)]
    reason: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Kind {
    Submit,
    Decision,
    RequestChange,
    ChangeDecision,
    StartReport,
    Received,
    Report,
    Confirmation,
    Back,
}

impl StepArgs {
    /// The step with its texts; a missing one is said with the option to add.
    pub fn into_step(self) -> Result<LifecycleStep, InputError> {
        let StepArgs { kind, on, number, amount, reason } = self;
        let need = |value: Option<String>, option: &str, what: &str| {
            value.ok_or_else(|| InputError(format!("{what}を {option} で指定してください (missing {option})")))
        };
        let on = || need(on.clone(), "--on", "日付");
        let number = || need(number.clone(), "--number", "文書番号");
        let amount = || need(amount.clone(), "--amount", "金額");
        Ok(match kind {
            Kind::Submit => LifecycleStep::Submit { submitted_on: on()? },
            Kind::Decision => LifecycleStep::RecordDecision { decided_on: on()?, number: number()?, amount: amount()? },
            Kind::RequestChange => LifecycleStep::RequestChange {
                requested_on: on()?,
                reason: need(reason.clone(), "--reason", "変更の理由")?,
            },
            Kind::ChangeDecision => {
                LifecycleStep::RecordChangeDecision { decided_on: on()?, number: number()?, amount: amount()? }
            }
            Kind::StartReport => LifecycleStep::StartReport,
            Kind::Received => LifecycleStep::SetReceived { amount: amount()? },
            Kind::Report => LifecycleStep::SubmitReport { reported_on: on()? },
            Kind::Confirmation => {
                LifecycleStep::RecordConfirmation { confirmed_on: on()?, number: number()?, amount: amount()? }
            }
            Kind::Back => LifecycleStep::StepBack,
        })
    }
}

/// What `hojo db status` prints.
#[derive(Serialize)]
pub struct StatusView<'a> {
    status_label: &'static str,
    #[serde(flatten)]
    lifecycle: &'a Lifecycle,
    next_steps: Vec<NextStep>,
}

pub fn status<'a>(
    lifecycle: &'a Lifecycle,
    year: FiscalYear,
    today: Option<&str>,
) -> Result<StatusView<'a>, InputError> {
    let today = match today {
        Some(text) => {
            hojo::typed_input::parse_date(text).map_err(|error| InputError(format!("--today: {error} (not a date)")))?
        }
        None => chrono::Local::now().date_naive(),
    };
    Ok(StatusView { status_label: lifecycle.status.label(), lifecycle, next_steps: lifecycle.next_steps(year, today) })
}
