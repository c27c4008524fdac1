//! The Today view's reminders: contracts ending, joining and leaving items, certificates,
//! obligations, and what needs attention (stock, maintenance, late tasks, payments, the
//! books). They read most of the office's lists, so they come in a part of their own,
//! fetched once the rest of the Today view is up (see `areas::reminders`).
use leptos::prelude::*;

use super::calendar::today;
use super::fields::money;
use super::router::Route;
use super::state::AppState;

/// Everything the Today view reminds of, each block shown only when it has something.
pub fn reminders_view(app: AppState) -> AnyView {
    view! {
        <Block app heading="desk.contracts_ending" lines=contracts(app) />
        <Block app heading="desk.checklists" lines=super::checklists::due_lines(app) />
        <Block app heading="desk.certificates" lines=certificates(app) />
        <Block app heading="desk.compliance" lines=compliance(app) />
        <Block app heading="desk.dispositions" lines=dispositions(app) />
        <Block app heading="desk.attention" lines=attention(app) />
    }
    .into_any()
}

/// One line of a block: a link to what it is about, then what is due, in the UI language.
/// Every block is made of these, so one list is drawn the same way for all of them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Line {
    /// The record the line is about, where its link does not name it (a joining item
    /// links to its employee): two lines alike must still be two keys.
    pub id: String,
    pub href: String,
    pub link: String,
    /// What follows the link: " — in 5 days".
    pub rest: String,
    /// Said in bold after the rest: "overdue".
    pub flag: Option<String>,
    /// Late or owed: drawn as a warning.
    pub late: bool,
}

/// A heading and its lines, shown only when there are lines.
#[component]
fn Block(app: AppState, heading: &'static str, lines: Memo<Vec<Line>>) -> impl IntoView {
    view! {
        <Show when=move || lines.with(|l| !l.is_empty())>
            <h2>{app.text(heading)}</h2>
            <ul class="bo-list">
                <For each=move || lines.get() key=|l| l.clone() let(l)>
                    <li class:bo-warn-text=l.late>
                        <a href=l.href>{l.link}</a>
                        {l.rest}
                        {l.flag.map(|f| view! { " "<strong>{f}</strong> })}
                    </li>
                </For>
            </ul>
        </Show>
    }
}

/// Fixed-term contracts ending within a month: renew them or prepare the leaving.
fn contracts(app: AppState) -> Memo<Vec<Line>> {
    Memo::new(move |_| {
        let ending = crate::domain::people::contracts_ending(&app.lists.employees().read(), today(), CONTRACT_WARNING_DAYS);
        ending
            .into_iter()
            .map(|(e, end)| Line {
                href: Route::View("employees".into(), e.meta.id.clone()).href(),
                link: e.name.clone(),
                rest: format!(" — {}", app.tf("desk.contract_ends", &[("date", crate::domain::format::long_date(end, app.lang.get()))])),
                ..Line::default()
            })
            .collect()
    })
}

