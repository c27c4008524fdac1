//! Meeting minutes: agenda (owner, time allotted, notes per item), decisions, action items;
//! carrying open items to the next meeting of the series; a clean A4 print; and the list
//! of open action items across all meetings, overdue first.
use crate::domain::record::RecordRules;
use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::format::long_date;
use crate::domain::meeting::{self, Action, ActionStatus, AgendaItem, Minutes};

use super::calendar::{find, today};
use super::collection::UiEntity;
use super::collection::{save_record, save_records};
use super::router::{navigate, Route};
use super::state::{now, use_app, AppState};
use super::widgets::PageHead;

/// Opens the minutes of a meeting date, starting them if there are none yet.
pub fn open_minutes(app: &AppState, event_id: &str, date: NaiveDate) {
    if let Some(m) = app.lists.minutes().with_untracked(|all| meeting::find(all, event_id, date).cloned()) {
        navigate(&Route::View("minutes".into(), m.meta.id));
        return;
    }
    let Some(e) = find(app, event_id) else { return };
    let m = meeting::start(&e, event_id, date, now());
    let id = m.meta.id.clone();
    if save_record(app, m).is_ok() {
        navigate(&Route::View("minutes".into(), id));
    }
}

/// A text input bound to one string of the draft, without redrawing the list per key.
fn text_cell(id: String, label: String, value: String, kind: &'static str, set: impl Fn(String) + 'static) -> impl IntoView {
    view! {
        <input id=id type=kind aria-label=label prop:value=value on:input=move |ev| set(event_target_value(&ev)) />
    }
}

