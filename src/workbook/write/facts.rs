//! The facts several sheets need, computed once before any sheet is written: where each trainee's rows are
//! (別紙2 and 別紙3 refer to 別紙4 and to each other by formula), the labels shown for her, every sheet's column
//! widths, and the height of every row that shows a typed text — on the sheet where it is typed and on the
//! sheets that copy it by formula. The sheet writers only write what is decided here; none asks another.

use crate::calc::{Calculation, MonthStatus, month_status};
use crate::case::{Case, SalaryMonth};
use crate::program::Rules;
use crate::workbook::layout::{self, BREAKDOWN, BUDGET, BreakdownBlock, PLAN, ROSTER};
use crate::workbook::text;

use super::{amount_text, height_for_lines};

pub struct Facts {
    pub trainees: Vec<TraineeFacts>,
    /// 別紙2's 合計 row, the row after the last trainee: its (I) is the 交付申請額.
    pub budget_total_row: u32,
    pub budget_widths: Vec<f64>,
    pub breakdown_widths: Vec<f64>,
    pub roster_widths: Vec<f64>,
    /// 病院名 as copied beside its label on 別紙1, 別紙2 and 別紙3, and 所在地 on 別紙1.
    pub plan_hospital_height: Option<f64>,
    pub plan_address_height: Option<f64>,
    pub budget_hospital_height: Option<f64>,
    pub breakdown_hospital_height: Option<f64>,
    /// 別紙3's 備考 of each item and of the fixed rows, broken to the column where it must be.
    pub note_width: usize,
    /// 別紙3's page breaks: before a trainee's block that would not fit on the rest of the page, so that a
    /// block is not split (LibreOffice honours them with the sheet fitted to one page wide; Excel, which
    /// ignores manual breaks under "fit to", breaks where it would anyway).
    pub breakdown_page_breaks: Vec<u32>,
}

/// One trainee, on every sheet.
pub struct TraineeFacts {
    /// 緩和ケア認定看護師; an id the program does not know is shown as it is (the checks report it).
    pub qualification: String,
    pub roster_row: u32,
    pub budget_row: u32,
    pub block: BreakdownBlock,
    /// The salary months in calendar order, each with whether it counts.
    pub months: Vec<(SalaryMonth, MonthStatus)>,
    /// 別紙4's fixed labels, broken between their words for their columns.
    pub roster_qualification: Vec<String>,
    pub roster_course: Vec<String>,
    pub roster_salary_kind: Vec<String>,
    pub roster_height: f64,
    pub budget_height: Option<f64>,
    /// 受講者1　看護 花子（緩和ケア認定看護師）: the heading of her block on 別紙3, and its height.
    pub heading: String,
    pub heading_height: Option<f64>,
}

