//! iCalendar files: export the whole calendar or one item, import a .ics file with a
//! preview that names everything it cannot bring over, then store it in one write.
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::calendar::Event;
use crate::domain::format::long_date;
use crate::domain::ics::{self, Clock, IcsError, Note};
use crate::domain::ics_read::ReadError;

use super::clock::{to_office, to_utc, zone_offset};
use super::collection::add_records;
use super::files::{download, read_chosen};
use super::router::{navigate, Route};
use super::state::{now, use_app, AppState};
use super::widgets::PageHead;

const ICS_MIME: &str = "text/calendar;charset=utf-8";

/// Items listed in an import's preview before "… and N more".
const SHOWN: usize = 50;

fn calendar_name(app: &AppState) -> String {
    let company = app.settings.with_untracked(|s| s.company_name.clone());
    if company.is_empty() {
        app.t("nav.calendar").to_string()
    } else {
        company
    }
}

pub fn export_all(app: &AppState) {
    let text = app.lists.events().with_untracked(|e| ics::export(e, &calendar_name(app), &to_utc));
    download(&format!("calendar-{}.ics", crate::domain::dates::date_text(now().date_naive())), ICS_MIME, &text);
}

/// One item with its changed occurrences.
pub fn export_one(app: &AppState, id: &str) {
    let (text, title) = app.lists.events().with_untracked(|all| {
        let mine: Vec<Event> = all.iter().filter(|e| e.meta.id == id || e.series_id == id).cloned().collect();
        (ics::export(&mine, &calendar_name(app), &to_utc), mine.first().map(|e| e.title.clone()).unwrap_or_default())
    });
    // ASCII punctuation and spaces become dashes; other letters stay (and need no Unicode tables).
    let safe: String = title
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || !c.is_ascii() { c } else { '-' })
        .collect::<String>()
        .trim_matches('-')
        .chars()
        .take(40)
        .collect();
    download(&format!("{}.ics", if safe.is_empty() { "event".into() } else { safe }), ICS_MIME, &text);
}

/// Why a file could not be read, in words, with the line or the item where it went wrong.
fn unreadable_text(app: &AppState, name: String, why: &ReadError) -> String {
    match why {
        ReadError::NotCalendar => app.tf("ics.err.not_calendar", &[("name", name)]),
        ReadError::BadLine { line, text } => {
            app.tf("ics.err.bad_line", &[("name", name), ("line", line.to_string()), ("text", text.clone())])
        }
        ReadError::StrayEnd { line } => app.tf("ics.err.stray_end", &[("name", name), ("line", line.to_string())]),
        ReadError::Unclosed { line, title } if title.is_empty() => {
            app.tf("ics.err.unclosed", &[("name", name), ("line", line.to_string())])
        }
        ReadError::Unclosed { line, title } => {
            app.tf("ics.err.unclosed_item", &[("name", name), ("line", line.to_string()), ("title", title.clone())])
        }
    }
}

fn note_text(app: &AppState, n: &Note) -> String {
    match n {
        Note::Skipped(title, why) => app.tf(
            "ics.note.skipped",
            &[("title", if title.is_empty() { app.t("ics.untitled").into() } else { title.clone() }), ("why", app.t(why).into())],
        ),
        Note::NotKept(what, count) => app.tf("ics.note.not_kept", &[("what", app.t(what).into()), ("n", count.to_string())]),
        Note::UnknownZone(z) => app.tf("ics.note.zone", &[("zone", z.clone())]),
        Note::RuleNotKept(title, rule) => app.tf("ics.note.rule", &[("title", title.clone()), ("rule", rule.clone())]),
    }
}

#[derive(Clone, PartialEq)]
struct Preview {
    file: String,
    /// Items new to this calendar, ready to store.
    fresh: Vec<Event>,
    /// Items already here (same UID and date), left out.
    known: usize,
    notes: Vec<String>,
}

/// Leaves out what this calendar already has, and joins changed occurrences whose series
/// is already here to that series.
fn prepare(app: &AppState, mut incoming: Vec<Event>) -> (Vec<Event>, usize) {
    app.lists.events().with_untracked(|have| {
        let key = |e: &Event| (ics::uid_of(e), e.occurrence);
        let known: std::collections::HashSet<(String, Option<chrono::NaiveDate>)> = have.iter().map(key).collect();
        let before = incoming.len();
        incoming.retain(|e| e.uid.is_empty() || !known.contains(&key(e)));
        for e in incoming.iter_mut().filter(|e| e.occurrence.is_some() && e.series_id.is_empty()) {
            if let Some(series) = have.iter().find(|s| ics::uid_of(s) == e.uid && s.occurrence.is_none() && s.series_id.is_empty()) {
                e.series_id = series.meta.id.clone();
            }
        }
        // Changed occurrences whose series was left out as known: point them at ours.
        let ids: std::collections::HashSet<String> = incoming.iter().map(|e| e.meta.id.clone()).collect();
        for e in incoming
            .iter_mut()
            .filter(|e| !e.series_id.is_empty() && !ids.contains(&e.series_id) && !have.iter().any(|h| h.meta.id == e.series_id))
        {
            if let Some(series) = have.iter().find(|s| ics::uid_of(s) == e.uid && s.series_id.is_empty()) {
                e.series_id = series.meta.id.clone();
            }
        }
        let n = incoming.len();
        (incoming, before - n)
    })
}

