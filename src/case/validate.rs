//! Rules a case must keep before any 算定: the program and 年度 exist, names are given, amounts are not
//! negative, a course ends after it starts. Each problem names its JSON path.

use super::{CASE_FORMAT, Case, CaseError, Problem};
use crate::era::format_date;
use crate::money::Yen;
use crate::program::{ItemId, Program};

pub fn validate(case: &Case) -> Result<(), CaseError> {
    let mut problems = Vec::new();
    if case.format != CASE_FORMAT {
        problems.push(Problem::new(
            "format",
            format!("形式「{}」は読めません。\"{CASE_FORMAT}\" のファイルを指定してください", case.format),
            format!("unsupported format {:?}; expected {CASE_FORMAT:?}", case.format),
        ));
    }
    match Program::get(&case.program) {
        Err(error) => {
            problems.push(Problem::new("program", error.to_string(), format!("unknown program {:?}", case.program)))
        }
        Ok(program) => {
            if let Err(error) = program.rules_for(case.fiscal_year) {
                problems.push(Problem::new(
                    "fiscal_year",
                    error.to_string(),
                    format!(
                        "fiscal year {} is before the program's first ({})",
                        case.fiscal_year.starting_year(),
                        program.first_fiscal_year.starting_year()
                    ),
                ));
            } else {
                check_prior_items(case, program, &mut problems);
            }
        }
    }
    check_hospital(case, &mut problems);
    for (index, trainee) in case.trainees.iter().enumerate() {
        check_trainee(index, trainee, &mut problems);
    }
    if problems.is_empty() { Ok(()) } else { Err(CaseError { problems }) }
}

fn check_hospital(case: &Case, problems: &mut Vec<Problem>) {
    let hospital = &case.hospital;
    if hospital.name.trim().is_empty() {
        problems.push(Problem::new(
            "hospital.name",
            "病院名が空です。病院の正式名称を入力してください",
            "the hospital name is empty",
        ));
    }
    if let Some(code) = &hospital.prefecture_code {
        let valid = code.len() == 2 && code.parse::<u8>().is_ok_and(|n| (1..=47).contains(&n));
        if !valid {
            problems.push(Problem::new(
                "hospital.prefecture_code",
                format!("都道府県コード「{code}」は使えません。01から47までの2桁で入力してください（東京都は 13）"),
                format!("prefecture code {code:?} must be two digits from 01 to 47"),
            ));
        }
    }
    for (index, filing) in hospital.filings.iter().enumerate() {
        if filing.symbol.trim().is_empty() {
            problems.push(Problem::new(
                format!("hospital.filings[{index}]"),
                "受理記号が空です",
                "the filing symbol is empty",
            ));
        }
    }
}

fn check_trainee(index: usize, trainee: &super::Trainee, problems: &mut Vec<Problem>) {
    let at = |field: &str| format!("trainees[{index}].{field}");
    if trainee.name.trim().is_empty() {
        problems.push(Problem::new(
            at("name"),
            "受講者の氏名が空です。氏名を入力してください",
            "the trainee's name is empty",
        ));
    }
    if trainee.course_ends_on < trainee.enrolled_on {
        problems.push(Problem::new(
            at("course_ends_on"),
            format!(
                "修了予定日（{}）が入学日（{}）より前です。日付を確かめてください",
                format_date(trainee.course_ends_on),
                format_date(trainee.enrolled_on)
            ),
            "the course ends before it starts",
        ));
    }
    let amounts: [(&str, Yen); 8] = [
        ("admission", trainee.admission),
        ("tuition", trainee.tuition),
        ("exam_fee", trainee.exam_fee),
        ("registration_fee", trainee.registration_fee),
        ("salary", trainee.salary),
        ("other_costs", trainee.other_costs),
        ("other_income", trainee.other_income),
        ("prior_years_standard_used", trainee.prior_years_standard_used),
    ];
    for (field, amount) in amounts {
        if amount.is_negative() {
            problems.push(negative(at(field)));
        }
    }
    if trainee.salary != Yen::ZERO && !trainee.salary_months.is_empty() {
        problems.push(Problem::new(
            at("salary"),
            "人件費は「年度の合計（salary）」か「月ごと（salary_months）」のどちらか一方で入力してください",
            "give salary or salary_months, not both",
        ));
    }
    let mut seen = Vec::new();
    for (month_index, month) in trainee.salary_months.iter().enumerate() {
        let month_at = at(&format!("salary_months[{month_index}]"));
        if month.amount.is_negative() {
            problems.push(negative(format!("{month_at}.amount")));
        }
        if seen.contains(&month.month) {
            problems.push(Problem::new(
                format!("{month_at}.month"),
                format!("{} の人件費が2回入力されています。1か月に1行にまとめてください", month.month.japanese_name()),
                format!("month {} appears twice", month.month),
            ));
        }
        seen.push(month.month);
    }
}

fn check_prior_items(case: &Case, program: &Program, problems: &mut Vec<Problem>) {
    let Ok(rules) = program.rules_for(case.fiscal_year) else { return };
    let once: Vec<ItemId> = rules.once_items().map(|item| item.id).collect();
    let once_labels: Vec<&str> = rules.once_items().map(|item| item.label.as_str()).collect();
    let once_ids: Vec<&str> = once.iter().map(|item| item.id()).collect();
    for (index, trainee) in case.trainees.iter().enumerate() {
        for (item_index, item) in trainee.prior_items.iter().enumerate() {
            if !once.contains(item) {
                problems.push(Problem::new(
                    format!("trainees[{index}].prior_items[{item_index}]"),
                    format!(
                        "「{}」は前年度までに計上済みとして書ける経費ではありません（書けるもの: {}）",
                        rules.item(*item).map_or(item.id(), |rule| rule.label.as_str()),
                        once_labels.join("・")
                    ),
                    format!("{item} is not a once-only item; expected one of {}", once_ids.join(", ")),
                ));
            }
        }
    }
}

fn negative(path: String) -> Problem {
    Problem::new(path, "金額がマイナスです。0円以上の整数で入力してください", "amounts must be 0 or more whole yen")
}
