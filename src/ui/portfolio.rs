//! The portfolio of events held (final figures, lessons, found by any word) and an event
//! copied as the start of a new one.
use leptos::prelude::*;

use crate::domain::format::long_date;
use crate::domain::portfolio::{copy_of, portfolio, PastEvent};
use crate::route::Route;

use super::client_events::links;
use super::collection::{save_record, save_records};
use super::fields::{money, party_name};
use super::router::navigate;
use super::state::{now, use_app};
use super::widgets::PageHead;

/// `#/portfolio`: every event held or closed, newest first, with its figures.
pub fn portfolio_page() -> AnyView {
    let app = use_app();
    let query = RwSignal::new(String::new());
    let found = Memo::new(move |_| {
        app.lists
            .client_events()
            .with(|e| app.lists.event_vendors().with(|v| app.lists.event_guests().with(|g| query.with(|q| portfolio(e, v, g, q)))))
    });
    let card = move |p: PastEvent| {
        let e = &p.event;
        let lang = app.lang.get_untracked();
        let facts = [
            app.t(e.kind.label_key()).to_string(),
            e.date.map(|d| long_date(d, lang)).unwrap_or_default(),
            party_name(&app, &e.client_id).unwrap_or_default(),
            e.venue.clone(),
        ]
        .into_iter()
        .filter(|f| !f.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
        let guests = app.tf(
            "folio.guests",
            &[
                ("planned", e.guests.map(|g| g.to_string()).unwrap_or_else(|| "–".into())),
                ("confirmed", p.guests.confirmed.to_string()),
                ("arrived", p.guests.arrived.to_string()),
            ],
        );
        let figures = app.tf(
            "folio.figures",
            &[
                ("estimated", money(&app, p.budget.estimated)),
                ("cost", money(&app, p.cost)),
                ("charged", money(&app, p.budget.charged)),
                ("margin", money(&app, p.budget.margin(p.cost))),
            ],
        );
        let said = |key: &'static str, text: &str| {
            (!text.is_empty()).then(|| view! { <p class="bo-prewrap"><strong>{app.t(key)}": "</strong>{text.to_string()}</p> })
        };
        view! {
            <li class="bo-card">
                <h2><a href=Route::View("client_events".into(), e.meta.id.clone()).href()>{e.name.clone()}</a></h2>
                <p class="bo-meta">{facts}</p>
                <p>{guests}</p>
                <p>{figures}</p>
                {said("cev.went_well", &e.went_well)}
                {said("cev.lessons", &e.lessons)}
            </li>
        }
    };
    view! {
        <PageHead title=app.title("folio.title") />
        {links()}
        <div class="bo-field">
            <label for="folio-search">{app.text("folio.search")}</label>
            <input id="folio-search" type="search" prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) />
        </div>
        <p role="status">{move || app.tf("folio.count", &[("n", found.with(Vec::len).to_string())])}</p>
        <ul class="bo-folio">
            {move || found.get().into_iter().map(card).collect_view()}
        </ul>
    }
    .into_any()
}

/// "Copy as a new event" on an event's page: the copy is saved and opened for its date and
/// client.
pub fn copy_part(id: String) -> AnyView {
    let app = use_app();
    let copy = move |_| {
        let Some(e) = app.lists.client_events().with_untracked(|all| all.iter().find(|e| e.meta.id == id).cloned()) else { return };
        let name = app.tf("cev.copy_name", &[("name", e.name.clone())]);
        let c = app.lists.event_vendors().with_untracked(|v| {
            app.lists.run_items().with_untracked(|r| app.lists.event_tasks().with_untracked(|t| copy_of(&e, name, v, r, t, now())))
        });
        let new_id = c.event.meta.id.clone();
        let (vendors, items, tasks) = (c.vendors.len(), c.run.len(), c.tasks.len());
        let saved = save_record(&app, c.event)
            .and_then(|_| save_records(&app, c.vendors))
            .and_then(|_| save_records(&app, c.run))
            .and_then(|_| save_records(&app, c.tasks));
        if saved.is_ok() {
            app.info(app.tf("cev.copied", &[("vendors", vendors.to_string()), ("items", items.to_string()), ("tasks", tasks.to_string())]));
            navigate(&Route::Edit("client_events".into(), new_id));
        }
    };
    view! {
        <Show when=move || app.read_only.get().is_none()>
            <div class="bo-actions bo-no-print">
                <button type="button" class="bo-btn" on:click=copy.clone()>{app.text("cev.copy")}</button>
            </div>
        </Show>
    }
    .into_any()
}
