//! A payroll run's page: every employee's pay computed live while the run is a draft or
//! reviewed, frozen into payslips when it is posted; who cannot be paid and why; warnings a
//! clerk checks; the month's totals; payslips printed one by one or all at once (A4 or A5);
//! the bank transfer file.
use leptos::prelude::*;

use crate::domain::format::{long_date, month_year, Lang};
use crate::domain::payroll::bank::{self, transfer_groups};
use crate::domain::payroll::month::{self, figures, month_totals, MonthTotals, PostProblem, RunResult};
use crate::domain::payroll::records::{parse_month, rates_on};
use crate::domain::payroll::run::{Arg, Group, Line, Refusal, Warning};
use crate::domain::payroll::slip::parse_lines;
use crate::domain::payroll::{BankLayout, PayrollRun, Payslip};

use super::calendar::today;
use super::collection::{save_record, save_records, trash_record};
use super::fields::{day_of, money};
use super::files::download;
use super::leave::work_calendar;
use super::payroll::with_books;
use super::people::employee;
use super::records::not_found;
use super::router::{navigate, Route};
use super::state::{now, use_app, AppState};
use super::widgets::PageHead;
use crate::domain::payroll::records::RunKind;
use crate::domain::payroll::records::RunStatus;

/// What the page shows for a run: the payslips (computed, or stored once posted), warnings
/// by employee, and who is left out.
#[derive(Clone, Default, PartialEq)]
struct Shown {
    slips: Vec<Payslip>,
    warnings: Vec<(String, Warning)>,
    refused: Vec<(String, Refusal)>,
    rates_problem: bool,
}

fn compute(app: &AppState, run: &PayrollRun) -> Shown {
    if run.is_posted() {
        let slips = app
            .lists
            .payslips()
            .with(|all| all.iter().filter(|p| p.run_id == run.meta.id && p.meta.deleted_at.is_none()).cloned().collect());
        return Shown { slips, ..Default::default() };
    }
    let Some((y, m)) = parse_month(&run.month) else { return Shown::default() };
    let day = run.paid_on.or_else(|| chrono::NaiveDate::from_ymd_opt(y, m, 1)).unwrap_or_else(today);
    let Ok(rates) = app.lists.pay_rates().with(|all| rates_on(all, day)) else {
        return Shown { rates_problem: true, ..Default::default() };
    };
    // On the area's first screen the lists are read from the store here, timed apart
    // (`bo:list:…`); `bo:payroll` is the run's computation.
    with_books(app, |_| ());
    super::perf::timed("bo:payroll", || {
        let cal = work_calendar(app);
        let result: RunResult = with_books(app, |b| month::compute_run(run, b, &rates, &cal));
        let warnings = result.slips.iter().flat_map(|s| s.warnings.iter().map(|w| (s.employee_id.clone(), w.clone()))).collect();
        let slips = app.lists.employees().with(|all| month::payslips(run, &result, all, now()));
        Shown { slips, warnings, refused: result.refused, rates_problem: false }
    })
}

fn name_of(app: &AppState, id: &str) -> String {
    employee(app, id).map(|e| e.name).unwrap_or_else(|| "—".into())
}

fn run_title(app: &AppState, run: &PayrollRun) -> String {
    let month = month_name(app, run);
    if run.kind == RunKind::Thr {
        app.tf("run.thr_title", &[("holiday", run.holiday.clone()), ("month", month)])
    } else {
        app.tf("run.title", &[("month", month)])
    }
}

fn set_status(app: AppState, run: PayrollRun, status: RunStatus) {
    let mut r = run;
    r.status = status;
    if save_record(&app, r).is_ok() {
        app.info(app.t(if status == RunStatus::Reviewed { "run.reviewed" } else { "run.back_to_draft" }).into());
    }
}

