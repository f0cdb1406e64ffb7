//! 「名簿から読み込む」: what the 名簿 writes into the hospital's profile, and what that changes. The 名簿 is the
//! official record of 名称, 都道府県, 所在地, 病床数 and 届出; everything else of the profile (開設者, 代表者, 担当者,
//! 目的, the X4 declaration) is the hospital's own and is kept. Of the 届出, only those the program's rules name are
//! taken unless all are asked for: a hospital has dozens (Saitama's 0101337 has 37), and the profile — and the
//! hidden data sheet of the workbook sent to the 都 — should carry what the application rests on.

use serde::Serialize;

use super::Institution;
use super::evaluate::named_symbols;
use crate::case::{Filing, Hospital};
use crate::era::format_date;
use crate::program::Rules;

/// Which 届出 of the 名簿 go into the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilingScope {
    /// Those the program's hospital checks name (H3, H4, X2, X3 for kanwa-nurse: 地包ケア１〜４, がん疼, 緩１, 緩２, 緩診).
    Named,
    /// Every 届出 of the institution (「すべての届出を取り込む」).
    All,
}

/// A field of the hospital's profile the 名簿 fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ProfileField {
    Name,
    PrefectureCode,
    Address,
    Beds,
    /// One 届出, by its 受理記号.
    Filing,
}

/// One field before and after, as the user reads them (「埼玉県」, 「283床」, 「第25号（令和6年10月1日から）」); `None`
/// is a blank field or a 届出 the hospital does not (or no longer) have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ProfileChange {
    pub field: ProfileField,
    /// 「名称」, 「都道府県」, 「所在地」, 「病床数」, 「届出 地包ケア２」
    pub label: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// The profile as the 名簿 leaves it, and every field that differs from before (none when nothing changes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileUpdate {
    pub hospital: Hospital,
    pub changes: Vec<ProfileChange>,
}

/// Fills the hospital from the 名簿: 名称, 都道府県コード, 所在地 (with the prefecture in front), 病床数 (the total) and
/// the 届出 of `scope`, which replace the profile's 届出 (the 名簿 is the record of what was accepted). The rest of
/// the profile is kept; the 開設者 is never guessed into it.
pub fn update_hospital(
    institution: &Institution,
    rules: &Rules,
    hospital: &Hospital,
    scope: FilingScope,
) -> ProfileUpdate {
    let named = named_symbols(rules);
    let from_meibo = institution.to_hospital_with(|symbol| scope == FilingScope::All || named.contains(&symbol));
    let updated = Hospital {
        name: from_meibo.name,
        prefecture_code: from_meibo.prefecture_code,
        address: from_meibo.address,
        beds: from_meibo.beds,
        filings: from_meibo.filings,
        ..hospital.clone()
    };
    let changes = changes(hospital, &updated);
    ProfileUpdate { hospital: updated, changes }
}

fn changes(before: &Hospital, after: &Hospital) -> Vec<ProfileChange> {
    let mut changes = Vec::new();
    let mut compare = |field, label: &str, before: Option<String>, after: Option<String>| {
        if before != after {
            changes.push(ProfileChange { field, label: label.to_string(), before, after });
        }
    };
    let text = |value: &str| Some(value.to_string()).filter(|v| !v.trim().is_empty());
    compare(ProfileField::Name, "名称", text(&before.name), text(&after.name));
    let prefecture = |code: &Option<String>| {
        code.as_deref().map(|code| crate::prefecture::name_of(code).map_or_else(|| code.to_string(), str::to_string))
    };
    compare(
        ProfileField::PrefectureCode,
        "都道府県",
        prefecture(&before.prefecture_code),
        prefecture(&after.prefecture_code),
    );
    compare(ProfileField::Address, "所在地", before.address.clone(), after.address.clone());
    let beds = |beds: Option<u32>| beds.map(|b| format!("{b}床"));
    compare(ProfileField::Beds, "病床数", beds(before.beds), beds(after.beds));
    // 届出 by 受理記号, in the order of the profile, then those the 名簿 adds.
    let mut symbols: Vec<&str> = Vec::new();
    for filing in before.filings.iter().chain(&after.filings) {
        if !symbols.contains(&filing.symbol.as_str()) {
            symbols.push(&filing.symbol);
        }
    }
    for symbol in symbols {
        let label = format!("届出 {symbol}");
        compare(ProfileField::Filing, &label, filing_text(before, symbol), filing_text(after, symbol));
    }
    changes
}

/// A 届出 as the user reads it: 「第25号（令和6年10月1日から）」; 「届出あり」 without 受理番号 or date. Several 届出 of
/// one 受理記号 (some 名簿 list a re-filing beside the first) are joined by 「、」.
fn filing_text(hospital: &Hospital, symbol: &str) -> Option<String> {
    let texts: Vec<String> = hospital.filings.iter().filter(|f| f.symbol == symbol).map(describe_filing).collect();
    (!texts.is_empty()).then(|| texts.join("、"))
}