impl Facts {
    /// `case` is the case as the workbook keeps it (`kept`: months in calendar order).
    pub fn new(case: &Case, rules: &Rules, calculation: &Calculation) -> Facts {
        let trainees = &case.trainees;
        let month_counts: Vec<usize> = trainees.iter().map(|trainee| trainee.salary_months.len()).collect();
        let blocks =
            layout::breakdown_blocks(rules.items.len(), rules.lifetime_standard_per_row.is_some(), &month_counts);
        let qualifications: Vec<String> = trainees
            .iter()
            .map(|t| rules.qualification(&t.qualification).map_or_else(|| t.qualification.clone(), |q| q.label.clone()))
            .collect();
        let courses: Vec<String> = trainees
            .iter()
            .map(|t| rules.qualification(&t.qualification).map(|q| q.course.clone()).unwrap_or_default())
            .collect();

        let budget_widths = budget_widths(case, calculation, &qualifications);
        let breakdown_widths = breakdown_widths(case, calculation);
        let roster_widths = roster_widths(case, &qualifications, &courses);
        let note_width = text::line_units(breakdown_widths[usize::from(BREAKDOWN.note_col)]);

        let hospital = case.hospital.name.as_str();
        let hospital_beside = |widths: &[f64], label: layout::Cell| {
            let first = usize::from(label.col + 1);
            height(&[(hospital, widths[first..=first + 2].iter().sum())])
        };
        let plan_value_width: f64 = PLAN.widths[usize::from(PLAN.value_col)..=usize::from(PLAN.last_col)].iter().sum();

        let breakdown_text_width: f64 =
            breakdown_widths[usize::from(BREAKDOWN.label_col)..=usize::from(BREAKDOWN.last_col)].iter().sum();
        let width_of = |widths: &[f64], col: u16| widths[usize::from(col)];
        let label = |text: &str, col: u16| {
            text::wrap_phrases(text, text::line_units(width_of(&roster_widths, col)), layout::LABEL_BREAKS)
        };
        let trainee_facts: Vec<TraineeFacts> = trainees
            .iter()
            .zip(blocks)
            .enumerate()
            .map(|(index, (trainee, block))| {
                let qualification = qualifications[index].clone();
                let roster_qualification = label(&qualification, ROSTER.qualification_col);
                let roster_course = label(&courses[index], ROSTER.course_col);
                let roster_salary_kind = label(trainee.salary_kind.label(), ROSTER.salary_kind_col);
                let typed_lines = [
                    (trainee.name.as_str(), ROSTER.name_col),
                    (trainee.institution.as_deref().unwrap_or(""), ROSTER.institution_col),
                ]
                .map(|(text, col)| lines(text, width_of(&roster_widths, col)));
                let roster_lines = typed_lines
                    .into_iter()
                    .chain([roster_qualification.len(), roster_course.len(), roster_salary_kind.len()])
                    .max()
                    .unwrap_or(1);
                let budget_height = height(&[
                    (trainee.name.as_str(), width_of(&budget_widths, BUDGET.name_col)),
                    (qualification.as_str(), width_of(&budget_widths, BUDGET.qualification_col)),
                ]);
                let heading = format!("{}{}　{}（{qualification}）", BREAKDOWN.heading_prefix, index + 1, trainee.name);
                let months = trainee
                    .salary_months
                    .iter()
                    .map(|entry| (*entry, month_status(trainee, case.fiscal_year, entry.month)))
                    .collect();
                TraineeFacts {
                    heading_height: subtitle_height(&heading, breakdown_text_width),
                    heading,
                    qualification,
                    roster_row: ROSTER.first_row + index as u32,
                    budget_row: BUDGET.first_row + index as u32,
                    block,
                    months,
                    roster_qualification,
                    roster_course,
                    roster_salary_kind,
                    roster_height: height_for_lines(roster_lines),
                    budget_height,
                }
            })
            .collect();

        let breakdown_hospital_height = hospital_beside(&breakdown_widths, BREAKDOWN.hospital.0);
        let breakdown_page_breaks = page_breaks(&trainee_facts, &breakdown_widths, breakdown_hospital_height);
        Facts {
            trainees: trainee_facts,
            breakdown_page_breaks,
            budget_total_row: BUDGET.first_row + trainees.len() as u32,
            plan_hospital_height: height(&[(hospital, plan_value_width)]),
            plan_address_height: height(&[(case.hospital.address.as_deref().unwrap_or(""), plan_value_width)]),
            budget_hospital_height: hospital_beside(&budget_widths, BUDGET.hospital.0),
            breakdown_hospital_height,
            budget_widths,
            breakdown_widths,
            roster_widths,
            note_width,
        }
    }

    /// The cell of the total of (I): the 補助所要額合計 and the 申請書's 交付申請額.
    pub fn budget_total_cell(&self) -> layout::Cell {
        layout::Cell::new(self.budget_total_row, BUDGET.subsidy_col)
    }
}

