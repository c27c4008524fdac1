//! The audit trail on the Data screen: how long it is and where it ends, Verify, the log as
//! CSV, archiving older entries to a file, and the latest entries with a filter.
use leptos::prelude::*;

use crate::domain::audit::{self, archive, verify, AuditAction, AuditEntry, Verified};
use crate::domain::format::{format_datetime, group_digits};

use super::audit::{replace, with_log};
use super::files::{download, CSV_MIME};
use super::state::{local, now, use_app, AppState};

/// Entries shown at once; the CSV holds them all.
const SHOWN: usize = 50;

fn csv_text(app: &AppState, log: &[AuditEntry], delimiter: u8) -> String {
    let h = |k: &str| app.t(k);
    let header = [
        h("audit.col.no"),
        h("audit.col.at"),
        h("audit.col.who"),
        h("audit.col.action"),
        h("audit.col.list"),
        h("audit.col.record"),
        h("audit.col.title"),
        h("audit.col.field"),
        h("audit.col.before"),
        h("audit.col.after"),
        h("audit.col.note"),
        h("audit.col.link"),
    ];
    audit::csv(log, header, delimiter, |a| app.t(a.label_key()).to_string(), |e| note_text(app, e))
}

fn list_name(app: &AppState, list: &str) -> String {
    if list.is_empty() {
        app.t("audit.backup").to_string()
    } else {
        app.t(&format!("collection.{list}")).to_string()
    }
}

/// What an import's, an archive's or a removed part's note says, in words.
fn note_text(app: &AppState, e: &AuditEntry) -> String {
    let parts: Vec<&str> = e.note.split(';').collect();
    match (e.action, parts.as_slice()) {
        (AuditAction::Import, ["replace"]) => app.tf("audit.note.replace", &[("file", e.title.clone())]),
        (AuditAction::Import, ["merge", added, updated]) => {
            app.tf("audit.note.merge", &[("file", e.title.clone()), ("added", added.to_string()), ("updated", updated.to_string())])
        }
        (AuditAction::Import, [n]) => app.tf("audit.note.rows", &[("n", n.to_string())]),
        (AuditAction::Purge, ["unreadable", n]) => app.tf("audit.note.unreadable", &[("n", n.to_string())]),
        (AuditAction::Archive, [n, from, to, _]) => {
            app.tf("audit.note.archive", &[("n", n.to_string()), ("from", from.to_string()), ("to", to.to_string())])
        }
        _ => e.note.clone(),
    }
}

/// The entry's changes as the table shows them: "Name: Budi → Budi Santoso".
fn changes_text(app: &AppState, e: &AuditEntry) -> Vec<String> {
    if e.changes.is_empty() {
        return vec![note_text(app, e)];
    }
    let empty = app.t("audit.empty_value");
    let or_empty = |v: &str| if v.is_empty() { empty.to_string() } else { v.to_string() };
    e.changes
        .iter()
        .map(|c| {
            let name = if c.label.is_empty() { c.field.clone() } else { c.label.clone() };
            if e.action == AuditAction::Create {
                format!("{name}: {}", c.after)
            } else {
                format!("{name}: {} → {}", or_empty(&c.before), or_empty(&c.after))
            }
        })
        .collect()
}

fn matches(app: &AppState, e: &AuditEntry, q: &str) -> bool {
    let lower = crate::text::lower;
    [e.who.as_str(), e.title.as_str(), app.t(e.action.label_key()), &list_name(app, &e.list)].iter().any(|t| lower(t).contains(q))
        || e.changes.iter().any(|c| [&c.label, &c.field, &c.before, &c.after].iter().any(|t| lower(t).contains(q)))
}

