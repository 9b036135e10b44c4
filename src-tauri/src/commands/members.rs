//! 党员档案: the roster, a member's file and its changes, the groups.

use crate::dto::{IdReading, MemberDetail, MemberRow};
use crate::error::ApiResult;
use crate::state::AppState;
use tauri::State;
use zhibu_core::members::{ExtensionForm, Group, MemberForm, MemberQuery, StatusForm, TransferForm};

#[tauri::command(async)]
pub fn group_list(state: State<'_, AppState>) -> ApiResult<Vec<Group>> {
    Ok(state.store()?.groups()?)
}

#[tauri::command(async)]
pub fn member_list(state: State<'_, AppState>, query: MemberQuery) -> ApiResult<Vec<MemberRow>> {
    let today = state.today();
    Ok(state.store()?.members(&query)?.iter().map(|m| MemberRow::new(m, today)).collect())
}

#[tauri::command(async)]
pub fn member_get(state: State<'_, AppState>, id: i64) -> ApiResult<MemberDetail> {
    Ok(MemberDetail::new(state.store()?.member_file(id)?, state.today()))
}

#[tauri::command(async)]
pub fn member_create(state: State<'_, AppState>, input: MemberForm) -> ApiResult<MemberDetail> {
    let mut store = state.store()?;
    let id = store.create_member(&input, state.today())?.id;
    Ok(MemberDetail::new(store.member_file(id)?, state.today()))
}

#[tauri::command(async)]
pub fn member_update(state: State<'_, AppState>, id: i64, input: MemberForm) -> ApiResult<MemberDetail> {
    let mut store = state.store()?;
    store.update_member(id, &input, state.today())?;
    Ok(MemberDetail::new(store.member_file(id)?, state.today()))
}

#[tauri::command(async)]
pub fn member_delete(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    Ok(state.store()?.delete_member(id)?)
}

#[tauri::command(async)]
pub fn member_restore(state: State<'_, AppState>, id: i64) -> ApiResult<MemberDetail> {
    let mut store = state.store()?;
    store.restore_member(id)?;
    Ok(MemberDetail::new(store.member_file(id)?, state.today()))
}

#[tauri::command(async)]
pub fn member_change_status(state: State<'_, AppState>, id: i64, change: StatusForm) -> ApiResult<MemberDetail> {
    let mut store = state.store()?;
    store.change_status(id, &change, state.today())?;
    Ok(MemberDetail::new(store.member_file(id)?, state.today()))
}

#[tauri::command(async)]
pub fn member_add_transfer(state: State<'_, AppState>, id: i64, transfer: TransferForm) -> ApiResult<MemberDetail> {
    let mut store = state.store()?;
    store.add_transfer(id, &transfer, state.today())?;
    Ok(MemberDetail::new(store.member_file(id)?, state.today()))
}

#[tauri::command(async)]
pub fn member_extend_probation(
    state: State<'_, AppState>,
    id: i64,
    extension: ExtensionForm,
) -> ApiResult<MemberDetail> {
    let mut store = state.store()?;
    store.extend_probation(id, &extension, state.today())?;
    Ok(MemberDetail::new(store.member_file(id)?, state.today()))
}

#[tauri::command(async)]
pub fn committee_warnings(state: State<'_, AppState>) -> ApiResult<Vec<String>> {
    Ok(state.store()?.committee_warnings()?)
}

/// What a valid 公民身份号码 says (出生日期, 性别), for the form to fill in
/// while she types; `None` for a number not (yet) valid — saving says why.
#[tauri::command(async)]
pub fn id_reading(state: State<'_, AppState>, number: String) -> Option<IdReading> {
    zhibu_core::idcard::check(&number, state.today())
        .ok()
        .map(|info| IdReading { birth_date: info.birth_date, sex: info.sex.code() })
}
