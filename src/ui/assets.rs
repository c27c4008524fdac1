//! Assets and equipment: an asset's page (who has it, book value, next service, history,
//! check-out/in, repairs and maintenance), the maintenance-due list and the register report.
use crate::domain::record::RecordRules;
use crate::sort::sort_by;
use leptos::prelude::*;

use crate::domain::assets::{self, book_value, holder, maintenance_due, next_maintenance, Asset, AssetLog};
use crate::domain::format::long_date;
use crate::domain::record::Entity;

use super::calendar::today;
use super::collection::{display_value, save_record};
use super::collection::{Derived, UiEntity};
use super::fields::{day_of, money};
use super::records::{csv_tools, detail_page_with, form_page_back};
use super::router::Route;
use super::state::{now, use_app, AppState};
use super::widgets::PageHead;
use crate::domain::assets::AssetCategory;
use crate::domain::assets::AssetStatus;
use crate::domain::assets::LogKind;

/// Scheduled maintenance this close is listed as due soon.
const SOON_DAYS: u64 = 14;

fn find(app: &AppState, id: &str) -> Option<Asset> {
    app.lists.assets().with(|all| all.iter().find(|a| a.meta.id == id).cloned())
}

pub fn toolbar() -> AnyView {
    let app = use_app();
    view! {
        <a class="bo-btn" href=Route::MaintenanceDue.href()>{app.text("nav.maintenance_due")}</a>
        <a class="bo-btn" href=Route::AssetRegister.href()>{app.text("nav.asset_register")}</a>
        <a class="bo-btn" href=Route::List("asset_log".into()).href()>{app.text("nav.asset_log")}</a>
        {csv_tools::<Asset>("assets")}
    }
    .into_any()
}

