use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::Value;

use super::layout::{plan, repatch, Edit, Patched, Slot, PATCH};
use super::txn::Txn;
use super::{chunk_key, chunk_prefix, doc_key, doc_name, usage, Backend, Docs, Schema, StorageError, META_KEY, PREFIX};
use crate::table::{codec, records_as_columns, Columns, FromRow};

/// JSON text read as bytes: the wasm then holds one JSON reader (the bytes one) per type,
/// not a second one for text.
fn from_json<T: DeserializeOwned>(text: &str) -> serde_json::Result<T> {
    serde_json::from_slice(text.as_bytes())
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct MetaDoc {
    schema_version: u32,
    #[serde(default)]
    revisions: BTreeMap<String, u64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::table::stamps::some_stamp",
        serialize_with = "crate::table::stamps::write_some_stamp"
    )]
    last_backup_at: Option<DateTime<Utc>>,
    /// How many backups autosave keeps in the folder this browser chose; 0: autosave off.
    /// Per browser like the last backup's time: a folder belongs to one computer.
    #[serde(default, skip_serializing_if = "is_zero")]
    autosave_keep: u32,
    /// The node this browser's record ids carry (`domain::ids`), as 16 hex digits. Per
    /// browser: a backup never carries it, so two browsers never share one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    node: Option<String>,
}

/// A collection's head key. A document (settings) is inline in `data`; a list has
/// `chunks` (id, records) stored under `bo.k.<name>.<id>`. Schema 2 stored lists inline
/// too; such a head is still read, and the next save turns it into chunks.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Head {
    schema: u32,
    rev: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    data: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    chunks: Option<Vec<(u32, usize)>>,
    #[serde(default, skip_serializing_if = "is_zero")]
    next: u32,
    /// The chunk id of the list's patch (schema 6), whose records are read over those of
    /// their chunks, and where each of them belongs ([`Patched`], the same shape as
    /// `chunks`, so one reader takes both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    patch: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    patched: Option<Patched>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn head_json(h: &Head) -> String {
    serde_json::to_string(h).expect("heads serialise")
}

/// A chunk's text: the collection revision that wrote it, `;`, the packed records.
fn chunk_text(rev: u64, rows: Columns) -> String {
    format!("{rev};{}", codec::encode_columns(rows))
}

/// Records as columns, ready to be stored or exported.
fn chunk_rev(raw: &str) -> Option<u64> {
    raw.split_once(';')?.0.parse().ok()
}

fn decode_chunk(raw: &str) -> Result<Vec<Value>, String> {
    let (_, packed) = raw.split_once(';').ok_or("no revision")?;
    codec::decode(packed)
}

/// Chunk `id`'s columns with the records of the list's patch that belong in it put over
/// its own (their cells moved out of the patch).
fn patched(mut c: Columns, id: u32, patch: &mut Option<(Patched, Columns)>) -> Columns {
    if let Some((at, saved)) = patch {
        for (k, (_, i)) in at.iter().enumerate().filter(|(_, (chunk, _))| *chunk == id) {
            c.put_row(*i, saved, k);
        }
    }
    c
}

/// The error of a list's patch kept because it holds records of a chunk that cannot be
/// read (the screens say it in the user's language).
pub const HOLDS_UNREADABLE: &str = "holds records of a part that cannot be read";

/// Stored text that could not be read, kept so the user can download it.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub raw: String,
    pub error: String,
}

/// See [`Db::summary`].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Summary {
    pub present: usize,
    pub earliest_ms: Option<i64>,
}

#[derive(Debug, Default, PartialEq)]
pub struct OpenReport {
    pub migrated_from: Option<u32>,
    /// The stored schema is newer than this code: the app runs read-only.
    pub newer: Option<u32>,
    /// A migration was needed but could not be written (quota); the app runs read-only.
    pub migration_failed: Option<String>,
}

/// Where the corrupted meta key's text is kept before a rebuilt one replaces it.
const META_ASIDE_KEY: &str = "bo.aside.meta";

/// What a write does to one collection.
pub enum Write<'a> {
    /// The whole document or list, as JSON.
    Whole(Value),
    /// A change to a list of `len` records; `rows` gives a range of them as columns.
    List { len: usize, rows: &'a dyn Fn(std::ops::Range<usize>) -> Columns, edit: &'a Edit },
}

/// The name under which an unreadable chunk is reported: `contacts.3`.
fn chunk_label(name: &str, id: u32) -> String {
    format!("{name}.{id}")
}

pub struct Db {
    backend: Box<dyn Backend>,
    schema: &'static Schema,
    /// The revision of each collection as this tab last read or wrote it.
    known: BTreeMap<String, u64>,
    read_only: bool,
    /// The schema of data a newer version wrote (meta or any collection's head), if any.
    newer: Option<u32>,
    unreadable: BTreeMap<String, Unreadable>,
    /// Characters the origin uses, kept up to date by our writes so a save need not rescan;
    /// counted on first request, so opening the store does not wait for it.
    used: Option<usize>,
    /// One list's chunks decoded ahead of the screen that shows it (see `prefetch`).
    prefetched: Option<Prefetched>,
}

