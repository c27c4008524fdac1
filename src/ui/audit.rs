//! The audit trail in the app: the log, read once when first needed and kept in memory;
//! the entries a save adds, written in the same all-or-nothing write as the records, so a
//! record is never saved without its entry nor an entry kept for a save that failed.
use std::cell::RefCell;

use leptos::prelude::*;

use crate::domain::audit::{change, classify, AuditAction, AuditEntry, Change, Tail};
use crate::domain::record::Entity;
use crate::storage::{Edit, StorageError, Write};
use crate::table::Columns;

use super::collection::shown_as;
use super::state::{now, with_db, AppState};

/// The log's stored name, beside the lists (not one of them: it has no pages of its own,
/// is never edited, and a backup carries it apart from the collections).
pub const LIST: &str = "audit";

/// What a save needs of the log: its length and the entries of its last chunk (the next
/// entries fill that chunk, then start new ones), never the whole log, which a busy office
/// grows by thousands of entries a year.
struct End {
    len: usize,
    /// The log's position of `stored[0]`.
    start: usize,
    /// The last chunk's entries as stored, kept as JSON: a save only writes them again (not
    /// reading them into entries keeps that reader out of every area that saves).
    stored: Vec<serde_json::Value>,
    /// The entries this tab added after them.
    added: Vec<AuditEntry>,
    /// The number and link of the last entry.
    tail: Tail,
}

thread_local! {
    static END: RefCell<Option<End>> = const { RefCell::new(None) };
    /// The whole log, read for the Data screen and backups; dropped when a save adds to it.
    static FULL: RefCell<Option<Vec<AuditEntry>>> = const { RefCell::new(None) };
}

/// Reads the log's end if it is not in memory. False when it cannot be read: saves then go
/// on without entries, and the Data screen says the log is unreadable (a log that cannot
/// be read is never written over).
fn end_loaded() -> bool {
    if END.with(|e| e.borrow().is_some()) {
        return true;
    }
    let read = with_db(|db| db.load_last(LIST)).ok().and_then(|last| {
        let (start, stored) = last.unwrap_or_default();
        // Every entry numbered and linked, or the log is not added to.
        let tails = stored.iter().map(|e| Some(Tail { seq: e["seq"].as_u64()?, hash: e["hash"].as_str()?.to_string() }));
        let tail = tails.collect::<Option<Vec<Tail>>>()?.pop().unwrap_or_default();
        Some(End { len: start + stored.len(), start, stored, added: vec![], tail })
    });
    let ok = read.is_some();
    END.with(|e| *e.borrow_mut() = read);
    ok
}

/// Forgets the log in memory: another tab wrote it, or the store was reset or replaced.
pub fn forget() {
    END.with(|e| *e.borrow_mut() = None);
    FULL.with(|f| *f.borrow_mut() = None);
}

/// The whole log as stored, or `None` when it cannot be read.
pub fn with_log<R>(f: impl FnOnce(&[AuditEntry]) -> R) -> Option<R> {
    if FULL.with(|l| l.borrow().is_none()) {
        let read = with_db(|db| {
            let log = db.load::<Vec<AuditEntry>>(LIST)?;
            let broken = db.unreadable().keys().any(|k| k == LIST || k.starts_with(&format!("{LIST}.")));
            Ok((!broken).then(|| log.unwrap_or_default()))
        });
        FULL.with(|l| *l.borrow_mut() = read.ok().flatten());
        // Reading took the stored revision as known: an end read before it may be older.
        END.with(|e| *e.borrow_mut() = None);
    }
    FULL.with(|l| l.borrow().as_deref().map(f))
}

fn entry(app: &AppState, action: AuditAction, list: &str) -> AuditEntry {
    AuditEntry { at: now(), who: app.settings.with_untracked(|s| s.user_name.clone()), action, list: list.into(), ..Default::default() }
}

/// What saving `after` over `before` (`None`: a new record) adds to the log: nothing when
/// the save changed nothing a reader would see.
/// A field a form shows is logged by its name and as the screen shows it (a choice's label,
/// a reference's name, a date in the UI's language); any other, or any whose area's strings
/// are not read yet, as stored.
pub fn saved<E: Entity>(app: &AppState, before: Option<&E>, after: &E) -> Option<AuditEntry> {
    // Through the stored columns' writer, which every record type already has: serde_json's
    // own `to_value` would add a second serializer per record type to every area's code.
    let value = |r: &E| crate::table::records_as_columns(std::slice::from_ref(r)).into_rows().pop().unwrap_or_default();
    let (action, mut changes) = classify(before.map(value).as_ref(), &value(after))?;
    for c in &mut changes {
        // Only while the strings of the record's area are read: a record saved from another
        // area (an interview booked into the calendar from People) is logged as stored.
        if let Some(f) = E::fields().iter().find(|f| f.key == c.field && crate::i18n::has(f.label)) {
            let shown = |r: &E| shown_as(app, r, f.key, Some(f.kind));
            let (b, a) = (before.map(shown).unwrap_or_default(), shown(after));
            // Stored values that differ but show the same (a number typed "1.0" for "1")
            // changed nothing a reader would see.
            if b == a {
                c.field.clear();
                continue;
            }
            *c = Change { label: app.t(f.label).to_string(), ..change(f.key, &b, &a) };
        }
    }
    changes.retain(|c| !c.field.is_empty());
    if action == AuditAction::Change && changes.is_empty() {
        return None;
    }
    Some(AuditEntry { record: after.meta().id.clone(), title: after.title(), changes, ..entry(app, action, E::COLLECTION) })
}

