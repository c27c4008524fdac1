//! Encrypted backup files. The backup's text is deflated, then sealed with AES-256-GCM by a
//! data key, and written beside the lock that wraps that key by a passphrase's key (the same
//! [`Lock`] an encrypted store keeps): a file exported from an encrypted store carries the
//! store's own lock and opens with its passphrase; a file protected by a passphrase of its
//! own carries a new lock. The file is JSON, so it is recognised, named and mailed like any
//! backup; nothing in it but the lock's salt and iteration count is readable.
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::crypto::{Cipher, KeyError, Lock, Random};

pub const FORMAT: &str = "backoffice-sealed-backup";
const VERSION: u32 = 1;
/// More rounds than this is not a file this app wrote; deriving them would hang the page.
const MOST_ITERATIONS: u32 = 10_000_000;
/// The largest backup text opened: a full store is some 40 MB as a backup; more is a bomb.
const MOST_TEXT_BYTES: usize = 256 << 20;

/// What a file is encrypted with: the lock it carries and the data key that lock wraps.
pub type FileKey = (Lock, [u8; 32]);

/// An encrypted backup as written: how to get its key, and the sealed text.
#[derive(Debug, Serialize, Deserialize)]
pub struct Sealed {
    pub format: String,
    pub version: u32,
    pub lock: Lock,
    /// Nonce, ciphertext and tag of the deflated backup text, in base64.
    pub data: String,
}

/// Why a file that says it is an encrypted backup does not give its backup.
#[derive(Debug, PartialEq)]
pub enum OpenError {
    /// Its lock or its data are not as this app writes them (cut short, edited).
    Damaged,
    /// Written by a newer version of the app.
    Newer(u32),
    /// The passphrase does not open it. Nothing is imported.
    WrongPassphrase,
}

/// The encrypted backup of `text` (a backup file's text), its data key wrapped by `lock`.
pub fn seal(text: &str, lock: &Lock, data_key: &[u8; 32], random: Random) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 6);
    let sealed = Cipher::new(data_key).seal(random, FORMAT, &packed);
    let file = Sealed { format: FORMAT.into(), version: VERSION, lock: lock.clone(), data: STANDARD.encode(sealed) };
    serde_json::to_string(&file).expect("an encrypted backup serialises")
}

/// Whether `bytes` say they are an encrypted backup (its format is written first).
pub fn is_sealed(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(200)];
    let needle = format!("\"{FORMAT}\"");
    head.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// The file's lock and sealed data, checked before any key is derived for it.
pub fn read(bytes: &[u8]) -> Result<Sealed, OpenError> {
    let file: Sealed = serde_json::from_slice(bytes).map_err(|_| OpenError::Damaged)?;
    if file.format != FORMAT {
        return Err(OpenError::Damaged);
    }
    if file.version > VERSION {
        return Err(OpenError::Newer(file.version));
    }
    if file.lock.salt_bytes().is_err() || !(1..=MOST_ITERATIONS).contains(&file.lock.iterations) {
        return Err(OpenError::Damaged);
    }
    Ok(file)
}

impl Sealed {
    /// The data key, given the key derived from the passphrase and the lock's salt: it
    /// opens the file, and an archive's list and files beside it.
    pub fn key(&self, derived: &[u8; 32]) -> Result<[u8; 32], OpenError> {
        self.lock.data_key(derived).map_err(|e| match e {
            KeyError::WrongPassphrase => OpenError::WrongPassphrase,
            KeyError::Damaged(_) => OpenError::Damaged,
        })
    }

    /// The backup's text, given the key derived from the passphrase and the lock's salt.
    pub fn open(&self, derived: &[u8; 32]) -> Result<Vec<u8>, OpenError> {
        self.open_with_key(&self.key(derived)?)
    }

    /// The backup's text, given the data key itself (a backup of a store open in this tab).
    pub fn open_with_key(&self, key: &[u8; 32]) -> Result<Vec<u8>, OpenError> {
        let sealed = STANDARD.decode(self.data.as_bytes()).map_err(|_| OpenError::Damaged)?;
        let packed = Cipher::new(key).open(FORMAT, &sealed).map_err(|_| OpenError::Damaged)?;
        miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MOST_TEXT_BYTES).map_err(|_| OpenError::Damaged)
    }
}

#[cfg(test)]
#[path = "sealed_backup_tests.rs"]
mod tests;
