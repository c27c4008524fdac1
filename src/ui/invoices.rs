//! Invoices and bills: lines with their accounts while a draft, sending (or receiving) that
//! records them in the books, payments in parts, cancelling by a reversal, and the A4
//! print with the company profile and where to pay.
use leptos::prelude::*;

use crate::domain::finance::invoices::{next_number, Invoice, InvoiceLine};
use crate::domain::finance::{Account, AccountKind, Entry};
use crate::domain::format::parse_amount;
use crate::domain::record::RecordRules;

use super::calendar::today;
use super::collection::{save_record, save_records, trash_record, Derived, UiEntity};
use super::fields::{day_of, money};
use super::finance::finance_links;
use super::pages::RecordPages;
use super::records::{csv_tools, form_page_with, list_page};
use super::router::{navigate, Route};
use super::state::{use_app, AppState};
use super::widgets::PageHead;
use crate::domain::finance::entries::EntryKind;
use crate::domain::finance::invoices::InvoiceStatus;

impl UiEntity for Invoice {
    const PLURAL: &'static str = "nav.invoices";
    const NEW: &'static str = "inv.new";
    const EMPTY: &'static str = "inv.empty";
    /// What it is now (paid, overdue …) and what is still owed, from the payments.
    fn derived() -> &'static [Derived<Self>] {
        &[
            Derived {
                label: "inv.status",
                value: |app, i| {
                    let s = i.state(paid(app, i), today());
                    (app.t(s.key()).to_string(), format!("{:?}", s))
                },
            },
            Derived {
                label: "inv.open",
                value: |app, i| {
                    let open = if i.status == InvoiceStatus::Sent { i.totals().total - paid(app, i) } else { 0 };
                    (money(app, open), format!("{open:020}"))
                },
            },
        ]
    }
    fn check(&self, app: &AppState) -> Vec<crate::domain::record::FieldError> {
        let twin = app.lists.invoices().with_untracked(|all| {
            all.iter().any(|i| {
                i.is_live()
                    && i.meta.id != self.meta.id
                    && i.kind == self.kind
                    && i.number.trim() == self.number.trim()
                    && i.contact_id == self.contact_id
            })
        });
        if twin {
            vec![("number", "err.code_taken")]
        } else {
            vec![]
        }
    }
}

/// What has been paid on each document, worked out once per change of the entries: the
/// list asks for every row's state and balance on each sort and keystroke.
#[derive(Clone, Copy)]
struct PaidByDocument(Memo<std::collections::HashMap<String, i64>>);

fn paid_by_document(app: AppState) -> PaidByDocument {
    PaidByDocument(Memo::new(move |_| {
        let mut by = std::collections::HashMap::new();
        app.lists.entries().with(|all| {
            for e in all.iter().filter(|e| e.is_live() && !e.document_id.is_empty() && e.kind != EntryKind::Journal) {
                *by.entry(e.document_id.clone()).or_insert(0) += e.amount.unwrap_or(0);
            }
        });
        by
    }))
}

/// Paid on `i`: from the list's index when there is one, else counted (the same rule).
fn paid(app: &AppState, i: &Invoice) -> i64 {
    match use_context::<PaidByDocument>() {
        Some(PaidByDocument(m)) => m.with(|by| by.get(&i.meta.id).copied().unwrap_or(0)),
        None => app.lists.entries().with(|e| i.paid(e)),
    }
}

fn decimals(app: &AppState) -> u32 {
    app.settings.with_untracked(|s| crate::domain::format::currency(&s.currency).decimals)
}

