//! Receipts and their scans in the database, as the office uses them for a 実績報告: receipts go in and come
//! back exactly (case → database → case), each edit is kept with its history, a scan is attached, listed,
//! written out and removed, the folder of copies for the 都 is named as the office expects, a 5 MB photo goes
//! in without being held twice, a file over the limit is refused, and a Hojo killed mid-write loses nothing it
//! said was saved.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use chrono::NaiveDate;
use hojo::case::{Case, Receipt, parse_case};
use hojo::edit::{CaseEdit, ReceiptField};
use hojo::money::Yen;
use hojo::program::{CostItem, ItemId};
use hojo::store::{
    ApplicationId, ClaimId, Editor, ImportMode, SCHEMA_VERSION, Store, StoreError, TRAINEE_COSTS_FORMAT, TraineeCosts,
};

const ADMIN: Editor = Editor::Administrator;
const TUITION: CostItem = CostItem::Item(ItemId::Tuition);
const CHILD_ENV: &str = "HOJO_TEST_CHILD_RECEIPTS_DB";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn report_case() -> Case {
    parse_case(include_bytes!("../examples/reports/sakura-hospital-report.json")).unwrap()
}

fn fresh() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("hojo.sqlite3")).unwrap();
    (dir, store)
}

/// An application with one trainee whose receipts came from her cost sheet (`hojo-trainee-costs/2`): the
/// store keeps receipts whatever the application's stage, so scans can be attached as they arrive.
fn with_receipts(store: &mut Store) -> (ApplicationId, ClaimId) {
    let case = parse_case(include_bytes!("../examples/sakura-hospital.json")).unwrap();
    let application = store.import_case(&ADMIN, &case, ImportMode::New).unwrap().application_id;
    let claim = store.trainees(application).unwrap()[0].id;
    let mut file = store.export_trainee_costs(claim).unwrap();
    file.costs.retain(|cost| cost.item != TUITION && cost.item != CostItem::OTHER_COSTS);
    file.receipts = vec![
        receipt(TUITION, date(2024, 4, 10), "前期授業料", 450_000),
        receipt(TUITION, date(2024, 10, 10), "後期授業料", 450_000),
        receipt(CostItem::OTHER_COSTS, date(2024, 5, 12), "教材費", 50_000),
    ];
    store.import_trainee_costs(&ADMIN, application, &file).unwrap();
    (application, claim)
}

fn receipt(item: CostItem, paid_on: NaiveDate, description: &str, amount: i64) -> Receipt {
    Receipt {
        item,
        paid_on,
        payee: "日本看護協会看護研修学校".into(),
        description: description.into(),
        amount: Yen::new(amount),
    }
}

/// A file's bytes, different for every seed.
fn bytes(size: usize, seed: u8) -> Vec<u8> {
    (0..size).map(|index| (index as u8).wrapping_mul(31).wrapping_add(seed)).collect()
}

fn attach(
    store: &mut Store,
    application: ApplicationId,
    receipt: usize,
    name: &str,
    data: &[u8],
) -> hojo::store::AttachmentId {
    store.attach(&ADMIN, application, 0, receipt, name, &mut &data[..]).unwrap()
}

#[test]
fn a_report_with_receipts_goes_into_the_database_and_comes_back_the_same() {
    let (_dir, mut store) = fresh();
    let case = report_case();
    let application = store.import_case(&ADMIN, &case, ImportMode::New).unwrap().application_id;
    assert_eq!(store.load_case(application).unwrap(), case);
}

