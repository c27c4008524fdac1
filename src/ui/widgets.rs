//! Shared, non-generic widgets: the data table, form fields, the record form, toasts.
//! Module pages are thin generic wrappers that turn records into these widgets' inputs.
use leptos::prelude::*;

use crate::domain::record::{shifted_end, FieldDef, FieldError, FieldKind, FormRules, YEARS};

use super::state::{use_app, AppState};

/// What a list shows, read from the records only when needed: the first screen sorts
/// by one column and shows one page, so it never builds text for every cell of every row.
/// Each function takes positions of records in their collection (a list's `rows`).
/// A record's id and the texts of its shown cells.
pub type RowCells = (String, Vec<String>);

#[derive(Clone)]
pub struct ListSource {
    /// Each record's sort key in a column (dates as ISO text, numbers padded).
    pub keys: std::sync::Arc<dyn Fn(&[u32], usize) -> Vec<String> + Send + Sync>,
    /// Each record's id and shown cells (for the page on screen).
    pub cells: std::sync::Arc<dyn Fn(&[u32]) -> Vec<RowCells> + Send + Sync>,
    /// Each record's cells lower-cased and joined by U+001F: the search index.
    pub search: std::sync::Arc<dyn Fn(&[u32]) -> Vec<String> + Send + Sync>,
}

const PAGE: usize = 100;

/// Positions in `keys` in sorted order. The keys' first eight bytes are compared as one
/// number, so most comparisons never follow a pointer into the strings; the position breaks
/// ties, which makes the unstable sort as steady as a stable one.
fn sorted_order(keys: &[String], asc: bool) -> Vec<u32> {
    let prefix = |k: &str| {
        let mut b = [0u8; 8];
        let n = k.len().min(8);
        b[..n].copy_from_slice(&k.as_bytes()[..n]);
        u64::from_be_bytes(b)
    };
    let mut keyed: Vec<(u64, &str, u32)> = keys.iter().enumerate().map(|(i, k)| (prefix(k), k.as_str(), i as u32)).collect();
    keyed.sort_unstable_by(|a, b| {
        let o = a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1));
        (if asc { o } else { o.reverse() }).then(a.2.cmp(&b.2))
    });
    keyed.into_iter().map(|k| k.2).collect()
}

