//! `hojo db …`: import then case returns the same case for every example; backups restore; bad files are
//! refused with exit 1 and a message naming them; a nurse's costs travel to the administrator.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hojo::case::{Case, parse_case};

fn hojo(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hojo")).args(args).env_remove("HOJO_DB").output().expect("hojo runs")
}

fn ok(output: Output) -> String {
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

fn refused(output: Output) -> String {
    assert_eq!(output.status.code(), Some(1), "stdout: {}", String::from_utf8_lossy(&output.stdout));
    String::from_utf8(output.stderr).unwrap()
}

fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

fn sakura() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sakura-hospital.json")
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn import_then_case_returns_the_same_case_for_every_example() {
    for example in examples() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("hojo.sqlite3");
        let expected = parse_case(&std::fs::read(&example).unwrap()).unwrap();
        ok(hojo(&["db", "import", s(&example), "--db", s(&db)]));
        let out = dir.path().join("case.json");
        let year = expected.fiscal_year.starting_year().to_string();
        ok(hojo(&["db", "case", "--year", &year, "-o", s(&out), "--db", s(&db)]));
        let written: Case = parse_case(&std::fs::read(&out).unwrap()).unwrap();
        assert_eq!(written, expected, "{}", example.display());
        // And on stdout, through HOJO_DB instead of --db.
        let stdout = Command::new(env!("CARGO_BIN_EXE_hojo"))
            .args(["db", "case", "--year", &year])
            .env("HOJO_DB", &db)
            .output()
            .unwrap();
        assert_eq!(parse_case(&ok(stdout).into_bytes()).unwrap(), expected);
        // The written file is itself a case the other commands read.
        ok(hojo(&["calc", s(&out)]));
    }
}

#[test]
fn a_training_application_comes_back_the_same_and_sits_beside_the_nurse_program() {
    // kanwa-training: the hospital is the one row (its 研修会, costs by item, 積算内訳, other costs and income).
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/kanwa-training/keyaki-hospital.json");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hojo.sqlite3");
    let expected = parse_case(&std::fs::read(&example).unwrap()).unwrap();
    ok(hojo(&["db", "import", s(&example), "--db", s(&db)]));
    let year = expected.fiscal_year.starting_year().to_string();
    let out = dir.path().join("case.json");
    ok(hojo(&["db", "case", "--year", &year, "--program", "kanwa-training", "-o", s(&out), "--db", s(&db)]));
    assert_eq!(parse_case(&std::fs::read(&out).unwrap()).unwrap(), expected);
    // The 年度's only application needs no --program.
    let alone = ok(hojo(&["db", "case", "--year", &year, "--db", s(&db)]));
    assert_eq!(parse_case(alone.as_bytes()).unwrap(), expected);
    ok(hojo(&["calc", s(&out)]));
    // The same hospital's nurse application of that 年度 is another application; the training one is unchanged.
    let mut nurse = parse_case(&std::fs::read(sakura()).unwrap()).unwrap();
    nurse.hospital = expected.hospital.clone();
    let nurse_file = dir.path().join("nurse.json");
    std::fs::write(&nurse_file, hojo::case::to_json(&nurse)).unwrap();
    ok(hojo(&["db", "import", s(&nurse_file), "--db", s(&db)]));
    let nurse_out = ok(hojo(&["db", "case", "--year", &year, "--db", s(&db)]));
    assert_eq!(parse_case(nurse_out.as_bytes()).unwrap(), nurse);
    let again = ok(hojo(&["db", "case", "--year", &year, "--program", "kanwa-training", "--db", s(&db)]));
    assert_eq!(parse_case(again.as_bytes()).unwrap(), expected);
}

#[test]
fn importing_the_same_year_twice_needs_replace() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hojo.sqlite3");
    let example = &sakura();
    ok(hojo(&["db", "import", s(example), "--db", s(&db)]));
    let message = refused(hojo(&["db", "import", s(example), "--db", s(&db)]));
    assert!(message.contains("--replace"), "{message}");
    ok(hojo(&["db", "import", s(example), "--replace", "--db", s(&db)]));
}

