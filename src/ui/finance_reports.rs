//! The books: profit and loss, balance sheet, cash flow and costs by month over a month,
//! quarter or year, compared with the period before or the same period a year earlier;
//! printable and as CSV; and closing the books up to a date.
use leptos::prelude::*;

use crate::domain::finance::invoices::{aging, BUCKETS};
use crate::domain::finance::ledger::OPENING_EQUITY;
use crate::domain::finance::period::Period;
use crate::domain::finance::reports::{self, BalanceSheet, CashFlow, CostsByMonth, ProfitAndLoss, Row};
use crate::domain::format::Lang;

use super::calendar::today;
use super::files::download;
use super::finance::{books, chart_setup, closed_to, finance_links};
use super::router::Route;
use super::state::{use_app, AppState};
use super::widgets::PageHead;
use super::xlsx::{text, Report};
use crate::domain::xlsx::Cell;

const TITLES: &[(&str, &str)] = &[
    ("pl", "books.pl"),
    ("balance", "books.balance"),
    ("cash", "books.cash"),
    ("costs", "books.costs"),
    ("budget", "books.budget"),
    ("tax", "books.tax"),
    ("contacts", "books.by_contact"),
    ("ar", "books.ar"),
    ("ap", "books.ap"),
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Compare {
    Previous,
    YearBefore,
    Nothing,
}

/// What one report shows: its sections of rows with amounts now and in the compared
/// period, each section ending in its total, and a closing line.
#[derive(Clone, Default, PartialEq)]
struct Table {
    sections: Vec<Section>,
    /// (label key, amount now, amount compared)
    closing: Vec<(&'static str, i64, Option<i64>)>,
}

#[derive(Clone, Default, PartialEq)]
struct Section {
    title: &'static str,
    rows: Vec<(Row, Option<i64>)>,
    total: (&'static str, i64, Option<i64>),
}

/// Rows of now and the compared period side by side, by code.
fn side_by_side(now: &[Row], then: Option<&[Row]>) -> Vec<(Row, Option<i64>)> {
    let mut out: Vec<(Row, Option<i64>)> =
        now.iter().map(|r| (r.clone(), then.map(|t| t.iter().find(|x| x.account_id == r.account_id).map_or(0, |x| x.amount)))).collect();
    if let Some(then) = then {
        for r in then.iter().filter(|r| !now.iter().any(|n| n.account_id == r.account_id)) {
            out.push((Row { amount: 0, ..r.clone() }, Some(r.amount)));
        }
    }
    out.sort_by(|a, b| a.0.code.cmp(&b.0.code));
    out
}

fn section(title: &'static str, now: &[Row], then: Option<&[Row]>, total: &'static str, t_now: i64, t_then: Option<i64>) -> Section {
    Section { title, rows: side_by_side(now, then), total: (total, t_now, t_then) }
}

fn pl_table(now: &ProfitAndLoss, then: Option<&ProfitAndLoss>) -> Table {
    Table {
        sections: vec![
            section(
                "books.income",
                &now.income,
                then.map(|t| &t.income[..]),
                "books.total_income",
                now.total_income,
                then.map(|t| t.total_income),
            ),
            section(
                "books.expenses",
                &now.expenses,
                then.map(|t| &t.expenses[..]),
                "books.total_expenses",
                now.total_expenses,
                then.map(|t| t.total_expenses),
            ),
        ],
        closing: vec![(if now.profit < 0 { "books.loss" } else { "books.profit" }, now.profit, then.map(|t| t.profit))],
    }
}

fn balance_table(now: &BalanceSheet, then: Option<&BalanceSheet>) -> Table {
    let with_earnings = |b: &BalanceSheet| {
        let mut v = b.equity.clone();
        v.push(Row { account_id: "earnings".into(), code: String::new(), name: String::new(), amount: b.earnings });
        v
    };
    let (eq_now, eq_then) = (with_earnings(now), then.map(with_earnings));
    Table {
        sections: vec![
            section(
                "books.assets",
                &now.assets,
                then.map(|t| &t.assets[..]),
                "books.total_assets",
                now.total_assets,
                then.map(|t| t.total_assets),
            ),
            section(
                "books.liabilities",
                &now.liabilities,
                then.map(|t| &t.liabilities[..]),
                "books.total_liabilities",
                now.total_liabilities,
                then.map(|t| t.total_liabilities),
            ),
            section("books.equity", &eq_now, eq_then.as_deref(), "books.total_equity", now.total_equity, then.map(|t| t.total_equity)),
        ],
        closing: vec![(
            "books.liabilities_and_equity",
            now.total_liabilities + now.total_equity,
            then.map(|t| t.total_liabilities + t.total_equity),
        )],
    }
}

fn cash_table(now: &CashFlow, then: Option<&CashFlow>) -> Table {
    let total = |rows: &[Row]| rows.iter().map(|r| r.amount).sum::<i64>();
    Table {
        sections: vec![
            section(
                "books.inflows",
                &now.inflows,
                then.map(|t| &t.inflows[..]),
                "books.total_in",
                total(&now.inflows),
                then.map(|t| total(&t.inflows)),
            ),
            section(
                "books.outflows",
                &now.outflows,
                then.map(|t| &t.outflows[..]),
                "books.total_out",
                total(&now.outflows),
                then.map(|t| total(&t.outflows)),
            ),
        ],
        closing: vec![
            ("books.opening_cash", now.opening, then.map(|t| t.opening)),
            ("books.closing_cash", now.closing, then.map(|t| t.closing)),
        ],
    }
}

/// A row's name: the account's, or what the app's own lines stand for.
fn row_name(app: &AppState, r: &Row) -> String {
    match r.account_id.as_str() {
        OPENING_EQUITY => app.t("books.opening_equity").into(),
        "earnings" => app.t("books.earnings").into(),
        _ if r.code.is_empty() => r.name.clone(),
        _ => format!("{} — {}", r.code, r.name),
    }
}

/// `#/books/<report>/<period>`.
pub fn books_page(report: String, period: String) -> AnyView {
    let app = use_app();
    let report: &'static str = TITLES.iter().find(|(k, _)| *k == report).map_or("pl", |(k, _)| k);
    let period = Period::parse(&period).unwrap_or_else(|| Period::month_of(today()));
    // Costs by month read a whole year: its arrows step by years.
    let period = if report == "costs" { Period::Year(chrono::Datelike::year(&period.first())) } else { period };
    let compare = RwSignal::new(Compare::Previous);
    let with = move || match compare.get() {
        Compare::Previous => Some(period.previous()),
        Compare::YearBefore => Some(period.year_before()),
        Compare::Nothing => None,
    };
    let ledger = Memo::new(move |_| {
        // On the area's first screen the lists are read from the store here, timed apart
        // (`bo:list:…`); `bo:books` is building the ledger.
        let _ = (app.lists.accounts(), app.lists.entries());
        super::perf::timed("bo:books", || LedgerEq(books(&app)))
    });
    let table = Memo::new(move |_| {
        app.lang.track();
        let ledger = &ledger.read().0;
        super::perf::timed("bo:report", || {
            app.lists.accounts().with(|a| match report {
                "balance" => balance_table(
                    &reports::balance_sheet(a, ledger, period.last()),
                    with().map(|w| reports::balance_sheet(a, ledger, w.last())).as_ref(),
                ),
                "cash" => cash_table(
                    &reports::cash_flow(a, ledger, period.first(), period.last()),
                    with().map(|w| reports::cash_flow(a, ledger, w.first(), w.last())).as_ref(),
                ),
                _ => pl_table(
                    &reports::profit_and_loss(a, ledger, period.first(), period.last()),
                    with().map(|w| reports::profit_and_loss(a, ledger, w.first(), w.last())).as_ref(),
                ),
            })
        })
    });
    let problems = Memo::new(move |_| ledger.read().0.problems.len());
    let title = Signal::derive(move || {
        let name = app.t(TITLES.iter().find(|(k, _)| *k == report).map_or("books.pl", |(_, t)| t));
        if report == "costs" {
            format!("{name} · {}", period.first().format("%Y"))
        } else if matches!(report, "ar" | "ap") {
            format!("{name} · {}", super::fields::day(&app, &crate::domain::dates::date_text(period.last().min(today()))))
        } else {
            format!("{name} · {}", period.label(app.lang.get()))
        }
    });
    let go = move |p: Period| Route::Books(report.into(), p.text()).href();
    let tabs = TITLES
        .iter()
        .map(|(k, label)| {
            let current = *k == report;
            view! { <a aria-current=current.then_some("page") href=Route::Books(k.to_string(), period.text()).href()>{app.text(label)}</a> }
        })
        .collect_view();
    let granularity = move |p: Period, key: &'static str| view! { <a class="bo-btn" href=go(p)>{app.text(key)}</a> };
    let body = move || {
        if report == "costs" {
            costs_view(app, ledger, period)
        } else if matches!(report, "ar" | "ap") {
            aging_view(app, report == "ar", period.last().min(today()))
        } else if report == "budget" {
            budget_view(app, ledger, period)
        } else if report == "tax" {
            tax_view(app, ledger, period)
        } else if report == "contacts" {
            contacts_view(app, ledger, period)
        } else {
            table_view(app, table, with, report)
        }
    };
    let export = move |_| export_csv(&app, report, period, table.get_untracked(), ledger);
    let workbook = move |_| export_xlsx(app, report, period, table.get_untracked(), ledger, title.get_untracked());
    view! {
        <PageHead title=title>
            {finance_links()}
            <button type="button" class="bo-btn" on:click=export>{app.text("books.export")}</button>
            <button type="button" class="bo-btn" on:click=workbook>{app.text("list.export_xlsx")}</button>
            <button type="button" class="bo-btn" on:click=move |_| { let _ = window().print(); }>{app.text("action.print")}</button>
        </PageHead>
        {chart_setup()}
        <nav class="bo-subnav bo-no-print" aria-label=app.text("books.reports")>{tabs}</nav>
        <div class="bo-toolbar bo-no-print">
            // Named by what they show, with the direction for screen readers (a name that hid
            // the period shown would differ from what a voice-control user reads and says).
            <a class="bo-btn" href=go(period.previous())><span aria-hidden="true">"‹ "</span><span class="bo-visually-hidden">{app.text("books.previous")}": "</span>{move || period.previous().label(app.lang.get())}</a>
            <a class="bo-btn" href=go(period.next())><span class="bo-visually-hidden">{app.text("books.next")}": "</span>{move || period.next().label(app.lang.get())}<span aria-hidden="true">" ›"</span></a>
            {granularity(Period::month_of(period.last().min(today())), "books.month")}
            {granularity(quarter_of(period.last().min(today())), "books.quarter")}
            {granularity(Period::Year(chrono::Datelike::year(&period.first())), "books.year")}
            <Show when=move || matches!(report, "pl" | "balance" | "cash")>
                <label for="bo-compare">{app.text("books.compare")}</label>
                <select id="bo-compare" on:change=move |ev| compare.set(match event_target_value(&ev).as_str() {
                    "year" => Compare::YearBefore,
                    "none" => Compare::Nothing,
                    _ => Compare::Previous,
                })>
                    <option value="previous" selected=move || compare.get() == Compare::Previous>{app.text("books.compare_previous")}</option>
                    <option value="year" selected=move || compare.get() == Compare::YearBefore>{app.text("books.compare_year")}</option>
                    <option value="none" selected=move || compare.get() == Compare::Nothing>{app.text("books.compare_none")}</option>
                </select>
            </Show>
        </div>
        <Show when=move || { problems.get() > 0 }>
            <p class="bo-banner bo-banner-error" role="alert">{move || app.tf("books.problems", &[("n", problems.get().to_string())])}</p>
        </Show>
        {body}
        {(report == "pl").then(|| depreciation_card(app, period))}
        {close_books(app)}
    }
    .into_any()
}

/// The ledger compared by its lines, so a memo of it only wakes readers on a change.
#[derive(Clone)]
struct LedgerEq(crate::domain::finance::ledger::Ledger);

impl PartialEq for LedgerEq {
    fn eq(&self, other: &Self) -> bool {
        self.0.lines == other.0.lines && self.0.problems == other.0.problems
    }
}

fn quarter_of(d: chrono::NaiveDate) -> Period {
    use chrono::Datelike;
    Period::Quarter(d.year(), d.month0() / 3 + 1)
}

fn table_view(
    app: AppState,
    table: Memo<Table>,
    with: impl Fn() -> Option<Period> + Copy + Send + Sync + 'static,
    report: &'static str,
) -> AnyView {
    let compared = move || with().is_some();
    let amount = move |v: i64| money_cell(&app, v);
    let then_cell = move |v: Option<i64>| v.map(|v| view! { <td class="bo-num">{amount(v)}</td> });
    let link = move |r: &Row| {
        if r.code.is_empty() {
            view! { <span>{row_name(&app, r)}</span> }.into_any()
        } else {
            view! { <a href=Route::View("accounts".into(), r.account_id.clone()).href()>{row_name(&app, r)}</a> }.into_any()
        }
    };
    let head_then = move || {
        with().map(|w| {
            let label = if report == "balance" {
                super::fields::day(&app, &crate::domain::dates::date_text(w.last()))
            } else {
                w.label(app.lang.get())
            };
            view! { <th scope="col" class="bo-num">{label}</th> }
        })
    };
    view! {
        <div class="bo-table-wrap" tabindex="0">
            <table class="bo-table bo-report">
                <thead><tr>
                    <th scope="col">{app.text("books.account")}</th>
                    <th scope="col" class="bo-num">{app.text(if report == "balance" { "books.at_end" } else { "books.this_period" })}</th>
                    {head_then}
                </tr></thead>
                {move || table.get().sections.into_iter().map(|s| view! {
                    <tbody>
                        <tr class="bo-report-section"><th scope="rowgroup" colspan=move || if compared() { 3 } else { 2 }>{app.text(s.title)}</th></tr>
                        {s.rows.into_iter().map(|(r, then)| view! {
                            <tr>
                                <td>{link(&r)}</td>
                                <td class="bo-num">{amount(r.amount)}</td>
                                {then_cell(then)}
                            </tr>
                        }).collect_view()}
                        <tr class="bo-report-total">
                            <th scope="row">{app.text(s.total.0)}</th>
                            <td class="bo-num">{amount(s.total.1)}</td>
                            {then_cell(s.total.2)}
                        </tr>
                    </tbody>
                }).collect_view()}
                <tfoot>
                    {move || table.get().closing.into_iter().map(|(key, now, then)| view! {
                        <tr class="bo-report-total">
                            <th scope="row">{app.text(key)}</th>
                            <td class="bo-num">{amount(now)}</td>
                            {then_cell(then)}
                        </tr>
                    }).collect_view()}
                </tfoot>
            </table>
        </div>
        <Show when=move || table.with(|t| t.sections.iter().all(|s| s.rows.is_empty()))>
            <p class="bo-empty">{app.text("books.empty")}</p>
        </Show>
    }
    .into_any()
}

/// Negative amounts in brackets, as a printed report shows them.
fn money_cell(app: &AppState, v: i64) -> String {
    let m = super::fields::money(app, v.abs());
    if v < 0 {
        format!("({m})")
    } else {
        m
    }
}

fn costs_view(app: AppState, ledger: Memo<LedgerEq>, period: Period) -> AnyView {
    let year = chrono::Datelike::year(&period.first());
    let costs = Memo::new(move |_| app.lists.accounts().with(|a| reports::costs_by_month(a, &ledger.read().0, year)));
    let month_name = move |m: u32| {
        chrono::NaiveDate::from_ymd_opt(year, m, 1).map(|d| crate::domain::format::month_short(d, app.lang.get())).unwrap_or_default()
    };
    view! {
        {move || chart(app, &costs.get(), month_name)}
        <div class="bo-table-wrap" tabindex="0">
            <table class="bo-table bo-report">
                <thead><tr>
                    <th scope="col">{app.text("books.account")}</th>
                    {(1..=12).map(|m| view! { <th scope="col" class="bo-num">{move || month_name(m)}</th> }).collect_view()}
                    <th scope="col" class="bo-num">{app.text("books.year_total")}</th>
                </tr></thead>
                <tbody>
                    {move || costs.get().rows.into_iter().map(|(r, months)| view! {
                        <tr>
                            <th scope="row"><a href=Route::View("accounts".into(), r.account_id.clone()).href()>{row_name(&app, &r)}</a></th>
                            {months.into_iter().map(|v| view! { <td class="bo-num">{(v != 0).then(|| money_cell(&app, v))}</td> }).collect_view()}
                            <td class="bo-num">{money_cell(&app, r.amount)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
                <tfoot>
                    <tr class="bo-report-total">
                        <th scope="row">{app.text("books.total_expenses")}</th>
                        {move || costs.get().totals.into_iter().map(|v| view! { <td class="bo-num">{money_cell(&app, v)}</td> }).collect_view()}
                        <td class="bo-num">{move || money_cell(&app, costs.get().totals.iter().sum())}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
    .into_any()
}

/// The months' totals as bars, each named with its figure for a screen reader and a tooltip.
fn chart(app: AppState, costs: &CostsByMonth, month_name: impl Fn(u32) -> String) -> AnyView {
    const W: i64 = 600;
    const H: i64 = 180;
    let max = costs.totals.iter().copied().max().unwrap_or(0).max(1);
    let bar = W / 12;
    let bars = costs
        .totals
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let h = (v.max(&0) * (H - 20) / max).max(if *v > 0 { 1 } else { 0 });
            let label = format!("{}: {}", month_name(i as u32 + 1), super::fields::money(&app, *v));
            view! {
                <g>
                    <title>{label}</title>
                    <rect x=(i as i64 * bar + 6).to_string() y=(H - 16 - h).to_string() width=(bar - 12).to_string() height=h.to_string() class="bo-chart-bar"/>
                    <text x=(i as i64 * bar + bar / 2).to_string() y=(H - 2).to_string() text-anchor="middle" class="bo-chart-label">{month_name(i as u32 + 1)}</text>
                </g>
            }
        })
        .collect_view();
    let summary = app.t("books.chart_label");
    view! {
        <figure class="bo-chart">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=summary>{bars}</svg>
        </figure>
    }
    .into_any()
}

/// The report's rows for its CSV and workbook: labels as text, amounts as money.
fn report_rows(app: &AppState, report: &'static str, period: Period, table: Table, ledger: Memo<LedgerEq>) -> Report {
    let t = |k: &str| text(app.t(k));
    let head = |keys: &[&str]| keys.iter().map(|k| t(k)).collect::<Vec<Cell>>();
    let mut rows: Vec<Vec<Cell>> = vec![];
    if report == "tax" {
        let s = app.lists.accounts().with_untracked(|a| reports::tax_summary(a, &ledger.get_untracked().0, period.first(), period.last()));
        for (k, v) in [("books.ppn_charged", s.charged), ("books.ppn_paid", s.paid), ("books.ppn_payable", s.payable)] {
            rows.push(vec![t(k), Cell::Money(v)]);
        }
    } else if report == "contacts" {
        rows.push(head(&["inv.contact", "books.income", "books.expenses"]));
        for (name, i, e) in contact_rows(app, &ledger.get_untracked().0, period) {
            rows.push(vec![text(name), Cell::Money(i), Cell::Money(e)]);
        }
    } else if report == "budget" {
        rows.push(head(&["acc.code", "books.account", "budget.planned", "budget.actual", "budget.variance"]));
        for (r, planned, variance) in budget_rows(app, &ledger.get_untracked().0, period) {
            rows.push(vec![text(r.code.clone()), text(r.name.clone()), Cell::Money(planned), Cell::Money(r.amount), Cell::Money(variance)]);
        }
    } else if matches!(report, "ar" | "ap") {
        let aging = aging_rows(app, report == "ar", period.last().min(today()));
        let mut h = head(&["inv.contact"]);
        h.extend(BUCKETS.iter().map(|k| t(k)));
        h.push(t("aging.total"));
        rows.push(h);
        for (name, b) in aging {
            let mut row = vec![text(name)];
            row.extend(b.iter().map(|v| Cell::Money(*v)));
            row.push(Cell::Money(b.iter().sum::<i64>()));
            rows.push(row);
        }
    } else if report == "costs" {
        let year = chrono::Datelike::year(&period.first());
        let costs = app.lists.accounts().with_untracked(|a| reports::costs_by_month(a, &ledger.get_untracked().0, year));
        let mut h = head(&["acc.code", "acc.name"]);
        h.extend((1..=12).map(|m| text(format!("{year}-{m:02}"))));
        h.push(t("books.year_total"));
        rows.push(h);
        for (r, months) in costs.rows {
            let mut row = vec![text(r.code.clone()), text(r.name.clone())];
            row.extend(months.iter().map(|v| Cell::Money(*v)));
            row.push(Cell::Money(r.amount));
            rows.push(row);
        }
    } else {
        rows.push(head(&["acc.code", "books.account", "books.this_period", "books.compared"]));
        let maybe = |v: Option<i64>| v.map_or(Cell::Empty, Cell::Money);
        for s in table.sections {
            rows.push(vec![Cell::Empty, t(s.title), Cell::Empty, Cell::Empty]);
            for (r, then) in s.rows {
                rows.push(vec![text(r.code.clone()), text(row_name(app, &r)), Cell::Money(r.amount), maybe(then)]);
            }
            rows.push(vec![Cell::Empty, t(s.total.0), Cell::Money(s.total.1), maybe(s.total.2)]);
        }
        for (key, now, then) in table.closing {
            rows.push(vec![Cell::Empty, t(key), Cell::Money(now), maybe(then)]);
        }
    }
    // The tax report is labelled figures: no header row.
    Report { rows, headed: report != "tax" }
}

fn export_csv(app: &AppState, report: &'static str, period: Period, table: Table, ledger: Memo<LedgerEq>) {
    let sep = if app.lang.get_untracked() == Lang::Id { b';' } else { b',' };
    let csv = report_rows(app, report, period, table, ledger).csv(sep);
    download(&format!("{report}-{}.csv", period.text()), "text/csv", &csv);
}

fn export_xlsx(app: AppState, report: &'static str, period: Period, table: Table, ledger: Memo<LedgerEq>, title: String) {
    report_rows(&app, report, period, table, ledger).download(app, format!("{report}-{}.xlsx", period.text()), title);
}

/// PPN charged and paid over the period, and what is left to pay the tax office.
fn tax_view(app: AppState, ledger: Memo<LedgerEq>, period: Period) -> AnyView {
    let t = Memo::new(move |_| app.lists.accounts().with(|a| reports::tax_summary(a, &ledger.read().0, period.first(), period.last())));
    view! {
        <div class="bo-table-wrap" tabindex="0">
            <table class="bo-table bo-report">
                <tbody>
                    <tr><th scope="row">{app.text("books.ppn_charged")}</th><td class="bo-num">{move || money_cell(&app, t.get().charged)}</td></tr>
                    <tr><th scope="row">{app.text("books.ppn_paid")}</th><td class="bo-num">{move || money_cell(&app, t.get().paid)}</td></tr>
                </tbody>
                <tfoot>
                    <tr class="bo-report-total">
                        <th scope="row">{move || app.t(if t.get().payable < 0 { "books.ppn_credit" } else { "books.ppn_payable" })}</th>
                        <td class="bo-num">{move || money_cell(&app, t.get().payable)}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
    .into_any()
}

fn contact_rows(app: &AppState, ledger: &crate::domain::finance::ledger::Ledger, period: Period) -> Vec<(String, i64, i64)> {
    let rows =
        app.lists.accounts().with(|a| app.lists.entries().with(|e| reports::by_contact(a, e, ledger, period.first(), period.last())));
    rows.into_iter()
        .map(|(c, i, e)| {
            let name = super::fields::party_name(app, &c).unwrap_or(c);
            (name, i, e)
        })
        .collect()
}

/// Income from and expenses with each contact over the period.
fn contacts_view(app: AppState, ledger: Memo<LedgerEq>, period: Period) -> AnyView {
    let rows = Memo::new(move |_| contact_rows(&app, &ledger.read().0, period));
    view! {
        <div class="bo-table-wrap" tabindex="0">
            <table class="bo-table bo-report">
                <thead><tr>
                    <th scope="col">{app.text("inv.contact")}</th>
                    <th scope="col" class="bo-num">{app.text("books.income")}</th>
                    <th scope="col" class="bo-num">{app.text("books.expenses")}</th>
                </tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|(name, i, e)| view! {
                        <tr><th scope="row">{name}</th><td class="bo-num">{(i != 0).then(|| money_cell(&app, i))}</td><td class="bo-num">{(e != 0).then(|| money_cell(&app, e))}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <Show when=move || rows.with(Vec::is_empty)>
            <p class="bo-empty">{app.text("books.empty")}</p>
        </Show>
    }
    .into_any()
}

/// A month's depreciation of the asset register, recorded in the books in one click.
fn depreciation_card(app: AppState, period: Period) -> AnyView {
    let Period::Month(year, month) = period else { return ().into_any() };
    let source = crate::domain::finance::entries::depreciation_source(year, month);
    let made = Memo::new(move |_| {
        app.lists.entries().with(|all| all.iter().find(|e| e.is_live() && e.source == source).map(|e| e.meta.id.clone()))
    });
    let entry = Memo::new(move |_| {
        app.lists.accounts().with(|a| app.lists.assets().with(|s| crate::domain::finance::entries::depreciation(a, s, year, month)))
    });
    let record = move |_| match entry.get_untracked() {
        Ok(Some(e)) => {
            if let Some((_, key)) = super::collection::UiEntity::check(&e, &app).first() {
                app.error(app.t(key).into());
            } else if super::collection::save_record(&app, e).is_ok() {
                app.info(app.t("books.depreciation_recorded").into());
            }
        }
        Ok(None) => {}
        Err(code) => app.error(app.tf("journal.missing_account", &[("code", code.to_string())])),
    };
    view! {
        {move || match (made.get(), entry.get()) {
            (Some(id), _) => Some(view! {
                <p class="bo-hint bo-no-print"><a href=Route::View("entries".into(), id).href()>{app.text("books.depreciation_made")}</a></p>
            }.into_any()),
            (None, Ok(Some(e))) if app.read_only.get().is_none() => {
                let amount = e.lines.first().map_or(0, |l| l.amount);
                Some(view! {
                    <div class="bo-card bo-no-print">
                        <p>{app.tf("books.depreciation_due", &[("amount", super::fields::money(&app, amount)), ("month", period.label(app.lang.get()))])}</p>
                        <button type="button" class="bo-btn" on:click=record>{app.text("books.depreciation_record")}</button>
                    </div>
                }.into_any())
            }
            _ => None,
        }}
    }
    .into_any()
}

/// (account row with what happened, budget, budget less actual), by code.
fn budget_rows(app: &AppState, ledger: &crate::domain::finance::ledger::Ledger, period: Period) -> Vec<(Row, i64, i64)> {
    app.lists.accounts().with(|a| {
        app.lists.budgets().with(|b| {
            crate::domain::finance::budgets::budget_vs_actual(a, b, ledger, period)
                .into_iter()
                .map(|(r, planned)| {
                    let variance = planned - r.amount;
                    (r, planned, variance)
                })
                .collect()
        })
    })
}

/// Each budgeted account over the period: budget, actual, the difference and how much of
/// the budget is used.
fn budget_view(app: AppState, ledger: Memo<LedgerEq>, period: Period) -> AnyView {
    let rows = Memo::new(move |_| budget_rows(&app, &ledger.read().0, period));
    view! {
        <div class="bo-table-wrap" tabindex="0">
            <table class="bo-table bo-report">
                <thead><tr>
                    <th scope="col">{app.text("books.account")}</th>
                    <th scope="col" class="bo-num">{app.text("budget.planned")}</th>
                    <th scope="col" class="bo-num">{app.text("budget.actual")}</th>
                    <th scope="col" class="bo-num">{app.text("budget.variance")}</th>
                    <th scope="col" class="bo-num">{app.text("budget.used")}</th>
                </tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|(r, planned, variance)| {
                        let used = if planned == 0 { String::new() } else { format!("{} %", r.amount * 100 / planned) };
                        view! {
                            <tr>
                                <th scope="row"><a href=Route::View("accounts".into(), r.account_id.clone()).href()>{row_name(&app, &r)}</a></th>
                                <td class="bo-num">{money_cell(&app, planned)}</td>
                                <td class="bo-num">{money_cell(&app, r.amount)}</td>
                                <td class="bo-num">{money_cell(&app, variance)}</td>
                                <td class="bo-num">{used}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <Show when=move || rows.with(Vec::is_empty)>
            <p class="bo-empty">{app.text("budget.none")}</p>
        </Show>
    }
    .into_any()
}

/// (contact's name, what is open in each bucket), the most owed first.
fn aging_rows(app: &AppState, sale: bool, at: chrono::NaiveDate) -> Vec<(String, [i64; 5])> {
    let rows = app.lists.invoices().with(|inv| app.lists.entries().with(|e| aging(inv, e, sale, at)));
    rows.into_iter()
        .map(|(contact, b)| {
            let name = super::fields::party_name(app, &contact).unwrap_or(contact);
            (name, b)
        })
        .collect()
}

/// Receivables (what customers owe) or payables (what the office owes) at a date, by how
/// long past due.
fn aging_view(app: AppState, sale: bool, at: chrono::NaiveDate) -> AnyView {
    let rows = Memo::new(move |_| aging_rows(&app, sale, at));
    let totals = move || {
        rows.with(|r| {
            let mut t = [0i64; 5];
            for (_, b) in r {
                for (x, v) in t.iter_mut().zip(b) {
                    *x += v;
                }
            }
            t
        })
    };
    view! {
        <div class="bo-table-wrap" tabindex="0">
            <table class="bo-table bo-report">
                <thead><tr>
                    <th scope="col">{app.text("inv.contact")}</th>
                    {BUCKETS.iter().map(|k| view! { <th scope="col" class="bo-num">{app.text(k)}</th> }).collect_view()}
                    <th scope="col" class="bo-num">{app.text("aging.total")}</th>
                </tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|(name, b)| view! {
                        <tr>
                            <th scope="row">{name}</th>
                            {b.into_iter().map(|v| view! { <td class="bo-num">{(v != 0).then(|| money_cell(&app, v))}</td> }).collect_view()}
                            <td class="bo-num">{money_cell(&app, b.iter().sum())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
                <tfoot>
                    <tr class="bo-report-total">
                        <th scope="row">{app.text("aging.total")}</th>
                        {move || totals().into_iter().map(|v| view! { <td class="bo-num">{money_cell(&app, v)}</td> }).collect_view()}
                        <td class="bo-num">{move || money_cell(&app, totals().iter().sum())}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
        <Show when=move || rows.with(Vec::is_empty)>
            <p class="bo-empty">{app.text(if sale { "aging.none_ar" } else { "aging.none_ap" })}</p>
        </Show>
    }
    .into_any()
}

/// Closing the books up to a date: entries on or before it can then only be reversed.
fn close_books(app: AppState) -> AnyView {
    let date = RwSignal::new(closed_to(&app).map(crate::domain::dates::date_text).unwrap_or_default());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = date.get_untracked();
        if !text.is_empty() && crate::domain::record::parse_date(&text).is_none() {
            app.error(app.t("err.date").into());
            return;
        }
        let mut s = app.settings.get_untracked();
        s.books_closed_to = text.clone();
        if app.save_settings(s).is_ok() {
            app.info(if text.is_empty() {
                app.t("books.reopened").into()
            } else {
                app.tf("books.closed", &[("date", super::fields::day(&app, &text))])
            });
        }
    };
    view! {
        <form class="bo-card bo-no-print" on:submit=save>
            <h2>{app.text("books.close_title")}</h2>
            <p class="bo-hint">{app.text("books.close_intro")}</p>
            <div class="bo-toolbar">
                <label for="bo-closed-to">{app.text("books.closed_to")}</label>
                <input id="bo-closed-to" type="date" prop:value=move || date.get() on:change=move |ev| date.set(event_target_value(&ev))/>
                <button type="submit" class="bo-btn">{app.text("books.close_button")}</button>
            </div>
        </form>
    }
    .into_any()
}
