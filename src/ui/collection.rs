//! Generic record operations shared by every module: save, trash, restore, purge.
//! Memory changes only after the store accepted the write, so a refused write (quota,
//! another tab, read-only) leaves both the screen and the stored data as they were.
use leptos::prelude::*;

use crate::domain::audit::AuditEntry;
use crate::domain::calendar::Event;
use crate::domain::format::format_date;
use crate::domain::frontdesk::{Call, Visitor};
use crate::domain::record::{parse_date, parse_datetime};
use crate::domain::record::{Entity, FieldKind};
use crate::storage::{Edit, StorageError, Write};
use crate::table::Columns;

use super::state::{now, with_db, AppState, InState};

/// What the UI needs beyond the domain entity: where its records live in the app state.
pub trait UiEntity: Entity + InState + Send + Sync {
    /// i18n key of the module's plural name ("Contacts").
    const PLURAL: &'static str;
    /// i18n key of "New contact" and similar.
    const NEW: &'static str;
    /// i18n key of the empty-list hint.
    const EMPTY: &'static str;
    /// Columns worked out rather than stored (an item's quantity on hand), after the schema's.
    fn derived() -> &'static [Derived<Self>] {
        &[]
    }
    /// Checks against other records (a code already in use), after the record's own.
    fn check(&self, _app: &AppState) -> Vec<crate::domain::record::FieldError> {
        vec![]
    }
    /// What a save through the form fills in itself (the next number of a series), after
    /// the record's own checks passed and before [`UiEntity::check`]; `before` as below.
    fn before_save(&mut self, _before: Option<&Self>, _app: &AppState) {}
    /// What else a save through the form writes (an employee's history), once the record
    /// itself is stored; `before` is the stored record the form edited (`None`: a new one).
    fn after_save(&self, _before: Option<&Self>, _app: &AppState) {}
    /// Why this record can no longer be changed or deleted (an entry in a closed period),
    /// as the message's i18n key: its page then offers neither.
    fn locked(&self, _app: &AppState) -> Option<&'static str> {
        None
    }
    /// The message after the form saved it, in plain words: «title» saved by default.
    fn saved_text(&self, app: &AppState) -> String {
        app.tf("toast.saved", &[("name", self.title())])
    }
}

/// A derived list column: its label's i18n key, and (shown text, sort key) of a record.
pub struct Derived<E: 'static> {
    pub label: &'static str,
    pub value: fn(&AppState, &E) -> (String, String),
}

impl UiEntity for Call {
    const PLURAL: &'static str = "nav.calls";
    const NEW: &'static str = "call.new";
    const EMPTY: &'static str = "call.empty";
}

impl UiEntity for Visitor {
    const PLURAL: &'static str = "nav.visitors";
    const NEW: &'static str = "visitor.new";
    const EMPTY: &'static str = "visitor.empty";
}

impl UiEntity for Event {
    const PLURAL: &'static str = "nav.events";
    const NEW: &'static str = "event.new";
    const EMPTY: &'static str = "event.empty";
}

/// Stores `next` by writing only the chunks `edit` touches, with `log`'s entries.
fn commit<E: UiEntity>(app: &AppState, next: Vec<E>, edit: Edit, log: Vec<AuditEntry>) -> Result<(), StorageError> {
    let written = super::perf::timed("bo:save", || {
        super::audit::write_with(log, |audit| {
            let rows = |r: std::ops::Range<usize>| crate::table::records_as_columns(&next[r]);
            let mut docs = vec![(E::COLLECTION, Write::List { len: next.len(), rows: &rows, edit: &edit })];
            docs.extend(audit.map(|w| (super::audit::LIST, w)));
            with_db(|db| db.write(docs))
        })
    });
    match written {
        Ok(_) => {
            E::signal(app).set(next);
            app.wrote();
            Ok(())
        }
        Err(e) => Err(refused(app, E::COLLECTION, e)),
    }
}

