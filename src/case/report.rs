//! What a 実績報告 adds to a case (settlement.md): the stage, the 交付決定 it reports on, what the 都 has paid
//! already, and each trainee's receipts.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::money::Yen;
use crate::program::CostItem;

/// What a case is: the application (the plan of the 年度) or its 実績報告 (the actual amounts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Stage {
    #[default]
    Application,
    Report,
}

impl Stage {
    pub fn is_application(&self) -> bool {
        *self == Stage::Application
    }
}

/// 交付決定通知書 (or the latest 変更交付決定): its date, document number and amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Decision {
    /// 決定日
    #[serde(with = "super::dates::required")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub decided_on: NaiveDate,
    /// 文書番号: 6保医政第1234号
    pub number: String,
    /// 交付決定額 K
    pub amount: Yen,
}

/// One payment as the receipt shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Receipt {
    pub item: CostItem,
    /// 支払日
    #[serde(with = "super::dates::required")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub paid_on: NaiveDate,
    /// 支払先
    #[serde(default)]
    pub payee: String,
    /// 内容（但し書き）: 前期授業料
    #[serde(default)]
    pub description: String,
    pub amount: Yen,
}

/// 受講状況 at the end of the 年度, as the 事業実績書 reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum CourseStatus {
    /// 在学中（受講中）
    Enrolled,
    /// 修了
    Completed,
    /// 中途退学（中止）
    Withdrawn,
}

impl CourseStatus {
    pub const ALL: [CourseStatus; 3] = [CourseStatus::Enrolled, CourseStatus::Completed, CourseStatus::Withdrawn];

    pub fn id(self) -> &'static str {
        match self {
            CourseStatus::Enrolled => "enrolled",
            CourseStatus::Completed => "completed",
            CourseStatus::Withdrawn => "withdrawn",
        }
    }

    /// 在学中 / 修了 / 中途退学
    pub fn label(self) -> &'static str {
        match self {
            CourseStatus::Enrolled => "在学中",
            CourseStatus::Completed => "修了",
            CourseStatus::Withdrawn => "中途退学",
        }
    }

    pub fn from_id(id: &str) -> Option<CourseStatus> {
        CourseStatus::ALL.into_iter().find(|status| status.id() == id)
    }
}

/// What a trainee's 実績報告 says beyond the amounts: where her course stands, when she finished and was
/// certified, and what the 年度 achieved (事業の成果).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TraineeReport {
    /// 受講状況 at the end of the 年度
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub course_status: Option<CourseStatus>,
    /// 修了年月日
    #[serde(default, skip_serializing_if = "Option::is_none", with = "super::dates::optional")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub completed_on: Option<NaiveDate>,
    /// 認定年月日 (none: 結果待ち or not yet examined)
    #[serde(default, skip_serializing_if = "Option::is_none", with = "super::dates::optional")]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub certified_on: Option<NaiveDate>,
    /// 事業の成果
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
}

impl TraineeReport {
    pub fn is_empty(&self) -> bool {
        *self == TraineeReport::default()
    }
}