/// A searchable, sortable list of records; each row links to `#/{module}/{id}`.
#[component]
pub fn DataTable(
    module: &'static str,
    /// i18n keys of the column labels.
    columns: Vec<&'static str>,
    /// Positions of the listed records in their collection.
    #[prop(into)]
    rows: Signal<Vec<u32>>,
    source: ListSource,
    /// i18n key of what to say when there are no records at all.
    empty: &'static str,
    /// Start sorted by this column, descending (the time column of a log: newest first).
    #[prop(default = None)]
    newest_first: Option<usize>,
) -> impl IntoView {
    let app = use_app();
    let query = RwSignal::new(String::new());
    let sort = RwSignal::new(newest_first.map_or((0usize, true), |c| (c, false)));
    let limit = RwSignal::new(PAGE);
    let ListSource { keys, cells, search } = source;
    // Stored so the closures below stay `Copy`, as the views need.
    let cells = StoredValue::new(cells);
    // Indexes into `rows` in display order: sorted once per change of data, language or
    // sort column (only that column's keys are built), so a keystroke only filters.
    let order_version = StoredValue::new(0u64);
    let order = Memo::new(move |_| {
        let (col, asc) = sort.get();
        app.lang.track();
        order_version.update_value(|v| *v += 1);
        rows.with(|rows| {
            let keys = super::perf::timed("bo:rows", || keys(rows, col));
            super::perf::timed("bo:sort", || sorted_order(&keys, asc))
        })
    });
    // The search index, built on the first search or just after the first paint
    // (whichever comes first), not before the list is on screen.
    let index = Memo::new(move |_| {
        app.lang.track();
        rows.with(|rows| search(rows))
    });
    request_animation_frame(move || {
        // `try_`: the list may be gone by then (the user moved on).
        set_timeout(
            move || {
                let _ = index.try_with_untracked(|_| ());
            },
            std::time::Duration::ZERO,
        );
    });
    // The query and order the previous result was filtered with: typing on only narrows
    // it, so each keystroke searches what the last one found, not the whole list.
    let searched = StoredValue::new((String::new(), 0u64));
    let visible = Memo::new(move |prev: Option<&Vec<u32>>| {
        let q = super::collection::lower(&query.get());
        let terms: Vec<&str> = q.split_whitespace().collect();
        order.with(|order| {
            let version = order_version.get_value();
            let (last_q, last_version) = searched.get_value();
            searched.set_value((q.clone(), version));
            if terms.is_empty() {
                return order.clone();
            }
            let base: &[u32] = match prev {
                Some(p) if version == last_version && q.starts_with(&last_q) => p,
                _ => order,
            };
            index.with(|ix| {
                base.iter().copied().filter(|&i| ix.get(i as usize).is_some_and(|h| terms.iter().all(|t| h.contains(t)))).collect()
            })
        })
    });
    let page = move || {
        visible.with(|v| {
            rows.with(|rows| {
                let shown: Vec<u32> = v.iter().take(limit.get()).filter_map(|&i| rows.get(i as usize).copied()).collect();
                cells.with_value(|f| f(&shown))
            })
        })
    };
    let total = move || rows.with(Vec::len);
    let more_left = move || visible.with(Vec::len) > limit.get();
    let columns_for_head = columns.clone();
    let columns = StoredValue::new(columns);
    view! {
            <div class="bo-table-tools">
                <label class="bo-search">
                    <span class="bo-visually-hidden">{app.text("list.search")}</span>
                    <input type="search" placeholder=app.text("list.search_placeholder")
                        prop:value=move || query.get()
                        on:input=move |ev| { query.set(event_target_value(&ev)); limit.set(PAGE); } />
                </label>
                <span class="bo-count" aria-live="polite">
                    {move || {
                        let (shown, all) = (visible.with(Vec::len), total());
                        let n = |v: usize| crate::domain::format::group_digits(v as u64, app.lang.get());
                        if shown == all { app.tf("list.count", &[("n", n(all))]) }
                        else { app.tf("list.count_filtered", &[("n", n(shown)), ("total", n(all))]) }
                    }}
                </span>
            </div>
            <Show when=move || total() == 0>
                <p class="bo-empty">{app.text(empty)}</p>
    </Show>
            <Show when=move || total() != 0 && visible.with(Vec::is_empty)>
                <p class="bo-empty">{app.text("list.no_match")}</p>
    </Show>
            <Show when=move || visible.with(|v| !v.is_empty())>
                <div class="bo-table-wrap" tabindex="0">
                <table class="bo-table bo-cards">
                    <thead><tr>
                        {columns_for_head.iter().enumerate().map(|(i, key)| {
                            let key = *key;
                            view! {
                                <th scope="col" aria-sort=move || match sort.get() { (c, true) if c == i => "ascending", (c, false) if c == i => "descending", _ => "none" }>
                                    <button type="button" class="bo-sort" on:click=move |_| sort.update(|s| *s = if s.0 == i { (i, !s.1) } else { (i, true) })>
                                        {app.text(key)}
                                        <span aria-hidden="true">{move || match sort.get() { (c, true) if c == i => " ▲", (c, false) if c == i => " ▼", _ => "" }}</span>
                                    </button>
                                </th>
                            }
                        }).collect_view()}
                    </tr></thead>
                    <tbody>
                        <For each=page key=|r| r.clone() children=move |(id, cells): (String, Vec<String>)| {
                            let href = format!("#/{module}/{id}");
                            let href2 = href.clone();
                            let labels = columns.get_value();
                            view! {
                                <tr on:click=move |_| { let _ = window().location().set_hash(&href2); }>
                                    {cells.into_iter().zip(labels).enumerate().map(|(i, (c, label))| if i == 0 {
                                        view! { <td data-label=app.text(label)><a href=href.clone()>{if c.is_empty() { "—".to_string() } else { c }}</a></td> }.into_any()
                                    } else {
                                        view! { <td data-label=app.text(label)>{c}</td> }.into_any()
                                    }).collect_view()}
                                </tr>
                            }
                        } />
                    </tbody>
                </table>
                </div>
                <Show when=more_left>
                    <button type="button" class="bo-btn" on:click=move |_| limit.update(|l| *l += PAGE)>
                        {move || app.tf("list.more", &[("n", (visible.with(Vec::len) - limit.get()).min(PAGE).to_string())])}
                    </button>
    </Show>
    </Show>
        }
}

