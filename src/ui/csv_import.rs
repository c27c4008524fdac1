//! CSV import for any module: a file in either Excel dialect, each column mapped to a
//! field (guessed from headers in both languages and aliases), a preview naming every bad
//! row, and only the good rows added, in one write.
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::csv_io::{self, CsvError, Rules, Table};
use crate::domain::format::Lang;
use crate::domain::record::{Entity, FieldDef, FieldError, FieldKind};
use crate::domain::xlsx::SheetName;
use crate::i18n;

use super::collection::{add_records, shown_as, UiEntity};
use super::fields::{decimals, resolve_ref};
use super::files::read_chosen;
use super::router::{navigate, Route};
use super::state::{now, use_app, AppState};
use super::widgets::PageHead;

#[derive(Clone, PartialEq)]
pub struct PreviewRow {
    pub line: usize,
    pub cells: Vec<String>,
    pub errors: Vec<String>,
}

/// The file's problem in the UI language.
pub fn problem_text(app: &AppState, e: CsvError) -> String {
    match e {
        CsvError::Empty => app.t("import.empty").into(),
        CsvError::NotText => app.t("import.not_text").into(),
        CsvError::Malformed(line, detail) => app.tf("import.malformed", &[("line", line.to_string()), ("detail", detail)]),
    }
}

/// A table read from a file with every column's likely field (`guess`: a type's [`guess`]).
pub fn read_table(bytes: &[u8], guess: fn(&[String]) -> Vec<Option<&'static str>>) -> Result<(Table, Vec<Option<&'static str>>), CsvError> {
    let t = csv_io::parse_table(bytes)?;
    let m = guess(&t.headers);
    Ok((t, m))
}

/// Every column's likely field, from its header in either language or an alias.
pub fn guess<E: Entity>(headers: &[String]) -> Vec<Option<&'static str>> {
    csv_io::guess_mapping::<E>(headers, |k| vec![i18n::t(Lang::Id, k).into(), i18n::t(Lang::En, k).into()])
}

