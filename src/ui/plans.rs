//! Work plans: each plan's page with its tasks (late ones marked), its progress and its
//! evaluations period by period (the change of score from the period before); new tasks and
//! evaluations start from the plan.
use leptos::prelude::*;

use crate::domain::dates::date_text;
use crate::domain::plans::{board, progress, reviews_of, tasks_of, PlanReview, PlanTask, TaskStatus, WorkPlan};
use crate::domain::record::RecordRules;
use crate::route::Route;

use super::calendar::today;
use super::collection::save_record;
use super::collection::UiEntity;
use super::compliance::links;
use super::fields::day_of;
use super::pages::RecordPages;
use super::records::{csv_tools, detail_page_with, form_page_back, list_page};
use super::state::use_app;
use super::widgets::PageHead;

impl UiEntity for WorkPlan {
    const PLURAL: &'static str = "nav.work_plans";
    const NEW: &'static str = "plan.new";
    const EMPTY: &'static str = "plan.empty";
}

impl UiEntity for PlanTask {
    const PLURAL: &'static str = "nav.plan_tasks";
    const NEW: &'static str = "ptask.new";
    const EMPTY: &'static str = "ptask.empty";
}

impl UiEntity for PlanReview {
    const PLURAL: &'static str = "nav.plan_reviews";
    const NEW: &'static str = "prev.new";
    const EMPTY: &'static str = "prev.empty";
}

impl RecordPages for WorkPlan {
    fn list() -> AnyView {
        list_page::<WorkPlan>("work_plans", view! { {links()} {csv_tools::<WorkPlan>("work_plans")} }.into_any())
    }
    fn view(id: String) -> AnyView {
        let top = ViewFn::from({
            let id = id.clone();
            move || plan_part(id.clone())
        });
        detail_page_with::<WorkPlan>("work_plans", id, Some(top))
    }
}

/// `#/plan_tasks/new/<plan id>`: a task of that plan; the form goes back to it.
impl RecordPages for PlanTask {
    fn list() -> AnyView {
        list_page::<PlanTask>("plan_tasks", view! { {links()} {csv_tools::<PlanTask>("plan_tasks")} }.into_any())
    }
    fn create(plan: Option<String>) -> AnyView {
        let back = plan.clone().map(|id| Route::View("work_plans".into(), id));
        form_page_back::<PlanTask>("plan_tasks", None, plan.map(|id| vec![("plan_id", id)]).unwrap_or_default(), back)
    }
}

/// `#/plan_reviews/new/<plan id>`: the period after the last one evaluated (the plan's
/// first at first).
impl RecordPages for PlanReview {
    fn list() -> AnyView {
        list_page::<PlanReview>("plan_reviews", view! { {links()} {csv_tools::<PlanReview>("plan_reviews")} }.into_any())
    }
    fn create(plan: Option<String>) -> AnyView {
        let app = use_app();
        let mut prefill = vec![];
        let back = plan.clone().map(|id| Route::View("work_plans".into(), id));
        if let Some(id) = plan {
            let p = app.lists.work_plans().with_untracked(|all| all.iter().find(|p| p.meta.id == id).cloned());
            let last = app.lists.plan_reviews().with_untracked(|all| reviews_of(all, &id).last().and_then(|(r, _)| r.period));
            let period = match (p, last) {
                (Some(p), Some(last)) => p.period_end(last).and_then(|end| end.succ_opt()),
                (Some(p), None) => p.starts,
                _ => None,
            };
            prefill.push(("plan_id", id));
            prefill.extend(period.map(|d| ("period", date_text(d))));
        }
        form_page_back::<PlanReview>("plan_reviews", None, prefill, back)
    }
}

