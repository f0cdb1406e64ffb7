//! Attachments: the scan or PDF of a receipt, kept in the database as a BLOB so that it is saved, backed up and
//! restored with the figures it proves, in the same transaction. A file goes in and comes out in chunks through
//! SQLite's incremental blob I/O (`zeroblob`, then writes): a 5 MB scan is never held in memory, let alone twice.
//! Listing reads the metadata only. Every attachment added or removed is in the history.

use std::io::{Read, Seek, Write};
use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::Store;
use super::claim_rows::claim_context;
use super::edits::claim_at;
use super::error::{Result, StoreError};
use super::history::{Editor, now, record};
use super::ids::{ApplicationId, AttachmentId, ClaimId, CostId};
use super::lifecycle_rows::check_editable;
use super::receipts::{claim_order, describe, receipt_entries};
use crate::limits::files::ATTACHMENT_BYTES;
use crate::program::CostItem;

/// Bytes moved at a time between a file and the database.
const CHUNK: usize = 64 << 10;

/// An attachment without its data: what the list of a 実績報告's receipts shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AttachmentInfo {
    pub id: AttachmentId,
    /// The trainee's place in the application, and the receipt's in her receipts (the case's indexes).
    pub trainee: usize,
    pub receipt: usize,
    pub trainee_name: String,
    pub item: CostItem,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub paid_on: NaiveDate,
    /// The name the file had when attached (its folder left out).
    pub file_name: String,
    /// Guessed from the file name's extension: `application/pdf`, `image/jpeg`.
    pub media_type: String,
    /// Bytes.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub size: u64,
    /// SHA-256 of the data, hex.
    pub sha256: String,
}

impl Store {
    /// Attaches a file to a trainee's receipt (indexes as in the case), reading it in chunks. A file over
    /// [`ATTACHMENT_BYTES`] is refused before anything is written.
    pub fn attach(
        &mut self,
        editor: &Editor,
        application: ApplicationId,
        trainee: usize,
        receipt: usize,
        file_name: &str,
        reader: &mut dyn Read,
    ) -> Result<AttachmentId> {
        let name = clean_file_name(file_name)?;
        // Read the file before taking the write lock: a slow disk or network share never blocks other Hojos.
        let folder = self.path.parent().filter(|folder| !folder.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let mut spooled = spool(reader, folder, &name)?;
        self.edit(|tx| {
            check_editable(tx, application)?;
            let claim = claim_at(tx, application, trainee)?;
            let (entry, value) =
                receipt_entries(tx, claim)?.into_iter().nth(receipt).ok_or_else(|| StoreError::not_found("領収書"))?;
            tx.execute(
                "INSERT INTO attachment (cost_entry_id, file_name, media_type, size, sha256, added_at, data)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, zeroblob(?4))",
                params![entry.0, name, media_type(&name), spooled.size as i64, spooled.sha256, now()],
            )?;
            let id = tx.last_insert_rowid();
            let mut blob = tx.blob_open("main", "attachment", "data", id, false)?;
            spooled.file.rewind().map_err(StoreError::io(&name, "読み込むことが"))?;
            copy(&mut spooled.file, &mut blob).map_err(StoreError::io(&name, "読み込むことが"))?;
            blob.close()?;
            let context = claim_context(tx, claim)?;
            let what = format!("{}の添付ファイル", describe(&context, &value));
            let new = format!("{name}（{}）", size_text(spooled.size));
            record(tx, editor, context.record(&what, "attachment", None, Some(new)))?;
            Ok(AttachmentId(id))
        })
    }

    /// The attachments of an application's receipts, in the order of the trainees and their receipts. The
    /// files' data is not read.
    pub fn attachments(&self, application: ApplicationId) -> Result<Vec<AttachmentInfo>> {
        list(&self.conn, application)
    }

    /// Writes an attachment's data to `out` in chunks, checking it against its SHA-256; returns its size.
    pub fn write_attachment(&self, id: AttachmentId, out: &mut dyn Write) -> Result<u64> {
        let (name, sha256) = self
            .conn
            .query_row("SELECT file_name, sha256 FROM attachment WHERE id = ?1", [id.0], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
            })
            .optional()?
            .ok_or_else(|| StoreError::not_found("添付ファイル"))?;
        let mut blob = self.conn.blob_open("main", "attachment", "data", id.0, true)?;
        let mut hashing = HashingWriter { out, hasher: Sha256::new(), size: 0 };
        copy(&mut blob, &mut hashing).map_err(StoreError::io(&name, "書き出すことが"))?;
        let size = hashing.size;
        if format!("{:x}", hashing.hasher.finalize()) != sha256 {
            return Err(StoreError::Corrupt {
                detail: format!("添付ファイル「{name}」の内容が保存したときと違います"),
            });
        }
        Ok(size)
    }

