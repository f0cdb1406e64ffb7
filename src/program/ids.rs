//! The vocabulary of the programs as Rust enums: the 対象経費 items, the facts an item is counted by, the
//! hospital's declarations and the checks. The program data (data/*.toml) names them by these ids, so a
//! misspelt id fails when the data is parsed (the test of every embedded program catches it), and the case,
//! the store, the workbook and the screens all match on the same enums instead of strings.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A 対象経費 item of a program, by its id in the program data and the case file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ItemId {
    // kanwa-nurse: per trainee
    /// 入学料
    Admission,
    /// 受講料
    Tuition,
    /// 認定審査料
    ExamFee,
    /// 認定登録料
    RegistrationFee,
    /// 人件費
    Salary,
    // kanwa-training: per hospital
    /// 講師報酬
    LecturerFee,
    /// 講師旅費
    LecturerTravel,
    /// 会場借上料
    Venue,
    /// 需用費（会議費）
    MeetingSupplies,
    /// 役務費（郵送代）
    Postage,
    /// 事務費（職員費）
    StaffCost,
}

impl ItemId {
    pub const ALL: [ItemId; 11] = [
        ItemId::Admission,
        ItemId::Tuition,
        ItemId::ExamFee,
        ItemId::RegistrationFee,
        ItemId::Salary,
        ItemId::LecturerFee,
        ItemId::LecturerTravel,
        ItemId::Venue,
        ItemId::MeetingSupplies,
        ItemId::Postage,
        ItemId::StaffCost,
    ];

    /// The id of the program data and the case file: `exam_fee`.
    pub fn id(self) -> &'static str {
        match self {
            ItemId::Admission => "admission",
            ItemId::Tuition => "tuition",
            ItemId::ExamFee => "exam_fee",
            ItemId::RegistrationFee => "registration_fee",
            ItemId::Salary => "salary",
            ItemId::LecturerFee => "lecturer_fee",
            ItemId::LecturerTravel => "lecturer_travel",
            ItemId::Venue => "venue",
            ItemId::MeetingSupplies => "meeting_supplies",
            ItemId::Postage => "postage",
            ItemId::StaffCost => "staff_cost",
        }
    }

    pub fn from_id(id: &str) -> Option<ItemId> {
        ItemId::ALL.into_iter().find(|item| item.id() == id)
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The costs of a row that are not a program item: その他（対象外経費）, in A only, and 寄付金その他の収入 (B).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum OtherAmount {
    /// その他（対象外経費）: textbooks, travel…
    OtherCosts,
    /// 寄付金その他の収入額 (B)
    OtherIncome,
}

impl OtherAmount {
    pub const ALL: [OtherAmount; 2] = [OtherAmount::OtherCosts, OtherAmount::OtherIncome];

    pub fn id(self) -> &'static str {
        match self {
            OtherAmount::OtherCosts => "other_costs",
            OtherAmount::OtherIncome => "other_income",
        }
    }
}

/// Anything a cost entry or a receipt can be for: a program item, or one of the two other amounts of a row.
/// Written as the plain id (`"tuition"`, `"other_costs"`) in every file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(untagged)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum CostItem {
    Item(ItemId),
    Other(OtherAmount),
}

impl CostItem {
    pub const OTHER_COSTS: CostItem = CostItem::Other(OtherAmount::OtherCosts);
    pub const OTHER_INCOME: CostItem = CostItem::Other(OtherAmount::OtherIncome);

    pub fn id(self) -> &'static str {
        match self {
            CostItem::Item(item) => item.id(),
            CostItem::Other(other) => other.id(),
        }
    }

    pub fn from_id(id: &str) -> Option<CostItem> {
        ItemId::from_id(id)
            .map(CostItem::Item)
            .or_else(|| OtherAmount::ALL.into_iter().find(|other| other.id() == id).map(CostItem::Other))
    }

    /// Every cost item a row of the given items has, the items first.
    pub fn of_items(items: impl IntoIterator<Item = ItemId>) -> Vec<CostItem> {
        items.into_iter().map(CostItem::Item).chain(OtherAmount::ALL.map(CostItem::Other)).collect()
    }
}