/// Puts `recs` at positions `at..` of the module's list (replacing what is there, appending
/// past the end): the store gets the list as it will be, read through this function rather
/// than from a copy, and memory changes once the store has it. At 50,000 contacts a copy
/// of the list took longer than the write itself.
fn put<E: UiEntity>(app: &AppState, at: usize, recs: Vec<E>, log: Logged) -> Result<(), StorageError> {
    let signal = E::signal(app);
    let written = signal.with_untracked(|all| {
        let entries = match log {
            Logged::Each => recs.iter().enumerate().filter_map(|(i, r)| super::audit::saved(app, all.get(at + i), r)).collect(),
            Logged::As(entries) => entries,
        };
        let (n, k) = (all.len(), recs.len());
        let edit = Edit { replaced: (at..(at + k).min(n)).collect(), appended: (at + k).saturating_sub(n), ..Default::default() };
        let rows = |r: std::ops::Range<usize>| {
            let mut c = Columns::new();
            for j in r {
                c.push(if (at..at + k).contains(&j) { &recs[j - at] } else { &all[j] }).expect("records serialise");
            }
            c
        };
        super::perf::timed("bo:save", || {
            super::audit::write_with(entries, |audit| {
                let mut docs = vec![(E::COLLECTION, Write::List { len: n.max(at + k), rows: &rows, edit: &edit })];
                docs.extend(audit.map(|w| (super::audit::LIST, w)));
                with_db(|db| db.write(docs))
            })
        })
    });
    match written {
        Ok(_) => {
            signal.update(|all| {
                for (j, r) in (at..).zip(recs) {
                    if j < all.len() {
                        all[j] = r;
                    } else {
                        all.push(r);
                    }
                }
            });
            app.wrote();
            Ok(())
        }
        Err(e) => Err(refused(app, E::COLLECTION, e)),
    }
}

/// Tells the user why a save was refused; after a conflict, shows the other tab's data.
fn refused(app: &AppState, collection: &str, e: StorageError) -> StorageError {
    app.report_storage_error(&e);
    if matches!(e, StorageError::Conflict(_)) {
        app.reload(collection);
    }
    e
}

/// Stamps a record being saved: changed now, and made now when it was built without a time
/// (the domain builds records from `Default`, whose clock stands at 1970).
fn touch<E: Entity>(rec: &mut E) {
    let t = now();
    let m = rec.meta_mut();
    m.updated_at = t;
    if m.created_at == chrono::DateTime::UNIX_EPOCH {
        m.created_at = t;
    }
}

/// Inserts or replaces a record by id, stamping `updated_at`.
pub fn save_record<E: UiEntity>(app: &AppState, mut rec: E) -> Result<(), StorageError> {
    touch(&mut rec);
    let at = {
        let all = E::signal(app).read_untracked();
        all.iter().position(|r| r.meta().id == rec.meta().id).unwrap_or(all.len())
    };
    put(app, at, vec![rec], Logged::Each)
}

/// Inserts or replaces several records in one write: all of them or none.
pub fn save_records<E: UiEntity>(app: &AppState, recs: Vec<E>) -> Result<(), StorageError> {
    let mut all = E::signal(app).get_untracked();
    let mut edit = Edit::default();
    let mut log = vec![];
    for mut rec in recs {
        touch(&mut rec);
        let at = all.iter().position(|r| r.meta().id == rec.meta().id);
        log.extend(super::audit::saved(app, at.map(|i| &all[i]), &rec));
        match at {
            Some(i) => {
                all[i] = rec;
                edit.replaced.push(i);
            }
            None => {
                all.push(rec);
                edit.appended += 1;
            }
        }
    }
    commit(app, all, edit, log)
}

/// Adds many records in one write (imports): all of them or none. The audit trail gets one
/// entry for the import, saying how many, not one per record.
pub fn add_records<E: UiEntity>(app: &AppState, mut recs: Vec<E>) -> Result<(), StorageError> {
    if recs.is_empty() {
        return Ok(());
    }
    for rec in recs.iter_mut().filter(|r| r.meta().created_at == chrono::DateTime::UNIX_EPOCH) {
        touch(rec);
    }
    let at = E::signal(app).read_untracked().len();
    let entry = super::audit::imported(app, E::COLLECTION, String::new(), recs.len().to_string());
    put(app, at, recs, Logged::As(vec![entry]))
}

/// What a write adds to the audit trail.
enum Logged {
    /// An entry per record saved, for what changed in it.
    Each,
    /// These entries (an import's one).
    As(Vec<AuditEntry>),
}

fn set_deleted<E: UiEntity>(app: &AppState, id: &str, deleted: bool) -> Result<(), StorageError> {
    let found = {
        let all = E::signal(app).read_untracked();
        all.iter().position(|r| r.meta().id == id).map(|i| (i, all[i].clone()))
    };
    let Some((at, mut rec)) = found else {
        return Ok(());
    };
    rec.meta_mut().deleted_at = deleted.then(now);
    put(app, at, vec![rec], Logged::Each)
}

/// Moves a record to the trash and offers Undo in a toast.
pub fn trash_record<E: UiEntity>(app: &AppState, id: &str) -> Result<(), StorageError> {
    let title = E::signal(app).read_untracked().iter().find(|r| r.meta().id == id).map(|r| r.title()).unwrap_or_default();
    set_deleted::<E>(app, id, true)?;
    app.toast(
        app.tf("toast.trashed", &[("name", title)]),
        super::state::ToastKind::Info,
        Some((app.t("action.undo").into(), undo_trash::<E>, id.to_string())),
    );
    Ok(())
}

