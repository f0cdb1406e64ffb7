//! One edit of a case as the screens send it: a field named by its case-file path and the text the user typed.
//! The text is read with the engine's `typed_input` (full-width digits, commas, 和暦); a refused text changes
//! nothing and comes back as a message for the field.

use hojo::case::{Case, Contact, Filing, FounderType, SalaryKind, SalaryMonth, Trainee};
use hojo::fiscal_year::{FiscalYear, YearMonth};
use hojo::money::Yen;
use hojo::program::Program;
use hojo::typed_input::{parse_date, parse_yen, to_half_width};

use crate::error::{AppError, AppResult};

/// Text to an optional string: blank is "not given".
fn optional_text(value: &str) -> Option<String> {
    let trimmed = value.trim();
    if trimmed.is_empty() { None } else { Some(trimmed.to_string()) }
}

fn flag(path: &str, value: &str) -> AppResult<bool> {
    match value {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(AppError::at(path, "はい／いいえで選んでください")),
    }
}

fn amount(path: &str, value: &str) -> AppResult<Yen> {
    parse_yen(value).map_err(|error| AppError::at(path, error.to_string()))
}

fn whole_number(path: &str, value: &str, what: &str) -> AppResult<Option<u32>> {
    let cleaned: String = to_half_width(value).chars().filter(|c| !c.is_whitespace() && *c != ',').collect();
    let cleaned = cleaned.trim_end_matches(['床', '年', '度']);
    if cleaned.is_empty() {
        return Ok(None);
    }
    cleaned.parse::<u32>().map(Some).map_err(|_| {
        AppError::at(path, format!("「{}」は{what}として読めません。数字で入力してください", value.trim()))
    })
}

pub fn set_hospital_field(case: &mut Case, field: &str, value: &str) -> AppResult<()> {
    let path = format!("hospital.{field}");
    let hospital = &mut case.hospital;
    match field {
        "name" => {
            if value.trim().is_empty() {
                return Err(AppError::at(path, "病院名が空です。病院の正式名称を入力してください"));
            }
            hospital.name = value.trim().to_string();
        }
        "prefecture_code" => {
            let code = to_half_width(value).trim().to_string();
            let valid = code.is_empty() || (code.len() == 2 && code.parse::<u8>().is_ok_and(|n| (1..=47).contains(&n)));
            if !valid {
                return Err(AppError::at(path, "都道府県を一覧から選んでください"));
            }
            hospital.prefecture_code = optional_text(&code);
        }
        "address" => hospital.address = optional_text(value),
        "founder_type" => {
            hospital.founder_type = if value.is_empty() {
                None
            } else {
                Some(
                    FounderType::from_id(value)
                        .ok_or_else(|| AppError::at(&path, "開設者の種別を一覧から選んでください"))?,
                )
            };
        }
        "beds" => hospital.beds = whole_number(&path, value, "病床数")?,
        "employs_qualified_nurse" => hospital.employs_qualified_nurse = flag(&path, value)?,
        "representative" => hospital.representative = optional_text(value),
        "purpose" => hospital.purpose = optional_text(value),
        "contact.department" | "contact.name" | "contact.phone" | "contact.email" => {
            let contact = hospital.contact.get_or_insert_with(Contact::default);
            let text = optional_text(value);
            match field {
                "contact.department" => contact.department = text,
                "contact.name" => contact.name = text,
                "contact.phone" => contact.phone = text,
                _ => {
                    if let Some(email) = &text
                        && !email.contains('@')
                    {
                        return Err(AppError::at(
                            path,
                            "メールアドレスは kango@example.jp のように @ を含めて入力してください",
                        ));
                    }
                    contact.email = text;
                }
            }
            if hospital.contact.as_ref().is_some_and(|c| *c == Contact::default()) {
                hospital.contact = None;
            }
        }
        _ => return Err(AppError::at(path, format!("病院の項目「{field}」はありません"))),
    }
    Ok(())
}

