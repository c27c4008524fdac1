//! Letter templates at work: filled from a contact, an employee, a client event or a
//! purchase order, previewed, then made into a letter of the register or an e-mail draft
//! (to one addressee, or to a group of contacts as blind copies).
use leptos::prelude::*;

use crate::domain::letter_templates::{
    contact_values, employee_values, event_values, fill, mailto, office_values, order_values, Addressee, Filled, LetterTemplate, Source,
    Values, MAILTO_MOST, OFFICE_FIELDS,
};
use crate::domain::record::Entity;
use crate::route::Route;
use crate::text::lower;

use super::calendar::today;
use super::collection::UiEntity;
use super::letters::{body_view, links};
use super::pages::RecordPages;
use super::records::{csv_tools, detail_page_with, list_page};
use super::state::{use_app, AppState};

impl UiEntity for LetterTemplate {
    const PLURAL: &'static str = "nav.letter_templates";
    const NEW: &'static str = "ltpl.new";
    const EMPTY: &'static str = "ltpl.empty";
}

impl RecordPages for LetterTemplate {
    fn list() -> AnyView {
        list_page::<LetterTemplate>(
            "letter_templates",
            view! { {links()} {fields_help()} {csv_tools::<LetterTemplate>("letter_templates")} }.into_any(),
        )
    }
    fn view(id: String) -> AnyView {
        let top = ViewFn::from({
            let id = id.clone();
            move || use_card(id.clone())
        });
        detail_page_with::<LetterTemplate>("letter_templates", id, Some(top))
    }
}

fn source_key(s: Source) -> &'static str {
    match s {
        Source::Contact => "ltpl.source.contact",
        Source::Employee => "ltpl.source.employee",
        Source::Event => "ltpl.source.event",
        Source::Order => "ltpl.source.order",
    }
}

/// The fields a template may name, by where they come from.
fn fields_help() -> AnyView {
    let app = use_app();
    let list = |fields: &[&str]| fields.iter().map(|f| format!("{{{f}}}")).collect::<Vec<_>>().join(" ");
    view! {
        <details class="bo-card bo-no-print">
            <summary>{app.text("ltpl.fields")}</summary>
            <p>{app.text("ltpl.fields_office")}" "<code>{list(OFFICE_FIELDS)}</code></p>
            {Source::ALL.into_iter().map(|s| view! { <p>{app.text(source_key(s))}": "<code>{list(s.fields())}</code></p> }).collect_view()}
        </details>
    }
    .into_any()
}

/// Records of `source` a template can be filled from, as (id, label), A→Z.
fn choices(app: &AppState, source: Source) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = match source {
        Source::Contact => app.lists.contacts().with(|all| live(all, |c| c.name.clone())),
        Source::Employee => app.lists.employees().with(|all| {
            all.iter().filter(|e| e.meta.deleted_at.is_none() && e.is_current()).map(|e| (e.meta.id.clone(), e.name.clone())).collect()
        }),
        Source::Event => app.lists.client_events().with(|all| live(all, |e| e.name.clone())),
        Source::Order => app.lists.orders().with(|all| live(all, |o| o.number.clone())),
    };
    out.sort_by_cached_key(|(_, label)| lower(label));
    out
}

fn live<E: Entity>(all: &[E], label: impl Fn(&E) -> String) -> Vec<(String, String)> {
    all.iter().filter(|r| r.meta().deleted_at.is_none()).map(|r| (r.meta().id.clone(), label(r))).collect()
}

fn contact(app: &AppState, id: &str) -> Option<crate::domain::contact::Contact> {
    app.lists.contacts().with_untracked(|all| all.iter().find(|c| c.meta.id == id).cloned())
}

/// The fields of record `id` of `source`, and who the letter goes to.
fn values_of(app: &AppState, source: Source, id: &str) -> Option<(Values, Addressee)> {
    let lang = app.lang.get_untracked();
    match source {
        Source::Contact => contact(app, id).map(|c| contact_values(&c)),
        Source::Employee => {
            app.lists.employees().with_untracked(|all| all.iter().find(|e| e.meta.id == id).map(|e| employee_values(e, lang)))
        }
        Source::Event => {
            let ev = app.lists.client_events().with_untracked(|all| all.iter().find(|e| e.meta.id == id).cloned())?;
            Some(event_values(&ev, contact(app, &ev.client_id).as_ref(), lang))
        }
        Source::Order => {
            let po = app.lists.orders().with_untracked(|all| all.iter().find(|o| o.meta.id == id).cloned())?;
            let currency = app.settings.with_untracked(|s| s.currency.clone());
            Some(order_values(&po, contact(app, &po.supplier_id).as_ref(), &currency, lang))
        }
    }
}

