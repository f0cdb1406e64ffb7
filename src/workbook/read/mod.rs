//! Reading a workbook Hojo wrote back into a case (calamine), including after a person filled in or corrected
//! the unlocked cells in Excel or LibreOffice. The visible cells are read for everything they show; the hidden
//! data sheet for the rest. Each problem names the sheet and the cell.

pub(super) mod cells;

use std::collections::{HashMap, HashSet};
use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};

use self::cells::Sheet;
use super::hidden::{self, Hidden};
use super::kept::shown_filing;
use super::layout::{self, BREAKDOWN, BUDGET, Cell, DATA, FORM1, PLAN, ROSTER};
use crate::case::{CASE_FORMAT, Case, CaseError, Contact, Hospital, Problem, SalaryMonth, Trainee, validate};
use crate::money::Yen;
use crate::program::Program;
use crate::xlsx_guard::{self, FileKind, Limits, Refusal, without_calamine_panics};

/// Workbooks Hojo writes are tens of kilobytes; a file this large is not one.
pub use crate::limits::files::WORKBOOK_BYTES as FILE_LIMIT;

/// The data sheet has a few rows per trainee; this bounds the scan (hidden::MAX_TRAINEES trainees).
const MAX_DATA_ROWS: u32 = 20 + 10 * hidden::MAX_TRAINEES as u32;

/// Why a workbook could not be read. Messages are Japanese, then English in brackets.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("{path}: {message}")]
    File { path: String, message: String },
    #[error("Excel のブック（.xlsx）ではありません: {0} (not an xlsx workbook)")]
    NotXlsx(&'static str),
    #[error("ブックが壊れていて読めません ({0}) (the workbook is damaged)")]
    Damaged(String),
    #[error(
        "ブックの中身が大きすぎます（{0}）。Hojo が作成した申請書ではないか、壊れています (too large once expanded)"
    )]
    TooLarge(String),
    #[error(
        "Hojo が作成した申請書ではありません（シート「{0}」がありません）。Hojo で書き出したブックを選んでください (not a workbook written by Hojo)"
    )]
    Foreign(String),
    #[error("シート「{0}」がありません。シートを削除したり名前を変えたりしていないか確かめてください (sheet missing)")]
    MissingSheet(String),
    #[error("シート「{sheet}」のセル {cell}: {message}")]
    Cell { sheet: String, cell: String, message: String },
    #[error(
        "申請書の読み込み用データ（シート「{sheet}」）の項目「{key}」が読めません: {message}。Hojo で書き出した申請書を、このシートを変えずに読み込んでください (hidden data damaged)",
        sheet = DATA.name
    )]
    Data { key: String, message: String },
    #[error(
        "以前の版の Hojo で作成した申請書です（様式の版 {0}）。今の Hojo では読み込めないため、申請の内容（ケースファイルまたはアプリのデータ）から書き出し直してください (a workbook of an earlier layout)"
    )]
    EarlierLayout(String),
    #[error("読み取った内容に誤りがあります (the workbook's content is not a valid case):\n{0}")]
    Invalid(CaseError),
}

impl From<Refusal> for ImportError {
    fn from(refusal: Refusal) -> ImportError {
        match refusal {
            // A case file picked instead of the workbook made from it.
            Refusal::NotXlsx(FileKind::Json) => {
                ImportError::NotXlsx("JSON ファイルです（ケースファイルは hojo export で申請書にしてください）")
            }
            Refusal::NotXlsx(kind) => ImportError::NotXlsx(kind.description()),
            Refusal::Damaged(detail) => ImportError::Damaged(detail),
            Refusal::TooLarge(detail) => ImportError::TooLarge(detail),
        }
    }
}

