//! `hojo db …`: the local database from the command line — import a case, write an application back out as
//! a case, back up, restore, check. Every subcommand takes `--db PATH` (else `HOJO_DB`, else the app-data
//! folder, the same file the app uses).

use std::path::{Path, PathBuf};

use clap::Subcommand;
use hojo::case::to_json;
use hojo::fiscal_year::FiscalYear;
use hojo::store::{
    Editor, HospitalId, ImportMode, Store, StoreError, list_backups, parse_trainee_costs, resolve_db_path,
};

use super::input_file::{read_bounded, read_case};
use super::{CliResult, InputError, print_json};

/// A nurse's costs file is a few kilobytes.
use hojo::limits::files::TRAINEE_COSTS_BYTES as COSTS_FILE_LIMIT;

#[derive(Subcommand)]
pub enum DbCommand {
    /// ケースファイルをデータベースに読み込みます（同じ病院・年度の申請が既にあれば --replace で置き換え）
    Import {
        /// ケースファイル (hojo-case/1 JSON)
        case: PathBuf,
        /// 既にある同じ年度の申請を置き換える（今の内容はバックアップと変更履歴に残ります）
        #[arg(long)]
        replace: bool,
    },
    /// ある年度の申請をケースファイルとして書き出します（-o がなければ画面に表示）
    Case {
        /// 年度（令和6年度なら 2024）
        #[arg(long)]
        year: i32,
        /// 病院名（データベースに病院が複数あるとき）
        #[arg(long)]
        hospital: Option<String>,
        /// 事業（省略時: その年度の申請が一つならその事業、なければ kanwa-nurse）
        #[arg(long)]
        program: Option<String>,
        /// 書き出すファイル
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// 既にあるファイルを上書きする
        #[arg(long)]
        force: bool,
    },
    /// 今すぐバックアップを取ります（--list で一覧）
    Backup {
        /// バックアップの一覧を表示する
        #[arg(long)]
        list: bool,
    },
    /// バックアップから戻します（今の内容も先にバックアップします）
    Restore {
        /// バックアップのファイル（hojo db backup --list で確かめられます）
        backup: PathBuf,
    },
    /// データベースが壊れていないか確かめます
    Check,
    /// 受講者1人のその年度の費用を、管理者に送るファイル（hojo-trainee-costs/2、領収書を含む）に書き出します
    CostsExport {
        /// 年度（令和6年度なら 2024）
        #[arg(long)]
        year: i32,
        /// 受講者の氏名
        #[arg(long)]
        trainee: String,
        /// 病院名（データベースに病院が複数あるとき）
        #[arg(long)]
        hospital: Option<String>,
        /// 事業
        #[arg(long, default_value = "kanwa-nurse")]
        program: String,
        /// 書き出すファイル
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// 既にあるファイルを上書きする
        #[arg(long)]
        force: bool,
    },
    /// ある年度の申請の状態と、次にすること（期限つき）を表示します
    Status {
        /// 年度（令和6年度なら 2024）
        #[arg(long)]
        year: i32,
        /// 病院名（データベースに病院が複数あるとき）
        #[arg(long)]
        hospital: Option<String>,
        /// 事業（省略時: その年度の申請が一つならその事業、なければ kanwa-nurse）
        #[arg(long)]
        program: Option<String>,
        /// 期限を過ぎたかを判断する日（省略時: 今日）
        #[arg(long)]
        today: Option<String>,
    },
    /// 申請の状態をひとつ進めます（提出・交付決定・変更交付申請・実績報告・確定通知の記録、取り消し）
    Step {
        /// 年度（令和6年度なら 2024）
        #[arg(long)]
        year: i32,
        /// 病院名（データベースに病院が複数あるとき）
        #[arg(long)]
        hospital: Option<String>,
        /// 事業（省略時: その年度の申請が一つならその事業、なければ kanwa-nurse）
        #[arg(long)]
        program: Option<String>,
        #[command(flatten)]
        step: super::db_lifecycle::StepArgs,
    },
    /// 受講者から届いた費用ファイルを読み込み、ファイルにある費目と人件費の月だけをその受講者のその年度の費用に反映します（ファイルにないものはそのまま）
    CostsImport {
        /// 費用ファイル (hojo-trainee-costs/2 JSON; /1 も読めます)
        file: PathBuf,
    },
}

