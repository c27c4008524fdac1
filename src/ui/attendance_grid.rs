//! One employee's month typed a row per day, keyboard first: the status picked by typing
//! its first letter, times and overtime typed, Enter to the same field of the next day,
//! Ctrl+Enter (or the button) saves the month in one write; every bad row is named.
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::attendance::AttendanceStatus;
use crate::domain::attendance_grid::{days_from_grid, grid, GridError, GridRow};
use crate::domain::format::weekday_name;

use super::calendar::today;
use super::collection::save_records;
use super::router::Route;
use super::state::{now, use_app, AppState};
use super::widgets::PageHead;

/// The grid's typed fields, in the order Tab goes through them.
const FIELDS: [&str; 4] = ["status", "check_in", "check_out", "overtime"];

fn cell_id(field: &str, row: usize) -> String {
    format!("g-{field}-{row}")
}

/// Focus the same field `row` days down (or up), if that day is in the month.
fn focus_cell(field: &str, row: usize) {
    if let Some(el) = document().get_element_by_id(&cell_id(field, row)) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

fn month_of(ym: &str) -> NaiveDate {
    crate::domain::dates::parse_date(&format!("{ym}-01")).unwrap_or_else(|| today().with_day(1).unwrap_or_else(today))
}

pub fn grid_page(employee_id: String, ym: String) -> AnyView {
    let app = use_app();
    let first = month_of(&ym);
    let (year, month) = (first.year(), first.month());
    let ym_of = |d: NaiveDate| format!("{:04}-{:02}", d.year(), d.month());
    let prev = ym_of(first.pred_opt().unwrap_or(first));
    let next = ym_of(first.checked_add_months(chrono::Months::new(1)).unwrap_or(first));
    let live = |e: &&crate::domain::people::Employee| e.meta.id == employee_id && e.meta.deleted_at.is_none();
    let Some(name) = app.lists.employees().with_untracked(|all| all.iter().find(live).map(|e| e.name.clone())) else {
        return super::records::not_found();
    };
    let cal = super::leave::work_calendar(&app);
    let id = employee_id.clone();
    let loaded = StoredValue::new(app.lists.attendance().with_untracked(|all| grid(all, &id, year, month, &cal)));
    let rows = RwSignal::new(loaded.get_value());
    let errors = RwSignal::new(Vec::<GridError>::new());
    let id = StoredValue::new(employee_id.clone());
    let save = move || {
        if app.read_only.get_untracked().is_none() {
            id.with_value(|id| save_month(&app, id, loaded, rows, errors));
        }
    };
    let title = {
        let name = name.clone();
        Signal::derive(move || format!("{} · {} · {}", app.t("att.grid"), name, crate::domain::format::month_year(first, app.lang.get())))
    };
    let (id_prev, id_next) = (employee_id.clone(), employee_id.clone());
    let days = rows.get_untracked().len();
    view! {
        <PageHead title=title>
            <a class="bo-btn" href=Route::AttendanceGrid(id_prev, prev).href()>{app.text("att.prev_month")}</a>
            <a class="bo-btn" href=Route::AttendanceGrid(id_next, next).href()>{app.text("att.next_month")}</a>
        </PageHead>
        <p class="bo-hint">{app.text("att.grid_hint")}</p>
        <div class="bo-table-wrap" tabindex="0" role="region" aria-label=app.text("att.grid")
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() != "Enter" {
                    return;
                }
                ev.prevent_default();
                if ev.ctrl_key() || ev.meta_key() {
                    save();
                    return;
                }
                // Enter goes to the same field of the next day (Shift+Enter: the day before).
                let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
                let here = target.id();
                let Some((field, row)) = here.strip_prefix("g-").and_then(|r| r.rsplit_once('-')) else { return };
                let Ok(row) = row.parse::<usize>() else { return };
                let to = if ev.shift_key() { row.checked_sub(1) } else { Some(row + 1).filter(|r| *r < days) };
                if let Some(to) = to {
                    focus_cell(field, to);
                }
            }>
            <table class="bo-table bo-grid">
                <thead><tr>
                    <th scope="col">{app.text("att.date")}</th>
                    <th scope="col">{app.text("att.status")}</th>
                    <th scope="col">{app.text("att.check_in")}</th>
                    <th scope="col">{app.text("att.check_out")}</th>
                    <th scope="col" class="bo-num">{app.text("att.overtime")}</th>
                </tr></thead>
                <tbody>
                    {(0..days).map(|i| grid_row(app, rows, errors, i)).collect_view()}
                </tbody>
            </table>
        </div>
        <div class="bo-actions">
            <button type="button" class="bo-btn bo-btn-primary" disabled=move || app.read_only.get().is_some() on:click=move |_| save()>
                {app.text("att.grid_save")}
            </button>
            <a class="bo-btn" href=Route::AttendanceMonth(ym_of(first)).href()>{app.text("att.month")}</a>
        </div>
    }
    .into_any()
}

