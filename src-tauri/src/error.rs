//! The one error shape the UI sees: `{ code, message, fields? }`. `code` is a
//! stable machine word; `message` is Chinese, fit to show a secretary;
//! `fields` holds per-field messages of a refused form.

use serde::Serialize;
use std::collections::BTreeMap;
use zhibu_core::{Code, Error};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ApiError {
    pub code: Code,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fields: Option<BTreeMap<String, String>>,
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        let code = e.code();
        // Every error the page or the command line is given is logged (masked, see logging.rs).
        tracing::warn!("{}：{e}", code.as_str());
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

impl ApiError {
    /// A refused value that belongs to no form field (the amount preview's
    /// base, `zhibu dues amount`).
    pub fn validation(message: String) -> Self {
        ApiError { code: Code::Validation, message, fields: None }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
