//! An event's vendors and budget on its page, the payments coming due, and the client's
//! quotation printed from what the client is charged.
use leptos::prelude::*;

use crate::domain::client_events::ClientEvent;
use crate::domain::event_guests::{counts, guests_of};
use crate::domain::event_vendors::{budget, payments_due, vendors_of, BudgetLine, EventVendor, PaymentDue, PAYMENT_AHEAD_DAYS};
use crate::domain::format::long_date;
use crate::route::Route;

use super::calendar::today;
use super::client_events::links;
use super::collection::UiEntity;
use super::fields::{money, party_name};
use super::pages::RecordPages;
use super::records::{csv_tools, form_page_back, list_page, not_found};
use super::state::{use_app, AppState};
use super::widgets::PageHead;

impl UiEntity for EventVendor {
    const PLURAL: &'static str = "nav.event_vendors";
    const NEW: &'static str = "vendor.new";
    const EMPTY: &'static str = "vendor.empty";
}

/// `#/event_vendors/new/<event id>`: a vendor of that event; the form goes back to it.
impl RecordPages for EventVendor {
    fn list() -> AnyView {
        list_page::<EventVendor>(
            "event_vendors",
            view! { {links()} {csv_tools::<EventVendor>("event_vendors")} {payments_part()} }.into_any(),
        )
    }
    fn create(event: Option<String>) -> AnyView {
        let back = event.clone().map(|id| Route::View("client_events".into(), id));
        form_page_back::<EventVendor>("event_vendors", None, event.map(|id| vec![("event_id", id)]).unwrap_or_default(), back)
    }
}

fn event_of(app: AppState, id: String) -> Memo<Option<ClientEvent>> {
    Memo::new(move |_| app.lists.client_events().with(|all| all.iter().find(|e| e.meta.id == id).cloned()))
}

fn mine(app: AppState, id: String) -> Memo<Vec<EventVendor>> {
    Memo::new(move |_| app.lists.event_vendors().with(|all| vendors_of(all, &id).into_iter().cloned().collect()))
}

/// "Rp 10.000.000, paid" / "Rp 10.000.000 by Sat, 5 Dec 2026".
fn payment_text(app: &AppState, amount: Option<i64>, due: Option<chrono::NaiveDate>, paid: bool) -> String {
    let Some(amount) = amount.filter(|a| *a > 0) else { return String::new() };
    let amount = money(app, amount);
    if paid {
        app.tf("vendor.paid_amount", &[("amount", amount)])
    } else if let Some(d) = due {
        app.tf("vendor.due_amount", &[("amount", amount), ("date", long_date(d, app.lang.get()))])
    } else {
        amount
    }
}

