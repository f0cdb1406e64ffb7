//! The editing of an application, as a domain operation: a typed edit (what a form sends — a field and the
//! text typed into it) applied to a case with its checks. The app and the command line edit through here and
//! nowhere else; the store writes an edit in one transaction from the [`Change`] it returns.
//!
//! The text is read as people type it (full-width digits, commas, 和暦, 令和7年度); a refused edit changes
//! nothing and says, in Japanese, which field and what to type instead. After an edit the whole case is
//! validated again, and an edit that would make a case invalid is refused.

mod fields;
mod hospital;
mod hospital_row;
mod receipt;
mod report;
mod salary;
mod trainee;

use serde::{Deserialize, Serialize};

use crate::case::{Case, Filing, Hospital, Receipt, Stage, Trainee, Training, WorkingLine, problems};
use crate::fiscal_year::YearMonth;
use crate::program::{ItemId, Program, ProgramError, Rules};

pub use fields::{HospitalField, ProfileField, TraineeField, TrainingField, WorkingField};
pub use receipt::{ReceiptField, receipt_path};
pub use report::TraineeReportField;

/// One edit of an application, as a form sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum CaseEdit {
    /// A field of 病院情報, with the text typed (blank clears an optional field).
    SetHospital {
        field: HospitalField,
        text: String,
    },
    /// The whole profile at once (the 名簿's data, once the user has seen what it changes).
    ReplaceHospital {
        hospital: Box<Hospital>,
    },
    /// A 届出 as typed: 受理記号 verbatim, 受理番号 and 算定開始年月日 optional.
    AddFiling {
        symbol: String,
        number: String,
        since: String,
    },
    RemoveFiling {
        index: usize,
    },
    /// A removed 届出 put back where it was (undo).
    RestoreFiling {
        index: usize,
        filing: Filing,
    },
    /// A new trainee: the four facts every trainee needs, nothing assumed.
    AddTrainee {
        name: String,
        qualification: String,
        enrolled_on: String,
        course_ends_on: String,
    },
    RemoveTrainee {
        index: usize,
    },
    /// A removed trainee put back where she was, with all her amounts (undo).
    RestoreTrainee {
        index: usize,
        trainee: Box<Trainee>,
    },
    /// A field of a trainee: her profile, an amount, or a flag (`"true"` / `"false"`).
    SetTrainee {
        index: usize,
        field: TraineeField,
        text: String,
    },
    /// 人件費 of one month; a blank text removes the month.
    SetSalaryMonth {
        index: usize,
        month: YearMonth,
        text: String,
    },
    /// 人件費 month by month (true) or as one amount for the 年度 (false).
    SetSalaryMonthly {
        index: usize,
        monthly: bool,
    },
    /// A once-only item (入学料, 認定審査料, 認定登録料) claimed in an earlier 年度, or not.
    SetPriorItem {
        index: usize,
        item: ItemId,
        claimed: bool,
    },
    // A program whose row is the hospital (kanwa-training):
    /// A 研修会 with its name and date.
    AddTraining {
        title: String,
        held_on: String,
    },
    SetTraining {
        index: usize,
        field: TrainingField,
        text: String,
    },
    RemoveTraining {
        index: usize,
    },
    /// A removed 研修会 put back where it was (undo).
    RestoreTraining {
        index: usize,
        training: Training,
    },
    /// An amount of the hospital row: an item, or its other costs or income.
    SetCost {
        item: crate::program::CostItem,
        text: String,
    },
    /// A field of a line of an item's 積算内訳; `index` one past the last adds a line.
    SetWorkingLine {
        item: ItemId,
        index: usize,
        field: WorkingField,
        text: String,
    },
    RemoveWorkingLine {
        item: ItemId,
        index: usize,
    },
    // A 実績報告's receipts (only a report case has them):
    /// A receipt of a trainee's cost, as typed: 支払日, 支払先, 内容, 金額. The item's amount becomes the sum of
    /// its receipts.
    AddReceipt {
        index: usize,
        item: crate::program::CostItem,
        paid_on: String,
        payee: String,
        description: String,
        amount: String,
    },
    /// A field of the trainee's receipt at `receipt`, with the text typed.
    SetReceipt {
        index: usize,
        receipt: usize,
        field: ReceiptField,
        text: String,
    },
    RemoveReceipt {
        index: usize,
        receipt: usize,
    },
    /// A removed receipt put back where it was (undo).
    RestoreReceipt {
        index: usize,
        receipt: usize,
        value: Receipt,
    },
    /// A field of a trainee's 実績報告 (only on a report); a blank text clears it.
    SetTraineeReport {
        index: usize,
        field: TraineeReportField,
        text: String,
    },
    /// A removed line of 積算内訳 put back where it was (undo); the item amounts to its lines again.
    RestoreWorkingLine {
        item: ItemId,
        index: usize,
        line: WorkingLine,
    },
}

