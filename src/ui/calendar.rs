//! Calendar screens: month, week and agenda views of appointments and meetings.
//! Arrow keys move the selected day (Page Up/Down a month, Home/End the week, T today),
//! Enter creates an item on it; clicking a day or a time slot creates one there.
use std::cell::Cell;

use chrono::{Datelike, Days, Months, NaiveDate, NaiveTime};
use leptos::prelude::*;

use wasm_bindgen::JsCast;

use crate::domain::calendar::{month_grid, occurrences, week_start, Event, Occurrence};
use crate::domain::dates::{datetime_text, parse_date};
use crate::domain::format::{clock_time, long_date, month_year, weekday_name};

use super::router::{navigate, Route};
use super::state::{local, now, use_app, AppState};
use super::widgets::PageHead;
use crate::domain::calendar::EventKind;
use crate::domain::leave::LeaveStatus;

thread_local! {
    /// Set by a key press that moved the selected day (or left for a new item by Enter), so
    /// the view focuses that day once drawn.
    static KEYBOARD: Cell<bool> = const { Cell::new(false) };
    /// The hour picked by keyboard in the week view, kept from week to week.
    static HOUR: Cell<u32> = const { Cell::new(9) };
    /// The page last shown (view, its date, its first and last day), which a new item
    /// started from the calendar returns to.
    static PAGE: Cell<(&'static str, NaiveDate, NaiveDate, NaiveDate)> = const { Cell::new(("month", NaiveDate::MIN, NaiveDate::MIN, NaiveDate::MIN)) };
}

/// The calendar a new item at `at` (`YYYY-MM-DDTHH:MM`, as the calendar makes it) was
/// started from: the page last shown, on the item's day when that page holds it (a grey
/// day of the next month returns to the month the user was on).
pub fn started_from(at: &str) -> Option<Route> {
    let day = crate::domain::dates::parse_datetime(at)?.date();
    let (view, page_day, first, last) = PAGE.with(Cell::get);
    let back = if (first..=last).contains(&day) || page_day == NaiveDate::MIN { day } else { page_day };
    Some(Route::Calendar(view.into(), back.to_string()))
}

pub fn today() -> NaiveDate {
    local(now()).date_naive()
}

/// Where an item on the calendar opens: a date of a series, or the record itself.
pub fn occurrence_href(o: &Occurrence) -> String {
    match (o.repeats, o.series_date) {
        (true, Some(d)) => Route::Occurrence(o.id.clone(), d.to_string()).href(),
        _ => Route::View("events".into(), o.id.clone()).href(),
    }
}

fn new_at(day: NaiveDate, hour: u32) -> Route {
    let t = day.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or(NaiveTime::MIN));
    Route::NewAt("events".into(), datetime_text(t))
}

fn time_range(app: &AppState, o: &Occurrence) -> String {
    if o.all_day {
        return app.t("event.all_day").to_string();
    }
    let lang = app.lang.get();
    format!("{}–{}", clock_time(o.start.time(), lang), clock_time(o.end.time(), lang))
}

fn item_link(app: AppState, o: Occurrence, with_time: bool) -> impl IntoView {
    let label = if o.all_day || !with_time {
        o.title.clone()
    } else {
        format!("{} {}", clock_time(o.start.time(), app.lang.get_untracked()), o.title)
    };
    let title = format!(
        "{} · {}{}",
        o.title,
        time_range(&app, &o),
        if o.location.is_empty() { String::new() } else { format!(" · {}", o.location) }
    );
    view! {
        <a class="bo-cal-item" class:bo-cal-meeting=o.kind == EventKind::Meeting class:bo-cal-allday=o.all_day href=occurrence_href(&o) title=title>
            {label}
        </a>
    }
}

/// Moves the selection by a key; None for keys the calendar does not use.
fn moved(day: NaiveDate, key: &str) -> Option<NaiveDate> {
    match key {
        "ArrowLeft" => day.pred_opt(),
        "ArrowRight" => day.succ_opt(),
        "ArrowUp" => day.checked_sub_days(Days::new(7)),
        "ArrowDown" => day.checked_add_days(Days::new(7)),
        "PageUp" => day.checked_sub_months(Months::new(1)),
        "PageDown" => day.checked_add_months(Months::new(1)),
        "Home" => Some(week_start(day)),
        "End" => week_start(day).checked_add_days(Days::new(6)),
        "t" | "T" => Some(today()),
        _ => None,
    }
}

