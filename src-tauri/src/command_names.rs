// The app's commands, in one list that build.rs turns into permissions (allow-<name>) and the capability grants;
// a command missing here is refused by the ACL, and the tauri::test suite calls every one.
pub const COMMANDS: &[&str] = &[
    "get_snapshot",
    "program_info",
    "start_case",
    "list_applications",
    "open_application",
    "edit_case",
    "export_case_json",
    "import_case_json",
    "open_folder",
    "export_workbook",
    "meibo_open",
    "meibo_search",
    "meibo_apply",
    "list_backups",
    "backup_now",
    "restore_backup",
    "export_trainee_costs",
    "preview_trainee_costs",
    "import_trainee_costs",
    "app_ready",
];
