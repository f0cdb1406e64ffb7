//! The one validation of a case, run before anything is computed, written or stored — by `hojo check`, `calc`
//! and `export`, by the store, by the workbook reader and after every edit of the app: the program and 年度
//! exist, names are given, amounts are whole yen within `limits`, dates lie in the range a spreadsheet holds,
//! a course ends after it starts, texts fit their cells. Each problem names its JSON path and says what to do.

use chrono::NaiveDate;

use super::{CASE_FORMAT, Case, CaseError, CourseStatus, Hospital, Problem, Stage, Trainee};
use crate::era::format_date;
use crate::fiscal_year::FiscalYear;
use crate::limits::{
    self, MAX_AMOUNT, MAX_COUNT, MAX_FILINGS, MAX_LONG_TEXT, MAX_RECEIPTS, MAX_SALARY_MONTHS, MAX_SHORT_TEXT,
    MAX_TRAINEES, MAX_TRAININGS, MAX_WORKING_LINES,
};
use crate::money::Yen;
use crate::program::{CostItem, ItemId, Program, RowKind};

pub fn validate(case: &Case) -> Result<(), CaseError> {
    let problems = problems(case);
    if problems.is_empty() { Ok(()) } else { Err(CaseError { problems }) }
}

/// Every problem of a case, in the order of the file.
pub fn problems(case: &Case) -> Vec<Problem> {
    let mut problems = Vec::new();
    if case.format != CASE_FORMAT {
        problems.push(Problem::new(
            "format",
            format!("形式「{}」は読めません。\"{CASE_FORMAT}\" のファイルを指定してください", case.format),
            format!("unsupported format {:?}; expected {CASE_FORMAT:?}", case.format),
        ));
    }
    check_year(&mut problems, "fiscal_year", case.fiscal_year);
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
    check_hospital(&case.hospital, &mut problems);
    check_report(case, &mut problems);
    if let Ok(program) = Program::get(&case.program) {
        check_form(case, program, &mut problems);
    }
    if case.trainees.len() > MAX_TRAINEES {
        problems.push(Problem::new(
            "trainees",
            format!("受講者が{}名います。1つの申請に入れられるのは{MAX_TRAINEES}名までです", case.trainees.len()),
            format!("at most {MAX_TRAINEES} trainees per application"),
        ));
    }
    let rules =
        Program::get(&case.program).ok().and_then(|program| Some((program, program.rules_for(case.fiscal_year).ok()?)));
    let label = |item: CostItem| -> String {
        rules.map_or_else(|| item.id().to_string(), |(program, rules)| rules.cost_label(program, item).to_string())
    };
    for (index, trainee) in case.trainees.iter().enumerate() {
        check_trainee(index, trainee, &mut problems);
        check_receipts(index, trainee, case.stage, &label, &mut problems);
        check_trainee_report(index, trainee, case.stage, &mut problems);
    }
    problems
}

