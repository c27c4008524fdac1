//! Form controls for money, suggested text and references to other records. A reference
//! reaches the type it points at through the record's own declaration, never by name.
use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::contact::Contact;
use crate::domain::format::{amount_text, currency, format_money, parse_amount};
use crate::domain::inventory::int;
use crate::domain::record::{Entity, FieldKind, RefVisitor, Referable};
use crate::domain::refs;

use super::state::{use_app, AppState};

pub fn decimals(app: &AppState) -> u32 {
    app.settings.with_untracked(|s| currency(&s.currency).decimals)
}

/// Money typed in major units with either separator; the record keeps minor units. Text
/// that is not an amount is kept as typed so validation can point at it.
pub fn money_input(
    id: String,
    name: &'static str,
    value: RwSignal<String>,
    described: String,
    error: Signal<Option<&'static str>>,
) -> AnyView {
    let app = use_app();
    let shown = value.with_untracked(|v| match v.trim().parse::<i64>() {
        Ok(minor) => amount_text(minor, decimals(&app), app.lang.get_untracked()),
        Err(_) => v.clone(),
    });
    let symbol = app.settings.with_untracked(|s| currency(&s.currency).symbol);
    view! {
        <div class="bo-money">
            <span aria-hidden="true">{symbol}</span>
            <input id=id name=name type="text" inputmode="decimal" autocomplete="off" aria-describedby=described
                aria-invalid=move || error.get().is_some().then_some("true") value=shown
                on:input=move |ev| {
                    let typed = event_target_value(&ev);
                    value.set(match parse_amount(&typed, decimals(&app)) {
                        Some(minor) => minor.to_string(),
                        None if typed.trim().is_empty() => String::new(),
                        None => typed,
                    });
                } />
        </div>
    }
    .into_any()
}

/// Distinct values already used for a kind of text, A→Z, for a `<datalist>`.
pub fn suggestions(app: &AppState, source: &str) -> Vec<String> {
    let mut set = BTreeSet::new();
    match source {
        "locations" => {
            app.lists.employees().with_untracked(|all| set.extend(all.iter().map(|e| e.location.clone())));
            app.lists.items().with_untracked(|items| set.extend(items.iter().map(|i| i.location.clone())));
            app.lists.assets().with_untracked(|all| set.extend(all.iter().map(|a| a.location.clone())));
            app.lists.stock().with_untracked(|moves| {
                for m in moves {
                    set.insert(m.location.clone());
                    set.insert(m.to_location.clone());
                }
            });
        }
        "categories" => app.lists.items().with_untracked(|items| set.extend(items.iter().map(|i| i.category.clone()))),
        "departments" => {
            app.settings.with_untracked(|s| set.extend(s.departments.iter().cloned()));
            app.lists.employees().with_untracked(|all| set.extend(all.iter().map(|e| e.department.clone())));
        }
        "people" => {
            app.lists.employees().with_untracked(|all| set.extend(all.iter().filter(|e| e.is_current()).map(|e| e.name.clone())));
            app.settings.with_untracked(|s| set.extend(s.departments.iter().cloned()));
            app.lists.stock().with_untracked(|moves| set.extend(moves.iter().map(|m| m.to_whom.clone())));
            app.lists.asset_log().with_untracked(|log| set.extend(log.iter().map(|l| l.who.clone())));
            app.lists.assets().with_untracked(|all| set.extend(all.iter().map(|a| a.assigned_to.clone())));
        }
        _ => {}
    }
    set.into_iter().filter(|s| !s.trim().is_empty()).collect()
}

pub fn suggest_input(
    id: String,
    name: &'static str,
    source: &'static str,
    value: RwSignal<String>,
    described: String,
    required: bool,
) -> AnyView {
    let app = use_app();
    let list_id = format!("{id}-list");
    let options = suggestions(&app, source);
    view! {
        <input id=id name=name type="text" list=list_id.clone() autocomplete="off" aria-describedby=described required=required
            prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
        <datalist id=list_id>{options.into_iter().map(|o| view! { <option value=o></option> }).collect_view()}</datalist>
    }
    .into_any()
}

/// (id, label) of the `T` records a picker offers for a field of `scope`.
pub fn options_of<T: Referable>(app: &AppState, scope: &str) -> Vec<(String, String)> {
    app.lists.of::<T>().with(|all| refs::options(all, scope))
}

/// How a pointer to a `T` reads in lists and detail views.
pub fn label_of<T: Referable>(app: &AppState, id: &str) -> String {
    app.lists.of::<T>().with(|all| refs::label(all, id))
}