/// A template filled for record `id` of `source`: the addressee, the subject and the text.
pub fn filled(app: &AppState, template: &LetterTemplate, source: Source, id: &str) -> Option<(Addressee, Filled, Filled)> {
    let (mut values, who) = values_of(app, source, id)?;
    values.extend(app.settings.with_untracked(|s| office_values(s, today(), app.lang.get_untracked())));
    Some((who, fill(&template.subject, &values), fill(&template.body, &values)))
}

fn template(app: &AppState, id: &str) -> Option<LetterTemplate> {
    app.lists.letter_templates().with(|all| all.iter().find(|t| t.meta.id == id).cloned())
}

/// A template's link to a new letter filled from record `rid` of `source`.
fn letter_href(tid: &str, source: Source, rid: &str) -> String {
    Route::NewAt("letters_out".into(), format!("tpl~{tid}~{}~{rid}", source.code())).href()
}

/// `tpl~<template>~<source>~<record>` from a letter link, read back.
pub fn parse_letter_link(at: &str) -> Option<(String, Source, String)> {
    let mut parts = at.strip_prefix("tpl~")?.splitn(3, '~');
    let tid = parts.next()?.to_string();
    let source = Source::from_code(parts.next()?)?;
    Some((tid, source, parts.next()?.to_string()))
}

/// Choose whom to write to, see the letter filled, then keep it as a letter or write it as
/// an e-mail; or write to a group of contacts.
fn use_card(tid: String) -> AnyView {
    let app = use_app();
    let source = RwSignal::new(Source::Contact);
    let pick = RwSignal::new(String::new());
    let options = Memo::new(move |_| choices(&app, source.get()));
    let tid2 = tid.clone();
    let preview = Memo::new(move |_| {
        let (t, id) = (template(&app, &tid2)?, pick.get());
        app.lang.track();
        if id.is_empty() {
            return None;
        }
        filled(&app, &t, source.get_untracked(), &id)
    });
    let tid3 = tid.clone();
    let shown = move || {
        let (who, subject, body) = preview.get()?;
        let mut unknown = subject.unknown.clone();
        unknown.extend(body.unknown.iter().filter(|u| !subject.unknown.contains(u)).cloned());
        let make = letter_href(&tid3, source.get_untracked(), &pick.get_untracked());
        let mail = (!who.emails.is_empty()).then(|| mailto(&who.emails[..1], &[], &subject.text, &body.text));
        Some(view! {
            {(!unknown.is_empty()).then(|| {
                let names = unknown.iter().map(|u| format!("{{{u}}}")).collect::<Vec<_>>().join(", ");
                view! { <p class="bo-banner bo-banner-warn" role="status">{app.tf("ltpl.unknown", &[("fields", names)])}</p> }
            })}
            <div class="bo-letter bo-letter-preview" role="region" aria-label=app.text("ltpl.preview")>
                <p class="bo-prewrap"><strong>{who.to.clone()}</strong></p>
                <p><strong>{subject.text.clone()}</strong></p>
                <div class="bo-letter-body">{body_view(&body.text)}</div>
            </div>
            <p class="bo-actions">
                <a class="bo-btn bo-btn-primary" href=make>{app.text("ltpl.make_letter")}</a>
                {match mail {
                    Some(href) => view! { <a class="bo-btn" href=href>{app.text("ltpl.email")}</a> }.into_any(),
                    None => view! { <span class="bo-hint">{app.text("ltpl.no_email")}</span> }.into_any(),
                }}
            </p>
        })
    };
    view! {
        <section class="bo-card bo-no-print" aria-labelledby="use-h">
            <h2 id="use-h">{app.text("ltpl.use")}</h2>
            <div class="bo-inline-fields">
                <label for="tpl-source">{app.text("ltpl.source")}</label>
                <select id="tpl-source" on:change=move |ev| {
                    source.set(Source::from_code(&event_target_value(&ev)).unwrap_or(Source::Contact));
                    pick.set(String::new());
                }>
                    {Source::ALL.into_iter().map(|s| view! { <option value=s.code() selected=move || source.get() == s>{app.text(source_key(s))}</option> }).collect_view()}
                </select>
                <label for="tpl-pick">{app.text("ltpl.pick")}</label>
                <select id="tpl-pick" on:change=move |ev| pick.set(event_target_value(&ev)) prop:value=move || pick.get()>
                    <option value="">"—"</option>
                    <For each=move || options.get() key=|(id, _)| id.clone() let((id, label))>
                        <option value=id>{label}</option>
                    </For>
                </select>
            </div>
            {shown}
            {group_mail(tid)}
        </section>
    }
    .into_any()
}

