//! Nothing committed is ever lost, and the file is never corrupted: a child Hojo importing and editing in a
//! loop is killed (SIGKILL) at random moments, 200 times; two Hojos write to one database at once.
//!
//! The children are this same test binary, started again with an environment variable that makes the
//! `child_*` tests do their work (they do nothing in a normal run). A child prints `HOJO <event>` after each
//! commit returns, so whatever it printed must be in the database.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use hojo::case::parse_case;
use hojo::money::Yen;
use hojo::program::ItemId;
use hojo::store::{ClaimFlags, CostInput, CostItem, Editor, ImportMode, Store, StoreError};

const EDITOR_ENV: &str = "HOJO_TEST_CHILD_EDITOR_DB";
const WRITER_ENV: &str = "HOJO_TEST_CHILD_WRITER_DB";
const KILLS: usize = 200;
const WRITES_PER_WRITER: usize = 40;

fn sakura() -> hojo::case::Case {
    parse_case(include_bytes!("../examples/sakura-hospital.json")).unwrap()
}

/// One write of a whole short line: a pipe takes it atomically, so a kill never leaves half a report.
fn report(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(format!("\nHOJO {line}\n").as_bytes());
    let _ = out.flush();
}

/// The child of the kill test: imports the example (replacing), then adds, flags and removes forever.
#[test]
fn child_editor() {
    let Some(db) = std::env::var_os(EDITOR_ENV) else { return };
    let run: u64 = std::env::var("HOJO_TEST_RUN").unwrap().parse().unwrap();
    let mut store = Store::open(Path::new(&db)).unwrap();
    // A decided 年度 (schema 1's data) takes no import: back to 作成中 first, one step at a time, as a user would.
    if let Some(hospital) = store.hospitals().unwrap().first().map(|hospital| hospital.id) {
        let year = hojo::fiscal_year::FiscalYear::new(2024);
        if let Some(application) = store.find_application(hospital, "kanwa-nurse", year).unwrap() {
            while !store.lifecycle(application).unwrap().status.is_editable() {
                store.advance(&Editor::Administrator, application, &hojo::lifecycle::LifecycleStep::StepBack).unwrap();
            }
        }
    }
    let outcome = store.import_case(&Editor::Administrator, &sakura(), ImportMode::Replace).unwrap();
    report(&format!("imported {}", outcome.application_id));
    let claim = store.trainees(outcome.application_id).unwrap()[0].id;
    let nurse = Editor::Nurse("看護 花子".into());
    let mut last_added = None;
    for step in 0u64.. {
        match step % 4 {
            0 | 2 => {
                let memo = format!("run {run} step {step}");
                let amount = (run * 1000 + step) as i64;
                let cost = CostInput {
                    item: CostItem::OTHER_COSTS,
                    amount: Yen::new(amount),
                    paid_on: None,
                    memo: Some(memo.clone()),
                };
                let id = store.add_cost(&nurse, claim, &cost).unwrap();
                last_added = Some(id);
                report(&format!("added {id} {amount}"));
            }
            1 => {
                let certified = step % 8 == 1;
                store.set_flags(&nurse, claim, ClaimFlags { tuition_completed_in_year: true, certified }).unwrap();
                report(&format!("flags {certified}"));
            }
            _ => {
                let id = last_added.take().unwrap();
                store.remove_cost(&nurse, id).unwrap();
                report(&format!("removed {id}"));
            }
        }
    }
}

/// A child of the two-writer test: adds its receipts, each one edit.
#[test]
fn child_writer() {
    let Some(db) = std::env::var_os(WRITER_ENV) else { return };
    let name = std::env::var("HOJO_TEST_WRITER").unwrap();
    let mut store = match Store::open(Path::new(&db)) {
        Ok(store) => store,
        Err(error @ StoreError::Busy) => {
            report(&format!("busy {error}"));
            return;
        }
        Err(error) => panic!("{error}"),
    };
    let hospital = store.hospitals().unwrap()[0].id;
    let application = store.applications(hospital).unwrap()[0].id;
    let claim = store.trainees(application).unwrap()[0].id;
    let editor = Editor::Nurse(name.clone());
    for index in 0..WRITES_PER_WRITER {
        let cost = CostInput {
            item: CostItem::Item(ItemId::Tuition),
            amount: Yen::new(1),
            paid_on: None,
            memo: Some(format!("{name} {index}")),
        };
        match store.add_cost(&editor, claim, &cost) {
            Ok(id) => report(&format!("added {id}")),
            Err(error @ StoreError::Busy) => report(&format!("busy {error}")),
            Err(error) => panic!("{error}"),
        }
    }
}

