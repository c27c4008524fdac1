use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use super::{Backend, StorageError};

/// An in-memory store with a localStorage-like quota. Clones share the same map, so two
/// `Db`s over clones behave like two tabs of one origin.
#[derive(Clone)]
pub struct MemoryBackend {
    map: Rc<RefCell<BTreeMap<String, String>>>,
    quota: usize,
}

impl MemoryBackend {
    pub fn new(quota_chars: usize) -> Self {
        MemoryBackend { map: Rc::default(), quota: quota_chars }
    }
    fn used_without(&self, key: &str) -> usize {
        self.map.borrow().iter().filter(|(k, _)| *k != key).map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count()).sum()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.map.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if self.used_without(key) + key.encode_utf16().count() + value.encode_utf16().count() > self.quota {
            return Err(StorageError::Quota);
        }
        self.map.borrow_mut().insert(key.into(), value.into());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.map.borrow().keys().cloned().collect())
    }
}