/// The bytes of a workbook file, refused when it cannot be opened or is too large for a workbook of Hojo.
///
/// # Errors
/// A file that cannot be opened or read, or is too large.
pub fn read_file(path: &Path) -> Result<Vec<u8>, ImportError> {
    use std::io::Read;
    let shown: PathBuf = path.to_path_buf();
    let file_error = |message: String| ImportError::File { path: shown.display().to_string(), message };
    let file = std::fs::File::open(path).map_err(|error| {
        let reason = match error.kind() {
            std::io::ErrorKind::NotFound => "ファイルが見つかりません。パスを確かめてください (not found)",
            std::io::ErrorKind::PermissionDenied => "ファイルを読む権限がありません (permission denied)",
            _ => "ファイルを開けません (cannot open)",
        };
        file_error(format!("{reason}: {error}"))
    })?;
    let mut bytes = Vec::new();
    file.take(FILE_LIMIT + 1).read_to_end(&mut bytes).map_err(|error| {
        file_error(format!("ファイルを読めません。フォルダではなくファイルを指定してください ({error})"))
    })?;
    if bytes.len() as u64 > FILE_LIMIT {
        return Err(file_error(format!(
            "ファイルが大きすぎます（{} MB まで）。Hojo が作成した申請書を選んでください (file too large)",
            FILE_LIMIT >> 20
        )));
    }
    Ok(bytes)
}

/// An open workbook of Hojo, as the reader of one kind (the application's, the report's) takes it.
pub type Opened<'a> = Xlsx<Cursor<&'a [u8]>>;

/// Opens a workbook behind the guards (the kind of file, zip-bomb limits, calamine's panics) and reads it with
/// `reader`, given the workbook and its sheet names.
///
/// # Errors
/// Not an xlsx; damaged; expanding beyond the limits (a zip bomb); or what `reader` finds: not written by Hojo,
/// a sheet missing, a cell that does not hold what its place needs (an amount edited into text, a date that is
/// not a date), the hidden data damaged, or a case that breaks the case rules.
pub fn read_with(
    bytes: &[u8],
    reader: impl FnOnce(&mut Opened, &[String]) -> Result<Case, ImportError>,
) -> Result<Case, ImportError> {
    xlsx_guard::check(&mut Cursor::new(bytes), Limits::WORKBOOK)?;
    // calamine can panic on a damaged cell reference (see xlsx_guard): that file is damaged, not a crash.
    without_calamine_panics(|| {
        let mut workbook: Xlsx<_> =
            Xlsx::new(Cursor::new(bytes)).map_err(|error| ImportError::Damaged(error.to_string()))?;
        let names = workbook.sheet_names();
        reader(&mut workbook, &names)
    })
    .unwrap_or_else(|refusal| Err(refusal.into()))
}

/// Reads the application workbook.
pub fn read_application(workbook: &mut Opened, names: &[String]) -> Result<Case, ImportError> {
    if !names.iter().any(|name| name == DATA.name) {
        return Err(ImportError::Foreign(DATA.name.to_string()));
    }
    let mut load = |name: &'static str| -> Result<Sheet, ImportError> {
        if !names.iter().any(|sheet| sheet == name) {
            return Err(ImportError::MissingSheet(name.to_string()));
        }
        load(workbook, name).map(|(cells, uncached)| Sheet::new(name, cells, uncached))
    };
    let data = load(DATA.name)?;
    let hidden = read_hidden(&data)?;
    let form1 = load(FORM1.name)?;
    let plan = load(PLAN.name)?;
    let budget = load(BUDGET.name)?;
    let breakdown = load(BREAKDOWN.name)?;
    let roster = load(ROSTER.name)?;

    let hospital = read_hospital(&hidden, &form1, &plan)?;
    let trainees = read_trainees(&hidden, &budget, &breakdown, &roster)?;
    let case =
        Case { format: hidden.format.clone(), trainees, ..Case::new(&hidden.program, hidden.fiscal_year, hospital) };
    validate(&case).map_err(|error| ImportError::Invalid(placed(error)))?;
    Ok(case)
}

/// The case rules speak of JSON paths; a person who edited the workbook needs the sheet and the cell.
fn placed(error: CaseError) -> CaseError {
    let problems = error
        .problems
        .into_iter()
        .map(|problem| match cell_of(&problem.path) {
            Some((sheet, cell)) => {
                Problem { path: format!("シート「{sheet}」のセル {} ({})", cell.a1(), problem.path), ..problem }
            }
            None => problem,
        })
        .collect();
    CaseError { problems }
}

fn cell_of(path: &str) -> Option<(&'static str, Cell)> {
    if path == "hospital.name" {
        return Some((FORM1.name, FORM1.hospital_value()));
    }
    let rest = path.strip_prefix("trainees[")?;
    let (index, field) = rest.split_once("].")?;
    let row = ROSTER.first_row + index.parse::<u32>().ok()?;
    let col = match field {
        "name" => ROSTER.name_col,
        "enrolled_on" => ROSTER.enrolled_col,
        "course_ends_on" => ROSTER.ends_col,
        _ => return None,
    };
    Some((ROSTER.name, Cell::new(row, col)))
}

