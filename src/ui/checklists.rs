//! Joining and leaving checklists: the office's steps (a list of their own, with the
//! standard steps a click away) and, on an employee's page, their checklist made from those
//! steps, ticked off where it stands.
use leptos::prelude::*;

use crate::domain::checklists::{anchor, held_by, make, standard_steps, ChecklistItem, ChecklistStep, Moment};
use crate::domain::people::Employee;

use super::calendar::today;
use super::collection::{save_record, save_records, UiEntity};
use super::fields::day_of;
use super::pages::RecordPages;
use super::records::{csv_tools, list_page};
use super::router::Route;
use super::state::{now, use_app, AppState};

impl UiEntity for ChecklistStep {
    const PLURAL: &'static str = "nav.checklist_steps";
    const NEW: &'static str = "hrc.new";
    const EMPTY: &'static str = "hrc.empty";
}

impl UiEntity for ChecklistItem {
    const PLURAL: &'static str = "nav.checklist_items";
    const NEW: &'static str = "hri.new";
    const EMPTY: &'static str = "hri.empty";
}

/// The steps, with the standard ones offered while there are none.
impl RecordPages for ChecklistStep {
    fn list() -> AnyView {
        let app = use_app();
        let none =
            move || app.read_only.get().is_none() && app.lists.checklist_steps().with(|s| s.iter().all(|s| s.meta.deleted_at.is_some()));
        let add_standard = move |_| {
            let steps = standard_steps(app.lang.get_untracked(), now());
            let n = steps.len();
            if save_records(&app, steps).is_ok() {
                app.info(app.tf("hrc.standard_added", &[("n", n.to_string())]));
            }
        };
        list_page::<ChecklistStep>(
            "checklist_steps",
            view! {
                <Show when=none>
                    <button type="button" class="bo-btn" on:click=add_standard>{app.text("hrc.use_standard")}</button>
                </Show>
                {csv_tools::<ChecklistStep>("checklist_steps")}
            }
            .into_any(),
        )
    }
}

impl RecordPages for ChecklistItem {}