fn focus_day(day: NaiveDate) {
    // Two frames: after a page change the shell focuses the heading in the first one.
    request_animation_frame(move || {
        request_animation_frame(move || {
            if let Ok(Some(el)) = document().query_selector(&format!("[data-date='{day}']")) {
                if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        })
    });
}

pub fn calendar_page(view: String, date: String) -> AnyView {
    let app = use_app();
    let day = parse_date(&date).unwrap_or_else(today);
    let selected = RwSignal::new(day);
    let view_name: &'static str = match view.as_str() {
        "week" => "week",
        "agenda" => "agenda",
        _ => "month",
    };
    // Enter creates an item at this hour: picked with Up/Down in the week view, 09:00 in
    // the month.
    let hour = RwSignal::new(if view_name == "week" { HOUR.with(Cell::get) } else { 9 });
    // Which dates this view holds: moving past them goes to the next page of the calendar.
    let (first, last) = match view_name {
        "week" => (week_start(day), week_start(day) + Days::new(6)),
        "agenda" => (day, day + Days::new(29)),
        _ => {
            let f = day.with_day(1).unwrap_or(day);
            (f, f.checked_add_months(Months::new(1)).and_then(|n| n.pred_opt()).unwrap_or(f))
        }
    };
    PAGE.with(|p| p.set((view_name, day, first, last)));
    // What Enter would do, said when the hour changes (not on every move of the day, which
    // the day's own name already says).
    let said = RwSignal::new(String::new());
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let on_day = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()).is_some_and(|t| t.has_attribute("data-date"));
        // Keys on an item inside a day are the item's (a link), not the calendar's.
        if ev.ctrl_key() || ev.alt_key() || ev.meta_key() || !on_day {
            return;
        }
        let cur = selected.get_untracked();
        if ev.key() == "Enter" && on_day {
            ev.prevent_default();
            KEYBOARD.with(|k| k.set(true));
            navigate(&new_at(cur, hour.get_untracked()));
            return;
        }
        if view_name == "week" && on_day && matches!(ev.key().as_str(), "ArrowUp" | "ArrowDown") {
            ev.prevent_default();
            let h = hour.get_untracked();
            let next = if ev.key() == "ArrowUp" { h.saturating_sub(1).max(FIRST_HOUR) } else { (h + 1).min(LAST_HOUR) };
            HOUR.with(|c| c.set(next));
            hour.set(next);
            let lang = app.lang.get_untracked();
            let at = NaiveTime::from_hms_opt(next, 0, 0).unwrap_or(NaiveTime::MIN);
            said.set(app.tf("cal.hour_said", &[("when", format!("{} {}", long_date(cur, lang), clock_time(at, lang)))]));
            return;
        }
        let Some(next) = moved(cur, &ev.key()) else { return };
        ev.prevent_default();
        KEYBOARD.with(|k| k.set(true));
        if next < first || next > last {
            navigate(&Route::Calendar(view_name.into(), next.to_string()));
        } else {
            selected.set(next);
            focus_day(next);
        }
    };
    if KEYBOARD.with(|k| k.replace(false)) {
        focus_day(day);
    }
    let step = move |dir: i32| {
        let next = match view_name {
            "week" => {
                if dir < 0 {
                    day.checked_sub_days(Days::new(7))
                } else {
                    day.checked_add_days(Days::new(7))
                }
            }
            "agenda" => {
                if dir < 0 {
                    day.checked_sub_days(Days::new(30))
                } else {
                    day.checked_add_days(Days::new(30))
                }
            }
            _ => {
                if dir < 0 {
                    day.checked_sub_months(Months::new(1))
                } else {
                    day.checked_add_months(Months::new(1))
                }
            }
        };
        Route::Calendar(view_name.into(), next.unwrap_or(day).to_string()).href()
    };
    let heading = move || {
        let lang = app.lang.get();
        match view_name {
            "week" => app.tf("cal.week_of", &[("from", long_date(first, lang)), ("to", long_date(last, lang))]),
            "agenda" => app.tf("cal.agenda_from", &[("from", long_date(first, lang))]),
            _ => month_year(day, lang),
        }
    };
    let tab = move |v: &'static str, key: &'static str| {
        view! {
            <a class="bo-btn" href=Route::Calendar(v.into(), day.to_string()).href() aria-current=(v == view_name).then_some("page")
                >{app.text(key)}</a>
        }
    };
    let body = match view_name {
        "week" => week_view(app, first, selected, hour, on_key).into_any(),
        "agenda" => agenda_view(app, first, last).into_any(),
        _ => month_view(app, day, selected, on_key).into_any(),
    };
    view! {
        <PageHead title=Signal::derive(move || format!("{} — {}", app.t("nav.calendar"), heading()))>
            <Show when=move || app.read_only.get().is_none()>
                <a class="bo-btn bo-btn-primary" href=move || new_at(selected.get(), hour.get()).href()>{app.text("event.new")}</a>
</Show>
            <a class="bo-btn" href=Route::Import("events".into()).href()>{app.text("cal.import")}</a>
            <button type="button" class="bo-btn" on:click=move |_| super::calendar_files::export_all(&app)>{app.text("cal.export")}</button>
        </PageHead>
        <div class="bo-cal-tools" role="toolbar" aria-label=app.text("cal.tools")>
            <a class="bo-btn" href=Route::Calendar(view_name.into(), today().to_string()).href()>{app.text("cal.today")}</a>
            <a class="bo-btn" href=step(-1) aria-label=app.text("cal.prev")>"‹"</a>
            <a class="bo-btn" href=step(1) aria-label=app.text("cal.next")>"›"</a>
            <span class="bo-cal-views">
                {tab("month", "cal.month")}{tab("week", "cal.week")}{tab("agenda", "cal.agenda")}
            </span>
            <a class="bo-btn" href=Route::List("events".into()).href()>{app.text("cal.all_items")}</a>
        </div>
        <p class="bo-hint">{app.text(if view_name == "week" { "cal.keys_hint_week" } else { "cal.keys_hint" })}</p>
        // Where Enter would create an item, said when the hour changes.
        {(view_name == "week").then(|| view! {
            <p id="cal-said" class="bo-visually-hidden" aria-live="polite">{move || said.get()}</p>
        })}
        {body}
    }
    .into_any()
}

