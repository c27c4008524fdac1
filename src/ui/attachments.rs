//! Attachments on a record's page: files added, listed with their size, opened, moved to the
//! trash and back, deleted for good (with their record too). The browser keeps them in
//! IndexedDB (`storage::idb`), not in localStorage: a scanned contract is bigger than the
//! whole 5 MB quota. This is a part of its own (`attachments`), fetched by a record's page.
use js_sys::Reflect;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::attachments_part::{files_changed, trashed_files};
use super::attachments_seal::{opened, stored};
use super::state::{local, use_app, AppState};
use crate::domain::attachments::{self as rules, Refusal};
use crate::domain::format::format_datetime;
use crate::storage::{idb, StorageError};

/// An attachment as listed; its file stays in IndexedDB until opened.
#[derive(Clone, Debug, PartialEq)]
pub struct Attached {
    pub id: String,
    pub owner: String,
    /// The record's title when the file was added, for the trash.
    pub title: String,
    pub name: String,
    pub size: u64,
    pub added: f64,
    pub removed: Option<f64>,
}

/// A stored attachment's text field (empty when missing).
pub(super) fn text(v: &JsValue, k: &str) -> String {
    Reflect::get(v, &k.into()).ok().and_then(|s| s.as_string()).unwrap_or_default()
}

pub(super) fn number(v: &JsValue, k: &str) -> Option<f64> {
    Reflect::get(v, &k.into()).ok().and_then(|n| n.as_f64())
}

impl Attached {
    fn from_js(v: &JsValue) -> Option<Attached> {
        Some(Attached {
            id: Some(text(v, "id")).filter(|s| !s.is_empty())?,
            owner: text(v, "owner"),
            title: text(v, "title"),
            name: text(v, "name"),
            size: number(v, "size").unwrap_or(0.0) as u64,
            added: number(v, "added").unwrap_or(0.0),
            removed: number(v, "removed"),
        })
    }
}

fn sorted(mut all: Vec<Attached>) -> Vec<Attached> {
    all.sort_by(|a, b| b.added.total_cmp(&a.added));
    all
}

/// A record's attachments, newest first, those in the trash included.
pub async fn of(owner: &str) -> Result<Vec<Attached>, StorageError> {
    Ok(sorted(idb::files(Some(owner)).await?.into_iter().filter_map(|v| Attached::from_js(&opened(v))).collect()))
}

/// Every attachment, newest first.
pub async fn all() -> Result<Vec<Attached>, StorageError> {
    Ok(sorted(idb::files(None).await?.into_iter().filter_map(|v| Attached::from_js(&opened(v))).collect()))
}

async fn add(owner: &str, title: &str, file: &web_sys::File) -> Result<(), StorageError> {
    let o = js_sys::Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = Reflect::set(&o, &k.into(), &v);
    };
    set("id", crate::domain::ids::new_id().into());
    set("owner", owner.into());
    set("title", title.into());
    set("name", file.name().into());
    set("type", file.type_().into());
    set("size", file.size().into());
    set("added", js_sys::Date::now().into());
    set("removed", JsValue::NULL);
    set("blob", file.into());
    idb::put_file(&stored(o.into()).await?).await
}

/// Moves an attachment to the trash (`Some` time) or back (`None`); false when the file is
/// no longer there (deleted for good in another tab).
pub async fn set_removed(id: &str, removed: Option<f64>) -> Result<bool, StorageError> {
    let Some(v) = idb::file(id).await? else { return Ok(false) };
    let _ = Reflect::set(&v, &"removed".into(), &removed.map_or(JsValue::NULL, JsValue::from));
    idb::put_file(&v).await.map(|()| true)
}

pub async fn purge(id: &str) -> Result<(), StorageError> {
    idb::delete_file(id).await
}

/// Deletes the files of records deleted for good.
pub async fn purge_owners(owners: &[String]) -> Result<(), StorageError> {
    for owner in owners {
        for a in of(owner).await? {
            idb::delete_file(&a.id).await?;
        }
    }
    Ok(())
}

