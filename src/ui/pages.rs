//! The pages every record list has — list, new, edit, detail, import — taken from its type:
//! the route table names a type once per area, and a type shows a page its own way by
//! overriding that one page here.
use leptos::prelude::*;

use crate::domain::assets::{Asset, AssetLog};
use crate::domain::calendar::Event;
use crate::domain::contact::Contact;
use crate::domain::frontdesk::{Call, Visitor};
use crate::domain::inventory::{Item, StockMove};
use crate::domain::meeting::Minutes;
use crate::domain::purchasing::PurchaseOrder;
use crate::domain::stocktake::Stocktake;
use crate::route::Route;

use super::collection::UiEntity;
use super::records::{csv_tools, detail_page, form_page, list_page, not_found};
use super::{assets, calendar_files, contacts, csv_import, inventory, minutes, occurrence, orders, stocktake};

pub trait RecordPages: UiEntity {
    /// The list; with CSV export and import by default.
    fn list() -> AnyView {
        list_page::<Self>(Self::COLLECTION, csv_tools::<Self>(Self::COLLECTION))
    }
    /// A new record; `at` is a date-time picked on a calendar (`#/events/new/…`).
    fn create(_at: Option<String>) -> AnyView {
        form_page::<Self>(Self::COLLECTION, None)
    }
    fn edit(id: String) -> AnyView {
        form_page::<Self>(Self::COLLECTION, Some(id))
    }
    fn view(id: String) -> AnyView {
        detail_page::<Self>(Self::COLLECTION, id)
    }
    fn import() -> AnyView {
        csv_import::import_page::<Self>(Self::COLLECTION)
    }
    /// Rows into the record `parent` names (its type's first reference field): only for
    /// types whose records belong to one (an event's guests), which say so by overriding this.
    fn import_into(_parent: String) -> AnyView {
        not_found()
    }
}

/// The page of `E`'s list that `r` asks for.
pub fn record_page<E: RecordPages>(r: Route) -> AnyView {
    match r {
        Route::List(_) => E::list(),
        Route::New(_) => E::create(None),
        Route::NewAt(_, at) => E::create(Some(at)),
        Route::Edit(_, id) => E::edit(id),
        Route::View(_, id) => E::view(id),
        Route::Import(_) => E::import(),
        Route::ImportInto(_, parent) => E::import_into(parent),
        _ => not_found(),
    }
}

impl RecordPages for Call {}
impl RecordPages for Visitor {}
impl RecordPages for StockMove {}
/// A history entry typed from the list is dated today, as one from the asset's page is.
impl RecordPages for AssetLog {
    fn create(_: Option<String>) -> AnyView {
        super::records::form_page_with::<AssetLog>(
            "asset_log",
            None,
            vec![("date", crate::domain::dates::date_text(super::calendar::today()))],
        )
    }
}

impl RecordPages for Contact {
    fn list() -> AnyView {
        list_page::<Contact>("contacts", contacts::toolbar())
    }
    fn import() -> AnyView {
        super::page_parts::contacts_import(super::state::use_app()).into_any()
    }
}

impl RecordPages for Event {
    fn list() -> AnyView {
        list_page::<Event>("events", ().into_any())
    }
    fn create(at: Option<String>) -> AnyView {
        let prefill = calendar_files::prefill(at.as_deref());
        // Started from the calendar (a day or an hour picked): Esc goes back to it.
        match at.as_deref().and_then(super::calendar::started_from) {
            Some(calendar) => super::records::form_page_cancel::<Event>("events", prefill, calendar),
            None => super::records::form_page_with::<Event>("events", None, prefill),
        }
    }
    fn view(id: String) -> AnyView {
        occurrence::event_page(id)
    }
    fn import() -> AnyView {
        super::page_parts::calendar_import(super::state::use_app()).into_any()
    }
}

/// Minutes are started from a meeting's date, not from a blank form.
impl RecordPages for Minutes {
    fn list() -> AnyView {
        list_page::<Minutes>("minutes", ().into_any())
    }
    fn create(_: Option<String>) -> AnyView {
        not_found()
    }
    fn edit(_: String) -> AnyView {
        not_found()
    }
    fn view(id: String) -> AnyView {
        minutes::minutes_page(id)
    }
    fn import() -> AnyView {
        not_found()
    }
}

impl RecordPages for Item {
    fn list() -> AnyView {
        list_page::<Item>("items", inventory::toolbar())
    }
    fn view(id: String) -> AnyView {
        inventory::item_page(id)
    }
}

impl RecordPages for Stocktake {
    fn list() -> AnyView {
        list_page::<Stocktake>("stocktakes", ().into_any())
    }
    fn view(id: String) -> AnyView {
        stocktake::count_page(id)
    }
    fn import() -> AnyView {
        not_found()
    }
}

impl RecordPages for PurchaseOrder {
    fn list() -> AnyView {
        list_page::<PurchaseOrder>("orders", orders::toolbar())
    }
    fn create(_: Option<String>) -> AnyView {
        orders::new_order_page()
    }
    fn view(id: String) -> AnyView {
        orders::order_page(id)
    }
    fn import() -> AnyView {
        orders::import_page()
    }
}

impl RecordPages for Asset {
    fn list() -> AnyView {
        list_page::<Asset>("assets", assets::toolbar())
    }
    fn view(id: String) -> AnyView {
        assets::asset_page(id)
    }
}
