//! The page's TypeScript types, generated from the Rust types the commands
//! take and return (ts-rs), into `ui/src/generated/types.ts`.
//!
//! The file is committed; the test below regenerates it and fails on any
//! difference, so a changed Rust type cannot reach the page unnoticed.
//! After changing a type: `ZHIBU_BLESS=1 cargo test -p zhibu --lib bindings`
//! rewrites the file; `npm run build` in ui/ then shows every page that must
//! follow.

use std::any::TypeId;
use std::collections::{BTreeMap, HashSet};

use ts_rs::{Config, TypeVisitor, TS};

/// Relative to the app crate (`src-tauri/`).
pub const TYPES_TS: &str = "../ui/src/generated/types.ts";

/// Every type a command takes or returns, by its Rust name; the types they
/// hold are found from these. A type the page needs that is missing here
/// fails the UI's type check (`vue-tsc`), not silently.
macro_rules! roots {
    ($v:expr; $($t:ty),+ $(,)?) => { $( $v.visit::<$t>(); )+ };
}

fn visit_roots(v: &mut Collect) {
    use crate::commands::care::CareChoices;
    use crate::dto::*;
    use crate::error::ApiError;
    use crate::print_job::PrintPage;
    use zhibu_core::archive::{ArchiveSummary, RestoreDone, Target, VerifyReport};
    use zhibu_core::branch::{Branch, BranchForm};
    use zhibu_core::care::{
        CareCase, CareCaseForm, CareSettings, CareSetup, CareVisit, CaseActionForm, VisitForm, VisitList, VisitSaved,
        VisitYear,
    };
    use zhibu_core::demo::{DemoCleared, DemoLoaded};
    use zhibu_core::drafts::Draft;
    use zhibu_core::dues::{
        Amount, Arrears, Assessment, AssessmentForm, BatchAssessPreview, DuesBalance, DuesGrid, DuesSettings,
        DuesSettingsForm, Payment, PaymentForm, Remittance, RemittanceForm,
    };
    use zhibu_core::export::ExportFile;
    use zhibu_core::import::{ImportPreview, ImportRequest};
    use zhibu_core::meetings::{
        attachments::Attachment, MeetingCalendar, MeetingForm, MeetingSettings, MeetingSettingsForm, MemberAttendance,
        QuorumReport, TalkCoverage,
    };
    use zhibu_core::members::{ExtensionForm, Group, MemberForm, MemberQuery, StatusForm, TransferForm};
    use zhibu_core::mobile::{
        Contact, ContactForm, DuesElsewhere, ElsewhereForm, MemberMobile, MobileList, Period, PeriodForm,
    };
    use zhibu_core::notices::{Notice, NoticeRequest, NoticeTerms};
    use zhibu_core::recruits::{
        CalendarDay, Finding, PlanCount, RecruitAttachment, RecruitFile, RecruitForm, RecruitReminder, RecruitSettings,
        RecruitSetup, RecruitSummary, RuleSet, StepForm, StepSaved,
    };
    use zhibu_core::reminders::{ReminderSettings, Reminders};
    use zhibu_core::stick::CopyReport;
    use zhibu_core::workbook::Exported;
    roots!(v;
        ApiError, AppInfo, Choices, Branch, BranchForm, DemoLoaded, DemoCleared,
        Group, MemberQuery, MemberRow, MemberDetail, MemberForm, StatusForm, TransferForm, ExtensionForm, IdReading,
        MeetingChoices, MeetingForm, MeetingDraft, ForYear, QuorumReport, MeetingQuery, MeetingRow, MeetingDetail,
        MeetingCalendar, MemberAttendance, TalkCoverage, MeetingSettings, MeetingSettingsForm, Attachment,
        DuesChoices, DuesSettings, DuesSettingsForm, Amount, AssessmentForm, AssessResult, Assessment, BatchAssessPreview, DuesGrid,
        PaymentForm, Payment, Arrears, RemittanceForm, Remittance, DuesBalance,
        Reminders, ReminderSettings, ReminderSettingsForm,
        Exported, ExportFile, CopyReport, NoticeRequest, NoticeTerms, Notice, NoticeDrafts, PrintPage,
        Target, ArchiveStatus, VerifyReport, ArchiveSummary, RestoreDone, BackupList,
        ImportRequest, ImportPreview, Draft,
        RuleSet, RecruitSummary, RecruitFile, RecruitForm, StepForm, StepSaved, Finding, RecruitReminder,
        RecruitSettings, RecruitSetup, PlanCount, CalendarDay, RecruitAttachment, RecruitChoices,
        // 流动党员
        MobileChoices, MobileList, MemberMobile, PeriodForm, Period, ContactForm, Contact, ElsewhereForm, DuesElsewhere,
        CareChoices, CareCase, CareCaseForm, CaseActionForm, CareVisit, VisitForm, VisitSaved, VisitList,
        CareSettings, VisitYear, CareSetup,
    );
    // 党费使用
    use zhibu_core::dues::{Received, ReceivedForm, SpendingForm, SpendingSaved, SpendingYear};
    roots!(v; SpendingYear, SpendingForm, SpendingSaved, ReceivedForm, Received,);
    // 志愿服务
    use zhibu_core::service::{Service, ServiceForm, ServiceYear};
    roots!(v; ServiceYear, Service, ServiceForm,);
    // 积分
    use zhibu_core::points::{PointsEntry, PointsEntryForm, PointsRules, PointsYear};
    roots!(v; PointsRules, PointsYear, PointsEntry, PointsEntryForm,);
    // 学时
    use crate::commands::study::StudyChoices;
    use zhibu_core::study::{
        OnlineForm, StudyElsewhere, StudyElsewhereForm, StudySettings, StudySetup, StudyYear, Training, TrainingForm,
    };
    roots!(v; StudyChoices, StudySetup, StudySettings, StudyYear, Training, TrainingForm, StudyElsewhere,
        StudyElsewhereForm, OnlineForm,);
}

