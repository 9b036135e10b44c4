//! 今日提醒 and its settings.

use crate::dto::ReminderSettingsForm;
use crate::error::ApiResult;
use crate::state::AppState;
use tauri::State;
use zhibu_core::reminders::{ReminderSettings, Reminders};

#[tauri::command(async)]
pub fn reminders(state: State<'_, AppState>) -> ApiResult<Reminders> {
    Ok(state.store()?.reminders(state.today())?)
}

#[tauri::command(async)]
pub fn reminder_settings_get(state: State<'_, AppState>) -> ApiResult<ReminderSettings> {
    Ok(state.store()?.reminder_settings()?)
}

#[tauri::command(async)]
pub fn reminder_settings_save(
    state: State<'_, AppState>,
    settings: ReminderSettingsForm,
) -> ApiResult<ReminderSettings> {
    let s = ReminderSettings { birthday_days: settings.birthday_days, term_years: settings.term_years };
    Ok(state.store()?.save_reminder_settings(s)?)
}
