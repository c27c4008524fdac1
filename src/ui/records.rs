//! Generic list, detail and form pages: a module supplies only its entity and schema.
//! Each generic function only turns records into plain data and callbacks; the views are
//! non-generic, so a new module adds little to the wasm.
use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::domain::format::format_datetime;
use crate::domain::record::{fill, problems_after_fill, FieldDef, FieldKind, FormRules};

use super::collection::{display_value, lower_owned, restore_record, save_record, shown_as, sort_key, trash_record, UiEntity};
use super::router::{navigate, Route};
use super::state::{local, now, use_app, AppState};
use super::widgets::{DataTable, ListSource, PageHead};

/// i18n keys naming a module's screens.
#[derive(Clone, Copy)]
struct Names {
    module: &'static str,
    plural: &'static str,
    new: &'static str,
    empty: &'static str,
}

fn names<E: UiEntity>(module: &'static str) -> Names {
    Names { module, plural: E::PLURAL, new: E::NEW, empty: E::EMPTY }
}

pub fn list_page<E: UiEntity>(module: &'static str, extra: AnyView) -> AnyView {
    let derived: Vec<&'static str> = E::derived().iter().map(|d| d.label).collect();
    let of = ListOf { live: live_positions::<E>, keys: column_keys::<E>, cells: page_cells::<E>, search: search_texts::<E> };
    list_of(names::<E>(module), E::fields(), derived, of, extra)
}