/// What an edit changed, for the store to write in one transaction (the values are the case's after the edit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// The hospital's profile or its 届出.
    Hospital,
    /// A trainee added (or put back) at this position.
    TraineeAdded {
        index: usize,
    },
    TraineeRemoved {
        index: usize,
    },
    /// Her profile: name, course, 人件費の区分, what earlier 年度 used.
    TraineeProfile {
        index: usize,
    },
    /// An amount (the case's value is the item's new total).
    TraineeCost {
        index: usize,
        item: crate::program::CostItem,
    },
    TraineeFlag {
        index: usize,
        flag: crate::program::FlagId,
    },
    /// Her months of 人件費 and her yearly 人件費 (the case holds them as they now are).
    TraineeSalary {
        index: usize,
    },
    /// The hospital row's 研修会, costs, 積算内訳, other costs or income.
    HospitalRow,
    /// Her profile and her months of 人件費 together (a course moved: months outside it that held nothing
    /// are gone, months newly inside it are offered).
    TraineeCourse {
        index: usize,
    },
    /// A receipt added (or put back) at this position of her receipts; the amounts of its item are the sum of
    /// the item's receipts.
    ReceiptAdded {
        index: usize,
        receipt: usize,
    },
    /// A field of her receipt at this position (its item may have changed: both items are sums again).
    ReceiptChanged {
        index: usize,
        receipt: usize,
    },
    /// Her receipt that was at this position is gone.
    ReceiptRemoved {
        index: usize,
        receipt: usize,
    },
    /// Her 実績報告: 受講状況, 修了年月日, 認定年月日, 事業の成果.
    TraineeReport {
        index: usize,
    },
}

/// Why an edit was refused: the field (a case-file path) and what to do, in Japanese.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EditError {
    /// `trainees[0].tuition`; empty when the edit as a whole was refused.
    pub path: String,
    pub message: String,
}

impl EditError {
    pub fn at(path: impl Into<String>, message: impl Into<String>) -> EditError {
        EditError { path: path.into(), message: message.into() }
    }
}

impl From<ProgramError> for EditError {
    fn from(error: ProgramError) -> EditError {
        EditError::at("", error.to_string())
    }
}

/// Applies an edit to a case: the case is changed only when the edit is accepted.
///
/// # Errors
/// The text cannot be read as what the field holds, the edit names a trainee or 届出 that is not there, or
/// the case would no longer be valid; the error names the field.
pub fn apply(case: &mut Case, edit: &CaseEdit) -> Result<Change, EditError> {
    let program = Program::get(&case.program)?;
    let rules = program.rules_for(case.fiscal_year)?;
    let before = problems(case);
    let mut edited = case.clone();
    let change = apply_to(&mut edited, rules, edit)?;
    edited.normalize();
    // Only what this edit broke is refused: a case read from an older Hojo keeps working.
    if let Some(problem) = problems(&edited).into_iter().find(|problem| !before.contains(problem)) {
        return Err(EditError::at(problem.path, problem.message_ja));
    }
    *case = edited;
    Ok(change)
}

