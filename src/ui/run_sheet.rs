//! An event's run sheet: on the event's page with each item's worked-out time, and on its
//! own page for the day — printed clean on A4, and on a phone with the item running now
//! marked.
use leptos::prelude::*;

use crate::domain::client_events::ClientEvent;
use crate::domain::format::{clock_time, long_date};
use crate::domain::run_sheet::{next_seq, run_sheet, running_now, RunItem, RunLine};
use crate::route::Route;

use super::calendar::today;
use super::client_events::links;
use super::collection::UiEntity;
use super::pages::RecordPages;
use super::records::{csv_tools, form_page_back, list_page, not_found};
use super::state::{local, now, use_app, AppState};
use super::widgets::PageHead;

impl UiEntity for RunItem {
    const PLURAL: &'static str = "nav.run_items";
    const NEW: &'static str = "rundown.new";
    const EMPTY: &'static str = "rundown.empty";
}

/// `#/run_items/new/<event id>`: the event's next item, numbered after the last.
impl RecordPages for RunItem {
    fn import_into(event: String) -> AnyView {
        super::csv_import::import_into::<RunItem>(event)
    }
    fn list() -> AnyView {
        list_page::<RunItem>("run_items", view! { {links()} {csv_tools::<RunItem>("run_items")} }.into_any())
    }
    fn create(event: Option<String>) -> AnyView {
        let app = use_app();
        let back = event.clone().map(|id| Route::View("client_events".into(), id));
        let prefill = match event {
            Some(id) => {
                let seq = app.lists.run_items().with_untracked(|all| next_seq(all, &id));
                vec![("event_id", id), ("seq", seq.to_string())]
            }
            None => vec![],
        };
        form_page_back::<RunItem>("run_items", None, prefill, back)
    }
}

fn lines_of(app: AppState, id: String) -> (Memo<Option<ClientEvent>>, Memo<Vec<RunLine>>) {
    let event = Memo::new(move |_| app.lists.client_events().with(|all| all.iter().find(|e| e.meta.id == id).cloned()));
    let lines = Memo::new(move |_| event.get().map(|e| app.lists.run_items().with(|all| run_sheet(all, &e))).unwrap_or_default());
    (event, lines)
}

/// "09.00–09.30", or a dash while nothing before it has a time.
fn span(app: &AppState, l: &RunLine) -> String {
    let lang = app.lang.get();
    match (l.start, l.end) {
        (Some(s), Some(e)) => format!("{}–{}", clock_time(s, lang), clock_time(e, lang)),
        _ => "–".into(),
    }
}

/// What is odd about an item's time, in words.
fn warning(app: &AppState, l: &RunLine) -> Option<String> {
    if l.overlaps {
        Some(app.t("rundown.overlaps").into())
    } else if l.start.is_none() {
        Some(app.t("rundown.no_time").into())
    } else if l.past_midnight {
        Some(app.t("rundown.past_midnight").into())
    } else {
        None
    }
}

/// The run sheet's card on an event's page.
pub fn run_part(id: String) -> AnyView {
    let app = use_app();
    let (event, lines) = lines_of(app, id.clone());
    let writable = move || app.read_only.get().is_none() && event.with(|e| e.as_ref().is_some_and(|e| e.meta.deleted_at.is_none()));
    let (new_item, import, sheet) = (
        Route::NewAt("run_items".into(), id.clone()).href(),
        Route::ImportInto("run_items".into(), id.clone()).href(),
        Route::RunSheet(id).href(),
    );
    view! {
        <section class="bo-card" aria-labelledby="run-h">
            <h2 id="run-h">{app.text("rundown.title_sheet")}</h2>
            <Show when=move || !lines.with(Vec::is_empty) fallback=move || view! { <p>{app.text("rundown.none_yet")}</p> }>
                <div class="bo-table-wrap" tabindex="0">
                    <table class="bo-table">
                        <thead><tr>
                            <th scope="col">{app.text("rundown.time")}</th>
                            <th scope="col" class="bo-num">{app.text("rundown.minutes")}</th>
                            <th scope="col">{app.text("rundown.title")}</th>
                            <th scope="col">{app.text("rundown.pic")}</th>
                        </tr></thead>
                        <tbody>
                            <For each=move || lines.get() key=|l| (l.item.meta.id.clone(), l.item.meta.updated_at, l.start, l.end, l.overlaps, l.past_midnight) let:l>
                                <tr>
                                    <td class:bo-warn-text=l.overlaps>
                                        {span(&app, &l)}
                                        {warning(&app, &l).map(|w| view! { <br /><small>{w}</small> })}
                                    </td>
                                    <td class="bo-num">{l.item.minutes.unwrap_or(0)}</td>
                                    <td><a href=Route::View("run_items".into(), l.item.meta.id.clone()).href()>{l.item.title.clone()}</a></td>
                                    <td>{l.item.pic.clone()}</td>
                                </tr>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <div class="bo-actions">
                <Show when=writable>
                    <a class="bo-btn" href=new_item.clone()>{app.text("rundown.new")}</a>
                    <a class="bo-btn" href=import.clone()>{app.text("rundown.import")}</a>
                </Show>
                <Show when=move || !lines.with(Vec::is_empty)>
                    <a class="bo-btn" href=sheet.clone()>{app.text("rundown.open_sheet")}</a>
                </Show>
            </div>
        </section>
    }
    .into_any()
}