pub fn run(db: Option<&Path>, command: DbCommand) -> CliResult {
    let path = resolve_db_path(db).ok_or_else(|| {
        InputError(
            "データベースの場所が決められません。--db でファイルを指定してください (no home folder; use --db PATH)"
                .into(),
        )
    })?;
    let failed = |error: StoreError| store_error(&path, error);
    let open = |path: &Path| -> Result<Store, InputError> {
        let store = Store::open(path).map_err(|error| store_error(path, error))?;
        if let Some(warning) = store.backup_warning() {
            eprintln!("注意 (warning): {warning}");
        }
        if let Some(notice) = store.read_only_notice() {
            eprintln!("注意 (warning): {notice} (read-only: changes cannot be saved)");
        }
        Ok(store)
    };
    match command {
        DbCommand::Import { case, replace } => {
            let case = read_case(&case)?;
            let mut store = open(&path)?;
            let mode = if replace { ImportMode::Replace } else { ImportMode::New };
            let outcome = store.import_case(&Editor::Administrator, &case, mode).map_err(failed)?;
            print_json(&outcome)
        }
        DbCommand::Case { year, hospital, program, output, force } => {
            let store = open(&path)?;
            let hospital = pick_hospital(&store, hospital.as_deref()).map_err(failed)?;
            let year = FiscalYear::new(year);
            let program = match program {
                Some(program) => program,
                None => only_program(&store, hospital, year).map_err(failed)?,
            };
            let case = store.case_for_year(hospital, &program, year).map_err(failed)?;
            let text = to_json(&case) + "\n";
            match output {
                None => {
                    super::print_out(&text)?;
                    Ok(())
                }
                Some(output) => write_new_file(&output, text.as_bytes(), force),
            }
        }
        DbCommand::Status { year, hospital, program, today } => {
            let store = open(&path)?;
            let application = pick_application(&store, hospital.as_deref(), program, year).map_err(failed)?;
            let lifecycle = store.lifecycle(application).map_err(failed)?;
            print_json(&super::db_lifecycle::status(&lifecycle, FiscalYear::new(year), today.as_deref())?)
        }
        DbCommand::Step { year, hospital, program, step } => {
            let step = step.into_step()?;
            let mut store = open(&path)?;
            let application = pick_application(&store, hospital.as_deref(), program, year).map_err(failed)?;
            store.advance(&Editor::Administrator, application, &step).map_err(failed)?;
            let lifecycle = store.lifecycle(application).map_err(failed)?;
            print_json(&super::db_lifecycle::status(&lifecycle, FiscalYear::new(year), None)?)
        }
        DbCommand::Backup { list } => {
            if list {
                return print_json(&list_backups(&path).map_err(failed)?);
            }
            let store = open(&path)?;
            let backup = store.backup_now().map_err(failed)?;
            super::print_out(&format!("{}\n", backup.display()))?;
            Ok(())
        }
        DbCommand::Restore { backup } => {
            let mut store = open(&path)?;
            store.restore(&backup).map_err(|error| store_error(&backup, error))?;
            eprintln!("{} を {} の内容に戻しました (restored)", path.display(), backup.display());
            Ok(())
        }
        DbCommand::CostsExport { year, trainee, hospital, program, output, force } => {
            let store = open(&path)?;
            let hospital = pick_hospital(&store, hospital.as_deref()).map_err(failed)?;
            let application = store
                .find_application(hospital, &program, FiscalYear::new(year))
                .map_err(failed)?
                .ok_or_else(|| {
                    store_error(
                        &path,
                        StoreError::NotFound { what: format!("{}の申請", FiscalYear::new(year).japanese_name()) },
                    )
                })?;
            let claims = store.trainees(application).map_err(failed)?;
            let matching: Vec<_> = claims.iter().filter(|claim| claim.trainee.name == trainee).collect();
            let claim = match matching.as_slice() {
                [one] => one.id,
                [] => return Err(store_error(&path, StoreError::NotFound { what: format!("受講者「{trainee}」") })),
                _ => {
                    return Err(store_error(
                        &path,
                        StoreError::Conflict(format!(
                            "「{trainee}」という受講者が複数います。アプリから書き出してください"
                        )),
                    ));
                }
            };
            let costs = store.export_trainee_costs(claim).map_err(failed)?;
            let text = serde_json::to_string_pretty(&costs)? + "\n";
            match output {
                None => {
                    super::print_out(&text)?;
                    Ok(())
                }
                Some(output) => write_new_file(&output, text.as_bytes(), force),
            }
        }
        DbCommand::CostsImport { file } => {
            let bytes = read_bounded(&file, COSTS_FILE_LIMIT)?;
            let costs = parse_trainee_costs(&bytes).map_err(|error| {
                InputError(format!(
                    "{}: 費用ファイルに誤りがあります (not a valid costs file):\n{error}",
                    file.display()
                ))
            })?;
            let mut store = open(&path)?;
            let hospital = pick_hospital(&store, Some(&costs.hospital)).map_err(failed)?;
            let application = store
                .find_application(hospital, &costs.program, costs.fiscal_year)
                .map_err(failed)?
                .ok_or_else(|| {
                    store_error(
                        &path,
                        StoreError::NotFound { what: format!("{}の申請", costs.fiscal_year.japanese_name()) },
                    )
                })?;
            let outcome = store.import_trainee_costs(&Editor::Administrator, application, &costs).map_err(failed)?;
            print_json(&outcome)
        }
        DbCommand::Check => {
            let store = open(&path)?;
            let problems = store.check().map_err(failed)?;
            if problems.is_empty() {
                super::print_out("ok\n")?;
                Ok(())
            } else {
                Err(InputError(format!(
                    "{}: データベースに問題が見つかりました。「hojo db restore」でバックアップから戻してください (integrity check failed):\n{}",
                    path.display(),
                    problems.join("\n")
                )))
            }
        }
    }
}

