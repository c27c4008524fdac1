//! App-wide state: the open store, language, loaded collections and notices.
use std::cell::RefCell;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::domain::format::Lang;
use crate::domain::record::Entity;
use crate::domain::settings::Settings;
use crate::i18n;
use crate::storage::{Db, StorageError, Summary, QUOTA_CHARS};

use super::router::Route;

thread_local! {
    /// The single open store; wasm is single-threaded, so a thread-local is the whole story.
    static DB: RefCell<Option<Db>> = const { RefCell::new(None) };
}

pub fn set_db(db: Db) {
    DB.with(|d| *d.borrow_mut() = Some(db));
}

/// Runs `f` on the open store, or reports that storage is unavailable.
pub fn with_db<R>(f: impl FnOnce(&mut Db) -> Result<R, StorageError>) -> Result<R, StorageError> {
    let (mut f, mut out) = (Some(f), None);
    on_db(&mut |db| out = f.take().map(|f| f(db)));
    out.unwrap_or_else(|| Err(StorageError::Unavailable("not opened".into())))
}

/// The thread-local access of [`with_db`], once for all its callers: `DB.with` is built
/// again for every closure it is given, and every record type's list reader is one.
fn on_db(f: &mut dyn FnMut(&mut Db)) {
    DB.with(|d| {
        if let Some(db) = d.borrow_mut().as_mut() {
            f(db)
        }
    })
}

#[derive(Clone, Debug, PartialEq)]
pub enum ToastKind {
    Info,
    Error,
}

#[derive(Clone)]
pub struct Toast {
    pub id: u64,
    pub text: String,
    pub kind: ToastKind,
    /// A button in the toast, e.g. Undo: (label, what it does, the record id it acts on).
    /// A plain fn rather than a reactive callback, so it outlives the page that made it.
    pub action: Option<(String, fn(&AppState, &str), String)>,
    /// The action that raised it: toasts of one action show together, a later action's
    /// toast replaces them all (one message per thing done, never a pile).
    pub action_id: u64,
}

thread_local! {
    /// The action whose toasts are being raised now: until the browser's current task ends.
    static ACTION: std::cell::Cell<Option<u64>> = const { std::cell::Cell::new(None) };
}

#[derive(Clone, Debug, PartialEq)]
pub struct UnreadableNotice {
    pub name: String,
    pub raw: String,
    pub error: String,
}

/// A list's place in memory: its `RwSignal<Vec<T>>`, and what re-reads it and counts its
/// trash without naming `T` (so the shell never names a type only an area uses).
struct Slot {
    signal: std::rc::Rc<dyn std::any::Any>,
    reload: fn(&Lists),
    trashed: fn(&Lists) -> usize,
    first_created: fn(&Lists) -> Option<DateTime<Utc>>,
}

thread_local! {
    /// The lists read so far, by collection name.
    static SLOTS: RefCell<BTreeMap<&'static str, Slot>> = const { RefCell::new(BTreeMap::new()) };
    /// The app's owner: a list read by a page outlives that page.
    static ROOT: RefCell<Option<Owner>> = const { RefCell::new(None) };
}

/// Makes `f`'s signals under the app's owner: they outlive the page that first asked.
pub(super) fn in_root<T>(f: impl FnOnce() -> T) -> T {
    match root_owner() {
        Some(owner) => owner.with(f),
        None => f(),
    }
}

fn root_owner() -> Option<Owner> {
    ROOT.with_borrow(Clone::clone)
}

/// The record lists in memory. Each is read from the store the first time a screen asks
/// for it, by the code of that screen's area: the shell carries the readers of the lists
/// its own screens show, and an area brings the rest with it.
#[derive(Clone, Copy)]
pub struct Lists {
    /// Bumped when a list is first read, so a count over every list sees it.
    opened: RwSignal<u64>,
    /// The trash count and oldest record of each list not read yet, from its stored columns.
    stored: RwSignal<BTreeMap<&'static str, Summary>>,
    unreadable: RwSignal<Vec<UnreadableNotice>>,
}