fn check_hospital(hospital: &Hospital, problems: &mut Vec<Problem>) {
    if hospital.name.trim().is_empty() {
        problems.push(Problem::new(
            "hospital.name",
            "病院名が入力されていません。病院の正式名称を入力してください",
            "the hospital name is empty",
        ));
    }
    if let Some(code) = &hospital.prefecture_code
        && crate::prefecture::by_code(code).is_none()
    {
        problems.push(Problem::new(
            "hospital.prefecture_code",
            format!("都道府県コード「{code}」は使えません。01から47までの2桁で入力してください（東京都は 13）"),
            format!("prefecture code {code:?} must be two digits from 01 to 47"),
        ));
    }
    if let Some(beds) = hospital.beds
        && beds > MAX_COUNT
    {
        problems.push(Problem::new(
            "hospital.beds",
            format!("病床数{beds}床は多すぎます。許可病床数を確かめてください"),
            "at most 100,000 beds",
        ));
    }
    let contact = hospital.contact.clone().unwrap_or_default();
    let texts: [(&str, Option<&str>, &str, usize); 8] = [
        ("hospital.name", Some(hospital.name.as_str()), "病院名", MAX_SHORT_TEXT),
        ("hospital.address", hospital.address.as_deref(), "所在地", MAX_SHORT_TEXT),
        ("hospital.representative", hospital.representative.as_deref(), "代表者職氏名", MAX_SHORT_TEXT),
        ("hospital.purpose", hospital.purpose.as_deref(), "事業の目的及び効果", MAX_LONG_TEXT),
        ("hospital.contact.department", contact.department.as_deref(), "担当者の所属", MAX_SHORT_TEXT),
        ("hospital.contact.name", contact.name.as_deref(), "担当者の氏名", MAX_SHORT_TEXT),
        ("hospital.contact.phone", contact.phone.as_deref(), "担当者の電話番号", MAX_SHORT_TEXT),
        ("hospital.contact.email", contact.email.as_deref(), "担当者のメールアドレス", MAX_SHORT_TEXT),
    ];
    for (path, text, label, max) in texts {
        check_length(problems, path, text, label, max);
    }
    if hospital.filings.len() > MAX_FILINGS {
        problems.push(Problem::new(
            "hospital.filings",
            format!("届出が{}件あります。入れられるのは{MAX_FILINGS}件までです", hospital.filings.len()),
            format!("at most {MAX_FILINGS} filings"),
        ));
    }
    for (index, filing) in hospital.filings.iter().enumerate() {
        let at = format!("hospital.filings[{index}]");
        if filing.symbol.trim().is_empty() {
            problems.push(Problem::new(at.clone(), "受理記号が入力されていません", "the filing symbol is empty"));
        }
        check_length(problems, &at, Some(&filing.symbol), "受理記号", MAX_SHORT_TEXT);
        check_length(problems, &format!("{at}.number"), filing.number.as_deref(), "受理番号", MAX_SHORT_TEXT);
        if let Some(since) = filing.since {
            check_date(problems, &format!("{at}.since"), since, "算定開始年月日");
        }
    }
}

