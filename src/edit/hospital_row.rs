//! Edits of a program whose row is the hospital (kanwa-training): its 研修会, its 対象経費 by item with their
//! 積算内訳, its other costs and income. An item with 積算内訳 lines always amounts to their sum.

use super::hospital::{flag, optional_text, whole_number};
use super::{Change, EditError, TrainingField, WorkingField};
use crate::case::{Case, Training, WorkingLine};
use crate::money::Yen;
use crate::program::{CostItem, ItemId, OtherAmount, Rules};
use crate::typed_input::{parse_date, parse_yen};

pub fn add_training(case: &mut Case, title: &str, held_on: &str) -> Result<Change, EditError> {
    let at = |field: TrainingField| format!("trainings[{}].{}", case.trainings.len(), field.id());
    if title.trim().is_empty() {
        return Err(EditError::at(at(TrainingField::Title), "研修会の名称を入力してください"));
    }
    let held_on = parse_date(held_on).map_err(|error| EditError::at(at(TrainingField::HeldOn), error.to_string()))?;
    case.trainings.push(Training {
        title: title.trim().to_string(),
        held_on,
        venue: None,
        planned_participants: 0,
        follows_guideline: false,
    });
    Ok(Change::HospitalRow)
}

pub fn set_training(case: &mut Case, index: usize, field: TrainingField, text: &str) -> Result<Change, EditError> {
    let path = format!("trainings[{index}].{}", field.id());
    let training = case.trainings.get_mut(index).ok_or_else(|| {
        EditError::at(format!("trainings[{index}]"), "その研修会はもうありません。画面を開き直してください")
    })?;
    match field {
        TrainingField::Title => {
            if text.trim().is_empty() {
                return Err(EditError::at(path, "研修会の名称を入力してください"));
            }
            training.title = text.trim().to_string();
        }
        TrainingField::HeldOn => {
            training.held_on = parse_date(text).map_err(|error| EditError::at(&path, error.to_string()))?
        }
        TrainingField::Venue => training.venue = optional_text(text),
        TrainingField::PlannedParticipants => {
            training.planned_participants = whole_number(&path, text, "定員", &['人', '名'])?.unwrap_or(0);
        }
        TrainingField::FollowsGuideline => training.follows_guideline = flag(&path, text)?,
    }
    Ok(Change::HospitalRow)
}

pub fn remove_training(case: &mut Case, index: usize) -> Result<Change, EditError> {
    if index >= case.trainings.len() {
        return Err(EditError::at(
            format!("trainings[{index}]"),
            "その研修会はもうありません。画面を開き直してください",
        ));
    }
    case.trainings.remove(index);
    Ok(Change::HospitalRow)
}

/// Undo of a removal: the 研修会 back at its place (at the end when the list has since grown shorter).
pub fn restore_training(case: &mut Case, index: usize, training: &Training) -> Result<Change, EditError> {
    let at = index.min(case.trainings.len());
    case.trainings.insert(at, training.clone());
    Ok(Change::HospitalRow)
}

/// An amount of the hospital row: an item of the program (refused when it has 積算内訳, which decide it), or
/// its other costs or income.
pub fn set_cost(case: &mut Case, rules: &Rules, item: CostItem, text: &str) -> Result<Change, EditError> {
    let path = match item {
        CostItem::Item(id) => format!("costs.{}", id.id()),
        CostItem::Other(other) => other.id().to_string(),
    };
    let amount = if text.trim().is_empty() {
        Yen::ZERO
    } else {
        parse_yen(text).map_err(|error| EditError::at(&path, error.to_string()))?
    };
    match item {
        CostItem::Item(id) => {
            if rules.item(id).is_none() {
                return Err(EditError::at(path, "この事業の対象経費ではありません"));
            }
            if case.workings.get(&id).is_some_and(|lines| !lines.is_empty()) {
                return Err(EditError::at(
                    path,
                    "積算内訳を入力しているため、金額は積算内訳の合計になります。内訳の行を直してください",
                ));
            }
            case.costs.insert(id, amount);
        }
        CostItem::Other(OtherAmount::OtherCosts) => case.other_costs = amount,
        CostItem::Other(OtherAmount::OtherIncome) => case.other_income = amount,
    }
    Ok(Change::HospitalRow)
}

/// A field of a line of an item's 積算内訳; `index` one past the last adds a line.
pub fn set_working_line(
    case: &mut Case,
    rules: &Rules,
    item: ItemId,
    index: usize,
    field: WorkingField,
    text: &str,
) -> Result<Change, EditError> {
    let path = format!("workings.{}[{index}].{}", item.id(), field.id());
    if rules.item(item).is_none() {
        return Err(EditError::at(path, "この事業の対象経費ではありません"));
    }
    let lines = case.workings.entry(item).or_default();
    if index > lines.len() {
        return Err(EditError::at(path, "その行はもうありません。画面を開き直してください"));
    }
    if index == lines.len() {
        lines.push(WorkingLine { description: String::new(), unit_price: Yen::ZERO, quantity: 1, unit: String::new() });
    }
    let line = &mut lines[index];
    match field {
        WorkingField::Description => line.description = text.trim().to_string(),
        WorkingField::Unit => line.unit = text.trim().to_string(),
        WorkingField::UnitPrice => {
            line.unit_price = if text.trim().is_empty() {
                Yen::ZERO
            } else {
                parse_yen(text).map_err(|error| EditError::at(&path, error.to_string()))?
            }
        }
        WorkingField::Quantity => {
            line.quantity = whole_number(&path, text, "数量", &['人', '回', '部', '通', '名'])?.unwrap_or(0)
        }
    }
    sum_working(case, item);
    Ok(Change::HospitalRow)
}

pub fn remove_working_line(case: &mut Case, item: ItemId, index: usize) -> Result<Change, EditError> {
    let lines = case.workings.entry(item).or_default();
    if index >= lines.len() {
        return Err(EditError::at(
            format!("workings.{}[{index}]", item.id()),
            "その行はもうありません。画面を開き直してください",
        ));
    }
    lines.remove(index);
    if lines.is_empty() {
        case.workings.remove(&item);
    } else {
        sum_working(case, item);
    }
    Ok(Change::HospitalRow)
}

/// Undo of a removal: the line back at its place, and the item amounts to its lines again.
pub fn restore_working_line(
    case: &mut Case,
    rules: &Rules,
    item: ItemId,
    index: usize,
    line: &WorkingLine,
) -> Result<Change, EditError> {
    if rules.item(item).is_none() {
        return Err(EditError::at(format!("workings.{}", item.id()), "この事業の対象経費ではありません"));
    }
    let lines = case.workings.entry(item).or_default();
    let at = index.min(lines.len());
    lines.insert(at, line.clone());
    sum_working(case, item);
    Ok(Change::HospitalRow)
}

fn sum_working(case: &mut Case, item: ItemId) {
    let sum: Yen =
        case.workings.get(&item).map(|lines| lines.iter().map(WorkingLine::amount).sum()).unwrap_or(Yen::ZERO);
    case.costs.insert(item, sum);
}
