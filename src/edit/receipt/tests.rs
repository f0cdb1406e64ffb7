//! Receipts as the 実績報告 form edits them: each test one thing the office does with a receipt.

use super::super::{CaseEdit, EditError, apply};
use super::*;
use crate::case::{Case, Decision, Hospital};
use crate::fiscal_year::FiscalYear;
use crate::program::ItemId;

const TUITION: CostItem = CostItem::Item(ItemId::Tuition);
const ADMISSION: CostItem = CostItem::Item(ItemId::Admission);

/// A 実績報告 with one trainee whose tuition was planned at 900,000円.
fn report() -> Case {
    let mut case =
        Case::new("kanwa-nurse", FiscalYear::new(2024), Hospital { name: "さくら病院".into(), ..Hospital::default() });
    let add = CaseEdit::AddTrainee {
        name: "看護 花子".into(),
        qualification: "緩和ケア認定看護師".into(),
        enrolled_on: "令和6年4月8日".into(),
        course_ends_on: "令和7年3月14日".into(),
    };
    apply(&mut case, &add).unwrap();
    case.trainees[0].tuition = Yen::new(900_000);
    case.stage = Stage::Report;
    case.decision = Some(Decision {
        decided_on: chrono::NaiveDate::from_ymd_opt(2024, 7, 1).unwrap(),
        number: "6保医政第1234号".into(),
        amount: Yen::new(2_300_000),
    });
    case
}

fn add(item: CostItem, paid_on: &str, amount: &str) -> CaseEdit {
    CaseEdit::AddReceipt {
        index: 0,
        item,
        paid_on: paid_on.into(),
        payee: "日本看護協会看護研修学校".into(),
        description: "前期授業料".into(),
        amount: amount.into(),
    }
}

fn set(receipt: usize, field: ReceiptField, text: &str) -> CaseEdit {
    CaseEdit::SetReceipt { index: 0, receipt, field, text: text.into() }
}

fn refused(case: &mut Case, edit: &CaseEdit) -> EditError {
    let before = case.clone();
    let error = apply(case, edit).unwrap_err();
    assert_eq!(*case, before, "a refused edit changes nothing");
    error
}

#[test]
fn a_receipt_typed_in_full_width_and_wareki_is_read_and_replaces_the_planned_amount() {
    let mut case = report();
    let change = apply(&mut case, &add(TUITION, "令和6年4月10日", "４５０，０００円")).unwrap();
    assert_eq!(change, Change::ReceiptAdded { index: 0, receipt: 0 });
    let trainee = &case.trainees[0];
    assert_eq!(trainee.receipts[0].paid_on.to_string(), "2024-04-10");
    assert_eq!(trainee.receipts[0].amount, Yen::new(450_000));
    assert_eq!(trainee.tuition, Yen::new(450_000), "the item is the sum of its receipts, not the plan");
    apply(&mut case, &add(TUITION, "R6.10.10", "450000")).unwrap();
    assert_eq!(case.trainees[0].tuition, Yen::new(900_000));
    apply(&mut case, &add(TUITION, "2024-11-01", "1,000")).unwrap();
    assert_eq!(case.trainees[0].tuition, Yen::new(901_000));
}

#[test]
fn each_field_of_a_receipt_can_be_changed_and_the_amounts_follow() {
    let mut case = report();
    apply(&mut case, &add(TUITION, "2024-04-10", "450000")).unwrap();
    apply(&mut case, &set(0, ReceiptField::Amount, "１００，０００")).unwrap();
    assert_eq!(case.trainees[0].tuition, Yen::new(100_000));
    apply(&mut case, &set(0, ReceiptField::PaidOn, "令和6年4月2日")).unwrap();
    apply(&mut case, &set(0, ReceiptField::Payee, "  看護研修学校 ")).unwrap();
    apply(&mut case, &set(0, ReceiptField::Description, "入学金")).unwrap();
    let change = apply(&mut case, &set(0, ReceiptField::Item, "入学料")).unwrap();
    assert_eq!(change, Change::ReceiptChanged { index: 0, receipt: 0 });
    let trainee = &case.trainees[0];
    assert_eq!(trainee.receipts[0].paid_on.to_string(), "2024-04-02");
    assert_eq!(trainee.receipts[0].payee, "看護研修学校");
    assert_eq!(trainee.receipts[0].description, "入学金");
    assert_eq!(trainee.receipts[0].item, ADMISSION);
    assert_eq!((trainee.admission, trainee.tuition), (Yen::new(100_000), Yen::ZERO), "moved with its receipt");
    apply(&mut case, &set(0, ReceiptField::Item, "tuition")).unwrap();
    assert_eq!((case.trainees[0].admission, case.trainees[0].tuition), (Yen::ZERO, Yen::new(100_000)));
}