impl Lists {
    pub fn new(unreadable: RwSignal<Vec<UnreadableNotice>>) -> Self {
        ROOT.with_borrow_mut(|r| *r = Owner::current());
        Lists { opened: RwSignal::new(0), stored: RwSignal::new(BTreeMap::new()), unreadable }
    }

    /// The list of `T`, read from the store on first use.
    pub fn of<T: Entity + Send + Sync>(&self) -> RwSignal<Vec<T>> {
        if let Some(signal) = Self::slot_signal(T::COLLECTION).and_then(|s| s.downcast_ref::<RwSignal<Vec<T>>>().copied()) {
            return signal;
        }
        let all = super::perf::timed(&format!("bo:list:{}", T::COLLECTION), || load_list::<T>(T::COLLECTION));
        let signal = in_root(|| RwSignal::new(all));
        let slot = Slot {
            signal: std::rc::Rc::new(signal),
            reload: |l| l.of::<T>().set(load_list::<T>(T::COLLECTION)),
            // `read`, not `with`: `with` builds its whole call chain again for each closure
            // it is given, for every record type.
            trashed: |l| l.of::<T>().read().iter().filter(|r| r.meta().deleted_at.is_some()).count(),
            first_created: |l| l.of::<T>().read().iter().map(|r| r.meta().created_at).filter(|t| *t > DateTime::UNIX_EPOCH).min(),
        };
        self.open_slot(T::COLLECTION, slot);
        signal
    }

    // What `of` does that does not depend on the record type is in plain functions: `of`
    // is built once per record type, and a thread-local access once per closure it is given.

    /// The signal of list `name`, if read before.
    fn slot_signal(name: &str) -> Option<std::rc::Rc<dyn std::any::Any>> {
        SLOTS.with_borrow(|s| s.get(name).map(|slot| slot.signal.clone()))
    }

    fn open_slot(&self, name: &'static str, slot: Slot) {
        SLOTS.with_borrow_mut(|s| s.insert(name, slot));
        // Not now: a list is often first read while a view is being drawn.
        let lists = *self;
        queue_microtask(move || {
            lists.opened.update(|n| *n += 1);
            lists.unreadable.set(unreadable_notices());
        });
    }

    fn is_open(name: &str) -> bool {
        SLOTS.with_borrow(|s| s.contains_key(name))
    }

    /// Re-reads the list called `name` if it was read before (another tab wrote it, a
    /// restore replaced it); else sums it up again.
    pub fn load(&self, name: &str) {
        match SLOTS.with_borrow(|s| s.get(name).map(|slot| slot.reload)) {
            Some(reload) => reload(self),
            None => self.sum_up_stored(&[name]),
        }
    }

    /// Re-reads every list read so far, and counts the trash of the others.
    pub fn load_all(&self) {
        let open: Vec<fn(&Lists)> = SLOTS.with_borrow(|s| s.values().map(|slot| slot.reload).collect());
        for reload in open {
            reload(self);
        }
        self.sum_up_stored(crate::registry::LISTS);
    }

