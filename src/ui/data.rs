//! Data: storage use, JSON backup export/import (replace or merge), reset.
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::backup::{self, Backup, BackupError, MergeReport};
use crate::domain::format::{format_datetime, group_digits};
use crate::domain::schema::Docs;
use crate::storage::{Write, QUOTA_CHARS};

use super::files::{download, read_chosen, JSON_MIME};
use super::state::{local, now, use_app, with_db, AppState};
use super::widgets::PageHead;

/// Everything the office has, as backup collections.
fn collections(app: &AppState) -> Docs {
    let mut d = Docs::new();
    d.insert("contacts".into(), serde_json::to_value(app.contacts.get_untracked()).expect("contacts serialise"));
    d.insert("calls".into(), serde_json::to_value(app.calls.get_untracked()).expect("calls serialise"));
    d.insert("visitors".into(), serde_json::to_value(app.visitors.get_untracked()).expect("visitors serialise"));
    d.insert("settings".into(), serde_json::to_value(app.settings.get_untracked()).expect("settings serialise"));
    d
}

/// Every collection by reference, as the backup file lists them.
#[derive(serde::Serialize)]
struct Collections<'a> {
    contacts: &'a [crate::domain::contact::Contact],
    calls: &'a [crate::domain::frontdesk::Call],
    visitors: &'a [crate::domain::frontdesk::Visitor],
    settings: &'a crate::domain::settings::Settings,
}

/// Downloads a full backup and remembers when, for the 14-day reminder.
pub fn export_backup(app: &AppState) {
    let t = now();
    super::perf::timed("bo:export", || {
        let text = app.contacts.with_untracked(|contacts| {
            app.calls.with_untracked(|calls| {
                app.visitors.with_untracked(|visitors| {
                    app.settings.with_untracked(|settings| backup::export(&Collections { contacts, calls, visitors, settings }, t))
                })
            })
        });
        download(&backup::file_name(t), JSON_MIME, &text)
    });
    if with_db(|db| db.set_last_backup(t)).is_ok() {
        app.last_backup.set(Some(t));
    }
    app.info(app.t("data.exported").into());
}

/// Imported collections in the screens' types (already validated by `backup::parse`).
struct Imported {
    contacts: Option<Vec<crate::domain::contact::Contact>>,
    calls: Option<Vec<crate::domain::frontdesk::Call>>,
    visitors: Option<Vec<crate::domain::frontdesk::Visitor>>,
    settings: Option<crate::domain::settings::Settings>,
}

impl Imported {
    fn from_docs(docs: &[(&str, serde_json::Value)]) -> Self {
        fn get<T: serde::de::DeserializeOwned>(docs: &[(&str, serde_json::Value)], name: &str) -> Option<T> {
            docs.iter().find(|(n, _)| *n == name).and_then(|(_, v)| T::deserialize(v).ok())
        }
        Imported { contacts: get(docs, "contacts"), calls: get(docs, "calls"), visitors: get(docs, "visitors"), settings: get(docs, "settings") }
    }

    /// Shows what was stored without reading it back from storage.
    fn show(self, app: &AppState) {
        let Imported { contacts, calls, visitors, settings } = self;
        if let Some(v) = contacts {
            app.contacts.set(v);
        }
        if let Some(v) = calls {
            app.calls.set(v);
        }
        if let Some(v) = visitors {
            app.visitors.set(v);
        }
        if let Some(v) = settings {
            app.settings.set(v);
        }
        app.refresh_unreadable();
        app.refresh_usage();
    }
}

pub fn backup_overdue(app: &AppState) -> bool {
    let due = now() - chrono::Duration::days(14);
    match app.last_backup.get() {
        Some(t) => t < due,
        // Never backed up: remind once the oldest record is two weeks old.
        None => {
            app.contacts.with(|c| c.iter().any(|r| r.meta.created_at < due))
                || app.calls.with(|c| c.iter().any(|r| r.meta.created_at < due))
                || app.visitors.with(|c| c.iter().any(|r| r.meta.created_at < due))
        }
    }
}

#[component]
pub fn StorageMeter() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="bo-meter">
            <label for="bo-usage">{move || app.t("data.usage")}</label>
            <progress id="bo-usage" max="100" value=move || app.usage_percent()></progress>
            <span>{move || app.tf("data.usage_text", &[
                ("used", group_digits(app.used_chars.get() as u64, app.lang.get())),
                ("total", group_digits(QUOTA_CHARS as u64, app.lang.get())),
                ("pct", app.usage_percent_text()),
            ])}</span>
        </div>
    }
}

