//! Hojo (補助金申請アシスタント): the rules of 東京都緩和ケア関連専門看護師等資格取得支援事業 and programs like
//! it, as a library.
//!
//! The domain — money, 和暦 and 年度, the program definitions, eligibility and the 算定 — knows nothing of
//! files, SQL, spreadsheets or windows. The adapters translate to and from it: the case file (JSON), the
//! application workbook (xlsx), the 厚生局's 名簿 (xlsx) and the local database (SQLite). Data flows one way:
//! input → case → 算定 → workbook.

// The domain
pub mod calc;
pub mod case;
pub mod change;
pub mod compare;
pub mod edit;
pub mod eligibility;
pub mod era;
pub mod fiscal_year;
pub mod lifecycle;
pub mod limits;
pub mod money;
pub mod normalize;
pub mod prefecture;
pub mod program;
pub mod review;
pub mod settle;
pub mod typed_input;

// Adapters
pub mod files;
pub mod meibo;
// Files readable by their owner only (0600, or an owner-only ACL on Windows)
pub mod owner_only;
pub mod store;
pub mod workbook;
/// The checks every xlsx reader runs (zip bomb, kind of file, calamine's panics): used by `meibo` and `workbook`.
pub mod xlsx_guard;
