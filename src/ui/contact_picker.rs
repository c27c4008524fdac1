//! Linking a record to a contact: type a few letters, pick from the few that match, or
//! create the contact on the spot. A search rather than a drop-down, because an office
//! with tens of thousands of contacts cannot scroll a list of them all.
use crate::domain::record::RecordRules;
use leptos::prelude::*;

use crate::domain::contact::Contact;
use crate::domain::record::Entity;

use super::collection::save_record;
use super::state::{now, use_app};

/// Matches shown at once; more letters narrow them.
const SHOWN: usize = 8;

#[component]
pub fn ContactPicker(id: String, value: RwSignal<String>, described: String) -> impl IntoView {
    let app = use_app();
    let query = RwSignal::new(String::new());
    let linked = move || {
        let cid = value.get();
        (!cid.is_empty())
            .then(|| app.lists.contacts().with(|cs| cs.iter().find(|c| c.meta.id == cid).map(|c| c.title())).unwrap_or_else(|| cid.clone()))
    };
    let matches = Memo::new(move |_| {
        let q = crate::text::lower(query.get().trim());
        if q.is_empty() {
            return vec![];
        }
        app.lists.contacts().with(|cs| {
            cs.iter()
                .filter(|c| c.meta.deleted_at.is_none())
                .filter(|c| {
                    crate::text::lower(&c.name).contains(&q)
                        || crate::text::lower(&c.organisation).contains(&q)
                        || c.phones.iter().any(|p| p.contains(&q))
                })
                .take(SHOWN)
                .map(|c| (c.meta.id.clone(), c.title(), c.organisation.clone()))
                .collect::<Vec<_>>()
        })
    });
    let create = move || {
        let name = query.get_untracked().trim().to_string();
        let mut c = Contact::blank(now());
        c.set("name", &name);
        let cid = c.meta.id.clone();
        if save_record(&app, c).is_ok() {
            value.set(cid);
            query.set(String::new());
            app.info(app.tf("toast.saved", &[("name", name)]));
        }
    };
    let active = RwSignal::new(None::<usize>);
    // The matches, then "create «…»" as the last option.
    let choose = move |i: usize| {
        active.set(None);
        match matches.with_untracked(|m| m.get(i).map(|(cid, _, _)| cid.clone())) {
            Some(cid) => {
                value.set(cid);
                query.set(String::new());
            }
            None => create(),
        }
    };
    let open = move || !query.with(|q| q.trim().is_empty());
    let list_id = format!("{id}-list");
    let option_id = option_ids(&list_id);
    view! {
        <div class="bo-picker">
            {move || linked().map(|name| view! {
                <p class="bo-picker-linked">
                    <span>{name}</span>" "
                    <button type="button" class="bo-btn bo-btn-small" on:click=move |_| value.set(String::new())>{app.text("form.contact_unlink")}</button>
                </p>
            })}
            <input id=id type="search" autocomplete="off" aria-describedby=described
                role="combobox" aria-autocomplete="list" aria-controls=list_id.clone()
                aria-expanded=move || open().to_string()
                aria-activedescendant=move || active.get().map(option_id)
                placeholder=app.text("form.contact_search")
                prop:value=move || query.get()
                on:input=move |ev| {
                    active.set(None);
                    query.set(event_target_value(&ev));
                }
                on:keydown=move |ev| combo_keys(&ev, open(), matches.with_untracked(Vec::len) + 1, active, choose, move || query.set(String::new())) />
            <Show when=open>
                <ul class="bo-picker-list" role="listbox" id=list_id.clone() aria-label=app.text("form.contact_search")>
                    {move || matches.get().into_iter().enumerate().map(|(i, (_, name, org))| view! {
                        <li role="option" id=option_id(i) class="bo-picker-choice" aria-selected=move || (active.get() == Some(i)).to_string()
                            on:mousedown=|ev| ev.prevent_default() on:click=move |_| choose(i)>
                            {name}{(!org.is_empty()).then(|| view! { <span class="bo-meta">" · "{org}</span> })}
                        </li>
                    }).collect_view()}
                    {move || {
                        let i = matches.with(Vec::len);
                        view! {
                            <li role="option" id=option_id(i) class="bo-picker-choice bo-picker-new" aria-selected=move || (active.get() == Some(i)).to_string()
                                on:mousedown=|ev| ev.prevent_default() on:click=move |_| choose(i)>
                                {move || app.tf("form.contact_create", &[("name", query.get().trim().to_string())])}
                            </li>
                        }
                    }}
                </ul>
            </Show>
        </div>
    }
}

/// The id of each option of the list `list_id` (what `aria-activedescendant` names).
fn option_ids(list_id: &str) -> impl Fn(usize) -> String + Copy + Send + Sync + 'static {
    let list_id = StoredValue::new(list_id.to_string());
    move |i| format!("{}-{i}", list_id.get_value())
}