impl fmt::Display for CostItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A yes/no fact of a row in a 年度 that an item is counted by (`counted_when` in the program data).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum FlagId {
    /// この年度の課程（年度分）を年度内に修了: 受講料 counts only then.
    TuitionCompletedInYear,
    /// 認定済: 認定審査料 and 認定登録料 count only then.
    Certified,
}

impl FlagId {
    pub const ALL: [FlagId; 2] = [FlagId::TuitionCompletedInYear, FlagId::Certified];

    pub fn id(self) -> &'static str {
        match self {
            FlagId::TuitionCompletedInYear => "tuition_completed_in_year",
            FlagId::Certified => "certified",
        }
    }
}

/// A fact only the hospital can declare (the `declaration` checks of the program data).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum DeclarationId {
    /// 対象資格を有する看護師を雇用している (X4)
    EmploysQualifiedNurse,
    /// 東京都がん診療連携協力病院である (K1)
    DesignatedCooperatingHospital,
}

impl DeclarationId {
    pub fn id(self) -> &'static str {
        match self {
            DeclarationId::EmploysQualifiedNurse => "employs_qualified_nurse",
            DeclarationId::DesignatedCooperatingHospital => "designated_cooperating_hospital",
        }
    }
}

/// The id of an eligibility check, as the rules and `hojo check` name it: H1–H4 and X1–X4 of the hospital,
/// T1–T3 of a trainee, K1–K2 of a 研修会 program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum CheckId {
    H1,
    H2,
    H3,
    H4,
    X1,
    X2,
    X3,
    X4,
    T1,
    T2,
    T3,
    K1,
    K2,
}

impl CheckId {
    pub const ALL: [CheckId; 13] = [
        CheckId::H1,
        CheckId::H2,
        CheckId::H3,
        CheckId::H4,
        CheckId::X1,
        CheckId::X2,
        CheckId::X3,
        CheckId::X4,
        CheckId::T1,
        CheckId::T2,
        CheckId::T3,
        CheckId::K1,
        CheckId::K2,
    ];

    pub fn id(self) -> &'static str {
        match self {
            CheckId::H1 => "H1",
            CheckId::H2 => "H2",
            CheckId::H3 => "H3",
            CheckId::H4 => "H4",
            CheckId::X1 => "X1",
            CheckId::X2 => "X2",
            CheckId::X3 => "X3",
            CheckId::X4 => "X4",
            CheckId::T1 => "T1",
            CheckId::T2 => "T2",
            CheckId::T3 => "T3",
            CheckId::K1 => "K1",
            CheckId::K2 => "K2",
        }
    }

    pub fn from_id(id: &str) -> Option<CheckId> {
        CheckId::ALL.into_iter().find(|check| check.id() == id)
    }
}

impl fmt::Display for CheckId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_and_write_as_the_program_data_spells_them() {
        for item in ItemId::ALL {
            assert_eq!(serde_json::to_value(item).unwrap(), item.id());
            assert_eq!(ItemId::from_id(item.id()), Some(item));
        }
        for flag in FlagId::ALL {
            assert_eq!(serde_json::to_value(flag).unwrap(), flag.id());
        }
        for check in CheckId::ALL {
            assert_eq!(serde_json::to_value(check).unwrap(), check.id());
            assert_eq!(CheckId::from_id(check.id()), Some(check));
        }
    }

    #[test]
    fn a_cost_item_is_written_as_its_plain_id() {
        assert_eq!(serde_json::to_value(CostItem::Item(ItemId::ExamFee)).unwrap(), "exam_fee");
        assert_eq!(serde_json::to_value(CostItem::OTHER_INCOME).unwrap(), "other_income");
        assert_eq!(serde_json::from_str::<CostItem>("\"tuition\"").unwrap(), CostItem::Item(ItemId::Tuition));
        assert_eq!(serde_json::from_str::<CostItem>("\"other_costs\"").unwrap(), CostItem::OTHER_COSTS);
        assert!(serde_json::from_str::<CostItem>("\"tution\"").is_err());
        assert_eq!(CostItem::from_id("staff_cost"), Some(CostItem::Item(ItemId::StaffCost)));
    }

    #[test]
    fn a_misspelt_id_is_refused_when_read() {
        assert!(serde_json::from_str::<ItemId>("\"admision\"").is_err());
        assert!(serde_json::from_str::<FlagId>("\"certifed\"").is_err());
        assert!(serde_json::from_str::<CheckId>("\"H9\"").is_err());
    }
}
