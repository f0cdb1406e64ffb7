//! Program definitions: each subsidy program is a data file embedded in the binary (`data/*.toml`), with its
//! rules by 年度. Code reads figures, symbols and wording from here and never spells them itself.

mod founder;
mod ids;

use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::fiscal_year::FiscalYear;
use crate::money::{Ratio, Yen};

pub use founder::FounderType;
pub use ids::{CheckId, CostItem, DeclarationId, FlagId, ItemId, OtherAmount};

const EMBEDDED: [(&str, &str); 2] = [
    ("kanwa-nurse", include_str!("data/kanwa-nurse.toml")),
    ("kanwa-training", include_str!("data/kanwa-training.toml")),
];

/// One subsidy program, as its data file describes it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    pub id: String,
    /// 東京都緩和ケア関連専門看護師等資格取得支援事業
    pub name: String,
    /// The name of the 補助金 as the 交付申請書 titles it.
    pub grant_name: String,
    pub authority: String,
    /// 宛先 of the 申請書: 東京都知事
    pub addressee: String,
    /// What one 算定 row is: a trainee (受講者) or the hospital itself.
    pub row_kind: RowKind,
    pub first_fiscal_year: FiscalYear,
    /// How the forms name a row's other costs (in A only) and its other income (B).
    pub other_costs_label: String,
    pub other_income_label: String,
    /// Rules by 年度, each in force from its `from_fiscal_year` until the next one.
    pub rules: Vec<Rules>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    Trainee,
    Hospital,
}

/// The rules in force from one 年度 on.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    pub from_fiscal_year: FiscalYear,
    /// 補助率
    pub subsidy_rate: Ratio,
    /// I is rounded down to a multiple of this (1,000円: 千円未満切捨て).
    pub rounding_unit: i64,
    /// 基準額 総額 per row over all 年度 (12,300,000円 per trainee), if the program has one.
    #[serde(default)]
    pub lifetime_standard_per_row: Option<Yen>,
    /// 基準額 per row and 年度 over all items together, if the program sets one (2,434,000円 per hospital).
    #[serde(default)]
    pub yearly_standard_per_row: Option<Yen>,
    /// Courses entered before this date are not covered (令和6年度入学分から).
    #[serde(default)]
    pub first_enrollment_date: Option<NaiveDate>,
    pub items: Vec<ItemRule>,
    /// The facts `counted_when` names, with their wording.
    #[serde(default)]
    pub flags: Vec<FlagRule>,
    #[serde(default)]
    pub qualifications: Vec<Qualification>,
    pub hospital_checks: Vec<HospitalCheckRule>,
}

/// One 対象経費 item and its 基準額.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ItemRule {
    pub id: ItemId,
    pub label: String,
    /// 基準額 per 年度; `None` where only the row's own 基準額 limits the item.
    #[serde(default)]
    pub standard: Option<Yen>,
    /// Claimable once per row over all 年度 (入学料, 認定審査料, 認定登録料).
    #[serde(default)]
    pub once: bool,
    /// The flag that must be true for the amount to count (e.g. `certified`).
    #[serde(default)]
    pub counted_when: Option<FlagId>,
    /// Paid by month; only months inside both the course and the 年度 count.
    #[serde(default)]
    pub monthly: bool,
    /// Counted in the trainee's 認定審査 年度 when it comes after the course (T3): 認定審査料・認定登録料.
    /// Every other item counts 0 in such a 年度, whatever was entered.
    #[serde(default)]
    pub after_course: bool,
    /// 備考 when the flag is false: 「認定後に計上」
    #[serde(default)]
    pub note_when_not_counted: Option<String>,
    /// 備考 when the flag is true: 「年度内修了予定」
    #[serde(default)]
    pub note_when_counted: Option<String>,
    /// The same 備考 in a 実績報告, which says what happened (「本年度分の課程を年度内に修了」); `None` keeps
    /// `note_when_counted`.
    #[serde(default)]
    pub report_note_when_counted: Option<String>,
}

