//! The browser app: shell, shared widgets and one folder per module.
mod app;
mod areas;
mod assets;
mod attachments;
mod attachments_part;
mod attachments_seal;
mod attendance;
mod attendance_grid;
mod audit;
mod audit_view;
mod autosave;
mod autosave_folder;
mod backup_zip;
mod bank;
mod calendar;
mod calendar_files;
mod career;
mod checklists;
mod client_events;
mod clock;
mod collection;
mod compliance;
mod contact_picker;
mod contacts;
mod csv_import;
mod dashboard;
mod data;
mod desk;
mod discipline;
mod encryption;
mod event_guests;
mod event_vendors;
mod fields;
mod files;
mod finance;
mod finance_reports;
mod holiday_file;
mod inventory;
mod invoices;
mod kpis;
mod leave;
mod letter_templates;
mod letters;
mod lock;
mod minutes;
mod occurrence;
mod orders;
mod page_parts;
mod pages;
mod passphrase;
mod payroll;
mod payroll_run;
mod people;
mod perf;
mod persist;
mod plans;
mod portfolio;
mod records;
mod recruitment;
mod reminders;
mod review;
mod router;
mod run_sheet;
mod search;
mod settings;
mod state;
mod stocktake;
mod trash;
mod unreadable;
mod venues;
mod widgets;
mod xlsx;

use wasm_bindgen::JsCast;

pub fn start() {
    // When the wasm starts running: what comes before is download and compile.
    perf::mark("bo:start");
    // A panic aborts the wasm: before it does, the message goes to the console and to the
    // crash notice of index.html (the app's own views may be what failed).
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let crash = js_sys::Reflect::get(&js_sys::global(), &"boCrash".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        if let Some(f) = crash {
            let _ = f.call1(&wasm_bindgen::JsValue::NULL, &info.to_string().into());
        }
    }));
    // The first screen's area starts downloading now; the browser compiles it while the
    // shell is drawn and the list that screen shows is decoded ([`show`], [`decode_ahead`]).
    if let Some(area) = areas::area_of(&first_route()) {
        perf::timed("bo:preload", || areas::preload(area));
    }
}

fn first_route() -> crate::route::Route {
    crate::route::Route::parse(&router::current_hash())
}

/// The second step of starting (web/index.html calls it once [`start`] has returned, so the
/// area's download could begin to compile): draws the shell and begins decoding the first
/// screen's list, whose code then only makes its records.
pub fn show() {
    perf::timed("bo:mount", || leptos::mount::mount_to_body(lock::Gate));
    if let Some(list) = first_route().list().and_then(|l| crate::registry::LISTS.iter().find(|n| **n == l)) {
        let _ = state::with_db(|db| {
            db.prefetch_begin(list);
            Ok(())
        });
    }
}

/// Decodes some more of the first screen's list (about 6 ms of work); false when done.
/// web/index.html calls it until then, giving the browser a turn between calls.
pub fn decode_ahead() -> bool {
    perf::timed("bo:prefetch", || state::with_db(|db| Ok(db.prefetch_more(16))).unwrap_or(false))
}
