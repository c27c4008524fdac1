//! The record form and the file imports, each a part of the wasm fetched the first time one
//! opens: a person who reads a list, or opens the Today view, downloads none of them. What
//! is typed (a record type's fields, its checks, its save) stays with its area and is handed
//! in as plain functions; the parts hold the screens, which every record type shares.
//! A part that cannot be fetched says so with Retry, as an area does (`from_part`).
use std::future::Future;

use leptos::prelude::*;

use super::areas::{from_part, part_fns, NotLoaded};
use super::csv_import::{ImportOf, Target};
use super::state::AppState;
use crate::domain::record::{FieldDef, FieldError, FormRules};

/// A page's body drawn by a part. The page took focus before it came (its heading, or
/// nothing when the part draws the heading too): once it is laid out, its first field or
/// heading takes focus as on any page, unless the person has gone elsewhere or put focus
/// somewhere meanwhile.
fn page_from_part<F, Fut>(app: AppState, load: F) -> impl IntoView
where
    F: Fn() -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, NotLoaded>> + Send + 'static,
{
    let opened = app.route.get_untracked();
    from_part(app, move || {
        let (load, opened) = (load.clone(), opened.clone());
        async move {
            let view = load().await?;
            request_animation_frame(move || {
                if app.route.get_untracked() == opened && focus_unclaimed() {
                    super::app::focus_page(&opened);
                }
            });
            Ok(view)
        }
    })
}

/// Focus is nowhere in particular: on the page itself, or on its heading.
fn focus_unclaimed() -> bool {
    let Some(el) = document().active_element() else { return true };
    el.tag_name().eq_ignore_ascii_case("body") || el.tag_name().eq_ignore_ascii_case("h1")
}

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
    page_from_part(app, move || form_part(args.clone()))
}

part_fns! { in form fn form_part(args: FormArgs) -> AnyView {
    let FormArgs { fields, rules, choices, initial, errors, on_save, on_cancel } = args;
    view! { <super::widgets::RecordForm fields rules choices initial errors on_save on_cancel /> }.into_any()
} }

/// Any list's CSV and Excel import (ui/csv_import.rs).
pub fn csv_import(app: AppState, plural: &'static str, fields: &'static [FieldDef], to: Target, of: ImportOf) -> impl IntoView {
    page_from_part(app, move || import_part(plural, fields, to.clone(), of))
}

part_fns! { in import fn import_part(plural: &'static str, fields: &'static [FieldDef], to: Target, of: ImportOf) -> AnyView {
    crate::i18n::add(crate::i18n::IMPORT);
    super::csv_import::import_of(plural, fields, to, of)
} }

/// The contacts' import: vCard files besides CSV and Excel (ui/contacts.rs).
pub fn contacts_import(app: AppState) -> impl IntoView {
    page_from_part(app, contacts_import_part)
}

part_fns! { in contacts_import fn contacts_import_part() -> AnyView {
    crate::i18n::add(crate::i18n::IMPORT);
    super::contacts::import_page()
} }

/// The calendar's import: .ics files (ui/calendar_files.rs).
pub fn calendar_import(app: AppState) -> impl IntoView {
    page_from_part(app, calendar_import_part)
}

part_fns! { in calendar_import fn calendar_import_part() -> AnyView {
    super::calendar_files::import_page()
} }

/// The notice for stored data this version cannot read (ui/unreadable.rs): rare, so its
/// screen and what it does (a removal written to the store and the audit trail) come in a
/// part fetched only when there is such data.
pub fn unreadable_banner(app: AppState, notice: super::state::UnreadableNotice) -> impl IntoView {
    from_part(app, move || unreadable_part(notice.clone()))
}

part_fns! { in unreadable fn unreadable_part(notice: super::state::UnreadableNotice) -> AnyView {
    crate::i18n::add(crate::i18n::UNREADABLE);
    view! { <super::unreadable::UnreadableBanner notice /> }.into_any()
} }

/// The dialog for a save refused because the store is full (`app::QuotaDialog`).
pub fn quota_dialog(app: AppState) -> impl IntoView {
    from_part(app, quota_part)
}

part_fns! { in quota fn quota_part() -> AnyView {
    view! { <super::app::QuotaDialog /> }.into_any()
} }
