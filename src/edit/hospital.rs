//! Edits of 病院情報: each field read from the text typed, the 届出 kept verbatim.

use super::{Change, EditError, HospitalField};
use crate::case::{Contact, Filing, FounderType, Hospital};
use crate::normalize::to_half_width;
use crate::typed_input::parse_date;

pub fn set_field(hospital: &mut Hospital, field: HospitalField, text: &str) -> Result<Change, EditError> {
    let path = field.path();
    match field {
        HospitalField::Name => {
            if text.trim().is_empty() {
                return Err(EditError::at(path, "病院名が入力されていません。病院の正式名称を入力してください"));
            }
            hospital.name = text.trim().to_string();
        }
        HospitalField::PrefectureCode => {
            let code = to_half_width(text).trim().to_string();
            let code = if code.len() == 1 { format!("0{code}") } else { code };
            let valid = code.is_empty() || crate::prefecture::by_code(&code).is_some();
            if !valid {
                return Err(EditError::at(path, "都道府県を一覧から選んでください"));
            }
            hospital.prefecture_code = optional_text(&code);
        }
        HospitalField::Address => hospital.address = optional_text(text),
        HospitalField::FounderType => {
            hospital.founder_type = if text.trim().is_empty() {
                None
            } else {
                let founder = FounderType::from_id(text.trim()).or_else(|| FounderType::from_label(text.trim()));
                Some(founder.ok_or_else(|| EditError::at(&path, "開設者の種別を一覧から選んでください"))?)
            };
        }
        HospitalField::Beds => hospital.beds = whole_number(&path, text, "病床数", &['床'])?,
        HospitalField::EmploysQualifiedNurse => hospital.employs_qualified_nurse = flag(&path, text)?,
        HospitalField::DesignatedCooperatingHospital => {
            hospital.designated_cooperating_hospital =
                if text.trim().is_empty() { None } else { Some(flag(&path, text)?) };
        }
        HospitalField::Representative => hospital.representative = optional_text(text),
        HospitalField::Purpose => hospital.purpose = optional_text(text),
        HospitalField::ContactDepartment
        | HospitalField::ContactName
        | HospitalField::ContactPhone
        | HospitalField::ContactEmail => {
            let value = optional_text(text);
            if field == HospitalField::ContactEmail
                && let Some(email) = &value
                && !email.contains('@')
            {
                return Err(EditError::at(
                    path,
                    "メールアドレスは kango@example.jp のように @ を含めて入力してください",
                ));
            }
            let contact = hospital.contact.get_or_insert_with(Contact::default);
            let slot = match field {
                HospitalField::ContactDepartment => &mut contact.department,
                HospitalField::ContactName => &mut contact.name,
                HospitalField::ContactPhone => &mut contact.phone,
                _ => &mut contact.email,
            };
            *slot = value;
            if hospital.contact.as_ref().is_some_and(|contact| *contact == Contact::default()) {
                hospital.contact = None;
            }
        }
    }
    Ok(Change::Hospital)
}

pub fn add_filing(hospital: &mut Hospital, symbol: &str, number: &str, since: &str) -> Result<Change, EditError> {
    let path = format!("hospital.filings[{}]", hospital.filings.len());
    let symbol = symbol.trim();
    if symbol.is_empty() {
        return Err(EditError::at(path, "受理記号を入力してください（例: 地包ケア１、がん疼）"));
    }
    if hospital.has_filing(symbol) {
        return Err(EditError::at(path, format!("「{symbol}」は既に入力されています")));
    }
    let since = if since.trim().is_empty() {
        None
    } else {
        Some(parse_date(since).map_err(|error| EditError::at(format!("{path}.since"), error.to_string()))?)
    };
    hospital.filings.push(Filing { symbol: symbol.to_string(), number: optional_text(number), since });
    Ok(Change::Hospital)
}

/// Text to an optional string: blank is "not given".
pub(super) fn optional_text(text: &str) -> Option<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() { None } else { Some(trimmed.to_string()) }
}

/// はい／いいえ as the forms send it.
pub(super) fn flag(path: &str, text: &str) -> Result<bool, EditError> {
    match text.trim() {
        "true" | "はい" => Ok(true),
        "false" | "いいえ" => Ok(false),
        _ => Err(EditError::at(path, "はい／いいえで選んでください")),
    }
}

/// A count as typed (１２０床, 120): blank is "not given".
pub(super) fn whole_number(path: &str, text: &str, what: &str, units: &[char]) -> Result<Option<u32>, EditError> {
    let cleaned: String = to_half_width(text).chars().filter(|c| !c.is_whitespace() && *c != ',').collect();
    let cleaned = cleaned.trim_end_matches(units);
    if cleaned.is_empty() {
        return Ok(None);
    }
    cleaned.parse::<u32>().map(Some).map_err(|_| {
        EditError::at(path, format!("「{}」は{what}として読めません。数字で入力してください", text.trim()))
    })
}