/// A 届出 as typed on 病院情報: 受理記号 verbatim, 受理番号 and 算定開始年月日 optional.
pub fn add_filing(case: &mut Case, symbol: &str, number: &str, since: &str) -> AppResult<()> {
    let path = format!("hospital.filings[{}]", case.hospital.filings.len());
    let symbol = symbol.trim();
    if symbol.is_empty() {
        return Err(AppError::at(path, "受理記号を入力してください（例: 地包ケア１、がん疼）"));
    }
    if case.hospital.has_filing(symbol) {
        return Err(AppError::at(path, format!("受理記号「{symbol}」はすでに登録されています")));
    }
    let since = if since.trim().is_empty() {
        None
    } else {
        Some(parse_date(since).map_err(|error| AppError::at(&path, error.to_string()))?)
    };
    case.hospital.filings.push(Filing { symbol: symbol.to_string(), number: optional_text(number), since });
    Ok(())
}

pub fn remove_filing(case: &mut Case, index: usize) -> AppResult<()> {
    if index >= case.hospital.filings.len() {
        return Err(AppError::new("その届出はもうありません。画面を開き直してください"));
    }
    case.hospital.filings.remove(index);
    Ok(())
}

/// A new trainee with a course over the 年度, ready to be filled in.
pub fn add_trainee(case: &mut Case, name: &str) -> AppResult<usize> {
    let index = case.trainees.len();
    if name.trim().is_empty() {
        return Err(AppError::at(format!("trainees[{index}].name"), "受講者の氏名を入力してください"));
    }
    let qualification = Program::get(&case.program)?
        .rules_for(case.fiscal_year)?
        .qualifications
        .first()
        .map(|q| q.id.clone())
        .unwrap_or_default();
    case.trainees.push(Trainee {
        name: name.trim().to_string(),
        qualification,
        institution: None,
        exam_fiscal_year: None,
        enrolled_on: case.fiscal_year.first_day(),
        course_ends_on: case.fiscal_year.last_day(),
        admission: Yen::ZERO,
        tuition: Yen::ZERO,
        tuition_completed_in_year: false,
        exam_fee: Yen::ZERO,
        registration_fee: Yen::ZERO,
        certified: false,
        salary_kind: SalaryKind::Trainee,
        salary: Yen::ZERO,
        salary_months: Vec::new(),
        other_costs: Yen::ZERO,
        other_income: Yen::ZERO,
        prior_years_standard_used: Yen::ZERO,
        prior_items: Vec::new(),
        receipts: Vec::new(),
        report: Default::default(),
    });
    Ok(index)
}

pub fn remove_trainee(case: &mut Case, index: usize) -> AppResult<()> {
    trainee_mut(case, index)?;
    case.trainees.remove(index);
    Ok(())
}

fn trainee_mut(case: &mut Case, index: usize) -> AppResult<&mut Trainee> {
    case.trainees.get_mut(index).ok_or_else(|| AppError::new("その受講者はもういません。画面を開き直してください"))
}

