//! Attendance: the days list, an attendance machine's export turned into days, and the
//! month sheet for everyone (each employee's days one click away), printable.
use chrono::{Datelike, NaiveDate, NaiveTime};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::attendance::{self, Attendance, AttendanceStatus, PunchColumns};
use crate::domain::csv_io::{self, Table};
use crate::domain::dates::{parse_time, time_text};
use crate::domain::format::{long_date, Lang};
use crate::domain::record::FieldError;

use super::calendar::today;
use super::collection::{display_value, save_records, UiEntity};
use super::csv_import::problem_text;
use super::fields::resolve_of;
use super::files::read_chosen;
use super::pages::RecordPages;
use super::records::{csv_tools, list_page};
use super::router::{navigate, Route};
use super::state::{now, use_app, AppState};
use super::widgets::PageHead;

impl UiEntity for Attendance {
    const PLURAL: &'static str = "nav.attendance";
    const NEW: &'static str = "att.new";
    const EMPTY: &'static str = "att.empty";
    /// One record per employee per day: a second is refused, the first is edited instead.
    fn check(&self, app: &AppState) -> Vec<FieldError> {
        let taken = app.lists.attendance().with_untracked(|all| {
            all.iter().any(|a| {
                a.meta.id != self.meta.id && a.meta.deleted_at.is_none() && a.employee_id == self.employee_id && a.date == self.date
            })
        });
        if taken {
            vec![("date", "err.day_taken")]
        } else {
            vec![]
        }
    }
}

impl RecordPages for Attendance {
    fn list() -> AnyView {
        let app = use_app();
        list_page::<Attendance>(
            "attendance",
            view! {
                <a class="bo-btn" href=Route::AttendanceMonth(String::new()).href()>{app.text("att.month")}</a>
                <a class="bo-btn" href=Route::AttendanceImport.href()>{app.text("att.import")}</a>
                {csv_tools::<Attendance>("attendance")}
            }
            .into_any(),
        )
    }
}

/// The column whose header first contains one of `words` (lower case), if any.
fn guess(t: &Table, words: &[&str], not: Option<usize>) -> Option<usize> {
    t.headers
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != not)
        .find(|(_, h)| {
            let h = crate::text::lower(h);
            words.iter().any(|w| h.contains(w))
        })
        .map(|(i, _)| i)
}

/// What an import would do: the days to save, how many replace stored ones, how many
/// employees, and the rows that could not be read (line, cell).
#[derive(Clone, PartialEq)]
struct Planned {
    days: Vec<Attendance>,
    replaced: usize,
    employees: usize,
    bad: Vec<(usize, String)>,
}

fn plan(app: &AppState, t: &Table, cols: &PunchColumns, starts: NaiveTime, grace: i64) -> Planned {
    let app2 = *app;
    let resolve = move |cell: &str| resolve_of::<crate::domain::people::Employee>(&app2, "", cell);
    let (punches, bad) = attendance::punches_from_table(t, cols, &resolve);
    let days = attendance::days_from_punches(&punches, starts, grace, now());
    let mut people: Vec<&str> = punches.iter().map(|p| p.employee_id.as_str()).collect();
    people.sort();
    people.dedup();
    let employees = people.len();
    let (days, replaced) = app.lists.attendance().with_untracked(|stored| attendance::merge_days(stored, days));
    Planned { days, replaced, employees, bad }
}

