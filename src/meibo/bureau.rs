//! Which 地方厚生局 published a 名簿. Every bureau publishes the same layout and the file does not name itself,
//! but each prefecture's 届出 go to one bureau: the table (`bureaus.toml`, data) and the 都道府県コード of the rows
//! tell which. A file whose rows belong to no bureau, or to several, names none.

use std::sync::OnceLock;

use serde::Deserialize;

/// One 地方厚生局 (or the 四国厚生支局) and the prefectures it covers.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bureau {
    /// 関東信越厚生局
    pub name: String,
    /// 都道府県コード: 08, 09, …, 13, …
    pub prefectures: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    bureaus: Vec<Bureau>,
}

/// Every bureau, parsed once from the embedded table.
pub fn all() -> &'static [Bureau] {
    static BUREAUS: OnceLock<Vec<Bureau>> = OnceLock::new();
    BUREAUS.get_or_init(|| {
        // Shipped inside the binary and checked by a test: a failure is a build defect, not user input.
        let table: Table = toml::from_str(include_str!("bureaus.toml"))
            .unwrap_or_else(|error| panic!("src/meibo/bureaus.toml is invalid: {error}"));
        table.bureaus
    })
}

/// The bureau that receives the 届出 of a prefecture: 「18」 → 近畿厚生局.
pub fn of_prefecture(code: &str) -> Option<&'static Bureau> {
    all().iter().find(|bureau| bureau.prefectures.iter().any(|c| c == code))
}

/// The one bureau all these prefectures belong to; `None` when there is no code, a code of no bureau, or codes of
/// several bureaus.
pub fn of_prefectures<'c>(codes: impl IntoIterator<Item = &'c str>) -> Option<&'static Bureau> {
    let mut found: Option<&'static Bureau> = None;
    for code in codes {
        let bureau = of_prefecture(code)?;
        match found {
            Some(earlier) if earlier != bureau => return None,
            _ => found = Some(bureau),
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prefecture::PREFECTURES;

    #[test]
    fn every_prefecture_belongs_to_exactly_one_bureau() {
        for prefecture in PREFECTURES {
            let holders = all().iter().filter(|b| b.prefectures.iter().any(|c| c == prefecture.code)).count();
            assert_eq!(holders, 1, "{} {}", prefecture.code, prefecture.name);
        }
        let listed: usize = all().iter().map(|b| b.prefectures.len()).sum();
        assert_eq!(listed, 47, "no code outside the 47 prefectures");
    }

    #[test]
    fn bureaus_by_prefecture() {
        let name = |code: &str| of_prefecture(code).map(|b| b.name.as_str());
        assert_eq!(name("01"), Some("北海道厚生局"));
        assert_eq!(name("13"), Some("関東信越厚生局"));
        assert_eq!(name("19"), Some("関東信越厚生局"), "山梨県 and 長野県 are 関東信越, not 東海北陸");
        assert_eq!(name("18"), Some("近畿厚生局"), "福井県 is 近畿, not 東海北陸");
        assert_eq!(name("31"), Some("中国四国厚生局"));
        assert_eq!(name("37"), Some("四国厚生支局"));
        assert_eq!(name("40"), Some("九州厚生局"));
        assert_eq!(name("47"), Some("九州厚生局"));
        assert_eq!(name("99"), None);
    }

    #[test]
    fn one_bureau_for_a_file_or_none() {
        let name = |codes: &[&str]| of_prefectures(codes.iter().copied()).map(|b| b.name.as_str());
        assert_eq!(name(&["11", "11", "13"]), Some("関東信越厚生局"));
        assert_eq!(name(&["13", "18"]), None, "rows of two bureaus");
        assert_eq!(name(&["13", "99"]), None, "a code of no bureau");
        assert_eq!(name(&[]), None);
    }
}