#[test]
fn each_receipt_edit_is_written_with_its_history_and_the_amounts_follow() {
    let (_dir, mut store) = fresh();
    let application = store.import_case(&ADMIN, &report_case(), ImportMode::New).unwrap().application_id;
    let add = CaseEdit::AddReceipt {
        index: 0,
        item: CostItem::Item(ItemId::ExamFee),
        paid_on: "令和7年2月1日".into(),
        payee: "日本看護協会".into(),
        description: "認定審査料".into(),
        amount: "２０，０００円".into(),
    };
    let case = store.apply_edit(&ADMIN, application, &add).unwrap();
    assert_eq!(case.trainees[0].receipts.len(), 5);
    assert_eq!(case.trainees[0].exam_fee, Yen::new(20_000));
    let set = CaseEdit::SetReceipt { index: 0, receipt: 1, field: ReceiptField::Amount, text: "400,000".into() };
    let case = store.apply_edit(&ADMIN, application, &set).unwrap();
    assert_eq!(case.trainees[0].tuition, Yen::new(850_000));
    let removed = case.trainees[0].receipts[1].clone();
    let case = store.apply_edit(&ADMIN, application, &CaseEdit::RemoveReceipt { index: 0, receipt: 1 }).unwrap();
    assert_eq!(case.trainees[0].tuition, Yen::new(450_000));
    let undo = CaseEdit::RestoreReceipt { index: 0, receipt: 1, value: removed.clone() };
    let case = store.apply_edit(&ADMIN, application, &undo).unwrap();
    assert_eq!(case.trainees[0].receipts[1], removed, "back where it was");
    assert_eq!(store.load_case(application).unwrap(), case);
    let hospital = store.application(application).unwrap().hospital_id;
    let history = store.history(hospital, 10).unwrap();
    assert!(history.iter().any(|change| {
        change.field == "receipt"
            && change
                .new_value
                .as_deref()
                .is_some_and(|value| value.contains("認定審査料 20,000円（令和7年2月1日支払）"))
    }));
    // A refused edit writes nothing.
    let bad = CaseEdit::SetReceipt { index: 0, receipt: 0, field: ReceiptField::PaidOn, text: "4月1日".into() };
    assert!(matches!(store.apply_edit(&ADMIN, application, &bad), Err(StoreError::Edit(_))));
    assert_eq!(store.load_case(application).unwrap(), case);
}

#[test]
fn a_first_receipt_replaces_the_planned_amount_of_its_item() {
    let (_dir, mut store) = fresh();
    let mut case = report_case();
    case.trainees[0].receipts.retain(|receipt| receipt.item != TUITION);
    case.trainees[0].tuition = Yen::new(900_000); // the plan's figure
    let application = store.import_case(&ADMIN, &case, ImportMode::New).unwrap().application_id;
    let add = CaseEdit::AddReceipt {
        index: 0,
        item: TUITION,
        paid_on: "R6.4.10".into(),
        payee: "学校".into(),
        description: "前期授業料".into(),
        amount: "450000".into(),
    };
    let case = store.apply_edit(&ADMIN, application, &add).unwrap();
    assert_eq!(case.trainees[0].tuition, Yen::new(450_000));
    assert_eq!(store.load_case(application).unwrap(), case);
}

