//! KPIs: each one's page shows its last periods (target, actual, met or not, the change from
//! the period before) as a table and as a chart drawn from that table; a typed KPI's actual
//! is entered for a period from there.
use leptos::prelude::*;

use crate::domain::dates::date_text;
use crate::domain::kpis::{rows, Facts, Kpi, KpiActual, Row, Source};
use crate::domain::record::RecordRules;
use crate::route::Route;

use super::calendar::today;
use super::collection::UiEntity;
use super::compliance::links;
use super::fields::{decimals, money};
use super::pages::RecordPages;
use super::records::{csv_tools, detail_page_with, form_page_back, list_page};
use super::state::{use_app, AppState};

/// Periods shown on a KPI's page.
const PERIODS: usize = 6;

impl UiEntity for Kpi {
    const PLURAL: &'static str = "nav.kpis";
    const NEW: &'static str = "kpi.new";
    const EMPTY: &'static str = "kpi.empty";
}

impl UiEntity for KpiActual {
    const PLURAL: &'static str = "nav.kpi_actuals";
    const NEW: &'static str = "kpia.new";
    const EMPTY: &'static str = "kpia.empty";
    /// "Kepuasan klien, 2026-11: 95 disimpan." rather than the bare period.
    fn saved_text(&self, app: &AppState) -> String {
        let kpi = app.lists.kpis().with_untracked(|all| all.iter().find(|k| k.meta.id == self.kpi_id).map(|k| k.name.clone()));
        let actual = self.actual.map(|a| a.to_string()).unwrap_or_else(|| "—".into());
        app.tf("kpia.saved", &[("kpi", kpi.unwrap_or_default()), ("period", self.title()), ("actual", actual)])
    }
}

impl RecordPages for Kpi {
    fn list() -> AnyView {
        list_page::<Kpi>("kpis", view! { {links()} {csv_tools::<Kpi>("kpis")} }.into_any())
    }
    fn view(id: String) -> AnyView {
        let top = ViewFn::from({
            let id = id.clone();
            move || kpi_part(id.clone())
        });
        detail_page_with::<Kpi>("kpis", id, Some(top))
    }
}

/// `#/kpi_actuals/new/<kpi id>`: this period's actual of that KPI; the form goes back to it.
impl RecordPages for KpiActual {
    fn list() -> AnyView {
        list_page::<KpiActual>("kpi_actuals", view! { {links()} {csv_tools::<KpiActual>("kpi_actuals")} }.into_any())
    }
    fn create(kpi: Option<String>) -> AnyView {
        let app = use_app();
        let back = kpi.clone().map(|id| Route::View("kpis".into(), id));
        let mut prefill = vec![];
        if let Some(id) = kpi {
            let every = app.lists.kpis().with_untracked(|all| all.iter().find(|k| k.meta.id == id).map(|k| k.every));
            prefill.extend(every.map(|e| ("period", date_text(e.period_of(today()).from))));
            prefill.push(("kpi_id", id));
        }
        form_page_back::<KpiActual>("kpi_actuals", None, prefill, back)
    }
}

/// The KPI's last `n` periods, worked out from the lists its source reads (only those).
pub fn kpi_rows(app: AppState, k: &Kpi, n: usize) -> Vec<Row> {
    let scale = 10i64.pow(decimals(&app));
    let actuals = app.lists.kpi_actuals();
    let l = app.lists;
    actuals.with(|a| match k.source {
        Source::Typed => rows(k, a, today(), n, scale, &Facts::default()),
        Source::Calls => l.calls().with(|calls| rows(k, a, today(), n, scale, &Facts { calls, ..Facts::default() })),
        Source::Visitors => l.visitors().with(|visitors| rows(k, a, today(), n, scale, &Facts { visitors, ..Facts::default() })),
        Source::Headcount => l.employees().with(|employees| rows(k, a, today(), n, scale, &Facts { employees, ..Facts::default() })),
        Source::Cash | Source::Receivables => l.accounts().with(|accounts| {
            l.entries().with(|entries| {
                l.invoices().with(|invoices| rows(k, a, today(), n, scale, &Facts { accounts, entries, invoices, ..Facts::default() }))
            })
        }),
        Source::EventMargin => l.client_events().with(|events| {
            l.event_vendors().with(|vendors| {
                l.event_guests().with(|guests| rows(k, a, today(), n, scale, &Facts { events, vendors, guests, ..Facts::default() }))
            })
        }),
    })
}

/// "Yes", "Not met", or nothing while there is no actual or no target.
pub fn met_text(app: &AppState, met: Option<bool>) -> &'static str {
    match met {
        Some(true) => app.t("kpi.met.yes"),
        Some(false) => app.t("kpi.met.no"),
        None => "",
    }
}

