//! 志愿服务 and 为民办实事: the year's records and totals, a member's list,
//! create, change, delete, and the photos (docs/DOMAIN.md §9.5).

use super::decode_file;
use crate::dto::Choice;
use crate::error::ApiResult;
use crate::state::AppState;
use tauri::State;
use zhibu_core::meetings::attachments::Attachment;
use zhibu_core::service::{Service, ServiceForm, ServiceKind, ServiceYear};

/// The 类别 choices, as the core names them.
#[tauri::command(async)]
pub fn service_kinds() -> Vec<Choice> {
    ServiceKind::ALL.iter().map(|k| Choice { value: k.code(), label: k.label() }).collect()
}

/// The records of a year with the 次数, 人次 and 户, and each member's count.
#[tauri::command(async)]
pub fn service_year(state: State<'_, AppState>, year: i32) -> ApiResult<ServiceYear> {
    Ok(state.store()?.service_year(year)?)
}

/// One member's records of a year.
#[tauri::command(async, rename_all = "snake_case")]
pub fn service_member_list(state: State<'_, AppState>, member_id: i64, year: i32) -> ApiResult<Vec<Service>> {
    Ok(state.store()?.member_services(member_id, year)?)
}

#[tauri::command(async)]
pub fn service_create(state: State<'_, AppState>, form: ServiceForm) -> ApiResult<Service> {
    Ok(state.store()?.create_service(&form, state.today())?)
}

#[tauri::command(async)]
pub fn service_update(state: State<'_, AppState>, id: i64, form: ServiceForm) -> ApiResult<Service> {
    Ok(state.store()?.update_service(id, &form, state.today())?)
}

#[tauri::command(async)]
pub fn service_delete(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    Ok(state.store()?.delete_service(id)?)
}

/// A record's photos.
#[tauri::command(async)]
pub fn service_attachments(state: State<'_, AppState>, id: i64) -> ApiResult<Vec<Attachment>> {
    Ok(state.store()?.service_attachments(id)?)
}

/// Keeps a photo (base64 `data`) with the record.
#[tauri::command(async)]
pub fn service_attach(state: State<'_, AppState>, id: i64, name: String, data: String) -> ApiResult<Attachment> {
    let bytes = decode_file(&data)?;
    Ok(state.store()?.add_service_attachment(id, &name, &bytes)?)
}

#[tauri::command(async)]
pub fn service_detach(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    Ok(state.store()?.remove_service_attachment(id)?)
}

/// A photo as a `data:` URL the page can show.
#[tauri::command(async)]
pub fn service_attachment_data(state: State<'_, AppState>, id: i64) -> ApiResult<String> {
    let (a, bytes) = state.store()?.service_attachment_bytes(id)?;
    Ok(super::data_url(&a.original_name, &bytes))
}