pub fn set_trainee_field(case: &mut Case, index: usize, field: &str, value: &str) -> AppResult<()> {
    let path = format!("trainees[{index}].{field}");
    let qualifications = Program::get(&case.program)?.rules_for(case.fiscal_year)?.qualifications.clone();
    let trainee = trainee_mut(case, index)?;
    match field {
        "name" => {
            if value.trim().is_empty() {
                return Err(AppError::at(path, "受講者の氏名が空です。氏名を入力してください"));
            }
            trainee.name = value.trim().to_string();
        }
        "qualification" => {
            if !qualifications.iter().any(|q| q.id == value) {
                return Err(AppError::at(path, "対象資格を一覧から選んでください"));
            }
            trainee.qualification = value.to_string();
        }
        "institution" => trainee.institution = optional_text(value),
        "exam_fiscal_year" => {
            trainee.exam_fiscal_year = whole_number(&path, value, "年度")?.map(|y| FiscalYear::new(y as i32))
        }
        "enrolled_on" | "course_ends_on" => {
            let date = parse_date(value).map_err(|error| AppError::at(&path, error.to_string()))?;
            let (start, end) =
                if field == "enrolled_on" { (date, trainee.course_ends_on) } else { (trainee.enrolled_on, date) };
            if end < start {
                return Err(AppError::at(
                    path,
                    format!(
                        "修了予定日（{}）が入学日（{}）より前になります。日付を確かめてください",
                        hojo::era::format_date(end),
                        hojo::era::format_date(start)
                    ),
                ));
            }
            if field == "enrolled_on" { trainee.enrolled_on = date } else { trainee.course_ends_on = date }
        }
        "admission" => trainee.admission = amount(&path, value)?,
        "tuition" => trainee.tuition = amount(&path, value)?,
        "exam_fee" => trainee.exam_fee = amount(&path, value)?,
        "registration_fee" => trainee.registration_fee = amount(&path, value)?,
        "salary" => {
            let salary = amount(&path, value)?;
            if salary != Yen::ZERO && !trainee.salary_months.is_empty() {
                return Err(AppError::at(
                    path,
                    "人件費は月ごとに入力しています。年度合計で入力するには「年度の合計で入力」に切り替えてください",
                ));
            }
            trainee.salary = salary;
        }
        "other_costs" => trainee.other_costs = amount(&path, value)?,
        "other_income" => trainee.other_income = amount(&path, value)?,
        "prior_years_standard_used" => trainee.prior_years_standard_used = amount(&path, value)?,
        "tuition_completed_in_year" => trainee.tuition_completed_in_year = flag(&path, value)?,
        "certified" => trainee.certified = flag(&path, value)?,
        "salary_kind" => {
            trainee.salary_kind = match value {
                "trainee" => SalaryKind::Trainee,
                "substitute" => SalaryKind::Substitute,
                _ => return Err(AppError::at(path, "受講者給与費か代替看護職員給与費かを選んでください")),
            }
        }
        _ => return Err(AppError::at(path, format!("受講者の項目「{field}」はありません"))),
    }
    Ok(())
}

/// 人件費 of one month ("2024-04"); a blank amount removes the month.
pub fn set_salary_month(case: &mut Case, index: usize, month: &str, value: &str) -> AppResult<()> {
    let month: YearMonth = month.parse().map_err(|_| AppError::new(format!("月「{month}」が読めません")))?;
    let trainee = trainee_mut(case, index)?;
    let position = trainee.salary_months.iter().position(|entry| entry.month == month);
    let path = format!("trainees[{index}].salary_months[{}]", position.unwrap_or(trainee.salary_months.len()));
    if trainee.salary != Yen::ZERO {
        return Err(AppError::at(
            path,
            "人件費を年度合計で入力しています。月ごとに入力するには年度合計を0にしてください",
        ));
    }
    if value.trim().is_empty() {
        if let Some(position) = position {
            trainee.salary_months.remove(position);
        }
        return Ok(());
    }
    let amount = amount(&path, value)?;
    match position {
        Some(position) => trainee.salary_months[position].amount = amount,
        None => {
            trainee.salary_months.push(SalaryMonth { month, amount });
            trainee.salary_months.sort_by_key(|entry| entry.month);
        }
    }
    Ok(())
}

/// Switches 人件費 between one amount for the 年度 and month by month; never drops an amount silently.
pub fn set_salary_monthly(case: &mut Case, index: usize, monthly: bool) -> AppResult<()> {
    let year = case.fiscal_year;
    let trainee = trainee_mut(case, index)?;
    let path = format!("trainees[{index}].salary");
    if monthly {
        if trainee.salary != Yen::ZERO {
            return Err(AppError::at(
                path,
                format!(
                    "年度合計の人件費（{}）を0にしてから月ごとの入力に切り替えてください",
                    trainee.salary.format_yen()
                ),
            ));
        }
        if trainee.salary_months.is_empty() {
            let (start, end) = (trainee.enrolled_on, trainee.course_ends_on);
            trainee.salary_months = year
                .months()
                .filter(|month| month.overlaps(start, end))
                .map(|month| SalaryMonth { month, amount: Yen::ZERO })
                .collect();
        }
    } else {
        if trainee.salary_months.iter().any(|entry| entry.amount != Yen::ZERO) {
            return Err(AppError::at(path, "月ごとの人件費を空にしてから年度合計の入力に切り替えてください"));
        }
        trainee.salary_months.clear();
    }
    Ok(())
}

