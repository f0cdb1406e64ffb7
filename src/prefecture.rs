//! 都道府県: the 47 prefectures by their 都道府県コード (JIS X 0401), the one table Hojo has. Messages name the
//! prefecture, not only its code (「埼玉県（都道府県コード11）」); the screens' list (ui/src/prefectures.ts) is
//! generated from this table (src-tauri/tests/bindings.rs).

use serde::Serialize;

/// One prefecture: 11 埼玉県.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Prefecture {
    /// 都道府県コード, two digits: 13
    pub code: &'static str,
    /// 東京都
    pub name: &'static str,
}

const fn prefecture(code: &'static str, name: &'static str) -> Prefecture {
    Prefecture { code, name }
}

/// Every prefecture, in the order of their codes (01 北海道 … 47 沖縄県).
pub const PREFECTURES: [Prefecture; 47] = [
    prefecture("01", "北海道"),
    prefecture("02", "青森県"),
    prefecture("03", "岩手県"),
    prefecture("04", "宮城県"),
    prefecture("05", "秋田県"),
    prefecture("06", "山形県"),
    prefecture("07", "福島県"),
    prefecture("08", "茨城県"),
    prefecture("09", "栃木県"),
    prefecture("10", "群馬県"),
    prefecture("11", "埼玉県"),
    prefecture("12", "千葉県"),
    prefecture("13", "東京都"),
    prefecture("14", "神奈川県"),
    prefecture("15", "新潟県"),
    prefecture("16", "富山県"),
    prefecture("17", "石川県"),
    prefecture("18", "福井県"),
    prefecture("19", "山梨県"),
    prefecture("20", "長野県"),
    prefecture("21", "岐阜県"),
    prefecture("22", "静岡県"),
    prefecture("23", "愛知県"),
    prefecture("24", "三重県"),
    prefecture("25", "滋賀県"),
    prefecture("26", "京都府"),
    prefecture("27", "大阪府"),
    prefecture("28", "兵庫県"),
    prefecture("29", "奈良県"),
    prefecture("30", "和歌山県"),
    prefecture("31", "鳥取県"),
    prefecture("32", "島根県"),
    prefecture("33", "岡山県"),
    prefecture("34", "広島県"),
    prefecture("35", "山口県"),
    prefecture("36", "徳島県"),
    prefecture("37", "香川県"),
    prefecture("38", "愛媛県"),
    prefecture("39", "高知県"),
    prefecture("40", "福岡県"),
    prefecture("41", "佐賀県"),
    prefecture("42", "長崎県"),
    prefecture("43", "熊本県"),
    prefecture("44", "大分県"),
    prefecture("45", "宮崎県"),
    prefecture("46", "鹿児島県"),
    prefecture("47", "沖縄県"),
];

/// The prefecture of a two-digit code; `None` for anything that is not one of the 47 (「99」, 「1」, 「東京」).
pub fn by_code(code: &str) -> Option<&'static Prefecture> {
    PREFECTURES.iter().find(|prefecture| prefecture.code == code)
}

/// The name of the prefecture of a code: 「11」 → 「埼玉県」.
pub fn name_of(code: &str) -> Option<&'static str> {
    by_code(code).map(|prefecture| prefecture.name)
}

/// The prefecture as messages name it: 「埼玉県（都道府県コード11）」, or 「都道府県コード99」 for a code that is no
/// prefecture.
pub fn describe(code: &str) -> String {
    match name_of(code) {
        Some(name) => format!("{name}（都道府県コード{code}）"),
        None => format!("都道府県コード{code}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_codes_run_from_01_to_47_in_order() {
        for (index, prefecture) in PREFECTURES.iter().enumerate() {
            assert_eq!(prefecture.code, format!("{:02}", index + 1));
            assert!(prefecture.name.ends_with(['都', '道', '府', '県']), "{}", prefecture.name);
        }
        assert_eq!(name_of("13"), Some("東京都"));
        assert_eq!(name_of("01"), Some("北海道"));
        assert_eq!(name_of("26"), Some("京都府"));
        assert_eq!(name_of("47"), Some("沖縄県"));
    }

    #[test]
    fn what_is_not_a_code_has_no_prefecture() {
        for code in ["00", "48", "99", "1", "013", "", "東京"] {
            assert_eq!(by_code(code), None, "{code}");
        }
    }

    #[test]
    fn messages_name_the_prefecture_beside_its_code() {
        assert_eq!(describe("11"), "埼玉県（都道府県コード11）");
        assert_eq!(describe("99"), "都道府県コード99");
    }
}
