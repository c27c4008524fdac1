//! Data: storage use, JSON backup export/import (replace or merge), reset.
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::crypto::{new_key, Lock};
use crate::domain::audit::AuditEntry;
use crate::domain::backup::{self, BackupError, Imported, MergeReport};
use crate::domain::format::{format_datetime, group_digits};
use crate::domain::record::Entity;
use crate::domain::sealed_backup::{self, FileKey, OpenError};
use crate::domain::settings::Settings;
use crate::storage::{Edit, Write, QUOTA_CHARS};
use crate::table::records_as_columns;

use super::encryption::{new_passphrase_problem, password, Field};
use super::files::{chosen, download, read_all, JSON_MIME};
use super::passphrase::{self, DeriveError};
use super::state::{local, now, use_app, with_db, AppState};
use super::widgets::PageHead;

/// Nests `with_untracked` over the lists so the backup borrows every record, no copies.
macro_rules! borrowing {
    ($app:ident, [], $body:expr) => { $body };
    ($app:ident, [$head:ident $(, $rest:ident)*], $body:expr) => {
        $app.lists.$head().with_untracked(|$head| borrowing!($app, [$($rest),*], $body))
    };
}

macro_rules! lists {
    ($($name:ident: $t:ty,)*) => {
        /// Every collection, read in place (no copy of the records), as the backup file lists them.
        pub(super) fn backup_text(app: &AppState, t: chrono::DateTime<chrono::Utc>) -> String {
            let with_audit = |audit: Option<&[AuditEntry]>| borrowing!(app, [$($name),*], {
                let settings = app.settings.with_untracked(|s| serde_json::to_value(s).expect("settings serialise"));
                let unreadable: Vec<(String, String)> = app.unreadable.with_untracked(|u| u.iter().map(|u| (u.name.clone(), u.raw.clone())).collect());
                let audit = audit.map(|log| (log.len(), move |r: std::ops::Range<usize>| records_as_columns(&log[r])));
                backup::export(
                    &[$(backup::ExportList { name: stringify!($name), len: $name.len(), rows: &|r| records_as_columns(&$name[r]) },)*],
                    Some(&settings),
                    &unreadable,
                    audit.as_ref().map(|(len, rows)| backup::ExportList { name: super::audit::LIST, len: *len, rows }).as_ref(),
                    t,
                )
            });
            super::audit::with_log(|log| with_audit(Some(log))).unwrap_or_else(|| with_audit(None))
        }

        /// Records per list, not counting the trash: every list of the registry.
        fn live_counts(app: &AppState) -> Vec<(&'static str, usize)> {
            vec![$((stringify!($name), app.lists.$name().with(|l| l.iter().filter(|r| r.meta().deleted_at.is_none()).count())),)*]
        }

        /// The lists (and settings) an import changes, in the screens' types, each with
        /// what changed in it; `None` leaves a list as it is (not read, not written).
        struct Next {
            $($name: Option<(Vec<$t>, Edit)>,)*
            settings: Option<Settings>,
        }

        impl Next {
            /// Replace: the file's data, every list rewritten. Merge: ours and the file's,
            /// newer wins, and only the records that changed are written.
            fn from(app: &AppState, b: Imported, replace: bool, report: &mut MergeReport) -> Next {
                if replace {
                    return Next { $($name: Some((b.$name.unwrap_or_default(), Edit::all())),)* settings: Some(b.settings.unwrap_or_default()) };
                }
                Next { $($name: b.$name.and_then(|inc| merged(app.lists.$name(), inc, report)),)* settings: None }
            }

            /// Writes the changed lists and the import's audit entry, all or nothing,
            /// straight from the records; with `trail`, the file's audit trail becomes the
            /// log, the import's entry chained after it.
            fn store(&self, log: AuditEntry, trail: Option<Vec<AuditEntry>>) -> Result<Vec<u64>, crate::storage::StorageError> {
                $(let $name = self.$name.as_ref().map(|(recs, edit)| (recs.len(), edit, move |r: std::ops::Range<usize>| records_as_columns(&recs[r])));)*
                let settings = self.settings.as_ref().map(|s| serde_json::to_value(s).expect("settings serialise"));
                if $($name.is_none() &&)* settings.is_none() {
                    return Ok(vec![]);
                }
                if let Some(mut trail) = trail {
                    let sealed = crate::domain::audit::Tail::of(&trail).seal(log);
                    trail.push(sealed);
                    let rows = |r: std::ops::Range<usize>| records_as_columns(&trail[r]);
                    let all = Edit::all();
                    let mut writes = vec![(super::audit::LIST, Write::List { len: trail.len(), rows: &rows, edit: &all })];
                    $(if let Some((len, edit, rows)) = &$name {
                        writes.push((stringify!($name), Write::List { len: *len, rows, edit }));
                    })*
                    if let Some(s) = &settings {
                        writes.push(("settings", Write::Whole(s.clone())));
                    }
                    let done = with_db(|db| db.write(writes));
                    super::audit::forget();
                    return done;
                }
                super::audit::write_with(vec![log], |audit| {
                    let mut writes = vec![];
                    $(if let Some((len, edit, rows)) = &$name {
                        writes.push((stringify!($name), Write::List { len: *len, rows, edit }));
                    })*
                    if let Some(s) = &settings {
                        writes.push(("settings", Write::Whole(s.clone())));
                    }
                    writes.extend(audit.map(|w| (super::audit::LIST, w)));
                    with_db(|db| db.write(writes))
                })
            }

            /// The records (as attachments name their owners) the store holds once this
            /// import is stored: a list it leaves alone (a merge changing nothing there)
            /// is as this browser has it.
            fn owners(&self, app: &AppState) -> std::collections::HashSet<String> {
                let mut out = std::collections::HashSet::new();
                use crate::domain::attachments::owner;
                $(match &self.$name {
                    Some((recs, _)) => out.extend(recs.iter().map(|r| owner(stringify!($name), &r.meta().id))),
                    None => app.lists.$name().with_untracked(|recs| out.extend(recs.iter().map(|r| owner(stringify!($name), &r.meta().id)))),
                })*
                out
            }

            /// Shows what was stored without reading it back from storage.
            fn show(self, app: &AppState) {
                $(if let Some((recs, _)) = self.$name {
                    app.lists.$name().set(recs);
                })*
                if let Some(s) = self.settings {
                    app.settings.set(s);
                }
                app.refresh_unreadable();
                app.wrote();
            }
        }
    };
}
crate::with_record_lists!(lists);

