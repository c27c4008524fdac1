//! The shell: opens the store, provides state, lays out navigation, banners and the page.
use leptos::prelude::*;

use super::widgets::shown;
use wasm_bindgen::JsCast;

use crate::domain::assets::{Asset, AssetLog};
use crate::domain::calendar::Event;
use crate::domain::contact::Contact;
use crate::domain::format::Lang;
use crate::domain::frontdesk::{Call, Visitor};
use crate::domain::inventory::{Item, StockMove};
use crate::domain::meeting::Minutes;
use crate::domain::purchasing::PurchaseOrder;
use crate::domain::stocktake::Stocktake;
use crate::storage::{doc_name, Db, LocalStorageBackend, META_KEY};

use super::data::{backup_overdue, export_backup, StorageMeter};
use super::router::{route_signal, Route};
use super::state::{set_db, with_db, AppState};
use super::widgets::Toasts;
use super::{
    assets, calendar, calendar_files, contacts, csv_import, data, desk, inventory, minutes, occurrence, orders, records, settings,
    stocktake, trash,
};

fn browser_lang() -> Lang {
    let nav = window().navigator();
    let prefs: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).chain(nav.language()).collect();
    Lang::from_browser(&prefs)
}

/// `?lang=en` or `?lang=id` in the address forces the language for this visit.
fn url_lang() -> Option<Lang> {
    let search = window().location().search().ok()?;
    search.trim_start_matches('?').split('&').find_map(|kv| kv.strip_prefix("lang=")).and_then(Lang::parse)
}