/// Rows and columns beyond these hold nothing of the layout; cells there are skipped unread, so a sheet that
/// claims a cell in row 1,048,576 costs nothing (calamine's dense `Range` would reserve every cell between).
const MAX_ROW: u32 = 100_000;
const MAX_COL: u32 = 64;
/// More cells than the layout can fill means a file that is not what it claims.
const MAX_CELLS: usize = 500_000;

/// The cells of a sheet, streamed: only those inside the bounds are kept; with them, the formula cells saved
/// without a result.
pub type Cells = (HashMap<(u32, u32), Data>, HashSet<(u32, u32)>);

pub fn load(workbook: &mut Opened, name: &'static str) -> Result<Cells, ImportError> {
    let damaged = |error: calamine::XlsxError| ImportError::Damaged(format!("{name}: {error}"));
    let mut reader = workbook.worksheet_cells_reader(name).map_err(damaged)?;
    let mut cells = HashMap::new();
    let mut uncached = HashSet::new();
    while let Some(cell) = reader.next_cell_with_formula_metadata().map_err(damaged)? {
        let (row, col) = cell.pos;
        if row >= MAX_ROW || col >= MAX_COL {
            continue;
        }
        let value: Data = cell.value.into();
        if value == Data::Empty && cell.formula.is_some() {
            uncached.insert((row, col));
        }
        if value != Data::Empty {
            cells.insert((row, col), value);
            if cells.len() > MAX_CELLS {
                return Err(ImportError::TooLarge(format!("シート「{name}」のセルが {MAX_CELLS} 個を超えています")));
            }
        }
    }
    Ok((cells, uncached))
}

/// The data sheet: the values the 様式 cannot show.
fn read_hidden(data: &Sheet) -> Result<Hidden, ImportError> {
    let mut values = HashMap::new();
    for row in DATA.first_row..DATA.first_row + MAX_DATA_ROWS {
        let text = |col: u16| data.raw_text(Cell::new(row, col));
        let key = text(DATA.key_col)?;
        if !key.is_empty() {
            values.insert(key, text(DATA.value_col)?);
        }
    }
    match values.get(DATA.version_key) {
        Some(version) if version == DATA.version => {}
        Some(version) if layout::EARLIER_VERSIONS.contains(&version.as_str()) => {
            return Err(ImportError::EarlierLayout(version.clone()));
        }
        Some(version) => {
            return Err(ImportError::Data {
                key: DATA.version_key.to_string(),
                message: format!("この版（{version}）の申請書は読めません。新しい Hojo で読み込んでください"),
            });
        }
        None => return Err(ImportError::Foreign(DATA.name.to_string())),
    }
    if values.get("format").is_some_and(|format| format != CASE_FORMAT) {
        return Err(ImportError::Data { key: "format".into(), message: format!("{CASE_FORMAT} のはずです") });
    }
    hidden::parse(&values).map_err(|error| ImportError::Data { key: error.key, message: error.message })
}

fn read_hospital(hidden: &Hidden, form1: &Sheet, plan: &Sheet) -> Result<Hospital, ImportError> {
    let program = Program::get(&hidden.program)
        .map_err(|error| ImportError::Data { key: "program".into(), message: error.to_string() })?;
    let rules = program
        .rules_for(hidden.fiscal_year)
        .map_err(|error| ImportError::Data { key: "fiscal_year".into(), message: error.to_string() })?;
    let name = form1.text(FORM1.hospital_value())?.unwrap_or_default();
    let mut filings = hidden.filings.clone();
    for (row, check_id, _) in PLAN.filing_rows {
        let shown = shown_filing(rules, &filings, check_id).map(|shown| shown.symbol.clone());
        let Some(symbol) = shown else { continue };
        let number = plan.text(Cell::new(row, PLAN.filing_number_col))?;
        let since = plan.optional_date(Cell::new(row, PLAN.filing_since_col))?;
        if let Some(filing) = filings.iter_mut().find(|filing| filing.symbol == symbol) {
            filing.number = number;
            filing.since = since;
        }
    }
    let at = |row: u32| Cell::new(row, PLAN.value_col);
    let contact = Contact {
        department: plan.text(at(PLAN.department.0))?,
        name: plan.text(at(PLAN.contact_name.0))?,
        phone: plan.text(at(PLAN.phone.0))?,
        email: plan.text(at(PLAN.email.0))?,
    };
    let has_contact = hidden.contact_present || contact != Contact::default();
    Ok(Hospital {
        name,
        prefecture_code: hidden.prefecture_code.clone(),
        address: form1.text(FORM1.address_value())?,
        founder_type: hidden.founder_type,
        beds: plan.beds(at(PLAN.beds.0))?,
        filings,
        employs_qualified_nurse: hidden.employs_qualified_nurse,
        representative: form1.text(FORM1.representative_value())?,
        contact: has_contact.then_some(contact),
        purpose: plan.text(at(PLAN.purpose.0))?,
        designated_cooperating_hospital: None,
    })
}

