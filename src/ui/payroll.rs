//! Payroll's lists and pages: pay structures and adjustments started from an employee,
//! rate sets, runs (their page is in `payroll_run`), payslips that can only be read, and the
//! year's figures per employee for the annual withholding slips.
use chrono::Datelike;
use leptos::prelude::*;

use crate::domain::payroll::bank::same_bank;
use crate::domain::payroll::month::{self, Books, YearSummary};
use crate::domain::payroll::records::{month_bounds, month_text, rates_on};
use crate::domain::payroll::{tax, BankLayout, PayAdjustment, PayRates, PayStructure, PayrollRun, Payslip};
use crate::domain::record::FieldError;

use super::calendar::today;
use super::collection::UiEntity;
use super::fields::money;
use super::files::download;
use super::pages::RecordPages;
use super::people::employee;
use super::records::{csv_tools, form_page_with, list_page, not_found};
use super::router::Route;
use super::state::{use_app, AppState};
use super::widgets::PageHead;
use crate::domain::payroll::records::RunKind;

impl UiEntity for PayRates {
    const PLURAL: &'static str = "nav.pay_rates";
    const NEW: &'static str = "rates.new";
    const EMPTY: &'static str = "rates.empty";
}

impl UiEntity for PayStructure {
    const PLURAL: &'static str = "nav.pay";
    const NEW: &'static str = "pay.new";
    const EMPTY: &'static str = "pay.empty";
}

impl UiEntity for PayAdjustment {
    const PLURAL: &'static str = "nav.pay_adjustments";
    const NEW: &'static str = "adj.new";
    const EMPTY: &'static str = "adj.empty";
    /// A month already posted is closed: the correction goes in a later month.
    fn check(&self, app: &AppState) -> Vec<FieldError> {
        let closed = app.lists.payroll_runs().with_untracked(|runs| {
            runs.iter().any(|r| r.meta.deleted_at.is_none() && r.is_posted() && r.kind == RunKind::Regular && r.month == self.month)
        });
        if closed {
            vec![("month", "err.month_posted")]
        } else {
            vec![]
        }
    }
}

impl UiEntity for BankLayout {
    const PLURAL: &'static str = "nav.bank_layouts";
    const NEW: &'static str = "blay.new";
    const EMPTY: &'static str = "blay.empty";
    /// One layout a bank: each employee is paid in one file.
    fn check(&self, app: &AppState) -> Vec<FieldError> {
        let twin = app.lists.bank_layouts().with_untracked(|all| {
            all.iter().any(|l| l.meta.id != self.meta.id && l.meta.deleted_at.is_none() && same_bank(&l.bank, &self.bank))
        });
        if twin {
            vec![("bank", "err.bank_twice")]
        } else {
            vec![]
        }
    }
}

impl UiEntity for PayrollRun {
    const PLURAL: &'static str = "nav.payroll_runs";
    const NEW: &'static str = "run.new";
    const EMPTY: &'static str = "run.empty";
    /// One regular run a month; a posted run never changes.
    fn check(&self, app: &AppState) -> Vec<FieldError> {
        app.lists.payroll_runs().with_untracked(|runs| {
            let mut errs = vec![];
            if runs.iter().any(|r| r.meta.id == self.meta.id && r.is_posted()) {
                errs.push(("month", "err.run_posted"));
            }
            let twin = |r: &&PayrollRun| r.meta.id != self.meta.id && r.meta.deleted_at.is_none() && r.month == self.month;
            if self.kind == RunKind::Regular && runs.iter().filter(twin).any(|r| r.kind == RunKind::Regular) {
                errs.push(("month", "err.run_exists"));
            }
            errs
        })
    }
}

impl UiEntity for Payslip {
    const PLURAL: &'static str = "nav.payslips";
    const NEW: &'static str = "slip.new";
    const EMPTY: &'static str = "slip.empty";
}