/// A record deleted for good.
pub fn purged<E: Entity>(app: &AppState, rec: &E) -> AuditEntry {
    AuditEntry { record: rec.meta().id.clone(), title: rec.title(), ..entry(app, AuditAction::Purge, E::COLLECTION) }
}

/// The settings saved over `before`: each field changed, by its label on the Settings
/// screen where it has one; `None` when nothing changed.
pub fn settings_changed(app: &AppState, before: &serde_json::Value, after: &serde_json::Value) -> Option<AuditEntry> {
    let mut changes = crate::domain::audit::diff(before, after);
    if changes.is_empty() {
        return None;
    }
    for c in &mut changes {
        let key = format!("settings.{}", c.field);
        if crate::i18n::has(&key) {
            c.label = app.t(&key).to_string();
        }
    }
    Some(AuditEntry { title: app.t("nav.settings").to_string(), changes, ..entry(app, AuditAction::Change, "settings") })
}

/// A stored part this version could not read, removed for good from the Data screen's
/// notice: `part` as the notice names it, `chars` the stored text that went.
pub fn discarded(app: &AppState, list: &str, part: String, chars: usize) -> AuditEntry {
    AuditEntry { title: part, note: format!("unreadable;{chars}"), ..entry(app, AuditAction::Purge, list) }
}

/// Logs `entries` on their own (not with a write of records), when the log can be read.
pub fn log(entries: Vec<AuditEntry>) -> Result<(), StorageError> {
    write_with(entries, |w| match w {
        Some(w) => with_db(|db| db.write(vec![(LIST, w)])).map(drop),
        None => Ok(()),
    })
}

/// Records imported into `list` (a CSV, a vCard, a calendar file), or a backup (`list`
/// empty); `note` says how many or how.
pub fn imported(app: &AppState, list: &str, title: String, note: String) -> AuditEntry {
    AuditEntry { title, note, ..entry(app, AuditAction::Import, list) }
}

/// Runs `write` with the log's part of it: the new entries numbered and chained after the
/// log, as a change to the stored log. `write` gets `None` when there is nothing to log or
/// the log cannot be read. Another tab having written the log meanwhile is no conflict for
/// the records: the log's end is read again and the write tried once more.
pub fn write_with<R>(
    new: Vec<AuditEntry>,
    write: impl for<'w> Fn(Option<Write<'w>>) -> Result<R, StorageError>,
) -> Result<R, StorageError> {
    if new.is_empty() || !end_loaded() {
        return write(None);
    }
    let attempt = |new: Vec<AuditEntry>| {
        END.with(|e| {
            let mut guard = e.borrow_mut();
            let Some(end) = guard.as_mut() else { return write(None) };
            let mut tail = end.tail.clone();
            let sealed: Vec<AuditEntry> = new.into_iter().map(|e| tail.seal(e)).collect();
            let (len, start, stored_end) = (end.len, end.start, end.start + end.stored.len());
            let result = {
                // The store asks only for the chunks an append touches: the last one, which
                // starts at `start`, and new ones.
                let rows = |r: std::ops::Range<usize>| {
                    // Never asked for (the store rewrites a log whole only when a chunk did
                    // not read, and then `load_last` refuses): written empty, those entries
                    // would be lost.
                    assert!(r.start >= start, "the log's earlier entries are not in memory");
                    let (from, to) = (r.start.clamp(start, stored_end), r.end.clamp(start, stored_end));
                    let mut c = Columns::from_values(&end.stored[from - start..to - start]);
                    for j in r.start.max(stored_end)..r.end {
                        let e = if j < len { &end.added[j - stored_end] } else { &sealed[j - len] };
                        c.push(e).expect("entries serialise");
                    }
                    c
                };
                let edit = Edit::appended(sealed.len());
                write(Some(Write::List { len: len + sealed.len(), rows: &rows, edit: &edit }))
            };
            if result.is_ok() {
                end.len += sealed.len();
                end.added.extend(sealed);
                end.tail = tail;
                FULL.with(|f| *f.borrow_mut() = None);
            }
            result
        })
    };
    match attempt(new.clone()) {
        Err(StorageError::Conflict(name)) if name == LIST => {
            forget();
            if end_loaded() {
                attempt(new)
            } else {
                write(None)
            }
        }
        other => other,
    }
}

/// Replaces the whole stored log (an archive), all or nothing.
pub fn replace(log: Vec<AuditEntry>) -> Result<(), StorageError> {
    if let Err(e) = with_db(|db| db.save_edit(LIST, &log, &Edit::all())) {
        // Another tab wrote the log: what this screen shows is read again.
        forget();
        return Err(e);
    }
    END.with(|e| *e.borrow_mut() = None);
    FULL.with(|f| *f.borrow_mut() = Some(log));
    Ok(())
}