    /// Sums up those of `names` not read yet (trash, oldest record) from the store.
    pub fn sum_up_stored(&self, names: &[&str]) {
        let summed: Vec<(&'static str, Summary)> = crate::registry::LISTS
            .iter()
            .filter(|n| names.contains(n) && !Self::is_open(n))
            .map(|&n| (n, with_db(|db| db.summary(n, "deleted_at", "created_at")).unwrap_or_default()))
            .collect();
        self.stored.update(|m| m.extend(summed));
    }

    /// The slots read so far, each with `pick`'s function.
    fn open_with<F>(pick: fn(&Slot) -> F) -> Vec<(&'static str, F)> {
        SLOTS.with_borrow(|s| s.iter().map(|(n, slot)| (*n, pick(slot))).collect())
    }

    /// Records in the trash across every list.
    pub fn trashed(&self) -> usize {
        self.opened.track();
        let open = Self::open_with(|s| s.trashed);
        let stored: usize =
            self.stored.with(|m| m.iter().filter(|(n, _)| !open.iter().any(|(o, _)| o == *n)).map(|(_, s)| s.present).sum());
        stored + open.iter().map(|(_, count)| count(self)).sum::<usize>()
    }

    /// When the oldest record of any list was made.
    pub fn first_created(&self) -> Option<DateTime<Utc>> {
        self.opened.track();
        let open = Self::open_with(|s| s.first_created);
        let stored = self.stored.with(|m| {
            m.iter()
                .filter(|(n, _)| !open.iter().any(|(o, _)| o == *n))
                .filter_map(|(_, s)| DateTime::from_timestamp_millis(s.earliest_ms?))
                .filter(|t| *t > DateTime::UNIX_EPOCH)
                .min()
        });
        // 1970 is no time at all: records built from `Default` before saves stamped them.
        open.iter().filter_map(|(_, first)| first(self)).chain(stored).filter(|t| *t > DateTime::UNIX_EPOCH).min()
    }
}

macro_rules! accessors {
    ($($name:ident: $t:ty,)*) => {
        /// Each list by its collection name, as the registry names it.
        impl Lists {
            $(pub fn $name(&self) -> RwSignal<Vec<$t>> {
                self.of::<$t>()
            })*
        }
    };
}
crate::with_record_lists!(accessors);

/// Where a record type's list is kept in the app state.
pub trait InState: Sized + 'static {
    fn signal(app: &AppState) -> RwSignal<Vec<Self>>;
}

impl<T: Entity + Send + Sync> InState for T {
    fn signal(app: &AppState) -> RwSignal<Vec<Self>> {
        app.lists.of::<T>()
    }
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub settings: RwSignal<Settings>,
    /// Every record list of the registry.
    pub lists: Lists,
    pub route: RwSignal<Route>,
    /// A form has unsaved changes.
    pub dirty: RwSignal<bool>,
    /// The form's last save was refused (a field to fix, another tab's change, a full store).
    pub save_refused: RwSignal<bool>,
    pub toasts: RwSignal<Vec<Toast>>,
    pub unreadable: RwSignal<Vec<UnreadableNotice>>,
    /// Set when the stored data is newer than this app: (stored schema version).
    pub read_only: RwSignal<Option<u32>>,
    /// Storage could not be opened at all (blocked by the browser): the browser's words.
    pub unavailable: RwSignal<Option<String>>,
    /// The last write was refused for lack of space: shows the quota dialog.
    pub quota_full: RwSignal<bool>,
    pub used_chars: RwSignal<usize>,
    pub last_backup: RwSignal<Option<DateTime<Utc>>>,
    /// The browser's answer on keeping this site's data (`None`: it does not say).
    pub persisted: RwSignal<Option<bool>>,
    /// Autosave to a folder, in this browser.
    pub autosave: RwSignal<super::autosave::Status>,
    /// Data an older version wrote is being upgraded: no screen may read it meanwhile.
    pub upgrading: RwSignal<bool>,
}

thread_local! {
    static STOCK_LEVELS: std::cell::Cell<Option<Memo<crate::domain::inventory::Stock>>> = const { std::cell::Cell::new(None) };
}

impl AppState {
    /// Quantities on hand, worked out from the stock ledger once per change of it. Made on
    /// first use by the screens that show stock, so the shell carries no stock code.
    pub fn stock_levels(self) -> Memo<crate::domain::inventory::Stock> {
        STOCK_LEVELS.with(|cell| {
            cell.get().unwrap_or_else(|| {
                let make = move || Memo::new(move |_| crate::domain::inventory::Stock::of(&self.lists.stock().read()));
                let levels = in_root(make);
                cell.set(Some(levels));
                levels
            })
        })
    }

