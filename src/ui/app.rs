//! The shell: opens the store, provides state, lays out navigation, banners and the page.
use leptos::prelude::*;

use wasm_bindgen::JsCast;

use crate::domain::format::Lang;
use crate::storage::{doc_name, Db, META_KEY};

use super::areas::export_backup;
use super::data::{backup_overdue, StorageMeter};
use super::desk;
use super::router::{navigate, route_signal, Route};
use super::state::{set_db, with_db, AppState};
use super::widgets::Toasts;

fn browser_lang() -> Lang {
    let nav = window().navigator();
    let prefs: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).chain(nav.language()).collect();
    Lang::from_browser(&prefs)
}

/// The language before the settings are read (the lock screen): the address's, else the
/// browser's.
pub(super) fn start_lang() -> Lang {
    url_lang().unwrap_or_else(browser_lang)
}

/// `?lang=en` or `?lang=id` in the address forces the language for this visit.
fn url_lang() -> Option<Lang> {
    let search = window().location().search().ok()?;
    search.trim_start_matches('?').split('&').find_map(|kv| kv.strip_prefix("lang=")).and_then(Lang::parse)
}

fn open_store(app: &AppState) {
    open_store_on(app, super::lock::backend());
}

/// The store opened again on `backend`: encryption turned on or off (Settings).
pub(super) fn reopen_store(app: &AppState, backend: Box<dyn crate::storage::Backend>) {
    open_store_on(app, Ok(backend));
}

fn open_store_on(app: &AppState, backend: Result<Box<dyn crate::storage::Backend>, crate::storage::StorageError>) {
    match backend.and_then(|b| Db::open_unmigrated(b, &crate::registry::STORE)) {
        Ok((db, report, None)) => store_opened(app, db, report),
        Ok((db, report, Some(pending))) => {
            // The code that rewrites stored lists is fetched only for a store that needs
            // it. Until it has run no screen is drawn, so nothing reads the older records.
            app.upgrading.set(true);
            let app = *app;
            leptos::task::spawn_local(async move {
                match super::areas::upgrade_store(db, pending, report).await {
                    Ok((db, report)) => {
                        store_opened(&app, db, report);
                        app.load_settings();
                        apply_lang(&app);
                        app.load_all();
                    }
                    // Nothing was written: the next visit tries again.
                    Err(super::areas::NotLoaded) => app.unavailable.set(Some(app.t("area.failed").to_string())),
                }
                app.upgrading.set(false);
            });
        }
        Err(e) => app.unavailable.set(Some(e.to_string())),
    }
}

fn store_opened(app: &AppState, mut db: Db, report: crate::storage::OpenReport) {
    crate::domain::ids::set_node(db.browser_node(crate::domain::ids::random_node));
    set_db(db);
    if let Some(v) = report.newer {
        app.read_only.set(Some(v));
    }
    if let Some(why) = report.migration_failed {
        app.read_only.set(Some(0));
        app.error(app.tf("err.migration_failed", &[("why", why)]));
    } else if let Some(from) = report.migrated_from {
        app.info(app.tf("toast.migrated", &[("from", from.to_string())]));
    }
}

/// The language asked for in the address, else the one chosen in Settings, else the browser's.
fn apply_lang(app: &AppState) {
    app.lang.set(url_lang().or_else(|| Lang::parse(&app.settings.get_untracked().language)).unwrap_or_else(browser_lang));
}

/// The shell's own screens: the Today view (the first screen) and messages waiting.
fn shell_page(r: Route) -> AnyView {
    let app = super::state::use_app();
    match r {
        Route::Desk => desk::today_page(),
        Route::Messages => desk::messages_page(),
        _ => view! {
            <h1 tabindex="-1">{app.text("notfound.title")}</h1>
            <p><a href="#/">{app.text("notfound.home")}</a></p>
        }
        .into_any(),
    }
}

