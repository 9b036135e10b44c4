//! The installers' configuration, read with tauri's own config types (the
//! JSON schema of tauri.conf.json is generated from them), so a setting the
//! Windows build machine would reject fails here, on Linux, first.

use tauri_utils::config::{Config, NSISInstallerMode, WebviewInstallMode};
use tauri_utils::platform::Target;

/// The configuration as tauri's bundler sees it on `target`: tauri.conf.json
/// with tauri.<platform>.conf.json merged over it.
fn config(target: Target) -> Config {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (value, _) = tauri_utils::config::parse::read_from(target, dir).unwrap();
    serde_json::from_value(value).unwrap_or_else(|e| panic!("the config does not match tauri's schema: {e}"))
}

#[test]
fn the_windows_installer_needs_no_network_speaks_chinese_and_installs_per_user() {
    let c = config(Target::Windows);
    assert_eq!(c.product_name.as_deref(), Some("支部台账"), "the name in the installer and the Start menu");
    assert!(c.bundle.active);
    let w = &c.bundle.windows;
    assert!(
        matches!(w.webview_install_mode, WebviewInstallMode::OfflineInstaller { .. }),
        "WebView2 must be embedded: {:?}",
        w.webview_install_mode
    );
    let nsis = w.nsis.as_ref().expect("an NSIS section");
    assert_eq!(nsis.languages.as_deref(), Some(&["SimpChinese".to_string()][..]));
    assert!(matches!(nsis.install_mode, NSISInstallerMode::CurrentUser));
}

#[test]
fn the_deb_has_a_debian_package_name_the_chinese_menu_entry_the_icons_and_the_fonts() {
    let c = config(Target::Linux);
    // The bundler names the package after productName; Debian allows only [a-z0-9+.-].
    let package = c.product_name.clone().unwrap_or_default();
    assert!(
        package.len() >= 2
            && package.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || "+.-".contains(ch)),
        "{package:?} is not a Debian package name"
    );
    assert_eq!(c.main_binary_name.as_deref(), Some("zhibu"));
    assert_eq!(c.version.as_deref(), Some(env!("CARGO_PKG_VERSION")), "one version number everywhere");
    let deb = &c.bundle.linux.deb;
    assert!(
        deb.depends.clone().unwrap_or_default().contains(&"fonts-noto-cjk".to_string()),
        "Chinese renders as boxes without it"
    );
    let template = deb.desktop_template.as_ref().expect("a desktop entry template");
    let desktop = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(template)).unwrap();
    assert!(desktop.lines().any(|l| l == "Name=支部台账"), "the menu shows the Chinese name");
    for icon in &c.bundle.icon {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(icon);
        assert!(path.exists(), "{icon}");
    }
    assert!(c.bundle.icon.iter().any(|i| i.ends_with(".ico")), "the Windows icon");
}

#[test]
fn one_version_number_in_the_crate_the_bundle_the_ui_and_the_changelog() {
    let ui: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/package.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(ui["version"], env!("CARGO_PKG_VERSION"));
    let changelog = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../CHANGELOG.md")).unwrap();
    assert!(changelog.contains(&format!("## {} —", env!("CARGO_PKG_VERSION"))), "CHANGELOG.md names this version");
}
