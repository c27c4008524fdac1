//! The coordinator's review report (`#/review/2026-Q4`): one printable document across the
//! modules for a month or a quarter (domain/review.rs), and a button that puts it on a
//! coming meeting's agenda, one agenda item per part, so the meeting's minutes carry it.
use leptos::prelude::*;

use crate::domain::calendar::{occurrences, EventKind};
use crate::domain::format::{long_date, medium_date};
use crate::domain::kpis::{Every, Facts, Period};
use crate::domain::meeting::{find as find_minutes, start as start_minutes, AgendaItem};
use crate::domain::review::{after, before, parse_period, review, Review, Sources};
use crate::route::Route;

use super::calendar::today;
use super::collection::save_record;
use super::fields::{decimals, money};
use super::router::navigate;
use super::state::{now, use_app, AppState};
use super::widgets::PageHead;

/// Meetings this many days ahead are offered for the review's agenda.
const AGENDA_DAYS: u64 = 60;

/// The review of the period named in the address; this quarter when it names none.
fn period_of(text: &str) -> Option<(Every, Period)> {
    if text.is_empty() {
        let every = Every::Quarter;
        return Some((every, every.period_of(today())));
    }
    parse_period(text)
}

fn compute(app: AppState, every: Every, p: Period) -> Review {
    let l = app.lists;
    let (plans, tasks, reviews, kpis, actuals) =
        (l.work_plans().read(), l.plan_tasks().read(), l.plan_reviews().read(), l.kpis().read(), l.kpi_actuals().read());
    let (calls, visitors, employees, accounts, entries, invoices) =
        (l.calls().read(), l.visitors().read(), l.employees().read(), l.accounts().read(), l.entries().read(), l.invoices().read());
    let (events, vendors, guests) = (l.client_events().read(), l.event_vendors().read(), l.event_guests().read());
    let (changes, runs, payslips, assets, asset_log, orders) = (
        l.employee_changes().read(),
        l.payroll_runs().read(),
        l.payslips().read(),
        l.assets().read(),
        l.asset_log().read(),
        l.orders().read(),
    );
    let (obligations, done, minutes) = (l.obligations().read(), l.obligations_done().read(), l.minutes().read());
    let facts = Facts {
        calls: &calls,
        visitors: &visitors,
        employees: &employees,
        accounts: &accounts,
        entries: &entries,
        invoices: &invoices,
        events: &events,
        vendors: &vendors,
        guests: &guests,
    };
    let sources = Sources {
        plans: &plans,
        tasks: &tasks,
        reviews: &reviews,
        kpis: &kpis,
        actuals: &actuals,
        facts,
        changes: &changes,
        runs: &runs,
        payslips: &payslips,
        assets: &assets,
        asset_log: &asset_log,
        orders: &orders,
        obligations: &obligations,
        done: &done,
        minutes: &minutes,
    };
    review(every, p, today(), 10i64.pow(decimals(&app)), &sources)
}

fn count(app: &AppState, n: usize) -> String {
    crate::domain::format::group_digits(n as u64, app.lang.get())
}

fn day(app: &AppState, d: chrono::NaiveDate) -> String {
    medium_date(d, app.lang.get())
}

/// A figure with the change from the period before: "Rp 6.000.000 (+Rp 3.000.000)".
fn with_change(app: &AppState, now: i64, then: i64) -> String {
    let change = now - then;
    let sign = if change > 0 {
        "+"
    } else if change < 0 {
        "−"
    } else {
        "±"
    };
    format!("{} ({sign}{})", money(app, now), money(app, change.abs()))
}

/// A row of a two-column table: what, and its figure.
fn line(label: String, figure: String) -> impl IntoView {
    view! { <tr><th scope="row">{label}</th><td class="bo-num">{figure}</td></tr> }
}