#[test]
fn a_removed_receipt_comes_back_where_it_was() {
    let mut case = report();
    apply(&mut case, &add(TUITION, "2024-04-10", "450000")).unwrap();
    apply(&mut case, &add(TUITION, "2024-10-10", "400000")).unwrap();
    let removed = case.trainees[0].receipts[0].clone();
    assert_eq!(
        apply(&mut case, &CaseEdit::RemoveReceipt { index: 0, receipt: 0 }).unwrap(),
        Change::ReceiptRemoved { index: 0, receipt: 0 }
    );
    assert_eq!(case.trainees[0].tuition, Yen::new(400_000));
    apply(&mut case, &CaseEdit::RestoreReceipt { index: 0, receipt: 0, value: removed.clone() }).unwrap();
    assert_eq!(case.trainees[0].receipts[0], removed);
    assert_eq!(case.trainees[0].tuition, Yen::new(850_000));
    apply(&mut case, &CaseEdit::RemoveReceipt { index: 0, receipt: 1 }).unwrap();
    apply(&mut case, &CaseEdit::RemoveReceipt { index: 0, receipt: 0 }).unwrap();
    assert_eq!(case.trainees[0].tuition, Yen::ZERO, "no receipt left: nothing paid");
}

#[test]
fn bad_texts_are_refused_naming_the_field_in_japanese() {
    let mut case = report();
    let error = refused(&mut case, &add(TUITION, "4月10日", "450000"));
    assert_eq!(error.path, "trainees[0].receipts[0].paid_on");
    assert!(error.message.contains("日付として読めません"), "{}", error.message);
    let error = refused(&mut case, &add(TUITION, "2024-04-10", "四十五万"));
    assert_eq!(error.path, "trainees[0].receipts[0].amount");
    assert!(error.message.contains("数字で入力"), "{}", error.message);
    let error = refused(&mut case, &add(TUITION, "2024-04-10", " "));
    assert!(error.message.contains("領収書の金額が入力されていません"), "{}", error.message);
    let error = refused(&mut case, &add(CostItem::OTHER_INCOME, "2024-04-10", "1000"));
    assert_eq!(error.path, "trainees[0].receipts[0].item");
    apply(&mut case, &add(TUITION, "2024-04-10", "450000")).unwrap();
    let error = refused(&mut case, &set(0, ReceiptField::Item, "授業料"));
    assert!(error.message.contains("「授業料」は費目として読めません"), "{}", error.message);
    let error = refused(&mut case, &set(0, ReceiptField::PaidOn, "2024-02-30"));
    assert_eq!(error.path, "trainees[0].receipts[0].paid_on");
    let error = refused(&mut case, &set(3, ReceiptField::Payee, "x"));
    assert_eq!(error.path, "trainees[0].receipts[3]");
    let error = refused(&mut case, &set(0, ReceiptField::Payee, &"長".repeat(201)));
    assert_eq!(error.path, "trainees[0].receipts[0].payee", "the case's text limit");
}

#[test]
fn an_application_has_no_receipts() {
    let mut case = report();
    case.stage = Stage::Application;
    case.decision = None;
    let error = refused(&mut case, &add(TUITION, "2024-04-10", "450000"));
    assert_eq!(error.path, "trainees[0].receipts");
    assert!(error.message.contains("実績報告"), "{}", error.message);
}

#[test]
fn salary_entered_by_month_takes_no_receipt() {
    let mut case = report();
    apply(&mut case, &CaseEdit::SetSalaryMonthly { index: 0, monthly: true }).unwrap();
    let error = refused(&mut case, &add(CostItem::Item(ItemId::Salary), "2024-04-25", "300000"));
    assert!(error.message.contains("月ごと"), "{}", error.message);
}

#[test]
fn a_typed_amount_that_disagrees_with_the_receipts_is_refused_and_zero_gives_their_sum() {
    let mut case = report();
    apply(&mut case, &add(TUITION, "2024-04-10", "450000")).unwrap();
    let set_tuition = |text: &str| CaseEdit::SetTrainee {
        index: 0,
        field: super::super::TraineeField::Cost(TUITION),
        text: text.into(),
    };
    let error = refused(&mut case, &set_tuition("900000"));
    assert!(error.message.contains("領収書の合計"), "{}", error.message);
    apply(&mut case, &set_tuition("0")).unwrap();
    assert_eq!(case.trainees[0].tuition, Yen::new(450_000));
}

#[test]
fn the_edits_are_written_as_the_contract_names_them() {
    let edit: CaseEdit = serde_json::from_value(serde_json::json!({
        "kind": "set_receipt", "index": 0, "receipt": 1, "field": "paid_on", "text": "R6.4.1"
    }))
    .unwrap();
    assert_eq!(edit, CaseEdit::SetReceipt { index: 0, receipt: 1, field: ReceiptField::PaidOn, text: "R6.4.1".into() });
    for field in ReceiptField::ALL {
        assert_eq!(serde_json::to_value(field).unwrap(), field.id());
    }
    assert_eq!(receipt_path(1, 2, ReceiptField::Amount), "trainees[1].receipts[2].amount");
}

#[test]
fn a_report_keeps_a_withdrawn_trainee_and_says_to_mark_her_instead_of_deleting() {
    let mut case = report();
    let before = case.clone();
    let error = apply(&mut case, &CaseEdit::RemoveTrainee { index: 0 }).unwrap_err();
    assert_eq!(error.path, "trainees[0].report.course_status");
    assert!(error.message.contains("中途退学"), "{}", error.message);
    assert_eq!(case, before);
}