fn month_view(
    app: AppState,
    day: NaiveDate,
    selected: RwSignal<NaiveDate>,
    on_key: impl Fn(leptos::ev::KeyboardEvent) + 'static,
) -> impl IntoView {
    let grid = month_grid(day);
    let (from, to) = (grid[0], grid[41]);
    let occ = Memo::new(move |_| app.lists.events().with(|e| occurrences(e, from, to)));
    let away = Memo::new(move |_| away_between(app, from, to));
    let closed = Memo::new(move |_| holidays_between(app, from, to));
    let month = day.month();
    let today = today();
    let heads = grid[..7]
        .iter()
        .map(|d| {
            let w = d.weekday();
            view! { <div role="columnheader" class="bo-cal-colhead">{move || weekday_name(w, app.lang.get(), true)}</div> }
        })
        .collect_view();
    let weeks = grid.chunks(7).map(|week| {
        let cells = week.iter().copied().map(|d| {
            let items = move || {
                let all: Vec<Occurrence> = occ.with(|o| o.iter().filter(|o| o.on(d)).cloned().collect());
                let more = all.len().saturating_sub(3);
                let shown = all.into_iter().take(3).map(|o| item_link(app, o, true)).collect_view();
                view! {
                    {shown}
                    {(more > 0).then(|| view! {
                        <a class="bo-cal-more" href=Route::Calendar("agenda".into(), d.to_string()).href()>{app.tf("cal.more", &[("n", more.to_string())])}</a>
                    })}
                }
            };
            view! {
                <div role="gridcell" class="bo-cal-day" class:bo-cal-out=d.month() != month class:bo-cal-today=d == today
                    data-date=d.to_string() tabindex=move || if selected.get() == d { "0" } else { "-1" }
                    aria-selected=move || (selected.get() == d).to_string()
                    on:focus=move |_| selected.set(d)
                    on:click=move |ev| {
                        // A click on the day itself (not on an item in it) creates an item there.
                        if ev.target() == ev.current_target() && app.read_only.get_untracked().is_none() {
                            navigate(&new_at(d, 9));
                        }
                    }>
                    // Named by its content: a screen reader hears the whole date, then what is
                    // in the day (holidays, items, leave), as a sighted user sees them.
                    <span class="bo-cal-num" aria-hidden="true">{d.day()}</span>
                    <span class="bo-visually-hidden">{move || long_date(d, app.lang.get())}</span>
                    {move || day_holidays(closed, d)}
                    {items}
                    {move || day_leave(app, away, d)}
                </div>
            }
        }).collect_view();
        view! { <div role="row" class="bo-cal-week">{cells}</div> }
    }).collect_view();
    view! {
        <div class="bo-cal-month" role="grid" aria-label=move || month_year(day, app.lang.get()) on:keydown=on_key>
            <div role="row" class="bo-cal-week bo-cal-heads">{heads}</div>
            {weeks}
        </div>
    }
}

