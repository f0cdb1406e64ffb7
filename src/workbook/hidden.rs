//! The hidden data sheet, both ways: the values of the case that the 様式 has no visible place for (ids behind
//! the labels, flags, the once-only items of earlier 年度, which salary months were entered, the 届出 the rules
//! name), as key/value rows with a Japanese description. Everything the visible sheets show is read from them,
//! not from here.

use std::collections::HashMap;

use crate::case::{Case, Filing, FounderType, SalaryKind};
use crate::fiscal_year::{FiscalYear, YearMonth};
use crate::program::{FlagId, ItemId, Rules};

/// One row of the data sheet.
pub struct Entry {
    pub key: String,
    pub value: String,
    pub label: String,
}

/// What the data sheet holds, read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hidden {
    pub format: String,
    pub program: String,
    pub fiscal_year: FiscalYear,
    pub prefecture_code: Option<String>,
    pub founder_type: Option<FounderType>,
    pub filings: Vec<Filing>,
    pub employs_qualified_nurse: bool,
    /// A contact with every field empty still exists in the case.
    pub contact_present: bool,
    pub trainees: Vec<HiddenTrainee>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HiddenTrainee {
    pub qualification: String,
    pub salary_kind: SalaryKind,
    pub tuition_completed_in_year: bool,
    pub certified: bool,
    pub salary_months: Vec<YearMonth>,
    pub prior_items: Vec<ItemId>,
}

fn entry(key: impl Into<String>, value: impl Into<String>, label: impl Into<String>) -> Entry {
    Entry { key: key.into(), value: value.into(), label: label.into() }
}

fn flag(value: bool) -> &'static str {
    if value { "true" } else { "false" }
}

/// The rows for a case as the workbook keeps it (`kept`: only the 届出 the rules name), in a fixed order.
pub fn entries(case: &Case, rules: &Rules) -> Vec<Entry> {
    let hospital = &case.hospital;
    let filings = serde_json::to_string(&hospital.filings).unwrap_or_else(|_| "[]".to_string());
    // The questions as the program words them (受講料: this 年度's part of the course, not the whole course).
    let flag_label = |flag: FlagId, fallback: &str| rules.flag(flag).map_or(fallback.to_string(), |f| f.label.clone());
    let completed = flag_label(FlagId::TuitionCompletedInYear, "本年度分の課程を年度内に修了する");
    let certified = flag_label(FlagId::Certified, "認定された");
    let mut rows = vec![
        entry("format", &case.format, "ケースファイルの形式"),
        entry("program", &case.program, "事業"),
        entry("fiscal_year", case.fiscal_year.starting_year().to_string(), "年度（開始する西暦年）"),
        entry("hospital.prefecture_code", hospital.prefecture_code.clone().unwrap_or_default(), "都道府県コード"),
        entry("hospital.founder_type", hospital.founder_type.map_or("", FounderType::id), "開設者の種別"),
        entry(
            "hospital.filings",
            filings,
            "届出のうち、この事業の要件に関わるもの（受理記号・受理番号・算定開始年月日）。別紙1に表示したものの受理番号・算定開始年月日は別紙1の値を使います",
        ),
        entry(
            "hospital.employs_qualified_nurse",
            flag(hospital.employs_qualified_nurse),
            "対象資格を有する看護師を雇用している",
        ),
        entry("hospital.contact", flag(hospital.contact.is_some()), "担当者の記入欄がある"),
        entry("trainees", case.trainees.len().to_string(), "受講者数"),
    ];
    for (index, trainee) in case.trainees.iter().enumerate() {
        let at = |field: &str| format!("trainees[{index}].{field}");
        let who = format!("受講者{}", index + 1);
        let months: Vec<String> = trainee.salary_months.iter().map(|entry| entry.month.to_string()).collect();
        rows.extend([
            entry(at("qualification"), &trainee.qualification, format!("{who} 対象資格")),
            entry(at("salary_kind"), trainee.salary_kind.id(), format!("{who} 人件費の区分")),
            entry(
                at("tuition_completed_in_year"),
                flag(trainee.tuition_completed_in_year),
                format!("{who} 受講料: {completed}"),
            ),
            entry(at("certified"), flag(trainee.certified), format!("{who} {certified}")),
            entry(at("salary_months"), months.join(","), format!("{who} 人件費を月別に入力した月（金額は別紙3）")),
            entry(
                at("prior_items"),
                trainee.prior_items.iter().map(|item| item.id()).collect::<Vec<_>>().join(","),
                format!("{who} 前年度までに計上済みの経費"),
            ),
        ]);
    }
    rows
}

