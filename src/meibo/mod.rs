//! The 厚生局's 届出受理医療機関名簿 (an adapter): read the Excel file, find an institution by 医療機関番号 or by
//! part of its name, turn its 届出 into the hospital part of a case, and tell which institutions meet the
//! filing conditions — by the engine's own hospital checks, so the 受理記号 lists live only in the program data.
//!
//! ```no_run
//! use hojo::meibo::Meibo;
//! let meibo = Meibo::open(std::path::Path::new("meibo-11-saitama-r0710.xlsx"))?;
//! if let Some(institution) = meibo.find_by_number("0101337") {
//!     let hospital = institution.to_hospital(); // 名称, 都道府県コード, 所在地, 病床数, 届出
//!     let founder = institution.founder_guess(); // a suggestion to confirm, never written into `hospital`
//! }
//! # Ok::<(), hojo::meibo::MeiboError>(())
//! ```
//!
//! The layout of each 厚生局's file is data (`layouts/*.toml`); docs/meibo.md explains the parsing choices.

mod apply;
mod beds;
mod bureau;
mod calamine;
mod error;
mod evaluate;
mod fast;
mod fold;
mod founder;
mod layout;
mod sheet;

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use crate::case::{Filing, Hospital};
use crate::typed_input::to_half_width;
use crate::xlsx_guard;
pub use crate::xlsx_guard::Limits;

pub use apply::{FilingScope, ProfileChange, ProfileField, ProfileUpdate, update_hospital};
pub use beds::{BedGroup, Beds, parse_beds};
pub use error::{MeiboError, MeiboWarning};
pub use evaluate::{FilingEvaluation, filing_condition_ids, rules_for_meibo};
pub use fold::MAX_ROWS;
pub use founder::{FounderGuess, guess_founder};

/// Files larger than this on disk are not a 名簿 (Saitama's is 3 MB, Tokyo's about 7 MB).
pub use crate::limits::files::MEIBO_BYTES as FILE_LIMIT;

/// A 名簿 as read: who published it, as of when, and its institutions in the order of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Meibo {
    /// The id of the layout the file was read with: chihou-kouseikyoku (every 地方厚生局's)
    pub layout: String,
    /// The 地方厚生局 that publishes the 名簿 of the rows' prefectures: 関東信越厚生局 for 11 埼玉県, 近畿厚生局 for
    /// 18 福井県. `None` when the rows belong to no bureau or to several (a warning then says so).
    pub authority: Option<String>,
    pub title: String,
    pub sheet: String,
    /// The stamp cell as written: 「[令和７年９月１日 現在 ]令和７年１０月２日作成 全医療機関出力」
    pub stamp: Option<String>,
    /// The date the data is as of (「現在」).
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub as_of: Option<NaiveDate>,
    pub institutions: Vec<Institution>,
    /// 届出 rows read (rows with a 医療機関番号).
    pub rows: usize,
    pub warnings: Vec<MeiboWarning>,
}

/// One medical institution and its 届出.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Institution {
    /// 医療機関番号, seven digits as the 名簿 writes them: 0101337
    pub number: String,
    /// 都道府県コード: 11
    pub prefecture_code: String,
    /// 都道府県名: 埼玉県
    pub prefecture_name: String,
    /// 医療機関名称, verbatim (with the ideographic spaces of the 名簿)
    pub name: String,
    pub postal_code: Option<String>,
    /// 医療機関所在地（住所）, verbatim: the 名簿 leaves out the prefecture.
    pub address: String,
    pub phone: Option<String>,
    pub beds: Beds,
    pub filings: Vec<MeiboFiling>,
    /// The sheet row of its first 届出.
    pub first_row: u32,
}

/// One 届出 of an institution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MeiboFiling {
    /// 受理届出名称: 地域包括ケア病棟入院料１
    pub name: String,
    /// 受理記号, verbatim: 地包ケア１
    pub symbol: String,
    /// 受理番号: 第19号
    pub number: String,
    /// 算定開始年月日; `None` when the cell is blank or unreadable (a warning names the row).
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub since: Option<NaiveDate>,
    /// The sheet row.
    pub row: u32,
}

impl Meibo {
    /// Reads a 名簿 file. Refuses, with a message that says what the file is and what to do: a file that is not
    /// an xlsx, a damaged or truncated one, one that would expand beyond the [`Limits`], a workbook without a
    /// 名簿 header, and a 名簿 of a layout this reader does not know.
    pub fn open(path: &Path) -> Result<Meibo, MeiboError> {
        let mut file = File::open(path).map_err(|e| MeiboError::Io(e.to_string()))?;
        let size = file.metadata().map_err(|e| MeiboError::Io(e.to_string()))?.len();
        if size > FILE_LIMIT {
            return Err(MeiboError::TooLarge(format!("ファイルが {} MB（上限 {} MB）", size >> 20, FILE_LIMIT >> 20)));
        }
        Meibo::read(&mut file)
    }

    /// Reads a 名簿 from any seekable source (a file, or bytes in a `Cursor`).
    pub fn read<R: Read + Seek>(source: &mut R) -> Result<Meibo, MeiboError> {
        Meibo::read_with_limits(source, Limits::MEIBO)
    }

