//! Generic record operations shared by every module: save, trash, restore, purge.
//! Memory changes only after the store accepted the write, so a refused write (quota,
//! another tab, read-only) leaves both the screen and the stored data as they were.
use leptos::prelude::*;

use crate::domain::assets::{Asset, AssetLog};
use crate::domain::audit::AuditEntry;
use crate::domain::calendar::Event;
use crate::domain::contact::Contact;
use crate::domain::format::format_date;
use crate::domain::frontdesk::{Call, Visitor};
use crate::domain::inventory::{Item, StockMove};
use crate::domain::meeting::Minutes;
use crate::domain::purchasing::PurchaseOrder;
use crate::domain::record::{parse_date, parse_datetime};
use crate::domain::record::{Entity, FieldKind};
use crate::domain::stocktake::Stocktake;
use crate::storage::{Edit, StorageError, Write};
use crate::table::Columns;

use super::state::{now, with_db, AppState, InState};
use crate::domain::assets::LogKind;
use crate::domain::inventory::MoveKind;

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

impl UiEntity for Item {
    const PLURAL: &'static str = "nav.items";
    const NEW: &'static str = "item.new";
    const EMPTY: &'static str = "item.empty";
    fn check(&self, app: &AppState) -> Vec<crate::domain::record::FieldError> {
        let taken = app.lists.items().with_untracked(|all| crate::domain::inventory::code_taken(all, self).is_some());
        if taken {
            vec![("code", "err.code_taken")]
        } else {
            vec![]
        }
    }
    fn derived() -> &'static [Derived<Self>] {
        &[Derived {
            label: "item.on_hand",
            value: |app, i| {
                let n = app.stock_levels().with(|s| s.on_hand(&i.meta.id));
                let low = i.reorder_point.is_some_and(|point| n <= point);
                (format!("{n} {}{}", i.unit, if low { app.t("item.low_mark") } else { "" }), number_key(n))
            },
        }]
    }
}

impl UiEntity for StockMove {
    const PLURAL: &'static str = "nav.stock";
    const NEW: &'static str = "move.new";
    const EMPTY: &'static str = "move.empty";
    /// "Stock received: 3 pcs of Kertas A4", not the ledger's "+3".
    fn saved_text(&self, app: &AppState) -> String {
        let (name, unit) = app
            .lists
            .items()
            .with_untracked(|all| all.iter().find(|i| i.meta.id == self.item_id).map(|i| (i.name.clone(), i.unit.clone())))
            .unwrap_or_default();
        let qty = self.qty.unwrap_or(0);
        let key = match self.kind {
            MoveKind::Receive => "move.saved.receive",
            MoveKind::Issue => "move.saved.issue",
            MoveKind::Transfer => "move.saved.transfer",
            MoveKind::Adjust => "move.saved.adjust",
        };
        let qty = if self.kind == MoveKind::Adjust { format!("{qty:+}") } else { qty.to_string() };
        app.tf(
            key,
            &[
                ("qty", qty),
                ("unit", unit),
                ("item", name),
                ("who", self.to_whom.clone()),
                ("from", self.location.clone()),
                ("to", self.to_location.clone()),
            ],
        )
    }
    /// Issuing or moving more than the ledger says is there is refused: the count is wrong
    /// somewhere, and a stocktake or adjustment should say so first.
    fn check(&self, app: &AppState) -> Vec<crate::domain::record::FieldError> {
        if !matches!(self.kind, MoveKind::Issue | MoveKind::Transfer) {
            return vec![];
        }
        let there = app.stock_levels().with_untracked(|s| s.at(&self.item_id, &self.location));
        // Editing a movement: its own quantity is already out of the ledger.
        let own = app.lists.stock().with_untracked(|all| {
            all.iter()
                .find(|m| m.meta.id == self.meta.id && m.meta.deleted_at.is_none())
                .map(|m| m.effects().iter().filter(|(p, _)| *p == self.location).map(|(_, q)| *q).sum::<i64>())
                .unwrap_or(0)
        });
        if self.qty.unwrap_or(0) > there - own {
            vec![("qty", "err.not_enough")]
        } else {
            vec![]
        }
    }
}

impl UiEntity for PurchaseOrder {
    const PLURAL: &'static str = "nav.orders";
    const NEW: &'static str = "po.new";
    const EMPTY: &'static str = "po.empty";
    fn derived() -> &'static [Derived<Self>] {
        &[Derived {
            label: "po.total",
            value: |app, p| {
                let t = p.totals().total;
                (super::fields::money(app, t), number_key(t))
            },
        }]
    }
}