/// Why the data sheet could not be understood: the key and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HiddenError {
    pub key: String,
    pub message: String,
}

/// Reads the rows back (key → value).
pub fn parse(values: &HashMap<String, String>) -> Result<Hidden, HiddenError> {
    let get = |key: &str| -> Result<&str, HiddenError> {
        values
            .get(key)
            .map(String::as_str)
            .ok_or_else(|| HiddenError { key: key.to_string(), message: "項目がありません".to_string() })
    };
    let bad = |key: &str, message: &str| HiddenError { key: key.to_string(), message: message.to_string() };
    let boolean = |key: &str| -> Result<bool, HiddenError> {
        match get(key)? {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(bad(key, "true か false のはずです")),
        }
    };
    let optional = |key: &str| -> Result<Option<String>, HiddenError> {
        let value = get(key)?;
        Ok((!value.is_empty()).then(|| value.to_string()))
    };
    let number =
        |key: &str| -> Result<i64, HiddenError> { get(key)?.parse().map_err(|_| bad(key, "整数のはずです")) };
    let list = |key: &str| -> Result<Vec<String>, HiddenError> {
        let value = get(key)?;
        Ok(if value.is_empty() { Vec::new() } else { value.split(',').map(str::to_string).collect() })
    };

    let founder_type = match optional("hospital.founder_type")? {
        None => None,
        Some(id) => {
            Some(FounderType::from_id(&id).ok_or_else(|| bad("hospital.founder_type", "開設者の種別が不明です"))?)
        }
    };
    let filings: Vec<Filing> = serde_json::from_str(get("hospital.filings")?)
        .map_err(|_| bad("hospital.filings", "届出の一覧が読めません"))?;
    let count = usize::try_from(number("trainees")?).map_err(|_| bad("trainees", "受講者数が負です"))?;
    if count > MAX_TRAINEES {
        return Err(bad("trainees", "受講者数が多すぎます"));
    }
    let mut trainees = Vec::with_capacity(count);
    for index in 0..count {
        let key = |field: &str| format!("trainees[{index}].{field}");
        let salary_kind = match get(&key("salary_kind"))? {
            "trainee" => SalaryKind::Trainee,
            "substitute" => SalaryKind::Substitute,
            _ => return Err(bad(&key("salary_kind"), "人件費の区分が不明です")),
        };
        let salary_months = list(&key("salary_months"))?
            .iter()
            .map(|month| month.parse::<YearMonth>().map_err(|message| bad(&key("salary_months"), &message)))
            .collect::<Result<Vec<_>, _>>()?;
        trainees.push(HiddenTrainee {
            qualification: get(&key("qualification"))?.to_string(),
            salary_kind,
            tuition_completed_in_year: boolean(&key("tuition_completed_in_year"))?,
            certified: boolean(&key("certified"))?,
            salary_months,
            prior_items: list(&key("prior_items"))?
                .iter()
                .map(|id| {
                    ItemId::from_id(id).ok_or_else(|| bad(&key("prior_items"), &format!("経費「{id}」が不明です")))
                })
                .collect::<Result<_, _>>()?,
        });
    }
    let fiscal_year = i32::try_from(number("fiscal_year")?).map_err(|_| bad("fiscal_year", "年度が範囲外です"))?;
    Ok(Hidden {
        format: get("format")?.to_string(),
        program: get("program")?.to_string(),
        fiscal_year: FiscalYear::new(fiscal_year),
        prefecture_code: optional("hospital.prefecture_code")?,
        founder_type,
        filings,
        employs_qualified_nurse: boolean("hospital.employs_qualified_nurse")?,
        contact_present: boolean("hospital.contact")?,
        trainees,
    })
}

/// More trainees than Hojo accepts in one application (limits.rs); a larger count means a damaged sheet, and
/// reading on would only spend memory.
pub use crate::limits::MAX_TRAINEES;