fn merged<E: Entity + Send + Sync>(local: RwSignal<Vec<E>>, incoming: Vec<E>, report: &mut MergeReport) -> Option<(Vec<E>, Edit)> {
    let m = local.with_untracked(|l| backup::merge(l, incoming, report));
    m.changed().then(|| (m.records, Edit { replaced: m.replaced, appended: m.appended, ..Edit::default() }))
}

/// A file's audit trail can become this browser's: it verifies, and this browser's own
/// trail is empty (readable, no entries).
fn trail_restorable(trail: &[AuditEntry]) -> bool {
    matches!(crate::domain::audit::verify(trail), crate::domain::audit::Verified::Intact { .. })
        && super::audit::with_log(|l| l.is_empty()) == Some(true)
}

/// A backup file's text: the backup, sealed by `key` when there is one.
pub(super) fn file_text(app: &AppState, t: chrono::DateTime<chrono::Utc>, key: Option<&FileKey>) -> String {
    let text = backup_text(app, t);
    match key {
        Some((lock, data_key)) => sealed_backup::seal(&text, lock, data_key, super::passphrase::random),
        None => text,
    }
}

/// Downloads a full backup and remembers when, for the 14-day reminder; an encrypted
/// store's backup is encrypted with its key, so it opens with the store's passphrase.
pub fn export_backup(app: &AppState) {
    export_backup_with(app, super::lock::store_key());
}

fn export_backup_with(app: &AppState, key: Option<FileKey>) {
    let t = now();
    super::perf::timed("bo:export", || download(&backup::file_name(t), JSON_MIME, &file_text(app, t, key.as_ref())));
    backed_up(app, t);
    let kept: Vec<String> = app.unreadable.with_untracked(|u| u.iter().map(|u| part_label(app, &u.name)).collect());
    if key.is_some() {
        app.info(app.t("data.exported_sealed").into());
    } else if kept.is_empty() {
        app.info(app.t("data.exported").into());
    } else {
        // Said plainly: the file holds these parts as stored text, not as records.
        app.info(app.tf("data.exported_with_unreadable", &[("names", kept.join(", "))]));
    }
}

