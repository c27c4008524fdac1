//! The compliance register: obligations and their due dates, what is due or overdue with a
//! way to record it done (with its evidence), each obligation's history, the starter list
//! of an Indonesian office's deadlines, and the coming deadlines as a calendar file.
use leptos::prelude::*;

use crate::domain::compliance::{
    coming, deadlines_ics, open_dues, starter_first_due, Due, Obligation, ObligationDone, Repeat, LEAD, STARTER,
};
use crate::domain::dates::date_text;
use crate::domain::format::Lang;
use crate::domain::record::{Entity, FieldError};
use crate::route::Route;
use crate::text::lower;

use super::calendar::today;
use super::collection::{save_records, UiEntity};
use super::fields::day_of;
use super::files::download;
use super::pages::RecordPages;
use super::records::{csv_tools, detail_page_with, form_page_back, list_page};
use super::reminders::due_text;
use super::state::{now, use_app, AppState};

impl UiEntity for Obligation {
    const PLURAL: &'static str = "nav.obligations";
    const NEW: &'static str = "obl.new";
    const EMPTY: &'static str = "obl.empty";
}

impl UiEntity for ObligationDone {
    const PLURAL: &'static str = "nav.obligations_done";
    const NEW: &'static str = "obld.new";
    const EMPTY: &'static str = "obld.empty";
    /// A due date is done once: a second record would hide which evidence counts.
    fn check(&self, app: &AppState) -> Vec<FieldError> {
        let twice = app.lists.obligations_done().with_untracked(|all| {
            all.iter().any(|d| {
                d.meta.id != self.meta.id && d.meta.deleted_at.is_none() && d.obligation_id == self.obligation_id && d.due == self.due
            })
        });
        if twice {
            vec![("due", "err.done_twice")]
        } else {
            vec![]
        }
    }
}

impl RecordPages for Obligation {
    fn list() -> AnyView {
        list_page::<Obligation>(
            "obligations",
            view! { {links()} {due_card()} {tools()} {csv_tools::<Obligation>("obligations")} }.into_any(),
        )
    }
    /// A week's reminder to start with.
    fn create(_: Option<String>) -> AnyView {
        form_page_back::<Obligation>("obligations", None, vec![("lead_days", LEAD.to_string())], None)
    }
    fn view(id: String) -> AnyView {
        let top = ViewFn::from({
            let id = id.clone();
            move || history(id.clone())
        });
        detail_page_with::<Obligation>("obligations", id, Some(top))
    }
}

impl RecordPages for ObligationDone {
    fn list() -> AnyView {
        list_page::<ObligationDone>("obligations_done", view! { {links()} {csv_tools::<ObligationDone>("obligations_done")} }.into_any())
    }
    /// `#/obligations_done/new/<obligation id>~<due date>[~notice]`: a due date (or a
    /// contract's notice deadline) recorded done today by whoever uses this browser; the
    /// form goes back to the obligation.
    fn create(at: Option<String>) -> AnyView {
        let app = use_app();
        let mut prefill = vec![("done_on", date_text(today())), ("by", app.settings.with_untracked(|s| s.user_name.clone()))];
        let mut back = None;
        let at = match at.as_deref().and_then(|a| a.strip_suffix("~notice")) {
            Some(due) => {
                prefill.push(("notice", "1".to_string()));
                Some(due.to_string())
            }
            None => at,
        };
        if let Some((id, due)) = at.as_deref().and_then(|a| a.rsplit_once('~')) {
            prefill.push(("obligation_id", id.to_string()));
            prefill.push(("due", due.to_string()));
            back = Some(Route::View("obligations".into(), id.to_string()));
        }
        form_page_back::<ObligationDone>("obligations_done", None, prefill, back)
    }
}

/// The link that records a due date done.
fn done_href(x: &Due) -> String {
    let notice = if x.notice { "~notice" } else { "" };
    Route::NewAt("obligations_done".into(), format!("{}~{}{notice}", x.obligation_id, date_text(x.due))).href()
}