pub fn asset_page(id: String) -> AnyView {
    let app = use_app();
    let id2 = id.clone();
    let asset = Memo::new(move |_| find(&app, &id2));
    let id3 = id.clone();
    let log = Memo::new(move |_| app.lists.asset_log().with(|l| assets::history(l, &id3).into_iter().cloned().collect::<Vec<AssetLog>>()));
    let check_in = move |asset_id: String| {
        let mut e = AssetLog::blank(now());
        e.asset_id = asset_id;
        e.kind = LogKind::Checkin;
        e.date = Some(today());
        if save_record(&app, e).is_ok() {
            app.info(app.t("asset.checked_in").into());
        }
    };
    let status_part = move || {
        let a = asset.get()?;
        let entries = log.get();
        let out = holder(&entries, &a.meta.id).cloned();
        let (acc, book) = book_value(&a, today());
        let next = next_maintenance(&a, &entries);
        let overdue = next.is_some_and(|d| d < today());
        let aid = a.meta.id.clone();
        let writable = app.read_only.get().is_none() && a.meta.deleted_at.is_none();
        Some(view! {
            <section class="bo-card" aria-labelledby="use-h">
                <h2 id="use-h">{app.text("asset.now")}</h2>
                <p class="bo-big">{match &out {
                    Some(o) => app.tf("asset.out_to", &[("who", o.who.clone()), ("since", day_of(&app, o.date))]) + &if o.due.is_none() { String::new() } else { app.tf("asset.due_back", &[("due", day_of(&app, o.due))]) },
                    None => app.t("asset.not_out").to_string(),
                }}</p>
                <p>{app.text("asset.book_value")}": "<strong>{money(&app, book)}</strong>" ("{app.text("asset.depreciated")}" "{money(&app, acc)}")"</p>
                {next.map(|d| view! {
                    <p class:bo-warn-text=overdue>{app.text("asset.next_service")}": "{long_date(d, app.lang.get())}{overdue.then(|| app.t("asset.overdue_mark"))}</p>
                })}
                {writable.then(|| view! {
                    <div class="bo-actions">
                        {match out {
                            Some(_) => view! { <button type="button" class="bo-btn bo-btn-primary" on:click=move |_| check_in(aid.clone())>{app.text("asset.check_in")}</button> }.into_any(),
                            None => view! { <a class="bo-btn bo-btn-primary" href=Route::AssetEntry(aid.clone(), "checkout".into()).href()>{app.text("asset.check_out")}</a> }.into_any(),
                        }}
                        <a class="bo-btn" href=Route::AssetEntry(a.meta.id.clone(), "repair".into()).href()>{app.text("asset.log_repair")}</a>
                        <a class="bo-btn" href=Route::AssetEntry(a.meta.id.clone(), "maintenance".into()).href()>{app.text("asset.log_maintenance")}</a>
                    </div>
                })}
            </section>
        })
    };
    let history_part = move || {
        let mut entries = log.get();
        entries.reverse();
        view! {
            <section class="bo-card" aria-labelledby="hist-h">
                <h2 id="hist-h">{app.text("asset.history")}</h2>
                {if entries.is_empty() {
                    view! { <p class="bo-empty">{app.text("asset.no_history")}</p> }.into_any()
                } else {
                    view! {
                        <div class="bo-table-wrap" tabindex="0"><table class="bo-table">
                            <thead><tr>
                                <th scope="col">{app.text("alog.date")}</th>
                                <th scope="col">{app.text("alog.kind")}</th>
                                <th scope="col">{app.text("alog.detail")}</th>
                                <th scope="col" class="bo-num">{app.text("alog.cost")}</th>
                            </tr></thead>
                            <tbody>
                                {entries.into_iter().map(|e| {
                                    let kind = e.kind.label_key();
                                    let detail = match e.kind {
                                        LogKind::Checkout => [e.who.clone(), if e.due.is_none() { String::new() } else { format!("→ {}", day_of(&app, e.due)) }].join(" "),
                                        LogKind::Checkin => String::new(),
                                        _ => [e.problem.clone(), e.action.clone(), e.vendor.clone(), e.downtime.map(|n| app.tf("alog.days_down", &[("n", n.to_string())])).unwrap_or_default()]
                                            .into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · "),
                                    };
                                    let cost = if e.cost.is_none() { String::new() } else { money(&app, e.cost.unwrap_or(0)) };
                                    view! {
                                        <tr>
                                            <td><a href=Route::View("asset_log".into(), e.meta.id.clone()).href()>{day_of(&app, e.date)}</a></td>
                                            <td>{app.t(kind)}</td>
                                            <td>{detail}</td>
                                            <td class="bo-num">{cost}</td>
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
    let books = books_part(asset);
    // Stock or use first, then the record's fields, then its history.
    view! {
        {detail_page_with::<Asset>("assets", id, Some(ViewFn::from(move || view! { {status_part} {books.run()} }.into_any())))}
        {history_part}
    }
    .into_any()
}

/// A check-out, repair or maintenance entry for one asset; back to the asset after.
pub fn entry_page(asset_id: String, kind: String) -> AnyView {
    let prefill = vec![("asset_id", asset_id.clone()), ("kind", kind), ("date", crate::domain::dates::date_text(today()))];
    form_page_back::<AssetLog>("asset_log", None, prefill, Some(Route::View("assets".into(), asset_id)))
}

pub fn due_page() -> AnyView {
    let app = use_app();
    let due = Memo::new(move |_| {
        app.lists.assets().with(|all| {
            app.lists.asset_log().with(|log| {
                maintenance_due(all, log, today(), SOON_DAYS)
                    .into_iter()
                    .map(|(a, d)| (a.meta.id.clone(), a.title(), a.location.clone(), d))
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <PageHead title=app.title("nav.maintenance_due")>
            <a class="bo-btn" href=Route::List("assets".into()).href()>{app.text("action.back")}</a>
        </PageHead>
        <p class="bo-hint">{app.tf("asset.due_hint", &[("n", SOON_DAYS.to_string())])}</p>
        {move || if due.with(Vec::is_empty) {
            view! { <p class="bo-empty">{app.text("asset.none_due")}</p> }.into_any()
        } else {
            view! {
                <div class="bo-table-wrap" tabindex="0"><table class="bo-table" id="due-list">
                    <thead><tr>
                        <th scope="col">{app.text("asset.name")}</th>
                        <th scope="col">{app.text("asset.location")}</th>
                        <th scope="col">{app.text("asset.next_service")}</th>
                    </tr></thead>
                    <tbody>
                        {due.get().into_iter().map(|(id, title, place, d)| {
                            let late = d < today();
                            view! {
                                <tr>
                                    <td><a href=Route::View("assets".into(), id).href()>{title}</a></td>
                                    <td>{place}</td>
                                    <td class:bo-warn-text=late>{long_date(d, app.lang.get())}{if late { app.t("asset.overdue_mark") } else { app.t("asset.soon_mark") }}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table></div>
            }.into_any()
        }}
    }
    .into_any()
}

/// Every asset with its cost, depreciation and book value today, with totals per category.
pub fn register_page() -> AnyView {
    let app = use_app();
    let rows = Memo::new(move |_| {
        let t = today();
        app.lists.assets().with(|all| {
            let mut v: Vec<(AssetCategory, String, String, i64, i64, i64)> = all
                .iter()
                .filter(|a| a.meta.deleted_at.is_none() && a.status != AssetStatus::Disposed)
                .map(|a| {
                    let (acc, book) = book_value(a, t);
                    (a.category, a.title(), display_value(&app, a, "status"), a.cost.unwrap_or(0), acc, book)
                })
                .collect();
            sort_by(&mut v, |a, b| a.0.code().cmp(b.0.code()).then(a.1.cmp(&b.1)));
            v
        })
    });
    view! {
        <PageHead title=app.title("nav.asset_register")>
            <button type="button" class="bo-btn" on:click=move |_| { let _ = window().print(); }>{app.text("action.print")}</button>
            <a class="bo-btn" href=Route::List("assets".into()).href()>{app.text("action.back")}</a>
        </PageHead>
        <p class="bo-hint">{move || app.tf("asset.register_hint", &[("date", long_date(today(), app.lang.get()))])}</p>
        {move || {
            let rows = rows.get();
            let total = |f: fn(&(AssetCategory, String, String, i64, i64, i64)) -> i64| rows.iter().map(f).sum::<i64>();
            let (cost, acc, book) = (total(|r| r.3), total(|r| r.4), total(|r| r.5));
            view! {
                <div class="bo-table-wrap" tabindex="0"><table class="bo-table" id="register">
                    <thead><tr>
                        <th scope="col">{app.text("asset.category")}</th>
                        <th scope="col">{app.text("asset.name")}</th>
                        <th scope="col">{app.text("asset.status")}</th>
                        <th scope="col" class="bo-num">{app.text("asset.cost")}</th>
                        <th scope="col" class="bo-num">{app.text("asset.depreciated")}</th>
                        <th scope="col" class="bo-num">{app.text("asset.book_value")}</th>
                    </tr></thead>
                    <tbody>
                        {rows.iter().cloned().map(|(cat, title, status, c, a, b)| {
                            let cat = app.t(cat.label_key());
                            view! { <tr><td>{cat}</td><td>{title}</td><td>{status}</td><td class="bo-num">{money(&app, c)}</td><td class="bo-num">{money(&app, a)}</td><td class="bo-num">{money(&app, b)}</td></tr> }
                        }).collect_view()}
                    </tbody>
                    <tfoot><tr>
                        <th scope="row" colspan="3">{app.text("po.total")}</th>
                        <td class="bo-num">{money(&app, cost)}</td><td class="bo-num">{money(&app, acc)}</td><td class="bo-num"><strong>{money(&app, book)}</strong></td>
                    </tr></tfoot>
                </table></div>
            }
        }}
    }
    .into_any()
}

/// The asset's purchase in the books: a link to the entry once it is there, or the cash or
/// bank account it was paid from and one click to record it (once).
fn books_part(asset: Memo<Option<Asset>>) -> ViewFn {
    use crate::domain::finance::entries::{asset_purchase, asset_source};
    let app = use_app();
    let made = Memo::new(move |_| {
        let source = asset.with(|a| a.as_ref().map(|a| asset_source(&a.meta.id)))?;
        app.lists.entries().with(|all| all.iter().find(|e| e.is_live() && e.source == source).map(|e| e.meta.id.clone()))
    });
    let money_accounts = Memo::new(move |_| {
        app.lists.accounts().with(|all| {
            let mut v: Vec<(String, String)> =
                all.iter().filter(|a| a.is_live() && a.money).map(|a| (a.meta.id.clone(), a.label())).collect();
            v.sort_by(|a, b| a.1.cmp(&b.1));
            v
        })
    });
    let paid_from = RwSignal::new(String::new());
    let record = move |_| {
        let Some(a) = asset.get_untracked() else { return };
        if made.get_untracked().is_some() {
            return;
        }
        let from = paid_from.get_untracked();
        if from.is_empty() {
            app.error(app.t("asset.books_choose").into());
            return;
        }
        let description = app.tf("asset.books_description", &[("name", a.name.clone())]);
        match app.lists.accounts().with_untracked(|all| asset_purchase(all, &a, &from, description)) {
            Ok(Some(e)) => {
                if let Some((_, key)) = super::collection::UiEntity::check(&e, &app).first() {
                    app.error(app.t(key).into());
                } else if save_record(&app, e).is_ok() {
                    app.info(app.t("asset.books_recorded").into());
                }
            }
            Ok(None) => app.error(app.t("asset.books_needs").into()),
            Err(code) => app.error(app.tf("asset.books_missing_account", &[("code", code.to_string())])),
        }
    };
    // Its own reactive scope: the page around it is not drawn again when it changes.
    ViewFn::from(move || {
        move || {
            let a = asset.get()?;
            let writable = app.read_only.get().is_none() && a.meta.deleted_at.is_none();
            Some(view! {
                <section class="bo-card bo-no-print" aria-labelledby="asset-books-h">
                    <h2 id="asset-books-h">{app.text("asset.books")}</h2>
                    {move || match made.get() {
                        Some(id) => view! { <p><a href=Route::View("entries".into(), id).href()>{app.text("asset.books_made")}</a></p> }.into_any(),
                        None if a.cost.is_none_or(|c| c <= 0) || a.purchase_date.is_none() => view! { <p>{app.text("asset.books_needs")}</p> }.into_any(),
                        None if writable => view! {
                            <div class="bo-field">
                                <label for="asset-paid-from">{app.text("asset.books_paid_from")}</label>
                                <select id="asset-paid-from" on:change=move |ev| paid_from.set(event_target_value(&ev))>
                                    <option value="" selected=move || paid_from.get().is_empty()>{app.text("form.choose")}</option>
                                    {money_accounts.get().into_iter().map(|(id, label)| {
                                        let id2 = id.clone();
                                        view! { <option value=id selected=move || paid_from.get() == id2>{label}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="bo-actions">
                                <button type="button" class="bo-btn" on:click=record>{app.text("asset.books_record")}</button>
                            </div>
                        }.into_any(),
                        None => view! { <p>{app.text("asset.books_not_yet")}</p> }.into_any(),
                    }}
                </section>
            })
        }
    })
}

impl UiEntity for Asset {
    const PLURAL: &'static str = "nav.assets";
    const NEW: &'static str = "asset.new";
    const EMPTY: &'static str = "asset.empty";
    fn derived() -> &'static [Derived<Self>] {
        &[Derived {
            label: "asset.holder",
            value: |app, a| {
                let who =
                    app.lists.asset_log().with(|l| crate::domain::assets::holder(l, &a.meta.id).map(|o| o.who.clone())).unwrap_or_default();
                (who.clone(), crate::text::lower(&who))
            },
        }]
    }
    fn check(&self, app: &AppState) -> Vec<crate::domain::record::FieldError> {
        let tag = crate::text::lower(self.tag.trim());
        let taken = app.lists.assets().with_untracked(|all| {
            all.iter().any(|a| a.meta.id != self.meta.id && a.meta.deleted_at.is_none() && crate::text::lower(a.tag.trim()) == tag)
        });
        if taken {
            vec![("tag", "err.tag_taken")]
        } else {
            vec![]
        }
    }
}

impl UiEntity for AssetLog {
    const PLURAL: &'static str = "nav.asset_log";
    const NEW: &'static str = "alog.new";
    const EMPTY: &'static str = "alog.empty";
    /// "Proyektor Epson lent to Budi Santoso, Tue, 1 Dec 2026", not "→ Budi Santoso 2026-12-01".
    fn saved_text(&self, app: &AppState) -> String {
        let asset = app
            .lists
            .assets()
            .with_untracked(|all| all.iter().find(|a| a.meta.id == self.asset_id).map(|a| a.name.clone()))
            .unwrap_or_default();
        let date = self.date.map(|d| crate::domain::format::long_date(d, app.lang.get_untracked())).unwrap_or_default();
        let key = match self.kind {
            LogKind::Checkout => "alog.saved.checkout",
            LogKind::Checkin => "alog.saved.checkin",
            LogKind::Repair => "alog.saved.repair",
            LogKind::Maintenance => "alog.saved.maintenance",
        };
        app.tf(key, &[("asset", asset), ("who", self.who.clone()), ("date", date)])
    }
    /// A second check-out of something already out is refused: check it in first.
    fn check(&self, app: &AppState) -> Vec<crate::domain::record::FieldError> {
        if self.kind != LogKind::Checkout {
            return vec![];
        }
        let out = app
            .lists
            .asset_log()
            .with_untracked(|l| crate::domain::assets::holder(l, &self.asset_id).is_some_and(|o| o.meta.id != self.meta.id));
        if out {
            vec![("kind", "err.already_out")]
        } else {
            vec![]
        }
    }
}