#[test]
fn a_scan_is_attached_listed_written_out_and_removed() {
    let (_dir, mut store) = fresh();
    let (application, _) = with_receipts(&mut store);
    let data = bytes(120_000, 1);
    let id = attach(&mut store, application, 1, r"C:\スキャン\後期 領収書.PDF", &data);
    let list = store.attachments(application).unwrap();
    assert_eq!(list.len(), 1);
    let info = &list[0];
    assert_eq!((info.id, info.trainee, info.receipt), (id, 0, 1));
    assert_eq!((info.trainee_name.as_str(), info.item, info.paid_on), ("看護 花子", TUITION, date(2024, 10, 10)));
    assert_eq!(
        (info.file_name.as_str(), info.media_type.as_str(), info.size),
        ("後期 領収書.PDF", "application/pdf", 120_000)
    );
    let mut out = Vec::new();
    assert_eq!(store.write_attachment(id, &mut out).unwrap(), 120_000);
    assert_eq!(out, data);
    store.remove_attachment(&ADMIN, id).unwrap();
    assert!(store.attachments(application).unwrap().is_empty());
    assert!(matches!(store.write_attachment(id, &mut Vec::new()), Err(StoreError::NotFound { .. })));
    let hospital = store.application(application).unwrap().hospital_id;
    let history = store.history(hospital, 5).unwrap();
    assert!(
        history.iter().any(|c| c.field == "attachment" && c.old_value.as_deref() == Some("後期 領収書.PDF（117 KB）"))
    );
    assert!(matches!(
        store.attach(&ADMIN, application, 0, 9, "x.pdf", &mut &b"x"[..]),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn the_folder_of_copies_names_each_file_by_trainee_item_and_date() {
    let (dir, mut store) = fresh();
    let (application, _) = with_receipts(&mut store);
    attach(&mut store, application, 0, "scan1.pdf", &bytes(10, 1));
    attach(&mut store, application, 0, "scan2.PDF", &bytes(10, 2));
    attach(&mut store, application, 2, "IMG_0001.JPG", &bytes(10, 3));
    attach(&mut store, application, 1, "noext", &bytes(10, 4));
    let folder = dir.path().join("領収書");
    std::fs::create_dir(&folder).unwrap();
    let files = store.export_receipt_files(application, &folder).unwrap();
    let names: Vec<String> = files.iter().map(|path| path.file_name().unwrap().to_string_lossy().into()).collect();
    assert_eq!(
        names,
        [
            "看護 花子_受講料_2024-04-10.pdf",
            "看護 花子_受講料_2024-04-10_2.pdf",
            "看護 花子_受講料_2024-10-10",
            "看護 花子_その他（対象外経費）_2024-05-12.jpg",
        ]
    );
    assert_eq!(std::fs::read(&files[1]).unwrap(), bytes(10, 2));
    #[cfg(unix)]
    for file in &files {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(file).unwrap().permissions().mode() & 0o777, 0o600, "{}", file.display());
    }
}

#[test]
fn a_trainee_name_windows_refuses_in_a_file_name_is_made_safe() {
    let (dir, mut store) = fresh();
    let (application, _) = with_receipts(&mut store);
    let rename = CaseEdit::SetTrainee {
        index: 0,
        field: hojo::edit::TraineeField::Profile(hojo::edit::ProfileField::Name),
        text: "看護:花子?".into(),
    };
    store.apply_edit(&ADMIN, application, &rename).unwrap();
    attach(&mut store, application, 0, "a.pdf", b"%PDF");
    let files = store.export_receipt_files(application, dir.path()).unwrap();
    assert_eq!(files[0].file_name().unwrap().to_string_lossy(), "看護_花子__受講料_2024-04-10.pdf");
}

#[test]
fn a_5_mb_photo_goes_in_and_out_whole() {
    let (_dir, mut store) = fresh();
    let (application, _) = with_receipts(&mut store);
    let data = bytes(5 << 20, 7);
    let id = attach(&mut store, application, 0, "IMG_0001.HEIC", &data);
    let info = &store.attachments(application).unwrap()[0];
    assert_eq!((info.size, info.media_type.as_str()), (5 << 20, "image/heic"));
    let mut out = Vec::new();
    store.write_attachment(id, &mut out).unwrap();
    assert!(out == data, "the same bytes came out");
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn a_file_over_the_limit_is_refused_in_japanese_and_nothing_is_written() {
    let (_dir, mut store) = fresh();
    let (application, _) = with_receipts(&mut store);
    let hospital = store.application(application).unwrap().hospital_id;
    let history = store.history(hospital, 100).unwrap().len();
    let mut huge = std::io::repeat(1).take(hojo::limits::files::ATTACHMENT_BYTES + 1);
    let error = store.attach(&ADMIN, application, 0, 0, "大きすぎる.pdf", &mut huge).unwrap_err();
    assert!(matches!(error, StoreError::Invalid { field: "file", .. }), "{error}");
    let message = error.to_string();
    assert!(message.contains("「大きすぎる.pdf」は20.0 MBを超えています"), "{message}");
    assert!(store.attachments(application).unwrap().is_empty());
    assert_eq!(store.history(hospital, 100).unwrap().len(), history);
    // Exactly at the limit is accepted.
    let mut at_limit = std::io::repeat(1).take(hojo::limits::files::ATTACHMENT_BYTES);
    store.attach(&ADMIN, application, 0, 0, "ちょうど.pdf", &mut at_limit).unwrap();
}

#[test]
fn a_receipt_gone_from_the_nurses_file_takes_its_scans_and_an_unchanged_one_keeps_them() {
    let (_dir, mut store) = fresh();
    let (application, claim) = with_receipts(&mut store);
    attach(&mut store, application, 0, "前期.pdf", b"first");
    attach(&mut store, application, 1, "後期.pdf", b"second");
    let mut file: TraineeCosts = store.export_trainee_costs(claim).unwrap();
    assert_eq!(file.format, TRAINEE_COSTS_FORMAT);
    assert_eq!(file.receipts.len(), 3);
    file.receipts.remove(1); // 後期授業料 withdrawn by the nurse
    let preview = store.preview_trainee_costs(application, &file).unwrap();
    assert_eq!(preview.removed_receipts.len(), 1);
    assert_eq!(preview.removed_receipts[0].description, "後期授業料");
    assert!(preview.added_receipts.is_empty());
    assert_eq!(preview.removed_attachments, 1);
    assert!(preview.changes.iter().any(|change| change.item == TUITION && change.after == Yen::new(450_000)));
    store.import_trainee_costs(&ADMIN, application, &file).unwrap();
    let list = store.attachments(application).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].file_name, "前期.pdf", "the unchanged receipt kept its scan");
    let hospital = store.application(application).unwrap().hospital_id;
    let history = store.history(hospital, 20).unwrap();
    assert!(history.iter().any(|c| c.field == "attachment" && c.old_value.as_deref() == Some("後期.pdf")));
}

#[test]
fn removing_a_trainee_or_replacing_the_application_never_drops_scans_silently() {
    let (_dir, mut store) = fresh();
    let (application, _) = with_receipts(&mut store);
    attach(&mut store, application, 0, "前期.pdf", b"first");
    let before = store.load_case(application).unwrap();
    let error = store.apply_edit(&ADMIN, application, &CaseEdit::RemoveTrainee { index: 0 }).unwrap_err();
    assert!(error.to_string().contains("「看護 花子」さんを外すと、領収書の添付ファイル（1件）が失われる"), "{error}");
    let error = store.import_case(&ADMIN, &before, ImportMode::Replace).unwrap_err();
    assert!(error.to_string().contains("置き換えると、") && error.to_string().contains("書き出"), "{error}");
    assert_eq!(store.load_case(application).unwrap(), before);
    assert_eq!(store.attachments(application).unwrap().len(), 1);
    let id = store.attachments(application).unwrap()[0].id;
    store.remove_attachment(&ADMIN, id).unwrap();
    store.apply_edit(&ADMIN, application, &CaseEdit::RemoveTrainee { index: 0 }).unwrap();
}

#[test]
fn a_submitted_application_takes_no_scan_and_keeps_its_own() {
    let (_dir, mut store) = fresh();
    let (application, _) = with_receipts(&mut store);
    let id = attach(&mut store, application, 0, "前期.pdf", b"first");
    let submit = hojo::lifecycle::LifecycleStep::Submit { submitted_on: "令和6年5月1日".into() };
    store.advance(&ADMIN, application, &submit).unwrap();
    let error = store.attach(&ADMIN, application, 0, 1, "後期.pdf", &mut &b"second"[..]).unwrap_err();
    assert!(error.to_string().contains("提出済"), "{error}");
    assert!(store.remove_attachment(&ADMIN, id).unwrap_err().to_string().contains("提出済"));
    assert_eq!(store.attachments(application).unwrap().len(), 1);
}

#[test]
fn a_first_format_cost_sheet_is_still_read_its_dated_amounts_as_receipts() {
    let (_dir, mut store) = fresh();
    let case = parse_case(include_bytes!("../examples/sakura-hospital.json")).unwrap();
    let application = store.import_case(&ADMIN, &case, ImportMode::New).unwrap().application_id;
    let text = r#"{"format": "hojo-trainee-costs/1", "program": "kanwa-nurse", "fiscal_year": 2024,
        "hospital": "医療法人社団 例会 さくら病院",
        "trainee": {"name": "看護 花子", "qualification": "palliative_care_cn", "enrolled_on": "2024-04-08"},
        "costs": [{"item": "other_costs", "amount": 3200, "paid_on": "2024-06-12", "memo": "テキスト代"}]}"#;
    let file = hojo::store::parse_trainee_costs(text.as_bytes()).unwrap();
    assert!(file.receipts.is_empty());
    store.import_trainee_costs(&ADMIN, application, &file).unwrap();
    let claim = store.trainees(application).unwrap()[0].id;
    let exported = store.export_trainee_costs(claim).unwrap();
    assert_eq!(exported.receipts.len(), 1);
    assert_eq!(exported.receipts[0].description, "テキスト代");
    assert_eq!(store.load_case(application).unwrap().trainees[0].other_costs, Yen::new(3200));
    let text = serde_json::to_string(&exported).unwrap();
    assert!(text.contains("hojo-trainee-costs/2") && text.contains("\"receipts\""), "{text}");
}

