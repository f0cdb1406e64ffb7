//! `hojo export CASE.json -o OUT.xlsx [--force] [--draft]`: the application workbook (or a report's, for a
//! report case). With `--before BEFORE.json --reason "…"`, CASE is the 変更後 plan and the workbook is its
//! 変更交付申請書 against BEFORE, the plan the 交付決定 rests on. A case that is not eligible is refused unless
//! `--draft`; open points (要確認) are listed on stderr and in 別紙1.

use std::path::Path;

use hojo::workbook::{ExportError, ExportOptions, write, write_change_request};

use super::{CliResult, InputError, input_file::read_case};

pub struct Options<'a> {
    pub force: bool,
    pub draft: bool,
    /// The 変更前 plan and the reason: a 変更交付申請書.
    pub change: Option<(&'a Path, &'a str)>,
}

pub fn run(case_path: &Path, output: &Path, options: Options) -> CliResult {
    let case = read_case(case_path)?;
    let export = ExportOptions { draft: options.draft, overwrite: options.force };
    let written = match options.change {
        None => write(&case, output, export),
        Some((before_path, reason)) => {
            let before = read_case(before_path)?;
            write_change_request(&before, &case, reason, output, export)
        }
    };
    let exported = written.map_err(|error| {
        // The library names no flag; the command line says which of its flags does what the message asks.
        let hint = match &error {
            ExportError::NotReady(_) => "\n下書きとして作成するには --draft を付けてください (use --draft for a draft)",
            ExportError::Exists(_) => "\n上書きするには --force を付けてください (use --force to replace it)",
            ExportError::NoReason => "\n--reason \"…\" に変更の理由を書いてください (give --reason)",
            _ => "",
        };
        InputError(format!("{}: {error}{hint}", case_path.display()))
    })?;
    if !exported.open_points.is_empty() {
        eprintln!("確認が必要な事項があります（別紙1にも記載しました） (open points, also listed in 別紙1):");
        for point in &exported.open_points {
            eprintln!("・{point}");
        }
    }
    if !exported.warnings.is_empty() {
        eprintln!("算定についての注意 (notes on the calculation):");
        for warning in &exported.warnings {
            eprintln!("・{warning}");
        }
    }
    if options.draft {
        eprintln!("下書きとして作成しました（全シートに「下書き」と表示） (written as a draft)");
        for point in &exported.blocking {
            eprintln!("・{point}");
        }
    }
    eprintln!("{} を作成しました (written)", exported.path.display());
    Ok(())
}