/// Replaces the database with one as Hojo's schema version 1 left it (the data of tests/fixtures/store).
fn version_one_database(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(include_str!("../src/store/migrations/001_core.sql")).unwrap();
    conn.execute_batch(include_str!("fixtures/store/v1-data.sql")).unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    conn.pragma_update(None, "application_id", hojo::store::APPLICATION_ID).unwrap();
    conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0)).unwrap();
}

fn spawn_child(test: &str, env: &[(&str, String)]) -> Child {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command.args([test, "--exact", "--nocapture", "--test-threads=1"]).stdout(Stdio::piped()).stderr(Stdio::null());
    for (key, value) in env {
        command.env(key, value);
    }
    command.spawn().unwrap()
}

/// A small deterministic generator (xorshift), seeded per run so a failure can be replayed.
struct Random(u64);

impl Random {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % bound
    }
}

#[derive(Default)]
struct Reported {
    imported: Option<i64>,
    added: Vec<(i64, i64)>,
    removed: Vec<i64>,
    flags: Option<bool>,
    /// Step of the last report (−1: none): the step after it may or may not have committed.
    steps: usize,
}

fn event_of(line: &str) -> Option<&str> {
    line.find("HOJO ").map(|at| &line[at + "HOJO ".len()..])
}

impl Reported {
    fn take(&mut self, event: &str) {
        let words: Vec<&str> = event.split(' ').collect();
        match words.as_slice() {
            ["imported", id] => self.imported = Some(id.parse().unwrap()),
            ["added", id, amount] => self.added.push((id.parse().unwrap(), amount.parse().unwrap())),
            ["removed", id] => self.removed.push(id.parse().unwrap()),
            ["flags", value] => self.flags = Some(value.parse().unwrap()),
            other => panic!("unexpected report {other:?}"),
        }
        if !event.starts_with("imported") {
            self.steps += 1;
        }
    }
}

fn verify(db: &Path, reported: &Reported, seed: u64, run: usize) {
    let context = format!("run {run} (seed {seed})");
    let conn = rusqlite::Connection::open(db).unwrap();
    let integrity: String = conn.query_row("PRAGMA integrity_check", [], |row| row.get(0)).unwrap();
    assert_eq!(integrity, "ok", "{context}");
    assert!(
        conn.prepare("PRAGMA foreign_key_check").unwrap().query([]).unwrap().next().unwrap().is_none(),
        "{context}"
    );
    let Some(application) = reported.imported else { return };
    let claims: i64 = conn
        .query_row("SELECT count(*) FROM claim WHERE application_id = ?1", [application], |row| row.get(0))
        .unwrap();
    assert_eq!(claims, 1, "{context}: the imported case is there");
    // The step after the last report may have committed before its report: a removal of the last entry added.
    let in_flight_removal = if reported.steps % 4 == 3 { reported.added.last().map(|(id, _)| *id) } else { None };
    for (id, amount) in &reported.added {
        if reported.removed.contains(id) || in_flight_removal == Some(*id) {
            continue;
        }
        let stored: Option<i64> =
            conn.query_row("SELECT amount FROM cost_entry WHERE id = ?1", [id], |row| row.get(0)).ok();
        assert_eq!(stored, Some(*amount), "{context}: reported cost {id} is lost");
    }
    for id in &reported.removed {
        let count: i64 =
            conn.query_row("SELECT count(*) FROM cost_entry WHERE id = ?1", [id], |row| row.get(0)).unwrap();
        assert_eq!(count, 0, "{context}: reported removal of {id} is undone");
    }
    if let Some(flag) = reported.flags {
        let stored: bool = conn
            .query_row("SELECT certified FROM claim WHERE application_id = ?1", [application], |row| row.get(0))
            .unwrap();
        // The step after the last report may be a flags step that committed before its report.
        let next_is_flags = reported.steps % 4 == 1;
        assert!(stored == flag || next_is_flags, "{context}: reported flag {flag} is lost");
    }
}

