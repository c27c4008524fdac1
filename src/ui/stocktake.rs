//! Counting a stocktake: one row per item in scope, a count typed per row (Enter goes to
//! the next), variances as you go, and the differences posted as adjustments in one write.
use crate::domain::record::RecordRules;
use leptos::prelude::*;

use wasm_bindgen::JsCast;

use crate::domain::stocktake::Stocktake;

use super::collection::{save_record, save_records, trash_record};
use super::collection::{Derived, UiEntity};
use super::router::{navigate, Route};
use super::state::{local_now, now, use_app, AppState};
use super::widgets::PageHead;

fn find(app: &AppState, id: &str) -> Option<Stocktake> {
    app.lists.stocktakes().with(|all| all.iter().find(|s| s.meta.id == id).cloned())
}

/// Moves focus to the count input after `index`, so counting runs down the list by keyboard.
fn focus_count(index: usize) {
    if let Ok(Some(el)) = document().query_selector(&format!("[data-count-row='{index}']")) {
        if let Some(el) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            let _ = el.focus();
            el.select();
        }
    }
}

pub fn count_page(id: String) -> AnyView {
    let app = use_app();
    let id2 = id.clone();
    let take = Memo::new(move |_| find(&app, &id2));
    // Rows: (item id, code, name, unit, expected); redrawn when the ledger or scope changes,
    // not on every count typed.
    let rows = Memo::new(move |_| {
        let Some(st) = take.with(|t| t.as_ref().map(|t| Stocktake { counts: vec![], ..t.clone() })) else { return vec![] };
        app.lists.items().with(|items| {
            app.stock_levels().with(|s| {
                st.scope(items, s)
                    .into_iter()
                    .map(|i| (i.meta.id.clone(), i.code.clone(), i.name.clone(), i.unit.clone(), st.expected(i, s)))
                    .collect::<Vec<_>>()
            })
        })
    });
    let variances = Memo::new(move |_| {
        take.with(|t| {
            t.as_ref().map(|t| app.lists.items().with(|items| app.stock_levels().with(|s| t.variances(items, s)))).unwrap_or_default()
        })
    });
    let set_count = move |item_id: String, text: String| {
        let Some(mut st) = take.get_untracked() else { return };
        if st.counts.iter().find(|c| c.item_id == item_id).map(|c| c.counted.as_str()).unwrap_or("") == text.trim() {
            return;
        }
        st.set_count(&item_id, &text);
        let _ = save_record(&app, st);
    };
    let post = move |_| {
        let Some(mut st) = take.get_untracked() else { return };
        if !st.bad_counts().is_empty() {
            app.error(app.t("count.bad").into());
            return;
        }
        let at = local_now();
        let reason = app.tf("count.reason", &[("date", st.started_text())]);
        let moves =
            app.lists.items().with_untracked(|items| app.stock_levels().with_untracked(|s| st.adjustments(items, s, at, &reason, now())));
        let n = moves.len();
        if !window().confirm_with_message(&app.tf("count.confirm", &[("n", n.to_string())])).unwrap_or(false) {
            return;
        }
        if n > 0 && save_records(&app, moves).is_err() {
            return;
        }
        st.posted = crate::domain::dates::datetime_text(at);
        if save_record(&app, st).is_ok() {
            app.info(app.tf("count.posted_toast", &[("n", n.to_string())]));
        }
    };
    // The page is redrawn only when the count is posted, never while counts are typed (that
    // would take the focus away from the row being counted).
    let head = Memo::new(move |_| take.with(|t| t.as_ref().map(|t| (t.posted.clone(), t.title()))));
    let id_del = id.clone();
    let body = move || {
        let Some((posted_at, title)) = head.get() else {
            return view! {
                <h1 tabindex="-1">{app.text("notfound.title")}</h1>
                <p><a href=Route::List("stocktakes".into()).href()>{app.text("nav.stocktakes")}</a></p>
            }
            .into_any();
        };
        let posted = !posted_at.is_empty();
        let counts = take.with_untracked(|t| t.as_ref().map(|t| t.counts.clone()).unwrap_or_default());
        let id_del = id_del.clone();
        view! {
            <PageHead title=Signal::derive(move || format!("{} {}", app.t("count.title"), title))>
                <Show when=move || !posted && app.read_only.get().is_none()>
                    <button type="button" class="bo-btn bo-btn-primary" on:click=post>{app.text("count.post")}</button>
                    <button type="button" class="bo-btn bo-btn-danger" on:click={
                        let id = id_del.clone();
                        move |_| if trash_record::<Stocktake>(&app, &id).is_ok() { navigate(&Route::List("stocktakes".into())) }
                    }>{app.text("action.delete")}</button>
</Show>
                <button type="button" class="bo-btn" on:click=move |_| { let _ = window().print(); }>{app.text("action.print")}</button>
                <a class="bo-btn" href=Route::List("stocktakes".into()).href()>{app.text("action.back")}</a>
            </PageHead>
            {if posted {
                view! { <p class="bo-banner bo-banner-info">{app.tf("count.is_posted", &[("when", posted_at.replace('T', " "))])}</p> }.into_any()
            } else {
                view! { <p class="bo-hint">{app.text("count.hint")}</p> }.into_any()
            }}
            <p aria-live="polite">{move || {
                let v = variances.get();
                let off = v.iter().filter(|x| x.diff != 0).count();
                app.tf("count.progress", &[("n", v.len().to_string()), ("total", rows.with(Vec::len).to_string()), ("off", off.to_string())])
            }}</p>
            <div class="bo-table-wrap" tabindex="0"><table class="bo-table bo-stocktake">
                <thead><tr>
                    <th scope="col">{app.text("item.code")}</th>
                    <th scope="col">{app.text("item.name")}</th>
                    <th scope="col" class="bo-num">{app.text("count.expected")}</th>
                    <th scope="col" class="bo-num">{app.text("count.counted")}</th>
                    <th scope="col" class="bo-num">{app.text("count.variance")}</th>
                </tr></thead>
                <tbody>
                    {rows.get().into_iter().enumerate().map(|(i, (item_id, code, name, unit, expected))| {
                        let typed = counts.iter().find(|c| c.item_id == item_id).map(|c| c.counted.clone()).unwrap_or_default();
                        let label = format!("{} {code} {name}", app.t("count.counted"));
                        let (id_a, id_b, id_c) = (item_id.clone(), item_id.clone(), item_id.clone());
                        let variance = Memo::new(move |_| variances.with(|v| v.iter().find(|x| x.item_id == id_c).map(|x| x.diff)));
                        view! {
                            <tr>
                                <td>{code}</td>
                                <td>{name}</td>
                                <td class="bo-num">{format!("{expected} {unit}")}</td>
                                <td class="bo-num">
                                    <input type="text" inputmode="numeric" autocomplete="off" class="bo-count-input" data-count-row=i.to_string()
                                        aria-label=label disabled=posted value=typed
                                        on:change=move |ev| set_count(id_a.clone(), event_target_value(&ev))
                                        on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" {
                                            ev.prevent_default();
                                            set_count(id_b.clone(), event_target_value(&ev));
                                            focus_count(i + 1);
                                        } />
                                </td>
                                <td class="bo-num" class:bo-warn-text=move || variance.get().is_some_and(|d| d != 0)>
                                    {move || variance.get().map(|d| format!("{d:+}")).unwrap_or_default()}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table></div>
        }
        .into_any()
    };
    view! { {body} }.into_any()
}

impl UiEntity for Stocktake {
    const PLURAL: &'static str = "nav.stocktakes";
    const NEW: &'static str = "count.new";
    const EMPTY: &'static str = "count.empty";
    fn derived() -> &'static [Derived<Self>] {
        &[Derived {
            label: "count.state",
            value: |app, s| {
                let text = if s.posted.is_empty() {
                    app.tf("count.counting", &[("n", s.counts.len().to_string())])
                } else {
                    app.t("count.posted").to_string()
                };
                (text, s.posted.clone())
            },
        }]
    }
}
