//! The screens in areas, each a part of the wasm loaded the first time one of its screens
//! opens (`wasm_split`, see scripts/build-wasm.sh). The shell keeps what every visit
//! needs: the store, the lists' readers, the navigation, the Today view and messages.
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use crate::domain::assets::{Asset, AssetLog};
use crate::domain::calendar::Event;
use crate::domain::contact::Contact;
use crate::domain::frontdesk::{Call, Visitor};
use crate::domain::inventory::{Item, StockMove};
use crate::domain::meeting::Minutes;
use crate::domain::purchasing::PurchaseOrder;
use crate::domain::stocktake::Stocktake;
use crate::route::Route;

use super::state::AppState;

use super::{assets, calendar, calendar_files, contacts, csv_import, data, inventory, minutes, occurrence, orders, records, settings};
use super::{stocktake, trash};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    Contacts,
    FrontDesk,
    Calendar,
    Supplies,
    Assets,
    /// Trash, data and backup, settings.
    Office,
}

/// The area a screen belongs to; `None` for the shell's own screens.
pub fn area_of(r: &Route) -> Option<Area> {
    match r {
        Route::List(m) | Route::New(m) | Route::Import(m) | Route::View(m, _) | Route::Edit(m, _) | Route::NewAt(m, _) => {
            match m.as_str() {
                "contacts" => Some(Area::Contacts),
                "calls" | "visitors" => Some(Area::FrontDesk),
                "events" | "minutes" => Some(Area::Calendar),
                "items" | "stock" | "orders" | "stocktakes" => Some(Area::Supplies),
                "assets" | "asset_log" => Some(Area::Assets),
                _ => None,
            }
        }
        Route::Occurrence(..) | Route::Calendar(..) | Route::Actions => Some(Area::Calendar),
        Route::ItemMove(..) | Route::Receive(_) | Route::LowStock | Route::StockReport => Some(Area::Supplies),
        Route::AssetEntry(..) | Route::MaintenanceDue | Route::AssetRegister => Some(Area::Assets),
        Route::Trash | Route::Data | Route::Settings => Some(Area::Office),
        Route::Desk | Route::Messages | Route::NotFound(_) => None,
    }
}

/// An area's code could not be fetched (offline before it was cached, a deploy changed
/// under the page); asking again fetches it again.
pub struct NotLoaded;

impl From<SplitLoaderError> for NotLoaded {
    fn from(_: SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// The screen for `r` in `area`, its code fetched first if this is the area's first screen.
pub async fn open(area: Area, r: Route) -> Result<AnyView, NotLoaded> {
    match area {
        Area::Contacts => contacts_area(r).await,
        Area::FrontDesk => front_desk_area(r).await,
        Area::Calendar => calendar_area(r).await,
        Area::Supplies => supplies_area(r).await,
        Area::Assets => assets_area(r).await,
        Area::Office => office_area(r).await,
    }
}

/// Asks the browser for an area's code without waiting for it. The first poll of the
/// part's loader starts the download; the loader keeps it going, and the screen that opens
/// the area later is handed the same download (a part is fetched once).
pub fn preload(area: Area) {
    use std::future::Future;
    let mut load: std::pin::Pin<Box<dyn Future<Output = Result<(), SplitLoaderError>>>> = match area {
        Area::Contacts => Box::pin(__wasm_split_preload_contacts_area()),
        Area::FrontDesk => Box::pin(__wasm_split_preload_front_desk_area()),
        Area::Calendar => Box::pin(__wasm_split_preload_calendar_area()),
        Area::Supplies => Box::pin(__wasm_split_preload_supplies_area()),
        Area::Assets => Box::pin(__wasm_split_preload_assets_area()),
        Area::Office => Box::pin(__wasm_split_preload_office_area()),
    };
    let _ = load.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop()));
}