/// Puts `text` on the clipboard (the browser's asynchronous clipboard, allowed after a
/// click) and says whether it did; where the browser refuses, the addresses stay in their
/// box to select and copy by hand.
fn copy_text(app: AppState, text: String) {
    use wasm_bindgen::JsCast;
    let navigator = web_sys::window().map(|w| w.navigator());
    let clipboard = navigator.and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok()).filter(|c| !c.is_undefined());
    let write = clipboard
        .as_ref()
        .and_then(|c| js_sys::Reflect::get(c, &"writeText".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let promise = match (clipboard, write) {
        (Some(c), Some(f)) => f.call1(&c, &text.into()).ok().and_then(|p| p.dyn_into::<js_sys::Promise>().ok()),
        _ => None,
    };
    leptos::task::spawn_local(async move {
        let copied = match promise {
            Some(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
            None => false,
        };
        if copied {
            app.info(app.t("ltpl.copied").into());
        } else {
            app.error(app.t("ltpl.copy_refused").into());
        }
    });
}

/// The template as one e-mail to every contact with a tag, as blind copies; the text
/// greets them together, so a contact's own fields are not filled.
fn group_mail(tid: String) -> impl IntoView {
    let app = use_app();
    let tag = RwSignal::new(String::new());
    let tid = StoredValue::new(tid);
    let tags = Memo::new(move |_| {
        let mut all: Vec<String> = app.lists.contacts().with(|cs| {
            cs.iter().filter(|c| c.meta.deleted_at.is_none() && !c.emails.is_empty()).flat_map(|c| c.tags.iter().cloned()).collect()
        });
        all.sort_by_cached_key(|t| (lower(t), t.clone()));
        all.dedup();
        all
    });
    let link = move || {
        let t = tag.get();
        if t.is_empty() {
            return None;
        }
        let bcc: Vec<String> = app.lists.contacts().with(|cs| {
            cs.iter().filter(|c| c.meta.deleted_at.is_none() && c.tags.contains(&t)).filter_map(|c| c.emails.first().cloned()).collect()
        });
        let tpl = template(&app, &tid.get_value())?;
        // Greeted together: a contact's own fields are left blank, the name says "Sir or Madam".
        let mut values: Values = vec![("name", app.t("ltpl.group_name").to_string())];
        values.extend(Source::Contact.fields().iter().filter(|f| **f != "name").map(|f| (*f, String::new())));
        values.extend(app.settings.with(|s| office_values(s, today(), app.lang.get())));
        let (subject, body) = (fill(&tpl.subject, &values).text, fill(&tpl.body, &values).text);
        let href = mailto(&[], &bcc, &subject, &body);
        let n = bcc.len();
        // The addresses decide: a long letter is a long link for one contact too.
        if mailto(&[], &bcc, "", "").len() <= MAILTO_MOST {
            return Some(view! { <a class="bo-btn" href=href>{app.tf("ltpl.email_group", &[("n", n.to_string())])}</a> }.into_any());
        }
        // Too many addresses for one link: the e-mail opens without them, to paste into Bcc.
        let addresses = bcc.join(", ");
        let copied = addresses.clone();
        let copy = move |_| copy_text(app, copied.clone());
        Some(
            view! {
                <div class="bo-field">
                    <p class="bo-hint" id="tpl-too-many">{app.tf("ltpl.too_many", &[("n", n.to_string())])}</p>
                    <label for="tpl-addresses">{app.text("ltpl.addresses")}</label>
                    <textarea id="tpl-addresses" readonly rows="3" aria-describedby="tpl-too-many">{addresses}</textarea>
                    <div class="bo-actions">
                        <button type="button" class="bo-btn" on:click=copy>{app.text("ltpl.copy_addresses")}</button>
                        <a class="bo-btn" href=mailto(&[], &[], &subject, &body)>{app.text("ltpl.email_paste")}</a>
                    </div>
                </div>
            }
            .into_any(),
        )
    };
    view! {
        <Show when=move || !tags.with(Vec::is_empty)>
            <div class="bo-inline-fields">
                <label for="tpl-tag">{app.text("ltpl.group")}</label>
                <select id="tpl-tag" on:change=move |ev| tag.set(event_target_value(&ev))>
                    <option value="">"—"</option>
                    <For each=move || tags.get() key=|t| t.clone() let(t)>
                        <option value=t.clone()>{t.clone()}</option>
                    </For>
                </select>
                {link}
            </div>
        </Show>
    }
}