/// "Done…" for a due date, for whoever may write.
fn done_link(app: AppState, x: &Due, writable: impl Fn() -> bool + Send + Sync + 'static) -> AnyView {
    let (href, name, due) = (done_href(x), x.name.clone(), x.due);
    let label = move || app.tf("obl.done_for", &[("name", name.clone()), ("date", day_of(&app, Some(due)))]);
    view! {
        <Show when=writable>
            <a class="bo-btn bo-btn-small" href=href.clone() aria-label=label.clone()>{app.text("obl.done")}</a>
        </Show>
    }
    .into_any()
}

/// Coordination's screens, side by side.
pub fn links() -> AnyView {
    super::widgets::subnav(
        "nav.coordination",
        vec![
            (Route::List("obligations".into()), "nav.obligations"),
            (Route::List("obligations_done".into()), "nav.obligations_done"),
            (Route::List("work_plans".into()), "nav.work_plans"),
            (Route::List("plan_tasks".into()), "nav.plan_tasks"),
            (Route::PlanBoard, "ptask.board"),
            (Route::List("plan_reviews".into()), "nav.plan_reviews"),
            (Route::List("kpis".into()), "nav.kpis"),
        ],
    )
}

/// Overdue due dates and those within their reminder, each with "Done…".
fn due_card() -> AnyView {
    let app = use_app();
    let dues = Memo::new(move |_| app.lists.obligations().with(|o| app.lists.obligations_done().with(|d| open_dues(o, d, today()))));
    let writable = move || app.read_only.get().is_none();
    view! {
        <Show when=move || !dues.with(Vec::is_empty)>
            <section class="bo-card" class:bo-warn=move || dues.with(|d| d.iter().any(|x| x.days < 0)) aria-labelledby="due-h">
                <h2 id="due-h">{move || app.tf("obl.due_n", &[("n", dues.with(Vec::len).to_string())])}</h2>
                <ul class="bo-list">
                    <For each=move || dues.get() key=|x| x.clone() let(x)>
                        <li>
                            <a href=Route::View("obligations".into(), x.obligation_id.clone()).href()>{x.name.clone()}</a>
                            " — "{let x = x.clone(); move || due_text(&app, &x)}
                            {(!x.owner.is_empty()).then(|| format!(" · {}", x.owner))}" "
                            {done_link(app, &x, writable)}
                        </li>
                    </For>
                </ul>
            </section>
        </Show>
    }
    .into_any()
}

/// The starter list and the calendar file.
fn tools() -> AnyView {
    let app = use_app();
    let add_starter = move |_| {
        let (day, lang) = (today(), app.lang.get_untracked());
        let have: Vec<String> = app
            .lists
            .obligations()
            .with_untracked(|all| all.iter().filter(|o| o.meta.deleted_at.is_none()).map(|o| lower(&o.name)).collect());
        // Added in either language: the same deadline.
        let known = |key: &str| [Lang::Id, Lang::En].into_iter().any(|l| have.contains(&lower(crate::i18n::t(l, key))));
        let stamp = now();
        let new: Vec<Obligation> = STARTER
            .iter()
            .filter(|(name, ..)| !known(name))
            .map(|&(name, kind, on, month, reference)| {
                let mut o = Obligation::blank(stamp);
                o.name = crate::i18n::t(lang, name).into();
                o.kind = kind;
                o.repeat = match (month, on) {
                    (Some(_), _) => Repeat::Yearly,
                    (None, 31) => Repeat::MonthEnd,
                    _ => Repeat::Monthly,
                };
                o.first_due = starter_first_due(day, on, month);
                o.reference = crate::i18n::t(lang, reference).into();
                o.lead_days = Some(LEAD);
                o
            })
            .collect();
        let n = new.len();
        if n == 0 {
            app.info(app.t("obl.starter_none").into());
        } else if save_records(&app, new).is_ok() {
            app.info(app.tf("obl.starter_added", &[("n", n.to_string())]));
        }
    };
    let export = move |_| {
        let text = app.lists.obligations().with_untracked(|all| deadlines_ics(&coming(all, today(), 365), app.t("nav.obligations"), now()));
        download("kepatuhan.ics", "text/calendar", &text);
    };
    view! {
        <div class="bo-actions bo-no-print">
            <Show when=move || app.read_only.get().is_none()>
                <button type="button" class="bo-btn" on:click=add_starter>{app.text("obl.starter")}</button>
            </Show>
            <button type="button" class="bo-btn" on:click=export>{app.text("obl.export_ics")}</button>
        </div>
    }
    .into_any()
}