pub fn import_page() -> AnyView {
    let app = use_app();
    let problem = RwSignal::new(None::<String>);
    let table = RwSignal::new(None::<Table>);
    // Column choices as the selects hold them: an index, or "" for none.
    let employee_col = RwSignal::new(String::new());
    let when_col = RwSignal::new(String::new());
    let time_col = RwSignal::new(String::new());
    let starts = RwSignal::new("08:00".to_string());
    let grace = RwSignal::new("15".to_string());
    // The columns guessed again for each table read: a CSV file, or a workbook's worksheet.
    Effect::new(move |_| {
        table.with(|t| {
            let Some(t) = t else { return };
            let who = guess(t, &["no", "id", "pin", "nik", "nip", "nama", "name", "karyawan", "employee"], None);
            let when = guess(t, &["tanggal", "date", "waktu", "scan", "datetime"], who);
            let time = when.and_then(|w| guess(t, &["jam", "time"], Some(w)).filter(|c| Some(*c) != who));
            let text = |c: Option<usize>| c.map(|c| c.to_string()).unwrap_or_default();
            employee_col.set(text(who));
            when_col.set(text(when));
            time_col.set(text(time));
        })
    });
    // Machines that save a workbook: its columns are chosen below, nothing to map.
    let book = super::csv_import::Workbook::new(problem, table, RwSignal::new(vec![]), |_| vec![]);
    let on_file = move |ev: web_sys::Event| {
        spawn_local(async move {
            let Some((_, bytes)) = read_chosen(ev).await else { return };
            problem.set(None);
            table.set(None);
            book.clear();
            if super::xlsx::is_xlsx(&bytes) {
                book.open(bytes).await;
                return;
            }
            match csv_io::parse_table(&bytes) {
                Ok(t) => table.set(Some(t)),
                Err(e) => problem.set(Some(problem_text(&app, e))),
            }
        });
    };
    let columns = move || -> Option<PunchColumns> {
        Some(PunchColumns {
            employee: employee_col.get().parse().ok()?,
            when: when_col.get().parse().ok()?,
            time: time_col.get().parse().ok(),
        })
    };
    let settings = move || Some((parse_time(&starts.get())?, grace.get().trim().parse::<i64>().ok().filter(|g| *g >= 0)?));
    let planned = Memo::new(move |_| {
        let (cols, (start, g)) = (columns()?, settings()?);
        table.with(|t| t.as_ref().map(|t| plan(&app, t, &cols, start, g)))
    });
    let summary = move || {
        planned.with(|p| {
            p.as_ref().map(|p| {
                app.tf(
                    "att.import_summary",
                    &[
                        ("days", p.days.len().to_string()),
                        ("new", (p.days.len() - p.replaced).to_string()),
                        ("updated", p.replaced.to_string()),
                        ("people", p.employees.to_string()),
                    ],
                )
            })
        })
    };
    let import = move |_| {
        let Some(p) = planned.get_untracked() else { return };
        if p.days.is_empty() {
            return;
        }
        let first = p.days.iter().filter_map(|d| d.date).min().unwrap_or_else(today);
        if save_records(&app, p.days).is_ok() {
            app.info(app.t("att.imported").into());
            navigate(&Route::AttendanceMonth(crate::domain::dates::date_text(first)[..7].to_string()));
        }
    };
    let column_select = move |id: &'static str, label: &'static str, value: RwSignal<String>, optional: bool| {
        view! {
            <div class="bo-field">
                <label for=id>{app.text(label)}</label>
                <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                    {optional.then(|| view! { <option value="" selected=move || value.get().is_empty()>{app.text("att.col_none")}</option> })}
                    {move || table.with(|t| t.as_ref().map(|t| t.headers.iter().enumerate().map(|(i, h)| {
                        let v = i.to_string();
                        let v2 = v.clone();
                        view! { <option value=v selected=move || value.get() == v2>{h.clone()}</option> }
                    }).collect_view()))}
                </select>
            </div>
        }
    };
    view! {
        <PageHead title=app.title("att.import")>
            <a class="bo-btn" href=Route::List("attendance".into()).href()>{app.text("action.back")}</a>
        </PageHead>
        <p>{app.text("att.import_intro")}</p>
        <div class="bo-field">
            <label for="import-file">{app.text("import.choose_any")}</label>
            <input id="import-file" type="file" accept=super::xlsx::ACCEPT on:change=on_file />
        </div>
        {move || book.choice()}
        {move || problem.get().map(|p| view! { <p class="bo-banner bo-banner-error" role="alert">{p}</p> })}
        <Show when=move || table.with(Option::is_some)>
            <fieldset class="bo-form">
                <legend>{app.text("att.columns")}</legend>
                {column_select("att-col-employee", "att.col_employee", employee_col, false)}
                {column_select("att-col-when", "att.col_when", when_col, false)}
                {column_select("att-col-time", "att.col_time", time_col, true)}
                <div class="bo-field">
                    <label for="att-starts">{app.text("att.starts")}</label>
                    <input id="att-starts" type="time" prop:value=move || starts.get() on:input=move |ev| starts.set(event_target_value(&ev)) />
                </div>
                <div class="bo-field">
                    <label for="att-grace">{app.text("att.grace")}</label>
                    <input id="att-grace" type="text" inputmode="numeric" prop:value=move || grace.get() on:input=move |ev| grace.set(event_target_value(&ev)) />
                </div>
            </fieldset>
            <p role="status">{summary}</p>
            {move || planned.with(|p| p.as_ref().filter(|p| !p.bad.is_empty()).map(|p| view! {
                <div class="bo-banner bo-banner-warn">
                    <p>{app.tf("att.bad_rows", &[("n", p.bad.len().to_string())])}</p>
                    <ul class="bo-list">
                        {p.bad.iter().take(20).map(|(line, cell)| view! { <li>{app.tf("att.bad_row", &[("line", line.to_string()), ("cell", cell.clone())])}</li> }).collect_view()}
                    </ul>
                </div>
            }))}
            <div class="bo-actions">
                <button type="button" class="bo-btn bo-btn-primary" disabled=move || planned.with(|p| p.as_ref().is_none_or(|p| p.days.is_empty()) || app.read_only.get().is_some())
                    on:click=import>{app.text("att.import_go")}</button>
            </div>
        </Show>
    }
    .into_any()
}

/// Minutes as hours the way people say them: "2", "1,5".
fn hours(minutes: i64, lang: Lang) -> String {
    let tenths = (minutes * 10 + 30) / 60;
    let sep = lang.decimal_mark();
    if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{}{sep}{}", tenths / 10, tenths % 10)
    }
}