fn read_trainees(
    hidden: &Hidden,
    budget: &Sheet,
    breakdown: &Sheet,
    roster: &Sheet,
) -> Result<Vec<Trainee>, ImportError> {
    let program = Program::get(&hidden.program)
        .map_err(|error| ImportError::Data { key: "program".into(), message: error.to_string() })?;
    let rules = program
        .rules_for(hidden.fiscal_year)
        .map_err(|error| ImportError::Data { key: "fiscal_year".into(), message: error.to_string() })?;
    let month_counts: Vec<usize> = hidden.trainees.iter().map(|trainee| trainee.salary_months.len()).collect();
    let blocks = layout::breakdown_blocks(rules.items.len(), rules.lifetime_standard_per_row.is_some(), &month_counts);
    let mut trainees = Vec::with_capacity(hidden.trainees.len());
    for (index, (kept, block)) in hidden.trainees.iter().zip(&blocks).enumerate() {
        let row = ROSTER.first_row + index as u32;
        let at = |col: u16| Cell::new(row, col);
        let mut trainee = Trainee {
            name: roster.text(at(ROSTER.name_col))?.unwrap_or_default(),
            qualification: kept.qualification.clone(),
            institution: roster.text(at(ROSTER.institution_col))?,
            exam_fiscal_year: roster.fiscal_year(at(ROSTER.exam_year_col))?,
            enrolled_on: roster.date(at(ROSTER.enrolled_col))?,
            course_ends_on: roster.date(at(ROSTER.ends_col))?,
            admission: Yen::ZERO,
            tuition: Yen::ZERO,
            tuition_completed_in_year: kept.tuition_completed_in_year,
            exam_fee: Yen::ZERO,
            registration_fee: Yen::ZERO,
            certified: kept.certified,
            salary_kind: kept.salary_kind,
            salary: Yen::ZERO,
            salary_months: Vec::with_capacity(kept.salary_months.len()),
            other_costs: breakdown.amount(Cell::new(block.other_costs_row, BREAKDOWN.amount_col))?,
            other_income: budget.amount(Cell::new(BUDGET.first_row + index as u32, BUDGET.other_income_col))?,
            prior_years_standard_used: breakdown.amount(Cell::new(block.cap.prior_row, BREAKDOWN.amount_col))?,
            prior_items: kept.prior_items.clone(),
            receipts: Vec::new(),
            report: Default::default(),
        };
        for (rule, &item_row) in rules.items.iter().zip(&block.item_rows) {
            if rule.monthly && !kept.salary_months.is_empty() {
                continue; // the row is the sum of the months, read below
            }
            let amount = breakdown.amount(Cell::new(item_row, BREAKDOWN.amount_col))?;
            if let Some(field) = trainee.cost_mut(crate::program::CostItem::Item(rule.id)) {
                *field = amount;
            }
        }
        // Each listed month with the amount on its row; then in calendar order, whatever order the list had.
        for (month, &month_row) in kept.salary_months.iter().zip(&block.month_rows) {
            let amount = breakdown.amount(Cell::new(month_row, BREAKDOWN.amount_col))?;
            trainee.salary_months.push(SalaryMonth { month: *month, amount });
        }
        trainee.salary_months.sort_by_key(|entry| entry.month);
        trainees.push(trainee);
    }
    Ok(trainees)
}