pub fn minutes_page(id: String) -> AnyView {
    let app = use_app();
    let Some(saved) = app.lists.minutes().with_untracked(|all| all.iter().find(|m| m.meta.id == id).cloned()) else {
        return view! {
            <h1 tabindex="-1">{app.text("notfound.title")}</h1>
            <p><a href=Route::Actions.href()>{app.text("nav.actions")}</a></p>
        }
        .into_any();
    };
    let draft = RwSignal::new(saved.clone());
    // Bumped when rows are added, removed or moved: only then are the rows redrawn.
    let shape = RwSignal::new(0u32);
    let errors = RwSignal::new(Vec::<&'static str>::new());
    let base_updated = RwSignal::new(saved.meta.updated_at);
    let touch = move || app.dirty.set(true);
    let day = saved.day();
    let event_id = saved.event_id.clone();
    let next = {
        let event_id = event_id.clone();
        Memo::new(move |_| day.and_then(|d| app.lists.events().with(|e| meeting::next_date(e, &event_id, d))))
    };

    let save = move || -> bool {
        let m = draft.get_untracked();
        let errs = m.validate();
        if !errs.is_empty() {
            errors.set(errs.iter().map(|(_, msg)| *msg).collect());
            return false;
        }
        errors.set(vec![]);
        let current = app.lists.minutes().with_untracked(|all| all.iter().find(|x| x.meta.id == m.meta.id).map(|x| x.meta.updated_at));
        if current != Some(base_updated.get_untracked()) {
            app.error(app.t("err.changed_elsewhere").into());
            return false;
        }
        let title = m.title();
        if save_record(&app, m.clone()).is_err() {
            return false;
        }
        let stamped = app.lists.minutes().with_untracked(|all| all.iter().find(|x| x.meta.id == m.meta.id).map(|x| x.meta.updated_at));
        if let Some(t) = stamped {
            base_updated.set(t);
            draft.update(|d| d.meta.updated_at = t);
        }
        app.dirty.set(false);
        app.info(app.tf("toast.saved", &[("name", title)]));
        true
    };
    let print = move |_| {
        if save() {
            request_animation_frame(|| {
                let _ = window().print();
            });
        }
    };
    let carry = {
        let event_id = event_id.clone();
        move |_| {
            let Some(d) = next.get_untracked() else { return };
            if !save() {
                return;
            }
            let mut this = draft.get_untracked();
            let mut into = app.lists.minutes().with_untracked(|all| meeting::find(all, &event_id, d).cloned()).unwrap_or_else(|| {
                let e = find(&app, &event_id).unwrap_or_default();
                meeting::start(&e, &event_id, d, now())
            });
            let n = meeting::carry_over(&mut this, &mut into);
            if n == 0 {
                app.info(app.t("minutes.nothing_to_carry").into());
                return;
            }
            let into_id = into.meta.id.clone();
            if save_records(&app, vec![this, into]).is_ok() {
                app.dirty.set(false);
                app.info(app.tf("minutes.carried", &[("n", n.to_string()), ("date", long_date(d, app.lang.get_untracked()))]));
                navigate(&Route::View("minutes".into(), into_id));
            }
        }
    };

    let agenda_rows = move || {
        shape.track();
        let items = draft.with_untracked(|m| m.agenda.clone());
        let n = items.len();
        items
            .into_iter()
            .enumerate()
            .map(|(i, a)| {
                let set = move |f: fn(&mut AgendaItem, String)| move |v: String| {
                    draft.update_untracked(|m| if let Some(x) = m.agenda.get_mut(i) { f(x, v) });
                    touch();
                };
                let mv = move |to: usize| {
                    draft.update_untracked(|m| m.agenda.swap(i, to));
                    shape.update(|s| *s += 1);
                    touch();
                };
                let no = i + 1;
                view! {
                    <li class="bo-agenda-item">
                        <div class="bo-agenda-line">
                            {text_cell(format!("agenda-{i}-title"), app.tf("minutes.item_n", &[("n", no.to_string())]), a.title, "text", set(|x, v| x.title = v))}
                            {text_cell(format!("agenda-{i}-owner"), app.tf("minutes.owner_n", &[("n", no.to_string())]), a.owner, "text", set(|x, v| x.owner = v))}
                            {text_cell(format!("agenda-{i}-minutes"), app.tf("minutes.minutes_n", &[("n", no.to_string())]), a.minutes, "number", set(|x, v| x.minutes = v))}
                            <button type="button" class="bo-btn bo-btn-small" disabled=i == 0 aria-label=app.tf("minutes.up", &[("n", no.to_string())]) on:click=move |_| mv(i - 1)>"▲"</button>
                            <button type="button" class="bo-btn bo-btn-small" disabled=i + 1 == n aria-label=app.tf("minutes.down", &[("n", no.to_string())]) on:click=move |_| mv(i + 1)>"▼"</button>
                            <button type="button" class="bo-btn bo-btn-small bo-btn-danger" aria-label=app.tf("minutes.remove_item", &[("n", no.to_string())]) on:click=move |_| {
                                draft.update_untracked(|m| { m.agenda.remove(i); });
                                shape.update(|s| *s += 1);
                                touch();
                            }>"✕"</button>
                        </div>
                        <textarea id=format!("agenda-{i}-notes") rows="3" aria-label=app.tf("minutes.notes_n", &[("n", no.to_string())])
                            placeholder=app.t("minutes.notes_placeholder") prop:value=a.notes
                            on:input=move |ev| { let v = event_target_value(&ev); draft.update_untracked(|m| if let Some(x) = m.agenda.get_mut(i) { x.notes = v }); touch(); }></textarea>
                    </li>
                }
            })
            .collect_view()
    };
    let action_rows = move || {
        shape.track();
        let items = draft.with_untracked(|m| m.actions.clone());
        items
            .into_iter()
            .enumerate()
            .map(|(i, a)| {
                let set = move |f: fn(&mut Action, String)| move |v: String| {
                    draft.update_untracked(|m| if let Some(x) = m.actions.get_mut(i) { f(x, v) });
                    touch();
                };
                let no = i + 1;
                let status = a.status;
                let carried = !a.from.is_empty();
                view! {
                    <tr>
                        <td>{text_cell(format!("action-{i}-text"), app.tf("minutes.action_n", &[("n", no.to_string())]), a.text, "text", set(|x, v| x.text = v))}
                            {carried.then(|| view! { <small class="bo-hint">{app.t("minutes.carried_in")}</small> })}</td>
                        <td>{text_cell(format!("action-{i}-owner"), app.tf("minutes.action_owner_n", &[("n", no.to_string())]), a.owner, "text", set(|x, v| x.owner = v))}</td>
                        <td>{text_cell(format!("action-{i}-due"), app.tf("minutes.action_due_n", &[("n", no.to_string())]), a.due, "date", set(|x, v| x.due = v))}</td>
                        <td>
                            <select id=format!("action-{i}-status") aria-label=app.tf("minutes.action_status_n", &[("n", no.to_string())])
                                on:change=move |ev| { let v = event_target_value(&ev); draft.update_untracked(|m| if let Some(x) = m.actions.get_mut(i) { x.status = ActionStatus::from_code(&v).unwrap_or_default() }); touch(); }>
                                {ActionStatus::ALL.iter().map(|s| view! { <option value=s.code() selected=*s == status>{app.t(s.label_key())}</option> }).collect_view()}
                            </select>
                        </td>
                        <td><button type="button" class="bo-btn bo-btn-small bo-btn-danger" aria-label=app.tf("minutes.remove_action", &[("n", no.to_string())]) on:click=move |_| {
                            draft.update_untracked(|m| { m.actions.remove(i); });
                            shape.update(|s| *s += 1);
                            touch();
                        }>"✕"</button></td>
                    </tr>
                }
            })
            .collect_view()
    };
    let add_item = move |_| {
        draft.update_untracked(|m| m.agenda.push(AgendaItem::default()));
        shape.update(|s| *s += 1);
        touch();
        let i = draft.with_untracked(|m| m.agenda.len() - 1);
        focus_later(format!("agenda-{i}-title"));
    };
    let add_action = move |_| {
        draft.update_untracked(|m| m.actions.push(Action::new("")));
        shape.update(|s| *s += 1);
        touch();
        let i = draft.with_untracked(|m| m.actions.len() - 1);
        focus_later(format!("action-{i}-text"));
    };
    let heading = {
        let (t, d) = (saved.title.clone(), day);
        Signal::derive(move || {
            app.tf("minutes.heading", &[("title", t.clone()), ("date", d.map(|d| long_date(d, app.lang.get())).unwrap_or_default())])
        })
    };
    let event_href = match day {
        Some(d) if find(&app, &event_id).is_some_and(|e| e.rule().is_some()) => Route::Occurrence(event_id.clone(), d.to_string()).href(),
        _ => Route::View("events".into(), event_id.clone()).href(),
    };
    let planned = move || {
        shape.track();
        app.tf("minutes.planned", &[("n", draft.with_untracked(|m| m.planned_minutes()).to_string())])
    };
    view! {
        <PageHead title=heading>
            <button type="button" class="bo-btn bo-btn-primary" on:click=move |_| { save(); }>{app.text("action.save")}</button>
            <button type="button" class="bo-btn" on:click=print>{app.text("minutes.print")}</button>
            <Show when=move || next.get().is_some()>
                <button type="button" class="bo-btn" on:click=carry.clone()>{move || app.tf("minutes.carry", &[("date", next.get().map(|d| long_date(d, app.lang.get())).unwrap_or_default())])}</button>
</Show>
            <a class="bo-btn" href=event_href>{app.text("minutes.open_event")}</a>
        </PageHead>
        <Show when=move || !errors.get().is_empty()>
            <p class="bo-form-summary" role="alert">{move || errors.get().iter().map(|e| app.t(e)).collect::<Vec<_>>().join(" ")}</p>
</Show>
        <div class="bo-minutes bo-no-print">
            <div class="bo-field">
                <label for="m-chair">{app.text("minutes.chair")}</label>
                <input id="m-chair" type="text" prop:value=saved.chair.clone() on:input=move |ev| { let v = event_target_value(&ev); draft.update_untracked(|m| m.chair = v); touch(); } />
            </div>
            <div class="bo-field">
                <label for="m-present">{app.text("minutes.present")}</label>
                <textarea id="m-present" rows="3" prop:value=saved.present.clone() on:input=move |ev| { let v = event_target_value(&ev); draft.update_untracked(|m| m.present = v); touch(); }></textarea>
                <small class="bo-hint">{app.text("form.hint_lines")}</small>
            </div>
            <h2>{app.text("minutes.agenda")}</h2>
            <p class="bo-hint">{planned}</p>
            <ol class="bo-agenda">{agenda_rows}</ol>
            <button type="button" class="bo-btn" on:click=add_item>{app.text("minutes.add_item")}</button>
            <h2>{app.text("minutes.decisions")}</h2>
            <div class="bo-field">
                <label for="m-decisions" class="bo-visually-hidden">{app.text("minutes.decisions")}</label>
                <textarea id="m-decisions" rows="4" prop:value=saved.decisions.clone() on:input=move |ev| { let v = event_target_value(&ev); draft.update_untracked(|m| m.decisions = v); touch(); }></textarea>
                <small class="bo-hint">{app.text("form.hint_lines")}</small>
            </div>
            <h2>{app.text("minutes.actions")}</h2>
            <div class="bo-table-wrap" tabindex="0">
                <table class="bo-table bo-actions-table">
                    <thead><tr>
                        <th>{app.text("minutes.action")}</th><th>{app.text("minutes.owner")}</th>
                        <th>{app.text("minutes.due")}</th><th>{app.text("minutes.status")}</th><th></th>
                    </tr></thead>
                    <tbody>{action_rows}</tbody>
                </table>
            </div>
            <button type="button" class="bo-btn" on:click=add_action>{app.text("minutes.add_action")}</button>
        </div>
        {print_view(app, draft, shape)}
    }
    .into_any()
}

fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            use wasm_bindgen::JsCast;
            if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// The minutes as printed: only shown by the print stylesheet.
fn print_view(app: AppState, draft: RwSignal<Minutes>, shape: RwSignal<u32>) -> impl IntoView {
    let company = move || app.settings.with(|s| s.company_name.clone());
    // Redrawn on save (the stamp changes) and on row changes.
    let body = move || {
        shape.track();
        let m = draft.get();
        let lang = app.lang.get();
        let ev = find(&app, &m.event_id);
        let when = m.day().map(|d| long_date(d, lang)).unwrap_or_default();
        let place = ev.as_ref().map(|e| e.location.clone()).unwrap_or_default();
        let lines = |s: &str| s.lines().filter(|l| !l.trim().is_empty()).map(|l| view! { <li>{l.to_string()}</li> }).collect_view();
        view! {
            <h1>{app.tf("minutes.print_title", &[("title", m.title.clone())])}</h1>
            <p>{when}{(!place.is_empty()).then(|| format!(" · {place}"))}</p>
            <p><strong>{app.t("minutes.chair")}": "</strong>{m.chair.clone()}</p>
            <p><strong>{app.t("minutes.present")}": "</strong>{m.present.replace('\n', ", ")}</p>
            <h2>{app.t("minutes.agenda")}</h2>
            <ol>
                {m.agenda.iter().map(|a| view! {
                    <li>
                        <strong>{a.title.clone()}</strong>
                        {(!a.owner.is_empty() || !a.minutes.is_empty()).then(|| format!(" ({}{}{})", a.owner, if a.owner.is_empty() || a.minutes.is_empty() { "" } else { ", " }, if a.minutes.is_empty() { String::new() } else { app.tf("minutes.n_min", &[("n", a.minutes.clone())]) }))}
                        <p class="bo-prewrap">{a.notes.clone()}</p>
                    </li>
                }).collect_view()}
            </ol>
            <h2>{app.t("minutes.decisions")}</h2>
            <ul>{lines(&m.decisions)}</ul>
            <h2>{app.t("minutes.actions")}</h2>
            <div class="bo-table-wrap" tabindex="0"><table class="bo-table">
                <thead><tr><th>{app.t("minutes.action")}</th><th>{app.t("minutes.owner")}</th><th>{app.t("minutes.due")}</th><th>{app.t("minutes.status")}</th></tr></thead>
                <tbody>
                    {m.actions.iter().map(|a| {
                        let status = app.t(a.status.label_key());
                        let due = crate::domain::record::parse_date(&a.due).map(|d| long_date(d, lang)).unwrap_or_default();
                        view! { <tr><td>{a.text.clone()}</td><td>{a.owner.clone()}</td><td>{due}</td><td>{status}</td></tr> }
                    }).collect_view()}
                </tbody>
            </table></div>
        }
    };
    view! {
        <article class="bo-print-only bo-minutes-print" aria-hidden="true">
            <p class="bo-print-company">{company}</p>
            {body}
        </article>
    }
}

/// Open action items of every meeting, overdue first; "done" straight from the list.
pub fn actions_page() -> AnyView {
    let app = use_app();
    let list = Memo::new(move |_| app.lists.minutes().with(|m| meeting::open_actions(m, today())));
    let mark_done = move |minutes_id: String, action_id: String| {
        let Some(mut m) = app.lists.minutes().with_untracked(|all| all.iter().find(|m| m.meta.id == minutes_id).cloned()) else { return };
        if let Some(a) = m.actions.iter_mut().find(|a| a.id == action_id) {
            a.status = ActionStatus::Done;
            let text = a.text.clone();
            if save_record(&app, m).is_ok() {
                app.info(app.tf("minutes.done_toast", &[("text", text)]));
            }
        }
    };
    view! {
        <PageHead title=app.title("nav.actions")>
            <a class="bo-btn" href=Route::List("minutes".into()).href()>{app.text("nav.minutes")}</a>
        </PageHead>
        <p class="bo-hint">{app.text("minutes.actions_hint")}</p>
        <Show when=move || list.with(Vec::is_empty)>
            <p class="bo-empty">{app.text("minutes.no_open_actions")}</p>
</Show>
        <Show when=move || list.with(|l| !l.is_empty())>
            <div class="bo-table-wrap" tabindex="0">
                <table class="bo-table">
                    <thead><tr>
                        <th>{app.text("minutes.action")}</th><th>{app.text("minutes.owner")}</th><th>{app.text("minutes.due")}</th>
                        <th>{app.text("minutes.meeting")}</th><th></th>
                    </tr></thead>
                    <tbody>
                        {move || list.get().into_iter().map(move |o| IntoAny::into_any({
                            let lang = app.lang.get_untracked();
                            let due = crate::domain::record::parse_date(&o.action.due).map(|d| long_date(d, lang)).unwrap_or_else(|| "—".into());
                            let meeting = format!("{} · {}", o.meeting, o.date.map(|d| long_date(d, lang)).unwrap_or_default());
                            let (mid, aid) = (o.minutes_id.clone(), o.action.id.clone());
                            let text = o.action.text.clone();
                            view! {
                                <tr class:bo-row-error=o.overdue>
                                    <td>{o.action.text.clone()}{o.overdue.then(|| view! { " " <strong class="bo-error-cell">{app.t("minutes.overdue")}</strong> })}</td>
                                    <td>{o.action.owner.clone()}</td>
                                    <td>{due}</td>
                                    <td><a href=Route::View("minutes".into(), o.minutes_id.clone()).href()>{meeting}</a></td>
                                    <td><button type="button" class="bo-btn bo-btn-small bo-btn-primary" aria-label=app.tf("minutes.mark_done_of", &[("text", text)])
                                        on:click=move |_| mark_done(mid.clone(), aid.clone())>{app.t("minutes.mark_done")}</button></td>
                                </tr>
                            }
                        })).collect::<Vec<_>>()}
                    </tbody>
                </table>
            </div>
</Show>
    }
    .into_any()
}

impl UiEntity for Minutes {
    const PLURAL: &'static str = "nav.minutes";
    const NEW: &'static str = "minutes.new";
    const EMPTY: &'static str = "minutes.empty";
}
