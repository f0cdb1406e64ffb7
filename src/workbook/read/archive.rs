//! Before calamine parses a file: is it an xlsx at all, and would it expand to something unreasonable (a zip
//! bomb)? The zip reader refuses to inflate an entry beyond its declared size, so bounding the declared sizes,
//! their total and the number of entries bounds what any file can make the reader hold. The limits are far above
//! any workbook Hojo writes (tens of kilobytes; 200 trainees stay under 2 MB expanded).

use std::io::{Cursor, Read};

use super::ImportError;

const MAX_ENTRIES: usize = 1_000;
const MAX_ENTRY: u64 = 32 << 20;
const MAX_TOTAL: u64 = 64 << 20;

pub fn check(bytes: &[u8]) -> Result<(), ImportError> {
    check_kind(bytes)?;
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|error| ImportError::Damaged(error.to_string()))?;
    if archive.len() > MAX_ENTRIES {
        return Err(ImportError::TooLarge { part: format!("{} 個の部品", archive.len()), size: 0, limit: 0 });
    }
    let mut total: u64 = 0;
    let mut workbook = false;
    let mut shared_strings = None;
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(|error| ImportError::Damaged(error.to_string()))?;
        let name = entry.name().map(|name| name.into_owned()).unwrap_or_default();
        let size = entry.size();
        if size > MAX_ENTRY {
            return Err(ImportError::TooLarge { part: name, size: size >> 20, limit: MAX_ENTRY >> 20 });
        }
        total = total.saturating_add(size);
        workbook |= name == "xl/workbook.xml";
        if name.to_ascii_lowercase().ends_with("sharedstrings.xml") {
            shared_strings = Some((index, size));
        }
    }
    if total > MAX_TOTAL {
        return Err(ImportError::TooLarge { part: "全体".into(), size: total >> 20, limit: MAX_TOTAL >> 20 });
    }
    if !workbook {
        return Err(ImportError::NotXlsx("zip ファイルですが、Excel のブック（xl/workbook.xml）が入っていません"));
    }
    if let Some((index, size)) = shared_strings {
        // calamine reserves room for the declared number of strings up front; each takes at least 5 bytes.
        let declared = declared_string_count(&mut archive, index)?;
        if declared.is_some_and(|count| count > size / 5 + 1) {
            return Err(ImportError::TooLarge {
                part: "共有文字列の数".into(),
                size: size >> 20,
                limit: MAX_ENTRY >> 20,
            });
        }
    }
    Ok(())
}

/// Tells an xlsx (a zip) from what people pick by mistake, by the first bytes.
fn check_kind(bytes: &[u8]) -> Result<(), ImportError> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Ok(());
    }
    let kind = if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        "古い Excel 形式（.xls）かパスワード付きのファイルです。Excel で .xlsx 形式で保存し直すか、パスワードを外してください"
    } else if bytes.starts_with(b"%PDF") {
        "PDF ファイルです"
    } else if bytes.is_empty() {
        "空のファイルです"
    } else if bytes.starts_with(b"{") || bytes.starts_with("\u{feff}{".as_bytes()) {
        "JSON ファイルです（ケースファイルは hojo export で申請書にしてください）"
    } else if bytes.starts_with(b"PK") {
        "zip ファイルですが、形式が違います"
    } else {
        "CSV やテキストなど、Excel 以外のファイルです"
    };
    Err(ImportError::NotXlsx(kind))
}

/// The `uniqueCount` of `<sst …>`, read from the first few kilobytes only.
fn declared_string_count(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    index: usize,
) -> Result<Option<u64>, ImportError> {
    let entry = archive.by_index(index).map_err(|error| ImportError::Damaged(error.to_string()))?;
    let mut head = Vec::with_capacity(4096);
    entry.take(4096).read_to_end(&mut head).map_err(|error| ImportError::Damaged(error.to_string()))?;
    let text = String::from_utf8_lossy(&head);
    let Some(start) = text.find("<sst") else { return Ok(None) };
    let tag = &text[start..text[start..].find('>').map_or(text.len(), |end| start + end)];
    const ATTRIBUTE: &str = " uniqueCount=\"";
    let Some(at) = tag.find(ATTRIBUTE) else { return Ok(None) };
    let digits: String = tag[at + ATTRIBUTE.len()..].chars().take_while(char::is_ascii_digit).collect();
    Ok(Some(digits.parse::<u64>().unwrap_or(u64::MAX)))
}