/// Posting freezes the payslips, then the run. Everything is read again from what is stored
/// (another tab, or a run restored from the trash, may have changed it since the page was
/// drawn). Payslips are named by run and employee, so a post cut short and done again
/// replaces them, and moves to the trash those it left for employees no longer paid.
fn post(app: AppState, run: PayrollRun) {
    let Some(run) = app.lists.payroll_runs().with_untracked(|all| all.iter().find(|r| r.meta.id == run.meta.id).cloned()) else { return };
    let Some((y, m)) = parse_month(&run.month) else { return };
    let day = run.paid_on.or_else(|| chrono::NaiveDate::from_ymd_opt(y, m, 1)).unwrap_or_else(today);
    let Ok(rates) = app.lists.pay_rates().with_untracked(|all| rates_on(all, day)) else {
        app.error(app.t("run.rates_problem").into());
        return;
    };
    let cal = work_calendar(&app);
    let result = with_books(&app, |b| month::compute_run(&run, b, &rates, &cal));
    let problems = with_books(&app, |b| month::post_problems(&run, b, &result));
    let names = |ids: &[String]| ids.iter().map(|id| name_of(&app, id)).collect::<Vec<_>>().join(", ");
    if let Some(p) = problems.first() {
        let text = match p {
            PostProblem::AlreadyPosted => app.t("run.already_posted").to_string(),
            PostProblem::TwiceInMonth => app.t("err.run_exists").to_string(),
            PostProblem::Refused(who) => {
                let named: Vec<String> = who.iter().map(|(id, why)| format!("{} ({})", name_of(&app, id), app.t(why.key()))).collect();
                app.tf("run.cannot_post", &[("names", named.join(", "))])
            }
            PostProblem::Negative(ids) => app.tf("run.cannot_post_negative", &[("names", names(ids))]),
        };
        app.error(text);
        return;
    }
    let unposted = with_books(&app, |b| month::unposted_months(&run, b));
    let confirm = if m == 12 && !unposted.is_empty() {
        format!("{}\n\n{}", app.tf("run.unposted_months", &[("months", months_text(&app, y, &unposted))]), app.t("run.confirm_post"))
    } else {
        app.t("run.confirm_post").to_string()
    };
    if !window().confirm_with_message(&confirm).unwrap_or(false) {
        return;
    }
    let fresh = app.lists.employees().with_untracked(|all| month::payslips(&run, &result, all, now()));
    let slips = with_books(&app, |b| month::payslips_to_post(&run, b, fresh, now()));
    if save_records(&app, slips).is_err() {
        return;
    }
    let mut r = run;
    r.status = RunStatus::Posted;
    r.posted_on = crate::domain::dates::date_text(today());
    if save_record(&app, r).is_ok() {
        app.info(app.t("run.posted").into());
    }
}

