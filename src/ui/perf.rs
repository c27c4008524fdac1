//! Performance marks the benchmark reads (`performance.getEntriesByName`): a measure named
//! `bo:<what>` per timed operation, the `bo:ready` mark when the first screen is usable, and
//! `bo:loaded` once every list is in memory (those the first screen does not show load after it).

fn perf() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

pub fn mark(name: &str) {
    if let Some(p) = perf() {
        let _ = p.mark(name);
    }
}

/// `bo:ready`, once: when the first screen is laid out (the shell's at its first frame, an
/// area's once its part has arrived).
pub fn mark_ready() {
    use std::sync::atomic::{AtomicBool, Ordering};
    static DONE: AtomicBool = AtomicBool::new(false);
    if !DONE.swap(true, Ordering::Relaxed) {
        mark("bo:ready");
    }
}

/// Runs `f` between two marks and records the measure `name`.
pub fn timed<R>(name: &str, f: impl FnOnce() -> R) -> R {
    let start = format!("{name}:start");
    mark(&start);
    let r = f();
    if let Some(p) = perf() {
        let _ = p.measure_with_start_mark(name, &start);
    }
    r
}
