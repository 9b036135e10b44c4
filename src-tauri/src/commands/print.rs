//! 保存为PDF on every print page, and the hidden window of the command
//! line's PDFs (`print_job.rs`). The printing itself is `pdf.rs`; naming
//! and keeping the file is the core's (`export.rs`).

use super::export_dir;
use crate::error::{ApiError, ApiResult};
use crate::print_job::{PrintJob, PrintPage};
use crate::state::AppState;
use tauri::{AppHandle, Runtime, State, WebviewWindow};
use zhibu_core::export::{keep_printed_pdf, pdf_file_name, pdf_staging};
use zhibu_core::workbook::Exported;
use zhibu_core::Code;

/// Prints the page the window shows (its print layout: A4, the print CSS)
/// into a PDF in 导出/, named by `title` and the day.
#[tauri::command(async)]
pub fn export_pdf<R: Runtime>(
    window: WebviewWindow<R>,
    state: State<'_, AppState>,
    title: String,
) -> ApiResult<Exported> {
    let target = export_dir(&state).join(pdf_file_name(&title, state.today()));
    // The print pages of the window are all upright A4 (`@page` in styles.css).
    print_into(&window, &target, false)
}

/// The page a hidden print window is to show (`None` in the secretary's window).
#[tauri::command(async)]
pub fn print_job(job: State<'_, PrintJob>) -> Option<PrintPage> {
    job.page()
}

/// The hidden window has laid its page out: print it into the job's file
/// and end the program.
#[tauri::command(async)]
pub fn print_job_ready<R: Runtime>(
    window: WebviewWindow<R>,
    app: AppHandle<R>,
    job: State<'_, PrintJob>,
) -> ApiResult<()> {
    let (Some(page), Some(out)) = (job.page(), job.out()) else {
        return Err(ApiError {
            code: Code::NotAllowed, message: "这个窗口没有要生成的 PDF。".into(), fields: None
        });
    };
    let result = print_into(&window, out, page.landscape()).map_err(|e| e.message);
    let ok = result.is_ok();
    job.finish(result);
    app.exit(if ok { 0 } else { 1 });
    Ok(())
}

fn print_into<R: Runtime>(window: &WebviewWindow<R>, target: &std::path::Path, landscape: bool) -> ApiResult<Exported> {
    let staged = pdf_staging(target)?;
    crate::pdf::print_window_to_pdf(window, &staged, landscape).map_err(|message| ApiError {
        code: Code::Io,
        message,
        fields: None,
    })?;
    Ok(keep_printed_pdf(&staged, target)?)
}
