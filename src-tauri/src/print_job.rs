//! The command line's PDFs (`zhibu notice … --out X.pdf`): the same print
//! page the window shows, in a hidden window, printed by the webview into
//! the file (`pdf.rs`), so a PDF from the command line is the PDF from
//! 保存为PDF. Needs a desktop session (an X or Wayland display), as every
//! webview does; `--help` says so.

use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use zhibu_core::notices::Notice;
use zhibu_core::workbook::{Exported, SheetPaper};

/// What the hidden window prints: the page, with what it shows.
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PrintPage {
    /// A 公示, as `notice_preview` gives it (masked by the core).
    Notice { notice: Box<Notice> },
    /// A 台账 sheet, as the workbook holds it (`workbook --sheet … --out X.pdf`).
    Sheet { sheet: Box<SheetPaper> },
}

impl PrintPage {
    /// Whether the page prints on A4 on its side.
    pub fn landscape(&self) -> bool {
        match self {
            PrintPage::Notice { .. } => false,
            PrintPage::Sheet { sheet } => sheet.landscape,
        }
    }
}

/// The job of a hidden print window (none in the secretary's window).
#[derive(Clone, Default)]
pub struct PrintJob {
    page: Option<(PrintPage, PathBuf)>,
    result: Arc<Mutex<Option<Result<Exported, String>>>>,
}

impl PrintJob {
    /// The page to print, for the hidden window.
    pub fn page(&self) -> Option<PrintPage> {
        self.page.as_ref().map(|(page, _)| page.clone())
    }

    /// Where the page is printed to.
    pub fn out(&self) -> Option<&Path> {
        self.page.as_ref().map(|(_, out)| out.as_path())
    }

    /// Notes how the print went; the first result counts.
    pub fn finish(&self, result: Result<Exported, String>) {
        let mut slot = self.result.lock().unwrap_or_else(|p| p.into_inner());
        if slot.is_none() {
            *slot = Some(result);
        }
    }

    fn result(&self) -> Option<Result<Exported, String>> {
        self.result.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

/// How long the hidden window may take to load and print.
const JOB_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(90);

/// Prints `page` into `out` from a hidden window and returns what was
/// written, or a Chinese sentence saying why not.
pub fn print_to_file(page: PrintPage, out: &Path) -> Result<Exported, String> {
    if cfg!(target_os = "linux")
        && std::env::var_os("DISPLAY").is_none()
        && std::env::var_os("WAYLAND_DISPLAY").is_none()
    {
        return Err("生成 PDF 要用到桌面（图形界面），这里没有。请在桌面上的终端里运行，或导出 .xlsx。".into());
    }
    let out = absolute(out)?;
    let job = PrintJob { page: Some((page, out)), ..Default::default() };
    let watched = job.clone();
    let app = crate::print_job_app(job.clone(), move |app| {
        // Labelled "main": the one capability (the app's own commands) applies.
        tauri::WebviewWindowBuilder::new(app, "main", tauri::WebviewUrl::App("index.html#/print-job".into()))
            .title("支部台账 · 生成 PDF")
            .visible(false)
            .inner_size(1000.0, 1200.0)
            .build()?;
        let handle = app.handle().clone();
        std::thread::spawn(move || {
            std::thread::sleep(JOB_TIMEOUT);
            watched.finish(Err("生成 PDF 的时间太长，已放弃。".into()));
            handle.exit(1);
        });
        Ok(())
    })
    .map_err(|e| format!("无法打开生成 PDF 的窗口：{e}"))?;
    app.run_return(|_, _| {});
    job.result().unwrap_or_else(|| Err("生成 PDF 的窗口关掉了，没有生成文件。".into()))
}

/// The output path made absolute (the webview prints to a file URI).
fn absolute(out: &Path) -> Result<PathBuf, String> {
    let dir = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = out.file_name().ok_or_else(|| format!("{} 不是文件名。请写成 X.pdf。", out.display()))?;
    let dir = dir.canonicalize().map_err(|_| format!("找不到文件夹 {}。请先建好它。", dir.display()))?;
    Ok(dir.join(name))
}
