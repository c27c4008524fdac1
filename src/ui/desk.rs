//! Front desk: the Today view, messages waiting per recipient, visitors in the building.
use crate::domain::record::RecordRules;
use crate::sort::sort_by;
use leptos::prelude::*;

use crate::domain::frontdesk::{follow_ups_due, messages_waiting, Call, Visitor};

use super::areas::DeskSave;
use super::collection::display_value;
use super::router::Route;
use super::state::{local, local_now, now, use_app, AppState};
use super::widgets::PageHead;
use crate::domain::frontdesk::CallStatus;
use crate::domain::frontdesk::Urgency;

fn set_call_status(app: &AppState, call: &Call, status: CallStatus) {
    let mut c = call.clone();
    c.status = status;
    let done = app.tf("toast.saved", &[("name", call.title())]);
    super::areas::desk_save(*app, DeskSave::Call(c), done);
}

fn check_out(app: &AppState, v: &Visitor) {
    let mut v2 = v.clone();
    v2.check_out = Some(local_now());
    let done = app.tf("visitor.checked_out", &[("name", v.name.clone())]);
    super::areas::desk_save(*app, DeskSave::Visitor(v2), done);
}

fn time_of(app: &AppState, at: Option<chrono::NaiveDateTime>) -> String {
    at.map(|t| crate::domain::format::format_datetime(t.and_utc().fixed_offset(), app.lang.get())).unwrap_or_default()
}

/// Open messages for each recipient, oldest first, with "mark handled".
fn messages_block(app: AppState) -> impl IntoView {
    let groups = Memo::new(move |_| app.lists.calls().with(|c| messages_waiting(c)));
    view! {
            <Show when=move || groups.with(Vec::is_empty)>
                <p class="bo-empty">{app.text("desk.no_messages")}</p>
    </Show>
            {move || groups.get().into_iter().map(move |(who, calls)| IntoAny::into_any({
                view! {
                    <section class="bo-card">
                        <h3>{app.tf("desk.for", &[("who", who.clone()), ("n", calls.len().to_string())])}</h3>
                        <ul class="bo-trash">
                            {calls.into_iter().map(|c| {
                                let (c1, c2) = (c.clone(), c.clone());
                                let urgent = matches!(c.urgency, Urgency::Urgent | Urgency::High);
                                view! {
                                    <li class:bo-urgent=urgent>
                                        <a href=Route::View("calls".into(), c.meta.id.clone()).href()>{c.caller.clone()}</a>
                                        <span class="bo-meta">{time_of(&app, c.at)}" · "{display_value(&app, &c, "urgency")}" · "{display_value(&app, &c, "status")}</span>
                                        <span class="bo-msg">{c.message.clone()}</span>
                                        <span class="bo-row-actions">
                                            <Show when={let s = c.status; move || s == CallStatus::New}>
                                                <button type="button" class="bo-btn bo-btn-small" on:click={let c = c1.clone(); move |_| set_call_status(&app, &c, CallStatus::PassedOn)}>{app.text("desk.passed_on")}</button>
    </Show>
                                            <button type="button" class="bo-btn bo-btn-small bo-btn-primary" on:click=move |_| set_call_status(&app, &c2, CallStatus::Closed)>{app.text("desk.mark_handled")}</button>
                                        </span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                }
            })).collect::<Vec<_>>()}
        }
}

fn visitors_in_block(app: AppState) -> impl IntoView {
    let inside = Memo::new(move |_| {
        app.lists.visitors().with(|v| {
            let mut v: Vec<Visitor> = v.iter().filter(|v| v.is_in()).cloned().collect();
            sort_by(&mut v, |a, b| a.check_in.cmp(&b.check_in));
            v
        })
    });
    view! {
            <Show when=move || inside.with(Vec::is_empty)>
                <p class="bo-empty">{app.text("desk.nobody_in")}</p>
    </Show>
            <Show when=move || inside.with(|v| !v.is_empty())>
            <ul class="bo-trash">
                {move || inside.get().into_iter().map(move |v| IntoAny::into_any({
                    let v2 = v.clone();
                    view! {
                        <li>
                            <a href=Route::View("visitors".into(), v.meta.id.clone()).href()>{v.name.clone()}</a>
                            <span class="bo-meta">{app.tf("desk.visiting", &[("company", v.company.clone()), ("host", v.host.clone()), ("since", time_of(&app, v.check_in))])}</span>
                            <span class="bo-row-actions">
                                <button type="button" class="bo-btn bo-btn-small bo-btn-primary" aria-label=move || format!("{} {}", app.t("desk.check_out"), v2.name)
                                    on:click={let v = v.clone(); move |_| check_out(&app, &v)}>{app.text("desk.check_out")}</button>
                            </span>
                        </li>
                    }
                })).collect::<Vec<_>>()}
            </ul>
    </Show>
        }
}

pub fn messages_page() -> AnyView {
    let app = use_app();
    view! {
        <PageHead title=app.title("nav.messages")>
            <a class="bo-btn bo-btn-primary" href=Route::New("calls".into()).href()>{app.text("call.new")}</a>
        </PageHead>
        {messages_block(app)}
    }
    .into_any()
}

pub fn today_page() -> AnyView {
    let app = use_app();
    let today = local(now()).date_naive();
    let due = Memo::new(move |_| app.lists.calls().with(|c| follow_ups_due(c, today)));
    let calls_today = Memo::new(move |_| {
        app.lists.calls().with(|c| c.iter().filter(|c| c.meta.deleted_at.is_none() && c.at.is_some_and(|t| t.date() == today)).count())
    });
    let visitors_today = Memo::new(move |_| {
        app.lists
            .visitors()
            .with(|v| v.iter().filter(|v| v.meta.deleted_at.is_none() && v.check_in.is_some_and(|t| t.date() == today)).count())
    });
    view! {
        <PageHead title=app.title("nav.desk")>
            <a class="bo-btn bo-btn-primary" href=Route::New("calls".into()).href()>{app.text("call.new")}</a>
            <a class="bo-btn" href=Route::New("visitors".into()).href()>{app.text("visitor.new")}</a>
        </PageHead>
        <p class="bo-hint">{move || app.tf("desk.summary", &[
            ("date", crate::domain::format::format_date(local(now()), app.lang.get())),
            ("calls", calls_today.get().to_string()),
            ("visitors", visitors_today.get().to_string()),
        ])}</p>
        <h2>{app.text("desk.appointments")}</h2>
        {super::calendar::todays_items(app)}
        <h2>{app.text("desk.waiting")}</h2>
        {messages_block(app)}
        <Show when=move || due.with(|d| !d.is_empty())>
            <h2>{app.text("desk.follow_ups")}</h2>
            <ul class="bo-list">
                {move || due.get().into_iter().map(|c| view! {
                    <li><a href=Route::View("calls".into(), c.meta.id.clone()).href()>{c.title()}</a>" — "{display_value(&app, &c, "follow_up")}</li>
                }).collect_view()}
            </ul>
</Show>
        <h2>{app.text("desk.in_building")}</h2>
        {visitors_in_block(app)}
        {super::areas::reminders(app)}
    }
    .into_any()
}
