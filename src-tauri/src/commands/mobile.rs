//! 流动党员: who is away, one member's periods and contacts, 登记外出 /
//! 返回 / 记录联系 and dues paid where they live (core: mobile/).

use crate::dto::MobileChoices;
use crate::error::ApiResult;
use crate::state::AppState;
use tauri::State;
use zhibu_core::mobile::{
    Contact, ContactForm, DuesElsewhere, ElsewhereForm, MemberMobile, MobileList, Period, PeriodForm,
};

#[tauri::command(async)]
pub fn mobile_choices() -> MobileChoices {
    MobileChoices::get()
}

#[tauri::command(async)]
pub fn mobile_list(state: State<'_, AppState>) -> ApiResult<MobileList> {
    Ok(state.store()?.mobile_list(state.today())?)
}

#[tauri::command(async)]
pub fn mobile_member(state: State<'_, AppState>, member_id: i64) -> ApiResult<MemberMobile> {
    Ok(state.store()?.member_mobile(member_id)?)
}

#[tauri::command(async)]
pub fn mobile_period_create(state: State<'_, AppState>, form: PeriodForm) -> ApiResult<Period> {
    Ok(state.store()?.record_mobile_period(&form, state.today())?)
}

#[tauri::command(async)]
pub fn mobile_period_update(state: State<'_, AppState>, id: i64, form: PeriodForm) -> ApiResult<Period> {
    Ok(state.store()?.update_mobile_period(id, &form, state.today())?)
}

#[tauri::command(async)]
pub fn mobile_period_delete(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    Ok(state.store()?.delete_mobile_period(id, state.today())?)
}

#[tauri::command(async)]
pub fn mobile_back(state: State<'_, AppState>, member_id: i64, back_on: String) -> ApiResult<Period> {
    Ok(state.store()?.record_mobile_back(member_id, &back_on, state.today())?)
}

#[tauri::command(async)]
pub fn mobile_contact_create(state: State<'_, AppState>, form: ContactForm) -> ApiResult<Contact> {
    Ok(state.store()?.record_mobile_contact(&form, state.today())?)
}

#[tauri::command(async)]
pub fn mobile_dues_elsewhere(state: State<'_, AppState>, form: ElsewhereForm) -> ApiResult<DuesElsewhere> {
    Ok(state.store()?.record_dues_elsewhere(&form, state.today())?)
}
