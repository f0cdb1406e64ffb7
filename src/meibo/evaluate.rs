//! Which institutions meet the filing conditions (H2–H4, X2, X3 for kanwa-nurse): the engine's hospital checks
//! run on the hospital the 名簿 describes. Which checks the 名簿 can answer follows from their kind in the program
//! data (病床数 and 届出), not from a list of ids here; the prefecture check (H1) is reported beside them.

use serde::Serialize;

use super::{Institution, Meibo};
use crate::eligibility::{Check, Verdict, check_hospital};
use crate::fiscal_year::FiscalYear;
use crate::program::{HospitalTest, Program, ProgramError, Rules};

/// The checks the 名簿 answers for one institution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FilingEvaluation {
    /// Every filing condition is met.
    pub meets_filing_conditions: bool,
    /// The filing conditions (H2, H3, H4, X2, X3), in the order of the program data.
    pub checks: Vec<Check>,
    /// The prefecture check (H1), reported, not part of the filing conditions.
    pub prefecture: Option<Check>,
    /// The 受理記号 that satisfied a required-filing check (地包ケア１, がん疼).
    pub matched_symbols: Vec<String>,
}

/// The program's rules for the 年度 the 名簿 is dated in (「現在」), or for today when it has no date; a 名簿
/// older than the program is judged by the program's first rules.
pub fn rules_for_meibo<'p>(program: &'p Program, meibo: &Meibo) -> Result<&'p Rules, ProgramError> {
    let date = meibo.as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
    program.rules_for(FiscalYear::of(date).max(program.first_fiscal_year))
}

/// The ids of the checks a 名簿 can answer: beds and 届出 (H2, H3, H4, X2, X3).
pub fn filing_condition_ids(rules: &Rules) -> Vec<&str> {
    rules.hospital_checks.iter().filter(|rule| is_filing_condition(&rule.test)).map(|rule| rule.id.id()).collect()
}

/// The 受理記号 the rules' hospital checks name (H3, H4, X2, X3): the only 届出 that can change a verdict.
pub(super) fn named_symbols(rules: &Rules) -> Vec<&str> {
    rules.hospital_checks.iter().flat_map(|rule| filing_symbols(&rule.test)).collect()
}

fn filing_symbols(test: &HospitalTest) -> impl Iterator<Item = &str> {
    let symbols: &[String] = match test {
        HospitalTest::FilingRequired { any_of } | HospitalTest::FilingForbidden { any_of } => any_of,
        _ => &[],
    };
    symbols.iter().map(String::as_str)
}

fn is_filing_condition(test: &HospitalTest) -> bool {
    matches!(
        test,
        HospitalTest::MinimumBeds { .. } | HospitalTest::FilingRequired { .. } | HospitalTest::FilingForbidden { .. }
    )
}

impl Institution {
    /// Runs the program's hospital checks on this institution and keeps those the 名簿 answers.
    pub fn evaluate(&self, rules: &Rules) -> FilingEvaluation {
        // Only the 届出 the rules name can change a verdict: the hospital is built with those alone (a hospital
        // has hundreds of 届出, and `hojo meibo` evaluates every institution of the file).
        let named = named_symbols(rules);
        let hospital = self.to_hospital_with(|symbol| named.contains(&symbol));
        let mut checks = Vec::new();
        let mut prefecture = None;
        for (rule, check) in rules.hospital_checks.iter().zip(check_hospital(&hospital, rules)) {
            if is_filing_condition(&rule.test) {
                checks.push(check);
            } else if matches!(rule.test, HospitalTest::Prefecture { .. }) {
                prefecture = Some(check);
            }
        }
        let matched_symbols = rules
            .hospital_checks
            .iter()
            .filter_map(|rule| match &rule.test {
                HospitalTest::FilingRequired { any_of } => Some(any_of),
                _ => None,
            })
            .flatten()
            .filter(|symbol| hospital.has_filing(symbol))
            .cloned()
            .collect();
        let meets_filing_conditions = checks.iter().all(|check| check.verdict == Verdict::Met);
        FilingEvaluation { meets_filing_conditions, checks, prefecture, matched_symbols }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fiscal_year::FiscalYear;
    use crate::meibo::{MeiboFiling, parse_beds};
    use crate::program::Program;

    fn rules() -> &'static Rules {
        Program::get("kanwa-nurse").unwrap().rules_for(FiscalYear::new(2025)).unwrap()
    }

    fn institution(beds: &str, symbols: &[&str]) -> Institution {
        Institution {
            number: "0101337".into(),
            prefecture_code: "11".into(),
            prefecture_name: "埼玉県".into(),
            name: "例会病院".into(),
            postal_code: None,
            address: "さいたま市浦和区北浦和４－９－３".into(),
            phone: None,
            beds: parse_beds(beds),
            filings: symbols
                .iter()
                .map(|s| MeiboFiling {
                    name: String::new(),
                    symbol: s.to_string(),
                    number: "第1号".into(),
                    since: None,
                    row: 5,
                })
                .collect(),
            first_row: 5,
        }
    }

    #[test]
    fn the_filing_conditions_are_the_bed_and_filing_checks_of_the_program() {
        assert_eq!(filing_condition_ids(rules()), ["H2", "H3", "H4", "X2", "X3"]);
    }

    #[test]
    fn a_hospital_with_both_filings_meets_them_outside_tokyo_too() {
        let evaluation =
            institution("一般\u{3000}\u{3000}120／療養\u{3000}\u{3000}51", &["地包ケア１", "がん疼", "小緩診"])
                .evaluate(rules());
        assert!(evaluation.meets_filing_conditions, "{evaluation:#?}");
        assert_eq!(evaluation.matched_symbols, ["地包ケア１", "がん疼"]);
        assert_eq!(evaluation.prefecture.map(|c| c.verdict), Some(Verdict::NotMet));
    }

    #[test]
    fn evaluating_on_the_named_filings_alone_gives_the_checks_of_the_whole_hospital() {
        let institution =
            institution("一般\u{3000}\u{3000}120", &["一般入院", "地包ケア１", "がん疼", "緩診", "小緩診"]);
        let whole = check_hospital(&institution.to_hospital(), rules());
        let evaluation = institution.evaluate(rules());
        for check in evaluation.checks.iter().chain(&evaluation.prefecture) {
            assert_eq!(Some(check), whole.iter().find(|c| c.id == check.id));
        }
    }

    #[test]
    fn a_palliative_care_ward_or_kanshin_excludes() {
        for symbol in ["緩１", "緩２", "緩診"] {
            let evaluation =
                institution("一般\u{3000}\u{3000}120", &["地包ケア２", "がん疼", symbol]).evaluate(rules());
            assert!(!evaluation.meets_filing_conditions, "{symbol}");
        }
    }

    #[test]
    fn a_clinic_or_unknown_beds_does_not_meet_them() {
        assert!(
            !institution("一般\u{3000}\u{3000}19", &["地包ケア１", "がん疼"]).evaluate(rules()).meets_filing_conditions
        );
        let unknown = institution("", &["地包ケア１", "がん疼"]).evaluate(rules());
        assert!(!unknown.meets_filing_conditions);
        assert_eq!(unknown.checks[0].verdict, Verdict::NeedsConfirmation);
    }
}
