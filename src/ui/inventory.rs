//! Supplies: an item's stock by place and its ledger, the movement forms, the low stock
//! list (with purchase orders made from it in one step) and the value and usage reports.
use crate::domain::record::RecordRules;
use crate::sort::sort_by;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use crate::domain::inventory::{self, Item, StockMove};
use crate::domain::purchasing::{drafts_from_low_stock, on_order};
use crate::domain::record::parse_date;

use super::calendar::today;
use super::collection::save_records;
use super::collection::{number_key, Derived, UiEntity};
use super::fields::money;
use super::records::{csv_tools, detail_page, detail_page_with, form_page_back};
use super::router::{navigate, Route};
use super::state::{use_app, AppState};
use super::widgets::PageHead;
use crate::domain::inventory::MoveKind;

fn item(app: &AppState, id: &str) -> Option<Item> {
    app.lists.items().with_untracked(|all| all.iter().find(|i| i.meta.id == id).cloned())
}

/// Links across the inventory screens, shown on the item list.
pub fn toolbar() -> AnyView {
    let app = use_app();
    view! {
        <a class="bo-btn" href=Route::LowStock.href()>{app.text("nav.low_stock")}</a>
        <a class="bo-btn" href=Route::List("stocktakes".into()).href()>{app.text("nav.stocktakes")}</a>
        <a class="bo-btn" href=Route::List("stock".into()).href()>{app.text("nav.stock")}</a>
        <a class="bo-btn" href=Route::StockReport.href()>{app.text("nav.stock_report")}</a>
        {csv_tools::<Item>("items")}
    }
    .into_any()
}

