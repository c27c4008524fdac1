//! Contacts: the generic pages plus CSV and vCard import/export.
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::contact::Contact;
use crate::domain::csv_io::{self, CsvError, Table};
use crate::domain::record::Entity;
use crate::domain::vcard;
use crate::i18n;

use super::collection::{add_records, display_value};
use super::files::{download, read_chosen, VCARD_MIME};
use super::router::{navigate, Route};
use super::state::{now, use_app};
use super::widgets::PageHead;

const MODULE: &str = "contacts";

fn live(app: &super::state::AppState) -> Vec<Contact> {
    app.contacts.get_untracked().into_iter().filter(|c| c.meta.deleted_at.is_none()).collect()
}

/// Import and export actions beside "New contact".
pub fn toolbar() -> AnyView {
    let app = use_app();
    let stamp = move || now().format("%Y-%m-%d").to_string();
    view! {
        <Show when=move || app.read_only.get().is_none()>
            <a class="bo-btn" href=Route::Import(MODULE.into()).href()>{app.text("action.import")}</a>
        </Show>
        {super::records::csv_buttons::<Contact>()}
        <button type="button" class="bo-btn" on:click=move |_| {
            download(&format!("contacts-{}.vcf", stamp()), VCARD_MIME, &vcard::export(&live(&app)));
        }>{app.text("contact.export_vcard")}</button>
    }
    .into_any()
}

#[derive(Clone, PartialEq)]
struct PreviewRow {
    line: usize,
    cells: Vec<String>,
    errors: Vec<String>,
}

#[derive(Clone, PartialEq)]
struct VcardPreview {
    names: Vec<String>,
    skipped: Vec<String>,
    unmapped: Vec<String>,
}

