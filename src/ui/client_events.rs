//! Events run for clients: the list, a board of every event by stage, each event's
//! timeline of tasks (made from its kind's checklist, moving with its date) and the tasks
//! that are late.
use leptos::prelude::*;

use crate::domain::client_events::{
    board, from_template, milestones_ics, month_of_events, overdue, timeline, ClientEvent, EventTask, Stage,
};
use crate::domain::format::{long_date, month_year, weekday_name};
use crate::domain::record::RecordRules;
use crate::route::Route;

use super::calendar::today;
use super::collection::{save_record, save_records, UiEntity};
use super::fields::{day, day_of, party_name};
use super::pages::RecordPages;
use super::records::{csv_tools, detail_page_with, form_page_back, list_page};
use super::state::use_app;
use super::widgets::PageHead;

impl UiEntity for ClientEvent {
    const PLURAL: &'static str = "nav.client_events";
    const NEW: &'static str = "cev.new";
    const EMPTY: &'static str = "cev.empty";
}

impl UiEntity for EventTask {
    const PLURAL: &'static str = "nav.event_tasks";
    const NEW: &'static str = "etask.new";
    const EMPTY: &'static str = "etask.empty";
}

impl RecordPages for ClientEvent {
    fn list() -> AnyView {
        list_page::<ClientEvent>(
            "client_events",
            view! { {links()} {csv_tools::<ClientEvent>("client_events")} {late_tasks()} {super::event_vendors::payments_part()} }
                .into_any(),
        )
    }
    fn view(id: String) -> AnyView {
        let top = ViewFn::from({
            let id = id.clone();
            move || {
                view! {
                    {timeline_part(id.clone())}
                    {super::venues::venues_part(id.clone())}
                    {super::event_vendors::vendors_part(id.clone())}
                    {super::event_guests::guests_part(id.clone())}
                    {super::run_sheet::run_part(id.clone())}
                    {super::portfolio::copy_part(id.clone())}
                }
                .into_any()
            }
        });
        detail_page_with::<ClientEvent>("client_events", id, Some(top))
    }
}

/// A task added from an event's page belongs to it, and the form goes back there.
impl RecordPages for EventTask {
    fn list() -> AnyView {
        list_page::<EventTask>("event_tasks", view! { {links()} {csv_tools::<EventTask>("event_tasks")} }.into_any())
    }
    fn create(event: Option<String>) -> AnyView {
        let back = event.clone().map(|id| Route::View("client_events".into(), id));
        form_page_back::<EventTask>("event_tasks", None, event.map(|id| vec![("event_id", id)]).unwrap_or_default(), back)
    }
}

/// The area's screens, side by side.
pub fn links() -> AnyView {
    super::widgets::subnav(
        "nav.client_events",
        vec![
            (Route::List("client_events".into()), "nav.client_events"),
            (Route::EventBoard, "cev.board"),
            (Route::EventCalendar(String::new()), "cev.calendar"),
            (Route::List("event_tasks".into()), "nav.event_tasks"),
            (Route::List("venue_options".into()), "nav.venue_options"),
            (Route::List("event_vendors".into()), "nav.event_vendors"),
            (Route::List("event_guests".into()), "nav.event_guests"),
            (Route::List("run_items".into()), "nav.run_items"),
            (Route::Portfolio, "folio.title"),
        ],
    )
}

