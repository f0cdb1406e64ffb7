//! The program's choices and figures the forms show (資格, 開設者, 経費 and their 基準額), read from the
//! program data so the screens never spell a rule themselves.

use hojo::case::FounderType;
use hojo::fiscal_year::FiscalYear;
use hojo::money::Yen;
use hojo::program::{Program, Qualification};
use serde::Serialize;
use ts_rs::TS;

use crate::error::AppResult;

#[derive(Debug, Clone, Serialize, TS)]
pub struct Choice {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ItemInfo {
    pub id: hojo::program::ItemId,
    pub label: String,
    pub standard: Option<Yen>,
    pub once: bool,
    /// The flag that must be on for the amount to count: `tuition_completed_in_year`, `certified`.
    pub counted_when: Option<hojo::program::FlagId>,
    pub monthly: bool,
}

/// A yes/no fact an item is counted by, worded by the program data (the 受講料 tick: this 年度's part of the
/// course completed within the 年度, not the whole course).
#[derive(Debug, Clone, Serialize, TS)]
pub struct FlagInfo {
    pub id: hojo::program::FlagId,
    pub label: String,
    pub hint: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ProgramInfo {
    pub name: String,
    pub first_fiscal_year: FiscalYear,
    pub qualifications: Vec<Qualification>,
    pub founder_types: Vec<Choice>,
    pub items: Vec<ItemInfo>,
    pub flags: Vec<FlagInfo>,
    /// 基準額 総額 per trainee over all 年度 (12,300,000円).
    pub lifetime_cap: Option<Yen>,
}

pub fn program_info(program_id: &str, year: Option<FiscalYear>) -> AppResult<ProgramInfo> {
    let program = Program::get(program_id)?;
    let rules = program.rules_for(year.unwrap_or(program.first_fiscal_year))?;
    Ok(ProgramInfo {
        name: program.name.clone(),
        first_fiscal_year: program.first_fiscal_year,
        qualifications: rules.qualifications.clone(),
        founder_types: FounderType::ALL
            .iter()
            .map(|f| Choice { id: f.id().to_string(), label: f.label().to_string() })
            .collect(),
        items: rules
            .items
            .iter()
            .map(|item| ItemInfo {
                id: item.id,
                label: item.label.clone(),
                standard: item.standard,
                once: item.once,
                counted_when: item.counted_when,
                monthly: item.monthly,
            })
            .collect(),
        flags: rules
            .flags
            .iter()
            .map(|flag| FlagInfo { id: flag.id, label: flag.label.clone(), hint: flag.hint.clone() })
            .collect(),
        lifetime_cap: rules.lifetime_standard_per_row,
    })
}