/// Month names of `year`: "Januari, Februari".
fn months_text(app: &AppState, year: i32, months: &[u32]) -> String {
    months
        .iter()
        .filter_map(|m| chrono::NaiveDate::from_ymd_opt(year, *m, 1))
        .map(|d| month_year(d, app.lang.get()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Downloads the transfer file of `slips`: in `layout` (a bank's own) or in the Settings'
/// layout.
fn bank_file(app: AppState, run: &PayrollRun, layout: Option<&BankLayout>, slips: &[&Payslip]) {
    let s = app.settings.get_untracked();
    let (columns, header) = layout.map_or((s.bank_layout.as_str(), s.bank_header), |l| (l.columns.as_str(), l.header));
    let paid = run.paid_on.or_else(|| pay_day_default(&run.month)).unwrap_or_else(today);
    let note =
        if run.kind == RunKind::Thr { format!("THR {}", run.holiday) } else { app.tf("run.bank_note", &[("month", run.month.clone())]) };
    match app.lists.employees().with_untracked(|all| bank::bank_file(columns, header, slips, all, &note, paid)) {
        Ok(text) => {
            // transfer-2026-01-thr-bca.csv: the bank's name kept to letters and digits.
            let bank: String =
                layout.map(|l| crate::text::lower(&l.bank)).unwrap_or_default().chars().filter(char::is_ascii_alphanumeric).collect();
            let name = format!(
                "transfer-{}{}{}.csv",
                run.month,
                if run.kind == RunKind::Thr { "-thr" } else { "" },
                if bank.is_empty() { String::new() } else { format!("-{bank}") }
            );
            download(&name, "text/csv", &text)
        }
        Err(col) => app.error(app.tf("run.bank_layout_bad", &[("column", col)])),
    }
}

/// A button for each transfer file of a posted run: a bank with a layout of its own, then
/// everyone else in the Settings' layout.
fn bank_buttons(app: AppState, run: PayrollRun, shown: Memo<Shown>) -> impl IntoView {
    move || {
        let layouts = app.lists.bank_layouts().get();
        shown.with(|s| {
            let groups = transfer_groups(&s.slips, &layouts);
            let per_bank = groups.iter().any(|(l, _)| l.is_some());
            groups
                .iter()
                .map(|(layout, slips)| {
                    let n = slips.len().to_string();
                    let label = match layout {
                        Some(l) => app.tf("run.bank_file_for", &[("bank", l.bank.trim().to_string()), ("n", n)]),
                        None if per_bank => app.tf("run.bank_file_rest", &[("n", n)]),
                        None => app.t("run.bank_file").to_string(),
                    };
                    let (run, layout, ids) = (run.clone(), layout.cloned(), slips.iter().map(|p| p.meta.id.clone()).collect::<Vec<_>>());
                    view! {
                        <button type="button" class="bo-btn bo-btn-primary" on:click=move |_| {
                            shown.with_untracked(|s| {
                                let slips: Vec<&Payslip> = s.slips.iter().filter(|p| ids.contains(&p.meta.id)).collect();
                                bank_file(app, &run, layout.as_ref(), &slips)
                            })
                        }>{label}</button>
                    }
                })
                .collect_view()
        })
    }
}

fn warning_text(app: &AppState, w: &Warning) -> String {
    match w {
        Warning::NegativeNet => app.t("run.warn_negative").to_string(),
        Warning::BigChange(prev, pct) => app.tf("run.warn_change", &[("prev", money(app, *prev)), ("pct", pct.to_string())]),
    }
}

pub fn run_page(id: String) -> AnyView {
    let app = use_app();
    let id2 = id.clone();
    let run = Memo::new(move |_| app.lists.payroll_runs().with(|all| all.iter().find(|r| r.meta.id == id2).cloned()));
    let shown = Memo::new(move |_| run.get().map(|r| compute(&app, &r)).unwrap_or_default());
    let a5 = RwSignal::new(false);
    let body = move || {
        let Some(r) = run.get() else { return not_found() };
        let title = run_title(&app, &r);
        let editable = app.read_only.get().is_none() && r.meta.deleted_at.is_none();
        let status = r.status;
        let (r_review, r_post, r_back, r_bank, r_del) = (r.clone(), r.clone(), r.clone(), r.clone(), r.clone());
        let edit_href = Route::Edit("payroll_runs".into(), r.meta.id.clone()).href();
        view! {
            <div class="bo-no-print">
                <PageHead title=Signal::derive(move || title.clone())>
                    {(editable && status != RunStatus::Posted).then(|| {
                        let id = r_del.meta.id.clone();
                        view! {
                            <button type="button" class="bo-btn bo-btn-danger" on:click=move |_| {
                                if trash_record::<PayrollRun>(&app, &id).is_ok() { navigate(&Route::List("payroll_runs".into())) }
                            }>{app.text("action.delete")}</button>
                        }
                    })}
                    {(editable && status == RunStatus::Draft).then(|| view! {
                        <a class="bo-btn" href=edit_href.clone()>{app.text("action.edit")}</a>
                        <button type="button" class="bo-btn bo-btn-primary" on:click=move |_| set_status(app, r_review.clone(), RunStatus::Reviewed)>{app.text("run.review")}</button>
                    })}
                    {(editable && status == RunStatus::Reviewed).then(|| view! {
                        <button type="button" class="bo-btn" on:click=move |_| set_status(app, r_back.clone(), RunStatus::Draft)>{app.text("run.to_draft")}</button>
                        <button type="button" class="bo-btn bo-btn-primary" on:click=move |_| post(app, r_post.clone())>{app.text("run.post")}</button>
                    })}
                    {(status == RunStatus::Posted).then(|| bank_buttons(app, r_bank.clone(), shown))}
                    <button type="button" class="bo-btn" on:click=move |_| { let _ = window().print(); }>{app.text("run.print_all")}</button>
                    <a class="bo-btn" href=Route::List("payroll_runs".into()).href()>{app.text("action.back")}</a>
                </PageHead>
                {status_card(app, r.clone())}
                {problems(app, shown, r.clone())}
                {slips_table(app, shown, r.is_posted())}
                {totals_card(app, shown)}
                {journal_card(app, shown, r.clone())}
                <fieldset class="bo-inline-choice">
                    <legend>{app.text("run.paper")}</legend>
                    <label><input type="radio" name="paper" prop:checked=move || !a5.get() on:change=move |_| a5.set(false) />" A4"</label>
                    <label><input type="radio" name="paper" prop:checked=move || a5.get() on:change=move |_| a5.set(true) />" A5"</label>
                </fieldset>
            </div>
            <div class="bo-print-only bo-slips" class:bo-slips-a5=move || a5.get()>
                {move || { let r = run.get(); shown.with(|s| r.map(|r| s.slips.iter().map(|p| slip_print(&app, &r, p)).collect_view())) }}
            </div>
        }
        .into_any()
    };
    view! { {body} }.into_any()
}

fn status_card(app: AppState, r: PayrollRun) -> AnyView {
    let status_key = r.status.label_key();
    let posted = r.is_posted();
    view! {
        <section class="bo-card" aria-labelledby="run-h">
            <h2 id="run-h">{app.text(status_key)}</h2>
            <p>{app.t("run.paid_on")}": "{day_of(&app, r.paid_on)}</p>
            <p class="bo-hint">{app.text(if posted { "run.locked" } else { "run.live" })}</p>
        </section>
    }
    .into_any()
}

fn problems(app: AppState, shown: Memo<Shown>, run: PayrollRun) -> AnyView {
    let unposted = match parse_month(&run.month) {
        Some((y, 12)) if !run.is_posted() => {
            let months = with_books(&app, |b| month::unposted_months(&run, b));
            (!months.is_empty()).then(|| months_text(&app, y, &months))
        }
        _ => None,
    };
    view! {
        {unposted.map(|months| view! {
            <p class="bo-banner bo-banner-warn" role="alert">{app.tf("run.unposted_months", &[("months", months)])}</p>
        })}
        {move || shown.with(|s| s.rates_problem.then(|| view! {
            <p class="bo-banner bo-banner-warn" role="alert">
                {app.text("run.rates_problem")}" "<a href=Route::List("pay_rates".into()).href()>{app.text("nav.pay_rates")}</a>
            </p>
        }))}
        {move || shown.with(|s| (!s.refused.is_empty()).then(|| view! {
            <div class="bo-banner bo-banner-warn" role="alert">
                <p>{app.text("run.refused_intro")}</p>
                <ul class="bo-list">
                    {s.refused.iter().map(|(id, why)| {
                        let fix = match why {
                            Refusal::NoPay => Route::NewAt("pay".into(), id.clone()).href(),
                            _ => Route::Edit("employees".into(), id.clone()).href(),
                        };
                        view! { <li><a href=fix>{name_of(&app, id)}</a>": "{app.t(why.key())}</li> }
                    }).collect_view()}
                </ul>
            </div>
        }))}
        {move || shown.with(|s| (!s.warnings.is_empty()).then(|| view! {
            <div class="bo-banner bo-banner-warn" role="status">
                <p>{app.text("run.warnings_intro")}</p>
                <ul class="bo-list">
                    {s.warnings.iter().map(|(id, w)| view! { <li>{name_of(&app, id)}": "{warning_text(&app, w)}</li> }).collect_view()}
                </ul>
            </div>
        }))}
    }
    .into_any()
}

fn totals_card(app: AppState, shown: Memo<Shown>) -> AnyView {
    let totals = Memo::new(move |_| shown.with(|s| month_totals(s.slips.iter())));
    let row = move |key: &'static str, f: fn(&MonthTotals) -> i64| {
        view! { <div class="bo-dl-row"><dt>{app.text(key)}</dt><dd class="bo-num">{move || money(&app, totals.with(f))}</dd></div> }
    };
    view! {
        <section class="bo-card" aria-labelledby="totals-h">
            <h2 id="totals-h">{move || app.tf("run.totals", &[("n", totals.with(|t| t.employees).to_string())])}</h2>
            <dl class="bo-dl bo-dl-wide">
                {row("run.total_gross", |t| t.gross)}
                {row("run.total_net", |t| t.net)}
                {row("run.total_kesehatan", |t| t.kesehatan)}
                {row("run.total_jht", |t| t.jht)}
                {row("run.total_jp", |t| t.jp)}
                {row("run.total_jkk", |t| t.jkk)}
                {row("run.total_jkm", |t| t.jkm)}
                {row("run.total_tax", |t| t.tax)}
            </dl>
        </section>
    }
    .into_any()
}

/// The run's journal for the books, with CSV; once posted, recorded in the books in one
/// click (with the chart's payroll accounts) and linked from here after.
fn journal_card(app: AppState, shown: Memo<Shown>, run: PayrollRun) -> AnyView {
    let lines = Memo::new(move |_| shown.with(|s| month::journal(&month_totals(s.slips.iter()))));
    let month_text = run.month.clone();
    let source = format!("payroll_runs/{}", run.meta.id);
    let in_books = Memo::new(move |_| {
        app.lists.entries().with(|all| all.iter().find(|e| e.is_live() && e.source == source).map(|e| e.meta.id.clone()))
    });
    let posted = run.is_posted();
    let record = move |_| {
        let description = run_title(&app, &run);
        let journal = lines.get_untracked();
        let made = app.lists.accounts().with_untracked(|a| {
            crate::domain::finance::entries::from_payroll(a, &run.meta.id, run.paid_on.unwrap_or_else(today), description, &journal)
        });
        match made {
            Ok(entry) => {
                if super::collection::save_record(&app, entry).is_ok() {
                    app.info(app.t("journal.recorded").into());
                }
            }
            Err(code) => app.error(app.tf("journal.missing_account", &[("code", code.to_string())])),
        }
    };
    // The journal for its CSV and workbook: each line a debit or a credit.
    let report = move || {
        use super::xlsx::text;
        use crate::domain::xlsx::Cell;
        let mut rows = vec![vec![text(app.t("journal.account")), text(app.t("journal.debit")), text(app.t("journal.credit"))]];
        for (key, v) in lines.get_untracked() {
            let (d, c) = if v >= 0 { (Cell::Money(v), Cell::Empty) } else { (Cell::Empty, Cell::Money(-v)) };
            rows.push(vec![text(app.t(key)), d, c]);
        }
        super::xlsx::Report { rows, headed: true }
    };
    let csv_file = format!("jurnal-gaji-{month_text}.csv");
    let export = move |_| {
        let sep = if app.lang.get_untracked() == Lang::Id { b';' } else { b',' };
        download(&csv_file, "text/csv", &report().csv(sep));
    };
    let file = format!("jurnal-gaji-{month_text}.xlsx");
    let workbook = move |_| report().download(app, file.clone(), app.t("journal.title").to_string());
    view! {
        <section class="bo-card" aria-labelledby="journal-h">
            <h2 id="journal-h">{app.text("journal.title")}</h2>
            <div class="bo-table-wrap" tabindex="0"><table class="bo-table">
                <thead><tr>
                    <th scope="col">{app.text("journal.account")}</th>
                    <th scope="col" class="bo-num">{app.text("journal.debit")}</th>
                    <th scope="col" class="bo-num">{app.text("journal.credit")}</th>
                </tr></thead>
                <tbody>
                    {move || lines.get().into_iter().filter(|(_, v)| *v != 0).map(|(key, v)| view! {
                        <tr>
                            <td>{app.t(key)}</td>
                            <td class="bo-num">{(v > 0).then(|| money(&app, v))}</td>
                            <td class="bo-num">{(v < 0).then(|| money(&app, -v))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table></div>
            <div class="bo-actions">
                <button type="button" class="bo-btn" on:click=export>{app.text("journal.export")}</button>
                <button type="button" class="bo-btn" on:click=workbook>{app.text("list.export_xlsx")}</button>
                {move || match in_books.get() {
                    Some(id) => Some(view! { <a class="bo-btn" href=Route::View("entries".into(), id).href()>{app.text("journal.in_books")}</a> }.into_any()),
                    None if posted && app.read_only.get().is_none() => Some(view! {
                        <button type="button" class="bo-btn bo-btn-primary" on:click=record.clone()>{app.text("journal.record")}</button>
                    }.into_any()),
                    None => None,
                }}
            </div>
        </section>
    }
    .into_any()
}

fn slips_table(app: AppState, shown: Memo<Shown>, posted: bool) -> AnyView {
    let rows = move || shown.with(|s| s.slips.clone());
    view! {
        <div class="bo-table-wrap" tabindex="0">
            <table class="bo-table bo-pay-table" aria-label=app.text("run.slips")>
                <thead><tr>
                    <th scope="col">{app.text("slip.employee")}</th>
                    <th scope="col" class="bo-num">{app.text("slip.earnings")}</th>
                    <th scope="col" class="bo-num">{app.text("slip.gross")}</th>
                    <th scope="col" class="bo-num">{app.text("run.bpjs_employee")}</th>
                    <th scope="col" class="bo-num">{app.text("slip.tax")}</th>
                    <th scope="col" class="bo-num">{app.text("slip.other_deductions")}</th>
                    <th scope="col" class="bo-num">{app.text("slip.net")}</th>
                </tr></thead>
                <tbody>
                    <For each=rows key=|p| (p.meta.id.clone(), p.net, p.gross, p.tax) let(p)>
                        <tr>
                            <th scope="row">{
                                let name = name_of(&app, &p.employee_id);
                                // Only a posted run's payslips are stored and have a page.
                                if posted {
                                    view! { <a href=Route::View("payslips".into(), p.meta.id.clone()).href()>{name}</a> }.into_any()
                                } else {
                                    name.into_any()
                                }
                            }</th>
                            {
                                let f = figures(&p);
                                [f.earnings, f.gross, f.kes_employee + f.jht_employee + f.jp_employee, f.tax, f.other_deductions, f.net]
                                    .into_iter()
                                    .map(|v| view! { <td class="bo-num">{move || money(&app, v)}</td> })
                                    .collect_view()
                            }
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// A percentage from hundredths of a percent: "3,7 %".
fn percent(bp: u32, lang: Lang) -> String {
    let whole = bp / 100;
    let frac = format!("{:02}", bp % 100);
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        format!("{whole} %")
    } else {
        format!("{whole}{}{frac} %", lang.decimal_mark())
    }
}

fn hours(minutes: i64, lang: Lang) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m, lang) {
        (h, 0, Lang::Id) => format!("{h} jam"),
        (h, 0, Lang::En) => format!("{h} h"),
        (h, m, Lang::Id) => format!("{h} jam {m} menit"),
        (h, m, Lang::En) => format!("{h} h {m} min"),
    }
}

/// What a line's explanation says, in the reader's language.
fn how(app: &AppState, l: &Line) -> String {
    let key = format!("{}.how", l.key);
    if l.how.is_empty() || !crate::i18n::has(&key) {
        return String::new();
    }
    let lang = app.lang.get();
    let args: Vec<(&str, String)> = l
        .how
        .iter()
        .map(|(name, a)| {
            let v = match a {
                Arg::Money(v) => money(app, *v),
                Arg::Count(v) => v.to_string(),
                Arg::Percent(bp) => percent(*bp, lang),
                Arg::Minutes(m) => hours(*m, lang),
                Arg::HalfDays(h) => crate::domain::leave::days_text(*h as u32, lang.decimal_mark()),
                Arg::Text(t) => t.clone(),
            };
            (*name, v)
        })
        .collect();
    // A prorated basic wage says so; a full month says nothing.
    if l.key == "pay.line.basic" || l.key == "pay.line.fixed" {
        return if args.is_empty() { String::new() } else { app.tf("pay.line.prorated.how", &args) };
    }
    app.tf(&key, &args)
}

fn line_rows(app: &AppState, lines: &[Line], group: Group) -> AnyView {
    lines
        .iter()
        .filter(|l| l.group == group)
        .map(|l| {
            view! {
                <tr>
                    <td>{app.t(l.key)}<br/><small>{how(app, l)}</small></td>
                    <td class="bo-num">{money(app, l.amount)}</td>
                </tr>
            }
        })
        .collect_view()
        .into_any()
}

fn month_name(app: &AppState, run: &PayrollRun) -> String {
    parse_month(&run.month)
        .and_then(|(y, m)| chrono::NaiveDate::from_ymd_opt(y, m, 1))
        .map(|d| month_year(d, app.lang.get()))
        .unwrap_or_else(|| run.month.clone())
}

fn slip_title(app: &AppState, run: &PayrollRun) -> String {
    if run.kind == RunKind::Thr {
        app.tf("slip.thr_title", &[("holiday", run.holiday.clone()), ("month", month_name(app, run))])
    } else {
        app.tf("slip.title", &[("month", month_name(app, run))])
    }
}

/// One payslip as printed: company profile, employee, each line with how it was reached,
/// take-home pay, what the employer paid on top, and how the year's tax was reached.
fn slip_print(app: &AppState, run: &PayrollRun, p: &Payslip) -> AnyView {
    let s = app.settings.get_untracked();
    let e = employee(app, &p.employee_id);
    let lines = if p.lines.is_empty() { vec![] } else { parse_lines(&p.lines) };
    let f = figures(p);
    let has = |g: Group| lines.iter().any(|l| l.group == g);
    view! {
        <article class="bo-slip bo-doc-print">
            <p class="bo-print-company">{s.company_name.clone()}</p>
            <p class="bo-prewrap">{s.company_address.clone()}</p>
            <h1>{slip_title(app, run)}</h1>
            {(!run.is_posted()).then(|| view! { <p class="bo-slip-draft">{app.t("slip.draft")}</p> })}
            {e.map(|e| view! {
                <p><strong>{e.name.clone()}</strong>{(!e.number.is_empty()).then(|| format!(" ({})", e.number))}</p>
                <p>{[e.position.clone(), e.department.clone()].into_iter().filter(|x| !x.is_empty()).collect::<Vec<_>>().join(", ")}</p>
                <p>{app.t("emp.ptkp")}": "{e.ptkp.code()}
                    {(!e.npwp.is_empty()).then(|| format!(" · NPWP {}", e.npwp))}
                    {(e.npwp.is_empty() && !e.nik.is_empty()).then(|| format!(" · NIK {}", e.nik))}
                    {(!e.bpjs_health.is_empty()).then(|| format!(" · BPJS Kesehatan {}", e.bpjs_health))}
                    {(!e.bpjs_work.is_empty()).then(|| format!(" · BPJS Ketenagakerjaan {}", e.bpjs_work))}</p>
            })}
            <p>{app.t("run.paid_on")}": "{run.paid_on.map(|d| long_date(d, app.lang.get())).unwrap_or_default()}
                {(!p.account.is_empty()).then(|| format!(" · {} {}", p.bank, p.account))}</p>
            <h2>{app.t("slip.earnings_h")}</h2>
            <table><tbody>{line_rows(app, &lines, Group::Earning)}</tbody></table>
            <h2>{app.t("slip.deductions_h")}</h2>
            <table><tbody>{line_rows(app, &lines, Group::Deduction)}</tbody></table>
            <p class="bo-slip-net"><span>{app.t("slip.net")}</span><span>{money(app, f.net)}</span></p>
            {has(Group::Employer).then(|| view! {
                <h2>{app.t("slip.employer_h")}</h2>
                <table><tbody>{line_rows(app, &lines, Group::Employer)}</tbody></table>
            })}
            {has(Group::Info).then(|| view! {
                <h2>{app.t("slip.tax_h")}</h2>
                <table><tbody>{line_rows(app, &lines, Group::Info)}</tbody></table>
            })}
        </article>
    }
    .into_any()
}

/// A payslip on its own: shown as printed, with Print. Read-only: corrections are
/// adjustments in a later run.
pub fn payslip_page(id: String) -> AnyView {
    let app = use_app();
    let id2 = id.clone();
    let slip = Memo::new(move |_| app.lists.payslips().with(|all| all.iter().find(|p| p.meta.id == id2).cloned()));
    let body = move || {
        let Some(p) = slip.get() else { return not_found() };
        let Some(run) = app.lists.payroll_runs().with(|all| all.iter().find(|r| r.meta.id == p.run_id).cloned()) else {
            return not_found();
        };
        let title = format!("{} · {}", name_of(&app, &p.employee_id), run_title(&app, &run));
        let run_href = Route::View("payroll_runs".into(), run.meta.id.clone()).href();
        view! {
            <PageHead title=Signal::derive(move || title.clone())>
                <button type="button" class="bo-btn bo-btn-primary" on:click=move |_| { let _ = window().print(); }>{app.text("action.print")}</button>
                <a class="bo-btn" href=run_href>{app.text("slip.to_run")}</a>
            </PageHead>
            <div class="bo-slips bo-slip-screen">{slip_print(&app, &run, &p)}</div>
        }
        .into_any()
    };
    view! { {body} }.into_any()
}

/// The day a run without a pay day is paid on, as its figures count it: the month's last.
fn pay_day_default(month: &str) -> Option<chrono::NaiveDate> {
    use crate::domain::payroll::records::{month_bounds, parse_month};
    parse_month(month).and_then(|(y, m)| month_bounds(y, m)).map(|(_, last)| last)
}
