//! An event's guests: their answers and what the caterer must know on the event's page,
//! and the door, where a name is found as it is typed and checked in with one tap.
use leptos::prelude::*;

use crate::domain::client_events::ClientEvent;
use crate::domain::event_guests::{counts, diet_counts, find, guests_of, EventGuest, GuestCounts, Rsvp};
use crate::route::Route;

use super::client_events::links;
use super::collection::{save_record, UiEntity};
use super::pages::RecordPages;
use super::records::{csv_tools, form_page_back, list_page, not_found};
use super::state::{use_app, AppState};
use super::widgets::PageHead;

impl UiEntity for EventGuest {
    const PLURAL: &'static str = "nav.event_guests";
    const NEW: &'static str = "guest.new";
    const EMPTY: &'static str = "guest.empty";
}

/// `#/event_guests/new/<event id>`: a guest of that event; the form goes back to it.
impl RecordPages for EventGuest {
    fn import_into(event: String) -> AnyView {
        super::csv_import::import_into::<EventGuest>(event)
    }
    fn list() -> AnyView {
        list_page::<EventGuest>("event_guests", view! { {links()} {csv_tools::<EventGuest>("event_guests")} }.into_any())
    }
    fn create(event: Option<String>) -> AnyView {
        let back = event.clone().map(|id| Route::View("client_events".into(), id));
        form_page_back::<EventGuest>("event_guests", None, event.map(|id| vec![("event_id", id)]).unwrap_or_default(), back)
    }
}

fn event_of(app: AppState, id: String) -> Memo<Option<ClientEvent>> {
    Memo::new(move |_| app.lists.client_events().with(|all| all.iter().find(|e| e.meta.id == id).cloned()))
}

/// "45 people confirmed · 3 not answered · 2 declined" and, at the door, who has come.
fn summary(app: &AppState, c: &GuestCounts) -> String {
    let mut parts = vec![app.tf("guest.n_confirmed", &[("n", c.confirmed.to_string())])];
    if c.waiting > 0 {
        parts.push(app.tf("guest.n_waiting", &[("n", c.waiting.to_string())]));
    }
    if c.declined > 0 {
        parts.push(app.tf("guest.n_declined", &[("n", c.declined.to_string())]));
    }
    if c.arrived > 0 {
        parts.push(app.tf("guest.n_arrived", &[("n", c.arrived.to_string())]));
    }
    parts.join(" · ")
}

/// The guests' card on an event's page: answers counted in people, the caterer's diet
/// counts, the guests, and the ways to add them and to open the door.
pub fn guests_part(id: String) -> AnyView {
    let app = use_app();
    let event = event_of(app, id.clone());
    let guests = Memo::new({
        let id = id.clone();
        move |_| app.lists.event_guests().with(|all| guests_of(all, &id).into_iter().cloned().collect::<Vec<_>>())
    });
    let tally = Memo::new(move |_| guests.with(|g| counts(&g.iter().collect::<Vec<_>>())));
    let diets = Memo::new(move |_| guests.with(|g| diet_counts(&g.iter().collect::<Vec<_>>())));
    // More confirmed than the event was planned for: the venue and the caterer need to know.
    let over = move || {
        let planned = event.with(|e| e.as_ref().and_then(|e| e.guests));
        planned.filter(|p| tally.with(|c| c.confirmed > *p))
    };
    let writable = move || app.read_only.get().is_none() && event.with(|e| e.as_ref().is_some_and(|e| e.meta.deleted_at.is_none()));
    let (new_guest, import, door) = (
        Route::NewAt("event_guests".into(), id.clone()).href(),
        Route::ImportInto("event_guests".into(), id.clone()).href(),
        Route::CheckIn(id).href(),
    );
    view! {
        <section class="bo-card" aria-labelledby="guests-h">
            <h2 id="guests-h">{app.text("guest.title")}</h2>
            <Show when=move || !guests.with(Vec::is_empty) fallback=move || view! { <p>{app.text("guest.none_yet")}</p> }>
                <p>{move || summary(&app, &tally.get())}</p>
                {move || over().map(|planned| view! {
                    <p class="bo-warn-text">{app.tf("guest.over_planned", &[("n", tally.get().confirmed.to_string()), ("planned", planned.to_string())])}</p>
                })}
                <Show when=move || !diets.with(Vec::is_empty)>
                    <p>
                        {app.text("guest.for_catering")}": "
                        {move || diets.get().into_iter().map(|(d, n)| format!("{} {n}", app.t(d.label_key()))).collect::<Vec<_>>().join(", ")}
                    </p>
                </Show>
                <div class="bo-table-wrap" tabindex="0">
                    <table class="bo-table">
                        <thead><tr>
                            <th scope="col">{app.text("guest.name")}</th>
                            <th scope="col">{app.text("guest.group")}</th>
                            <th scope="col">{app.text("guest.rsvp")}</th>
                            <th scope="col" class="bo-num">{app.text("guest.party")}</th>
                            <th scope="col">{app.text("guest.diet")}</th>
                            <th scope="col">{app.text("guest.table")}</th>
                            <th scope="col">{app.text("guest.arrived")}</th>
                        </tr></thead>
                        <tbody>
                            <For each=move || guests.get() key=|g| (g.meta.id.clone(), g.meta.updated_at) let:g>
                                <tr>
                                    <td><a href=Route::View("event_guests".into(), g.meta.id.clone()).href()>{g.name.clone()}</a></td>
                                    <td>{g.group.clone()}</td>
                                    <td>{app.t(g.rsvp.label_key())}</td>
                                    <td class="bo-num">{g.people()}</td>
                                    <td>{app.t(g.diet.label_key())}</td>
                                    <td>{g.table.clone()}</td>
                                    <td>{if g.arrived { app.t("guest.arrived_yes") } else { "" }}</td>
                                </tr>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <div class="bo-actions">
                <Show when=writable>
                    <a class="bo-btn" href=new_guest.clone()>{app.text("guest.new")}</a>
                    <a class="bo-btn" href=import.clone()>{app.text("guest.import")}</a>
                </Show>
                <Show when=move || !guests.with(Vec::is_empty)>
                    <a class="bo-btn bo-btn-primary" href=door.clone()>{app.text("guest.door")}</a>
                </Show>
            </div>
        </section>
    }
    .into_any()
}

