//! National holidays and collective leave taken from a calendar file (Google Calendar's
//! "Holidays in Indonesia", a ministry's published .ics): a preview of the days it adds,
//! then one write.
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::format::long_date;
use crate::domain::ics::IcsError;
use crate::domain::leave::{holidays_from_events, Holiday};

use super::calendar::today;
use super::calendar_files::read_ics;
use super::collection::add_records;
use super::router::{navigate, Route};
use super::state::{now, use_app};
use super::widgets::PageHead;

/// Lines of the preview before "… and N more".
const SHOWN: usize = 60;

#[derive(Clone, PartialEq)]
struct Preview {
    file: String,
    fresh: Vec<Holiday>,
    /// Days the holiday list already has, left out.
    known: usize,
    /// Observances in the file: no day off, left out.
    observances: usize,
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
                    let found = app.lists.holidays().with_untracked(|have| holidays_from_events(&got.events, have, today(), now()));
                    preview.set(Some(Preview { file: name, fresh: found.fresh, known: found.known, observances: found.observances }));
                }
                Err(IcsError::Unreadable(_)) => problem.set(Some(app.tf("hol.file_unreadable", &[("name", name)]))),
                Err(IcsError::NoEvents(_)) => problem.set(Some(app.tf("hol.file_none", &[("name", name)]))),
            }
        });
    };
    let apply = move |_| {
        let Some(p) = preview.get_untracked() else { return };
        let n = p.fresh.len();
        if add_records(&app, p.fresh).is_ok() {
            app.info(app.tf("hol.file_added", &[("n", n.to_string())]));
            navigate(&Route::List("holidays".into()));
        }
    };
    view! {
        <PageHead title=app.title("hol.from_file")>
            <a class="bo-btn" href=Route::List("holidays".into()).href()>{app.text("action.back")}</a>
        </PageHead>
        <p class="bo-hint">{app.text("hol.file_how")}</p>
        <div class="bo-field">
            <label for="holiday-file">{app.text("ics.choose")}</label>
            <input id="holiday-file" type="file" accept=".ics,text/calendar" on:change=on_file />
        </div>
        {move || problem.get().map(|p| view! { <p class="bo-banner bo-banner-error" role="alert">{p}</p> })}
        {move || preview.get().map(|p| {
            let n = p.fresh.len();
            let lang = app.lang.get();
            let more = n.saturating_sub(SHOWN);
            let rows = p.fresh.iter().take(SHOWN).map(|h| {
                let day = h.date.map(|d| long_date(d, lang)).unwrap_or_default();
                let collective = h.collective.then(|| format!(" · {}", app.t("hol.collective")));
                view! { <li>{day}" — "<strong>{h.name.clone()}</strong>{collective}</li> }
            }).collect_view();
            view! {
                <section class="bo-card" aria-live="polite">
                    <h2>{app.tf("ics.preview", &[("name", p.file.clone())])}</h2>
                    <p>{app.tf("hol.file_counts", &[("n", n.to_string()), ("known", p.known.to_string())])}</p>
                    {(p.observances > 0).then(|| view! { <p>{app.tf("hol.file_observances", &[("n", p.observances.to_string())])}</p> })}
                    <ul class="bo-list">{rows}</ul>
                    {(more > 0).then(|| view! { <p>{app.tf("hol.file_more", &[("n", more.to_string())])}</p> })}
                    <div class="bo-actions">
                        <button type="button" class="bo-btn bo-btn-primary" disabled=n == 0 || app.read_only.get().is_some() on:click=apply>
                            {app.tf("hol.file_apply", &[("n", n.to_string())])}
                        </button>
                    </div>
                </section>
            }
        })}
    }
    .into_any()
}