/// One day's row: its date (shaded, and named so, when not a working day) and its four
/// fields, each with the day in its accessible name and its own message when refused.
fn grid_row(app: AppState, rows: RwSignal<Vec<GridRow>>, errors: RwSignal<Vec<GridError>>, i: usize) -> impl IntoView {
    let (date, working) = rows.with_untracked(|r| (r[i].date, r[i].working));
    let day_label = move || format!("{} {}", weekday_name(date.weekday(), app.lang.get(), true), date.day());
    let error =
        move |field: &'static str| move || errors.with(|e| e.iter().find(|(d, f, _)| *d == date && *f == field).map(|(_, _, k)| app.t(k)));
    let set = move |field: &'static str, v: String| {
        rows.update(|r| {
            let row = &mut r[i];
            match field {
                "status" => row.status = v,
                "check_in" => row.check_in = v,
                "check_out" => row.check_out = v,
                _ => row.overtime = v,
            }
        })
    };
    // One memo per cell: typing in one cell does not write every other cell again.
    let get = move |field: &'static str| {
        Memo::new(move |_| {
            rows.with(|r| match field {
                "status" => r[i].status.clone(),
                "check_in" => r[i].check_in.clone(),
                "check_out" => r[i].check_out.clone(),
                _ => r[i].overtime.clone(),
            })
        })
    };
    let label = move |field: &'static str| {
        move || format!("{} {}", app.t(&format!("att.{field}")), crate::domain::format::long_date(date, app.lang.get()))
    };
    let message = move |field: &'static str| {
        view! { <p class="bo-error" id=format!("{}-err", cell_id(field, i))>{error(field)}</p> }
    };
    // Times are typed as text: `0755` or `7.55` is read as 07:55, and a half-typed time is
    // named on saving instead of being dropped as a time input would.
    let input = move |field: &'static str| {
        let value = get(field);
        view! {
            <td class:bo-num=field == "overtime">
                <input id=cell_id(field, i) type="text" inputmode=(field == "overtime").then_some("numeric") autocomplete="off"
                    size=if field == "overtime" { "4" } else { "5" }
                    aria-label=label(field) aria-invalid=move || error(field)().is_some().then_some("true")
                    aria-describedby=format!("{}-err", cell_id(field, i))
                    prop:value=value on:input=move |ev| set(field, event_target_value(&ev)) />
                {message(field)}
            </td>
        }
    };
    let [status, check_in, check_out, overtime] = FIELDS;
    let chosen = get(status);
    view! {
        <tr class:bo-muted=!working>
            <th scope="row">
                {day_label}
                {(!working).then(|| view! { <span class="bo-visually-hidden">{move || format!(" ({})", app.t("att.day_off"))}</span> })}
            </th>
            <td>
                <select id=cell_id(status, i) aria-label=label(status) aria-invalid=move || error(status)().is_some().then_some("true")
                    aria-describedby=format!("{}-err", cell_id(status, i))
                    prop:value=chosen on:change=move |ev| set(status, event_target_value(&ev))>
                    <option value="" selected=move || chosen.get().is_empty()>"—"</option>
                    {AttendanceStatus::OPTIONS.iter().map(|(v, l)| view! {
                        <option value=*v selected=move || chosen.get() == *v>{app.text(l)}</option>
                    }).collect_view()}
                </select>
                {message(status)}
            </td>
            {input(check_in)}
            {input(check_out)}
            {input(overtime)}
        </tr>
    }
}

/// Writes the month's typed days in one write, or names every refused row and writes none.
fn save_month(
    app: &AppState,
    employee_id: &str,
    loaded: StoredValue<Vec<GridRow>>,
    rows: RwSignal<Vec<GridRow>>,
    errors: RwSignal<Vec<GridError>>,
) {
    let planned = app
        .lists
        .attendance()
        .with_untracked(|all| loaded.with_value(|before| rows.with_untracked(|r| days_from_grid(all, employee_id, before, r, now()))));
    match planned {
        Err(bad) => {
            let first = bad.first().map(|(d, f, _)| cell_id(f, d.day0() as usize));
            app.error(app.tf("att.grid_refused", &[("n", bad.len().to_string())]));
            errors.set(bad);
            if let Some(id) = first {
                super::widgets::refocus(id);
            }
        }
        Ok(days) if days.is_empty() => {
            errors.set(vec![]);
            app.info(app.t("att.grid_unchanged").into());
        }
        Ok(days) => {
            errors.set(vec![]);
            let n = days.len();
            if save_records(app, days).is_ok() {
                // What is stored now is what the next save compares with.
                loaded.set_value(rows.get_untracked());
                app.info(app.tf("att.grid_saved", &[("n", n.to_string())]));
            }
        }
    }
}