    /// Removes an attachment (its receipt stays); the history names the file.
    pub fn remove_attachment(&mut self, editor: &Editor, id: AttachmentId) -> Result<()> {
        self.edit(|tx| {
            let (entry, name, size) = tx
                .query_row("SELECT cost_entry_id, file_name, size FROM attachment WHERE id = ?1", [id.0], |row| {
                    Ok((CostId(row.get(0)?), row.get::<_, String>(1)?, row.get::<_, i64>(2)?))
                })
                .optional()?
                .ok_or_else(|| StoreError::not_found("添付ファイル"))?;
            let claim =
                tx.query_row("SELECT claim_id FROM cost_entry WHERE id = ?1", [entry.0], |row| row.get::<_, i64>(0))?;
            let claim = ClaimId(claim);
            let application = claim_context(tx, claim)?.application;
            check_editable(tx, application)?;
            let value = receipt_entries(tx, claim)?.into_iter().find(|(other, _)| *other == entry).map(|(_, r)| r);
            tx.execute("DELETE FROM attachment WHERE id = ?1", [id.0])?;
            let context = claim_context(tx, claim)?;
            let what = value.map_or("領収書の添付ファイル".to_string(), |value| {
                format!("{}の添付ファイル", describe(&context, &value))
            });
            let old = format!("{name}（{}）", size_text(size.max(0) as u64));
            record(tx, editor, context.record(&what, "attachment", Some(old), None))
        })
    }
}

/// The attachments of an application with the place of their receipts (see [`Store::attachments`]).
pub(crate) fn list(conn: &Connection, application: ApplicationId) -> Result<Vec<AttachmentInfo>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, file_name, media_type, size, sha256 FROM attachment WHERE cost_entry_id = ?1 ORDER BY id",
    )?;
    let mut found = Vec::new();
    for (trainee, claim) in claim_order(conn, application)?.into_iter().enumerate() {
        let trainee_name = claim_context(conn, claim)?.trainee_name;
        for (receipt, (entry, value)) in receipt_entries(conn, claim)?.into_iter().enumerate() {
            let rows = statement.query_map([entry.0], |row| {
                Ok((row.get::<_, i64>(0)?, row.get(1)?, row.get(2)?, row.get::<_, i64>(3)?, row.get(4)?))
            })?;
            for row in rows {
                let (id, file_name, media_type, size, sha256) = row?;
                found.push(AttachmentInfo {
                    id: AttachmentId(id),
                    trainee,
                    receipt,
                    trainee_name: trainee_name.clone(),
                    item: value.item,
                    paid_on: value.paid_on,
                    file_name,
                    media_type,
                    size: size.max(0) as u64,
                    sha256,
                });
            }
        }
    }
    Ok(found)
}

/// A file read once into an anonymous temporary file beside the database (deleted when closed), counting and
/// hashing as it goes, so its size is known before its blob is made.
struct Spooled {
    file: std::fs::File,
    size: u64,
    sha256: String,
}