/// One checklist of an employee's page: made from the steps in one click, then ticked off.
pub fn checklist_part(employee: Memo<Option<Employee>>, moment: Moment) -> AnyView {
    let app = use_app();
    let items = Memo::new(move |_| {
        let Some(e) = employee.get() else { return vec![] };
        app.lists.checklist_items().with(|all| {
            let mut v: Vec<ChecklistItem> =
                all.iter().filter(|i| i.meta.deleted_at.is_none() && i.employee_id == e.meta.id && i.moment == moment).cloned().collect();
            crate::sort::sort_by(&mut v, |a, b| a.due.cmp(&b.due));
            v
        })
    });
    let writable = move || app.read_only.get().is_none() && employee.with(|e| e.as_ref().is_some_and(|e| e.meta.deleted_at.is_none()));
    // The joining checklist while someone is new or has none; the leaving one once they
    // have a last day or have left.
    let offered = move || {
        employee.with(|e| {
            e.as_ref().is_some_and(|e| match moment {
                Moment::Joining => e.is_current(),
                Moment::Leaving => e.meta.deleted_at.is_none() && (e.left_on.is_some() || !e.is_current()),
            })
        })
    };
    let start = move |_| {
        let Some(e) = employee.get_untracked() else { return };
        let steps = app.lists.checklist_steps().with_untracked(Clone::clone);
        let held = app.lists.assets().with_untracked(|assets| {
            app.lists.asset_log().with_untracked(|log| held_by(&e, assets, log).into_iter().cloned().collect::<Vec<_>>())
        });
        let held: Vec<_> = held.iter().collect();
        let made = make(&steps, &e, moment, anchor(&e, moment, today()), &held, app.lang.get_untracked(), now());
        if made.is_empty() {
            app.error(app.t("emp.no_steps").into());
            return;
        }
        let n = made.len();
        if save_records(&app, made).is_ok() {
            app.info(app.tf("emp.checklist_made", &[("n", n.to_string())]));
        }
    };
    let tick = move |item: ChecklistItem, done: bool| {
        let (title, box_id) = (item.title.clone(), format!("hri-{}", item.meta.id));
        if save_record(&app, ChecklistItem { done, ..item }).is_ok() {
            app.info(app.tf(if done { "etask.done_toast" } else { "etask.undone_toast" }, &[("name", title)]));
        }
        super::widgets::refocus(box_id);
    };
    let (heading, heading_id, start_key) = match moment {
        Moment::Joining => ("emp.checklist_joining", "hri-joining-h", "emp.start_joining"),
        Moment::Leaving => ("emp.checklist_leaving", "hri-leaving-h", "emp.start_leaving"),
    };
    view! {
        <Show when=move || offered() || !items.with(Vec::is_empty)>
            <section class="bo-card" aria-labelledby=heading_id>
                <h2 id=heading_id>{app.text(heading)}</h2>
                <Show when=move || items.with(Vec::is_empty)>
                    <Show when=writable fallback=move || view! { <p>{app.text("hri.empty")}</p> }>
                        <button type="button" class="bo-btn bo-btn-primary" on:click=start>{app.text(start_key)}</button>
                    </Show>
                </Show>
                <Show when=move || !items.with(Vec::is_empty)>
                    <p>{move || items.with(|v| app.tf("emp.checklist_progress", &[
                        ("done", v.iter().filter(|i| i.done).count().to_string()),
                        ("total", v.len().to_string()),
                    ]))}</p>
                    <ul class="bo-checklist">
                        <For each=move || items.get() key=|i| (i.meta.id.clone(), i.meta.updated_at) let:item>
                            {
                                let late = !item.done && item.due.is_some_and(|d| d < today());
                                let (done, i2, box_id) = (item.done, item.clone(), format!("hri-{}", item.meta.id));
                                let owner = (!item.owner.is_empty()).then(|| format!(" · {}", item.owner));
                                view! {
                                    <li>
                                        <input type="checkbox" id=box_id aria-label=format!("{}: {}", app.t("hri.done"), item.title)
                                            prop:checked=done disabled=move || !writable()
                                            on:change=move |ev| tick(i2.clone(), event_target_checked(&ev)) />
                                        " "<a href=Route::View("checklist_items".into(), item.meta.id.clone()).href()>{item.title.clone()}</a>
                                        <span class="bo-meta" class:bo-warn-text=late>" · "{day_of(&app, item.due)}{owner}
                                            {late.then(|| view! { " "<strong>{app.t("etask.overdue")}</strong> })}</span>
                                    </li>
                                }
                            }
                        </For>
                    </ul>
                </Show>
            </section>
        </Show>
    }
    .into_any()
}

/// Joining and leaving items due within a week (late ones first), for the Today view.
pub fn due_lines(app: AppState) -> Memo<Vec<super::reminders::Line>> {
    Memo::new(move |_| {
        let today = today();
        let until = today + chrono::Days::new(7);
        let emps = app.lists.employees().read();
        // Items of an employee in the trash wait with them.
        crate::domain::checklists::due_by(&app.lists.checklist_items().read(), until)
            .into_iter()
            .filter_map(|i| {
                let e = emps.iter().find(|e| e.meta.id == i.employee_id && e.meta.deleted_at.is_none())?;
                let late = i.due.is_some_and(|d| d < today);
                Some(super::reminders::Line {
                    id: i.meta.id.clone(),
                    href: Route::View("employees".into(), i.employee_id.clone()).href(),
                    link: e.name.clone(),
                    rest: format!(" — {} · {}", i.title, day_of(&app, i.due)),
                    flag: late.then(|| app.t("etask.overdue").to_string()),
                    late,
                })
            })
            .collect()
    })
}
