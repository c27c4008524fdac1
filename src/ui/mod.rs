//! The browser app: shell, shared widgets and one folder per module.
mod app;
mod assets;
mod calendar;
mod calendar_files;
mod clock;
mod collection;
mod contact_picker;
mod records;
mod contacts;
mod csv_import;
mod data;
mod desk;
mod fields;
mod files;
mod inventory;
mod minutes;
mod occurrence;
mod orders;
mod perf;
mod router;
mod settings;
mod state;
mod stocktake;
mod trash;
mod widgets;

pub fn start() {
    // When the wasm starts running: what comes before is download and compile.
    perf::mark("bo:start");
    // Release builds abort on a panic without a message (see scripts/setup.sh): the hook
    // only helps a debug build.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
