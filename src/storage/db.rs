use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::value::RawValue;

use super::{chars, doc_key, doc_name, usage, Backend, StorageError, META_KEY, PREFIX};
use crate::domain::schema::{self, Docs};

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct MetaDoc {
    schema_version: u32,
    #[serde(default)]
    revisions: BTreeMap<String, u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_backup_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    #[test]
    fn rev_is_read_from_the_head() {
        assert_eq!(super::peek_rev(r#"{"schema":2,"rev":41,"data":[{"rev":1}]}"#), Some(41));
        assert_eq!(super::peek_rev("garbage"), None);
    }
}

#[derive(Deserialize)]
struct Envelope<'a> {
    schema: u32,
    rev: u64,
    #[serde(borrow)]
    data: &'a RawValue,
}

/// The revision at the head of an envelope, read without parsing the (large) data.
/// Revisions come from the envelope, not the meta key: the two are separate keys, and
/// another tab's writes reach this one key by key, so only the envelope's own revision
/// is always in step with its data.
fn peek_rev(raw: &str) -> Option<u64> {
    let head = raw.get(..raw.find(",\"data\":")?)?;
    let rest = &head[head.find("\"rev\":")? + 6..];
    rest.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

/// Length of [`envelope`]'s result, without building it again.
fn envelope_len(rev: u64, data_json: &str) -> usize {
    chars(data_json) + 27 + rev.to_string().len()
}

fn envelope(rev: u64, data_json: &str) -> String {
    format!("{{\"schema\":{},\"rev\":{rev},\"data\":{data_json}}}", schema::CURRENT)
}

const _: () = assert!(schema::CURRENT < 10, "envelope_len counts one digit of schema");

/// Stored text that could not be read, kept so the user can download it.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub raw: String,
    pub error: String,
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

pub struct Db {
    backend: Box<dyn Backend>,
    /// The revision of each collection as this tab last read or wrote it.
    known: BTreeMap<String, u64>,
    read_only: bool,
    unreadable: BTreeMap<String, Unreadable>,
    /// Characters the origin uses, kept up to date by our writes so a save need not rescan.
    used: usize,
}

impl Db {
    pub fn open(backend: Box<dyn Backend>) -> Result<(Db, OpenReport), StorageError> {
        let mut db = Db { backend, known: BTreeMap::new(), read_only: false, unreadable: BTreeMap::new(), used: 0 };
        let mut report = OpenReport::default();
        let meta = match db.backend.get(META_KEY)? {
            Some(raw) => match serde_json::from_str::<MetaDoc>(&raw) {
                Ok(m) => m,
                Err(e) => {
                    // Keep the broken text aside, then rebuild from the collections' own envelopes.
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
        if meta.schema_version > schema::CURRENT {
            db.read_only = true;
            report.newer = Some(meta.schema_version);
        } else if meta.schema_version < schema::CURRENT {
            report.migrated_from = Some(meta.schema_version);
            if let Err(e) = db.migrate(meta) {
                db.read_only = true;
                report.migration_failed = Some(e.to_string());
            }
        }
        db.rescan();
        Ok((db, report))
    }

    fn doc_keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.backend.keys()?.into_iter().filter(|k| doc_name(k).is_some()).collect())
    }

    /// Meta from the envelopes alone: each collection's revision and the newest schema seen.
    fn rebuild_meta(&self) -> Result<MetaDoc, StorageError> {
        let mut m = MetaDoc { schema_version: 0, ..Default::default() };
        for key in self.doc_keys()? {
            let raw = self.backend.get(&key)?.unwrap_or_default();
            if let Ok(env) = serde_json::from_str::<Envelope>(&raw) {
                m.schema_version = m.schema_version.max(env.schema);
                m.revisions.insert(doc_name(&key).unwrap_or_default().to_string(), env.rev);
            }
        }
        if m.schema_version == 0 {
            m.schema_version = schema::CURRENT;
        }
        Ok(m)
    }

    fn read_meta(&self) -> Result<MetaDoc, StorageError> {
        let raw = self.backend.get(META_KEY)?.unwrap_or_default();
        serde_json::from_str(&raw).map_err(|e| StorageError::Other(format!("meta: {e}")))
    }

    fn write_meta(&self, m: &MetaDoc) -> Result<(), StorageError> {
        self.backend.set(META_KEY, &serde_json::to_string(m).expect("meta serialises"))
    }

    /// Upgrades every collection, keeping the raw keys from before under `bo.premigration.vN`.
    /// Either all of it is written or, on failure, the store is put back as it was.
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
        for (k, raw) in &before {
            let Some(name) = doc_name(k) else { continue };
            match serde_json::from_str::<Envelope>(raw).and_then(|e| serde_json::from_str(e.data.get())) {
                Ok(v) => {
                    docs.insert(name.to_string(), v);
                }
                Err(e) => {
                    self.unreadable.insert(name.to_string(), Unreadable { raw: raw.clone(), error: e.to_string() });
                }
            }
        }
        let aside_key = format!("bo.premigration.v{from}");
        self.backend.set(&aside_key, &serde_json::to_string(&before).expect("strings serialise"))?;
        schema::migrate(&mut docs, from).map_err(StorageError::Other)?;
        let result = (|| {
            for (name, data) in &docs {
                let rev = meta.revisions.get(name).copied().unwrap_or(0) + 1;
                self.backend.set(&doc_key(name), &envelope(rev, &data.to_string()))?;
                meta.revisions.insert(name.clone(), rev);
            }
            meta.schema_version = schema::CURRENT;
            self.write_meta(&meta)
        })();
        if let Err(e) = result {
            for (k, v) in &before {
                let _ = self.backend.set(k, v);
            }
            let _ = self.backend.remove(&aside_key);
            return Err(e);
        }
        Ok(())
    }

    /// Counts the origin's usage afresh (after another tab wrote, or a refusal).
    pub fn rescan(&mut self) {
        self.used = usage(self.backend.as_ref());
    }

    pub fn used_chars(&self) -> usize {
        self.used
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn unreadable(&self) -> &BTreeMap<String, Unreadable> {
        &self.unreadable
    }

    pub fn backend(&self) -> &dyn Backend {
        self.backend.as_ref()
    }

    /// The collection's data as JSON text; `None` when absent or unreadable (see [`Db::unreadable`]).
    pub fn load_raw(&mut self, name: &str) -> Result<Option<String>, StorageError> {
        let Some(raw) = self.backend.get(&doc_key(name))? else {
            self.known.insert(name.into(), 0);
            return Ok(None);
        };
        match serde_json::from_str::<Envelope>(&raw) {
            Ok(env) => {
                self.known.insert(name.into(), env.rev);
                self.unreadable.remove(name);
                Ok(Some(env.data.get().to_string()))
            }
            Err(e) => {
                self.unreadable.insert(name.into(), Unreadable { raw, error: e.to_string() });
                Ok(None)
            }
        }
    }

    /// Loads and decodes a collection. Text that does not decode is kept aside as unreadable.
    pub fn load<T: DeserializeOwned>(&mut self, name: &str) -> Result<Option<T>, StorageError> {
        let Some(data) = self.load_raw(name)? else { return Ok(None) };
        match serde_json::from_str(&data) {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                let raw = self.backend.get(&doc_key(name))?.unwrap_or_default();
                self.unreadable.insert(name.into(), Unreadable { raw, error: e.to_string() });
                Ok(None)
            }
        }
    }

    /// Writes one collection at once, refusing if another tab wrote it since we read it.
    pub fn save_raw(&mut self, name: &str, data_json: &str) -> Result<u64, StorageError> {
        self.save_many(&[(name, data_json)]).map(|revs| revs[0])
    }

    pub fn save<T: Serialize + ?Sized>(&mut self, name: &str, data: &T) -> Result<u64, StorageError> {
        let json = serde_json::to_string(data).map_err(|e| StorageError::Other(e.to_string()))?;
        self.save_raw(name, &json)
    }

    /// Writes several collections all-or-nothing: on any failure the earlier ones are put back.
    pub fn save_many(&mut self, docs: &[(&str, &str)]) -> Result<Vec<u64>, StorageError> {
        if self.read_only {
            return Err(StorageError::ReadOnly);
        }
        if let Some((name, _)) = docs.iter().find(|(n, _)| self.unreadable.contains_key(*n)) {
            return Err(StorageError::Unreadable(name.to_string()));
        }
        let meta_raw = self.backend.get(META_KEY)?.unwrap_or_default();
        let mut meta: MetaDoc = serde_json::from_str(&meta_raw).map_err(|e| StorageError::Other(format!("meta: {e}")))?;
        let mut old: Vec<(String, Option<String>)> = vec![];
        let mut stored_revs = vec![];
        for (name, _) in docs {
            let key = doc_key(name);
            let raw = self.backend.get(&key)?;
            let stored = raw.as_deref().map_or(Some(0), peek_rev).unwrap_or(0);
            if stored != self.known.get(*name).copied().unwrap_or(0) {
                return Err(StorageError::Conflict(name.to_string()));
            }
            stored_revs.push(stored);
            old.push((key, raw));
        }
        let mut revs = vec![];
        let result = (|| {
            for ((name, json), stored) in docs.iter().zip(&stored_revs) {
                let key = doc_key(name);
                let rev = stored + 1;
                self.backend.set(&key, &envelope(rev, json))?;
                meta.revisions.insert(name.to_string(), rev);
                revs.push(rev);
            }
            self.write_meta(&meta)
        })();
        if let Err(e) = result {
            for (k, v) in old {
                let _ = match v {
                    Some(v) => self.backend.set(&k, &v),
                    None => self.backend.remove(&k),
                };
            }
            return Err(e);
        }
        for ((name, _), rev) in docs.iter().zip(&revs) {
            self.known.insert(name.to_string(), *rev);
        }
        let new_meta = serde_json::to_string(&meta).expect("meta serialises");
        let mut used = self.used + chars(&new_meta) + (if meta_raw.is_empty() { META_KEY.len() } else { 0 });
        used -= chars(&meta_raw).min(used);
        for (((key, before), (_, json)), rev) in old.iter().zip(docs).zip(&revs) {
            used += envelope_len(*rev, json) + if before.is_none() { chars(key) } else { 0 };
            used -= before.as_deref().map_or(0, chars).min(used);
        }
        self.used = used;
        Ok(revs)
    }

    /// Gives up an unreadable collection (after the user downloaded it): it starts empty.
    pub fn discard_unreadable(&mut self, name: &str) -> Result<(), StorageError> {
        if name == "meta" {
            self.backend.remove(META_ASIDE_KEY)?;
        } else {
            self.backend.remove(&doc_key(name))?;
            self.known.insert(name.into(), 0);
        }
        self.unreadable.remove(name);
        self.rescan();
        Ok(())
    }

    /// Removes every key of the app and starts a fresh, empty store.
    pub fn reset_all(&mut self) -> Result<(), StorageError> {
        for k in self.backend.keys()? {
            if k.starts_with(PREFIX) {
                self.backend.remove(&k)?;
            }
        }
        self.known.clear();
        self.unreadable.clear();
        self.read_only = false;
        self.write_meta(&MetaDoc { schema_version: schema::CURRENT, ..Default::default() })?;
        self.rescan();
        Ok(())
    }

    pub fn last_backup(&self) -> Option<DateTime<Utc>> {
        self.read_meta().ok()?.last_backup_at
    }

    pub fn set_last_backup(&mut self, at: DateTime<Utc>) -> Result<(), StorageError> {
        if self.read_only {
            return Err(StorageError::ReadOnly);
        }
        let mut m = self.read_meta()?;
        m.last_backup_at = Some(at);
        self.write_meta(&m)?;
        self.rescan();
        Ok(())
    }

    /// True when another tab wrote this collection since we read it.
    pub fn is_stale(&self, name: &str) -> bool {
        let stored = self.backend.get(&doc_key(name)).ok().flatten().map_or(Some(0), |r| peek_rev(&r)).unwrap_or(0);
        stored != self.known.get(name).copied().unwrap_or(0)
    }
}
