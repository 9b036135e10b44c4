// The app's own commands, named once. Every other place that must know
// them takes them from the list here:
//
// - build.rs `include!`s this file: `COMMANDS` becomes the app permission
//   manifest (a command not in it is denied to every window);
// - lib.rs `include!`s it too: the crate has the same `COMMANDS`, and
//   `setup_builder` hands the list to `tauri::generate_handler!` (see
//   `invoke_handler!` there), so a command named here is registered;
// - capabilities/main-window.json grants `allow-<name>` for each, in this
//   order, and ui/src calls only these names: tests/commands.rs checks both
//   against `COMMANDS` (and that every name answers the main window).
//
// Each entry is `<module>::<name>`: the command `name` in
// `src/commands/<module>.rs`. `generate_handler!` needs a path that reaches
// the hidden `__cmd__<name>` macro `#[tauri::command]` puts beside the
// function, so the module is part of the path (a glob `pub use` of the
// module would carry that macro too; the path keeps one home per command).
//
// Add a command: write it in its module, add its line here and its
// `allow-…` line to the capability, and call it from ui/src/api.ts.
//
// Included by build.rs, so this file holds nothing but macros and a const
// (no crate paths, no `use`).

/// Hands every command, as `module::name`, to `$callback!`.
macro_rules! for_each_command {
    ($callback:ident) => {
        $callback! {
            branch::app_info,
            branch::choices,
            branch::branch_get,
            branch::branch_save,
            branch::demo_load,
            branch::demo_clear,
            members::group_list,
            members::member_list,
            members::member_get,
            members::member_create,
            members::member_update,
            members::member_delete,
            members::member_restore,
            members::member_change_status,
            members::member_add_transfer,
            members::member_extend_probation,
            members::committee_warnings,
            members::id_reading,
            meetings::meeting_choices,
            meetings::meeting_draft,
            meetings::meeting_check,
            meetings::meeting_for_year,
            meetings::meeting_list,
            meetings::meeting_get,
            meetings::meeting_create,
            meetings::meeting_update,
            meetings::meeting_delete,
            meetings::meeting_calendar,
            meetings::meeting_attendance,
            meetings::talk_coverage,
            meetings::meeting_settings_get,
            meetings::meeting_settings_save,
            meetings::meeting_attach,
            meetings::meeting_detach,
            meetings::attachment_data,
            dues::dues_choices,
            dues::dues_settings_get,
            dues::dues_settings_save,
            dues::dues_amount_preview,
            dues::dues_assess,
            dues::dues_assess_batch_preview,
            dues::dues_assess_batch,
            dues::dues_assessments,
            dues::dues_grid,
            dues::dues_pay,
            dues::dues_collect,
            dues::dues_reverse,
            dues::dues_payments,
            dues::dues_arrears,
            dues::dues_remit,
            dues::dues_remittances,
            dues::dues_balance,
            reminders::reminders,
            reminders::reminder_settings_get,
            reminders::reminder_settings_save,
            recruits::recruit_rules,
            recruits::recruit_list,
            recruits::recruit_get,
            recruits::recruit_create,
            recruits::recruit_update,
            recruits::recruit_step_check,
            recruits::recruit_step_record,
            recruits::recruit_step_delete,
            recruits::recruit_stop,
            recruits::recruit_doc_set,
            recruits::recruit_notice_record,
            recruits::recruit_notice_end,
            recruits::recruit_reminders,
            recruits::recruit_settings_get,
            recruits::recruit_settings_save,
            recruits::recruit_plan_get,
            recruits::recruit_plan_set,
            recruits::calendar_days_get,
            recruits::calendar_days_save,
            recruits::recruit_attachments,
            recruits::recruit_attach,
            recruits::recruit_detach,
            recruits::recruit_attachment_data,
            recruits::recruit_choices,
            recruits::recruit_of_member,
            outputs::ledger_sheets,
            outputs::workbook_export,
            outputs::notice_export,
            outputs::notice_preview,
            outputs::notice_drafts,
            outputs::sheet_export,
            outputs::recruit_record_export,
            print::export_pdf,
            print::print_job,
            print::print_job_ready,
            archive::archive_targets,
            archive::archive_start,
            archive::archive_status,
            archive::archive_cancel,
            archive::archive_verify,
            archive::archive_inspect,
            archive::archive_restore,
            archive::backup_list,
            archive::backup_now,
            archive::backup_restore,
            import::import_preview,
            import::import_apply,
            import::import_template_export,
            import::roster_export,
            files::export_open,
            files::export_reveal,
            files::export_save_as,
            files::export_list,
            files::export_copy_to_stick,
            files::pick_folder,
            drafts::draft_get,
            drafts::draft_save,
            drafts::draft_clear,
            drafts::window_close,
            branch::ui_ready,
            // 党费使用
            spending::dues_spending_year,
            spending::dues_spend,
            spending::dues_spend_update,
            spending::dues_spend_delete,
            spending::dues_receive,
            spending::dues_receive_update,
            spending::dues_receive_delete,
            spending::dues_spend_attachments,
            spending::dues_spend_attach,
            spending::dues_spend_detach,
            spending::dues_spend_attachment_data,
            mobile::mobile_choices,
            mobile::mobile_list,
            mobile::mobile_member,
            mobile::mobile_period_create,
            mobile::mobile_period_update,
            mobile::mobile_period_delete,
            mobile::mobile_back,
            mobile::mobile_contact_create,
            mobile::mobile_dues_elsewhere,
            care::care_choices,
            care::care_cases,
            care::care_case_create,
            care::care_case_review,
            care::care_case_close,
            care::care_visits,
            care::care_visit_create,
            care::care_visit_delete,
            care::care_visit_list,
            care::care_settings_get,
            care::care_settings_save,
            care::care_attachments,
            care::care_attach,
            care::care_detach,
            care::care_attachment_data,
            study::study_choices,
            study::study_settings_get,
            study::study_settings_save,
            study::study_year,
            study::study_trainings,
            study::study_training_create,
            study::study_training_update,
            study::study_training_delete,
            study::study_elsewhere_list,
            study::study_elsewhere_create,
            study::study_elsewhere_delete,
            study::study_online_save,
        }
    };
}

macro_rules! command_names {
    ($($module:ident :: $name:ident,)*) => {
        /// Every command's name, as the page invokes it.
        pub const COMMANDS: &[&str] = &[$(stringify!($name)),*];
    };
}

for_each_command!(command_names);
