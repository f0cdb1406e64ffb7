//! Reading a 変更交付申請書 back: both plans from the hidden sheets, the reason from its fill-in cell (it may have
//! been reworded in Excel), and the 変更前交付決定額 checked against the decision the 変更後 plan holds.

use super::layout::{AFTER, BEFORE, FORM};
use crate::case::Case;
use crate::workbook::case_sheet;
use crate::workbook::read::cells::Sheet;
use crate::workbook::read::{ImportError, Opened, load, read_with};

/// A 変更交付申請 as its workbook holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeRequest {
    /// 変更前: the plan the 交付決定 rests on.
    pub before: Case,
    /// 変更後: the new plan, with the decision it changes.
    pub after: Case,
    /// 変更の理由
    pub reason: String,
}

pub(crate) fn is_change_request(names: &[String]) -> bool {
    names.iter().any(|name| name == AFTER.name)
}

/// Reads a 変更交付申請書 Hojo wrote.
///
/// # Errors
/// Not an xlsx, damaged, not a 変更交付申請書 of Hojo, a hidden sheet damaged, or an amount changed in Excel.
pub fn read_change_request(bytes: &[u8]) -> Result<ChangeRequest, ImportError> {
    let mut request = None;
    read_with(bytes, |workbook, names| {
        let found = read_request(workbook, names)?;
        let after = found.after.clone();
        request = Some(found);
        Ok(after)
    })?;
    request.ok_or_else(|| ImportError::MissingSheet(AFTER.name.to_string()))
}

/// The 変更後 plan of a 変更交付申請書 (what `workbook::read` gives).
pub(crate) fn read_after(workbook: &mut Opened, names: &[String]) -> Result<Case, ImportError> {
    read_request(workbook, names).map(|request| request.after)
}

fn read_request(workbook: &mut Opened, names: &[String]) -> Result<ChangeRequest, ImportError> {
    let mut sheet = |name: &'static str| -> Result<Sheet, ImportError> {
        if !names.iter().any(|sheet| sheet == name) {
            return Err(ImportError::MissingSheet(name.to_string()));
        }
        load(workbook, name).map(|(cells, uncached)| Sheet::new(name, cells, uncached))
    };
    let after = case_sheet::read(&sheet(AFTER.name)?, &AFTER)?;
    let before = case_sheet::read(&sheet(BEFORE.name)?, &BEFORE)?;
    let form = sheet(FORM.name)?;
    let reason = form.text(FORM.reason)?.unwrap_or_default().trim().to_string();
    if let Some(decision) = &after.decision {
        let shown = form.amount(FORM.decided)?;
        if shown != decision.amount {
            return Err(ImportError::Cell {
                sheet: form.name().to_string(),
                cell: FORM.decided.a1(),
                message: format!(
                    "変更前交付決定額が {} に書き換えられています（Hojo の記録では {}）。交付決定額は Hojo で直してから作り直してください (an amount was changed in the workbook)",
                    shown.format_yen(),
                    decision.amount.format_yen()
                ),
            });
        }
    }
    Ok(ChangeRequest { before, after, reason })
}