/// `changed` is bumped by the Data screen when an import or a reset changed the log.
#[component]
pub fn AuditSection(changed: RwSignal<u32>) -> impl IntoView {
    let app = use_app();
    // Bumped when this section changes the log (an archive), so what it shows is read again.
    let version = RwSignal::new(0u32);
    // The archive's first step done: the entries before this time are in a downloaded file.
    let downloaded = RwSignal::new(None::<(chrono::DateTime<chrono::Utc>, usize, String)>);
    let verified = RwSignal::new(None::<(bool, String)>);
    let query = RwSignal::new(String::new());
    let before = RwSignal::new(String::new());

    let summary = move || {
        version.track();
        changed.track();
        let read = with_log(|log| (log.len(), log.last().map(|e| e.hash.clone()).unwrap_or_default()));
        if read.is_none() {
            // The unreadable part is then offered for download like any other.
            app.refresh_unreadable();
        }
        read
    };
    let do_verify = move |_| {
        let lang = app.lang.get_untracked();
        let text = with_log(|log| match verify(log) {
            Verified::Intact { entries, .. } => (true, app.tf("audit.intact", &[("n", group_digits(entries as u64, lang))])),
            Verified::Broken { seq, index } => {
                let when = format_datetime(local(log[index].at), lang);
                (false, app.tf("audit.broken", &[("seq", seq.to_string()), ("when", when)]))
            }
        });
        verified.set(Some(text.unwrap_or_else(|| (false, app.t("audit.unreadable").to_string()))));
    };
    let export = Callback::new(move |(delimiter, suffix): (u8, &'static str)| {
        let name = format!("audit-{}{suffix}.csv", crate::domain::dates::date_text(now().date_naive()));
        if let Some(text) = with_log(|log| csv_text(&app, log, delimiter)) {
            download(&name, CSV_MIME, &text);
        }
    });
    // Step one: the entries before the date chosen, downloaded as they are stored (JSON,
    // links included, so the file can be checked against the log's later entries).
    let do_download = move |_| {
        downloaded.set(None);
        let Some(day) = crate::domain::dates::parse_date(&before.get_untracked()) else {
            app.error(app.t("audit.archive_date").into());
            return;
        };
        // Midnight where the office is, as the date input means it.
        let offset = local(now()).offset().local_minus_utc() as i64;
        let cut = day.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc() - chrono::Duration::seconds(offset);
        let file = with_log(|log| {
            let n = log.iter().take_while(|e| e.at < cut).count();
            (n > 0).then(|| {
                let entries = serde_json::to_string(&log[..n]).expect("entries serialise");
                (n, format!(r#"{{"format":"backoffice-audit-archive","entries":{entries}}}"#))
            })
        });
        match file {
            None => app.error(app.t("audit.unreadable").into()),
            Some(None) => app.info(app.t("audit.archive_none").into()),
            Some(Some((n, text))) => {
                let name = format!("audit-archive-{}.json", crate::domain::dates::date_text(day));
                download(&name, super::files::JSON_MIME, &text);
                downloaded.set(Some((cut, n, name)));
            }
        }
    };
    // Step two, asked for once the file is kept: the entries leave the log.
    let do_archive = move |_| {
        let Some((cut, n, name)) = downloaded.get_untracked() else { return };
        let who = app.settings.with_untracked(|s| s.user_name.clone());
        let kept = with_log(|log| archive(log, cut, &who, now())).flatten();
        downloaded.set(None);
        let Some(kept) = kept else { return };
        match replace(kept) {
            Ok(()) => {
                app.info(app.tf("audit.archived", &[("n", n.to_string()), ("file", name)]));
                version.update(|v| *v += 1);
                verified.set(None);
            }
            Err(e) => app.report_storage_error(&e),
        }
    };
    let latest = move || {
        version.track();
        changed.track();
        let q = crate::text::lower(query.get().trim());
        with_log(|log| {
            let found: Vec<AuditEntry> =
                log.iter().rev().filter(|e| q.is_empty() || matches(&app, e, &q)).take(SHOWN + 1).cloned().collect();
            found
        })
        .unwrap_or_default()
    };

    view! {
        <section class="bo-card" aria-labelledby="audit-h">
            <h2 id="audit-h">{app.text("audit.title")}</h2>
            <p class="bo-hint">{app.text("audit.intro")}</p>
            {move || match summary() {
                None => view! { <p class="bo-banner bo-banner-error" role="alert">{app.t("audit.unreadable")}</p> }.into_any(),
                Some((0, _)) => view! { <p id="audit-summary">{app.t("audit.summary_none")}</p> }.into_any(),
                Some((n, last)) => view! {
                    <p id="audit-summary" class="bo-break">{app.tf("audit.summary", &[("n", group_digits(n as u64, app.lang.get())), ("link", last)])}</p>
                }.into_any(),
            }}
            <div class="bo-actions">
                <button type="button" class="bo-btn" on:click=do_verify>{app.text("audit.verify")}</button>
                {super::records::csv_buttons_view(export)}
            </div>
            // A live region that is always there, so the result is announced when it comes.
            <div role="status" aria-live="polite">
                {move || verified.get().map(|(ok, text)| if ok {
                    view! { <p id="audit-verified" class="bo-banner bo-banner-info">{text}</p> }.into_any()
                } else {
                    view! { <p id="audit-verified" class="bo-banner bo-banner-error" role="alert">{text}</p> }.into_any()
                })}
            </div>
            <h3>{app.text("audit.archive_title")}</h3>
            <p class="bo-hint">{app.text("audit.archive_hint")}</p>
            <div class="bo-field">
                <label for="audit-before">{app.text("audit.archive_before")}</label>
                <input id="audit-before" type="date" prop:value=move || before.get() on:input=move |ev| before.set(event_target_value(&ev)) />
            </div>
            <button type="button" class="bo-btn" on:click=do_download>{app.text("audit.archive_download")}</button>
            <div role="status" aria-live="polite">
                {move || downloaded.get().map(|(_, n, name)| view! {
                    <div class="bo-banner bo-banner-warn">
                        <p>{app.tf("audit.archive_confirm", &[("n", n.to_string()), ("file", name)])}</p>
                        <div class="bo-actions">
                            <button type="button" class="bo-btn bo-btn-danger" on:click=do_archive>{app.tf("audit.archive", &[("n", n.to_string())])}</button>
                            <button type="button" class="bo-btn" on:click=move |_| downloaded.set(None)>{app.t("action.cancel")}</button>
                        </div>
                    </div>
                })}
            </div>
            <h3 id="audit-latest-h">{app.text("audit.latest")}</h3>
            <div class="bo-field">
                <label for="audit-filter">{app.text("audit.filter")}</label>
                <input id="audit-filter" type="search" prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) />
            </div>
            {move || {
                let mut rows = latest();
                let more = rows.len() > SHOWN;
                rows.truncate(SHOWN);
                if rows.is_empty() {
                    return view! { <p class="bo-empty">{app.t("audit.none")}</p> }.into_any();
                }
                let lang = app.lang.get();
                view! {
                    <div class="bo-table-wrap" tabindex="0" aria-labelledby="audit-latest-h"><table class="bo-table" id="audit-table">
                        <caption class="bo-visually-hidden">{app.t("audit.latest")}</caption>
                        <thead><tr>
                            <th scope="col">{app.t("audit.col.no")}</th>
                            <th scope="col">{app.t("audit.col.at")}</th>
                            <th scope="col">{app.t("audit.col.who")}</th>
                            <th scope="col">{app.t("audit.col.action")}</th>
                            <th scope="col">{app.t("audit.col.title")}</th>
                            <th scope="col">{app.t("audit.col.changes")}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|e| view! {
                                <tr>
                                    <td>{e.seq.to_string()}</td>
                                    <td>{format_datetime(local(e.at), lang)}</td>
                                    <td>{e.who.clone()}</td>
                                    <td>{format!("{} · {}", app.t(e.action.label_key()), list_name(&app, &e.list))}</td>
                                    <td>{e.title.clone()}</td>
                                    <td>{changes_text(&app, &e).into_iter().map(|line| view! { <div>{line}</div> }).collect_view()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table></div>
                    {more.then(|| view! { <p class="bo-hint">{app.tf("audit.more", &[("n", SHOWN.to_string())])}</p> })}
                }.into_any()
            }}
        </section>
    }
}