/// A once-only item (入学料, 認定審査料, 認定登録料) already claimed in an earlier 年度.
pub fn set_prior_item(case: &mut Case, index: usize, item: &str, claimed: bool) -> AppResult<()> {
    let once: Vec<hojo::program::ItemId> =
        Program::get(&case.program)?.rules_for(case.fiscal_year)?.once_items().map(|rule| rule.id).collect();
    let Some(item) = once.iter().copied().find(|id| id.id() == item) else {
        return Err(AppError::at(
            format!("trainees[{index}].prior_items"),
            format!("「{item}」は一度だけの経費ではありません"),
        ));
    };
    let trainee = trainee_mut(case, index)?;
    trainee.prior_items.retain(|id| *id != item);
    if claimed {
        trainee.prior_items.push(item);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use hojo::case::Hospital;

    fn case() -> Case {
        let mut case = Case::new(
            "kanwa-nurse",
            FiscalYear::new(2024),
            Hospital { name: "さくら病院".into(), ..Hospital::default() },
        );
        add_trainee(&mut case, "看護 花子").unwrap();
        case
    }

    #[test]
    fn amounts_are_read_as_typed_in_full_width_with_commas() {
        let mut case = case();
        set_trainee_field(&mut case, 0, "tuition", "９００，０００円").unwrap();
        assert_eq!(case.trainees[0].tuition, Yen::new(900_000));
    }

    #[test]
    fn a_refused_amount_names_its_field_and_changes_nothing() {
        let mut case = case();
        set_trainee_field(&mut case, 0, "tuition", "900000").unwrap();
        let error = set_trainee_field(&mut case, 0, "tuition", "九十万").unwrap_err();
        assert_eq!(error.path.as_deref(), Some("trainees[0].tuition"));
        assert!(error.message.contains("数字で入力"), "{}", error.message);
        assert_eq!(case.trainees[0].tuition, Yen::new(900_000));
    }

    #[test]
    fn dates_accept_wareki_and_refuse_an_end_before_the_start() {
        let mut case = case();
        set_trainee_field(&mut case, 0, "enrolled_on", "令和6年4月8日").unwrap();
        assert_eq!(case.trainees[0].enrolled_on.to_string(), "2024-04-08");
        let error = set_trainee_field(&mut case, 0, "course_ends_on", "R6.4.1").unwrap_err();
        assert!(error.message.contains("入学日"), "{}", error.message);
    }

    #[test]
    fn salary_months_and_a_yearly_salary_never_mix() {
        let mut case = case();
        set_salary_monthly(&mut case, 0, true).unwrap();
        assert_eq!(case.trainees[0].salary_months.len(), 12);
        set_salary_month(&mut case, 0, "2024-05", "３００，０００").unwrap();
        assert!(set_trainee_field(&mut case, 0, "salary", "1").is_err());
        assert!(set_salary_monthly(&mut case, 0, false).is_err(), "switching back would drop 300,000円");
        set_salary_month(&mut case, 0, "2024-05", "0").unwrap();
        set_salary_monthly(&mut case, 0, false).unwrap();
        assert!(case.trainees[0].salary_months.is_empty());
    }

    #[test]
    fn hospital_fields_are_kept_and_blank_contact_disappears() {
        let mut case = case();
        set_hospital_field(&mut case, "beds", "１２０床").unwrap();
        assert_eq!(case.hospital.beds, Some(120));
        set_hospital_field(&mut case, "contact.name", "東京 花子").unwrap();
        set_hospital_field(&mut case, "contact.name", "").unwrap();
        assert_eq!(case.hospital.contact, None);
        assert!(set_hospital_field(&mut case, "contact.email", "kango").is_err());
        assert!(set_hospital_field(&mut case, "name", " ").is_err());
    }

    #[test]
    fn filings_are_kept_verbatim_and_not_twice() {
        let mut case = case();
        add_filing(&mut case, "地包ケア１", "第19号", "令和4年10月1日").unwrap();
        assert_eq!(case.hospital.filings[0].since.map(|d| d.to_string()).as_deref(), Some("2022-10-01"));
        assert!(add_filing(&mut case, "地包ケア１", "", "").is_err());
        remove_filing(&mut case, 0).unwrap();
        assert!(case.hospital.filings.is_empty());
    }
}
