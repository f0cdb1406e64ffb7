//! The commands of the program choice (issue 12): which programs an application can be started for. Starting one
//! is `start_case` with the program chosen; everything else follows the open application's program.

use crate::program_info::{ProgramChoice, programs};

/// The programs this Hojo knows, by their Japanese names from the program data (はじめに offers them).
#[tauri::command]
pub fn list_programs() -> Vec<ProgramChoice> {
    programs()
}
