//! Encryption at rest: every value stored under `bo.` sealed with AES-256-GCM.
//!
//! - A random data key seals the values. It is kept only wrapped (sealed itself) in
//!   `bo.lock` by a key derived from the passphrase (PBKDF2-SHA256, done by the browser's
//!   WebCrypto: this module takes the derived key). The passphrase and the derived key are
//!   never stored. Changing the passphrase makes a new data key and writes the lock with
//!   both, wrapped by the new passphrase's key (one write: from then on only it opens the
//!   store); every value is then sealed anew by the new key, and the old one is dropped.
//! - A sealed value is `~1` and the packed bytes (see [`crate::table::codec::pack`]) of
//!   nonce, ciphertext and tag. Each value is bound to its key (the key is the additional
//!   data), so a value moved under another key does not open.
//! - Plain and sealed values can live side by side: turning encryption on or off goes key
//!   by key, and a store left half-way (a closed tab, a full quota) reads as it is and is
//!   finished at the next unlock. Key names stay plain: they show a list's name and the
//!   number of its chunks, not its records.
//! - A value that does not open under the right key is damaged: it is read as its stored
//!   text, so the store's reader sets it aside as unreadable, as it does any damaged value,
//!   and nothing overwrites it.
use super::{Backend, StorageError, PREFIX};
use crate::crypto::{is_sealed_text, new_key, Cipher, KeyError};
pub use crate::crypto::{Lock, Random, ITERATIONS};

/// Where the wrapped data key and how it was wrapped are kept, unsealed.
pub const LOCK_KEY: &str = "bo.lock";

/// Why a passphrase did not unlock the store.
#[derive(Debug, PartialEq)]
pub enum UnlockError {
    /// The derived key does not open the data key: the passphrase is wrong. Nothing written.
    WrongPassphrase,
    /// `bo.lock` itself cannot be read.
    Damaged(String),
    Storage(StorageError),
}

impl From<StorageError> for UnlockError {
    fn from(e: StorageError) -> Self {
        UnlockError::Storage(e)
    }
}

impl From<KeyError> for UnlockError {
    fn from(e: KeyError) -> Self {
        match e {
            KeyError::WrongPassphrase => UnlockError::WrongPassphrase,
            KeyError::Damaged(why) => UnlockError::Damaged(why),
        }
    }
}

/// A value's text as the fewer bytes of UTF-8 (first byte 0) or UTF-16LE (first byte 1):
/// packed chunks are all 3-byte UTF-8 characters, JSON mostly ASCII.
fn text_bytes(value: &str) -> Vec<u8> {
    let units = super::chars(value);
    if value.len() <= units * 2 {
        let mut out = Vec::with_capacity(value.len() + 1);
        out.push(0);
        out.extend_from_slice(value.as_bytes());
        out
    } else {
        let mut out = Vec::with_capacity(units * 2 + 1);
        out.push(1);
        for u in value.encode_utf16() {
            out.extend_from_slice(&u.to_le_bytes());
        }
        out
    }
}

/// `text_bytes(value).len()`, without making them.
fn text_bytes_len(value: &str) -> usize {
    1 + value.len().min(super::chars(value) * 2)
}

/// The length in UTF-16 code units of a sealed value of `plain` bytes: the mark, then the
/// packed nonce, ciphertext and tag (a header character, then 15 bits a character).
fn sealed_chars(plain: usize) -> usize {
    crate::crypto::MARK.len() + 1 + ((crate::crypto::SEAL_OVERHEAD + plain) * 8).div_ceil(15)
}

fn bytes_text(b: &[u8]) -> Option<String> {
    match b.split_first()? {
        (0, rest) => String::from_utf8(rest.to_vec()).ok(),
        (1, rest) if rest.len().is_multiple_of(2) => {
            let units: Vec<u16> = rest.chunks_exact(2).map(|p| u16::from_le_bytes([p[0], p[1]])).collect();
            String::from_utf16(&units).ok()
        }
        _ => None,
    }
}

