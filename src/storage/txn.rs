//! A group of key writes that either all stay or are all undone.
use std::collections::BTreeMap;

use super::{chars, Backend, StorageError};

pub struct Txn<'a> {
    backend: &'a dyn Backend,
    /// Each touched key's text before the first write to it.
    before: BTreeMap<String, Option<String>>,
    /// Characters added (or freed) by the writes so far, keys included.
    delta: isize,
}

fn size(key: &str, value: Option<&str>) -> isize {
    value.map_or(0, |v| (chars(key) + chars(v)) as isize)
}

impl<'a> Txn<'a> {
    pub fn new(backend: &'a dyn Backend) -> Self {
        Txn { backend, before: BTreeMap::new(), delta: 0 }
    }

    pub fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.backend.get(key)
    }

    fn remember(&mut self, key: &str) -> Result<Option<String>, StorageError> {
        let now = self.backend.get(key)?;
        if !self.before.contains_key(key) {
            self.before.insert(key.to_string(), now.clone());
        }
        Ok(now)
    }

    pub fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        let now = self.remember(key)?;
        self.backend.set(key, value)?;
        self.delta += size(key, Some(value)) - size(key, now.as_deref());
        Ok(())
    }

    pub fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        let now = self.remember(key)?;
        self.backend.remove(key)?;
        self.delta -= size(key, now.as_deref());
        Ok(())
    }

    /// Puts every touched key back; freed space comes first so the restore itself fits.
    pub fn rollback(self) {
        let (gone, back): (Vec<_>, Vec<_>) = self.before.into_iter().partition(|(_, v)| v.is_none());
        for (k, _) in gone {
            let _ = self.backend.remove(&k);
        }
        for (k, v) in back {
            let _ = self.backend.set(&k, v.as_deref().unwrap_or_default());
        }
    }

    /// Keeps the writes; returns the change in characters used.
    pub fn commit(self) -> isize {
        self.delta
    }
}
