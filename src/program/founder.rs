//! 開設者の種別: who founded the hospital, which decides X1 (国・独立行政法人 are not covered).

use serde::{Deserialize, Serialize};

/// 開設者の種別
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum FounderType {
    National,
    IncorporatedAdministrativeAgency,
    LocalIncorporatedAdministrativeAgency,
    NationalUniversityCorporation,
    Prefecture,
    Municipality,
    MedicalCorporation,
    SocialWelfareCorporation,
    PublicInterestCorporation,
    Individual,
    Other,
}

impl FounderType {
    pub const ALL: [FounderType; 11] = [
        FounderType::National,
        FounderType::IncorporatedAdministrativeAgency,
        FounderType::LocalIncorporatedAdministrativeAgency,
        FounderType::NationalUniversityCorporation,
        FounderType::Prefecture,
        FounderType::Municipality,
        FounderType::MedicalCorporation,
        FounderType::SocialWelfareCorporation,
        FounderType::PublicInterestCorporation,
        FounderType::Individual,
        FounderType::Other,
    ];

    /// The id used in case files and program data.
    pub fn id(self) -> &'static str {
        match self {
            FounderType::National => "national",
            FounderType::IncorporatedAdministrativeAgency => "incorporated_administrative_agency",
            FounderType::LocalIncorporatedAdministrativeAgency => "local_incorporated_administrative_agency",
            FounderType::NationalUniversityCorporation => "national_university_corporation",
            FounderType::Prefecture => "prefecture",
            FounderType::Municipality => "municipality",
            FounderType::MedicalCorporation => "medical_corporation",
            FounderType::SocialWelfareCorporation => "social_welfare_corporation",
            FounderType::PublicInterestCorporation => "public_interest_corporation",
            FounderType::Individual => "individual",
            FounderType::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FounderType::National => "国",
            FounderType::IncorporatedAdministrativeAgency => "独立行政法人（国立研究開発法人を含む）",
            FounderType::LocalIncorporatedAdministrativeAgency => "地方独立行政法人",
            FounderType::NationalUniversityCorporation => "国立大学法人",
            FounderType::Prefecture => "都道府県",
            FounderType::Municipality => "市区町村",
            FounderType::MedicalCorporation => "医療法人",
            FounderType::SocialWelfareCorporation => "社会福祉法人",
            FounderType::PublicInterestCorporation => "公益法人",
            FounderType::Individual => "個人",
            FounderType::Other => "その他",
        }
    }

    pub fn from_id(id: &str) -> Option<FounderType> {
        FounderType::ALL.into_iter().find(|founder| founder.id() == id)
    }

    pub fn from_label(label: &str) -> Option<FounderType> {
        FounderType::ALL.into_iter().find(|founder| founder.label() == label)
    }
}
