//! Leave requests and the work calendar: a request's page counts its working days, shows
//! the annual leave left and who else in the department is away, and approves or refuses.
use leptos::prelude::*;

use crate::domain::leave::{self, days_text, Holiday, LeaveRequest, LeaveRules, WorkCalendar};
use crate::domain::people::Employee;

use super::calendar::today;
use super::collection::{save_record, UiEntity};
use super::pages::RecordPages;
use super::people::employee;
use super::records::{csv_tools, detail_page_with, form_page_with, list_page};
use super::router::Route;
use super::state::{use_app, AppState};
use crate::domain::leave::LeaveKind;
use crate::domain::leave::LeaveStatus;

impl UiEntity for LeaveRequest {
    const PLURAL: &'static str = "nav.leave";
    const NEW: &'static str = "leave.new";
    const EMPTY: &'static str = "leave.empty";
}

impl UiEntity for Holiday {
    const PLURAL: &'static str = "nav.holidays";
    const NEW: &'static str = "hol.new";
    const EMPTY: &'static str = "hol.empty";
}

impl RecordPages for LeaveRequest {
    fn list() -> AnyView {
        let app = use_app();
        list_page::<LeaveRequest>(
            "leave",
            view! {
                <a class="bo-btn" href=Route::List("holidays".into()).href()>{app.text("nav.holidays")}</a>
                {csv_tools::<LeaveRequest>("leave")}
            }
            .into_any(),
        )
    }
    /// `#/leave/new/<employee id>`: a request for that employee, from their page.
    fn create(employee: Option<String>) -> AnyView {
        form_page_with::<LeaveRequest>("leave", None, employee.map(|id| vec![("employee_id", id)]).unwrap_or_default())
    }
    fn view(id: String) -> AnyView {
        leave_page(id)
    }
}

/// The holidays, typed, from CSV or from a calendar file of public holidays.
impl RecordPages for Holiday {
    fn list() -> AnyView {
        let app = use_app();
        list_page::<Holiday>(
            "holidays",
            view! {
                <Show when=move || app.read_only.get().is_none()>
                    <a class="bo-btn" href=Route::HolidayFile.href()>{app.text("hol.from_file")}</a>
                </Show>
                {csv_tools::<Holiday>("holidays")}
            }
            .into_any(),
        )
    }
}

/// The office's work calendar as the settings and the holiday list have it now.
pub fn work_calendar(app: &AppState) -> WorkCalendar {
    let six = app.settings.with(|s| s.six_day_week);
    app.lists.holidays().with(|h| WorkCalendar::new(six, h))
}

/// The office's leave rules as its settings have them now.
pub fn leave_rules(app: &AppState) -> LeaveRules {
    app.settings.with(LeaveRules::of)
}

/// "Annual leave 2026: 4 of 12 days left", for an employee's page and a request's, with
/// what carried over and the collective leave taken from it, when there is any.
pub fn annual_line(app: &AppState, e: &Employee, year: i32, except: &str) -> String {
    let (cal, rules) = (work_calendar(app), leave_rules(app));
    let (left, carried) = app
        .lists
        .leave()
        .with(|all| (leave::annual_left(e, all, year, &cal, &rules, except), leave::carried_in(e, all, year, &cal, &rules)));
    let entitled = leave::annual_entitlement(e, year, &rules);
    if entitled == 0 {
        return app.tf("leave.not_yet_entitled", &[("year", year.to_string())]);
    }
    let mark = app.lang.get().decimal_mark();
    let of = entitled * 2 + carried;
    let mut line = app
        .tf("leave.annual_left", &[("year", year.to_string()), ("left", days_text(left.max(0) as u32, mark)), ("of", days_text(of, mark))]);
    if carried > 0 {
        line = format!("{line} {}", app.tf("leave.carried", &[("n", days_text(carried, mark))]));
    }
    let collective = leave::collective_taken(e, year, &cal, &rules);
    if collective > 0 {
        line = format!("{line} {}", app.tf("leave.collective_taken", &[("n", collective.to_string())]));
    }
    line
}