#[test]
fn killed_at_random_moments_200_times_nothing_reported_is_lost_and_the_file_stays_sound() {
    if [EDITOR_ENV, WRITER_ENV, LIFECYCLE_ENV].iter().any(|name| std::env::var_os(name).is_some()) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db: PathBuf = dir.path().join("hojo.sqlite3");
    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
    let mut random = Random(seed);
    // The database exists before the first child: a kill before a child's first commit then leaves a database,
    // not nothing, to check.
    drop(Store::open(&db).unwrap());
    let mut imported_runs = 0;
    for run in 0..KILLS {
        // Kill after 0–14 reports: at start-up (open, backup, migration), during the import, or mid-edit.
        let reports_before_kill = random.below(15) as usize;
        // Every tenth run starts from a database of schema version 1, so some kills land in the backup before
        // the migration or in the migration itself.
        let from_version_one = run % 10 == 5;
        if from_version_one {
            version_one_database(&db);
        }
        let mut child =
            spawn_child("child_editor", &[(EDITOR_ENV, db.display().to_string()), ("HOJO_TEST_RUN", run.to_string())]);
        let mut reported = Reported::default();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut seen = 0;
        while seen < reports_before_kill {
            let Some(Ok(line)) = lines.next() else { break };
            if let Some(event) = event_of(&line) {
                reported.take(event);
                seen += 1;
            }
        }
        child.kill().unwrap();
        // The child may have run ahead of what was read: everything it printed before dying is still in the
        // pipe, and all of it was committed.
        for line in lines.map_while(Result::ok) {
            if let Some(event) = event_of(&line) {
                reported.take(event);
            }
        }
        let status = child.wait().unwrap();
        assert!(!status.success(), "run {run}: the child ended by itself ({status})");
        imported_runs += usize::from(reported.imported.is_some());
        let version: i64 =
            rusqlite::Connection::open(&db).unwrap().query_row("PRAGMA user_version", [], |row| row.get(0)).unwrap();
        assert!((1..=hojo::store::SCHEMA_VERSION).contains(&version), "run {run}: version {version}");
        if reported.imported.is_some() {
            assert_eq!(version, hojo::store::SCHEMA_VERSION, "run {run}: imported, so migrated");
        }
        verify(&db, &reported, seed, run);
    }
    // Most runs got past the import, so the edits were really exercised.
    assert!(imported_runs > KILLS / 2, "{imported_runs} runs imported");
    let store = Store::open(&db).unwrap();
    assert!(store.check().unwrap().is_empty());
}

#[test]
fn two_hojos_writing_at_once_both_finish_and_nothing_is_corrupted() {
    if [EDITOR_ENV, WRITER_ENV, LIFECYCLE_ENV].iter().any(|name| std::env::var_os(name).is_some()) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hojo.sqlite3");
    Store::open(&db).unwrap().import_case(&Editor::Administrator, &sakura(), ImportMode::New).unwrap();
    let children: Vec<(String, Child)> = ["A", "B"]
        .iter()
        .map(|name| {
            let env = [(WRITER_ENV, db.display().to_string()), ("HOJO_TEST_WRITER", name.to_string())];
            (name.to_string(), spawn_child("child_writer", &env))
        })
        .collect();
    let mut added = 0;
    for (name, mut child) in children {
        let output: Vec<String> = BufReader::new(child.stdout.take().unwrap())
            .lines()
            .map_while(Result::ok)
            .filter_map(|line| event_of(&line).map(str::to_string))
            .collect();
        assert!(child.wait().unwrap().success(), "writer {name} failed");
        for line in &output {
            // Either the edit went through or the writer was told, in Japanese, that the database was busy.
            assert!(line.starts_with("added ") || line.contains("使用中"), "{line}");
        }
        added += output.iter().filter(|line| line.starts_with("added ")).count();
    }
    let store = Store::open(&db).unwrap();
    assert!(store.check().unwrap().is_empty());
    let hospital = store.hospitals().unwrap()[0].id;
    let application = store.applications(hospital).unwrap()[0].id;
    let tuition = store.load_case(application).unwrap().trainees[0].tuition;
    assert_eq!(tuition, Yen::new(900_000 + added as i64));
    assert_eq!(added, 2 * WRITES_PER_WRITER, "with the default wait both writers finish every edit");
}