    /// Reads a 名簿 within other limits (tests use small ones). The fast reader (`fast.rs`) takes the files it
    /// fully understands (the published ones); calamine reads everything else.
    pub fn read_with_limits<R: Read + Seek>(source: &mut R, limits: Limits) -> Result<Meibo, MeiboError> {
        xlsx_guard::check(source, limits)?;
        let mut reader = BufReader::new(source);
        if let Some(outcome) = fast::read(&mut reader) {
            return outcome;
        }
        reader.seek(SeekFrom::Start(0)).map_err(|e| MeiboError::Io(e.to_string()))?;
        calamine::read(reader)
    }

    /// The fast reader alone: `None` when it steps aside for calamine. For tests and benchmarks.
    #[doc(hidden)]
    pub fn read_fast<R: Read + Seek>(source: &mut R) -> Option<Result<Meibo, MeiboError>> {
        if let Err(refusal) = xlsx_guard::check(source, Limits::MEIBO) {
            return Some(Err(refusal.into()));
        }
        fast::read(&mut BufReader::new(source))
    }

    /// calamine's reader alone, never the fast one: the reference the fast reader is tested against.
    #[doc(hidden)]
    pub fn read_with_calamine<R: Read + Seek>(source: &mut R) -> Result<Meibo, MeiboError> {
        xlsx_guard::check(source, Limits::MEIBO)?;
        calamine::read(BufReader::new(source))
    }

    /// The 都道府県コード of the institutions, each once, in the order of the file: ["11"] for Saitama's file.
    pub fn prefecture_codes(&self) -> Vec<&str> {
        let mut codes: Vec<&str> = Vec::new();
        for institution in &self.institutions {
            // A 名簿 is one prefecture (or a few): the list stays short, a linear search is enough.
            if codes.last() != Some(&institution.prefecture_code.as_str())
                && !codes.contains(&institution.prefecture_code.as_str())
            {
                codes.push(&institution.prefecture_code);
            }
        }
        codes
    }

    /// The institution with this 医療機関番号: seven digits (0101337), or the ten-digit form with the
    /// 都道府県コード and 点数表 in front (1110101337); full-width digits, spaces and hyphens are ignored.
    pub fn find_by_number(&self, number: &str) -> Option<&Institution> {
        let digits: String = to_half_width(number).chars().filter(char::is_ascii_digit).collect();
        match digits.len() {
            7 => self.institutions.iter().find(|i| i.number == digits),
            10 => {
                let (prefecture, rest) = digits.split_at(2);
                let number = &rest[1..];
                self.institutions.iter().find(|i| i.number == number && i.prefecture_code == prefecture)
            }
            _ => None,
        }
    }

    /// Institutions whose name contains the text, ignoring spaces and full-/half-width differences, in the order
    /// of the file. An empty text finds nothing.
    pub fn search_name(&self, part: &str) -> Vec<&Institution> {
        let wanted = fold(part);
        if wanted.is_empty() {
            return Vec::new();
        }
        self.institutions.iter().filter(|i| fold(&i.name).contains(&wanted)).collect()
    }
}

/// Text as compared in searches: half-width, without spaces, ASCII letters in lower case.
fn fold(text: &str) -> String {
    to_half_width(text).chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_lowercase()).collect()
}

impl Institution {
    /// The hospital part of a case, filled from the 名簿: 名称, 都道府県コード, 所在地 (with the prefecture in
    /// front, as an application writes it), 病床数 (the total) and every 届出 with its 受理番号 and
    /// 算定開始年月日. The 開設者 is left unset: see [`Institution::founder_guess`].
    pub fn to_hospital(&self) -> Hospital {
        self.to_hospital_with(|_| true)
    }

    /// The hospital with only the 届出 whose 受理記号 `keep` accepts.
    fn to_hospital_with(&self, keep: impl Fn(&str) -> bool) -> Hospital {
        let address = self.full_address();
        Hospital {
            name: self.name.clone(),
            prefecture_code: Some(self.prefecture_code.clone()).filter(|c| !c.is_empty()),
            address: Some(address).filter(|a| !a.is_empty()),
            founder_type: None,
            beds: self.beds.total(),
            filings: self
                .filings
                .iter()
                .filter(|f| keep(&f.symbol))
                .map(|f| Filing {
                    symbol: f.symbol.clone(),
                    number: Some(f.number.clone()).filter(|n| !n.is_empty()),
                    since: f.since,
                })
                .collect(),
            ..Hospital::default()
        }
    }

    /// 所在地 as an application writes it, with the prefecture in front (the 名簿 leaves it out): 山梨県甲府市宝一丁目９－１.
    /// The prefecture is named from the domain's table by the code, or as the 名簿 writes it for a code of none.
    pub fn full_address(&self) -> String {
        let prefecture = crate::prefecture::name_of(&self.prefecture_code).unwrap_or(&self.prefecture_name);
        if self.address.is_empty() || self.address.starts_with(prefecture) {
            self.address.clone()
        } else {
            format!("{prefecture}{}", self.address)
        }
    }

    /// The 開設者 the name suggests, with the reason, for the user to confirm; `None` when the name says nothing.
    pub fn founder_guess(&self) -> Option<FounderGuess> {
        guess_founder(&self.name)
    }

    pub fn has_filing(&self, symbol: &str) -> bool {
        self.filings.iter().any(|f| f.symbol == symbol)
    }
}