/// The keys of the combobox pattern on a picker's search field: the arrows move through
/// the `n` options of the open list, Enter takes the one chosen (focus stays in the
/// field), Esc closes the list and only the list. Handled keys are marked, so the form
/// around does not also save or cancel.
fn combo_keys(
    ev: &leptos::ev::KeyboardEvent,
    open: bool,
    n: usize,
    active: RwSignal<Option<usize>>,
    choose: impl Fn(usize),
    close: impl Fn(),
) {
    if !open || n == 0 {
        return;
    }
    let step = |by: isize| {
        active.update(|a| {
            let at = a.map_or(if by > 0 { -1 } else { n as isize }, |i| i as isize);
            *a = Some((at + by).rem_euclid(n as isize) as usize);
        })
    };
    match ev.key().as_str() {
        "ArrowDown" => step(1),
        "ArrowUp" => step(-1),
        "Enter" => match active.get_untracked() {
            Some(i) => choose(i),
            None => return,
        },
        "Escape" => {
            active.set(None);
            close();
        }
        _ => return,
    }
    ev.prevent_default();
}

/// People, one per line, in a text box; a search under it adds a department from Settings
/// or a contact by name, so names are written the same way each time (double bookings
/// compare them).
#[component]
pub fn PeoplePicker(id: String, value: RwSignal<String>, described: String) -> impl IntoView {
    let app = use_app();
    let query = RwSignal::new(String::new());
    let matches = Memo::new(move |_| {
        let q = crate::text::lower(query.get().trim());
        if q.is_empty() {
            return vec![];
        }
        let mut out: Vec<(String, String)> = app.settings.with(|s| {
            s.departments
                .iter()
                .filter(|d| crate::text::lower(d).contains(&q))
                .map(|d| (d.clone(), app.t("form.department").to_string()))
                .collect()
        });
        app.lists.contacts().with(|cs| {
            for c in cs.iter().filter(|c| {
                c.meta.deleted_at.is_none()
                    && (crate::text::lower(&c.name).contains(&q) || crate::text::lower(&c.organisation).contains(&q))
            }) {
                if out.len() >= SHOWN {
                    break;
                }
                out.push((c.name.clone(), c.organisation.clone()));
            }
        });
        out.truncate(SHOWN);
        out
    });
    let add = move |name: String| {
        value.update(|v| {
            if !v.lines().any(|l| l.trim().eq_ignore_ascii_case(name.trim())) {
                if !v.trim().is_empty() {
                    *v = format!("{}\n", v.trim_end());
                }
                v.push_str(&name);
            }
        });
        query.set(String::new());
    };
    let search_id = format!("{id}-search");
    let active = RwSignal::new(None::<usize>);
    let choose = move |i: usize| {
        active.set(None);
        if let Some(name) = matches.with_untracked(|m| m.get(i).map(|(n, _)| n.clone())) {
            add(name);
        }
    };
    let open = move || !matches.with(Vec::is_empty);
    let list_id = format!("{search_id}-list");
    let option_id = option_ids(&list_id);
    view! {
        <textarea id=id name="people" rows="3" aria-describedby=described prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))></textarea>
        <div class="bo-picker">
            <input id=search_id type="search" autocomplete="off" placeholder=app.text("form.people_search") aria-label=app.text("form.people_search")
                role="combobox" aria-autocomplete="list" aria-controls=list_id.clone()
                aria-expanded=move || open().to_string()
                aria-activedescendant=move || active.get().map(option_id)
                prop:value=move || query.get()
                on:input=move |ev| {
                    active.set(None);
                    query.set(event_target_value(&ev));
                }
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    combo_keys(&ev, open(), matches.with_untracked(Vec::len), active, choose, move || query.set(String::new()));
                    // Enter with no option chosen adds what was typed (or the first match)
                    // without saving the form.
                    if !ev.default_prevented() && ev.key() == "Enter" && !query.with_untracked(|q| q.trim().is_empty()) {
                        ev.prevent_default();
                        let pick = matches.with_untracked(|m| m.first().map(|(n, _)| n.clone())).unwrap_or_else(|| query.get_untracked().trim().to_string());
                        add(pick);
                    }
                } />
            <Show when=open>
                <ul class="bo-picker-list" role="listbox" id=list_id.clone() aria-label=app.text("form.people_search")>
                    {move || matches.get().into_iter().enumerate().map(|(i, (name, what))| view! {
                        <li role="option" id=option_id(i) class="bo-picker-choice" aria-selected=move || (active.get() == Some(i)).to_string()
                            on:mousedown=|ev| ev.prevent_default() on:click=move |_| choose(i)>
                            {name}{(!what.is_empty()).then(|| view! { <span class="bo-meta">" · "{what}</span> })}
                        </li>
                    }).collect_view()}
                </ul>
            </Show>
        </div>
    }
}
