//! An encrypted store's attachments, sealed in IndexedDB as its values are in localStorage
//! (`storage::sealed`), by the same data key: the file's bytes, and its name, title and type
//! (a file name often says whose it is). What stays readable is what finds and counts the
//! files: the id, the record it belongs to, its size and dates. Each file is marked, so plain
//! and sealed ones live side by side while encryption is turned on or off, and the next
//! unlock finishes what a closed tab left half-way.
use js_sys::Reflect;
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};

use super::attachments::text;
use super::files::{blob_of, read_range};
use crate::crypto::Cipher;
use crate::storage::{idb, StorageError};

/// The field holding a sealed attachment's name, title and type.
const SEALED: &str = "sealed";
/// The fields it holds, removed from the stored object while sealed.
const HIDDEN: [&str; 3] = ["name", "title", "type"];

#[derive(Serialize, Deserialize)]
struct Hidden {
    name: String,
    title: String,
    #[serde(rename = "type")]
    mime: String,
}

/// The additional data of a file's bytes and of its details: bound to its id, and neither
/// taken for the other.
fn bytes_aad(id: &str) -> String {
    format!("file:{id}")
}

fn details_aad(id: &str) -> String {
    format!("file-details:{id}")
}

/// The keys a store's files are sealed by: its data key, and the one a change of
/// passphrase is replacing, while one is.
struct Keys {
    current: Cipher,
    old: Option<Cipher>,
}

impl Keys {
    fn new(key: &[u8; 32], old: Option<&[u8; 32]>) -> Keys {
        Keys { current: Cipher::new(key), old: old.map(Cipher::new) }
    }

    /// A sealed file's bytes, and whether the current key opened them.
    fn open(&self, aad: &str, sealed: &[u8]) -> Option<(Vec<u8>, bool)> {
        match self.current.open(aad, sealed) {
            Ok(b) => Some((b, true)),
            Err(_) => Some((self.old.as_ref()?.open(aad, sealed).ok()?, false)),
        }
    }

    fn details(&self, id: &str, sealed: &str) -> Option<(Hidden, bool)> {
        let text = |c: &Cipher| c.open_text(&details_aad(id), sealed)?.ok().and_then(|b| serde_json::from_slice::<Hidden>(&b).ok());
        match text(&self.current) {
            Some(h) => Some((h, true)),
            None => Some((text(self.old.as_ref()?)?, false)),
        }
    }
}

/// The open store's keys, when it is encrypted, to open files with.
fn store_keys() -> Option<Keys> {
    super::lock::store_key().map(|(_, key)| Keys::new(&key, super::lock::old_store_key().as_ref()))
}

/// The open store's keys to seal with, read for each file: refused once another tab has
/// changed the passphrase or removed encryption (a file sealed by a key no longer kept would
/// be lost); `None` while the store is plain, or being decrypted.
fn sealing_keys() -> Result<Option<Keys>, StorageError> {
    Ok(super::lock::current_store_keys()?.map(|(key, old)| Keys::new(&key, old.as_ref())))
}

thread_local! {
    /// A pass over every file is under way: one at a time, so none is sealed by one pass
    /// after another has opened it for good.
    static PASSING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Waits for a pass over every file to end, then marks one begun; `Done` ends it.
async fn one_pass() -> Done {
    while PASSING.with(|p| p.replace(true)) {
        let pause = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window().map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100));
        });
        let _ = wasm_bindgen_futures::JsFuture::from(pause).await;
    }
    Done
}

struct Done;

impl Drop for Done {
    fn drop(&mut self) {
        PASSING.with(|p| p.set(false));
    }
}

fn set(o: &JsValue, k: &str, v: &JsValue) {
    let _ = Reflect::set(o, &k.into(), v);
}

fn stored_blob(v: &JsValue) -> Option<web_sys::Blob> {
    Reflect::get(v, &"blob".into()).ok().and_then(|b| b.dyn_into::<web_sys::Blob>().ok())
}

pub fn is_sealed(v: &JsValue) -> bool {
    Reflect::get(v, &SEALED.into()).is_ok_and(|s| s.is_string())
}

/// `v` (a stored attachment, read afresh) as the screens read it: a sealed one's name, title
/// and type opened. One that does not open (damaged) is listed by its id, so it can still
/// be removed.
pub fn opened(v: JsValue) -> JsValue {
    if !is_sealed(&v) {
        return v;
    }
    // A copy: the object as stored keeps its details sealed, whatever is put back later.
    let v: JsValue = js_sys::Object::assign(&js_sys::Object::new(), v.unchecked_ref()).into();
    let id = text(&v, "id");
    let hidden = store_keys().and_then(|k| k.details(&id, &text(&v, SEALED))).map(|(h, _)| h);
    let hidden = hidden.unwrap_or(Hidden { name: format!("{id}.bin"), title: String::new(), mime: String::new() });
    set(&v, "name", &hidden.name.into());
    set(&v, "title", &hidden.title.into());
    set(&v, "type", &hidden.mime.into());
    v
}

