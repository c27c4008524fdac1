//! One date of a repeating item (change or delete just that date, or the whole series),
//! and what every calendar item's page adds: double-booking warnings and .ics export.
use chrono::Days;
use leptos::prelude::*;

use crate::domain::booking::Clash;
use crate::domain::calendar::{conflicts, detach, occurrences, Event};
use crate::domain::format::{clock_time, long_date};

use super::calendar::{find, today};
use super::collection::{display_value, save_record, trash_record};
use super::router::{navigate, Route};
use super::state::{use_app, AppState, ToastKind};
use super::widgets::PageHead;

/// Double bookings of the item `id`: a series is checked for the coming year.
pub fn conflicts_banner(app: AppState, id: String) -> impl IntoView {
    let found = Memo::new(move |_| {
        app.lists.events().with(|all| {
            let Some(e) = all.iter().find(|e| e.meta.id == id && e.meta.deleted_at.is_none()) else { return vec![] };
            let start = e.start_at().map(|t| t.date()).unwrap_or_else(today);
            let from = if e.rule().is_some() && e.series_id.is_empty() { start.max(today()) } else { start };
            conflicts(all, e, from, 366)
        })
    });
    move || {
        let lang = app.lang.get();
        let list = found.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="bo-banner bo-banner-warn" role="status">
                    <p><strong>{app.t("event.conflicts")}</strong></p>
                    <ul>
                        {list.into_iter().map(|c| {
                            let when = format!("{} {}", long_date(c.at.date(), lang), clock_time(c.at.time(), lang));
                            let (key, what, other) = match &c.clash {
                                Clash::Room(other, room) => ("event.conflict_room", room.clone(), other.clone()),
                                Clash::Person(other, who) => ("event.conflict_person", who.clone(), other.clone()),
                            };
                            let text = app.tf(key, &[("what", what), ("other", c.other_title.clone()), ("when", when)]);
                            view! { <li><a href=Route::View("events".into(), other).href()>{text}</a></li> }
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// Whether the calendar item is a meeting (which has minutes), as it changes.
fn is_meeting(app: AppState, id: String) -> Memo<bool> {
    Memo::new(move |_| {
        app.lists.events().with(|all| all.iter().any(|e| e.meta.id == id && e.kind == crate::domain::calendar::EventKind::Meeting))
    })
}

/// Extra parts of an item's own page.
pub fn event_extras(id: String) -> AnyView {
    let app = use_app();
    let series = Memo::new({
        let id = id.clone();
        move |_| {
            app.lists.events().with(|all| {
                let e = all.iter().find(|e| e.meta.id == id)?;
                let s = all.iter().find(|s| s.meta.id == e.series_id && !e.series_id.is_empty())?;
                Some((s.meta.id.clone(), s.title.clone(), e.occurrence))
            })
        }
    });
    let id2 = id.clone();
    let meeting = is_meeting(app, id.clone());
    let minutes_of = StoredValue::new(id.clone());
    view! {
        {conflicts_banner(app, id.clone())}
        {move || series.get().map(|(sid, title, date)| {
            let when = date.map(|d| long_date(d, app.lang.get())).unwrap_or_default();
            view! {
                <p class="bo-banner bo-banner-info">
                    {app.tf("event.part_of", &[("title", title), ("date", when)])}" "
                    <a href=Route::View("events".into(), sid).href()>{app.text("event.open_series")}</a>
                </p>
            }
        })}
        <div class="bo-actions">
            // Minutes are a meeting's: an appointment (a visit, an imported booking) has none.
            <Show when=move || meeting.get()>
                <button type="button" class="bo-btn bo-btn-primary" on:click={
                    move |_| {
                        let id = minutes_of.get_value();
                        let Some(e) = find(&app, &id) else { return };
                        // A changed date's minutes belong to its series and the date it replaces.
                        let (owner, date) = match (e.series_id.is_empty(), e.occurrence, e.start_at()) {
                            (false, Some(d), _) => (e.series_id.clone(), d),
                            (_, _, Some(t)) => (id.clone(), t.date()),
                            _ => return,
                        };
                        super::minutes::open_minutes(&app, &owner, date);
                    }
                }>{app.text("event.minutes")}</button>
            </Show>
            <button type="button" class="bo-btn" on:click=move |_| super::calendar_files::export_one(&app, &id2)>{app.text("event.export_one")}</button>
            <a class="bo-btn" href=move || {
                let d = find(&app, &id).and_then(|e| e.start_at()).map(|t| t.date().to_string()).unwrap_or_default();
                Route::Calendar("month".into(), d).href()
            }>{app.text("event.in_calendar")}</a>
        </div>
    }
    .into_any()
}

fn undo_except(app: &AppState, arg: &str) {
    let Some((id, date)) = arg.split_once('|') else { return };
    let Some(date) = crate::domain::dates::parse_date(date) else { return };
    if let Some(mut s) = find(app, id) {
        s.except.retain(|d| *d != date);
        if save_record(app, s).is_ok() {
            app.info(app.t("toast.restored").into());
        }
    }
}

pub fn occurrence_page(id: String, date: String) -> AnyView {
    let app = use_app();
    let Some(day) = crate::domain::dates::parse_date(&date) else { return not_found(app) };
    let occ = {
        let id = id.clone();
        Memo::new(move |_| {
            app.lists.events().with(|all| {
                occurrences(all, day, day + Days::new(0)).into_iter().find(|o| o.id == id && o.repeats && o.series_date == Some(day))
            })
        })
    };
    if occ.get_untracked().is_none() {
        return not_found(app);
    }
    let (id_one, id_del, id_all, id_trash, id_min) = (id.clone(), id.clone(), id.clone(), id.clone(), StoredValue::new(id.clone()));
    let meeting = is_meeting(app, id.clone());
    let edit_one = move |_| {
        let Some(series) = find(&app, &id_one) else { return };
        let Some(copy) = detach(&series, day, super::state::now()) else { return };
        let new_id = copy.meta.id.clone();
        if save_record(&app, copy).is_ok() {
            navigate(&Route::Edit("events".into(), new_id));
        }
    };
    let delete_one = move |_| {
        let Some(mut series) = find(&app, &id_del) else { return };
        if !series.except.contains(&day) {
            series.except.push(day);
        }
        let title = series.title.clone();
        if save_record(&app, series).is_ok() {
            app.toast(
                app.tf("event.deleted_one", &[("name", title), ("date", long_date(day, app.lang.get_untracked()))]),
                ToastKind::Info,
                Some((app.t("action.undo").into(), undo_except, format!("{}|{day}", id_del))),
            );
            navigate(&Route::Calendar("month".into(), day.to_string()));
        }
    };
    let delete_all = move |_| {
        if trash_record::<Event>(&app, &id_trash).is_ok() {
            navigate(&Route::Calendar("month".into(), day.to_string()));
        }
    };
    let fields = {
        let id = id.clone();
        move || {
            let e = app.lists.events().with(|all| all.iter().find(|e| e.meta.id == id).cloned())?;
            let o = occ.get()?;
            Some(fields_view(app, &e, when_text(&app, o.start, o.end, o.all_day)))
        }
    };
    let title = Signal::derive(move || occ.with(|o| o.as_ref().map(|o| o.title.clone()).unwrap_or_default()));
    view! {
        <PageHead title=title>
            <Show when=move || app.read_only.get().is_none()>
                <Show when=move || meeting.get()>
                    <button type="button" class="bo-btn bo-btn-primary" on:click={
                        move |_| super::minutes::open_minutes(&app, &id_min.get_value(), day)
                    }>{app.text("event.minutes")}</button>
                </Show>
                <button type="button" class="bo-btn" on:click=edit_one.clone()>{app.text("event.edit_one")}</button>
                <button type="button" class="bo-btn bo-btn-danger" on:click=delete_one.clone()>{app.text("event.delete_one")}</button>
                <a class="bo-btn" href=Route::Edit("events".into(), id_all.clone()).href()>{app.text("event.edit_series")}</a>
                <button type="button" class="bo-btn bo-btn-danger" on:click=delete_all.clone()>{app.text("event.delete_series")}</button>
</Show>
            <a class="bo-btn" href=Route::Calendar("month".into(), day.to_string()).href()>{app.text("event.in_calendar")}</a>
        </PageHead>
        <p class="bo-hint">{app.text("event.occurrence_hint")}</p>
        <dl class="bo-dl">{fields}</dl>
        {conflicts_banner(app, id)}
    }
    .into_any()
}

fn when_text(app: &AppState, start: chrono::NaiveDateTime, end: chrono::NaiveDateTime, all_day: bool) -> String {
    let lang = app.lang.get();
    match (all_day, start.date() == end.date()) {
        (true, true) => long_date(start.date(), lang),
        (true, false) => format!("{} – {}", long_date(start.date(), lang), long_date(end.date(), lang)),
        (false, true) => format!("{} {}–{}", long_date(start.date(), lang), clock_time(start.time(), lang), clock_time(end.time(), lang)),
        (false, false) => format!(
            "{} {} – {} {}",
            long_date(start.date(), lang),
            clock_time(start.time(), lang),
            long_date(end.date(), lang),
            clock_time(end.time(), lang)
        ),
    }
}

/// "Weekly on Mon, Thu · until 31 Dec 2026" in the UI language.
fn repeat_text(app: &AppState, e: &Event) -> String {
    let Some(rule) = e.rule().filter(|_| e.series_id.is_empty()) else { return display_value(app, e, "repeat") };
    let mut parts = vec![display_value(app, e, "repeat")];
    if rule.interval > 1 {
        parts.push(app.tf("event.every_n", &[("n", rule.interval.to_string())]));
    }
    if !rule.weekdays.is_empty() {
        parts.push(display_value(app, e, "weekdays"));
    }
    if let Some(u) = rule.until {
        parts.push(app.tf("event.until_date", &[("date", long_date(u, app.lang.get()))]));
    }
    if let Some(c) = rule.count {
        parts.push(app.tf("event.times", &[("n", c.to_string())]));
    }
    if !e.except.is_empty() {
        parts.push(app.tf("event.skipped_dates", &[("n", e.except.len().to_string())]));
    }
    parts.join(" · ")
}

fn fields_view(app: AppState, e: &Event, when: String) -> AnyView {
    let rows: Vec<(&'static str, String)> = vec![
        ("event.when", when),
        ("event.kind", display_value(&app, e, "kind")),
        ("event.location", e.location.clone()),
        ("event.attendees", e.attendees.replace('\n', ", ")),
        ("event.repeat", repeat_text(&app, e)),
        ("event.notes", e.notes.clone()),
    ];
    rows.into_iter()
        .map(|(label, value)| {
            view! {
                <div class="bo-dl-row">
                    <dt>{app.text(label)}</dt>
                    <dd class="bo-prewrap">{if value.is_empty() { "—".to_string() } else { value }}</dd>
                </div>
            }
        })
        .collect_view()
        .into_any()
}

/// An item's own page: warnings first, then what, when and where.
pub fn event_page(id: String) -> AnyView {
    let app = use_app();
    let rec = {
        let id = id.clone();
        Memo::new(move |_| app.lists.events().with(|all| all.iter().find(|e| e.meta.id == id).cloned()))
    };
    if rec.get_untracked().is_none() {
        return not_found(app);
    }
    let (id_del, id_res, id_exp) = (id.clone(), id.clone(), id.clone());
    let deleted = move || rec.with(|e| e.as_ref().is_some_and(|e| e.meta.deleted_at.is_some()));
    let trash = move |_| {
        let day = rec.with_untracked(|e| e.as_ref().and_then(|e| e.start_at()).map(|t| t.date().to_string()).unwrap_or_default());
        if trash_record::<Event>(&app, &id_del).is_ok() {
            navigate(&Route::Calendar("month".into(), day));
        }
    };
    let restore = move |_| {
        if super::collection::restore_record::<Event>(&app, &id_res).is_ok() {
            app.info(app.t("toast.restored").into());
        }
    };
    let body = move || {
        let e = rec.get()?;
        let (Some(s), Some(end)) = (e.start_at(), e.end_at()) else {
            return Some(fields_view(app, &e, e.start.map(crate::domain::dates::datetime_text).unwrap_or_default()));
        };
        Some(fields_view(app, &e, when_text(&app, s, end, e.all_day)))
    };
    let stamps = move || {
        rec.get().map(|e| {
            let f = |t| crate::domain::format::format_datetime(super::state::local(t), app.lang.get());
            app.tf("record.stamps", &[("created", f(e.meta.created_at)), ("updated", f(e.meta.updated_at))])
        })
    };
    let title = Signal::derive(move || rec.with(|e| e.as_ref().map(|e| e.title.clone()).unwrap_or_default()));
    view! {
            <PageHead title=title>
                <Show when=move || app.read_only.get().is_none() && !deleted()>
                    <a class="bo-btn bo-btn-primary" href=Route::Edit("events".into(), id.clone()).href()>{app.text("action.edit")}</a>
                    <button type="button" class="bo-btn bo-btn-danger" on:click=trash.clone()>{app.text("action.delete")}</button>
    </Show>
                <Show when=move || app.read_only.get().is_none() && deleted()>
                    <button type="button" class="bo-btn bo-btn-primary" on:click=restore.clone()>{app.text("action.restore")}</button>
    </Show>
            </PageHead>
            <Show when=deleted>
                <p class="bo-banner bo-banner-warn">{app.text("trash.in_trash")}</p>
    </Show>
            {event_extras(id_exp)}
            <dl class="bo-dl">{body}</dl>
            <p class="bo-meta">{stamps}</p>
        }
    .into_any()
}

fn not_found(app: AppState) -> AnyView {
    view! {
        <h1 tabindex="-1">{app.text("notfound.title")}</h1>
        <p>{app.text("event.no_occurrence")}</p>
        <p><a href=Route::Calendar("month".into(), String::new()).href()>{app.text("nav.calendar")}</a></p>
    }
    .into_any()
}