fn undo_trash<E: UiEntity>(app: &AppState, id: &str) {
    if restore_record::<E>(app, id).is_ok() {
        app.info(app.t("toast.restored").into());
    }
}

pub fn restore_record<E: UiEntity>(app: &AppState, id: &str) -> Result<(), StorageError> {
    set_deleted::<E>(app, id, false)
}

/// Deletes for good (from the Trash screen only).
pub fn purge_records<E: UiEntity>(app: &AppState, ids: &[String]) -> Result<(), StorageError> {
    let mut all = E::signal(app).get_untracked();
    let gone: Vec<usize> = all.iter().enumerate().filter(|(_, r)| ids.contains(&r.meta().id)).map(|(i, _)| i).collect();
    let log = gone.iter().map(|&i| super::audit::purged(app, &all[i])).collect();
    all.retain(|r| !ids.contains(&r.meta().id));
    commit(app, all, Edit::removed(gone), log)?;
    super::attachments_part::attachments_gone(ids.iter().map(|id| crate::domain::attachments::owner(E::COLLECTION, id)).collect());
    Ok(())
}

/// A field as shown in lists and detail views: choices translated, lists joined.
pub fn display_value<E: Entity>(app: &AppState, rec: &E, key: &str) -> String {
    shown_as(app, rec, key, E::fields().iter().find(|f| f.key == key).map(|f| f.kind))
}

/// [`display_value`] with the field's kind already looked up (lists do it once per column).
pub fn shown_as<E: Entity>(app: &AppState, rec: &E, key: &str, kind: Option<FieldKind>) -> String {
    if let Some(FieldKind::Ref(_)) = kind {
        return super::fields::ref_label::<E>(app, key, &rec.get(key));
    }
    shown_text(app, rec.get(key), kind)
}

/// A field's stored text as the screens show it (the non-generic part of [`shown_as`],
/// which names references itself).
pub fn shown_text(app: &AppState, raw: String, kind: Option<FieldKind>) -> String {
    match kind {
        Some(FieldKind::Select(opts)) => opts.iter().find(|(v, _)| *v == raw).map(|(_, l)| app.t(l).to_string()).unwrap_or(raw),
        // Most have one line: no second string for them (this runs for every row of a list).
        Some(FieldKind::Emails | FieldKind::Phones | FieldKind::Lines | FieldKind::People) if raw.contains('\n') => raw.replace('\n', ", "),
        Some(FieldKind::Check) => app.t(if raw.is_empty() { "form.no" } else { "form.yes" }).to_string(),
        Some(FieldKind::Weekdays) => crate::domain::calendar::parse_weekdays(&raw)
            .into_iter()
            .map(|d| crate::domain::format::weekday_name(d, app.lang.get(), false))
            .collect::<Vec<_>>()
            .join(", "),
        Some(FieldKind::DateTime | FieldKind::DateTimeNow) => parse_datetime(&raw).map_or(raw, |t| format_local(t, app)),
        Some(FieldKind::Date) => parse_date(&raw).map_or(raw, |d| format_date_only(d, app)),
        Some(FieldKind::Money) => super::fields::money_text(app, &raw),
        Some(FieldKind::ContactRef) => {
            app.lists.contacts().with(|cs| cs.iter().find(|c| c.meta.id == raw).map(|c| c.name.clone())).unwrap_or_default()
        }
        _ => raw,
    }
}

/// Sorts chronologically for dates, by value for numbers, by what is shown (`shown`, only
/// worked out for those) for everything else.
pub fn sort_key<E: Entity>(rec: &E, key: &str, kind: FieldKind, shown: impl FnOnce() -> String) -> String {
    match kind {
        FieldKind::DateTime | FieldKind::DateTimeNow | FieldKind::Date => rec.get(key),
        FieldKind::Integer | FieldKind::Money | FieldKind::Number => number_key(crate::domain::inventory::int(&rec.get(key))),
        _ => lower_owned(shown()),
    }
}

fn format_local(t: chrono::NaiveDateTime, app: &AppState) -> String {
    let fixed = t.and_utc().fixed_offset();
    crate::domain::format::format_datetime(fixed, app.lang.get())
}

fn format_date_only(d: chrono::NaiveDate, app: &AppState) -> String {
    let fixed = d.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc().fixed_offset();
    format_date(fixed, app.lang.get())
}

/// A number as text that sorts in numeric order (negative numbers included).
pub fn number_key(n: i64) -> String {
    format!("{:020}", (n as i128 + i64::MAX as i128 + 1) as u128)
}

pub use crate::text::{lower, lower_owned};