/// The hospital named, or the only one.
fn pick_hospital(store: &Store, name: Option<&str>) -> Result<HospitalId, StoreError> {
    let hospitals = store.hospitals()?;
    match name {
        // 「さくら病院 」 is さくら病院: spaces typed around or inside twice do not make another hospital.
        Some(name) => store
            .find_hospital_like(name)?
            .first()
            .map(|hospital| hospital.id)
            .ok_or_else(|| StoreError::NotFound { what: format!("病院「{name}」") }),
        None => match hospitals.as_slice() {
            [only] => Ok(only.id),
            [] => Err(StoreError::NotFound {
                what: "病院（まだ何も読み込まれていません。hojo db import で読み込んでください）".into(),
            }),
            several => {
                let names: Vec<&str> = several.iter().map(|hospital| hospital.name.as_str()).collect();
                Err(StoreError::Conflict(format!(
                    "データベースに病院が{}件あります。--hospital で選んでください: {}",
                    names.len(),
                    names.join("、")
                )))
            }
        },
    }
}

fn store_error(path: &Path, error: StoreError) -> InputError {
    let english = error.english();
    let message = error.to_string();
    // Messages about a file name it themselves.
    if message.contains(&path.display().to_string()) {
        InputError(format!("{message} ({english})"))
    } else {
        InputError(format!("{}: {message} ({english})", path.display()))
    }
}

/// Writes the file complete or not at all, readable by its owner only (hojo::files): it holds names and
/// salaries.
fn write_new_file(path: &Path, bytes: &[u8], force: bool) -> CliResult {
    hojo::files::write_private(path, bytes, force).map_err(|error| {
        let hint = if matches!(error, hojo::files::WriteError::Exists(_)) {
            "。上書きするなら --force を付けてください (file exists; use --force)"
        } else {
            " (could not write)"
        };
        InputError(format!("{error}{hint}"))
    })
}

/// The application of a hospital (chosen as `pick_hospital` does), program (as `only_program` does) and 年度.
fn pick_application(
    store: &Store,
    hospital: Option<&str>,
    program: Option<String>,
    year: i32,
) -> Result<hojo::store::ApplicationId, StoreError> {
    let hospital = pick_hospital(store, hospital)?;
    let year = FiscalYear::new(year);
    let program = match program {
        Some(program) => program,
        None => only_program(store, hospital, year)?,
    };
    store
        .find_application(hospital, &program, year)?
        .ok_or_else(|| StoreError::NotFound { what: format!("{}の申請", year.japanese_name()) })
}

/// The program of the hospital's one application of the 年度; the nurse program when it has none or several
/// (then `--program` chooses).
fn only_program(store: &Store, hospital: HospitalId, year: FiscalYear) -> Result<String, StoreError> {
    let programs: Vec<String> = store
        .applications(hospital)?
        .into_iter()
        .filter(|application| application.fiscal_year == year)
        .map(|application| application.program)
        .collect();
    Ok(match programs.as_slice() {
        [only] => only.clone(),
        _ => hojo::program::Program::DEFAULT.to_string(),
    })
}