fn backup_error_text(app: &AppState, e: &BackupError) -> String {
    match e {
        BackupError::NotJson => app.t("backup.not_json").into(),
        BackupError::Truncated => app.t("backup.truncated").into(),
        BackupError::Foreign => app.t("backup.foreign").into(),
        BackupError::Newer(v) => app.tf("backup.newer", &[("v", v.to_string())]),
        BackupError::Invalid(c, detail) => app.tf("backup.invalid", &[("name", c.clone()), ("detail", detail.clone())]),
    }
}

pub fn data_page() -> AnyView {
    let app = use_app();
    let pending = RwSignal::new(None::<(String, Backup, Vec<String>)>);
    let problem = RwSignal::new(None::<String>);
    let mode = RwSignal::new("merge".to_string());
    let merged = RwSignal::new(None::<(usize, usize, Vec<(String, bool)>)>);
    let reset_text = RwSignal::new(String::new());

    let on_file = move |ev: web_sys::Event| {
        spawn_local(async move {
            let Some((name, bytes)) = read_chosen(ev).await else { return };
            merged.set(None);
            match super::perf::timed("bo:import-parse", || backup::parse(&bytes)) {
                Ok((b, unknown)) => {
                    problem.set(None);
                    pending.set(Some((name, b, unknown)));
                }
                Err(e) => {
                    pending.set(None);
                    problem.set(Some(backup_error_text(&app, &e)));
                }
            }
        });
    };

    let apply = move |_| super::perf::timed("bo:import-apply", || {
        let replace = mode.get_untracked() == "replace";
        let mut report = MergeReport::default();
        let local_docs = if replace { Docs::new() } else { collections(&app) };
        let Some(mut docs) = pending.with_untracked(|p| {
            let (_, b, _) = p.as_ref()?;
            let mut docs: Vec<(&str, serde_json::Value)> = vec![];
            for name in ["contacts", "calls", "visitors"] {
                let incoming = b.collections.get(name).and_then(|v| v.as_array());
                let local = local_docs.get(name).and_then(|v| v.as_array());
                let merged = match (replace, incoming) {
                    (true, inc) => inc.cloned().unwrap_or_default(),
                    (false, Some(inc)) => {
                        let (out, r) = backup::merge_records(local.map_or(&[][..], Vec::as_slice), inc);
                        report.added += r.added;
                        report.updated += r.updated;
                        report.unchanged += r.unchanged;
                        report.conflicts.extend(r.conflicts);
                        out
                    }
                    (false, None) => local.cloned().unwrap_or_default(),
                };
                docs.push((name, serde_json::Value::Array(merged)));
            }
            if replace {
                let settings = b.collections.get("settings").cloned().unwrap_or_else(|| serde_json::to_value(crate::domain::settings::Settings::default()).unwrap());
                docs.push(("settings", settings));
            }
            Some(docs)
        }) else {
            return;
        };
        // The records as the screens hold them, decoded before the write hands the JSON over.
        let typed = Imported::from_docs(&docs);
        let writes = docs.drain(..).map(|(n, v)| (n, Write::Whole(v))).collect();
        match with_db(|db| db.write(writes)) {
            Ok(_) => {
                typed.show(&app);
                pending.set(None);
                if replace {
                    app.info(app.t("backup.replaced").into());
                } else {
                    app.info(app.tf("backup.merged", &[("added", report.added.to_string()), ("updated", report.updated.to_string())]));
                    merged.set(Some((report.added, report.updated, report.conflicts)));
                }
            }
            Err(e) => {
                app.report_storage_error(&e);
                if matches!(e, crate::storage::StorageError::Conflict(_)) {
                    app.load_all();
                }
            }
        }
    });

    let reset_word = move || app.t("data.reset_word");
    let do_reset = move |_| {
        if reset_text.get_untracked().trim() != reset_word() {
            return;
        }
        match with_db(|db| db.reset_all()) {
            Ok(()) => {
                app.read_only.set(None);
                app.load_all();
                reset_text.set(String::new());
                app.info(app.t("data.reset_done").into());
            }
            Err(e) => app.report_storage_error(&e),
        }
    };

    view! {
        <PageHead title=Signal::derive(move || app.t("nav.data").to_string())>{()}</PageHead>
        <p class="bo-hint">{move || app.t("data.where")}</p>
        <section class="bo-card">
            <h2>{move || app.t("data.storage")}</h2>
            <StorageMeter />
            <p>{move || app.tf("data.record_counts", &[
                ("contacts", app.contacts.with(|c| c.iter().filter(|r| r.meta.deleted_at.is_none()).count()).to_string()),
                ("calls", app.calls.with(|c| c.iter().filter(|r| r.meta.deleted_at.is_none()).count()).to_string()),
                ("visitors", app.visitors.with(|c| c.iter().filter(|r| r.meta.deleted_at.is_none()).count()).to_string()),
            ])}</p>
        </section>
        <section class="bo-card">
            <h2>{move || app.t("data.backup")}</h2>
            <p>{move || match app.last_backup.get() {
                Some(t) => app.tf("data.last_backup", &[("when", format_datetime(local(t), app.lang.get()))]),
                None => app.t("data.never_backed_up").into(),
            }}</p>
            <button type="button" class="bo-btn bo-btn-primary" on:click=move |_| export_backup(&app)>{move || app.t("data.export")}</button>
        </section>
        <section class="bo-card">
            <h2>{move || app.t("data.import")}</h2>
            <div class="bo-field">
                <label for="backup-file">{move || app.t("data.choose_backup")}</label>
                <input id="backup-file" type="file" accept=".json,application/json" on:change=on_file />
            </div>
            {move || problem.get().map(|p| view! { <p class="bo-banner bo-banner-error" role="alert">{p}</p> })}
            {move || pending.get().map(|(name, b, unknown)| view! {
                <div class="bo-preview">
                    <h3>{app.tf("backup.preview_title", &[("name", name)])}</h3>
                    <p>{app.tf("backup.preview_meta", &[("v", b.schema_version.to_string()), ("when", format_datetime(local(b.exported_at), app.lang.get()))])}</p>
                    <ul class="bo-list">
                        {backup::counts(&b.collections).into_iter().map(|(k, n)| view! { <li>{format!("{}: {n}", app.t(&format!("collection.{k}")))}</li> }).collect_view()}
                    </ul>
                    {(!unknown.is_empty()).then(|| view! { <p class="bo-hint">{app.tf("backup.unknown", &[("names", unknown.join(", "))])}</p> })}
                    <fieldset>
                        <legend>{move || app.t("backup.how")}</legend>
                        <label class="bo-radio"><input type="radio" name="mode" value="merge" prop:checked=move || mode.get() == "merge" on:change=move |_| mode.set("merge".into()) />{move || app.t("backup.merge")}</label>
                        <label class="bo-radio"><input type="radio" name="mode" value="replace" prop:checked=move || mode.get() == "replace" on:change=move |_| mode.set("replace".into()) />{move || app.t("backup.replace")}</label>
                    </fieldset>
                    <div class="bo-actions">
                        <button type="button" class="bo-btn bo-btn-primary" on:click=apply>{move || app.t("backup.apply")}</button>
                        <button type="button" class="bo-btn" on:click=move |_| pending.set(None)>{move || app.t("action.cancel")}</button>
                    </div>
                </div>
            })}
            {move || merged.get().map(|(added, updated, conflicts)| view! {
                <div class="bo-preview" role="status">
                    <p>{app.tf("backup.merged", &[("added", added.to_string()), ("updated", updated.to_string())])}</p>
                    {(!conflicts.is_empty()).then(|| view! {
                        <h3>{app.t("backup.conflicts")}</h3>
                        <ul class="bo-list">{conflicts.into_iter().map(|(title, incoming)| view! {
                            <li>{format!("{title} — {}", app.t(if incoming { "backup.took_incoming" } else { "backup.kept_local" }))}</li>
                        }).collect_view()}</ul>
                    })}
                </div>
            })}
        </section>
        <section class="bo-card bo-danger-zone">
            <h2>{move || app.t("data.reset")}</h2>
            <p>{move || app.tf("data.reset_explain", &[("word", reset_word().into())])}</p>
            <div class="bo-field">
                <label for="reset-confirm">{move || app.tf("data.reset_type", &[("word", reset_word().into())])}</label>
                <input id="reset-confirm" type="text" autocomplete="off" prop:value=move || reset_text.get() on:input=move |ev| reset_text.set(event_target_value(&ev)) />
            </div>
            <button type="button" class="bo-btn bo-btn-danger" disabled=move || reset_text.get().trim() != reset_word() on:click=do_reset>{move || app.t("data.reset_button")}</button>
        </section>
    }
    .into_any()
}

