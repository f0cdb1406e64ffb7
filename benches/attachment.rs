//! The memory a receipt's scan costs: a 5 MB file attached (read from disk, streamed into its BLOB), the
//! attachments listed and the file written out again, measuring how far the process's peak resident memory rises
//! above where it stood (Linux: `/proc/self/clear_refs` resets the peak, `VmHWM` reads it). Goal: the rise stays
//! at or below the file's size — the file is never held whole, let alone twice (SQLite's page cache, 2 MB by
//! default, is most of it).
//!
//! `cargo bench --bench attachment -- --bench [--mb N]` prints `key=value` lines for bench/55-attachment.sh;
//! without `--bench` (under `cargo test`) it runs once on a small file as a smoke test.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use hojo::case::{Receipt, parse_case};
use hojo::money::Yen;
use hojo::program::{CostItem, ItemId};
use hojo::store::{Editor, ImportMode, Store};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let benchmarking = args.iter().any(|arg| arg == "--bench");
    let megabytes: u64 = args
        .iter()
        .position(|arg| arg == "--mb")
        .and_then(|at| args.get(at + 1))
        .and_then(|text| text.parse().ok())
        .unwrap_or(if benchmarking { 5 } else { 1 });
    let size = megabytes << 20;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let scan = dir.path().join("領収書.pdf");
    write_file(&scan, size);
    let db = dir.path().join("hojo.sqlite3");
    let mut store = Store::open(&db).expect("opens");
    let application = setup(&mut store);

    // Everything up to here (the program data, the first queries, SQLite's first pages) is the baseline.
    let baseline = reset_peak();
    let started = Instant::now();
    let mut file = std::fs::File::open(&scan).expect("the scan");
    let id = store.attach(&Editor::Administrator, application, 0, 0, "領収書.pdf", &mut file).expect("attaches");
    let attached = started.elapsed();
    let listed = store.attachments(application).expect("lists");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].size, size);
    let mut out = std::fs::File::create(dir.path().join("out.pdf")).expect("writes");
    store.write_attachment(id, &mut out).expect("writes out");
    let peak = peak_kb();
    assert_eq!(std::fs::metadata(dir.path().join("out.pdf")).expect("written").len(), size);

    let growth = peak.saturating_sub(baseline);
    println!("attachment_file_mb={megabytes}");
    println!("attachment_growth_mb={:.1}", growth as f64 / 1024.0);
    println!("attachment_growth_ratio={:.2}", growth as f64 * 1024.0 / size as f64);
    println!("attachment_attach_ms={:.1}", attached.as_secs_f64() * 1000.0);
    println!("attachment_scan_path={}", scan.display());
    if benchmarking {
        // bench/55-attachment.sh runs the peer on the same file, then removes the folder.
        println!("attachment_keep_dir={}", dir.keep().display());
    }
}

/// One trainee with one receipt (the application is a plan: the store keeps receipts in either stage).
fn setup(store: &mut Store) -> hojo::store::ApplicationId {
    let case = parse_case(include_bytes!("../examples/sakura-hospital.json")).expect("the example");
    let application =
        store.import_case(&Editor::Administrator, &case, ImportMode::New).expect("imports").application_id;
    let claim = store.trainees(application).expect("trainees")[0].id;
    let mut file = store.export_trainee_costs(claim).expect("exports");
    file.costs.retain(|cost| cost.item != CostItem::Item(ItemId::Tuition));
    file.receipts.push(Receipt {
        item: CostItem::Item(ItemId::Tuition),
        paid_on: chrono::NaiveDate::from_ymd_opt(2024, 4, 10).expect("a date"),
        payee: "日本看護協会看護研修学校".into(),
        description: "前期授業料".into(),
        amount: Yen::new(450_000),
    });
    store.import_trainee_costs(&Editor::Administrator, application, &file).expect("receipts");
    application
}

/// A file of `size` bytes written in small pieces (so that making it does not raise the peak either).
fn write_file(path: &Path, size: u64) {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).expect("creates"));
    let chunk: Vec<u8> = (0..64 * 1024).map(|index| (index % 251) as u8).collect();
    let mut left = size;
    while left > 0 {
        let take = left.min(chunk.len() as u64) as usize;
        file.write_all(&chunk[..take]).expect("writes");
        left -= take as u64;
    }
    file.flush().expect("flushes");
}

/// Resets the peak resident memory to the current one and returns it, in KB.
fn reset_peak() -> u64 {
    std::fs::write("/proc/self/clear_refs", "5").expect("Linux: /proc/self/clear_refs");
    status_kb("VmRSS")
}

fn peak_kb() -> u64 {
    status_kb("VmHWM")
}

fn status_kb(key: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux: /proc/self/status");
    status
        .lines()
        .find_map(|line| line.strip_prefix(key)?.strip_prefix(':')?.trim().strip_suffix("kB")?.trim().parse().ok())
        .expect("the field")
}