fn spool(reader: &mut dyn Read, folder: &Path, name: &str) -> Result<Spooled> {
    let mut file = tempfile::tempfile_in(folder)
        .or_else(|_| tempfile::tempfile())
        .map_err(StoreError::io(folder, "一時ファイルを作ることが"))?;
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    let mut buffer = vec![0u8; CHUNK];
    loop {
        let read = match reader.read(&mut buffer) {
            Ok(0) => break,
            Ok(read) => read,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(StoreError::io(name, "読み込むことが")(error)),
        };
        size += read as u64;
        if size > ATTACHMENT_BYTES {
            return Err(StoreError::invalid(
                "file",
                "添付ファイル",
                format!(
                    "「{name}」は{}を超えています。領収書の添付は1件{}までです。解像度を下げるか、PDFを分けてから添付してください",
                    size_text(ATTACHMENT_BYTES),
                    size_text(ATTACHMENT_BYTES)
                ),
            ));
        }
        hasher.update(&buffer[..read]);
        file.write_all(&buffer[..read]).map_err(StoreError::io(folder, "一時ファイルに書くことが"))?;
    }
    Ok(Spooled { file, size, sha256: format!("{:x}", hasher.finalize()) })
}

fn copy(from: &mut dyn Read, to: &mut dyn Write) -> std::io::Result<u64> {
    let mut buffer = vec![0u8; CHUNK];
    let mut total = 0u64;
    loop {
        let read = match from.read(&mut buffer) {
            Ok(0) => return Ok(total),
            Ok(read) => read,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        to.write_all(&buffer[..read])?;
        total += read as u64;
    }
}

struct HashingWriter<'a> {
    out: &'a mut dyn Write,
    hasher: Sha256,
    size: u64,
}

impl Write for HashingWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let written = self.out.write(bytes)?;
        self.hasher.update(&bytes[..written]);
        self.size += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// The file's own name, without the folder it came from (either separator), as the list shows it.
fn clean_file_name(file_name: &str) -> Result<String> {
    let name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name).trim();
    if name.is_empty() {
        return Err(StoreError::invalid(
            "file_name",
            "ファイル名",
            "添付するファイルの名前がありません。ファイルを選び直してください",
        ));
    }
    if crate::limits::chars(name) > crate::limits::MAX_SHORT_TEXT {
        return Err(StoreError::invalid(
            "file_name",
            "ファイル名",
            format!(
                "ファイル名が長すぎます（{}文字まで）。短い名前に変えてから添付してください",
                crate::limits::MAX_SHORT_TEXT
            ),
        ));
    }
    Ok(name.to_string())
}

/// The file's extension, lower case, if it has one: `pdf`.
pub(crate) fn extension(file_name: &str) -> Option<String> {
    let (stem, extension) = file_name.rsplit_once('.')?;
    (!stem.is_empty() && !extension.is_empty() && extension.chars().all(|c| c.is_ascii_alphanumeric()))
        .then(|| extension.to_ascii_lowercase())
}

/// The media type a receipt's file usually has, by its extension.
pub(crate) fn media_type(file_name: &str) -> &'static str {
    match extension(file_name).as_deref() {
        Some("pdf") => "application/pdf",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("png") => "image/png",
        Some("heic" | "heif") => "image/heic",
        Some("tif" | "tiff") => "image/tiff",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("bmp") => "image/bmp",
        _ => "application/octet-stream",
    }
}

/// 5.0 MB, 801 KB, 12 バイト (1 KB = 1,024 bytes, as file managers count).
pub(crate) fn size_text(bytes: u64) -> String {
    match bytes {
        0..1_024 => format!("{bytes} バイト"),
        1_024..1_048_576 => format!("{} KB", bytes / 1_024),
        _ => format!("{:.1} MB", bytes as f64 / 1_048_576.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_loses_its_folder_and_gives_its_media_type() {
        assert_eq!(clean_file_name(r"C:\Users\看護\領収書 4月.PDF").unwrap(), "領収書 4月.PDF");
        assert_eq!(clean_file_name("/home/a/scan.jpeg").unwrap(), "scan.jpeg");
        assert!(clean_file_name("  ").is_err());
        assert_eq!(media_type("領収書 4月.PDF"), "application/pdf");
        assert_eq!(media_type("IMG_0001.HEIC"), "image/heic");
        assert_eq!(media_type("noextension"), "application/octet-stream");
        assert_eq!(extension(".hidden"), None);
    }

    #[test]
    fn sizes_are_said_as_people_read_them() {
        assert_eq!(size_text(12), "12 バイト");
        assert_eq!(size_text(820_400), "801 KB");
        assert_eq!(size_text(ATTACHMENT_BYTES), "20.0 MB");
    }
}
