//! People: the employee register, each employee's page (contract, reports, the timeline of
//! position, department, grade, contract and status changes) and the history list.
use leptos::prelude::*;

use crate::domain::people::{self, Employee, EmployeeChange, Tracked};
use crate::domain::record::FieldError;

use super::calendar::today;
use super::collection::{save_records, UiEntity};
use super::fields::day_of;
use super::pages::RecordPages;
use super::records::{csv_tools, detail_page_with, list_page};
use super::router::Route;
use super::state::{now, use_app, AppState};

use super::reminders::CONTRACT_WARNING_DAYS;
use crate::domain::people::EmployeeStatus;

impl UiEntity for Employee {
    const PLURAL: &'static str = "nav.employees";
    const NEW: &'static str = "emp.new";
    const EMPTY: &'static str = "emp.empty";
    /// Employee numbers and NIKs belong to one person each; nobody reports to themselves.
    fn check(&self, app: &AppState) -> Vec<FieldError> {
        let mut errs = vec![];
        let same = |a: &str, b: &str| !a.trim().is_empty() && crate::text::lower(a.trim()) == crate::text::lower(b.trim());
        app.lists.employees().with_untracked(|all| {
            let others = || all.iter().filter(|e| e.meta.id != self.meta.id && e.meta.deleted_at.is_none());
            if others().any(|e| same(&e.number, &self.number)) {
                errs.push(("number", "err.emp_number_taken"));
            }
            let digits = |s: &str| people::id_digits(s).unwrap_or_default();
            if !self.nik.trim().is_empty() && others().any(|e| digits(&e.nik) == digits(&self.nik)) {
                errs.push(("nik", "err.nik_taken"));
            }
        });
        if self.manager_id == self.meta.id {
            errs.push(("manager_id", "err.own_manager"));
        }
        errs
    }
    /// Position, department, grade, contract and status changes go into the history, dated
    /// today; the history list lets a clerk correct the date a change took effect.
    fn after_save(&self, before: Option<&Self>, app: &AppState) {
        let Some(before) = before else { return };
        let changes = people::changes(before, self, today(), now());
        if !changes.is_empty() && save_records(app, changes).is_err() {
            app.error(app.t("emp.history_not_saved").into());
        }
    }
}

impl UiEntity for crate::domain::training::Training {
    const PLURAL: &'static str = "nav.trainings";
    const NEW: &'static str = "trn.new";
    const EMPTY: &'static str = "trn.empty";
}

impl RecordPages for crate::domain::training::Training {}

impl UiEntity for EmployeeChange {
    const PLURAL: &'static str = "nav.employee_changes";
    const NEW: &'static str = "chg.new";
    const EMPTY: &'static str = "chg.empty";
}

/// The employee with this id, if any.
pub fn employee(app: &AppState, id: &str) -> Option<Employee> {
    app.lists.employees().with(|all| all.iter().find(|e| e.meta.id == id).cloned())
}

impl RecordPages for Employee {
    fn list() -> AnyView {
        let app = use_app();
        list_page::<Employee>(
            "employees",
            view! {
                <a class="bo-btn" href=Route::Directory.href()>{app.text("emp.directory")}</a>
                <a class="bo-btn" href=Route::List("attendance".into()).href()>{app.text("nav.attendance")}</a>
                <a class="bo-btn" href=Route::List("leave".into()).href()>{app.text("nav.leave")}</a>
                <a class="bo-btn" href=Route::List("holidays".into()).href()>{app.text("nav.holidays")}</a>
                <a class="bo-btn" href=Route::List("warnings".into()).href()>{app.text("nav.warnings")}</a>
                <a class="bo-btn" href=Route::List("trainings".into()).href()>{app.text("nav.trainings")}</a>
                <a class="bo-btn" href=Route::List("career_notes".into()).href()>{app.text("nav.career_notes")}</a>
                <a class="bo-btn" href=Route::List("employee_changes".into()).href()>{app.text("nav.employee_changes")}</a>
                <a class="bo-btn" href=Route::List("checklist_steps".into()).href()>{app.text("nav.checklist_steps")}</a>
                <a class="bo-btn" href=Route::List("checklist_items".into()).href()>{app.text("nav.checklist_items")}</a>
                <a class="bo-btn" href=Route::List("vacancies".into()).href()>{app.text("nav.vacancies")}</a>
                {csv_tools::<Employee>("employees")}
            }
            .into_any(),
        )
    }
    fn view(id: String) -> AnyView {
        employee_page(id)
    }
}

