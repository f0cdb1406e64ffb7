//! The case: one hospital's application for one 年度 (`hojo-case/1`). The portable form of an application that
//! the command line reads, the app imports and exports, and the workbook and database translate to and from.

mod dates;
mod filing;
mod json;
mod validate;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::fiscal_year::{FiscalYear, YearMonth};
use crate::money::Yen;

pub use filing::Filing;
pub use json::{CaseError, Problem, parse_case, to_json};
pub use validate::validate;

/// The format tag every case file carries.
pub const CASE_FORMAT: &str = "hojo-case/1";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Case {
    pub format: String,
    pub program: String,
    pub fiscal_year: FiscalYear,
    pub hospital: Hospital,
    #[serde(default)]
    pub trainees: Vec<Trainee>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Hospital {
    pub name: String,
    /// 都道府県コード, two digits: "13" is 東京都.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefecture_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// 開設者 (X1)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founder_type: Option<FounderType>,
    /// 病床数 (H2)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beds: Option<u32>,
    /// 届出: 受理記号 as the 厚生局's 名簿 writes them.
    #[serde(default)]
    pub filings: Vec<Filing>,
    /// The hospital's declaration for X4.
    #[serde(default)]
    pub employs_qualified_nurse: bool,
    /// 代表者職氏名: 理事長 東京 太郎
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub representative: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// 事業の目的及び効果
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
}

impl Hospital {
    pub fn has_filing(&self, symbol: &str) -> bool {
        self.filings.iter().any(|filing| filing.symbol == symbol)
    }

    pub fn filing(&self, symbol: &str) -> Option<&Filing> {
        self.filings.iter().find(|filing| filing.symbol == symbol)
    }

    /// A declaration a program's check asks about, by its field name; `None` when the case has no such field.
    pub fn declaration(&self, field: &str) -> Option<bool> {
        match field {
            "employs_qualified_nurse" => Some(self.employs_qualified_nurse),
            _ => None,
        }
    }
}

/// 担当者
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Contact {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Trainee {
    pub name: String,
    /// 対象資格 id from the program data (T1 checks it).
    pub qualification: String,
    /// 教育機関名
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<String>,
    /// 認定審査受審予定年度
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exam_fiscal_year: Option<FiscalYear>,
    /// 入学（受講開始）年月日
    #[serde(with = "dates::required")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub enrolled_on: NaiveDate,
    /// 修了予定年月日
    #[serde(with = "dates::required")]
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub course_ends_on: NaiveDate,
    #[serde(default)]
    pub admission: Yen,
    #[serde(default)]
    pub tuition: Yen,
    /// The year's course was completed within the 年度 (受講料 counts only then).
    #[serde(default)]
    pub tuition_completed_in_year: bool,
    #[serde(default)]
    pub exam_fee: Yen,
    #[serde(default)]
    pub registration_fee: Yen,
    /// 認定済 (認定審査料 and 認定登録料 count only then).
    #[serde(default)]
    pub certified: bool,
    #[serde(default)]
    pub salary_kind: SalaryKind,
    /// 人件費 as one amount for the 年度, taken as falling inside the course and the 年度.
    #[serde(default)]
    pub salary: Yen,
    /// 人件費 month by month; only months inside both the course and the 年度 count.
    #[serde(default)]
    pub salary_months: Vec<SalaryMonth>,
    /// その他（対象外経費）: textbooks, travel…
    #[serde(default)]
    pub other_costs: Yen,
    /// 寄付金その他の収入額 (B)
    #[serde(default)]
    pub other_income: Yen,
    /// The 選定額 of this trainee's earlier 年度, summed (for the 12,300,000円 cap).
    #[serde(default)]
    pub prior_years_standard_used: Yen,
    /// Once-only items claimed in an earlier 年度.
    #[serde(default)]
    pub prior_items: Vec<String>,
}

impl Trainee {
    /// A flag a program item is counted by (`counted_when` in the program data); `None` when unknown.
    pub fn flag(&self, name: &str) -> Option<bool> {
        match name {
            "tuition_completed_in_year" => Some(self.tuition_completed_in_year),
            "certified" => Some(self.certified),
            _ => None,
        }
    }

    /// The entered amount of a lump-sum item, by its program id; `None` for ids this case form does not have.
    pub fn item_amount(&self, item_id: &str) -> Option<Yen> {
        match item_id {
            "admission" => Some(self.admission),
            "tuition" => Some(self.tuition),
            "exam_fee" => Some(self.exam_fee),
            "registration_fee" => Some(self.registration_fee),
            "salary" => Some(self.salary),
            _ => None,
        }
    }
}

/// 人件費の区分
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum SalaryKind {
    /// 受講者の給与費
    #[default]
    Trainee,
    /// 代替看護職員給与費
    Substitute,
}

impl SalaryKind {
    pub fn label(self) -> &'static str {
        match self {
            SalaryKind::Trainee => "受講者給与費",
            SalaryKind::Substitute => "代替看護職員給与費",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            SalaryKind::Trainee => "trainee",
            SalaryKind::Substitute => "substitute",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SalaryMonth {
    pub month: YearMonth,
    pub amount: Yen,
}

impl Case {
    /// An empty case for a hospital and 年度, as the app starts one.
    pub fn new(program: &str, fiscal_year: FiscalYear, hospital: Hospital) -> Case {
        Case {
            format: CASE_FORMAT.to_string(),
            program: program.to_string(),
            fiscal_year,
            hospital,
            trainees: Vec::new(),
        }
    }
}

/// A trainee with every amount zero, for tests that change one field at a time.
#[cfg(test)]
pub(crate) fn sample_trainee() -> Trainee {
    Trainee {
        name: "看護 花子".into(),
        qualification: "palliative_care_cn".into(),
        institution: None,
        exam_fiscal_year: None,
        enrolled_on: NaiveDate::from_ymd_opt(2024, 4, 8).expect("valid date"),
        course_ends_on: NaiveDate::from_ymd_opt(2025, 3, 14).expect("valid date"),
        admission: Yen::ZERO,
        tuition: Yen::ZERO,
        tuition_completed_in_year: false,
        exam_fee: Yen::ZERO,
        registration_fee: Yen::ZERO,
        certified: false,
        salary_kind: SalaryKind::Trainee,
        salary: Yen::ZERO,
        salary_months: vec![],
        other_costs: Yen::ZERO,
        other_income: Yen::ZERO,
        prior_years_standard_used: Yen::ZERO,
        prior_items: vec![],
    }
}