/// The .ics file the user chose, read in office time: its name and what it holds.
pub async fn read_ics(ev: web_sys::Event) -> Option<(String, Result<ics::Imported, IcsError>)> {
    let (name, bytes) = read_chosen(ev).await?;
    let text = String::from_utf8_lossy(&bytes);
    let clock = Clock { to_office: &to_office, zone: &zone_offset };
    Some((name, ics::parse(&text, &clock, now())))
}

pub fn import_page() -> AnyView {
    let app = use_app();
    let problem = RwSignal::new(None::<String>);
    let preview = RwSignal::new(None::<Preview>);
    let on_file = move |ev: web_sys::Event| {
        spawn_local(async move {
            let Some((name, parsed)) = read_ics(ev).await else { return };
            preview.set(None);
            problem.set(None);
            match parsed {
                Ok(got) => {
                    let notes = got.notes.iter().map(|n| note_text(&app, n)).collect();
                    let (fresh, known) = prepare(&app, got.events);
                    preview.set(Some(Preview { file: name, fresh, known, notes }));
                }
                Err(IcsError::Unreadable(why)) => problem.set(Some(unreadable_text(&app, name, &why))),
                Err(IcsError::NoEvents(notes)) => {
                    let why: Vec<String> = notes.iter().map(|n| note_text(&app, n)).collect();
                    problem.set(Some(format!("{} {}", app.tf("ics.err.no_events", &[("name", name)]), why.join(" "))));
                }
            }
        });
    };
    let apply = move |_| {
        let Some(p) = preview.get_untracked() else { return };
        let n = p.fresh.len();
        if add_records(&app, p.fresh).is_ok() {
            app.info(app.tf("ics.imported", &[("n", n.to_string())]));
            navigate(&Route::Calendar("month".into(), String::new()));
        }
    };
    view! {
        <PageHead title=app.title("cal.import")>
            <a class="bo-btn" href=Route::Calendar("month".into(), String::new()).href()>{app.text("action.back")}</a>
        </PageHead>
        <p class="bo-hint">{app.text("ics.how")}</p>
        <div class="bo-field">
            <label for="ics-file">{app.text("ics.choose")}</label>
            <input id="ics-file" type="file" accept=".ics,text/calendar" on:change=on_file />
        </div>
        {move || problem.get().map(|p| view! { <p class="bo-banner bo-banner-error" role="alert">{p}</p> })}
        {move || preview.get().map(|p| {
            let n = p.fresh.len();
            let lang = app.lang.get();
            let listed = p.fresh.iter().filter(|e| e.occurrence.is_none()).count();
            let more = listed.saturating_sub(SHOWN);
            let rows = p.fresh.iter().filter(|e| e.occurrence.is_none()).take(SHOWN).map(|e| {
                let when = e.start_at().map(|t| long_date(t.date(), lang)).unwrap_or_default();
                let repeat = (e.repeat != crate::domain::calendar::Repeat::Never).then(|| super::collection::display_value(&app, e, "repeat"));
                view! { <li><strong>{e.title.clone()}</strong>" — "{when}{repeat.map(|r| format!(" · {r}"))}</li> }
            }).collect_view();
            view! {
                <section class="bo-card" aria-live="polite">
                    <h2>{app.tf("ics.preview", &[("name", p.file.clone())])}</h2>
                    <p>{app.tf("ics.counts", &[("n", n.to_string()), ("known", p.known.to_string())])}</p>
                    {(!p.notes.is_empty()).then(|| view! {
                        <div class="bo-banner bo-banner-warn" role="status">
                            <p>{app.t("ics.notes")}</p>
                            <ul>{p.notes.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}</ul>
                        </div>
                    })}
                    <ul class="bo-list">{rows}</ul>
                    {(more > 0).then(|| view! { <p>{app.tf("ics.more", &[("n", more.to_string())])}</p> })}
                    <div class="bo-actions">
                        <button type="button" class="bo-btn bo-btn-primary" disabled=n == 0 on:click=apply>{app.tf("ics.apply", &[("n", n.to_string())])}</button>
                    </div>
                </section>
            }
        })}
    }
    .into_any()
}

/// The new item's blank form: starting at `at` (or today 09:00), lasting an hour.
pub fn prefill(at: Option<&str>) -> Vec<(&'static str, String)> {
    let start = at
        .and_then(crate::domain::record::parse_datetime)
        .unwrap_or_else(|| super::calendar::today().and_hms_opt(9, 0, 0).expect("09:00 exists"));
    let end = start + chrono::Duration::hours(1);
    let f = crate::domain::dates::datetime_text;
    vec![("start", f(start)), ("end", f(end))]
}
