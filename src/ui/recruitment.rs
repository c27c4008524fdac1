//! Recruitment: vacancies with a board of their candidates by stage, and each candidate's
//! page to move them on, put their interviews in the calendar, print the offer letter and
//! make them an employee in one step.
use leptos::prelude::*;

use crate::domain::calendar::{Event, EventKind};
use crate::domain::people::Employee;
use crate::domain::record::{Entity, RecordRules};
use crate::domain::recruitment::{board, cannot_hire, hire, interviews_of, Candidate, Interview, Stage, Vacancy, VacancyStatus};

use super::calendar::today;
use super::collection::{save_record, UiEntity};
use super::fields::{day_of, money};
use super::pages::RecordPages;
use super::records::{csv_tools, detail_page_with, form_page_with, list_page};
use super::router::{navigate, Route};
use super::state::{now, use_app, AppState};
use super::widgets::refocus;

impl UiEntity for Vacancy {
    const PLURAL: &'static str = "nav.vacancies";
    const NEW: &'static str = "vac.new";
    const EMPTY: &'static str = "vac.empty";
}

impl UiEntity for Candidate {
    const PLURAL: &'static str = "nav.candidates";
    const NEW: &'static str = "cand.new";
    const EMPTY: &'static str = "cand.empty";
}

impl UiEntity for Interview {
    const PLURAL: &'static str = "nav.interviews";
    const NEW: &'static str = "intv.new";
    const EMPTY: &'static str = "intv.empty";
}

impl RecordPages for Interview {
    /// `#/interviews/new/<candidate id>`: for that candidate, with their interviewers.
    fn create(candidate: Option<String>) -> AnyView {
        let app = use_app();
        let mut prefill = vec![];
        if let Some(c) = candidate.and_then(|id| app.lists.candidates().with_untracked(|all| all.iter().find(|c| c.meta.id == id).cloned()))
        {
            prefill.push(("interviewers", c.interviewers.clone()));
            prefill.push(("candidate_id", c.meta.id));
        }
        form_page_with::<Interview>("interviews", None, prefill)
    }
    fn view(id: String) -> AnyView {
        let app = use_app();
        let id2 = id.clone();
        let found = Memo::new(move |_| app.lists.interviews().with(|all| all.iter().find(|i| i.meta.id == id2).cloned()));
        let to_calendar = move |_| {
            let Some(mut i) = found.get_untracked() else { return };
            let Some(c) = app.lists.candidates().with_untracked(|all| all.iter().find(|c| c.meta.id == i.candidate_id).cloned()) else {
                return;
            };
            let Some(at) = i.at else { return };
            let Some(event_id) = book_interview(&app, &c, at, &i.interviewers, &i.event_id) else { return };
            i.event_id = event_id.clone();
            if save_record(&app, i).is_ok() {
                app.info(app.t("cand.interview_booked").into());
                navigate(&Route::View("events".into(), event_id));
            }
        };
        let actions = move || {
            let i = found.get()?;
            let live = i.meta.deleted_at.is_none() && app.read_only.get().is_none();
            let booked = app.lists.events().with(|all| all.iter().any(|e| e.meta.id == i.event_id && e.meta.deleted_at.is_none()));
            Some(view! {
                <div class="bo-actions">
                    {(live && i.at.is_some()).then(|| view! {
                        <button type="button" class="bo-btn" on:click=to_calendar>{app.text("cand.to_calendar")}</button>
                    })}
                    {booked.then(|| view! {
                        <a class="bo-btn" href=Route::View("events".into(), i.event_id.clone()).href()>{app.text("cand.open_interview")}</a>
                    })}
                </div>
            })
        };
        detail_page_with::<Interview>("interviews", id, Some(ViewFn::from(move || view! { {actions} }.into_any())))
    }
}

