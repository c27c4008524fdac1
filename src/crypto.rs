//! AES-256-GCM sealing of bytes, and the lock that keeps a data key wrapped by the key a
//! passphrase gives (PBKDF2-SHA256, derived by the browser's WebCrypto: this module takes
//! the derived key). Shared by the encrypted store (`storage::sealed`) and encrypted backup
//! files (`domain::sealed_backup`), so a backup can carry the store's own lock and open with
//! the same passphrase.
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use serde::{Deserialize, Serialize};

use crate::table::codec::{pack, unpack};

/// PBKDF2-SHA256 iterations for a new passphrase (OWASP's figure for 2023 onwards).
pub const ITERATIONS: u32 = 600_000;
/// The additional data the data key is wrapped with (the store's lock key, kept as it was
/// first written so every lock made since still opens).
const WRAP_AAD: &str = "bo.lock";
/// The same for the data key a change of passphrase is replacing: neither taken for the other.
const OLD_WRAP_AAD: &str = "bo.lock.old";
/// How sealed bytes are written as text: this mark, then the packed bytes.
pub const MARK: &str = "~1";
const NONCE: usize = 12;
const TAG: usize = 16;
/// Bytes sealing adds: the nonce before the ciphertext, the tag after it.
pub const SEAL_OVERHEAD: usize = NONCE + TAG;

/// A source of random bytes (the browser's `crypto.getRandomValues`).
pub type Random = fn(&mut [u8]);

/// Why a derived key did not give the data key.
#[derive(Debug, PartialEq)]
pub enum KeyError {
    /// The derived key does not open the data key: the passphrase is wrong.
    WrongPassphrase,
    /// The lock itself cannot be read.
    Damaged(String),
}

/// Sealed bytes that do not open: another key, other additional data, or damage.
#[derive(Debug, PartialEq)]
pub struct DoesNotOpen;

/// A data key ready to seal and open.
pub struct Cipher(Aes256Gcm);

impl Cipher {
    pub fn new(key: &[u8; 32]) -> Cipher {
        Cipher(Aes256Gcm::new(key.into()))
    }

    /// A fresh nonce, then the ciphertext and its tag, bound to `aad`.
    pub fn seal(&self, random: Random, aad: &str, plain: &[u8]) -> Vec<u8> {
        let mut nonce = [0u8; NONCE];
        random(&mut nonce);
        let sealed = self
            .0
            .encrypt(Nonce::from_slice(&nonce), Payload { msg: plain, aad: aad.as_bytes() })
            .expect("AES-GCM seals any length a browser holds");
        let mut out = Vec::with_capacity(NONCE + sealed.len());
        out.extend_from_slice(&nonce);
        out.extend(sealed);
        out
    }

    /// What [`Cipher::seal`] sealed with the same key and `aad`; `Err` for anything else.
    pub fn open(&self, aad: &str, bytes: &[u8]) -> Result<Vec<u8>, DoesNotOpen> {
        if bytes.len() < NONCE + TAG {
            return Err(DoesNotOpen);
        }
        let (nonce, sealed) = bytes.split_at(NONCE);
        self.0.decrypt(Nonce::from_slice(nonce), Payload { msg: sealed, aad: aad.as_bytes() }).map_err(|_| DoesNotOpen)
    }

    /// [`Cipher::seal`] written as text: the mark and the packed bytes.
    pub fn seal_text(&self, random: Random, aad: &str, plain: &[u8]) -> String {
        format!("{MARK}{}", pack(&self.seal(random, aad, plain)))
    }

    /// `None` when `text` is not sealed; `Some(Err)` when it is and does not open.
    pub fn open_text(&self, aad: &str, text: &str) -> Option<Result<Vec<u8>, DoesNotOpen>> {
        let body = text.strip_prefix(MARK)?;
        Some(unpack(body).map_err(|_| DoesNotOpen).and_then(|b| self.open(aad, &b)))
    }
}

/// Whether `text` is written as [`Cipher::seal_text`] writes.
pub fn is_sealed_text(text: &str) -> bool {
    text.starts_with(MARK)
}

/// How a passphrase becomes the key that wraps the data key: kept unsealed beside what the
/// data key seals (the store's `bo.lock`, a backup file's header).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lock {
    pub version: u32,
    pub kdf: String,
    pub iterations: u32,
    /// The PBKDF2 salt, 16 bytes in hex.
    pub salt: String,
    /// The data key sealed by the derived key.
    pub key: String,
    /// The data key before a change of passphrase, sealed by the same derived key: kept
    /// while values it sealed are sealed anew by `key`, so a change cut short reads on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
}

pub fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) || !s.is_ascii() {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok()).collect()
}

impl Lock {
    /// A new lock around `data_key`, wrapped by `derived` (from the passphrase and `salt`).
    pub fn new(derived: &[u8; 32], salt: &[u8; 16], data_key: &[u8; 32], random: Random) -> Lock {
        Lock {
            version: 1,
            kdf: "PBKDF2-SHA256".into(),
            iterations: ITERATIONS,
            salt: hex(salt),
            key: Cipher::new(derived).seal_text(random, WRAP_AAD, data_key),
            old: None,
        }
    }

    /// [`Lock::new`] that also keeps `old`, the data key being replaced.
    pub fn replacing(derived: &[u8; 32], salt: &[u8; 16], data_key: &[u8; 32], old: &[u8; 32], random: Random) -> Lock {
        let mut lock = Lock::new(derived, salt, data_key, random);
        lock.old = Some(Cipher::new(derived).seal_text(random, OLD_WRAP_AAD, old));
        lock
    }

    pub fn salt_bytes(&self) -> Result<[u8; 16], KeyError> {
        unhex(&self.salt).and_then(|s| s.try_into().ok()).ok_or_else(|| KeyError::Damaged("salt".into()))
    }

    /// The data key, if `derived` is the key of the right passphrase.
    pub fn data_key(&self, derived: &[u8; 32]) -> Result<[u8; 32], KeyError> {
        if self.kdf != "PBKDF2-SHA256" || self.iterations == 0 {
            return Err(KeyError::Damaged(format!("kdf {} × {}", self.kdf, self.iterations)));
        }
        unwrap_key(derived, &self.key, WRAP_AAD)
    }

    /// The data key a change of passphrase is replacing, while it is kept; `None` too when
    /// it does not open (damaged: what it sealed is kept aside as unreadable, never lost
    /// to a refusal of the right passphrase).
    pub fn old_key(&self, derived: &[u8; 32]) -> Option<[u8; 32]> {
        self.old.as_deref().and_then(|old| unwrap_key(derived, old, OLD_WRAP_AAD).ok())
    }
}

fn unwrap_key(derived: &[u8; 32], wrapped: &str, aad: &str) -> Result<[u8; 32], KeyError> {
    match Cipher::new(derived).open_text(aad, wrapped) {
        Some(Ok(k)) => k.try_into().map_err(|_| KeyError::Damaged("data key length".into())),
        Some(Err(DoesNotOpen)) => Err(KeyError::WrongPassphrase),
        None => Err(KeyError::Damaged("data key".into())),
    }
}

/// A new random data key.
pub fn new_key(random: Random) -> [u8; 32] {
    let mut key = [0u8; 32];
    random(&mut key);
    key
}

/// Not random, but never the same twice: what the tests need of a nonce source.
#[cfg(test)]
pub(crate) fn counter(out: &mut [u8]) {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(1);
    let n = N.fetch_add(1, Ordering::Relaxed).to_le_bytes();
    for (i, b) in out.iter_mut().enumerate() {
        *b = n[i % 8] ^ (i as u8);
    }
}