/// The vendors' card on an event's page: each vendor with its payments, then the budget by
/// category with the margin.
pub fn vendors_part(id: String) -> AnyView {
    let app = use_app();
    let event = event_of(app, id.clone());
    let vendors = mine(app, id.clone());
    // Prices per person count those confirmed, or the guests planned until anyone is.
    let people = Memo::new({
        let id = id.clone();
        move |_| {
            let confirmed = app.lists.event_guests().with(|g| counts(&guests_of(g, &id)));
            event.with(|e| e.as_ref().map(|e| crate::domain::event_guests::people(e, &confirmed)).unwrap_or(0))
        }
    });
    let sums = Memo::new(move |_| vendors.with(|v| budget(&v.iter().collect::<Vec<_>>(), people.get())));
    let writable = move || app.read_only.get().is_none() && event.with(|e| e.as_ref().is_some_and(|e| e.meta.deleted_at.is_none()));
    let (new_vendor, quotation) = (Route::NewAt("event_vendors".into(), id.clone()).href(), Route::Quotation(id).href());
    let row = move |label: String, l: BudgetLine, strong: bool| {
        let cells = [l.estimated, l.contracted, l.paid, l.to_pay, l.charged].map(|n| money(&app, n));
        view! {
            <tr class:bo-total=strong>
                <th scope="row">{label}</th>
                {cells.into_iter().map(|c| view! { <td class="bo-num">{c}</td> }).collect_view()}
            </tr>
        }
    };
    view! {
        <section class="bo-card" aria-labelledby="vendors-h">
            <h2 id="vendors-h">{app.text("vendor.title")}</h2>
            <Show when=move || !vendors.with(Vec::is_empty) fallback=move || view! { <p>{app.text("vendor.none_yet")}</p> }>
                <div class="bo-table-wrap" tabindex="0">
                    <table class="bo-table">
                        <thead><tr>
                            <th scope="col">{app.text("vendor.kind")}</th>
                            <th scope="col">{app.text("vendor.supplies")}</th>
                            <th scope="col">{app.text("vendor.contract")}</th>
                            <th scope="col" class="bo-num">{app.text("vendor.quote")}</th>
                            <th scope="col">{app.text("vendor.deposit")}</th>
                            <th scope="col">{app.text("vendor.balance")}</th>
                        </tr></thead>
                        <tbody>
                            <For
                                each=move || {
                                    let n = people.get();
                                    vendors.get().into_iter().map(|v| (v, n)).collect::<Vec<_>>()
                                }
                                key=|(v, n)| (v.meta.id.clone(), v.meta.updated_at, *n)
                                let:row
                            >
                                {
                                    let (v, n) = row;
                                    let who = party_name(&app, &v.contact_id).map(|n| format!(" — {n}")).unwrap_or_default();
                                    let balance = v.agreed(n).map(|_| v.balance(n));
                                    let per_head = v.per_head.filter(|_| v.quote.is_none()).map(|p| {
                                        app.tf("vendor.per_head_times", &[("price", money(&app, p)), ("n", n.to_string())])
                                    });
                                    view! {
                                        <tr>
                                            <td>{app.t(v.kind.label_key())}</td>
                                            <td><a href=Route::View("event_vendors".into(), v.meta.id.clone()).href()>{v.supplies.clone()}</a>{who}</td>
                                            <td>{app.t(v.contract.label_key())}</td>
                                            <td class="bo-num">
                                                {v.agreed(n).map(|q| money(&app, q)).unwrap_or_default()}
                                                {per_head.map(|t| view! { <br /><small>{t}</small> })}
                                            </td>
                                            <td>{payment_text(&app, v.deposit, v.deposit_due, v.deposit_paid || v.balance_paid)}</td>
                                            <td>{payment_text(&app, balance, v.balance_due, v.balance_paid)}</td>
                                        </tr>
                                    }
                                }
                            </For>
                        </tbody>
                    </table>
                </div>
                <h3>{app.text("vendor.budget")}</h3>
                <div class="bo-table-wrap" tabindex="0">
                    <table class="bo-table">
                        <thead><tr>
                            <th scope="col">{app.text("vendor.kind")}</th>
                            <th scope="col" class="bo-num">{app.text("vendor.estimate")}</th>
                            <th scope="col" class="bo-num">{app.text("vendor.contracted")}</th>
                            <th scope="col" class="bo-num">{app.text("vendor.paid")}</th>
                            <th scope="col" class="bo-num">{app.text("vendor.to_pay")}</th>
                            <th scope="col" class="bo-num">{app.text("vendor.charged")}</th>
                        </tr></thead>
                        <tbody>
                            {move || {
                                let (lines, total, _) = sums.get();
                                let mut rows: Vec<AnyView> = lines.into_iter().map(|(k, l)| row(app.t(k.label_key()).into(), l, false).into_any()).collect();
                                rows.push(row(app.t("vendor.total").into(), total, true).into_any());
                                rows
                            }}
                        </tbody>
                    </table>
                </div>
                <p>
                    {move || {
                        let (_, total, cost) = sums.get();
                        let margin = total.margin(cost);
                        let share = if total.charged > 0 { format!(" ({}%)", margin * 100 / total.charged) } else { String::new() };
                        format!("{}{share}", app.tf("vendor.margin", &[("amount", money(&app, margin)), ("cost", money(&app, cost))]))
                    }}
                </p>
            </Show>
            <div class="bo-actions">
                <Show when=writable>
                    <a class="bo-btn" href=new_vendor.clone()>{app.text("vendor.new")}</a>
                </Show>
                <Show when=move || sums.with(|(_, t, _)| t.charged > 0)>
                    <a class="bo-btn" href=quotation.clone()>{app.text("vendor.quotation")}</a>
                </Show>
            </div>
        </section>
    }
    .into_any()
}

