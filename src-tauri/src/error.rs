//! The one error shape the UI sees: `{ code, message, fields? }`. `code` is a
//! stable machine word; `message` is Chinese, fit to show a secretary;
//! `fields` holds per-field messages of a refused form.

use serde::Serialize;
use std::collections::BTreeMap;
use zhibu_core::Error;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ApiError {
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<BTreeMap<String, String>>,
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        let code = match &e {
            Error::Validation(_) => "validation",
            Error::NotFound(_) => "not_found",
            Error::NotEmpty => "not_empty",
            Error::SchemaTooNew { .. } => "schema_too_new",
            Error::DataDir { .. } => "data_dir",
            Error::Db(_) => "database",
            Error::Demo(_) => "demo_broken",
            Error::Corrupt(_) => "file_corrupt",
            Error::Workbook(_) => "workbook_failed",
            Error::Archive(_) => "archive_failed",
            Error::Cancelled => "cancelled",
            Error::Import(_) => "import_failed",
            Error::InUse => "data_in_use",
            Error::ReadOnly(_) => "read_only",
        };
        // Every error the page or the command line is given is logged (masked, see logging.rs).
        tracing::warn!("{code}：{e}");
        let fields = match &e {
            Error::Validation(f) => Some(f.0.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()),
            _ => None,
        };
        let message = match &e {
            Error::Validation(f) => format!("有 {} 处填写需要修改，请看标红的地方。没有保存任何内容。", f.0.len()),
            other => other.to_string(),
        };
        ApiError { code, message, fields }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