/// A list's chunks decoded into columns at one revision of its head: each chunk's columns,
/// or its stored text and why it does not decode.
struct Prefetched {
    name: String,
    rev: u64,
    /// The head's chunk ids, in its order; `chunks` holds the first of them decoded so far.
    ids: Vec<u32>,
    chunks: Vec<ChunkRead>,
}

/// A chunk's columns, or its stored text (none when it is missing) and why it does not decode.
type ChunkRead = Result<Columns, (Option<String>, String)>;

/// A store opened whose data is older than this code: the upgrade still to run
/// ([`Db::open_unmigrated`], then [`Db::migrate_pending`]).
pub struct PendingMigration {
    meta: MetaDoc,
}

impl PendingMigration {
    /// The schema the stored data was written in.
    pub fn from(&self) -> u32 {
        self.meta.schema_version
    }
}

impl Db {
    /// Opens the store and upgrades data an older version wrote (see [`Db::open_unmigrated`]).
    pub fn open(backend: Box<dyn Backend>, schema: &'static Schema) -> Result<(Db, OpenReport), StorageError> {
        let (mut db, mut report, pending) = Db::open_unmigrated(backend, schema)?;
        if let Some(p) = pending {
            db.migrate_pending(p, &mut report);
        }
        Ok((db, report))
    }

    /// Opens the store, leaving an upgrade of older data to the caller: the app fetches the
    /// code that rewrites stored lists only when a store needs it. Nothing may read the
    /// lists of a store with an upgrade pending: they are in the older shape.
    pub fn open_unmigrated(
        backend: Box<dyn Backend>,
        schema: &'static Schema,
    ) -> Result<(Db, OpenReport, Option<PendingMigration>), StorageError> {
        let mut db = Db {
            backend,
            schema,
            known: BTreeMap::new(),
            read_only: false,
            newer: None,
            unreadable: BTreeMap::new(),
            used: None,
            prefetched: None,
        };
        let mut report = OpenReport::default();
        let meta = match db.backend.get(META_KEY)? {
            Some(raw) => match from_json::<MetaDoc>(&raw) {
                Ok(m) => m,
                Err(e) => {
                    // Keep the broken text aside, then rebuild from the collections' own heads.
                    db.backend.set(META_ASIDE_KEY, &raw)?;
                    db.unreadable.insert("meta".into(), Unreadable { raw, error: e.to_string() });
                    let m = db.rebuild_meta()?;
                    db.backend.set(META_KEY, &serde_json::to_string(&m).expect("meta serialises"))?;
                    m
                }
            },
            None => {
                let m = db.rebuild_meta()?;
                db.backend.set(META_KEY, &serde_json::to_string(&m).expect("meta serialises"))?;
                m
            }
        };
        // A newer build may have written one list (another tab, a synced profile) without
        // the meta saying so: that list must not be migrated or saved over either.
        let stored = meta.schema_version.max(db.newest_head_schema()?);
        if stored > schema.current {
            db.read_only = true;
            db.newer = Some(stored);
            report.newer = Some(stored);
        } else if meta.schema_version >= schema.records_changed_at && meta.schema_version < schema.current {
            let mut meta = meta;
            meta.schema_version = schema.current;
            if let Err(e) = db.backend.set(META_KEY, &serde_json::to_string(&meta).expect("meta serialises")) {
                db.read_only = true;
                report.migration_failed = Some(e.to_string());
            }
        } else if meta.schema_version < schema.current {
            return Ok((db, report, Some(PendingMigration { meta })));
        }
        Ok((db, report, None))
    }

    /// Runs the upgrade [`Db::open_unmigrated`] left pending; a failed one leaves the store
    /// as it was and this tab read-only.
    pub fn migrate_pending(&mut self, pending: PendingMigration, report: &mut OpenReport) {
        report.migrated_from = Some(pending.from());
        if let Err(e) = self.migrate(pending.meta) {
            self.read_only = true;
            report.migration_failed = Some(e.to_string());
        }
    }