/// Links between payroll's lists, on each of their pages.
fn payroll_links() -> AnyView {
    let app = use_app();
    let link = |route: Route, key: &'static str| view! { <a class="bo-btn" href=route.href()>{app.text(key)}</a> };
    view! {
        {link(Route::List("payroll_runs".into()), "nav.payroll_runs")}
        {link(Route::List("pay".into()), "nav.pay")}
        {link(Route::List("pay_adjustments".into()), "nav.pay_adjustments")}
        {link(Route::List("pay_rates".into()), "nav.pay_rates")}
        {link(Route::List("bank_layouts".into()), "nav.bank_layouts")}
        {link(Route::List("payslips".into()), "nav.payslips")}
        {link(Route::PayrollYear(String::new()), "pay.year")}
    }
    .into_any()
}

fn this_month() -> String {
    let t = today();
    month_text(t.year(), t.month())
}

impl RecordPages for PayRates {
    fn list() -> AnyView {
        list_page::<PayRates>("pay_rates", view! { {payroll_links()} {csv_tools::<PayRates>("pay_rates")} }.into_any())
    }
    /// A new set starts from the one in force today (or the shipped values): usually one
    /// figure changes.
    fn create(_: Option<String>) -> AnyView {
        use crate::domain::record::Entity;
        let app = use_app();
        let base = app.lists.pay_rates().with_untracked(|all| {
            all.iter()
                .filter(|r| r.meta.deleted_at.is_none())
                .filter(|r| r.from.is_some_and(|d| d <= today()))
                .max_by(|a, b| a.from.cmp(&b.from))
                .cloned()
                .unwrap_or_else(PayRates::shipped)
        });
        let prefill = PayRates::fields().iter().filter(|f| f.key != "from").map(|f| (f.key, base.get(f.key))).collect();
        form_page_with::<PayRates>("pay_rates", None, prefill)
    }
}

impl RecordPages for BankLayout {
    fn list() -> AnyView {
        let app = use_app();
        list_page::<BankLayout>(
            "bank_layouts",
            view! {
                {payroll_links()}
                <p class="bo-hint">{app.text("blay.hint")}</p>
                {csv_tools::<BankLayout>("bank_layouts")}
            }
            .into_any(),
        )
    }
}

impl RecordPages for PayStructure {
    fn list() -> AnyView {
        list_page::<PayStructure>("pay", view! { {payroll_links()} {csv_tools::<PayStructure>("pay")} }.into_any())
    }
    /// `#/pay/new/<employee id>`: from the employee's page, effective this month.
    fn create(employee: Option<String>) -> AnyView {
        let first = month_bounds(today().year(), today().month()).map(|(f, _)| crate::domain::dates::date_text(f)).unwrap_or_default();
        let mut prefill = vec![("from", first)];
        prefill.extend(employee.map(|id| ("employee_id", id)));
        form_page_with::<PayStructure>("pay", None, prefill)
    }
}

impl RecordPages for PayAdjustment {
    fn list() -> AnyView {
        list_page::<PayAdjustment>(
            "pay_adjustments",
            view! { {payroll_links()} {csv_tools::<PayAdjustment>("pay_adjustments")} }.into_any(),
        )
    }
    fn create(employee: Option<String>) -> AnyView {
        let mut prefill = vec![("month", this_month()), ("taxable", "1".into())];
        prefill.extend(employee.map(|id| ("employee_id", id)));
        form_page_with::<PayAdjustment>("pay_adjustments", None, prefill)
    }
}

impl RecordPages for PayrollRun {
    fn list() -> AnyView {
        list_page::<PayrollRun>("payroll_runs", payroll_links())
    }
    /// This month's regular run, paid on the 25th (or the month's last day before it).
    fn create(_: Option<String>) -> AnyView {
        let t = today();
        let paid = chrono::NaiveDate::from_ymd_opt(t.year(), t.month(), 25).unwrap_or(t);
        form_page_with::<PayrollRun>(
            "payroll_runs",
            None,
            vec![("month", this_month()), ("paid_on", crate::domain::dates::date_text(paid))],
        )
    }
    /// A posted run is locked: its page instead of a form.
    fn edit(id: String) -> AnyView {
        let app = use_app();
        let posted = app.lists.payroll_runs().with_untracked(|all| all.iter().any(|r| r.meta.id == id && r.is_posted()));
        if posted {
            super::payroll_run::run_page(id)
        } else {
            form_page_with::<PayrollRun>("payroll_runs", Some(id), vec![])
        }
    }
    fn view(id: String) -> AnyView {
        super::payroll_run::run_page(id)
    }
    fn import() -> AnyView {
        not_found()
    }
}

