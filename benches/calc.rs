//! The library's 算定 of 10,000 cases (20 trainees each would be 200,000 rows; these are 1–3 trainees, as real
//! applications are). Run with `cargo bench --bench calc`; under `cargo test` it runs a few cases as a smoke test.

use std::time::Instant;

use hojo::calc::calculate;
use hojo::case::{Case, parse_case};

fn main() {
    let benchmarking = std::env::args().any(|arg| arg == "--bench");
    let count = if benchmarking { 10_000 } else { 10 };
    let template =
        parse_case(include_bytes!("../bench/data/twenty-trainees.json")).expect("the benchmark case is valid");
    let cases: Vec<Case> = (0..count)
        .map(|index| {
            let mut case = template.clone();
            let keep = 1 + index % 3;
            case.trainees.rotate_left(index % 20);
            case.trainees.truncate(keep);
            case
        })
        .collect();
    let started = Instant::now();
    let mut total = 0i64;
    for case in &cases {
        total += calculate(case).expect("valid program and year").total.get();
    }
    let elapsed = started.elapsed();
    assert!(total > 0);
    println!("calc_10000_cases_ms={:.1}", elapsed.as_secs_f64() * 1000.0 * 10_000.0 / count as f64);
}
