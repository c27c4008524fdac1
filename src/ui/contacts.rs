//! Contacts: the generic pages plus CSV and vCard import/export.
use leptos::prelude::*;

use leptos::task::spawn_local;

use crate::domain::contact::Contact;
use crate::domain::csv_io::Table;
use crate::domain::record::Entity;
use crate::domain::vcard;

use super::collection::UiEntity;
use super::csv_import::{finish, guess, mapping_preview, outcomes, problem_text, read_table, Workbook};
use super::files::{download, read_chosen, VCARD_MIME};
use super::router::Route;
use super::state::{now, use_app};
use super::widgets::PageHead;

const MODULE: &str = "contacts";

fn live(app: &super::state::AppState) -> Vec<Contact> {
    app.lists.contacts().get_untracked().into_iter().filter(|c| c.meta.deleted_at.is_none()).collect()
}

/// Import and export actions beside "New contact".
pub fn toolbar() -> AnyView {
    let app = use_app();
    let stamp = move || crate::domain::dates::date_text(now().date_naive());
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

    let book = Workbook::new(problem, table, mapping, guess::<Contact>);
    let on_file = move |ev: web_sys::Event| {
        spawn_local(async move {
            let Some((name, bytes)) = read_chosen(ev).await else { return };
            file_name.set(name.clone());
            problem.set(None);
            table.set(None);
            cards.set(None);
            card_report.set(None);
            book.clear();
            let head =
                String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).trim_start_matches('\u{feff}').trim_start().to_ascii_uppercase();
            if head.starts_with("BEGIN:VCARD") || crate::text::lower(&name).ends_with(".vcf") {
                let r = vcard::import(&bytes, now());
                if r.contacts.is_empty() && r.skipped.is_empty() {
                    problem.set(Some(app.t("import.vcard_none").into()));
                    return;
                }
                card_report.set(Some(VcardPreview {
                    names: r.contacts.iter().map(|c| c.name.clone()).collect(),
                    skipped: r
                        .skipped
                        .iter()
                        .map(|(n, why)| app.tf("import.card_skipped", &[("n", n.to_string()), ("why", app.t(why).into())]))
                        .collect(),
                    unmapped: r.unmapped.iter().map(|(k, n)| format!("{k} ×{n}")).collect(),
                }));
                cards.set(Some(r.contacts));
                return;
            }
            if super::xlsx::is_xlsx(&bytes) {
                book.open(bytes).await;
                return;
            }
            match read_table(&bytes, guess::<Contact>) {
                Ok((t, m)) => {
                    mapping.set(m);
                    table.set(Some(t));
                }
                Err(e) => problem.set(Some(problem_text(&app, e))),
            }
        });
    };

    let rows = Memo::new(move |_| {
        app.lang.track();
        table.with(|t| t.as_ref().map(|t| mapping.with(|m| outcomes::<Contact>(&app, t, m, &[]).1)).unwrap_or_default())
    });
    let confirm_csv = Callback::new(move |_| {
        let good: Vec<Contact> = table
            .with_untracked(|t| t.as_ref().map(|t| mapping.with_untracked(|m| outcomes::<Contact>(&app, t, m, &[]).0)).unwrap_or_default());
        finish(&app, Route::List(MODULE.into()), good, "import.done");
    });
    let confirm_vcard = move |_| finish(&app, Route::List(MODULE.into()), cards.get_untracked().unwrap_or_default(), "import.done");

    view! {
        <PageHead title=app.title("import.title")>
            <a class="bo-btn" href=Route::List(MODULE.into()).href()>{app.text("action.back")}</a>
        </PageHead>
        <p>{app.text("import.intro")}</p>
        <div class="bo-field">
            <label for="import-file">{app.text("import.choose")}</label>
            <input id="import-file" type="file" accept=format!("{},.vcf,text/vcard", super::xlsx::ACCEPT) on:change=on_file />
        </div>
        {move || book.choice()}
        {move || problem.get().map(|p| view! { <p class="bo-banner bo-banner-error" role="alert">{p}</p> })}
        {mapping_preview(Route::List(MODULE.into()), Contact::fields(), table, mapping, rows.into(), confirm_csv, "import.confirm")}
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

impl UiEntity for Contact {
    const PLURAL: &'static str = "nav.contacts";
    const NEW: &'static str = "contact.new";
    const EMPTY: &'static str = "contact.empty";
}
