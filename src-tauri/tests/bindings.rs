//! The TypeScript types of ui/src/bindings are generated from the Rust types that cross the IPC (ts-rs). This
//! test fails when the committed files differ from what the Rust types generate now; to refresh them:
//!     UPDATE_BINDINGS=1 cargo test -p hojo-desktop --test bindings

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use hojo_desktop::data::Backup;
use hojo_desktop::error::AppError;
use hojo_desktop::export::Exported;
use hojo_desktop::meibo_lookup::{Candidate, MeiboSummary};
use hojo_desktop::program_info::{ProgramChoice, ProgramInfo};
use hojo_desktop::snapshot::{MeiboApplied, Snapshot};
use ts_rs::{Config, TS};

fn export_into(folder: &Path) {
    let config = Config::new().with_out_dir(folder);
    Snapshot::export_all(&config).unwrap();
    ProgramInfo::export_all(&config).unwrap();
    ProgramChoice::export_all(&config).unwrap();
    AppError::export_all(&config).unwrap();
    Exported::export_all(&config).unwrap();
    MeiboSummary::export_all(&config).unwrap();
    Candidate::export_all(&config).unwrap();
    MeiboApplied::export_all(&config).unwrap();
    Backup::export_all(&config).unwrap();
    hojo::edit::CaseEdit::export_all(&config).unwrap();
    hojo::store::SavedApplication::export_all(&config).unwrap();
    hojo::store::ContinuingCourse::export_all(&config).unwrap();
    hojo::store::TraineeCostsPreview::export_all(&config).unwrap();
    hojo_desktop::lifecycle_commands::Progress::export_all(&config).unwrap();
    hojo::store::Change::export_all(&config).unwrap();
    hojo::lifecycle::Lifecycle::export_all(&config).unwrap();
    hojo::lifecycle::LifecycleStep::export_all(&config).unwrap();
    hojo::lifecycle::NextStep::export_all(&config).unwrap();
    hojo::lifecycle::LifecycleError::export_all(&config).unwrap();
    hojo::store::AttachmentInfo::export_all(&config).unwrap();
    hojo_desktop::receipt_commands::ExportedReceipts::export_all(&config).unwrap();
}

fn files_of(folder: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "ts"))
                .map(|entry| {
                    (entry.file_name().to_string_lossy().into_owned(), std::fs::read_to_string(entry.path()).unwrap())
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn committed_typescript_bindings_match_the_rust_types() {
    let committed: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let _ = std::fs::remove_dir_all(&committed);
        export_into(&committed);
        return;
    }
    let fresh = tempfile::tempdir().unwrap();
    export_into(fresh.path());
    let (expected, actual) = (files_of(fresh.path()), files_of(&committed));
    for (name, text) in &expected {
        assert_eq!(
            actual.get(name),
            Some(text),
            "ui/src/bindings/{name} is stale or missing: run UPDATE_BINDINGS=1 cargo test -p hojo-desktop --test bindings"
        );
    }
    for name in actual.keys() {
        assert!(
            expected.contains_key(name),
            "ui/src/bindings/{name} no longer matches any Rust type: delete it or regenerate"
        );
    }
}

/// The Chromium tests of the screens answer with this file instead of the Rust side: the engine's own snapshot of
/// examples/sakura-hospital.json, so the figures they check are the engine's. Refreshed like the bindings.
#[test]
fn the_ui_test_fixture_is_the_engines_answer_for_the_example_case() {
    use hojo_desktop::snapshot::{Storage, snapshot};
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let case = hojo::case::parse_case(&std::fs::read(root.join("examples/sakura-hospital.json")).unwrap()).unwrap();
    let storage = Storage {
        database: "/home/kango/.local/share/jp.hojo.desktop/hojo.sqlite3".to_string(),
        backups: "/home/kango/.local/share/jp.hojo.desktop/backups".to_string(),
        persistent: true,
        problem: None,
    };
    // A second trainee who entered before the program's first 年度 (T2 not met): her (I) is shown apart.
    let mut two = case.clone();
    let mut late = two.trainees[0].clone();
    late.name = "看護 次郎".to_string();
    late.enrolled_on = "2023-04-01".parse().unwrap();
    two.trainees.push(late);
    // The 研修会 program (issue 12): its example, and one just started (no 研修会, no costs).
    let training =
        hojo::case::parse_case(&std::fs::read(root.join("examples/kanwa-training/keyaki-hospital.json")).unwrap())
            .unwrap();
    let started = hojo::case::Case::new(
        "kanwa-training",
        training.fiscal_year,
        hojo::case::Hospital {
            name: training.hospital.name.clone(),
            prefecture_code: Some("13".to_string()),
            ..Default::default()
        },
    );
    let fixture = serde_json::json!({
        "snapshot": snapshot(Some(&case), storage.clone()),
        "ineligible": snapshot(Some(&two), storage.clone()),
        "training": snapshot(Some(&training), storage.clone()),
        "training_started": snapshot(Some(&started), storage.clone()),
        "empty": snapshot(None, storage),
        "program": hojo_desktop::program_info::program_info(&case.program, Some(case.fiscal_year)).unwrap(),
        "training_program": hojo_desktop::program_info::program_info(&training.program, Some(training.fiscal_year)).unwrap(),
        "programs": hojo_desktop::program_info::programs(),
    });
    let text = serde_json::to_string_pretty(&fixture).unwrap() + "\n";
    let path = root.join("ui/tests/fixtures/sakura.json");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, text).unwrap();
        return;
    }
    assert_eq!(
        std::fs::read_to_string(&path).ok().as_deref(),
        Some(text.as_str()),
        "ui/tests/fixtures/sakura.json is stale: run UPDATE_BINDINGS=1 cargo test -p hojo-desktop --test bindings"
    );
}

/// ui/src/prefectures.ts, the 都道府県 choice of 病院情報, is generated from the domain's table
/// (hojo::prefecture::PREFECTURES) so that the screens and the messages name the same 47 prefectures.
fn prefectures_ts() -> String {
    let mut text = String::from(
        "// Generated from src/prefecture.rs by src-tauri/tests/bindings.rs: do not edit. To refresh:\n\
         //     UPDATE_BINDINGS=1 cargo test -p hojo-desktop --test bindings\n\
         // 都道府県コード (JIS X 0401) and names, for the 病院情報 choice; 13 is 東京都.\n\
         export const PREFECTURES = [\n",
    );
    for prefecture in hojo::prefecture::PREFECTURES {
        text.push_str(&format!("  {{ id: \"{}\", label: \"{}\" }},\n", prefecture.code, prefecture.name));
    }
    text.push_str("];\n");
    text
}

#[test]
fn the_screens_prefecture_list_is_the_domains_table() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/prefectures.ts");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, prefectures_ts()).unwrap();
        return;
    }
    assert_eq!(
        std::fs::read_to_string(&path).ok(),
        Some(prefectures_ts()),
        "ui/src/prefectures.ts is stale: run UPDATE_BINDINGS=1 cargo test -p hojo-desktop --test bindings"
    );
}
