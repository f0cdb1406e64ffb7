//! Edits of a trainee's receipts (領収書) in a 実績報告: a payment added, a field of one changed, one removed or
//! put back. The texts are read as people type them (１２０，０００円, 令和6年4月10日, R6.4.10). An item with
//! receipts amounts to their sum (settlement.md): every edit sets the amounts of the items it touched to the sum
//! of their receipts, so the case never holds an amount and receipts that disagree.

use serde::{Deserialize, Serialize};

use super::{Change, EditError};
use crate::case::{Case, Receipt, Stage, Trainee};
use crate::money::Yen;
use crate::program::{CostItem, Program, Rules};
use crate::typed_input::{parse_date, parse_yen};

/// A field of a receipt, as the form names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ReceiptField {
    /// 支払日
    PaidOn,
    /// 支払先
    Payee,
    /// 内容（但し書き）
    Description,
    /// 金額
    Amount,
    /// 費目: the cost item the payment is of (its id, `tuition`, or its name, 受講料)
    Item,
}

impl ReceiptField {
    pub const ALL: [ReceiptField; 5] = [
        ReceiptField::PaidOn,
        ReceiptField::Payee,
        ReceiptField::Description,
        ReceiptField::Amount,
        ReceiptField::Item,
    ];

    /// The case-file name of the field: `paid_on`.
    pub fn id(self) -> &'static str {
        match self {
            ReceiptField::PaidOn => "paid_on",
            ReceiptField::Payee => "payee",
            ReceiptField::Description => "description",
            ReceiptField::Amount => "amount",
            ReceiptField::Item => "item",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ReceiptField::PaidOn => "支払日",
            ReceiptField::Payee => "支払先",
            ReceiptField::Description => "内容（但し書き）",
            ReceiptField::Amount => "金額",
            ReceiptField::Item => "費目",
        }
    }
}

/// The case-file path of a receipt's field: `trainees[0].receipts[2].amount`.
pub fn receipt_path(index: usize, receipt: usize, field: ReceiptField) -> String {
    format!("trainees[{index}].receipts[{receipt}].{}", field.id())
}

/// The texts of a new receipt, as the 「領収書を追加」 form sends them.
pub struct NewReceipt<'a> {
    pub item: CostItem,
    pub paid_on: &'a str,
    pub payee: &'a str,
    pub description: &'a str,
    pub amount: &'a str,
}

pub fn add(case: &mut Case, index: usize, new: &NewReceipt<'_>) -> Result<Change, EditError> {
    let program = Program::get(&case.program)?;
    let rules = program.rules_for(case.fiscal_year)?;
    let trainee = report_trainee(case, index)?;
    let at = trainee.receipts.len();
    let path = |field| receipt_path(index, at, field);
    check_item(trainee, rules, program, new.item, path(ReceiptField::Item))?;
    let paid_on =
        parse_date(new.paid_on).map_err(|error| EditError::at(path(ReceiptField::PaidOn), error.to_string()))?;
    let amount = parse_amount(new.amount, path(ReceiptField::Amount))?;
    trainee.receipts.push(Receipt {
        item: new.item,
        paid_on,
        payee: new.payee.trim().to_string(),
        description: new.description.trim().to_string(),
        amount,
    });
    sum_into_amount(trainee, new.item);
    Ok(Change::ReceiptAdded { index, receipt: at })
}

pub fn set(
    case: &mut Case,
    index: usize,
    receipt: usize,
    field: ReceiptField,
    text: &str,
) -> Result<Change, EditError> {
    let program = Program::get(&case.program)?;
    let rules = program.rules_for(case.fiscal_year)?;
    let trainee = report_trainee(case, index)?;
    let path = receipt_path(index, receipt, field);
    let before = receipt_at(trainee, index, receipt)?.item;
    let item = match field {
        ReceiptField::Item => Some(parse_item(rules, program, text, &path)?),
        _ => None,
    };
    if let Some(item) = item {
        check_item(trainee, rules, program, item, path.clone())?;
    }
    let value = receipt_at(trainee, index, receipt)?;
    match field {
        ReceiptField::PaidOn => {
            value.paid_on = parse_date(text).map_err(|error| EditError::at(&path, error.to_string()))?;
        }
        ReceiptField::Payee => value.payee = text.trim().to_string(),
        ReceiptField::Description => value.description = text.trim().to_string(),
        ReceiptField::Amount => value.amount = parse_amount(text, path)?,
        ReceiptField::Item => value.item = item.unwrap_or(before),
    }
    let after = value.item;
    sum_into_amount(trainee, before);
    sum_into_amount(trainee, after);
    Ok(Change::ReceiptChanged { index, receipt })
}