#[wasm_split(contacts, wasm_split_path = ::leptos::wasm_split, fallible)]
fn contacts_area(r: Route) -> Result<AnyView, NotLoaded> {
    Ok(match r {
        Route::List(_) => records::list_page::<Contact>("contacts", contacts::toolbar()),
        Route::New(_) => records::form_page::<Contact>("contacts", None),
        Route::Edit(_, id) => records::form_page::<Contact>("contacts", Some(id)),
        Route::View(_, id) => records::detail_page::<Contact>("contacts", id),
        Route::Import(_) => contacts::import_page(),
        _ => records::not_found(),
    })
}

#[wasm_split(front_desk, wasm_split_path = ::leptos::wasm_split, fallible)]
fn front_desk_area(r: Route) -> Result<AnyView, NotLoaded> {
    Ok(match r {
        Route::List(m) if m == "calls" => records::list_page::<Call>("calls", records::csv_tools::<Call>("calls")),
        Route::Import(m) if m == "calls" => csv_import::import_page::<Call>("calls"),
        Route::New(m) if m == "calls" => records::form_page::<Call>("calls", None),
        Route::Edit(m, id) if m == "calls" => records::form_page::<Call>("calls", Some(id)),
        Route::View(m, id) if m == "calls" => records::detail_page::<Call>("calls", id),
        Route::List(_) => records::list_page::<Visitor>("visitors", records::csv_tools::<Visitor>("visitors")),
        Route::Import(_) => csv_import::import_page::<Visitor>("visitors"),
        Route::New(_) => records::form_page::<Visitor>("visitors", None),
        Route::Edit(_, id) => records::form_page::<Visitor>("visitors", Some(id)),
        Route::View(_, id) => records::detail_page::<Visitor>("visitors", id),
        _ => records::not_found(),
    })
}

#[wasm_split(calendar, wasm_split_path = ::leptos::wasm_split, fallible)]
fn calendar_area(r: Route) -> Result<AnyView, NotLoaded> {
    Ok(match r {
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
        Route::Calendar(v, date) => calendar::calendar_page(v, date),
        _ => records::not_found(),
    })
}

#[wasm_split(supplies, wasm_split_path = ::leptos::wasm_split, fallible)]
fn supplies_area(r: Route) -> Result<AnyView, NotLoaded> {
    Ok(match r {
        Route::List(m) if m == "items" => records::list_page::<Item>("items", inventory::toolbar()),
        Route::New(m) if m == "items" => records::form_page::<Item>("items", None),
        Route::Edit(m, id) if m == "items" => records::form_page::<Item>("items", Some(id)),
        Route::View(m, id) if m == "items" => inventory::item_page(id),
        Route::Import(m) if m == "items" => csv_import::import_page::<Item>("items"),
        Route::Import(m) if m == "stock" => csv_import::import_page::<StockMove>("stock"),
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
        _ => records::not_found(),
    })
}

#[wasm_split(assets, wasm_split_path = ::leptos::wasm_split, fallible)]
fn assets_area(r: Route) -> Result<AnyView, NotLoaded> {
    Ok(match r {
        Route::Import(m) if m == "assets" => csv_import::import_page::<Asset>("assets"),
        Route::Import(m) if m == "asset_log" => csv_import::import_page::<AssetLog>("asset_log"),
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
        _ => records::not_found(),
    })
}

#[wasm_split(office, wasm_split_path = ::leptos::wasm_split, fallible)]
fn office_area(r: Route) -> Result<AnyView, NotLoaded> {
    Ok(match r {
        Route::Trash => trash::trash_page(),
        Route::Data => data::data_page(),
        Route::Settings => settings::settings_page(),
        _ => records::not_found(),
    })
}

/// A backup asked for from the shell's banners and dialogs. Its writer (every record type's)
/// lives with the data screen in the office area, fetched first if need be.
pub fn export_backup(app: AppState) {
    leptos::task::spawn_local(async move {
        if backup_from_office(app).await.is_err() {
            app.error(app.t("area.failed").into());
        }
    });
}

#[wasm_split(office, wasm_split_path = ::leptos::wasm_split, fallible)]
fn backup_from_office(app: AppState) -> Result<(), NotLoaded> {
    data::export_backup(&app);
    Ok(())
}