#[test]
fn an_edit_that_cannot_get_the_database_says_so_and_changes_nothing() {
    if [EDITOR_ENV, WRITER_ENV, LIFECYCLE_ENV].iter().any(|name| std::env::var_os(name).is_some()) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hojo.sqlite3");
    let mut store = Store::open(&db).unwrap();
    let outcome = store.import_case(&Editor::Administrator, &sakura(), ImportMode::New).unwrap();
    let claim = store.trainees(outcome.application_id).unwrap()[0].id;
    // Another Hojo in the middle of a write.
    let other = rusqlite::Connection::open(&db).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    store.set_busy_timeout(std::time::Duration::ZERO).unwrap();
    let cost = CostInput { item: CostItem::Item(ItemId::Tuition), amount: Yen::new(10), paid_on: None, memo: None };
    let error = store.add_cost(&Editor::Administrator, claim, &cost).unwrap_err();
    assert!(matches!(error, StoreError::Busy), "{error}");
    assert!(error.to_string().contains("保存されていません"), "{error}");
    // Reading still works while the other writes (WAL).
    assert_eq!(store.load_case(outcome.application_id).unwrap().trainees[0].tuition, Yen::new(900_000));
    other.execute_batch("COMMIT").unwrap();
    store.add_cost(&Editor::Administrator, claim, &cost).unwrap();
    assert_eq!(store.load_case(outcome.application_id).unwrap().trainees[0].tuition, Yen::new(900_010));
}

const LIFECYCLE_ENV: &str = "HOJO_TEST_CHILD_LIFECYCLE_DB";
const LIFECYCLE_KILLS: usize = 30;

/// The child of the lifecycle kill test: submits the application and steps it back to 作成中, forever.
#[test]
fn child_lifecycle() {
    let Some(db) = std::env::var_os(LIFECYCLE_ENV) else { return };
    let mut store = Store::open(Path::new(&db)).unwrap();
    let hospital = store.hospitals().unwrap()[0].id;
    let application = store.applications(hospital).unwrap()[0].id;
    let submit = hojo::lifecycle::LifecycleStep::Submit { submitted_on: "2024-05-10".into() };
    loop {
        if store.lifecycle(application).unwrap().status == hojo::lifecycle::Status::Draft {
            store.advance(&Editor::Administrator, application, &submit).unwrap();
            report("status submitted");
        } else {
            store.advance(&Editor::Administrator, application, &hojo::lifecycle::LifecycleStep::StepBack).unwrap();
            report("status draft");
        }
    }
}

/// Killed in the middle of a step of the application's life: the 状態, its frozen plan and its history entry are
/// committed together or not at all, and a reported step is never lost.
#[test]
fn killed_during_lifecycle_steps_the_status_its_frozen_plan_and_history_agree() {
    if [EDITOR_ENV, WRITER_ENV, LIFECYCLE_ENV].iter().any(|name| std::env::var_os(name).is_some()) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hojo.sqlite3");
    Store::open(&db).unwrap().import_case(&Editor::Administrator, &sakura(), ImportMode::New).unwrap();
    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
    let mut random = Random(seed);
    let mut reported = 0;
    for run in 0..LIFECYCLE_KILLS {
        let reports_before_kill = random.below(6) as usize;
        let mut child = spawn_child("child_lifecycle", &[(LIFECYCLE_ENV, db.display().to_string())]);
        let mut reports = 0;
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        while reports < reports_before_kill {
            let Some(Ok(line)) = lines.next() else { break };
            reports += usize::from(event_of(&line).is_some());
        }
        child.kill().unwrap();
        reports += lines.map_while(Result::ok).filter(|line| event_of(line).is_some()).count();
        child.wait().unwrap();
        let context = format!("run {run} (seed {seed})");
        let store = Store::open(&db).unwrap();
        assert!(store.check().unwrap().is_empty(), "{context}");
        let hospital = store.hospitals().unwrap()[0].id;
        let application = store.applications(hospital).unwrap()[0].id;
        let status = store.lifecycle(application).unwrap().status;
        let submitted = status == hojo::lifecycle::Status::Submitted;
        assert_eq!(
            store.plan(application).unwrap().is_some(),
            submitted,
            "{context}: the frozen plan goes with the 状態"
        );
        let history = store.history_of(application, "application.status", None).unwrap();
        let label = history.last().and_then(|change| change.new_value.clone()).unwrap_or_else(|| "作成中".into());
        assert_eq!(label, status.label(), "{context}: the history says the 状態");
        // Every reported step is in the history; at most one more per run committed before its report.
        reported += reports;
        assert!(history.len() >= reported, "{context}: {} steps stored, {reported} reported", history.len());
        assert!(history.len() <= reported + run + 1, "{context}: {} steps stored, {reported} reported", history.len());
    }
}