fn apply_to(case: &mut Case, rules: &Rules, edit: &CaseEdit) -> Result<Change, EditError> {
    match edit {
        CaseEdit::SetHospital { field, text } => hospital::set_field(&mut case.hospital, *field, text),
        CaseEdit::ReplaceHospital { hospital } => {
            case.hospital = (**hospital).clone();
            Ok(Change::Hospital)
        }
        CaseEdit::AddFiling { symbol, number, since } => {
            hospital::add_filing(&mut case.hospital, symbol, number, since)
        }
        CaseEdit::RemoveFiling { index } => {
            filing_at(&case.hospital, *index)?;
            case.hospital.filings.remove(*index);
            Ok(Change::Hospital)
        }
        CaseEdit::RestoreFiling { index, filing } => {
            let at = (*index).min(case.hospital.filings.len());
            case.hospital.filings.insert(at, filing.clone());
            Ok(Change::Hospital)
        }
        CaseEdit::AddTrainee { name, qualification, enrolled_on, course_ends_on } => {
            let trainee =
                trainee::new_trainee(rules, case.trainees.len(), name, qualification, enrolled_on, course_ends_on)?;
            case.trainees.push(trainee);
            Ok(Change::TraineeAdded { index: case.trainees.len() - 1 })
        }
        CaseEdit::RemoveTrainee { index } => {
            trainee_at(case, *index)?;
            if let Some(refusal) = removal_refusal(case, *index) {
                return Err(refusal);
            }
            case.trainees.remove(*index);
            Ok(Change::TraineeRemoved { index: *index })
        }
        CaseEdit::RestoreTrainee { index, trainee } => {
            let at = (*index).min(case.trainees.len());
            case.trainees.insert(at, (**trainee).clone());
            Ok(Change::TraineeAdded { index: at })
        }
        CaseEdit::SetTrainee { index, field, text } => {
            let year = case.fiscal_year;
            let trainee = trainee_at(case, *index)?;
            trainee::set_field(trainee, *index, rules, year, *field, text)
        }
        CaseEdit::SetSalaryMonth { index, month, text } => {
            let trainee = trainee_at(case, *index)?;
            salary::set_month(trainee, *index, *month, text)
        }
        CaseEdit::SetSalaryMonthly { index, monthly } => {
            let year = case.fiscal_year;
            let trainee = trainee_at(case, *index)?;
            salary::set_monthly(trainee, *index, year, *monthly)
        }
        CaseEdit::SetPriorItem { index, item, claimed } => {
            let trainee = trainee_at(case, *index)?;
            trainee::set_prior_item(trainee, *index, rules, *item, *claimed)
        }
        CaseEdit::AddTraining { title, held_on } => hospital_row::add_training(case, title, held_on),
        CaseEdit::SetTraining { index, field, text } => hospital_row::set_training(case, *index, *field, text),
        CaseEdit::RemoveTraining { index } => hospital_row::remove_training(case, *index),
        CaseEdit::RestoreTraining { index, training } => hospital_row::restore_training(case, *index, training),
        CaseEdit::SetCost { item, text } => hospital_row::set_cost(case, rules, *item, text),
        CaseEdit::SetWorkingLine { item, index, field, text } => {
            hospital_row::set_working_line(case, rules, *item, *index, *field, text)
        }
        CaseEdit::RemoveWorkingLine { item, index } => hospital_row::remove_working_line(case, *item, *index),
        CaseEdit::AddReceipt { index, item, paid_on, payee, description, amount } => {
            let new = receipt::NewReceipt { item: *item, paid_on, payee, description, amount };
            receipt::add(case, *index, &new)
        }
        CaseEdit::SetReceipt { index, receipt, field, text } => receipt::set(case, *index, *receipt, *field, text),
        CaseEdit::RemoveReceipt { index, receipt } => receipt::remove(case, *index, *receipt),
        CaseEdit::RestoreReceipt { index, receipt, value } => receipt::restore(case, *index, *receipt, value),
        CaseEdit::SetTraineeReport { index, field, text } => report::set_field(case, *index, *field, text),
        CaseEdit::RestoreWorkingLine { item, index, line } => {
            hospital_row::restore_working_line(case, rules, *item, *index, line)
        }
    }
}

/// Why a trainee cannot be removed from this case, if she cannot: the report accounts for every trainee of the
/// decision, so one who withdrew stays, marked 中途退学, with what was paid. The store's own removal asks too.
pub fn removal_refusal(case: &Case, index: usize) -> Option<EditError> {
    (case.stage == Stage::Report).then(|| {
        EditError::at(
            format!("trainees[{index}].report.course_status"),
            "実績報告では受講者を削除できません。途中でやめた受講者は「受講状況」を「中途退学」にしてください（支払った経費は実績として残ります）",
        )
    })
}

fn trainee_at(case: &mut Case, index: usize) -> Result<&mut Trainee, EditError> {
    case.trainees.get_mut(index).ok_or_else(|| {
        EditError::at(format!("trainees[{index}]"), "その受講者はもういません。画面を開き直してください")
    })
}

fn filing_at(hospital: &Hospital, index: usize) -> Result<&Filing, EditError> {
    hospital.filings.get(index).ok_or_else(|| {
        EditError::at(format!("hospital.filings[{index}]"), "その届出はもうありません。画面を開き直してください")
    })
}

#[cfg(test)]
mod tests;
