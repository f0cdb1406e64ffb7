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
