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
    let create = move |_| {
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
    view! {
            <div class="bo-picker">
                {move || linked().map(|name| view! {
                    <p class="bo-picker-linked">
                        <span>{name}</span>" "
                        <button type="button" class="bo-btn bo-btn-small" on:click=move |_| value.set(String::new())>{app.text("form.contact_unlink")}</button>
                    </p>
                })}
                <input id=id type="search" autocomplete="off" aria-describedby=described
                    placeholder=app.text("form.contact_search")
                    prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) />
                <Show when=move || !query.with(|q| q.trim().is_empty())>
                    <ul class="bo-picker-list" aria-live="polite">
                        {move || matches.get().into_iter().map(|(cid, name, org)| view! {
                            <li>
                                <button type="button" class="bo-picker-choice" on:click=move |_| { value.set(cid.clone()); query.set(String::new()); }>
                                    {name}{(!org.is_empty()).then(|| view! { <span class="bo-meta">" · "{org}</span> })}
                                </button>
                            </li>
                        }).collect_view()}
                        <li>
                            <button type="button" class="bo-picker-choice bo-picker-new" on:click=create>
                                {move || app.tf("form.contact_create", &[("name", query.get().trim().to_string())])}
                            </button>
                        </li>
                    </ul>
    </Show>
            </div>
        }
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
    view! {
            <textarea id=id name="people" rows="3" aria-describedby=described prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))></textarea>
            <div class="bo-picker">
                <input id=search_id type="search" autocomplete="off" placeholder=app.text("form.people_search") aria-label=app.text("form.people_search")
                    prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        // Enter adds what was typed (or the first match) without saving the form.
                        if ev.key() == "Enter" && !query.with_untracked(|q| q.trim().is_empty()) {
                            ev.prevent_default();
                            let pick = matches.with_untracked(|m| m.first().map(|(n, _)| n.clone())).unwrap_or_else(|| query.get_untracked().trim().to_string());
                            add(pick);
                        }
                    } />
                <Show when=move || !matches.with(Vec::is_empty)>
                    <ul class="bo-picker-list" aria-live="polite">
                        {move || matches.get().into_iter().map(|(name, what)| {
                            let n = name.clone();
                            view! {
                                <li><button type="button" class="bo-picker-choice" on:click=move |_| add(n.clone())>
                                    {name}{(!what.is_empty()).then(|| view! { <span class="bo-meta">" · "{what}</span> })}
                                </button></li>
                            }
                        }).collect_view()}
                    </ul>
    </Show>
            </div>
        }
}