/// A yes/no fact of a row an item is counted by, as the forms ask it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FlagRule {
    pub id: FlagId,
    /// The question as the form asks it.
    pub label: String,
    /// What it changes, shown under the question.
    pub hint: String,
}

/// 対象資格
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Qualification {
    pub id: String,
    pub label: String,
    /// 課程
    pub course: String,
}

/// One hospital check (H1…, X1…) and the data it compares against. (serde cannot deny unknown fields
/// through `flatten`; the test of the embedded files catches misspelt keys by what they fail to fill.)
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct HospitalCheckRule {
    pub id: CheckId,
    pub label: String,
    #[serde(flatten)]
    pub test: HospitalTest,
    /// What to tell the hospital when the check is not met.
    pub when_not_met: String,
    /// What to tell the hospital when only the authority can say.
    #[serde(default)]
    pub when_unsure: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum HospitalTest {
    Prefecture {
        codes: Vec<String>,
    },
    MinimumBeds {
        beds: u32,
    },
    /// At least one of these 受理記号, matched exactly.
    FilingRequired {
        any_of: Vec<String>,
    },
    /// None of these 受理記号, matched exactly.
    FilingForbidden {
        any_of: Vec<String>,
    },
    Founder {
        not_met: Vec<FounderType>,
        needs_confirmation: Vec<FounderType>,
    },
    /// A 研修会 held within the 年度 under the national 開催指針 (K2): not met when none is dated within the 年度,
    /// met when one dated within it follows the 開催指針, needs confirmation otherwise.
    TrainingHeld,
    /// A fact only the hospital can declare.
    Declaration {
        field: DeclarationId,
        must_be: bool,
    },
}

/// Why a program or 年度 could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProgramError {
    #[error("事業「{0}」は登録されていません（使える事業: {1}）")]
    Unknown(String, String),
    #[error("{program} は{first}から始まった事業です。{year}の申請はできません")]
    BeforeFirstYear { program: String, first: String, year: String },
}

impl Program {
    /// The program the desktop app starts an application of until one is chosen at はじめに (issue 12).
    pub const DEFAULT: &'static str = "kanwa-nurse";

    /// The embedded program with this id.
    pub fn get(id: &str) -> Result<&'static Program, ProgramError> {
        all().iter().find(|program| program.id == id).ok_or_else(|| {
            let known: Vec<&str> = all().iter().map(|p| p.id.as_str()).collect();
            ProgramError::Unknown(id.to_string(), known.join(", "))
        })
    }

    /// The rules in force for a 年度.
    pub fn rules_for(&self, year: FiscalYear) -> Result<&Rules, ProgramError> {
        self.rules
            .iter()
            .filter(|rules| rules.from_fiscal_year <= year)
            .max_by_key(|rules| rules.from_fiscal_year)
            .filter(|_| year >= self.first_fiscal_year)
            .ok_or_else(|| ProgramError::BeforeFirstYear {
                program: self.name.clone(),
                first: self.first_fiscal_year.japanese_name(),
                year: year.japanese_name(),
            })
    }
}

impl Rules {
    pub fn item(&self, id: ItemId) -> Option<&ItemRule> {
        self.items.iter().find(|item| item.id == id)
    }

    pub fn flag(&self, id: FlagId) -> Option<&FlagRule> {
        self.flags.iter().find(|flag| flag.id == id)
    }

    /// The label of a cost item: the item's from the rules, the other amounts' from the program.
    pub fn cost_label<'a>(&'a self, program: &'a Program, item: CostItem) -> &'a str {
        match item {
            CostItem::Item(id) => self.item(id).map_or(id.id(), |rule| rule.label.as_str()),
            CostItem::Other(OtherAmount::OtherCosts) => &program.other_costs_label,
            CostItem::Other(OtherAmount::OtherIncome) => &program.other_income_label,
        }
    }