#[test]
fn case_refuses_to_overwrite_without_force_and_names_a_missing_year() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hojo.sqlite3");
    ok(hojo(&["db", "import", s(&sakura()), "--db", s(&db)]));
    let out = dir.path().join("case.json");
    std::fs::write(&out, "keep me").unwrap();
    let message = refused(hojo(&["db", "case", "--year", "2024", "-o", s(&out), "--db", s(&db)]));
    assert!(message.contains("--force"), "{message}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    ok(hojo(&["db", "case", "--year", "2024", "-o", s(&out), "--force", "--db", s(&db)]));
    let message = refused(hojo(&["db", "case", "--year", "2031", "--db", s(&db)]));
    assert!(message.contains("令和13年度の申請が見つかりません"), "{message}");
}

#[test]
fn a_file_that_is_not_a_database_is_named_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hojo.sqlite3");
    std::fs::write(&db, "not a database at all, just some text that is long enough to be a header").unwrap();
    let before = std::fs::read(&db).unwrap();
    for args in [vec!["db", "check"], vec!["db", "import", s(&sakura())], vec!["db", "backup"]] {
        let mut args = args.clone();
        args.extend(["--db", s(&db)]);
        let message = refused(hojo(&args));
        assert!(message.contains(s(&db)) && message.contains("SQLite"), "{message}");
        assert!(message.contains("not an SQLite database"), "{message}");
    }
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert!(!dir.path().join("hojo.sqlite3.backups").exists());
}

#[test]
fn backup_list_restore_and_check() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hojo.sqlite3");
    ok(hojo(&["db", "import", s(&sakura()), "--db", s(&db)]));
    let backup = ok(hojo(&["db", "backup", "--db", s(&db)])).trim().to_string();
    assert!(Path::new(&backup).exists());
    // Change the data: the 2024 case replaced by one with a higher tuition.
    let mut changed: serde_json::Value = serde_json::from_slice(&std::fs::read(sakura()).unwrap()).unwrap();
    changed["trainees"][0]["tuition"] = 1_000_000.into();
    let changed_file = dir.path().join("changed.json");
    std::fs::write(&changed_file, changed.to_string()).unwrap();
    ok(hojo(&["db", "import", s(&changed_file), "--replace", "--db", s(&db)]));
    let list: serde_json::Value = serde_json::from_str(&ok(hojo(&["db", "backup", "--list", "--db", s(&db)]))).unwrap();
    assert!(list.as_array().unwrap().iter().any(|entry| entry["path"] == backup.as_str()));
    ok(hojo(&["db", "restore", &backup, "--db", s(&db)]));
    let case = ok(hojo(&["db", "case", "--year", "2024", "--db", s(&db)]));
    let case = parse_case(case.as_bytes()).unwrap();
    assert_eq!(case, parse_case(&std::fs::read(sakura()).unwrap()).unwrap());
    assert_eq!(ok(hojo(&["db", "check", "--db", s(&db)])).trim(), "ok");
}

