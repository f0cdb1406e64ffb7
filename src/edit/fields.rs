//! The fields the forms edit, by the case-file path they write and the Japanese name a message gives them.

use serde::{Deserialize, Serialize};

use crate::program::{CostItem, FlagId};

/// A field of the hospital's profile (病院情報).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum HospitalField {
    #[serde(rename = "name")]
    Name,
    #[serde(rename = "prefecture_code")]
    PrefectureCode,
    #[serde(rename = "address")]
    Address,
    #[serde(rename = "founder_type")]
    FounderType,
    #[serde(rename = "beds")]
    Beds,
    #[serde(rename = "employs_qualified_nurse")]
    EmploysQualifiedNurse,
    #[serde(rename = "representative")]
    Representative,
    #[serde(rename = "purpose")]
    Purpose,
    #[serde(rename = "contact.department")]
    ContactDepartment,
    #[serde(rename = "contact.name")]
    ContactName,
    #[serde(rename = "contact.phone")]
    ContactPhone,
    #[serde(rename = "contact.email")]
    ContactEmail,
    #[serde(rename = "designated_cooperating_hospital")]
    DesignatedCooperatingHospital,
}

impl HospitalField {
    pub const ALL: [HospitalField; 13] = [
        HospitalField::Name,
        HospitalField::PrefectureCode,
        HospitalField::Address,
        HospitalField::FounderType,
        HospitalField::Beds,
        HospitalField::EmploysQualifiedNurse,
        HospitalField::Representative,
        HospitalField::Purpose,
        HospitalField::ContactDepartment,
        HospitalField::ContactName,
        HospitalField::ContactPhone,
        HospitalField::ContactEmail,
        HospitalField::DesignatedCooperatingHospital,
    ];

    /// The case-file path: `hospital.contact.phone`.
    pub fn path(self) -> String {
        format!("hospital.{}", self.id())
    }

    /// The path below `hospital`: `contact.phone`.
    pub fn id(self) -> &'static str {
        match self {
            HospitalField::Name => "name",
            HospitalField::PrefectureCode => "prefecture_code",
            HospitalField::Address => "address",
            HospitalField::FounderType => "founder_type",
            HospitalField::Beds => "beds",
            HospitalField::EmploysQualifiedNurse => "employs_qualified_nurse",
            HospitalField::Representative => "representative",
            HospitalField::Purpose => "purpose",
            HospitalField::ContactDepartment => "contact.department",
            HospitalField::ContactName => "contact.name",
            HospitalField::ContactPhone => "contact.phone",
            HospitalField::ContactEmail => "contact.email",
            HospitalField::DesignatedCooperatingHospital => "designated_cooperating_hospital",
        }
    }

    /// How the form names the field.
    pub fn label(self) -> &'static str {
        match self {
            HospitalField::Name => "病院名",
            HospitalField::PrefectureCode => "都道府県",
            HospitalField::Address => "所在地",
            HospitalField::FounderType => "開設者の種別",
            HospitalField::Beds => "病床数",
            HospitalField::EmploysQualifiedNurse => "対象資格を有する看護師の雇用",
            HospitalField::Representative => "代表者職氏名",
            HospitalField::Purpose => "事業の目的及び効果",
            HospitalField::ContactDepartment => "担当者の所属",
            HospitalField::ContactName => "担当者の氏名",
            HospitalField::ContactPhone => "担当者の電話番号",
            HospitalField::ContactEmail => "担当者のメールアドレス",
            HospitalField::DesignatedCooperatingHospital => "東京都がん診療連携協力病院の指定",
        }
    }
}

/// A field of a 研修会.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum TrainingField {
    Title,
    HeldOn,
    Venue,
    PlannedParticipants,
    FollowsGuideline,
}

impl TrainingField {
    pub fn id(self) -> &'static str {
        match self {
            TrainingField::Title => "title",
            TrainingField::HeldOn => "held_on",
            TrainingField::Venue => "venue",
            TrainingField::PlannedParticipants => "planned_participants",
            TrainingField::FollowsGuideline => "follows_guideline",
        }
    }
}

/// A field of a line of 積算内訳.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum WorkingField {
    Description,
    UnitPrice,
    Quantity,
    Unit,
}

impl WorkingField {
    pub fn id(self) -> &'static str {
        match self {
            WorkingField::Description => "description",
            WorkingField::UnitPrice => "unit_price",
            WorkingField::Quantity => "quantity",
            WorkingField::Unit => "unit",
        }
    }
}

/// A field of a trainee that is not an amount or a flag: who she is and her course.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ProfileField {
    Name,
    Qualification,
    Institution,
    ExamFiscalYear,
    EnrolledOn,
    CourseEndsOn,
    SalaryKind,
    PriorYearsStandardUsed,
}

impl ProfileField {
    pub fn id(self) -> &'static str {
        match self {
            ProfileField::Name => "name",
            ProfileField::Qualification => "qualification",
            ProfileField::Institution => "institution",
            ProfileField::ExamFiscalYear => "exam_fiscal_year",
            ProfileField::EnrolledOn => "enrolled_on",
            ProfileField::CourseEndsOn => "course_ends_on",
            ProfileField::SalaryKind => "salary_kind",
            ProfileField::PriorYearsStandardUsed => "prior_years_standard_used",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ProfileField::Name => "氏名",
            ProfileField::Qualification => "対象資格",
            ProfileField::Institution => "教育機関名",
            ProfileField::ExamFiscalYear => "認定審査受審予定年度",
            ProfileField::EnrolledOn => "入学（受講開始）年月日",
            ProfileField::CourseEndsOn => "修了予定年月日",
            ProfileField::SalaryKind => "人件費の区分",
            ProfileField::PriorYearsStandardUsed => "前年度までの選定額の合計",
        }
    }
}

/// Any field of a trainee the forms edit: her profile, an amount, or a flag. Written as the case-file field
/// name (`"tuition"`, `"certified"`, `"enrolled_on"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum TraineeField {
    Profile(ProfileField),
    Cost(CostItem),
    Flag(FlagId),
}

impl TraineeField {
    pub fn id(self) -> &'static str {
        match self {
            TraineeField::Profile(field) => field.id(),
            TraineeField::Cost(item) => item.id(),
            TraineeField::Flag(flag) => flag.id(),
        }
    }

    /// The case-file path of this field of the trainee at `index`.
    pub fn path(self, index: usize) -> String {
        format!("trainees[{index}].{}", self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::program::ItemId;

    #[test]
    fn fields_are_written_as_their_case_file_names() {
        assert_eq!(serde_json::to_value(HospitalField::ContactPhone).unwrap(), "contact.phone");
        for field in HospitalField::ALL {
            assert_eq!(serde_json::to_value(field).unwrap(), field.id());
        }
        assert_eq!(serde_json::to_value(TraineeField::Cost(CostItem::Item(ItemId::Tuition))).unwrap(), "tuition");
        assert_eq!(
            serde_json::from_str::<TraineeField>("\"certified\"").unwrap(),
            TraineeField::Flag(FlagId::Certified)
        );
        assert_eq!(
            serde_json::from_str::<TraineeField>("\"enrolled_on\"").unwrap(),
            TraineeField::Profile(ProfileField::EnrolledOn)
        );
        assert_eq!(
            serde_json::from_str::<TraineeField>("\"other_income\"").unwrap(),
            TraineeField::Cost(CostItem::OTHER_INCOME)
        );
        assert_eq!(TraineeField::Cost(CostItem::OTHER_COSTS).path(2), "trainees[2].other_costs");
    }
}
