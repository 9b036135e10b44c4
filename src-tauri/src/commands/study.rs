//! 学时: the year per member, trainings, hours elsewhere and online, the
//! settings (docs/DOMAIN.md §9.5).

use crate::dto::Choice;
use crate::error::ApiResult;
use crate::state::AppState;
use serde::Serialize;
use tauri::State;
use zhibu_core::study::{
    OnlineForm, Organiser, StudyElsewhere, StudyElsewhereForm, StudySettings, StudySetup, StudyYear, Training,
    TrainingForm, TrainingLevel,
};

/// The 学时 page's choices, as the core names them.
#[derive(Serialize, ts_rs::TS)]
pub struct StudyChoices {
    pub organisers: Vec<Choice>,
    pub levels: Vec<Choice>,
}

#[tauri::command(async)]
pub fn study_choices() -> StudyChoices {
    StudyChoices {
        organisers: Organiser::ALL.iter().map(|o| Choice { value: o.code(), label: o.label() }).collect(),
        levels: TrainingLevel::ALL.iter().map(|l| Choice { value: l.code(), label: l.label() }).collect(),
    }
}

#[tauri::command(async)]
pub fn study_settings_get(state: State<'_, AppState>) -> ApiResult<StudySetup> {
    Ok(state.store()?.study_setup()?)
}

#[tauri::command(async)]
pub fn study_settings_save(state: State<'_, AppState>, settings: StudySettings) -> ApiResult<StudySetup> {
    let mut store = state.store()?;
    store.save_study_settings(&settings)?;
    Ok(store.study_setup()?)
}

/// Every member's hours in `year`.
#[tauri::command(async)]
pub fn study_year(state: State<'_, AppState>, year: i32) -> ApiResult<StudyYear> {
    Ok(state.store()?.study_year(year, state.today())?)
}

#[tauri::command(async)]
pub fn study_trainings(state: State<'_, AppState>, year: i32) -> ApiResult<Vec<Training>> {
    Ok(state.store()?.trainings(year)?)
}

#[tauri::command(async)]
pub fn study_training_create(state: State<'_, AppState>, form: TrainingForm) -> ApiResult<Training> {
    Ok(state.store()?.create_training(&form, state.today())?)
}

#[tauri::command(async)]
pub fn study_training_update(state: State<'_, AppState>, id: i64, form: TrainingForm) -> ApiResult<Training> {
    Ok(state.store()?.update_training(id, &form, state.today())?)
}

#[tauri::command(async)]
pub fn study_training_delete(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    Ok(state.store()?.delete_training(id)?)
}

#[tauri::command(async)]
pub fn study_elsewhere_list(state: State<'_, AppState>, year: i32) -> ApiResult<Vec<StudyElsewhere>> {
    Ok(state.store()?.study_elsewhere_list(Some(year))?)
}

#[tauri::command(async)]
pub fn study_elsewhere_create(state: State<'_, AppState>, form: StudyElsewhereForm) -> ApiResult<StudyElsewhere> {
    Ok(state.store()?.create_study_elsewhere(&form, state.today())?)
}

#[tauri::command(async)]
pub fn study_elsewhere_delete(state: State<'_, AppState>, id: i64) -> ApiResult<()> {
    Ok(state.store()?.delete_study_elsewhere(id)?)
}

#[tauri::command(async)]
pub fn study_online_save(state: State<'_, AppState>, form: OnlineForm) -> ApiResult<()> {
    Ok(state.store()?.save_study_online(&form, state.today())?)
}
