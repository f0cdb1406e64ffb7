//! The database at the size of a busy user: 10 hospitals × 50 trainees × 5 年度, each trainee with receipts
//! (dated, with memos) and twelve months of 人件費. Measures, in the library as the app calls it:
//! opening the database and loading one application's case (target < 20 ms), and one edit committed
//! (target < 5 ms, synchronous FULL: on disk when it returns). Medians over repeated runs.
//!
//! `cargo bench --bench store -- --bench [--db PATH]` (the database is kept at PATH for the command-line
//! comparisons of bench/50-store.sh); under `cargo test` it builds a tiny database as a smoke test.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use hojo::case::{Case, Hospital, SalaryMonth, Trainee, parse_case};
use hojo::fiscal_year::{FiscalYear, YearMonth};
use hojo::money::Yen;
use hojo::program::ItemId;
use hojo::store::{
    CostInput, CostItem, Editor, ImportMode, SalaryMonthInput, Store, TRAINEE_COSTS_FORMAT, TraineeCosts, TraineeKey,
};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let benchmarking = args.iter().any(|arg| arg == "--bench");
    let option =
        |name: &str| args.iter().position(|arg| arg == name).and_then(|at| args.get(at + 1)).map(PathBuf::from);
    let kept = option("--db");
    let ram_copy = option("--ram-db");
    let (hospitals, trainees, years) = if benchmarking { (10, 50, 5) } else { (2, 3, 2) };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = kept.unwrap_or_else(|| dir.path().join("hojo.sqlite3"));
    let _ = std::fs::remove_file(&path);
    let started = Instant::now();
    build(&path, hospitals, trainees, years);
    let built = started.elapsed();

    let target_hospital = format!("病院{:02}", hospitals / 2);
    let target_year = FiscalYear::new(2024 + years / 2);
    let runs = if benchmarking { 100 } else { 3 };
    let mut open_load = Vec::new();
    let mut trainees_loaded = 0;
    for _ in 0..runs {
        let started = Instant::now();
        let store = Store::open(&path).expect("opens");
        let hospital =
            store.hospitals().expect("lists").into_iter().find(|h| h.name == target_hospital).expect("hospital").id;
        let case = store.case_for_year(hospital, "kanwa-nurse", target_year).expect("case");
        open_load.push(started.elapsed());
        trainees_loaded = case.trainees.len();
    }
    assert_eq!(trainees_loaded, trainees as usize);

    let mut store = Store::open(&path).expect("opens");
    let hospital =
        store.hospitals().expect("lists").into_iter().find(|h| h.name == target_hospital).expect("hospital").id;
    let application = store.find_application(hospital, "kanwa-nurse", target_year).expect("finds").expect("exists");
    let claim = store.trainees(application).expect("trainees")[0].id;
    let nurse = Editor::Nurse("看護 一子".into());
    let mut edits = Vec::new();
    for index in 0..runs * 2 {
        let receipt = CostInput {
            item: CostItem::OTHER_COSTS,
            amount: Yen::new(1_000 + index as i64),
            paid_on: NaiveDate::from_ymd_opt(2026, 6, 1),
            memo: Some(format!("ベンチマーク {index}")),
        };
        let started = Instant::now();
        store.add_cost(&nurse, claim, &receipt).expect("edit");
        edits.push(started.elapsed());
    }
    let size = std::fs::metadata(&path).map(|meta| meta.len()).unwrap_or(0);
    // The same edits on a copy in RAM (/dev/shm), where a sync costs nothing: Hojo's own share of an edit.
    if let Some(ram) = ram_copy {
        let _ = std::fs::remove_file(&ram);
        // Nothing writes meanwhile, so the file and its WAL copied together are the database.
        std::fs::copy(&path, &ram).expect("copies");
        let _ = std::fs::copy(format!("{}-wal", path.display()), format!("{}-wal", ram.display()));
        let mut store = Store::open(&ram).expect("opens the copy");
        let mut ram_edits = Vec::new();
        for index in 0..runs * 2 {
            let receipt =
                CostInput { item: CostItem::OTHER_COSTS, amount: Yen::new(index as i64), paid_on: None, memo: None };
            let started = Instant::now();
            store.add_cost(&nurse, claim, &receipt).expect("edit");
            ram_edits.push(started.elapsed());
        }
        println!("store_edit_ram_ms={:.3}", median_ms(&mut ram_edits));
        drop(store);
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", ram.display()));
        }
        let _ = std::fs::remove_dir_all(hojo::store::backup_dir(&ram));
    }
    println!("store_rows={}", rows(&store));
    println!("store_size_mb={:.1}", size as f64 / 1_048_576.0);
    println!("store_build_s={:.1}", built.as_secs_f64());
    println!("store_open_load_ms={:.2}", median_ms(&mut open_load));
    println!("store_edit_ms={:.2}", median_ms(&mut edits));
    println!("store_edit_p95_ms={:.2}", percentile_ms(&mut edits, 95));
}