#[test]
fn a_nurses_costs_travel_to_the_administrator() {
    let dir = tempfile::tempdir().unwrap();
    let nurse_db = dir.path().join("nurse.sqlite3");
    let admin_db = dir.path().join("admin.sqlite3");
    let example = &sakura();
    ok(hojo(&["db", "import", s(example), "--db", s(&nurse_db)]));
    ok(hojo(&["db", "import", s(example), "--db", s(&admin_db)]));
    let file = dir.path().join("costs.json");
    ok(hojo(&["db", "costs-export", "--year", "2024", "--trainee", "看護 花子", "-o", s(&file), "--db", s(&nurse_db)]));
    // The nurse adds a receipt to her file (as her Hojo would) and sends it.
    let mut costs: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    costs["costs"].as_array_mut().unwrap().push(serde_json::json!({
        "item": "other_costs", "amount": 3200, "paid_on": "2024-06-12", "memo": "テキスト代"
    }));
    costs["entered_by"] = "看護 花子".into();
    std::fs::write(&file, costs.to_string()).unwrap();
    let outcome: serde_json::Value =
        serde_json::from_str(&ok(hojo(&["db", "costs-import", s(&file), "--db", s(&admin_db)]))).unwrap();
    assert_eq!(outcome["costs"], 5);
    assert_eq!(outcome["replaced_costs"], 4);
    let case = parse_case(ok(hojo(&["db", "case", "--year", "2024", "--db", s(&admin_db)])).as_bytes()).unwrap();
    assert_eq!(case.trainees[0].other_costs.get(), 53_200);
    // A negative amount in the file is refused, naming the field, and nothing changes.
    costs["costs"][0]["amount"] = (-1).into();
    std::fs::write(&file, costs.to_string()).unwrap();
    let message = refused(hojo(&["db", "costs-import", s(&file), "--db", s(&admin_db)]));
    assert!(message.contains("金額"), "{message}");
    let again = parse_case(ok(hojo(&["db", "case", "--year", "2024", "--db", s(&admin_db)])).as_bytes()).unwrap();
    assert_eq!(again, case);
}

#[test]
fn a_hospital_named_with_extra_spaces_is_the_saved_hospital_and_version_minus_one_is_said_in_japanese() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hojo.sqlite3");
    ok(hojo(&["db", "import", s(&sakura()), "--db", s(&db)]));
    let typed = "医療法人社団\u{3000}例会 さくら病院 ";
    let case = ok(hojo(&["db", "case", "--year", "2024", "--hospital", typed, "--db", s(&db)]));
    assert_eq!(parse_case(case.as_bytes()).unwrap(), parse_case(&std::fs::read(sakura()).unwrap()).unwrap());

    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.pragma_update(None, "user_version", -1).unwrap();
    drop(conn);
    let message = refused(hojo(&["db", "case", "--year", "2024", "--db", s(&db)]));
    assert!(message.contains("形式の番号が -1"), "{message}");
    assert!(!message.contains("already exists"), "no raw SQL: {message}");
}

#[test]
fn a_year_moves_through_its_states_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hojo.sqlite3");
    ok(hojo(&["db", "import", s(&sakura()), "--db", s(&db)]));
    let status: serde_json::Value =
        serde_json::from_str(&ok(hojo(&["db", "status", "--year", "2024", "--today", "2024-05-01", "--db", s(&db)])))
            .unwrap();
    assert_eq!(status["status"], "draft");
    assert_eq!(status["next_steps"][0]["step"], "submit");
    ok(hojo(&["db", "step", "--year", "2024", "--kind", "submit", "--on", "令和6年5月10日", "--db", s(&db)]));
    let message = refused(hojo(&[
        "db",
        "step",
        "--year",
        "2024",
        "--kind",
        "decision",
        "--on",
        "R6.7.1",
        "--number",
        "6保医政第1号",
        "--amount",
        "十万",
        "--db",
        s(&db),
    ]));
    assert!(message.contains("交付決定額"), "{message}");
    let message =
        refused(hojo(&["db", "step", "--year", "2024", "--kind", "decision", "--on", "R6.7.1", "--db", s(&db)]));
    assert!(message.contains("--number"), "{message}");
    let printed = ok(hojo(&[
        "db",
        "step",
        "--year",
        "2024",
        "--kind",
        "decision",
        "--on",
        "R6.7.1",
        "--number",
        "6保医政第1号",
        "--amount",
        "２，３００，０００",
        "--db",
        s(&db),
    ]));
    let status: serde_json::Value = serde_json::from_str(&printed).unwrap();
    assert_eq!((status["status"].as_str(), status["status_label"].as_str()), (Some("decided"), Some("交付決定")));
    assert_eq!(status["decisions"][0]["decision"]["amount"], 2_300_000);
    ok(hojo(&["db", "step", "--year", "2024", "--kind", "back", "--db", s(&db)]));
    let status: serde_json::Value =
        serde_json::from_str(&ok(hojo(&["db", "status", "--year", "2024", "--db", s(&db)]))).unwrap();
    assert_eq!(status["status"], "submitted");
}
