//! Reading a workbook back (calamine). Filled in below.

use std::path::Path;

use crate::case::Case;

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ImportError(pub String);

pub fn read(_bytes: &[u8]) -> Result<Case, ImportError> {
    Err(ImportError("未実装".to_string()))
}

pub fn import(_path: &Path) -> Result<Case, ImportError> {
    Err(ImportError("未実装".to_string()))
}