/// Payments to vendors late or due within a week, for the events list: what to pay.
pub fn payments_part() -> AnyView {
    let app = use_app();
    let due = Memo::new(move |_| {
        app.lists.client_events().with(|e| {
            app.lists.event_vendors().with(|v| app.lists.event_guests().with(|g| payments_due(e, v, g, today(), PAYMENT_AHEAD_DAYS)))
        })
    });
    view! {
        <Show when=move || !due.with(Vec::is_empty)>
            <section class="bo-card bo-warn" aria-labelledby="pay-due-h">
                <h2 id="pay-due-h">{move || app.tf("vendor.payments_due", &[("n", due.with(Vec::len).to_string())])}</h2>
                <ul class="bo-list">
                    {move || due.get().into_iter().map(|p: PaymentDue| {
                        let late = p.due < today();
                        let who = party_name(&app, &p.contact_id).unwrap_or(p.supplies.clone());
                        view! {
                            <li class:bo-warn-text=late>
                                <a href=Route::View("client_events".into(), p.event_id.clone()).href()>{p.event.clone()}</a>
                                ": "{app.tf(p.payment.label_key(), &[("who", who)])}" — "{money(&app, p.amount)}", "{long_date(p.due, app.lang.get())}
                                {late.then(|| view! { " "<strong>{app.t("vendor.late")}</strong> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
    .into_any()
}

/// `#/quotation/<event id>`: the client's quotation, a line per vendor with the client's
/// price, on the office's letterhead, printed on A4.
pub fn quotation_page(id: String) -> AnyView {
    let app = use_app();
    let event = event_of(app, id.clone());
    let Some(e) = event.get_untracked() else { return not_found() };
    let vendors = mine(app, id.clone());
    let lines = Memo::new(move |_| vendors.with(|v| v.iter().filter(|v| v.charged.unwrap_or(0) > 0).cloned().collect::<Vec<_>>()));
    let total = Memo::new(move |_| lines.with(|l| l.iter().map(|v| v.charged.unwrap_or(0)).sum::<i64>()));
    let company = app.settings.with_untracked(|s| (s.company_name.clone(), s.company_address.clone()));
    let client = party_name(&app, &e.client_id).unwrap_or_default();
    let facts = {
        let e = e.clone();
        move || {
            let lang = app.lang.get();
            let mut v = vec![];
            if let Some(d) = e.date {
                v.push(long_date(d, lang));
            }
            if !e.venue.is_empty() {
                v.push(e.venue.clone());
            }
            if let Some(g) = e.guests {
                v.push(app.tf("cev.guests_n", &[("n", g.to_string())]));
            }
            v.join(" · ")
        }
    };
    let name = e.name.clone();
    view! {
        <PageHead title=Signal::derive(move || app.tf("vendor.quotation_of", &[("name", name.clone())]))>
            <button type="button" class="bo-btn" on:click=move |_| { let _ = window().print(); }>{app.text("action.print")}</button>
            <a class="bo-btn" href=Route::View("client_events".into(), id.clone()).href()>{app.text("action.back")}</a>
        </PageHead>
        <article class="bo-doc-print bo-quotation">
            <p class="bo-print-company">{company.0}</p>
            <p class="bo-prewrap">{company.1}</p>
            <h2>{app.text("vendor.quotation_heading")}</h2>
            <p>{app.text("vendor.for_client")}": "<strong>{client}</strong></p>
            <p>{app.text("cev.name")}": "<strong>{e.name.clone()}</strong>" · "{facts}</p>
            <p>{move || app.tf("vendor.quoted_on", &[("date", long_date(today(), app.lang.get()))])}</p>
            <div class="bo-table-wrap" tabindex="0">
            <table class="bo-table">
                <thead><tr>
                    <th scope="col">{app.text("vendor.kind")}</th>
                    <th scope="col">{app.text("vendor.supplies")}</th>
                    <th scope="col" class="bo-num">{app.text("vendor.price")}</th>
                </tr></thead>
                <tbody>
                    <For each=move || lines.get() key=|v| (v.meta.id.clone(), v.meta.updated_at) let:v>
                        <tr>
                            <td>{app.t(v.kind.label_key())}</td>
                            <td>{v.supplies.clone()}</td>
                            <td class="bo-num">{money(&app, v.charged.unwrap_or(0))}</td>
                        </tr>
                    </For>
                </tbody>
                <tfoot>
                    <tr class="bo-total">
                        <th scope="row" colspan="2">{app.text("vendor.total")}</th>
                        <td class="bo-num">{move || money(&app, total.get())}</td>
                    </tr>
                </tfoot>
            </table>
            </div>
        </article>
    }
    .into_any()
}
