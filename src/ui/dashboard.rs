//! The office at a glance: today's agenda, one tile per thing that needs someone (messages, visitors,
//! actions, stock, maintenance, obligations, late work) and the office's figures (people,
//! cash, overdue receivables), each linking to its list, and every KPI's current period.
use leptos::prelude::*;

use crate::domain::kpis::Facts;
use crate::route::Route;

use super::calendar::today;
use super::fields::money;
use super::state::{use_app, AppState};
use super::widgets::PageHead;

/// A tile: its figure as shown, its label's key, where it leads, and whether it asks for
/// attention (anything but zero of something to do).
struct Tile {
    figure: String,
    label: &'static str,
    to: Route,
    warn: bool,
}

fn count(n: usize, label: &'static str, to: Route) -> Tile {
    Tile { figure: n.to_string(), label, to, warn: n > 0 }
}

fn tiles(app: AppState) -> Vec<Tile> {
    let day = today();
    let l = app.lists;
    let agenda = l.events().with(|e| crate::domain::calendar::occurrences(e, day, day).len());
    let waiting = l.calls().with(|c| crate::domain::frontdesk::messages_waiting(c).iter().map(|(_, calls)| calls.len()).sum());
    let inside = l.visitors().with(|v| v.iter().filter(|v| v.is_in()).count());
    let actions = l.minutes().with(|m| crate::domain::meeting::open_actions(m, day).len());
    let low = super::reminders::low_stock_count(app);
    let service = super::reminders::service_due_count(app, day);
    let dues = l.obligations().with(|o| l.obligations_done().with(|d| crate::domain::compliance::open_dues(o, d, day).len()));
    let late = l.plan_tasks().with(|t| crate::domain::plans::late_tasks(t, day));
    let people = l.employees().with(|e| e.iter().filter(|e| e.is_current()).count());
    let (cash, owed) = l.accounts().with(|accounts| {
        l.entries().with(|entries| {
            l.invoices().with(|invoices| {
                let f = Facts { accounts, entries, invoices, ..Facts::default() };
                let month = crate::domain::kpis::Every::Month.period_of(day);
                (
                    crate::domain::kpis::worked_out(crate::domain::kpis::Source::Cash, month, day, &f).unwrap_or(0),
                    crate::domain::finance::invoices::overdue(invoices, entries, true, day).iter().map(|x| x.open).sum::<i64>(),
                )
            })
        })
    });
    vec![
        // Today's appointments and meetings are the day's plan, not something gone wrong.
        Tile { figure: agenda.to_string(), label: "dash.agenda", to: Route::Calendar("agenda".into(), String::new()), warn: false },
        count(waiting, "dash.messages", Route::Messages),
        // Visitors in the building are the day's business, not something gone wrong.
        Tile { figure: inside.to_string(), label: "dash.visitors_in", to: Route::List("visitors".into()), warn: false },
        count(actions, "dash.open_actions", Route::Actions),
        count(low, "dash.low_stock", Route::LowStock),
        count(service, "dash.service", Route::MaintenanceDue),
        count(dues, "dash.obligations", Route::List("obligations".into())),
        count(late, "dash.late_tasks", Route::List("plan_tasks".into())),
        Tile { figure: people.to_string(), label: "dash.headcount", to: Route::List("employees".into()), warn: false },
        Tile { figure: money(&app, cash), label: "dash.cash", to: Route::Books("balance".into(), String::new()), warn: cash < 0 },
        Tile { figure: money(&app, owed), label: "dash.receivables", to: Route::List("invoices".into()), warn: owed > 0 },
    ]
}

/// Each KPI's current period: (id, name, period, target, actual, met) as shown.
fn kpi_lines(app: AppState) -> Vec<(String, String, String, String, String, Option<bool>)> {
    let kpis: Vec<crate::domain::kpis::Kpi> =
        app.lists.kpis().with(|all| all.iter().filter(|k| k.meta.deleted_at.is_none()).cloned().collect());
    kpis.iter()
        .filter_map(|k| {
            let r = super::kpis::kpi_rows(app, k, 1).pop()?;
            let m = k.source.is_money();
            let shown = |v| super::kpis::figure(&app, m, v);
            Some((k.meta.id.clone(), k.name.clone(), r.period.label(k.every), shown(r.target), shown(r.actual), r.met))
        })
        .collect()
}

pub fn dashboard_page() -> AnyView {
    let app = use_app();
    view! {
        <PageHead title=app.title("dash.title")>
            <a class="bo-btn" href=Route::Review(String::new()).href()>{app.text("dash.review")}</a>
            <button type="button" class="bo-btn" on:click=move |_| { let _ = window().print(); }>{app.text("action.print")}</button>
        </PageHead>
        <ul class="bo-tiles">
            {move || tiles(app).into_iter().map(|t| view! {
                <li class="bo-tile" class:bo-tile-warn=t.warn>
                    <a href=t.to.href()>
                        <span class="bo-tile-figure">{t.figure}</span>
                        <span class="bo-tile-label">{app.t(t.label)}</span>
                    </a>
                </li>
            }).collect_view()}
        </ul>
        <section class="bo-card" aria-labelledby="dash-kpis-h">
            <h2 id="dash-kpis-h">{app.text("dash.kpis")}</h2>
            {move || {
                let lines = kpi_lines(app);
                if lines.is_empty() {
                    return view! { <p>{app.text("dash.no_kpis")}</p> }.into_any();
                }
                view! {
                    <div class="bo-table-wrap" tabindex="0">
                        <table class="bo-table" id="dash-kpis">
                            <thead><tr>
                                <th scope="col">{app.text("kpi.name")}</th>
                                <th scope="col">{app.text("kpi.period")}</th>
                                <th scope="col" class="bo-num">{app.text("prev.target")}</th>
                                <th scope="col" class="bo-num">{app.text("prev.actual")}</th>
                                <th scope="col">{app.text("kpi.met")}</th>
                            </tr></thead>
                            <tbody>
                                {lines.into_iter().map(|(id, name, period, target, actual, met)| view! {
                                    <tr>
                                        <th scope="row"><a href=Route::View("kpis".into(), id).href()>{name}</a></th>
                                        <td>{period}</td>
                                        <td class="bo-num">{target}</td>
                                        <td class="bo-num">{actual}</td>
                                        <td class:bo-warn-text=met == Some(false)>{super::kpis::met_text(&app, met)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
        </section>
    }
    .into_any()
}
