//! The one seam between the app and persistent storage.
//!
//! Layout (every key starts with `bo.` so other apps on the origin are never touched):
//! - `bo.meta`: schema version, a revision per collection, when a backup was last exported,
//!   the node this browser's record ids carry.
//! - `bo.c.<collection>`: the collection's head, `{"schema":6,"rev":7,…}`. A document
//!   (settings) sits inline in `data`; a list names its chunks: `"chunks":[[0,150],[1,12]]`,
//!   and its patch if it has one: `"patch":2,"patched":[[0,17],[1,3]]` (chunk 2 holds the
//!   records last saved, each named by its chunk and place, read over what those chunks hold).
//! - `bo.k.<collection>.<id>`: one chunk of a list, a few hundred records in the compact
//!   encoding of [`crate::table::codec`] behind the revision that wrote it (`7;…`). Saving one record
//!   rewrites the list's patch (a few records) and the head, whatever the size of the list;
//!   a chunk is rewritten when the patch outgrows [`layout::PATCH`] records, and the chunks
//!   the patch names when records are removed.
//! - `bo.premigration.v<N>`: the keys as they were before a migration from schema N (packed).
//! - `bo.lock`: only in an encrypted store, the wrapped data key and how to derive the key
//!   that opens it ([`sealed`]); every other value is then sealed (`~1…`).
//!
//! Writes are immediate and checked: a collection is written only if its stored revision is
//! still the one this tab last read, so a second tab's newer data is never silently replaced.
#[cfg(target_arch = "wasm32")]
mod browser;
mod db;
#[cfg(target_arch = "wasm32")]
pub mod idb;
pub mod layout;
mod memory;
pub mod sealed;
mod txn;

#[cfg(target_arch = "wasm32")]
pub use browser::LocalStorageBackend;
pub use db::{Db, OpenReport, PendingMigration, Summary, Unreadable, Write, HOLDS_UNREADABLE};
pub use layout::Edit;
pub use memory::MemoryBackend;

/// Stored collections by name, as JSON: what migrations work on.
pub type Docs = std::collections::BTreeMap<String, serde_json::Value>;

/// The stored format's version, and how a store written by an older one is brought up to it
/// (forward only). The app hands its own in (`crate::registry::STORE`): this seam knows no
/// record type.
pub struct Schema {
    pub current: u32,
    /// The newest schema whose migration changes stored records. A store from it up to
    /// `current` is read as it is (the newer schemas only added encodings the reader
    /// knows): its meta's number is raised, so an older build opens it read-only, and
    /// nothing else is rewritten or copied, which a nearly full store could not hold.
    pub records_changed_at: u32,
    pub migrate: fn(&mut Docs, u32) -> Result<(), String>,
    /// Lists whose new chunks hold fewer records than [`layout::CHUNK`]: a list appended to
    /// on every save (the audit trail) re-encodes its last chunk each time.
    pub small_chunks: &'static [(&'static str, usize)],
}

impl Schema {
    /// Records a new chunk of `list` takes.
    pub fn chunk_records(&self, list: &str) -> usize {
        self.small_chunks.iter().find(|(n, _)| *n == list).map_or(layout::CHUNK, |(_, k)| *k)
    }
}

pub const PREFIX: &str = "bo.";
pub const META_KEY: &str = "bo.meta";
/// What a Chromium origin gets, in UTF-16 code units of keys plus values.
pub const QUOTA_CHARS: usize = 5_242_880;

pub fn doc_key(name: &str) -> String {
    format!("{PREFIX}c.{name}")
}

pub fn chunk_prefix(name: &str) -> String {
    format!("{PREFIX}k.{name}.")
}

pub fn chunk_key(name: &str, id: u32) -> String {
    format!("{PREFIX}k.{name}.{id}")
}

pub fn doc_name(key: &str) -> Option<&str> {
    key.strip_prefix(PREFIX)?.strip_prefix("c.")
}

#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// Storage is blocked or absent (private mode, disabled cookies); with the browser's words.
    Unavailable(String),
    /// The origin's quota is full; nothing was written.
    Quota,
    /// Another tab saved this collection since this tab read it.
    Conflict(String),
    /// Data was written by a newer version of the app; this one must not write.
    ReadOnly,
    /// The collection's stored text could not be read; it is kept, not overwritten.
    Unreadable(String),
    /// Encryption was turned on or off, or given a new passphrase, since this tab opened
    /// the store (another tab): its writes would be sealed by the wrong key, or not at all.
    LockChanged,
    Other(String),
}

// Written out rather than through Debug: Debug's string escaping brings Unicode tables
// into the wasm.
impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Unavailable(why) => write!(f, "storage unavailable: {why}"),
            StorageError::Quota => f.write_str("storage quota full"),
            StorageError::Conflict(name) => write!(f, "{name} was saved by another tab"),
            StorageError::ReadOnly => f.write_str("data written by a newer version"),
            StorageError::Unreadable(name) => write!(f, "{name} cannot be read"),
            StorageError::LockChanged => f.write_str("the store's encryption changed in another tab"),
            StorageError::Other(why) => f.write_str(why),
        }
    }
}

/// Raw key/value access; implemented by localStorage in the browser and a map in tests.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    fn keys(&self) -> Result<Vec<String>, StorageError>;
    /// A value's length in UTF-16 code units; 0 when absent.
    fn size(&self, key: &str) -> Result<usize, StorageError> {
        Ok(self.get(key)?.map_or(0, |v| chars(&v)))
    }
    /// What `value` will take in the quota once set under `key` (key not counted): its
    /// length, unless the backend stores it otherwise (sealed).
    fn stored_chars(&self, key: &str, value: &str) -> usize {
        let _ = key;
        chars(value)
    }
    /// What the value just read under `key` (as `read`) takes in the quota (key not
    /// counted): its length, unless the backend stores it otherwise (sealed: then read again).
    fn stored_len(&self, key: &str, read: &str) -> Result<usize, StorageError> {
        let _ = key;
        Ok(chars(read))
    }
}

/// Length as the browser counts it: UTF-16 code units.
pub fn chars(s: &str) -> usize {
    // One unit per character (every byte but UTF-8's continuation bytes), two for those a
    // four-byte sequence holds. Counted over bytes, not decoded: a chunk's stored text is
    // all three-byte characters, and each save counts a few of them.
    s.bytes().map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0)).sum()
}

/// Characters used by all keys and values of the origin, as the browser counts them.
pub fn usage(b: &dyn Backend) -> usize {
    b.keys().unwrap_or_default().iter().map(|k| chars(k) + b.size(k).unwrap_or(0)).sum()
}

#[cfg(test)]
mod tests {
    #[test]
    fn chars_count_as_the_browser_does() {
        for s in ["", "abc", "Rp 1.500.000,00", "語", "a😀b", "\u{800}\u{87FF}", "é😀語x"] {
            assert_eq!(super::chars(s), s.encode_utf16().count(), "{s}");
        }
    }
}
