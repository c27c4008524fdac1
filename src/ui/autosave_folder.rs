//! Autosave to a folder (File System Access API, Chromium browsers): the folder is chosen
//! once and kept in IndexedDB; a backup is written there after changes and daily, and the
//! oldest autosaves beyond the number kept are removed. Browsers without the API keep the
//! 14-day reminder; the section says so.
use std::cell::{Cell, RefCell};

use js_sys::{Object, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::autosave::{Job, Status, LAST_TOOK_MS};
use super::state::{local, now, use_app, with_db, AppState};
use crate::domain::autosave as rules;
use crate::domain::format::format_datetime;
use crate::storage::idb;

/// The folder's handle under this IndexedDB key.
const HANDLE_KEY: &str = "autosave-folder";
/// This browser's mark in its autosaves' names (`domain::autosave::tag`).
const TAG_KEY: &str = "autosave-tag";

thread_local! {
    static FOLDER: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    static TAG: RefCell<String> = const { RefCell::new(String::new()) };
    static WRITING: Cell<bool> = const { Cell::new(false) };
    /// A write was asked for while one ran: one more follows, with what changed since.
    static AGAIN: Cell<bool> = const { Cell::new(false) };
}

/// Whether this browser can write to a folder the user picks.
pub fn supported() -> bool {
    Reflect::get(&window(), &"showDirectoryPicker".into()).is_ok_and(|f| f.is_function())
}

pub fn run(app: AppState, job: Job) {
    leptos::task::spawn_local(async move {
        match job {
            Job::Resume => resume(app).await,
            Job::Write => write(app).await,
            Job::Allow => allow(app).await,
            Job::Forget => forget(app),
        }
    });
}

fn method(obj: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = Reflect::get(obj, &name.into())?.dyn_into()?;
    f.apply(obj, &args.iter().collect::<js_sys::Array>())
}

async fn call(obj: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    JsFuture::from(method(obj, name, args)?.dyn_into::<Promise>()?).await
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o.into()
}

fn read_write() -> JsValue {
    options(&[("mode", "readwrite".into())])
}

fn error_name(e: &JsValue) -> String {
    e.dyn_ref::<web_sys::DomException>().map(|d| d.name()).unwrap_or_default()
}

fn error_text(e: &JsValue) -> String {
    e.dyn_ref::<web_sys::DomException>().map(|d| d.message()).or_else(|| e.as_string()).unwrap_or_else(|| "?".into())
}

fn folder_name(handle: &JsValue) -> String {
    Reflect::get(handle, &"name".into()).ok().and_then(|n| n.as_string()).unwrap_or_default()
}

/// "granted", "prompt" or "denied"; a handle without the method (an older browser) is taken as granted.
async fn permission(handle: &JsValue, ask: bool) -> String {
    let name = if ask { "requestPermission" } else { "queryPermission" };
    if !Reflect::get(handle, &name.into()).is_ok_and(|f| f.is_function()) {
        return "granted".into();
    }
    call(handle, name, &[read_write()]).await.ok().and_then(|s| s.as_string()).unwrap_or_default()
}

/// This browser's mark, made the first time a folder is chosen.
async fn load_tag() -> Result<String, crate::storage::StorageError> {
    let tag = match idb::get(TAG_KEY).await?.and_then(|t| t.as_string()) {
        Some(t) => t,
        None => {
            let t = rules::tag((js_sys::Math::random() * 9_007_199_254_740_992.0) as u64);
            idb::put(TAG_KEY, &t.as_str().into()).await?;
            t
        }
    };
    TAG.with(|s| *s.borrow_mut() = tag.clone());
    Ok(tag)
}

/// Whether `handle` is still the folder autosave writes to (not stopped, not changed)
/// after an await.
fn still(handle: &JsValue) -> bool {
    FOLDER.with(|f| f.borrow().as_ref().is_some_and(|h| js_sys::Object::is(h, handle)))
}

async fn resume(app: AppState) {
    if let Err(e) = load_tag().await {
        return app.autosave.set(Status::Failed { folder: String::new(), why: e.to_string() });
    }
    match idb::get(HANDLE_KEY).await {
        Ok(Some(handle)) => {
            let folder = folder_name(&handle);
            FOLDER.with(|f| *f.borrow_mut() = Some(handle.clone()));
            if permission(&handle, false).await == "granted" {
                app.autosave.set(Status::On { folder, last_file: None });
                if rules::daily_due(app.last_backup.get_untracked(), now()) {
                    write(app).await;
                }
            } else {
                app.autosave.set(Status::Paused { folder });
            }
        }
        Ok(None) => app.autosave.set(Status::Failed { folder: String::new(), why: app.t("autosave.no_folder").into() }),
        Err(e) => app.autosave.set(Status::Failed { folder: String::new(), why: e.to_string() }),
    }
}

async fn allow(app: AppState) {
    let Some(handle) = FOLDER.with(|f| f.borrow().clone()) else { return resume(app).await };
    let folder = folder_name(&handle);
    match permission(&handle, true).await.as_str() {
        "granted" => {
            app.autosave.set(Status::On { folder, last_file: None });
            write(app).await;
        }
        // Blocked for this site: asking again does nothing until the site settings change.
        "denied" => {
            let why = app.tf("autosave.denied", &[("folder", folder.clone())]);
            app.autosave.set(Status::Failed { folder, why });
        }
        _ => app.autosave.set(Status::Paused { folder }),
    }
}

/// Lets the user pick a folder, keeps it, and writes the first backup there at once.
async fn choose(app: AppState, keep: u32) {
    let picker = Reflect::get(&window(), &"showDirectoryPicker".into()).unwrap_or(JsValue::UNDEFINED);
    let picked = match picker.dyn_ref::<js_sys::Function>() {
        Some(f) => match f.call1(&window(), &options(&[("id", "backoffice-autosave".into()), ("mode", "readwrite".into())])) {
            Ok(p) => JsFuture::from(Promise::from(p)).await,
            Err(e) => Err(e),
        },
        None => return,
    };
    let handle = match picked {
        Ok(h) => h,
        Err(e) if error_name(&e) == "AbortError" => return, // the picker was closed
        Err(e) => return app.error(app.tf("autosave.failed", &[("why", error_text(&e))])),
    };
    if let Err(e) = idb::put(HANDLE_KEY, &handle).await.and(load_tag().await.map(drop)) {
        return app.error(app.tf("autosave.failed", &[("why", e.to_string())]));
    }
    if let Err(e) = with_db(|db| db.set_autosave_keep(keep)) {
        return app.report_storage_error(&e);
    }
    FOLDER.with(|f| *f.borrow_mut() = Some(handle.clone()));
    app.autosave.set(Status::On { folder: folder_name(&handle), last_file: None });
    super::autosave::every_hour(app);
    write(app).await;
}

fn stop(app: AppState) {
    if let Err(e) = with_db(|db| db.set_autosave_keep(0)) {
        return app.report_storage_error(&e);
    }
    forget(app);
    leptos::task::spawn_local(async {
        let _ = idb::delete(HANDLE_KEY).await;
    });
}

/// "Remove all data from this browser": the attachments and the folder go too (the
/// autosaves already in the folder stay there: they are the way back).
pub fn remove_all(app: AppState) {
    forget(app);
    leptos::task::spawn_local(async move {
        let gone = idb::delete(HANDLE_KEY).await.and(idb::clear_files().await);
        if let Err(e) = gone {
            app.error(app.tf("autosave.failed", &[("why", e.to_string())]));
        }
    });
}

/// Autosave off in this tab: stopped here or in another tab, or the data removed.
pub fn forget(app: AppState) {
    FOLDER.with(|f| *f.borrow_mut() = None);
    app.autosave.set(Status::Off);
}

/// Writes a backup into the folder and removes the autosaves beyond the number kept.
async fn write(app: AppState) {
    if WRITING.with(|w| w.replace(true)) {
        AGAIN.with(|a| a.set(true));
        return;
    }
    loop {
        AGAIN.with(|a| a.set(false));
        write_once(app).await;
        if !AGAIN.with(Cell::get) || !matches!(app.autosave.get_untracked(), Status::On { .. }) {
            break;
        }
    }
    WRITING.with(|w| w.set(false));
}

async fn write_once(app: AppState) {
    let Some(handle) = FOLDER.with(|f| f.borrow().clone()) else { return };
    let folder = folder_name(&handle);
    // Read each time: another tab may have stopped autosave, a reset removed it.
    let keep = with_db(|db| Ok(db.autosave_keep())).unwrap_or(0);
    if keep == 0 {
        return forget(app);
    }
    let tag = TAG.with(|t| t.borrow().clone());
    let t = now();
    let name = rules::file_name(local(t).naive_local(), &tag);
    let started = js_sys::Date::now();
    // An encrypted store's backups are encrypted too: a folder (often synced elsewhere)
    // never holds its records in the clear.
    let key = super::lock::store_key();
    let text = super::perf::timed("bo:autosave", || super::data::file_text(&app, t, key.as_ref()));
    LAST_TOOK_MS.with(|c| c.set((js_sys::Date::now() - started) as u32));
    let saved = save_file(&handle, &name, &text, keep, &tag).await;
    if !still(&handle) {
        return; // stopped or moved to another folder meanwhile: that status stands
    }
    match saved {
        Ok(()) => {
            if with_db(|db| db.set_last_backup(t)).is_ok() {
                app.last_backup.set(Some(t));
            }
            app.autosave.set(Status::On { folder, last_file: Some(name) });
        }
        // The browser took the permission back (a reload, the user in site settings).
        Err(e) if error_name(&e) == "NotAllowedError" => app.autosave.set(Status::Paused { folder }),
        Err(e) if error_name(&e) == "NotFoundError" => {
            app.autosave.set(Status::Failed { folder, why: app.t("autosave.folder_gone").into() })
        }
        Err(e) => app.autosave.set(Status::Failed { folder, why: error_text(&e) }),
    }
}

async fn save_file(dir: &JsValue, name: &str, text: &str, keep: u32, tag: &str) -> Result<(), JsValue> {
    let file = call(dir, "getFileHandle", &[name.into(), options(&[("create", true.into())])]).await?;
    // The browser writes to a copy and puts it in place on close: a failed write leaves
    // no half file, and the older autosaves are only removed after this one is whole.
    let out = call(&file, "createWritable", &[]).await?;
    if let Err(e) = call(&out, "write", &[text.into()]).await {
        let _ = call(&out, "abort", &[]).await;
        return Err(e);
    }
    call(&out, "close", &[]).await?;
    // The backup is whole: making room may fail (another tab removed the file first, a sync
    // program holds it) without making the backup a failure; the next one tries again.
    if let Ok(all) = names(dir).await {
        for old in rules::to_remove(&all, keep, tag, name) {
            let _ = call(dir, "removeEntry", &[old.into()]).await;
        }
    }
    Ok(())
}

/// The names of the folder's entries.
async fn names(dir: &JsValue) -> Result<Vec<String>, JsValue> {
    let entries = method(dir, "keys", &[])?;
    let mut out = vec![];
    loop {
        let step = JsFuture::from(method(&entries, "next", &[])?.dyn_into::<Promise>()?).await?;
        if Reflect::get(&step, &"done".into())?.is_truthy() {
            return Ok(out);
        }
        if let Some(n) = Reflect::get(&step, &"value".into())?.as_string() {
            out.push(n);
        }
    }
}

/// The Data screen's section: choose a folder, how many backups to keep, what was written last.
#[component]
pub fn AutosaveSection() -> impl IntoView {
    let app = use_app();
    let stored = with_db(|db| Ok(db.autosave_keep())).unwrap_or(0);
    let keep_text = RwSignal::new(if stored == 0 { rules::KEEP_DEFAULT } else { stored }.to_string());
    let keep = move || rules::parse_keep(&keep_text.get());
    let on_keep = move |ev| {
        keep_text.set(event_target_value(&ev));
        if let (Some(n), Status::On { .. } | Status::Paused { .. } | Status::Failed { .. }) = (keep(), app.autosave.get_untracked()) {
            match with_db(|db| db.set_autosave_keep(n)) {
                Ok(()) => app.info(app.tf("autosave.keep_saved", &[("n", n.to_string())])),
                Err(e) => app.report_storage_error(&e),
            }
        }
    };
    let pick = move |_| {
        if let Some(n) = keep() {
            leptos::task::spawn_local(choose(app, n));
        }
    };
    let status = move || match app.autosave.get() {
        Status::Off => app.t("autosave.off").to_string(),
        Status::Starting => app.t("autosave.starting").to_string(),
        Status::On { folder, last_file } => {
            let last = match (last_file, app.last_backup.get()) {
                (Some(file), Some(t)) => app.tf("autosave.last", &[("file", file), ("when", format_datetime(local(t), app.lang.get()))]),
                _ => String::new(),
            };
            format!("{} {last}", app.tf("autosave.on", &[("folder", folder)])).trim_end().to_string()
        }
        Status::Paused { folder } => app.tf("autosave.paused", &[("folder", folder)]),
        Status::Failed { why, .. } => app.tf("autosave.failed", &[("why", why)]),
    };
    let is = move |f: fn(&Status) -> bool| move || app.autosave.with(f);
    view! {
        <section class="bo-card" aria-labelledby="autosave-h">
            <h2 id="autosave-h">{app.text("autosave.title")}</h2>
            <Show when=supported fallback=move || view! { <p id="autosave-status">{app.text("autosave.unsupported")}</p> }>
                <p>{app.text("autosave.explain")}</p>
                <p id="autosave-status" role="status">{status}</p>
                <div class="bo-field">
                    <label for="autosave-keep">{app.text("autosave.keep")}</label>
                    <input id="autosave-keep" class="bo-input-short" type="number" min="1" max=rules::KEEP_MAX inputmode="numeric"
                        aria-invalid=move || keep().is_none().then_some("true") aria-describedby=move || keep().is_none().then_some("autosave-keep-err")
                        prop:value=move || keep_text.get() on:change=on_keep />
                    <Show when=move || keep().is_none()>
                        <p class="bo-error" id="autosave-keep-err">{move || app.tf("autosave.keep_bad", &[("max", rules::KEEP_MAX.to_string())])}</p>
                    </Show>
                </div>
                <div class="bo-actions">
                    <Show when=is(|s| matches!(s, Status::On { .. }))>
                        <button type="button" class="bo-btn bo-btn-primary" on:click=move |_| run(app, Job::Write)>{app.text("autosave.now")}</button>
                    </Show>
                    <Show when=is(|s| matches!(s, Status::Paused { .. }))>
                        <button type="button" class="bo-btn bo-btn-primary" on:click=move |_| run(app, Job::Allow)>{app.text("autosave.allow")}</button>
                    </Show>
                    <Show when=is(|s| matches!(s, Status::Failed { folder, .. } if !folder.is_empty()))>
                        <button type="button" class="bo-btn bo-btn-primary" on:click=move |_| run(app, Job::Allow)>{app.text("autosave.retry")}</button>
                    </Show>
                    <button type="button" class="bo-btn" on:click=pick disabled=move || keep().is_none()>
                        {move || app.t(if app.autosave.with(|s| *s == Status::Off) { "autosave.choose" } else { "autosave.change" })}
                    </button>
                    <Show when=is(|s| *s != Status::Off)>
                        <button type="button" class="bo-btn" on:click=move |_| stop(app)>{app.text("autosave.stop")}</button>
                    </Show>
                </div>
            </Show>
        </section>
    }
}
