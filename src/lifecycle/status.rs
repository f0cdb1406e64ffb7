//! 状態 of an application through its 年度: 作成中 → 提出済 → 交付決定 (⇄ 変更交付申請中) → 実績報告作成中 → 実績報告済
//! → 確定 (docs/rules.md).

use serde::{Deserialize, Serialize};

/// 状態 of an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Status {
    /// 作成中: the plan, editable.
    #[default]
    Draft,
    /// 提出済: the plan frozen as submitted.
    Submitted,
    /// 交付決定: the decision recorded; the figures read-only.
    Decided,
    /// 変更交付申請中: the figures are the 変更後 plan, editable.
    ChangeRequested,
    /// 実績報告作成中: the figures are the actual amounts, editable.
    Reporting,
    /// 実績報告済: the report frozen.
    Reported,
    /// 確定: the 額の確定通知 recorded.
    Settled,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Draft,
        Status::Submitted,
        Status::Decided,
        Status::ChangeRequested,
        Status::Reporting,
        Status::Reported,
        Status::Settled,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Submitted => "submitted",
            Status::Decided => "decided",
            Status::ChangeRequested => "change_requested",
            Status::Reporting => "reporting",
            Status::Reported => "reported",
            Status::Settled => "settled",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Draft => "作成中",
            Status::Submitted => "提出済",
            Status::Decided => "交付決定",
            Status::ChangeRequested => "変更交付申請中",
            Status::Reporting => "実績報告作成中",
            Status::Reported => "実績報告済",
            Status::Settled => "確定",
        }
    }

    /// From its id (`submitted`) or its label (提出済).
    pub fn parse(text: &str) -> Option<Status> {
        let text = text.trim();
        Status::ALL.into_iter().find(|status| status.id() == text || status.label() == text)
    }

    /// The figures (the database's rows) may be edited: the plan, the 変更後 plan, or the actual amounts.
    pub fn is_editable(self) -> bool {
        matches!(self, Status::Draft | Status::ChangeRequested | Status::Reporting)
    }

    /// The case is a 実績報告 (stage report): from 実績報告作成中 on.
    pub fn is_report(self) -> bool {
        matches!(self, Status::Reporting | Status::Reported | Status::Settled)
    }

    /// The 年度's figures are the settled ones of its report (実績報告済, 確定): what the next 年度 carries and
    /// what counts in the 12,300,000円.
    pub fn has_settled_figures(self) -> bool {
        matches!(self, Status::Reported | Status::Settled)
    }

    /// Why the figures cannot be edited now and the way out, in Japanese; `None` when they can.
    pub fn edit_refusal(self) -> Option<String> {
        let way_out = match self {
            Status::Draft | Status::ChangeRequested | Status::Reporting => return None,
            Status::Submitted => {
                "直すには「作成中に戻す」で提出を取り消してください。交付決定の後に計画が変わったときは変更交付申請をしてください"
            }
            Status::Decided => {
                "計画が変わったときは「変更交付申請を始める」、実績を入れるときは「実績報告を始める」を選んでください"
            }
            Status::Reported => "直すには「実績報告作成中に戻す」で実績報告の提出を取り消してください",
            Status::Settled => {
                "確定した申請は変えられません。確定通知の記録を取り消すには「実績報告済に戻す」を選んでください"
            }
        };
        Some(format!("この申請は「{}」のため、内容を変えられません。{way_out}", self.label()))
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.label())
    }
}
