include!("src/command_names.rs");

fn main() {
    // Every command is declared in the app manifest: a command not listed
    // here is denied to every window, whatever the invoke handler holds.
    let attributes = tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri-build failed: {e:#}");
    }
}
