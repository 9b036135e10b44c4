//! The window's size: fitted to the screen it opens on, and the size the
//! secretary left it at remembered (issue 17, item 3). On a 1024×768 screen
//! (or 1366×768 less a taskbar) the window opens maximised, so the page's
//! right-hand buttons are never off-screen. Kept in the data folder
//! (`窗口.json`), beside what it is the window of.

use serde::{Deserialize, Serialize};
use std::path::Path;

/// The size the app is laid out for.
pub const DESIGN: (f64, f64) = (1366.0, 768.0);
/// The smallest window the pages still work in.
pub const MIN: (f64, f64) = (1024.0, 640.0);
/// The file, in the data folder.
pub const FILE: &str = "窗口.json";

/// What is remembered: the inner size in logical pixels, and whether the
/// window was maximised.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub width: f64,
    pub height: f64,
    pub maximized: bool,
}

/// How the window opens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    pub width: f64,
    pub height: f64,
    pub maximized: bool,
}

/// Room a window's frame and the taskbar take on a screen.
const FRAME: (f64, f64) = (16.0, 80.0);

/// How to open on a screen of `screen` logical pixels (None: not known):
/// as she left it when that still fits; maximised when the designed size
/// does not fit; else the designed size.
pub fn placement(saved: Option<Saved>, screen: Option<(f64, f64)>) -> Placement {
    let fits = |(w, h): (f64, f64)| screen.is_none_or(|(sw, sh)| w + FRAME.0 <= sw && h + FRAME.1 <= sh);
    if let Some(s) = saved.filter(|s| s.width >= MIN.0 && s.height >= MIN.1) {
        if s.maximized || !fits((s.width, s.height)) {
            return maximised(screen);
        }
        return Placement { width: s.width, height: s.height, maximized: false };
    }
    if fits(DESIGN) {
        Placement { width: DESIGN.0, height: DESIGN.1, maximized: false }
    } else {
        maximised(screen)
    }
}

/// Maximised; the size under it is the screen's, so that a desktop that
/// ignores the request (no window manager) still shows the whole page.
fn maximised(screen: Option<(f64, f64)>) -> Placement {
    let (w, h) = screen.map_or(DESIGN, |(w, h)| (w.max(MIN.0), (h - FRAME.1 / 2.0).max(MIN.1)));
    Placement { width: w, height: h, maximized: true }
}

/// The remembered size, if any was saved and can be read.
pub fn load(data_dir: &Path) -> Option<Saved> {
    serde_json::from_slice(&std::fs::read(data_dir.join(FILE)).ok()?).ok()
}

/// Remembers the size (best effort: a window size is not worth an error).
pub fn save(data_dir: &Path, saved: Saved) {
    if let Ok(text) = serde_json::to_vec(&saved) {
        let _ = std::fs::write(data_dir.join(FILE), text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: (f64, f64) = (1024.0, 768.0);
    const LAPTOP: (f64, f64) = (1366.0, 768.0);
    const WIDE: (f64, f64) = (1920.0, 1080.0);

    #[test]
    fn a_screen_too_small_for_the_design_opens_maximised() {
        for screen in [SMALL, LAPTOP] {
            let p = placement(None, Some(screen));
            assert!(p.maximized, "{screen:?}");
            assert!(p.width <= screen.0 && p.height <= screen.1, "{screen:?}: {p:?}");
        }
    }

    #[test]
    fn a_large_screen_gets_the_designed_size() {
        assert_eq!(placement(None, Some(WIDE)), Placement { width: 1366.0, height: 768.0, maximized: false });
        assert!(!placement(None, None).maximized, "an unknown screen: the design");
    }

    #[test]
    fn the_size_she_left_it_at_comes_back_when_it_fits() {
        let saved = Saved { width: 1600.0, height: 900.0, maximized: false };
        assert_eq!(placement(Some(saved), Some(WIDE)), Placement { width: 1600.0, height: 900.0, maximized: false });
        // The same file on a smaller screen (another PC after a restore): maximised to fit.
        assert!(placement(Some(saved), Some(SMALL)).maximized);
        let max = Saved { maximized: true, ..saved };
        assert!(placement(Some(max), Some(WIDE)).maximized);
        // Nonsense in the file is ignored.
        let tiny = Saved { width: 10.0, height: 10.0, maximized: false };
        assert_eq!(placement(Some(tiny), Some(WIDE)).width, 1366.0);
    }

    #[test]
    fn the_size_is_kept_in_the_data_folder() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path()), None);
        let s = Saved { width: 1280.0, height: 720.0, maximized: false };
        save(dir.path(), s);
        assert_eq!(load(dir.path()), Some(s));
        std::fs::write(dir.path().join(FILE), b"{broken").unwrap();
        assert_eq!(load(dir.path()), None);
    }
}
