// The app's commands, in one list that build.rs turns into permissions (allow-<name>) and the capability grants;
// a command missing here is refused by the ACL, and the tauri::test suite calls every one.
pub const COMMANDS: &[&str] = &[
    "get_snapshot",
    "program_info",
    "start_case",
    "set_hospital_field",
    "add_filing",
    "remove_filing",
    "add_trainee",
    "remove_trainee",
    "set_trainee_field",
    "set_salary_month",
    "set_salary_monthly",
    "set_prior_item",
    "export_case_json",
    "import_case_json",
    "open_folder",
    "export_workbook",
    "meibo_open",
    "meibo_search",
    "meibo_apply",
];
