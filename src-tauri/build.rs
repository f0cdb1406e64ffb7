// Generates the permissions of the app's own commands (allow-<command>) so the capability can grant exactly them.
include!("src/command_names.rs");

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .unwrap_or_else(|error| panic!("tauri-build: {error:#}"));
}