/// A plan's period, progress, tasks and evaluations, on its page.
fn plan_part(id: String) -> AnyView {
    let app = use_app();
    let plan = Memo::new({
        let id = id.clone();
        move |_| app.lists.work_plans().with(|all| all.iter().find(|p| p.meta.id == id).cloned())
    });
    let tasks = Memo::new({
        let id = id.clone();
        move |_| app.lists.plan_tasks().with(|all| tasks_of(all, &id).into_iter().cloned().collect::<Vec<_>>())
    });
    let reviews = Memo::new({
        let id = id.clone();
        move |_| {
            app.lists.plan_reviews().with(|all| reviews_of(all, &id).into_iter().map(|(r, change)| (r.clone(), change)).collect::<Vec<_>>())
        }
    });
    let summary = move || {
        let p = plan.get()?;
        let all = tasks.get();
        let refs: Vec<&PlanTask> = all.iter().collect();
        let late = all.iter().filter(|t| t.late(today())).count();
        Some(app.tf(
            "plan.summary",
            &[
                ("from", day_of(&app, p.starts)),
                ("to", day_of(&app, p.ends())),
                ("progress", progress(&refs).unwrap_or(0).to_string()),
                ("n", all.len().to_string()),
                ("late", late.to_string()),
            ],
        ))
    };
    let title_of =
        move |task_id: &str| tasks.with(|all| all.iter().find(|t| t.meta.id == task_id).map(|t| t.title.clone())).unwrap_or_default();
    let writable = move || app.read_only.get().is_none() && plan.with(|p| p.as_ref().is_some_and(|p| p.meta.deleted_at.is_none()));
    let (new_task, new_review) =
        (Route::NewAt("plan_tasks".into(), id.clone()).href(), Route::NewAt("plan_reviews".into(), id.clone()).href());
    view! {
        <section class="bo-card" aria-labelledby="plan-tasks-h">
            <h2 id="plan-tasks-h">{app.text("plan.tasks")}</h2>
            <p class="bo-big">{summary}</p>
            <Show when=move || !tasks.with(Vec::is_empty) fallback=move || view! { <p>{app.text("ptask.empty")}</p> }>
                <div class="bo-table-wrap" tabindex="0">
                    <table class="bo-table">
                        <thead><tr>
                            <th scope="col">{app.text("ptask.title")}</th>
                            <th scope="col">{app.text("ptask.owner")}</th>
                            <th scope="col">{app.text("ptask.due")}</th>
                            <th scope="col">{app.text("ptask.status")}</th>
                            <th scope="col">{app.text("ptask.progress")}</th>
                            <th scope="col">{app.text("ptask.blocked_by")}</th>
                        </tr></thead>
                        <tbody>
                            <For each=move || tasks.get() key=|t| (t.meta.id.clone(), t.meta.updated_at) let(t)>
                                {
                                    let late = t.late(today());
                                    let blocked = title_of(&t.blocked_by);
                                    view! {
                                        <tr>
                                            <td><a href=Route::View("plan_tasks".into(), t.meta.id.clone()).href()>{t.title.clone()}</a></td>
                                            <td>{t.owner.clone()}</td>
                                            <td class:bo-warn-text=late>
                                                {move || day_of(&app, t.due)}
                                                {late.then(|| view! { " "<strong>{app.text("ptask.late")}</strong> })}
                                            </td>
                                            <td>{move || app.t(t.status.label_key())}</td>
                                            <td>{format!("{} %", t.done_percent())}</td>
                                            <td>{blocked}</td>
                                        </tr>
                                    }
                                }
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <Show when=writable>
                <div class="bo-actions"><a class="bo-btn" href=new_task.clone()>{app.text("ptask.new")}</a></div>
            </Show>
        </section>
        <section class="bo-card" aria-labelledby="plan-reviews-h">
            <h2 id="plan-reviews-h">{app.text("plan.reviews")}</h2>
            <Show when=move || !reviews.with(Vec::is_empty) fallback=move || view! { <p>{app.text("prev.empty")}</p> }>
                <div class="bo-table-wrap" tabindex="0">
                    <table class="bo-table">
                        <thead><tr>
                            <th scope="col">{app.text("prev.period")}</th>
                            <th scope="col">{app.text("prev.target")}</th>
                            <th scope="col">{app.text("prev.actual")}</th>
                            <th scope="col">{app.text("prev.score")}</th>
                            <th scope="col">{app.text("prev.comment")}</th>
                        </tr></thead>
                        <tbody>
                            <For each=move || reviews.get() key=|(r, change)| (r.meta.id.clone(), r.meta.updated_at, *change) let((r, change))>
                                <tr>
                                    <td><a href=Route::View("plan_reviews".into(), r.meta.id.clone()).href()>{move || day_of(&app, r.period)}</a></td>
                                    <td>{r.target.clone()}</td>
                                    <td>{r.actual.clone()}</td>
                                    <td>
                                        {r.score.map(|s| s.to_string()).unwrap_or_default()}
                                        {change.filter(|c| *c != 0).map(|c| {
                                            let text = if c > 0 { format!(" (+{c})") } else { format!(" ({c})") };
                                            view! { <span class="bo-hint" aria-label=move || app.tf("prev.change", &[("n", c.to_string())])>{text}</span> }
                                        })}
                                    </td>
                                    <td>{r.comment.clone()}</td>
                                </tr>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <Show when=writable>
                <div class="bo-actions"><a class="bo-btn" href=new_review.clone()>{app.text("prev.new")}</a></div>
            </Show>
        </section>
    }
    .into_any()
}

