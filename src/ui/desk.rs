//! Front desk: the Today view, messages waiting per recipient, visitors in the building.
use crate::domain::record::RecordRules;
use crate::sort::sort_by;
use leptos::prelude::*;

use crate::domain::frontdesk::{follow_ups_due, messages_waiting, Call, Visitor};

use super::collection::{display_value, save_record};
use super::fields::money;
use super::router::Route;
use super::state::{local, local_now, now, use_app, AppState};
use super::widgets::PageHead;
use crate::domain::frontdesk::CallStatus;
use crate::domain::frontdesk::Urgency;

fn set_call_status(app: &AppState, call: &Call, status: CallStatus) {
    let mut c = call.clone();
    c.status = status;
    if save_record(app, c).is_ok() {
        app.info(app.tf("toast.saved", &[("name", call.title())]));
    }
}

fn check_out(app: &AppState, v: &Visitor) {
    let mut v2 = v.clone();
    v2.check_out = Some(local_now());
    if save_record(app, v2).is_ok() {
        app.info(app.tf("visitor.checked_out", &[("name", v.name.clone())]));
    }
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
        {contracts_block(app)}
        {super::checklists::due_block(app)}
        {certificates_block(app)}
        {compliance_block(app)}
        {attention_block(app)}
    }
    .into_any()
}

/// Fixed-term contracts ending within a month: renew them or prepare the leaving.
fn contracts_block(app: AppState) -> impl IntoView {
    let ending = Memo::new(move |_| {
        let today = local(now()).date_naive();
        app.lists.employees().with(|all| crate::domain::people::contracts_ending(all, today, CONTRACT_WARNING_DAYS))
    });
    view! {
        <Show when=move || ending.with(|e| !e.is_empty())>
            <h2>{app.text("desk.contracts_ending")}</h2>
            <ul class="bo-list">
                <For each=move || ending.get() key=|(e, _)| e.meta.id.clone() let((e, end))>
                    <li>
                        <a href=Route::View("employees".into(), e.meta.id.clone()).href()>{e.name.clone()}</a>
                        " — "{move || app.tf("desk.contract_ends", &[("date", crate::domain::format::long_date(end, app.lang.get()))])}
                    </li>
                </For>
            </ul>
        </Show>
    }
}

/// Training certificates expiring within a month (or lapsed within one): renew them.
fn certificates_block(app: AppState) -> impl IntoView {
    let expiring = Memo::new(move |_| {
        let today = local(now()).date_naive();
        app.lists.trainings().with(|all| crate::domain::training::certificates_expiring(all, today, CONTRACT_WARNING_DAYS))
    });
    view! {
        <Show when=move || expiring.with(|e| !e.is_empty())>
            <h2>{app.text("desk.certificates")}</h2>
            <ul class="bo-list">
                <For each=move || expiring.get() key=|(t, _)| t.meta.id.clone() let((t, until))>
                    <li>
                        <a href=Route::View("trainings".into(), t.meta.id.clone()).href()>{t.title.clone()}</a>
                        " ("{t.people().join(", ")}") — "
                        {move || app.tf("desk.certificate_until", &[("date", crate::domain::format::long_date(until, app.lang.get()))])}
                    </li>
                </For>
            </ul>
        </Show>
    }
}

/// "15 Des 2026 — 3 days late", "— today", "— in 5 days".
pub fn due_text(app: &AppState, d: &crate::domain::compliance::Due) -> String {
    let date = crate::domain::format::long_date(d.due, app.lang.get());
    match d.days {
        n if n < 0 => app.tf("desk.obl_late", &[("date", date), ("n", (-n).to_string())]),
        0 => app.tf("desk.obl_today", &[("date", date)]),
        n => app.tf("desk.obl_in", &[("date", date), ("n", n.to_string())]),
    }
}

/// Obligations overdue or due within their reminder (tax, BPJS, licences, contracts).
fn compliance_block(app: AppState) -> impl IntoView {
    let dues = Memo::new(move |_| {
        let today = local(now()).date_naive();
        app.lists.obligations().with(|o| app.lists.obligations_done().with(|d| crate::domain::compliance::open_dues(o, d, today)))
    });
    view! {
        <Show when=move || dues.with(|d| !d.is_empty())>
            <h2>{app.text("desk.compliance")}</h2>
            <ul class="bo-list">
                <For each=move || dues.get() key=|x| x.clone() let(x)>
                    <li class:bo-warn-text=x.days < 0>
                        <a href=Route::View("obligations".into(), x.obligation_id.clone()).href()>{x.name.clone()}</a>
                        " — "{let x = x.clone(); move || due_text(&app, &x)}
                    </li>
                </For>
            </ul>
        </Show>
    }
}

/// Fixed-term contracts ending this soon are listed on the Today view.
pub const CONTRACT_WARNING_DAYS: u64 = 30;

/// Items at or under their reorder point, counting what is already on order: the Today
/// view's and the dashboard's count.
pub fn low_stock_count(app: AppState) -> usize {
    let ordered = app.lists.orders().with(|o| app.lists.stock().with(|m| crate::domain::purchasing::on_order(o, m)));
    app.lists.items().with(|items| app.stock_levels.with(|s| crate::domain::inventory::low_stock(items, s, &ordered).len()))
}