/// After a replace, the attachments of records the new data does not hold go to the trash
/// (the Trash screen names the record each came from); how many.
pub async fn orphans_to_trash(alive: &std::collections::HashSet<String>) -> Result<usize, StorageError> {
    let mut moved = 0;
    for v in idb::files(None).await? {
        if alive.contains(&text(&v, "owner")) || number(&v, "removed").is_some() {
            continue;
        }
        let _ = Reflect::set(&v, &"removed".into(), &js_sys::Date::now().into());
        idb::put_file(&v).await?;
        moved += 1;
    }
    Ok(moved)
}

/// Files a tab shows as they are, with nothing in them that runs: anything else (a web page,
/// an SVG drawing, an office document) is downloaded, never opened under the app's address.
const SHOWN: &[&str] = &["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "text/plain"];

/// Opens a PDF, a picture or plain text in a new tab; downloads any other file.
async fn open(app: AppState, id: String) {
    let file = match idb::file(&id).await {
        Ok(Some(v)) => super::attachments_seal::file(&v).await.map(|b| (b, text(&opened(v), "name"))),
        _ => None,
    };
    let Some((blob, name)) = file else { return app.error(app.t("attach.gone").into()) };
    let shown = SHOWN.contains(&blob.type_().as_str());
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = document().create_element("a") {
        let _ = a.set_attribute("href", &url);
        if shown {
            let _ = a.set_attribute("target", "_blank");
            let _ = a.set_attribute("rel", "noopener");
        } else {
            let _ = a.set_attribute("download", &name);
        }
        if let Some(a) = a.dyn_ref::<web_sys::HtmlElement>() {
            a.click();
        }
    }
    // The tab has read it by then; the memory goes back.
    set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), std::time::Duration::from_secs(60));
}

fn refusal_text(app: &AppState, name: String, r: Refusal) -> String {
    match r {
        Refusal::Empty => app.tf("attach.empty", &[("name", name)]),
        Refusal::TooBig => {
            app.tf("attach.too_big", &[("name", name), ("max", rules::size_text(rules::MAX_BYTES, app.lang.get_untracked()))])
        }
    }
}

