use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use super::{chars, Backend, StorageError};

/// An in-memory store with a localStorage-like quota. Clones share the same map, so two
/// `Db`s over clones behave like two tabs of one origin.
#[derive(Clone)]
pub struct MemoryBackend {
    map: Rc<RefCell<BTreeMap<String, String>>>,
    /// Characters of all keys and values, kept as they change.
    used: Rc<Cell<usize>>,
    quota: usize,
}

impl MemoryBackend {
    pub fn new(quota_chars: usize) -> Self {
        MemoryBackend { map: Rc::default(), used: Rc::default(), quota: quota_chars }
    }

    /// The same map under another quota: a store that has just so much room left.
    pub fn with_quota(&self, quota_chars: usize) -> Self {
        MemoryBackend { quota: quota_chars, ..self.clone() }
    }

    /// Characters of all keys and values.
    pub fn used(&self) -> usize {
        self.used.get()
    }

    fn size_of(&self, key: &str) -> usize {
        self.map.borrow().get(key).map_or(0, |v| chars(key) + chars(v))
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.map.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        let without = self.used.get() - self.size_of(key);
        let with = without + chars(key) + chars(value);
        if with > self.quota {
            return Err(StorageError::Quota);
        }
        self.map.borrow_mut().insert(key.into(), value.into());
        self.used.set(with);
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.used.set(self.used.get() - self.size_of(key));
        self.map.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.map.borrow().keys().cloned().collect())
    }
}