/// A KPI figure as shown: money in the office currency, counts grouped.
pub fn figure(app: &AppState, money_kpi: bool, v: Option<i64>) -> String {
    match v {
        None => "—".into(),
        Some(v) if money_kpi => money(app, v),
        Some(v) => crate::domain::format::group_digits(v.unsigned_abs(), app.lang.get()).to_string() + if v < 0 { " (−)" } else { "" },
    }
}

/// A KPI's last periods: a chart, and the table it is drawn from.
fn kpi_part(id: String) -> AnyView {
    let app = use_app();
    let kpi = Memo::new({
        let id = id.clone();
        move |_| app.lists.kpis().with(|all| all.iter().find(|k| k.meta.id == id).cloned())
    });
    let table = Memo::new(move |_| kpi.get().map(|k| (k.source.is_money(), k.every, kpi_rows(app, &k, PERIODS))));
    let typed = move || kpi.with(|k| k.as_ref().is_some_and(|k| k.source == Source::Typed));
    let writable = move || app.read_only.get().is_none() && kpi.with(|k| k.as_ref().is_some_and(|k| k.meta.deleted_at.is_none()));
    let new_actual = Route::NewAt("kpi_actuals".into(), id).href();
    view! {
        <section class="bo-card" aria-labelledby="kpi-periods-h">
            <h2 id="kpi-periods-h">{app.text("kpi.periods")}</h2>
            {move || table.get().map(|(money_kpi, every, rows)| view! {
                {chart(every, &rows)}
                <div class="bo-table-wrap" tabindex="0">
                    <table class="bo-table" id="kpi-table">
                        <thead><tr>
                            <th scope="col">{app.text("kpi.period")}</th>
                            <th scope="col" class="bo-num">{app.text("prev.target")}</th>
                            <th scope="col" class="bo-num">{app.text("prev.actual")}</th>
                            <th scope="col">{app.text("kpi.met")}</th>
                            <th scope="col" class="bo-num">{app.text("kpi.change")}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|r| {
                                let label = r.period.label(every);
                                let period = match &r.record_id {
                                    Some(rid) => view! { <a href=Route::View("kpi_actuals".into(), rid.clone()).href()>{label}</a> }.into_any(),
                                    None => label.into_any(),
                                };
                                let met = met_text(&app, r.met);
                                let change = r.change.map(|c| {
                                    let sign = if c > 0 { "+" } else if c < 0 { "−" } else { "" };
                                    format!("{sign}{}", figure(&app, money_kpi, Some(c.abs())))
                                });
                                view! {
                                    <tr>
                                        <th scope="row">{period}</th>
                                        <td class="bo-num">{figure(&app, money_kpi, r.target)}</td>
                                        <td class="bo-num">{figure(&app, money_kpi, r.actual)}</td>
                                        <td class:bo-warn-text=r.met == Some(false)>{met}</td>
                                        <td class="bo-num">{change.unwrap_or_default()}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
            <Show when=move || typed() && writable()>
                <div class="bo-actions"><a class="bo-btn" href=new_actual.clone()>{app.text("kpia.new")}</a></div>
            </Show>
            <Show when=move || !typed()>
                <p class="bo-hint">{app.text("kpi.worked_out")}</p>
            </Show>
        </section>
    }
    .into_any()
}

/// Bars of the actuals with the target marked on each; the table beside it holds the same
/// figures for screen readers, so the drawing itself is hidden from them.
fn chart(every: crate::domain::kpis::Every, rows: &[Row]) -> AnyView {
    let (w, h, pad) = (600.0_f64, 180.0_f64, 24.0_f64);
    let top = rows.iter().flat_map(|r| [r.actual, r.target]).flatten().map(|v| v.max(0)).max().unwrap_or(0).max(1) as f64;
    let slot = (w - 2.0 * pad) / rows.len().max(1) as f64;
    let y = |v: i64| h - pad - (v.max(0) as f64 / top) * (h - 2.0 * pad);
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let x = pad + i as f64 * slot + slot * 0.2;
            let bw = slot * 0.6;
            let bar = r.actual.map(|a| {
                let top_y = y(a);
                view! { <rect x=x y=top_y width=bw height=(h - pad - top_y).max(0.0) class=if r.met == Some(false) { "bo-chart-bar bo-chart-short" } else { "bo-chart-bar" } /> }
            });
            let target = r.target.map(|t| view! { <line x1=x - 4.0 x2=x + bw + 4.0 y1=y(t) y2=y(t) class="bo-chart-target" /> });
            let label = r.period.label(every);
            view! {
                <g>
                    {bar}
                    {target}
                    <text x=x + bw / 2.0 y=h - 6.0 text-anchor="middle" class="bo-chart-label">{label}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <div class="bo-chart">
            <svg viewBox=format!("0 0 {w} {h}") aria-hidden="true" focusable="false">
                <line x1=pad x2=w - pad y1=h - pad y2=h - pad class="bo-chart-axis" />
                {bars}
            </svg>
        </div>
    }
    .into_any()
}