type Cols = [(&'static str, FieldKind)];

/// A module's list as plain functions: the reactive parts are built once, not per module.
struct ListOf {
    live: fn(&AppState) -> Vec<u32>,
    keys: fn(&AppState, &[u32], &Cols, usize) -> Vec<String>,
    cells: fn(&AppState, &[u32], &Cols) -> Vec<(String, Vec<String>)>,
    search: fn(&AppState, &[u32], &Cols) -> Vec<String>,
}

fn list_of(n: Names, fields: &'static [FieldDef], derived: Vec<&'static str>, of: ListOf, extra: AnyView) -> AnyView {
    let app = use_app();
    let cols: Vec<(&'static str, FieldKind)> = fields.iter().filter(|f| f.in_list).map(|f| (f.key, f.kind)).collect();
    let cols = std::sync::Arc::new(cols);
    let rows = Memo::new(move |_| (of.live)(&app));
    let (c1, c2, c3) = (cols.clone(), cols.clone(), cols);
    let source = ListSource {
        keys: std::sync::Arc::new(move |pos: &[u32], col: usize| (of.keys)(&app, pos, &c1, col)),
        cells: std::sync::Arc::new(move |pos: &[u32]| (of.cells)(&app, pos, &c2)),
        search: std::sync::Arc::new(move |pos: &[u32]| (of.search)(&app, pos, &c3)),
    };
    list_view(n, fields, derived, rows.into(), source, extra)
}

/// Positions of the records not in the trash.
fn live_positions<E: UiEntity>(app: &AppState) -> Vec<u32> {
    E::signal(app).read().iter().enumerate().filter(|(_, r)| r.meta().deleted_at.is_none()).map(|(i, _)| i as u32).collect()
}

fn column_keys<E: UiEntity>(app: &AppState, pos: &[u32], cols: &Cols, col: usize) -> Vec<String> {
    let all = E::signal(app).read();
    pos.iter().map(|&p| column_key(app, &all[p as usize], cols, col)).collect()
}

fn page_cells<E: UiEntity>(app: &AppState, pos: &[u32], cols: &Cols) -> Vec<(String, Vec<String>)> {
    let all = E::signal(app).read();
    pos.iter().map(|&p| (all[p as usize].meta().id.clone(), shown_cells(app, &all[p as usize], cols))).collect()
}

fn search_texts<E: UiEntity>(app: &AppState, pos: &[u32], cols: &Cols) -> Vec<String> {
    let all = E::signal(app).read();
    pos.iter().map(|&p| search_text(shown_cells(app, &all[p as usize], cols))).collect()
}

/// A record's list cells as shown: the schema's list columns, then the derived ones.
fn shown_cells<E: UiEntity>(app: &AppState, r: &E, cols: &Cols) -> Vec<String> {
    let mut cells: Vec<String> = cols.iter().map(|(k, kind)| shown_as(app, r, k, Some(*kind))).collect();
    cells.extend(E::derived().iter().map(|d| (d.value)(app, r).0));
    cells
}

/// What column `col` of a record sorts by (see [`sort_key`]); derived columns bring their own.
fn column_key<E: UiEntity>(app: &AppState, r: &E, cols: &Cols, col: usize) -> String {
    match cols.get(col) {
        Some((k, kind)) => sort_key(r, k, *kind, || shown_as(app, r, k, Some(*kind))),
        None => E::derived().get(col - cols.len()).map(|d| (d.value)(app, r).1).unwrap_or_default(),
    }
}

/// Cells lower-cased once and joined, so a keystroke only looks for its words in it.
fn search_text(cells: Vec<String>) -> String {
    let mut out = String::with_capacity(cells.iter().map(|c| c.len() + 1).sum());
    for c in cells {
        if !out.is_empty() {
            out.push('\u{1f}');
        }
        out.push_str(&lower_owned(c));
    }
    out
}

fn list_view(
    n: Names,
    fields: &'static [FieldDef],
    derived: Vec<&'static str>,
    rows: Signal<Vec<u32>>,
    source: ListSource,
    extra: AnyView,
) -> AnyView {
    let app = use_app();
    let labels: Vec<&'static str> = fields.iter().filter(|f| f.in_list).map(|f| f.label).chain(derived).collect();
    // Logs start newest first, by their time column.
    let newest_first = fields.iter().filter(|f| f.in_list).position(|f| f.kind == FieldKind::DateTimeNow);
    view! {
            <PageHead title=app.title(n.plural)>
                <Show when=move || app.read_only.get().is_none()>
                    <a class="bo-btn bo-btn-primary" href=Route::New(n.module.into()).href()>{app.text(n.new)}</a>
    </Show>
                {extra}
            </PageHead>
            <DataTable module=n.module columns=labels rows source empty=n.empty newest_first />
        }
    .into_any()
}

pub fn not_found() -> AnyView {
    let app = use_app();
    view! {
        <PageHead title=app.title("notfound.title")></PageHead>
        <p>{app.text("notfound.record")}</p>
        <p><a href="#/">{app.text("notfound.home")}</a></p>
    }
    .into_any()
}

/// A record as the detail view shows it.
#[derive(Clone, PartialEq)]
struct Detail {
    title: String,
    /// (label key, shown value)
    fields: Vec<(&'static str, String)>,
    created: DateTime<Utc>,
    updated: DateTime<Utc>,
    deleted: bool,
    /// Why it cannot be changed (i18n key), if it cannot.
    locked: Option<&'static str>,
}

pub fn detail_page<E: UiEntity>(module: &'static str, id: String) -> AnyView {
    detail_page_with::<E>(module, id, None)
}

/// [`detail_page`] with `top` shown between the heading and the fields: what a person
/// comes to the record for (an item's stock, an asset's holder) before its details.
pub fn detail_page_with<E: UiEntity>(module: &'static str, id: String, top: Option<ViewFn>) -> AnyView {
    detail_of(module, E::COLLECTION, id, detail_of_record::<E>, trash_record::<E>, restore_record::<E>, top)
}

type RecordAction = fn(&AppState, &str) -> Result<(), crate::storage::StorageError>;

fn detail_of(
    module: &'static str,
    collection: &'static str,
    id: String,
    read: fn(&AppState, &str) -> Option<Detail>,
    trash: RecordAction,
    restore: RecordAction,
    top: Option<ViewFn>,
) -> AnyView {
    let app = use_app();
    let id2 = id.clone();
    let detail = Memo::new(move |_| {
        app.lang.track();
        read(&app, &id2)
    });
    let trash = Callback::new(move |id: String| trash(&app, &id).is_ok());
    let restore = Callback::new(move |id: String| restore(&app, &id).is_ok());
    detail_view(module, collection, id, detail.into(), trash, restore, top)
}

fn detail_of_record<E: UiEntity>(app: &AppState, id: &str) -> Option<Detail> {
    let all = E::signal(app).read();
    all.iter().find(|r| r.meta().id == id).map(|r| Detail {
        title: r.title(),
        fields: E::fields()
            .iter()
            .filter(|f| !E::internal().contains(&f.key) && E::form_rules().applies(f.key, |k| r.get(k)))
            .map(|f| (f.label, display_value(app, r, f.key)))
            .collect(),
        created: r.meta().created_at,
        updated: r.meta().updated_at,
        deleted: r.meta().deleted_at.is_some(),
        locked: r.locked(app),
    })
}

fn detail_view(
    module: &'static str,
    collection: &'static str,
    id: String,
    detail: Signal<Option<Detail>>,
    trash: Callback<String, bool>,
    restore: Callback<String, bool>,
    top: Option<ViewFn>,
) -> AnyView {
    let app = use_app();
    let body = move || {
        let Some(d) = detail.get() else { return not_found() };
        let (id_edit, id_del, id_res) = (id.clone(), id.clone(), id.clone());
        let deleted = d.deleted;
        let locked = d.locked;
        let fields = d
            .fields
            .into_iter()
            .map(|(label, value)| {
                view! {
                    <div class="bo-dl-row">
                        <dt>{app.text(label)}</dt>
                        <dd class="bo-prewrap">{if value.is_empty() { "—".to_string() } else { value }}</dd>
                    </div>
                }
            })
            .collect_view();
        let (created, updated, title) = (d.created, d.updated, d.title);
        let editable = !deleted && locked.is_none() && app.read_only.get_untracked().is_none();
        let files = super::attachments_part::attachments(app, crate::domain::attachments::owner(collection, &id), title.clone(), editable);
        view! {
            <PageHead title=Signal::derive(move || title.clone())>
                <Show when=move || !deleted && locked.is_none() && app.read_only.get().is_none() fallback=move || {
                    if app.read_only.get().is_some() || locked.is_some() {
                        return ().into_any();
                    }
                    let id = id_res.clone();
                    view! { <button type="button" class="bo-btn bo-btn-primary" on:click=move |_| {
                        if restore.run(id.clone()) { app.info(app.t("toast.restored").into()) }
                    }>{app.text("action.restore")}</button> }.into_any()
                }>
                    <a class="bo-btn bo-btn-primary" href=Route::Edit(module.into(), id_edit.clone()).href()>{app.text("action.edit")}</a>
                    <button type="button" class="bo-btn bo-btn-danger" on:click={
                        let id = id_del.clone();
                        move |_| { if trash.run(id.clone()) { navigate(&Route::List(module.into())) } }
                    }>{app.text("action.delete")}</button>
                </Show>
                <a class="bo-btn" href=Route::List(module.into()).href()>{app.text("action.back")}</a>
            </PageHead>
            {deleted.then(|| view! { <p class="bo-banner bo-banner-warn">{app.text("trash.in_trash")}</p> })}
            {locked.map(|why| view! { <p class="bo-banner bo-banner-warn" role="status">{app.text(why)}</p> })}
            {top.clone().map(|t| t.run())}
            <dl class="bo-dl">{fields}</dl>
            <p class="bo-meta">
                {move || app.tf("record.stamps", &[
                    ("created", format_datetime(local(created), app.lang.get())),
                    ("updated", format_datetime(local(updated), app.lang.get())),
                ])}
            </p>
            {files}
        }
        .into_any()
    };
    view! { {body} }.into_any()
}

pub fn form_page<E: UiEntity>(module: &'static str, id: Option<String>) -> AnyView {
    form_page_with::<E>(module, id, vec![])
}

/// The form, a new record's fields filled from `prefill` (a time picked on the calendar).
pub fn form_page_with<E: UiEntity>(module: &'static str, id: Option<String>, prefill: Vec<(&'static str, String)>) -> AnyView {
    form_page_back::<E>(module, id, prefill, None)
}

/// [`form_page_with`] that returns to `back` (the item a stock movement was made from)
/// after saving or cancelling, instead of the record's own page.
pub fn form_page_back<E: UiEntity>(
    module: &'static str,
    id: Option<String>,
    prefill: Vec<(&'static str, String)>,
    back: Option<Route>,
) -> AnyView {
    let form = FormOf { open: open_form::<E>, fields: E::fields(), rules: E::form_rules(), choices: super::fields::ref_choices::<E> };
    form_of(names::<E>(module), form, id, prefill, back.clone(), back)
}

/// A new record's form that goes to its own page when saved and back to `cancel` (the
/// calendar a new item was started from) when cancelled.
pub fn form_page_cancel<E: UiEntity>(module: &'static str, prefill: Vec<(&'static str, String)>, cancel: Route) -> AnyView {
    let form = FormOf { open: open_form::<E>, fields: E::fields(), rules: E::form_rules(), choices: super::fields::ref_choices::<E> };
    form_of(names::<E>(module), form, None, prefill, None, Some(cancel))
}

/// The record a form edits, whatever its type: all the page around the form asks of it.
trait FormRecord: Send + Sync {
    fn id(&self) -> String;
    /// A field as the text the form shows.
    fn field(&self, key: &str) -> String;
    /// The form's texts taken into a copy of the record, checked and saved.
    fn submit(&self, app: &AppState, editing: bool, vals: &[String]) -> Submitted;
}

type Base = std::sync::Arc<dyn FormRecord>;

/// What saving a form came to.
enum Submitted {
    Invalid(Vec<crate::domain::record::FieldError>),
    /// Another tab or an import changed the record since the form opened.
    ChangedElsewhere,
    /// Saved: (id, title).
    Saved(String, String),
    /// The store refused; the user has been told why.
    Refused,
}

/// A record type's form as plain data and one function, so the page around it is built once.
struct FormOf {
    /// The record to edit (`None` when the id is unknown) or a new one, and whether it exists.
    open: fn(&AppState, Option<&str>, &[(&'static str, String)]) -> Option<(Base, bool)>,
    fields: &'static [FieldDef],
    rules: &'static FormRules,
    choices: fn(&AppState, &str, &str) -> Vec<(String, String)>,
}

fn form_of(
    n: Names,
    form: FormOf,
    id: Option<String>,
    prefill: Vec<(&'static str, String)>,
    back: Option<Route>,
    cancel: Option<Route>,
) -> AnyView {
    let app = use_app();
    let Some((base, editing)) = (form.open)(&app, id.as_deref(), &prefill) else { return not_found() };
    let initial = form.fields.iter().map(|f| base.field(f.key)).collect();
    let errors = RwSignal::new(vec![]);
    let base_id = base.id();
    let on_save = Callback::new(move |vals: Vec<String>| match base.submit(&app, editing, &vals) {
        Submitted::Invalid(errs) => {
            app.save_refused.set(true);
            errors.set(errs)
        }
        Submitted::ChangedElsewhere => {
            app.save_refused.set(true);
            errors.set(vec![]);
            app.error(app.t("err.changed_elsewhere").into());
        }
        Submitted::Saved(id, title) => {
            errors.set(vec![]);
            app.dirty.set(false);
            app.info(title);
            navigate(&back.clone().unwrap_or(Route::View(n.module.into(), id)));
        }
        Submitted::Refused => {
            app.save_refused.set(true);
            errors.set(vec![])
        }
    });
    form_view(n, &form, editing, base_id, initial, errors, on_save, cancel)
}

fn open_form<E: UiEntity>(app: &AppState, id: Option<&str>, prefill: &[(&'static str, String)]) -> Option<(Base, bool)> {
    let existing = id.map(|id| E::signal(app).read_untracked().iter().find(|r| r.meta().id == id).cloned());
    let base = match existing {
        Some(found) => return found.map(|r| (std::sync::Arc::new(r) as Base, true)),
        None => {
            let mut r = E::blank(now());
            for f in E::fields().iter().filter(|f| f.kind == FieldKind::DateTimeNow) {
                r.set(f.key, &super::state::local_now_text());
            }
            for (k, v) in prefill {
                r.set(k, v);
            }
            r
        }
    };
    Some((std::sync::Arc::new(base), false))
}

impl<E: UiEntity> FormRecord for E {
    fn id(&self) -> String {
        self.meta().id.clone()
    }

    fn field(&self, key: &str) -> String {
        self.get(key)
    }

    fn submit(&self, app: &AppState, editing: bool, vals: &[String]) -> Submitted {
        let mut rec = self.clone();
        let refused = E::fields().iter().zip(vals).filter_map(|(f, v)| fill(&mut rec, f.key, v)).collect();
        let mut errs = problems_after_fill(&rec, refused);
        if errs.is_empty() {
            rec.before_save(editing.then_some(self), app);
            errs = rec.check(app);
        }
        if !errs.is_empty() {
            return Submitted::Invalid(errs);
        }
        // Refuse to replace a copy that changed since this form opened (another tab, an import).
        let current = E::signal(app).read_untracked().iter().find(|r| r.meta().id == rec.meta().id).map(|r| r.meta().updated_at);
        if editing && current != Some(self.meta().updated_at) {
            return Submitted::ChangedElsewhere;
        }
        let (id, title) = (rec.meta().id.clone(), rec.saved_text(app));
        match save_record(app, rec.clone()) {
            Ok(()) => {
                rec.after_save(editing.then_some(self), app);
                Submitted::Saved(id, title)
            }
            Err(_) => Submitted::Refused,
        }
    }
}

fn form_view(
    n: Names,
    form: &FormOf,
    editing: bool,
    id: String,
    initial: Vec<String>,
    errors: RwSignal<Vec<crate::domain::record::FieldError>>,
    on_save: Callback<Vec<String>>,
    cancel: Option<Route>,
) -> AnyView {
    let app = use_app();
    let on_cancel = Callback::new(move |_| {
        navigate(&match &cancel {
            Some(r) => r.clone(),
            None if editing => Route::View(n.module.into(), id.clone()),
            None => Route::List(n.module.into()),
        })
    });
    view! {
        <PageHead title=Signal::derive(move || app.t(if editing { "form.edit_title" } else { n.new }).to_string())></PageHead>
        {super::page_parts::record_form(app, super::page_parts::FormArgs {
            fields: form.fields, rules: form.rules, choices: form.choices, initial, errors, on_save, on_cancel,
        })}
    }
    .into_any()
}

/// CSV import (a link to the module's import page) and export.
pub fn csv_tools<E: UiEntity>(module: &'static str) -> AnyView {
    let app = use_app();
    view! {
            <Show when=move || app.read_only.get().is_none()>
                <a class="bo-btn" href=Route::Import(module.into()).href()>{app.text("import.csv_button")}</a>
    </Show>
            {csv_buttons::<E>()}
        }
    .into_any()
}

/// CSV export of a module's live records, comma and semicolon. Indonesian Excel reads
/// semicolons: its list separator follows the decimal comma.
pub fn csv_buttons<E: UiEntity>() -> AnyView {
    csv_buttons_of(E::COLLECTION, csv_text::<E>, super::xlsx::list_sheet::<E>)
}

/// The module's live records as CSV text.
fn csv_text<E: UiEntity>(app: &AppState, delimiter: u8) -> String {
    crate::domain::csv_io::export(&E::signal(app).read_untracked(), delimiter, super::fields::decimals(app))
}

fn csv_buttons_of(
    collection: &'static str,
    text: fn(&AppState, u8) -> String,
    sheet: fn(&AppState) -> crate::domain::xlsx::Sheet,
) -> AnyView {
    let app = use_app();
    let today = move || crate::domain::dates::date_text(now().date_naive());
    let export = Callback::new(move |(delimiter, suffix): (u8, &'static str)| {
        let name = format!("{collection}-{}{suffix}.csv", today());
        super::files::download(&name, super::files::CSV_MIME, &text(&app, delimiter));
    });
    let workbook = Callback::new(move |_| super::xlsx::download(app, format!("{collection}-{}.xlsx", today()), sheet(&app)));
    view! {
        {csv_buttons_view(export)}
        <button type="button" class="bo-btn" on:click=move |_| workbook.run(())>{app.text("list.export_xlsx")}</button>
    }
    .into_any()
}

pub fn csv_buttons_view(export: Callback<(u8, &'static str)>) -> AnyView {
    let app = use_app();
    view! {
        <button type="button" class="bo-btn" on:click=move |_| export.run((b',', ""))>{app.text("contact.export_csv")}</button>
        <button type="button" class="bo-btn" on:click=move |_| export.run((b';', "-excel-id"))>{app.text("contact.export_csv_semicolon")}</button>
    }
    .into_any()
}
