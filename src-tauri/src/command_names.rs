// The app's own commands: the single list that build.rs turns into the app
// permission manifest and that capabilities/main-window.json must grant,
// one `allow-…` each (a test checks both against this list).
// Included by build.rs and by the crate, so it holds nothing but the list.
pub const COMMANDS: &[&str] = &[
    "app_info",
    "choices",
    "branch_get",
    "branch_save",
    "demo_load",
    "group_list",
    "member_list",
    "member_get",
    "member_create",
    "member_update",
    "member_delete",
    "member_restore",
    "member_change_status",
    "member_add_transfer",
    "meeting_choices",
    "meeting_draft",
    "meeting_check",
    "meeting_list",
    "meeting_get",
    "meeting_create",
    "meeting_update",
    "meeting_delete",
    "meeting_calendar",
];