fn open_store(app: &AppState) {
    let opened = LocalStorageBackend::new().and_then(|b| Db::open(Box::new(b)));
    match opened {
        Ok((db, report)) => {
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
        Err(e) => app.unavailable.set(Some(e.to_string())),
    }
}

#[component]
pub fn App() -> impl IntoView {
    let dirty = RwSignal::new(false);
    let lang = RwSignal::new(Lang::Id);
    let route = route_signal(dirty, move || crate::i18n::t(lang.get_untracked(), "form.leave_unsaved").to_string());
    let stock = RwSignal::new(vec![]);
    let app = AppState {
        lang,
        stock_levels: Memo::new(move |_| stock.with(|m| crate::domain::inventory::Stock::of(m))),
        settings: RwSignal::new(Default::default()),
        contacts: RwSignal::new(vec![]),
        calls: RwSignal::new(vec![]),
        visitors: RwSignal::new(vec![]),
        events: RwSignal::new(vec![]),
        minutes: RwSignal::new(vec![]),
        items: RwSignal::new(vec![]),
        stock,
        orders: RwSignal::new(vec![]),
        stocktakes: RwSignal::new(vec![]),
        assets: RwSignal::new(vec![]),
        asset_log: RwSignal::new(vec![]),
        route,
        dirty,
        toasts: RwSignal::new(vec![]),
        unreadable: RwSignal::new(vec![]),
        read_only: RwSignal::new(None),
        unavailable: RwSignal::new(None),
        quota_full: RwSignal::new(false),
        used_chars: RwSignal::new(0),
        last_backup: RwSignal::new(None),
    };
    provide_context(app);
    open_store(&app);
    let first = route.get_untracked().lists_first();
    super::perf::timed("bo:load-first", || app.load_lists(first));
    lang.set(url_lang().or_else(|| Lang::parse(&app.settings.get_untracked().language)).unwrap_or_else(browser_lang));

    Effect::new(move |_| {
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("lang", lang.get().code());
        }
        document().set_title(app.t("app.name"));
    });

    // Another tab wrote: show its data without a reload.
    let h = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| match ev.key() {
        Some(key) if key == META_KEY => app.last_backup.set(with_db(|db| Ok(db.last_backup())).ok().flatten()),
        Some(key) => {
            if let Some(name) = doc_name(&key) {
                app.reload(name);
            }
        }
        None => app.load_all(),
    });
    std::mem::forget(h);
    let h = window_event_listener(leptos::ev::beforeunload, move |ev: web_sys::BeforeUnloadEvent| {
        if dirty.get_untracked() {
            ev.prevent_default();
            ev.set_return_value("unsaved");
        }
    });
    std::mem::forget(h);

    // The first screen is usable once it has been laid out; the other lists load after it.
    request_animation_frame(move || {
        super::perf::mark("bo:ready");
        set_timeout(
            move || {
                let rest: Vec<&str> = crate::route::MODULES.iter().copied().filter(|m| !first.contains(m)).collect();
                app.load_lists(&rest);
                app.refresh_usage();
                super::perf::mark("bo:loaded");
            },
            std::time::Duration::ZERO,
        );
    });

    // Move focus to the new page's heading (or a form's first field) after navigation.
    Effect::new(move |prev: Option<()>| {
        let r = route.get();
        if prev.is_none() {
            return;
        }
        request_animation_frame(move || {
            let sel = if matches!(r, Route::New(_) | Route::NewAt(..) | Route::Edit(..)) {
                "main .bo-form input, main .bo-form select"
            } else {
                "main h1"
            };
            if let Ok(Some(el)) = document().query_selector(sel) {
                if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    });

    let page = move || match route.get() {
        Route::List(m) if m == "contacts" => records::list_page::<Contact>("contacts", contacts::toolbar()),
        Route::New(m) if m == "contacts" => records::form_page::<Contact>("contacts", None),
        Route::Edit(m, id) if m == "contacts" => records::form_page::<Contact>("contacts", Some(id)),
        Route::View(m, id) if m == "contacts" => records::detail_page::<Contact>("contacts", id),
        Route::Import(m) if m == "contacts" => contacts::import_page(),
        Route::List(m) if m == "calls" => records::list_page::<Call>("calls", records::csv_tools::<Call>("calls")),
        Route::Import(m) if m == "calls" => csv_import::import_page::<Call>("calls"),
        Route::New(m) if m == "calls" => records::form_page::<Call>("calls", None),
        Route::Edit(m, id) if m == "calls" => records::form_page::<Call>("calls", Some(id)),
        Route::View(m, id) if m == "calls" => records::detail_page::<Call>("calls", id),
        Route::List(m) if m == "visitors" => records::list_page::<Visitor>("visitors", records::csv_tools::<Visitor>("visitors")),
        Route::Import(m) if m == "visitors" => csv_import::import_page::<Visitor>("visitors"),
        Route::New(m) if m == "visitors" => records::form_page::<Visitor>("visitors", None),
        Route::Edit(m, id) if m == "visitors" => records::form_page::<Visitor>("visitors", Some(id)),
        Route::View(m, id) if m == "visitors" => records::detail_page::<Visitor>("visitors", id),
        Route::List(m) if m == "events" => records::list_page::<Event>("events", ().into_any()),
        Route::New(m) if m == "events" => records::form_page_with::<Event>("events", None, calendar_files::prefill(None)),
        Route::NewAt(m, at) if m == "events" => records::form_page_with::<Event>("events", None, calendar_files::prefill(Some(&at))),
        Route::Edit(m, id) if m == "events" => records::form_page::<Event>("events", Some(id)),
        Route::View(m, id) if m == "events" => occurrence::event_page(id),
        Route::Import(m) if m == "events" => calendar_files::import_page(),
        Route::Occurrence(id, date) => occurrence::occurrence_page(id, date),
        Route::List(m) if m == "minutes" => records::list_page::<Minutes>("minutes", ().into_any()),
        Route::View(m, id) if m == "minutes" => minutes::minutes_page(id),
        Route::Actions => minutes::actions_page(),
        Route::List(m) if m == "items" => records::list_page::<Item>("items", inventory::toolbar()),
        Route::New(m) if m == "items" => records::form_page::<Item>("items", None),
        Route::Edit(m, id) if m == "items" => records::form_page::<Item>("items", Some(id)),
        Route::View(m, id) if m == "items" => inventory::item_page(id),
        Route::Import(m) if m == "items" => csv_import::import_page::<Item>("items"),
        Route::Import(m) if m == "stock" => csv_import::import_page::<StockMove>("stock"),
        Route::Import(m) if m == "assets" => csv_import::import_page::<Asset>("assets"),
        Route::Import(m) if m == "asset_log" => csv_import::import_page::<AssetLog>("asset_log"),
        Route::ItemMove(id, kind) => inventory::move_page(id, kind),
        Route::List(m) if m == "stock" => records::list_page::<StockMove>("stock", records::csv_tools::<StockMove>("stock")),
        Route::New(m) if m == "stock" => records::form_page::<StockMove>("stock", None),
        Route::Edit(m, id) if m == "stock" => records::form_page::<StockMove>("stock", Some(id)),
        Route::View(m, id) if m == "stock" => records::detail_page::<StockMove>("stock", id),
        Route::LowStock => inventory::low_stock_page(),
        Route::StockReport => inventory::report_page(),
        Route::List(m) if m == "stocktakes" => records::list_page::<Stocktake>("stocktakes", ().into_any()),
        Route::New(m) if m == "stocktakes" => records::form_page::<Stocktake>("stocktakes", None),
        Route::Edit(m, id) if m == "stocktakes" => records::form_page::<Stocktake>("stocktakes", Some(id)),
        Route::View(m, id) if m == "stocktakes" => stocktake::count_page(id),
        Route::List(m) if m == "orders" => records::list_page::<PurchaseOrder>("orders", orders::toolbar()),
        Route::New(m) if m == "orders" => orders::new_order_page(),
        Route::Edit(m, id) if m == "orders" => records::form_page::<PurchaseOrder>("orders", Some(id)),
        Route::View(m, id) if m == "orders" => orders::order_page(id),
        Route::Receive(id) => orders::receive_page(id),
        Route::Import(m) if m == "orders" => orders::import_page(),
        Route::List(m) if m == "assets" => records::list_page::<Asset>("assets", assets::toolbar()),
        Route::New(m) if m == "assets" => records::form_page::<Asset>("assets", None),
        Route::Edit(m, id) if m == "assets" => records::form_page::<Asset>("assets", Some(id)),
        Route::View(m, id) if m == "assets" => assets::asset_page(id),
        Route::AssetEntry(id, kind) => assets::entry_page(id, kind),
        Route::List(m) if m == "asset_log" => records::list_page::<AssetLog>("asset_log", records::csv_tools::<AssetLog>("asset_log")),
        Route::New(m) if m == "asset_log" => records::form_page::<AssetLog>("asset_log", None),
        Route::Edit(m, id) if m == "asset_log" => records::form_page::<AssetLog>("asset_log", Some(id)),
        Route::View(m, id) if m == "asset_log" => records::detail_page::<AssetLog>("asset_log", id),
        Route::MaintenanceDue => assets::due_page(),
        Route::AssetRegister => assets::register_page(),
        Route::Calendar(v, date) => calendar::calendar_page(v, date),
        Route::Desk => desk::today_page(),
        Route::Messages => desk::messages_page(),
        Route::Trash => trash::trash_page(),
        Route::Data => data::data_page(),
        Route::Settings => settings::settings_page(),
        _ => view! {
            <h1 tabindex="-1">{app.text("notfound.title")}</h1>
            <p><a href="#/">{app.text("notfound.home")}</a></p>
        }
        .into_any(),
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
                || (calendar && !matches!(&cur, Route::List(x) if x != "events"))
                || module
                    .as_ref()
                    .is_some_and(|m| matches!(&cur, Route::New(x) | Route::Import(x) | Route::View(x, _) | Route::Edit(x, _) if x == m))
        };
        view! {
            <li><a href=href class:active=active.clone() aria-current=move || active().then_some("page")>{app.text(key)}</a></li>
        }
    };
    let trash_count = move || trash::trashed_count(&app);

    view! {
        <div class="bo-shell">
            <nav class="bo-nav" aria-label=app.text("nav.label")>
                <a class="bo-brand" href="#/">{move || {
                    let n = app.settings.with(|s| s.company_name.clone());
                    if n.is_empty() { app.t("app.name").to_string() } else { n }
                }}</a>
                <ul>
                    {nav_item(Route::Desk, "nav.desk")}
                    {nav_item(Route::Messages, "nav.messages")}
                    {nav_item(Route::Calendar("month".into(), String::new()), "nav.calendar")}
                    {nav_item(Route::Actions, "nav.actions")}
                    {nav_item(Route::List("calls".into()), "nav.calls")}
                    {nav_item(Route::List("visitors".into()), "nav.visitors")}
                    {nav_item(Route::List("contacts".into()), "nav.contacts")}
                    {nav_item(Route::List("items".into()), "nav.items")}
                    {nav_item(Route::List("orders".into()), "nav.orders")}
                    {nav_item(Route::List("assets".into()), "nav.assets")}
                    {nav_item(Route::Trash, "nav.trash")}
                    {nav_item(Route::Data, "nav.data")}
                    {nav_item(Route::Settings, "nav.settings")}
                </ul>
                {shown(move || trash_count() != 0, move || view! {
                    <p class="bo-nav-note">{move || app.tf("nav.trash_count", &[("n", trash_count().to_string())])}</p>
                }.into_any())}
            </nav>
            <div class="bo-body">
                <header class="bo-header">
                    <StorageMeter />
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
        <QuotaDialog />
    }
}

#[component]
fn Banners() -> impl IntoView {
    let app = super::state::use_app();
    view! {
        {move || app.unavailable.get().map(|why| view! {
            <p class="bo-banner bo-banner-error" role="alert">{app.tf("banner.unavailable", &[("why", why)])}</p>
        })}
        {move || app.read_only.get().map(|v| view! {
            <p class="bo-banner bo-banner-warn" role="alert">{if v == 0 { app.t("banner.read_only_failed").to_string() } else { app.tf("banner.read_only", &[("v", v.to_string())]) }}</p>
        })}
        <For each=move || app.unreadable.get() key=|u| (u.name.clone(), u.error.clone()) let:u>
            <super::unreadable::UnreadableBanner notice=u />
        </For>
        {shown(move || backup_overdue(&app) && !matches!(app.route.get(), Route::Data), move || view! {
            <p class="bo-banner bo-banner-info">
                {app.text("banner.backup_due")}" "
                <button type="button" class="bo-btn bo-btn-small" on:click=move |_| export_backup(&app)>{app.text("data.export")}</button>
            </p>
        }.into_any())}
    }
}

#[component]
fn QuotaDialog() -> impl IntoView {
    let app = super::state::use_app();
    view! {
        {shown(move || app.quota_full.get(), move || view! {
            <div class="bo-overlay">
                <div class="bo-dialog" role="alertdialog" aria-modal="true" aria-labelledby="quota-title" aria-describedby="quota-text">
                    <h2 id="quota-title">{app.text("quota.title")}</h2>
                    <p id="quota-text">{app.text("quota.text")}</p>
                    <StorageMeter />
                    <div class="bo-actions">
                        <button type="button" class="bo-btn bo-btn-primary" on:click=move |_| export_backup(&app)>{app.text("data.export")}</button>
                        <button type="button" class="bo-btn" autofocus on:click=move |_| app.quota_full.set(false)>{app.text("action.close")}</button>
                    </div>
                </div>
            </div>
        }.into_any())}
    }
}