// Killed mid-write: the child attaches scans and adds receipts (by her cost sheet) in a loop, printing
// `HOJO <event>` after each commit; the parent kills it at random moments and checks every printed event.

fn child_report(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(format!("\nHOJO {line}\n").as_bytes());
    let _ = out.flush();
}

#[test]
fn child_receipts() {
    let Some(db) = std::env::var_os(CHILD_ENV) else { return };
    let run: u64 = std::env::var("HOJO_TEST_RUN").unwrap().parse().unwrap();
    let mut store = Store::open(Path::new(&db)).unwrap();
    let hospital = store.hospitals().unwrap()[0].id;
    let application = store.applications(hospital).unwrap()[0].id;
    let claim = store.trainees(application).unwrap()[0].id;
    for step in 0u64.. {
        if step % 2 == 0 {
            let amount = (run * 1000 + step) as i64 + 1;
            let mut file = store.export_trainee_costs(claim).unwrap();
            file.receipts.push(receipt(
                CostItem::OTHER_COSTS,
                date(2024, 6, 1),
                &format!("run {run} step {step}"),
                amount,
            ));
            store.import_trainee_costs(&ADMIN, application, &file).unwrap();
            child_report(&format!("receipt {amount}"));
        } else {
            let size = 200_000 + (step as usize % 7) * 50_000;
            let data = bytes(size, (run + step) as u8);
            let id = store.attach(&ADMIN, application, 0, 0, &format!("run{run}-{step}.jpg"), &mut &data[..]).unwrap();
            child_report(&format!("attached {id} {size} {}", (run + step) as u8));
        }
    }
}

