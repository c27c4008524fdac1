//! Form controls for money, suggested text and references to other records. They read
//! other collections by name, so the schema stays plain data and the form stays generic.
use crate::sort::sort_by;
use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::format::{amount_text, currency, format_money, parse_amount};
use crate::domain::inventory::int;

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

/// (id, label) of the records a reference field can point at, in the order to offer them.
pub fn ref_options(app: &AppState, collection: &str) -> Vec<(String, String)> {
    match collection {
        "items" => app.lists.items().with(|items| {
            let mut v: Vec<(String, String)> =
                items.iter().filter(|i| i.is_active()).map(|i| (i.meta.id.clone(), format!("{} — {}", i.code, i.name))).collect();
            sort_by(&mut v, |a, b| crate::text::lower(&a.1).cmp(&crate::text::lower(&b.1)));
            v
        }),
        "assets" => app.lists.assets().with(|all| {
            let mut v: Vec<(String, String)> = all
                .iter()
                .filter(|a| a.meta.deleted_at.is_none())
                .map(|a| (a.meta.id.clone(), format!("{} — {}", a.tag, a.name)))
                .collect();
            sort_by(&mut v, |a, b| crate::text::lower(&a.1).cmp(&crate::text::lower(&b.1)));
            v
        }),
        "employees" => app.lists.employees().with(|all| {
            let mut v: Vec<(String, String)> =
                all.iter().filter(|e| e.is_current()).map(|e| (e.meta.id.clone(), employee_label(e))).collect();
            sort_by(&mut v, |a, b| crate::text::lower(&a.1).cmp(&crate::text::lower(&b.1)));
            v
        }),
        "client_events" => app.lists.client_events().with(|all| {
            let mut v: Vec<(String, String)> =
                all.iter().filter(|e| e.meta.deleted_at.is_none()).map(|e| (e.meta.id.clone(), client_event_label(e))).collect();
            sort_by(&mut v, |a, b| crate::text::lower(&a.1).cmp(&crate::text::lower(&b.1)));
            v
        }),
        "accounts" | "money_accounts" => app.lists.accounts().with(|all| {
            let mut v: Vec<&crate::domain::finance::Account> =
                all.iter().filter(|a| a.is_live() && (collection == "accounts" || a.money)).collect();
            v.sort_by(|a, b| a.code.cmp(&b.code));
            v.into_iter().map(|a| (a.meta.id.clone(), a.label())).collect()
        }),
        _ => vec![],
    }
}

/// An event as pickers and lists name it: its name and day.
fn client_event_label(e: &crate::domain::client_events::ClientEvent) -> String {
    if e.date.is_empty() {
        e.name.clone()
    } else {
        format!("{} — {}", e.name, e.date)
    }
}

/// An employee as pickers and lists name them: number and name, or the name alone.
fn employee_label(e: &crate::domain::people::Employee) -> String {
    if e.number.is_empty() {
        e.name.clone()
    } else {
        format!("{} — {}", e.number, e.name)
    }
}

/// How a reference reads in lists and detail views.
pub fn ref_label(app: &AppState, collection: &str, id: &str) -> String {
    match collection {
        "items" => app
            .lists
            .items()
            .with(|items| items.iter().find(|i| i.meta.id == id).map(|i| format!("{} — {}", i.code, i.name)))
            .unwrap_or_default(),
        "assets" => app
            .lists
            .assets()
            .with(|all| all.iter().find(|a| a.meta.id == id).map(|a| format!("{} — {}", a.tag, a.name)))
            .unwrap_or_default(),
        "employees" => app.lists.employees().with(|all| all.iter().find(|e| e.meta.id == id).map(employee_label)).unwrap_or_default(),
        "accounts" | "money_accounts" => {
            app.lists.accounts().with(|all| all.iter().find(|a| a.meta.id == id).map(|a| a.label())).unwrap_or_default()
        }
        "client_events" => {
            app.lists.client_events().with(|all| all.iter().find(|e| e.meta.id == id).map(client_event_label)).unwrap_or_default()
        }
        "payroll_runs" => {
            use crate::domain::record::RecordRules;
            app.lists.payroll_runs().with(|all| all.iter().find(|r| r.meta.id == id).map(|r| r.title())).unwrap_or_default()
        }
        _ => String::new(),
    }
}