/// The backup and every attachment, as one archive (written by the attachments part); with
/// a key, the backup in it is encrypted (the attachments are not).
fn export_with_attachments(app: AppState, key: Option<FileKey>) {
    let t = now();
    let text = file_text(&app, t, key.as_ref());
    spawn_local(async move {
        match super::attachments_part::export_zip(app, backup::file_name(t), text, key).await {
            // Files the browser could not give back: said, and the backup not counted.
            Ok(done) if !done.missing.is_empty() => {
                app.error(app.tf("data.exported_zip_missing", &[("n", done.missing.len().to_string()), ("names", done.missing.join(", "))]))
            }
            Ok(done) => {
                backed_up(&app, t);
                app.info(app.tf("data.exported_zip", &[("n", done.files.to_string())]));
            }
            Err(why) => app.error(why),
        }
    });
}

/// A backup was written at `t`: the 14-day reminder counts from it.
fn backed_up(app: &AppState, t: chrono::DateTime<chrono::Utc>) {
    // Someone keeping backups wants the browser to keep the data too.
    if app.persisted.get_untracked() == Some(false) {
        super::persist::check(*app, true);
    }
    if with_db(|db| db.set_last_backup(t)).is_ok() {
        app.last_backup.set(Some(t));
    }
}

/// Records the file held more than once, per list: the newest copy of each is imported.
fn doubled_note(app: &AppState, doubled: &[(&'static str, usize)]) -> Option<impl IntoView> {
    let lists: Vec<String> = doubled
        .iter()
        .map(|(name, n)| format!("{} ({})", app.t(&format!("collection.{name}")), group_digits(*n as u64, app.lang.get_untracked())))
        .collect();
    (!lists.is_empty()).then(|| view! { <p class="bo-hint">{app.tf("backup.doubled", &[("lists", lists.join(", "))])}</p> })
}

/// The parts a backup carried as stored text that this version reads (`read`), or those it
/// still cannot: named, so nothing is left out without a word.
fn parts_note(app: &AppState, parts: &[(String, bool)], read: bool) -> Option<impl IntoView> {
    let names: Vec<String> = parts.iter().filter(|(_, r)| *r == read).map(|(n, _)| part_label(app, n)).collect();
    (!names.is_empty()).then(|| {
        let key = if read { "backup.parts_read" } else { "backup.parts_unread" };
        view! { <p class="bo-hint">{app.tf(key, &[("names", names.join(", "))])}</p> }
    })
}

/// "Calls (part 1)" for a chunk's name `calls.0`, "Settings" for a collection's.
pub fn part_label(app: &AppState, name: &str) -> String {
    match name.rsplit_once('.').and_then(|(c, n)| Some((c, n.parse::<u32>().ok()?))) {
        Some((coll, n)) => {
            app.tf("collection.chunk", &[("name", app.t(&format!("collection.{coll}")).to_string()), ("n", (n + 1).to_string())])
        }
        None => app.t(&format!("collection.{name}")).to_string(),
    }
}

pub fn backup_overdue(app: &AppState) -> bool {
    let due = now() - chrono::Duration::days(14);
    match app.last_backup.get() {
        Some(t) => t < due,
        // Never backed up: remind once the oldest record is two weeks old.
        None => app.lists.first_created().is_some_and(|t| t < due),
    }
}

/// The storage meter; `id` names its bar, unique on the page (the header, the Data screen
/// and the storage-full dialog each show one).
#[component]
pub fn StorageMeter(id: &'static str) -> impl IntoView {
    let app = use_app();
    view! {
        <div class="bo-meter" class:bo-meter-high=move || app.storage_high()>
            <label for=id>{app.text("data.usage")}</label>
            <progress id=id max="100" value=move || app.usage_percent()></progress>
            <span>{move || app.tf("data.usage_text", &[
                ("used", group_digits(app.used_chars.get() as u64, app.lang.get())),
                ("total", group_digits(QUOTA_CHARS as u64, app.lang.get())),
                ("pct", app.usage_percent_text()),
            ])}</span>
        </div>
    }
}

fn open_error_text(app: &AppState, e: &OpenError) -> String {
    match e {
        OpenError::Damaged => app.t("backup.sealed_damaged").into(),
        OpenError::Newer(v) => app.tf("backup.sealed_newer", &[("v", v.to_string())]),
        OpenError::WrongPassphrase => app.t("backup.sealed_wrong").into(),
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
    let pending = RwSignal::new(None::<(String, Imported)>);
    let problem = RwSignal::new(None::<String>);
    let mode = RwSignal::new("merge".to_string());
    let merged = RwSignal::new(None::<(usize, usize, Vec<(String, bool)>)>);
    let reset_text = RwSignal::new(String::new());
    // An import or a reset changed the audit trail the section below shows.
    let audit_changed = RwSignal::new(0u32);

    // An archive's attachments, read when the import is applied; what the preview says of them.
    let archive = StoredValue::new_local(None::<super::backup_zip::Opened>);
    let archive_note = RwSignal::new(None::<(usize, u64, usize)>);

    // A backup read (or opened from its encryption): previewed, or refused with the reason.
    let show_backup = move |name: String, bytes: &[u8]| match super::perf::timed("bo:import-parse", || backup::parse(bytes)) {
        Ok(b) => {
            problem.set(None);
            pending.set(Some((name, b)));
        }
        Err(e) => {
            pending.set(None);
            archive.set_value(None);
            archive_note.set(None);
            problem.set(Some(backup_error_text(&app, &e)));
        }
    };

    // An encrypted backup waiting for its passphrase, and that passphrase's form.
    // With the number of the pick it came from: a passphrase is only ever tried on its file.
    let sealed_file = StoredValue::new(None::<(u32, String, sealed_backup::Sealed)>);
    let asking = RwSignal::new(None::<String>);
    let open_pass = RwSignal::new(String::new());
    let open_error = RwSignal::new(None::<&'static str>);
    let opening = RwSignal::new(false);
    let refuse_sealed = move |e: &OpenError| {
        sealed_file.set_value(None);
        asking.set(None);
        pending.set(None);
        archive.set_value(None);
        archive_note.set(None);
        problem.set(Some(open_error_text(&app, e)));
    };
    // An encrypted backup opened with `key`: an archive's list and files open with it too;
    // `false` (said) when the list does not.
    let unseal_archive = move |key: &[u8; 32]| {
        let unsealed = archive
            .try_update_value(|a| a.as_mut().map(|a| a.unseal(key).map(|()| (a.found.files.len(), a.found.bytes(), a.found.left_out))));
        match unsealed.flatten() {
            Some(Err(_)) => {
                refuse_sealed(&OpenError::Damaged);
                false
            }
            Some(Ok(note)) => {
                archive_note.set(Some(note));
                true
            }
            None => true,
        }
    };
    let take_file = move |name: String, bytes: Vec<u8>, pick: u32| {
        sealed_file.set_value(None);
        asking.set(None);
        open_error.set(None);
        if !sealed_backup::is_sealed(&bytes) {
            return show_backup(name, &bytes);
        }
        let file = match sealed_backup::read(&bytes) {
            Ok(file) => file,
            Err(e) => return refuse_sealed(&e),
        };
        drop(bytes);
        // A backup of this very store opens with the key it is open with.
        if let Some((_, key)) = super::lock::store_key().filter(|(lock, _)| *lock == file.lock) {
            return match file.open_with_key(&key) {
                Ok(text) if unseal_archive(&key) => show_backup(name, &text),
                Ok(_) => {}
                Err(e) => refuse_sealed(&e),
            };
        }
        pending.set(None);
        problem.set(None);
        sealed_file.set_value(Some((pick, name.clone(), file)));
        asking.set(Some(name));
        request_animation_frame(|| super::widgets::focus_id("backup-pass-current"));
    };

    // The file chosen last: one chosen before it and read more slowly is not taken.
    let picked = StoredValue::new(0u32);
    let on_file = move |ev: web_sys::Event| {
        let Some(file) = chosen(&ev) else { return };
        picked.update_value(|n| *n += 1);
        let this = picked.get_value();
        // The file before's passphrase form goes at once, not once this one is read.
        sealed_file.set_value(None);
        asking.set(None);
        let current = move || picked.try_get_value() == Some(this);
        spawn_local(async move {
            merged.set(None);
            archive.set_value(None);
            archive_note.set(None);
            let name = file.name();
            let bytes = if name.to_lowercase().ends_with(".zip") {
                let opened = super::attachments_part::open_zip(app, file).await;
                if !current() {
                    return;
                }
                match opened {
                    Ok(mut opened) => {
                        archive_note.set(Some((opened.found.files.len(), opened.found.bytes(), opened.found.left_out)));
                        let json = std::mem::take(&mut opened.json);
                        archive.set_value(Some(opened));
                        json
                    }
                    Err(why) => {
                        pending.set(None);
                        problem.set(Some(why));
                        return;
                    }
                }
            } else {
                let read = read_all(&file).await;
                let (true, Some(bytes)) = (current(), read) else { return };
                bytes
            };
            take_file(name, bytes, this);
        });
    };

    let open_sealed = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((this, salt, rounds)) =
            sealed_file.with_value(|f| f.as_ref().and_then(|(n, _, f)| Some((*n, f.lock.salt_bytes().ok()?, f.lock.iterations))))
        else {
            return;
        };
        // Another file is being read: this form is not its form.
        if opening.get_untracked() || picked.get_value() != this {
            return;
        }
        opening.set(true);
        open_error.set(None);
        spawn_local(async move {
            let derived = passphrase::derive(&open_pass.get_untracked(), &salt, rounds).await;
            // Another file chosen meanwhile: this key is not its key.
            if picked.try_get_value() != Some(this) {
                return opening.set(false);
            }
            match derived {
                Ok(derived) => match sealed_file.with_value(|f| {
                    f.as_ref()
                        .filter(|(n, ..)| *n == this)
                        .map(|(_, name, f)| (name.clone(), f.key(&derived).and_then(|key| Ok((key, f.open_with_key(&key)?)))))
                }) {
                    Some((name, Ok((key, text)))) => {
                        sealed_file.set_value(None);
                        asking.set(None);
                        open_pass.set(String::new());
                        if unseal_archive(&key) {
                            show_backup(name, &text);
                        }
                    }
                    Some((_, Err(OpenError::WrongPassphrase))) => {
                        open_pass.set(String::new());
                        open_error.set(Some("backup.sealed_wrong"));
                    }
                    Some((_, Err(e))) => refuse_sealed(&e),
                    None => {}
                },
                Err(DeriveError::NoWebCrypto) => open_error.set(Some("crypt.err.no_webcrypto")),
                Err(DeriveError::Failed(why)) => problem.set(Some(app.tf("crypt.err.failed", &[("why", why)]))),
            }
            opening.set(false);
        });
    };
    let cancel_sealed = move |_| {
        sealed_file.set_value(None);
        asking.set(None);
        open_pass.set(String::new());
        archive.set_value(None);
        archive_note.set(None);
    };

    // How the next backup file is protected: by default as the store is.
    let store_encrypted = super::lock::store_key().is_some();
    let encrypt = RwSignal::new(store_encrypted);
    let file_pass = RwSignal::new(String::new());
    let file_repeat = RwSignal::new(String::new());
    let pass_errors = RwSignal::new(Vec::<(Field, &'static str)>::new());
    let sealing = RwSignal::new(false);
    let pass_error = move |f: Field| move || pass_errors.with(|e| e.iter().find(|(g, _)| *g == f).map(|(_, m)| *m));
    let export = move |zip: bool| {
        let key = super::lock::store_key();
        if !encrypt.get_untracked() || key.is_some() {
            let key = key.filter(|_| encrypt.get_untracked());
            return if zip { export_with_attachments(app, key) } else { export_backup_with(&app, key) };
        }
        // A passphrase for this file alone: checked, then its key derived (slow on purpose).
        let wrong = new_passphrase_problem(&file_pass.get_untracked(), &file_repeat.get_untracked());
        pass_errors.set(wrong.into_iter().collect());
        if wrong.is_some() || sealing.get_untracked() {
            return;
        }
        sealing.set(true);
        spawn_local(async move {
            match passphrase::derive_new(&file_pass.get_untracked()).await {
                Ok((derived, salt)) => {
                    let data_key = new_key(passphrase::random);
                    let key = Some((Lock::new(&derived, &salt, &data_key, passphrase::random), data_key));
                    if zip {
                        export_with_attachments(app, key);
                    } else {
                        export_backup_with(&app, key);
                    }
                }
                Err(DeriveError::NoWebCrypto) => app.error(app.t("crypt.err.no_webcrypto").into()),
                Err(DeriveError::Failed(why)) => app.error(app.tf("crypt.err.failed", &[("why", why)])),
            }
            sealing.set(false);
        });
    };

    let apply = move |_| {
        super::perf::timed("bo:import-apply", || {
            let replace = mode.get_untracked() == "replace";
            // Taken, not copied: at 100,000 records a copy costs more than the write.
            let Some((file, mut b)) = pending.try_update_untracked(Option::take).flatten() else { return };
            // The file's audit trail comes with a replace into a browser whose own is empty
            // (a new computer, a reset), if it verifies; a trail of this browser is kept.
            let trail = b.audit.take().filter(|t| replace && trail_restorable(t));
            let mut report = MergeReport::default();
            let next = Next::from(&app, b, replace, &mut report);
            let how = if replace { "replace".to_string() } else { format!("merge;{};{}", report.added, report.updated) };
            match next.store(super::audit::imported(&app, "", file, how), trail) {
                Ok(_) => {
                    // A replace leaves no record the file does not hold: their attachments
                    // go to the trash, where they can still be restored or deleted. An
                    // archive's files come back only for records the store now holds.
                    let opened = archive.try_update_value(Option::take).flatten();
                    archive_note.set(None);
                    if opened.is_some() || replace {
                        super::attachments_part::imported(app, opened, replace, next.owners(&app));
                    }
                    next.show(&app);
                    pending.notify();
                    audit_changed.update(|v| *v += 1);
                    if replace {
                        app.info(app.t("backup.replaced").into());
                    } else {
                        app.info(app.tf("backup.merged", &[("added", report.added.to_string()), ("updated", report.updated.to_string())]));
                        merged.set(Some((report.added, report.updated, report.conflicts)));
                    }
                }
                Err(e) => {
                    // Nothing was written; the file can be chosen again once there is room.
                    pending.notify();
                    app.report_storage_error(&e);
                    if matches!(e, crate::storage::StorageError::Conflict(_)) {
                        app.load_all();
                    }
                }
            }
        })
    };

    let reset_word = app.text("data.reset_word");
    let do_reset = move |_| {
        if reset_text.get_untracked().trim() != reset_word() {
            return;
        }
        match with_db(|db| db.reset_all()) {
            Ok(()) => {
                super::audit::forget();
                super::autosave_folder::remove_all(app);
                audit_changed.update(|v| *v += 1);
                app.read_only.set(None);
                app.load_all();
                reset_text.set(String::new());
                app.info(app.t("data.reset_done").into());
            }
            Err(e) => app.report_storage_error(&e),
        }
    };

    view! {
        <PageHead title=app.title("nav.data")></PageHead>
        <p class="bo-hint">{app.text("data.where")}</p>
        <section class="bo-card">
            <h2>{app.text("data.storage")}</h2>
            <StorageMeter id="bo-usage-data" />
            <Show when=move || app.storage_high()>
                <p class="bo-banner bo-banner-warn" role="status">{move || app.tf("data.storage_high", &[("pct", app.usage_percent_text())])}</p>
            </Show>
            <p class="bo-persist">
                {move || app.t(match app.persisted.get() {
                    Some(true) => "data.persist_yes",
                    Some(false) => "data.persist_no",
                    None => "data.persist_unknown",
                })}
                <Show when=move || app.persisted.get() == Some(false)>
                    " "<button type="button" class="bo-btn bo-btn-small" on:click=move |_| super::persist::check(app, true)>{app.text("data.persist_ask")}</button>
                </Show>
            </p>
            {super::attachments_part::attachments_overview(app, false)}
            <p>{app.text("data.record_counts")}</p>
            <ul class="bo-counts">
                {move || live_counts(&app).into_iter().map(|(name, n)| view! {
                    <li>{format!("{}: {}", app.t(&format!("collection.{name}")), group_digits(n as u64, app.lang.get()))}</li>
                }).collect_view()}
            </ul>
        </section>
        <section class="bo-card">
            <h2>{app.text("data.backup")}</h2>
            <p>{move || match app.last_backup.get() {
                Some(t) => app.tf("data.last_backup", &[("when", format_datetime(local(t), app.lang.get()))]),
                None => app.t("data.never_backed_up").into(),
            }}</p>
            <div class="bo-field">
                <label for="backup-encrypt">{app.text("data.encrypt")}</label>
                <input id="backup-encrypt" type="checkbox" class="bo-check" prop:checked=move || encrypt.get()
                    on:change=move |ev| encrypt.set(event_target_checked(&ev)) />
            </div>
            <Show when=move || encrypt.get() && store_encrypted>
                <p class="bo-hint" id="backup-encrypt-store">{app.text("data.encrypt_store")}</p>
            </Show>
            <Show when=move || encrypt.get() && !store_encrypted>
                <p class="bo-hint">{app.text("data.encrypt_hint")}</p>
                {password("backup-pass-new", app.t("data.pass").into(), file_pass, pass_error(Field::New), app)}
                {password("backup-pass-repeat", app.t("data.pass_repeat").into(), file_repeat, pass_error(Field::Repeat), app)}
            </Show>
            <Show when=move || !encrypt.get() && store_encrypted>
                <p class="bo-banner bo-banner-warn" role="status">{app.text("data.plain_warning")}</p>
            </Show>
            <div class="bo-actions">
                <button type="button" class="bo-btn bo-btn-primary" id="export-json" disabled=move || sealing.get()
                    on:click=move |_| export(false)>{app.text("data.export")}</button>
                <button type="button" class="bo-btn" id="export-zip" disabled=move || super::attachments_part::busy().get() || sealing.get()
                    on:click=move |_| export(true)>{app.text("data.export_zip")}</button>
            </div>
            <Show when=move || sealing.get()>
                <p class="bo-hint" role="status">{app.text("data.sealing")}</p>
            </Show>
            <Show when=move || super::attachments_part::busy().get()>
                <p class="bo-hint" role="status">{app.text("data.exporting_zip")}</p>
            </Show>
            <p class="bo-hint">{app.text("data.export_zip_hint")}</p>
        </section>
        <super::autosave_folder::AutosaveSection />
        <section class="bo-card">
            <h2>{app.text("data.import")}</h2>
            <div class="bo-field">
                <label for="backup-file">{app.text("data.choose_backup")}</label>
                <input id="backup-file" type="file" accept=".json,.zip,application/json,application/zip" on:change=on_file />
            </div>
            {move || problem.get().map(|p| view! { <p class="bo-banner bo-banner-error" role="alert">{p}</p> })}
            {move || asking.get().map(|name| view! {
                <form class="bo-form bo-preview" on:submit=open_sealed novalidate>
                    <h3>{app.tf("backup.preview_title", &[("name", name)])}</h3>
                    <p>{app.text("backup.sealed")}</p>
                    {password("backup-pass-current", app.t("backup.pass").into(), open_pass, move || open_error.get(), app)}
                    <div class="bo-actions">
                        <button type="submit" class="bo-btn bo-btn-primary" disabled=move || opening.get()>
                            {move || app.t(if opening.get() { "backup.opening" } else { "backup.open" })}
                        </button>
                        <button type="button" class="bo-btn" on:click=cancel_sealed>{app.text("action.cancel")}</button>
                    </div>
                </form>
            })}
            {move || pending.with(|p| p.as_ref().map(|(name, b)| (name.clone(), b.schema_version, b.exported_at, b.counts(), b.unknown.clone(), b.parts.clone(), b.doubled.clone(), b.audit.clone()))).map(|(name, version, exported_at, counts, unknown, parts, doubled, trail)| view! {
                <div class="bo-preview">
                    <h3>{app.tf("backup.preview_title", &[("name", name)])}</h3>
                    <p>{app.tf("backup.preview_meta", &[("v", version.to_string()), ("when", format_datetime(local(exported_at), app.lang.get()))])}</p>
                    // The lists the file holds records of; the empty ones named on one line (a
                    // replace empties them here too).
                    <ul class="bo-list">
                        {counts.iter().filter(|(_, n)| *n > 0).map(|(k, n)| view! { <li>{format!("{}: {}", app.t(&format!("collection.{k}")), group_digits(*n as u64, app.lang.get_untracked()))}</li> }).collect_view()}
                    </ul>
                    {empty_lists_note(&app, &counts)}
                    {(!unknown.is_empty()).then(|| view! { <p class="bo-hint">{app.tf("backup.unknown", &[("names", unknown.join(", "))])}</p> })}
                    {parts_note(&app, &parts, true)}
                    {parts_note(&app, &parts, false)}
                    {doubled_note(&app, &doubled)}
                    {trail.map(|t| view! { <p class="bo-hint" id="backup-audit">{trail_note(&app, &t)}</p> })}
                    {move || archive_note.get().map(|(n, bytes, left_out)| view! {
                        <p class="bo-hint" id="backup-attachments">
                            {app.tf("backup.attachments", &[("n", n.to_string()), ("size", crate::domain::attachments::size_text(bytes, app.lang.get()))])}
                            {(left_out > 0).then(|| format!(" {}", app.tf("backup.attachments_left_out", &[("n", left_out.to_string())])))}
                        </p>
                    })}
                    <fieldset>
                        <legend>{app.text("backup.how")}</legend>
                        <label class="bo-radio"><input type="radio" name="mode" value="merge" prop:checked=move || mode.get() == "merge" on:change=move |_| mode.set("merge".into()) />{app.text("backup.merge")}</label>
                        <label class="bo-radio"><input type="radio" name="mode" value="replace" prop:checked=move || mode.get() == "replace" on:change=move |_| mode.set("replace".into()) />{app.text("backup.replace")}</label>
                    </fieldset>
                    <div class="bo-actions">
                        <button type="button" class="bo-btn bo-btn-primary" disabled=move || super::attachments_part::busy().get() on:click=apply>{app.text("backup.apply")}</button>
                        <button type="button" class="bo-btn" on:click=move |_| pending.set(None)>{app.text("action.cancel")}</button>
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
        <super::audit_view::AuditSection changed=audit_changed />
        <section class="bo-card bo-danger-zone">
            <h2>{app.text("data.reset")}</h2>
            <p>{move || app.tf("data.reset_explain", &[("word", reset_word().into())])}</p>
            <div class="bo-field">
                <label for="reset-confirm">{move || app.tf("data.reset_type", &[("word", reset_word().into())])}</label>
                <input id="reset-confirm" type="text" autocomplete="off" prop:value=move || reset_text.get() on:input=move |ev| reset_text.set(event_target_value(&ev)) />
            </div>
            <button type="button" class="bo-btn bo-btn-danger" disabled=move || reset_text.get().trim() != reset_word() on:click=do_reset>{app.text("data.reset_button")}</button>
        </section>
    }
    .into_any()
}

/// What happens to the audit trail a backup carries.
fn trail_note(app: &AppState, trail: &[AuditEntry]) -> String {
    let n = ("n", trail.len().to_string());
    if !matches!(crate::domain::audit::verify(trail), crate::domain::audit::Verified::Intact { .. }) {
        app.tf("backup.audit_broken", &[n])
    } else if trail_restorable(trail) {
        app.tf("backup.audit_restored", &[n])
    } else {
        app.tf("backup.audit_kept", &[n])
    }
}

/// The lists a backup holds nothing of, named on one line.
fn empty_lists_note(app: &AppState, counts: &[(&'static str, usize)]) -> Option<impl IntoView> {
    let names: Vec<&str> = counts.iter().filter(|(_, n)| *n == 0).map(|(k, _)| app.t(&format!("collection.{k}"))).collect();
    (!names.is_empty()).then(|| view! { <p class="bo-hint">{app.tf("backup.empty_lists", &[("names", names.join(", "))])}</p> })
}