/// Every plan's tasks by status; a card's status is changed where it stands (done: 100 %).
pub fn board_page() -> AnyView {
    let app = use_app();
    let columns = Memo::new(move |_| {
        app.lists.plan_tasks().with(|all| {
            board(all).into_iter().map(|(status, tasks)| (status, tasks.into_iter().cloned().collect::<Vec<_>>())).collect::<Vec<_>>()
        })
    });
    let plan_name = move |id: &str| {
        app.lists.work_plans().with_untracked(|all| all.iter().find(|p| p.meta.id == id).map(|p| p.name.clone())).unwrap_or_default()
    };
    let move_to = move |t: PlanTask, code: String| {
        let (name, select_id, was) = (t.title(), format!("status-{}", t.meta.id), t.status);
        let Some(status) = TaskStatus::from_code(&code) else { return };
        if save_record(&app, PlanTask { status, ..t }).is_ok() {
            app.info(app.tf("ptask.moved", &[("name", name), ("status", app.t(status.label_key()).to_string())]));
        } else if let Some(el) = document().get_element_by_id(&select_id) {
            // Refused (the error says why): the select shows the status still stored.
            let _ = js_sys::Reflect::set(&el, &"value".into(), &was.code().into());
        }
        super::widgets::refocus(select_id);
    };
    let card = move |t: PlanTask| {
        let select_id = format!("status-{}", t.meta.id);
        let late = t.late(today());
        let facts = [plan_name(&t.plan_id), t.owner.clone(), day_of(&app, t.due), format!("{} %", t.done_percent())]
            .into_iter()
            .filter(|f| !f.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        let (current, t2) = (t.status, t.clone());
        view! {
            <li class="bo-board-card">
                <a href=Route::View("plan_tasks".into(), t.meta.id.clone()).href()>{t.title.clone()}</a>
                <p class="bo-meta" class:bo-warn-text=late>{facts}{late.then(|| view! { " · "<strong>{app.text("ptask.late")}</strong> })}</p>
                <label class="bo-visually-hidden" for=select_id.clone()>{app.tf("ptask.status_of", &[("name", t.title.clone())])}</label>
                <select id=select_id disabled=move || app.read_only.get().is_some() on:change=move |ev| move_to(t2.clone(), event_target_value(&ev))>
                    {TaskStatus::ALL.iter().map(|s| view! { <option value=s.code() selected=*s == current>{app.t(s.label_key())}</option> }).collect_view()}
                </select>
            </li>
        }
    };
    view! {
        <PageHead title=app.title("ptask.board")>
            <a class="bo-btn bo-btn-primary" href=Route::New("plan_tasks".into()).href()>{app.text("ptask.new")}</a>
        </PageHead>
        {links()}
        // Scrolls sideways on its own: reachable by keyboard to scroll it.
        <div class="bo-board" tabindex="0" role="region" aria-label=app.text("ptask.board")>
            <For each=move || columns.get() key=|(status, tasks)| (*status, tasks.iter().map(|t| (t.meta.id.clone(), t.meta.updated_at)).collect::<Vec<_>>()) let:column>
                {
                    let (status, tasks) = column;
                    let (heading, labelled_by) = (format!("board-{}", status.code()), format!("board-{}", status.code()));
                    view! {
                        <section class="bo-board-col" aria-labelledby=labelled_by>
                            <h2 id=heading>{app.t(status.label_key())}" "<span class="bo-meta">{format!("({})", tasks.len())}</span></h2>
                            <ul>{tasks.into_iter().map(card).collect_view()}</ul>
                        </section>
                    }
                }
            </For>
        </div>
    }
    .into_any()
}