    pub fn t(&self, key: &str) -> &'static str {
        i18n::t(self.lang.get(), key)
    }

    /// The text of `key`, following the language: for views. One closure type for every
    /// call site, so each translated label does not add its own copy of the render code.
    pub fn text(self, key: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(key)
    }

    /// A page title of `key`, following the language; one closure type for every page.
    pub fn title(self, key: &'static str) -> Signal<String> {
        Signal::derive(move || self.t(key).to_string())
    }

    /// A message with `{name}` placeholders filled.
    /// A count `n` of one takes the singular: see [`i18n::tf`].
    pub fn tf(&self, key: &str, args: &[(&str, String)]) -> String {
        i18n::tf(self.lang.get(), key, args)
    }

    pub fn toast(&self, text: String, kind: ToastKind, action: Option<(String, fn(&AppState, &str), String)>) {
        // Each toast's own key in the keyed list: never reused, even within one millisecond.
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let id = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        // A toast with a button (Undo) stays longer: time to reach it by keyboard.
        let secs = if action.is_some() { 12 } else { 6 };
        let action_id = ACTION.with(|a| {
            a.get().unwrap_or_else(|| {
                a.set(Some(id));
                queue_microtask(|| ACTION.with(|a| a.set(None)));
                id
            })
        });
        self.toasts.update(|t| {
            t.retain(|x| x.action_id == action_id && x.text != text);
            t.push(Toast { id, text, kind, action, action_id });
        });
        expire_toast(self.toasts, id, secs);
    }

    pub fn info(&self, text: String) {
        self.toast(text, ToastKind::Info, None)
    }

    pub fn error(&self, text: String) {
        self.toast(text, ToastKind::Error, None)
    }

    /// This tab wrote to the store: the usage meter follows, and autosave counts a change.
    pub fn wrote(&self) {
        self.refresh_usage();
        super::autosave::changed(*self);
    }

    pub fn refresh_usage(&self) {
        let used = with_db(|db| Ok(db.used_chars())).unwrap_or(0);
        self.used_chars.set(used);
    }

    /// Recounts usage from storage itself: after another tab wrote or a write was refused.
    pub fn rescan_usage(&self) {
        let _ = with_db(|db| {
            db.rescan();
            Ok(())
        });
        self.refresh_usage();
    }

    /// Tenths of a percent of the quota in use, rounded; integers keep float printing out of the wasm.
    /// Storage is 80 % full or more: time to make room before a save is refused.
    pub fn storage_high(&self) -> bool {
        self.usage_permille() >= 800
    }

    fn usage_permille(&self) -> u64 {
        ((self.used_chars.get() as u64 * 1000 + QUOTA_CHARS as u64 / 2) / QUOTA_CHARS as u64).min(1000)
    }

    /// The usage percentage for a `<progress max="100">`.
    pub fn usage_percent(&self) -> String {
        let p = self.usage_permille();
        format!("{}.{}", p / 10, p % 10)
    }

    /// The usage percentage with one decimal, in the locale's decimal mark.
    pub fn usage_percent_text(&self) -> String {
        let p = self.usage_permille();
        format!("{}{}{}", p / 10, self.lang.get().decimal_mark(), p % 10)
    }

    /// Tells the user why a write was refused, in their language.
    pub fn report_storage_error(&self, e: &StorageError) {
        match e {
            StorageError::Quota => {
                self.rescan_usage();
                self.quota_full.set(true)
            }
            StorageError::Conflict(_) => self.error(self.t("err.conflict").into()),
            StorageError::ReadOnly => {
                // A newer build wrote a list since this tab opened: the banner says so.
                if let Ok(v) = with_db(|db| Ok(db.newer_schema())) {
                    if v.is_some() && self.read_only.get_untracked().is_none() {
                        self.read_only.set(v);
                    }
                }
                self.error(self.t("err.read_only").into())
            }
            StorageError::Unreadable(name) => self.error(self.tf("err.unreadable_write", &[("name", name.clone())])),
            StorageError::LockChanged => self.error(self.t("err.lock_changed").into()),
            StorageError::Unavailable(why) | StorageError::Other(why) => self.error(self.tf("err.storage", &[("why", why.clone())])),
        }
    }

    pub fn refresh_unreadable(&self) {
        self.unreadable.set(unreadable_notices());
    }

    /// Reads everything from the store again (another tab cleared it, a reset, a restore).
    pub fn load_all(&self) {
        self.load_settings();
        self.lists.load_all();
        self.refresh_unreadable();
        self.refresh_usage();
    }

    /// Reads the settings and when the last backup was made.
    pub fn load_settings(&self) {
        self.settings.set(load_or_default("settings"));
        self.last_backup.set(with_db(|db| Ok(db.last_backup())).ok().flatten());
        self.refresh_unreadable();
    }

    /// Re-reads one collection after another tab changed it.
    pub fn reload(&self, name: &str) {
        match name {
            "settings" => self.settings.set(load_or_default(name)),
            _ => self.lists.load(name),
        }
        self.last_backup.set(with_db(|db| Ok(db.last_backup())).ok().flatten());
        self.refresh_unreadable();
        self.rescan_usage();
    }

    /// Saves the settings, and what changed in them to the audit trail in the same write
    /// (the books closed, the bank's layout, leave rules: an office asks who changed them);
    /// memory changes only once the store has them.
    pub fn save_settings(&self, s: Settings) -> Result<(), StorageError> {
        let value = serde_json::to_value(&s).expect("settings serialise");
        let before = self.settings.with_untracked(|b| serde_json::to_value(b).expect("settings serialise"));
        let entry = super::audit::settings_changed(self, &before, &value);
        let stored = super::audit::write_with(entry.into_iter().collect(), |audit| {
            let mut writes = vec![("settings", crate::storage::Write::Whole(value.clone()))];
            writes.extend(audit.map(|w| (super::audit::LIST, w)));
            with_db(|db| db.write(writes))
        });
        match stored {
            Ok(_) => {
                self.settings.set(s);
                self.wrote();
                Ok(())
            }
            Err(e) => {
                self.report_storage_error(&e);
                if matches!(e, StorageError::Conflict(_)) {
                    self.reload("settings");
                }
                Err(e)
            }
        }
    }
}

