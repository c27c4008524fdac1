//! Warning letters: the next level suggested while one is valid, and the letter printed on
//! A4 with the company profile.
use leptos::prelude::*;

use crate::domain::discipline::{self, WarningLetter};
use crate::domain::format::long_date;

use super::calendar::today;
use super::collection::UiEntity;
use super::fields::day_of;
use super::pages::RecordPages;
use super::people::employee;
use super::records::{csv_tools, detail_page_with, form_page_with, list_page};
use super::router::Route;
use super::state::{use_app, AppState};

impl UiEntity for WarningLetter {
    const PLURAL: &'static str = "nav.warnings";
    const NEW: &'static str = "sp.new";
    const EMPTY: &'static str = "sp.empty";
}

impl RecordPages for WarningLetter {
    fn list() -> AnyView {
        list_page::<WarningLetter>("warnings", csv_tools::<WarningLetter>("warnings"))
    }
    /// `#/warnings/new/<employee id>`: dated today, at the level that comes next for them.
    fn create(employee: Option<String>) -> AnyView {
        let app = use_app();
        let mut prefill = vec![("date", crate::domain::dates::date_text(today()))];
        if let Some(id) = employee {
            let level = app.lists.warnings().with_untracked(|all| discipline::next_level(all, &id, today()));
            prefill.extend([("employee_id", id), ("level", level.code().to_string())]);
        }
        prefill.push(("signed_by", app.settings.with_untracked(|s| s.user_name.clone())));
        form_page_with::<WarningLetter>("warnings", None, prefill)
    }
    fn view(id: String) -> AnyView {
        letter_page(id)
    }
}

fn level_label(app: &AppState, level: &discipline::WarningLevel) -> &'static str {
    app.t(level.label_key())
}

/// The letters valid today, for the employee's page: one line each, the highest first.
pub fn valid_lines(app: &AppState, employee_id: &str) -> Vec<(String, String)> {
    app.lists.warnings().with(|all| {
        discipline::valid_letters(all, employee_id, today())
            .into_iter()
            .map(|w| {
                let until = w.valid_until().map(|u| long_date(u, app.lang.get())).unwrap_or_default();
                (w.meta.id.clone(), app.tf("sp.valid_line", &[("level", level_label(app, &w.level).to_string()), ("until", until)]))
            })
            .collect()
    })
}

fn letter_page(id: String) -> AnyView {
    let app = use_app();
    let id2 = id.clone();
    let letter = Memo::new(move |_| app.lists.warnings().with(|all| all.iter().find(|w| w.meta.id == id2).cloned()));
    let status_part = move || {
        let w = letter.get()?;
        let valid = w.is_valid_on(today());
        let until = w.valid_until().map(|u| long_date(u, app.lang.get())).unwrap_or_default();
        Some(view! {
            <section class="bo-card" aria-labelledby="sp-h">
                <h2 id="sp-h">{employee(&app, &w.employee_id).map(|e| e.name).unwrap_or_default()}</h2>
                <p class:bo-warn-text=valid>{app.tf(if valid { "sp.valid_until" } else { "sp.expired" }, &[("until", until)])}</p>
                <div class="bo-actions">
                    <button type="button" class="bo-btn" on:click=move |_| { let _ = window().print(); }>{app.text("action.print")}</button>
                </div>
            </section>
        })
    };
    let print_part = move || letter.get().map(|w| print_view(&app, &w));
    view! {
        <div class="bo-no-print">
            {detail_page_with::<WarningLetter>("warnings", id, Some(ViewFn::from(move || view! { {status_part} }.into_any())))}
        </div>
        {print_part}
    }
    .into_any()
}

/// The letter as printed: company profile, the level, the employee, the reason, what is
/// expected, how long it holds, and room to sign.
fn print_view(app: &AppState, w: &WarningLetter) -> AnyView {
    let app = *app;
    let s = app.settings.get_untracked();
    let e = employee(&app, &w.employee_id);
    let until = w.valid_until().map(|u| long_date(u, app.lang.get())).unwrap_or_default();
    view! {
        <article class="bo-print-only bo-doc-print" aria-hidden="true">
            <p class="bo-print-company">{s.company_name.clone()}</p>
            <p class="bo-prewrap">{s.company_address.clone()}</p>
            <h1>{app.t("sp.letter")}" — "{level_label(&app, &w.level)}</h1>
            {(!w.number.is_empty()).then(|| view! { <p>{app.t("sp.number")}": "{w.number.clone()}</p> })}
            <p>{app.t("sp.date")}": "{day_of(&app, w.date)}</p>
            <h2>{app.t("sp.to")}</h2>
            {e.map(|e| view! {
                <p><strong>{e.name.clone()}</strong>{(!e.number.is_empty()).then(|| format!(" ({})", e.number))}</p>
                <p>{[e.position.clone(), e.department.clone()].into_iter().filter(|x| !x.is_empty()).collect::<Vec<_>>().join(", ")}</p>
            })}
            <h2>{app.t("sp.reason")}</h2>
            <p class="bo-prewrap">{w.reason.clone()}</p>
            {(!w.expected.is_empty()).then(|| view! {
                <h2>{app.t("sp.expected")}</h2>
                <p class="bo-prewrap">{w.expected.clone()}</p>
            })}
            <p>{app.tf("sp.print_validity", &[("until", until)])}</p>
            <p class="bo-signature">{w.signed_by.clone()}</p>
        </article>
    }
    .into_any()
}

/// A link to write the next letter for an employee, from their page.
pub fn new_letter_href(employee_id: &str) -> String {
    Route::NewAt("warnings".into(), employee_id.to_string()).href()
}