/// `#/run-sheet/<event id>`: the whole run sheet, day by day, as printed and as followed on
/// the day (the item running now marked while it is the event's day).
pub fn run_sheet_page(id: String) -> AnyView {
    let app = use_app();
    let (event, lines) = lines_of(app, id.clone());
    if event.get_untracked().is_none() {
        return not_found();
    }
    // The clock moves the "now" mark along; a minute is fine enough for a run sheet.
    let clock = RwSignal::new(local(now()).time());
    let tick = set_interval_with_handle(move || clock.set(local(now()).time()), std::time::Duration::from_secs(60)).ok();
    on_cleanup(move || {
        if let Some(t) = tick {
            t.clear();
        }
    });
    let running = Memo::new(move |_| lines.with(|l| running_now(l, today(), clock.get())));
    let name = move || event.with(|e| e.as_ref().map(|e| e.name.clone()).unwrap_or_default());
    let facts = move || {
        event.with(|e| {
            let Some(e) = e else { return String::new() };
            let lang = app.lang.get();
            let mut v: Vec<String> = vec![];
            if let Some(d) = e.date {
                v.push(match e.end_date.filter(|end| *end != d) {
                    Some(end) => format!("{} – {}", long_date(d, lang), long_date(end, lang)),
                    None => long_date(d, lang),
                });
            }
            if !e.venue.is_empty() {
                v.push(e.venue.clone());
            }
            v.join(" · ")
        })
    };
    let company = app.settings.with_untracked(|s| s.company_name.clone());
    let label = move |key: &'static str| app.t(key).to_string();
    view! {
        <PageHead title=Signal::derive(move || app.tf("rundown.sheet_of", &[("name", name())]))>
            <button type="button" class="bo-btn" on:click=move |_| { let _ = window().print(); }>{app.text("action.print")}</button>
            <a class="bo-btn" href=Route::View("client_events".into(), id.clone()).href()>{app.text("action.back")}</a>
        </PageHead>
        <article class="bo-run-sheet">
            <p class="bo-print-only bo-print-company">{company}</p>
            <h2 class="bo-print-only">{move || app.tf("rundown.sheet_of", &[("name", name())])}</h2>
            <p>{facts}</p>
            <table class="bo-table bo-run-table">
                <thead><tr>
                    <th scope="col">{app.text("rundown.time")}</th>
                    <th scope="col" class="bo-num">{app.text("rundown.minutes")}</th>
                    <th scope="col">{app.text("rundown.title")}</th>
                    <th scope="col">{app.text("rundown.place")}</th>
                    <th scope="col">{app.text("rundown.pic")}</th>
                    <th scope="col">{app.text("rundown.equipment")}</th>
                    <th scope="col">{app.text("rundown.notes")}</th>
                </tr></thead>
                <tbody>
                    {move || {
                        let now_at = running.get();
                        let lang = app.lang.get();
                        let mut day = None;
                        let several = lines.with(|l| l.windows(2).any(|w| w[0].day != w[1].day));
                        lines.get().into_iter().enumerate().map(|(n, l)| {
                            // A heading row where a new day starts, when there are several.
                            let day_row = (several && (n == 0 || day != l.day)).then(|| {
                                let text = l.day.map(|d| long_date(d, lang)).unwrap_or_default();
                                view! { <tr class="bo-run-day"><th scope="colgroup" colspan="7">{text}</th></tr> }
                            });
                            day = l.day;
                            let is_now = now_at == Some(n);
                            view! {
                                {day_row}
                                <tr class:bo-now=is_now aria-current=is_now.then_some("time")>
                                    <td data-label=label("rundown.time") class:bo-warn-text=l.overlaps>
                                        <strong>{span(&app, &l)}</strong>
                                        {is_now.then(|| view! { " "<span class="bo-now-mark">{app.t("rundown.now")}</span> })}
                                        {warning(&app, &l).map(|w| view! { <br /><small>{w}</small> })}
                                    </td>
                                    <td data-label=label("rundown.minutes") class="bo-num">{l.item.minutes.unwrap_or(0)}</td>
                                    <td data-label=label("rundown.title")><strong>{l.item.title.clone()}</strong></td>
                                    <td data-label=label("rundown.place")>{l.item.place.clone()}</td>
                                    <td data-label=label("rundown.pic")>{l.item.pic.clone()}</td>
                                    <td data-label=label("rundown.equipment")>{l.item.equipment.clone()}</td>
                                    <td data-label=label("rundown.notes") class="bo-prewrap">{l.item.notes.clone()}</td>
                                </tr>
                            }
                        }).collect_view()
                    }}
                </tbody>
            </table>
        </article>
    }
    .into_any()
}