/// What the store could not read, as the banner lists it.
fn unreadable_notices() -> Vec<UnreadableNotice> {
    with_db(|db| {
        Ok(db
            .unreadable()
            .iter()
            .map(|(name, u)| UnreadableNotice { name: name.clone(), raw: u.raw.clone(), error: u.error.clone() })
            .collect::<Vec<_>>())
    })
    .unwrap_or_default()
}

/// A collection as stored, or its empty default when absent or unreadable (kept aside).
fn load_or_default<T: serde::de::DeserializeOwned + Default>(name: &str) -> T {
    with_db(|db| db.load::<T>(name)).ok().flatten().unwrap_or_default()
}

/// A list as stored, leaving out (and reporting) only chunks that cannot be read.
fn load_list<E: crate::table::FromRow>(name: &str) -> Vec<E> {
    with_db(|db| db.load_list::<E>(name)).ok().flatten().unwrap_or_default()
}

/// Takes toast `id` away after `secs`, but not while the pointer or the keyboard is on it
/// (someone reaching for Undo): then it waits two seconds more and looks again.
fn expire_toast(toasts: RwSignal<Vec<Toast>>, id: u64, secs: u64) {
    set_timeout(
        move || {
            let held = document()
                .query_selector(&format!(".bo-toast[data-toast='{id}']"))
                .ok()
                .flatten()
                .is_some_and(|el| el.matches(":hover, :focus-within").unwrap_or(false));
            if held {
                expire_toast(toasts, id, 2);
            } else {
                toasts.update(|t| t.retain(|x| x.id != id));
            }
        },
        std::time::Duration::from_secs(secs),
    );
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// The local time zone's offset now, for showing stored UTC times.
pub fn local(t: DateTime<Utc>) -> DateTime<chrono::FixedOffset> {
    let offset_min = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    t.with_timezone(&chrono::FixedOffset::east_opt(offset_min * 60).unwrap_or(chrono::FixedOffset::east_opt(0).unwrap()))
}

/// The office's wall-clock time now, to the minute.
pub fn local_now() -> chrono::NaiveDateTime {
    crate::domain::dates::datetime_to_minute(local(now()).naive_local())
}

/// The office's wall-clock time now, as date-time inputs write it.
pub fn local_now_text() -> String {
    crate::domain::dates::datetime_text(local_now())
}