fn check_trainee(index: usize, trainee: &Trainee, problems: &mut Vec<Problem>) {
    let at = |field: &str| format!("trainees[{index}].{field}");
    if trainee.name.trim().is_empty() {
        problems.push(Problem::new(
            at("name"),
            "受講者の氏名が入力されていません。氏名を入力してください",
            "the trainee's name is empty",
        ));
    }
    check_length(problems, &at("name"), Some(&trainee.name), "氏名", MAX_SHORT_TEXT);
    check_length(problems, &at("qualification"), Some(&trainee.qualification), "対象資格", MAX_SHORT_TEXT);
    check_length(problems, &at("institution"), trainee.institution.as_deref(), "教育機関名", MAX_SHORT_TEXT);
    check_date(problems, &at("enrolled_on"), trainee.enrolled_on, "入学日");
    check_date(problems, &at("course_ends_on"), trainee.course_ends_on, "修了予定日");
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
    if let Some(exam_year) = trainee.exam_fiscal_year {
        let path = at("exam_fiscal_year");
        let entered = FiscalYear::of(trainee.enrolled_on);
        if check_year(problems, &path, exam_year) && exam_year < entered {
            problems.push(Problem::new(
                path,
                format!(
                    "認定審査受審予定年度（{}）が入学した年度（{}）より前です。受審する予定の年度を入力してください",
                    exam_year.japanese_name(),
                    entered.japanese_name()
                ),
                "the exam year is before the course starts",
            ));
        }
    }
    for item in Trainee::COST_ITEMS {
        if let Some(amount) = trainee.cost(item) {
            check_amount(problems, at(item.id()), amount);
        }
    }
    check_amount(problems, at("prior_years_standard_used"), trainee.prior_years_standard_used);
    if trainee.salary != Yen::ZERO && trainee.salary_is_monthly() {
        problems.push(Problem::new(
            at("salary"),
            "人件費は「年度の合計（salary）」か「月ごと（salary_months）」のどちらか一方で入力してください",
            "give salary or salary_months, not both",
        ));
    }
    if trainee.salary_months.len() > MAX_SALARY_MONTHS {
        problems.push(Problem::new(
            at("salary_months"),
            format!(
                "人件費の月が{}か月分あります。入れられるのは{MAX_SALARY_MONTHS}か月分までです",
                trainee.salary_months.len()
            ),
            format!("at most {MAX_SALARY_MONTHS} salary months"),
        ));
    }
    let mut seen = Vec::new();
    for (month_index, month) in trainee.salary_months.iter().enumerate() {
        let month_at = at(&format!("salary_months[{month_index}]"));
        check_amount(problems, format!("{month_at}.amount"), month.amount);
        check_date(problems, &format!("{month_at}.month"), month.month.first_day(), "人件費の月");
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

/// Each program fills its own form: a trainee program its trainees, a hospital-row program its 研修会 and costs.
fn check_form(case: &Case, program: &Program, problems: &mut Vec<Problem>) {
    let unused = |path: &str, what: &str| {
        Problem::new(
            path,
            format!("{what}は「{}」では使いません。この事業の項目だけを書いてください", program.name),
            "not a field of this program",
        )
    };
    match program.row_kind {
        RowKind::Trainee => {
            if !case.trainings.is_empty() {
                problems.push(unused("trainings", "研修会（trainings）"));
            }
            if !case.costs.is_empty() || !case.workings.is_empty() {
                problems.push(unused("costs", "病院の経費（costs）"));
            }
            if case.other_costs != Yen::ZERO || case.other_income != Yen::ZERO {
                problems.push(unused("other_costs", "病院のその他の経費・収入（other_costs, other_income）"));
            }
        }
        RowKind::Hospital => {
            if !case.trainees.is_empty() {
                problems.push(unused("trainees", "受講者（trainees）"));
            }
            check_hospital_row(case, program, problems);
        }
    }
}

/// The 研修会, the costs by item and their 積算内訳 of a hospital-row program.
fn check_hospital_row(case: &Case, program: &Program, problems: &mut Vec<Problem>) {
    let rules = program.rules_for(case.fiscal_year).ok();
    let known = |item: &ItemId| rules.is_some_and(|rules| rules.item(*item).is_some());
    if case.trainings.len() > MAX_TRAININGS {
        problems.push(Problem::new("trainings", format!("研修会は{MAX_TRAININGS}件までです"), "too many trainings"));
    }
    for (index, training) in case.trainings.iter().enumerate() {
        let at = |field: &str| format!("trainings[{index}].{field}");
        if training.title.trim().is_empty() {
            problems.push(Problem::new(
                at("title"),
                "研修会の名称が入力されていません。名称を入力してください",
                "the title is empty",
            ));
        }
        check_length(problems, &at("title"), Some(&training.title), "研修会の名称", MAX_SHORT_TEXT);
        check_length(problems, &at("venue"), training.venue.as_deref(), "会場", MAX_SHORT_TEXT);
        check_date(problems, &at("held_on"), training.held_on, "開催日");
        if training.planned_participants > MAX_COUNT {
            problems.push(Problem::new(
                at("planned_participants"),
                format!("定員は{MAX_COUNT}人までです"),
                "too many participants",
            ));
        }
    }
    for (item, amount) in &case.costs {
        let path = format!("costs.{}", item.id());
        if !known(item) {
            problems.push(unused_item(&path, *item, program));
        }
        check_amount(problems, path, *amount);
    }
    for (item, lines) in &case.workings {
        let path = format!("workings.{}", item.id());
        if !known(item) {
            problems.push(unused_item(&path, *item, program));
        }
        if lines.len() > MAX_WORKING_LINES {
            problems.push(Problem::new(
                path.clone(),
                format!("積算内訳は1つの経費に{MAX_WORKING_LINES}行までです"),
                "too many lines",
            ));
        }
        for (line_index, line) in lines.iter().enumerate() {
            let at = |field: &str| format!("{path}[{line_index}].{field}");
            check_length(problems, &at("description"), Some(&line.description), "積算内訳の内容", MAX_SHORT_TEXT);
            check_length(problems, &at("unit"), Some(&line.unit), "単位", MAX_SHORT_TEXT);
            check_amount(problems, at("unit_price"), line.unit_price);
            if line.quantity > MAX_COUNT {
                problems.push(Problem::new(at("quantity"), format!("数量は{MAX_COUNT}までです"), "quantity too large"));
            }
        }
        let sum: Yen = lines.iter().map(crate::case::WorkingLine::amount).sum();
        let amount = case.costs.get(item).copied().unwrap_or(Yen::ZERO);
        if sum != amount {
            let label = rules.and_then(|rules| rules.item(*item)).map_or(item.id(), |rule| rule.label.as_str());
            problems.push(Problem::new(
                format!("costs.{}", item.id()),
                format!(
                    "{label}の金額（{}）が積算内訳の合計（{}）と一致しません。金額を0にすると積算内訳の合計になります",
                    amount.format_yen(),
                    sum.format_yen()
                ),
                "the amount differs from the sum of its working",
            ));
        }
    }
    check_amount(problems, "other_costs".into(), case.other_costs);
    check_amount(problems, "other_income".into(), case.other_income);
}

fn unused_item(path: &str, item: ItemId, program: &Program) -> Problem {
    Problem::new(
        path,
        format!("経費「{item}」は「{}」の対象経費ではありません", program.name),
        "not an item of this program",
    )
}

/// A 実績報告 names the 交付決定 it reports on; what was received is an amount like any other.
fn check_report(case: &Case, problems: &mut Vec<Problem>) {
    if case.stage == Stage::Report && case.decision.is_none() {
        problems.push(Problem::new(
            "decision",
            "実績報告には交付決定（決定日・文書番号・交付決定額）が必要です。交付決定通知書のとおりに入力してください",
            "a report needs its decision",
        ));
    }
    if let Some(decision) = &case.decision {
        check_amount(problems, "decision.amount".into(), decision.amount);
        check_date(problems, "decision.decided_on", decision.decided_on, "交付決定日");
        check_length(problems, "decision.number", Some(&decision.number), "文書番号", MAX_SHORT_TEXT);
    }
    check_amount(problems, "received".into(), case.received);
}

/// Receipts: each a payment of one of the trainee's costs, and an item's receipts add up to its amount.
fn check_receipts(
    index: usize,
    trainee: &Trainee,
    stage: Stage,
    label: &dyn Fn(CostItem) -> String,
    problems: &mut Vec<Problem>,
) {
    let at = |field: &str| format!("trainees[{index}].{field}");
    if !trainee.receipts.is_empty() && stage != Stage::Report {
        problems.push(Problem::new(
            at("receipts"),
            "領収書（receipts）は実績報告に書きます。申請では経費ごとの予定額を書いてください（実績報告なら \"stage\": \"report\" を書いてください）",
            "receipts belong to a report",
        ));
    }
    if trainee.receipts.len() > MAX_RECEIPTS {
        problems.push(Problem::new(
            at("receipts"),
            format!("領収書が{}件あります。1人1年度に{MAX_RECEIPTS}件までです", trainee.receipts.len()),
            format!("at most {MAX_RECEIPTS} receipts"),
        ));
    }
    for (receipt_index, receipt) in trainee.receipts.iter().enumerate() {
        let path = at(&format!("receipts[{receipt_index}]"));
        let payable = receipt.item != CostItem::OTHER_INCOME && trainee.cost(receipt.item).is_some();
        if !payable {
            problems.push(Problem::new(
                format!("{path}.item"),
                format!("「{}」の領収書は書けません。受講者の経費（入学料・受講料・認定審査料・認定登録料・人件費・その他）の支払いを書いてください", label(receipt.item)),
                "not a cost of the trainee",
            ));
        } else if receipt.item == CostItem::Item(ItemId::Salary) && trainee.salary_is_monthly() {
            problems.push(Problem::new(
                format!("{path}.item"),
                "人件費を月ごとに入力しているため、人件費の領収書は書けません（月ごとの金額が支払額です）",
                "salary is given by month",
            ));
        }
        check_amount(problems, format!("{path}.amount"), receipt.amount);
        check_date(problems, &format!("{path}.paid_on"), receipt.paid_on, "支払日");
        check_length(problems, &format!("{path}.payee"), Some(&receipt.payee), "支払先", MAX_SHORT_TEXT);
        check_length(
            problems,
            &format!("{path}.description"),
            Some(&receipt.description),
            "内容（但し書き）",
            MAX_SHORT_TEXT,
        );
    }
    for item in Trainee::COST_ITEMS {
        // An amount left 0 is the sum of its receipts (Case::normalize), as the message says.
        if let (Some(sum), Some(amount)) = (trainee.receipts_total(item), trainee.cost(item))
            && sum != amount
            && amount != Yen::ZERO
        {
            problems.push(Problem::new(
                at(item.id()),
                format!(
                    "{} の金額（{}）が領収書の合計（{}）と一致しません。金額を0にすると領収書の合計になります",
                    label(item),
                    amount.format_yen(),
                    sum.format_yen()
                ),
                "the amount differs from the sum of its receipts",
            ));
        }
    }
}

/// A trainee's 受講状況・修了・認定・成果: written only in a report, with dates within the limits and no 修了年月日
/// for a nurse who left the course.
fn check_trainee_report(index: usize, trainee: &Trainee, stage: Stage, problems: &mut Vec<Problem>) {
    let report = &trainee.report;
    let at = |field: &str| format!("trainees[{index}].report.{field}");
    if report.is_empty() {
        return;
    }
    if stage != Stage::Report {
        problems.push(Problem::new(
            format!("trainees[{index}].report"),
            "受講状況・修了年月日・認定年月日・事業の成果は実績報告に書きます（実績報告なら \"stage\": \"report\" を書いてください）",
            "a trainee's report belongs to a report",
        ));
    }
    if let Some(date) = report.completed_on {
        check_date(problems, &at("completed_on"), date, "修了年月日");
        if report.course_status == Some(CourseStatus::Withdrawn) {
            problems.push(Problem::new(
                at("completed_on"),
                "受講状況が「中途退学」の受講者に修了年月日は書けません。受講状況か修了年月日を直してください",
                "a withdrawn trainee has no completion date",
            ));
        }
    }
    if let Some(date) = report.certified_on {
        check_date(problems, &at("certified_on"), date, "認定年月日");
    }
    check_length(problems, &at("outcome"), report.outcome.as_deref(), "事業の成果", MAX_LONG_TEXT);
}

fn check_prior_items(case: &Case, program: &Program, problems: &mut Vec<Problem>) {
    let Ok(rules) = program.rules_for(case.fiscal_year) else { return };
    let once: Vec<ItemId> = rules.once_items().map(|item| item.id).collect();
    let once_labels: Vec<&str> = rules.once_items().map(|item| item.label.as_str()).collect();
    let once_ids: Vec<&str> = once.iter().map(|item| item.id()).collect();
    for (index, trainee) in case.trainees.iter().enumerate() {
        for (item_index, item) in trainee.prior_items.iter().enumerate() {
            let path = format!("trainees[{index}].prior_items[{item_index}]");
            if !once.contains(item) {
                problems.push(Problem::new(
                    path,
                    format!(
                        "「{}」は前年度までに計上済みとして書ける経費ではありません（書けるもの: {}）",
                        rules.item(*item).map_or(item.id(), |rule| rule.label.as_str()),
                        once_labels.join("・")
                    ),
                    format!("{item} is not a once-only item; expected one of {}", once_ids.join(", ")),
                ));
            } else if trainee.prior_items[..item_index].contains(item) {
                problems.push(Problem::new(path, "同じ経費が2回書かれています", "the same item twice"));
            }
        }
    }
}

/// A 年度 within the limits; false (with the problem) when it is not.
fn check_year(problems: &mut Vec<Problem>, path: &str, year: FiscalYear) -> bool {
    let range = limits::FISCAL_YEARS;
    if range.contains(&year.starting_year()) {
        return true;
    }
    problems.push(Problem::new(
        path,
        format!(
            "年度「{}」は使えません。{}から{}までの西暦（年度の始まる年）で入力してください",
            year.starting_year(),
            range.start(),
            range.end()
        ),
        "the year is out of range",
    ));
    false
}

fn check_date(problems: &mut Vec<Problem>, path: &str, date: NaiveDate, label: &str) {
    let range = limits::dates();
    if !range.contains(&date) {
        problems.push(Problem::new(
            path,
            format!(
                "{label}「{date}」は使えません。{}から{}までの日付を入力してください",
                format_date(*range.start()),
                format_date(*range.end())
            ),
            "the date is out of range",
        ));
    }
}

fn check_amount(problems: &mut Vec<Problem>, path: String, amount: Yen) {
    if amount.is_negative() {
        problems.push(Problem::new(
            path,
            "金額がマイナスです。0円以上の整数で入力してください",
            "amounts must be 0 or more whole yen",
        ));
    } else if amount > MAX_AMOUNT {
        problems.push(Problem::new(
            path,
            format!(
                "金額 {} は大きすぎます（{}まで）。桁を確かめてください",
                amount.format_yen(),
                MAX_AMOUNT.format_yen()
            ),
            format!("amounts are at most {}", MAX_AMOUNT.get()),
        ));
    }
}

fn check_length(problems: &mut Vec<Problem>, path: &str, text: Option<&str>, label: &str, max: usize) {
    if let Some(text) = text
        && limits::chars(text) > max
    {
        problems.push(Problem::new(
            path,
            format!("{label}が長すぎます（{}文字。{max}文字まで）。短くしてください", limits::chars(text)),
            format!("at most {max} characters"),
        ));
    }
}
