//! Search everywhere (Ctrl+K): every list's records found by any words, each opening its
//! own page. The index is made once per change of a list; each keystroke narrows the last
//! answer (see `domain::search`).
use std::cell::RefCell;

use leptos::prelude::*;

use crate::domain::search::{Doc, Index};

use super::router::{navigate, Route};
use super::state::{use_app, AppState};
use super::widgets::PageHead;

/// Results drawn at most: enough to choose from, few enough to draw at once.
const SHOWN: usize = 50;

thread_local! {
    /// The last query, kept for coming back from a result.
    static LAST: RefCell<String> = const { RefCell::new(String::new()) };
}

macro_rules! docs {
    ($($name:ident: $t:ty,)*) => {
        /// Every live record of every list; reading the lists makes this follow their changes.
        fn every_doc(app: &AppState) -> Vec<Doc> {
            use crate::domain::record::RecordRules;
            let mut docs = vec![];
            $(app.lists.of::<$t>().with(|all| docs.extend(all.iter().filter_map(|r| Doc::of(r, r.title()))));)*
            docs
        }
    };
}
crate::with_record_lists!(docs);

/// The shown results grouped by list (lists in the order of their best result), each
/// result numbered in the order it is drawn, and how many matched in all.
#[derive(Clone, PartialEq)]
struct Found {
    groups: Vec<(&'static str, Vec<(usize, String, String)>)>,
    total: usize,
}

impl Found {
    fn of(ranked: Vec<&Doc>, total: usize) -> Found {
        let mut groups: Vec<(&'static str, Vec<(usize, String, String)>)> = vec![];
        for d in ranked {
            match groups.iter_mut().find(|(list, _)| *list == d.list) {
                Some((_, hits)) => hits.push((0, d.id.clone(), d.title.clone())),
                None => groups.push((d.list, vec![(0, d.id.clone(), d.title.clone())])),
            }
        }
        for (n, hit) in groups.iter_mut().flat_map(|(_, hits)| hits.iter_mut()).enumerate() {
            hit.0 = n;
        }
        Found { groups, total }
    }

    fn shown(&self) -> usize {
        self.groups.iter().map(|(_, hits)| hits.len()).sum()
    }
}

pub fn search_page() -> AnyView {
    let app = use_app();
    let query = RwSignal::new(LAST.with_borrow(Clone::clone));
    let index = StoredValue::new_local(Index::default());
    let built = RwSignal::new(0u32);
    Effect::new(move |_| {
        let docs = super::perf::timed("bo:search-index", || every_doc(&app));
        index.set_value(Index::new(docs));
        built.update(|n| *n += 1);
    });
    let found = Memo::new(move |_| {
        built.track();
        let q = query.get();
        LAST.with_borrow_mut(|l| l.clone_from(&q));
        index
            .try_update_value(|ix| {
                let (shown, total) = super::perf::timed("bo:search", || ix.search(&q, SHOWN));
                Found::of(shown, total)
            })
            .unwrap_or(Found { groups: vec![], total: 0 })
    });
    let first = move || found.with(|f| f.groups.first().map(|(list, hits)| Route::View((*list).into(), hits[0].1.clone())));
    let keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Enter" => {
            if let Some(r) = first() {
                ev.prevent_default();
                navigate(&r);
            }
        }
        "ArrowDown" => {
            ev.prevent_default();
            focus_result(0);
        }
        _ => {}
    };
    view! {
        <PageHead title=app.title("search.title")></PageHead>
        <div class="bo-field bo-search-all">
            <label for="search-all">{app.text("search.label")}</label>
            <input id="search-all" type="search" autofocus autocomplete="off" aria-describedby="search-count"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
                on:keydown=keydown />
        </div>
        <p id="search-count" class="bo-hint" role="status">{move || count_text(&app, query, found)}</p>
        <div class="bo-search-results" on:keydown=move_between_results>
            <For each=move || found.get().groups key=|(list, hits)| (*list, hits.clone()) let((list, hits))>
                <section aria-labelledby=format!("search-g-{list}")>
                    <h2 id=format!("search-g-{list}")>{move || app.t(&format!("collection.{list}")).to_string()}</h2>
                    <ul class="bo-list">
                        {hits.into_iter().map(|(i, id, title)| view! {
                            <li><a id=format!("search-hit-{i}") href=Route::View(list.into(), id).href()>{title}</a></li>
                        }).collect_view()}
                    </ul>
                </section>
            </For>
        </div>
    }
    .into_any()
}

fn count_text(app: &AppState, query: RwSignal<String>, found: Memo<Found>) -> String {
    if query.with(|q| q.trim().is_empty()) {
        return app.t("search.hint").into();
    }
    found.with(|f| match f.total {
        0 => app.t("search.none").into(),
        n if n > f.shown() => app.tf("search.more", &[("n", n.to_string()), ("shown", f.shown().to_string())]),
        n => app.tf("search.found", &[("n", n.to_string())]),
    })
}

fn focus_result(i: usize) {
    if let Some(a) = document().get_element_by_id(&format!("search-hit-{i}")) {
        let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(a).focus();
    }
}

/// Up and down arrows move through the results, across lists; up from the first goes back
/// to the box.
fn move_between_results(ev: leptos::ev::KeyboardEvent) {
    let Some(at) = document().active_element().and_then(|a| a.id().strip_prefix("search-hit-")?.parse::<usize>().ok()) else { return };
    match ev.key().as_str() {
        "ArrowDown" => {
            ev.prevent_default();
            focus_result(at + 1);
        }
        "ArrowUp" => {
            ev.prevent_default();
            if at == 0 {
                if let Some(input) = document().get_element_by_id("search-all") {
                    let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(input).focus();
                }
            } else {
                focus_result(at - 1);
            }
        }
        _ => {}
    }
}