/// Puts an interview of `c` in the calendar as a meeting of an hour with the interviewers
/// as attendees: the item `event_id` names is moved, a new one made only when there is
/// none. The item's id, once stored.
fn book_interview(app: &AppState, c: &Candidate, at: chrono::NaiveDateTime, interviewers: &str, event_id: &str) -> Option<String> {
    let position = vacancy(app, &c.vacancy_id).map(|v| v.position).unwrap_or_default();
    let before =
        app.lists.events().with_untracked(|all| all.iter().find(|e| e.meta.id == event_id && e.meta.deleted_at.is_none()).cloned());
    let mut e = before.unwrap_or_else(|| Event::blank(now()));
    e.title = app.tf("cand.interview_title", &[("name", c.name.clone()), ("position", position)]);
    e.kind = EventKind::Meeting;
    e.start = Some(at);
    e.end = Some(at + chrono::Duration::hours(1));
    e.attendees = interviewers.to_string();
    e.notes = [c.phone.as_str(), c.email.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" · ");
    let id = e.meta.id.clone();
    save_record(app, e).ok().map(|_| id)
}

impl RecordPages for Vacancy {
    fn list() -> AnyView {
        let app = use_app();
        list_page::<Vacancy>(
            "vacancies",
            view! {
                <a class="bo-btn" href=Route::List("candidates".into()).href()>{app.text("nav.candidates")}</a>
                {csv_tools::<Vacancy>("vacancies")}
            }
            .into_any(),
        )
    }
    fn view(id: String) -> AnyView {
        let top = ViewFn::from({
            let id = id.clone();
            move || board_part(id.clone())
        });
        detail_page_with::<Vacancy>("vacancies", id, Some(top))
    }
}

impl RecordPages for Candidate {
    fn list() -> AnyView {
        let app = use_app();
        list_page::<Candidate>(
            "candidates",
            view! {
                <a class="bo-btn" href=Route::List("vacancies".into()).href()>{app.text("nav.vacancies")}</a>
                <a class="bo-btn" href=Route::List("interviews".into()).href()>{app.text("nav.interviews")}</a>
                {csv_tools::<Candidate>("candidates")}
            }
            .into_any(),
        )
    }
    /// `#/candidates/new/<vacancy id>`: for that vacancy, applied today.
    fn create(vacancy: Option<String>) -> AnyView {
        let mut prefill = vec![("applied_on", crate::domain::dates::date_text(today()))];
        if let Some(id) = vacancy {
            prefill.push(("vacancy_id", id));
        }
        form_page_with::<Candidate>("candidates", None, prefill)
    }
    fn view(id: String) -> AnyView {
        candidate_page(id)
    }
}

fn vacancy(app: &AppState, id: &str) -> Option<Vacancy> {
    app.lists.vacancies().with(|all| all.iter().find(|v| v.meta.id == id).cloned())
}

/// A vacancy's candidates in one column per stage, each a link to their page.
fn board_part(id: String) -> AnyView {
    let app = use_app();
    let id2 = id.clone();
    let columns = Memo::new(move |_| {
        app.lists.candidates().with(|all| {
            board(all, &id2).into_iter().map(|(s, cs)| (s, cs.into_iter().map(|c| (c.meta.id.clone(), c.name.clone())).collect())).collect()
        })
    });
    let columns = move || -> Vec<(Stage, Vec<(String, String)>)> { columns.get() };
    // Candidates are added while the vacancy is open and the data can be changed.
    let id4 = id.clone();
    let taking = Memo::new(move |_| {
        app.read_only.get().is_none() && vacancy(&app, &id4).is_some_and(|v| v.meta.deleted_at.is_none() && v.status == VacancyStatus::Open)
    });
    let id3 = id.clone();
    view! {
        <section class="bo-card" aria-labelledby="vac-board-h">
            <h2 id="vac-board-h">{app.text("vac.board")}</h2>
            <Show when=move || taking.get()>
                <div class="bo-actions">
                    <a class="bo-btn bo-btn-primary" href=Route::NewAt("candidates".into(), id3.clone()).href()>{app.text("cand.new")}</a>
                </div>
            </Show>
            // Scrolls sideways on its own: reachable by keyboard to scroll it.
            <div class="bo-board" tabindex="0" role="region" aria-label=app.text("vac.board_scroll")>
                {move || columns().into_iter().map(|(stage, cands)| {
                    let heading = format!("{} ({})", app.t(stage.label_key()), cands.len());
                    let label = heading.clone();
                    view! {
                        <section class="bo-board-col" aria-label=label>
                            <h3>{heading}</h3>
                            <ul>
                                {cands.into_iter().map(|(cid, name)| view! {
                                    <li class="bo-board-card"><a href=Route::View("candidates".into(), cid).href()>{name}</a></li>
                                }).collect_view()}
                            </ul>
                        </section>
                    }
                }).collect_view()}
            </div>
        </section>
    }
    .into_any()
}

