//! The receipts' files of an application written into a folder, for the copies of receipts a 実績報告 sends:
//! `<氏名>_<項目>_<YYYY-MM-DD>.<ext>` (看護 花子_受講料_2024-04-10.pdf), `_2`, `_3`… for a second file of the same
//! name, characters Windows refuses in a file name replaced. Each file is written private (0600) and complete
//! or not at all (`files::write_private`); a file of that name already in the folder is replaced.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::Store;
use super::application_rows::application_summary;
use super::attachments::{extension, list};
use super::error::{Result, StoreError};
use super::ids::ApplicationId;
use crate::program::Program;

impl Store {
    /// Writes every attachment of the application's receipts into `folder`; returns the files written, in the
    /// order of [`Store::attachments`].
    pub fn export_receipt_files(&self, application: ApplicationId, folder: &Path) -> Result<Vec<PathBuf>> {
        let summary = application_summary(&self.conn, application)?;
        let program = Program::get(&summary.program).map_err(|error| StoreError::Conflict(error.to_string()))?;
        let rules = program.rules_for(summary.fiscal_year).map_err(|error| StoreError::Conflict(error.to_string()))?;
        let mut taken = HashSet::new();
        let mut written = Vec::new();
        for info in list(&self.conn, application)? {
            let stem = format!(
                "{}_{}_{}",
                info.trainee_name,
                rules.cost_label(program, info.item),
                info.paid_on.format("%Y-%m-%d")
            );
            let name = unique_name(&safe_file_name(&stem), extension(&info.file_name).as_deref(), &mut taken);
            let path = folder.join(name);
            // One file in memory at a time, once: the size limit keeps it small.
            let mut bytes = Vec::with_capacity(usize::try_from(info.size).unwrap_or(0));
            self.write_attachment(info.id, &mut bytes)?;
            crate::files::write_private(&path, &bytes, true)
                .map_err(|error| StoreError::Conflict(error.to_string()))?;
            written.push(path);
        }
        Ok(written)
    }
}

/// A file name Windows, macOS and Linux all accept: no `\ / : * ? " < > |` or control characters, no trailing dot
/// or space.
pub(crate) fn safe_file_name(stem: &str) -> String {
    let replaced: String =
        stem.chars()
            .map(|c| {
                if matches!(c, '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                    '_'
                } else {
                    c
                }
            })
            .collect();
    let trimmed = replaced.trim().trim_end_matches(['.', ' ']);
    if trimmed.is_empty() { "領収書".to_string() } else { trimmed.to_string() }
}

/// `stem.ext`, or `stem_2.ext`, `stem_3.ext`… when taken already in this export (compared as Windows does,
/// ignoring case).
fn unique_name(stem: &str, extension: Option<&str>, taken: &mut HashSet<String>) -> String {
    let with = |suffix: String| match extension {
        Some(extension) => format!("{stem}{suffix}.{extension}"),
        None => format!("{stem}{suffix}"),
    };
    let mut name = with(String::new());
    let mut count = 1;
    while !taken.insert(name.to_lowercase()) {
        count += 1;
        name = with(format!("_{count}"));
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_what_windows_refuses_and_repeats_are_numbered() {
        assert_eq!(
            safe_file_name("看護 花子_その他（対象外経費）_2024-05-12"),
            "看護 花子_その他（対象外経費）_2024-05-12"
        );
        assert_eq!(safe_file_name("a/b:c*d?\"e<f>g|h\\i\u{7}."), "a_b_c_d__e_f_g_h_i_");
        assert_eq!(safe_file_name(" . "), "領収書");
        let mut taken = HashSet::new();
        assert_eq!(unique_name("花子_受講料_2024-04-10", Some("pdf"), &mut taken), "花子_受講料_2024-04-10.pdf");
        assert_eq!(unique_name("花子_受講料_2024-04-10", Some("pdf"), &mut taken), "花子_受講料_2024-04-10_2.pdf");
        assert_eq!(unique_name("花子_受講料_2024-04-10", Some("PDF"), &mut taken), "花子_受講料_2024-04-10_3.PDF");
        assert_eq!(unique_name("花子_受講料_2024-04-10", Some("jpg"), &mut taken), "花子_受講料_2024-04-10.jpg");
    }
}