pub fn remove(case: &mut Case, index: usize, receipt: usize) -> Result<Change, EditError> {
    let trainee = report_trainee(case, index)?;
    let item = receipt_at(trainee, index, receipt)?.item;
    trainee.receipts.remove(receipt);
    sum_into_amount(trainee, item);
    Ok(Change::ReceiptRemoved { index, receipt })
}

/// A removed receipt put back where it was (undo); at the end when the list has grown shorter.
pub fn restore(case: &mut Case, index: usize, receipt: usize, value: &Receipt) -> Result<Change, EditError> {
    let trainee = report_trainee(case, index)?;
    let at = receipt.min(trainee.receipts.len());
    trainee.receipts.insert(at, value.clone());
    sum_into_amount(trainee, value.item);
    Ok(Change::ReceiptAdded { index, receipt: at })
}

/// Receipts are what a 実績報告 shows of the money spent (case-file.md): an application has none.
fn report_trainee(case: &mut Case, index: usize) -> Result<&mut Trainee, EditError> {
    let path = format!("trainees[{index}].receipts");
    if case.stage != Stage::Report {
        return Err(EditError::at(
            path,
            "領収書は実績報告で入力します。この申請はまだ実績報告になっていません。交付決定の後、「実績報告を始める」を選んでから入力してください",
        ));
    }
    case.trainees.get_mut(index).ok_or_else(|| {
        EditError::at(format!("trainees[{index}]"), "その受講者はもういません。画面を開き直してください")
    })
}

fn receipt_at(trainee: &mut Trainee, index: usize, receipt: usize) -> Result<&mut Receipt, EditError> {
    trainee.receipts.get_mut(receipt).ok_or_else(|| {
        EditError::at(
            format!("trainees[{index}].receipts[{receipt}]"),
            "その領収書はもうありません。画面を開き直してください",
        )
    })
}

/// The item's amount becomes the sum of its receipts; 0 once its last receipt is gone.
fn sum_into_amount(trainee: &mut Trainee, item: CostItem) {
    let sum = trainee.receipts_total(item).unwrap_or(Yen::ZERO);
    if let Some(amount) = trainee.cost_mut(item) {
        *amount = sum;
    }
}

/// A receipt pays one of her costs: not an income, and not 人件費 entered month by month (each month is its
/// payment).
fn check_item(
    trainee: &Trainee,
    rules: &Rules,
    program: &Program,
    item: CostItem,
    path: String,
) -> Result<(), EditError> {
    let label = rules.cost_label(program, item);
    if item == CostItem::OTHER_INCOME || trainee.cost(item).is_none() {
        return Err(EditError::at(
            path,
            format!(
                "「{label}」の領収書は書けません。受講者の経費（入学料・受講料・認定審査料・認定登録料・人件費・その他）から選んでください"
            ),
        ));
    }
    if item == CostItem::Item(crate::program::ItemId::Salary) && trainee.salary_is_monthly() {
        return Err(EditError::at(
            path,
            "人件費を月ごとに入力しているため、人件費の領収書は書けません（月ごとの金額が支払額です）。領収書で入力するなら、先に「年度の合計で入力」に切り替えてください",
        ));
    }
    Ok(())
}

/// A cost item by its id (`tuition`) or as the program names it (受講料).
fn parse_item(rules: &Rules, program: &Program, text: &str, path: &str) -> Result<CostItem, EditError> {
    let text = text.trim();
    CostItem::from_id(text)
        .or_else(|| rules.cost_items().into_iter().find(|item| rules.cost_label(program, *item) == text))
        .ok_or_else(|| EditError::at(path, format!("「{text}」は費目として読めません。費目を一覧から選んでください")))
}

/// A receipt's amount as typed: it must be given (a receipt of nothing is not a receipt).
fn parse_amount(text: &str, path: String) -> Result<Yen, EditError> {
    if text.trim().is_empty() {
        return Err(EditError::at(path, "領収書の金額が入力されていません。領収書に書かれた金額を入力してください"));
    }
    parse_yen(text).map_err(|error| EditError::at(path, error.to_string()))
}

#[cfg(test)]
mod tests;
