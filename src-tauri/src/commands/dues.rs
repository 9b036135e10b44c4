//! 党费: settings, assessments, the year's grid, payments, arrears,
//! remittances and the balance.

use crate::dto::{AssessResult, DuesCategoryChoice, DuesChoices, RoundingChoice};
use crate::error::ApiResult;
use crate::state::AppState;
use tauri::State;
use zhibu_core::dues::{
    amount_from_text, Amount, Arrears, Assessment, AssessmentForm, BatchAssessPreview, DuesBalance, DuesCategory,
    DuesGrid, DuesSettings, DuesSettingsForm, Payment, PaymentForm, Remittance, RemittanceForm, ROUNDINGS,
};

#[tauri::command(async)]
pub fn dues_choices() -> DuesChoices {
    DuesChoices {
        categories: DuesCategory::ALL
            .iter()
            .map(|c| DuesCategoryChoice {
                value: c.code(),
                label: c.label(),
                needs_base: c.uses_base(),
                needs_fixed: *c == DuesCategory::Hardship,
            })
            .collect(),
        roundings: ROUNDINGS.iter().map(|(fen, label)| RoundingChoice { value: fen.to_string(), label }).collect(),
    }
}

#[tauri::command(async)]
pub fn dues_settings_get(state: State<'_, AppState>) -> ApiResult<DuesSettings> {
    Ok(state.store()?.dues_settings()?)
}

#[tauri::command(async)]
pub fn dues_settings_save(state: State<'_, AppState>, settings: DuesSettingsForm) -> ApiResult<DuesSettings> {
    Ok(state.store()?.save_dues_settings(&settings)?)
}

/// The amount a category and base would give, for the form as it is typed.
#[tauri::command(async)]
pub fn dues_amount_preview(
    state: State<'_, AppState>,
    category: String,
    base: String,
    fixed: Option<String>,
) -> ApiResult<Amount> {
    let settings = state.store()?.dues_settings()?;
    let fixed = fixed.unwrap_or_default();
    amount_from_text(&category, &base, &fixed, settings.farmer_fen, settings.rounding_fen)
        .map_err(crate::error::ApiError::validation)
}

#[tauri::command(async)]
pub fn dues_assess(state: State<'_, AppState>, input: AssessmentForm) -> ApiResult<AssessResult> {
    let (assessment, warnings) = state.store()?.assess_dues(&input)?;
    Ok(AssessResult { assessment, warnings })
}

/// 批量核定, before writing: who would be assessed, at what amount, who is
/// skipped and why (an empty `from_month`: the core's default month).
#[tauri::command(async, rename_all = "snake_case")]
pub fn dues_assess_batch_preview(
    state: State<'_, AppState>,
    category: String,
    from_month: String,
) -> ApiResult<BatchAssessPreview> {
    Ok(state.store()?.preview_batch_assessment(&category, &from_month, state.today())?)
}

/// 批量核定: all the chosen members or none; answers how many were assessed.
#[tauri::command(async, rename_all = "snake_case")]
pub fn dues_assess_batch(
    state: State<'_, AppState>,
    category: String,
    from_month: String,
    member_ids: Vec<i64>,
) -> ApiResult<usize> {
    Ok(state.store()?.assess_batch(&category, &from_month, &member_ids, state.today())?)
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn dues_assessments(state: State<'_, AppState>, member_id: i64) -> ApiResult<Vec<Assessment>> {
    Ok(state.store()?.dues_assessments(member_id)?)
}

/// The year's 收缴表; with `member_id`, only that member's row (their dues page).
#[tauri::command(async, rename_all = "snake_case")]
pub fn dues_grid(state: State<'_, AppState>, year: i32, member_id: Option<i64>) -> ApiResult<DuesGrid> {
    Ok(state.store()?.dues_grid_of(year, state.today(), member_id)?)
}

#[tauri::command(async)]
pub fn dues_pay(state: State<'_, AppState>, input: PaymentForm) -> ApiResult<Payment> {
    Ok(state.store()?.record_payment(&input, state.today())?)
}

#[tauri::command(async, rename_all = "snake_case")]
pub fn dues_collect(
    state: State<'_, AppState>,
    member_ids: Vec<i64>,
    month: String,
    paid_on: String,
    collector: String,
) -> ApiResult<Vec<Payment>> {
    Ok(state.store()?.collect_month(&member_ids, &month, &paid_on, &collector, state.today())?)
}

#[tauri::command(async)]
pub fn dues_reverse(state: State<'_, AppState>, id: i64, reason: String) -> ApiResult<Payment> {
    Ok(state.store()?.reverse_payment(id, &reason, state.today())?)
}

/// The year's payments; with `member_id`, only that member's.
#[tauri::command(async, rename_all = "snake_case")]
pub fn dues_payments(state: State<'_, AppState>, year: i32, member_id: Option<i64>) -> ApiResult<Vec<Payment>> {
    Ok(state.store()?.dues_payments_of(year, member_id)?)
}

#[tauri::command(async)]
pub fn dues_arrears(state: State<'_, AppState>) -> ApiResult<Vec<Arrears>> {
    Ok(state.store()?.dues_arrears(state.today())?)
}

#[tauri::command(async)]
pub fn dues_remit(state: State<'_, AppState>, input: RemittanceForm) -> ApiResult<Remittance> {
    Ok(state.store()?.record_remittance(&input, state.today())?)
}

#[tauri::command(async)]
pub fn dues_remittances(state: State<'_, AppState>, year: Option<i32>) -> ApiResult<Vec<Remittance>> {
    Ok(state.store()?.remittances(year)?)
}

#[tauri::command(async)]
pub fn dues_balance(state: State<'_, AppState>) -> ApiResult<DuesBalance> {
    Ok(state.store()?.dues_balance()?)
}
