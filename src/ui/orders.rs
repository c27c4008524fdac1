//! Purchase orders: the order page (lines editable while a draft, totals with tax, status
//! from the ledger), receiving all or part of it into stock, and the printed A4 order.
use crate::domain::record::RecordRules;
use leptos::prelude::*;

use crate::domain::format::parse_amount;
use crate::domain::inventory::{int, Item};
use crate::domain::po_csv;
use crate::domain::purchasing::{next_number, Line, OrderStatus, PurchaseOrder};

use super::calendar::today;
use super::collection::{number_key, Derived, UiEntity};
use super::collection::{save_record, save_records, trash_record};
use super::fields::{day_of, label_of, money, options_of, suggest_input};
use super::files::{download, CSV_MIME};
use super::records::form_page_with;
use super::router::{navigate, Route};
use super::state::{now, use_app, AppState};
use super::widgets::PageHead;
use crate::domain::finance::invoices::InvoiceKind;

fn find(app: &AppState, id: &str) -> Option<PurchaseOrder> {
    app.lists.orders().with(|all| all.iter().find(|o| o.meta.id == id).cloned())
}

fn status_label(state: OrderStatus) -> &'static str {
    state.label_key()
}

/// A new order numbered and dated; lines are added on its page.
pub fn new_order_page() -> AnyView {
    let app = use_app();
    let number = app.lists.orders().with_untracked(|o| next_number(o, today()));
    form_page_with::<PurchaseOrder>("orders", None, vec![("number", number), ("date", crate::domain::dates::date_text(today()))])
}

/// Saves a changed order, refusing if it changed elsewhere since it was read.
fn store(app: &AppState, po: PurchaseOrder) -> bool {
    save_record(app, po).is_ok()
}

fn supplier_name(app: &AppState, id: &str) -> String {
    app.lists
        .contacts()
        .with(|cs| {
            cs.iter().find(|c| c.meta.id == id).map(|c| {
                if c.organisation.is_empty() || c.organisation == c.name {
                    c.name.clone()
                } else {
                    format!("{} ({})", c.organisation, c.name)
                }
            })
        })
        .unwrap_or_default()
}

