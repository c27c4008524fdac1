//! Autosave's shell side: whether it is on, noticing this tab's saves, and the banner when
//! the browser wants its permission again. The folder itself (choosing it, asking, writing,
//! making room) is the Data screen's area's (`autosave_folder.rs`), fetched only when autosave is on.
use std::cell::Cell;

use leptos::prelude::*;

use super::state::{now, with_db, AppState};
use crate::domain::autosave;

#[derive(Clone, Debug, Default, PartialEq)]
pub enum Status {
    #[default]
    Off,
    /// On in this browser; the folder not looked at yet.
    Starting,
    On {
        folder: String,
        last_file: Option<String>,
    },
    /// The browser asks before this visit may write to the folder (after a reload, most do).
    Paused {
        folder: String,
    },
    /// The last attempt failed; `folder` is empty when the folder itself is gone.
    Failed {
        folder: String,
        why: String,
    },
}

/// What the Data screen's part asks the folder to do.
#[derive(Clone, Copy, Debug)]
pub enum Job {
    /// Look at the folder this browser chose (at start).
    Resume,
    /// Write a backup now.
    Write,
    /// Ask the browser for the folder's permission again (a click: the banner's button).
    Allow,
    /// Autosave was stopped in another tab: let go of the folder.
    Forget,
}

thread_local! {
    /// Bumped by every save: a timer still holding an older number was overtaken.
    static CHANGES: Cell<u64> = const { Cell::new(0) };
    /// A save waits for its backup (the quiet time has not passed yet).
    static PENDING: Cell<bool> = const { Cell::new(false) };
    /// How long the last autosave took, which sets the quiet time before the next.
    pub static LAST_TOOK_MS: Cell<u32> = const { Cell::new(0) };
}

/// At start, once the first screen is up: the folder is looked at when autosave is on, and
/// every hour a backup is written if the last is a day old, whatever was changed.
pub fn start(app: AppState) {
    if with_db(|db| Ok(db.autosave_keep())).unwrap_or(0) == 0 {
        return;
    }
    app.autosave.set(Status::Starting);
    super::areas::autosave(app, Job::Resume);
    every_hour(app);
}

/// Once per visit: every hour, a backup if the last is a day old (an office leaves the app
/// open for days), unless someone is typing in a form.
pub fn every_hour(app: AppState) {
    thread_local!(static STARTED: Cell<bool> = const { Cell::new(false) });
    if STARTED.with(|s| s.replace(true)) {
        return;
    }
    let hourly = move || {
        if matches!(app.autosave.get_untracked(), Status::On { .. })
            && !app.dirty.get_untracked()
            && autosave::daily_due(app.last_backup.get_untracked(), now())
        {
            super::areas::autosave(app, Job::Write);
        }
    };
    let _ = set_interval_with_handle(hourly, std::time::Duration::from_secs(3600));
    // The tab hidden (another tab, the window minimised, or being closed): a backup still
    // waiting for its quiet time is written now, or it would wait for the next visit.
    let on_hidden = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if document().hidden() && PENDING.with(Cell::get) && matches!(app.autosave.get_untracked(), Status::On { .. }) {
            CHANGES.with(|c| c.set(c.get() + 1));
            PENDING.with(|p| p.set(false));
            super::areas::autosave(app, Job::Write);
        }
    });
    let _ = document().add_event_listener_with_callback("visibilitychange", wasm_bindgen::JsCast::unchecked_ref(on_hidden.as_ref()));
    // Listens for the whole visit, as the hourly check runs for it.
    on_hidden.forget();
}

/// Another tab changed the meta key: autosave stopped there (or the data was removed) stops here.
pub fn meta_changed(app: AppState) {
    if app.autosave.get_untracked() != Status::Off && with_db(|db| Ok(db.autosave_keep())).unwrap_or(0) == 0 {
        app.autosave.set(Status::Off);
        super::areas::autosave(app, Job::Forget);
    }
}

/// This tab saved something: a backup follows once saves have been quiet for a while.
pub fn changed(app: AppState) {
    if !matches!(app.autosave.get_untracked(), Status::On { .. }) {
        return;
    }
    let n = CHANGES.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    PENDING.with(|p| p.set(true));
    let wait = autosave::wait_after_change(LAST_TOOK_MS.with(Cell::get));
    set_timeout(move || write_when_quiet(app, n), std::time::Duration::from_millis(wait.into()));
}

fn write_when_quiet(app: AppState, n: u64) {
    if CHANGES.with(Cell::get) != n {
        return; // a later save set its own timer
    }
    if app.dirty.get_untracked() {
        // Someone is typing in a form: writing a big backup now would stall their keys.
        set_timeout(move || write_when_quiet(app, n), std::time::Duration::from_millis(autosave::QUIET_MS.into()));
        return;
    }
    PENDING.with(|p| p.set(false));
    super::areas::autosave(app, Job::Write);
}

/// The banner outside the Data screen while the browser waits for permission, or the last
/// autosave failed: a backup the user counts on is not being written.
#[component]
pub fn AutosaveBanner() -> impl IntoView {
    let app = super::state::use_app();
    move || {
        match app.autosave.get() {
        Status::Paused { folder } => Some(
            view! {
                <p class="bo-banner bo-banner-info bo-no-print" id="autosave-banner">
                    {app.tf("autosave.paused", &[("folder", folder)])}" "
                    <button type="button" class="bo-btn bo-btn-small" on:click=move |_| super::areas::autosave(app, Job::Allow)>{app.text("autosave.allow")}</button>
                </p>
            }
            .into_any(),
        ),
        Status::Failed { why, .. } => Some(
            view! {
                <p class="bo-banner bo-banner-warn bo-no-print" role="alert" id="autosave-banner">
                    {app.tf("autosave.failed", &[("why", why)])}" "
                    <a class="bo-btn bo-btn-small" href=super::router::Route::Data.href()>{app.text("banner.storage_high_go")}</a>
                </p>
            }
            .into_any(),
        ),
        _ => None,
    }
    }
}