/// The store's lock, kept under [`LOCK_KEY`].
pub fn read_lock(b: &dyn Backend) -> Result<Option<Lock>, UnlockError> {
    match b.get(LOCK_KEY)? {
        None => Ok(None),
        Some(raw) => serde_json::from_str(&raw).map(Some).map_err(|e| UnlockError::Damaged(e.to_string())),
    }
}

/// Writes `lock`; returns its text as stored.
pub fn write_lock(lock: &Lock, b: &dyn Backend) -> Result<String, StorageError> {
    let text = serde_json::to_string(lock).expect("a lock serialises");
    b.set(LOCK_KEY, &text)?;
    Ok(text)
}

/// Drops the replaced data key from the lock stored as `opened` (once nothing sealed by it
/// is left: the store's values and the attachments). One write; refused when the lock is no
/// longer `opened` (another tab changed it: its own old key may still be needed). Returns
/// the lock's new text.
pub fn forget_old(b: &dyn Backend, opened: &str) -> Result<String, StorageError> {
    if b.get(LOCK_KEY)?.as_deref() != Some(opened) {
        return Err(StorageError::LockChanged);
    }
    let mut lock: Lock = serde_json::from_str(opened).map_err(|e| StorageError::Other(e.to_string()))?;
    if lock.old.take().is_none() {
        return Ok(opened.to_string());
    }
    write_lock(&lock, b)
}

/// A backend whose values are sealed: reads open them (plain values pass through), writes
/// seal them. `bo.lock` and keys of other apps on the origin are passed through untouched.
pub struct Sealed<B: Backend> {
    inner: B,
    data_key: [u8; 32],
    cipher: Cipher,
    /// The data key a change of passphrase is replacing, while values it sealed remain.
    old: Option<([u8; 32], Cipher)>,
    /// The lock as this view opened or wrote it: its bulk writes, and its writes of the
    /// lock, are refused once another tab has changed it.
    lock: Option<String>,
    random: Random,
}

fn sealable(key: &str) -> bool {
    key.starts_with(PREFIX) && key != LOCK_KEY
}

impl<B: Backend> Sealed<B> {
    /// Only from a data key proved by its lock (or just made): a wrong key would read
    /// every value as damaged, and the store's repairs would write over them.
    fn new(inner: B, data_key: [u8; 32], old: Option<[u8; 32]>, random: Random) -> Result<Self, StorageError> {
        let old = old.map(|k| (k, Cipher::new(&k)));
        let lock = inner.get(LOCK_KEY)?;
        Ok(Sealed { inner, cipher: Cipher::new(&data_key), data_key, old, lock, random })
    }

    fn unchanged(&self) -> Result<(), StorageError> {
        if self.inner.get(LOCK_KEY)? == self.lock {
            Ok(())
        } else {
            Err(StorageError::LockChanged)
        }
    }

    /// The lock as this view opened or last wrote it.
    pub fn lock_text(&self) -> Option<&str> {
        self.lock.as_deref()
    }

    /// Opens an encrypted store with the key derived from its passphrase (and the lock's
    /// salt). A wrong passphrase writes nothing.
    pub fn unlock(inner: B, derived: &[u8; 32], random: Random) -> Result<Self, UnlockError> {
        let lock = read_lock(&inner)?.ok_or_else(|| UnlockError::Damaged("the store is not encrypted".into()))?;
        let key = lock.data_key(derived)?;
        let old = lock.old_key(derived);
        Ok(Sealed::new(inner, key, old, random)?)
    }

    /// A sealed value's bytes: by the data key, or by the one being replaced.
    fn open(&self, key: &str, v: &str) -> Option<Result<Vec<u8>, crate::crypto::DoesNotOpen>> {
        match (self.cipher.open_text(key, v), &self.old) {
            (Some(Err(_)), Some((_, old))) => old.open_text(key, v),
            (opened, _) => opened,
        }
    }

