//! The layout of a 厚生局's 名簿 as data (`layouts/*.toml`): the header labels by the field they fill, the whole
//! published header row and the word that marks the date stamp. Every 地方厚生局 publishes the same layout.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::typed_input::to_half_width;

const EMBEDDED: [(&str, &str); 1] = [("chihou-kouseikyoku", include_str!("layouts/chihou-kouseikyoku.toml"))];

/// The fields the reader fills, in the order of `Columns`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    PrefectureCode,
    PrefectureName,
    Number,
    Name,
    PostalCode,
    Address,
    Phone,
    Beds,
    FilingName,
    Symbol,
    FilingNumber,
    Since,
}

impl Field {
    pub const COUNT: usize = 12;
    pub const ALL: [Field; Field::COUNT] = [
        Field::PrefectureCode,
        Field::PrefectureName,
        Field::Number,
        Field::Name,
        Field::PostalCode,
        Field::Address,
        Field::Phone,
        Field::Beds,
        Field::FilingName,
        Field::Symbol,
        Field::FilingNumber,
        Field::Since,
    ];

    pub fn index(self) -> usize {
        self as usize
    }
}

/// One 厚生局's layout.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    pub id: String,
    /// Who publishes files of this layout: 地方厚生局 (which one, the rows' 都道府県コード tell: `bureau.rs`).
    pub publisher: String,
    /// 届出受理医療機関名簿（医科）
    pub title: String,
    pub stamp_marker: String,
    pub header_search_rows: u32,
    pub columns: Columns,
    pub headers: Vec<String>,
}

/// The header label of each field the reader needs.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    pub prefecture_code: String,
    pub prefecture_name: String,
    pub number: String,
    pub name: String,
    pub postal_code: String,
    pub address: String,
    pub phone: String,
    pub beds: String,
    pub filing_name: String,
    pub symbol: String,
    pub filing_number: String,
    pub since: String,
}

impl Columns {
    pub fn label(&self, field: Field) -> &str {
        match field {
            Field::PrefectureCode => &self.prefecture_code,
            Field::PrefectureName => &self.prefecture_name,
            Field::Number => &self.number,
            Field::Name => &self.name,
            Field::PostalCode => &self.postal_code,
            Field::Address => &self.address,
            Field::Phone => &self.phone,
            Field::Beds => &self.beds,
            Field::FilingName => &self.filing_name,
            Field::Symbol => &self.symbol,
            Field::FilingNumber => &self.filing_number,
            Field::Since => &self.since,
        }
    }
}

/// How a header row compares with a layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderMatch {
    /// Every needed label was found: the column of each field, and whether the row is exactly the published one.
    Found { columns: [u32; Field::COUNT], exact: bool },
    /// Some needed labels are missing.
    Missing(Vec<String>),
}

impl Layout {
    /// Compares a row's cells (column, text) with this layout's labels.
    pub fn match_header(&self, cells: &[(u32, String)]) -> HeaderMatch {
        let normalized: Vec<(u32, String)> = cells.iter().map(|(col, text)| (*col, normalize_label(text))).collect();
        let mut columns = [0u32; Field::COUNT];
        let mut missing = Vec::new();
        for field in Field::ALL {
            let label = self.columns.label(field);
            let wanted = normalize_label(label);
            match normalized.iter().find(|(_, text)| *text == wanted) {
                Some((col, _)) => columns[field.index()] = *col,
                None => missing.push(label.to_string()),
            }
        }
        if !missing.is_empty() {
            return HeaderMatch::Missing(missing);
        }
        let row: Vec<&str> = normalized.iter().map(|(_, text)| text.as_str()).filter(|t| !t.is_empty()).collect();
        let published: Vec<String> = self.headers.iter().map(|h| normalize_label(h)).collect();
        let exact = row.len() == published.len() && row.iter().zip(&published).all(|(a, b)| a == b);
        HeaderMatch::Found { columns, exact }
    }
}

/// Labels compare without spaces and with full-width letters, digits and brackets folded to half-width, so
/// 「医療機関所在地(住所)」 and 「医療機関所在地（住所）」 are the same label.
pub fn normalize_label(text: &str) -> String {
    to_half_width(text).chars().filter(|c| !c.is_whitespace()).collect()
}

/// Words that mark a header row of some 名簿, whatever its layout: a row with several cells containing them is a
/// 名簿's header even if it is not one this reader knows.
const MEIBO_WORDS: [&str; 6] = ["医療機関", "受理", "届出", "算定開始", "病床", "保険医療機関"];

/// Whether a row looks like the header of a 名簿 (of any 厚生局).
pub fn looks_like_meibo_header(cells: &[(u32, String)]) -> bool {
    cells.iter().filter(|(_, text)| MEIBO_WORDS.iter().any(|word| text.contains(word))).count() >= 3
}

/// Every embedded layout, parsed once.
pub fn all() -> &'static [Layout] {
    static LAYOUTS: OnceLock<Vec<Layout>> = OnceLock::new();
    LAYOUTS.get_or_init(|| {
        EMBEDDED
            .iter()
            .map(|(name, text)| {
                // Shipped inside the binary and parsed by a test: a failure is a build defect, not user input.
                toml::from_str(text).unwrap_or_else(|error| panic!("名簿 layout {name}.toml is invalid: {error}"))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(labels: &[&str]) -> Vec<(u32, String)> {
        labels.iter().enumerate().map(|(i, l)| (i as u32, l.to_string())).collect()
    }

    #[test]
    fn every_embedded_layout_parses_and_names_itself_after_its_file() {
        for (file, text) in EMBEDDED {
            let layout: Layout = toml::from_str(text).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert_eq!(layout.id, file);
            for field in Field::ALL {
                let label = layout.columns.label(field);
                assert!(layout.headers.iter().any(|h| h == label), "{file}: {label} is not in headers");
            }
        }
    }

    #[test]
    fn the_published_header_row_matches_exactly() {
        let layout = &all()[0];
        let headers: Vec<&str> = layout.headers.iter().map(String::as_str).collect();
        match layout.match_header(&row(&headers)) {
            HeaderMatch::Found { columns, exact } => {
                assert!(exact);
                assert_eq!(columns[Field::Number.index()], 4);
                assert_eq!(columns[Field::Symbol.index()], 14);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn moved_columns_and_half_width_brackets_still_match_but_not_exactly() {
        let layout = &all()[0];
        let mut headers: Vec<String> = layout.headers.iter().rev().cloned().collect();
        headers.iter_mut().for_each(|h| *h = h.replace('（', "(").replace('）', ")"));
        let labels: Vec<&str> = headers.iter().map(String::as_str).collect();
        assert!(matches!(layout.match_header(&row(&labels)), HeaderMatch::Found { exact: false, .. }));
    }

    #[test]
    fn a_missing_label_is_named() {
        let layout = &all()[0];
        let headers: Vec<&str> = layout.headers.iter().map(String::as_str).filter(|h| *h != "受理記号").collect();
        assert_eq!(layout.match_header(&row(&headers)), HeaderMatch::Missing(vec!["受理記号".into()]));
        assert!(looks_like_meibo_header(&row(&headers)));
        assert!(!looks_like_meibo_header(&row(&["氏名", "住所", "電話番号"])));
    }
}