/// The door: the count of who has come, a search box that keeps the focus, and a button
/// per guest found. Checking in someone who had not answered (or had declined) confirms
/// them: they are here.
pub fn check_in_page(id: String) -> AnyView {
    let app = use_app();
    let event = event_of(app, id.clone());
    if event.get_untracked().is_none() {
        return not_found();
    }
    let query = RwSignal::new(String::new());
    let guests = Memo::new({
        let id = id.clone();
        move |_| app.lists.event_guests().with(|all| guests_of(all, &id).into_iter().cloned().collect::<Vec<_>>())
    });
    let tally = Memo::new(move |_| guests.with(|g| counts(&g.iter().collect::<Vec<_>>())));
    let found = Memo::new(move |_| {
        let mut v: Vec<EventGuest> = guests.with(|g| query.with(|q| find(&g.iter().collect::<Vec<_>>(), q).into_iter().cloned().collect()));
        // Those still to come first, then by name: the door looks for who is arriving.
        crate::sort::sort_by(&mut v, |a, b| (a.arrived, crate::text::lower(&a.name)).cmp(&(b.arrived, crate::text::lower(&b.name))));
        v
    });
    let title = Signal::derive(move || {
        app.tf("guest.door_of", &[("name", event.with(|e| e.as_ref().map(|e| e.name.clone()).unwrap_or_default()))])
    });
    let set_arrived = move |g: EventGuest, arrived: bool| {
        let (name, n) = (g.name.clone(), g.people());
        let rsvp = if arrived { Rsvp::Confirmed } else { g.rsvp };
        if save_record(&app, EventGuest { arrived, rsvp, ..g }).is_ok() {
            let key = if arrived { "guest.checked_in" } else { "guest.check_in_undone" };
            app.info(app.tf(key, &[("name", name), ("n", n.to_string())]));
            if arrived {
                query.set(String::new());
            }
        }
        if let Some(el) = document().get_element_by_id("door-search") {
            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(el).focus();
        }
    };
    let writable = move || app.read_only.get().is_none();
    view! {
        <PageHead title=title>
            <a class="bo-btn" href=Route::View("client_events".into(), id.clone()).href()>{app.text("action.back")}</a>
        </PageHead>
        <p class="bo-door-count" role="status">
            {move || app.tf("guest.door_count", &[("n", tally.get().arrived.to_string()), ("of", tally.get().confirmed.to_string())])}
        </p>
        <div class="bo-field">
            <label for="door-search">{app.text("guest.door_search")}</label>
            <input id="door-search" type="search" autocomplete="off" autofocus prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev)) />
        </div>
        <Show when=move || found.with(Vec::is_empty)>
            <p>{app.text("guest.door_none")}</p>
        </Show>
        <ul class="bo-door-list">
            <For each=move || found.get() key=|g| (g.meta.id.clone(), g.meta.updated_at) let:g>
                {
                    let facts = [g.group.clone(), g.table.clone(), app.tf("guest.people_n", &[("n", g.people().to_string())])]
                        .into_iter()
                        .filter(|f| !f.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · ");
                    let (arrived, name, g2) = (g.arrived, g.name.clone(), g.clone());
                    let label = if arrived { app.tf("guest.undo_for", &[("name", name.clone())]) } else { app.tf("guest.check_in_for", &[("name", name.clone())]) };
                    view! {
                        <li class:bo-door-in=arrived>
                            <div>
                                <strong>{name}</strong>
                                <p class="bo-meta">
                                    {facts}
                                    {(g.rsvp == Rsvp::Declined && !arrived).then(|| view! { " · "<span class="bo-warn-text">{app.t("guest.rsvp.declined")}</span> })}
                                    {arrived.then(|| view! { " · "<strong>{app.t("guest.arrived_yes")}</strong> })}
                                </p>
                            </div>
                            <button type="button" class=if arrived { "bo-btn" } else { "bo-btn bo-btn-primary" } aria-label=label disabled=move || !writable()
                                on:click=move |_| set_arrived(g2.clone(), !arrived)>
                                {if arrived { app.t("guest.undo") } else { app.t("guest.check_in") }}
                            </button>
                        </li>
                    }
                }
            </For>
        </ul>
    }
    .into_any()
}