pub fn ref_select(id: String, name: &'static str, collection: &'static str, value: RwSignal<String>, described: String) -> AnyView {
    let app = use_app();
    // A retired item still shows on the records that point at it.
    let current = value.get_untracked();
    let mut options = ref_options(&app, collection);
    if !current.is_empty() && !options.iter().any(|(i, _)| *i == current) {
        options.insert(0, (current.clone(), ref_label(&app, collection, &current)));
    }
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

/// A cell from an imported file to the id it means: an id as is, an item's code, an
/// asset's tag, a contact's name or organisation (letter case aside).
pub fn resolve_ref(app: &AppState, collection: &str, text: &str) -> Option<String> {
    let t = crate::text::lower(text.trim());
    if t.is_empty() {
        return None;
    }
    match collection {
        "items" => app.lists.items().with_untracked(|all| {
            all.iter()
                .filter(|i| i.meta.deleted_at.is_none())
                .find(|i| {
                    i.meta.id == text.trim()
                        || crate::text::lower(&i.code) == t
                        || crate::text::lower_owned(format!("{} — {}", i.code, i.name)) == t
                })
                .map(|i| i.meta.id.clone())
        }),
        "assets" => app.lists.assets().with_untracked(|all| {
            all.iter()
                .filter(|a| a.meta.deleted_at.is_none())
                .find(|a| a.meta.id == text.trim() || crate::text::lower(&a.tag) == t)
                .map(|a| a.meta.id.clone())
        }),
        "employees" => app.lists.employees().with_untracked(|all| {
            all.iter()
                .filter(|e| e.meta.deleted_at.is_none())
                .find(|e| {
                    e.meta.id == text.trim()
                        || crate::text::lower(&e.name) == t
                        || !e.number.is_empty() && (crate::text::lower(&e.number) == t || crate::text::lower_owned(employee_label(e)) == t)
                })
                .map(|e| e.meta.id.clone())
        }),
        // An account by its id, its code, its name, or "code — name" as exported.
        "accounts" | "money_accounts" => app.lists.accounts().with_untracked(|all| {
            all.iter()
                .filter(|a| a.is_live() && (collection == "accounts" || a.money))
                .find(|a| {
                    a.meta.id == text.trim()
                        || crate::text::lower(&a.code) == t
                        || crate::text::lower(&a.name) == t
                        || crate::text::lower_owned(a.label()) == t
                })
                .map(|a| a.meta.id.clone())
        }),
        "client_events" => app.lists.client_events().with_untracked(|all| {
            all.iter()
                .filter(|e| e.meta.deleted_at.is_none())
                .find(|e| {
                    e.meta.id == text.trim() || crate::text::lower(&e.name) == t || crate::text::lower_owned(client_event_label(e)) == t
                })
                .map(|e| e.meta.id.clone())
        }),
        "contacts" => app.lists.contacts().with_untracked(|all| {
            all.iter()
                .filter(|c| c.meta.deleted_at.is_none())
                .find(|c| c.meta.id == text.trim() || crate::text::lower(&c.name) == t || crate::text::lower(&c.organisation) == t)
                .map(|c| c.meta.id.clone())
        }),
        _ => None,
    }
}

/// A contact as invoices, bills and reports name it (its organisation, or the person).
pub fn party_name(app: &AppState, id: &str) -> Option<String> {
    app.lists.contacts().with(|cs| cs.iter().find(|c| c.meta.id == id).map(|c| c.party_name().to_string()))
}