fn describe_filing(filing: &Filing) -> String {
    match (&filing.number, filing.since) {
        (Some(number), Some(since)) => format!("{number}（{}から）", format_date(since)),
        (Some(number), None) => number.clone(),
        (None, Some(since)) => format!("{}から", format_date(since)),
        (None, None) => "届出あり".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::{Contact, FounderType};
    use crate::fiscal_year::FiscalYear;
    use crate::meibo::{MeiboFiling, parse_beds};
    use crate::program::Program;
    use chrono::NaiveDate;

    fn rules() -> &'static Rules {
        Program::get("kanwa-nurse").unwrap().rules_for(FiscalYear::new(2024)).unwrap()
    }

    fn institution() -> Institution {
        let filing = |symbol: &str, number: &str, since: Option<NaiveDate>| MeiboFiling {
            name: String::new(),
            symbol: symbol.into(),
            number: number.into(),
            since,
            row: 5,
        };
        Institution {
            number: "0111812".into(),
            prefecture_code: "19".into(),
            prefecture_name: "山梨県".into(),
            name: "甲府共立病院".into(),
            postal_code: Some("400-0034".into()),
            address: "甲府市宝一丁目９－１".into(),
            phone: None,
            beds: parse_beds("一般\u{3000}\u{3000}283"),
            filings: vec![
                filing("一般入院", "第1号", NaiveDate::from_ymd_opt(2024, 6, 1)),
                filing("地包ケア２", "第25号", NaiveDate::from_ymd_opt(2024, 10, 1)),
                filing("がん疼", "第8号", NaiveDate::from_ymd_opt(2010, 4, 1)),
                filing("Ｃ・Ｍ", "第208号", None),
            ],
            first_row: 267,
        }
    }

    fn typed_by_hand() -> Hospital {
        Hospital {
            name: "甲府共立病院".into(),
            prefecture_code: Some("13".into()),
            address: None,
            founder_type: Some(FounderType::MedicalCorporation),
            beds: Some(250),
            filings: vec![Filing::symbol_only("がん疼"), Filing::symbol_only("緩診")],
            employs_qualified_nurse: false,
            representative: Some("理事長 山梨 一郎".into()),
            contact: Some(Contact { name: Some("看護部 教育担当".into()), ..Contact::default() }),
            purpose: Some("緩和ケアの体制強化".into()),
            designated_cooperating_hospital: None,
        }
    }

    #[test]
    fn only_the_filings_the_rules_name_are_taken_unless_all_are_asked_for() {
        let named = update_hospital(&institution(), rules(), &Hospital::default(), FilingScope::Named);
        let symbols: Vec<&str> = named.hospital.filings.iter().map(|f| f.symbol.as_str()).collect();
        assert_eq!(symbols, ["地包ケア２", "がん疼"], "一般入院 and Ｃ・Ｍ are no rule's concern");
        let all = update_hospital(&institution(), rules(), &Hospital::default(), FilingScope::All);
        assert_eq!(all.hospital.filings.len(), 4);
    }

    #[test]
    fn the_meibo_fills_its_fields_and_keeps_the_hospitals_own() {
        let before = typed_by_hand();
        let update = update_hospital(&institution(), rules(), &before, FilingScope::Named);
        let after = &update.hospital;
        assert_eq!(after.prefecture_code.as_deref(), Some("19"));
        assert_eq!(after.address.as_deref(), Some("山梨県甲府市宝一丁目９－１"));
        assert_eq!(after.beds, Some(283));
        assert_eq!(after.founder_type, before.founder_type, "the 開設者 is the hospital's");
        assert_eq!(
            (&after.representative, &after.contact, &after.purpose),
            (&before.representative, &before.contact, &before.purpose)
        );
        assert_eq!(
            after.filing("地包ケア２"),
            Some(&Filing {
                symbol: "地包ケア２".into(),
                number: Some("第25号".into()),
                since: NaiveDate::from_ymd_opt(2024, 10, 1)
            })
        );
        assert!(!after.has_filing("緩診"), "the 名簿 is the record: a 届出 it does not list is gone");
    }

    #[test]
    fn the_changes_say_before_and_after_in_words() {
        let update = update_hospital(&institution(), rules(), &typed_by_hand(), FilingScope::Named);
        let shown: Vec<(&str, Option<&str>, Option<&str>)> =
            update.changes.iter().map(|c| (c.label.as_str(), c.before.as_deref(), c.after.as_deref())).collect();
        assert_eq!(
            shown,
            [
                ("都道府県", Some("東京都"), Some("山梨県")),
                ("所在地", None, Some("山梨県甲府市宝一丁目９－１")),
                ("病床数", Some("250床"), Some("283床")),
                ("届出 がん疼", Some("届出あり"), Some("第8号（平成22年4月1日から）")),
                ("届出 緩診", Some("届出あり"), None),
                ("届出 地包ケア２", None, Some("第25号（令和6年10月1日から）")),
            ],
            "名称 is the same and not listed"
        );
        assert_eq!(update.changes[0].field, ProfileField::PrefectureCode);
    }

    #[test]
    fn applying_twice_changes_nothing_the_second_time() {
        let first = update_hospital(&institution(), rules(), &typed_by_hand(), FilingScope::Named);
        let second = update_hospital(&institution(), rules(), &first.hospital, FilingScope::Named);
        assert_eq!(second.hospital, first.hospital);
        assert!(second.changes.is_empty(), "{:#?}", second.changes);
    }
}