impl RecordPages for Invoice {
    fn list() -> AnyView {
        let app = use_app();
        provide_context(paid_by_document(app));
        list_page::<Invoice>(
            "invoices",
            view! {
                <Show when=move || app.read_only.get().is_none()>
                    <a class="bo-btn" href=Route::NewAt("invoices".into(), "bill".into()).href()>{app.text("inv.new_bill")}</a>
                </Show>
                <a class="bo-btn" href=Route::Books("ar".into(), String::new()).href()>{app.text("books.ar")}</a>
                <a class="bo-btn" href=Route::Books("ap".into(), String::new()).href()>{app.text("books.ap")}</a>
                {finance_links()}
                {csv_tools::<Invoice>("invoices")}
            }
            .into_any(),
        )
    }
    /// A new invoice numbered after the year's last, due in 14 days; `#/invoices/new/bill`
    /// for a bill from a supplier.
    fn create(kind: Option<String>) -> AnyView {
        let app = use_app();
        let t = today();
        let bill = kind.as_deref() == Some("bill");
        let due = crate::domain::dates::date_text(t + chrono::Duration::days(14));
        let mut prefill = vec![("date", crate::domain::dates::date_text(t)), ("due", due)];
        if bill {
            prefill.push(("kind", "bill".into()));
        } else {
            prefill.push(("number", app.lists.invoices().with_untracked(|all| next_number(all, t))));
        }
        form_page_with::<Invoice>("invoices", None, prefill)
    }
    /// Only a draft's header is edited; a sent one is corrected by cancelling it.
    fn edit(id: String) -> AnyView {
        let app = use_app();
        let draft = app.lists.invoices().with_untracked(|all| all.iter().any(|i| i.meta.id == id && i.status == InvoiceStatus::Draft));
        if draft {
            form_page_with::<Invoice>("invoices", Some(id), vec![])
        } else {
            invoice_page(id)
        }
    }
    fn view(id: String) -> AnyView {
        invoice_page(id)
    }
}

fn contact_name(app: &AppState, id: &str) -> String {
    super::fields::party_name(app, id).unwrap_or_default()
}

/// The accounts a line can go to: income for an invoice; expenses and assets for a bill.
fn line_accounts(app: &AppState, sale: bool) -> Vec<(String, String)> {
    app.lists.accounts().with(|all| {
        let mut v: Vec<&Account> = all
            .iter()
            .filter(|a| a.is_live() && !a.money)
            .filter(|a| if sale { a.kind() == AccountKind::Income } else { matches!(a.kind(), AccountKind::Expense | AccountKind::Asset) })
            .collect();
        v.sort_by(|a, b| a.code.cmp(&b.code));
        v.into_iter().map(|a| (a.meta.id.clone(), a.label())).collect()
    })
}

