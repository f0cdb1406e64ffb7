//! Why a file could not be read as a 名簿, and what was noticed while reading one. Messages are Japanese first,
//! then English in brackets, and say what to do; the caller adds the file name.

use serde::Serialize;

use crate::xlsx_guard::Refusal;

/// A file that cannot be read as a 名簿.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MeiboError {
    #[error("ファイルを開けません: {0} (cannot open the file)")]
    Io(String),
    #[error(
        "Excel（.xlsx）のファイルではありません（{0}）。厚生局のホームページから Excel 版の届出受理医療機関名簿をダウンロードして指定してください (not an .xlsx file)"
    )]
    NotXlsx(&'static str),
    #[error(
        "xlsx ファイルとして読めません。ファイルが壊れているか、ダウンロードが途中で切れています。もう一度ダウンロードしてください (the .xlsx file is damaged or truncated: {0})"
    )]
    Damaged(String),
    #[error(
        "ファイルの中身が大きすぎます（{0}）。名簿ではないか、壊れたファイルです (the file expands beyond the limit: zip bomb?)"
    )]
    TooLarge(String),
    #[error(
        "届出受理医療機関名簿ではありません。見出しの行（{expected}）が見つかりません (not a 名簿: no header row with these labels)"
    )]
    NotMeibo { expected: String },
    #[error(
        "届出受理医療機関名簿の様式が違います。見出しの行（{row}行目）に「{missing}」がありません。様式が変わった名簿か、名簿をもとに作り直した表です。いま読めるのは{publisher}が公表している「{expected_title}」の様式です (another layout: the header lacks {missing}; expected the layout the {publisher} publish)"
    )]
    OtherLayout { row: u32, missing: String, publisher: String, expected_title: String },
    #[error(
        "名簿に医療機関の行がありません（見出しは{0}行目）。正しいファイルか確かめてください (the 名簿 has no rows)"
    )]
    NoRows(u32),
    #[error("名簿の行が多すぎます（{0}行まで）。正しいファイルか確かめてください (too many rows)")]
    TooManyRows(usize),
}

impl From<Refusal> for MeiboError {
    fn from(refusal: Refusal) -> MeiboError {
        match refusal {
            Refusal::NotXlsx(kind) => MeiboError::NotXlsx(kind.description()),
            Refusal::Damaged(detail) => MeiboError::Damaged(detail),
            Refusal::TooLarge(detail) => MeiboError::TooLarge(detail),
        }
    }
}

/// Something noticed while reading: the 名簿 was read, but a row or a cell was left out or is doubtful.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MeiboWarning {
    /// The sheet row (1 = the first row, as Excel numbers them), when the warning is about one row.
    pub row: Option<u32>,
    pub message: String,
}

impl std::fmt::Display for MeiboWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.row {
            Some(row) => write!(f, "{row}行目: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}