    /// Starts encrypting a plain store: a new data key, wrapped by `derived` in the lock,
    /// written first. Its values are then sealed by [`Sealed::seal_all`] (and by each save).
    pub fn encrypt(inner: B, derived: &[u8; 32], salt: &[u8; 16], random: Random) -> Result<Self, StorageError> {
        // Already encrypted (by another tab meanwhile): a second data key would leave what
        // the first sealed unreadable.
        if inner.get(LOCK_KEY)?.is_some() {
            return Err(StorageError::LockChanged);
        }
        let key = new_key(random);
        write_lock(&Lock::new(derived, salt, &key, random), &inner)?;
        Sealed::new(inner, key, None, random)
    }

    /// The data key, for files sealed so that they open with this store's passphrase
    /// (encrypted backups carry the store's lock).
    pub fn data_key(&self) -> &[u8; 32] {
        &self.data_key
    }

    /// The data key being replaced, while one is (files sealed by it are sealed anew too).
    pub fn old_key(&self) -> Option<&[u8; 32]> {
        self.old.as_ref().map(|(k, _)| k)
    }

    /// A new passphrase and a new data key, in one write of the lock: from then on only the
    /// new passphrase opens the store, and a copy of the lock or a backup made before, with
    /// the old passphrase, opens nothing sealed afterwards. The old data key stays in the
    /// lock (wrapped by the new passphrase's key) until [`Sealed::reseal_all`] has sealed
    /// every value anew and [`Sealed::forget_old`] drops it; a change cut short meanwhile
    /// reads on and is finished at the next unlock. A change begun over one cut short
    /// finishes that one first, so no value is left sealed by a key no longer kept.
    pub fn rekey(self, derived: &[u8; 32], salt: &[u8; 16]) -> Result<Self, StorageError> {
        self.reseal_all()?;
        self.unchanged()?;
        let key = new_key(self.random);
        write_lock(&Lock::replacing(derived, salt, &key, &self.data_key, self.random), &self.inner)?;
        Sealed::new(self.inner, key, Some(self.data_key), self.random)
    }

    /// Seals anew, by the data key, every value still sealed by the key being replaced (and
    /// any still plain). Same text, same length: it never needs more room.
    pub fn reseal_all(&self) -> Result<usize, StorageError> {
        let mut done = self.seal_all()?;
        let Some((_, old)) = &self.old else { return Ok(done) };
        for key in self.inner.keys()?.into_iter().filter(|k| sealable(k)) {
            let Some(v) = self.inner.get(&key)? else { continue };
            if matches!(self.cipher.open_text(&key, &v), Some(Err(_))) {
                if let Some(Ok(b)) = old.open_text(&key, &v) {
                    self.unchanged()?;
                    self.inner.set(&key, &self.cipher.seal_text(self.random, &key, &b))?;
                    done += 1;
                }
            }
        }
        Ok(done)
    }

    /// [`forget_old`] for this view's lock.
    pub fn forget_old(&mut self) -> Result<(), StorageError> {
        let opened = self.lock.clone().ok_or(StorageError::LockChanged)?;
        self.lock = Some(forget_old(&self.inner, &opened)?);
        self.old = None;
        Ok(())
    }

    /// Whether the value under `key` is stored sealed.
    pub fn is_sealed(&self, key: &str) -> Result<bool, StorageError> {
        Ok(self.inner.get(key)?.is_some_and(|v| is_sealed_text(&v)))
    }

    /// Seals every value still stored plain (a store being encrypted, or left half-way).
    /// Returns how many were sealed; stops at the first write refused (a full quota), the
    /// store still readable as it is.
    pub fn seal_all(&self) -> Result<usize, StorageError> {
        let mut done = 0;
        for key in self.inner.keys()?.into_iter().filter(|k| sealable(k)) {
            if let Some(v) = self.inner.get(&key)? {
                if !is_sealed_text(&v) {
                    self.unchanged()?;
                    self.set(&key, &v)?;
                    done += 1;
                }
            }
        }
        Ok(done)
    }