impl RecordPages for EmployeeChange {}

fn employee_page(id: String) -> AnyView {
    let app = use_app();
    let id2 = id.clone();
    let employee = Memo::new(move |_| app.lists.employees().with(|all| all.iter().find(|e| e.meta.id == id2).cloned()));
    let id3 = id.clone();
    let history = Memo::new(move |_| app.lists.employee_changes().with(|all| people::history(all, &id3)));
    let contract_part = move || {
        let e = employee.get()?;
        let end = e.contract_end()?;
        let start = e.contract_start?;
        let days_left = (end - today()).num_days();
        let soon = (0..=CONTRACT_WARNING_DAYS as i64).contains(&days_left);
        let months = people::months_worked(start, end);
        Some(view! {
            <section class="bo-card" aria-labelledby="contract-h">
                <h2 id="contract-h">{app.text("emp.contract.pkwt")}</h2>
                <p class:bo-warn-text=soon>{app.tf("emp.contract_runs", &[("start", day_of(&app, e.contract_start)), ("end", day_of(&app, e.contract_end))])}</p>
                <p>{app.tf("emp.compensation", &[("months", months.to_string())])}</p>
            </section>
        })
    };
    let leave_part = move || {
        let e = employee.get()?;
        let writable = app.read_only.get().is_none() && e.is_current();
        Some(view! {
            <section class="bo-card" aria-labelledby="leave-h">
                <h2 id="leave-h">{app.text("nav.leave")}</h2>
                <p>{super::leave::annual_line(&app, &e, super::leave::year_of(None), "")}</p>
                {writable.then(|| view! {
                    <div class="bo-actions">
                        <a class="bo-btn" href=Route::NewAt("leave".into(), e.meta.id.clone()).href()>{app.text("leave.new")}</a>
                        <a class="bo-btn" href=Route::AttendanceGrid(e.meta.id.clone(), String::new()).href()>{app.text("att.type_month")}</a>
                    </div>
                })}
            </section>
        })
    };
    let warnings_part = move || {
        let e = employee.get()?;
        let lines = super::discipline::valid_lines(&app, &e.meta.id);
        let writable = app.read_only.get().is_none() && e.is_current();
        (writable || !lines.is_empty()).then(|| {
            view! {
                <section class="bo-card" aria-labelledby="sp-h">
                    <h2 id="sp-h">{app.text("nav.warnings")}</h2>
                    {if lines.is_empty() {
                        view! { <p>{app.text("sp.none_valid")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="bo-list">
                                {lines.into_iter().map(|(id, text)| view! {
                                    <li class="bo-warn-text"><a href=Route::View("warnings".into(), id).href()>{text}</a></li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    {writable.then(|| view! {
                        <div class="bo-actions">
                            <a class="bo-btn" href=super::discipline::new_letter_href(&e.meta.id)>{app.text("sp.new")}</a>
                        </div>
                    })}
                </section>
            }
        })
    };
    let training_part = move || {
        let e = employee.get()?;
        let done = app.lists.trainings().with(|all| crate::domain::training::attended(all, &e.name));
        (!done.is_empty()).then(|| {
            view! {
                <section class="bo-card" aria-labelledby="trn-h">
                    <h2 id="trn-h">{app.text("nav.trainings")}</h2>
                    <ul class="bo-list">
                        {done.into_iter().map(|t| {
                            let until = (t.certificate_until.is_some()).then(|| app.tf("trn.until", &[("date", day_of(&app, t.certificate_until))]));
                            view! {
                                <li><a href=Route::View("trainings".into(), t.meta.id.clone()).href()>{t.title.clone()}</a>
                                    " — "{day_of(&app, t.date)}{until}</li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    };
    // Pay in force today, and where to change it: payroll's own lists.
    let pay_part = move || {
        let e = employee.get()?;
        let now_pay = app.lists.pay().with(|all| crate::domain::payroll::records::pay_on(all, &e.meta.id, today()).cloned());
        let writable = app.read_only.get().is_none() && e.meta.deleted_at.is_none();
        Some(view! {
            <section class="bo-card" aria-labelledby="pay-h">
                <h2 id="pay-h">{app.text("nav.pay")}</h2>
                {match now_pay {
                    Some(p) => view! {
                        <p><a href=Route::View("pay".into(), p.meta.id.clone()).href()>{app.tf("emp.pay_line", &[
                            ("basic", super::fields::money(&app, p.basic.unwrap_or(0))),
                            ("fixed", super::fields::money(&app, p.fixed_allowance.unwrap_or(0))),
                            ("from", day_of(&app, p.from)),
                        ])}</a></p>
                    }.into_any(),
                    None => view! { <p>{app.text("emp.no_pay")}</p> }.into_any(),
                }}
                {writable.then(|| view! {
                    <div class="bo-actions">
                        <a class="bo-btn" href=Route::NewAt("pay".into(), e.meta.id.clone()).href()>{app.text("pay.new")}</a>
                        <a class="bo-btn" href=Route::NewAt("pay_adjustments".into(), e.meta.id.clone()).href()>{app.text("adj.new")}</a>
                    </div>
                })}
            </section>
        })
    };
    let reports_part = move || {
        let e = employee.get()?;
        let reports: Vec<(String, String)> = app.lists.employees().with(|all| {
            all.iter().filter(|r| r.manager_id == e.meta.id && r.is_current()).map(|r| (r.meta.id.clone(), r.name.clone())).collect()
        });
        (!reports.is_empty()).then(|| {
            view! {
                <section class="bo-card" aria-labelledby="reports-h">
                    <h2 id="reports-h">{app.text("emp.reports")}</h2>
                    <ul>
                        {reports.into_iter().map(|(id, name)| view! { <li><a href=Route::View("employees".into(), id).href()>{name}</a></li> }).collect_view()}
                    </ul>
                </section>
            }
        })
    };
    let timeline_part = move || {
        let e = employee.get()?;
        let entries = history.get();
        Some(view! {
            <section class="bo-card" aria-labelledby="timeline-h">
                <h2 id="timeline-h">{app.text("emp.timeline")}</h2>
                <ol class="bo-timeline">
                    <li><strong>{day_of(&app, e.joined)}</strong>" — "{app.text("emp.joined")}</li>
                    {entries.into_iter().map(|c| {
                        let what = c.what.label_key();
                        let shown = |v: &str| if v.is_empty() { "—".to_string() } else { change_value(&app, c.what, v) };
                        let text = format!("{}: {} → {}", app.t(what), shown(&c.from), shown(&c.to));
                        view! {
                            <li>
                                <a href=Route::View("employee_changes".into(), c.meta.id.clone()).href()><strong>{day_of(&app, c.date)}</strong></a>
                                " — "{text}
                                {(!c.note.is_empty()).then(|| format!(" ({})", c.note))}
                            </li>
                        }
                    }).collect_view()}
                    {(e.status == EmployeeStatus::Left).then(|| view! {
                        <li><strong>{day_of(&app, e.left_on)}</strong>" — "{app.text("emp.status.left")}{(!e.left_reason.is_empty()).then(|| format!(" ({})", e.left_reason))}</li>
                    })}
                </ol>
            </section>
        })
    };
    let career = super::career::career_part(employee);
    let print_part = move || employee.get().map(|e| card_print(&app, &e));
    let joining = super::checklists::checklist_part(employee, crate::domain::checklists::Moment::Joining);
    let leaving = super::checklists::checklist_part(employee, crate::domain::checklists::Moment::Leaving);
    let print_button = move || {
        view! {
            <div class="bo-actions">
                <button type="button" class="bo-btn" on:click=move |_| { let _ = window().print(); }>{app.text("emp.print_card")}</button>
            </div>
        }
    };
    view! {
        <div class="bo-no-print">
            {detail_page_with::<Employee>("employees", id, Some(ViewFn::from(move || view! { {print_button()}{contract_part}{leave_part}{warnings_part}{pay_part}{training_part}{reports_part} }.into_any())))}
            {joining}
            {leaving}
            {timeline_part}
            {career}
        </div>
        {print_part}
    }
    .into_any()
}

/// The employee's record on one A4 page, for the personnel file: the company, every field
/// that is filled in, the manager by name, and when it was printed.
fn card_print(app: &AppState, e: &Employee) -> AnyView {
    use crate::domain::record::{Entity, RecordRules};
    let app = *app;
    let s = app.settings.get_untracked();
    let rows: Vec<(&'static str, String)> = Employee::fields()
        .iter()
        .filter(|f| !Employee::internal().contains(&f.key) && Employee::form_rules().applies(f.key, |k| e.get(k)))
        .map(|f| (f.label, super::collection::display_value(&app, e, f.key)))
        .filter(|(_, v)| !v.trim().is_empty())
        .collect();
    view! {
        <article class="bo-print-only bo-doc-print" aria-hidden="true">
            <p class="bo-print-company">{s.company_name.clone()}</p>
            <p class="bo-prewrap">{s.company_address.clone()}</p>
            <h1>{app.t("emp.card")}" — "{e.name.clone()}</h1>
            <table class="bo-card-print">
                <tbody>
                    {rows.into_iter().map(|(label, value)| view! { <tr><th scope="row">{app.t(label)}</th><td class="bo-prewrap">{value}</td></tr> }).collect_view()}
                </tbody>
            </table>
            <p>{app.tf("emp.card_printed", &[("date", crate::domain::format::long_date(today(), app.lang.get()))])}</p>
        </article>
    }
    .into_any()
}

/// A history value as the employee's form shows it: choices by their label.
fn change_value(app: &AppState, what: Tracked, value: &str) -> String {
    let choices = match what {
        Tracked::Contract => people::Contract::OPTIONS,
        Tracked::Status => people::EmployeeStatus::OPTIONS,
        _ => return value.to_string(),
    };
    choices.iter().find(|(k, _)| *k == value).map_or(value.to_string(), |(_, l)| app.t(l).to_string())
}

/// The phone list by department, then who reports to whom; printable.
pub fn directory_page() -> AnyView {
    let app = use_app();
    let groups = Memo::new(move |_| app.lists.employees().with(|all| people::by_department(all)));
    let chart = Memo::new(move |_| app.lists.employees().with(|all| people::org_chart(all)));
    let link = |e: &Employee| view! { <a href=Route::View("employees".into(), e.meta.id.clone()).href()>{e.name.clone()}</a> };
    view! {
        <super::widgets::PageHead title=app.title("emp.directory")>
            <button type="button" class="bo-btn" on:click=move |_| { let _ = window().print(); }>{app.text("action.print")}</button>
        </super::widgets::PageHead>
        <Show when=move || groups.with(Vec::is_empty)>
            <p class="bo-empty">{app.text("emp.empty")}</p>
        </Show>
        {move || groups.get().into_iter().map(|(dept, people)| view! {
            <h2>{if dept.is_empty() { app.t("emp.no_department").to_string() } else { dept }}</h2>
            <div class="bo-table-wrap" tabindex="0">
                <table class="bo-table">
                    <thead><tr>
                        <th scope="col">{app.text("emp.name")}</th>
                        <th scope="col">{app.text("emp.position")}</th>
                        <th scope="col">{app.text("emp.phone")}</th>
                        <th scope="col">{app.text("emp.email")}</th>
                        <th scope="col">{app.text("emp.location")}</th>
                    </tr></thead>
                    <tbody>
                        {people.iter().map(|e| view! {
                            <tr>
                                <td>{link(e)}</td>
                                <td>{e.position.clone()}</td>
                                <td>{e.phone.clone()}</td>
                                <td>{e.email.clone()}</td>
                                <td>{e.location.clone()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }).collect_view()}
        <h2>{app.text("emp.org_chart")}</h2>
        <ul class="bo-org">
            {move || chart.get().into_iter().map(|(depth, e)| view! {
                // A level, not a style attribute: the page's policy allows no inline styles.
                <li data-level=depth.min(6).to_string()>
                    {(depth > 0).then_some("└ ")}{link(&e)}{(!e.position.is_empty()).then(|| format!(" — {}", e.position))}
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}
