//! 届出: a 受理記号, optionally with its 受理番号 and 算定開始年月日. Case files may write a filing as a plain
//! string ("がん疼") or as an object; it is written back in the same plain form when it has nothing more.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
// The TypeScript type says what the JSON is: the plain string when there is nothing but the symbol.
#[cfg_attr(feature = "ts", ts(type = "string | { symbol: string, number?: string, since?: string }"))]
pub struct Filing {
    /// 受理記号, verbatim from the 名簿: 地包ケア１ (full-width digit)
    pub symbol: String,
    /// 受理番号: 第19号
    pub number: Option<String>,
    /// 算定開始年月日
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub since: Option<NaiveDate>,
}

impl Filing {
    pub fn symbol_only(symbol: &str) -> Filing {
        Filing { symbol: symbol.to_string(), number: None, since: None }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FilingObject {
    symbol: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "super::dates::optional")]
    since: Option<NaiveDate>,
}

impl Serialize for Filing {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.number.is_none() && self.since.is_none() {
            serializer.serialize_str(&self.symbol)
        } else {
            FilingObject { symbol: self.symbol.clone(), number: self.number.clone(), since: self.since }
                .serialize(serializer)
        }
    }
}

impl<'de> Deserialize<'de> for Filing {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Filing, D::Error> {
        // An untagged enum would hide why an object failed; read the object form with its own error.
        let value = serde_json::Value::deserialize(deserializer)?;
        match value {
            serde_json::Value::String(symbol) => Ok(Filing::symbol_only(&symbol)),
            serde_json::Value::Object(_) => {
                let object: FilingObject = serde_json::from_value(value).map_err(serde::de::Error::custom)?;
                Ok(Filing { symbol: object.symbol, number: object.number, since: object.since })
            }
            _ => Err(serde::de::Error::custom(
                "届出は \"がん疼\" のような文字列か {\"symbol\": …, \"number\": …, \"since\": …} で書いてください (a filing is a string or an object with symbol, number, since)",
            )),
        }
    }
}
