//! Shared by the benches: `ZHIBU_BENCH_SMOKE=1` runs each at a small size
//! with two samples, so the test command can check that the harnesses still
//! build and run (`cargo test -p zhibu-core --benches`, debug) without
//! measuring anything.

/// True in a smoke run.
pub fn smoke() -> bool {
    std::env::var_os("ZHIBU_BENCH_SMOKE").is_some()
}

/// `full` when measuring, `small` in a smoke run.
pub fn size(full: usize, small: usize) -> usize {
    if smoke() {
        small
    } else {
        full
    }
}