/// The rows as they would be imported, each with its problems named; `fixed` fills fields
/// no column does.
pub fn outcomes<E: UiEntity>(
    app: &AppState,
    t: &Table,
    mapping: &[Option<&'static str>],
    fixed: &[(&'static str, String)],
) -> (Vec<E>, Vec<PreviewRow>) {
    let app2 = *app;
    let resolve = move |key: &str, v: &str| resolve_ref::<E>(&app2, key, v);
    let rules = Rules { decimals: decimals(app), resolve: &resolve, fixed, style: csv_io::number_style(E::fields(), t, mapping).0 };
    let mut good = vec![];
    let rows = csv_io::build_records::<E>(t, mapping, now(), &rules)
        .into_iter()
        .map(|mut o| {
            // Checks against what is stored: a code already in use.
            o.errors.extend(o.record.check(app));
            let row = preview_row(app, E::fields(), o.line, &|k, kind| shown_as(app, &o.record, k, Some(kind)), &o.errors);
            if o.errors.is_empty() {
                good.push(o.record);
            }
            row
        })
        .collect();
    (good, rows)
}

/// A row of the preview: its listed fields as the list shows them and its problems in
/// words (not generic: `shown` shows the record's fields).
fn preview_row(
    app: &AppState,
    fields: &[FieldDef],
    line: usize,
    shown: &dyn Fn(&str, FieldKind) -> String,
    errors: &[FieldError],
) -> PreviewRow {
    PreviewRow {
        line,
        cells: fields.iter().filter(|f| f.in_list).map(|f| shown(f.key, f.kind)).collect(),
        errors: errors
            .iter()
            .map(|(k, e)| format!("{}: {}", app.t(fields.iter().find(|f| f.key == *k).map(|f| f.label).unwrap_or(k)), app.t(e)))
            .collect(),
    }
}

/// Column mapping, preview and the import button, for a table already read.
pub fn mapping_preview(
    back: Route,
    fields: &'static [FieldDef],
    table: RwSignal<Option<Table>>,
    mapping: RwSignal<Vec<Option<&'static str>>>,
    rows: Signal<Vec<PreviewRow>>,
    confirm: Callback<()>,
    // i18n key of the import button, "Import {n} contacts".
    confirm_key: &'static str,
) -> AnyView {
    let app = use_app();
    let good = move || rows.with(|o| o.iter().filter(|r| r.errors.is_empty()).count());
    let bad = move || rows.with(|o| o.iter().filter(|r| !r.errors.is_empty()).count());
    view! {
        {move || table.get().map(|t| {
            let headers = t.headers.clone();
            view! {
                <h2>{app.text("import.mapping")}</h2>
                <div class="bo-mapping">
                    {headers.into_iter().enumerate().map(|(i, h)| {
                        let id = format!("map-{i}");
                        view! {
                            <div class="bo-field">
                                <label for=id.clone()>{app.tf("import.column", &[("name", h)])}</label>
                                <select id=id on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    let key = fields.iter().find(|f| f.key == v).map(|f| f.key);
                                    mapping.update(|m| if i < m.len() { m[i] = key });
                                }>
                                    <option value="" selected=move || mapping.with(|m| m.get(i).copied().flatten().is_none())>{app.text("import.skip_column")}</option>
                                    {fields.iter().map(|f| view! {
                                        <option value=f.key selected=move || mapping.with(|m| m.get(i).copied().flatten() == Some(f.key))>{app.text(f.label)}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                        }
                    }).collect_view()}
                </div>
                <h2>{app.text("import.preview")}</h2>
                <p aria-live="polite">{move || app.tf("import.summary", &[("good", good().to_string()), ("bad", bad().to_string())])}</p>
                <div class="bo-table-wrap" tabindex="0"><table class="bo-table">
                    <thead><tr>
                        <th scope="col">{app.text("import.line")}</th>
                        {fields.iter().filter(|f| f.in_list).map(|f| view! { <th scope="col">{app.text(f.label)}</th> }).collect_view()}
                        <th scope="col">{app.text("import.problems")}</th>
                    </tr></thead>
                    <tbody>
                        {move || rows.get().into_iter().take(200).map(|r| view! {
                            <tr class:bo-row-error=!r.errors.is_empty()>
                                <td>{r.line}</td>
                                {r.cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                                <td class="bo-error-cell">{r.errors.join("; ")}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table></div>
                <div class="bo-actions">
                    <button type="button" class="bo-btn bo-btn-primary" disabled=move || good() == 0 on:click=move |_| confirm.run(())>
                        {move || app.tf(confirm_key, &[("n", good().to_string())])}
                    </button>
                    <a class="bo-btn" href=back.href()>{app.text("action.cancel")}</a>
                </div>
            }
        })}
    }
    .into_any()
}

/// Adds imported records in one write and goes `back`; `done` names the toast.
pub fn finish<E: UiEntity>(app: &AppState, back: Route, recs: Vec<E>, done: &'static str) {
    let n = recs.len();
    if n > 0 && add_records(app, recs).is_ok() {
        app.info(app.tf(done, &[("n", n.to_string())]));
        navigate(&back);
    }
}

/// Where imported rows go: the list (`#/<list>/import`), or one record they belong to
/// (`#/<list>/import/<id>`: an event's guests), which the type's first reference field then
/// holds unless the file names another; the pages go back there.
#[derive(Clone)]
pub struct Target {
    pub fixed: Vec<(&'static str, String)>,
    pub back: Route,
}

pub fn import_page<E: UiEntity>(module: &'static str) -> AnyView {
    let to_list = Target { fixed: vec![], back: Route::List(module.into()) };
    super::page_parts::csv_import(use_app(), E::PLURAL, E::fields(), to_list, import_of_type::<E>()).into_any()
}

/// `#/<list>/import/<parent id>`: rows into the record `parent` names.
pub fn import_into<E: UiEntity>(parent: String) -> AnyView {
    let Some((key, of)) = E::fields().iter().find_map(|f| match f.kind {
        FieldKind::Ref(of) => Some((f.key, of)),
        _ => None,
    }) else {
        return super::records::not_found();
    };
    // Only into a record that is there (not one in the trash, not a typed address).
    if resolve_ref::<E>(&use_app(), key, &parent).as_deref() != Some(parent.as_str()) {
        return super::records::not_found();
    }
    let into = Target { back: Route::View(of.into(), parent.clone()), fixed: vec![(key, parent)] };
    super::page_parts::csv_import(use_app(), E::PLURAL, E::fields(), into, import_of_type::<E>()).into_any()
}

fn import_of_type<E: UiEntity>() -> ImportOf {
    ImportOf { guess: guess::<E>, preview: preview_rows::<E>, import: import_rows::<E> }
}

type Mapping = [Option<&'static str>];

/// A module's CSV import as plain functions: the page and its reactive parts are built once,
/// in the `import` part (ui/page_parts.rs); these stay with the record type's area.
#[derive(Clone, Copy)]
pub struct ImportOf {
    guess: fn(&[String]) -> Vec<Option<&'static str>>,
    preview: fn(&AppState, &Table, &Mapping, &Target) -> Vec<PreviewRow>,
    /// Adds the good rows and goes back.
    import: fn(&AppState, &Table, &Mapping, &Target),
}

fn preview_rows<E: UiEntity>(app: &AppState, t: &Table, m: &Mapping, to: &Target) -> Vec<PreviewRow> {
    outcomes::<E>(app, t, m, &to.fixed).1
}

fn import_rows<E: UiEntity>(app: &AppState, t: &Table, m: &Mapping, to: &Target) {
    finish(app, to.back.clone(), outcomes::<E>(app, t, m, &to.fixed).0, "import.done_rows");
}

pub fn import_of(plural: &'static str, fields: &'static [FieldDef], to: Target, of: ImportOf) -> AnyView {
    let app = use_app();
    let back = to.back.clone();
    let to = StoredValue::new(to);
    let problem = RwSignal::new(None::<String>);
    let table = RwSignal::new(None::<Table>);
    let mapping = RwSignal::new(Vec::<Option<&'static str>>::new());
    let guess = of.guess;
    let book = Workbook::new(problem, table, mapping, guess);
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
            match read_table(&bytes, guess) {
                Ok((t, m)) => {
                    mapping.set(m);
                    table.set(Some(t));
                }
                Err(e) => problem.set(Some(problem_text(&app, e))),
            }
        });
    };
    let preview = of.preview;
    let rows = Memo::new(move |_| {
        app.lang.track();
        table.with(|t| t.as_ref().map(|t| mapping.with(|m| to.with_value(|to| preview(&app, t, m, to)))).unwrap_or_default())
    });
    let import = of.import;
    let confirm = Callback::new(move |_| {
        table.with_untracked(|t| {
            if let Some(t) = t {
                mapping.with_untracked(|m| to.with_value(|to| import(&app, t, m, to)));
            }
        })
    });
    import_view(back, plural, fields, problem, table, mapping, rows.into(), confirm, on_file, move || book.choice())
}

/// An Excel workbook chosen to import: its worksheets (the first visible one read at once,
/// another on request) read into the same table, mapping and problem as a CSV file.
#[derive(Clone, Copy)]
pub struct Workbook {
    app: AppState,
    /// Counts the files and sheets picked: a slow read of an earlier pick is dropped.
    pick: StoredValue<u64>,
    sheets: RwSignal<Vec<SheetName>>,
    bytes: StoredValue<Option<Vec<u8>>>,
    problem: RwSignal<Option<String>>,
    table: RwSignal<Option<Table>>,
    mapping: RwSignal<Vec<Option<&'static str>>>,
    guess: fn(&[String]) -> Vec<Option<&'static str>>,
}

impl Workbook {
    pub fn new(
        problem: RwSignal<Option<String>>,
        table: RwSignal<Option<Table>>,
        mapping: RwSignal<Vec<Option<&'static str>>>,
        guess: fn(&[String]) -> Vec<Option<&'static str>>,
    ) -> Self {
        // Taken here: the reading runs in tasks, outside the component that owns the context.
        Workbook {
            app: use_app(),
            pick: StoredValue::new(0),
            sheets: RwSignal::new(vec![]),
            bytes: StoredValue::new(None),
            problem,
            table,
            mapping,
            guess,
        }
    }

    /// Forgets the workbook when another file is chosen.
    pub fn clear(self) {
        self.next_pick();
        self.sheets.set(vec![]);
        self.bytes.set_value(None);
    }

    fn next_pick(self) -> u64 {
        self.pick.update_value(|n| *n += 1);
        self.pick.get_value()
    }

    fn still(self, pick: u64) -> bool {
        self.pick.get_value() == pick
    }

    /// Lists the workbook's worksheets and reads the first; a file that is no workbook, or
    /// a part that cannot be fetched, is said in the problem.
    pub async fn open(self, bytes: Vec<u8>) {
        let app = self.app;
        let pick = self.next_pick();
        let names = super::xlsx::sheets(app, bytes.clone()).await;
        if !self.still(pick) {
            return;
        }
        match names {
            Ok(names) => {
                self.sheets.set(names);
                self.bytes.set_value(Some(bytes.clone()));
                let read = super::xlsx::table(app, bytes, 0).await;
                if self.still(pick) {
                    self.show(read);
                }
            }
            Err(p) => self.problem.set(Some(p)),
        }
    }

    fn show(self, read: Result<Table, String>) {
        match read {
            Ok(t) => {
                self.mapping.set((self.guess)(&t.headers));
                self.table.set(Some(t));
            }
            Err(p) => self.problem.set(Some(p)),
        }
    }

    fn load(self, sheet: usize) {
        let Some(bytes) = self.bytes.get_value() else { return };
        let app = self.app;
        self.problem.set(None);
        self.table.set(None);
        let pick = self.next_pick();
        spawn_local(async move {
            let read = super::xlsx::table(app, bytes, sheet).await;
            if self.still(pick) {
                self.show(read);
            }
        });
    }

    /// The worksheet to import, when the workbook has more than one.
    pub fn choice(self) -> Option<AnyView> {
        let app = self.app;
        (self.sheets.with(Vec::len) > 1).then(|| {
            view! {
                <div class="bo-field">
                    <label for="import-sheet">{app.text("import.sheet")}</label>
                    <select id="import-sheet" on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse() {
                            self.load(i);
                        }
                    }>
                        {self.sheets.get().into_iter().enumerate().map(|(i, s)| {
                            let name = if s.hidden { format!("{} {}", s.name, app.t("import.sheet_hidden")) } else { s.name };
                            view! { <option value=i.to_string()>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
            }
            .into_any()
        })
    }
}

#[allow(clippy::too_many_arguments)]
fn import_view(
    back: Route,
    plural: &'static str,
    fields: &'static [FieldDef],
    problem: RwSignal<Option<String>>,
    table: RwSignal<Option<Table>>,
    mapping: RwSignal<Vec<Option<&'static str>>>,
    rows: Signal<Vec<PreviewRow>>,
    confirm: Callback<()>,
    on_file: impl Fn(web_sys::Event) + 'static,
    sheet_choice: impl Fn() -> Option<AnyView> + Send + Sync + 'static,
) -> AnyView {
    let app = use_app();
    let back_href = back.href();
    view! {
        <PageHead title=Signal::derive(move || format!("{}: {}", app.t("import.any_title"), app.t(plural)))>
            <a class="bo-btn" href=back_href>{app.text("action.back")}</a>
        </PageHead>
        <p>{app.text("import.csv_intro")}" "{app.text("import.xlsx_intro")}</p>
        <div class="bo-field">
            <label for="import-file">{app.text("import.choose_any")}</label>
            <input id="import-file" type="file" accept=super::xlsx::ACCEPT on:change=on_file />
        </div>
        {sheet_choice}
        {move || problem.get().map(|p| view! { <p class="bo-banner bo-banner-error" role="alert">{p}</p> })}
        {move || number_note(&app, fields, table, mapping).map(|n| view! { <p class="bo-hint" id="import-numbers">{n}</p> })}
        {mapping_preview(back, fields, table, mapping, rows, confirm, "import.confirm_rows")}
    }
    .into_any()
}

/// How the file's numbers are read (`1.500`: fifteen hundred or one and a half), when a
/// column is mapped to money or a quantity: said, never guessed silently.
fn number_note(
    app: &AppState,
    fields: &'static [FieldDef],
    table: RwSignal<Option<Table>>,
    mapping: RwSignal<Vec<Option<&'static str>>>,
) -> Option<String> {
    let numeric = |k: &Option<&'static str>| {
        k.and_then(|k| fields.iter().find(|f| f.key == k))
            .is_some_and(|f| matches!(f.kind, FieldKind::Money | FieldKind::Number | FieldKind::Integer))
    };
    table.with(|t| {
        let t = t.as_ref()?;
        mapping.with(|m| {
            if !m.iter().any(numeric) {
                return None;
            }
            let (style, told) = csv_io::number_style(fields, t, m);
            let key = match style {
                crate::domain::format::NumberStyle::Indonesian => "import.numbers_id",
                crate::domain::format::NumberStyle::English => "import.numbers_en",
            };
            let mut text = app.t(key).to_string();
            if !told {
                text = format!("{text} {}", app.t("import.numbers_assumed"));
            }
            Some(text)
        })
    })
}