/// Training certificates expiring within a month (or lapsed within one): renew them.
fn certificates(app: AppState) -> Memo<Vec<Line>> {
    Memo::new(move |_| {
        let expiring = crate::domain::training::certificates_expiring(&app.lists.trainings().read(), today(), CONTRACT_WARNING_DAYS);
        expiring
            .into_iter()
            .map(|(t, until)| Line {
                href: Route::View("trainings".into(), t.meta.id.clone()).href(),
                link: t.title.clone(),
                rest: format!(
                    " ({}) — {}",
                    t.people().join(", "),
                    app.tf("desk.certificate_until", &[("date", crate::domain::format::long_date(until, app.lang.get()))])
                ),
                ..Line::default()
            })
            .collect()
    })
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
fn dispositions(app: AppState) -> Memo<Vec<Line>> {
    Memo::new(move |_| {
        let today = today();
        crate::domain::letters::dispositions_due(&app.lists.letters_in().read(), today)
            .into_iter()
            .filter_map(|l| {
                let days = (l.due? - today).num_days();
                Some(Line {
                    href: Route::View("letters_in".into(), l.meta.id.clone()).href(),
                    link: l.subject.clone(),
                    rest: format!(" — {}, {}", l.disposition_to, when_text(&app, l.due?, days)),
                    late: days < 0,
                    ..Line::default()
                })
            })
            .collect()
    })
}

/// Obligations overdue or due within their reminder (tax, BPJS, licences, contracts).
fn compliance(app: AppState) -> Memo<Vec<Line>> {
    Memo::new(move |_| {
        let dues = crate::domain::compliance::open_dues(&app.lists.obligations().read(), &app.lists.obligations_done().read(), today());
        dues.iter()
            .map(|x| Line {
                href: Route::View("obligations".into(), x.obligation_id.clone()).href(),
                link: x.name.clone(),
                rest: format!(" — {}", due_text(&app, x)),
                late: x.days < 0,
                ..Line::default()
            })
            .collect()
    })
}

/// Fixed-term contracts ending this soon are listed on the Today view.
pub const CONTRACT_WARNING_DAYS: u64 = 30;

/// Items at or under their reorder point, counting what is already on order: the Today
/// view's and the dashboard's count.
pub fn low_stock_count(app: AppState) -> usize {
    let ordered = crate::domain::purchasing::on_order(&app.lists.orders().read(), &app.lists.stock().read());
    crate::domain::inventory::low_stock(&app.lists.items().read(), &app.stock_levels().read(), &ordered).len()
}

/// Equipment whose maintenance is late or due within two weeks.
pub fn service_due_count(app: AppState, today: chrono::NaiveDate) -> usize {
    crate::domain::assets::maintenance_due(&app.lists.assets().read(), &app.lists.asset_log().read(), today, 14).len()
}

/// Supplies to reorder, equipment to service, event and work plan tasks past their day, and
/// what the books say is late, as counts that link to their lists; each only when not zero.
fn attention(app: AppState) -> Memo<Vec<Line>> {
    let money_due = money_due(app);
    Memo::new(move |_| {
        let today = today();
        // The events' guards go before anything else is read.
        let (late_tasks, vendor_due) = {
            let events = app.lists.client_events().read();
            let (vendors, guests) = (app.lists.event_vendors().read(), app.lists.event_guests().read());
            (
                crate::domain::client_events::overdue(&events, &app.lists.event_tasks().read(), today).len(),
                crate::domain::event_vendors::payments_due(
                    &events,
                    &vendors,
                    &guests,
                    today,
                    crate::domain::event_vendors::PAYMENT_AHEAD_DAYS,
                )
                .len(),
            )
        };
        let late_plan = crate::domain::plans::late_tasks(&app.lists.plan_tasks().read(), today);
        let m = money_due.get();
        let count = |n: usize, href: String, key: &str, late: bool| {
            (n != 0).then(|| Line { href, link: app.tf(key, &[("n", n.to_string())]), late, ..Line::default() })
        };
        let owed = |(n, amount): (usize, i64), key: &str| {
            (n != 0).then(|| Line {
                href: Route::List("invoices".into()).href(),
                link: app.tf(key, &[("n", n.to_string()), ("amount", money(&app, amount))]),
                late: true,
                ..Line::default()
            })
        };
        [
            count(low_stock_count(app), Route::LowStock.href(), "desk.low_stock", false),
            count(service_due_count(app, today), Route::MaintenanceDue.href(), "desk.service_due", false),
            count(late_tasks, Route::List("client_events".into()).href(), "etask.late_n", false),
            count(vendor_due, Route::List("event_vendors".into()).href(), "vendor.payments_due", false),
            count(late_plan, Route::List("plan_tasks".into()).href(), "desk.plan_late", false),
            owed(m.invoices, "desk.invoices_late"),
            owed(m.bills, "desk.bills_late"),
            count(m.recurring, Route::List("recurring".into()).href(), "desk.recurring_due", false),
        ]
        .into_iter()
        .flatten()
        .collect()
    })
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
        let today = today();
        let sum = |late: Vec<crate::domain::finance::invoices::Late>| (late.len(), late.iter().map(|l| l.open).sum());
        let (entries, invoices) = (app.lists.entries().read(), app.lists.invoices().read());
        MoneyDue {
            invoices: sum(overdue(&invoices, &entries, true, today)),
            bills: sum(overdue(&invoices, &entries, false, today)),
            recurring: due_count(&app.lists.recurring().read(), &entries, today),
        }
    })
}