/// Tasks of open events whose day has passed, on the list: what to chase today.
fn late_tasks() -> AnyView {
    let app = use_app();
    let late = Memo::new(move |_| {
        let today = today();
        app.lists.client_events().with(|events| {
            app.lists.event_tasks().with(|tasks| {
                overdue(events, tasks, today)
                    .into_iter()
                    .map(|(e, t, due)| (e.meta.id.clone(), e.name.clone(), t.title.clone(), due.to_string()))
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <Show when=move || !late.with(Vec::is_empty)>
            <section class="bo-card bo-warn" aria-labelledby="late-h">
                <h2 id="late-h">{move || app.tf("etask.late_n", &[("n", late.with(Vec::len).to_string())])}</h2>
                <ul class="bo-list">
                    {move || late.get().into_iter().map(|(id, event, task, due)| view! {
                        <li><a href=Route::View("client_events".into(), id).href()>{event}</a>": "{task}" — "{day(&app, &due)}</li>
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
    .into_any()
}

/// An event's timeline on its page: each task with its day, who does it and whether it
/// is done (ticked here); made from the kind's checklist when there is none yet.
fn timeline_part(id: String) -> AnyView {
    let app = use_app();
    let event = Memo::new({
        let id = id.clone();
        move |_| app.lists.client_events().with(|all| all.iter().find(|e| e.meta.id == id).cloned())
    });
    let line = Memo::new(move |_| event.get().map(|e| app.lists.event_tasks().with(|t| timeline(t, &e))).unwrap_or_default());
    let writable = move || app.read_only.get().is_none() && event.with(|e| e.as_ref().is_some_and(|e| e.meta.deleted_at.is_none()));
    let make = move |_| {
        let Some(e) = event.get_untracked() else { return };
        let tasks = from_template(&e, app.lang.get_untracked());
        let n = tasks.len();
        if save_records(&app, tasks).is_ok() {
            app.info(app.tf("cev.timeline_made", &[("n", n.to_string())]));
        }
    };
    let tick = move |task: EventTask, done: bool| {
        let (title, box_id) = (task.title.clone(), format!("done-{}", task.meta.id));
        if save_record(&app, EventTask { done, ..task }).is_ok() {
            app.info(app.tf(if done { "etask.done_toast" } else { "etask.undone_toast" }, &[("name", title)]));
        }
        super::widgets::refocus(box_id);
    };
    let new_task = Route::NewAt("event_tasks".into(), id).href();
    let export = move |_| {
        let Some(e) = event.get_untracked() else { return };
        let text = app.lists.event_tasks().with_untracked(|t| milestones_ics(&e, t, super::state::now()));
        super::files::download("jadwal-acara.ics", "text/calendar", &text);
        app.info(app.t("cev.ics_done").to_string());
    };
    view! {
        <section class="bo-card" aria-labelledby="timeline-h">
            <h2 id="timeline-h">{app.text("cev.timeline")}</h2>
            <Show when=move || line.with(Vec::is_empty)>
                <p>{app.text("cev.timeline_empty")}</p>
                <Show when=writable>
                    <button type="button" class="bo-btn bo-btn-primary" on:click=make>{app.text("cev.timeline_make")}</button>
                </Show>
            </Show>
            <Show when=move || !line.with(Vec::is_empty)>
                <div class="bo-table-wrap" tabindex="0">
                    <table class="bo-table">
                        <thead><tr>
                            <th scope="col">{app.text("etask.done")}</th>
                            <th scope="col">{app.text("etask.title")}</th>
                            <th scope="col">{app.text("etask.due")}</th>
                            <th scope="col">{app.text("etask.owner")}</th>
                        </tr></thead>
                        <tbody>
                            <For each=move || line.get() key=|(t, due)| (t.meta.id.clone(), t.meta.updated_at, *due) let:row>
                                {
                                    let (task, due) = row;
                                    let late = !task.done && due.is_some_and(|d| d < today());
                                    let label = format!("{}: {}", app.t("etask.done"), task.title);
                                    let (done, t2) = (task.done, task.clone());
                                    view! {
                                        <tr>
                                            <td><input type="checkbox" id=format!("done-{}", task.meta.id) aria-label=label prop:checked=done disabled=move || !writable()
                                                on:change=move |ev| tick(t2.clone(), event_target_checked(&ev)) /></td>
                                            <td><a href=Route::View("event_tasks".into(), task.meta.id.clone()).href()>{task.title.clone()}</a></td>
                                            <td class:bo-warn-text=late>
                                                {due.map(|d| day(&app, &d.to_string())).unwrap_or_default()}
                                                {late.then(|| view! { " "<strong>{app.t("etask.overdue")}</strong> })}
                                            </td>
                                            <td>{task.owner.clone()}</td>
                                        </tr>
                                    }
                                }
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <div class="bo-actions">
                <Show when=writable>
                    <a class="bo-btn" href=new_task.clone()>{app.text("etask.new")}</a>
                </Show>
                <Show when=move || event.with(|e| e.as_ref().is_some_and(|e| e.date.is_some()))>
                    <button type="button" class="bo-btn" on:click=export>{app.text("cev.ics")}</button>
                </Show>
            </div>
        </section>
    }
    .into_any()
}

/// Every event by stage, soonest first; a card's stage is changed where it stands.
pub fn board_page() -> AnyView {
    let app = use_app();
    let columns = Memo::new(move |_| {
        app.lists.client_events().with(|all| {
            board(all).into_iter().map(|(stage, events)| (stage, events.into_iter().cloned().collect::<Vec<_>>())).collect::<Vec<_>>()
        })
    });
    let move_to = move |e: ClientEvent, code: String| {
        let (name, select_id, was) = (e.title(), format!("stage-{}", e.meta.id), e.stage);
        let Some(stage) = Stage::from_code(&code) else { return };
        if save_record(&app, ClientEvent { stage, ..e }).is_ok() {
            app.info(app.tf("cev.moved", &[("name", name), ("stage", app.t(stage.label_key()).to_string())]));
        } else if let Some(el) = document().get_element_by_id(&select_id) {
            // Refused (the error says why): the select shows the stage still stored.
            let _ = js_sys::Reflect::set(&el, &"value".into(), &was.code().into());
        }
        // The card is drawn again in its new column (or its old one, put back, when the save
        // was refused): focus goes back to its stage.
        super::widgets::refocus(select_id);
    };
    let card = move |e: ClientEvent| {
        let select_id = format!("stage-{}", e.meta.id);
        let facts = [
            day_of(&app, e.date),
            e.guests.map(|g| app.tf("cev.guests_n", &[("n", g.to_string())])).unwrap_or_default(),
            party_name(&app, &e.client_id).unwrap_or_default(),
        ]
        .into_iter()
        .filter(|f| !f.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
        let current = e.stage;
        let e2 = e.clone();
        view! {
            <li class="bo-board-card">
                <a href=Route::View("client_events".into(), e.meta.id.clone()).href()>{e.name.clone()}</a>
                <p class="bo-meta">{facts}</p>
                <label class="bo-visually-hidden" for=select_id.clone()>{app.tf("cev.stage_of", &[("name", e.name.clone())])}</label>
                <select id=select_id disabled=move || app.read_only.get().is_some() on:change=move |ev| move_to(e2.clone(), event_target_value(&ev))>
                    {Stage::ALL.iter().map(|s| view! { <option value=s.code() selected=*s == current>{app.t(s.label_key())}</option> }).collect_view()}
                </select>
            </li>
        }
    };
    view! {
        <PageHead title=app.title("cev.board")>
            <a class="bo-btn bo-btn-primary" href=Route::New("client_events".into()).href()>{app.text("cev.new")}</a>
        </PageHead>
        {links()}
        // Scrolls sideways on its own: reachable by keyboard to scroll it.
        <div class="bo-board" tabindex="0" role="region" aria-label=app.text("cev.board")>
            <For each=move || columns.get() key=|(stage, events)| (*stage, events.iter().map(|e| (e.meta.id.clone(), e.meta.updated_at)).collect::<Vec<_>>()) let:column>
                {
                    let (stage, events) = column;
                    let (heading, labelled_by) = (format!("board-{}", stage.code()), format!("board-{}", stage.code()));
                    view! {
                        <section class="bo-board-col" aria-labelledby=labelled_by>
                            <h2 id=heading>{app.t(stage.label_key())}" "<span class="bo-meta">{format!("({})", events.len())}</span></h2>
                            <ul>{events.into_iter().map(card).collect_view()}</ul>
                        </section>
                    }
                }
            </For>
        </div>
    }
    .into_any()
}

/// `#/event-calendar/2027-02`: the month with each event on the days it is held; the
/// months before and after a link away (empty: this month).
pub fn calendar_page(ym: String) -> AnyView {
    use chrono::{Datelike, Months};
    let app = use_app();
    let month = crate::domain::dates::parse_date(&format!("{ym}-01")).unwrap_or_else(|| today().with_day(1).unwrap_or_else(today));
    let grid = Memo::new(move |_| {
        app.lists.client_events().with(|all| {
            month_of_events(all, month).into_iter().map(|(d, on)| (d, on.into_iter().cloned().collect::<Vec<_>>())).collect::<Vec<_>>()
        })
    });
    let step = move |months: i32| {
        let to = if months < 0 { month.checked_sub_months(Months::new(1)) } else { month.checked_add_months(Months::new(1)) };
        Route::EventCalendar(to.map(|d| d.format("%Y-%m").to_string()).unwrap_or_default()).href()
    };
    let title = Signal::derive(move || format!("{}: {}", app.t("cev.calendar"), month_year(month, app.lang.get())));
    let now = today();
    view! {
        <PageHead title=title>
            <a class="bo-btn" href=step(-1) aria-label=app.text("cev.month_before")>"‹"</a>
            <a class="bo-btn" href=step(1) aria-label=app.text("cev.month_after")>"›"</a>
        </PageHead>
        {links()}
        <div class="bo-table-wrap" tabindex="0" role="region" aria-label=move || month_year(month, app.lang.get())>
            <table class="bo-table bo-event-month">
                <thead><tr>
                    {[chrono::Weekday::Mon, chrono::Weekday::Tue, chrono::Weekday::Wed, chrono::Weekday::Thu, chrono::Weekday::Fri, chrono::Weekday::Sat, chrono::Weekday::Sun]
                        .into_iter()
                        .map(|w| view! { <th scope="col">{move || weekday_name(w, app.lang.get(), true)}</th> })
                        .collect_view()}
                </tr></thead>
                <tbody>
                    {move || {
                        let days = grid.get();
                        days.chunks(7).map(|week| {
                        let cells = week.iter().map(|(d, on)| {
                            let out = d.month() != month.month();
                            let d = *d;
                            let label = move || long_date(d, app.lang.get());
                            view! {
                                <td class:bo-cal-out=out class:bo-cal-today=d == now>
                                    <span class="bo-cal-num" title=label aria-hidden="true">{d.day()}</span>
                                    <span class="bo-visually-hidden">{label}</span>
                                    <ul>
                                        {on.iter().map(|e| view! {
                                            <li><a href=Route::View("client_events".into(), e.meta.id.clone()).href()>{e.name.clone()}</a>
                                                <span class="bo-meta">" · "{app.t(e.stage.label_key())}</span></li>
                                        }).collect_view()}
                                    </ul>
                                </td>
                            }
                        }).collect_view();
                        view! { <tr>{cells}</tr> }
                    }).collect::<Vec<_>>()
                    }}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
