//! Checks and wording every table shares: an amount within what Hojo can store, and yes/no as the history says it.
//! The bottom layer with error, ids and sql: it imports nothing of the store above it.

use super::error::{Result, StoreError};
use crate::limits::MAX_AMOUNT;
use crate::money::Yen;

pub(crate) fn check_amount(field: &'static str, label: &'static str, amount: Yen) -> Result<()> {
    if amount.is_negative() {
        return Err(StoreError::invalid(
            field,
            label,
            format!("{}はマイナスです。0円以上の金額を入力してください", amount.format_yen()),
        ));
    }
    if amount > MAX_AMOUNT {
        return Err(StoreError::invalid(
            field,
            label,
            format!(
                "{}は大きすぎます（1件 {} まで）。桁を確かめてください",
                amount.format_yen(),
                MAX_AMOUNT.format_yen()
            ),
        ));
    }
    Ok(())
}

pub(crate) fn yes_no(value: bool) -> String {
    if value { "はい".into() } else { "いいえ".into() }
}