/// Once the first screen is laid out (a shell screen at its first frame, an area's screen
/// once its part has arrived, or the notice that it could not): marks `bo:ready`, then
/// sums up the lists no screen has read yet (their trash and oldest record, from the stored
/// columns without making records), then marks `bo:loaded`. Not before: that reads every stored chunk, and
/// the first screen would wait for it.
fn first_screen_shown(app: AppState) {
    use std::sync::atomic::{AtomicBool, Ordering};
    static DONE: AtomicBool = AtomicBool::new(false);
    if DONE.swap(true, Ordering::Relaxed) {
        return;
    }
    super::perf::mark("bo:ready");
    set_timeout(
        move || {
            app.lists.sum_up_stored(crate::registry::LISTS);
            app.refresh_unreadable();
            app.refresh_usage();
            // Only asked: Firefox asks its user before granting, so the request itself waits
            // for the user's first backup or their "Ask again".
            super::persist::check(app, false);
            super::perf::mark("bo:loaded");
            super::autosave::start(app);
        },
        std::time::Duration::ZERO,
    );
}

/// Focus on the field a page marks `autofocus` (the door's search box), else the page's
/// heading, or a form's first field.
pub(super) fn focus_page(r: &Route) {
    let sel = if document().query_selector("main [autofocus]").ok().flatten().is_some() {
        "main [autofocus]"
    } else if matches!(r, Route::New(_) | Route::NewAt(..) | Route::Edit(..)) {
        "main .bo-form input, main .bo-form select"
    } else {
        "main h1"
    };
    if let Ok(Some(el)) = document().query_selector(sel) {
        if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    let dirty = RwSignal::new(false);
    let lang = RwSignal::new(Lang::Id);
    let save_refused = RwSignal::new(false);
    // After a refused save the question says so: what is on screen was never saved.
    let leave_text = move || {
        let key = if save_refused.get_untracked() { "form.leave_refused" } else { "form.leave_unsaved" };
        crate::i18n::t(lang.get_untracked(), key).to_string()
    };
    let route = route_signal(dirty, leave_text);
    Effect::new(move |_| {
        route.track();
        save_refused.set(false);
    });
    let unreadable = RwSignal::new(vec![]);
    let lists = super::state::Lists::new(unreadable);
    let app = AppState {
        lang,
        settings: RwSignal::new(Default::default()),
        lists,
        route,
        dirty,
        save_refused,
        toasts: RwSignal::new(vec![]),
        unreadable,
        read_only: RwSignal::new(None),
        unavailable: RwSignal::new(None),
        quota_full: RwSignal::new(false),
        used_chars: RwSignal::new(0),
        last_backup: RwSignal::new(None),
        persisted: RwSignal::new(None),
        autosave: RwSignal::new(Default::default()),
        upgrading: RwSignal::new(false),
    };
    provide_context(app);
    super::perf::timed("bo:open", || open_store(&app));
    app.load_settings();
    apply_lang(&app);

    Effect::new(move |_| {
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("lang", lang.get().code());
        }
    });

    // Ctrl+K (⌘K) from anywhere: search every list.
    let h = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        if (ev.ctrl_key() || ev.meta_key()) && !ev.alt_key() && !ev.shift_key() && ev.key().eq_ignore_ascii_case("k") {
            ev.prevent_default();
            if route.get_untracked() == Route::Search {
                focus_page(&Route::Search);
            } else {
                navigate(&Route::Search);
            }
        }
    });
    std::mem::forget(h);

    if super::lock::is_encrypted() {
        super::lock::watch_idle(dirty);
        // Attachments a closed tab left plain while encrypting: sealed once the screen is up.
        // Quietly: a browser without IndexedDB has none, and the next unlock tries again.
        // A change of passphrase cut short is finished with them: its old key leaves the lock.
        let seal = move || leptos::task::spawn_local(super::attachments_part::finish_sealing());
        set_timeout(seal, std::time::Duration::from_secs(3));
    }

    // Another tab wrote: show its data without a reload.
    let h = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| match ev.key() {
        // Encrypted, decrypted or given a new passphrase in another tab: this tab starts
        // again (behind the lock screen if there is one), never reading sealed values as
        // damaged or writing plain ones among them.
        Some(key) if key == crate::storage::sealed::LOCK_KEY => {
            if !crate::storage::sealed::same_key(ev.old_value(), ev.new_value()) {
                super::lock::lock_now();
            }
        }
        Some(key) if key == META_KEY => {
            app.last_backup.set(with_db(|db| Ok(db.last_backup())).ok().flatten());
            super::autosave::meta_changed(app);
        }
        Some(key) => {
            if let Some(name) = doc_name(&key) {
                if name == super::audit::LIST {
                    super::audit::forget();
                }
                app.reload(name);
            }
        }
        None => {
            super::audit::forget();
            app.load_all();
            super::autosave::meta_changed(app);
        }
    });
    std::mem::forget(h);
    let h = window_event_listener(leptos::ev::beforeunload, move |ev: web_sys::BeforeUnloadEvent| {
        // Closing while an archive's files are copied in (or out) would leave a restore
        // with part of its attachments: the browser asks first, as for unsaved input.
        if dirty.get_untracked() || super::attachments_part::busy().get_untracked() {
            ev.prevent_default();
            ev.set_return_value("unsaved");
        }
    });
    std::mem::forget(h);

    // Move focus to the new page's heading (or a form's first field) after navigation.
    Effect::new(move |prev: Option<()>| {
        let r = route.get();
        if prev.is_none() {
            return;
        }
        request_animation_frame(move || focus_page(&r));
    });

    // Tried again by the Retry of an area that could not be fetched.
    let attempt = RwSignal::new(0u32);
    let page = move || {
        let r = route.get();
        attempt.track();
        if app.upgrading.get() {
            return view! { <p class="bo-hint" role="status" aria-busy="true">{app.text("area.upgrading")}</p> }.into_any();
        }
        match super::areas::area_of(&r) {
            // Also when the user leaves an area whose part is still on its way.
            None => {
                request_animation_frame(move || first_screen_shown(app));
                shell_page(r)
            }
            Some(area) => view! {
                <Suspense fallback=move || view! { <p class="bo-hint" role="status">{app.text("area.loading")}</p> }>
                    {Suspend::new(async move {
                        let focus = r.clone();
                        match super::areas::open(area, r).await {
                            Ok(v) => {
                                // The area's first screen arrives after the route changed: its
                                // heading or first field takes focus once it is laid out.
                                request_animation_frame(move || {
                                    first_screen_shown(app);
                                    focus_page(&focus)
                                });
                                v
                            }
                            Err(super::areas::NotLoaded) => {
                                request_animation_frame(move || first_screen_shown(app));
                                super::areas::not_loaded(app, attempt)
                            }
                        }
                    })}
                </Suspense>
            }
            .into_any(),
        }
    };

    let nav_item = move |r: Route, key: &'static str| {
        let href = r.href();
        let module = match &r {
            Route::List(m) => Some(m.clone()),
            // Every calendar screen and item page belongs to the calendar.
            Route::Calendar(..) => Some("events".to_string()),
            _ => None,
        };
        let r2 = r.clone();
        let active = move || {
            let cur = route.get();
            let calendar = module.as_deref() == Some("events")
                && matches!(&cur, Route::Calendar(..) | Route::NewAt(..) | Route::Occurrence(..) | Route::List(_));
            cur == r2
                || (matches!(r2, Route::Books(..)) && matches!(cur, Route::Books(..)))
                || (module.as_deref() == Some("client_events") && matches!(cur, Route::EventBoard | Route::CheckIn(_) | Route::RunSheet(_) | Route::Quotation(_) | Route::Portfolio | Route::EventCalendar(_)))
                || (module.as_deref() == Some("work_plans") && matches!(cur, Route::PlanBoard))
                || (module.as_deref() == Some("letters_in") && matches!(cur.list(), Some("letters_out" | "letter_series" | "letter_templates")))
                || (calendar && !matches!(&cur, Route::List(x) if x != "events"))
                || module
                    .as_ref()
                    .is_some_and(|m| matches!(&cur, Route::New(x) | Route::Import(x) | Route::ImportInto(x, _) | Route::View(x, _) | Route::Edit(x, _) if x == m))
        };
        view! {
            <li><a href=href class:active=active.clone() aria-current=move || active().then_some("page")>{app.text(key)}</a></li>
        }
    };
    let trash_count = move || app.lists.trashed();

    view! {
            // The first Tab stop: past the navigation to the page (hash URLs are routes, so
            // this link moves focus itself instead of pointing at an anchor).
            <a class="bo-skip" href="#/" on:click=move |ev| {
                ev.prevent_default();
                focus_page(&Route::Desk);
            }>{app.text("nav.skip")}</a>
            <div class="bo-shell">
                <nav class="bo-nav" aria-label=app.text("nav.label")>
                    <a class="bo-brand" href="#/">{move || {
                        let n = app.settings.with(|s| s.company_name.clone());
                        if n.is_empty() { app.t("app.name").to_string() } else { n }
                    }}</a>
                    <ul>
                        {nav_routes().into_iter().map(|(r, key)| nav_item(r, key)).collect_view()}
                    </ul>
                    <Show when=move || trash_count() != 0>
                        <p class="bo-nav-note">{move || app.tf("nav.trash_count", &[("n", trash_count().to_string())])}</p>
    </Show>
                </nav>
                <div class="bo-body">
                    <header class="bo-header">
                        <a class="bo-btn bo-btn-small bo-search-link" href=Route::Search.href() aria-keyshortcuts="Control+K">
                            {app.text("nav.search")}" "<kbd>"Ctrl K"</kbd>
                        </a>
                        <StorageMeter id="bo-usage" />
                        <div class="bo-lang" role="group" aria-label=app.text("settings.language")>
                            <button type="button" class="bo-btn bo-btn-small" aria-pressed=move || (lang.get() == Lang::Id).to_string() on:click=move |_| lang.set(Lang::Id)>"ID"</button>
                            <button type="button" class="bo-btn bo-btn-small" aria-pressed=move || (lang.get() == Lang::En).to_string() on:click=move |_| lang.set(Lang::En)>"EN"</button>
                        </div>
                    </header>
                    <main id="main" class="bo-main">
                        <Banners />
                        {page}
                    </main>
                </div>
            </div>
            <Toasts />
            <Show when=move || app.quota_full.get()>{super::page_parts::quota_dialog(app)}</Show>
        }
}

