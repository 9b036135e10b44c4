//! 保存为PDF: the page in the window, printed by the webview itself into a
//! PDF file, so the file is laid out exactly as the paper from 打印 (the
//! same print CSS, A4, the fonts the page shows, embedded by cairo).
//!
//! Linux (WebKitGTK): a `WebKitPrintOperation` with GTK's "print to file"
//! printer and an output URI prints without a dialog. Windows (WebView2)
//! would need `PrintToPdf` through COM calls the crate's `forbid(unsafe)`
//! does not allow here; there the print dialog's built-in "Microsoft Print
//! to PDF" printer is the route, and this says so. See ARCHITECTURE.md
//! ("PDF").

use std::path::Path;
use tauri::{Runtime, WebviewWindow};

/// How long a print into a file may take before it is given up on (a
/// meeting record with photos of a long year is the largest page).
const PRINT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(120);

/// Prints what `window` shows into `dest` (a PDF file) on A4, upright or
/// on its side, waiting until the file is written. The error is a plain
/// Chinese sentence for the page.
pub fn print_window_to_pdf<R: Runtime>(window: &WebviewWindow<R>, dest: &Path, landscape: bool) -> Result<(), String> {
    imp::print(window, dest, landscape)
}

#[cfg(target_os = "linux")]
mod imp {
    use super::PRINT_TIMEOUT;
    use std::cell::RefCell;
    use std::path::Path;
    use tauri::{Runtime, WebviewWindow};

    /// GTK's file printer, by the name its own backend gives it: the name
    /// is translated ("打印到文件" in a Chinese session), and WebKit looks
    /// the printer up by that name in the web process, which runs in the
    /// same locale.
    /// The margin of every print page (`@page` in ui/src/styles.css).
    const PAGE_MARGIN_MM: f64 = 18.0;

    fn file_printer_name() -> String {
        gtk::glib::dgettext(Some("gtk30"), "Print to File").to_string()
    }

    pub fn print<R: Runtime>(window: &WebviewWindow<R>, dest: &Path, landscape: bool) -> Result<(), String> {
        let uri = tauri::Url::from_file_path(dest).map_err(|_| format!("PDF 的保存位置不对：{}", dest.display()))?;
        let (tx, rx) = std::sync::mpsc::channel::<Result<(), String>>();
        window
            .with_webview(move |webview| {
                use webkit2gtk::{PrintOperation, PrintOperationExt};
                let settings = gtk::PrintSettings::new();
                settings.set_printer(&file_printer_name());
                settings.set(gtk::PRINT_SETTINGS_OUTPUT_FILE_FORMAT, Some("pdf"));
                settings.set(gtk::PRINT_SETTINGS_OUTPUT_URI, Some(uri.as_str()));
                let setup = gtk::PageSetup::new();
                setup.set_paper_size(&gtk::PaperSize::new(Some(gtk::PAPER_NAME_A4)));
                setup.set_orientation(if landscape {
                    gtk::PageOrientation::Landscape
                } else {
                    gtk::PageOrientation::Portrait
                });
                // WebKit takes the margins from here, not from the page's
                // `@page { margin: 18mm }`: the same 18 mm.
                for set in [
                    gtk::PageSetup::set_top_margin,
                    gtk::PageSetup::set_bottom_margin,
                    gtk::PageSetup::set_left_margin,
                    gtk::PageSetup::set_right_margin,
                ] {
                    set(&setup, PAGE_MARGIN_MM, gtk::Unit::Mm);
                }
                let op = PrintOperation::new(&webview.inner());
                op.set_print_settings(&settings);
                op.set_page_setup(&setup);
                // "failed" comes before "finished"; the first message wins.
                let failed = tx.clone();
                op.connect_failed(move |_, e| {
                    tracing::warn!("print to pdf failed: {e}");
                    let _ = failed.send(Err("没能生成 PDF 文件。请重试；如果一直不行，请用“打印”。".into()));
                });
                // The operation keeps itself alive until it has finished.
                let keep = RefCell::new(Some(op.clone()));
                op.connect_finished(move |_| {
                    let _ = tx.send(Ok(()));
                    keep.borrow_mut().take();
                });
                op.print();
            })
            .map_err(|e| {
                tracing::warn!("print to pdf: {e}");
                "窗口没有准备好，没能生成 PDF。请稍后再试。".to_string()
            })?;
        match rx.recv_timeout(PRINT_TIMEOUT) {
            Ok(result) => result,
            Err(_) => Err("生成 PDF 的时间太长，已放弃。请重试；如果一直不行，请用“打印”。".into()),
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod imp {
    use std::path::Path;
    use tauri::{Runtime, WebviewWindow};

    pub fn print<R: Runtime>(_window: &WebviewWindow<R>, _dest: &Path, _landscape: bool) -> Result<(), String> {
        Err("这台电脑上请用“打印”，在打印机里选“Microsoft Print to PDF”，就能保存为 PDF 文件。".into())
    }
}