#[test]
fn killed_while_saving_receipts_and_scans_nothing_reported_is_lost() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let (dir, mut store) = fresh();
    with_receipts(&mut store);
    let db: PathBuf = dir.path().join("hojo.sqlite3");
    drop(store);
    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
    let mut state = seed;
    let mut below = |bound: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % bound
    };
    let (mut receipts, mut attachments) = (Vec::new(), Vec::new());
    for run in 0..30 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["child_receipts", "--exact", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, &db)
            .env("HOJO_TEST_RUN", run.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let reports_before_kill = below(6) as usize;
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut take = |line: &str| {
            let Some(event) = line.find("HOJO ").map(|at| &line[at + 5..]) else { return false };
            let words: Vec<&str> = event.split(' ').collect();
            match words.as_slice() {
                ["receipt", amount] => receipts.push(amount.parse::<i64>().unwrap()),
                ["attached", id, size, seed] => attachments.push((
                    id.parse::<i64>().unwrap(),
                    size.parse::<usize>().unwrap(),
                    seed.parse::<u8>().unwrap(),
                )),
                other => panic!("unexpected report {other:?}"),
            }
            true
        };
        let mut seen = 0;
        while seen < reports_before_kill {
            let Some(Ok(line)) = lines.next() else { break };
            seen += usize::from(take(&line));
        }
        child.kill().unwrap();
        for line in lines.map_while(Result::ok) {
            take(&line);
        }
        assert!(!child.wait().unwrap().success(), "run {run}: the child ended by itself");
        let context = format!("run {run} (seed {seed})");
        let store = Store::open(&db).unwrap();
        assert!(store.check().unwrap().is_empty(), "{context}");
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let hospital = store.hospitals().unwrap()[0].id;
        let application = store.applications(hospital).unwrap()[0].id;
        let claim = store.trainees(application).unwrap()[0].id;
        let stored = store.export_trainee_costs(claim).unwrap().receipts;
        for amount in &receipts {
            assert!(
                stored.iter().any(|receipt| receipt.amount == Yen::new(*amount)),
                "{context}: receipt {amount} lost"
            );
        }
        let listed = store.attachments(application).unwrap();
        for (id, size, seed) in &attachments {
            let info = listed.iter().find(|info| info.id.0 == *id);
            assert!(info.is_some_and(|info| info.size == *size as u64), "{context}: attachment {id} lost");
            let mut out = Vec::new();
            store.write_attachment(info.unwrap().id, &mut out).unwrap();
            assert!(out == bytes(*size, *seed), "{context}: attachment {id} changed");
        }
    }
    assert!(receipts.len() + attachments.len() > 30, "the loop was exercised");
}
