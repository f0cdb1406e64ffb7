//! The case: one hospital's application for one 年度 (`hojo-case/1`). The portable form of an application that
//! the command line reads, the app imports and exports, and the workbook and database translate to and from.

mod dates;
mod filing;
mod json;
mod report;
mod training;
mod validate;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::fiscal_year::{FiscalYear, YearMonth};
use crate::money::Yen;
use crate::program::{CostItem, DeclarationId, FlagId, ItemId, OtherAmount};

pub use crate::program::FounderType;

pub use filing::Filing;
pub use json::{CaseError, Problem, parse_case, to_json};
pub use report::{CourseStatus, Decision, Receipt, Stage, TraineeReport};
pub use training::{Training, WorkingLine};
pub use validate::{problems, validate};

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
    /// An application (the plan) or a 実績報告 (what was actually paid in the 年度).
    #[serde(default, skip_serializing_if = "Stage::is_application")]
    pub stage: Stage,
    /// The 交付決定 (or the latest 変更交付決定): required for a report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    /// 受入済額: what the 都 has already paid for this application (概算払).
    #[serde(default, skip_serializing_if = "Yen::is_zero")]
    pub received: Yen,
    // The form of a program whose row is the hospital (kanwa-training); empty for the others.
    /// 研修会
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trainings: Vec<Training>,
    /// The 対象経費 by item; an absent item is 0.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub costs: BTreeMap<ItemId, Yen>,
    /// Each item's 積算内訳; an item with lines amounts to their sum.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub workings: BTreeMap<ItemId, Vec<WorkingLine>>,
    /// その他の経費（対象外）: in A, never in D.
    #[serde(default, skip_serializing_if = "Yen::is_zero")]
    pub other_costs: Yen,
    /// 受講料収入その他の収入 (B).
    #[serde(default, skip_serializing_if = "Yen::is_zero")]
    pub other_income: Yen,
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
    /// The hospital's declaration for K1: 東京都がん診療連携協力病院の指定を受けている.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub designated_cooperating_hospital: Option<bool>,
}

impl Hospital {
    pub fn has_filing(&self, symbol: &str) -> bool {
        self.filings.iter().any(|filing| filing.symbol == symbol)
    }

    pub fn filing(&self, symbol: &str) -> Option<&Filing> {
        self.filings.iter().find(|filing| filing.symbol == symbol)
    }

