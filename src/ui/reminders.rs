//! The Today view's reminders: contracts ending, joining and leaving items, certificates,
//! obligations, and what needs attention (stock, maintenance, late tasks, payments, the
//! books). They read most of the office's lists, so they come in a part of their own,
//! fetched once the rest of the Today view is up (see `areas::reminders`).
use leptos::prelude::*;

use super::fields::money;
use super::router::Route;
use super::state::{local, now, AppState};

/// Everything the Today view reminds of, each block shown only when it has something.
pub fn reminders_view(app: AppState) -> AnyView {
    view! {
        {contracts_block(app)}
        {super::checklists::due_block(app)}
        {certificates_block(app)}
        {compliance_block(app)}
        {dispositions_block(app)}
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
/// A contract's notice deadline says so: "notice by 1 May 2027 — in 5 days".
pub fn due_text(app: &AppState, d: &crate::domain::compliance::Due) -> String {
    let when = when_text(app, d.due, d.days);
    if d.notice {
        app.tf("desk.notice", &[("when", when)])
    } else {
        when
    }
}

/// "15 Des 2026 — 3 days late", "— today", "— in 5 days": `days` from today to `due`.
fn when_text(app: &AppState, due: chrono::NaiveDate, days: i64) -> String {
    let date = crate::domain::format::long_date(due, app.lang.get());
    match days {
        n if n < 0 => app.tf("desk.obl_late", &[("date", date), ("n", (-n).to_string())]),
        0 => app.tf("desk.obl_today", &[("date", date)]),
        n => app.tf("desk.obl_in", &[("date", date), ("n", n.to_string())]),
    }
}

/// Letters received whose disposition is due within three days or late: what, who acts, by when.
fn dispositions_block(app: AppState) -> impl IntoView {
    let due = Memo::new(move |_| {
        let today = local(now()).date_naive();
        app.lists.letters_in().with(|all| {
            crate::domain::letters::dispositions_due(all, today)
                .into_iter()
                .filter_map(|l| Some((l.meta.id.clone(), l.subject.clone(), l.disposition_to.clone(), l.due?, (l.due? - today).num_days())))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || due.with(|d| !d.is_empty())>
            <h2>{app.text("desk.dispositions")}</h2>
            <ul class="bo-list">
                <For each=move || due.get() key=|x| x.clone() let((id, subject, who, on, days))>
                    <li class:bo-warn-text=days < 0>
                        <a href=Route::View("letters_in".into(), id).href()>{subject}</a>
                        " — "{who}", "{move || when_text(&app, on, days)}
                    </li>
                </For>
            </ul>
        </Show>
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
    app.lists.items().with(|items| app.stock_levels().with(|s| crate::domain::inventory::low_stock(items, s, &ordered).len()))
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
