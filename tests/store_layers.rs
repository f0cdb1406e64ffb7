//! The store in layers: no file of src/store imports another that imports it back (directly or around a circle),
//! and the lifetime cap never silently loses a 年度.

use std::collections::{BTreeMap, BTreeSet};

use hojo::case::parse_case;
use hojo::lifecycle::LifecycleStep;
use hojo::store::{ApplicationStatus, Editor, ImportMode, Store};

/// `use super::x` edges between the files of src/store. `super::Store` names mod.rs, the top of the store,
/// which declares every file; it is left out, as every API file implements Store's methods there.
fn store_imports() -> BTreeMap<String, BTreeSet<String>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/store");
    let mut graph = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "rs") || path.file_stem().unwrap() == "mod" {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut uses = BTreeSet::new();
        for (at, _) in text.match_indices("super::") {
            let rest = &text[at + "super::".len()..];
            let module: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            let is_module = rest[module.len()..].starts_with("::");
            if is_module && module != name && module.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
                uses.insert(module);
            }
        }
        graph.insert(name, uses);
    }
    graph
}

fn reaches(graph: &BTreeMap<String, BTreeSet<String>>, from: &str, to: &str) -> Option<Vec<String>> {
    let mut stack = vec![vec![from.to_string()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        let last = path.last().unwrap().clone();
        for next in graph.get(&last).into_iter().flatten() {
            if next == to {
                let mut found = path.clone();
                found.push(next.clone());
                return Some(found);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push(longer);
            }
        }
    }
    None
}

#[test]
fn no_file_of_the_store_imports_itself_around_a_circle() {
    let graph = store_imports();
    assert!(graph.contains_key("claims") && graph.contains_key("application"), "{graph:?}");
    for name in graph.keys() {
        if let Some(circle) = reaches(&graph, name, name) {
            panic!("import cycle in src/store: {}", circle.join(" → "));
        }
    }
}

#[test]
fn no_file_of_the_store_is_a_drawer_of_unrelated_concerns() {
    for (name, _) in store_imports() {
        let path = format!("{}/src/store/{name}.rs", env!("CARGO_MANIFEST_DIR"));
        let lines = std::fs::read_to_string(&path).unwrap().lines().count();
        assert!(lines <= 420, "src/store/{name}.rs has {lines} lines: split it by purpose");
    }
}

#[test]
fn an_application_whose_usage_cannot_be_recorded_cannot_leave_draft() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hojo.sqlite3");
    let case = parse_case(include_bytes!("../examples/sakura-hospital.json")).unwrap();
    let application = {
        let mut store = Store::open(&path).unwrap();
        store.import_case(&Editor::Administrator, &case, ImportMode::New).unwrap().application_id
    };
    // A 年度 whose rules Hojo does not hold (a database written by hand, or by a later Hojo).
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("UPDATE application SET fiscal_year = 1990", []).unwrap();
    drop(conn);
    let mut store = Store::open(&path).unwrap();
    let error = store
        .advance(&Editor::Administrator, application, &LifecycleStep::Submit { submitted_on: "1990-05-10".into() })
        .expect_err("the 選定額 used toward the 12,300,000円 cap would go unrecorded");
    let message = error.to_string();
    assert!(message.contains("基準額の使用額を記録できない"), "{message}");
    assert_eq!(store.application(application).unwrap().status, ApplicationStatus::Draft, "nothing was written");
}
