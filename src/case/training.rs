//! The form of a program whose row is the hospital itself (kanwa-training, case-file.md 「Program
//! kanwa-training」): its 研修会, the 対象経費 by item with their 積算内訳, other costs and other income.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::money::Yen;

/// A 緩和ケア研修会 the hospital holds (K2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Training {
    /// 研修会の名称
    pub title: String,
    /// 開催（予定）日
    #[serde(with = "super::dates::required")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub held_on: NaiveDate,
    /// 会場
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    /// 定員（受講予定者数）
    #[serde(default)]
    pub planned_participants: u32,
    /// 国の開催指針に準拠する
    #[serde(default)]
    pub follows_guideline: bool,
}

/// One line of an item's 積算内訳, as the 様式 prints it: 講師謝金 30,000円 × 4人.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WorkingLine {
    /// 講師謝金
    pub description: String,
    /// 単価
    pub unit_price: Yen,
    /// 数量
    pub quantity: u32,
    /// 単位: 人, 回, 部
    #[serde(default)]
    pub unit: String,
}

impl WorkingLine {
    /// 単価 × 数量, exact.
    pub fn amount(&self) -> Yen {
        Yen::new(self.unit_price.get().saturating_mul(i64::from(self.quantity)))
    }

    /// 講師謝金 30,000円×4人
    pub fn describe(&self) -> String {
        format!("{} {}×{}{}", self.description, self.unit_price.format_yen(), self.quantity, self.unit)
    }
}
