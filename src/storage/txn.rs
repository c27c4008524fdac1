//! A group of key writes that either all stay or are all undone.
use std::collections::BTreeMap;

use super::{chars, Backend, StorageError};

pub struct Txn<'a> {
    backend: &'a dyn Backend,
    /// Each touched key's text before the first write to it.
    before: BTreeMap<String, Option<String>>,
    /// Each touched key's size (key and text) now, so a second write need not read it.
    size_now: BTreeMap<String, isize>,
    /// Characters added (or freed) by the writes so far, keys included.
    delta: isize,
}

fn size(key: &str, value: Option<&str>) -> isize {
    value.map_or(0, |v| (chars(key) + chars(v)) as isize)
}

impl<'a> Txn<'a> {
    pub fn new(backend: &'a dyn Backend) -> Self {
        Txn { backend, before: BTreeMap::new(), size_now: BTreeMap::new(), delta: 0 }
    }

    /// The key's text before this transaction touched it (read once, then kept).
    pub fn before(&mut self, key: &str) -> Result<Option<&str>, StorageError> {
        if !self.before.contains_key(key) {
            let v = self.backend.get(key)?;
            self.size_now.insert(key.to_string(), size(key, v.as_deref()));
            self.before.insert(key.to_string(), v);
        }
        Ok(self.before[key].as_deref())
    }

    fn replace_size(&mut self, key: &str, new: isize) -> Result<(), StorageError> {
        self.before(key)?;
        let old = self.size_now.insert(key.to_string(), new).unwrap_or(0);
        self.delta += new - old;
        Ok(())
    }

    pub fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.before(key)?;
        self.backend.set(key, value)?;
        self.replace_size(key, size(key, Some(value)))
    }

    pub fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.before(key)?;
        self.backend.remove(key)?;
        self.replace_size(key, 0)
    }

    /// Puts every touched key back; freed space comes first so the restore itself fits:
    /// keys that did not exist go, then keys are put back starting with those that shrink
    /// most (a key overwritten in place may have grown or shrunk), so the total never goes
    /// above what it was before, which fitted.
    pub fn rollback(self) {
        let size_now = self.size_now;
        let (gone, mut back): (Vec<_>, Vec<_>) = self.before.into_iter().partition(|(_, v)| v.is_none());
        for (k, _) in gone {
            let _ = self.backend.remove(&k);
        }
        let growth = |(k, v): &(String, Option<String>)| size(k, v.as_deref()) - size_now.get(k).copied().unwrap_or(0);
        crate::sort::sort_by(&mut back, |a, b| growth(a).cmp(&growth(b)));
        for (k, v) in back {
            let _ = self.backend.set(&k, v.as_deref().unwrap_or_default());
        }
    }

    /// Keeps the writes; returns the change in characters used.
    pub fn commit(self) -> isize {
        self.delta
    }
}