fn plans_part(app: AppState, r: &Review) -> AnyView {
    if r.plans.is_empty() {
        return view! { <p>{app.t("review.no_plans")}</p> }.into_any();
    }
    let rows = r.plans.clone();
    view! {
        <div class="bo-table-wrap" tabindex="0">
            <table class="bo-table" id="review-plans">
                <thead><tr>
                    <th scope="col">{app.t("plan.name")}</th>
                    <th scope="col">{app.t("plan.owner")}</th>
                    <th scope="col" class="bo-num">{app.t("review.tasks_done")}</th>
                    <th scope="col" class="bo-num">{app.t("review.late")}</th>
                    <th scope="col" class="bo-num">{app.t("review.progress")}</th>
                    <th scope="col">{app.t("review.evaluation")}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|p| {
                        let eval = p.evaluation.as_ref().map(|(e, change)| {
                            let score = e.score.map(|s| s.to_string()).unwrap_or_default();
                            let change = change.map(|c| format!(" ({}{c})", if c > 0 { "+" } else { "" })).unwrap_or_default();
                            format!("{score}{change} {}", e.comment.trim()).trim().to_string()
                        }).unwrap_or_else(|| app.t("review.not_evaluated").to_string());
                        view! {
                            <tr>
                                <th scope="row"><a href=Route::View("work_plans".into(), p.id.clone()).href()>{p.name.clone()}</a></th>
                                <td>{p.owner.clone()}</td>
                                <td class="bo-num">{format!("{} / {}", p.done, p.tasks)}</td>
                                <td class="bo-num" class:bo-warn-text=p.late != 0>{p.late}</td>
                                <td class="bo-num">{p.progress.map(|x| format!("{x} %")).unwrap_or_else(|| "—".into())}</td>
                                <td>{eval}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

fn kpis_part(app: AppState, r: &Review) -> AnyView {
    if r.kpis.is_empty() {
        return view! { <p>{app.t("dash.no_kpis")}</p> }.into_any();
    }
    let lines = r.kpis.clone();
    view! {
        <div class="bo-table-wrap" tabindex="0">
            <table class="bo-table" id="review-kpis">
                <thead><tr>
                    <th scope="col">{app.t("kpi.name")}</th>
                    <th scope="col">{app.t("review.trend")}</th>
                    <th scope="col" class="bo-num">{app.t("prev.target")}</th>
                    <th scope="col" class="bo-num">{app.t("prev.actual")}</th>
                    <th scope="col">{app.t("kpi.met")}</th>
                </tr></thead>
                <tbody>
                    {lines.into_iter().map(|k| {
                        let m = k.kpi.source.is_money();
                        let shown = move |v| super::kpis::figure(&app, m, v);
                        let trend = k.rows.iter().map(|x| format!("{}: {}", x.period.label(k.kpi.every), shown(x.actual))).collect::<Vec<_>>().join(" · ");
                        let last = k.rows.last().cloned();
                        let met = last.as_ref().and_then(|x| x.met);
                        view! {
                            <tr>
                                <th scope="row"><a href=Route::View("kpis".into(), k.kpi.meta.id.clone()).href()>{k.kpi.name.clone()}</a></th>
                                <td>{trend}</td>
                                <td class="bo-num">{shown(last.as_ref().and_then(|x| x.target))}</td>
                                <td class="bo-num">{shown(last.as_ref().and_then(|x| x.actual))}</td>
                                <td class:bo-warn-text=met == Some(false)>{super::kpis::met_text(&app, met)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

fn figures_part(id: &'static str, rows: Vec<(String, String)>) -> AnyView {
    view! {
        <div class="bo-table-wrap" tabindex="0">
            <table class="bo-table bo-table-figures" id=id>
                <tbody>{rows.into_iter().map(|(l, f)| line(l, f)).collect_view()}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn books_rows(app: &AppState, r: &Review) -> Vec<(String, String)> {
    let b = &r.books;
    vec![
        (app.t("review.income").into(), money(app, b.income)),
        (app.t("review.expenses").into(), money(app, b.expenses)),
        (app.t("review.profit").into(), with_change(app, b.profit, b.profit_before)),
        (app.tf("review.cash_at", &[("date", day(app, r.day))]), money(app, b.cash)),
        (app.tf("review.receivables_at", &[("date", day(app, r.day))]), money(app, b.receivables_late)),
    ]
}

fn pay_rows(app: &AppState, r: &Review) -> Vec<(String, String)> {
    let p = &r.pay;
    let mut rows = vec![
        (app.t("review.runs_posted").into(), count(app, p.runs)),
        (app.t("review.people_paid").into(), count(app, p.people)),
        (app.t("review.gross").into(), money(app, p.gross)),
        (app.t("review.employer_pension").into(), money(app, p.employer_pension)),
        (app.t("review.tax").into(), money(app, p.tax)),
        (app.t("review.net").into(), money(app, p.net)),
    ];
    if p.unposted != 0 {
        rows.push((app.t("review.runs_unposted").into(), count(app, p.unposted)));
    }
    rows
}

fn people_rows(app: &AppState, r: &Review) -> Vec<(String, String)> {
    let p = &r.people;
    let names = |v: &[(String, chrono::NaiveDate)]| {
        if v.is_empty() {
            "—".to_string()
        } else {
            v.iter().map(|(n, d)| format!("{n} ({})", day(app, *d))).collect::<Vec<_>>().join(", ")
        }
    };
    vec![
        (
            app.tf("review.headcount_at", &[("date", day(app, r.day))]),
            format!("{} ({})", count(app, p.headcount), count(app, p.headcount_before)),
        ),
        (app.t("review.joined").into(), names(&p.joined)),
        (app.t("review.left").into(), names(&p.left)),
        (app.t("review.changes").into(), count(app, p.changes)),
    ]
}

fn equipment_rows(app: &AppState, r: &Review) -> Vec<(String, String)> {
    let e = &r.equipment;
    vec![
        (app.t("review.assets_in_use").into(), count(app, e.in_use)),
        (app.t("review.repairs").into(), count(app, e.repairs)),
        (app.t("review.maintenance").into(), count(app, e.maintenance)),
        (app.t("review.upkeep_cost").into(), money(app, e.cost)),
        (app.tf("review.service_due_at", &[("date", day(app, r.day))]), count(app, e.service_due)),
        (app.t("review.orders").into(), format!("{} · {}", count(app, e.orders), money(app, e.ordered))),
    ]
}

fn compliance_part(app: AppState, r: &Review) -> AnyView {
    let c = r.compliance.clone();
    let dues = move |key: &'static str, list: Vec<crate::domain::compliance::Due>| {
        (!list.is_empty()).then(|| {
            view! {
                <h3>{app.t(key)}</h3>
                <ul class="bo-list">
                    {list.into_iter().map(|x| view! {
                        <li><a href=Route::View("obligations".into(), x.obligation_id.clone()).href()>{x.name.clone()}</a>" — "{super::reminders::due_text(&app, &x)}</li>
                    }).collect_view()}
                </ul>
            }
        })
    };
    view! {
        <p>{app.tf("review.settled", &[("n", c.settled.len().to_string()), ("late", c.settled_late.to_string())])}</p>
        {(!c.settled.is_empty()).then(|| view! {
            <div class="bo-table-wrap" tabindex="0">
                <table class="bo-table" id="review-settled">
                    <thead><tr>
                        <th scope="col">{app.t("obld.obligation")}</th>
                        <th scope="col">{app.t("obld.due")}</th>
                        <th scope="col">{app.t("obld.done_on")}</th>
                        <th scope="col">{app.t("obld.evidence")}</th>
                    </tr></thead>
                    <tbody>
                        {c.settled.iter().map(|(name, due, on, evidence)| {
                            let late = on > due;
                            view! {
                            <tr class:bo-warn-text=late>
                                <th scope="row">{name.clone()}</th>
                                <td>{day(&app, *due)}</td>
                                <td>{day(&app, *on)}{late.then(|| format!(" ({})", app.t("etask.overdue")))}</td>
                                <td>{evidence.clone()}</td>
                            </tr>
                        }}).collect_view()}
                    </tbody>
                </table>
            </div>
        })}
        {dues("review.overdue", c.overdue.clone())}
        {dues("review.coming", c.coming.clone())}
    }
    .into_any()
}

fn actions_part(app: AppState, r: &Review) -> AnyView {
    if r.actions.is_empty() {
        return view! { <p>{app.t("review.no_actions")}</p> }.into_any();
    }
    let actions = r.actions.clone();
    view! {
        <ul class="bo-list" id="review-actions">
            {actions.into_iter().map(|a| view! {
                <li class:bo-warn-text=a.overdue>
                    {a.action.text.clone()}
                    {(!a.action.owner.is_empty()).then(|| format!(" — {}", a.action.owner))}
                    {(!a.action.due.is_empty()).then(|| format!(" · {}", a.action.due))}
                    {a.overdue.then(|| format!(" ({})", app.t("etask.overdue")))}
                    " ("<a href=Route::View("minutes".into(), a.minutes_id.clone()).href()>{a.meeting.clone()}</a>")"
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// One agenda item per part of the review, each with its figures as notes.
fn agenda_items(app: &AppState, r: &Review, name: &str) -> Vec<AgendaItem> {
    let lines = |rows: Vec<(String, String)>| rows.into_iter().map(|(l, f)| format!("{l}: {f}")).collect::<Vec<_>>().join("; ");
    let plans = r
        .plans
        .iter()
        .map(|p| {
            app.tf(
                "review.plan_line",
                &[("plan", p.name.clone()), ("done", p.done.to_string()), ("n", p.tasks.to_string()), ("late", p.late.to_string())],
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let kpis = r
        .kpis
        .iter()
        .filter_map(|k| {
            let last = k.rows.last()?;
            let shown = super::kpis::figure(app, k.kpi.source.is_money(), last.actual);
            Some(format!("{}: {shown} {}", k.kpi.name, super::kpis::met_text(app, last.met)).trim().to_string())
        })
        .collect::<Vec<_>>()
        .join("; ");
    let item = |key: &str, notes: String| AgendaItem { title: format!("{name} — {}", app.t(key)), notes, ..AgendaItem::default() };
    vec![
        item("review.plans", plans),
        item("review.kpis", kpis),
        item("review.books", lines(books_rows(app, r))),
        item("review.payroll", lines(pay_rows(app, r))),
        item("review.people", lines(people_rows(app, r))),
        item("review.equipment", lines(equipment_rows(app, r))),
        item(
            "review.compliance",
            app.tf("review.settled", &[("n", r.compliance.settled.len().to_string()), ("late", r.compliance.settled_late.to_string())])
                + &format!(" {}: {}", app.t("review.overdue"), r.compliance.overdue.len()),
        ),
        item("review.actions", r.actions.iter().map(|a| a.action.text.clone()).collect::<Vec<_>>().join("; ")),
    ]
}

/// Coming meetings as (series or record id, date, what the list shows).
fn coming_meetings(app: AppState) -> Vec<(String, chrono::NaiveDate, String)> {
    let from = today();
    let to = from + chrono::Days::new(AGENDA_DAYS);
    app.lists.events().with(|events| {
        occurrences(events, from, to)
            .into_iter()
            .filter(|o| o.kind == EventKind::Meeting)
            .filter_map(|o| {
                let e = events.iter().find(|e| e.meta.id == o.id)?;
                // A changed date's minutes belong to its series and the date it replaces.
                let (owner, date) = match (e.series_id.is_empty(), o.series_date) {
                    (false, Some(d)) => (e.series_id.clone(), d),
                    (_, Some(d)) => (o.id.clone(), d),
                    _ => (o.id.clone(), o.start.date()),
                };
                Some((owner, date, format!("{} — {}", long_date(o.start.date(), app.lang.get()), o.title)))
            })
            .collect()
    })
}

/// Puts the review on the chosen meeting's agenda (its minutes started if need be).
fn add_to_agenda(app: AppState, r: &Review, name: &str, owner: &str, date: chrono::NaiveDate) {
    let existing = app.lists.minutes().with_untracked(|all| find_minutes(all, owner, date).cloned());
    let mut m = match existing {
        Some(m) => m,
        None => {
            let Some(e) = app.lists.events().with_untracked(|all| all.iter().find(|e| e.meta.id == owner).cloned()) else { return };
            start_minutes(&e, owner, date, now())
        }
    };
    // Put on again after the figures changed: the review's items get the new figures where
    // they stand, keeping who leads them and the time given; nothing is doubled.
    for item in agenda_items(&app, r, name) {
        match m.agenda.iter_mut().find(|a| a.title == item.title) {
            Some(there) => there.notes = item.notes,
            None => m.agenda.push(item),
        }
    }
    let id = m.meta.id.clone();
    if save_record(&app, m).is_ok() {
        app.info(app.tf("review.on_agenda", &[("name", name.to_string())]));
        navigate(&Route::View("minutes".into(), id));
    }
}

fn agenda_form(app: AppState, r: Review, name: String) -> AnyView {
    let meetings = coming_meetings(app);
    if meetings.is_empty() {
        return view! {
            <p class="bo-hint bo-page-actions">
                {app.t("review.no_meeting")}" "<a href=Route::Calendar("agenda".into(), String::new()).href()>{app.t("nav.calendar")}</a>
            </p>
        }
        .into_any();
    }
    let chosen = RwSignal::new(0usize);
    let options = meetings.clone();
    view! {
        <div class="bo-page-actions bo-inline-form">
            <label for="review-meeting">{app.t("review.meeting")}</label>
            <select id="review-meeting" on:change=move |ev| chosen.set(event_target_value(&ev).parse().unwrap_or(0))>
                {options.into_iter().enumerate().map(|(i, (_, _, text))| view! { <option value=i.to_string()>{text}</option> }).collect_view()}
            </select>
            <button type="button" class="bo-btn" id="review-agenda" on:click=move |_| {
                if let Some((owner, date, _)) = meetings.get(chosen.get_untracked()) {
                    add_to_agenda(app, &r, &name, owner, *date);
                }
            }>{app.t("review.add_to_agenda")}</button>
        </div>
    }
    .into_any()
}

pub fn review_page(text: String) -> AnyView {
    let app = use_app();
    let Some((every, p)) = period_of(&text) else {
        return view! {
            <h1 tabindex="-1">{app.text("notfound.title")}</h1>
            <p><a href=Route::Review(String::new()).href()>{app.text("review.title")}</a></p>
        }
        .into_any();
    };
    let name = p.label(every);
    let report = Memo::new(move |_| compute(app, every, p));
    let other = match every {
        Every::Month => (Every::Quarter, "review.by_quarter"),
        Every::Quarter => (Every::Month, "review.by_month"),
    };
    let title = {
        let name = name.clone();
        Signal::derive(move || app.tf("review.heading", &[("period", name.clone())]))
    };
    let part = move |key: &'static str, id: &'static str, body: AnyView| {
        view! {
            <section class="bo-card" aria-labelledby=id>
                <h2 id=id>{app.t(key)}</h2>
                {body}
            </section>
        }
    };
    view! {
        <PageHead title=title>
            <a class="bo-btn" href=Route::Review(before(every, p).label(every)).href()>{app.text("review.earlier")}</a>
            <a class="bo-btn" href=Route::Review(after(every, p).label(every)).href()>{app.text("review.later")}</a>
            <a class="bo-btn" href=Route::Review(other.0.period_of(p.from).label(other.0)).href()>{app.text(other.1)}</a>
            <button type="button" class="bo-btn" on:click=move |_| { let _ = window().print(); }>{app.text("action.print")}</button>
        </PageHead>
        // On paper the page's own heading is hidden with the navigation: the office and the
        // report's name head the first page instead.
        <div class="bo-print-only">
            <p class="bo-print-company">{move || app.settings.with(|s| s.company_name.clone())}</p>
            <p class="bo-print-title">{move || title.get()}</p>
        </div>
        <p class="bo-hint">{move || app.tf("review.period", &[("from", day(&app, p.from)), ("to", day(&app, p.to)), ("day", day(&app, report.with(|r| r.day)))])}</p>
        {move || {
            let r = report.get();
            view! {
                {app.read_only.get().is_none().then(|| agenda_form(app, r.clone(), name.clone()))}
                {part("review.plans", "review-plans-h", plans_part(app, &r))}
                {part("review.kpis", "review-kpis-h", kpis_part(app, &r))}
                {part("review.books", "review-books-h", figures_part("review-books", books_rows(&app, &r)))}
                {part("review.payroll", "review-payroll-h", figures_part("review-payroll", pay_rows(&app, &r)))}
                {part("review.people", "review-people-h", figures_part("review-people", people_rows(&app, &r)))}
                {part("review.equipment", "review-equipment-h", figures_part("review-equipment", equipment_rows(&app, &r)))}
                {part("review.compliance", "review-compliance-h", compliance_part(app, &r))}
                {part("review.actions", "review-actions-h", actions_part(app, &r))}
            }
        }}
    }
    .into_any()
}
