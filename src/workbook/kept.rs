//! What a workbook keeps of a case, for the writer, the reader and whoever compares the two.
//!
//! The workbook goes to the 都, so it holds what the application uses and no more: of the hospital's 届出 only
//! those the program's hospital checks name (地包ケア１〜４, がん疼, 緩１, 緩２, 緩診 for kanwa-nurse), not the
//! dozens of 施設基準 the 名簿 lists. Reading a workbook back gives that case: [`kept`].

use crate::case::{Case, Filing};
use crate::program::{CheckId, DeclarationId, HospitalTest, Program, Rules};

/// The case as a workbook holds it, and as reading that workbook gives it back: salary months in calendar
/// order (`Case::normalize`), only the 届出 the program's checks name, and empty texts as absent. The 交付申請書
/// is what goes to the 都 before its decision: a 交付決定 and a 受入済額 the case may already hold are not part
/// of it (they come back as none); a 実績報告書 keeps them.
pub fn kept(case: &Case) -> Case {
    let mut kept = case.clone();
    kept.normalize();
    if kept.stage == crate::case::Stage::Application {
        kept.decision = None;
        kept.received = crate::money::Yen::ZERO;
    }
    if let Ok(rules) = Program::get(&case.program).and_then(|program| program.rules_for(case.fiscal_year)) {
        kept.hospital.filings = kept_filings(rules, &case.hospital.filings);
        // A declaration only another program's checks ask (K1, 協力病院の指定) is not part of this application.
        if !asks(rules, DeclarationId::DesignatedCooperatingHospital) {
            kept.hospital.designated_cooperating_hospital = None;
        }
    }
    let hospital = &mut kept.hospital;
    for text in
        [&mut hospital.prefecture_code, &mut hospital.address, &mut hospital.representative, &mut hospital.purpose]
    {
        drop_empty(text);
    }
    if let Some(contact) = &mut hospital.contact {
        for text in [&mut contact.department, &mut contact.name, &mut contact.phone, &mut contact.email] {
            drop_empty(text);
        }
    }
    for filing in &mut hospital.filings {
        drop_empty(&mut filing.number);
    }
    for trainee in &mut kept.trainees {
        drop_empty(&mut trainee.institution);
    }
    kept
}

fn drop_empty(text: &mut Option<String>) {
    if text.as_deref() == Some("") {
        *text = None;
    }
}

/// Whether one of the program's hospital checks asks the hospital this.
fn asks(rules: &Rules, declaration: DeclarationId) -> bool {
    rules
        .hospital_checks
        .iter()
        .any(|check| matches!(&check.test, HospitalTest::Declaration { field, .. } if *field == declaration))
}

/// Whether the program's hospital checks look at this 受理記号.
fn named(rules: &Rules, symbol: &str) -> bool {
    rules.hospital_checks.iter().any(|check| match &check.test {
        HospitalTest::FilingRequired { any_of } | HospitalTest::FilingForbidden { any_of } => {
            any_of.iter().any(|named| named == symbol)
        }
        _ => false,
    })
}

/// The 届出 the program's checks name, in the case's order.
pub fn kept_filings(rules: &Rules, filings: &[Filing]) -> Vec<Filing> {
    filings.iter().filter(|filing| named(rules, &filing.symbol)).cloned().collect()
}

/// The filing shown on a row of 別紙1: the first of the case's 届出 whose 受理記号 the check requires.
pub fn shown_filing<'a>(rules: &Rules, filings: &'a [Filing], check_id: CheckId) -> Option<&'a Filing> {
    let symbols =
        rules.hospital_checks.iter().find(|check| check.id == check_id).and_then(|check| match &check.test {
            HospitalTest::FilingRequired { any_of } => Some(any_of),
            _ => None,
        })?;
    filings.iter().find(|filing| symbols.contains(&filing.symbol))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_filings_the_checks_name_are_kept() {
        let program = Program::get("kanwa-nurse").unwrap();
        let rules = program.rules_for(crate::fiscal_year::FiscalYear::new(2024)).unwrap();
        let filings: Vec<Filing> = ["急性期一般入院料１", "地包ケア２", "小緩診", "がん疼", "緩診", "地包加", "緩１"]
            .iter()
            .map(|symbol| Filing::symbol_only(symbol))
            .collect();
        let kept: Vec<String> = kept_filings(rules, &filings).into_iter().map(|filing| filing.symbol).collect();
        assert_eq!(kept, ["地包ケア２", "がん疼", "緩診", "緩１"]);
        assert_eq!(shown_filing(rules, &filings, CheckId::H3).map(|f| f.symbol.as_str()), Some("地包ケア２"));
        assert_eq!(shown_filing(rules, &filings, CheckId::X3), None, "X3 forbids, it shows no row");
        assert!(asks(rules, DeclarationId::EmploysQualifiedNurse));
        assert!(!asks(rules, DeclarationId::DesignatedCooperatingHospital), "K1 is the 研修会 program's");
    }
}
