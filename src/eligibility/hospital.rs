//! The hospital checks, driven by the program data's `hospital_checks`.

use super::{Check, Verdict};
use crate::case::{Case, Filing, Hospital, Training};
use crate::era::format_date;
use crate::fiscal_year::FiscalYear;
use crate::prefecture;
use crate::program::{DeclarationId, FounderType, HospitalCheckRule, HospitalTest, Rules};

/// The checks on the hospital as it stands, without a 年度: a required 届出 counts whatever its 算定開始年月日 (the
/// 名簿's listing asks what the hospital has at the 名簿's date).
pub fn check_hospital(hospital: &Hospital, rules: &Rules) -> Vec<Check> {
    rules.hospital_checks.iter().map(|rule| check_one(hospital, rule, None, None)).collect()
}

/// The checks for an application of a 年度: a required 届出 (H3, H4) must be in force from the 年度's first day; one
/// whose 算定開始年月日 falls inside the 年度 needs confirmation, one that starts after it is not met (docs/rules.md).
pub fn check_hospital_for_year(hospital: &Hospital, rules: &Rules, year: FiscalYear) -> Vec<Check> {
    rules.hospital_checks.iter().map(|rule| check_one(hospital, rule, Some(year), None)).collect()
}

/// The checks of an application: the hospital for the 年度, and the 研修会 it holds in it (K2).
pub fn check_application(case: &Case, rules: &Rules) -> Vec<Check> {
    let year = Some(case.fiscal_year);
    rules.hospital_checks.iter().map(|rule| check_one(&case.hospital, rule, year, Some(&case.trainings))).collect()
}

fn check_one(
    hospital: &Hospital,
    rule: &HospitalCheckRule,
    year: Option<FiscalYear>,
    trainings: Option<&[Training]>,
) -> Check {
    let (verdict, reason) = match &rule.test {
        HospitalTest::Prefecture { codes } => prefecture(hospital, codes, rule),
        HospitalTest::MinimumBeds { beds } => minimum_beds(hospital, *beds, rule),
        HospitalTest::FilingRequired { any_of } => filing_required(hospital, any_of, rule, year),
        HospitalTest::FilingForbidden { any_of } => filing_forbidden(hospital, any_of, rule),
        HospitalTest::Founder { not_met, needs_confirmation } => founder(hospital, not_met, needs_confirmation, rule),
        HospitalTest::Declaration { field, must_be } => declaration(hospital, *field, *must_be, rule),
        HospitalTest::TrainingHeld => training_held(trainings, year, rule),
    };
    Check::new(rule.id, &rule.label, verdict, reason)
}

fn prefecture(hospital: &Hospital, codes: &[String], rule: &HospitalCheckRule) -> (Verdict, String) {
    match hospital.prefecture_code.as_deref() {
        None => (
            Verdict::NeedsConfirmation,
            "都道府県が入力されていません。病院情報で所在地の都道府県を選んでください。".into(),
        ),
        Some(code) if codes.iter().any(|c| c == code) => {
            (Verdict::Met, format!("{}の病院です。", prefecture::describe(code)))
        }
        Some(code) => (Verdict::NotMet, format!("{}の病院です。{}", prefecture::describe(code), rule.when_not_met)),
    }
}

fn minimum_beds(hospital: &Hospital, minimum: u32, rule: &HospitalCheckRule) -> (Verdict, String) {
    match hospital.beds {
        None => (Verdict::NeedsConfirmation, "病床数が未入力です。病院情報で許可病床数を入力してください。".into()),
        Some(beds) if beds >= minimum => (Verdict::Met, format!("病床数{beds}床です（{minimum}床以上）。")),
        Some(beds) => (Verdict::NotMet, format!("病床数{beds}床です。{}", rule.when_not_met)),
    }
}