/// Where 別紙3 breaks pages: the page's height at the scale that fits the sheet to one page wide (A4
/// landscape), with a margin for the viewers' own row heights; a block taller than a page starts a page and
/// is broken by the viewer.
fn page_breaks(trainees: &[TraineeFacts], widths: &[f64], hospital_height: Option<f64>) -> Vec<u32> {
    /// What A4 landscape leaves inside 15 mm margins, in points.
    const PRINTABLE_WIDTH_PT: f64 = (297.0 - 30.0) / 25.4 * 72.0;
    const PRINTABLE_HEIGHT_PT: f64 = (210.0 - 30.0) / 25.4 * 72.0;
    /// Excel and LibreOffice allow this many manual breaks on a sheet.
    const MAX_BREAKS: usize = 1023;
    let default_row = f64::from(layout::DEFAULT_ROW_PX) * 0.75;
    // A column w characters wide is w half-width characters of the 10.5pt face (half an em each) and a
    // padding of 5 pixels.
    let sheet_width: f64 = widths.iter().map(|width| width * layout::FONT_SIZE / 2.0 + 3.75).sum();
    let scale = (PRINTABLE_WIDTH_PT / sheet_width).min(1.0);
    let page = PRINTABLE_HEIGHT_PT * 0.92 / scale;
    let heading_row = layout::SUBTITLE_SIZE + 4.0;
    let mut used =
        24.0 + hospital_height.unwrap_or(default_row) + f64::from(BREAKDOWN.first_block_row - 1) * default_row;
    let mut breaks = Vec::new();
    for placed in trainees {
        let block = &placed.block;
        let rows = block.end_row + BREAKDOWN.block_gap - block.header_row;
        let height = placed.heading_height.unwrap_or(heading_row) + f64::from(rows) * default_row;
        if used + height > page && used > 0.0 && breaks.len() < MAX_BREAKS {
            breaks.push(block.heading_row);
            used = 0.0;
        }
        used += height;
    }
    breaks
}

/// Lines a text takes in a column `width` wide, the viewer wrapping it (at least one).
pub fn lines(text: &str, width: f64) -> usize {
    text::line_count(text, text::line_units(width))
}

/// The height of a row showing these texts in cells of these widths; `None` when each takes one line.
pub fn height(texts: &[(&str, f64)]) -> Option<f64> {
    let lines = texts.iter().map(|(text, width)| lines(text, *width)).max().unwrap_or(1);
    (lines > 1).then(|| height_for_lines(lines))
}

/// The same for a text set in the subtitle size (12pt), which holds fewer characters on a line.
fn subtitle_height(text: &str, width: f64) -> Option<f64> {
    let scale = layout::SUBTITLE_SIZE / layout::FONT_SIZE;
    let lines = text::line_count(text, (text::line_units(width) as f64 / scale) as usize);
    (lines > 1).then(|| height_for_lines(lines) * scale)
}

/// A column width that shows every text given in full on one line: at least `minimum`, at most `cap` (longer
/// texts wrap).
pub fn fitted_width<'t>(minimum: f64, texts: impl IntoIterator<Item = &'t str>, cap: f64) -> f64 {
    let widest = texts.into_iter().map(text::widest_line).max().unwrap_or(0);
    text::width_for(widest).clamp(minimum, cap.max(minimum))
}

/// 別紙2: names, 資格 and amounts fitted.
fn budget_widths(case: &Case, calculation: &Calculation, qualifications: &[String]) -> Vec<f64> {
    let mut widths = BUDGET.widths.to_vec();
    let mut fit = |col: u16, texts: Vec<&str>, cap: f64| {
        let index = usize::from(col);
        widths[index] = fitted_width(widths[index], texts, cap);
    };
    fit(BUDGET.name_col, case.trainees.iter().map(|t| t.name.as_str()).collect(), 24.0);
    fit(BUDGET.qualification_col, qualifications.iter().map(String::as_str).collect(), 28.0);
    // The widest amount of any column: the totals are the largest.
    let rows = &calculation.rows;
    let sum = |pick: fn(&crate::calc::RowCalculation) -> crate::money::Yen| rows.iter().map(pick).sum();
    let amounts: Vec<String> = [
        sum(|r| r.total_cost),
        sum(|r| r.other_income),
        sum(|r| r.net_cost),
        sum(|r| r.eligible_cost),
        sum(|r| r.standard),
        sum(|r| r.selected),
        sum(|r| r.base),
        calculation.total,
    ]
    .into_iter()
    .chain(rows.iter().map(|r| r.net_cost))
    .map(amount_text)
    .collect();
    for col in BUDGET.total_cost_col..=BUDGET.subsidy_col {
        if col != BUDGET.rate_col {
            fit(col, amounts.iter().map(String::as_str).collect(), 20.0);
        }
    }
    widths
}