/// A cell from an imported file to the `T` it names (see [`refs::resolve`]).
pub fn resolve_of<T: Referable>(app: &AppState, scope: &str, cell: &str) -> Option<String> {
    app.lists.of::<T>().with_untracked(|all| refs::resolve(all, scope, cell))
}

/// What a reference field of `E` needs from the type it points at, reached by
/// [`Entity::visit_ref`].
enum RefAsk<'a> {
    /// Its options, with `current` first when it is no longer offered (a retired item
    /// still shows on the records that point at it).
    Choices {
        current: &'a str,
        out: Vec<(String, String)>,
    },
    Label {
        id: &'a str,
        out: String,
    },
    Resolve {
        cell: &'a str,
        out: Option<String>,
    },
}

struct Asking<'a> {
    app: &'a AppState,
    ask: RefAsk<'a>,
}

impl RefVisitor for Asking<'_> {
    fn visit<T: Referable>(&mut self, scope: &'static str) {
        match &mut self.ask {
            RefAsk::Choices { current, out } => {
                *out = options_of::<T>(self.app, scope);
                if !current.is_empty() && !out.iter().any(|(i, _)| i == current) {
                    out.insert(0, (current.to_string(), label_of::<T>(self.app, current)));
                }
            }
            RefAsk::Label { id, out } => *out = label_of::<T>(self.app, id),
            RefAsk::Resolve { cell, out } => *out = resolve_of::<T>(self.app, scope, cell),
        }
    }
}

/// The choices a reference field of `E` offers, `current` included.
pub fn ref_choices<E: Entity>(app: &AppState, key: &str, current: &str) -> Vec<(String, String)> {
    let mut a = Asking { app, ask: RefAsk::Choices { current, out: vec![] } };
    E::visit_ref(key, &mut a);
    match a.ask {
        RefAsk::Choices { out, .. } => out,
        _ => vec![],
    }
}

/// How a reference field of `E` holding `id` reads.
pub fn ref_label<E: Entity>(app: &AppState, key: &str, id: &str) -> String {
    let mut a = Asking { app, ask: RefAsk::Label { id, out: String::new() } };
    E::visit_ref(key, &mut a);
    match a.ask {
        RefAsk::Label { out, .. } => out,
        _ => String::new(),
    }
}

/// The id an imported cell names for a reference field of `E` (a contact field included).
pub fn resolve_ref<E: Entity>(app: &AppState, key: &str, cell: &str) -> Option<String> {
    if E::fields().iter().any(|f| f.key == key && f.kind == FieldKind::ContactRef) {
        return resolve_of::<Contact>(app, "", cell);
    }
    let mut a = Asking { app, ask: RefAsk::Resolve { cell, out: None } };
    E::visit_ref(key, &mut a);
    match a.ask {
        RefAsk::Resolve { out, .. } => out,
        _ => None,
    }
}

pub fn ref_select(id: String, name: &'static str, options: Vec<(String, String)>, value: RwSignal<String>, described: String) -> AnyView {
    let app = use_app();
    view! {
        <select id=id name=name aria-describedby=described prop:value=move || value.get() on:change=move |ev| value.set(event_target_value(&ev))>
            <option value="" selected=move || value.get().is_empty()>{app.text("form.choose")}</option>
            {options.into_iter().map(|(v, l)| {
                let v2 = v.clone();
                view! { <option value=v selected=move || value.get() == v2>{l}</option> }
            }).collect_view()}
        </select>
    }
    .into_any()
}

/// A stored date as the UI language writes it ("Senin, 23 Nov 2026"); text that is not a
/// date stays as it is.
pub fn day(app: &AppState, text: &str) -> String {
    crate::domain::record::parse_date(text).map_or(text.to_string(), |d| crate::domain::format::long_date(d, app.lang.get()))
}

/// A day in the reader's language, or nothing.
pub fn day_of(app: &AppState, d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| crate::domain::format::long_date(d, app.lang.get())).unwrap_or_default()
}

/// Minor units as money in the office currency, for lists and reports.
pub fn money(app: &AppState, minor: i64) -> String {
    app.settings.with(|s| format_money(minor, &s.currency, app.lang.get()))
}

/// A stored minor-unit text as money; empty stays empty.
pub fn money_text(app: &AppState, raw: &str) -> String {
    if raw.trim().is_empty() {
        String::new()
    } else {
        money(app, int(raw))
    }
}

/// A contact as invoices, bills and reports name it (its organisation, or the person).
pub fn party_name(app: &AppState, id: &str) -> Option<String> {
    app.lists.contacts().with(|cs| cs.iter().find(|c| c.meta.id == id).map(|c| c.party_name().to_string()))
}
