//! Tauri commands: each converts its arguments, calls one core function and
//! converts the result. No SQL and no rule here. One file per feature,
//! mirroring the core's folders; the list of them is `command_names.rs`.

pub mod archive;
pub mod branch;
pub mod care;
pub mod drafts;
pub mod dues;
pub mod files;
pub mod import;
pub mod meetings;
pub mod members;
pub mod mobile;
pub mod outputs;
pub mod points;
pub mod print;
pub mod recruits;
pub mod reminders;
pub mod service;
pub mod spending;
pub mod study;

use crate::error::ApiResult;
use crate::state::AppState;

/// A file the page read and sent as base64.
fn decode_file(data: &str) -> ApiResult<Vec<u8>> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.decode(data.as_bytes()).map_err(|_| crate::error::ApiError {
        code: zhibu_core::Code::InvalidFile,
        message: "文件没有读完整，请重新选择文件".into(),
        fields: None,
    })
}

/// A stored file as a `data:` URL the page can show (CSP allows `img-src data:`).
fn data_url(name: &str, bytes: &[u8]) -> String {
    use base64::Engine;
    let mime = zhibu_core::meetings::attachments::mime_of(name);
    format!("data:{mime};base64,{}", base64::engine::general_purpose::STANDARD.encode(bytes))
}

/// The folder exports go to: `导出` inside the data folder.
fn export_dir(state: &AppState) -> std::path::PathBuf {
    state.data_dir().join(zhibu_core::export::EXPORT_DIR)
}