/// Payslips are written by posting a run and never edited: a correction is an adjustment in
/// a later month.
impl RecordPages for Payslip {
    fn list() -> AnyView {
        list_page::<Payslip>("payslips", payroll_links())
    }
    fn create(_: Option<String>) -> AnyView {
        not_found()
    }
    fn edit(id: String) -> AnyView {
        super::payroll_run::payslip_page(id)
    }
    fn view(id: String) -> AnyView {
        super::payroll_run::payslip_page(id)
    }
    fn import() -> AnyView {
        not_found()
    }
}

/// The lists a run reads, as they are now.
pub fn with_books<T>(app: &AppState, f: impl FnOnce(&Books) -> T) -> T {
    let l = &app.lists;
    l.employees().with(|employees| {
        l.pay().with(|pay| {
            l.pay_adjustments().with(|adjustments| {
                l.attendance().with(|attendance| {
                    l.leave().with(|leave| {
                        l.payroll_runs().with(|runs| {
                            l.payslips().with(|payslips| {
                                l.employee_changes()
                                    .with(|changes| f(&Books { employees, pay, adjustments, attendance, leave, runs, payslips, changes }))
                            })
                        })
                    })
                })
            })
        })
    })
}

/// A year's row: the summary and the reconciliation figures as the withholding slip shows them.
#[derive(Clone, PartialEq)]
struct YearRow {
    name: String,
    tax_id: String,
    summary: YearSummary,
    annual: tax::Annual,
}

fn year_rows(app: &AppState, year: i32) -> Vec<YearRow> {
    let rates = app.lists.pay_rates().with(|all| rates_on(all, chrono::NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_else(today)));
    let Ok(rates) = rates else { return vec![] };
    let summaries = with_books(app, |b| month::year_summaries(b, year));
    summaries
        .into_iter()
        .map(|s| {
            let e = employee(app, &s.employee_id);
            let ptkp = e.as_ref().and_then(|e| tax::ptkp_amount(&rates, e.ptkp.code())).unwrap_or(0);
            let months = e.as_ref().map_or(12, |e| crate::domain::payroll::run::months_employed(e, year, 12));
            let mut annual = tax::annual(&rates, s.gross, s.contributions, s.zakat, months, ptkp);
            annual.tax = tax::with_surcharge(&rates, annual.tax, e.as_ref().is_some_and(crate::domain::payroll::run::has_tax_id));
            YearRow {
                name: e.as_ref().map(|e| e.name.clone()).unwrap_or_default(),
                tax_id: e.as_ref().map(|e| if e.npwp.is_empty() { e.nik.clone() } else { e.npwp.clone() }).unwrap_or_default(),
                summary: s,
                annual,
            }
        })
        .collect()
}