/// The file of a stored attachment as it was added (opened when sealed); `None` when the
/// browser cannot give it back or it does not open.
pub async fn file(v: &JsValue) -> Option<web_sys::Blob> {
    let blob = stored_blob(v)?;
    if !is_sealed(v) {
        return Some(blob);
    }
    let sealed = read_range(&blob, 0, blob.size() as u64).await?;
    let (plain, _) = store_keys()?.open(&bytes_aad(&text(v, "id")), &sealed)?;
    blob_of(&plain, &text(&opened(v.clone()), "type"))
}

/// `v` as it is to be stored: sealed when the store is encrypted.
pub async fn stored(v: JsValue) -> Result<JsValue, StorageError> {
    match sealing_keys()? {
        Some(k) => seal(&k.current, v).await,
        None => Ok(v),
    }
}

fn unreadable() -> StorageError {
    StorageError::Other("the browser did not give the file back".into())
}

async fn seal(c: &Cipher, v: JsValue) -> Result<JsValue, StorageError> {
    if is_sealed(&v) {
        return Ok(v);
    }
    let id = text(&v, "id");
    let blob = stored_blob(&v).ok_or_else(unreadable)?;
    let bytes = read_range(&blob, 0, blob.size() as u64).await.ok_or_else(unreadable)?;
    let mime = Some(text(&v, "type")).filter(|t| !t.is_empty()).unwrap_or_else(|| blob.type_());
    let hidden = Hidden { name: text(&v, "name"), title: text(&v, "title"), mime };
    let details = serde_json::to_vec(&hidden).expect("details serialise");
    let random = super::passphrase::random;
    let sealed = blob_of(&c.seal(random, &bytes_aad(&id), &bytes), "application/octet-stream").ok_or_else(unreadable)?;
    set(&v, "blob", &sealed.into());
    set(&v, SEALED, &c.seal_text(random, &details_aad(&id), &details).into());
    for k in HIDDEN {
        let _ = Reflect::delete_property(v.unchecked_ref::<js_sys::Object>(), &k.into());
    }
    Ok(v)
}

/// Seals every attachment still plain (a store just encrypted, or left half-way), and seals
/// anew by the data key those sealed by the key a change of passphrase replaces; how many.
pub async fn seal_all() -> Result<usize, StorageError> {
    let _pass = one_pass().await;
    let mut done = 0;
    for listed in idb::files(None).await? {
        // Read again, one at a time: a file trashed or deleted meanwhile stays as it is now.
        let Some(v) = idb::file(&text(&listed, "id")).await? else { continue };
        let Some(keys) = sealing_keys()? else { return Ok(done) };
        let v = if is_sealed(&v) {
            match unsealed(&keys, v, true).await? {
                Some(plain) => plain,
                None => continue,
            }
        } else {
            v
        };
        idb::put_file(&seal(&keys.current, v).await?).await?;
        done += 1;
    }
    Ok(done)
}

/// A sealed file as it was before sealing: `None` when it opens under neither key (damaged,
/// left as it is), or, with `only_old`, when the data key sealed it (nothing to do).
async fn unsealed(keys: &Keys, v: JsValue, only_old: bool) -> Result<Option<JsValue>, StorageError> {
    let id = text(&v, "id");
    let Some((hidden, by_current)) = keys.details(&id, &text(&v, SEALED)) else { return Ok(None) };
    if only_old && by_current {
        return Ok(None);
    }
    let blob = stored_blob(&v).ok_or_else(unreadable)?;
    let sealed = read_range(&blob, 0, blob.size() as u64).await.ok_or_else(unreadable)?;
    let Some((plain, _)) = keys.open(&bytes_aad(&id), &sealed) else { return Ok(None) };
    set(&v, "blob", &blob_of(&plain, &hidden.mime).ok_or_else(unreadable)?.into());
    set(&v, "name", &hidden.name.into());
    set(&v, "title", &hidden.title.into());
    set(&v, "type", &hidden.mime.into());
    let _ = Reflect::delete_property(v.unchecked_ref::<js_sys::Object>(), &SEALED.into());
    Ok(Some(v))
}

/// Opens every sealed attachment for good (encryption being removed), with `key` (and
/// `old`, the key a change cut short was replacing), before the store's own values are
/// touched: a file left sealed once its key is gone would be lost, so a refused write stops
/// it all. One that does not open is damaged already and is left.
pub async fn open_all(key: &[u8; 32], old: Option<[u8; 32]>) -> Result<usize, StorageError> {
    let _pass = one_pass().await;
    let keys = Keys::new(key, old.as_ref());
    let mut done = 0;
    for listed in idb::files(None).await?.into_iter().filter(is_sealed) {
        let id = text(&listed, "id");
        let Some(v) = idb::file(&id).await?.filter(is_sealed) else { continue };
        let Some(v) = unsealed(&keys, v, false).await? else { continue };
        idb::put_file(&v).await?;
        done += 1;
    }
    Ok(done)
}