/// One labelled input for a schema field, with its inline error.
#[component]
pub fn FieldInput(
    def: FieldDef,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<&'static str>>,
    /// Hides the field while another field makes it meaningless (a repeat rule when nothing repeats).
    #[prop(default = None)]
    hidden: Option<Signal<bool>>,
    /// A reference field's choices (id, label).
    #[prop(default = vec![])]
    choices: Vec<(String, String)>,
) -> impl IntoView {
    let app = use_app();
    let id = format!("f-{}", def.key);
    let err_id = format!("{id}-err");
    let invalid = move || error.get().is_some().then_some("true");
    let described = err_id.clone();
    let control = match def.kind {
        FieldKind::LongText | FieldKind::Emails | FieldKind::Phones | FieldKind::Lines => view! {
            <textarea id=id.clone() name=def.key rows=if matches!(def.kind, FieldKind::LongText | FieldKind::Lines) { 4 } else { 2 }
                aria-invalid=invalid aria-describedby=described.clone()
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))></textarea>
        }
        .into_any(),
        FieldKind::Select(opts) => view! {
            <select id=id.clone() name=def.key aria-invalid=invalid aria-describedby=described.clone()
                prop:value=move || value.get() on:change=move |ev| value.set(event_target_value(&ev))>
                {opts.iter().map(|(v, l)| view! { <option value=*v selected=move || value.get() == *v>{app.text(l)}</option> }).collect_view()}
            </select>
        }
        .into_any(),
        FieldKind::DateTime | FieldKind::DateTimeNow | FieldKind::Date => {
            // While a date is half typed the browser reports an empty value; writing that
            // back would wipe the parts typed so far. The field is written only when the
            // value differs from what it holds (a start moving its end, a reset).
            let input = NodeRef::<leptos::html::Input>::new();
            Effect::new(move |_| {
                let v = value.get();
                if let Some(el) = input.get() {
                    if el.value() != v {
                        el.set_value(&v);
                    }
                }
            });
            view! {
                <input node_ref=input id=id.clone() name=def.key type=if def.kind == FieldKind::Date { "date" } else { "datetime-local" }
                    min=date_bound(def.kind, *YEARS.start(), "01-01", "00:00") max=date_bound(def.kind, *YEARS.end(), "12-31", "23:59")
                    aria-invalid=invalid aria-describedby=described.clone() required=def.required
                    on:input=move |ev| value.set(event_target_value(&ev)) />
            }
            .into_any()
        }
        FieldKind::Time => view! {
            <input id=id.clone() name=def.key type="time" aria-invalid=invalid aria-describedby=described.clone() required=def.required
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
        }
        .into_any(),
        FieldKind::Check => view! {
            <input id=id.clone() name=def.key type="checkbox" class="bo-check" aria-describedby=described.clone()
                prop:checked=move || !value.get().is_empty() on:change=move |ev| value.set(if event_target_checked(&ev) { "1".into() } else { String::new() }) />
        }
        .into_any(),
        FieldKind::Number => view! {
            <input id=id.clone() name=def.key type="number" min="1" step="1" inputmode="numeric" aria-invalid=invalid aria-describedby=described.clone()
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
        }
        .into_any(),
        FieldKind::Weekdays => weekday_boxes(id.clone(), value, described.clone()),
        FieldKind::Integer => view! {
            <input id=id.clone() name=def.key type="text" inputmode="numeric" autocomplete="off" aria-invalid=invalid aria-describedby=described.clone()
                required=def.required prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
        }
        .into_any(),
        FieldKind::Money => super::fields::money_input(id.clone(), def.key, value, described.clone(), error),
        FieldKind::Suggest(source) => super::fields::suggest_input(id.clone(), def.key, source, value, described.clone(), def.required),
        FieldKind::Ref(_) => super::fields::ref_select(id.clone(), def.key, choices, value, described.clone()),
        FieldKind::People => view! { <super::contact_picker::PeoplePicker id=id.clone() value described=described.clone() /> }.into_any(),
        FieldKind::ContactRef => view! { <super::contact_picker::ContactPicker id=id.clone() value described=described.clone() /> }.into_any(),
        FieldKind::Text | FieldKind::Tags => view! {
            <input id=id.clone() name=def.key type="text" aria-invalid=invalid aria-describedby=described.clone()
                required=def.required
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
        }
        .into_any(),
    };
    let hint = match def.kind {
        FieldKind::Emails | FieldKind::Phones | FieldKind::Lines | FieldKind::People => Some("form.hint_lines"),
        FieldKind::Weekdays => Some("form.hint_weekdays"),
        FieldKind::Tags => Some("form.hint_tags"),
        _ => None,
    };
    view! {
        <div class="bo-field" class:bo-field-invalid=move || error.get().is_some() hidden=move || hidden.is_some_and(|h| h.get()) && error.get().is_none()>
            <label for=id>{app.text(def.label)}{def.required.then_some(" *")}</label>
            {control}
            {hint.map(|h| view! { <small class="bo-hint">{app.text(h)}</small> })}
            <p class="bo-error" id=err_id role="alert">{move || error.get().map(|e| app.t(e))}</p>
        </div>
    }
}