fn candidate_page(id: String) -> AnyView {
    let app = use_app();
    let id2 = id.clone();
    let cand = Memo::new(move |_| app.lists.candidates().with(|all| all.iter().find(|c| c.meta.id == id2).cloned()));
    let store = move |c: Candidate, said: &'static str| {
        let name = c.name.clone();
        if save_record(&app, c).is_ok() {
            app.info(app.tf(said, &[("name", name)]));
        }
    };
    let advance = move |_| {
        let Some(mut c) = cand.get_untracked() else { return };
        let Some(next) = c.stage.next() else { return };
        c.stage = next;
        store(c, "cand.moved");
        // The card is drawn again: focus stays on the next step.
        refocus(if next.next().is_some() { "cand-advance" } else { "cand-hire" }.into());
    };
    let make_employee = move |_| {
        let Some(mut c) = cand.get_untracked() else { return };
        if let Some(why) = cannot_hire(&c) {
            app.error(app.t(why).into());
            return;
        }
        let e: Employee = hire(&c, vacancy(&app, &c.vacancy_id).as_ref(), today(), now());
        let employee_id = e.meta.id.clone();
        if save_record(&app, e).is_err() {
            return;
        }
        c.stage = Stage::Started;
        c.employee_id = employee_id.clone();
        let name = c.name.clone();
        // Only once the candidate points at them: a failed write leaves the button to try again.
        if save_record(&app, c).is_ok() {
            app.info(app.tf("cand.hired", &[("name", name)]));
            navigate(&Route::Edit("employees".into(), employee_id));
        }
    };
    let to_calendar = move |_| {
        let Some(mut c) = cand.get_untracked() else { return };
        let Some(at) = c.interview_at else {
            app.error(app.t("cand.no_interview_time").into());
            return;
        };
        let Some(event_id) = book_interview(&app, &c, at, &c.interviewers, &c.event_id) else { return };
        c.event_id = event_id.clone();
        if save_record(&app, c).is_ok() {
            app.info(app.t("cand.interview_booked").into());
            navigate(&Route::View("events".into(), event_id));
        }
    };
    let actions = move || {
        let c = cand.get()?;
        let live = c.meta.deleted_at.is_none() && app.read_only.get().is_none();
        let next = c.stage.next().filter(|_| live);
        let hirable = live && cannot_hire(&c).is_none();
        let employee_link = (!c.employee_id.is_empty()).then(|| c.employee_id.clone());
        let event_link = app
            .lists
            .events()
            .with(|all| all.iter().any(|e| e.meta.id == c.event_id && e.meta.deleted_at.is_none()))
            .then(|| c.event_id.clone());
        Some(view! {
            <section class="bo-card" aria-labelledby="cand-h">
                <h2 id="cand-h">{app.tf("cand.stage_now", &[("stage", app.t(c.stage.label_key()).to_string())])}</h2>
                {c.interview_at.map(|t| view! { <p>{app.tf("cand.interview_on", &[("when", crate::domain::format::format_datetime(t.and_utc().fixed_offset(), app.lang.get()))])}</p> })}
                <div class="bo-actions">
                    {next.map(|n| view! {
                        <button type="button" id="cand-advance" class="bo-btn bo-btn-primary" on:click=advance>{app.tf("cand.move_to", &[("stage", app.t(n.label_key()).to_string())])}</button>
                    })}
                    {hirable.then(|| view! {
                        <button type="button" id="cand-hire" class="bo-btn bo-btn-primary" on:click=make_employee>{app.text("cand.hire")}</button>
                    })}
                    {(live && c.interview_at.is_some() && c.stage != Stage::Rejected).then(|| view! {
                        <button type="button" class="bo-btn" on:click=to_calendar>{app.text("cand.to_calendar")}</button>
                    })}
                    {(matches!(c.stage, Stage::Offer | Stage::Accepted)).then(|| view! {
                        <button type="button" class="bo-btn" on:click=move |_| { let _ = window().print(); }>{app.text("cand.print_offer")}</button>
                    })}
                    {event_link.map(|eid| view! {
                        <a class="bo-btn" href=Route::View("events".into(), eid).href()>{app.text("cand.open_interview")}</a>
                    })}
                    {employee_link.map(|eid| view! {
                        <a class="bo-btn" href=Route::View("employees".into(), eid).href()>{app.text("cand.open_employee")}</a>
                    })}
                </div>
            </section>
        })
    };
    let interviews_part = move || {
        let c = cand.get()?;
        let more = app.lists.interviews().with(|all| interviews_of(all, &c.meta.id));
        let writable = c.meta.deleted_at.is_none() && app.read_only.get().is_none() && c.stage != Stage::Rejected;
        (writable || !more.is_empty()).then(|| {
            view! {
                <section class="bo-card" aria-labelledby="intv-h">
                    <h2 id="intv-h">{app.text("intv.heading")}</h2>
                    {if more.is_empty() {
                        view! { <p>{app.text("intv.none")}</p> }.into_any()
                    } else {
                        view! {
                            <ol class="bo-timeline">
                                {more.into_iter().map(|i| {
                                    let when = i.at.map(|t| crate::domain::format::format_datetime(t.and_utc().fixed_offset(), app.lang.get())).unwrap_or_default();
                                    let round = (!i.round.trim().is_empty()).then(|| format!(" · {}", i.round.trim()));
                                    let score = i.score.map(|s| format!(" — {}", app.tf("intv.score_of", &[("n", s.to_string())])));
                                    view! {
                                        <li>
                                            <a href=Route::View("interviews".into(), i.meta.id.clone()).href()><strong>{when}</strong></a>
                                            {round}{score}
                                            {(!i.notes.is_empty()).then(|| view! { <p class="bo-prewrap">{i.notes.clone()}</p> })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        }.into_any()
                    }}
                    {writable.then(|| view! {
                        <div class="bo-actions">
                            <a class="bo-btn" href=Route::NewAt("interviews".into(), c.meta.id.clone()).href()>{app.text("intv.new")}</a>
                        </div>
                    })}
                </section>
            }
        })
    };
    let print_part = move || cand.get().filter(|c| matches!(c.stage, Stage::Offer | Stage::Accepted)).map(|c| offer_letter(&app, &c));
    view! {
        <div class="bo-no-print">
            {detail_page_with::<Candidate>("candidates", id, Some(ViewFn::from(move || view! { {actions}{interviews_part} }.into_any())))}
        </div>
        {print_part}
    }
    .into_any()
}

/// The offer letter as printed: the company, the candidate, the position, the first day and
/// the wage offered, and room to sign.
fn offer_letter(app: &AppState, c: &Candidate) -> AnyView {
    let app = *app;
    let s = app.settings.get_untracked();
    let position = vacancy(&app, &c.vacancy_id).map(|v| v.title()).unwrap_or_default();
    view! {
        <article class="bo-print-only bo-doc-print" aria-hidden="true">
            <p class="bo-print-company">{s.company_name.clone()}</p>
            <p class="bo-prewrap">{s.company_address.clone()}</p>
            <h1>{app.t("cand.offer_letter")}</h1>
            <p>{day_of(&app, Some(today()))}</p>
            <p>{app.t("cand.offer_to")}" "<strong>{c.name.clone()}</strong></p>
            <p>{app.tf("cand.offer_body", &[("position", position)])}</p>
            {c.starts_on.map(|d| view! { <p>{app.t("cand.starts_on")}": "{day_of(&app, Some(d))}</p> })}
            {c.offer_wage.map(|w| view! { <p>{app.t("cand.offer_wage")}": "{money(&app, w)}</p> })}
            <p>{app.t("cand.offer_reply")}</p>
            <p class="bo-signature">{s.user_name.clone()}</p>
        </article>
    }
    .into_any()
}