    /// A declaration a program's check asks about; `None` when this case form does not hold it.
    pub fn declaration(&self, field: DeclarationId) -> Option<bool> {
        match field {
            DeclarationId::EmploysQualifiedNurse => Some(self.employs_qualified_nurse),
            DeclarationId::DesignatedCooperatingHospital => self.designated_cooperating_hospital,
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
    pub prior_items: Vec<ItemId>,
    /// The payments behind the amounts (a report's 領収書): an item with receipts amounts to their sum.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub receipts: Vec<Receipt>,
    /// A report's 受講状況, 修了年月日, 認定年月日 and 事業の成果.
    #[serde(default, skip_serializing_if = "TraineeReport::is_empty")]
    pub report: TraineeReport,
}

/// The one table from a cost item to the trainee's field that holds it: both accessors are generated from it.
macro_rules! trainee_cost_fields {
    ($($item:pat => $field:ident),* $(,)?) => {
        impl Trainee {
            /// The amount entered for a cost item (for 人件費, the yearly amount, not the months); `None` for
            /// the items of programs whose rows are not trainees.
            pub fn cost(&self, item: CostItem) -> Option<Yen> {
                match item {
                    $($item => Some(self.$field),)*
                    _ => None,
                }
            }

            /// The field of a cost item, to change it.
            pub fn cost_mut(&mut self, item: CostItem) -> Option<&mut Yen> {
                match item {
                    $($item => Some(&mut self.$field),)*
                    _ => None,
                }
            }
        }
    };
}

trainee_cost_fields! {
    CostItem::Item(ItemId::Admission) => admission,
    CostItem::Item(ItemId::Tuition) => tuition,
    CostItem::Item(ItemId::ExamFee) => exam_fee,
    CostItem::Item(ItemId::RegistrationFee) => registration_fee,
    CostItem::Item(ItemId::Salary) => salary,
    CostItem::Other(OtherAmount::OtherCosts) => other_costs,
    CostItem::Other(OtherAmount::OtherIncome) => other_income,
}

impl Trainee {
    /// The cost items a trainee row holds, in the case file's order.
    pub const COST_ITEMS: [CostItem; 7] = [
        CostItem::Item(ItemId::Admission),
        CostItem::Item(ItemId::Tuition),
        CostItem::Item(ItemId::ExamFee),
        CostItem::Item(ItemId::RegistrationFee),
        CostItem::Item(ItemId::Salary),
        CostItem::OTHER_COSTS,
        CostItem::OTHER_INCOME,
    ];

    /// A flag a program item is counted by (`counted_when` in the program data).
    pub fn flag(&self, flag: FlagId) -> bool {
        match flag {
            FlagId::TuitionCompletedInYear => self.tuition_completed_in_year,
            FlagId::Certified => self.certified,
        }
    }

    pub fn set_flag(&mut self, flag: FlagId, value: bool) {
        match flag {
            FlagId::TuitionCompletedInYear => self.tuition_completed_in_year = value,
            FlagId::Certified => self.certified = value,
        }
    }

    /// The sum of the receipts of an item; `None` when the item has none.
    pub fn receipts_total(&self, item: CostItem) -> Option<Yen> {
        let mut receipts = self.receipts.iter().filter(|receipt| receipt.item == item).peekable();
        receipts.peek()?;
        Some(receipts.map(|receipt| receipt.amount).sum())
    }

    /// The salary is entered month by month.
    pub fn salary_is_monthly(&self) -> bool {
        !self.salary_months.is_empty()
    }

    /// The course period overlaps the 年度 by at least one day.
    pub fn course_overlaps(&self, year: FiscalYear) -> bool {
        self.enrolled_on <= year.last_day() && year.first_day() <= self.course_ends_on
    }

    /// The 年度 is her 認定審査 年度 and the course no longer runs in it (T3: only 認定審査料・認定登録料 count).
    pub fn is_exam_year_after_course(&self, year: FiscalYear) -> bool {
        self.exam_fiscal_year == Some(year) && !self.course_overlaps(year)
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
    /// The case in its one canonical form: salary months in calendar order (the forms and the workbook list
    /// them so, whatever order they were entered in).
    ///
    /// An item given by its receipts alone (its amount left 0) amounts to their sum (settlement.md), and so does
    /// an item given by its 積算内訳 alone.
    pub fn normalize(&mut self) {
        for (item, lines) in &self.workings {
            let sum: Yen = lines.iter().map(WorkingLine::amount).sum();
            let amount = self.costs.entry(*item).or_insert(Yen::ZERO);
            if *amount == Yen::ZERO {
                *amount = sum;
            }
        }
        for trainee in &mut self.trainees {
            trainee.salary_months.sort_by_key(|entry| entry.month);
            for item in Trainee::COST_ITEMS {
                let sum = trainee.receipts_total(item);
                if let (Some(sum), Some(amount)) = (sum, trainee.cost_mut(item))
                    && *amount == Yen::ZERO
                {
                    *amount = sum;
                }
            }
        }
    }

    /// An empty case for a hospital and 年度, as the app starts one.
    pub fn new(program: &str, fiscal_year: FiscalYear, hospital: Hospital) -> Case {
        Case {
            format: CASE_FORMAT.to_string(),
            program: program.to_string(),
            fiscal_year,
            hospital,
            trainees: Vec::new(),
            stage: Stage::Application,
            decision: None,
            received: Yen::ZERO,
            trainings: Vec::new(),
            costs: BTreeMap::new(),
            workings: BTreeMap::new(),
            other_costs: Yen::ZERO,
            other_income: Yen::ZERO,
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
        receipts: Vec::new(),
        report: Default::default(),
    }
}