/// An obligation's page: its next due dates (those not done with "Done…") and every time
/// it was done, newest first.
fn history(id: String) -> AnyView {
    let app = use_app();
    let obligation = Memo::new({
        let id = id.clone();
        move |_| app.lists.obligations().with(|all| all.iter().find(|o| o.meta.id == id).cloned())
    });
    let open = Memo::new(move |_| {
        obligation.get().map(|o| app.lists.obligations_done().with(|d| open_dues(std::slice::from_ref(&o), d, today()))).unwrap_or_default()
    });
    let next = Memo::new(move |_| {
        let t = today();
        let Some(o) = obligation.get() else { return vec![] };
        app.lists.obligations_done().with(|done| {
            let settled = |d: &chrono::NaiveDate| {
                done.iter().any(|x| x.meta.deleted_at.is_none() && x.obligation_id == o.meta.id && x.due == Some(*d))
            };
            o.due_dates(t, t + chrono::Duration::days(400)).into_iter().filter(|d| !settled(d)).take(3).collect::<Vec<_>>()
        })
    });
    let done = Memo::new({
        let id = id.clone();
        move |_| {
            let mut v: Vec<ObligationDone> = app
                .lists
                .obligations_done()
                .with(|all| all.iter().filter(|d| d.meta.deleted_at.is_none() && d.obligation_id == id).cloned().collect());
            crate::sort::sort_by(&mut v, |a, b| b.due.cmp(&a.due));
            v
        }
    });
    let writable = move || app.read_only.get().is_none() && obligation.with(|o| o.as_ref().is_some_and(|o| o.meta.deleted_at.is_none()));
    view! {
        <section class="bo-card" aria-labelledby="obl-due-h">
            <h2 id="obl-due-h">{app.text("obl.next")}</h2>
            <Show when=move || !open.with(Vec::is_empty) fallback=move || view! {
                <p>{move || {
                    let dates: Vec<String> = next.get().into_iter().map(|d| day_of(&app, Some(d))).collect();
                    if dates.is_empty() { app.t("obl.no_next").to_string() } else { app.tf("obl.next_dates", &[("dates", dates.join(", "))]) }
                }}</p>
            }>
                <ul class="bo-list">
                    <For each=move || open.get() key=|x| x.clone() let(x)>
                        <li>
                            {let x = x.clone(); move || due_text(&app, &x)}" "
                            {done_link(app, &x, writable)}
                        </li>
                    </For>
                </ul>
            </Show>
        </section>
        <section class="bo-card" aria-labelledby="obl-hist-h">
            <h2 id="obl-hist-h">{app.text("obl.history")}</h2>
            <Show when=move || !done.with(Vec::is_empty) fallback=move || view! { <p>{app.text("obl.history_empty")}</p> }>
                <ul class="bo-list">
                    <For each=move || done.get() key=|d| d.meta.id.clone() let(d)>
                        <li>
                            <a href=Route::View("obligations_done".into(), d.meta.id.clone()).href()>{move || day_of(&app, d.due)}</a>
                            " — "{move || app.tf("obl.done_line", &[("date", day_of(&app, d.done_on)), ("evidence", d.evidence.clone())])}
                            {(!d.by.is_empty()).then(|| format!(" · {}", d.by))}
                        </li>
                    </For>
                </ul>
            </Show>
        </section>
    }
    .into_any()
}
