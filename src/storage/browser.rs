use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::JsCast;

use super::{Backend, StorageError};

/// localStorage through gloo-storage. `LocalStorage::raw()` panics when storage is blocked,
/// so availability is probed first and reported as [`StorageError::Unavailable`].
pub struct LocalStorageBackend {
    raw: web_sys::Storage,
    /// `localStorage.getItem`, called directly where only a value's length is wanted.
    get_item: js_sys::Function,
}

fn js_text(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<web_sys::DomException>()
        .map(|d| format!("{}: {}", d.name(), d.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

fn is_quota(e: &wasm_bindgen::JsValue) -> bool {
    e.dyn_ref::<web_sys::DomException>().is_some_and(|d| {
        matches!(d.name().as_str(), "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED") || d.code() == 22 || d.code() == 1014
    })
}

impl LocalStorageBackend {
    pub fn new() -> Result<Self, StorageError> {
        let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(_)) => {
                let raw = LocalStorage::raw();
                let get_item = js_sys::Reflect::get(&raw, &"getItem".into()).map_err(|e| StorageError::Unavailable(js_text(&e)))?;
                Ok(LocalStorageBackend { raw, get_item: get_item.unchecked_into() })
            }
            Ok(None) => Err(StorageError::Unavailable("localStorage is absent".into())),
            Err(e) => Err(StorageError::Unavailable(js_text(&e))),
        }
    }
}

impl Backend for LocalStorageBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.raw.get_item(key).map_err(|e| StorageError::Other(js_text(&e)))
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.raw.set_item(key, value).map_err(|e| if is_quota(&e) { StorageError::Quota } else { StorageError::Other(js_text(&e)) })
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.raw.remove_item(key).map_err(|e| StorageError::Other(js_text(&e)))
    }
    /// The length as JavaScript counts it, without copying megabytes of text into wasm.
    fn size(&self, key: &str) -> Result<usize, StorageError> {
        let v = self.get_item.call1(&self.raw, &key.into()).map_err(|e| StorageError::Other(js_text(&e)))?;
        Ok(v.dyn_ref::<js_sys::JsString>().map_or(0, |s| s.length() as usize))
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let n = LocalStorage::length();
        Ok((0..n).filter_map(|i| self.raw.key(i).ok().flatten()).collect())
    }
}