fn median_ms(times: &mut [Duration]) -> f64 {
    percentile_ms(times, 50)
}

fn percentile_ms(times: &mut [Duration], percent: usize) -> f64 {
    times.sort();
    let index = ((times.len() - 1) * percent).div_ceil(100);
    times[index].as_secs_f64() * 1000.0
}

fn rows(store: &Store) -> usize {
    let mut total = 0;
    for hospital in store.hospitals().expect("lists") {
        for application in store.applications(hospital.id).expect("applications") {
            for claim in store.trainees(application.id).expect("trainees") {
                total += 1
                    + store.costs(claim.id).expect("costs").len()
                    + store.salary_months(claim.id).expect("months").len();
            }
        }
    }
    total
}

/// Each hospital-year imported as a case (50 trainees, lump amounts), then each trainee's receipts and months
/// sent in as a nurse's costs file — the way a year's data arrives in real use.
fn build(path: &std::path::Path, hospitals: u32, trainees: u32, years: i32) {
    let template = parse_case(include_bytes!("../examples/sakura-hospital.json")).expect("example");
    let mut store = Store::open(path).expect("creates");
    for h in 0..hospitals {
        for y in 0..years {
            let year = FiscalYear::new(2024 + y);
            let case = Case {
                hospital: Hospital { name: format!("病院{h:02}"), ..template.hospital.clone() },
                fiscal_year: year,
                trainees: (0..trainees).map(|t| trainee(&template.trainees[0], h, t, year)).collect(),
                ..template.clone()
            };
            let outcome = store.import_case(&Editor::Administrator, &case, ImportMode::New).expect("imports");
            for claim in store.trainees(outcome.application_id).expect("trainees") {
                let file = costs_file(&case, &claim.trainee, year);
                store.import_trainee_costs(&Editor::Administrator, outcome.application_id, &file).expect("costs");
            }
        }
    }
}

fn trainee(template: &Trainee, h: u32, t: u32, year: FiscalYear) -> Trainee {
    let start = year.starting_year();
    Trainee {
        name: format!("看護 {h:02}-{t:02}-{start}"),
        enrolled_on: NaiveDate::from_ymd_opt(start, 4, 8).expect("date"),
        course_ends_on: NaiveDate::from_ymd_opt(start + 1, 3, 14).expect("date"),
        salary: Yen::ZERO,
        salary_months: vec![SalaryMonth { month: YearMonth::new(start, 4).expect("month"), amount: Yen::new(300_000) }],
        // The 認定審査 in the 年度 after this course (validation refuses one before the course ends).
        exam_fiscal_year: Some(year.next()),
        ..template.clone()
    }
}

fn costs_file(case: &Case, trainee: &Trainee, year: FiscalYear) -> TraineeCosts {
    let start = year.starting_year();
    let day = |month: u32, day: u32| NaiveDate::from_ymd_opt(if month >= 4 { start } else { start + 1 }, month, day);
    let receipt = |item, amount, paid_on, memo: &str| CostInput {
        item,
        amount: Yen::new(amount),
        paid_on,
        memo: Some(memo.to_string()),
    };
    TraineeCosts {
        format: TRAINEE_COSTS_FORMAT.to_string(),
        program: case.program.clone(),
        fiscal_year: year,
        hospital: case.hospital.name.clone(),
        trainee: TraineeKey {
            name: trainee.name.clone(),
            qualification: trainee.qualification.clone(),
            enrolled_on: trainee.enrolled_on,
        },
        entered_by: Some(trainee.name.clone()),
        costs: vec![
            receipt(CostItem::Item(ItemId::Admission), 100_000, day(3, 20), "入学金"),
            receipt(CostItem::Item(ItemId::Tuition), 450_000, day(4, 10), "前期授業料"),
            receipt(CostItem::Item(ItemId::Tuition), 450_000, day(10, 10), "後期授業料"),
            receipt(CostItem::Item(ItemId::ExamFee), 20_000, day(2, 1), "認定審査料"),
            receipt(CostItem::Item(ItemId::RegistrationFee), 10_000, day(3, 1), "認定登録料"),
            receipt(CostItem::OTHER_COSTS, 12_800, day(5, 12), "テキスト代"),
            receipt(CostItem::OTHER_COSTS, 8_400, day(7, 3), "交通費"),
            receipt(CostItem::OTHER_INCOME, 0, None, "寄付なし"),
        ],
        receipts: Vec::new(),
        salary_months: year
            .months()
            .take(11)
            .map(|month| SalaryMonthInput { month, amount: Yen::new(300_000), memo: None })
            .collect(),
    }
}