pub fn order_page(id: String) -> AnyView {
    let app = use_app();
    let id2 = id.clone();
    let po = Memo::new(move |_| find(&app, &id2));
    let state = Memo::new(move |_| po.with(|p| p.as_ref().map(|p| app.lists.stock().with(|m| p.state(m)))).unwrap_or(OrderStatus::Draft));
    let received = Memo::new(move |_| po.with(|p| p.as_ref().map(|p| app.lists.stock().with(|m| p.received(m)))).unwrap_or_default());
    let set_status = move |s: OrderStatus| {
        if let Some(mut p) = po.get_untracked() {
            p.status = s;
            if store(&app, p) {
                app.info(app.tf("po.now", &[("status", app.t(status_label(s)).to_string())]));
            }
        }
    };
    let mark_ordered = move |_| match po.get_untracked() {
        Some(p) if p.lines.is_empty() => app.error(app.t("po.no_lines").into()),
        Some(p) if !p.validate().is_empty() => app.error(app.t("po.fix_first").into()),
        _ => set_status(OrderStatus::Ordered),
    };
    let cancel = move |_| {
        if window().confirm_with_message(app.t("po.confirm_cancel")).unwrap_or(false) {
            set_status(OrderStatus::Cancelled);
        }
    };
    // Line editing, for drafts only.
    let new_item = RwSignal::new(String::new());
    let new_qty = RwSignal::new(String::from("1"));
    let add_line = move |_| {
        let item: Option<Item> =
            app.lists.items().with_untracked(|all| all.iter().find(|i| i.meta.id == new_item.get_untracked()).cloned());
        let q = int(&new_qty.get_untracked());
        let (Some(item), Some(mut p)) = (item, po.get_untracked()) else {
            app.error(app.t("po.pick_item").into());
            return;
        };
        if q <= 0 {
            app.error(app.t("err.positive").into());
            return;
        }
        p.lines.push(Line::new(&item, q));
        if store(&app, p) {
            new_item.set(String::new());
            new_qty.set("1".into());
        }
    };
    let edit_line = move |line_id: String, qty: Option<i64>, price: Option<i64>| {
        let Some(mut p) = po.get_untracked() else { return };
        if let Some(l) = p.lines.iter_mut().find(|l| l.id == line_id) {
            if let Some(q) = qty {
                l.qty = q;
            }
            if let Some(pr) = price {
                l.price = pr;
            }
        }
        store(&app, p);
    };
    let remove_line = move |line_id: String| {
        let Some(mut p) = po.get_untracked() else { return };
        p.lines.retain(|l| l.id != line_id);
        store(&app, p);
    };
    let id_del = id.clone();
    let body = move || {
        let Some(p) = po.get() else {
            return view! {
                <h1 tabindex="-1">{app.text("notfound.title")}</h1>
                <p><a href=Route::List("orders".into()).href()>{app.text("nav.orders")}</a></p>
            }
            .into_any();
        };
        let st = state.get();
        let draft = st == OrderStatus::Draft && app.read_only.get().is_none();
        let totals = p.totals();
        let got = received.get();
        let pid = p.meta.id.clone();
        let id_del = id_del.clone();
        let decimals = app.settings.with_untracked(|s| crate::domain::format::currency(&s.currency).decimals);
        view! {
            <PageHead title=Signal::derive({ let n = p.number.clone(); move || format!("{} {n}", app.t("po.document")) })>
                {draft.then(|| view! {
                    <button type="button" class="bo-btn bo-btn-primary" on:click=mark_ordered>{app.text("po.mark_ordered")}</button>
                })}
                {matches!(st, OrderStatus::Ordered | OrderStatus::Partial).then(|| view! {
                    <a class="bo-btn bo-btn-primary" href=Route::Receive(pid.clone()).href()>{app.text("po.receive")}</a>
                })}
                {matches!(st, OrderStatus::Partial | OrderStatus::Received).then(|| bill_button(app, pid.clone()))}
                <button type="button" class="bo-btn" on:click=move |_| { let _ = window().print(); }>{app.text("action.print")}</button>
                {(app.read_only.get().is_none() && st != OrderStatus::Received && st != OrderStatus::Cancelled).then(|| view! {
                    <a class="bo-btn" href=Route::Edit("orders".into(), pid.clone()).href()>{app.text("action.edit")}</a>
                })}
                {matches!(st, OrderStatus::Draft | OrderStatus::Ordered).then(|| view! {
                    <button type="button" class="bo-btn" on:click=cancel>{app.text("po.cancel")}</button>
                })}
                {(st == OrderStatus::Draft || st == OrderStatus::Cancelled).then(|| view! {
                    <button type="button" class="bo-btn bo-btn-danger" on:click={
                        let id = id_del.clone();
                        move |_| if trash_record::<PurchaseOrder>(&app, &id).is_ok() { navigate(&Route::List("orders".into())) }
                    }>{app.text("action.delete")}</button>
                })}
                <a class="bo-btn" href=Route::List("orders".into()).href()>{app.text("action.back")}</a>
            </PageHead>
            <div class="bo-no-print">
                <dl class="bo-dl">
                    <div class="bo-dl-row"><dt>{app.text("po.status")}</dt><dd><span class=format!("bo-pill bo-pill-{}", st.code())>{app.t(status_label(st))}</span></dd></div>
                    <div class="bo-dl-row"><dt>{app.text("po.supplier")}</dt><dd>{let s = supplier_name(&app, &p.supplier_id); if s.is_empty() { app.t("po.no_supplier").to_string() } else { s }}</dd></div>
                    <div class="bo-dl-row"><dt>{app.text("po.date")}</dt><dd>{day_of(&app, p.date)}</dd></div>
                    <div class="bo-dl-row"><dt>{app.text("po.expected")}</dt><dd>{if p.expected.is_none() { "—".to_string() } else { day_of(&app, p.expected) }}</dd></div>
                    {(!p.notes.is_empty()).then(|| view! { <div class="bo-dl-row"><dt>{app.text("po.notes")}</dt><dd class="bo-prewrap">{p.notes.clone()}</dd></div> })}
                </dl>
                <div class="bo-table-wrap" tabindex="0"><table class="bo-table bo-po-lines">
                    <thead><tr>
                        <th scope="col">{app.text("move.item")}</th>
                        <th scope="col" class="bo-num">{app.text("po.qty")}</th>
                        <th scope="col" class="bo-num">{app.text("po.received")}</th>
                        <th scope="col" class="bo-num">{app.text("po.price")}</th>
                        <th scope="col" class="bo-num">{app.text("po.amount")}</th>
                        {draft.then(|| view! { <th scope="col"><span class="bo-visually-hidden">{app.text("action.delete")}</span></th> })}
                    </tr></thead>
                    <tbody>
                        {p.lines.iter().map(|l| {
                            let (lq, lp, lr) = (l.id.clone(), l.id.clone(), l.id.clone());
                            let desc = l.description.clone();
                            let code = label_of::<Item>(&app, &l.item_id);
                            let got = got.get(&l.id).copied().unwrap_or(0);
                            view! {
                                <tr>
                                    <td>{desc.clone()}<br/><small class="bo-meta">{code}</small></td>
                                    <td class="bo-num">{if draft {
                                        view! { <input type="text" inputmode="numeric" class="bo-num-input" aria-label=format!("{} {desc}", app.t("po.qty")) value=l.qty.to_string()
                                            on:change=move |ev| { let q = int(&event_target_value(&ev)); if q > 0 { edit_line(lq.clone(), Some(q), None) } else { app.error(app.t("err.positive").into()) } } /> }.into_any()
                                    } else { view! { {l.qty} }.into_any() }}</td>
                                    <td class="bo-num">{got}</td>
                                    <td class="bo-num">{if draft {
                                        view! { <input type="text" inputmode="decimal" class="bo-num-input" aria-label=format!("{} {}", app.t("po.price"), l.description) value=crate::domain::format::amount_text(l.price, decimals, app.lang.get_untracked())
                                            on:change=move |ev| match parse_amount(&event_target_value(&ev), decimals) { Some(v) if v >= 0 => edit_line(lp.clone(), None, Some(v)), _ => app.error(app.t("err.money").into()) } /> }.into_any()
                                    } else { view! { {money(&app, l.price)} }.into_any() }}</td>
                                    <td class="bo-num">{money(&app, l.amount())}</td>
                                    {draft.then(|| view! { <td><button type="button" class="bo-btn bo-btn-small" aria-label=format!("{} {}", app.t("po.remove_line"), l.description) on:click=move |_| remove_line(lr.clone())>"×"</button></td> })}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                    <tfoot>
                        <tr><th scope="row" colspan="4">{app.text("po.subtotal")}</th><td class="bo-num">{money(&app, totals.subtotal)}</td></tr>
                        <tr><th scope="row" colspan="4">{app.tf("po.tax_line", &[("rate", p.tax.clone())])}</th><td class="bo-num">{money(&app, totals.tax)}</td></tr>
                        <tr><th scope="row" colspan="4">{app.text("po.total")}</th><td class="bo-num"><strong>{money(&app, totals.total)}</strong></td></tr>
                    </tfoot>
                </table></div>
                {draft.then(|| view! {
                    <div class="bo-row bo-add-line">
                        <label class="bo-field">{app.text("po.add_item")}
                            <select id="po-add-item" prop:value=move || new_item.get() on:change=move |ev| new_item.set(event_target_value(&ev))>
                                <option value="">{app.text("form.choose")}</option>
                                {options_of::<Item>(&app, "").into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
                            </select>
                        </label>
                        <label class="bo-field">{app.text("po.qty")}
                            <input id="po-add-qty" type="text" inputmode="numeric" prop:value=move || new_qty.get() on:input=move |ev| new_qty.set(event_target_value(&ev)) />
                        </label>
                        <button type="button" class="bo-btn" on:click=add_line>{app.text("po.add_line")}</button>
                    </div>
                })}
            </div>
            {print_view(&app, &p)}
        }
        .into_any()
    };
    view! { {body} }.into_any()
}

/// The supplier's bill for a received order: opened if one was made, otherwise made as a
/// draft with the order's lines as inventory bought (its number is the supplier's to type).
fn bill_button(app: AppState, order_id: String) -> AnyView {
    use crate::domain::finance::invoices::{Invoice, InvoiceLine};
    let existing = app.lists.invoices().with(|all| all.iter().find(|i| i.is_live() && i.order_id == order_id).map(|i| i.meta.id.clone()));
    if let Some(id) = existing {
        return view! { <a class="bo-btn" href=Route::View("invoices".into(), id).href()>{app.text("po.open_bill")}</a> }.into_any();
    }
    let make = move |_| {
        let Some(p) = find(&app, &order_id) else { return };
        let inventory =
            app.lists.accounts().with_untracked(|a| crate::domain::finance::accounts::by_code(a, "1301").map(|x| x.meta.id.clone()));
        let t = today();
        let bill = Invoice {
            kind: InvoiceKind::Bill,
            number: p.number.clone(),
            contact_id: p.supplier_id.clone(),
            date: Some(t),
            due: Some(t + chrono::Duration::days(30)),
            tax: p.tax.clone(),
            order_id: p.meta.id.clone(),
            lines: p
                .lines
                .iter()
                .map(|l| InvoiceLine {
                    id: l.id.clone(),
                    description: l.description.clone(),
                    qty: l.qty,
                    price: l.price,
                    account_id: inventory.clone().unwrap_or_default(),
                })
                .collect(),
            ..Invoice::default()
        };
        let id = bill.meta.id.clone();
        if save_record(&app, bill).is_ok() {
            navigate(&Route::View("invoices".into(), id));
        }
    };
    view! { <button type="button" class="bo-btn" on:click=make>{app.text("po.make_bill")}</button> }.into_any()
}

/// The order as printed on A4: company profile, supplier, lines, totals.
fn print_view(app: &AppState, p: &PurchaseOrder) -> AnyView {
    let app = *app;
    let s = app.settings.get_untracked();
    let supplier = app.lists.contacts().with_untracked(|cs| cs.iter().find(|c| c.meta.id == p.supplier_id).cloned());
    let t = p.totals();
    view! {
        <article class="bo-print-only bo-doc-print" aria-hidden="true">
            <p class="bo-print-company">{s.company_name.clone()}</p>
            <p class="bo-prewrap">{s.company_address.clone()}</p>
            <p>{[s.phone.clone(), s.email.clone(), if s.tax_number.is_empty() { String::new() } else { format!("NPWP {}", s.tax_number) }].into_iter().filter(|x| !x.is_empty()).collect::<Vec<_>>().join(" · ")}</p>
            <h1>{app.t("po.document")}" "{p.number.clone()}</h1>
            <p>{app.t("po.date")}": "{day_of(&app, p.date)}{(p.expected.is_some()).then(|| format!(" · {}: {}", app.t("po.expected"), day_of(&app, p.expected)))}</p>
            <h2>{app.t("po.supplier")}</h2>
            {supplier.map(|c| view! {
                <p><strong>{if c.organisation.is_empty() { c.name.clone() } else { c.organisation.clone() }}</strong>
                {(!c.organisation.is_empty()).then(|| format!(" — u.p. {}", c.name))}</p>
                <p class="bo-prewrap">{c.address.clone()}</p>
            })}
            <table>
                <thead><tr><th>"#"</th><th>{app.t("move.item")}</th><th>{app.t("po.qty")}</th><th>{app.t("po.price")}</th><th>{app.t("po.amount")}</th></tr></thead>
                <tbody>
                    {p.lines.iter().enumerate().map(|(i, l)| view! {
                        <tr><td>{i + 1}</td><td>{l.description.clone()}</td><td>{l.qty}</td><td>{money(&app, l.price)}</td><td>{money(&app, l.amount())}</td></tr>
                    }).collect_view()}
                </tbody>
                <tfoot>
                    <tr><td colspan="4">{app.t("po.subtotal")}</td><td>{money(&app, t.subtotal)}</td></tr>
                    <tr><td colspan="4">{app.tf("po.tax_line", &[("rate", p.tax.clone())])}</td><td>{money(&app, t.tax)}</td></tr>
                    <tr><td colspan="4"><strong>{app.t("po.total")}</strong></td><td><strong>{money(&app, t.total)}</strong></td></tr>
                </tfoot>
            </table>
            {(!p.notes.is_empty()).then(|| view! { <p class="bo-prewrap">{p.notes.clone()}</p> })}
            <p class="bo-signature">{app.t("po.signature")}</p>
        </article>
    }
    .into_any()
}

/// Receiving against an order: what is still to come on each line, pre-filled, into one place.
pub fn receive_page(id: String) -> AnyView {
    let app = use_app();
    let Some(p) = find(&app, &id) else { return order_page(id) };
    let got = app.lists.stock().with_untracked(|m| p.received(m));
    let first_place = p
        .lines
        .first()
        .and_then(|l| app.lists.items().with_untracked(|all| all.iter().find(|i| i.meta.id == l.item_id).map(|i| i.location.clone())))
        .unwrap_or_default();
    let location = RwSignal::new(first_place);
    let qty: Vec<(String, String, i64, RwSignal<String>)> = p
        .lines
        .iter()
        .map(|l| {
            let left = (l.qty - got.get(&l.id).copied().unwrap_or(0)).max(0);
            (l.id.clone(), l.description.clone(), l.qty, RwSignal::new(left.to_string()))
        })
        .collect();
    let qty2 = qty.clone();
    let p2 = p.clone();
    let receive = move |_| {
        let mut wanted = vec![];
        for (line, _, _, q) in &qty2 {
            let text = q.get_untracked();
            match text.trim().parse::<i64>() {
                Ok(n) if n >= 0 => wanted.push((line.clone(), n)),
                _ if text.trim().is_empty() => {}
                _ => {
                    app.error(app.t("err.integer").into());
                    return;
                }
            }
        }
        let (moves, over) =
            app.lists.stock().with_untracked(|m| p2.receive(m, &wanted, location.get_untracked().trim(), super::state::local_now(), now()));
        if moves.is_empty() {
            app.error(app.t("po.nothing_received").into());
            return;
        }
        if !over.is_empty() && !window().confirm_with_message(&app.tf("po.over_confirm", &[("n", over.len().to_string())])).unwrap_or(false)
        {
            return;
        }
        let n: i64 = moves.iter().map(|m| m.qty.unwrap_or(0)).sum();
        if save_records(&app, moves).is_err() {
            return;
        }
        // The stored status follows the ledger, so lists show it too.
        if let Some(mut cur) = find(&app, &p2.meta.id) {
            let st = app.lists.stock().with_untracked(|m| cur.state(m));
            if cur.status != st {
                cur.status = st;
                let _ = save_record(&app, cur);
            }
        }
        app.info(app.tf("po.received_toast", &[("n", n.to_string())]));
        navigate(&Route::View("orders".into(), p2.meta.id.clone()));
    };
    view! {
        <PageHead title=Signal::derive({ let n = p.number.clone(); move || app.tf("po.receive_title", &[("number", n.clone())]) })>
            <a class="bo-btn" href=Route::View("orders".into(), id.clone()).href()>{app.text("action.cancel")}</a>
        </PageHead>
        <form class="bo-form" on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); receive(()); }>
            <div class="bo-field">
                <label for="recv-location">{app.text("move.location")}</label>
                {suggest_input("recv-location".into(), "location", "locations", location, String::new(), false)}
            </div>
            <div class="bo-table-wrap" tabindex="0"><table class="bo-table">
                <thead><tr>
                    <th scope="col">{app.text("move.item")}</th>
                    <th scope="col" class="bo-num">{app.text("po.qty")}</th>
                    <th scope="col" class="bo-num">{app.text("po.received")}</th>
                    <th scope="col" class="bo-num">{app.text("po.receive_now")}</th>
                </tr></thead>
                <tbody>
                    {qty.into_iter().enumerate().map(|(i, (line, desc, ordered, q))| {
                        let before = got.get(&line).copied().unwrap_or(0);
                        view! {
                            <tr>
                                <td>{desc.clone()}</td>
                                <td class="bo-num">{ordered}</td>
                                <td class="bo-num">{before}</td>
                                <td class="bo-num"><input id=format!("recv-{i}") type="text" inputmode="numeric" class="bo-num-input" aria-label=format!("{} {desc}", app.t("po.receive_now"))
                                    prop:value=move || q.get() on:input=move |ev| q.set(event_target_value(&ev)) /></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table></div>
            <div class="bo-actions">
                <button type="submit" class="bo-btn bo-btn-primary">{app.text("po.receive")}</button>
            </div>
        </form>
    }
    .into_any()
}

/// Import and export of orders with their lines, beside "New order".
pub fn toolbar() -> AnyView {
    let app = use_app();
    // What an import resolves back: the organisation, or the person's name; an item's code.
    let supplier = move |id: &str| {
        app.lists
            .contacts()
            .with_untracked(|cs| {
                cs.iter().find(|c| c.meta.id == id).map(|c| if c.organisation.is_empty() { c.name.clone() } else { c.organisation.clone() })
            })
            .unwrap_or_default()
    };
    let item = move |id: &str| {
        app.lists.items().with_untracked(|all| all.iter().find(|i| i.meta.id == id).map(|i| i.code.clone())).unwrap_or_default()
    };
    let export = Callback::new(move |(delimiter, suffix): (u8, &'static str)| {
        let decimals = super::fields::decimals(&app);
        let text = app.lists.orders().with_untracked(|orders| po_csv::export(orders, &supplier, &item, delimiter, decimals));
        download(&format!("orders-{}{suffix}.csv", crate::domain::dates::date_text(today())), CSV_MIME, &text);
    });
    let workbook = move |_| {
        let sheet = app.lists.orders().with_untracked(|orders| po_csv::sheet(orders, &supplier, &item, app.t("nav.orders").to_string()));
        super::xlsx::download(app, format!("orders-{}.xlsx", crate::domain::dates::date_text(today())), sheet);
    };
    view! {
            <Show when=move || app.read_only.get().is_none()>
                <a class="bo-btn" href=Route::Import("orders".into()).href()>{app.text("import.csv_button")}</a>
    </Show>
            {super::records::csv_buttons_view(export)}
            <button type="button" class="bo-btn" on:click=workbook>{app.text("list.export_xlsx")}</button>
        }
    .into_any()
}

#[derive(Clone, PartialEq)]
struct ReadRow {
    number: String,
    supplier: String,
    lines: usize,
    total: i64,
    problems: Vec<String>,
}

/// Orders from a CSV file, one row per line: previewed per order, only good orders added.
pub fn import_page() -> AnyView {
    let app = use_app();
    let problem = RwSignal::new(None::<String>);
    let table = RwSignal::new(None::<crate::domain::csv_io::Table>);
    let read = move || -> Vec<po_csv::Read> {
        table.with_untracked(|t| {
            let Some(t) = t else { return vec![] };
            let resolve = move |key: &str, v: &str| match key {
                "item_id" => super::fields::resolve_of::<Item>(&app, "", v),
                _ => super::fields::resolve_ref::<PurchaseOrder>(&app, key, v),
            };
            let rules = crate::domain::csv_io::Rules {
                decimals: super::fields::decimals(&app),
                resolve: &resolve,
                fixed: &[],
                style: po_csv::number_style(t).0,
            };
            app.lists.orders().with_untracked(|orders| {
                po_csv::import(t, &rules, &|n| orders.iter().any(|o| o.meta.deleted_at.is_none() && o.number == n), now())
            })
        })
    };
    let rows = Memo::new(move |_| {
        table.track();
        app.lang.track();
        read()
            .into_iter()
            .map(|r| ReadRow {
                number: r.order.number.clone(),
                supplier: supplier_name(&app, &r.order.supplier_id),
                lines: r.order.lines.len(),
                total: r.order.totals().total,
                problems: r
                    .errors
                    .iter()
                    .map(|(line, e)| app.tf("import.row_problem", &[("line", line.to_string()), ("problem", app.t(e).to_string())]))
                    .collect(),
            })
            .collect::<Vec<_>>()
    });
    let good = move || rows.with(|r| r.iter().filter(|x| x.problems.is_empty()).count());
    // A workbook's columns are found by name when its rows are read: nothing to map.
    let book = super::csv_import::Workbook::new(problem, table, RwSignal::new(vec![]), |_| vec![]);
    let on_file = move |ev: web_sys::Event| {
        leptos::task::spawn_local(async move {
            let Some((_, bytes)) = super::files::read_chosen(ev).await else { return };
            problem.set(None);
            table.set(None);
            book.clear();
            if super::xlsx::is_xlsx(&bytes) {
                book.open(bytes).await;
                return;
            }
            match crate::domain::csv_io::parse_table(&bytes) {
                Ok(t) => table.set(Some(t)),
                Err(e) => problem.set(Some(super::csv_import::problem_text(&app, e))),
            }
        });
    };
    let confirm = move |_| {
        let orders: Vec<PurchaseOrder> = read().into_iter().filter(|r| r.errors.is_empty()).map(|r| r.order).collect();
        let n = orders.len();
        if n > 0 && save_records(&app, orders).is_ok() {
            app.info(app.tf("po.imported", &[("n", n.to_string())]));
            navigate(&Route::List("orders".into()));
        }
    };
    view! {
        <PageHead title=Signal::derive(move || format!("{}: {}", app.t("import.csv_title"), app.t("nav.orders")))>
            <a class="bo-btn" href=Route::List("orders".into()).href()>{app.text("action.back")}</a>
        </PageHead>
        <p>{app.text("po.import_intro")}</p>
        <div class="bo-field">
            <label for="import-file">{app.text("import.choose_any")}</label>
            <input id="import-file" type="file" accept=super::xlsx::ACCEPT on:change=on_file />
        </div>
        {move || book.choice()}
        {move || problem.get().map(|p| view! { <p class="bo-banner bo-banner-error" role="alert">{p}</p> })}
        <Show when=move || table.with(Option::is_some)>
            <h2>{app.text("import.preview")}</h2>
            <p aria-live="polite">{move || app.tf("po.import_summary", &[("good", good().to_string()), ("bad", (rows.with(Vec::len) - good()).to_string())])}</p>
            <div class="bo-table-wrap" tabindex="0"><table class="bo-table">
                <thead><tr>
                    <th scope="col">{app.text("po.number")}</th>
                    <th scope="col">{app.text("po.supplier")}</th>
                    <th scope="col" class="bo-num">{app.text("po.lines")}</th>
                    <th scope="col" class="bo-num">{app.text("po.total")}</th>
                    <th scope="col">{app.text("import.problems")}</th>
                </tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|r| view! {
                        <tr class:bo-row-error=!r.problems.is_empty()>
                            <td>{r.number}</td><td>{r.supplier}</td><td class="bo-num">{r.lines}</td><td class="bo-num">{money(&app, r.total)}</td>
                            <td class="bo-error-cell">{r.problems.join("; ")}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table></div>
            <div class="bo-actions">
                <button type="button" class="bo-btn bo-btn-primary" disabled=move || good() == 0 on:click=confirm>{move || app.tf("po.import_confirm", &[("n", good().to_string())])}</button>
                <a class="bo-btn" href=Route::List("orders".into()).href()>{app.text("action.cancel")}</a>
            </div>
</Show>
    }
    .into_any()
}

impl UiEntity for PurchaseOrder {
    const PLURAL: &'static str = "nav.orders";
    const NEW: &'static str = "po.new";
    const EMPTY: &'static str = "po.empty";
    fn derived() -> &'static [Derived<Self>] {
        &[Derived {
            label: "po.total",
            value: |app, p| {
                let t = p.totals().total;
                (super::fields::money(app, t), number_key(t))
            },
        }]
    }
}
