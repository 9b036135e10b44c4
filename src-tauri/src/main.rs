// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    zhibu_app::mark_start();
    zhibu_app::webkit_defaults();
    std::process::exit(zhibu_app::cli::main());
}
