//! Before calamine sees a file: is it an xlsx at all, and would it expand to something unreasonable?
//!
//! calamine streams the sheet (the reader in `read.rs` keeps one row at a time), but it loads the shared
//! strings whole and reserves room for the count the file declares, and quick-xml buffers each cell's text
//! whole. The zip reader refuses to inflate an entry beyond its declared size, so capping the declared sizes
//! (and the declared string count) bounds what any file can make us hold.

use std::io::{Read, Seek};

use super::MeiboError;

/// The limits, in bytes once inflated. A real 名簿 of 35,540 rows has a 34 MB sheet and 1.2 MB of strings;
/// Tokyo's, about 80,000 rows, about 80 MB.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub entry: u64,
    pub shared_strings: u64,
    pub total: u64,
    /// Strings the shared-strings table may declare (calamine reserves room for them up front).
    pub string_count: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { entry: 256 << 20, shared_strings: 64 << 20, total: 512 << 20, string_count: 4_000_000 }
    }
}

/// Tells an xlsx (a zip) from what people pick by mistake, by the first bytes.
pub fn check_kind(head: &[u8]) -> Result<(), MeiboError> {
    if head.starts_with(b"PK\x03\x04") {
        return Ok(());
    }
    let kind = if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        "古い Excel 形式（.xls）かパスワード付きのファイルです。Excel で開いて .xlsx 形式で保存し直すか、パスワードを外してください"
    } else if head.starts_with(b"%PDF") {
        "PDF ファイルです"
    } else if head.is_empty() {
        "空のファイルです"
    } else if head.starts_with(b"PK") {
        "zip ファイルですが、形式が違います"
    } else {
        "CSV やテキストなど、Excel 以外のファイルです"
    };
    Err(MeiboError::NotXlsx(kind))
}

/// Checks the zip directory: every entry's declared size, their total, and the shared-strings count.
pub fn check_archive<R: Read + Seek>(reader: R, limits: Limits) -> Result<(), MeiboError> {
    let mut archive = zip::ZipArchive::new(reader).map_err(|e| MeiboError::Damaged(e.to_string()))?;
    let too_large = |part: &str, size: u64, limit: u64| MeiboError::TooLarge {
        part: part.to_string(),
        size: size >> 20,
        limit: limit >> 20,
    };
    let mut total: u64 = 0;
    let mut shared_strings = None;
    let mut workbook = false;
    for index in 0..archive.len() {
        let entry = archive.by_index_data(index).map_err(|e| MeiboError::Damaged(e.to_string()))?;
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let size = entry.size();
        total = total.saturating_add(size);
        let lower = name.to_ascii_lowercase();
        let limit = if lower.ends_with("sharedstrings.xml") { limits.shared_strings } else { limits.entry };
        if size > limit {
            return Err(too_large(&name, size, limit));
        }
        if lower.ends_with("sharedstrings.xml") {
            shared_strings = Some((index, size));
        }
        workbook |= lower == "xl/workbook.xml";
    }
    if total > limits.total {
        return Err(too_large("全体", total, limits.total));
    }
    if !workbook {
        return Err(MeiboError::NotXlsx("zip ファイルですが、Excel のブック（xl/workbook.xml）が入っていません"));
    }
    if let Some((index, size)) = shared_strings {
        let declared = declared_string_count(&mut archive, index)?;
        // Each string takes at least 「<si/>」, 5 bytes: a larger count is a lie meant to make the reader reserve.
        if declared.is_some_and(|count| count > limits.string_count || count > size / 5 + 1) {
            return Err(MeiboError::TooLarge {
                part: format!("共有文字列の数 {}", declared.unwrap_or(0)),
                size: size >> 20,
                limit: limits.shared_strings >> 20,
            });
        }
    }
    Ok(())
}

/// The `uniqueCount` of `<sst …>` (what calamine reserves for), read from the first few kilobytes only.
fn declared_string_count<R: Read + Seek>(
    archive: &mut zip::ZipArchive<R>,
    index: usize,
) -> Result<Option<u64>, MeiboError> {
    let entry = archive.by_index(index).map_err(|e| MeiboError::Damaged(e.to_string()))?;
    let mut head = Vec::with_capacity(4096);
    entry.take(4096).read_to_end(&mut head).map_err(|e| MeiboError::Damaged(e.to_string()))?;
    let text = String::from_utf8_lossy(&head);
    let Some(start) = text.find("<sst") else { return Ok(None) };
    let tag = &text[start..text[start..].find('>').map_or(text.len(), |end| start + end)];
    const ATTRIBUTE: &str = " uniqueCount=\"";
    let Some(at) = tag.find(ATTRIBUTE) else { return Ok(None) };
    let digits: String = tag[at + ATTRIBUTE.len()..].chars().take_while(char::is_ascii_digit).collect();
    // An absurdly long number is as much a lie as a large one.
    Ok(Some(digits.parse::<u64>().unwrap_or(u64::MAX)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn things_people_pick_by_mistake_are_named() {
        assert!(check_kind(b"PK\x03\x04rest").is_ok());
        let message = |head: &[u8]| check_kind(head).unwrap_err().to_string();
        assert!(message(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0]).contains(".xls"));
        assert!(message(b"%PDF-1.7").contains("PDF"));
        assert!(message(b"\xef\xbb\xbf\xe9\xa0\x85\xe7\x95\xaa,").contains("CSV"));
        assert!(message(b"").contains("空"));
    }
}