/// The navigation, in its order: each screen and the label's key.
fn nav_routes() -> [(Route, &'static str); 24] {
    let list = |name: &str| Route::List(name.to_string());
    [
        (Route::Desk, "nav.desk"),
        (Route::Dashboard, "nav.dashboard"),
        (Route::Messages, "nav.messages"),
        (Route::Calendar("month".into(), String::new()), "nav.calendar"),
        (Route::Actions, "nav.actions"),
        (list("client_events"), "nav.client_events"),
        (list("calls"), "nav.calls"),
        (list("visitors"), "nav.visitors"),
        (list("contacts"), "nav.contacts"),
        (list("employees"), "nav.employees"),
        (list("leave"), "nav.leave"),
        (list("attendance"), "nav.attendance"),
        (list("payroll_runs"), "nav.payroll_runs"),
        (list("entries"), "nav.entries"),
        (Route::Books("pl".into(), String::new()), "nav.books"),
        (list("items"), "nav.items"),
        (list("orders"), "nav.orders"),
        (list("assets"), "nav.assets"),
        (list("letters_in"), "nav.letters"),
        (list("obligations"), "nav.obligations"),
        (list("work_plans"), "nav.work_plans"),
        (Route::Trash, "nav.trash"),
        (Route::Data, "nav.data"),
        (Route::Settings, "nav.settings"),
    ]
}

#[component]
fn Banners() -> impl IntoView {
    let app = super::state::use_app();
    // A new build is cached and waiting (index.html defines `boUpdate` and says so with a
    // `bo-update` event, which may have come before this banner was there).
    let update_fn = || js_sys::Reflect::get(&window(), &"boUpdate".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let update_ready = RwSignal::new(update_fn().is_some());
    std::mem::forget(window_event_listener_untyped("bo-update", move |_| update_ready.set(true)));
    view! {
            <Show when=move || update_ready.get()>
                <p class="bo-banner bo-banner-info bo-no-print" role="status">
                    {app.text("banner.update")}" "
                    // Reloading asks first when a form has unsaved input (the unsaved-changes guard).
                    <button type="button" class="bo-btn bo-btn-small bo-btn-primary" on:click=move |_| {
                        if let Some(f) = update_fn() {
                            let _ = f.call0(&wasm_bindgen::JsValue::NULL);
                        }
                    }>{app.text("banner.update_reload")}</button>
                </p>
            </Show>
            {move || app.unavailable.get().map(|why| view! {
                <p class="bo-banner bo-banner-error" role="alert">{app.tf("banner.unavailable", &[("why", why)])}</p>
            })}
            {move || app.read_only.get().map(|v| view! {
                <p class="bo-banner bo-banner-warn" role="alert">{if v == 0 { app.t("banner.read_only_failed").to_string() } else { app.tf("banner.read_only", &[("v", v.to_string())]) }}</p>
            })}
            <For each=move || app.unreadable.get() key=|u| (u.name.clone(), u.error.clone()) let:u>
                {super::page_parts::unreadable_banner(app, u)}
            </For>
            <Show when=move || app.storage_high() && !matches!(app.route.get(), Route::Data)>
                <p class="bo-banner bo-banner-warn bo-no-print" role="status">
                    {move || app.tf("banner.storage_high", &[("pct", app.usage_percent_text())])}" "
                    <a class="bo-btn bo-btn-small" href=Route::Data.href()>{app.text("banner.storage_high_go")}</a>
                </p>
            </Show>
            <Show when=move || !matches!(app.route.get(), Route::Data)>
                <super::autosave::AutosaveBanner />
            </Show>
            <Show when=move || backup_overdue(&app) && !matches!(app.route.get(), Route::Data)>
                <p class="bo-banner bo-banner-info bo-no-print">
                    {app.text("banner.backup_due")}" "
                    <button type="button" class="bo-btn bo-btn-small" on:click=move |_| export_backup(app)>{app.text("data.export")}</button>
                </p>
    </Show>
        }
}

/// Shown when a save is refused for lack of space; it comes in a part of its own
/// (`page_parts::quota_dialog`), fetched only then.
#[component]
pub(super) fn QuotaDialog() -> impl IntoView {
    let app = super::state::use_app();
    // A modal dialog: focus moves in when it opens, Tab stays inside, Esc closes it, and
    // focus goes back to where it was (the form's Save, whose input is all still there).
    let close_button = NodeRef::<leptos::html::Button>::new();
    let export_button = NodeRef::<leptos::html::Button>::new();
    let came_from = StoredValue::new_local(None::<web_sys::HtmlElement>);
    Effect::new(move |_| {
        if let (true, Some(b)) = (app.quota_full.get(), close_button.get()) {
            came_from.set_value(document().active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()));
            // Drawn by its part, the dialog may not be in the page yet when this runs.
            request_animation_frame(move || {
                let _ = b.focus();
            });
        }
    });
    let close = move || {
        app.quota_full.set(false);
        if let Some(el) = came_from.get_value() {
            let _ = el.focus();
        }
    };
    let keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            close();
        }
        "Tab" => {
            let (Some(first), Some(last)) = (export_button.get(), close_button.get()) else { return };
            let active = document().active_element();
            let at = |b: &web_sys::HtmlElement| active.as_ref().is_some_and(|a| a == b.unchecked_ref::<web_sys::Element>());
            if ev.shift_key() && at(&first) {
                ev.prevent_default();
                let _ = last.focus();
            } else if !ev.shift_key() && at(&last) {
                ev.prevent_default();
                let _ = first.focus();
            }
        }
        _ => {}
    };
    view! {
            <div class="bo-overlay" on:keydown=keydown>
                <div class="bo-dialog" role="alertdialog" aria-modal="true" aria-labelledby="quota-title" aria-describedby="quota-text">
                    <h2 id="quota-title">{app.text("quota.title")}</h2>
                    <p id="quota-text">{app.text("quota.text")}</p>
                    <StorageMeter id="bo-usage-dialog" />
                    <div class="bo-actions">
                        <button node_ref=export_button type="button" class="bo-btn bo-btn-primary" on:click=move |_| export_backup(app)>{app.text("data.export")}</button>
                        <button node_ref=close_button type="button" class="bo-btn" on:click=move |_| close()>{app.text("action.close")}</button>
                    </div>
                </div>
            </div>
    }
}
