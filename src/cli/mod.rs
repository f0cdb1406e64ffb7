//! The `hojo` subcommands, one file each; this file parses the arguments and maps errors to exit codes.

mod calc;
mod check;
mod db;
mod db_lifecycle;
mod export;
mod import;
mod input_file;
mod meibo;
mod settle;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// 補助金申請アシスタント Hojo — 東京都緩和ケア関連専門看護師等資格取得支援事業の申請を作ります。
///
/// 申請の内容は「ケースファイル」（hojo-case/1 形式のJSON）に書きます。例は examples/ にあります。
/// Hojo prepares applications for Tokyo's palliative-care nurse qualification subsidy.
#[derive(Parser)]
#[command(name = "hojo", version, about, long_about, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXAMPLES: &str = "使い方の例 (examples):
  hojo check examples/sakura-hospital.json    病院と受講者が補助の対象か確かめる
  hojo calc  examples/sakura-hospital.json    補助所要額を計算する（所要額調書の A〜I）
  hojo settle examples/reports/sakura-hospital-report.json   実績報告の精算（確定額・差引過不足額）
  hojo meibo 名簿.xlsx --prefecture 13         厚生局の届出受理医療機関名簿から届出の要件を満たす病院を一覧する
  hojo export examples/sakura-hospital.json -o 申請書.xlsx   申請書類一式（Excel）を作る
  hojo db import examples/sakura-hospital.json    ケースをデータベースに読み込む
  hojo db case --year 2024 -o case.json           データベースの申請をケースとして書き出す
  hojo import 申請書.xlsx -o case.json                  申請書（Excel）からケースファイルに戻す

終了コード (exit codes): 0 成功 / 1 入力の誤り（どこが違うかを表示）/ 2 コマンドの使い方の誤り";

#[derive(Subcommand)]
enum Command {
    /// 対象確認: 病院（H1〜H4, X1〜X4）と受講者（T1〜T3）の要件を確かめ、JSONで答えます
    Check {
        /// ケースファイル (hojo-case/1 JSON)
        case: PathBuf,
    },
    /// 算定: 受講者ごとの A〜I と経費ごとの基準額・選定額、交付申請額をJSONで答えます
    Calc {
        /// ケースファイル (hojo-case/1 JSON)
        case: PathBuf,
    },
    /// 精算: 実績報告（"stage": "report" と交付決定を書いたケース）の精算額・確定額・差引過不足額をJSONで答えます
    Settle {
        /// 実績報告のケースファイル (hojo-case/1 JSON, stage: report)
        report: PathBuf,
    },
    /// 名簿: 厚生局の届出受理医療機関名簿（Excel）から、届出の要件（H2〜H4, X2, X3）を満たす病院を1行ずつ出力します
    ///
    /// 出力は1行に1つのJSON（--csv でCSV）: 医療機関番号・名称・都道府県コード（JSON では都道府県名も）・病床数・該当した
    /// 受理記号・H1（都内）の判定。H1 は判定を示すだけで絞り込みません。絞り込むには --prefecture を使います。
    /// どの地方厚生局の名簿でも読めます（厚生局は行の都道府県コードから判断します）。
    Meibo {
        /// 届出受理医療機関名簿（.xlsx）
        file: PathBuf,
        /// この都道府県コードの医療機関だけを出力する（例: 13 = 東京都）
        #[arg(long, value_name = "CODE", value_parser = meibo::parse_prefecture)]
        prefecture: Option<String>,
        /// JSON Lines ではなくCSV（見出し行つき）で出力する
        #[arg(long)]
        csv: bool,
    },
    /// 申請書類作成: 申請書類一式（Excel .xlsx）を作ります。実績報告のケースなら実績報告書、--before と
    /// --reason を付けると変更交付申請書（変更前・変更後の対照）
    Export {
        /// ケースファイル (hojo-case/1 JSON)
        case: PathBuf,
        /// 作成するファイル (.xlsx)
        #[arg(short, long, value_name = "OUT.xlsx")]
        output: PathBuf,
        /// 既にあるファイルを上書きする
        #[arg(long)]
        force: bool,
        /// 対象外の項目があっても下書きとして作る（全シートに「下書き」と表示）
        #[arg(long)]
        draft: bool,
        /// 変更交付申請書を作る: 交付決定の基になった変更前の計画（ケースファイル）。CASE は変更後の計画
        #[arg(long, value_name = "BEFORE.json", requires = "reason")]
        before: Option<PathBuf>,
        /// 変更の理由（--before と一緒に）
        #[arg(long, value_name = "理由", requires = "before")]
        reason: Option<String>,
    },
    /// データベース: ケースの読み込み・書き出し、バックアップと復元、点検
    Db {
        /// データベースのファイル（省略時は環境変数 HOJO_DB、なければアプリのデータフォルダ）
        #[arg(long, global = true, value_name = "PATH")]
        db: Option<PathBuf>,
        #[command(subcommand)]
        command: db::DbCommand,
    },
    /// 申請書の読み込み: Hojo で作成した申請書（.xlsx、記入欄を編集したものも可）からケースファイルを作ります
    Import {
        /// Hojo で作成した申請書 (.xlsx)
        workbook: PathBuf,
        /// 作成するケースファイル (.json)。省略すると標準出力に出します
        #[arg(short, long, value_name = "CASE.json")]
        output: Option<PathBuf>,
        /// 既にあるファイルを上書きする
        #[arg(long)]
        force: bool,
    },
}

/// A failure the user can act on: exit 1 with the message on stderr.
#[derive(Debug)]
pub struct InputError(pub String);

impl<E: std::fmt::Display> From<E> for InputError {
    fn from(error: E) -> InputError {
        InputError(error.to_string())
    }
}

pub type CliResult = Result<(), InputError>;

pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // clap prints help and version on stdout with exit 0, usage errors on stderr with exit 2.
            let _ = error.print();
            return if error.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    let outcome = match cli.command {
        Command::Check { case } => check::run(&case),
        Command::Calc { case } => calc::run(&case),
        Command::Settle { report } => settle::run(&report),
        Command::Meibo { file, prefecture, csv } => meibo::run(&file, prefecture.as_deref(), csv),
        Command::Export { case, output, force, draft, before, reason } => {
            let change = before.as_deref().zip(reason.as_deref());
            export::run(&case, &output, export::Options { force, draft, change })
        }
        Command::Db { db, command } => db::run(db.as_deref(), command),
        Command::Import { workbook, output, force } => import::run(&workbook, output.as_deref(), force),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(InputError(message)) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
    }
}

/// Prints a value as pretty JSON on stdout.
fn print_json<T: serde::Serialize>(value: &T) -> CliResult {
    let text = serde_json::to_string_pretty(value)?;
    print_out(&format!("{text}\n"))
}

/// Writes to stdout. A reader that stopped reading (`hojo calc … | head`) is not an error, and never a panic
/// as `println!` would make it.
fn print_out(text: &str) -> CliResult {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(InputError(format!("出力を書けません (cannot write the output): {error}"))),
    }
}
