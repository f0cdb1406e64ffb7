//! What every screen shows, computed in one place after every change: the case, its checks, its 算定 and what
//! is still missing. The screens never compute a figure themselves.

use hojo::calc::{Calculation, calculate};
use hojo::case::Case;
use hojo::eligibility::{Eligibility, evaluate};
use hojo::money::Yen;
use hojo::review::{ExcludedRow, Finding, review_with};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
pub struct Snapshot {
    /// The open application; `None` until one is started or imported.
    pub case: Option<Case>,
    pub eligibility: Option<Eligibility>,
    pub calculation: Option<Calculation>,
    /// What is missing or wrong before the workbook can be submitted (the library's review, which `hojo
    /// export` prints too).
    pub findings: Vec<Finding>,
    /// 交付申請額: the 補助所要額 (I) of the rows whose trainee is eligible; `None` without a 算定.
    pub applied_total: Option<Yen>,
    /// Rows left out of the 交付申請額 (their trainee is 対象外), with their I shown apart.
    pub excluded: Vec<ExcludedRow>,
    /// Where the data is kept.
    pub storage: Storage,
    /// 状態 of the open application in the database; `None` without one (in memory).
    pub status: Option<hojo::lifecycle::Status>,
    /// Why the figures cannot be edited now and the way out (提出済, 交付決定, 実績報告済, 確定); `None` when they can.
    pub frozen: Option<String>,
}

/// Where personal data lives, shown on はじめに and 設定.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Storage {
    /// The database file (names, salaries: personal data).
    pub database: String,
    /// The folder of the automatic backups.
    pub backups: String,
    /// Whether the data survives closing the app.
    pub persistent: bool,
    /// Why the database could not be used, when it could not.
    pub problem: Option<String>,
}

pub fn snapshot(case: Option<&Case>, storage: Storage) -> Snapshot {
    let Some(case) = case else {
        return Snapshot {
            case: None,
            eligibility: None,
            calculation: None,
            findings: Vec::new(),
            applied_total: None,
            excluded: Vec::new(),
            storage,
            status: None,
            frozen: None,
        };
    };
    // A case the store hands back is valid; still, a broken one is shown with its problems, never hidden.
    let eligibility = evaluate(case).ok();
    let calculation = calculate(case).ok();
    let review = review_with(case, eligibility.as_ref(), calculation.as_ref());
    let applied_total = calculation.as_ref().map(|_| review.applied_total);
    Snapshot {
        case: Some(case.clone()),
        eligibility,
        calculation,
        findings: review.findings,
        applied_total,
        excluded: review.excluded,
        storage,
        status: None,
        frozen: None,
    }
}

/// The hospital filled from the 名簿 (or, on a dry run, as it would be), what that changes (before → after, for the
/// user to see before replacing), and what its name suggests about the 開設者 (to confirm, never assumed).
#[derive(Debug, Clone, Serialize, TS)]
pub struct MeiboApplied {
    pub snapshot: Snapshot,
    pub changes: Vec<hojo::meibo::ProfileChange>,
    pub founder_hint: Option<String>,
}