/// Seven checkboxes for the days of the week, kept as "MO,WE" in `value`.
/// The `min`/`max` of a date or date-time input: the date picker then offers only the
/// years the form accepts (typing is not limited by it; validation says why).
fn date_bound(kind: FieldKind, year: i32, day: &str, time: &str) -> String {
    if kind == FieldKind::Date {
        format!("{year}-{day}")
    } else {
        format!("{year}-{day}T{time}")
    }
}

fn weekday_boxes(id: String, value: RwSignal<String>, described: String) -> AnyView {
    let app = use_app();
    let boxes = crate::domain::calendar::WEEKDAY_CODES
        .iter()
        .enumerate()
        .map(|(i, (code, day))| {
            let (code, day) = (*code, *day);
            let box_id = if i == 0 { id.clone() } else { format!("{id}-{code}") };
            let has = move || value.get().split(',').any(|c| c == code);
            view! {
                <label class="bo-day-box">
                    <input id=box_id type="checkbox" prop:checked=has on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        let mut days: Vec<&str> = crate::domain::calendar::WEEKDAY_CODES.iter().map(|(c, _)| *c)
                            .filter(|c| if *c == code { on } else { value.get_untracked().split(',').any(|x| x == *c) }).collect();
                        days.dedup();
                        value.set(days.join(","));
                    } />
                    {move || crate::domain::format::weekday_name(day, app.lang.get(), true)}
                </label>
            }
        })
        .collect_view();
    view! { <div class="bo-day-boxes" role="group" aria-describedby=described>{boxes}</div> }.into_any()
}

/// The form for any schema: Enter in a one-line field saves, Escape cancels.
#[component]
pub fn RecordForm(
    fields: &'static [FieldDef],
    rules: &'static FormRules,
    /// A reference field's choices: (key, current id) to (id, label).
    choices: fn(&AppState, &str, &str) -> Vec<(String, String)>,
    initial: Vec<String>,
    #[prop(into)] errors: Signal<Vec<FieldError>>,
    on_save: Callback<Vec<String>>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let values: Vec<RwSignal<String>> = initial.iter().cloned().map(RwSignal::new).collect();
    let vals = values.clone();
    Effect::new(move |_| {
        let changed = vals.iter().zip(&initial).any(|(v, i)| v.get() != *i);
        app.dirty.set(changed);
    });
    // Moving the start carries the end along, so an hour-long meeting stays an hour long.
    if let Some((start, end)) = rules.span {
        let at = |k: &str| fields.iter().position(|f| f.key == k);
        if let (Some(s), Some(e)) = (at(start), at(end)) {
            let (s, e) = (values[s], values[e]);
            Effect::new(move |prev: Option<String>| {
                let now = s.get();
                if let Some(moved) = prev.and_then(|old| shifted_end(&old, &now, &e.get_untracked())) {
                    e.set(moved);
                }
                now
            });
        }
    }
    let vals = values.clone();
    let current = move || vals.iter().map(|v| v.get_untracked()).collect::<Vec<_>>();
    let current2 = current.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_save.run(current());
    };
    // Enter saves from one-line fields (the browser's own submit); Ctrl+Enter from anywhere,
    // so someone on the phone never reaches for the mouse.
    let keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        // Not when a field took the key for itself (a picker closing its list).
        "Escape" if !ev.default_prevented() => on_cancel.run(()),
        "Enter" if ev.ctrl_key() || ev.meta_key() => {
            ev.prevent_default();
            on_save.run(current2());
        }
        _ => {}
    };
    // Move focus to the first field with a problem, so keyboard users land on it.
    Effect::new(move |_| {
        if let Some((key, _)) = errors.get().first() {
            if let Some(el) = document().get_element_by_id(&format!("f-{key}")) {
                use wasm_bindgen::JsCast;
                if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        }
    });
    view! {
            <form class="bo-form" novalidate on:submit=submit on:keydown=keydown>
                <p class="bo-hint">{app.text("form.keys_hint")}</p>
                <Show when=move || !errors.get().is_empty()>
                    <p class="bo-form-summary" role="alert">{move || app.tf("form.has_errors", &[("n", errors.get().len().to_string())])}</p>
    </Show>
                {fields.iter().zip(values.clone()).map(|(def, value)| {
                    let key = def.key;
                    let error = Signal::derive(move || errors.get().iter().find(|(k, _)| *k == key).map(|(_, m)| *m));
                    let values = values.clone();
                    let hidden = (rules.hidden.contains(&key) || rules.shown_when.iter().any(|(f, _, _)| *f == key)).then(|| Signal::derive(move || {
                        !rules.shown(key, |other| fields.iter().position(|f| f.key == other).map(|i| values[i].get()).unwrap_or_default())
                    }));
                    let choices = if matches!(def.kind, FieldKind::Ref(_)) { choices(&app, key, &value.get_untracked()) } else { vec![] };
                    view! { <FieldInput def=*def value error hidden choices /> }
                }).collect_view()}
                <div class="bo-actions">
                    <button type="submit" class="bo-btn bo-btn-primary">{app.text("action.save")}</button>
                    <button type="button" class="bo-btn" on:click=move |_| on_cancel.run(())>{app.text("action.cancel")}</button>
                </div>
            </form>
        }
}

