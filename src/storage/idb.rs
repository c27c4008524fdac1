//! IndexedDB, for what localStorage cannot hold: browser objects such as the folder autosave
//! writes to (a handle only IndexedDB can keep across visits), and attachments' files. One
//! database: a key-value store (`kv`), and `files`, objects keyed by their `id` with an
//! index on their `owner`. Values are whatever the browser can structured-clone.
use js_sys::Promise;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

use super::StorageError;

const DB_NAME: &str = "backoffice";
/// 1: `kv`; 2: `files` added.
const VERSION: u32 = 2;
const STORE: &str = "kv";
pub const FILES: &str = "files";
const BY_OWNER: &str = "owner";

fn failed(e: JsValue) -> StorageError {
    let text = e
        .dyn_ref::<web_sys::DomException>()
        .map(|d| format!("{}: {}", d.name(), d.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "IndexedDB".into());
    StorageError::Unavailable(text)
}

/// Waits for a request; its error (a DOMException) when it fails.
async fn done(req: &IdbRequest) -> Result<JsValue, StorageError> {
    let wait = Promise::new(&mut |resolve, reject| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    match JsFuture::from(wait).await {
        Ok(_) => req.result().map_err(failed),
        Err(_) => Err(failed(req.error().ok().flatten().map_or(JsValue::from_str("IndexedDB"), JsValue::from))),
    }
}

/// Waits until a write transaction is on disk (or was refused: quota, a private window).
async fn committed(tx: &IdbTransaction) -> Result<(), StorageError> {
    let wait = Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onerror(Some(&reject));
        tx.set_onabort(Some(&reject));
    });
    JsFuture::from(wait).await.map(|_| ()).map_err(|_| failed(tx.error().map_or(JsValue::from_str("IndexedDB"), JsValue::from)))
}

/// An open connection, closed when dropped, on every path (an error half-way included):
/// a connection left open would hold up another tab's upgrade of the database.
struct Conn {
    db: IdbDatabase,
    /// Closes this connection when a newer build in another tab upgrades the database.
    _make_way: Closure<dyn Fn()>,
}

impl Drop for Conn {
    fn drop(&mut self) {
        self.db.set_onversionchange(None);
        self.db.close();
    }
}

impl std::ops::Deref for Conn {
    type Target = IdbDatabase;
    fn deref(&self) -> &IdbDatabase {
        &self.db
    }
}

async fn open() -> Result<Conn, StorageError> {
    let factory =
        web_sys::window().and_then(|w| w.indexed_db().ok().flatten()).ok_or_else(|| StorageError::Unavailable("IndexedDB".into()))?;
    let req = factory.open_with_u32(DB_NAME, VERSION).map_err(failed)?;
    let upgrade = Closure::once_into_js(move |ev: web_sys::Event| {
        let db: Option<IdbDatabase> =
            ev.target().and_then(|t| t.dyn_into::<IdbRequest>().ok()).and_then(|r| r.result().ok()).and_then(|r| r.dyn_into().ok());
        if let Some(db) = db {
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
            if !db.object_store_names().contains(FILES) {
                let params = web_sys::IdbObjectStoreParameters::new();
                params.set_key_path(&"id".into());
                if let Ok(files) = db.create_object_store_with_optional_parameters(FILES, &params) {
                    let _ = files.create_index_with_str(BY_OWNER, BY_OWNER);
                }
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db: IdbDatabase = done(&req).await?.dyn_into().map_err(failed)?;
    let make_way = Closure::<dyn Fn()>::new({
        let db = db.clone();
        move || db.close()
    });
    db.set_onversionchange(Some(make_way.as_ref().unchecked_ref()));
    Ok(Conn { db, _make_way: make_way })
}

/// The value stored under `key`, `None` when there is none.
pub async fn get(key: &str) -> Result<Option<JsValue>, StorageError> {
    let db = open().await?;
    let tx = db.transaction_with_str(STORE).map_err(failed)?;
    let req = tx.object_store(STORE).map_err(failed)?.get(&key.into()).map_err(failed)?;
    let v = done(&req).await?;
    Ok((!v.is_undefined()).then_some(v))
}

pub async fn put(key: &str, value: &JsValue) -> Result<(), StorageError> {
    let db = open().await?;
    let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite).map_err(failed)?;
    tx.object_store(STORE).map_err(failed)?.put_with_key(value, &key.into()).map_err(failed)?;
    let r = committed(&tx).await;
    r
}

pub async fn delete(key: &str) -> Result<(), StorageError> {
    let db = open().await?;
    let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite).map_err(failed)?;
    tx.object_store(STORE).map_err(failed)?.delete(&key.into()).map_err(failed)?;
    let r = committed(&tx).await;
    r
}

/// Every object of `files` whose `owner` is `owner`, or all of them for `None`.
pub async fn files(owner: Option<&str>) -> Result<Vec<JsValue>, StorageError> {
    let db = open().await?;
    let store = db.transaction_with_str(FILES).and_then(|tx| tx.object_store(FILES)).map_err(failed)?;
    let req = match owner {
        Some(o) => store.index(BY_OWNER).and_then(|i| i.get_all_with_key(&o.into())),
        None => store.get_all(),
    }
    .map_err(failed)?;
    let all = done(&req).await?;
    Ok(all.dyn_into::<js_sys::Array>().map(|a| a.to_vec()).unwrap_or_default())
}

/// One object of `files` by its id.
pub async fn file(id: &str) -> Result<Option<JsValue>, StorageError> {
    let db = open().await?;
    let req = db.transaction_with_str(FILES).and_then(|tx| tx.object_store(FILES)).and_then(|s| s.get(&id.into())).map_err(failed)?;
    let v = done(&req).await?;
    Ok((!v.is_undefined()).then_some(v))
}

/// Stores `value` (an object with its `id`) in `files`, replacing one with that id.
pub async fn put_file(value: &JsValue) -> Result<(), StorageError> {
    let db = open().await?;
    let tx = db.transaction_with_str_and_mode(FILES, IdbTransactionMode::Readwrite).map_err(failed)?;
    tx.object_store(FILES).map_err(failed)?.put(value).map_err(failed)?;
    let r = committed(&tx).await;
    r
}

pub async fn delete_file(id: &str) -> Result<(), StorageError> {
    let db = open().await?;
    let tx = db.transaction_with_str_and_mode(FILES, IdbTransactionMode::Readwrite).map_err(failed)?;
    tx.object_store(FILES).map_err(failed)?.delete(&id.into()).map_err(failed)?;
    let r = committed(&tx).await;
    r
}

/// Removes every attachment (all data removed from this browser).
pub async fn clear_files() -> Result<(), StorageError> {
    let db = open().await?;
    let tx = db.transaction_with_str_and_mode(FILES, IdbTransactionMode::Readwrite).map_err(failed)?;
    tx.object_store(FILES).map_err(failed)?.clear().map_err(failed)?;
    let r = committed(&tx).await;
    r
}