fn decide(app: AppState, id: String, approve: bool) {
    let Some(mut r) = app.lists.leave().with_untracked(|all| all.iter().find(|r| r.meta.id == id).cloned()) else { return };
    if approve {
        let problem = employee(&app, &r.employee_id).and_then(|e| {
            app.lists.leave().with_untracked(|all| leave::approval_problem(&r, &e, all, &work_calendar(&app), &leave_rules(&app)))
        });
        if let Some(p) = problem {
            app.error(app.tf(p, &[("months", leave_rules(&app).maternity_months.to_string())]));
            return;
        }
    }
    r.status = if approve { LeaveStatus::Approved } else { LeaveStatus::Refused };
    r.decided_on = Some(today());
    if save_record(&app, r).is_ok() {
        app.info(app.t(if approve { "leave.approved" } else { "leave.refused" }).into());
    }
}

fn leave_page(id: String) -> AnyView {
    let app = use_app();
    let id2 = id.clone();
    let request = Memo::new(move |_| app.lists.leave().with(|all| all.iter().find(|r| r.meta.id == id2).cloned()));
    let decision_part = move || {
        let r = request.get()?;
        let (start, end) = r.dates()?;
        let who = employee(&app, &r.employee_id);
        let (cal, rules) = (work_calendar(&app), leave_rules(&app));
        let days = cal.half_days(start, end, r.half_day);
        let away = app.lists.employees().with(|emps| app.lists.leave().with(|all| leave::overlaps(&r, emps, all)));
        let open = r.status == LeaveStatus::Requested && app.read_only.get().is_none() && r.meta.deleted_at.is_none();
        let sick_letter_missing = open
            && r.kind == LeaveKind::Sick
            && !r.letter
            && app.lists.leave().with(|all| leave::sick_spell(&r, all, &cal)) > rules.sick_days_without_letter.saturating_mul(2);
        let (approve_id, refuse_id) = (r.meta.id.clone(), r.meta.id.clone());
        Some(view! {
            <section class="bo-card" aria-labelledby="leave-h">
                <h2 id="leave-h">{who.as_ref().map(|e| e.name.clone()).unwrap_or_default()}</h2>
                <p class="bo-big">{app.tf("leave.working_days", &[("n", days_text(days, app.lang.get().decimal_mark()))])}</p>
                {(r.kind == LeaveKind::Annual).then(|| who.as_ref().map(|e| view! { <p>{annual_line(&app, e, year_of(r.start), &r.meta.id)}</p> }))}
                {(!away.is_empty()).then(|| view! {
                    <p class="bo-warn-text" role="note">{app.tf("leave.overlap", &[("names", away.join(", "))])}</p>
                })}
                {(r.kind == LeaveKind::Important).then(|| r.why.days(&rules.important)).flatten().map(|n| view! {
                    <p>{app.tf("leave.why_days", &[("n", n.to_string())])}</p>
                })}
                {(leave::maternity_needs_letter(&r, &rules) && !r.letter).then(|| view! {
                    <p class="bo-warn-text" role="note">{app.tf("leave.maternity_letter", &[("months", rules.maternity_months.to_string())])}</p>
                })}
                {sick_letter_missing.then(|| view! {
                    <p class="bo-warn-text" role="note">{app.text("err.sick_letter")}</p>
                })}
                {open.then(|| view! {
                    <div class="bo-actions">
                        <button type="button" class="bo-btn bo-btn-primary" on:click=move |_| decide(app, approve_id.clone(), true)>{app.text("leave.approve")}</button>
                        <button type="button" class="bo-btn" on:click=move |_| decide(app, refuse_id.clone(), false)>{app.text("leave.refuse")}</button>
                    </div>
                })}
            </section>
        })
    };
    detail_page_with::<LeaveRequest>("leave", id, Some(ViewFn::from(move || view! { {decision_part} }.into_any())))
}

/// The year a leave request or today falls in, for balances.
pub fn year_of(day: Option<chrono::NaiveDate>) -> i32 {
    use chrono::Datelike;
    day.unwrap_or_else(today).year()
}