/// The attachments section of a record's page. `editable` is false for a record in the
/// trash or locked: its files are listed and opened, not changed.
#[component]
pub fn AttachmentsSection(owner: String, title: String, editable: bool) -> impl IntoView {
    let app = use_app();
    let items = RwSignal::new(Vec::<Attached>::new());
    let problem = RwSignal::new(None::<String>);
    let owner = StoredValue::new(owner);
    let title = StoredValue::new(title);
    // Each task reads these with `try_`: the page may be gone (left, or drawn again) by the
    // time a file is stored, and a value of a page that is gone must not be read.
    // "No attachments yet" only once they were read: not while they are being read.
    let loaded = RwSignal::new(false);
    let reload = move || {
        leptos::task::spawn_local(async move {
            let Some(owner) = owner.try_get_value() else { return };
            match of(&owner).await {
                Ok(list) => drop(items.try_set(list)),
                Err(e) => drop(problem.try_set(Some(app.tf("attach.failed", &[("why", e.to_string())])))),
            }
            loaded.try_set(true);
        })
    };
    Effect::new(move |_| {
        files_changed().track();
        reload();
    });
    let on_files = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let files: Vec<web_sys::File> = input.files().map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect()).unwrap_or_default();
        input.set_value("");
        problem.set(None);
        leptos::task::spawn_local(async move {
            let mut added = vec![];
            for f in files {
                if let Err(r) = rules::check(f.size() as u64) {
                    problem.set(Some(refusal_text(&app, f.name(), r)));
                    continue;
                }
                let (Some(owner), Some(title)) = (owner.try_get_value(), title.try_get_value()) else { return };
                match add(&owner, &title, &f).await {
                    Ok(()) => added.push(f.name()),
                    Err(e) => problem.set(Some(app.tf("attach.failed", &[("why", e.to_string())]))),
                }
            }
            if !added.is_empty() {
                app.info(app.tf("attach.added", &[("names", added.join(", ")), ("n", added.len().to_string())]));
            }
            reload();
        });
    };
    let remove = move |a: Attached, removed: Option<f64>| {
        leptos::task::spawn_local(async move {
            match set_removed(&a.id, removed).await {
                Ok(false) => app.error(app.t("attach.gone").into()),
                Ok(true) => app.info(app.tf(if removed.is_some() { "attach.trashed" } else { "attach.restored" }, &[("name", a.name)])),
                Err(e) => problem.set(Some(app.tf("attach.failed", &[("why", e.to_string())]))),
            }
            reload();
        })
    };
    let live = move || items.get().into_iter().filter(|a| a.removed.is_none()).collect::<Vec<_>>();
    let trashed = move || items.get().into_iter().filter(|a| a.removed.is_some()).collect::<Vec<_>>();
    view! {
        <section class="bo-card bo-attachments" aria-labelledby="attach-h">
            <h2 id="attach-h">{app.text("attach.title")}</h2>
            {move || problem.get().map(|p| view! { <p class="bo-banner bo-banner-error" role="alert">{p}</p> })}
            <Show when=move || !live().is_empty() fallback=move || loaded.get().then(|| view! { <p class="bo-hint" id="attach-none">{app.text("attach.none")}</p> })>
                <ul class="bo-list" id="attach-list">
                    <For each=live key=|a| a.id.clone() let:a>
                        <li>
                            <button type="button" class="bo-link" on:click={
                                let id = a.id.clone();
                                move |_| leptos::task::spawn_local(open(app, id.clone()))
                            }>{a.name.clone()}</button>
                            " · "{move || rules::size_text(a.size, app.lang.get())}
                            " · "{move || format_datetime(local(chrono::DateTime::from_timestamp_millis(a.added as i64).unwrap_or_default()), app.lang.get())}
                            {editable.then(|| {
                                let a = a.clone();
                                let label = app.tf("attach.remove_named", &[("name", a.name.clone())]);
                                view! { " "<button type="button" class="bo-btn bo-btn-small" aria-label=label on:click=move |_| remove(a.clone(), Some(js_sys::Date::now()))>{app.text("action.delete")}</button> }
                            })}
                        </li>
                    </For>
                </ul>
            </Show>
            {editable.then(|| view! {
                <div class="bo-field">
                    <label for="attach-file">{app.text("attach.add")}</label>
                    <input id="attach-file" type="file" multiple on:change=on_files />
                    <p class="bo-hint">{move || app.tf("attach.hint", &[("max", rules::size_text(rules::MAX_BYTES, app.lang.get()))])}</p>
                </div>
            })}
            <Show when=move || editable && !trashed().is_empty()>
                <details>
                    <summary>{move || app.tf("attach.in_trash", &[("n", trashed().len().to_string())])}</summary>
                    <ul class="bo-list" id="attach-trashed">
                        <For each=trashed key=|a| a.id.clone() let:a>
                            <li>
                                {a.name.clone()}" "
                                <button type="button" class="bo-btn bo-btn-small" aria-label=app.tf("attach.restore_named", &[("name", a.name.clone())]) on:click={
                                    let a = a.clone();
                                    move |_| remove(a.clone(), None)
                                }>{app.text("action.restore")}</button>
                            </li>
                        </For>
                    </ul>
                </details>
            </Show>
        </section>
    }
}

