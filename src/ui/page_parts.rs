//! The record form and the file imports, each a part of the wasm fetched the first time one
//! opens: a person who reads a list, or opens the Today view, downloads none of them. What
//! is typed (a record type's fields, its checks, its save) stays with its area and is handed
//! in as plain functions; the parts hold the screens, which every record type shares.
//! A part that cannot be fetched says so with Retry, as an area does (`from_part`).
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use super::areas::{from_part, NotLoaded};
use super::csv_import::{ImportOf, Target};
use super::state::AppState;
use crate::domain::record::{FieldDef, FieldError, FormRules};

/// What a record form is drawn from (ui/widgets.rs, `RecordForm`).
#[derive(Clone)]
pub struct FormArgs {
    pub fields: &'static [FieldDef],
    pub rules: &'static FormRules,
    pub choices: fn(&AppState, &str, &str) -> Vec<(String, String)>,
    pub initial: Vec<String>,
    pub errors: RwSignal<Vec<FieldError>>,
    pub on_save: Callback<Vec<String>>,
    pub on_cancel: Callback<()>,
}

/// A record's form, under the page's heading (drawn at once); the form comes with its part.
pub fn record_form(app: AppState, args: FormArgs) -> impl IntoView {
    from_part(app, move || form_part(args.clone()))
}

#[wasm_split(form, wasm_split_path = ::leptos::wasm_split, fallible)]
fn form_part(args: FormArgs) -> Result<AnyView, NotLoaded> {
    let FormArgs { fields, rules, choices, initial, errors, on_save, on_cancel } = args;
    let view = view! { <super::widgets::RecordForm fields rules choices initial errors on_save on_cancel /> }.into_any();
    // The page took focus before its form came: the form's first field takes it now, as it
    // would have had the form been drawn with the page.
    let route = super::state::use_app().route.get_untracked();
    request_animation_frame(move || super::app::focus_page(&route));
    Ok(view)
}

/// Any list's CSV and Excel import (ui/csv_import.rs).
pub fn csv_import(app: AppState, plural: &'static str, fields: &'static [FieldDef], to: Target, of: ImportOf) -> impl IntoView {
    from_part(app, move || import_part(plural, fields, to.clone(), of))
}

#[wasm_split(import, wasm_split_path = ::leptos::wasm_split, fallible)]
fn import_part(plural: &'static str, fields: &'static [FieldDef], to: Target, of: ImportOf) -> Result<AnyView, NotLoaded> {
    Ok(super::csv_import::import_of(plural, fields, to, of))
}

/// The contacts' import: vCard files besides CSV and Excel (ui/contacts.rs).
pub fn contacts_import(app: AppState) -> impl IntoView {
    from_part(app, contacts_import_part)
}

#[wasm_split(contacts_import, wasm_split_path = ::leptos::wasm_split, fallible)]
fn contacts_import_part() -> Result<AnyView, NotLoaded> {
    Ok(super::contacts::import_page())
}

/// The calendar's import: .ics files (ui/calendar_files.rs).
pub fn calendar_import(app: AppState) -> impl IntoView {
    from_part(app, calendar_import_part)
}

#[wasm_split(calendar_import, wasm_split_path = ::leptos::wasm_split, fallible)]
fn calendar_import_part() -> Result<AnyView, NotLoaded> {
    Ok(super::calendar_files::import_page())
}
