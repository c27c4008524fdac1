//! One date of a repeating item (change or delete just that date, or the whole series),
//! and what every calendar item's page adds: double-booking warnings and .ics export.
use chrono::{Days, NaiveDate};
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
        app.events.with(|all| {
            let Some(e) = all.iter().find(|e| e.meta.id == id && e.meta.deleted_at.is_none()) else { return vec![] };
            let start = e.start_at().map(|t| t.date()).unwrap_or_else(today);
            let from = if e.rule().is_some() && e.series_id.is_empty() { start.max(today()) } else { start };
            conflicts(all, e, from, 366)
        })
    });
    move || {
        let lang = app.lang.get();
        let list = found.get();
        (!list.is_empty()).then(|| view! {
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
        })
    }
}

/// Extra parts of an item's own page.
pub fn event_extras(id: String) -> AnyView {
    let app = use_app();
    let series = Memo::new({
        let id = id.clone();
        move |_| {
            app.events.with(|all| {
                let e = all.iter().find(|e| e.meta.id == id)?;
                let s = all.iter().find(|s| s.meta.id == e.series_id && !e.series_id.is_empty())?;
                Some((s.meta.id.clone(), s.title.clone(), e.occurrence))
            })
        }
    });
    let id2 = id.clone();
    view! {
        {conflicts_banner(app, id.clone())}
        {move || series.get().map(|(sid, title, date)| {
            let when = date.map(|d| long_date(d, app.lang.get())).unwrap_or_default();
            view! {
                <p class="bo-banner bo-banner-info">
                    {app.tf("event.part_of", &[("title", title), ("date", when)])}" "
                    <a href=Route::View("events".into(), sid).href()>{move || app.t("event.open_series")}</a>
                </p>
            }
        })}
        <div class="bo-actions">
            <button type="button" class="bo-btn" on:click=move |_| super::calendar_files::export_one(&app, &id2)>{move || app.t("event.export_one")}</button>
            <a class="bo-btn" href=move || {
                let d = find(&app, &id).and_then(|e| e.start_at()).map(|t| t.date().to_string()).unwrap_or_default();
                Route::Calendar("month".into(), d).href()
            }>{move || app.t("event.in_calendar")}</a>
        </div>
    }
    .into_any()
}

fn undo_except(app: &AppState, arg: &str) {
    let Some((id, date)) = arg.split_once('|') else { return };
    let Ok(date) = date.parse::<NaiveDate>() else { return };
    if let Some(mut s) = find(app, id) {
        s.except.retain(|d| *d != date);
        if save_record(app, s).is_ok() {
            app.info(app.t("toast.restored").into());
        }
    }
}

pub fn occurrence_page(id: String, date: String) -> AnyView {
    let app = use_app();
    let Ok(day) = date.parse::<NaiveDate>() else { return not_found(app) };
    let occ = {
        let id = id.clone();
        Memo::new(move |_| app.events.with(|all| occurrences(all, day, day + Days::new(0)).into_iter().find(|o| o.id == id && o.repeats && o.series_date == Some(day))))
    };
    if occ.get_untracked().is_none() {
        return not_found(app);
    }
    let (id_one, id_del, id_all, id_trash) = (id.clone(), id.clone(), id.clone(), id.clone());
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
            let e = app.events.with(|all| all.iter().find(|e| e.meta.id == id).cloned())?;
            let o = occ.get()?;
            let lang = app.lang.get();
            let when = if o.all_day {
                long_date(o.start.date(), lang)
            } else {
                format!("{} {}–{}", long_date(o.start.date(), lang), clock_time(o.start.time(), lang), clock_time(o.end.time(), lang))
            };
            let rows: Vec<(&'static str, String)> = vec![
                ("event.when", when),
                ("event.kind", display_value(&app, &e, "kind")),
                ("event.location", e.location.clone()),
                ("event.attendees", e.attendees.replace('\n', ", ")),
                ("event.repeat", display_value(&app, &e, "repeat")),
                ("event.notes", e.notes.clone()),
            ];
            Some(rows.into_iter().map(|(label, value)| view! {
                <div class="bo-dl-row">
                    <dt>{move || app.t(label)}</dt>
                    <dd class="bo-prewrap">{if value.is_empty() { "—".to_string() } else { value }}</dd>
                </div>
            }).collect_view())
        }
    };
    let title = Signal::derive(move || occ.with(|o| o.as_ref().map(|o| o.title.clone()).unwrap_or_default()));
    view! {
        <PageHead title=title>
            <Show when=move || app.read_only.get().is_none()>
                <button type="button" class="bo-btn bo-btn-primary" on:click=edit_one.clone()>{move || app.t("event.edit_one")}</button>
                <button type="button" class="bo-btn bo-btn-danger" on:click=delete_one.clone()>{move || app.t("event.delete_one")}</button>
                <a class="bo-btn" href=Route::Edit("events".into(), id_all.clone()).href()>{move || app.t("event.edit_series")}</a>
                <button type="button" class="bo-btn bo-btn-danger" on:click=delete_all.clone()>{move || app.t("event.delete_series")}</button>
            </Show>
            <a class="bo-btn" href=Route::Calendar("month".into(), day.to_string()).href()>{move || app.t("event.in_calendar")}</a>
        </PageHead>
        <p class="bo-hint">{move || app.t("event.occurrence_hint")}</p>
        <dl class="bo-dl">{fields}</dl>
        {conflicts_banner(app, id)}
    }
    .into_any()
}

fn not_found(app: AppState) -> AnyView {
    view! {
        <h1 tabindex="-1">{move || app.t("notfound.title")}</h1>
        <p>{move || app.t("event.no_occurrence")}</p>
        <p><a href=Route::Calendar("month".into(), String::new()).href()>{move || app.t("nav.calendar")}</a></p>
    }
    .into_any()
}