/// The item's fields, then where it is, what to do with it, and its ledger.
pub fn item_page(id: String) -> AnyView {
    let app = use_app();
    let id2 = id.clone();
    let places = Memo::new(move |_| app.stock_levels().with(|s| s.places(&id2)));
    let id3 = id.clone();
    let ledger = Memo::new(move |_| {
        let mut v: Vec<StockMove> =
            app.lists.stock().with(|m| m.iter().filter(|m| m.item_id == id3 && m.meta.deleted_at.is_none()).cloned().collect());
        sort_by(&mut v, |a, b| b.at.cmp(&a.at));
        v
    });
    let id4 = id.clone();
    let current = Memo::new(move |_| {
        app.lists.items().with(|all| all.iter().find(|i| i.meta.id == id4).map(|i| (i.unit.clone(), i.reorder_point, i.is_active())))
    });
    let id5 = id.clone();
    let buttons = move || {
        inventory::MoveKind::ALL
            .iter()
            .map(|k| {
                let href = Route::ItemMove(id5.clone(), k.code().into()).href();
                view! { <a class="bo-btn" class:bo-btn-primary=*k == inventory::MoveKind::Receive href=href>{app.text(move_label(k))}</a> }
            })
            .collect_view()
    };
    let stock_part = move || {
        let (unit, point, active) = current.get()?;
        let total: i64 = places.with(|p| p.iter().map(|(_, q)| q).sum());
        let low = point.is_some_and(|point| total <= point);
        Some(view! {
            <section class="bo-card" aria-labelledby="stock-h">
                <h2 id="stock-h">{app.text("item.stock")}</h2>
                <p class="bo-big" class:bo-warn-text=low>{format!("{total} {unit}")}{low.then(|| app.t("item.low_mark"))}</p>
                <ul class="bo-places">
                    {places.get().into_iter().map(|(place, q)| view! {
                        <li>{if place.is_empty() { app.t("item.no_place").to_string() } else { place }}": "<strong>{q}</strong></li>
                    }).collect_view()}
                </ul>
                {(active && app.read_only.get().is_none()).then(|| view! { <div class="bo-actions">{buttons()}</div> })}
            </section>
        })
    };
    let ledger_part = move || {
        let rows = ledger.get();
        let unit = current.get().map(|c| c.0).unwrap_or_default();
        view! {
            <section class="bo-card" aria-labelledby="ledger-h">
                <h2 id="ledger-h">{app.text("item.ledger")}</h2>
                {if rows.is_empty() {
                    view! { <p class="bo-empty">{app.text("item.no_moves")}</p> }.into_any()
                } else {
                    view! {
                        <div class="bo-table-wrap" tabindex="0"><table class="bo-table bo-ledger">
                            <thead><tr>
                                <th scope="col">{app.text("move.at")}</th>
                                <th scope="col">{app.text("move.kind")}</th>
                                <th scope="col" class="bo-num">{app.text("move.qty")}</th>
                                <th scope="col">{app.text("move.location")}</th>
                                <th scope="col">{app.text("move.detail")}</th>
                            </tr></thead>
                            <tbody>
                                {rows.into_iter().map(|m| {
                                    let signed: i64 = m.effects().iter().map(|(_, q)| q).sum();
                                    let shown = if m.kind == MoveKind::Transfer { format!("{} {unit}", m.qty.unwrap_or(0)) } else { format!("{signed:+} {unit}") };
                                    let place = if m.kind == MoveKind::Transfer { format!("{} → {}", m.location, m.to_location) } else { m.location.clone() };
                                    let detail = [m.to_whom.as_str(), m.reason.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" · ");
                                    let at = m.at.map(|t| crate::domain::format::format_datetime(t.and_utc().fixed_offset(), app.lang.get())).unwrap_or_default();
                                    let href = Route::View("stock".into(), m.meta.id.clone()).href();
                                    view! {
                                        <tr>
                                            <td><a href=href>{at}</a></td>
                                            <td>{app.t(move_label(&m.kind))}</td>
                                            <td class="bo-num">{shown}</td>
                                            <td>{place}</td>
                                            <td>{detail}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table></div>
                    }.into_any()
                }}
            </section>
        }
    };
    // Stock or use first, then the record's fields, then its history.
    view! {
        {detail_page_with::<Item>("items", id, Some(ViewFn::from(move || view! { {stock_part.clone()} }.into_any())))}
        {ledger_part}
    }
    .into_any()
}

fn move_label(kind: &inventory::MoveKind) -> &'static str {
    kind.label_key()
}

/// A movement of one item, its kind, place and cost filled in; back to the item after.
pub fn move_page(item_id: String, kind: String) -> AnyView {
    let app = use_app();
    let Some(it) = item(&app, &item_id) else { return detail_page::<Item>("items", item_id) };
    let mut prefill = vec![("item_id", item_id.clone()), ("kind", kind.clone()), ("location", it.location.clone())];
    if kind == "receive" {
        prefill.push(("unit_cost", it.unit_cost.map(|c| c.to_string()).unwrap_or_default()));
    }
    form_page_back::<StockMove>("stock", None, prefill, Some(Route::View("items".into(), item_id)))
}

pub fn low_stock_page() -> AnyView {
    let app = use_app();
    let low = Memo::new(move |_| {
        let ordered = app.lists.orders().with(|o| app.lists.stock().with(|m| on_order(o, m)));
        app.lists.items().with(|items| app.stock_levels().with(|s| inventory::low_stock(items, s, &ordered)))
    });
    let create = move |_| {
        let lows = low.get_untracked();
        let today = today();
        let drafts = app.lists.items().with_untracked(|items| {
            app.lists.orders().with_untracked(|orders| drafts_from_low_stock(&lows, items, orders, today, super::state::now()))
        });
        let n = drafts.len();
        if n > 0 && save_records(&app, drafts).is_ok() {
            app.info(app.tf("low.created", &[("n", n.to_string())]));
            navigate(&Route::List("orders".into()));
        }
    };
    view! {
        <PageHead title=app.title("nav.low_stock")>
            <Show when=move || !low.with(Vec::is_empty) && app.read_only.get().is_none()>
                <button type="button" class="bo-btn bo-btn-primary" on:click=create>{app.text("low.create_orders")}</button>
</Show>
            <a class="bo-btn" href=Route::List("items".into()).href()>{app.text("action.back")}</a>
        </PageHead>
        <p class="bo-hint">{app.text("low.hint")}</p>
        {move || if low.with(Vec::is_empty) {
            view! { <p class="bo-empty">{app.text("low.none")}</p> }.into_any()
        } else {
            view! {
                <div class="bo-table-wrap" tabindex="0"><table class="bo-table">
                    <thead><tr>
                        <th scope="col">{app.text("item.code")}</th>
                        <th scope="col">{app.text("item.name")}</th>
                        <th scope="col" class="bo-num">{app.text("item.on_hand")}</th>
                        <th scope="col" class="bo-num">{app.text("item.reorder_point")}</th>
                        <th scope="col" class="bo-num">{app.text("low.on_order")}</th>
                        <th scope="col" class="bo-num">{app.text("low.suggested")}</th>
                        <th scope="col">{app.text("item.supplier")}</th>
                    </tr></thead>
                    <tbody>
                        {low.get().into_iter().filter_map(|l| {
                            let it = item(&app, &l.item_id)?;
                            let supplier = app.lists.contacts().with(|cs| cs.iter().find(|c| c.meta.id == it.supplier_id).map(|c| c.name.clone())).unwrap_or_default();
                            Some(view! {
                                <tr>
                                    <td><a href=Route::View("items".into(), it.meta.id.clone()).href()>{it.code.clone()}</a></td>
                                    <td>{it.name.clone()}</td>
                                    <td class="bo-num">{format!("{} {}", l.on_hand, it.unit)}</td>
                                    <td class="bo-num">{it.reorder_point}</td>
                                    <td class="bo-num">{l.on_order}</td>
                                    <td class="bo-num"><strong>{l.suggested}</strong></td>
                                    <td>{if supplier.is_empty() { "—".to_string() } else { supplier }}</td>
                                </tr>
                            })
                        }).collect_view()}
                    </tbody>
                </table></div>
            }.into_any()
        }}
    }
    .into_any()
}

fn value_table(app: AppState, heading: &'static str, rows: Vec<inventory::ValueRow>) -> AnyView {
    view! {
        <section class="bo-card">
            <h2>{app.text(heading)}</h2>
            <div class="bo-table-wrap" tabindex="0"><table class="bo-table">
                <thead><tr>
                    <th scope="col">{app.text(heading)}</th>
                    <th scope="col" class="bo-num">{app.text("report.units")}</th>
                    <th scope="col" class="bo-num">{app.text("report.value")}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr>
                            <td>{if r.group.is_empty() { "—".to_string() } else { r.group }}</td>
                            <td class="bo-num">{r.units}</td>
                            <td class="bo-num">{money(&app, r.value)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table></div>
        </section>
    }
    .into_any()
}

/// Stock value (quantity × unit cost) by category and location, and usage over a period.
pub fn report_page() -> AnyView {
    let app = use_app();
    let t = today();
    let first = NaiveDate::from_ymd_opt(t.year(), t.month(), 1).unwrap_or(t);
    let from = RwSignal::new(crate::domain::dates::date_text(first));
    let to = RwSignal::new(crate::domain::dates::date_text(t));
    let value = Memo::new(move |_| app.lists.items().with(|items| app.stock_levels().with(|s| inventory::stock_value(items, s))));
    let used = Memo::new(move |_| {
        let (Some(f), Some(t)) = (parse_date(&from.get()), parse_date(&to.get())) else { return None };
        Some(app.lists.items().with(|items| app.lists.stock().with(|m| inventory::usage(items, m, f, t))))
    });
    view! {
        <PageHead title=app.title("nav.stock_report")>
            <button type="button" class="bo-btn" on:click=move |_| { let _ = window().print(); }>{app.text("action.print")}</button>
            <a class="bo-btn" href=Route::List("items".into()).href()>{app.text("action.back")}</a>
        </PageHead>
        {move || {
            let (cats, places, total) = value.get();
            view! {
                <p class="bo-big">{app.text("report.total")}": "<strong>{money(&app, total)}</strong></p>
                {value_table(app, "report.by_category", cats)}
                {value_table(app, "report.by_location", places)}
            }
        }}
        <section class="bo-card">
            <h2>{app.text("report.usage")}</h2>
            <div class="bo-row">
                <label class="bo-field">{app.text("report.from")}
                    <input type="date" id="usage-from" prop:value=move || from.get() on:input=move |ev| from.set(event_target_value(&ev)) /></label>
                <label class="bo-field">{app.text("report.to")}
                    <input type="date" id="usage-to" prop:value=move || to.get() on:input=move |ev| to.set(event_target_value(&ev)) /></label>
            </div>
            {move || match used.get() {
                None => view! { <p class="bo-error">{app.text("err.date")}</p> }.into_any(),
                Some((per_item, per_whom)) if per_item.is_empty() => { let _ = per_whom; view! { <p class="bo-empty">{app.text("report.no_usage")}</p> }.into_any() }
                Some((per_item, per_whom)) => view! {
                    <div class="bo-table-wrap" tabindex="0"><table class="bo-table" id="usage-items">
                        <thead><tr>
                            <th scope="col">{app.text("move.item")}</th>
                            <th scope="col" class="bo-num">{app.text("report.units")}</th>
                            <th scope="col" class="bo-num">{app.text("report.value")}</th>
                        </tr></thead>
                        <tbody>
                            {per_item.into_iter().map(|(id, q, v)| {
                                let name = item(&app, &id).map(|i| i.title()).unwrap_or(id);
                                view! { <tr><td>{name}</td><td class="bo-num">{q}</td><td class="bo-num">{money(&app, v)}</td></tr> }
                            }).collect_view()}
                        </tbody>
                    </table></div>
                    <div class="bo-table-wrap" tabindex="0"><table class="bo-table" id="usage-people">
                        <thead><tr>
                            <th scope="col">{app.text("move.to_whom")}</th>
                            <th scope="col" class="bo-num">{app.text("report.value")}</th>
                        </tr></thead>
                        <tbody>
                            {per_whom.into_iter().map(|(who, v)| view! { <tr><td>{who}</td><td class="bo-num">{money(&app, v)}</td></tr> }).collect_view()}
                        </tbody>
                    </table></div>
                }.into_any(),
            }}
        </section>
    }
    .into_any()
}

impl UiEntity for Item {
    const PLURAL: &'static str = "nav.items";
    const NEW: &'static str = "item.new";
    const EMPTY: &'static str = "item.empty";
    fn check(&self, app: &AppState) -> Vec<crate::domain::record::FieldError> {
        let taken = app.lists.items().with_untracked(|all| crate::domain::inventory::code_taken(all, self).is_some());
        if taken {
            vec![("code", "err.code_taken")]
        } else {
            vec![]
        }
    }
    fn derived() -> &'static [Derived<Self>] {
        &[Derived {
            label: "item.on_hand",
            value: |app, i| {
                let n = app.stock_levels().with(|s| s.on_hand(&i.meta.id));
                let low = i.reorder_point.is_some_and(|point| n <= point);
                (format!("{n} {}{}", i.unit, if low { app.t("item.low_mark") } else { "" }), number_key(n))
            },
        }]
    }
}

impl UiEntity for StockMove {
    const PLURAL: &'static str = "nav.stock";
    const NEW: &'static str = "move.new";
    const EMPTY: &'static str = "move.empty";
    /// "Stock received: 3 pcs of Kertas A4", not the ledger's "+3".
    fn saved_text(&self, app: &AppState) -> String {
        let (name, unit) = app
            .lists
            .items()
            .with_untracked(|all| all.iter().find(|i| i.meta.id == self.item_id).map(|i| (i.name.clone(), i.unit.clone())))
            .unwrap_or_default();
        let qty = self.qty.unwrap_or(0);
        let key = match self.kind {
            MoveKind::Receive => "move.saved.receive",
            MoveKind::Issue => "move.saved.issue",
            MoveKind::Transfer => "move.saved.transfer",
            MoveKind::Adjust => "move.saved.adjust",
        };
        let qty = if self.kind == MoveKind::Adjust { format!("{qty:+}") } else { qty.to_string() };
        app.tf(
            key,
            &[
                ("qty", qty),
                ("unit", unit),
                ("item", name),
                ("who", self.to_whom.clone()),
                ("from", self.location.clone()),
                ("to", self.to_location.clone()),
            ],
        )
    }
    /// Issuing or moving more than the ledger says is there is refused: the count is wrong
    /// somewhere, and a stocktake or adjustment should say so first.
    fn check(&self, app: &AppState) -> Vec<crate::domain::record::FieldError> {
        if !matches!(self.kind, MoveKind::Issue | MoveKind::Transfer) {
            return vec![];
        }
        let there = app.stock_levels().with_untracked(|s| s.at(&self.item_id, &self.location));
        // Editing a movement: its own quantity is already out of the ledger.
        let own = app.lists.stock().with_untracked(|all| {
            all.iter()
                .find(|m| m.meta.id == self.meta.id && m.meta.deleted_at.is_none())
                .map(|m| m.effects().iter().filter(|(p, _)| *p == self.location).map(|(_, q)| *q).sum::<i64>())
                .unwrap_or(0)
        });
        if self.qty.unwrap_or(0) > there - own {
            vec![("qty", "err.not_enough")]
        } else {
            vec![]
        }
    }
}