/// Equipment whose maintenance is late or due within two weeks.
pub fn service_due_count(app: AppState, today: chrono::NaiveDate) -> usize {
    app.lists.assets().with(|a| app.lists.asset_log().with(|l| crate::domain::assets::maintenance_due(a, l, today, 14).len()))
}

/// Supplies to reorder, equipment to service, event and work plan tasks past their day, as counts that
/// link to their lists; shown only when there is something to do.
fn attention_block(app: AppState) -> impl IntoView {
    let low = Memo::new(move |_| low_stock_count(app));
    let service = Memo::new(move |_| service_due_count(app, local(now()).date_naive()));
    let late_tasks = Memo::new(move |_| {
        let today = local(now()).date_naive();
        app.lists.client_events().with(|e| app.lists.event_tasks().with(|t| crate::domain::client_events::overdue(e, t, today).len()))
    });
    let vendor_due = Memo::new(move |_| {
        let today = local(now()).date_naive();
        app.lists.client_events().with(|e| {
            app.lists.event_vendors().with(|v| {
                app.lists.event_guests().with(|g| {
                    crate::domain::event_vendors::payments_due(e, v, g, today, crate::domain::event_vendors::PAYMENT_AHEAD_DAYS).len()
                })
            })
        })
    });
    let late_plan = Memo::new(move |_| {
        let today = local(now()).date_naive();
        app.lists.plan_tasks().with(|t| crate::domain::plans::late_tasks(t, today))
    });
    let money_due = money_due(app);
    let books = move || money_due.with(|m| m.invoices.0 + m.bills.0 + m.recurring);
    view! {
            <Show when=move || low.get() + service.get() + late_tasks.get() + vendor_due.get() + late_plan.get() + books() != 0>
                <h2>{app.text("desk.attention")}</h2>
                <ul class="bo-list">
                    <Show when=move || low.get() != 0>
                        <li><a href=Route::LowStock.href()>{move || app.tf("desk.low_stock", &[("n", low.get().to_string())])}</a></li>
    </Show>
                    <Show when=move || service.get() != 0>
                        <li><a href=Route::MaintenanceDue.href()>{move || app.tf("desk.service_due", &[("n", service.get().to_string())])}</a></li>
    </Show>
                    <Show when=move || late_tasks.get() != 0>
                        <li><a href=Route::List("client_events".into()).href()>{move || app.tf("etask.late_n", &[("n", late_tasks.get().to_string())])}</a></li>
    </Show>
                    <Show when=move || vendor_due.get() != 0>
                        <li><a href=Route::List("event_vendors".into()).href()>{move || app.tf("vendor.payments_due", &[("n", vendor_due.get().to_string())])}</a></li>
    </Show>
                    <Show when=move || late_plan.get() != 0>
                        <li><a href=Route::List("plan_tasks".into()).href()>{move || app.tf("desk.plan_late", &[("n", late_plan.get().to_string())])}</a></li>
    </Show>
                    <Show when=move || money_due.with(|m| m.invoices.0 != 0)>
                        <li class="bo-warn-text"><a href=Route::List("invoices".into()).href()>{move || money_due.with(|m| app.tf("desk.invoices_late", &[("n", m.invoices.0.to_string()), ("amount", money(&app, m.invoices.1))]))}</a></li>
    </Show>
                    <Show when=move || money_due.with(|m| m.bills.0 != 0)>
                        <li class="bo-warn-text"><a href=Route::List("invoices".into()).href()>{move || money_due.with(|m| app.tf("desk.bills_late", &[("n", m.bills.0.to_string()), ("amount", money(&app, m.bills.1))]))}</a></li>
    </Show>
                    <Show when=move || money_due.with(|m| m.recurring != 0)>
                        <li><a href=Route::List("recurring".into()).href()>{move || app.tf("desk.recurring_due", &[("n", money_due.with(|m| m.recurring).to_string())])}</a></li>
    </Show>
                </ul>
    </Show>
        }
}

/// Counts and sums of what the books say is late.
#[derive(Clone, Debug, Default, PartialEq)]
struct MoneyDue {
    /// Invoices past due: how many, still owed to the office.
    invoices: (usize, i64),
    /// Bills past due: how many, still owed by the office.
    bills: (usize, i64),
    /// Entries the schedules should have made and have not.
    recurring: usize,
}

/// Read once the first screen is up: the books may hold tens of thousands of entries, and
/// the rest of the Today view should not wait for them.
fn money_due(app: AppState) -> Memo<MoneyDue> {
    let later = RwSignal::new(false);
    set_timeout(move || later.set(true), std::time::Duration::ZERO);
    Memo::new(move |_| {
        if !later.get() {
            return MoneyDue::default();
        }
        use crate::domain::finance::{invoices::overdue, recurring::due_count};
        let today = local(now()).date_naive();
        let sum = |late: Vec<crate::domain::finance::invoices::Late>| (late.len(), late.iter().map(|l| l.open).sum());
        app.lists.entries().with(|e| MoneyDue {
            invoices: app.lists.invoices().with(|i| sum(overdue(i, e, true, today))),
            bills: app.lists.invoices().with(|i| sum(overdue(i, e, false, today))),
            recurring: app.lists.recurring().with(|r| due_count(r, e, today)),
        })
    })
}