fn filing_required(
    hospital: &Hospital,
    any_of: &[String],
    rule: &HospitalCheckRule,
    year: Option<FiscalYear>,
) -> (Verdict, String) {
    let found: Vec<&str> = any_of.iter().filter(|symbol| hospital.has_filing(symbol)).map(String::as_str).collect();
    if found.is_empty() {
        return (Verdict::NotMet, format!("{} のいずれの届出もありません。{}", any_of.join("・"), rule.when_not_met));
    }
    let met = (Verdict::Met, format!("{} の届出があります。", found.join("・")));
    let Some(year) = year else { return met };
    let filings: Vec<&Filing> = hospital.filings.iter().filter(|f| any_of.contains(&f.symbol)).collect();
    // In force on the 年度's first day; a 届出 typed without its date is taken as in force (the user vouches for it).
    if filings.iter().any(|f| f.since.is_none_or(|since| since <= year.first_day())) {
        return met;
    }
    // Every one starts later: the earliest decides (it may still fall inside the 年度).
    let Some((symbol, since)) =
        filings.iter().filter_map(|f| Some((&f.symbol, f.since?))).min_by_key(|(_, since)| *since)
    else {
        return met;
    };
    let date = format_date(since);
    if since <= year.last_day() {
        (
            Verdict::NeedsConfirmation,
            format!(
                "{symbol}の算定開始は{date}です。年度の途中からの届出のため、それより前の月が対象になるか東京都に確認してください。"
            ),
        )
    } else {
        (Verdict::NotMet, format!("{symbol}の算定開始は{date}で、{year}が終わった後です。{}", rule.when_not_met))
    }
}

fn filing_forbidden(hospital: &Hospital, any_of: &[String], rule: &HospitalCheckRule) -> (Verdict, String) {
    let found: Vec<&str> = any_of.iter().filter(|symbol| hospital.has_filing(symbol)).map(String::as_str).collect();
    if found.is_empty() {
        (Verdict::Met, format!("{} の届出はありません。", any_of.join("・")))
    } else {
        (Verdict::NotMet, format!("{} を届け出ています。{}", found.join("・"), rule.when_not_met))
    }
}

fn founder(
    hospital: &Hospital,
    not_met: &[FounderType],
    unsure: &[FounderType],
    rule: &HospitalCheckRule,
) -> (Verdict, String) {
    let Some(founder) = hospital.founder_type else {
        return (Verdict::NeedsConfirmation, "開設者の種別が未入力です。病院情報で開設者を選んでください。".into());
    };
    let is = |list: &[FounderType]| list.contains(&founder);
    let label = founder.label();
    if is(not_met) {
        (Verdict::NotMet, format!("開設者は{label}です。{}", rule.when_not_met))
    } else if is(unsure) {
        let advice = rule.when_unsure.as_deref().unwrap_or("東京都に確認してください。");
        (Verdict::NeedsConfirmation, format!("開設者は{label}です。{advice}"))
    } else {
        (Verdict::Met, format!("開設者は{label}です。"))
    }
}

fn training_held(
    trainings: Option<&[Training]>,
    year: Option<FiscalYear>,
    rule: &HospitalCheckRule,
) -> (Verdict, String) {
    let (Some(trainings), Some(year)) = (trainings, year) else {
        return (Verdict::NeedsConfirmation, "研修会の予定は申請ごとに入力します。".into());
    };
    let within: Vec<&Training> = trainings.iter().filter(|training| year.contains(training.held_on)).collect();
    if within.is_empty() {
        let reason = if trainings.is_empty() {
            format!("研修会が入力されていません。{}", rule.when_not_met)
        } else {
            format!("{}中に開催する研修会がありません。{}", year.japanese_name(), rule.when_not_met)
        };
        return (Verdict::NotMet, reason);
    }
    match within.iter().find(|training| training.follows_guideline) {
        Some(training) => (
            Verdict::Met,
            format!("{}に「{}」を開催指針に準拠して開催します。", format_date(training.held_on), training.title),
        ),
        None => {
            let advice = rule.when_unsure.as_deref().unwrap_or("東京都に確認してください。");
            (
                Verdict::NeedsConfirmation,
                format!("{}の研修会が開催指針に準拠するか未確認です。{advice}", year.japanese_name()),
            )
        }
    }
}

