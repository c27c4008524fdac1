//! Career notes on their own list and, newest first, on the employee's page.
use leptos::prelude::*;

use crate::domain::career::{notes_of, CareerNote};
use crate::domain::people::Employee;

use super::calendar::today;
use super::collection::{display_value, UiEntity};
use super::fields::day_of;
use super::pages::RecordPages;
use super::records::form_page_with;
use super::router::Route;
use super::state::use_app;

impl UiEntity for CareerNote {
    const PLURAL: &'static str = "nav.career_notes";
    const NEW: &'static str = "career.new";
    const EMPTY: &'static str = "career.empty";
}

impl RecordPages for CareerNote {
    /// `#/career_notes/new/<employee id>`: for that employee, dated today, written by whoever
    /// uses this browser.
    fn create(employee: Option<String>) -> AnyView {
        let app = use_app();
        let mut prefill = vec![("date", crate::domain::dates::date_text(today()))];
        prefill.extend(employee.map(|id| ("employee_id", id)));
        prefill.push(("by", app.settings.with_untracked(|s| s.user_name.clone())));
        form_page_with::<CareerNote>("career_notes", None, prefill)
    }
}

/// The employee page's section: their notes, newest first, and a way to add one.
pub fn career_part(employee: Memo<Option<Employee>>) -> impl IntoView {
    let app = use_app();
    move || {
        let e = employee.get()?;
        let notes = app.lists.career_notes().with(|all| notes_of(all, &e.meta.id));
        let writable = app.read_only.get().is_none() && e.meta.deleted_at.is_none();
        (writable || !notes.is_empty()).then(|| {
            view! {
                <section class="bo-card" aria-labelledby="career-h">
                    <h2 id="career-h">{app.text("nav.career_notes")}</h2>
                    {if notes.is_empty() {
                        view! { <p>{app.text("career.none")}</p> }.into_any()
                    } else {
                        view! {
                            <ol class="bo-timeline">
                                {notes.into_iter().map(|n| {
                                    let kind = display_value(&app, &n, "kind");
                                    let by = (!n.by.is_empty()).then(|| format!(" — {}", n.by));
                                    view! {
                                        <li>
                                            <a href=Route::View("career_notes".into(), n.meta.id.clone()).href()><strong>{day_of(&app, n.date)}</strong></a>
                                            " · "{kind}{by}
                                            <p class="bo-prewrap">{n.note.clone()}</p>
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        }.into_any()
                    }}
                    {writable.then(|| view! {
                        <div class="bo-actions">
                            <a class="bo-btn" href=Route::NewAt("career_notes".into(), e.meta.id.clone()).href()>{app.text("career.new")}</a>
                        </div>
                    })}
                </section>
            }
        })
    }
}