/// Who is away on `d`, each linking to their leave.
fn day_leave(app: AppState, away: Memo<Vec<Away>>, d: NaiveDate) -> impl IntoView {
    away.with(|a| {
        a.iter()
            .filter(|(_, s, e, _)| *s <= d && d <= *e)
            .map(|(id, _, _, name)| {
                view! {
                    <a class="bo-cal-item bo-cal-leave" href=Route::View("leave".into(), id.clone()).href()>{app.tf("cal.on_leave", &[("name", name.clone())])}</a>
                }
            })
            .collect_view()
    })
}

/// The holidays and collective leave of `d`.
fn day_holidays(closed: Memo<Vec<(NaiveDate, String)>>, d: NaiveDate) -> impl IntoView {
    closed.with(|c| {
        c.iter().filter(|(day, _)| *day == d).map(|(_, name)| view! { <span class="bo-cal-holiday">{name.clone()}</span> }).collect_view()
    })
}

/// Approved leave: (request id, first day, last day, employee's name).
type Away = (String, NaiveDate, NaiveDate, String);

/// Approved leave overlapping `from`–`to`: (request id, first day, last day, employee's name).
fn away_between(app: AppState, from: NaiveDate, to: NaiveDate) -> Vec<Away> {
    app.lists.leave().with(|all| {
        app.lists.employees().with(|emps| {
            all.iter()
                .filter(|r| r.meta.deleted_at.is_none() && r.status == LeaveStatus::Approved)
                .filter_map(|r| {
                    let (s, e) = r.dates()?;
                    let name = emps.iter().find(|x| x.meta.id == r.employee_id)?.name.clone();
                    (s <= to && e >= from).then(|| (r.meta.id.clone(), s, e, name))
                })
                .collect()
        })
    })
}

/// Holidays and collective leave from `from` to `to`: (day, name).
fn holidays_between(app: AppState, from: NaiveDate, to: NaiveDate) -> Vec<(NaiveDate, String)> {
    app.lists.holidays().with(|all| {
        all.iter()
            .filter(|h| h.meta.deleted_at.is_none())
            .filter_map(|h| Some((h.date?, h.name.clone())))
            .filter(|(d, _)| *d >= from && *d <= to)
            .collect()
    })
}

/// Office hours shown as slots; earlier and later items join the first and last slot.
const FIRST_HOUR: u32 = 7;
const LAST_HOUR: u32 = 19;

fn week_view(
    app: AppState,
    monday: NaiveDate,
    selected: RwSignal<NaiveDate>,
    hour: RwSignal<u32>,
    on_key: impl Fn(leptos::ev::KeyboardEvent) + 'static,
) -> impl IntoView {
    let days: Vec<NaiveDate> = (0..7).map(|i| monday + Days::new(i)).collect();
    let occ = Memo::new(move |_| app.lists.events().with(|e| occurrences(e, monday, monday + Days::new(6))));
    let away = Memo::new(move |_| away_between(app, monday, monday + Days::new(6)));
    let closed = Memo::new(move |_| holidays_between(app, monday, monday + Days::new(6)));
    let today = today();
    let columns = days.iter().copied().map(|d| {
        // Whole days: the office closed, items of a day or more, who is away.
        let all_day = move || view! {
            {day_holidays(closed, d)}
            {occ.with(|o| o.iter().filter(|o| o.on(d) && (o.all_day || o.start.date() != d)).cloned().map(|o| item_link(app, o, false)).collect_view())}
            {day_leave(app, away, d)}
        };
        let slots = (FIRST_HOUR..=LAST_HOUR).map(|h| {
            let items = move || occ.with(|o| {
                o.iter()
                    .filter(|o| !o.all_day && o.start.date() == d && slot_hour(o.start) == h)
                    .cloned()
                    .map(|o| item_link(app, o, true))
                    .collect_view()
            });
            let label = move || app.tf("cal.new_at", &[("when", format!("{} {}", long_date(d, app.lang.get()), clock_time(NaiveTime::from_hms_opt(h, 0, 0).unwrap_or(NaiveTime::MIN), app.lang.get())))]);
            view! {
                <div class="bo-cal-slot" class:bo-cal-slot-active=move || selected.get() == d && hour.get() == h>
                    // A pointer's shortcut (keyboard users pick the hour with Up/Down and press
                    // Enter on the day): left out of the day's name, which would otherwise
                    // list every hour.
                    <button type="button" class="bo-cal-slot-btn" tabindex="-1" aria-hidden="true" aria-label=label on:click=move |_| navigate(&new_at(d, h))>
                        {format!("{h:02}")}
                    </button>
                    {items}
                </div>
            }
        }).collect_view();
        view! {
            <div class="bo-cal-col" role="gridcell" class:bo-cal-today=d == today data-date=d.to_string()
                tabindex=move || if selected.get() == d { "0" } else { "-1" } aria-selected=move || (selected.get() == d).to_string()
                on:focus=move |_| selected.set(d)>
                <div class="bo-cal-colhead">
                    <span aria-hidden="true">{move || format!("{} {}", weekday_name(d.weekday(), app.lang.get(), true), d.day())}</span>
                    <span class="bo-visually-hidden">{move || long_date(d, app.lang.get())}</span>
                </div>
                <div class="bo-cal-allday-row">{all_day}</div>
                {slots}
            </div>
        }
    }).collect_view();
    view! {
        <div class="bo-cal-weekview" role="grid" aria-label=app.text("cal.week") on:keydown=on_key>
            <div role="row" class="bo-cal-weekrow">{columns}</div>
        </div>
    }
}

