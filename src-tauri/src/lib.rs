//! Hojo's desktop shell: Tauri commands over the hojo library, the state being the open application. Everything
//! here is plain Rust tested without a window; `run` only starts the window.

pub mod commands;
pub mod data;
pub mod dialogs;
pub mod error;
pub mod export;
pub mod files;
pub mod lifecycle_commands;
pub mod meibo_lookup;
pub mod program_commands;
pub mod program_info;
pub mod receipt_commands;
pub mod snapshot;
pub mod workspace;

include!("command_names.rs");

use workspace::Workspace;

/// The app with its commands and state, on any runtime (the real one, or tauri::test's mock).
pub fn builder<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    workspace: Workspace,
    dialogs: dialogs::Dialogs,
) -> tauri::Builder<R> {
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(workspace)
        .manage(dialogs)
        .manage(meibo_lookup::MeiboState::default())
        .invoke_handler(tauri::generate_handler![
            commands::get_snapshot,
            commands::program_info,
            commands::start_case,
            commands::list_applications,
            commands::open_application,
            commands::continuing_courses,
            commands::carry_courses,
            commands::edit_case,
            commands::export_case_json,
            commands::import_case_json,
            commands::open_folder,
            commands::export_workbook,
            commands::meibo_open,
            commands::meibo_search,
            commands::meibo_apply,
            commands::list_backups,
            commands::backup_now,
            commands::restore_backup,
            commands::export_trainee_costs,
            commands::preview_trainee_costs,
            commands::import_trainee_costs,
            commands::app_ready,
            program_commands::list_programs,
            lifecycle_commands::lifecycle,
            lifecycle_commands::advance,
            lifecycle_commands::plan_against_actual,
            lifecycle_commands::figure_history,
            lifecycle_commands::lifecycle_history,
            lifecycle_commands::export_report,
            lifecycle_commands::export_change_request,
            receipt_commands::attach_receipt_file,
            receipt_commands::list_attachments,
            receipt_commands::remove_attachment,
            receipt_commands::open_attachment,
            receipt_commands::export_attachment,
            receipt_commands::export_receipt_files,
        ])
}

pub fn run() {
    // WebKitGTK's DMA-BUF renderer draws blank windows on many Linux setups (VMs, Xvfb, older GPUs); the
    // variable must be set before WebKit starts, and a user's own choice wins. Only where the window is
    // WebKitGTK: Windows has WebView2 and macOS WKWebView, which never read it.
    #[cfg(all(unix, not(target_os = "macos")))]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        // SAFETY: set at the very start of main, before any thread exists.
        unsafe { std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1") };
    }
    receipt_commands::clean_opened_attachments();
    let result = builder(tauri::Builder::default(), Workspace::open_default(), dialogs::Dialogs::from_env())
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("Hojo を起動できませんでした: {error}");
        std::process::exit(1);
    }
}