/// 別紙3: amounts fitted, and the 備考 wide enough for every note Hojo writes there on one line.
fn breakdown_widths(case: &Case, calculation: &Calculation) -> Vec<f64> {
    let mut widths = BREAKDOWN.widths.to_vec();
    let amounts: Vec<String> = calculation
        .rows
        .iter()
        .flat_map(|row| row.items.iter().flat_map(|item| [item.amount, item.selected]).chain([row.total_cost]))
        .map(amount_text)
        .collect();
    for col in [BREAKDOWN.amount_col, BREAKDOWN.standard_col, BREAKDOWN.selected_col] {
        let index = usize::from(col);
        widths[index] = fitted_width(widths[index], amounts.iter().map(String::as_str), 20.0);
    }
    // Notes are the program's and the layout's words, the same few for every trainee.
    let fixed = [
        BREAKDOWN.other_costs_note,
        BREAKDOWN.cap_lifetime.1,
        BREAKDOWN.cap_prior.1,
        BREAKDOWN.cap_this_year.1,
        BREAKDOWN.cap_left.1,
    ];
    let exam_year = case.trainees.iter().any(|trainee| trainee.is_exam_year_after_course(case.fiscal_year));
    let exam_year_note = exam_year.then_some(BREAKDOWN.exam_year_note);
    let notes = fixed.into_iter().chain(exam_year_note).chain(item_notes(calculation));
    let index = usize::from(BREAKDOWN.note_col);
    widths[index] = fitted_width(widths[index], notes, 56.0);
    widths
}

/// Every distinct item note of the 算定 (a few: 年度内修了予定, 認定後に計上, 前年度までに計上済み).
fn item_notes(calculation: &Calculation) -> Vec<&str> {
    let mut notes: Vec<&str> = Vec::new();
    for note in calculation.rows.iter().flat_map(|row| row.items.iter().filter_map(|item| item.note.as_deref())) {
        if !notes.contains(&note) {
            notes.push(note);
        }
    }
    notes
}

/// 別紙4: names, institutions and dates fitted; the fixed labels' columns wide enough for their widest word.
fn roster_widths(case: &Case, qualifications: &[String], courses: &[String]) -> Vec<f64> {
    let trainees = &case.trainees;
    let dates: Vec<String> = trainees
        .iter()
        .flat_map(|t| [crate::era::format_date(t.enrolled_on), crate::era::format_date(t.course_ends_on)])
        .collect();
    let mut widths = ROSTER.widths.to_vec();
    let mut fit = |col: u16, texts: Vec<&str>, cap: f64| {
        let index = usize::from(col);
        widths[index] = fitted_width(widths[index], texts, cap);
    };
    fit(ROSTER.name_col, trainees.iter().map(|t| t.name.as_str()).collect(), 20.0);
    fit(ROSTER.institution_col, trainees.iter().filter_map(|t| t.institution.as_deref()).collect(), 34.0);
    fit(ROSTER.enrolled_col, dates.iter().map(String::as_str).collect(), 20.0);
    fit(ROSTER.ends_col, dates.iter().map(String::as_str).collect(), 20.0);
    let salary_kinds = trainees.iter().map(|t| t.salary_kind.label());
    for (col, labels) in [
        (ROSTER.qualification_col, qualifications.iter().map(String::as_str).collect::<Vec<_>>()),
        (ROSTER.course_col, courses.iter().map(String::as_str).collect()),
        (ROSTER.salary_kind_col, salary_kinds.collect()),
    ] {
        let widest = labels.iter().map(|label| text::widest_phrase(label, layout::LABEL_BREAKS)).max().unwrap_or(0);
        let index = usize::from(col);
        widths[index] = widths[index].max(text::width_for(widest).min(30.0));
    }
    widths
}