fn slot_hour(t: chrono::NaiveDateTime) -> u32 {
    use chrono::Timelike;
    t.hour().clamp(FIRST_HOUR, LAST_HOUR)
}

fn agenda_view(app: AppState, first: NaiveDate, last: NaiveDate) -> impl IntoView {
    let occ = Memo::new(move |_| app.lists.events().with(|e| occurrences(e, first, last)));
    let away = Memo::new(move |_| away_between(app, first, last));
    let closed = Memo::new(move |_| holidays_between(app, first, last));
    // The days with anything on them: items, a holiday, someone away.
    let days = Memo::new(move |_| {
        let mut out: Vec<(NaiveDate, Vec<Occurrence>)> = vec![];
        occ.with(|all| {
            let mut d = first;
            while d <= last {
                let on: Vec<Occurrence> = all.iter().filter(|o| o.on(d)).cloned().collect();
                let marked =
                    closed.with(|c| c.iter().any(|(day, _)| *day == d)) || away.with(|a| a.iter().any(|(_, s, e, _)| *s <= d && d <= *e));
                if !on.is_empty() || marked {
                    out.push((d, on));
                }
                d = d + Days::new(1);
            }
        });
        out
    });
    view! {
            <Show when=move || days.with(Vec::is_empty)>
                <p class="bo-empty">{app.text("cal.agenda_empty")}</p>
    </Show>
            <div class="bo-cal-agenda">
                {move || days.get().into_iter().map(|(d, items)| view! {
                    <section class="bo-card">
                        <h2>{long_date(d, app.lang.get())}</h2>
                        {day_holidays(closed, d)}
                        {day_leave(app, away, d)}
                        <ul class="bo-list">
                            {items.into_iter().map(|o| {
                                let when = time_range(&app, &o);
                                let place = o.location.clone();
                                view! {
                                    <li>
                                        <span class="bo-meta">{when}</span>" "
                                        {item_link(app, o, false)}
                                        {(!place.is_empty()).then(|| view! { <span class="bo-meta">" · "{place}</span> })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                }).collect_view()}
            </div>
        }
}

/// Today's items for the front desk.
pub fn todays_items(app: AppState) -> impl IntoView {
    let day = today();
    let occ = Memo::new(move |_| app.lists.events().with(|e| occurrences(e, day, day)));
    view! {
        <Show when=move || occ.with(Vec::is_empty) fallback=move || view! {
            <ul class="bo-list">
                {move || occ.get().into_iter().map(|o| {
                    let when = time_range(&app, &o);
                    view! { <li><span class="bo-meta">{when}</span>" "{item_link(app, o, false)}</li> }
                }).collect_view()}
            </ul>
        }>
            <p class="bo-empty">{app.text("cal.none_today")}</p>
        </Show>
    }
}

/// The record a calendar page should show for `id`, if it is a live event.
pub fn find(app: &AppState, id: &str) -> Option<Event> {
    app.lists.events().with_untracked(|e| e.iter().find(|e| e.meta.id == id).cloned())
}