/// Declarations by TypeScript name, each once.
struct Collect {
    cfg: Config,
    seen: HashSet<TypeId>,
    decls: BTreeMap<String, String>,
}

impl TypeVisitor for Collect {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        if T::output_path().is_some() {
            let name = T::ident(&self.cfg);
            let doc = T::docs().map(|d| jsdoc(&d)).unwrap_or_default();
            let decl = format!("{doc}export {}\n", one_field_a_line(&T::decl(&self.cfg)));
            if let Some(old) = self.decls.insert(name.clone(), decl.clone()) {
                assert_eq!(old, decl, "two Rust types are both called {name} in TypeScript: rename one");
            }
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

/// ts-rs gives a type's docs as a finished `/** … */` block or as bare text,
/// depending on the type; the file holds blocks.
fn jsdoc(d: &str) -> String {
    let d = d.trim_end();
    if d.trim_start().starts_with("/**") {
        format!("{d}\n")
    } else {
        let lines: Vec<String> = d.lines().map(|l| format!(" * {}", l.trim()).trim_end().to_owned()).collect();
        format!("/**\n{}\n */\n", lines.join("\n"))
    }
}

/// `type X = { a: A, /** doc */ b: B, };` as one field a line, so the
/// committed file reads (and diffs) like hand-written TypeScript. Other
/// declarations (unions, intersections) are left as ts-rs gives them.
fn one_field_a_line(decl: &str) -> String {
    let Some(open) = decl.find("= {") else { return decl.to_owned() };
    let body_start = open + 3;
    let Some(body) = decl[body_start..].strip_suffix("};") else { return decl.to_owned() };
    let mut fields = Vec::new();
    let (mut depth, mut start, mut in_str, mut in_comment) = (0i32, 0usize, false, false);
    let bytes = body.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            _ if in_comment => in_comment = !(b == b'/' && i > 0 && bytes[i - 1] == b'*'),
            b'/' if bytes.get(i + 1) == Some(&b'*') => in_comment = true,
            b'"' => in_str = !in_str,
            _ if in_str => {}
            b'{' | b'[' | b'(' | b'<' => depth += 1,
            b'}' | b']' | b')' | b'>' => {
                depth -= 1;
                if depth < 0 {
                    return decl.to_owned(); // `{ … } | { … }`: not one object
                }
            }
            b',' if depth == 0 => {
                fields.push(body[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    if depth != 0 || !body[start..].trim().is_empty() {
        return decl.to_owned();
    }
    let mut out = format!("{}= {{\n", &decl[..open]);
    for f in fields.iter().filter(|f| !f.is_empty()) {
        for line in f.lines() {
            let line = line.trim_end();
            out.push_str("  ");
            out.push_str(line);
            out.push('\n');
        }
        out.pop();
        out.push_str(",\n");
    }
    out.push_str("};");
    out
}

/// The whole generated file.
pub fn typescript() -> String {
    // i64 ids and 分 amounts are far below 2^53: numbers on the page.
    let mut v = Collect { cfg: Config::new().with_large_int("number"), seen: HashSet::new(), decls: BTreeMap::new() };
    visit_roots(&mut v);
    let mut out = String::from(
        "// Generated from the Rust types by `ZHIBU_BLESS=1 cargo test -p zhibu --lib bindings`: do not edit.\n\
         // Each type is the one a command takes or returns, by its Rust name (src-tauri/src/bindings.rs).\n",
    );
    for decl in v.decls.values() {
        out.push('\n');
        out.push_str(decl);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn bindings_are_the_committed_file() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(TYPES_TS);
        let now = typescript();
        if std::env::var_os("ZHIBU_BLESS").is_some() {
            std::fs::write(&path, &now).unwrap();
            return;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == now,
            "{} is not what the Rust types give: run `ZHIBU_BLESS=1 cargo test -p zhibu --lib bindings`, then `npm run build` in ui/",
            path.display()
        );
    }

    #[test]
    fn a_form_and_its_record_keep_their_rust_names() {
        let ts = typescript();
        for name in ["MemberForm", "MeetingForm", "Exported", "ApiError", "Code"] {
            assert!(ts.contains(&format!("export type {name} = ")), "{name} missing");
        }
        // One declaration per name.
        let decls = ts.matches("export type Exported = ").count();
        assert_eq!(decls, 1);
    }
}