pub fn invoice_page(id: String) -> AnyView {
    let app = use_app();
    let inv = {
        let id = id.clone();
        Memo::new(move |_| app.lists.invoices().with(|all| all.iter().find(|i| i.meta.id == id).cloned()))
    };
    let paid = Memo::new(move |_| inv.with(|i| i.as_ref().map(|i| app.lists.entries().with(|e| i.paid(e)))).unwrap_or(0));
    let payments = Memo::new(move |_| {
        inv.with(|i| {
            let Some(i) = i else { return vec![] };
            app.lists
                .entries()
                .with(|all| all.iter().filter(|e| e.is_live() && e.document_id == i.meta.id).cloned().collect::<Vec<Entry>>())
        })
    });
    let store = move |i: Invoice| save_record(&app, i).is_ok();
    // Lines, while a draft.
    let (desc, qty, price, account) =
        (RwSignal::new(String::new()), RwSignal::new("1".to_string()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let add_line = move |_| {
        let Some(mut i) = inv.get_untracked() else { return };
        let q: i64 = qty.get_untracked().trim().parse().unwrap_or(0);
        let p = parse_amount(&price.get_untracked(), decimals(&app));
        if desc.get_untracked().trim().is_empty() || account.get_untracked().is_empty() {
            app.error(app.t("inv.line_needs").into());
            return;
        }
        let (true, Some(p)) = (q > 0, p.filter(|p| *p >= 0)) else {
            app.error(app.t("inv.line_numbers").into());
            return;
        };
        i.lines.push(InvoiceLine {
            id: crate::domain::ids::new_id(),
            description: desc.get_untracked().trim().into(),
            qty: q,
            price: p,
            account_id: account.get_untracked(),
        });
        if store(i) {
            desc.set(String::new());
            qty.set("1".into());
            price.set(String::new());
        }
    };
    let remove_line = move |line: String| {
        let Some(mut i) = inv.get_untracked() else { return };
        i.lines.retain(|l| l.id != line);
        store(i);
    };
    // Sending records it in the books, with the status, in one write.
    let send = move |_| {
        let Some(mut i) = inv.get_untracked() else { return };
        if i.lines.is_empty() {
            app.error(app.t("inv.no_lines").into());
            return;
        }
        if !i.validate().is_empty() {
            app.error(app.t("po.fix_first").into());
            return;
        }
        // A send cut short after the books had it is finished, not recorded twice.
        let source = format!("invoices/{}", i.meta.id);
        if app.lists.entries().with_untracked(|all| all.iter().any(|e| e.is_live() && e.source == source)) {
            i.status = InvoiceStatus::Sent;
            store(i);
            return;
        }
        let journal = app.lists.accounts().with_untracked(|a| i.journal(a));
        match journal {
            Err("line") => app.error(app.t("inv.line_account_gone").into()),
            Err(code) => app.error(app.tf("journal.missing_account", &[("code", code.to_string())])),
            Ok(entry) => {
                if let Some(key) = entry.check(&app).first().map(|(_, k)| *k) {
                    app.error(app.t(key).into());
                    return;
                }
                i.status = InvoiceStatus::Sent;
                i.meta.updated_at = super::state::now();
                let sale = i.is_sale();
                if save_records(&app, vec![entry]).is_ok() && store(i) {
                    app.info(app.t(if sale { "inv.sent" } else { "inv.received" }).into());
                }
            }
        }
    };
    // Cancelling a sent one reverses its record in the books; a paid one is not cancelled.
    let cancel = move |_| {
        let Some(mut i) = inv.get_untracked() else { return };
        if paid.get_untracked() > 0 {
            app.error(app.t("inv.cancel_paid").into());
            return;
        }
        if !window().confirm_with_message(app.t("inv.confirm_cancel")).unwrap_or(false) {
            return;
        }
        let source = format!("invoices/{}", i.meta.id);
        let recorded = app.lists.entries().with_untracked(|all| all.iter().find(|e| e.is_live() && e.source == source).cloned());
        if let Some(e) = recorded {
            let r = app
                .lists
                .accounts()
                .with_untracked(|a| e.reversal(a, today(), app.tf("entry.reversal_of", &[("title", i.number.clone())])));
            let Ok(r) = r else { return };
            if save_record(&app, r).is_err() {
                return;
            }
        }
        i.status = InvoiceStatus::Cancelled;
        if store(i) {
            app.info(app.t("inv.cancelled").into());
        }
    };
    // A payment: the open amount by default, today, through the first cash or bank account.
    let pay_amount = RwSignal::new(String::new());
    let pay_date = RwSignal::new(crate::domain::dates::date_text(today()));
    let pay_account = RwSignal::new(app.lists.accounts().with_untracked(|all| {
        let mut v: Vec<&Account> = all.iter().filter(|a| a.is_live() && a.money).collect();
        v.sort_by(|a, b| b.code.cmp(&a.code));
        v.first().map(|a| a.meta.id.clone()).unwrap_or_default()
    }));
    let record_payment = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(i) = inv.get_untracked() else { return };
        let open = i.totals().total - paid.get_untracked();
        let Some(amount) = parse_amount(&pay_amount.get_untracked(), decimals(&app)).filter(|a| *a > 0) else {
            app.error(app.t("err.amount_positive").into());
            return;
        };
        if amount > open {
            app.error(app.tf("inv.overpaid", &[("open", money(&app, open))]));
            return;
        }
        let typed = pay_date.get_untracked();
        let Some(date) = crate::domain::dates::parse_date(&typed) else {
            app.error(app.t(if typed.trim().is_empty() { "err.required" } else { "err.date" }).into());
            return;
        };
        let made = app.lists.accounts().with_untracked(|a| i.payment(a, &pay_account.get_untracked(), date, amount));
        let Ok(entry) = made else {
            app.error(app.t("inv.no_owed_account").into());
            return;
        };
        let errs: Vec<_> = entry.validate().into_iter().chain(entry.check(&app)).collect();
        if let Some((_, key)) = errs.first() {
            app.error(app.t(key).into());
            return;
        }
        if save_record(&app, entry).is_ok() {
            pay_amount.set(String::new());
            app.info(app.tf("inv.paid_toast", &[("amount", money(&app, amount))]));
        }
    };
    let id_del = StoredValue::new(id.clone());
    let body = move || {
        let Some(i) = inv.get() else { return super::records::not_found() };
        let t = i.totals();
        let state = i.state(paid.get(), today());
        let draft = i.status == InvoiceStatus::Draft && app.read_only.get().is_none();
        let sale = i.is_sale();
        let sent = i.status == InvoiceStatus::Sent;
        let open = t.total - paid.get();
        let accounts = line_accounts(&app, sale);
        let title = app.tf(if sale { "inv.title" } else { "inv.bill_title" }, &[("number", i.number.clone())]);
        let iid = i.meta.id.clone();
        view! {
            <PageHead title=Signal::derive(move || title.clone())>
                {draft.then(|| view! { <button type="button" class="bo-btn bo-btn-primary" on:click=send>{app.text(if sale { "inv.send" } else { "inv.receive" })}</button> })}
                <button type="button" class="bo-btn" on:click=move |_| { let _ = window().print(); }>{app.text("action.print")}</button>
                {draft.then(|| view! { <a class="bo-btn" href=Route::Edit("invoices".into(), iid.clone()).href()>{app.text("action.edit")}</a> })}
                {(sent && app.read_only.get().is_none()).then(|| view! { <button type="button" class="bo-btn" on:click=cancel>{app.text("inv.cancel")}</button> })}
                {(!sent).then(|| view! {
                    <button type="button" class="bo-btn bo-btn-danger" on:click=move |_| {
                        if trash_record::<Invoice>(&app, &id_del.get_value()).is_ok() { navigate(&Route::List("invoices".into())) }
                    }>{app.text("action.delete")}</button>
                })}
                <a class="bo-btn" href=Route::List("invoices".into()).href()>{app.text("action.back")}</a>
            </PageHead>
            <div class="bo-no-print">
                <dl class="bo-dl">
                    <div class="bo-dl-row"><dt>{app.text("inv.status")}</dt><dd><span class=format!("bo-pill bo-pill-{}", state.css())>{app.t(state.key())}</span></dd></div>
                    <div class="bo-dl-row"><dt>{app.text(if sale { "inv.customer" } else { "inv.supplier" })}</dt><dd>{contact_name(&app, &i.contact_id)}</dd></div>
                    <div class="bo-dl-row"><dt>{app.text("inv.date")}</dt><dd>{day_of(&app, i.date)}</dd></div>
                    <div class="bo-dl-row"><dt>{app.text("inv.due")}</dt><dd>{day_of(&app, i.due)}</dd></div>
                    <div class="bo-dl-row"><dt>{app.text("inv.open")}</dt><dd><strong>{money(&app, open.max(0))}</strong></dd></div>
                </dl>
                <div class="bo-table-wrap" tabindex="0"><table class="bo-table bo-inv-lines">
                    <thead><tr>
                        <th scope="col">{app.text("inv.line_description")}</th>
                        <th scope="col">{app.text("entry.category")}</th>
                        <th scope="col" class="bo-num">{app.text("po.qty")}</th>
                        <th scope="col" class="bo-num">{app.text("po.price")}</th>
                        <th scope="col" class="bo-num">{app.text("po.amount")}</th>
                        {draft.then(|| view! { <th scope="col"><span class="bo-visually-hidden">{app.text("action.delete")}</span></th> })}
                    </tr></thead>
                    <tbody>
                        {i.lines.iter().map(|l| {
                            let lid = l.id.clone();
                            let name = super::fields::label_of::<crate::domain::finance::Account>(&app, &l.account_id);
                            view! {
                                <tr>
                                    <td>{l.description.clone()}</td>
                                    <td>{name}</td>
                                    <td class="bo-num">{l.qty}</td>
                                    <td class="bo-num">{money(&app, l.price)}</td>
                                    <td class="bo-num">{money(&app, l.amount())}</td>
                                    {draft.then(|| view! { <td><button type="button" class="bo-btn bo-btn-small" aria-label=format!("{} {}", app.t("po.remove_line"), l.description) on:click=move |_| remove_line(lid.clone())>"×"</button></td> })}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                    <tfoot>
                        <tr><th scope="row" colspan="4">{app.text("po.subtotal")}</th><td class="bo-num">{money(&app, t.subtotal)}</td></tr>
                        {(t.discount != 0).then(|| view! { <tr><th scope="row" colspan="4">{app.text("inv.discount")}</th><td class="bo-num">{format!("({})", money(&app, t.discount))}</td></tr> })}
                        <tr><th scope="row" colspan="4">{app.tf("po.tax_line", &[("rate", i.tax.clone())])}</th><td class="bo-num">{money(&app, t.tax)}</td></tr>
                        <tr><th scope="row" colspan="4">{app.text("po.total")}</th><td class="bo-num"><strong>{money(&app, t.total)}</strong></td></tr>
                    </tfoot>
                </table></div>
                {draft.then(|| view! {
                    <div class="bo-toolbar bo-add-line">
                        <label for="inv-desc">{app.text("inv.line_description")}</label>
                        <input id="inv-desc" type="text" prop:value=move || desc.get() on:input=move |ev| desc.set(event_target_value(&ev)) />
                        <label for="inv-account">{app.text("entry.category")}</label>
                        <select id="inv-account" on:change=move |ev| account.set(event_target_value(&ev))>
                            <option value="" selected=move || account.get().is_empty()>{app.text("form.choose")}</option>
                            {accounts.into_iter().map(|(v, l)| { let v2 = v.clone(); view! { <option value=v selected=move || account.get() == v2>{l}</option> } }).collect_view()}
                        </select>
                        <label for="inv-qty">{app.text("po.qty")}</label>
                        <input id="inv-qty" type="text" inputmode="numeric" class="bo-num-input" prop:value=move || qty.get() on:input=move |ev| qty.set(event_target_value(&ev)) />
                        <label for="inv-price">{app.text("po.price")}</label>
                        <input id="inv-price" type="text" inputmode="decimal" class="bo-num-input" prop:value=move || price.get() on:input=move |ev| price.set(event_target_value(&ev)) />
                        <button type="button" class="bo-btn" on:click=add_line>{app.text("po.add_line")}</button>
                    </div>
                })}
                <h2>{app.text("inv.payments")}</h2>
                <ul>
                    {move || payments.get().into_iter().map(|e| {
                        let text = format!("{} · {}", day_of(&app, e.date), money(&app, e.amount.unwrap_or(0)));
                        view! { <li><a href=Route::View("entries".into(), e.meta.id.clone()).href()>{text}</a></li> }
                    }).collect_view()}
                </ul>
                {(sent && open > 0 && app.read_only.get().is_none()).then(|| view! {
                    <form class="bo-card" on:submit=record_payment>
                        <h3>{app.text(if sale { "inv.record_payment" } else { "inv.record_bill_payment" })}</h3>
                        <div class="bo-toolbar">
                            <label for="pay-amount">{app.text("entry.amount")}</label>
                            <input id="pay-amount" type="text" inputmode="decimal" placeholder=crate::domain::format::amount_text(open, decimals(&app), app.lang.get_untracked()) prop:value=move || pay_amount.get() on:input=move |ev| pay_amount.set(event_target_value(&ev)) />
                            <label for="pay-date">{app.text("entry.date")}</label>
                            <input id="pay-date" type="date" prop:value=move || pay_date.get() on:input=move |ev| pay_date.set(event_target_value(&ev)) />
                            <label for="pay-account">{app.text("entry.account")}</label>
                            <select id="pay-account" on:change=move |ev| pay_account.set(event_target_value(&ev))>
                                {super::fields::options_of::<crate::domain::finance::Account>(&app, "money").into_iter().map(|(v, l)| { let v2 = v.clone(); view! { <option value=v selected=move || pay_account.get() == v2>{l}</option> } }).collect_view()}
                            </select>
                            <button type="submit" class="bo-btn bo-btn-primary">{app.text("inv.pay")}</button>
                        </div>
                    </form>
                })}
            </div>
            {print_view(app, &i)}
        }
        .into_any()
    };
    view! { {body} }.into_any()
}

/// The invoice on A4: the company, the customer, the lines and totals, when and where to pay.
fn print_view(app: AppState, i: &Invoice) -> AnyView {
    let s = app.settings.get_untracked();
    let contact = app.lists.contacts().with_untracked(|cs| cs.iter().find(|c| c.meta.id == i.contact_id).cloned());
    let banks: Vec<String> = app.lists.accounts().with_untracked(|all| {
        all.iter()
            .filter(|a| a.is_live() && a.money && !a.number.is_empty())
            .map(|a| format!("{} {} a.n. {}", a.bank, a.number, s.company_name))
            .collect()
    });
    let t = i.totals();
    let title = app.tf(if i.is_sale() { "inv.title" } else { "inv.bill_title" }, &[("number", i.number.clone())]);
    view! {
        <article class="bo-print-only bo-doc-print" aria-hidden="true">
            <p class="bo-print-company">{s.company_name.clone()}</p>
            <p class="bo-prewrap">{s.company_address.clone()}</p>
            <p>{[s.phone.clone(), s.email.clone(), if s.tax_number.is_empty() { String::new() } else { format!("NPWP {}", s.tax_number) }].into_iter().filter(|x| !x.is_empty()).collect::<Vec<_>>().join(" · ")}</p>
            <h1>{title}</h1>
            <p>{app.t("inv.date")}": "{day_of(&app, i.date)}" · "{app.t("inv.due")}": "{day_of(&app, i.due)}</p>
            <h2>{app.t(if i.is_sale() { "inv.bill_to" } else { "inv.supplier" })}</h2>
            {contact.map(|c| view! {
                <p><strong>{c.party_name().to_string()}</strong></p>
                <p class="bo-prewrap">{c.address.clone()}</p>
            })}
            <table>
                <thead><tr><th>"#"</th><th>{app.t("inv.line_description")}</th><th>{app.t("po.qty")}</th><th>{app.t("po.price")}</th><th>{app.t("po.amount")}</th></tr></thead>
                <tbody>
                    {i.lines.iter().enumerate().map(|(n, l)| view! {
                        <tr><td>{n + 1}</td><td>{l.description.clone()}</td><td>{l.qty}</td><td>{money(&app, l.price)}</td><td>{money(&app, l.amount())}</td></tr>
                    }).collect_view()}
                </tbody>
                <tfoot>
                    <tr><td colspan="4">{app.t("po.subtotal")}</td><td>{money(&app, t.subtotal)}</td></tr>
                    {(t.discount != 0).then(|| view! { <tr><td colspan="4">{app.t("inv.discount")}</td><td>{format!("({})", money(&app, t.discount))}</td></tr> })}
                    <tr><td colspan="4">{app.tf("po.tax_line", &[("rate", i.tax.clone())])}</td><td>{money(&app, t.tax)}</td></tr>
                    <tr><td colspan="4"><strong>{app.t("po.total")}</strong></td><td><strong>{money(&app, t.total)}</strong></td></tr>
                </tfoot>
            </table>
            {(!banks.is_empty() && i.is_sale()).then(|| view! {
                <h2>{app.t("inv.pay_to")}</h2>
                {banks.into_iter().map(|b| view! { <p>{b}</p> }).collect_view()}
            })}
            {(!i.notes.is_empty()).then(|| view! { <p class="bo-prewrap">{i.notes.clone()}</p> })}
        </article>
    }
    .into_any()
}