/// The stack of notices in the corner; an error stays readable for screen readers.
#[component]
pub fn Toasts() -> impl IntoView {
    let app = use_app();
    // Esc anywhere puts every message away; focus on one of them goes to the page heading.
    let h = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        // Not an Esc a field took for itself (a picker closing its list).
        if ev.key() == "Escape" && !ev.default_prevented() && !app.toasts.with_untracked(Vec::is_empty) {
            dismiss(app, None);
        }
    });
    std::mem::forget(h);
    view! {
        // Keyed: a new toast or one leaving never redraws the others, so focus stays on an
        // Undo button and a screen reader does not hear the same message again.
        <div class="bo-toasts" aria-live="polite">
            <For each=move || app.toasts.get() key=|t| t.id let:t>
                {
                    let id = t.id;
                    let is_err = t.kind == super::state::ToastKind::Error;
                    view! {
                        <div class="bo-toast" class:bo-toast-error=is_err role=if is_err { "alert" } else { "status" } data-toast=id>
                            <span>{t.text}</span>
                            {t.action.map(|(label, act, arg)| view! {
                                <button type="button" class="bo-btn bo-btn-small" on:click=move |_| {
                                    act(&app, &arg);
                                    dismiss(app, Some(id));
                                }>{label}</button>
                            })}
                            <button type="button" class="bo-toast-close" aria-label=app.text("action.dismiss")
                                on:click=move |_| dismiss(app, Some(id))>"×"</button>
                        </div>
                    }
                }
            </For>
        </div>
    }
}

/// Takes toast `id` (or every toast) away. Focus inside it would fall to the page's body:
/// it goes to the page heading instead, where a keyboard user goes on from.
fn dismiss(app: AppState, id: Option<u64>) {
    let focus_inside = document()
        .query_selector(".bo-toasts :focus")
        .ok()
        .flatten()
        .and_then(|el| el.closest(".bo-toast").ok().flatten())
        .and_then(|t| t.get_attribute("data-toast"))
        .is_some_and(|t| id.is_none_or(|id| t == id.to_string()));
    app.toasts.update(|ts| ts.retain(|x| id.is_some_and(|id| x.id != id)));
    if focus_inside {
        if let Some(h) =
            document().query_selector("main h1").ok().flatten().and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok())
        {
            let _ = h.focus();
        }
    }
}

/// Page heading with optional actions on the right.
#[component]
pub fn PageHead(#[prop(into)] title: Signal<String>, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    // Each screen's own document title: what a tab, the history and a screen reader name.
    Effect::new(move |_| document().set_title(&format!("{} · Back Office", title.get())));
    view! {
        <header class="bo-page-head">
            <h1 tabindex="-1">{move || title.get()}</h1>
            <div class="bo-page-actions">{children.map(|c| c())}</div>
        </header>
    }
}

/// Focus back on the control that was changed, once its row or card is drawn again.
pub fn refocus(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}

/// An area's screens side by side, the one open marked: a list's link stands for its
/// records' pages too, and the books' link for every report.
pub fn subnav(label: &'static str, links: Vec<(crate::route::Route, &'static str)>) -> AnyView {
    use crate::route::Route;
    let app = use_app();
    let items = links
        .into_iter()
        .map(|(route, key)| {
            let href = route.href();
            let here = move || match (&route, app.route.get()) {
                (Route::List(a), cur) => cur.list() == Some(a.as_str()),
                (Route::Books(..), Route::Books(..)) => true,
                (r, cur) => *r == cur,
            };
            view! { <a href=href aria-current=move || here().then_some("page")>{app.text(key)}</a> }
        })
        .collect_view();
    view! { <nav class="bo-subnav bo-no-print" aria-label=app.text(label)>{items}</nav> }.into_any()
}

/// Moves the keyboard focus to the element with `id`, if it is on the page.
pub fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
