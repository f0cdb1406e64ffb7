//! The program's choices and figures the forms show (資格, 開設者, 経費 and their 基準額), read from the
//! program data so the screens never spell a rule themselves.

use hojo::case::FounderType;
use hojo::edit::HospitalField;
use hojo::fiscal_year::FiscalYear;
use hojo::money::Yen;
use hojo::program::{CheckId, DeclarationId, HospitalTest, Program, Qualification, RowKind};
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

/// A fact only the hospital can declare, asked on 病院情報 for the check that needs it (K1: 東京都がん診療連携協力病院の
/// 指定). `None` in the case is 「未回答」.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DeclarationInfo {
    pub field: HospitalField,
    pub check: CheckId,
    /// How the form names the field: 東京都がん診療連携協力病院の指定
    pub label: String,
    /// The answer the check needs.
    pub must_be: bool,
    /// What the check says when the answer is not that.
    pub when_not_met: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ProgramInfo {
    pub id: String,
    pub name: String,
    /// What the program pays for, in a sentence.
    pub summary: String,
    /// What one row of the 算定 is: a trainee (受講者, 受講者用 screens) or the hospital itself (研修会).
    pub row_kind: RowKind,
    pub first_fiscal_year: FiscalYear,
    /// How the forms name the row's other costs (A only) and other income (B).
    pub other_costs_label: String,
    pub other_income_label: String,
    /// 基準額 per row and 年度 over all items together (2,434,000円 per hospital), where the program sets one.
    pub yearly_standard: Option<Yen>,
    /// 補助率 as the 算定 shows it: 1/2, 10/10.
    pub subsidy_rate: String,
    /// Whether a check reads the 病床数 / the 届出: 病院情報 asks only for what the program's checks need.
    pub asks_beds: bool,
    pub asks_filings: bool,
    pub declarations: Vec<DeclarationInfo>,
    /// The checks about the 研修会 (K2), shown on 研修会.
    pub training_checks: Vec<CheckId>,
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
    let checks = &rules.hospital_checks;
    Ok(ProgramInfo {
        id: program.id.clone(),
        name: program.name.clone(),
        summary: program.summary.clone(),
        row_kind: program.row_kind,
        first_fiscal_year: program.first_fiscal_year,
        other_costs_label: program.other_costs_label.clone(),
        other_income_label: program.other_income_label.clone(),
        yearly_standard: rules.yearly_standard_per_row,
        subsidy_rate: rules.subsidy_rate.to_string(),
        asks_beds: checks.iter().any(|check| matches!(check.test, HospitalTest::MinimumBeds { .. })),
        asks_filings: checks.iter().any(|check| {
            matches!(check.test, HospitalTest::FilingRequired { .. } | HospitalTest::FilingForbidden { .. })
        }),
        declarations: checks
            .iter()
            .filter_map(|check| match check.test {
                HospitalTest::Declaration { field, must_be } => {
                    let field = declaration_field(field);
                    Some(DeclarationInfo {
                        field,
                        check: check.id,
                        label: field.label().to_string(),
                        must_be,
                        when_not_met: check.when_not_met.clone(),
                    })
                }
                _ => None,
            })
            .collect(),
        training_checks: checks
            .iter()
            .filter(|check| matches!(check.test, HospitalTest::TrainingHeld))
            .map(|check| check.id)
            .collect(),
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

/// The field of 病院情報 a declaration is entered in.
fn declaration_field(field: DeclarationId) -> HospitalField {
    match field {
        DeclarationId::EmploysQualifiedNurse => HospitalField::EmploysQualifiedNurse,
        DeclarationId::DesignatedCooperatingHospital => HospitalField::DesignatedCooperatingHospital,
    }
}

/// A program an application can be started for, as はじめに offers it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ProgramChoice {
    pub id: String,
    /// 東京都がん診療連携協力病院緩和ケア研修会事業
    pub name: String,
    pub summary: String,
    pub row_kind: RowKind,
    /// The first 年度 an application can be made for.
    pub first_fiscal_year: FiscalYear,
}

/// Every program this Hojo knows, in the order of its program data.
pub fn programs() -> Vec<ProgramChoice> {
    hojo::program::all()
        .iter()
        .map(|program| ProgramChoice {
            id: program.id.clone(),
            name: program.name.clone(),
            summary: program.summary.clone(),
            row_kind: program.row_kind,
            first_fiscal_year: program.first_fiscal_year,
        })
        .collect()
}
