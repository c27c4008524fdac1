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

/// Runs `f` between two marks and records the measure `name`.
pub fn timed<R>(name: &str, f: impl FnOnce() -> R) -> R {
    // Everything but the call is in plain functions: this one is built again for every
    // closure it is given (a list reader per record type among them).
    let start = begin(name);
    let r = f();
    end(name, &start);
    r
}

fn begin(name: &str) -> String {
    let start = format!("{name}:start");
    mark(&start);
    start
}

fn end(name: &str, start: &str) {
    if let Some(p) = perf() {
        let _ = p.measure_with_start_mark(name, start);
    }
}
