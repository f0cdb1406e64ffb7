//! Every limit Hojo enforces, in one place. What Hojo accepts it can compute, write into a workbook, read back,
//! store and send as a file, so each figure here is set below what the narrowest of those can hold: exact
//! integer sums (i64), Excel's cells (numbers exact to 2^53, 32,767 characters of text, dates from 1900),
//! SQLite's columns. `case::validate` checks a case against them before anything is computed or written;
//! the typed input of the forms, the store and the readers use the same constants.

use std::ops::RangeInclusive;

use chrono::NaiveDate;

use crate::money::Yen;

/// The largest amount of one entry: an item's total, a month of 人件費, a receipt, an income — 10億円. Far
/// above any real cost of a course or a 研修会, and sums of every amount of the largest case stay exact.
pub const MAX_AMOUNT: Yen = Yen::new(1_000_000_000);

/// Trainees (rows) in one application.
pub const MAX_TRAINEES: usize = 1_000;

/// 届出 of one hospital (the 名簿 lists a few dozen for a large hospital).
pub const MAX_FILINGS: usize = 200;

/// Months of 人件費 entered for one trainee in one application (the 年度 has 12; months outside it are kept
/// and flagged, not counted).
pub const MAX_SALARY_MONTHS: usize = 36;

/// Receipts of one trainee in one 年度 (monthly salary slips of a long course included).
pub const MAX_RECEIPTS: usize = 500;

/// 研修会 of one application (a 協力病院 holds one or a few a year).
pub const MAX_TRAININGS: usize = 50;

/// Lines of one item's 積算内訳.
pub const MAX_WORKING_LINES: usize = 50;

/// A count: 定員, 数量, 病床数.
pub const MAX_COUNT: u32 = 100_000;

/// Characters of a name, an address, an institution, a 受理記号 or any other one-line text.
pub const MAX_SHORT_TEXT: usize = 200;

/// Characters of a free text (事業の目的及び効果, a memo): well inside Excel's 32,767 per cell.
pub const MAX_LONG_TEXT: usize = 4_000;
const _: () = assert!(MAX_SHORT_TEXT < MAX_LONG_TEXT && MAX_LONG_TEXT < 32_767);

/// The years a 年度 may start in. The program's own first 年度 is checked by the program data.
pub const FISCAL_YEARS: RangeInclusive<i32> = 1990..=2200;

/// The dates Hojo writes: spreadsheets count days from 1900 (1 March, past Excel's fictitious 29 February).
pub fn dates() -> RangeInclusive<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(1900, 3, 1).unwrap_or(NaiveDate::MIN);
    let last = NaiveDate::from_ymd_opt(2299, 12, 31).unwrap_or(NaiveDate::MAX);
    first..=last
}

/// File sizes: what a file of each kind can be at most. Anything bigger is not such a file and is not read
/// into memory.
pub mod files {
    /// A case file (`hojo-case/1` JSON): a few kilobytes per trainee.
    pub const CASE_BYTES: u64 = 16 << 20;
    /// A nurse's cost sheet (`hojo-trainee-costs/2` JSON, or `/1`).
    pub const TRAINEE_COSTS_BYTES: u64 = 4 << 20;
    /// An application workbook Hojo wrote (.xlsx).
    pub const WORKBOOK_BYTES: u64 = 16 << 20;
    /// A 厚生局 名簿 (.xlsx): the largest bureau's is about 10 MB.
    pub const MEIBO_BYTES: u64 = 64 << 20;
    /// The scan or PDF of one receipt, kept in the database: a phone photo is 2–5 MB, a scanned A4 PDF less.
    pub const ATTACHMENT_BYTES: u64 = 20 << 20;
}

/// What an xlsx may expand to, checked on its zip directory before calamine reads anything (`xlsx_guard`). Each
/// reader has its own figures, far above the largest real file it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct XlsxLimits {
    /// Entries (parts) in the zip.
    pub entries: usize,
    /// Bytes one entry may inflate to (the shared strings excepted).
    pub entry: u64,
    /// Bytes the shared-strings table may inflate to.
    pub shared_strings: u64,
    /// Bytes all entries together may inflate to.
    pub total: u64,
    /// Strings the shared-strings table may declare (calamine reserves room for them up front).
    pub string_count: u64,
}

impl XlsxLimits {
    /// The 名簿: Saitama's file (35,540 rows) has a 34 MB sheet and 1.2 MB of strings, Tokyo's (about 80,000 rows)
    /// about 80 MB of sheet; these limits are 3× to 8× that. A published 名簿 has about ten entries.
    pub const MEIBO: XlsxLimits = XlsxLimits {
        entries: 1_000,
        entry: 256 << 20,
        shared_strings: 64 << 20,
        total: 512 << 20,
        string_count: 4_000_000,
    };

    /// An application workbook Hojo wrote: tens of kilobytes; 200 trainees stay under 2 MB expanded.
    pub const WORKBOOK: XlsxLimits = XlsxLimits {
        entries: 1_000,
        entry: 32 << 20,
        shared_strings: 32 << 20,
        total: 64 << 20,
        string_count: 1_000_000,
    };
}

/// The number of characters of a text, as the limits count them.
pub fn chars(text: &str) -> usize {
    text.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_case_sums_exactly_in_integers_and_in_a_spreadsheet() {
        // Every amount of every trainee at its largest, summed: still exact in i64 and below 2^53.
        let amounts_per_trainee = 7 + MAX_SALARY_MONTHS as i64 + MAX_RECEIPTS as i64;
        let total = MAX_AMOUNT.get() * amounts_per_trainee * MAX_TRAINEES as i64;
        assert!(total < (1i64 << 53), "{total}");
    }

    #[test]
    fn every_fiscal_year_allowed_has_its_days_inside_the_dates_allowed() {
        let (first, last) = (*FISCAL_YEARS.start(), *FISCAL_YEARS.end());
        assert!(dates().contains(&NaiveDate::from_ymd_opt(first, 4, 1).unwrap()));
        assert!(dates().contains(&NaiveDate::from_ymd_opt(last + 1, 3, 31).unwrap()));
    }
}