    /// Writes every value plain again, then removes the lock: the store is no longer
    /// encrypted. A value that does not open is left as it is (damaged, not lost).
    pub fn unseal_all(self) -> Result<B, StorageError> {
        for key in self.inner.keys()?.into_iter().filter(|k| sealable(k)) {
            if let Some(v) = self.inner.get(&key)? {
                if let Some(Ok(b)) = self.open(&key, &v) {
                    if let Some(plain) = bytes_text(&b) {
                        self.unchanged()?;
                        self.inner.set(&key, &plain)?;
                    }
                }
            }
        }
        self.unchanged()?;
        self.inner.remove(LOCK_KEY)?;
        Ok(self.inner)
    }
}

impl<B: Backend> Backend for Sealed<B> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        let Some(v) = self.inner.get(key)? else { return Ok(None) };
        if !sealable(key) {
            return Ok(Some(v));
        }
        match self.open(key, &v) {
            None => Ok(Some(v)),
            Some(Ok(b)) => Ok(Some(bytes_text(&b).unwrap_or(v))),
            Some(Err(_)) => Ok(Some(v)),
        }
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if !sealable(key) {
            return self.inner.set(key, value);
        }
        self.inner.set(key, &self.cipher.seal_text(self.random, key, &text_bytes(value)))
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.inner.keys()
    }
    /// What the value takes in the quota: its sealed length.
    fn size(&self, key: &str) -> Result<usize, StorageError> {
        self.inner.size(key)
    }
    fn stored_chars(&self, key: &str, value: &str) -> usize {
        if sealable(key) {
            sealed_chars(text_bytes_len(value))
        } else {
            self.inner.stored_chars(key, value)
        }
    }
    fn stored_len(&self, key: &str, _read: &str) -> Result<usize, StorageError> {
        self.inner.size(key)
    }
}

/// A tab's view of the store that refuses to write once `bo.lock` is no longer what it
/// was when the tab opened it: encryption turned on or off, or a new passphrase, in another
/// tab. Writing on would seal values by a key no longer kept, or put plain values among
/// sealed ones. One read of the small lock per write. The replaced key leaving the lock
/// once a change of passphrase is done changes nothing a write needs.
pub struct Guarded<B: Backend> {
    inner: B,
    lock: Option<String>,
}

/// A stored lock as far as the data key goes: without the key being replaced.
fn current_key_of(raw: Option<String>) -> Option<String> {
    raw.map(|text| match text.contains("\"old\"").then(|| serde_json::from_str::<Lock>(&text)) {
        Some(Ok(mut lock)) if lock.old.is_some() => {
            lock.old = None;
            serde_json::to_string(&lock).expect("a lock serialises")
        }
        _ => text,
    })
}

/// Whether two texts of the lock (as a storage event gives them) seal by the same data key:
/// the replaced key leaving the lock is no change a tab must start again for.
pub fn same_key(a: Option<String>, b: Option<String>) -> bool {
    current_key_of(a) == current_key_of(b)
}

impl<B: Backend> Guarded<B> {
    pub fn new(inner: B) -> Result<Self, StorageError> {
        let lock = current_key_of(inner.get(LOCK_KEY)?);
        Ok(Guarded { inner, lock })
    }

    fn unchanged(&self) -> Result<(), StorageError> {
        if current_key_of(self.inner.get(LOCK_KEY)?) == self.lock {
            Ok(())
        } else {
            Err(StorageError::LockChanged)
        }
    }
}

impl<B: Backend> Backend for Guarded<B> {
    fn stored_chars(&self, key: &str, value: &str) -> usize {
        self.inner.stored_chars(key, value)
    }
    fn stored_len(&self, key: &str, read: &str) -> Result<usize, StorageError> {
        self.inner.stored_len(key, read)
    }
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        // Every write reads the meta first: after a change it is refused in these words,
        // not as a meta that does not parse.
        if key == super::META_KEY {
            self.unchanged()?;
        }
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.unchanged()?;
        self.inner.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.unchanged()?;
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.inner.keys()
    }
    fn size(&self, key: &str) -> Result<usize, StorageError> {
        self.inner.size(key)
    }
}
