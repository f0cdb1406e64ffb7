//! One guard for every xlsx Hojo reads — the 厚生局's 名簿 (`meibo`) and an application workbook
//! (`workbook::read`) — before calamine sees the file and while calamine reads it.
//!
//! Before: is it an xlsx at all (people pick a CSV, a PDF, an old .xls by mistake), and would it expand to
//! something unreasonable (a zip bomb)? calamine streams a sheet, but it loads the shared strings whole, reserves
//! room for the count the file declares, and quick-xml buffers each cell's text whole. The zip reader refuses to
//! inflate an entry beyond its declared size, so bounding the declared sizes, their total, the number of entries
//! and the declared string count bounds what any file can make the reader hold.
//!
//! While: calamine 0.38 multiplies without checking while it reads a cell reference, so an absurd one in a damaged
//! file (r="AAAAAAAAAAAAAAA1") panics in a debug build (and wraps in a release one). [`without_calamine_panics`]
//! turns that into a damaged file.

use std::io::{Read, Seek, SeekFrom};

/// The figures, per reader, live with every other limit (`crate::limits`).
pub use crate::limits::XlsxLimits as Limits;

/// What a file that is not an xlsx looks like, by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// An OLE2 compound file: an .xls of Excel 97–2003, or an xlsx with a password (encrypted xlsx are OLE2 too).
    OldExcelOrEncrypted,
    Pdf,
    Empty,
    Json,
    /// A zip, but not in the form of an xlsx (another zip format, or a damaged start).
    OtherZip,
    /// A zip without `xl/workbook.xml`.
    ZipWithoutWorkbook,
    /// Anything else: CSV, text…
    Text,
}

impl FileKind {
    /// For the user: what the file is, and for an .xls what to do.
    pub fn description(self) -> &'static str {
        match self {
            FileKind::OldExcelOrEncrypted => {
                "古い Excel 形式（.xls）かパスワード付きのファイルです。Excel で開いて .xlsx 形式で保存し直すか、パスワードを外してください"
            }
            FileKind::Pdf => "PDF ファイルです",
            FileKind::Empty => "空のファイルです",
            FileKind::Json => "JSON ファイルです",
            FileKind::OtherZip => "zip ファイルですが、形式が違います",
            FileKind::ZipWithoutWorkbook => "zip ファイルですが、Excel のブック（xl/workbook.xml）が入っていません",
            FileKind::Text => "CSV やテキストなど、Excel 以外のファイルです",
        }
    }
}

/// Why the guard refuses a file. Each reader words it in its own error type (`MeiboError`, `ImportError`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NotXlsx(FileKind),
    /// Damaged or cut short; the detail is the zip reader's or calamine's (English).
    Damaged(String),
    /// Beyond the limits; the detail says which part and by how much, in Japanese.
    TooLarge(String),
}

/// Checks the kind of file and the zip directory against the limits; leaves the source at its start.
pub fn check<R: Read + Seek>(source: &mut R, limits: Limits) -> Result<(), Refusal> {
    let io = |e: std::io::Error| Refusal::Damaged(e.to_string());
    source.seek(SeekFrom::Start(0)).map_err(io)?;
    let mut head = Vec::with_capacity(8);
    source.by_ref().take(8).read_to_end(&mut head).map_err(io)?;
    check_kind(&head)?;
    source.seek(SeekFrom::Start(0)).map_err(io)?;
    check_archive(&mut *source, limits)?;
    source.seek(SeekFrom::Start(0)).map_err(io)?;
    Ok(())
}

/// Runs a calamine read; a panic inside it (an absurd cell reference in a damaged file) is a damaged file.
pub fn without_calamine_panics<T>(read: impl FnOnce() -> T) -> Result<T, Refusal> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read))
        .map_err(|_| Refusal::Damaged("calamine stopped on a cell reference or value it cannot read".to_string()))
}

/// Tells an xlsx (a zip) from what people pick by mistake, by the first bytes.
fn check_kind(head: &[u8]) -> Result<(), Refusal> {
    if head.starts_with(b"PK\x03\x04") {
        return Ok(());
    }
    let kind = if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        FileKind::OldExcelOrEncrypted
    } else if head.starts_with(b"%PDF") {
        FileKind::Pdf
    } else if head.is_empty() {
        FileKind::Empty
    } else if head.starts_with(b"{") || head.starts_with("\u{feff}{".as_bytes()) {
        FileKind::Json
    } else if head.starts_with(b"PK") {
        FileKind::OtherZip
    } else {
        FileKind::Text
    };
    Err(Refusal::NotXlsx(kind))
}