impl UiEntity for Stocktake {
    const PLURAL: &'static str = "nav.stocktakes";
    const NEW: &'static str = "count.new";
    const EMPTY: &'static str = "count.empty";
    fn derived() -> &'static [Derived<Self>] {
        &[Derived {
            label: "count.state",
            value: |app, s| {
                let text = if s.posted.is_empty() {
                    app.tf("count.counting", &[("n", s.counts.len().to_string())])
                } else {
                    app.t("count.posted").to_string()
                };
                (text, s.posted.clone())
            },
        }]
    }
}

impl UiEntity for Contact {
    const PLURAL: &'static str = "nav.contacts";
    const NEW: &'static str = "contact.new";
    const EMPTY: &'static str = "contact.empty";
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

impl UiEntity for Minutes {
    const PLURAL: &'static str = "nav.minutes";
    const NEW: &'static str = "minutes.new";
    const EMPTY: &'static str = "minutes.empty";
}

impl UiEntity for Asset {
    const PLURAL: &'static str = "nav.assets";
    const NEW: &'static str = "asset.new";
    const EMPTY: &'static str = "asset.empty";
    fn derived() -> &'static [Derived<Self>] {
        &[Derived {
            label: "asset.holder",
            value: |app, a| {
                let who =
                    app.lists.asset_log().with(|l| crate::domain::assets::holder(l, &a.meta.id).map(|o| o.who.clone())).unwrap_or_default();
                (who.clone(), crate::text::lower(&who))
            },
        }]
    }
    fn check(&self, app: &AppState) -> Vec<crate::domain::record::FieldError> {
        let tag = crate::text::lower(self.tag.trim());
        let taken = app.lists.assets().with_untracked(|all| {
            all.iter().any(|a| a.meta.id != self.meta.id && a.meta.deleted_at.is_none() && crate::text::lower(a.tag.trim()) == tag)
        });
        if taken {
            vec![("tag", "err.tag_taken")]
        } else {
            vec![]
        }
    }
}

impl UiEntity for AssetLog {
    const PLURAL: &'static str = "nav.asset_log";
    const NEW: &'static str = "alog.new";
    const EMPTY: &'static str = "alog.empty";
    /// "Proyektor Epson lent to Budi Santoso, Tue, 1 Dec 2026", not "→ Budi Santoso 2026-12-01".
    fn saved_text(&self, app: &AppState) -> String {
        let asset = app
            .lists
            .assets()
            .with_untracked(|all| all.iter().find(|a| a.meta.id == self.asset_id).map(|a| a.name.clone()))
            .unwrap_or_default();
        let date = self.date.map(|d| crate::domain::format::long_date(d, app.lang.get_untracked())).unwrap_or_default();
        let key = match self.kind {
            LogKind::Checkout => "alog.saved.checkout",
            LogKind::Checkin => "alog.saved.checkin",
            LogKind::Repair => "alog.saved.repair",
            LogKind::Maintenance => "alog.saved.maintenance",
        };
        app.tf(key, &[("asset", asset), ("who", self.who.clone()), ("date", date)])
    }
    /// A second check-out of something already out is refused: check it in first.
    fn check(&self, app: &AppState) -> Vec<crate::domain::record::FieldError> {
        if self.kind != LogKind::Checkout {
            return vec![];
        }
        let out = app
            .lists
            .asset_log()
            .with_untracked(|l| crate::domain::assets::holder(l, &self.asset_id).is_some_and(|o| o.meta.id != self.meta.id));
        if out {
            vec![("kind", "err.already_out")]
        } else {
            vec![]
        }
    }
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
    let at = E::signal(app).with_untracked(|all| all.iter().position(|r| r.meta().id == rec.meta().id).unwrap_or(all.len()));
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
    let at = E::signal(app).with_untracked(Vec::len);
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
    let Some((at, mut rec)) = E::signal(app).with_untracked(|all| all.iter().position(|r| r.meta().id == id).map(|i| (i, all[i].clone())))
    else {
        return Ok(());
    };
    rec.meta_mut().deleted_at = deleted.then(now);
    put(app, at, vec![rec], Logged::Each)
}

/// Moves a record to the trash and offers Undo in a toast.
pub fn trash_record<E: UiEntity>(app: &AppState, id: &str) -> Result<(), StorageError> {
    let title = E::signal(app).with_untracked(|all| all.iter().find(|r| r.meta().id == id).map(|r| r.title())).unwrap_or_default();
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