fn declaration(
    hospital: &Hospital,
    field: DeclarationId,
    must_be: bool,
    rule: &HospitalCheckRule,
) -> (Verdict, String) {
    match hospital.declaration(field) {
        None => (Verdict::NeedsConfirmation, "病院の申告がありません。病院情報で申告してください。".into()),
        Some(value) if value == must_be => (Verdict::Met, "病院の申告によります。".into()),
        Some(_) => (Verdict::NotMet, format!("病院の申告によれば該当します。{}", rule.when_not_met)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::{Filing, FounderType};
    use crate::program::Program;

    fn rules() -> &'static Rules {
        Program::get("kanwa-nurse").unwrap().rules_for(FiscalYear::new(2024)).unwrap()
    }

    fn eligible_hospital() -> Hospital {
        Hospital {
            name: "さくら病院".into(),
            prefecture_code: Some("13".into()),
            founder_type: Some(FounderType::MedicalCorporation),
            beds: Some(120),
            filings: vec![Filing::symbol_only("地包ケア１"), Filing::symbol_only("がん疼")],
            ..Hospital::default()
        }
    }

    fn verdict(hospital: &Hospital, id: &str) -> Verdict {
        check_hospital(hospital, rules()).into_iter().find(|c| c.id.id() == id).unwrap().verdict
    }

    #[test]
    fn a_tokyo_hospital_with_both_filings_meets_every_check() {
        let checks = check_hospital(&eligible_hospital(), rules());
        assert!(checks.iter().all(|c| c.verdict == Verdict::Met), "{checks:#?}");
        assert_eq!(
            checks.iter().map(|c| c.id.id()).collect::<Vec<_>>(),
            ["H1", "H2", "H3", "H4", "X1", "X2", "X3", "X4"]
        );
    }

    #[test]
    fn h1_outside_tokyo_is_not_met() {
        let hospital = Hospital { prefecture_code: Some("11".into()), ..eligible_hospital() };
        assert_eq!(verdict(&hospital, "H1"), Verdict::NotMet);
    }

    #[test]
    fn h1_names_the_prefecture_not_only_its_code() {
        let reason = |code: &str| {
            let hospital = Hospital { prefecture_code: Some(code.into()), ..eligible_hospital() };
            check_hospital(&hospital, rules()).into_iter().find(|c| c.id.id() == "H1").unwrap().reason
        };
        assert_eq!(
            reason("11"),
            "H1 都内の病院であること: 埼玉県（都道府県コード11）の病院です。この補助金は東京都内の病院が対象です。"
        );
        assert_eq!(reason("13"), "H1 都内の病院であること: 東京都（都道府県コード13）の病院です。");
    }

    #[test]
    fn h2_twenty_beds_is_a_hospital_nineteen_is_a_clinic() {
        assert_eq!(verdict(&Hospital { beds: Some(20), ..eligible_hospital() }, "H2"), Verdict::Met);
        assert_eq!(verdict(&Hospital { beds: Some(19), ..eligible_hospital() }, "H2"), Verdict::NotMet);
        assert_eq!(verdict(&Hospital { beds: None, ..eligible_hospital() }, "H2"), Verdict::NeedsConfirmation);
    }

    #[test]
    fn h3_each_community_care_ward_filing_counts_but_not_chihoka() {
        for symbol in ["地包ケア１", "地包ケア２", "地包ケア３", "地包ケア４"] {
            let hospital = Hospital {
                filings: vec![Filing::symbol_only(symbol), Filing::symbol_only("がん疼")],
                ..eligible_hospital()
            };
            assert_eq!(verdict(&hospital, "H3"), Verdict::Met, "{symbol}");
        }
        let chihoka = Hospital {
            filings: vec![Filing::symbol_only("地包加"), Filing::symbol_only("がん疼")],
            ..eligible_hospital()
        };
        assert_eq!(verdict(&chihoka, "H3"), Verdict::NotMet);
        let half_width = Hospital { filings: vec![Filing::symbol_only("地包ケア1")], ..eligible_hospital() };
        assert_eq!(verdict(&half_width, "H3"), Verdict::NotMet, "受理記号 match exactly, full-width digit included");
    }

    fn dated(symbol: &str, since: (i32, u32, u32)) -> Filing {
        Filing {
            symbol: symbol.into(),
            number: Some("第25号".into()),
            since: chrono::NaiveDate::from_ymd_opt(since.0, since.1, since.2),
        }
    }

    /// H3 and H4 for 令和6年度 (2024-04-01..2025-03-31) with these 届出.
    fn in_year(filings: Vec<Filing>) -> (Check, Check) {
        let hospital = Hospital { filings, ..eligible_hospital() };
        let checks = check_hospital_for_year(&hospital, rules(), FiscalYear::new(2024));
        let find = |id: &str| checks.iter().find(|c| c.id.id() == id).unwrap().clone();
        (find("H3"), find("H4"))
    }

    #[test]
    fn a_filing_from_the_middle_of_the_year_needs_confirmation_naming_its_date() {
        let (h3, h4) = in_year(vec![dated("地包ケア２", (2024, 10, 1)), dated("がん疼", (2010, 4, 1))]);
        assert_eq!(h3.verdict, Verdict::NeedsConfirmation);
        assert_eq!(
            h3.reason,
            "H3 地域包括ケア病棟入院料を届け出ていること: 地包ケア２の算定開始は令和6年10月1日です。年度の途中からの届出のため、それより前の月が対象になるか東京都に確認してください。"
        );
        assert_eq!(h4.verdict, Verdict::Met);
        let (_, h4) = in_year(vec![dated("地包ケア１", (2020, 4, 1)), dated("がん疼", (2025, 3, 31))]);
        assert_eq!(h4.verdict, Verdict::NeedsConfirmation, "the last day of the 年度 is still inside it");
        assert!(h4.reason.contains("がん疼の算定開始は令和7年3月31日です"), "{}", h4.reason);
    }

    #[test]
    fn a_filing_in_force_on_the_first_day_of_the_year_meets_it() {
        for since in [(2024, 4, 1), (2024, 3, 31), (2010, 4, 1)] {
            let (h3, h4) = in_year(vec![dated("地包ケア２", since), dated("がん疼", since)]);
            assert_eq!((h3.verdict, h4.verdict), (Verdict::Met, Verdict::Met), "{since:?}");
        }
        let (h3, _) = in_year(vec![Filing::symbol_only("地包ケア１"), Filing::symbol_only("がん疼")]);
        assert_eq!(h3.verdict, Verdict::Met, "a 届出 typed without its date is taken as in force");
        let (h3, _) = in_year(vec![dated("地包ケア１", (2024, 10, 1)), dated("地包ケア２", (2022, 4, 1))]);
        assert_eq!(h3.verdict, Verdict::Met, "one of the 届出 in force all year is enough");
    }

    #[test]
    fn a_filing_that_starts_after_the_year_does_not_meet_it() {
        let (h3, _) = in_year(vec![dated("地包ケア２", (2025, 4, 1)), dated("がん疼", (2010, 4, 1))]);
        assert_eq!(h3.verdict, Verdict::NotMet);
        assert!(
            h3.reason.contains("地包ケア２の算定開始は令和7年4月1日で、令和6年度が終わった後です"),
            "{}",
            h3.reason
        );
        assert!(h3.reason.contains("届出が必要です"), "{}", h3.reason);
        let (h3, _) = in_year(vec![dated("地包ケア２", (2025, 4, 1)), dated("地包ケア１", (2024, 7, 1))]);
        assert_eq!(h3.verdict, Verdict::NeedsConfirmation, "the 届出 from July counts, with its question");
        assert!(h3.reason.contains("地包ケア１の算定開始は令和6年7月1日です"), "{}", h3.reason);
    }

    #[test]
    fn without_a_year_the_filings_are_judged_as_they_stand() {
        // The 名簿's listing: does the hospital have the 届出 at the 名簿's date?
        let hospital = Hospital {
            filings: vec![dated("地包ケア２", (2024, 10, 1)), dated("がん疼", (2025, 4, 1))],
            ..eligible_hospital()
        };
        assert_eq!(verdict(&hospital, "H3"), Verdict::Met);
        assert_eq!(verdict(&hospital, "H4"), Verdict::Met);
    }

    #[test]
    fn h4_needs_the_cancer_pain_filing() {
        let hospital = Hospital { filings: vec![Filing::symbol_only("地包ケア１")], ..eligible_hospital() };
        assert_eq!(verdict(&hospital, "H4"), Verdict::NotMet);
    }

    #[test]
    fn x1_founders() {
        let with = |founder| verdict(&Hospital { founder_type: Some(founder), ..eligible_hospital() }, "X1");
        assert_eq!(with(FounderType::National), Verdict::NotMet);
        assert_eq!(with(FounderType::IncorporatedAdministrativeAgency), Verdict::NotMet);
        assert_eq!(with(FounderType::LocalIncorporatedAdministrativeAgency), Verdict::NeedsConfirmation);
        assert_eq!(with(FounderType::NationalUniversityCorporation), Verdict::NeedsConfirmation);
        for founder in [
            FounderType::Prefecture,
            FounderType::Municipality,
            FounderType::MedicalCorporation,
            FounderType::SocialWelfareCorporation,
            FounderType::PublicInterestCorporation,
            FounderType::Individual,
            FounderType::Other,
        ] {
            assert_eq!(with(founder), Verdict::Met, "{founder:?}");
        }
        assert_eq!(verdict(&Hospital { founder_type: None, ..eligible_hospital() }, "X1"), Verdict::NeedsConfirmation);
    }

    #[test]
    fn x2_palliative_care_ward_excludes() {
        for symbol in ["緩１", "緩２"] {
            let mut hospital = eligible_hospital();
            hospital.filings.push(Filing::symbol_only(symbol));
            assert_eq!(verdict(&hospital, "X2"), Verdict::NotMet, "{symbol}");
        }
    }

    #[test]
    fn x3_only_kanshin_excludes_not_shokanshin_or_shinkanshin() {
        let with = |symbol: &str| {
            let mut hospital = eligible_hospital();
            hospital.filings.push(Filing::symbol_only(symbol));
            verdict(&hospital, "X3")
        };
        assert_eq!(with("緩診"), Verdict::NotMet);
        assert_eq!(with("小緩診"), Verdict::Met);
        assert_eq!(with("診緩診"), Verdict::Met);
    }

    #[test]
    fn x4_a_qualified_nurse_already_employed_excludes() {
        let hospital = Hospital { employs_qualified_nurse: true, ..eligible_hospital() };
        assert_eq!(verdict(&hospital, "X4"), Verdict::NotMet);
    }

    #[test]
    fn reasons_name_the_rule_and_say_what_to_do() {
        let hospital = Hospital { filings: vec![Filing::symbol_only("地包加")], ..eligible_hospital() };
        let h3 = check_hospital(&hospital, rules()).into_iter().find(|c| c.id == crate::program::CheckId::H3).unwrap();
        assert!(h3.reason.starts_with("H3 地域包括ケア病棟入院料"), "{}", h3.reason);
        assert!(h3.reason.contains("届出が必要です"), "{}", h3.reason);
    }
}