    /// Every cost item of a row under these rules: the items in the program's order, then the other amounts.
    pub fn cost_items(&self) -> Vec<CostItem> {
        CostItem::of_items(self.items.iter().map(|item| item.id))
    }

    pub fn qualification(&self, id: &str) -> Option<&Qualification> {
        self.qualifications.iter().find(|q| q.id == id)
    }

    pub fn once_items(&self) -> impl Iterator<Item = &ItemRule> {
        self.items.iter().filter(|item| item.once)
    }
}

/// Every embedded program, parsed once.
pub fn all() -> &'static [Program] {
    static PROGRAMS: OnceLock<Vec<Program>> = OnceLock::new();
    PROGRAMS.get_or_init(|| {
        EMBEDDED
            .iter()
            .map(|(name, text)| {
                // The data ships inside the binary and a test parses every file, so a failure here is a
                // build defect, not user input.
                toml::from_str(text).unwrap_or_else(|error| panic!("program data {name}.toml is invalid: {error}"))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_program_parses_and_names_itself_after_its_file() {
        for (file, text) in EMBEDDED {
            let program: Program = toml::from_str(text).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert_eq!(program.id, file);
            assert!(!program.rules.is_empty(), "{file} has no rules");
        }
    }

    #[test]
    fn kanwa_nurse_standards_add_up_to_the_published_total_for_a_two_year_course() {
        let rules = Program::get("kanwa-nurse").unwrap().rules_for(FiscalYear::new(2024)).unwrap();
        let once: i64 = rules.items.iter().filter(|i| i.once).filter_map(|i| i.standard).map(Yen::get).sum();
        let yearly: i64 = rules.items.iter().filter(|i| !i.once).filter_map(|i| i.standard).map(Yen::get).sum();
        assert_eq!(Some(Yen::new(once + 2 * yearly)), rules.lifetime_standard_per_row);
    }

    #[test]
    fn rules_before_the_first_year_are_refused() {
        let program = Program::get("kanwa-nurse").unwrap();
        assert!(matches!(program.rules_for(FiscalYear::new(2023)), Err(ProgramError::BeforeFirstYear { .. })));
        assert!(program.rules_for(FiscalYear::new(2030)).is_ok());
    }

    #[test]
    fn check_ids_are_unique_within_each_program() {
        for program in all() {
            for rules in &program.rules {
                let mut ids: Vec<CheckId> = rules.hospital_checks.iter().map(|c| c.id).collect();
                ids.sort_unstable();
                let before = ids.len();
                ids.dedup();
                assert_eq!(before, ids.len(), "{} has a repeated check id", program.id);
            }
        }
    }

    #[test]
    fn every_counted_when_names_a_flag_the_rules_word() {
        for program in all() {
            for rules in &program.rules {
                for item in &rules.items {
                    if let Some(flag) = item.counted_when {
                        assert!(
                            rules.flag(flag).is_some(),
                            "{}: {:?} names {flag:?} without its wording",
                            program.id,
                            item.id
                        );
                    }
                }
                let mut ids: Vec<ItemId> = rules.items.iter().map(|item| item.id).collect();
                ids.sort_unstable();
                let before = ids.len();
                ids.dedup();
                assert_eq!(before, ids.len(), "{} has a repeated item id", program.id);
            }
        }
    }

    #[test]
    fn a_misspelt_item_id_in_program_data_fails_when_parsed() {
        let (_, text) = EMBEDDED[0];
        let broken = text.replacen("id = \"admission\"", "id = \"admision\"", 1);
        assert_ne!(broken, text);
        let error = toml::from_str::<Program>(&broken).unwrap_err().to_string();
        assert!(error.contains("admision"), "{error}");
    }

    #[test]
    fn unknown_program_names_the_known_ones() {
        let message = Program::get("nope").unwrap_err().to_string();
        assert!(message.contains("kanwa-nurse"), "{message}");
    }
}