pub fn import_page() -> AnyView {
    let app = use_app();
    let file_name = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let table = RwSignal::new(None::<Table>);
    let mapping = RwSignal::new(Vec::<Option<&'static str>>::new());
    let cards = RwSignal::new(None::<Vec<Contact>>);
    let card_report = RwSignal::new(None::<VcardPreview>);

    let on_file = move |ev: web_sys::Event| {
        spawn_local(async move {
            let Some((name, bytes)) = read_chosen(ev).await else { return };
            file_name.set(name.clone());
            problem.set(None);
            table.set(None);
            cards.set(None);
            card_report.set(None);
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).trim_start_matches('\u{feff}').trim_start().to_ascii_uppercase();
            if head.starts_with("BEGIN:VCARD") || name.to_lowercase().ends_with(".vcf") {
                let r = vcard::import(&bytes, now());
                if r.contacts.is_empty() && r.skipped.is_empty() {
                    problem.set(Some(app.t("import.vcard_none").into()));
                    return;
                }
                card_report.set(Some(VcardPreview {
                    names: r.contacts.iter().map(|c| c.name.clone()).collect(),
                    skipped: r.skipped.iter().map(|(n, why)| app.tf("import.card_skipped", &[("n", n.to_string()), ("why", app.t(why).into())])).collect(),
                    unmapped: r.unmapped.iter().map(|(k, n)| format!("{k} ×{n}")).collect(),
                }));
                cards.set(Some(r.contacts));
                return;
            }
            match csv_io::parse_table(&bytes) {
                Ok(t) => {
                    mapping.set(csv_io::guess_mapping::<Contact>(&t.headers, |k| vec![i18n::t(crate::domain::format::Lang::Id, k).into(), i18n::t(crate::domain::format::Lang::En, k).into()]));
                    table.set(Some(t));
                }
                Err(CsvError::Empty) => problem.set(Some(app.t("import.empty").into())),
                Err(CsvError::NotText) => problem.set(Some(app.t("import.not_text").into())),
                Err(CsvError::Malformed(line, detail)) => problem.set(Some(app.tf("import.malformed", &[("line", line.to_string()), ("detail", detail)]))),
            }
        });
    };

    let outcomes = Memo::new(move |_| {
        app.lang.track();
        table.with(|t| {
            let Some(t) = t else { return vec![] };
            mapping.with(|m| {
                csv_io::build_records::<Contact>(t, m, now())
                    .into_iter()
                    .map(|o| PreviewRow {
                        line: o.line,
                        cells: Contact::fields().iter().filter(|f| f.in_list).map(|f| display_value(&app, &o.record, f.key)).collect(),
                        errors: o.errors.iter().map(|(k, e)| format!("{}: {}", app.t(Contact::fields().iter().find(|f| f.key == *k).map(|f| f.label).unwrap_or(k)), app.t(e))).collect(),
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let good = move || outcomes.with(|o| o.iter().filter(|r| r.errors.is_empty()).count());
    let bad = move || outcomes.with(|o| o.iter().filter(|r| !r.errors.is_empty()).count());

    let confirm_csv = move |_| {
        let recs: Vec<Contact> = table.with_untracked(|t| {
            t.as_ref().map(|t| mapping.with_untracked(|m| csv_io::build_records::<Contact>(t, m, now())).into_iter().filter(|o| o.errors.is_empty()).map(|o| o.record).collect()).unwrap_or_default()
        });
        finish(&app, recs);
    };
    let confirm_vcard = move |_| finish(&app, cards.get_untracked().unwrap_or_default());

    view! {
        <PageHead title=Signal::derive(move || app.t("import.title").to_string())>
            <a class="bo-btn" href=Route::List(MODULE.into()).href()>{app.text("action.back")}</a>
        </PageHead>
        <p>{app.text("import.intro")}</p>
        <div class="bo-field">
            <label for="import-file">{app.text("import.choose")}</label>
            <input id="import-file" type="file" accept=".csv,.txt,.vcf,text/csv,text/vcard" on:change=on_file />
        </div>
        {move || problem.get().map(|p| view! { <p class="bo-banner bo-banner-error" role="alert">{p}</p> })}
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
                                    let key = Contact::fields().iter().find(|f| f.key == v).map(|f| f.key);
                                    mapping.update(|m| if i < m.len() { m[i] = key });
                                }>
                                    <option value="" selected=move || mapping.with(|m| m.get(i).copied().flatten().is_none())>{app.text("import.skip_column")}</option>
                                    {Contact::fields().iter().map(|f| view! {
                                        <option value=f.key selected=move || mapping.with(|m| m.get(i).copied().flatten() == Some(f.key))>{move || app.t(f.label)}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                        }
                    }).collect_view()}
                </div>
                <h2>{app.text("import.preview")}</h2>
                <p aria-live="polite">{move || app.tf("import.summary", &[("good", good().to_string()), ("bad", bad().to_string())])}</p>
                <div class="bo-table-wrap"><table class="bo-table">
                    <thead><tr>
                        <th scope="col">{app.text("import.line")}</th>
                        {Contact::fields().iter().filter(|f| f.in_list).map(|f| view! { <th scope="col">{move || app.t(f.label)}</th> }).collect_view()}
                        <th scope="col">{app.text("import.problems")}</th>
                    </tr></thead>
                    <tbody>
                        {move || outcomes.get().into_iter().take(200).map(|r| view! {
                            <tr class:bo-row-error=!r.errors.is_empty()>
                                <td>{r.line}</td>
                                {r.cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                                <td class="bo-error-cell">{r.errors.join("; ")}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table></div>
                <div class="bo-actions">
                    <button type="button" class="bo-btn bo-btn-primary" disabled=move || good() == 0 on:click=confirm_csv>
                        {move || app.tf("import.confirm", &[("n", good().to_string())])}
                    </button>
                    <a class="bo-btn" href=Route::List(MODULE.into()).href()>{app.text("action.cancel")}</a>
                </div>
            }
        })}
        {move || card_report.get().map(|r| {
            let n = r.names.len();
            view! {
                <h2>{app.text("import.preview")}</h2>
                <p>{app.tf("import.vcard_summary", &[("n", n.to_string())])}</p>
                <ul class="bo-list">{r.names.into_iter().map(|nm| view! { <li>{nm}</li> }).collect_view()}</ul>
                {(!r.skipped.is_empty()).then(|| view! {
                    <h3>{app.text("import.skipped")}</h3>
                    <ul class="bo-list bo-error">{r.skipped.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                })}
                {(!r.unmapped.is_empty()).then(|| view! {
                    <h3>{app.text("import.unmapped")}</h3>
                    <p class="bo-hint">{r.unmapped.join(", ")}</p>
                })}
                <div class="bo-actions">
                    <button type="button" class="bo-btn bo-btn-primary" disabled=n == 0 on:click=confirm_vcard>
                        {app.tf("import.confirm", &[("n", n.to_string())])}
                    </button>
                    <a class="bo-btn" href=Route::List(MODULE.into()).href()>{app.text("action.cancel")}</a>
                </div>
            }
        })}
        <p class="bo-hint">{move || file_name.get()}</p>
    }
    .into_any()
}

fn finish(app: &super::state::AppState, recs: Vec<Contact>) {
    let n = recs.len();
    if n == 0 {
        return;
    }
    if add_records(app, recs).is_ok() {
        app.info(app.tf("import.done", &[("n", n.to_string())]));
        navigate(&Route::List(MODULE.into()));
    }
}
