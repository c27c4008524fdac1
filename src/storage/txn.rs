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

/// What `value` takes in the quota once set under `key`, key included.
fn size(backend: &dyn Backend, key: &str, value: Option<&str>) -> isize {
    value.map_or(0, |v| (chars(key) + backend.stored_chars(key, v)) as isize)
}

impl<'a> Txn<'a> {
    pub fn new(backend: &'a dyn Backend) -> Self {
        Txn { backend, before: BTreeMap::new(), size_now: BTreeMap::new(), delta: 0 }
    }

    /// The key's text before this transaction touched it (read once, then kept).
    pub fn before(&mut self, key: &str) -> Result<Option<&str>, StorageError> {
        if !self.before.contains_key(key) {
            let v = self.backend.get(key)?;
            // As stored, which for a sealed store is not its text's length.
            let stored = match &v {
                Some(read) => (chars(key) + self.backend.stored_len(key, read)?) as isize,
                None => 0,
            };
            self.size_now.insert(key.to_string(), stored);
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
        self.replace_size(key, size(self.backend, key, Some(value)))
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
        let (backend, size_now) = (self.backend, self.size_now);
        let (gone, mut back): (Vec<_>, Vec<_>) = self.before.into_iter().partition(|(_, v)| v.is_none());
        for (k, _) in gone {
            let _ = backend.remove(&k);
        }
        let growth = |(k, v): &(String, Option<String>)| size(backend, k, v.as_deref()) - size_now.get(k).copied().unwrap_or(0);
        crate::sort::sort_by(&mut back, |a, b| growth(a).cmp(&growth(b)));
        for (k, v) in back {
            let _ = backend.set(&k, v.as_deref().unwrap_or_default());
        }
    }

    /// Keeps the writes; returns the change in characters used.
    pub fn commit(self) -> isize {
        self.delta
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::counter;
    use crate::storage::sealed::Sealed;
    use crate::storage::MemoryBackend;

    /// Two keys swap texts whose lengths order the other way once sealed (ASCII seals to
    /// about half its length, wide characters to more than theirs). The undo must free
    /// before it grows by what is stored, not by the texts, or the second restore does not
    /// fit and a key is left as the refused write made it.
    #[test]
    fn a_sealed_stores_undo_near_the_quota_puts_every_key_back() {
        let roomy = MemoryBackend::new(1_000_000);
        let ascii = "a".repeat(1000);
        let wide = "語".repeat(600);
        {
            let sealed = Sealed::encrypt(roomy.clone(), &[1; 32], &[9; 16], counter).unwrap();
            sealed.set("bo.x", &ascii).unwrap();
            sealed.set("bo.y", &wide).unwrap();
        }
        // Room for less than the difference between the two sealed sizes.
        let full = roomy.with_quota(roomy.used() + 50);
        let sealed = Sealed::unlock(full.clone(), &[1; 32], counter).unwrap();
        let (x, y) = (full.size("bo.x").unwrap(), full.size("bo.y").unwrap());
        assert!(y > x + 50, "the test needs the sealed sizes {x} and {y} to differ by more than the room");
        assert_eq!(sealed.stored_chars("bo.x", &ascii), x);
        assert_eq!(sealed.stored_chars("bo.y", &wide), y);

        let mut txn = Txn::new(&sealed);
        txn.set("bo.y", &ascii).unwrap();
        txn.set("bo.x", &wide).unwrap();
        assert_eq!(txn.set("bo.z", &"z".repeat(400)), Err(StorageError::Quota));
        txn.rollback();
        assert_eq!(sealed.get("bo.x").unwrap().as_deref(), Some(ascii.as_str()));
        assert_eq!(sealed.get("bo.y").unwrap().as_deref(), Some(wide.as_str()));
        assert_eq!(sealed.get("bo.z").unwrap(), None);
    }
}
