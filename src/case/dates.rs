//! Dates in case files: written ISO (2024-04-01); read ISO or as people type them (令和6年4月1日, R6.4.1), with
//! an error that says which forms work.

pub mod required {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::typed_input::parse_date;

    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&date.format("%Y-%m-%d"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse_date(&text).map_err(serde::de::Error::custom)
    }
}

pub mod optional {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::typed_input::parse_date;

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, serializer: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => serializer.collect_str(&date.format("%Y-%m-%d")),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<String>::deserialize(deserializer)? {
            Some(text) => parse_date(&text).map(Some).map_err(serde::de::Error::custom),
            None => Ok(None),
        }
    }
}
