//! `hojo meibo FILE.xlsx [--prefecture CODE] [--csv]`: the hospitals of a 届出受理医療機関名簿 that meet the
//! filing conditions (H2–H4, X2, X3), one JSON object per line or CSV; H1 (都内) is reported, not filtered.

use std::borrow::Cow;
use std::io::{BufWriter, Write};
use std::path::Path;

use hojo::eligibility::Verdict;
use hojo::meibo::{Institution, Meibo, filing_condition_ids, rules_for_meibo};
use hojo::program::Program;
use serde::Serialize;

use super::{CliResult, InputError};

/// The program whose filing conditions are listed.
const PROGRAM: &str = "kanwa-nurse";

/// One line of the listing.
#[derive(Serialize)]
struct Line<'a> {
    number: &'a str,
    name: &'a str,
    prefecture_code: &'a str,
    /// The name of the prefecture of the code (the domain's table): 山梨県
    prefecture: Option<&'static str>,
    beds: Option<u32>,
    /// The 受理記号 that met the required-filing checks.
    symbols: Vec<String>,
    /// The verdict of H1 (都内の病院).
    h1: Verdict,
}

pub fn run(path: &Path, prefecture: Option<&str>, csv: bool) -> CliResult {
    let shown = path.display();
    let meibo = Meibo::open(path).map_err(|error| InputError(format!("{shown}: {error}")))?;
    for warning in &meibo.warnings {
        eprintln!("{shown}: {warning}");
    }
    let program = Program::get(PROGRAM)?;
    let rules = rules_for_meibo(program, &meibo)?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if csv {
        write_or_stop(writeln!(out, "医療機関番号,名称,都道府県コード,病床数,受理記号,H1"))?;
    }
    let mut listed = 0usize;
    let mut candidates = 0usize;
    for institution in meibo.institutions.iter().filter(|i| prefecture.is_none_or(|code| i.prefecture_code == code)) {
        candidates += 1;
        let evaluation = institution.evaluate(rules);
        if !evaluation.meets_filing_conditions {
            continue;
        }
        listed += 1;
        let h1 = evaluation.prefecture.map_or(Verdict::NeedsConfirmation, |check| check.verdict);
        let line = line(institution, evaluation.matched_symbols, h1);
        let written = if csv { writeln!(out, "{}", csv_row(&line)) } else { writeln!(out, "{}", json_line(&line)?) };
        if !write_or_stop(written)? {
            return Ok(());
        }
    }
    write_or_stop(out.flush())?;
    let prefectures: Vec<&str> =
        meibo.prefecture_codes().into_iter().map(|code| hojo::prefecture::name_of(code).unwrap_or(code)).collect();
    eprintln!(
        "{shown}: {}「{}」{}{}: {candidates}医療機関のうち{listed}件が {} を満たします (of {candidates} institutions, {listed} meet the filing conditions)",
        meibo.authority.as_deref().unwrap_or_default(),
        meibo.title,
        prefectures.join("・"),
        meibo.as_of.map(|d| format!("（{}現在）", hojo::era::format_date(d))).unwrap_or_default(),
        filing_condition_ids(rules).join("・"),
    );
    Ok(())
}

fn line(institution: &Institution, symbols: Vec<String>, h1: Verdict) -> Line<'_> {
    Line {
        number: &institution.number,
        name: &institution.name,
        prefecture_code: &institution.prefecture_code,
        prefecture: hojo::prefecture::name_of(&institution.prefecture_code),
        beds: institution.beds.total(),
        symbols,
        h1,
    }
}

fn json_line(line: &Line<'_>) -> Result<String, InputError> {
    Ok(serde_json::to_string(line)?)
}

/// A CSV row as Excel reads it: fields quoted when they hold a comma, a quote or a line break; 受理記号 joined by
/// 「・」; H1 in words (満たす / 満たさない).
fn csv_row(line: &Line<'_>) -> String {
    let beds = line.beds.map(|b| b.to_string()).unwrap_or_default();
    let symbols = line.symbols.join("・");
    [line.number, line.name, line.prefecture_code, &beds, &symbols, line.h1.label()].map(csv_field).join(",")
}

/// One CSV field. A text Excel would take for a formula (starting with = + - @, a tab or a carriage return:
/// =HYPERLINK(…), =cmd|…) is written as text: behind an apostrophe and quoted, so that Excel shows it and never
/// runs it. The apostrophe shows in the cell; a 名簿 name never starts so, a damaged or hostile file might.
fn csv_field(text: &str) -> String {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let text = if formula { Cow::Owned(format!("'{text}")) } else { Cow::Borrowed(text) };
    if formula || text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.into_owned()
    }
}

/// Writing stops quietly when the reader of the output went away (`hojo meibo … | head`); `Ok(false)` then.
fn write_or_stop(result: std::io::Result<()>) -> Result<bool, InputError> {
    match result {
        Ok(()) => Ok(true),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(error) => Err(InputError(format!("出力を書けません (cannot write the output): {error}"))),
    }
}

/// `--prefecture`: a 都道府県コード of the domain's table, 01–47 (full-width digits and a single digit are
/// accepted: 8 is 08 茨城県).
pub fn parse_prefecture(text: &str) -> Result<String, String> {
    let digits = hojo::typed_input::to_half_width(text.trim());
    let code = format!("{digits:0>2}");
    match hojo::prefecture::by_code(&code) {
        Some(prefecture) => Ok(prefecture.code.to_string()),
        None => Err(format!("都道府県コードは 01〜47 の2桁の数字で指定してください（東京都は 13）: 「{text}」")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefecture_codes() {
        assert_eq!(parse_prefecture("13"), Ok("13".into()));
        assert_eq!(parse_prefecture("１３"), Ok("13".into()));
        assert_eq!(parse_prefecture("8"), Ok("08".into()));
        assert!(parse_prefecture("48").is_err());
        assert!(parse_prefecture("00").is_err());
        assert!(parse_prefecture("013").is_err());
        assert!(parse_prefecture("東京").is_err());
    }

    #[test]
    fn csv_quotes_only_what_needs_it() {
        assert_eq!(csv_field("例会病院"), "例会病院");
        assert_eq!(csv_field("A,B"), "\"A,B\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn csv_writes_what_excel_would_run_as_text() {
        assert_eq!(csv_field("=1+1"), "\"'=1+1\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        for start in ["+", "-", "@", "\t", "\r"] {
            assert_eq!(csv_field(&format!("{start}A1")), format!("\"'{start}A1\""));
        }
        assert_eq!(csv_field("病院=1"), "病院=1", "only the first character matters");
        assert_eq!(csv_field("＝全角"), "＝全角", "Excel runs no formula from a full-width ＝");
    }
}