pub fn month_page(ym: String) -> AnyView {
    let app = use_app();
    let first = NaiveDate::parse_from_str(&format!("{ym}-01"), "%Y-%m-%d").unwrap_or_else(|_| today().with_day(1).unwrap_or_else(today));
    let (year, month) = (first.year(), first.month());
    let ym_of = |d: NaiveDate| format!("{:04}-{:02}", d.year(), d.month());
    let prev = ym_of(first.pred_opt().unwrap_or(first));
    let next = ym_of(first.checked_add_months(chrono::Months::new(1)).unwrap_or(first));
    let rows = Memo::new(move |_| {
        let people: Vec<(String, String, bool)> = app.lists.employees().with(|all| {
            let mut v: Vec<(String, String, bool)> =
                all.iter().filter(|e| e.meta.deleted_at.is_none()).map(|e| (e.meta.id.clone(), e.name.clone(), e.is_current())).collect();
            crate::sort::sort_by(&mut v, |a, b| crate::text::lower(&a.1).cmp(&crate::text::lower(&b.1)));
            v
        });
        let ids: Vec<String> = people.iter().map(|(id, _, _)| id.clone()).collect();
        let cal = super::leave::work_calendar(&app);
        let sums = app.lists.attendance().with(|all| {
            let mut sums = attendance::month_summary(all, &ids, year, month);
            app.lists.leave().with(|leave| attendance::add_leave(&mut sums, all, leave, &cal, year, month));
            sums
        });
        people
            .into_iter()
            .zip(sums)
            // Those who have left show only in months they have days in.
            .filter(|((_, _, current), s)| *current || !s.days.is_empty())
            .map(|((id, name, _), s)| (id, name, s))
            .collect::<Vec<_>>()
    });
    let month_name = move || crate::domain::format::month_year(first, app.lang.get());
    view! {
        <PageHead title=Signal::derive(move || format!("{} · {}", app.t("att.month"), month_name()))>
            <a class="bo-btn" href=Route::AttendanceMonth(prev.clone()).href()>{app.text("att.prev_month")}</a>
            <a class="bo-btn" href=Route::AttendanceMonth(next.clone()).href()>{app.text("att.next_month")}</a>
            <button type="button" class="bo-btn" on:click=move |_| { let _ = window().print(); }>{app.text("action.print")}</button>
        </PageHead>
        <div class="bo-table-wrap" tabindex="0">
            <table class="bo-table">
                <thead><tr>
                    <th scope="col">{app.text("att.employee")}</th>
                    {AttendanceStatus::OPTIONS.iter().map(|(_, l)| view! { <th scope="col" class="bo-num">{app.text(l)}</th> }).collect_view()}
                    <th scope="col" class="bo-num">{app.text("att.overtime_hours")}</th>
                </tr></thead>
                <tbody>
                    <For each=move || rows.get() key=|(id, _, s)| (id.clone(), s.clone()) let((id, name, s))>
                        <tr>
                            <th scope="row"><a href=Route::AttendanceGrid(id, ym_of(first)).href()>{name}</a></th>
                            {AttendanceStatus::ALL.iter().map(|k| view! { <td class="bo-num">{s.days.get(k).copied().unwrap_or(0)}</td> }).collect_view()}
                            <td class="bo-num">{move || hours(s.overtime_minutes, app.lang.get())}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
        <Show when=move || rows.with(Vec::is_empty)>
            <p class="bo-empty">{app.text("att.month_empty")}</p>
        </Show>
        <h2>{app.text("att.days_each")}</h2>
        <For each=move || rows.get() key=|(id, _, s)| (id.clone(), s.clone()) let((id, name, _))>
            <details class="bo-card">
                <summary>{name}</summary>
                {
                    let days = app.lists.attendance().with(|all| attendance::month_days(all, &id, year, month));
                    view! {
                        <div class="bo-table-wrap" tabindex="0"><table class="bo-table">
                            <thead><tr>
                                <th scope="col">{app.text("att.date")}</th>
                                <th scope="col">{app.text("att.status")}</th>
                                <th scope="col">{app.text("att.check_in")}</th>
                                <th scope="col">{app.text("att.check_out")}</th>
                                <th scope="col" class="bo-num">{app.text("att.overtime")}</th>
                            </tr></thead>
                            <tbody>
                                {days.into_iter().map(|a| view! {
                                    <tr>
                                        <td><a href=Route::View("attendance".into(), a.meta.id.clone()).href()>
                                            {a.date.map(|d| long_date(d, app.lang.get())).unwrap_or_default()}</a></td>
                                        <td>{display_value(&app, &a, "status")}</td>
                                        <td>{a.check_in.map(time_text).unwrap_or_default()}</td>
                                        <td>{a.check_out.map(time_text).unwrap_or_default()}</td>
                                        <td class="bo-num">{a.overtime.map(|m| m.to_string()).unwrap_or_default()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table></div>
                    }
                }
            </details>
        </For>
    }
    .into_any()
}