/// Checks the zip directory: the number of entries, every entry's declared size, their total, and the
/// shared-strings count.
fn check_archive<R: Read + Seek>(reader: R, limits: Limits) -> Result<(), Refusal> {
    let damaged = |e: zip::result::ZipError| Refusal::Damaged(e.to_string());
    let mut archive = zip::ZipArchive::new(reader).map_err(damaged)?;
    if archive.len() > limits.entries {
        return Err(Refusal::TooLarge(format!("部品が {} 個（上限 {} 個）", archive.len(), limits.entries)));
    }
    let mut total: u64 = 0;
    let mut shared_strings = None;
    let mut workbook = false;
    for index in 0..archive.len() {
        // The central directory's record only: nothing is read or inflated here.
        let entry = archive.by_index_data(index).map_err(damaged)?;
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let size = entry.size();
        total = total.saturating_add(size);
        let lower = name.to_ascii_lowercase();
        let is_strings = lower.ends_with("sharedstrings.xml");
        let limit = if is_strings { limits.shared_strings } else { limits.entry };
        if size > limit {
            return Err(Refusal::TooLarge(format!(
                "{name} を展開すると {}（上限 {}）",
                size_text(size),
                size_text(limit)
            )));
        }
        if is_strings {
            shared_strings = Some((index, size));
        }
        workbook |= lower == "xl/workbook.xml";
    }
    if total > limits.total {
        return Err(Refusal::TooLarge(format!(
            "全体を展開すると {}（上限 {}）",
            size_text(total),
            size_text(limits.total)
        )));
    }
    if !workbook {
        return Err(Refusal::NotXlsx(FileKind::ZipWithoutWorkbook));
    }
    if let Some((index, size)) = shared_strings
        && let Some(declared) = declared_string_count(&mut archive, index)?
    {
        // Each string takes at least 「<si/>」, 5 bytes: a larger count is a lie meant to make the reader reserve.
        let limit = limits.string_count.min(size / 5 + 1);
        if declared > limit {
            return Err(Refusal::TooLarge(format!("共有文字列が {declared} 個と書かれています（上限 {limit} 個）")));
        }
    }
    Ok(())
}

/// The `uniqueCount` of `<sst …>` (what calamine reserves for), read from the first few kilobytes only.
fn declared_string_count<R: Read + Seek>(
    archive: &mut zip::ZipArchive<R>,
    index: usize,
) -> Result<Option<u64>, Refusal> {
    let damaged = |e: String| Refusal::Damaged(e);
    let entry = archive.by_index(index).map_err(|e| damaged(e.to_string()))?;
    let mut head = Vec::with_capacity(4096);
    entry.take(4096).read_to_end(&mut head).map_err(|e| damaged(e.to_string()))?;
    let text = String::from_utf8_lossy(&head);
    let Some(start) = text.find("<sst") else { return Ok(None) };
    let tag = &text[start..text[start..].find('>').map_or(text.len(), |end| start + end)];
    const ATTRIBUTE: &str = " uniqueCount=\"";
    let Some(at) = tag.find(ATTRIBUTE) else { return Ok(None) };
    let digits: String = tag[at + ATTRIBUTE.len()..].chars().take_while(char::is_ascii_digit).collect();
    // An absurdly long number is as much a lie as a large one.
    Ok(Some(digits.parse::<u64>().unwrap_or(u64::MAX)))
}

/// 256 MB, 64 KB: megabytes from one megabyte up, kilobytes (rounded up) below.
fn size_text(bytes: u64) -> String {
    if bytes >= 1 << 20 { format!("{} MB", bytes >> 20) } else { format!("{} KB", bytes.div_ceil(1 << 10)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn things_people_pick_by_mistake_are_named() {
        assert!(check_kind(b"PK\x03\x04rest").is_ok());
        let kind = |head: &[u8]| match check_kind(head) {
            Err(Refusal::NotXlsx(kind)) => kind,
            other => panic!("{other:?}"),
        };
        assert_eq!(kind(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0]), FileKind::OldExcelOrEncrypted);
        assert!(FileKind::OldExcelOrEncrypted.description().contains(".xls"));
        assert_eq!(kind(b"%PDF-1.7"), FileKind::Pdf);
        assert_eq!(kind(b"\xef\xbb\xbf\xe9\xa0\x85\xe7\x95\xaa,"), FileKind::Text);
        assert_eq!(kind("\u{feff}{\"format\"".as_bytes()), FileKind::Json);
        assert_eq!(kind(b""), FileKind::Empty);
        assert_eq!(kind(b"PK\x05\x06"), FileKind::OtherZip);
    }

    #[test]
    fn a_panic_inside_calamine_is_a_damaged_file() {
        let outcome = without_calamine_panics(|| -> u32 { panic!("attempt to multiply with overflow") });
        assert!(matches!(outcome, Err(Refusal::Damaged(_))));
        assert_eq!(without_calamine_panics(|| 7), Ok(7));
    }

    #[test]
    fn sizes_are_shown_in_the_unit_that_reads() {
        assert_eq!(size_text(256 << 20), "256 MB");
        assert_eq!(size_text(64 << 10), "64 KB");
        assert_eq!(size_text(600), "1 KB");
    }
}
