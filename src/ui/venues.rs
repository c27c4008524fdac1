//! An event's venue options side by side on its page, and one chosen.
use leptos::prelude::*;

use crate::domain::client_events::ClientEvent;
use crate::domain::venues::{choose, options_of, VenueOption};
use crate::route::Route;

use super::client_events::links;
use super::collection::{save_record, save_records, UiEntity};
use super::fields::money;
use super::pages::RecordPages;
use super::records::{csv_tools, form_page_back, list_page};
use super::state::use_app;

impl UiEntity for VenueOption {
    const PLURAL: &'static str = "nav.venue_options";
    const NEW: &'static str = "venue.new";
    const EMPTY: &'static str = "venue.empty";
}

/// `#/venue_options/new/<event id>`: an option for that event; the form goes back to it.
impl RecordPages for VenueOption {
    fn list() -> AnyView {
        list_page::<VenueOption>("venue_options", view! { {links()} {csv_tools::<VenueOption>("venue_options")} }.into_any())
    }
    fn create(event: Option<String>) -> AnyView {
        let back = event.clone().map(|id| Route::View("client_events".into(), id));
        form_page_back::<VenueOption>("venue_options", None, event.map(|id| vec![("event_id", id)]).unwrap_or_default(), back)
    }
}

/// The options' card on an event's page: capacity against the planned guests, price and
/// price per guest, distance; "Choose" makes one the event's venue.
pub fn venues_part(id: String) -> AnyView {
    let app = use_app();
    let event = Memo::new({
        let id = id.clone();
        move |_| app.lists.client_events().with(|all| all.iter().find(|e| e.meta.id == id).cloned())
    });
    let options = Memo::new({
        let id = id.clone();
        move |_| app.lists.venue_options().with(|all| options_of(all, &id).into_iter().cloned().collect::<Vec<_>>())
    });
    let writable = move || app.read_only.get().is_none() && event.with(|e| e.as_ref().is_some_and(|e| e.meta.deleted_at.is_none()));
    let pick = move |chosen: String| {
        let Some(e) = event.get_untracked() else { return };
        let (changed, moved) = options.with_untracked(|o| choose(&o.iter().collect::<Vec<_>>(), &chosen, &e));
        let Some(moved) = moved else { return };
        let name = moved.venue.clone();
        if save_records(&app, changed).and_then(|_| save_record(&app, moved)).is_ok() {
            app.info(app.tf("venue.chosen_toast", &[("name", name)]));
        }
    };
    let new_option = Route::NewAt("venue_options".into(), id).href();
    let row = move |o: VenueOption, e: Option<ClientEvent>| {
        let small = e.as_ref().is_some_and(|e| o.too_small(e));
        let per_guest = e.as_ref().and_then(|e| o.per_guest(e)).map(|p| money(&app, p)).unwrap_or_default();
        let (chosen, oid, name) = (o.chosen, o.meta.id.clone(), o.name.clone());
        view! {
            <tr class:bo-chosen=chosen>
                <th scope="row"><a href=Route::View("venue_options".into(), o.meta.id.clone()).href()>{o.name.clone()}</a>
                    {chosen.then(|| view! { " "<strong>{app.t("venue.chosen_mark")}</strong> })}</th>
                <td class="bo-num" class:bo-warn-text=small>
                    {o.capacity.map(|c| c.to_string()).unwrap_or_default()}
                    {small.then(|| view! { <br /><small>{app.t("venue.too_small")}</small> })}
                </td>
                <td class="bo-num">{o.price.map(|p| money(&app, p)).unwrap_or_default()}</td>
                <td class="bo-num">{per_guest}</td>
                <td class="bo-num">{o.distance_km.map(|d| format!("{d} km")).unwrap_or_default()}</td>
                <td class="bo-prewrap">{o.notes.clone()}</td>
                <td>
                    <Show when=move || writable() && !chosen>
                        <button type="button" class="bo-btn" aria-label=app.tf("venue.choose_for", &[("name", name.clone())])
                            on:click={
                                let oid = oid.clone();
                                move |_| pick(oid.clone())
                            }>{app.t("venue.choose")}</button>
                    </Show>
                </td>
            </tr>
        }
    };
    view! {
        <section class="bo-card" aria-labelledby="venues-h">
            <h2 id="venues-h">{app.text("venue.title")}</h2>
            <Show when=move || !options.with(Vec::is_empty) fallback=move || view! { <p>{app.text("venue.none_yet")}</p> }>
                <div class="bo-table-wrap" tabindex="0">
                    <table class="bo-table">
                        <thead><tr>
                            <th scope="col">{app.text("venue.name")}</th>
                            <th scope="col" class="bo-num">{app.text("venue.capacity")}</th>
                            <th scope="col" class="bo-num">{app.text("venue.price")}</th>
                            <th scope="col" class="bo-num">{app.text("venue.per_guest")}</th>
                            <th scope="col" class="bo-num">{app.text("venue.distance")}</th>
                            <th scope="col">{app.text("venue.notes")}</th>
                            <th scope="col"><span class="bo-visually-hidden">{app.text("venue.choose")}</span></th>
                        </tr></thead>
                        <tbody>
                            {move || options.get().into_iter().map(|o| row(o, event.get())).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
            <Show when=writable>
                <div class="bo-actions"><a class="bo-btn" href=new_option.clone()>{app.text("venue.new")}</a></div>
            </Show>
        </section>
    }
    .into_any()
}