    fn doc_keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.backend.keys()?.into_iter().filter(|k| doc_name(k).is_some()).collect())
    }

    fn head(&self, name: &str) -> Result<Option<Head>, String> {
        let raw = self.backend.get(&doc_key(name)).map_err(|e| e.to_string())?;
        raw.map(|r| from_json(&r).map_err(|e| e.to_string())).transpose()
    }

    /// The stored revision of a collection; 0 when absent, `None` when its head is unreadable.
    fn stored_rev(&self, name: &str) -> Option<u64> {
        match self.head(name) {
            Ok(h) => Some(h.map_or(0, |h| h.rev)),
            Err(_) => None,
        }
    }

    /// The newest schema any collection's head was written with (0 when none is stored).
    /// Only the number is read from each head.
    fn newest_head_schema(&self) -> Result<u32, StorageError> {
        #[derive(Deserialize)]
        struct SchemaOnly {
            schema: u32,
        }
        let mut newest = 0;
        for key in self.doc_keys()? {
            if let Some(Ok(h)) = self.backend.get(&key)?.map(|raw| from_json::<SchemaOnly>(&raw)) {
                newest = newest.max(h.schema);
            }
        }
        Ok(newest)
    }

    /// Meta from the heads alone: each collection's revision and the newest schema seen.
    fn rebuild_meta(&self) -> Result<MetaDoc, StorageError> {
        let mut m = MetaDoc { schema_version: 0, ..Default::default() };
        for key in self.doc_keys()? {
            let name = doc_name(&key).unwrap_or_default();
            if let Ok(Some(h)) = self.head(name) {
                m.schema_version = m.schema_version.max(h.schema);
                m.revisions.insert(name.to_string(), h.rev);
            }
        }
        if m.schema_version == 0 {
            m.schema_version = self.schema.current;
        }
        Ok(m)
    }

    fn read_meta(&self) -> Result<MetaDoc, StorageError> {
        let raw = self.backend.get(META_KEY)?.unwrap_or_default();
        from_json(&raw).map_err(|e| StorageError::Other(format!("meta: {e}")))
    }

    /// Upgrades every collection, keeping a packed copy of the keys from before under
    /// `bo.premigration.vN`. Either all of it is written or the store is put back as it was.
    /// (A list whose patch is held, see `hold_patch`, refuses to be rewritten: a migration
    /// from schema 6 on that rewrites records must first decide what becomes of it, or
    /// such a store stays read-only. None does yet.)
    fn migrate(&mut self, mut meta: MetaDoc) -> Result<(), StorageError> {
        let from = meta.schema_version;
        let mut before: BTreeMap<String, String> = BTreeMap::new();
        for k in self.backend.keys()? {
            if k.starts_with(PREFIX) && !k.starts_with("bo.premigration.") {
                if let Some(v) = self.backend.get(&k)? {
                    before.insert(k, v);
                }
            }
        }
        let mut docs = Docs::new();
        for k in before.keys() {
            let Some(name) = doc_name(k) else { continue };
            match self.load_value(name) {
                Ok(Some(v)) => {
                    docs.insert(name.to_string(), v);
                }
                Ok(None) => {}
                Err(u) => {
                    self.unreadable.insert(name.to_string(), u);
                }
            }
        }
        (self.schema.migrate)(&mut docs, from).map_err(StorageError::Other)?;
        let copy = codec::pack(&codec::deflate(serde_json::to_string(&before).expect("strings serialise").as_bytes()));
        let mut txn = Txn::new(self.backend.as_ref());
        let result = (|| {
            txn.set(&premigration_key(from), &copy)?;
            for (name, data) in &docs {
                let rev = meta.revisions.get(name).copied().unwrap_or(0) + 1;
                let old = self.head(name).ok().flatten().unwrap_or_default();
                self.write_one(&mut txn, name, rev, Write::Whole(data.clone()), old)?;
                meta.revisions.insert(name.clone(), rev);
            }
            meta.schema_version = self.schema.current;
            txn.set(META_KEY, &serde_json::to_string(&meta).expect("meta serialises"))
        })();
        if let Err(e) = result {
            txn.rollback();
            return Err(e);
        }
        Ok(())
    }

    /// The keys as they were before the migration from schema `from`, if it is kept.
    pub fn premigration_copy(&self, from: u32) -> Option<BTreeMap<String, String>> {
        let packed = self.backend.get(&premigration_key(from)).ok()??;
        let json = codec::inflate(&codec::unpack(&packed).ok()?).ok()?;
        serde_json::from_slice(&json).ok()
    }

    /// Counts the origin's usage afresh (after another tab wrote, or a refusal).
    pub fn rescan(&mut self) {
        self.used = Some(usage(self.backend.as_ref()));
    }

    pub fn used_chars(&mut self) -> usize {
        match self.used {
            Some(u) => u,
            None => {
                self.rescan();
                self.used.unwrap_or_default()
            }
        }
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The schema of the newer build whose data made this store read-only, if that is why.
    pub fn newer_schema(&self) -> Option<u32> {
        self.newer
    }

    pub fn unreadable(&self) -> &BTreeMap<String, Unreadable> {
        &self.unreadable
    }

    pub fn backend(&self) -> &dyn Backend {
        self.backend.as_ref()
    }

    /// A collection as one JSON value, without touching what this tab knows. A list's
    /// unreadable chunks are left out and reported under `name.id`; `Err` when the head
    /// itself cannot be read.
    fn load_value(&mut self, name: &str) -> Result<Option<Value>, Unreadable> {
        let raw = match self.backend.get(&doc_key(name)) {
            Ok(Some(r)) => r,
            Ok(None) => return Ok(None),
            Err(e) => return Err(Unreadable { raw: String::new(), error: e.to_string() }),
        };
        let head: Head = from_json(&raw).map_err(|e| Unreadable { raw: raw.clone(), error: e.to_string() })?;
        if let Some(data) = head.data {
            return Ok(Some(data));
        }
        let label_prefix = format!("{name}.");
        self.unreadable.retain(|k, _| !k.starts_with(&label_prefix));
        let mut patch = self.read_patch(name, &head).map_err(|e| Unreadable { raw: String::new(), error: e.to_string() })?;
        let mut rows = vec![];
        for (id, _) in head.chunks.unwrap_or_default() {
            match self.read_chunk(name, id) {
                Ok(Ok(c)) => rows.append(&mut patched(c, id, &mut patch).into_rows()),
                Ok(Err((text, error))) => {
                    self.unreadable.insert(chunk_label(name, id), Unreadable { raw: text.unwrap_or_default(), error });
                }
                Err(e) => {
                    self.unreadable.insert(chunk_label(name, id), Unreadable { raw: String::new(), error: e.to_string() });
                }
            }
        }
        self.hold_patch(name, head.patch, head.patched.as_ref()).map_err(|e| Unreadable { raw: String::new(), error: e.to_string() })?;
        Ok(Some(Value::Array(rows)))
    }

    /// Loads and decodes a collection, remembering its revision. Text that does not decode
    /// is kept aside as unreadable: the whole collection if its head is broken, else only
    /// the broken chunks (the rest of the list loads).
    pub fn load<T: DeserializeOwned>(&mut self, name: &str) -> Result<Option<T>, StorageError> {
        let mut out = None;
        self.load_with(name, &mut |v| serde_json::from_value(v).map(|t| out = Some(t)).map_err(|e| e.to_string()))?;
        Ok(out)
    }

    /// A list stored whole (schema 2), read by the record reader of stored chunks, so each
    /// record type has one reader in the wasm.
    fn load_with(&mut self, name: &str, read: &mut dyn FnMut(Value) -> Result<(), String>) -> Result<(), StorageError> {
        let rev = self.stored_rev(name);
        let value = match self.load_value(name) {
            Ok(v) => v,
            Err(u) => {
                self.unreadable.insert(name.into(), u);
                return Ok(());
            }
        };
        self.known.insert(name.into(), rev.unwrap_or(0));
        let Some(value) = value else {
            self.unreadable.remove(name);
            return Ok(());
        };
        match read(value) {
            Ok(()) => {
                self.unreadable.remove(name);
            }
            Err(error) => {
                let raw = self.backend.get(&doc_key(name))?.unwrap_or_default();
                self.unreadable.insert(name.into(), Unreadable { raw, error });
            }
        }
        Ok(())
    }

    /// Loads a list chunk by chunk, straight into records: a chunk that does not decode,
    /// or holds a record of the wrong shape, is kept aside alone; the rest of the list loads.
    pub fn load_list<E: FromRow>(&mut self, name: &str) -> Result<Option<Vec<E>>, StorageError> {
        let mut out = Vec::new();
        // Another list's read leaves it be: its decoding may still be under way.
        let ahead = if self.prefetched.as_ref().is_some_and(|p| p.name == name) { self.prefetched.take() } else { None };
        let found = self.load_columns_from(name, ahead, &mut |c| c.rows_of::<E>().map(|mut rows| out.append(&mut rows)))?;
        Ok(found.then_some(out))
    }

    /// Decodes a list's chunks now, so that reading it later (`load_list`) only makes its
    /// records: at start the first screen's list is decoded while the code that shows it is
    /// still downloading. What is kept is used only if the list has not been written since;
    /// one list is kept at a time.
    pub fn prefetch(&mut self, name: &str) {
        self.prefetch_begin(name);
        self.prefetch_more(usize::MAX);
    }

    /// [`Db::prefetch`] in steps, so that the browser can run other tasks between them
    /// (at start: compiling the code of the first screen's area). A read of the list
    /// before the last step takes the chunks decoded so far and reads the others itself.
    pub fn prefetch_begin(&mut self, name: &str) {
        self.prefetched = None;
        let Ok(Some(head)) = self.head(name) else { return };
        if head.data.is_none() {
            let ids = head.chunks.unwrap_or_default().into_iter().map(|(id, _)| id).collect();
            self.prefetched = Some(Prefetched { name: name.to_string(), rev: head.rev, ids, chunks: vec![] });
        }
    }

    /// Decodes up to `count` more chunks of the list begun by [`Db::prefetch_begin`];
    /// false once there is nothing left to decode (or the list was read or written since).
    pub fn prefetch_more(&mut self, count: usize) -> bool {
        let Some(mut p) = self.prefetched.take() else { return false };
        for _ in 0..count {
            let Some(&id) = p.ids.get(p.chunks.len()) else { break };
            match self.read_chunk(&p.name, id) {
                Ok(c) => p.chunks.push(c),
                // A store that cannot be read now is left to the read itself, which says so.
                Err(_) => return false,
            }
        }
        let more = p.chunks.len() < p.ids.len();
        self.prefetched = Some(p);
        more
    }

    /// One stored chunk's columns, or its stored text (if any) and why it does not decode.
    fn read_chunk(&self, name: &str, id: u32) -> Result<ChunkRead, StorageError> {
        let text = self.backend.get(&chunk_key(name, id))?;
        // Stored as `<revision>;<columns>`.
        let decoded = match text.as_deref() {
            Some(t) => t.split_once(';').ok_or_else(|| "no revision".to_string()).and_then(|(_, p)| codec::decode_columns(p)),
            None => Err("missing".to_string()),
        };
        Ok(decoded.map_err(|e| (text, e)))
    }

    /// The list's patch ([`Patched`]) and its records; `None` when it has none, or when its
    /// chunk cannot be read, which is then reported under its label and stops writes to the
    /// list until the user has downloaded and discarded it.
    fn read_patch(&mut self, name: &str, head: &Head) -> Result<Option<(Patched, Columns)>, StorageError> {
        let (Some(id), Some(at)) = (&head.patch, &head.patched) else { return Ok(None) };
        let error = match self.read_chunk(name, *id)? {
            Ok(c) if c.len() == at.len() => return Ok(Some((at.clone(), c))),
            Ok(_) => "the patch does not match its list".to_string(),
            Err((_, e)) => e,
        };
        let raw = self.backend.get(&chunk_key(name, *id))?.unwrap_or_default();
        self.unreadable.insert(chunk_label(name, *id), Unreadable { raw, error });
        Ok(None)
    }

    /// A patch naming a chunk that did not read holds the newest copy of some of its records:
    /// it is reported with that chunk, so that writes to the list, which would fold it away,
    /// wait until the user has it.
    fn hold_patch(&mut self, name: &str, id: Option<u32>, at: Option<&Patched>) -> Result<(), StorageError> {
        let (Some(id), Some(at)) = (id, at) else { return Ok(()) };
        let label = chunk_label(name, id);
        if !self.unreadable.contains_key(&label) && at.iter().any(|(c, _)| self.unreadable.contains_key(&chunk_label(name, *c))) {
            let raw = self.backend.get(&chunk_key(name, id))?.unwrap_or_default();
            self.unreadable.insert(label, Unreadable { raw, error: HOLDS_UNREADABLE.into() });
        }
        Ok(())
    }

    /// What the screens show about a list none of them has read, from its stored columns
    /// without making records: how many rows have a value in `present` (its trash), and
    /// the earliest time in `earliest` (its oldest record).
    pub fn summary(&mut self, name: &str, present: &str, earliest: &str) -> Result<Summary, StorageError> {
        let mut sum = Summary::default();
        self.load_columns(name, &mut |c| {
            sum.present += c.count_present(present);
            sum.earliest_ms = sum.earliest_ms.into_iter().chain(c.earliest(earliest)).min();
            Ok(())
        })?;
        Ok(sum)
    }

    /// The records of a list's last chunk and how many come before it, read without the
    /// rest of the list: all that appending to a log needs (its next entries fill that chunk
    /// and start new ones). `Ok(None)` when the list is absent; `Err` when its head or that
    /// chunk cannot be read, so the caller leaves the list alone.
    pub fn load_last(&mut self, name: &str) -> Result<Option<(usize, Vec<Value>)>, StorageError> {
        let unreadable = || StorageError::Unreadable(name.to_string());
        let Some(head) = self.head(name).map_err(|_| unreadable())? else {
            self.known.insert(name.into(), 0);
            return Ok(None);
        };
        // Stored whole (schema 2) or by a newer build: not something to add to.
        if head.data.is_some() || head.schema > self.schema.current {
            return Err(unreadable());
        }
        // A log is only appended to, so it never has a patch: one found is not added to.
        // Nor is a log with a chunk known not to read: the store would rewrite it whole,
        // from records this read does not have.
        let label_prefix = format!("{name}.");
        if head.patch.is_some() || self.unreadable.keys().any(|k| k == name || k.starts_with(&label_prefix)) {
            return Err(unreadable());
        }
        let chunks = head.chunks.unwrap_or_default();
        let rows = match chunks.last() {
            None => vec![],
            Some((id, n)) => {
                let text = self.backend.get(&chunk_key(name, *id))?.ok_or_else(unreadable)?;
                let rows = decode_chunk(&text).map_err(|_| unreadable())?;
                if rows.len() != *n {
                    return Err(unreadable());
                }
                rows
            }
        };
        let before = chunks.iter().rev().skip(1).map(|(_, n)| n).sum();
        self.known.insert(name.into(), head.rev);
        Ok(Some((before, rows)))
    }

    /// Reads a list chunk by chunk, handing each chunk's columns to `take` (the one typed
    /// step, kept out of here so this is not compiled again for every record type); false
    /// when the list is absent or unreadable as a whole.
    fn load_columns(&mut self, name: &str, take: &mut dyn FnMut(Columns) -> Result<(), (usize, String)>) -> Result<bool, StorageError> {
        self.load_columns_from(name, None, take)
    }

    /// `load_columns`, taking the chunks in `ahead` as decoded when they were decoded from
    /// the head this reads (same revision, same chunks).
    fn load_columns_from(
        &mut self,
        name: &str,
        ahead: Option<Prefetched>,
        take: &mut dyn FnMut(Columns) -> Result<(), (usize, String)>,
    ) -> Result<bool, StorageError> {
        let head = match self.head(name) {
            Ok(Some(h)) if h.data.is_none() => h,
            // Absent, unreadable or stored whole (schema 2): the general path says which.
            _ => {
                let mut found = false;
                self.load_with(name, &mut |v| {
                    take(Columns::deserialize(v).map_err(|e| e.to_string())?).map_err(|(i, e)| format!("#{}: {e}", i + 1))?;
                    found = true;
                    Ok(())
                })?;
                return Ok(found);
            }
        };
        self.known.insert(name.into(), head.rev);
        self.unreadable.remove(name);
        let label_prefix = format!("{name}.");
        self.unreadable.retain(|k, _| !k.starts_with(&label_prefix));
        let mut patch = self.read_patch(name, &head)?;
        let chunks = head.chunks.unwrap_or_default();
        // Decoded ahead from this very head: its first chunks, in the head's order.
        let mut ahead =
            ahead.filter(|a| a.rev == head.rev && a.ids.iter().eq(chunks.iter().map(|(id, _)| id))).map(|a| a.chunks.into_iter());
        for (id, _) in chunks {
            let decoded = match ahead.as_mut().and_then(Iterator::next) {
                Some(done) => done,
                None => self.read_chunk(name, id)?,
            };
            let decoded = decoded.map(|c| patched(c, id, &mut patch));
            let taken = decoded.and_then(|c| take(c).map_err(|(_, e)| (None, e)));
            if let Err((text, error)) = taken {
                // A chunk whose records do not fit the type is kept as stored.
                let raw = match text {
                    Some(t) => t,
                    None => self.backend.get(&chunk_key(name, id))?.unwrap_or_default(),
                };
                self.unreadable.insert(chunk_label(name, id), Unreadable { raw, error });
            }
        }
        self.hold_patch(name, head.patch, head.patched.as_ref())?;
        Ok(true)
    }

    /// Writes one collection whole (a list is cut into fresh chunks).
    pub fn save<T: Serialize + ?Sized>(&mut self, name: &str, data: &T) -> Result<u64, StorageError> {
        let v = serde_json::to_value(data).map_err(|e| StorageError::Other(e.to_string()))?;
        self.write(vec![(name, Write::Whole(v))]).map(|r| r[0])
    }

    /// Writes the chunks of a list that `edit` touches, and its head.
    pub fn save_edit<E: Serialize>(&mut self, name: &str, all: &[E], edit: &Edit) -> Result<u64, StorageError> {
        let rows = |r: std::ops::Range<usize>| records_as_columns(&all[r]);
        self.write(vec![(name, Write::List { len: all.len(), rows: &rows, edit })]).map(|r| r[0])
    }

    /// Writes several collections, given as JSON text, all-or-nothing.
    pub fn save_many(&mut self, docs: &[(&str, &str)]) -> Result<Vec<u64>, StorageError> {
        let mut writes = vec![];
        for (name, json) in docs {
            let v = from_json(json).map_err(|e| StorageError::Other(e.to_string()))?;
            writes.push((*name, Write::Whole(v)));
        }
        self.write(writes)
    }

    /// The one write path: checks revisions, writes chunks then heads then meta, and on
    /// any failure puts every key back as it was.
    pub fn write(&mut self, docs: Vec<(&str, Write)>) -> Result<Vec<u64>, StorageError> {
        if self.read_only {
            return Err(StorageError::ReadOnly);
        }
        self.prefetched = None;
        if let Some((name, _)) = docs.iter().find(|(n, _)| self.unreadable.contains_key(*n)) {
            return Err(StorageError::Unreadable(name.to_string()));
        }
        // Each key is read once: what is read here is also what a rollback restores.
        let mut txn = Txn::new(self.backend.as_ref());
        let mut meta: MetaDoc =
            from_json(txn.before(META_KEY)?.unwrap_or_default()).map_err(|e| StorageError::Other(format!("meta: {e}")))?;
        if meta.schema_version > self.schema.current {
            // A newer build took the store over since this tab opened it.
            self.read_only = true;
            self.newer = Some(meta.schema_version);
            return Err(StorageError::ReadOnly);
        }
        let mut revs = vec![];
        let mut heads = vec![];
        for (name, _) in &docs {
            let head: Head = match txn.before(&doc_key(name))? {
                None => Head::default(),
                Some(raw) => from_json(raw).map_err(|_| StorageError::Unreadable(name.to_string()))?,
            };
            if head.schema > self.schema.current {
                // Written by a newer build since this one opened the store: from now on
                // this tab only reads.
                self.read_only = true;
                self.newer = Some(head.schema);
                return Err(StorageError::ReadOnly);
            }
            if head.rev != self.known.get(*name).copied().unwrap_or(0) {
                return Err(StorageError::Conflict(name.to_string()));
            }
            revs.push(head.rev + 1);
            heads.push(head);
        }
        let names: Vec<String> = docs.iter().map(|(n, _)| n.to_string()).collect();
        let result = (|| {
            for (((name, w), rev), head) in docs.into_iter().zip(&revs).zip(heads) {
                self.write_one(&mut txn, name, *rev, w, head)?;
                meta.revisions.insert(name.to_string(), *rev);
            }
            txn.set(META_KEY, &serde_json::to_string(&meta).expect("meta serialises"))
        })();
        if let Err(e) = result {
            txn.rollback();
            return Err(e);
        }
        let delta = txn.commit();
        self.used = self.used.map(|u| u.saturating_add_signed(delta));
        for (name, rev) in names.into_iter().zip(&revs) {
            self.known.insert(name, *rev);
        }
        Ok(revs)
    }

    fn write_one(&self, txn: &mut Txn, name: &str, rev: u64, w: Write, old: Head) -> Result<(), StorageError> {
        type RowsFn<'a> = &'a dyn Fn(std::ops::Range<usize>) -> Columns;
        // A patch that cannot be read holds saved records no chunk has: kept until the user
        // has it (the notice of unreadable data), so nothing is written over it.
        if old.patch.is_some_and(|id| self.unreadable.contains_key(&chunk_label(name, id))) {
            return Err(StorageError::Unreadable(name.to_string()));
        }
        let (len, edit_all, whole, rows_fn): (usize, Edit, Option<Vec<Value>>, Option<RowsFn>) = match w {
            Write::Whole(Value::Array(rows)) => (rows.len(), Edit::all(), Some(rows), None),
            Write::Whole(doc) => {
                // A document: inline in its head; any chunks of an earlier list go.
                for id in old.chunks.unwrap_or_default().into_iter().map(|(id, _)| id).chain(old.patch) {
                    txn.remove(&chunk_key(name, id))?;
                }
                let head = Head { schema: self.schema.current, rev, data: Some(doc), ..Default::default() };
                return txn.set(&doc_key(name), &head_json(&head));
            }
            Write::List { len, rows, edit } => (len, edit.clone(), None, Some(rows)),
        };
        let slots: Vec<Slot> = old
            .chunks
            .clone()
            .unwrap_or_default()
            .into_iter()
            .map(|(id, n)| Slot { id, n, bad: self.unreadable.contains_key(&chunk_label(name, id)) })
            .collect();
        // A list stored inline (schema 2) has no chunks yet: it is rewritten whole.
        let edit = if old.data.is_some() { Edit::all() } else { edit_all };
        let per = self.schema.chunk_records(name);
        // Records replaced go into the patch, and only a chunk it outgrows is rewritten;
        // records added go into the last chunk and new ones, which moves no record, so the
        // patch stays. Records removed move those after them: the chunks the patch held are
        // rewritten. A list of small chunks (the audit trail, only added to) has little to
        // save by a patch.
        let old_at = old.patched.unwrap_or_default();
        let live: usize = slots.iter().map(Slot::live).sum();
        let keeps_patch = edit.removed.is_empty() && !edit.all && rows_fn.is_some() && per > 2 * PATCH && len == live + edit.appended;
        let kept = keeps_patch.then(|| {
            let replaced: Vec<usize> = edit.replaced.iter().copied().filter(|p| *p < live).collect();
            repatch(&slots, &old_at, &replaced, PATCH)
        });
        let (patch, positions, p) = match kept.flatten() {
            Some((patch, positions, fold)) => (patch, positions, plan(&slots, old.next, len, &Edit::appended(edit.appended), per, &fold)),
            None => {
                let fold: Vec<u32> = old_at.iter().map(|(c, _)| *c).collect();
                (vec![], vec![], plan(&slots, old.next, len, &edit, per, &fold))
            }
        };
        // The patch keeps its key while it holds records; a new one takes the next id.
        let mut next = p.next;
        let patch_id = (!patch.is_empty()).then(|| {
            old.patch.unwrap_or_else(|| {
                next += 1;
                next - 1
            })
        });
        let rows_at = |range: std::ops::Range<usize>| match (&whole, rows_fn) {
            (Some(all), _) => Columns::from_values(&all[range]),
            (None, Some(f)) => f(range),
            _ => unreachable!(),
        };
        // Keys that go are removed first, so their room is free for what is written.
        let removed = p.delete.iter().copied().chain(old.patch.filter(|_| patch_id.is_none())).map(|id| (id, None));
        let written = p.write.iter().map(|(id, range)| (*id, Some(rows_at(range.clone()))));
        let patched = patch_id.map(|id| {
            let mut rows = Columns::default();
            positions.iter().for_each(|&p| rows.append(rows_at(p..p + 1)));
            (id, Some(rows))
        });
        for (id, rows) in removed.chain(written).chain(patched) {
            let key = chunk_key(name, id);
            // Written after the head being replaced (by another tab whose head has not
            // arrived yet): newer than what this write starts from. Not `known`: a migration
            // rewrites lists this tab has not read yet.
            if txn.before(&key)?.and_then(chunk_rev).is_some_and(|r| r > old.rev) {
                return Err(StorageError::Conflict(name.to_string()));
            }
            match rows {
                None => txn.remove(&key)?,
                Some(rows) => txn.set(&key, &chunk_text(rev, rows))?,
            }
        }
        let head = Head {
            schema: self.schema.current,
            rev,
            data: None,
            chunks: Some(p.slots.iter().map(|s| (s.id, s.n)).collect()),
            next,
            patched: patch_id.map(|_| patch),
            patch: patch_id,
        };
        txn.set(&doc_key(name), &head_json(&head))
    }

    /// Gives up an unreadable collection or chunk (after the user downloaded it).
    pub fn discard_unreadable(&mut self, name: &str) -> Result<(), StorageError> {
        self.prefetched = None;
        // What a newer build wrote may well be what this one cannot read: never removed here,
        // nor when a newer build took the store over since this tab opened it.
        if self.read_only {
            return Err(StorageError::ReadOnly);
        }
        let stored = self.read_meta().map_or(0, |m| m.schema_version).max(self.newest_head_schema()?);
        if stored > self.schema.current {
            self.read_only = true;
            self.newer = Some(stored);
            return Err(StorageError::ReadOnly);
        }
        if name == "meta" {
            self.backend.remove(META_ASIDE_KEY)?;
        } else if let Some((list, id)) = name.rsplit_once('.').and_then(|(l, i)| Some((l, i.parse::<u32>().ok()?))) {
            // One chunk: its key goes and the head forgets it; the rest of the list stays.
            if let Ok(Some(mut head)) = self.head(list) {
                if let Some(chunks) = head.chunks.as_mut() {
                    chunks.retain(|(c, _)| *c != id);
                }
                head.rev += 1;
                if head.patch == Some(id) {
                    self.fold_patch(list, &head)?;
                    (head.patch, head.patched) = (None, None);
                }
                self.backend.set(&doc_key(list), &head_json(&head))?;
                self.known.insert(list.into(), head.rev);
            }
            self.backend.remove(&chunk_key(list, id))?;
        } else {
            for k in self.backend.keys()? {
                if k.starts_with(&chunk_prefix(name)) {
                    self.backend.remove(&k)?;
                }
            }
            self.backend.remove(&doc_key(name))?;
            self.known.insert(name.into(), 0);
        }
        self.unreadable.remove(name);
        self.rescan();
        Ok(())
    }

    /// Puts the records of a patch being let go into the chunks they belong to that read
    /// (written as revision `head.rev`): only those of chunks that do not read go with it. Each
    /// chunk holds them before the head stops naming the patch, and putting them in twice
    /// changes nothing, so a write refused halfway loses nothing.
    fn fold_patch(&mut self, list: &str, head: &Head) -> Result<(), StorageError> {
        let (Some(id), Some(at)) = (head.patch, &head.patched) else { return Ok(()) };
        // A patch that does not read, or does not match its list, holds nothing to keep.
        let saved = match self.read_chunk(list, id)? {
            Ok(saved) if saved.len() == at.len() => saved,
            _ => return Ok(()),
        };
        let mut patch = Some((at.clone(), saved));
        let mut ids: Vec<u32> = at.iter().map(|(c, _)| *c).collect();
        crate::sort::sort_by(&mut ids, |a, b| a.cmp(b));
        ids.dedup();
        for c in ids {
            if self.unreadable.contains_key(&chunk_label(list, c)) {
                continue;
            }
            if let Ok(cols) = self.read_chunk(list, c)? {
                self.backend.set(&chunk_key(list, c), &chunk_text(head.rev, patched(cols, c, &mut patch)))?;
            }
        }
        Ok(())
    }

    /// Removes every key of the app and starts a fresh, empty store.
    pub fn reset_all(&mut self) -> Result<(), StorageError> {
        self.prefetched = None;
        // The browser stays the same: its new records go on naming the same node.
        let node = self.read_meta().ok().and_then(|m| m.node);
        // An encrypted store stays encrypted under the same passphrase: its lock is kept,
        // or what is saved next would be sealed by a key no longer kept anywhere.
        for k in self.backend.keys()? {
            if k.starts_with(PREFIX) && k != super::sealed::LOCK_KEY {
                self.backend.remove(&k)?;
            }
        }
        self.known.clear();
        self.unreadable.clear();
        self.read_only = false;
        self.newer = None;
        let m = MetaDoc { schema_version: self.schema.current, node, ..Default::default() };
        self.backend.set(META_KEY, &serde_json::to_string(&m).expect("meta serialises"))?;
        self.rescan();
        Ok(())
    }

    pub fn last_backup(&self) -> Option<DateTime<Utc>> {
        self.read_meta().ok()?.last_backup_at
    }

    pub fn set_last_backup(&mut self, at: DateTime<Utc>) -> Result<(), StorageError> {
        self.update_meta(|m| m.last_backup_at = Some(at))
    }

    /// Backups autosave keeps in its folder; 0 when autosave is off.
    pub fn autosave_keep(&self) -> u32 {
        self.read_meta().map_or(0, |m| m.autosave_keep)
    }

    pub fn set_autosave_keep(&mut self, keep: u32) -> Result<(), StorageError> {
        self.update_meta(|m| m.autosave_keep = keep)
    }

    /// The node this browser's record ids carry: the stored one, else `fresh()`, kept for
    /// the next visit when the store can be written (a read-only store uses it for now).
    pub fn browser_node(&mut self, fresh: impl FnOnce() -> u64) -> u64 {
        if let Some(n) = self.read_meta().ok().and_then(|m| m.node).and_then(|h| u64::from_str_radix(&h, 16).ok()) {
            return n;
        }
        let n = fresh();
        let _ = self.update_meta(|m| m.node = Some(format!("{n:016x}")));
        n
    }

    fn update_meta(&mut self, change: impl FnOnce(&mut MetaDoc)) -> Result<(), StorageError> {
        if self.read_only {
            return Err(StorageError::ReadOnly);
        }
        let mut m = self.read_meta()?;
        change(&mut m);
        self.backend.set(META_KEY, &serde_json::to_string(&m).expect("meta serialises"))?;
        self.rescan();
        Ok(())
    }

    /// True when another tab wrote this collection since we read it.
    pub fn is_stale(&self, name: &str) -> bool {
        self.stored_rev(name).unwrap_or(0) != self.known.get(name).copied().unwrap_or(0)
    }
}

fn premigration_key(from: u32) -> String {
    format!("bo.premigration.v{from}")
}