/// The trash's attachments: those removed from a record still kept, with Restore and
/// Delete for good.
#[component]
pub fn TrashedAttachments() -> impl IntoView {
    let app = use_app();
    let items = RwSignal::new(Vec::<Attached>::new());
    let reload = move || {
        leptos::task::spawn_local(async move {
            // None readable (no IndexedDB here): none in the trash.
            let trashed: Vec<Attached> = all().await.unwrap_or_default().into_iter().filter(|a| a.removed.is_some()).collect();
            trashed_files().set(Some(trashed.len()));
            let _ = items.try_set(trashed);
        })
    };
    Effect::new(move |_| {
        files_changed().track();
        reload();
    });
    let act = move |a: Attached, purge_it: bool| {
        leptos::task::spawn_local(async move {
            let done = if purge_it { purge(&a.id).await.map(|()| true) } else { set_removed(&a.id, None).await };
            match done {
                Ok(false) => app.error(app.t("attach.gone").into()),
                Ok(true) => app.info(app.tf(if purge_it { "attach.purged" } else { "attach.restored" }, &[("name", a.name)])),
                Err(e) => app.error(app.tf("attach.failed", &[("why", e.to_string())])),
            }
            reload();
        })
    };
    view! {
        <Show when=move || !items.with(Vec::is_empty)>
            <section class="bo-card" aria-labelledby="attach-trash-h">
                <h2 id="attach-trash-h">{app.text("attach.trash_title")}</h2>
                <ul class="bo-list" id="attach-trash">
                    <For each=move || items.get() key=|a| a.id.clone() let:a>
                        <li>
                            // Opened from here too: a file whose record is gone is kept only here.
                            <button type="button" class="bo-link" on:click={
                                let id = a.id.clone();
                                move |_| leptos::task::spawn_local(open(app, id.clone()))
                            }>{a.name.clone()}</button>
                            {let a = a.clone(); move || format!(" · {} · {}", rules::size_text(a.size, app.lang.get()), app.tf("attach.of", &[("title", a.title.clone())]))}" "
                            <button type="button" class="bo-btn bo-btn-small" aria-label=app.tf("attach.restore_named", &[("name", a.name.clone())]) on:click={
                                let a = a.clone();
                                move |_| act(a.clone(), false)
                            }>{app.text("action.restore")}</button>" "
                            <button type="button" class="bo-btn bo-btn-small bo-btn-danger" aria-label=app.tf("attach.purge_named", &[("name", a.name.clone())]) on:click={
                                let a = a.clone();
                                move |_| {
                                    if window().confirm_with_message(app.t("attach.confirm_purge")).unwrap_or(false) {
                                        act(a.clone(), true)
                                    }
                                }
                            }>{app.text("attach.purge")}</button>
                        </li>
                    </For>
                </ul>
            </section>
        </Show>
    }
}

/// How much the attachments take, and what the browser says this site uses of its share
/// (`navigator.storage.estimate()`: attachments live outside localStorage's meter).
#[component]
pub fn AttachmentsUsage() -> impl IntoView {
    let app = use_app();
    let summary = RwSignal::new(None::<(usize, u64)>);
    let estimate = RwSignal::new(None::<(u64, u64)>);
    Effect::new(move |_| {
        files_changed().track();
        leptos::task::spawn_local(async move {
            if let Ok(list) = all().await {
                let _ = summary.try_set(Some((list.len(), list.iter().map(|a| a.size).sum())));
            }
        });
    });
    leptos::task::spawn_local(async move {
        let storage = window().navigator().storage();
        if let Ok(p) =
            Reflect::get(&storage, &"estimate".into()).and_then(|f| f.dyn_into::<js_sys::Function>()).and_then(|f| f.call0(&storage))
        {
            if let Ok(e) = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(p)).await {
                if let (Some(u), Some(q)) = (number(&e, "usage"), number(&e, "quota")) {
                    let _ = estimate.try_set(Some((u as u64, q as u64)));
                }
            }
        }
    });
    let size = move |b: u64| rules::size_text(b, app.lang.get());
    view! {
        <p id="attach-usage">
            {move || summary.get().map(|(n, bytes)| app.tf("attach.usage", &[("n", n.to_string()), ("size", size(bytes))]))}" "
            {move || estimate.get().map(|(u, q)| app.tf("attach.browser_usage", &[("used", size(u)), ("quota", size(q))]))}
        </p>
    }
}