/// `#/payroll-year/2026`: each employee's year from posted payslips, with the figures the
/// annual withholding slip (1721-A1) asks for; printable and as CSV.
pub fn year_page(y: String) -> AnyView {
    let app = use_app();
    let year: i32 = y.parse().ok().filter(|y| (1900..=9999).contains(y)).unwrap_or_else(|| today().year());
    let rows = Memo::new(move |_| {
        app.lang.track();
        year_rows(&app, year)
    });
    let columns: [&'static str; 13] = [
        "year.months",
        "year.earnings",
        "year.thr",
        "year.benefits",
        "year.gross",
        "year.position_cost",
        "year.contributions",
        "year.zakat",
        "year.net",
        "year.ptkp",
        "year.pkp",
        "year.tax_due",
        "year.tax_withheld",
    ];
    let values = |r: &YearRow| -> [i64; 13] {
        let (s, a) = (&r.summary, &r.annual);
        [
            s.months as i64,
            s.earnings,
            s.thr,
            s.benefits,
            s.gross,
            a.position_cost,
            a.contributions,
            a.zakat,
            a.net,
            a.ptkp,
            a.pkp,
            a.tax,
            s.tax,
        ]
    };
    // The year's rows for its CSV and workbook: the number of months a count, figures money.
    let report = move || {
        use super::xlsx::text;
        use crate::domain::xlsx::Cell;
        let mut head = vec![text(app.t("slip.employee")), text(app.t("year.tax_id"))];
        head.extend(columns.iter().map(|k| text(app.t(k))));
        let mut all = vec![head];
        for r in rows.get_untracked() {
            let mut row = vec![text(r.name.clone()), text(r.tax_id.clone())];
            row.extend(values(&r).iter().enumerate().map(|(i, v)| if i == 0 { Cell::Integer(*v) } else { Cell::Money(*v) }));
            all.push(row);
        }
        super::xlsx::Report { rows: all, headed: true }
    };
    let export = move |_| {
        let sep = if app.lang.get_untracked() == crate::domain::format::Lang::Id { b';' } else { b',' };
        download(&format!("pph21-{year}.csv"), "text/csv", &report().csv(sep));
    };
    let workbook = move |_| report().download(app, format!("pph21-{year}.xlsx"), app.tf("year.title", &[("year", year.to_string())]));
    view! {
        <PageHead title=Signal::derive(move || app.tf("year.title", &[("year", year.to_string())]))>
            <a class="bo-btn" href=Route::PayrollYear((year - 1).to_string()).href()>{move || (year - 1).to_string()}</a>
            <a class="bo-btn" href=Route::PayrollYear((year + 1).to_string()).href()>{move || (year + 1).to_string()}</a>
            <button type="button" class="bo-btn" on:click=export>{app.text("year.export")}</button>
            <button type="button" class="bo-btn" on:click=workbook>{app.text("list.export_xlsx")}</button>
            <button type="button" class="bo-btn" on:click=move |_| { let _ = window().print(); }>{app.text("action.print")}</button>
        </PageHead>
        <p class="bo-hint">{app.text("year.intro")}</p>
        <div class="bo-table-wrap" tabindex="0" role="region" aria-label=app.title("year.by_employee")>
            <table class="bo-table">
                <thead><tr>
                    <th scope="col">{app.text("slip.employee")}</th>
                    {columns.iter().map(|k| view! { <th scope="col" class="bo-num">{app.text(k)}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    <For each=move || rows.get().into_iter().enumerate() key=|(i, r)| (*i, r.summary.clone()) let((_, r))>
                        <tr>
                            <th scope="row">{r.name.clone()}<br/><small>{r.tax_id.clone()}</small></th>
                            {values(&r).into_iter().enumerate().map(|(i, v)| view! {
                                <td class="bo-num">{move || if i == 0 { v.to_string() } else { money(&app, v) }}</td>
                            }).collect_view()}
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
        <Show when=move || rows.with(Vec::is_empty)>
            <p class="bo-empty">{app.text("year.empty")}</p>
        </Show>
        {month_table(app, year)}
    }
    .into_any()
}

/// The year month by month, every run of a month together: what was paid out and what is
/// owed to BPJS and the tax office for each month.
fn month_table(app: AppState, year: i32) -> AnyView {
    let months = Memo::new(move |_| with_books(&app, |b| month::months_of_year(b, year)));
    let columns: [&'static str; 8] = [
        "run.total_gross",
        "run.total_net",
        "run.total_kesehatan",
        "run.total_jht",
        "run.total_jp",
        "run.total_jkk",
        "run.total_jkm",
        "run.total_tax",
    ];
    view! {
        <h2>{app.text("year.by_month")}</h2>
        <div class="bo-table-wrap" tabindex="0" role="region" aria-label=app.title("year.by_month")>
            <table class="bo-table">
                <thead><tr>
                    <th scope="col">{app.text("slip.month")}</th>
                    {columns.iter().map(|k| view! { <th scope="col" class="bo-num">{app.text(k)}</th> }).collect_view()}
                </tr></thead>
                <tbody>
                    {move || months.get().into_iter().map(|(m, t)| {
                        let name = chrono::NaiveDate::from_ymd_opt(year, m, 1).map(|d| crate::domain::format::month_year(d, app.lang.get())).unwrap_or_default();
                        view! {
                            <tr>
                                <th scope="row">{name}</th>
                                {[t.gross, t.net, t.kesehatan, t.jht, t.jp, t.jkk, t.jkm, t.tax].into_iter().map(|v| view! { <td class="bo-num">{money(&app, v)}</td> }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
